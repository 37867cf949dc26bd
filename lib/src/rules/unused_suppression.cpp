// MR501 unused-suppression: an `mdrisk-disable…` comment that suppresses
// nothing. Why: stale suppressions hide the next real problem on that line;
// the fix deletes the comment (and its line when it stands alone).
#include "base/directive.hpp"
#include "rules/all.hpp"

namespace mdrisk::rules {

// Runs after every other rule (linter.cpp), since it needs their findings.
void check_unused_suppression(const Tracker&, RuleContext&) {}

void report_unused_suppressions(const std::vector<Directive>& directives, RuleContext& ctx) {
  const SourceFile& src = ctx.source;
  for (const Directive& d : directives) {
    if (d.used || d.kind == Directive::Kind::Enable) continue;
    ByteRange remove = d.whole_line ? ByteRange{src.line_start(d.line), src.line_end_with_eol(d.line)} : d.range;
    if (!d.whole_line) {  // take the spaces before an end-of-line comment too
      while (remove.begin > src.line_start(d.line) && (src.bytes()[remove.begin - 1] == ' ' || src.bytes()[remove.begin - 1] == '\t')) {
        --remove.begin;
      }
    }
    const std::string text = src.bytes().substr(d.range.begin, d.range.size());
    ctx.report(kUnusedSuppression, d.range, "suppression " + text + " suppresses nothing")
        .fix = make_fix(Applicability::Safe, "remove the unused suppression", {{remove, ""}});
  }
}

}  // namespace mdrisk::rules
