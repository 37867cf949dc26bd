// The pieces under --base, `mdrisk diff` and the CSV exchange, one by one:
// closed statuses, matching two versions (rename against reuse), snapshots
// of a register without a table, and the CSV neutralisation and reader.
// tests/history/run.sh and tests/exchange/check.py drive them end to end.
#include <gtest/gtest.h>

#include <filesystem>

#include "exchange/csv.hpp"
#include "mdrisk/config.hpp"
#include "mdrisk/register_snapshot.hpp"
#include "test_support.hpp"

using namespace mdrisk;

namespace {

RiskRecord risk(std::string id, std::string name, std::string status, std::string score = "") {
  RiskRecord r;
  r.id = std::move(id);
  r.name = name;
  r.key = name;
  for (char& c : r.key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  r.status = status;
  r.closed = is_closed_status(status);
  r.score = std::move(score);
  return r;
}

RegisterSnapshot snap(std::vector<RiskRecord> risks) {
  RegisterSnapshot s;
  s.risks = std::move(risks);
  for (const auto& r : s.risks) s.has_ids = s.has_ids || !r.id.empty();
  return s;
}

std::vector<std::string> kinds(const std::vector<RiskChange>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes) out.emplace_back(change_kind_name(c.kind));
  return out;
}

}  // namespace

TEST(ClosedStatus, ReadsTheValueNotTheRemark) {
  for (const char* s : {"Closed", "closed", "CLOSED", "Closed (2024-05)", "Closed - fixed in 2.1", "Done", "Resolved",
                        "Retired.", "~~Open~~ Closed", "`closed` since 2.1", "  Closed  "}) {
    EXPECT_TRUE(is_closed_status(s)) << s;
  }
  for (const char* s : {"Open", "", "Closedown pending", "Not closed", "~~Closed~~ Open", "In Progress", "Mitigated",
                        "Reopened", "Undone"}) {
    EXPECT_FALSE(is_closed_status(s)) << s;
  }
}

TEST(CompareRegisters, SameIdSharedWordIsARename) {
  const auto before = snap({risk("R-1", "Vendor API rate limits", "Open")});
  const auto after = snap({risk("R-1", "Vendor API rate limiting", "Open")});
  const auto changes = compare_registers(before, after);
  ASSERT_EQ(kinds(changes), std::vector<std::string>{"renamed"});
  EXPECT_EQ(changes[0].from, "Vendor API rate limits");
  EXPECT_EQ(changes[0].to, "Vendor API rate limiting");
}

TEST(CompareRegisters, SameIdNoSharedWordIsAReuse) {
  const auto changes = compare_registers(snap({risk("R-5", "Signing key rotation", "Open")}),
                                         snap({risk("R-5", "Office lease renewal", "Closed")}));
  // A different risk: its status is not reported as a change of the old one.
  EXPECT_EQ(kinds(changes), std::vector<std::string>{"id reused"});
}

TEST(CompareRegisters, OldNameUnderAnotherIdMakesTheIdReused) {
  // R-2's risk moved to now names a risk that shares a word.
  const auto changes = compare_registers(
      snap({risk("R-2", "Disk quota", "Open")}),
      snap({risk("R-2", "Disk latency", "Open"), risk("R-9", "Disk quota", "Open")}));
  EXPECT_EQ(kinds(changes), (std::vector<std::string>{"id reused", "added"}));
}

TEST(CompareRegisters, StatusAndScoreAndRemoval) {
  const auto changes = compare_registers(
      snap({risk("R-1", "A risk", "Closed", "4"), risk("R-2", "Gone risk", "Open")}),
      snap({risk("R-1", "A risk", "Open", "8"), risk("R-3", "New risk", "Open")}));
  EXPECT_EQ(kinds(changes), (std::vector<std::string>{"status", "score", "added", "removed"}));
  EXPECT_EQ(changes[0].from, "Closed");
  EXPECT_EQ(changes[0].to, "Open");
  EXPECT_EQ(changes[1].from, "4");
  EXPECT_EQ(changes[1].to, "8");
  EXPECT_EQ(changes[3].before, 1u);
}

