#include "clean/quality_rules.h"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "text/byte_blocks.h"

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

// C4
constexpr std::size_t kC4MinLineWords = 3;
constexpr std::size_t kC4MinSentences = 5;
// Gopher
constexpr double kGopherMinWords = 50;
constexpr double kGopherMaxWords = 100000;
constexpr double kGopherMinMeanWordLength = 3;
constexpr double kGopherMaxMeanWordLength = 10;
constexpr double kGopherMaxSymbolRatio = 0.1;
constexpr double kGopherMaxBulletLines = 0.9;
constexpr double kGopherMaxEllipsisLines = 0.3;
constexpr double kGopherMinAlphabeticWords = 0.8;
constexpr double kGopherMinStopWords = 2;
// Gopher repetition (Rae et al. 2021, table A1)
constexpr double kGopherMaxDuplicateLines = 0.30;
constexpr double kGopherMaxDuplicateLineCharacters = 0.20;
constexpr std::array<double, 3> kGopherMaxTopNgram = {0.20, 0.18, 0.16};                    // n = 2, 3, 4
constexpr std::array<double, 6> kGopherMaxDuplicateNgrams = {0.15, 0.14, 0.13, 0.12, 0.11, 0.10};  // n = 5..10
// FineWeb
constexpr double kFineWebMinLinePunctuation = 0.12;
constexpr double kFineWebMaxShortLines = 0.67;
constexpr std::size_t kFineWebShortLineCharacters = 30;
constexpr double kFineWebMaxDuplicateLineCharacters = 0.01;
constexpr double kFineWebMaxLinesPerWord = 0.3;

std::string_view trim_right(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

bool ends_with_ellipsis(std::string_view line) {
  line = trim_right(line);
  return line.ends_with("...") || line.ends_with("\u2026");
}

// . ! ? or a closing quote (straight or curly), or the full stops of Chinese and Japanese.
bool ends_with_terminal_punctuation(std::string_view line) {
  line = trim_right(line);
  static constexpr std::array kEnds = {"."sv, "!"sv, "?"sv, "\""sv, "'"sv, "\u201D"sv, "\u2019"sv,
                                       "\u00BB"sv, "\u3002"sv, "\uFF01"sv, "\uFF1F"sv};
  return std::any_of(kEnds.begin(), kEnds.end(), [&](std::string_view end) { return line.ends_with(end); });
}

bool starts_with_bullet(std::string_view line) {
  static constexpr std::array kBullets = {"\u2022"sv, "\u25CF"sv, "\u25E6"sv, "\u25AA"sv, "\u2023"sv, "\u00B7"sv,
                                          "-"sv, "*"sv};
  return std::any_of(kBullets.begin(), kBullets.end(), [&](std::string_view b) { return line.starts_with(b); });
}

// Whitespace-separated tokens of a line, as Gopher and C4 count words.
template <typename Visit>
void for_each_token(std::string_view line, Visit&& visit) {
  for (std::size_t start = 0; start < line.size();) {
    if (line[start] == ' ') {
      ++start;
      continue;
    }
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    visit(line.substr(start, end - start));
    start = end;
  }
}

std::size_t token_count(std::string_view line) {
  std::size_t n = 0;
  for_each_token(line, [&](std::string_view) { ++n; });
  return n;
}

bool is_ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A letter of any script: an ASCII letter, or a character outside ASCII that is not one of the
// punctuation blocks (U+0080..U+00BF and U+2000..U+2BFF).
bool has_letter(std::string_view token) {
  for (std::size_t i = 0; i < token.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(token[i]);
    if (is_ascii_letter(c)) return true;
    if (c >= 0xC3 && c != 0xE2) return true;
  }
  return false;
}

// A token that is all punctuation and symbols ("-", "|", "...") is not a word.
bool is_word(std::string_view token) {
  for (const char c : token) {
    const unsigned char b = static_cast<unsigned char>(c);
    if (is_ascii_letter(b) || (b >= '0' && b <= '9') || (b >= 0xC3 && b != 0xE2)) return true;
  }
  return false;
}

std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

// Sentence ends: . ! ? (or a CJK full stop) followed by a space or the end of the line.
std::size_t sentence_count(std::string_view line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '"')) ++n;
  }
  return n + count_of(line, "\u3002") + count_of(line, "\uFF01") + count_of(line, "\uFF1F");
}

