// Properties of the whole pipeline, shared by the libFuzzer target
// (fuzz/fuzz_pipeline.cpp) and the regression test that replays saved inputs
// (tests/fuzz_regressions_test.cpp). The pipeline: SourceFile::from_bytes, lint,
// fix_source (safe, then safe+unsafe). It checks properties, not just "no
// crash"; check_pipeline returns the first broken property, or "".
//
//  P1  from_bytes either rejects the bytes with InvalidInput or accepts them.
//  P2  every diagnostic's range, and every edit of every fix, lies inside the
//      document (begin <= end <= size).
//  P3  fix_source never reports an Internal error (not converging, a fix
//      that changes nothing): those are bugs by the library's own contract.
//      A FixFailed refusal is allowed: it writes nothing.
//  P4  when nothing was applied the output is the input, byte for byte.
//  P5  the fixed output is valid text again, keeps the BOM, and fixing it a
//      second time succeeds with zero fixes and the same bytes (idempotence).
//  P6  re-linting the fixed output finds no diagnostic with an applicable fix.
//  P7  content outside the edits is unchanged: every top-level block outside
//      the managed structure (not the title, the two managed headings, the
//      Summary Table or a detailed entry; nor an mdrisk suppression comment,
//      which MR501 removes when unused; nor a generated view, whose lines
//      MR801 rewrites) still appears in the output as the
//      same raw bytes, in the same order. Fixes only re-print managed
//      constructs and insert line breaks between blocks, so a block that is
//      not managed must survive verbatim; this checks raw bytes, independently
//      of the fixer's own rendered-HTML check.
//  P8  blanking the Summary Table's cells before cmark parses the document
//      (lib/src/markdown/table_blanking.hpp) changes nothing mdrisk reads: the same
//      lint output, the same table lines, and a content signature equal to
//      that of the document parsed as written.
//  P9  parsing a document in parts (lib/src/markdown/document_parts.hpp), cut at
//      every point the cutting rules allow, changes nothing: the same HTML
//      for the whole tree, the same model (every block's and item's lines,
//      markers, columns and labels), the same lint output, the same --fix
//      output (safe, and with unsafe fixes) and an equal content signature,
//      as parsing it in one piece.
//  P11 a document the input guard refuses (lint throws InputRefused) gets
//      the same one-line InvalidInput error, naming a line of the document,
//      from fix_source.
//  P12 P2 to P7 hold as well under configurations of other register shapes
//      (shape_configs below), whose parse paths the built-in schema never
//      takes: front matter, several tables found by their header, entries
//      at levels 2 and 4 linked by ID, fields as labelled paragraphs,
//      sub-headings and key/value tables, several labels on a line, column
//      fields with a source of truth, qualified values and ranges, and the
//      style options (tight or header-wide delimiters, no blank line after
//      an entry heading, bare-label colons).
//  P13 scoring: for random contiguous thresholds and random valid ratings,
//      with score and band cells right, wrong, empty or in another case,
//      --fix leaves a register that lints clean, and fixing it again
//      changes nothing (check_scoring below). P12's configurations include
//      two scored ones (formula, bands, legend, row order).
//  P14 under the shape configurations that name date fields, a later
//      reference day (--as-of) keeps every MR702/MR705 finding of an
//      earlier one, the same day gives the same findings, and every date in
//      the document reads back as itself.
//  P15 export and import: the CSV export of a document under each shape's
//      schema either refuses with one line or imports (under the same
//      schema) into a document whose export imports and exports again to
//      the same bytes: a fixed point from the first import on. The input
//      bytes read as a CSV file import or refuse with one line, never crash.
//  P10 the content signature parse_tracker builds along with the model
//      (each entry signed as soon as its part is parsed), whole and cut at
//      every allowed point, keeping the tree or dropping each part's,
//      equals content_signature of the finished model, and the model lints
//      the same.
#pragma once
#include <algorithm>
#include <cstdlib>
#include <cctype>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "fix/content_signature.hpp"
#include "markdown/document_parts.hpp"
#include "markdown/markdown.hpp"
#include "mdrisk/config.hpp"
#include "mdrisk/exchange.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "mdrisk/tracker.hpp"
#include "model/tracker_builder.hpp"

