#pragma once
// Which configuration applies to which file: `--config PATH` for all,
// `--no-config` for none, otherwise the nearest `.mdrisk.toml` above each
// file (cached per folder). Resolved before workers start, so the worker
// threads only read.
#include <map>
#include <memory>
#include <string>

#include "mdrisk/config.hpp"

namespace mdrisk::cli {

class ConfigResolver {
 public:
  // `explicit_path` empty: discover; `disabled`: built-in defaults only.
  ConfigResolver(std::string explicit_path, bool disabled, std::vector<std::string> cli_select,
                 std::vector<std::string> cli_ignore);
  // The config for a file (or "-" = the working directory); errors name the config file.
  Result<const Config*> for_file(const std::string& path);

 private:
  Result<const Config*> load(const std::string& config_path);
  std::string explicit_path_;
  bool disabled_;
  std::vector<std::string> cli_select_, cli_ignore_;
  std::map<std::string, std::unique_ptr<Config>> by_config_path_;  // "" = defaults
  std::map<std::string, std::string> config_of_dir_;
};

}  // namespace mdrisk::cli
