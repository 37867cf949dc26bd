#include "libgit2_loader.hpp"

#include <dlfcn.h>

#include <mutex>

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
  void* h = nullptr;
  for (const char* name : {MDRISK_LIBGIT2_SONAME, "libgit2.so"}) {
    if ((h = ::dlopen(name, RTLD_NOW | RTLD_LOCAL))) break;
  }
  if (!h) {
    const char* err = ::dlerror();
    l.why = std::string("cannot load ") + MDRISK_LIBGIT2_SONAME + (err ? std::string(": ") + err : "");
    return l;
  }
  Libgit2& a = l.api;
  l.ok = bind(h, "git_libgit2_init", a.libgit2_init, l.why) &&
         bind(h, "git_repository_discover", a.repository_discover, l.why) &&
         bind(h, "git_repository_open", a.repository_open, l.why) &&
         bind(h, "git_repository_workdir", a.repository_workdir, l.why) &&
         bind(h, "git_repository_free", a.repository_free, l.why) &&
         bind(h, "git_ignore_path_is_ignored", a.ignore_path_is_ignored, l.why) &&
         bind(h, "git_buf_dispose", a.buf_dispose, l.why);
  // Initialising parses the TLS certificate store (~10 ms): once, here.
  if (l.ok && a.libgit2_init() < 0) {
    l.ok = false;
    l.why = "git_libgit2_init failed";
  }
  // The handle stays open for the life of the process, as a linked library would.
  return l;
}

}  // namespace

const Libgit2* libgit2(std::string* why) {
  static const Loaded loaded = load();  // C++11 magic static: thread-safe, once
  if (!loaded.ok && why) *why = loaded.why;
  return loaded.ok ? &loaded.api : nullptr;
}

}  // namespace mdrisk
