"""The roadmap's entities as the program uses them: immutable named tuples with annotated fields.

One shape per entity, used by every command and by the tests alike. The TOML files are validated
by the pydantic models in `models` (only when a file changes); the validated values become these
records. The cache keeps them as plain rows (`row_of`) and rebuilds them with `from_row`, so an
everyday command imports neither pydantic nor tomllib. A test holds the field names of each record
equal to those of its model.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Layer(NamedTuple):
    id: str
    title: str
    title_zh: str
    order: int
    summary: str


class Discipline(NamedTuple):
    id: str
    title: str
    title_zh: str
    group: str
    subjects: tuple[str, ...] = ()


class Subject(NamedTuple):
    id: str
    title: str
    title_zh: str
    points: int

    @property
    def parent(self) -> str | None:
        """'408' for '408.os'; None for a whole paper."""
        return self.id.rsplit(".", 1)[0] if "." in self.id else None


class Examined(NamedTuple):
    """A past paper that tested a point: its year, where known the questions and marks, and the
    resources (ids) that say so."""

    year: int
    questions: tuple[int, ...] = ()
    marks: float | None = None
    sources: tuple[str, ...] = ()


class Point(NamedTuple):
    id: str
    subject: str
    title: str
    title_zh: str
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    examined: tuple[Examined, ...] = ()


class ExamLink(NamedTuple):
    point: str
    weight: int  # 3 the same concept, 2 a direct application, 1 a useful touch
    why: str


class Topic(NamedTuple):
    id: str
    title: str
    title_zh: str
    layer: str
    disciplines: tuple[str, ...]
    summary: str
    hours: float
    level: str
    directions: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    exam: tuple[ExamLink, ...] = ()
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


class Resource(NamedTuple):
    id: str
    kind: str
    title: str
    url: str
    title_zh: str | None = None
    year: int | None = None
    venue: str | None = None
    authors: str | None = None


Entity = Layer | Discipline | Subject | Point | Topic | Resource

# TOML array name -> record class, in the order of presentation and of validation.
RECORDS: dict[str, type[Any]] = {
    "layer": Layer,
    "discipline": Discipline,
    "subject": Subject,
    "point": Point,
    "topic": Topic,
    "resource": Resource,
}
PLURALS = {
    "layer": "layers",
    "discipline": "disciplines",
    "subject": "subjects",
    "point": "points",
    "topic": "topics",
    "resource": "resources",
}


def row_of(record: tuple[Any, ...]) -> tuple[Any, ...]:
    """A record as plain nested tuples (what the cache keeps)."""
    return tuple(_plain(value) for value in record)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value


def from_rows(kind: str, rows: list[tuple[Any, ...]]) -> list[Any]:
    """The records of `kind` from rows written by `row_of` (in C-level loops: a large roadmap has
    tens of thousands of topics and links)."""
    if kind == "topic":
        topic, link = Topic._make, ExamLink._make
        return [topic((*row[:11], tuple(map(link, row[11])), row[12], row[13])) for row in rows]
    if kind == "point":
        point, examined = Point._make, Examined._make
        return [point((*row[:6], tuple(map(examined, row[6])))) for row in rows]
    cls: Any = RECORDS[kind]
    return list(map(cls._make, rows))


def fields_of(kind: str) -> tuple[str, ...]:
    return tuple(RECORDS[kind]._fields)
