#include "io/temp_cleanup.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <mutex>

#include "mdrisk/io.hpp"

namespace mdrisk {
namespace io {
namespace {

// More than -j can write at once (1,024 threads at most, one write each).
constexpr int kSlots = 1024;
std::atomic<const char*> g_slots[kSlots];
static_assert(std::atomic<const char*>::is_always_lock_free, "the signal handler reads these");

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

void remove_temp_files(int sig) {
  for (auto& slot : g_slots) {
    if (const char* path = slot.load(std::memory_order_acquire)) ::unlink(path);
  }
  // Die of the signal, as the process would have without the handler
  // (exit status 128 + N, the parent sees WIFSIGNALED).
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  ::sigemptyset(&dfl.sa_mask);
  ::sigaction(sig, &dfl, nullptr);
  ::raise(sig);
}

}  // namespace

TempFileRegistration::TempFileRegistration(const std::string& path) {
  for (int i = 0; i < kSlots; ++i) {
    const char* expected = nullptr;
    if (g_slots[i].compare_exchange_strong(expected, path.c_str(), std::memory_order_acq_rel)) {
      slot_ = i;
      return;
    }
  }
}

TempFileRegistration::~TempFileRegistration() {
  if (slot_ >= 0) g_slots[slot_].store(nullptr, std::memory_order_release);
}

}  // namespace io

void install_temp_file_cleanup() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int sig : io::kSignals) {
      struct sigaction old {};
      ::sigaction(sig, nullptr, &old);
      // A signal the caller ignores (nohup, a shell's background job) stays ignored.
      if (old.sa_handler == SIG_IGN) continue;
      struct sigaction sa {};
      sa.sa_handler = io::remove_temp_files;
      ::sigemptyset(&sa.sa_mask);
      for (int other : io::kSignals) ::sigaddset(&sa.sa_mask, other);
      ::sigaction(sig, &sa, nullptr);
    }
  });
}

}  // namespace mdrisk
