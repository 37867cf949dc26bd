#pragma once
// Reports drawn from a register: the likelihood × impact matrix, counts by
// status, band, owner and table group, and the risks ranked by score. The
// model is computed from a Tracker; renderers turn it into text (a terminal
// grid), Markdown, one self-contained HTML page or JSON. Everything returns
// strings: printing is the caller's job.
#include <cstddef>
#include <string>
#include <vector>

#include "mdrisk/tracker.hpp"

namespace mdrisk {

// One register row (or, with `register = "entries"`, one entry) as a report
// reads it: values in their canonical spelling, empty when not given.
struct ReportRisk {
  std::string label;   // the ID when the register has one, else the name
  std::string name;
  std::string file;    // the file it comes from (its report's name)
  std::size_t line = 0;
  std::string likelihood, impact, status, owner, group, band;
  // The values' numbers on their scales (mdrisk/scoring.hpp; without a
  // scale, 1 for the lowest allowed value); 0 = not rated.
  std::size_t likelihood_rank = 0, impact_rank = 0;
  // The register's configured score (score column or formula) when it has
  // one, else likelihood_rank × impact_rank; 0 = not rated.
  std::size_t score = 0;
  bool rated() const { return likelihood_rank != 0 && impact_rank != 0; }
};

// An axis of the matrix: the column's allowed values, lowest first.
struct ReportAxis {
  std::string column;               // the column's header ("Likelihood"); empty when the register has none
  std::vector<std::string> values;  // lowest first
};

struct ReportCount {
  std::string value;  // "(none)" for rows without one
  std::size_t count = 0;
};

struct RegisterReport {
  std::string name;  // the file name, or "all files" for a combined report
  std::vector<ReportRisk> risks;  // document order
  ReportAxis likelihood, impact;
  // cells[l][i]: indices into `risks` rated likelihood value l, impact value i.
  std::vector<std::vector<std::vector<std::size_t>>> cells;
  // cell_bands[l][i]: the band of the cell's score (configured bands, else
  // report::band_of), for shading.
  std::vector<std::vector<std::string>> cell_bands;
  std::size_t unrated = 0;  // risks missing a likelihood or impact
  // Counts in the order of the column's allowed values, then others seen;
  // owners and groups in order of first appearance.
  std::vector<ReportCount> by_status, by_band, by_owner, by_group;
  std::size_t max_score = 0;  // the highest score the axes allow (0: no matrix)
};

// The report of one register. `name` is what the report calls it (the file).
RegisterReport build_report(const Tracker& tracker, const std::string& name);

// One report over several: the risks of all, in order; each axis is the
// first report's values, followed by values only later ones have.
RegisterReport combine_reports(const std::vector<RegisterReport>& reports);

// The `top` risks by score, highest first (ties in document order); unrated
// risks are never in it.
std::vector<std::size_t> top_risks(const RegisterReport& report, std::size_t top);

struct ReportRenderOptions {
  std::size_t top = 10;   // how many risks the top list shows
  bool color = false;     // text: ANSI colours
};

// A report of several files: the combined report first (only when there is
// more than one file), then one per file.
struct ReportSet {
  std::vector<RegisterReport> files;
  std::vector<RegisterReport> all() const;  // [combined] + files
};

std::string render_report_text(const ReportSet& set, const ReportRenderOptions& options);
std::string render_report_markdown(const ReportSet& set, const ReportRenderOptions& options);
std::string render_report_html(const ReportSet& set, const ReportRenderOptions& options);
std::string render_report_json(const ReportSet& set, const ReportRenderOptions& options);

}  // namespace mdrisk
