"""The curated roadmap: models, loading, validation, overlays and the cache.

Importing this package is cheap: the validating loader (pydantic, tomllib) is imported only when
files are actually read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from infra_roadmap.content.roadmap import Roadmap

if TYPE_CHECKING:
    from infra_roadmap.content.loader import LoadResult, Problem


def load(folders) -> "LoadResult":
    """Read and validate every TOML file under `folders` (see `loader.load`)."""
    from infra_roadmap.content.loader import load as _load

    return _load(folders)


def __getattr__(name: str):
    if name in ("LoadResult", "Problem"):
        from infra_roadmap.content import loader

        return getattr(loader, name)
    raise AttributeError(name)


__all__ = ["LoadResult", "Problem", "Roadmap", "load"]
