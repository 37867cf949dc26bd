// The scoring API (mdrisk/scoring.hpp) and the config keys that feed it:
// scale values, computed and read scores, bands, and the config errors a
// broken scoring setup gives.
#include <gtest/gtest.h>

#include "config/scoring_config.hpp"
#include "mdrisk/config.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "mdrisk/scoring.hpp"
#include "mdrisk/tracker.hpp"
#include "test_support.hpp"

using namespace mdrisk;

namespace {

const char* kConfig = R"(sections = []
[tracker]
table-heading = "Register"
entries-required = false
[[columns]]
key = "risk"
header = "Risk"
[[columns]]
key = "likelihood"
header = "L"
scale = "1-5"
[[columns]]
key = "impact"
header = "Impact"
levels = { Minor = 1, Moderate = 3, Major = 5 }
[[columns]]
key = "score"
header = "Score"
[[columns]]
key = "band"
header = "Band"
[score]
column = "score"
formula = "likelihood * impact"
[bands]
column = "band"
)";

Config config_or_die(const std::string& text) {
  auto cfg = parse_config(text, "t.toml");
  EXPECT_TRUE(cfg) << (cfg ? "" : cfg.error().message);
  return cfg ? *cfg : Config{};
}

std::string config_error(const std::string& text) {
  auto cfg = parse_config(text, "t.toml");
  return cfg ? std::string("(no error)") : cfg.error().message;
}

}  // namespace

TEST(Scoring, PresetsAndNumbers) {
  EXPECT_EQ(scale_preset("3-level").levels.size(), 3u);
  EXPECT_EQ(scale_preset("3-level").find("high")->value, 3);
  EXPECT_EQ(scale_preset("4-level").find("Critical")->value, 4);
  EXPECT_EQ(scale_preset("5-level").find("Very Low")->value, 1);
  EXPECT_EQ(scale_preset("5-level").find("Very High")->value, 5);
  EXPECT_EQ(scale_preset("1-4").find("4")->value, 4);
  EXPECT_EQ(scale_preset("1-4").find("5"), nullptr);
  EXPECT_TRUE(scale_preset("1-11").empty());
  EXPECT_TRUE(scale_preset("6-level").empty());
  EXPECT_EQ(parse_whole_number(" 12 "), 12);
  EXPECT_EQ(parse_whole_number("12a"), std::nullopt);
  EXPECT_EQ(parse_whole_number(""), std::nullopt);
}

TEST(Scoring, TheSeedSchemaReadsHighMediumLowAsThreeTwoOne) {
  const Schema s = Schema::defaults();
  EXPECT_FALSE(s.scoring.enabled());
  const std::size_t impact = s.column_index("impact");
  EXPECT_EQ(scale_value(s, impact, "High"), 3);
  EXPECT_EQ(scale_value(s, impact, "medium"), 2);
  EXPECT_EQ(scale_value(s, impact, "Low"), 1);
  EXPECT_EQ(scale_value(s, impact, "Huge"), std::nullopt);
  // A free-text column has no scale: a number is read as itself.
  EXPECT_EQ(scale_value(s, s.column_index("owner"), "7"), 7);
}

TEST(Scoring, DefaultBandsAreTheFiveByFiveOnes) {
  Scoring sc;
  sc.bands = default_bands();
  ASSERT_EQ(sc.bands.size(), 4u);
  const std::pair<std::int64_t, const char*> cases[] = {{1, "Low"},   {4, "Low"},   {5, "Medium"},    {9, "Medium"},
                                                        {10, "High"}, {15, "High"}, {16, "Critical"}, {25, "Critical"}};
  for (auto [score, band] : cases) {
    ASSERT_NE(band_for_score(sc, score), nullptr) << score;
    EXPECT_EQ(band_for_score(sc, score)->label, band) << score;
  }
  EXPECT_EQ(band_for_score(sc, 0), nullptr);
  EXPECT_EQ(band_for_score(sc, 26), nullptr);
}

