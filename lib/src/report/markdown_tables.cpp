#include "report/markdown_tables.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "model/canonical.hpp"

namespace mdrisk::report {

std::string markdown_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& right, std::string_view eol) {
  std::vector<std::size_t> width(header.size(), 3);
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = std::max(width[c], text::display_width(header[c]));
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], text::display_width(row[c]));
    }
  }
  const auto is_right = [&](std::size_t c) { return c < right.size() && right[c]; };
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (std::size_t c = 0; c < width.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : std::string();
      const std::string pad(width[c] - std::min(width[c], text::display_width(cell)), ' ');
      out += ' ';
      out += is_right(c) ? pad + cell : cell + pad;
      out += " |";
    }
    out += eol;
    return out;
  };
  std::string out = line(header);
  out += "|";
  for (std::size_t c = 0; c < width.size(); ++c) {
    out += ' ';
    out += is_right(c) ? std::string(width[c] - 1, '-') + ":" : std::string(width[c], '-');
    out += " |";
  }
  out += eol;
  for (const auto& row : rows) out += line(row);
  return out;
}

std::string cell_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == '|') {
      out += "\\|";
    } else {
      out += c;
    }
  }
  return out;
}

std::string cell_summary(const RegisterReport& r, const std::vector<std::size_t>& risks) {
  if (risks.empty()) return "0";
  std::string out = std::to_string(risks.size()) + ":";
  for (std::size_t k = 0; k < risks.size(); ++k) out += (k ? ", " : " ") + cell_text(r.risks[risks[k]].label);
  return out;
}

std::string matrix_markdown(const RegisterReport& r, std::string_view eol) {
  if (r.likelihood.values.empty() || r.impact.values.empty()) return {};
  std::vector<std::string> header{cell_text(r.likelihood.column) + " \\ " + cell_text(r.impact.column)};
  for (const std::string& v : r.impact.values) header.push_back(cell_text(v));
  std::vector<std::vector<std::string>> rows;
  for (std::size_t l = r.likelihood.values.size(); l-- > 0;) {
    std::vector<std::string> row{cell_text(r.likelihood.values[l])};
    for (std::size_t i = 0; i < r.impact.values.size(); ++i) row.push_back(cell_summary(r, r.cells[l][i]));
    rows.push_back(std::move(row));
  }
  return markdown_table(header, rows, {}, eol);
}

std::string counts_markdown(const RegisterReport& r, std::string_view eol) {
  std::string out;
  const auto table = [&](const std::string& title, const std::vector<ReportCount>& counts) {
    if (counts.empty()) return;
    std::vector<std::vector<std::string>> rows;
    for (const ReportCount& c : counts) rows.push_back({cell_text(c.value), std::to_string(c.count)});
    if (!out.empty()) out += eol;
    out += markdown_table({title, "Risks"}, rows, {false, true}, eol);
  };
  table("Status", r.by_status);
  table("Band", r.by_band);
  table("Owner", r.by_owner);
  table("Group", r.by_group);
  return out;
}

std::string top_markdown(const RegisterReport& r, std::size_t n, std::string_view eol) {
  std::vector<std::vector<std::string>> rows;
  const std::vector<std::size_t> top = top_risks(r, n);
  for (std::size_t k = 0; k < top.size(); ++k) {
    const ReportRisk& risk = r.risks[top[k]];
    std::vector<std::string> row{std::to_string(k + 1), cell_text(risk.label)};
    if (risk.label != risk.name) row.back() += " " + cell_text(risk.name);
    row.insert(row.end(), {cell_text(risk.likelihood), cell_text(risk.impact), std::to_string(risk.score),
                           cell_text(risk.band), cell_text(risk.status), cell_text(risk.owner)});
    rows.push_back(std::move(row));
  }
  return markdown_table({"#", "Risk", r.likelihood.column.empty() ? "Likelihood" : cell_text(r.likelihood.column),
                         r.impact.column.empty() ? "Impact" : cell_text(r.impact.column), "Score", "Band", "Status",
                         "Owner"},
                        rows, {true, false, false, false, true}, eol);
}

std::string summary_table_markdown(const Tracker& t, std::string_view eol) {
  const Schema& s = *t.schema;
  const auto value = [&](std::size_t c, std::string_view raw) {
    return cell_text(canonical_cell_text(&s.columns[c], text::trim(raw)));
  };
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header;
  if (t.table) {
    // The register's own table, every column with a value, in schema order.
    std::vector<std::size_t> columns;
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      bool used = c == s.name_column;
      for (std::size_t r = 0; r < t.row_count() && !used; ++r) {
        const Cell* cell = t.cell(r, c);
        used = cell && !cell->text.empty();
      }
      if (!used) continue;
      header.push_back(cell_text(s.columns[c].header));
      columns.push_back(c);
    }
    for (std::size_t r = 0; r < t.row_count(); ++r) {
      std::vector<std::string> row;
      for (std::size_t c : columns) {
        const Cell* cell = t.cell(r, c);
        row.push_back(cell ? value(c, unescape_pipes(cell->text)) : std::string());
      }
      rows.push_back(std::move(row));
    }
    return markdown_table(header, rows, {}, eol);
  }
  // Entries only: the heading's ID and title, then each column some entry
  // gives as a field.
  const bool ids = std::any_of(t.entries.begin(), t.entries.end(), [](const Entry& e) { return !e.id.empty(); });
  const bool id_column = ids && s.id_column == npos;
  const bool title_column = s.name_column == npos || s.name_column >= s.columns.size();
  if (id_column) header.push_back("ID");
  if (title_column) header.push_back("Risk");
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < s.columns.size(); ++c) {
    bool used = c == s.name_column || (ids && c == s.id_column);
    for (const Entry& e : t.entries) {
      for (const ColumnField& f : e.column_fields) used = used || (f.column == c && !f.value.empty());
    }
    if (!used) continue;
    header.push_back(cell_text(s.columns[c].header));
    columns.push_back(c);
  }
  for (const Entry& e : t.entries) {
    const std::string title = cell_text(e.title.empty() ? e.heading.text : e.title);
    std::vector<std::string> row;
    if (id_column) row.push_back(cell_text(e.id));
    if (title_column) row.push_back(title);
    for (std::size_t c : columns) {
      std::string v;
      if (c == s.name_column) {
        v = title;
      } else if (c == s.id_column) {
        v = cell_text(e.id);
      } else {
        for (const ColumnField& f : e.column_fields) {
          if (f.column == c) {
            v = value(c, f.value);
            break;
          }
        }
      }
      row.push_back(std::move(v));
    }
    rows.push_back(std::move(row));
  }
  return markdown_table(header, rows, {}, eol);
}

}  // namespace mdrisk::report
