"""Document -> [Claim]: figures, their speakers across sentences, dates, subjects, restatements."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from kg.attribution import (find_relays, find_speaker, headline_speaker, person_mention, quote_left_open,
                            quote_spans, shifts_topic, speaker_for)
from kg.speaker_lexicon import QUOTES, Speaker
from kg.speaker_names import same_speaker
from kg.clean import kept_spans
from kg.dates import DateMention, find_date_mentions
from kg.entities import Entities
from kg.model import Claim, Document, Quantity
from kg.numbers import find_quantities
from kg.sentences import Sentence, split_sentences
from kg.subjects import (EVENT_DATE_WINDOW, MAGNITUDE, Context, continues_parts, document_topic, event_date_positions,
                         figure_context, list_item_action, names_whole, past_event_date, saying_spans, tally_dates,
                         whole_follows)
from kg.units import UnitReader

# How far after a magnitude the date of its quake may stand ("A magnitude 9.1 earthquake off
# Sumatra on Dec. 26, 2004").
STRENGTH_DATE_REACH = 60
# A back-reference ("informasi itu disampaikan oleh X") reaches this many sentences back.
BACK_REFERENCE_REACH = 3
# A date right after a relay ("dilansir AFP, Senin (13/3/2023)") dates the report, not the saying.
RELAY_DATE_GAP = 4
# A figure that names what it counts only by reference ("the toll rose from 267") counts what
# a figure at most this many sentences back counted; the reference stands this close before it
# ("angka tersebut mengacu pada manifes yang mencatat 65 orang" refers to another figure).
ANAPHOR_REACH = 3
ANAPHOR_CHARS = 50
# The measure class of people in general ("orang", "people"): a head count that says nothing more.
ROOT_PERSONS = "people"
# Marks the measure of a figure that counts what was added to a running count ("bertambah 268
# orang": "people killed (increase)").
INCREMENT_SUFFIX = "(increase)"


@dataclass
class Said:
    """Who said one sentence's figures and when, once resolved across sentences."""

    speaker: str | None = None
    kind: str | None = None
    span: tuple[int, int] | None = None  # in the sentence, when named there
    said_on: str | None = None
    via: str | None = None


def claim_id(doc: str, q: Quantity) -> str:
    """A deterministic claim id from the document name and the figure's place in it."""
    key = f"{doc}\x1f{q.start}\x1f{q.end}\x1f{q.text}".encode("utf-8")
    return "c-" + hashlib.sha1(key).hexdigest()[:16]


def _said_date(mentions: list[DateMention], relays, events: list[int], tallies: tuple[int, ...]) -> str | None:
    """The date a sentence says its statement was made, skipping report and event dates; else
    the date of its tally ("as of Saturday evening"), when the count was given."""
    for d in mentions:
        if d.kind == "year" or d.value is None:
            continue
        if any(0 <= d.start - end <= RELAY_DATE_GAP + 2 for _, end, _ in relays):
            continue
        if d.start in tallies or any(0 <= d.start - pos <= EVENT_DATE_WINDOW for pos in events):
            continue
        return d.value
    return next((d.value for d in mentions if d.start in tallies and d.kind != "year"), None)


def _event_date(mentions: list[DateMention], events: list[int], tallies: tuple[int, ...]) -> str | None:
    for d in mentions:
        if (d.value and d.kind != "year" and d.start not in tallies
                and any(0 <= d.start - pos <= EVENT_DATE_WINDOW for pos in events)):
            return d.value
    return None


def _quote_owner(text: str, sentences: list[Sentence], i: int, own: list[Speaker | None]) -> int | None:
    """The index of the later sentence whose speaker closes a quote that sentence i is inside."""
    s = sentences[i]
    para = [j for j, t in enumerate(sentences) if t.paragraph == s.paragraph]
    start, end = sentences[para[0]].start, sentences[para[-1]].end
    for a, b in quote_spans(text[start:end]):
        if a + start <= s.start and b + start > s.end:
            for j in para:
                if sentences[j].start < b + start <= sentences[j].end and own[j] is not None:
                    return j
    return None


def _quote_goes_on(text: str, sentences: list[Sentence], i: int) -> bool:
    """Whether sentence i opens a paragraph that goes on with the quote the paragraph before
    left open (wire copy reopens a quote running over paragraphs with a quote mark)."""
    prev = sentences[i - 1]
    first = next(t for t in sentences if t.paragraph == prev.paragraph)
    return text[sentences[i].start:sentences[i].start + 1] in QUOTES and quote_left_open(text[first.start:prev.end])


