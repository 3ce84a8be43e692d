"""The rules that need the whole roadmap: references, aliases, cycles."""

from __future__ import annotations

from collections.abc import Mapping

from infra_roadmap import graph
from infra_roadmap.content.problems import Problem
from infra_roadmap.content.roadmap import Roadmap


def check_references(rm: Roadmap, origins: Mapping[tuple[str, str], str]) -> list[Problem]:
    """Every reference that points nowhere, every alias claimed twice, every prerequisite cycle."""
    problems: list[Problem] = []

    def report(kind: str, ident: str, message: str) -> None:
        problems.append(Problem(origins.get((kind, ident), "?"), kind, ident, message))

    for discipline in rm.disciplines.values():
        for sid in discipline.subjects:
            if sid not in rm.subjects:
                report("discipline", discipline.id, f"unknown exam subject '{sid}'")
    for subject in rm.subjects.values():
        if subject.parent and subject.parent not in rm.subjects:
            report("subject", subject.id, f"unknown parent subject '{subject.parent}'")

    def claim(
        kind: str, owner: str, aliases: tuple[str, ...], ids: Mapping[str, object], claimed: dict[str, str]
    ) -> None:
        for alias in aliases:
            if alias in ids:
                report(kind, owner, f"alias '{alias}' is the id of another {kind}")
            elif alias in claimed:
                report(kind, owner, f"alias '{alias}' is also claimed by '{claimed[alias]}'")
            claimed[alias] = owner

    point_aliases: dict[str, str] = {}
    for p in rm.points.values():
        if p.subject not in rm.subjects:
            report("point", p.id, f"unknown exam subject '{p.subject}'")
        claim("point", p.id, p.aliases, rm.points, point_aliases)
        years = [e.year for e in p.examined]
        if len(years) != len(set(years)):
            report("point", p.id, "a year is listed twice in 'examined'")
        for e in p.examined:
            for source in e.sources:
                if source not in rm.resources:
                    report("point", p.id, f"unknown resource '{source}' in examined {e.year}")
    aliases: dict[str, str] = {}
    for t in rm.topics.values():
        if t.layer not in rm.layers:
            report("topic", t.id, f"unknown layer '{t.layer}'")
        for did in t.disciplines:
            if did not in rm.disciplines:
                report("topic", t.id, f"unknown discipline '{did}'")
        for r in t.requires:
            if r == t.id:
                continue  # a self-loop is reported as a cycle
            if r not in rm.topics:
                hint = f" (renamed to '{rm.aliases[r]}')" if r in rm.aliases else ""
                report("topic", t.id, f"unknown prerequisite '{r}'{hint}")
        for r in t.resources:
            if r not in rm.resources:
                report("topic", t.id, f"unknown resource '{r}'")
        seen_points: set[str] = set()
        for link in t.exam:
            if link.point not in rm.points:
                report("topic", t.id, f"unknown exam point '{link.point}'")
            if link.point in seen_points:
                report("topic", t.id, f"exam point '{link.point}' linked twice")
            seen_points.add(link.point)
        claim("topic", t.id, t.aliases, rm.topics, aliases)
    for cycle in graph.find_cycles({tid: t.requires for tid, t in rm.topics.items()}):
        report("topic", cycle[0], f"prerequisite cycle: {graph.format_cycle(cycle)}")
    return problems
