// The one file-gathering step behind lint, report and diff (see gather_files.hpp).
#include "gather_files.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>
#include <set>

namespace mdrisk::cli {
namespace {

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

// discover_files for each path in turn: the same files, in the order of
// the arguments, a file named (or found) twice kept at its first place.
Result<Discovered> discover_in_given_order(const std::vector<std::string>& paths, const DiscoverOptions& discover) {
  Discovered all;
  std::set<std::string> seen;
  for (const std::string& path : paths) {
    auto one = discover_files({path}, discover);
    if (!one) return one.error();
    for (auto& f : one->files) {
      if (seen.insert(f).second) all.files.push_back(std::move(f));
    }
    all.skipped_explicit.insert(all.skipped_explicit.end(), one->skipped_explicit.begin(), one->skipped_explicit.end());
    all.skipped.insert(all.skipped.end(), one->skipped.begin(), one->skipped.end());
  }
  return all;
}

}  // namespace

Result<Gathered> gather_files(const std::vector<std::string>& paths, const Options& opt, ConfigResolver& configs,
                              FileOrder order, const std::string* stdin_text) {
  auto here = configs.for_file(".");
  if (!here) return here.error();
  const Config& here_cfg = *here->config;
  spdlog::debug("walk settings: {} ({})", here_cfg.path.empty() ? "built-in defaults" : here_cfg.path, here->why);
  DiscoverOptions discover;
  // Config globs are relative to the config file's folder, command-line ones
  // to the working directory: walk from the config's folder and re-anchor
  // the command-line globs there.
  const std::string config_dir = here_cfg.path.empty() ? std::string(".") : folder_of(here_cfg.path);
  const std::string prefix = glob_prefix(config_dir);
  for (const auto& g : opt.include) discover.include.push_back(anchor_glob(g, prefix));
  for (const auto& g : opt.exclude) discover.exclude.push_back(anchor_glob(g, prefix));
  discover.include.insert(discover.include.end(), here_cfg.include.begin(), here_cfg.include.end());
  discover.exclude.insert(discover.exclude.end(), here_cfg.exclude.begin(), here_cfg.exclude.end());
  discover.root = config_dir;
  discover.respect_gitignore = opt.respect_gitignore;
  discover.filter_explicit = opt.force_exclude;
  discover.table_heading = here_cfg.lint.schema.table_heading;
  discover.record_skipped = opt.show_files || opt.verbose;
  if (opt.force_exclude && opt.stdin_named() && stdin_text) {
    discover.stdin_name = opt.stdin_filename;
    discover.stdin_text = stdin_text;
  }
  auto found = order == FileOrder::by_path ? discover_files(paths, discover) : discover_in_given_order(paths, discover);
  if (!found) return found.error();
  // --show-files prints the skipped files itself.
  if (!opt.show_files) {
    for (const auto& s : found->skipped) spdlog::debug("{}: skipped: {}", s.path, s.reason);
  }
  return Gathered{std::move(*found), &here_cfg};
}

void say_if_nothing_found(const Discovered& found, const Options& opt) {
  if (found.files.empty() && !opt.quiet && found.skipped_explicit.empty()) {
    std::fprintf(stderr, "mdrisk: no tracker files found\n");
  }
}

}  // namespace mdrisk::cli
