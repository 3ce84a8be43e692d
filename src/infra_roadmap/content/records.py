"""The roadmap in memory: light, tuple-backed records with the models' field names.

Validation (pydantic, in `models`) runs only when files change; the validated roadmap is kept in
the cache as rows (lists of values) with the field names beside them, and rebuilt here into
records: one tuple per entity, each field a C-level getter. Everyday commands therefore import
neither pydantic nor tomllib, and 10,000 topics load in a few milliseconds.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

# What `Roadmap.from_tables` reads, per kind: {"fields": [...], "rows": [[...], ...]}; topics also
# carry "link_fields" for the rows of their `exam` links.
Tables = dict[str, dict[str, Any]]


class Record(tuple):
    """Base of the generated record classes; `fields` maps names to positions."""

    __slots__ = ()
    fields: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {name: _plain(value) for name, value in zip(self.fields, self)}

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in zip(self.fields, self))
        return f"{type(self).__name__}({inner})"


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.as_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_classes: dict[tuple[str, tuple[str, ...]], type[Record]] = {}


def record_class(kind: str, fields: tuple[str, ...]) -> type[Record]:
    """The record class for `kind` with these fields (made once per process)."""
    key = (kind, fields)
    cls = _classes.get(key)
    if cls is None:
        namespace: dict[str, Any] = {"__slots__": (), "fields": fields}
        namespace.update({name: property(itemgetter(i)) for i, name in enumerate(fields)})
        cls = _classes[key] = type(f"{kind.title()}Record", (Record,), namespace)
    return cls


def build(kind: str, table: dict[str, Any]) -> dict[str, Record]:
    """Records by id from one kind's table."""
    fields = tuple(table["fields"])
    cls = record_class(kind, fields)
    key = fields.index("id")
    if kind != "topic":
        return {row[key]: cls(row) for row in table["rows"]}
    link_cls = record_class("exam-link", tuple(table["link_fields"]))
    at = fields.index("exam")
    made = {}
    for row in table["rows"]:
        row = list(row)  # the caller's rows stay plain data (the cache writes them)
        row[at] = [link_cls(link) for link in row[at]]
        made[row[key]] = cls(row)
    return made
