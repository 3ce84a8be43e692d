"""The read side: everything commands need from progress.db, through plain sqlite3."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
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
    _events: list[Event] | None = None

    @property
    def events(self) -> list[Event]:
        """Events in force (neither undo rows nor undone), in the order they were recorded."""
        if self._events is None:
            self._events = _query(self.path, _events) if self.exists and self.version else []
        return self._events

    def state_rows(self) -> list[tuple[str, str, str, int]]:
        """(topic, kind, at as ISO text, minutes) in recorded order: all `state.fold` needs."""
        if self._events is not None or not (self.exists and self.version):
            return [(e.topic, e.kind, e.at, e.minutes) for e in self.events]
        return _query(self.path, lambda conn: conn.execute(
            f"SELECT topic, kind, at, minutes FROM event WHERE {IN_FORCE} ORDER BY recorded_at, id").fetchall())


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
        snapshot.settings = {
            key: json.loads(value) for key, value in conn.execute("SELECT key, value FROM setting")
        }
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
    rows = conn.execute(f"SELECT {EVENT_COLUMNS} FROM event WHERE {IN_FORCE} ORDER BY recorded_at, id")
    return [
        Event(topic=topic, kind=kind, at=parse_time(at), minutes=minutes, note=note, uid=uid,
              recorded_at=parse_time(recorded), batch=batch)
        for uid, topic, kind, at, recorded, minutes, note, batch in rows
    ]
