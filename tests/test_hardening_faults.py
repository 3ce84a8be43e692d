"""Faults a user can suffer: killed writers, damaged or foreign databases, racing migrations,
unwritable places, broken overlays, and random argument vectors. Nothing may show a traceback
or lose an event."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import topic_toml
from infra_roadmap.store.migrations import LATEST

FIXTURES = Path(__file__).parent / "fixtures"


def cli(*args: str, home: Path, **kwargs) -> subprocess.Popen:
    env = {
        **os.environ,
        "INFRA_ROADMAP_HOME": str(home),
        "TZ": "UTC",
    }
    env.pop("INFRA_ROADMAP_DEBUG", None)
    return subprocess.Popen(
        [sys.executable, "-m", "infra_roadmap", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


# ---- killed writers -------------------------------------------------------------------------


def test_writers_killed_mid_write_lose_nothing_that_was_confirmed(tmp_path):
    home = tmp_path / "home"
    assert cli("log", "os-memory", "1m", "--note", "seed", home=home).wait(60) == 0
    rng = random.Random(8)
    procs = [cli("log", "os-memory", "2m", "--note", f"writer {i}", home=home) for i in range(16)]
    for proc in procs:  # kill half of them at a random moment of their short life
        if rng.random() < 0.5:
            time.sleep(rng.uniform(0.0, 0.25))
            proc.send_signal(signal.SIGKILL)
    outcomes = [(proc.wait(60), proc.stderr.read()) for proc in procs]
    assert all(code in (0, -signal.SIGKILL) for code, _ in outcomes), outcomes
    assert not any("Traceback" in err for _, err in outcomes)
    conn = sqlite3.connect(home / "progress.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    notes = {row[0] for row in conn.execute("SELECT note FROM event")}
    for i, (code, _) in enumerate(outcomes):
        if code == 0:
            assert f"writer {i}" in notes
    assert cli("history", "--json", home=home).wait(60) == 0


# ---- damaged, truncated, foreign and newer databases --------------------------------------------


def _real_database(home: Path) -> Path:
    """A database of many pages, so that damage in the middle hits real data."""
    from datetime import datetime, timedelta

    from infra_roadmap.store.event import Event
    from infra_roadmap.store.write import Writer

    base = datetime(2026, 10, 1, tzinfo=UTC)
    with Writer(home / "progress.db") as writer:
        writer.record(
            [Event("os-memory", "log", base + timedelta(hours=i), 5, "x" * 500 + str(i)) for i in range(200)]
        )
    return home / "progress.db"


DAMAGES = ["random", "truncated", "newer", "foreign", "zeroed-header"]


def damage(kind: str, home: Path) -> Path:
    db = home / "progress.db"
    if kind == "random":
        home.mkdir(parents=True)
        db.write_bytes(random.Random(1).randbytes(64 * 1024))
    elif kind == "truncated":
        _real_database(home)
        data = db.read_bytes()
        db.write_bytes(data[: len(data) // 2])
    elif kind == "newer":
        _real_database(home)
        conn = sqlite3.connect(db)
        conn.execute("INSERT INTO schema_migrations VALUES (?, 'future', 'x')", (LATEST + 1,))
        conn.commit()
        conn.close()
    elif kind == "foreign":
        home.mkdir(parents=True)
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
        conn.close()
    elif kind == "zeroed-header":
        _real_database(home)
        data = bytearray(db.read_bytes())
        data[:100] = bytes(100)
        db.write_bytes(bytes(data))
    for extra in (home / "progress.db-wal", home / "progress.db-shm"):
        extra.unlink(missing_ok=True)
    return db


COMMANDS = [
    ["list"],
    ["tree"],
    ["show", "os-memory"],
    ["search", "paging"],
    ["next"],
    ["path", "vllm-pagedattention"],
    ["status"],
    ["history"],
    ["export"],
    ["report"],
    ["report", "--format", "html"],
    ["start", "os-memory"],
    ["done", "os-memory"],
    ["log", "os-memory", "5m"],
    ["undo"],
    ["config", "list"],
    ["config", "set", "lang", "zh"],
    ["doctor"],
    ["import", "{export}"],
]


@pytest.mark.parametrize("kind", DAMAGES)
def test_a_damaged_database_is_refused_by_every_command_and_left_unchanged(run, tmp_path, kind):
    home = tmp_path / "home"
    db = damage(kind, home)
    before = db.read_bytes()
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps(
            {
                "version": 1,
                "events": [
                    {"topic": "os-memory", "kind": "log", "at": "2026-11-01T10:00:00+00:00", "minutes": 5}
                ],
            }
        )
    )
    for args in COMMANDS:
        args = [a.replace("{export}", str(export)) for a in args]
        result = run("--data-dir", str(home), *args)
        assert result.exit_code == 1, (kind, args, result.stdout[-300:], result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
        if args[0] != "doctor":
            assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, (
                kind,
                args,
                result.stderr,
            )
            assert (
                "not a readable progress database" in result.stderr or "newer infra-roadmap" in result.stderr
            ), (kind, args, result.stderr)
        assert db.read_bytes() == before, (kind, args)


# ---- migrations racing ----------------------------------------------------------------------


def test_the_first_schema_migrated_by_two_processes_at_once(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    conn = sqlite3.connect(home / "progress.db")
    conn.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    procs = [cli("history", "--json", home=home), cli("log", "os-memory", "10m", home=home)]
    results = [(p.wait(60), p.stdout.read(), p.stderr.read()) for p in procs]
    assert [code for code, _, _ in results] == [0, 0], results
    conn = sqlite3.connect(home / "progress.db")
    assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")] == list(
        range(1, LATEST + 1)
    )
    assert conn.execute("SELECT COUNT(*) FROM event").fetchone() == (5,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert list(home.glob("progress.db.v1.bak"))


# ---- places that cannot hold data -----------------------------------------------------------


def test_a_data_dir_that_is_a_file(run, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for args in (["done", "os-memory"], ["config", "set", "lang", "zh"], ["import", str(blocker)]):
        result = run("--data-dir", str(blocker), *args)
        assert (
            result.exit_code == 1 and result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
        ), result.stderr
    assert blocker.read_text() == "not a folder"


def test_an_unwritable_data_dir(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to switch to an unprivileged user")
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(tmp_path, 0o755)
    os.chmod(locked, 0o555)

    def as_nobody():
        os.setgid(65534)
        os.setuid(65534)

    env = {
        **os.environ,
        "INFRA_ROADMAP_HOME": str(locked / "home"),
        "XDG_CACHE_HOME": str(tmp_path / "nocache"),
        "HOME": str(tmp_path),
    }
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "infra_roadmap", "done", "os-memory"],
            env=env,
            capture_output=True,
            text=True,
            preexec_fn=as_nobody,
            timeout=60,
        )
    except (PermissionError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot run as nobody here: {exc}")
    if "Permission denied" in proc.stderr and "python" in proc.stderr.lower() and "Error:" not in proc.stderr:
        pytest.skip("the interpreter itself is not readable by nobody")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("Error: cannot create data directory") and proc.stderr.count("\n") == 1, (
        proc.stderr
    )
    assert not (locked / "home").exists()


# ---- roadmap evolution ----------------------------------------------------------------------

NINE_MISTAKES = {
    "syntax.toml": '[[topic]]\nid = "broken\nhours = 3\n',
    "mistakes.toml": (
        topic_toml("m-missing").replace('summary = "A topic written by a test."\n', "")  # 1 missing field
        + topic_toml("m-type").replace("hours = 3", 'hours = "three"')  # 2 wrong type
        + topic_toml("m-layer", layer="basement")  # 3 unknown layer
        + topic_toml("m-prereq", requires=["m-ghost"])  # 4 unknown prerequisite
        + topic_toml("m-res", resources=["paper-ghost"])  # 5 unknown resource
        + topic_toml(
            "m-weight", extra='[[topic.exam]]\npoint = "408.os.paging"\nweight = 7\nwhy = "too strong"'
        )  # 6 weight
        + topic_toml("m-cycle-a", requires=["m-cycle-b"])
        + topic_toml("m-cycle-b", requires=["m-cycle-a"])  # 7 cycle
        + '[[resource]]\nid = "docs-insecure"\nkind = "docs"\ntitle = "Insecure"\nurl = "http://example.com"\n'  # 8 http
    ),
    "dup.toml": topic_toml("m-type"),  # 9 duplicate id
}


def test_an_overlay_with_nine_kinds_of_mistakes_is_reported_in_one_run(run, overlay):
    folder = overlay(NINE_MISTAKES)
    result = run("validate", str(folder), "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    expected = [
        ("syntax.toml", "", "TOML syntax error"),
        ("mistakes.toml", "m-missing", "summary: missing field"),
        ("mistakes.toml", "m-type", "hours: expected"),
        ("mistakes.toml", "m-layer", "unknown layer 'basement'"),
        ("mistakes.toml", "m-prereq", "unknown prerequisite 'm-ghost'"),
        ("mistakes.toml", "m-res", "unknown resource 'paper-ghost'"),
        ("mistakes.toml", "m-weight", "weight"),
        ("mistakes.toml", "m-cycle-a", "m-cycle-a -> m-cycle-b -> m-cycle-a"),
        ("mistakes.toml", "docs-insecure", "https"),
        ("mistakes.toml", "m-type", "duplicate id (also defined in"),  # dup.toml is read first
    ]
    for file, ident, text in expected:
        assert any(
            p["file"].endswith(file) and p["id"] == ident and text in p["message"] for p in problems
        ), (file, ident, text, problems)


def test_a_removed_topic_keeps_its_events_and_doctor_lists_them(run, overlay):
    old = overlay({"m.toml": topic_toml("soon-gone")})
    run("--roadmap", str(old), "log", "soon-gone", "25m", "--note", "kept")
    report = run.json("doctor")
    assert report["orphaned"] == [{"topic": "soon-gone", "events": 1}]
    assert [e["note"] for e in run.json("history")] == ["kept"]
    assert run("status").exit_code == 0 and run("report", "--format", "json").exit_code == 0


# ---- the error boundary and random argument vectors -------------------------------------------


def test_a_traceback_only_with_debug(run, monkeypatch):
    from infra_roadmap import shapes

    def boom(*_a, **_k):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(shapes, "tree", boom)
    quiet = run("tree")
    assert quiet.exit_code == 1 and quiet.stderr.count("\n") == 1 and "Traceback" not in quiet.stderr
    assert "INFRA_ROADMAP_DEBUG=1" in quiet.stderr
    loud = run("tree", env={"INFRA_ROADMAP_DEBUG": "1"})
    assert loud.exit_code != 0 and isinstance(loud.exception, RuntimeError)


WORDS = [
    "list",
    "tree",
    "show",
    "search",
    "next",
    "path",
    "status",
    "start",
    "done",
    "skip",
    "reset",
    "log",
    "undo",
    "history",
    "report",
    "graph",
    "config",
    "validate",
    "export",
    "import",
    "doctor",
    "get",
    "set",
]
NASTY = st.one_of(
    st.sampled_from(
        [
            *WORDS,
            "--json",
            "--layer",
            "--subject",
            "--status",
            "--at",
            "--note",
            "--week",
            "--format",
            "--since",
            "--topic",
            "-n",
            "--focus",
            "--direction",
            "--explain",
            "--output",
            "--last",
            "--roadmap",
            "--data-dir",
            "2026-02-30",
            "2026-W53",
            "2026-W60",
            "yesterday",
            "0",
            "-1",
            "1h30m",
            "os-memory",
            "vllm",
            "exam-date",
            "weekly-goal-hours",
            "lang",
            "weight.exam",
            "",
            " ",
            "🙂📚",
            "\u200f\u202eRTL",
            "分页",
            "x" * 5000,
            "../../etc/passwd",
            "\x00",
        ]
    ),
    st.text(max_size=12),
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(NASTY, min_size=1, max_size=6))
def test_random_argument_vectors_never_show_a_traceback(run, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    result = run(*argv)
    assert result.exit_code in (0, 1, 2), (argv, result.exit_code, result.stderr[-500:])
    assert "Traceback" not in result.stdout + result.stderr, argv
    assert "internal error" not in result.stderr, (argv, result.stderr)
    if result.exit_code:
        assert result.stderr.startswith("Error:") and result.stderr.count("\n") == 1, (argv, result.stderr)
