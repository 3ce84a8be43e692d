"""Every text a user reads, in English and Chinese: one catalogue, one function.

The catalogue is kept in rooms by what they word (`core`, `screens`, `errors`, `storage`,
`report`), each a table of key -> (English, Chinese); `MESSAGES` is all of them, and a key lives
in exactly one (a test holds them apart).

`say(key, lang, **values)` gives the text of `key` for `lang` (zh: Chinese; en or both: English,
since `both` only puts the two titles side by side). A table per language rather than gettext:
the texts sit beside their keys, a test walks every key for both languages, and no .mo file has to
be compiled and shipped. Ids, commands and names such as vLLM stay as they are in both.
"""

from __future__ import annotations

from typing import Any

from infra_roadmap.i18n import core, errors, report, screens, storage

ROOMS = (core.MESSAGES, screens.MESSAGES, errors.MESSAGES, storage.MESSAGES, report.MESSAGES)
# key -> (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {key: texts for room in ROOMS for key, texts in room.items()}


def say(key: str, lang: str, **values: Any) -> str:
    """The text of `key` in `lang`, filled in with `values`."""
    en, zh = MESSAGES[key]
    return (zh if lang == "zh" else en).format(**values)


def plural(key: str, lang: str, count: int, **values: Any) -> str:
    """`key.one` for one, `key.many` otherwise."""
    return say(f"{key}.{'one' if count == 1 else 'many'}", lang, count=count, **values)


def name(kind: str, value: str, lang: str) -> str:
    """A status, level, direction or rating in `lang` ('status', 'in_progress' -> 学习中)."""
    key = f"{kind}.{value}"
    return say(key, lang) if key in MESSAGES else value
