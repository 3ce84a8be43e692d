"""Errors in the user's lang: with `lang zh` every error a user sees is Chinese (ids, commands,
paths and option names aside), with `en` or `both` English; the exit code is the same in each.
And every key an error is raised with exists in the catalogue."""

from __future__ import annotations

import ast
import json
import re
import sqlite3
import string
from pathlib import Path

import pytest

from infra_roadmap.i18n import MESSAGES

SRC = Path(__file__).parents[1] / "src" / "infra_roadmap"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def _kinds() -> tuple[str, ...]:
    from infra_roadmap.progress.events import EVENT_KINDS

    return tuple(EVENT_KINDS)


def _words_of_the_roadmap() -> list[str]:
    """Topic ids and layer ids: they stay as they are in every lang."""
    from infra_roadmap import paths
    from infra_roadmap.content.cache import load_roadmap

    rm = load_roadmap([paths.bundled_roadmap_dir()], paths.cache_dir())
    return [*rm.topics, *rm.layers]


def english_left(text: str, keep: list[str]) -> list[str]:
    """The runs of three or more ASCII letters in `text` once the words that stay (ids, commands,
    paths, option names, values typed) are taken out, longest first."""
    for word in sorted(keep, key=len, reverse=True):
        text = text.replace(word, " ")
    text = re.sub(r"'roadmap [^']*'", " ", text)  # a command to run
    text = re.sub(r"/[^\s'\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*", " ", text)  # a path
    for name in ("infra-roadmap", "JSON", "ISO", "UTC"):  # names that stay in every lang
        text = text.replace(name, " ")
    return ENGLISH.findall(text)


def _damaged_setting(home: Path) -> None:
    """A setting that is not JSON, next to a readable `lang`: the database cannot be read, but the
    lang can be."""
    with sqlite3.connect(home / "progress.db") as conn:
        conn.execute(
            "INSERT OR REPLACE INTO setting VALUES ('focus', '{not json', '2026-01-01T00:00:00+00:00')"
        )
    conn.close()


def _file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    return str(path)


# (name, arguments or a function of tmp_path giving them, a setup of the home, words that stay)
CASES = [
    ("unknown topic", ["show", "nosuch"], None, ["nosuch"]),
    ("ambiguous topic", ["show", "o"], None, []),
    ("bad duration", ["log", "os-memory", "3x"], None, []),
    ("bad rating", ["review", "os-memory", "meh"], None, ["meh", "again", "hard", "good", "easy"]),
    ("bad config value", ["config", "set", "lang", "xx"], None, ["both"]),
    (
        "unknown setting",
        ["config", "set", "nosuch", "1"],
        None,
        [
            "nosuch",
            "weight.<term>",
            "exam-date",
            "weekly-goal-hours",
            "direction",
            "focus",
            "lang",
            "availability",
            "retention",
            "review-minutes",
        ],
    ),
    ("bad hours", ["config", "set", "weekly-goal-hours", "lots"], None, ["lots"]),
    ("missing argument", ["show"], None, ["TOPIC"]),
    ("unknown option", ["next", "--nosuch"], None, ["--nosuch"]),
    ("not a number", ["next", "-n", "abc"], None, ["--count", "abc"]),
    ("out of range", ["next", "-n", "0"], None, ["--count"]),
    ("no value", ["next", "--count"], None, ["--count"]),
    ("extra argument", ["show", "os-memory", "extra"], None, ["extra"]),
    ("unknown command", ["nosuchcmd"], None, ["nosuchcmd"]),
    (
        "bad choice",
        ["next", "--direction", "sideways"],
        None,
        ["--direction", "sideways", "data", "training", "inference"],
    ),
    ("bad week", ["report", "--week", "2026-W99"], None, []),
    ("unknown layer", ["list", "--layer", "nolayer"], None, ["nolayer"]),
    ("both flags", ["plan", "--json", "--format", "md"], None, ["--json", "--format"]),
    ("no clock", ["stop"], None, ["TOPIC"]),
    ("empty query", ["search", ""], None, []),
    ("damaged setting", ["next"], _damaged_setting, []),
    ("import not JSON", lambda tmp: ["import", _file(tmp, "{nope")], None, []),
    ("import not an export", lambda tmp: ["import", _file(tmp, '{"x": 1}')], None, ["events"]),
    (
        "import bad event",
        lambda tmp: ["import", _file(tmp, json.dumps({"events": [{"topic": "os-memory", "kind": "nap"}]}))],
        None,
        ["kind", *_kinds()],
    ),
    (
        "import bad time",
        lambda tmp: [
            "import",
            _file(tmp, json.dumps({"events": [{"topic": "os-memory", "kind": "log", "at": "x"}]})),
        ],
        None,
        ["ISO"],
    ),
    ("import missing file", lambda tmp: ["import", str(tmp / "nowhere.json")], None, []),
]


