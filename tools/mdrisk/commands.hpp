#pragma once
// The subcommands and the main lint/fix run; each returns an exit code.
#include <cstddef>
#include <memory>
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
// `mdrisk report [--format F] [--top N] [PATH...]`: folders walked, none = the working directory
struct ReportOptions {
  std::vector<std::string> files;
  std::string format = "text";  // text | markdown | html | json
  std::size_t top = 10;
};
int run_report(const ReportOptions& report, const Options& opt, ConfigResolver& configs);
// `mdrisk init [--force] [--from FILE]`: write .mdrisk.toml here, the
// defaults or (with `from`) a description of FILE's register
int init_config(bool force, const std::string& from);
// `mdrisk diff REV [REV] [PATH...]`: what changed in each register, as
// `format` ("text" or "markdown").
int run_diff(const Options& opt, const std::vector<std::string>& args, const std::string& format,
             ConfigResolver& configs);
// `mdrisk export [--format csv|json] FILE`: one file (a folder is refused)
int run_export(const Options& opt, const std::string& file, const std::string& format, ConfigResolver& configs);
// `mdrisk import FILE.csv [--title T]` (json_model false) and `mdrisk render MODEL.json` (true)
int run_import(const Options& opt, const std::string& file, bool json_model, const std::string& title,
               ConfigResolver& configs);
// With `--base REV`: the register `file` held at REV (null: it did not exist there).
Result<std::shared_ptr<const RegisterSnapshot>> previous_for(const std::string& file, const std::string& base,
                                                             const LintOptions& lint, std::size_t max_size);

}  // namespace mdrisk::cli
