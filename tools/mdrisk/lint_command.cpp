// The main run: find the files, lint or fix each one (in parallel, each
// worker on its own files), then report in path order. Workers never print:
// everything a file produces is buffered in its FileOutcome, so the output
// is byte-identical whatever -j is.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "commands.hpp"
#include "gather_files.hpp"
#include "mdrisk/baseline.hpp"
#include "mdrisk/diff.hpp"
#include "mdrisk/discover.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/output.hpp"
#include "rule_docs.hpp"

namespace mdrisk::cli {

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

int write_to_output(const Options& opt, const std::string& text) {
  if (opt.output_file.empty()) {
    write_out(text);
    return kExitClean;
  }
  FILE* f = std::fopen(opt.output_file.c_str(), "wb");
  if (!f) {
    print_error(opt.output_file, "cannot open for writing");
    return kExitError;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    print_error(opt.output_file, "cannot write");
    return kExitError;
  }
  return kExitClean;
}

void print_error(const std::string& file, const std::string& message) {
  std::fprintf(stderr, "mdrisk: %s: %s\n", mdrisk::printable_name(file).c_str(), message.c_str());
}

void usage_error(const std::string& message) {
  std::string one_line = message;
  for (char& c : one_line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  while (!one_line.empty() && one_line.back() == ' ') one_line.pop_back();
  std::fprintf(stderr, "mdrisk: %s (see `mdrisk --help`)\n", one_line.c_str());
}

namespace {

// One file, start to finish.
struct FileOutcome {
  int exit_code = kExitClean;
  std::optional<mdrisk::SourceFile> shown;  // the text the diagnostics point into
  std::vector<mdrisk::Diagnostic> diagnostics;
  std::size_t fixed = 0;
  std::string out;  // for stdout: a diff, or the fixed document of `--fix -`
  std::string err;  // for stderr: "mdrisk: FILE: problem"
};

// The name a diff shows for a file: `git apply` and `patch -p1` take paths
// relative to where they run, so a path under the working directory is made
// relative to it, and any other absolute path loses its leading '/' (apply
// it from '/'); "a//abs/path" would be refused by both.
std::string diff_name(const std::string& name) {
  namespace fs = std::filesystem;
  if (name.empty() || name.front() != '/') return name.starts_with("./") ? name.substr(2) : name;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path rel = fs::path(name).lexically_normal().lexically_relative(cwd);
  const std::string r = rel.generic_string();
  if (!ec && !r.empty() && r != "." && !r.starts_with("..")) return r;
  std::size_t i = 0;
  while (i < name.size() && name[i] == '/') ++i;
  return name.substr(i);
}

void fail(FileOutcome& out, const std::string& file, const std::string& message) {
  out.err += fmt::format("mdrisk: {}: {}\n", mdrisk::printable_name(file), message);
  out.exit_code = kExitError;
}

// Standard input, read once before discovery (--force-exclude with
// --stdin-filename filters it by its content), then linted like a file.
using StdinSource = std::optional<mdrisk::Result<mdrisk::SourceFile>>;

FileOutcome process_file(const std::string& path, const Options& opt, const mdrisk::LintOptions& lint,
                         const StdinSource& stdin_source) {
  FileOutcome out;
  const bool from_stdin = path == "-";
  const std::size_t limit = opt.max_file_size_mib << 20;
  mdrisk::FileStamp stamp;
  auto source = from_stdin ? *stdin_source : mdrisk::read_source(path, limit, &stamp);
  if (!source) {
    fail(out, from_stdin ? opt.stdin_filename : path, source.error().message);
    return out;
  }
  spdlog::debug("{}: {} bytes, {} lines", source->name(), source->bytes().size(), source->line_count());

  if (!opt.fix && !opt.diff) {
    try {
      out.diagnostics = mdrisk::lint(*source, lint);
    } catch (const mdrisk::InputRefused& refused) {
      fail(out, source->name(), refused.error().message);
      return out;
    }
    out.shown = std::move(*source);
    return out;
  }

  mdrisk::FixOptions fix_options;
  fix_options.unsafe = opt.unsafe_fixes;
  fix_options.max_output_bytes = limit;
  auto fixed = mdrisk::fix_source(*source, lint, fix_options);
  if (!fixed) {
    fail(out, source->name(), fixed.error().message);
    return out;
  }
  spdlog::debug("{}: {} fixes in {} passes", source->name(), fixed->fixes_applied, fixed->passes);
  if (opt.diff) {
    out.out = mdrisk::unified_diff(diff_name(source->name()), source->bytes(), fixed->output);
    out.exit_code = out.out.empty() ? kExitClean : kExitFindings;
    return out;
  }
  out.fixed = fixed->problems_fixed;
  if (from_stdin) {
    out.out = std::move(fixed->output);
  } else if (fixed->changed()) {
    auto written = mdrisk::write_atomic(path, fixed->output, &stamp);
    if (!written) {
      fail(out, path, written.error().message);
      return out;
    }
  }
  out.diagnostics = std::move(fixed->remaining);
  if (!fixed->changed()) {  // the findings point into the input itself: no second validation
    out.shown = std::move(*source);
    return out;
  }
  out.shown = std::move(fixed->output_file);  // validated by the fix loop's last pass
  return out;
}

// The last resort: whatever escapes the library (it should not) is one
// line for that file, exit 2, never an abort that loses every other file's
// report. Memory runs out first in the Markdown parser, whose every node is
// a separate allocation; the input guard keeps known inputs far from that.
FileOutcome process(const std::string& path, const Options& opt, const mdrisk::LintOptions& lint,
                    const StdinSource& stdin_source) {
  const std::string name = path == "-" ? opt.stdin_filename : path;
  try {
    return process_file(path, opt, lint, stdin_source);
  } catch (const std::bad_alloc&) {
    FileOutcome out;
    fail(out, name, "out of memory while checking this file; nothing was written");
    return out;
  } catch (const std::exception& e) {
    FileOutcome out;
    fail(out, name, std::string("internal error: ") + e.what() + "; nothing was written");
    return out;
  }
}

unsigned worker_count(const Options& opt, std::size_t files) {
  unsigned n = opt.jobs != 0 ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(n, std::max<std::size_t>(files, 1)));
}

// Every file, on `jobs` threads; results in the order of `files`.
// `lint[i]` is file i's configuration, resolved before any thread starts.
std::vector<FileOutcome> process_all(const std::vector<std::string>& files, const Options& opt,
                                     const std::vector<const mdrisk::LintOptions*>& lint,
                                     const StdinSource& stdin_source) {
  std::vector<FileOutcome> outcomes(files.size());
  const unsigned n = worker_count(opt, files.size());
  spdlog::debug("{} files on {} threads", files.size(), n);
  if (n <= 1) {
    for (std::size_t i = 0; i < files.size(); ++i) outcomes[i] = process(files[i], opt, *lint[i], stdin_source);
    return outcomes;
  }
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) outcomes[i] = process(files[i], opt, *lint[i], stdin_source);
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < n; ++t) threads.emplace_back(work);
  for (auto& t : threads) t.join();
  return outcomes;
}

