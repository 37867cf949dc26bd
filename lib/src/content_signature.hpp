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

ContentSignature content_signature(const Tracker& tracker);

// The first difference between two signatures, or empty when equal.
// `allow_new_entries` accepts entries present only in `after` (unsafe stubs).
std::string first_difference(const ContentSignature& before, const ContentSignature& after, bool allow_new_entries);

}  // namespace mdrisk
