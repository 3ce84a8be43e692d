"""Numbers a student can trust and output a script can use: covered against touched, whole
fields when piped, event ids that `undo` takes, an import undone as one, whole parts at once."""

from __future__ import annotations

import json
import re
import sqlite3

from infra_roadmap import paths
from infra_roadmap.content.cache import load_roadmap


def os_subject(run) -> dict:
    return next(s for s in run.json("status")["subjects"] if s["id"] == "408.os")


def test_two_one_minute_logs_touch_points_but_cover_none(run):
    assert run("log", "os-memory", "1m").exit_code == 0
    assert run("log", "vllm-pag", "1m").exit_code == 0
    os_points = os_subject(run)
    assert os_points["covered"] == 0 and os_points["touched"] >= 1 and os_points["share"] == 0
    assert run("done", "os-memory").exit_code == 0
    assert os_subject(run)["covered"] >= 3


def test_no_status_line_mixes_estimated_and_logged_hours(run):
    assert run("log", "os-memory", "20h30m").exit_code == 0
    assert run("done", "ds-basics").exit_code == 0
    text = run("status").stdout
    progress = next(line for line in text.splitlines() if "topics done" in line)
    assert " h" not in progress and "/" in progress  # topics only: 1/165 topics done or skipped
    logged = next(line for line in text.splitlines() if "logged" in line)
    assert "20h30m logged" in logged and "estimated for what is left" in logged


def test_piped_output_keeps_every_chinese_title_and_every_note(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    roadmap = load_roadmap([paths.bundled_roadmap_dir()], paths.cache_dir())
    listed = run("list").stdout
    missing = [t.title_zh for t in roadmap.topics.values() if t.title_zh not in listed]
    assert not missing
    note = "第三章 页表与快表：多级页表、反置页表、TLB 命中率的计算，还有课后习题 3.1 到 3.12 " * 2
    assert run("log", "os-memory", "30m", "--note", note.strip()).exit_code == 0
    assert note.strip() in run("history").stdout


def test_undo_after_an_import_leaves_exactly_the_events_from_before(run, tmp_path):
    other = tmp_path / "other"
    for topic in ("co-overview", "ds-basics", "cn-overview"):
        assert run("--data-dir", str(other), "log", topic, "25m").exit_code == 0
    exported = tmp_path / "other.json"
    assert run("--data-dir", str(other), "export", "-o", str(exported)).exit_code == 0

    assert run("log", "os-memory", "40m").exit_code == 0
    before = run.json("history")
    assert run("import", str(exported)).exit_code == 0
    assert len(run.json("history")) == len(before) + 3
    undone = run("undo")
    assert undone.exit_code == 0
    assert run.json("history") == before


def test_undo_id_takes_back_that_one_event_and_only_it(run, isolated_home):
    for topic, spent in (("os-memory", "30m"), ("ds-basics", "20m"), ("co-overview", "10m")):
        assert run("log", topic, spent).exit_code == 0
    events = run.json("history")
    wrong = next(e for e in events if e["topic"] == "ds-basics")
    shown = run("history").stdout
    assert re.search(rf"^{wrong['id']}\t", shown, re.M)  # the ids are in the table
    assert run("undo", str(wrong["id"])).exit_code == 0
    assert [e["id"] for e in run.json("history")] == [e["id"] for e in events if e["id"] != wrong["id"]]
    kinds = sqlite3.connect(isolated_home / "progress.db").execute("SELECT kind FROM event").fetchall()
    assert len(kinds) == 4 and kinds[-1] == ("undo",)  # a correction is appended, nothing deleted
    missing = run("undo", "999")
    assert missing.exit_code == 1 and "999" in missing.stderr


def test_a_whole_layer_needs_a_yes_and_one_undo_takes_it_back(run, isolated_home):
    roadmap = load_roadmap([paths.bundled_roadmap_dir()], paths.cache_dir())
    layer = [t.id for t in roadmap.topics.values() if t.layer == "foundations"]
    refused = run("skip", "--layer", "foundations")
    assert refused.exit_code == 1 and "--yes" in refused.stderr
    assert str(len(layer)) in refused.stderr
    assert not (isolated_home / "progress.db").exists()  # nothing changed

    assert run("skip", "--layer", "foundations", "--yes").exit_code == 0
    statuses = {row["id"]: row["status"] for row in run.json("list")}
    assert all(statuses[tid] == "skipped" for tid in layer)
    assert sum(1 for s in statuses.values() if s == "skipped") == len(layer)

    assert run("undo").exit_code == 0
    assert all(row["status"] == "todo" for row in run.json("list"))


def test_a_subject_means_its_syllabus_chapters(run):
    assert run("done", "--subject", "408.os", "--yes").exit_code == 0
    done = {row["id"] for row in run.json("list") if row["status"] == "done"}
    assert {"os-overview", "os-processes-threads", "os-memory", "os-file-systems", "os-io"} <= done
    assert "vllm-pagedattention" not in done  # reuses paging, but is no OS chapter


def test_a_state_command_with_nothing_named_is_a_usage_error(run):
    result = run("done")
    assert result.exit_code == 2 and "--layer" in result.stderr


def test_export_keeps_one_line_json_per_field(run, tmp_path):
    assert run("log", "os-memory", "30m", "--note", "a\tb").exit_code == 0
    out = run("export").stdout
    assert json.loads(out)["events"][0]["note"] == "a\tb"
