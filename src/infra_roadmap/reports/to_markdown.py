"""The weekly report as Markdown for a blog: YAML front matter that Hexo and Hugo accept, then
GitHub-flavoured tables and a Mermaid pie of hours per layer.

User text (notes, and titles that overlays may bring) goes through `text()`: one line, no raw
HTML, no table-breaking `|`, no accidental heading or list, so a note can never change the
shape of the page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Sequence
from datetime import timedelta

from infra_roadmap import textsafe
from infra_roadmap.reports.model import Bucket, TopicItem, WeeklyReport
from infra_roadmap.reports.text import bilingual, hours, hours_text
from infra_roadmap.vocab import WEEKDAYS, WEEKDAYS_ZH

TAGS = ("infra-roadmap", "11408", "AI Infra")
CATEGORIES = ("学习周报",)

_MARKUP = re.compile(r"([\\`*_\[\]|~])")  # characters Markdown would read as syntax inside a line
_BLOCK_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])")  # a heading, list item or setext underline
_PLAIN_ID = re.compile(r"[A-Za-z0-9._\-]+")


def render(report: WeeklyReport) -> str:
    parts = [
        front_matter(report),
        f"# {text(title_of(report))}\n\n{_range(report)} · {text(report.tz)}\n",
        _totals(report),
        _per_day(report),
        _per_layer(report),
        _per_subject(report),
        _completed(report),
        _in_progress(report),
        _notes(report),
        _coverage(report),
        _plan(report),
    ]
    return "\n".join(parts)


# ---- escaping ----------------------------------------------------------------------------------


def text(value: object) -> str:
    """User text made safe for one line of Markdown, table cells included.

    Line breaks become spaces and control characters go (`textsafe.line`); `&`, `<`, `>` become
    entities (no raw HTML reaches the page);
    Markdown punctuation and `|` are backslash-escaped; a leading `#`, `-`, `+`, `=` or `1.`
    is escaped so that the text stays a paragraph. Every Markdown renderer shows the result
    exactly as the user typed it.
    """
    line = html.escape(textsafe.line(value), quote=False)
    line = _MARKUP.sub(r"\\\1", line)
    return _BLOCK_START.sub(lambda m: m.group(1) + _escape_block(m.group(2)), line, count=1)


def _escape_block(mark: str) -> str:
    return mark[:-1] + "\\" + mark[-1] if mark[-1] in ".)" else "\\" + mark


def code(identifier: str) -> str:
    """An id as inline code when it is plain; otherwise escaped text (ids of removed topics)."""
    return f"`{identifier}`" if _PLAIN_ID.fullmatch(identifier) else text(identifier)


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar; JSON's escaping is valid YAML and survives any title."""
    return textsafe.json_text(json.dumps(value, ensure_ascii=False))


def mermaid_label(value: str) -> str:
    """A label inside Mermaid double quotes: no quotes, no line breaks, no markup."""
    cleaned = textsafe.line(value)
    for bad, good in (('"', "'"), ("`", "'"), ("<", "‹"), (">", "›"), ("#", "＃"), (";", "；")):
        cleaned = cleaned.replace(bad, good)
    return cleaned.strip() or "?"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> str:
    """A GFM table; `align` has one letter per column: l, r or c (default l)."""
    marks = {"l": "---", "r": "--:", "c": ":-:"}
    align = align.ljust(len(header), "l")
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(marks[a] for a in align) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# ---- sections ----------------------------------------------------------------------------------


def title_of(report: WeeklyReport) -> str:
    return f"Weekly report {report.week} · 学习周报"


def front_matter(report: WeeklyReport) -> str:
    """Hexo and Hugo both read YAML between `---` lines; the date places the post in its week."""
    lines = [
        "---",
        f"title: {yaml_string(title_of(report))}",
        f"date: {_post_date(report)}",
        "tags:",
        *(f"  - {yaml_string(tag)}" for tag in TAGS),
        "categories:",
        *(f"  - {yaml_string(category)}" for category in CATEGORIES),
        f"week: {yaml_string(report.week)}",
        "---",
    ]
    return "\n".join(lines) + "\n"


