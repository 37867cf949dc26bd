// Dates, lifecycle classes and IDs: the calendar arithmetic, the config keys
// (each mistake an error with its line), the reference day (--as-of,
// LintOptions::as_of, `as-of = "document"`), and that none of it changes
// the built-in schema. The findings themselves are in fixtures/MR7*.
#include <gtest/gtest.h>

#include "mdrisk/config.hpp"
#include "mdrisk/lifecycle.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "test_support.hpp"
#include "../fuzz/properties.hpp"

using namespace mdrisk;

namespace {

std::string config_error(const std::string& toml) {
  auto cfg = parse_config(toml, "t.toml");
  return cfg ? std::string("(no error)") : cfg.error().message;
}

const char* kTable =
    "sections = []\n[tracker]\nentries-required = false\ntable-style = \"compact\"\n"
    "[[columns]]\nkey = \"id\"\nheader = \"ID\"\n[[columns]]\nkey = \"risk\"\nheader = \"Risk\"\n"
    "[[columns]]\nkey = \"status\"\nheader = \"Status\"\nvalues = [\"Open\", \"Accepted\", \"Closed\"]\n"
    "[[columns]]\nkey = \"next-review\"\nheader = \"Next Review\"\n";

const char* kTracker =
    "# Depot Risks\n\nLast updated: 2026-05-01\n\n## Summary Table\n\n"
    "| ID | Risk | Status | Next Review |\n| --- | --- | --- | --- |\n"
    "| R-001 | Forklift battery fire | Open | 2026-04-15 |\n"
    "| R-002 | Dock door sensor drift | Open | 2026-06-15 |\n";

std::vector<std::string> codes_at(const std::string& toml, std::optional<Date> as_of) {
  auto cfg = parse_config(toml, "t.toml");
  EXPECT_TRUE(cfg) << cfg.error().message;
  if (!cfg) return {};
  LintOptions options = cfg->lint;
  options.as_of = as_of;
  std::vector<std::string> out;
  const SourceFile src = test::source(kTracker, "t.md");
  for (const Diagnostic& d : lint(src, options)) {
    out.push_back(d.code + "@" + std::to_string(src.line_of(d.range.begin)));
  }
  return out;
}

}  // namespace

TEST(Dates, ParseAcceptsRealDaysOnly) {
  EXPECT_EQ(Date::parse("2026-08-31"), (Date{2026, 8, 31}));
  EXPECT_EQ(Date::parse("2024-02-29"), (Date{2024, 2, 29}));  // a leap year
  EXPECT_EQ(Date::parse("2000-02-29"), (Date{2000, 2, 29}));  // divisible by 400
  for (const char* bad : {"2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-01",
                          "26-04-01", "2026/04/01", "2026-04-01 ", ""}) {
    EXPECT_FALSE(Date::parse(bad)) << bad;
  }
}

TEST(Dates, DayNumbersRoundTripAndCount) {
  EXPECT_EQ((Date{1970, 1, 1}).days(), 0);
  EXPECT_EQ((Date{2026, 9, 1}).days() - (Date{2026, 8, 31}).days(), 1);
  EXPECT_EQ((Date{2027, 1, 1}).days() - (Date{2026, 1, 1}).days(), 365);
  EXPECT_EQ((Date{2025, 1, 1}).days() - (Date{2024, 1, 1}).days(), 366);
  EXPECT_EQ((Date{2026, 2, 11}).plus_days(90), (Date{2026, 5, 12}));
  for (long d = -800000; d < 800000; d += 997) {
    const Date date = Date::from_days(d);
    ASSERT_EQ(date.days(), d);
    ASSERT_EQ(Date::parse(date.year >= 0 && date.year <= 9999 ? date.iso() : "x").value_or(date), date);
  }
}

