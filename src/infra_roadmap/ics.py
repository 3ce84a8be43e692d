"""The plan as a calendar (RFC 5545), built by the `icalendar` package: one event per study block.

Each day's blocks follow one another from 19:00 on weekdays and 09:00 at weekends, starting
earlier when the day's hours would run past 22:00. Each event's UID is made of the day and the
topic (and `review` for a review), so importing a newer plan into the same calendar updates the
events it shares with the old one instead of adding copies.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, tzinfo

from infra_roadmap.content import Roadmap
from infra_roadmap.i18n import say
from infra_roadmap.plan import Block, Plan
from infra_roadmap.textsafe import line

WEEKDAY_START = time(19, 0)
WEEKEND_START = time(9, 0)
LATEST_END = time(22, 0)
PRODID = "-//infra-roadmap//study plan//EN"
UID_DOMAIN = "infra-roadmap"


def uid(block: Block) -> str:
    """Stable for the same (day, topic): a newer plan's event replaces the older one's."""
    suffix = "-review" if block.kind == "review" else ""
    return f"{block.day:%Y%m%d}-{block.topic}{suffix}@{UID_DOMAIN}"


def day_start(day: date, minutes: int) -> datetime:
    """When the first block of a day with `minutes` of study begins (naive local time)."""
    usual = WEEKEND_START if day.weekday() >= 5 else WEEKDAY_START
    latest = datetime.combine(day, LATEST_END) - timedelta(minutes=minutes)
    return min(datetime.combine(day, usual), max(latest, datetime.combine(day, time(0, 0))))


def to_ics(plan: Plan, roadmap: Roadmap, *, tz: tzinfo, zone: str | None, now: datetime, lang: str) -> bytes:
    """The calendar file. With `zone` (an IANA name such as Asia/Shanghai) times are local with a
    VTIMEZONE; without one they are written in UTC."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", say("plan.calendar_name", lang))
    place: tzinfo = ZoneInfo(zone) if zone else tz
    by_day: dict[date, list[Block]] = {}
    for week in plan.weeks:
        for block in week.blocks:
            by_day.setdefault(block.day, []).append(block)
    stamp = now.astimezone(ZoneInfo("UTC")).replace(microsecond=0)
    for day, blocks in sorted(by_day.items()):
        begin = day_start(day, sum(b.minutes for b in blocks))
        for block in blocks:
            end = begin + timedelta(minutes=block.minutes)
            event = Event()
            event.add("uid", uid(block))
            event.add("dtstamp", stamp)
            start_at, end_at = begin.replace(tzinfo=place), end.replace(tzinfo=place)
            if zone is None:
                start_at, end_at = start_at.astimezone(ZoneInfo("UTC")), end_at.astimezone(ZoneInfo("UTC"))
            event.add("dtstart", start_at)
            event.add("dtend", end_at)
            event.add("summary", _summary(roadmap, block, lang))
            event.add("description", _description(roadmap, block, lang))
            event.add("categories", ["review" if block.kind == "review" else "study"])
            event.add("transp", "OPAQUE")
            calendar.add_component(event)
            begin = end
    if zone is not None:
        calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def _summary(roadmap: Roadmap, block: Block, lang: str) -> str:
    topic = roadmap.topics[block.topic]
    name = topic.title_zh if lang == "zh" else topic.title
    key = "plan.event_review" if block.kind == "review" else "plan.event_study"
    return line(say(key, lang, title=name))  # RFC 5545 TEXT holds no control characters


def _description(roadmap: Roadmap, block: Block, lang: str) -> str:
    topic = roadmap.topics[block.topic]
    lines = [line(f"{topic.title} · {topic.title_zh}"), f"roadmap show {topic.id}"]
    if block.kind == "review":
        lines.append(f"roadmap review {topic.id} good")
    else:
        lines.append(f"roadmap log {topic.id} {block.minutes}m")
    return "\n".join(lines)


def zone_name(environ: Mapping[str, str]) -> str | None:
    """The IANA name of the local zone, when it can be known: TZ, else where /etc/localtime points."""
    import os
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if environ.get("TZ"):  # a TZ that is no IANA name (e.g. CST-8): UTC is safer than a guess
        name = environ["TZ"].lstrip(":")
    else:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" not in target:
            return None
        name = target.split("zoneinfo/", 1)[1]
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name
