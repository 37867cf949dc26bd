// CLI behaviour that needs the built binary: embedded rule pages, rule
// selectors, the bash completion, and how discovery meets explicit arguments.
#include <gtest/gtest.h>

#include <filesystem>

#include "mdrisk/rule_info.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

TEST(RuleCommand, PrintsTheEmbeddedPageOrFallsBackToTheSummary) {
  for (const auto& rule : mdrisk::rule_catalog()) {
    const std::string code(rule.code);
    const auto r = test::run_mdrisk({"rule", code});
    ASSERT_EQ(r.exit_code, 0) << code << r.err;
    const std::string page = std::string(MDRISK_SOURCE_DIR) + "/docs/rules/" + code + ".md";
    if (fs::exists(page)) {
      std::string text = test::read_file(page);
      if (!text.empty() && text.back() != '\n') text += '\n';
      EXPECT_EQ(r.out, text) << code;
    } else {
      EXPECT_EQ(r.out.rfind(code + " " + std::string(rule.name) + ": ", 0), 0u) << r.out;
    }
  }
  // By name too; unknown rules are a usage error.
  EXPECT_EQ(test::run_mdrisk({"rule", "missing-entry"}).out, test::run_mdrisk({"rule", "MR201"}).out);
  EXPECT_EQ(test::run_mdrisk({"rule", "MR999"}).exit_code, 2);
}

TEST(BashCompletion, CompletesFormatsAndRuleCodes) {
  const std::string dir = test::temp_dir();
  const std::string script = std::string(MDRISK_SOURCE_DIR) + "/completions/mdrisk.bash";
  const std::string bin_dir = fs::path(MDRISK_BINARY).parent_path().string();
  test::write_file(dir + "/t.sh",
                   "PATH='" + bin_dir + "':$PATH\nsource '" + script +
                       "'\n"
                       "COMP_WORDS=(mdrisk --format s); COMP_CWORD=2; _mdrisk; echo \"${COMPREPLY[*]}\"\n"
                       "COMP_WORDS=(mdrisk rule MR20); COMP_CWORD=2; _mdrisk; echo \"${COMPREPLY[*]}\"\n"
                       "COMP_WORDS=(mdrisk --stat); COMP_CWORD=1; _mdrisk; echo \"${COMPREPLY[*]}\"\n");
  ASSERT_EQ(std::system(("bash " + dir + "/t.sh > " + dir + "/out.txt").c_str()), 0);
  EXPECT_EQ(test::read_file(dir + "/out.txt"), "sarif\nMR201 MR202 MR203 MR204 MR205\n--statistics\n");
}

TEST(Discovery, ForceExcludeSkipsNonTrackersAndReportsNothingToDo) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/README.md", "# Readme\n\nNo tracker.\n");
  const auto forced = test::run_mdrisk({"--force-exclude", "README.md"}, "", dir);
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(forced.out, "");
  // Without it an explicit file is always linted.
  const auto explicit_file = test::run_mdrisk({"--format", "concise", "README.md"}, "", dir);
  EXPECT_EQ(explicit_file.exit_code, 1);
  EXPECT_NE(explicit_file.out.find("[MR002]"), std::string::npos) << explicit_file.out;
  // A folder without trackers: nothing to do, said on stderr, exit 0.
  const auto empty = test::run_mdrisk({"."}, "", dir);
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_EQ(empty.err, "mdrisk: no tracker files found\n");
}

