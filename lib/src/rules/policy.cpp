// MR309 policy: configured policies over cell values, e.g. "a risk with
// Impact High needs a **Monitoring** section". Why: teams escalate what they
// require as a risk gets worse; the schema's requirement levels are the
// floor, policies raise it for the rows that need more.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_policy(const Tracker& t, RuleContext& ctx) {
  const Schema& schema = *t.schema;
  if (!t.table || schema.policies.empty()) return;
  for (const Entry& e : t.entries) {
    if (e.row == npos) continue;
    std::vector<bool> present(schema.sections.size(), false);
    for (const Section& s : e.sections) {
      if (s.section != npos) present[s.section] = true;
    }
    for (const Policy& p : schema.policies) {
      if (present[p.section]) continue;
      const Cell* cell = t.table->cell(t.table->rows[e.row], p.column);
      if (!cell) continue;
      const std::string value = canonical_cell_text(&schema.columns[p.column], cell->text);
      bool triggered = false;
      for (const auto& v : p.values) triggered = triggered || v == value;
      if (!triggered) continue;
      present[p.section] = true;  // one finding per missing section, even if several policies want it
      Diagnostic& d = ctx.report(kPolicy, e.heading.text_range,
                                 "entry " + quoted(e.heading.text) + " has " + schema.columns[p.column].header +
                                     " " + quoted(value) + ", so it needs a **" + schema.sections[p.section].label +
                                     "** section (policy " + quoted(p.name) + ")");
      d.related.push_back({cell->text_range, "the value that triggers the policy"});
    }
  }
}

}  // namespace mdrisk::rules
