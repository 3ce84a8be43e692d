"""Property tests: parsers, topic resolution, export/import, report escaping, the loader."""

from __future__ import annotations

import csv
import io
import json
import random
import string
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infra_roadmap import content, textsafe
from infra_roadmap.cli.report import WRITERS
from infra_roadmap.errors import RoadmapError, UsageProblem
from infra_roadmap.paths import bundled_roadmap_dir
from infra_roadmap.reports import build, weeks
from infra_roadmap.reports import to_csv as render_csv
from infra_roadmap.reports import to_html as render_html
from infra_roadmap.reports import to_markdown as render_md
from infra_roadmap.store.event import Event
from infra_roadmap.timeparse import parse_duration, parse_when

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ROADMAP = content.load([bundled_roadmap_dir()]).roadmap
IDS = sorted(ROADMAP.topics)
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


# ---- durations ------------------------------------------------------------------------------


@FAST
@given(st.integers(min_value=1, max_value=24 * 60))
def test_duration_round_trips(minutes):
    h, m = divmod(minutes, 60)
    assert parse_duration(f"{minutes}m") == minutes
    assert parse_duration(f"{h}h{m}m" if h else f"{m}m") == minutes
    if m == 0:
        assert parse_duration(f"{h}h") == minutes
    if minutes % 6 == 0:
        assert parse_duration(f"{minutes / 60:g}h") == minutes


@FAST
@given(st.text(max_size=30))
def test_duration_refuses_with_a_usage_error_only(text):
    try:
        minutes = parse_duration(text)
    except UsageProblem as exc:
        assert "\n" not in str(exc)
    else:
        assert 1 <= minutes <= 24 * 60


# ---- dates ----------------------------------------------------------------------------------


@FAST
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 11, 28)))
def test_iso_dates_land_on_that_local_day(day):
    moment = parse_when(day.isoformat(), now=NOW, tz=SHANGHAI)
    assert moment.astimezone(SHANGHAI).date() == day
    assert (
        parse_when(day.isoformat(), now=NOW, tz=SHANGHAI, start_of_day=True).astimezone(SHANGHAI).time().hour
        == 0
    )


@FAST
@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2026, 11, 29, 0, 0)))
def test_local_date_times_round_trip(naive):
    text = naive.replace(microsecond=0).isoformat(timespec="minutes")
    moment = parse_when(text, now=NOW, tz=SHANGHAI)
    assert moment.astimezone(SHANGHAI).replace(tzinfo=None) == naive.replace(second=0, microsecond=0)


@FAST
@given(st.text(max_size=40))
def test_dates_refuse_with_a_usage_error_only(text):
    try:
        moment = parse_when(text, now=NOW, tz=SHANGHAI)
    except UsageProblem as exc:
        assert "\n" not in str(exc)
    else:
        assert moment <= NOW + timedelta(minutes=1)


def test_impossible_and_future_dates_are_refused():
    for text in ("2026-02-30", "2026-13-01", "2999-01-01", "yesterday-ish", "", "1999-12-31"):
        with pytest.raises(UsageProblem):
            parse_when(text, now=NOW, tz=SHANGHAI)


# ---- ISO weeks ------------------------------------------------------------------------------


@FAST
@given(st.integers(min_value=2000, max_value=2100), st.integers(min_value=1, max_value=53))
def test_weeks_round_trip_or_refuse(year, week):
    label = f"{year}-W{week:02d}"
    if week <= weeks.weeks_in_year(year):
        assert weeks.parse_week(label) == (year, week)
        assert weeks.week_label(year, week) == label
        start, end = weeks.week_bounds(year, week, SHANGHAI)
        assert start.weekday() == 0 and (end - start) == timedelta(days=7)
    else:
        with pytest.raises(UsageProblem):
            weeks.parse_week(label)


@FAST
@given(st.text(max_size=20))
def test_weeks_refuse_with_a_usage_error_only(text):
    try:
        year, week = weeks.parse_week(text)
    except UsageProblem:
        return
    assert 1 <= week <= weeks.weeks_in_year(year)


# ---- topic resolution -----------------------------------------------------------------------


@FAST
@given(st.sampled_from(IDS), st.integers(min_value=1, max_value=40))
def test_every_id_and_unique_prefix_resolves(tid, cut):
    assert ROADMAP.resolve_topic(tid).id == tid
    assert ROADMAP.resolve_topic(tid.upper()).id == tid
    prefix = tid[:cut]
    matches = [t for t in IDS if t.startswith(prefix)]
    if prefix not in ROADMAP.topics and len(matches) == 1:
        assert ROADMAP.resolve_topic(prefix).id == tid


