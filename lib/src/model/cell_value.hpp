#pragma once
// The value grammar of a cell or field: where, inside what the author wrote,
// the controlled value is. Real registers write more than the bare value:
//   HIGH (write path only)      a value and a qualifier
//   `accepted` — see RFC-41     a value in a code span, then a remark
//   ~~HIGH~~ LOW                a struck-out old value, then the current one
//   LOW–MEDIUM                  a range between two allowed values
// Only the value part is checked and, when a fix respells it, replaced: the
// rest is kept byte for byte.
#include <cstddef>
#include <string_view>

namespace mdrisk {

struct ColumnSpec;

struct ValueSpan {
  std::size_t begin = 0, end = 0;  // offsets of the value inside the text
  std::size_t second_begin = 0, second_end = 0;  // a range's upper value (empty when none)
  bool code_span = false;  // the value sits inside backticks (its case is the author's)
  bool found = false;
  std::string_view value(std::string_view text) const { return text.substr(begin, end - begin); }
  std::string_view second(std::string_view text) const {
    return text.substr(second_begin, second_end - second_begin);
  }
};

// Locates the value in `text` (trimmed cell or field text) as the column
// allows: with neither qualifiers nor ranges the whole text is the value.
// With them, the value is the longest allowed value (or value alias) that
// starts the text at a word boundary, after an optional struck-out part and
// inside an optional code span. `found` is false when nothing allowed is
// there; then [begin, end) is the whole text (or the first word with
// qualifiers), for the message.
ValueSpan locate_value(const ColumnSpec& column, std::string_view text);

}  // namespace mdrisk
