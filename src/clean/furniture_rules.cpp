#include "clean/furniture_rules.h"

#include "clean/phrase_set.h"
#include "text/byte_pair_set.h"
#include "text/byte_set.h"
#include "text/prefix_list.h"
#include "text/word_list.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace newsdedup {
namespace {

using namespace std::string_view_literals;

// The line without leading bullets, dashes, brackets and spaces (lower case). Several rules
// read it: classify_furniture() strips each line once and hands them the result (`bare`).
std::string_view strip_leading_marks(std::string_view lower) {
  // The bytes a mark starts with, so that a line that starts with a letter (most) is settled by
  // one load.
  static constexpr ByteSet kMarkStarts(" -([*>|\xE2\xC2");
  while (!lower.empty() && kMarkStarts.contains(lower.front())) {
    const unsigned char c = static_cast<unsigned char>(lower.front());
    if (c == ' ' || c == '-' || c == '(' || c == '[' || c == '*' || c == '>' || c == '|') {
      lower.remove_prefix(1);
    } else if (c == 0xE2 && lower.size() >= 3) {  // U+2000..U+2BFF: bullets, dashes, arrows
      lower.remove_prefix(3);
    } else if (c == 0xC2 && lower.size() >= 2) {  // U+00A0..U+00BF: «, », ·
      lower.remove_prefix(2);
    } else {
      break;
    }
  }
  return lower;
}

// Whether `text` starts with `prefix`, which is not empty: the first bytes are compared before
// memcmp is called, which spares nearly every line the call.
bool opens_with(std::string_view text, std::string_view prefix) {
  return !text.empty() && text.front() == prefix.front() && text.starts_with(prefix);
}

// False when the line holds no character of two bytes in UTF-8 (U+0080 to U+07FF, "\u00A9"
// among them). Each character's weight in weighted_length is at most its size in bytes, and
// below it for a two-byte character (weight 1): a line whose weighted length is its size holds
// none. Most lines are ASCII, and are settled without a search.
bool may_hold_two_byte_character(const LineShape& line) { return line.weighted_length < line.lower.size(); }

bool starts_with_bullet(std::string_view text) {
  static constexpr PrefixList kBullets{std::array{"\u2022"sv, "\u00B7"sv, "\u25AA"sv, "\u25BA"sv, "\u25B8"sv,
                                                  "\u2023"sv, "\u25CF"sv, "\u2013 "sv, "* "sv, "- "sv}};
  return kBullets.starts(text);
}

// The longest segment of a link bar, in bytes, and the longest separator (" \u203A ").
constexpr std::size_t kMaxSegmentBytes = 40;
constexpr std::size_t kMaxSeparatorBytes = 5;

// Counts the segments of a line split by `separator`; false when any segment is long.
bool is_short_segment_bar(std::string_view text, std::string_view separator, std::size_t min_segments) {
  std::size_t segments = 0;
  std::size_t start = 0;
  while (true) {
    // A separator that closes a short segment lies within its first bytes, so only they are
    // searched: beyond them the segment is long whether a separator follows or not.
    const std::size_t found = text.substr(start, kMaxSegmentBytes + separator.size()).find(separator);
    const std::size_t at = found == std::string_view::npos ? std::string_view::npos : start + found;
    const std::string_view segment = text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
    if (segment.size() > kMaxSegmentBytes) return false;
    const auto words = std::count(segment.begin(), segment.end(), ' ') + 1;
    if (words > 5) return false;
    ++segments;
    if (at == std::string_view::npos) break;
    start = at + separator.size();
  }
  return segments >= min_segments;
}

// Not inlined: inside classify_furniture, GCC 12 no longer keeps kSeparatorBytes' compares out of
// the block loop (3 M more instructions on 5,000 pages).
[[gnu::noinline]] bool is_navigation(const LineShape& line, std::string_view text, std::string_view bare) {
  if (line.word_count() <= 4 && !line.ends_with_sentence_punctuation && starts_with_bullet(text)) return true;
  // A link bar has at most a dozen short entries, split by | > / › or ». A bar's first segment
  // is short, so a separator follows it within the line's first bytes: a line without a
  // separator's last byte there (found by memchr) is not split by it, or not into short
  // segments.
  // (Most heads hold none of the bytes: one pass settles them, where each byte's search is a
  // call of its own.)
  static constexpr ByteSet kSeparatorBytes("|>\xBA\xBB/");
  const std::string_view head = text.substr(0, kMaxSegmentBytes + kMaxSeparatorBytes);
  if (line.word_count() <= kMaxPhraseRuleWords && kSeparatorBytes.any_in(head)) {
    const auto holds = [&](char c) { return head.find(c) != std::string_view::npos; };
    if (holds('|') && (is_short_segment_bar(text, " | ", 3) || is_short_segment_bar(text, "|", 4))) return true;
    if (holds('>') && is_short_segment_bar(text, " > ", 3)) return true;
    if (holds('\xBA') && is_short_segment_bar(text, " \u203A ", 3)) return true;
    if (holds('\xBB') && is_short_segment_bar(text, " \u00BB ", 3)) return true;
    if (holds('/') && is_short_segment_bar(text, " / ", 3)) return true;
  }
  static constexpr WordList kMenuWords{std::array{"home"sv, "menu"sv, "search"sv, "skip to content"sv,
                                            "skip to main content"sv, "sign in"sv, "log in"sv,
                                            "login"sv, "register"sv, "back to top"sv}};
  return line.word_count() <= 4 && kMenuWords.contains(bare);
}

bool is_month_or_day(std::string_view w) {
  static constexpr WordList kNames{std::array{
      "january"sv, "february"sv, "march"sv, "april"sv, "may"sv, "june"sv, "july"sv, "august"sv,
      "september"sv, "october"sv, "november"sv, "december"sv, "jan"sv, "feb"sv, "mar"sv, "apr"sv,
      "jun"sv, "jul"sv, "aug"sv, "sep"sv, "sept"sv, "oct"sv, "nov"sv, "dec"sv, "monday"sv,
      "tuesday"sv, "wednesday"sv, "thursday"sv, "friday"sv, "saturday"sv, "sunday"sv, "mon"sv,
      "tue"sv, "tues"sv, "wed"sv, "thu"sv, "thur"sv, "thurs"sv, "fri"sv, "sat"sv, "sun"sv}};
  return kNames.contains(w);
}

bool is_date(const LineShape& line, std::string_view text) {
  if (line.word_count() == 0 || line.word_count() > 12 || line.ends_with_sentence_punctuation) return false;
  static constexpr WordList kStampWords{std::array{
      "published"sv, "updated"sv, "posted"sv, "last"sv, "modified"sv, "first"sv, "on"sv, "at"sv,
      "am"sv, "pm"sv, "a"sv, "m"sv, "p"sv, "gmt"sv, "utc"sv, "est"sv, "edt"sv, "pst"sv, "pdt"sv,
      "cet"sv, "cest"sv, "bst"sv, "ist"sv, "et"sv, "pt"sv, "ago"sv, "min"sv, "mins"sv, "minute"sv,
      "minutes"sv, "hour"sv, "hours"sv, "day"sv, "days"sv, "read"sv, "date"sv, "time"sv, "of"sv,
      "the"sv, "th"sv, "st"sv, "nd"sv, "rd"sv, "z"sv, "t"sv}};
  bool anchor = false;
  bool number = false;
  for (std::string_view w : line.words) {
    if (std::isdigit(static_cast<unsigned char>(w.front()))) {
      number = true;
      continue;
    }
    if (is_month_or_day(w)) {
      anchor = true;
      continue;
    }
    if (!kStampWords.contains(w)) return false;
    if (w == "ago" || w == "published" || w == "updated" || w == "posted") anchor = true;
  }
  // An ISO date or a clock time is an anchor too.
  const bool iso = text.find('-') != std::string_view::npos && line.digit_words >= 3;
  const bool clock = text.find(':') != std::string_view::npos && line.digit_words >= 2;
  return number && (anchor || iso || clock);
}

bool is_caption(const LineShape& line, std::string_view bare) {
  if (line.word_count() > 80) return false;
  static constexpr PrefixList kCaptionStarts{std::array{"file photo"sv, "photo:"sv, "photo :"sv,
                                                        "photos:"sv, "image:"sv, "picture:"sv,
                                                        "photograph:"sv, "caption:"sv, "credit:"sv,
                                                        "photo credit"sv, "image credit"sv, "pic:"sv}};
  if (kCaptionStarts.starts(bare)) return true;
  // Credits that name a photo or Reuters, and the others.
  static constexpr std::array kPhotoOrReutersCredits = {"reuters/"sv, "/reuters"sv, "afp photo"sv, "ap photo"sv,
                                                        "(file photo)"sv, "/file photo"sv, "photo: reuters"sv};
  static constexpr std::array kOtherCredits = {"getty images"sv, "/pool"sv, "shutterstock"sv};
  // A credit closes a caption ("... REUTERS/File Photo"); inside a sentence ("a Reuters/Ipsos
  // poll") it is not one. So only the line's tail is searched, which keeps long paragraphs cheap.
  const std::string_view lower = line.lower;
  const std::string_view tail = lower.substr(lower.size() > 48 ? lower.size() - 48 : 0);
  // Every credit below holds one of these pairs ("photo", "reuters", "getty images", "/pool",
  // "shutterstock"); most tails hold none, and are settled by one pass instead of the searches.
  static constexpr BytePairSet kCreditPairs{std::array{"ph"sv, "eu"sv, "tt"sv, "/p"sv}};
  if (!kCreditPairs.any_in(tail)) return false;
  const auto in_tail = [&](std::string_view c) { return tail.find(c) != std::string_view::npos; };
  // Most tails name neither a photo nor Reuters: then only the other credits can be there, and
  // no "photo:" (two searches spare eight).
  const bool photo_or_reuters = in_tail("photo") || in_tail("reuters");
  const bool credit =
      std::any_of(kOtherCredits.begin(), kOtherCredits.end(), in_tail) ||
      (photo_or_reuters && std::any_of(kPhotoOrReutersCredits.begin(), kPhotoOrReutersCredits.end(), in_tail));
  // "X pictured earlier this year. Photo: Reuters" — a short line that ends with a photo credit.
  const std::size_t photo = photo_or_reuters ? tail.rfind("photo:") : std::string_view::npos;
  const bool photo_credit = photo != std::string_view::npos && tail.size() - photo < 40 && line.word_count() <= 30;
  if (!credit && !photo_credit) return false;
  // A caption credit comes with a slash, parenthesis or colon, or names an agency.
  static constexpr ByteSet kCreditMarks("/(:");
  return kCreditMarks.any_in(lower) || line.contains("getty") || line.contains("shutterstock");
}

// True when the line writes the country as "US": then "join US sanctions" is no prompt.
bool mentions_us_country(std::string_view text) {
  for (std::size_t at = text.find("US"); at != std::string_view::npos; at = text.find("US", at + 1)) {
    const bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
    const bool right = at + 2 >= text.size() || !std::isalpha(static_cast<unsigned char>(text[at + 2]));
    if (left && right) return true;
  }
  return false;
}

// The phrases of the social, legal and advertisement rules, in groups. A line that reaches the
// legal rule would otherwise be scanned once per group; all are found in one pass.
enum PhraseGroup : unsigned {
  kPrompt,
  kSocialReaderAddressed,
  kRightsReserved,
  kPolicyPage,
  kNoticeOnly,
  kLegalReaderAddressed,
  kAdWord,
  kContinues,
  kElsewhere,
};

// The groups a rule asks about only once another group has occurred: single common words ("us",
// "you", "after"), which would stop the search at many words of most lines. They are a set of
// their own, searched only for the few lines that get so far.
constexpr std::uint32_t kSecondGroups = (1u << kSocialReaderAddressed) | (1u << kLegalReaderAddressed) | (1u << kElsewhere);

PhraseSet make_rule_phrases(bool second) {
  // (An empty group keeps a group's bit where the other set holds it.)
  const auto first = [&](std::initializer_list<std::string_view> phrases) {
    return second ? std::initializer_list<std::string_view>{} : phrases;
  };
  const auto then = [&](std::initializer_list<std::string_view> phrases) {
    return second ? phrases : std::initializer_list<std::string_view>{};
  };
  return PhraseSet::from_groups({
      // kPrompt
      first({"follow us", "sign up", "subscribe", "newsletter", "newsletters", "our app", "the app", "join our",
             "join us", "share this", "share on", "click here", "your inbox", "like us on", "us on facebook",
             "us on twitter", "us on instagram", "whatsapp channel", "telegram channel", "google news",
             "email this", "print this", "tap here", "get alerts", "breaking news alerts", "push notifications"}),
      // kSocialReaderAddressed
      then({"us", "our"}),
      // kRightsReserved
      first({"all rights reserved"}),
      // kPolicyPage: names of policies and pages, which news may mention too
      first({"terms of use", "terms of service", "terms and conditions", "privacy policy", "cookie policy",
             "community guidelines", "contact us", "about us"}),
      // kNoticeOnly: legal phrases used by notices alone
      first({"not responsible for the content", "published in partnership with", "reproduction in whole or in part",
             "may not be published broadcast rewritten or redistributed", "cookie settings", "advertise with us"}),
      // kLegalReaderAddressed
      then({"you", "your", "our", "us"}),
      // kAdWord
      first({"advertisement", "advertisements", "advertising"}),
      // kContinues
      first({"continue", "continues"}),
      // kElsewhere
      then({"below", "reading", "after"}),
  });
}

const PhraseSet& first_phrases() {
  static const PhraseSet kPhrases = make_rule_phrases(false);
  return kPhrases;
}

const PhraseSet& second_phrases() {
  static const PhraseSet kPhrases = make_rule_phrases(true);
  return kPhrases;
}

// The groups of the rules' phrases that occur in a line, found when a rule first asks.
class LinePhrases {
 public:
  explicit LinePhrases(const LineShape& line) : line_(line) {}

