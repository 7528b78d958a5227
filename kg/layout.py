"""Node positions computed in Python, so a large graph draws at once without physics.

Pure Python and linear in the number of nodes (networkx's layouts need numpy, which is not
a dependency, and a force layout of 10k nodes in pure Python takes minutes). Claims are laid
out region by region (one region per subject), each comparison cluster as a ring, the
uncompared claims of a region as a grid; every other node (speaker, document, outlet, ...)
sits near the middle of the nodes it is linked to.
"""
from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from typing import Mapping, Sequence

Point = tuple[float, float]

SPACING = 150.0  # between neighbouring claims: a figure label is up to ~120 px wide
ROW = 70.0  # between rows of a grid: labels are one line high
GAP = 90.0  # between packed blocks
RING_MAX = 10  # up to this many claims a cluster is one ring; past it, a filled disc
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True)
class Region:
    """One area of the drawing: an anchor node on top, clusters of claims, loose claims."""

    anchor: str | None
    clusters: Sequence[Sequence[str]]  # in the order they should be read (first = top left)
    loose: Sequence[str] = ()


@dataclass
class _Block:
    pos: dict[str, Point]  # relative to the block's top-left corner
    width: float
    height: float


def _normalise(pos: dict[str, Point]) -> _Block:
    """Shift positions so the bounding box starts at (0, 0); a node counts as one spacing wide."""
    if not pos:
        return _Block({}, 0.0, 0.0)
    min_x = min(x for x, _ in pos.values())
    min_y = min(y for _, y in pos.values())
    shifted = {k: (x - min_x + SPACING / 2, y - min_y + ROW / 2) for k, (x, y) in pos.items()}
    width = max(x for x, _ in shifted.values()) + SPACING / 2
    height = max(y for _, y in shifted.values()) + ROW / 2
    return _Block(shifted, width, height)


def ring(ids: Sequence[str]) -> dict[str, Point]:
    """A cluster around (0, 0): a circle for a few claims, a sunflower disc for many."""
    n = len(ids)
    if n == 1:
        return {ids[0]: (0.0, 0.0)}
    if n <= RING_MAX:
        radius = max(SPACING * 0.6, n * SPACING / (2 * math.pi))
        return {i: (radius * math.cos(2 * math.pi * k / n - math.pi / 2),
                    radius * math.sin(2 * math.pi * k / n - math.pi / 2)) for k, i in enumerate(ids)}
    # Vogel's sunflower: equal area per point, so claims keep about one spacing apart.
    scale = SPACING * 0.55
    return {i: (scale * math.sqrt(k + 0.5) * math.cos(k * GOLDEN_ANGLE),
                scale * math.sqrt(k + 0.5) * math.sin(k * GOLDEN_ANGLE) * 0.6) for k, i in enumerate(ids)}


def grid(ids: Sequence[str]) -> dict[str, Point]:
    """Claims in rows, wider than tall (labels are wide and one line high)."""
    cols = max(1, math.ceil(math.sqrt(len(ids) * 2)))
    return {i: ((k % cols) * SPACING, (k // cols) * ROW) for k, i in enumerate(ids)}


def _shelf(blocks: Sequence[_Block], aspect: float) -> tuple[list[Point], float, float]:
    """Pack blocks in rows, in order, into a box about `aspect` times wider than tall."""
    area = sum((b.width + GAP) * (b.height + GAP) for b in blocks)
    target = max(math.sqrt(area * aspect), max((b.width for b in blocks), default=0.0))
    offsets: list[Point] = []
    x = y = row_h = width = 0.0
    for b in blocks:
        if x > 0 and x + b.width > target:
            x, y, row_h = 0.0, y + row_h + GAP, 0.0
        offsets.append((x, y))
        x += b.width + GAP
        row_h = max(row_h, b.height)
        width = max(width, x - GAP)
    return offsets, width, y + row_h


def _merge(blocks: Sequence[_Block], aspect: float) -> _Block:
    offsets, width, height = _shelf(blocks, aspect)
    pos: dict[str, Point] = {}
    for (ox, oy), b in zip(offsets, blocks):
        pos.update({k: (ox + x, oy + y) for k, (x, y) in b.pos.items()})
    return _Block(pos, width, height)


def _region(region: Region) -> _Block:
    parts = [_normalise(ring(list(c))) for c in region.clusters if c]
    if region.loose:
        parts.append(_normalise(grid(list(region.loose))))
    body = _merge(parts, aspect=1.6)
    if region.anchor is None:
        return body
    # The anchor (the subject) heads its region, above the claims.
    pos = {k: (x, y + ROW * 1.5) for k, (x, y) in body.pos.items()}
    pos[region.anchor] = (max(body.width, SPACING) / 2, ROW / 2)
    return _Block(pos, max(body.width, SPACING), body.height + ROW * 1.5)


def _jitter(node: str, radius: float) -> Point:
    """A small offset fixed by the node's id, so nodes with the same neighbours do not overlap."""
    h = zlib.crc32(node.encode("utf-8"))
    angle = (h % 3600) / 3600 * 2 * math.pi
    r = radius * (0.5 + (h >> 12) % 100 / 200)
    return r * math.cos(angle), r * math.sin(angle)


def place_near(pos: dict[str, Point], attached: Mapping[str, Sequence[str]]) -> None:
    """Put each node of `attached` at the middle of its already placed neighbours (in order)."""
    for node, neighbours in attached.items():
        placed = [pos[n] for n in neighbours if n in pos]
        if placed:
            cx = sum(x for x, _ in placed) / len(placed)
            cy = sum(y for _, y in placed) / len(placed)
        else:
            cx, cy = 0.0, -ROW * 3
        dx, dy = _jitter(node, SPACING * 0.5)
        pos[node] = (cx + dx, cy + dy)


def layout(regions: Sequence[Region], attached: Mapping[str, Sequence[str]]) -> dict[str, Point]:
    """Positions for every node: regions packed in order, then the attached nodes near theirs."""
    blocks = [_region(r) for r in regions]
    pos = dict(_merge(blocks, aspect=1.8).pos) if blocks else {}
    place_near(pos, attached)
    return {k: (round(x, 1), round(y, 1)) for k, (x, y) in pos.items()}
