#pragma once
// What --fix must never change, in a comparable form: the rendered HTML of
// every block outside the managed structure, the rendered text of every
// entry item grouped by entry and section, and every table cell. Two
// trackers with equal signatures say the same thing, whatever their layout.
#include <map>
#include <string>
#include <vector>

#include "mdrisk/tracker.hpp"

namespace mdrisk {

struct ContentSignature {
  std::vector<std::string> outside;                        // unmanaged blocks, in order
  std::map<std::string, std::vector<std::string>> entries;  // entry key -> fragments
  std::vector<std::string> cells;                           // "row|column|text"
};

// Note: rendering unlinks label nodes from the tracker's cmark tree; call it
// only when the tracker is no longer needed for anything else.
ContentSignature content_signature(const Tracker& tracker);

// The first difference between two signatures, or empty when equal.
// `allow_new_entries` accepts entries present only in `after` (unsafe stubs).
std::string first_difference(const ContentSignature& before, const ContentSignature& after, bool allow_new_entries);

}  // namespace mdrisk
