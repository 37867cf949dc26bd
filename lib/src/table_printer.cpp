#include "table_printer.hpp"

#include "rules/helpers.hpp"
#include "text.hpp"

namespace mdrisk {

std::vector<std::size_t> canonical_cell_order(const Table& table) {
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < table.cell_of_column.size(); ++c) {
    if (table.cell_of_column[c] != npos) order.push_back(table.cell_of_column[c]);
  }
  for (std::size_t i = 0; i < table.column_of_cell.size(); ++i) {
    if (table.column_of_cell[i] == npos) order.push_back(i);
  }
  return order;
}

namespace {

void append_padded(std::string& out, const std::string& s, std::size_t width, Alignment a) {
  const std::size_t w = text::display_width(s);
  const std::size_t pad = width > w ? width - w : 0;
  std::size_t left = 0;
  if (a == Alignment::Right) left = pad;
  if (a == Alignment::Center) left = pad / 2;
  out.append(left, ' ');
  out += s;
  out.append(pad - left, ' ');
}

std::string delimiter_cell(std::size_t width, Alignment a) {
  switch (a) {
    case Alignment::Left: return ":" + std::string(width - 1, '-');
    case Alignment::Right: return std::string(width - 1, '-') + ":";
    case Alignment::Center: return ":" + std::string(width - 2, '-') + ":";
    case Alignment::None: break;
  }
  return std::string(width, '-');
}

}  // namespace

std::string print_table(const Table& table, const Schema& schema, std::string_view eol, bool canonical_values) {
  const std::vector<std::size_t> order = canonical_cell_order(table);
  const std::size_t ncols = order.size();
  std::vector<std::vector<std::string>> grid;  // header first, then rows
  grid.reserve(table.rows.size() + 1);
  std::vector<std::string> header;
  for (std::size_t idx : order) {
    const std::size_t col = table.column_of_cell[idx];
    header.push_back(col != npos ? schema.columns[col].header : table.header.cells[idx].text);
  }
  grid.push_back(std::move(header));
  for (const Row& row : table.rows) {
    std::vector<std::string> cells;
    cells.reserve(ncols);
    for (std::size_t idx : order) {
      const std::size_t col = table.column_of_cell[idx];
      const std::string raw = idx < row.cells.size() ? row.cells[idx].text : std::string();
      cells.push_back(canonical_values ? rules::canonical_cell_text(col != npos ? &schema.columns[col] : nullptr, raw)
                                       : raw);
    }
    grid.push_back(std::move(cells));
  }
  const bool compact = schema.table_style == TableStyle::Compact;
  std::vector<std::size_t> width(ncols, 3);
  std::vector<Alignment> align(ncols, Alignment::None);
  for (std::size_t k = 0; k < ncols; ++k) {
    align[k] = order[k] < table.alignments.size() ? table.alignments[order[k]] : Alignment::None;
    if (compact) continue;
    for (const auto& line : grid) width[k] = std::max(width[k], text::display_width(line[k]));
  }
  std::string out;
  const auto print_line = [&](const std::vector<std::string>& cells) {
    out += "|";
    for (std::size_t k = 0; k < ncols; ++k) {
      out += " ";
      if (compact) {
        out += cells[k];
      } else {
        append_padded(out, cells[k], width[k], align[k]);
      }
      out += cells[k].empty() && compact ? "|" : " |";
    }
  };
  print_line(grid[0]);
  out += eol;
  out += "|";
  for (std::size_t k = 0; k < ncols; ++k) out += " " + delimiter_cell(width[k], align[k]) + " |";
  for (std::size_t r = 1; r < grid.size(); ++r) {
    out += eol;
    print_line(grid[r]);
  }
  return out;
}

}  // namespace mdrisk
