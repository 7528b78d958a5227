"""What a figure is about: subject entity, place, measure, action, and whether it counts one event."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence
from functools import lru_cache

from kg.dates import DateMention
from kg.entities import Entities, split_place
from kg.lang import alternation, fold_case, forms, inverse, object_verbs
from kg.number_lexicon import Lexicon
from kg.units import UnitReader

# How far around a figure its action verb may stand ("menewaskan 22", "75 teroris ... tewas").
ACTION_BEFORE = 120
ACTION_AFTER = 100
# How far back a head noun with its action may open the clause of a figure that has no action
# nearer: "Korban meninggal dunia dalam kecelakaan bus ... di tanjakan Sitinjau Lauik, Kota
# Padang, Sumatera Barat, bertambah menjadi delapan orang."
HEAD_ACTION_BEFORE = 300
# The measure of a length with no noun (units.toml [unit_measures]), and how far before it a
# depth word may stand ("at a depth of about 10 km").
DISTANCE = "distance"
MAGNITUDE = "magnitude"
# How far after an aftershock word its magnitude may stand, no figure between ("gempa susulan
# terbesar bermagnitudo 4,9").
AFTERSHOCK_REACH = 30
DEPTH_REACH = 30
# How far before an action word a counting phrase ("the number of") may start.
COUNTING_REACH = 25
# A figure opens its clause when at most this many words (a qualifier: "More than", "Sebanyak")
# stand before it; "Rumah yang tertimbun bertambah menjadi 19 unit dan ..." does not.
SHARED_VERB_OPENING = 2
# An action after a figure belongs to it only within its clause; a bracket is an aside
# ("1.236 jiwa dari 358 kepala keluarga (KK) terpaksa mengungsi"), not a clause break.
CLAUSE_END = re.compile(r"(?<!\d)[,;:]|[,;:](?!\d)")  # not inside "1,400" or "10:30"
# How close after the counted noun an owner entity must stand: "22 anggota ISIS".
OWNER_AFTER = 25
# How close before a date an event noun makes it the event's date: "operasi militer pada 26 Februari".
EVENT_DATE_WINDOW = 30
# How far after a speaker's name a place is where they spoke: "kata X kepada wartawan di Jakarta".
SPOKE_AT_REACH = 45
# How far around a figure a rate word may stand: "rata-rata 1.500 kendaraan menyeberang setiap hari".
RATE_REACH = 30
# How far before a figure a breakdown word may stand: "terdiri dari 12 penerbangan internasional".
PART_REACH = 60
# A date followed by this names an event, not a tally: "killed by Saturday's quake".
POSSESSIVE = re.compile(r"['’]s\b")
# How far before a place its locative word may stand: "di berbagai wilayah Irak".
LOCATIVE_REACH = 24
# How far before a figure the verb of the list it ends may stand ("merusak 412 rumah, 12 sekolah dan").
SHARED_OBJECT_REACH = 120
# How far before a date its tally word may stand: "hingga Senin siang", "as of Saturday evening".
TALLY_REACH = 30
# How far after a figure its clause may go on to the new count it adds to ("two bodies, bringing the toll to").
INCREMENT_THEN_REACH = 60
# A document's main organisation is its default subject once named this often.
MAIN_SUBJECT_MENTIONS = 3


@dataclass(frozen=True)
class Context:
    """The subject, place and measure of one figure."""

    subject: str | None
    subject_inferred: bool
    place: str | None
    measure: str | None
    action: str | None
    is_event: bool
    is_part: bool = False
    is_increment: bool = False



@lru_cache(maxsize=None)
class ContextLexicon:
    """The action and event words of one language."""

    def __init__(self, lang: str = "id"):
        self.actions = inverse(lang, "actions", "actions")
        self.object_verbs = object_verbs(lang)
        self.class_actions = inverse(lang, "actions", "class_actions")
        grammar = forms(lang, "actions", "grammar")
        coordinators = grammar.get("coordinators", [])
        self.next_figure_re = re.compile(rf"\b(?:{alternation(coordinators)})\s+(?:[^\W\d]+\s+)?\d") if coordinators else re.compile("(?!)")
        # A verb cut off from the figure by a coordinator or a clause mark does not take it as
        # its object: "31 were killed and 270 injured".
        self.verb_gap_re = re.compile(rf"[,;:]|\b(?:{alternation(coordinators)})\b" if coordinators else "[,;:]")
        openers = grammar.get("clause_openers", [])
        self.clause_opener_re = re.compile(rf"\b(?:{alternation(openers)})\b") if openers else re.compile("(?!)")
        naming = grammar.get("naming_verbs", [])
        self.naming_before_re = re.compile(rf"\b(?:{alternation(naming)})\s+$") if naming else None
        shared = grammar.get("shared_verb_joiners", [])
        self.shared_verb_re = re.compile(rf"(?:{alternation(shared)})\b") if shared else None
        counted = [*inverse(lang, "nouns", "persons"), *inverse(lang, "nouns", "things")]
        # Only counted nouns after a figure, at most two ("people", "ekor sapi"), no verb or mark.
        noun_only = rf"\s*(?:(?:{alternation(counted)})\b\s*){{0,2}}"
        self.noun_only_re = re.compile(noun_only)
        # "10,534 houses, 161 shophouses and 61 mosques were damaged": a list of figures with
        # only their nouns, its last item joined by and/dan, shares the verb after the last
        item = rf"(?:\d[\d.,]*|{Lexicon(lang).number_token}\b){noun_only}"
        self.shared_list_re = re.compile(
            rf"{noun_only}(?:,\s*{item})+,?\s*(?:{alternation(shared)})\s+{item}") if shared else None
        # "merusak 412 rumah dan 12 sekolah", "destroyed 40 homes, 12 shops and 3 schools": a list
        # of figures with only their nouns after a verb that takes them as objects shares it
        self.shared_object_re = re.compile(
            rf"\b({alternation(self.object_verbs)})\s+(?:[^\W\d]+\s+)?{item}(?:,\s*{item})*(?:,?\s*(?:{alternation(shared)})|,)\s*$"
        ) if shared and self.object_verbs else None
        self.fixed_classes = set(forms(lang, "actions", "class_actions_fixed").get("classes", []))
        self.person_only = set(grammar.get("person_only", []))
        self.states = set(grammar.get("states", []))
        self.things_only = set(grammar.get("things_only", []))
        roles = forms(lang, "attribution", "roles")
        self.role_re = re.compile(rf"\b(?:{alternation([*roles.get('person', []), *roles.get('organization', [])])})\b")
        partitive = forms(lang, "nouns", "partitive").get("words", [])
        self.partitive_re = re.compile(rf"\s+(?:{alternation(partitive)})\s+$") if partitive else re.compile("(?!)")
        dist = forms(lang, "units", "distance_context")
        ref, dirs = alternation(dist.get("reference", [])) or "(?!)", alternation(dist.get("directions", [])) or "(?!)"
        lead = alternation(dist.get("from", [])) or "(?!)"
        # the unit word (and a converted length in brackets), then a direction and/or "of", the point
        self.distance_ref_re = re.compile(
            rf"\)?\s*[^\W\d]*\.?\)?\s*(?:\([^)]*\)\s*)?(?:(?P<lead>{lead})\s+)?(?:(?P<dir>{dirs})\s+(?:(?:{ref})\s+)?)?"
            rf"(?:the\s+)?(?P<point>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){{0,2}}|[^\W\d][\w'-]*)")
        shocks = alternation(forms(lang, "units", "magnitude_context").get("aftershock", [])) or "(?!)"
        self.aftershock_before_re = re.compile(rf"\b(?:{shocks})\b\D{{0,{AFTERSHOCK_REACH}}}$")
        self.aftershock_after_re = re.compile(rf"\s*(?:[^\W\d]+\s+)?(?:{shocks})\b")
        self.depth_before_re = re.compile(rf"\b(?:{alternation(dist.get('depth_before', []))})\s+(?:[^\W\d]+\s+)?$") if dist.get("depth_before") else None
        self.depth_after_re = re.compile(rf"\s*[^\W\d]*\.?\s+(?:{alternation(dist.get('depth_after', []))})\b") if dist.get("depth_after") else None
        counting = forms(lang, "nouns", "heads").get("counting", [])
        self.counting_re = re.compile(rf"\b(?:{alternation(counting)})\s+(?:the\s+)?$") if counting else re.compile("(?!)")
        self.action_re = re.compile(rf"\b({alternation(self.actions)})\b")
        heads = forms(lang, "nouns", "heads").get("words", [])
        self.head_action_re = re.compile(rf"\b(?:{alternation(heads)})\s+({alternation(self.actions)})\b") if heads else None
        events = [w for ws in forms(lang, "events", "event_nouns").values() for w in ws]
        totals = [w for ws in forms(lang, "events", "cumulative_markers").values() for w in ws]
        parts = forms(lang, "events", "part_markers")
        # The marker stands in the figure's clause, before it ("termasuk sekitar 5.000") or after it.
        self.part_before_re = re.compile(rf"\b(?:{alternation(parts['before'])})\b[,:]?[^,;:.]*$")
        self.part_after_re = re.compile(rf"^\s*(?:{alternation(parts['after'])})\b")
        aside = parts.get("aside", [])
        whole_before = parts.get("whole_before", [])
        self.whole_before_re = re.compile(rf"\b(?:{alternation(whole_before)})\s+(?:[^\W\d]+\s+)?$") if whole_before else re.compile("(?!)")
        # the aside may open with its own figure: "At least 73 people, 56 of them lawyers, were killed"
        self.aside_re = re.compile(rf"\s*(?:\d[\d.,]*\s+)?(?:{alternation(aside)})\b[^,;:.]*,") if aside else None
        # The next item of a list: the words after one part end with a comma or a joiner
        # ("19 pasien di RSUP M Djamil, 10 pasien di RS Semen Padang, dan empat pasien ...").
        joiners = alternation(parts.get("list_joiners", []))
        self.part_next_re = re.compile(rf"[^;:.]*(?:,|\s(?:{joiners}))\s*(?:(?:{joiners})\s+)?") if joiners else None
        opening = parts.get("opening", [])
        # "Dari 102 korban ...", "Dari tujuh tersangka itu, empat orang ..."
        number = rf"(?:\S*\d|{Lexicon(lang).number_token}\b)"
        self.part_opening_re = re.compile(rf"^\W*(?:{alternation(opening)})\s+{number}") if opening else None
        self.since_re = re.compile(rf"\b(?:{alternation(forms(lang, 'months', 'period_starts')['words'])})\b")
        tallies = forms(lang, "months", "tally_markers")["words"]
        self.tally_re = re.compile(rf"\b(?:{alternation(tallies)})\s+(?:\w+\s+)?$")
        starts = forms(lang, "months", "period_starts")
        # "since 2015", "sejak tahun 2015": the year starts a period that runs to now
        self.period_year_re = re.compile(
            rf"\b(?:{alternation(starts['words'])})\s+(?:(?:{alternation(starts['year_words'])})\s+)?$")
        self.event_re = re.compile(rf"\b(?:{alternation(events)})\b")
        self.rate_re = re.compile(rf"\b(?:{alternation(forms(lang, 'events', 'rate_markers')['words'])})\b")
        increments = forms(lang, "events", "increment_markers")
        self.increment_before_re = re.compile(rf"\b(?:{alternation(increments['before'])})\s+$")
        # the words may follow the figure itself ("two more") or its noun ("sembilan orang tersangka baru")
        self.increment_after_re = re.compile(rf"^\s+(?:[^\W\d]+\s+){{0,2}}(?:{alternation(increments['after'])})\b(?!\s+than\b)")
        then = increments.get("then", [])
        self.increment_then_re = re.compile(rf"^\D{{0,{INCREMENT_THEN_REACH}}}?\b(?:{alternation(then)})\b") if then else re.compile("(?!)")
        self.total_re = re.compile(rf"\b(?:{alternation(totals)})\b")
        # "di Iran", "di barat Tharthar, provinsi Anbar": the locative word, at most one word, the
        # place; or up to two words and a comma ("di Kecamatan Hu'u, Kabupaten Dompu": an
        # unknown place before the known one it lies in). "tewas di Iran akibat serangan Israel"
        # does not put the figure in Israel.
        locative = alternation(forms(lang, 'places', 'locative')['before'])
        self.locative_re = re.compile(rf"\b(?:{locative})\b"
                                      rf"(?:(?:\s+[\w-]+)?[\s,]*|(?:\s+[\w'’-]+){{1,2}}\s*,\s*)$")
        # "people in 19 districts had been displaced", "rumah rusak di lima desa": a figure of
        # places right after a locative word says where, not what happened
        self.place_classes = frozenset(forms(lang, "nouns", "scope_phrases").get("classes", []))
        self.place_figure_re = re.compile(rf"\b(?:{locative})\s+$")
        things = inverse(lang, "nouns", "things")
        # "2,000 people were in 25 shelters": the class of the places says what happened
        shelter_words = [w for w, c in things.items() if c in grammar.get("in_places", [])]
        self.in_places_re = re.compile(rf"\b(?:{locative})\s+\d[\d.,]*\s+(?:{alternation(shelter_words)})\b") if shelter_words else None
        self.in_places_action = next(iter(grammar.get("in_places_action", [])), None)
        self.in_places_over = frozenset(grammar.get("in_places_over", []))
        relativizers = grammar.get("relativizers", [])
        self.relative_re = re.compile(rf"\s*(?:[^\W\d]+\s+){{1,3}}(?:{alternation(relativizers)})\b") if relativizers else None
        self.place_join_re = re.compile(rf"^\s*(?:{alternation(forms(lang, 'places', 'joiners')['words'])})\s*$")
        saying = forms(lang, "attribution", "verbs")
        self.saying_re = re.compile(rf"\b(?:{alternation(saying['speaker_before'] + saying['speaker_after'])})\b", re.I)
        self.nationality_re = re.compile(rf"\b(?:{alternation(forms(lang, 'places', 'nationality')['before'])})\s+$")
        # "Di Denpasar empat orang, Jembrana dua orang": an item of a list of places, a name (after
        # a locative word or not) that opens its clause right before the figure
        self.list_item_re = re.compile(rf"(?:^|[,;:]|(?i:\b(?:{alternation(coordinators)})))\W*"
                                       rf"(?i:(?:{locative})\s+)?"
                                       rf"(?P<name>(?:[A-Z][\w'-]*\s+){{1,3}})$") if coordinators else None


    def fits(self, action: str, unit: str) -> bool:
        """Whether an action can happen to what a figure in this unit counts: people for
        person-only actions, counted things for things-only ones."""
        return (unit == "person" or action not in self.person_only) and (unit == "count" or action not in self.things_only)


@dataclass(frozen=True)
class Topic:
    """What a whole document is about: its main organisation and the place its headline names."""

    subject: str | None
    subject_mentions: int
    place: str | None


def document_topic(text: str, spans, title: str | None, entities: Entities, lang: str = "id",
                   speakers: Iterable[str] = ()) -> Topic:
    """The document's most frequent non-agency, non-place entity, not counting the times it is
    named as a speaker (the ministry quoted about evacuees is not what the figures are about),
    and its headline's place. `speakers`: the speaker named in each sentence that names one."""
    counts: Counter[str] = Counter()
    for name in speakers:
        for m in entities.find(name):
            counts[m[2]] -= 1
    first: dict[str, int] = {}
    for start, end in spans:
        for s, _, label in entities.find(text[start:end]):
            if entities.kind(label) in ("organization", "person"):
                counts[label] += 1
                first.setdefault(label, start + s)
    counts = Counter({k: v for k, v in counts.items() if v > 0})
    subject = max(counts, key=lambda k: (counts[k], -first[k])) if counts else None
    # Only a place the headline puts things in ("di Gaza", "dari Iran") is the story's place;
    # "Erupsi Gunung Lewotobi, ..." names a cause. It may stand for a subject, never a figure's place.
    lex = ContextLexicon(lang)
    title_places = [p for p in (_places(title, entities, lang) if title else [])
                    if lex.locative_re.search(fold_case(title[max(0, p[0] - LOCATIVE_REACH): p[0]]))]
    return Topic(subject, counts[subject] if subject else 0, title_places[0][2] if title_places else None)


