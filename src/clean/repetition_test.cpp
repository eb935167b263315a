#include "clean/repetition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdedup {
namespace {

// The later copies' indices among `candidates`.
std::vector<std::size_t> find_repeated(const std::vector<LineShape>& shapes, const std::vector<std::size_t>& candidates) {
  std::vector<std::size_t> out;
  for (const RepeatedParagraph& copy : find_repeated_copies(shapes, candidates))
    out.push_back(copy.index);
  return out;
}

std::vector<std::size_t> repeated_in(std::initializer_list<std::string_view> paragraphs) {
  std::vector<LineShape> shapes;
  for (std::string_view p : paragraphs) shapes.push_back(describe(p));
  std::vector<std::size_t> all(shapes.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  return find_repeated(shapes, all);
}

using Indices = std::vector<std::size_t>;

TEST(Repetition, LaterCopyOfALongParagraphIsRepeatedFirstIsKept) {
  EXPECT_EQ(repeated_in({"The minister said the talks would resume next week in Geneva.", "Other news here today.",
                         "The minister said the talks would resume next week in Geneva."}),
            Indices{2});
}

TEST(Repetition, ComparesWordsIgnoringCaseAndPunctuation) {
  EXPECT_EQ(repeated_in({"\u201CWe are ready,\u201D the minister said on Monday.",
                         "\"we are ready\" - THE MINISTER SAID ON MONDAY"}),
            Indices{1});
}

TEST(Repetition, ShortParagraphAloneIsNotRepetitionButARunIs) {
  // A table's recurring "Year" / "Net" rows are not repetition...
  EXPECT_EQ(repeated_in({"Year", "Shr 19 cts vs 10 cts", "Year", "Shr 68 cts vs 46 cts"}), Indices{});
  // ...but two or more consecutive short repeats are a repeated passage.
  EXPECT_EQ(repeated_in({"Home", "World", "Story text goes here at length.", "Home", "World"}), (Indices{3, 4}));
}

TEST(Repetition, OnlyCandidatesTakePart) {
  std::vector<LineShape> shapes;
  for (std::string_view p : {"A long paragraph that repeats itself word for word.", "Something else entirely.",
                             "A long paragraph that repeats itself word for word."})
    shapes.push_back(describe(p));
  // Paragraph 0 was removed earlier (not a candidate): the copy at 2 is the first one left.
  EXPECT_EQ(find_repeated(shapes, {1, 2}), Indices{});
  EXPECT_EQ(find_repeated(shapes, {0, 1, 2}), Indices{2});
  EXPECT_EQ(find_repeated(shapes, {}), Indices{});
}

TEST(Repetition, DistinctParagraphsAndEmptyShapesAreNotRepeated) {
  EXPECT_EQ(repeated_in({"First paragraph of the story is here.", "Second paragraph of the story is here.", "",
                         "", "Third paragraph of the story is here."}),
            Indices{});
}

std::vector<RepeatedRun> runs_in(const std::vector<LineShape>& shapes) {
  std::vector<std::size_t> all(shapes.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  return find_repeated_runs(shapes, all);
}

constexpr std::string_view kBody =
    "The ferry left the harbour at dawn on Monday, carrying forty passengers and a cargo of timber, and the "
    "crew said it would be back before the storm reached the northern coast late in the evening.";

TEST(Repetition, BodyPrintedTwiceOnOneLineLosesItsSecondCopy) {
  const std::string line = std::string(kBody) + " " + std::string(kBody);
  std::vector<LineShape> shapes;
  shapes.push_back(describe(line));
  const auto runs = runs_in(shapes);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].paragraph, 0u);
  EXPECT_EQ(runs[0].source, 0u);
  EXPECT_EQ(runs[0].begin, kBody.size() + 1);
  EXPECT_EQ(runs[0].end, line.size());
  EXPECT_EQ(line.substr(0, runs[0].begin - 1), kBody);  // the first copy stays whole
}

TEST(Repetition, ParagraphsPrintedAgainAsOneLine) {
  const std::string_view second =
      "Port officials said the timetable for the rest of the week would depend on the wind, which was "
      "expected to ease by Wednesday morning according to the regional forecast.";
  std::vector<LineShape> shapes;
  shapes.push_back(describe(kBody));
  shapes.push_back(describe(second));
  shapes.push_back(describe("Share this article"));
  shapes.push_back(describe(std::string(kBody) + " " + std::string(second)));
  const auto runs = runs_in(shapes);
  ASSERT_FALSE(runs.empty());
  std::size_t words = 0;
  for (const RepeatedRun& run : runs) {
    EXPECT_EQ(run.paragraph, 3u);
    EXPECT_LT(run.source, 2u);
    words += run.end_word - run.first_word;
  }
  EXPECT_EQ(words, shapes[3].word_count());  // all of it is a copy
}

TEST(Repetition, ShortRepeatsAreNotRuns) {
  // A 12-word phrase said twice (a quotation taken up again) is not a copy.
  std::vector<LineShape> shapes;
  shapes.push_back(describe("\"We will be back before the storm reaches the coast tonight,\" the captain said on the radio."));
  shapes.push_back(describe("Hours later the crew repeated it: we will be back before the storm reaches the coast tonight."));
  EXPECT_TRUE(runs_in(shapes).empty());
  EXPECT_TRUE(runs_in({}).empty());
}

// find_repeated_runs as first written: matches marked word by word in two arrays per paragraph,
// then scanned for runs (the search now chains matches into runs as it finds them).
std::vector<RepeatedRun> runs_marked_word_by_word(std::span<const LineShape> shapes,
                                                  const std::vector<std::size_t>& candidates) {
  constexpr std::size_t kWindowWords = 8;
  constexpr std::uint64_t kSampleEvery = 4;
  struct Entry {
    std::uint64_t hash;
    std::size_t paragraph;
    std::size_t word;
  };
  std::vector<RepeatedRun> runs;
  std::size_t total_words = 0;
  for (std::size_t index : candidates) total_words += shapes[index].word_count();
  if (total_words < 2 * kMinRepeatedRunWords) return runs;
  std::vector<Entry> table;  // in order of insertion; looked up by hash (the test's pages are small)
  constexpr std::uint64_t kBase = 0x9E3779B97F4A7C15ull;
  std::uint64_t base_power = 1;
  for (std::size_t i = 1; i < kWindowWords; ++i) base_power *= kBase;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const auto& words = shapes[candidates[k]].words;
    const std::size_t n = words.size();
    if (n < kWindowWords) continue;
    const auto& hashes = shapes[candidates[k]].word_hashes;
    std::vector<char> repeated(n, 0);
    std::vector<std::size_t> source(n, 0);
    std::uint64_t window = 0;
    std::size_t covered_until = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i >= kWindowWords) window -= hashes[i - kWindowWords] * base_power;
      window = window * kBase + hashes[i];
      if (i + 1 < kWindowWords) continue;
      const std::size_t p = i + 1 - kWindowWords;
      const std::uint64_t h = window ^ (window >> 29);
      if (h % kSampleEvery != 0 || p < covered_until) continue;
      const auto found = std::find_if(table.begin(), table.end(), [&](const Entry& e) { return e.hash == h; });
      if (found == table.end()) {
        table.push_back({h, k, p});
        continue;
      }
      const auto& earlier = shapes[candidates[found->paragraph]].words;
      const std::size_t q = found->word;
      const bool same = found->paragraph == k;
      if (same && q + kWindowWords > p) continue;
      if (!std::equal(words.begin() + static_cast<std::ptrdiff_t>(p), words.begin() + static_cast<std::ptrdiff_t>(p + kWindowWords),
                      earlier.begin() + static_cast<std::ptrdiff_t>(q)))
        continue;
      std::size_t left = 0;
      while (p - left > covered_until && q > left && words[p - left - 1] == earlier[q - left - 1]) ++left;
      std::size_t right = kWindowWords;
      while (p + right < n && q + right < earlier.size() && (!same || q + right < p - left) &&
             words[p + right] == earlier[q + right])
        ++right;
      for (std::size_t w = p - left; w < p + right; ++w) {
        repeated[w] = 1;
        source[w] = found->paragraph;
      }
      covered_until = p + right;
    }
    const char* base = shapes[candidates[k]].lower.data();
    for (std::size_t w = 0; w < n;) {
      if (!repeated[w]) {
        ++w;
        continue;
      }
      std::size_t end = w;
      while (end < n && repeated[end]) ++end;
      if (end - w >= kMinRepeatedRunWords) {
        const std::size_t begin_byte = static_cast<std::size_t>(words[w].data() - base);
        const std::size_t end_byte =
            end < n ? static_cast<std::size_t>(words[end].data() - base) : shapes[candidates[k]].lower.size();
        runs.push_back({candidates[k], candidates[source[w]], begin_byte, end_byte, w, end});
      }
      w = end;
    }
  }
  return runs;
}

