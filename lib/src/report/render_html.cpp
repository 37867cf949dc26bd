// `mdrisk report --format html`: one self-contained page (inline CSS, an
// inline SVG heat map, no scripts, no fonts, images or links to fetch; a
// Content-Security-Policy that forbids loading anything). Every cell of the
// heat map carries its count, its band in words and its risks, so the map
// reads without telling colours apart; the colours (pale blue, light and
// dark orange, from a scale made for colour-blind readers) also differ
// clearly in lightness, so they stay apart in greyscale too, and dark text
// keeps a contrast of at least 4.5:1 on each (tests/report/html_render.py).
#include <algorithm>

#include "base/text.hpp"
#include "mdrisk/report.hpp"
#include "report/scale.hpp"

namespace mdrisk {
namespace {

// Escapes for both HTML text and XML attribute values.
std::string esc(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters are not allowed in XML 1.0.
        if (c < 0x20 && c != '\t' && c != '\n') {
          out += ' ';
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

// At most `n` characters (code points) of a label, "…" when cut.
std::string shorten(std::string_view s, std::size_t n) {
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
  }
  return i < s.size() ? std::string(s.substr(0, i)) + "…" : std::string(s);
}

const char* fill_of(const std::string& band) {
  // Bands above High (Critical, Very High) share its fill; the word in
  // the cell tells them apart.
  if (band == "High" || band == "Critical" || band == "Very High" || band == "Extreme") return "#e66101";
  if (band == "Medium") return "#fdb863";
  if (band == "Low") return "#e0f3f8";
  return "#eeeeee";
}

constexpr int kCellW = 170, kCellH = 96, kLeft = 150, kTop = 40, kBottom = 32;

void svg(std::string& out, const RegisterReport& r, std::size_t index) {
  const std::string id = "heatmap-title-" + std::to_string(index + 1);
  const std::size_t cols = r.impact.values.size(), rows = r.likelihood.values.size();
  const int width = kLeft + static_cast<int>(cols) * kCellW + 10;
  const int height = kTop + static_cast<int>(rows) * kCellH + kBottom;
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" role=\"img\" width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\" aria-labelledby=\"" + id + "\">\n";
  out += "<title id=\"" + id + "\">" +
         esc(r.likelihood.column) + " by " + esc(r.impact.column) + ": number of risks in each cell</title>\n";
  out += "<text x=\"" + std::to_string(kLeft) + "\" y=\"24\" class=\"axis\">" + esc(r.impact.column) + " →</text>\n";
  for (std::size_t row = 0; row < rows; ++row) {
    const std::size_t l = rows - 1 - row;  // highest likelihood on top
    const int y = kTop + static_cast<int>(row) * kCellH;
    out += "<text x=\"" + std::to_string(kLeft - 10) + "\" y=\"" + std::to_string(y + kCellH / 2 + 5) +
           "\" text-anchor=\"end\" class=\"axis\">" + esc(r.likelihood.values[l]) + "</text>\n";
    for (std::size_t i = 0; i < cols; ++i) {
      const int x = kLeft + static_cast<int>(i) * kCellW;
      const auto& cell = r.cells[l][i];
      const std::string band = l < r.cell_bands.size() && i < r.cell_bands[l].size() ? r.cell_bands[l][i] : std::string();
      out += "<g class=\"cell\">";
      std::string all;
      for (std::size_t k = 0; k < cell.size(); ++k) all += (k ? ", " : "") + r.risks[cell[k]].label;
      out += "<title>" + esc(r.likelihood.column) + " " + esc(r.likelihood.values[l]) + ", " + esc(r.impact.column) +
             " " + esc(r.impact.values[i]) + ": " + std::to_string(cell.size()) + (cell.empty() ? "" : " (" + esc(all) + ")") +
             "</title>";
      out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(kCellW) +
             "\" height=\"" + std::to_string(kCellH) + "\" fill=\"" + fill_of(band) + "\" stroke=\"#333333\"/>";
      out += "<text x=\"" + std::to_string(x + 10) + "\" y=\"" + std::to_string(y + 30) + "\" class=\"count\">" +
             std::to_string(cell.size()) + "</text>";
      if (!band.empty()) {
        out += "<text x=\"" + std::to_string(x + kCellW - 8) + "\" y=\"" + std::to_string(y + 18) +
               "\" text-anchor=\"end\" class=\"band\">" + esc(band) + "</text>";
      }
      const std::size_t shown = std::min<std::size_t>(cell.size(), 3);
      for (std::size_t k = 0; k < shown; ++k) {
        std::string label = shorten(r.risks[cell[k]].label, 20);
        if (k == 2 && cell.size() > 3) label = "+" + std::to_string(cell.size() - 2) + " more";
        out += "<text x=\"" + std::to_string(x + 10) + "\" y=\"" + std::to_string(y + 50 + 15 * static_cast<int>(k)) +
               "\" class=\"label\">" + esc(label) + "</text>";
      }
      out += "</g>\n";
    }
  }
  const int bottom = kTop + static_cast<int>(rows) * kCellH;
  for (std::size_t i = 0; i < cols; ++i) {
    const int x = kLeft + static_cast<int>(i) * kCellW + kCellW / 2;
    out += "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(bottom + 20) +
           "\" text-anchor=\"middle\" class=\"axis\">" + esc(r.impact.values[i]) + "</text>\n";
  }
  out += "<text x=\"10\" y=\"24\" class=\"axis\">" + esc(r.likelihood.column) + " ↑</text>\n";
  out += "</svg>\n";
}

void count_table(std::string& out, const std::string& title, const std::vector<ReportCount>& counts) {
  if (counts.empty()) return;
  out += "<table class=\"counts\"><thead><tr><th scope=\"col\">" + esc(title) +
         "</th><th scope=\"col\">Risks</th></tr></thead><tbody>\n";
  for (const ReportCount& c : counts) {
    out += "<tr><td>" + esc(c.value) + "</td><td class=\"n\">" + std::to_string(c.count) + "</td></tr>\n";
  }
  out += "</tbody></table>\n";
}

void top_table(std::string& out, const RegisterReport& r, std::size_t n) {
  const std::vector<std::size_t> order = top_risks(r, n);
  out += "<h3>Top " + std::to_string(n) + " by score</h3>\n";
  out += "<table class=\"top\"><thead><tr><th>#</th><th>Risk</th><th>" + esc(r.likelihood.column) + "</th><th>" +
         esc(r.impact.column) + "</th><th>Score</th><th>Band</th><th>Status</th><th>Owner</th></tr></thead><tbody>\n";
  for (std::size_t k = 0; k < order.size(); ++k) {
    const ReportRisk& risk = r.risks[order[k]];
    std::string name = esc(risk.label);
    if (risk.label != risk.name) name += " " + esc(risk.name);
    out += "<tr><td class=\"n\">" + std::to_string(k + 1) + "</td><td>" + name + "</td><td>" + esc(risk.likelihood) +
           "</td><td>" + esc(risk.impact) + "</td><td class=\"n\">" + std::to_string(risk.score) + "</td><td>" +
           esc(risk.band) + "</td><td>" + esc(risk.status) + "</td><td>" + esc(risk.owner) + "</td></tr>\n";
  }
  out += "</tbody></table>\n";
}

}  // namespace

std::string render_report_html(const ReportSet& set, const ReportRenderOptions& options) {
  const std::vector<RegisterReport> reports = set.all();
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Risk report: " +
      esc(reports.empty() ? std::string() : reports.front().name) +
      "</title>\n<style>\n"
      "body{font-family:sans-serif;margin:24px;color:#111;background:#fff}\n"
      "section{margin-bottom:40px}\n"
      "table{border-collapse:collapse;margin:8px 24px 16px 0;display:inline-table;vertical-align:top}\n"
      "th,td{border:1px solid #999;padding:3px 8px;text-align:left}\n"
      "td.n{text-align:right}\n"
      ".heatmap .count{font-size:24px;font-weight:bold}\n"
      ".heatmap .band{font-size:12px;font-style:italic}\n"
      ".heatmap .label{font-size:12px}\n"
      ".heatmap .axis{font-size:14px;font-weight:bold}\n"
      ".heatmap text{font-family:sans-serif;fill:#111}\n"
      "</style>\n</head>\n<body>\n";
  for (std::size_t index = 0; index < reports.size(); ++index) {
    const RegisterReport& r = reports[index];
    out += "<section>\n<h2>Risk report: " + esc(r.name) + "</h2>\n<p>" + std::to_string(r.risks.size()) +
           (r.risks.size() == 1 ? " risk" : " risks");
    if (r.unrated > 0) out += ", " + std::to_string(r.unrated) + " without a likelihood or impact";
    out += ".</p>\n";
    if (!r.likelihood.values.empty() && !r.impact.values.empty()) {
      out += "<h3>" + esc(r.likelihood.column) + " × " + esc(r.impact.column) + "</h3>\n";
      svg(out, r, index);
    }
    out += "<h3>Counts</h3>\n<div>\n";
    count_table(out, "Status", r.by_status);
    count_table(out, "Band", r.by_band);
    count_table(out, "Owner", r.by_owner);
    count_table(out, "Group", r.by_group);
    out += "</div>\n";
    if (r.max_score > 0) top_table(out, r, options.top);
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace mdrisk
