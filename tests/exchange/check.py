#!/usr/bin/env python3
"""ctest exchange: `mdrisk export`, `import` and `render` against real readers.

* CSV: read back with Python's csv module, the records equal the register's
  table as this script reads it from the Markdown itself (its own pipe
  splitter, not mdrisk's); every field a spreadsheet would take for a
  formula is neutralised with one leading apostrophe, and nothing else is
  changed; export -> import -> export gives the same bytes, a neutralised
  field imports as the original value, and the imported tracker is in
  canonical layout (no MR401/MR402/MR403 finding).
* JSON: every fixture's export validates against docs/model.schema.json
  (python3-jsonschema); the rows equal the table; render -> export ->
  render is a fixed point (same Markdown, same JSON).
* A register of entries only (no table): one CSV record per entry, equal
  to the entry fields as this script reads them in each field syntax
  (bullets, paragraphs, key/value tables); import writes entries in the
  register's own syntax and export -> import -> export is a fixed point.
* Bad input: one line `mdrisk: FILE: problem`, exit 2.

usage: check.py MDRISK_BINARY SOURCE_DIR
"""
import csv
import io
import json
import pathlib
import re
import subprocess
import sys
import tempfile

import jsonschema

mdrisk, src = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
checks = 0


def fail(msg):
    sys.exit(f"FAIL: {msg}")


def check(cond, msg):
    global checks
    if not cond:
        fail(msg)
    checks += 1


