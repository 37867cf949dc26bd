#pragma once
// The tracker model: what rules read. Every piece keeps its exact byte range
// in the original SourceFile so diagnostics point at it and fixes can
// re-print just that piece. Rules never touch cmark nodes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/schema.hpp"
#include "mdrisk/source.hpp"
#include "mdrisk/view.hpp"

namespace mdrisk {

inline constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct Heading {
  int level = 0;
  bool setext = false;
  bool closed_atx = false;   // "### Title ###"
  std::size_t first_line = 0, last_line = 0;
  ByteRange range;           // all its lines, without the final line ending
  ByteRange text_range;      // the title text (ATX: the one line's text)
  std::string_view text;
};

enum class Alignment { None, Left, Center, Right };

struct Cell {
  ByteRange range;       // between the pipes, untrimmed
  ByteRange text_range;  // trimmed, without a trailing directive
  std::string_view text; // trimmed raw text (escaped pipes kept as "\|")
  // A trailing `<!-- mdrisk-... -->` comment (a row's suppression), kept
  // out of `text` so the cell's value is what it says; the table printer
  // writes it back after the value.
  std::string_view directive;
};

struct Row {
  std::size_t line = 0;
  ByteRange range;  // the line's content
  std::vector<Cell> cells;
};

struct Table {
  std::size_t first_line = 0, last_line = 0;
  ByteRange range;  // header line start .. last row's end (no final EOL)
  Row header;
  Row delimiter;
  std::vector<Alignment> alignments;  // one per header cell
  std::vector<Row> rows;
  // For each header cell, the schema column it maps to (npos: unknown column).
  std::vector<std::size_t> column_of_cell;
  // For each schema column, the header cell index holding it (npos: missing).
  std::vector<std::size_t> cell_of_column;
  // The heading right above the table (a group such as `### 🔴 High`), if any.
  std::optional<Heading> group;

  const Cell* cell(const Row& row, std::size_t schema_column) const;
};

struct Label {
  ByteRange range;       // "**Context**:" or "**Context:**" including the colon
  ByteRange text_range;  // "Context" (without a colon inside the stars)
  std::string_view text;
  std::size_t section = npos;  // schema section index; npos = unknown label
  bool alias = false;
  std::size_t column = npos;   // the schema column it repeats (**Status**, **Owner**), or npos
};

struct ListItem {
  std::size_t first_line = 0, last_line = 0;
  ByteRange range;              // marker .. end of last non-blank line
  std::size_t marker_offset = 0;
  char marker = '-';            // '-', '*', '+', or '.'/')' for ordered
  std::size_t marker_column = 0;   // bytes from line start to the marker
  // Column of the content: bytes from line start, but a tab counts to the
  // next multiple of 4, as CommonMark counts it ("-\tx" has its content at
  // 4): a nested item must be indented this far to belong to the item.
  std::size_t content_column = 0;
  std::optional<Label> label;
  bool has_inline_text = false;    // text after the label on the same item
  std::string_view text;           // first line's text after marker and label, trimmed
  ByteRange text_range;            // where `text` is
  bool has_content = false;        // any text or block besides the label
  std::vector<ListItem> children;  // items of nested lists
};

struct Section {
  std::size_t section = npos;   // schema index, npos for an unknown label
  // Bullet fields: index into Entry::items of the label bullet. npos for a
  // field written another way (a paragraph label, a sub-heading, a key/value
  // row), whose label and content are below.
  std::size_t item = 0;
  std::vector<std::size_t> flattened;  // sibling items that belong under it
  Label label;                  // where the label is written (for every syntax)
  bool has_content = false;     // any text or block besides the label
  std::string_view text;        // the first line of its value, trimmed
  ByteRange text_range;
};

// An entry field that repeats a table column (Status, Owner, Likelihood),
// in whatever syntax the register writes fields. MR310 compares it with the
// row; with no table, these are the register's cells.
struct ColumnField {
  std::size_t column = npos;  // schema column
  Label label;
  std::string_view value;     // up to the next label on the line, trimmed
  ByteRange value_range;
};

struct Entry {
  Heading heading;
  std::string key;            // normalised name, for matching rows
  ByteRange range;            // heading start .. end of last non-blank body line
  std::vector<ListItem> items;  // top-level items of the entry's first bullet list
  bool list_is_tight = true;
  ByteRange list_range;
  std::vector<Section> sections;
  std::vector<ColumnField> column_fields;
  std::string_view id, title;  // the heading split by `heading-pattern` (title empty for `{id}`)
  std::size_t row = npos;     // matched row (index into the register's rows, see Tracker::row)
};

// A top-level block, for rules about spacing between blocks.
struct Block {
  enum class Kind { Heading, Table, List, Other } kind = Kind::Other;
  std::size_t first_line = 0, last_line = 0;
  bool managed = false;  // a heading or table that mdrisk owns the layout of
  bool in_entry = false; // part of a detailed entry's body
  bool directive = false; // an `<!-- mdrisk-... -->` suppression comment
  bool literal = false;   // a code or HTML block: its text is not prose
  bool view = false;      // a generated view's marker or content (mdrisk/view.hpp)
};

struct Tracker {
  const SourceFile* source = nullptr;
  const Schema* schema = nullptr;
  std::optional<Heading> title;
  // YAML front matter (lines 1..N between `---` lines), left alone.
  std::size_t front_matter_lines = 0;
  std::optional<Heading> table_heading;
  std::optional<Table> table;            // the first register table
  std::vector<Table> more_tables;        // further tables of the same register (one per group...)
  // A table whose header maps most required columns but not the column rows
  // are keyed by: it cannot be read as part of the register (MR110).
  std::vector<ByteRange> unreadable_tables;
  // Every other table outside the entries (a scale or band legend, a table
  // of the author's), its header mapped to schema columns like the
  // register's: MR603 compares legends with the configured scoring.
  std::vector<Table> other_tables;
  std::optional<Heading> entries_heading;
  std::vector<Entry> entries;
  std::vector<Block> blocks;
  std::vector<std::string> row_keys;  // normalised risk name per table row
  std::vector<std::size_t> entry_of_row;  // first entry matched to each row, or npos
  // Generated views (`<!-- mdrisk:view ... -->`), in document order, and end
  // markers that close no view.
  std::vector<ViewBlock> views;
  std::vector<StrayViewEnd> stray_view_ends;

  // The entry matched to table row `row`, or nullptr.
  const Entry* entry_for_row(std::size_t row) const;

  // The register's rows across its tables, in document order: row r of the
  // register is row r of `table`, then of each of `more_tables` in turn.
  std::size_t row_count() const;
  const Row& row(std::size_t r) const;
  const Table& table_of_row(std::size_t r) const;
  // The cell of register row `r` for schema column `column`, or nullptr.
  const Cell* cell(std::size_t r, std::size_t column) const;
  // Every register table, first to last.
  std::vector<const Table*> tables() const;
};

// Parses `source` with cmark-gfm and builds the model. Never fails: a
// document without the expected structure yields a model with parts missing,
// which the structure rules report. The model holds no parser state: cmark's
// tree is dropped part by part as the model is built.
Tracker parse_tracker(const SourceFile& source, const Schema& schema);

}  // namespace mdrisk
