#include "rules/sections.hpp"

#include "rules/helpers.hpp"
#include "rules/risk_fields.hpp"

namespace mdrisk::rules {

void report_missing_sections(const Tracker& t, RuleContext& ctx, const RuleInfo& rule, Requirement level) {
  const Schema& schema = *t.schema;
  for (const Entry& e : t.entries) {
    std::vector<bool> present(schema.sections.size(), false);
    for (const Section& s : e.sections) {
      if (s.section != npos) present[s.section] = true;
    }
    for (std::size_t i = 0; i < schema.sections.size(); ++i) {
      if (present[i] || schema.sections[i].requirement != level) continue;
      if (level != Requirement::Required && policy_requires(t, e, i)) continue;  // MR309 reports it
      ctx.report(rule, e.heading.text_range,
                 "entry " + quoted(e.heading.text) + " has no **" + schema.sections[i].label + "** section");
    }
    // With no table, an entry carries the register's columns as fields.
    if (schema.has_table || level != Requirement::Required) continue;
    std::vector<bool> has(schema.columns.size(), false);
    for (const ColumnField& f : e.column_fields) has[f.column] = true;
    // `## R-01: Title` carries the ID column itself.
    if (!e.id.empty()) {
      for (std::size_t c : {schema.id_column, schema.ids.column}) {
        if (c != npos) has[c] = true;
      }
    }
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
      if (has[c] || !schema.columns[c].required || c == schema.name_column) continue;
      ctx.report(rule, e.heading.text_range,
                 "entry " + quoted(e.heading.text) + " has no **" + schema.columns[c].header + "** field");
    }
  }
}

}  // namespace mdrisk::rules
