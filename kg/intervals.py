"""What a qualified figure and a partial date mean as intervals, for comparing claims.

A figure is read as the set of values its speaker allows (`sekitar 500` allows 450..550,
`tidak melebihi 400-500` allows 0..500); two figures agree when those sets overlap. A date
such as `2023-02` is the whole month; two dates are "the same time" when their spans lie
within a window of days of each other.
"""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from kg.model import Quantity
from kg.numbers import parse_digits
from kg.units import TO_METRIC

# `sekitar 500` (approx) allows 10% either side: 450..550. Journalists round to one or two
# significant digits, so 10% covers rounding without making every pair of figures agree.
APPROX_TOLERANCE = 0.10
# Two approximate figures together may be 10% apart, not 20%: "about 4,000" and "about 3,500"
# are two different estimates, each rounded by its speaker, not one figure rounded twice.
APPROX_PAIR_TOLERANCE = APPROX_TOLERANCE / 2
# Relative slack when testing two bounds for equality, so 0.3333 and 1/3 written with more
# digits, or a percentage rounded differently, still touch.
EPSILON = 1e-6
INF = math.inf


class Interval(NamedTuple):
    """The values a figure allows; an open end excludes its bound (`more than 125`)."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False


# The number right before a scale word: "3,42 juta", "1.5 million", "15 ribu" (a dot or comma
# followed by one to three digits and then letters is a decimal mark here).
SCALED_MANTISSA = re.compile(r"(\d+)(?:[.,](\d{1,3}))?\s*[^\W\d_]+\s*$")
# A figure written in an imperial unit and converted ("1.2 miles" -> 1.93 km); English digits.
IMPERIAL_WRITTEN = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
METRIC_TARGETS = frozenset(code for code, _ in TO_METRIC.values())


def interval_of(q: Quantity, tolerance: float = APPROX_TOLERANCE) -> Interval:
    """The interval stated by a figure, its qualifier read.

    exact/vague/hedged: [low, high] (hedged is as stated; the report marks it as weaker);
    approx: [low-tolerance, high+tolerance], 10% unless given; at_least: [low, inf); more_than: (low, inf);
    at_most: [0, high] (a range "tidak melebihi 400-500" is [0, 500]); less_than: [0, high).
    The floor of at_most/less_than is 0 for the non-negative figures news counts, -inf below.
    """
    low, high = (q.low, q.high) if q.low <= q.high else (q.high, q.low)
    qual = q.qualifier
    if qual == "approx":
        return Interval(low - abs(low) * tolerance, high + abs(high) * tolerance)
    if qual == "at_least":
        return Interval(low, INF)
    if qual == "more_than":
        return Interval(low, INF, lo_open=True)
    floor = 0.0 if low >= 0 else -INF
    if qual == "at_most":
        return Interval(floor, high)
    if qual == "less_than":
        return Interval(floor, high, hi_open=True)
    if qual == "exact":
        # "3,42 juta", "15 ribu": a figure written with a scale word is rounded to its last digit.
        half = rounding(q)
        return Interval(low - half, high + half)
    return Interval(low, high)


def rounding(q: Quantity) -> float:
    """Half the value of the last written digit of a figure with a scale word ("3,42 juta" is
    3,420,000 +/- 5,000; "15 ribu" 15,000 +/- 500); 0 for a figure written in full."""
    if q.unit in ("percent", "fraction", "points"):
        return 0.0
    m = SCALED_MANTISSA.search(q.text)
    if not m:
        return _converted_rounding(q)
    whole, decimals = m.group(1), m.group(2) or ""
    mantissa = float(f"{whole}.{decimals}") if decimals else float(whole)
    if mantissa <= 0:
        return 0.0
    scale = q.high / mantissa  # the number before the scale word is the (upper) end
    return scale * 10 ** -len(decimals) / 2 if scale > 1 else 0.0


def _converted_rounding(q: Quantity) -> float:
    """Half the last written digit of a figure converted to metric, in the metric unit ("1.2
    miles" is 1.93 km +/- 0.08, so it agrees with "2 km"); 0 for a figure written as it is."""
    m = IMPERIAL_WRITTEN.fullmatch(q.text) if q.unit in METRIC_TARGETS else None
    if not m:
        return 0.0
    written = parse_digits(q.text, "en")
    if written <= 0 or math.isclose(written, q.low, rel_tol=1e-9):
        return 0.0
    factor = q.low / written
    return factor * 10 ** -len(m.group(2) or "") / 2


def _close(x: float, y: float) -> bool:
    # An infinite bound is close only to itself (the relative slack of infinity is infinite).
    return x == y or math.isfinite(x) and math.isfinite(y) and abs(x - y) <= EPSILON * max(abs(x), abs(y))


def _contains(iv: Interval, x: float) -> bool:
    if _close(x, iv.lo):
        return not iv.lo_open
    if _close(x, iv.hi):
        return not iv.hi_open
    return iv.lo < x < iv.hi


def overlaps(a: Interval, b: Interval) -> bool:
    """True when some value lies in both intervals (the figures agree)."""
    lo, hi = max(a.lo, b.lo), min(a.hi, b.hi)
    if _close(lo, hi):
        # The intervals touch at one point: they share it only when neither excludes it.
        return _contains(a, lo) and _contains(b, lo)
    return lo < hi


@lru_cache(maxsize=65536)
def date_span(text: str | None) -> tuple[int, int] | None:
    """First and last day (proleptic ordinals) of an ISO date, `YYYY-MM` or `YYYY`; None if unknown."""
    if not text:
        return None
    parts = text.strip()[:10].split("-")
    try:
        nums = [int(p) for p in parts]
        if len(nums) == 1:
            return date(nums[0], 1, 1).toordinal(), date(nums[0], 12, 31).toordinal()
        if len(nums) == 2:
            first = date(nums[0], nums[1], 1)
            nxt = date(nums[0] + nums[1] // 12, nums[1] % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        if len(nums) == 3:
            day = date(nums[0], nums[1], nums[2]).toordinal()
            return day, day
    except ValueError:
        return None
    return None


def days_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Days between two date spans; 0 when they overlap (`2023-03` and `2023-03-12`)."""
    return max(0, a[0] - b[1], b[0] - a[1])


def format_number(x: float) -> str:
    """A figure for people: thousands separated by commas, at most four decimals, ∞."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


_QUALIFIER_WORDS = {
    "approx": "about {}",
    "at_least": "at least {}",
    "at_most": "at most {}",
    "more_than": "more than {}",
    "less_than": "less than {}",
    "vague": "{} (vague)",
    "hedged": "possibly {}",
}


def describe(q: Quantity) -> str:
    """The figure in plain English: `about 500`, `at most 400–500`, `possibly 15,000–20,000`."""
    value = format_number(q.low) if _close(q.low, q.high) else f"{format_number(q.low)}–{format_number(q.high)}"
    if q.unit == "percent":
        value += "%"
    elif q.unit == "money" and q.currency:
        value = f"{q.currency} {value}"
    elif q.unit not in ("person", "count", "fraction", "points"):
        value += f" {q.unit}"
    elif q.unit == "points":
        value += " points"
    return _QUALIFIER_WORDS.get(q.qualifier, "{}").format(value)
