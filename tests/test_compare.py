"""kg.compare, kg.intervals and kg.clusters: keys, interval semantics, verdicts, clusters."""
from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare_fixtures import claim, gazetteer, seed_claims
from kg.clusters import claim_graph, clusters, source_of
from kg.compare import NEIGHBOURS, SMALL_KEY, compare_claims
from kg.measures import load_measures
from kg.entities import load_entities
from kg.errors import KgError
from kg.intervals import Interval, date_span, days_apart, describe, interval_of, overlaps
from kg.model import Quantity

DIFFER = {"conflict", "differs_scope", "differs_time"}


def _relations(comparisons) -> dict[frozenset, str]:
    return {frozenset((c.a, c.b)): c.relation for c in comparisons}


# --- the gold expectations on the seeds --------------------------------------------------------

@pytest.fixture(params=["gazetteer", "ontology"])
def entities(request):
    return gazetteer() if request.param == "gazetteer" else load_entities()


def test_seed_strength_pairs(entities):
    got = _relations(compare_claims(list(seed_claims().values()), entities))
    assert got[frozenset(("000-a", "000-b"))] == "agree"
    for a, b in [("000-a", "000-e"), ("000-b", "000-e"), ("000-e", "002-d"), ("000-a", "002-d"),
                 ("000-b", "002-d")]:
        assert got.get(frozenset((a, b))) in DIFFER, (a, b)


def test_seed_unrelated_pairs_are_not_reported(entities):
    got = _relations(compare_claims(list(seed_claims().values()), entities))
    for a, b in [("000-d", "001-a"), ("000-d", "000-a"), ("003-f", "000-e"), ("003-f", "002-d"),
                 ("003-c", "003-f"), ("001-h", "000-d")]:
        assert got.get(frozenset((a, b))) not in DIFFER, (a, b)


def test_seed_restatement_is_not_compared():
    got = compare_claims(list(seed_claims().values()), gazetteer())
    assert not [c for c in got if "001-b" in (c.a, c.b)]


def test_seed_scope_reasons_name_both_sides():
    got = {frozenset((c.a, c.b)): c for c in compare_claims(list(seed_claims().values()), gazetteer())}
    reason = got[frozenset(("000-e", "002-d"))].reason
    for words in ("PBB", "pejabat AS", "korannews.com", "Mata Angin", "via AFP", "2023-02", "date unknown",
                  '"5.000 hingga 7.000"', '"15 ribu hingga 20 ribu"', "5,000–7,000", "possibly 15,000–20,000",
                  "armed supporters are part of members and supporters", "narrower count is the larger",
                  "hedged"):
        assert words in reason, words
    reason = got[frozenset(("000-a", "000-e"))].reason
    assert "Iraq lies within Iraq and Syria" in reason and "Qais al-Mohamadawi" in reason


def test_conflict_reason_and_outlet_as_speaker():
    a = claim("a", 500, place="Iraq", publisher="kompas.com", said_on="2023-03-12")
    b = claim("b", 900, place="Iraq", speaker="Pentagon", publisher="detik.com", via="Reuters")
    [comp] = compare_claims([a, b], gazetteer())
    assert comp.relation == "conflict"
    assert comp.reason.startswith("kompas.com (said 2023-03-12) says 500 members in Iraq")
    assert "Pentagon (detik.com, via Reuters, date unknown) says 900 members" in comp.reason
    assert "date of one is unknown" in comp.reason


def test_differs_time_reason_names_dates():
    a = claim("a", 500, place="Iraq", said_on="2022-01")
    b = claim("b", 900, place="Iraq", said_on="2023-03-12")
    [comp] = compare_claims([a, b], gazetteer())
    assert comp.relation == "differs_time" and "(2022-01 and 2023-03-12)" in comp.reason


def test_event_reason_names_event_date():
    a = claim("a", 22, action="killed", is_event=True, event_on="2023-02-26", place="Anbar", said_on="2023-03-12")
    b = claim("b", 30, action="killed", is_event=True, event_on="2023-02-26", place="Al-Anbar", said_on="2023-03-12")
    [comp] = compare_claims([a, b], gazetteer())
    assert comp.relation == "conflict" and "on 2023-02-26" in comp.reason and "members killed" in comp.reason


# --- intervals ----------------------------------------------------------------------------------

def q(low, high=None, qualifier="exact", unit="person"):
    return Quantity("x", 0, 1, float(low), float(low if high is None else high), qualifier, unit)


