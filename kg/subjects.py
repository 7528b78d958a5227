"""What a figure is about: subject entity, place, measure, action, and whether it counts one event."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.entities import Entities, split_place
from kg.lang import forms, inverse

# How far around a figure its action verb may stand ("menewaskan 22", "75 teroris ... tewas").
ACTION_BEFORE = 80
ACTION_AFTER = 60
# How close after the counted noun an owner entity must stand: "22 anggota ISIS".
OWNER_AFTER = 25
# How close before a date an event noun makes it the event's date: "operasi militer pada 26 Februari".
EVENT_DATE_WINDOW = 30
# Places joined into one scope: "Irak dan Suriah".
PLACE_JOIN = re.compile(r"^\s*(?:dan|and|serta|&)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """The subject, place and measure of one figure."""

    subject: str | None
    place: str | None
    measure: str | None
    action: str | None
    is_event: bool


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
class ContextLexicon:
    """The action and event words of one language."""

    def __init__(self, lang: str = "id"):
        self.actions = inverse(lang, "actions", "actions")
        self.action_re = re.compile(rf"\b({_alt(self.actions)})\b", re.IGNORECASE)
        events = [w for ws in forms(lang, "events", "event_nouns").values() for w in ws]
        totals = [w for ws in forms(lang, "events", "cumulative_markers").values() for w in ws]
        self.event_re = re.compile(rf"\b(?:{_alt(events)})\b", re.IGNORECASE)
        self.total_re = re.compile(rf"\b(?:{_alt(totals)})\b", re.IGNORECASE)


def main_subject(text: str, spans, entities: Entities) -> str | None:
    """The organisation a document is most about: its most frequent non-agency, non-place entity."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for start, end in spans:
        for s, _, label in entities.find(text[start:end]):
            if entities.kind(label) in ("organization", "person"):
                counts[label] += 1
                first.setdefault(label, start + s)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def _places(sentence: str, entities: Entities) -> list[tuple[int, int, str]]:
    """Place mentions, with "X dan Y" joined into one composite place."""
    found = [m for m in entities.find(sentence) if entities.kind(m[2]) == "place"]
    out: list[tuple[int, int, str]] = []
    for m in found:
        if out and PLACE_JOIN.match(sentence[out[-1][1]:m[0]]) and m[2] not in split_place(out[-1][2]):
            out[-1] = (out[-1][0], m[1], f"{out[-1][2]} and {m[2]}")
        else:
            out.append(m)
    return out


def figure_context(sentence: str, fig_start: int, fig_end: int, noun: str | None, unit: str,
                   entities: Entities, doc_subject: str | None, speaker_span: tuple[int, int] | None,
                   lang: str = "id") -> Context:
    """Subject, place, measure and event-ness of the figure at sentence[fig_start:fig_end]."""
    lex = ContextLexicon(lang)
    mentions = entities.find(sentence)
    orgs = [m for m in mentions if entities.kind(m[2]) in ("organization",)
            and not (speaker_span and speaker_span[0] <= m[0] < speaker_span[1])]
    owner = [m for m in orgs if fig_end <= m[0] <= fig_end + OWNER_AFTER]
    if owner:
        subject = owner[0][2]
    elif doc_subject and any(m[2] == doc_subject for m in orgs):
        subject = doc_subject
    elif orgs:
        subject = min(orgs, key=lambda m: min(abs(m[0] - fig_end), abs(m[1] - fig_start)))[2]
    else:
        subject = doc_subject
    places = [p for p in _places(sentence, entities)
              if not (speaker_span and speaker_span[0] <= p[0] < speaker_span[1])]
    after = [p for p in places if p[0] >= fig_end]
    before = [p for p in places if p[1] <= fig_start]
    place = after[0][2] if after else (before[-1][2] if before else None)
    lo, hi = max(0, fig_start - ACTION_BEFORE), min(len(sentence), fig_end + ACTION_AFTER)
    acts = [(m.start() + lo, m.group(1)) for m in lex.action_re.finditer(sentence[lo:hi])]
    action = None
    if acts:
        # Distance from the figure's near edge: "75 teroris tewas dan puluhan lainnya luka-luka".
        pos, word = min(acts, key=lambda a: a[0] - fig_end if a[0] >= fig_end else fig_start - a[0])
        action = lex.actions[word.casefold()]
    if place is None and subject and entities.kind(subject) == "place":
        place = subject
    base = noun or ("people" if unit == "person" else None)
    measure = f"{base} {action}" if base and action else (base or None)
    is_event = bool(action and lex.event_re.search(sentence) and not lex.total_re.search(sentence))
    return Context(subject, place, measure, action, is_event)


def event_date_positions(sentence: str, lang: str = "id") -> list[int]:
    """Offsets in the sentence where an event noun stands (a date right after it is the event's)."""
    return [m.end() for m in ContextLexicon(lang).event_re.finditer(sentence)]
