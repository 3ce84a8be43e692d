"""The weekly report as a page a student publishes: in the user's language in every format, honest
about a week still running, with absolute dates, no internal scores, one title, and a CSV that
Excel opens.

Pure writers are tested on the hand-built report of `test_reports` with a fixed `now`; the CLI
tests run the real roadmap in a temporary home.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import UTC, datetime

import pytest

from infra_roadmap.cli.report import WRITERS
from infra_roadmap.content import Roadmap
from infra_roadmap.reports import to_html as render_html
from infra_roadmap.reports import to_markdown as render_md
from infra_roadmap.reports.build import build_report
from infra_roadmap.reports.model import WeeklyReport
from test_reports import MULTILINE, SHANGHAI, at, day, make_events, make_roadmap

NOW = datetime(2026, 11, 18, 4, 0, tzinfo=UTC)  # Wednesday of W47: W46 is over
PLANS = {  # what `next --json` gives in each language (ranking words the reasons in `lang`)
    "zh": [
        {
            "id": "gpu-arch",
            "title": "GPU <arch> | SIMT",
            "title_zh": "GPU 体系结构",
            "score": 20.2,
            "reasons": ["学习中，始于2026-11-07", "408 计算机组成原理 · 高速缓存 ★★★ — 共享一个思想。"],
        }
    ],
    "en": [
        {
            "id": "gpu-arch",
            "title": "GPU <arch> | SIMT",
            "title_zh": "GPU 体系结构",
            "score": 20.2,
            "reasons": ["408 Computer Organization · Cache ★★★ — They share one idea.", "unlocks 3 topics"],
        }
    ],
}
PLANS["both"] = PLANS["en"]
TEXT_FORMATS = ("md", "csv", "html")
ASCII_WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def report_in(lang: str, now: datetime = NOW, goal: float | None = 5, week: int = 46) -> WeeklyReport:
    return build_report(
        make_events(),
        make_roadmap(),
        year=2026,
        week=week,
        tz=SHANGHAI,
        now=now,
        weekly_goal_hours=goal,
        plan=PLANS[lang],
    )


def page_text(fmt: str, output: str) -> str:
    """What a reader sees: HTML without its style sheet, tags and entities; other formats as they are."""
    if fmt == "html":
        output = re.sub(r"<style>.*?</style>", " ", output, flags=re.S)
        output = html.unescape(re.sub(r"<[^>]+>", " ", output))
    return output


def known_names(roadmap: Roadmap) -> list[str]:
    """Text that is data rather than a label: ids, titles, `why`s; longest first."""
    notes = [e.note for e in make_events() if e.note]
    user_text = [*notes, *MULTILINE.splitlines()]
    names = {"infra-roadmap", "AI Infra", "Asia/Shanghai", "(unknown)", "removed-topic", *user_text}
    names.update(render_md.text(t) for t in user_text)  # as the Markdown escapes them
    for table in (roadmap.layers, roadmap.subjects, roadmap.points, roadmap.topics):
        names.update(table)
    for topic in roadmap.topics.values():
        for link in topic.exam:  # whole, without its full stop (joined), as Markdown escapes it
            whys = (link.why, link.why.rstrip("."))
            names.update((*whys, *(render_md.text(why) for why in whys)))
    names.update(p.title_zh for p in roadmap.points.values())  # the syllabus says 'Cache', 'ALU'
    names.update(("UTC", "CST"))  # time-zone names
    return sorted(names, key=len, reverse=True)


def english_left(text: str, roadmap: Roadmap, titles_zh: bool = True) -> list[str]:
    """Runs of three or more ASCII letters once ids, URLs, names and syntax are taken out."""
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"`[^`]*`", " ", text)  # ids as inline code
    text = re.sub(r"(?m)^(title|date|tags|categories|week):", " ", text)  # YAML keys
    text = text.replace("pie showData title", " ").replace("mermaid", " ")  # Mermaid syntax
    for known in known_names(roadmap):
        text = text.replace(known, " ")
    if titles_zh:
        for entity in (*roadmap.topics.values(), *roadmap.layers.values(), *roadmap.subjects.values()):
            text = text.replace(entity.title_zh, " ")
    text = re.sub(r"\b(GPU|NCCL|SIMT|IaaS|PaaS|SaaS|MaaS)\b", " ", text)  # names that stay in Chinese
    return ASCII_WORD.findall(text)


# ---- language ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_a_chinese_report_has_no_english_labels(fmt):
    out = page_text(fmt, WRITERS[fmt](report_in("zh"), "zh"))
    if fmt == "csv":  # machine values stay: check the header and the titles a reader sees
        rows = list(csv.reader(io.StringIO(out, newline="")))
        assert rows[0] == ["日期", "时间", "主题", "标题", "类型", "分钟", "笔记"]
        assert {r[3] for r in rows[1:]} >= {"分页", "分页注意力", "NCCL 集合通信"}
        return
    assert english_left(out, make_roadmap()) == []
    assert "分页" in out and "本周" in out


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_an_english_report_has_no_chinese_but_in_user_text(fmt):
    out = page_text(fmt, WRITERS[fmt](report_in("en"), "en"))
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out, newline="")))
        assert rows[0] == ["date", "time", "topic", "title", "kind", "minutes", "note"]
        assert {r[3] for r in rows[1:]} >= {"Paging", "PagedAttention"}
        return
    for note in sorted(known_names(make_roadmap()), key=len, reverse=True):
        out = out.replace(note, " ")
    assert CJK.findall(out) == []
    assert "Paging" in out


def test_both_gives_english_labels_and_both_titles():
    md = render_md.render(report_in("both"), "both")
    assert "## Totals" in md and "## 总览" not in md and "总览" not in md
    assert "Paging · 分页" in md and 'title: "Weekly report 2026-W46 · 学习周报"' in md


# ---- the weekly goal ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "goal, status, en, zh",
    [(5, "on_pace", "on pace", "进度正常"), (40, "behind_pace", "behind pace", "落后于进度")],
)
def test_a_running_week_is_on_or_behind_pace_never_met(goal, status, en, zh):
    wednesday_noon = at(day(2), "12:00")  # 2.5 of 7 days gone
    report = report_in("en", now=wednesday_noon, goal=goal)
    assert report.goal is not None and not report.goal.finished and report.goal.status == status
    assert report.goal.expected_minutes == round(goal * 60 * 2.5 / 7)
    for lang, word in (("en", en), ("zh", zh)):
        md = render_md.render(report, lang)
        line = next(row for row in md.splitlines() if row.startswith(("| Weekly goal", "| 周目标")))
        assert word in line and "met" not in line.replace(en, "") and "达成" not in line
        assert word in render_html.render(report, lang)
    assert json.loads(WRITERS["json"](report, "en"))["goal"]["status"] == status


def test_a_finished_week_is_met_or_not_met():
    assert report_in("en", goal=4).goal.status == "met"
    md = render_md.render(report_in("en", goal=5), "en")
    assert "| Weekly goal | 5 h — not met (90%) |" in md and "pace" not in md


# ---- what a blog post must not say -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_no_scores_and_no_full_stop_before_a_separator(lang):
    report = report_in(lang)
    for fmt in TEXT_FORMATS:
        out = WRITERS[fmt](report, lang)
        assert "score" not in out.lower() and "20.20" not in out
        assert ".;" not in out and "。；" not in out
    md = render_md.render(report, lang)
    assert "They share one idea; unlocks 3 topics" in md or "共享一个思想" in md


def test_front_matter_replaces_the_h1():
    md = render_md.render(report_in("zh"), "zh")
    assert md.startswith("---\ntitle:")
    assert not [line for line in md.splitlines() if line.startswith("# ")]
    plain = render_md.render(report_in("zh"), "zh", with_front_matter=False)
    assert [line for line in plain.splitlines() if line.startswith("# ")] == ["# 2026-W46 学习周报"]


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_coverage_shows_covered_and_touched_apart(lang):
    report = report_in(lang)
    c = report.coverage
    assert (c.covered, c.new_covered, c.touched, c.new) == (1, 1, 3, 1)  # paging (weight 3) is done
    md = render_md.render(report, lang)
    covered, touched = ("已覆盖", "已接触") if lang == "zh" else ("Covered", "Touched")
    assert f"{covered}" in md and "**1** / 5" in md and f"{touched}" in md and "**3** / 5" in md
    page = render_html.render(report, lang)
    assert covered.lower() in page.lower() and touched.lower() in page.lower()
    # logged and estimated hours are two figures, never one share of the other
    assert "%" not in next(line for line in md.splitlines() if "`paged-attention`" in line and "|" in line)


# ---- the CLI: the real roadmap, dates, Excel -------------------------------------------------------


def study(run, lang: str) -> None:
    assert run("config", "set", "lang", lang).exit_code == 0
    run("config", "set", "weekly-goal-hours", "25")
    for topic, when in (
        ("os-memory", "2026-11-21T20:00"),
        ("ds-basics", "2026-11-24T20:00"),
        ("co-memory-hierarchy", "2026-11-28T20:00"),
        ("os-processes-threads", "2026-11-30T20:00"),
    ):
        assert run("log", topic, "45m", "--at", when).exit_code == 0
    run("done", "ds-basics", "--at", "2026-11-30T21:00")


RELATIVE = re.compile(r"since (Mon|Tue|Wed|Thu|Fri|Sat|Sun|today|yesterday)\b|始于(周|今天|昨天)")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_published_plan_names_dates_not_weekdays(run, lang):
    study(run, lang)
    week = ["--week", "2026-W49"]
    for fmt in TEXT_FORMATS:
        out = run("report", *week, "--format", fmt).stdout
        assert not RELATIVE.search(out), RELATIVE.search(out)
    md = run("report", *week).stdout
    assert re.search(r"(since|始于) ?2026-11-2[18]", md)
    assert "score" not in md and ".;" not in md


def test_a_chinese_report_of_the_real_roadmap_has_no_english_labels(run):
    from infra_roadmap import content
    from infra_roadmap.paths import bundled_roadmap_dir

    study(run, "zh")
    roadmap = content.load([bundled_roadmap_dir()]).roadmap
    for fmt in ("md", "html"):
        out = page_text(fmt, run("report", "--week", "2026-W49", "--format", fmt).stdout)
        assert english_left(out, roadmap) == [], fmt


def test_excel_csv_starts_with_a_byte_order_mark(run, tmp_path):
    study(run, "zh")
    plain = run("report", "--week", "2026-W49", "--format", "csv").stdout
    excel = run("report", "--week", "2026-W49", "--format", "csv", "--excel").stdout
    assert not plain.startswith("\ufeff") and excel.startswith("\ufeff日期,时间,")
    assert excel[1:] == plain
    target = tmp_path / "week.csv"
    assert run("report", "-f", "csv", "--excel", "-o", str(target)).exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    wrong = run("report", "-f", "md", "--excel")
    assert wrong.exit_code == 2 and "--excel" in wrong.stderr
    assert "--excel" in run("report", "--help").stdout
