// `mdrisk report --format text`: a terminal grid of counts, the risks of
// each cell, the counts and the top list. Colour (when asked for) only
// shades the grid's cells by band; every cell carries its count, so the
// grid reads the same without it.
#include <algorithm>

#include "base/text.hpp"
#include "mdrisk/report.hpp"
#include "report/scale.hpp"

namespace mdrisk {
namespace {

std::string pad(const std::string& s, std::size_t width, bool right = false) {
  const std::size_t w = text::display_width(s);
  const std::string fill(width > w ? width - w : 0, ' ');
  return right ? fill + s : s + fill;
}

// Background for a band: green, yellow, red with black text (readable on
// dark and light terminals alike).
std::string shade(const std::string& band) {
  if (band == "High" || band == "Critical" || band == "Very High" || band == "Extreme") return "\x1b[30;41m";
  if (band == "Medium") return "\x1b[30;43m";
  if (band == "Low") return "\x1b[30;42m";
  return "";
}

void grid(std::string& out, const RegisterReport& r, bool color) {
  std::size_t label_w = text::display_width(r.likelihood.column);
  for (const std::string& v : r.likelihood.values) label_w = std::max(label_w, text::display_width(v));
  std::size_t cell_w = 5;
  for (const std::string& v : r.impact.values) cell_w = std::max(cell_w, text::display_width(v));
  out += pad("", label_w) + "   " + r.impact.column + " →\n";
  out += pad(r.likelihood.column + " ↓", label_w) + " ";
  for (const std::string& v : r.impact.values) out += "  " + pad(v, cell_w);
  out += "\n";
  for (std::size_t l = r.likelihood.values.size(); l-- > 0;) {
    out += pad(r.likelihood.values[l], label_w) + " ";
    for (std::size_t i = 0; i < r.impact.values.size(); ++i) {
      const std::string n = std::to_string(r.cells[l][i].size());
      const std::string band = l < r.cell_bands.size() && i < r.cell_bands[l].size() ? r.cell_bands[l][i] : std::string();
      out += "  ";
      if (color) out += shade(band);
      out += pad(n + " ", cell_w, true);
      if (color) out += "\x1b[0m";
    }
    out += "\n";
  }
  bool any = false;
  for (std::size_t l = r.likelihood.values.size(); l-- > 0;) {
    for (std::size_t i = 0; i < r.impact.values.size(); ++i) {
      const auto& cell = r.cells[l][i];
      if (cell.empty()) continue;
      if (!any) out += "\nRisks per cell (" + r.likelihood.column + " × " + r.impact.column + "):\n";
      any = true;
      out += "  " + r.likelihood.values[l] + " × " + r.impact.values[i] + " (" + std::to_string(cell.size()) + "): ";
      for (std::size_t k = 0; k < cell.size(); ++k) out += (k ? ", " : "") + r.risks[cell[k]].label;
      out += "\n";
    }
  }
}

void counts(std::string& out, const std::string& title, const std::vector<ReportCount>& counts) {
  if (counts.empty()) return;
  std::size_t w = 0;
  for (const ReportCount& c : counts) w = std::max(w, text::display_width(c.value));
  out += "\n" + title + ":\n";
  for (const ReportCount& c : counts) out += "  " + pad(c.value, w) + "  " + pad(std::to_string(c.count), 4, true) + "\n";
}

void top(std::string& out, const RegisterReport& r, std::size_t n) {
  const std::vector<std::size_t> order = top_risks(r, n);
  if (order.empty()) return;
  std::vector<std::vector<std::string>> rows{{"#", "Risk", "Likelihood", "Impact", "Score", "Band", "Status", "Owner"}};
  for (std::size_t k = 0; k < order.size(); ++k) {
    const ReportRisk& risk = r.risks[order[k]];
    rows.push_back({std::to_string(k + 1), risk.label, risk.likelihood, risk.impact, std::to_string(risk.score),
                    risk.band, risk.status, risk.owner});
  }
  std::vector<std::size_t> w(rows[0].size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], text::display_width(row[c]));
  }
  out += "\nTop " + std::to_string(n) + " by score:\n";
  for (const auto& row : rows) {
    std::string line = " ";
    for (std::size_t c = 0; c < row.size(); ++c) line += " " + pad(row[c], w[c], c == 0 || c == 4);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
}

// Control characters (ESC above all) from the document never reach the
// terminal: they are written as '?'.
std::string clean(std::string s) {
  for (char& c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) c = '?';
  }
  return s;
}

RegisterReport cleaned(RegisterReport r) {
  r.name = clean(r.name);
  for (ReportRisk& k : r.risks) {
    for (std::string* f : {&k.label, &k.name, &k.likelihood, &k.impact, &k.status, &k.owner, &k.group, &k.band}) {
      *f = clean(*f);
    }
  }
  for (auto* axis : {&r.likelihood, &r.impact}) {
    axis->column = clean(axis->column);
    for (std::string& v : axis->values) v = clean(v);
  }
  for (auto* list : {&r.by_status, &r.by_band, &r.by_owner, &r.by_group}) {
    for (ReportCount& c : *list) c.value = clean(c.value);
  }
  return r;
}

}  // namespace

std::string render_report_text(const ReportSet& set, const ReportRenderOptions& options) {
  std::string out;
  for (const RegisterReport& dirty : set.all()) {
    const RegisterReport r = cleaned(dirty);
    if (!out.empty()) out += "\n";
    out += "== " + r.name + ": " + std::to_string(r.risks.size()) + (r.risks.size() == 1 ? " risk" : " risks");
    if (r.unrated > 0) out += ", " + std::to_string(r.unrated) + " without a likelihood or impact";
    out += "\n";
    if (!r.likelihood.values.empty() && !r.impact.values.empty()) {
      out += "\n";
      grid(out, r, options.color);
    }
    counts(out, "Status", r.by_status);
    counts(out, "Band", r.by_band);
    counts(out, "Owner", r.by_owner);
    counts(out, "Group", r.by_group);
    if (r.max_score > 0) top(out, r, options.top);
  }
  // No line ends in padding.
  std::string trimmed;
  std::size_t begin = 0;
  while (begin < out.size()) {
    std::size_t end = out.find('\n', begin);
    if (end == std::string::npos) end = out.size();
    std::size_t last = end;
    while (last > begin && out[last - 1] == ' ') --last;
    trimmed.append(out, begin, last - begin);
    if (end < out.size()) trimmed += '\n';
    begin = end + 1;
  }
  return trimmed;
}

}  // namespace mdrisk
