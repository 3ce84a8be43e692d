"""What to study next: a score per topic, a weighted sum of named terms in 0..1, in the spirit
of Taskwarrior's urgency. Pure: the roadmap, the states, the weights and `today` come in; no
database, no clock, no Typer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date

from infra_roadmap import graph
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Topic
from infra_roadmap.progress.events import TODO, TopicState, finished_ids
from infra_roadmap.settings import Settings
from infra_roadmap.vocab import FINISHED, TERMS, WEEKDAYS

LEVEL_VALUE = {"foundation": 1.0, "core": 2 / 3, "advanced": 1 / 3, "frontier": 0.0}
EXAM_SCALE = 6.0  # marks of syllabus touched at which the exam term reaches 1 - 1/e
EFFORT_SCALE = 10.0  # hours at which the effort term is 0.5


@dataclass(frozen=True, eq=False)  # weights compare by value nowhere; eq would cost start-up time
class Weights:
    """How much each term counts. Defaults are the balanced preset.

    A frozen dataclass rather than a pydantic model: `next` is on the hot path and importing
    pydantic alone costs more than the whole ranking; values are checked where they enter
    (`config.parse`).
    """

    exam: float = 6.0
    proximity: float = 4.0
    infra: float = 3.0
    unlocks: float = 3.0
    in_progress: float = 5.0
    foundation: float = 2.0
    direction: float = 2.0
    effort: float = 1.0


PRESETS: dict[str, Weights] = {
    "balanced": Weights(),
    "exam": Weights(exam=10.0, proximity=6.0, infra=0.5, unlocks=2.0, foundation=3.0, direction=0.5),
    "infra": Weights(
        exam=1.0, proximity=0.5, infra=8.0, unlocks=3.0, foundation=1.0, direction=5.0, effort=1.5
    ),
}


def weights_for(focus: str, overrides: Mapping[str, float] | None = None) -> Weights:
    """The preset for `focus`, with single terms overridden (config `weight.<term>`)."""
    base = PRESETS[focus]
    known = {f.name for f in fields(Weights)}
    return replace(base, **{k: v for k, v in (overrides or {}).items() if k in known}) if overrides else base


@dataclass(frozen=True, eq=False)
class Context:
    """Everything a score depends on besides the topic."""

    today: date
    exam_date: date
    direction: str | None = None


@dataclass(eq=False)
class Score:
    topic: Topic
    total: float
    values: dict[str, float]  # each term's value, 0..1
    contributions: dict[str, float]  # value × weight
    unlocks: int = 0  # unfinished topics it opens, transitively
    reasons: list[str] = field(default_factory=list)


# ---- terms -----------------------------------------------------------------------------------


def exam_marks(roadmap: Roadmap, topic: Topic) -> float:
    """The exam marks a topic's links touch: each point is worth its part's marks shared among the
    part's points, scaled by how much the link teaches it: all of it for the same concept (3),
    4/9 for a direct application (2), 1/9 for an analogy (1)."""
    per_point = roadmap.marks_per_point
    return sum(per_point.get(link.point, 0.0) * (link.weight / 3) ** 2 for link in topic.exam)


def proximity_ramp(days_left: int) -> float:
    """How close the exam is, 0..1: 1 in the last two weeks, 0.2 a year or more away, linear in
    between (like Taskwarrior's due term); after the exam it fades to 0 within a week."""
    if days_left < 0:
        return max(0.0, 1.0 + days_left / 7)
    if days_left <= 14:
        return 1.0
    if days_left >= 365:
        return 0.2
    return 1.0 - 0.8 * (days_left - 14) / (365 - 14)


def infra_value(topic: Topic) -> float:
    """How much a topic is AI Infra itself: 1 for the stack's layers, 0.5 for a foundation that
    serves an AI Infra direction (ML, NLP, parallel computing...), 0 for pure syllabus study."""
    if topic.layer != "foundations":
        return 1.0
    if topic.directions and not any(link.weight == 3 for link in topic.exam):
        return 0.5
    return 0.0


def term_values(
    roadmap: Roadmap, topic: Topic, state: TopicState, unlocks: int, open_total: int, context: Context
) -> dict[str, float]:
    exam = 1.0 - math.exp(-exam_marks(roadmap, topic) / EXAM_SCALE)
    days_left = (context.exam_date - context.today).days
    if context.direction is None:
        direction = 0.0
    elif context.direction in topic.directions:
        direction = 1.0
    else:
        direction = 0.0
    return {
        "exam": exam,
        "proximity": exam * proximity_ramp(days_left),
        "infra": infra_value(topic),
        "unlocks": math.log1p(unlocks) / math.log1p(open_total) if open_total > 0 else 0.0,
        "in_progress": 1.0 if state.status == "in_progress" else 0.0,
        "foundation": LEVEL_VALUE[topic.level],
        "direction": direction,
        "effort": 1.0 / (1.0 + topic.hours / EFFORT_SCALE),
    }


# ---- ranking ---------------------------------------------------------------------------------


def candidates(roadmap: Roadmap, states: Mapping[str, TopicState]) -> list[Topic]:
    """Topics not finished whose prerequisites are all finished, plus every topic in progress."""
    finished = finished_ids(states)
    busy = {tid for tid, state in states.items() if state.status == "in_progress"}
    return [
        topic
        for tid, topic in roadmap.topics.items()
        if tid in busy or (tid not in finished and finished.issuperset(topic.requires))
    ]


def unlock_counts(roadmap: Roadmap, states: Mapping[str, TopicState]) -> dict[str, int]:
    """For each topic, how many unfinished topics it opens, directly or transitively."""
    unfinished = roadmap.topics.keys() - finished_ids(states)
    return graph.descendant_counts(roadmap.unlocks, unfinished, roadmap.study_order())


def score_topics(
    roadmap: Roadmap,
    topics: Iterable[Topic],
    states: Mapping[str, TopicState],
    weights: Weights,
    context: Context,
    *,
    lang: str = "both",
    counts: Mapping[str, int] | None = None,
    explain: bool = True,
) -> list[Score]:
    """Scores, best first; ties broken by id so the same data always gives the same list.

    `counts` are the unlock counts (`unlock_counts`), when the caller has them already; without
    `explain` the reasons are left out (a long path shows none)."""
    topics = list(topics)
    open_total = len(roadmap.topics.keys() - finished_ids(states))
    unlocks = counts if counts is not None else unlock_counts(roadmap, states)
    scores = []
    for topic in topics:
        state = states.get(topic.id, TODO)
        opened = unlocks.get(topic.id, 0)
        values = term_values(roadmap, topic, state, opened, open_total, context)
        contributions: dict[str, float] = {name: values[name] * getattr(weights, name) for name in TERMS}
        score = Score(topic, sum(contributions.values()), values, contributions, opened)
        if explain:
            score.reasons = reasons(roadmap, score, state, context, lang)
        scores.append(score)
    scores.sort(key=lambda s: (-round(s.total, 9), s.topic.id))
    return scores


def rank(
    roadmap: Roadmap,
    states: Mapping[str, TopicState],
    weights: Weights,
    context: Context,
    *,
    lang: str = "both",
    keep: Callable[[Topic], bool] | None = None,
    counts: Mapping[str, int] | None = None,
) -> list[Score]:
    """The candidates, scored and sorted; `keep` narrows them (filters) before scoring."""
    chosen = [t for t in candidates(roadmap, states) if keep is None or keep(t)]
    return score_topics(roadmap, chosen, states, weights, context, lang=lang, counts=counts)


# ---- reasons ---------------------------------------------------------------------------------

STARS = {1: "★☆☆", 2: "★★☆", 3: "★★★"}


def exam_reasons(roadmap: Roadmap, topic: Topic, lang: str = "both") -> list[str]:
    """One line per exam link, strongest and most valuable first:
    `408 操作系统 · 页式管理 ★★★ — <why>`."""
    per_point = roadmap.marks_per_point
    lines = []
    for link in sorted(topic.exam, key=lambda x: (-x.weight, -per_point.get(x.point, 0), x.point)):
        point = roadmap.points.get(link.point)
        part = roadmap.subject_of(link.point)
        if point is None or part is None:
            continue
        paper = part.id.split(".")[0]
        if lang == "en":
            where = f"{paper} {part.title} · {point.title}"
        else:
            where = f"{paper} {part.title_zh} · {point.title_zh}"
        lines.append(f"{where} {STARS[link.weight]} — {link.why}")
    return lines


def reasons(
    roadmap: Roadmap, score: Score, state: TopicState, context: Context, lang: str = "both"
) -> list[str]:
    found: list[str] = []
    if state.status == "in_progress":
        found.append(
            f"in progress since {_when(state.since, context.today)}" if state.since else "in progress"
        )
    found.extend(exam_reasons(roadmap, score.topic, lang)[:2])
    days_left = (context.exam_date - context.today).days
    if score.values["exam"] > 0 and 0 <= days_left <= 60:
        found.append(f"exam in {days_left} days")
    if score.unlocks:
        found.append(f"unlocks {score.unlocks} topic{'s' if score.unlocks != 1 else ''}")
    if score.values["direction"] == 1.0 and context.direction:
        found.append(f"your direction: {context.direction}")
    if not found:
        found.append(f"{score.topic.level} topic, {score.topic.hours:g}h")
    return found


def _when(moment, today: date) -> str:
    day = moment.date() if hasattr(moment, "date") else moment
    delta = (today - day).days
    if delta <= 0:
        return "today"
    if delta < 7:
        return WEEKDAYS[day.weekday()]
    return day.isoformat()


# ---- paths -----------------------------------------------------------------------------------


def path_to(
    roadmap: Roadmap,
    target: Topic,
    states: Mapping[str, TopicState],
    weights: Weights,
    context: Context,
    *,
    lang: str = "both",
    counts: Mapping[str, int] | None = None,
) -> list[Score]:
    """The unfinished ancestors of `target` and the target itself, prerequisites first; among
    topics ready at the same time, the better score first."""
    needed = graph.ancestors(target.id, roadmap.requires) | {target.id}
    todo = list(needed - finished_ids(states))
    chosen = (roadmap.topics[t] for t in todo)
    scored = {
        s.topic.id: s
        for s in score_topics(
            roadmap, chosen, states, weights, context, lang=lang, counts=counts, explain=False
        )
    }
    keys = {tid: (-round(score.total, 9), tid) for tid, score in scored.items()}
    order = graph.topological_order(roadmap.requires, nodes=todo, key=keys.__getitem__)
    return [scored[tid] for tid in order]


def inputs(
    settings: Settings, today: date, *, focus: str | None = None, direction: str | None = None
) -> tuple[Weights, Context]:
    """Weights and context from the settings in force, with command-line overrides."""
    weights = weights_for(focus or settings.focus, settings.weights)
    chosen = direction if direction is not None else settings.direction
    return weights, Context(today=today, exam_date=settings.exam_date, direction=chosen or None)


def nothing_next(roadmap: Roadmap, states: Mapping[str, TopicState], keep: Callable[[Topic], bool]) -> str:
    """Why `next` has nothing to offer: all finished, or what the rest waits on."""
    wanted = [t for t in roadmap.topics.values() if keep(t)]
    if not wanted:
        return "No topic matches these filters."
    unfinished = [t for t in wanted if states.get(t.id, TODO).status not in FINISHED]
    if not unfinished:
        return "Everything here is done or skipped. Well done!"
    blockers = sorted(
        {r for t in unfinished for r in t.requires if states.get(r, TODO).status not in FINISHED}
    )
    busy = [b for b in blockers if states.get(b, TODO).status == "in_progress"]
    example = unfinished[0]
    head = f"{len(unfinished)} topic(s) here wait on prerequisites"
    if busy:
        head += f", some on topics in progress ({', '.join(busy[:3])})"
    return f"{head}; e.g. try 'roadmap path {example.id}'."
