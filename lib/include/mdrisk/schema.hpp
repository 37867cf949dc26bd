#pragma once
// The shape a tracker must have: section headings, table columns with their
// allowed values, and the labelled sections of a detailed entry. The
// defaults are the schema of the seed tracker; `.mdrisk.toml` can change them.
#include <cstddef>
#include <string>
#include <vector>

namespace mdrisk {

enum class Requirement { Required, Recommended, Optional };

struct ColumnSpec {
  std::string key;                   // stable role name: "risk", "impact", ...
  std::string header;                // canonical header text: "Risk"
  std::vector<std::string> aliases;  // other accepted header texts
  bool required = true;              // column must exist
  bool non_empty = true;             // cell must not be empty
  std::vector<std::string> allowed;  // canonical values; empty = free text
  // Alternative spellings --fix rewrites to a canonical value ("Med" -> "Medium").
  std::vector<std::pair<std::string, std::string>> value_aliases;
};

struct SectionSpec {
  std::string label;                 // canonical bold label: "Mitigation"
  std::vector<std::string> aliases;  // "Mitigation Actions", "Mitigations"
  Requirement requirement = Requirement::Required;
};

enum class TableStyle { Aligned, Compact };

// How a detailed entry finds its table row.
enum class LinkMode {
  Name,  // heading text == the name column (normalised)
  Id,    // heading matches `heading_pattern`; its {id} == the ID column
};

// "If a row's <column> is one of <values>, its entry needs <section>."
struct Policy {
  std::string name;                 // shown in the message
  std::size_t column = 0;           // schema column index
  std::vector<std::string> values;  // canonical values that trigger it
  std::size_t section = 0;          // schema section index
};

enum class NameSource { Table, Heading };

struct Schema {
  std::string table_heading = "Summary Table";
  std::string entries_heading = "Detailed Entries";
  std::vector<ColumnSpec> columns;   // in canonical order
  std::size_t name_column = 0;       // index of the column that names a risk
  std::vector<SectionSpec> sections; // in canonical order
  bool entries_required = true;      // every row needs a detailed entry
  TableStyle table_style = TableStyle::Aligned;
  std::vector<std::string> placeholders = {"TODO", "TBD", "FIXME", "XXX"};
  LinkMode link = LinkMode::Name;
  std::size_t id_column = static_cast<std::size_t>(-1);  // with LinkMode::Id
  std::string heading_pattern = "{title}";  // with LinkMode::Id, e.g. "{id} — {title}"
  // On a name mismatch between a row and its entry heading, which one is
  // right (the key `name-source`): the table (rename the heading) or the
  // heading (rename the table cell).
  NameSource name_source = NameSource::Table;
  bool label_colon_inside = false;   // canonical label `**Label:**` instead of `**Label**:`
  std::vector<Policy> policies;

  // The built-in schema: the seed tracker's.
  static Schema defaults();
  // Index of the column whose header or alias matches `header` (case-insensitive), or npos.
  std::size_t column_for_header(std::string_view header) const;
  // Index of the section whose label matches `label` (canonical or alias), or npos;
  // `is_alias` tells which.
  std::size_t section_for_label(std::string_view label, bool* is_alias = nullptr) const;
  std::size_t column_index(std::string_view key) const;
  // With LinkMode::Id: the {id} part of a heading, or empty when it does not match.
  std::string heading_id(std::string_view heading) const;
  // The heading an entry for a row should have (pattern filled in).
  std::string expected_heading(std::string_view id, std::string_view title) const;
};

}  // namespace mdrisk
