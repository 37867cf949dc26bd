#include "config_resolver.hpp"

#include <filesystem>

#include "mdrisk/discover.hpp"

namespace mdrisk::cli {

ConfigResolver::ConfigResolver(std::string explicit_path, bool disabled, std::vector<std::string> cli_select,
                               std::vector<std::string> cli_ignore, std::string stdin_name)
    : explicit_path_(std::move(explicit_path)),
      disabled_(disabled),
      cli_select_(std::move(cli_select)),
      cli_ignore_(std::move(cli_ignore)),
      stdin_name_(std::move(stdin_name)) {}

Result<const Config*> ConfigResolver::load(const std::string& config_path) {
  auto& slot = by_config_path_[config_path];
  if (slot) return slot.get();
  Config cfg;
  if (!config_path.empty()) {
    auto loaded = load_config(config_path);
    if (!loaded) return Error{loaded.error().kind, config_path + ": " + loaded.error().message};
    cfg = std::move(*loaded);
  } else {
    cfg.settings = default_settings();
  }
  // Command-line rule selection refines the file's: --select replaces, --ignore adds.
  if (!cli_select_.empty()) cfg.lint.rules.select = cli_select_;
  cfg.lint.rules.ignore.insert(cfg.lint.rules.ignore.end(), cli_ignore_.begin(), cli_ignore_.end());
  if (as_of_) cfg.lint.as_of = as_of_;
  slot = std::make_unique<Config>(std::move(cfg));
  return slot.get();
}

namespace {

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

// `path` relative to the folder of `config_path`, as per-file-ignores globs are written.
std::string relative_to_config(const std::string& path, const std::string& config_path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path base = fs::absolute(folder_of(config_path), ec).lexically_normal();
  return fs::absolute(path, ec).lexically_normal().lexically_relative(base).generic_string();
}

bool glob_hits(const std::string& glob, const std::string& rel) {
  if (glob.find('/') != std::string::npos) return glob_match(glob, rel);
  // A glob without '/' matches a name anywhere, as [files] globs do.
  std::size_t start = 0;
  while (start <= rel.size()) {
    std::size_t slash = rel.find('/', start);
    if (slash == std::string::npos) slash = rel.size();
    if (glob_match(glob, std::string_view(rel).substr(start, slash - start))) return true;
    start = slash + 1;
  }
  return false;
}

}  // namespace

Result<Resolved> ConfigResolver::for_file(const std::string& given) {
  const bool is_stdin = given == "-";
  const std::string path = is_stdin ? (stdin_name_.empty() ? std::string(".") : stdin_name_) : given;
  std::string config_path, why;
  if (disabled_) {
    why = "--no-config: built-in defaults";
  } else if (!explicit_path_.empty()) {
    config_path = explicit_path_;
    why = "--config " + explicit_path_;
  } else {
    const std::string dir = path == "." ? std::string(".") : folder_of(path);
    auto it = config_of_dir_.find(dir);
    if (it == config_of_dir_.end()) it = config_of_dir_.emplace(dir, find_config(dir).value_or("")).first;
    config_path = it->second;
    why = config_path.empty() ? "no .mdrisk.toml above " + dir + " (up to the repository root): built-in defaults"
                              : "the nearest .mdrisk.toml above " + dir;
  }
  auto cfg = load(config_path);
  if (!cfg) return cfg.error();
  Resolved r{*cfg, &(*cfg)->lint, why};
  if ((*cfg)->per_file_ignores.empty() || path == ".") return r;

  const std::string rel = relative_to_config(path, config_path.empty() ? "./x" : config_path);
  std::vector<std::string> extra;
  for (const PerFileIgnore& p : (*cfg)->per_file_ignores) {
    if (glob_hits(p.glob, rel)) extra.insert(extra.end(), p.prefixes.begin(), p.prefixes.end());
  }
  if (extra.empty()) return r;
  std::string key = config_path + '\n';
  for (const auto& e : extra) key += e + ',';
  auto& slot = with_ignores_[key];
  if (!slot) {
    slot = std::make_unique<LintOptions>((*cfg)->lint);
    slot->rules.ignore.insert(slot->rules.ignore.end(), extra.begin(), extra.end());
  }
  r.lint = slot.get();
  return r;
}

}  // namespace mdrisk::cli
