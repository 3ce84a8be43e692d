"""Read roadmap folders (the bundled one, then overlays) and check everything at once.

`load` never raises for bad data: it returns the roadmap it could build and every problem found,
each with the file and the entity's id, so that one run of `roadmap validate` shows them all.

Each file is read on its own (`read_file`: parse, validate each entity, make its records), then
the files are merged in order. The per-file result depends only on the file's bytes, so
`filecache` keeps it between runs: after an edit, only the edited file is read again.
"""

from __future__ import annotations

import sys
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
from infra_roadmap.content.problems import Entry, FileResult, Problem
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


def load(folders: Iterable[Path], cache_dir: Path | None = None) -> LoadResult:
    """Load folders in order; an entity whose id is already known replaces the earlier one. With
    `cache_dir`, files that did not change since the last run are not read again."""
    from infra_roadmap.content import filecache

    found: dict[str, dict[str, Any]] = {kind: {} for kind in MODELS}
    result = LoadResult(Roadmap())
    folders = [Path(f) for f in folders]
    for folder in folders:
        # One file cache per folder: the bundled roadmap's files stay cached whatever overlays
        # come and go.
        cache = filecache.FileCache(cache_dir, [folder]) if cache_dir is not None else None
        _load_folder(folder, result, found, cache)
        if cache is not None:
            cache.save()
    _follow_renamed_points(found)
    result.roadmap = Roadmap.of({kind: list(by_id.values()) for kind, by_id in found.items()})
    result.problems.extend(check_references(result.roadmap, result.origins))
    result.problems.sort(key=lambda p: (p.file, p.kind, p.id, p.message))
    return result


def _load_folder(folder: Path, result: LoadResult, found: dict[str, dict[str, Any]], cache: Any) -> None:
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
        read = cache.get(path) if cache is not None else None
        if read is None:
            read = read_file(path)
            if cache is not None:
                cache.put(path, read)
        result.problems.extend(read.problems)
        for entry in read.entries:
            ident = (entry.kind, entry.id) if entry.id is not None else None
            # A duplicate is named even when one copy is broken.
            if ident is not None and ident in seen_here:
                message = f"duplicate id (also defined in {seen_here[ident]})"
                result.problems.append(Problem(shown, entry.kind, entry.id or "", message))
                continue
            if ident is not None:
                seen_here[ident] = shown
            if entry.record is not None:
                found[entry.kind][entry.record.id] = entry.record
                result.origins[(entry.kind, entry.record.id)] = shown


def read_file(path: Path) -> FileResult:
    """One file's tables as records, with every problem found in the file alone."""
    shown = str(path)
    problems: list[Problem] = []
    entries: list[Entry] = []
    data = _read(path, shown, problems)
    if data is None:
        return FileResult(entries, problems)
    for key, value in data.items():
        model = MODELS.get(key)
        if model is None:
            expected = ", ".join(f"[[{k}]]" for k in MODELS)
            problems.append(Problem(shown, "", "", f"unknown table '{key}' (expected {expected})"))
            continue
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            problems.append(Problem(shown, key, "", f"'{key}' must be an array of tables ([[{key}]])"))
            continue
        for position, raw in enumerate(value, start=1):
            raw_id = raw.get("id")
            entity = _build(model, key, raw, position, shown, problems)
            record = record_of(key, entity) if entity is not None else None
            entries.append(Entry(key, raw_id if isinstance(raw_id, str) else None, record))
    return FileResult(entries, problems)


def record_of(kind: str, model: BaseModel) -> Any:
    """The run-time record of a validated model: lists become tuples, nested models records."""
    values = {name: _value(getattr(model, name)) for name in type(model).model_fields}
    return records.RECORDS[kind](**values)


def _value(value: Any) -> Any:
    if isinstance(value, str):
        # Interned: ids repeat thousands of times (requires, layers, points), and the cache then
        # writes each distinct string once and reads it back as one object.
        return sys.intern(value)
    if isinstance(value, list):
        return tuple(_value(v) for v in value)
    if isinstance(value, BaseModel):
        nested = {"ExamLink": records.ExamLink, "Examined": records.Examined}[type(value).__name__]
        return nested(**{name: _value(getattr(value, name)) for name in type(value).model_fields})
    return value


def _follow_renamed_points(found: dict[str, dict[str, Any]]) -> None:
    """An exam link to a point's old id (listed in the point's `aliases`) links to the point."""
    points = found["point"]
    renamed = {alias: point.id for point in points.values() for alias in point.aliases if alias not in points}
    if not renamed:
        return
    for tid, topic in found["topic"].items():
        if any(link.point in renamed for link in topic.exam):
            moved = tuple(link._replace(point=renamed.get(link.point, link.point)) for link in topic.exam)
            found["topic"][tid] = topic._replace(exam=moved)


def _read(path: Path, shown: str, problems: list[Problem]) -> dict[str, Any] | None:
    """The TOML document of one file, or None with the problem recorded."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            problems.append(Problem(shown, "", "", f"file is larger than {MAX_FILE_BYTES >> 20} MiB"))
            return None
        # A byte-order mark (Windows Notepad writes one) is not part of the document.
        return tomllib.loads(raw.decode("utf-8").removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(shown, "", "", f"TOML syntax error: {exc}"))
    except RecursionError:
        problems.append(Problem(shown, "", "", "TOML nested too deeply to read"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(shown, "", "", f"cannot read file: {exc}"))
    return None


def _build(
    model: type[Entity], kind: str, raw: dict[str, Any], position: int, shown: str, problems: list[Problem]
) -> Entity | None:
    raw_id = raw.get("id")
    ident = raw_id if isinstance(raw_id, str) else f"#{position}"
    try:
        return model.model_validate(raw)
    except RecursionError:
        problems.append(Problem(shown, kind, ident, "nested too deeply to validate"))
        return None
    except ValidationError as exc:
        for error in exc.errors():
            loc = ".".join(str(part) for part in error["loc"])
            message = _describe(dict(error))
            problems.append(Problem(shown, kind, ident, f"{loc}: {message}" if loc else message))
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
