#include "test_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace mdrisk::test {

const char* const kOneRiskTracker =
    "# Risks\n\n## Summary Table\n\n"
    "| Risk      | Impact | Likelihood | Mitigation | Owner | Status |\n"
    "| --------- | ------ | ---------- | ---------- | ----- | ------ |\n"
    "| Disk full | High   | Low        | Alerts     | Ops   | Open   |\n\n"
    "## Detailed Entries\n\n### Disk full\n\n"
    "- **Context**: Logs grow.\n- **Mitigation**\n  - Rotate logs.\n- **Monitoring**\n  - Disk alert.\n";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

SourceFile source(const std::string& text, const std::string& name) {
  auto r = SourceFile::from_bytes(name, text);
  if (!r) ADD_FAILURE() << "invalid test input: " << r.error().message;
  return r ? *r : *SourceFile::from_bytes(name, "");
}

namespace {
std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}
}  // namespace

std::string temp_dir() {
  std::string tmpl = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : std::string("/tmp")) +
                     "/mdrisk-test-XXXXXX";
  if (!::mkdtemp(tmpl.data())) ADD_FAILURE() << "mkdtemp failed";
  return tmpl;
}

RunResult run_mdrisk(const std::vector<std::string>& args, const std::string& stdin_text, const std::string& cwd) {
  const std::string dir = temp_dir();
  const std::string in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
  write_file(in, stdin_text);
  std::string cmd;
  if (!cwd.empty()) cmd += "cd " + shell_quote(cwd) + " && ";
  cmd += shell_quote(MDRISK_BINARY);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " <" + shell_quote(in) + " >" + shell_quote(out) + " 2>" + shell_quote(err);
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out);
  r.err = read_file(err);
  std::system(("rm -rf " + shell_quote(dir)).c_str());
  return r;
}

}  // namespace mdrisk::test
