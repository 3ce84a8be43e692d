"""A validated roadmap kept in the user cache directory.

The key is a fingerprint of every roadmap file (path, size, times, inode; bytes too for a file
changed in the last seconds), so any edit, added or removed file gives a new key: the cache can
never serve a stale roadmap. A cache file that cannot be read or does not match is ignored and
rebuilt; one that cannot be written is simply not kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from infra_roadmap import cachefile
from infra_roadmap.content import records
from infra_roadmap.content.files import TooBig, folder_state, signature, toml_files
from infra_roadmap.content.roadmap import Roadmap
from infra_roadmap.errors import InvalidRoadmap

# marshal, not JSON: the validated data is plain tuples, strings and numbers, and marshal reads
# 10,000 topics several times faster; a file of another Python version is just rebuilt. Bump
# FORMAT whenever what is stored changes shape.
FORMAT = 8


def fingerprint(folders: Sequence[Path]) -> str:
    """A key that changes whenever any roadmap file's bytes change (see `files.signature`).
    Hashing every byte at every start would cost more than the rest of the command at 10,000
    topics."""
    import time

    try:  # the C module itself: hashlib would load OpenSSL first, a few ms at every start
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    digest = blake2b(digest_size=20)
    digest.update(f"format {FORMAT} {records.fields_of('topic')}\n".encode())
    now = time.time()
    for folder in folders:
        folder = Path(folder)
        digest.update(f"folder {folder.absolute()}\n".encode("utf-8", "surrogateescape"))
        if folder_state(folder) != "folder":
            digest.update(b"missing\n")
            continue
        try:
            paths = toml_files(folder)
        except TooBig:
            digest.update(b"too big\n")
            continue
        for path in paths:
            digest.update(signature(path, now) or b"unreadable\n")
    return digest.hexdigest()


def cache_file(cache_dir: Path, folders: Sequence[Path]) -> Path:
    """One cache file per set of folders, so that switching overlays does not evict the other."""
    import zlib

    names = "\n".join(str(Path(f).absolute()) for f in folders).encode("utf-8", "surrogateescape")
    return cache_dir / f"roadmap-{zlib.crc32(names):08x}.marshal"


def pinyin_file(target: Path) -> Path:
    """Where the pinyin of a cached roadmap is kept: beside it, in its own file, since only search
    reads it (a quarter of the bytes at 50,000 topics, which every other command would load)."""
    return target.with_name(target.stem + "-pinyin.marshal")


def to_plain(roadmap: Roadmap) -> dict[str, Any]:
    """What the cache keeps: every record as a row, the study order and the reverse edges."""
    rows = {
        kind: [records.row_of(r) for r in getattr(roadmap, plural).values()]
        for kind, plural in records.PLURALS.items()
    }
    return {
        "rows": rows,
        "order": roadmap.study_order(),
        "unlocks": roadmap.unlocks,
    }


def from_plain(stored: Any, key: str = "") -> Roadmap | None:
    try:
        rows, order, unlocks = stored["rows"], stored["order"], stored["unlocks"]
        entities = {kind: records.from_rows(kind, rows[kind]) for kind in records.PLURALS}
        return Roadmap.of(entities, checked=True, order=order, dependents=unlocks, key=key)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # no entry, or one of another shape


def _pinyin(roadmap: Roadmap, cache_dir: Path | None) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    from infra_roadmap.content import pinyin

    return pinyin.of_records(roadmap.topics.values(), cache_dir), pinyin.of_records(
        roadmap.points.values(), cache_dir
    )


def load_roadmap(folders: Sequence[Path], cache_dir: Path | None) -> Roadmap:
    """The roadmap of `folders`, from the cache when nothing changed; validated otherwise."""
    key = fingerprint(folders)
    target = cache_file(cache_dir, folders) if cache_dir is not None else None
    if target is not None:
        with cachefile.no_gc():
            cached = from_plain(cachefile.read(target, key), key)
        if cached is not None:
            cached.pinyin_source = lambda: _stored_pinyin(target, key)
            return cached
    from infra_roadmap.content.loader import load

    result = load(folders, cache_dir)
    if result.problems:
        raise InvalidRoadmap(result.problems)
    result.roadmap.key = key
    if target is not None:
        result.roadmap.pinyin = _pinyin(result.roadmap, cache_dir)
        cachefile.write(pinyin_file(target), key, list(result.roadmap.pinyin))
        cachefile.write(target, key, to_plain(result.roadmap), interned=True)
    return result.roadmap


def _stored_pinyin(target: Path, key: str) -> tuple[dict[str, list[str]], dict[str, list[str]]] | None:
    stored = cachefile.read(pinyin_file(target), key)
    if isinstance(stored, list) and len(stored) == 2 and all(isinstance(part, dict) for part in stored):
        return stored[0], stored[1]
    return None  # missing or of another shape: computed again
