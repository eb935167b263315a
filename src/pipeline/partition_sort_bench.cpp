// Sorting band keys: partition_sort (by band, then within each band) against tbb::parallel_sort.
//   newsdedup_bench --benchmark_filter=BandKeys   items/s = keys sorted per second (one thread)
#include <benchmark/benchmark.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_sort.h>

#include <random>
#include <vector>

#include "dedup/lsh_candidates.h"
#include "pipeline/partition_sort.h"

namespace newsdedup {
namespace {

// The 64 keys of each of n / 64 documents, as they are added; about three documents share a bucket.
std::vector<BandKey> band_keys(std::size_t n) {
  std::mt19937_64 random(1);
  std::vector<BandKey> keys(n);
  for (std::size_t i = 0; i < n; ++i)
    keys[i] = {random() % (n / 3 + 1) * 0x9E3779B97F4A7C15ULL, static_cast<std::uint32_t>(i % 64),
               static_cast<std::uint32_t>(i / 64)};
  return keys;
}

template <typename Sort>
void sort_band_keys(benchmark::State& state, Sort sort) {
  tbb::global_control one_thread(tbb::global_control::max_allowed_parallelism, 1);
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

void BM_BandKeysParallelSort(benchmark::State& state) {
  sort_band_keys(state, [](std::vector<BandKey>& keys) { tbb::parallel_sort(keys.begin(), keys.end()); });
}
BENCHMARK(BM_BandKeysParallelSort)->Arg(1 << 22)->Unit(benchmark::kMillisecond);

void BM_BandKeysPartitionSort(benchmark::State& state) {
  sort_band_keys(state, [](std::vector<BandKey>& keys) {
    partition_sort(std::span<BandKey>(keys), 64, [](const BandKey& key) { return std::size_t{key.band}; },
                   [](const BandKey& key) { return key.key; });
  });
}
BENCHMARK(BM_BandKeysPartitionSort)->Arg(1 << 22)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsdedup
