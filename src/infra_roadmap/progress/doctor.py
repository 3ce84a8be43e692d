"""`roadmap doctor`: where the data lives and whether it is sound, in one look; with `fix`, the
repairs that are safe (a database upgraded after its backup, stray temporary files removed, the
caches dropped) are made."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from infra_roadmap.content import Roadmap
from infra_roadmap.errors import RoadmapError
from infra_roadmap.store.migrations import LATEST
from infra_roadmap.store.read import integrity, read_snapshot
from infra_roadmap.timeparse import within_years


def doctor(
    path: Path,
    roadmap_problems: Sequence[object],
    roadmap: Roadmap | None,
    *,
    fix: bool = False,
    cache_dir: Path | None = None,
) -> dict[str, Any]:
    """The data directory, the database's size, schema and integrity, events of topics that left
    the roadmap (kept: not a problem), what was repaired, and every problem left."""
    report: dict[str, Any] = {
        "data_dir": str(path.parent),
        "database": str(path),
        "exists": path.exists(),
        "size_bytes": path.stat().st_size if path.is_file() else 0,
        "schema_version": None,
        "latest_schema_version": LATEST,
        "integrity": None,
        "events": 0,
        "orphaned": [],
        "backups": sorted(p.name for p in path.parent.glob(f"{path.name}.v*.bak"))
        if path.parent.is_dir()
        else [],
        "repaired": [],
        "roadmap_problems": [str(p) for p in roadmap_problems],
        "problems": [],
    }
    if fix:
        report["repaired"] += _remove_strays(path.parent, f".{path.name}.")
        if cache_dir is not None and cache_dir.is_dir():
            removed = list(cache_dir.glob("*.marshal"))
            for p in removed:
                p.unlink(missing_ok=True)
            report["repaired"] += _remove_strays(cache_dir, ".")
            if removed:
                report["repaired"].append(
                    f"dropped {len(removed)} cache file(s); they are rebuilt when needed"
                )
    if path.exists():
        try:
            snap = read_snapshot(path)
            if fix and snap.version < LATEST:
                from infra_roadmap.store.write import Writer

                Writer(path).close()  # migrates, after a verified backup
                report["repaired"].append(
                    f"upgraded the schema from v{snap.version} to v{LATEST} (backup beside it)"
                )
                snap = read_snapshot(path)
            report["schema_version"] = snap.version
            report["events"] = len(snap.events)
            report["integrity"] = integrity(path)
            if report["integrity"] != "ok":
                report["problems"].append(f"integrity check: {report['integrity']}")
            if snap.version < LATEST:
                report["problems"].append(
                    f"schema v{snap.version} is older than v{LATEST}: the next change upgrades it, "
                    "or run 'roadmap doctor --fix'"
                )
            far = sum(1 for e in snap.events if not within_years(e.at))
            if far:
                report["problems"].append(
                    f"{far} event(s) dated outside 2000-2100; take each back with 'roadmap undo ID'"
                )
            if roadmap is not None:
                counts: dict[str, int] = {}
                for e in snap.events:
                    if roadmap.canonical_id(e.topic) is None:
                        counts[e.topic] = counts.get(e.topic, 0) + 1
                report["orphaned"] = [{"topic": t, "events": n} for t, n in sorted(counts.items())]
        except RoadmapError as exc:
            hint = (
                f"; restore a backup ({', '.join(report['backups'])}) or an export"
                if report["backups"]
                else ("; restore it from an export with 'roadmap import FILE' into an empty data directory")
            )
            report["problems"].append(f"{exc}{hint}")
    if path.parent.is_dir():
        report["backups"] = sorted(p.name for p in path.parent.glob(f"{path.name}.v*.bak"))
    if roadmap_problems:
        report["problems"].append(
            f"the roadmap has {len(roadmap_problems)} problem(s); run 'roadmap validate'"
        )
    report["ok"] = not report["problems"]
    return report


def _remove_strays(folder: Path, prefix: str) -> list[str]:
    """Temporary files a killed write left behind (`.<name>.<random>.tmp`): never data."""
    if not folder.is_dir():
        return []
    removed = []
    for stray in folder.glob(f"{prefix}*.tmp"):
        if stray.is_file():
            stray.unlink(missing_ok=True)
            removed.append(f"removed the leftover temporary file {stray.name}")
    return removed
