#pragma once
// How the canonical form spells things: allowed values, section labels,
// pipes in cells. The table printer, the rules and the verifier all ask
// here, so they can never disagree about what "canonical" means.
#include <string>
#include <string_view>

#include "mdrisk/schema.hpp"

namespace mdrisk {

// The canonical spelling of `value` in a column with allowed values: an exact
// match, a case-insensitive match, or a configured alias. Empty when none.
struct ValueMatch {
  std::string_view canonical;  // points into the column's schema
  bool exact = false;
};
ValueMatch match_value(const ColumnSpec& column, std::string_view value);

// The label a section should carry.
const std::string& canonical_label(const Schema& s, std::size_t section);

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

}  // namespace mdrisk
