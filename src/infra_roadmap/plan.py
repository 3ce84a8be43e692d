"""The plan to the exam: what to study on which day, week by week, fitted to the hours a student
has, and honest about what does not fit. Pure: the roadmap, states, schedule, settings, `today`
and the ranking come in; nothing reads the clock or the database.

How a plan is made, day by day from today to the horizon:

1. Each day has its capacity: the `availability` hours of its weekday, else the weekly goal spread
   over seven days (or `--hours` a week, spread the same way).
2. The reviews FSRS expects that day come first (`review-minutes` each): the cards of finished
   topics, and of topics the plan finishes, each reviewed on its due day (rated good, to see
   when it comes back); a review that finds no room waits for the next day with room.
3. The rest of the day goes to topics in `next` order among those whose prerequisites are done or
   finished earlier in the plan, topics in progress first (and before them those whose time is
   all logged), each with its remaining minutes (its estimate minus the time logged on it),
   split across days and weeks when long.

The verdict says whether every topic in scope is finished by the horizon, the slack (capacity
left) or the shortfall (minutes that did not fit), and what the measured pace (hours logged in
the last 28 days) would reach: the share of each exam paper's points covered by the horizon.
When the plan does not fit, `drop` names topics to leave out, lowest exam value per hour first,
never a topic that something kept still needs.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from infra_roadmap import graph
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Topic
from infra_roadmap.progress.events import TODO, TopicState
from infra_roadmap.progress.review import GOOD, Card, reviewed
from infra_roadmap.ranking import exam_marks
from infra_roadmap.settings import DAYS, Settings
from infra_roadmap.vocab import FINISHED

LONGEST_DAYS = 2 * 366  # a plan to a target ends when it is reached, or after two years
PACE_DAYS = 28  # the measured pace looks this far back
DEFAULT_WEEKS = 12  # the horizon once the exam is past


@dataclass(frozen=True)
class Block:
    day: date
    topic: str
    minutes: int
    kind: str  # 'study' or 'review'


@dataclass(frozen=True)
class Week:
    label: str  # '2026-W49'
    start: date  # its first day inside the plan
    end: date  # its last day inside the plan
    capacity: int  # minutes
    blocks: list[Block]

    @property
    def review_minutes(self) -> int:
        return sum(b.minutes for b in self.blocks if b.kind == "review")

    @property
    def study_minutes(self) -> int:
        return sum(b.minutes for b in self.blocks if b.kind == "study")


@dataclass(frozen=True)
class Dropped:
    topic: str
    minutes: int  # what is left of it
    exam_value_per_hour: float  # exam marks its links touch, per remaining hour


@dataclass
class Plan:
    start: date
    until: date  # the last day planned
    weeks: list[Week]
    scope: list[str]  # the topics the plan means to finish, in the order it takes them up
    finished_on: dict[str, date]  # topic -> the day the plan finishes it
    left: dict[str, int]  # topic -> minutes that did not fit
    capacity: int  # minutes, over the whole plan
    used: int  # minutes planned
    pace_minutes_per_week: int = 0
    drop: list[Dropped] = field(default_factory=list)
    unscheduled: list[Dropped] = field(default_factory=list)
    target: str | None = None

    @property
    def fits(self) -> bool:
        return not self.left

    @property
    def slack_minutes(self) -> int:
        """Capacity left over when it fits; minus the minutes that did not fit otherwise."""
        return self.capacity - self.used if self.fits else -sum(self.left.values())


def daily_capacity(settings: Settings, hours_per_week: float | None = None) -> dict[int, int]:
    """Minutes per weekday (0 Monday .. 6 Sunday)."""
    if hours_per_week is not None:
        return dict.fromkeys(range(7), round(hours_per_week * 60 / 7))
    if settings.availability is not None:
        return {i: round(settings.availability.get(day, 0.0) * 60) for i, day in enumerate(DAYS)}
    return dict.fromkeys(range(7), round(settings.weekly_goal_hours * 60 / 7))


def remaining_minutes(topic: Topic, state: TopicState) -> int:
    """What is left of a topic: its estimate minus the time logged on it (never below zero)."""
    return max(0, round(topic.hours * 60) - state.minutes)


def scope_of(roadmap: Roadmap, states: Mapping[str, TopicState], target: Topic | None) -> set[str]:
    """The unfinished topics a plan means to finish: all, or the target and what it needs."""
    wanted = (
        set(roadmap.topics) if target is None else graph.ancestors(target.id, roadmap.requires) | {target.id}
    )
    return {tid for tid in wanted if states.get(tid, TODO).status not in FINISHED}


def make_plan(
    roadmap: Roadmap,
    states: Mapping[str, TopicState],
    cards: Mapping[str, Card],
    settings: Settings,
    *,
    today: date,
    until: date,
    priority: Mapping[str, float],
    tz: tzinfo,
    hours_per_week: float | None = None,
    target: Topic | None = None,
    with_drop: bool = True,
) -> Plan:
    """The plan from `today` to `until` (inclusive); with `target`, only what it needs, ending
    when it is reached. `priority` is each topic's `next` score (higher first)."""
    capacity = daily_capacity(settings, hours_per_week)
    review_minutes = settings.review_minutes
    scope = scope_of(roadmap, states, target)
    left = {tid: remaining_minutes(roadmap.topics[tid], states.get(tid, TODO)) for tid in scope}
    finished_ids = {tid for tid, state in states.items() if state.status in FINISHED}
    # What each topic still waits on, inside the scope.
    waiting = {
        tid: {r for r in roadmap.requires.get(tid, ()) if r not in finished_ids and r in scope}
        for tid in scope
    }
    dependents: dict[str, list[str]] = {tid: [] for tid in scope}
    for tid, needs in waiting.items():
        for need in needs:
            dependents[need].append(tid)

    def rank_key(tid: str) -> tuple[int, float, str]:
        """Topics with nothing left to study first (their time is all logged: they only need
        `done`), then topics in progress, then the rest by their `next` score."""
        busy = states.get(tid, TODO).status == "in_progress"
        return (0 if not left[tid] else 1 if busy else 2, -round(priority.get(tid, 0.0), 9), tid)

    ready = [rank_key(tid) for tid, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    # Reviews as (due day, topic, card): each card comes back on its due day.
    reviews: list[tuple[date, str, Card]] = [
        (max(today, card.due.astimezone(tz).date()), tid, card) for tid, card in cards.items()
    ]
    heapq.heapify(reviews)
    order: dict[str, None] = {}  # insertion-ordered, with O(1) membership
    finished_on: dict[str, date] = {}
    blocks: list[Block] = []
    total_capacity = used = 0
    last = until if target is None else today + timedelta(days=LONGEST_DAYS)
    day = today
    while day <= last:
        room = capacity[day.weekday()]
        total_capacity += room
        while reviews and reviews[0][0] <= day and room >= review_minutes > 0:
            _due, tid, card = heapq.heappop(reviews)
            blocks.append(Block(day, tid, review_minutes, "review"))
            room -= review_minutes
            used += review_minutes
            moment = datetime.combine(day, time(20, 0)).replace(tzinfo=tz).astimezone(UTC)
            after = reviewed(card, GOOD, moment, settings.retention, "plan")
            heapq.heappush(
                reviews, (max(day + timedelta(days=1), after.due.astimezone(tz).date()), tid, after)
            )
        while room > 0 and ready:
            _busy, _score, tid = ready[0]
            order.setdefault(tid)
            spent = min(room, left[tid])
            if spent:
                blocks.append(Block(day, tid, spent, "study"))
                left[tid] -= spent
                room -= spent
                used += spent
            if left[tid] == 0:
                heapq.heappop(ready)
                finished_on[tid] = day
                moment = datetime.combine(day, time(21, 0)).replace(tzinfo=tz).astimezone(UTC)
                card = reviewed(None, GOOD, moment, settings.retention, "plan")
                heapq.heappush(
                    reviews, (max(day + timedelta(days=1), card.due.astimezone(tz).date()), tid, card)
                )
                for dependent in dependents[tid]:
                    waiting[dependent].discard(tid)
                    if not waiting[dependent]:
                        heapq.heappush(ready, rank_key(dependent))
        if target is not None and target.id in finished_on:
            break
        day += timedelta(days=1)
    end = min(day, last)
    unfinished = {tid: minutes for tid, minutes in left.items() if tid not in finished_on}
    for tid in scope:  # topics never taken up: what is left of them
        if tid not in finished_on:
            order.setdefault(tid)
    plan = Plan(
        start=today,
        until=end,
        weeks=_weeks(blocks, capacity, today, end),
        scope=list(order),
        finished_on=finished_on,
        left=unfinished,
        capacity=total_capacity,
        used=used,
        target=target.id if target else None,
    )
    plan.unscheduled = sorted(
        (_dropped(roadmap, tid, minutes) for tid, minutes in unfinished.items()),
        key=lambda d: (d.exam_value_per_hour, d.topic),
    )
    if with_drop and not plan.fits:
        plan.drop = drop_list(
            roadmap,
            scope,
            left_at_start={
                tid: remaining_minutes(roadmap.topics[tid], states.get(tid, TODO)) for tid in scope
            },
            shortfall=-plan.slack_minutes,
            keep={target.id} if target else set(),
        )
    return plan


def _dropped(roadmap: Roadmap, tid: str, minutes: int) -> Dropped:
    hours = max(minutes / 60, 0.25)
    return Dropped(tid, minutes, round(exam_marks(roadmap, roadmap.topics[tid]) / hours, 4))


def drop_list(
    roadmap: Roadmap,
    scope: set[str],
    *,
    left_at_start: Mapping[str, int],
    shortfall: int,
    keep: set[str],
) -> list[Dropped]:
    """Topics to leave out so the rest fits: lowest exam value per hour first, among topics no
    other topic in the plan still needs, until their minutes cover the shortfall. Taken out
    leaves first, the set is listed lowest value first: dropping a topic may free a prerequisite
    of lower value, and the whole set goes together."""
    needed_by: dict[str, int] = dict.fromkeys(scope, 0)
    for tid in scope:
        for need in roadmap.requires.get(tid, ()):
            if need in needed_by:
                needed_by[need] += 1
    value = {tid: _dropped(roadmap, tid, left_at_start[tid]) for tid in scope if left_at_start[tid]}

    def leaf(tid: str) -> tuple[float, str]:
        return (value[tid].exam_value_per_hour, tid)

    leaves = [leaf(tid) for tid in value if needed_by[tid] == 0 and tid not in keep]
    heapq.heapify(leaves)
    dropped: list[Dropped] = []
    freed = 0
    while freed < shortfall and leaves:
        _value, tid = heapq.heappop(leaves)
        dropped.append(value[tid])
        freed += value[tid].minutes
        for need in roadmap.requires.get(tid, ()):
            if need in needed_by:
                needed_by[need] -= 1
                if needed_by[need] == 0 and need in value and need not in keep:
                    heapq.heappush(leaves, leaf(need))
    return sorted(dropped, key=lambda d: (d.exam_value_per_hour, d.topic))


def _weeks(blocks: Sequence[Block], capacity: Mapping[int, int], start: date, end: date) -> list[Week]:
    """The ISO weeks from `start` to `end`, each with its days' capacity and blocks."""
    weeks: list[Week] = []
    by_day: dict[date, list[Block]] = {}
    for block in blocks:
        by_day.setdefault(block.day, []).append(block)
    day = start
    while day <= end:
        year, number, weekday = day.isocalendar()
        last = min(end, day + timedelta(days=7 - weekday))
        days = [day + timedelta(days=i) for i in range((last - day).days + 1)]
        weeks.append(
            Week(
                f"{year}-W{number:02d}",
                day,
                last,
                sum(capacity[d.weekday()] for d in days),
                [b for d in days for b in by_day.get(d, [])],
            )
        )
        day = last + timedelta(days=1)
    return weeks


def coverage_by(
    roadmap: Roadmap, states: Mapping[str, TopicState], finished: Iterable[str]
) -> dict[str, float]:
    """The share of each exam paper's points covered once `finished` topics are done too, by
    paper id (the rule of `dashboard.coverage`: a point is covered when a topic that teaches it
    is finished)."""
    from infra_roadmap.dashboard import coverage

    after = dict(states)
    for tid in finished:
        after[tid] = TopicState("done")
    covered, _touched = coverage(roadmap, after)
    shares: dict[str, float] = {}
    for subject in roadmap.subjects.values():
        if subject.parent is None:
            points = roadmap.points_under(subject.id)
            if points:
                shares[subject.id] = round(sum(p.id in covered for p in points) / len(points), 4)
    return shares


def pace_minutes_per_week(days: Mapping[date, int], today: date) -> int:
    """The measured pace: minutes logged over the last 28 days (today included), per week."""
    first = today - timedelta(days=PACE_DAYS - 1)
    return round(sum(m for d, m in days.items() if first <= d <= today) * 7 / PACE_DAYS)


def horizon(exam_date: date, today: date) -> date:
    """The last day a plan covers by default: the eve of the exam while it is ahead, else twelve
    weeks from today."""
    if exam_date > today:
        return exam_date - timedelta(days=1)
    return today + timedelta(weeks=DEFAULT_WEEKS, days=-1)


def projection(
    roadmap: Roadmap,
    states: Mapping[str, TopicState],
    cards: Mapping[str, Card],
    settings: Settings,
    *,
    today: date,
    until: date,
    priority: Mapping[str, float],
    tz: tzinfo,
    pace: int,
) -> dict[str, float]:
    """Where the measured `pace` (minutes a week) leads by `until`: each paper's share of points
    covered, if the student keeps that pace and follows the plan."""
    if pace <= 0:
        return coverage_by(roadmap, states, ())
    at_pace = make_plan(
        roadmap,
        states,
        cards,
        settings,
        today=today,
        until=until,
        priority=priority,
        tz=tz,
        hours_per_week=pace / 60,
        with_drop=False,
    )
    return coverage_by(roadmap, states, at_pace.finished_on)
