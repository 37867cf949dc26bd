// MR310 field-mismatch: an entry field that repeats a table column
// (**Status:**, **Owner:**, **Likelihood:**) says the same as the row.
// Why: a status updated in the table but not in the entry (or the other
// way round) is the most common drift in a real register, and a reader of
// either place is misled. Both places are reported. The fix follows the
// configured source of truth (`field-source`); with none, it is unknown
// which side is right, so there is no fix.
#include <fmt/format.h>

#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_field_mismatch(const Tracker& t, RuleContext& ctx) {
  if (!t.table) return;
  const Schema& schema = *t.schema;
  for (const Entry& e : t.entries) {
    if (e.row == npos) continue;
    for (const ColumnField& f : e.column_fields) {
      const Cell* cell = t.cell(e.row, f.column);
      if (!cell || cell->text.empty() || f.value.empty()) continue;
      const ColumnSpec& col = schema.columns[f.column];
      if (comparable_value(col, f.value) == comparable_value(col, cell->text)) continue;
      Diagnostic& d = ctx.report(
          kFieldMismatch, f.value_range,
          fmt::format("entry {} says {} '{}', but its table row says '{}' (line {})", quoted(e.heading.text), col.header,
                      f.value, cell->text, ctx.source.line_of(cell->range.begin)));
      d.related.push_back({cell->text_range, "the table row"});
      if (schema.field_source == FieldSource::Table) {
        d.fix = make_fix(Applicability::Unsafe, fmt::format("write '{}' in the entry", unescape_pipes(cell->text)),
                         {{f.value_range, unescape_pipes(cell->text)}});
      } else if (schema.field_source == FieldSource::Entry) {
        d.fix = make_fix(Applicability::Unsafe, fmt::format("write '{}' in the table", f.value),
                         {{cell->text_range, escape_pipes(f.value)}});
      }
    }
  }
}

}  // namespace mdrisk::rules
