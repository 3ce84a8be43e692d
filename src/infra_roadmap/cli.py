"""The `roadmap` command line: parse, call one function, render.

Every command is a thin shell over `content`, `views` and (for progress) `store`. Errors from
below arrive as `RoadmapError` and leave through one boundary, `App.main`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer._click import exceptions as click_errors  # Typer >= 0.29 vendors Click here
from typer.core import TyperGroup

from infra_roadmap import __version__, paths, render, views
from infra_roadmap.errors import InvalidRoadmap, RoadmapError


class App(TyperGroup):
    """The error boundary: one line on stderr, exit 1 for data errors and 2 for usage errors."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        code = _guarded(
            lambda: super(App, self).main(
                args=args, prog_name=prog_name or "roadmap", complete_var=complete_var,
                standalone_mode=False, **extra,
            )
        )
        if standalone_mode:
            sys.exit(code)
        return code


def _guarded(call) -> int:
    try:
        result = call()
        return result if isinstance(result, int) else 0
    except click_errors.NoArgsIsHelpError as exc:
        sys.stdout.write(exc.format_message() + "\n")
        return 0
    except click_errors.UsageError as exc:
        where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
        render.error(exc.format_message().replace("\n", " ") + where)
        return exc.exit_code
    except click_errors.ClickException as exc:
        render.error(exc.format_message())
        return exc.exit_code
    except RoadmapError as exc:
        if paths.debug():
            raise
        render.error(str(exc).replace("\n", " "))
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("Aborted.\n")
        return 130
    except BrokenPipeError:
        # `roadmap list | head`: the reader left; nothing is wrong.
        sys.stderr = open(__import__("os").devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return 0
    except Exception as exc:  # the last line of defence: no traceback for users
        if paths.debug():
            raise
        render.error(f"internal error: {type(exc).__name__}: {exc} (set INFRA_ROADMAP_DEBUG=1 for the traceback)")
        return 1


app = typer.Typer(
    cls=App,
    name="roadmap",
    help="What to study next so that the hour counts for the 11408 exam and for AI Infra.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Session:
    """What every command needs: where data and roadmaps are, loaded once and on demand."""

    data_dir: Path | None = None
    roadmap_dirs: list[Path] = field(default_factory=list)
    _roadmap: Any = None

    def roadmap(self):
        if self._roadmap is None:
            from infra_roadmap import content

            result = content.load([paths.bundled_roadmap_dir(), *paths.overlay_dirs(self.roadmap_dirs)])
            if result.problems:
                raise InvalidRoadmap(result.problems)
            self._roadmap = result.roadmap
        return self._roadmap

    def states(self) -> dict:
        return {}

    def lang(self) -> str:
        return "both"


def session(ctx: typer.Context) -> Session:
    return ctx.ensure_object(Session)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"roadmap (infra-roadmap) {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Optional[Path],
        typer.Option("--data-dir", help="Folder for progress.db (default: $INFRA_ROADMAP_HOME, else the platform data dir).",
                     file_okay=False, show_default=False, metavar="DIR"),
    ] = None,
    roadmap: Annotated[
        Optional[list[Path]],
        typer.Option("--roadmap", help="An extra roadmap folder laid over the bundled one (repeatable; also $INFRA_ROADMAP_PATH).",
                     show_default=False, metavar="DIR"),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """What to study next so that the hour counts for the 11408 exam and for AI Infra."""
    ctx.obj = Session(data_dir=data_dir, roadmap_dirs=list(roadmap or []))


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (stable keys, no colour).")]
LayerOpt = Annotated[Optional[str], typer.Option("--layer", "-l", help="Only topics of this layer (e.g. iaas).", show_default=False)]
DisciplineOpt = Annotated[Optional[str], typer.Option("--discipline", "-d", help="Only topics of this discipline (e.g. operating-systems).", show_default=False)]
SubjectOpt = Annotated[Optional[str], typer.Option("--subject", "-s", help="Only topics linked to this exam subject (e.g. 408.os or 301).", show_default=False)]
TopicArg = Annotated[str, typer.Argument(help="A topic id, an old id (alias) or a unique prefix.", show_default=False)]


class GraphFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"


@app.command("list")
def list_(
    ctx: typer.Context,
    layer: LayerOpt = None,
    discipline: DisciplineOpt = None,
    subject: SubjectOpt = None,
    json_: JsonFlag = False,
) -> None:
    """List topics in study order, with their status."""
    s = session(ctx)
    rm = s.roadmap()
    rows = [views.topic_row(rm, t, s.states()) for t in rm.select(layer=layer, discipline=discipline, subject=subject)]
    if json_:
        render.emit_json(rows)
    else:
        render.topic_table(rows, s.lang())


@app.command()
def tree(
    ctx: typer.Context,
    layer: LayerOpt = None,
    json_: JsonFlag = False,
) -> None:
    """Draw the roadmap as layers -> topics with status marks."""
    s = session(ctx)
    rm = s.roadmap()
    data = views.tree(rm, s.states(), rm.select(layer=layer))
    if json_:
        render.emit_json(data)
    else:
        render.layer_tree(data, s.lang())


@app.command()
def show(ctx: typer.Context, topic: TopicArg, json_: JsonFlag = False) -> None:
    """Show everything about a topic: summary, prerequisites, unlocks, resources, exam links."""
    s = session(ctx)
    rm = s.roadmap()
    detail = views.topic_detail(rm, rm.resolve_topic(topic), s.states())
    if json_:
        render.emit_json(detail)
    else:
        render.topic_detail(detail, s.lang())


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="Words to find in ids, titles (English or Chinese), summaries and resource titles.")],
    json_: JsonFlag = False,
) -> None:
    """Search topics and resources; exact id and title hits come first."""
    s = session(ctx)
    if not query.strip():
        raise RoadmapError("the search query is empty")
    hits = views.search(s.roadmap(), query, s.states())
    if json_:
        render.emit_json(hits)
    else:
        render.search_results(hits, query, s.lang())


