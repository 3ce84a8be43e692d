"""Progress as a user records it: state commands, time, undo, history, config, export/import."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime

import pytest

from conftest import topic_toml
from infra_roadmap.settings import next_exam_date


def statuses(run, *ids):
    rows = {r["id"]: r for r in run.json("list")}
    return {i: (rows[i]["status"], rows[i]["minutes"]) for i in ids}


NOTE_ZH = "复习：页表与 TLB | 多级页表"
NOTE_EN = 'Read OSTEP ch. 18-20, "paging"; then drew the tables'


def test_scripted_session_then_export_and_import_twice(run, tmp_path):
    assert run("start", "os-memory", "--note", NOTE_ZH).exit_code == 0
    assert run("log", "os-memory", "1h30m", "--note", NOTE_EN).exit_code == 0
    assert run("log", "ds-basics", "45m").exit_code == 0  # logging a todo topic starts it
    assert run("done", "ds-basics", "--at", "yesterday").exit_code == 0
    assert run("skip", "cn-overview", "co-overview").exit_code == 0
    undo = run("undo")
    assert undo.exit_code == 0 and "cn-overview" in undo.stderr and "co-overview" in undo.stderr
    assert statuses(run, "os-memory", "ds-basics", "cn-overview", "co-overview") == {
        "os-memory": ("in_progress", 90),
        "ds-basics": ("done", 45),
        "cn-overview": ("todo", 0),
        "co-overview": ("todo", 0),
    }
    events = run.json("history")
    assert [
        (e["topic"], e["kind"], e["minutes"], e["note"]) for e in events if e["topic"] == "os-memory"
    ] == [
        ("os-memory", "start", 0, NOTE_ZH),
        ("os-memory", "clock", 0, NOTE_ZH),
        ("os-memory", "log", 90, NOTE_EN),
    ]
    for e in events:
        assert set(e) == {"id", "topic", "kind", "at", "minutes", "note", "rating"}
        assert isinstance(e["id"], int) and e["id"] > 0
        assert datetime.fromisoformat(e["at"]).utcoffset() is not None

    exported = tmp_path / "progress.json"
    assert run("export", "--output", str(exported)).exit_code == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert {"version", "exported_at", "config", "events"} <= document.keys()
    assert len(document["events"]) == 5  # the clock started on os-memory travels too

    other = tmp_path / "other"
    first = run("--data-dir", str(other), "import", str(exported))
    second = run("--data-dir", str(other), "import", str(exported))
    assert first.exit_code == second.exit_code == 0
    assert "Imported 5 new" in first.stderr and "Imported 0 new" in second.stderr

    def without_ids(items):  # ids are this database's own
        return [{k: v for k, v in e.items() if k != "id"} for e in items]

    assert without_ids(run.json("--data-dir", str(other), "history")) == without_ids(events)
    again = json.loads(run("--data-dir", str(other), "export").stdout)
    assert again["events"] == document["events"]  # byte for byte: notes, times, ids


def test_unknown_topic_writes_nothing(run, isolated_home):
    result = run("done", "os-memory", "os-memroy-typo")
    assert result.exit_code == 1
    assert "unknown topic 'os-memroy-typo'" in result.stderr and "os-memory" in result.stderr
    assert not (isolated_home / "progress.db").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["log", "os-memory", "5x"],
        ["log", "os-memory", "0m"],
        ["log", "os-memory", "25h"],
        ["done", "os-memory", "--at", "2026-02-30"],
        ["done", "os-memory", "--at", "soon"],
        ["start", "os-memory", "--at", "2999-01-01"],
    ],
)
def test_bad_durations_and_dates_exit_2_with_the_accepted_forms(run, isolated_home, args):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert (
        ("45m" in result.stderr)
        or ("ISO date" in result.stderr)
        or ("future" in result.stderr)
        or ("at least" in result.stderr)
        or ("24h" in result.stderr)
    )
    assert not (isolated_home / "progress.db").exists()


def test_durations_and_at(run):
    run("log", "os-memory", "1.5h", "--at", "2026-11-02")
    run("log", "os-memory", "1h30m", "--at", "2026-11-02T21:30")
    run("log", "os-memory", "45m")
    events = run.json("history", "--topic", "os-memory")
    assert [e["minutes"] for e in events] == [90, 90, 45]
    assert events[0]["at"].startswith("2026-11-02T12:00")
    assert events[1]["at"].startswith("2026-11-02T21:30")
    assert len(run.json("history", "--since", "2026-11-03")) == 1


def test_repeating_a_state_changes_nothing(run):
    run("done", "os-memory")
    again = run("done", "os-memory")
    assert again.exit_code == 0 and "already done" in again.stderr
    assert len(run.json("history")) == 1


def test_undo_with_nothing_to_undo(run):
    result = run("undo")
    assert result.exit_code == 0 and "Nothing to undo" in result.stderr


def test_renamed_topic_inherits_events_and_removed_topic_is_kept(run, overlay, tmp_path):
    old = overlay({"m.toml": topic_toml("my-old-name") + topic_toml("my-leaving-topic")})
    run("--roadmap", str(old), "log", "my-old-name", "30m")
    run("--roadmap", str(old), "log", "my-leaving-topic", "20m")
    new = overlay({"m.toml": topic_toml("my-new-name", extra='aliases = ["my-old-name"]')})
    detail = run.json("--roadmap", str(new), "show", "my-new-name")
    assert (detail["status"], detail["minutes"]) == ("in_progress", 30)
    assert [e["topic"] for e in run.json("--roadmap", str(new), "history", "--topic", "my-new-name")] == [
        "my-old-name"
    ]
    doctor = run.json("--roadmap", str(new), "doctor")
    assert doctor["orphaned"] == [{"topic": "my-leaving-topic", "events": 1}]
    assert len(run.json("--roadmap", str(new), "history")) == 2  # kept


def test_config_defaults_validation_and_set(run):
    values = run.json("config", "list")
    assert values["exam-date"] == next_exam_date(date.today()).isoformat()
    assert values["focus"] == "balanced" and values["lang"] == "both"
    assert run("config", "set", "weekly-goal-hours", "12.5").exit_code == 0
    assert run.json("config", "get", "weekly-goal-hours") == {"weekly-goal-hours": 12.5}
    for key, bad in [
        ("exam-date", "next week"),
        ("weekly-goal-hours", "0"),
        ("weekly-goal-hours", "many"),
        ("focus", "fun"),
        ("lang", "fr"),
        ("direction", "sideways"),
        ("colour", "red"),
    ]:
        result = run("config", "set", key, bad)
        assert result.exit_code == 1 and result.stderr.count("\n") == 1, (key, result.stderr)
    assert run("config", "set", "direction", "inference").exit_code == 0
    assert run("config", "set", "direction", "none").exit_code == 0
    assert run.json("config", "get", "direction") == {"direction": None}


def test_exam_date_rule_matches_the_last_five_exams():
    assert [next_exam_date(date(y, 11, 1)) for y in (2021, 2022, 2023, 2024, 2025)] == [
        date(2021, 12, 25),
        date(2022, 12, 24),
        date(2023, 12, 23),
        date(2024, 12, 21),
        date(2025, 12, 20),
    ]
    assert next_exam_date(date(2026, 12, 21)) == date(2027, 12, 25)


def test_malformed_import_changes_nothing(run, tmp_path, isolated_home):
    run("done", "os-memory")
    db = isolated_home / "progress.db"
    before = sqlite3.connect(db).execute("SELECT * FROM event").fetchall()
    cases = {
        "not-json.json": "{nope",
        "no-events.json": '{"version": 1}',
        "bad-event.json": json.dumps(
            {
                "version": 1,
                "events": [
                    {"topic": "a", "kind": "log", "at": "2026-11-01T10:00:00+00:00", "minutes": 5},
                    {"topic": "b", "kind": "explode", "at": "2026-11-01T10:00:00+00:00"},
                ],
            }
        ),
        "naive-time.json": json.dumps(
            {
                "version": 1,
                "events": [{"topic": "a", "kind": "log", "at": "2026-11-01T10:00:00", "minutes": 5}],
            }
        ),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text)
        result = run("import", str(path))
        assert result.exit_code == 1 and result.stderr.count("\n") == 1, (name, result.stderr)
    assert sqlite3.connect(db).execute("SELECT * FROM event").fetchall() == before


def test_hand_written_import_without_uids_is_idempotent(run, tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "events": [
                    {
                        "topic": "os-memory",
                        "kind": "log",
                        "at": "2026-11-01T10:00:00+08:00",
                        "minutes": 25,
                        "note": "手写",
                    }
                ]
            }
        )
    )
    assert "Imported 1 new" in run("import", str(path)).stderr
    assert "Imported 0 new" in run("import", str(path)).stderr


def test_data_dir_resolution(run, tmp_path, monkeypatch):
    monkeypatch.delenv("INFRA_ROADMAP_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert run("done", "os-memory").exit_code == 0
    assert (tmp_path / "xdg" / "infra-roadmap" / "progress.db").exists()
    monkeypatch.setenv("INFRA_ROADMAP_HOME", str(tmp_path / "env"))
    assert run("--data-dir", str(tmp_path / "flag"), "done", "os-memory").exit_code == 0
    assert (tmp_path / "flag" / "progress.db").exists() and not (tmp_path / "env").exists()


def test_damaged_database_is_reported_and_unchanged(run, isolated_home):
    isolated_home.mkdir()
    db = isolated_home / "progress.db"
    db.write_bytes(os.urandom(4096))
    data = db.read_bytes()
    for args in (["list"], ["done", "os-memory"], ["history"], ["export"], ["doctor"]):
        result = run(*args)
        assert result.exit_code == 1, args
        if args != ["doctor"]:
            assert "is not a readable progress database" in result.stderr
    assert db.read_bytes() == data


def test_data_dir_that_is_a_file(run, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    result = run("--data-dir", str(blocker / "sub"), "done", "os-memory")
    assert result.exit_code == 1 and "data directory" in result.stderr


def test_doctor_on_a_fresh_install_creates_nothing(run, isolated_home):
    report = run.json("doctor")
    assert report["ok"] and not report["exists"]
    assert not isolated_home.exists()


def test_list_tree_show_report_progress(run):
    run("log", "os-memory", "2h")
    run("done", "ds-basics")
    assert [r["id"] for r in run.json("list", "--status", "done")] == ["ds-basics"]
    detail = run.json("show", "os-memory")
    assert (detail["status"], detail["minutes"]) == ("in_progress", 120)
    tree = run("tree").stdout
    assert "● " in tree and "◐ " in tree


def test_user_dirs_match_platformdirs(monkeypatch, tmp_path):
    import platformdirs

    from infra_roadmap import paths

    monkeypatch.delenv("INFRA_ROADMAP_HOME")
    for variable in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    assert paths.data_dir() == platformdirs.user_data_path("infra-roadmap")
    assert paths.cache_dir() == platformdirs.user_cache_path("infra-roadmap")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "c"))
    assert (
        paths.data_dir() == platformdirs.user_data_path("infra-roadmap") == tmp_path / "d" / "infra-roadmap"
    )
    assert paths.cache_dir() == platformdirs.user_cache_path("infra-roadmap")