namespace mdrisk::fuzz {

struct Broken {
  std::string message;
};

inline void fail(const char* property, const std::string& detail) {
  throw Broken{std::string(property) + ": " + detail};
}

inline void check_ranges(const SourceFile& src, const std::vector<Diagnostic>& diags) {
  const std::size_t n = src.bytes().size();
  for (const Diagnostic& d : diags) {
    if (d.range.begin > d.range.end || d.range.end > n) fail("P2", d.code + " range out of the document");
    if (!d.fix) continue;
    for (const Edit& e : d.fix->edits) {
      if (e.range.begin > e.range.end || e.range.end > n) fail("P2", d.code + " edit out of the document");
    }
  }
}

inline bool applicable(const Diagnostic& d, bool unsafe) {
  if (!d.fix) return false;
  return d.fix->applicability == Applicability::Safe ||
         (unsafe && d.fix->applicability == Applicability::Unsafe);
}

// P7: raw text of each unmanaged top-level block, searched in order.
inline void check_outside_blocks(const SourceFile& src, const Tracker& t, const std::string& out) {
  std::size_t from = 0;
  std::size_t prev_last = 0;
  for (const Block& b : t.blocks) {
    // cmark-gfm misreports the lines of a paragraph split off by a table
    // header (it may claim line 1): only blocks whose lines follow the
    // previous block's are checked, the rest have no trustworthy span.
    const bool plausible = b.first_line > prev_last && b.last_line >= b.first_line && b.last_line <= src.line_count();
    if (plausible) prev_last = b.last_line;
    if (b.managed || b.in_entry || b.view || !plausible) continue;
    const std::size_t begin = src.line_start(b.first_line);
    const std::size_t end = src.line_end(b.last_line);
    if (end <= begin) continue;
    const std::string_view raw = std::string_view(src.bytes()).substr(begin, end - begin);
    // MR501 deliberately deletes `<!-- mdrisk-disable... -->` comments that
    // suppress nothing: a block holding one is exempt.
    if (b.directive || raw.find("<!-- mdrisk-") != std::string_view::npos) continue;
    const std::size_t at = out.find(raw, from);
    if (at == std::string::npos) {
      fail("P7", "block at lines " + std::to_string(b.first_line) + "-" + std::to_string(b.last_line) +
                     " outside the tracker is not in the output verbatim");
    }
    from = at + raw.size();
  }
}

inline void check_fix(const SourceFile& src, bool unsafe, const LintOptions& lint_options = LintOptions{}) {
  FixOptions options;
  options.unsafe = unsafe;
  auto fixed = fix_source(src, lint_options, options);
  if (!fixed) {
    if (fixed.error().kind == ErrorKind::Internal) fail("P3", fixed.error().message);
    return;
  }
  const std::string& out = fixed->output;
  if (!fixed->changed() && out != src.bytes()) fail("P4", "nothing applied but the output differs");

  auto src2 = SourceFile::from_bytes(src.name(), out);
  if (!src2) fail("P5", "fixed output is not valid text: " + src2.error().message);
  if (src2->has_bom() != src.has_bom()) fail("P5", "the BOM was not kept");
  auto again = fix_source(*src2, lint_options, options);
  if (!again) fail("P5", "fixing the fixed output failed: " + again.error().message);
  if (again->output != out || again->fixes_applied != 0) fail("P5", "fix is not idempotent");

  const std::vector<Diagnostic> diags = lint(*src2, lint_options);
  check_ranges(*src2, diags);
  for (const Diagnostic& d : diags) {
    if (applicable(d, unsafe)) fail("P6", d.code + " still fixable after --fix: " + d.message);
  }

  if (fixed->changed()) {
    const Tracker t = parse_tracker(src, lint_options.schema);
    check_outside_blocks(src, t, out);
  }
}

inline void check_blanking(const SourceFile& src) {
  const LintOptions o;
  const TrackerWithTree blanked_kept = parse_tracker_with_tree(src, o.schema, TableCells::Blanked);
  const TrackerWithTree plain_kept = parse_tracker_with_tree(src, o.schema, TableCells::AsWritten);
  const Tracker& blanked = blanked_kept.tracker;
  const Tracker& plain = plain_kept.tracker;
  if (format_concise({&src, lint_tracker(blanked, o)}) != format_concise({&src, lint_tracker(plain, o)})) {
    fail("P8", "lint output differs when the table's cells are blanked");
  }
  if (blanked.table.has_value() != plain.table.has_value() ||
      (plain.table && (plain.table->first_line != blanked.table->first_line ||
                       plain.table->last_line != blanked.table->last_line))) {
    fail("P8", "the Summary Table's lines differ when its cells are blanked");
  }
  const std::string d = first_difference(content_signature(plain_kept), content_signature(blanked_kept), false);
  if (!d.empty()) fail("P8", "the verifier sees a difference when the cells are blanked: " + d);
}

// Sets the part size for the scope (process-wide: single-threaded callers).
class PartTarget {
 public:
  explicit PartTarget(std::size_t bytes) : saved_(part_target_bytes()) { set_part_target_bytes(bytes); }
  ~PartTarget() { set_part_target_bytes(saved_); }
  PartTarget(const PartTarget&) = delete;
  PartTarget& operator=(const PartTarget&) = delete;

