"""Everything the user sees: Rich tables, trees and panels, JSON on stdout, one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.text import Text

STATUS_MARK = {"todo": "○", "in_progress": "◐", "done": "●", "skipped": "⊘"}
STATUS_STYLE = {"todo": "dim", "in_progress": "yellow", "done": "green", "skipped": "cyan"}
STATUS_LABEL = {"todo": "todo", "in_progress": "in progress", "done": "done", "skipped": "skipped"}

_out: Console | None = None
_err: Console | None = None


def out() -> Console:
    global _out
    if _out is None:
        _out = Console(highlight=False, emoji=False)
    return _out


def err() -> Console:
    global _err
    if _err is None:
        _err = Console(stderr=True, highlight=False, emoji=False)
    return _err


def emit_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def emit_text(text: str) -> None:
    sys.stdout.write(text)


def error(message: str) -> None:
    """One line on stderr, plain, whatever the terminal."""
    sys.stderr.write(f"Error: {message}\n")


def message(text: str) -> None:
    """A line for the user on stderr; Rich markup is honoured (and stripped when not a terminal)."""
    if "[" not in text or not sys.stderr.isatty():
        from rich.markup import render as parse_markup

        sys.stderr.write((parse_markup(text, emoji=False).plain if "[" in text else text) + "\n")
        return
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


class Column:
    """One column of `table`: a header, how to align, a style, and whether it gives up width."""

    __slots__ = ("header", "justify", "style", "flex")

    def __init__(self, header: str, justify: str = "left", style: str = "", flex: bool = False):
        self.header, self.justify, self.style, self.flex = header, justify, style, flex


def _width(text: str) -> int:
    """Terminal cells `text` takes: East Asian wide and full-width characters take two."""
    if text.isascii() or max(text) < "\u1100":  # no character that could be wide (a C-level scan)
        return len(text)
    from unicodedata import east_asian_width

    return len(text) + sum(1 for ch in text if ch >= "\u1100" and east_asian_width(ch) in "WF")


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` terminal cells, ending in '…' (the caller knows it is too wide)."""
    if text.isascii():
        return text[: width - 1] + "…"
    from unicodedata import east_asian_width

    used, kept = 0, []
    for ch in text:
        size = 2 if ch >= "\u1100" and east_asian_width(ch) in "WF" else 1
        if used + size > width - 1:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + " " * (width - 1 - used) + "…"