TEST(Scoring, RowScoresFromCellsAndFormula) {
  const Config cfg = config_or_die(kConfig);
  const Schema& s = cfg.lint.schema;
  ASSERT_TRUE(s.scoring.enabled());
  EXPECT_EQ(s.columns[s.column_index("impact")].allowed, (std::vector<std::string>{"Minor", "Moderate", "Major"}));
  EXPECT_EQ(s.columns[s.column_index("band")].allowed,
            (std::vector<std::string>{"Low", "Medium", "High", "Critical"}));
  const std::string doc =
      "# R\n\n## Register\n\n"
      "| Risk | L | Impact | Score | Band |\n| --- | --- | --- | --- | --- |\n"
      "| a | 4 | Major | 20 | Critical |\n"   // right
      "| b | 2 | Moderate | 9 | Medium |\n"   // score wrong: 2 × 3 = 6
      "| c | 3 | Vast |  | Low |\n"           // impact off the scale, no score
      "| d | 1 | minor |  | Low |\n";         // computed from a case-different level
  const SourceFile src = test::source(doc);
  const Tracker t = parse_tracker(src, s);
  ASSERT_EQ(t.row_count(), 4u);
  EXPECT_EQ(computed_score(t, 0), 20);
  EXPECT_EQ(row_score(t, 0), 20);
  EXPECT_EQ(computed_score(t, 1), 6);
  EXPECT_EQ(row_score(t, 1), 9);  // the cell wins when it holds a number
  EXPECT_EQ(computed_score(t, 2), std::nullopt);
  EXPECT_EQ(row_score(t, 2), std::nullopt);
  EXPECT_EQ(row_score(t, 3), 1);
  EXPECT_EQ(band_for_score(s.scoring, *row_score(t, 1))->label, "Medium");
  EXPECT_EQ(row_score(t, 99), std::nullopt);
}

TEST(Scoring, FormulaGrammar) {
  const Config cfg = config_or_die(kConfig);
  const Schema& s = cfg.lint.schema;
  std::string problem;
  ScoreFormula f;
  EXPECT_TRUE(config::parse_formula("likelihood × impact", s, f, problem)) << problem;
  EXPECT_EQ(f.terms.size(), 1u);
  EXPECT_TRUE(config::parse_formula("2*likelihood + impact + 1", s, f, problem)) << problem;
  ASSERT_EQ(f.terms.size(), 3u);
  EXPECT_EQ(f.terms[0].size(), 2u);
  EXPECT_EQ(f.inputs().size(), 2u);
  EXPECT_FALSE(config::parse_formula("likelihood *", s, f, problem));
  EXPECT_EQ(problem, "'formula' ends with an operator");
  EXPECT_FALSE(config::parse_formula("likelihood / impact", s, f, problem));
  EXPECT_NE(problem.find("expects '*', '×' or '+' at character 12"), std::string::npos) << problem;
  EXPECT_FALSE(config::parse_formula("likelihood * severity", s, f, problem));
  EXPECT_EQ(problem, "'formula' names \"severity\", which is no column key");
  EXPECT_FALSE(config::parse_formula("3 * 4", s, f, problem));
  EXPECT_EQ(problem, "'formula' names no column");
  EXPECT_FALSE(config::parse_formula("  ", s, f, problem));
}

TEST(Scoring, ConfigErrorsNameTheLine) {
  const std::string base = kConfig;
  EXPECT_EQ(config_error(base + "[order]\nby = \"colour\"\n"),
            "line 28: 'by' must be \"score-desc\", \"score-asc\" or a column key (optionally with -desc or -asc), "
            "not \"colour\"");
  std::string bad = base;
  bad.replace(bad.find("formula = \"likelihood * impact\""), 31, "formula = \"likelihood * (impact)\"");
  EXPECT_EQ(config_error(bad),
            "line 24: 'formula' expects a column key or a number at character 14, found '('");
  const std::string overlap = base +
                              "thresholds = [\n"
                              "  { band = \"Low\", min = 1, max = 4 },\n"
                              "  { band = \"Medium\", min = 4, max = 9 },\n"
                              "  { band = \"High\", min = 10, max = 25 },\n"
                              "]\n";
  EXPECT_EQ(config_error(overlap), "line 29: band \"Medium\" (4–9) overlaps band \"Low\" (1–4)");
  const std::string gap = base +
                          "thresholds = [\n"
                          "  { band = \"Low\", min = 1, max = 4 },\n"
                          "  { band = \"High\", min = 10, max = 25 },\n"
                          "  { band = \"Medium\", min = 5, max = 8 },\n"
                          "]\n";
  EXPECT_EQ(config_error(gap),
            "line 29: no band covers 9, between band \"Medium\" (5–8) and band \"High\" (10–25)");
  EXPECT_EQ(config_error(base + "thresholds = [{ band = \"Low\", min = 5, max = 1 }]\n"),
            "line 27: band \"Low\": 'min' 5 is above 'max' 1");
  EXPECT_EQ(config_error("[[columns]]\nkey = \"risk\"\nscale = \"7-level\"\n"),
            "line 3: 'scale' must be \"3-level\", \"4-level\", \"5-level\" or \"1-N\" (N from 2 to 10), not \"7-level\"");
  EXPECT_EQ(config_error("[[columns]]\nkey = \"risk\"\nlevels = { A = 1, B = 1 }\n"),
            "line 3: levels \"A\" and \"B\" have the same number 1");
  EXPECT_EQ(config_error("[[columns]]\nkey = \"risk\"\n[[columns]]\nkey = \"band\"\n[bands]\ncolumn = \"band\"\n"),
            "line 5: [bands] needs a score: set [score] 'column' or 'formula'");
  EXPECT_EQ(config_error("[[columns]]\nkey = \"risk\"\n[score]\nformula = \"risk\"\nwidth = 3\n"),
            "line 5: unknown key 'width' in [score]");
  EXPECT_EQ(config_error("[tracker]\nregister = \"entries\"\n[[columns]]\nkey = \"impact\"\nscale = \"3-level\"\n"
                         "[score]\nformula = \"impact\"\n"),
            "line 6: [score] needs a register table; with register = \"entries\" there are no rows to score");
}

