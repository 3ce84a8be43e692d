"""What to study next: a score per topic, a weighted sum of named terms in 0..1, in the spirit
of Taskwarrior's urgency. Pure: the roadmap, the states, the weights and `today` come in; no
database, no clock, no Typer.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING

from infra_roadmap import graph
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Topic
from infra_roadmap.i18n import name, plural, say
from infra_roadmap.progress.events import TODO, TopicState, finished_ids
from infra_roadmap.settings import Settings
from infra_roadmap.vocab import FINISHED, TERMS

if TYPE_CHECKING:
    from infra_roadmap.progress.review import Recall

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
    frequency: float = 3.0
    review: float = 10.0
    infra: float = 3.0
    unlocks: float = 3.0
    in_progress: float = 5.0
    foundation: float = 2.0
    direction: float = 2.0
    effort: float = 1.0


PRESETS: dict[str, Weights] = {
    "balanced": Weights(),
    "exam": Weights(
        exam=10.0,
        proximity=6.0,
        frequency=5.0,
        review=12.0,
        infra=0.5,
        unlocks=2.0,
        foundation=3.0,
        direction=0.5,
    ),
    "infra": Weights(
        exam=1.0,
        proximity=0.5,
        frequency=0.5,
        review=6.0,
        infra=8.0,
        unlocks=3.0,
        foundation=1.0,
        direction=5.0,
        effort=1.5,
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
    retention: float = 0.9
    review_minutes: int = 20
    # Set for text that is published (the weekly report): reasons then give absolute local dates
    # ('since 2026-11-28'), never 'since Sat' or 'today', which a blog post read later gets wrong.
    dates_in: tzinfo | None = None


@dataclass(eq=False)
class Score:
    topic: Topic
    total: float
    values: dict[str, float]  # each term's value, 0..1
    contributions: dict[str, float]  # value × weight
    unlocks: int = 0  # unfinished topics it opens, transitively
    reasons: list[str] = field(default_factory=list)
    review: Recall | None = None  # set when the topic is here as a review that is due


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


def review_value(recall_now: float, retention: float, days_left: int) -> float:
    """How pressing a due review is, 0..1: 0.5 at the moment recall falls to the desired
    retention, rising towards 1 as the topic is forgotten, and weighted up as the exam nears."""
    forgetting = (1 - recall_now) / max(1e-9, (1 - recall_now) + (1 - retention))
    return forgetting * (0.6 + 0.4 * proximity_ramp(days_left))


def frequency_value(roadmap: Roadmap, topic: Topic) -> float:
    """How often and how recently past papers examined what the topic teaches, 0..1: the most
    examined of its points (`Roadmap.point_frequency`), scaled by how much the link teaches it."""
    per_point = roadmap.point_frequency
    return max((per_point.get(link.point, 0.0) * link.weight / 3 for link in topic.exam), default=0.0)


def term_values(
    roadmap: Roadmap,
    topic: Topic,
    state: TopicState,
    unlocks: int,
    open_total: int,
    context: Context,
    recall: Recall | None = None,
) -> dict[str, float]:
    """Each term's value, 0..1. A topic here for its review (`recall`) opens nothing new and takes
    the time of a review, not of the topic."""
    exam = 1.0 - math.exp(-exam_marks(roadmap, topic) / EXAM_SCALE)
    days_left = (context.exam_date - context.today).days
    direction = 1.0 if context.direction is not None and context.direction in topic.directions else 0.0
    hours = context.review_minutes / 60 if recall is not None else topic.hours
    return {
        "exam": exam,
        "proximity": exam * proximity_ramp(days_left),
        "frequency": frequency_value(roadmap, topic),
        "review": review_value(recall.now, context.retention, days_left) if recall is not None else 0.0,
        "infra": infra_value(topic),
        "unlocks": math.log1p(unlocks) / math.log1p(open_total) if open_total > 0 and recall is None else 0.0,
        "in_progress": 1.0 if state.status == "in_progress" else 0.0,
        "foundation": LEVEL_VALUE[topic.level],
        "direction": direction,
        "effort": 1.0 / (1.0 + hours / EFFORT_SCALE),
    }


# ---- ranking ---------------------------------------------------------------------------------


def candidates(roadmap: Roadmap, states: Mapping[str, TopicState], due: Collection[str] = ()) -> list[Topic]:
    """Topics not finished whose prerequisites are all finished, every topic in progress, and
    the finished topics whose review is `due`."""
    finished = finished_ids(states)
    busy = {tid for tid, state in states.items() if state.status == "in_progress"}
    return [
        topic
        for tid, topic in roadmap.topics.items()
        if tid in busy
        or (tid not in finished and finished.issuperset(topic.requires))
        or (tid in due and tid in finished)
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
    reviews: Mapping[str, Recall] | None = None,
    explain: bool = True,
) -> list[Score]:
    """Scores, best first; ties broken by id so the same data always gives the same list.

    `counts` are the unlock counts (`unlock_counts`), when the caller has them already; `reviews`
    the due reviews of finished topics; without `explain` only the totals are kept, no reasons and
    no terms (a long path or a plan orders by them and shows none)."""
    topics = list(topics)
    open_total = len(roadmap.topics.keys() - finished_ids(states))
    unlocks = counts if counts is not None else unlock_counts(roadmap, states)
    scores = []
    weighted = [(name, getattr(weights, name)) for name in TERMS]
    for topic in topics:
        state = states.get(topic.id, TODO)
        recall = reviews.get(topic.id) if reviews and state.status in FINISHED else None
        opened = unlocks.get(topic.id, 0) if recall is None else 0
        values = term_values(roadmap, topic, state, opened, open_total, context, recall)
        if explain:
            contributions: dict[str, float] = {name: values[name] * weight for name, weight in weighted}
            score = Score(topic, sum(contributions.values()), values, contributions, opened, review=recall)
            score.reasons = reasons(roadmap, score, state, context, lang)
        else:  # only the order is wanted (a path, a plan): keep the total, not the terms
            total = sum(values[name] * weight for name, weight in weighted)
            score = Score(topic, total, {}, {}, opened, review=recall)
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
    reviews: Mapping[str, Recall] | None = None,
) -> list[Score]:
    """The candidates (with the due reviews), scored and sorted; `keep` narrows them first."""
    chosen = [t for t in candidates(roadmap, states, reviews or ()) if keep is None or keep(t)]
    return score_topics(roadmap, chosen, states, weights, context, lang=lang, counts=counts, reviews=reviews)


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


def examined_years(years: Sequence[int], lang: str, shown: int = 3) -> str:
    """'examined in 2025, 2024, 2023 and 5 earlier papers' (newest first)."""
    latest = say("screen.units.sep", lang).join(str(y) for y in years[:shown])
    if len(years) > shown:
        latest = plural("screen.next.earlier", lang, len(years) - shown, years=latest)
    return say("reason.examined", lang, years=latest)


def reasons(
    roadmap: Roadmap, score: Score, state: TopicState, context: Context, lang: str = "both"
) -> list[str]:
    found: list[str] = []
    days_left = (context.exam_date - context.today).days
    if score.review is not None:
        now = f"{score.review.now:.0%}"
        if score.review.at_exam is not None:
            found.append(say("reason.review_due", lang, now=now, exam=f"{score.review.at_exam:.0%}"))
        else:
            found.append(say("reason.review_due_after_exam", lang, now=now))
        if score.review.last_by in roadmap.topics:
            found.append(say("reason.credit", lang, topic=score.review.last_by))
    elif state.status == "in_progress":
        since = _when(state.since, context, lang) if state.since else None
        found.append(
            say("reason.in_progress_since", lang, when=since) if since else say("reason.in_progress", lang)
        )
    found.extend(exam_reasons(roadmap, score.topic, lang)[: 2 if score.review is None else 1])
    years = _best_examined(roadmap, score.topic)
    if years:
        found.append(examined_years(years, lang))
    if score.values["exam"] > 0 and 0 <= days_left <= 60:
        found.append(
            plural("screen.next.reason_exam_in", lang, days_left)
            if days_left
            else say("reason.exam_today", lang)
        )
    if score.unlocks:
        key = "reason.unlocks.one" if score.unlocks == 1 else "reason.unlocks.many"
        found.append(say(key, lang, count=score.unlocks))
    if score.values["direction"] == 1.0 and context.direction:
        found.append(say("reason.direction", lang, direction=name("direction", context.direction, lang)))
    if not found:
        found.append(
            say(
                "reason.fallback",
                lang,
                level=name("level", score.topic.level, lang),
                hours=f"{score.topic.hours:g}",
            )
        )
    return found


def _best_examined(roadmap: Roadmap, topic: Topic) -> list[int]:
    """The past-paper years of the most examined point a topic teaches (weight 2 or 3)."""
    best: list[int] = []
    for link in topic.exam:
        point = roadmap.points.get(link.point)
        if point is not None and link.weight >= 2 and len(point.examined) > len(best):
            best = sorted((e.year for e in point.examined), reverse=True)
    return best


def _when(moment: datetime, context: Context, lang: str) -> str:
    if context.dates_in is not None:
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # the log stores UTC
        return aware.astimezone(context.dates_in).date().isoformat()
    day = moment.date()
    delta = (context.today - day).days
    if delta <= 0:
        return say("today", lang)
    if delta < 7:
        return say(f"weekday.{day.weekday()}", lang)
    return day.isoformat()


def inputs(
    settings: Settings, today: date, *, focus: str | None = None, direction: str | None = None
) -> tuple[Weights, Context]:
    """Weights and context from the settings in force, with command-line overrides."""
    weights = weights_for(focus or settings.focus, settings.weights)
    chosen = direction if direction is not None else settings.direction
    context = Context(
        today=today,
        exam_date=settings.exam_date,
        direction=chosen or None,
        retention=settings.retention,
        review_minutes=settings.review_minutes,
    )
    return weights, context
