// The main run: find the files, lint or fix each one (in parallel, each
// worker on its own files), then report in path order. Workers never print:
// everything a file produces is buffered in its FileOutcome, so the output
// is byte-identical whatever -j is.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
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
#include "mdrisk/diff.hpp"
#include "mdrisk/discover.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/output.hpp"
#include "rule_docs.hpp"

namespace mdrisk::cli {

void write_out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

void print_error(const std::string& file, const std::string& message) {
  std::fprintf(stderr, "mdrisk: %s: %s\n", mdrisk::printable_name(file).c_str(), message.c_str());
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

void fail(FileOutcome& out, const std::string& file, const std::string& message) {
  out.err += fmt::format("mdrisk: {}: {}\n", mdrisk::printable_name(file), message);
  out.exit_code = kExitError;
}

FileOutcome process_file(const std::string& path, const Options& opt, const mdrisk::LintOptions& lint) {
  FileOutcome out;
  const bool from_stdin = path == "-";
  const std::size_t limit = opt.max_file_size_mib << 20;
  mdrisk::FileStamp stamp;
  auto source =
      from_stdin ? mdrisk::read_stdin(opt.stdin_filename, limit) : mdrisk::read_source(path, limit, &stamp);
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
    out.out = mdrisk::unified_diff(source->name(), source->bytes(), fixed->output);
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
FileOutcome process(const std::string& path, const Options& opt, const mdrisk::LintOptions& lint) {
  const std::string name = path == "-" ? opt.stdin_filename : path;
  try {
    return process_file(path, opt, lint);
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
                                     const std::vector<const mdrisk::LintOptions*>& lint) {
  std::vector<FileOutcome> outcomes(files.size());
  const unsigned n = worker_count(opt, files.size());
  spdlog::debug("{} files on {} threads", files.size(), n);
  if (n <= 1) {
    for (std::size_t i = 0; i < files.size(); ++i) outcomes[i] = process(files[i], opt, *lint[i]);
    return outcomes;
  }
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) outcomes[i] = process(files[i], opt, *lint[i]);
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

std::string folder_of(const std::string& path) {
  std::error_code ec;
  return std::filesystem::absolute(path, ec).parent_path().string();
}

// The working directory relative to `root`, as a glob prefix ("" when equal).
std::string glob_prefix(const std::string& root) {
  std::error_code ec;
  const auto base = std::filesystem::absolute(root, ec).lexically_normal();
  const std::string rel = std::filesystem::current_path(ec).lexically_relative(base).generic_string();
  return rel.empty() || rel == "." ? "" : rel + "/";
}

// A glob with a '/' is anchored to its folder; one without matches a name anywhere.
std::string anchor_glob(std::string glob, const std::string& prefix) {
  if (prefix.empty() || glob.find('/') == std::string::npos) return glob;
  while (glob.starts_with("./")) glob.erase(0, 2);
  if (glob.starts_with("/")) glob.erase(0, 1);
  return prefix + glob;
}

}  // namespace

int run_lint(const Options& opt, ConfigResolver& configs) {
  // The walk uses the configuration of the working directory.
  auto here = configs.for_file("-");
  if (!here) {
    std::fprintf(stderr, "mdrisk: %s\n", here.error().message.c_str());
    return kExitError;
  }
  mdrisk::DiscoverOptions discover;
  // Config globs are relative to the config file's folder, command-line ones
  // to the working directory: walk from the config's folder and re-anchor
  // the command-line globs there.
  const std::string config_dir = (*here)->path.empty() ? std::string(".") : folder_of((*here)->path);
  const std::string prefix = glob_prefix(config_dir);
  for (const auto& g : opt.include) discover.include.push_back(anchor_glob(g, prefix));
  for (const auto& g : opt.exclude) discover.exclude.push_back(anchor_glob(g, prefix));
  discover.include.insert(discover.include.end(), (*here)->include.begin(), (*here)->include.end());
  discover.exclude.insert(discover.exclude.end(), (*here)->exclude.begin(), (*here)->exclude.end());
  discover.root = config_dir;
  discover.respect_gitignore = opt.respect_gitignore;
  discover.filter_explicit = opt.force_exclude;
  discover.table_heading = (*here)->lint.schema.table_heading;
  auto found = mdrisk::discover_files(opt.files, discover);
  if (!found) {
    std::fprintf(stderr, "mdrisk: %s\n", found.error().message.c_str());
    return kExitError;
  }
  for (const auto& f : found->skipped_explicit) spdlog::debug("{}: skipped (no tracker, excluded or ignored)", f);
  const std::vector<std::string>& files = found->files;
  if (files.empty()) {
    // Nothing to do is not an error for a hook handed only non-trackers,
    // but a walk that finds nothing deserves a word.
    if (found->skipped_explicit.empty()) std::fprintf(stderr, "mdrisk: no tracker files found\n");
    return kExitClean;
  }
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
    lint.push_back(&(*cfg)->lint);
  }
  std::vector<FileOutcome> outcomes = process_all(files, opt, lint);

  int exit_code = kExitClean;
  mdrisk::Totals totals;
  const bool document_on_stdout = opt.fix && !opt.diff && files.size() == 1 && files[0] == "-";
  for (auto& o : outcomes) {
    write_out(o.out);
    std::fwrite(o.err.data(), 1, o.err.size(), stderr);
    exit_code = std::max(exit_code, o.exit_code);
    if (o.exit_code == kExitError) continue;
    ++totals.files;
    totals.fixed += o.fixed;
    for (const auto& d : o.diagnostics) {
      (d.severity == mdrisk::Severity::Error ? totals.errors : totals.warnings)++;
      if (d.fix && d.fix->applicability == mdrisk::Applicability::Safe) ++totals.fixable;
      if (d.severity == mdrisk::Severity::Error && !opt.diff) exit_code = std::max(exit_code, kExitFindings);
    }
  }
  if (opt.diff) return exit_code;

  // With `--fix -` the fixed document owns stdout; findings go to stderr.
  FILE* report_stream = document_on_stdout ? stderr : stdout;
  if (!opt.output_file.empty()) {
    report_stream = std::fopen(opt.output_file.c_str(), "wb");
    if (!report_stream) {
      print_error(opt.output_file, "cannot open for writing");
      return kExitError;
    }
  }
  const auto emit = [&](const std::string& s) { std::fwrite(s.data(), 1, s.size(), report_stream); };
  std::vector<mdrisk::FileReport> reports;
  for (auto& o : outcomes) {
    if (o.shown) reports.push_back({&*o.shown, o.diagnostics});
  }

  if (opt.format == "json") {
    emit(opt.statistics ? mdrisk::format_statistics_json(reports) : mdrisk::format_json(reports));
  } else if (opt.format == "sarif") {
    mdrisk::SarifOptions sarif;
    sarif.tool_version = MDRISK_VERSION;
    sarif.rule_help_base_uri = MDRISK_RULE_DOCS_URL;
    sarif.rule_help = [](std::string_view code) { return std::string(rule_doc(code)); };
    emit(mdrisk::format_sarif(reports, sarif));
  } else if (opt.format == "github") {
    emit(mdrisk::format_github(reports));
  } else {
    if (opt.statistics) {
      emit(mdrisk::format_statistics(reports));
    } else if (!opt.quiet) {
      const mdrisk::TextStyle style{use_color(opt, report_stream)};
      for (const auto& r : reports) {
        emit(opt.format == "concise" ? mdrisk::format_concise(r) : mdrisk::format_text(r, style));
      }
    }
    if (totals.files > 0) emit(mdrisk::format_summary(totals));
  }
  if (!opt.output_file.empty() && std::fclose(report_stream) != 0) {
    print_error(opt.output_file, "cannot write");
    return kExitError;
  }
  return exit_code;
}

}  // namespace mdrisk::cli