bool use_color(const Options& opt, FILE* stream) {
  if (opt.color == "always") return true;
  if (opt.color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(::fileno(stream)) == 1;
}

// The report in the chosen format; with no reports, each format's empty
// report (an empty array, a SARIF log with no results, ...), so that a CI
// step that uploads it always has a valid file.
std::string format_report(const Options& opt, const std::vector<mdrisk::FileReport>& reports,
                          const mdrisk::Totals& totals, FILE* stream) {
  if (opt.statistics) {
    if (opt.format == "json") return mdrisk::format_statistics_json(reports);
    std::string out = mdrisk::format_statistics(reports);
    if (totals.files > 0 && !opt.quiet) out += mdrisk::format_summary(totals);
    return out;
  }
  if (opt.format == "json") return mdrisk::format_json(reports);
  if (opt.format == "json-lines") return mdrisk::format_json_lines(reports);
  if (opt.format == "github") return mdrisk::format_github(reports);
  if (opt.format == "gitlab") return mdrisk::format_gitlab(reports);
  if (opt.format == "junit") return mdrisk::format_junit(reports);
  if (opt.format == "rdjson") return mdrisk::format_rdjson(reports, MDRISK_RULE_DOCS_URL);
  if (opt.format == "sarif") {
    mdrisk::SarifOptions sarif;
    sarif.tool_version = MDRISK_VERSION;
    sarif.rule_help_base_uri = MDRISK_RULE_DOCS_URL;
    sarif.rule_help = [](std::string_view code) { return std::string(rule_doc(code)); };
    return mdrisk::format_sarif(reports, sarif);
  }
  std::string out;
  const mdrisk::TextStyle style{use_color(opt, stream)};
  for (const auto& r : reports) out += opt.format == "concise" ? mdrisk::format_concise(r) : mdrisk::format_text(r, style);
  if (totals.files > 0 && !opt.quiet) out += mdrisk::format_summary(totals);
  return out;
}

// Writes the report to -o FILE or the stream; false (and a message) when the file cannot be written.
bool write_report(const Options& opt, const std::vector<mdrisk::FileReport>& reports, const mdrisk::Totals& totals,
                  FILE* stream) {
  if (!opt.output_file.empty()) {
    stream = std::fopen(opt.output_file.c_str(), "wb");
    if (!stream) {
      print_error(opt.output_file, "cannot open for writing");
      return false;
    }
  }
  const std::string text = format_report(opt, reports, totals, stream);
  std::fwrite(text.data(), 1, text.size(), stream);
  if (!opt.output_file.empty() && std::fclose(stream) != 0) {
    print_error(opt.output_file, "cannot write");
    return false;
  }
  return true;
}

// A path as a baseline stores it: relative to the baseline file's folder.
std::string baseline_key(const std::string& name, const std::string& baseline_file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path base = fs::absolute(fs::path(baseline_file), ec).parent_path().lexically_normal();
  return fs::absolute(fs::path(name), ec).lexically_normal().lexically_relative(base).generic_string();
}

bool read_text(const std::string& path, std::string& out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  const bool ok = std::ferror(f) == 0;
  std::fclose(f);
  return ok;
}

bool write_text(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return false;
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

int show_files(const mdrisk::Discovered& found) {
  std::string out;
  for (const auto& f : found.files) out += f + "\n";
  for (const auto& s : found.skipped) out += fmt::format("skipped: {} ({})\n", s.path, s.reason);
  write_out(out);
  return kExitClean;
}

int show_settings(const Options& opt, ConfigResolver& configs) {
  auto resolved = configs.for_file(opt.show_settings);
  if (!resolved) {
    std::fprintf(stderr, "mdrisk: %s\n", resolved.error().message.c_str());
    return kExitError;
  }
  const mdrisk::Config& cfg = *resolved->config;
  std::string out = fmt::format("# settings for {}\n# config: {} ({})\n", opt.show_settings,
                                cfg.path.empty() ? "none" : cfg.path, resolved->why);
  for (const auto& e : cfg.extends) out += fmt::format("# extends: {}\n", e);
  for (const auto& s : cfg.settings) out += fmt::format("{} = {}  # {}\n", s.key, s.value, s.origin);
  if (!cfg.max_warnings) out += "rules.max-warnings = (not set: warnings never fail)  # built-in default\n";
  // What the command line changes on top.
  const auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "\"" : ", \"") + x + "\"";
    return "[" + s + "]";
  };
  if (!opt.select.empty()) out += fmt::format("rules.select = {}  # command line (--select)\n", list(opt.select));
  if (!opt.ignore.empty()) out += fmt::format("rules.ignore += {}  # command line (--ignore)\n", list(opt.ignore));
  if (resolved->lint != &cfg.lint) {
    out += fmt::format("# rules.ignore for this file (with per-file-ignores) = {}\n", list(resolved->lint->rules.ignore));
  }
  if (opt.max_warnings) out += fmt::format("rules.max-warnings = {}  # command line (--max-warnings)\n", *opt.max_warnings);
  write_out(out);
  return kExitClean;
}

}  // namespace

