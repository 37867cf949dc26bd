#pragma once
// Helpers several rules share: quoting, value lookup, line positions.
#include <string>
#include <string_view>

#include "mdrisk/schema.hpp"
#include "mdrisk/tracker.hpp"
#include "model/canonical.hpp"

namespace mdrisk::rules {

inline std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// Calls fn(column spec, cell) for every filled cell of a column that has
// allowed values (MR105 and MR106 read the same cells).
template <typename Fn>
void for_each_valued_cell(const Tracker& t, Fn&& fn) {
  if (!t.table) return;
  for (const Row& row : t.table->rows) {
    for (std::size_t c = 0; c < t.schema->columns.size(); ++c) {
      const ColumnSpec& col = t.schema->columns[c];
      const Cell* cell = t.table->cell(row, c);
      if (!col.allowed.empty() && cell && !cell->text.empty()) fn(col, *cell);
    }
  }
}

// "line N" of a byte offset, for messages that name a second place.
std::string line_ref(const SourceFile& src, std::size_t offset);

// The risk name cell of a row, or an empty string.
std::string row_name(const Tracker& t, std::size_t row);

// True when a configured policy requires `section` of entry `e` (MR309
// then reports it as an error, so MR302 stays quiet about it).
bool policy_requires(const Tracker& t, const Entry& e, std::size_t section);

}  // namespace mdrisk::rules
