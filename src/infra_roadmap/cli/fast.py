"""Start-up work saved on every run (speed work, measured by bench/run.py).

Each command lives in a group module (`browse`, `guide`, `study`, `plan`, `report`, `data`); `main` imports only the
group of the command the user asked for, and Typer then builds only that command. Help,
`--version`, completion and anything unrecognised see the whole app.
"""

from __future__ import annotations

from collections.abc import Sequence

import typer

# Every command by group, in the order --help lists them.
GROUPS: dict[str, tuple[str, ...]] = {
    "browse": ("list", "tree", "show", "search", "validate", "graph"),
    "guide": ("next", "path", "review"),
    "study": (
        "start",
        "stop",
        "cancel",
        "timer",
        "done",
        "skip",
        "reset",
        "log",
        "undo",
        "history",
    ),
    "plan": ("status", "plan"),
    "report": ("report",),
    "data": ("config", "export", "import", "doctor"),
}
# Global options that take a value: the word after them is not a command name.
GLOBAL_OPTIONS_WITH_VALUE = frozenset({"--data-dir", "--roadmap"})


def pause_collector() -> None:
    """Turn the cyclic garbage collector off for the command's life. A command lasts well under a
    second and keeps nearly everything it makes until it exits; on a large roadmap the collector
    rescans those live objects again and again, which made `path` at 50,000 topics grow faster
    than the roadmap. Reference counting still frees everything that is not in a cycle."""
    import gc

    gc.disable()


def load(group: str) -> None:
    """Import a group's module, which registers its commands on the app."""
    if group == "browse":
        from infra_roadmap.cli import browse  # noqa: F401
    elif group == "guide":
        from infra_roadmap.cli import guide  # noqa: F401
    elif group == "study":
        from infra_roadmap.cli import study  # noqa: F401
    elif group == "plan":
        from infra_roadmap.cli import plan  # noqa: F401
    elif group == "report":
        from infra_roadmap.cli import report  # noqa: F401
    elif group == "data":
        from infra_roadmap.cli import data  # noqa: F401
    else:
        raise KeyError(group)


def load_all() -> None:
    for group in GROUPS:
        load(group)


def group_of(command: str) -> str:
    return next(group for group, names in GROUPS.items() if command in names)


def command_name(info: typer.models.CommandInfo) -> str:
    if info.name:
        return info.name
    callback = info.callback
    return callback.__name__.replace("_", "-").strip("-") if callback else ""


def requested_command(argv: Sequence[str]) -> str | None:
    """The command `argv` asks for, when it is certain; None when the whole app must be built."""
    names = {name for group in GROUPS.values() for name in group}
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
            continue
        if arg.startswith("-"):
            if arg in ("--help", "-h", "--version") or (
                "=" in arg and arg.split("=", 1)[0] not in GLOBAL_OPTIONS_WITH_VALUE
            ):
                return None
            continue
        return arg if arg in names else None
    return None


def completing() -> list[str] | None:
    """The words typed before the one being completed, when the shell asks for completions
    (Typer's protocol: _ROADMAP_COMPLETE and COMP_WORDS / _TYPER_COMPLETE_ARGS); None otherwise.
    The command they name is then the only one built, as for a run."""
    import os

    if "_ROADMAP_COMPLETE" not in os.environ:
        return None
    import shlex

    line = os.environ.get("_TYPER_COMPLETE_ARGS") or os.environ.get("COMP_WORDS", "")
    try:
        words = shlex.split(line)
    except ValueError:
        return []
    complete_word = os.environ.get("COMP_CWORD")
    if complete_word is not None and complete_word.isdigit():
        words = words[: int(complete_word)]
    elif line and not line.endswith(" "):
        words = words[:-1]  # the word being typed is not a command yet
    return words[1:]


def keep_only(app: typer.Typer, name: str) -> None:
    """Register only the command (or group) `name` on `app`."""
    app.registered_commands = [c for c in app.registered_commands if command_name(c) == name]
    app.registered_groups = [g for g in app.registered_groups if g.name == name]
