#pragma once
// A small error type: the library never prints, it returns what went wrong.
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace mdrisk {

enum class ErrorKind {
  Io,             // cannot open, read or write a file
  InvalidInput,   // not UTF-8, binary data, too large
  Config,         // bad configuration
  FixFailed,      // the fix engine refused to write (a safety check failed)
  Internal,       // a bug: not converging, an invariant broken
};

struct Error {
  ErrorKind kind = ErrorKind::Internal;
  std::string message;  // one line, without the file name
};

// A minimal expected-like result; C++20 has no std::expected.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

// What lint() throws when the input guard refuses a document before it
// reaches the Markdown parser (a construct that would make the parse
// superlinear; see docs/RELIABILITY.md). fix_source returns the same error
// instead. `error()` is InvalidInput, its message one line naming the line
// and the construct.
class InputRefused : public std::runtime_error {
 public:
  explicit InputRefused(Error e) : std::runtime_error(e.message), error_(std::move(e)) {}
  const Error& error() const { return error_; }

 private:
  Error error_;
};

}  // namespace mdrisk
