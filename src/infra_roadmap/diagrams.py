"""The prerequisite graph as text for a blog post (Mermaid) or Graphviz (DOT). Pure: labels are
quoted and escaped so that no title can break the diagram."""

from __future__ import annotations

from collections.abc import Sequence

from infra_roadmap import textsafe
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Topic


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
            lines.append(
                f'    {node[topic.id]}["{_mermaid_text(topic.title)}<br/>{_mermaid_text(topic.title_zh)}"]'
            )
        lines.append("  end")
    lines += [f"  {node[prereq]} --> {node[tid]}" for prereq, tid in _edges(topics)]
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    # Inside a quoted label, Mermaid reads entity codes; these characters could end the label or
    # start markup.
    replacements = {"&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;"}
    out = []
    for ch in textsafe.line(text):
        out.append(replacements.get(ch, ch))
    return "".join(out)


def graph_dot(roadmap: Roadmap, topics: Sequence[Topic]) -> str:
    """A Graphviz digraph, one cluster per layer, prerequisites pointing at what they unlock."""
    lines = [
        "digraph roadmap {",
        "  rankdir=LR;",
        '  node [shape=box, style=rounded, fontname="sans-serif"];',
    ]
    for lid, _order, label, members in _layer_groups(roadmap, topics):
        lines.append(f"  subgraph {_dot_id('cluster_' + lid)} {{")
        lines.append(f"    label={_dot_id(label)};")
        for topic in members:
            lines.append(
                f"    {_dot_id(topic.id)} [label={_dot_id(topic.title + chr(10) + topic.title_zh)}];"
            )
        lines.append("  }")
    lines += [f"  {_dot_id(prereq)} -> {_dot_id(tid)};" for prereq, tid in _edges(topics)]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_id(text: str) -> str:
    """A quoted DOT string; a newline in `text` becomes DOT's own line break."""
    parts = [textsafe.line(part).replace("\\", "\\\\").replace('"', '\\"') for part in text.split("\n")]
    return '"' + "\\n".join(parts) + '"'
