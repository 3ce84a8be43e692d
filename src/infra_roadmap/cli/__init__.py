"""The `roadmap` command line: parse, call one function, render.

`app` holds the error boundary; the commands live in modules by group (`browse`, `study`,
`plan`, `data`); `session` loads what they need once; `fast` trims start-up work.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from infra_roadmap import __version__
from infra_roadmap.cli import browse, data, fast, plan, study  # noqa: F401 - each registers its commands, in the order of --help
from infra_roadmap.cli.app import app, usage_error
from infra_roadmap.cli.options import user_path
from infra_roadmap.cli.session import Session

__all__ = ["app", "main"]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"roadmap (infra-roadmap) {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            help="Folder for progress.db (default: $INFRA_ROADMAP_HOME, else the platform data dir).",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    roadmap: Annotated[
        list[str] | None,
        typer.Option(
            "--roadmap",
            help="An extra roadmap folder laid over the bundled one (repeatable; also $INFRA_ROADMAP_PATH).",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """What to study next so that the hour counts for the 11408 exam and for AI Infra."""
    if data_dir is not None and not data_dir.strip():
        raise usage_error("--data-dir is empty; give a folder, or leave the option out", ctx)
    ctx.obj = Session(
        data_dir=user_path(data_dir, "--data-dir") if data_dir is not None else None,
        roadmap_dirs=[user_path(d, "--roadmap folder") for d in roadmap or []],
    )


def main(prog_name: str = "roadmap") -> None:
    """The console script."""
    only = fast.requested_command(app, sys.argv[1:])
    if only is not None:
        fast.keep_only(app, only)
    app(prog_name=prog_name)
