// Sorting one LSH band's keys: sort_by_hash against std::sort.
//   newsdedup_bench --benchmark_filter=BandKeys   items/s = keys sorted per second
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <vector>

#include "dedup/lsh_candidates.h"
#include "pipeline/hash_radix_sort.h"

namespace newsdedup {
namespace {

// One band's keys of n documents, about three documents to a bucket.
std::vector<BandKey> band_keys(std::size_t n) {
  std::mt19937_64 random(1);
  std::vector<BandKey> keys(n);
  for (std::size_t i = 0; i < n; ++i)
    keys[i] = {static_cast<std::uint32_t>(random() % (n / 3 + 1) * 0x9E3779B1u), 7, static_cast<std::uint32_t>(i)};
  return keys;
}

template <typename Sort>
void sort_band_keys(benchmark::State& state, Sort sort) {
  const std::vector<BandKey> keys = band_keys(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<BandKey> copy = keys;
    state.ResumeTiming();
    sort(copy);
    benchmark::DoNotOptimize(copy.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_BandKeysStdSort(benchmark::State& state) {
  sort_band_keys(state, [](std::vector<BandKey>& keys) { std::sort(keys.begin(), keys.end()); });
}
BENCHMARK(BM_BandKeysStdSort)->Arg(1 << 16)->Arg(1 << 20);

void BM_BandKeysSortByHash(benchmark::State& state) {
  sort_band_keys(state, [](std::vector<BandKey>& keys) {
    sort_by_hash(std::span<BandKey>(keys), [](const BandKey& key) { return key.sort_hash(); });
  });
}
BENCHMARK(BM_BandKeysSortByHash)->Arg(1 << 16)->Arg(1 << 20);

}  // namespace
}  // namespace newsdedup
