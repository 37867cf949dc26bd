#pragma once
// What the scoring rules (MR601–MR604) share: how a row is named in a
// message, how a formula reads with a row's numbers, and the edit that
// writes a computed value into a cell.
#include <cstdint>
#include <string>

#include "mdrisk/diagnostic.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk::rules {

// "risk 'RSK-04'": the row's ID when the register has an ID column, else its name.
std::string row_label(const Tracker& t, std::size_t row);

// "L × I = 3 × 4": the formula with the columns' headers, then the row's values.
std::string formula_with_values(const Tracker& t, std::size_t row);

// Writes `value` into `cell`: over its text, or, in an empty cell, between
// the pipes with one space each side (a directive comment stays in place).
// In an aligned table the cell keeps its width where the value fits.
Edit cell_edit(const Schema& schema, const Cell& cell, std::string value);

// The column row_label names rows by first (the ID column), or npos.
std::size_t label_column(const Schema& s);

}  // namespace mdrisk::rules
