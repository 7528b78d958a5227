"""What looks like a number but is no figure: dates, years, times, labels, codes, phone numbers,
ordinals, numbers in names and in web addresses."""
from __future__ import annotations

import re

from kg.number_lexicon import Atom, Lexicon
from kg.units import UnitReader

# A time of day "17.41" or "08:00".
TIME_DIGITS = re.compile(r"^\d{1,2}[.:]\d{2}$")


# A date written with slashes "13/3/2023", "(12/3)", or a digit glued to a slash.
SLASH_DATE = re.compile(r"\d\s*/\s*\d")


# A year: four digits from 1900 to 2099 without separators.
YEAR = re.compile(r"^(?:19|20)\d\d$")


# Context around a number that makes it a phone number, code, name or list marker.
LEADING_ZERO = re.compile(r"0\d")  # "021", "0812"


DIGITS_BEFORE = re.compile(r"\d[\s)]+$")  # "(021) 5234": digit groups side by side


DIGITS_AFTER = re.compile(r"[\s-]+\(?\d")


RANGE_AFTER = re.compile(r"\s*[-–]\s*\d")  # "400 - 500" is a range, not a code


SLASH_NAME = re.compile(r"/[A-Za-z]")  # "Kodim 1609/Buleleng"


LETTER_BEFORE = re.compile(r"[A-Za-z][-‐+]?$")  # "C-130", "G20", "H+1" (a day counted from Lebaran)
# A person's age in brackets after the name: "Yusra (52)", "RH (34)".
AGE = re.compile(r"[A-Z][\w.'’-]*\s*\($")
AGE_CLOSE = re.compile(r"\)")


LETTER_AFTER = re.compile(r"[A-Za-z]")  # "5G", "3D"


NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


OPEN_BRACKET = re.compile(r"\(\s*$")


CLOSE_BRACKET = re.compile(r"\s*\)")


HYPHEN_DIGIT_BEFORE = re.compile(r"\d[-–]$")  # "0812-1234-5678"


HYPHEN_DIGIT_AFTER = re.compile(r"[-–]\d")


WORD = re.compile(r"\w+")


# A web address: its digits are ids and dates, never figures.
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)


# Punctuation right before a number parts it from the word before.
PUNCT_BEFORE = re.compile(r"[,;:)]\s*$")
# Runs of eight or more digits without separators are phone or reference numbers.
LONG_RUN = re.compile(r"^\d{8,}$")


# A month name this short ("may", "mar") is a month only when written with a capital.
SHORT_MONTH = 3


# A time of day written with a colon: "10:30", "17:41".
COLON_BEFORE = re.compile(r"\d:$")


COLON_AFTER = re.compile(r":\d")


# A fraction glued to a word by a hyphen names a relation: "half-brother", "half-time".
HYPHEN_WORD_AFTER = re.compile(r"[-‐][A-Za-z]")


# The highest hour a time of day can name ("5 p.m.", "12 WIB").
MAX_HOUR = 24


def is_excluded(text: str, a: Atom, lex: Lexicon) -> bool:
    """Dates, years, times, labels, ordinals and numbers inside names are not figures."""
    if AGE.search(text[: a.start]) and AGE_CLOSE.match(text[a.end:]) and a.kind == "digits" and a.low < 130:
        return True
    if lex.not_count_after.match(text[a.end:]):
        return True  # "satu kasus pun": not even one, no count
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
    # Glued to letters before ("C-130", "COVID-19", "ke-3"), unless a currency sign ("Rp38") or
    # a unit word ("magnitude-7.8") or symbol ("M5,8").
    if LETTER_BEFORE.search(before) and not lex.currency_glued.search(before) and not UnitReader(lex.lang).glued_before(before, num):
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
    # A label stands right before its number: "group, 14 people died" is no label "group 14".
    labelled = (prev_word in lex.labels or prev_two in lex.labels) and not PUNCT_BEFORE.search(before)
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


def glued_code(text: str, a: Atom) -> bool:
    """Digits glued by hyphens to more digits beyond a range ("1234-5678" in "0812-1234-5678")."""
    return bool(HYPHEN_DIGIT_BEFORE.search(text[: a.start]) or HYPHEN_DIGIT_AFTER.match(text[a.end:]))
