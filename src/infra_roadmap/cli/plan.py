"""Where you stand and where you are going: the `status` dashboard and the study `plan` (and the
measured pace that both show). The weekly report lives in `report`."""

from __future__ import annotations

import os
import sys
import time
import zlib
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING, Annotated

import typer

from infra_roadmap import cachefile, paths, shapes, textsafe
from infra_roadmap.cli import complete
from infra_roadmap.cli.options import ForceFlag, JsonFlag, OutputOpt
from infra_roadmap.cli.root import NegativeValues, app, usage_error
from infra_roadmap.cli.session import Session, session
from infra_roadmap.errors import UsageProblem
from infra_roadmap.localzone import LOCAL
from infra_roadmap.render.console import emit_json, emit_text, message
from infra_roadmap.vocab import PlanFormat

if TYPE_CHECKING:
    from infra_roadmap.plan import Plan as StudyPlan
    from infra_roadmap.progress.review import Card


@app.command()
def status(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """Show a dashboard: progress by layer, discipline and exam subject, this week, streak, exam."""
    from infra_roadmap import dashboard
    from infra_roadmap.render import study as render

    s = session(ctx)
    days = s.snapshot.minutes_by_local_day()
    recalls = s.recalls(due_only=False)
    data = dashboard.build(s.roadmap, s.states, days, s.settings, now=s.now, tz=s.tz, recalls=recalls)
    pace, shares, until = pace_projection(s)
    data["clock"] = shapes.clock(s.snapshot.clock, s.now)
    data["pace"] = {"minutes_per_week": pace, "until": until.isoformat(), "covered_share": shares}
    if json_:
        emit_json(data)
        return
    from infra_roadmap.reports.plan import pace_line

    exam_eve = until == s.settings.exam_date - timedelta(days=1)
    render.dashboard(
        data, s.lang, pace_line=pace_line(s.roadmap, pace, shares, until, exam_eve, s.lang, short=True)
    )


def _hours_per_week(text: str | None) -> float | None:
    from infra_roadmap.settings import MAX_DAY_HOURS
    from infra_roadmap.textsafe import shown

    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise UsageProblem("error.invalid_plan_hours", value=shown(text)) from None
    most = 7 * MAX_DAY_HOURS
    if not 0 < value <= most:
        raise UsageProblem("error.plan_hours_range", value=shown(text), most=most)
    return value


def _until(text: str | None, today: date) -> date | None:
    from infra_roadmap.textsafe import shown
    from infra_roadmap.timeparse import FIRST_YEAR, LAST_YEAR, within_years

    if text is None:
        return None
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise UsageProblem("error.invalid_until", value=shown(text)) from None
    if not within_years(day):
        raise UsageProblem("error.until_years", value=shown(text), first=FIRST_YEAR, last=LAST_YEAR)
    if day <= today:
        raise UsageProblem("error.until_past", value=shown(text), today=today.isoformat())
    return day - timedelta(days=1)  # --until is the day the plan leads up to, like the exam


def _priority_and_cards(s: Session) -> tuple[dict[str, float], dict[str, Card]]:
    """Each unfinished topic's `next` score, and the review cards of the finished topics."""
    from infra_roadmap import ranking
    from infra_roadmap.vocab import FINISHED

    rm, states = s.roadmap, s.states
    weights, context = s.ranking_inputs()
    open_topics = [
        t for tid, t in rm.topics.items() if tid not in states or states[tid].status not in FINISHED
    ]
    scores = ranking.score_topics(
        rm, open_topics, states, weights, context, counts=s.unlock_counts, explain=False
    )
    priority = {score.topic.id: score.total for score in scores}
    cards = {
        tid: card
        for tid, card in s.schedule.cards.items()
        if tid in states and states[tid].status in FINISHED
    }
    return priority, cards


def pace_projection(s: Session, until: date | None = None) -> tuple[int, dict[str, float], date]:
    """The measured pace (minutes a week) and the share of each paper covered by `until` (default:
    the eve of the exam) at that pace."""
    from infra_roadmap import plan as planning

    today = s.today()
    last = until if until is not None else planning.horizon(s.settings.exam_date, today)
    # The projection plans the whole roadmap at the measured pace (25 ms at 165 topics, a second
    # at 50,000) and depends only on the roadmap, the log, the settings, the day and the zone: kept
    # under a key of all of them, so any write, setting, new day or other zone computes it again.
    key = repr((s.roadmap.key, str(s.db_path), s.snapshot.marker, s.settings, today, last, _zone_id(s.tz)))
    where = "\n".join(str(p) for p in (s.db_path, *s.folders()))  # a file per database and roadmap
    name = f"pace-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}.marshal"
    target = paths.cache_dir() / name
    stored = cachefile.read(target, key) if s.roadmap.key else None
    if isinstance(stored, list) and len(stored) == 2 and isinstance(stored[1], dict):
        return int(stored[0]), stored[1], last
    pace = planning.pace_minutes_per_week(s.snapshot.minutes_by_local_day(), today)
    if pace <= 0:
        shares = planning.coverage_by(s.roadmap, s.states, ())
    else:
        priority, cards = _priority_and_cards(s)
        shares = planning.projection(
            s.roadmap,
            s.states,
            cards,
            s.settings,
            today=today,
            until=last,
            priority=priority,
            tz=s.tz,
            pace=pace,
        )
    if s.roadmap.key:
        cachefile.write(target, key, [pace, shares])
    return pace, shares, last


def _zone_id(tz: tzinfo) -> str:
    """What names the time zone in a cache key: the machine's zone by its rules, another by name."""
    return repr((os.environ.get("TZ"), time.tzname, time.timezone, time.altzone)) if tz is LOCAL else repr(tz)


def study_plan(
    s: Session, *, until: date | None = None, hours: float | None = None, target: str | None = None
) -> tuple[StudyPlan, dict[str, float], bool]:
    """The plan, where the measured pace leads, and whether it ends on the eve of the exam."""
    from infra_roadmap import plan as planning

    rm, states, today = s.roadmap, s.states, s.today()
    goal = rm.resolve_topic(target) if target is not None else None
    last = until if until is not None else planning.horizon(s.settings.exam_date, today)
    exam_eve = until is None and last == s.settings.exam_date - timedelta(days=1)
    priority, cards = _priority_and_cards(s)
    made = planning.make_plan(
        rm,
        states,
        cards,
        s.settings,
        today=today,
        until=last,
        priority=priority,
        tz=s.tz,
        hours_per_week=hours,
        target=goal,
    )
    pace, projected, _last = pace_projection(s, made.until)
    made.pace_minutes_per_week = pace
    return made, projected, exam_eve


@app.command("plan", cls=NegativeValues)
def plan_(
    ctx: typer.Context,
    until: Annotated[
        str | None,
        typer.Option(
            "--until",
            help="Plan up to this date, e.g. 2026-12-19 (default: the exam date while it is ahead, "
            "else twelve weeks).",
            show_default=False,
            metavar="DATE",
        ),
    ] = None,
    hours: Annotated[
        str | None,
        typer.Option(
            "--hours",
            help="Hours a week to plan with, spread over the seven days (default: config "
            "'availability', else 'weekly-goal-hours').",
            show_default=False,
            metavar="H",
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            "-t",
            help="Plan only what this topic needs, ending when it is reached.",
            show_default=False,
            metavar="TOPIC",
            autocompletion=complete.topics,
        ),
    ] = None,
    format: Annotated[
        PlanFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (default), json, md (Markdown for a blog) or ics (a calendar; with --output).",
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    json_: JsonFlag = False,
    output: OutputOpt = None,
    force: ForceFlag = False,
) -> None:
    """Plan the weeks to the exam: reviews first, then topics in `next` order, fitted to your hours."""
    from infra_roadmap import fsio
    from infra_roadmap.i18n import say
    from infra_roadmap.reports import plan as words

    s = session(ctx)
    if json_ and format not in (None, "json"):
        raise usage_error("error.usage.json_and_format", ctx)
    chosen = "json" if json_ else (format or "table")
    if chosen == "table" and output is not None:
        raise usage_error("error.usage.table_to_file", ctx)
    weekly = _hours_per_week(hours)
    last = _until(until, s.today())
    if target is not None:
        goal = s.roadmap.resolve_topic(target)
        state = s.states.get(goal.id)
        if state is not None and state.status in ("done", "skipped"):
            from infra_roadmap.i18n import name

            message(
                say("plan.target_done", s.lang, target=goal.id, status=name("status", state.status, s.lang))
            )
            return
    made, projected, exam_eve = study_plan(s, until=last, hours=weekly, target=target)
    rm = s.roadmap
    data = shapes.plan(made, rm, projected)
    if chosen == "table":
        from infra_roadmap.render import plan as render

        if not made.scope:
            message(say("plan.nothing", s.lang))
            return
        render.plan(data, rm, s.lang, exam_eve=exam_eve)
        return
    if chosen == "json":
        import json

        text = textsafe.json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    elif chosen == "md":
        text = words.to_markdown(data, rm, s.lang, exam_eve=exam_eve)
    else:
        import os

        from infra_roadmap import ics

        if output is None and sys.stdout.isatty():
            raise usage_error("error.usage.calendar_needs_output", ctx)
        text = ics.to_ics(made, rm, tz=s.tz, zone=ics.zone_name(os.environ), now=s.now, lang=s.lang).decode()
    if output is None:
        if chosen == "ics":
            sys.stdout.buffer.write(text.encode())
        else:
            emit_text(text)
        return
    fsio.write_text(output, text, force=force)
    from rich.markup import escape

    if chosen == "ics":
        events = sum(len(week.blocks) for week in made.weeks)
        message(escape(say("plan.wrote_ics", s.lang, count=events, path=output)))
    else:
        message(escape(say("plan.wrote", s.lang, format=chosen, path=output)))
