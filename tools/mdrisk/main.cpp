// mdrisk: the command-line front end. Argument parsing and dispatch only;
// the run itself is in lint_command.cpp, the subcommands in *_command.cpp.
// All checking and fixing is in the library.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <optional>
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
  app.add_option("--format", opt.format,
                 "Output format: text (with source snippets), concise, json, json-lines, sarif, github, gitlab, "
                 "junit, rdjson")
      ->check(CLI::IsMember({"text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "rdjson"}));
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
  app.add_option("--as-of", opt.as_of,
                 "Judge review and expiry dates as on this day, YYYY-MM-DD (default: the config's [dates] as-of, "
                 "else today)");
  app.add_option("--max-file-size", opt.max_file_size_mib, "Refuse files larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  auto* config_opt = app.add_option("--config", opt.config_path,
                                    "Use this .mdrisk.toml for every file (default: the nearest one above each file)");
  auto* no_config_opt = app.add_flag("--no-config", opt.no_config, "Ignore .mdrisk.toml files; use the built-in schema");
  config_opt->excludes(no_config_opt);
  app.add_option("--max-warnings", opt.max_warnings,
                 "Exit 1 when there are more than this many warnings (default: warnings never fail)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--baseline", opt.baseline, "Report only findings that this baseline file does not hold");
  app.add_option("--write-baseline", opt.write_baseline, "Write every finding to this baseline file, then exit 0");
  app.add_option("--show-settings", opt.show_settings,
                 "Print the settings that apply to this file and where each comes from, then exit");
  app.add_option("--base", opt.base,
                 "Also check each file against its version at this git revision (removed, reused, reopened risks)");
  app.add_flag("--show-files", opt.show_files, "List the files a run would lint, and why others are skipped, then exit");
  app.add_flag("-q,--quiet", opt.quiet, "Print the findings only: no summary, no notices");
  app.add_flag("-v,--verbose", opt.verbose,
               "Log to standard error which config each file uses and why files are skipped");
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
  ReportOptions report_opt;
  auto* report_cmd = app.add_subcommand(
      "report", "Print the likelihood x impact matrix, counts and top risks of trackers (several: combined, then each)");
  report_cmd->add_option("report-files", report_opt.files,
                         "Tracker files or folders, walked as lint walks them (none: the working directory; '-' "
                         "reads standard input)");
  report_cmd->add_option("--format", report_opt.format, "Report format: text, markdown, html, json")
      ->check(CLI::IsMember({"text", "markdown", "html", "json"}));
  report_cmd->add_option("--top", report_opt.top, "How many risks the top list shows (default 10)")
      ->check(CLI::Range(1, 1000));
  report_cmd->fallthrough();  // --config, --no-config, --color, -o, --stdin-filename after `report`
  std::vector<std::string> diff_args;
  std::string diff_format = "text";
  auto* diff_cmd = app.add_subcommand("diff", "Print what changed in each register between two revisions");
  diff_cmd
      ->add_option("REV", diff_args,
                   "REV [REV] [PATH...]: from REV to the second REV, or to the working tree; folders walked as lint "
                   "walks them (no PATH: the working directory)")
      ->required();
  diff_cmd->add_option("--format", diff_format, "text, or markdown (for a pull-request comment)")
      ->check(CLI::IsMember({"text", "markdown"}));
  diff_cmd->fallthrough();
  std::string export_file, export_format = "csv";
  auto* export_cmd = app.add_subcommand("export", "Write a register's table as CSV, or its model as JSON");
  export_cmd->add_option("file", export_file, "The tracker: one file, not a folder ('-' reads standard input)")
      ->required();
  export_cmd->add_option("--format", export_format, "csv (RFC 4180, formulas neutralised) or json (the model)")
      ->check(CLI::IsMember({"csv", "json"}));
  export_cmd->fallthrough();
  std::string import_file, import_title;
  auto* import_cmd = app.add_subcommand("import", "Write a canonical tracker from a CSV file");
  import_cmd->add_option("file", import_file, "The CSV file ('-' reads standard input)")->required();
  import_cmd->add_option("--title", import_title, "The tracker's `#` title (default: Risk Register)");
  import_cmd->fallthrough();
  std::string render_file;
  auto* render_cmd = app.add_subcommand("render", "Write a canonical tracker from a JSON model (mdrisk export --format json)");
  render_cmd->add_option("file", render_file, "The JSON model ('-' reads standard input)")->required();
  render_cmd->fallthrough();
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    usage_error(e.what());
    return kExitError;
  }

  auto logger = spdlog::stderr_color_mt("mdrisk");
  spdlog::set_default_logger(logger);
  spdlog::set_level(opt.verbose ? spdlog::level::debug : spdlog::level::warn);

  if (rules_cmd->parsed()) return list_rules(rules_format == "markdown");
  if (rule_cmd->parsed()) return explain_rule(rule_code);
  if (init_cmd->parsed()) return init_config(init_force, init_from);
  if (report_cmd->parsed()) {
    ConfigResolver report_configs(opt.config_path, opt.no_config, {}, {},
                                  opt.stdin_named() ? opt.stdin_filename : std::string());
    return run_report(report_opt, opt, report_configs);
  }
  if (server_cmd->parsed()) {
    mdrisk::server::ServerOptions server_options;
    server_options.config = {opt.config_path, opt.no_config, opt.select, opt.ignore};
    server_options.debounce_ms = debounce_ms;
    return mdrisk::server::run_server(server_options);
  }
  if (export_cmd->parsed() || import_cmd->parsed() || render_cmd->parsed()) {
    ConfigResolver exchange_configs(opt.config_path, opt.no_config, {}, {}, opt.stdin_named() ? opt.stdin_filename : "");
    if (export_cmd->parsed()) return run_export(opt, export_file, export_format, exchange_configs);
    if (import_cmd->parsed()) return run_import(opt, import_file, false, import_title, exchange_configs);
    return run_import(opt, render_file, true, "", exchange_configs);
  }
  if (diff_cmd->parsed()) {
    ConfigResolver diff_configs(opt.config_path, opt.no_config, {}, {}, "");
    return run_diff(opt, diff_args, diff_format, diff_configs);
  }
  opt.format_given = app.count("--format") > 0;
  if (opt.files.empty() && opt.show_settings.empty()) {
    usage_error("no files given");
    return kExitError;
  }
  if (opt.unsafe_fixes && !opt.diff) opt.fix = true;
  // The same reading as [rules] in .mdrisk.toml: names become codes, and a
  // selector that matches no rule is a usage error.
  for (auto* list : {&opt.select, &opt.ignore}) {
    for (auto& selector : *list) {
      auto code = mdrisk::resolve_rule_selector(selector);
      if (!code) {
        // One line already, with its own pointer to `mdrisk rules`.
        std::fprintf(stderr, "mdrisk: %s: %s\n", list == &opt.select ? "--select" : "--ignore",
                     mdrisk::unknown_selector_message(selector).c_str());
        return kExitError;
      }
      selector = *code;
    }
  }
  // Formats that cannot say what was asked are refused, not ignored.
  if (opt.diff && opt.format_given && opt.format != "text") {
    usage_error("--diff prints a unified diff; it cannot be combined with --format " + opt.format);
    return kExitError;
  }
  if (opt.statistics && opt.format_given && opt.format != "text" && opt.format != "concise" && opt.format != "json") {
    usage_error("--statistics prints a table (text, concise) or JSON (json); not --format " + opt.format);
    return kExitError;
  }
  std::optional<mdrisk::Date> as_of;
  if (!opt.as_of.empty()) {
    as_of = mdrisk::Date::parse(opt.as_of);
    if (!as_of) {
      usage_error("--as-of takes a date written YYYY-MM-DD, not '" + opt.as_of + "'");
      return kExitError;
    }
  }
  if (!opt.write_baseline.empty() && (opt.fix || opt.diff)) {
    usage_error("--write-baseline records the findings as they are; it cannot be combined with --fix or --diff");
    return kExitError;
  }

  // Ctrl-C, CI cancellation (SIGTERM) or a closed terminal never leave a
  // half-written temp file next to a tracker.
  mdrisk::install_temp_file_cleanup();
  ConfigResolver configs(opt.config_path, opt.no_config, opt.select, opt.ignore,
                         opt.stdin_named() ? opt.stdin_filename : std::string());
  configs.set_as_of(as_of);
  return run_lint(opt, configs);
}
