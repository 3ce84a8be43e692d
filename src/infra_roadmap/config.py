"""Settings a user can change with `roadmap config`: one table of keys, each with its parser and
default. Pure: the store keeps the values, this module says what they mean."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, NamedTuple

from infra_roadmap.errors import RoadmapError, shown

DIRECTIONS = ("data", "training", "inference")
FOCUSES = ("exam", "balanced", "infra")
LANGS = ("zh", "en", "both")


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
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise RoadmapError(f"invalid date '{shown(text)}': use YYYY-MM-DD, e.g. 2026-12-19") from None


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RoadmapError(f"invalid number of hours '{shown(text)}': use a number such as 20 or 12.5") from None
    if not 0 < value <= 7 * 24:
        raise RoadmapError(f"invalid number of hours '{shown(text)}': it must be between 0 and 168")
    return value


def _choice(*choices: str, allow_none: bool = False) -> Callable[[str], str | None]:
    def parse(text: str) -> str | None:
        value = text.strip().lower()
        if allow_none and value in ("", "none", "any"):
            return None
        if value not in choices:
            extra = " or none" if allow_none else ""
            raise RoadmapError(f"invalid value '{shown(text)}': choose {', '.join(choices)}{extra}")
        return value

    return parse


def _weight(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise RoadmapError(f"invalid weight '{shown(text)}': use a number between 0 and 100") from None
    if not 0 <= value <= 100:
        raise RoadmapError(f"invalid weight '{shown(text)}': use a number between 0 and 100")
    return value


class Key(NamedTuple):
    name: str
    parse: Callable[[str], Any]
    default: Callable[[date], Any]
    help: str


KEYS: dict[str, Key] = {
    k.name: k
    for k in (
        Key("exam-date", _date, lambda today: next_exam_date(today).isoformat(),
            "first day of the exam (default: the first Saturday on or after 19 December)"),
        Key("weekly-goal-hours", _hours, lambda today: 20.0, "study hours you aim for each week"),
        Key("direction", _choice(*DIRECTIONS, allow_none=True), lambda today: None,
            "your AI Infra direction: data, training or inference (none = all)"),
        Key("focus", _choice(*FOCUSES), lambda today: "balanced", "what `next` leans on: exam, balanced or infra"),
        Key("lang", _choice(*LANGS), lambda today: "both", "titles in zh, en or both"),
    )
}

WEIGHT_PREFIX = "weight."


def known_weight_terms() -> tuple[str, ...]:
    from infra_roadmap.ranking import TERMS  # the terms are defined where they are scored

    return TERMS


def parse(key: str, text: str) -> Any:
    """The stored form of a value, or a RoadmapError that says what is accepted."""
    if key in KEYS:
        return KEYS[key].parse(text)
    if key.startswith(WEIGHT_PREFIX):
        term = key.removeprefix(WEIGHT_PREFIX)
        terms = known_weight_terms()
        if term not in terms:
            raise RoadmapError(f"unknown weight '{shown(term)}': choose {', '.join(terms)}")
        return _weight(text)
    raise RoadmapError(f"unknown setting '{shown(key)}': choose {', '.join(KEYS)} or weight.<term>")


def effective(stored: dict[str, Any], today: date) -> dict[str, Any]:
    """Every key with its value in force: what the user set, else the default."""
    values = {name: stored.get(name, key.default(today)) for name, key in KEYS.items()}
    values.update({k: v for k, v in stored.items() if k.startswith(WEIGHT_PREFIX)})
    return values
