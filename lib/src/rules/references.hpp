#pragma once
// References to risks by ID in text outside the register: "(risk 6)",
// "(risks 2, 4)" as `[tracker] reference-pattern` reads them. MR112 checks
// that each names a risk the register has; a policy's `require-reference`
// checks that a risk is named by one (an action plan item, a note).
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace mdrisk::rules {

// An ID as a reference writes it, for comparing: `#3` and `3` are the same
// risk, and case does not count.
std::string reference_key(std::string_view id);

// The IDs the register has, as reference keys: the ID column of every
// register table, and the IDs of entry headings.
std::set<std::string> register_ids(const Tracker& t);

struct Reference {
  std::string id;   // as written
  ByteRange range;  // where
};

// Every reference outside the register table, entry headings, code, HTML
// and generated views, in document order. Empty when the pattern is "".
std::vector<Reference> read_references(const Tracker& t);

}  // namespace mdrisk::rules
