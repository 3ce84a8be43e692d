"""Read roadmap folders (the bundled one, then overlays) and check everything at once.

`load` never raises for bad data: it returns the roadmap it could build and every problem found,
each with the file and the entity's id, so that one run of `roadmap validate` shows them all.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from infra_roadmap import graph
from infra_roadmap.content.models import KINDS, Entity
from infra_roadmap.content.roadmap import PLURALS, Roadmap
from infra_roadmap.content.roadmap import toml_files as _walk


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


@dataclass
class LoadResult:
    roadmap: Roadmap
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    # (kind, id) -> the file that defined the entity in force
    origins: dict[tuple[str, str], str] = field(default_factory=dict)
    # the validated entities as plain data, by kind: what the cache keeps
    data: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def tables(models: dict[str, dict[str, Entity]]) -> dict:
    """Validated entities as rows with their field names: what records and the cache are made of."""
    from infra_roadmap.content.models import ExamLink

    link_fields = list(ExamLink.model_fields)
    out: dict = {}
    for kind, found in models.items():
        fields = list(KINDS[kind].model_fields)
        rows = []
        for entity in found.values():
            row = [getattr(entity, name) for name in fields]
            if kind == "topic":
                row[fields.index("exam")] = [[getattr(link, f) for f in link_fields] for link in entity.exam]
            elif kind == "subject":
                row.append(entity.parent)
            elif kind == "point":
                row[fields.index("examined")] = [e.model_dump(exclude_none=True) for e in entity.examined]
            rows.append([list(v) if isinstance(v, list) else v for v in row])
        out[kind] = {"fields": fields + (["parent"] if kind == "subject" else []), "rows": rows}
        if kind == "topic":
            out[kind]["link_fields"] = link_fields
    return out


def toml_files(folder: Path) -> list[Path]:
    return [Path(p) for p in _walk(folder)]


def load(folders: Iterable[Path]) -> LoadResult:
    """Load folders in order; an entity whose id is already known replaces the earlier one."""
    models: dict[str, dict[str, Entity]] = {kind: {} for kind in KINDS}
    result = LoadResult(Roadmap())
    for folder in folders:
        _load_folder(Path(folder), result, models)
    _follow_renamed_points(models)
    result.data = tables(models)
    result.roadmap = Roadmap.from_tables(result.data)
    _check_references(result)
    result.problems.sort(key=lambda p: (p.file, p.kind, p.id, p.message))
    return result


def _follow_renamed_points(models: dict[str, dict[str, Entity]]) -> None:
    """An exam link to a point's old id (listed in the point's `aliases`) links to the point."""
    renamed = {alias: point.id for point in models["point"].values() for alias in point.aliases}  # type: ignore[attr-defined]
    if not renamed:
        return
    for tid, topic in models["topic"].items():
        links = topic.exam  # type: ignore[attr-defined]
        if any(link.point in renamed and link.point not in models["point"] for link in links):
            moved = [link.model_copy(update={"point": renamed.get(link.point, link.point)})
                     if link.point not in models["point"] else link for link in links]
            models["topic"][tid] = topic.model_copy(update={"exam": moved})


def _display(path: Path) -> str:
    return str(path)


def _load_folder(folder: Path, result: LoadResult, models: dict[str, dict[str, Entity]]) -> None:
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        result.problems.append(Problem(_display(folder), "", "", f"roadmap folder {what}"))
        return
    seen_here: dict[tuple[str, str], str] = {}
    for path in toml_files(folder):
        result.files.append(path)
        shown = _display(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            result.problems.append(Problem(shown, "", "", f"TOML syntax error: {exc}"))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            result.problems.append(Problem(shown, "", "", f"cannot read file: {exc}"))
            continue
        for key, value in data.items():
            model = KINDS.get(key)
            if model is None:
                expected = ", ".join(f"[[{k}]]" for k in KINDS)
                result.problems.append(
                    Problem(shown, "", "", f"unknown table '{key}' (expected {expected})")
                )
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
                if duplicate:
                    result.problems.append(
                        Problem(shown, key, raw_id, f"duplicate id (also defined in {seen_here[ident]})")
                    )
                elif ident is not None:
                    seen_here[ident] = shown
                entity = _build(model, key, raw, position, shown, result)  # its own problems too
                if entity is None or duplicate:
                    continue
                models[key][entity.id] = entity
                result.origins[(key, entity.id)] = shown


def _build(model: type[Entity], kind: str, raw: dict, position: int, shown: str, result: LoadResult):
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        ident = raw.get("id") if isinstance(raw.get("id"), str) else f"#{position}"
        for error in exc.errors():
            loc = ".".join(str(part) for part in error["loc"])
            message = _describe(error)
            result.problems.append(Problem(shown, kind, ident, f"{loc}: {message}" if loc else message))
        return None


def _describe(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "missing field"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "string_pattern_mismatch":
        return f"{error['input']!r} is not a valid id (lowercase words joined by '-')"
    if kind.endswith("_type"):
        return f"expected {kind.removesuffix('_type').replace('_', ' ')}, got {type(error['input']).__name__} {error['input']!r}"[:200]
    message = error["msg"]
    return message.removeprefix("Value error, ")


def _check_references(result: LoadResult) -> None:
    rm = result.roadmap
    problems = result.problems

    def report(kind: str, ident: str, message: str) -> None:
        problems.append(Problem(result.origins.get((kind, ident), "?"), kind, ident, message))

    for d in rm.disciplines.values():
        for s in d.subjects:
            if s not in rm.subjects:
                report("discipline", d.id, f"unknown exam subject '{s}'")
    for s in rm.subjects.values():
        if s.parent and s.parent not in rm.subjects:
            report("subject", s.id, f"unknown parent subject '{s.parent}'")
    point_aliases: dict[str, str] = {}
    for p in rm.points.values():
        if p.subject not in rm.subjects:
            report("point", p.id, f"unknown exam subject '{p.subject}'")
        for alias in p.aliases:
            if alias in rm.points:
                report("point", p.id, f"alias '{alias}' is the id of another point")
            elif alias in point_aliases:
                report("point", p.id, f"alias '{alias}' is also claimed by '{point_aliases[alias]}'")
            point_aliases[alias] = p.id
        years = [e["year"] for e in p.examined]
        if len(years) != len(set(years)):
            report("point", p.id, "a year is listed twice in 'examined'")
        for e in p.examined:
            for source in e["sources"]:
                if source not in rm.resources:
                    report("point", p.id, f"unknown resource '{source}' in examined {e['year']}")
    aliases: dict[str, str] = {}
    for t in rm.topics.values():
        if t.layer not in rm.layers:
            report("topic", t.id, f"unknown layer '{t.layer}'")
        for d in t.disciplines:
            if d not in rm.disciplines:
                report("topic", t.id, f"unknown discipline '{d}'")
        for r in t.requires:
            if r == t.id:
                continue  # a self-loop is reported as a cycle
            if r not in rm.topics:
                hint = f" (renamed to '{rm.aliases[r]}')" if r in rm.aliases else ""
                report("topic", t.id, f"unknown prerequisite '{r}'{hint}")
        for r in t.resources:
            if r not in rm.resources:
                report("topic", t.id, f"unknown resource '{r}'")
        seen_points: set[str] = set()
        for link in t.exam:
            if link.point not in rm.points:
                report("topic", t.id, f"unknown exam point '{link.point}'")
            if link.point in seen_points:
                report("topic", t.id, f"exam point '{link.point}' linked twice")
            seen_points.add(link.point)
        for alias in t.aliases:
            if alias in rm.topics:
                report("topic", t.id, f"alias '{alias}' is the id of another topic")
            elif alias in aliases:
                report("topic", t.id, f"alias '{alias}' is also claimed by '{aliases[alias]}'")
            aliases[alias] = t.id
    for cycle in graph.find_cycles({tid: t.requires for tid, t in rm.topics.items()}):
        report("topic", cycle[0], f"prerequisite cycle: {graph.format_cycle(cycle)}")
