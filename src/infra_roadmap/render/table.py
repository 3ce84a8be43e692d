"""Tables, one line per row: aligned on a terminal, tab-separated and whole when piped.

Piped or redirected output never cuts a field (`roadmap list | grep 算法` finds every title,
`history | cat` shows every note): it is one row per line with tab-separated cells, like `gh`.
On a terminal the flexible column is cut to fit with '…'; a title in two languages gives up its
English part first, so that the Chinese title stays visible at 80 columns. Rich's Table measures
and wraps every cell, which for a few hundred rows costs more than the rest of the command.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any, NamedTuple

from rich.text import Text

from infra_roadmap import textsafe
from infra_roadmap.render.console import out

SEPARATOR = " · "


class Column:
    """One column of `table`: a header, how to align, a style, and whether it gives up width."""

    __slots__ = ("flex", "header", "justify", "style")

    def __init__(self, header: str, justify: str = "left", style: str = "", flex: bool = False):
        self.header, self.justify, self.style, self.flex = header, justify, style, flex


class Styled(NamedTuple):
    """A cell with a Rich style, made cheaply (a Rich Text per cell costs more than a 50,000-row
    table otherwise does); the style applies on a colour terminal only."""

    text: str
    style: str


class Title(NamedTuple):
    """A cell naming something in English and Chinese: 'English · 中文', cut English first."""

    en: str
    zh: str

    def whole(self) -> str:
        return f"{self.en}{SEPARATOR}{self.zh}" if self.en and self.zh else self.en or self.zh


_wide: re.Pattern[str] | None = None


def width(text: str) -> int:
    """Terminal cells `text` takes: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    global _wide
    if _wide is None:  # Unicode's East Asian Wide and Fullwidth ranges (a table, as wcwidth has)
        _wide = re.compile(
            "[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615"
            "\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea"
            "\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757"
            "\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf"
            "\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19"
            "\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f\U0001f900-\U0001f9ff"
            "\U00020000-\U0003fffd]"
        )
    return len(text) + len(_wide.findall(text))


def fit(text: str, room: int) -> str:
    """`text` cut to at most `room` terminal cells, ending in '…' when it was cut."""
    if width(text) <= room:
        return text
    if room <= 1:
        return "…"[:room]
    if text.isascii():
        return text[: room - 1] + "…"
    used, kept = 0, []
    for ch in text:
        size = width(ch)
        if used + size > room - 1:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + "…"


def _fit_title(title: Title, room: int) -> str:
    """The English part gives way first; below a few cells of it, only the Chinese title shows."""
    title = Title(textsafe.line(title.en), textsafe.line(title.zh))
    whole = title.whole()
    if width(whole) <= room or not (title.en and title.zh):
        return fit(whole, room)
    zh = width(title.zh) + width(SEPARATOR)
    if room - zh >= 6:
        return fit(title.en, room - zh) + SEPARATOR + title.zh
    return fit(title.zh, room)


def _text(cell: Any) -> str:
    if isinstance(cell, Title):
        return textsafe.line(cell.whole())
    if isinstance(cell, Styled):
        return textsafe.line(cell.text)
    return textsafe.line(cell.plain if isinstance(cell, Text) else cell)


def table(columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> None:
    """Print `rows` under `columns` (see the module for piped and terminal output)."""
    console = out()
    if not console.is_terminal:
        tsv = ["\t".join(col.header for col in columns)]
        tsv += ["\t".join(_text(cell) for cell in row) for row in rows]
        sys.stdout.write("\n".join(tsv) + "\n")
        return
    titles = [[cell if isinstance(cell, Title) else None for cell in row] for row in rows]
    texts = [[_text(cell) for cell in row] for row in rows]
    sizes = [[width(value) for value in row] for row in texts]
    widths = [max([width(col.header)] + [row[i] for row in sizes]) for i, col in enumerate(columns)]
    room = console.width - 2 * (len(columns) - 1)
    for i, col in enumerate(columns):
        if col.flex:
            fixed = sum(w for j, w in enumerate(widths) if j != i)
            widths[i] = max(12, min(widths[i], room - fixed))
    last = len(columns) - 1

    def cells_of(values: Sequence[str], lengths: Sequence[int], named: Sequence[Title | None]) -> list[str]:
        out_cells = []
        for i, (col, value, length, title) in enumerate(zip(columns, values, lengths, named, strict=True)):
            if length > widths[i]:
                value = _fit_title(title, widths[i]) if title is not None else fit(value, widths[i])
                length = width(value)
            pad = " " * (widths[i] - length)
            if col.justify == "right":
                value = pad + value
            elif i < last:
                value = value + pad
            out_cells.append(value)
        return out_cells

    header = cells_of(
        [col.header for col in columns], [width(col.header) for col in columns], [None] * len(columns)
    )
    lines: list[list[str]] = [
        cells_of(values, size, named) for values, size, named in zip(texts, sizes, titles, strict=True)
    ]
    if console.no_color or console.color_system is None:
        sys.stdout.write("\n".join("  ".join(cells) for cells in [header, *lines]) + "\n")
        return
    styled = Text()
    styled.append("  ".join(header), style="bold")  # the header only: a base style would cover every row
    for original, cells in zip(rows, lines, strict=True):
        styled.append("\n")
        for i, (col, cell) in enumerate(zip(columns, cells, strict=True)):
            if i:
                styled.append("  ")
            source = original[i]
            style = col.style or (source.style if isinstance(source, (Text, Styled)) else "")
            styled.append(cell, style=style)
    console.print(styled, no_wrap=True, overflow="ignore", crop=False)
