"""`roadmap report` as a blogger uses it: weeks in local time, formats, files, escaping."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC

import pytest

NOTE = '<script>alert(1)</script> & 复习 | a,b "q"'


def backdate(run):
    # 2026-W46 is Mon 2026-11-09 .. Sun 2026-11-15, local time Asia/Shanghai (UTC+8).
    run("log", "os-memory", "30m", "--at", "2026-11-08T23:30", "--note", "week before")
    run("log", "os-memory", "45m", "--at", "2026-11-09T00:10", "--note", NOTE)
    run("log", "ds-basics", "1h", "--at", "2026-11-12T20:00")
    run("done", "ds-basics", "--at", "2026-11-12T21:00")
    run("log", "os-memory", "25m", "--at", "2026-11-15T23:50")
    run("log", "os-memory", "20m", "--at", "2026-11-16T00:10", "--note", "week after")


def test_week_report_counts_exactly_that_week_in_local_time(run, local_tz):
    local_tz("Asia/Shanghai")
    backdate(run)
    data = json.loads(run("report", "--week", "2026-W46", "--format", "json").stdout)
    assert data["week"] == "2026-W46"
    assert data["total_minutes"] == 45 + 60 + 25
    assert [d["minutes"] for d in data["by_day"]] == [45, 0, 0, 60, 0, 0, 25]
    assert [t["id"] for t in data["completed"]] == ["ds-basics"]
    assert {"week", "start", "end", "total_minutes", "sessions", "completed", "by_day", "plan"} <= data.keys()
    assert data["plan"] and {"id", "score", "reasons"} <= data["plan"][0].keys()


def test_notes_are_escaped_for_each_format(run, local_tz, tmp_path):
    local_tz("Asia/Shanghai")
    backdate(run)
    html = run("report", "--week", "2026-W46", "--format", "html").stdout
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 复习" in html
    rows = list(
        csv.DictReader(io.StringIO(run("report", "--week", "2026-W46", "--format", "csv").stdout, newline=""))
    )
    assert NOTE in [r["note"] for r in rows]
    md = run("report", "--week", "2026-W46").stdout
    assert md.startswith("---\ntitle:")
    note_rows = [line for line in md.splitlines() if "alert(1)" in line]
    assert note_rows and all("<script>" not in line for line in note_rows)


@pytest.mark.parametrize(
    "args",
    [["--week", "2026-W60"], ["--week", "soon"], ["--format", "pdfx"], ["--week", "2026-W46", "--last"]],
)
def test_bad_report_arguments_exit_2_in_one_line(run, args):
    result = run("report", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error:") and result.stderr.count("\n") == 1


def test_output_file_is_not_overwritten_without_force(run, tmp_path):
    target = tmp_path / "week.md"
    assert run("report", "--output", str(target)).exit_code == 0
    first = target.read_text(encoding="utf-8")
    refused = run("report", "--output", str(target), "--format", "html")
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == first
    assert run("report", "--output", str(target), "--format", "html", "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")


def test_last_full_week(run):
    data = json.loads(run("report", "--last", "--format", "json").stdout)
    current = json.loads(run("report", "--format", "json").stdout)
    assert data["week"] != current["week"] and data["end"] <= current["start"]


def test_local_zone_follows_daylight_saving(local_tz):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from infra_roadmap.localzone import LOCAL

    local_tz("Europe/Berlin")
    for moment in (
        datetime(2026, 1, 15, 12, tzinfo=UTC),
        datetime(2026, 7, 15, 12, tzinfo=UTC),
        datetime(2026, 3, 29, 0, 30, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
    ):
        ours, theirs = moment.astimezone(LOCAL), moment.astimezone(ZoneInfo("Europe/Berlin"))
        assert ours.replace(tzinfo=None) == theirs.replace(tzinfo=None), moment
        assert ours.utcoffset() == theirs.utcoffset(), moment
    assert datetime(2026, 7, 1, 9, 0, tzinfo=LOCAL).astimezone(UTC).hour == 7
