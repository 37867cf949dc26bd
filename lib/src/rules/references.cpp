#include "rules/references.hpp"

#include <optional>
#include <regex>

#include "base/text.hpp"
#include "rules/helpers.hpp"

namespace mdrisk::rules {
namespace {

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

std::string reference_key(std::string_view id) {
  id = text::trim(id);
  if (!id.empty() && id.front() == '#') id.remove_prefix(1);
  return text::casefold(id);
}

std::set<std::string> register_ids(const Tracker& t) {
  std::set<std::string> ids;
  const Schema& s = *t.schema;
  const std::size_t column = s.link == LinkMode::Id ? s.id_column : s.column_index("id");
  if (column != npos) {
    for (std::size_t r = 0; r < t.row_count(); ++r) {
      if (const Cell* c = t.cell(r, column); c && !c->text.empty()) ids.insert(reference_key(c->text));
    }
  }
  for (const Entry& e : t.entries) {
    if (!e.id.empty()) ids.insert(reference_key(e.id));
  }
  return ids;
}

std::vector<Reference> read_references(const Tracker& t) {
  std::vector<Reference> out;
  if (t.schema->reference_pattern.empty()) return out;
  const SourceFile& src = *t.source;
  std::optional<std::regex> pattern;  // compiled on the first line that could hold a reference
  // Generated views are checked against the register by MR801 instead.
  for (const Block& b : t.blocks) {
    if (b.managed || b.literal || b.directive || b.view || b.kind == Block::Kind::Table || b.first_line <= t.front_matter_lines) {
      continue;
    }
    for (std::size_t line = b.first_line; line <= b.last_line; ++line) {
      // Every ID a reference names holds a digit (id_tokens): a line with
      // none is skipped before the regex, which would cost far more.
      const std::string_view raw = src.line_text(line);
      if (raw.find_first_of("0123456789") == std::string_view::npos) continue;
      if (!pattern) pattern.emplace(t.schema->reference_pattern, std::regex::icase);
      const std::string text = without_code_spans(std::string(raw));
      for (auto it = std::sregex_iterator(text.begin(), text.end(), *pattern); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        if (!m[1].matched) continue;
        const std::string group = m[1].str();
        const std::size_t group_at = src.line_start(line) + static_cast<std::size_t>(m.position(1));
        for (const Token& tok : id_tokens(group)) {
          out.push_back({group.substr(tok.begin, tok.end - tok.begin), {group_at + tok.begin, group_at + tok.end}});
        }
      }
    }
  }
  return out;
}

}  // namespace mdrisk::rules
