// Reads where a register keeps its dates, for `mdrisk init --from` (see
// date_inference.hpp).
#include "model/date_inference.hpp"

#include "base/text.hpp"
#include "mdrisk/lifecycle.hpp"

namespace mdrisk {
InferredDates infer_dates(const DateEvidence& e) {
  InferredDates out;
  // English and German headers; the dates under them may be ISO or dotted
  // day-first, which the date rules read alike.
  for (std::size_t c = 0; c < e.headers.size() && c < e.keys.size(); ++c) {
    if (out.last_review.empty() &&
        text::names_one_of(e.headers[c], {"last reviewed", "last review", "reviewed", "last review date", "letzte prüfung",
                                          "letzte überprüfung", "zuletzt geprüft"})) {
      out.last_review = e.keys[c];
    }
    if (out.next_review.empty() &&
        text::names_one_of(e.headers[c], {"next review", "next review date", "review by", "review due", "nächste prüfung",
                                          "nächste überprüfung", "wiedervorlage"})) {
      out.next_review = e.keys[c];
    }
  }
  for (const auto& label : e.field_labels) {
    if (text::names_one_of(label, {"expires on", "expires", "expiry", "expiry date", "acceptance expires", "valid until",
                                   "gültig bis", "ablaufdatum"})) {
      out.expires = label;
      break;
    }
  }
  // A date line right after one of the labels mdrisk's `[dates]
  // document-date` reads by default, or after "Stand", which the config
  // then has to name.
  for (const auto line : e.preamble) {
    for (const std::string_view label : {"Last updated", "Zuletzt aktualisiert"}) {
      if (labelled_date(line, label, true)) out.document_date = true;
    }
    if (!out.document_date && labelled_date(line, "Stand", true)) {
      out.document_date = true;
      out.document_label = "Stand";
    }
    if (out.document_date) break;
  }
  return out;
}

}  // namespace mdrisk
