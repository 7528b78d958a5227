"""Table tests for extraction: figures (kg.numbers), dates (kg.dates), speakers (kg.claims).

The cases live in tests/tables/*.yaml; each file's header states its fields and the
conventions it decides. The `test_table_*_wellformed` tests check the tables themselves
(they must always pass); the other tests check the extractor against them.
English cases have ids starting with "en-": deselect them with `-k "not en-"`.
"""
from __future__ import annotations

import importlib
import inspect
import math
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from kg.evaluate import name_ok, normal
from kg.model import QUALIFIERS

TABLES = Path(__file__).parent / "tables"
MIN_CASES = {"figures": 150, "dates": 60, "attribution": 100}
UNITS = {
    "person", "count", "percent", "points", "fraction", "money", "km2", "ha", "km", "m",
    "t", "kg", "mw", "mg/l", "knot", "year", "month", "week", "day", "hour", "minute", "time",
    "mm", "m2", "km/h", "ppb", "magnitude", "kl", "l",
}
CURRENCIES = {"IDR", "USD", "EUR", "GBP", "BRL", "AUD", "NZD", "SGD", "CAD", "HKD", "JPY", "INR", "TWD", "FJD", "IQD", "BDT", "ETB", "CRC"}
ISO_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6}
# "Selasa (17/6/2025)" or "Senin, 13 Maret 2023": a weekday the table's author must get right.
WEEKDAY_SLASH = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\s*\((\d{1,2})/(\d{1,2})/(\d{4})\)")
WEEKDAY_LONG = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu),\s*(\d{1,2}) (\w+) (\d{4})")
MONTHS = {m: i for i, m in enumerate(
    "januari februari maret april mei juni juli agustus september oktober november desember".split(), 1)}


