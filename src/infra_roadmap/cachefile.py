"""Files in the user cache directory: a value kept under a key, read back only while the key
matches. Anything wrong with a cache file (missing, corrupt, another Python's format) reads as a
miss; a cache that cannot be written costs speed, never correctness.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: reading a large roadmap makes hundreds of thousands of
    objects at once, and the collector would scan them again and again as they are made, which
    makes the read grow faster than linearly. Plain data holds no cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # what was read lives as long as the command: never scan it again
        if enabled:
            gc.enable()


def read(path: Path, key: str) -> Any | None:
    """The value stored under `key`, or None."""
    with no_gc():
        try:
            with open(path, "rb") as handle:
                doc = marshal.loads(handle.read())
            return doc["value"] if isinstance(doc, dict) and doc.get("key") == key else None
        except (OSError, EOFError, ValueError, KeyError, TypeError):
            return None


def write(path: Path, key: str, value: Any, *, interned: bool = False) -> None:
    """Store `value` (plain data) under `key`, atomically; silently skipped when impossible.
    `interned` says its strings are interned already (the walk that interns them is skipped)."""
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps({"key": key, "value": value if interned else _interned(value)}))
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _interned(value: Any) -> Any:
    """The same data with every string interned: marshal then writes each distinct string once and
    refers back to it (ids, layers, levels and point ids repeat thousands of times)."""
    if isinstance(value, str):
        return sys.intern(value)
    if isinstance(value, list):
        return [_interned(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_interned(v) for v in value)
    if isinstance(value, dict):
        return {_interned(k): _interned(v) for k, v in value.items()}
    return value
