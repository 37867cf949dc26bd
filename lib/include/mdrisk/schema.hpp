#pragma once
// The shape a tracker must have: section headings, table columns with their
// allowed values, and the labelled sections of a detailed entry. The
// defaults are the schema of the seed tracker; `.mdrisk.toml` can change them.
#include <cstddef>
#include <string>
#include <vector>

#include "mdrisk/scoring.hpp"
#include "mdrisk/lifecycle.hpp"

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
  // The value grammar (model/cell_value.hpp): an allowed value may be
  // followed by a qualifier ("HIGH (write path only)"), sit in a code span
  // or after a struck-out old value; two values may form a range ("LOW–MEDIUM").
  bool qualifiers = false;
  bool ranges = false;
  bool any_case = false;             // a value in another case is fine as written (no MR106)
};

struct SectionSpec {
  std::string label;                 // canonical bold label: "Mitigation"
  std::vector<std::string> aliases;  // "Mitigation Actions", "Mitigations"
  Requirement requirement = Requirement::Required;
};

enum class TableStyle { Aligned, Compact, AsWritten };

// How MR401 writes a table's delimiter row.
enum class DelimiterRow {
  Auto,         // as the table style implies: dashes to the column width (aligned), `| --- |` (compact)
  Spaced,       // `| --- |`
  Tight,        // `|---|`
  HeaderWidth,  // `|----|------|`: as many dashes as each header cell is wide
  AsWritten,    // the delimiter row is the author's
};

// How entry fields are written.
enum class FieldSyntax {
  Bullets,     // `- **Label:** value` items of the entry's first bullet list
  Paragraphs,  // `**Label:** value` lines of paragraphs, joined by hard breaks
  Headings,    // a heading one level below the entry; its content is the value
  Table,       // a two-column key/value table
};

enum class BlankAfterHeading { Required, None, Either };

// How closely an ID-linked entry's heading title follows its row's name.
enum class TitleCheckMode { Exact, Prefix, Words, Off };

// "Rows whose <column> is one of <values> need an entry."
struct EntryCondition {
  std::size_t column = 0;
  std::vector<std::string> values;
};

// Which side an entry field that repeats a column follows (MR310's fix).
enum class FieldSource { None, Table, Entry };

// How a detailed entry finds its table row.
enum class LinkMode {
  Name,  // heading text == the name column (normalised)
  Id,    // heading matches `heading_pattern`; its {id} == the ID column
};

// "If a row's <column> is one of <values>, its entry needs <section>."
// Or, with `require`/`require-one-of`: rows whose column has one of the
// values, or whose status is of a lifecycle class, need every field of
// `require` and at least one of `require-one-of`, in a cell or the entry.
struct Policy {
  std::string name;                 // shown in the message
  std::size_t column = 0;           // schema column index (npos with a class trigger)
  std::vector<std::string> values;  // canonical values that trigger it
  std::size_t section = 0;          // schema section index (npos: a `require` policy)
  StatusClass status_class = StatusClass::None;  // trigger: a lifecycle class instead of values
  std::vector<FieldRef> require;         // every one must be filled in
  std::vector<FieldRef> require_one_of;  // at least one must be filled in
  // The risk is named by a reference outside the register (an action plan
  // item, "(risk 4)"), as `reference-pattern` reads them.
  bool require_reference = false;
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
  bool bare_label_colon = false;     // with the colon outside, `**Label**:` also with nothing after it
  // Register shapes beyond the built-in one (README "Register shapes").
  bool has_table = true;             // false: `register = "entries"`, entries carry every column
  int entry_level = 3;               // heading level of an entry (2, 3 or 4)
  TitleCheckMode title_check = TitleCheckMode::Exact;
  std::string template_pattern;      // regex; matching entry headings are templates, ignored
  // Text outside the register that names risks by ID (MR112): a regex
  // whose first group holds one ID or a list of them ("2, 4", "2 and 4").
  // Empty: references are not read.
  std::string reference_pattern = R"(\(risks? ([^()]+)\))";
  std::vector<EntryCondition> entry_conditions;  // with entries_required: only rows matching one
  FieldSyntax field_syntax = FieldSyntax::Bullets;
  FieldSource field_source = FieldSource::None;
  BlankAfterHeading blank_after_entry_heading = BlankAfterHeading::Required;
  DelimiterRow delimiter_row = DelimiterRow::Auto;
  std::vector<Policy> policies;
  // Scales, the score formula, bands and row order (mdrisk/scoring.hpp):
  // empty, so off, unless the configuration declares them.
  Scoring scoring;
  // Risk semantics (mdrisk/lifecycle.hpp), all off by default.
  DatesSpec dates;
  LifecycleSpec lifecycle;
  IdSpec ids;

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
  // The heading an entry should have: `heading-pattern` filled in with
  // LinkMode::Id or without a table, else the title.
  std::string expected_heading(std::string_view id, std::string_view title) const;
};

}  // namespace mdrisk
