"""Each roadmap file's validated records, kept between runs (speed work, measured by bench/run.py:
reading TOML with tomllib costs about 250 us per topic, so 50,000 topics take 13 s to parse).

One cache file per folder holds, for every roadmap file, its signature (path, size, times,
inode; the bytes of a file changed in the last seconds) and what `loader.read_file` made of it:
its tables as record rows and its problems. A file whose signature changed is read again; the
others are taken as they were. The merge, the references and the cycles are checked at every
load, so the answer is the same as reading every file.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from infra_roadmap import cachefile
from infra_roadmap.content import records
from infra_roadmap.content.files import signature
from infra_roadmap.content.problems import Entry, FileResult, Problem

FORMAT = 1


class FileCache:
    def __init__(self, cache_dir: Path, folders: Sequence[Path]):
        names = "\n".join(str(Path(f).absolute()) for f in folders).encode("utf-8", "surrogateescape")
        self.path = cache_dir / f"files-{zlib.crc32(names):08x}.marshal"
        self.key = f"format {FORMAT} {records.fields_of('topic')} {records.fields_of('point')}"
        stored = cachefile.read(self.path, self.key)
        self.entries: dict[str, Any] = stored if isinstance(stored, dict) else {}
        self.kept: dict[str, Any] = {}
        self.now = time.time()
        self.changed = False

    def get(self, path: Path) -> Any | None:
        """The `loader.FileResult` of an unchanged file, else None."""
        sign = signature(str(path), self.now)
        stored = self.entries.get(str(path))
        if sign is None or stored is None or stored[0] != sign:
            return None
        try:
            _sign, entries, problems = stored
            made: dict[str, Any] = {}  # kind -> an iterator over its records, made in one batch
            for kind in {kind for kind, _ident, row in entries if row is not None}:
                rows = [row for k, _i, row in entries if k == kind and row is not None]
                made[kind] = iter(records.from_rows(kind, rows))
            rebuilt = FileResult(
                [
                    Entry(kind, ident, next(made[kind]) if row is not None else None)
                    for kind, ident, row in entries
                ],
                [Problem(*p) for p in problems],
            )
        except (TypeError, ValueError, IndexError, KeyError, StopIteration):
            return None  # an entry of another shape: read the file again
        self.kept[str(path)] = stored
        return rebuilt

    def put(self, path: Path, result: Any) -> None:
        sign = signature(str(path), self.now)
        if sign is None:
            return
        entries = [
            (e.kind, e.id, records.row_of(e.record) if e.record is not None else None) for e in result.entries
        ]
        problems = [(p.file, p.kind, p.id, p.message) for p in result.problems]
        self.kept[str(path)] = (sign, entries, problems)
        self.changed = True

    def save(self) -> None:
        """Keep what this load saw (files that are gone are forgotten)."""
        if self.changed or self.kept.keys() != self.entries.keys():
            cachefile.write(self.path, self.key, self.kept, interned=True)
