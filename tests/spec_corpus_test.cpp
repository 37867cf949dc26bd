// The 652 examples of the CommonMark spec (npm package commonmark-spec,
// installed at test time into <build>/spec-cache, never committed), each
// embedded in a tracker that needs fixing, in three places:
//   Preamble  between the title's intro paragraph and `## Summary Table`
//   Context   inside an entry's **Context** item, indented as its continuation
//   Appendix  in a `## Appendix` section after the Detailed Entries
// For every example: lint does not crash, and fix_source either refuses
// (writes nothing) or returns a document that still holds the example's
// bytes, unchanged, in the same place. Each test prints its tally:
//   spec[Preamble]: 652/652 byte-identical (fixed 646, nothing to fix 6, refused 0); ...
// Run: ctest --test-dir build-rel -R SpecCorpus --output-on-failure -V
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmark-gfm.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "mdrisk/fix.hpp"
#include "mdrisk/linter.hpp"
#include "test_support.hpp"
#include "../fuzz/properties.hpp"

namespace fs = std::filesystem;
using namespace mdrisk;

namespace {

constexpr const char* kSpecVersion = "0.31.2";

// <build>/spec-cache/spec.json: the examples, tabs restored (the spec writes
// a tab as U+2192). Installed once per build dir; a concurrent installer
// works in its own folder and renames, so parallel ctest runs do not race.
std::string spec_json_path() {
  const fs::path build = fs::path(MDRISK_BINARY).parent_path().parent_path().parent_path();
  const fs::path cache = build / "spec-cache";
  const fs::path json = cache / "spec.json";
  if (fs::exists(json)) return json.string();
  const fs::path work = build / ("spec-cache.tmp." + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::create_directories(work);
  const std::string install = "npm install --prefix '" + work.string() + "' commonmark-spec@" + kSpecVersion +
                              " --no-audit --no-fund --silent >'" + (work / "npm.log").string() + "' 2>&1";
  if (std::system(install.c_str()) != 0) {
    ADD_FAILURE() << "npm install commonmark-spec failed; see " << (work / "npm.log");
    return {};
  }
  const std::string dump = "cd '" + work.string() +
                           "' && node -e 'const s=require(\"commonmark-spec\");"
                           "process.stdout.write(JSON.stringify(s.tests.map(t=>({n:t.number,section:t.section,"
                           "md:t.markdown.replace(/\\u2192/g,\"\\t\")}))))' > spec.json";
  if (std::system(dump.c_str()) != 0) {
    ADD_FAILURE() << "could not extract the spec examples with node";
    return {};
  }
  std::error_code ec;
  fs::rename(work, cache, ec);  // loses the race harmlessly when another process won
  if (ec) fs::remove_all(work);
  return json.string();
}

struct Example {
  int number = 0;
  std::string section;
  std::string markdown;
};

const std::vector<Example>& examples() {
  static const std::vector<Example> all = [] {
    std::vector<Example> out;
    const std::string path = spec_json_path();
    if (path.empty()) return out;
    const auto j = nlohmann::json::parse(test::read_file(path));
    for (const auto& e : j) out.push_back({e["n"].get<int>(), e["section"].get<std::string>(), e["md"].get<std::string>()});
    return out;
  }();
  return all;
}

enum class Placement { Preamble, Context, Appendix };

// A tracker with a fix for most safe rules: a lowercase value and a
// misaligned table (MR106, MR401), entries out of table order (MR204), `*`
// bullets (MR404), an alias label (MR303), a heading without a blank line
// after it (MR402). The example sits between `before` and `after`, which no
// fix touches; fixes move the entry holding it (MR204) but never edit it.
struct Doc {
  std::string text;
  std::string embedded;  // before + example (as embedded) + after: must appear verbatim
  std::string before, example, after;
};

std::string indent(const std::string& md) {
  std::string out;
  std::size_t i = 0;
  while (i < md.size()) {
    std::size_t nl = md.find('\n', i);
    if (nl == std::string::npos) nl = md.size() - 1;
    const std::string line = md.substr(i, nl + 1 - i);
    out += (line == "\n" ? "" : "  ") + line;
    i = nl + 1;
  }
  return out;
}

Doc make_doc(const std::string& example, Placement where) {
  const std::string head =
      "# Spec Tracker\n"
      "\n"
      "Intro paragraph.\n"
      "\n";
  const std::string table =
      "## Summary Table\n"
      "\n"
      "| Risk | Impact | Likelihood | Mitigation | Owner | Status |\n"
      "|---|---|---|---|---|---|\n"
      "| Beta risk | high | Low | Do b | Bo | Open |\n"
      "| Alpha risk | Medium | Medium | Do a | Al | Open |\n"
      "\n"
      "## Detailed Entries\n"
      "\n"
      "### Alpha risk\n"
      "* **Context**: Alpha context.\n"
      "* **Mitigations**\n"
      "  * Do a.\n"
      "* **Monitoring**: Watch a.\n"
      "\n"
      "### Beta risk\n"
      "\n";
  const std::string beta_context = "- **Context**: Beta context.\n\n";
  const std::string beta_rest =
      "- **Mitigation**: Do b.\n"
      "- **Monitoring**: Watch b.\n";
  Doc d;
  switch (where) {
    case Placement::Preamble:
      d.text = head + example + "\n" + table + beta_context + beta_rest;
      d.before = "Intro paragraph.\n\n", d.example = example, d.after = "\n";
      break;
    case Placement::Context: {
      const std::string in = indent(example);
      d.text = head + table + beta_context + in + "\n" + beta_rest;
      d.before = beta_context, d.example = in, d.after = "\n- **Mitigation**: Do b.\n";
      break;
    }
    case Placement::Appendix:
      d.text = head + table + beta_context + beta_rest + "\n## Appendix\n\n" + example;
      d.before = "\n## Appendix\n\n", d.example = example;
      break;
  }
  d.embedded = d.before + d.example + d.after;
  return d;
}

std::string html(const std::string& md) {
  char* h = cmark_markdown_to_html(md.data(), md.size(), CMARK_OPT_DEFAULT);
  std::string out = h ? h : "";
  std::free(h);
  return out;
}

// MR404 rewrites `*` and `+` bullets of an entry's list, including the
// items under a label (two levels), to `-`. An example holding such a list
// inside **Context** gets that documented canonicalisation. True when the
// output holds the example with exactly that change and nothing else: same
// length, only bullet characters differ, and it renders to the same HTML.
bool only_bullets_canonicalised(const Doc& d, const std::string& out) {
  const std::size_t at = out.find(d.before);
  if (at == std::string::npos) return false;
  const std::size_t b = at + d.before.size();
  if (out.compare(b + d.example.size(), d.after.size(), d.after) != 0) return false;
  const std::string got = out.substr(b, d.example.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (got[i] != d.example[i] && !(got[i] == '-' && (d.example[i] == '*' || d.example[i] == '+'))) return false;
  }
  return html(got) == html(d.example);
}

const char* placement_name(Placement p) {
  switch (p) {
    case Placement::Preamble: return "Preamble";
    case Placement::Context: return "Context";
    case Placement::Appendix: return "Appendix";
  }
  return "?";
}

class SpecCorpus : public ::testing::TestWithParam<Placement> {};

TEST_P(SpecCorpus, FixKeepsEveryExampleIntact) {
  const auto& all = examples();
  ASSERT_EQ(all.size(), 652u) << "commonmark-spec " << kSpecVersion << " has 652 examples";
  std::size_t fixed = 0, refused = 0, unchanged = 0, changed = 0, canonical = 0;
  std::map<std::string, std::size_t> refusals;
  for (const Example& ex : all) {
    const Doc d = make_doc(ex.markdown, GetParam());
    ASSERT_NE(d.text.find(d.embedded), std::string::npos) << "test bug: example " << ex.number;
    auto src = SourceFile::from_bytes("spec.md", d.text);
    if (!src) {  // the spec has no NUL and is valid UTF-8: this would be a bug
      ADD_FAILURE() << "example " << ex.number << " rejected: " << src.error().message;
      continue;
    }
    (void)lint(*src, LintOptions{});
    for (bool unsafe : {false, true}) {
      FixOptions options;
      options.unsafe = unsafe;
      auto r = fix_source(*src, LintOptions{}, options);
      if (!r) {
        EXPECT_NE(r.error().kind, ErrorKind::Internal)
            << "example " << ex.number << " (" << ex.section << "): " << r.error().message;
        if (!unsafe) {
          ++refused;
          ++refusals[r.error().message];
        }
        continue;
      }
      const bool intact = r->output.find(d.embedded) != std::string::npos;
      const bool bullets = !intact && GetParam() == Placement::Context && only_bullets_canonicalised(d, r->output);
      EXPECT_TRUE(intact || bullets) << "example " << ex.number << " (" << ex.section << ") changed by --fix"
                                     << (unsafe ? " --unsafe-fixes" : "") << "\n--- input\n"
                                     << d.text << "--- output\n"
                                     << r->output;
      if (unsafe) continue;
      if (bullets) ++canonical;
      else if (!intact) ++changed;
      else if (r->changed()) ++fixed;
      else ++unchanged;
    }
  }
  const std::size_t intact = fixed + refused + unchanged;
  std::printf(
      "spec[%s]: %zu/%zu byte-identical (fixed %zu, nothing to fix %zu, refused %zu); "
      "%zu bullets canonicalised by MR404 (same HTML); %zu changed\n",
      placement_name(GetParam()), intact, all.size(), fixed, unchanged, refused, canonical, changed);
  for (const auto& [why, n] : refusals) std::printf("  refused %zux: %s\n", n, why.c_str());
  EXPECT_EQ(changed, 0u);
}

// Every example in every placement, parsed cut at every point
// document_parts allows, gives what parsing it whole gives (fuzz property
// P9): the examples hold the open fences, HTML blocks and lazy lines the
// cutting rules must respect.
TEST_P(SpecCorpus, ParsingInPartsChangesNothing) {
  std::size_t cut = 0;
  for (const Example& ex : examples()) {
    const Doc d = make_doc(ex.markdown, GetParam());
    auto src = SourceFile::from_bytes("spec.md", d.text);
    if (!src) continue;  // reported by FixKeepsEveryExampleIntact
    if (document_parts(src->body(), 1).size() > 1) ++cut;
    try {
      fuzz::check_parts(*src);
      fuzz::check_signature_while_building(*src);
    } catch (const fuzz::Broken& b) {
      ADD_FAILURE() << "example " << ex.number << " (" << ex.section << "): " << b.message;
    }
  }
  std::printf("spec[%s]: %zu documents cut into parts\n", placement_name(GetParam()), cut);
  EXPECT_GT(cut, 300u);  // the check must have something to check
}

INSTANTIATE_TEST_SUITE_P(Placements, SpecCorpus,
                         ::testing::Values(Placement::Preamble, Placement::Context, Placement::Appendix),
                         [](const auto& info) { return std::string(placement_name(info.param)); });

}  // namespace
