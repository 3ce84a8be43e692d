"""The two output streams: data on stdout (JSON, text, Rich output), messages on stderr.

Everything printed passes through `textsafe`: no control character or bidi override from a note,
an overlay or an import reaches the terminal, and JSON keeps its escapes.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from infra_roadmap import textsafe

_out: Console | None = None
_err: Console | None = None


def out() -> Console:
    global _out
    if _out is None:
        _out = Console(highlight=False, emoji=False)
    return _out


def err() -> Console:
    global _err
    if _err is None:
        _err = Console(stderr=True, highlight=False, emoji=False)
    return _err


def emit_json(data: Any) -> None:
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(textsafe.json_text(text) + "\n")


def emit_text(text: str) -> None:
    sys.stdout.write(textsafe.for_terminal(text))


def error(message: str, lang: str = "en") -> None:
    """One line on stderr, plain, whatever the terminal: `Error: …` (`错误：…` in zh)."""
    from infra_roadmap.i18n import say  # only when there is an error to show

    sys.stderr.write(say("error.prefix", lang, message=textsafe.line(message)) + "\n")


def message(text: str) -> None:
    """A line for the user on stderr; Rich markup is honoured (and stripped when not a terminal).
    Text from users must be escaped with `rich.markup.escape` by the caller."""
    text = textsafe.line(text)
    if "[" not in text or not sys.stderr.isatty():
        from rich.markup import render as parse_markup

        sys.stderr.write((parse_markup(text, emoji=False).plain if "[" in text else text) + "\n")
        return
    err().print(text)


def plain_output() -> bool:
    """True when stdout is not a colour terminal: output is then plain lines, whole, unwrapped."""
    console = out()
    return not console.is_terminal or console.no_color or console.color_system is None


def safe(text: object, style: str = "") -> Text:
    """A Rich Text of one safe line of user or roadmap text (never read as markup)."""
    return Text(textsafe.line(text), style=style)


def link(url: str) -> str:
    """The Rich style that makes text a hyperlink (OSC 8), or none when the URL holds anything
    that could end the escape sequence early (a BEL, an ESC, a space)."""
    return f"link {url}" if url.isprintable() and textsafe.is_safe(url) and " " not in url else ""


def emit_blocks(parts: Sequence[tuple[int, Text]]) -> None:
    """Indented paragraphs. On a terminal Rich wraps each under its indent; piped, each paragraph
    is one line (the reader wraps, or greps), which also skips Rich's layout work."""
    if plain_output():
        sys.stdout.write("".join(" " * indent + textsafe.line(text.plain) + "\n" for indent, text in parts))
        return
    from rich.console import Group

    out().print(Group(*(Padding(text, (0, 0, 0, indent)) if indent else text for indent, text in parts)))
