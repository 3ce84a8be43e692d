"""Finding the roadmap files under a folder: what the loader reads and the cache keys on."""

from __future__ import annotations

import os
import stat
from pathlib import Path

# A roadmap is a few dozen files; a folder holding far more is almost surely the wrong folder
# (`--roadmap /`), and walking it would take minutes.
MAX_FOLDERS = 2_000
MAX_FILES = 20_000


class TooBig(Exception):
    """The folder holds more than a roadmap plausibly does."""


def folder_state(folder: Path) -> str:
    """'folder', 'missing', 'not a folder', or why it cannot be looked at (a name too long)."""
    try:
        if folder.is_dir():
            return "folder"
        return "not a folder" if folder.exists() else "missing"
    except OSError as exc:
        return exc.strerror or "unreadable"
    except ValueError:  # a NUL byte in the name
        return "its name holds a NUL character"


def toml_files(folder: Path | str) -> list[str]:
    """Every regular `*.toml` file under `folder`, sorted. Special files (a FIFO would block the
    reader forever), hidden folders and links to folders are passed over.

    os.scandir rather than Path.rglob: several times faster, and this runs at every start.
    """
    found: list[str] = []
    pending = [os.fspath(folder)]
    folders = 0
    while pending:
        current = pending.pop()
        folders += 1
        if folders > MAX_FOLDERS:
            raise TooBig(f"more than {MAX_FOLDERS:,} folders")
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif entry.name.endswith(".toml") and stat.S_ISREG(entry.stat().st_mode):
                    found.append(entry.path)
            except OSError:
                continue
        if len(found) > MAX_FILES:
            raise TooBig(f"more than {MAX_FILES:,} roadmap files")
    return sorted(found)


RACY_SECONDS = 3.0


def signature(path: str, now: float) -> bytes | None:
    """What identifies a file's bytes without reading them: path, size, modification and change
    times and inode; a file modified in the last few seconds adds its bytes, because an edit that
    keeps the size within the filesystem's timestamp granularity would otherwise look unchanged
    (git's "racy" files). ctime too: no tool can set it back, so an edit that restores size and
    mtime still shows. None when the file cannot be looked at."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    line = f"file {path} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}\n"
    found = line.encode("utf-8", "surrogateescape")
    if now - info.st_mtime < RACY_SECONDS:
        try:
            with open(path, "rb") as handle:
                found += handle.read()
        except OSError:
            return None
    return found
