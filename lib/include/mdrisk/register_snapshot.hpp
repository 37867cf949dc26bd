#pragma once
// A register reduced to its risks' values (ID, name, status, score), owning
// its text: what two versions of a register are compared by. A snapshot
// outlives the SourceFile it was taken from, so the version at another git
// revision can be parsed, reduced and dropped before the current one is
// linted (LintOptions::previous).
#include <cstddef>
#include <string>
#include <vector>

#include "mdrisk/source.hpp"
#include "mdrisk/tracker.hpp"

namespace mdrisk {

struct RiskRecord {
  std::string id;      // the ID cell or field; "" when the register has no ID column
  std::string name;    // the name as written (table cell, or the entry's title), pipes unescaped
  std::string key;     // the name normalised, for matching when there is no ID
  std::string status;  // as written; "" when there is no status column
  bool closed = false; // the status is a closed one (see is_closed_status)
  std::string score;   // the score cell as written; "" when there is no score column
  bool reopen_note = false;  // its row or entry says why it was reopened ("reopened", "re-opened")
  // Where the risk is, in the version it was taken from (meaningful only
  // for the current version, which diagnostics point into).
  std::size_t line = 0;
  ByteRange range;         // the row (or the entry heading)
  ByteRange id_range;      // the ID cell's text, or `range`
  ByteRange status_range;  // the status cell's text, or `range`
};

struct RegisterSnapshot {
  std::string revision;  // how the user named this version ("HEAD~1", "working tree")
  bool has_ids = false;  // risks are identified by an ID column
  std::vector<RiskRecord> risks;  // in document order
  ByteRange register_range;       // the first register table (or the first entry), for findings about absent risks
};

// Statuses that mean a risk is closed: "Closed", "Done", "Resolved",
// "Retired", in any case, alone or followed by a remark ("Closed (2024-05)",
// "Closed - fixed in 2.1"); a struck-out old value is skipped ("~~Open~~ Closed").
bool is_closed_status(std::string_view status);
// The same reading with the register's own words: with `[lifecycle]`, a
// status is closed when it starts with one of the `closed` class's values
// (any case; a remark may follow); without it, is_closed_status.
bool is_closed_status(std::string_view status, const Schema& schema);

// The ID column: the schema's `id-column`, else a column keyed "id", else a
// table header cell reading "ID". The score column: the `[score]` column
// (mdrisk/scoring.hpp), else one keyed "score", else a header cell reading
// "Score"; its text is compared as written. Both optional.
RegisterSnapshot snapshot_register(const Tracker& t, std::string revision);

// What changed between two versions of a register. Risks are matched by ID
// when both versions have one, else by normalised name.
enum class ChangeKind {
  Added,     // in `after` only
  Removed,   // in `before` only
  Renamed,   // same ID, another name that still shares a word with the old one
  IdReused,  // same ID, a different risk: the names share no word, or the old name lives on under another ID
  Status,    // the status text changed
  Score,     // the score text changed
};

struct RiskChange {
  ChangeKind kind = ChangeKind::Added;
  std::size_t before = static_cast<std::size_t>(-1);  // index into before.risks, or -1
  std::size_t after = static_cast<std::size_t>(-1);   // index into after.risks, or -1
  std::string from, to;  // Renamed/IdReused: names; Status/Score: the texts
};

// Changes in the order of `after` (then removed risks in the order of
// `before`); for one matched risk: rename or reuse, status, score.
std::vector<RiskChange> compare_registers(const RegisterSnapshot& before, const RegisterSnapshot& after);

std::string_view change_kind_name(ChangeKind kind);

}  // namespace mdrisk
