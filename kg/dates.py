"""Date expressions -> ISO dates, resolved against the publication date; unknown stays None."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from kg.lang import alternation, fold_case, forms, inverse

# A digit, for the pre-check.
DIGIT = re.compile(r"\d")
# A word, for the pre-check of date keywords.
WORD = re.compile(r"[^\W\d_]+")
# A month name this short ("may", "mar") is a month only when written with a capital.
SHORT_MONTH = 3


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text: [start, end), its resolved ISO value (or None), its kind."""

    start: int
    end: int
    value: str | None
    kind: str  # day | month | year | week | weekday



@lru_cache(maxsize=None)
class DateLexicon:
    """The compiled date patterns of one language."""

    def __init__(self, lang: str = "id"):
        self.months = {w: int(k) for w, k in inverse(lang, "months", "months").items()}
        self.weekdays = {w: int(k) for w, k in inverse(lang, "months", "weekdays").items()}
        self.rel_days = {w: int(k) for w, k in inverse(lang, "months", "relative_days").items()}
        self.rel_periods = inverse(lang, "months", "relative_periods")
        month, wd = alternation(self.months), alternation(self.weekdays)
        zones = alternation(forms(lang, "months", "time_zones")["zone"])
        suffix = alternation(forms(lang, "months", "weekday_suffixes")["suffix"])
        ago = alternation(forms(lang, "months", "ago_words")["ago"])
        parts = alternation(forms(lang, "months", "month_parts")["part"])
        self.ago_units = inverse(lang, "months", "ago")
        # "Nomor 1 Tahun 2023": a number, then the year word, right before the year.
        self.law_year = re.compile(rf"\d+\s+(?:{alternation(forms(lang, 'months', 'law_year')['before'])})\s+$", re.I)
        self.small_numbers = {w: int(k) for k, ws in forms(lang, "numbers", "units").items() for w in ws if int(k) < 100}
        # Words that can open a date expression without a digit; a text with neither skips the scan.
        self.keywords = {w.split()[0] for w in (*self.months, *self.weekdays, *self.rel_days, *self.rel_periods,
                                               *self.small_numbers)}
        # Month names of four letters or more: "Mar" or "Jan" alone are too often other words.
        full_months = [w for w in self.months if len(w) > 3]
        tail = rf"(?:\s+(?:{zones}))?"
        # "March 13, 2016", "Tuesday, June 18", "Sept. 11": where the language writes the month first.
        mdy = (rf"|(?P<mdy>(?:\b(?P<mwd>{wd})\b,?\s*)?\b(?P<mdm>{month})\b\.?\s+(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b"
               rf"(?![.,]\d)(?:,?\s+(?P<mdyy>\d{{4}})\b)?{tail})"
               if "mdy" in forms(lang, "numbers", "format").get("date_orders", []) else "")
        self.pattern = re.compile(
            # "Senin (13/3/2023)", "Minggu (12/3) waktu setempat", "(7/1)"
            rf"(?P<slash>(?:\b(?P<swd>{wd})\b,?\s*)?\(?\b(?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})(?:/(?P<sy>\d{{2,4}}))?\b\)?{tail})"
            # "Senin, 13 Maret 2023", "26 Februari", "28 September lalu"
            rf"|(?P<named>(?:\b(?P<nwd>{wd})\b,?\s*)?\b(?P<nd>\d{{1,2}})\s+(?P<nm>{month})\b\.?(?:\s+(?P<ny>\d{{4}})\b)?{tail})"
            + mdy +
            # "Maret 2023"
            rf"|(?P<monthyear>\b(?P<mm>{month})\s+(?P<my>\d{{4}})\b)"
            # "tiga hari lalu", "2 bulan yang lalu"
            rf"|(?P<ago>\b(?P<agon>\d{{1,3}}|{alternation(self.small_numbers)})\s+(?P<agou>{alternation(self.ago_units)})\s+(?:{ago})\b)"
            rf"|(?P<relperiod>\b(?:{alternation(self.rel_periods)})\b)"
            rf"|(?P<relday>\b(?:{alternation(self.rel_days)})\b)"
            # "pada Selasa", "Rabu kemarin": a capitalised weekday alone
            rf"|(?P<weekday>\b(?P<wwd>{wd})\b(?!\s*\(?\d)(?:\s+(?:{suffix})\b)?{tail})"
            # "Februari", "awal Maret", "Agustus lalu": a capitalised month name alone
            rf"|(?P<month>(?:\b(?:{parts})\s+)?\b(?P<mon>{alternation(full_months)})\b(?:\s+(?:{ago})\b)?)"
            # "tahun 2014", "pertengahan 2014": a year
            rf"|(?P<year>\b(?:19|20)\d\d\b)",
        )  # matched against the lower-cased text: one case-sensitive scan is much faster

    def may_hold_date(self, text: str) -> bool:
        """A fast pre-check: the text has a digit or a word a date expression opens with."""
        return bool(DIGIT.search(text)) or not self.keywords.isdisjoint(WORD.findall(text.lower()))


