#pragma once
// Declarations of every rule; registry.cpp lists them in code order.
#include "rules/rule.hpp"

namespace mdrisk::rules {

#define MDRISK_DECLARE_RULE(ident, fn)  \
  extern const RuleInfo ident;          \
  void fn(const Tracker& t, RuleContext& ctx);

MDRISK_DECLARE_RULE(kMissingTitle, check_missing_title)
MDRISK_DECLARE_RULE(kMissingSummaryTable, check_missing_summary_table)
MDRISK_DECLARE_RULE(kMissingDetailedEntries, check_missing_detailed_entries)
MDRISK_DECLARE_RULE(kMissingColumn, check_missing_column)
MDRISK_DECLARE_RULE(kUnknownColumn, check_unknown_column)
MDRISK_DECLARE_RULE(kCellCount, check_cell_count)
MDRISK_DECLARE_RULE(kEmptyCell, check_empty_cell)
MDRISK_DECLARE_RULE(kInvalidValue, check_invalid_value)
MDRISK_DECLARE_RULE(kValueCase, check_value_case)
MDRISK_DECLARE_RULE(kDuplicateRisk, check_duplicate_risk)
MDRISK_DECLARE_RULE(kMissingEntry, check_missing_entry)
MDRISK_DECLARE_RULE(kOrphanEntry, check_orphan_entry)
MDRISK_DECLARE_RULE(kHeadingMismatch, check_heading_mismatch)
MDRISK_DECLARE_RULE(kEntryOrder, check_entry_order)
MDRISK_DECLARE_RULE(kDuplicateEntry, check_duplicate_entry)
MDRISK_DECLARE_RULE(kMissingSection, check_missing_section)
MDRISK_DECLARE_RULE(kMissingRecommendedSection, check_missing_recommended_section)
MDRISK_DECLARE_RULE(kSectionAlias, check_section_alias)
MDRISK_DECLARE_RULE(kEmptySection, check_empty_section)
MDRISK_DECLARE_RULE(kUnknownSection, check_unknown_section)
MDRISK_DECLARE_RULE(kSectionOrder, check_section_order)
MDRISK_DECLARE_RULE(kFlattenedList, check_flattened_list)
MDRISK_DECLARE_RULE(kPlaceholderText, check_placeholder_text)
MDRISK_DECLARE_RULE(kPolicy, check_policy)
MDRISK_DECLARE_RULE(kTableFormat, check_table_format)
MDRISK_DECLARE_RULE(kBlankLines, check_blank_lines)
MDRISK_DECLARE_RULE(kHeadingStyle, check_heading_style)
MDRISK_DECLARE_RULE(kBulletStyle, check_bullet_style)
MDRISK_DECLARE_RULE(kFinalNewline, check_final_newline)
MDRISK_DECLARE_RULE(kLabelStyle, check_label_style)
MDRISK_DECLARE_RULE(kListIndent, check_list_indent)
MDRISK_DECLARE_RULE(kUnusedSuppression, check_unused_suppression)

#undef MDRISK_DECLARE_RULE

}  // namespace mdrisk::rules
namespace mdrisk { struct Directive; }
namespace mdrisk::rules {
void report_unused_suppressions(const std::vector<Directive>& directives, RuleContext& ctx);

}  // namespace mdrisk::rules