TEST(CompareRegisters, WithoutIdsByName) {
  const auto changes = compare_registers(snap({risk("", "Disk fills up", "Open"), risk("", "Cert lapses", "Closed")}),
                                         snap({risk("", "Cert lapses", "Closed")}));
  EXPECT_EQ(kinds(changes), std::vector<std::string>{"removed"});
  // A status written in another case is no change.
  EXPECT_TRUE(compare_registers(snap({risk("", "X risk", "open")}), snap({risk("", "X risk", "Open")})).empty());
}

TEST(RegisterSnapshot, EntriesOnlyRegisterReadsFields) {
  const std::string dir = std::string(MDRISK_FIXTURES_DIR) + "/S06-paragraph-fields-no-table";
  auto cfg = load_config(dir + "/.mdrisk.toml");
  ASSERT_TRUE(cfg) << cfg.error().message;
  const SourceFile src = test::source(test::read_file(dir + "/input.md"), "input.md");
  const Tracker t = parse_tracker(src, cfg->lint.schema);
  const RegisterSnapshot s = snapshot_register(t, "working tree");
  ASSERT_GE(s.risks.size(), 3u);
  EXPECT_TRUE(s.has_ids);
  EXPECT_EQ(s.risks[0].id, "R1");
  EXPECT_EQ(s.risks[0].name, "Wireless module approval");
  EXPECT_EQ(s.risks[0].status, "Open");
  EXPECT_EQ(s.risks[1].status, "Mitigating");
  EXPECT_FALSE(s.risks[0].closed);
}

TEST(CsvNeutralise, EveryFormulaStartGetsOneApostropheAndComesBack) {
  const std::vector<std::string> values = {"=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "'=x", "''+y",
                                           "plain", "", "'", "'quoted", "a=b", "–dash", "'a"};
  for (const auto& v : values) {
    const std::string out = csv::neutralise(v);
    EXPECT_EQ(csv::restore(out), v) << v;
    ASSERT_FALSE(out.empty() && !v.empty());
    if (!out.empty()) EXPECT_EQ(std::string("=+-@\t\r").find(out[0]), std::string::npos) << "starts a formula: " << out;
  }
  EXPECT_EQ(csv::neutralise("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(csv::neutralise("'=x"), "''=x");
  EXPECT_EQ(csv::neutralise("'quoted"), "'quoted");
  EXPECT_EQ(csv::restore("'plain"), "'plain");
}

TEST(CsvReader, QuotesCommasLineBreaks) {
  std::optional<csv::ParseError> err;
  const auto recs = csv::parse("\xEF\xBB\xBF" "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n\n", err);
  ASSERT_FALSE(err);
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0], (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(recs[1], (std::vector<std::string>{"two\nlines", "", "x"}));
  EXPECT_EQ(csv::record({"a", "b\"c"}), "\"a\",\"b\"\"c\"\r\n");
  csv::parse("a,\"open\n", err);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->line, 1u);
  err.reset();
  csv::parse("x\n\"a\"b\n", err);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->line, 2u);
}

TEST(ClosedStatus, TheLifecycleClosedClassDecidesWhenConfigured) {
  Schema s = Schema::defaults();
  EXPECT_TRUE(is_closed_status("Closed", s)) << "without [lifecycle], the built-in words";
  EXPECT_FALSE(is_closed_status("Mitigated", s));
  s.lifecycle.status_column = s.column_index("status");
  s.lifecycle.closed = {"Mitigated", "Won't fix"};
  EXPECT_TRUE(is_closed_status("Mitigated", s));
  EXPECT_TRUE(is_closed_status("mitigated (2026-08-26, new vendor)", s));
  EXPECT_TRUE(is_closed_status("~~Open~~ Won't fix", s));
  EXPECT_FALSE(is_closed_status("Closed", s)) << "the register's own words replace the built-in ones";
  EXPECT_FALSE(is_closed_status("Mitigation planned", s));
}
