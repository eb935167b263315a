#include "dedup/clusterer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <numeric>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "clean/cleaner.h"
#include "dedup/lsh_candidates.h"
#include "dedup/shingles.h"
#include "text/normalize.h"

namespace newsdedup {
namespace {

// A document's shingles: the 64-bit hashes for MinHash, and the 32-bit keys that are compared.
struct Doc {
  ShingleSet set;
  std::vector<std::uint32_t> keys;  // shingle_keys(set.hashes)
  std::uint64_t bytes = 0;
  ShingleView view() const { return {keys, set.numbers}; }
};

Doc make_doc(const std::string& body) {
  Doc d{shingle_body(body), {}, body.size()};
  d.keys = shingle_keys(d.set.hashes);
  return d;
}

// A document given directly by its shingle keys, begin..end-1 (no figures).
Doc make_set(std::uint32_t begin, std::uint32_t end, std::uint64_t bytes) {
  Doc d;
  for (std::uint64_t key = begin; key < end; ++key) d.set.hashes.push_back(key << 32 | 0x9E37);
  d.keys = shingle_keys(d.set.hashes);
  d.bytes = bytes;
  return d;
}

struct ClusterInput {
  ShingleView shingles;
  std::uint32_t body_bytes = 0;
};

struct ClusterStats {
  std::uint64_t verifications = 0;
};

// Clusters documents 0..n-1 (input order) over a candidate graph held in memory: visits them
// longest body first, ties by input order, as the pipeline's VisitOrder does, and streams each
// document's earlier-visited candidates to a VisitOrderClusterer. Returns assignments by input
// order.
std::vector<ClusterAssignment> cluster_documents(std::span<const ClusterInput> inputs, const CandidateGraph& graph,
                                                 const DuplicateRule& rule, ClusterStats* stats = nullptr) {
  const auto n = static_cast<std::uint32_t>(inputs.size());
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return inputs[a].body_bytes > inputs[b].body_bytes; });
  std::vector<std::uint32_t> rank(n);
  for (std::uint32_t r = 0; r < n; ++r) rank[order[r]] = r;

  VisitOrderClusterer clusterer(n, rule,
                                [&](std::uint32_t r, ShingleBuffer&) { return inputs[order[r]].shingles; });
  std::vector<std::uint32_t> earlier;
  for (std::uint32_t r = 0; r < n; ++r) {
    earlier.clear();
    for (std::uint32_t c : graph.neighbors_of(order[r]))
      if (rank[c] < r) earlier.push_back(rank[c]);
    std::sort(earlier.begin(), earlier.end());
    for (std::uint32_t e : earlier) clusterer.add(r, e);
  }
  const std::vector<ClusterAssignment> by_rank = clusterer.finish();
  std::vector<ClusterAssignment> assignment(n);
  for (std::uint32_t r = 0; r < n; ++r)
    assignment[order[r]] = {order[by_rank[r].representative], by_rank[r].jaccard, by_rank[r].containment};
  if (stats != nullptr) stats->verifications = clusterer.verifications();
  return assignment;
}

std::vector<ClusterInput> inputs_of(const std::vector<Doc>& docs) {
  std::vector<ClusterInput> inputs;
  for (std::size_t i = 0; i < docs.size(); ++i)
    inputs.push_back({docs[i].view(), static_cast<std::uint32_t>(docs[i].bytes)});
  return inputs;
}

CandidateGraph lsh_graph(const std::vector<Doc>& docs) {
  std::vector<Signature> signatures;
  for (const Doc& d : docs) signatures.push_back(minhash_signature(d.set.hashes));
  return find_candidates(signatures, LshParameters{});
}

CandidateGraph graph_of(std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  std::vector<std::vector<std::uint32_t>> lists(n);
  for (auto [a, b] : edges) {
    lists[a].push_back(b);
    lists[b].push_back(a);
  }
  CandidateGraph g;
  g.offsets.push_back(0);
  for (auto& list : lists) {
    std::sort(list.begin(), list.end());
    g.neighbors.insert(g.neighbors.end(), list.begin(), list.end());
    g.offsets.push_back(g.neighbors.size());
  }
  g.pair_count = edges.size();
  return g;
}

