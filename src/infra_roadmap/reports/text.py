"""Numbers, names and dates as the report writers print them, in the user's `lang`.

`lang` follows `roadmap config set lang`: `zh` Chinese only, `en` English only, `both` English
labels with both titles. A published page never says "since Sat": dates are absolute.
"""

from __future__ import annotations

from collections.abc import Iterable

from infra_roadmap.i18n import MESSAGES, say


def hours(minutes: int | float) -> float:
    """Minutes as hours, rounded to one decimal: what a person reads in a weekly report."""
    return round(minutes / 60, 1)


def hours_text(minutes: int | float, lang: str) -> str:
    """'1.5 h' ('1.5 小时'); '0 h' rather than '0.0 h'; a few minutes never show as '0 h'."""
    if 0 < minutes < 6:
        return f"{int(minutes)} {say('report.minute_unit', lang)}"
    return f"{hours(minutes):g} {say('report.hour_unit', lang)}"


def bilingual(title: str, title_zh: str | None) -> str:
    """'Paging · 分页'; one name when both are the same (ids that left the roadmap)."""
    if not title_zh or title_zh == title:
        return title
    return f"{title} · {title_zh}"


def name(title: str, title_zh: str | None, lang: str) -> str:
    """A title in `lang`: 'Paging' (en), '分页' (zh), 'Paging · 分页' (both)."""
    if lang == "zh":
        return title_zh or title
    if lang == "en":
        return title
    return bilingual(title, title_zh)


def weekday(index: int, lang: str) -> str:
    """'Mon' or '周一' (Monday is 0)."""
    return say(f"weekday.{index}", lang)


def kind(value: str, lang: str) -> str:
    """An event kind as a reader sees it ('log' -> '记录'); unknown kinds stay as they are."""
    key = f"report.kind.{value}"
    return say(key, lang) if key in MESSAGES else value


def share(part: int | float, whole: int | float) -> str:
    """'42%', or '–' when there is no whole to share."""
    return f"{round(100 * part / whole)}%" if whole else "–"


def join_reasons(reasons: Iterable[str], lang: str) -> str:
    """Reasons on one line. A `why` is a sentence with its own full stop; joined as it comes it
    would read '… page tables.; unlocks 3 topics', so the closing stop goes before the separator."""
    parts = [r.strip().rstrip(".。").rstrip() for r in reasons]
    return say("report.reason_sep", lang).join(p for p in parts if p)
