"""The weekly report as data: what `build.build_report` returns and every writer reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TopicItem:
    """A topic as the report lists it; ids that left the roadmap carry their id as title."""

    id: str
    title: str
    title_zh: str
    layer: str | None
    hours: float | None  # the roadmap's estimate
    minutes: int = 0  # logged in total up to the week's end
    week_minutes: int = 0  # logged during the week
    at: dt.datetime | None = None  # local: when it was done/skipped/started, or its last activity


@dataclass(frozen=True)
class DayMinutes:
    date: dt.date  # local calendar day
    minutes: int
    sessions: int


@dataclass(frozen=True)
class Bucket:
    """Minutes spent on one layer or one exam subject."""

    id: str
    title: str
    title_zh: str
    minutes: int


@dataclass(frozen=True)
class Note:
    at: dt.datetime  # local
    topic: str
    title: str
    title_zh: str
    kind: str
    text: str

    @property
    def date(self) -> dt.date:
        return self.at.date()


@dataclass(frozen=True)
class ReportEvent:
    """One event of the week with its local time and topic title (a CSV row)."""

    at: dt.datetime  # local
    topic: str
    title: str
    title_zh: str
    kind: str
    minutes: int
    note: str | None


@dataclass(frozen=True)
class Streak:
    days: int
    end: dt.date | None  # the day the streak ends on; None when nothing was logged this week


@dataclass(frozen=True)
class Goal:
    """The weekly goal. A week still running is judged by its pace (minutes logged against the
    goal times the share of the week gone by `now`); only a finished week is met or not met."""

    hours: float
    met: bool  # logged minutes reach the goal (already possible mid-week)
    finished: bool = True  # the week had ended at `now`
    expected_minutes: int = 0  # the goal times the elapsed share of the week at `now`
    logged_minutes: int = 0

    @property
    def minutes(self) -> int:
        return round(self.hours * 60)

    @property
    def status(self) -> str:
        """'met' / 'not_met' for a finished week, 'on_pace' / 'behind_pace' while it runs."""
        if self.finished:
            return "met" if self.met else "not_met"
        return "on_pace" if self.logged_minutes >= self.expected_minutes else "behind_pace"


@dataclass(frozen=True)
class PointRef:
    id: str
    subject: str
    title: str
    title_zh: str


@dataclass(frozen=True)
class SubjectCoverage:
    id: str  # '408' or a part such as '408.os'
    title: str
    title_zh: str
    parent: str | None  # '408' for '408.os'; None for a whole paper
    total: int
    touched: int
    new: int
    covered: int = 0


@dataclass(frozen=True)
class Coverage:
    """Syllabus points `touched` (a linked topic was studied at all) and `covered` (a topic that
    teaches the point, a weight-3 link, is done or skipped: `dashboard.coverage`); `new` and
    `new_covered` are this week's additions."""

    total: int
    touched: int
    new: int
    new_points: list[PointRef]
    subjects: list[SubjectCoverage]
    covered: int = 0
    new_covered: int = 0


@dataclass(frozen=True)
class WeeklyReport:
    week: str  # '2026-W46'
    year: int
    number: int
    start: dt.datetime  # local Monday 00:00
    end: dt.datetime  # local next Monday 00:00 (exclusive)
    tz: str
    generated_at: dt.datetime  # local `now`
    total_minutes: int
    sessions: int  # `log` events
    days_studied: int
    streak: Streak
    goal: Goal | None
    by_day: list[DayMinutes]
    by_layer: list[Bucket]
    by_subject: list[Bucket]
    minutes_without_exam: int
    started: list[TopicItem]
    completed: list[TopicItem]
    skipped: list[TopicItem]
    in_progress: list[TopicItem]
    notes: list[Note]
    coverage: Coverage
    plan: list[dict[str, Any]]
    events: list[ReportEvent] = field(default_factory=list)
