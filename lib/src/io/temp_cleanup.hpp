#pragma once
// Temp files that a signal must not leave behind. write_atomic registers
// its `.NAME.mdrisk-XXXXXX` while it exists; the handlers installed by
// install_temp_file_cleanup (SIGINT, SIGTERM, SIGHUP) unlink every
// registered file, then die of the same signal as before. Only
// async-signal-safe calls happen in the handler: lock-free atomic loads of
// fixed slots and unlink(2). SIGKILL cannot be caught; its temp file stays
// (it never replaces the original).
#include <string>

namespace mdrisk::io {

// Registers `path` for as long as the object lives (one per write; -j
// writes several at once). The string must outlive the registration.
class TempFileRegistration {
 public:
  explicit TempFileRegistration(const std::string& path);
  ~TempFileRegistration();
  TempFileRegistration(const TempFileRegistration&) = delete;
  TempFileRegistration& operator=(const TempFileRegistration&) = delete;

 private:
  int slot_ = -1;  // -1: every slot was taken (more writes at once than slots): not registered
};

}  // namespace mdrisk::io
