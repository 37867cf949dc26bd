#pragma once
// JSON-RPC 2.0 messages framed the LSP way ("Content-Length: N\r\n\r\n"
// then N bytes of JSON) over two file descriptors. Reading waits with
// poll() so the server loop can wake up for debounced work.
#include <nlohmann/json.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace mdrisk::server {

struct Incoming {
  enum class Kind {
    Message,    // `message` holds a parsed JSON value
    BadJson,    // a well-framed body that is not JSON; `error` says why
    BadHeader,  // a header block without a usable Content-Length; skipped
    Timeout,    // nothing complete arrived in time
    Eof,        // the client closed our input
  } kind = Kind::Eof;
  nlohmann::json message;
  std::string error;
};

class Transport {
 public:
  Transport(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {}
  // The next message, waiting at most `timeout` (nullopt: as long as it takes).
  Incoming read(std::optional<std::chrono::milliseconds> timeout);
  // Whether a complete message is already buffered or readable right now
  // (used to coalesce a burst of edits before linting).
  bool pending();
  // Serialises and writes one message; invalid UTF-8 in strings is replaced
  // rather than thrown on. Returns false when the client is gone.
  bool send(const nlohmann::json& message);

 private:
  std::optional<Incoming> take_buffered();
  bool fill(std::optional<std::chrono::milliseconds> timeout);  // false: nothing read (timeout or EOF)
  int in_, out_;
  std::string buffer_;
  bool eof_ = false;
};

}  // namespace mdrisk::server
