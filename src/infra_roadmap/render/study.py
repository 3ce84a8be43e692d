"""What the planning commands show: `next`, `path`, the `status` dashboard, Markdown."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

from rich.markup import escape
from rich.text import Text

from infra_roadmap import textsafe
from infra_roadmap.render.console import emit_blocks, message, out, safe
from infra_roadmap.render.labels import hours, minutes, status_cell, status_text, title, title_cell
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
            head.append("  ↻ review  ", style="magenta")
        else:
            head.append(f"  {hours(row['hours'])}  ")
        head.append_text(status_text(row["status"]))
        if weights is not None:
            head.append(f"  score {row['score']:.2f}", style="yellow")
        parts.append((0, head))
        for i, reason in enumerate(row["reasons"]):
            parts.append((4, safe(("· " if i else "→ ") + reason, "" if i == 0 else "dim")))
        if weights is not None:
            for name, contribution in row["terms"].items():
                parts.append(
                    (
                        6,
                        Text(
                            f"{name:>12} {row['values'][name]:.2f} × {weights[name]:g} = {contribution:.2f}"
                        ),
                    )
                )
        parts.append((0, Text()))
    emit_blocks(parts)
    if days_left is not None and days_left >= 0:
        when = "the exam is today" if days_left == 0 else f"{days_left} days to the exam"
        message(f"[dim]{when} · roadmap next --explain shows how each score is made[/dim]")


def path(data: dict[str, Any], lang: str) -> None:
    if not data["steps"]:
        message(f"{escape(title(data, lang))} and everything it needs are done.")
        return
    cells = [
        [
            str(i),
            step["id"],
            title_cell(step, lang),
            step["layer"],
            hours(step["hours"]),
            status_cell(step["status"]),
        ]
        for i, step in enumerate(data["steps"], start=1)
    ]
    table(
        [
            Column("#", "right"),
            Column("id", style="cyan"),
            Column("title", flex=True),
            Column("layer", style="magenta"),
            Column("hours", "right"),
            Column("status"),
        ],
        cells,
    )
    message(
        f"{len(data['steps'])} steps to {escape(textsafe.line(data['target']))}, {data['hours']:g} hours in all"
    )


def reviews(rows: Sequence[dict[str, Any]], lang: str, *, scheduled: int, due_only: bool) -> None:
    """`review`: the topics to review, lowest recall first."""
    if not rows:
        if not scheduled:
            message("Nothing to review yet: a topic is scheduled for review once it is done or skipped.")
        else:
            message(
                f"No review is due. {scheduled} topic(s) are scheduled; 'roadmap review --all' lists them."
            )
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
            Column("id", style="cyan"),
            Column("title", flex=True),
            Column("due"),
            Column("recall", "right"),
            Column("exam day", "right"),
            Column("reviews", "right"),
        ],
        cells,
    )
    what = "due" if due_only else "scheduled"
    message(f"[dim]{len(rows)} {what} · record one with 'roadmap review TOPIC again|hard|good|easy'[/dim]")


def reviewed(topic: dict[str, Any], rating: str, due: datetime | None, tz: tzinfo, lang: str) -> None:
    name = escape(f"{title(topic, lang)} ({textsafe.line(topic['id'])})")
    nxt = f"; next review {due.astimezone(tz).date().isoformat()}" if due else ""
    message(f"Reviewed {name}: {rating}{nxt}")


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

    lines: list[Text] = []
    add = lines.append
    t, h = d["topics"], d["hours"]
    add(Text.assemble(("Progress", "bold"), f"  {t['done']}/{t['total']} topics done or skipped"))
    add(Text("  ").append_text(_meter(t["share"], 40)).append(f" {t['share']:.0%}"))
    logged = minutes(d["total_minutes"]) or "0m"
    add(
        Text(
            f"  {logged} logged in all · about {h['estimated_left']:g} h estimated for what is left",
            style="dim",
        )
    )
    if d.get("clock"):
        from infra_roadmap.render.progress import clock_line

        add(Text(f"  {clock_line(d['clock'], lang)} · 'roadmap stop' logs it", style="bold magenta"))

    def section(
        heading: str,
        items: Sequence[dict[str, Any]],
        label: Callable[[dict[str, Any]], str],
        count: Callable[[dict[str, Any]], str],
    ) -> None:
        add(Text())
        add(Text(heading, style="bold"))
        labels = [textsafe.line(label(item)) for item in items]
        width = min(36, max((cell_len(text) for text in labels), default=0))
        for text, item in zip(labels, items, strict=True):
            text = (
                set_cell_size(text, width)
                if cell_len(text) > width
                else text + " " * (width - cell_len(text))
            )
            bar = _meter(
                item["share"], touched=item.get("touched", 0) / item["total"] if item.get("total") else 0
            )
            add(Text("  " + text + " ").append_text(bar).append(count(item)))

    def done(item: dict[str, Any]) -> str:
        return f" {item['done']:>3}/{item['total']}"

    def points(item: dict[str, Any]) -> str:
        return f" {item['covered']:>2}/{item['total']} covered · {item['touched']} touched"

    section(
        "By layer",
        d["layers"],
        lambda i: f"{i['id']:<12}{i['title'] if lang == 'en' else i['title_zh']}",
        done,
    )
    section(
        "By exam subject (syllabus points covered ██ and touched ▒▒)",
        d["subjects"],
        lambda i: f"{i['id']} {i['title_zh'] if lang != 'en' else i['title']}",
        points,
    )
    section("By discipline", d["disciplines"], lambda i: i["title_zh"] if lang == "zh" else i["title"], done)
    recalled = [item for item in d["subjects"] if item.get("recall_at_exam") is not None]
    if recalled:
        section(
            "Recall on exam day (covered points, FSRS)",
            [{**item, "share": item["recall_at_exam"]} for item in recalled],
            lambda i: f"{i['id']} {i['title_zh'] if lang != 'en' else i['title']}",
            lambda i: f" {i['recall_at_exam']:.0%}",
        )
    r = d["reviews"]
    if r["scheduled"]:
        add(Text())
        add(
            Text(
                f"Reviews    {r['due_today']} due today · {r['due_this_week']} this week · "
                f"{r['scheduled']} scheduled ('roadmap review')"
            )
        )
    week = d["week"]
    goal = week["goal_minutes"]
    share = min(1.0, week["minutes"] / goal) if goal else 0.0
    add(Text())
    add(
        Text("This week  ")
        .append_text(_meter(share))
        .append(
            f" {minutes(week['minutes']) or '0m'} of {minutes(goal) or '0m'}"
            + ("  goal met ✓" if week["met"] else "")
        )
    )
    add(Text(f"Streak     {d['streak_days']} day{'s' if d['streak_days'] != 1 else ''}"))
    left = d["days_to_exam"]
    add(
        Text(
            f"Exam       {d['exam_date']} · "
            + (
                "today, good luck!"
                if left == 0
                else f"{left} days to go"
                if left > 0
                else f"passed {-left} days ago (config unset exam-date)"
            )
        )
    )
    if pace_line:
        add(safe(f"Pace       {pace_line}"))
    add(Text())
    add(Text.assemble(("Last 12 weeks", "bold"), (" (minutes per day)", "dim")))
    cells = d["heatmap"]
    columns = [cells[i : i + 7] for i in range(0, len(cells), 7)]
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        line = Text(f"  {name:<4}")
        for col in columns:
            if weekday < len(col):
                m = col[weekday]["minutes"]
                glyph, style = next((g, st) for lim, g, st in reversed(HEAT) if m >= lim)
                line.append(glyph + " ", style=style)
        add(line)
    add(Text("  less ", style="dim").append("· ▪ ▪ ■ ■", style="green").append(" more", style="dim"))
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
