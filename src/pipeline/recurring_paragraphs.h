// RecurringParagraphs: finds cross-corpus boilerplate, the paragraphs that recur in many
// different stories (site furniture no rule knows), as opposed to paragraphs that recur only
// among the copies of one story (a wire paragraph reprinted by 30 sites is the story's text).
//
// Pass one add()s the paragraphs of each document's cleaned body (their hashes, computed on the
// worker threads by counted_paragraph_hashes); once clusters are known, find() counts for
// every paragraph the distinct stories (cluster representatives) it appears in. Only
// paragraphs that stand alone are counted: at least kMinWords words, not ending in a comma and
// not continued by the next paragraph (starting in lower case or with a figure), since a
// fragment of a hard-wrapped sentence ("Moody's Investors Service Inc said it") recurs as
// wire phrasing. Paragraph keys go through an ExternalSorter, so memory stays bounded.
// Not thread-safe; is_boilerplate() may be called concurrently once find() has returned.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "pipeline/external_sorter.h"

namespace newsdedup {

// A paragraph of a document, by the hash of its text.
struct ParagraphKey {
  std::uint64_t hash = 0;
  std::uint32_t doc = 0;
  bool operator<(const ParagraphKey& other) const { return hash != other.hash ? hash < other.hash : doc < other.doc; }
};

class RecurringParagraphs {
 public:
  static constexpr std::size_t kMinWords = 5;

  RecurringParagraphs(std::filesystem::path folder, std::string name, std::uint64_t budget_bytes);

  // The hashes of the paragraphs of `body` that are counted (those that stand alone), in
  // order; `body`: paragraphs separated by blank lines, as the cleaner writes them.
  // Thread-safe.
  static std::vector<std::uint64_t> counted_paragraph_hashes(std::string_view body);
  // Adds document `doc`'s counted paragraphs (counted_paragraph_hashes of its body).
  void add(std::span<const std::uint64_t> paragraph_hashes, std::uint32_t doc);
  // Marks as boilerplate every paragraph found in at least `min_stories` different stories;
  // story_of(doc) names the story (cluster) of each document added; `documents` bounds doc.
  void find(const std::function<std::uint32_t(std::uint32_t doc)>& story_of, std::size_t min_stories,
            std::size_t documents);

  bool is_boilerplate(std::string_view paragraph) const;
  // Whether document `doc` holds a boilerplate paragraph (false before find()).
  bool affects(std::uint64_t doc) const { return doc < affected_.size() && affected_[doc]; }
  std::size_t paragraphs_found() const { return boilerplate_.size(); }
  std::uint64_t documents_affected() const { return documents_affected_; }
  const ExternalSorter<ParagraphKey>& keys() const { return keys_; }

 private:
  ExternalSorter<ParagraphKey> keys_;  // (paragraph hash, document)
  std::unordered_set<std::uint64_t> boilerplate_;
  std::vector<bool> affected_;
  std::uint64_t documents_affected_ = 0;
};

}  // namespace newsdedup
