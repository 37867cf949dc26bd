#pragma once
// The text of the documents the client has open, kept in step with
// didOpen / didChange (full or incremental) / didClose.
#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "server/analysis.hpp"
#include "server/line_index.hpp"

namespace mdrisk::server {

struct Document {
  std::string uri;
  std::optional<std::string> path;  // the local file behind a file: URI
  long long version = 0;
  std::string text;
  // Set by a change, cleared by a lint: when to lint next (debounce).
  std::optional<std::chrono::steady_clock::time_point> lint_due;
  std::optional<std::chrono::steady_clock::time_point> last_change;
  // The last lint, of `analysis->version` (may lag `version` while debouncing).
  std::shared_ptr<const Analysis> analysis;
};

// Applies one TextDocumentContentChangeEvent: with a "range", an incremental
// edit in `enc` positions; without, the whole new text. Throws
// std::invalid_argument when the event has neither text nor a usable range.
void apply_change(Document& doc, const nlohmann::json& change, Encoding enc);

}  // namespace mdrisk::server
