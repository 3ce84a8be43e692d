"""The fast paths must never change an answer: the roadmap cache, the states cache, and the
plain-sqlite read path beside the SQLModel write path."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, create_engine, select

from conftest import topic_toml
from infra_roadmap import paths
from infra_roadmap.content.cache import load_roadmap
from infra_roadmap.progress.events import derive_states, fold
from infra_roadmap.progress.states import states
from infra_roadmap.store.event import Event
from infra_roadmap.store.models import Event as Row
from infra_roadmap.store.read import read_snapshot
from infra_roadmap.store.write import Writer


def test_an_edited_overlay_is_seen_on_the_very_next_run(run, overlay):
    folder = overlay({"m.toml": topic_toml("cache-probe", title="Before Edit")})
    assert run.json("--roadmap", str(folder), "show", "cache-probe")["title"] == "Before Edit"
    target = folder / "m.toml"
    stat = target.stat()
    # Same size, same modification time: only the bytes differ.
    target.write_text(target.read_text().replace("Before Edit", "Beyond Edit"))
    import os

    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert target.stat().st_size == stat.st_size
    assert run.json("--roadmap", str(folder), "show", "cache-probe")["title"] == "Beyond Edit"
    (folder / "extra.toml").write_text(topic_toml("cache-probe-two"))
    assert run.json("--roadmap", str(folder), "show", "cache-probe-two")["id"] == "cache-probe-two"


def test_a_corrupt_cache_file_is_ignored_and_rebuilt(run, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "own-cache"))  # not the run's shared cache
    first = run.json("list")
    files = list(paths.cache_dir().glob("roadmap-*"))
    assert files
    for f in files:
        f.write_bytes(b"\x00garbage" * 100)
    assert run.json("list") == first
    rebuilt = list(paths.cache_dir().glob("roadmap-*"))
    assert rebuilt and all(f.read_bytes()[:8] != b"\x00garbage" for f in rebuilt)


def test_cached_roadmap_equals_a_fresh_load(tmp_path):
    folders = [paths.bundled_roadmap_dir()]
    fresh = load_roadmap(folders, None)
    load_roadmap(folders, tmp_path)
    cached = load_roadmap(folders, tmp_path)
    assert cached.checked and not fresh.checked
    for kind in ("layers", "disciplines", "subjects", "points", "topics", "resources"):
        assert getattr(cached, kind) == getattr(fresh, kind), kind
    assert cached.study_order() == fresh.study_order()
    assert cached.unlocks == fresh.unlocks


def _history(db: Path) -> None:
    base = datetime(2026, 11, 1, 8, tzinfo=UTC)
    with Writer(db) as writer:
        writer.record([Event("os-memory", "start", base, note="开始")])
        writer.record([Event("os-memory", "log", base + timedelta(hours=1), 45, "paging | TLB")])
        writer.record(
            [Event("ds-basics", "done", base + timedelta(days=1)), Event("cn-overview", "skip", base)]
        )
        writer.record([Event("os-memory", "done", base + timedelta(days=2))])
        writer.undo()
        writer.record([Event("ds-basics", "log", base + timedelta(days=3), 30, None)])


def test_sqlite_read_path_agrees_with_sqlmodel(tmp_path):
    import sqlite3

    db = tmp_path / "progress.db"
    _history(db)
    fast = read_snapshot(db).events
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(db))
    with Session(engine) as session:
        rows = session.exec(select(Row).order_by(Row.id)).all()
        undone = {r.undoes for r in rows if r.kind == "undo"}
        single = {r.undoes_event for r in rows if r.kind == "undo"}
        slow = [
            Event(
                r.topic,
                r.kind,
                datetime.fromisoformat(r.at),
                r.minutes,
                r.note,
                r.uid,
                datetime.fromisoformat(r.recorded_at),
                r.batch,
                r.rating,
                r.id or 0,
            )
            for r in rows
            if r.kind != "undo" and r.batch not in undone and r.id not in single
        ]
    assert fast == slow
    assert len(fast) == 5
    snap = read_snapshot(db)
    assert fold(snap.state_rows()) == derive_states(slow)


def test_states_cache_follows_every_new_row(tmp_path):
    from infra_roadmap.content import Roadmap

    db, cache = tmp_path / "progress.db", tmp_path / "cache"
    _history(db)
    roadmap = Roadmap()
    first = states(read_snapshot(db), roadmap, cache)
    assert first == fold(read_snapshot(db).state_rows())
    assert states(read_snapshot(db), roadmap, cache) == first  # from the cache
    with Writer(db) as writer:
        writer.record([Event("os-memory", "log", datetime(2026, 11, 5, tzinfo=UTC), 20)])
    after = states(read_snapshot(db), roadmap, cache)
    assert after["os-memory"].minutes == first["os-memory"].minutes + 20
    with Writer(db) as writer:
        writer.undo()
    assert states(read_snapshot(db), roadmap, cache) == first
    for f in cache.glob("states-*"):
        f.write_bytes(b"broken")
    assert states(read_snapshot(db), roadmap, cache) == first


def test_an_old_file_edited_in_place_with_its_times_restored_is_seen(run, overlay):
    import os
    import time

    folder = overlay({"m.toml": topic_toml("cache-old", title="Before Edit")})
    target = folder / "m.toml"
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(target, ns=(hour_ago, hour_ago))  # outside the window in which bytes are hashed
    assert run.json("--roadmap", str(folder), "show", "cache-old")["title"] == "Before Edit"
    target.write_text(target.read_text().replace("Before Edit", "Beyond Edit"))
    os.utime(target, ns=(hour_ago, hour_ago))
    assert run.json("--roadmap", str(folder), "show", "cache-old")["title"] == "Beyond Edit"


def minutes_by_day(rows, tz):
    """The reference: minutes per local day, summed in Python through the local zone."""
    days = {}
    for _topic, _kind, at, minutes in rows:
        if minutes:
            day = (datetime.fromisoformat(at) if isinstance(at, str) else at).astimezone(tz).date()
            days[day] = days.get(day, 0) + minutes
    return days


def test_sqlite_local_days_agree_with_the_local_zone(tmp_path, local_tz):
    from infra_roadmap.localzone import LOCAL

    local_tz("America/New_York")  # DST ends 2026-11-01 at 02:00 local
    db = tmp_path / "progress.db"
    with Writer(db) as writer:
        for hours in range(0, 24 * 6, 5):
            writer.record(
                [Event("os-memory", "log", datetime(2026, 10, 29, tzinfo=UTC) + timedelta(hours=hours), 7)]
            )
    snap = read_snapshot(db)
    assert snap.minutes_by_local_day() == minutes_by_day(snap.state_rows(), LOCAL)


def test_the_cache_folded_on_write_always_equals_a_fresh_fold(run, isolated_home):
    """Random sequences of state changes, logs and undos: after each, the states a command reads
    (from the cache the write updated) equal a fold of the whole log."""
    import random

    from infra_roadmap.content.cache import load_roadmap

    roadmap = load_roadmap([paths.bundled_roadmap_dir()], paths.cache_dir())
    rng = random.Random(12)
    topics = ["os-memory", "ds-basics", "cn-overview", "vllm-pagedattention"]
    for step in range(40):
        action = rng.choice(["start", "done", "skip", "reset", "log", "log", "undo"])
        args = ["undo"] if action == "undo" else [action, rng.choice(topics)]
        if action == "log":
            args.append(f"{rng.randint(1, 90)}m")
        assert run(*args).exit_code == 0, args
        snap = read_snapshot(isolated_home / "progress.db")
        cached = states(snap, roadmap, paths.cache_dir())
        assert cached == fold(snap.state_rows(), roadmap.aliases), (step, args)


def test_a_write_folds_itself_into_the_cache(run, isolated_home, monkeypatch):
    """After a write the next read is served by the cache: it never refolds the log."""
    from infra_roadmap.progress import states as states_module

    assert run("log", "os-memory", "30m").exit_code == 0
    assert run("done", "ds-basics").exit_code == 0

    def refold(*_args, **_kwargs):
        raise AssertionError("the log was folded again")

    monkeypatch.setattr(states_module, "fold", refold)
    assert {r["id"]: r["status"] for r in run.json("list")}["ds-basics"] == "done"


def test_the_reports_queries_agree_with_a_fold_of_every_event(tmp_path, overlay, local_tz):
    """The weekly report reads the log through a few queries (progress.reporting.log_view); over
    random histories, with backdated events, renamed topics and undos, they give what a fold of
    every event gives (view_of_events) for the current week, the last one and an old one."""
    import random

    from infra_roadmap.content import Roadmap
    from infra_roadmap.content.records import Topic
    from infra_roadmap.progress.reporting import log_view, view_of_events
    from infra_roadmap.reports.weeks import week_bounds

    local_tz("Asia/Shanghai")
    from infra_roadmap.localzone import LOCAL

    roadmap = Roadmap.of(
        {
            "topic": [
                Topic("alpha", "Alpha", "甲", "paas", ("os",), "s", 3.0, "core", aliases=("old-alpha",)),
                Topic("beta", "Beta", "乙", "paas", ("os",), "s", 3.0, "core"),
                Topic("gamma", "Gamma", "丙", "paas", ("os",), "s", 3.0, "core"),
            ]
        }
    )
    rng = random.Random(46)
    base = datetime(2026, 10, 1, tzinfo=UTC)
    for trial in range(6):
        db = tmp_path / f"t{trial}" / "progress.db"
        with Writer(db) as writer:
            for _ in range(120):
                if rng.random() < 0.08:
                    writer.undo()
                    continue
                topic = rng.choice(["alpha", "old-alpha", "beta", "gamma", "gone"])
                kind = rng.choice(["start", "done", "skip", "reset", "log", "log", "log"])
                at = base + timedelta(hours=rng.randrange(0, 24 * 60))
                writer.record([Event(topic, kind, at, rng.randint(5, 90) if kind == "log" else 0)])
        snap = read_snapshot(db)
        current = states(snap, roadmap, None)
        for year, week in ((2026, 44), (2026, 47), (2026, 49)):
            start, end = week_bounds(year, week, LOCAL)
            fast = log_view(snap, roadmap, current, start, end)
            reference = view_of_events(snap.events, roadmap, start, end, LOCAL)
            assert sorted(fast.week_events) == sorted(reference.week_events)
            assert fast.states_end == reference.states_end, (trial, week)
            week_topics = {roadmap.canonical_id(e.topic) or e.topic for e in reference.week_events}
            assert {t: fast.status_before.get(t, "todo") for t in week_topics} == {
                t: reference.status_before.get(t, "todo") for t in week_topics
            }
            assert (fast.studied_before, fast.studied_by_end) == (
                reference.studied_before,
                reference.studied_by_end,
            )
            for day, minutes in reference.minutes_by_day.items():
                assert fast.minutes_by_day.get(day) == minutes, day


def test_cached_unlock_counts_follow_the_finished_topics(run, monkeypatch):
    """The unlock counts a large roadmap keeps in the cache change when a topic is finished, and
    always equal a fresh count (the threshold is lowered so that the bundled roadmap uses it)."""
    from infra_roadmap import ranking, unlockcache
    from infra_roadmap.content.cache import load_roadmap

    monkeypatch.setattr(unlockcache, "LARGE", 0)

    def fresh() -> dict[str, int]:
        roadmap = load_roadmap([paths.bundled_roadmap_dir()], paths.cache_dir())
        snap = read_snapshot(paths.database_path())
        return ranking.unlock_counts(roadmap, states(snap, roadmap, None))

    def shown() -> dict[str, int]:
        return {item["id"]: item["unlocks"] for item in run.json("next", "-n", "50")}

    first = shown()
    assert first == {tid: fresh()[tid] for tid in first}
    assert list(paths.cache_dir().glob("unlocks-*"))
    assert run("done", "ds-basics").exit_code == 0
    after = shown()
    assert after == {tid: fresh()[tid] for tid in after} and after != first


def test_the_file_cache_reads_only_what_changed_and_answers_as_a_fresh_load(tmp_path, overlay, monkeypatch):
    import os

    from infra_roadmap import content
    from infra_roadmap.content import loader

    folder = overlay({"a.toml": topic_toml("cache-a"), "b.toml": topic_toml("cache-b", requires=["ghost"])})
    folders = [paths.bundled_roadmap_dir(), folder]
    cache = tmp_path / "filecache"
    fresh = content.load(folders)
    first = content.load(folders, cache)
    assert first.roadmap.topics == fresh.roadmap.topics and first.problems == fresh.problems
    hour_ago = time.time() - 3600
    for path in folder.glob("*.toml"):  # old enough that only their signature is compared
        os.utime(path, (hour_ago, hour_ago))
    content.load(folders, cache)
    read = []
    real = loader.read_file
    monkeypatch.setattr(loader, "read_file", lambda path: read.append(path.name) or real(path))
    again = content.load(folders, cache)
    assert read == [] and again.roadmap.topics == fresh.roadmap.topics and again.problems == fresh.problems
    (folder / "b.toml").write_text(topic_toml("cache-b", title="Edited"), encoding="utf-8")
    edited = content.load(folders, cache)
    assert read == ["b.toml"]
    assert edited.roadmap.topics["cache-b"].title == "Edited" and edited.problems == []


def test_undo_of_the_last_write_brings_back_the_review_schedule_it_started_from(run, monkeypatch):
    """log, undo, log, next: no command folds the review schedule of the whole log again (at
    50,000 events that fold costs more than the command), and the schedule is the right one."""
    from infra_roadmap.progress import review, schedules

    assert run("done", "os-memory", "--at", "2026-11-01").exit_code == 0
    assert run.json("next")  # the schedule is folded once here and kept
    for args in (("log", "ds-basics", "5m"), ("undo",), ("log", "vllm-pag", "10m")):
        assert run(*args).exit_code == 0
    snap = read_snapshot(paths.data_dir() / "progress.db")
    roadmap = load_roadmap([paths.bundled_roadmap_dir()], paths.cache_dir())
    kept = schedules.cached(snap, roadmap, 0.9, paths.cache_dir())
    assert kept is not None, "the next read would fold the whole log"
    assert kept.cards == review.fold(snap.review_rows(), roadmap.requires, 0.9, roadmap.aliases).cards

    def refold(*_args, **_kwargs):
        raise AssertionError("the review schedule was folded again")

    monkeypatch.setattr(review, "fold", refold)
    assert run("next").exit_code == 0
