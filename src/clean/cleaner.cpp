#include "clean/cleaner.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory_resource>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "clean/article_region.h"
#include "clean/document_language.h"
#include "clean/furniture_memo.h"
#include "clean/furniture_rules.h"
#include "clean/line_shape.h"
#include "clean/paragraph.h"
#include "clean/paragraph_classifier.h"
#include "clean/quality_rules.h"
#include "clean/repetition.h"
#include "clean/stack_arena.h"
#include "clean/title_anchor.h"

namespace newsdedup {
namespace {

constexpr std::size_t kMinMenuRun = 3;          // one or two short capitalised lines may be body
constexpr std::size_t kMaxRelatedItems = 40;     // a related list is never longer than this
constexpr std::size_t kTitleSearchParagraphs = 12;

struct Verdict {
  std::optional<RemovalReason> reason;
  bool is_title = false;
  bool in_related_list = false;  // a headline under a "Related" heading
  bool mostly_repeated = false;  // half its words or more repeat earlier text of the page
};

struct PageAnalysis {
  const SplitText& split;
  std::span<const LineShape> shapes;
  std::pmr::vector<Verdict> verdicts;
  std::optional<Language> language;  // of the stop-word list that fits the page, if any
};

// Runs of three or more menu items are a vertical menu.
void mark_menus(PageAnalysis& page) {
  // Bounds and arrays in locals: is_menu_item is a call, after which anything reached through
  // `page` would be loaded again.
  const std::size_t n = page.split.paragraphs.size();
  const Paragraph* const paragraphs = page.split.paragraphs.data();
  const LineShape* const shapes = page.shapes.data();
  Verdict* const verdicts = page.verdicts.data();
  for (std::size_t i = 0; i < n;) {
    std::size_t end = i;
    while (end < n && !verdicts[end].reason && is_menu_item(shapes[end], paragraphs[end].text)) ++end;
    if (end - i >= kMinMenuRun) {
      for (std::size_t j = i; j < end; ++j) verdicts[j].reason = RemovalReason::kNavigation;
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
  LineShape shape;  // one for every line: its buffers are reused
  for (std::uint32_t line = paragraph.first_line; line <= paragraph.last_line; ++line) {
    describe(page.split.lines[line], shape);
    if (!is_list_headline(shape)) return false;
  }
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
  const std::size_t n = paragraphs.size();  // in a local: is_related_header is a call
  for (std::size_t i = 0; i < n; ++i) {
    // A related header has a verdict of a few kinds (furniture_rules.h): most paragraphs have
    // another or none (the menus marked since had none).
    const std::optional<RemovalReason> reason = page.verdicts[i].reason;
    if (!reason || !may_be_related_header(*reason) || !is_related_header(page.shapes[i])) continue;
    std::size_t taken = 0;
    for (std::size_t j = i + 1; j < paragraphs.size() && taken < kMaxRelatedItems; ++j) {
      if (taken > 0 && paragraphs[j].starts_block && !continues_related_list(page, j)) break;
      if (page.verdicts[j].reason) {
        if (is_related_header(page.shapes[j])) break;
        continue;
      }
      if (!is_headline_item(page, j)) break;
      page.verdicts[j].reason = RemovalReason::kRelated;
      page.verdicts[j].in_related_list = true;
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

// The title is the headline printed again above the article (the title anchor), else the first
// line before the body that is not furniture and is shaped like a headline, when its
// surroundings confirm it: furniture follows it, or it is in title case, or a body paragraph
// follows it after a blank line.
void mark_title(PageAnalysis& page, std::optional<std::size_t> anchor) {
  const auto& paragraphs = page.split.paragraphs;
  if (anchor && !page.verdicts[*anchor].reason) {
    page.verdicts[*anchor].is_title = true;
    return;
  }
  const std::size_t limit = std::min(paragraphs.size(), kTitleSearchParagraphs);
  for (std::size_t i = 0; i < limit; ++i) {
    if (page.verdicts[i].reason) continue;
    const LineShape& shape = page.shapes[i];
    const std::string_view text = paragraphs[i].text;
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

// Rows of a table: runs of at least kMinTableRows lines that no rule removed, are not prose,
// and are largely figures ("3 Kevin Harvick 5033 4 6", "June 9 - Tampa, FL", "Net 4.6 mln vs 3.1").
constexpr std::size_t kMinTableRows = 3;

bool row_like(const LineShape& shape, std::string_view text, TextClass text_class) {
  std::size_t figures = shape.digit_words;
  // "Category (15)": a count after a label is a menu of archives or topics, not a table.
  if (figures > 0 && text.ends_with(')')) {
    const std::size_t open = text.rfind('(');
    if (open != std::string_view::npos &&
        text.find_first_not_of("0123456789", open + 1) == text.size() - 1)
      --figures;
  }
  return text_class != TextClass::kGood && shape.word_count() >= 2 && figures > 0 && 4 * figures >= shape.word_count();
}

std::pmr::vector<std::uint8_t> table_rows(const PageAnalysis& page, std::span<const TextClass> classes,
                                          std::pmr::memory_resource* memory) {
  const std::size_t n = classes.size();
  std::pmr::vector<std::uint8_t> rows(n, 0, memory);
  for (std::size_t i = 0; i < n;) {
    std::size_t end = i;
    while (end < n && !page.verdicts[end].reason &&
           row_like(page.shapes[end], page.split.paragraphs[end].text, classes[end]))
      ++end;
    if (end - i >= kMinTableRows) std::fill(rows.begin() + static_cast<std::ptrdiff_t>(i), rows.begin() + static_cast<std::ptrdiff_t>(end), 1);
    i = end == i ? i + 1 : end;
  }
  return rows;
}

// What a furniture paragraph says about the article's edges (see article_region.h), by its
// removal reason's value: a table rather than a switch, whose jump through a table mispredicted
// often (the reasons of a page's paragraphs follow one another with little pattern). kRelated's
// kind depends on more: see furniture_kind().
constexpr auto kKindOfReason = [] {
  std::array<FurnitureKind, 256> kinds{};
  kinds.fill(FurnitureKind::kEdge);
  for (RemovalReason reason : {RemovalReason::kCaption, RemovalReason::kAdvertisement, RemovalReason::kCredit})
    kinds[static_cast<unsigned char>(reason)] = FurnitureKind::kInline;
  for (RemovalReason reason : {RemovalReason::kNavigation, RemovalReason::kRepeated, RemovalReason::kBoilerplate})
    kinds[static_cast<unsigned char>(reason)] = FurnitureKind::kLink;
  kinds[static_cast<unsigned char>(RemovalReason::kSocial)] = FurnitureKind::kPrompt;
  kinds[static_cast<unsigned char>(RemovalReason::kComments)] = FurnitureKind::kCommentSection;
  return kinds;
}();

// (Inlined into the loop over a page's paragraphs.)
[[gnu::always_inline]] inline std::optional<FurnitureKind> furniture_kind(const PageAnalysis& page, std::size_t i) {
  const Verdict& verdict = page.verdicts[i];
  if (!verdict.reason) return verdict.mostly_repeated ? std::optional(FurnitureKind::kLink) : std::nullopt;
  if (*verdict.reason == RemovalReason::kRelated) {
    // "Also read: ..." sits inside an article; a "Related" heading and its list end it.
    if (verdict.in_related_list) return FurnitureKind::kLink;
    return is_related_header(page.shapes[i]) ? FurnitureKind::kEdge : FurnitureKind::kInline;
  }
  return kKindOfReason[static_cast<unsigned char>(*verdict.reason)];
}

// Marks as outside the article every paragraph beyond the page's main run of prose (see
// article_region.h) and returns that run. A page without prose keeps what the rules left: it is
// never emptied here.
std::optional<ArticleRegion> mark_outside_article(PageAnalysis& page, std::optional<std::size_t> anchor) {
  const auto& paragraphs = page.split.paragraphs;
  const std::size_t n = paragraphs.size();
  StackArena<4096> arena;  // a page's worth of flags, counts, classes and evidence without the heap
  std::pmr::vector<std::uint8_t> furniture(n, 0, arena.resource());
  for (std::size_t i = 0; i < n; ++i) furniture[i] = page.verdicts[i].reason.has_value();
  std::pmr::vector<std::uint32_t> stop_words(n, 0, arena.resource());
  page.language = profile_stop_words(page.shapes, furniture, stop_words);
  // A furniture paragraph's class is never read: the context pass skips it, its evidence is its
  // furniture kind's, and a table row has no verdict.
  std::pmr::vector<TextClass> classes(n, TextClass::kBad, arena.resource());
  for (std::size_t i = 0; i < n; ++i)
    if (!furniture[i]) classes[i] = classify_text(page.shapes[i], stop_words[i], page.language.has_value());
  // The context decides what a short or near-good paragraph is (it is kept inside the
  // article when good), but only prose weighs for the article: a list of one-line teasers or of
  // headline-like lines must not add up to one. A short line weighs as short, a near-good one
  // that its neighbours make good weighs nothing.
  std::pmr::vector<TextClass> resolved(classes, arena.resource());
  resolve_by_context(resolved, furniture);
  // A table (results, standings, dates, figures) is part of an article, not an edge of it: its
  // rows weigh nothing, so the article runs through it.
  const std::pmr::vector<std::uint8_t> in_table = table_rows(page, classes, arena.resource());
  std::pmr::vector<RegionEvidence> evidence(n, arena.resource());
  for (std::size_t i = 0; i < n; ++i) {
    const TextClass weighed = classes[i] == TextClass::kShort ? TextClass::kShort : resolved[i];
    evidence[i] = paragraph_evidence(weighed, furniture_kind(page, i), page.shapes[i].weighted_length);
    if (classes[i] == TextClass::kNearGood && resolved[i] == TextClass::kGood && !furniture[i]) evidence[i] = {};
    if (in_table[i]) evidence[i].weight = 0;
  }
  std::optional<ArticleRegion> region = find_article_region(evidence, anchor);
  if (!region) return region;
  const auto unclaimed = [&](std::size_t i) { return !page.verdicts[i].reason && !page.verdicts[i].is_title; };
  // A table right under the article's last sentence (after at most one heading line) is its.
  for (std::size_t next = region->last + 1; next < n && (in_table[next] || (next + 1 < n && in_table[next + 1] &&
                                                                            unclaimed(next) && next == region->last + 1));
       ++next) {
    if (!unclaimed(next)) break;
    region->last = next;
  }
  if (region->below_anchor) {
    // A wire dateline on a line of its own opens the paragraph under it.
    const std::size_t before = region->first - 1;
    if (region->first > 0 && unclaimed(before) && is_dateline_only(page.shapes[before], paragraphs[before].text))
      region->first = before;
  } else {
    // Without the headline to mark its top, the article runs from where the furniture above it
    // ends to where the furniture below it starts: a table or a dateline before its first
    // sentence, a table or a note after its last one, belong to it. Captions, ad markers and
    // credits sit inside articles, so they do not end one.
    const auto inside_furniture = [&](std::size_t i) {
      return page.verdicts[i].reason && furniture_kind(page, i) == FurnitureKind::kInline;
    };
    for (std::size_t i = region->first; i-- > 0 && (unclaimed(i) || inside_furniture(i));)
      if (unclaimed(i)) region->first = i;
    for (std::size_t i = region->last + 1; i < n && (unclaimed(i) || inside_furniture(i)); ++i)
      if (unclaimed(i)) region->last = i;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (i >= region->first && i <= region->last) continue;
    if (!page.verdicts[i].reason && !page.verdicts[i].is_title) page.verdicts[i].reason = RemovalReason::kOutsideArticle;
  }
  return region;
}

// The paragraphs no rule has removed and that are not the title.
std::pmr::vector<std::size_t> remaining_paragraphs(const PageAnalysis& page, std::pmr::memory_resource* memory) {
  std::pmr::vector<std::size_t> out(page.verdicts.size(), memory);
  std::size_t count = 0;
  for (std::size_t i = 0; i < page.verdicts.size(); ++i) {
    out[count] = i;
    count += !page.verdicts[i].reason && !page.verdicts[i].is_title;
  }
  out.resize(count);
  return out;
}

// Reports a span [begin, end) of a paragraph's joined text that was cut as repeated, one piece
// per line it covers, so that every piece is text of the line it names.
void report_cut(const SplitText& split, const Paragraph& paragraph, std::size_t begin, std::size_t end,
                std::vector<RemovedLine>& removed) {
  std::size_t line_start = 0;  // offset of the line in the joined text (lines joined by one space)
  for (std::uint32_t line = paragraph.first_line; line <= paragraph.last_line; ++line) {
    const std::size_t line_end = line_start + split.lines[line].size();
    const std::size_t from = std::max(begin, line_start);
    const std::size_t to = std::min(end, line_end);
    if (from < to) {
      // The piece as it stands in its line (the page's text), not in the joined paragraph.
      std::string_view piece = split.lines[line].substr(from - line_start, to - from);
      while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
      while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
      if (!piece.empty()) removed.push_back({line + 1, piece, RemovalReason::kRepeated});
    }
    line_start = line_end + 1;
  }
}

// Calls visit(runs of one paragraph) for each paragraph that `runs` (in page order) cut.
template <typename Visit>
void for_each_paragraph(std::span<const RepeatedRun> runs, Visit visit) {
  while (!runs.empty()) {
    std::size_t end = 1;
    while (end < runs.size() && runs[end].paragraph == runs.front().paragraph) ++end;
    visit(runs.first(end));
    runs = runs.subspan(end);
  }
}

std::size_t words_in(std::span<const RepeatedRun> runs) {
  std::size_t words = 0;
  for (const RepeatedRun& run : runs) words += run.end_word - run.first_word;
  return words;
}

// Marks paragraphs most of whose words repeat earlier text, for the region to weigh.
void note_mostly_repeated(PageAnalysis& page, std::span<const RepeatedRun> runs) {
  for_each_paragraph(runs, [&](std::span<const RepeatedRun> own) {
    page.verdicts[own.front().paragraph].mostly_repeated = 2 * words_in(own) >= page.shapes[own.front().paragraph].word_count();
  });
}

// --quality: C4's line rules on the body, then every document rule on what is left; a failing
// document loses all its lines, each reported with the first rule it failed.
QualityVerdict apply_quality_rules(PageAnalysis& page, std::span<const std::string_view> texts) {
  std::pmr::vector<std::size_t> body = remaining_paragraphs(page, std::pmr::get_default_resource());
  std::erase_if(body, [&](std::size_t i) {
    if (const auto rule = c4_line_rule(page.shapes[i], texts[i])) {
      page.verdicts[i].reason = *rule;
      return true;
    }
    return false;
  });
  std::vector<std::string_view> lines;
  std::vector<const LineShape*> shapes;
  for (std::size_t i : body) {
    lines.push_back(texts[i]);
    shapes.push_back(&page.shapes[i]);
  }
  QualityVerdict verdict = judge_document(lines, shapes, page.language);
  if (!verdict.passed())
    for (std::size_t i : body) page.verdicts[i].reason = verdict.failures.front().rule;
  return verdict;
}

// The shapes of a page's paragraphs, in shapes that the calling thread keeps from page to page:
// a paragraph reuses the buffers of one described before instead of allocating its own. What a
// page far larger than most needed (more than kKeptShapes paragraphs, or longer than
// kKeptLineBytes) is given back when the next page starts, so that a thread keeps a few
// megabytes at most. Each paragraph's furniture verdict goes to its Verdict's reason.
// A paragraph the furniture memo knows as furniture is described light (line_shape.h): no rule
// after the verdict reads a furniture paragraph's words, hashes or counts by first letter, only
// its `lower` (the title anchor, is_related_header), word count, sentence end, first letter and
// weighted length (related lists and the title look at its word count and sentence end, the
// article region at its weighted length, is_dateline_only at its first letter; menus skip
// paragraphs with a verdict).
std::span<const LineShape> describe_paragraphs(const std::vector<Paragraph>& paragraphs, std::span<Verdict> verdicts) {
  constexpr std::size_t kKeptShapes = 512;
  constexpr std::size_t kKeptLineBytes = 2048;
  thread_local std::vector<LineShape> shapes;
  thread_local bool oversized = false;
  if (oversized) {
    if (shapes.size() > kKeptShapes) {
      shapes.resize(kKeptShapes);
      shapes.shrink_to_fit();
    }
    for (LineShape& shape : shapes)
      if (shape.buffer_capacity() > kKeptLineBytes) shape.release_buffers();
    oversized = false;
  }
  if (shapes.size() < paragraphs.size()) shapes.resize(paragraphs.size());
  PageFurniture memo(paragraphs);
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (const std::optional<KnownFurniture> known = memo.known_furniture(i)) {
      describe_light(paragraphs[i].text, known->word_count, shapes[i]);
      verdicts[i].reason = known->reason;
    } else {
      describe(paragraphs[i].text, shapes[i]);
      verdicts[i].reason = memo.verdict(i, shapes[i]);
    }
    oversized |= paragraphs[i].text.size() > kKeptLineBytes;
  }
  oversized |= shapes.size() > kKeptShapes;
  return {shapes.data(), paragraphs.size()};
}

// split_paragraphs() into a SplitText the calling thread keeps from page to page, so that
// splitting allocates only for a page larger than those before. What a page far larger than most
// needed (more than kKeptLines lines, or kKeptJoinedBytes of text) is given back when the next
// page starts. Valid until the thread's next call.
const SplitText& split_into_thread_buffers(std::string_view text) {
  constexpr std::size_t kKeptLines = 4096;
  constexpr std::size_t kKeptJoinedBytes = std::size_t{1} << 20;
  thread_local SplitText split;
  if (split.lines.capacity() > kKeptLines || split.joined_size > kKeptJoinedBytes) split = SplitText{};
  split_paragraphs(text, split);
  return split;
}

}  // namespace

CleanedDocument Cleaner::clean(std::string normalized_text, const BoilerplateFilter* boilerplate) const {
  CleanedDocument out;
  out.page = std::make_shared<const std::string>(std::move(normalized_text));
  const SplitText& split = split_into_thread_buffers(*out.page);
  const auto& paragraphs = split.paragraphs;
  // The page's verdicts, candidate lists and kept texts without the heap (a page far larger than
  // most takes the rest from it).
  StackArena<4096> arena;
  std::pmr::vector<Verdict> verdicts(paragraphs.size(), arena.resource());
  const std::span<const LineShape> shapes = describe_paragraphs(paragraphs, verdicts);
  PageAnalysis page{split, shapes, std::move(verdicts), std::nullopt};
  mark_menus(page);
  mark_related_lists(page);
  const std::optional<std::size_t> anchor = find_title_anchor(page.shapes);
  mark_title(page, anchor);

  std::pmr::vector<std::size_t> remaining = remaining_paragraphs(page, arena.resource());
  const std::vector<RepeatedParagraph> copies = find_repeated_copies(page.shapes, remaining);
  for (const RepeatedParagraph& copy : copies) page.verdicts[copy.index].reason = RemovalReason::kRepeated;
  // The runs are looked for among the paragraphs left after the copies: the copies are all that
  // changed, and the short list is cheaper to filter than the page to scan again.
  std::erase_if(remaining, [&](std::size_t i) { return page.verdicts[i].reason.has_value(); });
  std::vector<RepeatedRun> runs = find_repeated_runs(page.shapes, remaining);
  note_mostly_repeated(page, runs);
  const std::optional<ArticleRegion> region = mark_outside_article(page, anchor);
  const auto inside = [&](std::size_t i) { return region && i >= region->first && i <= region->last; };
  // Text of the article printed earlier outside it (a teaser in the page's header): the copy in
  // the article is the one to keep.
  for (const RepeatedParagraph& copy : copies)
    if (inside(copy.index) && !inside(copy.first)) page.verdicts[copy.index].reason.reset();
  std::erase_if(runs, [&](const RepeatedRun& run) {
    return page.verdicts[run.paragraph].reason || (inside(run.paragraph) && !inside(run.source));
  });
  // A paragraph that is one repeated run goes whole; otherwise its runs are cut out of it.
  std::vector<RepeatedRun> cuts;
  for_each_paragraph(runs, [&](std::span<const RepeatedRun> own) {
    const std::size_t paragraph = own.front().paragraph;
    if (words_in(own) == page.shapes[paragraph].word_count()) {
      page.verdicts[paragraph].reason = RemovalReason::kRepeated;
    } else {
      cuts.insert(cuts.end(), own.begin(), own.end());
    }
  });
  if (boilerplate != nullptr) {
    for (std::size_t i : remaining_paragraphs(page, arena.resource()))
      if ((*boilerplate)(paragraphs[i].text)) page.verdicts[i].reason = RemovalReason::kBoilerplate;
  }

  // The text each paragraph keeps: its own, or without its repeated runs (trimmed holds those,
  // one per paragraph with cuts, in page order).
  std::vector<std::string> trimmed;
  trimmed.reserve(cuts.size());  // views into it must stay valid
  for_each_paragraph(cuts, [&](std::span<const RepeatedRun> own) {
    const std::string_view text = paragraphs[own.front().paragraph].text;
    std::string& kept = trimmed.emplace_back();
    std::size_t kept_from = 0;
    for (const RepeatedRun& cut : own) {
      kept.append(text.substr(kept_from, cut.begin - kept_from));
      kept_from = cut.end;
    }
    kept.append(text.substr(kept_from));
    while (!kept.empty() && kept.back() == ' ') kept.pop_back();
  });
  const bool keep_cut_text = options_.keep_boilerplate;

  if (options_.quality) {
    std::pmr::vector<std::string_view> texts(paragraphs.size(), arena.resource());
    for (std::size_t i = 0; i < paragraphs.size(); ++i) texts[i] = paragraphs[i].text;
    if (!keep_cut_text) {
      auto kept = trimmed.begin();
      for_each_paragraph(cuts, [&](std::span<const RepeatedRun> own) { texts[own.front().paragraph] = *kept++; });
    }
    out.quality = apply_quality_rules(page, texts);
  }
  out.removed.reserve(split.lines.size());  // about one entry per line removed or cut
  out.body.reserve(out.page->size());

  std::string pending_dateline;  // a dateline on its own line opens the next paragraph
  auto next_cut = cuts.begin();
  auto next_trimmed = trimmed.cbegin();
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& paragraph = paragraphs[i];
    const Verdict& verdict = page.verdicts[i];
    const auto first_cut = next_cut;
    while (next_cut != cuts.end() && next_cut->paragraph == i) ++next_cut;
    std::string_view text = paragraph.text;
    if (first_cut != next_cut) {  // the paragraph has cuts: its trimmed text is the next one
      if (!keep_cut_text) text = *next_trimmed;
      ++next_trimmed;
    }
    if (verdict.is_title) {
      out.title = paragraph.text;
      continue;
    }
    if (verdict.reason) {
      for (std::uint32_t line = paragraph.first_line; line <= paragraph.last_line; ++line)
        out.removed.push_back({line + 1, split.lines[line], *verdict.reason});
      if (!options_.keep_boilerplate) continue;
    } else {
      for (auto cut = first_cut; cut != next_cut; ++cut) report_cut(split, paragraph, cut->begin, cut->end, out.removed);
    }
    if (pending_dateline.empty() && is_dateline_only(page.shapes[i], text) && i + 1 < paragraphs.size()) {
      pending_dateline = text;
      continue;
    }
    if (!out.body.empty()) out.body += "\n\n";
    if (!pending_dateline.empty()) {
      out.body += pending_dateline;
      out.body += ' ';
      pending_dateline.clear();
    }
    out.body += text;
  }
  if (!pending_dateline.empty()) {
    if (!out.body.empty()) out.body += "\n\n";
    out.body += pending_dateline;
  }
  return out;
}

}  // namespace newsdedup
