"""The roadmap files' format: what each `[[layer]]`, `[[topic]]` … table may hold (SPEC.md).

Field-level rules (types, required fields, ranges, https) live here; rules that need the whole
roadmap (references, duplicates, cycles) live in `checks`. Only the loader imports this module
(pydantic costs more to import than an everyday command takes): the program works with the
records of `records`, which carry the same field names.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from infra_roadmap.vocab import Direction, Group, Level, ResourceKind

KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
# Exam ids: "408", "408.os", "408.os.paging", "301.calculus.limits".
ExamId = Annotated[str, StringConstraints(pattern=r"^[0-9]{3}(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _distinct(words: list[str]) -> list[str]:
    seen: set[str] = set()
    for word in words:
        folded = word.casefold()
        if folded in seen:
            raise ValueError(f"{word!r} is listed twice")
        seen.add(folded)
    return words


class Entity(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Layer(Entity):
    id: KebabId
    title: Text
    title_zh: Text
    order: int
    summary: Text


class Discipline(Entity):
    id: KebabId
    title: Text
    title_zh: Text
    group: Group
    subjects: list[ExamId] = []


class Subject(Entity):
    id: ExamId
    title: Text
    title_zh: Text
    points: Annotated[int, Field(ge=0)]


class Examined(Entity):
    """One past paper that tested a syllabus point: the year, and where known the question
    numbers and marks, with the resources (ids) that say so."""

    year: Annotated[int, Field(ge=2009, le=2100)]
    questions: list[Annotated[int, Field(ge=1, le=60)]] = []
    marks: Annotated[float, Field(gt=0, le=150)] | None = None
    sources: Annotated[list[KebabId], Field(min_length=1)]


class Point(Entity):
    id: ExamId
    subject: ExamId
    title: Text
    title_zh: Text
    keywords: list[Text] = []
    aliases: list[ExamId] = []
    examined: list[Examined] = []

    _keywords = field_validator("keywords")(_distinct)


class ExamLink(Entity):
    point: ExamId
    weight: Annotated[int, Field(ge=1, le=3)]
    why: Text


class Topic(Entity):
    id: KebabId
    title: Text
    title_zh: Text
    layer: KebabId
    disciplines: Annotated[list[KebabId], Field(min_length=1)]
    summary: Text
    hours: Annotated[float, Field(gt=0, le=1000)]
    level: Level
    directions: list[Direction] = []
    requires: list[KebabId] = []
    resources: list[KebabId] = []
    exam: list[ExamLink] = []
    aliases: list[KebabId] = []
    keywords: list[Text] = []

    _keywords = field_validator("keywords")(_distinct)


class Resource(Entity):
    id: KebabId
    kind: ResourceKind
    title: Text
    url: Text
    title_zh: str | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    venue: str | None = None
    authors: str | None = None

    @field_validator("url")
    @classmethod
    def _https(cls, url: str) -> str:
        if not url.startswith("https://") or len(url) <= len("https://") or any(c.isspace() for c in url):
            raise ValueError("must be an https:// URL")
        if not url.isprintable():
            raise ValueError("must not hold control or format characters")
        return url


# TOML array name -> model, in the order of `records.RECORDS`.
MODELS: dict[str, type[Entity]] = {
    "layer": Layer,
    "discipline": Discipline,
    "subject": Subject,
    "point": Point,
    "topic": Topic,
    "resource": Resource,
}
