"""`next`, `path` and `status` as a student uses them, on the real roadmap."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from infra_roadmap import content, graph
from infra_roadmap.paths import bundled_roadmap_dir
from infra_roadmap.settings import next_exam_date


@pytest.fixture(scope="module")
def rm():
    return content.load([bundled_roadmap_dir()]).roadmap


NEXT_KEYS = {"id", "title", "title_zh", "score", "reasons", "terms"}


def set_exam_in(run, days):
    run("config", "set", "exam-date", (date.today() + timedelta(days=days)).isoformat())


def test_new_user_20_days_before_the_exam(run):
    set_exam_in(run, 20)
    rows = run.json("next")
    assert len(rows) == 5
    for row in rows:
        assert row.keys() >= NEXT_KEYS and row["reasons"]
    detail = [run.json("show", r["id"]) for r in rows[:3]]
    assert any(d["exam"] for d in detail)
    assert any("★" in reason for r in rows[:3] for reason in r["reasons"])
    text = run("next")
    assert text.exit_code == 0 and "→" in text.stdout


def test_twelve_steps_following_the_first_recommendation(run, rm):
    set_exam_in(run, 20)
    for step in range(12):
        rows = run.json("next", "-n", "10")
        states = {r["id"]: r["status"] for r in run.json("list")}
        for r in rows:
            assert states[r["id"]] not in ("done", "skipped"), (step, r["id"])
            if states[r["id"]] != "in_progress":
                assert all(states[p] in ("done", "skipped") for p in rm.requires[r["id"]]), (step, r["id"])
        in_progress = {i for i, s in states.items() if s == "in_progress"}
        assert in_progress <= {r["id"] for r in rows}, step
        first = rows[0]
        if first["status"] == "todo":
            run("start", first["id"])
            run("log", first["id"], "1h")
        else:
            run("done", first["id"])


def test_focus_changes_the_list(run):
    exam = [r["id"] for r in run.json("next", "--focus", "exam", "-n", "8")]
    infra = [r["id"] for r in run.json("next", "--focus", "infra", "-n", "8")]
    assert exam != infra and exam[0] != infra[0]


def test_after_the_exam_the_list_leans_on_the_exam_no_more(run):
    def exam_weight(rows):
        return sum(r["terms"]["exam"] + r["terms"]["proximity"] for r in rows)

    set_exam_in(run, 3)
    before = run.json("next", "-n", "10")
    set_exam_in(run, -3)
    after = run.json("next", "-n", "10")
    assert exam_weight(after) <= exam_weight(before)
    assert run.json("next", "-n", "10") == after  # same data, same list


def test_filters_explain_and_nothing_left(run, overlay):
    rows = run.json("next", "--layer", "foundations", "--subject", "408.os", "-n", "20")
    assert rows and all("408" in " ".join(r["reasons"]) or r["id"].startswith("os-") for r in rows)
    explained = run("next", "-n", "1", "--explain")
    assert " × " in explained.stdout and " = " in explained.stdout
    blocked = run("next", "--layer", "maas")
    assert blocked.exit_code == 0 and "wait on prerequisites" in blocked.stderr


def test_path_to_the_deepest_topic(run, rm):
    deepest = max(rm.topics, key=lambda tid: (len(graph.ancestors(tid, rm.requires)), tid))
    plan = run.json("path", deepest)
    assert plan["target"] == deepest and plan["steps"][-1]["id"] == deepest
    assert len(plan["steps"]) == len(graph.ancestors(deepest, rm.requires)) + 1
    position = {s["id"]: i for i, s in enumerate(plan["steps"])}
    for step in plan["steps"]:
        for prereq in rm.requires[step["id"]]:
            assert position[prereq] < position[step["id"]]
    assert plan["hours"] == sum(s["hours"] for s in plan["steps"])
    run("done", plan["steps"][0]["id"])
    assert len(run.json("path", deepest)["steps"]) == len(plan["steps"]) - 1


def test_status_dashboard(run):
    run("log", "os-memory", "2h")
    run("done", "ds-basics")
    run("config", "set", "weekly-goal-hours", "1")
    data = run.json("status")
    assert data["topics"]["done"] == 1
    assert data["week"]["minutes"] == 120 and data["week"]["met"]
    assert data["streak_days"] == 1
    assert data["days_to_exam"] == (next_exam_date(date.today()) - date.today()).days
    assert len(data["heatmap"]) >= 7 * 11
    os_part = next(s for s in data["subjects"] if s["id"] == "408.os")
    ds_part = next(s for s in data["subjects"] if s["id"] == "408.ds")
    assert os_part["touched"] > 0 and os_part["covered"] == 0  # studied, not finished
    assert ds_part["covered"] > 0  # ds-basics is done
    text = run("status")
    assert text.exit_code == 0 and "Last 12 weeks" in text.stdout
