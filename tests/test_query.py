"""`kg query`: named queries with exact rows on the seed fixture, safe parameters, formats, CLI."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.entities import load_entities
from kg.errors import KgError
from kg.query import (bind_params, format_result, is_update, named_queries, query_form, resolve_query,
                      run_query, with_prefixes)
from kg.rdf import build_dataset
from kg.store import open_store, save
from rdf_fixtures import DOC0, DOC1, DOC2, DOC3, seed_result

NAMED = {"claims-about-subject", "conflicts", "who-said-what", "timeline", "claims-by-outlet", "relay-chains"}
ISIS_CLAIMS = ["c-000-e", "c-000-g", "c-000-a", "c-000-b", "c-000-d", "c-000-title",
               "c-001-a", "c-001-d", "c-002-a", "c-002-b", "c-002-d", "c-003-c", "c-003-f"]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "store"
    save(build_dataset(seed_result(), load_entities()), path)
    return path


def rows(path, name: str, **params) -> list[dict[str, str]]:
    """A named query's rows as {variable: lexical value} (unbound variables left out)."""
    with open_store(path) as store:
        result = store.query(resolve_query(named=name, params=params))
        names = [v.value for v in result.variables]
        return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]


def column(found: list[dict[str, str]], name: str) -> list[str | None]:
    return [r.get(name) for r in found]


# ---------------------------------------------------------------- named queries, exact rows

def test_the_named_queries_and_their_parameters():
    queries = named_queries()
    assert NAMED <= queries.keys()
    for query in queries.values():
        assert query.description and "SELECT" in query.text
    assert queries["claims-about-subject"].params["subject"][0] is True
    assert queries["conflicts"].params == {"subject": (False, queries["conflicts"].params["subject"][1]),
                                           "relation": (False, queries["conflicts"].params["relation"][1])}
    assert queries["relay-chains"].params["agency"][0] is False


def test_claims_about_subject(store_path):
    found = rows(store_path, "claims-about-subject", subject="ISIS")
    assert column(found, "claim") == ISIS_CLAIMS
    assert found[2] == {"claim": "c-000-a", "figure": "sekitar 500", "low": "500", "high": "500",
                        "qualifier": "approx", "unit": "person", "measure": "active members", "place": "Iraq",
                        "speaker": "Qais al-Mohamadawi", "saidOn": "2023-03-12", "outlet": "korannews.com",
                        "published": "2023-03-13", "doc": DOC0}
    assert found[0]["speaker"] == "laporan PBB" and found[0]["low"] == "5000" and found[0]["high"] == "7000"
    assert found[9]["speaker"] == "Mata Angin"  # no speaker: the outlet states it
    # any alias, any case
    for alias in ("daesh", "NEGARA ISLAM", "Islamic State"):
        assert column(rows(store_path, "claims-about-subject", subject=alias), "claim") == ISIS_CLAIMS
    assert column(rows(store_path, "claims-about-subject", subject="Baghuz"), "claim") == ["c-003-d"]
    assert rows(store_path, "claims-about-subject", subject="Hamas") == []


def test_who_said_what(store_path):
    found = rows(store_path, "who-said-what", subject="isis")
    assert [(r["speaker"], r["speakerKind"], r["claim"]) for r in found] == [
        ("Badan Keamanan Nasional Irak", "organization", "c-001-a"),
        ("Mata Angin", "outlet", "c-002-b"),
        ("Michael Kurilla", "person", "c-000-g"),
        ("Mustafa Bali", "person", "c-003-c"),
        ("Qais al-Mohamadawi", "person", "c-000-a"),
        ("Qais al-Mohamadawi", "person", "c-000-b"),
        ("Qais al-Mohamadawi", "person", "c-000-d"),
        ("Qais al-Mohamadawi", "person", "c-000-title"),
        ("SDF", "organization", "c-003-f"),
        ("Said Mamouzini", "person", "c-001-d"),
        ("juru bicara SDF", "person", "c-002-a"),
        ("laporan PBB", "report", "c-000-e"),
        ("pejabat AS", "organization", "c-002-d"),
    ]
    by_claim = {r["claim"]: r for r in found}
    assert by_claim["c-000-a"].get("via") == "AFP" and "via" not in by_claim["c-000-title"]
    assert by_claim["c-001-d"]["via"] == "IRNA" and by_claim["c-001-d"]["outlet"] == "LiputanIslam.com"


