"""The study clock: `start` starts it, `stop` logs the whole minutes since, `cancel` drops it.

The running clock is a `clock` event in the log (so a crash, a reboot or a second terminal loses
nothing); `stop` writes the time as a `log` event dated when the clock started (a session across
midnight counts for the day it began) together with a `stop` event, in one batch, so that `undo`
takes the stop back and the clock runs again. Pure: the clock and the moments come in.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from infra_roadmap.errors import RoadmapError, UsageProblem
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import Clock
from infra_roadmap.timeparse import MAX_MINUTES

LONGEST = timedelta(hours=12)  # a clock running longer was most likely forgotten


def whole_minutes(since: datetime, until: datetime) -> int:
    """The whole minutes from `since` to `until` (a part minute is not counted)."""
    return max(0, int((until - since).total_seconds() // 60))


def elapsed_text(since: datetime, until: datetime) -> str:
    """'0:42', '13:05': hours and minutes, the way a stopwatch shows them."""
    hours, minutes = divmod(whole_minutes(since, until), 60)
    return f"{hours}:{minutes:02d}"


def minutes_to_log(clock: Clock, at: datetime, *, at_given: bool, force: bool, local: str) -> int:
    """The minutes a stop at `at` logs; refuses a stop before the clock started, and a clock that
    ran more than 12 hours unless the user says when it stopped (`--at`) or insists (`--force`).
    `local` is the clock's start as the user reads it, for the messages. More than a day (what
    one log may hold, and what an export must carry back) is refused even with --force."""
    if at < clock.since:
        if not at_given:  # the clock itself is ahead of now: an import from a machine whose clock was off
            raise RoadmapError("error.clock_in_future", topic=clock.topic, since=local)
        raise UsageProblem("error.at_before_clock", topic=clock.topic, since=local)
    if whole_minutes(clock.since, at) > MAX_MINUTES:
        raise RoadmapError(
            "error.clock_over_a_day", topic=clock.topic, elapsed=elapsed_text(clock.since, at), since=local
        )
    if at - clock.since > LONGEST and not (at_given or force):
        raise RoadmapError(
            "error.clock_too_long",
            topic=clock.topic,
            elapsed=elapsed_text(clock.since, at),
            since=local,
            hours=LONGEST.seconds // 3600,
        )
    return whole_minutes(clock.since, at)


def stop_events(clock: Clock, at: datetime, minutes: int, note: str | None) -> list[Event]:
    """The events of a stop: the time (when there is a whole minute), dated when the clock
    started, and the stop itself."""
    events = []
    if minutes > 0:
        events.append(
            Event(topic=clock.topic, kind="log", at=clock.since, minutes=minutes, note=note or clock.note)
        )
    events.append(Event(topic=clock.topic, kind="stop", at=at))
    return events
