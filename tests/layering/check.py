#!/usr/bin/env python3
"""Checks that lib/src includes only run downwards.

The build already refuses most backward includes: a layer's headers are on
the include path only of the layers that link it (lib/CMakeLists.txt). This
check closes the two gaps left: a relative include ("../fix/x.hpp") that
walks around the include path, and a layer that names another in a quoted
include without the build noticing (for instance in a header no .cpp of
that layer includes yet). The allowed layers are read from the USES lists
in lib/CMakeLists.txt, so there is one place that says who may use whom.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
cmake = (root / "lib" / "CMakeLists.txt").read_text()
uses = {}
for m in re.finditer(r"^mdrisk_layer\((\w+)(.*?)\)\n", cmake, re.S | re.M):
    name, body = m.group(1), m.group(2)
    u = re.search(r"USES((?:\s+\w+)+?)(?:\s+LIBS|\s*$)", body)
    uses[name] = set(u.group(1).split()) if u else set()
if len(uses) < 5:
    sys.exit(f"layering: could not read the layers from lib/CMakeLists.txt (found {sorted(uses)})")

problems = []
src = root / "lib" / "src"
for path in sorted(src.rglob("*")):
    if path.suffix not in (".cpp", ".hpp", ".inc"):
        continue
    layer = path.relative_to(src).parts[0]
    if layer not in uses:
        problems.append(f"{path.relative_to(root)}: not inside a layer folder")
        continue
    for n, line in enumerate(path.read_text().splitlines(), 1):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
        if not m:
            continue
        inc = m.group(1)
        where = f"{path.relative_to(root)}:{n}"
        if inc.startswith("..") or "/../" in inc:
            problems.append(f'{where}: relative include "{inc}" bypasses the layers')
            continue
        first = inc.split("/")[0]
        if first in uses and first != layer and first not in uses[layer]:
            problems.append(f'{where}: {layer}/ may not include "{inc}" ({layer} uses: {", ".join(sorted(uses[layer])) or "nothing"})')

for p in problems:
    print(p)
print(f"layering: {len(uses)} layers, {len(problems)} problems")
sys.exit(1 if problems else 0)
