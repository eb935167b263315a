#include "pipeline/document_stream.h"

#include <oneapi/tbb/parallel_pipeline.h>

#include <memory>
#include <mutex>
#include <vector>

namespace newsdedup {
namespace {

constexpr std::size_t kBatchDocuments = 256;
constexpr std::uint64_t kBatchBytes = 4u << 20;

struct Batch {
  std::vector<Document> documents;
  std::vector<ProcessedDocument> processed;
};

// Batches that the in-order filter is done with, kept with their processed documents: freeing
// those (a score of allocations each) is left to the parallel filter that next uses the batch,
// not done on the serial step that consumed them. At most as many batches as tokens exist.
class BatchPool {
 public:
  std::shared_ptr<Batch> take() {
    const std::lock_guard lock(mutex_);
    if (free_.empty()) return std::make_shared<Batch>();
    std::shared_ptr<Batch> batch = std::move(free_.back());
    free_.pop_back();
    return batch;
  }
  void give_back(std::shared_ptr<Batch> batch) {
    const std::lock_guard lock(mutex_);
    free_.push_back(std::move(batch));
  }

 private:
  std::mutex mutex_;
  std::vector<std::shared_ptr<Batch>> free_;
};

}  // namespace

StreamStats stream_documents(DocumentReader& reader, const Cleaner& cleaner, bool sketch, std::size_t threads,
                             const std::function<void(ProcessedDocument&)>& prepare,
                             const std::function<void(ProcessedDocument&&)>& consume,
                             const std::function<void(const StreamStats&)>& on_batch,
                             const StreamSelection& selection) {
  StreamStats stats;
  BatchPool pool;
  const std::size_t tokens = std::max<std::size_t>(2, 2 * threads);
  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, std::shared_ptr<Batch>>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& control) -> std::shared_ptr<Batch> {
            std::shared_ptr<Batch> batch = pool.take();
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
                batch->processed.clear();  // the documents of the batch's previous round
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
                pool.give_back(std::move(batch));
              }));
  return stats;
}

}  // namespace newsdedup