def _places(sentence: str, entities: Entities, lang: str = "id") -> list[tuple[int, int, str]]:
    """Place mentions (not nationalities), "X dan Y" joined, locative ones ("di Irak") first."""
    lex = ContextLexicon(lang)
    low = fold_case(sentence)
    found = [m for m in entities.find(sentence) if entities.kind(m[2]) == "place"
             and not lex.nationality_re.search(low[: m[0]])]
    joined: list[tuple[int, int, str]] = []
    for m in found:
        if joined and lex.place_join_re.match(low[joined[-1][1]:m[0]]) and m[2] not in split_place(joined[-1][2]):
            joined[-1] = (joined[-1][0], m[1], f"{joined[-1][2]} and {m[2]}")
        else:
            joined.append(m)
    return sorted(joined, key=lambda m: not lex.locative_re.search(low[max(0, m[0] - LOCATIVE_REACH): m[0]]))


def _subject(orgs, fig_start: int, fig_end: int, topic: Topic, place: str | None) -> tuple[str | None, bool]:
    """The subject and whether it was inferred (not named in the sentence)."""
    owner = [m for m in orgs if fig_end <= m[0] <= fig_end + OWNER_AFTER]
    if owner:  # "22 anggota ISIS"
        return owner[0][2], False
    if topic.subject and any(m[2] == topic.subject for m in orgs):
        return topic.subject, False
    if orgs:
        return min(orgs, key=lambda m: min(abs(m[0] - fig_end), abs(m[1] - fig_start)))[2], False
    if topic.subject and topic.subject_mentions >= MAIN_SUBJECT_MENTIONS:
        return topic.subject, True
    return place or topic.subject, True


