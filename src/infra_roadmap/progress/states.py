"""Each topic's state, folded from the log, and kept in the user cache directory between runs.

The cache holds the fold's result under a key made of the database's path, the log's marker (row
count, last row id and uid) and the roadmap's aliases: any added row (undo adds one too), another
file copied in its place, or a renamed topic gives a new key and a new fold. It is the same fold,
only not redone; a cache that cannot be read or written costs time, never correctness.
"""

from __future__ import annotations

import zlib
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from infra_roadmap import cachefile
from infra_roadmap.content import Roadmap
from infra_roadmap.progress.events import TopicState, fold
from infra_roadmap.store.read import Marker, Snapshot

if TYPE_CHECKING:
    from infra_roadmap.store.write import Written


def _place(path: Path, marker: Marker, roadmap: Roadmap, cache_dir: Path) -> tuple[Path, str]:
    """The cache file of a database, and the key its states are kept under."""
    where = str(path.absolute())
    key = repr((where, marker, sorted(roadmap.aliases.items())))
    return cache_dir / f"states-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}.marshal", key


def states(snap: Snapshot, roadmap: Roadmap, cache_dir: Path | None = None) -> dict[str, TopicState]:
    """Each topic's state (topics never touched are absent: they are todo)."""
    if cache_dir is None or not snap.events_exist:
        return fold(snap.state_rows(), roadmap.aliases)
    target, key = _place(snap.path, snap.marker, roadmap, cache_dir)
    stored = cachefile.read(target, key)
    if isinstance(stored, dict):
        try:
            return {
                tid: TopicState(status, minutes, _time(since), _time(last))
                for tid, (status, minutes, since, last) in stored.items()
            }
        except (TypeError, ValueError):
            pass  # an entry of another shape: fold again
    result = fold(snap.state_rows(), roadmap.aliases)
    _keep(target, key, result)
    return result


def after_write(
    snap: Snapshot,
    roadmap: Roadmap,
    cache_dir: Path | None,
    before: dict[str, TopicState],
    written: Written,
    changed: dict[str, TopicState],
) -> None:
    """Fold a write into the cache, so that the next read stays cheap: when nothing else was
    written between the read of `snap` and this write, the states after it are `before` with the
    `changed` topics replaced; otherwise the cache is left to be refolded."""
    if cache_dir is None or written.before != snap.marker:
        return
    target, key = _place(snap.path, written.after, roadmap, cache_dir)
    _keep(target, key, {**before, **changed})


def _keep(target: Path, key: str, result: dict[str, TopicState]) -> None:
    plain = {tid: (st.status, st.minutes, _text(st.since), _text(st.last_at)) for tid, st in result.items()}
    cachefile.write(target, key, plain)


def _text(moment: datetime | str | None) -> str | None:
    return moment.isoformat() if isinstance(moment, datetime) else moment


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
