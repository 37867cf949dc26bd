// libFuzzer target for size: the input is a recipe, not a document.
//   byte 0   where the payload goes: preamble, inside an entry, in a Summary Table cell
//   byte 1   size: N = 16 KiB << (byte % 4)   (16 KiB to 128 KiB)
//   rest     a unit, repeated to N bytes
// Seeds are the pathological classes' units (bench/pathological/gen.py
// --seeds DIR), so mutation starts from the known superlinear shapes.
//
// Properties (a broken one aborts, libFuzzer keeps the input):
//  P12 time per byte: lint + fix_source of the document built at N and at
//      4N; CPU time at 4N must stay within 2 s per MB (+0.5 s), the bound
//      mdrisk documents, and within 6x that at N + 0.1 s (linear is 4x). The
//      second check finds quadratic growth before it reaches the bound; its
//      0.1 s allows what the input guard permits by design: a parse cost of
//      (openers, at most the limit) x (paragraph bytes), which grows faster
//      than the input until a paragraph reaches the limit (found by the
//      first 10-minute run: 0.026 s at 98 KB, 0.195 s at 392 KB). A refusal
//      by the guard is fast and passes.
//  P1-P11 are fuzz_pipeline's (fuzz/properties.hpp) on the N-sized document.
// Build and run: fuzz/run_large.sh SECONDS (no sanitizers: they would
// distort the times; fuzz_pipeline covers memory errors).
#include <time.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "properties.hpp"

namespace {

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::string build(unsigned where, const std::string& unit, std::size_t n) {
  std::string payload;
  payload.reserve(n + unit.size());
  while (payload.size() < n) payload += unit;
  if (where == 2) {  // one line in a cell
    std::string flat;
    for (char c : payload) {
      if (c == '\n' || c == '\r') flat += ' ';
      else if (c == '|') flat += "\\|";
      else flat += c;
    }
    payload = std::move(flat);
  } else if (where == 1) {  // continuation lines of a Context item
    std::string indented = "  ";
    for (char c : payload) {
      indented += c;
      if (c == '\n') indented += "  ";
    }
    payload = std::move(indented);
  }
  std::string doc = "# Register\n\nIntro.\n\n";
  if (where == 0) doc += payload + "\n\n";
  doc += "## Summary Table\n\n| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n|---|---|---|---|---|---|\n";
  doc += "| Alpha | high | Low | Drill " + (where == 2 ? payload : std::string()) + " | Ops | Open |\n";
  doc += "| Beta | Medium | Medium | Backups | DBA | Open |\n\n## Detailed Entries\n\n";
  doc += "### Alpha\n\n- **Context**: why.\n" + (where == 1 ? payload + "\n" : std::string()) +
         "- **Mitigation**: what.\n- **Monitoring**: watch.\n\n### Beta\n\n- **Context**: c.\n- **Mitigation**: m.\n";
  return doc;
}

// CPU seconds for what one `mdrisk --fix` run does with `doc`.
double run(const std::string& doc) {
  const double t0 = cpu_seconds();
  auto src = mdrisk::SourceFile::from_bytes("large.md", doc);
  if (src) {
    try {
      (void)mdrisk::lint(*src, mdrisk::LintOptions{});
      (void)mdrisk::fix_source(*src, mdrisk::LintOptions{}, mdrisk::FixOptions{});
    } catch (const mdrisk::InputRefused&) {
    }
  }
  return cpu_seconds() - t0;
}

[[noreturn]] void broken(const std::string& what) {
  std::fprintf(stderr, "\n*** property broken: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const unsigned where = data[0] % 3;
  const std::size_t n = std::size_t{16384} << (data[1] % 4);
  const std::string unit(reinterpret_cast<const char*>(data) + 2, size - 2);
  const std::string small = build(where, unit, n), large = build(where, unit, 4 * n);

  const std::string pipeline = mdrisk::fuzz::check_pipeline(small);
  if (!pipeline.empty()) broken(pipeline);

  const double t_small = run(small), t_large = run(large);
  // The bound holds at both sizes: a case the guard refuses at 4N may be
  // one it lets through, slowly, at N (found by a 10-minute run).
  const double bound_small = 2.0 * static_cast<double>(small.size()) / 1e6 + 0.5;
  if (t_small > bound_small) {
    broken("P12 " + std::to_string(t_small) + " s CPU for " + std::to_string(small.size()) + " bytes (bound " +
           std::to_string(bound_small) + " s)");
  }
  const double bound = 2.0 * static_cast<double>(large.size()) / 1e6 + 0.5;
  if (t_large > bound) {
    broken("P12 " + std::to_string(t_large) + " s CPU for " + std::to_string(large.size()) + " bytes (bound " +
           std::to_string(bound) + " s)");
  }
  if (t_large > 6 * t_small + 0.1) {
    broken("P12 superlinear: " + std::to_string(t_small) + " s at " + std::to_string(small.size()) + " bytes, " +
           std::to_string(t_large) + " s at " + std::to_string(large.size()));
  }
  return 0;
}
