// JUnit XML (the Ant/Jenkins schema every CI dashboard reads): one
// <testsuite> per file, one failing <testcase> per finding, named after its
// rule and position, and one passing testcase for a file with no findings,
// so that clean files count as passed tests instead of vanishing. No times
// or host names: the report depends only on the findings.
#include <fmt/format.h>

#include "mdrisk/output.hpp"
#include "output/report_path.hpp"

namespace mdrisk {
namespace {

// Attribute- and text-safe XML 1.0: the five entities, and the control
// characters XML 1.0 cannot carry at all replaced by U+FFFD.
std::string xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += "&#9;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

}  // namespace

std::string format_junit(const std::vector<FileReport>& reports) {
  std::size_t tests = 0, failures = 0;
  std::string suites;
  for (const FileReport& report : reports) {
    const SourceFile& src = *report.source;
    const std::string path = xml(output::report_path(src));
    const std::size_t n = report.diagnostics.size();
    tests += n == 0 ? 1 : n;
    failures += n;
    fmt::format_to(std::back_inserter(suites), "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
                   path, n == 0 ? 1 : n, n);
    if (n == 0) fmt::format_to(std::back_inserter(suites), "    <testcase name=\"mdrisk\" classname=\"{}\"/>\n", path);
    for (const Diagnostic& d : report.diagnostics) {
      const Position p = src.position_of(d.range.begin);
      const std::string where = fmt::format("{}:{}:{}", path, p.line, p.column);
      fmt::format_to(std::back_inserter(suites),
                     "    <testcase name=\"{} {} at {}:{}\" classname=\"{}\">\n"
                     "      <failure message=\"{}\" type=\"{}\">{}: {}: {} [{}]</failure>\n"
                     "    </testcase>\n",
                     d.code, d.name, p.line, p.column, path, xml(d.message), severity_name(d.severity), where,
                     severity_name(d.severity), xml(d.message), d.code);
    }
    suites += "  </testsuite>\n";
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mdrisk\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n{}</testsuites>\n",
                     tests, failures, suites);
}

}  // namespace mdrisk
