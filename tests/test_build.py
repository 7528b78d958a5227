"""End to end: `kg build` on the seed articles, every output checked for its content."""
from __future__ import annotations

import json
import re

import pytest
import yaml
from rdflib import Graph, Namespace
from rdflib.namespace import PROV, RDF

from tests.conftest import GOLD, SEEDS

SCHEMA = Namespace("https://schema.org/")


@pytest.fixture(scope="module")
def claims(seed_build):
    return json.loads((seed_build / "claims.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold():
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def test_every_output_is_written(seed_build):
    for name in ("claims.json", "kg.ttl", "graph.html", "conflicts.md", "conflicts.html"):
        assert (seed_build / name).stat().st_size > 0, name
    assert any((seed_build / "store").iterdir())


def test_documents_carry_the_gold_metadata(claims, gold):
    docs = {d["doc"]: d for d in claims["documents"]}
    assert set(docs) == {g["doc"] for g in gold["documents"]}
    for g in gold["documents"]:
        d = docs[g["doc"]]
        assert (d["title"] or None) == g["title"], g["doc"]
        assert d["published"] == (str(g["published"]) if g["published"] else None), g["doc"]
        if g["publisher"]:
            assert d["publisher"] in g["publisher"], g["doc"]
        else:
            assert d["publisher"] is None, g["doc"]


def test_every_required_gold_claim_is_found_with_its_speaker(claims, gold):
    by_doc: dict[str, list[dict]] = {}
    for c in claims["claims"]:
        by_doc.setdefault(c["doc"], []).append(c)
    for g in gold["documents"]:
        text = (SEEDS / g["doc"]).read_text(encoding="utf-8")
        for gc in g["claims"]:
            if gc.get("optional"):
                continue
            start = text.index(gc["quote"])
            end = start + len(gc["quote"])
            hits = [c for c in by_doc.get(g["doc"], []) if c["span"][0] < end and start < c["span"][1]
                    and abs(c["low"] - gc["low"]) < 0.01 and abs(c["high"] - gc["high"]) < 0.01]
            assert hits, gc["id"]
            c = hits[0]
            assert c["qualifier"] == gc["qualifier"] and c["unit"] == gc["unit"], gc["id"]
            speakers = [s for s in (gc.get("speaker") or [None]) + (gc.get("speaker_also_ok") or [])]
            if None in speakers and c["speaker"] is None:
                continue
            assert c["speaker"] and any(s and (s.casefold() in c["speaker"].casefold() or
                                                c["speaker"].casefold() in s.casefold()) for s in speakers), gc["id"]


def test_claim_spans_point_into_the_original_file(claims):
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    for c in claims["claims"]:
        text = texts[c["doc"]]
        assert text[c["span"][0]:c["span"][1]] == c["figure"], c["id"]
        s0, s1 = c["sentence_span"]
        assert text[s0:s1] == c["text"], c["id"]


def test_no_claim_from_dates_years_or_labels(claims, gold):
    for g in gold["documents"]:
        text = (SEEDS / g["doc"]).read_text(encoding="utf-8")
        for not_claim in g.get("not_claims") or []:
            for m in re.finditer(re.escape(not_claim), text):
                assert not [c for c in claims["claims"] if c["doc"] == g["doc"]
                            and c["span"][0] < m.end() and m.start() < c["span"][1]], not_claim


def test_turtle_holds_speaker_document_outlet_and_date(seed_build, claims):
    g = Graph().parse(seed_build / "kg.ttl", format="turtle")
    claim_nodes = set(g.subjects(RDF.type, SCHEMA.Claim))
    assert len(claim_nodes) == len(claims["claims"])
    for node in claim_nodes:
        assert (node, SCHEMA.appearance, None) in g
        article = g.value(node, SCHEMA.appearance)
        assert (article, RDF.type, SCHEMA.NewsArticle) in g
    with_speaker = [c for c in claims["claims"] if c["speaker"]]
    attributed = {n for n in claim_nodes if g.value(n, PROV.wasAttributedTo) is not None}
    assert len(attributed) >= len(with_speaker)
    dated = [n for n in claim_nodes if g.value(n, SCHEMA.dateCreated) is not None]
    assert len(dated) == len([c for c in claims["claims"] if c["said_on"]])
    publishers = {str(g.value(a, SCHEMA.publisher)) for a in g.subjects(RDF.type, SCHEMA.NewsArticle)}
    assert len([p for p in publishers if p != "None"]) == 4  # four seeds name their outlet


def test_html_is_offline(seed_build):
    html = (seed_build / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "vis-network" in html or "vis.Network" in html


def test_conflict_report_names_the_disagreeing_figures(seed_build):
    md = (seed_build / "conflicts.md").read_text(encoding="utf-8")
    assert "5.000 hingga 7.000" in md and "400-500" in md


def test_comparisons_refer_to_known_claims(claims):
    ids = {c["id"] for c in claims["claims"]}
    assert claims["comparisons"]
    for x in claims["comparisons"]:
        assert x["a"] in ids and x["b"] in ids and x["relation"] in {"agree", "conflict", "differs_scope", "differs_time"}
        assert x["reason"]


def test_a_bad_input_is_reported_and_the_others_processed(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Menurut BNPB, sebanyak 25 orang meninggal dunia akibat banjir.", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    (src / "empty.txt").write_text("   ", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert "bad.txt" in result.output and "not UTF-8" in result.output and "empty.txt" in result.output
    data = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    assert [d["doc"] for d in data["documents"]] == ["good.txt"]
    assert data["claims"][0]["low"] == 25 and data["claims"][0]["speaker"] == "BNPB"


def test_user_entity_file_adds_places(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    extra = tmp_path / "mine.ttl"
    extra.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix schema: <https://schema.org/> .\n"
        "<https://example.org/Tharthar> a skos:Concept, schema:Place ; skos:prefLabel \"Tharthar\"@id ;\n"
        "    schema:containedInPlace <https://w3id.org/kg/entity/Anbar> .\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(SEEDS / "001_84b83cd747adaf32.txt"), "--out", str(out),
                                       "--entities", str(extra)])
    assert result.exit_code == 0, result.output
    claims = json.loads((out / "claims.json").read_text(encoding="utf-8"))["claims"]
    assert claims[0]["figure"] == "75" and claims[0]["place"] == "Tharthar"