TEST(Scoring, ThresholdErrorIsOneLineNamingFileAndLineExitTwo) {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/.mdrisk.toml",
                   "[[columns]]\nkey = \"risk\"\n[[columns]]\nkey = \"score\"\n[[columns]]\nkey = \"band\"\n"
                   "[score]\ncolumn = \"score\"\n[bands]\ncolumn = \"band\"\nthresholds = [\n"
                   "  { band = \"Low\", min = 1, max = 9 },\n  { band = \"High\", min = 9, max = 25 },\n]\n");
  const std::string doc = "# T\n\n## Summary Table\n\n| risk | score | band |\n| --- | --- | --- |\n| a | 3 | High |\n";
  test::write_file(dir + "/t.md", doc);
  auto r = test::run_mdrisk({"--fix", "t.md"}, "", dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mdrisk: " + dir + "/.mdrisk.toml: line 13: band \"High\" (9–25) overlaps band \"Low\" (1–9)\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(test::read_file(dir + "/t.md"), doc);
}

// The README's example of the scoring keys is a working configuration.
TEST(Scoring, ReadmeExampleLoads) {
  const std::string readme = test::read_file(std::string(MDRISK_SOURCE_DIR) + "/README.md");
  const std::size_t section = readme.find("### Scores, bands and order");
  ASSERT_NE(section, std::string::npos);
  const std::size_t begin = readme.find("```toml\n", section);
  ASSERT_NE(begin, std::string::npos);
  const std::size_t end = readme.find("```\n", begin + 8);
  const std::string toml = readme.substr(begin + 8, end - begin - 8);
  auto cfg = parse_config(toml, "README.md");
  ASSERT_TRUE(cfg) << cfg.error().message;
  const Scoring& sc = cfg->lint.schema.scoring;
  EXPECT_EQ(sc.bands.size(), 4u);
  EXPECT_EQ(sc.order.key, RowOrder::Key::Score);
  EXPECT_TRUE(sc.order.descending);
  EXPECT_EQ(sc.formula.inputs().size(), 2u);
  const Schema& s = cfg->lint.schema;
  EXPECT_EQ(scale_value(s, s.column_index("impact"), "Moderate"), 3);
  EXPECT_EQ(scale_value(s, s.column_index("likelihood"), "5"), 5);
  EXPECT_EQ(scale_value(s, s.column_index("likelihood"), "6"), std::nullopt);
}

// Letters and emoji are scales like any other; a score reads them by number.
TEST(Scoring, LetterAndEmojiLevels) {
  const Config cfg = config_or_die(
      "sections = []\n[tracker]\ntable-heading = \"Risks\"\nentries-required = false\ntable-style = \"compact\"\n"
      "[[columns]]\nkey = \"risk\"\nheader = \"Risk\"\n"
      "[[columns]]\nkey = \"p\"\nheader = \"P\"\nlevels = { L = 1, M = 2, H = 3 }\n"
      "[[columns]]\nkey = \"i\"\nheader = \"I\"\nlevels = { \"🟢\" = 1, \"🟠\" = 2, \"🔴\" = 3 }\n"
      "[[columns]]\nkey = \"score\"\nheader = \"Score\"\n"
      "[score]\ncolumn = \"score\"\nformula = \"p × i\"\n");
  const std::string doc = "# R\n\n## Risks\n\n| Risk | P | I | Score |\n| --- | --- | --- | --- |\n"
                          "| a | H | 🔴 | 9 |\n| b | m | 🟠 | 5 |\n";
  const SourceFile src = test::source(doc);
  EXPECT_EQ(format_concise({&src, lint(src, cfg.lint)}),
            "input.md:8:7: warning: 'm' should be written 'M' [MR106]\n"
            "input.md:8:15: error: risk 'b' has score '5', but P × I = 2 × 2 = 4 [MR601]\n");
}
