"""The weekly report as JSON: the keys SPEC.md fixes (week, start, end, total_minutes, sessions,
completed, by_day, plan) plus everything else the Markdown report shows."""

from __future__ import annotations

import json
from typing import Any

from infra_roadmap.reports.build import (
    WEEKDAYS,
    Bucket,
    Coverage,
    Note,
    ReportEvent,
    TopicItem,
    WeeklyReport,
    hours,
)


def render(report: WeeklyReport) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"


def to_dict(report: WeeklyReport) -> dict[str, Any]:
    """Plain data with stable keys; datetimes as ISO 8601 with their local offset."""
    return {
        "week": report.week,
        "start": report.start.isoformat(),
        "end": report.end.isoformat(),
        "tz": report.tz,
        "generated_at": report.generated_at.isoformat(),
        "total_minutes": report.total_minutes,
        "total_hours": hours(report.total_minutes),
        "sessions": report.sessions,
        "days_studied": report.days_studied,
        "started": [topic_dict(t) for t in report.started],
        "completed": [topic_dict(t) for t in report.completed],
        "skipped": [topic_dict(t) for t in report.skipped],
        "in_progress": [topic_dict(t) for t in report.in_progress],
        "streak": {
            "days": report.streak.days,
            "end": report.streak.end.isoformat() if report.streak.end else None,
        },
        "goal": (
            {"hours": report.goal.hours, "minutes": report.goal.minutes, "met": report.goal.met}
            if report.goal
            else None
        ),
        "by_day": [
            {"date": d.date.isoformat(), "weekday": WEEKDAYS[d.date.weekday()], "minutes": d.minutes,
             "sessions": d.sessions}
            for d in report.by_day
        ],
        "by_layer": [bucket_dict(b) for b in report.by_layer],
        "by_subject": [bucket_dict(b) for b in report.by_subject],
        "minutes_without_exam": report.minutes_without_exam,
        "notes": [note_dict(n) for n in report.notes],
        "coverage": coverage_dict(report.coverage),
        "plan": report.plan,
        "events": [event_dict(e) for e in report.events],
    }


def topic_dict(topic: TopicItem) -> dict[str, Any]:
    return {
        "id": topic.id,
        "title": topic.title,
        "title_zh": topic.title_zh,
        "layer": topic.layer,
        "hours": topic.hours,
        "minutes": topic.minutes,
        "week_minutes": topic.week_minutes,
        "at": topic.at.isoformat() if topic.at else None,
    }


def bucket_dict(bucket: Bucket) -> dict[str, Any]:
    return {"id": bucket.id, "title": bucket.title, "title_zh": bucket.title_zh, "minutes": bucket.minutes}


def note_dict(note: Note) -> dict[str, Any]:
    return {
        "date": note.date.isoformat(),
        "at": note.at.isoformat(),
        "topic": note.topic,
        "title": note.title,
        "title_zh": note.title_zh,
        "kind": note.kind,
        "text": note.text,
    }


def coverage_dict(coverage: Coverage) -> dict[str, Any]:
    return {
        "total": coverage.total,
        "touched": coverage.touched,
        "new": coverage.new,
        "new_points": [
            {"id": p.id, "subject": p.subject, "title": p.title, "title_zh": p.title_zh}
            for p in coverage.new_points
        ],
        "subjects": [
            {"id": s.id, "title": s.title, "title_zh": s.title_zh, "parent": s.parent, "total": s.total,
             "touched": s.touched, "new": s.new}
            for s in coverage.subjects
        ],
    }


def event_dict(event: ReportEvent) -> dict[str, Any]:
    """Shaped like `history --json`, with the topic's titles added."""
    return {
        "topic": event.topic,
        "title": event.title,
        "title_zh": event.title_zh,
        "kind": event.kind,
        "at": event.at.isoformat(),
        "minutes": event.minutes,
        "note": event.note,
    }
