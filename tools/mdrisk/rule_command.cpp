// `mdrisk rules` and `mdrisk rule CODE`.
#include <fmt/format.h>

#include <cstdio>

#include "commands.hpp"
#include "mdrisk/rule_info.hpp"
#include "rule_docs.hpp"

namespace mdrisk::cli {

int list_rules(bool markdown) {
  if (markdown) {
    write_out("| code | name | severity | fix | checks |\n|---|---|---|---|---|\n");
    for (const auto& r : mdrisk::rule_catalog()) {
      write_out(fmt::format("| {} | {} | {} | {} | {} |\n", r.code, r.name, mdrisk::severity_name(r.severity),
                            mdrisk::rule_fix_name(r.fix), r.summary));
    }
    return kExitClean;
  }
  for (const auto& r : mdrisk::rule_catalog()) {
    write_out(fmt::format("{}  {:<28} {:<8} {}{}\n", r.code, r.name, mdrisk::severity_name(r.severity), r.summary,
                          r.fixable ? " (fixable)" : ""));
  }
  return kExitClean;
}

int explain_rule(const std::string& code_or_name) {
  const auto* r = mdrisk::find_rule(code_or_name);
  if (!r) {
    std::fprintf(stderr, "mdrisk: unknown rule '%s' (see `mdrisk rules`)\n", code_or_name.c_str());
    return kExitError;
  }
  // The rule's page as built in; without one (not written yet), its summary.
  if (const std::string_view page = rule_doc(r->code); !page.empty()) {
    write_out(std::string(page));
    if (page.back() != '\n') write_out("\n");
    return kExitClean;
  }
  write_out(fmt::format("{} {}: {}\nseverity: {}; fixable: {}\n", r->code, r->name, r->summary,
                        mdrisk::severity_name(r->severity), r->fixable ? "yes" : "no"));
  return kExitClean;
}

}  // namespace mdrisk::cli