@app.command()
def validate(
    ctx: typer.Context,
    dirs: Annotated[
        Optional[list[Path]],
        typer.Argument(help="Roadmap folders to check on top of the bundled one (default: the overlays in use).", show_default=False, metavar="DIR..."),
    ] = None,
    json_: JsonFlag = False,
) -> None:
    """Check roadmap files and report every problem at once; exit 0 when clean."""
    from infra_roadmap import content

    s = session(ctx)
    overlays = list(dirs) if dirs else paths.overlay_dirs(s.roadmap_dirs)
    result = content.load([paths.bundled_roadmap_dir(), *overlays])
    if json_:
        render.emit_json({"ok": result.ok, "files": len(result.files),
                          "problems": [p.to_dict() for p in result.problems]})
    else:
        render.problems(result.problems)
    if result.problems:
        files = len({p.file for p in result.problems})
        render.message(f"[red]{len(result.problems)} problem(s) in {files} file(s)[/red]")
        raise typer.Exit(1)
    rm = result.roadmap
    render.message(
        f"[green]✓[/green] {len(result.files)} files: {len(rm.topics)} topics, {len(rm.resources)} resources, "
        f"{len(rm.points)} exam points, {len(rm.layers)} layers, {len(rm.disciplines)} disciplines"
    )


@app.command()
def graph(
    ctx: typer.Context,
    format: Annotated[GraphFormat, typer.Option("--format", "-f", help="mermaid (for Markdown/blogs) or dot (for Graphviz).")] = GraphFormat.mermaid,
    layer: LayerOpt = None,
) -> None:
    """Print the prerequisite graph as a Mermaid flowchart or a Graphviz digraph."""
    rm = session(ctx).roadmap()
    topics = rm.select(layer=layer)
    writer = views.graph_mermaid if format is GraphFormat.mermaid else views.graph_dot
    render.emit_text(writer(rm, topics))


def main(prog_name: str = "roadmap") -> None:
    app(prog_name=prog_name)
