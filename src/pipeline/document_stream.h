// stream_documents: the first pass of every job, read -> (clean, sketch) -> consume.
//
// A oneTBB parallel_pipeline with three filters: a serial reader that cuts the input into
// batches, a parallel filter that runs process_document() on each batch, and a serial
// in-order filter that hands every ProcessedDocument to `consume` in input order. At most
// 2 x threads batches are in flight, so memory stays bounded however large the input.
// `on_batch` (optional) is called from the reading filter after each batch, for progress.
#pragma once

#include <cstddef>
#include <functional>

#include "clean/cleaner.h"
#include "io/document_reader.h"
#include "pipeline/processed_document.h"

namespace newsdedup {

struct StreamStats {
  std::uint64_t documents = 0;
  std::uint64_t input_bytes = 0;
};

StreamStats stream_documents(DocumentReader& reader, const Cleaner& cleaner, bool sketch, std::size_t threads,
                             const std::function<void(ProcessedDocument&&)>& consume,
                             const std::function<void(const StreamStats&)>& on_batch = {});

}  // namespace newsdedup