def _action(sentence: str, fig_start: int, fig_end: int, prev_end: int, lex: "ContextLexicon",
            unit: str = "person") -> str | None:
    """What happened to the counted things: a verb taking the figure as its object right before
    it ("menewaskan 22 anggota ... dan menghancurkan kamp"), else the action word after the figure
    within its clause ("22 orang tewas"), else one before it ("korban tewas mencapai 25"); never
    across another figure ("610 orang tewas dan 4.746 lainnya luka-luka"). Some actions happen
    only to people ("killed"), some only to counted things ("420 kios terbakar", not an area)."""
    fits = lambda word: lex.fits(lex.actions[word], unit)  # noqa: E731
    lo, hi = max(0, fig_start - ACTION_BEFORE), min(len(sentence), fig_end + ACTION_AFTER)
    low = fold_case(sentence)  # the lexicon patterns are lower case
    clause_end = CLAUSE_END.search(low, fig_end)
    aside = (lex.aside_re.match(low, clause_end.end()) if clause_end and lex.aside_re
             and lex.noun_only_re.fullmatch(low, fig_end, clause_end.start()) else None)
    if aside:  # "Five people, including two employees of the contractor, have been arrested"
        low = low[:clause_end.start()] + " " * (aside.end() - clause_end.start()) + low[aside.end():]
        clause_end = CLAUSE_END.search(low, aside.end())
    if clause_end and clause_end.start() < hi:  # "32 penerbangan dari ... Bali dibatalkan akibat ..."
        hi = clause_end.start()
    opener = lex.clause_opener_re.search(low, fig_end, hi)
    while opener and lex.naming_before_re and lex.naming_before_re.search(low, fig_end, opener.start()):
        opener = lex.clause_opener_re.search(low, opener.end(), hi)  # "listed as missing"
    if opener:  # "searched about 20 percent of the building because the roof had collapsed"
        hi = opener.start()
    next_clause = lex.next_figure_re.search(low, fig_end, hi)
    # "30,000 people and 1,400 pets have been rescued": the first figure, opening its clause
    # and with only its noun before the joiner, shares the verb after the second
    shared_end = hi
    if next_clause:  # "208 sudah pulang dan 39 masih dirawat": the action after 39 is its own
        hi = next_clause.start()
    acts = [(m.start() + lo, m.group(1)) for m in lex.action_re.finditer(low[lo:hi])
            if fits(m.group(1))]
    after = [a for a in acts if a[0] >= fig_end]
    if len(after) > 1 and lex.partitive_re.match(low, fig_end, after[0][0]):
        after = after[1:]  # "50 of the injured were in a critical condition": the verb says more
    # "A kitchen supervisor who escaped ... said about 35 people": what happened to the speaker
    # before a verb of saying is not what happened to the figure after it
    before = [a for a in acts if prev_end <= a[0] < fig_start and not lex.saying_re.search(sentence, a[0], fig_start)]
    transitive = [a for a in before if a[1] in lex.object_verbs
                  and not lex.verb_gap_re.search(low, a[0] + len(a[1]), fig_start)]
    sheltered = bool(lex.in_places_re and lex.in_places_action and lex.in_places_re.search(low, fig_end, hi)
                     and lex.fits(lex.in_places_action, unit))
    if sheltered and not transitive and (not after or lex.actions[after[0][1]] in lex.in_places_over):
        return lex.in_places_action  # "masih berada di 13 tenda": the shelters say more than "remained"
    if transitive or after:
        return lex.actions[transitive[-1][1] if transitive else after[0][1]]
    if before:
        return lex.actions[before[-1][1]]
    listed_object = (lex.shared_object_re.search(low, max(0, fig_start - SHARED_OBJECT_REACH), fig_start)
                     if lex.shared_object_re else None)
    if listed_object and fits(listed_object.group(1)):
        return lex.actions[listed_object.group(1)]
    if lex.head_action_re:
        heads = list(lex.head_action_re.finditer(low, max(prev_end, fig_start - HEAD_ACTION_BEFORE), fig_start))
        if heads and fits(heads[-1].group(1)):
            return lex.actions[heads[-1].group(1)]
    opening = low[max([prev_end, *(m.end() for m in CLAUSE_END.finditer(low, 0, fig_start))]):fig_start]
    if len(opening.split()) > SHARED_VERB_OPENING:
        return None
    first_fit = lambda start, end: next(  # noqa: E731
        (lex.actions[m.group(1)] for m in lex.action_re.finditer(low, start, end) if fits(m.group(1))), None)
    if (next_clause and lex.shared_verb_re and lex.shared_verb_re.match(next_clause.group())
            and lex.noun_only_re.fullmatch(low, fig_end, next_clause.start())):
        third = lex.next_figure_re.search(low, next_clause.end(), shared_end)
        return first_fit(next_clause.end(), third.start() if third else shared_end)
    listed = lex.shared_list_re.match(low, fig_end) if lex.shared_list_re else None
    if listed:
        stop = CLAUSE_END.search(low, listed.end())
        return first_fit(listed.end(), stop.start() if stop else len(low))
    return None


