"""The HTML report, drawn by a real browser: every chart must put pixels on the screen.

Headless Chromium takes two screenshots at once: the whole page at 1200x1600, and a test page
that places each chart's SVG in a box at a known position, next to one box left empty as a
control. The PNGs are decoded with the standard library (zlib + struct), no Pillow.
Skipped when no Chromium is installed (`apt-get install chromium`).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from infra_roadmap.reports import svg
from infra_roadmap.reports import to_html as render_html
from test_reports import make_report

CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
        if p and os.path.exists(p)
    ),
    None,
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
CHARTS = ("day", "layer", "coverage", "subject")
BOX_W, BOX_H = 540, 300
INDIGO, AMBER = svg.BAR, svg.ACCENT


# ---- a small PNG reader ------------------------------------------------------------------------


class Image:
    def __init__(self, width: int, height: int, bpp: int, rows: list[bytes]):
        self.width, self.height, self.bpp, self.rows = width, height, bpp, rows

    def box(self, x0: int, y0: int, x1: int, y1: int) -> list[bytes]:
        """The rows of the box [x0, x1) x [y0, y1), still as bytes (fast to scan)."""
        return [row[x0 * self.bpp : x1 * self.bpp] for row in self.rows[y0:y1]]


def count_colour(rows: list[bytes], hex_colour: str) -> int:
    """Pixels of exactly this colour (bar fills are flat, so exact matching is enough)."""
    needle = bytes.fromhex(hex_colour.lstrip("#"))
    return sum(row.count(needle) for row in rows)


def count_darker(rows: list[bytes], below: int) -> int:
    """Colour channels darker than `below`: a measure of ink that needs no per-pixel loop."""
    table = bytes(1 if value < below else 0 for value in range(256))
    return sum(row.translate(table).count(1) for row in rows)


def _add_bytes(x: bytes, y: bytes) -> bytes:
    """Bytewise (x + y) mod 256 with big-integer arithmetic: the 'Up' filter without a loop."""
    n = len(x)
    low, high = int.from_bytes(b"\x7f" * n, "big"), int.from_bytes(b"\x80" * n, "big")
    a, b = int.from_bytes(x, "big"), int.from_bytes(y, "big")
    return (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(n, "big")


def _unfilter(kind: int, line: bytes, prior: bytes, bpp: int) -> bytes:
    if kind == 0:
        return line
    if kind == 2:
        return _add_bytes(line, prior)
    if kind == 4 and not any(line) and prior == prior[:bpp] * (len(prior) // bpp):
        return prior  # Paeth over a flat row with nothing to add: the row repeats (page backgrounds)
    out = bytearray(line)
    for i in range(len(out)):
        a = out[i - bpp] if i >= bpp else 0
        if kind == 1:
            predicted = a
        elif kind == 3:
            predicted = (a + prior[i]) >> 1
        else:
            b, c = prior[i], prior[i - bpp] if i >= bpp else 0
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            predicted = a if pa <= pb and pa <= pc else b if pb <= pc else c
        out[i] = (out[i] + predicted) & 255
    return bytes(out)


def read_png(path: Path) -> Image:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * bpp
    rows, prior = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        prior = _unfilter(raw[start], raw[start + 1 : start + 1 + stride], prior, bpp)
        rows.append(prior)
    return Image(width, height, bpp, rows)


# ---- screenshots -------------------------------------------------------------------------------


def _chromium(html: Path, png: Path, size: str, profile: Path) -> subprocess.Popen:
    command = [
        CHROMIUM,
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--screenshot={png}",
        f"--window-size={size}",
        html.as_uri(),
    ]
    env = {**os.environ, "HOME": str(profile)}  # keep Chromium's caches out of the real home
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def _charts_page(report) -> str:
    """Each chart alone in a white box at a known place; the last box stays empty as a control."""
    svgs = svg.charts(report, "both")
    boxes = [
        f'<div style="position:absolute;left:0;top:{i * BOX_H}px;width:{BOX_W}px;height:{BOX_H}px;'
        f'overflow:hidden;padding:10px;box-sizing:border-box">{svgs[name]}</div>'
        for i, name in enumerate(CHARTS)
    ]
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>html,body{{margin:0;'
        f"background:#fff;font-family:{svg.FONT_STACK}}}</style></head><body>{''.join(boxes)}"
        "</body></html>"
    )


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html-report")
    report = make_report()
    page, charts = folder / "report.html", folder / "charts.html"
    page.write_text(render_html.render(report, "both"), encoding="utf-8")
    charts.write_text(_charts_page(report), encoding="utf-8")
    out = {"page": folder / "report.png", "charts": folder / "charts.png"}
    running = [
        _chromium(page, out["page"], "1200,1600", folder / "profile-page"),
        _chromium(charts, out["charts"], f"{BOX_W},{BOX_H * (len(CHARTS) + 1)}", folder / "profile-charts"),
    ]
    for process in running:
        _, err = process.communicate(timeout=90)
        assert process.returncode == 0, err.decode(errors="replace")[-2000:]
    for png in out.values():
        assert png.exists() and png.stat().st_size > 0
    return out


def test_every_chart_draws_bars_and_the_control_box_stays_blank(shots):
    image = read_png(shots["charts"])
    assert (image.width, image.height) == (BOX_W, BOX_H * (len(CHARTS) + 1))
    boxes = {name: image.box(0, i * BOX_H, BOX_W, (i + 1) * BOX_H) for i, name in enumerate(CHARTS)}
    for name, rows in boxes.items():
        ink = count_darker(rows, 235)
        assert ink > 0.03 * BOX_W * BOX_H, f"chart {name} is (nearly) blank: {ink} dark channels"
    assert count_colour(boxes["day"], INDIGO) > 2000  # the bars of hours per day
    for colour in svg.PALETTE[:5]:  # one colour per layer with time
        assert count_colour(boxes["layer"], colour) > 100, colour
    assert count_colour(boxes["coverage"], AMBER) > 300  # points new this week
    assert count_colour(boxes["coverage"], INDIGO) > 1000  # points touched before
    assert count_colour(boxes["subject"], svg.PAPER_COLOURS["408"]) > 1000
    control = image.box(0, len(CHARTS) * BOX_H, BOX_W, image.height)
    assert count_darker(control, 255) == 0


def test_the_whole_page_renders_with_charts_and_text(shots):
    image = read_png(shots["page"])
    assert (image.width, image.height) == (1200, 1600)
    top = image.box(0, 0, 1200, 1100)
    assert count_colour(top, INDIGO) > 5000  # bars, meters, legends
    assert count_darker(top, 90) > 15000  # dark text: titles, numbers, labels
    sampled = {row[i : i + 3] for row in top[::5] for i in range(0, len(row), 3 * 11)}
    assert len(sampled) > 200  # anti-aliased text and charts, not a flat fill


# ---- a phone -----------------------------------------------------------------------------------

PHONE_W = 390  # an iPhone 12-15 in CSS pixels


def _phone_page(report_html: str, width: int) -> str:
    """The report inside an iframe `width` px wide (a headless window is at least 500 px wide, so
    the iframe is the viewport), and a script that writes the report's scrollWidth into the title."""
    import html as html_lib

    return (
        "<!DOCTYPE html><html><head><style>html,body{margin:0;overflow:hidden}iframe{border:0}</style></head>"
        f'<body><iframe id="r" width="{width}" height="6000" srcdoc="{html_lib.escape(report_html)}"></iframe>'
        '<script>addEventListener("load",()=>{const d=document.getElementById("r").contentDocument'
        '.documentElement;document.title="scroll "+d.scrollWidth+" client "+d.clientWidth;});</script>'
        "</body></html>"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_fits_a_390_px_phone_without_scrolling_sideways(tmp_path, lang):
    from infra_roadmap.reports.build import build_report
    from infra_roadmap.store.event import Event
    from test_reports import NOW, PLAN, SHANGHAI, at, day, make_events, make_roadmap

    long_url = "https://example.com/" + "a-very-long-path-segment/" * 8 + "?q=" + "x" * 80
    moment = at(day(3), "21:00")
    extra = Event("paged-attention", "log", moment, 25, long_url, "long", moment, "long")
    report = build_report(
        [*make_events(), extra], make_roadmap(), year=2026, week=46, tz=SHANGHAI, now=NOW,
        weekly_goal_hours=5, plan=PLAN,
    )  # fmt: skip
    page = tmp_path / "phone.html"
    page.write_text(_phone_page(render_html.render(report, lang), PHONE_W), encoding="utf-8")
    profile = tmp_path / "profile"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--window-size=500,900"]
    command += ["--virtual-time-budget=3000", "--dump-dom", page.as_uri()]
    env = {
        **os.environ,
        "HOME": str(profile),
        "XDG_CONFIG_HOME": str(profile),
        "XDG_CACHE_HOME": str(profile),
    }
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    import re

    found = re.search(r"<title>scroll (\d+) client (\d+)</title>", done.stdout)
    assert found, done.stdout[-500:]
    scroll, client = map(int, found.groups())
    assert client == PHONE_W and scroll <= PHONE_W, f"the page is {scroll} px wide at {PHONE_W} px"
