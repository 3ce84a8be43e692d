"""The weekly report's charts as standalone inline SVG: bars per day, per layer and per exam subject,
and the 11408 coverage bars. Colours are attributes rather than CSS classes, so each chart renders
on its own; all text goes through `esc`."""

from __future__ import annotations

import html
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from infra_roadmap import textsafe
from infra_roadmap.i18n import say
from infra_roadmap.reports.model import Coverage, DayMinutes, Goal, WeeklyReport
from infra_roadmap.reports.text import hours, hours_text, name, weekday

CHART_WIDTH = 520
PALETTE = ("#4f46e5", "#0d9488", "#f59e0b", "#e11d48", "#0284c7", "#7c3aed", "#65a30d", "#db2777")
INK, MUTED, FAINT, TRACK, GRID = "#0f172a", "#64748b", "#94a3b8", "#eef2f7", "#e2e8f0"
BAR, ACCENT, GOOD = "#4f46e5", "#f59e0b", "#16a34a"
FONT_STACK = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", '
    '"WenQuanYi Micro Hei", sans-serif'
)


def esc(value: object) -> str:
    """Text for HTML or SVG: control characters and bidi overrides dropped, markup escaped."""
    return html.escape(textsafe.for_terminal(str(value)), quote=True)


def charts(report: WeeklyReport, lang: str) -> dict[str, str]:
    """Each chart as a standalone `<svg>`: day (bars), layer and subject (horizontal bars), coverage."""
    layers = [
        HBar(
            name(b.title, b.title_zh, lang),
            b.minutes,
            hours_text(b.minutes, lang),
            PALETTE[i % len(PALETTE)],
        )
        for i, b in enumerate(report.by_layer)
    ]
    subjects = [
        HBar(
            f"{b.id} · {name(b.title, b.title_zh, lang)}",
            b.minutes,
            hours_text(b.minutes, lang),
            _paper_colour(b.id),
            bold="." not in b.id,
            indent=16 if "." in b.id else 0,
        )
        for b in report.by_subject
    ]
    return {
        "day": day_chart(report.by_day, report.goal, lang, chart_id="chart-day"),
        "layer": hbar_chart(
            layers,
            chart_id="chart-layer",
            label=say("report.per_layer", lang),
            empty=say("report.no_layers", lang),
        ),
        "coverage": coverage_chart(report.coverage, lang, chart_id="chart-coverage"),
        "subject": hbar_chart(
            subjects,
            chart_id="chart-subject",
            label=say("report.per_subject", lang),
            empty=say("report.no_exam_time", lang),
        ),
    }


PAPER_COLOURS = {"101": "#e11d48", "201": "#0284c7", "301": "#0d9488", "408": "#4f46e5"}


def _paper_colour(subject_id: str) -> str:
    """One hue per exam paper, darker for the paper, lighter for its parts."""
    base = PAPER_COLOURS.get(subject_id.split(".", 1)[0], "#7c3aed")
    return base if "." not in subject_id else base + "b3"  # #rrggbbaa: 70% opacity


# ---- charts ------------------------------------------------------------------------------------


def _svg(chart_id: str, width: int, height: int, label: str, body: Sequence[str]) -> str:
    return (
        f'<svg id="{esc(chart_id)}" class="chart" xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{esc(label)}" font-family="{esc(FONT_STACK)}">\n' + "\n".join(body) + "\n</svg>"
    )


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: int = 12,
    fill: str = MUTED,
    anchor: str = "start",
    weight: int = 400,
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}" text-anchor="{anchor}" '
        f'font-weight="{weight}">{esc(content)}</text>'
    )


def text_width(content: str, size: float) -> float:
    """A rough rendered width: CJK glyphs are one em wide, Latin ones a little over half."""
    return sum(size if unicodedata.east_asian_width(ch) in "WF" else size * 0.6 for ch in content)


def fit(content: str, room: float, size: float) -> str:
    """Cut a label with '…' so that it cannot run into the value printed on the same line."""
    if text_width(content, size) <= room:
        return content
    while content and text_width(content + "…", size) > room:
        content = content[:-1]
    return content.rstrip(" ·") + "…"


