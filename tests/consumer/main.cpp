// Lints a small tracker through the installed library; exits 0 when the
// expected finding (MR105) is found and the output emitters work.
#include <mdrisk/mdrisk.hpp>

#include <cstdio>
#include <string>

int main() {
  const char* doc =
      "# Risks\n\n## Summary Table\n\n"
      "| Risk      | Impact | Likelihood | Mitigation | Owner | Status |\n"
      "| --------- | ------ | ---------- | ---------- | ----- | ------ |\n"
      "| Disk full | Huge   | Low        | Alerts     | Ops   | Open   |\n\n"
      "## Detailed Entries\n\n### Disk full\n\n"
      "- **Context**: Logs grow.\n- **Mitigation**\n  - Rotate logs.\n- **Monitoring**\n  - Disk alert.\n";
  auto source = mdrisk::SourceFile::from_bytes("consumer.md", doc);
  if (!source) return 2;
  const auto diagnostics = mdrisk::lint(*source, mdrisk::LintOptions{});
  std::fputs(mdrisk::format_concise({&*source, diagnostics}).c_str(), stdout);
  const bool found = diagnostics.size() == 1 && diagnostics[0].code == "MR105";
  const bool sarif = mdrisk::format_sarif({{&*source, diagnostics}}, {}).find("\"2.1.0\"") != std::string::npos;
  std::printf("mdrisk %.*s\n", static_cast<int>(mdrisk::version().size()), mdrisk::version().data());
  const bool version = mdrisk::version() == std::to_string(MDRISK_VERSION_MAJOR) + "." +
                                               std::to_string(MDRISK_VERSION_MINOR) + "." +
                                               std::to_string(MDRISK_VERSION_PATCH);
  return found && sarif && version && mdrisk::find_rule("MR105") ? 0 : 1;
}
