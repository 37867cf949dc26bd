// The main run: read each file, lint or fix it, then report.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "mdrisk/diff.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/output.hpp"

namespace mdrisk::cli {

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

void print_error(const std::string& file, const std::string& message) {
  std::fprintf(stderr, "mdrisk: %s: %s\n", file.c_str(), message.c_str());
}

namespace {

// One file, start to finish.
struct FileOutcome {
  int exit_code = kExitClean;
  std::optional<mdrisk::SourceFile> shown;  // the text the diagnostics point into
  std::vector<mdrisk::Diagnostic> diagnostics;
  std::size_t fixed = 0;
};

FileOutcome process(const std::string& path, const Options& opt, const mdrisk::LintOptions& lint) {
  FileOutcome out;
  const bool from_stdin = path == "-";
  const std::size_t limit = opt.max_file_size_mib << 20;
  auto source = from_stdin ? mdrisk::read_stdin(opt.stdin_filename, limit) : mdrisk::read_source(path, limit);
  if (!source) {
    print_error(from_stdin ? opt.stdin_filename : path, source.error().message);
    out.exit_code = kExitError;
    return out;
  }
  spdlog::debug("{}: {} bytes, {} lines", source->name(), source->bytes().size(), source->line_count());

  if (!opt.fix && !opt.diff) {
    out.diagnostics = mdrisk::lint(*source, lint);
    out.shown = std::move(*source);
    return out;
  }

  mdrisk::FixOptions fix_options;
  fix_options.unsafe = opt.unsafe_fixes;
  auto fixed = mdrisk::fix_source(*source, lint, fix_options);
  if (!fixed) {
    print_error(source->name(), fixed.error().message);
    out.exit_code = kExitError;
    return out;
  }
  spdlog::debug("{}: {} fixes in {} passes", source->name(), fixed->fixes_applied, fixed->passes);
  if (opt.diff) {
    const std::string d = mdrisk::unified_diff(source->name(), source->bytes(), fixed->output);
    write_out(d);
    out.exit_code = d.empty() ? kExitClean : kExitFindings;
    return out;
  }
  out.fixed = fixed->fixes_applied;
  if (from_stdin) {
    write_out(fixed->output);
  } else if (fixed->changed()) {
    auto written = mdrisk::write_atomic(path, fixed->output);
    if (!written) {
      print_error(path, written.error().message);
      out.exit_code = kExitError;
      return out;
    }
  }
  out.diagnostics = std::move(fixed->remaining);
  auto shown = mdrisk::SourceFile::from_bytes(source->name(), std::move(fixed->output));
  if (shown) out.shown = std::move(*shown);
  return out;
}

}  // namespace

int run_lint(const Options& opt, const mdrisk::LintOptions& lint) {
  int exit_code = kExitClean;
  mdrisk::Totals totals;
  std::vector<FileOutcome> outcomes;
  const bool document_on_stdout = opt.fix && !opt.diff && opt.files.size() == 1 && opt.files[0] == "-";
  for (const auto& path : opt.files) {
    FileOutcome o = process(path, opt, lint);
    exit_code = std::max(exit_code, o.exit_code);
    if (o.exit_code == kExitError) continue;
    ++totals.files;
    totals.fixed += o.fixed;
    for (const auto& d : o.diagnostics) {
      (d.severity == mdrisk::Severity::Error ? totals.errors : totals.warnings)++;
      if (d.fix && d.fix->applicability == mdrisk::Applicability::Safe) ++totals.fixable;
      if (d.severity == mdrisk::Severity::Error && !opt.diff) exit_code = std::max(exit_code, kExitFindings);
    }
    outcomes.push_back(std::move(o));
  }
  if (opt.diff) return exit_code;

  // With `--fix -` the fixed document owns stdout; findings go to stderr.
  FILE* report_stream = document_on_stdout ? stderr : stdout;
  const auto emit = [&](const std::string& s) { std::fwrite(s.data(), 1, s.size(), report_stream); };
  if (opt.format == "json") {
    std::vector<mdrisk::FileReport> reports;
    for (auto& o : outcomes) {
      if (o.shown) reports.push_back({&*o.shown, o.diagnostics});
    }
    emit(mdrisk::format_json(reports));
  } else {
    if (!opt.quiet) {
      for (auto& o : outcomes) {
        if (o.shown) emit(mdrisk::format_text({&*o.shown, o.diagnostics}));
      }
    }
    if (totals.files > 0) emit(mdrisk::format_summary(totals));
  }
  return exit_code;
}

}  // namespace mdrisk::cli
