"""Use cases that read or change progress: what the state commands, history, config, export,
import and doctor do, without Typer or Rich. Each takes the database path and returns plain data."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from infra_roadmap import config
from infra_roadmap.content import Roadmap
from infra_roadmap.content.roadmap import Topic
from infra_roadmap.errors import RoadmapError
from infra_roadmap.state import KINDS, Event, TopicState, fold
from infra_roadmap.store.migrations import LATEST
from infra_roadmap.store.read import Snapshot, read_snapshot

EXPORT_VERSION = 1
NEW_STATUS = {"start": "in_progress", "done": "done", "skip": "skipped", "reset": "todo"}


def snapshot(path: Path) -> Snapshot:
    """Events and settings; an older schema is migrated (after a backup) before it is read."""
    snap = read_snapshot(path)
    if snap.exists and snap.version < LATEST:
        from infra_roadmap.store.write import Writer

        Writer(path).close()
        snap = read_snapshot(path)
    return snap


def states(snap: Snapshot, roadmap: Roadmap, cache_dir: Path | None = None) -> dict[str, TopicState]:
    """Each topic's state. With `cache_dir`, the fold is kept there and reused until a row is
    added to the log or the roadmap's aliases change (it is the same fold, only not redone)."""
    if cache_dir is None or not snap.events_exist:
        return fold(snap.state_rows(), roadmap.aliases)
    import zlib

    from infra_roadmap import cachefile

    key = repr((str(snap.path.absolute()), snap.marker, sorted(roadmap.aliases.items())))
    target = cache_dir / f"states-{zlib.crc32(str(snap.path.absolute()).encode()):08x}.marshal"
    stored = cachefile.read(target, key)
    if isinstance(stored, dict):
        try:
            return {tid: TopicState(status, minutes, _time(since), _time(last))
                    for tid, (status, minutes, since, last) in stored.items()}
        except (TypeError, ValueError):
            pass  # an entry of another shape: fold again
    result = fold(snap.state_rows(), roadmap.aliases)
    cachefile.write(target, key, {tid: (st.status, st.minutes, _text(st.since), _text(st.last_at))
                                  for tid, st in result.items()})
    return result


def _text(moment: datetime | str | None) -> str | None:
    return moment.isoformat() if isinstance(moment, datetime) else moment


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(eq=False)
class Change:
    topic: Topic
    kind: str
    before: str
    after: str
    recorded: bool


def change_state(path: Path, roadmap: Roadmap, kind: str, topics: Sequence[Topic], *, at: datetime,
                 note: str | None) -> list[Change]:
    """start / done / skip / reset for several topics as one change; a topic already in the target
    state is left alone."""
    current = states(snapshot(path), roadmap)
    changes, events = [], []
    for topic in {t.id: t for t in topics}.values():
        before = current.get(topic.id, TopicState()).status
        after = NEW_STATUS[kind]
        recorded = before != after
        changes.append(Change(topic, kind, before, after, recorded))
        if recorded:
            events.append(Event(topic=topic.id, kind=kind, at=at, note=note))
    if events:
        _write(path, lambda w: w.record(events))
    return changes


def log_time(path: Path, roadmap: Roadmap, topic: Topic, minutes: int, *, at: datetime,
             note: str | None) -> tuple[TopicState, TopicState]:
    before = states(snapshot(path), roadmap).get(topic.id, TopicState())
    _write(path, lambda w: w.record([Event(topic=topic.id, kind="log", at=at, minutes=minutes, note=note)]))
    return before, states(snapshot(path), roadmap)[topic.id]


def undo(path: Path) -> list[Event]:
    if not path.exists():
        return []
    return _write(path, lambda w: w.undo())


def history(snap: Snapshot, roadmap: Roadmap, *, since: datetime | None = None,
            topic: Topic | None = None) -> list[Event]:
    """Events in the order they happened."""
    wanted = None
    if topic is not None:
        wanted = {topic.id, *topic.aliases}
    chosen = [
        e for e in snap.events
        if (since is None or e.at >= since) and (wanted is None or e.topic in wanted)
    ]
    return sorted(chosen, key=lambda e: (e.at, e.recorded_at or e.at, e.uid))


# ---- config ---------------------------------------------------------------------------------

def settings(snap: Snapshot, today: date) -> dict[str, Any]:
    return config.effective(snap.settings, today)


def set_setting(path: Path, key: str, text: str) -> Any:
    value = config.parse(key, text)
    if value is None:
        _write(path, lambda w: w.unset_setting(key))
    else:
        _write(path, lambda w: w.set_setting(key, value))
    return value


# ---- export / import ------------------------------------------------------------------------

def export(snap: Snapshot, now: datetime) -> dict[str, Any]:
    return {
        "version": EXPORT_VERSION,
        "exported_at": now.astimezone(timezone.utc).isoformat(),
        "config": dict(sorted(snap.settings.items())),
        "events": [
            {**e.to_dict(), "uid": e.uid, "recorded_at": e.recorded_at.isoformat() if e.recorded_at else None,
             "batch": e.batch}
            for e in sorted(snap.events, key=lambda e: (e.recorded_at or e.at, e.uid))
        ],
    }


