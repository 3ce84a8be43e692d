"""The log as `history` shows it: events in force, in the order they happened."""

from __future__ import annotations

from datetime import datetime

from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Topic
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import Snapshot


def history(
    snap: Snapshot, roadmap: Roadmap, *, since: datetime | None = None, topic: Topic | None = None
) -> list[Event]:
    """Events from `since` on, of `topic` (and its old ids) when given, by when they happened."""
    wanted = None if topic is None else {topic.id, *topic.aliases}
    chosen = [
        e for e in snap.events if (since is None or e.at >= since) and (wanted is None or e.topic in wanted)
    ]
    return sorted(chosen, key=lambda e: (e.at, e.id))  # a tie in time: the order they were recorded