bool is_gopher_stop_word(std::string_view lower_word) {
  static constexpr std::array kWords = {"the"sv, "be"sv, "to"sv, "of"sv, "and"sv, "that"sv, "have"sv, "with"sv};
  return std::find(kWords.begin(), kWords.end(), lower_word) != kWords.end();
}

void fail(QualityVerdict& verdict, RemovalReason rule, double value, double limit) {
  verdict.failures.push_back({rule, value, limit});
}

struct Token {
  std::uint64_t hash = 0;
  std::size_t characters = 0;
};

std::uint64_t ngram_hash(const std::vector<Token>& tokens, std::size_t start, std::size_t n) {
  std::uint64_t h = n;
  for (std::size_t j = 0; j < n; ++j) h = (h ^ tokens[start + j].hash) * 0x9E3779B97F4A7C15ULL;
  return h;
}

// Share of the word characters in the most frequent n-gram's occurrences.
double top_ngram_share(const std::vector<Token>& tokens, std::size_t n, std::size_t total_characters) {
  if (tokens.size() < n || total_characters == 0) return 0;
  std::unordered_map<std::uint64_t, std::pair<std::size_t, std::size_t>> counts;  // hash -> (count, first)
  for (std::size_t i = 0; i + n <= tokens.size(); ++i) {
    auto [it, fresh] = counts.try_emplace(ngram_hash(tokens, i, n), 0, i);
    ++it->second.first;
  }
  std::size_t best_count = 0;
  std::size_t best_first = 0;
  for (const auto& [hash, entry] : counts)
    if (entry.first > best_count || (entry.first == best_count && entry.second < best_first))
      std::tie(best_count, best_first) = entry;
  if (best_count < 2) return 0;
  std::size_t ngram_characters = 0;
  for (std::size_t j = 0; j < n; ++j) ngram_characters += tokens[best_first + j].characters;
  return static_cast<double>(best_count * ngram_characters) / static_cast<double>(total_characters);
}

// Share of the word characters inside a repeat of an earlier n-gram (each word counted once).
double duplicate_ngram_share(const std::vector<Token>& tokens, std::size_t n, std::size_t total_characters) {
  if (tokens.size() < n || total_characters == 0) return 0;
  std::unordered_set<std::uint64_t> seen;
  std::vector<bool> covered(tokens.size(), false);
  for (std::size_t i = 0; i + n <= tokens.size(); ++i)
    if (!seen.insert(ngram_hash(tokens, i, n)).second)
      for (std::size_t j = i; j < i + n; ++j) covered[j] = true;
  std::size_t covered_characters = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (covered[i]) covered_characters += tokens[i].characters;
  return static_cast<double>(covered_characters) / static_cast<double>(total_characters);
}

