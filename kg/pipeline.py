"""The one place where the stage order is written: ingest, extract, compare, write."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from kg.claims import extract_claims
from kg.compare import compare_claims
from kg.entities import Entities, load_entities
from kg.ingest import read_inputs
from kg.model import BuildResult


def analyse(inputs: Sequence[Path], entities: Entities | None = None) -> BuildResult:
    """Read the inputs, extract their claims and compare them; nothing is written."""
    entities = entities or load_entities()
    documents, errors = read_inputs(inputs, entities)
    claims = [claim for doc in documents for claim in extract_claims(doc, entities)]
    comparisons = compare_claims(claims, entities, documents)
    return BuildResult(tuple(documents), tuple(claims), tuple(comparisons), tuple(errors))


def run_build(inputs: Sequence[Path], out_dir: Path, store: str | None = None,
              entity_files: Sequence[Path] = ()) -> BuildResult:
    """Analyse the inputs and write every output of `kg build` into `out_dir`."""
    from kg.outputs import write_outputs

    entities = load_entities(entity_files)
    result = analyse(inputs, entities)
    write_outputs(result, Path(out_dir), entities, store=store)
    return result
