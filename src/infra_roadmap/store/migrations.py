"""Versioned schema changes. Each is frozen SQL: never edit one that has shipped, add another.

Applied in one transaction with its record in `schema_migrations`, so a migration either happens
entirely or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Migration = tuple[str, Callable[[Any], None]]


def _v1_initial(conn) -> None:
    conn.exec_driver_sql(
        """CREATE TABLE event (
            id INTEGER NOT NULL PRIMARY KEY,
            uid VARCHAR NOT NULL UNIQUE,
            topic VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            at VARCHAR NOT NULL,
            recorded_at VARCHAR NOT NULL,
            minutes INTEGER NOT NULL,
            note VARCHAR
        )"""
    )
    conn.exec_driver_sql("CREATE INDEX ix_event_topic ON event (topic)")
    conn.exec_driver_sql(
        """CREATE TABLE setting (
            key VARCHAR NOT NULL PRIMARY KEY,
            value VARCHAR NOT NULL,
            updated_at VARCHAR NOT NULL
        )"""
    )


def _v2_batches_and_undo(conn) -> None:
    # `undo` used to be impossible to express without deleting; batches let one command's
    # events be taken back together, and `undoes` records what an undo row takes back.
    conn.exec_driver_sql("ALTER TABLE event ADD COLUMN batch VARCHAR NOT NULL DEFAULT ''")
    conn.exec_driver_sql("ALTER TABLE event ADD COLUMN undoes VARCHAR")
    conn.exec_driver_sql("UPDATE event SET batch = uid WHERE batch = ''")
    conn.exec_driver_sql("CREATE INDEX ix_event_batch ON event (batch)")
    conn.exec_driver_sql("CREATE INDEX ix_event_at ON event (at)")


def _v3_ratings_and_single_undo(conn: Any) -> None:
    # Reviews carry a rating (1 again .. 4 easy); an undo row may take back one event by its id
    # (`undo ID`) instead of a whole batch.
    conn.exec_driver_sql("ALTER TABLE event ADD COLUMN rating INTEGER")
    conn.exec_driver_sql("ALTER TABLE event ADD COLUMN undoes_event INTEGER")


def _v4_clock_and_undo_indexes(conn: Any) -> None:
    # The running study clock is the latest clock, stop or cancel row; every read asks which
    # rows an undo takes back. Without these two partial indexes both scan the whole log (about
    # 10 ms at 50,000 events); with them each is a lookup among a few rows.
    conn.exec_driver_sql(
        "CREATE INDEX ix_event_clock ON event (id) WHERE kind IN ('clock', 'stop', 'cancel')"
    )
    conn.exec_driver_sql("CREATE INDEX ix_event_undo ON event (undoes, undoes_event) WHERE kind = 'undo'")


MIGRATIONS: list[Migration] = [
    ("initial", _v1_initial),
    ("batches-and-undo", _v2_batches_and_undo),
    ("ratings-and-single-undo", _v3_ratings_and_single_undo),
    ("clock-and-undo-indexes", _v4_clock_and_undo_indexes),
]

LATEST = len(MIGRATIONS)
