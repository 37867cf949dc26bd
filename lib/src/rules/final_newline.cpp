// MR405 final-newline: the file ends with a line ending. Why: POSIX tools and
// diffs treat a last line without one as incomplete ("\ No newline at end of file").
#include "rules/all.hpp"

namespace mdrisk::rules {

void check_final_newline(const Tracker& t, RuleContext& ctx) {
  const SourceFile& src = *t.source;
  if (src.body().empty() || src.ends_with_newline()) return;
  const std::size_t end = src.bytes().size();
  ctx.report(kFinalNewline, {end, end}, "no newline at end of file")
      .fix = make_fix(Applicability::Safe, "add a final newline", {{{end, end}, std::string(src.eol())}});
}

}  // namespace mdrisk::rules
