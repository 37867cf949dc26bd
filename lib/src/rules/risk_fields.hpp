#pragma once
// What the date, lifecycle and ID rules share: reading a configured field of
// a risk wherever the register writes it, a risk's lifecycle class, and the
// day findings are judged on.
#include <optional>
#include <string>
#include <string_view>

#include "mdrisk/lifecycle.hpp"
#include "rules/rule.hpp"

namespace mdrisk::rules {

// A field's value for one register row: the cell, else an entry field that
// repeats the column, else the entry's labelled section. `found` is false
// when none of them is there or filled in.
struct FieldText {
  bool found = false;
  std::string_view text;
  ByteRange range;
};
FieldText field_text(const Tracker& t, std::size_t row, const FieldRef& f);

// How the register spells a field: the column header or section label.
std::string field_title(const Schema& s, const FieldRef& f);

// The row's lifecycle class: by its status value, else (no status written)
// closed when the row sits under a closed section. None without [lifecycle].
StatusClass status_class(const Tracker& t, std::size_t row);
// The status as written (cell or entry field), or empty.
FieldText status_text(const Tracker& t, std::size_t row);
// True when the row's table sits under one of `[lifecycle] closed-sections`.
bool in_closed_section(const Tracker& t, std::size_t row);

// How a message names a risk: its ID, else its name, quoted.
std::string risk_label(const Tracker& t, std::size_t row);

// The day date findings are judged on: LintOptions::as_of, else the
// config's fixed date, else the document's date line (as-of = "document"),
// else today.
Date reference_date(const Tracker& t, const RuleContext& ctx);

}  // namespace mdrisk::rules

namespace mdrisk::rules {

// A date field of a row that holds a real day, or nothing.
std::optional<Date> field_date(const Tracker& t, std::size_t row, const FieldRef& f, ByteRange* where = nullptr);

// The review interval of a row in days (0: none) and what it comes from,
// for messages: "Band 'High'" or "the default interval".
struct ReviewInterval {
  int days = 0;
  std::string reason;
};
ReviewInterval review_interval(const Tracker& t, std::size_t row);

}  // namespace mdrisk::rules
