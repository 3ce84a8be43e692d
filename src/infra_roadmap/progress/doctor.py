"""`roadmap doctor`: where the data lives and whether it is sound, in one look."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from infra_roadmap.content import Roadmap
from infra_roadmap.errors import RoadmapError
from infra_roadmap.store.migrations import LATEST
from infra_roadmap.store.read import integrity, read_snapshot


def doctor(path: Path, roadmap_problems: Sequence[object], roadmap: Roadmap | None) -> dict[str, Any]:
    """The data directory, the database's size, schema and integrity, events of topics that left
    the roadmap (kept: not a problem), and every problem found."""
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
        "roadmap_problems": [str(p) for p in roadmap_problems],
        "problems": [],
    }
    if path.exists():
        try:
            snap = read_snapshot(path)
            report["schema_version"] = snap.version
            report["events"] = len(snap.events)
            report["integrity"] = integrity(path)
            if report["integrity"] != "ok":
                report["problems"].append(f"integrity check: {report['integrity']}")
            if snap.version < LATEST:
                report["problems"].append(
                    f"schema v{snap.version} will be migrated to v{LATEST} on the next write"
                )
            if roadmap is not None:
                counts: dict[str, int] = {}
                for e in snap.events:
                    if roadmap.canonical_id(e.topic) is None:
                        counts[e.topic] = counts.get(e.topic, 0) + 1
                report["orphaned"] = [{"topic": t, "events": n} for t, n in sorted(counts.items())]
        except RoadmapError as exc:
            report["problems"].append(str(exc))
    if roadmap_problems:
        report["problems"].append(f"the roadmap has {len(roadmap_problems)} problem(s)")
    report["ok"] = not report["problems"]
    return report
