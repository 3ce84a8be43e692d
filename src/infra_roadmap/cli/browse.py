"""Browsing the roadmap: list, tree, show, search, validate, graph."""

from __future__ import annotations

from typing import Annotated

import typer

from infra_roadmap import shapes
from infra_roadmap.cli.options import (
    DisciplineOpt,
    JsonFlag,
    LayerOpt,
    StatusOpt,
    SubjectOpt,
    TopicArg,
    user_path,
)
from infra_roadmap.cli.root import app
from infra_roadmap.cli.session import session
from infra_roadmap.errors import RoadmapError
from infra_roadmap.i18n import plural, say
from infra_roadmap.render import browse as render
from infra_roadmap.render.console import emit_json, emit_text, error, message
from infra_roadmap.textsafe import shown
from infra_roadmap.vocab import STATUSES, GraphFormat


@app.command("list")
def list_(
    ctx: typer.Context,
    layer: LayerOpt = None,
    discipline: DisciplineOpt = None,
    subject: SubjectOpt = None,
    status: StatusOpt = None,
    json_: JsonFlag = False,
) -> None:
    """List topics in study order, with their status."""
    s = session(ctx)
    rm = s.roadmap
    wanted = status.strip().lower().replace("-", "_").replace(" ", "_") if status is not None else None
    if wanted is not None and wanted not in STATUSES:
        raise RoadmapError("error.unknown_status", value=shown(status), choices=STATUSES)
    states = s.states
    rows = [
        shapes.topic_row(rm, t, states)
        for t in rm.select(layer=layer, discipline=discipline, subject=subject)
    ]
    if wanted is not None:
        rows = [r for r in rows if r["status"] == wanted]
    if json_:
        emit_json(rows)
    else:
        render.topic_table(rows, s.lang)


@app.command()
def tree(ctx: typer.Context, layer: LayerOpt = None, json_: JsonFlag = False) -> None:
    """Draw the roadmap as layers -> topics with status marks."""
    s = session(ctx)
    rm = s.roadmap
    data = shapes.tree(rm, s.states, rm.select(layer=layer))
    if json_:
        emit_json(data)
    else:
        render.layer_tree(data, s.lang)


@app.command()
def show(
    ctx: typer.Context,
    topic: TopicArg,
    all_: Annotated[
        bool,
        typer.Option("--all", help="List every topic it unlocks, direct or not (default: the direct ones)."),
    ] = False,
    json_: JsonFlag = False,
) -> None:
    """Show everything about a topic (summary, prerequisites, unlocks, resources, exam links), or
    a resource by its id."""
    s = session(ctx)
    rm = s.roadmap
    resource = rm.resources.get(topic.strip()) if topic.strip() not in rm.topics else None
    if resource is not None:  # a resource id, as `search` lists them
        data = shapes.resource_detail(rm, resource)
        emit_json(data) if json_ else render.resource_detail(data, s.lang)
        return
    detail = shapes.topic_detail(rm, rm.resolve_topic(topic), s.states, every_unlock=all_)
    if json_:
        emit_json(detail)
    else:
        render.topic_detail(detail, s.lang)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            help="Words to find in ids, titles (English or Chinese), summaries and resource titles.",
            metavar="QUERY",
        ),
    ],
    json_: JsonFlag = False,
) -> None:
    """Search topics and resources; exact id and title hits come first."""
    from infra_roadmap.search import search as find

    s = session(ctx)
    if not query.strip():
        raise RoadmapError("error.empty_query")
    hits = find(s.roadmap, query, s.states)
    if json_:
        emit_json(hits)
    else:
        render.search_results(hits, query, s.lang)


@app.command()
def validate(
    ctx: typer.Context,
    dirs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Roadmap folders to check on top of the bundled one (default: the overlays in use).",
            show_default=False,
            metavar="DIR...",
        ),
    ] = None,
    json_: JsonFlag = False,
) -> None:
    """Check roadmap files and report every problem at once; exit 0 when clean."""
    from infra_roadmap import content, paths

    s = session(ctx)
    folders = [user_path(d, "folder") for d in dirs] if dirs else None
    result = content.load(
        [paths.bundled_roadmap_dir(), *folders] if folders else s.folders(), paths.cache_dir()
    )
    if json_:
        emit_json(
            {"ok": result.ok, "files": len(result.files), "problems": [p.to_dict() for p in result.problems]}
        )
    else:
        render.problems(result.problems)
    lang = s.readable_lang()
    if result.problems:
        files = len({p.file for p in result.problems})
        error(
            say(
                "screen.validate.failed",
                lang,
                problems=plural("screen.validate.problems", lang, len(result.problems)),
                files=plural("screen.validate.files", lang, files),
            ),
            lang,
        )
        raise typer.Exit(1)
    rm = result.roadmap
    counted = say(
        "screen.validate.ok",
        lang,
        files=len(result.files),
        topics=len(rm.topics),
        resources=len(rm.resources),
        points=len(rm.points),
        layers=len(rm.layers),
        disciplines=len(rm.disciplines),
    )
    message(f"[green]✓[/green]{counted.removeprefix('✓')}")


@app.command()
def graph(
    ctx: typer.Context,
    format: Annotated[
        GraphFormat,
        typer.Option(
            "--format", "-f", help="mermaid (for Markdown/blogs) or dot (for Graphviz).", case_sensitive=False
        ),
    ] = "mermaid",
    layer: LayerOpt = None,
) -> None:
    """Print the prerequisite graph as a Mermaid flowchart or a Graphviz digraph."""
    from infra_roadmap import diagrams

    rm = session(ctx).roadmap
    topics = rm.select(layer=layer)
    writer = diagrams.graph_mermaid if format == "mermaid" else diagrams.graph_dot
    emit_text(writer(rm, topics))
