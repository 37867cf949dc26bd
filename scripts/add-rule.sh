#!/usr/bin/env bash
# Scaffolds a new rule: its line in lib/src/rules/rules.def (the one place
# its metadata lives), its file, its page in docs/rules/ and its fixture
# folder. What is left to do by hand is printed at the end; until the page
# and the fixture say what the rule really does, the tests fail on purpose.
#
#   scripts/add-rule.sh CODE NAME SEVERITY FIX "summary"
#   scripts/add-rule.sh MR310 stale-review warning none "an entry's review date has passed"
#
# SEVERITY: error | warning. FIX: none | safe | unsafe.
set -euo pipefail
cd "$(dirname "$0")/.."
if (($# != 5)); then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
code=$1 name=$2 severity=$3 fix=$4 summary=$5
[[ $code =~ ^MR[0-9]{3}$ ]] || { echo "add-rule: CODE must look like MR310" >&2; exit 2; }
[[ $name =~ ^[a-z][a-z0-9-]*$ ]] || { echo "add-rule: NAME must be kebab-case" >&2; exit 2; }
[[ $severity == error || $severity == warning ]] || { echo "add-rule: SEVERITY is error or warning" >&2; exit 2; }
[[ $fix == none || $fix == safe || $fix == unsafe ]] || { echo "add-rule: FIX is none, safe or unsafe" >&2; exit 2; }
[[ $summary != *'"'* ]] || { echo "add-rule: the summary may not contain a double quote" >&2; exit 2; }
def=lib/src/rules/rules.def
if grep -q "^MDRISK_RULE($code," "$def"; then echo "add-rule: $code exists already" >&2; exit 2; fi
if grep -q "\"$name\"" "$def"; then echo "add-rule: a rule is named $name already" >&2; exit 2; fi

file=${name//-/_}
ident=k$(echo "$name" | sed -E 's/(^|-)([a-z])/\U\2/g')
Sev=${severity^}
Fix=${fix^}

# rules.def is in code order, and so are the registry and every listing.
python3 - "$def" "$code" "MDRISK_RULE($code, \"$name\", $ident, check_$file, $Sev, $Fix,
            \"$summary\")" <<'PY'
import re, sys
path, code, line = sys.argv[1], sys.argv[2], sys.argv[3] + "\n"
text = open(path).read()
entries = list(re.finditer(r"^MDRISK_RULE\((MR\d{3}),.*?\)\n", text, re.S | re.M))
at = next((m.start() for m in entries if m.group(1) > code), entries[-1].end())
open(path, "w").write(text[:at] + line + text[at:])
PY

cat > "lib/src/rules/$file.cpp" <<CPP
// $code $name: $summary.
// Why: (say why a register is wrong without this).
#include "rules/all.hpp"

namespace mdrisk::rules {

void check_$file(const Tracker& t, RuleContext& ctx) {
  (void)t;
  (void)ctx;
}

}  // namespace mdrisk::rules
CPP

fixable=$([[ $fix == none ]] && echo no || echo "$fix")
cat > "docs/rules/$code.md" <<MD
# $code $name

Severity: $severity · Fixable: $fixable

## What it checks

$summary.

## Why

(Why a register needs this.)

## Example

This tracker (\`tracker.md\`):

\`\`\`markdown
(a tracker with one finding for $code)
\`\`\`

\`mdrisk tracker.md --format concise --select $code\` prints:

\`\`\`text
(its output)
\`\`\`

## Passing example

\`\`\`markdown
(the same tracker without the problem)
\`\`\`
MD

mkdir -p "fixtures/$code-$name"
printf '# (a tracker with one finding for %s)\n' "$code" > "fixtures/$code-$name/input.md"
: > "fixtures/$code-$name/expected.txt"

# The index row, in code order.
python3 - docs/rules/README.md "$code" "| [$code]($code.md) | $name | $severity | $fixable | $summary |" <<'PY'
import sys
path, code, row = sys.argv[1], sys.argv[2], sys.argv[3] + "\n"
lines = open(path).read().splitlines(keepends=True)
rows = [i for i, l in enumerate(lines) if l.startswith("| [MR")]
at = next((i for i in rows if lines[i][3:8] > code), rows[-1] + 1)
lines.insert(at, row)
open(path, "w").write("".join(lines))
PY

cat <<TODO
add-rule: $code $name scaffolded:
  $def   (metadata: the registry, \`mdrisk rules\`, SARIF)
  lib/src/rules/$file.cpp   write check_$file
  docs/rules/$code.md       write the page; tests/rule_docs_test.cpp runs its examples
  docs/rules/README.md      index row added
  fixtures/$code-$name/   write input.md, then expected.txt (and fixed.md if it fixes)
Then paste \`build/tools/mdrisk/mdrisk rules --format markdown\` into README.md's rule table.
TODO
