// MinHash, shingling and exact verification kernels.
//   newsdedup_bench --benchmark_filter=MinHash   items/s = shingles hashed into a signature per second
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "dedup/minhash.h"
#include "dedup/shingles.h"
#include "dedup/similarity.h"

namespace newsdedup {
namespace {

// About 3 KB of wire copy, with a dateline, figures, quotes and curly apostrophes.
const std::string& news_text() {
  static const std::string text =
      "MOSCOW (Reuters) - Russia\u2019s foreign ministry sees no grounds for talking about resuming dialogue on "
      "strategic stability and arms control with the United States at the moment, Interfax news agency reported "
      "on Saturday, citing Russia\u2019s deputy foreign minister.\n\n"
      "Sergei Ryabkov said that Moscow and Washington \u201Care exchanging signals on Ukraine\u201D through closed "
      "channels at the military and political levels, according to Interfax.\n\n"
      "He also said that Russia was ready to listen to U.S. President-elect Donald Trump\u2019s proposals on "
      "resolving the crisis in Ukraine, adding that there could be no simple solution.\n\n"
      "\u201CWe are extremely thorough, responsible and attentive to any ideas that are proposed by countries in "
      "this area,\u201D Interfax quoted Ryabkov as saying.\n\n"
      "Russian President Vladimir Putin on Thursday congratulated Trump on winning the U.S. election, praised him "
      "for showing courage when a gunman tried to assassinate him in July, and said Moscow was ready for dialogue "
      "with Trump. He said comments that Trump had made about trying to end the war were worthy of attention.\n\n"
      "Ryabkov said the threat of severing diplomatic relations with the United States remained if Russia\u2019s "
      "frozen assets, estimated at 300 bln dlrs, were seized or Washington escalated tensions over Ukraine.\n\n"
      "Ryabkov also commented on Russia\u2019s updated nuclear doctrine, saying it would make it possible \u201Cto "
      "turn to the nuclear option\u201D if there was an acute crisis in relations with the West and the situation "
      "in Ukraine, Interfax reported.\n\n"
      "\u201CThis process will be finalised. The president of the Russian Federation as supreme "
      "commander-in-chief will undoubtedly make decisions that will mean the improvement of the conceptual "
      "foundations of our activities in this sphere,\u201D Ryabkov told Interfax.\n\n"
      "Putin warned the West in September that under proposed changes to the doctrine Russia could use nuclear "
      "arms if it was struck with conventional missiles and would consider any assault on it supported by a "
      "nuclear power to be a joint attack.\n\n"
      "Russia and the United States hold 5,580 and 5,044 nuclear warheads respectively, according to the "
      "Federation of American Scientists, about 88 pct of the world\u2019s total. The New START treaty, the last "
      "remaining pact limiting the two countries\u2019 deployed strategic arsenals to 1,550 warheads each, "
      "expires in February 2026, and no talks on a successor have been held since Russia suspended its "
      "participation in 2023.\n\n"
      "Analysts said a resumption of arms control dialogue was unlikely before the new U.S. administration took "
      "office, but that both sides had an interest in avoiding an unconstrained arms race that would cost "
      "hundreds of billions of dollars over the next decade.\n\n"
      "The Kremlin has said it is open to talks but that any dialogue must take into account what it calls the "
      "security interests of Russia, including the expansion of the North Atlantic Treaty Organization towards its "
      "borders, an issue on which Washington has shown little willingness to compromise.";
  return text;
}

std::vector<std::uint64_t> random_shingles(std::size_t n) {
  std::mt19937_64 rng(n);
  std::vector<std::uint64_t> v(n);
  for (auto& h : v) h = rng();
  return v;
}

void BM_MinHashSignature(benchmark::State& state) {
  const auto shingles = random_shingles(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    Signature signature = minhash_signature(shingles);
    benchmark::DoNotOptimize(signature);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_MinHashSignature)->Arg(100)->Arg(1000)->Arg(10000);

// As above, but a different document each call, as in a run: with one document repeated, the
// branch predictor learns which of its bins are empty, and densification looks free.
void BM_MinHashSignatureVaried(benchmark::State& state) {
  constexpr std::size_t kDocuments = 1024;
  const auto n = static_cast<std::size_t>(state.range(0));
  const auto shingles = random_shingles(kDocuments * n);
  std::size_t next = 0;
  for (auto _ : state) {
    Signature signature = minhash_signature(std::span<const std::uint64_t>(shingles).subspan(next * n, n));
    benchmark::DoNotOptimize(signature);
    next = (next + 1) % kDocuments;
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_MinHashSignatureVaried)->Arg(100)->Arg(250)->Arg(1000);

void BM_EstimateJaccard(benchmark::State& state) {
  const Signature a = minhash_signature(random_shingles(1000));
  const Signature b = minhash_signature(random_shingles(1001));
  for (auto _ : state) benchmark::DoNotOptimize(estimate_jaccard(a, b));
}
BENCHMARK(BM_EstimateJaccard);

void BM_ShingleBody(benchmark::State& state) {
  const std::string& text = news_text();
  for (auto _ : state) {
    ShingleSet set = shingle_body(text);
    benchmark::DoNotOptimize(set);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.counters["text_bytes"] = static_cast<double>(text.size());
  state.counters["shingles"] = static_cast<double>(shingle_body(text).hashes.size());
}
BENCHMARK(BM_ShingleBody);

void BM_CompareShingles(benchmark::State& state) {
  const std::string& text = news_text();
  const ShingleSet full = shingle_body(text);
  const ShingleSet truncated = shingle_body(text.substr(0, text.size() * 2 / 3));
  const std::vector<std::uint32_t> full_keys = shingle_keys(full.hashes);
  const std::vector<std::uint32_t> truncated_keys = shingle_keys(truncated.hashes);
  const ShingleView a{full_keys, full.numbers};
  const ShingleView b{truncated_keys, truncated.numbers};
  for (auto _ : state) benchmark::DoNotOptimize(compare_shingles(a, b));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(full.hashes.size() + truncated.hashes.size()));
}
BENCHMARK(BM_CompareShingles);

}  // namespace
}  // namespace newsdedup
