"""Recording what was studied: states (one topic or a whole part), the clock and the timer, time,
undo, history. What to study next lives in `guide`."""

from __future__ import annotations

from typing import Annotated

import typer

from infra_roadmap import shapes
from infra_roadmap.cli import complete
from infra_roadmap.cli.options import (
    AtOpt,
    DisciplineOpt,
    JsonFlag,
    LayerOpt,
    NoteOpt,
    SomeTopicsArg,
    SubjectOpt,
    TopicArg,
    YesFlag,
)
from infra_roadmap.cli.root import NegativeValues, app
from infra_roadmap.cli.session import Session, session
from infra_roadmap.errors import RoadmapError, UsageProblem
from infra_roadmap.i18n import say
from infra_roadmap.render.console import emit_json


def _change(
    ctx: typer.Context,
    kind: str,
    topics: list[str] | None,
    at: str | None,
    note: str | None,
    part: tuple[str | None, str | None, str | None] = (None, None, None),
    yes: bool = False,
) -> None:
    """A state change of the topics named, and of a whole part (--layer, --discipline,
    --subject): a part is shown first and changed after a yes (asked on a terminal, --yes
    otherwise), as one change that one `undo` takes back."""
    import sys

    from infra_roadmap import paths
    from infra_roadmap.progress import actions
    from infra_roadmap.progress.events import STATUS_AFTER
    from infra_roadmap.render import progress as render

    s = session(ctx)
    rm = s.roadmap
    layer, discipline, subject = part
    if not topics and part == (None, None, None):
        raise UsageProblem("error.need_topics")
    resolved = [rm.resolve_topic(t) for t in topics or []]  # every name checked before anything is written
    if part != (None, None, None):
        keep = rm.matcher(layer=layer, discipline=discipline, subject=subject, teaches=True)
        group = [t for t in rm.topics.values() if keep(t)]
        after = STATUS_AFTER[kind]
        changing = [t for t in group if s.states.get(t.id) is None or s.states[t.id].status != after]
        what = " ".join(
            f"--{name} {value}"
            for name, value in zip(("layer", "discipline", "subject"), part, strict=True)
            if value
        )
        render.part_preview(kind, what, [shapes.topic_name(t) for t in changing], len(group), s.lang)
        if not changing:
            return
        if not yes:
            if not sys.stdin.isatty():
                raise RoadmapError("error.unchanged_need_yes", kind=kind, count=len(changing))
            verb = say(f"screen.part.confirm.{kind}", s.lang)
            if not typer.confirm(
                say("screen.part.confirm", s.lang, verb=verb, count=len(changing)), default=False, err=True
            ):
                raise RoadmapError("error.unchanged")
        resolved += changing
    moment = s.when(at)
    changes = actions.change_state(
        s.db_path, rm, kind, resolved, at=moment, note=note, cache_dir=paths.cache_dir()
    )
    render.changes([shapes.change(change) for change in changes], s.lang)


@app.command()
def start(
    ctx: typer.Context,
    topics: SomeTopicsArg = None,
    layer: LayerOpt = None,
    discipline: DisciplineOpt = None,
    subject: SubjectOpt = None,
    yes: YesFlag = False,
    at: AtOpt = None,
    note: NoteOpt = None,
    no_clock: Annotated[
        bool, typer.Option("--no-clock", help="Only mark the topic in progress; start no clock.")
    ] = False,
) -> None:
    """Start studying: mark topics in progress; with one topic, also start its study clock
    ('roadmap stop' logs the time)."""
    from infra_roadmap import paths
    from infra_roadmap.progress import actions
    from infra_roadmap.render import progress as render

    part = (layer, discipline, subject)
    if not topics or len(topics) != 1 or no_clock or part != (None, None, None):
        _change(ctx, "start", topics, at, note, part, yes)
        return
    s = session(ctx)
    found = s.roadmap.resolve_topic(topics[0])
    moment = s.when(at)
    started = actions.start_clock(
        s.db_path, s.roadmap, found, at=moment, note=note, cache_dir=paths.cache_dir()
    )
    render.clock_started(started, shapes.topic_name(found), moment, s.now, s.tz, s.lang)