def figure_context(sentence: str, fig_start: int, fig_end: int, noun: str | None, unit: str,
                   entities: Entities, topic: Topic, speaker_span: tuple[int, int] | None,
                   lang: str = "id", prev_end: int = 0, figures: int = 1, speaker_kind: str | None = None) -> Context:
    """Subject, place, measure and event-ness of the figure at sentence[fig_start:fig_end]."""
    lex = ContextLexicon(lang)
    outside = lambda m: not (speaker_span and speaker_span[0] <= m[0] < speaker_span[1])  # noqa: E731
    orgs = [m for m in entities.find(sentence) if entities.kind(m[2]) == "organization" and outside(m)]
    # A place right after the speaker is where they spoke ("kata X di Jakarta"), not the scope.
    # So is a place shortly after a verb of saying ("told a news conference in Rome", "kata
    # Rudi di Padang") -- unless a figure or an action stands between them ("kata X, 6 bandara
    # di NTT", "menyebut jumlah korban tewas di Israel").
    said_ends = [*(end for _, end in saying_spans(sentence, lang)), *([speaker_span[1]] if speaker_span else [])]
    told_at = lambda end, at: not any(c.isdigit() for c in sentence[end:at]) and not lex.action_re.search(fold_case(sentence[end:at]))  # noqa: E731
    spoke_here = lambda p: any(end <= p[0] < end + SPOKE_AT_REACH and told_at(end, p[0]) for end in said_ends)  # noqa: E731
    named = _places(sentence, entities, lang)
    places = [p for p in named if outside(p) and not spoke_here(p)]
    locative = [p for p in places if lex.locative_re.search(fold_case(sentence[max(0, p[0] - LOCATIVE_REACH): p[0]]))]
    ranked = [p for p in locative if p[0] >= fig_end] + [p for p in reversed(locative) if p[1] <= fig_start]
    # A place named without a locative word is often an actor ("serangan Israel"), not the scope,
    # but a name that opens the figure's clause in a list is its place ("Jembrana dua orang").
    item = lex.list_item_re.search(sentence, max(0, fig_start - PART_REACH), fig_start) if lex.list_item_re else None
    # The place of the item before is not this one's: "Di Garut enam orang, Tasikmalaya lima orang".
    listed = [p for p in places if item and p[0] == item.start("name") and not sentence[p[1]:fig_start].strip()]
    ranked = listed or [p for p in ranked if not item or p[0] >= item.start()]
    # "290 korban di Sumut dari total 712 korban meninggal di tiga provinsi": a figure whose
    # clause says it spans several places is in none of the places named before it.
    clause_stop = CLAUSE_END.search(sentence, fig_end)
    reader = UnitReader(lang)
    spans_places = reader.re_scope_phrase.search(sentence, fig_end, clause_stop.start() if clause_stop else len(sentence))
    if spans_places:
        ranked = [p for p in ranked if p[0] >= fig_end]
    if not ranked and not spans_places and speaker_span:
        ranked = _speaker_region(sentence, named, speaker_span, speaker_kind, entities, lex)
    place = ranked[0][2] if ranked else None
    # The headline's place may stand for the subject of a sentence that names none, but it is
    # no figure's place: "... di Aceh" in a headline does not put a three-province toll there.
    subject, inferred = _subject(orgs, fig_start, fig_end, topic, place or topic.place)
    own = lex.class_actions.get(noun or "")  # "4.310 pengungsi": displaced
    low = fold_case(sentence)
    at_places = (noun in lex.place_classes and lex.place_figure_re.search(low, max(0, fig_start - LOCATIVE_REACH), fig_start)
                 and not (lex.relative_re and lex.relative_re.match(low, fig_end)))
    # Dead bodies "recovered" are still deaths: a fixed class's own action wins. Places after a
    # locative word ("in 19 districts") say where, not what happened, so only their own counts.
    fixed = at_places or noun in lex.fixed_classes
    action = own if fixed else _action(sentence, fig_start, fig_end, prev_end, lex, unit) or own
    # "4.310 pengungsi" are people displaced: a noun that names what happened counts people.
    base = "people" if noun in lex.class_actions else (noun or ("people" if unit == "person" else None))
    measure = f"{base} {action}" if base and action else (base or None)
    if noun == DISTANCE:
        measure = _distance_measure(sentence, fig_start, fig_end, lex)
    elif noun == MAGNITUDE and (lex.aftershock_before_re.search(low, 0, fig_start)
                                or lex.aftershock_after_re.match(low, fig_end)):
        measure = f"aftershock {MAGNITUDE}"  # never the main quake's magnitude
    clause_end = CLAUSE_END.search(sentence, fig_end)
    near = (max(prev_end, fig_start - RATE_REACH), min(fig_end + RATE_REACH, clause_end.start() if clause_end else len(low)))
    # a capitalised marker inside the sentence is a name, not a rate: "told the Daily Mirror"
    if measure and any(m.start() == 0 or not sentence[m.start()].isupper() for m in lex.rate_re.finditer(low, *near)):
        measure += " per time"  # a rate: never the same measure as a total of the same noun
    is_event = bool(action and lex.event_re.search(low) and not lex.total_re.search(low))
    # A breakdown has a whole or another part beside it: "Raja Ampat terdiri atas 610 pulau"
    # alone is the whole, not a part; but a sentence that refers back to a figure before it
    # ("Angka itu termasuk dua warga ...") has that figure as its whole.
    before_part = low[max(0, fig_start - PART_REACH):fig_start]
    is_part = bool((figures > 1 or reader.refers_back(before_part)) and lex.part_before_re.search(before_part)
                   or lex.part_after_re.match(low[fig_end:])
                   or prev_end > 0 and lex.part_opening_re and lex.part_opening_re.match(low))
    is_increment = bool(lex.increment_before_re.search(low, prev_end, fig_start)
                        or lex.increment_after_re.match(low[fig_end:]) or lex.increment_then_re.match(low[fig_end:]))
    return Context(subject, inferred, place, measure, action, is_event, is_part, is_increment)


