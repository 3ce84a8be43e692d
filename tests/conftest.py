from __future__ import annotations

import json
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from infra_roadmap.cli import app

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory):
    """One user cache folder for the whole run: the roadmap cache is keyed by every file's bytes,
    so sharing it is safe, and each test then skips validating the bundled roadmap again."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch, shared_cache):
    """Every test gets its own data directory, a home and XDG folders inside its temporary
    directory, and no overlays from the environment: nothing is written anywhere else."""
    home = tmp_path / "home"
    monkeypatch.setenv("INFRA_ROADMAP_HOME", str(home))
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    for variable in XDG:
        monkeypatch.setenv(variable, str(tmp_path / "xdg" / variable.lower()))
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache))
    monkeypatch.delenv("INFRA_ROADMAP_PATH", raising=False)
    monkeypatch.delenv("INFRA_ROADMAP_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield home
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def local_tz(monkeypatch):
    """Run in a given local time zone: local_tz("Asia/Shanghai")."""

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    return use


@pytest.fixture(scope="session", autouse=True)
def built_app():
    """Typer turns the app into a Click command on every `CliRunner.invoke`, which for thirty
    commands costs more than most commands take to run; build it once for the whole run. (The
    installed `roadmap` builds only the command it is asked for; see `cli.fast`.)"""
    import typer.main
    import typer.testing

    from infra_roadmap.cli import fast

    fast.load_all()
    command = typer.main.get_command(app)
    original = typer.testing._get_command
    typer.testing._get_command = lambda target: command if target is app else original(target)
    yield command
    typer.testing._get_command = original


class Runner:
    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        return self.runner.invoke(app, list(args), input=input, env=env)

    def json(self, *args: str):
        result = self(*args, "--json")
        assert result.exit_code == 0, result.stderr + result.stdout
        return json.loads(result.stdout)


@pytest.fixture
def run() -> Runner:
    return Runner()


@pytest.fixture
def overlay(tmp_path):
    """Write TOML files into a fresh overlay folder: overlay({'a.toml': '...'}) -> folder."""
    counter = iter(range(1000))

    def make(files: dict[str, str]) -> Path:
        folder = tmp_path / f"overlay{next(counter)}"
        for name, text in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return make


TOPIC = """
[[topic]]
id = "{id}"
title = "{title}"
title_zh = "{title_zh}"
layer = "{layer}"
disciplines = ["operating-systems"]
summary = "A topic written by a test."
hours = {hours}
level = "core"
directions = ["inference"]
requires = {requires}
resources = {resources}
{extra}
"""


def topic_toml(
    id, *, requires=(), resources=(), layer="paas", title=None, title_zh="测试主题", hours=3, extra=""
):
    return TOPIC.format(
        id=id,
        title=title or id.replace("-", " ").title(),
        title_zh=title_zh,
        layer=layer,
        hours=hours,
        requires=json.dumps(list(requires)),
        resources=json.dumps(list(resources)),
        extra=extra,
    )
