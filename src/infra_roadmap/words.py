"""Words as a student types them, made comparable: full-width forms folded (Ｂ＋树 -> b+树, as a
Chinese input method types them), case folded, spaces collapsed; a query split into words where
Latin meets Chinese. Pure; used by search and by the lookup of topics by name."""

from __future__ import annotations

import re
import unicodedata

_SCRIPTS = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]+|[^\s\u2e80-\u9fff\uf900-\ufaff]+")


def normalize(text: str) -> str:
    """Full-width forms folded, case folded, spaces collapsed."""
    if text.isascii():
        return " ".join(text.lower().split())
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def words_of(needle: str) -> list[str]:
    """The words of a query, split at spaces and where Latin meets Chinese ('tcp拥塞控制' ->
    ['tcp', '拥塞控制'])."""
    return _SCRIPTS.findall(needle)
