#include "discover/libgit2_loader.hpp"

#include <dlfcn.h>

#include <string>

namespace mdrisk {
namespace {

struct Loaded {
  Libgit2 api{};
  bool ok = false;
  std::string why;
};

template <typename Fn>
bool bind(void* handle, const char* name, Fn*& fn, std::string& why) {
  fn = reinterpret_cast<Fn*>(::dlsym(handle, name));
  if (!fn) why = std::string("libgit2 has no ") + name;
  return fn != nullptr;
}

Loaded load() {
  Loaded l;
  // The soname the build was made against (MDRISK_LIBGIT2_SONAME, from
  // pkg-config's version), then the unversioned development name.
  // The message reported is the first one: the soname is what a user can install.
  for (const char* name : {MDRISK_LIBGIT2_SONAME, "libgit2.so"}) {
    std::string why;
    if ((l.ok = load_libgit2(name, l.api, why))) break;
    if (l.why.empty()) l.why = why;
  }
  // Initialising parses the TLS certificate store (~10 ms): once, here.
  if (l.ok && l.api.libgit2_init() < 0) {
    l.ok = false;
    l.why = "git_libgit2_init failed";
  }
  return l;
}

}  // namespace

bool load_libgit2(const char* soname, Libgit2& a, std::string& why) {
  void* h = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char* err = ::dlerror();
    why = std::string("cannot load ") + soname + (err ? std::string(": ") + err : "");
    return false;
  }
  // The handle stays open for the life of the process, as a linked library
  // would (a failed bind leaves a harmless reference).
  return bind(h, "git_libgit2_init", a.libgit2_init, why) &&
         bind(h, "git_repository_discover", a.repository_discover, why) &&
         bind(h, "git_repository_open", a.repository_open, why) &&
         bind(h, "git_repository_workdir", a.repository_workdir, why) &&
         bind(h, "git_repository_free", a.repository_free, why) &&
         bind(h, "git_ignore_path_is_ignored", a.ignore_path_is_ignored, why) &&
         bind(h, "git_buf_dispose", a.buf_dispose, why) &&
         bind(h, "git_revparse_single", a.revparse_single, why) &&
         bind(h, "git_object_peel", a.object_peel, why) &&
         bind(h, "git_object_free", a.object_free, why) &&
         bind(h, "git_tree_entry_bypath", a.tree_entry_bypath, why) &&
         bind(h, "git_tree_entry_free", a.tree_entry_free, why) &&
         bind(h, "git_tree_entry_type", a.tree_entry_type, why) &&
         bind(h, "git_tree_entry_id", a.tree_entry_id, why) &&
         bind(h, "git_blob_lookup", a.blob_lookup, why) &&
         bind(h, "git_blob_rawcontent", a.blob_rawcontent, why) &&
         bind(h, "git_blob_rawsize", a.blob_rawsize, why) &&
         bind(h, "git_blob_free", a.blob_free, why) &&
         bind(h, "git_repository_is_shallow", a.repository_is_shallow, why) &&
         bind(h, "git_error_last", a.error_last, why);
}

const Libgit2* libgit2(std::string* why) {
  static const Loaded loaded = load();  // C++11 magic static: thread-safe, once
  if (!loaded.ok && why) *why = loaded.why;
  return loaded.ok ? &loaded.api : nullptr;
}

}  // namespace mdrisk
