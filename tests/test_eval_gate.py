"""The evaluation gate: the seed score may not fall below the recorded one."""
from __future__ import annotations

import json
from pathlib import Path

from kg.evaluate import evaluate, load_gold, load_predictions
from tests.conftest import GOLD, SEEDS

RECORD = Path(__file__).parent / "golden" / "seed_score.json"


def _ratio(v):
    if isinstance(v, str):
        right, total = v.split("/")
        return int(right) / int(total)
    return v


def test_seed_score_does_not_fall(seed_build):
    score = evaluate(load_gold([GOLD]), SEEDS, load_predictions(seed_build / "claims.json")).summary()
    floor = json.loads(RECORD.read_text(encoding="utf-8"))
    lower = {k: (score[k], v) for k, v in floor.items() if v is not None and _ratio(score[k]) < _ratio(v)}
    assert not lower, f"seed score fell (now, recorded): {lower}"
