#include "pipeline/document_stream.h"

#include <oneapi/tbb/parallel_pipeline.h>

#include <memory>
#include <vector>

namespace newsdedup {
namespace {

constexpr std::size_t kBatchDocuments = 256;
constexpr std::uint64_t kBatchBytes = 4u << 20;

struct Batch {
  std::vector<Document> documents;
  std::vector<ProcessedDocument> processed;
};

}  // namespace

StreamStats stream_documents(DocumentReader& reader, const Cleaner& cleaner, bool sketch, std::size_t threads,
                             const std::function<void(ProcessedDocument&)>& prepare,
                             const std::function<void(ProcessedDocument&&)>& consume,
                             const std::function<void(const StreamStats&)>& on_batch,
                             const StreamSelection& selection) {
  StreamStats stats;
  const std::size_t tokens = std::max<std::size_t>(2, 2 * threads);
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, std::shared_ptr<Batch>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> std::shared_ptr<Batch> {
            auto batch = std::make_shared<Batch>();
            std::uint64_t bytes = 0;
            bool more = true;
            while (batch->documents.size() < kBatchDocuments && bytes < kBatchBytes) {
              auto document = reader.next();
              if (!document) {
                more = false;
                break;
              }
              bytes += document->input_bytes;
              ++stats.documents;
              if (selection.wanted && !selection.wanted(document->ordinal)) continue;
              batch->documents.push_back(std::move(*document));
            }
            stats.input_bytes += bytes;
            if (batch->documents.empty() && !more) {
              control.stop();
              return nullptr;
            }
            if (on_batch) on_batch(stats);
            return batch;
          }) &
          tbb::make_filter<std::shared_ptr<Batch>, std::shared_ptr<Batch>>(
              tbb::filter_mode::parallel,
              [&](std::shared_ptr<Batch> batch) {
                batch->processed.reserve(batch->documents.size());
                for (Document& document : batch->documents) {
                  batch->processed.push_back(process_document(std::move(document), cleaner, sketch, selection.boilerplate));
                  if (prepare) prepare(batch->processed.back());
                }
                batch->documents.clear();
                return batch;
              }) &
          tbb::make_filter<std::shared_ptr<Batch>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<Batch> batch) {
                for (ProcessedDocument& document : batch->processed) consume(std::move(document));
              }));
  return stats;
}

}  // namespace newsdedup
