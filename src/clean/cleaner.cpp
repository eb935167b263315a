#include "clean/cleaner.h"

#include <optional>
#include <string>
#include <vector>

#include "clean/furniture_rules.h"
#include "clean/line_shape.h"
#include "clean/paragraph.h"
#include "clean/repetition.h"

namespace newsdedup {
namespace {

constexpr std::size_t kMinMenuRun = 3;          // one or two short capitalised lines may be body
constexpr std::size_t kMaxRelatedItems = 40;     // a related list is never longer than this
constexpr std::size_t kTitleSearchParagraphs = 12;

struct Verdict {
  std::optional<RemovalReason> reason;
  bool is_title = false;
};

struct PageAnalysis {
  const SplitText& split;
  std::vector<LineShape> shapes;
  std::vector<Verdict> verdicts;
};

// Runs of three or more menu items are a vertical menu.
void mark_menus(PageAnalysis& page) {
  const auto& paragraphs = page.split.paragraphs;
  for (std::size_t i = 0; i < paragraphs.size();) {
    std::size_t end = i;
    while (end < paragraphs.size() && !page.verdicts[end].reason &&
           is_menu_item(page.shapes[end], paragraphs[end].text))
      ++end;
    if (end - i >= kMinMenuRun) {
      for (std::size_t j = i; j < end; ++j) page.verdicts[j].reason = RemovalReason::kNavigation;
    }
    i = end == i ? i + 1 : end;
  }
}

bool is_list_headline(const LineShape& shape) {
  return is_headline_shaped(shape) && !is_related_header(shape);
}

// A paragraph joined from several lines may be list items the unwrapper took for a wrapped
// sentence (the last headline ended with "U.S."): it is an item when every line is one.
bool is_headline_item(const PageAnalysis& page, std::size_t index) {
  const Paragraph& paragraph = page.split.paragraphs[index];
  if (paragraph.first_line == paragraph.last_line) return is_list_headline(page.shapes[index]);
  for (std::uint32_t line = paragraph.first_line; line <= paragraph.last_line; ++line)
    if (!is_list_headline(describe(page.split.lines[line]))) return false;
  return true;
}

bool is_title_cased_headline(const LineShape& shape) {
  return shape.alphabetic_words >= 2 && shape.capitalized_words * 2 >= shape.alphabetic_words;
}

// Whether the block starting at `begin` continues a related list: two or more items, each
// a headline in title case, and nothing else up to the next blank line.
bool continues_related_list(const PageAnalysis& page, std::size_t begin) {
  const auto& paragraphs = page.split.paragraphs;
  std::size_t items = 0;
  for (std::size_t j = begin; j < paragraphs.size() && (j == begin || !paragraphs[j].starts_block); ++j) {
    if (page.verdicts[j].reason) continue;
    if (!is_headline_item(page, j) || !is_title_cased_headline(page.shapes[j])) return false;
    ++items;
  }
  return items >= 2;
}

// A related-list header takes the headlines under it, up to the end of their block, and the
// blocks after it that hold nothing but headlines. Lines inside the list that other rules
// already marked (a "- Newsletter" suffix) do not end it.
void mark_related_lists(PageAnalysis& page) {
  const auto& paragraphs = page.split.paragraphs;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (!is_related_header(page.shapes[i])) continue;
    std::size_t taken = 0;
    for (std::size_t j = i + 1; j < paragraphs.size() && taken < kMaxRelatedItems; ++j) {
      if (taken > 0 && paragraphs[j].starts_block && !continues_related_list(page, j)) break;
      if (page.verdicts[j].reason) {
        if (is_related_header(page.shapes[j])) break;
        continue;
      }
      if (!is_headline_item(page, j)) break;
      page.verdicts[j].reason = RemovalReason::kRelated;
      ++taken;
    }
  }
}

bool looks_like_body_sentence(const LineShape& shape) {
  return shape.word_count() >= 12 && shape.ends_with_sentence_punctuation;
}

bool is_title_cased(const LineShape& shape) {
  return shape.alphabetic_words >= 2 && shape.capitalized_words * 5 >= shape.alphabetic_words * 3;
}

// The title is the first line before the body that is not furniture and is shaped like a
// headline, when its surroundings confirm it: furniture follows it, or it is in title case, or
// a body paragraph follows it after a blank line.
void mark_title(PageAnalysis& page) {
  const auto& paragraphs = page.split.paragraphs;
  const std::size_t limit = std::min(paragraphs.size(), kTitleSearchParagraphs);
  for (std::size_t i = 0; i < limit; ++i) {
    if (page.verdicts[i].reason) continue;
    const LineShape& shape = page.shapes[i];
    const std::string& text = paragraphs[i].text;
    const bool shaped = shape.word_count() >= 1 && shape.word_count() <= 30 && text.size() <= 250 &&
                        !text.ends_with(".") && !text.ends_with(":") && !text.ends_with(",") &&
                        !is_dateline_only(shape, text) && !(shape.word_count() > 12 && text.find(". ") != std::string::npos);
    if (!shaped) return;
    // The title is never all there is: a page whose only text is this line keeps it as body.
    bool body_remains = false;
    for (std::size_t j = i + 1; j < paragraphs.size() && !body_remains; ++j) body_remains = !page.verdicts[j].reason;
    if (!body_remains) return;
    std::size_t next = i + 1;
    const bool furniture_follows = next < paragraphs.size() && page.verdicts[next].reason;
    const bool body_follows = next < paragraphs.size() && paragraphs[next].starts_block &&
                              looks_like_body_sentence(page.shapes[next]);
    const bool alone = next >= paragraphs.size() || paragraphs[next].starts_block;
    if (furniture_follows || body_follows || (alone && is_title_cased(shape))) page.verdicts[i].is_title = true;
    return;
  }
}

}  // namespace

