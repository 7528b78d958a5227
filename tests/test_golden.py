"""Golden files: the claims extracted from each seed article, field by field.

After a deliberate change of extraction, review the difference and rewrite them with
`KG_UPDATE_GOLDEN=1 pytest tests/test_golden.py`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kg.claims import extract_claims
from kg.entities import load_entities
from kg.ingest import read_inputs
from tests.conftest import SEEDS

GOLDEN = Path(__file__).parent / "golden"
FIELDS = ("figure", "span", "low", "high", "qualifier", "unit", "speaker", "said_on", "subject",
          "measure", "place", "is_event", "is_part", "event_on", "via", "same_as")


def _rows(path: Path) -> list[dict]:
    from kg.outputs import claim_json

    entities = load_entities()
    docs, errors = read_inputs([path], entities)
    assert not errors
    return [{k: claim_json(c)[k] for k in FIELDS} for c in extract_claims(docs[0], entities)]


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_matches_golden(seed):
    rows = _rows(SEEDS / seed)
    golden = GOLDEN / f"{Path(seed).stem}.json"
    if os.environ.get("KG_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert rows == expected
