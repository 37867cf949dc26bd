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

struct Config {
  LintOptions lint;                  // schema + rule settings
  std::vector<std::string> include;  // globs a directory walk also lints
  std::vector<std::string> exclude;  // globs a directory walk skips
  std::string path;                  // the file it came from; empty = built-in defaults
};

// The nearest `.mdrisk.toml` from `start_dir` upwards, stopping after the
// repository root (a folder holding `.git`) or the filesystem root.
std::optional<std::string> find_config(const std::string& start_dir);

// Parses TOML text; errors read "line L: problem" (the caller adds the path).
Result<Config> parse_config(std::string_view toml_text, const std::string& path);
Result<Config> load_config(const std::string& path);

// The built-in defaults as a commented `.mdrisk.toml` (what `mdrisk init` writes).
std::string default_config_toml();

}  // namespace mdrisk
