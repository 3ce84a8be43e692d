"""Shell completion: the roadmap's own words complete (topic ids, layers, config keys, ratings,
formats), through the protocol the installed bash, zsh and fish scripts speak."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def complete(tmp_path, line: str) -> list[str]:
    words = line.split()
    cword = len(words) - (0 if line.endswith(" ") else 1)
    env = {
        **os.environ,
        "_ROADMAP_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(cword),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "INFRA_ROADMAP_HOME": str(tmp_path / "home"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "infra_roadmap"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("roadmap show os-m", {"os-memory"}),
        ("roadmap done vllm-pag", {"vllm-pagedattention"}),
        ("roadmap next --layer ", {"foundations", "hardware", "iaas", "paas", "saas", "maas"}),
        ("roadmap config set la", {"lang"}),
        ("roadmap review os-memory g", {"good"}),
        ("roadmap report --format ", {"md", "json", "csv", "html"}),
        ("roadmap plan --format ", {"table", "json", "md", "ics"}),
        ("roadmap st", {"start", "stop", "status"}),
    ],
)
def test_the_shell_completes_the_roadmaps_words(tmp_path, line, expected):
    assert set(complete(tmp_path, line)) == expected


def test_the_scripts_install_for_each_shell(run):
    for shell in ("bash", "zsh", "fish"):
        result = run("--show-completion", shell)
        assert result.exit_code == 0 and "_ROADMAP_COMPLETE" in result.stdout