def run(*args, cwd, stdin=None):
    p = subprocess.run([mdrisk, "--no-config", *args], cwd=cwd, input=stdin, capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def run_with(config, *args, cwd):
    p = subprocess.run([mdrisk, "--config", config, *args], cwd=cwd, capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def markdown_tables(text):
    """Every GFM table of the document: header cells, then rows, each cell
    trimmed with `\\|` unescaped. Independent of mdrisk's parser."""
    tables, current = [], None
    for line in text.splitlines():
        if line.startswith("|"):
            body = line.strip()
            body = body[1:-1] if body.endswith("|") and not body.endswith("\\|") else body[1:]
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", body)]
            if current is None:
                current = [cells]
            elif all(re.fullmatch(r":?-+:?", c) for c in cells):
                continue
            else:
                current.append(cells)
        elif current is not None:
            tables.append(current)
            current = None
    if current is not None:
        tables.append(current)
    return tables


FORMULA = re.compile(r"^'*[=+\-@\t\r]")

with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    register = (src / "tests/exchange/register.md").read_text()
    (tmp / "a").mkdir()
    (tmp / "a/tracker.md").write_text(register)

    # --- CSV -------------------------------------------------------------
    rc, out, err = run("export", "tracker.md", cwd=tmp / "a")
    check(rc == 0 and err == "", f"export csv: exit {rc}, stderr {err!r}")
    raw = subprocess.run([mdrisk, "--no-config", "export", "tracker.md"], cwd=tmp / "a", capture_output=True).stdout
    check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "records end in CRLF (RFC 4180)")
    records = list(csv.reader(io.StringIO(raw.decode(), newline="")))
    (table,) = markdown_tables(register)
    check(len(records) == len(table), f"{len(records)} CSV records, the table has {len(table)} lines")
    neutralised = 0
    for rec, row in zip(records, table):
        check(len(rec) == len(row), f"record {rec} has {len(rec)} fields, the row {len(row)}")
        for field, cell in zip(rec, row):
            if FORMULA.match(cell):
                check(field == "'" + cell, f"formula cell {cell!r} exported as {field!r}, not neutralised")
                neutralised += 1
            else:
                check(field == cell, f"cell {cell!r} exported as {field!r}")
            check(not re.match(r"[=+\-@\t\r]", field), f"field {field!r} starts a formula")
    check(neutralised == 5, f"{neutralised} neutralised cells, the fixture has 5 (=, +, -, @, '=)")

    csv_path = tmp / "a/register.csv"
    csv_path.write_bytes(raw)
    rc, tracker1, err = run("import", "register.csv", "--title", "Payments platform risks", cwd=tmp / "a")
    check(rc == 0 and err == "", f"import: exit {rc}, stderr {err!r}")
    (imported,) = markdown_tables(tracker1)
    check(imported == table, "the imported table holds the original cells (a neutralised cell imports as "
                             "the original value)")
    check("| =SUM(A1:A9) in the tracker " in tracker1, "a neutralised cell imports without its apostrophe")
    check("| '=already quoted " in tracker1, "a cell that started with an apostrophe keeps it")
    (tmp / "b").mkdir()
    (tmp / "b/tracker.md").write_text(tracker1)
    rc, out, err = run("tracker.md", "--format", "concise", "--select", "MR401,MR402,MR403,MR201", cwd=tmp / "b")
    check("[MR4" not in out and "[MR201]" not in out, f"the imported tracker is not canonical:\n{out}")
    raw2 = subprocess.run([mdrisk, "--no-config", "export", "tracker.md"], cwd=tmp / "b", capture_output=True).stdout
    check(raw2 == raw, "export -> import -> export is not a fixed point:\n" + raw.decode() + "\n---\n" + raw2.decode())
    (tmp / "b/register.csv").write_bytes(raw2)
    rc, tracker2, err = run("import", "register.csv", "--title", "Payments platform risks", cwd=tmp / "b")
    check(tracker2 == tracker1, "import -> export -> import is not a fixed point")
    # Every row got an entry (stubs): one `###` per row.
    check(tracker1.count("\n### ") == len(table) - 1, "import writes one entry per row")

    # --- JSON ------------------------------------------------------------
    schema = json.loads((src / "docs/model.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    inputs = sorted(src.glob("fixtures/*/input.md")) + [src / "tests/exchange/register.md"]
    validated = 0
    for path in inputs:
        rc, out, err = run("export", "--format", "json", str(path), cwd=tmp)
        if rc == 2 and err.startswith("mdrisk: "):
            continue  # a fixture of input mdrisk refuses (binary, UTF-16): nothing to export
        check(rc == 0, f"{path}: export json exit {rc}: {err}")
        model = json.loads(out)
        errors = sorted(validator.iter_errors(model), key=lambda e: e.path)
        check(not errors, f"{path}: {errors[0].message if errors else ''} at {list(errors[0].path) if errors else ''}")
        validated += 1
    check(validated >= 50, f"only {validated} fixtures exported as JSON")

    rc, out, err = run("export", "--format", "json", "tracker.md", cwd=tmp / "a")
    model = json.loads(out)
    rows = [[c["text"] for c in r["cells"]] for r in model["tables"][0]["rows"]]
    check([h["text"] for h in model["tables"][0]["header"]] == table[0] and rows == table[1:],
          "the JSON rows equal the table")
    check(len(model["entries"]) == 5 and model["entries"][0]["fields"][0]["section"] == "Context",
          "the JSON holds the entries and their fields")
    first_cell = model["tables"][0]["rows"][0]["cells"][0]["position"]
    check(first_cell["line"] == 7 and first_cell["column"] == 3 and
          register.encode()[first_cell["offset"]:first_cell["offset"] + first_cell["length"]] == b"Parser \\| lexer drift",
          f"the first cell's position is wrong: {first_cell}")
    (tmp / "a/model.json").write_text(out)
    rc, rendered1, err = run("render", "model.json", cwd=tmp / "a")
    check(rc == 0 and err == "", f"render: exit {rc}: {err}")
    check("### Parser | lexer drift\n\n- **Context**: the two stages are released apart." in rendered1,
          "render keeps the entries' text")
    (tmp / "c").mkdir()
    (tmp / "c/tracker.md").write_text(rendered1)
    rc, json1, _ = run("export", "--format", "json", "tracker.md", cwd=tmp / "c")
    (tmp / "c/model.json").write_text(json1)
    rc, rendered2, _ = run("render", "model.json", cwd=tmp / "c")
    check(rendered2 == rendered1, "render -> export -> render is not a fixed point")
    (tmp / "d").mkdir()
    (tmp / "d/tracker.md").write_text(rendered2)
    rc, json2, _ = run("export", "--format", "json", "tracker.md", cwd=tmp / "d")
    check(json2 == json1, "export -> render -> export is not a fixed point once rendered")
    rc, out, _ = run("tracker.md", "--format", "concise", cwd=tmp / "c")
    check(rc == 0 and "[MR4" not in out, f"the rendered tracker is not clean:\n{out}")

    # --- a register of entries only ---------------------------------------
    # No table: the CSV's records are the entries, the heading's ID and
    # title first, then each column field; read here from the Markdown with
    # this script's own patterns, one per field syntax.
    field_patterns = {
        "S06-paragraph-fields-no-table": r"^\*\*([^*]+?):\*\* (.*?)(?:\\|  )?$",
        "S07-bullet-fields-no-table": r"^- \*\*([^*]+?):\*\* (.*)$",
        "S08-key-value-tables": r"^\| (?!Field \|)(?!-)(.+?) +\| (.+?) +\|$",
        "entries-only-risk-semantics": r"^- \*\*([^*]+?):\*\* (.*)$",
    }
    for name, pattern in field_patterns.items():
        fixture = src / "fixtures" / name
        config = str(fixture / ".mdrisk.toml")
        text = (fixture / "input.md").read_text()
        level = "##" if "entry-level = 2" in (fixture / ".mdrisk.toml").read_text() else "###"
        entries = []
        for line in text.splitlines():
            if line.startswith(level + " "):
                head = line[len(level) + 1:]
                m = re.match(r"([A-Z]+-?\d+):? (.*)", head)
                entries.append({"ID": m.group(1), "title": m.group(2)})
            elif entries and (m := re.match(pattern, line)):
                entries[-1].setdefault(m.group(1).strip(), m.group(2).strip())
        rc, raw, err = run_with(config, "export", str(fixture / "input.md"), cwd=tmp)
        check(rc == 0 and err == "", f"{name}: export csv: exit {rc}, stderr {err!r}")
        records = list(csv.reader(io.StringIO(raw, newline="")))
        check(len(records) == len(entries) + 1, f"{name}: {len(records) - 1} CSV records for {len(entries)} entries")
        header = records[0]
        check(header[0] == "ID" and header[1] in ("Title", "Risk"), f"{name}: the heading's parts come first: {header}")
        for record, entry in zip(records[1:], entries):
            check(sum(h in entry for h in header[2:]) >= 4, f"{name}: this script read too few fields of {entry}")
            check(record[0] == entry["ID"] and record[1] == entry["title"], f"{name}: heading {entry} exported as {record[:2]}")
            for h, value in zip(header[2:], record[2:]):
                check(value == entry.get(h, ""), f"{name} {entry['ID']}: {h} is {value!r}, the entry says {entry.get(h)!r}")
        (tmp / "entries.csv").write_text(raw, newline="")
        rc, md1, err = run_with(config, "import", "entries.csv", cwd=tmp)
        check(rc == 0 and err == "", f"{name}: import: exit {rc}, stderr {err!r}")
        check(md1.count("\n" + level + " ") == len(entries) and "| --- | --- | ---" not in md1,
              f"{name}: import writes one entry per record and no register table:\n{md1}")
        (tmp / "entries.md").write_text(md1)
        rc, raw2, err = run_with(config, "export", "entries.md", cwd=tmp)
        check(raw2 == raw, f"{name}: export -> import -> export is not a fixed point:\n{raw}\n---\n{raw2}")
        rc, out, _ = run_with(config, "entries.md", "--format", "concise", cwd=tmp)
        check("[MR4" not in out and "[MR104]" not in out and "[MR105]" not in out,
              f"{name}: the imported entries are not canonical:\n{out}")
    # A formula in an entry field is neutralised too, and imports as written.
    config = str(src / "fixtures/S07-bullet-fields-no-table/.mdrisk.toml")
    (tmp / "formula.md").write_text("# Log\n\n## R-01: Shared sheet\n\n- **Description:** A sheet.\n"
                                    "- **Likelihood:** Low\n- **Impact:** Low\n- **Owner:** =HYPERLINK(\"x\")\n"
                                    "- **Status:** Open\n- **Mitigation:** None.\n")
    rc, raw, err = run_with(config, "export", "formula.md", cwd=tmp)
    check(rc == 0 and "\"'=HYPERLINK(\"\"x\"\")\"" in raw, f"an entry field formula is not neutralised: {raw!r} {err!r}")
    (tmp / "formula.csv").write_text(raw, newline="")
    rc, md, err = run_with(config, "import", "formula.csv", cwd=tmp)
    check(rc == 0 and '- **Owner:** =HYPERLINK("x")\n' in md, f"a neutralised field imports as written: {md!r} {err!r}")

    # --- bad input -------------------------------------------------------
    (tmp / "bad.csv").write_text('"Risk","Status"\r\n"open quote,Open\r\n')
    rc, out, err = run("import", "bad.csv", cwd=tmp)
    check(rc == 2 and err == "mdrisk: bad.csv: line 2: a quoted field is never closed\n", f"bad csv: {rc} {err!r}")
    (tmp / "short.csv").write_text("Risk,Status\r\nDisk full\r\n")
    rc, out, err = run("import", "short.csv", cwd=tmp)
    check(rc == 2 and err == "mdrisk: short.csv: line 2: 1 fields, the header has 2\n", f"short row: {err!r}")
    (tmp / "noname.csv").write_text("Owner,Status\r\nOps,Open\r\n")
    rc, out, err = run("import", "noname.csv", cwd=tmp)
    check(rc == 2 and "no 'Risk' column" in err and err.count("\n") == 1, f"no name column: {err!r}")
    (tmp / "bad.json").write_text('{"mdrisk_model": 2}')
    rc, out, err = run("render", "bad.json", cwd=tmp)
    check(rc == 2 and err == "mdrisk: bad.json: not an mdrisk model: version 2 (this mdrisk reads 1)\n", f"bad json: {err!r}")
    # A hand-written model may leave out what it does not need, but a member
    # of the wrong type is one line, never a crash.
    (tmp / "minimal.json").write_text('{"mdrisk_model": 1, "tables": [{"header": [{"text": "Risk"}, {"text": "Status"}],'
                                      ' "rows": [{"cells": [{"text": "Disk full"}, {"text": "Open"}]}]}], "entries": []}')
    rc, out, err = run("render", "minimal.json", cwd=tmp)
    check(rc == 0 and "| Disk full " in out, f"a minimal model: exit {rc}: {err!r}")
    for bad in ('{"mdrisk_model": 1, "tables": [5], "entries": []}', '{"mdrisk_model": 1, "tables": [], "entries": [{"heading": 3}]}',
                '{"mdrisk_model": 1, "tables": "x", "entries": []}', '[1, 2]', '{"mdrisk_model": 1}'):
        (tmp / "typed.json").write_text(bad)
        rc, out, err = run("render", "typed.json", cwd=tmp)
        check(rc == 2 and err.startswith("mdrisk: typed.json: not an mdrisk model: ") and err.count("\n") == 1,
              f"model {bad}: exit {rc}, stderr {err!r}")
    (tmp / "notable.md").write_text("# Nothing\n\nNo table here.\n")
    rc, out, err = run("export", "notable.md", cwd=tmp)
    check(rc == 2 and err.startswith("mdrisk: notable.md: the register has no table") and err.count("\n") == 1,
          f"export of a file without a table: {err!r}")

print(f"exchange: {checks} checks passed ({validated} fixtures validated against docs/model.schema.json)")
