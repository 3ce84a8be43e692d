"""Text that is safe to print: no control characters, no bidi overrides, no broken lines.

Anything that reaches a terminal may come from a user (notes), an overlay (titles, URLs) or an
imported file. An ESC starts a terminal escape sequence (`\\x1b[2J` clears the screen), a BEL ends
an OSC sequence (and so can break out of a hyperlink), U+202E reverses the text that follows and a
newline breaks a table. Pure functions, used by every writer and renderer; `str.translate` with
fixed tables, so importing this costs nothing and each call runs in C.
"""

from __future__ import annotations

# C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides,
# isolates and marks.
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_UNSAFE = (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *_BIDI)
_DROP: dict[int, None] = dict.fromkeys(_UNSAFE)
# For one line: line breaks and tabs become spaces first.
_BREAKS = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029)
_LINE: dict[int, str | None] = {**_DROP, **dict.fromkeys(_BREAKS, " ")}
# For a whole text: newlines and tabs stay, and so does a CR that ends a line (CSV's CRLF).
_TEXT: dict[int, str | None] = {**_DROP, 0x0A: "\n", 0x09: "\t"}
# Characters json.dumps(ensure_ascii=False) leaves raw, written as \u escapes instead.
_JSON: dict[int, str] = {c: f"\\u{c:04x}" for c in (*range(0x7F, 0xA0), *_BIDI, 0x2028, 0x2029)}


def _plain(text: str) -> bool:
    """Nothing to remove: `isprintable` is false for every control, format (bidi) and separator
    character but the space, and runs in C."""
    return text.isprintable()


def is_safe(text: str) -> bool:
    """True when `text` holds no character that `for_terminal` would remove (CRLF aside)."""
    if _plain(text):
        return True
    lines = text.replace("\r\n", "\n")
    return lines.translate(_TEXT) == lines


def for_terminal(text: str) -> str:
    """`text` without the characters a terminal would act on; newlines, tabs and CRLF line ends
    (CSV) stay."""
    if _plain(text):
        return text
    if "\r\n" in text:
        return "\r\n".join(part.translate(_TEXT) for part in text.split("\r\n"))
    return text.translate(_TEXT)


def line(value: object) -> str:
    """One line of safe text: line breaks and tabs become spaces (a table cell, a message)."""
    text = str(value)
    if _plain(text):
        return text
    return text.replace("\r\n", " ").translate(_LINE)


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
    return text.translate(_JSON)


def csv_cell(value: object) -> object:
    """A spreadsheet cell that cannot run as a formula: text starting with =, +, -, @, tab or CR
    gets a leading apostrophe (OWASP's advice); numbers stay numbers."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
