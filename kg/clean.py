"""Boilerplate and repeated paragraphs -> kept spans of the original text (offsets preserved)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kg.lang import all_forms, alternation, forms

# Lines with no letter at all ("*", "---") are never body.
NO_LETTER = re.compile(r"^[\W\d_]*$")
# Everything but letters and digits, dropped from a line's fingerprint.
NON_WORD = re.compile(r"[\W_]+")
# A share/comment widget line is short; a long line starting with "Facebook" is body.
SHORT_WIDGET_LINE = 80


@dataclass(frozen=True)
class Line:
    """One line of the original text: [start, end) and its text."""

    start: int
    end: int
    text: str


def lines(text: str) -> list[Line]:
    """Every line of `text` with its offsets (newline characters excluded)."""
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def fingerprint(s: str) -> str:
    """A line reduced to lower-case letters and digits, to find repeats despite spacing."""
    return NON_WORD.sub("", unicodedata.normalize("NFKC", s).casefold())


@lru_cache(maxsize=None)
def _heads(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Line heads that mark furniture: (whatever the line's length, only on short lines)."""
    sections = forms(lang, "boilerplate", "line_starts")
    always = tuple(sections.get("related", []) + sections.get("footer", []))
    short = tuple(sections.get("comments", []) + sections.get("share", []))
    return always, short


def is_boilerplate(line: str, lang: str = "id") -> bool:
    """True when the whole line is page furniture (related links, share bars, footers)."""
    low = line.strip().casefold()
    if not low or NO_LETTER.match(low):
        return True
    always, short_only = _heads(lang)
    return low.startswith(always) or (len(low) <= SHORT_WIDGET_LINE and low.startswith(short_only))


@lru_cache(maxsize=None)
def _inline_pattern(lang: str) -> re.Pattern[str]:
    heads = alternation(all_forms(lang, "boilerplate", "inline"))
    # "(Baca:Menhan Irak: Perang ... )" and a trailing "(mm)" initials tag of the editor.
    return re.compile(r"\(\s*(?:" + heads + r")\s*:[^)]*\)|\((?:[a-z]{1,4}|\*)\)\s*$", re.IGNORECASE)


def inline_cuts(line: Line, lang: str = "id") -> list[tuple[int, int]]:
    """Pieces of a body line left after cutting bracketed related-article links."""
    pieces, pos = [], line.start
    for m in _inline_pattern(lang).finditer(line.text):
        pieces.append((pos, line.start + m.start()))
        pos = line.start + m.end()
    pieces.append((pos, line.end))
    return [(a, b) for a, b in pieces if b > a]


def kept_spans(text: str, lang: str = "id") -> tuple[tuple[int, int], ...]:
    """The spans of `text` that are article body: no boilerplate, no repeated line."""
    seen: set[str] = set()
    kept: list[tuple[int, int]] = []
    for line in lines(text):
        if is_boilerplate(line.text, lang):
            continue
        key = fingerprint(line.text)
        if key in seen:  # repeated headline or a body scraped twice
            continue
        seen.add(key)
        kept.extend(inline_cuts(line, lang))
    return tuple(kept)
