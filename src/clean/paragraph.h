// Paragraph: a unit of text the cleaner keeps or removes as a whole.
//
// split_paragraphs() cuts normalised text into lines, groups lines into blocks at blank lines,
// and joins a block's lines into one paragraph where they are hard-wrapped (all but the last
// line nearly fill a fixed width of 40 to 100 characters); otherwise each line is a paragraph.
// A Paragraph refers to its lines by index, so removals can be reported line by line.
// A SplitText views the text it was split from (its lines, and its one-line paragraphs) and owns
// the joined text of its wrapped paragraphs: it is valid while that text lives, and is moved,
// not copied. Split into again, it reuses its buffers (a caller that splits page after page
// allocates only for a page larger than those before). split_paragraphs is thread-safe: each
// thread keeps work buffers of its own (thread_local: the offsets of a page's line breaks, a
// block's line widths), as large as the largest page it has split. ends_like_prose is stateless.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace newsdedup {

struct Paragraph {
  std::uint32_t first_line = 0;  // 0-based index into the line list
  std::uint32_t last_line = 0;   // inclusive
  bool starts_block = false;     // preceded by a blank line (or the start of the text)
  std::string_view text;         // the lines joined with single spaces
};

struct SplitText {
  std::vector<std::string_view> lines;  // every line of the text, blank ones included
  std::vector<Paragraph> paragraphs;    // non-blank paragraphs in order
  // The wrapped paragraphs' joined text, one after the other. Joining replaces each line break
  // with a space, so all of it fits in the size of the text: a text with a wrapped paragraph
  // that `joined` cannot hold (`joined_size` bytes) gets a new buffer of that size first.
  std::unique_ptr<char[]> joined;
  std::size_t joined_size = 0;
};

SplitText split_paragraphs(std::string_view normalized_text);
// The same into `split`, whose buffers it reuses (what it held before is gone).
void split_paragraphs(std::string_view normalized_text, SplitText& split);

// Whether a line ends as hard-wrapped prose ends its paragraph: with a sentence stop, colon or
// semicolon (before closing quotes or brackets), or a stop followed by a reference in
// parentheses ("... said.(XYGP 1330)"); a list of headlines does not.
bool ends_like_prose(std::string_view line);

}  // namespace newsdedup
