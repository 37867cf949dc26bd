#pragma once
// The subcommands and the main lint/fix run; each returns an exit code.
#include <cstddef>
#include <string>
#include <vector>

#include "mdrisk/linter.hpp"
#include "config_resolver.hpp"
#include "options.hpp"

namespace mdrisk::cli {

// `mdrisk rules`
// `markdown`: the table README.md shows (a test keeps the two equal).
int list_rules(bool markdown);
// `mdrisk rule CODE|NAME`
int explain_rule(const std::string& code_or_name);
// `mdrisk [OPTIONS] FILE...`
int run_lint(const Options& opt, ConfigResolver& configs);
// `mdrisk report [--format F] [--top N] FILE...`
struct ReportOptions {
  std::vector<std::string> files;
  std::string format = "text";  // text | markdown | html | json
  std::size_t top = 10;
};
int run_report(const ReportOptions& report, const Options& opt, ConfigResolver& configs);
// `mdrisk init [--force] [--from FILE]`: write .mdrisk.toml here, the
// defaults or (with `from`) a description of FILE's register
int init_config(bool force, const std::string& from);

}  // namespace mdrisk::cli
