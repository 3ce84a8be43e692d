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
from infra_roadmap.progress.events import STATUS_AFTER, TopicState, advance
from infra_roadmap.progress.states import states
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
    current = states(read_snapshot(path), roadmap, cache_dir)
    after = STATUS_AFTER[kind]
    changes, events = [], []
    for topic in {t.id: t for t in topics}.values():
        before = current.get(topic.id, TopicState()).status
        recorded = before != after
        changes.append(Change(topic, kind, before, after, recorded))
        if recorded:
            events.append(Event(topic=topic.id, kind=kind, at=at, note=note))
    if events:
        write(path, lambda w: w.record(events))
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
    before = states(read_snapshot(path), roadmap, cache_dir).get(topic.id, TopicState())
    write(path, lambda w: w.record([Event(topic=topic.id, kind="log", at=at, minutes=minutes, note=note)]))
    return before, advance(before, "log", at, minutes)


def undo(path: Path) -> list[Event]:
    if not path.exists():
        return []
    return write(path, lambda w: w.undo())


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
