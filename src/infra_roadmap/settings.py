"""Settings a user can change with `roadmap config`: one table of keys, each with its parser,
default and help, and the typed `Settings` that commands read. Pure: the store keeps the values
(as JSON), this module says what they mean."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from infra_roadmap.errors import RoadmapError
from infra_roadmap.textsafe import shown
from infra_roadmap.vocab import DIRECTIONS, FOCUSES, LANGS, TERMS

WEIGHT_PREFIX = "weight."


@dataclass(frozen=True)
class Settings:
    """The values in force: what the user set, else the defaults."""

    exam_date: date
    weekly_goal_hours: float = 20.0
    direction: str | None = None
    focus: str = "balanced"
    lang: str = "both"
    availability: Mapping[str, float] | None = None  # hours per weekday ('mon' .. 'sun'), for the plan
    retention: float = 0.9  # the recall FSRS schedules reviews for
    review_minutes: int = 20  # what one review takes, for the plan
    weights: Mapping[str, float] = field(default_factory=dict)  # term -> weight, from weight.<term>


def next_exam_date(today: date) -> date:
    """The next 11408 first day: the first Saturday on or after 19 December (the rule of the
    2021-2025 exams). On the exam weekend itself, that weekend."""
    for year in (today.year, today.year + 1):
        dec19 = date(year, 12, 19)
        first_saturday = dec19 + timedelta(days=(5 - dec19.weekday()) % 7)
        if today <= first_saturday + timedelta(days=1):
            return first_saturday
    raise AssertionError("unreachable")


def _date(text: str) -> str:
    from infra_roadmap.timeparse import FIRST_YEAR, LAST_YEAR, within_years

    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise RoadmapError("error.invalid_day", value=shown(text)) from None
    if not within_years(day):
        raise RoadmapError("error.date_years", value=shown(text), first=FIRST_YEAR, last=LAST_YEAR)
    return day.isoformat()


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RoadmapError("error.invalid_hours", value=shown(text)) from None
    if not 0 < value <= 7 * 24:
        raise RoadmapError("error.hours_range", value=shown(text))
    return value


def _choice(choices: tuple[str, ...], *, allow_none: bool = False) -> Callable[[str], str | None]:
    def parse(text: str) -> str | None:
        value = text.strip().lower()
        if allow_none and value in ("", "none", "any"):
            return None
        if value not in choices:
            key = "error.invalid_choice_or_none" if allow_none else "error.invalid_choice"
            raise RoadmapError(key, value=shown(text), choices=choices)
        return value

    return parse


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_DAY_HOURS = 16


def _availability(text: str) -> dict[str, float] | None:
    """'mon=2,tue=2,...,sun=6', with ranges and shared values: 'mon..thu=2, fri=1, sat=sun=5'.
    Days left out have no study time; 'none' returns to the weekly goal spread over the week."""
    if text.strip().lower() in ("", "none"):
        return None
    hours: dict[str, float] = dict.fromkeys(DAYS, 0.0)
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        *names, value = (piece.strip().lower() for piece in part.split("="))
        if not names:
            raise RoadmapError("error.invalid_availability", value=shown(part))
        try:
            amount = float(value)
        except ValueError:
            raise RoadmapError("error.availability_hours", value=shown(value)) from None
        if not 0 <= amount <= MAX_DAY_HOURS:
            raise RoadmapError(
                "error.availability_range",
                value=shown(value),
                days=shown("=".join(names)),
                most=MAX_DAY_HOURS,
            )
        for name in names:
            first, _, last = name.partition("..")
            if first not in DAYS or (last and last not in DAYS):
                raise RoadmapError("error.unknown_day", value=shown(name), days=DAYS)
            span = DAYS[DAYS.index(first) : DAYS.index(last) + 1] if last else (first,)
            if not span:
                raise RoadmapError("error.day_range_order", value=shown(name))
            for day in span:
                hours[day] = amount
    return hours


def _retention(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RoadmapError("error.invalid_retention", value=shown(text)) from None
    if not 0.7 <= value <= 0.97:
        raise RoadmapError("error.retention_range", value=shown(text))
    return value


def _review_minutes(text: str) -> int:
    try:
        value = int(text.strip().removesuffix("m"))
    except ValueError:
        raise RoadmapError("error.invalid_review_minutes", value=shown(text)) from None
    if not 1 <= value <= 240:
        raise RoadmapError("error.review_minutes_range", value=shown(text))
    return value


def _weight(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RoadmapError("error.invalid_weight", value=shown(text)) from None
    if not 0 <= value <= 100:
        raise RoadmapError("error.invalid_weight", value=shown(text))
    return value


class Key(NamedTuple):
    name: str
    attribute: str  # the field of `Settings`
    parse: Callable[[str], Any]  # text -> the stored (JSON) value, or a RoadmapError
    default: Callable[[date], Any]  # today -> the stored form of the default
    help: str


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key(
            "exam-date",
            "exam_date",
            _date,
            lambda today: next_exam_date(today).isoformat(),
            "first day of the exam (default: the first Saturday on or after 19 December)",
        ),
        Key(
            "weekly-goal-hours",
            "weekly_goal_hours",
            _hours,
            lambda today: 20.0,
            "study hours you aim for each week",
        ),
        Key(
            "direction",
            "direction",
            _choice(DIRECTIONS, allow_none=True),
            lambda today: None,
            "your AI Infra direction: data, training or inference (none = all)",
        ),
        Key(
            "focus",
            "focus",
            _choice(FOCUSES),
            lambda today: "balanced",
            "what `next` leans on: exam, balanced or infra",
        ),
        Key("lang", "lang", _choice(LANGS), lambda today: "both", "titles in zh, en or both"),
        Key(
            "availability",
            "availability",
            _availability,
            lambda today: None,
            "study hours per weekday for the plan, e.g. mon..fri=2,sat=sun=6 (none: the weekly goal spread)",
        ),
        Key(
            "retention",
            "retention",
            _retention,
            lambda today: 0.9,
            "the recall (0.7-0.97) reviews are scheduled for",
        ),
        Key(
            "review-minutes",
            "review_minutes",
            _review_minutes,
            lambda today: 20,
            "minutes one review takes, for the plan",
        ),
    )
}


def display(value: Any) -> str:
    """A stored value as a person writes it: 'none', 'mon=2 tue=2 …', '20.0'."""
    if value is None:
        return "none"
    if isinstance(value, dict):
        return ",".join(f"{day}={hours:g}" for day, hours in value.items())
    return str(value)


def check_key(key: str) -> None:
    """A RoadmapError unless `key` names a setting (or a known weight)."""
    if key in KEYS:
        return
    parse(key, "1")


def parse(key: str, text: str) -> Any:
    """The stored form of a value, or a RoadmapError that says what is accepted."""
    if key in KEYS:
        return KEYS[key].parse(text)
    if key.startswith(WEIGHT_PREFIX):
        term = key.removeprefix(WEIGHT_PREFIX)
        if term not in TERMS:
            raise RoadmapError("error.unknown_weight", value=shown(term), terms=TERMS)
        return _weight(text)
    raise RoadmapError("error.unknown_setting", value=shown(key), keys=tuple(KEYS))


def stored_values(stored: Mapping[str, Any], today: date) -> dict[str, Any]:
    """Every key with its value in force, in stored form (what `config list` shows)."""
    values = {name: stored.get(name, key.default(today)) for name, key in KEYS.items()}
    values.update({k: v for k, v in stored.items() if k.startswith(WEIGHT_PREFIX)})
    return values


def effective(stored: Mapping[str, Any], today: date) -> Settings:
    """The typed settings in force."""
    values = stored_values(stored, today)
    fields: dict[str, Any] = {key.attribute: values[name] for name, key in KEYS.items()}
    fields["exam_date"] = date.fromisoformat(str(fields["exam_date"]))
    fields["weekly_goal_hours"] = float(fields["weekly_goal_hours"])
    fields["retention"] = float(fields["retention"])
    if fields["availability"] is not None:
        fields["availability"] = {day: float(fields["availability"].get(day, 0.0)) for day in DAYS}
    fields["review_minutes"] = int(fields["review_minutes"])
    weights = {
        k.removeprefix(WEIGHT_PREFIX): float(v) for k, v in values.items() if k.startswith(WEIGHT_PREFIX)
    }
    return Settings(**fields, weights={k: v for k, v in weights.items() if k in TERMS})