@app.command()
def stop(
    ctx: typer.Context,
    note: NoteOpt = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="When you stopped (default: now), for a clock you forgot: an ISO date-time "
            "(local time), 'today' or 'yesterday'.",
            show_default=False,
            metavar="WHEN",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Log a clock that ran more than 12 hours as it is.")
    ] = False,
) -> None:
    """Stop the study clock and log the minutes since it started to its topic."""
    from infra_roadmap import paths
    from infra_roadmap.progress import actions
    from infra_roadmap.render import progress as render

    s = session(ctx)
    stopped = actions.stop_clock(
        s.db_path,
        s.roadmap,
        at=s.when(at),
        note=note,
        at_given=at is not None,
        force=force,
        cache_dir=paths.cache_dir(),
    )
    render.clock_stopped(stopped, _name_of(s, stopped.topic), s.lang)


@app.command()
def cancel(ctx: typer.Context) -> None:
    """Drop the running study clock without logging its time."""
    from infra_roadmap import paths
    from infra_roadmap.progress import actions
    from infra_roadmap.render import progress as render

    s = session(ctx)
    dropped = actions.cancel_clock(s.db_path, s.roadmap, at=s.now, cache_dir=paths.cache_dir())
    render.clock_cancelled(dropped, _name_of(s, dropped.topic), s.now, s.lang)


@app.command(cls=NegativeValues)  # '-5m' reaches the duration check
def timer(
    ctx: typer.Context,
    topic: TopicArg,
    duration: Annotated[
        str,
        typer.Argument(help="How long to study: 25m, 50m, 1h30m.", show_default=False, metavar="DURATION"),
    ],
    note: NoteOpt = None,
) -> None:
    """Count down while you study (a progress bar, a bell at the end), then log the time;
    Ctrl-C stops early and logs the whole minutes studied."""
    import signal
    from datetime import timedelta

    from infra_roadmap import paths
    from infra_roadmap.errors import RoadmapError
    from infra_roadmap.progress import actions
    from infra_roadmap.render import progress as render
    from infra_roadmap.render import timer as countdown
    from infra_roadmap.timeparse import parse_duration

    s = session(ctx)
    rm = s.roadmap
    found = rm.resolve_topic(topic)
    minutes = parse_duration(duration)
    running = s.snapshot.clock
    if running is not None and running.topic == found.id:
        raise RoadmapError("error.clock_already_running", topic=found.id, since=actions.local(running.since))
    began = s.now
    started = actions.start_clock(s.db_path, rm, found, at=began, note=note, cache_dir=paths.cache_dir())
    name = shapes.topic_name(found)
    render.timer_started(started, name, minutes, began, s.tz, s.lang)
    ended = countdown.countdown(minutes * 60, f"{found.title_zh if s.lang == 'zh' else found.title}", note)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C cannot cut the write
    try:
        at = began + timedelta(seconds=ended.seconds)
        if ended.seconds < 60:
            actions.cancel_clock(s.db_path, rm, at=at, cache_dir=paths.cache_dir())
            render.timer_too_short(name, ended.seconds, s.lang)
            return
        stopped = actions.stop_clock(
            s.db_path, rm, at=at, note=note, at_given=True, force=True, cache_dir=paths.cache_dir()
        )
        render.clock_stopped(stopped, name, s.lang, early=ended.interrupted)
    finally:
        signal.signal(signal.SIGINT, previous)


def _name_of(s: Session, topic_id: str) -> dict[str, object]:
    """The names of a topic by its id, also for an id that left the roadmap."""
    found = s.roadmap.topics.get(s.roadmap.canonical_id(topic_id) or topic_id)
    return shapes.topic_name(found) if found else {"id": topic_id, "title": topic_id, "title_zh": None}


