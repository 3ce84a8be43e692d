"""Pinyin of the roadmap's Chinese names, so that `search yeshi` or `search ysgl` finds 页式管理.

Computed when the roadmap cache is built (pypinyin is imported then, never on an everyday
command): for each topic and syllabus point, the full pinyin and the initials of its Chinese
title and of its Chinese keywords and aliases. A memo in the cache folder keeps every reading
made, so a rebuild after editing one file converts only the names that are new.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from infra_roadmap import cachefile

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_RUNS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MEMO_KEY = "pinyin 2"


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def names_of(record: Any) -> list[str]:
    """The Chinese names of a topic or point: its title, keywords and aliases that hold Han."""
    names = [record.title_zh, *getattr(record, "keywords", ()), *getattr(record, "aliases", ())]
    return [n for n in dict.fromkeys(names) if n and has_han(n)]


def readings(texts: Iterable[str], memo: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each text's [full pinyin, initials], lower case, without tones or spaces ('页式管理' ->
    ['yeshiguanli', 'ysgl']); letters and digits in the text are kept as they are ('B+树' ->
    ['b+shu', 'b+s'])."""
    texts = list(dict.fromkeys(texts))
    missing = [t for t in texts if t not in memo]
    if missing:
        from pypinyin import lazy_pinyin

        runs: dict[str, list[str]] = {}  # names share runs: 'AI 基础设施', '基础设施即服务'
        for text in missing:
            full, initials = [], []
            for run in _RUNS.findall(text.lower()):
                if has_han(run):  # one call per run of Han keeps pypinyin's phrase readings
                    syllables = runs.get(run)
                    if syllables is None:
                        syllables = runs[run] = lazy_pinyin(run)
                    full += syllables
                    initials += [syllable[:1] for syllable in syllables]
                else:
                    full.append(run)
                    initials.append(run)
            memo[text] = ["".join(full).replace(" ", ""), "".join(initials).replace(" ", "")]
    return {t: memo[t] for t in texts}


def of_records(records: Iterable[Any], cache_dir: Path | None) -> dict[str, list[str]]:
    """Record id -> the distinct pinyin forms of its Chinese names."""
    memo_path = cache_dir / "pinyin-memo.marshal" if cache_dir is not None else None
    stored = cachefile.read(memo_path, MEMO_KEY) if memo_path is not None else None
    memo: dict[str, list[str]] = stored if isinstance(stored, dict) else {}
    size = len(memo)
    records = list(records)
    names = {r.id: names_of(r) for r in records}
    read = readings((n for found in names.values() for n in found), memo)
    forms = {
        rid: list(dict.fromkeys(form for n in found for form in read[n])) for rid, found in names.items()
    }
    if memo_path is not None and len(memo) != size:
        cachefile.write(memo_path, MEMO_KEY, memo)
    return {rid: found for rid, found in forms.items() if found}
