"""`roadmap status`: progress by layer, discipline and exam subject; this week against the goal;
the streak; days to the exam; a 12-week heatmap. Pure: events, states and `now` come in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from infra_roadmap.content import Roadmap
from infra_roadmap.progress.events import TODO, TopicState
from infra_roadmap.progress.review import Recall
from infra_roadmap.settings import Settings
from infra_roadmap.vocab import FINISHED

HEATMAP_WEEKS = 12


def streak(days: Mapping[date, int], today: date) -> int:
    """Consecutive days with study time, ending today (or yesterday, if today has none yet)."""
    day = today if days.get(today) else today - timedelta(days=1)
    count = 0
    while days.get(day):
        count += 1
        day -= timedelta(days=1)
    return count


def _bar(done: int, total: int) -> dict[str, Any]:
    return {"done": done, "total": total, "share": round(done / total, 4) if total else 0.0}


def coverage(roadmap: Roadmap, states: Mapping[str, TopicState]) -> tuple[set[str], set[str]]:
    """The syllabus points covered and touched. A point is covered once a topic that teaches it
    (a weight-3 link) is done or skipped; touched once any topic linked to it has been studied
    (started, logged, done or skipped)."""
    covered: set[str] = set()
    touched: set[str] = set()
    for tid, state in states.items():
        topic = roadmap.topics.get(tid)
        if topic is None or (state.status == "todo" and not state.minutes):
            continue
        finished = state.status in FINISHED
        for link in topic.exam:
            touched.add(link.point)
            if finished and link.weight == 3:
                covered.add(link.point)
    return covered, touched


def build(
    roadmap: Roadmap,
    states: Mapping[str, TopicState],
    days: Mapping[date, int],
    settings: Settings,
    *,
    now: datetime,
    tz: tzinfo,
    recalls: Sequence[Recall] = (),
) -> dict[str, Any]:
    """The dashboard from topic states, the minutes studied per local day and the review schedule
    (`recalls`: every scheduled topic). One pass over the topics and one over the points, so a
    large roadmap costs time in proportion to its size."""
    today = now.astimezone(tz).date()
    per_layer: dict[str, list[int]] = {lid: [0, 0] for lid in roadmap.layers}
    per_discipline: dict[str, list[int]] = {did: [0, 0] for did in roadmap.disciplines}
    finished_count = 0
    estimate_total = estimate_left = 0.0
    in_progress = []
    for tid, topic in roadmap.topics.items():
        status = states.get(tid, TODO).status
        finished = status in FINISHED
        finished_count += finished
        estimate_total += topic.hours
        if not finished:
            estimate_left += topic.hours
        if status == "in_progress":
            in_progress.append(tid)
        for counter in (per_layer.get(topic.layer), *(per_discipline.get(d) for d in topic.disciplines)):
            if counter is not None:
                counter[0] += finished
                counter[1] += 1
    layers = [
        {"id": x.id, "title": x.title, "title_zh": x.title_zh, **_bar(*per_layer[x.id])}
        for x in sorted(roadmap.layers.values(), key=lambda x: (x.order, x.id))
    ]
    disciplines = [
        {"id": d.id, "title": d.title, "title_zh": d.title_zh, **_bar(*per_discipline[d.id])}
        for d in roadmap.disciplines.values()
        if per_discipline[d.id][1]
    ]
    covered, touched = coverage(roadmap, states)
    at_exam = {r.topic: r.at_exam for r in recalls if r.at_exam is not None}
    point_recall: dict[str, float] = {}  # a covered point: the best exam-day recall of its teachers
    for tid, recall in at_exam.items():
        teacher = roadmap.topics.get(tid)
        for link in teacher.exam if teacher else ():
            if link.weight == 3 and link.point in covered:
                point_recall[link.point] = max(recall, point_recall.get(link.point, 0.0))
    per_subject: dict[str, list[float]] = {}  # subject -> [covered, touched, points, recall sum, recalled]
    for point in roadmap.points.values():
        parts = point.subject.split(".")
        for depth in range(len(parts)):
            tally = per_subject.setdefault(".".join(parts[: depth + 1]), [0, 0, 0, 0.0, 0])
            tally[0] += point.id in covered
            tally[1] += point.id in touched
            tally[2] += 1
            if point.id in point_recall:
                tally[3] += point_recall[point.id]
                tally[4] += 1
    subjects = []
    for s in roadmap.subjects.values():
        if s.id in per_subject:
            got, seen, total, recall_sum, recalled = per_subject[s.id]
            subjects.append(
                {
                    "id": s.id,
                    "title": s.title,
                    "title_zh": s.title_zh,
                    "marks": s.points,
                    "total": int(total),
                    "covered": int(got),
                    "touched": int(seen),
                    "share": round(got / total, 4) if total else 0.0,
                    "recall_at_exam": round(recall_sum / recalled, 4) if recalled else None,
                }
            )
    end_of_today = datetime.combine(today + timedelta(days=1), datetime.min.time()).replace(tzinfo=tz)
    end_of_week = datetime.combine(today + timedelta(days=7 - today.weekday()), datetime.min.time()).replace(
        tzinfo=tz
    )
    reviews = {
        "scheduled": len(recalls),
        "due_today": sum(1 for r in recalls if r.due < end_of_today),
        "due_this_week": sum(1 for r in recalls if r.due < end_of_week),
    }

    week_start = today - timedelta(days=today.weekday())
    week_minutes = sum(m for d, m in days.items() if week_start <= d <= today)
    goal_hours = settings.weekly_goal_hours
    exam_date = settings.exam_date
    first = week_start - timedelta(weeks=HEATMAP_WEEKS - 1)
    heatmap = [
        {"date": (first + timedelta(days=i)).isoformat(), "minutes": days.get(first + timedelta(days=i), 0)}
        for i in range((today - first).days + 1)
    ]
    return {
        "today": today.isoformat(),
        "topics": _bar(finished_count, len(roadmap.topics)),
        "hours": {
            "logged": round(sum(days.values()) / 60, 1),
            "estimated": round(estimate_total, 1),
            "estimated_left": round(estimate_left, 1),
        },
        "in_progress": sorted(in_progress),
        "layers": layers,
        "disciplines": disciplines,
        "subjects": subjects,
        "reviews": reviews,
        "week": {
            "start": week_start.isoformat(),
            "minutes": week_minutes,
            "goal_minutes": round(goal_hours * 60),
            "met": goal_hours > 0 and week_minutes >= goal_hours * 60,
        },
        "streak_days": streak(days, today),
        "total_minutes": sum(days.values()),
        "exam_date": exam_date.isoformat(),
        "days_to_exam": (exam_date - today).days,
        "heatmap": heatmap,
    }
