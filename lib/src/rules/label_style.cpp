// MR406 label-style: section labels are written `**Label**: text` when text
// follows on the same line and `**Label**` alone when items follow below:
// asterisks, not underscores, and the colon outside the bold. Why: one
// spelling keeps every entry looking the same and diffs quiet.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_label_style(const Tracker& t, RuleContext& ctx) {
  for (const Entry& e : t.entries) {
    for (const Section& s : e.sections) {
      if (s.item == npos) continue;  // bullet labels only: the others are the register's own syntax
      const ListItem& item = e.items[s.item];
      const Label& label = *item.label;
      const std::string_view have =
          std::string_view(ctx.source.bytes()).substr(label.range.begin, label.range.size());
      if (is_label_markup(*t.schema, label.text, item.has_inline_text, have)) continue;
      const std::string want = label_markup(*t.schema, label.text, item.has_inline_text);
      ctx.report(kLabelStyle, label.range, "label " + quoted(have) + " should be written " + quoted(want))
          .fix = make_fix(Applicability::Safe, "write " + quoted(want), {{label.range, want}});
    }
  }
}

}  // namespace mdrisk::rules
