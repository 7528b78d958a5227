"""Comparing claims: comparison keys, scope and time relations, and a verdict per pair.

Claims are compared only within a key (measure family, action, unit, currency),
so the work grows with the number of claims, not its square. A subject counts when the sentence
names it; a claim whose subject is only inferred from its document (or unknown) is a weak member:
it is compared with the other weak claims of its key, and with the claims that name its inferred
subject (or, when it has none or no claim names it, with every subject's claims), each time
pair by pair in small groups and with its NEIGHBOURS nearest by figure in large ones. Inside a
key:

- a small key (at most SMALL_KEY claims) is compared pair by pair;
- a larger key first folds claims that say the same thing (same figure, measure, place and
  times) onto the first of them with one `agree` edge each, then compares the distinct
  statements pair by pair when there are at most SMALL_KEY of them, else each one with its
  NEIGHBOURS nearest by figure (sorted by interval). Every claim stays in its cluster; a
  disagreement is reported once between the first claims of two statements, and the report
  lists every source of each statement.

See `relation` for the verdicts and `ontology/measures.ttl` for the measure hierarchy.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from itertools import combinations
from typing import Iterator, Sequence

from kg.clean import kept_spans
from kg.entities import Entities, split_place
from kg.intervals import APPROX_PAIR_TOLERANCE, Interval, date_span, days_apart, describe, interval_of, overlaps
from kg.lang import alternation, fold_case, forms
from kg.measures import Measures, load_measures
from kg.model import Claim, Comparison, Document, Quantity
from kg.sentences import split_sentences
from kg.speaker_names import same_speaker

SMALL_KEY = 200  # keys up to this size are compared pair by pair (at most 19,900 pairs)
NEIGHBOURS = 8  # in larger keys, each distinct statement meets this many nearest by figure
# A state count (members, residents) said within a week of another is "the same time";
# an event tally (killed, evacuated) changes by the day, so any other day is another time.
STATE_WINDOW_DAYS = 7
EVENT_WINDOW_DAYS = 0
# An undated event is matched to another only when both were reported this close together.
UNDATED_EVENT_DAYS = 7
# A running toll is its story's: it meets a dated event count only when given this soon after.
TOLL_DAYS = 31


class Profile:
    """What comparing needs to know about one claim, computed once."""

    __slots__ = ("claim", "key", "noun", "chain", "iv", "iv_beside_approx", "place", "place_id", "said", "event", "speaker", "subject")

    def __init__(self, claim: Claim, key: tuple, chain: tuple[str, ...], place: str | None,
                 place_id: tuple[str, ...], speaker: str, subject: str | None = None):
        self.claim = claim
        self.subject = subject  # the canonical subject, named in the sentence or inferred
        self.key = key
        self.chain = chain
        self.noun = chain[0]
        self.iv: Interval = interval_of(claim.quantity)
        # The interval read against another approximate figure (see APPROX_PAIR_TOLERANCE).
        self.iv_beside_approx: Interval = (interval_of(claim.quantity, APPROX_PAIR_TOLERANCE)
                                           if claim.quantity.qualifier == "approx" else self.iv)
        self.place = place
        self.place_id = place_id
        self.said = date_span(claim.said_on)
        self.event = date_span(claim.event_on) if claim.is_event else None
        self.speaker = speaker

    def statement(self) -> tuple:
        """Everything the verdict against another claim depends on, besides doc and speaker."""
        return (self.subject, self.noun, self.place_id, self.said, self.event, self.iv)


class Scope:
    """Builds claim profiles and relates places and measures, with caches for repeated names."""

    def __init__(self, entities: Entities, measures: Measures | None = None,
                 documents: Sequence[Document] = ()):
        self.entities = entities
        self.measures = measures or load_measures()
        self.languages = {d.doc: d.language for d in documents}
        self.fact_checks = {d.doc for d in documents if _is_fact_check(d)}
        self.documents = {d.doc: d for d in documents}
        self._lead_ins: dict[str, dict[int, str]] = {}
        self._marked: dict[tuple[str, str, str], bool] = {}
        self._places: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._place_rel: dict[tuple[str | None, str | None], str | None] = {}
        self._names: dict[str, str] = {}

    def name(self, text: str) -> str:
        """The canonical label of a name, or the name itself."""
        out = self._names.get(text)
        if out is None:
            out = self._names[text] = self.entities.canonical(text) or text.strip()
        return out

    def place(self, text: str | None) -> tuple[str | None, tuple[str, ...]]:
        """A place as written canonically and as a sorted tuple of its parts (for equality)."""
        if not text:
            return None, ()
        hit = self._places.get(text)
        if hit is None:
            parts = [self.name(p) for p in split_place(text)]
            hit = self._places[text] = (" and ".join(parts), tuple(sorted(set(p.casefold() for p in parts))))
        return hit

    def profile(self, claim: Claim) -> Profile:
        """The profile of a claim that has a measure."""
        ms = self.measures
        action = ms.action(claim.action)
        noun = claim.measure.strip()
        words = noun.split(" ")
        if action and len(words) > 1 and ms.action(words[-1]) == action:
            noun = " ".join(words[:-1])
        elif action is None and len(words) > 1 and ms.is_action(words[-1]):
            action, noun = ms.action(words[-1]), " ".join(words[:-1])
        chain = ms.chain(noun)
        q = claim.quantity
        # The subject is not part of the key: a subject only inferred from the document (or none)
        # may meet any; two subjects the sentences name must be the same (see `comparable`).
        key = (chain[-1], action, q.unit, q.currency)
        subject = self.name(claim.subject) if claim.subject else None
        place, place_id = self.place(claim.place)
        speaker = self.name(claim.speaker).casefold() if claim.speaker else ""
        return Profile(claim, key, chain, place, place_id, speaker, subject)

    def place_relation(self, a: Profile, b: Profile) -> str | None:
        """`same`, `narrower` (a within b), `broader`, `overlap`, `unknown` (one unnamed), or None: disjoint."""
        if a.place_id == b.place_id:
            return "same"
        if not a.place or not b.place:
            return "unknown"
        pair = (a.place, b.place)
        if pair not in self._place_rel:
            within = self.entities.place_within
            if within(a.place, b.place):
                rel = "narrower"
            elif within(b.place, a.place):
                rel = "broader"
            elif any(within(x, y) or within(y, x) for x in split_place(a.place) for y in split_place(b.place)):
                rel = "overlap"
            else:
                rel = None
            self._place_rel[pair] = rel
        return self._place_rel[pair]

    def reported(self, p: Profile) -> tuple[int, int] | None:
        """When a claim was said: its own date, else the day its article was published (a
        statement is never made after the article that reports it)."""
        if p.said:
            return p.said
        doc = self.documents.get(p.claim.doc)
        return date_span(doc.published) if doc else None

    def is_toll(self, p: Profile) -> bool:
        """Whether a count is the running toll of its story's event ("the death toll has risen
        to 85"), which an article may set beside the count of the event itself."""
        return self._marks(p.claim.doc, p.claim.sentence, "cumulative_markers", "toll")

    def is_total(self, p: Profile) -> bool:
        """Whether a count says it sums up a period ("so far", "sejak", "last year")."""
        return self._marks(p.claim.doc, p.claim.sentence, "cumulative_markers", "total")

    def _marks(self, doc: str, sentence: str, section: str, key: str) -> bool:
        """Whether a sentence of a document holds a marker word of events.toml [section] key."""
        lang = self.languages.get(doc, "id")
        memo = (lang, section + "." + key, sentence)
        hit = self._marked.get(memo)
        if hit is None:
            hit = self._marked[memo] = bool(_marker_re(lang, section, key).search(fold_case(sentence)))
        return hit

    def lead_in(self, claim: Claim) -> str:
        """The sentence before a claim's sentence in its paragraph ("Angka berbeda disampaikan
        Kementerian Kesehatan."), or "" when it opens one or its document is unknown."""
        doc = self.documents.get(claim.doc)
        if doc is None:
            return ""
        before = self._lead_ins.get(claim.doc)
        if before is None:
            sentences = split_sentences(doc.text, doc.kept or kept_spans(doc.text, doc.language), doc.language)
            before = self._lead_ins[claim.doc] = {
                s.start: doc.text[p.start:p.end] for p, s in zip(sentences, sentences[1:]) if p.paragraph == s.paragraph}
        return before.get(claim.sentence_start, "")

    def in_title(self, claim: Claim) -> bool:
        """Whether a claim stands in its document's headline (the first line, when it has one)."""
        doc = self.documents.get(claim.doc)
        return bool(doc and doc.title) and claim.sentence_start == 0

    def set_against(self, a: Profile, b: Profile) -> bool:
        """Whether an article sets two of its figures against each other: it is a fact-check,
        or the sentence of either, or the sentence that leads into it, says the figures differ
        ("angka yang lebih tinggi", "up from", "Angka berbeda disampaikan Kemenkes. ...")."""
        doc = a.claim.doc
        if doc in self.fact_checks:
            return True
        sentences = (a.claim.sentence, b.claim.sentence, self.lead_in(a.claim), self.lead_in(b.claim))
        if any(self._marks(doc, s, "contrast_markers", "words") for s in sentences):
            return True
        # "Sementara itu, BNPB mencatat 45 warga luka-luka": a sentence that turns to another
        # source's account, when the two figures have two different named speakers
        return bool(a.speaker and b.speaker and a.speaker != b.speaker
                    and any(self._marks(doc, s, "contrast_markers", "other_source") for s in sentences[:2])
                    and not same_speaker(a.claim.speaker, b.claim.speaker, self.languages.get(doc, "id"), self.entities))


