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
from typer._click import exceptions as click_errors  # Typer >= 0.26 vendors Click here
from typer.core import TyperGroup

from infra_roadmap import __version__, paths, render, views
from infra_roadmap.errors import RoadmapError, shown


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


@dataclass(eq=False)
class Session:
    """What every command needs: where data and roadmaps are, loaded once and on demand."""

    data_dir: Path | None = None
    roadmap_dirs: list[Path] = field(default_factory=list)
    _roadmap: Any = None
    _snapshot: Any = None
    _states: Any = None
    _settings: Any = None
    _now: Any = None

    def folders(self) -> list[Path]:
        """The bundled roadmap, then the overlays (INFRA_ROADMAP_PATH, then each --roadmap)."""
        return [paths.bundled_roadmap_dir(), *paths.overlay_dirs(self.roadmap_dirs)]

    def roadmap(self):
        if self._roadmap is None:
            from infra_roadmap.content.cache import load_roadmap

            self._roadmap = load_roadmap(self.folders(), paths.cache_dir())
        return self._roadmap

    @property
    def db_path(self) -> Path:
        return paths.database_path(self.data_dir)

    @property
    def now(self):
        """The moment this command runs, read once (pure code gets it passed in)."""
        if self._now is None:
            from datetime import datetime, timezone

            self._now = datetime.now(timezone.utc)
        return self._now

    @property
    def tz(self):
        """The machine's time zone (honours TZ); reports and days are local."""
        from infra_roadmap.timeparse import LOCAL

        return LOCAL

    def today(self):
        return self.now.astimezone(self.tz).date()

    def snapshot(self):
        if self._snapshot is None:
            from infra_roadmap import progress

            self._snapshot = progress.snapshot(self.db_path)
        return self._snapshot

    def states(self) -> dict:
        if self._states is None:
            from infra_roadmap import progress

            self._states = progress.states(self.snapshot(), self.roadmap(), paths.cache_dir())
        return self._states

    def settings(self) -> dict:
        if self._settings is None:
            from infra_roadmap import progress

            self._settings = progress.settings(self.snapshot(), self.today())
        return self._settings

    def lang(self) -> str:
        return self.settings()["lang"]

    def when(self, text: str | None, *, start_of_day: bool = False):
        from infra_roadmap.timeparse import parse_when

        if text is None:
            return self.now
        return parse_when(text, now=self.now, tz=self.tz, start_of_day=start_of_day)


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
                     show_default=False, metavar="DIR"),
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
LayerOpt = Annotated[Optional[str], typer.Option("--layer", "-l", help="Only topics of this layer (e.g. iaas).", show_default=False, metavar="LAYER")]
DisciplineOpt = Annotated[Optional[str], typer.Option("--discipline", "-d", help="Only topics of this discipline (e.g. operating-systems).", show_default=False, metavar="DISCIPLINE")]
SubjectOpt = Annotated[Optional[str], typer.Option("--subject", "-s", help="Only topics linked to this exam subject (e.g. 408.os or 301).", show_default=False, metavar="SUBJECT")]
TopicArg = Annotated[str, typer.Argument(help="A topic id, an old id (alias) or a unique prefix.", show_default=False, metavar="TOPIC")]
TopicsArg = Annotated[list[str], typer.Argument(help="One or more topics: ids, old ids (aliases) or unique prefixes.", show_default=False, metavar="TOPIC...")]
AtOpt = Annotated[Optional[str], typer.Option("--at", help="When it happened: an ISO date or date-time (local time), 'today' or 'yesterday' (default: now).", show_default=False, metavar="WHEN")]
NoteOpt = Annotated[Optional[str], typer.Option("--note", "-m", help="A note to keep with the change (shown in history and reports).", show_default=False, metavar="TEXT")]
StatusOpt = Annotated[Optional[str], typer.Option("--status", help="Only topics with this status: todo, in_progress, done or skipped.", show_default=False, metavar="STATUS")]


class GraphFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"


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
    from infra_roadmap.state import STATUSES

    s = session(ctx)
    rm = s.roadmap()
    wanted = status.replace("-", "_") if status is not None else None
    if wanted is not None and wanted not in STATUSES:
        raise RoadmapError(f"unknown status '{shown(status)}'; choose {', '.join(STATUSES)}")
    states = s.states()
    rows = [views.topic_row(rm, t, states) for t in rm.select(layer=layer, discipline=discipline, subject=subject)]
    if wanted is not None:
        rows = [r for r in rows if r["status"] == wanted]
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
    query: Annotated[str, typer.Argument(help="Words to find in ids, titles (English or Chinese), summaries and resource titles.", metavar="QUERY")],
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
    result = content.load([paths.bundled_roadmap_dir(), *dirs] if dirs else s.folders())
    if json_:
        render.emit_json({"ok": result.ok, "files": len(result.files),
                          "problems": [p.to_dict() for p in result.problems]})
    else:
        render.problems(result.problems)
    if result.problems:
        files = len({p.file for p in result.problems})
        render.error(f"the roadmap has {len(result.problems)} problem(s) in {files} file(s), listed above")
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


