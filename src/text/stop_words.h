// Stop words: the most common function words (articles, pronouns, prepositions, conjunctions,
// auxiliaries) of English, French, German, Spanish, Portuguese, Italian and Russian.
//
// Running prose is full of them; menus, headline lists, bylines and button labels are not, so
// their share of a paragraph's words is the paragraph classifier's main evidence that it is
// text. count_stop_words() counts a line's words in every list at once, from the hashes its
// shape holds: the reference definition, which count_padded_stop_words() (a shape's words, whose
// padding lets the fold test read 16 bytes at a time) and StopWordLaneCounter (a page's lines,
// a byte of count per language, plain lines without a call) give the same counts as, faster; the
// page's profile (document_language.h) uses those two. stop_word_languages() says in which lists
// one word is.
// The lists are fixed data built into a table on first use (a function-local static, so the
// first call from any thread is safe); every function here is thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace newsdedup {

enum class Language : unsigned char { kEnglish, kFrench, kGerman, kSpanish, kPortuguese, kItalian, kRussian };

inline constexpr std::size_t kStopWordLanguageCount = 7;

// One bit per Language (bit i = Language value i).
using LanguageMask = std::uint8_t;

constexpr LanguageMask language_bit(Language language) {
  return static_cast<LanguageMask>(1u << static_cast<unsigned>(language));
}

// The languages whose stop-word list holds `word`, compared case-insensitively for ASCII,
// Latin-1 letters and Cyrillic. A word with an inner apostrophe ("l'homme", "dell'anno",
// "don't") is looked up whole, then by the part before the apostrophe (the elided article).
// 0 for any other word.
LanguageMask stop_word_languages(std::string_view word);

using LanguageCounts = std::array<std::uint32_t, kStopWordLanguageCount>;

// Adds to counts[language] the number of `words` in that language's list, as
// stop_word_languages() finds them. `hashes` holds each word's word_hash(); `plain` says that no word
// has an apostrophe, a capital or a byte above 0x7F, so that each is looked up by its hash alone.
void count_stop_words(std::span<const std::string_view> words, std::span<const std::uint64_t> hashes, bool plain,
                      LanguageCounts& counts);
// count_stop_words() of words that each have kWordHashPadding (text/word_hash.h) readable bytes
// after them, as a LineShape's words have in its zero-padded buffer: whether a word may need
// folding is then learnt from its first 16 bytes at once (most words of a line that is not plain
// are ASCII without an apostrophe, which a byte loop would read to their end to learn).
void count_padded_stop_words(std::span<const std::string_view> words, std::span<const std::uint64_t> hashes, bool plain,
                             LanguageCounts& counts);

// The most words whose counts fit count_padded_stop_word_lanes()'s bytes.
inline constexpr std::size_t kMaxLanedWords = 255;

// count_padded_stop_words() of at most kMaxLanedWords words, packed one byte per language (byte i:
// Language i) instead of spread over an array, so that a caller keeping a count per line and
// sums per page adds all languages at once.
std::uint64_t count_padded_stop_word_lanes(std::span<const std::string_view> words,
                                          std::span<const std::uint64_t> hashes, bool plain);

// The stop-word table's lookup (stop_words.cpp builds the table): a word's hash names a bucket
// (its top bits), the bucket a displacement, and hash and displacement together the one slot where
// the word may sit (its bottom bits): one slot read and compared without a branch. Plain arrays,
// so that a loop over many words keeps them in registers.
struct StopWordSlots {
  static constexpr std::size_t kSlots = 4096;  // a power of two
  static constexpr unsigned kBucketBits = 9;
  static constexpr std::size_t kBuckets = std::size_t{1} << kBucketBits;

  const std::uint64_t* hashes;
  const LanguageMask* masks;
  const std::uint16_t* displacements;

  // The bucket from the hash's top bits, the slot from its bottom ones: each a single operation
  // with a constant, and independent of one another.
  static std::size_t bucket(std::uint64_t hash) { return hash >> (64 - kBucketBits); }
  static std::size_t slot_of(std::uint64_t hash, std::uint16_t displacement) {
    return (hash ^ displacement) & (kSlots - 1);
  }

  LanguageMask find(std::uint64_t hash) const {
    const std::size_t slot = slot_of(hash, displacements[bucket(hash)]);
    // A mask anded with all ones or all zeros: a conditional would be compiled to a branch.
    return static_cast<LanguageMask>(masks[slot] & -static_cast<unsigned>(hashes[slot] == hash));
  }
};

// A LanguageMask spread out to one byte per language (byte i = bit i), so that one addition
// counts a word in all its languages.
inline constexpr std::array<std::uint64_t, 1u << kStopWordLanguageCount> kSpreadLanguageMasks = [] {
  std::array<std::uint64_t, 1u << kStopWordLanguageCount> spread{};
  for (std::size_t mask = 0; mask < spread.size(); ++mask)
    for (std::size_t language = 0; language < kStopWordLanguageCount; ++language)
      if ((mask >> language) & 1u) spread[mask] |= std::uint64_t{1} << (8 * language);
  return spread;
}();

// The table's slots (built on the first call from any thread).
StopWordSlots stop_word_slots();

// count_padded_stop_word_lanes() for a caller counting many lines (a page's paragraphs): the
// table is fetched once, and a plain line (most lines) is counted inline instead of by a call.
// Cheap to copy; thread-safe (it only reads the table).
class StopWordLaneCounter {
 public:
  StopWordLaneCounter() : slots_(stop_word_slots()) {}

  std::uint64_t operator()(std::span<const std::string_view> words, std::span<const std::uint64_t> hashes,
                           bool plain) const {
    if (!plain) return count_padded_stop_word_lanes(words, hashes, plain);
    if (hashes.empty()) return 0;
    // Two words a round: half the loop's own instructions, and two lookups in flight. An odd
    // count's first word is counted before, without a branch (which would be a coin toss).
    const std::size_t odd = hashes.size() % 2;
    std::uint64_t lanes = kSpreadLanguageMasks[slots_.find(hashes[0])] & (0 - static_cast<std::uint64_t>(odd));
    std::uint64_t more_lanes = 0;
    for (std::size_t i = odd; i < hashes.size(); i += 2) {
      lanes += kSpreadLanguageMasks[slots_.find(hashes[i])];
      more_lanes += kSpreadLanguageMasks[slots_.find(hashes[i + 1])];
    }
    return lanes + more_lanes;
  }

 private:
  StopWordSlots slots_;
};

}  // namespace newsdedup
