// The names of severities and fix applicabilities, defined once: every
// output format, the config reader and the command line use these words.
#include "mdrisk/diagnostic.hpp"

namespace mdrisk {

const char* severity_name(Severity s) { return s == Severity::Error ? "error" : "warning"; }

std::optional<Severity> severity_from_name(std::string_view name) {
  for (const Severity s : {Severity::Error, Severity::Warning}) {
    if (name == severity_name(s)) return s;
  }
  return std::nullopt;
}

const char* applicability_name(Applicability a) {
  switch (a) {
    case Applicability::Safe: return "safe";
    case Applicability::Unsafe: return "unsafe";
    case Applicability::DisplayOnly: return "display-only";
  }
  return "safe";
}

}  // namespace mdrisk
