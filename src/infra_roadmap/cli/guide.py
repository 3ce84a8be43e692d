"""What to study: `next` (with its reasons), `path` (the way to a topic) and `review` (what is
due, and recording a review)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from infra_roadmap import shapes
from infra_roadmap.cli import complete
from infra_roadmap.cli.options import (
    AtOpt,
    DirectionOpt,
    DisciplineOpt,
    FocusOpt,
    JsonFlag,
    LayerOpt,
    NoteOpt,
    SubjectOpt,
    TopicArg,
)
from infra_roadmap.cli.root import app
from infra_roadmap.cli.session import session
from infra_roadmap.errors import UsageProblem
from infra_roadmap.i18n import say
from infra_roadmap.render.console import emit_json, message
from infra_roadmap.vocab import RATINGS


@app.command("next")
def next_(
    ctx: typer.Context,
    count: Annotated[
        int, typer.Option("-n", "--count", help="How many topics to show.", min=1, max=1000, metavar="N")
    ] = 5,
    layer: LayerOpt = None,
    discipline: DisciplineOpt = None,
    subject: SubjectOpt = None,
    direction: DirectionOpt = None,
    focus: FocusOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show every term as value × weight = contribution.")
    ] = False,
    json_: JsonFlag = False,
) -> None:
    """Recommend what to study next, best first, each with its reasons."""
    from dataclasses import asdict

    from infra_roadmap import ranking, route
    from infra_roadmap.render import study as render

    s = session(ctx)
    rm, states = s.roadmap, s.states
    weights, context = s.ranking_inputs(focus, direction)
    keep = rm.matcher(layer=layer, discipline=discipline, subject=subject)
    due = {r.topic: r for r in s.recalls()}
    ranked = ranking.rank(
        rm, states, weights, context, lang=s.lang, keep=keep, counts=s.unlock_counts, reviews=due
    )
    scores = ranked[:count]
    rows = [shapes.next_item(sc, states) for sc in scores]
    if json_:
        emit_json(rows)
        return
    if s.snapshot.clock is not None:
        from infra_roadmap.render.progress import clock_line

        clock = clock_line(shapes.clock(s.snapshot.clock, s.now), s.lang)
        message(escape(say("screen.clock.hint", s.lang, clock=clock)))
    if not rows:
        message(route.nothing_next(rm, states, keep, s.lang))
        return
    days_left = (context.exam_date - context.today).days
    render.next_table(rows, s.lang, asdict(weights) if explain else None, days_left=days_left)


@app.command()
def path(ctx: typer.Context, target: TopicArg, focus: FocusOpt = None, json_: JsonFlag = False) -> None:
    """Plan the way to a topic: its unfinished prerequisites in study order, with total hours."""
    from infra_roadmap import route
    from infra_roadmap.render import study as render

    s = session(ctx)
    rm = s.roadmap
    goal = rm.resolve_topic(target)
    states = s.states
    weights, context = s.ranking_inputs(focus)
    steps = route.path_to(rm, goal, states, weights, context, lang=s.lang, counts=s.unlock_counts)
    data = shapes.path(goal, steps, states)
    if json_:
        emit_json(data)
    else:
        render.path(data, s.lang)


@app.command()
def review(
    ctx: typer.Context,
    topic: Annotated[
        str | None,
        typer.Argument(
            help="The topic reviewed (with RATING: record a review).",
            show_default=False,
            metavar="[TOPIC",
            autocompletion=complete.topics,
        ),
    ] = None,
    rating: Annotated[
        str | None,
        typer.Argument(
            help="How it went: again, hard, good or easy (or 1 to 4).",
            show_default=False,
            metavar="RATING]",
            autocompletion=complete.ratings,
        ),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="List every scheduled topic, not only those due.")
    ] = False,
    at: AtOpt = None,
    note: NoteOpt = None,
    minutes: Annotated[
        str | None,
        typer.Option(
            "--minutes",
            help="Time the review took (e.g. 20m); it counts as study time.",
            show_default=False,
            metavar="DURATION",
        ),
    ] = None,
    json_: JsonFlag = False,
) -> None:
    """List the reviews due, lowest recall first; with TOPIC and RATING, record one."""
    from infra_roadmap import paths
    from infra_roadmap.render import study as render

    s = session(ctx)
    if topic is None:
        rows = [shapes.review_item(s.roadmap, r) for r in s.recalls(due_only=not all_)]
        if json_:
            emit_json(rows)
        else:
            render.reviews(rows, s.lang, scheduled=len(s.schedule.cards), due_only=not all_)
        return
    from infra_roadmap.progress import actions
    from infra_roadmap.progress.schedules import schedule
    from infra_roadmap.store.read import read_snapshot
    from infra_roadmap.timeparse import parse_duration, parse_rating

    if rating is None:
        raise UsageProblem("error.need_rating")
    found = s.roadmap.resolve_topic(topic)
    value = parse_rating(rating)
    spent = parse_duration(minutes) if minutes else 0
    actions.record_review(
        s.db_path,
        s.roadmap,
        found,
        value,
        at=s.when(at),
        note=note,
        minutes=spent,
        cache_dir=paths.cache_dir(),
    )
    after = schedule(read_snapshot(s.db_path), s.roadmap, s.settings.retention, paths.cache_dir())
    card = after.cards.get(found.id)
    render.reviewed(shapes.topic_name(found), RATINGS[value - 1], card.due if card else None, s.tz, s.lang)
