#include "dedup/lsh_candidates.h"

#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_sort.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <utility>

namespace newsdedup {
namespace {

std::uint64_t pack(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return std::uint64_t{a} << 32 | b;
}

}  // namespace

CandidateGraph find_candidates(std::span<const Signature> signatures, const LshParameters& parameters) {
  if (parameters.bands * parameters.rows > kSignatureSize || parameters.rows == 0)
    throw std::invalid_argument("LSH bands x rows exceed the signature size");
  const std::size_t n = signatures.size();
  tbb::enumerable_thread_specific<std::vector<std::uint64_t>> local_pairs;
  std::atomic<std::uint64_t> oversized{0};

  tbb::parallel_for(std::size_t{0}, parameters.bands, [&](std::size_t band) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(n);
    const std::size_t offset = band * parameters.rows;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t key = XXH3_64bits_withSeed(signatures[i].data() + offset,
                                                     parameters.rows * sizeof(std::uint32_t), band);
      keys[i] = {key, static_cast<std::uint32_t>(i)};
    }
    std::sort(keys.begin(), keys.end());
    auto& pairs = local_pairs.local();
    for (std::size_t begin = 0; begin < n;) {
      std::size_t end = begin + 1;
      while (end < n && keys[end].first == keys[begin].first) ++end;
      const bool oversized_bucket = end - begin > parameters.max_bucket;
      oversized += oversized_bucket;
      for (std::size_t a = begin; a < end; ++a) {
        const std::size_t last = oversized_bucket ? std::min(end, a + 1 + parameters.max_bucket) : end;
        for (std::size_t b = a + 1; b < last; ++b) pairs.push_back(pack(keys[a].second, keys[b].second));
      }
      begin = end;
    }
  });

  std::vector<std::uint64_t> pairs;
  for (auto& local : local_pairs) pairs.insert(pairs.end(), local.begin(), local.end());
  tbb::parallel_sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  CandidateGraph graph;
  graph.pair_count = pairs.size();
  graph.oversized_buckets = oversized.load();
  graph.offsets.assign(n + 1, 0);
  for (std::uint64_t p : pairs) {
    ++graph.offsets[(p >> 32) + 1];
    ++graph.offsets[(p & 0xFFFFFFFFu) + 1];
  }
  for (std::size_t i = 0; i < n; ++i) graph.offsets[i + 1] += graph.offsets[i];
  graph.neighbors.resize(graph.offsets[n]);
  std::vector<std::uint64_t> fill(graph.offsets.begin(), graph.offsets.end() - 1);
  for (std::uint64_t p : pairs) {  // pairs are sorted, so every list comes out sorted
    const auto a = static_cast<std::uint32_t>(p >> 32);
    const auto b = static_cast<std::uint32_t>(p & 0xFFFFFFFFu);
    graph.neighbors[fill[a]++] = b;
    graph.neighbors[fill[b]++] = a;
  }
  return graph;
}

}  // namespace newsdedup
