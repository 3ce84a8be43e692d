"""The plan to the exam: weeks fitted to the hours a student has, prerequisites first, honest
about what does not fit, and a calendar that a newer plan updates."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar
import pytest

from infra_roadmap import paths
from infra_roadmap.content.cache import load_roadmap
from infra_roadmap.settings import DAYS

AVAILABILITY = "mon..thu=2, fri=1, sat=sun=5"
HOURS = {"mon": 2, "tue": 2, "wed": 2, "thu": 2, "fri": 1, "sat": 5, "sun": 5}


@pytest.fixture(scope="module")
def roadmap(tmp_path_factory):
    return load_roadmap([paths.bundled_roadmap_dir()], tmp_path_factory.mktemp("plan-cache"))


def exam_in(run, days: int) -> date:
    exam = date.today() + timedelta(days=days)
    assert run("config", "set", "exam-date", exam.isoformat()).exit_code == 0
    return exam


def planned_minutes(plan: dict, topic: str) -> int:
    return sum(
        i["minutes"] for w in plan["weeks"] for i in w["items"] if i["id"] == topic and i["kind"] == "study"
    )


def first_study_day(plan: dict) -> dict[str, str]:
    first: dict[str, str] = {}
    for week in plan["weeks"]:
        for item in week["items"]:
            if item["kind"] == "study":
                first.setdefault(item["id"], min(item["days"]))
    return first


def test_a_plan_45_days_ahead_follows_the_weekdays_prerequisites_and_the_exam(run, roadmap):
    exam = exam_in(run, 45)
    assert run("config", "set", "availability", AVAILABILITY).exit_code == 0
    for topic in ("ds-basics", "co-overview"):
        assert run("done", topic).exit_code == 0
    plan = run.json("plan")
    today = date.today()

    assert plan["start"] == today.isoformat()
    assert plan["until"] == (exam - timedelta(days=1)).isoformat()
    days_planned = 0
    for week in plan["weeks"]:
        start, end = date.fromisoformat(week["start"]), date.fromisoformat(week["end"])
        days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
        days_planned += len(days)
        assert week["capacity_minutes"] == sum(HOURS[DAYS[d.weekday()]] * 60 for d in days)
        assert week["review_minutes"] + week["study_minutes"] <= week["capacity_minutes"]
        assert week["study_minutes"] == sum(i["minutes"] for i in week["items"] if i["kind"] == "study")
        assert all(start <= date.fromisoformat(d) <= end for i in week["items"] for d in i["days"])
    assert days_planned == 45

    finished_on = {f["id"]: f["on"] for f in plan["finished"]}
    first = first_study_day(plan)
    assert "ds-basics" not in first and "co-overview" not in first  # finished topics are not studied
    for topic, day in first.items():
        for need in roadmap.topics[topic].requires:
            if need not in ("ds-basics", "co-overview"):
                assert finished_on[need] <= day, f"{topic} planned before its prerequisite {need}"

    assert plan["fits"] is False and plan["slack_minutes"] < 0
    values = [d["exam_value_per_hour"] for d in plan["drop"]]
    assert values and values == sorted(values)
    first_week = [i["id"] for i in plan["weeks"][0]["items"] if i["kind"] == "study"]
    assert first_week and all(roadmap.topics[t].exam for t in first_week)  # the syllabus comes first


def test_logging_two_hours_takes_120_minutes_off_a_planned_topic(run):
    exam_in(run, 45)
    assert run("config", "set", "availability", AVAILABILITY).exit_code == 0
    before = run.json("plan")
    topic = next(i["id"] for i in before["weeks"][0]["items"] if i["kind"] == "study")
    assert run("log", topic, "2h").exit_code == 0
    after = run.json("plan")
    assert planned_minutes(after, topic) == planned_minutes(before, topic) - 120


def test_seventy_hours_a_week_for_sixty_weeks_fits_with_slack(run):
    exam_in(run, 7 * 60)
    plan = run.json("plan", "--hours", "70")
    assert plan["fits"] is True and plan["slack_minutes"] > 0
    assert plan["unscheduled"] == [] and plan["drop"] == []
    assert len(plan["finished"]) == len(load_roadmap([paths.bundled_roadmap_dir()], paths.cache_dir()).topics)
    assert sum(w["capacity_minutes"] for w in plan["weeks"]) == plan["capacity_minutes"] == 60 * 70 * 60


def test_a_target_plans_its_unfinished_ancestors_and_ends_with_it(run, roadmap):
    assert run("done", "co-overview").exit_code == 0
    plan = run.json("plan", "--target", "vllm-pagedattention", "--hours", "30")
    from infra_roadmap import graph

    wanted = graph.ancestors("vllm-pagedattention", roadmap.requires) - {"co-overview"}
    studied = set(first_study_day(plan))
    assert studied == wanted | {"vllm-pagedattention"}
    assert plan["fits"] is True
    last_week = plan["weeks"][-1]
    assert [i["id"] for i in last_week["items"] if i["kind"] == "study"][-1] == "vllm-pagedattention"
    finished = {f["id"]: f["on"] for f in plan["finished"]}
    assert finished["vllm-pagedattention"] == max(finished.values()) == plan["until"]


def test_a_topic_in_progress_comes_first_and_reviews_are_reserved(run):
    exam_in(run, 60)
    assert run("done", "os-overview", "--at", (date.today() - timedelta(days=20)).isoformat()).exit_code == 0
    assert run("start", "cn-overview").exit_code == 0
    plan = run.json("plan", "--hours", "14")
    first = plan["weeks"][0]["items"]
    assert next(i for i in first if i["kind"] == "study")["id"] == "cn-overview"
    reviews = [i for w in plan["weeks"] for i in w["items"] if i["kind"] == "review"]
    assert any(i["id"] == "os-overview" for i in reviews)
    assert all(i["minutes"] % 20 == 0 for i in reviews)  # review-minutes, 20 by default


def test_the_verdict_names_the_pace_and_the_table_shows_hours_against_capacity(run):
    exam_in(run, 30)
    for days_ago in range(1, 15):
        moment = (date.today() - timedelta(days=days_ago)).isoformat()
        assert run("log", "co-overview", "1h", "--at", moment).exit_code == 0
    plan = run.json("plan")
    assert plan["pace_minutes_per_week"] == 14 * 60 // 4  # 14 h over the last 28 days
    table = run("plan")
    assert table.exit_code == 0, table.stderr
    assert "At your pace of 3.5 h a week:" in table.stdout and "by exam day" in table.stdout
    assert " / " in table.stdout and "It does not fit" in table.stdout
    status = run("status")
    assert "Pace" in status.stdout and "3.5 h a week" in status.stdout
    assert run.json("status")["pace"]["minutes_per_week"] == 210


def test_markdown_plan_has_a_section_per_week(run):
    exam_in(run, 20)
    result = run("plan", "--format", "md")
    assert result.exit_code == 0
    plan = run.json("plan")
    assert result.stdout.startswith("# Study plan")
    assert result.stdout.count("\n## ") == len(plan["weeks"])


def test_the_calendar_reads_back_with_crlf_short_lines_and_stable_uids(run, tmp_path, local_tz):
    local_tz("Asia/Shanghai")
    exam_in(run, 30)
    assert run("config", "set", "availability", AVAILABILITY).exit_code == 0
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run("plan", "--format", "ics", "--output", str(first)).exit_code == 0
    assert run("plan", "--format", "ics", "--output", str(second)).exit_code == 0
    raw = first.read_bytes()
    lines = raw.split(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"") and max(len(line) for line in lines) <= 75
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    plan = run.json("plan")
    blocks = sum(len(i["days"]) for w in plan["weeks"] for i in w["items"])
    assert len(events) == blocks
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in icalendar.Calendar.from_ical(second.read_bytes()).walk("VEVENT")]
    start = events[0].decoded("DTSTART")
    assert str(start.tzinfo) == "Asia/Shanghai" and calendar.walk("VTIMEZONE")
    for event in events:  # no day's blocks overlap, and each lasts its minutes
        assert event.decoded("DTEND") > event.decoded("DTSTART")
    hours_by_day: dict[date, float] = {}
    for event in events:
        day = event.decoded("DTSTART").date()
        hours_by_day[day] = (
            hours_by_day.get(day, 0) + (event.decoded("DTEND") - event.decoded("DTSTART")).seconds / 3600
        )
    assert all(hours <= HOURS[DAYS[day.weekday()]] for day, hours in hours_by_day.items())


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--hours", "-5"), "invalid --hours '-5'"),
        (("--hours", "0"), "more than 0"),
        (("--hours", "500"), "at most 112"),
        (("--hours", "lots"), "invalid --hours 'lots'"),
        (("--until", "2020-01-01"), "must be after today"),
        (("--until", "someday"), "invalid --until 'someday'"),
        (("--until", "9999-01-01"), "use a year from"),
        (("--target", "no-such-topic"), "no-such-topic"),
    ],
)
def test_bad_input_is_one_line_and_a_failure(run, args, words):
    result = run("plan", *args)
    assert result.exit_code in (1, 2)
    assert words in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("text", ["mon=17", "funday=2", "mon=-1", "mon..thu"])
def test_a_bad_availability_is_refused_and_the_old_one_kept(run, text):
    assert run("config", "set", "availability", "mon=1").exit_code == 0
    result = run("config", "set", "availability", text)
    assert result.exit_code in (1, 2) and len(result.stderr.strip().splitlines()) == 1
    assert run("config", "get", "availability").stdout.startswith("mon=1")


def test_config_unset_returns_availability_to_the_weekly_goal(run):
    exam_in(run, 14)
    assert run("config", "set", "weekly-goal-hours", "14").exit_code == 0
    assert run("config", "set", "availability", "sat=sun=8").exit_code == 0
    assert run.json("plan")["weeks"][0]["capacity_minutes"] % (8 * 60) == 0
    assert run("config", "unset", "availability").exit_code == 0
    plan = run.json("plan")
    assert plan["capacity_minutes"] == 14 * 120  # two hours a day for the 14 days


def test_the_pace_that_status_keeps_follows_every_write_and_setting(run):
    """status keeps its pace projection in the cache between reads; a log, a setting or an undo
    gives the next status a new one."""
    exam_in(run, 30)
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert run("log", "co-overview", "4h", "--at", yesterday).exit_code == 0
    first = run.json("status")["pace"]
    assert first == run.json("status")["pace"] and first["minutes_per_week"] == 60
    assert run("log", "co-overview", "4h", "--at", yesterday).exit_code == 0
    assert run.json("status")["pace"]["minutes_per_week"] == 120
    assert run("undo").exit_code == 0
    assert run.json("status")["pace"] == first
    exam_in(run, 60)
    assert run.json("status")["pace"]["until"] != first["until"]
