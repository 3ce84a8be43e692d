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
    assert fast.requested_command(argv) == expected


def test_the_groups_name_exactly_the_registered_commands():
    names = [fast.command_name(c) for c in app.registered_commands] + [g.name for g in app.registered_groups]
    assert all(names) and len(names) == len(set(names))
    assert sorted(names) == sorted(name for group in fast.GROUPS.values() for name in group)


def test_a_command_runs_with_only_its_group_imported():
    import subprocess
    import sys

    code = (
        "import sys; sys.argv = ['roadmap', 'next', '--help']\n"
        "from infra_roadmap.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('infra_roadmap.cli.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = out.strip().splitlines()[-1]
    assert "infra_roadmap.cli.guide" in loaded
    assert (
        "infra_roadmap.cli.study" not in loaded
        and "infra_roadmap.cli.browse" not in loaded
        and "infra_roadmap.cli.data" not in loaded
    )
