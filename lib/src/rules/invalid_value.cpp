// MR105 invalid-value: Impact, Likelihood and Status hold one of the allowed
// values. Why: sorting, filtering and dashboards need a closed vocabulary.
#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "model/cell_value.hpp"

namespace mdrisk::rules {

void check_invalid_value(const Tracker& t, RuleContext& ctx) {
  for_each_valued_cell(t, [&](const ColumnSpec& col, std::string_view text, ByteRange range) {
    if (!match_value(col, text).canonical.empty()) return;
    // With qualifiers or ranges, the value is the part the grammar finds.
    if ((col.qualifiers || col.ranges) && locate_value(col, text).found) return;
    std::string allowed;
    for (const auto& a : col.allowed) allowed += (allowed.empty() ? "" : ", ") + a;
    ctx.report(kInvalidValue, range,
               quoted(text) + " is not a valid " + col.header + " (expected one of: " + allowed + ")");
  });
}

}  // namespace mdrisk::rules
