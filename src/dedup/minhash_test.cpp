#include "dedup/minhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

namespace newsdedup {
namespace {

std::vector<std::uint64_t> random_hashes(std::mt19937_64& rng, std::size_t n) {
  std::vector<std::uint64_t> out(n);
  for (auto& h : out) h = rng();
  return out;
}

double exact_jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  const std::unordered_set<std::uint64_t> in_a(a.begin(), a.end());
  const std::unordered_set<std::uint64_t> in_b(b.begin(), b.end());
  std::size_t shared = 0;
  for (std::uint64_t h : in_b) shared += in_a.count(h);
  const std::size_t union_size = in_a.size() + in_b.size() - shared;
  return union_size == 0 ? 1.0 : static_cast<double>(shared) / static_cast<double>(union_size);
}

// E|X/k - J| for X ~ Binomial(k, J): the mean absolute error of an ideal k-permutation MinHash.
double binomial_mean_abs_error(double j) {
  constexpr auto k = static_cast<int>(kSignatureSize);
  if (j <= 0 || j >= 1) return 0;
  double sum = 0;
  for (int x = 0; x <= k; ++x) {
    const double log_p = std::lgamma(k + 1) - std::lgamma(x + 1) - std::lgamma(k - x + 1) + x * std::log(j) +
                         (k - x) * std::log1p(-j);
    sum += std::exp(log_p) * std::abs(static_cast<double>(x) / k - j);
  }
  return sum;
}

struct ErrorStats {
  double mae = 0;
  double bias = 0;
  double ideal_mae = 0;  // what an ideal 128-permutation MinHash would average on the same pairs
  double worst = 0;
  double outlier_fraction = 0;  // pairs with |error| > 4 sigma + 0.02, sigma = sqrt(J (1 - J) / 128)
  std::size_t low = 0;          // pairs with J < 0.1
  std::size_t high = 0;         // pairs with J > 0.9
  std::size_t small = 0;        // pairs with a set of fewer than 128 shingles (densified bins)
};

// `pairs` random pairs of shingle sets of min_size..max_size hashes whose target Jaccard is
// uniform on [0, 1]: half of the pairs have equal sizes (so J reaches 1), half independent sizes.
ErrorStats measure_estimation_error(std::uint64_t seed, std::size_t pairs, std::size_t min_size, std::size_t max_size) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::size_t> size_dist(min_size, max_size);
  std::uniform_real_distribution<double> target_dist(0.0, 1.0);
  ErrorStats stats;
  std::size_t outliers = 0;
  for (std::size_t p = 0; p < pairs; ++p) {
    const std::size_t na = size_dist(rng);
    const std::size_t nb = p % 2 == 0 ? na : size_dist(rng);
    const double target = target_dist(rng);
    const auto want_shared = static_cast<std::size_t>(std::llround(target * static_cast<double>(na + nb) / (1 + target)));
    const std::size_t shared_count = std::min({want_shared, na, nb});

    const std::vector<std::uint64_t> shared = random_hashes(rng, shared_count);
    std::vector<std::uint64_t> a = shared;
    std::vector<std::uint64_t> b = shared;
    for (std::uint64_t h : random_hashes(rng, na - shared_count)) a.push_back(h);
    for (std::uint64_t h : random_hashes(rng, nb - shared_count)) b.push_back(h);
    std::shuffle(a.begin(), a.end(), rng);
    std::shuffle(b.begin(), b.end(), rng);

    const double truth = exact_jaccard(a, b);
    const double error = estimate_jaccard(minhash_signature(a), minhash_signature(b)) - truth;
    stats.mae += std::abs(error);
    stats.bias += error;
    stats.ideal_mae += binomial_mean_abs_error(truth);
    stats.worst = std::max(stats.worst, std::abs(error));
    const double sigma = std::sqrt(truth * (1 - truth) / static_cast<double>(kSignatureSize));
    outliers += std::abs(error) > 4 * sigma + 0.02;
    stats.low += truth < 0.1;
    stats.high += truth > 0.9;
    stats.small += std::min(na, nb) < kSignatureSize;
  }
  const auto n = static_cast<double>(pairs);
  stats.mae /= n;
  stats.bias /= n;
  stats.ideal_mae /= n;
  stats.outlier_fraction = static_cast<double>(outliers) / n;
  return stats;
}

void report(const char* label, std::size_t pairs, const ErrorStats& s) {
  std::cout << "[ MinHash  ] " << label << ": pairs=" << pairs << " MAE=" << s.mae << " bias=" << s.bias
            << " ideal-MinHash MAE=" << s.ideal_mae << " max|err|=" << s.worst
            << " outliers(>4sigma+0.02)=" << s.outlier_fraction << " J<0.1:" << s.low << " J>0.9:" << s.high
            << " small sets:" << s.small << "\n";
}

