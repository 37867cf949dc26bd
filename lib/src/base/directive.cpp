#include "base/directive.hpp"

#include "base/text.hpp"

#include <algorithm>

namespace mdrisk {
namespace {

constexpr std::string_view kOpen = "<!--", kClose = "-->";

std::vector<std::string> split_codes(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

std::optional<DirectiveWords> parse_directive_body(std::string_view body) {
  body = text::trim(body);
  // Longest keyword first: "mdrisk-disable" is a prefix of the others.
  static constexpr std::pair<std::string_view, Directive::Kind> kKinds[] = {
      {"mdrisk-disable-next-line", Directive::Kind::DisableNextLine},
      {"mdrisk-disable-line", Directive::Kind::DisableLine},
      {"mdrisk-disable-file", Directive::Kind::DisableFile},
      {"mdrisk-disable", Directive::Kind::Disable},
      {"mdrisk-enable", Directive::Kind::Enable},
  };
  for (const auto& [word, kind] : kKinds) {
    if (text::starts_with(body, word) &&
        (body.size() == word.size() || body[word.size()] == ' ' || body[word.size()] == '\t')) {
      return DirectiveWords{kind, split_codes(body.substr(word.size()))};
    }
  }
  return std::nullopt;
}

std::size_t directive_comment_end(std::string_view text, std::size_t open) {
  const std::size_t body = open + kOpen.size();
  const std::size_t eol = text.find('\n', body);
  const std::size_t close = text.substr(0, eol).find(kClose, body);
  if (close == std::string_view::npos) return std::string_view::npos;
  if (!parse_directive_body(text.substr(body, close - body))) return std::string_view::npos;
  return close + kClose.size();
}

bool is_directive_html(std::string_view literal) {
  std::size_t i = 0;
  while (i < literal.size() && (literal[i] == ' ' || literal[i] == '\t')) ++i;
  return literal.substr(i, kOpen.size()) == kOpen && directive_comment_end(literal, i) != std::string_view::npos;
}

std::optional<ViewMarker> parse_view_marker(std::string_view html_block) {
  std::string_view s = text::trim(html_block);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  s = text::trim(s);
  if (s.size() < kOpen.size() + kClose.size() || s.substr(0, kOpen.size()) != kOpen ||
      s.substr(s.size() - kClose.size()) != kClose || s.find('\n') != std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view body = s.substr(kOpen.size(), s.size() - kOpen.size() - kClose.size());
  if (body.find(kClose) != std::string_view::npos) return std::nullopt;  // two comments on the line
  std::vector<std::string> words = split_codes(body);
  if (words.empty()) return std::nullopt;
  if (words[0] == "mdrisk:end" && words.size() == 1) return ViewMarker{false, {}, {}};
  if (words[0] != "mdrisk:view") return std::nullopt;
  ViewMarker m;
  if (words.size() > 1) m.name = words[1];
  m.args.assign(words.begin() + std::min<std::ptrdiff_t>(2, static_cast<std::ptrdiff_t>(words.size())), words.end());
  return m;
}

}  // namespace mdrisk
