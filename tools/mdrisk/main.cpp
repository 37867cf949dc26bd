// mdrisk: the command-line front end. Argument parsing, reading files,
// printing. All checking and fixing is in the library.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <string>
#include <vector>

#include "mdrisk/diff.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "mdrisk/rule_info.hpp"

namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct Options {
  std::vector<std::string> files;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool quiet = false;
  bool verbose = false;
  std::string format = "text";
  std::string stdin_filename = "<stdin>";
  std::vector<std::string> select, ignore;
  std::size_t max_file_size_mib = mdrisk::kDefaultMaxFileSize >> 20;
};

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

void print_error(const std::string& file, const std::string& message) {
  std::fprintf(stderr, "mdrisk: %s: %s\n", file.c_str(), message.c_str());
}

// One file, start to finish. Returns its exit code.
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
  out.fixed = fixed->problems_fixed;
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

int list_rules() {
  for (const auto& r : mdrisk::rule_catalog()) {
    write_out(fmt::format("{}  {:<28} {:<8} {}{}\n", r.code, r.name, mdrisk::severity_name(r.severity), r.summary,
                          r.fixable ? " (fixable)" : ""));
  }
  return kExitClean;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"mdrisk: lint and canonicalise Markdown risk trackers.", "mdrisk"};
  app.set_version_flag("--version", std::string("mdrisk ") + MDRISK_VERSION);
  app.add_option("files", opt.files, "Tracker files to check ('-' reads standard input)");
  app.add_flag("--fix", opt.fix, "Apply safe fixes in place ('-': print the fixed document)");
  app.add_flag("--unsafe-fixes", opt.unsafe_fixes, "Also apply unsafe fixes (implies --fix unless --diff)");
  app.add_flag("--diff", opt.diff, "Print a unified diff of what --fix would change; write nothing");
  app.add_option("--format", opt.format, "Output format")->check(CLI::IsMember({"text", "json"}));
  app.add_option("--select", opt.select, "Only run rules whose code starts with one of these (e.g. MR2,MR301)")
      ->delimiter(',');
  app.add_option("--ignore", opt.ignore, "Skip rules whose code starts with one of these")->delimiter(',');
  app.add_option("--stdin-filename", opt.stdin_filename, "Name shown for standard input");
  app.add_option("--max-file-size", opt.max_file_size_mib, "Refuse files larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  app.add_flag("-q,--quiet", opt.quiet, "Print only the summary line");
  app.add_flag("-v,--verbose", opt.verbose, "Log what mdrisk does to standard error");
  auto* rules_cmd = app.add_subcommand("rules", "List every rule with its code, name and summary");
  std::string rule_code;
  auto* rule_cmd = app.add_subcommand("rule", "Explain one rule");
  rule_cmd->add_option("code", rule_code, "Rule code or name, e.g. MR201 or missing-entry")->required();
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitError;
  }

  auto logger = spdlog::stderr_color_mt("mdrisk");
  spdlog::set_default_logger(logger);
  spdlog::set_level(opt.verbose ? spdlog::level::debug : spdlog::level::warn);

  if (rules_cmd->parsed()) return list_rules();
  if (rule_cmd->parsed()) {
    const auto* r = mdrisk::find_rule(rule_code);
    if (!r) {
      std::fprintf(stderr, "mdrisk: unknown rule '%s' (see `mdrisk rules`)\n", rule_code.c_str());
      return kExitError;
    }
    write_out(fmt::format("{} {}: {}\nseverity: {}; fixable: {}\n", r->code, r->name, r->summary,
                          mdrisk::severity_name(r->severity), r->fixable ? "yes" : "no"));
    return kExitClean;
  }
  if (opt.files.empty()) {
    std::fprintf(stderr, "mdrisk: no files given (try `mdrisk --help`)\n");
    return kExitError;
  }
  if (opt.unsafe_fixes && !opt.diff) opt.fix = true;
  for (const auto& code : opt.select) {
    if (!mdrisk::find_rule(code) && code != "ALL" && code.rfind("MR", 0) != 0) {
      std::fprintf(stderr, "mdrisk: --select: unknown rule code '%s'\n", code.c_str());
      return kExitError;
    }
  }

  mdrisk::LintOptions lint;
  lint.rules.select = opt.select;
  lint.rules.ignore = opt.ignore;

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
