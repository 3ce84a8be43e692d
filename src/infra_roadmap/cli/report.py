"""The weekly report: Markdown for the blog, JSON, CSV or one HTML page, in the user's language."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from infra_roadmap import shapes, textsafe
from infra_roadmap.cli.options import ForceFlag, OutputOpt
from infra_roadmap.cli.root import app, usage_error
from infra_roadmap.cli.session import session
from infra_roadmap.render.console import emit_text, message
from infra_roadmap.vocab import ReportFormat

if TYPE_CHECKING:
    from infra_roadmap.reports.model import WeeklyReport


def _markdown(report: WeeklyReport, lang: str) -> str:
    from infra_roadmap.reports import to_markdown

    return to_markdown.render(report, lang)


def _json(report: WeeklyReport, lang: str) -> str:
    """Machine values and both titles whatever `lang` says: scripts read it."""
    import json

    return textsafe.json_text(json.dumps(shapes.weekly_report(report), ensure_ascii=False, indent=2)) + "\n"


def _csv(report: WeeklyReport, lang: str) -> str:
    from infra_roadmap.reports import to_csv

    return to_csv.render(report, lang)


def _html(report: WeeklyReport, lang: str) -> str:
    from infra_roadmap.reports import to_html

    return to_html.render(report, lang)


# Each format's writer, imported only when that format is asked for; each takes the report and
# the user's `lang`.
WRITERS: dict[str, Callable[[WeeklyReport, str], str]] = {
    "md": _markdown,
    "json": _json,
    "csv": _csv,
    "html": _html,
}


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
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="With --format csv: start the file with a UTF-8 byte order mark, so that Excel "
            "(Chinese Windows included) opens it with the Chinese text intact instead of mojibake.",
        ),
    ] = False,
    output: OutputOpt = None,
    force: ForceFlag = False,
) -> None:
    """Write the weekly progress report: Markdown for the blog, JSON, CSV or an HTML page."""
    from infra_roadmap import fsio, ranking
    from infra_roadmap.progress.reporting import log_view
    from infra_roadmap.reports import build, weeks

    s = session(ctx)
    if week is not None and last:
        raise usage_error("error.usage.week_and_last", ctx)
    if week is not None:
        year, number = weeks.parse_week(week)
    elif last:
        year, number = weeks.last_full_week(s.now, s.tz)
    else:
        year, number = weeks.current_week(s.now, s.tz)
    chosen = format or "md"
    if excel and chosen != "csv":
        raise usage_error("error.excel_needs_csv", ctx)
    rm, states = s.roadmap, s.states
    weights, context = s.ranking_inputs()
    context = replace(context, dates_in=s.tz)  # a published page names dates, never "since Sat"
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
    if format is None and output is None and sys.stdout.isatty():
        from infra_roadmap.render import study as render

        render.markdown(WRITERS["md"](data, s.lang))
        return
    if excel:
        from infra_roadmap.reports import to_csv

        text = to_csv.render(data, s.lang, excel=True)
    else:
        text = WRITERS[chosen](data, s.lang)
    if output is None:
        emit_text(text)
        return
    fsio.write_text(output, text, force=force)
    from rich.markup import escape

    from infra_roadmap.i18n import say

    message(say("report.wrote", s.lang, week=data.week, format=chosen, path=escape(output)))
