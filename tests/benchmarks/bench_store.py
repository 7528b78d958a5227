"""Time the RDF store: bulk load of ~1 million generated triples, and each named query on 10,000 articles.

Usage: python tests/benchmarks/bench_store.py [ARTICLES_FOR_1M] [ARTICLES_FOR_QUERIES]

Targets: the load of 1 million triples into the embedded store in 30 s or less; each named
query (with its usual parameter) in 100 ms or less on a graph of 10,000 articles. The
articles come from tests/rdf_fixtures.synthetic_result: 4 claims each, 400 subjects, 100
outlets, 6 agencies, comparisons within (subject, measure).
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.entities import load_entities  # noqa: E402
from kg.query import resolve_query  # noqa: E402
from kg.rdf import build_dataset  # noqa: E402
from kg.store import open_store, save  # noqa: E402
from rdf_fixtures import synthetic_result  # noqa: E402

QUERIES = [  # name, parameters: each with the parameter a fact-checker would give
    ("claims-about-subject", {"subject": "Hamas"}),
    ("who-said-what", {"subject": "hamas"}),
    ("timeline", {"subject": "Group 17"}),
    ("conflicts", {"subject": "Taliban"}),
    ("claims-by-outlet", {"outlet": "outlet7.example"}),
    ("relay-chains", {"subject": "Group 3"}),
    ("relay-chains", {"subject": "Group 3", "agency": "AFP"}),
]
RUNS = 5


def timed(label: str, func):
    """Run `func`, print how long it took, return its value and the seconds."""
    start = time.perf_counter()
    value = func()
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:8.2f} s", flush=True)
    return value, seconds


def bench_load(articles: int, folder: Path) -> None:
    """Build ~1M triples and bulk-load them into a fresh embedded store."""
    print(f"load: {articles} generated articles", flush=True)
    entities = load_entities()
    result, _ = timed("generate claims", lambda: synthetic_result(articles))
    dataset, _ = timed("build_dataset (in-memory pyoxigraph)", lambda: build_dataset(result, entities))
    quads = len(dataset.oxigraph)
    _, seconds = timed(f"save {quads:,} quads to the embedded store", lambda: save(dataset, folder))
    print(f"  => {quads / seconds:,.0f} quads/s; target <= 30 s for 1,000,000: "
          f"{'OK' if seconds * 1_000_000 / quads <= 30 else 'SLOW'}")


def bench_queries(articles: int, folder: Path) -> None:
    """Time every named query on a store of `articles` generated articles."""
    print(f"queries: {articles} generated articles", flush=True)
    entities = load_entities()
    result, _ = timed("generate claims", lambda: synthetic_result(articles))
    print(f"  {len(result.claims):,} claims, {len(result.comparisons):,} comparisons")
    dataset, _ = timed("build_dataset", lambda: build_dataset(result, entities))
    timed(f"save {len(dataset.oxigraph):,} quads", lambda: save(dataset, folder))
    del dataset
    with open_store(folder) as store:
        for name, params in [*QUERIES, ("conflicts", {})]:
            query = resolve_query(named=name, params=params)
            times, count = [], 0
            for _ in range(RUNS if params else 1):
                start = time.perf_counter()
                count = sum(1 for _ in store.query(query))
                times.append(time.perf_counter() - start)
            median = statistics.median(times) * 1000
            verdict = ("OK" if median <= 100 else "SLOW") if params else "(listing everything; no target)"
            shown = ", ".join(f"{k}={v}" for k, v in params.items()) or "no parameter"
            print(f"  {name:<22} {shown:<32} {count:6,} rows  median {median:8.1f} ms  "
                  f"max {max(times) * 1000:8.1f} ms  {verdict}", flush=True)


def main(argv: list[str]) -> None:
    """Run both benchmarks in temporary folders."""
    load_articles = int(argv[0]) if argv else 4000
    query_articles = int(argv[1]) if len(argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        bench_load(load_articles, Path(tmp) / "load")
        bench_queries(query_articles, Path(tmp) / "queries")


if __name__ == "__main__":
    main(sys.argv[1:])
