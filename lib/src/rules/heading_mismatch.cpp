// MR203 heading-mismatch: an entry heading that matches its row only after
// normalisation (case, spaces, emphasis). Why: the names should be one
// string so search, anchors and links agree; the table wins.
#include "all.hpp"
#include "helpers.hpp"

namespace mdrisk::rules {

const RuleInfo kHeadingMismatch{"MR203", "heading-mismatch",
                                "an entry heading is spelled differently from its table row", Severity::Warning,
                                true};

void check_heading_mismatch(const Tracker& t, RuleContext& ctx) {
  if (!t.table) return;
  for (const Entry& e : t.entries) {
    if (e.row == npos || e.heading.setext) continue;
    const Cell* cell = t.table->cell(t.table->rows[e.row], t.schema->name_column);
    if (!cell || cell->text == e.heading.text) continue;
    Diagnostic& d = ctx.report(kHeadingMismatch, e.heading.text_range,
                               "entry heading " + quoted(e.heading.text) + " differs from table row " +
                                   quoted(cell->text) + " (" + line_ref(ctx.source, cell->range.begin) + ")");
    d.related.push_back({cell->text_range, "the table row"});
    d.fix = make_fix(Applicability::Safe, "rename the heading to " + quoted(cell->text),
                     {{e.heading.text_range, cell->text}});
  }
}

}  // namespace mdrisk::rules
