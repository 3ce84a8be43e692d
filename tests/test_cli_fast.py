"""The start-up trimming: only the command asked for is built, and never a wrong one."""

from __future__ import annotations

import pytest

from infra_roadmap.cli import app, fast


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["next", "-n", "3"], "next"),
        (["--data-dir", "next", "list"], "list"),  # the value of --data-dir is not a command
        (["--roadmap", "/x", "--roadmap", "/y", "show", "vllm"], "show"),
        (["--data-dir=/tmp/x", "log", "os-memory", "5m"], "log"),
        (["config", "set", "lang", "zh"], "config"),
        (["--help"], None),
        (["--version", "list"], None),
        (["lst"], None),  # a typo: the whole app answers, with its suggestions
        ([], None),
    ],
)
def test_the_requested_command_is_found_or_left_to_the_whole_app(argv, expected):
    assert fast.requested_command(app, argv) == expected


def test_every_registered_command_has_a_name():
    names = [fast.command_name(c) for c in app.registered_commands]
    assert all(names) and len(names) == len(set(names))
    assert {"list", "next", "log", "import", "report"} <= set(names)