def _run_case(run, home: Path, tmp_path: Path, lang: str, case):
    _, args, setup, _ = case
    assert run("config", "set", "lang", lang).exit_code == 0
    if setup is not None:
        setup(home)
    return run(*(args(tmp_path) if callable(args) else args))


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_errors_are_chinese_with_lang_zh_and_english_otherwise(run, isolated_home, tmp_path, case):
    zh = _run_case(run, isolated_home, tmp_path, "zh", case)
    assert zh.exit_code != 0
    assert zh.stderr.startswith("错误：") and zh.stderr.count("\n") == 1, zh.stderr
    keep = [*case[3], *_words_of_the_roadmap()]
    assert english_left(zh.stderr, keep) == [], zh.stderr

    for lang in ("en", "both"):
        (isolated_home / "progress.db").unlink()
        other = _run_case(run, isolated_home, tmp_path, lang, case)
        assert other.exit_code == zh.exit_code, (lang, other.stderr)
        assert other.stderr.startswith("Error: ") and other.stderr.count("\n") == 1, other.stderr
        assert not CJK.search(other.stderr), other.stderr


def test_the_english_of_a_usage_error_is_clicks_own(run):
    result = run("show", "os-memory", "extra")
    assert result.exit_code == 2
    assert result.stderr == "Error: Got unexpected extra argument(s) (extra) (see 'roadmap show --help')\n"


def test_a_database_that_cannot_be_read_at_all_says_so_in_english(run, isolated_home):
    """The lang lives in progress.db: when that file is garbage, there is no lang to read."""
    assert run("config", "set", "lang", "zh").exit_code == 0
    (isolated_home / "progress.db").write_bytes(b"this is not a database at all" * 100)
    result = run("next")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "not a readable progress database" in result.stderr
    assert result.stderr.count("\n") == 1 and not CJK.search(result.stderr)


def test_the_unknown_topic_hint_keeps_search_suggestions_in_chinese(run):
    assert run("config", "set", "lang", "zh").exit_code == 0
    result = run("show", "mem")
    assert result.stderr.startswith("错误：找不到主题 'mem'。你是不是想找：")
    assert "os-memory" in result.stderr


def test_values_in_a_chinese_error_are_still_made_safe(run):
    assert run("config", "set", "lang", "zh").exit_code == 0
    result = run("show", "x\x1b[2J\u202ey")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "\\x1b" in result.stderr and result.stderr.count("\n") == 1
    option = run("next", "--no\x1bsuch")
    assert option.exit_code == 2 and "\x1b" not in option.stderr and option.stderr.startswith("错误：")


def test_str_of_an_error_is_the_english_text():
    from infra_roadmap.errors import Phrase, RoadmapError, UnknownTopic

    assert str(UnknownTopic("xyz", ["a", "b"])) == "unknown topic 'xyz'; did you mean a, b?"
    assert UnknownTopic("xyz", ["a", "b"]).text("zh") == "找不到主题 'xyz'。你是不是想找：a、b？"
    nested = RoadmapError(
        "error.import.not_object", where=Phrase("error.import.event", source="f.json", index=3)
    )
    assert str(nested) == "f.json: event 3 is not an object"
    assert nested.text("zh") == "f.json：第 3 条事件不是对象"


# ---- the catalogue covers every raise site --------------------------------------------------

_MADE_WITH_A_KEY = {
    "RoadmapError",
    "UsageProblem",
    "StoreError",
    "Phrase",
    "usage_error",
}


def _calls_with_keys():
    """(where, first argument) of every call in src that makes an error or a phrase from a key."""
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if name in _MADE_WITH_A_KEY and node.args:
                yield f"{path.relative_to(SRC)}:{node.lineno}", node.args[0]


def test_every_error_raised_in_src_uses_a_key_of_the_catalogue():
    calls = list(_calls_with_keys())
    assert len(calls) > 100  # the walk found the raise sites
    for where, first in calls:
        if isinstance(first, ast.JoinedStr):  # only a family of names: Phrase(f"status.{status}")
            head = first.values[0]
            assert isinstance(head, ast.Constant) and head.value == "status.", (
                f"{where}: an f-string, not a key"
            )
        elif isinstance(first, ast.Constant) and isinstance(first.value, str):
            assert first.value in MESSAGES, f"{where}: {first.value!r} is not in i18n.MESSAGES"


def test_every_error_key_has_the_same_fields_in_both_languages():
    fields = string.Formatter()
    for key, (en, zh) in MESSAGES.items():
        if not key.startswith("error."):
            continue
        en_fields = {name for _, name, _, _ in fields.parse(en) if name}
        zh_fields = {name for _, name, _, _ in fields.parse(zh) if name}
        # Chinese may leave out an English-only detail (sqlite's or the OS's words), never add one.
        assert zh_fields <= en_fields, key
        assert CJK.search(zh), key
