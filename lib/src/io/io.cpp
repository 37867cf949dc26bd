#include "mdrisk/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <iterator>
#include <vector>

#include "io/temp_cleanup.hpp"

namespace mdrisk {
namespace {

Error io_error(const std::string& what) { return Error{ErrorKind::Io, what + ": " + std::strerror(errno)}; }

std::string size_limit_message(std::size_t max_size) {
  return "is larger than the " + std::to_string(max_size >> 20) + " MiB limit (--max-file-size)";
}

// Writes everything or fails; retries short writes and EINTR.
bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

FileStamp stamp_of(const struct stat& st) {
  FileStamp s;
  s.device = static_cast<std::uint64_t>(st.st_dev);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  return s;
}

bool under_special_tree(const std::string& p) {
  return p == "/dev" || p == "/proc" || p.rfind("/dev/", 0) == 0 || p.rfind("/proc/", 0) == 0;
}

// Follows `path`'s symlinks one by one (as realpath would) and says whether
// any step names something under /dev or /proc: /dev/stdin leads through
// /proc/self/fd/0 to whatever file the shell opened, and writing "through"
// it would replace that file.
bool through_special_tree(std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    if (under_special_tree(path)) return true;
    char target[PATH_MAX];
    const ssize_t n = ::readlink(path.c_str(), target, sizeof target - 1);
    if (n < 0) return false;  // not a link (or gone): realpath decides the rest
    target[n] = '\0';
    std::string next = target;
    if (next.empty() || next[0] != '/') {
      const std::size_t slash = path.rfind('/');
      next = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + next;
    }
    path = next;
  }
  return false;
}

// Copies every extended attribute of `from` (ACLs included) onto `to`.
// Attributes an unprivileged process may not set (trusted.*, security.*)
// are skipped when refused; anything else that fails is an error, so a
// file never silently loses its ACL.
std::optional<std::string> copy_xattrs(int from, int to) {
  ssize_t size = ::flistxattr(from, nullptr, 0);
  if (size < 0) return errno == ENOTSUP ? std::nullopt : std::optional<std::string>(std::strerror(errno));
  if (size == 0) return std::nullopt;
  std::vector<char> names(static_cast<std::size_t>(size));
  size = ::flistxattr(from, names.data(), names.size());
  if (size < 0) return std::string(std::strerror(errno));
  std::vector<char> value;
  for (std::size_t i = 0; i < static_cast<std::size_t>(size);) {
    const char* name = names.data() + i;
    i += std::strlen(name) + 1;
    ssize_t len = ::fgetxattr(from, name, nullptr, 0);
    if (len < 0) return std::string(name) + ": " + std::strerror(errno);
    value.resize(static_cast<std::size_t>(len));
    len = ::fgetxattr(from, name, value.data(), value.size());
    if (len < 0) return std::string(name) + ": " + std::strerror(errno);
    if (::fsetxattr(to, name, value.data(), static_cast<std::size_t>(len), 0) != 0) {
      const bool privileged = std::strncmp(name, "trusted.", 8) == 0 || std::strncmp(name, "security.", 9) == 0;
      if (privileged && (errno == EPERM || errno == ENOTSUP)) continue;
      return std::string(name) + ": " + std::strerror(errno);
    }
  }
  return std::nullopt;
}

}  // namespace

Result<SourceFile> read_source(const std::string& path, std::size_t max_size, FileStamp* stamp) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return io_error("cannot read file");
  if (S_ISDIR(st.st_mode)) return Error{ErrorKind::Io, "is a directory"};
  if (!S_ISREG(st.st_mode)) return Error{ErrorKind::Io, "is not a regular file"};
  if (static_cast<std::size_t>(st.st_size) > max_size) return Error{ErrorKind::InvalidInput, size_limit_message(max_size)};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error("cannot open file");
  // What is read is what the descriptor names, whatever the path names now.
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error{ErrorKind::Io, "is not a regular file"};
  }
  if (stamp) *stamp = stamp_of(st);
  std::string bytes;
  // One byte more than stat's size, so reading the whole file takes no
  // second allocation (and copy) just to see the end of the file. Read in
  // chunks, so a binary file is refused after its first chunk, not after
  // all of it has been paged in.
  const std::size_t expected = static_cast<std::size_t>(st.st_size) + 1;
  constexpr std::size_t kChunk = std::size_t{4} << 20;
  bytes.reserve(expected);
  std::size_t got = 0;
  bool wide_bom = false;  // UTF-16/32 text has NULs; from_bytes names its encoding
  while (true) {
    if (got == bytes.size()) bytes.resize(got < expected ? std::min(expected, got + kChunk) : got + 65536);
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      const Error e = io_error("cannot read file");
      ::close(fd);
      return e;
    }
    if (n == 0) break;
    // A binary file is refused at its first NUL, not after reading it all
    // (SourceFile::from_bytes would say the same, at the end).
    if (got == 0 && n >= 2) {
      const unsigned char b0 = static_cast<unsigned char>(bytes[0]), b1 = static_cast<unsigned char>(bytes[1]);
      wide_bom = (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) ||
                 (n >= 4 && b0 == 0 && b1 == 0 && bytes[2] == '\xFE' && bytes[3] == '\xFF');
    }
    if (const void* nul = wide_bom ? nullptr : std::memchr(bytes.data() + got, '\0', static_cast<std::size_t>(n))) {
      const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
      ::close(fd);
      return Error{ErrorKind::InvalidInput, "contains a NUL byte at offset " + std::to_string(at) + " (binary file?)"};
    }
    got += static_cast<std::size_t>(n);
    if (got > max_size) {
      ::close(fd);
      return Error{ErrorKind::InvalidInput, size_limit_message(max_size)};
    }
  }
  ::close(fd);
  bytes.resize(got);
  return SourceFile::from_bytes(path, std::move(bytes));
}