# ---- what next ----------------------------------------------------------------------------------


class Focus(str, Enum):
    exam = "exam"
    balanced = "balanced"
    infra = "infra"


class DirectionChoice(str, Enum):
    data = "data"
    training = "training"
    inference = "inference"


FocusOpt = Annotated[Optional[Focus], typer.Option("--focus", help="Lean on the exam, on AI Infra, or balance both (default: config 'focus').", show_default=False)]
DirectionOpt = Annotated[Optional[DirectionChoice], typer.Option("--direction", help="Prefer topics of this AI Infra direction (default: config 'direction').", show_default=False)]


def _ranking_inputs(s: Session, focus: Focus | None, direction: DirectionChoice | None):
    from infra_roadmap import ranking

    return ranking.from_settings(s.settings(), s.today(), focus=focus.value if focus else None,
                                 direction=direction.value if direction else None)


@app.command("next")
def next_(
    ctx: typer.Context,
    count: Annotated[int, typer.Option("-n", "--count", help="How many topics to show.", min=1, max=1000, metavar="N")] = 5,
    layer: LayerOpt = None,
    discipline: DisciplineOpt = None,
    subject: SubjectOpt = None,
    direction: DirectionOpt = None,
    focus: FocusOpt = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show every term as value × weight = contribution.")] = False,
    json_: JsonFlag = False,
) -> None:
    """Recommend what to study next, best first, each with its reasons."""
    from infra_roadmap import ranking

    s = session(ctx)
    rm = s.roadmap()
    states = s.states()
    weights, context = _ranking_inputs(s, focus, direction)
    keep = rm.matcher(layer=layer, discipline=discipline, subject=subject)
    scores = ranking.rank(rm, states, weights, context, lang=s.lang(), keep=keep)[:count]
    rows = [ranking.to_dict(sc, states) for sc in scores]
    if json_:
        render.emit_json(rows)
        return
    if not rows:
        render.message(views.nothing_next(rm, states, keep))
        return
    render.next_table(rows, s.lang(), weights if explain else None, days_left=(context.exam_date - context.today).days)


@app.command()
def path(
    ctx: typer.Context,
    target: TopicArg,
    focus: FocusOpt = None,
    json_: JsonFlag = False,
) -> None:
    """Plan the way to a topic: its unfinished prerequisites in study order, with total hours."""
    from infra_roadmap import ranking

    s = session(ctx)
    rm = s.roadmap()
    goal = rm.resolve_topic(target)
    states = s.states()
    weights, context = _ranking_inputs(s, focus, None)
    data = views.path_plan(goal, ranking.path_to(rm, goal, states, weights, context, lang=s.lang()), states)
    if json_:
        render.emit_json(data)
    else:
        render.path(data, s.lang())


@app.command()
def status(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """Show a dashboard: progress by layer, discipline and exam subject, this week, streak, exam."""
    from infra_roadmap import dashboard

    s = session(ctx)
    days = s.snapshot().minutes_by_local_day()
    data = dashboard.build(s.roadmap(), s.states(), days, s.settings(), now=s.now, tz=s.tz)
    if json_:
        render.emit_json(data)
    else:
        render.dashboard(data, s.lang())


class ReportFormat(str, Enum):
    md = "md"
    json = "json"
    csv = "csv"
    html = "html"


@app.command()
def report(
    ctx: typer.Context,
    week: Annotated[Optional[str], typer.Option("--week", "-w", help="The ISO week to report, e.g. 2026-W48 (default: this week).", show_default=False, metavar="WEEK")] = None,
    last: Annotated[bool, typer.Option("--last", help="Report the last full week.")] = False,
    format: Annotated[Optional[ReportFormat], typer.Option("--format", "-f", help="md (default, Hexo/Hugo front matter), json, csv (one row per event) or html (one self-contained page).", show_default=False)] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False, show_default=False, metavar="FILE")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --output if it exists.")] = False,
) -> None:
    """Write the weekly progress report: Markdown for the blog, JSON, CSV or an HTML page."""
    from infra_roadmap import ranking
    from infra_roadmap.reports import build, weeks

    s = session(ctx)
    if week is not None and last:
        raise click_errors.UsageError("use either --week or --last, not both", ctx=ctx)
    if week is not None:
        year, number = weeks.parse_week(week)
    elif last:
        year, number = weeks.last_full_week(s.now, s.tz)
    else:
        year, number = weeks.current_week(s.now, s.tz)
    rm = s.roadmap()
    states = s.states()
    settings = s.settings()
    weights, context = _ranking_inputs(s, None, None)
    plan = [ranking.to_dict(sc, states) for sc in ranking.rank(rm, states, weights, context, lang=s.lang())[:5]]
    data = build.build_report(s.snapshot().events, rm, year=year, week=number, tz=s.tz, now=s.now,
                              weekly_goal_hours=settings.get("weekly-goal-hours"), plan=plan)
    chosen = format or ReportFormat.md
    if format is None and output is None and sys.stdout.isatty():
        from infra_roadmap.reports import render_md

        render.markdown(render_md.render(data))
        return
    text = _report_writer(chosen)(data)
    if output is None:
        render.emit_text(text)
        return
    _write_file(output, text, force, newline="" if chosen is ReportFormat.csv else None)
    render.message(f"Wrote the {data.week} report ({chosen.value}) to {output}")


