#pragma once
// An `<!-- mdrisk-... -->` comment as found in a document: what the
// suppression logic applies and what MR501 reports when it suppresses
// nothing. lint/suppressions.hpp finds and applies them; the functions here
// are the one definition of what counts as a directive, which the model
// builder, the suppressions and the verifier all ask.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/source.hpp"

namespace mdrisk {

struct Directive {
  // DisableLine covers the comment's own line: the way to silence a finding
  // on a table row, where a comment line before the row would end the table.
  enum class Kind { Disable, Enable, DisableNextLine, DisableLine, DisableFile } kind = Kind::Disable;
  std::vector<std::string> codes;  // as written; empty = all rules
  std::size_t line = 0;
  ByteRange range;                 // the comment itself
  bool whole_line = false;         // the comment is alone on its line
  bool used = false;
};

// What a comment's body (the text between `<!--` and `-->`, untrimmed) says,
// when it is a directive: `mdrisk-disable`, `-enable`, `-disable-next-line`,
// `-disable-line` or `-disable-file`, alone or followed by a space or tab and rule codes or
// names (comma- or space-separated). Spaces around the body do not matter:
// `<!--mdrisk-disable MR302-->` is a directive like `<!-- mdrisk-disable MR302 -->`.
struct DirectiveWords {
  Directive::Kind kind = Directive::Kind::Disable;
  std::vector<std::string> codes;
};
std::optional<DirectiveWords> parse_directive_body(std::string_view body);

// Where the directive comment starting at `open` (at a `<!--`) in `text` ends
// (just past its `-->`), or npos when the comment is no directive or does not
// close before the end of its line.
std::size_t directive_comment_end(std::string_view text, std::size_t open);

// True when an HTML block or inline HTML literal is a directive comment
// (after leading spaces or tabs).
bool is_directive_html(std::string_view literal);

// A generated view's marker: `<!-- mdrisk:view NAME ARGS... -->` opens a
// view, `<!-- mdrisk:end -->` closes it. Only an HTML block that is the
// comment alone (spaces around it aside) on one line is a marker.
struct ViewMarker {
  bool open = true;               // false: the end marker
  std::string name;               // open only
  std::vector<std::string> args;  // open only: the words after the name
};
std::optional<ViewMarker> parse_view_marker(std::string_view html_block);

}  // namespace mdrisk