std::string cleaned_fixture(const char* name) {
  std::ifstream in(std::string(NEWSDEDUP_FIXTURES) + "/" + name, std::ios::binary);
  const std::string raw{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return Cleaner().clean(normalize_text(raw)).body;
}

TEST(Clusterer, TruncatedCopyJoinsTheFullStoryWithTheLongestAsRepresentative) {
  const std::string full = cleaned_fixture("003_f14518781b17d4c3.txt");
  ASSERT_GT(full.size(), 1500u);
  // The first half of the story, as a reprint that cut it short, with another dateline.
  std::string truncated = full.substr(0, full.find("\n\n", full.size() / 2));
  truncated.replace(0, truncated.find(" - ") + 3, "Reuters, Moscow : ");
  const std::string unrelated = cleaned_fixture("000_f93b8b3ccaf1c5a3.txt");
  ASSERT_GT(unrelated.size(), 1500u);

  // The truncated copy comes first in the input; the full story is still the representative.
  const std::vector<Doc> docs = {make_doc(truncated), make_doc(unrelated), make_doc(full)};
  const auto inputs = inputs_of(docs);
  ClusterStats stats;
  const auto clusters = cluster_documents(inputs, lsh_graph(docs), DuplicateRule{}, &stats);
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_EQ(clusters[2].representative, 2u);
  EXPECT_EQ(clusters[0].representative, 2u);
  EXPECT_EQ(clusters[1].representative, 1u);
  EXPECT_DOUBLE_EQ(clusters[0].containment, 1.0);
  EXPECT_LT(clusters[0].jaccard, 0.8);
  EXPECT_GE(stats.verifications, 1u);
}

TEST(Clusterer, DoesNotChainWhenTheBridgeIsShortest) {
  // A ~ B and B ~ C (Jaccard 2/3), but A !~ C (Jaccard 3/7); B is the shortest.
  const std::vector<Doc> docs = {make_set(0, 100, 3000), make_set(20, 120, 1000), make_set(40, 140, 2000)};
  const auto inputs = inputs_of(docs);
  const DuplicateRule rule;
  ASSERT_TRUE(rule.is_duplicate(compare_shingles(inputs[0].shingles, inputs[1].shingles)));
  ASSERT_TRUE(rule.is_duplicate(compare_shingles(inputs[1].shingles, inputs[2].shingles)));
  ASSERT_FALSE(rule.is_duplicate(compare_shingles(inputs[0].shingles, inputs[2].shingles)));
  const auto clusters = cluster_documents(inputs, graph_of(3, {{0, 1}, {1, 2}, {0, 2}}), rule);
  EXPECT_EQ(clusters[0].representative, 0u);
  EXPECT_EQ(clusters[2].representative, 2u);
  EXPECT_TRUE(clusters[1].representative == 0u || clusters[1].representative == 2u);
}

TEST(Clusterer, DoesNotChainThroughAMember) {
  // A (longest) ~ B ~ C (shortest), A !~ C, and A and C are not even candidates: C may reach A's
  // cluster only through B, and must be verified against A itself, which fails.
  const std::vector<Doc> docs = {make_set(40, 140, 1000), make_set(20, 120, 2000), make_set(0, 100, 3000)};
  const auto inputs = inputs_of(docs);
  ClusterStats stats;
  const auto clusters = cluster_documents(inputs, graph_of(3, {{2, 1}, {1, 0}}), DuplicateRule{}, &stats);
  EXPECT_EQ(clusters[2].representative, 2u);
  EXPECT_EQ(clusters[1].representative, 2u);
  EXPECT_EQ(clusters[0].representative, 0u) << "C chained into A's cluster through B";
  EXPECT_EQ(stats.verifications, 2u);  // B against A, C against A
}

TEST(Clusterer, TemplatedReportsThatDifferOnlyInFiguresDoNotMerge) {
  const auto report = [](const char* profit, const char* prior, const char* revenue, const char* prior_revenue,
                         const char* dividend, const char* prior_dividend) {
    return std::string("Acme Industrial Holdings said on Tuesday that its fourth-quarter net profit rose to ") + profit +
           " mln dlrs from " + prior +
           " mln dlrs a year earlier, helped by strong demand for its pumps, valves and compressors from customers "
           "in the oil and gas industry in Europe, Asia and North America. Revenue for the quarter was " +
           revenue + " mln dlrs compared with " + prior_revenue +
           " mln dlrs in the same period of the previous year, the company said in a statement. The board "
           "proposed a dividend of " + dividend + " cts a share, up from " + prior_dividend +
           " cts, and said it expected market conditions to remain favourable in the coming year as customers "
           "continued to invest in new production capacity and in the maintenance of existing plants. Chief "
           "executive officer John Smith told analysts on a conference call that cost cuts and a weaker currency "
           "had also supported margins and that the company planned to hire more engineers next year.";
  };
  const std::vector<Doc> docs = {make_doc(report("12.4", "10.1", "310.5", "280.2", "45", "40")),
                                 make_doc(report("13.8", "11.2", "325.1", "290.7", "48", "44"))};
  const auto inputs = inputs_of(docs);
  const Similarity s = compare_shingles(inputs[0].shingles, inputs[1].shingles);
  ASSERT_GE(s.jaccard, DuplicateRule{}.threshold) << "the texts alone must look like copies";
  EXPECT_EQ(s.numbers, 6u);
  EXPECT_EQ(s.numbers_missing, 6u);
  EXPECT_FALSE(DuplicateRule{}.is_duplicate(s));
  const auto clusters = cluster_documents(inputs, graph_of(2, {{0, 1}}), DuplicateRule{});
  EXPECT_EQ(clusters[0].representative, 0u);
  EXPECT_EQ(clusters[1].representative, 1u);

  // The same report reprinted with its figures intact does merge.
  const std::vector<Doc> copies = {docs[0], make_doc("(Updates with details in paragraph 5)\n\n" +
                                                     report("12.4", "10.1", "310.5", "280.2", "45", "40"))};
  const auto copy_clusters = cluster_documents(inputs_of(copies), graph_of(2, {{0, 1}}), DuplicateRule{});
  EXPECT_EQ(copy_clusters[0].representative, 1u);
  EXPECT_EQ(copy_clusters[1].representative, 1u);
}

TEST(Clusterer, MembersAreVerifiedAgainstTheirRepresentative) {
  std::vector<Doc> docs;
  for (std::uint32_t i = 0; i < 12; ++i) docs.push_back(make_set(i * 10, i * 10 + 100, 5000 - i * 100));
  std::vector<std::pair<std::uint32_t, std::uint32_t>> all_pairs;
  for (std::uint32_t a = 0; a < docs.size(); ++a)
    for (std::uint32_t b = a + 1; b < docs.size(); ++b) all_pairs.emplace_back(a, b);
  const auto inputs = inputs_of(docs);
  const DuplicateRule rule;
  const auto clusters = cluster_documents(inputs, graph_of(docs.size(), all_pairs), rule);
  std::size_t representatives = 0;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    const std::uint32_t r = clusters[i].representative;
    EXPECT_EQ(clusters[r].representative, r) << "representative of " << i << " is itself a member";
    if (r == i) {
      ++representatives;
      continue;
    }
    EXPECT_GE(docs[r].bytes, docs[i].bytes);
    EXPECT_TRUE(rule.is_duplicate(compare_shingles(inputs[i].shingles, inputs[r].shingles))) << i;
  }
  EXPECT_GT(representatives, 1u);  // a sliding window over 210 shingles is not one story
  EXPECT_LT(representatives, docs.size());
}

