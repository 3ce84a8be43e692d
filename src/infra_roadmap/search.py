"""`roadmap search`: topics and resources that match what the user typed, best first."""

from __future__ import annotations

from typing import Any

from infra_roadmap.content import Roadmap
from infra_roadmap.shapes import States, topic_row


def search(roadmap: Roadmap, query: str, states: States) -> list[dict[str, Any]]:
    """Topics and resources matching every word of `query` (case-insensitive).

    Exact id/alias/title hits first, then ids that start with the query, then hits in
    ids and titles, then in summaries, resource titles and linked syllabus points; topics before
    resources within a tier; then by id.
    """
    needle = " ".join(query.lower().split())
    words = needle.split()
    if not words:
        return []
    hits: list[tuple[int, int, str, dict[str, Any]]] = []
    for topic in roadmap.topics.values():
        names = [topic.id, topic.title.lower(), topic.title_zh.lower(), *topic.aliases]
        resource_titles = [
            roadmap.resources[r].title.lower() for r in topic.resources if r in roadmap.resources
        ]
        # The syllabus points it links to, so that 页式管理 or "paging" finds the topics that reuse them.
        point_titles = [
            f"{p.title} {p.title_zh}".lower()
            for p in (roadmap.points.get(link.point) for link in topic.exam)
            if p is not None
        ]
        haystack = " ".join([*names, topic.summary.lower(), *resource_titles, *point_titles])
        if not all(w in haystack for w in words):
            continue
        if needle in names:
            tier = 0
        elif topic.id.startswith(needle) or any(a.startswith(needle) for a in topic.aliases):
            tier = 1
        elif all(any(w in n for n in names) for w in words):
            tier = 2
        else:
            tier = 3
        hits.append((tier, 0, topic.id, topic_row(roadmap, topic, states)))
    for resource in roadmap.resources.values():
        names = [resource.id, resource.title.lower(), (resource.title_zh or "").lower()]
        haystack = " ".join(
            [*names, resource.url.lower(), (resource.venue or "").lower(), (resource.authors or "").lower()]
        )
        if not all(w in haystack for w in words):
            continue
        tier = (
            0
            if needle in names
            else 1
            if resource.id.startswith(needle)
            else 2
            if all(any(w in n for n in names) for w in words)
            else 3
        )
        row = {
            "id": resource.id,
            "title": resource.title,
            "title_zh": resource.title_zh or "",
            "kind": resource.kind,
            "url": resource.url,
        }
        hits.append((tier, 1, resource.id, row))
    hits.sort(key=lambda h: h[:3])
    return [h[3] for h in hits]
