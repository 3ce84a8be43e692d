"""The use cases that add to the log: state changes, time, undo, settings. Each takes the
database path, writes one batch, and returns plain data for the command to show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from infra_roadmap import settings
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Topic
from infra_roadmap.progress.events import STATUS_AFTER, TODO, TopicState, advance, fold
from infra_roadmap.progress.states import after_write, states
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import read_snapshot
from infra_roadmap.store.write import Writer

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    topic: Topic
    kind: str
    before: str
    after: str
    recorded: bool


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
    snap = read_snapshot(path)
    current = states(snap, roadmap, cache_dir)
    after = STATUS_AFTER[kind]
    changes, events = [], []
    for topic in {t.id: t for t in topics}.values():
        before = current.get(topic.id, TODO).status
        recorded = before != after
        changes.append(Change(topic, kind, before, after, recorded))
        if recorded:
            events.append(Event(topic=topic.id, kind=kind, at=at, note=note))
    if events:
        written = write(path, lambda w: w.record(events))
        changed = {e.topic: advance(current.get(e.topic, TODO), e.kind, e.at) for e in events}
        after_write(snap, roadmap, cache_dir, current, written, changed)
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
    snap = read_snapshot(path)
    current = states(snap, roadmap, cache_dir)
    before = current.get(topic.id, TODO)
    written = write(
        path, lambda w: w.record([Event(topic=topic.id, kind="log", at=at, minutes=minutes, note=note)])
    )
    after = advance(before, "log", at, minutes)
    after_write(snap, roadmap, cache_dir, current, written, {topic.id: after})
    return before, after


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


def write(path: Path, action: Callable[[Writer], T]) -> T:
    with Writer(path) as writer:
        return action(writer)