// The streaming form sees the same pairs in visit order, with repeats, and decides the same.
TEST(VisitOrderClusterer, RepeatedPairsChangeNothingAndMembersJoinTheirRepresentative) {
  const std::vector<Doc> docs = {make_set(0, 100, 1000), make_set(0, 90, 900), make_set(500, 600, 800)};
  auto load = [&](std::uint32_t rank, ShingleBuffer&) { return docs[rank].view(); };
  VisitOrderClusterer clusterer(3, DuplicateRule{}, load);
  clusterer.add(1, 0);
  clusterer.add(1, 0);
  clusterer.add(2, 0);
  clusterer.add(2, 1);
  const std::vector<ClusterAssignment> assignment = clusterer.finish();
  EXPECT_EQ(assignment[0].representative, 0u);
  EXPECT_EQ(assignment[1].representative, 0u);
  EXPECT_FLOAT_EQ(assignment[1].containment, 1.0f);
  EXPECT_EQ(assignment[2].representative, 2u);
  // Rank 2's two candidates share one representative: it is verified once.
  EXPECT_EQ(clusterer.verifications(), 2u);
}

TEST(VisitOrderClusterer, RefusesPairsOutOfVisitOrder) {
  auto load = [](std::uint32_t, ShingleBuffer& buffer) { return ShingleView{buffer.shingles, buffer.numbers}; };
  VisitOrderClusterer later_first(4, DuplicateRule{}, load);
  later_first.add(3, 0);
  EXPECT_THROW(later_first.add(2, 0), std::invalid_argument);
  VisitOrderClusterer earlier_descending(4, DuplicateRule{}, load);
  earlier_descending.add(3, 1);
  EXPECT_THROW(earlier_descending.add(3, 0), std::invalid_argument);
  VisitOrderClusterer backwards(4, DuplicateRule{}, load);
  EXPECT_THROW(backwards.add(1, 2), std::invalid_argument);
  EXPECT_THROW(backwards.add(4, 0), std::invalid_argument);
}

