"""Kept spans -> paragraphs -> sentences, all as offsets into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from kg.lang import all_forms

# A candidate sentence end: . ! ? or an ellipsis, optional closing quotes/brackets, then space.
SENTENCE_END = re.compile(r"(?:[.!?]|…)[\"'”’)\]]*(?=\s)")
# What may open the next sentence: a capital, a digit or an opening quote.
NEXT_OPENS = re.compile(r"\s+[\"'“”‘(\[]?[A-Z0-9À-Þ]")
# The word before a full stop, to check it against the abbreviation list.
WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: [start, end) in the original text and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


def paragraphs(text: str, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group kept spans into paragraphs, joining hard-wrapped lines of one paragraph."""
    out: list[list[tuple[int, int]]] = []
    prev_end = None
    for start, end in spans:
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        gap = text[prev_end:start] if prev_end is not None else "\n\n"
        prev = text[out[-1][-1][0]:out[-1][-1][1]].rstrip() if out else ""
        # A single line break before a lower-case word continues the previous paragraph.
        wrapped = gap.count("\n") == 1 and stripped[0].islower() and prev and prev[-1] not in ".!?\"”"
        same_line = "\n" not in gap  # a piece left over after an inline cut
        if out and (wrapped or same_line):
            out[-1].append((start, end))
        else:
            out.append([(start, end)])
        prev_end = end
    return out


def _is_abbreviation(before: str, abbreviations: set[str]) -> bool:
    m = WORD_BEFORE_DOT.search(before)
    if not m:
        return False
    word = m.group(1).casefold()
    # Single capitals ("M. Yusuf") are initials, not sentence ends.
    return word in abbreviations or (len(word) == 1 and word.isalpha())


@lru_cache(maxsize=256)
def split_sentences(text: str, spans: tuple[tuple[int, int], ...], lang: str = "id") -> tuple[Sentence, ...]:
    """Sentences of the kept spans, never crossing a paragraph (cached: metadata and claims
    both read the sentences of one document)."""
    abbreviations = set(all_forms(lang, "sentences", "abbreviations"))
    out: list[Sentence] = []
    for p_index, para in enumerate(paragraphs(text, spans)):
        for start, end in para:
            chunk = text[start:end]
            pos = 0
            for m in SENTENCE_END.finditer(chunk):
                if not NEXT_OPENS.match(chunk, m.end()):
                    continue
                if chunk[m.start()] == "." and _is_abbreviation(chunk[: m.start() + 1], abbreviations):
                    continue
                _append(out, text, start + pos, start + m.end(), p_index)
                pos = m.end()
            _append(out, text, start + pos, end, p_index)
    return tuple(_merge_wrapped(out, text))


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    # Trim white space so a sentence's offsets start and end on its words.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))


def _merge_wrapped(sentences: list[Sentence], text: str) -> list[Sentence]:
    """Join pieces of one paragraph that an inline cut or a hard wrap split mid-sentence."""
    out: list[Sentence] = []
    for s in sentences:
        if out and out[-1].paragraph == s.paragraph:
            prev_text = text[out[-1].start:out[-1].end].rstrip()
            if prev_text and prev_text[-1] not in ".!?\"”’…" and text[s.start].islower():
                out[-1] = Sentence(out[-1].start, s.end, s.paragraph)
                continue
        out.append(s)
    return out
