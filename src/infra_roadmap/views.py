"""What each browsing command shows, as plain data: the JSON output and the input of `render`.

Pure: no Typer, no Rich, no database. Progress comes in as a mapping of topic id -> state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from infra_roadmap import graph
from infra_roadmap.content import Roadmap
from infra_roadmap.content.roadmap import Resource, Topic
from infra_roadmap.state import TODO, TopicState

States = Mapping[str, TopicState]


def state_of(states: States, topic_id: str) -> TopicState:
    return states.get(topic_id, TODO)


def topic_row(roadmap: Roadmap, topic: Topic, states: States) -> dict[str, Any]:
    state = state_of(states, topic.id)
    return {
        "id": topic.id,
        "title": topic.title,
        "title_zh": topic.title_zh,
        "layer": topic.layer,
        "status": state.status,
        "hours": topic.hours,
        "level": topic.level,
        "minutes": state.minutes,
        "exam": sorted({link.point.rsplit(".", 1)[0] for link in topic.exam}),
    }


def resource_dict(resource: Resource) -> dict[str, Any]:
    return {k: v for k, v in resource.as_dict().items() if v is not None}


def topic_detail(roadmap: Roadmap, topic: Topic, states: States) -> dict[str, Any]:
    state = state_of(states, topic.id)

    def brief(tid: str) -> dict[str, Any]:
        other = roadmap.topics[tid]
        return {"id": tid, "title": other.title, "title_zh": other.title_zh,
                "status": state_of(states, tid).status}

    layer = roadmap.layers.get(topic.layer)
    direct = roadmap.unlocks.get(topic.id, [])
    everything = graph.descendants(topic.id, roadmap.unlocks)
    exam = []
    for link in sorted(topic.exam, key=lambda l: (-l.weight, l.point)):
        point = roadmap.points.get(link.point)
        subject = roadmap.subject_of(link.point)
        exam.append({
            "point": link.point,
            "weight": link.weight,
            "why": link.why,
            "title": point.title if point else link.point,
            "title_zh": point.title_zh if point else link.point,
            "subject": subject.id if subject else None,
            "subject_title_zh": subject.title_zh if subject else None,
        })
    return {
        "id": topic.id,
        "title": topic.title,
        "title_zh": topic.title_zh,
        "layer": topic.layer,
        "layer_title": layer.title if layer else topic.layer,
        "layer_title_zh": layer.title_zh if layer else topic.layer,
        "disciplines": list(topic.disciplines),
        "summary": topic.summary,
        "hours": topic.hours,
        "level": topic.level,
        "directions": list(topic.directions),
        "aliases": list(topic.aliases),
        "status": state.status,
        "minutes": state.minutes,
        "requires": [brief(t) for t in topic.requires if t in roadmap.topics],
        "unlocks": [brief(t) for t in direct],
        "unlocks_total": len(everything),
        "resources": [resource_dict(roadmap.resources[r]) for r in topic.resources if r in roadmap.resources],
        "exam": exam,
    }


def path_plan(goal: Topic, steps: Sequence[Any], states: States) -> dict[str, Any]:
    """`roadmap path`: the target, the total hours and the steps (ranking.Score) in study order."""
    return {
        "target": goal.id,
        "title": goal.title,
        "title_zh": goal.title_zh,
        "hours": sum(st.topic.hours for st in steps),
        "steps": [{"id": st.topic.id, "title": st.topic.title, "title_zh": st.topic.title_zh,
                   "layer": st.topic.layer, "hours": st.topic.hours,
                   "status": state_of(states, st.topic.id).status, "score": round(st.total, 4)}
                  for st in steps],
    }


def tree(roadmap: Roadmap, states: States, topics: Sequence[Topic] | None = None) -> list[dict[str, Any]]:
    """Layers in order, each with its topics in study order."""
    chosen = topics if topics is not None else roadmap.select()
    by_layer: dict[str, list[dict[str, Any]]] = {}
    for topic in chosen:
        by_layer.setdefault(topic.layer, []).append(topic_row(roadmap, topic, states))
    layers = sorted(roadmap.layers.values(), key=lambda l: (l.order, l.id))
    return [
        {"id": l.id, "title": l.title, "title_zh": l.title_zh, "summary": l.summary,
         "topics": by_layer.get(l.id, [])}
        for l in layers
        if l.id in by_layer
    ]


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
        resource_titles = [roadmap.resources[r].title.lower() for r in topic.resources if r in roadmap.resources]
        # The syllabus points it links to, so that 页式管理 or "paging" finds the topics that reuse them.
        point_titles = [f"{p.title} {p.title_zh}".lower() for p in
                        (roadmap.points.get(link.point) for link in topic.exam) if p is not None]
        haystack = " ".join(names + [topic.summary.lower()] + resource_titles + point_titles)
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
        haystack = " ".join(names + [resource.url.lower(), (resource.venue or "").lower(), (resource.authors or "").lower()])
        if not all(w in haystack for w in words):
            continue
        tier = (0 if needle in names else 1 if resource.id.startswith(needle)
                else 2 if all(any(w in n for n in names) for w in words) else 3)
        row = {"id": resource.id, "title": resource.title, "title_zh": resource.title_zh or "",
               "kind": resource.kind, "url": resource.url}
        hits.append((tier, 1, resource.id, row))
    hits.sort(key=lambda h: h[:3])
    return [h[3] for h in hits]


def _layer_groups(roadmap: Roadmap, topics: Sequence[Topic]) -> list[tuple[str, int, str, list[Topic]]]:
    """(layer id, order, "Title 中文", topics) per layer, in layer order: the graphs' clusters."""
    by_layer: dict[str, list[Topic]] = {}
    for topic in topics:
        by_layer.setdefault(topic.layer, []).append(topic)
    groups = []
    for lid, members in by_layer.items():
        layer = roadmap.layers.get(lid)
        label = f"{layer.title} {layer.title_zh}" if layer else lid
        groups.append((lid, roadmap.layer_order(members[0]), label, members))
    return sorted(groups, key=lambda group: group[1])


