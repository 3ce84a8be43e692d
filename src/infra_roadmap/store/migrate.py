"""Bringing progress.db to the latest schema: SQLModel's engine runs the frozen SQL of
`migrations`, each step in one transaction with its record, after a verified backup.

Imported only when a database's schema version differs from the latest one (a new file, or one
written by an older version): SQLAlchemy costs more to import than an everyday command takes.
SQLite's driver opens transactions lazily and cannot roll back DDL that way, so the engine follows
SQLAlchemy's documented recipe: the driver's own transaction handling is off and every transaction
starts with an explicit BEGIN (IMMEDIATE, so a second migrating process waits for the first).
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from infra_roadmap.errors import StoreError, os_reason
from infra_roadmap.store import migrations
from infra_roadmap.store.connection import BUSY_TIMEOUT_MS, newer, open_writable, sqlite_reason, translate


def migrate(path: Path, seen: int) -> int:
    """Bring the schema to the latest version from `seen` (the version found on opening); back up
    an existing database first. Returns the version."""
    from sqlalchemy import create_engine, event, text
    from sqlalchemy.pool import NullPool

    latest = len(migrations.MIGRATIONS)
    engine = create_engine("sqlite://", creator=lambda: open_writable(path), poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        if 0 < seen < latest:
            backup(path, seen)
        # Read the version again under the write lock: another process may have migrated.
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                "version INTEGER NOT NULL PRIMARY KEY, name VARCHAR NOT NULL, applied_at VARCHAR NOT NULL)"
            )
            version = int(
                conn.exec_driver_sql("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").scalar() or 0
            )
            if version > latest:
                raise newer(path, version, latest)
            for number, (name, apply) in enumerate(migrations.MIGRATIONS, start=1):
                if number <= version:
                    continue
                apply(conn)
                conn.execute(
                    text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                    {"v": number, "n": name, "t": datetime.now(UTC).isoformat(timespec="microseconds")},
                )
            return latest
    except StoreError:
        raise
    except Exception as exc:
        raise translate(exc, path) from None
    finally:
        engine.dispose()


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def backup(path: Path, version: int) -> Path:
    """A consistent copy of the database beside it, made before a migration changes it.

    One backup per schema version: a copy that already exists and holds the same events is kept
    (a migration retried after a failure does not pile up copies). The copy is written to a
    temporary file, checked (integrity and event count), then renamed into place, so a full disk
    never leaves an empty "backup"; if it cannot be made, the migration does not run.
    """
    target = backup_path(path, version)
    events = _event_count(path)
    if target.exists() and _is_copy(target, events):
        return target
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        source = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        dest = sqlite3.connect(str(tmp))
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        if not _is_copy(tmp, events):
            raise StoreError("error.db.backup_unverified", path=path)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise StoreError("error.db.backup_failed", path=path, detail=sqlite_reason(exc)) from None
    except OSError as exc:
        raise StoreError("error.db.backup_failed", path=path, detail=os_reason(exc)) from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _event_count(path: Path) -> int:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM event").fetchone()[0])
    finally:
        conn.close()


def _is_copy(candidate: Path, events: int) -> bool:
    try:
        conn = sqlite3.connect(f"{candidate.resolve().as_uri()}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            return ok and int(conn.execute("SELECT COUNT(*) FROM event").fetchone()[0]) == events
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False
