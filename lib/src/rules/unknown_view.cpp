// MR802 unknown-view: a view marker names a view mdrisk can generate
// (matrix, counts, top N, summary-table) with arguments it takes. Why: a
// misspelt view would otherwise be left alone silently and go stale, which
// is what views exist to prevent.
#include "report/views.hpp"
#include "rules/all.hpp"

namespace mdrisk::rules {

void check_unknown_view(const Tracker& t, RuleContext& ctx) {
  for (const ViewBlock& v : t.views) {
    if (auto problem = report::view_problem(v)) ctx.report(kUnknownView, v.open, *problem);
  }
}

}  // namespace mdrisk::rules
