"""The embedded Oxigraph store: bulk save, graph replacement, export, batching for endpoints."""
from __future__ import annotations

import re
import socket

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.entities import load_entities
from kg.errors import KgError
from kg.model import BuildResult
from kg.rdf import build_dataset, doc_graph_iri
from kg.store import EmbeddedStore, RemoteStore, endpoints, export, open_store, save, update_requests
from kg.vocab import COMPARISONS_GRAPH, PREFIXES
from rdf_fixtures import DOC0, DOC1, DOC4, changed_doc0, plain_graph, seed_result, synthetic_result

CLAIMS_IN = """PREFIX schema: <https://schema.org/>
SELECT ?id WHERE { GRAPH ?g { ?c a schema:Claim ; schema:identifier ?id } } ORDER BY ?id"""


@pytest.fixture(scope="module")
def entities():
    return load_entities()


@pytest.fixture()
def saved(tmp_path, entities):
    """A store folder holding the seed fixture."""
    path = tmp_path / "store"
    save(build_dataset(seed_result(), entities), path)
    return path


def claim_ids(path) -> list[str]:
    with open_store(path) as store:
        return [sol["id"].value for sol in store.query(CLAIMS_IN)]


def graph_names(path) -> set[str]:
    with open_store(path) as store:
        return {sol["g"].value for sol in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")}


def test_save_writes_every_graph(saved):
    result = seed_result()
    assert claim_ids(saved) == sorted(c.id for c in result.claims)
    assert graph_names(saved) == {str(doc_graph_iri(d.doc)) for d in result.documents} | {str(COMPARISONS_GRAPH)}


def test_the_default_graph_is_the_union_for_ad_hoc_queries(saved):
    with open_store(saved) as store:
        count = next(iter(store.query(
            "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <https://schema.org/Claim> }")))["n"]
    assert int(count.value) == len(seed_result().claims)


def test_full_save_leaves_exactly_this_builds_graphs(saved, entities):
    result = seed_result()
    without = BuildResult(tuple(d for d in result.documents if d.doc != DOC1),
                          tuple(c for c in result.claims if c.doc != DOC1), result.comparisons)
    save(build_dataset(without, entities), saved)
    assert str(doc_graph_iri(DOC1)) not in graph_names(saved)
    assert not [cid for cid in claim_ids(saved) if cid.startswith("c-001")]  # its claims are gone
    assert "c-000-a" in claim_ids(saved)


def test_rereading_a_changed_document_replaces_only_its_graph(saved, entities):
    changed = changed_doc0(seed_result())
    only_doc0 = BuildResult(tuple(d for d in changed.documents if d.doc == DOC0),
                            tuple(c for c in changed.claims if c.doc == DOC0), ())
    before = export(saved, "nquads")
    save(build_dataset(only_doc0, entities), saved, replace_all=False)
    ids = claim_ids(saved)
    assert "c-000-g" not in ids and "c-000-a" in ids and "c-001-a" in ids
    with open_store(saved) as store:
        titles = [s["t"].value for s in store.query(
            "SELECT ?t WHERE { GRAPH ?g { ?a <https://schema.org/headline> ?t } }")]
    assert "ISIS: 500 militan" in titles
    # the other documents' graphs and the comparisons are untouched, quad for quad
    def other_quads(nquads: bytes) -> set[str]:
        doc0 = str(doc_graph_iri(DOC0))
        return {line for line in nquads.decode().splitlines() if not line.endswith(f"<{doc0}> .")}
    assert other_quads(export(saved, "nquads")) == other_quads(before)


def test_export_formats(saved, entities):
    union = plain_graph(build_dataset(seed_result(), entities))
    assert isomorphic(Graph().parse(data=export(saved, "turtle").decode(), format="turtle"), union)
    nt = export(saved, "nt").decode().splitlines()
    assert len(nt) == len(set(nt)) == len(union) and nt == sorted(nt)
    trig = Dataset()
    trig.parse(data=export(saved, "trig").decode(), format="trig")
    names = {g.identifier for g in trig.graphs() if len(g)}
    assert doc_graph_iri(DOC4) in names and COMPARISONS_GRAPH in names
    jsonld = Dataset()
    jsonld.parse(data=export(saved, "jsonld").decode(), format="json-ld")
    assert {g.identifier for g in jsonld.graphs() if len(g)} == names
    with pytest.raises(KgError, match="unknown export format"):
        export(saved, "xml")


def test_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(KgError, match="run `kg build` first"):
        open_store(tmp_path / "nothing-here")


def test_one_writer_per_folder(saved):
    with EmbeddedStore(saved, writable=True):
        with pytest.raises(KgError, match="another kg process"):
            EmbeddedStore(saved, writable=True)
    with EmbeddedStore(saved, writable=True) as store:  # free again once the first is closed
        assert bool(store.query("ASK { ?s ?p ?o }"))


def test_read_only_store_refuses_updates(saved):
    with open_store(saved) as store:
        with pytest.raises(KgError, match="kg query --update"):
            store.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


def test_a_bigger_build_round_trips(tmp_path, entities):
    result = synthetic_result(200, claims_per_doc=4, n_subjects=20)
    save(build_dataset(result, entities), tmp_path / "s")
    assert len(claim_ids(tmp_path / "s")) == 800


# ---------------------------------------------------------------- SPARQL endpoints (no server)

def test_endpoint_urls():
    assert endpoints("http://h:7878") == ("http://h:7878/query", "http://h:7878/update")
    assert endpoints("http://h:3030/ds/") == ("http://h:3030/ds/query", "http://h:3030/ds/update")
    assert endpoints("http://h:3030/ds/query") == ("http://h:3030/ds/query", "http://h:3030/ds/update")
    assert endpoints("http://h:8890/sparql") == ("http://h:8890/sparql", "http://h:8890/sparql")


def _triples(request: str) -> int:
    return len(re.findall(r" \.$", request, re.MULTILINE))


def test_update_requests_are_batched_per_graph():
    graphs = {"urn:g1": [f"<urn:s{i}> <urn:p> \"{i}\" ." for i in range(5)],
              "urn:g2": [f"<urn:s{i}> <urn:p> <urn:o> ." for i in range(2500)]}
    requests = list(update_requests(graphs, ["urn:old"], batch_size=1000))
    assert [_triples(r) for r in requests] == [1000, 1000, 505]
    first = requests[0]
    assert first.index("DROP SILENT GRAPH <urn:old>") < first.index("DROP SILENT GRAPH <urn:g1>")
    assert first.index("DROP SILENT GRAPH <urn:g1>") < first.index("GRAPH <urn:g1> {")
    assert first.index("DROP SILENT GRAPH <urn:g2>") < first.index("GRAPH <urn:g2> {")
    assert all("DROP" not in r for r in requests[1:])
    # every request is valid SPARQL Update: run them on an empty in-memory store
    store = ox.Store()
    for request in requests:
        store.update(request)
    assert len(store) == 2505


def test_update_requests_keep_literals_intact():
    triples = [ox.Triple(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(v))
               for v in ('quote " and } brace', "line\nbreak", "back\\slash", "é 😀")]
    lines = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode().splitlines()
    store = ox.Store()
    for request in update_requests({"urn:g": lines}, [], batch_size=2):
        store.update(request)
    assert {q.object.value for q in store} == {t.object.value for t in triples}


def test_an_unreachable_endpoint_is_a_clear_error():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(KgError, match="cannot reach the SPARQL endpoint"):
        RemoteStore(f"http://127.0.0.1:{port}").query("ASK {}")


def test_prefixes_are_the_projects():
    assert PREFIXES["kg"] == "https://w3id.org/kg/ns#" and PREFIXES["schema"] == "https://schema.org/"
