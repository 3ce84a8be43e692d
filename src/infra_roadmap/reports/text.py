"""Numbers and names as the report writers print them."""

from __future__ import annotations


def hours(minutes: int | float) -> float:
    """Minutes as hours, rounded to one decimal: what a person reads in a weekly report."""
    return round(minutes / 60, 1)


def hours_text(minutes: int | float) -> str:
    """'1.5 h'; '0 h' rather than '0.0 h'; a few minutes never show as '0 h'."""
    if 0 < minutes < 6:
        return f"{int(minutes)} min"
    value = hours(minutes)
    return f"{value:g} h"


def bilingual(title: str, title_zh: str | None) -> str:
    """'Paging · 分页'; one name when both are the same (ids that left the roadmap)."""
    if not title_zh or title_zh == title:
        return title
    return f"{title} · {title_zh}"
