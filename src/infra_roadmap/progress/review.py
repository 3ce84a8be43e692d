"""Spaced review: when each finished topic should come back, computed by FSRS from the log.

Pure: events in, one card per finished topic out; `now` and the exam day are arguments. The
schedule is a fold of the log, never a second truth: a topic that becomes done gets its first
review from that event (rated good; skipped, "I know it", rated easy), each `review` event moves
it on with its rating, and a topic that leaves done or skipped (reset, start) drops its card.

Partial credit (the idea of Math Academy's FIRe): studying a topic (time logged on it) or reviewing
it exercises its prerequisites, so each direct prerequisite that is finished and due at that
moment gets a review rated good then; it is then no longer due, so the credit is given once.

FSRS (the `fsrs` package, FSRS-6) runs without learning steps, since a topic is not a flashcard,
without fuzzing, so the same log always gives the same schedule, and with the desired retention
from the `retention` setting. Events are applied in the order they happened (then recorded).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from infra_roadmap.vocab import RATINGS

if TYPE_CHECKING:
    from fsrs import Scheduler

RATING_VALUE = {name: i for i, name in enumerate(RATINGS, start=1)}  # again 1 .. easy 4
FIRST_RATING = {"done": RATING_VALUE["good"], "skip": RATING_VALUE["easy"]}
GOOD = RATING_VALUE["good"]


class Card(NamedTuple):
    """A topic's FSRS memory state and what gave it its last review."""

    state: int  # fsrs.State
    stability: float
    difficulty: float
    due: datetime
    last_review: datetime
    reviews: int  # reviews applied so far: the first, each rated review, each partial credit
    last_by: str  # 'done', 'skip', 'review', or the id of the topic whose study gave credit


class Recall(NamedTuple):
    """A scheduled topic as `review` lists it."""

    topic: str
    due: datetime
    now: float  # the probability of recalling it now, 0..1
    at_exam: float | None  # ... on exam day (None once the exam is past)
    reviews: int
    last_by: str


@cache
def scheduler(retention: float) -> Scheduler:
    from fsrs import Scheduler

    return Scheduler(
        desired_retention=retention, learning_steps=(), relearning_steps=(), enable_fuzzing=False
    )


def reviewed(card: Card | None, rating: int, at: datetime, retention: float, by: str) -> Card:
    from fsrs import Card as FsrsCard
    from fsrs import Rating, State

    before = (
        FsrsCard(card_id=1)
        if card is None
        else FsrsCard(
            card_id=1,
            state=State(card.state),
            step=None,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
        )
    )
    after, _log = scheduler(retention).review_card(before, Rating(rating), at.astimezone(UTC))
    # A reviewed card always has these (FSRS types them optional for a card never reviewed).
    assert after.stability is not None and after.difficulty is not None and after.last_review is not None
    return Card(
        int(after.state),
        after.stability,
        after.difficulty,
        after.due,
        after.last_review,
        (card.reviews if card else 0) + 1,
        by,
    )


class Schedule:
    """Cards folded from events, one `apply` at a time in the order they happened."""

    def __init__(
        self,
        requires: Mapping[str, Sequence[str]],
        retention: float,
        cards: dict[str, Card] | None = None,
        latest: datetime | None = None,
    ):
        self.requires = requires
        self.retention = retention
        self.cards: dict[str, Card] = dict(cards or {})
        self.latest = latest  # the moment of the last event applied

    def apply(self, topic: str, kind: str, at: datetime, rating: int | None = None) -> set[str]:
        """Fold one event in; the topics whose card it changed."""
        if self.latest is None or at > self.latest:
            self.latest = at
        changed: set[str] = set()
        if kind in FIRST_RATING:
            if topic not in self.cards:
                self.cards[topic] = reviewed(None, FIRST_RATING[kind], at, self.retention, kind)
                changed.add(topic)
        elif kind in ("reset", "start"):
            if self.cards.pop(topic, None) is not None:
                changed.add(topic)
        elif kind == "review" and rating is not None and topic in self.cards:
            self.cards[topic] = reviewed(self.cards[topic], rating, at, self.retention, "review")
            changed.add(topic)
        if kind in ("log", "review"):
            for prereq in self.requires.get(topic, ()):
                card = self.cards.get(prereq)
                if card is not None and card.due <= at:
                    self.cards[prereq] = reviewed(card, GOOD, at, self.retention, topic)
                    changed.add(prereq)
        return changed


def fold(
    rows: Iterable[tuple[str, str, datetime, int | None]],
    requires: Mapping[str, Sequence[str]],
    retention: float,
    canonical: Mapping[str, str] | None = None,
) -> Schedule:
    """The schedule from (topic, kind, at, rating) rows in the order they happened."""
    schedule = Schedule(requires, retention)
    for topic, kind, at, rating in rows:
        schedule.apply(canonical.get(topic, topic) if canonical else topic, kind, at, rating)
    return schedule


def recall(card: Card, moment: datetime, retention: float) -> float:
    """The probability of recalling the topic at `moment` (FSRS's forgetting curve)."""
    from fsrs import Card as FsrsCard
    from fsrs import State

    fsrs_card = FsrsCard(
        card_id=1,
        state=State(card.state),
        step=None,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )
    return float(scheduler(retention).get_card_retrievability(fsrs_card, moment.astimezone(UTC)))


def recalls(
    cards: Mapping[str, Card], now: datetime, exam: datetime, retention: float, *, due_only: bool = True
) -> list[Recall]:
    """The cards due at `now` (or all of them), lowest recall first, then by id."""
    found = [
        Recall(
            tid,
            card.due,
            recall(card, now, retention),
            recall(card, exam, retention) if exam > now else None,
            card.reviews,
            card.last_by,
        )
        for tid, card in cards.items()
        if not due_only or card.due <= now
    ]
    return sorted(found, key=lambda r: (r.now, r.topic))


def plain(schedule: Schedule) -> dict[str, Any]:
    """The schedule as plain data (what the cache keeps)."""
    return {
        "latest": schedule.latest.isoformat() if schedule.latest else None,
        "cards": {
            tid: (
                c.state,
                c.stability,
                c.difficulty,
                c.due.isoformat(),
                c.last_review.isoformat(),
                c.reviews,
                c.last_by,
            )
            for tid, c in schedule.cards.items()
        },
    }


def from_plain(stored: Any, requires: Mapping[str, Sequence[str]], retention: float) -> Schedule | None:
    try:
        parse = datetime.fromisoformat
        cards = {
            tid: Card(state, stability, difficulty, parse(due), parse(last), reviews, by)
            for tid, (state, stability, difficulty, due, last, reviews, by) in stored["cards"].items()
        }
        latest = parse(stored["latest"]) if stored["latest"] else None
        return Schedule(requires, retention, cards, latest)
    except (KeyError, TypeError, ValueError):
        return None
