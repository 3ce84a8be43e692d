"""Opening progress.db with the standard library's sqlite3, and what a failure means to a user.

The path is used verbatim: sqlite3 receives the file name itself (or, read-only, a `file:` URI
that `Path.as_uri` percent-encodes), never a URL that another parser could read differently, so a
data directory named `x%41`, `a?b` or `c#d` is that directory.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from infra_roadmap.errors import StoreError

BUSY_TIMEOUT_MS = 60_000


def unreadable(path: Path, detail: object = "") -> StoreError:
    suffix = f" ({detail})" if detail else ""
    return StoreError(f"{path} is not a readable progress database{suffix}")


def newer(path: Path, version: int, latest: int) -> StoreError:
    return StoreError(
        f"{path} was written by a newer infra-roadmap (schema v{version}; this version knows up to "
        f"v{latest}); upgrade infra-roadmap to use it"
    )


def translate(exc: BaseException, path: Path) -> StoreError:
    """A sqlite3 failure as one line a user can act on."""
    message = str(getattr(exc, "orig", exc))
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreError(
            f"{path} stayed locked by another roadmap process for {BUSY_TIMEOUT_MS // 1000} s; "
            "nothing was written: try again when it has finished"
        )
    if "readonly" in lowered or "unable to open" in lowered or "permission" in lowered:
        return StoreError(f"cannot write {path}: {message}")
    if "disk" in lowered and ("full" in lowered or "i/o" in lowered):
        return StoreError(f"cannot write {path}: {message}; nothing was written")
    if "not a database" in lowered or "malformed" in lowered:
        return unreadable(path, message)
    return StoreError(f"{path}: {message}")


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
        raise unreadable(path, "it holds other tables")
    (version,) = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()
    return int(version)
