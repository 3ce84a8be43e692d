from infra_roadmap import graph

REQUIRES = {
    "a": [],
    "b": ["a"],
    "c": ["a"],
    "d": ["b", "c"],
    "e": ["d"],
}


def test_unlocked_by_reverses_edges():
    assert graph.unlocked_by(REQUIRES) == {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": ["e"], "e": []}


def test_descendants_and_ancestors_are_transitive():
    unlocks = graph.unlocked_by(REQUIRES)
    assert graph.descendants("a", unlocks) == {"b", "c", "d", "e"}
    assert graph.descendants("e", unlocks) == set()
    assert graph.ancestors("e", REQUIRES) == {"a", "b", "c", "d"}


def test_topological_order_puts_prerequisites_first_and_breaks_ties_by_key():
    order = graph.topological_order(REQUIRES)
    assert order == ["a", "b", "c", "d", "e"]
    reverse_ties = graph.topological_order(REQUIRES, key=lambda n: -ord(n))
    assert reverse_ties == ["a", "c", "b", "d", "e"]


def test_topological_order_restricted_to_a_subset_ignores_outside_edges():
    assert graph.topological_order(REQUIRES, nodes=["e", "b"]) == ["b", "e"]


def test_find_cycles_names_each_cycle_once():
    requires = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["d"], "e": ["a"], "f": ["missing"]}
    cycles = graph.find_cycles(requires)
    assert cycles == [["a", "b", "c", "a"], ["d", "d"]]
    assert graph.format_cycle(cycles[0]) == "a -> b -> c -> a"


def test_acyclic_graph_has_no_cycles():
    assert graph.find_cycles(REQUIRES) == []


def test_deep_chain_does_not_hit_the_recursion_limit():
    n = 20_000
    chain = {f"t{i}": [f"t{i - 1}"] if i else [] for i in range(n)}
    assert graph.find_cycles(chain) == []
    assert len(graph.topological_order(chain)) == n
    chain["t0"] = [f"t{n - 1}"]
    assert len(graph.find_cycles(chain)[0]) == n + 1


def test_descendant_counts_match_breadth_first_search():
    import random

    rng = random.Random(7)
    requires = {
        f"t{i}": [f"t{rng.randrange(i)}" for _ in range(min(i, rng.randint(0, 3)))] for i in range(300)
    }
    unlocks = graph.unlocked_by(requires)
    counted = {node for node in requires if rng.random() < 0.6}
    order = graph.topological_order(requires)
    for chunk in (7, 64, 4096):  # several chunks, and one
        counts = graph.descendant_counts(unlocks, counted, order, chunk=chunk)
        for node in requires:
            assert counts[node] == len(graph.descendants(node, unlocks) & counted), (chunk, node)
