#include "mdrisk/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>

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

}  // namespace

Result<SourceFile> read_source(const std::string& path, std::size_t max_size) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return io_error("cannot read file");
  if (S_ISDIR(st.st_mode)) return Error{ErrorKind::Io, "is a directory"};
  if (!S_ISREG(st.st_mode)) return Error{ErrorKind::Io, "is not a regular file"};
  if (static_cast<std::size_t>(st.st_size) > max_size) return Error{ErrorKind::InvalidInput, size_limit_message(max_size)};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error("cannot open file");
  std::string bytes;
  // One byte more than stat's size, so reading the whole file takes no
  // second allocation (and copy) just to see the end of the file.
  bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  while (true) {
    if (got == bytes.size()) bytes.resize(bytes.size() + 65536);  // the file grew
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      const Error e = io_error("cannot read file");
      ::close(fd);
      return e;
    }
    if (n == 0) break;
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

Result<bool> write_atomic(const std::string& path, const std::string& bytes) {
  // Replace the target of a symlink, not the link itself.
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) return io_error("cannot resolve path");
  const std::string target = resolved;
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return io_error("cannot stat file");
  // Mode bits are checked too: root may write anywhere, but a file or folder
  // someone made read-only says "do not change this".
  if ((st.st_mode & 0222) == 0) return Error{ErrorKind::Io, "is read-only; not fixed"};
  if (::access(target.c_str(), W_OK) != 0) return io_error("cannot write file");
  const std::size_t slash = target.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : target.substr(0, slash + 1);
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  struct stat dst {};
  if (::stat(dir.c_str(), &dst) == 0 && (dst.st_mode & 0222) == 0) {
    return Error{ErrorKind::Io, "is in a read-only folder; not fixed"};
  }
  std::string tmp = dir + "." + base + ".mdrisk-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return io_error("cannot create a temporary file in " + dir);
  const auto fail = [&](const std::string& what) -> Result<bool> {
    const Error e = io_error(what);
    ::close(fd);
    ::unlink(tmp.c_str());
    return e;
  };
  if (!write_all(fd, bytes)) return fail("cannot write the fixed file");
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot keep the file mode");
  if (::fsync(fd) != 0) return fail("cannot flush the fixed file");
  if (::close(fd) != 0) {
    const Error e = io_error("cannot close the fixed file");
    ::unlink(tmp.c_str());
    return e;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const Error e = io_error("cannot replace the file");
    ::unlink(tmp.c_str());
    return e;
  }
  return true;
}

}  // namespace mdrisk
