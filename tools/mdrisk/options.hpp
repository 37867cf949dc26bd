#pragma once
// What the command line asked for, shared by the CLI's translation units.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mdrisk/io.hpp"

namespace mdrisk::cli {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

struct Options {
  std::vector<std::string> files;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  bool quiet = false;
  bool verbose = false;
  std::string format = "text";
  std::string stdin_filename = "<stdin>";
  std::string as_of;                 // --as-of YYYY-MM-DD: the day date findings are judged on
  std::vector<std::string> select, ignore;
  std::size_t max_file_size_mib = mdrisk::kDefaultMaxFileSize >> 20;
  // Output.
  std::string color = "auto";        // auto | always | never
  bool statistics = false;
  std::string output_file;           // empty: standard output
  unsigned jobs = 0;                 // 0: one per core
  // File discovery: globs relative to the working directory (or the config's folder).
  std::vector<std::string> include, exclude;
  bool respect_gitignore = true;
  bool force_exclude = false;        // filter explicit files too (pre-commit)
  // Configuration.
  std::string config_path;           // --config: use this file for every input
  bool no_config = false;            // --no-config: built-in defaults only
  // CI adoption.
  std::optional<std::size_t> max_warnings;  // --max-warnings N: more warnings than N exit 1
  std::string baseline, write_baseline;     // --baseline FILE, --write-baseline FILE
  std::string show_settings;                // --show-settings FILE
  bool show_files = false;
  std::string base;                         // --base REV: history rules against the file at REV
  bool format_given = false;                // --format was on the command line
  bool stdin_named() const { return stdin_filename != "<stdin>"; }
};

// Writes to standard output / an error line "mdrisk: FILE: problem" to stderr.
void write_out(const std::string& s);
// Writes `text` to -o FILE when one is given, else to standard output:
// kExitClean, or kExitError with one line naming the file that failed.
int write_to_output(const Options& opt, const std::string& text);
void print_error(const std::string& file, const std::string& message);
// A usage error, one line: "mdrisk: problem (see `mdrisk --help`)".
void usage_error(const std::string& message);

}  // namespace mdrisk::cli
