#pragma once
// What --fix must never change, in a comparable form: the rendered HTML of
// every block outside the managed structure, the rendered text of every
// entry item grouped by entry and section, and every table cell. Two
// trackers with equal signatures say the same thing, whatever their layout.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/tracker.hpp"
#include "model/tracker_builder.hpp"

namespace mdrisk {

struct ContentSignature {
  // Every fragment's bytes, back to back: one buffer rather than a string
  // per fragment (a 10k-risk tracker has ~200k of them).
  std::string bytes;
  struct Span {
    std::size_t begin = 0, size = 0;
  };
  struct Entry {
    std::string key;             // normalised entry name
    std::size_t occurrence = 1;  // 2 for the second entry with the same key...
    std::size_t first = 0, count = 0;  // its spans in `fragments`
  };
  std::vector<Span> outside;    // unmanaged blocks, in order
  std::vector<Entry> entries;   // sorted by (key, occurrence)
  std::vector<Span> fragments;  // "role\x1ftext", grouped by role within an entry
  std::vector<Span> cells;      // "row|column|text", sorted within each row

  std::string_view view(Span s) const { return std::string_view(bytes).substr(s.begin, s.size); }
};

// From a finished model and the tree it was built from (BuildOptions::tree).
ContentSignature content_signature(const Tracker& tracker, const TrackerTree& tree);
inline ContentSignature content_signature(const TrackerWithTree& t) { return content_signature(t.tracker, t.tree); }

// Builds the same signature piece by piece: parse_tracker signs each block
// and entry as soon as the part of the document holding it is parsed, while
// its nodes are still in cache (a cold 10k-risk tree costs ~3 times as much
// to walk), and before the part's tree is dropped. block() and entry() must
// run in the tree's ArenaScope (cmark's getters allocate); finish() needs
// no tree.
class SignatureBuilder final : public BuildObserver {
 public:
  explicit SignatureBuilder(std::size_t source_bytes);
  // A top-level block, in document order (only those outside the managed
  // structure are signed).
  void block(const Tracker& t, const Block& b, cmark_node* node) override;
  // `e` must be complete (no more blocks will join it); `t` its tracker,
  // for the schema.
  void entry(const Tracker& t, const Entry& e, const EntryNodes& nodes) override;
  void restart() override { *this = SignatureBuilder(source_bytes_); }
  // The table's cells, then the entries sorted; `t` complete. Touches no
  // cmark node.
  ContentSignature finish(const Tracker& t);

 private:
  std::size_t source_bytes_;
  ContentSignature sig_;
  std::vector<std::string_view> roles_;  // of the current entry
  std::vector<std::pair<std::size_t, ContentSignature::Span>> pending_;  // (role, fragment)
};

// The first difference between two signatures, or empty when equal.
// `allow_new_entries` accepts entries present only in `after` (unsafe stubs).
std::string first_difference(const ContentSignature& before, const ContentSignature& after, bool allow_new_entries);

}  // namespace mdrisk
