"""The weekly report as plain data: events and the roadmap in, one `WeeklyReport` out.

Pure: no database, no clock (`now` comes in), no formatting. Every writer (`to_markdown`,
`to_json`, `to_csv`, `to_html`) reads the same report, so the formats cannot disagree.

Rules a reader of the report may want to know:

- A week is an ISO week (Monday 00:00 to the next Monday 00:00) in the time zone `tz`; an event
  belongs to the local day its `at` falls on in `tz`. Events after the week's end are ignored, so
  the report of a past week does not change when later progress is recorded.
- Events of ids that left the roadmap still count in totals, per day, in notes and in the CSV;
  their title is their id and their layer is `UNKNOWN_LAYER`. Ids that a topic lists in
  `aliases` count for that topic.
- Streak: the number of consecutive local days with logged minutes that ends on the last day of
  the week (up to `now`'s day while the week is running) on which minutes were logged. Days before
  the week count too, so a streak can be longer than 7. No minutes in the week: streak 0.
- Minutes by exam subject: a topic's minutes count in full for every subject its exam links touch,
  the part ('408.os') and its paper ('408'). A one-hour session on PagedAttention, linked to both
  408.os and 408.co, adds one hour to 408.os, to 408.co and to 408 (once). The subject rows answer
  "how much of my time touched 408.os", so they add up to more than the total; time on topics with
  no exam link is reported as `minutes_without_exam`.
- 11408 coverage: a point is touched when a topic that links to it has any event (start, log, done,
  skip, even reset) before the week's end; "new" points were first touched this week. A point is
  covered at the week's end when a topic that teaches it (weight 3) is done or skipped by then
  (`dashboard.coverage`, the rule `status` uses). Touched and covered are counts of points, never
  hours, and logged hours are never added to estimated ones.
- Weekly goal: a finished week is met or not met; while the week runs (`now` before its end) it is
  on pace when the minutes logged reach the goal times the share of the week gone by `now`, else
  behind pace.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from infra_roadmap import dashboard
from infra_roadmap.content import Roadmap
from infra_roadmap.progress.events import TODO, TopicState
from infra_roadmap.progress.reporting import LogView, view_of_events
from infra_roadmap.reports.model import (
    Bucket,
    Coverage,
    DayMinutes,
    Goal,
    Note,
    PointRef,
    ReportEvent,
    Streak,
    SubjectCoverage,
    TopicItem,
    WeeklyReport,
)
from infra_roadmap.reports.weeks import local, week_bounds, week_label
from infra_roadmap.store.event import Event

UNKNOWN_LAYER = "(unknown)"  # the layer of events whose topic left the roadmap


def build_report(
    events: Iterable[Event],
    roadmap: Roadmap,
    *,
    year: int,
    week: int,
    tz: dt.tzinfo,
    now: dt.datetime,
    weekly_goal_hours: float | None,
    plan: Sequence[Mapping[str, Any]] = (),
) -> WeeklyReport:
    """The report of ISO week `year`-W`week` in `tz` from all events (in recorded order)."""
    start, end = week_bounds(year, week, tz)
    view = view_of_events(events, roadmap, start, end, tz)
    return report_from(
        view, roadmap, year=year, week=week, tz=tz, now=now, weekly_goal_hours=weekly_goal_hours, plan=plan
    )


def report_from(
    view: LogView,
    roadmap: Roadmap,
    *,
    year: int,
    week: int,
    tz: dt.tzinfo,
    now: dt.datetime,
    weekly_goal_hours: float | None,
    plan: Sequence[Mapping[str, Any]] = (),
) -> WeeklyReport:
    """The report of ISO week `year`-W`week` in `tz`; `plan` is the caller's `next --json` list."""
    start, end = week_bounds(year, week, tz)
    canonical = {e.topic: roadmap.canonical_id(e.topic) or e.topic for e in view.week_events}
    this_week = sorted(
        view.week_events, key=lambda e: (e.at, e.recorded_at or e.at, e.uid)
    )  # as they happened
    status_before, states_end = view.status_before, view.states_end
    topic_of = lambda e: canonical.get(e.topic, e.topic)  # noqa: E731 - a one-line lookup
    week_minutes: dict[str, int] = defaultdict(int)
    for e in this_week:
        week_minutes[topic_of(e)] += e.minutes

    def item(tid: str, at: dt.datetime | None = None) -> TopicItem:
        state = states_end.get(tid, TODO)
        moment = at or state.last_at
        return _topic_item(
            roadmap, tid, state.minutes, week_minutes.get(tid, 0), local(moment, tz) if moment else None
        )

    def changed_to(kind: str, status: str) -> list[TopicItem]:
        ids = {topic_of(e) for e in this_week if e.kind == kind}
        chosen = [tid for tid in ids if states_end.get(tid, TODO).status == status]
        items = [item(tid, states_end[tid].since) for tid in chosen]
        return sorted(items, key=lambda t: (t.at or start, t.id))

    started_ids = {
        topic_of(e)
        for e in this_week
        if (e.kind == "start" and status_before.get(topic_of(e), "todo") != "in_progress")
        or (e.kind == "log" and status_before.get(topic_of(e), "todo") == "todo")
    }
    first_seen: dict[str, dt.datetime] = {}
    for e in this_week:
        first_seen.setdefault(topic_of(e), e.at)
    started = sorted((item(tid, first_seen[tid]) for tid in started_ids), key=lambda t: (t.at or start, t.id))

    in_progress = sorted(
        (item(tid) for tid, s in states_end.items() if s.status == "in_progress"),
        key=lambda t: (-t.week_minutes, -t.minutes, t.id),
    )

    by_day = _by_day(this_week, start, tz)
    now_local = local(now, tz)
    total = sum(e.minutes for e in this_week)
    goal = _goal(weekly_goal_hours, total, start, end, now)
    subjects, without_exam = _by_subject(roadmap, week_minutes)

    return WeeklyReport(
        week=week_label(year, week),
        year=year,
        number=week,
        start=start,
        end=end,
        tz=_tz_name(tz, start),
        generated_at=now_local,
        total_minutes=total,
        sessions=sum(1 for e in this_week if e.kind == "log"),
        days_studied=sum(1 for d in by_day if d.minutes > 0),
        streak=_streak(view.minutes_by_day, by_day, now_local.date()),
        goal=goal,
        by_day=by_day,
        by_layer=_by_layer(roadmap, week_minutes),
        by_subject=subjects,
        minutes_without_exam=without_exam,
        started=started,
        completed=changed_to("done", "done"),
        skipped=changed_to("skip", "skipped"),
        in_progress=in_progress,
        notes=_notes(roadmap, this_week, canonical, tz),
        coverage=_coverage(
            roadmap,
            view.studied_before,
            view.studied_by_end,
            # only the week's topics can have changed during it; the rest stood at the start as at the end
            # (their status is all that covering reads)
            {
                **{t: s for t, s in states_end.items() if t not in week_minutes},
                **{t: TopicState(status, 0, None, None) for t, status in status_before.items()},
            },
            states_end,
        ),
        plan=[dict(entry) for entry in plan],
        events=[_report_event(roadmap, e, topic_of(e), tz) for e in this_week],
    )


