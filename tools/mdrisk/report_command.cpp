// `mdrisk report FILE...`: read each tracker with its configuration, build
// the report in the library, print what the renderer returns.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

#include "commands.hpp"
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
  if (ro.files.empty()) {
    usage_error("report: no files given");
    return kExitError;
  }
  mdrisk::ReportSet set;
  bool failed = false;
  std::optional<mdrisk::Result<mdrisk::SourceFile>> stdin_source;
  for (const std::string& path : ro.files) {
    const std::string shown = path == "-" ? opt.stdin_filename : path;
    auto cfg = configs.for_file(path);
    if (!cfg) {
      std::fprintf(stderr, "mdrisk: %s\n", cfg.error().message.c_str());
      failed = true;
      continue;
    }
    auto source = path == "-" ? mdrisk::read_stdin(opt.stdin_filename, opt.max_file_size_mib << 20)
                              : mdrisk::read_source(path, opt.max_file_size_mib << 20);
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