def _nice_step(top: float) -> float:
    """A tick step that gives at most five gridlines with round labels."""
    for step in (0.25, 0.5, 1, 2, 3, 4, 5, 10, 20, 25, 50, 100):
        if top / step <= 5:
            return step
    return math.ceil(top / 5 / 100) * 100


def day_chart(
    days: Sequence[DayMinutes],
    goal: Goal | None,
    lang: str,
    *,
    chart_id: str = "chart-day",
    width: int = CHART_WIDTH,
    height: int = 270,
) -> str:
    """Vertical bars, one per day, hours above each bar; a dashed line shows the goal's daily pace."""
    left, right, top, bottom = 40, 8, 26, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    pace = goal.hours / 7 if goal else 0.0
    highest = max([hours(d.minutes) for d in days] + [pace, 0.5])
    step = _nice_step(highest)
    ceiling = math.ceil(highest / step) * step
    y = lambda value: top + plot_h * (1 - value / ceiling)  # noqa: E731 - local scale
    body = []
    ticks = [round(i * step, 2) for i in range(round(ceiling / step) + 1)]
    for tick in ticks:
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        body.append(_text(left - 8, y(tick) + 4, f"{tick:g}", size=11, fill=FAINT, anchor="end"))
    body.append(_text(left - 8, top - 12, say("report.hour_unit", lang), size=11, fill=FAINT, anchor="end"))
    slot = plot_w / max(1, len(days))
    bar_w = min(44.0, slot * 0.6)
    for i, day in enumerate(days):
        cx = left + slot * (i + 0.5)
        value = hours(day.minutes)
        if day.minutes > 0:
            bar_h = max(2.0, plot_h * value / ceiling)
            body.append(
                f'<rect x="{cx - bar_w / 2:.1f}" y="{top + plot_h - bar_h:.1f}" width="{bar_w:.1f}" '
                f'height="{bar_h:.1f}" rx="5" fill="{BAR}"><title>{esc(day.date.isoformat())}: '
                f"{esc(hours_text(day.minutes, lang))}</title></rect>"
            )
            body.append(
                _text(
                    cx,
                    top + plot_h - bar_h - 6,
                    hours_text(day.minutes, lang),
                    size=12,
                    fill=INK,
                    anchor="middle",
                    weight=600,
                )
            )
        else:
            body.append(_text(cx, top + plot_h - 6, "–", size=12, fill=FAINT, anchor="middle"))
        body.append(
            _text(
                cx,
                height - bottom + 18,
                weekday(day.date.weekday(), lang),
                size=12,
                fill=INK if day.minutes else MUTED,
                anchor="middle",
                weight=500,
            )
        )
        body.append(
            _text(cx, height - bottom + 34, day.date.strftime("%m-%d"), size=11, fill=FAINT, anchor="middle")
        )
    body.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="{FAINT}" stroke-width="1"/>'
    )
    if pace:
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(pace):.1f}" y2="{y(pace):.1f}" '
            f'stroke="{ACCENT}" stroke-width="1.5" stroke-dasharray="5 4"/>'
        )
        # above the plot, where no bar label can collide with it
        legend = say("report.goal_pace", lang, hours=hours_text(round(pace * 60), lang))
        swatch = width - right - text_width(legend, 11) - 8
        body.append(
            f'<line x1="{swatch - 22:.1f}" x2="{swatch:.1f}" y1="{top - 16}" y2="{top - 16}" '
            f'stroke="{ACCENT}" stroke-width="1.5" stroke-dasharray="5 4"/>'
        )
        body.append(_text(width - right, top - 12, legend, size=11, fill="#b45309", anchor="end", weight=600))
    return _svg(chart_id, width, height, say("report.per_day", lang), body)


@dataclass(frozen=True)
class HBar:
    label: str
    value: float
    value_text: str
    colour: str
    bold: bool = False
    indent: int = 0


