"""What the progress commands show: changes, time logged, undo, history, settings, doctor."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from infra_roadmap import textsafe
from infra_roadmap.i18n import name, plural, say
from infra_roadmap.progress.events import STATUS_AFTER
from infra_roadmap.render.console import message, out
from infra_roadmap.render.labels import listed, minutes, no_minutes, status_label, title
from infra_roadmap.render.table import Column, table
from infra_roadmap.vocab import RATINGS

if TYPE_CHECKING:
    from infra_roadmap.progress.actions import ClockStart, Stopped
    from infra_roadmap.store.read import Clock


def _name(topic: Mapping[str, Any], lang: str) -> str:
    return escape(f"{title(topic, lang)} ({textsafe.line(topic['id'])})")


def change(c: Mapping[str, Any], lang: str = "both") -> None:
    """One state change (`shapes.change`)."""
    named = _name(c, lang)
    if c["recorded"]:
        clocked = c.get("clock_minutes")
        stopped = (
            escape(say("screen.change.clock", lang, time=minutes(clocked, lang) or no_minutes(lang)))
            if clocked is not None
            else ""
        )
        before, after = status_label(c["before"], lang), status_label(c["after"], lang)
        verb = say(f"screen.change.{c['kind']}", lang)
        message(
            f"{say('screen.change.line', lang, verb=verb, name=named)} [dim]{before} → {after}[/dim]"
            + stopped
        )
    else:
        said = say("screen.change.already", lang, name=named, status=status_label(c["after"], lang))
        message(f"[dim]{said}[/dim]")


def logged(topic: Mapping[str, Any], added: int, before: str, total: int, lang: str = "both") -> None:
    said = say("screen.log.logged", lang, time=minutes(added, lang), name=_name(topic, lang))
    if before == "todo":
        said += say("screen.log.started", lang)
    total_said = escape(say("screen.log.total", lang, total=minutes(total, lang)))
    message(f"{said}[dim]{total_said}[/dim]")


def _local(moment: str, tz: tzinfo) -> str:
    return datetime.fromisoformat(moment).astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _kind(kind: str, lang: str) -> str:
    return name("screen.history.kind", kind, lang)


def _kind_cell(e: Mapping[str, Any], lang: str) -> str:
    """The kind of a history row, with the rating of a review ('review (hard)')."""
    rating = e.get("rating")
    kind = _kind(e["kind"], lang)
    if not rating:
        return kind
    said = name("rating", RATINGS[rating - 1], lang)
    return f"{kind}（{said}）" if lang == "zh" else f"{kind} ({said})"


def undone(events: Sequence[Mapping[str, Any]], tz: tzinfo, lang: str = "both") -> None:
    """What `undo` took back (`shapes.history_event` items); many events are counted."""
    if not events:
        message(say("screen.undo.nothing", lang))
        return
    parts = []
    for e in events[:PART_SHOWN]:
        if e["kind"] == "log":
            what = say("screen.undo.log", lang, time=minutes(e["minutes"], lang))
        else:
            what = _kind(e["kind"], lang)
        parts.append(f"{what} {e['topic']} ({_local(e['at'], tz)})")
    said = "; ".join(parts) if lang != "zh" else "；".join(parts)
    if len(events) > PART_SHOWN:
        said = say("screen.undo.took_back_many", lang, count=len(events), what=said)
        said += say("screen.undo.more", lang, count=len(events) - PART_SHOWN)
    else:
        said = say("screen.undo.took_back", lang, what=said)
    message(escape(said))


def history(events: Sequence[Mapping[str, Any]], tz: tzinfo, lang: str = "both") -> None:
    """The log (`shapes.history_event` items)."""
    if not events:
        message(say("screen.history.none", lang))
        return
    cells = [
        [
            str(e["id"]),
            _local(e["at"], tz),
            e["topic"],
            _kind_cell(e, lang),
            minutes(e["minutes"], lang),
            e["note"] or "",
        ]
        for e in events
    ]
    table(
        [
            Column(say("screen.table.id", lang), "right", style="dim"),
            Column(say("screen.history.when", lang)),
            Column(say("screen.history.topic", lang), style="cyan"),
            Column(say("screen.history.kind", lang)),
            Column(say("screen.history.time", lang), "right"),
            Column(say("screen.history.note", lang), flex=True),
        ],
        cells,
    )
    total = minutes(sum(e["minutes"] for e in events), lang) or no_minutes(lang)
    message(f"[dim]{escape(plural('screen.history.summary', lang, len(events), time=total))}[/dim]")


def settings(values: Mapping[str, Any], stored: Mapping[str, Any], lang: str = "both") -> None:
    from infra_roadmap.settings import display

    where = {True: say("screen.config.set", lang), False: say("screen.config.default", lang)}
    cells = [[key, display(value), where[key in stored]] for key, value in values.items()]
    table(
        [
            Column(say("screen.config.key", lang), style="cyan"),
            Column(say("screen.config.value", lang), flex=True),
            Column("", style="dim"),
        ],
        cells,
    )


def doctor(report: Mapping[str, Any], lang: str = "both") -> None:
    c = out()
    colon = "：" if lang == "zh" else ": "

    def line(label: str, value: Any, good: bool | None = None) -> None:
        mark = "  " if good is None else ("[green]✓[/green] " if good else "[red]✗[/red] ")
        c.print(f"{mark}[bold]{say(label, lang)}{colon}[/bold]{escape(textsafe.line(value))}")

    def said(key: str, **values: Any) -> str:
        return say(f"screen.doctor.{key}", lang, **values)

    line("screen.doctor.data_dir", report["data_dir"])
    if not report["exists"]:
        line("screen.doctor.database", said("not_created", path=report["database"]), True)
    else:
        line(
            "screen.doctor.database", said("size", path=report["database"], size=f"{report['size_bytes']:,}")
        )
        version, latest = report["schema_version"], report["latest_schema_version"]
        if version is None:
            line("screen.doctor.schema", said("schema_unknown"), False)
        else:
            line(
                "screen.doctor.schema",
                said("schema_version", version=version, latest=latest),
                version == latest,
            )
        if report["integrity"] is not None:
            sound = report["integrity"] == "ok"
            line("screen.doctor.integrity", said("integrity_ok") if sound else report["integrity"], sound)
            line("screen.doctor.events", report["events"])
        orphans = report["orphaned"]
        if orphans:
            kept = listed((f"{o['topic']} ({o['events']})" for o in orphans), lang)
            line("screen.doctor.orphaned", said("orphaned_kept", topics=kept))
        if report["backups"]:
            line("screen.doctor.backups", listed(report["backups"], lang))
    roadmap_problems = report["roadmap_problems"]
    line(
        "screen.doctor.roadmap",
        said("valid")
        if not roadmap_problems
        else plural("screen.doctor.problems", lang, len(roadmap_problems)),
        not roadmap_problems,
    )
    for repair in report["repaired"]:
        c.print(f"[green]✓[/green] {escape(textsafe.line(repair))}")
    for problem in report["problems"]:
        c.print(f"[red]✗[/red] {escape(textsafe.line(problem))}")
    c.print(f"[green]{said('ok')}[/green]" if report["ok"] else f"[red]{said('attention')}[/red]")


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
                    minutes=minutes(handed.minutes, lang) or no_minutes(lang),
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
                minutes=minutes(stopped.minutes, lang),
                total=minutes(stopped.total, lang),
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
                    minutes=minutes(handed.minutes, lang) or no_minutes(lang),
                )
            )
        )
    end = _clock_time(began + timedelta(minutes=length), tz, began)
    message(
        escape(
            say(
                "timer.started", lang, minutes=minutes(length, lang), topic=_plain_name(topic, lang), time=end
            )
        )
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
    status = status_label(STATUS_AFTER[kind], lang)
    if not changing:
        message(escape(plural("screen.part.nothing", lang, total, what=what, status=status)))
        return
    names = listed((textsafe.line(t["id"]) for t in changing[:PART_SHOWN]), lang)
    more = (
        say("screen.part.more", lang, count=len(changing) - PART_SHOWN) if len(changing) > PART_SHOWN else ""
    )
    verb = say(f"screen.part.verb.{kind}", lang)
    said = say(
        "screen.part.preview",
        lang,
        what=what,
        count=len(changing),
        total=total,
        verb=verb,
        names=names,
        more=more,
    )
    message(escape(said))


def changes(items: Sequence[Mapping[str, Any]], lang: str) -> None:
    """State changes: each one, or a count when there are many."""
    recorded = [c for c in items if c["recorded"]]
    if len(items) <= PART_SHOWN:
        for c in items:
            change(c, lang)
        return
    kind = items[0]["kind"]
    said = say(
        "screen.change.batch",
        lang,
        verb=say(f"screen.change.{kind}", lang),
        count=len(recorded),
        already=len(items) - len(recorded),
        status=status_label(STATUS_AFTER[kind], lang),
    )
    message(escape(said))
