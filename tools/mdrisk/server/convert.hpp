#pragma once
// mdrisk values (byte ranges, findings, fixes) as LSP JSON.
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/diagnostic.hpp"
#include "server/analysis.hpp"
#include "server/line_index.hpp"

namespace mdrisk::server {

using json = nlohmann::json;

json position_json(const LineIndex& index, std::size_t offset, Encoding enc);
json range_json(const LineIndex& index, ByteRange range, Encoding enc);
// A Range parameter as byte offsets (begin <= end).
ByteRange byte_range(const LineIndex& index, const json& range, Encoding enc);

// The page a rule's code links to (what SARIF's helpUri says).
std::string rule_url(std::string_view code);

// One finding as an LSP Diagnostic: code, codeDescription, severity,
// relatedInformation for two-place findings, tags (MR501 is Unnecessary).
json diagnostic_json(const Analysis& a, const Diagnostic& d, const std::string& uri, Encoding enc);
// The diagnostics to publish for an analysis (a single error diagnostic at
// the top when the document could not be linted at all).
json diagnostics_json(const Analysis& a, const std::string& uri, Encoding enc);

// Edits over the analysed text as TextEdits.
json text_edits_json(const Analysis& a, const std::vector<Edit>& edits, Encoding enc);
// The minimal line-wise TextEdits that turn `before` into `after`.
json diff_edits_json(const LineIndex& index, const std::string& before, const std::string& after, Encoding enc);

}  // namespace mdrisk::server
