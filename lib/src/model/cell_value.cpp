#include "model/cell_value.hpp"

#include "mdrisk/schema.hpp"
#include "base/text.hpp"

namespace mdrisk {
namespace {

// A value ends where a word ends: at the end, a space, or punctuation that
// starts a qualifier. A letter or digit right after it means a longer word
// ("Opened" is not "Open").
bool boundary(std::string_view text, std::size_t at) {
  if (at >= text.size()) return true;
  const unsigned char c = static_cast<unsigned char>(text[at]);
  if (c >= 0x80) return true;  // a dash, an emoji: not part of an ASCII word
  return !(std::isalnum(c) || c == '_');
}

// The longest allowed spelling that `text` starts with, as a length in
// bytes of `text` (0: none). Case-insensitive; value aliases count.
std::size_t allowed_prefix(const ColumnSpec& column, std::string_view text) {
  std::size_t best = 0;
  const auto consider = [&](std::string_view v) {
    if (v.empty()) return;
    // Case folding can change the byte length of non-ASCII text, so try
    // every word boundary near the value's own length.
    for (std::size_t len = 1; len <= text.size(); ++len) {
      if (!boundary(text, len)) continue;
      if (len > v.size() * 2 + 4) break;
      if (len > best && text::iequals(text.substr(0, len), v)) best = len;
    }
  };
  for (const auto& v : column.allowed) consider(v);
  for (const auto& [alias, canonical] : column.value_aliases) consider(alias);
  return best;
}

// A dash joining two values of a range: "–", "—", "-" or "to", with or
// without spaces around. Returns its length (0: not a range joint).
std::size_t range_joint(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && rest[i] == ' ') ++i;
  std::size_t dash = 0;
  if (rest.substr(i, 3) == "\xE2\x80\x93" || rest.substr(i, 3) == "\xE2\x80\x94") dash = 3;  // – —
  else if (rest.substr(i, 1) == "-") dash = 1;
  else if (rest.substr(i, 3) == "to ") dash = 2;
  if (dash == 0) return 0;
  i += dash;
  while (i < rest.size() && rest[i] == ' ') ++i;
  return i;
}

}  // namespace

ValueSpan locate_value(const ColumnSpec& column, std::string_view text) {
  ValueSpan s;
  s.end = text.size();
  if (!column.qualifiers && !column.ranges) {
    s.found = false;  // exact matching is the caller's (match_value)
    return s;
  }
  std::size_t at = 0;
  // "~~HIGH~~ LOW": the struck-out part is history; the value follows it.
  if (column.qualifiers && text.substr(0, 2) == "~~") {
    const std::size_t close = text.find("~~", 2);
    if (close != std::string_view::npos) {
      at = close + 2;
      while (at < text.size() && text[at] == ' ') ++at;
    }
  }
  std::string_view rest = text.substr(at);
  if (column.qualifiers && !rest.empty() && rest.front() == '`') {
    const std::size_t close = rest.find('`', 1);
    if (close != std::string_view::npos) {
      const std::string_view inner = text::trim(rest.substr(1, close - 1));
      const std::size_t inner_at = at + 1 + (rest.substr(1, close - 1).find(inner.empty() ? " " : inner));
      s.begin = inner_at;
      s.end = inner_at + inner.size();
      s.code_span = true;
      s.found = allowed_prefix(column, inner) == inner.size() && !inner.empty();
      return s;
    }
  }
  const std::size_t len = allowed_prefix(column, rest);
  s.begin = at;
  if (len == 0) {
    std::size_t word = 0;
    while (word < rest.size() && !boundary(rest, word + 1)) ++word;
    s.end = at + std::min(rest.size(), word + 1);
    return s;
  }
  s.end = at + len;
  const std::string_view after = rest.substr(len);
  if (column.ranges) {
    if (const std::size_t joint = range_joint(after); joint > 0) {
      const std::size_t second = allowed_prefix(column, after.substr(joint));
      if (second > 0) {
        s.second_begin = s.end + joint;
        s.second_end = s.second_begin + second;
      }
    }
  }
  const std::size_t value_end = s.second_end > 0 ? s.second_end : s.end;
  // Without qualifiers, nothing may follow the value (or the range).
  s.found = column.qualifiers || value_end == text.size();
  return s;
}

}  // namespace mdrisk