// Gopher's repetition rules, on the document's lines (one paragraph per line). Returns the
// share of the characters that are in lines printed before, which FineWeb judges too.
double judge_repetition(const std::vector<std::string_view>& lines, QualityVerdict& verdict) {
  std::unordered_set<std::uint64_t> seen_lines;
  std::size_t duplicate_lines = 0;
  std::size_t duplicate_characters = 0;
  std::size_t line_characters = 0;
  std::vector<Token> tokens;
  std::size_t token_characters = 0;
  for (const std::string_view line : lines) {
    const std::size_t size = count_characters(line);
    line_characters += size;
    if (!seen_lines.insert(XXH3_64bits(line.data(), line.size())).second) {
      ++duplicate_lines;
      duplicate_characters += size;
    }
    for_each_token(line, [&](std::string_view token) {
      tokens.push_back({XXH3_64bits(token.data(), token.size()), count_characters(token)});
      token_characters += tokens.back().characters;
    });
  }
  if (lines.empty()) return 0;
  const double duplicate_line_share = static_cast<double>(duplicate_lines) / static_cast<double>(lines.size());
  if (duplicate_line_share > kGopherMaxDuplicateLines)
    fail(verdict, RemovalReason::kGopherDuplicateLines, duplicate_line_share, kGopherMaxDuplicateLines);
  const double duplicate_character_share =
      line_characters > 0 ? static_cast<double>(duplicate_characters) / static_cast<double>(line_characters) : 0;
  if (duplicate_character_share > kGopherMaxDuplicateLineCharacters)
    fail(verdict, RemovalReason::kGopherDuplicateLineCharacters, duplicate_character_share,
         kGopherMaxDuplicateLineCharacters);
  for (std::size_t n = 2; n <= 4; ++n) {
    const double share = top_ngram_share(tokens, n, token_characters);
    if (share > kGopherMaxTopNgram[n - 2]) {
      fail(verdict, RemovalReason::kGopherTopNgram, share, kGopherMaxTopNgram[n - 2]);
      break;
    }
  }
  for (std::size_t n = 5; n <= 10; ++n) {
    const double share = duplicate_ngram_share(tokens, n, token_characters);
    if (share > kGopherMaxDuplicateNgrams[n - 5]) {
      fail(verdict, RemovalReason::kGopherDuplicateNgrams, share, kGopherMaxDuplicateNgrams[n - 5]);
      break;
    }
  }
  return duplicate_character_share;
}

}  // namespace

std::optional<RemovalReason> c4_line_rule(const LineShape& line, std::string_view text) {
  if (line.contains("javascript")) return RemovalReason::kC4Javascript;
  static constexpr std::array kPolicy = {"terms of use"sv, "privacy policy"sv, "cookie policy"sv, "uses cookies"sv,
                                         "use of cookies"sv, "use cookies"sv};
  if (std::any_of(kPolicy.begin(), kPolicy.end(), [&](std::string_view p) { return line.contains(p); }))
    return RemovalReason::kC4Policy;
  if (token_count(text) < kC4MinLineWords) return RemovalReason::kC4MinWords;
  if (!ends_with_terminal_punctuation(text) || ends_with_ellipsis(text)) return RemovalReason::kC4TerminalPunctuation;
  return std::nullopt;
}

