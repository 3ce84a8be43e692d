"""The roadmap in memory: light records with the models' field names.

Validation (pydantic, in `models`) runs only when files change; a validated roadmap is kept in
the cache as JSON and rebuilt into these records, so that everyday commands import neither
pydantic nor tomllib.
"""

from __future__ import annotations

from typing import Any


class Record:
    """An entity's fields as attributes (`topic.id`, `topic.exam[0].why`)."""

    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, compared by value

    def __repr__(self) -> str:
        return f"Record(id={self.__dict__.get('id', '?')!r})"


def record(kind: str, data: dict[str, Any]) -> Record:
    """A record from a model's plain-data form (`model_dump()` or the cache)."""
    if kind == "topic":
        data = {**data, "exam": [Record(**link) for link in data.get("exam", [])]}
    elif kind == "subject":
        data = {**data, "parent": data["id"].rsplit(".", 1)[0] if "." in data["id"] else None}
    return Record(**data)


def plain(value: Any) -> Any:
    """A record (or list of them) back to plain data."""
    if isinstance(value, Record):
        return {k: plain(v) for k, v in value.__dict__.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
