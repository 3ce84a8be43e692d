"""Unlock counts of a large roadmap, kept in the user cache directory (speed work, measured by
bench/run.py: at 50,000 topics counting takes about a second, reading the cache a few ms).

The counts depend only on the roadmap and on which topics are finished, so they are kept under a
key made of the roadmap's fingerprint and the finished ids: `done`, `skip` or `reset` gives a
new key, a log or a start does not. A small roadmap counts in a few milliseconds and keeps no file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

try:  # the C module itself: hashlib would load OpenSSL first
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

from infra_roadmap import cachefile
from infra_roadmap.content import Roadmap
from infra_roadmap.progress.events import TopicState, finished_ids
from infra_roadmap.ranking import unlock_counts

LARGE = 2_000  # topics: below this, counting is cheaper than reading a file


def counts(roadmap: Roadmap, states: Mapping[str, TopicState], cache_dir: Path | None) -> dict[str, int]:
    """What `ranking.unlock_counts` answers, from the cache when it can."""
    if cache_dir is None or not roadmap.key or len(roadmap.topics) < LARGE:
        return unlock_counts(roadmap, states)
    finished = "\n".join(sorted(finished_ids(states) & roadmap.topics.keys()))
    key = f"{roadmap.key} {blake2b(finished.encode('utf-8', 'surrogateescape'), digest_size=20).hexdigest()}"
    target = cache_dir / f"unlocks-{roadmap.key[:16]}.marshal"
    order = roadmap.study_order()
    stored = cachefile.read(target, key)  # the counts in study order: no ids to build again
    if isinstance(stored, list) and len(stored) == len(order):
        return dict(zip(order, stored, strict=True))
    found = unlock_counts(roadmap, states)
    cachefile.write(target, key, [found.get(tid, 0) for tid in order])
    return found
