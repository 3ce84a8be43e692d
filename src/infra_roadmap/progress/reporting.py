"""What the weekly report needs from the log, answered by queries rather than by reading every
event: at 50,000 events a full read costs more than the whole report (see `LogView`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from infra_roadmap.content import Roadmap
from infra_roadmap.progress.events import TopicState, derive_states, fold
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import Snapshot
from infra_roadmap.vocab import STATUS_AFTER


@dataclass(frozen=True)
class LogView:
    """What a weekly report needs from the log, by current topic id. `log_view` answers each part
    with a query; `view_of_events` derives the same from a list of events (a test holds them equal)."""

    week_events: Sequence[Event]  # start <= at < end, in the order they were recorded
    status_before: Mapping[str, str]  # as of the week's start, for every topic of the week
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
        status_before={tid: st.status for tid, st in derive_states(before, canonical).items()},
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

    def since(moment: datetime) -> set[str]:
        """The topics with an event at or after `moment`: those whose last event is (the
        current states know each topic's last event, so no query is needed)."""
        return {tid for tid, st in current.items() if st.last_at is not None and st.last_at >= moment}

    def studied_before(moment: datetime) -> set[str]:
        """The topics with an event before `moment`: every topic whose last event is earlier,
        and those of the later ones that also have an earlier event (an indexed lookup each)."""
        later = since(moment)
        earlier = snap.topics_with_event_before(stored(later), moment)
        return (current.keys() - later) | {current_id(t) for t in earlier}

    week = snap.events_between(start, end)
    later = since(end)
    states_end = {tid: state for tid, state in current.items() if tid not in later}
    states_end.update(fold(snap.state_rows_of(stored(later), before=end), canonical))
    week_topics = {current_id(e.topic) for e in week}
    status_before = _statuses(snap.last_events_before(stored(week_topics), start), current_id)
    return LogView(
        week_events=week,
        status_before=status_before,
        states_end=states_end,
        studied_before=studied_before(start),
        studied_by_end=studied_before(end),
        minutes_by_day=snap.minutes_by_local_day(),
    )


def _statuses(
    last: Mapping[str, tuple[tuple[str, int] | None, int | None]], current_id: Callable[[str], str]
) -> dict[str, str]:
    """Each topic's status from its last status change and its last log (over its stored ids):
    the change sets the status; a log after it (or with none) moves a todo topic in progress,
    exactly as `fold` does."""
    change: dict[str, tuple[int, str]] = {}
    log: dict[str, int] = {}
    for stored_id, (last_change, last_log) in last.items():
        tid = current_id(stored_id)
        if last_change is not None and last_change[1] > change.get(tid, (-1, ""))[0]:
            change[tid] = (last_change[1], last_change[0])
        if last_log is not None:
            log[tid] = max(log.get(tid, -1), last_log)
    statuses = {}
    for tid in change.keys() | log.keys():
        at, kind = change.get(tid, (-1, ""))
        status = STATUS_AFTER[kind] if kind else "todo"
        statuses[tid] = "in_progress" if status == "todo" and log.get(tid, -1) > at else status
    return statuses