def table(columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> None:
    """A plain aligned table, one line per row; the flexible column is cut with '…' to fit.

    Rich's Table measures and wraps every cell, which for a few hundred rows costs more than the
    rest of the command; browsing output is one line per row anyway. Piped or colourless output
    skips Rich entirely.
    """
    console = out()
    plain = _plain_output()
    texts = [[c.plain if isinstance(c, Text) else str(c) for c in row] for row in rows]
    sizes = [[_width(value) for value in row] for row in texts]
    widths = [max([_width(col.header)] + [row[i] for row in sizes]) for i, col in enumerate(columns)]
    room = console.width - 2 * (len(columns) - 1)
    for i, col in enumerate(columns):
        if col.flex:
            fixed = sum(w for j, w in enumerate(widths) if j != i)
            widths[i] = max(12, min(widths[i], room - fixed))
    last = len(columns) - 1

    def cells_of(values: Sequence[str], lengths: Sequence[int]) -> list[str]:
        out_cells = []
        for i, (col, value, length) in enumerate(zip(columns, values, lengths)):
            if length > widths[i]:
                value = _fit(value, widths[i])
                length = widths[i]
            pad = " " * (widths[i] - length)
            if col.justify == "right":
                value = pad + value
            elif i < last:
                value = value + pad
            out_cells.append(value)
        return out_cells

    header = cells_of([col.header for col in columns], [_width(col.header) for col in columns])
    if plain:
        lines = ["  ".join(header)] + ["  ".join(cells_of(row, size)) for row, size in zip(texts, sizes)]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    styled = Text("  ".join(header), style="bold")
    for original, values, size in zip(rows, texts, sizes):
        styled.append("\n")
        for i, (col, cell) in enumerate(zip(columns, cells_of(values, size))):
            if i:
                styled.append("  ")
            source = original[i]
            style = col.style or (source.style if isinstance(source, Text) else "")
            styled.append(cell, style=style)
    console.print(styled, no_wrap=True, overflow="ignore", crop=False)


def topic_table(rows: Sequence[dict[str, Any]], lang: str = "both") -> None:
    if not rows:
        message("No topics match.")
        return
    show_layer = len({r["layer"] for r in rows}) > 1
    show_logged = any(r.get("minutes") for r in rows)
    columns = [Column("id", style="cyan"), Column("title", flex=True)]
    if show_layer:
        columns.append(Column("layer", style="magenta"))
    columns += [Column("hours", "right"), Column("status")]
    if show_logged:
        columns.append(Column("logged", "right"))
    cells = []
    for row in rows:
        line = [row["id"], title(row, lang)]
        if show_layer:
            line.append(row["layer"])
        line += [hours(row["hours"]), status_text(row["status"])]
        if show_logged:
            line.append(minutes(row.get("minutes", 0)))
        cells.append(line)
    table(columns, cells)
    done = sum(1 for r in rows if r["status"] in ("done", "skipped"))
    message(f"[dim]{len(rows)} topics, {done} done or skipped[/dim]")


def layer_tree(layers: Sequence[dict[str, Any]], lang: str = "both") -> None:
    from rich.tree import Tree

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


def _plain_output() -> bool:
    console = out()
    return not console.is_terminal or console.no_color or console.color_system is None


def emit_blocks(parts: Sequence[tuple[int, Text]]) -> None:
    """Indented paragraphs. On a terminal Rich wraps each under its indent; piped, each paragraph
    is one line (the reader wraps, or greps), which also skips Rich's layout work."""
    if _plain_output():
        sys.stdout.write("".join(" " * indent + text.plain + "\n" for indent, text in parts))
        return
    from rich.console import Group

    out().print(Group(*(Padding(text, (0, 0, 0, indent)) if indent else text for indent, text in parts)))


def topic_detail(d: dict[str, Any], lang: str = "both") -> None:
    """Everything about a topic, printed at once (one `print` renders far faster than thirty)."""
    parts: list[tuple[int, Text]] = []

    def add(text: Text) -> None:
        parts.append((0, text))

    def indented(text: Text, indent: int) -> None:
        parts.append((indent, text))

    add(Text.assemble((d["title"], "bold"), "  ", (d["title_zh"], "bold")))
    meta = Text(d["id"], style="cyan")
    meta.append(f"  ·  {d['layer_title']} {d['layer_title_zh']}  ·  {d['level']}  ·  {hours(d['hours'])}")
    if d["directions"]:
        meta.append("  ·  " + ", ".join(d["directions"]))
    add(meta)
    status = status_text(d["status"])
    if d["minutes"]:
        status.append(f"  ({minutes(d['minutes'])} logged)", style="dim")
    add(Text("status: ").append_text(status))
    add(Text(f"disciplines: {', '.join(d['disciplines'])}"))
    if d["aliases"]:
        add(Text(f"formerly: {', '.join(d['aliases'])}", style="dim"))
    add(Text())
    add(Text(d["summary"]))

    def topics_section(heading: str, items: Sequence[dict[str, Any]], extra: str = "") -> None:
        add(Text())
        add(Text.assemble((heading, "bold"), (extra, "dim")))
        if not items:
            indented(Text("none", style="dim"), 2)
        for item in items:
            line = Text(STATUS_MARK[item["status"]] + " ", style=STATUS_STYLE[item["status"]])
            line.append(title(item, lang), style="default")
            line.append(f"  {item['id']}", style="dim cyan")
            indented(line, 2)

    topics_section("Requires", d["requires"])
    more = d["unlocks_total"] - len(d["unlocks"])
    topics_section("Unlocks", d["unlocks"], f" ({d['unlocks_total']} in all)" if more else "")
    add(Text())
    add(Text("11408 exam links", style="bold"))
    if not d["exam"]:
        indented(Text("none", style="dim"), 2)
    for link in d["exam"]:
        stars = "★" * link["weight"] + "☆" * (3 - link["weight"])
        indented(Text.assemble((stars, "yellow"), f" {link['subject_title_zh'] or ''} · {link['title_zh']} ",
                               (f"({link['point']})", "dim")), 2)
        indented(Text(link["why"], style="italic"), 6)
    add(Text())
    add(Text("Resources", style="bold"))
    if not d["resources"]:
        indented(Text("none", style="dim"), 2)
    for r in d["resources"]:
        extra = ", ".join(str(x) for x in (r.get("venue"), r.get("year")) if x)
        line = Text(f"{r['kind']:<7} ", style="dim")
        line.append(r["title"], style=f"link {r['url']}")
        if extra:
            line.append(f" ({extra})", style="dim")
        indented(line, 2)
        indented(Text(r["url"], style="dim"), 10)
    emit_blocks(parts)


def search_results(rows: Sequence[dict[str, Any]], query: str, lang: str = "both") -> None:
    if not rows:
        message(f"Nothing matches '{escape(query)}'.")
        return
    cells = []
    for row in rows:
        if "kind" in row:
            cells.append([row["id"], Text(row["title"], style=f"link {row['url']}"), row["kind"]])
        else:
            cells.append([row["id"], title(row, lang), f"{row['layer']} topic"])
    table([Column("id", style="cyan"), Column("title", flex=True), Column("what", style="magenta")], cells)


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


def history(events: Sequence[Any], tz: Any) -> None:
    if not events:
        message("No events yet.")
        return
    cells = [[_local(e.at, tz), e.topic, e.kind, minutes(e.minutes), (e.note or "").replace("\n", " ")] for e in events]
    table([Column("when"), Column("topic", style="cyan"), Column("kind"), Column("time", "right"),
           Column("note", flex=True)], cells)
    total = sum(e.minutes for e in events)
    message(f"[dim]{len(events)} events, {minutes(total) or '0m'} logged[/dim]")


def settings(values: dict[str, Any], stored: dict[str, Any]) -> None:
    cells = [[key, "none" if value is None else str(value), "set" if key in stored else "default"]
             for key, value in values.items()]
    table([Column("key", style="cyan"), Column("value", flex=True), Column("", style="dim")], cells)


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
    parts: list[tuple[int, Any]] = []
    for rank, row in enumerate(rows, start=1):
        head = Text()
        head.append(f"{rank:>2}  ", style="bold")
        head.append(title(row, lang), style="bold")
        head.append(f"  {row['id']}", style="dim cyan")
        head.append(f"  {hours(row['hours'])}  ")
        head.append_text(status_text(row["status"]))
        if weights is not None:
            head.append(f"  score {row['score']:.2f}", style="yellow")
        parts.append((0, head))
        for i, reason in enumerate(row["reasons"]):
            parts.append((4, Text(("· " if i else "→ ") + reason, style="" if i == 0 else "dim")))
        if weights is not None:
            for name, contribution in row["terms"].items():
                parts.append((6, Text(f"{name:>12} {row['values'][name]:.2f} × {getattr(weights, name):g} = {contribution:.2f}")))
        parts.append((0, Text()))
    emit_blocks(parts)
    if days_left is not None and days_left >= 0:
        message(f"[dim]{days_left} days to the exam · roadmap next --explain shows how each score is made[/dim]")


def path(data: dict[str, Any], lang: str) -> None:
    if not data["steps"]:
        message(f"{escape(title(data, lang))} and everything it needs are done.")
        return
    cells = [[str(i), step["id"], title(step, lang), step["layer"], hours(step["hours"]), status_text(step["status"])]
             for i, step in enumerate(data["steps"], start=1)]
    table([Column("#", "right"), Column("id", style="cyan"), Column("title", flex=True),
           Column("layer", style="magenta"), Column("hours", "right"), Column("status")], cells)
    message(f"{len(data['steps'])} steps to {escape(data['target'])}, {data['hours']:g} hours in all")


def _meter(share: float, width: int = 24) -> Text:
    filled = round(share * width)
    bar = Text("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    return bar


HEAT = ((0, "·", "dim"), (1, "▪", "green4"), (30, "▪", "green3"), (60, "■", "green1"), (120, "■", "bold bright_green"))


def dashboard(d: dict[str, Any], lang: str) -> None:
    from rich.cells import cell_len, set_cell_size

    lines: list[Text] = []
    add = lines.append
    t = d["topics"]
    add(Text.assemble(("Progress", "bold"), f"  {t['done']}/{t['total']} topics · {d['hours']['done']:g}/{d['hours']['total']:g} h"))
    add(Text("  ").append_text(_meter(t["share"], 40)).append(f" {t['share']:.0%}"))

    def section(heading: str, items: Sequence[dict[str, Any]], label) -> None:
        add(Text())
        add(Text(heading, style="bold"))
        labels = [label(item) for item in items]
        width = min(36, max((cell_len(text) for text in labels), default=0))
        for text, item in zip(labels, items):
            text = set_cell_size(text, width) if cell_len(text) > width else text + " " * (width - cell_len(text))
            add(Text("  " + text + " ").append_text(_meter(item["share"])).append(f" {item['done']:>3}/{item['total']}"))

    section("By layer", d["layers"], lambda i: f"{i['id']:<12}{i['title'] if lang == 'en' else i['title_zh']}")
    section("By exam subject (syllabus points touched)", d["subjects"],
            lambda i: f"{i['id']} {i['title_zh'] if lang != 'en' else i['title']}")
    section("By discipline", d["disciplines"], lambda i: i["title_zh"] if lang == "zh" else i["title"])
    week = d["week"]
    goal = week["goal_minutes"]
    share = min(1.0, week["minutes"] / goal) if goal else 0.0
    add(Text())
    add(Text("This week  ").append_text(_meter(share)).append(
        f" {minutes(week['minutes']) or '0m'} of {minutes(goal) or '0m'}" + ("  goal met ✓" if week["met"] else "")))
    add(Text(f"Streak     {d['streak_days']} day{'s' if d['streak_days'] != 1 else ''}"))
    left = d["days_to_exam"]
    add(Text(f"Exam       {d['exam_date']} · " + (f"{left} days to go" if left >= 0 else f"{-left} days ago")))
    add(Text())
    add(Text.assemble(("Last 12 weeks", "bold"), (" (minutes per day)", "dim")))
    cells = d["heatmap"]
    columns = [cells[i:i + 7] for i in range(0, len(cells), 7)]
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
            out().print(Text(text[: end + 5], style="dim"))
            body = text[end + 5:]
    out().print(Markdown(body))