@pytest.mark.parametrize("quantity, expected", [
    (q(500), Interval(500, 500)),
    (q(400, 500), Interval(400, 500)),
    (q(500, qualifier="approx"), Interval(450, 550)),
    (q(400, 500, "at_most"), Interval(0, 500)),
    (q(400, 500, "at_least"), Interval(400, math.inf)),
    (q(125, qualifier="more_than"), Interval(125, math.inf, lo_open=True)),
    (q(50, qualifier="less_than"), Interval(0, 50, hi_open=True)),
    (q(100, 999, "vague"), Interval(100, 999)),
    (q(15000, 20000, "hedged"), Interval(15000, 20000)),
    (q(-3, qualifier="at_most", unit="percent"), Interval(-math.inf, -3)),
    (q(500, 400), Interval(400, 500)),
])
def test_interval_of(quantity, expected):
    assert interval_of(quantity) == pytest.approx(expected)


@pytest.mark.parametrize("a, b, expected", [
    (Interval(125, math.inf, lo_open=True), Interval(130, 130), True),
    (Interval(125, math.inf, lo_open=True), Interval(125, 125), False),
    (Interval(0, 500), Interval(500, 500), True),
    (Interval(0, 500, hi_open=True), Interval(500, 500), False),
    (Interval(450, 550), Interval(0, 500), True),
    (Interval(5000, 7000), Interval(15000, 20000), False),
    (Interval(1 / 3, 1 / 3), Interval(0.3333333, 0.3333333), True),
])
def test_overlaps(a, b, expected):
    assert overlaps(a, b) is expected and overlaps(b, a) is expected


def test_date_spans():
    assert date_span("2023-02") == (date_span("2023-02-01")[0], date_span("2023-02-28")[0])
    assert date_span("2024-12")[1] == date_span("2024-12-31")[0]
    assert date_span("2023")[1] - date_span("2023")[0] == 364
    assert date_span(None) is None and date_span("soon") is None and date_span("2023-02-30") is None
    assert days_apart(date_span("2023-02"), date_span("2023-03-12")) == 12
    assert days_apart(date_span("2023-03"), date_span("2023-03-12")) == 0


def test_describe():
    assert describe(q(5000, 7000)) == "5,000–7,000"
    assert describe(q(500, qualifier="approx")) == "about 500"
    assert describe(q(45.5, unit="percent")) == "45.5%"
    money = Quantity("Rp38,5 triliun", 0, 5, 38.5e12, 38.5e12, "exact", "money", "IDR")
    assert describe(money) == "IDR 38,500,000,000,000"


# --- the measure hierarchy ----------------------------------------------------------------------

def test_measure_chains_and_relations():
    m = load_measures()
    assert m.chain("fighters") == ("fighters", "members", "members and supporters")
    assert m.chain("Militants") == ("members", "members and supporters")
    assert m.chain("active members") == ("active members", "members", "members and supporters")
    assert m.chain("copper output") == ("copper output",)
    assert m.relation(m.chain("fighters"), m.chain("members and supporters")) == "narrower"
    assert m.relation(m.chain("members"), m.chain("armed supporters")) == "overlap"
    assert m.relation(m.chain("civilians"), m.chain("soldiers")) is None
    assert m.relation(m.chain("people"), m.chain("children")) == "broader"
    assert m.relation(m.chain("flights"), m.chain("houses")) is None
    assert m.action("died") == "killed" and m.action("injured") == "wounded" and m.action(None) is None


def test_bad_measure_file(tmp_path):
    bad = tmp_path / "measures.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(KgError, match="measures.ttl"):
        load_measures(bad)


# --- keys and scale -----------------------------------------------------------------------------

def test_measure_with_action_word_but_no_action_field():
    a = claim("a", 22, measure="members killed", place="Iraq", said_on="2023-03-12")
    b = claim("b", 500, measure="members", place="Iraq", said_on="2023-03-12")
    assert compare_claims([a, b], gazetteer()) == []


