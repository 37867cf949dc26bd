#pragma once
// The subcommands and the main lint/fix run; each returns an exit code.
#include <string>

#include "mdrisk/linter.hpp"
#include "options.hpp"

namespace mdrisk::cli {

// `mdrisk rules`
int list_rules();
// `mdrisk rule CODE|NAME`
int explain_rule(const std::string& code_or_name);
// `mdrisk [OPTIONS] FILE...`
int run_lint(const Options& opt, const mdrisk::LintOptions& lint);

}  // namespace mdrisk::cli
