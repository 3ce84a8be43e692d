"""`roadmap search`: topics and resources that match what a student types, best first.

Hits are ranked by where they matched, in tiers (SPEC.md, "Search and language"):

0. a name equal to the query: the topic's id, title, Chinese title, a keyword or an old id;
1. the pinyin of a Chinese name equal to the query (full or initials: `fenye`, `fy`);
2. a name starting with the query; 3. a pinyin starting with it;
4. a name containing it;
5. the title, Chinese title, keywords or pinyin of a linked syllabus point (equal, then
   starting with, then containing; a point the topic teaches before one it applies);
6. the summary or the `why` of an exam link; a query of several words whose words are all found
   somewhere in the topic;
7. resources (title, Chinese title, id, URL, authors, venue), shown with their URL.

Within a tier a name is better than a keyword, a match covering more of its name is better,
and a syllabus chapter (a topic that teaches a point) comes before a topic that only touches
it; then ids. When nothing matches, near spellings of names are offered (difflib), marked
`fuzzy`. Each hit says where it matched (`matched`) with a short `snippet`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Point, Resource, Topic
from infra_roadmap.shapes import States, topic_row
from infra_roadmap.words import normalize, words_of

RESOURCE_TIER = 7
FUZZY_TIER = 8
SNIPPET = 36  # characters of context either side of a match in a summary or a why
_PINYIN_QUERY = re.compile(r"[a-z' ]+")


class Hit(NamedTuple):
    rank: tuple[Any, ...]
    row: dict[str, Any]


class _Match(NamedTuple):
    tier: int
    field: int  # 0 a title or id, 1 a keyword or old id, 2 a point or text
    cover: float  # the share of the matched text the query covers (more is better)
    matched: str  # id / title / keyword / pinyin / point / summary / why / words / resource
    snippet: str


def search(roadmap: Roadmap, query: str, states: States) -> list[dict[str, Any]]:
    """Topic and resource hits for `query`, best first (see the module)."""
    needle = normalize(query)
    if not needle:
        return []
    pinyin_needle = needle.replace(" ", "").replace("'", "") if _PINYIN_QUERY.fullmatch(needle) else ""
    point_matches = {
        pid: _point_match(p, needle, pinyin_needle, roadmap) for pid, p in roadmap.points.items()
    }
    hits: list[Hit] = []
    for topic in roadmap.topics.values():
        found = _topic_match(topic, needle, pinyin_needle, roadmap, point_matches)
        if found is not None:
            teaches = 0 if any(link.weight == 3 for link in topic.exam) else 1
            row = {**topic_row(roadmap, topic, states), "matched": found.matched, "snippet": found.snippet}
            hits.append(Hit((found.tier, found.field, -found.cover, teaches, topic.id), row))
    for resource in roadmap.resources.values():
        found = _resource_match(resource, needle)
        if found is not None:
            hits.append(
                Hit(
                    (RESOURCE_TIER, found.tier, -found.cover, 0, resource.id),
                    _resource_row(roadmap, resource, found),
                )
            )
    if not hits:
        hits = _fuzzy(roadmap, needle, states)
    hits.sort(key=lambda h: h.rank)
    return [h.row for h in hits]


# ---- matching ----------------------------------------------------------------------------------


def _grade(text: str, needle: str) -> int | None:
    """0 equal, 1 starts with, 2 contains, None: no match."""
    if text == needle:
        return 0
    if text.startswith(needle):
        return 1
    if needle in text:
        return 2
    return None


def _best_name(
    names: Iterable[tuple[str, int, str]], needle: str, pinyin_needle: str, pinyins: Sequence[str]
) -> _Match | None:
    """The best match among (text, field, what) names and pinyin forms, as tiers 0-4."""
    best: _Match | None = None
    compact = needle.replace(" ", "") if " " in needle else ""
    for text, field, what in names:
        name = normalize(text)
        grade = _grade(name, needle)
        if grade is None and compact:  # 'all reduce' finds AllReduce, 'kv cache' finds KVCache
            grade = _grade(name.replace(" ", ""), compact)
        if grade is None:
            continue
        tier = {0: 0, 1: 2, 2: 4}[grade]
        found = _Match(tier, field, len(needle) / max(len(name), 1), what, text)
        if best is None or found[:3] < best[:3] or (found[:2] == best[:2] and found.cover > best.cover):
            best = found
    if pinyin_needle:
        for form in pinyins:
            grade = _grade(form, pinyin_needle)
            if grade is None or (grade == 2 and len(pinyin_needle) < 4):
                continue  # 'fy' inside a long pinyin is chance, not intent
            tier = {0: 1, 1: 3, 2: 4}[grade]
            found = _Match(tier, 1, len(pinyin_needle) / len(form), "pinyin", form)
            if best is None or (found.tier, found.field, -found.cover) < (best.tier, best.field, -best.cover):
                best = found
    return best


def _names(record: Topic | Point) -> list[tuple[str, int, str]]:
    names = [(record.title, 0, "title"), (record.title_zh, 0, "title")]
    if isinstance(record, Topic):
        names.insert(0, (record.id, 0, "id"))
    names += [(k, 1, "keyword") for k in record.keywords]
    names += [(a, 1, "id") for a in record.aliases]
    return names


def _point_match(point: Point, needle: str, pinyin_needle: str, roadmap: Roadmap) -> _Match | None:
    return _best_name(_names(point), needle, pinyin_needle, roadmap.point_pinyin.get(point.id, ()))


def _topic_match(
    topic: Topic,
    needle: str,
    pinyin_needle: str,
    roadmap: Roadmap,
    point_matches: dict[str, _Match | None],
) -> _Match | None:
    found = _best_name(_names(topic), needle, pinyin_needle, roadmap.topic_pinyin.get(topic.id, ()))
    if found is not None:
        return found
    # Tier 5: a linked syllabus point; a point the topic teaches first.
    best: _Match | None = None
    for link in topic.exam:
        point = point_matches.get(link.point)
        if point is None:
            continue
        title = roadmap.points[link.point]
        found = _Match(
            5, 3 - link.weight, point.cover - point.tier, "point", f"{title.title_zh} · {title.title}"
        )
        if best is None or (found.field, -found.cover) < (best.field, -best.cover):
            best = found
    if best is not None:
        return best
    # Tier 6: the summary, the whys; every word of a several-word query.
    for text, what in [(topic.summary, "summary"), *((link.why, "why") for link in topic.exam)]:
        at = normalize(text).find(needle)
        if at >= 0:
            return _Match(
                6, 0 if what == "summary" else 1, 0.0, what, _snippet(normalize(text), at, len(needle))
            )
    words = words_of(needle)
    if len(words) > 1:
        names = normalize(" ".join(n for n, _f, _w in _names(topic)))
        texts = normalize(" ".join([topic.summary, *(link.why for link in topic.exam)]))
        if all(word in names or word in texts for word in words):
            in_names = sum(word in names for word in words)
            field = 0 if in_names == len(words) else 1 if in_names else 2
            return _Match(6, field, in_names / len(words), "words", topic.title)
    return None


def _snippet(text: str, at: int, length: int) -> str:
    start, end = max(0, at - SNIPPET), min(len(text), at + length + SNIPPET)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _resource_match(resource: Resource, needle: str) -> _Match | None:
    best: _Match | None = None
    texts = [
        resource.title,
        resource.title_zh or "",
        resource.id,
        resource.authors or "",
        resource.venue or "",
    ]
    if not "https://www.".startswith(needle):  # 'http' or 'www' would match every address
        texts.append(resource.url)
    for text in texts:
        grade = _grade(normalize(text), needle) if text else None
        if grade is not None and (best is None or grade < best.tier):
            best = _Match(grade, 0, len(needle) / max(len(text), 1), "resource", resource.title)
    return best


def _resource_row(roadmap: Roadmap, resource: Resource, found: _Match) -> dict[str, Any]:
    cited_by = sorted(tid for tid, t in roadmap.topics.items() if resource.id in t.resources)
    return {
        "id": resource.id,
        "title": resource.title,
        "title_zh": resource.title_zh or "",
        "kind": resource.kind,
        "url": resource.url,
        "cited_by": cited_by,
        "matched": found.matched,
        "snippet": found.snippet,
    }


def _fuzzy(roadmap: Roadmap, needle: str, states: States) -> list[Hit]:
    """Near spellings of ids, titles and keywords, when nothing matched ('pagedatention')."""
    import difflib

    owners: dict[str, str] = {}
    for topic in roadmap.topics.values():
        for text, _field, _what in _names(topic):
            owners.setdefault(normalize(text), topic.id)
    close = difflib.get_close_matches(needle, list(owners), n=5, cutoff=0.6)
    hits: list[Hit] = []
    seen: set[str] = set()
    for rank, text in enumerate(close):
        tid = owners[text]
        if tid in seen:
            continue
        seen.add(tid)
        row = {**topic_row(roadmap, roadmap.topics[tid], states), "matched": "fuzzy", "snippet": text}
        hits.append(Hit((FUZZY_TIER, rank, 0.0, 0, tid), row))
    return hits


def ids_for(roadmap: Roadmap, query: str, n: int = 3) -> list[str]:
    """The topic ids of the best hits, for an 'unknown topic' hint."""
    rows = search(roadmap, query, {})
    return [row["id"] for row in rows if "layer" in row][:n]