  bool has(PhraseGroup group) {
    const std::uint32_t bit = 1u << group;
    if ((bit & kSecondGroups) == 0) {
      if (!first_found_) {
        groups_ |= first_phrases().groups_in(line_);
        first_found_ = true;
      }
    } else if (!second_found_) {
      groups_ |= second_phrases().groups_in(line_);
      second_found_ = true;
    }
    return (groups_ & bit) != 0;
  }

 private:
  const LineShape& line_;
  std::uint32_t groups_ = 0;
  bool first_found_ = false;
  bool second_found_ = false;
};

bool is_social(const LineShape& line, std::string_view text, LinePhrases& phrases) {
  if (line.word_count() > 30 || line.word_count() == 0) return false;
  static constexpr WordList kImperatives{std::array{"follow"sv, "sign"sv, "subscribe"sv, "join"sv,
                                              "download"sv, "get"sv, "share"sv, "click"sv,
                                              "like"sv, "tap"sv, "register"sv, "become"sv,
                                              "support"sv, "stay"sv, "never"sv, "don't"sv,
                                              "want"sv, "enter"sv, "receive"sv}};
  // (The phrases first: they turn most lines away faster than the search for "US".)
  if (!phrases.has(kPrompt) || mentions_us_country(text)) return false;
  // A prompt speaks to the reader; a news sentence that mentions an app or a newsletter does not.
  return kImperatives.contains(line.words.front()) || phrases.has(kSocialReaderAddressed) ||
         !line.ends_with_sentence_punctuation || line.word_count() <= 8;
}

bool is_inline_related(const LineShape& line, std::string_view bare) {
  static constexpr PrefixList kStarts{std::array{"also read:"sv, "read also:"sv, "read more:"sv,
                                                 "related:"sv, "see also:"sv, "also see:"sv,
                                                 "read:"sv, "more:"sv, "watch:"sv, "listen:"sv,
                                                 "also read :"sv, "read more about"sv}};
  return line.word_count() <= 30 && kStarts.starts(bare);
}

bool is_legal(const LineShape& line, std::string_view text, std::string_view bare, LinePhrases& phrases) {
  if (line.word_count() > kMaxPhraseRuleWords) return false;
  // A copyright notice opens with the word or reserves rights; "sued for copyright
  // infringement" is news.
  if (may_hold_two_byte_character(line) && line.contains("\u00A9")) return true;
  if (opens_with(line.lower, "copyright") || phrases.has(kRightsReserved)) return true;
  const bool notice_mark = opens_with(bare, "(c) ") || opens_with(bare, "c) ");
  // (The phrases before the search for "US", which they make rarely needed.)
  if (!notice_mark && !phrases.has(kPolicyPage) && !phrases.has(kNoticeOnly)) return false;
  if (mentions_us_country(text)) return false;
  if (notice_mark) return true;
  // Names of policies and pages can appear in news ("on the terms and conditions previously
  // announced"): a line that only names one is a notice when it is short or speaks to the
  // reader. The other phrases are used by notices alone.
  return line.word_count() <= 12 || !line.ends_with_sentence_punctuation || phrases.has(kLegalReaderAddressed) ||
         phrases.has(kNoticeOnly);
}

bool is_advertisement(const LineShape& line, std::string_view bare, LinePhrases& phrases) {
  if (line.word_count() == 0 || line.word_count() > 6) return false;
  if (phrases.has(kAdWord)) return true;
  if (phrases.has(kContinues) && phrases.has(kElsewhere)) return true;
  static constexpr WordList kMarkers{std::array{"ad"sv, "ads"sv, "sponsored"sv, "promoted"sv,
                                          "sponsored content"sv, "paid content"sv,
                                          "paid post"sv, "partner content"sv}};
  while (!bare.empty() && (bare.back() == ' ' || bare.back() == '-' || bare.back() == ':')) bare.remove_suffix(1);
  return kMarkers.contains(bare);
}

bool is_credit(const LineShape& line, std::string_view bare) {
  if (line.word_count() > 35) return false;
  static constexpr PrefixList kStarts{std::array{"reporting by"sv, "writing by"sv, "editing by"sv,
                                                 "additional reporting"sv, "compiled by"sv,
                                                 "reported by"sv, "edited by"sv, "written by"sv,
                                                 "research by"sv, "graphics by"sv}};
  return kStarts.starts(bare);
}

bool is_comment_word(std::string_view w) {
  static constexpr WordList kWords{std::array{"comment"sv, "comments"sv, "kommentar"sv, "kommentare"sv,
                                        "commentaire"sv, "commentaires"sv, "comentario"sv,
                                        "comentarios"sv, "coment\u00E1rio"sv, "coment\u00E1rios"sv,
                                        "commento"sv, "commenti"sv}};
  // Russian declines the word: комментарий, комментарии, комментариев, ...
  return kWords.contains(w) || w.starts_with("\u043A\u043E\u043C\u043C\u0435\u043D\u0442\u0430\u0440\u0438"sv);
}

bool is_comment_count_word(std::string_view w) {
  static constexpr WordList kWords{std::array{"responses"sv, "replies"sv, "thoughts"sv, "reactions"sv}};
  return is_comment_word(w) || kWords.contains(w);
}

// The heading, prompts and attributions of a comment section: "34 Comments", "View comments",
// "Leave a Reply", "12 thoughts on “...”", "jane says:". A headline that uses the word
// ("Minister declines comment on talks") has it further in.
bool is_comments(const LineShape& line, std::string_view text) {
  if (line.word_count() == 0 || line.word_count() > 10 || line.ends_with_sentence_punctuation) return false;
  const auto& words = line.words;
  std::size_t first = 0;
  while (first < words.size() && std::isdigit(static_cast<unsigned char>(words[first].front()))) ++first;
  if (first > 0 && first < words.size() && is_comment_count_word(words[first])) return true;
  const std::size_t rest = words.size() - first;
  if (rest > 0 && rest <= 5 && (is_comment_word(words[first]) || (rest > 1 && is_comment_word(words[first + 1]))))
    return true;
  // "Top Rated Comments", "Leave a comment"; but "Minister Declines Comment" is a headline.
  if (rest > 0 && is_comment_word(words.back()) && (rest <= 3 || (rest <= 5 && words.back().ends_with('s'))))
    return true;
  // "Leave a Reply", "Cancel reply", "Post a reply".
  for (std::size_t i = 1; i < words.size(); ++i)
    if (words[i] == "reply" && (words[i - 1] == "cancel" || (i >= 2 && words[i - 1] == "a"))) return true;
  // An attribution that opens a comment: "jane says:", "Alex on May 3, 2018 at 4:47 pm said:".
  std::string_view trimmed = text;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  if (!trimmed.ends_with(':')) return false;
  static constexpr WordList kSays{std::array{"says"sv, "said"sv, "wrote"sv, "writes"sv, "schreibt"sv,
                                       "escribi\u00F3"sv, "disse"sv, "\u00E9crit"sv}};
  return kSays.contains(words.back());
}

// "By Jane Doe", "BY: Staff", "Von Max Muster": the author line of an article.
bool is_byline(const LineShape& line, std::string_view text) {
  if (line.word_count() < 2 || line.word_count() > 6 || text.size() > 60 || line.ends_with_sentence_punctuation)
    return false;
  static constexpr WordList kBy{std::array{"by"sv, "von"sv, "par"sv, "por"sv}};
  if (!kBy.contains(line.words.front()) || !line.starts_upper) return false;
  // The name after it is capitalised: "By the way" is not a byline.
  const std::size_t name_at = static_cast<std::size_t>(line.words[1].data() - line.lower.data());
  const unsigned char first = static_cast<unsigned char>(text[name_at]);
  return (first >= 'A' && first <= 'Z') || first >= 0x80;
}

// is_related_header(), given `bare`, the line stripped of its leading marks.
bool is_related_header_stripped(const LineShape& line, std::string_view bare) {
  if (line.word_count() == 0 || line.word_count() > 5 || line.ends_with_sentence_punctuation) return false;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == ' ')) bare.remove_suffix(1);
  static constexpr WordList kExact{std::array{
      "related"sv, "recommended"sv, "trending"sv, "popular"sv, "latest"sv, "also read"sv,
      "read more"sv, "read also"sv, "see also"sv, "others also read"sv, "people also read"sv,
      "you may also like"sv, "you might also like"sv, "you may like"sv, "more stories"sv,
      "more news"sv, "top stories"sv, "top news"sv, "latest news"sv, "latest stories"sv,
      "don't miss"sv, "editor's picks"sv, "editors' picks"sv, "in case you missed it"sv,
      "further reading"sv, "what to read next"sv, "more like this"sv, "recommended for you"sv,
      "trending now"sv, "most read"sv, "most popular"sv, "most viewed"sv, "most shared"sv,
      "most commented"sv, "related stories"sv, "related articles"sv, "related news"sv,
      "related content"sv, "related coverage"sv, "related topics"sv, "related posts"sv,
      "related links"sv, "recommended stories"sv, "recommended articles"sv,
      "trending stories"sv, "popular stories"sv, "also on"sv, "from around the web"sv}};
  if (kExact.contains(bare)) return true;
  static constexpr PrefixList kStarts{std::array{"next in "sv, "more from "sv, "more in "sv, "more on "sv,
                                                 "latest in "sv, "latest from "sv, "top stories in "sv,
                                                 "trending in "sv, "most read in "sv, "also in "sv,
                                                 "related to "sv, "recommended in "sv}};
  return kStarts.starts(bare);
}

}  // namespace

