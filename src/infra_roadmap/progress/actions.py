"""The use cases that add to the log: state changes, time, undo, settings. Each takes the
database path, writes one batch, and returns plain data for the command to show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from infra_roadmap import settings
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Topic
from infra_roadmap.errors import Phrase, RoadmapError
from infra_roadmap.progress import clock as clocks
from infra_roadmap.progress import schedules
from infra_roadmap.progress.events import STATUS_AFTER, TODO, TopicState, advance, fold
from infra_roadmap.progress.states import after_write, states
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import Clock, read_snapshot
from infra_roadmap.store.write import Writer, Written
from infra_roadmap.vocab import FINISHED

T = TypeVar("T")


@dataclass(frozen=True)
class Stopped:
    """A clock stopped: on which topic, from when to when, and the minutes logged."""

    topic: str
    since: datetime
    at: datetime
    minutes: int
    total: int = 0  # the topic's minutes after the stop


@dataclass(frozen=True)
class ClockStart:
    """What `start` on one topic did: its state change, the clock it handed over from, or the
    clock that was already running on this topic."""

    change: Change | None
    handed_over: Stopped | None = None
    already: Clock | None = None


@dataclass(frozen=True)
class Change:
    topic: Topic
    kind: str
    before: str
    after: str
    recorded: bool
    clock_minutes: int | None = None  # the topic's clock was running: stopped, these minutes logged


class _Log:
    """The log as a use case finds it (states and review schedule, from their caches), and the
    one place that appends to it and keeps both caches in step."""

    def __init__(self, path: Path, roadmap: Roadmap, cache_dir: Path | None):
        self.path, self.roadmap, self.cache_dir = path, roadmap, cache_dir
        self.snap = read_snapshot(path)
        self.current = states(self.snap, roadmap, cache_dir)
        self.retention = settings.effective(self.snap.settings, date(2000, 1, 1)).retention
        self.schedule = schedules.cached(self.snap, roadmap, self.retention, cache_dir)

    def state(self, topic_id: str) -> TopicState:
        return self.current.get(topic_id, TODO)

    def append(self, events: Sequence[Event]) -> Written:
        written = write(self.path, lambda w: w.record(events))
        changed: dict[str, TopicState] = {}
        for e in events:
            changed[e.topic] = advance(changed.get(e.topic, self.state(e.topic)), e.kind, e.at, e.minutes)
        after_write(self.snap, self.roadmap, self.cache_dir, self.current, written, changed)
        schedules.after_write(
            self.snap, self.roadmap, self.retention, self.cache_dir, self.schedule, written, events
        )
        return written


def change_state(
    path: Path,
    roadmap: Roadmap,
    kind: str,
    topics: Sequence[Topic],
    *,
    at: datetime,
    note: str | None,
    cache_dir: Path | None = None,
) -> list[Change]:
    """start / done / skip / reset for several topics as one change; a topic already in the target
    state is left alone."""
    log = _Log(path, roadmap, cache_dir)
    after = STATUS_AFTER[kind]
    changes, events = [], []
    running = log.snap.clock
    for topic in {t.id: t for t in topics}.values():
        before = log.state(topic.id).status
        recorded = before != after
        clocked = None
        if recorded and running is not None and running.topic == topic.id and kind != "start":
            # Finishing (or resetting) the topic on the clock stops the clock and logs its time.
            stop = _stop_first(running, at)
            events += stop
            clocked = sum(e.minutes for e in stop)
        changes.append(Change(topic, kind, before, after, recorded, clocked))
        if recorded:
            events.append(Event(topic=topic.id, kind=kind, at=at, note=note))
    if events:
        log.append(events)
    return changes


def _stop_first(running: Clock, at: datetime) -> list[Event]:
    """The events that stop `running` before another change at `at`; a clock that ran too long
    (or started after `at`) is left for the user to stop, never logged silently."""
    if at < running.since or at - running.since > clocks.LONGEST:
        raise RoadmapError("error.clock_in_the_way", topic=running.topic, since=local(running.since))
    return clocks.stop_events(running, at, clocks.whole_minutes(running.since, at), None)


def local(moment: datetime) -> str:
    """A moment as the user reads it in a message: local time, to the minute."""
    from infra_roadmap.localzone import LOCAL

    return moment.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M")


def start_clock(
    path: Path,
    roadmap: Roadmap,
    topic: Topic,
    *,
    at: datetime,
    note: str | None,
    cache_dir: Path | None = None,
) -> ClockStart:
    """Start studying one topic: put it in progress if it is not, and start its clock. A clock
    running on another topic is stopped first (its time logged), in the same change."""
    log = _Log(path, roadmap, cache_dir)
    running = log.snap.clock
    if running is not None and running.topic == topic.id:
        return ClockStart(None, already=running)
    events: list[Event] = []
    handed = None
    if running is not None:
        events += _stop_first(running, at)
        handed = Stopped(running.topic, running.since, at, sum(e.minutes for e in events))
    before = log.state(topic.id).status
    change = Change(topic, "start", before, "in_progress", before != "in_progress")
    if change.recorded:
        events.append(Event(topic=topic.id, kind="start", at=at, note=note))
    events.append(Event(topic=topic.id, kind="clock", at=at, note=note))
    log.append(events)
    return ClockStart(change, handed)


def stop_clock(
    path: Path,
    roadmap: Roadmap,
    *,
    at: datetime,
    note: str | None,
    at_given: bool,
    force: bool,
    cache_dir: Path | None = None,
) -> Stopped:
    """Stop the running clock and log its whole minutes to its topic (see `progress.clock`)."""
    log = _Log(path, roadmap, cache_dir) if path.exists() else None
    running = log.snap.clock if log is not None else None
    if log is None or running is None:
        raise RoadmapError("error.no_clock_to_stop")
    minutes = clocks.minutes_to_log(running, at, at_given=at_given, force=force, local=local(running.since))
    log.append(clocks.stop_events(running, at, minutes, note))
    topic = roadmap.canonical_id(running.topic) or running.topic
    return Stopped(running.topic, running.since, at, minutes, log.state(topic).minutes + minutes)


def cancel_clock(path: Path, roadmap: Roadmap, *, at: datetime, cache_dir: Path | None = None) -> Clock:
    """Drop the running clock without logging anything; the clock that was dropped."""
    log = _Log(path, roadmap, cache_dir) if path.exists() else None
    running = log.snap.clock if log is not None else None
    if log is None or running is None:
        raise RoadmapError("error.no_clock_to_cancel")
    log.append([Event(topic=running.topic, kind="cancel", at=max(at, running.since))])
    return running


def log_time(
    path: Path,
    roadmap: Roadmap,
    topic: Topic,
    minutes: int,
    *,
    at: datetime,
    note: str | None,
    cache_dir: Path | None = None,
) -> tuple[TopicState, TopicState]:
    """Record study time; the topic's state before and after."""
    log = _Log(path, roadmap, cache_dir)
    before = log.state(topic.id)
    log.append([Event(topic=topic.id, kind="log", at=at, minutes=minutes, note=note)])
    return before, advance(before, "log", at, minutes)


