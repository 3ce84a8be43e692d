"""Parsing what users type for time: WHEN (`--at`, `--since`) and DURATION (`log`). Pure: `now`
and the local timezone come in as arguments."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta, timezone, tzinfo
from datetime import time as clock_time

from infra_roadmap.errors import UsageProblem, shown

WHEN_FORMS = "an ISO date (2026-11-28), an ISO date-time (2026-11-28T21:30), 'today' or 'yesterday'"
DURATION_FORMS = "45m, 1h30m, 1.5h or 2h"
MAX_MINUTES = 24 * 60

_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+)m(?:in)?)?$")


def parse_duration(text: str) -> int:
    """Minutes in a duration such as `45m`, `1h30m`, `1.5h`; at least 1 minute, at most 24 hours."""
    cleaned = text.strip().lower()
    match = _DURATION.match(cleaned)
    if not cleaned or not match or not any(match.groups()):
        raise UsageProblem(f"invalid duration '{shown(text)}': use {DURATION_FORMS}")
    hours = float(match.group(1) or 0)
    minutes = round(hours * 60) + int(match.group(2) or 0)
    if minutes < 1:
        raise UsageProblem(f"invalid duration '{shown(text)}': it must be at least 1 minute")
    if minutes > MAX_MINUTES:
        raise UsageProblem(f"invalid duration '{shown(text)}': one entry can hold at most 24h")
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
            raise UsageProblem(f"invalid date '{shown(text)}': use {WHEN_FORMS}") from None
        if moment.year < 2000:
            raise UsageProblem(f"invalid date '{shown(text)}': a year before 2000 is surely a typo")
    moment = moment.astimezone(timezone.utc)
    if moment > now.astimezone(timezone.utc) + timedelta(minutes=1):
        if word == "today" or (len(word) == 10 and moment.astimezone(tz).date() == local_now.date()):
            return now.astimezone(timezone.utc)  # "today" at noon, said in the morning: now
        raise UsageProblem(f"invalid date '{shown(text)}': it is in the future")
    return moment


def _local(day: date, clock: clock_time, tz: tzinfo) -> datetime:
    return datetime.combine(day, clock).replace(tzinfo=tz)


class LocalZone(tzinfo):
    """The machine's local time with its daylight-saving rules (honours TZ), as a tzinfo.

    `datetime.now().astimezone().tzinfo` would be a fixed offset, right today and wrong for a
    date on the other side of a DST change; this asks the C library for each hour instead.
    Offsets are remembered per hour (zones change offset on the hour), since a report converts
    thousands of moments.
    """

    def __init__(self) -> None:
        self._by_utc_hour: dict[int, int] = {}
        self._by_wall_hour: dict[tuple[int, int, int, int], int] = {}

    def _wall_offset(self, dt: datetime) -> int:
        key = (dt.year, dt.month, dt.day, dt.hour)
        seconds = self._by_wall_hour.get(key)
        if seconds is None:
            wall = (dt.year, dt.month, dt.day, dt.hour, 30, 0, 0, 0, -1)
            seconds = self._by_wall_hour[key] = time.localtime(time.mktime(wall)).tm_gmtoff
        return seconds

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=-time.timezone)
        return timedelta(seconds=self._wall_offset(dt))

    def dst(self, dt: datetime | None) -> timedelta:
        return self.utcoffset(dt) - timedelta(seconds=-time.timezone)

    def tzname(self, dt: datetime | None) -> str:
        if dt is None:
            return time.tzname[0]
        wall = (dt.year, dt.month, dt.day, dt.hour, 30, 0, 0, 0, -1)
        return time.strftime("%Z", time.localtime(time.mktime(wall)))

    def fromutc(self, dt: datetime) -> datetime:
        hour = (dt.toordinal() - _EPOCH_ORDINAL) * 24 + dt.hour  # hours since 1970 (UTC)
        seconds = self._by_utc_hour.get(hour)
        if seconds is None:
            seconds = self._by_utc_hour[hour] = time.localtime(hour * 3600).tm_gmtoff
        return dt + timedelta(seconds=seconds)

    def __repr__(self) -> str:
        return "LocalZone()"


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
LOCAL = LocalZone()