# ---- pieces ------------------------------------------------------------------------------------


def _titles(roadmap: Roadmap, tid: str) -> tuple[str, str]:
    topic = roadmap.topics.get(tid)
    return (topic.title, topic.title_zh) if topic else (tid, tid)


def _topic_item(
    roadmap: Roadmap, tid: str, minutes: int, week_minutes: int, at: dt.datetime | None
) -> TopicItem:
    topic = roadmap.topics.get(tid)
    if topic is None:
        return TopicItem(tid, tid, tid, None, None, minutes, week_minutes, at)
    return TopicItem(tid, topic.title, topic.title_zh, topic.layer, topic.hours, minutes, week_minutes, at)


def _goal(
    weekly_goal_hours: float | None, total: int, start: dt.datetime, end: dt.datetime, now: dt.datetime
) -> Goal | None:
    """The goal, with the minutes its pace expects by `now` (all of them once the week is over)."""
    if weekly_goal_hours is None or weekly_goal_hours <= 0:
        return None
    goal_minutes = round(weekly_goal_hours * 60)
    elapsed = (now - start) / (end - start)  # aware datetimes: real time, daylight saving included
    gone = min(1.0, max(0.0, elapsed))
    return Goal(
        hours=float(weekly_goal_hours),
        met=total >= goal_minutes,
        finished=now >= end,
        expected_minutes=round(goal_minutes * gone),
        logged_minutes=total,
    )


def _by_day(this_week: list[Event], start: dt.datetime, tz: dt.tzinfo) -> list[DayMinutes]:
    minutes: dict[dt.date, int] = defaultdict(int)
    sessions: dict[dt.date, int] = defaultdict(int)
    for e in this_week:
        day = local(e.at, tz).date()
        minutes[day] += e.minutes
        sessions[day] += e.kind == "log"
    days = [start.date() + dt.timedelta(days=i) for i in range(7)]
    return [DayMinutes(day, minutes[day], sessions[day]) for day in days]


def _streak(minutes_by_day: Mapping[dt.date, int], by_day: list[DayMinutes], today: dt.date) -> Streak:
    """Consecutive studied days ending on the week's last studied day (not after today)."""
    studied = [d.date for d in by_day if d.minutes > 0 and d.date <= today]
    if not studied:
        return Streak(0, None)
    end = day = studied[-1]
    days = 0
    while minutes_by_day.get(day):
        days += 1
        day -= dt.timedelta(days=1)
    return Streak(days, end)


