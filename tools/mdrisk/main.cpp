// mdrisk: the command-line front end. Argument parsing and dispatch only;
// the run itself is in lint_command.cpp, the subcommands in *_command.cpp.
// All checking and fixing is in the library.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <string>

#include "commands.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/rule_info.hpp"
#include "options.hpp"
#include "server/server.hpp"

using namespace mdrisk::cli;

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"mdrisk: lint and canonicalise Markdown risk trackers.", "mdrisk"};
  app.set_version_flag("--version", std::string("mdrisk ") + MDRISK_VERSION);
  app.add_option("files", opt.files,
                 "Tracker files or folders to check (folders: Markdown files with a Summary Table; "
                 "'-' reads standard input)");
  app.add_flag("--fix", opt.fix, "Apply safe fixes in place ('-': print the fixed document)");
  app.add_flag("--unsafe-fixes", opt.unsafe_fixes, "Also apply unsafe fixes (implies --fix unless --diff)");
  app.add_flag("--diff", opt.diff, "Print a unified diff of what --fix would change; write nothing");
  app.add_option("--format", opt.format, "Output format: text (with source snippets), concise, json, sarif, github")
      ->check(CLI::IsMember({"text", "concise", "json", "sarif", "github"}));
  app.add_option("--color", opt.color, "Colour the text output: auto (a terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--statistics", opt.statistics, "Print how many findings each rule produced instead of the findings");
  app.add_option("-o,--output-file", opt.output_file, "Write the report to this file instead of standard output");
  app.add_option("-j,--jobs", opt.jobs, "Worker threads (default: one per core)")->check(CLI::Range(1, 1024));
  app.add_option("--include", opt.include, "Also lint walked files matching these globs (comma-separated)")
      ->delimiter(',')->allow_extra_args(false);
  app.add_option("--exclude", opt.exclude, "Skip walked files and folders matching these globs (comma-separated)")
      ->delimiter(',')->allow_extra_args(false);
  app.add_flag("!--no-respect-gitignore", opt.respect_gitignore, "Also walk files that git ignores");
  app.add_flag("--force-exclude", opt.force_exclude,
               "Filter explicit files like walked ones (tracker or --include; --exclude; .gitignore), for hooks");
  app.add_option("--select", opt.select, "Only run rules whose code starts with one of these (e.g. MR2,MR301)")
      ->delimiter(',')->allow_extra_args(false);
  app.add_option("--ignore", opt.ignore, "Skip rules whose code starts with one of these")->delimiter(',')->allow_extra_args(false);
  app.add_option("--stdin-filename", opt.stdin_filename, "Name shown for standard input");
  app.add_option("--max-file-size", opt.max_file_size_mib, "Refuse files larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  app.add_option("--config", opt.config_path, "Use this .mdrisk.toml for every file (default: the nearest one above each file)");
  app.add_flag("--no-config", opt.no_config, "Ignore .mdrisk.toml files; use the built-in schema");
  app.add_flag("-q,--quiet", opt.quiet, "Print only the summary line");
  app.add_flag("-v,--verbose", opt.verbose, "Log what mdrisk does to standard error");
  auto* rules_cmd = app.add_subcommand("rules", "List every rule with its code, name and summary");
  std::string rules_format = "text";
  rules_cmd->add_option("--format", rules_format, "text, or markdown (the README's rule table)")
      ->check(CLI::IsMember({"text", "markdown"}));
  std::string rule_code;
  auto* rule_cmd = app.add_subcommand("rule", "Explain one rule");
  rule_cmd->add_option("code", rule_code, "Rule code or name, e.g. MR201 or missing-entry")->required();
  bool init_force = false;
  auto* init_cmd = app.add_subcommand("init", "Write the default configuration to ./.mdrisk.toml");
  init_cmd->add_flag("--force", init_force, "Overwrite an existing .mdrisk.toml");
  std::string init_from;
  init_cmd->add_option("--from", init_from,
                       "Describe this register's shape (table, columns, values, entries, fields, style) instead of "
                       "writing the defaults");
  int debounce_ms = 50;
  bool stdio = true;
  auto* server_cmd = app.add_subcommand("server", "Run the language server (LSP 3.17 over standard input/output)");
  server_cmd->add_flag("--stdio", stdio, "Talk over standard input/output (the default and only transport)");
  server_cmd->add_option("--debounce-ms", debounce_ms, "Edits closer together than this are linted once quiet this long (default 50)")
      ->check(CLI::Range(0, 10000));
  server_cmd->fallthrough();  // `mdrisk server --config FILE` as well as `mdrisk --config FILE server`
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitError;
  }

  auto logger = spdlog::stderr_color_mt("mdrisk");
  spdlog::set_default_logger(logger);
  spdlog::set_level(opt.verbose ? spdlog::level::debug : spdlog::level::warn);

  if (rules_cmd->parsed()) return list_rules(rules_format == "markdown");
  if (rule_cmd->parsed()) return explain_rule(rule_code);
  if (init_cmd->parsed()) return init_config(init_force, init_from);
  if (server_cmd->parsed()) {
    mdrisk::server::ServerOptions server_options;
    server_options.config = {opt.config_path, opt.no_config, opt.select, opt.ignore};
    server_options.debounce_ms = debounce_ms;
    return mdrisk::server::run_server(server_options);
  }
  if (opt.files.empty()) {
    std::fprintf(stderr, "mdrisk: no files given (try `mdrisk --help`)\n");
    return kExitError;
  }
  if (opt.unsafe_fixes && !opt.diff) opt.fix = true;
  // The same reading as [rules] in .mdrisk.toml: names become codes, and a
  // selector that matches no rule is a usage error.
  for (auto* list : {&opt.select, &opt.ignore}) {
    for (auto& selector : *list) {
      auto code = mdrisk::resolve_rule_selector(selector);
      if (!code) {
        std::fprintf(stderr, "mdrisk: %s: %s\n", list == &opt.select ? "--select" : "--ignore",
                     mdrisk::unknown_selector_message(selector).c_str());
        return kExitError;
      }
      selector = *code;
    }
  }

  // Ctrl-C, CI cancellation (SIGTERM) or a closed terminal never leave a
  // half-written temp file next to a tracker.
  mdrisk::install_temp_file_cleanup();
  ConfigResolver configs(opt.config_path, opt.no_config, opt.select, opt.ignore);
  return run_lint(opt, configs);
}
