"""The number words, digit formats and qualifier words of one language, compiled."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lang import all_forms, alternation, forms, inverse

# A scale word this short ("bn", "mln", "jt") is an abbreviation: it follows digits, never stands alone.
SCALE_ABBREVIATION = 3

# Separators allowed between the words of one number, by their name in numbers.toml.
WORD_JOINERS = {"space": r"\s+", "hyphen": r"-"}


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
        # The first words of every number word, for a quick check that a text may hold one.
        self.first_words = {w.split()[0].split("-")[0] for w in (*self.unit_words, *self.scales, *self.fractions,
                                                                   *self.vague, *all_forms(lang, "numbers", "multipliers"),
                                                                   *all_forms(lang, "numbers", "teens"))}
        # A number written in digits or as one word ("16", "tiga"): for patterns around figures.
        self.number_token = r"(?:\d[\d.,]*|" + alternation({*self.unit_words, *self.teens, *self.multipliers}) + r")"
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
        self.name_before = re.compile(r"(?<=[\w,] )[A-Z][\w]*\.? $")
        after = all_forms(lang, "labels", "not_count_after")
        # "satu kasus pun" (not even one): emphasis, not a count.
        self.not_count_after = re.compile(r"^\s+(?:\w+\s+)?(?:" + alternation(after) + r")\b", re.I) if after else re.compile(r"(?!)")
        self.not_count = re.compile(r"\b(?:" + alternation(all_forms(lang, "labels", "not_count_prefixes")) + r")\s+$", re.I)
        self.months = set(all_forms(lang, "months", "months"))
        self.time_markers = set(all_forms(lang, "months", "time_markers"))
        self.time_zones = all_forms(lang, "months", "time_zones")
        self.zone_after = re.compile(r"\s*(?:" + alternation(self.time_zones) + r")(?!\w)", re.I)
        self.qual_before = inverse(lang, "qualifiers", "before")
        self.qual_after = inverse(lang, "qualifiers", "after")
        # Hedges may be phrases ("bisa jadi", "is estimated"): matched on the words around the figure.
        self.hedge_re = _phrases(all_forms(lang, "qualifiers", "hedges"))
        # "could number as many as 8,000": a bound that estimates rather than caps becomes a guess.
        self.hedged_bounds = {w.casefold() for w in all_forms(lang, "qualifiers", "hedged_bounds")}
        # "GeoNet revised the magnitude of Monday's earthquake up to 7.8": after a verb of change
        # in the clause, such a bound is the new value, not a cap.
        changes = all_forms(lang, "qualifiers", "changed_to")
        self.changed_to_re = re.compile(r"\b(?:" + alternation(changes) + r")\b[^,;:.]*$", re.I) if changes else None
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
