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

// The column after `prefix`, a tab advancing to the next multiple of 4.
std::size_t expanded(std::string_view prefix) {
  std::size_t column = 0;
  for (const char c : prefix) column = c == '\t' ? (column / 4 + 1) * 4 : column + 1;
  return column;
}

// An item indented with a tab: its marker's column as CommonMark counts it
// (tabs to multiples of 4) says where it belongs, but editors show a tab at
// 2, 4 or 8. The fix writes each line's indentation as spaces, the item
// shifted to `want` as a block.
bool check_tab(const Entry& e, const ListItem& item, std::size_t want, RuleContext& ctx) {
  const SourceFile& src = ctx.source;
  const std::string_view indent = src.line_text(item.first_line).substr(0, item.marker_column);
  if (indent.find('\t') == std::string_view::npos) return false;
  const std::size_t at = expanded(indent);
  Diagnostic& d = ctx.report(kListIndent, {item.marker_offset, item.marker_offset + 1},
                             "item in entry " + quoted(e.heading.text) + " is indented with a tab; expected " +
                                 std::to_string(want) + (want == 1 ? " space" : " spaces"));
  if (at < want) return true;
  const std::size_t shift = at - want;
  std::vector<Edit> edits;
  for (std::size_t line = item.first_line; line <= item.last_line; ++line) {
    if (src.line_is_blank(line)) continue;
    const std::string_view text = src.line_text(line);
    std::size_t n = 0;
    while (n < text.size() && (text[n] == ' ' || text[n] == '\t')) ++n;
    const std::size_t width = expanded(text.substr(0, n));
    if (width < shift) return true;  // a lazy continuation line: reported, not fixed
    const std::size_t begin = src.line_start(line);
    edits.push_back({{begin, begin + n}, std::string(width - shift, ' ')});
  }
  d.fix = make_fix(Applicability::Safe, "indent the item with spaces", std::move(edits));
  return true;
}

void check(const Entry& e, const ListItem& item, std::size_t want, RuleContext& ctx) {
  if (check_tab(e, item, want, ctx)) return;
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