def hbar_chart(
    bars: Sequence[HBar],
    *,
    chart_id: str,
    label: str = "bar chart",
    width: int = CHART_WIDTH,
    empty: str = "Nothing yet",
) -> str:
    """Horizontal bars with the label above each bar, so long bilingual names never get cut."""
    if not bars:
        return _svg(
            chart_id, width, 60, empty, [_text(width / 2, 34, empty, size=13, fill=FAINT, anchor="middle")]
        )
    row = 40
    most = max(b.value for b in bars) or 1
    body = []
    for i, bar in enumerate(bars):
        y0 = i * row + 4
        x0 = bar.indent
        span = width - x0
        room = span - text_width(bar.value_text, 12) - 16
        body.append(
            _text(x0, y0 + 13, fit(bar.label, room, 13), size=13, fill=INK, weight=600 if bar.bold else 400)
        )
        body.append(
            _text(
                width,
                y0 + 13,
                bar.value_text,
                size=12,
                fill=INK if bar.value else FAINT,
                anchor="end",
                weight=600,
            )
        )
        body.append(f'<rect x="{x0}" y="{y0 + 20}" width="{span}" height="10" rx="5" fill="{TRACK}"/>')
        if bar.value > 0:
            filled = max(6.0, span * bar.value / most)
            body.append(
                f'<rect x="{x0}" y="{y0 + 20}" width="{filled:.1f}" height="10" rx="5" '
                f'fill="{bar.colour}"><title>{esc(bar.label)}: {esc(bar.value_text)}</title></rect>'
            )
    return _svg(chart_id, width, len(bars) * row + 4, label, body)


def coverage_chart(
    coverage: Coverage, lang: str, *, chart_id: str = "chart-coverage", width: int = CHART_WIDTH
) -> str:
    """One bar per exam subject: the whole bar is its points, blue those covered (a topic that
    teaches them is done or skipped), amber those touched but not yet covered."""
    if not coverage.subjects:
        return hbar_chart([], chart_id=chart_id, width=width, empty=say("report.no_points", lang))
    legend_h, row = 26, 40
    body = []
    x = 0.0
    for colour, key in (
        (BAR, "report.chart_covered"),
        (ACCENT, "report.chart_touched"),
        (TRACK, "report.chart_untouched"),
    ):
        label = say(key, lang)
        body.append(
            f'<rect x="{x + 0.5}" y="4.5" width="11" height="11" rx="3" fill="{colour}" stroke="{GRID}"/>'
        )
        body.append(_text(x + 18, 14, label, size=11, fill=MUTED))
        x += 18 + text_width(label, 11) + 20
    for i, s in enumerate(coverage.subjects):
        y0 = legend_h + i * row
        x0 = 0 if s.parent is None else 16
        span = width - x0
        value = say("report.chart_value", lang, covered=s.covered, touched=s.touched, total=s.total)
        room = span - text_width(value, 12) - 16
        title = s.title if lang == "en" else s.title_zh or s.title  # the syllabus speaks Chinese
        label = fit(f"{s.id} · {title}", room, 13)
        body.append(
            f'<text x="{x0}" y="{y0 + 13}" font-size="13" fill="{INK}" font-weight="'
            f'{600 if s.parent is None else 400}"><title>{esc(name(s.title, s.title_zh, lang))}</title>'
            f"{esc(label)}</text>"
        )
        body.append(
            f'<text x="{width}" y="{y0 + 13}" font-size="12" fill="{INK}" text-anchor="end" '
            f'font-weight="600">{esc(value)}</text>'
        )
        body.append(f'<rect x="{x0}" y="{y0 + 20}" width="{span}" height="10" rx="5" fill="{TRACK}"/>')
        if s.total and s.touched:
            touched_w = max(6.0, span * s.touched / s.total)
            body.append(
                f'<rect x="{x0}" y="{y0 + 20}" width="{touched_w:.1f}" height="10" rx="5" fill="{ACCENT}"/>'
            )
        if s.total and s.covered:
            covered_w = max(6.0, span * s.covered / s.total)
            body.append(
                f'<rect x="{x0}" y="{y0 + 20}" width="{covered_w:.1f}" height="10" rx="5" fill="{BAR}"/>'
            )
    height = legend_h + len(coverage.subjects) * row + 2
    return _svg(chart_id, width, height, say("report.coverage", lang), body)
