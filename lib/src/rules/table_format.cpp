// MR401 table-format: the Summary Table is in canonical form: columns in
// schema order, cells trimmed and padded to the widest cell by display
// width, one space around pipes, canonical value spelling. Why: an aligned
// table reads as a table in plain text and in diffs. Not offered while a
// row has more cells than the header (MR103): re-printing would drop them.
#include "model/table_printer.hpp"
#include "rules/all.hpp"

namespace mdrisk::rules {

namespace {

void check_table(const Table& table, const Tracker& t, RuleContext& ctx) {
  if (table.header.cells.size() != table.delimiter.cells.size()) return;
  for (const Row& row : table.rows) {
    if (row.cells.size() > table.header.cells.size()) return;
  }
  std::string canonical = print_table(table, *t.schema, ctx.source.eol());
  const std::string_view current = std::string_view(ctx.source.bytes()).substr(table.range.begin, table.range.size());
  // Only the layout is this rule's business; value spelling alone is MR106.
  // The fix still respells values, so one pass leaves nothing for MR106.
  if (canonical == current || print_table(table, *t.schema, ctx.source.eol(), false) == current) return;
  const std::vector<std::size_t> order = canonical_cell_order(table);
  bool in_order = true;
  for (std::size_t k = 0; k < order.size(); ++k) in_order = in_order && order[k] == k;
  const std::string why = in_order ? "Summary Table is not aligned in canonical form"
                                   : "Summary Table columns are not in canonical order";
  ctx.report(kTableFormat, table.header.range, why).fix =
      make_fix(Applicability::Safe, "re-print the table in canonical form", {{table.range, std::move(canonical)}});
}

}  // namespace

void check_table_format(const Tracker& t, RuleContext& ctx) {
  // `table-style = "as-written"`: the layout is the author's.
  if (t.schema->table_style == TableStyle::AsWritten) return;
  for (const Table* table : t.tables()) check_table(*table, t, ctx);
}

}  // namespace mdrisk::rules
