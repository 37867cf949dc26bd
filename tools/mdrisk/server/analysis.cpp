#include "server/analysis.hpp"

#include <sys/stat.h>

#include "mdrisk/fix.hpp"
#include "mdrisk/io.hpp"
#include "mdrisk/linter.hpp"

namespace mdrisk::server {

std::string config_folder(const std::optional<std::string>& path) {
  if (!path) return ".";
  const std::size_t slash = path->rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path->substr(0, slash);
}

std::string config_signature(const ConfigChoice& choice, const std::string& folder) {
  if (choice.disabled) return "";
  const std::string file = !choice.explicit_path.empty() ? choice.explicit_path : find_config(folder).value_or("");
  if (file.empty()) return "";
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return file + " (missing)";
  return file + " " + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + " " +
         std::to_string(st.st_size);
}

const Tracker* Analysis::tracker() const {
  if (!source) return nullptr;
  if (!tracker_) tracker_.emplace(parse_tracker(*source, config->lint.schema));
  return &*tracker_;
}

const Result<std::string>& Analysis::fixed_text() const {
  if (!fixed_) {
    if (!source) {
      fixed_.emplace(Error{ErrorKind::InvalidInput, problem});
    } else {
      auto outcome = fix_source(*source, *lint_options, FixOptions{});
      if (outcome) {
        fixed_.emplace(std::move(outcome->output));
      } else {
        fixed_.emplace(outcome.error());
      }
    }
  }
  return *fixed_;
}

std::shared_ptr<const Analysis> analyse(long long version, const std::string& text,
                                        const std::optional<std::string>& path, const ConfigChoice& choice,
                                        const std::shared_ptr<cli::ConfigResolver>& resolver) {
  auto a = std::make_shared<Analysis>();
  a->version = version;
  a->text = text;
  a->index = std::make_unique<LineIndex>(a->text);
  a->resolver = resolver;
  const std::string folder = config_folder(path);
  a->config_signature = config_signature(choice, folder);
  // The resolver maps a file to the nearest config from its folder; a
  // document without a file resolves from the working directory, like stdin.
  auto cfg = resolver->for_file(path ? *path : std::string("-"));
  if (!cfg) {
    a->problem = "configuration error: " + cfg.error().message;
    return a;
  }
  a->config = cfg->config;
  a->lint_options = cfg->lint;
  if (text.size() > kDefaultMaxFileSize) {
    a->problem = "the document is larger than the 64 MiB limit; not linted";
    return a;
  }
  auto source = SourceFile::from_bytes(path.value_or("<untitled>"), text);
  if (!source) {
    a->problem = "cannot lint: " + source.error().message;
    return a;
  }
  a->source.emplace(std::move(*source));
  a->diagnostics = lint(*a->source, *a->lint_options);
  return a;
}

}  // namespace mdrisk::server