def _post_date(report: WeeklyReport) -> str:
    """`now`, held inside the week: a report written later still lands in the week it covers."""
    moment = min(max(report.generated_at, report.start), report.end - timedelta(seconds=1))
    return moment.replace(microsecond=0).isoformat()


def _range(report: WeeklyReport) -> str:
    first, last = report.by_day[0].date, report.by_day[-1].date
    return f"{WEEKDAYS[0]} {first.isoformat()} – {WEEKDAYS[6]} {last.isoformat()}"


def _section(title: str, body: str) -> str:
    return f"## {title}\n\n{body}"


def _nothing(what: str = "Nothing this week.") -> str:
    return f"_{what}_\n"


def _totals(report: WeeklyReport) -> str:
    rows = [
        ("Hours · 学习时长", f"{hours_text(report.total_minutes)} ({report.total_minutes} min)"),
        ("Sessions · 学习次数", str(report.sessions)),
        ("Days studied · 学习天数", f"{report.days_studied} / 7"),
        ("Topics started · 新开始", str(len(report.started))),
        ("Topics done · 完成", str(len(report.completed))),
        ("Streak · 连续学习", _streak(report)),
        ("Weekly goal · 周目标", _goal(report)),
    ]
    if report.skipped:
        rows.insert(5, ("Topics skipped · 跳过", str(len(report.skipped))))
    return _section("Totals · 总览", table(("", "This week · 本周"), rows, "lr"))


def _streak(report: WeeklyReport) -> str:
    streak = report.streak
    if not streak.days or streak.end is None:
        return "0 days"
    unit = "day" if streak.days == 1 else "days"
    return f"{streak.days} {unit} (to {streak.end.isoformat()})"


def _goal(report: WeeklyReport) -> str:
    goal = report.goal
    if goal is None:
        return "not set"
    share = round(100 * report.total_minutes / goal.minutes) if goal.minutes else 100
    verdict = "met ✅" if goal.met else "not met"
    return f"{goal.hours:g} h — {verdict} ({share}%)"


def _bar(minutes: int, most: int, width: int = 12) -> str:
    """A text bar for tables: readable in the raw Markdown and in any renderer."""
    if most <= 0 or minutes <= 0:
        return ""
    eighths = max(1, round(width * 8 * minutes / most))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def _per_day(report: WeeklyReport) -> str:
    most = max((d.minutes for d in report.by_day), default=0)
    rows = [
        (
            f"{WEEKDAYS[d.date.weekday()]} {WEEKDAYS_ZH[d.date.weekday()]}",
            d.date.isoformat(),
            str(d.minutes),
            f"{hours(d.minutes):g}",
            str(d.sessions),
            _bar(d.minutes, most),
        )
        for d in report.by_day
    ]
    header = ("Day", "Date", "Minutes", "Hours", "Sessions", "")
    return _section("Hours per day · 每日时长", table(header, rows, "llrrrl"))


def _bucket_rows(buckets: Sequence[Bucket]) -> list[tuple[str, ...]]:
    most = max((b.minutes for b in buckets), default=0)
    total = sum(b.minutes for b in buckets)
    return [
        (
            text(bilingual(b.title, b.title_zh)),
            code(b.id),
            f"{hours(b.minutes):g}",
            f"{round(100 * b.minutes / total)}%" if total else "–",
            _bar(b.minutes, most),
        )
        for b in buckets
    ]


def _per_layer(report: WeeklyReport) -> str:
    body = table(("Layer", "id", "Hours", "Share", ""), _bucket_rows(report.by_layer), "llrrl")
    spent = [b for b in report.by_layer if b.minutes > 0]
    if spent:
        slices = "\n".join(
            f'    "{mermaid_label(bilingual(b.title, b.title_zh))}" : {hours(b.minutes):g}' for b in spent
        )
        body += f"\n```mermaid\npie showData title Hours per layer · 各层时长\n{slices}\n```\n"
    return _section("Hours per layer · 各层时长", body)


def _per_subject(report: WeeklyReport) -> str:
    if not report.by_subject:
        body = _nothing("No time on topics linked to the exam this week.")
    else:
        rows = [row[:3] + row[4:] for row in _bucket_rows(report.by_subject)]
        body = table(("Exam subject", "id", "Hours", ""), rows, "llrl")
        body += (
            "\nA topic's hours count for every exam subject it links to, so the rows add up to "
            "more than the week's total.\n"
        )
    if report.minutes_without_exam:
        body += f"\nTime on AI Infra topics with no exam link: {hours_text(report.minutes_without_exam)}.\n"
    return _section("Hours per exam subject · 各科目时长", body)


