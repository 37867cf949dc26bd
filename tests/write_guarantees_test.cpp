// What `--fix` keeps of the file it replaces (lib/src/io/io.cpp,
// write_atomic): an edit made since it was read, owner and group, mode,
// extended attributes and ACLs, hard links (refused, never split), no temp
// file after SIGINT / SIGTERM / SIGHUP, and no writing through /dev/stdin.
// A case the machine cannot run (not root, no xattr support) is skipped
// with the reason printed.
#include <fcntl.h>
#include <poll.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <thread>

#include "mdrisk/io.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using mdrisk::test::read_file;
using mdrisk::test::run_mdrisk;
using mdrisk::test::temp_dir;
using mdrisk::test::write_file;

namespace {

// A tracker --fix changes (unpadded table, lower-case value), with `lines`
// lines of preamble to make it as large as a test needs.
std::string messy_tracker(std::size_t lines = 0) {
  std::string s = "# T\n\n";
  for (std::size_t i = 0; i < lines; ++i) s += "Preamble line " + std::to_string(i) + " kept as written.\n";
  s += "\n## Summary Table\n\n| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n|---|---|---|---|---|---|\n"
       "| A | high | Low | M | O | Open |\n\n## Detailed Entries\n\n### A\n\n- **Context**: c.\n"
       "- **Mitigation**: m.\n- **Monitoring**: w.\n";
  return s;
}

std::vector<std::string> leftovers(const std::string& dir, const std::vector<std::string>& keep) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (std::find(keep.begin(), keep.end(), name) == keep.end()) out.push_back(name);
  }
  return out;
}

TEST(WriteGuarantees, AnAppendSinceTheReadIsKept) {
  const std::string dir = temp_dir(), path = dir + "/t.md";
  write_file(path, messy_tracker());
  mdrisk::FileStamp stamp;
  ASSERT_TRUE(mdrisk::read_source(path, mdrisk::kDefaultMaxFileSize, &stamp));
  {
    std::FILE* f = std::fopen(path.c_str(), "ab");
    std::fputs("appended by someone else\n", f);
    std::fclose(f);
  }
  auto w = mdrisk::write_atomic(path, "fixed\n", &stamp);
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message.find("changed since mdrisk read it"), std::string::npos) << w.error().message;
  EXPECT_EQ(read_file(path), messy_tracker() + "appended by someone else\n");
  EXPECT_EQ(leftovers(dir, {"t.md"}), std::vector<std::string>{});
  fs::remove_all(dir);
}

TEST(WriteGuarantees, AnEditorsSaveByRenameIsKept) {
  const std::string dir = temp_dir(), path = dir + "/t.md";
  write_file(path, messy_tracker());
  mdrisk::FileStamp stamp;
  ASSERT_TRUE(mdrisk::read_source(path, mdrisk::kDefaultMaxFileSize, &stamp));
  // Same size, new inode: what an editor's atomic save does.
  std::string edited = messy_tracker();
  edited[2] = 'X';
  write_file(dir + "/.t.md.swp", edited);
  ASSERT_EQ(::rename((dir + "/.t.md.swp").c_str(), path.c_str()), 0);
  auto w = mdrisk::write_atomic(path, "fixed\n", &stamp);
  ASSERT_FALSE(w);
  EXPECT_EQ(read_file(path), edited);
  // Unchanged since the read: written.
  ASSERT_TRUE(mdrisk::read_source(path, mdrisk::kDefaultMaxFileSize, &stamp));
  EXPECT_TRUE(mdrisk::write_atomic(path, "fixed\n", &stamp));
  EXPECT_EQ(read_file(path), "fixed\n");
  fs::remove_all(dir);
}

TEST(WriteGuarantees, OwnerGroupAndModeAreKeptAsRoot) {
  if (::geteuid() != 0) GTEST_SKIP() << "giving a file to another owner needs root (CI runs as root)";
  const std::string dir = temp_dir(), path = dir + "/t.md";
  write_file(path, messy_tracker());
  ASSERT_EQ(::chown(path.c_str(), 4242, 4343), 0);
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  const auto r = run_mdrisk({"--fix", path});
  EXPECT_LE(r.exit_code, 1) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_NE(read_file(path), messy_tracker()) << "not fixed";
  EXPECT_EQ(st.st_uid, 4242u);
  EXPECT_EQ(st.st_gid, 4343u);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  std::printf("write[owner]: uid 4242 gid 4343 mode 0640 kept by --fix as root\n");
  fs::remove_all(dir);
}

// An access ACL in the kernel's xattr form: version 2, then (tag, perm, id)
// entries: owner rw, user 4242 r, group r, mask r, other none.
std::string acl_xattr() {
  std::string v;
  const auto u16 = [&](unsigned x) { v += static_cast<char>(x & 0xFF), v += static_cast<char>(x >> 8); };
  const auto u32 = [&](unsigned x) { u16(x & 0xFFFF), u16(x >> 16); };
  u32(2);
  for (auto [tag, perm, id] : {std::tuple{0x01u, 6u, 0xFFFFFFFFu}, std::tuple{0x02u, 4u, 4242u},
                               std::tuple{0x04u, 4u, 0xFFFFFFFFu}, std::tuple{0x10u, 4u, 0xFFFFFFFFu},
                               std::tuple{0x20u, 0u, 0xFFFFFFFFu}}) {
    u16(tag), u16(perm), u32(id);
  }
  return v;
}

std::string get_xattr(const std::string& path, const char* name) {
  char buf[4096];
  const ssize_t n = ::getxattr(path.c_str(), name, buf, sizeof buf);
  return n < 0 ? std::string("<") + std::strerror(errno) + ">" : std::string(buf, static_cast<std::size_t>(n));
}

