"""Marks, labels and number formats shared by the renderers."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from infra_roadmap import textsafe

STATUS_MARK = {"todo": "○", "in_progress": "◐", "done": "●", "skipped": "⊘"}
STATUS_STYLE = {"todo": "dim", "in_progress": "yellow", "done": "green", "skipped": "cyan"}
STATUS_LABEL = {"todo": "todo", "in_progress": "in progress", "done": "done", "skipped": "skipped"}


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


def title_cell(row: Any, lang: str = "both") -> Any:
    """A table cell naming a topic: with both languages, a `Title` that gives up its English part
    first when the column is narrow."""
    from infra_roadmap.render.table import Title

    get = row.get if isinstance(row, dict) else lambda key, default=None: getattr(row, key, default)
    en, zh = get("title", "") or "", get("title_zh") or ""
    if lang == "both" and en and zh:
        return Title(en, zh)  # the table makes each cell safe
    return title(row, lang)


def status_cell(status: str) -> Any:
    """A table cell showing a status with its mark and colour."""
    from infra_roadmap.render.table import Styled

    return Styled(
        f"{STATUS_MARK.get(status, '?')} {STATUS_LABEL.get(status, status)}", STATUS_STYLE.get(status, "")
    )


def status_text(status: str) -> Text:
    mark, label = STATUS_MARK.get(status, "?"), STATUS_LABEL.get(status, status)
    return Text(f"{mark} {label}", style=STATUS_STYLE.get(status, ""))


def hours(value: float) -> str:
    return f"{value:g}h"


def minutes(value: int) -> str:
    if not value:
        return ""
    h, m = divmod(int(value), 60)
    return f"{h}h{m:02d}m" if h else f"{m}m"
