// MR111 stated-total: a count of risks the text states ("Total: 6 risks",
// "6 risks in total") matches the register. Why: a stated total is what a
// reader trusts at a glance, and it goes stale as soon as a row is added or
// removed without the sentence being updated.
#include <regex>

#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

void check_stated_total(const Tracker& t, RuleContext& ctx) {
  const std::size_t have = t.table ? t.row_count() : t.entries.size();
  if (have == 0) return;
  static const std::regex kTotal(R"((?:\btotal\b\s*:?\s*(\d+)\s+risks?\b)|(?:\b(\d+)\s+risks?\s+in\s+total\b))",
                                 std::regex::icase);
  const std::size_t before = t.table ? t.table->first_line : (t.entries.empty() ? 0 : t.entries.front().heading.first_line);
  for (const Block& b : t.blocks) {
    if (b.kind != Block::Kind::Other || b.managed || b.in_entry || b.view || b.first_line <= t.front_matter_lines) continue;
    if (b.first_line >= before) break;  // prose about the register comes before it
    for (std::size_t line = b.first_line; line <= b.last_line; ++line) {
      const std::string text(ctx.source.line_text(line));
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kTotal); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        const std::string number = m[1].matched ? m[1].str() : m[2].str();
        if (number.size() > 6 || std::stoul(number) == have) continue;
        const std::size_t at = ctx.source.line_start(line) + static_cast<std::size_t>(m.position(0));
        ctx.report(kStatedTotal, {at, at + static_cast<std::size_t>(m.length(0))},
                   "the text states " + number + " risks, but the register has " + std::to_string(have));
      }
    }
  }
}

}  // namespace mdrisk::rules