def test_timeline(store_path):
    found = rows(store_path, "timeline", subject="ISIS")
    assert [(r.get("date"), r["dateKind"], r["claim"]) for r in found] == [
        ("2023-02", "said", "c-000-e"),
        ("2023-02-26", "observed", "c-000-d"),
        ("2023-03-11", "said", "c-000-g"),
        ("2023-03-12", "said", "c-000-a"),
        ("2023-03-12", "said", "c-000-b"),
        ("2023-03-12", "said", "c-000-title"),
        *[(None, "unknown", c) for c in ("c-001-a", "c-001-d", "c-002-a", "c-002-b", "c-002-d", "c-003-c", "c-003-f")],
    ]


def test_conflicts(store_path):
    found = rows(store_path, "conflicts")
    assert [(r["relation"], r["claimA"], r["claimB"], r["speakerA"], r["speakerB"]) for r in found] == [
        ("conflict", "c-000-e", "c-002-d", "laporan PBB", "pejabat AS"),
        ("differs_scope", "c-000-a", "c-000-e", "Qais al-Mohamadawi", "laporan PBB"),
        ("differs_scope", "c-000-a", "c-002-d", "Qais al-Mohamadawi", "pejabat AS"),
        ("differs_scope", "c-000-b", "c-000-e", "Qais al-Mohamadawi", "laporan PBB"),
        ("differs_time", "c-000-b", "c-002-d", "Qais al-Mohamadawi", "pejabat AS"),
    ]
    assert found[0]["subjectName"] == "ISIS" and found[0]["outletB"] == "Mata Angin"
    assert found[0]["reason"].startswith("5,000-7,000 (UN report)")
    assert found[1]["saidOnA"] == "2023-03-12" and found[1]["saidOnB"] == "2023-02"
    assert rows(store_path, "conflicts", subject="Daesh") == found
    only = rows(store_path, "conflicts", subject="isis", relation="differs_time")
    assert [(r["claimA"], r["claimB"]) for r in only] == [("c-000-b", "c-002-d")]
    assert rows(store_path, "conflicts", subject="Baghouz") == []
    assert rows(store_path, "conflicts", relation="agree") == []  # agreeing pairs are never listed


def test_claims_by_outlet(store_path):
    found = rows(store_path, "claims-by-outlet", outlet="KORANNEWS.COM")
    assert column(found, "claim") == ["c-000-a", "c-000-b", "c-000-d", "c-000-e", "c-000-g", "c-000-title"]
    assert {r["outletName"] for r in found} == {"korannews.com"}
    assert found[0]["headline"].startswith("Alert! 500 Militan") and found[0]["subject"] == "ISIS"
    assert found[0]["via"] == "AFP" and found[3]["speaker"] == "laporan PBB"
    assert column(rows(store_path, "claims-by-outlet", outlet="mata angin"), "claim") == ["c-002-a", "c-002-b", "c-002-d"]
    assert rows(store_path, "claims-by-outlet", outlet="antaranews.com") == []  # its article has no claim