def _is_fact_check(doc: Document) -> bool:
    """Whether a document is a fact-check: its headline says so, or its outlet only checks facts."""
    if doc.title and _marker_re(doc.language, "contrast_markers", "fact_check").search(fold_case(doc.title)):
        return True
    where = " ".join(filter(None, (doc.publisher, doc.url))).casefold()
    return bool(where) and any(o in where for o in forms(doc.language, "events", "contrast_markers").get("fact_check_outlets", []))


@lru_cache(maxsize=None)
def _marker_re(lang: str, section: str, key: str) -> re.Pattern[str]:
    """The marker words of one key of a section of a language's kg/lang/<lang>/events.toml."""
    return re.compile(rf"(?<!\w)(?:{alternation(forms(lang, 'events', section)[key])})(?!\w)")


def same_event(a: Profile, b: Profile, place_rel: str) -> bool:
    """Whether two event counts count the same event (needs positive evidence, never a guess).

    Both dated: the same day (or overlapping partial dates). Otherwise the same named place,
    and either the same document or both reported within UNDATED_EVENT_DAYS of each other.
    """
    if a.event and b.event:
        return days_apart(a.event, b.event) == 0
    if place_rel != "same" or not a.place:
        return False
    if a.claim.doc == b.claim.doc:
        return True
    return bool(a.said and b.said and days_apart(a.said, b.said) <= UNDATED_EVENT_DAYS)


