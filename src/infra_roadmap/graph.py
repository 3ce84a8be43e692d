"""The prerequisite graph: pure functions over `requires` (topic id -> prerequisite ids).

Every walk here is linear in nodes + edges, so that 10,000 topics stay fast.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

Requires = Mapping[str, Sequence[str]]


def unlocked_by(requires: Requires) -> dict[str, list[str]]:
    """Reverse edges: for each topic, the topics that name it as a prerequisite (sorted)."""
    unlocks: dict[str, list[str]] = {node: [] for node in requires}
    for node, prereqs in requires.items():
        for prereq in prereqs:
            unlocks.setdefault(prereq, []).append(node)
    for targets in unlocks.values():
        targets.sort()
    return unlocks


def reachable(starts: Iterable[str], edges: Mapping[str, Sequence[str]]) -> set[str]:
    """Every node reachable from `starts` along `edges`, excluding the starts themselves."""
    starts = list(starts)
    seen: set[str] = set(starts)
    queue = deque(starts)
    while queue:
        for nxt in edges.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen - set(starts)


def ancestors(node: str, requires: Requires) -> set[str]:
    """All prerequisites of `node`, direct and transitive."""
    return reachable([node], requires)


def descendants(node: str, unlocks: Mapping[str, Sequence[str]]) -> set[str]:
    """Everything `node` unlocks, direct and transitive (pass the result of `unlocked_by`)."""
    return reachable([node], unlocks)


def topological_order(
    requires: Requires,
    nodes: Iterable[str] | None = None,
    key: Callable[[str], Any] | None = None,
) -> list[str]:
    """Prerequisites before what needs them (Kahn's algorithm).

    Restricted to `nodes` when given (edges to other nodes are ignored). Among the nodes that are
    ready at the same time, the smallest `key` comes first (default: the id), so the order is
    deterministic. Nodes on a cycle are left out; `find_cycles` names them.
    """
    members = list(requires if nodes is None else dict.fromkeys(nodes))
    inside = set(members)
    sort_key = key or (lambda node: node)
    indegree = dict.fromkeys(members, 0)
    dependents: dict[str, list[str]] = {node: [] for node in members}
    for node in members:
        for prereq in requires.get(node, ()):
            if prereq in inside:
                indegree[node] += 1
                dependents[prereq].append(node)
    ready = [(sort_key(node), node) for node, degree in indegree.items() if degree == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, node = heapq.heappop(ready)
        order.append(node)
        for dependent in dependents[node]:
            indegree[dependent] -= 1
            if indegree[dependent] == 0:
                heapq.heappush(ready, (sort_key(dependent), dependent))
    return order


def find_cycles(requires: Requires) -> list[list[str]]:
    """One cycle per strongly connected component that has one, as [a, b, ..., a].

    Tarjan's algorithm, iterative so that deep graphs cannot overflow the stack. Edges to
    unknown nodes are ignored (they are reported as unknown references elsewhere).
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(requires):
        if root in index:
            continue
        work = [(root, iter(sorted(requires.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in requires:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(requires.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in requires.get(node, ()):
                    components.append(component)
    return sorted((_cycle_in(component, requires) for component in components), key=lambda c: c[0])


def _cycle_in(component: list[str], requires: Requires) -> list[str]:
    """A concrete cycle through the smallest id of a strongly connected component."""
    members = set(component)
    start = min(component)
    # Breadth-first from start back to start inside the component gives a shortest cycle.
    parent: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(requires.get(node, ())):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                path.reverse()
                return [*path, start]
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return [start, start]


def format_cycle(cycle: Sequence[str]) -> str:
    return " -> ".join(cycle)


def descendant_counts(
    unlocks: Mapping[str, Sequence[str]],
    counted: Iterable[str],
    order: Sequence[str],
    *,
    chunk: int = 4096,
) -> dict[str, int]:
    """For every node, how many nodes of `counted` it reaches along `unlocks` (itself excluded).

    `order` lists every node with prerequisites before what they unlock (a topological order of
    the `requires` graph). The counted nodes are numbered along it and taken `chunk` at a time:
    for each chunk one pass from the chunk's last member back to the first node gives each node
    the chunk's members it reaches, as a bitset (a Python int) that is the union of its
    children's, and adds their number to its count (nodes after the last member cannot reach
    it). Memory stays linear in the graph (one bitset of at most `chunk` bits per node); each
    union runs in C over machine words, and nodes are list positions rather than dict keys.
    Paths through nodes outside `counted` still count what lies beyond them.
    """
    counted = set(counted)
    position = {node: i for i, node in enumerate(order)}
    children = [[position[c] for c in unlocks.get(node, ()) if c in position] for node in order]
    members = [i for i, node in enumerate(order) if node in counted]
    counts = [0] * len(order)
    for first in range(0, len(members), chunk):
        block = members[first : first + chunk]
        last = block[-1]
        bits = [0] * (last + 1)
        for k, i in enumerate(block):
            bits[i] = 1 << k
        reach = [0] * (last + 1)  # what each node reaches of the chunk, itself excluded
        for i in range(last, -1, -1):
            acc = 0
            for c in children[i]:
                if c <= last:
                    acc |= reach[c] | bits[c]
            if acc:
                reach[i] = acc
                counts[i] += acc.bit_count()
    return dict(zip(order, counts, strict=True))
