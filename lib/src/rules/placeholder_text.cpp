// MR308 placeholder-text: a section still says TODO / TBD / FIXME / XXX.
// Why: a stub entry (from MR201's fix) must not pass CI until someone has
// written the context.
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

namespace {

bool is_placeholder(std::string_view text, const std::vector<std::string>& words) {
  for (const auto& w : words) {
    if (text.compare(0, w.size(), w) != 0) continue;
    if (text.size() == w.size()) return true;
    const unsigned char next = static_cast<unsigned char>(text[w.size()]);
    if (!std::isalnum(next)) return true;
  }
  return false;
}

void check_item(const Entry& e, const ListItem& it, const Tracker& t, RuleContext& ctx) {
  if (is_placeholder(it.text, t.schema->placeholders)) {
    ctx.report(kPlaceholderText, it.text_range,
               "entry " + quoted(e.heading.text) + " still has placeholder text " + quoted(it.text));
  }
}

}  // namespace

void check_placeholder_text(const Tracker& t, RuleContext& ctx) {
  for (const Entry& e : t.entries) {
    for (const ListItem& it : e.items) {
      check_item(e, it, t, ctx);
      for (const ListItem& child : it.children) check_item(e, child, t, ctx);
    }
    // Fields written as paragraphs, sub-headings or key/value rows.
    for (const Section& s : e.sections) {
      if (s.item != npos || !is_placeholder(s.text, t.schema->placeholders)) continue;
      ctx.report(kPlaceholderText, s.text_range,
                 "entry " + quoted(e.heading.text) + " still has placeholder text " + quoted(s.text));
    }
  }
}

}  // namespace mdrisk::rules