def resolve_speakers(doc: Document, sentences: list[Sentence], entities: Entities,
                     has_figures: list[bool]) -> list[Said]:
    """Who said each sentence: own speaker, quote owner, pronoun, continuation, back-reference."""
    text = doc.text
    own = [find_speaker(text[s.start:s.end], entities, doc.language) for s in sentences]
    if doc.title and sentences and own[0] is None and text[sentences[0].start:].startswith(doc.title[:20]):
        own[0] = headline_speaker(doc.title, entities, doc.language)
    relays = [find_relays(text[s.start:s.end], entities, doc.language) for s in sentences]
    out = [Said() for _ in sentences]
    last_named: Said | None = None
    last_person: Said | None = None
    last_body: Said | None = None  # the last organisation or document: "It said" means it
    memory: list[Said] = []  # named speakers with the date they were last heard
    for i, s in enumerate(sentences):
        sent = text[s.start:s.end]
        sp, dated = own[i], sent
        if sp is None:
            j = _quote_owner(text, sentences, i, own)
            if j is not None:  # inside a quote whose speaker (and date) follow its closing mark
                sp, dated = own[j], text[sentences[j].start:sentences[j].end]
        said = Said(via=relays[i][0][2] if relays[i] else None)
        if sp is not None and not sp.pronoun:
            said.speaker, said.kind = sp.name, sp.kind
            said.span = (sp.start, sp.end) if own[i] is sp else None
        elif sp is not None and sp.pronoun:
            ref = (last_body if sp.kind == "organization" else last_person) or last_named
            if ref:
                said.speaker, said.kind = ref.speaker, ref.kind
        elif (i > 0 and out[i - 1].speaker and not shifts_topic(sent, doc.language)
              and (sentences[i - 1].paragraph == s.paragraph or _quote_goes_on(text, sentences, i))):
            said.speaker, said.kind = out[i - 1].speaker, out[i - 1].kind  # continuation
        if said.speaker:
            # The date is read only for a sentence someone said: most sentences need none.
            mentions = find_date_mentions(dated, doc.published, doc.language)
            date = _said_date(mentions, relays[i] if dated is sent else (),
                              event_date_positions(dated, doc.language), tally_dates(dated, mentions, doc.language))
            if sp is None:  # a continuation keeps the date of the sentence it continues
                date = date or out[i - 1].said_on
            known = next((m for m in reversed(memory) if same_speaker(m.speaker, said.speaker, doc.language, entities)), None)
            if known and len(known.speaker) > len(said.speaker):
                # One spelling per speaker in a document: the fullest ("Jenderal Qais al-Mohamadawi").
                said.speaker = known.speaker
            said.said_on = date or (known.said_on if known else None)
            if date or not known:
                memory.append(Said(said.speaker, said.kind, None, said.said_on))
            if sp is not None and not sp.pronoun:
                last_named = said
                if said.kind == "person":
                    last_person = said
                else:
                    last_body = said
        out[i] = said
        if sp is None:
            named = person_mention(sent, entities, doc.language)
            if named:  # not a speaker here, but "Menurutnya" in the next sentence means them
                last_person = Said(named, "person")
        if own[i] is not None and own[i].back_reference and said.speaker:
            _back_fill(out, sentences, i, has_figures, said, entities, doc.language)
    return out


def _back_fill(out: list[Said], sentences: list[Sentence], i: int, has_figures: list[bool], said: Said,
               entities: Entities, lang: str) -> None:
    """Give the speaker of "informasi itu disampaikan oleh X" to the unattributed sentences before."""
    para = sentences[i].paragraph
    for j in range(i - 1, max(-1, i - 1 - BACK_REFERENCE_REACH), -1):
        if sentences[j].paragraph < para - 1:
            break
        if out[j].speaker:
            if not same_speaker(out[j].speaker, said.speaker, lang, entities):
                break
            out[j].said_on = out[j].said_on or said.said_on  # "Hal itu disampaikan X, Rabu (18/6)"
            continue
        if has_figures[j]:
            out[j] = Said(said.speaker, said.kind, None, said.said_on, out[j].via or said.via)


def _restated_as(c: Claim) -> tuple:
    """What two claims of a document share when one restates the other. What was added to a
    count never restates the count ("sembilan tersangka baru" beside "sudah ada sembilan tersangka")."""
    added = bool(c.measure and c.measure.endswith(INCREMENT_SUFFIX))
    # a subject only inferred from the document says nothing of what the figure counts
    return (c.quantity.low, c.quantity.high, c.quantity.unit, None if c.subject_inferred else c.subject, added)