@lru_cache(maxsize=None)
def load_table(name: str) -> list[dict[str, Any]]:
    """The cases of tests/tables/<name>.yaml."""
    with open(TABLES / f"{name}.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list), f"{name}.yaml: expected a list of cases"
    return data


def find_spans(text: str, sub: str) -> list[tuple[int, int]]:
    """Occurrences of `sub` in `text` on word and number boundaries ("5" not inside "15" or "2.500")."""
    pattern = re.compile(r"(?<!\w)(?<!\d[.,])" + re.escape(sub) + r"(?!\w)(?![.,]\d)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def locate(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """The span of the nth bounded occurrence of `sub`; LookupError when there is none."""
    spans = find_spans(text, sub)
    if nth >= len(spans):
        raise LookupError(f"{sub!r} (occurrence {nth}) not found in {text!r}")
    return spans[nth]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the half-open spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


# Speakers are judged with kg eval's rules, which agree with shared/tools/score_claims.py.
norm = normal
names_match = name_ok


def same_value(got: float, want: float) -> bool:
    """Equal up to float noise (fractions are written to four decimals in the tables)."""
    return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-3)


def api(module: str, name: str) -> Callable[..., Any]:
    """The extractor function under test, imported when a test runs (not at collection)."""
    return getattr(importlib.import_module(module), name)


def call(fn: Callable[..., Any], *args: Any, lang: str | None = None) -> Any:
    """Call fn, passing `lang` only to a function that takes it."""
    if lang and "lang" in inspect.signature(fn).parameters:
        return fn(*args, lang=lang)
    return fn(*args)


def ids(cases: list[dict[str, Any]]) -> list[str]:
    """Readable pytest ids: the case ids."""
    return [str(c.get("id")) for c in cases]


# Known gaps of the extractor, each a strict xfail: when one starts passing, the run fails
# until it is taken off this list.
KNOWN_GAPS = {
    "fig-dbd-06": "a small number word before a noun outside the lexicon (\"dua dosis\")",
    "attr-laporan-04": "a relayed web page as the speaker (\"dikutip dari laman resmi WHO\")",
}


def cases(table: list[dict[str, Any]]) -> list[Any]:
    """The cases as pytest params, known gaps marked as strict xfails."""
    out = []
    for c in table:
        reason = KNOWN_GAPS.get(c.get("id"))
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(c, marks=marks, id=str(c.get("id"))))
    return out


FIGURES = load_table("figures")
DATES = load_table("dates")
ATTRIBUTION = load_table("attribution")


# --- the tables themselves ------------------------------------------------------------------

def _common_problems(name: str, cases: list[dict[str, Any]], keys: set[str]) -> list[str]:
    problems = []
    if len(cases) < MIN_CASES[name]:
        problems.append(f"{name}: {len(cases)} cases, want at least {MIN_CASES[name]}")
    for c in cases:
        cid = c.get("id")
        if not isinstance(cid, str) or not cid:
            problems.append(f"{name}: case without id: {c!r}"[:200])
            continue
        if set(c) - keys:
            problems.append(f"{cid}: unknown keys {sorted(set(c) - keys)}")
        if not isinstance(c.get("text"), str) or not c["text"].strip():
            problems.append(f"{cid}: text missing")
            continue
        if c.get("lang", "id") not in ("id", "en"):
            problems.append(f"{cid}: lang {c.get('lang')!r}")
        if (c.get("lang") == "en") != cid.startswith("en-") or "en-" in cid[1:]:
            problems.append(f"{cid}: only English cases have 'en-' in their id, as its start")
        pub = c.get("published")
        if pub is not None:
            try:
                date.fromisoformat(str(pub))
            except ValueError:
                problems.append(f"{cid}: published {pub!r} is not an ISO date")
        problems += _weekday_problems(cid, c["text"])
    return problems


def _weekday_problems(cid: str, text: str) -> list[str]:
    """Explicit "weekday + full date" pairs in a text must agree with the calendar."""
    problems = []
    for m in WEEKDAY_SLASH.finditer(text):
        wd, d, mo, y = m.group(1).lower(), int(m.group(2)), int(m.group(3)), int(m.group(4))
        if date(y, mo, d).weekday() != WEEKDAYS[wd]:
            problems.append(f"{cid}: {m.group(0)!r} is not a {m.group(1)}")
    for m in WEEKDAY_LONG.finditer(text):
        month = MONTHS.get(m.group(3).lower())
        if month and date(int(m.group(4)), month, int(m.group(2))).weekday() != WEEKDAYS[m.group(1).lower()]:
            problems.append(f"{cid}: {m.group(0)!r} is not a {m.group(1)}")
    return problems


def _locate_problem(cid: str, text: str, sub: Any, nth: Any) -> str | None:
    if not isinstance(sub, str) or not sub:
        return f"{cid}: substring {sub!r} missing"
    spans = find_spans(text, sub)
    if not spans:
        return f"{cid}: {sub!r} does not occur (on word boundaries) in the text"
    if nth is None and len(spans) > 1:
        return f"{cid}: {sub!r} occurs {len(spans)} times; give nth"
    if nth is not None and not (isinstance(nth, int) and 0 <= nth < len(spans)):
        return f"{cid}: nth {nth!r} out of range for {sub!r}"
    return None


def test_table_ids_unique() -> None:
    """Case ids are unique across the three tables (they are the pytest ids)."""
    seen: dict[str, int] = {}
    for case in FIGURES + DATES + ATTRIBUTION:
        seen[case.get("id")] = seen.get(case.get("id"), 0) + 1
    assert not [k for k, n in seen.items() if n > 1]


def test_table_figures_wellformed() -> None:
    """figures.yaml: every expected figure occurs in its text and has valid values."""
    problems = _common_problems("figures", FIGURES, {"id", "text", "lang", "note", "expect"})
    for c in FIGURES:
        cid, text, exp = c.get("id"), c.get("text", ""), c.get("expect")
        if not isinstance(exp, list):
            problems.append(f"{cid}: expect must be a list ([] for no figure)")
            continue
        spans = []
        for e in exp:
            if set(e) - {"figure", "nth", "low", "high", "qualifier", "unit", "currency", "noun"}:
                problems.append(f"{cid}: unknown keys in {e!r}")
            bad = _locate_problem(cid, text, e.get("figure"), e.get("nth"))
            if bad:
                problems.append(bad)
            else:
                spans.append(locate(text, e["figure"], e.get("nth") or 0))
            lo, hi = e.get("low"), e.get("high")
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lo, hi)):
                problems.append(f"{cid}: low/high of {e.get('figure')!r} must be numbers, got {lo!r}, {hi!r}")
            elif lo > hi:
                problems.append(f"{cid}: low > high for {e.get('figure')!r}")
            if e.get("qualifier") not in QUALIFIERS:
                problems.append(f"{cid}: qualifier {e.get('qualifier')!r}")
            if str(e.get("unit", "")).lower() not in UNITS:
                problems.append(f"{cid}: unit {e.get('unit')!r}")
            if (e.get("unit") == "money") != (e.get("currency") is not None):
                problems.append(f"{cid}: currency is required for money and only for money")
            if e.get("currency") is not None and e["currency"] not in CURRENCIES:
                problems.append(f"{cid}: currency {e['currency']!r}")
            if e.get("unit") == "fraction" and isinstance(hi, (int, float)) and not 0 < hi < 1:
                problems.append(f"{cid}: a fraction lies between 0 and 1")
        for i, a in enumerate(spans):
            if any(overlaps(a, b) for b in spans[i + 1:]):
                problems.append(f"{cid}: expected figures overlap each other")
    assert not problems, "\n".join(problems)


def test_table_dates_wellformed() -> None:
    """dates.yaml: every expr occurs in its text; said_on is an ISO date, month, year or null."""
    problems = _common_problems("dates", DATES, {"id", "text", "lang", "note", "published", "expr", "expect"})
    for c in DATES:
        cid, text = c.get("id"), c.get("text", "")
        if "published" not in c:
            problems.append(f"{cid}: published missing (write null when unknown)")
        exp = c.get("expect")
        if not isinstance(exp, dict) or set(exp) != {"said_on"}:
            problems.append(f"{cid}: expect must be {{said_on: ...}}")
            continue
        said = exp["said_on"]
        if said is not None:
            if not (isinstance(said, str) and ISO_VALUE.match(said)):
                problems.append(f"{cid}: said_on {said!r} must be a quoted YYYY-MM-DD, YYYY-MM or YYYY")
            elif len(said) == 10:
                date.fromisoformat(said)
        if "expr" not in c:
            problems.append(f"{cid}: expr missing (write null when the text has no date)")
        elif c["expr"] is None:
            if said is not None:
                problems.append(f"{cid}: a text without a date expression cannot fix said_on")
        else:
            bad = _locate_problem(cid, text, c["expr"], None)
            if bad:
                problems.append(bad)
    assert not problems, "\n".join(problems)


def test_table_attribution_wellformed() -> None:
    """attribution.yaml: every figure occurs in its text; speakers are non-empty lists."""
    problems = _common_problems("attribution", ATTRIBUTION, {"id", "text", "lang", "note", "published", "expect"})
    for c in ATTRIBUTION:
        cid, text, exp = c.get("id"), c.get("text", ""), c.get("expect")
        if not isinstance(exp, list) or not exp:
            problems.append(f"{cid}: expect must be a non-empty list")
            continue
        for e in exp:
            if set(e) - {"figure", "nth", "speaker", "via"}:
                problems.append(f"{cid}: unknown keys in {e!r}")
            bad = _locate_problem(cid, text, e.get("figure"), e.get("nth"))
            if bad:
                problems.append(bad)
            names = e.get("speaker")
            if not isinstance(names, list) or not names:
                problems.append(f"{cid}: speaker must be a non-empty list ([null] for the outlet)")
                continue
            for n in names:
                if n is not None and not (isinstance(n, str) and n.strip()):
                    problems.append(f"{cid}: speaker name {n!r}")
            # The canonical (first) name is written as it appears; later ones may be aliases.
            if isinstance(names[0], str) and norm(names[0]) not in norm(text):
                problems.append(f"{cid}: speaker {names[0]!r} does not appear in the text")
            via = e.get("via")
            if via is not None and norm(via) not in norm(text):
                problems.append(f"{cid}: via {via!r} does not appear in the text")
    assert not problems, "\n".join(problems)


# --- the extractor against the tables ---------------------------------------------------------

@pytest.mark.parametrize("case", cases(FIGURES))
def test_figures(case: dict[str, Any]) -> None:
    """find_quantities finds every expected figure with its values, and nothing else."""
    text = case["text"]
    found = call(api("kg.numbers", "find_quantities"), text, lang=case.get("lang"))
    problems, used = [], set()
    for e in case["expect"]:
        span = locate(text, e["figure"], e.get("nth", 0))
        hits = [i for i, q in enumerate(found) if overlaps(span, (q.start, q.end))]
        if not hits:
            problems.append(f"missed {e['figure']!r}")
            continue
        if len(hits) > 1:
            problems.append(f"{e['figure']!r} split into {[found[i].text for i in hits]}")
        if hits[0] in used:
            problems.append(f"{found[hits[0]].text!r} merges {e['figure']!r} with another figure")
        used.update(hits)
        q = found[hits[0]]
        got = (q.low, q.high, q.qualifier, q.unit, q.currency)
        want = (e["low"], e["high"], e["qualifier"], e["unit"], e.get("currency"))
        ok = (same_value(q.low, e["low"]) and same_value(q.high, e["high"])
              and q.qualifier == e["qualifier"] and norm(q.unit) == norm(e["unit"])
              and ("currency" not in e or q.currency == e["currency"]))
        if not ok:
            problems.append(f"{e['figure']!r}: got {got}, want {want}")
        if "noun" in e and q.noun != e["noun"]:
            problems.append(f"{e['figure']!r}: counts {q.noun!r}, want {e['noun']!r}")
    for i, q in enumerate(found):
        if i not in used:
            problems.append(f"unexpected quantity {q.text!r} at {q.start}: {q.low}-{q.high} {q.unit}")
    assert not problems, f"{text}\n" + "\n".join(problems)


@pytest.mark.parametrize("case", cases(DATES))
def test_dates(case: dict[str, Any]) -> None:
    """The first date expression find_dates returns is the expected one, resolved as expected."""
    text, want = case["text"], case["expect"]["said_on"]
    found = call(api("kg.dates", "find_dates"), text, case.get("published"), lang=case.get("lang"))
    found = sorted(found, key=lambda t: (t[0], t[1]))
    if case["expr"] is None:
        resolved = [(text[s:e], r) for s, e, r in found if r is not None]
        assert not resolved, f"{text}\nno date expected, got {resolved}"
        return
    span = locate(text, case["expr"])
    if want is None:
        # Unknown stays unknown: the expression may be skipped or returned unresolved.
        checked = found[:1] + [f for f in found[1:] if overlaps(span, (f[0], f[1]))]
        wrong = [(text[s:e], r) for s, e, r in checked if r is not None]
        assert not wrong, f"{text}\nexpected {case['expr']!r} unresolved, got {wrong}"
        return
    assert found, f"{text}\nno date expression found, want {case['expr']!r} = {want}"
    start, end, resolved = found[0]
    assert overlaps(span, (start, end)), f"{text}\nfirst date {text[start:end]!r}, want {case['expr']!r}"
    assert resolved == want, f"{text}\n{case['expr']!r} resolved to {resolved!r}, want {want!r}"


@lru_cache(maxsize=1)
def _entities() -> Any:
    return api("kg.entities", "load_entities")()


@pytest.mark.parametrize("case", cases(ATTRIBUTION))
def test_attribution(case: dict[str, Any]) -> None:
    """extract_claims gives each expected figure a claim with an accepted speaker (and relay)."""
    from kg.model import Document

    text = case["text"]
    doc = Document(doc="t.txt", path="t.txt", text=text, language=case.get("lang", "id"),
                   published=case.get("published"), kept=((0, len(text)),))
    claims = api("kg.claims", "extract_claims")(doc, _entities())
    problems = []
    for e in case["expect"]:
        span = locate(text, e["figure"], e.get("nth", 0))
        hits = [c for c in claims if overlaps(span, (c.start, c.end))]
        if not hits:
            problems.append(f"no claim for {e['figure']!r}")
            continue
        claim = hits[0]
        if not names_match(claim.speaker, e["speaker"]):
            problems.append(f"{e['figure']!r}: speaker {claim.speaker!r}, want one of {e['speaker']}")
        if "via" in e and not names_match(claim.via, [e["via"]]):
            problems.append(f"{e['figure']!r}: via {claim.via!r}, want {e['via']!r}")
    assert not problems, f"{text}\n" + "\n".join(problems)
