// Fault-safe writes of `mdrisk --fix`: a read-only file, a read-only folder,
// a full disk, a file-size limit, a symlink, SIGKILL in the middle of writing,
// and two --fix processes on one file at once. Always: the file is either
// intact or fully replaced (never partial), its mode is kept, and a failure is
// one line `mdrisk: FILE: problem` with exit 2. Each test prints one line for
// docs/RELIABILITY.md:
//   ctest --test-dir build-rel -R FaultSafety -V | grep 'fault\['
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <random>

#include "test_support.hpp"

namespace fs = std::filesystem;
using mdrisk::test::read_file;
using mdrisk::test::temp_dir;
using mdrisk::test::write_file;

namespace {

// Needs fixes of every kind (table alignment and values, bullets, a label
// alias, entry order, a missing entry for --unsafe-fixes) so --fix writes.
std::string tracker(std::size_t padding_lines = 0) {
  std::string s =
      "# Fault Tracker\n"
      "\n";
  for (std::size_t i = 0; i < padding_lines; ++i) {
    s += "Preamble line " + std::to_string(i) + " that --fix must keep exactly as written.\n";
  }
  s +=
      "\n## Summary Table\n"
      "\n"
      "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
      "|---|---|---|---|---|---|\n"
      "| Beta | high | Low | Do b | Bo | Open |\n"
      "| Alpha | Medium | medium | Do a | Al | Open |\n"
      "| Gamma | Low | Low | Do c, then d | Ga | Open |\n"
      "\n"
      "## Detailed Entries\n"
      "\n"
      "### Alpha\n"
      "* **Context**: Alpha context.\n"
      "* **Mitigations**\n"
      "  * Do a.\n"
      "* **Monitoring**: Watch a.\n"
      "\n"
      "### Beta\n"
      "\n"
      "- **Context**: Beta context.\n"
      "- **Mitigation**: Do b.\n"
      "- **Monitoring**: Watch b.\n";
  return s;
}

struct Proc {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string err;
};

int decode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

// Starts the binary with `args`; stderr to `err_path` (or /dev/null).
// `limit_file_size`: RLIMIT_FSIZE in bytes, with SIGXFSZ ignored so a write
// past it fails with EFBIG instead of killing the process.
pid_t spawn(const std::vector<std::string>& args, const std::string& err_path = "", long limit_file_size = -1) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  const int devnull = ::open("/dev/null", O_RDWR);
  ::dup2(devnull, 0);
  ::dup2(devnull, 1);
  if (!err_path.empty()) {
    const int e = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(e, 2);
  } else {
    ::dup2(devnull, 2);
  }
  if (limit_file_size >= 0) {
    ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl {static_cast<rlim_t>(limit_file_size), static_cast<rlim_t>(limit_file_size)};
    ::setrlimit(RLIMIT_FSIZE, &rl);
  }
  std::vector<char*> argv;
  std::string bin = MDRISK_BINARY;
  argv.push_back(bin.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(bin.c_str(), argv.data());
  ::_exit(127);
}

Proc run(const std::vector<std::string>& args, long limit_file_size = -1) {
  const std::string dir = temp_dir();
  const pid_t pid = spawn(args, dir + "/err", limit_file_size);
  int status = 0;
  ::waitpid(pid, &status, 0);
  Proc p{decode(status), read_file(dir + "/err")};
  fs::remove_all(dir);
  return p;
}

void expect_one_line_error(const Proc& p, const std::string& path, const std::string& problem) {
  EXPECT_EQ(p.exit_code, 2) << p.err;
  const std::string prefix = "mdrisk: " + path + ": ";
  EXPECT_EQ(p.err.rfind(prefix, 0), 0u) << p.err;
  EXPECT_EQ(std::count(p.err.begin(), p.err.end(), '\n'), 1) << p.err;
  EXPECT_NE(p.err.find(problem), std::string::npos) << p.err;
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 07777;
}

// Files in `dir` other than `keep`: leftover temporaries.
std::vector<std::string> others(const std::string& dir, const std::vector<std::string>& keep) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (std::find(keep.begin(), keep.end(), name) == keep.end()) out.push_back(name);
  }
  return out;
}

