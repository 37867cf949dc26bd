// Reading one file at one revision with libgit2. Every libgit2 object is
// owned by a unique_ptr whose deleter is the matching *_free, so each error
// path below releases what it took.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include "discover/libgit2_loader.hpp"
#include "mdrisk/history.hpp"

namespace mdrisk {
namespace {

namespace fs = std::filesystem;

Error fail(std::string message) { return Error{ErrorKind::Io, std::move(message)}; }

template <typename T>
struct Freer {
  void (*fn)(T*);
  void operator()(T* p) const {
    if (p) fn(p);
  }
};
template <typename T>
using Owned = std::unique_ptr<T, Freer<T>>;

// The absolute, symlink-free path of a file that may not exist any more:
// its folder is resolved, its name kept.
std::optional<fs::path> resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::absolute(fs::path(path), ec);
  if (ec) return std::nullopt;
  p = p.lexically_normal();
  if (fs::exists(p, ec)) {
    fs::path c = fs::canonical(p, ec);
    return ec ? std::nullopt : std::optional<fs::path>(c);
  }
  fs::path dir = fs::weakly_canonical(p.parent_path(), ec);
  if (ec) return std::nullopt;
  return dir / p.filename();
}

}  // namespace

Result<std::optional<std::string>> read_at_revision(const std::string& path, const std::string& revision) {
  std::string why;
  const Libgit2* git = libgit2(&why);
  if (!git) return fail("git history needs libgit2, which cannot be loaded: " + why);
  const auto file = resolved(path);
  if (!file) return fail("cannot resolve the path");
  const std::string start = file->parent_path().string();

  git_buf found{};
  if (git->repository_discover(&found, start.c_str(), 0, nullptr) != 0) {
    return fail("not in a git repository (history needs one)");
  }
  const std::string repo_path(found.ptr ? found.ptr : "");
  git->buf_dispose(&found);
  git_repository* raw_repo = nullptr;
  if (git->repository_open(&raw_repo, repo_path.c_str()) != 0) return fail("cannot open the git repository");
  Owned<git_repository> repo(raw_repo, {git->repository_free});
  const char* workdir = git->repository_workdir(repo.get());
  if (!workdir) return fail("the git repository has no work tree");
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(fs::path(workdir), ec);
  const std::string rel = file->lexically_relative(root).generic_string();
  if (ec || rel.empty() || rel == "." || rel.rfind("..", 0) == 0) return fail("not inside the repository's work tree");

  git_object* raw_obj = nullptr;
  if (git->revparse_single(&raw_obj, repo.get(), revision.c_str()) != 0) {
    // In a shallow clone a revision past the cut ("HEAD~5", an old hash)
    // is missing rather than unknown: say which, and what to do.
    if (git->repository_is_shallow(repo.get()) == 1) {
      return fail("revision '" + revision +
                  "' is not in this shallow clone (fetch more history: git fetch --unshallow, or a deeper "
                  "fetch-depth in CI)");
    }
    return fail("unknown revision '" + revision + "'");
  }
  Owned<git_object> obj(raw_obj, {git->object_free});
  git_object* raw_tree = nullptr;
  if (git->object_peel(&raw_tree, obj.get(), GIT_OBJECT_TREE) != 0) {
    return fail("revision '" + revision + "' is not a commit");
  }
  Owned<git_object> tree(raw_tree, {git->object_free});
  git_tree_entry* raw_entry = nullptr;
  const int looked = git->tree_entry_bypath(&raw_entry, reinterpret_cast<const git_tree*>(tree.get()), rel.c_str());
  if (looked == GIT_ENOTFOUND) return std::optional<std::string>();
  if (looked != 0) return fail("cannot read '" + rel + "' at " + revision);
  Owned<git_tree_entry> entry(raw_entry, {git->tree_entry_free});
  if (git->tree_entry_type(entry.get()) != GIT_OBJECT_BLOB) return std::optional<std::string>();
  git_blob* raw_blob = nullptr;
  if (git->blob_lookup(&raw_blob, repo.get(), git->tree_entry_id(entry.get())) != 0) {
    if (git->repository_is_shallow(repo.get()) == 1) {
      return fail("'" + rel + "' at " + revision + " is not in this shallow clone (fetch more history)");
    }
    return fail("cannot read '" + rel + "' at " + revision);
  }
  Owned<git_blob> blob(raw_blob, {git->blob_free});
  const auto* bytes = static_cast<const char*>(git->blob_rawcontent(blob.get()));
  return std::optional<std::string>(std::string(bytes, static_cast<std::size_t>(git->blob_rawsize(blob.get()))));
}

}  // namespace mdrisk
