"""Click's usage errors in the user's lang. Click words them in English only; in English they are
shown as Click says them, in Chinese they are rebuilt from what the exception holds (the option,
the parameter, the value): each kind Click raises has a key of its own, and Click's own words are
kept only for a kind this module does not know. Imported by the error boundary only when a usage
error is shown in Chinese."""

from __future__ import annotations

import re
from typing import Any

from infra_roadmap.i18n import say
from infra_roadmap.textsafe import shown

_EXTRA = re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)$", re.S)
_NO_COMMAND = re.compile(r"No such command '(?P<command>.*)'\.$", re.S)
_REQUIRES = re.compile(r"Option '(?P<option>.*)' requires (?:an argument|(?P<count>\d+) arguments)\.$", re.S)
_NO_VALUE = re.compile(r"Option '(?P<option>.*)' does not take a value\.$", re.S)
_NOT_NUMBER = re.compile(
    r"(?P<value>.*) is not a valid (?P<kind>integer|int|int range|float|float range)\.$", re.S
)
_NOT_IN_RANGE = re.compile(r"(?P<value>.*) is not in the range (?P<range>.*)\.$", re.S)
_NOT_CHOICE = re.compile(r"(?P<value>.*) is not one of (?P<choices>.*)\.$", re.S)


def message(exc: Any, lang: str) -> str:
    """The text of a Click usage error (without the pointer to --help) in `lang`."""
    key = getattr(exc, "key", None)
    if key is not None:  # one of ours (`root.usage_error`)
        from infra_roadmap.errors import word

        return word(key, exc.values, lang)
    english: str = exc.format_message()
    if lang != "zh":
        return english
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        text = say("error.usage.no_such_option", lang, option=shown(exc.option_name))
        if exc.possibilities:
            text = say(
                "error.usage.possible_options",
                lang,
                message=text,
                options="、".join(sorted(exc.possibilities)),
            )
        return text
    if kind == "MissingParameter":
        hint = _hint(exc)
        which = (
            "error.usage.missing_option" if _param_type(exc) == "option" else "error.usage.missing_argument"
        )
        return say(which, lang, param=hint).replace("  ", " ").replace(" 。", "。")
    if kind == "BadParameter":
        reason = _reason(exc.message, lang)
        hint = _hint(exc)
        if hint:
            return say("error.usage.invalid_value", lang, param=hint, reason=reason)
        return say("error.usage.invalid_value_plain", lang, reason=reason)
    text = exc.message
    for pattern, which in (
        (_EXTRA, "error.usage.extra_arguments"),
        (_NO_COMMAND, "error.usage.no_such_command"),
        (_NO_VALUE, "error.usage.takes_no_value"),
    ):
        match = pattern.match(text)
        if match:
            return say(which, lang, **match.groupdict())
    match = _REQUIRES.match(text)
    if match:
        if match["count"]:
            return say("error.usage.requires_values", lang, option=match["option"], count=match["count"])
        return say("error.usage.requires_value", lang, option=match["option"])
    return english  # a kind Click raises that is not worded here: its own words


def _hint(exc: Any) -> str:
    """'-n' / '--count', as Click names the parameter."""
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    if isinstance(hint, (list, tuple)):
        return " / ".join(repr(h) for h in hint)
    return str(hint) if hint else ""


def _param_type(exc: Any) -> str:
    kind = exc.param_type
    if kind is None and exc.param is not None:
        kind = exc.param.param_type_name
    return str(kind or "argument")


def _reason(text: str, lang: str) -> str:
    """What Click found wrong with a value, in `lang` when it is one of its usual sentences."""
    match = _NOT_NUMBER.match(text)
    if match:
        which = (
            "error.usage.not_an_integer" if match["kind"].startswith("int") else "error.usage.not_a_number"
        )
        return say(which, lang, value=match["value"])
    match = _NOT_IN_RANGE.match(text)
    if match:
        return say("error.usage.not_in_range", lang, value=match["value"], range=match["range"])
    match = _NOT_CHOICE.match(text)
    if match:
        return say("error.usage.not_a_choice", lang, value=match["value"], choices=match["choices"])
    return text