// Random pages whose paragraphs copy stretches of earlier ones (and of themselves), back to back
// and from several sources, so that matches touch, chain and overlap.
TEST(Repetition, RunsMatchTheWordByWordMarking) {
  std::mt19937 random(11);
  const std::vector<std::string> vocabulary = {"the", "ferry", "left", "harbour", "at", "dawn", "on", "monday",
                                               "crew", "storm", "coast", "said", "would", "be", "back", "north",
                                               "wind", "port", "week", "rain", "a", "of", "and", "to"};
  std::size_t runs_found = 0;
  for (int page = 0; page < 400; ++page) {
    std::vector<std::vector<std::string>> paragraphs;
    const std::size_t count = 1 + random() % 8;
    for (std::size_t p = 0; p < count; ++p) {
      std::vector<std::string> words;
      const std::size_t pieces = 1 + random() % 5;
      for (std::size_t piece = 0; piece < pieces; ++piece) {
        const std::size_t length = 1 + random() % 40;
        const bool copy = random() % 2 == 0;
        // A copy of a stretch of an earlier paragraph, or of this one so far.
        const std::vector<std::string>* from = nullptr;
        if (copy) {
          const std::size_t source = random() % (p + 1);
          from = source == p ? &words : &paragraphs[source];
        }
        if (from != nullptr && !from->empty()) {
          const std::size_t start = random() % from->size();
          const std::vector<std::string> stretch(from->begin() + static_cast<std::ptrdiff_t>(start),
                                                 from->begin() + static_cast<std::ptrdiff_t>(std::min(from->size(), start + length)));
          words.insert(words.end(), stretch.begin(), stretch.end());
        } else {
          for (std::size_t w = 0; w < length; ++w) words.push_back(vocabulary[random() % vocabulary.size()]);
        }
      }
      paragraphs.push_back(words);
    }
    std::vector<LineShape> shapes;
    for (const auto& words : paragraphs) {
      std::string text;
      for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
      shapes.push_back(describe(text + "."));
    }
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < shapes.size(); ++i)
      if (random() % 5 != 0) candidates.push_back(i);
    const auto expected = runs_marked_word_by_word(shapes, candidates);
    const auto got = find_repeated_runs(shapes, candidates);
    ASSERT_EQ(got.size(), expected.size()) << "page " << page;
    runs_found += got.size();
    for (std::size_t r = 0; r < got.size(); ++r) {
      EXPECT_EQ(got[r].paragraph, expected[r].paragraph) << "page " << page;
      EXPECT_EQ(got[r].source, expected[r].source) << "page " << page;
      EXPECT_EQ(got[r].begin, expected[r].begin) << "page " << page;
      EXPECT_EQ(got[r].end, expected[r].end) << "page " << page;
      EXPECT_EQ(got[r].first_word, expected[r].first_word) << "page " << page;
      EXPECT_EQ(got[r].end_word, expected[r].end_word) << "page " << page;
    }
  }
  EXPECT_GT(runs_found, 100u);  // the pages do repeat themselves
}

