"""What the browsing commands show: the topic list, the tree, one topic, search hits."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.markup import escape
from rich.text import Text

from infra_roadmap import textsafe
from infra_roadmap.i18n import name, plural, say
from infra_roadmap.render.console import emit_blocks, message, out, safe
from infra_roadmap.render.console import link as link_style
from infra_roadmap.render.labels import (
    STATUS_MARK,
    STATUS_STYLE,
    hours,
    listed,
    minutes,
    status_cell,
    status_text,
    title,
    title_cell,
)
from infra_roadmap.render.table import Column, table, width


def topic_table(rows: Sequence[dict[str, Any]], lang: str = "both") -> None:
    if not rows:
        message(say("screen.list.none", lang))
        return
    show_layer = len({r["layer"] for r in rows}) > 1
    show_logged = any(r.get("minutes") for r in rows)
    columns = [
        Column(say("screen.table.id", lang), style="cyan"),
        Column(say("screen.table.title", lang), flex=True),
    ]
    if show_layer:
        columns.append(Column(say("screen.table.layer", lang), style="magenta"))
    columns += [Column(say("screen.table.hours", lang), "right"), Column(say("screen.table.status", lang))]
    if show_logged:
        columns.append(Column(say("screen.table.logged", lang), "right"))
    cells = []
    for row in rows:
        line = [row["id"], title_cell(row, lang)]
        if show_layer:
            line.append(row["layer"])
        line += [hours(row["hours"], lang), status_cell(row["status"], lang)]
        if show_logged:
            line.append(minutes(row.get("minutes", 0), lang))
        cells.append(line)
    table(columns, cells)
    done = sum(1 for r in rows if r["status"] in ("done", "skipped"))
    message(f"[dim]{plural('screen.list.summary', lang, len(rows), done=done)}[/dim]")


def layer_tree(layers: Sequence[dict[str, Any]], lang: str = "both") -> None:
    from rich.tree import Tree

    root = Tree(f"[bold]{escape(say('screen.tree.title', lang))}[/bold]", guide_style="dim")
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


def _kind(kind: str, lang: str) -> str:
    return name("screen.show.kind", kind, lang)


def topic_detail(d: dict[str, Any], lang: str = "both") -> None:
    """Everything about a topic, printed at once (one `print` renders far faster than thirty).
    With `unlocks_all` in `d` (`show --all`), every topic it unlocks is listed."""
    parts: list[tuple[int, Text]] = []

    def add(text: Text) -> None:
        parts.append((0, text))

    def indented(text: Text, indent: int) -> None:
        parts.append((indent, text))

    def heading(key: str, extra: str = "") -> None:
        add(Text())
        add(Text.assemble((say(key, lang), "bold"), (textsafe.line(extra), "dim")))

    def none() -> None:
        indented(Text(say("screen.show.none", lang), style="dim"), 2)

    both = "  ".join(x for x in (d["title"], d["title_zh"]) if x)
    add(safe(both if lang == "both" else title(d, lang), "bold"))
    layer = title({"title": d["layer_title"], "title_zh": d["layer_title_zh"]}, lang)
    meta = safe(d["id"], "cyan")
    meta.append(
        textsafe.line(f"  ·  {layer}  ·  {name('level', d['level'], lang)}  ·  {hours(d['hours'], lang)}")
    )
    if d["directions"]:
        meta.append("  ·  " + listed((name("direction", x, lang) for x in d["directions"]), lang))
    add(meta)
    status = status_text(d["status"], lang)
    if d["minutes"]:
        status.append(say("screen.show.logged", lang, time=minutes(d["minutes"], lang)), style="dim")
    add(Text(say("screen.show.status", lang)).append_text(status))
    named = d.get("disciplines_named") or [{"title": x, "title_zh": x} for x in d["disciplines"]]
    disciplines = listed((x["title"] if lang != "zh" else x["title_zh"] or x["title"] for x in named), lang)
    add(safe(say("screen.show.disciplines", lang, names=disciplines)))
    if d["aliases"]:
        add(safe(say("screen.show.formerly", lang, ids=listed(d["aliases"], lang)), "dim"))
    add(Text())
    add(safe(d["summary"]))

    def topics_section(key: str, items: Sequence[dict[str, Any]], extra: str = "") -> None:
        heading(key, extra)
        if not items:
            none()
        for item in items:
            line = Text(STATUS_MARK[item["status"]] + " ", style=STATUS_STYLE[item["status"]])
            line.append(title(item, lang), style="default")
            line.append(f"  {textsafe.line(item['id'])}", style="dim cyan")
            indented(line, 2)

    topics_section("screen.show.requires", d["requires"])
    total = d["unlocks_total"]
    if "unlocks_all" in d:
        extra = say("screen.show.unlocks_all", lang, total=total) if total else ""
        topics_section("screen.show.unlocks", d["unlocks_all"], extra)
    else:
        cut = total > len(d["unlocks"])
        extra = say("screen.show.unlocks_cut", lang, shown=len(d["unlocks"]), total=total) if cut else ""
        topics_section("screen.show.unlocks", d["unlocks"], extra)
    heading("screen.show.exam")
    if not d["exam"]:
        none()
    for link in d["exam"]:
        stars = "★" * link["weight"] + "☆" * (3 - link["weight"])
        if lang == "en":  # syllabus wording is Chinese first, as in `next`'s reasons
            subject, point = link["subject_title"], link["title"]
        else:
            subject, point = link["subject_title_zh"], link["title_zh"]
        where = textsafe.line(f" {subject or ''} · {point} ")
        indented(Text.assemble((stars, "yellow"), where, (f"({link['point']})", "dim")), 2)
        if link.get("examined"):
            years = listed(link["examined"], lang)
            indented(safe(say("reason.examined", lang, years=years), "yellow"), 6)
        indented(safe(link["why"], "italic"), 6)
    heading("screen.show.resources")
    if not d["resources"]:
        none()
    for r in d["resources"]:
        extra = ", ".join(str(x) for x in (r.get("venue"), r.get("year")) if x)
        kind = _kind(r["kind"], lang)
        line = Text(kind + " " * max(1, 8 - width(kind)), style="dim")
        line.append(textsafe.line(r["title"]), style=link_style(r["url"]))
        if extra:
            line.append(textsafe.line(f" ({extra})"), style="dim")
        indented(line, 2)
        indented(safe(r["url"], "dim"), 10)
    emit_blocks(parts)


def search_results(rows: Sequence[dict[str, Any]], query: str, lang: str = "both") -> None:
    """Search hits, best first: where each matched, and a resource's address."""
    if not rows:
        message(escape(say("screen.search.none", lang, query=textsafe.shown(query))))
        return
    cells = []
    for row in rows:
        matched = name("screen.search.where", row["matched"], lang)
        where = (
            matched
            if row["matched"] in ("id", "title", "fuzzy")
            else say("screen.search.where_snippet", lang, where=matched, snippet=row["snippet"])
        )
        if "kind" in row:
            cells.append(
                [
                    row["id"],
                    Text(
                        f"{textsafe.line(row['title'])} — {textsafe.line(row['url'])}",
                        style=link_style(row["url"]),
                    ),
                    f"{_kind(row['kind'], lang)} · {', '.join(row['cited_by'][:2]) or '-'}",
                ]
            )
        else:
            cells.append([row["id"], title_cell(row, lang), where])
    table(
        [
            Column(say("screen.table.id", lang), style="cyan"),
            Column(say("screen.table.title", lang), flex=True),
            Column(say("screen.search.matched", lang), style="magenta"),
        ],
        cells,
    )
    if any(row["matched"] == "fuzzy" for row in rows):
        message(f"[dim]{escape(say('screen.search.fuzzy', lang, query=textsafe.shown(query)))}[/dim]")


def resource_detail(data: dict[str, Any], lang: str = "both") -> None:
    """`show RESOURCE`: its title, address, kind, and the topics that cite it."""
    console = out()
    console.print(safe(data["title"], "bold"))
    if data.get("title_zh") and lang != "en":
        console.print(safe(data["title_zh"]))
    console.print(Text(textsafe.line(data["url"]), style=link_style(data["url"])))
    facts = [_kind(data["kind"], lang), *(str(data[k]) for k in ("year", "venue", "authors") if data.get(k))]
    console.print(safe("  ·  ".join(facts), "dim"))
    console.print()
    console.print(Text(say("screen.show.cited_by", lang), style="bold"))
    for topic in data["cited_by"]:
        console.print(
            Text("  ")
            .append(safe(title(topic, lang)))
            .append(f"  {textsafe.line(topic['id'])}", style="dim cyan")
        )


def problems(items: Sequence[Any]) -> None:
    for item in items:
        sys.stdout.write(f"{textsafe.line(item)}\n")
