"""Table tests of kg.compare: two realistic claims and the verdict expected between them."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from compare_fixtures import claim, document, gazetteer
from kg.compare import compare_claims

CASES = yaml.safe_load((Path(__file__).parent / "data" / "relations.yaml").read_text(encoding="utf-8"))
ENTITIES = gazetteer()


def _side(case: dict, side: str) -> dict:
    fields = {**case.get("both", {}), **case[side]}
    fields.setdefault("id", side)
    return fields


def _make(fields: dict):
    fields = dict(fields)
    cid, low = fields.pop("id"), fields.pop("low")
    for key in ("said_on", "event_on"):
        if fields.get(key) is not None:
            fields[key] = str(fields[key])
    return claim(cid, low, **fields)


def _documents(case: dict) -> list:
    return [replace(document(d["doc"], title=d.get("title")), language=d.get("language", "id"),
                    publisher=d.get("publisher"), published=d.get("published"))
            for d in case.get("documents", [])]


def test_table_is_large_and_varied():
    assert len(CASES) >= 60
    expected = {case["expect"] for case in CASES}
    assert expected == {None, "agree", "conflict", "differs_scope", "differs_time"}
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_relation(case):
    a, b = _make(_side(case, "a")), _make(_side(case, "b"))
    got = compare_claims([a, b], ENTITIES, _documents(case))
    relations = [c.relation for c in got]
    expected = [] if case["expect"] is None else [case["expect"]]
    assert relations == expected, got
    if got:
        assert {got[0].a, got[0].b} == {a.id, b.id}


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"]], ids=lambda c: c["name"])
def test_relation_is_symmetric(case):
    a, b = _make(_side(case, "a")), _make(_side(case, "b"))
    if a.same_as or b.same_as:
        pytest.skip("restatements are ordered")
    assert [c.relation for c in compare_claims([b, a], ENTITIES, _documents(case))] == [case["expect"]]
