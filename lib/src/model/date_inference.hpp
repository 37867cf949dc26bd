#pragma once
// The [dates] part of `mdrisk init --from FILE`: which columns hold the
// last and next review, which entry field an acceptance's expiry, and
// whether the document states its own date ("Last updated: 2026-07-31",
// "Stand: 11.05.2026"),
// which then is the day reviews and expiries are judged on, so the
// inferred configuration gives the same findings on every day.
#include <string>
#include <string_view>
#include <vector>

namespace mdrisk {

struct DateEvidence {
  std::vector<std::string> keys, headers;  // the register's columns
  std::vector<std::string> field_labels;   // entry field labels seen
  std::vector<std::string_view> preamble;  // lines before the register
};

struct InferredDates {
  std::string last_review, next_review;  // column keys
  std::string expires;                   // an entry field label
  bool document_date = false;            // a "Last updated" line with a date
  std::string document_label;            // its label, when the default labels lack it ("Stand")
  bool any() const { return !last_review.empty() || !next_review.empty() || !expires.empty(); }
};

InferredDates infer_dates(const DateEvidence& e);

}  // namespace mdrisk
