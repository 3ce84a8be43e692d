"""The catalogue and the screens in each language: every key in English and Chinese with the same
placeholders; `lang zh` leaves no English label on the screens; `lang en` no Chinese one."""

from __future__ import annotations

import re
import string

import pytest

from infra_roadmap.i18n import MESSAGES, plural, say

CJK = re.compile("[\u3400-\u9fff]")


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_is_said_in_both_languages(key):
    en, zh = MESSAGES[key]
    assert en.strip() and zh.strip(), key
    # The one value the Chinese may leave out: `detail`, the OS's or SQLite's own English reason
    # behind an error (the Chinese names the cause in its own words instead).
    assert placeholders(zh) in (placeholders(en), placeholders(en) - {"detail"}), key
    assert not CJK.search(en), f"{key}: Chinese in the English text: {en!r}"
    literal = "".join(text for text, *_ in string.Formatter().parse(zh))
    if not CJK.search(zh):  # only placeholders and symbols ('◷ {topic} {elapsed}', '、')
        assert not re.search(r"[A-Za-z]{2,}", literal), f"{key}: no Chinese: {zh!r}"


def test_plural_keys_come_in_pairs():
    stems = {key.rsplit(".", 1)[0] for key in MESSAGES if key.endswith((".one", ".many"))}
    for stem in stems:
        assert f"{stem}.one" in MESSAGES and f"{stem}.many" in MESSAGES, stem


def test_plural_says_one_and_many():
    assert plural("screen.history.summary", "en", 1, time="30m").startswith("1 event,")
    assert plural("screen.history.summary", "en", 2, time="30m").startswith("2 events,")
    assert say("screen.units.sep", "zh") == "、"


# ---- the screens --------------------------------------------------------------------------------

# The English words the screens used to show as labels, headers and messages.
LABEL_WORDS = (
    "topic",
    "topics",
    "hours",
    "progress",
    "unlocks",
    "requires",
    "prerequisites",
    "exam",
    "done",
    "review",
    "reviews",
    "logged",
    "status",
    "title",
    "layer",
    "event",
    "events",
    "resources",
    "streak",
    "week",
    "days",
    "todo",
    "skipped",
    "covered",
    "touched",
    "discipline",
    "disciplines",
    "subject",
    "steps",
    "total",
    "none",
    "note",
    "kind",
    "examined",
    "less",
    "more",
    "started",
)
LABEL = re.compile(r"\b(" + "|".join(LABEL_WORDS) + r")\b", re.IGNORECASE)


def curated_texts() -> list[str]:
    """What the roadmap's own files hold (summaries and `why`s are written in English, titles may
    name vLLM or CUDA): data, not labels, so it is taken out before the check."""
    from infra_roadmap.cli.session import Session

    rm = Session().roadmap
    texts: list[str] = []
    for topic in rm.topics.values():
        texts += [topic.summary, topic.title, topic.title_zh or "", topic.id, *topic.aliases]
        texts += [link.why for link in topic.exam]
    for table in (rm.layers, rm.disciplines, rm.points, rm.resources):
        for item in table.values():
            texts += [item.id, getattr(item, "title", ""), getattr(item, "title_zh", "") or ""]
            texts.append(getattr(item, "url", "") or "")
    subjects = getattr(rm, "subjects", {})
    for item in subjects.values():
        texts += [item.id, item.title, item.title_zh or ""]
    from infra_roadmap.settings import KEYS

    texts += list(KEYS)  # setting names are typed as they are: exam-date, review-minutes
    return sorted({t for t in texts if t}, key=len, reverse=True)  # the longest first


def labels_left(text: str, curated: list[str]) -> list[str]:
    for data in curated:
        text = text.replace(data, " ")
    text = re.sub(r"'[^']*'", " ", text)  # commands in quotes: 'roadmap undo ID'
    text = re.sub(r"roadmap(?: [-A-Za-z0-9.|]+)+", " ", text)  # a command written out
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[^\s（]*/[^\s（]*", " ", text)  # paths: the data folder, progress.db
    text = re.sub(r"\tnone\t", " ", text)  # a setting's value as it is typed ('none' clears direction)
    return sorted({m.group(0) for m in LABEL.finditer(text)})


def screens(run, lang: str) -> dict[str, str]:
    """Each screen, stdout and stderr, in `lang`."""
    assert run("config", "set", "lang", lang).exit_code == 0
    shown: dict[str, str] = {}
    for args in (
        ["next"],
        ["next", "--explain", "-n", "1"],
        ["status"],
        ["show", "os-memory"],
        ["log", "os-memory", "30m"],
        ["history"],
        ["list"],
        ["list", "--layer", "maas"],
        ["path", "vllm-pagedattention"],
        ["done", "os-memory"],
        ["review", "--all"],
        ["undo"],
        ["config", "list"],
        ["doctor"],
    ):
        result = run(*args, env={"COLUMNS": "80"})
        assert result.exit_code == 0, (args, result.stdout, result.stderr)
        shown[" ".join(args)] = result.stdout + result.stderr
    return shown


def test_chinese_screens_carry_no_english_label(run):
    curated = curated_texts()
    left = {
        command: found
        for command, text in screens(run, "zh").items()
        if (found := labels_left(text, curated))
    }
    assert not left, left


def test_the_check_finds_english_labels(run):
    """The same check on the English screens finds the labels (so it is not blind)."""
    curated = curated_texts()
    shown = screens(run, "en")
    assert {"Progress", "topics"} <= set(labels_left(shown["status"], curated))
    assert "Unlocks" in labels_left(shown["show os-memory"], curated)
    assert "events" not in labels_left(shown["history"], curated)  # one event: said in the singular
    assert "event" in labels_left(shown["history"], curated)


@pytest.mark.parametrize("command", [["next"], ["status"], ["next", "--explain"]])
def test_english_screens_carry_no_chinese(run, command):
    curated = curated_texts()
    assert run("config", "set", "lang", "en").exit_code == 0
    assert run("log", "os-memory", "30m").exit_code == 0
    result = run(*command, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    text = result.stdout + result.stderr
    for data in curated:  # a `why` may quote the syllabus in Chinese
        if CJK.search(data):
            text = text.replace(data, " ")
    assert not CJK.search(text), text


def test_show_all_lists_every_unlock_and_the_years_examined(run):
    cut = run("show", "os-memory").stdout
    total = run.json("show", "os-memory")["unlocks_total"]
    assert f"--all lists all {total}" in cut
    every = run("show", "os-memory", "--all").stdout
    section = every.split("Unlocks", 1)[1].split("11408 exam links", 1)[0]
    assert f"({total} in all)" in section and "--all" not in section
    assert len([line for line in section.splitlines() if line.startswith("  ")]) == total
    years = run.json("show", "os-memory")["exam"][0]["examined"]
    assert "examined in " + ", ".join(map(str, years)) in cut
    assert run("config", "set", "lang", "zh").exit_code == 0
    assert "真题考过：" + "、".join(map(str, years)) in run("show", "os-memory").stdout


def test_each_key_lives_in_one_room_of_the_catalogue():
    from infra_roadmap.i18n import ROOMS

    assert sum(len(room) for room in ROOMS) == len(MESSAGES)  # no key defined twice
