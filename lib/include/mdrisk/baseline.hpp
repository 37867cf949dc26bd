#pragma once
// Baselines: the findings a team has accepted for now, so that CI fails
// only on new ones. A finding is identified by its file and the fingerprint
// SARIF uses (rule code, message and the text of its line, never a line
// number), so a finding that moves because lines were added above it stays
// baselined, and a new finding, or the same problem on another risk, is not.
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mdrisk/error.hpp"
#include "mdrisk/output.hpp"

namespace mdrisk {

struct Baseline {
  std::set<std::pair<std::string, std::string>> entries;  // (path, fingerprint)
};

// Reads a baseline written by format_baseline; errors are one line.
Result<Baseline> parse_baseline(std::string_view json_text);

// Every finding of `reports` as a baseline; `paths[i]` is the name
// reports[i] is stored under (the caller makes it relative to the
// baseline's folder, so the file works from any working directory).
std::string format_baseline(const std::vector<FileReport>& reports, const std::vector<std::string>& paths);

// Drops the findings of `report` that the baseline holds under `path`;
// returns how many were dropped.
std::size_t apply_baseline(const Baseline& baseline, const std::string& path, FileReport& report);

}  // namespace mdrisk
