// MR402 blank-lines: one blank line separates the managed headings and the
// Summary Table from the blocks around them. Why: many renderers and editors
// need it (a table glued to a paragraph is not a table everywhere), and it
// is how every canonical tracker looks.
#include <map>
#include <set>

#include "base/text.hpp"
#include "rules/all.hpp"

namespace mdrisk::rules {

namespace {

std::string describe(const Block& b, const SourceFile& src) {
  if (b.kind == Block::Kind::Table) return "the Summary Table";
  return "`" + std::string(text::trim(src.line_text(b.first_line))) + "`";
}

}  // namespace

void check_blank_lines(const Tracker& t, RuleContext& ctx) {
  const auto& blocks = t.blocks;
  const SourceFile& src = ctx.source;
  std::map<std::size_t, std::string> needs_blank;  // line a blank line goes before -> message
  // Entry headings follow `blank-line-after-heading`: some registers write
  // their fields right under the heading.
  const BlankAfterHeading after_entry = t.schema->blank_after_entry_heading;
  std::set<std::size_t> entry_lines;
  if (after_entry != BlankAfterHeading::Required) {
    for (const Entry& e : t.entries) entry_lines.insert(e.heading.last_line);
  }
  std::map<std::size_t, std::size_t> extra_blank;  // heading line -> first line after the blank run
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].managed) continue;
    const bool entry_heading = blocks[i].kind == Block::Kind::Heading && entry_lines.count(blocks[i].last_line) > 0;
    if (entry_heading && i + 1 < blocks.size() && blocks[i + 1].in_entry) {
      if (after_entry == BlankAfterHeading::None && blocks[i + 1].first_line > blocks[i].last_line + 1) {
        extra_blank[blocks[i].last_line] = blocks[i + 1].first_line;
      }
      if (i > 0 && blocks[i].first_line == blocks[i - 1].last_line + 1 && !blocks[i - 1].directive) {
        needs_blank[blocks[i].first_line] = "missing blank line before " + describe(blocks[i], src);
      }
      continue;
    }
    // A suppression comment belongs right above the block it is about.
    if (i > 0 && blocks[i].first_line == blocks[i - 1].last_line + 1 && !blocks[i - 1].directive) {
      needs_blank[blocks[i].first_line] = "missing blank line before " + describe(blocks[i], src);
    }
    if (i + 1 < blocks.size() && blocks[i + 1].first_line == blocks[i].last_line + 1) {
      needs_blank.emplace(blocks[i + 1].first_line, "missing blank line after " + describe(blocks[i], src));
    }
  }
  for (const auto& [heading, next] : extra_blank) {
    const std::size_t from = src.line_start(heading + 1), to = src.line_start(next);
    ctx.report(kBlankLines, {from, from},
               "blank line after `" + std::string(text::trim(src.line_text(heading))) +
                   "` (this register writes entries right under their headings)")
        .fix = make_fix(Applicability::Safe, "remove the blank line", {{{from, to}, ""}});
  }
  for (const auto& [line, message] : needs_blank) {
    const std::size_t at = src.line_start(line);
    ctx.report(kBlankLines, {at, src.line_end(line)}, message)
        .fix = make_fix(Applicability::Safe, "insert a blank line", {{{at, at}, std::string(src.eol())}});
  }
}

}  // namespace mdrisk::rules