def record_review(
    path: Path,
    roadmap: Roadmap,
    topic: Topic,
    rating: int,
    *,
    at: datetime,
    note: str | None,
    minutes: int = 0,
    cache_dir: Path | None = None,
) -> TopicState:
    """One review of a finished topic, rated 1 (again) to 4 (easy); its state."""
    log = _Log(path, roadmap, cache_dir)
    state = log.state(topic.id)
    if state.status not in FINISHED:
        status = Phrase(f"status.{state.status}")
        raise RoadmapError("error.review_unfinished", topic=topic.id, status=status)
    log.append([Event(topic=topic.id, kind="review", at=at, minutes=minutes, note=note, rating=rating)])
    return advance(state, "review", at, minutes)


def undo(
    path: Path, roadmap: Roadmap, cache_dir: Path | None = None, event_id: int | None = None
) -> list[Event]:
    """Take back the last batch (one command, one import), or with `event_id` that one event; the
    topics it touched are folded again from their own events. Nothing is deleted: an `undo` row
    is appended."""
    if not path.exists():
        if event_id is not None:
            raise RoadmapError("error.no_event_empty_log", id=event_id)
        return []
    if event_id is not None and not 0 < event_id < 2**63:  # beyond SQLite's integers: no such row
        raise RoadmapError("error.no_event", id=event_id)
    snap = read_snapshot(path)
    current = states(snap, roadmap, cache_dir)

    def work(w: Writer) -> tuple[list[Event], dict[str, TopicState]]:
        if event_id is None:
            taken, written = w.undo()
        else:
            one, written = w.undo_event(event_id)
            if one is None:
                raise RoadmapError("error.no_event", id=event_id)
            taken = [one]
        touched = {roadmap.canonical_id(e.topic) or e.topic for e in taken}
        stored_ids = touched | {alias for tid in touched for alias in _aliases_of(roadmap, tid)}
        refolded = fold(w.rows_of(stored_ids), roadmap.aliases)
        changed = {tid: refolded.get(tid, TODO) for tid in touched}
        after_write(snap, roadmap, cache_dir, current, written, changed)
        if event_id is None and taken:
            retention = settings.effective(snap.settings, date(2000, 1, 1)).retention
            schedules.after_undo(snap, roadmap, retention, cache_dir, taken[0].batch, written)
        return taken, changed

    taken, _changed = write(path, work)
    return taken


def _aliases_of(roadmap: Roadmap, tid: str) -> tuple[str, ...]:
    topic = roadmap.topics.get(tid)
    return topic.aliases if topic else ()


def set_setting(path: Path, key: str, text: str) -> Any:
    value = settings.parse(key, text)
    if value is None:
        write(path, lambda w: w.unset_setting(key))
    else:
        write(path, lambda w: w.set_setting(key, value))
    return value


def unset_setting(path: Path, key: str) -> bool:
    """Return a setting to its default; False when it was not set."""
    settings.check_key(key)
    if not path.exists():
        return False
    return write(path, lambda w: w.unset_setting(key))


def write(path: Path, action: Callable[[Writer], T]) -> T:
    with Writer(path) as writer:
        return action(writer)