def story_count(event: Profile, state: Profile, scope: Scope) -> bool:
    """Whether a count with no event of its own ("tiga orang meninggal") may count the event
    another figure counts ("kebakaran itu menewaskan lima orang"): it was said within
    UNDATED_EVENT_DAYS of that event, both dates known, and it does not say it sums up a
    period ("so far", "last year"). An undated count may be any event's."""
    when, said = event.event or scope.reported(event), scope.reported(state)
    return bool(when and said and days_apart(when, said) <= UNDATED_EVENT_DAYS
                and not scope.is_total(state))


def toll_of(event: Profile, state: Profile, scope: Scope) -> bool:
    """Whether a count is the running toll of an event ("the death toll has risen to 36"): it
    says so, and when both dates are known it was given within TOLL_DAYS of the event (the
    toll of a fire is no count of "the 1991 firestorm, which killed 25 people")."""
    if not scope.is_toll(state):
        return False
    said = scope.reported(state)
    return not (event.event and said and days_apart(event.event, said) > TOLL_DAYS)


def two_readings(a: Profile, b: Profile, measure_rel: str, scope: Scope) -> bool:
    """Whether two figures of one article are two sources' readings of a measure an event has
    one value of (measures.ttl kgm:oneReading: "USGS put the magnitude at 6.2" beside "INGV
    measured 6.0"): the same measure, and a named source for at least one that the other lacks."""
    return (measure_rel == "same" and a.chain[-1] in scope.measures.one_reading
            and bool(a.speaker or b.speaker) and a.speaker != b.speaker)