// find_repeated_copies as first written: each paragraph keyed by all its words, keys sorted, and
// a paragraph with the key of an earlier one its copy.
std::vector<RepeatedParagraph> copies_by_whole_key(std::span<const LineShape> shapes, const std::vector<std::size_t>& candidates) {
  std::vector<std::pair<std::vector<std::uint64_t>, std::size_t>> keys;
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (shapes[candidates[k]].word_count() > 0) {
      const std::span<const std::uint64_t> hashes = shapes[candidates[k]].word_hashes;
      keys.emplace_back(std::vector<std::uint64_t>(hashes.begin(), hashes.end()), k);
    }
  std::sort(keys.begin(), keys.end());
  std::vector<std::size_t> copy_of(candidates.size(), SIZE_MAX);
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].first != keys[i - 1].first) continue;
    copy_of[keys[i].second] =
        copy_of[keys[i - 1].second] == SIZE_MAX ? candidates[keys[i - 1].second] : copy_of[keys[i - 1].second];
  }
  std::vector<RepeatedParagraph> out;
  for (std::size_t k = 0; k < candidates.size();) {
    if (copy_of[k] == SIZE_MAX) {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < candidates.size() && copy_of[end] != SIZE_MAX) ++end;
    for (std::size_t j = k; j < end; ++j)
      if (end - k >= 2 || shapes[candidates[j]].word_count() >= 6) out.push_back({candidates[j], copy_of[j]});
    k = end;
  }
  return out;
}

// Random pages of a few paragraph shapes: copies, and paragraphs that share their first and last
// words and their length with others but not their middle.
TEST(Repetition, CopiesMatchTheWholeKeyComparison) {
  std::mt19937 random(7);
  std::size_t copies_found = 0;
  for (int page = 0; page < 500; ++page) {
    std::vector<LineShape> shapes;
    const std::size_t count = random() % 40;
    for (std::size_t p = 0; p < count; ++p) {
      const std::size_t length = random() % 9;
      std::string text = length == 0 ? std::string("-") : "first";
      for (std::size_t w = 1; w + 1 < length; ++w) text += random() % 3 == 0 ? " b" : " a";
      if (length >= 2) text += " last";
      shapes.push_back(describe(text));
    }
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < shapes.size(); ++i)
      if (random() % 4 != 0) candidates.push_back(i);
    const auto expected = copies_by_whole_key(shapes, candidates);
    const auto got = find_repeated_copies(shapes, candidates);
    ASSERT_EQ(got.size(), expected.size()) << "page " << page;
    for (std::size_t c = 0; c < got.size(); ++c) {
      EXPECT_EQ(got[c].index, expected[c].index) << "page " << page;
      EXPECT_EQ(got[c].first, expected[c].first) << "page " << page;
    }
    copies_found += got.size();
  }
  EXPECT_GT(copies_found, 500u);
}

}  // namespace
}  // namespace newsdedup
