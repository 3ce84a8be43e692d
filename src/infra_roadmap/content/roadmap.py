"""The loaded roadmap: every entity by id, and the lookups the commands share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from infra_roadmap import graph
from infra_roadmap.content.records import PLURALS, Discipline, Layer, Point, Resource, Subject, Topic
from infra_roadmap.errors import AmbiguousTopic, Phrase, RoadmapError, UnknownTopic
from infra_roadmap.textsafe import shown

FREQUENCY_DECAY = 0.85  # what a year-old paper counts against this year's
# The parts a filter names, in words for its error.
_PARTS = {
    "layer": Phrase("error.part.layer"),
    "discipline": Phrase("error.part.discipline"),
    "subject": Phrase("error.part.subject"),
}


@dataclass(eq=False)
class Roadmap:
    layers: dict[str, Layer] = field(default_factory=dict)
    disciplines: dict[str, Discipline] = field(default_factory=dict)
    subjects: dict[str, Subject] = field(default_factory=dict)
    points: dict[str, Point] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)

    # Set when built from a validated roadmap (the cache): every reference is known to exist.
    checked: bool = False
    # Prerequisites first, as `study_order` gives them, and the reverse edges, as `unlocks` gives
    # them: kept by the cache so that a large roadmap computes them once.
    order: list[str] | None = None
    dependents: dict[str, list[str]] | None = None
    # The fingerprint of the files this roadmap was read from (set by the cache): a key for
    # results computed from it.
    key: str = ""
    # The pinyin of topics' and points' Chinese names, by id (`content.pinyin`), as the cache
    # keeps it; computed on first use when the roadmap did not come through the cache.
    pinyin: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
    # Where the cache keeps that pinyin, read on first use (only search needs it).
    pinyin_source: Callable[[], tuple[dict[str, list[str]], dict[str, list[str]]] | None] | None = None
    # What an unknown topic's error suggests: (roadmap, text, n) -> topic ids. The command line
    # puts search there; content knows nothing of search.
    suggester: Callable[[Roadmap, str, int], list[str]] | None = None

    @classmethod
    def of(
        cls,
        entities: Mapping[str, Iterable[Any]],
        *,
        checked: bool = False,
        order: list[str] | None = None,
        dependents: dict[str, list[str]] | None = None,
        key: str = "",
    ) -> Roadmap:
        """From records by kind ('topic' -> [Topic, ...]), as the loader and the cache have them."""
        roadmap = cls(checked=checked, order=order, dependents=dependents, key=key)
        for kind, plural in PLURALS.items():
            setattr(roadmap, plural, {record.id: record for record in entities.get(kind, ())})
        return roadmap

    @property
    def topic_pinyin(self) -> dict[str, list[str]]:
        return self._pinyin()[0]

    @property
    def point_pinyin(self) -> dict[str, list[str]]:
        return self._pinyin()[1]

    def _pinyin(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        if self.pinyin is None and self.pinyin_source is not None:
            self.pinyin = self.pinyin_source()
        if self.pinyin is None:
            from infra_roadmap.content import pinyin

            self.pinyin = (
                pinyin.of_records(self.topics.values(), None),
                pinyin.of_records(self.points.values(), None),
            )
        return self.pinyin

    # ---- graph -------------------------------------------------------------------------------

    @cached_property
    def requires(self) -> dict[str, tuple[str, ...]]:
        """Prerequisites that exist (unknown ids are validation problems, not edges)."""
        if self.checked:
            return {tid: t.requires for tid, t in self.topics.items()}
        return {tid: tuple(r for r in t.requires if r in self.topics) for tid, t in self.topics.items()}

    @property
    def unlocks(self) -> dict[str, list[str]]:
        """For each topic, the topics that name it as a prerequisite (sorted)."""
        if self.dependents is None:
            self.dependents = graph.unlocked_by(self.requires)
        return self.dependents

    def layer_order(self, topic: Topic) -> int:
        layer = self.layers.get(topic.layer)
        return layer.order if layer else len(self.layers)

    def study_order(self) -> list[str]:
        """All topics, prerequisites first; among ready topics, lower layers first, then id."""
        if self.order is None:
            self.order = graph.topological_order(
                self.requires, key=lambda tid: (self.layer_order(self.topics[tid]), tid)
            )
        return self.order

    # ---- exam ---------------------------------------------------------------------------------

    def subject_of(self, point_id: str) -> Subject | None:
        point = self.points.get(point_id)
        return self.subjects.get(point.subject) if point else None

    def topic_subjects(self, topic: Topic) -> set[str]:
        """Every exam subject id a topic's links touch, parts and their papers ('408.os', '408')."""
        found: set[str] = set()
        for link in topic.exam:
            point = self.points.get(link.point)
            if point is None:
                continue
            parts = point.subject.split(".")
            found.update(".".join(parts[: i + 1]) for i in range(len(parts)))
        return found

    def points_under(self, subject_id: str) -> list[Point]:
        """The syllabus points of a subject: its own and those of its parts ('408' holds '408.os.*')."""
        prefix = subject_id + "."
        return [p for p in self.points.values() if p.subject == subject_id or p.subject.startswith(prefix)]

    @cached_property
    def marks_per_point(self) -> dict[str, float]:
        """Each point's share of the marks of the part it belongs to (marks / points in the part)."""
        count: dict[str, int] = {}
        for point in self.points.values():
            count[point.subject] = count.get(point.subject, 0) + 1
        shares: dict[str, float] = {}
        for pid, point in self.points.items():
            subject = self.subjects.get(point.subject)
            shares[pid] = subject.points / count[point.subject] if subject else 0.0
        return shares

    @cached_property
    def point_frequency(self) -> dict[str, float]:
        """How often and how recently past papers examined each point, 0..1: each year it was
        examined counts 0.85 to the power of its age (in years before the latest paper on
        record), and the sums are scaled so that the most examined point has 1."""
        latest = max((e.year for p in self.points.values() for e in p.examined), default=0)
        raw = {
            pid: sum(FREQUENCY_DECAY ** (latest - e.year) for e in p.examined)
            for pid, p in self.points.items()
        }
        top = max(raw.values(), default=0.0)
        return {pid: value / top for pid, value in raw.items()} if top else dict.fromkeys(raw, 0.0)

    # ---- lookups -----------------------------------------------------------------------------

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Old id -> current topic id."""
        return {alias: tid for tid, t in self.topics.items() for alias in t.aliases}

    def canonical_id(self, topic_id: str) -> str | None:
        """The current id for a stored id: itself, or the topic that lists it as an alias."""
        if topic_id in self.topics:
            return topic_id
        return self.aliases.get(topic_id)

    def resolve_topic(self, query: str) -> Topic:
        """An id, an alias, a unique prefix of an id, or a title or keyword (Chinese or English)
        that names one topic; otherwise an error that suggests what `search` finds."""
        text = query.strip().lower()
        if not text:
            raise RoadmapError("error.topic_required")
        found = self.canonical_id(text)
        if found:
            return self.topics[found]
        matches = sorted(tid for tid in self.topics if tid.startswith(text))
        if len(matches) == 1:
            return self.topics[matches[0]]
        if matches:
            raise AmbiguousTopic(query, matches)
        named = self.named(query)
        if len(named) == 1:
            return self.topics[named[0]]
        if named:
            raise AmbiguousTopic(query, named)
        raise UnknownTopic(query, self.suggest(query))

    def named(self, query: str) -> list[str]:
        """The topics whose title, Chinese title or a keyword is exactly `query` (case and
        full-width forms aside): `show 内存管理` means os-memory."""
        from infra_roadmap.words import normalize

        needle = normalize(query)
        return sorted(
            tid
            for tid, t in self.topics.items()
            if any(normalize(name) == needle for name in (t.title, t.title_zh, *t.keywords))
        )

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """What `suggester` (the command line sets search there) finds for `text`, else ids that
        look like it."""
        found = self.suggester(self, text, n) if self.suggester is not None else []
        if found:
            return found
        import difflib

        candidates = list(self.topics) + list(self.aliases)
        close = difflib.get_close_matches(text.strip().lower(), candidates, n=n, cutoff=0.5)
        return [self.canonical_id(c) or c for c in dict.fromkeys(close)]

    def check(self, kind: str, value: str | None) -> str | None:
        """Validate a filter value (--layer, --discipline, --subject) against the roadmap."""
        if value is None:
            return None
        kinds: dict[str, Mapping[str, object]] = {
            "layer": self.layers,
            "discipline": self.disciplines,
            "subject": self.subjects,
        }
        known = kinds[kind]
        value = value.strip().lower()
        if value in known:
            return value
        import difflib

        close = difflib.get_close_matches(value, list(known), n=3, cutoff=0.6)
        part = _PARTS[kind]
        if close:
            raise RoadmapError("error.unknown_part_hint", kind=part, value=shown(value), close=close)
        raise RoadmapError("error.unknown_part", kind=part, value=shown(value), known=tuple(known))

    def matcher(
        self,
        *,
        layer: str | None = None,
        discipline: str | None = None,
        subject: str | None = None,
        teaches: bool = False,
    ) -> Callable[[Topic], bool]:
        """The test behind --layer, --discipline and --subject (each value checked first). A topic
        belongs to a subject when one of its exam links touches it; with `teaches`, only when it is
        a foundation topic that teaches one of its points (a weight-3 link): `done --subject
        408.os` marks the OS chapters, not the AI Infra topics that reuse an OS idea."""
        layer = self.check("layer", layer)
        discipline = self.check("discipline", discipline)
        subject = self.check("subject", subject)

        def in_subject(topic: Topic) -> bool:
            if not teaches:
                return subject in self.topic_subjects(topic)
            if topic.level != "foundation":
                return False
            prefix = f"{subject}."
            for link in topic.exam:
                point = self.points.get(link.point)
                if (
                    link.weight == 3
                    and point
                    and (point.subject == subject or point.subject.startswith(prefix))
                ):
                    return True
            return False

        def matches(topic: Topic) -> bool:
            return (
                (layer is None or topic.layer == layer)
                and (discipline is None or discipline in topic.disciplines)
                and (subject is None or in_subject(topic))
            )

        return matches

    def select(
        self,
        *,
        layer: str | None = None,
        discipline: str | None = None,
        subject: str | None = None,
    ) -> list[Topic]:
        """Topics in study order, narrowed by layer, discipline and exam subject."""
        matches = self.matcher(layer=layer, discipline=discipline, subject=subject)
        return [self.topics[tid] for tid in self.study_order() if matches(self.topics[tid])]