def parse_export(text: str, source: str) -> tuple[list[Event], dict[str, Any]]:
    """Check a whole export document before anything is written; one clear error otherwise."""
    import json

    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RoadmapError(f"{source} is not JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise RoadmapError(f"{source} is not an infra-roadmap export (no 'events' list)")
    version = doc.get("version", EXPORT_VERSION)
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise RoadmapError(f"{source} was exported by a newer infra-roadmap (format {version!r})")
    settings_in = doc.get("config") or {}
    if not isinstance(settings_in, dict):
        raise RoadmapError(f"{source}: 'config' must be an object")
    checked_settings = {}
    for key, value in settings_in.items():
        try:
            checked_settings[key] = config.parse(key, "" if value is None else str(value))
        except RoadmapError as exc:
            raise RoadmapError(f"{source}: config '{key}': {exc}") from None
    events = [_event_from(item, i, source) for i, item in enumerate(doc["events"], start=1)]
    return events, {k: v for k, v in checked_settings.items() if v is not None}


def _event_from(item: Any, index: int, source: str) -> Event:
    where = f"{source}: event {index}"
    if not isinstance(item, dict):
        raise RoadmapError(f"{where} is not an object")
    topic, kind, at_text = item.get("topic"), item.get("kind"), item.get("at")
    minutes, note = item.get("minutes", 0), item.get("note")
    if not isinstance(topic, str) or not topic.strip():
        raise RoadmapError(f"{where}: 'topic' must be a non-empty string")
    if kind not in KINDS:
        raise RoadmapError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= 24 * 60:
        raise RoadmapError(f"{where}: 'minutes' must be a whole number from 0 to 1440")
    if note is not None and not isinstance(note, str):
        raise RoadmapError(f"{where}: 'note' must be a string or null")
    at = _timestamp(at_text, f"{where}: 'at'")
    recorded = _timestamp(item["recorded_at"], f"{where}: 'recorded_at'") if item.get("recorded_at") else at
    uid = item.get("uid")
    if uid is not None and (not isinstance(uid, str) or not uid):
        raise RoadmapError(f"{where}: 'uid' must be a non-empty string")
    if uid is None:
        # A hand-written file has no uids: derive one from the content, so that importing the
        # same file twice still adds nothing.
        import hashlib
        import json

        digest = hashlib.sha256(json.dumps([topic, kind, at.isoformat(), minutes, note]).encode()).hexdigest()
        uid = f"h{digest[:31]}"
    batch = item.get("batch") if isinstance(item.get("batch"), str) and item.get("batch") else uid
    return Event(topic=topic, kind=kind, at=at, minutes=minutes, note=note, uid=uid, recorded_at=recorded, batch=batch)


def _timestamp(value: Any, where: str) -> datetime:
    if not isinstance(value, str):
        raise RoadmapError(f"{where} must be an ISO 8601 date-time with an offset")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RoadmapError(f"{where} must be an ISO 8601 date-time with an offset, not {value!r}") from None
    if moment.tzinfo is None:
        raise RoadmapError(f"{where} has no UTC offset: {value!r}")
    return moment.astimezone(timezone.utc)


def import_file(path: Path, events: list[Event], settings_in: dict[str, Any]) -> int:
    return _write(path, lambda w: w.import_events(events, settings_in))


# ---- doctor ---------------------------------------------------------------------------------

def doctor(path: Path, roadmap_problems: Sequence[object], roadmap: Roadmap | None) -> dict[str, Any]:
    """One look at everything: where the data is, whether it is sound, what is orphaned."""
    report: dict[str, Any] = {
        "data_dir": str(path.parent),
        "database": str(path),
        "exists": path.exists(),
        "size_bytes": path.stat().st_size if path.is_file() else 0,
        "schema_version": None,
        "latest_schema_version": LATEST,
        "integrity": None,
        "events": 0,
        "orphaned": [],
        "roadmap_problems": [str(p) for p in roadmap_problems],
        "problems": [],
    }
    if path.exists():
        try:
            snap = read_snapshot(path)
            report["schema_version"] = snap.version
            report["events"] = len(snap.events)
            report["integrity"] = _integrity(path)
            if report["integrity"] != "ok":
                report["problems"].append(f"integrity check: {report['integrity']}")
            if snap.version < LATEST:
                report["problems"].append(f"schema v{snap.version} will be migrated to v{LATEST} on the next write")
            if roadmap is not None:
                counts: dict[str, int] = {}
                for e in snap.events:
                    if roadmap.canonical_id(e.topic) is None:
                        counts[e.topic] = counts.get(e.topic, 0) + 1
                report["orphaned"] = [{"topic": t, "events": n} for t, n in sorted(counts.items())]
        except RoadmapError as exc:
            report["problems"].append(str(exc))
    if roadmap_problems:
        report["problems"].append(f"the roadmap has {len(roadmap_problems)} problem(s)")
    report["ok"] = not report["problems"]
    return report


def _integrity(path: Path) -> str:
    from infra_roadmap.store.read import connect_readonly

    conn = connect_readonly(path)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        return "; ".join(r[0] for r in rows[:5])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def _write(path: Path, action):
    from infra_roadmap.store.write import Writer

    with Writer(path) as writer:
        return action(writer)
