"""Text that is safe to print: no control characters, no bidi overrides, no broken lines.

Anything that reaches a terminal may come from a user (notes), an overlay (titles, URLs) or an
imported file. An ESC starts a terminal escape sequence (`\\x1b[2J` clears the screen), a BEL ends
an OSC sequence (and so can break out of a hyperlink), U+202E reverses the text that follows and a
newline breaks a table. Pure functions, used by every writer and renderer.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embeddings, overrides,
# isolates and marks.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# The same, but a CR that ends a line (CRLF, as CSV writes) stays.
_UNSAFE_KEEP_CRLF_RE = re.compile(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
_BREAKS_RE = re.compile(r"\r\n|[\t\n\r\v\f\x85\u2028\u2029]")
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def is_safe(text: str) -> bool:
    """True when `text` holds no character that `for_terminal` would remove."""
    return _UNSAFE_RE.search(text) is None


def for_terminal(text: str) -> str:
    """`text` without the characters a terminal would act on; newlines, tabs and CRLF line ends
    (CSV) stay."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_KEEP_CRLF_RE.sub("", text)


def line(value: object) -> str:
    """One line of safe text: line breaks and tabs become spaces (a table cell, a message)."""
    text = str(value)
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_RE.sub("", _BREAKS_RE.sub(" ", text))


def shown(value: object, limit: int = 60) -> str:
    """User input quoted inside a one-line message: unprintable characters escaped visibly
    (`\\x1b`, `\\u202e`) so that the user sees what they typed, and long text cut."""
    text = str(value)
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def json_text(text: str) -> str:
    """JSON from `json.dumps(..., ensure_ascii=False)` with the characters it leaves raw (DEL, C1,
    bidi, line separators) written as \\u escapes: the same JSON, harmless on a terminal."""
    if text.isascii() and "\x7f" not in text:
        return text
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_cell(value: object) -> object:
    """A spreadsheet cell that cannot run as a formula: text starting with =, +, -, @, tab or CR
    gets a leading apostrophe (OWASP's advice); numbers stay numbers."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