int run_lint(const Options& opt, ConfigResolver& configs) {
  if (!opt.show_settings.empty()) return show_settings(opt, configs);
  // Standard input is read up front: --force-exclude with --stdin-filename
  // filters it by name and content, as a file on disk would be.
  StdinSource stdin_source;
  if (std::find(opt.files.begin(), opt.files.end(), "-") != opt.files.end()) {
    stdin_source = mdrisk::read_stdin(opt.stdin_filename, opt.max_file_size_mib << 20);
  }
  // The walk, and --max-warnings from config, use the configuration of the working directory.
  auto found = gather_files(opt.files, opt, configs, FileOrder::by_path,
                            stdin_source && *stdin_source ? &(*stdin_source)->bytes() : nullptr);
  if (!found) {
    std::fprintf(stderr, "mdrisk: %s\n", found.error().message.c_str());
    return kExitError;
  }
  const mdrisk::Config& here_cfg = *found->walk_config;
  if (opt.show_files) return show_files(found->found);
  const std::vector<std::string>& files = found->found.files;
  if (std::count(files.begin(), files.end(), "-") > 0 && files.size() > 1 && opt.fix && !opt.diff) {
    std::fprintf(stderr, "mdrisk: '--fix -' reads one document; give no other files\n");
    return kExitError;
  }

  std::vector<const mdrisk::LintOptions*> lint;
  for (const auto& f : files) {
    auto cfg = configs.for_file(f);
    if (!cfg) {
      std::fprintf(stderr, "mdrisk: %s\n", cfg.error().message.c_str());
      return kExitError;
    }
    spdlog::debug("{}: config {} ({})", f == "-" ? opt.stdin_filename : f,
                  cfg->config->path.empty() ? "built-in defaults" : cfg->config->path, cfg->why);
    lint.push_back(cfg->lint);
  }
  // --base: each file's options carry its own previous version.
  std::deque<mdrisk::LintOptions> with_history;
  if (!opt.base.empty()) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      auto previous = previous_for(files[i], opt.base, *lint[i], opt.max_file_size_mib << 20);
      if (!previous) {
        print_error(files[i] == "-" ? opt.stdin_filename : files[i], previous.error().message);
        return kExitError;
      }
      with_history.push_back(*lint[i]);
      with_history.back().previous = std::move(*previous);
      lint[i] = &with_history.back();
    }
  }
  mdrisk::Baseline baseline;
  if (!opt.baseline.empty()) {
    std::string text;
    if (!read_text(opt.baseline, text)) {
      print_error(opt.baseline, "cannot read the baseline");
      return kExitError;
    }
    auto parsed = mdrisk::parse_baseline(text);
    if (!parsed) {
      print_error(opt.baseline, parsed.error().message);
      return kExitError;
    }
    baseline = std::move(*parsed);
  }
  std::vector<FileOutcome> outcomes = process_all(files, opt, lint, stdin_source);

  int exit_code = kExitClean;
  mdrisk::Totals totals;
  const bool document_on_stdout = opt.fix && !opt.diff && files.size() == 1 && files[0] == "-";
  std::vector<mdrisk::FileReport> reports;
  std::size_t baselined = 0;
  for (auto& o : outcomes) {
    write_out(o.out);
    std::fwrite(o.err.data(), 1, o.err.size(), stderr);
    exit_code = std::max(exit_code, o.exit_code);
    if (o.exit_code == kExitError || !o.shown) continue;
    mdrisk::FileReport report{&*o.shown, std::move(o.diagnostics)};
    if (!opt.baseline.empty()) {
      baselined += mdrisk::apply_baseline(baseline, baseline_key(o.shown->name(), opt.baseline), report);
    }
    ++totals.files;
    totals.fixed += o.fixed;
    for (const auto& d : report.diagnostics) {
      (d.severity == mdrisk::Severity::Error ? totals.errors : totals.warnings)++;
      if (d.fix && d.fix->applicability == mdrisk::Applicability::Safe) ++totals.fixable;
    }
    reports.push_back(std::move(report));
  }
  if (opt.diff) return exit_code;
  if (!opt.baseline.empty()) spdlog::debug("{}: {} findings hidden by the baseline", opt.baseline, baselined);

  if (!opt.write_baseline.empty()) {
    std::vector<std::string> keys;
    std::size_t n = 0;
    for (const auto& r : reports) {
      keys.push_back(baseline_key(r.source->name(), opt.write_baseline));
      n += r.diagnostics.size();
    }
    if (!write_text(opt.write_baseline, mdrisk::format_baseline(reports, keys))) {
      print_error(opt.write_baseline, "cannot write the baseline");
      return kExitError;
    }
    if (!opt.quiet) std::fprintf(stderr, "mdrisk: %s: wrote %zu findings\n", opt.write_baseline.c_str(), n);
    return exit_code;  // 0, or 2 when a file could not be read
  }

  if (totals.errors > 0) exit_code = std::max(exit_code, kExitFindings);
  const std::optional<std::size_t> max_warnings = opt.max_warnings ? opt.max_warnings : here_cfg.max_warnings;
  if (max_warnings && totals.warnings > *max_warnings) {
    exit_code = std::max(exit_code, kExitFindings);
    if (!opt.quiet) {
      std::fprintf(stderr, "mdrisk: %zu warning%s (more than --max-warnings %zu)\n", totals.warnings,
                   totals.warnings == 1 ? "" : "s", *max_warnings);
    }
  }
  // Nothing to do is not an error for a hook handed only non-trackers,
  // but a walk that finds nothing deserves a word.
  say_if_nothing_found(found->found, opt);
  // With `--fix -` the fixed document owns stdout; findings go to stderr.
  if (!write_report(opt, reports, totals, document_on_stdout ? stderr : stdout)) return kExitError;
  return exit_code;
}

}  // namespace mdrisk::cli