def _speaker_region(sentence: str, places: list[tuple[int, int, str]], span: tuple[int, int], kind: str | None,
                    entities: Entities, lex: "ContextLexicon") -> list[tuple[int, int, str]]:
    """The region a speaker speaks for ("Dinas Kesehatan Kota Pekanbaru mencatat 2.310 kasus"):
    a city or administrative area named in the speaker phrase of a body or an official (a role
    word says which); a country's officials speak of more than their country ("Para pejabat
    AS"), and a place at the end of a person's bare name is a surname ("Mustafa Bali"). `places`:
    every place the sentence names."""
    if not lex.role_re.search(fold_case(sentence[span[0]:span[1]])):
        return []
    return [p for p in places if span[0] <= p[0] < span[1] and entities.is_regional(p[2])
            and not (kind == "person" and _surname(sentence, p, span[1], lex))]


def _surname(sentence: str, place: tuple[int, int, str], span_end: int, lex: "ContextLexicon") -> bool:
    """Whether a one-word place that ends a speaker's name is a surname ("Juru bicara SDF Mustafa
    Bali"): a capitalised word that is no role stands right before it."""
    if sentence[place[1]:span_end].strip() or " " in sentence[place[0]:place[1]].strip():
        return False
    before = sentence[:place[0]].split()
    word = before[-1] if before else ""
    return word[:1].isupper() and not word.isupper() and not lex.role_re.fullmatch(fold_case(word))


