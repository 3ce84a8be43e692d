"""Each finished topic's review schedule (`review.Schedule`), kept in the user cache directory.

Keyed like the states cache (the database's path and the log's marker) plus the roadmap's
fingerprint (partial credit follows its prerequisites) and the desired retention. A write folds
its events into the cached schedule when they happened after everything in it, which is the order
the fold would apply them in; otherwise the next read folds the log again. Such a write also keeps
the schedule it started from, with its batch: `undo` of that batch, when it is the next thing
written, brings exactly that schedule back instead of leaving the next read to fold the whole log.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from infra_roadmap import cachefile
from infra_roadmap.content import Roadmap
from infra_roadmap.progress import review
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import Marker, Snapshot

if TYPE_CHECKING:
    from infra_roadmap.store.write import Written


def _place(
    path: Path, marker: Marker, roadmap: Roadmap, retention: float, cache_dir: Path
) -> tuple[Path, str]:
    where = str(path.absolute())
    key = repr(
        (
            where,
            marker,
            roadmap.key or sorted(roadmap.requires.items()),
            retention,
            sorted(roadmap.aliases.items()),
        )
    )
    return cache_dir / f"reviews-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}.marshal", key


def cached(
    snap: Snapshot, roadmap: Roadmap, retention: float, cache_dir: Path | None
) -> review.Schedule | None:
    """The schedule kept for exactly this log, or None."""
    if cache_dir is None:
        return None
    if not snap.events_exist:
        return review.Schedule(roadmap.requires, retention)
    target, key = _place(snap.path, snap.marker, roadmap, retention, cache_dir)
    stored = cachefile.read(target, key)
    return (
        review.from_plain(stored.get("schedule"), roadmap.requires, retention)
        if isinstance(stored, dict)
        else None
    )


def _keep(target: Path, key: str, schedule: object, previous: object = None, batch: str = "") -> None:
    cachefile.write(target, key, {"schedule": schedule, "previous": previous, "batch": batch})


def schedule(
    snap: Snapshot, roadmap: Roadmap, retention: float, cache_dir: Path | None = None
) -> review.Schedule:
    """The review schedule of the log (from the cache while nothing changed)."""
    kept = cached(snap, roadmap, retention, cache_dir)
    if kept is not None:
        return kept
    found = review.fold(snap.review_rows(), roadmap.requires, retention, roadmap.aliases)
    if cache_dir is not None and snap.events_exist:
        target, key = _place(snap.path, snap.marker, roadmap, retention, cache_dir)
        _keep(target, key, review.plain(found))
    return found


def after_write(
    snap: Snapshot,
    roadmap: Roadmap,
    retention: float,
    cache_dir: Path | None,
    before: review.Schedule | None,
    written: Written,
    events: Sequence[Event],
) -> None:
    """Fold a write into the cached schedule when that is exactly what a full fold would do: the
    cache was read at the marker the write started from, and the events happened after all it
    holds."""
    if cache_dir is None or before is None or written.before != snap.marker:
        return
    if before.latest is not None and any(e.at < before.latest for e in events):
        return  # backdated: it would have to be folded in the middle; the next read refolds
    previous = review.plain(before)
    for e in events:
        before.apply(roadmap.canonical_id(e.topic) or e.topic, e.kind, e.at, e.rating)
    target, key = _place(snap.path, written.after, roadmap, retention, cache_dir)
    _keep(target, key, review.plain(before), previous, written.batch)


def after_undo(
    snap: Snapshot, roadmap: Roadmap, retention: float, cache_dir: Path | None, batch: str, written: Written
) -> None:
    """After `undo` took back `batch`: when the cached schedule is the one that batch's write made
    (the cache matches the log as the undo found it, and names that batch), the schedule it
    started from is the schedule now; keep it under the new marker."""
    if cache_dir is None or not batch or written.before != snap.marker:
        return
    target, key = _place(snap.path, snap.marker, roadmap, retention, cache_dir)
    stored = cachefile.read(target, key)
    if not isinstance(stored, dict) or stored.get("batch") != batch or stored.get("previous") is None:
        return
    target, key = _place(snap.path, written.after, roadmap, retention, cache_dir)
    _keep(target, key, stored["previous"])
