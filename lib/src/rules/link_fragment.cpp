// MR113 link-fragment: a link to `#anchor` in the document names an anchor
// it has: a heading's (as GitHub makes them) or an HTML id. Why: an index
// table whose IDs link to their entries (`[SEC-001](#sec-001)`) is how a
// reader gets from the summary to the detail; a renamed heading or a typo
// breaks the link without a sound, and nothing else in a register's
// review would notice.
#include <map>
#include <regex>
#include <set>

#include "base/atx_heading.hpp"
#include "base/text.hpp"
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

namespace {

// Every anchor the rendered page has: one per heading (a repeated heading
// gets "-1", "-2", ... as GitHub numbers them) and every `id="..."` or
// `name="..."` in HTML.
std::set<std::string> anchors(const Tracker& t, const SourceFile& src) {
  std::set<std::string> out;
  std::map<std::string, int> seen;
  static const std::regex kHtmlId(R"(\b(?:id|name)\s*=\s*["']([^"']+)["'])", std::regex::icase);
  for (const Block& b : t.blocks) {
    if (b.first_line <= t.front_matter_lines) continue;
    if (b.kind == Block::Kind::Heading) {
      const std::string_view line = src.line_text(b.first_line);
      const auto atx = scan_atx_line(line);
      const std::string slug = text::heading_anchor(atx ? atx->text(line) : text::trim(line));
      const int n = seen[slug]++;
      out.insert(n == 0 ? slug : slug + "-" + std::to_string(n));
      continue;
    }
    // HTML blocks and inline HTML alike (`<a id="terms"></a>` on its own
    // line is a paragraph to CommonMark). An id inside a code block counts
    // too: at worst a broken link goes unreported, never a good one flagged.
    for (std::size_t l = b.first_line; l <= b.last_line; ++l) {
      const std::string text = without_code_spans(std::string(src.line_text(l)));
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kHtmlId); it != std::sregex_iterator(); ++it) {
        out.insert((*it)[1].str());
      }
    }
  }
  return out;
}

}  // namespace

void check_link_fragment(const Tracker& t, RuleContext& ctx) {
  // `](#x)` of an inline link, or `]: #x` of a link reference definition.
  static const std::regex kLink(R"((?:\]\(#([^)\s]*)[)\s])|(?:^\s{0,3}\[[^\]]+\]:\s*#(\S*)))");
  std::set<std::string> targets;
  bool read = false;
  // Every line but front matter, code and HTML blocks: a link reference
  // definition alone in its paragraph leaves no block behind, so lines
  // outside every block are read too.
  std::vector<bool> skip(ctx.source.line_count() + 2, false);
  for (std::size_t l = 1; l <= t.front_matter_lines && l < skip.size(); ++l) skip[l] = true;
  // A generated view's lines are checked against the register by MR801.
  for (const Block& b : t.blocks) {
    const bool unread = b.literal || b.view;
    for (std::size_t l = b.first_line; unread && l <= b.last_line && l < skip.size(); ++l) skip[l] = true;
  }
  {
    for (std::size_t line = 1; line <= ctx.source.line_count(); ++line) {
      if (skip[line]) continue;
      const std::string_view raw = ctx.source.line_text(line);
      if (raw.find("](#") == std::string_view::npos && raw.find("]:") == std::string_view::npos) continue;
      const std::string text = without_code_spans(std::string(raw));
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kLink); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        const int g = m[1].matched ? 1 : 2;
        const std::string fragment = m[g].str();
        if (fragment.empty() || fragment == "top") continue;  // the page itself
        if (!read) targets = anchors(t, ctx.source), read = true;
        if (targets.count(fragment)) continue;
        const std::size_t at = ctx.source.line_start(line) + static_cast<std::size_t>(m.position(g));
        std::string message = "the link to " + quoted("#" + fragment) + " names no heading of this document";
        const std::string folded = text::casefold(fragment);
        if (folded != fragment && targets.count(folded)) message += " (its anchor is " + quoted("#" + folded) + ")";
        ctx.report(kLinkFragment, {at, at + fragment.size()}, std::move(message));
      }
    }
  }
}

}  // namespace mdrisk::rules
