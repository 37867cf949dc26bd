// MR402 blank-lines: one blank line separates the managed headings and the
// Summary Table from the blocks around them. Why: many renderers and editors
// need it (a table glued to a paragraph is not a table everywhere), and it
// is how every canonical tracker looks.
#include <map>

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
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!blocks[i].managed) continue;
    // A suppression comment belongs right above the block it is about.
    if (i > 0 && blocks[i].first_line == blocks[i - 1].last_line + 1 && !blocks[i - 1].directive) {
      needs_blank[blocks[i].first_line] = "missing blank line before " + describe(blocks[i], src);
    }
    if (i + 1 < blocks.size() && blocks[i + 1].first_line == blocks[i].last_line + 1) {
      needs_blank.emplace(blocks[i + 1].first_line, "missing blank line after " + describe(blocks[i], src));
    }
  }
  for (const auto& [line, message] : needs_blank) {
    const std::size_t at = src.line_start(line);
    ctx.report(kBlankLines, {at, src.line_end(line)}, message)
        .fix = make_fix(Applicability::Safe, "insert a blank line", {{{at, at}, std::string(src.eol())}});
  }
}

}  // namespace mdrisk::rules
