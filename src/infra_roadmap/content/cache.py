"""A validated roadmap kept as JSON in the user cache directory.

The key is a hash of every roadmap file's path and bytes, so any edit, added or removed file
gives a new key: the cache can never serve a stale roadmap. A cache file that cannot be read or
does not match is ignored and rebuilt; one that cannot be written is simply not kept.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from infra_roadmap.content.roadmap import Roadmap
from infra_roadmap.errors import InvalidRoadmap

FORMAT = 1
KINDS = ("layer", "discipline", "subject", "point", "topic", "resource")


def fingerprint(folders: Sequence[Path]) -> str:
    digest = hashlib.blake2b(digest_size=20)
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


def cache_file(cache_dir: Path) -> Path:
    return cache_dir / "roadmap.json"


def read(path: Path, key: str) -> Roadmap | None:
    try:
        with open(path, "rb") as handle:
            doc = json.loads(handle.read())
        if not isinstance(doc, dict) or doc.get("key") != key or doc.get("format") != FORMAT:
            return None
        data = doc["data"]
        if not isinstance(data, dict) or not all(isinstance(data.get(k), list) for k in KINDS):
            return None
        return Roadmap.from_data(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write(path: Path, key: str, data: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"format": FORMAT, "key": key, "data": data}, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache dir costs speed, not correctness


def load_roadmap(folders: Sequence[Path], cache_dir: Path | None) -> Roadmap:
    """The roadmap of `folders`, from the cache when nothing changed; validated otherwise."""
    key = fingerprint(folders)
    target = cache_file(cache_dir) if cache_dir is not None else None
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
