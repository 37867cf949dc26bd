#pragma once
// A tracker as it was at a git revision, read through libgit2 (loaded on
// first use, as for .gitignore): what `mdrisk --base REV` compares the
// current file with, and what `mdrisk diff REV [REV]` compares.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "mdrisk/error.hpp"
#include "mdrisk/register_snapshot.hpp"
#include "mdrisk/schema.hpp"

namespace mdrisk {

// The bytes of `path` (a file in a git work tree, which need not exist any
// more) at `revision` (anything `git rev-parse` takes: HEAD~2, main, a tag,
// an abbreviated hash); nullopt when the file did not exist there.
// Errors, one line each: not in a git repository; unknown revision; a
// revision this shallow clone does not have; a revision that is no commit;
// libgit2 cannot be loaded.
Result<std::optional<std::string>> read_at_revision(const std::string& path, const std::string& revision);

// read_at_revision, then parsed under `schema` and reduced to a snapshot
// labelled `revision`; null when the file did not exist at `revision`. A
// version that mdrisk would refuse as input (not UTF-8, too large, the
// input guard) is an error naming the revision.
Result<std::shared_ptr<const RegisterSnapshot>> register_at_revision(const std::string& path,
                                                                     const std::string& revision,
                                                                     const Schema& schema, std::size_t max_size);

// The file as it is on disk now, reduced the same way (label "working
// tree"); null when it does not exist.
Result<std::shared_ptr<const RegisterSnapshot>> register_in_work_tree(const std::string& path, const Schema& schema,
                                                                      std::size_t max_size);

}  // namespace mdrisk