QualityVerdict judge_document(const std::vector<std::string_view>& lines, const std::vector<const LineShape*>& shapes,
                              std::optional<Language> language) {
  QualityVerdict verdict;
  std::size_t tokens = 0;
  std::size_t words = 0;
  std::size_t word_characters = 0;
  std::size_t lettered_tokens = 0;
  std::size_t symbols = 0;
  std::size_t sentences = 0;
  std::size_t bullet_lines = 0;
  std::size_t ellipsis_lines = 0;
  std::size_t punctuated_lines = 0;
  std::size_t short_lines = 0;
  bool lorem_ipsum = false;
  bool curly_bracket = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    for_each_token(line, [&](std::string_view token) {
      ++tokens;
      lettered_tokens += has_letter(token);
      if (!is_word(token)) return;
      ++words;
      word_characters += count_characters(token);
    });
    symbols += count_of(line, "#") + count_of(line, "...") + count_of(line, "\u2026");
    sentences += sentence_count(line);
    bullet_lines += starts_with_bullet(line);
    ellipsis_lines += ends_with_ellipsis(line);
    punctuated_lines += ends_with_terminal_punctuation(line);
    const std::size_t line_characters = count_characters(line);
    short_lines += line_characters <= kFineWebShortLineCharacters;
    lorem_ipsum |= shapes[i]->contains("lorem ipsum");
    curly_bracket |= line.find('{') != std::string_view::npos;
  }
  const double line_count = static_cast<double>(std::max<std::size_t>(lines.size(), 1));
  const double word_count = static_cast<double>(words);

  // C4
  if (sentences < kC4MinSentences)
    fail(verdict, RemovalReason::kC4MinSentences, static_cast<double>(sentences), static_cast<double>(kC4MinSentences));
  if (lorem_ipsum) fail(verdict, RemovalReason::kC4LoremIpsum, 1, 0);
  if (curly_bracket) fail(verdict, RemovalReason::kC4CurlyBracket, 1, 0);

  // Gopher
  if (word_count < kGopherMinWords) fail(verdict, RemovalReason::kGopherWordCount, word_count, kGopherMinWords);
  if (word_count > kGopherMaxWords) fail(verdict, RemovalReason::kGopherWordCount, word_count, kGopherMaxWords);
  const double mean_length = words > 0 ? static_cast<double>(word_characters) / word_count : 0;
  if (mean_length < kGopherMinMeanWordLength)
    fail(verdict, RemovalReason::kGopherMeanWordLength, mean_length, kGopherMinMeanWordLength);
  if (mean_length > kGopherMaxMeanWordLength)
    fail(verdict, RemovalReason::kGopherMeanWordLength, mean_length, kGopherMaxMeanWordLength);
  const double symbol_ratio = words > 0 ? static_cast<double>(symbols) / word_count : 0;
  if (symbol_ratio > kGopherMaxSymbolRatio) fail(verdict, RemovalReason::kGopherSymbolRatio, symbol_ratio, kGopherMaxSymbolRatio);
  const double bullet_share = static_cast<double>(bullet_lines) / line_count;
  if (bullet_share > kGopherMaxBulletLines) fail(verdict, RemovalReason::kGopherBulletLines, bullet_share, kGopherMaxBulletLines);
  const double ellipsis_share = static_cast<double>(ellipsis_lines) / line_count;
  if (ellipsis_share > kGopherMaxEllipsisLines)
    fail(verdict, RemovalReason::kGopherEllipsisLines, ellipsis_share, kGopherMaxEllipsisLines);
  const double alphabetic_share = tokens > 0 ? static_cast<double>(lettered_tokens) / static_cast<double>(tokens) : 0;
  if (alphabetic_share < kGopherMinAlphabeticWords)
    fail(verdict, RemovalReason::kGopherAlphabeticWords, alphabetic_share, kGopherMinAlphabeticWords);
  if (language) {
    std::size_t stop_words = 0;
    for (const LineShape* shape : shapes) {
      for (std::string_view word : shape->words) {
        if (*language == Language::kEnglish) stop_words += is_gopher_stop_word(word);
        else stop_words += (stop_word_languages(word) & language_bit(*language)) != 0;
      }
    }
    if (static_cast<double>(stop_words) < kGopherMinStopWords)
      fail(verdict, RemovalReason::kGopherStopWords, static_cast<double>(stop_words), kGopherMinStopWords);
  }

  const double duplicate_share = judge_repetition(lines, verdict);

  // FineWeb
  const double punctuated_share = static_cast<double>(punctuated_lines) / line_count;
  if (punctuated_share <= kFineWebMinLinePunctuation)
    fail(verdict, RemovalReason::kFineWebLinePunctuation, punctuated_share, kFineWebMinLinePunctuation);
  const double short_share = static_cast<double>(short_lines) / line_count;
  if (short_share >= kFineWebMaxShortLines) fail(verdict, RemovalReason::kFineWebShortLines, short_share, kFineWebMaxShortLines);
  if (duplicate_share >= kFineWebMaxDuplicateLineCharacters)
    fail(verdict, RemovalReason::kFineWebDuplicateLines, duplicate_share, kFineWebMaxDuplicateLineCharacters);
  const double line_breaks = static_cast<double>(lines.empty() ? 0 : lines.size() - 1);
  const double lines_per_word = words > 0 ? line_breaks / word_count : 0;
  if (lines_per_word > kFineWebMaxLinesPerWord)
    fail(verdict, RemovalReason::kFineWebListRatio, lines_per_word, kFineWebMaxLinesPerWord);
  return verdict;
}

}  // namespace newsdedup
