#include "server/transport.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string_view>

namespace mdrisk::server {

namespace {

// Headers are ASCII "Name: value" lines; names are case-insensitive.
bool header_is(std::string_view line, std::string_view name) {
  if (line.size() < name.size() + 1 || line[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char a = line[i] >= 'A' && line[i] <= 'Z' ? static_cast<char>(line[i] + 32) : line[i];
    if (a != name[i]) return false;
  }
  return true;
}

// A body larger than this is refused unread; mdrisk refuses files over 64 MiB
// anyway, and JSON escaping can at most double a document's size.
constexpr std::size_t kMaxBody = std::size_t{256} << 20;

}  // namespace

std::optional<Incoming> Transport::take_buffered() {
  const std::size_t end = buffer_.find("\r\n\r\n");
  if (end == std::string::npos) {
    // A client that sends bare "\n" line ends cannot be framed; drop the
    // junk once it grows past any sane header size.
    if (buffer_.size() > 64 * 1024) {
      buffer_.clear();
      return Incoming{Incoming::Kind::BadHeader, {}, "no header terminator in 64 KiB of input"};
    }
    return std::nullopt;
  }
  std::optional<std::size_t> length;
  std::string_view headers(buffer_.data(), end);
  while (!headers.empty()) {
    const std::size_t eol = headers.find("\r\n");
    const std::string_view line = headers.substr(0, eol);
    if (header_is(line, "content-length")) {
      const std::string value(line.substr(15));
      char* stop = nullptr;
      const unsigned long long n = std::strtoull(value.c_str(), &stop, 10);
      const bool digits = value.find_first_of("0123456789") != std::string::npos;
      if (digits && stop && std::string_view(stop).find_first_not_of(" \t") == std::string_view::npos && n <= kMaxBody) {
        length = static_cast<std::size_t>(n);
      }
    }
    if (eol == std::string_view::npos) break;
    headers.remove_prefix(eol + 2);
  }
  if (!length) {
    buffer_.erase(0, end + 4);
    return Incoming{Incoming::Kind::BadHeader, {}, "header without a valid Content-Length"};
  }
  if (buffer_.size() < end + 4 + *length) return std::nullopt;
  const std::string body = buffer_.substr(end + 4, *length);
  buffer_.erase(0, end + 4 + *length);
  Incoming in;
  try {
    in.message = nlohmann::json::parse(body);
    in.kind = Incoming::Kind::Message;
  } catch (const nlohmann::json::parse_error& e) {
    in.kind = Incoming::Kind::BadJson;
    in.error = e.what();
  }
  return in;
}

bool Transport::fill(std::optional<std::chrono::milliseconds> timeout) {
  if (eof_) return false;
  pollfd p{in_, POLLIN, 0};
  const int wait = timeout ? static_cast<int>(std::max<long long>(0, timeout->count())) : -1;
  int r;
  do r = ::poll(&p, 1, wait);
  while (r < 0 && errno == EINTR);
  if (r <= 0) return false;
  char chunk[65536];
  ssize_t n;
  do n = ::read(in_, chunk, sizeof chunk);
  while (n < 0 && errno == EINTR);
  if (n <= 0) {
    eof_ = true;
    return false;
  }
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

Incoming Transport::read(std::optional<std::chrono::milliseconds> timeout) {
  const auto deadline = timeout ? std::optional(std::chrono::steady_clock::now() + *timeout) : std::nullopt;
  for (;;) {
    if (auto in = take_buffered()) return *in;
    if (eof_) return Incoming{Incoming::Kind::Eof, {}, {}};
    std::optional<std::chrono::milliseconds> left;
    if (deadline) {
      left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - std::chrono::steady_clock::now());
      if (left->count() < 0) left = std::chrono::milliseconds(0);
    }
    if (!fill(left)) {
      if (eof_) continue;  // hand out what is buffered, then Eof
      return Incoming{Incoming::Kind::Timeout, {}, {}};
    }
  }
}

bool Transport::pending() {
  // Read whatever is already there without blocking, then look for a whole header.
  while (fill(std::chrono::milliseconds(0))) {
  }
  return buffer_.find("\r\n\r\n") != std::string::npos || eof_;
}

bool Transport::send(const nlohmann::json& message) {
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t done = 0;
  while (done < frame.size()) {
    const ssize_t n = ::write(out_, frame.data() + done, frame.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace mdrisk::server
