#include "mdrisk/schema.hpp"

#include "base/text.hpp"

namespace mdrisk {

Schema Schema::defaults() {
  Schema s;
  const std::vector<std::string> levels = {"High", "Medium", "Low"};
  s.columns = {
      // Optional: most real registers number their risks.
      {"id", "ID", {}, false, true, {}, {}},
      {"risk", "Risk", {}, true, true, {}, {}},
      {"impact", "Impact", {}, true, true, levels, {}},
      {"likelihood", "Likelihood", {}, true, true, levels, {}},
      {"mitigation", "Mitigation", {}, true, true, {}, {}},
      {"owner", "Owner", {}, true, true, {}, {}},
      {"status", "Status", {}, true, true,
       {"Open", "Planned", "In Progress", "Mitigated", "Accepted", "Closed"}, {}},
  };
  s.name_column = 1;
  s.sections = {
      {"Context", {}, Requirement::Required},
      {"Mitigation", {"Mitigation Actions", "Mitigations", "Actions"}, Requirement::Required},
      {"Monitoring", {"Monitor", "Monitoring Actions"}, Requirement::Recommended},
  };
  return s;
}

std::size_t Schema::column_for_header(std::string_view header) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (text::iequals(columns[i].header, header)) return i;
    for (const auto& a : columns[i].aliases) {
      if (text::iequals(a, header)) return i;
    }
  }
  return static_cast<std::size_t>(-1);
}

std::size_t Schema::section_for_label(std::string_view label, bool* is_alias) const {
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (text::iequals(sections[i].label, label)) {
      if (is_alias) *is_alias = sections[i].label != label;
      return i;
    }
    for (const auto& a : sections[i].aliases) {
      if (text::iequals(a, label)) {
        if (is_alias) *is_alias = true;
        return i;
      }
    }
  }
  return static_cast<std::size_t>(-1);
}

std::size_t Schema::column_index(std::string_view key) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].key == key) return i;
  }
  return static_cast<std::size_t>(-1);
}

std::string Schema::heading_id(std::string_view heading) const {
  // The pattern is literal text with one {id} and at most one {title}.
  const std::size_t id_at = heading_pattern.find("{id}");
  if (id_at == std::string::npos) return {};
  const std::string_view before = std::string_view(heading_pattern).substr(0, id_at);
  const std::string_view rest = std::string_view(heading_pattern).substr(id_at + 4);
  if (heading.substr(0, before.size()) != before) return {};
  heading.remove_prefix(before.size());
  // The literal between {id} and the next placeholder (or the end) ends the id.
  std::string_view sep = rest.substr(0, rest.find('{'));
  if (sep.empty()) return std::string(text::trim(heading));
  const std::size_t end = heading.find(sep);
  if (end == std::string_view::npos) return {};
  return std::string(text::trim(heading.substr(0, end)));
}

std::string Schema::expected_heading(std::string_view id, std::string_view title) const {
  // Headings follow the pattern when they carry the link, and in a register
  // without a table, whose entries are keyed by the heading's ID.
  if (link == LinkMode::Name && has_table) return std::string(title);
  std::string out = heading_pattern;
  const auto replace = [&](std::string_view key, std::string_view value) {
    const std::size_t at = out.find(key);
    if (at != std::string::npos) out.replace(at, key.size(), value);
  };
  replace("{id}", id);
  replace("{title}", title);
  return out;
}

}  // namespace mdrisk
