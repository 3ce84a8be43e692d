"""One recorded change, as the store reads and writes it."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple


class Event(NamedTuple):
    """One recorded change. A named tuple: thousands are built on some commands, and a tuple is
    the cheapest immutable record Python has (a frozen dataclass is about five times slower)."""

    topic: str
    kind: str  # one of EVENT_KINDS
    at: datetime  # when it happened, timezone-aware UTC
    minutes: int = 0
    note: str | None = None
    uid: str = ""  # identity that makes import idempotent
    recorded_at: datetime | None = None  # when it was written
    batch: str = ""  # events written by one command share a batch; `undo` takes back a batch
    rating: int | None = None  # for a review: 1 again, 2 hard, 3 good, 4 easy
    id: int = 0  # the row's id in this database (0 until written): stable, what `undo ID` takes

    def as_json(self) -> dict[str, object]:
        """The event as `history --json` and `export` show it."""
        return {
            "id": self.id,
            "topic": self.topic,
            "kind": self.kind,
            "at": self.at.isoformat(),
            "minutes": self.minutes,
            "note": self.note,
            "rating": self.rating,
        }
