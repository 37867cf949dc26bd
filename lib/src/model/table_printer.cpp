#include "model/table_printer.hpp"

#include "model/canonical.hpp"
#include "base/text.hpp"

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

std::string delimiter_cell(std::size_t width, Alignment a) {
  switch (a) {
    case Alignment::Left: return ":" + std::string(width - 1, '-');
    case Alignment::Right: return std::string(width - 1, '-') + ":";
    case Alignment::Center: return ":" + std::string(width - 2, '-') + ":";
    case Alignment::None: break;
  }
  return std::string(width, '-');
}

// The delimiter row as written: the line its cells' text points into.
std::string_view written_delimiter(const Table& table) {
  const Row& d = table.delimiter;
  if (d.cells.empty() || d.cells.front().text.empty() || d.range.empty()) return {};
  const Cell& first = d.cells.front();
  return std::string_view(first.text.data() - (first.text_range.begin - d.range.begin), d.range.size());
}

}  // namespace

std::string print_table(const Table& table, const Schema& schema, std::string_view eol, bool canonical_values) {
  const std::vector<std::size_t> order = canonical_cell_order(table);
  const std::size_t ncols = order.size();
  const std::size_t nlines = table.rows.size() + 1;
  // One flat grid of views (header first, then rows) and each cell's display
  // width, computed once: no per-cell string copy, no second width pass.
  // Only a value respelled to its canonical form is stored anew; `respelled`
  // is reserved up front so views into it stay valid.
  std::vector<std::string_view> grid;
  std::vector<std::size_t> cell_width;
  grid.reserve(nlines * ncols);
  cell_width.reserve(nlines * ncols);
  std::vector<std::string> respelled;
  std::size_t with_directive = 0;
  for (const Row& row : table.rows) {
    for (const Cell& c : row.cells) with_directive += c.directive.empty() ? 0 : 1;
  }
  respelled.reserve((canonical_values ? table.rows.size() * ncols : 0) + with_directive);
  for (std::size_t idx : order) {
    const std::size_t col = table.column_of_cell[idx];
    grid.push_back(col != npos ? schema.columns[col].header : table.header.cells[idx].text);
  }
  for (const Row& row : table.rows) {
    for (std::size_t idx : order) {
      const std::size_t col = table.column_of_cell[idx];
      std::string_view cell = idx < row.cells.size() ? std::string_view(row.cells[idx].text) : std::string_view();
      const ColumnSpec* spec = col != npos ? &schema.columns[col] : nullptr;
      if (canonical_values && spec && !spec->allowed.empty()) {
        std::string canonical = canonical_cell_text(spec, std::string(cell));
        if (canonical != cell) {
          respelled.push_back(std::move(canonical));
          cell = respelled.back();
        }
      }
      if (idx < row.cells.size() && !row.cells[idx].directive.empty()) {
        // A row's suppression comment stays after the value it follows.
        respelled.push_back((cell.empty() ? std::string() : std::string(cell) + " ") + std::string(row.cells[idx].directive));
        cell = respelled.back();
      }
      grid.push_back(cell);
    }
  }
  const bool compact = schema.table_style == TableStyle::Compact;
  std::vector<std::size_t> width(ncols, 3);
  std::vector<Alignment> align(ncols, Alignment::None);
  std::size_t line_size = 1;
  for (std::size_t k = 0; k < ncols; ++k) {
    align[k] = order[k] < table.alignments.size() ? table.alignments[order[k]] : Alignment::None;
  }
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const std::size_t w = compact ? 0 : text::display_width(grid[i]);
    cell_width.push_back(w);
    if (!compact) width[i % ncols] = std::max(width[i % ncols], w);
  }
  for (std::size_t k = 0; k < ncols; ++k) line_size += width[k] + 3;
  std::string out;
  out.reserve(compact ? 0 : (nlines + 1) * (line_size + eol.size() + 8));
  const auto print_line = [&](std::size_t line) {
    out += '|';
    for (std::size_t k = 0; k < ncols; ++k) {
      const std::string_view cell = grid[line * ncols + k];
      out += ' ';
      if (compact) {
        out += cell;
      } else {
        const std::size_t w = cell_width[line * ncols + k];
        const std::size_t pad = width[k] > w ? width[k] - w : 0;
        std::size_t left = 0;
        if (align[k] == Alignment::Right) left = pad;
        if (align[k] == Alignment::Center) left = pad / 2;
        out.append(left, ' ');
        out += cell;
        out.append(pad - left, ' ');
      }
      out += cell.empty() && compact ? "|" : " |";
    }
  };
  print_line(0);
  out += eol;
  out += "|";
  switch (schema.delimiter_row) {
    case DelimiterRow::Auto:
      for (std::size_t k = 0; k < ncols; ++k) out += " " + delimiter_cell(compact ? 3 : width[k], align[k]) + " |";
      break;
    case DelimiterRow::Spaced:
      for (std::size_t k = 0; k < ncols; ++k) out += " " + delimiter_cell(align[k] == Alignment::Center ? 5 : 4 - (align[k] == Alignment::None), align[k]) + " |";
      break;
    case DelimiterRow::Tight:
      for (std::size_t k = 0; k < ncols; ++k) out += delimiter_cell(align[k] == Alignment::Center ? 5 : 4 - (align[k] == Alignment::None), align[k]) + "|";
      break;
    case DelimiterRow::HeaderWidth:
    case DelimiterRow::AsWritten: {
      // As wide as the header cell printed above it, spaces included; the
      // author's own row when it may be kept (same columns, same order).
      const std::string_view written = written_delimiter(table);
      bool same_order = true;
      for (std::size_t k = 0; k < ncols; ++k) same_order = same_order && order[k] == k;
      if (schema.delimiter_row == DelimiterRow::AsWritten && same_order && !written.empty()) {
        out.resize(out.size() - 1);
        out += written;
        break;
      }
      for (std::size_t k = 0; k < ncols; ++k) {
        const std::size_t w = (compact ? text::display_width(grid[k]) : width[k]) + 2;
        out += delimiter_cell(std::max<std::size_t>(w, 3), align[k]) + "|";
      }
      break;
    }
  }
  for (std::size_t r = 1; r < nlines; ++r) {
    out += eol;
    print_line(r);
  }
  return out;
}

}  // namespace mdrisk
