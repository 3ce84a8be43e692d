"""Progress as the event log describes it. Pure: events in, states out; no database, no clock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

# What a user can record. `undo` rows exist only in the store: they take back a batch.
KINDS = ("start", "done", "skip", "reset", "log")
STATUSES = ("todo", "in_progress", "done", "skipped")
FINISHED = frozenset({"done", "skipped"})  # both satisfy prerequisites and count as covered

_STATUS_AFTER = {"start": "in_progress", "done": "done", "skip": "skipped", "reset": "todo"}


@dataclass(frozen=True)
class Event:
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


@dataclass(frozen=True)
class TopicState:
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
    ordered = sorted(events, key=lambda e: (e.recorded_at or e.at, e.uid))
    states: dict[str, TopicState] = {}
    for event in ordered:
        topic = canonical.get(event.topic, event.topic) if canonical else event.topic
        old = states.get(topic, TODO)
        status, since = old.status, old.since
        if event.kind == "log":
            if status == "todo":
                status, since = "in_progress", event.at
        elif event.kind in _STATUS_AFTER:
            new = _STATUS_AFTER[event.kind]
            if new != status:
                status, since = new, event.at
        last = event.at if old.last_at is None or event.at > old.last_at else old.last_at
        states[topic] = TopicState(status, old.minutes + event.minutes, since, last)
    return states