TEST(WriteGuarantees, ExtendedAttributesAndAclsAreKept) {
  const std::string dir = temp_dir(), path = dir + "/t.md";
  write_file(path, messy_tracker());
  if (::setxattr(path.c_str(), "user.mdrisk.test", "kept", 4, 0) != 0) {
    GTEST_SKIP() << "the temp folder's file system refuses user xattrs: " << std::strerror(errno);
  }
  const std::string acl = acl_xattr();
  const bool has_acl = ::setxattr(path.c_str(), "system.posix_acl_access", acl.data(), acl.size(), 0) == 0;
  if (!has_acl) std::printf("write[xattr]: ACLs not supported here (%s); user xattr only\n", std::strerror(errno));
  const auto r = run_mdrisk({"--fix", path});
  EXPECT_LE(r.exit_code, 1) << r.err;
  EXPECT_NE(read_file(path), messy_tracker()) << "not fixed";
  EXPECT_EQ(get_xattr(path, "user.mdrisk.test"), "kept");
  if (has_acl) EXPECT_EQ(get_xattr(path, "system.posix_acl_access"), acl);
  std::printf("write[xattr]: user.mdrisk.test%s kept by --fix\n", has_acl ? " and an access ACL" : "");
  fs::remove_all(dir);
}

TEST(WriteGuarantees, AHardLinkedFileIsRefusedNotSplit) {
  const std::string dir = temp_dir(), path = dir + "/t.md", other = dir + "/link.md";
  write_file(path, messy_tracker());
  ASSERT_EQ(::link(path.c_str(), other.c_str()), 0);
  const auto r = run_mdrisk({"--fix", path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mdrisk: " + path +
                       ": has 2 hard links; not fixed (replacing it would split them: fix a copy, or use --fix - "
                       "and write the result back)\n");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_nlink, 2u);
  EXPECT_EQ(read_file(other), messy_tracker());
  EXPECT_EQ(leftovers(dir, {"t.md", "link.md"}), std::vector<std::string>{});
  fs::remove_all(dir);
}

TEST(WriteGuarantees, NeverWritesThroughDevStdin) {
  const std::string dir = temp_dir(), path = dir + "/f.md";
  write_file(path, messy_tracker());
  const std::string cmd = std::string("'") + MDRISK_BINARY + "' --fix /dev/stdin < '" + path + "' 2>'" + dir +
                          "/err'";
  const int status = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_EQ(read_file(dir + "/err"),
            "mdrisk: /dev/stdin: is not a regular file (a device or another process's descriptor); not fixed\n");
  EXPECT_EQ(read_file(path), messy_tracker());
  fs::remove_all(dir);
}

// Starts `mdrisk --fix path` and sends `sig` as soon as its temp file
// appears (inotify); returns whether the temp file existed at that moment.
bool signal_during_write(const std::string& dir, const std::string& path, int sig, int* status) {
  const int in = ::inotify_init1(IN_CLOEXEC);
  if (in < 0 || ::inotify_add_watch(in, dir.c_str(), IN_CREATE) < 0) return false;
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_RDWR);
    ::dup2(devnull, 0), ::dup2(devnull, 1), ::dup2(devnull, 2);
    ::execl(MDRISK_BINARY, MDRISK_BINARY, "--fix", path.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  bool caught = false;
  alignas(inotify_event) char buf[4096];
  while (true) {
    // Never wait for an event that cannot come: the run may end first.
    pollfd pfd{in, POLLIN, 0};
    if (::poll(&pfd, 1, 100) == 0) {
      if (::waitpid(pid, status, WNOHANG) == pid) {
        ::close(in);
        return false;
      }
      continue;
    }
    const ssize_t n = ::read(in, buf, sizeof buf);
    if (n <= 0) break;
    for (char* p = buf; p < buf + n;) {
      const auto* ev = reinterpret_cast<inotify_event*>(p);
      if (ev->len > 0 && std::strstr(ev->name, ".mdrisk-") != nullptr) {
        ::kill(pid, sig);
        caught = fs::exists(dir + "/" + ev->name);
        goto done;
      }
      p += sizeof(inotify_event) + ev->len;
    }
  }
done:
  ::waitpid(pid, status, 0);
  ::close(in);
  return caught;
}

TEST(WriteGuarantees, NoTempFileIsLeftAfterSigintSigtermOrSighup) {
  const std::string dir = temp_dir(), path = dir + "/t.md";
  // ~12 MB, so the write takes a while. Under the sanitizers every step of
  // --fix is several times slower, so a third of that keeps the write long
  // enough and the whole test inside its time limit on a loaded machine.
#if defined(__SANITIZE_ADDRESS__)
  const std::string input = messy_tracker(100000);
#else
  const std::string input = messy_tracker(300000);
#endif
  for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
    int caught = 0;
    // Until one signal lands during the write (each round is a whole --fix
    // of a large file, slow under the sanitizers).
    for (int round = 0; round < 5 && caught == 0; ++round) {
      write_file(path, input);
      int status = 0;
      if (signal_during_write(dir, path, sig, &status)) {
        ++caught;
        ASSERT_TRUE(WIFSIGNALED(status)) << "exit " << WEXITSTATUS(status);
        EXPECT_EQ(WTERMSIG(status), sig);
        EXPECT_EQ(read_file(path), input) << "killed before the rename, so the original stays";
      }
      EXPECT_EQ(leftovers(dir, {"t.md"}), std::vector<std::string>{}) << "signal " << sig;
    }
    EXPECT_GT(caught, 0) << "signal " << sig << " never arrived while the temp file existed";
    std::printf("write[signal %d]: signalled while writing; no temp file left\n", sig);
  }
  fs::remove_all(dir);
}

}  // namespace