// What --fix (safe) makes of tracker(padding): computed on a scratch copy.
std::string fixed_version(const std::string& input, bool unsafe = false) {
  const std::string dir = temp_dir();
  write_file(dir + "/t.md", input);
  std::vector<std::string> args = {"--fix"};
  if (unsafe) args.push_back("--unsafe-fixes");
  args.push_back(dir + "/t.md");
  const Proc p = run(args);
  EXPECT_TRUE(p.exit_code == 0 || p.exit_code == 1) << p.err;
  std::string out = read_file(dir + "/t.md");
  fs::remove_all(dir);
  return out;
}

TEST(FaultSafety, FixWritesAndKeepsTheMode) {
  const std::string dir = temp_dir();
  const std::string path = dir + "/t.md";
  const std::string input = tracker();
  write_file(path, input);
  ::chmod(path.c_str(), 0604);
  const Proc p = run({"--fix", path});
  EXPECT_TRUE(p.exit_code == 0 || p.exit_code == 1) << p.err;
  EXPECT_NE(read_file(path), input) << "the test tracker must need fixing";
  EXPECT_EQ(mode_of(path), 0604u);
  EXPECT_EQ(others(dir, {"t.md"}), std::vector<std::string>{});
  std::printf("fault[mode-kept]: --fix exit %d, mode 0604 kept, no temp file left\n", p.exit_code);
  fs::remove_all(dir);
}

TEST(FaultSafety, ReadOnlyFile) {
  const std::string dir = temp_dir();
  const std::string path = dir + "/t.md";
  write_file(path, tracker());
  ::chmod(path.c_str(), 0444);
  const Proc p = run({"--fix", path});
  expect_one_line_error(p, path, "read-only");
  EXPECT_EQ(read_file(path), tracker());
  EXPECT_EQ(mode_of(path), 0444u);
  EXPECT_EQ(others(dir, {"t.md"}), std::vector<std::string>{});
  std::printf("fault[read-only-file]: exit %d, '%s', file and mode 0444 untouched\n", p.exit_code,
              p.err.substr(0, p.err.size() - 1).c_str());
  fs::remove_all(dir);
}

TEST(FaultSafety, ReadOnlyFolder) {
  const std::string dir = temp_dir();
  const std::string path = dir + "/t.md";
  write_file(path, tracker());
  ::chmod(dir.c_str(), 0555);
  const Proc p = run({"--fix", path});
  expect_one_line_error(p, path, "read-only folder");
  EXPECT_EQ(read_file(path), tracker());
  EXPECT_EQ(others(dir, {"t.md"}), std::vector<std::string>{});
  std::printf("fault[read-only-folder]: exit %d, '%s', file untouched\n", p.exit_code,
              p.err.substr(0, p.err.size() - 1).c_str());
  ::chmod(dir.c_str(), 0755);
  fs::remove_all(dir);
}

