#pragma once
// What a rule reports: a code, a message, where, and optionally a fix made
// of byte edits over the ORIGINAL document.
#include <optional>
#include <string>
#include <vector>

#include <optional>
#include <string_view>

#include "mdrisk/source.hpp"

namespace mdrisk {

enum class Severity { Warning, Error };
// "error" / "warning": the words of every output format and of the config.
const char* severity_name(Severity s);
// The reverse; nullopt for any other word.
std::optional<Severity> severity_from_name(std::string_view name);

// How sure we are that applying a fix keeps the author's meaning.
enum class Applicability {
  Safe,         // applied by --fix
  Unsafe,       // applied only with --unsafe-fixes
  DisplayOnly,  // shown, never applied
};
const char* applicability_name(Applicability a);

struct Edit {
  ByteRange range;          // over the original bytes; empty range = insertion
  std::string replacement;
  bool operator==(const Edit&) const = default;
};

struct Fix {
  Applicability applicability = Applicability::Safe;
  std::string title;        // e.g. "rename heading to 'Rust submodule divergence'"
  std::vector<Edit> edits;  // disjoint, applied all or nothing
  // Insertions of such fixes may share a point with other such fixes'
  // insertions; they go in in report order. Any other insertion at the same
  // point as another edit waits for the next pass. (MR201: stubs for several
  // rows that have no entry all go after the same entry.)
  bool shares_insertion_point = false;
};

// A second place a finding is about (the table row for an entry, say).
struct RelatedLocation {
  ByteRange range;
  std::string message;
};

struct Diagnostic {
  std::string code;  // stable, e.g. "MR201"
  std::string name;  // kebab-case, e.g. "missing-entry"
  Severity severity = Severity::Error;
  std::string message;
  ByteRange range;   // where the finding is; begin gives line:col
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
};

}  // namespace mdrisk
