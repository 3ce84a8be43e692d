"""Progress as the event log describes it. Pure: events in, states out; no database, no clock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from operator import attrgetter
from typing import Any, NamedTuple

# What a user can record. `undo` rows exist only in the store: they take back a batch.
KINDS = ("start", "done", "skip", "reset", "log")
STATUSES = ("todo", "in_progress", "done", "skipped")
FINISHED = frozenset({"done", "skipped"})  # both satisfy prerequisites and count as covered

_STATUS_AFTER = {"start": "in_progress", "done": "done", "skip": "skipped", "reset": "todo"}


class Event(NamedTuple):
    """One recorded change. A named tuple: thousands are built on some commands, and a tuple is
    the cheapest immutable record Python has (a frozen dataclass is about five times slower)."""

    topic: str
    kind: str  # one of KINDS
    at: datetime  # when it happened, timezone-aware UTC
    minutes: int = 0
    note: str | None = None
    uid: str = ""  # identity that makes import idempotent
    recorded_at: datetime | None = None  # when it was written; orders state changes
    batch: str = ""  # events written by one command share a batch; `undo` takes back a batch

    def to_dict(self) -> dict:
        """The shape of `history --json` and of `export` events."""
        return {
            "topic": self.topic,
            "kind": self.kind,
            "at": self.at.isoformat(),
            "minutes": self.minutes,
            "note": self.note,
        }


class TopicState(NamedTuple):
    status: str = "todo"  # one of STATUSES
    minutes: int = 0
    since: datetime | None = None  # when the current status began
    last_at: datetime | None = None  # the latest event of any kind


TODO = TopicState()


def derive_states(events: Iterable[Event], canonical: Mapping[str, str] | None = None) -> dict[str, TopicState]:
    """Fold events into one state per topic.

    Events are applied in the order they were recorded (a later command wins, even if it was
    backdated with --at); minutes add up whatever the order. `canonical` maps stored ids to
    current ids (a renamed topic lists its old id in `aliases`); ids missing from it are kept as
    they are, so that progress on a topic that left the roadmap is never dropped.
    """
    events = list(events)
    if all(e.recorded_at is not None for e in events):
        ordered = sorted(events, key=_RECORDED)  # a C key: reports fold thousands of events
    else:
        ordered = sorted(events, key=lambda e: (e.recorded_at or e.at, e.uid))
    return fold([(e.topic, e.kind, e.at, e.minutes) for e in ordered], canonical)


_RECORDED = attrgetter("recorded_at", "uid")


def fold(rows: Iterable[tuple[str, str, Any, int]], canonical: Mapping[str, str] | None = None) -> dict[str, TopicState]:
    """The fold behind `derive_states`, over (topic, kind, at, minutes) in recorded order.

    `at` may be a datetime or its ISO 8601 UTC text as the store keeps it (text sorts like time),
    so the read path can skip building thousands of objects it does not need.
    """
    # topic -> [status, minutes, since, last_at]; TopicState objects are made once, at the end.
    acc: dict[str, list] = {}
    for topic, kind, at, minutes in rows:
        if canonical:
            topic = canonical.get(topic, topic)
        entry = acc.get(topic)
        if entry is None:
            entry = acc[topic] = ["todo", 0, None, None]
        if kind == "log":
            if entry[0] == "todo":
                entry[0], entry[2] = "in_progress", at
        else:
            new = _STATUS_AFTER.get(kind)
            if new is not None and new != entry[0]:
                entry[0], entry[2] = new, at
        entry[1] += minutes
        if entry[3] is None or at > entry[3]:
            entry[3] = at
    return {topic: TopicState(status, minutes, _moment(since), _moment(last))
            for topic, (status, minutes, since, last) in acc.items()}


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value
