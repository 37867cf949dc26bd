#pragma once
// Helpers shared by the test files: reading fixtures, running the binary.
#include <string>
#include <vector>

#include "mdrisk/source.hpp"

namespace mdrisk::test {

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);
SourceFile source(const std::string& text, const std::string& name = "input.md");

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs the built mdrisk binary with `args` (shell-quoted here), feeding `stdin_text`.
RunResult run_mdrisk(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     const std::string& cwd = "");
// A one-risk tracker in the built-in shape that lints clean.
extern const char* const kOneRiskTracker;

// A fresh empty directory under the system temp folder.
std::string temp_dir();

}  // namespace mdrisk::test
