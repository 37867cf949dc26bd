// `mdrisk export --format csv` and `mdrisk import FILE.csv`.
#include <algorithm>

#include "base/text.hpp"
#include "exchange/csv.hpp"
#include "exchange/register_data.hpp"

namespace mdrisk {
namespace {

constexpr std::string_view kGroupColumn = "Table group";

std::size_t find_header(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (text::iequals(header[i], name)) return i;
  }
  return static_cast<std::size_t>(-1);
}

}  // namespace

Result<std::string> export_csv(const Tracker& t) {
  const auto tables = t.tables();
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
  if (!schema.has_table) {
    return Error{ErrorKind::InvalidInput, "the configuration describes a register without a table (register = \"entries\"); CSV import writes a table"};
  }
  for (auto& rec : records) {
    for (auto& f : rec) f = csv::restore(f);
  }
  std::vector<std::string> header = records[0];
  const std::size_t group_col = find_header(header, kGroupColumn);
  const ColumnSpec& name_spec = schema.columns[schema.name_column];
  bool has_name = false;
  for (const auto& h : header) has_name = has_name || schema.column_for_header(h) == schema.name_column;
  if (!has_name) {
    return Error{ErrorKind::InvalidInput, "line " + std::to_string(lines[0]) + ": no '" + name_spec.header +
                                              "' column (the column that names a risk)"};
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
    if (r == 0) continue;
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
  if (data.tables.empty()) {
    exchange::TableData td;
    td.header = table_header;
    data.tables.push_back(std::move(td));
  }
  return exchange::write_register(data, schema, true, options);
}

}  // namespace mdrisk
