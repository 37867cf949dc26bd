// MR110 unreadable-table: a table whose header names most of the register's
// required columns but not the one its rows are keyed by (the ID with
// `link = "id"`, else the risk name). Why: such a table is almost always a
// part of the register (a second category, an archive) that mdrisk cannot
// read; checking the rest in silence would validate the register in part.
// A legend (`| Score | Level |`) names too few columns to be reported.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_unreadable_table(const Tracker& t, RuleContext& ctx) {
  const Schema& schema = *t.schema;
  const std::size_t key = schema.link == LinkMode::Id ? schema.id_column : schema.name_column;
  if (key >= schema.columns.size()) return;
  for (const ByteRange& header : t.unreadable_tables) {
    ctx.report(kUnreadableTable, header,
               "this table has most of the register's columns but no " + quoted(schema.columns[key].header) +
                   " column, so its rows are not checked");
  }
}

}  // namespace mdrisk::rules