def _distance_measure(sentence: str, fig_start: int, fig_end: int, lex: "ContextLexicon") -> str:
    """What a length measures: a quake's depth ("a depth of 10 km", "11 kilometers deep"), a
    distance from a named point ("27.1 km northeast of Pingtung County" -> "distance from
    pingtung county", "12 kilometer dari puncak Semeru" -> "distance from puncak": a name, or
    else one common noun), else a plain distance."""
    low = fold_case(sentence)
    if (lex.depth_before_re and lex.depth_before_re.search(low, max(0, fig_start - DEPTH_REACH), fig_start)
            or lex.depth_after_re and lex.depth_after_re.match(low, fig_end)):
        return "depth"
    m = lex.distance_ref_re.match(sentence, fig_end)
    if m and (m.group("lead") or m.group("dir")):
        return f"{DISTANCE} from {fold_case(m.group('point'))}"
    return DISTANCE


def list_item_action(sentence: str, starts: list[int], before: str, lang: str = "id") -> str | None:
    """The action of a list of places with no verb of its own ("Di Denpasar empat orang,
    Jembrana dua orang, ..."): the last action word of the sentence before it ("korban
    meninggal sembilan orang."). `starts`: where the sentence's figures start; two or more of
    them must open their clause with a name."""
    lex = ContextLexicon(lang)
    if lex.list_item_re is None:
        return None
    items = [s for s in starts if lex.list_item_re.search(sentence, max(0, s - PART_REACH), s)]
    if len(items) < 2 or items[0] != starts[0] or lex.action_re.search(fold_case(sentence)):
        return None
    acts = [m.group(1) for m in lex.action_re.finditer(fold_case(before))]
    return lex.actions[acts[-1]] if acts else None


