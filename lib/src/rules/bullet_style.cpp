// MR404 bullet-style: entry lists (label bullets and the items of bare
// labels) use `-` bullets. Why: one marker style; and
// since a change of marker starts a new list in CommonMark, the fix rewrites
// every marker of a list at once so the list stays one list.
#include <fmt/format.h>

#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

namespace {

bool is_bullet(char m) { return m == '-' || m == '*' || m == '+'; }

// Clears `fixable` when rewriting would merge lists: sibling items whose
// bullet markers differ belong to different lists (a marker change ends a
// list), and once both use '-' they become one list, which renders differently.
void collect(const std::vector<ListItem>& items, std::vector<Edit>& edits, bool& fixable) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ListItem& it = items[i];
    if (i > 0 && is_bullet(it.marker) && is_bullet(items[i - 1].marker) && it.marker != items[i - 1].marker) {
      fixable = false;
    }
    if (it.marker == '*' || it.marker == '+') edits.push_back({{it.marker_offset, it.marker_offset + 1}, "-"});
    // A bare label's children are its section items; lists under a label
    // with text (`**Context**: ...`) are the author's prose, left as written.
    if (it.label && !it.has_inline_text) collect(it.children, edits, fixable);
  }
}

}  // namespace

void check_bullet_style(const Tracker& t, RuleContext& ctx) {
  for (const Entry& e : t.entries) {
    std::vector<Edit> edits;
    bool fixable = true;
    collect(e.items, edits, fixable);
    if (edits.empty()) continue;
    // Report first, then move the edits: in `a = b` C++17 evaluates b first.
    Diagnostic& d = ctx.report(kBulletStyle, edits.front().range,
                               fmt::format("entry '{}' uses '{}' bullets", e.heading.text,
                                           ctx.source.bytes()[edits.front().range.begin]));
    if (fixable) d.fix = make_fix(Applicability::Safe, "use '-' bullets", std::move(edits));
  }
}

}  // namespace mdrisk::rules
