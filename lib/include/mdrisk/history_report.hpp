#pragma once
// `mdrisk diff`'s report: what changed in each register between two versions.
#include <string>
#include <vector>

#include "mdrisk/register_snapshot.hpp"

namespace mdrisk {

struct FileHistory {
  std::string file;             // as the user named it
  RegisterSnapshot before, after;
  bool existed_before = true;   // false: the file is new since `before`
  bool exists_after = true;     // false: the file was deleted
  std::vector<RiskChange> changes;  // compare_registers(before, after)
};

// One block per file: a header line "FILE: FROM -> TO: N changes" and one
// line per change, kind and ID in columns.
std::string format_history_text(const std::vector<FileHistory>& files);
// For a pull-request comment: a `###` heading per file and a table of changes.
std::string format_history_markdown(const std::vector<FileHistory>& files);

}  // namespace mdrisk
