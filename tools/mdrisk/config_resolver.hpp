#pragma once
// Which configuration applies to which file: `--config PATH` for all,
// `--no-config` for none, otherwise the nearest `.mdrisk.toml` above each
// file (cached per folder); standard input is looked up as the
// --stdin-filename it stands for. `[rules] per-file-ignores` globs are
// matched here, so each file gets the LintOptions meant for it. Resolved
// before workers start, so the worker threads only read.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mdrisk/config.hpp"

namespace mdrisk::cli {

struct Resolved {
  const Config* config = nullptr;   // the file's configuration
  const LintOptions* lint = nullptr;  // config->lint plus the per-file ignores that match
  std::string why;                  // how the config was chosen, for -v and --show-settings
};

class ConfigResolver {
 public:
  // `explicit_path` empty: discover; `disabled`: built-in defaults only.
  // `stdin_name`: the path standard input stands for ("" when not given).
  ConfigResolver(std::string explicit_path, bool disabled, std::vector<std::string> cli_select,
                 std::vector<std::string> cli_ignore, std::string stdin_name);
  // The config for a file ("-" = standard input, "." = the working
  // directory); errors name the config file.
  Result<Resolved> for_file(const std::string& path);
  // `--as-of`: the day every file's date findings are judged on.
  void set_as_of(std::optional<Date> day) { as_of_ = day; }

 private:
  Result<const Config*> load(const std::string& config_path);
  std::string explicit_path_;
  bool disabled_;
  std::vector<std::string> cli_select_, cli_ignore_;
  std::string stdin_name_;
  std::optional<Date> as_of_;
  std::map<std::string, std::unique_ptr<Config>> by_config_path_;  // "" = defaults
  std::map<std::string, std::string> config_of_dir_;
  std::map<std::string, std::unique_ptr<LintOptions>> with_ignores_;  // config path + ignores -> options
};

}  // namespace mdrisk::cli
