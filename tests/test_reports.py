"""The weekly report: ISO weeks, the pure builder, and the escaping of each writer.

Hermetic: a hand-built roadmap, events backdated into 2026-W46 in Asia/Shanghai, a fixed `now`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from infra_roadmap import shapes
from infra_roadmap.cli.report import WRITERS
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import ExamLink, Layer, Point, Subject, Topic
from infra_roadmap.errors import UsageProblem
from infra_roadmap.reports import to_csv as render_csv
from infra_roadmap.reports import to_html as render_html
from infra_roadmap.reports import to_markdown as render_md
from infra_roadmap.reports.build import UNKNOWN_LAYER, WeeklyReport, build_report
from infra_roadmap.reports.weeks import current_week, last_full_week, parse_week, week_bounds, week_label
from infra_roadmap.store.event import Event

SHANGHAI = ZoneInfo("Asia/Shanghai")
EVIL = '<script>alert(1)</script> & 复习 | a,b "q"'
MULTILINE = "# 标题\n第二行 | x\r\n- item"
NOW = datetime(2026, 11, 18, 4, 0, tzinfo=UTC)  # Wednesday of W47, noon in Shanghai
PLAN = [
    {
        "id": "gpu-arch",
        "title": "GPU architecture",
        "title_zh": "GPU 体系结构",
        "score": 0.81,
        "reasons": ["408 计算机组成原理 · Cache (★★☆): SMEM is a software cache", "unlocks 3 topics"],
    },
    {"id": "nccl", "title": "NCCL collectives", "title_zh": "NCCL 集合通信", "score": 0.5, "reasons": []},
]


# ---- a small roadmap ---------------------------------------------------------------------------


def layer(id: str, order: int, title: str, title_zh: str) -> Layer:
    return Layer(id=id, title=title, title_zh=title_zh, order=order, summary="A layer.")


def subject(id: str, title: str, title_zh: str, points: int) -> Subject:
    return Subject(id=id, title=title, title_zh=title_zh, points=points)


def point(id: str, title: str, title_zh: str) -> Point:
    return Point(id=id, subject=id.rsplit(".", 1)[0], title=title, title_zh=title_zh)


def topic(id: str, layer: str, title: str, title_zh: str, links: tuple[str, ...] = (), **extra) -> Topic:
    exam = [ExamLink(point=p, weight=3, why="They share one idea.") for p in links]
    return Topic(
        id=id,
        title=title,
        title_zh=title_zh,
        layer=layer,
        disciplines=["operating-systems"],
        summary="A topic.",
        hours=extra.pop("hours", 4.0),
        level="core",
        exam=exam,
        **extra,
    )


def make_roadmap() -> Roadmap:
    layers = [
        layer("foundations", 0, "Foundations", "基础学科"),
        layer("hardware", 1, "Hardware", "硬件层"),
        layer("iaas", 2, "IaaS", "基础设施即服务"),
        layer("maas", 5, "MaaS", "模型即服务"),
    ]
    subjects = [
        subject("301", "Mathematics I", "数学一", 150),
        subject("301.linalg", "Linear Algebra", "线性代数", 30),
        subject("408", "CS Fundamentals", "计算机学科专业基础", 150),
        subject("408.co", "Computer Organization", "计算机组成原理", 45),
        subject("408.os", "Operating Systems", "操作系统", 35),
    ]
    points = [
        point("408.os.paging", "Paging", "分页"),
        point("408.os.sched", "Scheduling", "调度"),
        point("408.co.cache", "Cache", "高速缓存"),
        point("408.co.pipeline", "Pipeline", "流水线"),
        point("301.linalg.matrix", "Matrices", "矩阵"),
    ]
    topics = [
        topic("paging", "foundations", "Paging", "分页", ("408.os.paging",), aliases=["os-paging"], hours=3),
        topic("linear-algebra", "foundations", "Linear algebra", "线性代数", ("301.linalg.matrix",)),
        topic("gpu-arch", "hardware", "GPU <arch> | SIMT", "GPU 体系结构", ("408.co.cache",)),
        topic("nccl", "iaas", "NCCL collectives", "NCCL 集合通信"),
        topic(
            "paged-attention",
            "maas",
            "PagedAttention",
            "分页注意力",
            ("408.os.paging", "408.co.cache"),
            hours=6,
        ),
    ]
    return Roadmap(
        layers={x.id: x for x in layers},
        subjects={x.id: x for x in subjects},
        points={x.id: x for x in points},
        topics={x.id: x for x in topics},
    )


def at(day: date, clock: str) -> datetime:
    """A Shanghai wall-clock time, stored the way the event log stores it: UTC."""
    hour, minute = map(int, clock.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


MON = date(2026, 11, 9)  # Monday of 2026-W46


def day(offset: int) -> date:
    return MON + timedelta(days=offset)


def make_events() -> list[Event]:
    raw = [
        (day(-15), "09:00", "linear-algebra", "start", 0, None),  # W44: studied before the week
        (day(-15), "10:00", "linear-algebra", "log", 60, None),
        (day(-1), "23:30", "paging", "log", 60, "Sunday night, the week before"),  # out: W45
        (day(0), "00:05", "paging", "log", 30, "started paging"),
        (day(0), "20:00", "os-paging", "log", 45, None),  # an alias counts for its topic
        (day(1), "21:00", "paging", "done", 0, None),
        (day(2), "08:00", "paged-attention", "start", 0, None),
        (day(2), "22:00", "paged-attention", "log", 90, EVIL),
        (day(3), "09:00", "nccl", "log", 30, MULTILINE),
        (day(4), "23:50", "removed-topic", "log", 20, None),  # left the roadmap: still counts
        (day(5), "10:00", "linear-algebra", "log", 40, None),
        (day(6), "23:59", "gpu-arch", "log", 15, None),
        (day(7), "00:10", "gpu-arch", "log", 120, "Monday of the week after"),  # out: W47
        (day(7), "09:00", "paged-attention", "done", 0, None),  # out: W47
    ]
    events = []
    for i, (d, clock, tid, kind, minutes, note) in enumerate(raw):
        moment = at(d, clock)
        events.append(
            Event(tid, kind, moment, minutes, note, uid=f"e{i:02d}", recorded_at=moment, batch=f"b{i}")
        )
    return events


def make_report(now: datetime = NOW, goal: float | None = 5, week: int = 46) -> WeeklyReport:
    return build_report(
        make_events(),
        make_roadmap(),
        year=2026,
        week=week,
        tz=SHANGHAI,
        now=now,
        weekly_goal_hours=goal,
        plan=PLAN,
    )


@pytest.fixture(scope="module")
def report() -> WeeklyReport:
    return make_report()


# ---- weeks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-W48", (2026, 48)),
        ("2026-w48", (2026, 48)),
        (" 2026-W01 ", (2026, 1)),
        ("2026-W53", (2026, 53)),
        ("2020-W53", (2020, 53)),
    ],
)
def test_parse_week_accepts_iso_weeks(text, expected):
    assert parse_week(text) == expected


def test_2026_has_53_iso_weeks_and_2025_has_52():
    assert date.fromisocalendar(2026, 53, 1) == date(2026, 12, 28)
    with pytest.raises(ValueError):
        date.fromisocalendar(2025, 53, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-W60", "2026 has weeks 1 to 53"),
        ("2025-W53", "2025 has weeks 1 to 52"),
        ("2026-W00", "2026 has weeks 1 to 53"),
        *[
            (text, "use an ISO week like 2026-W48")
            for text in ("soon", "", "2026W48", "2026-W4", "26-W48", "2026-W48-1", "２０２６-W48")
        ],
    ],
)
def test_parse_week_refuses_anything_else_with_one_line(text, expected):
    with pytest.raises(UsageProblem) as caught:
        parse_week(text)
    message = str(caught.value)
    assert message == f"invalid week '{text}': {expected}"
    assert "\n" not in message and caught.value.exit_code == 2


def test_far_weeks_are_refused_with_the_years_accepted():
    for text in ("9999-W52", "1999-W10", "2101-W01"):
        with pytest.raises(UsageProblem, match="use a year from 2000 to 2100"):
            parse_week(text)


def test_week_bounds_are_local_mondays():
    start, end = week_bounds(2026, 46, SHANGHAI)
    assert start.isoformat() == "2026-11-09T00:00:00+08:00"
    assert end.isoformat() == "2026-11-16T00:00:00+08:00"
    assert week_label(2026, 46) == "2026-W46" and week_label(2027, 1) == "2027-W01"


def test_week_bounds_span_a_daylight_saving_change():
    start, end = week_bounds(2026, 13, ZoneInfo("Europe/Berlin"))  # clocks go forward on Sun 29 March
    assert (start.utcoffset(), end.utcoffset()) == (timedelta(hours=1), timedelta(hours=2))
    assert end - start == timedelta(days=7)  # wall-clock difference; the real span is 1 h shorter
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=7, hours=-1)


def test_current_and_last_full_week_use_local_time():
    sunday_night_utc = datetime(2026, 11, 15, 16, 30, tzinfo=UTC)  # Monday 00:30 in Shanghai
    assert current_week(sunday_night_utc, UTC) == (2026, 46)
    assert current_week(sunday_night_utc, SHANGHAI) == (2026, 47)
    assert last_full_week(sunday_night_utc, SHANGHAI) == (2026, 46)
    assert last_full_week(datetime(2027, 1, 6, tzinfo=UTC), SHANGHAI) == (2026, 53)


# ---- the builder -------------------------------------------------------------------------------


def test_report_counts_exactly_the_weeks_minutes(report):
    assert report.week == "2026-W46"
    assert report.start.isoformat() == "2026-11-09T00:00:00+08:00"
    assert report.total_minutes == 30 + 45 + 90 + 30 + 20 + 40 + 15
    assert report.sessions == 7
    assert [(d.date.isoformat(), d.minutes) for d in report.by_day] == [
        ("2026-11-09", 75),
        ("2026-11-10", 0),
        ("2026-11-11", 90),
        ("2026-11-12", 30),
        ("2026-11-13", 20),
        ("2026-11-14", 40),
        ("2026-11-15", 15),
    ]
    assert report.days_studied == 6
    assert {e.note for e in report.events}.isdisjoint(
        {"Sunday night, the week before", "Monday of the week after"}
    )


def test_report_lists_topics_by_what_happened_that_week(report):
    assert [t.id for t in report.completed] == ["paging"]
    done = report.completed[0]
    assert (done.title, done.title_zh, done.layer, done.hours) == ("Paging", "分页", "foundations", 3)
    assert done.minutes == 60 + 30 + 45 and done.week_minutes == 75  # the alias's 45 min count
    # paging was first logged on the Sunday before the week: already started.
    assert [t.id for t in report.started] == ["paged-attention", "nccl", "removed-topic", "gpu-arch"]
    # paged-attention is done only in W47: at the end of W46 it is still in progress.
    assert [t.id for t in report.in_progress] == [
        "paged-attention",
        "linear-algebra",
        "nccl",
        "removed-topic",
        "gpu-arch",
    ]
    removed = next(t for t in report.in_progress if t.id == "removed-topic")
    assert (removed.title, removed.layer, removed.hours) == ("removed-topic", None, None)


def test_minutes_by_layer_and_by_exam_subject(report):
    assert [(b.id, b.minutes) for b in report.by_layer] == [
        ("foundations", 115),
        ("hardware", 15),
        ("iaas", 30),
        ("maas", 90),
        (UNKNOWN_LAYER, 20),
    ]
    # Each topic counts in full for every part and paper it touches (paged-attention: 408.os and 408.co).
    assert {b.id: b.minutes for b in report.by_subject} == {
        "301": 40,
        "301.linalg": 40,
        "408": 75 + 90 + 15,
        "408.co": 90 + 15,
        "408.os": 75 + 90,
    }
    assert report.minutes_without_exam == 30 + 20


def test_coverage_counts_points_touched_up_to_the_weeks_end(report):
    c = report.coverage
    assert (c.total, c.touched, c.new) == (5, 3, 1)  # paging was touched the week before
    assert [p.id for p in c.new_points] == ["408.co.cache"]
    rows = {s.id: (s.touched, s.total, s.new) for s in c.subjects}
    assert rows == {
        "301": (1, 1, 0),
        "301.linalg": (1, 1, 0),
        "408": (2, 4, 1),
        "408.co": (1, 2, 1),
        "408.os": (1, 2, 0),
    }


def test_goal_streak_and_notes(report):
    assert report.goal is not None and report.goal.hours == 5 and report.goal.met is False  # 270 < 300 min
    assert make_report(goal=4.5).goal.met is True
    assert make_report(goal=None).goal is None
    assert (report.streak.days, report.streak.end) == (5, date(2026, 11, 15))  # Wed..Sun; Tue was empty
    assert [(n.date.isoformat(), n.topic) for n in report.notes] == [
        ("2026-11-09", "paging"),
        ("2026-11-11", "paged-attention"),
        ("2026-11-12", "nccl"),
    ]
    assert report.notes[1].text == EVIL and report.notes[1].title_zh == "分页注意力"


def test_streak_while_the_week_is_running_stops_at_today():
    thursday_noon = at(day(3), "12:00")
    running = make_report(now=thursday_noon)
    assert (running.streak.days, running.streak.end) == (2, day(3))
    empty = make_report(week=45, now=thursday_noon)
    assert empty.total_minutes == 60 and (empty.streak.days, empty.streak.end) == (1, day(-1))
    assert make_report(week=40).streak.days == 0


def test_builder_accepts_a_generator_and_an_empty_week():
    quiet = build_report(
        iter(make_events()),
        make_roadmap(),
        year=2026,
        week=50,
        tz=SHANGHAI,
        now=NOW,
        weekly_goal_hours=5,
        plan=[],
    )
    assert quiet.total_minutes == 0 and len(quiet.by_day) == 7 and quiet.completed == []
    assert quiet.coverage.touched == 3 and quiet.coverage.new == 0
    for writer in (render_md.render, WRITERS["json"], render_csv.render, render_html.render):
        for lang in ("zh", "en", "both"):
            assert writer(quiet, lang)


# ---- JSON --------------------------------------------------------------------------------------


def test_json_has_the_keys_spec_fixes(report):
    data = json.loads(WRITERS["json"](report, "both"))
    assert {"week", "start", "end", "total_minutes", "sessions", "completed", "by_day", "plan"} <= set(data)
    assert data["week"] == "2026-W46" and data["total_minutes"] == 270 and data["sessions"] == 7
    assert data["start"] == "2026-11-09T00:00:00+08:00" and data["end"] == "2026-11-16T00:00:00+08:00"
    assert [set(d) >= {"date", "minutes"} for d in data["by_day"]] == [True] * 7
    assert data["by_day"][0] == {"date": "2026-11-09", "weekday": "Mon", "minutes": 75, "sessions": 2}
    assert {"id", "title", "title_zh", "layer", "hours"} <= set(data["completed"][0])
    assert data["plan"] == PLAN
    assert data["goal"] == {
        "hours": 5.0,
        "minutes": 300,
        "met": False,
        "finished": True,
        "expected_minutes": 300,
        "status": "not_met",
    }
    assert data["streak"] == {"days": 5, "end": "2026-11-15"}
    assert data["coverage"]["touched"] == 3 and data["notes"][1]["text"] == EVIL
    assert shapes.weekly_report(report) == data


# ---- escaping ----------------------------------------------------------------------------------


def test_csv_has_one_row_per_event_and_gives_notes_back_intact(report):
    rows = list(csv.reader(io.StringIO(render_csv.render(report, "en"), newline="")))
    assert rows[0] == ["date", "time", "topic", "title", "kind", "minutes", "note"]
    assert len(rows) == 1 + 9
    assert rows[1] == ["2026-11-09", "00:05", "paging", "Paging", "log", "30", "started paging"]
    evil = next(r for r in rows if r[2] == "paged-attention" and r[4] == "log")
    assert evil[6] == EVIL and evil[0:2] == ["2026-11-11", "22:00"]
    assert any(r[6] == MULTILINE for r in rows)
    assert any(r[3] == "GPU <arch> | SIMT" for r in rows)


def test_html_escapes_user_text(report):
    page = render_html.render(report, "both")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 复习 | a,b &quot;q&quot;" in page
    assert "GPU &lt;arch&gt; | SIMT" in page and "<arch>" not in page
    assert page.count("<svg") == 4 and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in page and "<link" not in page and "<img" not in page


def _table_blocks(markdown: str) -> list[list[str]]:
    blocks, current = [], []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks + ([current] if current else [])


def _cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row.strip())) - 2


def test_markdown_tables_keep_their_shape_and_no_html_gets_through(report):
    md = render_md.render(report, "both")
    blocks = _table_blocks(md)
    assert len(blocks) >= 7
    for block in blocks:
        assert len({_cells(row) for row in block}) == 1, block
    notes = next(b for b in blocks if b[0].startswith("| Date | Topic"))
    assert len(notes) == 2 + 3
    assert "<script" not in md and "&lt;script&gt;" in md
    assert '| &lt;script&gt;alert(1)&lt;/script&gt; &amp; 复习 \\| a,b "q" |' in md
    assert r"\# 标题 第二行 \| x - item" in md  # one line, and no heading
    assert "GPU &lt;arch&gt; \\| SIMT" in md
    assert not any(line.startswith("#") and "标题" in line for line in md.splitlines())


def test_markdown_front_matter_and_sections(report):
    md = render_md.render(report, "both")
    head, body = md.split("---\n", 2)[1:]
    assert head.splitlines()[:2] == [
        'title: "Weekly report 2026-W46 · 学习周报"',
        "date: 2026-11-15T23:59:59+08:00",
    ]
    assert 'tags:\n  - "infra-roadmap"\n  - "11408"' in head and "categories:" in head
    for section in (
        "Totals",
        "Hours per day",
        "Hours per layer",
        "Hours per exam subject",
        "Topics completed",
        "In progress",
        "Notes",
        "11408 coverage",
        "Next week's plan",
    ):
        assert f"## {section}" in body
    assert "```mermaid\npie showData" in body and '"Foundations · 基础学科" : 1.9' in body
    assert "1. **GPU architecture · GPU 体系结构** (`gpu-arch`) — 408 计算机组成原理" in body


def test_markdown_text_escaping_rules():
    text = render_md.text
    assert (
        text("1. first") == "1\\. first" and text("- x") == "\\- x" and text("a*b*_c_") == "a\\*b\\*\\_c\\_"
    )
    assert text("[link](javascript:x)") == "\\[link\\](javascript:x)"
    assert render_md.mermaid_label('a "b"\n<c>') == "a 'b' ‹c›"
    assert render_md.yaml_string('say "hi": #1') == '"say \\"hi\\": #1"'
