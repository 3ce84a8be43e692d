"""The machine's local time zone as a `tzinfo` that follows daylight saving (speed work: it asks the
C library once per hour of time, so a report converting thousands of moments stays cheap)."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, tzinfo


class LocalZone(tzinfo):
    """The machine's local time with its daylight-saving rules (honours TZ), as a tzinfo.

    `datetime.now().astimezone().tzinfo` would be a fixed offset, right today and wrong for a
    date on the other side of a DST change; this asks the C library for each hour instead.
    Offsets are remembered per hour (zones change offset on the hour), since a report converts
    thousands of moments.
    """

    def __init__(self) -> None:
        self._zone: tuple[object, ...] = ()
        self._by_utc_hour: dict[int, int] = {}
        self._by_wall_hour: dict[tuple[int, int, int, int], int] = {}

    def _check_zone(self) -> None:
        """Forget the remembered offsets when TZ changed since (time.tzset in the same process)."""
        zone = (time.timezone, time.altzone, time.tzname)
        if zone != self._zone:
            self._zone = zone
            self._by_utc_hour.clear()
            self._by_wall_hour.clear()

    def _wall_offset(self, dt: datetime) -> int:
        self._check_zone()
        key = (dt.year, dt.month, dt.day, dt.hour)
        seconds = self._by_wall_hour.get(key)
        if seconds is None:
            wall = (dt.year, dt.month, dt.day, dt.hour, 30, 0, 0, 0, -1)
            try:
                found = time.localtime(time.mktime(wall)).tm_gmtoff
            except (OverflowError, ValueError, OSError):  # a date the C library cannot place
                found = -time.timezone
            seconds = self._by_wall_hour[key] = _bounded(found)
        return seconds

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=_bounded(-time.timezone))
        return timedelta(seconds=self._wall_offset(dt))

    def dst(self, dt: datetime | None) -> timedelta:
        return self.utcoffset(dt) - timedelta(seconds=_bounded(-time.timezone))

    def tzname(self, dt: datetime | None) -> str:
        if dt is None:
            return time.tzname[0]
        wall = (dt.year, dt.month, dt.day, dt.hour, 30, 0, 0, 0, -1)
        try:
            return time.strftime("%Z", time.localtime(time.mktime(wall)))
        except (OverflowError, ValueError, OSError):
            return time.tzname[0]

    def fromutc(self, dt: datetime) -> datetime:
        self._check_zone()
        hour = (dt.toordinal() - _EPOCH_ORDINAL) * 24 + dt.hour  # hours since 1970 (UTC)
        seconds = self._by_utc_hour.get(hour)
        if seconds is None:
            try:
                found = time.localtime(hour * 3600).tm_gmtoff
            except (OverflowError, ValueError, OSError):
                found = -time.timezone
            seconds = self._by_utc_hour[hour] = _bounded(found)
        try:
            return dt + timedelta(seconds=seconds)
        except OverflowError:  # a moment at the very end of time (an old database may hold one)
            return datetime.max.replace(tzinfo=self) if seconds > 0 else datetime.min.replace(tzinfo=self)

    def __repr__(self) -> str:
        return "LocalZone()"


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_DAY = 24 * 3600


def _bounded(seconds: int) -> int:
    """An offset Python accepts (strictly within a day): TZ='XXX-24:59' is valid POSIX, and the C
    library answers 24:59, which no `tzinfo` may return."""
    return max(-_DAY + 60, min(_DAY - 60, seconds))


LOCAL = LocalZone()
