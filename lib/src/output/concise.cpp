#include <fmt/format.h>

#include "mdrisk/output.hpp"

namespace mdrisk {

std::string format_concise(const FileReport& report) {
  std::string out;
  for (const Diagnostic& d : report.diagnostics) {
    const Position p = report.source->position_of(d.range.begin);
    fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: {} [{}]\n", printable_name(report.source->name()), p.line, p.column,
                   severity_name(d.severity), d.message, d.code);
  }
  return out;
}

std::string format_summary(const Totals& t) {
  const std::size_t problems = t.errors + t.warnings;
  const auto plural = [](std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::string out;
  if (t.fixed > 0) out += fmt::format("Fixed {}.\n", plural(t.fixed, "problem"));
  if (problems == 0) {
    out += fmt::format("All checks passed ({}).\n", plural(t.files, "file"));
    return out;
  }
  out += fmt::format("Found {} ({}, {}) in {}.\n", plural(problems, "problem"), plural(t.errors, "error"),
                     plural(t.warnings, "warning"), plural(t.files, "file"));
  if (t.fixable > 0) out += fmt::format("{} fixable with `mdrisk --fix`.\n", t.fixable);
  return out;
}

}  // namespace mdrisk
