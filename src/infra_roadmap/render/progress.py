"""What the progress commands show: changes, time logged, undo, history, settings, doctor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from infra_roadmap import textsafe
from infra_roadmap.i18n import say
from infra_roadmap.progress.events import STATUS_AFTER
from infra_roadmap.render.console import message, out
from infra_roadmap.render.labels import STATUS_LABEL, minutes, title
from infra_roadmap.render.table import Column, table

if TYPE_CHECKING:
    from infra_roadmap.progress.actions import ClockStart, Stopped
    from infra_roadmap.store.read import Clock

_VERB = {"start": "Started", "done": "Done", "skip": "Skipped", "reset": "Reset"}


def _name(topic: Mapping[str, Any], lang: str) -> str:
    return escape(f"{title(topic, lang)} ({textsafe.line(topic['id'])})")


def change(c: Mapping[str, Any], lang: str = "both") -> None:
    """One state change (`shapes.change`)."""
    name = _name(c, lang)
    if c["recorded"]:
        clocked = c.get("clock_minutes")
        stopped = f" (its clock stopped: {minutes(clocked) or '0m'} logged)" if clocked is not None else ""
        message(
            f"{_VERB[c['kind']]}: {name} [dim]{STATUS_LABEL[c['before']]} → {STATUS_LABEL[c['after']]}[/dim]"
            + stopped
        )
    else:
        message(f"[dim]{name} is already {STATUS_LABEL[c['after']]}; nothing to change[/dim]")


def logged(topic: Mapping[str, Any], added: int, before: str, total: int, lang: str = "both") -> None:
    extra = " and started it" if before == "todo" else ""
    message(f"Logged {minutes(added)} on {_name(topic, lang)}{extra} [dim](total {minutes(total)})[/dim]")


def _local(moment: str, tz: tzinfo) -> str:
    return datetime.fromisoformat(moment).astimezone(tz).strftime("%Y-%m-%d %H:%M")


def undone(events: Sequence[Mapping[str, Any]], tz: tzinfo) -> None:
    """What `undo` took back (`shapes.history_event` items); many events are counted."""
    if not events:
        message("Nothing to undo.")
        return
    parts = []
    for e in events[:PART_SHOWN]:
        what = f"log {minutes(e['minutes'])}" if e["kind"] == "log" else e["kind"]
        parts.append(f"{what} {e['topic']} ({_local(e['at'], tz)})")
    more = f"; and {len(events) - PART_SHOWN} more" if len(events) > PART_SHOWN else ""
    count = f" {len(events)} events" if len(events) > PART_SHOWN else ""
    message(f"Took back{count}: " + escape("; ".join(parts)) + more)


def history(events: Sequence[Mapping[str, Any]], tz: tzinfo) -> None:
    """The log (`shapes.history_event` items)."""
    if not events:
        message("No events yet.")
        return
    cells = [
        [str(e["id"]), _local(e["at"], tz), e["topic"], e["kind"], minutes(e["minutes"]), e["note"] or ""]
        for e in events
    ]
    table(
        [
            Column("id", "right", style="dim"),
            Column("when"),
            Column("topic", style="cyan"),
            Column("kind"),
            Column("time", "right"),
            Column("note", flex=True),
        ],
        cells,
    )
    total = sum(e["minutes"] for e in events)
    message(
        f"[dim]{len(events)} events, {minutes(total) or '0m'} logged · 'roadmap undo ID' takes one back[/dim]"
    )


def settings(values: Mapping[str, Any], stored: Mapping[str, Any]) -> None:
    from infra_roadmap.settings import display

    cells = [[key, display(value), "set" if key in stored else "default"] for key, value in values.items()]
    table([Column("key", style="cyan"), Column("value", flex=True), Column("", style="dim")], cells)


def doctor(report: Mapping[str, Any]) -> None:
    c = out()

    def line(label: str, value: Any, good: bool | None = None) -> None:
        mark = "  " if good is None else ("[green]✓[/green] " if good else "[red]✗[/red] ")
        c.print(f"{mark}[bold]{label}:[/bold] {escape(textsafe.line(value))}")

    line("data directory", report["data_dir"])
    if not report["exists"]:
        line("database", f"{report['database']} (not created yet: it appears on the first change)", True)
    else:
        line("database", f"{report['database']} ({report['size_bytes']:,} bytes)")
        version, latest = report["schema_version"], report["latest_schema_version"]
        if version is None:
            line("schema", "unknown: the file cannot be read", False)
        else:
            line("schema", f"v{version} (latest v{latest})", version == latest)
        if report["integrity"] is not None:
            line("integrity", report["integrity"], report["integrity"] == "ok")
            line("events", report["events"])
        orphans = report["orphaned"]
        if orphans:
            kept = ", ".join(f"{o['topic']} ({o['events']})" for o in orphans)
            line("events of topics that left the roadmap", f"{kept}; kept, and counted in reports")
        if report["backups"]:
            line("backups", ", ".join(report["backups"]))
    roadmap_problems = report["roadmap_problems"]
    line(
        "roadmap",
        "valid" if not roadmap_problems else f"{len(roadmap_problems)} problem(s)",
        not roadmap_problems,
    )
    for repair in report["repaired"]:
        c.print(f"[green]✓[/green] {escape(textsafe.line(repair))}")
    for problem in report["problems"]:
        c.print(f"[red]✗[/red] {escape(textsafe.line(problem))}")
    c.print("[green]All is well.[/green]" if report["ok"] else "[red]Something needs attention.[/red]")


# ---- the study clock -------------------------------------------------------------------------


def _clock_time(moment: datetime, tz: tzinfo, now: datetime) -> str:
    """'14:05' today, '2026-12-01 14:05' another day."""
    local = moment.astimezone(tz)
    return local.strftime("%H:%M" if local.date() == now.astimezone(tz).date() else "%Y-%m-%d %H:%M")


def clock_started(
    started: ClockStart, topic: Mapping[str, Any], at: datetime, now: datetime, tz: tzinfo, lang: str
) -> None:
    """What `start` did: the clock it handed over from, the state change, the clock started (at
    `at`), or the clock already running on this topic."""
    from infra_roadmap.progress.clock import elapsed_text

    if started.already is not None:
        since = started.already.since
        message(
            escape(
                say(
                    "clock.running",
                    lang,
                    topic=topic["id"],
                    time=_clock_time(since, tz, now),
                    elapsed=elapsed_text(since, now),
                )
            )
        )
        return
    if started.handed_over is not None:
        handed = started.handed_over
        message(
            escape(
                say(
                    "clock.handed_over",
                    lang,
                    topic=handed.topic,
                    elapsed=elapsed_text(handed.since, handed.at),
                    minutes=minutes(handed.minutes) or "0m",
                )
            )
        )
    if started.change is not None and started.change.recorded:
        from infra_roadmap import shapes

        change(shapes.change(started.change), lang)
    message(escape(say("clock.started", lang, topic=topic["id"], time=_clock_time(at, tz, now))))


def clock_stopped(
    stopped: Stopped, topic: Mapping[str, Any], lang: str, *, early: bool = False, total: int | None = None
) -> None:
    from infra_roadmap.progress.clock import elapsed_text

    if stopped.minutes == 0:
        message(escape(say("clock.stopped_empty", lang, topic=topic["id"])))
        return
    key = "clock.stopped_early" if early else "clock.stopped"
    message(
        escape(
            say(
                key,
                lang,
                topic=_plain_name(topic, lang),
                elapsed=elapsed_text(stopped.since, stopped.at),
                minutes=minutes(stopped.minutes),
                total=minutes(stopped.total),
            )
        )
    )


def clock_cancelled(dropped: Clock, topic: Mapping[str, Any], now: datetime, lang: str) -> None:
    from infra_roadmap.progress.clock import elapsed_text

    message(
        escape(
            say(
                "clock.cancelled",
                lang,
                topic=topic["id"],
                elapsed=elapsed_text(dropped.since, max(now, dropped.since)),
            )
        )
    )


def timer_started(
    started: ClockStart, topic: Mapping[str, Any], length: int, began: datetime, tz: tzinfo, lang: str
) -> None:
    from datetime import timedelta

    if started.handed_over is not None:
        handed = started.handed_over
        from infra_roadmap.progress.clock import elapsed_text

        elapsed = elapsed_text(handed.since, handed.at)
        message(
            escape(
                say(
                    "clock.handed_over",
                    lang,
                    topic=handed.topic,
                    elapsed=elapsed,
                    minutes=minutes(handed.minutes) or "0m",
                )
            )
        )
    end = _clock_time(began + timedelta(minutes=length), tz, began)
    message(
        escape(say("timer.started", lang, minutes=minutes(length), topic=_plain_name(topic, lang), time=end))
    )


def timer_too_short(topic: Mapping[str, Any], seconds: float, lang: str) -> None:
    message(escape(say("timer.too_short", lang, seconds=int(seconds), topic=topic["id"])))


def _plain_name(topic: Mapping[str, Any], lang: str) -> str:
    return f"{title(topic, lang)} ({textsafe.line(topic['id'])})"


def clock_line(clock: Mapping[str, Any] | None, lang: str) -> str:
    """'◷ vllm-pagedattention 0:42', or '' when no clock runs."""
    if clock is None:
        return ""
    hours, rest = divmod(clock["minutes"], 60)
    return say("clock.shown", lang, topic=textsafe.line(clock["topic"]), elapsed=f"{hours}:{rest:02d}")


# ---- whole parts -------------------------------------------------------------------------------

PART_SHOWN = 12  # topics a preview names; the rest are counted


def part_preview(kind: str, what: str, changing: Sequence[Mapping[str, Any]], total: int, lang: str) -> None:
    """What a state change of a whole part will change, before it is asked for."""
    verb = _VERB[kind].lower()
    if not changing:
        message(
            f"All {total} topics of {escape(what)} are {STATUS_LABEL[STATUS_AFTER[kind]]} already; nothing to change."
        )
        return
    names = ", ".join(textsafe.line(t["id"]) for t in changing[:PART_SHOWN])
    more = f" and {len(changing) - PART_SHOWN} more" if len(changing) > PART_SHOWN else ""
    message(f"{escape(what)}: {len(changing)} of {total} topics to be {verb}: {escape(names)}{more}")


def changes(items: Sequence[Mapping[str, Any]], lang: str) -> None:
    """State changes: each one, or a count when there are many."""
    recorded = [c for c in items if c["recorded"]]
    if len(items) <= PART_SHOWN:
        for c in items:
            change(c, lang)
        return
    kind = items[0]["kind"]
    message(
        f"{_VERB[kind]}: {len(recorded)} topics ({len(items) - len(recorded)} were already "
        f"{STATUS_LABEL[STATUS_AFTER[kind]]}) · 'roadmap undo' takes it all back"
    )