def test_relay_chains(store_path):
    found = rows(store_path, "relay-chains", subject="ISIS")
    assert [(r.get("speaker"), r["agencyName"], r.get("position"), r["relayedAt"], r["claim"]) for r in found] == [
        ("Qais al-Mohamadawi", "AFP", "1", "claim", "c-000-a"),
        ("Qais al-Mohamadawi", "AFP", "1", "claim", "c-000-b"),
        ("Qais al-Mohamadawi", "AFP", "1", "claim", "c-000-d"),
        ("laporan PBB", "AFP", "1", "claim", "c-000-e"),
        ("Michael Kurilla", "AFP", "1", "article", "c-000-g"),
        ("Qais al-Mohamadawi", "AFP", "1", "article", "c-000-title"),
        ("juru bicara SDF", "BBC", "1", "article", "c-002-a"),
        ("Mata Angin", "BBC", "1", "article", "c-002-b"),
        ("pejabat AS", "BBC", "1", "article", "c-002-d"),
        ("Said Mamouzini", "IRNA", "2", "claim", "c-001-d"),
        ("Mustafa Bali", "Reuters", "1", "article", "c-003-c"),
        ("SDF", "Reuters", "1", "article", "c-003-f"),
        ("Badan Keamanan Nasional Irak", "al-Sumaria News", "1", "claim", "c-001-a"),
    ]
    assert {r["doc"] for r in found} == {DOC0, DOC1, DOC2, DOC3}
    irna = rows(store_path, "relay-chains", subject="isis", agency="irna")
    assert [(r["speaker"], r["outlet"], r["claim"]) for r in irna] == [("Said Mamouzini", "LiputanIslam.com", "c-001-d")]
    assert column(rows(store_path, "relay-chains", subject="isis", agency="Agence France-Presse"), "claim") == \
        ["c-000-a", "c-000-b", "c-000-d", "c-000-e", "c-000-g", "c-000-title"]


def test_seed_build_rows_the_gold_requires(seed_build):
    """On a real `kg build seeds/`: the ISIS strength figures of shared/gold/seeds.yaml, by speaker."""
    found = rows(seed_build / "store", "who-said-what", subject="ISIS")
    speakers: dict[tuple[str, str], set[str]] = {}
    for r in found:
        speakers.setdefault((r["low"], r["high"]), set()).add(r.get("speaker", ""))
    expected = {  # gold 000-a, 000-b, 000-e, 002-d, 000-d, 001-a, 003-c: (low, high) -> a speaker it accepts
        ("500", "500"): "Mohamadawi", ("400", "500"): "Mohamadawi", ("5000", "7000"): "PBB",
        ("15000", "20000"): "pejabat AS", ("22", "22"): "Mohamadawi", ("75", "75"): "Badan Keamanan Nasional",
        ("157", "157"): "Bali"}
    for interval, speaker in expected.items():
        assert any(speaker in name for name in speakers.get(interval, ())), (interval, speakers.get(interval))
    strength = rows(seed_build / "store", "conflicts", subject="ISIS")
    pairs = {frozenset((r["figureA"], r["figureB"])) for r in strength}
    assert frozenset(("5.000 hingga 7.000", "15 ribu hingga 20 ribu")) in pairs  # gold: 000-e vs 002-d differ
    assert frozenset(("400-500", "5.000 hingga 7.000")) in pairs  # gold: 000-b vs 000-e differ
    relays = rows(seed_build / "store", "relay-chains", subject="ISIS", agency="AFP")
    assert {r["outlet"] for r in relays} == {"korannews.com"}


# ---------------------------------------------------------------- parameters, forms, prefixes

