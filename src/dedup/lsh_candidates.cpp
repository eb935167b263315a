#include "dedup/lsh_candidates.h"

#include <oneapi/tbb/parallel_sort.h>
// Inlined: a band's rows are a few bytes, where a call into the library costs as much as the hash.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace newsdedup {
namespace {

std::uint64_t pack(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return std::uint64_t{a} << 32 | b;
}

}  // namespace

void check_parameters(const LshParameters& parameters) {
  if (parameters.bands * parameters.rows > kSignatureSize || parameters.rows == 0)
    throw std::invalid_argument("LSH bands x rows exceed the signature size");
}

void append_band_keys(const Signature& signature, std::uint32_t doc, const LshParameters& parameters,
                      std::vector<BandKey>& out) {
  const std::size_t first = out.size();
  out.resize(first + parameters.bands);
  BandKey* const keys = out.data() + first;
  const auto fill = [&](std::size_t rows) {  // `rows` a constant where it can be: XXH3 then skips its length tests
    for (std::size_t band = 0; band < parameters.bands; ++band) {
      const std::uint64_t hash = XXH3_64bits_withSeed(signature.data() + band * rows, rows * sizeof(std::uint32_t), band);
      keys[band] = {static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(band), doc};
    }
  };
  if (parameters.rows == 2) {  // the default
    fill(2);
  } else {
    fill(parameters.rows);
  }
}

CandidateCollector::CandidateCollector(std::size_t documents, const LshParameters& parameters)
    : documents_(documents), max_bucket_(parameters.max_bucket) {}

void CandidateCollector::add_bucket(std::span<const std::uint32_t> docs) {
  oversized_ += for_each_bucket_pair(docs, max_bucket_, [&](std::uint32_t a, std::uint32_t b) { pairs_.push_back(pack(a, b)); });
  // Similar documents share many bands, so the same pair arrives many times: drop repeats
  // whenever the list has doubled, which keeps it within twice the distinct pairs.
  if (pairs_.size() >= 2 * compacted_size_ + (1u << 20)) compact();
}

void CandidateCollector::compact() {
  tbb::parallel_sort(pairs_.begin(), pairs_.end());
  pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  compacted_size_ = pairs_.size();
}

CandidateGraph CandidateCollector::finish() {
  compact();
  CandidateGraph graph;
  graph.pair_count = pairs_.size();
  graph.oversized_buckets = oversized_;
  graph.offsets.assign(documents_ + 1, 0);
  for (std::uint64_t p : pairs_) {
    ++graph.offsets[(p >> 32) + 1];
    ++graph.offsets[(p & 0xFFFFFFFFu) + 1];
  }
  for (std::size_t i = 0; i < documents_; ++i) graph.offsets[i + 1] += graph.offsets[i];
  graph.neighbors.resize(graph.offsets[documents_]);
  std::vector<std::uint64_t> fill(graph.offsets.begin(), graph.offsets.end() - 1);
  for (std::uint64_t p : pairs_) {  // pairs are sorted, so every list comes out sorted
    const auto a = static_cast<std::uint32_t>(p >> 32);
    const auto b = static_cast<std::uint32_t>(p & 0xFFFFFFFFu);
    graph.neighbors[fill[a]++] = b;
    graph.neighbors[fill[b]++] = a;
  }
  std::vector<std::uint64_t>().swap(pairs_);
  return graph;
}

CandidateGraph find_candidates(std::span<const Signature> signatures, const LshParameters& parameters) {
  check_parameters(parameters);
  std::vector<BandKey> keys;
  keys.reserve(signatures.size() * parameters.bands);
  for (std::size_t i = 0; i < signatures.size(); ++i)
    append_band_keys(signatures[i], static_cast<std::uint32_t>(i), parameters, keys);
  tbb::parallel_sort(keys.begin(), keys.end());
  CandidateCollector collector(signatures.size(), parameters);
  std::vector<std::uint32_t> bucket;
  for (std::size_t begin = 0; begin < keys.size();) {
    std::size_t end = begin + 1;
    while (end < keys.size() && keys[end].same_bucket(keys[begin])) ++end;
    if (end - begin > 1) {
      bucket.clear();
      for (std::size_t k = begin; k < end; ++k) bucket.push_back(keys[k].doc);
      collector.add_bucket(bucket);
    }
    begin = end;
  }
  return collector.finish();
}

}  // namespace newsdedup
