#include "pipeline/candidate_stage.h"

#include <algorithm>
#include <numeric>

#include "pipeline/pair_sorter.h"

namespace newsdedup {

std::vector<std::uint32_t> exact_leaders(const RecordStream<ExactKey>& exact, std::size_t documents) {
  std::vector<std::uint32_t> leader(documents, kNoDocument);
  std::uint64_t hash = 0;
  std::uint32_t current = kNoDocument;
  exact([&](const ExactKey& key) {
    if (current == kNoDocument || key.hash != hash) {
      hash = key.hash;
      current = key.doc;
    }
    leader[key.doc] = current;
  });
  return leader;
}

VisitOrder::VisitOrder(std::span<const std::uint32_t> body_bytes, std::span<const std::uint32_t> leader)
    : rank(leader.size(), kNoDocument) {
  for (std::uint32_t d = 0; d < leader.size(); ++d)
    if (leader[d] == d) order.push_back(d);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return body_bytes[a] > body_bytes[b]; });
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
}

std::uint64_t VisitOrder::pack(std::uint32_t doc, std::uint32_t candidate) const {
  std::uint32_t later = rank[doc];
  std::uint32_t earlier = rank[candidate];
  if (later < earlier) std::swap(later, earlier);
  return std::uint64_t{later} << 32 | earlier;
}

void find_candidates(const RecordStream<BandKey>& band_keys, const VisitOrder& visit, const LshParameters& lsh,
                     std::uint64_t memory_bytes, const std::filesystem::path& spill_folder, FormatWriter& out,
                     RunSummary& summary) {
  PairSorter pairs(spill_folder, out.path().filename().string() + "-pairs", memory_bytes);
  std::vector<std::uint32_t> bucket;  // the bucket's leaders, in input order
  BandKey open{};
  auto close = [&] {
    if (bucket.size() > 1)
      summary.oversized_buckets += for_each_bucket_pair(
          bucket, lsh.max_bucket, [&](std::uint32_t a, std::uint32_t b) { pairs.add(visit.pack(a, b)); });
    bucket.clear();
  };
  band_keys([&](const BandKey& key) {
    if (!key.same_bucket(open)) {
      close();
      open = key;
    }
    if (visit.rank[key.doc] != kNoDocument) bucket.push_back(key.doc);
  });
  close();
  pairs.merge([&](std::uint64_t pair) {
    out.write_record(CandidatePair{visit.order[pair >> 32], visit.order[pair & 0xFFFFFFFFu]});
  });
  out.finish();
  summary.candidate_pairs += out.records();
  summary.count_spills(pairs);
}

}  // namespace newsdedup
