#include "mdrisk/schema.hpp"

#include "text.hpp"

namespace mdrisk {

Schema Schema::defaults() {
  Schema s;
  const std::vector<std::string> levels = {"High", "Medium", "Low"};
  s.columns = {
      {"risk", "Risk", {}, true, true, {}, {}},
      {"impact", "Impact", {}, true, true, levels, {}},
      {"likelihood", "Likelihood", {}, true, true, levels, {}},
      {"mitigation", "Mitigation", {}, true, true, {}, {}},
      {"owner", "Owner", {}, true, true, {}, {}},
      {"status", "Status", {}, true, true,
       {"Open", "Planned", "In Progress", "Mitigated", "Accepted", "Closed"}, {}},
  };
  s.name_column = 0;
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

}  // namespace mdrisk
