// RemovalReason: why the cleaner removed a line. Each value names the rule that fired; the
// names are written to the audit and counted in report.json, so they are part of the output
// contract (new values are only ever added). Plain enum; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace newsdedup {

enum class RemovalReason : unsigned char {
  kNavigation,     // menus, section bullets, breadcrumbs, pipe-separated link bars
  kDate,           // a line that is only a date, time or "published/updated" stamp
  kCaption,        // photo captions and credits
  kSocial,         // follow / share / subscribe / newsletter / app prompts
  kRelated,        // "Related stories", "Next In World", "Also Read: ..." and the headlines under them
  kLegal,          // copyright, terms, privacy, "not responsible for external sites"
  kAdvertisement,  // ad markers such as "ADVERTISEMENT", "Story continues below advertisement"
  kCredit,         // "(Reporting by ...; Editing by ...)"
  kRepeated,       // a paragraph, run of lines or long span printed earlier in the same document
  kBoilerplate,    // a line that recurs across many different stories in the corpus
  kComments,       // a comment section's heading, reply prompt or "X says:" attribution
  kByline,         // "By Jane Doe": the author line above an article
  kOutsideArticle, // outside the article: not in the page's main run of prose paragraphs
  // --quality: line rules of C4 (Raffel et al. 2020)
  kC4TerminalPunctuation,  // the line does not end in . ! ? or a closing quote
  kC4MinWords,             // the line has fewer than 3 words
  kC4Javascript,           // the line mentions javascript
  kC4Policy,               // the line mentions terms of use, privacy or cookie policy
  // --quality: document rules; every line of a failing document is removed with its first
  // failing rule (see quality_rules.h for the thresholds)
  kC4MinSentences,
  kC4LoremIpsum,
  kC4CurlyBracket,
  kGopherWordCount,
  kGopherMeanWordLength,
  kGopherSymbolRatio,
  kGopherBulletLines,
  kGopherEllipsisLines,
  kGopherAlphabeticWords,
  kGopherStopWords,
  kFineWebLinePunctuation,
  kFineWebShortLines,
  kFineWebDuplicateLines,
  kFineWebListRatio,
  kGopherDuplicateLines,           // Gopher repetition: share of lines that repeat an earlier one
  kGopherDuplicateLineCharacters,  // ... and share of characters in them
  kGopherTopNgram,                 // characters in the most frequent word 2-, 3- or 4-gram
  kGopherDuplicateNgrams,          // characters in repeated word 5- to 10-grams
};

inline constexpr std::size_t kRemovalReasonCount = 35;

inline constexpr std::array<std::string_view, kRemovalReasonCount> kRemovalReasonNames = {
    "navigation", "date", "caption", "social", "related", "legal", "advertisement", "credit",
    "repeated", "boilerplate", "comments", "byline", "outside_article",
    "c4_terminal_punctuation", "c4_min_words", "c4_javascript", "c4_policy",
    "c4_min_sentences", "c4_lorem_ipsum", "c4_curly_bracket",
    "gopher_word_count", "gopher_mean_word_length", "gopher_symbol_ratio", "gopher_bullet_lines",
    "gopher_ellipsis_lines", "gopher_alphabetic_words", "gopher_stop_words",
    "fineweb_line_punctuation", "fineweb_short_lines", "fineweb_duplicate_lines", "fineweb_list_ratio",
    "gopher_duplicate_lines", "gopher_duplicate_line_characters", "gopher_top_ngram", "gopher_duplicate_ngrams"};

static_assert(static_cast<std::size_t>(RemovalReason::kGopherDuplicateNgrams) + 1 == kRemovalReasonCount);

constexpr std::string_view name(RemovalReason reason) {
  return kRemovalReasonNames[static_cast<std::size_t>(reason)];
}

}  // namespace newsdedup
