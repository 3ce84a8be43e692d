"""The read side: everything commands need from progress.db, through plain sqlite3."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from infra_roadmap.errors import RoadmapError
from infra_roadmap.state import Event
from infra_roadmap.store.migrations import LATEST


class StoreError(RoadmapError):
    pass


def unreadable(path: Path, detail: object = "") -> StoreError:
    suffix = f" ({detail})" if detail else ""
    return StoreError(f"{path} is not a readable progress database{suffix}")


def newer(path: Path, version: int) -> StoreError:
    return StoreError(
        f"{path} was written by a newer infra-roadmap (schema v{version}; this version knows up to "
        f"v{LATEST}); upgrade infra-roadmap to use it"
    )


@dataclass(eq=False)
class Snapshot:
    """What the database holds. Empty when no database exists yet. Settings are read at once;
    events when first asked for, as objects (`events`) or as the bare rows states need."""

    path: Path
    exists: bool = False
    version: int = 0
    settings: dict[str, Any] = field(default_factory=dict)
    # Changes whenever a row is added (the log is append-only; undo adds a row too): the last
    # row id, the row count and the file's identity.
    marker: tuple[int, int, int] = (0, 0, 0)
    _events: list[Event] | None = None
    _rows: list[tuple[str, str, str, int]] | None = None

    @property
    def events_exist(self) -> bool:
        return self.exists and self.version > 0 and self.marker[1] > 0

    @property
    def events(self) -> list[Event]:
        """Events in force (neither undo rows nor undone), in the order they were recorded."""
        if self._events is None:
            self._events = _query(self.path, _events) if self.exists and self.version else []
        return self._events

    def minutes_by_local_day(self) -> dict[date, int]:
        """Minutes logged per day in the machine's local time, summed by SQLite ('localtime'
        follows TZ and daylight saving like `timeparse.LOCAL`)."""
        if not self.events_exist:
            return {}
        rows = _query(self.path, lambda conn: conn.execute(
            f"SELECT date(at, 'localtime'), SUM(minutes) FROM event WHERE {IN_FORCE} AND minutes > 0 "
            "GROUP BY 1").fetchall())
        return {date.fromisoformat(day): minutes for day, minutes in rows}

    def state_rows(self) -> list[tuple[str, str, str, int]]:
        """(topic, kind, at as ISO text, minutes) in recorded order: all `state.fold` needs."""
        if self._events is not None or not (self.exists and self.version):
            return [(e.topic, e.kind, e.at, e.minutes) for e in self.events]
        if self._rows is None:
            self._rows = _query(self.path, lambda conn: conn.execute(
                f"SELECT topic, kind, at, minutes FROM event WHERE {IN_FORCE} ORDER BY recorded_at, id").fetchall())
        return self._rows


def decode(value: str) -> Any:
    """A stored setting (JSON text). The plain cases are read directly, sparing the json import on
    every start; anything else goes to the json module."""
    if value == "null":
        return None
    if value.startswith('"') and value.endswith('"') and "\\" not in value and value.count('"') == 2:
        return value[1:-1]
    try:
        return float(value) if any(c in value for c in ".eE") else int(value)
    except ValueError:
        import json

        return json.loads(value)


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def schema_version(conn: sqlite3.Connection, path: Path) -> int:
    """0 for an empty database; the applied migration count for ours; an error for anything else."""
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from None
    if not tables:
        return 0
    if "schema_migrations" not in tables:
        raise unreadable(path, "it holds other tables")
    (version,) = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    return int(version)


def connect_readonly(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    return conn


def read_snapshot(path: Path) -> Snapshot:
    """Read events and settings. Never writes; an old schema is the caller's to migrate."""
    if not path.exists():
        return Snapshot(path)
    if path.is_dir():
        raise unreadable(path, "it is a folder")
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise unreadable(path, exc) from None
    try:
        version = schema_version(conn, path)
        if version > LATEST:
            raise newer(path, version)
        if version < LATEST:  # nothing to read until it is migrated (see progress.snapshot)
            return Snapshot(path, exists=True, version=version, _events=[])
        snapshot = Snapshot(path, exists=True, version=version)
        (last,) = conn.execute("SELECT COALESCE(MAX(id), 0) FROM event").fetchone()
        (count,) = conn.execute("SELECT COUNT(*) FROM event").fetchone() if last else (0,)
        snapshot.marker = (count, last, path.stat().st_ino)
        snapshot.settings = {key: decode(value) for key, value in conn.execute("SELECT key, value FROM setting")}
        return snapshot
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from None
    finally:
        conn.close()


EVENT_COLUMNS = "uid, topic, kind, at, recorded_at, minutes, note, batch"
IN_FORCE = "kind != 'undo' AND batch NOT IN (SELECT undoes FROM event WHERE kind = 'undo')"


def _query(path: Path, fetch):
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as exc:
        raise unreadable(path, exc) from None
    try:
        return fetch(conn)
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from None
    finally:
        conn.close()


def _events(conn: sqlite3.Connection) -> list[Event]:
    parse = datetime.fromisoformat
    rows = conn.execute(f"SELECT {EVENT_COLUMNS} FROM event WHERE {IN_FORCE} ORDER BY recorded_at, id")
    # Positional arguments in field order: thousands of these are built on some commands.
    return [Event(topic, kind, parse(at), minutes, note, uid, parse(recorded), batch)
            for uid, topic, kind, at, recorded, minutes, note, batch in rows]