def _by_layer(roadmap: Roadmap, week_minutes: Mapping[str, int]) -> list[Bucket]:
    """Every layer of the roadmap in order (zeros included, so charts keep their shape)."""
    per_layer: dict[str, int] = defaultdict(int)
    for tid, minutes in week_minutes.items():
        topic = roadmap.topics.get(tid)
        layer = topic.layer if topic and topic.layer in roadmap.layers else UNKNOWN_LAYER
        per_layer[layer] += minutes
    layers = sorted(roadmap.layers.values(), key=lambda x: (x.order, x.id))
    buckets = [Bucket(x.id, x.title, x.title_zh, per_layer.get(x.id, 0)) for x in layers]
    if per_layer.get(UNKNOWN_LAYER):
        buckets.append(Bucket(UNKNOWN_LAYER, "Not in the roadmap", "不在路线图中", per_layer[UNKNOWN_LAYER]))
    return buckets


def _by_subject(roadmap: Roadmap, week_minutes: Mapping[str, int]) -> tuple[list[Bucket], int]:
    """Minutes per exam subject touched this week (see the module's rule), and exam-free minutes."""
    per_subject: dict[str, int] = defaultdict(int)
    without_exam = 0
    for tid, minutes in week_minutes.items():
        topic = roadmap.topics.get(tid)
        subjects = roadmap.topic_subjects(topic) if topic else set()
        if not subjects:
            without_exam += minutes
        for sid in subjects:
            per_subject[sid] += minutes
    buckets = []
    for sid in sorted(per_subject):
        if per_subject[sid] <= 0:
            continue
        subject = roadmap.subjects.get(sid)
        title, title_zh = (subject.title, subject.title_zh) if subject else (sid, sid)
        buckets.append(Bucket(sid, title, title_zh, per_subject[sid]))
    return buckets, without_exam


def _points_of(roadmap: Roadmap, topic_ids: Iterable[str]) -> set[str]:
    touched: set[str] = set()
    for tid in topic_ids:
        topic = roadmap.topics.get(tid)
        if topic:
            touched.update(link.point for link in topic.exam if link.point in roadmap.points)
    return touched


def _coverage(
    roadmap: Roadmap,
    studied_before: set[str],
    studied_by_end: set[str],
    states_before: Mapping[str, TopicState],
    states_end: Mapping[str, TopicState],
) -> Coverage:
    old = _points_of(roadmap, studied_before)
    touched = _points_of(roadmap, studied_by_end)
    new = touched - old
    covered = dashboard.coverage(roadmap, states_end)[0] & roadmap.points.keys()
    new_covered = covered - dashboard.coverage(roadmap, states_before)[0]
    subjects = []
    for sid in sorted(roadmap.subjects):
        inside = [p for p in roadmap.points.values() if p.subject == sid or p.subject.startswith(sid + ".")]
        if not inside:
            continue
        ids = {p.id for p in inside}
        subject = roadmap.subjects[sid]
        subjects.append(
            SubjectCoverage(
                sid,
                subject.title,
                subject.title_zh,
                subject.parent,
                len(ids),
                len(ids & touched),
                len(ids & new),
                len(ids & covered),
            )
        )
    new_points = [
        PointRef(pid, roadmap.points[pid].subject, roadmap.points[pid].title, roadmap.points[pid].title_zh)
        for pid in sorted(new)
    ]
    return Coverage(
        len(roadmap.points),
        len(touched),
        len(new),
        new_points,
        subjects,
        covered=len(covered),
        new_covered=len(new_covered),
    )


def _notes(
    roadmap: Roadmap, this_week: list[Event], canonical: Mapping[str, str], tz: dt.tzinfo
) -> list[Note]:
    notes = []
    for e in this_week:
        if e.note and e.note.strip():
            tid = canonical.get(e.topic, e.topic)
            title, title_zh = _titles(roadmap, tid)
            notes.append(Note(local(e.at, tz), tid, title, title_zh, e.kind, e.note))
    return notes


def _report_event(roadmap: Roadmap, e: Event, tid: str, tz: dt.tzinfo) -> ReportEvent:
    title, title_zh = _titles(roadmap, tid)
    return ReportEvent(local(e.at, tz), tid, title, title_zh, e.kind, e.minutes, e.note)


def _tz_name(tz: dt.tzinfo, moment: dt.datetime) -> str:
    """'Asia/Shanghai' for a ZoneInfo; the offset name ('UTC+08:00') for a fixed zone."""
    return getattr(tz, "key", None) or moment.tzname() or str(tz)
