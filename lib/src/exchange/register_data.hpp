#pragma once
// A register as plain strings, in both directions: read from a parsed
// tracker for the exports, and written back as Markdown by import and render.
#include <string>
#include <vector>

#include "mdrisk/error.hpp"
#include "mdrisk/exchange.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk::exchange {

struct TableData {
  std::string group;   // the heading above the table ("" when none)
  int group_level = 0;
  std::vector<std::string> header;             // cell texts, pipes unescaped
  std::vector<std::vector<std::string>> rows;  // as many cells as written
};

struct EntryData {
  std::string heading;  // the heading text as written
  int level = 3;
  std::string body;     // the Markdown under the heading, LF line endings, no trailing newline
};

struct RegisterData {
  std::string title;
  std::vector<TableData> tables;
  std::vector<EntryData> entries;
};

RegisterData read_register(const Tracker& t);

// The Markdown of `data` under `schema`: the tables in canonical layout
// (values as given), then with `stub_entries` one stub per row that lacks
// an entry (MR201's unsafe fix). Validated by the fix engine.
Result<std::string> write_register(const RegisterData& data, const Schema& schema, bool stub_entries,
                                   const RenderOptions& options);

}  // namespace mdrisk::exchange
