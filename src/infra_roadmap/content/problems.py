"""A problem found in the roadmap files: where, which entity, what is wrong."""

from __future__ import annotations

from dataclasses import dataclass


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
