"""The roadmap's entities, exactly as SPEC.md fixes them.

Field-level rules (types, required fields, ranges, https) live here; rules that need the whole
roadmap (references, duplicates, cycles) live in `validate`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

KebabId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
# Exam ids: "408", "408.os", "408.os.paging", "301.calculus.limits".
ExamId = Annotated[str, StringConstraints(pattern=r"^[0-9]{3}(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

Level = Literal["foundation", "core", "advanced", "frontier"]
Direction = Literal["data", "training", "inference"]
Group = Literal["cs", "ai", "math", "physics", "engineering"]
ResourceKind = Literal["paper", "book", "course", "docs", "repo", "video", "article", "venue", "lab"]

LEVELS: tuple[str, ...] = Level.__args__
DIRECTIONS: tuple[str, ...] = Direction.__args__


def _distinct_words(words: list[str]) -> list[str]:
    seen: set[str] = set()
    for word in words:
        folded = word.casefold()
        if folded in seen:
            raise ValueError(f"keyword {word!r} is listed twice")
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

    @property
    def parent(self) -> str | None:
        return self.id.rsplit(".", 1)[0] if "." in self.id else None


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

    @field_validator("keywords")
    @classmethod
    def _distinct(cls, words: list[str]) -> list[str]:
        return _distinct_words(words)


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

    @field_validator("keywords")
    @classmethod
    def _distinct(cls, words: list[str]) -> list[str]:
        return _distinct_words(words)


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
        return url


# TOML array name -> model. The order is the order of presentation and of validation.
KINDS: dict[str, type[Entity]] = {
    "layer": Layer,
    "discipline": Discipline,
    "subject": Subject,
    "point": Point,
    "topic": Topic,
    "resource": Resource,
}
