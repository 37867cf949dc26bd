// The small grammars real registers need: heading forms, title checks,
// values with qualifiers and ranges, several labels on one line.
#include <gtest/gtest.h>

#include "mdrisk/schema.hpp"
#include "model/cell_value.hpp"
#include "model/heading_form.hpp"
#include "model/label_scan.hpp"
#include "model/date_inference.hpp"
#include "model/scoring_inference.hpp"

using namespace mdrisk;

namespace {

TEST(HeadingForm, SplitsEveryCommonForm) {
  struct Case {
    const char* pattern;
    const char* heading;
    const char* id;
    const char* title;
  };
  const Case cases[] = {
      {"{id}: {title}", "R-01: Supplier delay", "R-01", "Supplier delay"},
      {"{id} \xE2\x80\x94 {title}", "FM-03 \xE2\x80\x94 Silent queue growth", "FM-03", "Silent queue growth"},
      {"{id} - {title}", "R-004 - Rule drift - second pass", "R-004", "Rule drift - second pass"},
      {"{id} {title}", "R-02 Store review rejection", "R-02", "Store review rejection"},
      {"{id}", "SEC-001", "SEC-001", ""},
      {"{title}", "Coupon double redemption", "", "Coupon double redemption"},
      {"{title} ({id})", "Coupon reuse (R-7)", "R-7", "Coupon reuse"},
  };
  for (const Case& c : cases) {
    const HeadingParts p = split_heading(c.pattern, c.heading);
    EXPECT_TRUE(p.matched) << c.heading;
    EXPECT_EQ(p.id, c.id) << c.heading;
    EXPECT_EQ(p.title, c.title) << c.heading;
  }
  EXPECT_FALSE(split_heading("{id}", "SEC-001 Session tokens").matched);
  EXPECT_FALSE(split_heading("Risk {id}: {title}", "R-01: x").matched);
}

TEST(HeadingForm, TitleChecks) {
  const char* row = "Certification by the test lab is delayed";
  EXPECT_TRUE(title_fits(TitleCheckMode::Exact, "certification by the TEST lab is  delayed", row));
  EXPECT_FALSE(title_fits(TitleCheckMode::Exact, "Certification delayed", row));
  EXPECT_TRUE(title_fits(TitleCheckMode::Prefix, "Certification by the test lab", row));
  EXPECT_FALSE(title_fits(TitleCheckMode::Prefix, "Certification delayed", row));
  EXPECT_TRUE(title_fits(TitleCheckMode::Words, "Certification delayed", row));
  EXPECT_FALSE(title_fits(TitleCheckMode::Words, "Delayed certification", row));
  EXPECT_TRUE(title_fits(TitleCheckMode::Off, "Anything", row));
}

ColumnSpec levels(bool qualifiers, bool ranges) {
  ColumnSpec c;
  c.key = "severity";
  c.allowed = {"LOW", "MEDIUM", "HIGH"};
  c.qualifiers = qualifiers;
  c.ranges = ranges;
  return c;
}

TEST(CellValue, QualifiersRangesCodeSpansAndStrikethrough) {
  const ColumnSpec c = levels(true, true);
  const auto value = [&](std::string_view text) {
    const ValueSpan s = locate_value(c, text);
    return s.found ? std::string(s.value(text)) + (s.second_end ? "|" + std::string(s.second(text)) : "") : "-";
  };
  EXPECT_EQ(value("HIGH (write path only)"), "HIGH");
  EXPECT_EQ(value("high. Launch would slip"), "high");
  EXPECT_EQ(value("LOW\xE2\x80\x93MEDIUM"), "LOW|MEDIUM");
  EXPECT_EQ(value("~~HIGH~~ LOW"), "LOW");
  EXPECT_EQ(value("`MEDIUM` \xE2\x80\x94 agreed in review"), "MEDIUM");
  EXPECT_EQ(value("HIGHEST"), "-");
  EXPECT_EQ(value("Severe"), "-");
  ColumnSpec status;
  status.allowed = {"Open", "In Progress", "Closed"};
  status.qualifiers = true;
  const std::string_view t = "In Progress - vendor engaged";
  const ValueSpan s = locate_value(status, t);
  EXPECT_TRUE(s.found);
  EXPECT_EQ(s.value(t), "In Progress");
  // Without qualifiers a range must be the whole text.
  const ColumnSpec r = levels(false, true);
  EXPECT_TRUE(locate_value(r, "LOW\xE2\x80\x93MEDIUM").found);
  EXPECT_FALSE(locate_value(r, "LOW\xE2\x80\x93MEDIUM (disputed)").found);
}

TEST(LabelScan, SeveralLabelsOnOneLineButNotEmphasis) {
  const std::string_view line = "**Likelihood:** HIGH. **Severity**: MEDIUM. A **very** bad day.";
  const auto hits = scan_labels(line, false);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(line.substr(hits[0].name_begin, hits[0].name_end - hits[0].name_begin), "Likelihood");
  EXPECT_TRUE(hits[0].colon_inside);
  EXPECT_EQ(line.substr(hits[0].value_begin, hits[0].value_end - hits[0].value_begin), "HIGH.");
  EXPECT_EQ(line.substr(hits[1].name_begin, hits[1].name_end - hits[1].name_begin), "Severity");
  EXPECT_FALSE(hits[1].colon_inside);
  EXPECT_TRUE(hits[1].colon);
  EXPECT_EQ(scan_labels(line, true).size(), 1u);
  EXPECT_TRUE(scan_labels("plain text **Label:** x", false).empty());
}

}  // namespace

