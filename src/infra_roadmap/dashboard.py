"""`roadmap status`: progress by layer, discipline and exam subject; this week against the goal;
the streak; days to the exam; a 12-week heatmap. Pure: events, states and `now` come in."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from infra_roadmap.content import Roadmap
from infra_roadmap.progress.events import TODO, TopicState
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


def build(
    roadmap: Roadmap,
    states: Mapping[str, TopicState],
    days: Mapping[date, int],
    settings: Settings,
    *,
    now: datetime,
    tz: tzinfo,
) -> dict[str, Any]:
    """The dashboard from topic states and the minutes studied per local day (`minutes_by_day`)."""
    today = now.astimezone(tz).date()

    def status(tid: str) -> str:
        return states.get(tid, TODO).status

    topics = list(roadmap.topics.values())
    finished = [t for t in topics if status(t.id) in FINISHED]
    layers = []
    for layer in sorted(roadmap.layers.values(), key=lambda x: x.order):
        members = [t for t in topics if t.layer == layer.id]
        layers.append(
            {
                "id": layer.id,
                "title": layer.title,
                "title_zh": layer.title_zh,
                **_bar(sum(status(t.id) in FINISHED for t in members), len(members)),
            }
        )
    disciplines = []
    for d in roadmap.disciplines.values():
        members = [t for t in topics if d.id in t.disciplines]
        if members:
            disciplines.append(
                {
                    "id": d.id,
                    "title": d.title,
                    "title_zh": d.title_zh,
                    **_bar(sum(status(t.id) in FINISHED for t in members), len(members)),
                }
            )

    # A syllabus point counts as touched once a finished or started topic links to it.
    touched = {link.point for t in topics if status(t.id) != "todo" for link in t.exam}
    subjects = []
    for s in roadmap.subjects.values():
        points = roadmap.points_under(s.id)
        if points:
            subjects.append(
                {
                    "id": s.id,
                    "title": s.title,
                    "title_zh": s.title_zh,
                    "marks": s.points,
                    **_bar(sum(p.id in touched for p in points), len(points)),
                }
            )

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
        "topics": _bar(len(finished), len(topics)),
        "hours": {"done": sum(t.hours for t in finished), "total": sum(t.hours for t in topics)},
        "in_progress": sorted(t.id for t in topics if status(t.id) == "in_progress"),
        "layers": layers,
        "disciplines": disciplines,
        "subjects": subjects,
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
