// stream_documents: the first pass of every job, read -> (clean, sketch) -> consume.
//
// A oneTBB parallel_pipeline with three filters: a serial reader that cuts the input into
// batches, a parallel filter that runs process_document() and then the job's `prepare` (its
// records' serialisation, optional) on each document of a batch, and a serial in-order filter
// that hands every ProcessedDocument to `consume` in input order. Work moved from `consume` to
// `prepare` leaves the one serial step shorter. At most 2 x threads batches (of up to 64
// documents) are in flight, so memory stays bounded however large the input. A batch is used
// again once consumed: its documents are read and processed into the same objects, whose
// buffers are reused (`consume` reads a document; it must not keep references into it).
// `on_batch` (optional) is called from the reading filter after each batch, for progress.
// StreamSelection (optional) restricts the work to some documents (by ordinal; the others are
// read and skipped, never handed to `consume`) and gives the cleaner cross-corpus evidence.
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

struct StreamSelection {
  std::function<bool(std::uint64_t ordinal)> wanted;
  const BoilerplateFilter* boilerplate = nullptr;
};

StreamStats stream_documents(DocumentReader& reader, const Cleaner& cleaner, bool sketch, std::size_t threads,
                             const std::function<void(ProcessedDocument&)>& prepare,
                             const std::function<void(const ProcessedDocument&)>& consume,
                             const std::function<void(const StreamStats&)>& on_batch = {},
                             const StreamSelection& selection = {});

}  // namespace newsdedup
