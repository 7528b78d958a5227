"""Figure text -> Quantity(low, high, qualifier, unit): digits, number words, ranges, vague words."""
from __future__ import annotations

import re

from kg.lang import fold_case
from kg.model import Quantity
from kg.not_figures import URL, WORD, glued_code, is_excluded
from kg.number_lexicon import Atom, Lexicon
from kg.units import UnitReader

DIGIT = re.compile(r"\d")
# The last word of a text, to look one word further back: "antara Rp 5 triliun dan Rp 7 triliun".
LAST_WORD = re.compile(r"\S+\s*$")

# A number word from this value on is a figure even without a counted noun ("Sebelas pendaki").
WORD_FIGURE_MIN = 10


HYPHENATED_WORD = re.compile(r"[\w-]+")
# How far before a bound a verb of change makes it the new value ("revised the magnitude of
# Monday's earthquake up to 7.8").
CHANGE_REACH = 60




def parse_digits(s: str, lang: str = "id") -> float:
    """A digit string -> number by the language's separators: id "5.000" 5000, "6.030,53" 6030.53."""
    lex = Lexicon(lang)
    s = s.strip()
    if lex.grouped_re.fullmatch(s):
        s = s.replace(lex.thousands, "")
    if lex.decimal in s:
        return float(s.replace(lex.decimal, "."))
    return float(s.replace(lex.short_decimal or lex.decimal, "."))


def parse_words(words: list[str], lex: Lexicon) -> float | None:
    """Number words -> value ("dua puluh lima" 25, "tiga ratus lima puluh" 350); None if ill-formed."""
    if " ".join(words) in lex.unit_words:  # a fixed phrase: "salah seorang"
        return lex.unit_words[" ".join(words)]
    total = group = pending = 0.0
    for w in words:
        if w in lex.connectors:
            continue
        if w in lex.teens:
            group += pending + lex.teens[w]
            pending = 0.0
        elif w in lex.multipliers:
            if not pending:
                return None
            group += pending * lex.multipliers[w]
            pending = 0.0
        elif w in lex.scales:
            total += (group + pending or 1.0) * lex.scales[w]
            group = pending = 0.0
        elif w in lex.unit_words:
            if pending:  # two bare units in a row ("tiga empat") are not one number
                return None
            value = lex.unit_words[w]
            if value >= 100:
                group += value
            else:
                pending = value
        else:
            return None
    return total + group + pending


def _atoms(text: str, lex: Lexicon) -> list[Atom]:
    out = []
    low = fold_case(text)
    if not DIGIT.search(text) and lex.first_words.isdisjoint(WORD.findall(low)):
        return out  # no digit and no number word: nothing to scan for
    for m in lex.atom.finditer(low):
        kind = m.lastgroup if m.lastgroup in ("digits", "vague", "frac", "words") else None
        for name in ("digits", "vague", "frac", "words"):
            if m.group(name):
                kind = name
                break
        raw = m.group(kind)
        if kind == "digits":
            num = lex.digits_re.match(raw).group(0)
            dscale, end = m.group("dscale"), m.end()
            if dscale in lex.ambiguous_scales and not _scale_means_number(text, m.start(), end, lex):
                dscale, end = None, m.start() + len(num)  # "a 4.5m wall": metres
            scale = lex.scales[dscale] if dscale else 1.0
            value = parse_digits(num, lex.lang) * scale
            out.append(Atom(m.start(), end, value, value, "digits", scale != 1.0))
        elif kind == "vague":
            word = raw[: m.start("vscale") - m.start()] if m.group("vscale") else raw
            lo, hi = lex.vague[" ".join(word.split())]
            scale = lex.scales[m.group("vscale").casefold()] if m.group("vscale") else 1.0
            out.append(Atom(m.start(), m.end(), lo * scale, hi * scale + (scale - 1 if scale > 1 else 0), "vague", scale != 1.0))
        elif kind == "frac":
            words = raw.casefold().split()
            value = lex.fractions[" ".join(words)] if not m.group("fscale") else None
            if value is None:  # "setengah juta" is a number, not a fraction
                value = lex.fractions[" ".join(words[:-1])] * lex.scales[m.group("fscale").casefold()]
                out.append(Atom(m.start(), m.end(), value, value, "words", True))
            else:
                out.append(Atom(m.start(), m.end(), value, value, "fraction"))
        else:
            for start, end in _word_runs(raw, lex):
                words = [w for w in lex.word_split.split(raw[start:end]) if w]
                value = parse_words(words, lex)
                if value is not None and value > 0:
                    scaled = any(w in lex.scales for w in words)
                    out.append(Atom(m.start() + start, m.start() + end, value, value, "words", scaled))
    return out