@lru_cache(maxsize=8192)
def saying_spans(sentence: str, lang: str) -> tuple[tuple[int, int], ...]:
    """Where each verb of saying in a sentence stands (the sentence's figures share them)."""
    return tuple(m.span() for m in ContextLexicon(lang).saying_re.finditer(sentence))


@lru_cache(maxsize=8192)
def event_date_positions(sentence: str, lang: str = "id") -> tuple[int, ...]:
    """Offsets in the sentence where an event noun, an action word or a period start ends: a
    date right after one dates the event ("operasi pada 26 Februari", "40 were killed on
    Monday", "sejak Jumat (13/6)"), not the saying."""
    lex = ContextLexicon(lang)
    low = fold_case(sentence)
    # "put the number of injured at 53 on Wednesday": a counting phrase names no event
    acts = (m.end() for m in lex.action_re.finditer(low) if lex.actions[m.group(1)] not in lex.states
            and not lex.counting_re.search(low, max(0, m.start() - COUNTING_REACH), m.start()))
    return tuple(sorted([*acts, *(m.end() for pattern in (lex.event_re, lex.since_re) for m in pattern.finditer(low))]))


def names_whole(gap: str, lang: str = "id") -> bool:
    """Whether the words between a part and the next figure name that figure as the part's
    whole ("killed 71 of the 77 people on board"): the whole is not what happened to the part."""
    m = ContextLexicon(lang).part_after_re.match(fold_case(gap))
    return bool(m) and not gap[m.end():].strip()


