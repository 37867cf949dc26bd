// MR803 unclosed-view: every `<!-- mdrisk:view ... -->` has its
// `<!-- mdrisk:end -->` before the next view opens or the file ends, and
// every end marker closes a view. Why: mdrisk owns what lies between the
// markers; without an end it cannot tell where the author's text resumes,
// so it reports the view instead of rewriting the rest of the file.
#include "rules/all.hpp"

namespace mdrisk::rules {

void check_unclosed_view(const Tracker& t, RuleContext& ctx) {
  for (const ViewBlock& v : t.views) {
    if (!v.closed) {
      ctx.report(kUnclosedView, v.open,
                 "view '" + v.name + "' has no `<!-- mdrisk:end -->` before the next view or the end of the file");
    }
  }
  for (const StrayViewEnd& e : t.stray_view_ends) {
    ctx.report(kUnclosedView, e.range, "`<!-- mdrisk:end -->` closes no view");
  }
}

}  // namespace mdrisk::rules