TEST(Dates, FindDateReadsTheFirstDateInText) {
  DateScan s = find_date("2026-08-26 — reason");
  EXPECT_TRUE(s.found && s.valid);
  EXPECT_EQ(s.offset, 0u);
  EXPECT_EQ(s.date, (Date{2026, 8, 26}));
  s = find_date("mitigated (2026-08-26, vendor fix)");
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(s.offset, 11u);
  s = find_date("due 2026-02-30");
  EXPECT_TRUE(s.found);
  EXPECT_FALSE(s.valid);
  EXPECT_FALSE(find_date("31/08/2026").found);
  EXPECT_FALSE(find_date("12026-01-011").found);  // glued to more digits
  EXPECT_FALSE(find_date("soon").found);
}

TEST(Dates, FindDateReadsDottedDayFirstDates) {
  DateScan s = find_date("11.05.2026");
  EXPECT_TRUE(s.found && s.valid);
  EXPECT_EQ(s.date, (Date{2026, 5, 11}));
  EXPECT_EQ(s.offset, 0u);
  EXPECT_EQ(s.length, 10u);
  s = find_date("geprüft am 1.5.2026, ohne Befund");
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(s.date, (Date{2026, 5, 1}));
  EXPECT_EQ(s.offset, 12u);  // "ü" is two bytes
  EXPECT_EQ(s.length, 8u);
  s = find_date("Stand: 04.05.2026. Weiter im Text");  // a sentence's dot is not part of the date
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(s.offset, 7u);
  EXPECT_EQ(s.length, 10u);
  EXPECT_EQ(s.date.iso(), "2026-05-04");
  EXPECT_TRUE(find_date("(29.02.2024)").valid);  // a leap day
  EXPECT_TRUE(find_date("31.12.2026.").valid);
}

TEST(Dates, FindDateTellsAnImpossibleDottedDay) {
  for (const char* text : {"31.02.2026", "29.02.2026", "31.4.2026"}) {
    const DateScan s = find_date(text);
    EXPECT_TRUE(s.found) << text;
    EXPECT_FALSE(s.valid) << text;
    EXPECT_EQ(s.offset, 0u) << text;
  }
  const DateScan s = find_date("bis 30.02.2026 prüfen");
  EXPECT_TRUE(s.found && !s.valid);
  EXPECT_EQ(s.offset, 4u);
  EXPECT_EQ(s.length, 10u);
}

TEST(Dates, FindDateLeavesDottedLookalikesAlone) {
  for (const char* text : {"1.2.3", "3.14", "version 1.2.3.2026", "10.5.26", "2026.05.11", "v2.10.2026",
                           "x1.5.2026", "1.5.2026x", "1.5.2026.1", "11.05.20261", "111.05.2026", "11.005.2026",
                           "0.5.2026", "32.05.2026", "11.0.2026", "11.13.2026", "11.05.", "11..2026", "05/11/2026",
                           "192.168.1.20"}) {
    EXPECT_FALSE(find_date(text).found) << text;
  }
}

TEST(Dates, FindDateReadsWhicheverDateComesFirst) {
  DateScan s = find_date("2026-03-01, zuvor 11.02.2026");
  EXPECT_EQ(s.offset, 0u);
  EXPECT_EQ(s.date, (Date{2026, 3, 1}));
  s = find_date("11.02.2026, then 2026-03-01");
  EXPECT_EQ(s.date, (Date{2026, 2, 11}));
  s = find_date("release 1.2.3 on 2026-03-01 (was 1.3.2026)");
  EXPECT_EQ(s.offset, 17u);
  EXPECT_EQ(s.date, (Date{2026, 3, 1}));
  // An unreadable ISO date first is still the one reported.
  s = find_date("2026-02-30 or 01.03.2026");
  EXPECT_TRUE(s.found && !s.valid);
  EXPECT_EQ(s.offset, 0u);
}

