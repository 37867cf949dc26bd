// MR105 invalid-value: Impact, Likelihood and Status hold one of the allowed
// values. Why: sorting, filtering and dashboards need a closed vocabulary.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_invalid_value(const Tracker& t, RuleContext& ctx) {
  for_each_valued_cell(t, [&](const ColumnSpec& col, const Cell& cell) {
    if (!match_value(col, cell.text).canonical.empty()) return;
    std::string allowed;
    for (const auto& a : col.allowed) allowed += (allowed.empty() ? "" : ", ") + a;
    ctx.report(kInvalidValue, cell.text_range,
               quoted(cell.text) + " is not a valid " + col.header + " (expected one of: " + allowed + ")");
  });
}

}  // namespace mdrisk::rules
