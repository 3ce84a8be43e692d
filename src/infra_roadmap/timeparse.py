"""Parsing what users type for time: WHEN (`--at`, `--since`) and DURATION (`log`). Pure: `now`
and the local timezone come in as arguments."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as clock_time

from infra_roadmap.errors import UsageProblem
from infra_roadmap.textsafe import shown

MAX_MINUTES = 24 * 60
# Every time a user or a file gives is refused outside these years: a mistyped 2062 or 1926 stays
# out, and so do the far dates whose conversion to another zone would overflow.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def within_years(moment: date | datetime) -> bool:
    """True when `moment` (a date, or a datetime in any zone) lies in FIRST_YEAR..LAST_YEAR, read
    in the zone it is written in: '2000-01-01' typed in Shanghai is 2000 to its writer though 1999
    in UTC. A day either side in UTC converts to any zone without overflow."""
    return FIRST_YEAR <= moment.year <= LAST_YEAR


_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+)m(?:in)?)?$")


def parse_rating(text: str) -> int:
    """A review rating as FSRS numbers it: again 1, hard 2, good 3, easy 4 (the word or the number)."""
    from infra_roadmap.vocab import RATINGS

    word = text.strip().lower()
    if word in RATINGS:
        return RATINGS.index(word) + 1
    if word in ("1", "2", "3", "4"):
        return int(word)
    raise UsageProblem("error.invalid_rating", value=shown(text))


def parse_duration(text: str) -> int:
    """Minutes in a duration such as `45m`, `1h30m`, `1.5h`; at least 1 minute, at most 24 hours."""
    cleaned = text.strip().lower()
    match = _DURATION.match(cleaned)
    if not cleaned or not match or not any(match.groups()):
        raise UsageProblem("error.invalid_duration", value=shown(text))
    hours = float(match.group(1) or 0)
    minutes = round(hours * 60) + int(match.group(2) or 0)
    if minutes < 1:
        raise UsageProblem("error.duration_too_short", value=shown(text))
    if minutes > MAX_MINUTES:
        raise UsageProblem("error.duration_too_long", value=shown(text))
    return minutes


def parse_when(text: str, *, now: datetime, tz: tzinfo, start_of_day: bool = False) -> datetime:
    """A moment in UTC. Dates and date-times without an offset are local time.

    A bare date means noon that day for `--at` (so the event lands on that day whatever the
    zone) and midnight for `--since` (`start_of_day=True`). `today` and `yesterday` keep the
    current clock time, or midnight with `start_of_day`. The future is refused.
    """
    word = text.strip().lower()
    local_now = now.astimezone(tz)
    moment: datetime
    if word in ("today", "now", "yesterday"):
        day = local_now.date() - timedelta(days=1 if word == "yesterday" else 0)
        clock = clock_time(0, 0) if start_of_day else local_now.time().replace(tzinfo=None)
        moment = _local(day, clock, tz)
    else:
        try:
            if len(word) == 10:
                day = date.fromisoformat(word)
                moment = _local(day, clock_time(0, 0) if start_of_day else clock_time(12, 0), tz)
            else:
                parsed = datetime.fromisoformat(text.strip())
                moment = parsed if parsed.tzinfo else parsed.replace(tzinfo=tz)
        except ValueError:
            raise UsageProblem("error.invalid_when", value=shown(text)) from None
        if moment.year > LAST_YEAR:  # refused before converting: year 9999 would overflow
            raise UsageProblem("error.date_in_future", value=shown(text))
        if not within_years(moment):
            raise UsageProblem("error.date_years", value=shown(text), first=FIRST_YEAR, last=LAST_YEAR)
    moment = moment.astimezone(UTC)
    if moment > now.astimezone(UTC) + timedelta(minutes=1):
        if word == "today" or (len(word) == 10 and moment.astimezone(tz).date() == local_now.date()):
            return now.astimezone(UTC)  # "today" at noon, said in the morning: now
        raise UsageProblem("error.date_in_future", value=shown(text))
    return moment


def _local(day: date, clock: clock_time, tz: tzinfo) -> datetime:
    return datetime.combine(day, clock).replace(tzinfo=tz)
