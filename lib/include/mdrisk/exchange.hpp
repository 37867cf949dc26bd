#pragma once
// A register out of Markdown and back: `mdrisk export` (CSV, or the model as
// JSON), `mdrisk import FILE.csv` and `mdrisk render MODEL.json` (a tracker
// in canonical form under the schema in use). README.md ("Export and
// import") describes the formats and what round-trips; docs/model.schema.json
// is the JSON's schema.
#include <string>
#include <string_view>

#include "mdrisk/error.hpp"
#include "mdrisk/schema.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk {

// RFC 4180 CSV of the register's table(s): the first table's header as
// written, then one record per row (pipes unescaped); columns that only a
// later table has are appended, and with more than one table a last column
// "Table group" holds each row's group heading. Every field is quoted,
// records end in CRLF. A field that a spreadsheet would read as a formula
// (it starts with `=`, `+`, `-`, `@`, a tab or a CR, after any run of `'`)
// gets one more leading `'`. A register of entries only (no table under
// `register = "entries"`) gives one record per entry: the heading's ID and
// title, then the schema's columns from the entry's fields. An error when
// a register that should have a table has none.
Result<std::string> export_csv(const Tracker& t);

// The model as JSON: title, tables (header, column keys, rows, cells),
// entries (heading, ID, title, matched row, fields, the body's Markdown),
// each with its position (line, column, byte offset and length).
std::string export_json(const Tracker& t);

// What import and render write above the table.
struct RenderOptions {
  std::string title = "Risk Register";  // import only: the `#` title (render takes the model's)
  std::size_t max_output_bytes = std::size_t{64} << 20;
};

// A tracker from a CSV file (as export_csv writes it, or a spreadsheet's):
// the header must name the schema's name column; a `'` that neutralised a
// formula is removed (one of the leading run). The table is printed in
// canonical layout with its values as given; each row gets a stub entry
// when the schema requires entries. Under `register = "entries"` each
// record becomes an entry instead, its fields in the schema's field syntax.
// Errors name the CSV line.
Result<std::string> import_csv(std::string_view csv, const Schema& schema, const RenderOptions& options);

// A tracker from export_json's model: the title, the tables (canonical
// layout, values as given) and the entries with their bodies as written.
Result<std::string> render_json(std::string_view json, const Schema& schema, const RenderOptions& options);

}  // namespace mdrisk
