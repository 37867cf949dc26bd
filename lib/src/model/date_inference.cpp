// Reads where a register keeps its dates, for `mdrisk init --from` (see
// date_inference.hpp).
#include "model/date_inference.hpp"

#include <algorithm>
#include <regex>

#include "base/text.hpp"

namespace mdrisk {
InferredDates infer_dates(const DateEvidence& e) {
  InferredDates out;
  for (std::size_t c = 0; c < e.headers.size() && c < e.keys.size(); ++c) {
    if (out.last_review.empty() && text::names_one_of(e.headers[c], {"last reviewed", "last review", "reviewed", "last review date"})) {
      out.last_review = e.keys[c];
    }
    if (out.next_review.empty() && text::names_one_of(e.headers[c], {"next review", "next review date", "review by", "review due"})) {
      out.next_review = e.keys[c];
    }
  }
  for (const auto& label : e.field_labels) {
    if (text::names_one_of(label, {"expires on", "expires", "expiry", "expiry date", "acceptance expires", "valid until"})) {
      out.expires = label;
      break;
    }
  }
  // The label mdrisk's `[dates] document-date` reads by default.
  static const std::regex kDocumentDate(R"(last updated\W{0,3}\s*(?:on\s*)?\d{4}-\d{2}-\d{2})", std::regex::icase);
  for (const auto line : e.preamble) {
    if (std::regex_search(line.begin(), line.end(), kDocumentDate)) out.document_date = true;
  }
  return out;
}

}  // namespace mdrisk
