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
from infra_roadmap.errors import RoadmapError
from infra_roadmap.progress import schedules
from infra_roadmap.progress.events import STATUS_AFTER, TODO, TopicState, advance, fold
from infra_roadmap.progress.states import after_write, states
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import read_snapshot
from infra_roadmap.store.write import Writer, Written
from infra_roadmap.vocab import FINISHED

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    topic: Topic
    kind: str
    before: str
    after: str
    recorded: bool


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
    for topic in {t.id: t for t in topics}.values():
        before = log.state(topic.id).status
        recorded = before != after
        changes.append(Change(topic, kind, before, after, recorded))
        if recorded:
            events.append(Event(topic=topic.id, kind=kind, at=at, note=note))
    if events:
        log.append(events)
    return changes


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
        hint = f"finish it first ('roadmap done {topic.id}'), or skip it if you know it"
        raise RoadmapError(f"{topic.id} is {state.status.replace('_', ' ')}, not done: {hint}")
    log.append([Event(topic=topic.id, kind="review", at=at, minutes=minutes, note=note, rating=rating)])
    return advance(state, "review", at, minutes)


def undo(path: Path, roadmap: Roadmap, cache_dir: Path | None = None) -> list[Event]:
    """Take back the last batch; the topics it touched are folded again from their own events."""
    if not path.exists():
        return []
    snap = read_snapshot(path)
    current = states(snap, roadmap, cache_dir)

    def work(w: Writer) -> tuple[list[Event], dict[str, TopicState]]:
        taken, written = w.undo()
        touched = {roadmap.canonical_id(e.topic) or e.topic for e in taken}
        stored_ids = touched | {alias for tid in touched for alias in _aliases_of(roadmap, tid)}
        refolded = fold(w.rows_of(stored_ids), roadmap.aliases)
        changed = {tid: refolded.get(tid, TODO) for tid in touched}
        after_write(snap, roadmap, cache_dir, current, written, changed)
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
