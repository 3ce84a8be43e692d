"""The read side: everything commands need from progress.db, through plain sqlite3.

Reading never changes the file: an older schema is read as it is (the columns it lacks have their
later defaults) and migrated only by the next write.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from infra_roadmap.store.connection import newer, open_readonly, schema_version, unreadable
from infra_roadmap.store.event import Event
from infra_roadmap.store.migrations import LATEST

T = TypeVar("T")

# An event is in force unless it is an undo row or a batch that an undo row takes back. The one
# definition of the rule: every query below, the writer's undo and the tests use it.
IN_FORCE = "kind != 'undo' AND batch NOT IN (SELECT undoes FROM event WHERE kind = 'undo')"
EVENT_COLUMNS = "uid, topic, kind, at, recorded_at, minutes, note, batch"


def in_force(version: int) -> str:
    """The rule as the schema of `version` can say it (the first schema had no undo)."""
    return "1" if version < 2 else IN_FORCE


def event_columns(version: int) -> str:
    return "uid, topic, kind, at, recorded_at, minutes, note, uid" if version < 2 else EVENT_COLUMNS


@dataclass(eq=False)
class Snapshot:
    """What the database holds. Empty when no database exists yet. Settings are read at once;
    events when first asked for, as objects (`events`) or as the bare rows states need."""

    path: Path
    exists: bool = False
    version: int = 0
    settings: dict[str, Any] = field(default_factory=dict)
    # Changes whenever a row is added (the log is append-only; undo adds a row too): the row count,
    # the last row id and the last row's uid (random), so that another file copied over this one
    # (`cp backup.db progress.db` keeps the inode) is never mistaken for it.
    marker: tuple[int, int, str] = (0, 0, "")
    _events: list[Event] | None = None
    _rows: list[tuple[str, str, Any, int]] | None = None

    @property
    def events_exist(self) -> bool:
        return self.exists and self.version > 0 and self.marker[0] > 0

    def query(self, fetch: Callable[[sqlite3.Connection], T]) -> T:
        return _query(self.path, fetch)

    @property
    def events(self) -> list[Event]:
        """Events in force, in the order they were recorded in this database."""
        if self._events is None:
            self._events = self.query(self._read_events) if self.events_exist else []
        return self._events

    def _read_events(self, conn: sqlite3.Connection) -> list[Event]:
        parse = datetime.fromisoformat
        rows = conn.execute(
            f"SELECT {event_columns(self.version)} FROM event WHERE {in_force(self.version)} ORDER BY id"
        )
        # Positional arguments in field order: thousands of these are built on some commands.
        return [
            Event(topic, kind, parse(at), minutes, note, uid, parse(recorded), batch)
            for uid, topic, kind, at, recorded, minutes, note, batch in rows
        ]

    def minutes_by_local_day(self) -> dict[date, int]:
        """Minutes logged per day in the machine's local time, summed by SQLite ('localtime'
        follows TZ and daylight saving like `localzone.LOCAL`)."""
        if not self.events_exist:
            return {}
        sql = (
            f"SELECT date(at, 'localtime'), SUM(minutes) FROM event WHERE {in_force(self.version)} "
            "AND minutes > 0 GROUP BY 1"
        )
        rows = self.query(lambda conn: conn.execute(sql).fetchall())
        return {date.fromisoformat(day): minutes for day, minutes in rows if day}

    def state_rows(self) -> list[tuple[str, str, Any, int]]:
        """(topic, kind, at, minutes) in recorded order: all `events.fold` needs. `at` is the ISO
        text the store keeps, or a datetime when the events were already read as objects."""
        if self._events is not None or not self.events_exist:
            return [(e.topic, e.kind, e.at, e.minutes) for e in self.events]
        if self._rows is None:
            sql = f"SELECT topic, kind, at, minutes FROM event WHERE {in_force(self.version)} ORDER BY id"
            self._rows = self.query(lambda conn: conn.execute(sql).fetchall())
        return self._rows


def read_snapshot(path: Path) -> Snapshot:
    """Read the settings and the marker of the event log. Never writes."""
    if not path.exists():
        if path.is_symlink():
            raise unreadable(path, "it is a link to nothing")
        return Snapshot(path)
    if path.is_dir():
        raise unreadable(path, "it is a folder")
    conn = open_readonly(path)
    try:
        version = schema_version(conn, path)
        if version > LATEST:
            raise newer(path, version, LATEST)
        snapshot = Snapshot(path, exists=True, version=version)
        if version == 0:
            return snapshot
        row = conn.execute("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM event").fetchone()
        count, last = int(row[0]), int(row[1])
        (uid,) = conn.execute("SELECT uid FROM event WHERE id = ?", (last,)).fetchone() if last else ("",)
        snapshot.marker = (count, last, uid)
        snapshot.settings = {
            key: json.loads(value) for key, value in conn.execute("SELECT key, value FROM setting")
        }
        return snapshot
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from None
    except ValueError as exc:  # a setting that is not JSON
        raise unreadable(path, f"a setting is damaged: {exc}") from None
    finally:
        conn.close()


def integrity(path: Path) -> str:
    """SQLite's own check of the file: 'ok', or the first problems it finds."""
    conn = open_readonly(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        return "; ".join(r[0] for r in rows[:5])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def _query(path: Path, fetch: Callable[[sqlite3.Connection], T]) -> T:
    conn = open_readonly(path)
    try:
        return fetch(conn)
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from None
    finally:
        conn.close()
