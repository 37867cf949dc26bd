#pragma once
// Risk semantics beyond the table's layout: dates and review intervals, the
// lifecycle of a risk (open, accepted, closed) and the form of its ID.
// Everything here is off until `.mdrisk.toml` turns it on (`[dates]`,
// `[lifecycle]`, `[ids]`): the built-in schema has no date column.
#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mdrisk {

// A calendar day (proleptic Gregorian); printed as ISO 8601 writes it,
// 2026-08-31, however the document wrote it.
struct Date {
  int year = 0, month = 0, day = 0;

  auto operator<=>(const Date&) const = default;
  // Days since 1970-01-01 (negative before it).
  long days() const;
  static Date from_days(long days);
  Date plus_days(long n) const { return from_days(days() + n); }
  std::string iso() const;
  // Exactly `YYYY-MM-DD` naming a real day; nothing else.
  static std::optional<Date> parse(std::string_view text);
};

// The first date in a text, ISO `YYYY-MM-DD` ("2026-08-26 — reason",
// "mitigated (2026-08-26)") or day-first dotted `D.M.YYYY` / `DD.MM.YYYY`
// ("Stand: 11.05.2026", "1.5.2026"): whether there is one, where (the
// offset and length of its characters; a sentence's final dot is not part
// of it), and whether it names a real day (2026-02-30 and 30.02.2026 do
// not). A dotted date stands alone: `1.2.3`, `v2.10.2026`, `10.5.26`,
// `2026.05.11` and `x1.5.2026` are none. Slashed dates are never read.
struct DateScan {
  bool found = false;
  bool valid = false;
  std::size_t offset = 0, length = 0;
  Date date;
};
DateScan find_date(std::string_view text);

// The date a line states after `label`, found case-insensitively and as
// whole words ("Stand" is not read inside "Zustand" or "Standort"): the
// first date after the first such label that has one. With `right_after`
// only separators (spaces, `:`, `*`, `_`, `(`) and "on"/"am"/"vom" may sit
// between label and date, the form `mdrisk init --from` trusts.
std::optional<Date> labelled_date(std::string_view line, std::string_view label, bool right_after = false);

// Today in the machine's local time zone (what `--as-of` defaults to).
Date today_local();

// A place a value of a risk is written: a column (its cell, or an entry
// field that repeats it) or a labelled entry section. Config names either by
// column key, column header or section label.
struct FieldRef {
  std::string name;                                 // as the config wrote it, for messages
  std::size_t column = static_cast<std::size_t>(-1);   // schema column, or npos
  std::size_t section = static_cast<std::size_t>(-1);  // schema section, or npos
  bool set() const { return column != static_cast<std::size_t>(-1) || section != static_cast<std::size_t>(-1); }
};

// Where "today" comes from for date findings.
enum class AsOfSource {
  Today,     // the clock (`--as-of` and LintOptions::as_of override it)
  Document,  // the date on the document's "Last updated" line, else the clock
  Fixed,     // a date the config names
};

// `[dates]`: which fields hold dates and how often a risk is reviewed.
struct DatesSpec {
  AsOfSource as_of = AsOfSource::Today;
  Date fixed_as_of;                                    // with AsOfSource::Fixed
  // Phrases that only ever head a document's date; "Stand" is left to the
  // config, since English prose ("where we stand") holds it too.
  std::vector<std::string> document_date_labels = {"Last updated", "Zuletzt aktualisiert"};
  FieldRef last_review, next_review, expires;
  std::vector<FieldRef> fields;                        // further date fields, checked for readability
  // Review intervals in days, keyed by the values of one column (a band,
  // a level, a category); `default_interval` for other values, 0 = none.
  std::size_t review_by = static_cast<std::size_t>(-1);
  std::vector<std::pair<std::string, int>> intervals;  // canonical value -> days
  int default_interval = 0;

  bool any_field() const { return last_review.set() || next_review.set() || expires.set() || !fields.empty(); }
};

// The class a status value belongs to.
enum class StatusClass { None, Open, Accepted, Closed };

// `[lifecycle]`: statuses grouped into classes, and where closed risks live.
struct LifecycleSpec {
  std::size_t status_column = static_cast<std::size_t>(-1);  // npos: off
  std::vector<std::string> open, accepted, closed;           // canonical status values
  // Headings of the sections (or table groups) that hold closed risks only.
  std::vector<std::string> closed_headings;

  bool enabled() const { return status_column != static_cast<std::size_t>(-1); }
};

// `[ids]`: the column holding risk IDs and the one form they take.
struct IdSpec {
  std::size_t column = static_cast<std::size_t>(-1);  // npos: off
  std::string pattern;                                // ECMAScript regex the whole ID matches; "" = any
};

}  // namespace mdrisk
