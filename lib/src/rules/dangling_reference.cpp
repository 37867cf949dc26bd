// MR112 dangling-reference: text outside the register that names a risk by
// ID ("(risk 6)", "(risks 2, 4)") names one the register has. Why: action
// plans, meeting notes and entries point at risks by number; when a row is
// renumbered or removed, or an action is written for a risk that was never
// added, the pointer silently leads nowhere.
#include <regex>
#include <set>

#include "base/text.hpp"
#include "rules/all.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {

namespace {

// An ID as a reference writes it: `#3` and `3` are the same risk.
std::string id_key(std::string_view id) {
  id = text::trim(id);
  if (!id.empty() && id.front() == '#') id.remove_prefix(1);
  return text::casefold(id);
}

// The IDs the register has: the ID column of every register table, and
// the IDs of entry headings (a register with no table has only those).
std::set<std::string> register_ids(const Tracker& t) {
  std::set<std::string> ids;
  const Schema& s = *t.schema;
  const std::size_t column = s.link == LinkMode::Id ? s.id_column : s.column_index("id");
  if (column != npos) {
    for (std::size_t r = 0; r < t.row_count(); ++r) {
      if (const Cell* c = t.cell(r, column); c && !c->text.empty()) ids.insert(id_key(c->text));
    }
  }
  for (const Entry& e : t.entries) {
    if (!e.id.empty()) ids.insert(id_key(e.id));
  }
  return ids;
}

struct Token {
  std::size_t begin = 0, end = 0;  // within the group's text
};

// Splits "2, 4", "2 and 4", "R-1 & R-3" into ID tokens. An empty result
// means the group is not a list of IDs ("(risks are low)"): every token
// must be one word holding a digit.
std::vector<Token> id_tokens(std::string_view group) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < group.size()) {
    std::size_t j = group.find_first_of(",;&/", i);
    if (j == std::string_view::npos) j = group.size();
    // "2 and 4" inside one piece: split at the word.
    std::string_view piece = group.substr(i, j - i);
    std::size_t offset = i;
    for (;;) {
      const std::size_t lead = piece.find_first_not_of(" \t");
      if (lead == std::string_view::npos) break;
      piece.remove_prefix(lead);
      offset += lead;
      const std::size_t space = piece.find_first_of(" \t");
      const std::string_view word = piece.substr(0, space);
      if (text::casefold(word) != "and") {
        if (word.find_first_of("0123456789") == std::string_view::npos) return {};
        out.push_back({offset, offset + word.size()});
      }
      if (space == std::string_view::npos) break;
      piece.remove_prefix(space);
      offset += space;
    }
    i = j + 1;
  }
  return out;
}

}  // namespace

void check_dangling_reference(const Tracker& t, RuleContext& ctx) {
  if (t.schema->reference_pattern.empty()) return;
  const std::set<std::string> ids = register_ids(t);
  if (ids.empty()) return;  // a register without IDs cannot be referred to by one
  const std::regex pattern(t.schema->reference_pattern, std::regex::icase);
  // Generated views are checked against the register by MR801 instead.
  for (const Block& b : t.blocks) {
    if (b.managed || b.literal || b.directive || b.view || b.kind == Block::Kind::Table || b.first_line <= t.front_matter_lines) {
      continue;
    }
    for (std::size_t line = b.first_line; line <= b.last_line; ++line) {
      // Every ID a finding can name holds a digit (id_tokens): a line with
      // none is skipped before the regex, which would cost far more.
      const std::string_view raw = ctx.source.line_text(line);
      if (raw.find_first_of("0123456789") == std::string_view::npos) continue;
      const std::string text = without_code_spans(std::string(raw));
      for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        if (!m[1].matched) continue;
        const std::string group = m[1].str();
        const std::size_t group_at = ctx.source.line_start(line) + static_cast<std::size_t>(m.position(1));
        for (const Token& tok : id_tokens(group)) {
          const std::string_view id = std::string_view(group).substr(tok.begin, tok.end - tok.begin);
          if (ids.count(id_key(id))) continue;
          ctx.report(kDanglingReference, {group_at + tok.begin, group_at + tok.end},
                     "refers to risk " + quoted(id) + ", but the register has no risk with that ID");
        }
      }
    }
  }
}

}  // namespace mdrisk::rules
