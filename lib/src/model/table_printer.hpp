#pragma once
// Prints a Summary Table in canonical form: columns in schema order (unknown
// columns after, in their order), cells trimmed and spelled canonically,
// padded to the widest cell by terminal display width (aligned style) or
// single-spaced (compact style), alignment colons kept.
#include <string>
#include <string_view>

#include "mdrisk/schema.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk {

// Order in which the table's header cells are printed.
std::vector<std::size_t> canonical_cell_order(const Table& table);
// `canonical_values`: also respell allowed values (off: layout only).
std::string print_table(const Table& table, const Schema& schema, std::string_view eol,
                        bool canonical_values = true);

}  // namespace mdrisk
