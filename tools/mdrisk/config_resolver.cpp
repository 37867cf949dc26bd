#include "config_resolver.hpp"

namespace mdrisk::cli {

ConfigResolver::ConfigResolver(std::string explicit_path, bool disabled, std::vector<std::string> cli_select,
                               std::vector<std::string> cli_ignore)
    : explicit_path_(std::move(explicit_path)),
      disabled_(disabled),
      cli_select_(std::move(cli_select)),
      cli_ignore_(std::move(cli_ignore)) {}

Result<const Config*> ConfigResolver::load(const std::string& config_path) {
  auto& slot = by_config_path_[config_path];
  if (slot) return slot.get();
  Config cfg;
  if (!config_path.empty()) {
    auto loaded = load_config(config_path);
    if (!loaded) return Error{loaded.error().kind, config_path + ": " + loaded.error().message};
    cfg = std::move(*loaded);
  }
  // Command-line rule selection refines the file's: --select replaces, --ignore adds.
  if (!cli_select_.empty()) cfg.lint.rules.select = cli_select_;
  cfg.lint.rules.ignore.insert(cfg.lint.rules.ignore.end(), cli_ignore_.begin(), cli_ignore_.end());
  slot = std::make_unique<Config>(std::move(cfg));
  return slot.get();
}

Result<const Config*> ConfigResolver::for_file(const std::string& path) {
  if (disabled_) return load("");
  if (!explicit_path_.empty()) return load(explicit_path_);
  std::string dir = ".";
  if (path != "-") {
    const std::size_t slash = path.rfind('/');
    dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  }
  auto it = config_of_dir_.find(dir);
  if (it == config_of_dir_.end()) it = config_of_dir_.emplace(dir, find_config(dir).value_or("")).first;
  return load(it->second);
}

}  // namespace mdrisk::cli
