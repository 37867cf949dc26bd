#pragma once
// One lint of one version of a document, with everything the requests about
// that version need: the validated text, its positions, the findings and the
// configuration they came from.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config_resolver.hpp"
#include "mdrisk/config.hpp"
#include "mdrisk/diagnostic.hpp"
#include "mdrisk/source.hpp"
#include "mdrisk/tracker.hpp"
#include "server/line_index.hpp"

namespace mdrisk::server {

// How the server picks configurations: the CLI's own options.
struct ConfigChoice {
  std::string explicit_path;  // --config
  bool disabled = false;      // --no-config
  std::vector<std::string> select, ignore;
};

struct Analysis {
  long long version = 0;
  std::string text;                   // the linted text (owned: `index` points into it)
  std::unique_ptr<LineIndex> index;
  std::optional<SourceFile> source;   // nullopt when the text cannot be linted
  std::vector<Diagnostic> diagnostics;
  std::string problem;                // why it could not be linted (bad text, bad config)
  // The configuration used. The resolver owns `config`; holding it keeps the
  // pointer valid after the server has switched to a fresh resolver.
  std::shared_ptr<cli::ConfigResolver> resolver;
  const Config* config = nullptr;
  const LintOptions* lint_options = nullptr;  // config->lint plus the per-file ignores for this path
  std::string config_signature;       // which .mdrisk.toml, and its mtime and size

  // Worked out on first use by the requests that need them, once per version.
  // The register model (nullptr when the text could not be linted).
  const Tracker* tracker() const;
  // What `mdrisk --fix` would write (safe fixes), or why it refuses.
  const Result<std::string>& fixed_text() const;

 private:
  mutable std::optional<Tracker> tracker_;
  mutable std::optional<Result<std::string>> fixed_;
};

// The folder whose `.mdrisk.toml` applies to a document: the file's folder,
// or the working directory for a document that is not a local file.
std::string config_folder(const std::optional<std::string>& path);
// Identifies the configuration file a folder gets and its state on disk, so
// that a new, edited or deleted `.mdrisk.toml` is noticed.
std::string config_signature(const ConfigChoice& choice, const std::string& folder);

// Lints `text` as the CLI would lint the file at `path` (nullopt: standard input).
std::shared_ptr<const Analysis> analyse(long long version, const std::string& text,
                                        const std::optional<std::string>& path, const ConfigChoice& choice,
                                        const std::shared_ptr<cli::ConfigResolver>& resolver);

}  // namespace mdrisk::server