def _report_writer(chosen: "ReportFormat"):
    from importlib import import_module

    return import_module(f"infra_roadmap.reports.render_{chosen.value}").render


# ---- progress ---------------------------------------------------------------------------------


def _change(ctx: typer.Context, kind: str, topics: list[str], at: str | None, note: str | None) -> None:
    from infra_roadmap import progress

    s = session(ctx)
    rm = s.roadmap()
    resolved = [rm.resolve_topic(t) for t in topics]  # every name checked before anything is written
    moment = s.when(at)
    for change in progress.change_state(s.db_path, rm, kind, resolved, at=moment, note=note):
        render.change(change, s.lang())


@app.command()
def start(ctx: typer.Context, topics: TopicsArg, at: AtOpt = None, note: NoteOpt = None) -> None:
    """Mark topics as in progress."""
    _change(ctx, "start", topics, at, note)


@app.command()
def done(ctx: typer.Context, topics: TopicsArg, at: AtOpt = None, note: NoteOpt = None) -> None:
    """Mark topics as done."""
    _change(ctx, "done", topics, at, note)


@app.command()
def skip(ctx: typer.Context, topics: TopicsArg, at: AtOpt = None, note: NoteOpt = None) -> None:
    """Mark topics as skipped: you already know them (they count as covered)."""
    _change(ctx, "skip", topics, at, note)


@app.command()
def reset(ctx: typer.Context, topics: TopicsArg, at: AtOpt = None, note: NoteOpt = None) -> None:
    """Set topics back to todo (their logged time stays in the history)."""
    _change(ctx, "reset", topics, at, note)


@app.command()
def log(
    ctx: typer.Context,
    topic: TopicArg,
    duration: Annotated[str, typer.Argument(help="How long you studied: 45m, 1h30m, 1.5h.", show_default=False, metavar="DURATION")],
    at: AtOpt = None,
    note: NoteOpt = None,
) -> None:
    """Record study time on a topic; logging a todo topic starts it."""
    from infra_roadmap import progress
    from infra_roadmap.timeparse import parse_duration

    s = session(ctx)
    rm = s.roadmap()
    found = rm.resolve_topic(topic)
    minutes = parse_duration(duration)
    moment = s.when(at)
    before, after = progress.log_time(s.db_path, rm, found, minutes, at=moment, note=note)
    render.logged(found, minutes, before, after, s.lang())


@app.command()
def undo(ctx: typer.Context) -> None:
    """Take back the last change, and say what it was."""
    from infra_roadmap import progress

    s = session(ctx)
    render.undone(progress.undo(s.db_path), s.tz)


