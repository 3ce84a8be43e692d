"""Your data: settings, export and import, and the doctor."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape

from infra_roadmap.cli import complete
from infra_roadmap.cli.options import ForceFlag, JsonFlag, OutputOpt, user_path
from infra_roadmap.cli.root import NegativeValues, app, config_app
from infra_roadmap.cli.session import session
from infra_roadmap.errors import RoadmapError, os_reason
from infra_roadmap.i18n import plural, say
from infra_roadmap.render.console import emit_json, emit_text, message
from infra_roadmap.textsafe import shown


@config_app.command("list")
def config_list(ctx: typer.Context, json_: JsonFlag = False) -> None:
    """List every setting with its value and where it comes from."""
    from infra_roadmap import settings
    from infra_roadmap.render import progress as render

    s = session(ctx)
    stored = s.snapshot.settings
    values = settings.stored_values(stored, s.today())
    if json_:
        emit_json(values)
    else:
        render.settings(values, stored, s.lang)


@config_app.command("get")
def config_get(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            help="The setting's name, e.g. exam-date.",
            show_default=False,
            metavar="KEY",
            autocompletion=complete.config_keys,
        ),
    ],
    json_: JsonFlag = False,
) -> None:
    """Print one setting's value."""
    from infra_roadmap import settings

    s = session(ctx)
    values = settings.stored_values(s.snapshot.settings, s.today())
    if key not in values:
        if key.startswith(settings.WEIGHT_PREFIX):
            settings.parse(key, "1")  # an unknown term fails here with the list of terms
            raise RoadmapError("error.weight_not_set", key=shown(key))
        settings.parse(key, "")
    if json_:
        emit_json({key: values[key]})
    else:
        emit_text(f"{settings.display(values[key])}\n")


@config_app.command("set", cls=NegativeValues)
def config_set(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            help="The setting's name: exam-date, weekly-goal-hours, availability, direction, focus, lang, "
            "retention, review-minutes or weight.<term>.",
            show_default=False,
            metavar="KEY",
            autocompletion=complete.config_keys,
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(help="The new value ('none' clears direction).", show_default=False, metavar="VALUE"),
    ],
) -> None:
    """Change a setting (checked before it is stored)."""
    from infra_roadmap import settings
    from infra_roadmap.progress import actions

    s = session(ctx)
    stored = actions.set_setting(s.db_path, key, value)
    message(f"{key} = {escape(settings.display(stored))}")
    if key == "exam-date" and str(stored) < s.today().isoformat():
        message(f"[yellow]{escape(say('screen.config.exam_past', s.lang, date=str(stored)))}[/yellow]")


@config_app.command("unset")
def config_unset(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            help="The setting to return to its default.",
            show_default=False,
            metavar="KEY",
            autocompletion=complete.config_keys,
        ),
    ],
) -> None:
    """Return a setting to its default."""
    from infra_roadmap import settings
    from infra_roadmap.progress import actions

    s = session(ctx)
    was_set = actions.unset_setting(s.db_path, key)
    default = settings.display(settings.stored_values({}, s.today()).get(key))
    said = say(
        "screen.config.is_default" if was_set else "screen.config.was_not_set",
        s.lang,
        setting=key,
        value=default,
    )
    message(escape(said))


@app.command()
def export(ctx: typer.Context, output: OutputOpt = None, force: ForceFlag = False) -> None:
    """Write all progress (events and settings) as one JSON document."""
    import json

    from infra_roadmap import fsio, textsafe
    from infra_roadmap.progress import transfer

    s = session(ctx)
    document = transfer.export(s.snapshot, s.now)
    text = textsafe.json_text(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
    if output is None:
        emit_text(text)
        return
    fsio.write_text(output, text, force=force)
    message(escape(plural("screen.export.done", s.lang, len(document["events"]), path=output)))


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            help="A file written by 'roadmap export' ('-' reads stdin).", show_default=False, metavar="FILE"
        ),
    ],
) -> None:
    """Merge an export into your progress; events already present are not added again."""
    from infra_roadmap.progress import transfer

    s = session(ctx)
    if file == "-":
        text, source = sys.stdin.read(), "stdin"
    else:
        try:
            text, source = user_path(file, "file").read_text(encoding="utf-8"), file
        except (OSError, UnicodeDecodeError) as exc:
            raise RoadmapError("error.cannot_read", path=file, reason=os_reason(exc)) from None
    events, settings_in = transfer.parse_export(text, source)
    added = transfer.import_file(s.db_path, events, settings_in)
    message(escape(plural("screen.import.done", s.lang, added, source=source, present=len(events) - added)))


@app.command()
def doctor(
    ctx: typer.Context,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Make the safe repairs: upgrade an old schema (after a backup), remove "
            "leftover temporary files, drop the caches.",
        ),
    ] = False,
    json_: JsonFlag = False,
) -> None:
    """Check where your data lives and whether it is sound."""
    from infra_roadmap import content, paths
    from infra_roadmap.progress.doctor import doctor as examine
    from infra_roadmap.render import progress as render

    s = session(ctx)
    result = content.load(s.folders(), paths.cache_dir())
    report = examine(s.db_path, result.problems, result.roadmap, fix=fix, cache_dir=paths.cache_dir())
    if json_:
        emit_json(report)
    else:
        render.doctor(report, s.readable_lang())
    if not report["ok"]:
        raise typer.Exit(1)
