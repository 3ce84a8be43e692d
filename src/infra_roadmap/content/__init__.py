"""The curated roadmap: file format, run-time records, loading, validation, overlays, the cache.

Importing this package is cheap: the validating loader (pydantic, tomllib) is imported only when
files are actually read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from infra_roadmap.content.problems import Problem
from infra_roadmap.content.roadmap import Roadmap

if TYPE_CHECKING:
    from infra_roadmap.content.loader import LoadResult


def load(folders: Iterable[Path], cache_dir: Path | None = None) -> LoadResult:
    """Read and validate every TOML file under `folders` (see `loader.load`)."""
    from infra_roadmap.content.loader import load as _load

    return _load(folders, cache_dir)


__all__ = ["Problem", "Roadmap", "load"]
