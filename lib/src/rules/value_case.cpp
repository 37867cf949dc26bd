// MR106 value-case: an allowed value written in another case or as an alias
// ("high", "Med"). Why: the value is understood, but filters and exact-match
// dashboards are not; the fix spells it canonically.
#include <fmt/format.h>

#include "rules/all.hpp"
#include "rules/helpers.hpp"
#include "model/cell_value.hpp"

namespace mdrisk::rules {

void check_value_case(const Tracker& t, RuleContext& ctx) {
  for_each_valued_cell(t, [&](const ColumnSpec& col, std::string_view text, ByteRange range) {
    if (col.any_case) return;  // the register writes its values in more than one case, on purpose
    const ValueMatch m = match_value(col, text);
    if (!m.canonical.empty()) {
      if (m.exact) return;
      // One formatted string per message: a messy table has a finding per cell.
      ctx.report(kValueCase, range, fmt::format("'{}' should be written '{}'", text, m.canonical))
          .fix = make_fix(Applicability::Safe, fmt::format("write '{}'", m.canonical),
                          {{range, std::string(m.canonical)}});
      return;
    }
    if (!col.qualifiers && !col.ranges) return;
    // A qualified value or a range: only the value words are respelled; the
    // qualifier is kept verbatim, and a code span is the author's literal.
    const ValueSpan v = locate_value(col, text);
    if (!v.found || v.code_span) return;
    std::vector<Edit> edits;
    std::string want;
    for (const auto& [b, e] : {std::pair{v.begin, v.end}, std::pair{v.second_begin, v.second_end}}) {
      if (e <= b) continue;
      const std::string_view written = text.substr(b, e - b);
      const ValueMatch part = match_value(col, written);
      if (part.canonical.empty() || part.exact) continue;
      edits.push_back({{range.begin + b, range.begin + e}, std::string(part.canonical)});
      want += (want.empty() ? "" : "', '") + std::string(part.canonical);
    }
    if (edits.empty()) return;
    const std::string_view shown = text.substr(v.begin, (v.second_end > v.second_begin ? v.second_end : v.end) - v.begin);
    ctx.report(kValueCase, {range.begin + v.begin, range.begin + v.end},
               fmt::format("'{}' should be written '{}'", shown, want))
        .fix = make_fix(Applicability::Safe, fmt::format("write '{}'", want), std::move(edits));
  });
}

}  // namespace mdrisk::rules
