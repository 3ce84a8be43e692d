"""ISO weeks (Monday first) in the user's local time zone.

A report covers one local calendar week, so a session logged on Sunday at 23:30 in Shanghai
belongs to that week even though it is Sunday 15:30 in UTC. Every function takes the time zone
explicitly and never reads the clock.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from infra_roadmap.errors import UsageProblem
from infra_roadmap.textsafe import shown
from infra_roadmap.timeparse import FIRST_YEAR, LAST_YEAR

_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})", re.IGNORECASE)


def weeks_in_year(year: int) -> int:
    """52 or 53: December 28th always falls in the last ISO week of its year."""
    return date(year, 12, 28).isocalendar().week


def parse_week(text: str) -> tuple[int, int]:
    """`2026-W48` (or `2026-w48`) -> (2026, 48); anything else is a usage problem."""
    match = _WEEK.fullmatch(text.strip())
    if not match:
        raise UsageProblem("error.invalid_week", value=shown(text))
    year, week = int(match.group(1)), int(match.group(2))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UsageProblem("error.week_years", value=shown(text), first=FIRST_YEAR, last=LAST_YEAR)
    if not 1 <= week <= weeks_in_year(year):
        raise UsageProblem("error.week_number", value=shown(text), year=year, weeks=weeks_in_year(year))
    return year, week


def week_label(year: int, week: int) -> str:
    return f"{year}-W{week:02d}"


def week_bounds(year: int, week: int, tz: tzinfo) -> tuple[datetime, datetime]:
    """[Monday 00:00, next Monday 00:00) as aware local datetimes.

    The two ends can carry different UTC offsets when daylight saving changes inside the week;
    comparisons between aware datetimes stay correct.
    """
    monday = date.fromisocalendar(year, week, 1)
    start = datetime.combine(monday, time(0, 0)).replace(tzinfo=tz)
    end = datetime.combine(monday + timedelta(days=7), time(0, 0)).replace(tzinfo=tz)
    return start, end


def local(moment: datetime, tz: tzinfo) -> datetime:
    """A moment in `tz`; a naive moment is taken as UTC, the way the event log stores time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz)


def current_week(now: datetime, tz: tzinfo) -> tuple[int, int]:
    """The ISO week that `now` falls in, in local time."""
    year, week, _ = local(now, tz).isocalendar()
    return year, week


def last_full_week(now: datetime, tz: tzinfo) -> tuple[int, int]:
    """The week before the current one: the last week that is over (`report --last`)."""
    year, week, _ = (local(now, tz).date() - timedelta(days=7)).isocalendar()
    return year, week
