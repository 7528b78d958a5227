"""Time kg.compare.compare_claims (and the clusters view) on 10k, 100k and 1M generated claims.

Usage: python tests/benchmarks/bench_compare.py [N ...]

Claims are generated cheaply from a seeded random source: most fall into many small keys
(story x measure x action), 5% into one key of identical relayed figures and 5% into one key
of thousands of distinct figures, the two shapes that would be quadratic if compared naively.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare_fixtures import gazetteer  # noqa: E402
from kg.clusters import clusters  # noqa: E402
from kg.compare import compare_claims  # noqa: E402
from kg.model import Claim, Quantity  # noqa: E402

MEASURES = ["members", "fighters", "members and supporters", "people", "civilians", "citizens",
            "flights", "houses"]
ACTIONS = [None, None, "killed", "evacuated", "cancelled"]
PLACES = ["Iraq", "Syria", "Iraq and Syria", "Mosul", "Iran", "Tehran", "Bali", None]
QUALIFIERS = ["exact", "exact", "exact", "approx", "at_least", "at_most", "more_than", "vague"]
OUTLETS = [f"outlet{i}.example" for i in range(200)]
DAYS = [f"2025-06-{d:02d}" for d in range(1, 31)] + ["2025-05", None]


def generate(n: int, seed: int = 7) -> list[Claim]:
    """n claims: 90% in small keys, 5% one key of identical figures, 5% one of distinct figures."""
    rng = random.Random(seed)
    stories = max(1, n // 12)
    quantities = {}

    def quantity(value: int, qualifier: str) -> Quantity:
        key = (value, qualifier)
        if key not in quantities:
            high = value * 2 if qualifier == "vague" else value
            quantities[key] = Quantity(str(value), 10, 10 + len(str(value)), float(value), float(high), qualifier,
                                       "person")
        return quantities[key]

    out = []
    for i in range(n):
        bucket = i % 20
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        if bucket == 0:  # one huge key of identical relays
            out.append(Claim(f"c{i}", f"d{i // 3}", quantity(386, "exact"), "386 WNI", 0, 7, speaker="Kemlu",
                             said_on="2025-06-20", subject="Indonesia", measure="citizens evacuated",
                             action="evacuated", place="Iran", via="Antara", publisher=outlet))
            continue
        if bucket == 1:  # one huge key of distinct figures
            out.append(Claim(f"c{i}", f"d{i // 3}", quantity(rng.randrange(1, 10**6), "exact"), "x", 0, 1,
                             speaker=f"speaker{rng.randrange(1000)}", said_on=DAYS[rng.randrange(len(DAYS))],
                             subject="Iran-Israel war", measure="people", place="Iran", publisher=outlet))
            continue
        story = rng.randrange(stories)
        action = ACTIONS[story % len(ACTIONS)]
        measure = MEASURES[rng.randrange(len(MEASURES))]
        base = 50 + (story * 7919) % 5000
        value = int(base * rng.choice((1, 1, 1, 1.05, 1.3, 3)))
        is_event = action is not None and story % 2 == 0
        out.append(Claim(
            f"c{i}", f"d{i // 3}", quantity(value, QUALIFIERS[rng.randrange(len(QUALIFIERS))]), "x", 0, 1,
            speaker=f"speaker{rng.randrange(50)}", said_on=DAYS[rng.randrange(len(DAYS))],
            event_on="2025-06-13" if is_event else None, subject=f"story{story}",
            measure=f"{measure} {action}" if action else measure, action=action,
            place=PLACES[rng.randrange(len(PLACES))], is_event=is_event, publisher=outlet,
        ))
    return out


def main(sizes: list[int]) -> None:
    entities = gazetteer()
    print(f"{'claims':>9} {'generate s':>10} {'compare s':>9} {'us/claim':>8} {'comparisons':>11} {'clusters s':>10}")
    for n in sizes:
        t0 = time.perf_counter()
        claims = generate(n)
        t1 = time.perf_counter()
        comparisons = compare_claims(claims, entities)
        t2 = time.perf_counter()
        cluster_time = "-"
        if n <= 100_000:  # the report view; the build only needs the comparisons at scale
            clusters(claims, comparisons)
            cluster_time = f"{time.perf_counter() - t2:.2f}"
        print(f"{n:>9,} {t1 - t0:>10.2f} {t2 - t1:>9.2f} {(t2 - t1) / n * 1e6:>8.1f} {len(comparisons):>11,} "
              f"{cluster_time:>10}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000])
