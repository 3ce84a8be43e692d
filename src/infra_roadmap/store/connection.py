"""Opening progress.db with the standard library's sqlite3, and what a failure means to a user.

The path is used verbatim: sqlite3 receives the file name itself (or, read-only, a `file:` URI
that `Path.as_uri` percent-encodes), never a URL that another parser could read differently, so a
data directory named `x%41`, `a?b` or `c#d` is that directory.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from infra_roadmap.errors import Phrase, StoreError

BUSY_TIMEOUT_MS = 60_000


def unreadable(path: Path, detail: object = "") -> StoreError:
    if not detail:
        return StoreError("error.db.unreadable", path=path)
    if isinstance(detail, BaseException):
        detail = sqlite_reason(detail)
    return StoreError("error.db.unreadable_why", path=path, detail=detail)


def newer(path: Path, version: int, latest: int) -> StoreError:
    return StoreError("error.db.newer", path=path, version=version, latest=latest)


# What sqlite3 says, as a phrase that can be said in Chinese (its English is sqlite's own text).
_SQLITE_REASONS = (
    ("not a database", "error.db.not_a_database"),
    ("malformed", "error.db.malformed"),
    ("readonly", "error.db.read_only"),
    ("unable to open", "error.db.cannot_open"),
    ("full", "error.db.disk_full"),
    ("i/o", "error.db.disk_io"),
)


def sqlite_reason(exc: BaseException) -> Phrase | str:
    """A sqlite3 failure's own words, as a phrase when they are ones we can say in Chinese."""
    message = str(getattr(exc, "orig", exc))
    lowered = message.lower()
    for words, key in _SQLITE_REASONS:
        if words in lowered:
            return Phrase(key, detail=message)
    return message


def translate(exc: BaseException, path: Path) -> StoreError:
    """A sqlite3 failure as one line a user can act on."""
    message = str(getattr(exc, "orig", exc))
    lowered = message.lower()
    reason = sqlite_reason(exc)
    if "locked" in lowered or "busy" in lowered:
        return StoreError("error.db.locked", path=path, seconds=BUSY_TIMEOUT_MS // 1000)
    if "readonly" in lowered or "unable to open" in lowered or "permission" in lowered:
        return StoreError("error.cannot_write", path=path, reason=reason)
    if "disk" in lowered and ("full" in lowered or "i/o" in lowered):
        return StoreError("error.db.cannot_write_nothing_written", path=path, detail=reason)
    if "not a database" in lowered or "malformed" in lowered:
        return unreadable(path, reason)
    return StoreError("error.db.other", path=path, detail=message)


def open_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (and cannot create it)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as exc:
        raise unreadable(path, exc) from None
    return conn


def open_writable(path: Path) -> sqlite3.Connection:
    """A connection for one writer: transactions are begun explicitly (BEGIN IMMEDIATE takes the
    write lock up front and waits for it instead of failing half way), every commit reaches the
    disk (synchronous = FULL: a year of study must survive a power cut), and WAL lets readers
    work while a writer writes."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        _use_wal(conn)
    except sqlite3.Error as exc:
        raise translate(exc, path) from None
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switching to WAL needs a moment alone with the file; with many processes starting together,
    retry instead of failing (the switch is persistent, so this happens once per database)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            (mode,) = conn.execute("PRAGMA journal_mode").fetchone()
            if str(mode).lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def schema_version(conn: sqlite3.Connection, path: Path) -> int:
    """0 for an empty database; the applied migration count for ours; an error for anything else."""
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from None
    if not tables:
        return 0
    if "schema_migrations" not in tables:
        raise unreadable(path, Phrase("error.db.other_tables"))
    (version,) = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    return int(version)
