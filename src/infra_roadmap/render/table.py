"""A plain aligned table, one line per row: fast for hundreds of rows, whole when piped."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.text import Text

from infra_roadmap import textsafe
from infra_roadmap.render.console import out, plain_output


class Column:
    """One column of `table`: a header, how to align, a style, and whether it gives up width."""

    __slots__ = ("flex", "header", "justify", "style")

    def __init__(self, header: str, justify: str = "left", style: str = "", flex: bool = False):
        self.header, self.justify, self.style, self.flex = header, justify, style, flex


def _width(text: str) -> int:
    """Terminal cells `text` takes: East Asian wide and full-width characters take two."""
    if text.isascii() or max(text) < "\u1100":  # no character that could be wide (a C-level scan)
        return len(text)
    from unicodedata import east_asian_width

    return len(text) + sum(1 for ch in text if ch >= "\u1100" and east_asian_width(ch) in "WF")


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` terminal cells, ending in '…' (the caller knows it is too wide)."""
    if text.isascii():
        return text[: width - 1] + "…"
    from unicodedata import east_asian_width

    used, kept = 0, []
    for ch in text:
        size = 2 if ch >= "\u1100" and east_asian_width(ch) in "WF" else 1
        if used + size > width - 1:
            break
        kept.append(ch)
        used += size
    return "".join(kept) + " " * (width - 1 - used) + "…"


def table(columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> None:
    """A plain aligned table, one line per row; the flexible column is cut with '…' to fit.

    Rich's Table measures and wraps every cell, which for a few hundred rows costs more than the
    rest of the command; browsing output is one line per row anyway. Piped or colourless output
    skips Rich entirely.
    """
    console = out()
    plain = plain_output()
    texts = [[textsafe.line(c.plain if isinstance(c, Text) else c) for c in row] for row in rows]
    sizes = [[_width(value) for value in row] for row in texts]
    widths = [max([_width(col.header)] + [row[i] for row in sizes]) for i, col in enumerate(columns)]
    room = console.width - 2 * (len(columns) - 1)
    for i, col in enumerate(columns):
        if col.flex:
            fixed = sum(w for j, w in enumerate(widths) if j != i)
            widths[i] = max(12, min(widths[i], room - fixed))
    last = len(columns) - 1

    def cells_of(values: Sequence[str], lengths: Sequence[int]) -> list[str]:
        out_cells = []
        for i, (col, value, length) in enumerate(zip(columns, values, lengths, strict=True)):
            if length > widths[i]:
                value = _fit(value, widths[i])
                length = widths[i]
            pad = " " * (widths[i] - length)
            if col.justify == "right":
                value = pad + value
            elif i < last:
                value = value + pad
            out_cells.append(value)
        return out_cells

    header = cells_of([col.header for col in columns], [_width(col.header) for col in columns])
    if plain:
        lines = ["  ".join(header)] + [
            "  ".join(cells_of(row, size)) for row, size in zip(texts, sizes, strict=True)
        ]
        sys.stdout.write("\n".join(lines) + "\n")
        return
    styled = Text()
    styled.append("  ".join(header), style="bold")  # the header only: a base style would cover every row
    for original, values, size in zip(rows, texts, sizes, strict=True):
        styled.append("\n")
        for i, (col, cell) in enumerate(zip(columns, cells_of(values, size), strict=True)):
            if i:
                styled.append("  ")
            source = original[i]
            style = col.style or (source.style if isinstance(source, Text) else "")
            styled.append(cell, style=style)
    console.print(styled, no_wrap=True, overflow="ignore", crop=False)
