// RemovalReason: why the cleaner removed a line. Each value names the rule that fired; the
// names are written to the audit and counted in report.json, so they are part of the output
// contract. Plain enum; thread-safe.
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
  kRepeated,       // a paragraph or run of lines printed earlier in the same document
  kBoilerplate,    // a line that recurs across many different stories in the corpus
};

inline constexpr std::size_t kRemovalReasonCount = 10;

inline constexpr std::array<std::string_view, kRemovalReasonCount> kRemovalReasonNames = {
    "navigation", "date", "caption", "social", "related", "legal", "advertisement", "credit",
    "repeated", "boilerplate"};

constexpr std::string_view name(RemovalReason reason) {
  return kRemovalReasonNames[static_cast<std::size_t>(reason)];
}

}  // namespace newsdedup
