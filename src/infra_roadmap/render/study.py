"""What the planning commands show: `next`, `path`, the `status` dashboard, Markdown."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

from rich.markup import escape
from rich.text import Text

from infra_roadmap import textsafe
from infra_roadmap.i18n import name, plural, say
from infra_roadmap.render.console import emit_blocks, message, out, safe
from infra_roadmap.render.labels import (
    hours,
    minutes,
    no_minutes,
    short_title,
    status_cell,
    status_text,
    title,
    title_cell,
)
from infra_roadmap.render.table import Column, table


def next_table(
    rows: Sequence[dict[str, Any]],
    lang: str,
    weights: Mapping[str, float] | None = None,
    days_left: int | None = None,
) -> None:
    """`next`: each topic with its reasons; with `weights`, every term as value × weight."""
    parts: list[tuple[int, Any]] = []
    for rank, row in enumerate(rows, start=1):
        head = Text()
        head.append(f"{rank:>2}  ", style="bold")
        head.append(title(row, lang), style="bold")
        head.append(f"  {textsafe.line(row['id'])}", style="dim cyan")
        if row.get("kind") == "review":
            head.append(f"  {say('screen.next.review', lang)}  ", style="magenta")
        else:
            head.append(f"  {hours(row['hours'], lang)}  ")
        head.append_text(status_text(row["status"], lang))
        if weights is not None:
            head.append("  " + say("screen.next.score", lang, score=f"{row['score']:.2f}"), style="yellow")
        parts.append((0, head))
        for i, reason in enumerate(row["reasons"]):
            parts.append((4, safe(("· " if i else "→ ") + reason, "" if i == 0 else "dim")))
        if weights is not None:
            from rich.cells import cell_len

            labels = {term: name("screen.next.term", term, lang) for term in row["terms"]}
            room = max(12, *(cell_len(label) for label in labels.values()))
            for term, contribution in row["terms"].items():
                label = " " * (room - cell_len(labels[term])) + labels[term]
                parts.append(
                    (6, Text(f"{label} {row['values'][term]:.2f} × {weights[term]:g} = {contribution:.2f}"))
                )
        parts.append((0, Text()))
    emit_blocks(parts)
    if days_left is not None and days_left >= 0:
        when = (
            say("reason.exam_today", lang)
            if days_left == 0
            else plural("screen.next.exam_in", lang, days_left)
        )
        message(f"[dim]{escape(say('screen.next.footer', lang, when=when))}[/dim]")


def path(data: dict[str, Any], lang: str) -> None:
    if not data["steps"]:
        message(escape(say("screen.path.all_done", lang, target=title(data, lang))))
        return
    cells = [
        [
            str(i),
            step["id"],
            title_cell(step, lang),
            step["layer"],
            hours(step["hours"], lang),
            status_cell(step["status"], lang),
        ]
        for i, step in enumerate(data["steps"], start=1)
    ]
    table(
        [
            Column("#", "right"),
            Column(say("screen.table.id", lang), style="cyan"),
            Column(say("screen.table.title", lang), flex=True),
            Column(say("screen.table.layer", lang), style="magenta"),
            Column(say("screen.table.hours", lang), "right"),
            Column(say("screen.table.status", lang)),
        ],
        cells,
    )
    summary = plural(
        "screen.path.summary",
        lang,
        len(data["steps"]),
        target=textsafe.line(data["target"]),
        hours=f"{data['hours']:g}",
    )
    message(escape(summary))


def reviews(rows: Sequence[dict[str, Any]], lang: str, *, scheduled: int, due_only: bool) -> None:
    """`review`: the topics to review, lowest recall first."""
    if not rows:
        if not scheduled:
            message(say("screen.review.nothing", lang))
        else:
            message(plural("screen.review.none_due", lang, scheduled))
        return

    def percent(value: float | None) -> str:
        return "–" if value is None else f"{value:.0%}"

    cells = [
        [
            row["id"],
            title_cell(row, lang),
            row["due"][:10],
            percent(row["recall_now"]),
            percent(row["recall_at_exam"]),
            str(row["reviews"]),
        ]
        for row in rows
    ]
    table(
        [
            Column(say("screen.table.id", lang), style="cyan"),
            Column(say("screen.table.title", lang), flex=True),
            Column(say("screen.review.due", lang)),
            Column(say("screen.review.recall", lang), "right"),
            Column(say("screen.review.exam_day", lang), "right"),
            Column(say("screen.review.reviews", lang), "right"),
        ],
        cells,
    )
    footer = say(
        "screen.review.footer_due" if due_only else "screen.review.footer_scheduled", lang, count=len(rows)
    )
    message(f"[dim]{escape(footer)}[/dim]")


def reviewed(topic: dict[str, Any], rating: str, due: datetime | None, tz: tzinfo, lang: str) -> None:
    named = f"{title(topic, lang)} ({textsafe.line(topic['id'])})"
    said = say("screen.review.recorded", lang, name=named, rating=name("rating", rating, lang))
    if due:
        said += say("screen.review.next", lang, date=due.astimezone(tz).date().isoformat())
    message(escape(said))


def _meter(share: float, width: int = 24, touched: float = 0.0) -> Text:
    """A bar: the share in full blocks, what is touched beyond it in light shade."""
    filled = round(share * width)
    seen = max(0, round(max(share, touched) * width) - filled)
    bar = Text("█" * filled, style="green")
    bar.append("▒" * seen, style="yellow")
    bar.append("░" * (width - filled - seen), style="dim")
    return bar


HEAT = (
    (0, "·", "dim"),
    (1, "▪", "green4"),
    (30, "▪", "green3"),
    (60, "■", "green1"),
    (120, "■", "bold bright_green"),
)


def dashboard(d: dict[str, Any], lang: str, pace_line: str = "") -> None:
    from rich.cells import cell_len, set_cell_size

    def pad(text: str, width: int) -> str:
        return set_cell_size(text, width) if cell_len(text) > width else text + " " * (width - cell_len(text))

    lines: list[Text] = []
    add = lines.append
    t, h = d["topics"], d["hours"]
    add(
        Text.assemble(
            (say("screen.status.progress", lang), "bold"),
            "  " + say("screen.status.topics", lang, done=t["done"], total=t["total"]),
        )
    )
    add(Text("  ").append_text(_meter(t["share"], 40)).append(f" {t['share']:.0%}"))
    logged = minutes(d["total_minutes"], lang) or no_minutes(lang)
    add(
        Text(
            "  " + say("screen.status.logged", lang, logged=logged, hours=f"{h['estimated_left']:g}"),
            style="dim",
        )
    )
    if d.get("clock"):
        from infra_roadmap.render.progress import clock_line

        add(
            Text(
                "  " + say("screen.clock.hint", lang, clock=clock_line(d["clock"], lang)),
                style="bold magenta",
            )
        )

    def section(
        heading: str,
        items: Sequence[dict[str, Any]],
        label: Callable[[dict[str, Any]], str],
        count: Callable[[dict[str, Any]], str],
    ) -> None:
        add(Text())
        add(Text(say(heading, lang), style="bold"))
        labels = [textsafe.line(label(item)) for item in items]
        width = min(36, max((cell_len(text) for text in labels), default=0))
        for text, item in zip(labels, items, strict=True):
            bar = _meter(
                item["share"], touched=item.get("touched", 0) / item["total"] if item.get("total") else 0
            )
            add(Text("  " + pad(text, width) + " ").append_text(bar).append(count(item)))

    def done(item: dict[str, Any]) -> str:
        return f" {item['done']:>3}/{item['total']}"

    def points(item: dict[str, Any]) -> str:
        covered = f"{item['covered']:>2}"
        return " " + say(
            "screen.status.points", lang, covered=covered, total=item["total"], touched=item["touched"]
        )

    def subject(item: dict[str, Any]) -> str:
        return f"{item['id']} {short_title(item, lang)}"

    section("screen.status.by_layer", d["layers"], lambda i: f"{i['id']:<12}{short_title(i, lang)}", done)
    section("screen.status.by_subject", d["subjects"], subject, points)
    section("screen.status.by_discipline", d["disciplines"], lambda i: short_title(i, lang), done)
    recalled = [item for item in d["subjects"] if item.get("recall_at_exam") is not None]
    if recalled:
        section(
            "screen.status.recall",
            [{**item, "share": item["recall_at_exam"]} for item in recalled],
            subject,
            lambda i: f" {i['recall_at_exam']:.0%}",
        )
    keys = ("reviews_label", "week_label", "streak_label", "exam_label", "pace_label")
    room = max(cell_len(say(f"screen.status.{key}", lang)) for key in keys) + 2

    def labelled(key: str) -> Text:
        return Text(pad(say(f"screen.status.{key}", lang), room))

    r = d["reviews"]
    if r["scheduled"]:
        add(Text())
        reviews = say(
            "screen.status.reviews",
            lang,
            today=r["due_today"],
            week=r["due_this_week"],
            scheduled=r["scheduled"],
        )
        add(labelled("reviews_label").append(reviews))
    week = d["week"]
    goal = week["goal_minutes"]
    share = min(1.0, week["minutes"] / goal) if goal else 0.0
    spent = say(
        "screen.status.week",
        lang,
        done=minutes(week["minutes"], lang) or no_minutes(lang),
        goal=minutes(goal, lang) or no_minutes(lang),
    )
    add(Text())
    add(
        labelled("week_label")
        .append_text(_meter(share))
        .append(f" {spent}" + ("  " + say("screen.status.goal_met", lang) if week["met"] else ""))
    )
    add(labelled("streak_label").append(plural("screen.status.streak", lang, d["streak_days"])))
    left = d["days_to_exam"]
    if left == 0:
        exam = say("screen.status.exam_today", lang, date=d["exam_date"])
    elif left > 0:
        exam = plural("screen.status.exam_left", lang, left, date=d["exam_date"])
    else:
        exam = plural("screen.status.exam_passed", lang, -left, date=d["exam_date"])
    add(labelled("exam_label").append(exam))
    if pace_line:
        add(labelled("pace_label").append_text(safe(pace_line)))
    add(Text())
    add(
        Text.assemble(
            (say("screen.status.heatmap", lang), "bold"), (say("screen.status.heatmap_unit", lang), "dim")
        )
    )
    cells = d["heatmap"]
    columns = [cells[i : i + 7] for i in range(0, len(cells), 7)]
    days = [say(f"weekday.{weekday}", lang) if weekday % 2 == 0 else "" for weekday in range(7)]
    day_room = max(cell_len(day) for day in days) + 1
    for weekday, day in enumerate(days):
        line = Text(f"  {pad(day, day_room)}")
        for col in columns:
            if weekday < len(col):
                m = col[weekday]["minutes"]
                glyph, style = next((g, st) for lim, g, st in reversed(HEAT) if m >= lim)
                line.append(glyph + " ", style=style)
        add(line)
    add(
        Text(f"  {say('screen.status.less', lang)} ", style="dim")
        .append("· ▪ ▪ ■ ■", style="green")
        .append(f" {say('screen.status.more', lang)}", style="dim")
    )
    joined = Text("\n").join(lines)
    out().print(joined, no_wrap=True, overflow="ellipsis")


def markdown(text: str) -> None:
    """Markdown shown in a terminal: front matter as a dim block, the rest rendered by Rich."""
    from rich.markdown import Markdown

    body = text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            out().print(Text(textsafe.for_terminal(text[: end + 5]), style="dim"))
            body = text[end + 5 :]
    out().print(Markdown(textsafe.for_terminal(body)))