TEST(Dates, LabelledDateMatchesWholeWords) {
  EXPECT_EQ(labelled_date("Stand: 11.05.2026. Weiter", "Stand"), (Date{2026, 5, 11}));
  EXPECT_EQ(labelled_date("**STAND:** 1.5.2026", "stand"), (Date{2026, 5, 1}));
  EXPECT_FALSE(labelled_date("Zustand der Standorte am 11.05.2026", "Stand"));
  EXPECT_EQ(labelled_date("Zustand geprüft; Stand 11.05.2026", "Stand"), (Date{2026, 5, 11}));
  EXPECT_EQ(labelled_date("Last updated by Ops on 2026-06-30", "Last updated"), (Date{2026, 6, 30}));
  EXPECT_FALSE(labelled_date("Last updated by Ops on 2026-06-30", "Last updated", true));
  EXPECT_EQ(labelled_date("_Last updated on 2026-06-30_", "last updated", true), (Date{2026, 6, 30}));
  EXPECT_EQ(labelled_date("Zuletzt aktualisiert am 3.4.2026", "Zuletzt aktualisiert", true), (Date{2026, 4, 3}));
  EXPECT_FALSE(labelled_date("Stand: 31.02.2026", "Stand"));
  EXPECT_FALSE(labelled_date("Stand: bald", "Stand"));
}

TEST(RiskSemanticsConfig, OffByDefault) {
  const Schema s = Schema::defaults();
  EXPECT_FALSE(s.dates.any_field());
  EXPECT_FALSE(s.lifecycle.enabled());
  EXPECT_EQ(s.ids.column, npos);
  auto cfg = parse_config(default_config_toml(), "d.toml");
  ASSERT_TRUE(cfg) << cfg.error().message;
  EXPECT_FALSE(cfg->lint.schema.dates.any_field());
  EXPECT_FALSE(cfg->lint.schema.lifecycle.enabled());
}

TEST(RiskSemanticsConfig, MistakesAreErrorsWithTheirLine) {
  const std::string t = kTable;
  EXPECT_EQ(config_error(t + "[dates]\nas-of = \"yesterday\"\n"),
            "line 19: 'as-of' must be \"today\", \"document\" or a date written YYYY-MM-DD, not \"yesterday\"");
  EXPECT_EQ(config_error(t + "[dates]\nnext-review = \"review\"\n"),
            "line 19: 'next-review': no column or section named \"review\"");
  EXPECT_EQ(config_error(t + "[dates]\nnext-review = \"next-review\"\nreview-by = \"status\"\n"
                             "review-intervals = { Open = 30, Pending = 60 }\n"),
            "line 21: 'review-intervals': \"Pending\" is not one of the values of column \"status\"");
  EXPECT_EQ(config_error(t + "[dates]\nreview-interval = 30\n"),
            "line 18: review intervals need 'last-review' or 'next-review'");
  EXPECT_EQ(config_error(t + "[dates]\nbogus = 1\n"), "line 19: unknown key 'bogus' in [dates]");
  EXPECT_EQ(config_error(t + "[lifecycle]\nopen = [\"Open\"]\nclosed = [\"open\"]\n"),
            "line 20: 'closed': status \"Open\" is in two classes");
  EXPECT_EQ(config_error(t + "[ids]\npattern = \"R-(\"\n"), "line 19: 'pattern' is not a valid regular expression");
  EXPECT_EQ(config_error(t + "[[policies]]\nclass = \"accepted\"\nrequire = [\"risk\"]\n"),
            "line 19: 'class' needs a [lifecycle] table");
  EXPECT_EQ(config_error(t + "[lifecycle]\n[[policies]]\nclass = \"accepted\"\n"),
            "line 19: a policy needs 'require-section', 'require', 'require-one-of' or 'require-reference'");
  EXPECT_EQ(config_error(t + "[[policies]]\ncolumn = \"status\"\nvalues = [\"Open\"]\nrequire-reference = \"yes\"\n"),
            "line 21: 'require-reference' must be true or false");
  std::string no_references = t;
  no_references.replace(no_references.find("[tracker]\n"), 10, "[tracker]\nreference-pattern = \"\"\n");
  EXPECT_EQ(config_error(no_references + "[[policies]]\ncolumn = \"status\"\nvalues = [\"Open\"]\nrequire-reference = true\n"),
            "line 22: 'require-reference' needs a [tracker] reference-pattern to read references with");
  EXPECT_EQ(config_error(t + "[lifecycle]\n[[policies]]\nclass = \"gone\"\nrequire = [\"risk\"]\n"),
            "line 20: 'class' must be one of \"open\", \"accepted\", \"closed\", not \"gone\"");
  EXPECT_EQ(config_error(t + "[[policies]]\ncolumn = \"status\"\nvalues = [\"Open\"]\nrequire-one-of = [\"risk\"]\n"),
            "line 21: 'require-one-of' names two or more fields (one is 'require')");
}

