// IdRegistry: makes document ids unique, in input order, without holding the ids in memory.
//
// claim() is called once per document, in input order. The first document to claim an id
// keeps it; a later one with the same id is renamed "<id>#2", "<id>#3", ... (the lowest such
// name not claimed yet, so a renamed id can never clash with another document's id either).
// Nothing is dropped, and the outcome depends only on the order of the claims.
//
// Memory: one 16-byte slot per id in an open-addressing table (the id's 64-bit XXH3 hash and
// a handle into SpilledStrings, where the id and the source that claimed it are kept on disk),
// at most 75% full. Two ids with equal hashes are told apart by comparing the spilled strings,
// so a hash collision between different ids never renames a document: the strings are read
// back only when hashes are equal, i.e. for a repeated id or, very rarely, a collision.
// Owns its table and store. Not thread-safe: used from the one serial point where documents
// are numbered.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/spilled_strings.h"

namespace newsdedup {

class IdRegistry {
 public:
  struct Renamed {
    std::string id;            // the new, unique id ("<id>#N")
    std::string first_source;  // where the id was first claimed ("FILE:LINE")
  };

  // Claims `id` for the document read at `source`. Returns nullopt when the id was free (the
  // document keeps it), else the new id it must use instead.
  std::optional<Renamed> claim(std::string_view id, std::string_view source);

  std::uint64_t size() const { return size_; }
  // Bytes of memory held per claimed id (for tests and sizing).
  double bytes_per_id() const;

  // The hash that places an id in the table. Replaceable in tests, to force collisions.
  using HashFunction = std::uint64_t (*)(std::string_view);
  explicit IdRegistry(HashFunction hash = default_hash) : hash_(hash) {}
  static std::uint64_t default_hash(std::string_view id);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t handle = 0;  // SpilledStrings handle of the id, plus one; 0: empty slot
  };
  // The slot holding `id`, or the empty slot where it would go.
  std::size_t find(std::string_view id, std::uint64_t hash) const;
  void insert_at(std::size_t slot, std::uint64_t hash, std::string_view id, std::string_view source);
  void grow();

  HashFunction hash_;
  std::vector<Slot> slots_;
  std::uint64_t size_ = 0;
  SpilledStrings strings_;  // per id: the id, then the source that claimed it
  // For ids claimed more than once: the next suffix to try, so that renaming the k-th copy
  // does not retry the k - 2 names already given out.
  std::unordered_map<std::uint64_t, std::uint64_t> next_suffix_;
  mutable std::string scratch_;
};

}  // namespace newsdedup
