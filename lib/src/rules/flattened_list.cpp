// MR307 flattened-list: items that belong under a label bullet written as its
// siblings (indentation lost in a copy-paste). Why: the rendered entry shows
// actions as peers of "Mitigation", and tools cannot tell which section an
// item is in. The fix indents each item's lines under the label.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_flattened_list(const Tracker& t, RuleContext& ctx) {
  const SourceFile& src = ctx.source;
  for (const Entry& e : t.entries) {
    for (const Section& s : e.sections) {
      if (s.flattened.empty()) continue;
      const ListItem& label_item = e.items[s.item];
      const ListItem& first = e.items[s.flattened.front()];
      const std::size_t n = s.flattened.size();
      Diagnostic& d = ctx.report(kFlattenedList, first.range,
                                 std::to_string(n) + (n == 1 ? " item" : " items") + " after **" +
                                     std::string(label_item.label->text) + "** in entry " + quoted(e.heading.text) +
                                     (n == 1 ? " belongs" : " belong") + " under it but " +
                                     (n == 1 ? "is" : "are") + " not indented");
      // Indenting moves each item right to the label's text; an item already
      // at or past that column (ragged siblings) has no such move.
      // Padding is counted in spaces: an item whose indentation holds a tab
      // has no such move either (reported, not fixed; found by the fuzzer).
      bool indentable = true;
      for (std::size_t idx : s.flattened) {
        const ListItem& it = e.items[idx];
        const std::string_view indent = src.line_text(it.first_line).substr(0, it.marker_column);
        indentable = indentable && it.marker_column < label_item.content_column &&
                     indent.find('\t') == std::string_view::npos;
      }
      if (!indentable) continue;
      std::vector<Edit> edits;
      for (std::size_t idx : s.flattened) {
        const ListItem& it = e.items[idx];
        const std::string pad(label_item.content_column - it.marker_column, ' ');
        for (std::size_t line = it.first_line; line <= it.last_line; ++line) {
          if (src.line_is_blank(line)) continue;
          const std::size_t at = src.line_start(line);
          edits.push_back({{at, at}, pad});
        }
      }
      d.fix = make_fix(Applicability::Safe, "indent the items under **" + std::string(label_item.label->text) + "**",
                       std::move(edits));
    }
  }
}

}  // namespace mdrisk::rules