TEST(RiskSemanticsConfig, FieldsAreColumnsOrSections) {
  auto cfg = parse_config(std::string(kTable) + "[dates]\nnext-review = \"Next Review\"\nexpires = \"risk\"\n", "t.toml");
  ASSERT_TRUE(cfg) << cfg.error().message;
  const Schema& s = cfg->lint.schema;
  EXPECT_EQ(s.dates.next_review.column, s.column_index("next-review"));  // by header
  EXPECT_EQ(s.dates.expires.column, s.column_index("risk"));            // by key
}

TEST(AsOf, TheReferenceDayDecidesAndNeverTheClockWhenSet) {
  const std::string toml = std::string(kTable) + "[dates]\nnext-review = \"next-review\"\n";
  EXPECT_EQ(codes_at(toml, Date{2026, 4, 1}), std::vector<std::string>{});
  EXPECT_EQ(codes_at(toml, Date{2026, 5, 1}), (std::vector<std::string>{"MR702@9"}));
  EXPECT_EQ(codes_at(toml, Date{2026, 7, 1}), (std::vector<std::string>{"MR702@9", "MR702@10"}));
  // The config's fixed day, and LintOptions::as_of over it.
  const std::string fixed = std::string(kTable) + "[dates]\nas-of = \"2026-04-01\"\nnext-review = \"next-review\"\n";
  EXPECT_EQ(codes_at(fixed, std::nullopt), std::vector<std::string>{});
  EXPECT_EQ(codes_at(fixed, Date{2026, 7, 1}).size(), 2u);
  // The document's own date line (2026-05-01).
  const std::string document = std::string(kTable) + "[dates]\nas-of = \"document\"\nnext-review = \"next-review\"\n";
  EXPECT_EQ(codes_at(document, std::nullopt), (std::vector<std::string>{"MR702@9"}));
}

TEST(AsOf, CommandLineOptionSetsTheDayAndRefusesBadDates) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/.mdrisk.toml", std::string(kTable) + "[dates]\nnext-review = \"next-review\"\n");
  test::write_file(dir + "/t.md", kTracker);
  auto r = test::run_mdrisk({"--format", "concise", "--as-of", "2026-04-01", "t.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "All checks passed (1 file).\n");
  r = test::run_mdrisk({"--format", "concise", "--as-of", "2026-05-01", "t.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "t.md:9:42: error: review of 'R-001' is overdue: Next Review 2026-04-15 is 16 days before 2026-05-01 "
            "[MR702]\nFound 1 problem (1 error, 0 warnings) in 1 file.\n");
  r = test::run_mdrisk({"--as-of", "2026-02-30", "t.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mdrisk: --as-of takes a date written YYYY-MM-DD, not '2026-02-30' (see `mdrisk --help`)\n");
  EXPECT_EQ(r.out, "");
}

// The fuzz shape configurations reach the date rules (P14 is not vacuous):
// on a dated register, a far-off reference day raises MR702 under the
// first shape, and none on a day before every date.
TEST(FuzzShapes, DatePropertyReachesTheDateRules) {
  const std::string text = test::read_file(std::string(MDRISK_FIXTURES_DIR) + "/MR702-review-overdue/input.md");
  const SourceFile src = test::source(text, "t.md");
  const LintOptions& shape = fuzz::shape_configs().at(0);
  ASSERT_TRUE(shape.schema.dates.any_field());
  const auto count = [&](int year) {
    LintOptions at = shape;
    at.as_of = Date{year, 6, 30};
    int n = 0;
    for (const Diagnostic& d : lint(src, at)) n += d.code == "MR702";
    return n;
  };
  EXPECT_EQ(count(1990), 0);
  EXPECT_GE(count(2090), 4);
  EXPECT_EQ(fuzz::check_pipeline(text), "");
}
