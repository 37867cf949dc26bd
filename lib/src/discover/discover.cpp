// File discovery: explicit files as given, folders walked for Markdown files
// holding a tracker (or matching `include`), minus `exclude` and whatever git
// ignores. libgit2 answers the gitignore question exactly as git does
// (nested .gitignore files, info/exclude, core.excludesFile, negations),
// which a hand-written matcher would only approximate.
#include "base/atx_heading.hpp"
#include "mdrisk/discover.hpp"

#include "discover/libgit2_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <system_error>

#include "base/text.hpp"

namespace fs = std::filesystem;

namespace mdrisk {
namespace {

// ---- globs ---------------------------------------------------------------

bool match_class(std::string_view& p, char c) {
  // p starts after '['; on return p is after the closing ']'.
  bool negate = false;
  if (!p.empty() && (p.front() == '!' || p.front() == '^')) {
    negate = true;
    p.remove_prefix(1);
  }
  bool matched = false, first = true;
  while (!p.empty() && (p.front() != ']' || first)) {
    first = false;
    char lo = p.front();
    p.remove_prefix(1);
    char hi = lo;
    if (p.size() >= 2 && p.front() == '-' && p[1] != ']') {
      hi = p[1];
      p.remove_prefix(2);
    }
    if (lo <= c && c <= hi) matched = true;
  }
  if (!p.empty()) p.remove_prefix(1);  // ']'
  return matched != negate;
}

bool glob_impl(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.starts_with("**")) {
      while (!p.empty() && p.front() == '*') p.remove_prefix(1);
      if (p.empty()) return true;  // "a/**": everything below
      if (p.front() == '/') {
        // "**/x": x here, or after any '/'.
        std::string_view rest = p.substr(1);
        if (glob_impl(rest, s)) return true;
        for (std::size_t i = 0; i < s.size(); ++i) {
          if (s[i] == '/' && glob_impl(rest, s.substr(i + 1))) return true;
        }
        return false;
      }
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (glob_impl(p, s.substr(i))) return true;
      }
      return false;
    }
    const char c = p.front();
    if (c == '*') {
      p.remove_prefix(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (glob_impl(p, s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (c == '?') {
      if (s.front() == '/') return false;
      p.remove_prefix(1);
    } else if (c == '[') {
      p.remove_prefix(1);
      if (s.front() == '/' || !match_class(p, s.front())) return false;
    } else {
      if (c == '\\' && p.size() > 1) p.remove_prefix(1);
      if (p.front() != s.front()) return false;
      p.remove_prefix(1);
    }
    s.remove_prefix(1);
  }
  return s.empty();
}

// A pattern with a '/' matches the whole relative path (or a folder that
// contains it); one without matches any single component.
bool matches(const std::vector<std::string>& patterns, std::string_view rel) {
  for (std::string_view pat : patterns) {
    while (pat.starts_with("./")) pat.remove_prefix(2);
    if (pat.starts_with("/")) pat.remove_prefix(1);
    while (pat.size() > 1 && pat.back() == '/') pat.remove_suffix(1);
    if (pat.empty()) continue;
    const bool anchored = pat.find('/') != std::string_view::npos;
    std::size_t start = 0;
    while (true) {
      const std::size_t slash = rel.find('/', start);
      const std::string_view upto = rel.substr(0, slash);                      // an ancestor or the path
      const std::string_view component = rel.substr(start, slash - start);    // its last name
      if (anchored ? glob_impl(pat, upto) : glob_impl(pat, component)) return true;
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
  }
  return false;
}

std::string relative_to(const fs::path& root_abs, const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(root_abs);
  std::string s = rel.generic_string();
  if (s.empty() || s == ".") return abs.filename().generic_string();
  return s;
}

// ---- git -----------------------------------------------------------------

struct RepoDeleter {
  void operator()(git_repository* r) const { libgit2()->repository_free(r); }
};

// Asked only after Walker::walk checked that libgit2() loaded.
class GitIgnores {
 public:
  // Whether git ignores `p` (a file, or a folder when `is_dir`).
  bool ignored(const fs::path& p, bool is_dir) {
    const Libgit2* git = libgit2();
    if (!git) return false;
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
    const fs::path dir = is_dir ? abs : abs.parent_path();
    git_repository* repo = repo_for(*git, dir);
    if (!repo) return false;
    const char* workdir = git->repository_workdir(repo);
    if (!workdir) return false;  // bare
    std::string rel = abs.lexically_relative(fs::path(workdir).lexically_normal()).generic_string();
    if (rel.empty() || rel == "." || rel.starts_with("..")) return false;
    if (is_dir) rel += '/';
    int result = 0;
    if (git->ignore_path_is_ignored(&result, repo, rel.c_str()) != 0) return false;
    return result == 1;
  }

 private:
  git_repository* repo_for(const Libgit2& git, const fs::path& dir) {
    const std::string key = dir.string();
    if (auto it = by_dir_.find(key); it != by_dir_.end()) return it->second;
    git_repository* found = nullptr;
    git_buf root = GIT_BUF_INIT;
    if (git.repository_discover(&root, key.c_str(), 0, nullptr) == 0) {
      const std::string gitdir(root.ptr, root.size);
      auto it = repos_.find(gitdir);
      if (it == repos_.end()) {
        git_repository* repo = nullptr;
        if (git.repository_open(&repo, gitdir.c_str()) == 0) {
          it = repos_.emplace(gitdir, std::unique_ptr<git_repository, RepoDeleter>(repo)).first;
        }
      }
      if (it != repos_.end()) found = it->second.get();
    }
    git.buf_dispose(&root);
    by_dir_[key] = found;
    return found;
  }

  std::map<std::string, std::unique_ptr<git_repository, RepoDeleter>> repos_;
  std::map<std::string, git_repository*> by_dir_;
};

// ---- walking -------------------------------------------------------------

bool has_extension(const fs::path& p, const std::vector<std::string>& extensions) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(extensions.begin(), extensions.end(), ext) != extensions.end();
}

bool file_has_heading(const fs::path& p, std::string_view heading) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  return has_heading(ss.str(), heading);
}

class Walker {
 public:
  explicit Walker(const DiscoverOptions& o)
      : opt_(o), root_(fs::absolute(fs::path(o.root.empty() ? "." : o.root)).lexically_normal()) {}

  // Why `p` is skipped ("" when it is not): an exclude glob or git.
  std::string excluded(const fs::path& p, bool is_dir) {
    if (!opt_.exclude.empty() && matches(opt_.exclude, relative_to(root_, p))) return "matches an exclude glob";
    if (opt_.respect_gitignore && git_.ignored(p, is_dir)) return "ignored by git";
    return {};
  }

  // Why a file found by walking (or an explicit one under filter_explicit)
  // is skipped, "" when it is linted. `text` is its content when the caller
  // has it already (standard input), else the file is read.
  std::string skip_reason(const fs::path& p, const std::string* text = nullptr) {
    if (std::string why = excluded(p, false); !why.empty()) return why;
    if (!opt_.include.empty() && matches(opt_.include, relative_to(root_, p))) return {};
    if (!has_extension(p, opt_.extensions)) return "not a Markdown file (.md, .markdown)";
    const bool tracker = text ? has_heading(*text, opt_.table_heading) : file_has_heading(p, opt_.table_heading);
    return tracker ? std::string() : "no '" + opt_.table_heading + "' heading and no include glob";
  }

  Result<bool> walk(const fs::path& dir, std::vector<std::string>& out, std::vector<Skipped>* skipped) {
    std::string why;
    if (opt_.respect_gitignore && !libgit2(&why)) {
      return Error{ErrorKind::Io, dir.string() + ": cannot read .gitignore files (" + why +
                                      "); install libgit2, or pass --no-respect-gitignore"};
    }
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Error{ErrorKind::Io, dir.string() + ": " + ec.message()};
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return Error{ErrorKind::Io, dir.string() + ": " + ec.message()};
      const fs::path p = it->path().lexically_normal();
      if (it->is_directory(ec)) {
        std::string why;
        if (it->is_symlink(ec)) {
          why = "a symbolic link to a folder (not followed)";
        } else if (p.filename() != ".git") {
          why = excluded(p, true);
        }
        if (p.filename() == ".git" || !why.empty()) it.disable_recursion_pending();
        if (skipped && !why.empty()) skipped->push_back({p.generic_string() + "/", why});
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      const std::string why = skip_reason(p);
      if (why.empty()) {
        out.push_back(p.generic_string());
      } else if (skipped && has_extension(p, opt_.extensions)) {
        skipped->push_back({p.generic_string(), why});  // other files are not candidates: no news
      }
    }
    return true;
  }

 private:
  const DiscoverOptions& opt_;
  fs::path root_;
  GitIgnores git_;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) { return glob_impl(pattern, path); }

bool has_heading(std::string_view text, std::string_view heading) {
  const std::string want = text::normalize_name(heading);
  std::string_view fence;  // open code fence marker ("```" or "~~~"), empty when none
  std::string_view previous;  // the last non-blank paragraph line, for setext headings
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
    std::string_view body = indent < 4 ? line.substr(indent) : std::string_view();
    if (!fence.empty()) {
      if (body.starts_with(fence)) fence = {};
      continue;
    }
    if (body.starts_with("```") || body.starts_with("~~~")) {
      fence = body.substr(0, 3);
      previous = {};
      continue;
    }
    if (const std::optional<AtxLine> h = scan_atx_line(body, 0)) {
      if (text::normalize_name(h->text(body)) == want) return true;
      previous = {};
      continue;
    }
    const std::string_view trimmed = text::trim(body);
    if (!trimmed.empty() && !previous.empty() &&
        trimmed.find_first_not_of(trimmed.front() == '=' ? "=" : "-") == std::string_view::npos &&
        (trimmed.front() == '=' || trimmed.front() == '-')) {
      if (text::normalize_name(previous) == want) return true;
    }
    previous = trimmed;
    if (nl == text.size()) break;
  }
  return false;
}

Result<Discovered> discover_files(const std::vector<std::string>& paths, const DiscoverOptions& options) {
  Discovered out;
  Walker walker(options);
  bool stdin_given = false;
  std::vector<std::string> files;
  for (const std::string& arg : paths) {
    if (arg == "-") {
      stdin_given = true;
      continue;
    }
    std::error_code ec;
    const fs::path p(arg);
    if (fs::is_directory(p, ec)) {
      auto walked = walker.walk(p, files, options.record_skipped ? &out.skipped : nullptr);
      if (!walked) return walked.error();
      continue;
    }
    if (options.filter_explicit && fs::is_regular_file(p, ec)) {
      if (std::string why = walker.skip_reason(p); !why.empty()) {
        out.skipped_explicit.push_back(arg);
        out.skipped.push_back({arg, why});
        continue;
      }
    }
    files.push_back(arg);
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  if (stdin_given && options.filter_explicit && options.stdin_text) {
    // Standard input under --stdin-filename: filtered by that name and its text.
    if (std::string why = walker.skip_reason(fs::path(options.stdin_name), options.stdin_text); !why.empty()) {
      out.skipped_explicit.push_back("-");
      out.skipped.push_back({options.stdin_name, why});
      stdin_given = false;
    }
  }
  std::sort(out.skipped.begin(), out.skipped.end(),
            [](const Skipped& a, const Skipped& b) { return a.path < b.path; });
  if (stdin_given) out.files.push_back("-");
  out.files.insert(out.files.end(), files.begin(), files.end());
  return out;
}

}  // namespace mdrisk