@pytest.mark.parametrize("text, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("  # a comment { INSERT\nPREFIX ex: <http://e/#x>\nprefix : <http://e/>\nask { ?s ?p ?o }", "ASK"),
    ("BASE <http://e/> CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("DESCRIBE <http://e/a>", "DESCRIBE"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT"),
    ("PREFIX x: <urn:x#> delete where { ?s ?p ?o }", "DELETE"),
    ("DROP ALL", "DROP"), ("CLEAR GRAPH <urn:g>", "CLEAR"), ("LOAD <http://e/x.ttl>", "LOAD"),
    ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
])
def test_query_forms(text, form):
    assert query_form(text) == form
    assert is_update(text) == (form not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"))


def test_parameters_are_bound_as_escaped_literals():
    hostile = '"} ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> "z" } #\n\\ \'x\' <urn:i>'
    query = bind_params("SELECT ?got WHERE { BIND(?subject AS ?got) }", {"subject": hostile})
    result = list(ox.Store().query(query))
    assert [r["got"].value for r in result] == [hostile]
    lowered = list(ox.Store().query(bind_params("SELECT ?s WHERE { BIND(?subject_lc AS ?s) }", {"subject": "ISIS"})))
    assert lowered[0]["s"].value == "isis"
    store = ox.Store()
    list(store.query(query))
    assert len(store) == 0  # nothing was written


def test_parameters_go_into_the_outer_where_group():
    text = ('# { a brace in a comment\nPREFIX ex: <http://e/x#>\n'
            'SELECT ("{" AS ?b) ?x WHERE { { SELECT ?x WHERE { VALUES ?x { 1 } } } FILTER(?x = 1 || BOUND(?p)) }')
    bound = bind_params(text, {"p": "v"})
    at = bound.index("VALUES (?p ?p_lc)")
    assert bound.index("WHERE {") < at < bound.index("{ SELECT ?x")
    assert list(ox.Store().query(bound))[0]["b"].value == "{"
    construct = bind_params("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": "x"})
    assert construct.index("VALUES") > construct.index("WHERE")
    with pytest.raises(KgError, match="full form"):
        bind_params("CONSTRUCT WHERE { ?s ?p ?o }", {"o": "x"})
    with pytest.raises(KgError, match="variable name"):
        bind_params("SELECT * WHERE { }", {"a b": "x"})


def test_common_prefixes_are_declared_when_used():
    text = with_prefixes("SELECT * WHERE { ?c a schema:Claim ; kg:asserts ?o }")
    assert "PREFIX schema: <https://schema.org/>" in text and "PREFIX kg: <https://w3id.org/kg/ns#>" in text
    assert "PREFIX oa:" not in text
    own = "PREFIX schema: <http://schema.org/>\nSELECT * WHERE { ?c a schema:Claim }"
    assert with_prefixes(own) == own


def test_resolve_query_errors(tmp_path):
    with pytest.raises(KgError, match="exactly one query"):
        resolve_query()
    with pytest.raises(KgError, match="exactly one query"):
        resolve_query("SELECT * {}", named="timeline")
    with pytest.raises(KgError, match="missing parameter subject"):
        resolve_query(named="timeline")
    with pytest.raises(KgError, match="unknown parameter outlet"):
        resolve_query(named="timeline", params={"subject": "ISIS", "outlet": "x"})
    with pytest.raises(KgError, match="known: .*claims-about-subject"):
        resolve_query(named="no-such-query")
    with pytest.raises(KgError, match="cannot read query file"):
        resolve_query(file=tmp_path / "missing.rq")


def test_updates_need_the_update_flag(store_path, tmp_path):
    with pytest.raises(KgError, match="--update"):
        run_query(store_path, "DROP ALL")
    assert rows(store_path, "claims-about-subject", subject="ISIS")  # untouched
    copy = tmp_path / "copy"
    shutil.copytree(store_path, copy)
    run_query(copy, "DROP GRAPH kgg:comparisons".replace("kgg:", "<https://w3id.org/kg/graph/") + ">",
              update=True)
    assert rows(copy, "conflicts") == []


# ---------------------------------------------------------------- formats

SMALL = """SELECT ?name ?n ?missing WHERE {
  VALUES (?name ?n) { ("a, \\"b\\"" 1) (<https://schema.org/Claim> UNDEF) } }"""


