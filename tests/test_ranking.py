"""Ranking: every term with a fixed `today` and explicit weights; candidates; paths."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pytest

from infra_roadmap import ranking, route
from infra_roadmap.content import Roadmap
from infra_roadmap.content.records import ExamLink, Layer, Point, Subject, Topic
from infra_roadmap.progress.events import TopicState

TODAY = date(2026, 11, 29)
EXAM = date(2026, 12, 19)


def topic(id, layer="foundations", requires=(), exam=(), hours=10, level="foundation", directions=()):
    return Topic(
        id=id,
        title=id.title(),
        title_zh="主题",
        layer=layer,
        disciplines=["operating-systems"],
        summary="s",
        hours=hours,
        level=level,
        directions=list(directions),
        requires=list(requires),
        exam=[ExamLink(point=p, weight=w, why=f"why {p}") for p, w in exam],
    )


@pytest.fixture
def rm():
    r = Roadmap()
    for i, lid in enumerate(["foundations", "paas"]):
        r.layers[lid] = Layer(id=lid, title=lid, title_zh="层", order=i, summary="s")
    r.subjects["408"] = Subject(id="408", title="CS", title_zh="计算机", points=150)
    r.subjects["408.os"] = Subject(id="408.os", title="OS", title_zh="操作系统", points=35)
    r.subjects["408.cn"] = Subject(id="408.cn", title="CN", title_zh="计算机网络", points=25)
    for pid, sub in [("408.os.paging", "408.os"), ("408.os.sched", "408.os"), ("408.cn.tcp", "408.cn")]:
        r.points[pid] = Point(id=pid, subject=sub, title=pid, title_zh="分页" if "paging" in pid else "点")
    for t in [
        topic("os-memory", exam=[("408.os.paging", 3)], hours=20),
        topic("cn-transport", exam=[("408.cn.tcp", 3)], hours=10),
        topic("ml-basics", hours=30, directions=["training"]),
        topic(
            "vllm",
            layer="paas",
            requires=["os-memory"],
            exam=[("408.os.paging", 3), ("408.os.sched", 2)],
            level="core",
            directions=["inference"],
            hours=12,
        ),
        topic(
            "rdma",
            layer="paas",
            requires=["cn-transport"],
            exam=[("408.cn.tcp", 1)],
            level="advanced",
            hours=8,
        ),
        topic(
            "serving",
            layer="paas",
            requires=["vllm", "rdma"],
            level="frontier",
            directions=["inference"],
            hours=6,
        ),
    ]:
        r.topics[t.id] = t
    return r


ALL_ONES = ranking.Weights(**dict.fromkeys(ranking.TERMS, 1.0))


def only(term: str) -> ranking.Weights:
    return ranking.Weights(**{name: (1.0 if name == term else 0.0) for name in ranking.TERMS})


def ctx(today=TODAY, direction=None):
    return ranking.Context(today=today, exam_date=EXAM, direction=direction)


def score_of(rm, tid, weights, states=None, context=None):
    scores = ranking.score_topics(rm, [rm.topics[tid]], states or {}, weights, context or ctx())
    return scores[0]


def test_exam_term_weights_links_by_weight_and_marks(rm):
    # 408.os has 2 points here: 17.5 marks each; 408.cn one point: 25 marks.
    s = score_of(rm, "vllm", only("exam"))
    marks = 17.5 * 1 + 17.5 * (2 / 3) ** 2
    assert s.values["exam"] == pytest.approx(1 - math.exp(-marks / ranking.EXAM_SCALE))
    assert s.total == pytest.approx(s.values["exam"])
    weak = score_of(rm, "rdma", only("exam"))
    assert weak.values["exam"] == pytest.approx(1 - math.exp(-25 / 9 / ranking.EXAM_SCALE))
    assert score_of(rm, "ml-basics", only("exam")).values["exam"] == 0


def test_proximity_ramps_up_and_fades_after_the_exam():
    assert ranking.proximity_ramp(400) == 0.2
    assert ranking.proximity_ramp(14) == ranking.proximity_ramp(0) == 1.0
    assert 0.2 < ranking.proximity_ramp(100) < ranking.proximity_ramp(30) < 1.0
    assert ranking.proximity_ramp(-3) == pytest.approx(4 / 7)
    assert ranking.proximity_ramp(-8) == 0.0


def test_proximity_term_is_exam_times_ramp(rm):
    near = score_of(rm, "os-memory", only("proximity"), context=ctx(today=date(2026, 12, 10)))
    far = score_of(rm, "os-memory", only("proximity"), context=ctx(today=date(2026, 3, 1)))
    assert near.values["proximity"] == pytest.approx(near.values["exam"])
    assert far.values["proximity"] == pytest.approx(
        far.values["exam"] * ranking.proximity_ramp((EXAM - date(2026, 3, 1)).days)
    )
    assert near.total > far.total


def test_unlocks_counts_unfinished_descendants(rm):
    s = score_of(rm, "os-memory", only("unlocks"))
    assert s.unlocks == 2  # vllm, serving
    assert s.values["unlocks"] == pytest.approx(math.log1p(2) / math.log1p(6))
    finished = {"vllm": TopicState("done")}
    assert score_of(rm, "os-memory", only("unlocks"), states=finished).unlocks == 1


def test_in_progress_foundation_direction_effort_infra_terms(rm):
    assert (
        score_of(
            rm, "cn-transport", only("in_progress"), states={"cn-transport": TopicState("in_progress")}
        ).total
        == 1.0
    )
    assert score_of(rm, "cn-transport", only("in_progress")).total == 0.0
    assert [
        score_of(rm, t, only("foundation")).total for t in ("os-memory", "vllm", "rdma", "serving")
    ] == pytest.approx([1.0, 2 / 3, 1 / 3, 0.0])
    assert score_of(rm, "vllm", only("direction"), context=ctx(direction="inference")).total == 1.0
    assert score_of(rm, "vllm", only("direction"), context=ctx(direction="training")).total == 0.0
    assert score_of(rm, "vllm", only("direction")).total == 0.0
    assert score_of(rm, "rdma", only("effort")).total == pytest.approx(1 / 1.8)
    assert [score_of(rm, t, only("infra")).total for t in ("os-memory", "ml-basics", "vllm")] == [
        0.0,
        0.5,
        1.0,
    ]


def test_total_is_the_sum_of_weighted_terms(rm):
    weights = ranking.Weights(
        exam=2, proximity=3, infra=4, unlocks=5, in_progress=6, foundation=7, direction=8, effort=9
    )
    s = score_of(
        rm, "vllm", weights, states={"vllm": TopicState("in_progress")}, context=ctx(direction="inference")
    )
    assert s.total == pytest.approx(sum(s.values[t] * getattr(weights, t) for t in ranking.TERMS))
    assert s.contributions["effort"] == pytest.approx(9 * s.values["effort"])


def test_candidates_are_ready_or_in_progress(rm):
    states = {"os-memory": TopicState("done"), "rdma": TopicState("in_progress")}
    ids = {t.id for t in ranking.candidates(rm, states)}
    assert ids == {"cn-transport", "ml-basics", "vllm", "rdma"}
    assert "serving" not in ids  # needs vllm (todo) and rdma (in progress)
    skipped = {"os-memory": TopicState("skipped"), "cn-transport": TopicState("skipped")}
    assert {"vllm", "rdma"} <= {t.id for t in ranking.candidates(rm, skipped)}


def test_ties_break_by_id_and_lists_are_stable(rm):
    zero = ranking.Weights(**dict.fromkeys(ranking.TERMS, 0.0))
    first = [s.topic.id for s in ranking.rank(rm, {}, zero, ctx())]
    assert first == sorted(first)
    assert [s.topic.id for s in ranking.rank(rm, {}, ALL_ONES, ctx())] == [
        s.topic.id for s in ranking.rank(rm, {}, ALL_ONES, ctx())
    ]


def test_reasons_name_the_syllabus_point_the_unlocks_and_progress(rm):
    since = datetime(2026, 11, 23, 9, tzinfo=UTC)  # a Monday
    s = score_of(rm, "os-memory", ALL_ONES, states={"os-memory": TopicState("in_progress", 30, since)})
    assert s.reasons[0] == "in progress since Mon"
    assert s.reasons[1] == "408 操作系统 · 分页 ★★★ — why 408.os.paging"
    assert "unlocks 2 topics" in s.reasons
    assert "exam in 20 days" in s.reasons


def test_exam_leans_no_more_after_the_exam(rm):
    before = score_of(rm, "os-memory", ranking.PRESETS["balanced"], context=ctx(today=date(2026, 12, 18)))
    after = score_of(rm, "os-memory", ranking.PRESETS["balanced"], context=ctx(today=date(2026, 12, 21)))

    def exam_part(s):
        return s.contributions["exam"] + s.contributions["proximity"]

    assert exam_part(after) < exam_part(before)


def test_path_orders_prerequisites_first_and_leaves_out_finished(rm):
    steps = route.path_to(rm, rm.topics["serving"], {"cn-transport": TopicState("done")}, ALL_ONES, ctx())
    ids = [s.topic.id for s in steps]
    assert set(ids) == {"os-memory", "vllm", "rdma", "serving"}
    assert ids.index("os-memory") < ids.index("vllm") < ids.index("serving")
    assert ids.index("rdma") < ids.index("serving") and ids[-1] == "serving"


def test_focus_presets_and_overrides():
    assert ranking.weights_for("exam").exam > ranking.weights_for("infra").exam
    assert ranking.weights_for("infra").infra > ranking.weights_for("exam").infra
    assert ranking.weights_for("balanced", {"effort": 0.0}).effort == 0.0
