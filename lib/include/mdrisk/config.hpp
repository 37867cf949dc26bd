#pragma once
// `.mdrisk.toml`: the schema a team's trackers follow, which rules run and
// how loud they are, and which files a directory walk picks up.
// Every key is documented in README.md; `mdrisk init` writes the defaults.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/error.hpp"
#include "mdrisk/linter.hpp"

namespace mdrisk {

inline constexpr std::string_view kConfigFileName = ".mdrisk.toml";

// `[rules] per-file-ignores`: code prefixes skipped in files matching a glob
// (relative to the config file's folder, like `[files]` globs).
struct PerFileIgnore {
  std::string glob;
  std::vector<std::string> prefixes;
};

// One resolved key for `mdrisk --show-settings`: "rules.select", its value
// as TOML, and where it came from ("PATH:LINE", or "built-in default").
struct Setting {
  std::string key, value, origin;
};

struct Config {
  LintOptions lint;                  // schema + rule settings
  std::vector<std::string> include;  // globs a directory walk also lints
  std::vector<std::string> exclude;  // globs a directory walk skips
  std::vector<PerFileIgnore> per_file_ignores;
  std::optional<std::size_t> max_warnings;  // [rules] max-warnings; unset: warnings never fail
  std::string path;                  // the file it came from; empty = built-in defaults
  std::vector<std::string> extends;  // files inherited through `extend`, nearest first
  std::vector<Setting> settings;     // every key, resolved (see Setting)
};

// The nearest `.mdrisk.toml` from `start_dir` upwards, stopping after the
// repository root (a folder holding `.git`) or the filesystem root.
std::optional<std::string> find_config(const std::string& start_dir);

// Parses TOML text; errors read "line L: problem" (the caller adds the
// path), or "PARENT: line L: problem" for a file reached through `extend`.
// `extend = "PATH"` (relative to the file's folder) inherits that file:
// tables merge key by key, every other value (arrays, [[columns]],
// [[sections]], [[policies]]) is replaced as a whole by the nearer file.
Result<Config> parse_config(std::string_view toml_text, const std::string& path);
Result<Config> load_config(const std::string& path);
// The settings of the built-in defaults (what parse_config fills
// Config::settings with when there is no file).
std::vector<Setting> default_settings();

// The built-in defaults as a commented `.mdrisk.toml` (what `mdrisk init` writes).
std::string default_config_toml();

}  // namespace mdrisk
