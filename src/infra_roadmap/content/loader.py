"""Read roadmap folders (the bundled one, then overlays) and check everything at once.

`load` never raises for bad data: it returns the roadmap it could build and every problem found,
each with the file and the entity's id, so that one run of `roadmap validate` shows them all.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from infra_roadmap.content import records
from infra_roadmap.content.checks import check_references
from infra_roadmap.content.files import TooBig, folder_state, toml_files
from infra_roadmap.content.models import MODELS, Entity
from infra_roadmap.content.problems import Problem
from infra_roadmap.content.roadmap import Roadmap

MAX_FILE_BYTES = 16 * 2**20  # far above any roadmap file; guards against reading a disk image


@dataclass
class LoadResult:
    roadmap: Roadmap
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    # (kind, id) -> the file that defined the entity in force
    origins: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def load(folders: Iterable[Path]) -> LoadResult:
    """Load folders in order; an entity whose id is already known replaces the earlier one."""
    models: dict[str, dict[str, Entity]] = {kind: {} for kind in MODELS}
    result = LoadResult(Roadmap())
    for folder in folders:
        _load_folder(Path(folder), result, models)
    _follow_renamed_points(models)
    result.roadmap = Roadmap.of(
        {kind: [record_of(kind, entity) for entity in found.values()] for kind, found in models.items()}
    )
    result.problems.extend(check_references(result.roadmap, result.origins))
    result.problems.sort(key=lambda p: (p.file, p.kind, p.id, p.message))
    return result


def record_of(kind: str, model: BaseModel) -> Any:
    """The run-time record of a validated model: lists become tuples, nested models records."""
    values = {name: _value(getattr(model, name)) for name in type(model).model_fields}
    return records.RECORDS[kind](**values)


def _value(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_value(v) for v in value)
    if isinstance(value, BaseModel):
        nested = {"ExamLink": records.ExamLink, "Examined": records.Examined}[type(value).__name__]
        return nested(**{name: _value(getattr(value, name)) for name in type(value).model_fields})
    return value


def _follow_renamed_points(models: dict[str, dict[str, Any]]) -> None:
    """An exam link to a point's old id (listed in the point's `aliases`) links to the point."""
    renamed = {alias: point.id for point in models["point"].values() for alias in point.aliases}
    if not renamed:
        return
    for tid, topic in models["topic"].items():
        if any(link.point in renamed and link.point not in models["point"] for link in topic.exam):
            moved = [
                link.model_copy(update={"point": renamed[link.point]})
                if link.point in renamed and link.point not in models["point"]
                else link
                for link in topic.exam
            ]
            models["topic"][tid] = topic.model_copy(update={"exam": moved})


def _load_folder(folder: Path, result: LoadResult, models: dict[str, dict[str, Entity]]) -> None:
    state = folder_state(folder)
    if state != "folder":
        what = {"missing": "does not exist", "not a folder": "is not a folder"}.get(
            state, f"cannot be read ({state})"
        )
        result.problems.append(Problem(str(folder), "", "", f"roadmap folder {what}"))
        return
    try:
        paths = [Path(p) for p in toml_files(folder)]
    except TooBig as exc:
        result.problems.append(Problem(str(folder), "", "", f"not a roadmap folder: it holds {exc}"))
        return
    seen_here: dict[tuple[str, str], str] = {}
    for path in paths:
        result.files.append(path)
        shown = str(path)
        data = _read(path, shown, result)
        if data is None:
            continue
        for key, value in data.items():
            model = MODELS.get(key)
            if model is None:
                expected = ", ".join(f"[[{k}]]" for k in MODELS)
                result.problems.append(Problem(shown, "", "", f"unknown table '{key}' (expected {expected})"))
                continue
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                result.problems.append(
                    Problem(shown, key, "", f"'{key}' must be an array of tables ([[{key}]])")
                )
                continue
            for position, raw in enumerate(value, start=1):
                raw_id = raw.get("id")
                ident = (key, raw_id) if isinstance(raw_id, str) else None
                # Checked before validation, so a duplicate is named even when one copy is broken.
                duplicate = ident is not None and ident in seen_here
                if duplicate and ident is not None:
                    result.problems.append(
                        Problem(shown, key, raw_id, f"duplicate id (also defined in {seen_here[ident]})")
                    )
                elif ident is not None:
                    seen_here[ident] = shown
                entity = _build(model, key, raw, position, shown, result)  # its own problems too
                if entity is None or duplicate:
                    continue
                models[key][entity.id] = entity  # type: ignore[attr-defined]
                result.origins[(key, entity.id)] = shown  # type: ignore[attr-defined]


def _read(path: Path, shown: str, result: LoadResult) -> dict[str, Any] | None:
    """The TOML document of one file, or None with the problem recorded."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            result.problems.append(Problem(shown, "", "", f"file is larger than {MAX_FILE_BYTES >> 20} MiB"))
            return None
        # A byte-order mark (Windows Notepad writes one) is not part of the document.
        return tomllib.loads(raw.decode("utf-8").removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        result.problems.append(Problem(shown, "", "", f"TOML syntax error: {exc}"))
    except RecursionError:
        result.problems.append(Problem(shown, "", "", "TOML nested too deeply to read"))
    except (OSError, UnicodeDecodeError) as exc:
        result.problems.append(Problem(shown, "", "", f"cannot read file: {exc}"))
    return None


def _build(
    model: type[Entity], kind: str, raw: dict[str, Any], position: int, shown: str, result: LoadResult
) -> Entity | None:
    try:
        return model.model_validate(raw)
    except RecursionError:
        raw_id = raw.get("id")
        ident = raw_id if isinstance(raw_id, str) else f"#{position}"
        result.problems.append(Problem(shown, kind, ident, "nested too deeply to validate"))
        return None
    except ValidationError as exc:
        raw_id = raw.get("id")
        ident = raw_id if isinstance(raw_id, str) else f"#{position}"
        for error in exc.errors():
            loc = ".".join(str(part) for part in error["loc"])
            message = _describe(dict(error))
            result.problems.append(Problem(shown, kind, ident, f"{loc}: {message}" if loc else message))
        return None


def _describe(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "missing field"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not a valid id (lowercase words joined by '-')"[:200]
    if kind.endswith("_type"):
        got = f"{type(error['input']).__name__} {error['input']!r}"
        return f"expected {kind.removesuffix('_type').replace('_', ' ')}, got {got}"[:200]
    message: str = error["msg"]
    return message.removeprefix("Value error, ")[:200]