def _restatements(claims: list[Claim], title_end: int) -> list[Claim]:
    """Link claims that repeat an earlier figure of the same document (headline, later quote)."""
    first: dict[tuple, Claim] = {}
    # The claim that stands for its restatements: in the body rather than the headline, then
    # the one that says most (an action, a speaker), then the earliest.
    body_first = sorted(claims, key=lambda c: (c.start < title_end, c.action is None, c.speaker is None, c.start))
    for c in body_first:
        first.setdefault(_restated_as(c), c)
    out = []
    for c in claims:
        rep = first[_restated_as(c)]
        # Two figures of one sentence ("12 internasional dan 12 domestik") are two claims.
        restates = rep.id != c.id and rep.sentence_start != c.sentence_start
        out.append(replace(c, same_as=rep.id) if restates else c)
    return out


def _like_whole(ctx: Context, whole: Claim, bare: bool) -> Context:
    """A part, or a bare head count beside an earlier figure of its sentence, counts what
    happened to that figure ("korban meninggal 12 jiwa, terbanyak di Agam dengan delapan jiwa",
    "Of the dead, 86 were in Rieti and 34 in Ascoli Piceno"); a bare part also counts its noun
    ("Dari 247 siswa, 208 sudah pulang dan 39 masih dirawat": 39 students)."""
    base = _base(ctx.measure, ctx.action)
    if bare and ctx.is_part and whole.measure:
        base = _base(whole.measure, whole.action)
    action = ctx.action or whole.action
    return replace(ctx, action=action, measure=f"{base} {action}" if action else base)


def _base(measure: str, action: str | None) -> str:
    """A measure without its action word ("students killed" -> "students")."""
    return measure[: -len(action) - 1] if action and measure.endswith(" " + action) else measure


def _antecedent(counted: list[tuple[int, Claim]], index: int, q: Quantity, reader: UnitReader) -> Claim | None:
    """The latest figure, at most ANAPHOR_REACH sentences back, that a figure without a noun
    may refer back to; a figure with a fractional part ("revised its reading to 7.8") counts
    no things or people, so it skips the counts ("400 aftershocks") for a measure ("magnitude 6.1");
    no figure refers back to a length: a length is restated with its unit ("19 km"), never as
    "it at 7.4" or "the figure"."""
    whole = float(q.low).is_integer()
    for at, claim in reversed(counted):
        if index - at > ANAPHOR_REACH:
            return None
        if reader.unit_measures.get(claim.quantity.unit) == "distance":
            continue
        if whole or claim.quantity.unit not in ("count", "person"):
            return claim
    return None


def _refers_back(reader: UnitReader, sentence: str, offset: int, prev_end: int, fig_start: int, lang: str) -> bool:
    """Whether words at most ANAPHOR_CHARS before a figure (after the previous one, and not
    before the last verb of saying: "angka tersebut mengacu pada manifes yang mencatat 65
    orang" counts the manifest's) refer it back to an earlier figure ("put the figure at")."""
    said = [offset + start for start, _ in saying_spans(sentence, lang) if offset + start < fig_start]
    start = max(prev_end, fig_start - ANAPHOR_CHARS, *said)
    return reader.refers_back(sentence[start - offset:fig_start - offset])


