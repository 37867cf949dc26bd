// The one ordered list of rules. Adding a rule means adding a line here:
// no static self-registration, so the order (and the output) is stable.
#include "rules/all.hpp"

namespace mdrisk {
namespace rules {

const std::vector<Rule>& registry() {
  static const std::vector<Rule> kRules = {
      {kMissingTitle, check_missing_title},
      {kMissingSummaryTable, check_missing_summary_table},
      {kMissingDetailedEntries, check_missing_detailed_entries},
      {kMissingColumn, check_missing_column},
      {kUnknownColumn, check_unknown_column},
      {kCellCount, check_cell_count},
      {kEmptyCell, check_empty_cell},
      {kInvalidValue, check_invalid_value},
      {kValueCase, check_value_case},
      {kDuplicateRisk, check_duplicate_risk},
      {kMissingEntry, check_missing_entry},
      {kOrphanEntry, check_orphan_entry},
      {kHeadingMismatch, check_heading_mismatch},
      {kEntryOrder, check_entry_order},
      {kDuplicateEntry, check_duplicate_entry},
      {kMissingSection, check_missing_section},
      {kMissingRecommendedSection, check_missing_recommended_section},
      {kSectionAlias, check_section_alias},
      {kEmptySection, check_empty_section},
      {kUnknownSection, check_unknown_section},
      {kSectionOrder, check_section_order},
      {kFlattenedList, check_flattened_list},
      {kPlaceholderText, check_placeholder_text},
      {kPolicy, check_policy},
      {kTableFormat, check_table_format},
      {kBlankLines, check_blank_lines},
      {kHeadingStyle, check_heading_style},
      {kBulletStyle, check_bullet_style},
      {kFinalNewline, check_final_newline},
      {kLabelStyle, check_label_style},
      {kListIndent, check_list_indent},
      {kUnusedSuppression, check_unused_suppression},
  };
  return kRules;
}

}  // namespace rules

const std::vector<RuleInfo>& rule_catalog() {
  static const std::vector<RuleInfo> kCatalog = [] {
    std::vector<RuleInfo> v;
    for (const auto& r : rules::registry()) v.push_back(r.info);
    return v;
  }();
  return kCatalog;
}

const RuleInfo* find_rule(std::string_view code_or_name) {
  for (const auto& r : rule_catalog()) {
    if (r.code == code_or_name || r.name == code_or_name) return &r;
  }
  return nullptr;
}

}  // namespace mdrisk
