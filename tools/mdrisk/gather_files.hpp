#pragma once
// Which files a run reads, found one way for every command that takes
// paths (lint, report, diff): files named are kept, folders are walked with
// the working directory's configuration (`include`/`exclude`, the table
// heading) and the command line's --include, --exclude,
// --no-respect-gitignore and --force-exclude. Each file found is then read
// with its own configuration (ConfigResolver::for_file), as lint reads it.
#include <string>
#include <vector>

#include "config_resolver.hpp"
#include "mdrisk/discover.hpp"
#include "options.hpp"

namespace mdrisk::cli {

// Lint reports in path order; a report or a diff follows the arguments
// (a combined report's axes start with the first file's values), each
// folder's files in path order.
enum class FileOrder { by_path, as_given };

struct Gathered {
  Discovered found;
  const Config* walk_config = nullptr;  // the working directory's: the walk's settings, max-warnings
};

// Files in `order`, each once ("-" first under by_path). `stdin_text`: standard input's content when "-" is among `paths` and it
// was read already; with --force-exclude and --stdin-filename it is then
// filtered by that name and content, as a file on disk would be. Errors
// (a config that cannot be read, a folder that cannot be walked) are one
// line without the leading "mdrisk: ".
Result<Gathered> gather_files(const std::vector<std::string>& paths, const Options& opt, ConfigResolver& configs,
                              FileOrder order, const std::string* stdin_text = nullptr);

// "mdrisk: no tracker files found" on stderr when a walk found nothing
// (not under -q, and not when --force-exclude filtered out the files named:
// a hook handed only non-trackers has nothing to say).
void say_if_nothing_found(const Discovered& found, const Options& opt);

}  // namespace mdrisk::cli
