"""The Typer application and its error boundary: one line on stderr, exit 1 for data errors and 2
for usage errors, never a traceback (unless INFRA_ROADMAP_DEBUG=1)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from infra_roadmap import __version__, paths
from infra_roadmap.cli.options import user_path
from infra_roadmap.cli.session import Session
from infra_roadmap.errors import RoadmapError
from infra_roadmap.render.console import error

# Click's exception classes, reached through Typer's public BadParameter (Typer vendors Click;
# its module is private): BadParameter < UsageError < ClickException.
UsageError: type[Exception] = typer.BadParameter.__mro__[1]
ClickException: type[Exception] = typer.BadParameter.__mro__[2]


class NegativeValues(TyperCommand):
    """A command whose last arguments may be negative (`log X -30m`, `config set KEY -5`): Click
    would read '-30m' as the options -3, -0 and -m. Such words go after a '--', where they stay
    arguments, so the command's own check can say what is wrong with them."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if "--" not in args:
            takes_value = {
                name for p in self.params if getattr(p, "is_flag", True) is False for name in p.opts
            }
            keep: list[str] = []
            negative: list[str] = []
            for i, arg in enumerate(args):
                looks_negative = len(arg) > 1 and arg[0] == "-" and (arg[1].isdigit() or arg[1] == ".")
                is_a_value = i > 0 and args[i - 1] in takes_value  # `--note -2+3` is a note
                (negative if looks_negative and not is_a_value else keep).append(arg)
            if negative:
                args = [*keep, "--", *negative]
        return super().parse_args(ctx, args)


class App(TyperGroup):
    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        # The command list shows each docstring's first paragraph; Typer keeps its line breaks
        # there, so a wrapped docstring showed as ragged lines. Join them into one sentence.
        command = super().get_command(ctx, cmd_name)
        if command is not None and command.short_help is None and command.help:
            command.short_help = " ".join(command.help.split("\n\n")[0].split())
        return command

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> Any:
            return super(App, self).main(
                args, prog_name or "roadmap", complete_var, False, windows_expand_args, **extra
            )

        _running.clear()  # an earlier run in this process (tests) says nothing about this one
        code = guarded(run)
        if standalone_mode:
            sys.exit(code)
        return code


# The Session of the command that runs (set by `main_options`): the boundary reads its lang.
_running: list[Session] = []


def error_lang() -> str:
    """The lang to word an error in: the running command's (see `Session.readable_lang`), else the
    one stored in the default data directory, else English."""
    return (_running[-1] if _running else Session()).readable_lang()


def say(key: str, lang: str, **values: Any) -> str:
    """`i18n.say`, imported only when there is an error to word."""
    from infra_roadmap.i18n import say as catalogue

    return catalogue(key, lang, **values)


def guarded(call: Callable[[], Any]) -> int:
    """Run the command; turn every failure into one line on stderr, in the user's lang, and an
    exit code."""
    try:
        result = call()
        return result if isinstance(result, int) else 0
    except UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `roadmap` alone: the help, on stdout
            sys.stdout.write(exc.format_message() + "\n")  # type: ignore[attr-defined]
            return 0
        lang = error_lang()
        text = _usage_message(exc, lang)
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            text = say("error.see_help", lang, message=text.rstrip("。"), command=ctx.command_path)
        error(text, lang)
        return int(getattr(exc, "exit_code", 2))
    except ClickException as exc:
        error(exc.format_message(), error_lang())  # type: ignore[attr-defined]
        return int(getattr(exc, "exit_code", 1))
    except RoadmapError as exc:
        if paths.debug():
            raise
        lang = error_lang()
        error(exc.text(lang), lang)
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write(say("error.aborted", error_lang()) + "\n")
        return 130
    except BrokenPipeError:
        # `roadmap list | head`: the reader left; nothing is wrong. Silence the flush at exit.
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except Exception as exc:  # the last line of defence: no traceback for users
        if paths.debug():
            raise
        lang = error_lang()
        error(say("error.internal", lang, kind=type(exc).__name__, detail=exc), lang)
        return 1


def _usage_message(exc: Exception, lang: str) -> str:
    """Click's usage error in `lang` (English: Click's own words; see `cli.usage`)."""
    if lang == "zh" or hasattr(exc, "key"):
        from infra_roadmap.cli import usage

        return usage.message(exc, lang)
    return exc.format_message()  # type: ignore[attr-defined]


def usage_error(key: str, ctx: typer.Context | None = None, **values: object) -> Exception:
    """A usage error (exit 2) raised from inside a command: `key` of `i18n.MESSAGES` and its
    values, worded in the user's lang at the boundary (its message is the English text)."""
    from infra_roadmap.errors import word

    exc = UsageError(word(key, values, "en"), ctx=ctx)  # type: ignore[call-arg]
    exc.key, exc.values = key, values  # type: ignore[attr-defined]
    return exc


app = typer.Typer(
    cls=App,
    name="roadmap",
    help="What to study next so that the hour counts for the 11408 exam and for AI Infra.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

config_app = typer.Typer(
    help="Read and change settings (exam-date, weekly-goal-hours, direction, focus, lang).",
    no_args_is_help=True,
)
app.add_typer(config_app, name="config")


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
        raise usage_error("error.usage.empty_data_dir", ctx)
    ctx.obj = Session(
        data_dir=user_path(data_dir, "--data-dir") if data_dir is not None else None,
        roadmap_dirs=[user_path(d, "--roadmap folder") for d in roadmap or []],
    )
    _running.append(ctx.obj)
