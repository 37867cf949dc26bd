// MR403 heading-style: managed headings are ATX (`## Summary Table`,
// `### Risk`) without closing hashes. Why: one heading style is what the
// matcher, grep and humans expect; setext cannot express `###` at all.
#include "rules/all.hpp"

namespace mdrisk::rules {

namespace {

void check(const Heading& h, RuleContext& ctx) {
  if (!h.setext && !h.closed_atx) return;
  const bool multiline = h.text.find_first_of("\r\n") != std::string::npos;
  // A diagnostic is one line: show a multi-line setext title on one.
  std::string shown;
  for (char c : h.text) {
    if (c != '\r' && c != '\n') shown += c;
    else if (!shown.empty() && shown.back() != ' ') shown += ' ';
  }
  Diagnostic& d = ctx.report(kHeadingStyle, h.range,
                             h.setext ? "heading '" + shown + "' uses setext underlining"
                                      : "heading '" + shown + "' has closing hashes");
  if (multiline) return;  // a multi-line setext heading has no one-line ATX form
  d.fix = make_fix(Applicability::Safe, "write it as an ATX heading",
                   {{h.range, std::string(static_cast<std::size_t>(h.level), '#') + " " + std::string(h.text)}});
}

}  // namespace

void check_heading_style(const Tracker& t, RuleContext& ctx) {
  if (t.title) check(*t.title, ctx);
  if (t.table_heading) check(*t.table_heading, ctx);
  if (t.entries_heading) check(*t.entries_heading, ctx);
  for (const Entry& e : t.entries) check(e.heading, ctx);
}

}  // namespace mdrisk::rules
