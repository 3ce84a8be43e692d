"""The progress schema as SQLModel tables. Migrations (in `migrations`) must produce exactly this;
a test compares the two."""

from __future__ import annotations

from sqlalchemy import Index, text
from sqlmodel import Field, SQLModel


class Event(SQLModel, table=True):
    """One change a user made. Rows are only ever added; `undo` adds a row that takes back a batch
    or one event."""

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_clock", "id", sqlite_where=text("kind IN ('clock', 'stop', 'cancel')")),
        Index("ix_event_undo", "undoes", "undoes_event", sqlite_where=text("kind = 'undo'")),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)  # identity across export/import
    topic: str = Field(index=True)
    kind: str  # start / done / skip / reset / log / review / clock / stop / cancel / undo
    at: str = Field(index=True)  # ISO 8601 UTC: when it happened
    recorded_at: str  # ISO 8601 UTC: when it was written
    minutes: int = 0
    note: str | None = None
    batch: str = Field(default="", index=True)  # one command's events share a batch
    undoes: str | None = None  # for kind 'undo': the batch it takes back
    rating: int | None = None  # for kind 'review': 1 again, 2 hard, 3 good, 4 easy
    undoes_event: int | None = None  # for kind 'undo' (`undo ID`): the one event it takes back


class Setting(SQLModel, table=True):
    """A config value, JSON-encoded."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str
    updated_at: str
