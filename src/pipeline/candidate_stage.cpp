#include "pipeline/candidate_stage.h"

#include <oneapi/tbb/parallel_pipeline.h>

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <memory>
#include <string>
#include <utility>

#include "io/default_init_allocator.h"
#include "pipeline/pair_sorter.h"

namespace newsdedup {
namespace {

// Bands whose buckets are being found or waiting for the sorter.
constexpr std::size_t kBandsInFlight = 4;
constexpr std::size_t kBandReadRecords = 4096;

// One band's buckets of two or more clustered documents, in the order the band yields them: the
// members' visit ranks, one bucket after another, where each ends, and a 64-bit fingerprint
// (XXH3) of each bucket's members.
struct BandBuckets {
  std::vector<std::uint32_t, DefaultInitAllocator<std::uint32_t>> members;  // resized, then written
  std::vector<std::size_t> ends;
  std::vector<std::uint64_t> fingerprints;
  std::uint64_t oversized_buckets = 0;
};

// The buckets some band has already turned into pairs, by fingerprint. Copies of one story share
// most bands, and in each they form the same bucket: its pairs are made once, not once a band
// (on seed 11, 4.8 M pair arrivals for 142,000 distinct pairs). Buckets are claimed band by band
// in order, so which pairs reach the sorter, and so its spills, do not depend on the threads; a
// table too full to take a bucket only makes it be paired again. Two buckets would be mixed up
// only if their member lists had the same 64-bit XXH3. Fixed size; not thread-safe.
class PairedBuckets {
 public:
  explicit PairedBuckets(std::size_t documents)
      : slots_(std::bit_ceil(std::clamp<std::size_t>(4 * documents, std::size_t{1} << 12, std::size_t{1} << 22)), kFree) {}

  // Whether a bucket of this fingerprint was claimed before; claims it if not.
  bool claimed_before(std::uint64_t fingerprint) {
    fingerprint += fingerprint == kFree;
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>(fingerprint) & mask;
    for (std::size_t probe = 0; probe < kMaxProbes; ++probe, at = (at + 1) & mask) {
      if (slots_[at] == fingerprint) return true;
      if (slots_[at] == kFree) {
        slots_[at] = fingerprint;
        return false;
      }
    }
    return false;  // full around here: paired again, which only repeats pairs
  }

 private:
  static constexpr std::uint64_t kFree = 0;
  static constexpr std::size_t kMaxProbes = 16;
  std::vector<std::uint64_t> slots_;
};

std::shared_ptr<BandBuckets> band_buckets(const BandKeySource& band_keys, std::size_t band, const VisitOrder& visit,
                                          const LshParameters& lsh) {
  auto result = std::make_shared<BandBuckets>();
  // The visit ranks of the bucket's leaders, in input order: for_each_bucket_pair pairs
  // positions in the bucket (input order decides which members an oversized bucket links), so
  // ranks can stand in for the documents, and a pair is packed without looking them up again.
  auto& members = result->members;
  std::size_t written = 0;       // members written so far
  std::size_t bucket_start = 0;  // where the open bucket's members start
  const std::uint32_t* const rank = visit.rank.data();
  std::uint32_t open = 0;  // the open bucket's key
  const auto keep = [&](const std::uint32_t* first, const std::uint32_t* end) {
    const auto size = static_cast<std::size_t>(end - first);
    result->oversized_buckets += is_oversized_bucket(size, lsh.max_bucket);  // in every band that has it
    result->ends.push_back(static_cast<std::size_t>(end - members.data()));
    result->fingerprints.push_back(XXH3_64bits(first, size * sizeof(std::uint32_t)));
  };
  band_keys.visit_band(band, [&](std::span<const std::uint64_t> keys) {
    members.resize(written + keys.size());  // at most a member a key; not zeroed
    std::uint32_t* const base = members.data();
    std::uint32_t* bucket = base + bucket_start;
    std::uint32_t* out = base + written;
    // Most keys continue a bucket or open one that stays single: a key that closes a bucket of
    // two or more members is the only branch taken (the others are selects), as a third of
    // the keys open a bucket in no pattern a predictor could follow.
    for (const std::uint64_t packed : keys) {
      const std::uint32_t key = BandKey::packed_key(packed);
      const bool opens = key != open;
      if (opens & (out - bucket > 1)) {
        keep(bucket, out);
        bucket = out;
      }
      out = opens ? bucket : out;  // a bucket of one member yields nothing: dropped
      open = key;
      const std::uint32_t r = rank[BandKey::packed_doc(packed)];
      *out = r;
      out += r != kNoDocument;
    }
    written = static_cast<std::size_t>(out - base);
    bucket_start = static_cast<std::size_t>(bucket - base);
  });
  if (written - bucket_start > 1) {
    keep(members.data() + bucket_start, members.data() + written);
  } else {
    written = bucket_start;
  }
  members.resize(written);
  return result;
}

}  // namespace

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
  // Longest body first, input order among equals: a stable counting sort on each 16-bit half of
  // the length, low half first (a std::stable_sort of seed 11's 62,000 leaders took 4 ms).
  std::vector<std::uint32_t> sorted(order.size());
  std::vector<std::uint32_t> start(std::size_t{1} << 16);
  for (const int shift : {0, 16}) {
    const auto digit = [&](std::uint32_t d) { return 0xFFFFu - (body_bytes[d] >> shift & 0xFFFFu); };  // longest first
    std::fill(start.begin(), start.end(), 0);
    for (const std::uint32_t d : order) ++start[digit(d)];
    std::uint32_t total = 0;
    for (std::uint32_t& count : start) total += std::exchange(count, total);
    for (const std::uint32_t d : order) sorted[start[digit(d)]++] = d;
    order.swap(sorted);
  }
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
}

