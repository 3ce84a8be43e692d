"""The way to a topic: its unfinished prerequisites in study order (`path`), and, when `next` has
nothing to offer, what the rest waits on. Pure, on top of `ranking`."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from infra_roadmap import graph
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import Topic
from infra_roadmap.i18n import plural, say
from infra_roadmap.progress.events import TODO, TopicState, finished_ids
from infra_roadmap.ranking import Context, Score, Weights, score_topics
from infra_roadmap.vocab import FINISHED


def path_to(
    roadmap: Roadmap,
    target: Topic,
    states: Mapping[str, TopicState],
    weights: Weights,
    context: Context,
    *,
    lang: str = "both",
    counts: Mapping[str, int] | None = None,
) -> list[Score]:
    """The unfinished ancestors of `target` and the target itself, prerequisites first; among
    topics ready at the same time, the better score first."""
    needed = graph.ancestors(target.id, roadmap.requires) | {target.id}
    todo = list(needed - finished_ids(states))
    chosen = (roadmap.topics[t] for t in todo)
    scored = {
        s.topic.id: s
        for s in score_topics(
            roadmap, chosen, states, weights, context, lang=lang, counts=counts, explain=False
        )
    }
    keys = {tid: (-round(score.total, 9), tid) for tid, score in scored.items()}
    order = graph.topological_order(roadmap.requires, nodes=todo, key=keys.__getitem__)
    return [scored[tid] for tid in order]


def nothing_next(
    roadmap: Roadmap, states: Mapping[str, TopicState], keep: Callable[[Topic], bool], lang: str = "both"
) -> str:
    """Why `next` has nothing to offer: all finished, or what the rest waits on."""
    wanted = [t for t in roadmap.topics.values() if keep(t)]
    if not wanted:
        return say("next.none_match", lang)
    unfinished = [t for t in wanted if states.get(t.id, TODO).status not in FINISHED]
    if not unfinished:
        return say("next.all_done", lang)
    blockers = sorted(
        {r for t in unfinished for r in t.requires if states.get(r, TODO).status not in FINISHED}
    )
    busy = [b for b in blockers if states.get(b, TODO).status == "in_progress"]
    head = plural("screen.next.waiting", lang, len(unfinished))
    if busy:
        head += say("next.waiting_busy", lang, topics=", ".join(busy[:3]))
    return head + say("next.try_path", lang, topic=unfinished[0].id)
