"""Where the graph lives: in memory while built, then an embedded on-disk Oxigraph store
(default) or a SPARQL 1.1 endpoint; and its serialisations.

A built graph is an rdflib Dataset over an in-memory pyoxigraph store (OxDataset), so it
is saved and serialised by pyoxigraph without passing through rdflib's Python code. Stores
are written in bulk, never a triple at a time: the embedded store through pyoxigraph's bulk
loader, a remote endpoint through SPARQL Update requests of at most `batch_size` triples
(`DROP SILENT GRAPH` + `INSERT DATA` per named graph). Both answer `.query()` with
pyoxigraph result objects, so `kg query` formats them the same way.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.vocab import GRAPH, TURTLE_PREFIXES

DEFAULT_BATCH = 2000  # triples per SPARQL Update request
TIMEOUT_S = 120
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
RDFLIB_DEFAULT_GRAPH = "urn:x-rdflib:default"
EXPORT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


class OxDataset(Dataset):
    """An rdflib Dataset over an in-memory pyoxigraph store (`.oxigraph`), read by save/to_turtle.

    Through rdflib, plain literals read back typed xsd:string (the same RDF term, but rdflib
    compares the two unequal); serialisations write them plain.
    """

    def __init__(self, store: ox.Store | None = None):
        self.oxigraph = store if store is not None else ox.Store()
        super().__init__(store=OxigraphStore(store=self.oxigraph))


def ox_term(term: Node) -> ox.NamedNode | ox.Literal:
    """The pyoxigraph term of an rdflib IRI or literal (blank nodes are refused)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    raise ValueError(f"unsupported RDF term {term!r}: kg graphs use IRIs and literals only")


def oxigraph_store(dataset: Dataset) -> ox.Store:
    """The pyoxigraph store holding `dataset`: its own for an OxDataset, else a converted copy."""
    if isinstance(dataset, OxDataset):
        return dataset.oxigraph
    store = ox.Store()
    default = ox.DefaultGraph()
    store.bulk_extend(
        ox.Quad(ox_term(s), ox_term(p), ox_term(o),
                default if g is None or str(g) == RDFLIB_DEFAULT_GRAPH else ox_term(g))
        for s, p, o, g in dataset.quads((None, None, None, None)))
    return store


