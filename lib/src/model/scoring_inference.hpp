#pragma once
// The [score] and [bands] part of `mdrisk init --from FILE`: a score column
// the rows compute as likelihood × impact, and the band thresholds the
// document itself states (a legend table or a sentence). Thresholds are
// never guessed from the rows: a band written wrong in a row would then
// look right, and hiding drift is the opposite of what init is for.
#include <string>
#include <string_view>
#include <vector>

namespace mdrisk {

struct ScoringEvidence {
  std::vector<std::string> keys;                 // the register's column keys, in order
  std::vector<std::vector<std::string>> values;  // per column: the values it allows (empty: free text)
  std::vector<std::vector<std::string>> rows;    // each row's cells, by column
  struct Legend {
    std::size_t line = 0;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
  };
  std::vector<Legend> legends;  // the document's tables that are not the register's
  struct Line {
    std::size_t number = 0;
    std::string_view text;
  };
  std::vector<Line> prose;  // lines outside code, front matter and tables
};

struct InferredScoring {
  std::string score_column;  // empty: no score inferred
  std::string formula;       // "likelihood * impact"
  std::size_t rows_agreeing = 0, rows_scored = 0;
  std::string band_column;   // empty: no thresholds stated in the document
  struct Threshold {
    std::string band;
    int min = 0, max = 0;
  };
  std::vector<Threshold> thresholds;  // ascending, without gaps or overlaps
  std::size_t thresholds_line = 0;    // where the document states them
};

InferredScoring infer_scoring(const ScoringEvidence& e);

}  // namespace mdrisk