def extract_claims(doc: Document, entities: Entities) -> list[Claim]:
    """Every figure of a document as a claim with speaker, dates, subject, place and measure."""
    spans = doc.kept or kept_spans(doc.text, doc.language)
    sentences = split_sentences(doc.text, spans, doc.language)
    figures = [find_quantities(doc.text[s.start:s.end], s.start, doc.language) for s in sentences]
    said = resolve_speakers(doc, sentences, entities, [bool(f) for f in figures])
    named_here = [w.speaker for w in said if w.speaker and w.span is not None]
    topic = document_topic(doc.text, spans, doc.title, entities, doc.language, named_here)
    default_via = doc.via[0] if len(doc.via) == 1 else None
    claims: list[Claim] = []
    reader = UnitReader(doc.language)
    host = urlsplit(doc.url).hostname or "" if doc.url else (doc.publisher or "")
    # The figures that say what they count, by sentence index, latest last.
    counted: list[tuple[int, Claim]] = []
    named_wholes: set[str] = set()
    for index, (s, quantities, said_here) in enumerate(zip(sentences, figures, said)):
        sent = doc.text[s.start:s.end]
        if not quantities:
            continue
        mentions = find_date_mentions(sent, doc.published, doc.language)
        event_on = _event_date(mentions, event_date_positions(sent, doc.language), tally_dates(sent, mentions, doc.language))
        prev_end = s.start
        for q in quantities:
            nearest = speaker_for(sent, q.start - s.start, entities, doc.language)
            who = said_here
            if nearest is not None and nearest.name != who.speaker:
                who = Said(nearest.name, nearest.kind, (nearest.start, nearest.end), who.said_on, who.via)
            earlier = _antecedent(counted, index, q, reader)
            # "angka itu naik menjadi 20", "jumlahnya mencapai 3.337 orang": no noun, or only a
            # general one ("orang") that the earlier figure's says better.
            refers = bool(earlier and (q.unit == "count" and q.noun is None
                                       or q.noun in reader.generic and q.unit == earlier.quantity.unit)
                          and _refers_back(reader, sent, s.start, prev_end, q.start, doc.language))
            if refers:
                q = replace(q, unit=earlier.quantity.unit, noun=earlier.quantity.noun)
            home = reader.home_currency(q, doc.text, host)
            if home:
                q = replace(q, currency=home)
            ctx = figure_context(sent, q.start - s.start, q.end - s.start, q.noun, q.unit, entities,
                                 topic, who.span, doc.language, prev_end - s.start, len(quantities), who.kind)
            if refers and ctx.action is None and earlier.action:
                ctx = replace(ctx, action=earlier.action, measure=earlier.measure)
            # "killed 71 of the 77 people on board, including 19 players": the whole a part
            # names (77) is no head of the parts that follow; the figure before it is
            heads = [c for c in claims[-2:] if c.sentence_start == s.start and c.id not in named_wholes]
            whole = heads[-1] if heads else None
            if whole and len(heads) > 1 and ctx.is_part and whole.quantity.high < q.low <= heads[-2].quantity.high:
                # "nearly 420,000 people in 21 districts ..., and about 347,000 of them": a part
                # is never more than its whole
                whole = heads[-2]
            # "52 unit, terdiri atas 19 rusak berat": a general class word says no more than no noun
            bare = (q.unit == "person" and (q.noun is None or q.noun in reader.generic or q.noun == ROOT_PERSONS)
                    or q.unit == "count" and q.noun in reader.generic)
            if bare and whole is None and ctx.measure and ctx.action is None and index > 0:
                before = sentences[index - 1]
                carried = list_item_action(sent, [f.start - s.start for f in quantities],
                                           doc.text[before.start:before.end], doc.language)
                if carried:
                    ctx = replace(ctx, action=carried, measure=f"{ctx.measure} {carried}")
            # "30 of the dead were children, and 341 people were wounded": another action is
            # another count, not the next part
            if (whole and whole.is_part and not ctx.is_part and whole.quantity.unit == q.unit
                    and ctx.action in (None, whole.action)
                    and continues_parts(doc.text[whole.end:q.start], doc.language)):
                ctx = replace(ctx, is_part=True)
            if whole and whole_follows(doc.text[whole.end:q.start], doc.language):
                named_wholes.add(claim_id(doc.doc, q))
                claims[claims.index(whole)] = replace(whole, is_part=True)
            elif whole and names_whole(doc.text[whole.end:q.start], doc.language):
                named_wholes.add(claim_id(doc.doc, q))
            elif ctx.measure and whole and whole.quantity.unit == q.unit and (
                    ctx.is_part or bare or reader.continues(doc.text[whole.end:q.start])):
                # "Korban luka kini 41 orang, naik dari 29": the earlier value counts the same
                ctx = _like_whole(ctx, whole, bare)
            # "the 1991 Oakland hills firestorm, which killed 25 people", "In July 2013, a magnitude
            # 6.1 quake ...": a past event's count or strength
            strength = reader.unit_measures.get(q.unit) == MAGNITUDE
            past = past_event_date(sent, mentions, q.start - s.start, doc.published, doc.language,
                                   STRENGTH_DATE_REACH if strength else 0) if ctx.action or strength else None
            if past:
                ctx = replace(ctx, is_event=True)
            if not ctx.is_part and reader.person_share(doc.text[s.start:q.start]):
                ctx = replace(ctx, is_part=True)  # "Of the injured, 38 were shifted to CMH"
            if ctx.is_increment and ctx.measure:
                # what was added to a count is never that count: its own measure keeps them apart
                ctx = replace(ctx, measure=f"{ctx.measure} {INCREMENT_SUFFIX}")
            if not reader.in_scope_phrase(sent, q.start - s.start, q.noun):
                prev_end = q.end
            claims.append(Claim(
                id=claim_id(doc.doc, q), doc=doc.doc, quantity=q, sentence=sent,
                sentence_start=s.start, sentence_end=s.end,
                speaker=who.speaker, speaker_type=who.kind if who.speaker else None,
                # The outlet states its own figures on the day it publishes them.
                said_on=who.said_on if who.speaker else doc.published,
                event_on=past or (event_on if ctx.is_event else None),
                subject=ctx.subject, subject_inferred=ctx.subject_inferred, measure=ctx.measure, action=ctx.action, place=ctx.place,
                via=who.via or default_via, is_event=ctx.is_event, is_part=ctx.is_part,
                publisher=doc.publisher, url=doc.url,
            ))
            if q.noun is not None:
                counted.append((index, claims[-1]))
    title_end = spans[0][1] if doc.title and spans else 0
    return _restatements(claims, title_end)
