// The scoring property (fuzz/properties.hpp, P13) with fixed seeds, so it
// runs in every ctest run and not only under the fuzzer: for random valid
// scores and thresholds, --fix then lint reports nothing, and fixing twice
// equals fixing once.
#include <gtest/gtest.h>

#include "../fuzz/properties.hpp"

TEST(ScoringProperty, BandFixThenLintIsCleanAndFixIsIdempotent) {
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    try {
      mdrisk::fuzz::check_scoring(seed);
      ++checked;
    } catch (const mdrisk::fuzz::Broken& b) {
      ADD_FAILURE() << "seed " << seed << ": " << b.message;
    }
  }
  EXPECT_EQ(checked, 400);
}

// The scored shape configurations load and are part of P12's set.
TEST(ScoringProperty, ScoredShapeConfigurationsAreFuzzed) {
  int scored = 0;
  for (const mdrisk::LintOptions& o : mdrisk::fuzz::shape_configs()) scored += o.schema.scoring.enabled();
  EXPECT_EQ(scored, 2);
}
