// `mdrisk export --format csv` and `mdrisk import FILE.csv`.
#include <algorithm>

#include "base/text.hpp"
#include "exchange/csv.hpp"
#include "exchange/register_data.hpp"
#include "model/canonical.hpp"

namespace mdrisk {
namespace {

constexpr std::string_view kGroupColumn = "Table group";

std::size_t find_header(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (text::iequals(header[i], name)) return i;
  }
  return static_cast<std::size_t>(-1);
}

// A register of entries only has no header row to copy: its columns are
// the entry's heading parts (the ID, and the title, which names the risk)
// and then the schema's columns in canonical order. The heading parts keep
// their column's header, or take "ID" / "Title" when the schema has none.
struct EntryColumns {
  std::size_t id = npos;    // schema column of the heading's {id}, or npos
  std::size_t name = npos;  // schema column of the heading's title, or npos
  std::string id_header, name_header;
};

EntryColumns entry_columns(const Schema& s) {
  EntryColumns c;
  for (std::size_t k : {s.ids.column, s.id_column, s.column_index("id")}) {
    if (c.id == npos && k != npos) c.id = k;
  }
  c.name = s.name_column < s.columns.size() ? s.name_column : npos;
  c.id_header = c.id != npos ? s.columns[c.id].header : "ID";
  c.name_header = c.name != npos ? s.columns[c.name].header : "Title";
  return c;
}

std::string export_entries(const Tracker& t) {
  const Schema& s = *t.schema;
  const EntryColumns ec = entry_columns(s);
  const bool ids = s.heading_pattern.find("{id}") != std::string::npos;
  std::vector<std::size_t> columns;  // schema columns after the heading's parts
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    if (c == ec.name || (ids && c == ec.id)) continue;
    columns.push_back(c);
  }
  std::vector<std::string> head;
  if (ids) head.push_back(ec.id_header);
  head.push_back(ec.name_header);
  for (std::size_t c : columns) head.push_back(s.columns[c].header);
  std::string out;
  for (auto& h : head) h = csv::neutralise(h);
  out += csv::record(head);
  for (const Entry& e : t.entries) {
    std::vector<std::string> cells;
    if (ids) cells.emplace_back(e.id);
    cells.emplace_back(e.title.empty() ? e.heading.text : e.title);
    for (std::size_t c : columns) {
      std::string value;
      for (const ColumnField& f : e.column_fields) {
        if (f.column == c && !f.value.empty()) {
          value = std::string(f.value);
          break;
        }
      }
      cells.push_back(std::move(value));
    }
    for (auto& c : cells) c = csv::neutralise(c);
    out += csv::record(cells);
  }
  return out;
}

// One field of an imported entry, written in the schema's field syntax.
void append_field(std::string& body, const Schema& s, const std::string& label, const std::string& value) {
  switch (s.field_syntax) {
    case FieldSyntax::Bullets:
      body += "- " + label_markup(s, label, true) + " " + value + "\n";
      break;
    case FieldSyntax::Paragraphs:
      // One paragraph, its lines joined by backslash hard breaks.
      if (!body.empty()) body.insert(body.size() - 1, "\\");
      body += label_markup(s, label, true) + " " + value + "\n";
      break;
    case FieldSyntax::Headings:
      if (!body.empty()) body += "\n";
      body += std::string(static_cast<std::size_t>(std::min(s.entry_level + 1, 6)), '#') + " " + label + "\n\n" +
              value + "\n";
      break;
    case FieldSyntax::Table:
      if (body.empty()) body = "| Field | Value |\n| --- | --- |\n";
      body += "| " + escape_pipes(label) + " | " + escape_pipes(value) + " |\n";
      break;
  }
}

// CSV records to the entries of a register without a table: the title
// column (and the ID column, when the heading pattern has `{id}`) fill the
// heading; every other field becomes an entry field under its column's
// header, or the CSV's own header for a column the schema does not know.
Result<exchange::RegisterData> entries_from_records(const std::vector<std::vector<std::string>>& records,
                                                    const std::vector<std::size_t>& lines, const Schema& schema) {
  const EntryColumns ec = entry_columns(schema);
  const std::vector<std::string>& header = records[0];
  const std::size_t title_at = find_header(header, ec.name_header);
  if (title_at == npos) {
    return Error{ErrorKind::InvalidInput, "line " + std::to_string(lines[0]) + ": no '" + ec.name_header +
                                              "' column (the column that names a risk)"};
  }
  const bool ids = schema.heading_pattern.find("{id}") != std::string::npos;
  const std::size_t id_at = ids ? find_header(header, ec.id_header) : npos;
  std::vector<std::string> labels(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::size_t c = schema.column_for_header(header[i]);
    labels[i] = c != npos ? schema.columns[c].header : std::string(text::trim(header[i]));
  }
  exchange::RegisterData data;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    const std::string title(text::trim(rec[title_at]));
    const std::string id = id_at != npos ? std::string(text::trim(rec[id_at])) : std::string();
    exchange::EntryData e;
    e.level = schema.entry_level;
    e.heading = id.empty() ? title : schema.expected_heading(id, title);
    if (e.heading.empty()) {
      return Error{ErrorKind::InvalidInput, "line " + std::to_string(lines[r]) + ": the risk has no " + ec.name_header};
    }
    for (std::size_t i = 0; i < rec.size(); ++i) {
      const std::string value(text::trim(rec[i]));
      if (i == title_at || i == id_at || value.empty()) continue;
      append_field(e.body, schema, labels[i], value);
    }
    while (!e.body.empty() && e.body.back() == '\n') e.body.pop_back();
    data.entries.push_back(std::move(e));
  }
  return data;
}

}  // namespace

