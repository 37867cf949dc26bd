// MR107 duplicate-risk: two table rows name the same risk (after
// normalisation). Why: entries are matched by name, so the second row can
// never have its own entry, and counts double.
#include <string_view>
#include <unordered_map>

#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_duplicate_risk(const Tracker& t, RuleContext& ctx) {
  if (!t.table) return;
  // Keyed by views of the tracker's own keys: no copy per row.
  std::unordered_map<std::string_view, std::size_t> first;
  first.reserve(t.row_keys.size());
  for (std::size_t r = 0; r < t.row_keys.size(); ++r) {
    if (t.row_keys[r].empty()) continue;
    auto [it, inserted] = first.emplace(t.row_keys[r], r);
    if (inserted) continue;
    const std::size_t shown = t.schema->link == LinkMode::Id ? t.schema->id_column : t.schema->name_column;
    const Cell* earlier = t.cell(it->second, shown);
    const Cell* here = t.cell(r, shown);
    if (!earlier || !here) continue;
    Diagnostic& d = ctx.report(kDuplicateRisk, here->text_range,
                               "risk " + quoted(here->text) + " is already listed on " +
                                   line_ref(ctx.source, earlier->range.begin));
    d.related.push_back({earlier->text_range, "first listed here"});
  }
}

}  // namespace mdrisk::rules