// Pairs are buffered in windows and each window's documents visited level by level, a level's
// in parallel: whatever the window (one pair: one document at a time), the decisions and the
// verifications are the same. Stories of 6 copies, of equal and falling lengths (so that copies
// are candidates of copies in the same window, in chains), one of them half another text,
// every pair of a story a candidate, and some pairs across stories that are not copies.
TEST(VisitOrderClusterer, WindowsOfAnySizeDecideAlike) {
  std::vector<Doc> docs;
  for (std::uint32_t story = 0; story < 60; ++story)
    for (std::uint32_t copy = 0; copy < 6; ++copy) {
      const std::uint32_t shift = copy == 3 ? 100 : 0;  // half another text: a story of its own
      docs.push_back(make_set(story * 1000 + shift, story * 1000 + shift + 200 - (copy / 2) * 50 - copy % 2, 2000 - copy * 10));
    }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::uint32_t story = 0; story < 60; ++story) {
    for (std::uint32_t a = 0; a < 6; ++a)
      for (std::uint32_t b = a + 1; b < 6; ++b) edges.emplace_back(story * 6 + a, story * 6 + b);
    edges.emplace_back(story * 6 + 5, (story * 7 + 3) % 360);
  }
  // Visit order: by falling length, ties by input order (as cluster_documents).
  std::vector<std::uint32_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return docs[a].bytes > docs[b].bytes; });
  std::vector<std::uint32_t> rank(docs.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (later, earlier) ranks
  for (auto [a, b] : edges)
    if (rank[a] != rank[b]) pairs.emplace_back(std::max(rank[a], rank[b]), std::min(rank[a], rank[b]));
  std::sort(pairs.begin(), pairs.end());
  auto load = [&](std::uint32_t r, ShingleBuffer&) { return docs[order[r]].view(); };
  auto cluster = [&](std::size_t window, std::uint64_t& verifications) {
    VisitOrderClusterer clusterer(static_cast<std::uint32_t>(docs.size()), DuplicateRule{}, load, window);
    for (auto [later, earlier] : pairs) clusterer.add(later, earlier);
    std::vector<ClusterAssignment> assignment = clusterer.finish();
    verifications = clusterer.verifications();
    return assignment;
  };
  std::uint64_t expected_verifications = 0;
  const std::vector<ClusterAssignment> expected = cluster(1, expected_verifications);
  std::size_t members = 0;
  for (std::uint32_t r = 0; r < expected.size(); ++r) members += expected[r].representative != r;
  EXPECT_GT(members, 100u);
  EXPECT_LT(members, docs.size() - 60);
  for (const std::size_t window : {std::size_t{7}, std::size_t{100}, VisitOrderClusterer::kWindowPairs}) {
    std::uint64_t verifications = 0;
    const std::vector<ClusterAssignment> assignment = cluster(window, verifications);
    EXPECT_EQ(verifications, expected_verifications) << window;
    ASSERT_EQ(assignment.size(), expected.size());
    for (std::size_t r = 0; r < expected.size(); ++r) {
      EXPECT_EQ(assignment[r].representative, expected[r].representative) << r << ", window " << window;
      EXPECT_EQ(assignment[r].jaccard, expected[r].jaccard) << r << ", window " << window;
      EXPECT_EQ(assignment[r].containment, expected[r].containment) << r << ", window " << window;
    }
  }
}

// A document whose window was visited takes no more pairs.
TEST(VisitOrderClusterer, RefusesPairsForADocumentAlreadyVisited) {
  auto load = [](std::uint32_t, ShingleBuffer& buffer) { return ShingleView{buffer.shingles, buffer.numbers}; };
  VisitOrderClusterer clusterer(4, DuplicateRule{}, load, /*window_pairs=*/1);
  clusterer.add(1, 0);
  clusterer.add(2, 0);  // visits the window holding rank 1
  EXPECT_THROW(clusterer.add(1, 0), std::invalid_argument);
  clusterer.add(2, 1);
  EXPECT_EQ(clusterer.finish().size(), 4u);
}

TEST(Clusterer, EmptyInput) {
  EXPECT_TRUE(cluster_documents({}, graph_of(0, {}), DuplicateRule{}).empty());
}

}  // namespace
}  // namespace newsdedup
