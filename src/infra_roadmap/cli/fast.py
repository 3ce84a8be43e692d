"""Start-up work saved on every run (speed work, measured by bench/run.py).

Typer builds a Click command for every registered command at each start; building only the one
the user asked for saves most of that. Help, `--version` and anything unrecognised see them all.
"""

from __future__ import annotations

from collections.abc import Sequence

import typer

# Global options that take a value: the word after them is not a command name.
GLOBAL_OPTIONS_WITH_VALUE = frozenset({"--data-dir", "--roadmap"})


def command_name(info: typer.models.CommandInfo) -> str:
    if info.name:
        return info.name
    callback = info.callback
    return callback.__name__.replace("_", "-").strip("-") if callback else ""


def requested_command(app: typer.Typer, argv: Sequence[str]) -> str | None:
    """The command `argv` asks for, when it is certain; None when the whole app must be built."""
    names = {command_name(c) for c in app.registered_commands} | {
        g.name for g in app.registered_groups if g.name
    }
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


def keep_only(app: typer.Typer, name: str) -> None:
    """Register only the command (or group) `name` on `app`."""
    app.registered_commands = [c for c in app.registered_commands if command_name(c) == name]
    app.registered_groups = [g for g in app.registered_groups if g.name == name]