def _edges(topics: Sequence[Topic]) -> list[tuple[str, str]]:
    """(prerequisite, topic) pairs with both ends among `topics`."""
    chosen = {t.id for t in topics}
    return [(prereq, topic.id) for topic in topics for prereq in topic.requires if prereq in chosen]


def graph_mermaid(roadmap: Roadmap, topics: Sequence[Topic]) -> str:
    """A Mermaid flowchart; node ids are generated and labels quoted, so no title can break it."""
    node = {tid: f"t{i}" for i, tid in enumerate(t.id for t in topics)}
    lines = ["flowchart LR"]
    for _lid, order, label, members in _layer_groups(roadmap, topics):
        lines.append(f'  subgraph L{order}["{_mermaid_text(label)}"]')
        for topic in members:
            lines.append(f'    {node[topic.id]}["{_mermaid_text(topic.title)}<br/>{_mermaid_text(topic.title_zh)}"]')
        lines.append("  end")
    lines += [f"  {node[prereq]} --> {node[tid]}" for prereq, tid in _edges(topics)]
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    # Inside a quoted label, Mermaid reads entity codes; these characters could end the label or
    # start markup.
    replacements = {"&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", "\n": " "}
    out = []
    for ch in text:
        out.append(replacements.get(ch, ch))
    return "".join(out)


def graph_dot(roadmap: Roadmap, topics: Sequence[Topic]) -> str:
    """A Graphviz digraph, one cluster per layer, prerequisites pointing at what they unlock."""
    lines = ["digraph roadmap {", "  rankdir=LR;", '  node [shape=box, style=rounded, fontname="sans-serif"];']
    for lid, _order, label, members in _layer_groups(roadmap, topics):
        lines.append(f"  subgraph {_dot_id('cluster_' + lid)} {{")
        lines.append(f"    label={_dot_id(label)};")
        for topic in members:
            lines.append(f"    {_dot_id(topic.id)} [label={_dot_id(topic.title + chr(10) + topic.title_zh)}];")
        lines.append("  }")
    lines += [f"  {_dot_id(prereq)} -> {_dot_id(tid)};" for prereq, tid in _edges(topics)]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_id(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def nothing_next(roadmap: Roadmap, states: States, keep) -> str:
    """Why `next` has nothing to offer: all finished, or what the rest waits on."""
    from infra_roadmap.state import FINISHED

    wanted = [t for t in roadmap.topics.values() if keep(t)]
    if not wanted:
        return "No topic matches these filters."
    unfinished = [t for t in wanted if state_of(states, t.id).status not in FINISHED]
    if not unfinished:
        return "Everything here is done or skipped. Well done!"
    blockers = sorted({r for t in unfinished for r in t.requires if state_of(states, r).status not in FINISHED})
    busy = [b for b in blockers if state_of(states, b).status == "in_progress"]
    example = unfinished[0]
    head = f"{len(unfinished)} topic(s) here wait on prerequisites"
    if busy:
        head += f", some on topics in progress ({', '.join(busy[:3])})"
    return f"{head}; e.g. try 'roadmap path {example.id}'."
