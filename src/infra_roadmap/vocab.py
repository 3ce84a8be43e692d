"""The closed lists of the domain, each defined once.

Each list is a `Literal` type (what the validating models, the settings and the command-line
options are annotated with, so Typer offers and completes the choices) and the tuple of its values
(what code iterates over and error messages list).
"""

from __future__ import annotations

from typing import Literal, get_args

# ---- the curated roadmap -------------------------------------------------------------------------
Level = Literal["foundation", "core", "advanced", "frontier"]
Direction = Literal["data", "training", "inference"]
Group = Literal["cs", "ai", "math", "physics", "engineering"]
ResourceKind = Literal["paper", "book", "course", "docs", "repo", "video", "article", "venue", "lab"]

LEVELS: tuple[Level, ...] = get_args(Level)
DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
GROUPS: tuple[Group, ...] = get_args(Group)
RESOURCE_KINDS: tuple[ResourceKind, ...] = get_args(ResourceKind)

# ---- progress ------------------------------------------------------------------------------------
Status = Literal["todo", "in_progress", "done", "skipped"]
STATUSES: tuple[Status, ...] = get_args(Status)
FINISHED: frozenset[str] = frozenset({"done", "skipped"})  # both satisfy prerequisites, count as covered

# What a user can record: state changes, time, reviews, and the study clock (started, stopped
# with its time logged, or cancelled). `undo` rows exist only in the store: they take back a batch
# or one event.
EventKind = Literal["start", "done", "skip", "reset", "log", "review", "clock", "stop", "cancel"]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)
# The kinds that set a topic's status whatever it was; `log` moves only a todo topic (to in_progress).
STATUS_AFTER = {"start": "in_progress", "done": "done", "skip": "skipped", "reset": "todo"}

# How well a review went, FSRS's four ratings (1..4).
Rating = Literal["again", "hard", "good", "easy"]
RATINGS: tuple[Rating, ...] = get_args(Rating)

# ---- settings and output -------------------------------------------------------------------------
Focus = Literal["exam", "balanced", "infra"]
Lang = Literal["zh", "en", "both"]
FOCUSES: tuple[Focus, ...] = get_args(Focus)
LANGS: tuple[Lang, ...] = get_args(Lang)

ReportFormat = Literal["md", "json", "csv", "html"]
GraphFormat = Literal["mermaid", "dot"]
PlanFormat = Literal["table", "json", "md", "ics"]
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)
GRAPH_FORMATS: tuple[GraphFormat, ...] = get_args(GraphFormat)
PLAN_FORMATS: tuple[PlanFormat, ...] = get_args(PlanFormat)

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

# The terms of the `next` score (see `ranking`); `weight.<term>` settings override their weights.
Term = Literal[
    "exam",
    "proximity",
    "frequency",
    "review",
    "infra",
    "unlocks",
    "in_progress",
    "foundation",
    "direction",
    "effort",
]
TERMS: tuple[Term, ...] = get_args(Term)