def test_comparisons_stay_within_keys():
    claims = [claim(f"c{i}", 100 + i, subject=f"subject {i % 50}", place="Iraq") for i in range(500)]
    got = compare_claims(claims, gazetteer())
    by_id = {c.id: c for c in claims}
    assert all(by_id[c.a].subject == by_id[c.b].subject for c in got)
    assert len(got) == 50 * (10 * 9 // 2)


def test_huge_key_of_identical_claims_is_linear():
    claims = [claim(f"c{i}", 386, place="Iran", speaker=f"outlet {i}") for i in range(5000)]
    got = compare_claims(claims, gazetteer())
    assert len(got) == 4999 and {c.relation for c in got} == {"agree"}
    assert {c.b for c in got} | {c.a for c in got} == {c.id for c in claims}


def test_huge_key_of_distinct_figures_is_bounded_and_covered():
    claims = [claim(f"c{i}", 1000 + 10 * i, place="Iran", speaker=f"s{i}") for i in range(3000)]
    claims += [claim(f"d{i}", 1000 + 10 * i, place="Iran", speaker=f"t{i}") for i in range(3000)]
    got = compare_claims(claims, gazetteer())
    assert len(got) <= 3000 + 3000 * NEIGHBOURS
    assert {c.a for c in got} | {c.b for c in got} == {c.id for c in claims}
    assert sum(c.relation == "agree" for c in got) == 3000  # each d-claim folds onto its c-twin
    assert [k for k in clusters(claims, got)][0].claims.__len__() == 6000


def test_small_key_compares_every_pair():
    claims = [claim(f"c{i}", 100 * (i + 1), place="Iraq", speaker=f"s{i}") for i in range(SMALL_KEY)]
    assert len(compare_claims(claims, gazetteer())) == SMALL_KEY * (SMALL_KEY - 1) // 2


def test_output_is_deterministic():
    claims = list(seed_claims().values())
    assert compare_claims(claims, gazetteer()) == compare_claims(claims, gazetteer())


# --- clusters and the claim graph ---------------------------------------------------------------

def _relayed():
    afp = dict(place="Iraq", said_on="2023-03-12", speaker="Qais al-Mohamadawi", via="AFP")
    return [
        claim("k1", 500, publisher="korannews.com", **afp),
        claim("k2", 500, publisher="detik.com", **afp),
        claim("k3", 500, publisher="kompas.com", **afp),
        claim("k4", 500, publisher="tempo.co", place="Iraq", said_on="2023-03-12", speaker="Iraqi army"),
        claim("k5", 3000, publisher="cnn.com", place="Iraq", said_on="2023-03-13", speaker="Pentagon"),
        claim("x1", 75, action="killed", is_event=True, place="Anbar", doc="other.txt"),
    ]


def test_clusters_support_counts_independent_sources():
    claims = _relayed()
    [cluster] = clusters(claims, compare_claims(claims, gazetteer()))
    assert cluster.id == "cluster-1" and cluster.verdict == "conflict"
    assert (cluster.low, cluster.high) == (500, 3000) and cluster.subject == "ISIS"
    five_hundred, three_thousand = cluster.statements
    assert five_hundred.figure == "500" and five_hundred.support == 2
    assert five_hundred.sources == ("AFP", "tempo.co") and len(five_hundred.claims) == 4
    assert three_thousand.support == 1 and three_thousand.sources == ("cnn.com",)
    assert cluster.counts["conflict"] == 4 and cluster.counts["agree"] == 6
    assert cluster.comparisons[0].relation == "conflict"
    assert source_of(claims[-1]) == "other.txt"


def test_clusters_order_conflicts_first():
    claims = _relayed() + [
        claim("s1", 500, subject="SDF", place="Syria", speaker="SDF"),
        claim("s2", 500, subject="SDF", place="Syria", speaker="UN"),
        claim("s3", 500, subject="SDF", place="Syria", speaker="US"),
    ]
    got = clusters(claims, compare_claims(claims, gazetteer()))
    assert [k.verdict for k in got] == ["conflict", "agree"]
    assert [k.id for k in got] == ["cluster-1", "cluster-2"] and len(got[1].claims) == 3


def test_claim_graph():
    claims = _relayed()
    comps = compare_claims(claims, gazetteer())
    g = claim_graph(claims, comps)
    kinds = {}
    for _, data in g.nodes(data=True):
        kinds[data["kind"]] = kinds.get(data["kind"], 0) + 1
    assert kinds == {"claim": 6, "document": 6, "outlet": 5, "speaker": 3, "agency": 1, "subject": 1}
    assert g.has_edge("claim:k1", "agency:AFP") and g.has_edge("document:k1.txt", "outlet:korannews.com")
    relations = [d["relation"] for _, _, d in g.edges(data=True) if d["kind"] == "comparison"]
    assert len(relations) == len(comps) and relations.count("conflict") == 4
    assert g.nodes["claim:k5"]["figure"] == "3,000"


ORDER_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from compare_fixtures import claim, gazetteer
from kg.compare import compare_claims
measures = ["members", "fighters", "soldiers", "civilians", "refugees", "students", "passengers", "children"]
claims = [claim(f"{m}-{i}", 100 + 50 * i, measure=m, speaker=f"source {i}") for m in measures for i in range(2)]
print([(c.a, c.b, c.relation) for c in compare_claims(claims, gazetteer())])
"""


def test_comparisons_come_in_the_same_order_whatever_the_hash_seed():
    # keys are tuples of strings: iterating a set of them follows the per-process hash seed
    here = str(Path(__file__).parent)
    runs = {subprocess.run([sys.executable, "-c", ORDER_SCRIPT, here], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3", "4")}
    assert len(runs) == 1
