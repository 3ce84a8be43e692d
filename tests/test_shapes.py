"""The JSON contract: the keys SPEC.md fixes, for every command that prints data, checked on real
output after a little progress; and the one shape per entity (records carry the models' fields)."""

from __future__ import annotations

import json

import pytest

from infra_roadmap.content import models, records

SPEC_KEYS = {
    "list": {"id", "title", "title_zh", "layer", "status"},
    "show": {
        "id",
        "title",
        "title_zh",
        "layer",
        "disciplines",
        "status",
        "requires",
        "unlocks",
        "resources",
        "exam",
        "minutes",
    },
    "next": {"id", "title", "title_zh", "score", "reasons", "terms"},
    "path": {"target", "hours", "steps"},
    "path.steps": {"id", "hours", "status"},
    "history": {"topic", "kind", "at", "minutes", "note"},
    "report": {"week", "start", "end", "total_minutes", "sessions", "completed", "by_day", "plan"},
    "report.by_day": {"date", "minutes"},
    "export": {"version", "exported_at", "config", "events"},
    "search.topic": {"id", "title", "title_zh", "layer", "status"},
    "search.resource": {"id", "title", "title_zh", "kind"},
}


@pytest.fixture
def studied(run):
    assert run("log", "os-memory", "45m", "--note", "页表").exit_code == 0
    assert run("done", "ds-basics").exit_code == 0
    return run


def test_every_data_command_carries_the_keys_spec_fixes(studied):
    run = studied
    rows = run.json("list")
    assert rows and all(SPEC_KEYS["list"] <= r.keys() for r in rows)
    assert SPEC_KEYS["show"] <= run.json("show", "vllm-pagedattention").keys()
    items = run.json("next")
    assert items and all(SPEC_KEYS["next"] <= i.keys() and isinstance(i["reasons"], list) for i in items)
    path = run.json("path", "vllm-pagedattention")
    assert SPEC_KEYS["path"] <= path.keys() and all(
        SPEC_KEYS["path.steps"] <= s.keys() for s in path["steps"]
    )
    events = run.json("history")
    assert len(events) == 2 and all(SPEC_KEYS["history"] <= e.keys() for e in events)
    report = json.loads(run("report", "--format", "json").stdout)
    assert SPEC_KEYS["report"] <= report.keys()
    assert len(report["by_day"]) == 7 and all(
        SPEC_KEYS["report.by_day"] <= d.keys() for d in report["by_day"]
    )
    exported = json.loads(run("export").stdout)
    assert SPEC_KEYS["export"] <= exported.keys()
    assert all(SPEC_KEYS["history"] <= e.keys() for e in exported["events"])
    hits = run.json("search", "paging")
    topics = [h for h in hits if "layer" in h]
    resources = [h for h in hits if "kind" in h]
    assert topics and all(SPEC_KEYS["search.topic"] <= h.keys() for h in topics)
    assert all(SPEC_KEYS["search.resource"] <= h.keys() for h in resources)
    for command in (["status"], ["tree"], ["config", "list"], ["doctor"]):
        assert run.json(*command) is not None


@pytest.mark.parametrize("kind", list(records.RECORDS))
def test_each_record_carries_exactly_its_models_fields(kind):
    assert records.fields_of(kind) == tuple(models.MODELS[kind].model_fields)


def test_nested_records_carry_their_models_fields():
    assert records.ExamLink._fields == tuple(models.ExamLink.model_fields)
    assert records.Examined._fields == tuple(models.Examined.model_fields)
