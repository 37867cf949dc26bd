#include "model/canonical.hpp"

#include "base/text.hpp"
#include "model/cell_value.hpp"

namespace mdrisk {

ValueMatch match_value(const ColumnSpec& column, std::string_view value) {
  for (const auto& a : column.allowed) {
    if (a == value) return {a, true};
  }
  for (const auto& a : column.allowed) {
    if (text::iequals(a, value)) return {a, false};
  }
  for (const auto& [alias, canonical] : column.value_aliases) {
    if (text::iequals(alias, value)) return {canonical, false};
  }
  return {};
}

const std::string& canonical_label(const Schema& s, std::size_t section) {
  return s.sections[section].label;
}

std::string unescape_pipes(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') continue;
    out.push_back(s[i]);
  }
  return out;
}

std::string escape_pipes(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '|' && (i == 0 || s[i - 1] != '\\')) out.push_back('\\');
    out.push_back(s[i]);
  }
  return out;
}

bool is_label_markup(const Schema& s, std::string_view label, bool text_follows, std::string_view written) {
  // label_markup(s, label, text_follows) == written, without building it.
  const std::string_view close = s.label_colon_inside ? ":**" : (text_follows || s.bare_label_colon ? "**:" : "**");
  return written.size() == 2 + label.size() + close.size() && written.substr(0, 2) == "**" &&
         written.substr(2, label.size()) == label && written.substr(2 + label.size()) == close;
}

std::string label_markup(const Schema& s, std::string_view label, bool text_follows) {
  // Colon-inside registers write the colon on every label, text or not.
  if (s.label_colon_inside) return "**" + std::string(label) + ":**";
  return "**" + std::string(label) + "**" + (text_follows || s.bare_label_colon ? ":" : "");
}

std::string canonical_cell_text(const ColumnSpec* column, std::string_view text) {
  if (!column || column->allowed.empty()) return std::string(text);
  ValueMatch m = match_value(*column, text);
  if (!m.canonical.empty()) return std::string(column->any_case && !m.exact && text::iequals(m.canonical, text) ? text : m.canonical);
  if (!column->qualifiers && !column->ranges) return std::string(text);
  // A qualified value or a range: respell the value words, keep the rest
  // (MR106's fix does exactly this).
  const ValueSpan v = locate_value(*column, text);
  if (!v.found || v.code_span || column->any_case) return std::string(text);
  std::string out(text);
  for (const auto& [b, e] : {std::pair{v.second_begin, v.second_end}, std::pair{v.begin, v.end}}) {
    if (e <= b) continue;
    const ValueMatch part = match_value(*column, text.substr(b, e - b));
    if (!part.canonical.empty()) out.replace(b, e - b, part.canonical);
  }
  return out;
}

}  // namespace mdrisk
