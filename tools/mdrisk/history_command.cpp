// History from git: `--base REV` hands each file's linter the register as it
// was at REV; `mdrisk diff REV [REV] [PATH...]` prints what changed. The
// reading and the comparison are in the library (mdrisk/history.hpp,
// mdrisk/register_snapshot.hpp); this file only wires them to the options.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "gather_files.hpp"
#include "mdrisk/history.hpp"
#include "mdrisk/history_report.hpp"
#include "mdrisk/output.hpp"

namespace mdrisk::cli {

Result<std::shared_ptr<const RegisterSnapshot>> previous_for(const std::string& file, const std::string& base,
                                                             const LintOptions& lint, std::size_t max_size) {
  if (file == "-") {
    return Error{ErrorKind::Io, "--base reads the file's history from git; standard input has none"};
  }
  return register_at_revision(file, base, lint.schema, max_size);
}

int run_diff(const Options& opt, const std::vector<std::string>& args, const std::string& format,
             ConfigResolver& configs) {
  if (args.empty()) {
    usage_error("diff needs a revision: mdrisk diff REV [REV] [PATH...]");
    return kExitError;
  }
  // The second argument is a revision unless it names a file or folder,
  // or a Markdown file that no longer exists (deleted since REV).
  const std::string from = args[0];
  std::string to;
  std::size_t first_file = 1;
  std::error_code ec;
  const auto markdown_name = [](const std::string& a) { return a.ends_with(".md") || a.ends_with(".markdown"); };
  if (args.size() > 1 && !std::filesystem::exists(args[1], ec) && !markdown_name(args[1])) {
    to = args[1];
    first_file = 2;
  }
  std::vector<std::string> paths(args.begin() + static_cast<std::ptrdiff_t>(first_file), args.end());
  if (std::find(paths.begin(), paths.end(), "-") != paths.end()) {
    usage_error("diff compares files in git; standard input has no history");
    return kExitError;
  }
  // Folders (none: the working directory) are walked as lint walks them; a
  // file named is kept as given, so one deleted since `from` is still compared.
  if (paths.empty()) paths.push_back(".");
  auto gathered = gather_files(paths, opt, configs, FileOrder::as_given);
  if (!gathered) {
    std::fprintf(stderr, "mdrisk: %s\n", gathered.error().message.c_str());
    return kExitError;
  }
  const std::vector<std::string>& files = gathered->found.files;
  say_if_nothing_found(gathered->found, opt);

  const std::size_t limit = opt.max_file_size_mib << 20;
  std::vector<FileHistory> histories;
  for (const std::string& file : files) {
    auto cfg = configs.for_file(file);
    if (!cfg) {
      std::fprintf(stderr, "mdrisk: %s\n", cfg.error().message.c_str());
      return kExitError;
    }
    const Schema& schema = cfg->lint->schema;
    auto before = register_at_revision(file, from, schema, limit);
    if (!before) {
      print_error(file, before.error().message);
      return kExitError;
    }
    auto after = to.empty() ? register_in_work_tree(file, schema, limit) : register_at_revision(file, to, schema, limit);
    if (!after) {
      print_error(file, after.error().message);
      return kExitError;
    }
    if (!*before && !*after) {
      print_error(file, "not at " + from + " and not " + (to.empty() ? std::string("in the working tree") : "at " + to));
      return kExitError;
    }
    FileHistory h;
    h.file = file;
    h.existed_before = *before != nullptr;
    h.exists_after = *after != nullptr;
    if (*before) h.before = **before;
    if (*after) h.after = **after;
    h.before.revision = from;
    h.after.revision = to.empty() ? "working tree" : to;
    h.changes = compare_registers(h.before, h.after);
    histories.push_back(std::move(h));
  }
  return write_to_output(opt, format == "markdown" ? format_history_markdown(histories) : format_history_text(histories));
}

}  // namespace mdrisk::cli
