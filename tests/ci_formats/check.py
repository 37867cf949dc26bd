#!/usr/bin/env python3
"""Checks mdrisk's CI report formats against their consumers' schemas.

usage: check.py SCHEMA_DIR OUT_DIR
OUT_DIR holds, per case NAME: NAME.json (the json format, the reference),
NAME.gitlab, NAME.rdjson, NAME.jsonl and NAME.junit (already checked
against junit.xsd by xmllint), plus NAME.src (the linted text, for byte
positions) when the case has one file.

Beyond the schemas, every format must report exactly the findings of the
json format: same count, same codes in the same order, and positions that
point at the same bytes (rdjson counts columns in UTF-8 bytes).
"""
import json
import pathlib
import sys
import xml.etree.ElementTree as ET

import jsonschema

schema_dir, out_dir = map(pathlib.Path, sys.argv[1:3])
gitlab_schema = json.loads((schema_dir / "gitlab-codequality.schema.json").read_text())
rdjson_schema = json.loads((schema_dir / "rdjson.schema.json").read_text())
failures = []
checked = 0


def fail(case, msg):
    failures.append(f"{case}: {msg}")


for ref_path in sorted(out_dir.glob("*.json")):
    case = ref_path.stem
    ref = json.loads(ref_path.read_text())
    codes = [f["code"] for f in ref]

    gitlab = json.loads((out_dir / f"{case}.gitlab").read_text())
    try:
        jsonschema.validate(gitlab, gitlab_schema)
    except jsonschema.ValidationError as e:
        fail(case, f"gitlab: {e.message} at {list(e.absolute_path)}")
    if [i["check_name"] for i in gitlab] != codes:
        fail(case, "gitlab: findings differ from the json format")
    if len({i["fingerprint"] for i in gitlab}) != len(gitlab):
        fail(case, "gitlab: fingerprints are not unique")
    for i, f in zip(gitlab, ref):
        if i["location"]["lines"]["begin"] != f["range"]["start"]["line"]:
            fail(case, f"gitlab: {i['check_name']} begins on line {i['location']['lines']['begin']}")
        if i["severity"] != {"error": "major", "warning": "minor"}[f["severity"]]:
            fail(case, f"gitlab: severity {i['severity']} for a {f['severity']}")

    rd = json.loads((out_dir / f"{case}.rdjson").read_text())
    try:
        jsonschema.validate(rd, rdjson_schema)
    except jsonschema.ValidationError as e:
        fail(case, f"rdjson: {e.message} at {list(e.absolute_path)}")
    if [d["code"]["value"] for d in rd["diagnostics"]] != codes:
        fail(case, "rdjson: findings differ from the json format")
    src_path = out_dir / f"{case}.src"
    if src_path.exists():
        data = src_path.read_bytes()
        starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
        if data.startswith(b"\xef\xbb\xbf"):
            starts[0] = 3

        def offset(pos):
            return starts[pos["line"] - 1] + pos["column"] - 1

        for d, f in zip(rd["diagnostics"], ref):
            r = d["location"]["range"]
            if (offset(r["start"]), offset(r["end"])) != (f["range"]["start"]["offset"], f["range"]["end"]["offset"]):
                fail(case, f"rdjson: {f['code']} range does not cover the json format's bytes")
            if "suggestions" in d:
                edits = f["fix"]["edits"]
                if f["fix"]["applicability"] != "safe" or len(edits) != 1:
                    fail(case, f"rdjson: suggestion for a fix that is not one safe edit ({f['code']})")
                s = d["suggestions"][0]
                if (offset(s["range"]["start"]), offset(s["range"]["end"])) != (
                        edits[0]["range"]["start"]["offset"], edits[0]["range"]["end"]["offset"]) or s["text"] != edits[0]["content"]:
                    fail(case, f"rdjson: suggestion for {f['code']} is not the fix's edit")
            elif f["fix"] and f["fix"]["applicability"] == "safe" and len(f["fix"]["edits"]) == 1:
                fail(case, f"rdjson: safe one-edit fix of {f['code']} has no suggestion")

    lines = (out_dir / f"{case}.jsonl").read_text().splitlines()
    if [json.loads(l) for l in lines] != ref:
        fail(case, "json-lines: the objects differ from the json format")

    root = ET.parse(out_dir / f"{case}.junit").getroot()
    cases = [tc for ts in root.findall("testsuite") for tc in ts.findall("testcase")]
    failed = [tc for tc in cases if tc.find("failure") is not None]
    if len(failed) != len(ref) or int(root.get("failures")) != len(ref):
        fail(case, f"junit: {len(failed)} failing testcases for {len(ref)} findings")
    if int(root.get("tests")) != len(cases):
        fail(case, "junit: 'tests' does not count the testcases")
    files = sorted({f["file"].removeprefix("./") for f in ref})
    for ts in root.findall("testsuite"):
        if int(ts.get("tests")) != len(ts.findall("testcase")):
            fail(case, f"junit: suite {ts.get('name')} miscounts its tests")
    if not set(files) <= {ts.get("name") for ts in root.findall("testsuite")}:
        fail(case, "junit: a file with findings has no testsuite")
    checked += 1

for f in failures:
    print("FAIL:", f)
print(f"ci formats: {checked} cases checked, {len(failures)} problems")
sys.exit(1 if failures or checked == 0 else 0)