def test_formats():
    def run(fmt: str) -> str:
        return format_result(ox.Store().query(SMALL), fmt)

    table = run("table").splitlines()
    assert table[0].split() == ["name", "n", "missing"] and set(table[1]) == {"-", " "}
    assert table[2].split()[:2] == ['a,', '"b"'] and table[3].strip() == "schema:Claim"
    assert list(csv.reader(io.StringIO(run("csv")))) == [["name", "n", "missing"], ['a, "b"', "1", ""],
                                                         ["https://schema.org/Claim", "", ""]]
    assert run("tsv").splitlines() == ["?name\t?n\t?missing", '"a, \\"b\\""\t"1"^^<http://www.w3.org/2001/XMLSchema#integer>\t',
                                       "<https://schema.org/Claim>\t\t"]
    data = json.loads(run("json"))
    assert data["head"]["vars"] == ["name", "n", "missing"]
    assert data["results"]["bindings"][0] == {
        "name": {"type": "literal", "value": 'a, "b"'},
        "n": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
    assert data["results"]["bindings"][1] == {"name": {"type": "uri", "value": "https://schema.org/Claim"}}
    assert format_result(ox.Store().query("ASK {}"), "table") == "true\n"
    assert json.loads(format_result(ox.Store().query("ASK { ?s ?p ?o }"), "json")) == {"head": {}, "boolean": False}
    with pytest.raises(KgError, match="unknown format"):
        format_result(ox.Store().query("ASK {}"), "xml")


def test_graph_results_as_rows(store_path):
    text = run_query(store_path, with_prefixes(
        "CONSTRUCT { ?c kg:figureText ?f } WHERE { ?c kg:figureText ?f FILTER(?f = \"400-500\") }"), fmt="csv")
    assert text.splitlines() == ["subject,predicate,object",
                                 "https://w3id.org/kg/id/claim/c-000-b,https://w3id.org/kg/ns#figureText,400-500"]


# ---------------------------------------------------------------- CLI

def test_cli_named_query_csv(store_path):
    result = CliRunner().invoke(main, ["query", "--store", str(store_path), "--named", "claims-about-subject",
                                       "--param", "subject=Daesh", "--format", "csv"])
    assert result.exit_code == 0, result.output
    found = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["claim"] for r in found] == ISIS_CLAIMS


def test_cli_sparql_text_and_file(store_path, tmp_path):
    text = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a schema:Claim }"
    result = CliRunner().invoke(main, ["query", "--store", str(store_path), "--format", "tsv", text])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith('"14"')
    (tmp_path / "q.rq").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["query", "--store", str(store_path), "--file", str(tmp_path / "q.rq"),
                                       "--format", "json"])
    assert json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "14"


def test_cli_errors(store_path):
    runner = CliRunner()
    refused = runner.invoke(main, ["query", "--store", str(store_path), "DELETE WHERE { ?s ?p ?o }"])
    assert refused.exit_code == 1 and "Error: this is a SPARQL update (DELETE)" in refused.output
    assert "--update" in refused.output
    bad = runner.invoke(main, ["query", "--store", str(store_path), "--named", "timeline", "--param", "subject"])
    assert bad.exit_code == 1 and "NAME=VALUE" in bad.output
    syntax = runner.invoke(main, ["query", "--store", str(store_path), "SELECT WHERE {"])
    assert syntax.exit_code == 1 and "SPARQL syntax error" in syntax.output
    listing = runner.invoke(main, ["query", "--list"])
    assert listing.exit_code == 0 and all(name in listing.output for name in NAMED)


def test_cli_export(store_path, tmp_path):
    out = tmp_path / "kg.nt"
    result = CliRunner().invoke(main, ["export", "--store", str(store_path), "--format", "nt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines)) and any("c-000-a" in line for line in lines)
    stdout = CliRunner().invoke(main, ["export", "--store", str(store_path), "--format", "trig"])
    assert stdout.exit_code == 0 and "GRAPH" not in stdout.stdout[:10] and "kgg:comparisons" in stdout.stdout
