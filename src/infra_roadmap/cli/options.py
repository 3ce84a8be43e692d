"""Options and arguments that several commands share, each declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from infra_roadmap.cli import complete
from infra_roadmap.errors import Phrase, UsageProblem
from infra_roadmap.textsafe import shown
from infra_roadmap.vocab import Direction, Focus

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (stable keys, no colour).")]
LayerOpt = Annotated[
    str | None,
    typer.Option(
        "--layer",
        "-l",
        help="Only topics of this layer (e.g. iaas).",
        show_default=False,
        metavar="LAYER",
        autocompletion=complete.layers,
    ),
]
DisciplineOpt = Annotated[
    str | None,
    typer.Option(
        "--discipline",
        "-d",
        help="Only topics of this discipline (e.g. operating-systems).",
        show_default=False,
        metavar="DISCIPLINE",
        autocompletion=complete.disciplines,
    ),
]
SubjectOpt = Annotated[
    str | None,
    typer.Option(
        "--subject",
        "-s",
        help="Only topics linked to this exam subject (e.g. 408.os or 301).",
        show_default=False,
        metavar="SUBJECT",
        autocompletion=complete.subjects,
    ),
]
TopicArg = Annotated[
    str,
    typer.Argument(
        help="A topic id, an old id (alias), a unique prefix, or its exact title or keyword (e.g. 内存管理).",
        show_default=False,
        metavar="TOPIC",
        autocompletion=complete.topics,
    ),
]
TopicsArg = Annotated[
    list[str],
    typer.Argument(
        help="One or more topics: ids, old ids (aliases), unique prefixes or exact titles.",
        show_default=False,
        metavar="TOPIC...",
        autocompletion=complete.topics,
    ),
]
SomeTopicsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Topics: ids, old ids (aliases), unique prefixes or exact titles (or use --layer, "
        "--discipline, --subject for a whole part).",
        show_default=False,
        metavar="[TOPIC...]",
        autocompletion=complete.topics,
    ),
]
YesFlag = Annotated[
    bool,
    typer.Option("--yes", "-y", help="Change a whole part without asking (needed when not on a terminal)."),
]
AtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        help="When it happened: an ISO date or date-time (local time), 'today' or 'yesterday' "
        "(default: now).",
        show_default=False,
        metavar="WHEN",
    ),
]
NoteOpt = Annotated[
    str | None,
    typer.Option(
        "--note",
        "-m",
        help="A note to keep with the change (shown in history and reports).",
        show_default=False,
        metavar="TEXT",
    ),
]
StatusOpt = Annotated[
    str | None,
    typer.Option(
        "--status",
        help="Only topics with this status: todo, in_progress, done or skipped.",
        show_default=False,
        metavar="STATUS",
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", help="Write to this file instead of stdout.", show_default=False, metavar="FILE"
    ),
]
ForceFlag = Annotated[bool, typer.Option("--force", help="Overwrite --output if it exists.")]
FocusOpt = Annotated[
    Focus | None,
    typer.Option(
        "--focus",
        help="Lean on the exam, on AI Infra, or balance both (default: config 'focus').",
        show_default=False,
        case_sensitive=False,
    ),
]
DirectionOpt = Annotated[
    Direction | None,
    typer.Option(
        "--direction",
        help="Prefer topics of this AI Infra direction (default: config 'direction').",
        show_default=False,
        case_sensitive=False,
    ),
]


# What `user_path` was given, in words (an option's name stays as it is).
_WHAT = {
    "path": Phrase("error.what.path"),
    "file": Phrase("error.what.file"),
    "folder": Phrase("error.what.folder"),
    "--roadmap folder": Phrase("error.what.roadmap_folder"),
}


def user_path(text: str, what: str = "path") -> Path:
    """A path the user typed; one the system cannot take (a NUL byte, nothing at all) is refused."""
    if "\x00" in text or not text.strip():
        raise UsageProblem("error.invalid_path", what=_WHAT.get(what, what), value=shown(text))
    return Path(text)
