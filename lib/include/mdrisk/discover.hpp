#pragma once
// Which files to lint: explicit files as given, directories walked for
// Markdown files that hold a tracker. No printing; the caller reports.
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/error.hpp"

namespace mdrisk {

struct DiscoverOptions {
  // Globs (`*`, `?`, `[...]`, `**` across folders) over paths relative to
  // `root`; a pattern without '/' also matches a bare file or folder name.
  // An `include` match is linted even without a tracker heading; an
  // `exclude` match (file or folder) is skipped.
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string root = ".";  // what globs are relative to (the config file's folder)
  bool respect_gitignore = true;  // skip what git ignores (.gitignore, info/exclude)
  // A walked Markdown file counts as a tracker when it has a heading with this text.
  std::string table_heading = "Summary Table";
  std::vector<std::string> extensions = {".md", ".markdown"};
  // Apply the filters (tracker or include; exclude; gitignore) to explicit
  // files too, as a pre-commit hook that is handed every staged file needs.
  bool filter_explicit = false;
  // Standard input ("-") under filter_explicit: filtered as if it were the
  // file `stdin_name` holding `stdin_text` (--stdin-filename). Not filtered
  // when stdin_text is null.
  std::string stdin_name;
  const std::string* stdin_text = nullptr;
  // Also list walked files and folders that were skipped, with the reason
  // (--show-files, -v); off by default, a large walk skips many.
  bool record_skipped = false;
};

struct Skipped {
  std::string path;    // folders end in '/'
  std::string reason;  // "ignored by git", "matches an exclude glob", ...
};

struct Discovered {
  std::vector<std::string> files;  // sorted by path, no duplicates; "-" first when given
  std::vector<std::string> skipped_explicit;  // explicit files filtered out (filter_explicit)
  std::vector<Skipped> skipped;  // explicit files filtered out, and walked ones when record_skipped; by path
};

// Fails only when a folder cannot be walked. An explicit path that is not a
// folder (missing, unreadable, stdin's "-") is returned as it is, so that the
// linter reports the problem with that file.
Result<Discovered> discover_files(const std::vector<std::string>& paths, const DiscoverOptions& options);

// Glob matching as discover_files uses it (exposed for tests and config).
bool glob_match(std::string_view pattern, std::string_view path);
// Whether `text` has an ATX or setext heading reading `heading` (case-insensitive).
bool has_heading(std::string_view text, std::string_view heading);

}  // namespace mdrisk
