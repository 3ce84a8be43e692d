"""The write side: SQLModel over SQLAlchemy, with SQLite set up for many writers.

SQLite's Python driver opens transactions lazily and cannot roll back DDL that way, so the engine
follows SQLAlchemy's documented recipe: the driver's own transaction handling is turned off and
every transaction starts with an explicit BEGIN (IMMEDIATE, so a writer takes the write lock up
front and waits `busy_timeout` for it instead of failing half way).
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from infra_roadmap.state import Event
from infra_roadmap.store.migrations import LATEST, MIGRATIONS
from infra_roadmap.store.read import StoreError, connect_readonly, newer, schema_version, unreadable

BUSY_TIMEOUT_MS = 60_000


def new_uid() -> str:
    return uuid.uuid4().hex


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


class Writer:
    """Opens (creating on first use) and migrates progress.db; every method is one transaction."""

    def __init__(self, path: Path):
        self.path = path
        version = self._check_existing()
        self._make_folder()
        self.engine = self._engine()
        try:
            if version != LATEST:  # the usual case needs no schema work, and no extra lock
                self.migrate(version)
        except Exception:
            self.engine.dispose()
            raise

    # ---- opening ---------------------------------------------------------------------------

    def _check_existing(self) -> int:
        """Refuse a file that is not ours before SQLAlchemy touches it; its schema version."""
        if self.path.is_dir():
            raise unreadable(self.path, "it is a folder")
        if not self.path.exists() or self.path.stat().st_size == 0:
            return 0
        try:
            conn = connect_readonly(self.path)
            try:
                version = schema_version(conn, self.path)
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise unreadable(self.path, exc) from None
        if version > LATEST:
            raise newer(self.path, version)
        return version

    def _make_folder(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise StoreError(f"cannot use data directory {folder}: it is a file") from None
        except OSError as exc:
            raise StoreError(f"cannot create data directory {folder}: {exc.strerror}") from None
        if not folder.is_dir():
            raise StoreError(f"cannot use data directory {folder}: it is not a folder")

    def _engine(self):
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import NullPool

        engine = create_engine(f"sqlite:///{self.path}", poolclass=NullPool,
                               connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see module doc)
            dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            dbapi_connection.execute("PRAGMA synchronous = FULL")  # a year of study must survive power loss
            _use_wal(dbapi_connection)

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine

    def migrate(self, seen: int) -> int:
        """Bring the schema to LATEST from `seen` (the version found on opening); back up an
        existing database first. Returns the version."""
        from sqlalchemy import text

        try:
            if 0 < seen < LATEST:
                self._backup(seen)
            # Read the version again under the write lock: another process may have migrated.
            with self.engine.begin() as conn:
                conn.exec_driver_sql(
                    "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    "version INTEGER NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, applied_at VARCHAR NOT NULL)"
                )
                version = conn.exec_driver_sql("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").scalar()
                if version > LATEST:
                    raise newer(self.path, version)
                if version == LATEST:
                    return version
                for number, (name, apply) in enumerate(MIGRATIONS, start=1):
                    if number <= version:
                        continue
                    apply(conn)
                    conn.execute(
                        text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                        {"v": number, "n": name, "t": _iso(datetime.now(timezone.utc))},
                    )
                return LATEST
        except StoreError:
            raise
        except Exception as exc:
            raise self._translate(exc) from None

    def _backup(self, version: int) -> None:
        """A consistent copy of the database, beside it, before a migration changes it."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        target = self.path.with_name(f"{self.path.name}.v{version}-{stamp}.bak")
        source = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()

    def _translate(self, exc: Exception) -> StoreError:
        message = str(getattr(exc, "orig", exc))
        if "readonly" in message or "unable to open" in message or "permission" in message.lower():
            return StoreError(f"cannot write {self.path}: {message}")
        if "not a database" in message or "malformed" in message:
            return unreadable(self.path, message)
        return StoreError(f"{self.path}: {message}")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing ---------------------------------------------------------------------------

    def _session(self):
        from sqlmodel import Session

        return Session(self.engine)

    def record(self, events: Sequence[Event]) -> str:
        """Append events as one batch (one command = one change for `undo`)."""
        from infra_roadmap.store.models import Event as Row

        batch = new_uid()
        now = _iso(datetime.now(timezone.utc))
        try:
            with self._session() as session:
                session.add_all(
                    Row(uid=new_uid(), topic=e.topic, kind=e.kind, at=_iso(e.at), recorded_at=now,
                        minutes=e.minutes, note=e.note, batch=batch)
                    for e in events
                )
                session.commit()
        except Exception as exc:
            raise self._translate(exc) from None
        return batch

    def undo(self) -> list[Event]:
        """Take back the latest batch still in force; returns its events (empty: nothing to undo)."""
        from sqlmodel import col, select

        from infra_roadmap.store.models import Event as Row

        try:
            with self._session() as session:
                undone = select(Row.undoes).where(Row.kind == "undo")
                latest = session.exec(
                    select(Row).where(Row.kind != "undo", col(Row.batch).not_in(undone))
                    .order_by(col(Row.id).desc()).limit(1)
                ).first()
                if latest is None:
                    return []
                rows = session.exec(select(Row).where(Row.batch == latest.batch).order_by(Row.id)).all()
                taken = [_event(row) for row in rows]
                now = _iso(datetime.now(timezone.utc))
                session.add(Row(uid=new_uid(), topic=latest.topic, kind="undo", at=now, recorded_at=now,
                                minutes=0, note=None, batch=new_uid(), undoes=latest.batch))
                session.commit()
                return taken
        except Exception as exc:
            raise self._translate(exc) from None

    def set_setting(self, key: str, value: Any) -> None:
        from infra_roadmap.store.models import Setting

        try:
            with self._session() as session:
                session.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False),
                                      updated_at=_iso(datetime.now(timezone.utc))))
                session.commit()
        except Exception as exc:
            raise self._translate(exc) from None

    def unset_setting(self, key: str) -> bool:
        from infra_roadmap.store.models import Setting

        try:
            with self._session() as session:
                row = session.get(Setting, key)
                if row is None:
                    return False
                session.delete(row)
                session.commit()
                return True
        except Exception as exc:
            raise self._translate(exc) from None

    def import_events(self, events: Iterable[Event], settings: dict[str, Any] | None = None) -> int:
        """Merge exported events (and settings not set here); an event whose uid is known is skipped."""
        from sqlmodel import select

        from infra_roadmap.store.models import Event as Row
        from infra_roadmap.store.models import Setting

        events = list(events)
        try:
            with self._session() as session:
                known = set(session.exec(select(Row.uid)).all())
                added = 0
                for e in events:
                    if e.uid in known:
                        continue
                    known.add(e.uid)
                    session.add(Row(uid=e.uid, topic=e.topic, kind=e.kind, at=_iso(e.at),
                                    recorded_at=_iso(e.recorded_at or e.at), minutes=e.minutes,
                                    note=e.note, batch=e.batch or e.uid))
                    added += 1
                now = _iso(datetime.now(timezone.utc))
                for key, value in (settings or {}).items():
                    if session.get(Setting, key) is None:
                        session.add(Setting(key=key, value=json.dumps(value, ensure_ascii=False), updated_at=now))
                session.commit()
                return added
        except Exception as exc:
            raise self._translate(exc) from None


def _use_wal(dbapi_connection) -> None:
    """WAL lets readers and one writer work at once. Switching needs a moment alone with the file;
    with many processes starting together, retry instead of failing (the switch is persistent)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            (mode,) = dbapi_connection.execute("PRAGMA journal_mode").fetchone()
            if str(mode).lower() != "wal":
                dbapi_connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _event(row) -> Event:
    return Event(topic=row.topic, kind=row.kind, at=datetime.fromisoformat(row.at), minutes=row.minutes,
                 note=row.note, uid=row.uid, recorded_at=datetime.fromisoformat(row.recorded_at),
                 batch=row.batch)
