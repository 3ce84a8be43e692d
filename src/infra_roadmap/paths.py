"""Where things live: the bundled roadmap, overlay folders and the user's data directory.

One place defines each location and the environment variables that move it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HOME_ENV = "INFRA_ROADMAP_HOME"
PATH_ENV = "INFRA_ROADMAP_PATH"
DEBUG_ENV = "INFRA_ROADMAP_DEBUG"
APP_NAME = "infra-roadmap"
DB_NAME = "progress.db"


def bundled_roadmap_dir() -> Path:
    """The curated roadmap: inside the installed package, or at the top of a checkout."""
    package = Path(__file__).parent  # not resolved: a checkout reached through a link keeps its own roadmap
    installed = package / "roadmap"
    if installed.is_dir():
        return installed
    return package.parents[1] / "roadmap"


def overlay_dirs(cli_dirs: list[Path] | None = None) -> list[Path]:
    """Overlay folders: those named in INFRA_ROADMAP_PATH first, then each --roadmap DIR."""
    env = os.environ.get(PATH_ENV, "")
    from_env = [Path(p) for p in env.split(os.pathsep) if p.strip()]
    return from_env + list(cli_dirs or [])


def data_dir(override: Path | None = None) -> Path:
    """--data-dir, else INFRA_ROADMAP_HOME, else the platform's user data directory."""
    if override is not None:
        return override
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env)
    return _user_dir("data")


def database_path(override: Path | None = None) -> Path:
    return data_dir(override) / DB_NAME


def cache_dir() -> Path:
    return _user_dir("cache")


# What platformdirs answers on Linux (the XDG base directories), without importing it at every
# start; other systems ask platformdirs. A test checks that both agree.
_XDG = {"data": ("XDG_DATA_HOME", ".local/share"), "cache": ("XDG_CACHE_HOME", ".cache")}


def _user_dir(kind: str) -> Path:
    if sys.platform.startswith("linux"):
        variable, fallback = _XDG[kind]
        base = os.environ.get(variable, "").strip()
        return (Path(base) if base and Path(base).is_absolute() else Path.home() / fallback) / APP_NAME
    import platformdirs

    return {"data": platformdirs.user_data_path, "cache": platformdirs.user_cache_path}[kind](APP_NAME)


def debug() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")
