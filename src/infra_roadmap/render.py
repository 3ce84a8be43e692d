"""Everything the user sees: Rich tables, trees and panels, JSON on stdout, one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

STATUS_MARK = {"todo": "○", "in_progress": "◐", "done": "●", "skipped": "⊘"}
STATUS_STYLE = {"todo": "dim", "in_progress": "yellow", "done": "green", "skipped": "cyan"}
STATUS_LABEL = {"todo": "todo", "in_progress": "in progress", "done": "done", "skipped": "skipped"}

_out: Console | None = None
_err: Console | None = None


def out() -> Console:
    global _out
    if _out is None:
        _out = Console(highlight=False)
    return _out


def err() -> Console:
    global _err
    if _err is None:
        _err = Console(stderr=True, highlight=False)
    return _err


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def emit_text(text: str) -> None:
    sys.stdout.write(text)


def error(message: str) -> None:
    """One line on stderr, plain, whatever the terminal."""
    sys.stderr.write(f"Error: {message}\n")


def message(text: str) -> None:
    err().print(text)


def title(row: dict[str, Any], lang: str = "both") -> str:
    en, zh = row.get("title", ""), row.get("title_zh") or ""
    if lang == "en" or not zh:
        return en
    if lang == "zh":
        return zh
    return f"{en} · {zh}"


def status_text(status: str) -> Text:
    return Text(f"{STATUS_MARK.get(status, '?')} {STATUS_LABEL.get(status, status)}", style=STATUS_STYLE.get(status, ""))


def hours(value: float) -> str:
    return f"{value:g}h"


def minutes(value: int) -> str:
    if not value:
        return ""
    h, m = divmod(int(value), 60)
    return f"{h}h{m:02d}m" if h else f"{m}m"


def topic_table(rows: Sequence[dict[str, Any]], lang: str = "both") -> None:
    if not rows:
        message("No topics match.")
        return
    show_layer = len({r["layer"] for r in rows}) > 1
    show_logged = any(r.get("minutes") for r in rows)
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title", ratio=1)
    if show_layer:
        table.add_column("layer", style="magenta", no_wrap=True)
    table.add_column("hours", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    if show_logged:
        table.add_column("logged", justify="right", no_wrap=True)
    for row in rows:
        cells = [row["id"], title(row, lang)]
        if show_layer:
            cells.append(row["layer"])
        cells += [hours(row["hours"]), status_text(row["status"])]
        if show_logged:
            cells.append(minutes(row.get("minutes", 0)))
        table.add_row(*cells)
    out().print(table)
    done = sum(1 for r in rows if r["status"] in ("done", "skipped"))
    message(f"[dim]{len(rows)} topics, {done} done or skipped[/dim]")


def layer_tree(layers: Sequence[dict[str, Any]], lang: str = "both") -> None:
    root = Tree("[bold]AI Infra × 11408 roadmap[/bold]", guide_style="dim")
    for layer in layers:
        topics = layer["topics"]
        finished = sum(1 for t in topics if t["status"] in ("done", "skipped"))
        branch = root.add(f"[bold magenta]{escape(title(layer, lang))}[/bold magenta] [dim]{finished}/{len(topics)}[/dim]")
        for topic in topics:
            line = Text()
            line.append(STATUS_MARK[topic["status"]] + " ", style=STATUS_STYLE[topic["status"]])
            line.append(title(topic, lang))
            line.append(f"  {topic['id']}", style="dim cyan")
            if topic.get("exam"):
                line.append("  " + " ".join(topic["exam"]), style="dim yellow")
            branch.add(line)
    out().print(root)


def topic_detail(d: dict[str, Any], lang: str = "both") -> None:
    c = out()
    c.print(f"[bold]{escape(d['title'])}[/bold]  [bold]{escape(d['title_zh'])}[/bold]")
    meta = Text()
    meta.append(d["id"], style="cyan")
    meta.append(f"  ·  {d['layer_title']} {d['layer_title_zh']}  ·  {d['level']}  ·  {hours(d['hours'])}")
    if d["directions"]:
        meta.append("  ·  " + ", ".join(d["directions"]))
    c.print(meta)
    status = status_text(d["status"])
    if d["minutes"]:
        status.append(f"  ({minutes(d['minutes'])} logged)", style="dim")
    c.print(Text("status: ").append(status))
    c.print(f"disciplines: {', '.join(d['disciplines'])}")
    if d["aliases"]:
        c.print(f"[dim]formerly: {', '.join(d['aliases'])}[/dim]")
    c.print()
    c.print(Text(d["summary"]))

    def topics_section(heading: str, items: Iterable[dict[str, Any]], extra: str = "") -> None:
        items = list(items)
        c.print()
        c.print(f"[bold]{heading}[/bold]{extra}")
        if not items:
            c.print("  [dim]none[/dim]")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for item in items:
            line = Text(title(item, lang))
            line.append(f"  {item['id']}", style="dim cyan")
            grid.add_row(Text("  " + STATUS_MARK[item["status"]], style=STATUS_STYLE[item["status"]]), line)
        if items:
            c.print(grid)

    topics_section("Requires", d["requires"])
    more = d["unlocks_total"] - len(d["unlocks"])
    topics_section("Unlocks", d["unlocks"], f" [dim]({d['unlocks_total']} in all)[/dim]" if more else "")
    c.print()
    c.print("[bold]11408 exam links[/bold]")
    if not d["exam"]:
        c.print("  [dim]none[/dim]")
    for link in d["exam"]:
        stars = "★" * link["weight"] + "☆" * (3 - link["weight"])
        c.print(f"  [yellow]{stars}[/yellow] {escape(link['subject_title_zh'] or '')} · "
                f"{escape(link['title_zh'])} [dim]({escape(link['point'])})[/dim]")
        c.print(Padding(Text(link["why"], style="italic"), (0, 0, 0, 6)))
    c.print()
    c.print("[bold]Resources[/bold]")
    if not d["resources"]:
        c.print("  [dim]none[/dim]")
    for r in d["resources"]:
        extra = ", ".join(str(x) for x in (r.get("venue"), r.get("year")) if x)
        label = escape(r["title"]) + (f" [dim]({escape(extra)})[/dim]" if extra else "")
        c.print(Padding(Text.from_markup(f"[dim]{r['kind']:<7}[/dim] [link={r['url']}]{label}[/link]"), (0, 0, 0, 2)))
        c.print(Padding(Text(r["url"], style="dim"), (0, 0, 0, 10)))


def search_results(rows: Sequence[dict[str, Any]], query: str, lang: str = "both") -> None:
    if not rows:
        message(f"Nothing matches '{escape(query)}'.")
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title")
    table.add_column("what", style="magenta")
    for row in rows:
        if "kind" in row:
            table.add_row(row["id"], Text.from_markup(f"[link={row['url']}]{escape(row['title'])}[/link]"), row["kind"])
        else:
            table.add_row(row["id"], title(row, lang), f"{row['layer']} topic")
    out().print(table)


def problems(items: Sequence[Any]) -> None:
    for item in items:
        sys.stdout.write(f"{item}\n")


# ---- progress ---------------------------------------------------------------------------------

_VERB = {"start": "Started", "done": "Done", "skip": "Skipped", "reset": "Reset"}


def change(c: Any, lang: str = "both") -> None:
    name = f"{title({'title': c.topic.title, 'title_zh': c.topic.title_zh}, lang)} ({c.topic.id})"
    if c.recorded:
        message(f"{_VERB[c.kind]}: {escape(name)} [dim]{STATUS_LABEL[c.before]} → {STATUS_LABEL[c.after]}[/dim]")
    else:
        message(f"[dim]{escape(name)} is already {STATUS_LABEL[c.after]}; nothing to change[/dim]")


def logged(topic: Any, added: int, before: Any, after: Any, lang: str = "both") -> None:
    name = f"{title({'title': topic.title, 'title_zh': topic.title_zh}, lang)} ({topic.id})"
    extra = " and started it" if before.status == "todo" else ""
    message(f"Logged {minutes(added)} on {escape(name)}{extra} [dim](total {minutes(after.minutes)})[/dim]")


def _local(moment: Any, tz: Any) -> str:
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def undone(events: Sequence[Any], tz: Any) -> None:
    if not events:
        message("Nothing to undo.")
        return
    parts = []
    for e in events:
        what = f"log {minutes(e.minutes)}" if e.kind == "log" else e.kind
        parts.append(f"{what} {e.topic} ({_local(e.at, tz)})")
    message("Took back: " + escape("; ".join(parts)))


def history(events: Sequence[Any], roadmap: Any, tz: Any, lang: str = "both") -> None:
    if not events:
        message("No events yet.")
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("when", no_wrap=True)
    table.add_column("topic", style="cyan", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("time", justify="right", no_wrap=True)
    table.add_column("note")
    for e in events:
        table.add_row(_local(e.at, tz), e.topic, e.kind, minutes(e.minutes), Text(e.note or ""))
    out().print(table)
    total = sum(e.minutes for e in events)
    message(f"[dim]{len(events)} events, {minutes(total) or '0m'} logged[/dim]")


def settings(values: dict[str, Any], stored: dict[str, Any]) -> None:
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("key", style="cyan", no_wrap=True)
    table.add_column("value")
    table.add_column("", style="dim")
    for key, value in values.items():
        table.add_row(key, "none" if value is None else str(value), "set" if key in stored else "default")
    out().print(table)


def doctor(report: dict[str, Any]) -> None:
    c = out()

    def line(label: str, value: Any, good: bool | None = None) -> None:
        mark = "" if good is None else ("[green]✓[/green] " if good else "[red]✗[/red] ")
        c.print(f"{mark}[bold]{label}:[/bold] {escape(str(value))}")

    line("data directory", report["data_dir"])
    if not report["exists"]:
        line("database", f"{report['database']} (not created yet: it appears on the first change)", True)
    else:
        line("database", f"{report['database']} ({report['size_bytes']:,} bytes)")
        line("schema", f"v{report['schema_version']} (latest v{report['latest_schema_version']})",
             report["schema_version"] == report["latest_schema_version"])
        line("integrity", report["integrity"], report["integrity"] == "ok")
        line("events", report["events"])
        orphans = report["orphaned"]
        line("orphaned events", "none" if not orphans else
             ", ".join(f"{o['topic']} ({o['events']})" for o in orphans) + " — kept; these ids left the roadmap",
             not orphans if orphans else True)
    line("roadmap", "valid" if not report["roadmap_problems"] else f"{len(report['roadmap_problems'])} problem(s); run 'roadmap validate'",
         not report["roadmap_problems"])
    for problem in report["problems"]:
        c.print(f"[red]✗[/red] {escape(problem)}")
    c.print("[green]All is well.[/green]" if report["ok"] else "[red]Something needs attention.[/red]")


# ---- next, path, status -------------------------------------------------------------------------


def next_table(rows: Sequence[dict[str, Any]], lang: str, weights: Any = None, days_left: int | None = None) -> None:
    c = out()
    for rank, row in enumerate(rows, start=1):
        head = Text()
        head.append(f"{rank:>2}  ", style="bold")
        head.append(title(row, lang), style="bold")
        head.append(f"  {row['id']}", style="dim cyan")
        head.append(f"  {hours(row['hours'])}  ")
        head.append_text(status_text(row["status"]))
        if weights is not None:
            head.append(f"  score {row['score']:.2f}", style="yellow")
        c.print(head)
        for i, reason in enumerate(row["reasons"]):
            c.print(Padding(Text(("· " if i else "→ ") + reason, style="" if i == 0 else "dim"), (0, 0, 0, 4)))
        if weights is not None:
            grid = Table.grid(padding=(0, 1))
            for _ in range(6):
                grid.add_column(justify="right")
            for name, contribution in row["terms"].items():
                grid.add_row(Text(name, style="cyan"), f"{row['values'][name]:.2f}", "×",
                             f"{getattr(weights, name):g}", "=", f"{contribution:.2f}")
            c.print(Padding(grid, (0, 0, 0, 6)))
        c.print()
    if days_left is not None and days_left >= 0:
        message(f"[dim]{days_left} days to the exam · roadmap next --explain shows how each score is made[/dim]")


def path(data: dict[str, Any], lang: str) -> None:
    if not data["steps"]:
        message(f"{escape(title(data, lang))} and everything it needs are done.")
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("topic", ratio=1)
    table.add_column("layer", style="magenta", no_wrap=True)
    table.add_column("hours", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    for i, step in enumerate(data["steps"], start=1):
        label = Text(title(step, lang)).append(f"  {step['id']}", style="dim cyan")
        table.add_row(str(i), label, step["layer"], hours(step["hours"]), status_text(step["status"]))
    out().print(table)
    message(f"{len(data['steps'])} steps to {escape(data['target'])}, {data['hours']:g} hours in all")


def _meter(share: float, width: int = 24) -> Text:
    filled = round(share * width)
    bar = Text("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    return bar


HEAT = ((0, "·", "dim"), (1, "▪", "green4"), (30, "▪", "green3"), (60, "■", "green1"), (120, "■", "bold bright_green"))


def dashboard(d: dict[str, Any], lang: str) -> None:
    c = out()
    t = d["topics"]
    c.print(f"[bold]Progress[/bold]  {t['done']}/{t['total']} topics · {d['hours']['done']:g}/{d['hours']['total']:g} h")
    c.print(Text("  ").append_text(_meter(t["share"], 40)).append(f" {t['share']:.0%}"))

    def section(heading: str, items: Sequence[dict[str, Any]], label) -> None:
        c.print()
        c.print(f"[bold]{heading}[/bold]")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(justify="right", no_wrap=True)
        for item in items:
            grid.add_row(Text("  " + label(item)), _meter(item["share"]), f"{item['done']}/{item['total']}")
        c.print(grid)

    section("By layer", d["layers"], lambda i: f"{i['id']:<12}{i['title'] if lang == 'en' else i['title_zh']}")
    section("By exam subject (syllabus points touched)", d["subjects"],
            lambda i: f"{i['id']} {i['title_zh'] if lang != 'en' else i['title']}")
    section("By discipline", d["disciplines"], lambda i: i["title_zh"] if lang == "zh" else i["title"])
    week = d["week"]
    c.print()
    goal = week["goal_minutes"]
    share = min(1.0, week["minutes"] / goal) if goal else 0.0
    c.print(Text("This week  ").append_text(_meter(share)).append(
        f" {minutes(week['minutes']) or '0m'} of {minutes(goal) or '0m'}" + ("  goal met ✓" if week["met"] else "")))
    c.print(f"Streak     {d['streak_days']} day{'s' if d['streak_days'] != 1 else ''}")
    left = d["days_to_exam"]
    c.print(f"Exam       {d['exam_date']} · " + (f"{left} days to go" if left >= 0 else f"{-left} days ago"))
    c.print()
    c.print("[bold]Last 12 weeks[/bold] [dim](minutes per day)[/dim]")
    cells = d["heatmap"]
    columns = [cells[i:i + 7] for i in range(0, len(cells), 7)]
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        line = Text(f"  {name:<4}")
        for col in columns:
            if weekday < len(col):
                m = col[weekday]["minutes"]
                glyph, style = next((g, s) for lim, g, s in reversed(HEAT) if m >= lim)
                line.append(glyph + " ", style=style)
        c.print(line)
    c.print(Text("  less ", style="dim").append("· ▪ ▪ ■ ■", style="green").append(" more", style="dim"))


def markdown(text: str) -> None:
    """Markdown shown in a terminal: front matter as a dim block, the rest rendered by Rich."""
    from rich.markdown import Markdown

    body = text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            out().print(Text(text[: end + 5], style="dim"))
            body = text[end + 5:]
    out().print(Markdown(body))
