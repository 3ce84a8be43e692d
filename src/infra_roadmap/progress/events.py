"""Progress as the event log describes it: events in, one state per topic out.

Pure: no database, no clock. The store keeps the events (`store.event.Event`); `states` caches
the fold; the use cases in `actions` add events.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, NamedTuple

from infra_roadmap.store.event import Event
from infra_roadmap.vocab import EVENT_KINDS, FINISHED, STATUS_AFTER, STATUSES

# The status each state-changing kind leads to; `log` starts a topic that is still todo.

__all__ = ["EVENT_KINDS", "FINISHED", "STATUSES", "STATUS_AFTER", "Event", "TopicState", "fold"]


class TopicState(NamedTuple):
    status: str = "todo"  # one of STATUSES
    minutes: int = 0
    since: datetime | None = None  # when the current status began
    last_at: datetime | None = None  # the latest event of any kind


TODO = TopicState()


def derive_states(
    events: Iterable[Event], canonical: Mapping[str, str] | None = None
) -> dict[str, TopicState]:
    """Fold events, given in the order they were recorded, into one state per topic."""
    return fold(((e.topic, e.kind, e.at, e.minutes) for e in events), canonical)


def fold(
    rows: Iterable[tuple[str, str, Any, int]], canonical: Mapping[str, str] | None = None
) -> dict[str, TopicState]:
    """One state per topic from (topic, kind, at, minutes) rows in the order they were recorded.

    A later command wins, even if it was backdated with --at; minutes add up whatever the order.
    `at` may be a datetime or its ISO 8601 UTC text as the store keeps it (text sorts like time),
    so the read path can skip building thousands of objects it does not need. `canonical` maps
    stored ids to current ids (a renamed topic lists its old id in `aliases`); ids missing from it
    are kept as they are, so that progress on a topic that left the roadmap is never dropped.
    """
    # topic -> [status, minutes, since, last_at]; TopicState objects are made once, at the end.
    acc: dict[str, list[Any]] = {}
    for topic, kind, at, minutes in rows:
        if canonical:
            topic = canonical.get(topic, topic)
        entry = acc.get(topic)
        if entry is None:
            entry = acc[topic] = ["todo", 0, None, None]
        new = status_after(entry[0], kind)
        if new != entry[0]:
            entry[0], entry[2] = new, at
        entry[1] += minutes
        if entry[3] is None or at > entry[3]:
            entry[3] = at
    return {
        topic: TopicState(status, minutes, _moment(since), _moment(last))
        for topic, (status, minutes, since, last) in acc.items()
    }


def status_after(status: str, kind: str) -> str:
    """The status an event of `kind` leaves a topic in that was `status`."""
    if kind == "log":
        return "in_progress" if status == "todo" else status
    return STATUS_AFTER.get(kind, status)


def advance(state: TopicState, kind: str, at: datetime, minutes: int = 0) -> TopicState:
    """The state after one more event (the fold's step, for one topic)."""
    status = status_after(state.status, kind)
    since = at if status != state.status else state.since
    last = at if state.last_at is None or at > state.last_at else state.last_at
    return TopicState(status, state.minutes + minutes, since, last)


def finished_ids(states: Mapping[str, TopicState]) -> set[str]:
    return {tid for tid, state in states.items() if state.status in FINISHED}


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else value
