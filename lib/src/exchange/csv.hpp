#pragma once
// RFC 4180 fields and records, and the formula neutralisation that the
// export applies and the import undoes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdrisk::csv {

// `'` + value when a spreadsheet would read `value` as a formula: it starts,
// after any run of `'`, with `=`, `+`, `-`, `@`, a tab or a CR. Adding one
// `'` to every such run makes the mapping reversible (restore()).
std::string neutralise(std::string_view value);
std::string restore(std::string_view field);

// One record: every field quoted, `"` doubled, CRLF at the end.
std::string record(const std::vector<std::string>& fields);

struct ParseError {
  std::size_t line = 0;
  std::string message;
};

// Records of `text` (CRLF or LF between them; a UTF-8 BOM skipped; a final
// line ending optional). Quoted fields may hold commas, quotes ("") and line
// breaks; an unclosed quote or text after a closing quote is an error.
std::vector<std::vector<std::string>> parse(std::string_view text, std::optional<ParseError>& error,
                                            std::vector<std::size_t>* lines = nullptr);

}  // namespace mdrisk::csv
