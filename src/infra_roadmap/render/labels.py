"""Marks, labels and number formats shared by the renderers."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from infra_roadmap import textsafe
from infra_roadmap.i18n import name, say

STATUS_MARK = {"todo": "○", "in_progress": "◐", "done": "●", "skipped": "⊘"}
STATUS_STYLE = {"todo": "dim", "in_progress": "yellow", "done": "green", "skipped": "cyan"}


def status_label(status: str, lang: str = "both") -> str:
    """'in progress' / '学习中' (the catalogue's `status.*` names)."""
    return name("status", status, lang)


def title(row: Any, lang: str = "both") -> str:
    """A topic's (or layer's) name in the language asked for; `row` a dict or a record."""
    get = row.get if isinstance(row, dict) else lambda key, default=None: getattr(row, key, default)
    en, zh = get("title", "") or "", get("title_zh") or ""
    if lang == "en" or not zh:
        name = en
    elif lang == "zh":
        name = zh
    else:
        name = f"{en} · {zh}"
    return textsafe.line(name)


def short_title(row: Any, lang: str = "both") -> str:
    """A name where room is short (the dashboard's bar labels): as `title`, but with both languages
    only the Chinese one, which says the same in fewer cells."""
    return title(row, "zh" if lang == "both" else lang)


def title_cell(row: Any, lang: str = "both") -> Any:
    """A table cell naming a topic: with both languages, a `Title` that gives up its English part
    first when the column is narrow."""
    from infra_roadmap.render.table import Title

    get = row.get if isinstance(row, dict) else lambda key, default=None: getattr(row, key, default)
    en, zh = get("title", "") or "", get("title_zh") or ""
    if lang == "both" and en and zh:
        return Title(en, zh)  # the table makes each cell safe
    return title(row, lang)


def status_cell(status: str, lang: str = "both") -> Any:
    """A table cell showing a status with its mark and colour."""
    from infra_roadmap.render.table import Styled

    return Styled(
        f"{STATUS_MARK.get(status, '?')} {status_label(status, lang)}", STATUS_STYLE.get(status, "")
    )


def status_text(status: str, lang: str = "both") -> Text:
    mark = STATUS_MARK.get(status, "?")
    return Text(f"{mark} {status_label(status, lang)}", style=STATUS_STYLE.get(status, ""))


def listed(items: Any, lang: str) -> str:
    """Items joined as a list is written: 'a, b' / 'a、b'."""
    return say("screen.units.sep", lang).join(str(item) for item in items)


def hours(value: float, lang: str = "both") -> str:
    """An estimate: '15h' / '15 小时'."""
    return say("screen.units.hours", lang, hours=f"{value:g}")


def minutes(value: int, lang: str = "both") -> str:
    """Time logged: '1h05m', '30m' / '1 小时 5 分', '30 分钟'; '' for none."""
    if not value:
        return ""
    h, m = divmod(int(value), 60)
    if not h:
        return say("screen.units.minutes", lang, minutes=m)
    if lang == "zh":
        return (
            say("screen.units.hm", lang, hours=h, minutes=m)
            if m
            else say("screen.units.hours", lang, hours=h)
        )
    return say("screen.units.hm", lang, hours=h, minutes=f"{m:02d}")


def no_minutes(lang: str = "both") -> str:
    """'0m' / '0 分钟': nothing logged, said so."""
    return say("screen.units.minutes", lang, minutes=0)
