"""All progress as one JSON document (`export`) and back (`import`, merging, never duplicating)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from infra_roadmap import settings
from infra_roadmap.errors import RoadmapError
from infra_roadmap.progress.actions import write
from infra_roadmap.progress.events import EVENT_KINDS
from infra_roadmap.store.event import Event
from infra_roadmap.store.read import Snapshot
from infra_roadmap.textsafe import is_safe, shown
from infra_roadmap.timeparse import FIRST_YEAR, LAST_YEAR, within_years

EXPORT_VERSION = 2  # 2: reviews (kind 'review' with a rating) and the study clock's events


def export(snap: Snapshot, now: datetime) -> dict[str, Any]:
    return {
        "version": EXPORT_VERSION,
        "exported_at": now.astimezone(UTC).isoformat(),
        "config": dict(sorted(snap.settings.items())),
        "events": [
            {
                # Ids and batches are this database's own: an import is one batch of its own.
                **{k: v for k, v in e.as_json().items() if k != "id"},
                "uid": e.uid,
                "recorded_at": e.recorded_at.isoformat() if e.recorded_at else None,
            }
            for e in snap.events
        ],
    }


def parse_export(text: str, source: str) -> tuple[list[Event], dict[str, Any]]:
    """Check a whole export document before anything is written; one clear error otherwise."""
    import json

    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RoadmapError(f"{source} is not JSON: {exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise RoadmapError(f"{source} is nested too deeply to be an infra-roadmap export") from None
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
            checked_settings[key] = settings.parse(key, "" if value is None else str(value))
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
    if not topic.isprintable() or not is_safe(topic) or len(topic) > 200:
        raise RoadmapError(f"{where}: 'topic' holds control characters or is too long: '{shown(topic)}'")
    if kind not in EVENT_KINDS:
        raise RoadmapError(f"{where}: 'kind' must be one of {', '.join(EVENT_KINDS)}")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= 24 * 60:
        raise RoadmapError(f"{where}: 'minutes' must be a whole number from 0 to 1440")
    if note is not None and not isinstance(note, str):
        raise RoadmapError(f"{where}: 'note' must be a string or null")
    rating = item.get("rating")
    if rating is not None and (
        isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 4
    ):
        raise RoadmapError(f"{where}: 'rating' must be 1 (again) to 4 (easy) or null")
    if kind == "review" and rating is None:
        raise RoadmapError(f"{where}: a review needs a 'rating' from 1 (again) to 4 (easy)")
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
    return Event(
        topic=topic,
        kind=kind,
        at=at,
        minutes=minutes,
        note=note,
        uid=uid,
        recorded_at=recorded,
        rating=rating if kind == "review" else None,
    )


def _timestamp(value: Any, where: str) -> datetime:
    if not isinstance(value, str):
        raise RoadmapError(f"{where} must be an ISO 8601 date-time with an offset")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RoadmapError(
            f"{where} must be an ISO 8601 date-time with an offset, not '{shown(value)}'"
        ) from None
    if moment.tzinfo is None:
        raise RoadmapError(f"{where} has no UTC offset: {shown(value)}")
    if not within_years(moment):
        raise RoadmapError(f"{where} is outside the years {FIRST_YEAR}-{LAST_YEAR}: {shown(value)}")
    return moment.astimezone(UTC)


def import_file(path: Path, events: list[Event], settings_in: dict[str, Any]) -> int:
    return write(path, lambda w: w.import_events(events, settings_in))
