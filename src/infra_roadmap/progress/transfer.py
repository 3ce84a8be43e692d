"""All progress as one JSON document (`export`) and back (`import`, merging, never duplicating)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from infra_roadmap import settings
from infra_roadmap.errors import Phrase, RoadmapError
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

    text = text.removeprefix("\ufeff")  # saved by Windows Notepad: a byte order mark, not data
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RoadmapError("error.import.not_json", source=source, detail=exc.msg, line=exc.lineno) from None
    except RecursionError:
        raise RoadmapError("error.import.too_deep", source=source) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("events"), list):
        raise RoadmapError("error.import.not_export", source=source)
    version = doc.get("version", EXPORT_VERSION)
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise RoadmapError("error.import.newer", source=source, version=shown(repr(version)))
    settings_in = doc.get("config") or {}
    if not isinstance(settings_in, dict):
        raise RoadmapError("error.import.config_not_object", source=source)
    checked_settings = {}
    for key, value in settings_in.items():
        try:
            checked_settings[key] = settings.parse(key, "" if value is None else str(value))
        except RoadmapError as exc:
            raise RoadmapError(
                "error.import.bad_setting", source=source, key=shown(key), problem=exc
            ) from None
    events = [_event_from(item, i, source) for i, item in enumerate(doc["events"], start=1)]
    return events, {k: v for k, v in checked_settings.items() if v is not None}


def _event_from(item: Any, index: int, source: str) -> Event:
    where = Phrase("error.import.event", source=source, index=index)
    if not isinstance(item, dict):
        raise RoadmapError("error.import.not_object", where=where)
    topic, kind, at_text = item.get("topic"), item.get("kind"), item.get("at")
    minutes, note = item.get("minutes", 0), item.get("note")
    if not isinstance(topic, str) or not topic.strip():
        raise RoadmapError("error.import.topic_empty", where=where)
    if not topic.isprintable() or not is_safe(topic) or len(topic) > 200:
        raise RoadmapError("error.import.topic_unsafe", where=where, topic=shown(topic))
    if kind not in EVENT_KINDS:
        raise RoadmapError("error.import.kind", where=where, kinds=tuple(EVENT_KINDS))
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= 24 * 60:
        raise RoadmapError("error.import.minutes", where=where)
    if note is not None and not isinstance(note, str):
        raise RoadmapError("error.import.note", where=where)
    rating = item.get("rating")
    if rating is not None and (
        isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 4
    ):
        raise RoadmapError("error.import.rating", where=where)
    if kind == "review" and rating is None:
        raise RoadmapError("error.import.review_rating", where=where)
    at = _timestamp(at_text, Phrase("error.import.field", where=where, field="at"))
    recorded = (
        _timestamp(item["recorded_at"], Phrase("error.import.field", where=where, field="recorded_at"))
        if item.get("recorded_at")
        else at
    )
    uid = item.get("uid")
    if uid is not None and (not isinstance(uid, str) or not uid):
        raise RoadmapError("error.import.uid", where=where)
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


def _timestamp(value: Any, where: Phrase) -> datetime:
    if not isinstance(value, str):
        raise RoadmapError("error.import.time_type", where=where)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise RoadmapError("error.import.time_form", where=where, value=shown(value)) from None
    if moment.tzinfo is None:
        raise RoadmapError("error.import.time_no_offset", where=where, value=shown(value))
    if not within_years(moment):
        raise RoadmapError(
            "error.import.time_years", where=where, first=FIRST_YEAR, last=LAST_YEAR, value=shown(value)
        )
    return moment.astimezone(UTC)


def import_file(path: Path, events: list[Event], settings_in: dict[str, Any]) -> int:
    return write(path, lambda w: w.import_events(events, settings_in))
