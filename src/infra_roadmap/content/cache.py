"""A validated roadmap kept in the user cache directory.

The key is a hash of every roadmap file's path and bytes, so any edit, added or removed file
gives a new key: the cache can never serve a stale roadmap. A cache file that cannot be read or
does not match is ignored and rebuilt; one that cannot be written is simply not kept.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Sequence
from pathlib import Path

from infra_roadmap.content.roadmap import Roadmap
from infra_roadmap.errors import InvalidRoadmap

# marshal, not JSON: the validated data is plain dicts, lists, strings and numbers, and marshal
# reads 10,000 topics several times faster; a file of another Python version is just rebuilt.
FORMAT = 2
KINDS = ("layer", "discipline", "subject", "point", "topic", "resource")


def fingerprint(folders: Sequence[Path]) -> str:
    try:  # the C module itself: hashlib would load OpenSSL first, a few ms at every start
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    digest = blake2b(digest_size=20)
    digest.update(f"format {FORMAT}\n".encode())
    for folder in folders:
        digest.update(f"folder {Path(folder).absolute()}\n".encode())
        if not Path(folder).is_dir():
            digest.update(b"missing\n")
            continue
        for path in sorted(p for p in Path(folder).rglob("*.toml") if p.is_file()):
            data = path.read_bytes()
            digest.update(f"file {path} {len(data)}\n".encode())
            digest.update(data)
    return digest.hexdigest()


def cache_file(cache_dir: Path, folders: Sequence[Path]) -> Path:
    """One cache file per set of folders, so that switching overlays does not evict the other."""
    import zlib

    names = "\n".join(str(Path(f).absolute()) for f in folders).encode()
    return cache_dir / f"roadmap-{zlib.crc32(names):08x}.marshal"


def read(path: Path, key: str) -> Roadmap | None:
    try:
        with open(path, "rb") as handle:
            doc = marshal.loads(handle.read())
        if not isinstance(doc, dict) or doc.get("key") != key or doc.get("format") != FORMAT:
            return None
        data = doc["data"]
        if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in KINDS):
            return None
        return Roadmap.from_data(data)
    except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write(path: Path, key: str, data: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps({"format": FORMAT, "key": key, "data": data}))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache dir costs speed, not correctness


def load_roadmap(folders: Sequence[Path], cache_dir: Path | None) -> Roadmap:
    """The roadmap of `folders`, from the cache when nothing changed; validated otherwise."""
    key = fingerprint(folders)
    target = cache_file(cache_dir, folders) if cache_dir is not None else None
    if target is not None:
        cached = read(target, key)
        if cached is not None:
            return cached
    from infra_roadmap.content.loader import load

    result = load(folders)
    if result.problems:
        raise InvalidRoadmap(result.problems)
    if target is not None:
        write(target, key, result.data)
    return result.roadmap
