"""The `roadmap` command line: parse, call one function, render.

`app` holds the error boundary and the global options; the commands live in modules by group
(`browse`, `study`, `plan`, `data`); `session` loads what they need once; `fast` imports only
the group a command needs.
"""

from __future__ import annotations

import sys
from typing import Any

from infra_roadmap.cli import fast

__all__ = ["app", "main"]


def main(prog_name: str = "roadmap") -> None:
    """The console script."""
    from infra_roadmap.cli.root import app

    fast.pause_collector()
    only = fast.requested_command(fast.completing() or sys.argv[1:])
    if only is None:
        fast.load_all()
    else:
        fast.load(fast.group_of(only))
        fast.keep_only(app, only)
    app(prog_name=prog_name)


def __getattr__(name: str) -> Any:
    """`from infra_roadmap.cli import app`: the whole app, every command registered."""
    if name == "app":
        from infra_roadmap.cli.root import app

        fast.load_all()
        return app
    raise AttributeError(name)
