// `mdrisk export`, `mdrisk import` and `mdrisk render`: read one file, call
// the library (mdrisk/exchange.hpp), print the result or write it to -o.
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "mdrisk/exchange.hpp"
#include "mdrisk/io.hpp"

namespace mdrisk::cli {
namespace {

// The schema a written tracker follows: the config of the folder it is
// written to (-o), else of the working directory.
const Schema* target_schema(const Options& opt, ConfigResolver& configs) {
  auto cfg = configs.for_file(opt.output_file.empty() ? std::string(".") : opt.output_file);
  if (!cfg) {
    std::fprintf(stderr, "mdrisk: %s\n", cfg.error().message.c_str());
    return nullptr;
  }
  return &cfg->lint->schema;
}

}  // namespace

int run_export(const Options& opt, const std::string& file, const std::string& format, ConfigResolver& configs) {
  // One document out, so one register in: a folder is not walked (which of
  // its registers, or all in one CSV, would be a guess).
  std::error_code ec;
  if (file != "-" && std::filesystem::is_directory(file, ec)) {
    print_error(file, "a folder; export takes one file");
    return kExitError;
  }
  auto cfg = configs.for_file(file);
  if (!cfg) {
    std::fprintf(stderr, "mdrisk: %s\n", cfg.error().message.c_str());
    return kExitError;
  }
  auto source = file == "-" ? read_stdin(opt.stdin_filename, opt.max_file_size_mib << 20)
                            : read_source(file, opt.max_file_size_mib << 20);
  if (!source) {
    print_error(file == "-" ? opt.stdin_filename : file, source.error().message);
    return kExitError;
  }
  try {
    const Tracker t = parse_tracker(*source, cfg->lint->schema);
    if (format == "json") return write_to_output(opt, export_json(t));
    auto csv = export_csv(t);
    if (!csv) {
      print_error(source->name(), csv.error().message);
      return kExitError;
    }
    return write_to_output(opt, *csv);
  } catch (const InputRefused& refused) {
    print_error(source->name(), refused.error().message);
    return kExitError;
  }
}

int run_import(const Options& opt, const std::string& file, bool json_model, const std::string& title,
               ConfigResolver& configs) {
  const Schema* schema = target_schema(opt, configs);
  if (!schema) return kExitError;
  auto source = file == "-" ? read_stdin(opt.stdin_filename, opt.max_file_size_mib << 20)
                            : read_source(file, opt.max_file_size_mib << 20);
  if (!source) {
    print_error(file == "-" ? opt.stdin_filename : file, source.error().message);
    return kExitError;
  }
  RenderOptions render;
  if (!title.empty()) render.title = title;
  render.max_output_bytes = opt.max_file_size_mib << 20;
  auto tracker = json_model ? render_json(source->bytes(), *schema, render) : import_csv(source->bytes(), *schema, render);
  if (!tracker) {
    print_error(source->name(), tracker.error().message);
    return kExitError;
  }
  return write_to_output(opt, *tracker);
}

}  // namespace mdrisk::cli
