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


DEV_RECORD = Path(__file__).parent / "golden" / "dev_scores.json"
DEV_SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35", "dev36")


def dev_scores() -> dict[str, dict]:
    """The score of each development set (tests/data/<set>, gold tests/gold/<set>.yaml)."""
    from kg.outputs import claims_json
    from kg.pipeline import analyse

    here = Path(__file__).parent
    out = {}
    for name in DEV_SETS:
        pred = json.loads(claims_json(analyse([here / "data" / name])))
        out[name] = evaluate(load_gold([here / "gold" / f"{name}.yaml"]), here / "data" / name, pred).summary()
    return out


def test_dev_scores_do_not_fall():
    """The development sets' scores (extraction and comparisons) may not fall below the recorded
    ones; regenerate the record with KG_UPDATE_GOLDEN=1 after an improvement."""
    import os

    scores = dev_scores()
    if os.environ.get("KG_UPDATE_GOLDEN"):
        DEV_RECORD.write_text(json.dumps(scores, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    floor = json.loads(DEV_RECORD.read_text(encoding="utf-8"))
    lower = {(name, k): (scores[name][k], v) for name, record in floor.items() for k, v in record.items()
             if v is not None and _ratio(scores[name][k]) < _ratio(v)}
    assert not lower, f"dev scores fell (now, recorded): {lower}"
