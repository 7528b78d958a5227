"""Figure text -> Quantity(low, high, qualifier, unit): digits, number words, ranges, vague words."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lang import all_forms, alternation, fold_case, forms, inverse
from kg.model import Quantity
from kg.units import UnitReader

# Separators allowed between the words of one number, by their name in numbers.toml.
WORD_JOINERS = {"space": r"\s+", "hyphen": r"-"}
# A time of day "17.41" or "08:00".
TIME_DIGITS = re.compile(r"^\d{1,2}[.:]\d{2}$")
# A date written with slashes "13/3/2023", "(12/3)", or a digit glued to a slash.
SLASH_DATE = re.compile(r"\d\s*/\s*\d")
# A year: four digits from 1900 to 2099 without separators.
YEAR = re.compile(r"^(?:19|20)\d\d$")
# A number word from this value on is a figure even without a counted noun ("Sebelas pendaki").
WORD_FIGURE_MIN = 10
# Context around a number that makes it a phone number, code, name or list marker.
LEADING_ZERO = re.compile(r"0\d")  # "021", "0812"
DIGITS_BEFORE = re.compile(r"\d[\s)]+$")  # "(021) 5234": digit groups side by side
DIGITS_AFTER = re.compile(r"[\s-]+\(?\d")
RANGE_AFTER = re.compile(r"\s*[-–]\s*\d")  # "400 - 500" is a range, not a code
SLASH_NAME = re.compile(r"/[A-Za-z]")  # "Kodim 1609/Buleleng"
LETTER_BEFORE = re.compile(r"[A-Za-z][-‐]?$")  # "C-130", "G20"
LETTER_AFTER = re.compile(r"[A-Za-z]")  # "5G", "3D"
NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
OPEN_BRACKET = re.compile(r"\(\s*$")
CLOSE_BRACKET = re.compile(r"\s*\)")
HYPHEN_DIGIT_BEFORE = re.compile(r"\d[-–]$")  # "0812-1234-5678"
HYPHEN_DIGIT_AFTER = re.compile(r"[-–]\d")
WORD = re.compile(r"\w+")
HYPHENATED_WORD = re.compile(r"[\w-]+")
# A web address: its digits are ids and dates, never figures.
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)
# Runs of eight or more digits without separators are phone or reference numbers.
LONG_RUN = re.compile(r"^\d{8,}$")
# A scale word this short ("bn", "mln", "jt") is an abbreviation: it follows digits, never stands alone.
SCALE_ABBREVIATION = 3
# A month name this short ("may", "mar") is a month only when written with a capital.
SHORT_MONTH = 3
# A time of day written with a colon: "10:30", "17:41".
COLON_BEFORE = re.compile(r"\d:$")
COLON_AFTER = re.compile(r":\d")
# A fraction glued to a word by a hyphen names a relation: "half-brother", "half-time".
HYPHEN_WORD_AFTER = re.compile(r"[-‐][A-Za-z]")
# The highest hour a time of day can name ("5 p.m.", "12 WIB").
MAX_HOUR = 24


@dataclass(frozen=True)
class Atom:
    """One number in the text before it is joined into ranges: [start, end), value, kind."""

    start: int
    end: int
    low: float
    high: float
    kind: str  # digits | words | vague | fraction
    scaled: bool = False


@lru_cache(maxsize=None)
class Lexicon:
    """The number words of one language, compiled into patterns."""

    def __init__(self, lang: str = "id"):
        self.lang = lang
        self.unit_words = {w: float(k) for k, ws in forms(lang, "numbers", "units").items() for w in ws}
        self.multipliers = {w: float(k) for k, ws in forms(lang, "numbers", "multipliers").items() for w in ws}
        self.teens = {w: float(k) for k, ws in forms(lang, "numbers", "teens").items() for w in ws}
        self.scales = {w: float(k) for k, ws in forms(lang, "numbers", "scales").items() for w in ws}
        self.fractions = {w: float(k) for k, ws in forms(lang, "numbers", "fractions").items() for w in ws}
        self.vague = {w: tuple(float(x) for x in k.split("-")) for k, ws in forms(lang, "numbers", "vague").items() for w in ws}
        fmt = forms(lang, "numbers", "format")
        self.thousands, self.decimal = fmt["thousands"][0], fmt["decimal"][0]
        self.short_decimal = (fmt.get("short_decimal") or [None])[0]
        self.digits = digits_pattern(self.thousands, self.decimal, self.short_decimal)
        self.digits_re = re.compile(self.digits)
        # A digit string with thousands separators: "5.000" (id), "5,000" (en).
        self.grouped_re = re.compile(rf"\d{{1,3}}(?:{re.escape(self.thousands)}\d{{3}})+(?:{re.escape(self.decimal)}\d+)?")
        self.connectors = set(fmt.get("connectors", []))
        joiner = "(?:" + "|".join(WORD_JOINERS[j] for j in fmt["word_joiners"]) + ")"
        self.word_split = re.compile(joiner)
        # Abbreviated scales ("bn", "m") follow digits only: standing alone they are other words.
        spelled = {w for w in self.scales if len(w) > SCALE_ABBREVIATION}
        words = sorted({*self.unit_words, *self.multipliers, *self.teens, *spelled}, key=len, reverse=True)
        word = "(?:" + alternation(words) + ")"
        inner = "(?:" + alternation({*words, *self.connectors}) + ")"
        scale = "(?:" + alternation(self.scales) + ")"
        frac = "(?:" + alternation(self.fractions) + ")"
        vague = "(?:" + alternation(self.vague) + ")"
        self.atom = re.compile(
            rf"(?P<digits>(?<![\d.,])(?:{self.digits})(?:\s*(?P<dscale>{scale})\b)?)"
            rf"|(?P<vague>\b{vague}(?:\s+(?P<vscale>{scale}))?\b)"
            rf"|(?P<frac>\b{frac}(?:\s+(?P<fscale>{scale}))?\b)"
            rf"|(?P<words>\b{word}(?:{joiner}{inner})*(?<=\w)\b)",
        )  # matched against the lower-cased text: a case-sensitive scan is much faster
        joiners = forms(lang, "numbers", "range_joiners")
        rng = alternation(joiners["range"])
        alt = alternation(joiners["alternative"])
        cur = alternation(all_forms(lang, "units", "currency_before"))
        # "Rp 80.000 sampai Rp 90.000": the currency may stand again before the second end.
        self.range_gap = re.compile(rf"^\s*(?:{rng}|{alt})\s*(?:(?:{cur})\.?\s*)?$", re.IGNORECASE)
        self.between = re.compile(rf"\b(?:{'|'.join(joiners['between'])})\s+$", re.IGNORECASE)
        self.between_gap = re.compile(rf"^\s*(?:{'|'.join(joiners['between_and'])})\s*(?:(?:{cur})\.?\s*)?$", re.IGNORECASE)
        # "rose from 20 to 33": two figures of a change, not the two ends of one range.
        change = joiners.get("change", [])
        self.change_re = re.compile(rf"\b(?:{'|'.join(re.escape(c) for c in change)})\b[^.;]{{0,20}}$", re.I) if change else None
        # "$4.5m" is money, "4.5m people" a count, "a 4.5m wall" a length: a scale that is also a
        # unit word ("m") scales only after a currency sign or before a counted noun.
        unit_forms = set(all_forms(lang, "units", "units"))
        self.ambiguous_scales = {w for w in self.scales if w in unit_forms}
        self.currency_before = re.compile(rf"(?:^|[\s(“\"‘'])(?:{cur})\.?\s*$", re.IGNORECASE)
        self.labels = set(all_forms(lang, "labels", "label_words"))
        ordinals = alternation(all_forms(lang, "labels", "ordinal_prefixes"))
        # "ke-3", "ke 3", "yang ke-10": the number is a rank, not a count.
        self.ordinal_re = re.compile(r"(?:^|\s)(?:" + ordinals + r")[-‐]?\s?$", re.IGNORECASE)
        months = alternation(all_forms(lang, "months", "months"))
        self.day_range_re = re.compile(rf"\s*(?:{rng})\s*\d{{1,2}}\s+(?:{months})\b", re.IGNORECASE)
        # Languages that write the month first ("March 13, 2016", "March 5 to 18").
        self.month_first = "mdy" in forms(lang, "numbers", "format").get("date_orders", [])
        self.month_before = re.compile(rf"\b({months})\.?\s+$", re.IGNORECASE)
        self.month_day_range = re.compile(rf"\b({months})\.?\s+\d{{1,2}}\s*(?:{rng})\s*$", re.IGNORECASE)
        # A capitalised word (not the sentence's first) right before a number names it.
        self.name_before = re.compile(r"(?<=[a-z,] )[A-Z][\w]*\.? $")
        self.not_count = re.compile(r"\b(?:" + alternation(all_forms(lang, "labels", "not_count_prefixes")) + r")\s+$", re.I)
        self.months = set(all_forms(lang, "months", "months"))
        self.time_markers = set(all_forms(lang, "months", "time_markers"))
        self.time_zones = all_forms(lang, "months", "time_zones")
        self.zone_after = re.compile(r"\s*(?:" + alternation(self.time_zones) + r")(?!\w)", re.I)
        self.qual_before = inverse(lang, "qualifiers", "before")
        self.qual_after = inverse(lang, "qualifiers", "after")
        # Hedges may be phrases ("bisa jadi", "is estimated"): matched on the words around the figure.
        self.hedge_re = _phrases(all_forms(lang, "qualifiers", "hedges"))
        alt = alternation(self.qual_before)
        # The qualifier words end right where the figure starts: "tidak melebihi 400-500".
        self.qual_re = re.compile(r"(?:^|[\s(“\"‘'])(" + alt + r")\s*$")
        # "100 orang lebih" = more than 100, but not "lebih dari"/"lebih banyak" (a comparison).
        exceptions = alternation(all_forms(lang, "qualifiers", "after_exceptions"))
        self.after_re = re.compile(
            r"\s+(?:" + alternation(self.qual_after) + r")\b(?!\s+(?:" + exceptions + r")\b)",
            re.IGNORECASE)
        cur = alternation(f for f in all_forms(lang, "units", "currency_before") if f[-1].isalpha())
        self.currency_glued = re.compile(r"(?:^|\W)(?:" + cur + r")$", re.IGNORECASE)
        self.percent_after = re.compile(r"\s*(?:" + alternation(forms(lang, "units", "units")["percent"]) + r")", re.I)
        units = alternation(f for f in all_forms(lang, "units", "units") if f.isalnum())
        self.glued_unit = re.compile(r"(?:" + units + r")(?![\w])", re.IGNORECASE)


def _phrases(words) -> re.Pattern[str]:
    """A pattern finding any of these words or phrases as whole words in a space-joined text."""
    return re.compile(r"(?<!\S)(?:" + alternation(words) + r")(?!\S)")


def digits_pattern(thousands: str, decimal: str, short_decimal: str | None) -> str:
    """The regex of a digit string with these separators ("5.000", "6.030,53", "1,5")."""
    t, d = re.escape(thousands), re.escape(decimal)
    pattern = rf"\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?|\d+{d}\d+"
    if short_decimal:  # "5.6" in Indonesian text: one or two digits after a dot
        pattern += rf"|\d+{re.escape(short_decimal)}\d{{1,2}}(?!\d)"
    return pattern + r"|\d+"


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
    for m in lex.atom.finditer(fold_case(text)):
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


def _is_excluded(text: str, a: Atom, lex: Lexicon) -> bool:
    """Dates, years, times, labels, ordinals and numbers inside names are not figures."""
    if a.kind in ("words", "fraction") and lex.not_count.search(text[: a.start]):
        return True  # "salah satu", "the first half"
    if a.kind == "fraction" and HYPHEN_WORD_AFTER.match(text[a.end:]):
        return True
    if a.kind != "digits":
        return False
    num = lex.digits_re.match(text, a.start, a.end).group(0)
    before, after = text[: a.start], text[a.end:]
    low_before = before.casefold()
    prev_words = WORD.findall(low_before[-40:])
    prev_word = prev_words[-1] if prev_words else ""
    prev_two = " ".join(prev_words[-2:])
    # Phone and reference numbers: a leading zero ("021", "0812") or digit groups side by side.
    if LEADING_ZERO.match(num) or DIGITS_BEFORE.search(before) or (DIGITS_AFTER.match(after) and not a.scaled and not RANGE_AFTER.match(after)):
        return True
    # A code with a slash and a name: "Kodim 1609/Buleleng".
    if SLASH_NAME.match(after):
        return True
    # The first day of a date range: "5 hingga 18 Maret 2024".
    if lex.day_range_re.match(after):
        return True
    # Glued to letters before ("C-130", "COVID-19", "ke-3"), unless a currency sign ("Rp38").
    if LETTER_BEFORE.search(before) and not lex.currency_glued.search(before):
        return True
    # Glued to letters after ("5G", "3D"), unless a unit written without a space ("5km").
    if LETTER_AFTER.match(after) and not lex.glued_unit.match(after):
        return True
    if SLASH_DATE.search(text[max(0, a.start - 2): a.end + 2]):
        return True
    if LONG_RUN.match(num):
        return True
    if not a.scaled and _is_month((NEXT_WORD.match(after) or [None, ""])[1], lex):
        return True  # "26 Februari"
    if lex.month_first and not a.scaled and _month_first_date(before, lex):
        return True  # "March 13, 2016", "March 5 to 18"
    if YEAR.match(num) and not a.scaled:
        return True  # a bare 4-digit year; head counts of 1900-2099 are written "2.000"
    if TIME_DIGITS.match(num) and (prev_word in lex.time_markers or any(
            after.casefold().lstrip().startswith(z) for z in lex.time_zones)):
        return True
    # "10:30", "5 p.m.": a time of day.
    if COLON_BEFORE.search(before) or COLON_AFTER.match(after):
        return True
    if num.isdigit() and int(num) <= MAX_HOUR and lex.zone_after.match(after):
        return True
    labelled = prev_word in lex.labels or prev_two in lex.labels
    if (labelled and not lex.percent_after.match(after)) or lex.ordinal_re.search(before):
        return True
    # List markers "(2)" are not figures.
    return bool(OPEN_BRACKET.search(before) and CLOSE_BRACKET.match(after) and a.low < 10)


def _is_month(word: str, lex: Lexicon) -> bool:
    """A month name; a short one ("may", "mar") only when capitalised ("10 may die" is no date)."""
    return word.casefold() in lex.months and (len(word) > SHORT_MONTH or word[:1].isupper())


def _month_first_date(before: str, lex: Lexicon) -> bool:
    """The number is the day of a month-first date: "March 13", "March 5 to 18"."""
    m = lex.month_before.search(before) or lex.month_day_range.search(before)
    return bool(m) and _is_month(m.group(1), lex)


def _glued_code(text: str, a: Atom) -> bool:
    """Digits glued by hyphens to more digits beyond a range ("1234-5678" in "0812-1234-5678")."""
    return bool(HYPHEN_DIGIT_BEFORE.search(text[: a.start]) or HYPHEN_DIGIT_AFTER.match(text[a.end:]))


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
            between = (lex.between.search(head) or lex.between.search(re.sub(r"\S+\s*$", "", head))) and lex.between_gap.match(gap)
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
    if qualifier == "exact" and lex.after_re.match(text[after_unit:]):
        qualifier = "more_than"
    window = HYPHENATED_WORD.findall(text[max(0, qstart - 40): qstart])[-3:]
    window += HYPHENATED_WORD.findall(text[after_unit: after_unit + 30])[:2]
    # A hedge ("mungkin", "diperkirakan", "is estimated") makes a plain or approximate figure
    # a guess; a capitalised month name is the month ("in May", "Theresa May"), not "may".
    words = " ".join("" if w[:1].isupper() and w.casefold() in lex.months else w.casefold() for w in window)
    if qualifier in ("exact", "approx") and lex.hedge_re.search(words):
        qualifier = "hedged"
    return qualifier


def find_quantities(text: str, offset: int = 0, lang: str = "id") -> list[Quantity]:
    """Every figure in `text` (a sentence), with offsets shifted by `offset`."""
    lex = Lexicon(lang)
    units = UnitReader(lang)
    atoms = _atoms(text, lex)
    urls = [m.span() for m in URL.finditer(text)] if "/" in text or "www." in text else []
    excluded = {(a.start, a.end) for a in atoms if _is_excluded(text, a, lex)
                or any(s <= a.start < e for s, e in urls)}
    out = []
    unit_end = 0  # where the last figure's unit word ends: "13,200 parts per billion"
    for a in _join_ranges(text, atoms, lex):
        # A range is dropped with either end: "Kav. 52-53", "0812-1234-5678".
        if any(a.start <= s and e <= a.end for s, e in excluded) or _glued_code(text, a) or a.start < unit_end:
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
        elif unit.unit == "inherit":  # "puluhan lainnya": the unit of the figure before it
            unit = unit._replace(unit=out[-1].unit if out else "count", noun=out[-1].noun if out else None)
        elif unit.unit == "count" and unit.noun is None and unit.end == a.end and out and out[-1].unit == "person":
            # "400 people are trapped, and 14 were pulled out": a bare number after a head count
            # counts people too (not the noun, which may name what happened: "413 deaths, 2,500 injured").
            unit = unit._replace(unit="person")
        out.append(Quantity(
            text=text[unit.start:unit.figure_end], start=offset + unit.start, end=offset + unit.figure_end,
            low=low, high=high, qualifier=qualifier, unit=unit.unit, currency=unit.currency, noun=unit.noun,
        ))
    return out
