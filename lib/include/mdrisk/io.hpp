#pragma once
// Reading a tracker from disk and writing a fixed one back safely.
#include <cstddef>
#include <string>

#include "mdrisk/error.hpp"
#include "mdrisk/source.hpp"

namespace mdrisk {

inline constexpr std::size_t kDefaultMaxFileSize = 64u << 20;  // 64 MiB

// Reads and validates `path`. Errors are one line without the path
// ("is a directory", "No such file or directory", "is not valid UTF-8 ...").
Result<SourceFile> read_source(const std::string& path, std::size_t max_size = kDefaultMaxFileSize);
// Reads all of standard input, named `display_name`.
Result<SourceFile> read_stdin(const std::string& display_name, std::size_t max_size = kDefaultMaxFileSize);

// Replaces `path` (through a symlink: the link's target) with `bytes`
// atomically: a temp file in the same folder, written, flushed, given the
// original's mode, then renamed over it. On any failure the original is
// untouched and the temp file removed. A read-only file is refused.
Result<bool> write_atomic(const std::string& path, const std::string& bytes);

}  // namespace mdrisk
