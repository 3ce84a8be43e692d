"""The progress database: schema, migrations, refusals, many writers."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect
from sqlmodel import SQLModel

from infra_roadmap.errors import StoreError
from infra_roadmap.store import models  # noqa: F401 - registers the tables
from infra_roadmap.store.migrations import LATEST
from infra_roadmap.store.read import read_snapshot
from infra_roadmap.store.write import Writer

FIXTURES = Path(__file__).parent / "fixtures"


def schema(path: Path) -> dict:
    """Tables with their columns (name, type, nullable, pk), indexes and unique constraints."""
    inspector = inspect(create_engine(f"sqlite:///{path}"))
    result = {}
    for table in sorted(inspector.get_table_names()):
        if table == "schema_migrations":
            continue
        columns = [
            (c["name"], str(c["type"]), c["nullable"], bool(c.get("primary_key")))
            for c in inspector.get_columns(table)
        ]
        indexes = sorted(
            (i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in inspector.get_indexes(table)
        )
        uniques = sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(table))
        result[table] = {"columns": columns, "indexes": indexes, "uniques": uniques}
    return result


def v1_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    return path


def test_migrating_a_blank_database_gives_exactly_the_models_schema(tmp_path):
    migrated = tmp_path / "migrated.db"
    Writer(migrated).close()
    reference = tmp_path / "reference.db"
    engine = create_engine(f"sqlite:///{reference}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    assert schema(migrated) == schema(reference)
    assert read_snapshot(migrated).version == LATEST


def test_first_schema_migrates_with_every_row_intact_and_a_backup(tmp_path):
    db = v1_database(tmp_path / "progress.db")
    before = (
        sqlite3.connect(db)
        .execute("SELECT uid, topic, kind, at, recorded_at, minutes, note FROM event ORDER BY id")
        .fetchall()
    )
    Writer(db).close()
    conn = sqlite3.connect(db)
    after = conn.execute(
        "SELECT uid, topic, kind, at, recorded_at, minutes, note FROM event ORDER BY id"
    ).fetchall()
    assert after == before
    assert conn.execute("SELECT COUNT(*) FROM event WHERE batch = uid").fetchone() == (4,)
    assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")] == list(
        range(1, LATEST + 1)
    )
    backups = list(tmp_path.glob("progress.db.v1.bak"))
    assert len(backups) == 1
    assert sqlite3.connect(backups[0]).execute("SELECT COUNT(*) FROM event").fetchone() == (4,)
    snap = read_snapshot(db)
    assert [e.note for e in snap.events] == [
        "开始：内存管理",
        'paging | TLB, "quoted"',
        None,
        "a topic that later left the roadmap",
    ]
    assert snap.settings == {"weekly-goal-hours": 12.5}


def test_a_failing_migration_rolls_back_entirely(tmp_path, monkeypatch):
    from infra_roadmap.store import migrations

    db = v1_database(tmp_path / "progress.db")

    def broken(conn):
        conn.exec_driver_sql("ALTER TABLE event ADD COLUMN batch VARCHAR NOT NULL DEFAULT ''")
        conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], ("broken", broken)])
    with pytest.raises(StoreError):
        Writer(db)
    conn = sqlite3.connect(db)
    assert "half_done" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "batch" not in {r[1] for r in conn.execute("PRAGMA table_info(event)")}
    assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone() == (1,)


def test_a_newer_database_is_refused_and_left_alone(tmp_path):
    db = tmp_path / "progress.db"
    Writer(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_migrations VALUES (?, 'from-the-future', 'x')", (LATEST + 1,))
    conn.commit()
    conn.close()
    data = db.read_bytes()
    for attempt in (lambda: Writer(db), lambda: read_snapshot(db)):
        with pytest.raises(StoreError, match="newer infra-roadmap"):
            attempt()
    assert db.read_bytes() == data


@pytest.mark.parametrize(
    "content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\x07" * 2000]
)
def test_a_damaged_file_is_refused_and_never_modified(tmp_path, content):
    db = tmp_path / "progress.db"
    db.write_bytes(content)
    for attempt in (lambda: Writer(db), lambda: read_snapshot(db)):
        with pytest.raises(StoreError, match="is not a readable progress database"):
            attempt()
    assert db.read_bytes() == content


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    db = tmp_path / "progress.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="other tables"):
        Writer(db)


def test_wal_mode_and_busy_timeout(tmp_path):
    db = tmp_path / "progress.db"
    with Writer(db) as writer:
        assert writer.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert writer.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000


def _writers(home: Path, count: int) -> list[tuple[int, str]]:
    """`count` processes that each log i+1 minutes at the same moment; their exit codes and stderr."""
    env = {**os.environ, "INFRA_ROADMAP_HOME": str(home)}  # HOME and XDG_* point into tmp_path
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "infra_roadmap", "log", "os-memory", f"{i + 1}m", "--note", f"writer {i}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(count)
    ]
    return [(p.wait(timeout=120), p.stderr.read()) for p in procs]


def test_32_writers_at_once_all_succeed(tmp_path, run):
    home = tmp_path / "home"
    assert run("--data-dir", str(home), "log", "os-memory", "1m").exit_code == 0  # the roadmap cache is warm
    results = _writers(home, 32)
    assert [code for code, _ in results] == [0] * 32, [err for code, err in results if code]
    conn = sqlite3.connect(home / "progress.db")
    assert conn.execute("SELECT COUNT(*), SUM(minutes) FROM event").fetchone() == (33, 1 + sum(range(1, 33)))
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_8_first_writers_create_the_database_together(tmp_path):
    home = tmp_path / "home"
    results = _writers(home, 8)  # each finds no file and creates the schema
    assert [code for code, _ in results] == [0] * 8, [err for code, err in results if code]
    conn = sqlite3.connect(home / "progress.db")
    assert conn.execute("SELECT COUNT(*), SUM(minutes) FROM event").fetchone() == (8, sum(range(1, 9)))
    assert [v for (v,) in conn.execute("SELECT version FROM schema_migrations ORDER BY version")] == list(
        range(1, LATEST + 1)
    )
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.parametrize(
    "value",
    [
        "2026-12-19",
        12.5,
        20,
        None,
        "inference",
        'quote " and \\ slash',
        "中文",
        1e-3,
        True,
        {"mon": 2},
        "1e5",
    ],
)
def test_settings_read_back_exactly_as_json_wrote_them(value):
    import json

    from infra_roadmap.store.read import decode

    assert decode(json.dumps(value, ensure_ascii=False)) == value
