// MR407 list-indent: entry bullets start at column 0 and items under a label
// are indented to the label's text (2 spaces after `- `). Why: 4-space or
// ragged nesting renders the same but reads differently in every editor and
// makes diffs noisy. The fix shifts each item's lines left as a block, so
// continuation lines and nested content keep their relative indentation;
// it is not offered when a line of the item has too little indentation to
// shift (a lazy continuation line).
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

namespace {

std::size_t leading_spaces(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// Edits removing `delta` spaces from every non-blank line of `item`, or
// nothing when some line cannot lose them.
std::vector<Edit> dedent(const SourceFile& src, const ListItem& item, std::size_t delta) {
  std::vector<Edit> edits;
  for (std::size_t line = item.first_line; line <= item.last_line; ++line) {
    if (src.line_is_blank(line)) continue;
    if (leading_spaces(src.line_text(line)) < delta) return {};
    const std::size_t at = src.line_start(line);
    edits.push_back({{at, at + delta}, ""});
  }
  return edits;
}

void check(const Entry& e, const ListItem& item, std::size_t want, RuleContext& ctx) {
  if (item.marker_column <= want) return;
  const std::size_t delta = item.marker_column - want;
  Diagnostic& d = ctx.report(kListIndent, {item.marker_offset, item.marker_offset + 1},
                             "item in entry " + quoted(e.heading.text) + " is indented " +
                                 std::to_string(item.marker_column) + (item.marker_column == 1 ? " space" : " spaces") + "; expected " +
                                 std::to_string(want));
  std::vector<Edit> edits = dedent(ctx.source, item, delta);
  if (!edits.empty()) d.fix = make_fix(Applicability::Safe, "indent the item by " + std::to_string(want), std::move(edits));
}

}  // namespace

void check_list_indent(const Tracker& t, RuleContext& ctx) {
  for (const Entry& e : t.entries) {
    for (const ListItem& item : e.items) {
      check(e, item, 0, ctx);
      // Children sit under the parent's text; canonical is "- " + text, so 2
      // more than the parent's marker once the parent is itself canonical.
      if (item.marker_column != 0 || item.content_column != 2) continue;
      // Only a bare label's children are its section items; under a label
      // with text (`**Context**: ...`) nested blocks are the author's prose.
      if (!item.label || item.has_inline_text) continue;
      for (const ListItem& child : item.children) check(e, child, 2, ctx);
    }
  }
}

}  // namespace mdrisk::rules
