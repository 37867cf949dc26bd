#pragma once
// Helpers several rules share: quoting, value lookup, line positions.
#include <string>
#include <string_view>

#include "mdrisk/schema.hpp"
#include "mdrisk/tracker.hpp"
#include "model/canonical.hpp"

namespace mdrisk::rules {

inline std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// Calls fn(column spec, text, range) for every filled cell of a column that
// has allowed values, in every register table, and, in a register with no
// table, for every entry field that holds a column (MR105 and MR106 read
// the same values).
template <typename Fn>
void for_each_valued_cell(const Tracker& t, Fn&& fn) {
  const std::size_t rows = t.row_count();
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < t.schema->columns.size(); ++c) {
      const ColumnSpec& col = t.schema->columns[c];
      const Cell* cell = t.cell(r, c);
      if (!col.allowed.empty() && cell && !cell->text.empty()) fn(col, cell->text, cell->text_range);
    }
  }
  if (t.schema->has_table) return;
  for (const Entry& e : t.entries) {
    for (const ColumnField& f : e.column_fields) {
      const ColumnSpec& col = t.schema->columns[f.column];
      if (!col.allowed.empty() && !f.value.empty()) fn(col, f.value, f.value_range);
    }
  }
}

// True when row `r` needs an entry: entries are required, and the row
// matches one of the schema's conditions (or there are none).
bool row_needs_entry(const Tracker& t, std::size_t r);

// The value a cell or field holds, as the column reads it: its allowed
// value in canonical spelling (qualifiers and code spans aside), or the
// whole text normalised when the column has no allowed values or none is
// there. For comparing an entry field with its row.
std::string comparable_value(const ColumnSpec& column, std::string_view text);

// A line with the text of its code spans blanked (same length, so offsets
// stay true): `(risk 9)` or `[x](#y)` in backticks is an example, not text
// a rule should read.
std::string without_code_spans(std::string line);

// "line N" of a byte offset, for messages that name a second place.
std::string line_ref(const SourceFile& src, std::size_t offset);

// The risk name of a row: its name cell, or the text of the one link the
// cell holds; an empty string without one.
std::string row_name(const Tracker& t, std::size_t row);

}  // namespace mdrisk::rules
