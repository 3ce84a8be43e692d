"""What the weekly report needs from the log, answered by queries rather than by reading every
event: at 50,000 events a full read costs more than the whole report (see `LogView`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from infra_roadmap.content import Roadmap
from infra_roadmap.progress.events import TopicState, derive_states, fold
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import Snapshot


@dataclass(frozen=True)
class LogView:
    """What a weekly report needs from the log, by current topic id. `log_view` answers each part
    with a query; `view_of_events` derives the same from a list of events (a test holds them equal)."""

    week_events: Sequence[Event]  # start <= at < end, in the order they were recorded
    states_before: Mapping[str, TopicState]  # as of the week's start, for every topic of the week
    states_end: Mapping[str, TopicState]  # as of the week's end, every topic with an event before it
    studied_before: set[str]  # topics with an event before the week's start
    studied_by_end: set[str]  # topics with an event before the week's end
    minutes_by_day: Mapping[dt.date, int]  # minutes per local day, at least up to the week's end


def view_of_events(
    events: Iterable[Event], roadmap: Roadmap, start: dt.datetime, end: dt.datetime, tz: dt.tzinfo
) -> LogView:
    """The log view of a week from all events, given in the order they were recorded."""
    start_utc, end_utc = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
    recorded = [e for e in events if e.at < end_utc]
    canonical = {e.topic: roadmap.canonical_id(e.topic) or e.topic for e in recorded}
    week = [e for e in recorded if e.at >= start_utc]
    before = [e for e in recorded if e.at < start_utc]
    days: dict[dt.date, int] = defaultdict(int)
    for e in recorded:
        if e.minutes:
            days[e.at.astimezone(tz).date()] += e.minutes
    return LogView(
        week_events=week,
        states_before=derive_states(before, canonical),
        states_end=derive_states(recorded, canonical),
        studied_before={canonical[e.topic] for e in before},
        studied_by_end={canonical[e.topic] for e in recorded},
        minutes_by_day=dict(days),
    )


def log_view(
    snap: Snapshot, roadmap: Roadmap, current: Mapping[str, TopicState], start: datetime, end: datetime
) -> LogView:
    """The log view of the week [start, end) from the current states (cached) and a few queries:
    the week's events, the topics touched since its end (folded again, up to the end), the
    week's topics as they stood at its start, and when each topic was first studied."""
    canonical = roadmap.aliases

    def stored(tids: set[str]) -> set[str]:
        """The stored ids of these topics: their own, and their old ids."""
        return tids | {alias for alias, tid in canonical.items() if tid in tids}

    def current_id(stored_id: str) -> str:
        return roadmap.canonical_id(stored_id) or stored_id

    week = snap.events_between(start, end)
    later = {current_id(t) for t in snap.topics_since(end)}
    states_end = {tid: state for tid, state in current.items() if tid not in later}
    states_end.update(fold(snap.state_rows_of(stored(later), before=end), canonical))
    week_topics = {current_id(e.topic) for e in week}
    states_before = fold(snap.state_rows_of(stored(week_topics), before=start), canonical)
    first = snap.first_event_at()
    return LogView(
        week_events=week,
        states_before=states_before,
        states_end=states_end,
        studied_before={current_id(t) for t, at in first.items() if at < start},
        studied_by_end={current_id(t) for t, at in first.items() if at < end},
        minutes_by_day=snap.minutes_by_local_day(),
    )