def relation(a: Profile, b: Profile, scope: Scope) -> tuple[str, str] | None:
    """The verdict on two claims of one key and its reason, or None when they are not compared.

    Not compared: measures or places with disjoint scopes, event counts of different events,
    an event count and a count of no event unless that is the story's running toll (`toll_of`)
    or was said within a week of the event (`story_count`), and a part of a breakdown with
    anything but its own measure in another article. Then `agree` when the intervals overlap;
    else nothing for two decided sums (measures.ttl kgm:decidedSums: two different allocations
    are two decisions, not a disagreement); else `differs_scope` when measure or place differ
    (one contains or overlaps the other, or only one names a place); else `differs_time` when
    said more than a window apart (STATE_WINDOW_DAYS, or EVENT_WINDOW_DAYS for counts with an
    action) — an unknown date is not a difference by itself; else `conflict`.

    Two figures of one article are linked when they agree, but reported as differing only when
    the article sets them against each other (`Scope.set_against`): a reporter who puts two
    different figures side by side without a word of contrast is counting two things (a
    part, another place, another day), which the extractor cannot always tell apart.
    """
    ca = a.claim
    measure_rel = scope.measures.relation(a.chain, b.chain)
    if measure_rel is None:
        return None
    if (ca.is_part or b.claim.is_part) and (measure_rel != "same" or ca.doc == b.claim.doc):
        return None
    place_rel = scope.place_relation(a, b)
    if place_rel is None:
        return None
    if ca.is_event and b.claim.is_event and not same_event(a, b, place_rel):
        return None
    if ca.is_event != b.claim.is_event:
        event, state = (a, b) if ca.is_event else (b, a)
        if place_rel not in ("same", "unknown") or not (toll_of(event, state, scope) or story_count(event, state, scope)):
            return None
    both_approx = ca.quantity.qualifier == b.claim.quantity.qualifier == "approx"
    if overlaps(a.iv_beside_approx, b.iv_beside_approx) if both_approx else overlaps(a.iv, b.iv):
        return "agree", _reason(a, b, "agree", measure_rel, place_rel)
    if ca.doc == b.claim.doc and not (two_readings(a, b, measure_rel, scope) or scope.set_against(a, b)):
        return None
    if ca.quantity.unit == "money" and a.chain[-1] in scope.measures.decided_sums:
        return None
    if measure_rel != "same" or place_rel != "same":
        return "differs_scope", _reason(a, b, "differs_scope", measure_rel, place_rel)
    window = EVENT_WINDOW_DAYS if ca.action else STATE_WINDOW_DAYS
    if a.said and b.said and days_apart(a.said, b.said) > window:
        return "differs_time", _reason(a, b, "differs_time", measure_rel, place_rel)
    return "conflict", _reason(a, b, "conflict", measure_rel, place_rel)


