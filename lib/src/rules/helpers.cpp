#include "rules/helpers.hpp"

#include "base/text.hpp"
#include "model/cell_value.hpp"

namespace mdrisk::rules {

std::string without_code_spans(std::string line) {
  std::size_t i = 0;
  while ((i = line.find('`', i)) != std::string::npos) {
    const std::size_t run = line.find_first_not_of('`', i) == std::string::npos ? line.size() - i
                                                                              : line.find_first_not_of('`', i) - i;
    const std::string fence(run, '`');
    std::size_t close = line.find(fence, i + run);
    // A closing run must be exactly as long as the opening one.
    while (close != std::string::npos && close + run < line.size() && line[close + run] == '`') {
      close = line.find(fence, line.find_first_not_of('`', close));
    }
    if (close == std::string::npos) return line;
    for (std::size_t k = i + run; k < close; ++k) line[k] = ' ';
    i = close + run;
  }
  return line;
}

std::string line_ref(const SourceFile& src, std::size_t offset) {
  return "line " + std::to_string(src.line_of(offset));
}

std::string row_name(const Tracker& t, std::size_t row) {
  if (!t.table) return {};
  const Cell* c = t.cell(row, t.schema->name_column);
  return c ? std::string(text::link_text(c->text)) : std::string();
}

std::string comparable_value(const ColumnSpec& column, std::string_view text) {
  text = text::trim(text);
  if (!column.allowed.empty()) {
    ColumnSpec lenient = column;  // a field's value may carry a remark ("HIGH. Launch slips")
    lenient.qualifiers = true;
    const ValueSpan v = locate_value(lenient, text);
    if (v.found) {
      const ValueMatch m = match_value(column, v.value(text));
      std::string out(m.canonical.empty() ? v.value(text) : m.canonical);
      if (v.second_end > v.second_begin) out += "\x1f" + std::string(v.second(text));
      return text::casefold(out);
    }
  }
  while (!text.empty() && text.back() == '.') text.remove_suffix(1);
  return text::normalize_name(text);
}

bool row_needs_entry(const Tracker& t, std::size_t r) {
  const Schema& s = *t.schema;
  if (!s.entries_required) return false;
  if (s.entry_conditions.empty()) return true;
  for (const EntryCondition& c : s.entry_conditions) {
    const Cell* cell = t.cell(r, c.column);
    if (!cell) continue;
    const std::string value = comparable_value(s.columns[c.column], cell->text);
    for (const auto& v : c.values) {
      if (comparable_value(s.columns[c.column], v) == value) return true;
    }
  }
  return false;
}

}  // namespace mdrisk::rules
