#pragma once
// Moving detailed entries to follow their rows (MR204's machinery), shared
// with the rules that reorder the rows themselves (MR604): entries move
// with their rows, byte for byte, with the suppression comments above them.
#include <optional>
#include <string_view>
#include <vector>

#include "mdrisk/diagnostic.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk::rules {

// One edit that puts the entries in the order of their rows' ranks:
// `rank[r]` is register row r's place once rows are reordered (empty: the
// rows' own order). An entry with no row stays after its predecessor.
// nullopt when the order already holds, or two entries share a row (MR205
// must be settled first).
std::optional<Edit> entry_order_edit(const Tracker& t, std::string_view eol, const std::vector<std::size_t>& rank);

}  // namespace mdrisk::rules
