"""The study clock: `start` … `stop` logs the time, a handover logs the clock it stops, a
forgotten clock is never logged silently, and `timer` counts down and logs what was studied."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from infra_roadmap.render import timer as countdown


def ago(**delta: float) -> str:
    return (datetime.now() - timedelta(**delta)).strftime("%Y-%m-%dT%H:%M:%S")


def logs(run) -> list[dict]:
    return [e for e in run.json("history") if e["kind"] == "log"]


def event_count(home) -> int:
    db = home / "progress.db"
    return sqlite3.connect(db).execute("SELECT COUNT(*) FROM event").fetchone()[0] if db.exists() else 0


def test_start_then_stop_logs_the_minutes_since_with_the_note(run):
    started = run("start", "co-overview", "--at", ago(minutes=50))
    assert started.exit_code == 0 and "Clock started on co-overview" in started.stderr
    stopped = run("stop", "--note", "chapter 1 done")
    assert stopped.exit_code == 0, stopped.stderr
    assert "logged 50m" in stopped.stderr
    [entry] = logs(run)
    assert (entry["topic"], entry["minutes"], entry["note"]) == ("co-overview", 50, "chapter 1 done")
    assert run.json("show", "co-overview")["status"] == "in_progress"


def test_starting_another_topic_hands_over_and_logs_the_running_clock(run):
    assert run("start", "co-overview", "--at", ago(minutes=80)).exit_code == 0
    assert run("stop", "--at", ago(minutes=30)).exit_code == 0
    assert run("start", "co-overview", "--at", ago(minutes=30)).exit_code == 0
    handed = run("start", "ds-basics")
    assert handed.exit_code == 0
    assert "Stopped the clock on co-overview after 0:30 and logged 30m" in handed.stderr
    assert [(e["topic"], e["minutes"]) for e in logs(run)] == [("co-overview", 50), ("co-overview", 30)]
    assert run.json("status")["clock"]["topic"] == "ds-basics"


def test_a_thirteen_hour_clock_is_refused_then_logged_with_force(run, isolated_home):
    assert run("start", "co-overview", "--at", ago(hours=13)).exit_code == 0
    before = event_count(isolated_home)
    refused = run("stop")
    assert refused.exit_code == 1 and "--at" in refused.stderr and "--force" in refused.stderr
    assert run("start", "ds-basics").exit_code == 1  # a handover does not log it silently either
    assert event_count(isolated_home) == before
    assert run("stop", "--force").exit_code == 0
    assert [e["minutes"] for e in logs(run)] == [13 * 60]


def test_stop_at_says_when_a_forgotten_clock_stopped(run):
    assert run("start", "co-overview", "--at", ago(hours=14)).exit_code == 0
    assert run("stop", "--at", ago(hours=12)).exit_code == 0
    assert [e["minutes"] for e in logs(run)] == [120]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("stop", "--at", "2000-01-01T10:00"), 2, "before the clock"),
        (("stop", "--at", "2099-01-01T10:00"), 2, "in the future"),
        (("stop", "--at", "soon"), 2, "invalid date"),
    ],
)
def test_a_bad_stop_writes_nothing(run, isolated_home, args, code, words):
    assert run("start", "co-overview", "--at", ago(minutes=10)).exit_code == 0
    before = event_count(isolated_home)
    result = run(*args)
    assert result.exit_code == code and words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert event_count(isolated_home) == before
    assert run.json("status")["clock"]["topic"] == "co-overview"


def test_stop_or_cancel_without_a_clock_is_one_line(run, isolated_home):
    for command in ("stop", "cancel"):
        result = run(command)
        assert result.exit_code == 1 and "no clock is running" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert event_count(isolated_home) == 0


def test_undo_takes_back_a_stop_and_the_clock_runs_again(run):
    assert run("start", "co-overview", "--at", ago(minutes=20)).exit_code == 0
    assert run("stop").exit_code == 0
    assert run.json("status")["clock"] is None
    assert run("undo").exit_code == 0
    assert logs(run) == []
    clock = run.json("status")["clock"]
    assert clock["topic"] == "co-overview" and clock["minutes"] >= 20


def test_cancel_drops_the_clock_without_logging(run):
    assert run("start", "co-overview", "--at", ago(minutes=20)).exit_code == 0
    result = run("cancel")
    assert result.exit_code == 0 and "nothing logged" in result.stderr
    assert logs(run) == [] and run.json("status")["clock"] is None


def test_a_clock_across_midnight_is_logged_to_the_day_it_started(run, local_tz):
    local_tz("Asia/Shanghai")
    # Two days back, so the stop is in the past at any hour this test runs.
    started = (datetime.now() - timedelta(days=2)).date()
    assert run("start", "co-overview", "--at", f"{started}T23:30").exit_code == 0
    assert run("stop", "--at", f"{started + timedelta(days=1)}T00:40").exit_code == 0
    [entry] = logs(run)
    assert entry["minutes"] == 70
    assert datetime.fromisoformat(entry["at"]).astimezone().date() == started


def test_status_and_next_show_the_running_clock(run):
    assert run("start", "co-overview", "--at", ago(minutes=42, seconds=10)).exit_code == 0
    assert "◷ co-overview 0:42" in run("status").stdout
    assert "◷ co-overview 0:42" in run("next").stderr


def test_several_topics_change_states_only_and_no_clock_keeps_it_so(run):
    assert run("start", "co-overview", "ds-basics").exit_code == 0
    assert run.json("status")["clock"] is None
    assert run("start", "cn-overview", "--no-clock").exit_code == 0
    assert run.json("status")["clock"] is None


def test_finishing_the_topic_on_the_clock_stops_it_and_logs_its_time(run):
    assert run("start", "co-overview", "--at", ago(minutes=25)).exit_code == 0
    done = run("done", "co-overview")
    assert done.exit_code == 0 and "25m logged" in done.stderr
    assert [e["minutes"] for e in logs(run)] == [25] and run.json("status")["clock"] is None


class FakeClock:
    """A monotonic clock that moves only when the countdown sleeps; Ctrl-C after `stop_after`."""

    def __init__(self, stop_after: float | None = None):
        self.now = 1000.0
        self.start = self.now
        self.stop_after = stop_after
        self.slept = 0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept += 1
        if self.stop_after is not None and self.now - self.start >= self.stop_after:
            raise KeyboardInterrupt
        self.now += seconds


@pytest.fixture
def fake_clock(monkeypatch):
    def install(stop_after: float | None = None) -> FakeClock:
        fake = FakeClock(stop_after)
        monkeypatch.setattr(countdown, "monotonic", fake.monotonic)
        monkeypatch.setattr(countdown, "sleep", fake.sleep)
        return fake

    return install


def test_a_timer_runs_to_its_end_and_logs_its_minutes(run, fake_clock):
    fake = fake_clock()
    result = run("timer", "co-overview", "25m", "--note", "pomodoro")
    assert result.exit_code == 0, result.stderr
    assert fake.now - fake.start == pytest.approx(25 * 60)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2  # not a terminal: one line at the start, one at the end
    assert "Timer: 25m" in lines[0] and "logged 25m" in lines[1]
    [entry] = logs(run)
    assert (entry["minutes"], entry["note"]) == (25, "pomodoro")
    assert run.json("status")["clock"] is None


def test_ctrl_c_logs_the_whole_minutes_studied(run, fake_clock):
    fake_clock(stop_after=10 * 60 + 30)
    result = run("timer", "co-overview", "25m")
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert "Stopped early" in result.stderr
    assert [e["minutes"] for e in logs(run)] == [10]


def test_ctrl_c_under_a_minute_logs_nothing_and_leaves_a_sound_store(run, fake_clock):
    fake_clock(stop_after=5)
    result = run("timer", "co-overview", "25m")
    assert result.exit_code == 0 and "under a minute, nothing logged" in result.stderr
    assert logs(run) == [] and run.json("status")["clock"] is None
    doctor = run("doctor")
    assert doctor.exit_code == 0 and "integrity: ok" in doctor.stdout + doctor.stderr


@pytest.mark.parametrize("duration", ["0m", "-5m", "soon", "25"])
def test_a_bad_timer_duration_is_one_line_and_writes_nothing(run, isolated_home, duration, fake_clock):
    fake_clock()
    result = run("timer", "co-overview", duration)
    assert result.exit_code == 2 and "invalid duration" in result.stderr
    assert event_count(isolated_home) == 0
