#pragma once
// libgit2, loaded the first time a folder walk asks what .gitignore
// excludes. Linked normally it made every run's start-up slower (it pulls in
// many more libraries: mbedtls, krb5, libssh2... all bound eagerly; figures
// in bench/RESULTS.md, affd5e2), a large share of a small file's lint and of a
// pre-commit hook's fixed cost, although a run on explicit files or stdin
// never asks git anything.
#include <git2.h>

#include <string>

namespace mdrisk {

// The libgit2 functions mdrisk uses.
struct Libgit2 {
  int (*libgit2_init)();
  int (*repository_discover)(git_buf*, const char*, int, const char*);
  int (*repository_open)(git_repository**, const char*);
  const char* (*repository_workdir)(const git_repository*);
  void (*repository_free)(git_repository*);
  int (*ignore_path_is_ignored)(int*, git_repository*, const char*);
  void (*buf_dispose)(git_buf*);
  // Reading a file as it was at a revision (history/, `--base` and `diff`).
  int (*revparse_single)(git_object**, git_repository*, const char*);
  int (*object_peel)(git_object**, const git_object*, git_object_t);
  void (*object_free)(git_object*);
  int (*tree_entry_bypath)(git_tree_entry**, const git_tree*, const char*);
  void (*tree_entry_free)(git_tree_entry*);
  git_object_t (*tree_entry_type)(const git_tree_entry*);
  const git_oid* (*tree_entry_id)(const git_tree_entry*);
  int (*blob_lookup)(git_blob**, git_repository*, const git_oid*);
  const void* (*blob_rawcontent)(const git_blob*);
  git_object_size_t (*blob_rawsize)(const git_blob*);
  void (*blob_free)(git_blob*);
  int (*repository_is_shallow)(git_repository*);
  const git_error* (*error_last)();
};

// Loads and initialises libgit2 once per process (thread-safe). nullptr when
// it cannot be loaded; `why` then says what failed.
const Libgit2* libgit2(std::string* why = nullptr);

// One attempt to open `soname` and bind every function (no init, no cache):
// what libgit2() does first, exposed so tests can see a failed load.
bool load_libgit2(const char* soname, Libgit2& api, std::string& why);

}  // namespace mdrisk
