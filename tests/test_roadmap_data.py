"""The curated roadmap holds its rules, so that the data cannot silently regress."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from infra_roadmap import content, graph
from infra_roadmap.paths import bundled_roadmap_dir
from infra_roadmap.search import search

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
STACK = ("hardware", "iaas", "paas", "saas", "maas")
# The 16 disciplines the source text names, plus those the exam adds.
SOURCE_DISCIPLINES = {
    "computer-architecture",
    "operating-systems",
    "networking",
    "parallel-distributed",
    "databases",
    "compilers",
    "ml-dl",
    "nlp",
    "linear-algebra",
    "probability-statistics",
    "optimization",
    "information-theory",
    "signal-processing",
    "circuits-semiconductors",
    "automation-control",
    "systems-engineering",
}
EXAM_PARTS = {
    "408.ds": 10,
    "408.co": 10,
    "408.os": 10,
    "408.cn": 10,
    "301.calculus": 5,
    "301.linalg": 5,
    "301.prob": 5,
}
# Everything the source text names: technologies, papers, venues, labs, communities.
SOURCE_NAMES = [
    "Docker",
    "Containerd",
    "Kubernetes",
    "Ubuntu",
    "Slurm",
    "Flux",
    "Volcano",
    "Horovod",
    "NCCL",
    "Gloo",
    "Ceph",
    "Lustre",
    "MinIO",
    "cuDNN",
    "XLA",
    "OpenXLA",
    "RAPIDS",
    "PyTorch",
    "TensorFlow",
    "JAX",
    "TensorRT",
    "vLLM",
    "ONNX Runtime",
    "Triton Inference Server",
    "DeepSpeed",
    "Megatron-LM",
    "VeRL",
    "TVM",
    "MLIR",
    "OpenFaaS",
    "Serverless",
    "H100",
    "B200",
    "Blackwell",
    "RoCEv2",
    "InfiniBand",
    "Chiplet",
    "Ultra Ethernet",
    "SHARP",
    "FSDP",
    "Colossal-AI",
    "PagedAttention",
    "MySQL",
    "PostgreSQL",
    "Cassandra",
    "HBase",
    "TorchInductor",
    "MoE",
    "ZeRO",
    "DeepSpeed-MoE",
    "DeepSpeed-Inference",
    "DeepSeek-V3",
    "SGLang",
    "SpecInfer",
    "MLSys",
    "OSDI",
    "NSDI",
    "Stanford DAWN",
    "RISELab",
    "NVIDIA Research",
    "open-infra-index",
    "AIInfra",
    "AISystem",
    "ai-infrastructure",
    "GPU",
    "TPU",
    "NPU",
    "NVMe",
    "BERT",
    "GPT",
    "IBM",
    "zhihu",
    "thebyte",
]
# Papers the source links, by the identifier their URL must carry.
SOURCE_PAPERS = [
    "10.1145/3394486.3406703",
    "10.1145/3458817.3476205",
    "rajbhandari22a",
    "2207.00032",
    "1909.08053",
    "2412.19437",
    "10.1145/3600006.3613165",
    "2312.07104",
    "10.1145/3620666.3651335",
    "proceedings.mlsys.org",
]


@pytest.fixture(scope="module")
def loaded():
    return content.load([bundled_roadmap_dir()])


@pytest.fixture(scope="module")
def rm(loaded):
    return loaded.roadmap


def test_validates_clean(loaded):
    assert [str(p) for p in loaded.problems] == []


def test_layers_disciplines_and_exam(rm):
    assert set(rm.layers) == {"foundations", *STACK}
    assert all(layer.summary for layer in rm.layers.values())
    assert SOURCE_DISCIPLINES | {"data-structures"} <= set(rm.disciplines)
    assert {d.group for d in rm.disciplines.values()} == {"cs", "ai", "math", "physics", "engineering"}
    marks = {s.id: s.points for s in rm.subjects.values()}
    assert marks["101"] == marks["201"] == 100 and marks["301"] == marks["408"] == 150
    assert sum(marks[p] for p in ("408.ds", "408.co", "408.os", "408.cn")) == 150
    per_part = Counter(p.subject for p in rm.points.values())
    for part, minimum in EXAM_PARTS.items():
        assert per_part[part] >= minimum, part


def test_topic_counts(rm):
    per_layer = Counter(t.layer for t in rm.topics.values())
    assert len(rm.topics) >= 120
    assert per_layer["foundations"] >= 30
    for layer in STACK:
        assert per_layer[layer] >= 8, layer
    assert len(rm.resources) >= 100


def test_bilingual_titles(rm):
    for entity in [
        *rm.topics.values(),
        *rm.points.values(),
        *rm.layers.values(),
        *rm.disciplines.values(),
        *rm.subjects.values(),
    ]:
        assert LATIN.search(entity.title), entity.id
        assert CJK.search(entity.title_zh), (entity.id, entity.title_zh)


def test_every_topic_is_complete(rm):
    for t in rm.topics.values():
        assert len(t.summary.split()) >= 15, t.id
        assert 1 <= t.hours <= 80, t.id
        assert t.resources, t.id


def test_every_topic_outside_foundations_reaches_the_foundations(rm):
    for t in rm.topics.values():
        if t.layer == "foundations":
            continue
        assert t.requires, t.id
        ancestors = graph.ancestors(t.id, rm.requires)
        assert any(rm.topics[a].layer == "foundations" for a in ancestors), t.id


def test_exam_links(rm):
    outside = [
        t for t in rm.topics.values() if t.layer != "foundations" and any(link.weight >= 2 for link in t.exam)
    ]
    assert len(outside) >= 40
    for t in rm.topics.values():
        for link in t.exam:
            assert len(link.why.split()) >= 6, (t.id, link.point)


def test_syllabus_chapters_link_their_points_with_weight_3(rm):
    chapter = re.compile(r"^(ds|co|os|cn|calc|linalg|prob|stats)-")
    covered = set()
    for t in rm.topics.values():
        if t.layer == "foundations" and chapter.match(t.id):
            strong = [link.point for link in t.exam if link.weight == 3]
            assert strong, t.id
            covered.update(strong)
    assert covered >= set(rm.points), sorted(set(rm.points) - covered)


def test_resources_are_https_and_used(rm):
    used = {r for t in rm.topics.values() for r in t.resources}
    cited = {s for p in rm.points.values() for e in p.examined for s in e.sources}
    assert set(rm.resources) == used | cited
    for r in rm.resources.values():
        assert r.url.startswith("https://"), r.id
    urls = Counter(r.url.rstrip("/") for r in rm.resources.values())
    assert [u for u, n in urls.items() if n > 1] == []


def test_every_topic_and_point_has_keywords_a_student_types(rm):
    for t in rm.topics.values():
        assert len(t.keywords) >= 3, t.id
        assert CJK.search(" ".join(t.keywords)) or t.layer != "foundations", (
            t.id
        )  # Chinese words for chapters
    for p in rm.points.values():
        assert len(p.keywords) >= 2, p.id
    for entity in [*rm.topics.values(), *rm.points.values()]:
        folded = [k.casefold() for k in entity.keywords]
        assert len(folded) == len(set(folded)) and all(k.strip() for k in folded), entity.id


def test_past_papers_are_recorded_for_most_408_points_with_their_sources(rm):
    points_408 = [p for p in rm.points.values() if p.subject.startswith("408.")]
    with_years = [p for p in points_408 if p.examined]
    assert len(with_years) >= 0.8 * len(points_408), (len(with_years), len(points_408))
    for p in rm.points.values():
        years = [e.year for e in p.examined]
        assert years == sorted(years, reverse=True) and len(set(years)) == len(years), p.id
        for e in p.examined:
            assert 2009 <= e.year <= 2026 and e.sources, (p.id, e.year)
            assert all(rm.resources[s].kind == "repo" for s in e.sources), (p.id, e.year)
            assert all(1 <= q <= 47 if p.subject.startswith("408") else 1 <= q <= 23 for q in e.questions), (
                p.id
            )


def test_the_2026_syllabus_wording_and_renamed_points(rm):
    assert "408.co.fixed-point" not in rm.points
    assert rm.points["408.co.integer"].aliases == ("408.co.fixed-point",)
    assert "KMP" not in rm.points["408.ds.string-match"].title_zh
    structure = rm.points["408.os.file-structure"].title_zh
    assert "逻辑结构" in structure and "物理结构" in structure and "共享" not in structure
    named = " ".join(p.title_zh for p in rm.points.values())
    for item in ("组帧", "段页式", "虚拟存储器性能的影响因素", "数制与编码", "整数的表示和运算", "标志位"):
        assert item in named, item
    linked = {link.point for t in rm.topics.values() for link in t.exam}
    assert linked <= set(rm.points)  # the bundled topics link to current ids, not to aliases


def test_information_theory_has_topics_that_earn_their_links(rm):
    topics = [t for t in rm.topics.values() if "information-theory" in t.disciplines]
    assert len(topics) >= 3
    assert sum(1 for t in topics if any(link.weight >= 2 for link in t.exam)) >= 3


def test_papers_carry_an_identifier(rm):
    for r in rm.resources.values():
        if r.kind == "paper":
            assert r.year, r.id
    urls = " ".join(r.url for r in rm.resources.values())
    for ident in SOURCE_PAPERS:
        assert ident in urls, ident


@pytest.mark.parametrize("name", SOURCE_NAMES)
def test_everything_the_source_names_is_found_by_search(rm, name):
    assert search(rm, name, {}), name