def _scale_means_number(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether an ambiguous scale ("m") after digits is a scale: money before or a counted noun after."""
    return bool(lex.currency_before.search(text[:start]) or UnitReader(lex.lang).re_noun.match(text[end:]))


def _word_runs(raw: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of a run of number words that hold one number each: a connector joins only
    after a multiplier or scale ("one hundred and five"); elsewhere it separates ("five and six")."""
    tokens = list(WORD.finditer(raw))
    runs: list[list[re.Match]] = [[]]
    for i, tok in enumerate(tokens):
        if tok.group() in lex.connectors:
            prev = runs[-1][-1].group() if runs[-1] else ""
            nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
            if (prev in lex.multipliers or prev in lex.scales) and nxt and nxt not in lex.connectors:
                runs[-1].append(tok)
            else:
                runs.append([])
            continue
        runs[-1].append(tok)
    return [(r[0].start(), r[-1].end()) for r in runs if r and r[-1].group() not in lex.connectors]


def _join_ranges(text: str, atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """Join "400-500", "5.000 hingga 7.000", "tiga atau empat", "antara 10 dan 15"."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms) and a.kind == atoms[i + 1].kind and a.kind in ("digits", "words"):
            b = atoms[i + 1]
            gap = text[a.end:b.start]
            head = text[: a.start]
            between = (lex.between.search(head) or lex.between.search(LAST_WORD.sub("", head))) and lex.between_gap.match(gap)
            change = lex.change_re is not None and lex.change_re.search(head)
            if (lex.range_gap.match(gap) or between) and not change:
                lo, hi = a.low, b.high
                if b.scaled and not a.scaled and lo * (b.high / max(b.low, 1)) < hi:
                    lo = lo * _scale_of(text[b.start:b.end], lex)  # "15 hingga 20 ribu"
                if lo < hi:
                    out.append(Atom(a.start, b.end, lo, hi, a.kind, a.scaled or b.scaled))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _scale_of(raw: str, lex: Lexicon) -> float:
    last = raw.casefold().split()[-1]
    return lex.scales.get(last, 1.0)


def _qualifier(text: str, a: Atom, lex: Lexicon, fig_start: int, after_unit: int) -> str:
    """The qualifier of a figure from the words before it (and "lebih" or a hedge after its noun)."""
    if a.kind == "vague":
        return "vague"
    before = text[:fig_start].casefold()
    qualifier, qstart = "exact", fig_start
    m = lex.qual_re.search(before)
    if m:
        qualifier, qstart = lex.qual_before[m.group(1)], m.start(1)
    estimate = m is not None and m.group(1) in lex.hedged_bounds
    if estimate and lex.changed_to_re and lex.changed_to_re.search(before[max(0, qstart - CHANGE_REACH): qstart]):
        qualifier = "exact"
    if qualifier == "exact" and lex.after_re.match(text[after_unit:]):
        qualifier = "more_than"
    opener = lex.between.search(text[:qstart])
    if opener:  # "could run to between $NZ2 billion and $NZ3 billion": the hedge stands before "between"
        qstart = opener.start()
    window = HYPHENATED_WORD.findall(text[max(0, qstart - 40): qstart])[-3:]
    window += HYPHENATED_WORD.findall(text[after_unit: after_unit + 30])[:2]
    # A hedge ("mungkin", "diperkirakan", "is estimated") makes a plain or approximate figure
    # a guess; a capitalised month name is the month ("in May", "Theresa May"), not "may".
    words = " ".join("" if w[:1].isupper() and w.casefold() in lex.months else w.casefold() for w in window)
    if (qualifier in ("exact", "approx") or estimate) and lex.hedge_re.search(words):
        qualifier = "hedged"
    return qualifier


def find_quantities(text: str, offset: int = 0, lang: str = "id") -> list[Quantity]:
    """Every figure in `text` (a sentence), with offsets shifted by `offset`."""
    lex = Lexicon(lang)
    units = UnitReader(lang)
    atoms = _atoms(text, lex)
    urls = [m.span() for m in URL.finditer(text)] if "/" in text or "www." in text else []
    excluded = {(a.start, a.end) for a in atoms if is_excluded(text, a, lex)
                or any(s <= a.start < e for s, e in urls)}
    out = []
    unit_end = 0  # where the last figure's unit word ends: "13,200 parts per billion"
    written: list[str] = []  # each figure's unit as written, before any conversion to metric
    for a in _join_ranges(text, atoms, lex):
        # A range is dropped with either end: "Kav. 52-53", "0812-1234-5678".
        if any(a.start <= s and e <= a.end for s, e in excluded) or glued_code(text, a) or a.start < unit_end:
            continue
        unit = units.read(text, a.start, a.end, a.kind)
        if unit is None and not (a.kind == "words" and a.low >= WORD_FIGURE_MIN):
            continue  # a small number word with no counted noun ("dua pasukan") is not a figure
        unit = unit or units.read(text, a.start, a.end, "digits")
        if unit is None:
            continue  # "sebelas tahun lalu", "twelve years ago": a date, not a figure
        if a.kind == "digits" and unit.end == a.end and unit.unit in ("count", "person") and lex.name_before.search(text[: a.start]):
            continue  # a number in a name or model: "Boeing 737-800", "Jalan Sudirman 45"
        if unit.unit in units.durations and lex.not_count.search(text[: a.start]):
            continue  # "the past 24 hours", "the last two weeks": a period, not a figure
        qualifier = _qualifier(text, a, lex, unit.start, unit.end)
        unit_end = unit.end
        low, high = a.low, a.high
        if a.kind == "fraction":
            unit = unit._replace(unit="fraction")
        elif unit.unit == "inherit" and out:  # "puluhan lainnya": the unit of the figure before it
            # but not a noun that names what happened: "82 deaths, with 118 others missing"
            # "420,000 people in 21 districts ..., and about 347,000 of them": a figure is never a
            # part of a smaller one, so it skips back to the larger one before
            src = -2 if len(out) > 1 and out[-1].high < low <= out[-2].high else -1
            noun = out[src].noun if out[src].noun not in units.action_classes else None
            unit = unit._replace(unit=written[src], noun=noun)
        elif unit.unit == "inherit":
            # "About 200 others were wounded": the first figure of its sentence; what happens to
            # it says whether it counts people
            unit = unit._replace(unit="person" if units.person_follows(text[a.end:]) else "count")
        elif unit.noun is None and out and out[-1].noun and units.changes_to(text[out[-1].end - offset: unit.start]) \
                and (written[-1] == unit.unit or unit.unit == "count" and unit.end == a.end):
            # "naik dari Rp243 miliar menjadi Rp310 miliar", "the toll rose from 120 to 247"
            unit = unit._replace(unit=written[-1], noun=out[-1].noun)
        elif out and out[-1].noun and unit.end == a.end and units.continues(text[out[-1].end - offset: a.start]):
            # "The toll rose to 85 on 19 July, when ..., and to 86 on 21 July": the change goes on
            unit = unit._replace(unit=written[-1], noun=out[-1].noun)
        elif unit.unit == "money" and unit.noun is None and (same_as := _last_sum(out, unit.currency)):
            # "Negara dirugikan Rp193,7 triliun hanya untuk satu tahun, dan kalau seluruh periode
            # dihitung, hampir Rp1.000 triliun": a sum without a noun is what the sum before it
            # in its sentence was
            unit = unit._replace(noun=same_as)
        elif unit.unit == "count" and unit.noun is None and unit.end == a.end and out and out[-1].unit == "person":
            # "400 people are trapped, and 14 were pulled out": a bare number after a head count
            # counts people too (not the noun, which may name what happened: "413 deaths, 2,500 injured").
            unit = unit._replace(unit="person")
        written.append(unit.unit)
        code, low, high = units.metric(unit.unit, low, high)
        out.append(Quantity(
            text=text[unit.start:unit.figure_end], start=offset + unit.start, end=offset + unit.figure_end,
            low=low, high=high, qualifier=qualifier, unit=code, currency=unit.currency, noun=unit.noun,
        ))
    return out


def _last_sum(found: list[Quantity], currency: str | None) -> str | None:
    """What the last sum in this currency among the figures found so far is, if it says."""
    return next((q.noun for q in reversed(found) if q.unit == "money" and q.currency == currency), None)
