// MR106 value-case: an allowed value written in another case or as an alias
// ("high", "Med"). Why: the value is understood, but filters and exact-match
// dashboards are not; the fix spells it canonically.
#include <fmt/format.h>

#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_value_case(const Tracker& t, RuleContext& ctx) {
  for_each_valued_cell(t, [&](const ColumnSpec& col, const Cell& cell) {
    const ValueMatch m = match_value(col, cell.text);
    if (m.canonical.empty() || m.exact) return;
    // One formatted string per message: a messy table has a finding per cell.
    ctx.report(kValueCase, cell.text_range, fmt::format("'{}' should be written '{}'", cell.text, m.canonical))
        .fix = make_fix(Applicability::Safe, fmt::format("write '{}'", m.canonical),
                        {{cell.text_range, std::string(m.canonical)}});
  });
}

}  // namespace mdrisk::rules