// Fills `dir` until a write fails with ENOSPC.
void fill(const std::string& dir) {
  const int fd = ::open((dir + "/filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ASSERT_GE(fd, 0);
  const std::string block(4096, 'x');
  while (::write(fd, block.data(), block.size()) > 0) {
  }
  const std::string one(1, 'x');
  while (::write(fd, one.data(), 1) > 0) {
  }
  ::close(fd);
}

TEST(FaultSafety, FullDisk) {
  // A real full file system: a 256 KiB tmpfs (needs root and mount rights).
  // Where mounting is not allowed, the same failure (write() failing midway)
  // is produced by RLIMIT_FSIZE in FaultSafety.FileSizeLimit, which always runs.
  const std::string dir = temp_dir();
  if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=256k") != 0) {
    std::printf("fault[full-disk]: cannot mount a tmpfs here (%s); covered by fault[file-size-limit]\n",
                std::strerror(errno));
    fs::remove_all(dir);
    GTEST_SKIP() << "mount(tmpfs) not permitted; FileSizeLimit covers the failing write";
  }
  const std::string path = dir + "/t.md";
  const std::string input = tracker(200);  // ~14 KB
  write_file(path, input);
  ::chmod(path.c_str(), 0640);
  fill(dir);
  const Proc p = run({"--fix", path});
  expect_one_line_error(p, path, "No space left on device");
  EXPECT_EQ(read_file(path), input);
  EXPECT_EQ(mode_of(path), 0640u);
  EXPECT_EQ(others(dir, {"t.md", "filler"}), std::vector<std::string>{}) << "temp file left behind";
  // With room again, the same command succeeds.
  fs::remove(dir + "/filler");
  const Proc ok = run({"--fix", path});
  EXPECT_TRUE(ok.exit_code == 0 || ok.exit_code == 1) << ok.err;
  EXPECT_EQ(read_file(path), fixed_version(input));
  EXPECT_EQ(mode_of(path), 0640u);
  std::printf("fault[full-disk]: 256 KiB tmpfs filled: exit %d, '%s', file intact, no temp left; "
              "after freeing space: exit %d, fixed, mode 0640 kept\n",
              p.exit_code, p.err.substr(0, p.err.size() - 1).c_str(), ok.exit_code);
  ::umount2(dir.c_str(), MNT_DETACH);
  fs::remove_all(dir);
}

TEST(FaultSafety, FileSizeLimit) {
  // RLIMIT_FSIZE below the fixed file's size, SIGXFSZ ignored: the write of
  // the temporary file fails partway with EFBIG, like a disk filling up.
  const std::string dir = temp_dir();
  const std::string path = dir + "/t.md";
  const std::string input = tracker(400);  // ~28 KB
  write_file(path, input);
  const Proc p = run({"--fix", path}, 8192);
  expect_one_line_error(p, path, "cannot write the fixed file");
  EXPECT_EQ(read_file(path), input);
  EXPECT_EQ(others(dir, {"t.md"}), std::vector<std::string>{}) << "temp file left behind";
  std::printf("fault[file-size-limit]: RLIMIT_FSIZE 8 KiB for a %zu-byte file: exit %d, '%s', file intact, no temp left\n",
              input.size(), p.exit_code, p.err.substr(0, p.err.size() - 1).c_str());
  fs::remove_all(dir);
}

TEST(FaultSafety, ThroughASymlink) {
  const std::string dir = temp_dir();
  fs::create_directory(dir + "/real");
  const std::string target = dir + "/real/t.md";
  const std::string link = dir + "/link.md";
  const std::string input = tracker();
  write_file(target, input);
  ::chmod(target.c_str(), 0640);
  fs::create_symlink("real/t.md", link);
  const Proc p = run({"--fix", link});
  EXPECT_TRUE(p.exit_code == 0 || p.exit_code == 1) << p.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(fs::read_symlink(link), fs::path("real/t.md"));
  EXPECT_EQ(read_file(target), fixed_version(input));
  EXPECT_EQ(mode_of(target), 0640u);
  EXPECT_EQ(others(dir + "/real", {"t.md"}), std::vector<std::string>{});
  std::printf("fault[symlink]: exit %d, link still a link to real/t.md, target replaced with the fixed text, mode kept\n",
              p.exit_code);
  fs::remove_all(dir);
}

TEST(FaultSafety, DanglingSymlink) {
  const std::string dir = temp_dir();
  const std::string link = dir + "/link.md";
  fs::create_symlink("missing.md", link);
  const Proc p = run({"--fix", link});
  expect_one_line_error(p, link, "No such file or directory");
  EXPECT_TRUE(fs::is_symlink(link));
  std::printf("fault[dangling-symlink]: exit %d, '%s'\n", p.exit_code, p.err.substr(0, p.err.size() - 1).c_str());
  fs::remove_all(dir);
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

TEST(FaultSafety, KilledMidWrite) {
  // SIGKILL at random moments over the whole run (read, fix, write, rename):
  // afterwards the file is the original or the complete fixed text.
  const std::string dir = temp_dir();
  const std::string path = dir + "/t.md";
  const std::string input = tracker(10000);  // ~600 KB: the write takes a while
  const std::string fixed = fixed_version(input);
  ASSERT_NE(fixed, input);
  // One unkilled run sets the range of kill delays (not an assertion).
  write_file(path, input);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(run({"--fix", path}).exit_code <= 1);
  const double full = seconds_since(t0);
  std::mt19937 rng(12345);
  // Mostly the second half of the run, where the write happens.
  std::uniform_real_distribution<double> when(full * 0.3, full * 1.2);
  int original = 0, replaced = 0, other = 0, leftovers = 0;
  constexpr int kRounds = 40;
  for (int i = 0; i < kRounds; ++i) {
    write_file(path, input);
    ::chmod(path.c_str(), 0640);
    const pid_t pid = spawn({"--fix", path});
    const double delay = when(rng);
    struct timespec ts {static_cast<time_t>(delay), static_cast<long>((delay - static_cast<long>(delay)) * 1e9)};
    ::nanosleep(&ts, nullptr);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const std::string now = read_file(path);
    if (now == input) ++original;
    else if (now == fixed) ++replaced;
    else ++other;
    EXPECT_EQ(mode_of(path), 0640u);
    for (const std::string& f : others(dir, {"t.md"})) {  // a killed run cannot clean up its temp file
      ++leftovers;
      fs::remove(dir + "/" + f);
    }
  }
  EXPECT_EQ(other, 0) << "a killed --fix left a partial or mixed file";
  std::printf("fault[sigkill]: %d kills at random points of a %.2f s --fix of a %zu-byte file: "
              "%d original, %d fully replaced, %d partial; %d temp files left by killed runs\n",
              kRounds, full, input.size(), original, replaced, other, leftovers);
  fs::remove_all(dir);
}

TEST(FaultSafety, TwoProcessesAtOnce) {
  // One --fix and one --fix --unsafe-fixes race on the same file; the result
  // is one complete output or the other (or the second fixing the first's
  // output), never a mix.
  const std::string dir = temp_dir();
  const std::string path = dir + "/t.md";
  const std::string input = tracker(5000);
  const std::string safe = fixed_version(input);
  const std::string unsafe = fixed_version(input, true);
  const std::string unsafe_after_safe = fixed_version(safe, true);
  ASSERT_NE(safe, unsafe);
  // A process that finds the file replaced by the other since it read it
  // refuses (exit 2, "changed since mdrisk read it") instead of overwriting.
  int got_safe = 0, got_unsafe = 0, other = 0, refused = 0;
  constexpr int kRounds = 20;
  for (int i = 0; i < kRounds; ++i) {
    write_file(path, input);
    const pid_t a = spawn({"--fix", path}, dir + "/err-a");
    const pid_t b = spawn({"--fix", "--unsafe-fixes", path}, dir + "/err-b");
    int sa = 0, sb = 0;
    ::waitpid(a, &sa, 0);
    ::waitpid(b, &sb, 0);
    for (const auto& [status, err] : {std::pair{sa, dir + "/err-a"}, std::pair{sb, dir + "/err-b"}}) {
      if (decode(status) == 2) {
        ++refused;
        EXPECT_NE(read_file(err).find("changed since mdrisk read it"), std::string::npos) << read_file(err);
      } else {
        EXPECT_LE(decode(status), 1);
      }
    }
    EXPECT_FALSE(decode(sa) == 2 && decode(sb) == 2) << "one of them must have written";
    const std::string now = read_file(path);
    if (now == safe) ++got_safe;
    else if (now == unsafe || now == unsafe_after_safe) ++got_unsafe;
    else ++other;
    EXPECT_EQ(others(dir, {"t.md", "err-a", "err-b"}), std::vector<std::string>{});
  }
  EXPECT_EQ(other, 0);
  std::printf("fault[concurrent]: %d races of --fix vs --fix --unsafe-fixes: %d ended safe-fixed, %d unsafe-fixed, "
              "%d mixed; %d runs refused because the other had replaced the file\n",
              kRounds, got_safe, got_unsafe, other, refused);
  fs::remove_all(dir);
}

}  // namespace
