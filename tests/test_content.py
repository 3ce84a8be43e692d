"""The loader: the bundled roadmap loads clean; every kind of mistake is reported with file and id."""

from __future__ import annotations

import pytest

from conftest import topic_toml
from infra_roadmap import content
from infra_roadmap.errors import AmbiguousTopic, UnknownTopic
from infra_roadmap.paths import bundled_roadmap_dir


def load_with(folder):
    return content.load([bundled_roadmap_dir(), folder])


def messages(result):
    return [str(p) for p in result.problems]


def test_bundled_roadmap_is_valid():
    result = content.load([bundled_roadmap_dir()])
    assert result.problems == []
    assert len(result.roadmap.layers) >= 6


def test_bundled_roadmap_is_found_from_the_package():
    folder = bundled_roadmap_dir()
    assert folder.is_dir()
    assert (folder / "layers.toml").is_file()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # TOML syntax error, with its line
        ('[[topic]]\nid = "x"\ntitle = \n', "TOML syntax error: Invalid value (at line 3"),
        # missing field
        (
            topic_toml("t-missing").replace('summary = "A topic written by a test."\n', ""),
            "topic 't-missing': summary: missing field",
        ),
        # mistyped field
        (topic_toml("t-typed").replace("hours = 3", 'hours = "three"'), "topic 't-typed': hours: expected"),
        # unknown references
        (topic_toml("t-layer", layer="attic"), "topic 't-layer': unknown layer 'attic'"),
        (
            topic_toml("t-disc").replace('["operating-systems"]', '["alchemy"]'),
            "unknown discipline 'alchemy'",
        ),
        (
            topic_toml("t-pre", requires=["no-such-topic"]),
            "topic 't-pre': unknown prerequisite 'no-such-topic'",
        ),
        (topic_toml("t-res", resources=["paper-nowhere"]), "topic 't-res': unknown resource 'paper-nowhere'"),
        (
            topic_toml("t-point", extra='[[topic.exam]]\npoint = "408.os.nothing"\nweight = 2\nwhy = "x"'),
            "topic 't-point': unknown exam point '408.os.nothing'",
        ),
        # weights outside 1..3 and an empty why
        (
            topic_toml("t-weight", extra='[[topic.exam]]\npoint = "408.os.paging"\nweight = 4\nwhy = "x"'),
            "topic 't-weight': exam.0.weight: Input should be less than or equal to 3",
        ),
        (
            topic_toml("t-why", extra='[[topic.exam]]\npoint = "408.os.paging"\nweight = 2\nwhy = "  "'),
            "topic 't-why': exam.0.why: String should have at least 1 character",
        ),
        # non-https URL
        (
            '[[resource]]\nid = "docs-plain"\nkind = "docs"\ntitle = "Plain"\nurl = "http://example.com/"\n',
            "resource 'docs-plain': url: must be an https:// URL",
        ),
        # an unknown field (a typo) and a bad id
        (topic_toml("t-typo").replace("requires =", "require ="), "topic 't-typo': require: unknown field"),
        (topic_toml("Bad_Id"), "topic 'Bad_Id': id: 'Bad_Id' is not a valid id"),
    ],
)
def test_each_kind_of_problem_is_reported_with_file_and_id(overlay, text, expected):
    folder = overlay({"mine.toml": text})
    result = load_with(folder)
    found = messages(result)
    assert any(expected in m for m in found), found
    assert all(m.startswith(str(folder / "mine.toml")) for m in found), found


def test_duplicate_ids_inside_one_folder_name_both_files(overlay):
    folder = overlay({"a.toml": topic_toml("t-dup"), "b/c.toml": topic_toml("t-dup")})
    found = messages(load_with(folder))
    assert found == [
        f"{folder / 'b/c.toml'}: topic 't-dup': duplicate id (also defined in {folder / 'a.toml'})"
    ]


def test_cycles_are_printed_as_a_path(overlay):
    folder = overlay({"c.toml": topic_toml("t-a", requires=["t-b"]) + topic_toml("t-b", requires=["t-a"])})
    found = messages(load_with(folder))
    assert f"{folder / 'c.toml'}: topic 't-a': prerequisite cycle: t-a -> t-b -> t-a" in found


def test_all_problems_are_reported_in_one_run(overlay):
    folder = overlay(
        {
            "broken.toml": "this is not toml",
            "cycle.toml": topic_toml("t-a", requires=["t-b"])
            + topic_toml("t-b", requires=["t-a", "t-ghost"]),
        }
    )
    found = messages(load_with(folder))
    assert len(found) == 3
    assert any("TOML syntax error" in m for m in found)
    assert any("unknown prerequisite 't-ghost'" in m for m in found)
    assert any("t-a -> t-b -> t-a" in m for m in found)


def test_overlay_adds_topics_and_replaces_by_id(overlay):
    rm = content.load([bundled_roadmap_dir()]).roadmap
    some_id = next(iter(rm.topics))
    folder = overlay(
        {
            "mine.toml": topic_toml("my-extra", requires=[some_id])
            + topic_toml(some_id, title="Replaced Title", layer=rm.topics[some_id].layer)
        }
    )
    result = load_with(folder)
    assert result.problems == []
    assert list(result.roadmap.topics["my-extra"].requires) == [some_id]
    assert result.roadmap.topics[some_id].title == "Replaced Title"
    assert "my-extra" in result.roadmap.unlocks[some_id]


def test_a_missing_overlay_folder_is_a_problem(tmp_path):
    found = messages(content.load([bundled_roadmap_dir(), tmp_path / "nope"]))
    assert found == [f"{tmp_path / 'nope'}: roadmap folder does not exist"]


def test_resolve_topic_by_id_alias_and_prefix(overlay):
    folder = overlay(
        {"m.toml": topic_toml("zz-renamed-topic", extra='aliases = ["zz-old-name"]') + topic_toml("zz-other")}
    )
    rm = load_with(folder).roadmap
    assert rm.resolve_topic("zz-renamed-topic").id == "zz-renamed-topic"
    assert rm.resolve_topic("ZZ-OLD-NAME").id == "zz-renamed-topic"
    assert rm.resolve_topic("zz-ren").id == "zz-renamed-topic"
    with pytest.raises(AmbiguousTopic):
        rm.resolve_topic("zz-")
    with pytest.raises(UnknownTopic) as info:
        rm.resolve_topic("zz-renamd-topic")
    assert "zz-renamed-topic" in info.value.suggestions