def _who(c: Claim) -> str:
    """Speaker (or outlet) with outlet, agency and date: `X (korannews.com, via AFP, said 2023-03-12)`."""
    name = c.speaker or c.publisher or c.doc
    notes = [c.publisher] if c.speaker and c.publisher else []
    if c.via:
        notes.append(f"via {c.via}")
    notes.append(f"said {c.said_on}" if c.said_on else "date unknown")
    return f"{name} ({', '.join(notes)})"


def _what(p: Profile) -> str:
    c = p.claim
    text = f'{describe(c.quantity)} {c.measure}'
    if p.place:
        text += f" in {p.place}"
    if c.event_on and c.is_event:
        text += f" on {c.event_on}"
    return f'{text} ("{c.quantity.text}")'


def _nesting(rel: str, a: str | None, b: str | None, within: str) -> str | None:
    """How scope a relates to scope b in words ("fighters are part of members")."""
    if rel == "narrower":
        return f"{a} {within} {b}"
    if rel == "broader":
        return f"{b} {within} {a}"
    if rel == "overlap":
        return f"{a} and {b} overlap in part"
    return None


def _scope_words(a: Profile, b: Profile, measure_rel: str, place_rel: str) -> list[str]:
    notes = [_nesting(measure_rel, a.noun, b.noun, "are part of"), _nesting(place_rel, a.place, b.place, "lies within")]
    if place_rel == "unknown":
        notes.append(f"only one names a place ({a.place or b.place})")
    return [n for n in notes if n]


def _reason(a: Profile, b: Profile, rel: str, measure_rel: str, place_rel: str) -> str:
    """A plain-language reason naming both figures, speakers, outlets and dates."""
    head = f"{_who(a.claim)} says {_what(a)}; {_who(b.claim)} says {_what(b)}."
    scope_notes = _scope_words(a, b, measure_rel, place_rel)
    if rel == "agree":
        tail = "The figures are compatible: the values they allow overlap"
        tail += f" ({'; '.join(scope_notes)})." if scope_notes else "."
    elif rel == "differs_scope":
        tail = f"The figures do not overlap, but they count different scopes: {'; '.join(scope_notes)}."
        a_within = measure_rel in ("same", "narrower") and place_rel in ("same", "narrower")
        b_within = measure_rel in ("same", "broader") and place_rel in ("same", "broader")
        narrow, wide = (a, b) if a_within else (b, a)
        if (a_within or b_within) and narrow.iv.lo > wide.iv.hi:
            tail += " Yet the narrower count is the larger one."
    elif rel == "differs_time":
        tail = (f"The figures do not overlap, but they were given at different times "
                f"({a.claim.said_on} and {b.claim.said_on}).")
    else:
        tail = "The figures do not overlap although they count the same thing, in the same place, at the same time."
        if not (a.said and b.said):
            tail += " (The date of one is unknown.)"
    if "hedged" in (a.claim.quantity.qualifier, b.claim.quantity.qualifier):
        tail += " One figure is hedged, so it weighs less."
    return f"{head} {tail}"


def _pairs(group: list[Profile]) -> list[tuple[Profile, Profile]]:
    """The pairs of one key to judge (see the module docstring for large keys)."""
    if len(group) <= SMALL_KEY:
        return list(combinations(group, 2))
    statements: dict[tuple, list[Profile]] = defaultdict(list)
    for p in group:
        statements[p.statement()].append(p)
    out: list[tuple[Profile, Profile]] = []
    for members in statements.values():
        out.extend((members[0], m) for m in members[1:])
    firsts = [members[0] for members in statements.values()]
    if len(firsts) <= SMALL_KEY:
        out.extend(combinations(firsts, 2))
    else:
        firsts.sort(key=lambda p: (p.iv.lo, p.iv.hi))
        for i, a in enumerate(firsts):
            out.extend((a, b) for b in firsts[i + 1:i + 1 + NEIGHBOURS])
    return out


