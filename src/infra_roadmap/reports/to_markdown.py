"""The weekly report as Markdown for a blog: YAML front matter that Hexo and Hugo accept, then
GitHub-flavoured tables and a Mermaid pie of hours per layer, every label in the user's `lang`.

With front matter the page has no `# title` line: Hexo and Hugo themes print the front matter's
title as the post's heading already, and a second H1 would repeat it.

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
from infra_roadmap.i18n import plural, say
from infra_roadmap.reports.model import Bucket, Goal, TopicItem, WeeklyReport
from infra_roadmap.reports.text import hours, hours_text, join_reasons, kind, name, share, weekday

TAGS = ("infra-roadmap", "11408", "AI Infra")

_MARKUP = re.compile(r"([\\`*_\[\]|~])")  # characters Markdown would read as syntax inside a line
_BLOCK_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])")  # a heading, list item or setext underline
_PLAIN_ID = re.compile(r"[A-Za-z0-9._\-]+")


def render(report: WeeklyReport, lang: str, *, with_front_matter: bool = True) -> str:
    """The page; `with_front_matter=False` gives a plain document that opens with its own H1."""
    span = f"{text(week_range(report, lang))} · {text(report.tz)}\n"
    opening = (
        [front_matter(report, lang), span]
        if with_front_matter
        else [f"# {text(title_of(report, lang))}\n\n{span}"]
    )
    parts = [
        *opening,
        _totals(report, lang),
        _per_day(report, lang),
        _per_layer(report, lang),
        _per_subject(report, lang),
        _completed(report, lang),
        _in_progress(report, lang),
        _notes(report, lang),
        _coverage(report, lang),
        _plan(report, lang),
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


def title_of(report: WeeklyReport, lang: str) -> str:
    """'Weekly report 2026-W46' (en), '2026-W46 学习周报' (zh), both names side by side (both)."""
    if lang == "both":
        return f"{say('report.title', 'en', week=report.week)} · {say('report.name', 'zh')}"
    return say("report.title", lang, week=report.week)


def week_range(report: WeeklyReport, lang: str) -> str:
    """'Mon 2026-11-09 – Sun 2026-11-15': absolute dates, as a page read later needs."""
    first, last = report.by_day[0].date, report.by_day[-1].date
    return f"{weekday(first.weekday(), lang)} {first.isoformat()} – {weekday(last.weekday(), lang)} {last.isoformat()}"


def front_matter(report: WeeklyReport, lang: str) -> str:
    """Hexo and Hugo both read YAML between `---` lines; the date places the post in its week."""
    category = say("report.name", "zh" if lang == "both" else lang)
    lines = [
        "---",
        f"title: {yaml_string(title_of(report, lang))}",
        f"date: {_post_date(report)}",
        "tags:",
        *(f"  - {yaml_string(tag)}" for tag in TAGS),
        "categories:",
        f"  - {yaml_string(category)}",
        f"week: {yaml_string(report.week)}",
        "---",
    ]
    return "\n".join(lines) + "\n"


def _post_date(report: WeeklyReport) -> str:
    """`now`, held inside the week: a report written later still lands in the week it covers."""
    moment = min(max(report.generated_at, report.start), report.end - timedelta(seconds=1))
    return moment.replace(microsecond=0).isoformat()


def _header(lang: str, *keys: str) -> list[str]:
    """Column labels in `lang`; an empty key is a column without a label (the bars)."""
    return [say(f"report.{key}", lang) if key else "" for key in keys]


def _section(title: str, body: str) -> str:
    return f"## {title}\n\n{body}"


def _nothing(what: str) -> str:
    return f"_{what}_\n"


def _totals(report: WeeklyReport, lang: str) -> str:
    rows = [
        (
            say("report.hours", lang),
            say(
                "report.hours_minutes",
                lang,
                hours=hours_text(report.total_minutes, lang),
                minutes=report.total_minutes,
            ),
        ),
        (say("report.sessions", lang), str(report.sessions)),
        (say("report.days_studied", lang), say("report.days_of_week", lang, count=report.days_studied)),
        (say("report.started", lang), str(len(report.started))),
        (say("report.done", lang), str(len(report.completed))),
        (say("report.streak", lang), _streak(report, lang)),
        (say("report.goal", lang), goal_text(report.goal, lang)),
    ]
    if report.skipped:
        rows.insert(5, (say("report.skipped", lang), str(len(report.skipped))))
    return _section(say("report.totals", lang), table(("", say("report.this_week", lang)), rows, "lr"))


def _streak(report: WeeklyReport, lang: str) -> str:
    streak = report.streak
    if not streak.days or streak.end is None:
        return say("report.streak_none", lang)
    return plural("report.streak_to", lang, streak.days, end=streak.end.isoformat())


def goal_text(goal: Goal | None, lang: str) -> str:
    """'25 h — met ✅ (104%)' for a finished week; 'on pace' / 'behind pace' while it runs."""
    if goal is None:
        return say("report.goal_unset", lang)
    target = hours_text(goal.minutes, lang)
    if goal.finished:
        key = "report.goal_met" if goal.met else "report.goal_not_met"
        return say(key, lang, goal=target, share=share(goal.logged_minutes, goal.minutes))
    return say(
        f"report.goal_{goal.status}",
        lang,
        goal=target,
        logged=hours_text(goal.logged_minutes, lang),
        expected=hours_text(goal.expected_minutes, lang),
    )


def _bar(minutes: int, most: int, width: int = 12) -> str:
    """A text bar for tables: readable in the raw Markdown and in any renderer."""
    if most <= 0 or minutes <= 0:
        return ""
    eighths = max(1, round(width * 8 * minutes / most))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def _per_day(report: WeeklyReport, lang: str) -> str:
    most = max((d.minutes for d in report.by_day), default=0)
    rows = [
        (
            weekday(d.date.weekday(), lang),
            d.date.isoformat(),
            str(d.minutes),
            f"{hours(d.minutes):g}",
            str(d.sessions),
            _bar(d.minutes, most),
        )
        for d in report.by_day
    ]
    header = _header(lang, "day", "date", "minutes", "hours_column", "sessions", "")
    return _section(say("report.per_day", lang), table(header, rows, "llrrrl"))


def _bucket_rows(buckets: Sequence[Bucket], lang: str) -> list[tuple[str, ...]]:
    most = max((b.minutes for b in buckets), default=0)
    total = sum(b.minutes for b in buckets)
    return [
        (
            text(name(b.title, b.title_zh, lang)),
            code(b.id),
            f"{hours(b.minutes):g}",
            share(b.minutes, total),
            _bar(b.minutes, most),
        )
        for b in buckets
    ]


def _per_layer(report: WeeklyReport, lang: str) -> str:
    header = _header(lang, "layer", "id", "hours_column", "share", "")
    body = table(header, _bucket_rows(report.by_layer, lang), "llrrl")
    spent = [b for b in report.by_layer if b.minutes > 0]
    title = say("report.per_layer", lang)
    if spent:
        slices = "\n".join(
            f'    "{mermaid_label(name(b.title, b.title_zh, lang))}" : {hours(b.minutes):g}' for b in spent
        )
        body += f"\n```mermaid\npie showData title {mermaid_label(title)}\n{slices}\n```\n"
    return _section(title, body)


def _per_subject(report: WeeklyReport, lang: str) -> str:
    if not report.by_subject:
        body = _nothing(say("report.no_exam_time", lang))
    else:
        rows = [row[:3] + row[4:] for row in _bucket_rows(report.by_subject, lang)]
        header = _header(lang, "subject", "id", "hours_column", "")
        body = table(header, rows, "llrl")
        body += f"\n{say('report.subject_rule', lang)}\n"
    if report.minutes_without_exam:
        body += f"\n{say('report.without_exam', lang, hours=hours_text(report.minutes_without_exam, lang))}\n"
    return _section(say("report.per_subject", lang), body)


def _topic_line(topic: TopicItem, lang: str) -> str:
    facts = [code(topic.id)]
    if topic.layer:
        facts.append(code(topic.layer))
    facts.append(say("report.logged", lang, hours=hours_text(topic.minutes, lang)))
    if topic.week_minutes:
        facts.append(say("report.week_hours", lang, hours=hours_text(topic.week_minutes, lang)))
    if topic.hours is not None:  # the estimate stands apart from the hours logged
        facts.append(say("report.estimate", lang, hours=hours_text(topic.hours * 60, lang)))
    listed = say("report.sep", lang).join(facts)
    return f"- **{text(name(topic.title, topic.title_zh, lang))}**{say('report.facts', lang, facts=listed)}"


def _completed(report: WeeklyReport, lang: str) -> str:
    title = say("report.completed", lang)
    if not report.completed and not report.skipped:
        return _section(title, _nothing(say("report.nothing_done", lang)))
    lines = [_topic_line(t, lang) for t in report.completed]
    lines += [_topic_line(t, lang) + say("report.skipped_known", lang) for t in report.skipped]
    return _section(title, "\n".join(lines) + "\n")


def _in_progress(report: WeeklyReport, lang: str) -> str:
    title = say("report.in_progress", lang)
    if not report.in_progress:
        return _section(title, _nothing(say("report.no_in_progress", lang)))
    rows = []
    for t in report.in_progress:
        estimate = hours_text(t.hours * 60, lang) if t.hours is not None else "–"
        rows.append(
            (
                text(name(t.title, t.title_zh, lang)),
                code(t.id),
                hours_text(t.week_minutes, lang),
                hours_text(t.minutes, lang),
                estimate,
            )
        )
    header = _header(lang, "topic", "id", "this_week", "logged_column", "estimate_column")
    return _section(title, table(header, rows, "llrrr"))


def _notes(report: WeeklyReport, lang: str) -> str:
    title = say("report.notes", lang)
    if not report.notes:
        return _section(title, _nothing(say("report.no_notes", lang)))
    rows = [
        (
            n.date.isoformat(),
            code(n.topic),
            text(name(n.title, n.title_zh, lang)),
            kind(n.kind, lang),
            text(n.text),
        )
        for n in report.notes
    ]
    header = _header(lang, "date", "topic", "title_column", "kind", "note")
    return _section(title, table(header, rows))


def _coverage(report: WeeklyReport, lang: str) -> str:
    c = report.coverage
    body = (
        say(
            "report.covered_line",
            lang,
            count=f"**{c.covered}**",
            total=c.total,
            share=share(c.covered, c.total),
            new=c.new_covered,
        )
        + "\n\n"
        + say(
            "report.touched_line",
            lang,
            count=f"**{c.touched}**",
            total=c.total,
            share=share(c.touched, c.total),
            new=c.new,
        )
        + "\n"
    )
    if c.subjects:
        rows = []
        for s in c.subjects:
            label = text(name(s.title, s.title_zh, lang))
            rows.append(
                (
                    label if s.parent is None else f"↳ {label}",
                    code(s.id),
                    f"{s.covered} / {s.total}",
                    f"{s.touched} / {s.total}",
                    f"+{s.new}" if s.new else "",
                )
            )
        header = _header(lang, "subject", "id", "covered", "touched", "touched_new")
        body += "\n" + table(header, rows, "llrrr")
    if c.new_points:
        points = say("report.reason_sep", lang).join(
            f"{text(name(p.title, p.title_zh, lang))} ({code(p.id)})" for p in c.new_points
        )
        body += "\n" + say("report.new_points", lang, points=points) + "\n"
    return _section(say("report.coverage", lang), body)


def _plan(report: WeeklyReport, lang: str) -> str:
    """The top of `next`; its scores are an internal ranking, not something to publish."""
    title = say("report.plan", lang)
    if not report.plan:
        return _section(title, _nothing(say("report.no_plan", lang)))
    lines = []
    for i, step in enumerate(report.plan, 1):
        tid = str(step.get("id", ""))
        label = text(name(str(step.get("title") or tid), step.get("title_zh"), lang))
        line = f"{i}. **{label}**{say('report.facts', lang, facts=code(tid))}"
        reasons = join_reasons(step.get("reasons") or [], lang)
        if reasons:
            line += f" — {text(reasons)}"
        lines.append(line)
    return _section(title, "\n".join(lines) + "\n")