Result<std::string> export_csv(const Tracker& t) {
  const auto tables = t.tables();
  if (tables.empty() && !t.schema->has_table) return export_entries(t);
  if (tables.empty()) {
    return Error{ErrorKind::InvalidInput, "the register has no table to export as CSV (export it with --format json)"};
  }
  const exchange::RegisterData data = exchange::read_register(t);
  // The columns: the first table's, then any a later table adds. A later
  // table's cell goes to the column of the same schema column, else of the
  // same header text.
  std::vector<std::string> header = data.tables[0].header;
  std::vector<std::size_t> schema_col(tables[0]->column_of_cell.begin(), tables[0]->column_of_cell.end());
  schema_col.resize(header.size(), npos);
  std::vector<std::vector<std::size_t>> slot_of_cell(tables.size());
  for (std::size_t c = 0; c < header.size(); ++c) slot_of_cell[0].push_back(c);
  for (std::size_t k = 1; k < tables.size(); ++k) {
    const auto& cells = data.tables[k].header;
    std::vector<bool> used(header.size(), false);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::size_t sc = c < tables[k]->column_of_cell.size() ? tables[k]->column_of_cell[c] : npos;
      std::size_t slot = npos;
      for (std::size_t s = 0; s < used.size() && slot == npos; ++s) {
        if (used[s]) continue;
        if (sc != npos ? schema_col[s] == sc : (schema_col[s] == npos && text::iequals(header[s], cells[c]))) slot = s;
      }
      if (slot == npos) {
        header.push_back(cells[c]);
        schema_col.push_back(sc);
        used.push_back(false);
        slot = header.size() - 1;
      }
      used[slot] = true;
      slot_of_cell[k].push_back(slot);
    }
  }
  const bool groups = tables.size() > 1;
  std::vector<std::string> head = header;
  if (groups) head.emplace_back(kGroupColumn);
  std::string out;
  std::vector<std::string> fields;
  for (const auto& h : head) fields.push_back(csv::neutralise(h));
  out += csv::record(fields);
  for (std::size_t k = 0; k < tables.size(); ++k) {
    for (const auto& row : data.tables[k].rows) {
      std::vector<std::string> cells(header.size());
      for (std::size_t c = 0; c < row.size() && c < slot_of_cell[k].size(); ++c) cells[slot_of_cell[k][c]] = row[c];
      if (groups) cells.push_back(data.tables[k].group);
      for (auto& c : cells) c = csv::neutralise(c);
      out += csv::record(cells);
    }
  }
  return out;
}

Result<std::string> import_csv(std::string_view text, const Schema& schema, const RenderOptions& options) {
  std::optional<csv::ParseError> err;
  std::vector<std::size_t> lines;
  auto records = csv::parse(text, err, &lines);
  if (err) return Error{ErrorKind::InvalidInput, "line " + std::to_string(err->line) + ": " + err->message};
  if (records.empty()) return Error{ErrorKind::InvalidInput, "no header line"};
  for (auto& rec : records) {
    for (auto& f : rec) f = csv::restore(f);
  }
  std::vector<std::string> header = records[0];
  const std::size_t group_col = find_header(header, kGroupColumn);
  if (schema.has_table) {  // a register of entries finds its title column itself
    const ColumnSpec& name_spec = schema.columns[schema.name_column];
    bool has_name = false;
    for (const auto& h : header) has_name = has_name || schema.column_for_header(h) == schema.name_column;
    if (!has_name) {
      return Error{ErrorKind::InvalidInput, "line " + std::to_string(lines[0]) + ": no '" + name_spec.header +
                                                "' column (the column that names a risk)"};
    }
  }
  exchange::RegisterData data;
  data.title = options.title;
  std::vector<std::string> table_header = header;
  if (group_col != npos) table_header.erase(table_header.begin() + static_cast<std::ptrdiff_t>(group_col));
  for (std::size_t r = 0; r < records.size(); ++r) {
    const auto& rec = records[r];
    const std::string where = "line " + std::to_string(lines[r]) + ": ";
    if (rec.size() != header.size()) {
      return Error{ErrorKind::InvalidInput, where + std::to_string(rec.size()) + " fields, the header has " +
                                                std::to_string(header.size())};
    }
    for (const auto& f : rec) {
      if (f.find_first_of("\r\n") != std::string::npos) {
        return Error{ErrorKind::InvalidInput, where + "a field holds a line break, which a Markdown table cell cannot"};
      }
    }
    if (r == 0 || !schema.has_table) continue;
    std::string group = group_col != npos ? rec[group_col] : "";
    if (data.tables.empty() || data.tables.back().group != group) {
      exchange::TableData td;
      td.group = group;
      td.group_level = 3;
      td.header = table_header;
      data.tables.push_back(std::move(td));
    }
    std::vector<std::string> cells = rec;
    if (group_col != npos) cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(group_col));
    for (auto& c : cells) c = std::string(text::trim(c));
    data.tables.back().rows.push_back(std::move(cells));
  }
  if (!schema.has_table) {
    auto entries = entries_from_records(records, lines, schema);
    if (!entries) return entries.error();
    entries->title = options.title;
    return exchange::write_register(*entries, schema, false, options);
  }
  if (data.tables.empty()) {
    exchange::TableData td;
    td.header = table_header;
    data.tables.push_back(std::move(td));
  }
  return exchange::write_register(data, schema, true, options);
}

}  // namespace mdrisk
