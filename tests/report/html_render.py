#!/usr/bin/env python3
"""`mdrisk report --format html`: a self-contained page that renders.

  * the page loads nothing: no script, no src/href, no url() or @import, no
    address but the SVG namespace, and a Content-Security-Policy that
    forbids loading anything;
  * every <svg> is well-formed XML (xmllint --noout);
  * the heat map reads without colour: each cell carries its count (equal
    to the JSON report's) and its band in words, and the three fills differ
    in lightness (greyscale-distinct) and keep dark text at 4.5:1 or more;
  * Debian's chromium, headless, with no network at all (a fresh network
    namespace, when the machine allows one; otherwise a proxy and resolver
    that lead nowhere, said on stderr), renders the page to a PNG of the
    window's size that is not blank and shows the heat map's colours.

usage: html_render.py MDRISK_BINARY SOURCE_DIR
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

mdrisk, src = sys.argv[1], sys.argv[2]
WIDTH, HEIGHT = 1200, 1000
checks = 0


def fail(msg):
    sys.exit("FAIL: " + msg)


def ok():
    global checks
    checks += 1


def run(args, **kw):
    p = subprocess.run(args, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        fail(f"{args[0]} exited {p.returncode}: {p.stderr[-2000:]}")
    return p.stdout


def luminance(hex_colour):
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB/RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                fail(f"{path}: PNG depth {depth} colour type {colour} not handled")
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, bpp)])
        prev = line
    return width, height, rows


with tempfile.TemporaryDirectory() as tmp:
    gen = os.path.join(tmp, "gen.md")
    with open(gen, "w", encoding="utf-8") as out:
        subprocess.run([sys.executable, os.path.join(src, "bench", "gen_tracker.py"), "60", "--seed", "2"],
                       check=True, stdout=out)
    seed = os.path.join(src, "fixtures", "seed", "risk-mitigation.md")
    page = os.path.join(tmp, "report.html")
    run([mdrisk, "report", "--no-config", "--format", "html", "-o", page, seed, gen])
    html = open(page, encoding="utf-8").read()
    reports = json.loads(run([mdrisk, "report", "--no-config", "--format", "json", seed, gen]))

    # Nothing to fetch.
    for pattern in [r"<script", r"\bsrc\s*=", r"\bhref\s*=", r"url\(", r"@import", r"<link", r"<img", r"<iframe"]:
        if re.search(pattern, html, re.I):
            fail(f"the page contains {pattern!r}")
        ok()
    addresses = set(re.findall(r"[a-z]+://[^\s\"'<>]*", html))
    if addresses != {"http://www.w3.org/2000/svg"}:
        fail(f"addresses in the page: {sorted(addresses)}")
    if "Content-Security-Policy\" content=\"default-src 'none'" not in html:
        fail("no Content-Security-Policy forbidding loads")
    ok()

    # Each heat map: valid XML, counts and bands in words.
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    expected = [reports["combined"]] + reports["files"]
    if len(svgs) != len(expected):
        fail(f"{len(svgs)} heat maps for {len(expected)} reports")
    fills = set()
    for k, (svg, rep) in enumerate(zip(svgs, expected)):
        path = os.path.join(tmp, f"map{k}.svg")
        open(path, "w", encoding="utf-8").write(svg)
        p = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
        if p.returncode != 0:
            fail(f"heat map {k} is not well-formed XML: {p.stderr}")
        ok()
        cells = re.findall(r'<g class="cell">(.*?)</g>', svg, re.S)
        if len(cells) != len(rep["matrix"]):
            fail(f"heat map {k}: {len(cells)} cells, the report has {len(rep['matrix'])}")
        shown = {}
        for cell in cells:
            title = re.search(r"<title>\w+ (\w+), \w+ (\w+): (\d+)", cell)
            count = re.search(r'<text [^>]*class="count">(\d+)</text>', cell)
            band = re.search(r'<text [^>]*class="band">(High|Medium|Low)</text>', cell)
            fill = re.search(r'fill="(#[0-9a-f]{6})"', cell)
            if not (title and count and band and fill):
                fail(f"heat map {k}: a cell without its count, band word or fill: {cell[:200]}")
            if title.group(3) != count.group(1):
                fail(f"heat map {k}: cell title says {title.group(3)}, the cell shows {count.group(1)}")
            shown[(title.group(1), title.group(2))] = int(count.group(1))
            fills.add((band.group(1), fill.group(1)))
        want = {(c["likelihood"], c["impact"]): c["count"] for c in rep["matrix"]}
        if shown != want:
            fail(f"heat map {k}: counts {shown}, the JSON report {want}")
        ok()
    by_band = dict(fills)
    if len(by_band) != 3 or len(fills) != 3:
        fail(f"expected one fill per band, got {sorted(fills)}")
    lum = {b: luminance(c) for b, c in by_band.items()}
    text = luminance("#111111")
    for a in lum:
        if (lum[a] + 0.05) / (text + 0.05) < 4.5:
            fail(f"text on the {a} fill has a contrast below 4.5:1")
        for b in lum:
            if a < b and abs(lum[a] - lum[b]) < 0.15:
                fail(f"the {a} and {b} fills are too close in lightness ({lum[a]:.2f}, {lum[b]:.2f})")
    ok()

    # Chromium, offline.
    chromium = shutil.which("chromium")
    if not chromium:
        fail("chromium is not installed (scripts/test.sh installs it)")
    shot = os.path.join(tmp, "shot.png")
    args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + os.path.join(tmp, "profile"), "--hide-scrollbars",
            f"--window-size={WIDTH},{HEIGHT}", "--screenshot=" + shot, "file://" + page]
    isolated = shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0
    if isolated:
        args = ["unshare", "-n"] + args
    else:
        print("html_render: no network namespace here; chromium runs with a proxy and resolver that lead nowhere",
              file=sys.stderr)
        args += ["--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND"]
    subprocess.run(args, capture_output=True, timeout=120)
    if not os.path.exists(shot):
        fail("chromium wrote no screenshot")
    width, height, rows = read_png(shot)
    if (width, height) != (WIDTH, HEIGHT):
        fail(f"screenshot is {width}x{height}, expected {WIDTH}x{HEIGHT}")
    ok()
    pixels = [p for row in rows for p in row]
    white = sum(1 for p in pixels if p == (255, 255, 255))
    if white > 0.97 * len(pixels):
        fail(f"screenshot is blank ({white} of {len(pixels)} pixels white)")
    ok()
    present = set(pixels)
    for band, colour in by_band.items():
        rgb = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        near = any(all(abs(a - b) <= 3 for a, b in zip(rgb, p)) for p in present)
        if not near:
            fail(f"the {band} fill {colour} does not appear in the screenshot")
        ok()
    dark = sum(1 for p in pixels if max(p) < 80)
    if dark < 2000:
        fail(f"only {dark} dark (text) pixels in the screenshot")
    ok()
    if os.environ.get("MDRISK_KEEP_SCREENSHOT"):
        shutil.copy(shot, os.environ["MDRISK_KEEP_SCREENSHOT"])
    print(f"html_render: {checks} checks passed ({'no network namespace' if not isolated else 'offline namespace'}, "
          f"{white * 100 // len(pixels)}% white, {dark} dark pixels)")
