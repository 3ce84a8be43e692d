"""Looking back and ahead: the `status` dashboard and the weekly `report`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from infra_roadmap import shapes
from infra_roadmap.cli.options import ForceFlag, JsonFlag, OutputOpt
from infra_roadmap.cli.root import app, usage_error
from infra_roadmap.cli.session import session
from infra_roadmap.cli.study import ranking_inputs
from infra_roadmap.render.console import emit_json, emit_text, message
from infra_roadmap.vocab import ReportFormat

if TYPE_CHECKING:
    from infra_roadmap.reports.model import WeeklyReport


def _markdown(report: WeeklyReport) -> str:
    from infra_roadmap.reports import to_markdown

    return to_markdown.render(report)


def _json(report: WeeklyReport) -> str:
    import json

    return json.dumps(shapes.weekly_report(report), ensure_ascii=False, indent=2) + "\n"


def _csv(report: WeeklyReport) -> str:
    from infra_roadmap.reports import to_csv

    return to_csv.render(report)


def _html(report: WeeklyReport) -> str:
    from infra_roadmap.reports import to_html

    return to_html.render(report)


# Each format's writer, imported only when that format is asked for.
WRITERS: dict[str, Callable[[WeeklyReport], str]] = {
    "md": _markdown,
    "json": _json,
    "csv": _csv,
    "html": _html,
}


@app.command()
def status(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """Show a dashboard: progress by layer, discipline and exam subject, this week, streak, exam."""
    from infra_roadmap import dashboard
    from infra_roadmap.render import study as render

    s = session(ctx)
    days = s.snapshot.minutes_by_local_day()
    recalls = s.recalls(due_only=False)
    data = dashboard.build(s.roadmap, s.states, days, s.settings, now=s.now, tz=s.tz, recalls=recalls)
    if json_:
        emit_json(data)
    else:
        render.dashboard(data, s.lang)


@app.command()
def report(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(
            "--week",
            "-w",
            help="The ISO week to report, e.g. 2026-W48 (default: this week).",
            show_default=False,
            metavar="WEEK",
        ),
    ] = None,
    last: Annotated[bool, typer.Option("--last", help="Report the last full week.")] = False,
    format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="md (default, Hexo/Hugo front matter), json, csv (one row per event) "
            "or html (one self-contained page).",
            show_default=False,
            case_sensitive=False,
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceFlag = False,
) -> None:
    """Write the weekly progress report: Markdown for the blog, JSON, CSV or an HTML page."""
    from infra_roadmap import fsio, ranking
    from infra_roadmap.progress.reporting import log_view
    from infra_roadmap.reports import build, weeks

    s = session(ctx)
    if week is not None and last:
        raise usage_error("use either --week or --last, not both", ctx)
    if week is not None:
        year, number = weeks.parse_week(week)
    elif last:
        year, number = weeks.last_full_week(s.now, s.tz)
    else:
        year, number = weeks.current_week(s.now, s.tz)
    rm, states = s.roadmap, s.states
    weights, context = ranking_inputs(s)
    due = {r.topic: r for r in s.recalls()}
    top = ranking.rank(rm, states, weights, context, lang=s.lang, counts=s.unlock_counts, reviews=due)[:5]
    plan = [shapes.next_item(sc, states) for sc in top]
    start, end = weeks.week_bounds(year, number, s.tz)
    view = log_view(s.snapshot, rm, states, start, end)
    data = build.report_from(
        view,
        rm,
        year=year,
        week=number,
        tz=s.tz,
        now=s.now,
        weekly_goal_hours=s.settings.weekly_goal_hours,
        plan=plan,
    )
    chosen = format or "md"
    if format is None and output is None and sys.stdout.isatty():
        from infra_roadmap.render import study as render

        render.markdown(WRITERS["md"](data))
        return
    text = WRITERS[chosen](data)
    if output is None:
        emit_text(text)
        return
    fsio.write_text(output, text, force=force)
    from rich.markup import escape

    message(f"Wrote the {data.week} report ({chosen}) to {escape(output)}")
