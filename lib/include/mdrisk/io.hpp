#pragma once
// Reading a tracker from disk and writing a fixed one back safely.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mdrisk/error.hpp"
#include "mdrisk/source.hpp"

namespace mdrisk {

inline constexpr std::size_t kDefaultMaxFileSize = 64u << 20;  // 64 MiB

// What a file was when mdrisk read it: write_atomic refuses to replace it
// if any of this changed since (an edit made while --fix ran is kept).
struct FileStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// Reads and validates `path`. Errors are one line without the path
// ("is a directory", "No such file or directory", "is not valid UTF-8 ...").
// A NUL byte is reported as soon as it is read, not after the whole file.
// `stamp`, when given, receives what the file was as read (from the open
// descriptor).
Result<SourceFile> read_source(const std::string& path, std::size_t max_size = kDefaultMaxFileSize,
                               FileStamp* stamp = nullptr);
// Reads all of standard input, named `display_name`.
Result<SourceFile> read_stdin(const std::string& display_name, std::size_t max_size = kDefaultMaxFileSize);

// Replaces `path` (through a symlink: the link's target) with `bytes`
// atomically: a temp file in the same folder, written, given the
// original's owner and group (when permitted: always as root), mode and
// extended attributes (ACLs are the system.posix_acl_* ones), flushed, then
// renamed over it. On any failure the original is untouched and the temp
// file removed. Refused, writing nothing:
//  * a read-only file or folder;
//  * anything but a regular file, and any path through /dev or /proc
//    (`--fix /dev/stdin` would otherwise rewrite whatever stdin is);
//  * a file with more than one hard link (a rename would split the links;
//    an in-place write could not be atomic);
//  * with `expected`: a file whose FileStamp changed since it was read,
//    checked again right before the rename.
Result<bool> write_atomic(const std::string& path, const std::string& bytes, const FileStamp* expected = nullptr);

// Installs SIGINT, SIGTERM and SIGHUP handlers that remove write_atomic's
// temp files before the process dies of the signal (signals the process
// ignores stay ignored). For programs; once per process.
void install_temp_file_cleanup();

}  // namespace mdrisk