std::optional<RemovalReason> classify_furniture(const LineShape& line, std::string_view text) {
  if (line.word_count() == 0 || line.word_count() > kMaxFurnitureWords) return std::nullopt;
  const std::string_view bare = strip_leading_marks(line.lower);
  if (is_credit(line, bare)) return RemovalReason::kCredit;
  if (is_comments(line, text)) return RemovalReason::kComments;
  if (is_byline(line, text)) return RemovalReason::kByline;
  // Rules that may now come before this one must add their reason to may_be_related_header()
  // (furniture_rules.h), which lists the verdicts a related header can get.
  if (is_inline_related(line, bare) || is_related_header_stripped(line, bare)) return RemovalReason::kRelated;
  LinePhrases phrases(line);
  if (is_advertisement(line, bare, phrases)) return RemovalReason::kAdvertisement;
  if (is_social(line, text, phrases)) return RemovalReason::kSocial;
  if (is_caption(line, bare)) return RemovalReason::kCaption;
  if (is_legal(line, text, bare, phrases)) return RemovalReason::kLegal;
  if (is_date(line, text)) return RemovalReason::kDate;
  if (is_navigation(line, text, bare)) return RemovalReason::kNavigation;
  return std::nullopt;
}

bool is_related_header(const LineShape& line) {
  if (line.word_count() == 0 || line.word_count() > 5 || line.ends_with_sentence_punctuation) return false;
  return is_related_header_stripped(line, strip_leading_marks(line.lower));
}

bool is_headline_shaped(const LineShape& line) {
  if (line.word_count() == 0 || line.word_count() > 25 || line.lower.ends_with(':')) return false;
  if (!line.lower.ends_with('.')) return true;
  // A final period may close an abbreviation ("... of U.S.", "... Inc.") rather than a sentence.
  return line.words.back().size() <= 3;
}

bool is_menu_item(const LineShape& line, std::string_view text) {
  static constexpr ByteSet kSentenceMarks(".,;:!?\"()");
  return line.word_count() >= 1 && line.word_count() <= 3 && line.digit_words == 0 &&
         line.capitalized_words == line.alphabetic_words && text.size() <= 30 &&
         !kSentenceMarks.any_in(text);
}

bool is_dateline_only(const LineShape& line, std::string_view text) {
  if (line.word_count() == 0 || line.word_count() > 6) return false;
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const bool ends_with_separator = text.ends_with(":") || text.ends_with("-") || text.ends_with("\u2014") ||
                                   text.ends_with("\u2013");
  return ends_with_separator && line.starts_upper;
}

}  // namespace newsdedup
