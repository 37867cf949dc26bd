#include "report/views.hpp"

#include <charconv>

#include "mdrisk/report.hpp"
#include "report/markdown_tables.hpp"

namespace mdrisk::report {
namespace {

std::optional<std::size_t> top_count(const ViewBlock& v) {
  if (v.args.empty()) return kDefaultTop;
  const std::string& a = v.args[0];
  std::size_t n = 0;
  const auto [ptr, ec] = std::from_chars(a.data(), a.data() + a.size(), n);
  if (ec != std::errc() || ptr != a.data() + a.size() || n == 0 || n > kMaxTop) return std::nullopt;
  return n;
}

}  // namespace

std::optional<std::string> view_problem(const ViewBlock& v) {
  if (v.name.empty()) return "a view marker names no view (matrix, counts, top N, summary-table)";
  if (v.name == "top") {
    if (v.args.size() > 1 || !top_count(v)) {
      return "view 'top' takes one number from 1 to " + std::to_string(kMaxTop) + " ('top 5')";
    }
    return std::nullopt;
  }
  if (v.name == "matrix" || v.name == "counts" || v.name == "summary-table") {
    if (!v.args.empty()) return "view '" + v.name + "' takes no arguments";
    return std::nullopt;
  }
  return "unknown view '" + v.name + "' (matrix, counts, top N, summary-table)";
}

std::string view_content(const Tracker& t, const ViewBlock& v, std::string_view eol) {
  std::string body;
  if (v.name == "summary-table") {
    body = summary_table_markdown(t, eol);
  } else {
    const RegisterReport r = build_report(t, t.source ? t.source->name() : std::string());
    if (v.name == "matrix") {
      body = matrix_markdown(r, eol);
      if (body.empty()) body = "No likelihood and impact scales to draw a matrix from." + std::string(eol);
    } else if (v.name == "counts") {
      body = counts_markdown(r, eol);
      if (body.empty()) body = "No status, band or owner to count." + std::string(eol);
    } else if (v.name == "top") {
      body = top_markdown(r, top_count(v).value_or(kDefaultTop), eol);
    }
  }
  return std::string(eol) + body + std::string(eol);
}

}  // namespace mdrisk::report
