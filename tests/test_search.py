"""Search finds what a 考研 student types: textbook and everyday words, abbreviations, pinyin;
ranked by where it matched; and a topic argument may be a Chinese name."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from infra_roadmap import paths
from infra_roadmap.content.cache import load_roadmap
from infra_roadmap.search import search

QUERIES = Path(__file__).parent / "fixtures" / "search-queries.tsv"


@pytest.fixture(scope="module")
def roadmap(tmp_path_factory):
    return load_roadmap([paths.bundled_roadmap_dir()], tmp_path_factory.mktemp("search-cache"))


def ranked(roadmap, query: str) -> list[str]:
    return [hit["id"] for hit in search(roadmap, query, {})]


def test_every_curated_query_finds_its_topic_among_the_first_three(roadmap):
    rows = list(csv.DictReader(QUERIES.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) >= 150
    missed = []
    for row in rows:
        hits = ranked(roadmap, row["query"])
        if row["expected"] not in hits[:3]:
            missed.append(f"{row['query']} -> {hits[:3]} (want {row['expected']}: {row['why']})")
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize(
    ("query", "topic", "within"),
    [
        ("分页", "os-memory", 1),  # the roadmap says 页式
        ("哈希", "ds-searching", 1),  # the textbook says 散列
        ("缓存", "co-memory-hierarchy", 1),  # the point says 高速缓冲存储器
        ("贝叶斯", "prob-random-events", 1),  # only 'Bayes' used to find it
        ("死锁", "os-processes-threads", 1),  # the syllabus chapter first, not 7th of 7
        ("流水线", "co-cpu", 1),  # before mlops-lifecycle
        ("页置换", "os-memory", 1),
        ("fenye", "os-memory", 1),  # pinyin, full
        ("ysgl", "os-memory", 1),  # pinyin initials of 页式管理
        ("jincheng", "os-processes-threads", 1),
        ("Ｂ＋树", "ds-searching", 1),  # full-width forms, as a Chinese IME types them
        ("all reduce", "collective-communication", 1),
        ("TCP拥塞控制", "cn-transport-layer", 1),
        ("pagedatention", "vllm-pagedattention", 1),  # a typo: the fuzzy fallback
    ],
)
def test_the_words_students_type(roadmap, query, topic, within):
    assert topic in ranked(roadmap, query)[:within]


def test_each_hit_says_where_it_matched(roadmap):
    by_id = {h["id"]: h for h in search(roadmap, "分页", {})}
    assert by_id["os-memory"]["matched"] == "keyword" and by_id["os-memory"]["snippet"] == "分页"
    assert search(roadmap, "fenye", {})[0]["matched"] == "pinyin"
    assert search(roadmap, "pagedatention", {})[0]["matched"] == "fuzzy"
    assert {h["matched"] for h in search(roadmap, "页式管理", {})} >= {"keyword", "point"}


def test_resource_hits_carry_their_address_and_open_with_show(run, roadmap):
    hits = [h for h in run.json("search", "arxiv") if "kind" in h]
    assert hits and all(h["url"].startswith("https://") and h["cited_by"] for h in hits)
    http = [h for h in run.json("search", "http") if "kind" in h]
    assert http and all("http" in h["title"].lower() for h in http)  # not every address
    shown = run.json("show", hits[0]["id"])
    assert shown["url"] == hits[0]["url"] and shown["cited_by"]
    text = run("show", hits[0]["id"])
    assert text.exit_code == 0 and hits[0]["url"] in text.stdout


def test_a_topic_argument_may_be_its_chinese_name_or_a_keyword(run):
    assert run.json("show", "内存管理")["id"] == "os-memory"
    assert run.json("show", "Memory Management")["id"] == "os-memory"
    assert run("done", "死锁").exit_code == 0
    assert run.json("show", "os-processes-threads")["status"] == "done"


def test_an_unknown_topic_suggests_what_search_finds(run):
    result = run("show", "页表管理")
    assert result.exit_code == 1 and "unknown topic '页表管理'" in result.stderr
    assert "os-memory" in result.stderr


def test_pinyin_is_made_with_the_cache_and_never_imported_by_everyday_commands(tmp_path):
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "INFRA_ROADMAP_HOME": str(tmp_path / "home"),
    }

    def imports(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "infra_roadmap", *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stderr

    assert "pypinyin" in imports("search", "fenye")  # the first run builds the cache
    for command in (["next"], ["search", "fenye"], ["show", "内存管理"]):
        assert "pypinyin" not in imports(*command)


def test_pinyin_comes_back_from_its_own_cache_file_and_only_search_reads_it(tmp_path):
    """The pinyin is kept beside the cached roadmap, not in it (everyday commands would load a
    quarter more bytes at scale); a warm cache still finds a topic by its pinyin."""
    import marshal

    from infra_roadmap.content.cache import cache_file, pinyin_file

    folders = [paths.bundled_roadmap_dir()]
    load_roadmap(folders, tmp_path)  # builds the cache
    main = cache_file(tmp_path, folders)
    assert "pinyin" not in marshal.loads(main.read_bytes())["value"]
    warm = load_roadmap(folders, tmp_path)
    assert warm.pinyin is None  # nothing read yet
    assert ranked(warm, "neicunguanli")[0] == "os-memory"
    assert pinyin_file(main).exists() and warm.pinyin is not None