def union_ntriples(store: ox.Store) -> list[str]:
    """Every distinct triple of every graph of `store` as sorted N-Triples lines.

    Sorting the lines groups each subject's triples and makes the output the same on every
    run (pyoxigraph iterates an in-memory store in no fixed order).
    """
    lines: set[str] = set()
    for graph in [ox.DefaultGraph(), *store.named_graphs()]:
        lines.update(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8").splitlines())
    return sorted(lines)


def union_serialize(store: ox.Store, rdf_format: ox.RdfFormat) -> bytes:
    """The union of all graphs of `store` in a triple format (Turtle, N-Triples, …), sorted."""
    lines = union_ntriples(store)
    if rdf_format == ox.RdfFormat.N_TRIPLES:
        return "".join(line + "\n" for line in lines).encode("utf-8")
    triples = (q.triple for q in ox.parse("\n".join(lines), format=ox.RdfFormat.N_TRIPLES))
    return ox.serialize(triples, format=rdf_format, prefixes=TURTLE_PREFIXES)


def is_remote(target: str | Path) -> bool:
    """True when `target` names a SPARQL endpoint (http:// or https://) rather than a folder."""
    return str(target).startswith(("http://", "https://"))


class EmbeddedStore:
    """An Oxigraph store folder; read-only unless opened writable (one writer per folder)."""

    def __init__(self, path: str | Path, writable: bool = False):
        self.path = Path(path)
        try:
            if writable:
                self._store = ox.Store(str(self.path))
            elif self.path.is_dir() and any(self.path.iterdir()):
                # A read-only opener leaves the folder to a writer; reading while another process
                # writes is undefined in pyoxigraph (seen: RocksDB "Corruption"), reported below.
                self._store = ox.Store.read_only(str(self.path))
            else:
                raise KgError(f"no graph store at {self.path}: run `kg build` first, or pass --store")
        except (OSError, RuntimeError) as exc:  # pyoxigraph raises both for lock and I/O trouble
            raise KgError(f"cannot open the store {self.path} ({exc}); another kg process may be "
                          "writing it: wait for it to finish, or use a copy of the folder") from exc

    def query(self, sparql: str):
        """Run a SPARQL query; the default graph is the union of all graphs."""
        try:
            return self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise KgError(f"SPARQL syntax error: {exc}") from exc
        except (OSError, RuntimeError) as exc:
            raise KgError(f"query on {self.path} failed: {exc}") from exc

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (the store must be opened writable)."""
        try:
            self._store.update(sparql)
        except SyntaxError as exc:
            raise KgError(f"SPARQL update syntax error: {exc}") from exc
        except (OSError, RuntimeError) as exc:
            raise KgError(f"update on {self.path} failed ({exc}); updates need a store "
                          "opened for writing (kg query --update)") from exc

    @property
    def raw(self) -> ox.Store:
        """The pyoxigraph store itself, for bulk reads."""
        return self._store

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store, named graphs and default graph."""
        return iter(self._store.quads_for_pattern(None, None, None, None))

    def replace(self, quads: Iterable[ox.Quad], graphs: Iterable[ox.NamedNode], replace_all: bool) -> None:
        """Drop the given graphs (or everything) and bulk-load `quads`."""
        if replace_all:
            self._store.clear()
        else:
            for graph in graphs:
                self._store.remove_graph(graph)
        self._store.bulk_extend(quads)
        self._store.flush()

    def close(self) -> None:
        """Release the folder (pyoxigraph closes the store when the object is dropped)."""
        self._store = None

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def endpoints(url: str) -> tuple[str, str]:
    """Query and update URLs of a SPARQL endpoint.

    `…/query` -> `…/update` beside it; `…/sparql` -> the same URL for both (Virtuoso,
    GraphDB-style); anything else is a server or dataset root (Oxigraph, Fuseki):
    `URL/query` and `URL/update`.
    """
    base = url.rstrip("/")
    if base.endswith("/query"):
        return base, base[: -len("query")] + "update"
    if base.endswith("/sparql"):
        return base, base
    return base + "/query", base + "/update"


class RemoteStore:
    """A SPARQL 1.1 endpoint reached over HTTP (stdlib urllib, no extra dependency)."""

    def __init__(self, url: str, timeout: float = TIMEOUT_S):
        self.url = url
        self.query_url, self.update_url = endpoints(url)
        self.timeout = timeout
        self.requests = 0  # HTTP requests sent, for batching checks

    def _post(self, url: str, body: bytes, content_type: str, accept: str | None = None) -> tuple[bytes, str]:
        headers = {"Content-Type": content_type, **({"Accept": accept} if accept else {})}
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                return resp.read(), resp.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip()[:500]
            raise KgError(f"SPARQL endpoint {url} answered HTTP {exc.code}: {detail or exc.reason}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise KgError(f"cannot reach the SPARQL endpoint {url} ({reason}); is the server running "
                          "and the URL right?") from exc

    def query(self, sparql: str):
        """Run a SPARQL query; results come back as pyoxigraph objects."""
        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        accept = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
        data, ctype = self._post(self.query_url, body, "application/x-www-form-urlencoded", accept)
        try:
            if ctype in _RESULT_TYPES:
                return ox.parse_query_results(data, format=_RESULT_TYPES[ctype])
            rdf_format = ox.RdfFormat.from_media_type(ctype)
            if rdf_format is None:
                raise KgError(f"{self.query_url} answered with unexpected content type {ctype}")
            return [quad.triple for quad in ox.parse(data, format=rdf_format)]
        except (SyntaxError, ValueError) as exc:
            raise KgError(f"cannot read the answer of {self.query_url} ({exc})") from exc

    def update(self, sparql: str) -> None:
        """Run a SPARQL update."""
        self._post(self.update_url, sparql.encode("utf-8"), "application/sparql-update")

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs the endpoint holds."""
        return [sol["g"].value for sol in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")]

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the endpoint's named graphs."""
        for sol in self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield ox.Quad(sol["s"], sol["p"], sol["o"], sol["g"])

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(target: str | Path, writable: bool = False) -> EmbeddedStore | RemoteStore:
    """The store at `target`: a folder (embedded Oxigraph) or an http(s) SPARQL endpoint URL."""
    return RemoteStore(str(target)) if is_remote(target) else EmbeddedStore(target, writable=writable)


def update_requests(graphs: dict[str, list[str]], drop: Iterable[str], batch_size: int) -> Iterator[str]:
    """SPARQL Update requests replacing each graph by its N-Triples lines, ≤ batch_size triples each."""
    ops: list[str] = [f"DROP SILENT GRAPH <{g}>" for g in drop]
    size = 0
    for graph, lines in graphs.items():
        ops.append(f"DROP SILENT GRAPH <{graph}>")  # with the graph's first chunk: replaced atomically
        start = 0
        while start < len(lines):
            if size >= batch_size:
                yield " ;\n".join(ops)
                ops, size = [], 0
            chunk = lines[start:start + batch_size - size]
            ops.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(chunk) + "\n} }")
            size += len(chunk)
            start += len(chunk)
    if ops:
        yield " ;\n".join(ops)


def _save_remote(source: ox.Store, url: str, replace_all: bool, batch_size: int) -> RemoteStore:
    if next(iter(source.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        raise KgError("the dataset has triples outside a named graph; kg writes named graphs only")
    lines = {g.value: source.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode("utf-8").splitlines()
             for g in source.named_graphs()}
    store = RemoteStore(url)
    # Only graphs under kg's own namespace are ever dropped: the endpoint may hold other data.
    stale = [g for g in store.named_graphs() if g.startswith(str(GRAPH)) and g not in lines] if replace_all else []
    for request in update_requests(lines, stale, batch_size):
        store.update(request)
    return store


def save(dataset: Dataset, target: str | Path, replace_all: bool = True,
         batch_size: int = DEFAULT_BATCH) -> None:
    """Write `dataset` to a store folder or a SPARQL endpoint, replacing the graphs it holds.

    replace_all=True leaves the store holding exactly this dataset's graphs (a folder is
    cleared; on an endpoint, every other graph under https://w3id.org/kg/graph/ is dropped);
    False replaces only the graphs present in `dataset` (re-reading some documents).
    """
    source = oxigraph_store(dataset)
    if is_remote(target):
        _save_remote(source, str(target), replace_all, batch_size)
        return
    Path(target).mkdir(parents=True, exist_ok=True)
    with EmbeddedStore(target, writable=True) as store:
        store.replace(source.quads_for_pattern(None, None, None, None), list(source.named_graphs()), replace_all)


def export(target: str | Path, fmt: str) -> bytes:
    """The store's content: Turtle / N-Triples as the union of all graphs, TriG / N-Quads / JSON-LD by graph."""
    if fmt not in EXPORT_FORMATS:
        raise KgError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    rdf_format = EXPORT_FORMATS[fmt]
    with open_store(target) as store:
        if isinstance(store, EmbeddedStore):
            source = store.raw
        else:
            source = ox.Store()
            source.bulk_extend(store.quads())
        if rdf_format.supports_datasets:
            return source.dump(format=rdf_format, prefixes=TURTLE_PREFIXES)
        return union_serialize(source, rdf_format)
