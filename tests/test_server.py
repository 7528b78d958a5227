"""A remote SPARQL 1.1 endpoint: a real Oxigraph server, written in batches, queried by name."""
from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.entities import load_entities
from kg.errors import KgError
from kg.model import BuildResult
from kg.query import named_queries, resolve_query
from kg.rdf import build_dataset, doc_graph_iri
from kg.store import RemoteStore, export, open_store, save
from rdf_fixtures import DOC0, DOC1, changed_doc0, plain_graph, seed_result

pytestmark = pytest.mark.server

PARAMS = {"claims-about-subject": {"subject": "ISIS"}, "who-said-what": {"subject": "isis"},
          "timeline": {"subject": "Daesh"}, "conflicts": {}, "claims-by-outlet": {"outlet": "korannews.com"},
          "relay-chains": {"subject": "ISIS"}}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The URL of an Oxigraph server on a free port, stopped when the module's tests end."""
    if shutil.which("oxigraph") is None:
        pytest.fail("the `oxigraph` server binary is missing: pip install oxigraph")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen(["oxigraph", "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        # The server says when it listens; an exit (busy port, locked folder) ends the stream.
        for line in proc.stderr:
            if "Listening" in line:
                break
        for _ in range(100):  # then wait until a query is answered, or the process dies
            if _answers(url):
                break
            try:
                proc.wait(timeout=0.05)
                pytest.fail(f"oxigraph serve exited with {proc.returncode}")
            except subprocess.TimeoutExpired:
                pass
        else:
            pytest.fail(f"oxigraph serve at {url} never answered ASK {{}}")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def entities():
    return load_entities()


@pytest.fixture(scope="module")
def local(tmp_path_factory, entities):
    """The same seed fixture in an embedded store, to compare answers with."""
    path = tmp_path_factory.mktemp("local") / "store"
    save(build_dataset(seed_result(), entities), path)
    return path


def rows(target, name: str) -> list[dict[str, str]]:
    with open_store(target) as store:
        result = store.query(resolve_query(named=name, params=PARAMS[name]))
        names = [v.value for v in result.variables]
        return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]


def test_save_in_batches_then_named_queries_match_the_embedded_store(server, local, entities, monkeypatch):
    sent: list[str] = []
    original = RemoteStore.update

    def spy(self, sparql):
        sent.append(sparql)
        original(self, sparql)

    monkeypatch.setattr(RemoteStore, "update", spy)
    dataset = build_dataset(seed_result(), entities)
    save(dataset, server, batch_size=200)
    triples = [len(re.findall(r" \.$", s, re.MULTILINE)) for s in sent]
    total = sum(1 for _ in dataset.quads((None, None, None, None)))
    assert sum(triples) == total
    assert max(triples) <= 200 and len(sent) == -(-total // 200)  # full batches, never a triple each
    with open_store(server) as store:
        graphs = set(store.named_graphs())
    assert graphs == {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert set(PARAMS) == set(named_queries())
    for name in PARAMS:
        assert rows(server, name) == rows(local, name), name
        assert rows(server, name), name


def test_resaving_replaces_graphs_and_keeps_foreign_data(server, entities):
    save(build_dataset(seed_result(), entities), server)
    with open_store(server) as store:
        store.update('INSERT DATA { GRAPH <urn:team:notes> { <urn:a> <urn:b> "kept" } }')
    changed = changed_doc0(seed_result())
    without_doc1 = BuildResult(tuple(d for d in changed.documents if d.doc != DOC1),
                               tuple(c for c in changed.claims if c.doc != DOC1), changed.comparisons)
    save(build_dataset(without_doc1, entities), server)
    with open_store(server) as store:
        graphs = set(store.named_graphs())
        ids = {sol["id"].value for sol in store.query(
            "SELECT ?id WHERE { GRAPH ?g { ?c a <https://schema.org/Claim> ; <https://schema.org/identifier> ?id } }")}
    assert str(doc_graph_iri(DOC1)) not in graphs and str(doc_graph_iri(DOC0)) in graphs
    assert "urn:team:notes" in graphs  # not kg's: never dropped
    assert "c-000-g" not in ids and "c-001-a" not in ids and "c-000-a" in ids


def test_export_from_the_endpoint(server, entities):
    dataset = build_dataset(seed_result(), entities)
    save(dataset, server)
    with open_store(server) as store:
        store.update("DROP SILENT GRAPH <urn:team:notes>")
    exported = Graph().parse(data=export(server, "turtle").decode(), format="turtle")
    assert isomorphic(exported, plain_graph(dataset))


def test_cli_against_the_endpoint(server, entities):
    save(build_dataset(seed_result(), entities), server)
    runner = CliRunner()
    result = runner.invoke(main, ["query", "--store", server, "--named", "conflicts", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["results"]["bindings"]) == 5
    refused = runner.invoke(main, ["query", "--store", server, "DROP ALL"])
    assert refused.exit_code == 1 and "--update" in refused.output
    done = runner.invoke(main, ["query", "--store", server, "--update",
                                'INSERT DATA { GRAPH <urn:scratch> { <urn:a> <urn:b> "c" } }'])
    assert done.exit_code == 0, done.output
    asked = runner.invoke(main, ["query", "--store", server, "ASK { GRAPH <urn:scratch> { ?s ?p \"c\" } }"])
    assert asked.stdout == "true\n"


def test_endpoint_errors_are_reported(server):
    with pytest.raises(KgError, match="HTTP 400"):
        RemoteStore(server).query("SELEC nonsense")
