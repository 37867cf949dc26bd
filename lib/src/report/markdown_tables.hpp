#pragma once
// The Markdown pieces of a report: the matrix, the counts, the top list and
// a summary table, each one or more GFM tables. The Markdown report and the
// generated views in a document are made of the same pieces, so a view
// shows exactly what `mdrisk report --format markdown` does.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/report.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk::report {

// A GFM table padded to display width; `right[i]` right-aligns column i.
// Cells are written as given (escape pipes before). Every line ends in `eol`.
std::string markdown_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                           const std::vector<bool>& right, std::string_view eol);

// "a | b" -> "a \| b", and line breaks to spaces: text safe in a cell.
std::string cell_text(std::string_view s);

// The risks of a cell, "2: R-001, R-004" ("0" when empty).
std::string cell_summary(const RegisterReport& r, const std::vector<std::size_t>& risks);

// Likelihood rows (highest first) by impact columns (lowest first). Empty
// when the register has no likelihood or impact scale.
std::string matrix_markdown(const RegisterReport& r, std::string_view eol);
// One table per count (status, band, owner, group), blank lines between.
std::string counts_markdown(const RegisterReport& r, std::string_view eol);
// The `n` highest scores.
std::string top_markdown(const RegisterReport& r, std::size_t n, std::string_view eol);
// A table of the register's columns, one row per risk, as the entries say
// them: what a register without a table keeps in sync with `summary-table`.
std::string summary_table_markdown(const Tracker& t, std::string_view eol);

}  // namespace mdrisk::report