@app.command()
def done(
    ctx: typer.Context,
    topics: SomeTopicsArg = None,
    layer: LayerOpt = None,
    discipline: DisciplineOpt = None,
    subject: SubjectOpt = None,
    yes: YesFlag = False,
    at: AtOpt = None,
    note: NoteOpt = None,
) -> None:
    """Mark topics as done; or a whole part: --layer, --discipline, or --subject (its syllabus
    chapters: the foundation topics that teach its points)."""
    _change(ctx, "done", topics, at, note, (layer, discipline, subject), yes)


@app.command()
def skip(
    ctx: typer.Context,
    topics: SomeTopicsArg = None,
    layer: LayerOpt = None,
    discipline: DisciplineOpt = None,
    subject: SubjectOpt = None,
    yes: YesFlag = False,
    at: AtOpt = None,
    note: NoteOpt = None,
) -> None:
    """Mark topics as skipped: you know them already (they count as covered); or a whole part:
    --layer, --discipline, or --subject (its syllabus chapters)."""
    _change(ctx, "skip", topics, at, note, (layer, discipline, subject), yes)


@app.command()
def reset(
    ctx: typer.Context,
    topics: SomeTopicsArg = None,
    layer: LayerOpt = None,
    discipline: DisciplineOpt = None,
    subject: SubjectOpt = None,
    yes: YesFlag = False,
    at: AtOpt = None,
    note: NoteOpt = None,
) -> None:
    """Set topics back to todo (their logged time stays in the history); or a whole part:
    --layer, --discipline, or --subject (its syllabus chapters)."""
    _change(ctx, "reset", topics, at, note, (layer, discipline, subject), yes)


@app.command(cls=NegativeValues)  # '-30m' reaches the duration check
def log(
    ctx: typer.Context,
    topic: TopicArg,
    duration: Annotated[
        str,
        typer.Argument(
            help="How long you studied: 45m, 1h30m, 1.5h.", show_default=False, metavar="DURATION"
        ),
    ],
    at: AtOpt = None,
    note: NoteOpt = None,
) -> None:
    """Record study time on a topic; logging a todo topic starts it."""
    from infra_roadmap import paths
    from infra_roadmap.progress import actions
    from infra_roadmap.render import progress as render
    from infra_roadmap.timeparse import parse_duration

    s = session(ctx)
    rm = s.roadmap
    found = rm.resolve_topic(topic)
    minutes = parse_duration(duration)
    moment = s.when(at)
    before, after = actions.log_time(
        s.db_path, rm, found, minutes, at=moment, note=note, cache_dir=paths.cache_dir()
    )
    render.logged(shapes.topic_name(found), minutes, before.status, after.minutes, s.lang)


@app.command()
def undo(
    ctx: typer.Context,
    event: Annotated[
        int | None,
        typer.Argument(
            help="Take back only this event (its id in 'roadmap history'); default: the last change.",
            show_default=False,
            metavar="[EVENT]",
            min=1,
        ),
    ] = None,
) -> None:
    """Take back the last change (one command, or a whole import), or one event by its id; say
    what it was. Nothing is deleted: the log keeps the undo."""
    from infra_roadmap import paths
    from infra_roadmap.progress import actions
    from infra_roadmap.render import progress as render

    s = session(ctx)
    taken = actions.undo(s.db_path, s.roadmap, cache_dir=paths.cache_dir(), event_id=event)
    render.undone([shapes.history_event(e) for e in taken], s.tz, s.lang)


@app.command()
def history(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only events from then on: an ISO date or date-time, 'today' or 'yesterday'.",
            show_default=False,
            metavar="WHEN",
        ),
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            "-t",
            help="Only events of this topic.",
            show_default=False,
            metavar="TOPIC",
            autocompletion=complete.topics,
        ),
    ] = None,
    json_: JsonFlag = False,
) -> None:
    """Show the event log, oldest first."""
    from infra_roadmap.progress.history import history as events_of
    from infra_roadmap.render import progress as render

    s = session(ctx)
    rm = s.roadmap
    found = rm.resolve_topic(topic) if topic else None
    start_at = s.when(since, start_of_day=True) if since else None
    events = [shapes.history_event(e) for e in events_of(s.snapshot, rm, since=start_at, topic=found)]
    if json_:
        emit_json(events)
    else:
        render.history(events, s.tz, s.lang)
