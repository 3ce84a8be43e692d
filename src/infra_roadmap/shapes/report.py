"""The JSON shape of the weekly report (`report --format json`), part of `shapes`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from infra_roadmap.vocab import WEEKDAYS

if TYPE_CHECKING:
    from infra_roadmap.reports.model import WeeklyReport


def weekly_report(report: WeeklyReport) -> dict[str, Any]:
    """`report --format json`: the keys SPEC.md fixes (week, start, end, total_minutes, sessions,
    completed, by_day, plan) and everything else the Markdown report shows; datetimes as ISO 8601
    with their local offset."""
    from infra_roadmap.reports.text import hours

    def topic_item(t: Any) -> dict[str, Any]:
        return {
            "id": t.id,
            "title": t.title,
            "title_zh": t.title_zh,
            "layer": t.layer,
            "hours": t.hours,
            "minutes": t.minutes,
            "week_minutes": t.week_minutes,
            "at": t.at.isoformat() if t.at else None,
        }

    def bucket(b: Any) -> dict[str, Any]:
        return {"id": b.id, "title": b.title, "title_zh": b.title_zh, "minutes": b.minutes}

    c = report.coverage
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
        "started": [topic_item(t) for t in report.started],
        "completed": [topic_item(t) for t in report.completed],
        "skipped": [topic_item(t) for t in report.skipped],
        "in_progress": [topic_item(t) for t in report.in_progress],
        "streak": {
            "days": report.streak.days,
            "end": report.streak.end.isoformat() if report.streak.end else None,
        },
        "goal": (
            {
                "hours": report.goal.hours,
                "minutes": report.goal.minutes,
                "met": report.goal.met,
                "finished": report.goal.finished,
                "expected_minutes": report.goal.expected_minutes,
                "status": report.goal.status,
            }
            if report.goal
            else None
        ),
        "by_day": [
            {
                "date": d.date.isoformat(),
                "weekday": WEEKDAYS[d.date.weekday()],
                "minutes": d.minutes,
                "sessions": d.sessions,
            }
            for d in report.by_day
        ],
        "by_layer": [bucket(b) for b in report.by_layer],
        "by_subject": [bucket(b) for b in report.by_subject],
        "minutes_without_exam": report.minutes_without_exam,
        "notes": [
            {
                "date": n.date.isoformat(),
                "at": n.at.isoformat(),
                "topic": n.topic,
                "title": n.title,
                "title_zh": n.title_zh,
                "kind": n.kind,
                "text": n.text,
            }
            for n in report.notes
        ],
        "coverage": {
            "total": c.total,
            "touched": c.touched,
            "new": c.new,
            "covered": c.covered,
            "new_covered": c.new_covered,
            "new_points": [
                {"id": p.id, "subject": p.subject, "title": p.title, "title_zh": p.title_zh}
                for p in c.new_points
            ],
            "subjects": [
                {
                    "id": s.id,
                    "title": s.title,
                    "title_zh": s.title_zh,
                    "parent": s.parent,
                    "total": s.total,
                    "touched": s.touched,
                    "new": s.new,
                    "covered": s.covered,
                }
                for s in c.subjects
            ],
        },
        "plan": report.plan,
        "events": [
            {
                "topic": e.topic,
                "title": e.title,
                "title_zh": e.title_zh,
                "kind": e.kind,
                "at": e.at.isoformat(),
                "minutes": e.minutes,
                "note": e.note,
            }
            for e in report.events
        ],
    }
