#include "dedup/shingles.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "dedup/minhash.h"
#include "text/dateline.h"

namespace newsdedup {
namespace {

constexpr std::string_view kStory =
    "Russia's foreign ministry sees no grounds for talking about resuming dialogue on strategic stability "
    "and arms control with the United States at the moment, Interfax news agency reported on Saturday.";

template <typename Container>
bool sorted_distinct(const Container& v) {
  return std::adjacent_find(v.begin(), v.end(), [](auto a, auto b) { return a >= b; }) == v.end();
}

TEST(Shingles, StripsLeadingWireDatelines) {
  const ShingleSet plain = shingle_body(kStory);
  for (std::string_view dateline : {"MOSCOW (Reuters) - ", "Reuters, Moscow : ", "NEW YORK, March 3 - ",
                                    "LONDON (Reuters) \u2014 "}) {
    const std::string body = std::string(dateline) + std::string(kStory);
    EXPECT_EQ(strip_leading_dateline(body), kStory) << dateline;
    const ShingleSet with_dateline = shingle_body(body);
    EXPECT_EQ(with_dateline.hashes, plain.hashes) << dateline;
    EXPECT_EQ(with_dateline.numbers, plain.numbers) << dateline;  // "3" of the dateline is not a figure
    // The exact hash and the word count still see the whole body.
    EXPECT_NE(with_dateline.exact_hash, plain.exact_hash) << dateline;
    EXPECT_GT(with_dateline.word_count, plain.word_count) << dateline;
  }
}

// The first separator in the first 60 bytes decides: a text that opens with one, or whose words
// before the first are no dateline, keeps its head.
TEST(Shingles, TheFirstSeparatorDecidesTheDateline) {
  EXPECT_EQ(strip_leading_dateline("MOSCOW : LONDON - text"), "LONDON - text");
  EXPECT_EQ(strip_leading_dateline(": MOSCOW - text"), ": MOSCOW - text");
  EXPECT_EQ(strip_leading_dateline("he said - MOSCOW - text"), "he said - MOSCOW - text");
  const std::string far = std::string(58, 'A') + " - text";  // the separator ends past byte 60
  EXPECT_EQ(strip_leading_dateline(far), far);
}

// A long body's shingles are sorted by a radix sort (one pass for an article's few hundred, two
// beyond 2,048): all there, sorted, each once; a paragraph printed twice adds no shingle but
// those where the copies meet.
TEST(Shingles, LongBodiesGiveSortedDistinctShingles) {
  for (const std::size_t words : {std::size_t{300}, std::size_t{3000}}) {
    std::string body;
    for (std::size_t i = 0; i < words; ++i) {
      body += 'w';
      body += std::to_string(i);
      body += ' ';
    }
    const ShingleSet once = shingle_body(body);
    EXPECT_EQ(once.hashes.size(), words - kShingleWords + 1);
    EXPECT_TRUE(sorted_distinct(once.hashes));
    const ShingleSet twice = shingle_body(body + "\n" + body);
    EXPECT_EQ(twice.hashes.size(), once.hashes.size() + kShingleWords - 1);
    EXPECT_TRUE(sorted_distinct(twice.hashes));
  }
}

TEST(Shingles, KeepsOrdinarySentencesThatContainADash) {
  constexpr std::string_view sentence = "The company said - in a statement on Monday - that it would sell the unit.";
  EXPECT_EQ(strip_leading_dateline(sentence), sentence);
  EXPECT_NE(shingle_body(sentence).hashes, shingle_body("in a statement on Monday - that it would sell the unit.").hashes);
  EXPECT_EQ(strip_leading_dateline(""), "");
  EXPECT_EQ(strip_leading_dateline("No dateline here at all"), "No dateline here at all");
}

TEST(Shingles, WireAbbreviationsAndQuoteStylesGiveIdenticalShingles) {
  const ShingleSet wire = shingle_body("Net profit rose to 5 mln dlrs, up 3 pct, the company said.");
  const ShingleSet spelled = shingle_body("Net profit rose to 5 million dollars, up 3 percent, the company said.");
  EXPECT_EQ(wire.hashes, spelled.hashes);
  EXPECT_EQ(wire.numbers, spelled.numbers);
  EXPECT_EQ(wire.exact_hash, spelled.exact_hash);

  const ShingleSet curly = shingle_body("\u201CWe don\u2019t communicate,\u201D Peskov said on Wednesday.");
  const ShingleSet straight = shingle_body("\"We don't communicate,\" Peskov said on Wednesday.");
  EXPECT_EQ(curly.hashes, straight.hashes);
  EXPECT_EQ(curly.exact_hash, straight.exact_hash);
}

TEST(Shingles, ExtractsFigures) {
  const ShingleSet both = shingle_body("Output rose to 2,877,000 tonnes, up 11.1 pct.");
  EXPECT_EQ(both.numbers.size(), 2u);
  EXPECT_TRUE(sorted_distinct(both.numbers));
  const ShingleSet first = shingle_body("Output rose to 2,877,000 tonnes.");
  const ShingleSet second = shingle_body("It was up 11.1 pct.");
  ASSERT_EQ(first.numbers.size(), 1u);
  ASSERT_EQ(second.numbers.size(), 1u);
  EXPECT_TRUE(std::binary_search(both.numbers.begin(), both.numbers.end(), first.numbers[0]));
  EXPECT_TRUE(std::binary_search(both.numbers.begin(), both.numbers.end(), second.numbers[0]));
  // A sentence-ending period or a list comma is not part of the figure; repeats count once.
  EXPECT_EQ(shingle_body("It sold 5, 6 and 5.").numbers.size(), 2u);
  EXPECT_EQ(shingle_body("Output rose to 2,877,000.").numbers, first.numbers);
  EXPECT_TRUE(shingle_body("No figures in this sentence at all.").numbers.empty());
  // A figure's hash is the top half of XXH3's of its text, as a shingle's key is of its hash.
  const std::string_view figure = "2,877,000";
  EXPECT_EQ(first.numbers[0], static_cast<std::uint32_t>(XXH3_64bits(figure.data(), figure.size()) >> 32));
}

TEST(Shingles, EditorialNoteContributesNoFigures) {
  const std::string body = "Shares rose 3 pct on Monday after the results were published.";
  const ShingleSet plain = shingle_body(body);
  const ShingleSet noted = shingle_body(body + "\n\n(Updates with details in paragraph 5)");
  EXPECT_EQ(noted.numbers, plain.numbers);
  ASSERT_EQ(plain.numbers.size(), 1u);
  // The same words outside parentheses are a figure.
  EXPECT_EQ(shingle_body(body + "\n\nDetails are in paragraph 5.").numbers.size(), 2u);
}

TEST(Shingles, EditorialNoteBeforeTheDatelineChangesNothing) {
  const ShingleSet plain = shingle_body("BOSTON (Reuters) - Qtly div 17 cts vs 23 cts prior\n\nPay November 25");
  const ShingleSet noted =
      shingle_body("(Updates with details in paragraph 3)\n\nReuters, Boston : Qtly div 17 cts vs 23 cts prior\n\nPay November 25");
  EXPECT_EQ(noted.hashes, plain.hashes);
  EXPECT_EQ(noted.numbers, plain.numbers);
  EXPECT_NE(noted.exact_hash, plain.exact_hash);  // not exact copies: the words differ
}

TEST(Shingles, FiveWordShinglesSortedAndDistinct) {
  const ShingleSet set = shingle_body(kStory);
  EXPECT_EQ(set.word_count, 31u);
  EXPECT_EQ(set.hashes.size(), set.word_count - kShingleWords + 1);
  EXPECT_TRUE(sorted_distinct(set.hashes));
  // A repeated passage adds no new shingles beyond those spanning the seam.
  const ShingleSet doubled = shingle_body(std::string(kStory) + " " + std::string(kStory));
  EXPECT_EQ(doubled.hashes.size(), set.hashes.size() + kShingleWords - 1);
  // Word order matters.
  EXPECT_NE(shingle_body("one two three four five").hashes, shingle_body("five four three two one").hashes);
}

TEST(Shingles, KeysAreTheTopHalvesOfTheHashesAscendingAndDistinct) {
  const ShingleSet set = shingle_body(kStory);
  const std::vector<std::uint32_t> keys = shingle_keys(set.hashes);
  ASSERT_EQ(keys.size(), set.hashes.size());  // 27 shingles: no two agree in their top 32 bits
  for (std::size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(keys[i], set.hashes[i] >> 32) << i;
  EXPECT_TRUE(sorted_distinct(keys));
  // Hashes that agree in their top halves give one key, in order without a sort.
  const std::vector<std::uint64_t> hashes = {0x1'0000'0005, 0x1'FFFF'FFFF, 0x2'0000'0000, 0xFFFF'FFFF'0000'0000,
                                             0xFFFF'FFFF'FFFF'FFFF};
  EXPECT_EQ(shingle_keys(hashes), (std::vector<std::uint32_t>{1, 2, 0xFFFF'FFFF}));
  EXPECT_TRUE(shingle_keys({}).empty());
}

TEST(Shingles, ShortAndEmptyBodies) {
  const ShingleSet short_body = shingle_body("Markets closed.");
  EXPECT_EQ(short_body.word_count, 2u);
  EXPECT_EQ(short_body.hashes.size(), 1u);
  EXPECT_NE(short_body.hashes, shingle_body("Markets opened.").hashes);
  const ShingleSet empty = shingle_body("");
  EXPECT_TRUE(empty.hashes.empty());
  EXPECT_TRUE(empty.numbers.empty());
  EXPECT_EQ(empty.word_count, 0u);
  EXPECT_EQ(empty.exact_hash, shingle_body("!!! ...").exact_hash);
  EXPECT_TRUE(shingle_body("MOSCOW (Reuters) - ").hashes.empty());  // nothing after the dateline
}

}  // namespace
}  // namespace newsdedup

namespace newsdedup {
namespace {

TEST(Shingles, FindsFiguresAtAnyOffsetAndNotInOtherBytes) {
  // Figures are found 64 and eight bytes at a time: every offset within a block, and bytes whose
  // low seven bits are a digit's ("\u00B0" is C2 B0, "\u00B9" C2 B9) must not count.
  const ShingleSet alone = shingle_body("42");
  ASSERT_EQ(alone.numbers.size(), 1u);
  for (std::size_t pad = 0; pad < 150; ++pad) {
    const std::string text = std::string(pad, 'x') + " 42 \u00B0\u00B9 degrees";
    EXPECT_EQ(shingle_body(text).numbers, alone.numbers) << pad;
  }
  EXPECT_TRUE(shingle_body("temperatures of \u00B0 and \u00B9 ///:::").numbers.empty());
}

}  // namespace
}  // namespace newsdedup

#include <random>

#include "text/word_tokens.h"

namespace newsdedup {
namespace {

// shingle_body() as defined, paragraph by paragraph: every word to the exact hash; the words
// and figures of paragraphs that are neither empty nor editorial notes, less the first one's
// dateline, to the shingles; the shingles' hashes sorted with std::sort.
ShingleSet reference_shingle_body(std::string_view body) {
  ShingleSet set;
  std::vector<std::uint64_t> all_words;
  std::vector<std::uint64_t> story_words;
  std::vector<std::string_view> story_paragraphs;
  bool first = true;
  for (std::size_t start = 0; start <= body.size();) {
    const std::size_t end = std::min(body.find('\n', start), body.size());
    const std::string_view paragraph = body.substr(start, end - start);
    start = end + 1;
    const bool note = paragraph.size() >= 2 && paragraph.front() == '(' && paragraph.find(')') == paragraph.size() - 1;
    std::string_view story = paragraph;
    if (!paragraph.empty() && !note && first) {
      story = strip_leading_dateline(paragraph);
      first = false;
    }
    append_word_hashes(paragraph.substr(0, paragraph.size() - story.size()), all_words);
    const std::size_t story_start = all_words.size();
    append_word_hashes(story, all_words);
    if (paragraph.empty() || note) continue;
    story_words.insert(story_words.end(), all_words.begin() + static_cast<std::ptrdiff_t>(story_start), all_words.end());
    story_paragraphs.push_back(story);
  }
  set.word_count = static_cast<std::uint32_t>(all_words.size());
  set.exact_hash = XXH3_64bits(all_words.data(), all_words.size() * sizeof(std::uint64_t));
  for (const std::string_view story : story_paragraphs) {
    for (std::size_t i = 0; i < story.size();) {
      if (story[i] < '0' || story[i] > '9') {
        ++i;
        continue;
      }
      const std::size_t figure_start = i;
      const auto digit = [&](std::size_t at) { return at < story.size() && story[at] >= '0' && story[at] <= '9'; };
      while (digit(i) || ((story[i] == ',' || story[i] == '.') && digit(i + 1))) ++i;
      set.numbers.push_back(static_cast<std::uint32_t>(XXH3_64bits(story.data() + figure_start, i - figure_start) >> 32));
    }
  }
  std::sort(set.numbers.begin(), set.numbers.end());
  set.numbers.erase(std::unique(set.numbers.begin(), set.numbers.end()), set.numbers.end());
  const std::size_t k = std::min(kShingleWords, story_words.size());
  for (std::size_t i = 0; k > 0 && i + k <= story_words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t j = 0; j < k; ++j) h = (h ^ story_words[i + j]) * 0x9E3779B97F4A7C15ULL + j;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    set.hashes.push_back(h);
  }
  std::sort(set.hashes.begin(), set.hashes.end());
  set.hashes.erase(std::unique(set.hashes.begin(), set.hashes.end()), set.hashes.end());
  return set;
}

// shingle_body() hashes the words before the story and the story in two calls, and only a
// body with a note after its story begins paragraph by paragraph: random bodies of paragraphs
// (empty ones, notes, datelines, figures, words beyond ASCII, repeated passages, long ones) give
// what the definition gives.
TEST(Shingles, BodiesGiveWhatTheParagraphByParagraphDefinitionGives) {
  std::mt19937 random(5);
  const std::vector<std::string_view> paragraphs = {
      "", "", "(Updates with details in paragraph 5)", "(Corrects figure)", "MOSCOW (Reuters) - Shares rose 3.5 pct.",
      "Reuters, Boston : Qtly div 17 cts vs 23 cts prior", "NEW YORK, March 3 - Net profit 1,214,000 dlrs vs 1,316,000",
      "LONDON (Reuters) \u2014 \u201CWe don\u2019t communicate,\u201D Peskov said.", "Z\u00FCrich and Москва reported 12 cases.",
      "The company said - in a statement on Monday - that it would sell the unit for 5 mln dlrs.",
      "(not a note) because of this", "Shr 37 cts vs 41 cts", "Net 3,408,000 vs 2,809,000",
      "A much longer paragraph with many words, so that the shingles cross blocks of sixty-four bytes and more: "
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen 16 17 18.",
      "x", " ", "MOSCOW -", "(x)", "WASHINGTON - 42 states", "5 pct", "PARIS : 1.5 bln", "7"};
  for (int trial = 0; trial < 3000; ++trial) {
    std::string body;
    for (std::size_t n = random() % 9; n > 0; --n) {
      if (!body.empty()) body += '\n';
      body += paragraphs[random() % paragraphs.size()];
    }
    const ShingleSet got = shingle_body(body);
    const ShingleSet expected = reference_shingle_body(body);
    ASSERT_EQ(got.hashes, expected.hashes) << body;
    ASSERT_EQ(got.numbers, expected.numbers) << body;
    ASSERT_EQ(got.exact_hash, expected.exact_hash) << body;
    ASSERT_EQ(got.word_count, expected.word_count) << body;
    // The bins filled gram by gram (repeats included, in text order) are those of the hashes.
    MinHashBins bins = got.bins;
    ASSERT_EQ(bins.densify(), minhash_signature(expected.hashes)) << body;
  }
}

// Figures are found from masks of 64 bytes: random paragraphs of digits, separators and words,
// long enough that figures start, end and run on at every offset of a block, give the figures
// that the byte-at-a-time definition gives.
TEST(Shingles, FiguresAcrossBlocksAreThoseOfTheDefinition) {
  std::mt19937 random(6);
  const std::vector<std::string_view> pieces = {"1", "7", "0", "9", ",", ".", " ", "a", "Q", ",5", ".0", "12,877",
                                                "3.5", "x1", "/", "\u00E9", "1234567890123456789012345"};
  for (int trial = 0; trial < 3000; ++trial) {
    std::string body = "Text ";
    for (std::size_t n = random() % 90; n > 0; --n) body += pieces[random() % pieces.size()];
    ASSERT_EQ(shingle_body(body).numbers, reference_shingle_body(body).numbers) << body;
  }
}

}  // namespace
}  // namespace newsdedup

namespace newsdedup {
namespace {

// strip_leading_dateline() as it was written first: each separator looked for at every byte
// of the head, the first position that starts one deciding.
std::string_view reference_strip_leading_dateline(std::string_view body) {
  const std::string_view head = body.substr(0, 60);
  for (std::size_t at = 0; at < head.size(); ++at) {
    for (std::string_view separator : {" - ", " -- ", " \u2014 ", " \u2013 ", " : ", ": "}) {
      if (!head.substr(at).starts_with(separator)) continue;
      if (at == 0) return body;
      std::size_t words = 0;
      bool in_parentheses = false;
      bool at_word_start = true;
      for (const char c : body.substr(0, at)) {
        if (c == '(') in_parentheses = true;
        if (c == ')') in_parentheses = false;
        if (c == ' ' || c == ',' || c == '(' || c == ')') {
          at_word_start = true;
          continue;
        }
        if (at_word_start) {
          ++words;
          at_word_start = false;
          if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && !in_parentheses) return body;
        }
      }
      return words >= 1 && words <= 7 ? body.substr(at + separator.size()) : body;
    }
  }
  return body;
}

// The separators are looked for only where bit masks of the head say one can start: random
// heads of separators, their pieces and dateline words, near and across the 60-byte limit.
TEST(Shingles, DatelinesAreFoundAsByTestingEveryByte) {
  std::mt19937 random(6);
  const std::vector<std::string_view> pieces = {" - ", " -- ", " \u2014 ", " \u2013 ", " : ", ": ", " ", "-", ":",
                                                "\u2014", "\u2013", "\xE2", "MOSCOW", "(Reuters)", ",", "New York",
                                                "March 3", "said", "AAAAAAAAAAAAAAAAAAAA", "x"};
  for (int trial = 0; trial < 20000; ++trial) {
    std::string body;
    for (std::size_t n = random() % 16; n > 0; --n) body += pieces[random() % pieces.size()];
    ASSERT_EQ(strip_leading_dateline(body), reference_strip_leading_dateline(body)) << body;
  }
}

}  // namespace
}  // namespace newsdedup