def whole_follows(gap: str, lang: str = "id") -> bool:
    """Whether the words between a figure and the next one make the next its whole and the
    first one part of it ("290 korban meninggal di Sumut dari total 712")."""
    return bool(ContextLexicon(lang).whole_before_re.search(fold_case(gap)))


def continues_parts(gap: str, lang: str = "id") -> bool:
    """Whether the words between a part of a breakdown and the next figure of its sentence make
    that figure the next item of the same list ("..., 10 pasien di RS Semen Padang, dan empat")."""
    pattern = ContextLexicon(lang).part_next_re
    return bool(pattern and pattern.fullmatch(fold_case(gap)))


def past_event_date(sentence: str, mentions: Sequence[DateMention], fig_start: int,
                    published: str | None, lang: str = "id", reach_after: int = 0) -> str | None:
    """The date of a past event that a figure counts: the last year, month or day named before
    the figure in its sentence, when its year is before the publication's ("the 1995 Great
    Hanshin earthquake, which ... killed more than 6,400 people", "Pada Juli 2024, longsor di
    tambang rakyat ... menewaskan 27 orang"), or a month alone before the publication's ("In
    March, storms ... killing four people"), and it does not start a period that runs to now
    ("since 2015"). With reach_after, a date that soon after the figure counts too ("A magnitude
    9.1 earthquake off Sumatra on Dec. 26, 2004"), the last before it first."""
    dated = [m for m in mentions if m.kind in ("year", "month", "day") and m.value]
    before = [m for m in dated if m.end <= fig_start]
    # "the strongest since the 2004 tsunami": a later date after "since" is another quake's
    lex, low = ContextLexicon(lang), fold_case(sentence)
    after = [m for m in dated if fig_start < m.start <= fig_start + reach_after
             and not lex.since_re.search(low, fig_start, m.start)]
    last = before[-1] if before else (after[0] if after else None)
    if not published or last is None:
        return None
    # "In March, storms ... killing four people": a month named alone, before the month of
    # publication, is a past event's even in the same year
    past = last.value[:7] < published[:7] if last.kind == "month" else last.value[:4] < published[:4]
    if not past or lex.period_year_re.search(low, 0, last.start):
        return None
    return last.value


def tally_dates(sentence: str, mentions: Sequence[DateMention], lang: str = "id") -> tuple[int, ...]:
    """Where the dates of tallies start: a date right after a tally word ("as of Saturday
    evening", "hingga Senin siang", "by Sunday night"), one word at most between; a possessive
    date names an event ("killed by Saturday's quake")."""
    lex = ContextLexicon(lang)
    low = fold_case(sentence)
    return tuple(m.start for m in mentions if lex.tally_re.search(low, max(0, m.start - TALLY_REACH), m.start)
                 and not POSSESSIVE.match(low, m.end))
