"""Extraction throughput: MB of article text per second on one core (target >= 1 MB/s).

    python tests/benchmarks/bench_extract.py [--mb 4]

Builds a corpus from copies of the seed articles, then times cleaning, sentences, figures, speakers, dates and subjects: kg.claims.extract_claims
on every document, after ingest. The per-sentence memos are emptied after each document, so a
copy never reuses the work done on another. Prints MB/s and claims per second.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from kg.attribution import find_relays, find_speakers
from kg.claims import extract_claims
from kg.dates import date_matches, find_date_mentions
from kg.entities import load_entities
from kg.ingest import make_document
from kg.sentences import split_sentences
from kg.speaker_names import same_speaker
from kg.subjects import saying_spans, event_date_positions

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def main() -> None:
    """Time extraction over a corpus of about --mb megabytes."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=4.0, help="corpus size in MB of UTF-8 text")
    args = ap.parse_args()
    entities = load_entities()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    corpus, size, i = [], 0, 0
    while size < args.mb * 1e6:
        # A number in the first line keeps every copy distinct for any cache keyed on text.
        text = f"Salinan {i}\n\n" + texts[i % len(texts)]
        corpus.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    start = time.perf_counter()
    claims = 0
    for n, text in enumerate(corpus):
        doc = make_document(f"doc{n}.txt", f"doc{n}.txt", text, {"language": "id"}, entities)
        claims += len(extract_claims(doc, entities))
        # The copies repeat sentences; forget them so that no document profits from another's work.
        for cached in (find_date_mentions, date_matches, same_speaker, find_speakers, find_relays, split_sentences, event_date_positions, saying_spans):
            cached.cache_clear()
        entities._found.clear()
    elapsed = time.perf_counter() - start
    print(f"{len(corpus)} documents, {size / 1e6:.2f} MB, {claims} claims in {elapsed:.2f} s: "
          f"{size / 1e6 / elapsed:.2f} MB/s, {claims / elapsed:.0f} claims/s (one core)")


if __name__ == "__main__":
    main()
