#pragma once
// What the date, lifecycle and ID rules share: reading a configured field of
// a risk wherever the register writes it, a risk's lifecycle class, and the
// day findings are judged on.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mdrisk/lifecycle.hpp"
#include "rules/rule.hpp"

namespace mdrisk::rules {

// One risk of the register: a table row with the entry matched to it (if
// any), or, in a register of entries only, an entry. The date, lifecycle,
// ID and policy rules read risks, so a register without a table is held to
// the same checks as one with.
struct Risk {
  std::size_t row = npos;        // register row, or npos for an entry-only risk
  const Entry* entry = nullptr;  // its entry, or nullptr
};
// The risk entry `e` describes: its row's, or the entry itself in a
// register of entries only; nullopt for an entry the register does not
// list (an orphan, MR202's).
std::optional<Risk> risk_of_entry(const Tracker& t, const Entry& e);
// The register's risks in document order: every row of its tables; with no
// table under a `register = "entries"` schema, every entry.
std::vector<Risk> register_risks(const Tracker& t);

// A field's value for one risk: the cell, else an entry field that repeats
// the column (an entry-only risk's ID and name also come from its heading),
// else the entry's labelled section. `found` is false when none of them is
// there or filled in.
struct FieldText {
  bool found = false;
  std::string_view text;
  ByteRange range;
};
FieldText field_text(const Tracker& t, const Risk& risk, const FieldRef& f);

// How the register spells a field: the column header or section label.
std::string field_title(const Schema& s, const FieldRef& f);

// The risk's lifecycle class: by its status value, else (no status written)
// closed when the risk sits under a closed section. None without [lifecycle].
StatusClass status_class(const Tracker& t, const Risk& risk);
// The status as written (cell or entry field), or empty.
FieldText status_text(const Tracker& t, const Risk& risk);
// The heading a risk is listed under: its table's group heading (an
// entry-only risk has none), or nullptr.
const Heading* risk_group(const Tracker& t, const Risk& risk);
// True when the risk's table sits under one of `[lifecycle] closed-sections`.
bool in_closed_section(const Tracker& t, const Risk& risk);

// The value that triggers value policy `p` for the risk: the policy's
// column holds one of its values (qualifiers aside). found = false when it
// does not, or for a class policy.
FieldText policy_trigger(const Tracker& t, const Risk& risk, const Policy& p);
// True when a configured policy requires `section` of entry `e` (MR309
// then reports it as an error, so MR302 stays quiet about it).
bool policy_requires(const Tracker& t, const Entry& e, std::size_t section);

// How a message names a risk: its ID, else its name, quoted.
std::string risk_label(const Tracker& t, const Risk& risk);
// Where a finding about the risk as a whole points: its key cell (the ID
// or name rows are linked by), else its entry heading, else its row.
ByteRange risk_anchor(const Tracker& t, const Risk& risk);

// The day date findings are judged on: LintOptions::as_of, else the
// config's fixed date, else the document's date line (as-of = "document"),
// else today.
Date reference_date(const Tracker& t, const RuleContext& ctx);

}  // namespace mdrisk::rules

namespace mdrisk::rules {

// A date field of a risk that holds a real day, or nothing.
std::optional<Date> field_date(const Tracker& t, const Risk& risk, const FieldRef& f, ByteRange* where = nullptr);

// The review interval of a risk in days (0: none) and what it comes from,
// for messages: "Band 'High'" or "the default interval".
struct ReviewInterval {
  int days = 0;
  std::string reason;
};
ReviewInterval review_interval(const Tracker& t, const Risk& risk);

}  // namespace mdrisk::rules