// The estimation-error test: on 2000 random pairs of 20..2000 shingles whose true Jaccard spans
// [0, 1], the MinHash estimate must be unbiased and its error must stay within the binomial
// spread of a 128-position signature.
TEST(MinHash, EstimationErrorOverRandomPairsIsWithinBinomialExpectation) {
  constexpr std::size_t kPairs = 2000;
  const ErrorStats s = measure_estimation_error(20240611, kPairs, 20, 2000);
  report("20..2000 shingles", kPairs, s);
  RecordProperty("minhash_mae", std::to_string(s.mae));
  RecordProperty("minhash_bias", std::to_string(s.bias));
  RecordProperty("minhash_outlier_fraction", std::to_string(s.outlier_fraction));

  // The generator really spans [0, 1] and exercises densification.
  EXPECT_GE(s.low, 100u);
  EXPECT_GE(s.high, 100u);
  EXPECT_GE(s.small, 20u);

  EXPECT_LT(s.mae, 0.03);
  EXPECT_GT(s.bias, -0.01);
  EXPECT_LT(s.bias, 0.01);
  EXPECT_LT(s.outlier_fraction, 0.02);
  // One-permutation hashing with densification must not add much spread over ideal MinHash.
  EXPECT_LT(s.mae, 1.15 * s.ideal_mae);
}

// Short bodies leave most of the 128 bins empty, so their estimate rests on densification.
TEST(MinHash, EstimationErrorOnShortDocumentsIsWithinBinomialExpectation) {
  constexpr std::size_t kPairs = 1000;
  const ErrorStats s = measure_estimation_error(77, kPairs, 10, 120);
  report("10..120 shingles", kPairs, s);
  EXPECT_EQ(s.small, kPairs);
  EXPECT_GT(s.bias, -0.01);
  EXPECT_LT(s.bias, 0.01);
  EXPECT_LT(s.outlier_fraction, 0.02);
  EXPECT_LT(s.mae, 1.15 * s.ideal_mae);
}

TEST(MinHash, IdenticalSetsEstimateOne) {
  std::mt19937_64 rng(1);
  for (std::size_t n : {1u, 5u, 50u, 3000u}) {
    const auto a = random_hashes(rng, n);
    EXPECT_EQ(estimate_jaccard(minhash_signature(a), minhash_signature(a)), 1.0) << n;
  }
}

TEST(MinHash, DisjointLargeSetsEstimateNearZero) {
  std::mt19937_64 rng(2);
  const auto a = random_hashes(rng, 5000);
  const auto b = random_hashes(rng, 5000);
  EXPECT_LE(estimate_jaccard(minhash_signature(a), minhash_signature(b)), 0.02);
}

TEST(MinHash, SignatureDoesNotDependOnShingleOrderOrDuplicates) {
  std::mt19937_64 rng(3);
  auto a = random_hashes(rng, 400);
  const Signature expected = minhash_signature(a);
  std::shuffle(a.begin(), a.end(), rng);
  EXPECT_EQ(minhash_signature(a), expected);
  std::sort(a.begin(), a.end());
  EXPECT_EQ(minhash_signature(a), expected);
  a.insert(a.end(), a.begin(), a.begin() + 100);  // repeated shingles change nothing
  EXPECT_EQ(minhash_signature(a), expected);
}

TEST(MinHash, EstimateIsSymmetricAndTracksOverlap) {
  std::mt19937_64 rng(4);
  const auto shared = random_hashes(rng, 900);
  auto a = shared;
  auto b = shared;
  for (auto h : random_hashes(rng, 100)) a.push_back(h);
  for (auto h : random_hashes(rng, 100)) b.push_back(h);  // J = 900 / 1100
  const Signature sa = minhash_signature(a);
  const Signature sb = minhash_signature(b);
  EXPECT_EQ(estimate_jaccard(sa, sb), estimate_jaccard(sb, sa));
  EXPECT_NEAR(estimate_jaccard(sa, sb), 900.0 / 1100.0, 0.15);
}

TEST(MinHash, EmptyAndTinyInputsDoNotCrash) {
  const std::vector<std::uint64_t> none;
  const Signature empty = minhash_signature(none);
  EXPECT_EQ(estimate_jaccard(empty, empty), 1.0);
  // A single shingle fills one bin; densification must still fill all the others from it.
  const std::vector<std::uint64_t> one = {0x0123456789ABCDEFULL};
  const Signature single = minhash_signature(one);
  for (std::uint32_t value : single) EXPECT_EQ(value, static_cast<std::uint32_t>(one[0]));
  const std::vector<std::uint64_t> other = {0xFEDCBA9876543210ULL};
  EXPECT_EQ(estimate_jaccard(single, minhash_signature(other)), 0.0);
}

// Band keys of an earlier crawl are compared with a new crawl's (newsdedup candidates over both),
// so a signature must not change from one version to the next: pinned here for sets that leave
// from most to few bins empty, so that every densification path (the first probes, the later
// ones, the probes computed past the table) is covered.
TEST(MinHash, SignaturesAreStableAcrossVersions) {
  std::mt19937_64 rng(20261123);
  std::uint64_t digest = 0;
  for (const std::size_t n : {2, 5, 20, 60, 200, 1000}) {
    for (int repeat = 0; repeat < 50; ++repeat) {
      for (const std::uint32_t value : minhash_signature(random_hashes(rng, n))) digest = (digest ^ value) * 0x100000001B3ULL;
    }
  }
  EXPECT_EQ(digest, 0x1A61453646C8C01BULL);
}

}  // namespace
}  // namespace newsdedup
