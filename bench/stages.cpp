// Google Benchmark of the stages one `mdrisk` run goes through, on one large
// canonical tracker and one messy tracker (bench/gen_tracker.py):
//
//   read+validate -> cmark parse -> model build -> rules -> fix apply
//   -> (re-parse, re-lint, content signature) -> output formatting
//
// Model build has no entry point of its own (parse_tracker parses first), so
// it is ParseTracker minus Parse; run.sh prints that difference.
//
// Inputs: $MDRISK_BENCH_VALID and $MDRISK_BENCH_MESSY, defaulting to
// bench/out/valid-10000.md and bench/out/messy-10000.md (bench/run.sh makes them).
#include <benchmark/benchmark.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "fix/content_signature.hpp"
#include "model/tracker_builder.hpp"
#include "markdown/markdown.hpp"
#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "mdrisk/output.hpp"
#include "mdrisk/tracker.hpp"
#include "model/table_printer.hpp"

namespace {

std::string input_path(const char* env, const char* file) {
  if (const char* p = std::getenv(env); p && *p) return p;
  return std::string(MDRISK_BENCH_DEFAULT_DIR) + "/" + file;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path + " (run bench/run.sh first, or set MDRISK_BENCH_VALID/MESSY)");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Loaded once, on first use, so `--benchmark_list_tests` works without inputs.
struct Inputs {
  std::string valid_bytes, messy_bytes;
  mdrisk::SourceFile valid, messy;
  mdrisk::LintOptions lint;

  static const Inputs& get() {
    static const Inputs in = [] {
      std::string v = slurp(input_path("MDRISK_BENCH_VALID", "valid-10000.md"));
      std::string m = slurp(input_path("MDRISK_BENCH_MESSY", "messy-10000.md"));
      auto vs = mdrisk::SourceFile::from_bytes("valid.md", v);
      auto ms = mdrisk::SourceFile::from_bytes("messy.md", m);
      if (!vs || !ms) throw std::runtime_error("benchmark input is not valid UTF-8 text");
      return Inputs{std::move(v), std::move(m), std::move(*vs), std::move(*ms), {}};
    }();
    return in;
  }
};

const mdrisk::SourceFile& pick(const benchmark::State& state) {
  return state.range(0) == 0 ? Inputs::get().valid : Inputs::get().messy;
}

void label(benchmark::State& state, const mdrisk::SourceFile& src) {
  state.SetLabel(state.range(0) == 0 ? "valid" : "messy");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(src.bytes().size()));
}

// Reading is outside the timing; this is UTF-8 validation + the line index.
void BM_SourceFromBytes(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  for (auto _ : state) {
    auto f = mdrisk::SourceFile::from_bytes("x.md", src.bytes());
    benchmark::DoNotOptimize(f);
  }
  label(state, src);
}

// The reference: what `cmark-gfm -e table` parses (table extension only, no
// source positions), parse + free, without rendering.
void BM_CmarkReferenceParse(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  cmark_gfm_core_extensions_ensure_registered();
  for (auto _ : state) {
    cmark_parser* p = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
    cmark_parser_feed(p, src.body().data(), src.body().size());
    cmark_node* doc = cmark_parser_finish(p);
    benchmark::DoNotOptimize(doc);
    cmark_node_free(doc);
    cmark_parser_free(p);
  }
  label(state, src);
}

// What each part of mdrisk's parser configuration costs over the reference,
// on the canonical tracker: 0 = table, 1 = + source positions,
// 2 = + strikethrough and tasklist, 3 = + autolink (mdrisk's set).
void BM_CmarkConfig(benchmark::State& state) {
  const mdrisk::SourceFile& src = Inputs::get().valid;
  cmark_gfm_core_extensions_ensure_registered();
  const int level = static_cast<int>(state.range(0));
  for (auto _ : state) {
    cmark_parser* p = cmark_parser_new(level >= 1 ? CMARK_OPT_SOURCEPOS : CMARK_OPT_DEFAULT);
    cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("table"));
    if (level >= 2) {
      cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("strikethrough"));
      cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("tasklist"));
    }
    if (level >= 3) cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension("autolink"));
    cmark_parser_feed(p, src.body().data(), src.body().size());
    cmark_node* doc = cmark_parser_finish(p);
    benchmark::DoNotOptimize(doc);
    cmark_node_free(doc);
    cmark_parser_free(p);
  }
  static const char* const kNames[] = {"table", "+sourcepos", "+strikethrough,tasklist", "+autolink"};
  state.SetLabel(kNames[level]);
}

// mdrisk's own parse (its extensions, source positions), parse + free.
void BM_Parse(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  for (auto _ : state) {
    auto doc = mdrisk::ParsedDocument::parse(src.body());
    benchmark::DoNotOptimize(doc);
  }
  label(state, src);
}