std::uint64_t VisitOrder::pack(std::uint32_t doc, std::uint32_t candidate) const {
  return pack_ranks(rank[doc], rank[candidate]);
}

BandKeySource band_key_file_source(const FormatReader& file, std::uint64_t documents, std::size_t bands) {
  auto key_at = [&file](std::uint64_t index) {
    BandKey key;
    file.read_at(kWorkFileHeaderBytes + index * sizeof key, &key, sizeof key);
    return key;
  };
  // starts[b]: the first key of a band >= b (binary search; the reads check what it assumed).
  auto starts = std::make_shared<std::vector<std::uint64_t>>();
  for (std::size_t band = 0; band <= bands; ++band) {
    std::uint64_t low = band == 0 ? 0 : starts->back();
    std::uint64_t high = file.records();
    while (low < high) {
      const std::uint64_t middle = low + (high - low) / 2;
      if (key_at(middle).band < band) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    starts->push_back(low);
  }
  if (starts->back() != file.records()) file.fail("a band key of a band beyond the " + std::to_string(bands) + " bands");
  return {bands, [&file, documents, starts](std::size_t band, const BandKeySource::Visit& visit) {
            std::vector<BandKey> chunk;
            std::vector<std::uint64_t> packed;
            BandKey previous{};
            for (std::uint64_t next = (*starts)[band], end = (*starts)[band + 1]; next < end;) {
              chunk.resize(static_cast<std::size_t>(std::min<std::uint64_t>(end - next, kBandReadRecords)));
              file.read_at(kWorkFileHeaderBytes + next * sizeof(BandKey), chunk.data(), chunk.size() * sizeof(BandKey));
              packed.clear();
              for (const BandKey& key : chunk) {
                check_key(file, key, next > (*starts)[band] ? &previous : nullptr, documents);
                if (key.band != band) file.fail("records out of order (corrupt?)");
                packed.push_back(key.packed());
                previous = key;
                ++next;
              }
              visit(packed);  // checked whole before any of it is used
            }
          }};
}

void find_candidates(const BandKeySource& band_keys, const VisitOrder& visit, const LshParameters& lsh,
                     std::uint64_t memory_bytes, const std::filesystem::path& spill_folder, FormatWriter& out,
                     RunSummary& summary) {
  PairSorter pairs(spill_folder, out.path().filename().string() + "-pairs", memory_bytes);
  std::size_t next_band = 0;
  PairedBuckets paired(visit.order.size());
  tbb::parallel_pipeline(
      kBandsInFlight,
      tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                          [&](tbb::flow_control& control) -> std::size_t {
                                            if (next_band == band_keys.bands) control.stop();
                                            return next_band++;
                                          }) &
          tbb::make_filter<std::size_t, std::shared_ptr<BandBuckets>>(
              tbb::filter_mode::parallel,
              [&](std::size_t band) { return band_buckets(band_keys, band, visit, lsh); }) &
          tbb::make_filter<std::shared_ptr<BandBuckets>, void>(
              tbb::filter_mode::serial_in_order, [&](std::shared_ptr<BandBuckets> band) {
                summary.oversized_buckets += band->oversized_buckets;
                std::size_t start = 0;
                for (std::size_t b = 0; b < band->ends.size(); start = band->ends[b++]) {
                  if (paired.claimed_before(band->fingerprints[b])) continue;
                  for_each_bucket_pair(std::span<const std::uint32_t>(band->members).subspan(start, band->ends[b] - start),
                                       lsh.max_bucket,
                                       [&](std::uint32_t a, std::uint32_t c) { pairs.add(VisitOrder::pack_ranks(a, c)); });
                }
              }));
  pairs.merge([&](std::uint64_t pair) {
    out.write_record(CandidatePair{visit.order[pair >> 32], visit.order[pair & 0xFFFFFFFFu]});
  });
  out.finish();
  summary.candidate_pairs += out.records();
  summary.count_spills(pairs);
}

}  // namespace newsdedup
