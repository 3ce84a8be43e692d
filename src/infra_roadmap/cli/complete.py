"""Shell completion of the roadmap's own words: topic ids, layers, disciplines, subjects, config
keys, ratings. Each completer reads the roadmap from its cache (a few milliseconds); choices that
are fixed lists (formats, focus, direction) complete through their types already.

A completer gets what was typed so far (`incomplete`) and the Click context (for `--roadmap`
overlays named on the same line); it never raises: a broken roadmap completes nothing.
"""

from __future__ import annotations

from typing import Any

import typer


def _roadmap(ctx: typer.Context | None) -> Any | None:
    from infra_roadmap import paths
    from infra_roadmap.content.cache import load_roadmap

    overlays: list[str] = []
    if ctx is not None:
        overlays = list(ctx.find_root().params.get("roadmap") or [])
    try:
        folders = [paths.bundled_roadmap_dir(), *paths.overlay_dirs([paths.Path(d) for d in overlays])]
        return load_roadmap(folders, paths.cache_dir())
    except Exception:  # completion must never break the shell
        return None


def _matching(items: dict[str, Any], incomplete: str) -> list[tuple[str, str]]:
    typed = incomplete.lower()
    return [(key, _help(value)) for key, value in items.items() if key.startswith(typed)][:200]


def _help(record: Any) -> str:
    title = getattr(record, "title", "")
    title_zh = getattr(record, "title_zh", "")
    return f"{title} · {title_zh}" if title and title_zh else title or title_zh


def topics(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    roadmap = _roadmap(ctx)
    return _matching(roadmap.topics, incomplete) if roadmap is not None else []


def layers(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    roadmap = _roadmap(ctx)
    return _matching(roadmap.layers, incomplete) if roadmap is not None else []


def disciplines(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    roadmap = _roadmap(ctx)
    return _matching(roadmap.disciplines, incomplete) if roadmap is not None else []


def subjects(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    roadmap = _roadmap(ctx)
    return _matching(roadmap.subjects, incomplete) if roadmap is not None else []


def config_keys(incomplete: str) -> list[str]:
    from infra_roadmap.settings import KEYS

    return [key for key in KEYS if key.startswith(incomplete.lower())]


def ratings(incomplete: str) -> list[str]:
    from infra_roadmap.vocab import RATINGS

    return [rating for rating in RATINGS if rating.startswith(incomplete.lower())]
