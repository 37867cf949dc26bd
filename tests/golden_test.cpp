// The golden-fixture runner. Every folder under fixtures/ that holds an
// input.md is one case:
//   input.md      the document
//   expected.txt  exact lint output, `input.md:line:col: severity: message [CODE]`
//   fixed.md      exact output of --fix (with --unsafe-fixes when options.txt
//                 says `unsafe-fixes`); when absent, --fix must change nothing
//   options.txt   (optional) one option a line: `unsafe-fixes`
//   .mdrisk.toml  (optional) the configuration to lint with, as the CLI
//                 would find it when run inside the folder
// A folder named for a rule (`MR303-section-alias`) runs that rule alone, as
// `--select MR303` would: its files show what the rule does, and nothing
// another rule adds. Every other folder runs every rule.
// For every case: fixing twice equals fixing once, and after
// --fix --unsafe-fixes no fixable diagnostic is left.
// Fixtures are compared byte for byte and never rewritten by the tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "mdrisk/config.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "mdrisk/rule_info.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

namespace {

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(MDRISK_FIXTURES_DIR)) {
    if (e.is_directory() && fs::exists(e.path() / "input.md")) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct Fixture {
  std::string dir;
  std::string input;
  bool unsafe = false;
  LintOptions lint;

  explicit Fixture(const std::string& name) : dir(std::string(MDRISK_FIXTURES_DIR) + "/" + name) {
    input = test::read_file(dir + "/input.md");
    const std::string options = test::read_file(dir + "/options.txt");
    unsafe = options.find("unsafe-fixes") != std::string::npos;
    if (has(".mdrisk.toml")) {
      auto cfg = load_config(dir + "/.mdrisk.toml");
      if (!cfg) ADD_FAILURE() << name << "/.mdrisk.toml: " << cfg.error().message;
      else lint = cfg->lint;
    }
    if (const RuleInfo* rule = find_rule(name.substr(0, name.find('-'))); rule && name.size() > 6 && name[5] == '-') {
      lint.rules.select = {std::string(rule->code)};
    }
  }
  bool has(const std::string& file) const { return fs::exists(dir + "/" + file); }
  std::string read(const std::string& file) const { return test::read_file(dir + "/" + file); }
};

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, LintOutputMatchesExpected) {
  const Fixture f(GetParam());
  ASSERT_TRUE(f.has("expected.txt")) << "every fixture needs expected.txt";
  const SourceFile src = test::source(f.input, "input.md");
  const auto diags = lint(src, f.lint);
  EXPECT_EQ(format_concise({&src, diags}), f.read("expected.txt"));
}

TEST_P(Golden, FixOutputMatchesExpected) {
  const Fixture f(GetParam());
  // Without fixed.md the fixture claims it has nothing fixable: --fix must
  // leave it byte-identical.
  const std::string expected = f.has("fixed.md") ? f.read("fixed.md") : f.input;
  FixOptions options;
  options.unsafe = f.unsafe;
  auto fixed = fix_source(test::source(f.input), f.lint, options);
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_EQ(fixed->output, expected);
}

TEST_P(Golden, FixIsIdempotentAndLeavesNothingFixable) {
  const Fixture f(GetParam());
  for (bool unsafe : {false, true}) {
    FixOptions options;
    options.unsafe = unsafe;
    auto once = fix_source(test::source(f.input), f.lint, options);
    ASSERT_TRUE(once) << once.error().message;
    auto twice = fix_source(test::source(once->output), f.lint, options);
    ASSERT_TRUE(twice) << twice.error().message;
    EXPECT_EQ(twice->output, once->output) << "fix is not idempotent (unsafe=" << unsafe << ")";
    EXPECT_EQ(twice->fixes_applied, 0u);
    if (unsafe) {
      for (const Diagnostic& d : once->remaining) {
        EXPECT_FALSE(d.fix && d.fix->applicability != Applicability::DisplayOnly)
            << d.code << " still has a fix after --fix --unsafe-fixes: " << d.message;
      }
    }
  }
}

// --fix runs only the fixable rules in passes that apply fixes (and all of
// them in the last): what it reports must be exactly what linting its output
// reports, and a rule not marked fixable must never carry a fix (it would be
// skipped there).
TEST_P(Golden, FixReportsWhatLintingItsOutputReports) {
  const Fixture f(GetParam());
  for (bool unsafe : {false, true}) {
    FixOptions options;
    options.unsafe = unsafe;
    auto fixed = fix_source(test::source(f.input), f.lint, options);
    ASSERT_TRUE(fixed) << fixed.error().message;
    const SourceFile out = test::source(fixed->output, "input.md");
    const SourceFile in = test::source(f.input, "input.md");
    EXPECT_EQ(format_concise({&out, fixed->remaining}), format_concise({&out, lint(out, f.lint)})) << "unsafe=" << unsafe;
    for (const Diagnostic& d : lint(in, f.lint)) {
      const RuleInfo* rule = find_rule(d.code);
      ASSERT_NE(rule, nullptr) << d.code;
      EXPECT_TRUE(!d.fix || rule->fixable) << d.code << " carries a fix but is not marked fixable";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Golden, ::testing::ValuesIn(fixture_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return n;
                         });

}  // namespace
