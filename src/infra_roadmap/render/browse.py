"""What the browsing commands show: the topic list, the tree, one topic, search hits."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.markup import escape
from rich.text import Text

from infra_roadmap import textsafe
from infra_roadmap.render.console import emit_blocks, message, out, safe
from infra_roadmap.render.console import link as link_style
from infra_roadmap.render.labels import (
    STATUS_MARK,
    STATUS_STYLE,
    hours,
    minutes,
    status_cell,
    status_text,
    title,
    title_cell,
)
from infra_roadmap.render.table import Column, table


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
        line = [row["id"], title_cell(row, lang)]
        if show_layer:
            line.append(row["layer"])
        line += [hours(row["hours"]), status_cell(row["status"])]
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
        branch = root.add(
            f"[bold magenta]{escape(title(layer, lang))}[/bold magenta] [dim]{finished}/{len(topics)}[/dim]"
        )
        for topic in topics:
            line = Text()
            line.append(STATUS_MARK[topic["status"]] + " ", style=STATUS_STYLE[topic["status"]])
            line.append(title(topic, lang))
            line.append(f"  {textsafe.line(topic['id'])}", style="dim cyan")
            if topic.get("exam"):
                line.append("  " + " ".join(topic["exam"]), style="dim yellow")
            branch.add(line)
    out().print(root)


def topic_detail(d: dict[str, Any], lang: str = "both") -> None:
    """Everything about a topic, printed at once (one `print` renders far faster than thirty)."""
    parts: list[tuple[int, Text]] = []

    def add(text: Text) -> None:
        parts.append((0, text))

    def indented(text: Text, indent: int) -> None:
        parts.append((indent, text))

    add(Text.assemble(safe(d["title"], "bold"), "  ", safe(d["title_zh"], "bold")))
    meta = safe(d["id"], "cyan")
    meta.append(
        textsafe.line(
            f"  ·  {d['layer_title']} {d['layer_title_zh']}  ·  {d['level']}  ·  {hours(d['hours'])}"
        )
    )
    if d["directions"]:
        meta.append("  ·  " + ", ".join(d["directions"]))
    add(meta)
    status = status_text(d["status"])
    if d["minutes"]:
        status.append(f"  ({minutes(d['minutes'])} logged)", style="dim")
    add(Text("status: ").append_text(status))
    add(safe(f"disciplines: {', '.join(d['disciplines'])}"))
    if d["aliases"]:
        add(safe(f"formerly: {', '.join(d['aliases'])}", "dim"))
    add(Text())
    add(safe(d["summary"]))

    def topics_section(heading: str, items: Sequence[dict[str, Any]], extra: str = "") -> None:
        add(Text())
        add(Text.assemble((heading, "bold"), (extra, "dim")))
        if not items:
            indented(Text("none", style="dim"), 2)
        for item in items:
            line = Text(STATUS_MARK[item["status"]] + " ", style=STATUS_STYLE[item["status"]])
            line.append(title(item, lang), style="default")
            line.append(f"  {textsafe.line(item['id'])}", style="dim cyan")
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
        where = textsafe.line(f" {link['subject_title_zh'] or ''} · {link['title_zh']} ")
        indented(Text.assemble((stars, "yellow"), where, (f"({link['point']})", "dim")), 2)
        indented(safe(link["why"], "italic"), 6)
    add(Text())
    add(Text("Resources", style="bold"))
    if not d["resources"]:
        indented(Text("none", style="dim"), 2)
    for r in d["resources"]:
        extra = ", ".join(str(x) for x in (r.get("venue"), r.get("year")) if x)
        line = Text(f"{r['kind']:<7} ", style="dim")
        line.append(textsafe.line(r["title"]), style=link_style(r["url"]))
        if extra:
            line.append(textsafe.line(f" ({extra})"), style="dim")
        indented(line, 2)
        indented(safe(r["url"], "dim"), 10)
    emit_blocks(parts)


def search_results(rows: Sequence[dict[str, Any]], query: str, lang: str = "both") -> None:
    """Search hits, best first: where each matched, and a resource's address."""
    if not rows:
        message(f"Nothing matches '{escape(textsafe.shown(query))}'; try fewer words, a synonym or pinyin.")
        return
    cells = []
    for row in rows:
        where = (
            row["matched"]
            if row["matched"] in ("id", "title", "fuzzy")
            else f"{row['matched']}: {row['snippet']}"
        )
        if "kind" in row:
            cells.append(
                [
                    row["id"],
                    Text(
                        f"{textsafe.line(row['title'])} — {textsafe.line(row['url'])}",
                        style=link_style(row["url"]),
                    ),
                    f"{row['kind']} · {', '.join(row['cited_by'][:2]) or '-'}",
                ]
            )
        else:
            cells.append([row["id"], title_cell(row, lang), where])
    table([Column("id", style="cyan"), Column("title", flex=True), Column("matched", style="magenta")], cells)
    if any(row["matched"] == "fuzzy" for row in rows):
        message(f"[dim]Nothing matches '{escape(textsafe.shown(query))}' exactly; these are close.[/dim]")


def resource_detail(data: dict[str, Any]) -> None:
    """`show RESOURCE`: its title, address, kind, and the topics that cite it."""
    console = out()
    console.print(safe(data["title"], "bold"))
    if data.get("title_zh"):
        console.print(safe(data["title_zh"]))
    console.print(Text(textsafe.line(data["url"]), style=link_style(data["url"])))
    facts = [data["kind"], *(str(data[k]) for k in ("year", "venue", "authors") if data.get(k))]
    console.print(safe("  ·  ".join(facts), "dim"))
    console.print()
    console.print(Text("Cited by", style="bold"))
    for topic in data["cited_by"]:
        console.print(
            Text("  ")
            .append(safe(f"{topic['title']} · {topic['title_zh']}"))
            .append(f"  {textsafe.line(topic['id'])}", style="dim cyan")
        )


def problems(items: Sequence[Any]) -> None:
    for item in items:
        sys.stdout.write(f"{textsafe.line(item)}\n")