 private:
  std::size_t saved_;
};

// What P9 compares, as text.
inline std::string parts_view(const SourceFile& src) {
  const LintOptions o;
  const TrackerWithTree kept = parse_tracker_with_tree(src, o.schema);
  const Tracker& t = kept.tracker;
  std::string v = kept.tree.document->render_html(kept.tree.document->root());
  const auto item = [&](const auto& self, const ListItem& it) -> void {
    v += "\nitem " + std::to_string(it.first_line) + "-" + std::to_string(it.last_line) + " @" +
         std::to_string(it.marker_offset) + it.marker + " c" + std::to_string(it.content_column) + " " +
         std::string(it.label ? it.label->text : "-") + " [" + std::string(it.text) + "]";
    for (const ListItem& c : it.children) self(self, c);
  };
  for (const Block& b : t.blocks) {
    v += "\nblock " + std::to_string(static_cast<int>(b.kind)) + " " + std::to_string(b.first_line) + "-" +
         std::to_string(b.last_line) + (b.managed ? " managed" : "") + (b.in_entry ? " entry" : "");
  }
  for (std::size_t n = 0; n < t.entries.size(); ++n) {
    const Entry& e = t.entries[n];
    v += "\nentry " + e.key + " " + std::to_string(e.range.begin) + "-" + std::to_string(e.range.end) + " list " +
         std::to_string(e.list_range.begin) + "-" + std::to_string(e.list_range.end) +
         (e.list_is_tight ? " tight" : " loose") + " blocks " + std::to_string(kept.tree.entries[n].other_blocks.size());
    for (const ListItem& it : e.items) item(item, it);
  }
  v += "\n" + format_concise({&src, lint_tracker(t, o)});
  for (bool unsafe : {false, true}) {
    FixOptions f;
    f.unsafe = unsafe;
    auto fixed = fix_source(src, o, f);
    v += "\nfix:" + (fixed ? fixed->output : "refused: " + fixed.error().message);
  }
  return v;
}

inline void check_parts(const SourceFile& src) {
  if (document_parts(src.body(), 1).size() <= 1) return;  // nowhere to cut
  std::string whole, parts;
  {
    const PartTarget one_piece(std::numeric_limits<std::size_t>::max() / 4);
    whole = parts_view(src);
  }
  {
    const PartTarget every_cut(1);
    parts = parts_view(src);
  }
  if (whole != parts) {
    std::size_t i = 0;
    while (i < whole.size() && i < parts.size() && whole[i] == parts[i]) ++i;
    const std::size_t from = i > 80 ? i - 80 : 0;
    fail("P9", "parsing in parts changes the result near: " + whole.substr(from, 160) + " VS " +
                   parts.substr(from, 160));
  }
  const LintOptions o;
  const PartTarget one_piece(std::numeric_limits<std::size_t>::max() / 4);
  const TrackerWithTree a = parse_tracker_with_tree(src, o.schema);
  const PartTarget every_cut(1);
  const TrackerWithTree b = parse_tracker_with_tree(src, o.schema);
  const std::string d = first_difference(content_signature(a), content_signature(b), false);
  if (!d.empty()) fail("P9", "the verifier sees a difference when parsed in parts: " + d);
}

inline void check_signature_while_building(const SourceFile& src) {
  const LintOptions o;
  const TrackerWithTree kept = parse_tracker_with_tree(src, o.schema);
  const Tracker& t = kept.tracker;
  const ContentSignature cold = content_signature(kept);
  for (const std::size_t target : {std::numeric_limits<std::size_t>::max() / 4, std::size_t{1}})
  for (const bool keep_tree : {true, false}) {
    const PartTarget parts(target);
    SignatureBuilder signer(src.bytes().size());
    TrackerTree tree;
    BuildOptions build;
    build.observer = &signer;
    build.tree = keep_tree ? &tree : nullptr;
    const Tracker b = parse_tracker(src, o.schema, build);
    const ContentSignature built = signer.finish(b);
    if (format_concise({&src, lint_tracker(b, o)}) != format_concise({&src, lint_tracker(t, o)})) {
      fail("P10", "lint output differs when the model is built this way");
    }
    const std::string d = first_difference(cold, built, false);
    if (!d.empty()) fail("P10", "the signature built with the model differs: " + d);
    if (built.outside.size() != cold.outside.size() || built.entries.size() != cold.entries.size() ||
        built.fragments.size() != cold.fragments.size() || built.cells.size() != cold.cells.size()) {
      fail("P10", "the signature built with the model has other parts");
    }
  }
}

// P12: configurations of other register shapes (README "Register shapes").
inline const std::vector<LintOptions>& shape_configs() {
  static const std::vector<LintOptions> configs = [] {
    const char* tomls[] = {
        // several tables anywhere, ID-linked `####` entries, field-source table, style options
        "[tracker]\ntable-heading = \"\"\nentries-heading = \"\"\nentry-level = 4\nlink = \"id\"\nid-column = \"id\"\n"
        "heading-pattern = \"{id} - {title}\"\ntitle-check = \"words\"\nlabel-colon = \"outside-always\"\n"
        "table-style = \"compact\"\ndelimiter-row = \"header-width\"\nfield-source = \"table\"\n"
        "blank-line-after-heading = \"none\"\nentries-required = [{ column = \"impact\", values = [\"High\"] }]\n"
        "[[columns]]\nkey = \"id\"\nheader = \"ID\"\n[[columns]]\nkey = \"risk\"\nheader = \"Risk\"\n"
        "[[columns]]\nkey = \"impact\"\nheader = \"Impact\"\nvalues = [\"High\", \"Medium\", \"Low\"]\nqualifiers = true\nranges = true\n"
        "[[columns]]\nkey = \"status\"\nheader = \"Status\"\nvalues = [\"Open\", \"Closed\"]\nvalue-case = \"any\"\n"
        // dates, lifecycle classes, a closed table, IDs and field policies
        "[[columns]]\nkey = \"last-reviewed\"\nheader = \"Last Reviewed\"\nrequired = false\n"
        "[[columns]]\nkey = \"next-review\"\nheader = \"Next Review\"\nrequired = false\n"
        "[[columns]]\nkey = \"expires\"\nheader = \"Expires\"\nrequired = false\n"
        "[dates]\nas-of = \"2026-06-30\"\nlast-review = \"last-reviewed\"\nnext-review = \"Next Review\"\n"
        "expires = \"expires\"\nreview-by = \"impact\"\nreview-intervals = { High = 30, Low = 365 }\nreview-interval = 90\n"
        "[lifecycle]\nopen = [\"Open\"]\nclosed = [\"Closed\"]\nclosed-sections = [\"Closed\", \"Closed Risks\"]\n"
        "[ids]\npattern = \"R-\\\\d{3}\"\n"
        "[[policies]]\nclass = \"closed\"\nrequire-one-of = [\"expires\", \"Monitoring\"]\n"
        "[[policies]]\ncolumn = \"impact\"\nvalues = [\"High\"]\nrequire = [\"Mitigation\", \"next-review\"]\n",
        // `##` entries with sub-heading fields, a template pattern, field-source entry
        "[tracker]\ntable-heading = \"\"\nentries-heading = \"\"\nentry-level = 2\nlink = \"id\"\nid-column = \"id\"\n"
        "heading-pattern = \"{id}\"\nfield-syntax = \"headings\"\ntemplate-pattern = \"^R-X+$\"\nfield-source = \"entry\"\n"
        "table-style = \"compact\"\ndelimiter-row = \"tight\"\n"
        "[[columns]]\nkey = \"id\"\nheader = \"ID\"\n[[columns]]\nkey = \"risk\"\nheader = \"Risk\"\n"
        "[[columns]]\nkey = \"status\"\nheader = \"Status\"\nvalues = [\"Open\", \"Closed\"]\n"
        // dates in sub-heading fields, the document's date line as the day
        "[[columns]]\nkey = \"next-review\"\nheader = \"Next Review\"\nrequired = false\n"
        "[dates]\nas-of = \"document\"\nnext-review = \"next-review\"\nfields = [\"risk\"]\n"
        "[lifecycle]\nopen = [\"Open\"]\nclosed = [\"Closed\"]\n[ids]\n",
        // no table: `##` entries whose fields are labelled paragraphs
        "[tracker]\nregister = \"entries\"\nentries-heading = \"\"\nentry-level = 2\nheading-pattern = \"{id}: {title}\"\n"
        "field-syntax = \"paragraphs\"\nlabel-colon = \"inside\"\n"
        "[[columns]]\nkey = \"impact\"\nheader = \"Impact\"\nvalues = [\"High\", \"Low\"]\nqualifiers = true\n",
        // no table: `###` entries holding a key/value table
        "[tracker]\nregister = \"entries\"\nentries-heading = \"\"\nheading-pattern = \"{id} {title}\"\n"
        "field-syntax = \"table\"\n[[columns]]\nkey = \"status\"\nheader = \"Status\"\nvalues = [\"Open\"]\n",
        // the built-in layout with Score and Band: Impact × Likelihood on the
        // 3-level scale, 3×3 bands, rows (and their entries) ranked by score
        "[[columns]]\nkey = \"risk\"\nheader = \"Risk\"\n"
        "[[columns]]\nkey = \"impact\"\nheader = \"Impact\"\nscale = \"3-level\"\n"
        "[[columns]]\nkey = \"likelihood\"\nheader = \"Likelihood\"\nscale = \"3-level\"\n"
        "[[columns]]\nkey = \"score\"\nheader = \"Score\"\nrequired = false\n"
        "[[columns]]\nkey = \"band\"\nheader = \"Band\"\nrequired = false\n"
        "[[columns]]\nkey = \"status\"\nheader = \"Status\"\nrequired = false\n"
        "[score]\ncolumn = \"score\"\nformula = \"impact * likelihood\"\n"
        "[bands]\ncolumn = \"band\"\nthresholds = [{ band = \"Low\", min = 1, max = 2 }, "
        "{ band = \"Medium\", min = 3, max = 4 }, { band = \"High\", min = 5, max = 9 }]\n"
        "[order]\nby = \"score-desc\"\n",
        // a table anywhere scored FMEA-style (a sum of products, levels of
        // its own, emoji), default bands, a qualified band cell, rows by ID descending
        "[tracker]\ntable-heading = \"\"\nentries-required = false\ntable-style = \"compact\"\n"
        "[[columns]]\nkey = \"id\"\nheader = \"ID\"\n[[columns]]\nkey = \"risk\"\nheader = \"Risk\"\n"
        "[[columns]]\nkey = \"severity\"\nheader = \"S\"\nscale = \"1-5\"\n"
        "[[columns]]\nkey = \"occurrence\"\nheader = \"O\"\nlevels = { \"\xF0\x9F\x9F\xA2\" = 1, \"\xF0\x9F\x9F\xA0\" = 2, "
        "\"\xF0\x9F\x94\xB4\" = 3 }\n"
        "[[columns]]\nkey = \"score\"\nheader = \"Score\"\n"
        "[[columns]]\nkey = \"level\"\nheader = \"Level\"\nqualifiers = true\n"
        "[score]\ncolumn = \"score\"\nformula = \"severity × occurrence + 1\"\n"
        "[bands]\ncolumn = \"level\"\n[order]\nby = \"id-desc\"\n",
    };
    std::vector<LintOptions> out;
    for (const char* toml : tomls) {
      auto cfg = parse_config(toml, "shape.toml");
      if (!cfg) throw Broken{"P12: a shape configuration does not load: " + cfg.error().message};
      out.push_back(cfg->lint);
    }
    return out;
  }();
  return configs;
}

// P13: for random valid scores and contiguous thresholds, the band (and
// score) fix followed by lint reports nothing, and fixing twice equals
// fixing once. `seed` picks the thresholds, the ratings and how each score
// and band cell is spoiled (right, wrong, empty, in another case).
inline void check_scoring(std::uint64_t seed) {
  // A multiplier other than the step, so that seeds n and n + 1 give unrelated streams.
  std::uint64_t state = seed * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull;
  const auto next = [&](std::uint64_t n) {  // splitmix64: the same numbers on every platform
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<std::int64_t>((z ^ (z >> 31)) % n);
  };
  // Thresholds: 2 to 5 contiguous bands covering 1..25.
  const char* names[] = {"Minimal", "Low", "Medium", "High", "Critical"};
  const int bands = 2 + static_cast<int>(next(4));
  std::vector<std::int64_t> cuts = {1};
  while (static_cast<int>(cuts.size()) < bands) {
    const std::int64_t c = 2 + next(24);
    if (std::find(cuts.begin(), cuts.end(), c) == cuts.end()) cuts.push_back(c);
  }
  std::sort(cuts.begin(), cuts.end());
  std::string toml =
      "sections = []\n[tracker]\ntable-heading = \"Register\"\nentries-required = false\ntable-style = \"compact\"\n"
      "[[columns]]\nkey = \"risk\"\nheader = \"Risk\"\n[[columns]]\nkey = \"l\"\nheader = \"L\"\nscale = \"1-5\"\n"
      "[[columns]]\nkey = \"i\"\nheader = \"I\"\nscale = \"1-5\"\n[[columns]]\nkey = \"score\"\nheader = \"Score\"\n"
      "non-empty = false\n[[columns]]\nkey = \"band\"\nheader = \"Band\"\nnon-empty = false\n"
      "[score]\ncolumn = \"score\"\n";
  const bool formula = next(2) == 0;  // scores computed from L × I, or only read
  if (formula) toml += "formula = \"l * i\"\n";
  toml += "[bands]\ncolumn = \"band\"\nthresholds = [\n";
  for (int b = 0; b < bands; ++b) {
    const std::int64_t hi = b + 1 < bands ? cuts[static_cast<std::size_t>(b) + 1] - 1 : 25;
    toml += "  { band = \"" + std::string(names[b]) + "\", min = " + std::to_string(cuts[static_cast<std::size_t>(b)]) +
            ", max = " + std::to_string(hi) + " },\n";
  }
  toml += "]\n";
  auto cfg = parse_config(toml, "scoring.toml");
  if (!cfg) fail("P13", "generated thresholds do not load: " + cfg.error().message + "\n" + toml);
  std::string doc = "# Scored\n\n## Register\n\n| Risk | L | I | Score | Band |\n| --- | --- | --- | --- | --- |\n";
  const int rows = 1 + static_cast<int>(next(8));
  for (int r = 0; r < rows; ++r) {
    const std::int64_t l = 1 + next(5), i = 1 + next(5);
    std::string score = std::to_string(l * i);
    if (formula && next(3) == 0) score = next(2) ? "" : std::to_string(1 + next(25));  // wrong or missing
    std::string band = names[next(static_cast<std::uint64_t>(bands))];
    if (next(4) == 0) band = "";
    if (next(4) == 0) {
      for (char& c : band) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    doc += "| risk " + std::to_string(r) + " | " + std::to_string(l) + " | " + std::to_string(i) + " | " + score +
           " | " + band + " |\n";
  }
  auto src = SourceFile::from_bytes("scored.md", doc);
  if (!src) fail("P13", "generated document is not text");
  auto once = fix_source(*src, cfg->lint, FixOptions{});
  if (!once) fail("P13", "fix failed: " + once.error().message + "\n" + doc);
  auto src2 = SourceFile::from_bytes("scored.md", once->output);
  const std::vector<Diagnostic> left = lint(*src2, cfg->lint);
  if (!left.empty()) fail("P13", "after --fix: " + format_concise({&*src2, left}) + "\n" + doc + toml);
  auto twice = fix_source(*src2, cfg->lint, FixOptions{});
  if (!twice || twice->output != once->output || twice->fixes_applied != 0) {
    fail("P13", "fixing twice differs from fixing once\n" + doc + toml);
  }
}

// P14: the date rules are a function of the reference day, and a later
// day never clears a finding an earlier one raised: every MR702/MR705
// finding at an early day is also reported at a later one. And every date
// the document holds reads back as itself (parse, print, day number).
inline void check_dates(const SourceFile& src, const LintOptions& shape) {
  if (!shape.schema.dates.any_field()) return;
  const std::string_view body = src.body();
  for (std::size_t i = 0; i + 10 <= body.size(); ++i) {
    if (body[i] < '0' || body[i] > '9') continue;
    const DateScan scan = find_date(body.substr(i, 10));
    if (!scan.valid) continue;
    const auto back = Date::parse(scan.date.iso());
    if (!back || *back != scan.date || Date::from_days(scan.date.days()) != scan.date) {
      fail("P14", "date " + std::string(body.substr(i, 10)) + " does not read back as itself");
    }
  }
  const auto dated = [&](int year) {
    LintOptions at = shape;
    at.as_of = Date{year, 6, 30};
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const Diagnostic& d : lint(src, at)) {
      if (d.code == "MR702" || d.code == "MR705") out.emplace_back(d.code, d.range.begin);
    }
    return out;
  };
  const auto early = dated(1990), late = dated(2090);
  for (const auto& f : early) {
    if (std::find(late.begin(), late.end(), f) == late.end()) {
      fail("P14", f.first + " at offset " + std::to_string(f.second) + " is reported for 1990 but not for 2090");
    }
  }
  if (dated(1990) != early) fail("P14", "the date findings differ between two runs on the same day");
}

// P15: see the list above.
inline void check_exchange(const SourceFile& src, const LintOptions& shape) {
  const auto one_line = [](const Error& e) { return e.message.find('\n') == std::string::npos; };
  RenderOptions render;
  const auto export_of = [&](const SourceFile& doc) { return export_csv(parse_tracker(doc, shape.schema)); };
  auto first = export_of(src);
  if (!first) {
    if (!one_line(first.error())) fail("P15", "export refused in more than one line: " + first.error().message);
    return;
  }
  const auto round = [&](const std::string& csv, const char* what) -> std::string {
    auto md = import_csv(csv, shape.schema, render);
    if (!md) {
      if (!one_line(md.error())) fail("P15", std::string(what) + ": import refused in more than one line");
      return {};
    }
    auto doc = SourceFile::from_bytes("imported.md", *md);
    if (!doc) fail("P15", std::string(what) + ": import wrote a document that is not text");
    auto again = export_of(*doc);
    if (!again) fail("P15", std::string(what) + ": the imported document does not export: " + again.error().message);
    return *again;
  };
  const std::string second = round(*first, "first import");
  if (second.empty()) return;  // the export named no risk column the schema can import
  if (round(second, "second import") != second) {
    fail("P15", "export -> import -> export is not a fixed point after the first import\n" + second);
  }
}

// Runs every property on `bytes`; returns "" or "Pn: what broke".
// P11: a document the input guard refuses is refused the same way by
// --fix (InvalidInput, the same one-line message naming a line of the
// document), never a crash and never a partial result.
inline void check_refusal(const SourceFile& src, const InputRefused& refused, const LintOptions& options = {}) {
  const Error& e = refused.error();
  if (e.kind != ErrorKind::InvalidInput || e.message.find('\n') != std::string::npos) {
    fail("P11", "refusal is not one InvalidInput line: " + e.message);
  }
  const std::size_t line = std::strtoul(e.message.c_str() + (e.message.rfind("line ", 0) == 0 ? 5 : 0), nullptr, 10);
  if (line < 1 || line > src.line_count()) fail("P11", "refusal names no line of the document: " + e.message);
  auto fixed = fix_source(src, options, FixOptions{});
  if (fixed || fixed.error().kind != ErrorKind::InvalidInput || fixed.error().message != e.message) {
    fail("P11", "--fix does not refuse what lint refuses: " + e.message);
  }
}

inline std::string check_pipeline(std::string_view bytes) {
  try {
    auto src = SourceFile::from_bytes("fuzz.md", std::string(bytes));
    if (!src) {
      if (src.error().kind != ErrorKind::InvalidInput) fail("P1", src.error().message);
      return {};
    }
    std::vector<Diagnostic> diags;
    try {
      diags = lint(*src, LintOptions{});
    } catch (const InputRefused& refused) {
      check_refusal(*src, refused);
      return {};
    }
    check_ranges(*src, diags);
    try {
      check_blanking(*src);
      check_parts(*src);
      check_signature_while_building(*src);
    } catch (const InputRefused&) {
      // The document as written (its Summary Table not blanked) is over a
      // guard limit that the blanked parse, the one lint and --fix make,
      // is not: there is no second parse to compare with.
    }
    check_fix(*src, false);
    check_fix(*src, true);
    check_exchange(*src, LintOptions{});
    if (auto as_csv = import_csv(bytes, Schema::defaults(), RenderOptions{}); !as_csv) {
      if (as_csv.error().message.find('\n') != std::string::npos) fail("P15", "CSV import refused in more than one line");
    }
    // P13 with a seed drawn from the input: the fuzzer explores thresholds too.
    std::uint64_t seed = 1469598103934665603ull;
    for (unsigned char c : bytes.substr(0, 64)) seed = (seed ^ c) * 1099511628211ull;
    check_scoring(seed);
    for (const LintOptions& shape : shape_configs()) {
      try {
        std::vector<Diagnostic> shaped;
        try {
          shaped = lint(*src, shape);
        } catch (const InputRefused& refused) {
          // Another shape reads other tables, so it may parse (and guard)
          // a table the default shape blanks: a refusal, the same for --fix.
          check_refusal(*src, refused, shape);
          continue;
        }
        check_ranges(*src, shaped);
        check_fix(*src, false, shape);
        check_fix(*src, true, shape);
        check_dates(*src, shape);
        check_exchange(*src, shape);
      } catch (const Broken& b) {
        throw Broken{"P12 (" + b.message + ") under a register-shape configuration"};
      }
    }
  } catch (const Broken& b) {
    return b.message;
  }
  return {};
}

}  // namespace mdrisk::fuzz
