"""Spaced review: finished topics come back before they fade, scheduled by FSRS from the log."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from fsrs import Card, Rating, Scheduler

from infra_roadmap import paths
from infra_roadmap.progress import review
from infra_roadmap.progress.schedules import schedule
from infra_roadmap.store.read import read_snapshot

NOW = datetime.now(UTC)


def days_ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


def due_ids(run) -> list[str]:
    return [row["id"] for row in run.json("review")]


def test_the_schedule_is_what_fsrs_computes_for_the_same_ratings():
    done = datetime(2026, 9, 1, 12, tzinfo=UTC)
    moments = [done, done + timedelta(days=3), done + timedelta(days=11), done + timedelta(days=40)]
    ratings = [Rating.Good, Rating.Hard, Rating.Again, Rating.Easy]  # the first is the done itself
    rows = [("os-memory", "done", done, None)] + [
        ("os-memory", "review", at, int(r)) for at, r in zip(moments[1:], ratings[1:], strict=True)
    ]
    ours = review.fold(rows, {}, 0.85).cards["os-memory"]

    scheduler = Scheduler(
        desired_retention=0.85, learning_steps=(), relearning_steps=(), enable_fuzzing=False
    )
    card = Card(card_id=1)
    for at, rating in zip(moments, ratings, strict=True):
        card, _ = scheduler.review_card(card, rating, at)
    assert (ours.due, ours.stability, ours.difficulty, ours.last_review) == (
        card.due,
        card.stability,
        card.difficulty,
        card.last_review,
    )
    assert ours.reviews == 4
    exam = datetime(2026, 12, 19, tzinfo=UTC)
    assert review.recall(ours, exam, 0.85) == scheduler.get_card_retrievability(card, exam)


def test_done_and_skipped_topics_come_due_and_a_review_puts_them_back(run):
    assert run("done", "os-memory", "--at", days_ago(30)).exit_code == 0
    assert run("skip", "ds-basics", "--at", days_ago(60)).exit_code == 0
    assert run("done", "cn-overview").exit_code == 0
    assert set(due_ids(run)) == {"os-memory", "ds-basics"}
    rows = {row["id"]: row for row in run.json("review", "--all")}
    assert set(rows) == {"os-memory", "ds-basics", "cn-overview"}
    for row in rows.values():
        assert {"id", "title", "title_zh", "due", "recall_now", "recall_at_exam", "reviews"} <= row.keys()
        assert 0 < row["recall_now"] <= 1 and row["reviews"] == 1
    assert rows["ds-basics"]["last_by"] == "skip"  # "I know it": rated easy
    result = run("review", "os-memory", "good", "--note", "页表又过了一遍", "--minutes", "20m")
    assert result.exit_code == 0 and "next review" in result.stderr
    assert due_ids(run) == ["ds-basics"]
    last = run.json("history")[-1]
    assert (last["kind"], last["rating"], last["minutes"], last["note"]) == (
        "review",
        3,
        20,
        "页表又过了一遍",
    )
    assert run("undo").exit_code == 0
    assert set(due_ids(run)) == {"os-memory", "ds-basics"}


def test_next_offers_due_reviews_with_their_reason_and_never_a_finished_topic_not_due(run):
    assert run("done", "os-memory", "--at", days_ago(30)).exit_code == 0
    assert run("done", "ds-basics").exit_code == 0  # finished today: not due
    items = {item["id"]: item for item in run.json("next", "-n", "300")}
    assert "ds-basics" not in items
    item = items["os-memory"]
    assert item["kind"] == "review" and item["terms"]["review"] > 0 and item["status"] == "done"
    assert item["reasons"][0].startswith("review due · recall ") and "on exam day" in item["reasons"][0]
    assert item["review"]["recall_now"] < 0.9
    finished = {r["id"] for r in run.json("list") if r["status"] in ("done", "skipped")}
    assert {i for i in items if items[i]["kind"] == "study"}.isdisjoint(finished)


def test_studying_a_topic_gives_partial_credit_to_its_due_prerequisites_once(run):
    assert run("done", "os-memory", "--at", days_ago(30)).exit_code == 0
    assert "os-memory" in due_ids(run)
    assert run("log", "vllm-pagedattention", "1h").exit_code == 0  # os-memory is a prerequisite
    assert "os-memory" not in due_ids(run)
    row = next(r for r in run.json("review", "--all") if r["id"] == "os-memory")
    assert row["last_by"] == "vllm-pagedattention" and row["reviews"] == 2
    assert run("log", "vllm-pagedattention", "1h").exit_code == 0  # not due any more: no second credit
    assert next(r for r in run.json("review", "--all") if r["id"] == "os-memory")["reviews"] == 2
    explain = run("next", "-n", "300", "--explain")
    assert explain.exit_code == 0


@pytest.mark.parametrize(
    ("args", "code", "text"),
    [
        (["review", "os-memory", "great"], 2, "use again, hard, good or easy"),
        (["review", "os-memory", "5"], 2, "use again, hard, good or easy"),
        (["review", "os-memory"], 2, "give a rating"),
        (["review", "calc-limits", "good"], 1, "not done: finish it first"),
        (["review", "os-memory", "good", "--at", "2999-01-01"], 2, "future"),
        (["review", "nosuch-topic", "good"], 1, "unknown topic"),
    ],
)
def test_bad_reviews_are_refused_in_one_line_and_write_nothing(run, args, code, text):
    assert run("done", "os-memory", "--at", days_ago(30)).exit_code == 0
    before = run.json("history")
    result = run(*args)
    assert result.exit_code == code and text in result.stderr and result.stderr.count("\n") == 1, (
        result.stderr
    )
    assert run.json("history") == before


def test_the_cached_schedule_always_equals_a_fresh_fold(run, isolated_home):
    """Random commands, backdated too: the schedule a command reads (kept in the cache and folded
    on each write) equals the schedule folded from the whole log."""
    from infra_roadmap.content.cache import load_roadmap

    roadmap = load_roadmap([paths.bundled_roadmap_dir()], paths.cache_dir())
    rng = random.Random(14)
    topics = ["os-memory", "vllm-pagedattention", "llm-inference-fundamentals", "ds-basics"]
    for step in range(40):
        topic = rng.choice(topics)
        action = rng.choice(["done", "skip", "reset", "log", "log", "review", "undo"])
        if action == "undo":
            args = ["undo"]
        elif action == "log":
            args = ["log", topic, "30m"]
        elif action == "review":
            args = ["review", topic, rng.choice(["again", "hard", "good", "easy"])]
        else:
            args = [action, topic]
        if rng.random() < 0.3 and action != "undo":
            args += ["--at", days_ago(rng.randint(1, 90))]
        result = run(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
        snap = read_snapshot(isolated_home / "progress.db")
        cached = schedule(snap, roadmap, 0.9, paths.cache_dir()).cards
        fresh = review.fold(snap.review_rows(), roadmap.requires, 0.9, roadmap.aliases).cards
        assert cached == fresh, (step, args)


def test_status_shows_reviews_due_and_recall_on_exam_day(run):
    assert run("done", "os-memory", "--at", days_ago(30)).exit_code == 0
    assert run("done", "ds-basics").exit_code == 0
    data = run.json("status")
    assert data["reviews"] == {
        "scheduled": 2,
        "due_today": 1,
        "due_this_week": data["reviews"]["due_this_week"],
    }
    assert data["reviews"]["due_this_week"] >= 1
    os_part = next(s for s in data["subjects"] if s["id"] == "408.os")
    assert 0 < os_part["recall_at_exam"] < 1
    assert "Recall on exam day" in run("status").stdout


@pytest.mark.parametrize(
    ("value", "ok"),
    [("0.9", True), ("0.7", True), ("0.97", True), ("0.5", False), ("0.99", False), ("much", False)],
)
def test_retention_is_checked(run, value, ok):
    result = run("config", "set", "retention", value)
    assert (result.exit_code == 0) is ok, result.stderr


def test_history_shows_how_a_review_went(run):
    assert run("done", "os-memory", "--at", days_ago(30)).exit_code == 0
    assert run("review", "os-memory", "hard").exit_code == 0
    assert run("history").stdout.splitlines()[-1].split("\t")[3] == "review (hard)"
    assert run("config", "set", "lang", "zh").exit_code == 0
    assert "复习（困难）" in run("history").stdout
