"""Every JSON shape the commands print, in one place (SPEC.md fixes the key names; a contract
test holds them). Pure: records, states and report data in, plain dicts out; also the input of
the terminal renderers, so what a script reads and what a person sees cannot disagree. The weekly
report's shape is in `shapes.report` (re-exported here as `weekly_report`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from infra_roadmap import graph
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Resource, Topic
from infra_roadmap.progress.events import TODO, TopicState
from infra_roadmap.shapes.report import weekly_report as weekly_report  # one place: the package
from infra_roadmap.store.event import Event

if TYPE_CHECKING:
    from infra_roadmap.plan import Dropped
    from infra_roadmap.plan import Plan as StudyPlan
    from infra_roadmap.progress.actions import Change
    from infra_roadmap.progress.review import Recall
    from infra_roadmap.ranking import Score
    from infra_roadmap.store.read import Clock

States = Mapping[str, TopicState]


def state_of(states: States, topic_id: str) -> TopicState:
    return states.get(topic_id, TODO)


# ---- browsing --------------------------------------------------------------------------------


def topic_row(roadmap: Roadmap, topic: Topic, states: States) -> dict[str, Any]:
    """`list` and `tree` items."""
    state = state_of(states, topic.id)
    return {
        "id": topic.id,
        "title": topic.title,
        "title_zh": topic.title_zh,
        "layer": topic.layer,
        "status": state.status,
        "hours": topic.hours,
        "level": topic.level,
        "minutes": state.minutes,
        "exam": sorted({link.point.rsplit(".", 1)[0] for link in topic.exam}),
    }


def resource(r: Resource) -> dict[str, Any]:
    return {k: v for k, v in r._asdict().items() if v is not None}


def resource_detail(roadmap: Roadmap, r: Resource) -> dict[str, Any]:
    """`show RESOURCE`: the resource and the topics that cite it."""
    cited = [topic_name(t) for t in roadmap.topics.values() if r.id in t.resources]
    return {**resource(r), "cited_by": cited}


def topic_detail(
    roadmap: Roadmap, topic: Topic, states: States, *, every_unlock: bool = False
) -> dict[str, Any]:
    """`show`; with `every_unlock` (`show --all`), also `unlocks_all`: every topic it unlocks,
    direct or not, in study order."""
    state = state_of(states, topic.id)

    def brief(tid: str) -> dict[str, Any]:
        other = roadmap.topics[tid]
        return {
            "id": tid,
            "title": other.title,
            "title_zh": other.title_zh,
            "status": state_of(states, tid).status,
        }

    layer = roadmap.layers.get(topic.layer)
    direct = roadmap.unlocks.get(topic.id, [])
    everything = graph.descendants(topic.id, roadmap.unlocks)
    exam = []
    for link in sorted(topic.exam, key=lambda x: (-x.weight, x.point)):
        point = roadmap.points.get(link.point)
        subject = roadmap.subject_of(link.point)
        exam.append(
            {
                "point": link.point,
                "weight": link.weight,
                "why": link.why,
                "title": point.title if point else link.point,
                "title_zh": point.title_zh if point else link.point,
                "subject": subject.id if subject else None,
                "subject_title": subject.title if subject else None,
                "subject_title_zh": subject.title_zh if subject else None,
                "examined": sorted({e.year for e in point.examined}, reverse=True) if point else [],
            }
        )
    shape: dict[str, Any] = {
        "id": topic.id,
        "title": topic.title,
        "title_zh": topic.title_zh,
        "layer": topic.layer,
        "layer_title": layer.title if layer else topic.layer,
        "layer_title_zh": layer.title_zh if layer else topic.layer,
        "disciplines": list(topic.disciplines),
        "disciplines_named": [
            {"id": d, "title": found.title, "title_zh": found.title_zh}
            for d in topic.disciplines
            if (found := roadmap.disciplines.get(d)) is not None
        ],
        "summary": topic.summary,
        "hours": topic.hours,
        "level": topic.level,
        "directions": list(topic.directions),
        "aliases": list(topic.aliases),
        "status": state.status,
        "minutes": state.minutes,
        "requires": [brief(t) for t in topic.requires if t in roadmap.topics],
        "unlocks": [brief(t) for t in direct],
        "unlocks_total": len(everything),
        "resources": [resource(roadmap.resources[r]) for r in topic.resources if r in roadmap.resources],
        "exam": exam,
    }
    if every_unlock:
        shape["unlocks_all"] = [brief(t) for t in roadmap.study_order() if t in everything]
    return shape


def tree(roadmap: Roadmap, states: States, topics: Sequence[Topic]) -> list[dict[str, Any]]:
    """`tree`: layers in order, each with its topics in study order."""
    by_layer: dict[str, list[dict[str, Any]]] = {}
    for topic in topics:
        by_layer.setdefault(topic.layer, []).append(topic_row(roadmap, topic, states))
    layers = sorted(roadmap.layers.values(), key=lambda x: (x.order, x.id))
    return [
        {"id": x.id, "title": x.title, "title_zh": x.title_zh, "summary": x.summary, "topics": by_layer[x.id]}
        for x in layers
        if x.id in by_layer
    ]


# ---- what next -------------------------------------------------------------------------------


def next_item(score: Score, states: States) -> dict[str, Any]:
    """`next` items (and the report's plan)."""
    topic = score.topic
    return {
        "id": topic.id,
        "title": topic.title,
        "title_zh": topic.title_zh,
        "layer": topic.layer,
        "hours": topic.hours,
        "status": state_of(states, topic.id).status,
        "kind": "review" if score.review is not None else "study",
        "score": round(score.total, 4),
        "reasons": score.reasons,
        "terms": {name: round(value, 4) for name, value in score.contributions.items()},
        "values": {name: round(value, 4) for name, value in score.values.items()},
        "unlocks": score.unlocks,
        "review": (
            None
            if score.review is None
            else {
                "due": score.review.due.isoformat(),
                "recall_now": round(score.review.now, 4),
                "recall_at_exam": None if score.review.at_exam is None else round(score.review.at_exam, 4),
                "reviews": score.review.reviews,
            }
        ),
    }


def path(goal: Topic, steps: Sequence[Score], states: States) -> dict[str, Any]:
    """`path`: the target, the total hours and the steps in study order."""
    return {
        "target": goal.id,
        "title": goal.title,
        "title_zh": goal.title_zh,
        "hours": sum(st.topic.hours for st in steps),
        "steps": [
            {
                "id": st.topic.id,
                "title": st.topic.title,
                "title_zh": st.topic.title_zh,
                "layer": st.topic.layer,
                "hours": st.topic.hours,
                "status": state_of(states, st.topic.id).status,
                "score": round(st.total, 4),
            }
            for st in steps
        ],
    }


def review_item(roadmap: Roadmap, r: Recall) -> dict[str, Any]:
    """`review` items."""
    topic = roadmap.topics.get(r.topic)
    return {
        "id": r.topic,
        "title": topic.title if topic else r.topic,
        "title_zh": topic.title_zh if topic else r.topic,
        "due": r.due.isoformat(),
        "recall_now": round(r.now, 4),
        "recall_at_exam": round(r.at_exam, 4) if r.at_exam is not None else None,
        "reviews": r.reviews,
        "last_by": r.last_by,
    }


# ---- the log ---------------------------------------------------------------------------------


def clock(c: Clock | None, now: datetime) -> dict[str, Any] | None:
    """The running study clock (`status --json`): topic, since and whole minutes so far."""
    if c is None:
        return None
    from infra_roadmap.progress.clock import whole_minutes

    return {
        "topic": c.topic,
        "since": c.since.isoformat(),
        "minutes": whole_minutes(c.since, now),
        "note": c.note,
    }


def topic_name(topic: Topic) -> dict[str, Any]:
    return {"id": topic.id, "title": topic.title, "title_zh": topic.title_zh}


def change(c: Change) -> dict[str, Any]:
    """A state command's change to one topic."""
    return {
        **topic_name(c.topic),
        "kind": c.kind,
        "before": c.before,
        "after": c.after,
        "recorded": c.recorded,
        "clock_minutes": c.clock_minutes,
    }


def history_event(e: Event) -> dict[str, Any]:
    """`history` items."""
    return e.as_json()


# ---- the plan --------------------------------------------------------------------------------


def plan(p: StudyPlan, roadmap: Roadmap, projection: Mapping[str, float]) -> dict[str, Any]:
    """`plan --json`: the verdict, then each week with its items (one per topic and kind, in the
    order the week takes them up), then what did not fit and what to drop."""

    def dropped(items: Sequence[Dropped]) -> list[dict[str, Any]]:
        return [
            {"id": d.topic, "minutes": d.minutes, "exam_value_per_hour": d.exam_value_per_hour} for d in items
        ]

    weeks = []
    for week in p.weeks:
        items: dict[tuple[str, str], dict[str, Any]] = {}
        for block in week.blocks:
            item = items.setdefault(
                (block.topic, block.kind), {"id": block.topic, "minutes": 0, "kind": block.kind, "days": []}
            )
            item["minutes"] += block.minutes
            item["days"].append(block.day.isoformat())
        weeks.append(
            {
                "week": week.label,
                "start": week.start.isoformat(),
                "end": week.end.isoformat(),
                "capacity_minutes": week.capacity,
                "review_minutes": week.review_minutes,
                "study_minutes": week.study_minutes,
                "items": list(items.values()),
            }
        )
    return {
        "start": p.start.isoformat(),
        "until": p.until.isoformat(),
        "target": p.target,
        "fits": p.fits,
        "capacity_minutes": p.capacity,
        "planned_minutes": p.used,
        "slack_minutes": p.slack_minutes,
        "pace_minutes_per_week": p.pace_minutes_per_week,
        "pace_projection": dict(projection),
        "finished": [{"id": tid, "on": day.isoformat()} for tid, day in p.finished_on.items()],
        "weeks": weeks,
        "unscheduled": dropped(p.unscheduled),
        "drop": dropped(p.drop),
    }
