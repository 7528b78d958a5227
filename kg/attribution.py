"""Speaker and relay detection, within a sentence and across sentences of one article."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.entities import Entities
from kg.lang import fold_case
from kg.speaker_lexicon import QUOTE_MARK, TRIM, AttributionLexicon, Speaker
from kg.speaker_names import blank_dates, clean_name, first_word, is_pronoun, speaker_kind, valid_speaker

# How much text around a reporting verb a speaker phrase may take: names and titles are short,
# and reading no further keeps the date scan inside the phrase cheap.
PHRASE_WINDOW = 160
# A comma that ends a clause (not a thousands separator), and any clause break.
CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
CLAUSE_BREAK = re.compile(r"[,.;:!?]")
DIGIT = re.compile(r"\d")
# "the BBC's": the possessive is not part of the agency's name.
POSSESSIVE = re.compile(r"['’]s$")

# A dateline opening an article's first sentence: "BAGHDAD (AP) —", "ERBIL, Iraq (AP) —",
# "Baghdad (AFP) -", "JAKARTA, KOMPAS.com -": a place and an agency, never a speaker.
DATELINE = re.compile(r"""^\s*(?:
      [A-Z][A-Z.'’]+(?:[ -][A-Z.'’]+)*                      # a place in capitals: UNITED NATIONS
      (?:,\s*[A-Z][\w.'’]*(?:\ [A-Z][\w.'’]*)*)?           # its country: , Iraq
      \s*(?:\([^()]{1,40}\))?                               # the agency: (AP)
    | [A-Z][\w.'’]*(?:\ [A-Z][\w.'’]*)*(?:,\s*[A-Z][\w.'’]*)?  # a place in title case: Baghdad
      (?:\s*\([^()]{1,40}\)){1,2}                           # needs its agency: (AFP)
    )\s*[—–-]{1,2}\s""", re.VERBOSE)


# A headline that opens with its source: "Kemlu: ...", "Kepala BNPB: ...".
HEADLINE_SPEAKER = re.compile(r"^((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,4})\s*:\s+\S")


# A name set off by commas after a role: "Kepala Dinas Kesehatan, Hendro Wibowo, meminta".
APPOSITIVE = re.compile(r",\s*((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|binti)){1,4}),\s+[a-z]")


# A capitalised run opening a sentence: "Kepala BNPB Letjen TNI Agus Wibisono meninjau".
LEADING_NAME = re.compile(r"^((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|binti)){1,6})\s+[a-z]")



def quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations in a paragraph: pairs of quote marks, tolerant of ” used to open."""
    return _scan_quotes(text)[0]



def quote_left_open(paragraph: str) -> bool:
    """Whether a paragraph ends inside a quotation: in wire copy a quote running over several
    paragraphs leaves each one open and opens the next with a quote mark again."""
    return _scan_quotes(paragraph)[1] is not None



def _scan_quotes(text: str) -> tuple[list[tuple[int, int]], int | None]:
    spans, open_at = [], None
    for m in QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        if open_at is None:
            if ch != "”" or i == 0 or not text[i - 1].isalnum():
                open_at = i
        else:
            spans.append((open_at, i + 1))
            open_at = None
    return spans, open_at



def find_speaker(sentence: str, entities: Entities, lang: str = "id") -> Speaker | None:
    """The speaker stated inside one sentence, if any (a pronoun is returned unresolved)."""
    candidates = find_speakers(sentence, entities, lang)
    if not candidates:
        return None
    # A speaker named after a closing quote owns the quote; otherwise the main clause's.
    quotes = quote_spans(sentence)
    if quotes:
        after_quote = [c for c in candidates if c.start >= quotes[-1][1]]
        if after_quote:
            return after_quote[0]
    outside = [c for c in candidates if not any(a < c.start < b for a, b in quotes)] or list(candidates)
    # A relaying agency speaks only when no one else does: "…, Anadolu reported, citing the
    # governor's office" (the sort is stable: the rules' order stays otherwise).
    return sorted(outside, key=lambda c: bool(c.name) and _names_agency(c.name, entities))[0]



def speaker_for(sentence: str, position: int, entities: Entities, lang: str = "id") -> Speaker | None:
    """In a sentence naming two speakers outside quotes ("Menurut A, ... 97 WNI, sementara B
    mencatat 289"), the named speaker nearest before the figure at `position`; else None."""
    if QUOTE_MARK.search(sentence):  # a quote's speaker owns all its figures
        return None
    named = sorted({(c.start, c.name): c for c in find_speakers(sentence, entities, lang)
                    if not c.pronoun and c.name}.values(), key=lambda c: c.start)
    if len({c.name for c in named}) < 2:
        return None
    before = [c for c in named if c.start <= position]
    return before[-1] if before else None



@lru_cache(maxsize=8192)
def find_speakers(sentence: str, entities: Entities, lang: str = "id") -> tuple[Speaker, ...]:
    """Every speaker phrase of one sentence, in the order the rules find them (cached: each
    figure of a sentence asks again)."""
    lex = AttributionLexicon(lang)
    # A dateline names the place and agency of the report: blanked, offsets kept.
    sentence = DATELINE.sub(lambda d: " " * len(d.group()), sentence, count=1)
    # The lexicon patterns are lower case: scan a lower-cased copy with the same offsets.
    low = fold_case(sentence)
    # Dates in a speaker phrase are chunk breaks ("X, Kamis (7/1) menyatakan"): one scan, and
    # only for a sentence that has a reporting word at all.
    named = blank_dates(sentence, lang) if lex.any_verb.search(low) else sentence
    m = lex.pronoun_verb.search(low)
    candidates: list[Speaker] = []
    if m:
        candidates.append(Speaker(None, _pronoun_kind(m.group(1), lex), m.start(1), m.end(1), pronoun=True))
    for m in lex.passive.finditer(low):
        name = clean_name(named[m.end():m.end() + PHRASE_WINDOW], lex, after_verb=True)
        back = bool(lex.anaphor.search(low[: m.start()]))
        if valid_speaker(name, lex) or is_pronoun(name, lex):
            candidates.append(_make(name, sentence, m.end(), lex, entities, back))
    for m in lex.after.finditer(low):
        name = clean_name(named[m.end():m.end() + PHRASE_WINDOW], lex, after_verb=True)
        if valid_speaker(name, lex) or is_pronoun(name, lex):
            candidates.append(_make(name, sentence, m.end(), lex, entities))
    inverted_at = set()
    for m in lex.inverted.finditer(low) if lex.inverted else ():
        name = clean_name(named[m.end():m.end() + PHRASE_WINDOW], lex, after_verb=True)
        if valid_speaker(name, lex) and _ends_clause(sentence, m.end(), name, lex):
            candidates.append(_make(name, sentence, m.end(), lex, entities))
            inverted_at.add(m.end(1))
    before: list[Speaker] = []
    for m in lex.before.finditer(low):
        verb_at = low.rfind(" ", m.start(), m.end()) + 1  # the last word of the matched verb
        if m.end() in inverted_at or lex.not_reporting and lex.not_reporting.match(low, verb_at):
            continue  # "…, said X, a spokesman": the speaker follows; "claimed responsibility"
        clause = sentence[: m.start()]
        phrase = named[max(0, m.start() - PHRASE_WINDOW): m.start()]
        relative = lex.relative_name.search(phrase.rstrip()) if lex.relative_name else None
        # "Data BNPB berbeda dengan BPBD Lumajang yang pada Kamis mencatat": BPBD Lumajang records
        name = clean_name(relative.group(1) if relative else phrase, lex, after_verb=False)
        head = first_word(clause.split(",")[-1].strip())
        if is_pronoun(name, lex) or head in lex.pronouns:
            before.append(Speaker(None, _pronoun_kind(head, lex), m.start(), m.end(), pronoun=True))
        elif valid_speaker(name, lex):
            if entities.kind(name) == "agency":  # "IRNA melaporkan keterangan X bahwa": X speaks
                inner = lex.statement.search(low, m.end())
                if inner:
                    name = clean_name(named[inner.start(1):inner.end(1)], lex, after_verb=True) or name
            elif _closes_sentence(sentence, m.start(), m.end(), lex) and not _names_agency(name, entities):
                # "The U.S. economy added 287,000 jobs, the Labor Department said.": the
                # clause before is what the closing speaker said, whoever acts in it.
                before = [b for b in before if b.start > m.start()]
            before.append(_make(name, sentence, clause.rfind(name.split()[0]), lex, entities))
    candidates += before
    for m in lex.according.finditer(low):
        name = clean_name(named[m.end():m.end() + PHRASE_WINDOW], lex, after_verb=True)
        if valid_speaker(name, lex) or is_pronoun(name, lex):
            candidates.append(_make(name, sentence, m.end(), lex, entities))
    return tuple(candidates)



def _pronoun_kind(pronoun: str, lex: AttributionLexicon) -> str | None:
    """`organization` for a pronoun that stands for a body ("It said"), else None."""
    return "organization" if first_word(pronoun) in lex.org_pronouns else None



def _closes_sentence(sentence: str, start: int, end: int, lex: AttributionLexicon) -> bool:
    """Whether "X said" at start..end closes its sentence after a comma: nothing but a date or
    an adverbial ("on Friday", "in a statement") follows the verb before the next comma."""
    if not lex.clause_end or not CLAUSE_COMMA.search(sentence[:start]):
        return False
    rest = CLAUSE_BREAK.split(blank_dates(sentence[end:], lex.lang), maxsplit=1)[0]
    return not DIGIT.search(rest) and not lex.complementizer.search(fold_case(rest)) and (
        not rest.strip() or first_word(rest.strip()) in lex.clause_end)



def _names_agency(name: str, entities: Entities) -> bool:
    """Whether a speaker phrase names a news agency ("the state news agency Anadolu")."""
    return any(entities.kind(label) == "agency" for _, _, label in entities.find(name))



def _ends_clause(sentence: str, start: int, name: str, lex: AttributionLexicon) -> bool:
    """Whether a speaker named after an inverted verb ends its clause: punctuation, the end, or
    a word such as "in" or "on" follows it ("…, said X in a statement"), not a verb ("has")."""
    at = sentence.find(name, start)
    if at < 0:
        return False
    rest = sentence[at + len(name):].lstrip()
    return not rest or rest[0] in TRIM or first_word(rest) in lex.clause_end



def _make(name: str, sentence: str, near: int, lex: AttributionLexicon, entities: Entities,
          back: bool = False) -> Speaker:
    if is_pronoun(name, lex):
        return Speaker(None, _pronoun_kind(name, lex), near, near, pronoun=True, back_reference=back)
    start = sentence.find(name, max(0, near - len(name) - 200))
    start = start if start >= 0 else near
    return Speaker(name, speaker_kind(name, lex, entities), start, start + len(name), back_reference=back)



def shifts_topic(sentence: str, lang: str = "id") -> bool:
    """Whether a sentence opens by turning to another matter ("Sementara itu, ...")."""
    return bool(AttributionLexicon(lang).topic_shift.match(fold_case(sentence)))



def person_mention(sentence: str, entities: Entities, lang: str = "id") -> str | None:
    """A person a sentence names as its subject without quoting them ("Kepala Dinas X, Hendro
    Wibowo, meminta ..."), so that a later "Menurutnya" or "ujarnya" can refer to them."""
    lex = AttributionLexicon(lang)
    m = APPOSITIVE.search(sentence) or LEADING_NAME.match(sentence)
    if not m:
        return None
    name = m.group(1).strip(TRIM)
    if entities.kind(name) in ("place", "agency") or speaker_kind(name, lex, entities) != "person":
        return None
    return name if len(name.split()) >= 2 else None



@lru_cache(maxsize=8192)
def find_relays(sentence: str, entities: Entities, lang: str = "id") -> tuple[tuple[int, int, str], ...]:
    """Agencies or outlets a sentence says it relays: "dilansir AFP", "dikutip dari BBC"."""
    lex = AttributionLexicon(lang)
    out = []
    for m in lex.relay.finditer(sentence):
        name = m.group(1).strip(TRIM)
        words = name.split()
        # Keep the agency's own words: "al-Sumaria News", not "AFP Senin".
        kept = [words[0]]
        for w in words[1:]:
            if entities.canonical(" ".join(kept)) and entities.kind(" ".join(kept)) == "agency" \
                    or POSSESSIVE.search(kept[-1]):  # "the BBC's Quentin Sommerville"
                break
            if w.casefold() in lex.doc_words or w.rstrip(",") != w:  # the word lists are lower case
                kept.append(w.rstrip(","))
                break
            kept.append(w)
        name = POSSESSIVE.sub("", " ".join(kept).strip(TRIM))
        out.append((m.start(1), m.start(1) + len(name), entities.canonical(name) or name))
    # Any news agency named in a sentence ("Ditanya oleh Reuters", "AFP melaporkan") is a relay.
    for start, end, label in entities.find(sentence):
        if entities.kind(label) == "agency" and not any(a <= start < b for a, b, _ in out):
            out.append((start, end, label))
    return tuple(sorted(out))



def headline_speaker(title: str, entities: Entities, lang: str = "id") -> Speaker | None:
    """The speaker a headline names before a colon: "Kemlu: 93 WNI Dievakuasi dari Iran"."""
    m = HEADLINE_SPEAKER.match(title)
    if not m:
        return None
    lex = AttributionLexicon(lang)
    name = m.group(1)
    return Speaker(name, speaker_kind(name, lex, entities), 0, len(name))