def _parse_iso(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _day_month(day: int, month: int, year: int | None, pub: date | None) -> str | None:
    """A day and month, with the year given or the latest such date not after publication."""
    try:
        if year is not None:
            return date(year, month, day).isoformat()
        if pub is None:
            return None
        candidate = date(pub.year, month, day)
        if candidate > pub:
            candidate = date(pub.year - 1, month, day)
        return candidate.isoformat()
    except ValueError:
        return None


def _relative_period(key: str, pub: date | None) -> tuple[str | None, str]:
    if pub is None:
        return None, "month"
    if key == "previous_month":
        first = pub.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}", "month"
    if key == "this_month":
        return f"{pub.year:04d}-{pub.month:02d}", "month"
    if key == "previous_year":
        return f"{pub.year - 1:04d}", "year"
    if key == "this_year":
        return f"{pub.year:04d}", "year"
    return None, "week"  # "pekan lalu": a week, no single day


def _ago(count: int, unit: str, pub: date | None) -> tuple[str | None, str]:
    """N days, months or years before publication; weeks fix no single day."""
    if pub is None or unit == "week":
        return None, "week" if unit == "week" else unit
    if unit == "day":
        return (pub - timedelta(days=count)).isoformat(), "day"
    if unit == "month":
        months = pub.year * 12 + pub.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    return f"{pub.year - count:04d}", "year"


def _year(y: str | None) -> int | None:
    if not y:
        return None
    n = int(y)
    return n + 2000 if n < 100 else n


@lru_cache(maxsize=8192)
def date_matches(text: str, lang: str) -> tuple[re.Match, ...]:
    """The date expressions' matches in a text, whatever its publication date (shared by every
    caller that resolves them against one)."""
    lex = DateLexicon(lang)
    return tuple(lex.pattern.finditer(fold_case(text))) if lex.may_hold_date(text) else ()


@lru_cache(maxsize=8192)
def find_date_mentions(text: str, published: str | None, lang: str = "id") -> tuple[DateMention, ...]:
    """Every date expression in `text`, resolved against the publication date (cached: the
    stages ask again for the same sentence)."""
    lex = DateLexicon(lang)
    pub = _parse_iso(published)
    out = []
    for m in date_matches(text, lang):
        kind, value = "day", None
        groups = m.groupdict()
        month_word = next((g for g in ("nm", "mdm", "mm") if groups.get(g)), None)
        if month_word and len(m.group(month_word)) <= SHORT_MONTH and not text[m.start(month_word)].isupper():
            continue  # "10 may die", "they may 5": a short month name is written with a capital
        if groups.get("mdy"):
            month = lex.months[m.group("mdm")]
            value = _day_month(int(m.group("mdd")), month, _year(m.group("mdyy")), pub)
        elif m.group("slash"):
            value = _day_month(int(m.group("sd")), int(m.group("sm")), _year(m.group("sy")), pub)
        elif m.group("named"):
            month = lex.months[m.group("nm").casefold()]
            value = _day_month(int(m.group("nd")), month, _year(m.group("ny")), pub)
        elif m.group("monthyear"):
            kind, value = "month", f"{int(m.group('my')):04d}-{lex.months[m.group('mm').casefold()]:02d}"
        elif m.group("ago"):
            n = m.group("agon")
            count = int(n) if n.isdigit() else lex.small_numbers[n.casefold()]
            value, kind = _ago(count, lex.ago_units[m.group("agou").casefold()], pub)
        elif m.group("month"):
            if not text[m.start("mon")].isupper():
                continue  # a month name is written with a capital; "mei" alone may be a word
            kind = "month"
            if pub:
                month = lex.months[m.group("mon").casefold()]
                year = pub.year if month <= pub.month else pub.year - 1
                value = f"{year:04d}-{month:02d}"
        elif m.group("relperiod"):
            value, kind = _relative_period(lex.rel_periods[m.group("relperiod").casefold()], pub)
        elif m.group("relday"):
            offset = lex.rel_days[m.group("relday").casefold()]
            value = (pub + timedelta(days=offset)).isoformat() if pub else None
        elif m.group("weekday"):
            if not text[m.start("wwd")].isupper():
                continue  # "minggu" in lower case is a week, not Sunday
            kind = "weekday"
            if pub:
                back = (pub.weekday() - lex.weekdays[m.group("wwd").casefold()]) % 7
                value = (pub - timedelta(days=back)).isoformat()
        else:
            if lex.law_year.search(text[: m.start()]):
                continue  # "UU Nomor 1 Tahun 2023" numbers a law; it dates nothing
            kind, value = "year", m.group("year")
        out.append(DateMention(m.start(), m.end(), value, kind))
    return tuple(out)


def find_dates(text: str, published: str | None, lang: str = "id") -> list[tuple[int, int, str | None]]:
    """Every date expression in `text` as (start, end, ISO value or None)."""
    return [(d.start, d.end, d.value) for d in find_date_mentions(text, published, lang)]
