// `mdrisk report --format markdown`: one section per report, for a pull
// request comment.
#include "mdrisk/report.hpp"
#include "report/markdown_tables.hpp"

namespace mdrisk {

std::string render_report_markdown(const ReportSet& set, const ReportRenderOptions& options) {
  std::string out;
  for (const RegisterReport& r : set.all()) {
    if (!out.empty()) out += "\n";
    out += "## Risk report: " + report::cell_text(r.name) + "\n\n";
    out += std::to_string(r.risks.size()) + (r.risks.size() == 1 ? " risk" : " risks");
    if (r.unrated > 0) out += ", " + std::to_string(r.unrated) + " without a likelihood or impact";
    out += ".\n";
    const std::string matrix = report::matrix_markdown(r, "\n");
    if (!matrix.empty()) out += "\n### Likelihood × impact\n\n" + matrix;
    const std::string counts = report::counts_markdown(r, "\n");
    if (!counts.empty()) out += "\n### Counts\n\n" + counts;
    if (r.max_score > 0) {
      out += "\n### Top " + std::to_string(options.top) + " by score\n\n" + report::top_markdown(r, options.top, "\n");
    }
  }
  return out;
}

}  // namespace mdrisk