Result<SourceFile> read_stdin(const std::string& display_name, std::size_t max_size) {
  std::string bytes;
  // `mdrisk - < file`: stdin is the file itself; read it in place instead of
  // growing the string (and copying it) 64 KiB at a time.
  struct stat st {};
  if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      static_cast<std::size_t>(st.st_size) <= max_size) {
    bytes.reserve(static_cast<std::size_t>(st.st_size) + 1);
  }
  char buf[65536];
  while (true) {
    const std::size_t room = bytes.capacity() - bytes.size();
    if (room >= sizeof buf) {  // straight into the string
      const std::size_t old = bytes.size();
      bytes.resize(bytes.capacity());
      const ssize_t n = ::read(STDIN_FILENO, bytes.data() + old, room);
      bytes.resize(old + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
      if (n < 0) {
        if (errno == EINTR) continue;
        return io_error("cannot read standard input");
      }
      if (n == 0) break;
    } else {
      const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
      if (n < 0) {
        if (errno == EINTR) continue;
        return io_error("cannot read standard input");
      }
      if (n == 0) break;
      bytes.append(buf, static_cast<std::size_t>(n));
    }
    if (bytes.size() > max_size) return Error{ErrorKind::InvalidInput, size_limit_message(max_size)};
  }
  return SourceFile::from_bytes(display_name, std::move(bytes));
}

Result<bool> write_atomic(const std::string& path, const std::string& bytes, const FileStamp* expected) {
  if (through_special_tree(path)) {
    return Error{ErrorKind::Io, "is not a regular file (a device or another process's descriptor); not fixed"};
  }
  // Replace the target of a symlink, not the link itself.
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) return io_error("cannot resolve path");
  const std::string target = resolved;
  if (under_special_tree(target)) {
    return Error{ErrorKind::Io, "is not a regular file (a device or another process's descriptor); not fixed"};
  }
  // The original stays open: its attributes are copied from it, and what
  // is checked before the rename is the file that was read.
  const int orig = ::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (orig < 0) return io_error("cannot open file");
  struct stat st {};
  const auto close_orig = [&] { ::close(orig); };
  if (::fstat(orig, &st) != 0) {
    const Error e = io_error("cannot stat file");
    close_orig();
    return e;
  }
  const auto refuse = [&](std::string what) -> Result<bool> {
    close_orig();
    return Error{ErrorKind::Io, std::move(what)};
  };
  if (!S_ISREG(st.st_mode)) return refuse("is not a regular file; not fixed");
  // Mode bits are checked too: root may write anywhere, but a file or folder
  // someone made read-only says "do not change this".
  if ((st.st_mode & 0222) == 0) return refuse("is read-only; not fixed");
  if (st.st_nlink > 1) {
    return refuse("has " + std::to_string(st.st_nlink) +
                  " hard links; not fixed (replacing it would split them: fix a copy, or use --fix - and write the "
                  "result back)");
  }
  const std::string changed = "changed since mdrisk read it; not fixed (nothing was lost: run mdrisk again)";
  if (expected && stamp_of(st) != *expected) return refuse(changed);
  if (::access(target.c_str(), W_OK) != 0) {
    const Error e = io_error("cannot write file");
    close_orig();
    return e;
  }
  const std::size_t slash = target.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : target.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  struct stat dst {};
  if (::stat(dir.c_str(), &dst) == 0 && (dst.st_mode & 0222) == 0) return refuse("is in a read-only folder; not fixed");
  std::string tmp = dir + "." + base + ".mdrisk-XXXXXX";
  const io::TempFileRegistration registered(tmp);  // the name is filled in by mkstemp, in place
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    const Error e = io_error("cannot create a temporary file in " + dir);
    close_orig();
    return e;
  }
  const auto fail_with = [&](Error e) -> Result<bool> {
    ::close(fd);
    ::unlink(tmp.c_str());
    close_orig();
    return e;
  };
  const auto fail = [&](const std::string& what) { return fail_with(io_error(what)); };
  if (!write_all(fd, bytes)) return fail("cannot write the fixed file");
  // Owner and group first (a chown clears set-id bits), when permitted: root
  // always; anyone else keeps at least a group they belong to. Then the mode,
  // then the extended attributes (an ACL sets the group bits of the mode).
  if (::fchown(fd, st.st_uid, st.st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), st.st_gid);
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the file mode");
  if (auto bad = copy_xattrs(orig, fd)) {
    return fail_with(Error{ErrorKind::Io, "cannot keep the extended attribute " + *bad + "; not fixed"});
  }
  if (::fsync(fd) != 0) return fail("cannot flush the fixed file");
  if (::close(fd) != 0) {
    const Error e = io_error("cannot close the fixed file");
    ::unlink(tmp.c_str());
    close_orig();
    return e;
  }
  // Last look before the rename: an edit or an editor's save-by-rename made
  // while mdrisk worked is kept, and this write dropped.
  struct stat now {};
  if (expected && (::stat(target.c_str(), &now) != 0 || stamp_of(now) != *expected)) {
    ::unlink(tmp.c_str());
    close_orig();
    return Error{ErrorKind::Io, changed};
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const Error e = io_error("cannot replace the file");
    ::unlink(tmp.c_str());
    close_orig();
    return e;
  }
  close_orig();
  return true;
}

}  // namespace mdrisk