CleanedDocument Cleaner::clean(std::string_view normalized_text, const BoilerplateFilter* boilerplate) const {
  const SplitText split = split_paragraphs(normalized_text);
  const auto& paragraphs = split.paragraphs;
  PageAnalysis page{split, {}, std::vector<Verdict>(paragraphs.size())};
  page.shapes.reserve(paragraphs.size());
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    page.shapes.push_back(describe(paragraphs[i].text));
    page.verdicts[i].reason = classify_furniture(page.shapes[i], paragraphs[i].text);
  }
  mark_menus(page);
  mark_related_lists(page);
  mark_title(page);

  std::vector<std::size_t> candidates;  // paragraphs still in the body, for the repetition pass
  for (std::size_t i = 0; i < paragraphs.size(); ++i)
    if (!page.verdicts[i].reason && !page.verdicts[i].is_title) candidates.push_back(i);
  for (std::size_t index : find_repeated(page.shapes, candidates))
    page.verdicts[index].reason = RemovalReason::kRepeated;
  if (boilerplate != nullptr) {
    for (std::size_t i : candidates)
      if (!page.verdicts[i].reason && (*boilerplate)(paragraphs[i].text)) page.verdicts[i].reason = RemovalReason::kBoilerplate;
  }

  CleanedDocument out;
  std::string pending_dateline;  // a dateline on its own line opens the next paragraph
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& paragraph = paragraphs[i];
    const Verdict& verdict = page.verdicts[i];
    if (verdict.is_title) {
      out.title = paragraph.text;
      continue;
    }
    if (verdict.reason) {
      for (std::uint32_t line = paragraph.first_line; line <= paragraph.last_line; ++line)
        out.removed.push_back({line + 1, std::string(split.lines[line]), *verdict.reason});
      if (!options_.keep_boilerplate) continue;
    }
    if (pending_dateline.empty() && is_dateline_only(page.shapes[i], paragraph.text) && i + 1 < paragraphs.size()) {
      pending_dateline = paragraph.text;
      continue;
    }
    if (!out.body.empty()) out.body += "\n\n";
    if (!pending_dateline.empty()) {
      out.body += pending_dateline;
      out.body += ' ';
      pending_dateline.clear();
    }
    out.body += paragraph.text;
  }
  if (!pending_dateline.empty()) {
    if (!out.body.empty()) out.body += "\n\n";
    out.body += pending_dateline;
  }
  return out;
}

}  // namespace newsdedup
