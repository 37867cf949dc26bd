// MR402 blank-lines: one blank line separates the managed headings and the
// Summary Table from the blocks around them. Why: many renderers and editors
// need it (a table glued to a paragraph is not a table everywhere), and it
// is how every canonical tracker looks.
#include <set>

#include "all.hpp"

namespace mdrisk::rules {

const RuleInfo kBlankLines{"MR402", "blank-lines", "a managed heading or the table is not set off by a blank line",
                           Severity::Warning, true};

void check_blank_lines(const Tracker& t, RuleContext& ctx) {
  const auto& blocks = t.blocks;
  std::set<std::size_t> lines_needing_blank;  // a blank line goes before these lines
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].managed) continue;
    if (i > 0 && blocks[i].first_line == blocks[i - 1].last_line + 1) lines_needing_blank.insert(blocks[i].first_line);
    if (i + 1 < blocks.size() && blocks[i + 1].first_line == blocks[i].last_line + 1) {
      lines_needing_blank.insert(blocks[i + 1].first_line);
    }
  }
  for (std::size_t line : lines_needing_blank) {
    const std::size_t at = ctx.source.line_start(line);
    ctx.report(kBlankLines, {at, ctx.source.line_end(line)}, "missing blank line before this line")
        .fix = make_fix(Applicability::Safe, "insert a blank line", {{{at, at}, std::string(ctx.source.eol())}});
  }
}

}  // namespace mdrisk::rules
