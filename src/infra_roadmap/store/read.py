"""The read side: everything commands need from progress.db, through plain sqlite3.

Reading never changes the file: an older schema is read as it is (the columns it lacks have their
later defaults) and migrated only by the next write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from infra_roadmap.errors import Phrase
from infra_roadmap.store.connection import newer, open_readonly, schema_version, unreadable
from infra_roadmap.store.event import Event
from infra_roadmap.store.migrations import LATEST
from infra_roadmap.vocab import STATUS_AFTER

T = TypeVar("T")

# An event is in force unless it is an undo row, or an undo row takes back its batch or the event
# itself. The one definition of the rule: every query below, the writer's undo and the tests use it.
IN_FORCE = (
    "kind != 'undo'"
    " AND batch NOT IN (SELECT undoes FROM event WHERE kind = 'undo' AND undoes IS NOT NULL)"
    " AND id NOT IN (SELECT undoes_event FROM event WHERE kind = 'undo' AND undoes_event IS NOT NULL)"
)
# The kinds that set a topic's status whatever it was (`log` moves only a todo topic), for SQL.
STATUS_KINDS = "(" + ", ".join(f"'{kind}'" for kind in STATUS_AFTER) + ")"
# What a row holds, in the order of `Event`'s fields that the store keeps.
INSERT_COLUMNS = "uid, topic, kind, at, recorded_at, minutes, note, batch, rating"
EVENT_COLUMNS = f"{INSERT_COLUMNS}, id"


Marker = tuple[int, str]  # the last row's id and uid
# The clock's rows, worded exactly as the partial index `ix_event_clock` is (SQLite uses a partial
# index only for a query whose WHERE contains its condition).
CLOCK_ROWS = "kind IN ('clock', 'stop', 'cancel')"
CLOCK_SINCE = 4  # the schema version that has the clock's index (no earlier log holds a clock)


class Clock(NamedTuple):
    """The study clock that is running: on which topic, since when, the row that started it."""

    topic: str
    since: datetime
    note: str | None
    id: int


def running_clock(conn: sqlite3.Connection, version: int) -> Clock | None:
    """The latest clock, stop or cancel row in force, when it is a clock (its partial index makes
    this a lookup among those rows only)."""
    if version < CLOCK_SINCE:
        return None
    row = conn.execute(
        f"SELECT topic, kind, at, note, id FROM event WHERE {CLOCK_ROWS} AND {IN_FORCE} ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None or row[1] != "clock":
        return None
    return Clock(row[0], datetime.fromisoformat(row[2]), row[3], row[4])


def marker(conn: sqlite3.Connection) -> Marker:
    """What changes whenever a row is added: the last row's id (rows are only ever appended, undo
    adds one too, and ids are never reused) and its uid, which is random, so that another file
    copied over this one (`cp backup.db progress.db` keeps the inode) is never mistaken for it.
    Two lookups in the primary key: no scan, whatever the size of the log."""
    row = conn.execute("SELECT id, uid FROM event ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, "")


def in_force(version: int) -> str:
    """The rule as the schema of `version` can say it (the first had no undo, the second no
    single-event undo)."""
    if version < 2:
        return "1"
    if version < 3:
        return "kind != 'undo' AND batch NOT IN (SELECT undoes FROM event WHERE kind = 'undo')"
    return IN_FORCE


def event_columns(version: int) -> str:
    """EVENT_COLUMNS as the schema of `version` can give them (the missing ones as defaults)."""
    if version < 2:
        return "uid, topic, kind, at, recorded_at, minutes, note, uid, NULL, id"
    if version < 3:
        return "uid, topic, kind, at, recorded_at, minutes, note, batch, NULL, id"
    return EVENT_COLUMNS


def event_of(row: tuple[Any, ...]) -> Event:
    """An Event from a row of `event_columns`."""
    uid, topic, kind, at, recorded, minutes, note, batch, rating, ident = row
    parse = datetime.fromisoformat
    return Event(topic, kind, parse(at), minutes, note, uid, parse(recorded), batch, rating, ident)


@dataclass(eq=False)
class Snapshot:
    """What the database holds. Empty when no database exists yet. Settings are read at once;
    events when first asked for, as objects (`events`) or as the bare rows states need."""

    path: Path
    exists: bool = False
    version: int = 0
    settings: dict[str, Any] = field(default_factory=dict)
    marker: Marker = (0, "")  # see `marker`
    clock: Clock | None = None  # the study clock running, if one is
    _events: list[Event] | None = None
    _rows: list[tuple[str, str, Any, int]] | None = None

    @property
    def events_exist(self) -> bool:
        return self.exists and self.version > 0 and self.marker[0] > 0  # a last row exists

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
            Event(topic, kind, parse(at), minutes, note, uid, parse(recorded), batch, rating, ident)
            for uid, topic, kind, at, recorded, minutes, note, batch, rating, ident in rows
        ]

    def events_between(self, start: datetime, end: datetime) -> list[Event]:
        """Events in force with start <= at < end, in recorded order (the index on `at` finds them)."""
        if not self.events_exist:
            return []
        sql = (
            f"SELECT {event_columns(self.version)} FROM event WHERE {in_force(self.version)} "
            "AND at >= ? AND at < ? ORDER BY id"
        )
        return [
            event_of(row)
            for row in self.query(lambda conn: conn.execute(sql, (_iso(start), _iso(end))).fetchall())
        ]

    def topics_with_event_before(self, topics: Iterable[str], moment: datetime) -> set[str]:
        """Which of these stored topic ids have an event in force before `moment`: one lookup in
        the topic index each, which stops at the first row that qualifies (`+at` keeps SQLite from
        scanning the time index instead)."""
        wanted = sorted(set(topics))
        if not wanted or not self.events_exist:
            return set()
        sql = f"SELECT 1 FROM event WHERE topic = ? AND +at < ? AND {in_force(self.version)} LIMIT 1"
        when = _iso(moment)
        return self.query(lambda conn: {t for t in wanted if conn.execute(sql, (t, when)).fetchone()})

    def last_events_before(
        self, topics: Iterable[str], moment: datetime
    ) -> dict[str, tuple[tuple[str, int] | None, int | None]]:
        """For each stored topic id, before `moment`: its last status change (kind, id) and the id
        of its last log, in the order they were recorded. Two walks back along the topic index per
        topic, each stopping at the first row that qualifies, whatever the length of the log."""
        wanted = sorted(set(topics))
        if not wanted or not self.events_exist:
            return {}
        rule, when = in_force(self.version), _iso(moment)
        changes = (
            f"SELECT kind, id FROM event WHERE topic = ? AND +at < ? AND kind IN {STATUS_KINDS} "
            f"AND {rule} ORDER BY id DESC LIMIT 1"
        )
        logs = f"SELECT id FROM event WHERE topic = ? AND +at < ? AND kind = 'log' AND {rule} ORDER BY id DESC LIMIT 1"

        def fetch(conn: sqlite3.Connection) -> dict[str, tuple[tuple[str, int] | None, int | None]]:
            found = {}
            for topic in wanted:
                change = conn.execute(changes, (topic, when)).fetchone()
                log = conn.execute(logs, (topic, when)).fetchone()
                found[topic] = (
                    (str(change[0]), int(change[1])) if change else None,
                    int(log[0]) if log else None,
                )
            return found

        return self.query(fetch)

    def state_rows_of(
        self, topics: Iterable[str], before: datetime | None = None
    ) -> list[tuple[str, str, Any, int]]:
        """`state_rows` of these stored ids only (and of events before `before`, when given)."""
        wanted = sorted(set(topics))
        if not wanted or not self.events_exist:
            return []
        marks = ", ".join("?" * len(wanted))
        bound = " AND at < ?" if before is not None else ""
        sql = (
            f"SELECT topic, kind, at, minutes FROM event WHERE {in_force(self.version)} "
            f"AND topic IN ({marks}){bound} ORDER BY id"
        )
        params = [*wanted, _iso(before)] if before is not None else wanted
        return self.query(lambda conn: conn.execute(sql, params).fetchall())

    def review_rows(self) -> list[tuple[str, str, datetime, int | None]]:
        """(topic, kind, at, rating) of the events a review schedule folds, in the order they
        happened (then recorded)."""
        if not self.events_exist:
            return []
        rating = "rating" if self.version >= 3 else "NULL"
        sql = (
            f"SELECT topic, kind, at, {rating} FROM event WHERE {in_force(self.version)} "
            "AND kind IN ('done', 'skip', 'review', 'reset', 'start', 'log') ORDER BY at, id"
        )
        parse = datetime.fromisoformat
        rows = self.query(lambda conn: conn.execute(sql).fetchall())
        return [(topic, kind, parse(at), value) for topic, kind, at, value in rows]

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


def decode(value: str) -> Any:
    """A stored setting (JSON text). The plain cases (a string without escapes, a number, null)
    are read directly: the json module costs more to import than reading every setting takes, on
    every command. Anything else goes to json.loads."""
    if value == "null":
        return None
    if value[:1] == '"' and value[-1:] == '"' and "\\" not in value and value.count('"') == 2:
        return value[1:-1]
    try:
        return float(value) if any(c in value for c in ".eE") else int(value)
    except ValueError:
        import json

        return json.loads(value)


def _iso(moment: datetime) -> str:
    """A moment as the store compares it: UTC ISO text (see `write.iso`)."""
    from datetime import UTC

    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def read_snapshot(path: Path) -> Snapshot:
    """Read the settings and the marker of the event log. Never writes."""
    if not path.exists():
        if path.is_symlink():
            raise unreadable(path, Phrase("error.db.dangling_link"))
        return Snapshot(path)
    if path.is_dir():
        raise unreadable(path, Phrase("error.db.folder"))
    conn = open_readonly(path)
    try:
        version = schema_version(conn, path)
        if version > LATEST:
            raise newer(path, version, LATEST)
        snapshot = Snapshot(path, exists=True, version=version)
        if version == 0:
            return snapshot
        snapshot.marker = marker(conn)
        snapshot.clock = running_clock(conn, version)
        snapshot.settings = {
            key: decode(value) for key, value in conn.execute("SELECT key, value FROM setting")
        }
        return snapshot
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from None
    except ValueError as exc:  # a setting that is not JSON
        raise unreadable(path, Phrase("error.db.damaged_setting", detail=exc)) from None
    finally:
        conn.close()


def stored_setting(path: Path, key: str) -> Any:
    """One stored setting, or None, for the error boundary: it waits at most a moment for a lock
    and reads one row. Any failure is the caller's to swallow (the error being shown may well be
    that this file is broken)."""
    if not path.is_file():
        return None
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return decode(row[0]) if row else None


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