def compare_claims(claims: Sequence[Claim], entities: Entities,
                   documents: Sequence[Document] = ()) -> list[Comparison]:
    """Compare claims within their keys; one Comparison per compared pair, key by key in input order.

    Claims without a measure are not compared. A part of a breakdown or a batch meets only
    claims of exactly its measure in other articles (in its own article the figures beside it
    are its whole and its siblings). A restatement (`same_as`) is compared like its original,
    except with it, so that whichever mention a fact-checker meets shows its disagreements.
    Claims whose subject is only inferred are compared with the others of their key (see the
    module docstring).
    `documents`: the claims' documents, for their language and whether they are fact-checks
    (without them every document is read as Indonesian news).
    """
    with _gc_paused():
        return _compare(claims, Scope(entities, documents=documents))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while comparing.

    Comparing allocates millions of small acyclic objects; the collector's repeated passes over
    them made the time grow faster than the claims (300k claims: 11 s with it, 3.4 s without).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _compare(claims: Sequence[Claim], scope: Scope) -> list[Comparison]:
    named: dict[tuple, dict[str, list[Profile]]] = defaultdict(lambda: defaultdict(list))
    weak: dict[tuple, list[Profile]] = defaultdict(list)
    keys: dict[tuple, None] = {}  # in the order the claims first meet them, so output is stable
    bounded = {c.id: c.quantity for c in claims if c.quantity.qualifier != "exact"}
    for claim in claims:
        if not claim.measure:
            continue
        profile = scope.profile(_with_original_bound(claim, bounded) if scope.in_title(claim) else claim)
        keys.setdefault(profile.key)
        if claim.subject and not claim.subject_inferred:
            named[profile.key][profile.subject].append(profile)
        else:
            weak[profile.key].append(profile)
    out: list[Comparison] = []
    for key in keys:
        groups = named.get(key, {})
        pairs = [pair for group in groups.values() for pair in _pairs(group)]
        pairs += _pairs(weak.get(key, []))
        pairs += _weak_pairs(weak.get(key, []), groups)
        for a, b in pairs:
            if a.claim.doc == b.claim.doc and (a.claim.same_as or a.claim.id) == (b.claim.same_as or b.claim.id):
                continue  # a restatement is no new evidence beside what it restates
            verdict = relation(a, b, scope)
            if verdict is not None:
                out.append(Comparison(a.claim.id, b.claim.id, *verdict))
    return out


def _with_original_bound(claim: Claim, bounded: dict[str, Quantity]) -> Claim:
    """A headline's bare restatement of a bounded figure ("toll reaches 73" for the body's "at
    least 73 people": headlines drop the bound) is compared with the bound of what it restates.
    A bare figure in the body ("the toll had risen to 233") is exact."""
    original = bounded.get(claim.same_as or "")
    q = claim.quantity
    if original is None or q.qualifier != "exact" or (original.low, original.high) != (q.low, q.high):
        return claim
    return replace(claim, quantity=replace(q, qualifier=original.qualifier))


def _weak_pairs(weak: list[Profile], groups: dict[str, list[Profile]]) -> list[tuple[Profile, Profile]]:
    """Each weak claim against the claims naming its inferred subject, or against every subject's
    claims when it has none that any claim names: all pairs in a small group, else the NEIGHBOURS
    nearest by figure."""
    if not weak:
        return []
    ordered = {s: sorted(g, key=lambda p: (p.iv.lo, p.iv.hi)) for s, g in groups.items()}
    lows = {s: [p.iv.lo for p in g] for s, g in ordered.items()}
    half = NEIGHBOURS // 2
    out: list[tuple[Profile, Profile]] = []
    for a in weak:
        targets = [a.subject] if a.subject in ordered else list(ordered)
        for s in targets:
            group = ordered[s]
            if len(group) <= SMALL_KEY:
                out.extend((a, b) for b in group)
                continue
            at = bisect_left(lows[s], a.iv.lo)
            out.extend((a, b) for b in group[max(0, at - half): at + half])
    return out