@app.command()
def history(
    ctx: typer.Context,
    since: Annotated[Optional[str], typer.Option("--since", help="Only events from then on: an ISO date or date-time, 'today' or 'yesterday'.", show_default=False, metavar="WHEN")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", "-t", help="Only events of this topic.", show_default=False, metavar="TOPIC")] = None,
    json_: JsonFlag = False,
) -> None:
    """Show the event log, oldest first."""
    from infra_roadmap import progress

    s = session(ctx)
    rm = s.roadmap()
    found = rm.resolve_topic(topic) if topic else None
    start = s.when(since, start_of_day=True) if since else None
    events = progress.history(s.snapshot(), rm, since=start, topic=found)
    if json_:
        render.emit_json([e.to_dict() for e in events])
    else:
        render.history(events, s.tz)


config_app = typer.Typer(help="Read and change settings (exam-date, weekly-goal-hours, direction, focus, lang).",
                         no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("list")
def config_list(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """List every setting with its value and where it comes from."""
    s = session(ctx)
    values = s.settings()
    stored = s.snapshot().settings
    if json_:
        render.emit_json(values)
    else:
        render.settings(values, stored)


@config_app.command("get")
def config_get(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The setting's name, e.g. exam-date.", show_default=False, metavar="KEY")],
    json_: JsonFlag = False,
) -> None:
    """Print one setting's value."""
    from infra_roadmap import config

    s = session(ctx)
    values = s.settings()
    if key not in values:
        if key.startswith(config.WEIGHT_PREFIX):
            config.parse(key, "1")  # an unknown term fails here with the list of terms
            raise RoadmapError(f"{key} is not set (the focus preset decides it)")
        config.parse(key, "")
    if json_:
        render.emit_json({key: values[key]})
    else:
        render.emit_text(f"{'' if values[key] is None else values[key]}\n")


@config_app.command("set")
def config_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The setting's name: exam-date, weekly-goal-hours, direction, focus, lang or weight.<term>.", show_default=False, metavar="KEY")],
    value: Annotated[str, typer.Argument(help="The new value ('none' clears direction).", show_default=False, metavar="VALUE")],
) -> None:
    """Change a setting (checked before it is stored)."""
    from infra_roadmap import progress

    s = session(ctx)
    stored = progress.set_setting(s.db_path, key, value)
    render.message(f"{key} = {'none' if stored is None else stored}")


@app.command()
def export(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False, show_default=False, metavar="FILE")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite --output if it exists.")] = False,
) -> None:
    """Write all progress (events and settings) as one JSON document."""
    import json

    from infra_roadmap import progress

    s = session(ctx)
    document = progress.export(s.snapshot(), s.now)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        render.emit_text(text)
        return
    _write_file(output, text, force)
    render.message(f"Exported {len(document['events'])} events to {output}")


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A file written by 'roadmap export' ('-' reads stdin).", show_default=False, metavar="FILE")],
) -> None:
    """Merge an export into your progress; events already present are not added again."""
    from infra_roadmap import progress

    s = session(ctx)
    if str(file) == "-":
        text, source = sys.stdin.read(), "stdin"
    else:
        try:
            text, source = file.read_text(encoding="utf-8"), str(file)
        except (OSError, UnicodeDecodeError) as exc:
            raise RoadmapError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from None
    events, settings_in = progress.parse_export(text, source)
    added = progress.import_file(s.db_path, events, settings_in)
    render.message(f"Imported {added} new event(s) from {source} ({len(events) - added} already present)")


@app.command()
def doctor(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """Check where your data lives and whether it is sound."""
    from infra_roadmap import content, progress

    s = session(ctx)
    result = content.load(s.folders())
    report = progress.doctor(s.db_path, result.problems, result.roadmap)
    if json_:
        render.emit_json(report)
    else:
        render.doctor(report)
    if not report["ok"]:
        raise typer.Exit(1)


def _write_file(path: Path, text: str, force: bool, newline: str | None = None) -> None:
    if path.exists() and not force:
        raise RoadmapError(f"{path} exists; add --force to overwrite it")
    if path.is_dir():
        raise RoadmapError(f"{path} is a folder")
    try:
        tmp = path.with_name(f".{path.name}.tmp")
        with open(tmp, "w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
        tmp.replace(path)
    except OSError as exc:
        raise RoadmapError(f"cannot write {path}: {exc.strerror}") from None


def main(prog_name: str = "roadmap") -> None:
    """The console script. Typer builds a Click command for every registered command at each
    start; building only the one the user asked for saves most of that (help and errors for
    unknown commands still see them all)."""
    only = _requested_command(sys.argv[1:])
    if only is not None:
        app.registered_commands = [c for c in app.registered_commands if _command_name(c) == only]
        app.registered_groups = [g for g in app.registered_groups if g.name == only]
    app(prog_name=prog_name)


_GLOBAL_OPTIONS_WITH_VALUE = {"--data-dir", "--roadmap"}


def _command_name(info) -> str:
    return info.name or info.callback.__name__.replace("_", "-").strip("-")


def _requested_command(argv: list[str]) -> str | None:
    names = {_command_name(c) for c in app.registered_commands} | {g.name for g in app.registered_groups}
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in _GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
            continue
        if arg.startswith("-"):
            if arg in ("--help", "-h", "--version"):
                return None
            continue
        return arg if arg in names else None
    return None