// Parse + model build, keeping the whole tree (+ freeing both).
void BM_ParseTracker(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  for (auto _ : state) {
    mdrisk::TrackerWithTree t = mdrisk::parse_tracker_with_tree(src, opt.schema);
    benchmark::DoNotOptimize(t);
  }
  label(state, src);
}

// What lint() runs: parse in parts + model, each part's tree dropped once
// modelled (no BuildOptions::tree).
void BM_ParseTrackerDropTree(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  for (auto _ : state) {
    mdrisk::Tracker t = mdrisk::parse_tracker(src, opt.schema);
    benchmark::DoNotOptimize(t);
  }
  label(state, src);
}

// What each --fix pass runs: the same, plus the content signature built
// along with the model.
void BM_ParseTrackerSigned(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  for (auto _ : state) {
    mdrisk::SignatureBuilder signer(src.bytes().size());
    mdrisk::BuildOptions build;
    build.observer = &signer;
    mdrisk::Tracker t = mdrisk::parse_tracker(src, opt.schema, build);
    mdrisk::ContentSignature sig = signer.finish(t);
    benchmark::DoNotOptimize(t);
    benchmark::DoNotOptimize(sig);
  }
  label(state, src);
}

// All rules over a built model (diagnostics + their fixes, sorted).
void BM_Rules(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  const mdrisk::Tracker t = mdrisk::parse_tracker(src, opt.schema);
  std::size_t n = 0;
  for (auto _ : state) {
    auto diags = mdrisk::lint_tracker(t, opt);
    n = diags.size();
    benchmark::DoNotOptimize(diags);
  }
  state.counters["diagnostics"] = static_cast<double>(n);
  label(state, src);
}

// The canonical table printer alone (MR401 and its fix).
void BM_PrintTable(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  const mdrisk::Tracker t = mdrisk::parse_tracker(src, opt.schema);
  if (!t.table) {
    state.SkipWithError("no table");
    return;
  }
  for (auto _ : state) {
    std::string s = mdrisk::print_table(*t.table, opt.schema, src.eol());
    benchmark::DoNotOptimize(s);
  }
  label(state, src);
}

// Splicing the first pass's safe fixes into the original bytes.
void BM_ApplyFixes(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  const mdrisk::Tracker t = mdrisk::parse_tracker(src, opt.schema);
  const auto diags = mdrisk::lint_tracker(t, opt);
  std::vector<const mdrisk::Fix*> fixes;
  for (const auto& d : diags) {
    if (d.fix && d.fix->applicability == mdrisk::Applicability::Safe) fixes.push_back(&*d.fix);
  }
  for (auto _ : state) {
    auto r = mdrisk::apply_fixes(src.bytes(), fixes);
    benchmark::DoNotOptimize(r);
  }
  state.counters["fixes"] = static_cast<double>(fixes.size());
  label(state, src);
}

// The verification's rendering of everything outside the managed structure.
void BM_ContentSignature(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  const mdrisk::TrackerWithTree t = mdrisk::parse_tracker_with_tree(src, opt.schema);
  for (auto _ : state) {
    auto sig = mdrisk::content_signature(t);
    benchmark::DoNotOptimize(sig);
  }
  label(state, src);
}

// The whole of --fix: every pass, re-parse, convergence and verification.
void BM_FixSource(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  int passes = 0;
  for (auto _ : state) {
    auto r = mdrisk::fix_source(src, opt, mdrisk::FixOptions{});
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    passes = r->passes;
    benchmark::DoNotOptimize(r);
  }
  state.counters["passes"] = passes;
  label(state, src);
}

// Text output of the input's findings (messy: one line per finding).
void BM_FormatText(benchmark::State& state) {
  const mdrisk::SourceFile& src = pick(state);
  const mdrisk::LintOptions& opt = Inputs::get().lint;
  const auto diags = mdrisk::lint(src, opt);
  const mdrisk::FileReport report{&src, diags};
  for (auto _ : state) {
    std::string s = mdrisk::format_concise(report);
    benchmark::DoNotOptimize(s);
  }
  state.counters["diagnostics"] = static_cast<double>(diags.size());
  label(state, src);
}

// Arg 0 = canonical tracker, 1 = messy tracker.
#define STAGE(fn) BENCHMARK(fn)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MinTime(0.5)
STAGE(BM_SourceFromBytes);
STAGE(BM_CmarkReferenceParse);
BENCHMARK(BM_CmarkConfig)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->MinTime(0.5);
STAGE(BM_Parse);
STAGE(BM_ParseTracker);
STAGE(BM_ParseTrackerDropTree);
STAGE(BM_ParseTrackerSigned);
STAGE(BM_Rules);
STAGE(BM_PrintTable);
STAGE(BM_ApplyFixes);
STAGE(BM_ContentSignature);
STAGE(BM_FixSource);
STAGE(BM_FormatText);

}  // namespace

BENCHMARK_MAIN();
