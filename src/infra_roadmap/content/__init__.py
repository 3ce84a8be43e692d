"""The curated roadmap: models, loading, validation and overlays."""

from infra_roadmap.content.loader import LoadResult, Problem, load
from infra_roadmap.content.roadmap import Roadmap

__all__ = ["LoadResult", "Problem", "Roadmap", "load"]
