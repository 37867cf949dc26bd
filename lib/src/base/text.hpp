#pragma once
// Small text helpers shared by the model builder, rules and printers.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace mdrisk::text {

std::string_view trim(std::string_view s);
// Unicode case folding (utf8proc), for case-insensitive comparisons.
std::string casefold(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
// `s`, trimmed and case-folded, is one of `words` (given folded: "next review").
bool names_one_of(std::string_view s, std::initializer_list<std::string_view> words);
// The key used to match a table row to an entry heading: emphasis and code
// markers and backslash escapes dropped, whitespace runs collapsed, trimmed,
// case-folded. "  **Rust**  Submodule `divergence` " -> "rust submodule divergence".
std::string normalize_name(std::string_view s);
// Terminal display width: East Asian wide and emoji count 2, combining marks 0.
std::size_t display_width(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
// "[SEC-001](#sec-001)" -> "SEC-001": a cell that is one link names what
// its text names (an index linking each ID or name to its entry). Any other
// text is returned as it is. The result views `cell`.
std::string_view link_text(std::string_view cell);
// The anchor GitHub gives a heading with this text: lower case, spaces
// as '-', and every character but letters, digits, marks, '-' and '_'
// dropped. "SEC-001: Keys in URLs" -> "sec-001-keys-in-urls". (The
// "-1", "-2" GitHub adds to repeated headings is the caller's.)
std::string heading_anchor(std::string_view heading);
// A file name made safe to print in any report: every byte that is not
// part of valid UTF-8, and every control character (C0, DEL, C1: a newline
// or an ESC sequence in a name could forge report lines or drive the
// terminal), written as \xHH. Everything else, backslashes included, as is.
// Valid UTF-8 out, so JSON and SARIF writers can always encode it.
std::string printable_name(std::string_view name);

}  // namespace mdrisk::text
