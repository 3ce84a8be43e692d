"""The browsing commands as a user runs them: JSON shapes, errors, help, graphs."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import typer

from conftest import topic_toml
from infra_roadmap import __version__
from infra_roadmap.cli import app
from test_shapes import SPEC_KEYS

LIST_KEYS, SHOW_KEYS = SPEC_KEYS["list"], SPEC_KEYS["show"]


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"roadmap (infra-roadmap) {__version__}"


def test_list_json_shape_and_every_status_todo(run):
    rows = run.json("list")
    assert len(rows) >= 20
    for row in rows:
        assert row.keys() >= LIST_KEYS
        assert row["status"] == "todo"
    assert len({row["layer"] for row in rows}) == 6


def test_list_is_in_study_order(run):
    rows = run.json("list")
    position = {row["id"]: i for i, row in enumerate(rows)}
    for row in rows:
        detail = run.json("show", row["id"]) if row is rows[-1] else None
        if detail:
            assert all(position[r["id"]] < position[row["id"]] for r in detail["requires"])


def test_list_filters(run):
    foundations = run.json("list", "--layer", "foundations")
    assert foundations and {r["layer"] for r in foundations} == {"foundations"}
    on_exam = run.json("list", "--subject", "408.os")
    assert on_exam and all(any(e.startswith("408.os") for e in r["exam"]) for r in on_exam)
    assert len(run.json("list", "--subject", "408")) >= len(on_exam)


def test_unknown_filter_value_is_one_line_exit_1(run):
    result = run("list", "--layer", "hardwares")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: unknown layer 'hardwares'; did you mean hardware?"
    assert result.stdout == ""


def test_tree_json_and_text(run):
    layers = run.json("tree")
    assert next(layer["id"] for layer in layers) == "foundations"
    assert all(layer["topics"] for layer in layers)
    text = run("tree")
    assert text.exit_code == 0
    assert "基础学科" in text.stdout and "○" in text.stdout


def test_show_json_shape_and_text(run, overlay):
    folder = overlay(
        {
            "m.toml": topic_toml(
                "my-paging-topic",
                title="My Paging",
                resources=["book-ostep"],
                extra='[[topic.exam]]\npoint = "408.os.paging"\nweight = 3\nwhy = "Both map pages to frames."',
            )
        }
    )
    detail = run.json("--roadmap", str(folder), "show", "my-paging")
    assert detail.keys() >= SHOW_KEYS
    assert detail["id"] == "my-paging-topic"
    assert detail["exam"][0] == {
        **detail["exam"][0],
        "point": "408.os.paging",
        "weight": 3,
        "why": "Both map pages to frames.",
    }
    assert detail["resources"][0]["url"].startswith("https://")
    text = run("--roadmap", str(folder), "show", "my-paging-topic")
    assert text.exit_code == 0
    assert "Both map pages to frames." in text.stdout
    assert "★★★" in text.stdout


def test_show_unknown_topic_suggests_close_ids(run):
    some_id = run.json("list")[0]["id"]
    result = run("show", some_id[:-1] + "x")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unknown topic") and some_id in result.stderr
    assert result.stderr.count("\n") == 1


def test_overlay_topic_building_on_a_bundled_topic_shows_up(run, overlay):
    base = run.json("list", "--layer", "foundations")[0]["id"]
    folder = overlay({"m.toml": topic_toml("my-next-step", requires=[base])})
    detail = run.json("--roadmap", str(folder), "show", "my-next-step")
    assert [r["id"] for r in detail["requires"]] == [base]
    base_detail = run.json("--roadmap", str(folder), "show", base)
    assert "my-next-step" in [u["id"] for u in base_detail["unlocks"]]


def test_overlay_from_environment_variable(run, overlay):
    folder = overlay({"m.toml": topic_toml("env-topic", requires=[])})
    result = run("show", "env-topic", "--json", env={"INFRA_ROADMAP_PATH": str(folder)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "env-topic"


def test_search_ranks_exact_hits_first_and_finds_resources(run, overlay):
    folder = overlay(
        {
            "m.toml": topic_toml("kube-thing", title="Something about kubelet")
            + topic_toml("kube", title="Kube exactly")
        }
    )
    hits = run.json("--roadmap", str(folder), "search", "kube")
    assert hits[0]["id"] == "kube"
    for hit in hits:
        assert {"id", "title", "title_zh"} <= hit.keys()
        assert ("kind" in hit) or ({"layer", "status"} <= hit.keys())
    assert any("kind" in h for h in run.json("search", "arxiv.org"))  # resource URLs are searchable


def test_search_finds_chinese_titles(run):
    zh = run.json("list")[0]["title_zh"]
    hits = run.json("search", zh)
    assert hits and hits[0]["title_zh"] == zh


def test_validate_clean(run):
    result = run("validate")
    assert result.exit_code == 0, result.stdout
    assert "✓" in result.stderr


def test_validate_overlay_with_cycle_and_unknown_prerequisite(run, overlay):
    folder = overlay(
        {"bad.toml": topic_toml("t-a", requires=["t-b"]) + topic_toml("t-b", requires=["t-a", "t-ghost"])}
    )
    result = run("--roadmap", str(folder), "validate")
    assert result.exit_code == 1
    assert "t-a -> t-b -> t-a" in result.stdout
    assert "unknown prerequisite 't-ghost'" in result.stdout
    assert str(folder / "bad.toml") in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    as_json = run("validate", str(folder), "--json")
    assert as_json.exit_code == 1
    assert len(json.loads(as_json.stdout)["problems"]) == 2


def test_browsing_with_an_invalid_overlay_fails_in_one_line(run, overlay):
    folder = overlay({"bad.toml": topic_toml("t-a", requires=["t-ghost"])})
    result = run("--roadmap", str(folder), "list")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: invalid roadmap:") and result.stderr.count("\n") == 1


TRICKY = 'Quote " and <b>tags</b> & 中文：标点「」; end'


def test_graph_mermaid_is_safe(run, overlay):
    folder = overlay(
        {"m.toml": topic_toml("tricky-topic", title=TRICKY.replace('"', '\\"'), title_zh='「引号」\\"与#号')}
    )
    result = run("--roadmap", str(folder), "graph", "--format", "mermaid")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "flowchart LR"
    node_lines = [line for line in lines if "Quote" in line]
    assert len(node_lines) == 1
    label = node_lines[0].split('["', 1)[1].rsplit('"]', 1)[0]
    assert '"' not in label and "<b>" not in label
    for line in lines[1:]:
        token = line.strip().split("[", 1)[0].split(" ")[0]
        assert token.replace("_", "").isalnum() or token in ("end", "subgraph"), line


def test_graph_layer_filter(run):
    everything = run("graph").stdout
    hardware = run("graph", "--layer", "hardware").stdout
    assert hardware.count("subgraph") == 1 < everything.count("subgraph")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graph_dot_renders_with_graphviz(run, overlay, tmp_path):
    folder = overlay({"m.toml": topic_toml("tricky-topic", title=TRICKY.replace('"', '\\"'))})
    result = run("--roadmap", str(folder), "graph", "--format", "dot")
    assert result.exit_code == 0
    svg = subprocess.run(["dot", "-Tsvg"], input=result.stdout, capture_output=True, text=True, check=True)
    assert "<svg" in svg.stdout and "tricky" not in svg.stderr


def test_usage_errors_exit_2_in_one_line(run):
    result = run("show")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Missing argument") and result.stderr.count("\n") == 1
    bad_format = run("graph", "--format", "pdf")
    assert bad_format.exit_code == 2


def test_every_command_and_option_has_help_text():
    command = typer.main.get_command(app)
    assert command.help
    missing = []
    for name, sub in command.commands.items():
        if not sub.help:
            missing.append(name)
        for param in sub.params:
            if not getattr(param, "help", None):
                missing.append(f"{name} {param.name}")
    for param in command.params:
        if param.name != "help" and not getattr(param, "help", None):
            missing.append(f"roadmap {param.name}")
    assert missing == []


def test_help_creates_no_files(run, isolated_home):
    for args in (["--help"], ["show", "--help"], ["list", "--help"]):
        assert run(*args).exit_code == 0
    assert not isolated_home.exists()


def test_the_command_list_gives_each_command_one_sentence(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    listing = run("--help").stdout
    # `show`'s docstring wraps after "exam links), or": the list joins it into one line.
    [line] = [row for row in listing.splitlines() if "│ show " in row]
    assert "or a resource by its id" in line
