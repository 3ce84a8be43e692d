"""The write side: appends to progress.db through plain sqlite3.

Every method is one transaction that begins with BEGIN IMMEDIATE (the write lock is taken up
front, and a writer waits up to the busy timeout for it), in WAL mode with synchronous = FULL.
SQLAlchemy is imported only when the schema must change (`migrate`), never for an everyday write.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from infra_roadmap.errors import Phrase, StoreError, os_reason
from infra_roadmap.store.connection import (
    newer,
    open_readonly,
    open_writable,
    schema_version,
    translate,
    unreadable,
)
from infra_roadmap.store.event import Event
from infra_roadmap.store.migrations import LATEST
from infra_roadmap.store.read import EVENT_COLUMNS, IN_FORCE, INSERT_COLUMNS, Marker, event_of, marker

T = TypeVar("T")


class Written(NamedTuple):
    """What a write did to the log: its marker just before and just after, and the batch."""

    before: Marker
    after: Marker
    batch: str = ""


def new_uid() -> str:
    return uuid.uuid4().hex


def iso(moment: datetime) -> str:
    """How the store keeps a moment: ISO 8601 in UTC with microseconds (text that sorts as time)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class Writer:
    """Opens (creating on first use) and migrates progress.db; every method is one transaction."""

    def __init__(self, path: Path):
        self.path = path
        version = self._check_existing()
        self._make_folder()
        if version != LATEST:  # a new file, or one from an older version
            from infra_roadmap.store.migrate import migrate

            migrate(path, version)
        self.conn = open_writable(path)

    # ---- opening ---------------------------------------------------------------------------

    def _check_existing(self) -> int:
        """Refuse a file that is not ours before anything writes to it; its schema version."""
        path = self.path
        if path.is_dir():
            raise unreadable(path, Phrase("error.db.folder"))
        if path.exists() and not path.is_file():
            raise unreadable(path, Phrase("error.db.not_regular"))
        if not path.exists() or path.stat().st_size == 0:
            return 0
        conn = open_readonly(path)
        try:
            version = schema_version(conn, path)
        except sqlite3.DatabaseError as exc:
            raise unreadable(path, exc) from None
        finally:
            conn.close()
        if version > LATEST:
            raise newer(path, version, LATEST)
        return version

    def _make_folder(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise StoreError("error.data_dir.not_folder", folder=folder, what=_what(folder)) from None
        except NotADirectoryError:
            raise StoreError("error.data_dir.file_in_path", folder=folder) from None
        except OSError as exc:
            raise StoreError("error.data_dir.cannot_create", folder=folder, reason=os_reason(exc)) from None
        if not folder.is_dir():
            raise StoreError("error.data_dir.not_folder", folder=folder, what=_what(folder))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _transaction(self, work: Callable[[sqlite3.Connection], T]) -> T:
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = work(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return result
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None

    # ---- writing ---------------------------------------------------------------------------

    def record(self, events: Sequence[Event]) -> Written:
        """Append events as one batch (one command = one change for `undo`)."""
        batch = new_uid()
        now = iso(datetime.now(UTC))
        rows = [
            (new_uid(), e.topic, e.kind, iso(e.at), now, e.minutes, e.note, batch, e.rating) for e in events
        ]

        def work(conn: sqlite3.Connection) -> Written:
            before = marker(conn)
            conn.executemany(f"INSERT INTO event ({INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            return Written(before, marker(conn), batch)

        return self._transaction(work)

    def undo(self) -> tuple[list[Event], Written]:
        """Take back the latest batch still in force; returns its events (none: nothing to undo)."""

        def work(conn: sqlite3.Connection) -> tuple[list[Event], Written]:
            before = marker(conn)
            latest = conn.execute(
                f"SELECT batch, topic FROM event WHERE {IN_FORCE} ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if latest is None:
                return [], Written(before, before)
            batch, topic = latest
            rows = conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM event WHERE batch = ? AND {IN_FORCE} ORDER BY id", (batch,)
            ).fetchall()
            now = iso(datetime.now(UTC))
            conn.execute(
                f"INSERT INTO event ({INSERT_COLUMNS}, undoes) VALUES (?, ?, 'undo', ?, ?, 0, NULL, ?, NULL, ?)",
                (new_uid(), topic, now, now, new_uid(), batch),
            )
            return [event_of(row) for row in rows], Written(before, marker(conn), batch)

        return self._transaction(work)

    def undo_event(self, event_id: int) -> tuple[Event | None, Written]:
        """Take back one event in force by its id (the others of its batch stay); None when no such
        event is in force."""

        def work(conn: sqlite3.Connection) -> tuple[Event | None, Written]:
            before = marker(conn)
            row = conn.execute(
                f"SELECT {EVENT_COLUMNS} FROM event WHERE id = ? AND {IN_FORCE}", (event_id,)
            ).fetchone()
            if row is None:
                return None, Written(before, before)
            taken = event_of(row)
            now = iso(datetime.now(UTC))
            conn.execute(
                f"INSERT INTO event ({INSERT_COLUMNS}, undoes_event) VALUES (?, ?, 'undo', ?, ?, 0, NULL, ?, NULL, ?)",
                (new_uid(), taken.topic, now, now, new_uid(), event_id),
            )
            return taken, Written(before, marker(conn), taken.batch)

        return self._transaction(work)

    def set_setting(self, key: str, value: Any) -> None:
        encoded = json.dumps(value, ensure_ascii=False)
        now = iso(datetime.now(UTC))
        self._transaction(
            lambda conn: conn.execute(
                "INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (key, encoded, now),
            )
        )

    def unset_setting(self, key: str) -> bool:
        return self._transaction(
            lambda conn: conn.execute("DELETE FROM setting WHERE key = ?", (key,)).rowcount > 0
        )

    def rows_of(self, topics: Iterable[str]) -> list[tuple[str, str, str, int]]:
        """(topic, kind, at, minutes) of the events in force of these stored ids, in recorded order."""
        wanted = sorted(set(topics))
        marks = ", ".join("?" * len(wanted))
        sql = (
            f"SELECT topic, kind, at, minutes FROM event WHERE {IN_FORCE} AND topic IN ({marks}) ORDER BY id"
        )
        try:
            return self.conn.execute(sql, wanted).fetchall()
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None

    def import_events(self, events: Iterable[Event], settings: dict[str, Any] | None = None) -> int:
        """Merge exported events (and settings not set here); an event whose uid is known is skipped.
        The events an import adds are one batch, so that one `undo` takes the whole import back."""
        events = list(events)
        now = iso(datetime.now(UTC))
        batch = new_uid()

        def work(conn: sqlite3.Connection) -> int:
            known = {uid for (uid,) in conn.execute("SELECT uid FROM event")}
            rows = []
            for e in events:
                if e.uid in known:
                    continue
                known.add(e.uid)
                rows.append(
                    (
                        e.uid,
                        e.topic,
                        e.kind,
                        iso(e.at),
                        iso(e.recorded_at or e.at),
                        e.minutes,
                        e.note,
                        batch,
                        e.rating,
                    )
                )
            conn.executemany(f"INSERT INTO event ({INSERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.executemany(
                "INSERT OR IGNORE INTO setting (key, value, updated_at) VALUES (?, ?, ?)",
                [
                    (key, json.dumps(value, ensure_ascii=False), now)
                    for key, value in (settings or {}).items()
                ],
            )
            return len(rows)

        return self._transaction(work)


def _what(path: Path) -> Phrase:
    """What a path that is not a folder is, in a few words."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return Phrase("error.data_dir.unreachable")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Phrase("error.data_dir.device")
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        return Phrase("error.data_dir.pipe")
    return Phrase("error.data_dir.file")