namespace {

ScoringEvidence scored_rows(std::vector<std::vector<std::string>> rows) {
  ScoringEvidence e;
  e.keys = {"id", "likelihood", "impact", "score", "band"};
  e.values = {{}, {}, {}, {}, {"Low", "Medium", "High"}};
  e.rows = std::move(rows);
  return e;
}

}  // namespace

TEST(ScoringInference, ScoreIsInferredWhenMostRowsComputeIt) {
  // Two rows in three agree: the third is drift, and the formula is kept.
  auto e = scored_rows({{"A", "2", "3", "6", "Medium"}, {"B", "1", "4", "4", "Low"}, {"C", "3", "3", "12", "High"}});
  InferredScoring s = infer_scoring(e);
  EXPECT_EQ(s.score_column, "score");
  EXPECT_EQ(s.formula, "likelihood * impact");
  EXPECT_EQ(s.rows_agreeing, 2u);
  EXPECT_EQ(s.rows_scored, 3u);
  EXPECT_TRUE(s.band_column.empty()) << "no thresholds are stated, so none are guessed";
  // One row in three is not a formula.
  e = scored_rows({{"A", "2", "3", "7", "Medium"}, {"B", "1", "4", "4", "Low"}, {"C", "3", "3", "10", "High"}});
  EXPECT_TRUE(infer_scoring(e).score_column.empty());
}

TEST(ScoringInference, BandsComeFromALegendTableOrASentence) {
  auto e = scored_rows({{"A", "2", "3", "6", "Medium"}, {"B", "1", "4", "4", "Low"}});
  e.legends.push_back({20, {"Score", "Level"}, {{"1\xE2\x80\x93" "4", "low"}, {"5 - 8", "Medium"}, {"9 to 9", "High"}}});
  InferredScoring s = infer_scoring(e);
  ASSERT_EQ(s.thresholds.size(), 3u);
  EXPECT_EQ(s.thresholds_line, 20u);
  EXPECT_EQ(s.thresholds[0].band, "Low") << "the band column's spelling";
  EXPECT_EQ(s.thresholds[2].min, 9);
  EXPECT_EQ(s.thresholds[2].max, 9);

  // The input scale before the word "Bands" is not a band.
  e.legends.clear();
  const std::string line = "Each 1\xE2\x80\x93" "5. Bands: Low 1\xE2\x80\x93" "4, Medium (5\xE2\x80\x93" "9), High 10\xE2\x80\x93" "25.";
  e.prose.push_back({3, line});
  s = infer_scoring(e);
  ASSERT_EQ(s.thresholds.size(), 3u);
  EXPECT_EQ(s.thresholds_line, 3u);
  EXPECT_EQ(s.thresholds[1].band, "Medium");
  EXPECT_EQ(s.thresholds[1].min, 5);

  // A gap (Medium ends at 8, High starts at 10) or a band the column lacks: nothing.
  const std::string gap = "Bands: Low 1-4, Medium 5-8, High 10-25.";
  const std::string unknown = "Bands: Low 1-4, Severe 5-25.";
  e.prose = {{3, gap}, {4, unknown}};
  EXPECT_TRUE(infer_scoring(e).thresholds.empty());
}

TEST(DateInference, ReviewColumnsExpiryFieldAndTheDocumentDate) {
  DateEvidence e;
  e.keys = {"id", "last-reviewed", "next-review"};
  e.headers = {"ID", "Last Reviewed", "Next Review"};
  e.field_labels = {"Rationale", "Expires on"};
  e.preamble = {"# Register", "", "Last updated: 2026-07-31"};
  InferredDates d = infer_dates(e);
  EXPECT_EQ(d.last_review, "last-reviewed");
  EXPECT_EQ(d.next_review, "next-review");
  EXPECT_EQ(d.expires, "Expires on");
  EXPECT_TRUE(d.document_date);
  // No date line: judged as on the day of the run (or --as-of).
  e.preamble = {"# Register", "Updated in July."};
  EXPECT_FALSE(infer_dates(e).document_date);
  // No date columns or fields: nothing to configure.
  EXPECT_FALSE(infer_dates(DateEvidence{{"id"}, {"ID"}, {"Rationale"}, {}}).any());
}

TEST(DateInference, GermanColumnsAndADottedStandLine) {
  DateEvidence e;
  e.keys = {"nr", "letzte-pruefung", "naechste-pruefung"};
  e.headers = {"Nr.", "Letzte Prüfung", "Nächste Prüfung"};
  e.field_labels = {"Begründung", "Gültig bis"};
  e.preamble = {"# Risikoregister", "", "Stand: 11.05.2026. Details für jedes Risiko."};
  InferredDates d = infer_dates(e);
  EXPECT_EQ(d.last_review, "letzte-pruefung");
  EXPECT_EQ(d.next_review, "naechste-pruefung");
  EXPECT_EQ(d.expires, "Gültig bis");
  EXPECT_TRUE(d.document_date);
  EXPECT_EQ(d.document_label, "Stand");  // not a default label: the config names it
  e.preamble = {"Zuletzt aktualisiert: 1.5.2026"};
  d = infer_dates(e);
  EXPECT_TRUE(d.document_date);
  EXPECT_EQ(d.document_label, "");
  // "Stand" inside a word, or no date right after it: no document date.
  e.preamble = {"Zustand: 11.05.2026", "Stand der Planung, geprüft 11.05.2026", "Stand: 31.02.2026"};
  EXPECT_FALSE(infer_dates(e).document_date);
}