TEST(RuleDocs, EmbedScriptBuildsWithMissingPages) {
  // The generator must give compilable code whatever pages exist: none, or
  // one with characters that would break a string literal.
  const std::string dir = test::temp_dir();
  const std::string script = std::string(MDRISK_SOURCE_DIR) + "/tools/mdrisk/embed_rule_docs.cmake";
  const std::string include = std::string(MDRISK_SOURCE_DIR) + "/tools/mdrisk";
  fs::create_directories(dir + "/none");
  fs::create_directories(dir + "/one");
  test::write_file(dir + "/one/MR201.md", "# MR201\n\"quotes\" )\" \\ and ü\n");
  for (const std::string which : {"none", "one"}) {
    const std::string out = dir + "/" + which + ".cpp";
    ASSERT_EQ(std::system(("cmake -DDOCS_DIR=" + dir + "/" + which + " -DOUTPUT=" + out + " -P " + script).c_str()), 0);
    test::write_file(dir + "/main_" + which + ".cpp",
                     "#include <cstdio>\n#include \"rule_docs.hpp\"\nint main(int, char** argv) {\n"
                     "  auto page = mdrisk::cli::rule_doc(argv[1]);\n"
                     "  std::fwrite(page.data(), 1, page.size(), stdout);\n}\n");
    const std::string exe = dir + "/" + which + ".exe";
    ASSERT_EQ(std::system(("c++ -std=c++20 -I" + include + " " + out + " " + dir + "/main_" + which + ".cpp -o " + exe)
                              .c_str()),
              0);
    ASSERT_EQ(std::system((exe + " MR201 > " + dir + "/" + which + ".txt").c_str()), 0);
  }
  EXPECT_EQ(test::read_file(dir + "/none.txt"), "");
  EXPECT_EQ(test::read_file(dir + "/one.txt"), "# MR201\n\"quotes\" )\" \\ and ü\n");
}

// --select and --ignore read selectors exactly as [rules] in .mdrisk.toml
// does: names mean their codes, and one that matches no rule is exit 2 with
// one line, never a run of nothing that says "All checks passed".
TEST(RuleSelectors, CommandLineAndConfigAcceptAndRejectTheSameSelectors) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/t.md", test::read_file(std::string(MDRISK_SOURCE_DIR) + "/fixtures/seed/risk-mitigation.md"));
  const auto by_name = test::run_mdrisk({"--no-config", "--format", "concise", "--select", "missing-entry", "t.md"}, "", dir);
  const auto by_code = test::run_mdrisk({"--no-config", "--format", "concise", "--select", "MR201", "t.md"}, "", dir);
  EXPECT_EQ(by_name.exit_code, 1);
  EXPECT_NE(by_name.out.find("[MR201]"), std::string::npos) << by_name.out;
  EXPECT_EQ(by_name.out, by_code.out);
  for (const std::string& code : {"MR101", "MR401", "MR302"}) {
    EXPECT_EQ(by_name.out.find("[" + code + "]"), std::string::npos) << by_name.out;
  }
  for (const auto& [flag, selector] : std::vector<std::pair<std::string, std::string>>{
           {"--select", "MR9999"}, {"--select", "MR9"}, {"--select", "MR001x"},
           {"--ignore", "nosuchrule"}, {"--ignore", "MR999"}}) {
    const auto r = test::run_mdrisk({"--no-config", flag, selector, "t.md"}, "", dir);
    EXPECT_EQ(r.exit_code, 2) << flag << " " << selector;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "mdrisk: " + flag + ": '" + selector +
                         "' is not a rule code, name or code prefix (see `mdrisk rules`)\n");
    // The same value in the config is refused with the same words.
    const std::string key = flag == "--select" ? "select" : "ignore";
    test::write_file(dir + "/.mdrisk.toml", "[rules]\n" + key + " = [\"" + selector + "\"]\n");
    const auto c = test::run_mdrisk({"t.md"}, "", dir);
    EXPECT_EQ(c.exit_code, 2) << key << " " << selector;
    EXPECT_NE(c.err.find("'" + selector + "' is not a rule code, name or code prefix"), std::string::npos) << c.err;
  }
  // A name in the config selects like its code on the command line.
  test::write_file(dir + "/.mdrisk.toml", "[rules]\nselect = [\"missing-entry\"]\n");
  EXPECT_EQ(test::run_mdrisk({"--format", "concise", "t.md"}, "", dir).out, by_code.out);
}
