// Title anchor: where a page prints its headline again above the article.
//
// A page flattened to text opens with its <title> ("Headline - Site Name", "Site | Headline")
// and prints the headline again, on its own line, right above the article, after the menus.
// find_title_anchor() returns the first later paragraph that is the opening line, or one of its
// parts between separators (" - ", " | ", " – ", " — ", " : ", " :: ", " » ", " · "), compared
// case-insensitively; a part less than half as long as the longest one (the site's name)
// never matches. The article then starts after the anchor: the strongest sign of where the
// menus end that plain text keeps. Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>

#include "clean/line_shape.h"

namespace newsdedup {

std::optional<std::size_t> find_title_anchor(std::span<const LineShape> paragraphs);

}  // namespace newsdedup
