#pragma once
// Helpers several rules share: quoting, value lookup, line positions.
#include <string>
#include <string_view>

#include "mdrisk/schema.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk::rules {

inline std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// The canonical spelling of `value` in a column with allowed values: an exact
// match, a case-insensitive match, or a configured alias. Empty when none.
struct ValueMatch {
  std::string_view canonical;  // points into the column's schema
  bool exact = false;
};
ValueMatch match_value(const ColumnSpec& column, std::string_view value);

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

// The label a section should carry.
const std::string& canonical_label(const Schema& s, std::size_t section);

// True when a configured policy requires `section` of entry `e` (MR309
// then reports it as an error, so MR302 stays quiet about it).
bool policy_requires(const Tracker& t, const Entry& e, std::size_t section);

// "a \| b" <-> "a | b": table cells must escape pipes, headings need not.
std::string unescape_pipes(std::string_view s);
std::string escape_pipes(std::string_view s);

// A section label as canonically written: `**Label**:` / `**Label**`, or
// `**Label:**` (always) when the schema puts the colon inside.
// True when `written` is exactly label_markup(s, label, text_follows).
bool is_label_markup(const Schema& s, std::string_view label, bool text_follows, std::string_view written);
std::string label_markup(const Schema& s, std::string_view label, bool text_follows);

// Replaces cell values with their canonical spelling; the table printer uses it.
std::string canonical_cell_text(const ColumnSpec* column, std::string_view text);

}  // namespace mdrisk::rules
