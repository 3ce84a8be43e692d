"""What reading a roadmap file gives: its tables as entries, and the problems found in it (where,
which entity, what is wrong)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    kind: str
    id: str
    message: str

    def __str__(self) -> str:
        where = f"{self.kind} '{self.id}': " if self.id else (f"{self.kind}: " if self.kind else "")
        return f"{self.file}: {where}{self.message}"

    def to_dict(self) -> dict[str, str]:
        return {"file": self.file, "kind": self.kind, "id": self.id, "message": self.message}


class Entry(NamedTuple):
    """One table of a file, in file order: its kind, its id when it has one, and its record when
    it validated."""

    kind: str
    id: str | None
    record: Any


class FileResult(NamedTuple):
    entries: list[Entry]
    problems: list[Problem]
