// `mdrisk report [PATH...]`: gather the files as lint does (folders walked,
// no path: the working directory), read each tracker with its
// configuration, build the report in the library, print what the renderer
// returns.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <optional>

#include "commands.hpp"
#include "gather_files.hpp"
#include "mdrisk/error.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/report.hpp"

namespace mdrisk::cli {
namespace {

bool color_for(const std::string& color, FILE* stream) {
  if (color == "always") return true;
  if (color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return ::isatty(::fileno(stream)) == 1;
}

}  // namespace

int run_report(const ReportOptions& ro, const Options& opt, ConfigResolver& configs) {
  // No path: the working directory, walked as `mdrisk .` walks it.
  const std::vector<std::string> paths = ro.files.empty() ? std::vector<std::string>{"."} : ro.files;
  std::optional<mdrisk::Result<mdrisk::SourceFile>> stdin_source;
  if (std::find(paths.begin(), paths.end(), "-") != paths.end()) {
    stdin_source = mdrisk::read_stdin(opt.stdin_filename, opt.max_file_size_mib << 20);
  }
  const std::string* stdin_text = stdin_source && *stdin_source ? &(*stdin_source)->bytes() : nullptr;
  auto gathered = gather_files(paths, opt, configs, FileOrder::as_given, stdin_text);
  if (!gathered) {
    std::fprintf(stderr, "mdrisk: %s\n", gathered.error().message.c_str());
    return kExitError;
  }
  mdrisk::ReportSet set;
  bool failed = false;
  for (const std::string& path : gathered->found.files) {
    const std::string shown = path == "-" ? opt.stdin_filename : path;
    auto cfg = configs.for_file(path);
    if (!cfg) {
      std::fprintf(stderr, "mdrisk: %s\n", cfg.error().message.c_str());
      failed = true;
      continue;
    }
    spdlog::debug("{}: config {} ({})", shown, cfg->config->path.empty() ? "built-in defaults" : cfg->config->path,
                  cfg->why);
    auto source = path == "-" ? *stdin_source : mdrisk::read_source(path, opt.max_file_size_mib << 20);
    if (!source) {
      print_error(shown, source.error().message);
      failed = true;
      continue;
    }
    try {
      const mdrisk::Tracker tracker = mdrisk::parse_tracker(*source, cfg->lint->schema);
      set.files.push_back(mdrisk::build_report(tracker, source->name()));
    } catch (const mdrisk::InputRefused& refused) {
      print_error(shown, refused.error().message);
      failed = true;
    } catch (const std::bad_alloc&) {
      print_error(shown, "out of memory while reading this file");
      failed = true;
    }
  }
  // A report that silently leaves a file out would be wrong: none at all.
  if (failed) return kExitError;
  // Nothing found is no error, as for lint: the format's empty report, and a word.
  say_if_nothing_found(gathered->found, opt);
  FILE* stream = stdout;
  if (!opt.output_file.empty()) {
    stream = std::fopen(opt.output_file.c_str(), "wb");
    if (!stream) {
      print_error(opt.output_file, "cannot open for writing");
      return kExitError;
    }
  }
  mdrisk::ReportRenderOptions render;
  render.top = ro.top;
  render.color = ro.format == "text" && color_for(opt.color, stream);
  std::string out;
  if (ro.format == "markdown") {
    out = mdrisk::render_report_markdown(set, render);
  } else if (ro.format == "html") {
    out = mdrisk::render_report_html(set, render);
  } else if (ro.format == "json") {
    out = mdrisk::render_report_json(set, render);
  } else {
    out = mdrisk::render_report_text(set, render);
  }
  std::fwrite(out.data(), 1, out.size(), stream);
  if (!opt.output_file.empty() && std::fclose(stream) != 0) {
    print_error(opt.output_file, "cannot write");
    return kExitError;
  }
  return kExitClean;
}

}  // namespace mdrisk::cli