@FAST
@given(st.text(max_size=60))
def test_resolution_answers_or_refuses_cleanly(text):
    try:
        ROADMAP.resolve_topic(text)
    except RoadmapError as exc:
        assert "\n" not in str(exc)


# ---- export -> import -----------------------------------------------------------------------

NOTES = st.one_of(st.none(), st.text(max_size=80))
EVENTS = st.lists(
    st.tuples(
        st.sampled_from(IDS[:20]),
        st.sampled_from(["start", "done", "skip", "reset", "log"]),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=1, max_value=600),
        NOTES,
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(EVENTS)
def test_export_import_round_trip(run, tmp_path_factory, events):
    from infra_roadmap.store.write import Writer

    home = tmp_path_factory.mktemp("roundtrip")
    with Writer(home / "a" / "progress.db") as writer:
        for topic, kind, offset, minutes, note in events:
            at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=offset)
            writer.record([Event(topic, kind, at, minutes if kind == "log" else 0, note)])
    first = run("--data-dir", str(home / "a"), "export")
    assert first.exit_code == 0
    doc = home / "export.json"
    doc.write_text(first.stdout, encoding="utf-8")
    for _ in range(2):
        assert run("--data-dir", str(home / "b"), "import", str(doc)).exit_code == 0
    again = json.loads(run("--data-dir", str(home / "b"), "export").stdout)
    assert again["events"] == json.loads(first.stdout)["events"]


# ---- report escaping ------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=60).filter(lambda s: s.strip()))
def test_report_escapes_any_note_in_every_format(note):
    at = datetime(2026, 11, 10, 4, tzinfo=UTC)  # 2026-W46 in Shanghai
    events = [
        Event("os-memory", "log", at, 30, note, "u1", at, "b1"),
        Event("os-memory", "log", at + timedelta(hours=1), 15, "plain", "u2", at, "b2"),
    ]
    report = build.build_report(
        events, ROADMAP, year=2026, week=46, tz=SHANGHAI, now=NOW, weekly_goal_hours=10, plan=[]
    )
    html = render_html.render(report, "both")
    assert "<script" not in html.lower().replace("&lt;script", "") or "<script" not in note.lower()
    import html as html_lib

    printable = textsafe.for_terminal(note)  # what may reach a page or a terminal
    assert html_lib.escape(printable, quote=True) in html
    rows = list(csv.DictReader(io.StringIO(render_csv.render(report, "both"), newline="")))
    assert textsafe.csv_cell(printable) in [r["note"] for r in rows]
    assert json.loads(WRITERS["json"](report, "both"))["notes"][0]["text"] == note  # JSON keeps it exactly
    md = render_md.render(report, "both")
    for text in (html, render_csv.render(report, "both"), md):
        assert textsafe.is_safe(text.replace("\r\n", "\n")), "an unsafe character reached the output"
    for line in md.splitlines():
        if line.startswith("|") and "plain" in line:
            assert line.count("|") - line.count("\\|") >= 2


# ---- the loader on mutated files -------------------------------------------------------------

SOURCES = sorted(bundled_roadmap_dir().rglob("*.toml"))


def mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        choice = rng.randrange(7)
        if choice == 0:
            del lines[i]
        elif choice == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif choice == 2 and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            junk = rng.choice(
                [
                    '""',
                    "3",
                    "-1",
                    "[]",
                    '["x"]',
                    "true",
                    '"http://x"',
                    '"https://"',
                    "4.5",
                    "{ a = 1 }",
                    '"'
                    + "".join(rng.choice(string.printable) for _ in range(8))
                    .replace('"', "")
                    .replace("\\", "")
                    + '"',
                ]
            )
            lines[i] = f"{key}= {junk}"
        elif choice == 3:
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        elif choice == 4:
            lines[i] = lines[i].replace('"', "", 1)
        elif choice == 5:
            lines.insert(i, "[[" + rng.choice(["topic", "resource", "point", "banana"]) + "]]")
        else:
            lines[i] = lines[i].replace("requires = [", 'requires = ["ds-basics", ')
    return "\n".join(lines)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SOURCES), st.integers(min_value=0, max_value=2**32))
def test_loader_reports_or_loads_mutated_files(tmp_path_factory, source, seed):
    folder = tmp_path_factory.mktemp("mutated")
    (folder / source.name).write_text(
        mutate(source.read_text(encoding="utf-8"), random.Random(seed)), encoding="utf-8"
    )
    # Alone, not over the bundled roadmap: references then fail too, which is more to report.
    result = content.load([folder])  # must not raise
    for problem in result.problems:
        assert str(problem.file) and problem.message and "\n" not in problem.message.strip()
