#pragma once
// SourceFile owns the original bytes of one document and answers every
// question about positions: cmark's (line, byte column) to byte offsets,
// byte offsets to (line, character column) for diagnostics, and the file's
// conventions (BOM, line ending, final newline) that fixes must keep.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/error.hpp"

namespace mdrisk {

struct ByteRange {
  std::size_t begin = 0;  // half-open [begin, end)
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool operator==(const ByteRange&) const = default;
};

struct Position {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, counted in Unicode scalar values
};

// The first line ending of the file; what mdrisk writes for new lines.
enum class LineEnding { Lf, CrLf, Cr };

class SourceFile {
 public:
  // Validates (UTF-8, no NUL byte) and indexes the bytes. `name` is what
  // diagnostics print (a path, or "-" / "<stdin>").
  static Result<SourceFile> from_bytes(std::string name, std::string bytes);

  const std::string& name() const { return name_; }
  const std::string& bytes() const { return bytes_; }
  // The bytes cmark sees: everything after the BOM.
  std::string_view body() const { return std::string_view(bytes_).substr(bom_size()); }
  std::size_t bom_size() const { return has_bom_ ? 3 : 0; }
  bool has_bom() const { return has_bom_; }
  LineEnding line_ending() const { return line_ending_; }
  std::string_view eol() const {
    return line_ending_ == LineEnding::CrLf ? "\r\n" : line_ending_ == LineEnding::Cr ? "\r" : "\n";
  }
  bool ends_with_newline() const;

  std::size_t line_count() const { return line_starts_.size(); }
  // Byte offset where 1-based `line` starts (bytes_.size() past the end).
  std::size_t line_start(std::size_t line) const;
  // Byte offset of the end of `line`'s content, before its line terminator.
  std::size_t line_end(std::size_t line) const;
  // Offset just past the line terminator of `line`.
  std::size_t line_end_with_eol(std::size_t line) const;
  std::string_view line_text(std::size_t line) const;
  bool line_is_blank(std::size_t line) const;
  // 1-based line containing byte `offset`.
  std::size_t line_of(std::size_t offset) const;

  // cmark reports 1-based lines and 1-based byte columns relative to body().
  std::size_t offset_of(std::size_t line, std::size_t byte_column) const;
  Position position_of(std::size_t offset) const;

 private:
  std::string name_;
  std::string bytes_;
  bool has_bom_ = false;
  LineEnding line_ending_ = LineEnding::Lf;
  std::vector<std::size_t> line_starts_;  // offsets into bytes_
};

// Defined here so the model builder's per-node position arithmetic inlines.
inline std::size_t SourceFile::line_start(std::size_t line) const {
  if (line == 0) return bom_size();
  if (line > line_starts_.size()) return bytes_.size();
  return line_starts_[line - 1];
}

inline std::size_t SourceFile::line_end_with_eol(std::size_t line) const {
  return line < line_starts_.size() ? line_starts_[line] : bytes_.size();
}

inline std::size_t SourceFile::line_end(std::size_t line) const {
  std::size_t end = line_end_with_eol(line);
  const std::size_t start = line_start(line);
  if (end > start && bytes_[end - 1] == '\n') --end;
  if (end > start && bytes_[end - 1] == '\r') --end;
  return end;
}

inline std::string_view SourceFile::line_text(std::size_t line) const {
  const std::size_t s = line_start(line);
  return std::string_view(bytes_).substr(s, line_end(line) - s);
}

inline std::size_t SourceFile::offset_of(std::size_t line, std::size_t byte_column) const {
  const std::size_t start = line_start(line);
  if (byte_column == 0) return start;  // cmark's "column 0" means line start
  const std::size_t end = line_end_with_eol(line);
  return start + byte_column - 1 < end ? start + byte_column - 1 : end;
}

}  // namespace mdrisk