def _topic_line(topic: TopicItem, *, show_week: bool = True) -> str:
    facts = [code(topic.id)]
    if topic.layer:
        facts.append(code(topic.layer))
    if topic.hours is not None:
        facts.append(f"estimate {topic.hours:g} h")
    facts.append(f"logged {hours_text(topic.minutes)}")
    if show_week and topic.week_minutes:
        facts.append(f"{hours_text(topic.week_minutes)} this week")
    return f"- **{text(bilingual(topic.title, topic.title_zh))}** ({', '.join(facts)})"


def _completed(report: WeeklyReport) -> str:
    if not report.completed and not report.skipped:
        return _section("Topics completed · 已完成", _nothing())
    lines = [_topic_line(t) for t in report.completed]
    lines += [_topic_line(t) + " — skipped (already known)" for t in report.skipped]
    return _section("Topics completed · 已完成", "\n".join(lines) + "\n")


def _in_progress(report: WeeklyReport) -> str:
    if not report.in_progress:
        return _section("In progress · 进行中", _nothing("No topic in progress."))
    rows = []
    for t in report.in_progress:
        estimate = f"{t.hours:g} h" if t.hours is not None else "–"
        share = f"{min(100, round(100 * t.minutes / (t.hours * 60)))}%" if t.hours else "–"
        rows.append(
            (
                text(bilingual(t.title, t.title_zh)),
                code(t.id),
                hours_text(t.week_minutes),
                hours_text(t.minutes),
                estimate,
                share,
            )
        )
    header = ("Topic", "id", "This week", "Logged", "Estimate", "Done")
    return _section("In progress · 进行中", table(header, rows, "llrrrr"))


def _notes(report: WeeklyReport) -> str:
    if not report.notes:
        return _section("Notes · 笔记", _nothing("No notes this week."))
    rows = [
        (n.date.isoformat(), code(n.topic), text(bilingual(n.title, n.title_zh)), n.kind, text(n.text))
        for n in report.notes
    ]
    return _section("Notes · 笔记", table(("Date", "Topic", "Title", "Kind", "Note"), rows))


def _coverage(report: WeeklyReport) -> str:
    c = report.coverage
    share = f"{round(100 * c.touched / c.total)}%" if c.total else "–"
    body = (
        f"Exam points touched by the topics studied so far: **{c.touched} / {c.total}** ({share}), "
        f"**+{c.new}** this week.\n"
    )
    if c.subjects:
        rows = []
        for s in c.subjects:
            name = text(bilingual(s.title, s.title_zh))
            rows.append(
                (
                    name if s.parent is None else f"↳ {name}",
                    code(s.id),
                    f"{s.touched} / {s.total}",
                    f"{round(100 * s.touched / s.total)}%" if s.total else "–",
                    f"+{s.new}" if s.new else "",
                )
            )
        body += "\n" + table(("Subject", "id", "Touched", "Share", "This week"), rows, "llrrr")
    if c.new_points:
        body += (
            "\nNew this week: "
            + "; ".join(f"{text(bilingual(p.title, p.title_zh))} ({code(p.id)})" for p in c.new_points)
            + "\n"
        )
    return _section("11408 coverage · 考点覆盖", body)


def _plan(report: WeeklyReport) -> str:
    if not report.plan:
        return _section("Next week's plan · 下周计划", _nothing("No plan: everything reachable is done."))
    lines = []
    for i, step in enumerate(report.plan, 1):
        name = text(bilingual(str(step.get("title", step.get("id", ""))), step.get("title_zh")))
        facts = [code(str(step.get("id", "")))]
        if isinstance(step.get("score"), (int, float)):
            facts.append(f"score {step['score']:.2f}")
        line = f"{i}. **{name}** ({', '.join(facts)})"
        reasons = [text(r) for r in step.get("reasons") or []]
        if reasons:
            line += " — " + "; ".join(reasons)
        lines.append(line)
    return _section("Next week's plan · 下周计划", "\n".join(lines) + "\n")
