"""Speaker and relay detection, within a sentence and across sentences of one article."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.dates import find_date_mentions
from kg.entities import Entities
from kg.lang import all_forms, alternation, fold_case, forms

# Quote marks that open or close a direct quotation; scrapers often use ” for both.
QUOTES = "“”\""
QUOTE_MARK = re.compile(f"[{QUOTES}]")
# A chunk boundary inside a noun phrase: comma, dash between words, or a bracketed date.
CHUNK_SPLIT = re.compile(r"\s*(?:,|\s[–—-]\s)\s*")
# Capitalised word (a name part), allowing Arabic-style particles "al-", "bin".
NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|@\w+|al-\w+|el-\w+|bin|binti|van|de|da|di)$")
# A headline that opens with its source: "Kemlu: ...", "Kepala BNPB: ...".
HEADLINE_SPEAKER = re.compile(r"^((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,4})\s*:\s+\S")
# A name set off by commas after a role: "Kepala Dinas Kesehatan, Hendro Wibowo, meminta".
APPOSITIVE = re.compile(r",\s*((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|binti)){1,4}),\s+[a-z]")
# A capitalised run opening a sentence: "Kepala BNPB Letjen TNI Agus Wibisono meninjau".
LEADING_NAME = re.compile(r"^((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|al-\w+|bin|binti)){1,6})\s+[a-z]")
# A word opening with a digit ends a name: "cabang 14 Mosul".
DIGIT_START = re.compile(r"^\(?\d")
# How many comma-separated chunks a speaker phrase after its verb may take (role, office, name).
AFTER_VERB_CHUNKS = 3
# How many words a personal name has ("Rina Kusumawati", "Gede Eka Sandi Asmadi").
PERSONAL_NAME_WORDS = (2, 5)
# Trailing punctuation and brackets around a phrase.
TRIM = " \t\n,.;:–—-“”\"'‘’()"


@dataclass(frozen=True)
class Speaker:
    """Who states a sentence's figures: the name as written, its kind, where it stands."""

    name: str | None  # None with pronoun=True: resolve to the last named speaker
    kind: str | None  # person | organization | document | None
    start: int  # offset in the sentence
    end: int
    pronoun: bool = False
    back_reference: bool = False  # "informasi itu disampaikan oleh X": X also said the sentences before


@lru_cache(maxsize=None)
class AttributionLexicon:
    """The attribution words of one language, compiled."""

    def __init__(self, lang: str = "id"):
        self.lang = lang
        verbs = forms(lang, "attribution", "verbs")
        alt = alternation
        g = forms(lang, "attribution", "grammar")
        suffix = tuple(g.get("pronoun_suffix", []))
        suffixed = [v for v in verbs["speaker_after"] if suffix and v.endswith(suffix)]
        plain_after = [v for v in verbs["speaker_after"] if v not in suffixed]
        according_pronoun = [a + s for a in verbs["according"] for s in suffix]
        that, agent, adverbs = alt(g["complementizer"]), alt(g["agent"]), alt(g["verb_adverbs"])
        self.pronoun_verb = re.compile(rf"(?:^|[\s,”\"])((?:{alt(suffixed + according_pronoun)}))\b")
        self.after = re.compile(rf"(?:^|[\s,”\"])(?:{alt(plain_after)})\s+(?!(?:{that})\b)")
        self.before = re.compile(rf"\s(?:(?:{adverbs})\s+)*(?:{alt(verbs['speaker_before'])})\b")
        self.passive = re.compile(rf"\b(?:{alt(verbs['passive'])})\s+(?:(?:{agent})\s+)?")
        self.according = re.compile(rf"\b(?:{alt(verbs['according'])})\s+")
        self.statement = re.compile(rf"\b(?:{alt(verbs['statement_nouns'])})\s+(.+?)\s+(?:{that})\b")
        self.source_words = set(g["source"])
        self.verb_prefixes = tuple(g.get("verb_prefixes", []))
        self.name_joiners = set(g["name_joiner"])
        shift = alt(all_forms(lang, "attribution", "topic_shift"))
        self.topic_shift = re.compile(rf"^\W*(?:{shift})\b")
        self.frame = re.compile(rf"^(?:{alt(g['frame_openers'])})\b", re.I)
        self.anaphor = re.compile(rf"\b(?:{alt(all_forms(lang, 'attribution', 'back_reference'))})\b")
        relay = forms(lang, "attribution", "relay")
        self.relay = re.compile(rf"\b(?:{alt(relay['verbs'])})\s+(?:(?:{alt(g['source'])})\s+)?((?:al-|el-)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*))*)")
        self.pronouns = set(forms(lang, "attribution", "pronouns")["person"])
        stops = forms(lang, "attribution", "stop_words")
        self.stop = set(stops["stop"])
        self.not_speaker = set(all_forms(lang, "attribution", "not_speaker"))
        conn = alternation(all_forms(lang, "attribution", "connectives"))
        self.connective = re.compile(rf"^(?:{conn})\b[\s,]*", re.I)
        self.drop_leading = all_forms(lang, "attribution", "drop_leading")
        roles = forms(lang, "attribution", "roles")
        self.person_roles = set(roles["person"])
        self.role_heads = {r.split()[0] for r in self.person_roles}  # "juru" of "juru bicara"
        # Counted nouns ("Desa", "Kota", "Warga") are not parts of a personal name.
        self.common_nouns = {w for sec in ("persons", "things") for w in all_forms(lang, "nouns", sec) if " " not in w}
        self.org_words = set(roles["organization"])
        self.doc_words = set(roles["document"])


def _first_word(phrase: str) -> str:
    m = re.match(r"[\w-]+", phrase)
    return m.group(0).casefold() if m else ""


def speaker_kind(name: str, lex: AttributionLexicon, entities: Entities) -> str:
    """`person`, `organization` or `document` for a speaker phrase."""
    first = _first_word(name)
    if first in lex.doc_words:
        return "document"
    kind = entities.kind(name)
    if kind in ("organization", "agency", "place"):  # "Israel mengklaim": a state speaks
        return "organization"
    words = {w.casefold() for w in re.findall(r"[\w-]+", name)}
    if first in lex.person_roles or first in lex.role_heads:
        return "person"
    if words & lex.org_words or name.isupper():
        return "organization"
    return "person"


def clean_name(phrase: str, lex: AttributionLexicon, after_verb: bool) -> str | None:
    """A speaker phrase cut to the name: stop words end it, leading articles are dropped."""
    phrase = re.sub(r"\s+", " ", _blank_dates(phrase, lex.lang)).strip(TRIM)
    chunks = [c.strip(TRIM) for c in CHUNK_SPLIT.split(phrase) if c.strip(TRIM)]
    if not chunks:
        return None
    if after_verb:
        # "kata Kepala Pusat Data, Informasi dan Komunikasi BNPB, Arif Budiman Harahap": a role
        # and a name may take three chunks; a chunk that opens in lower case is a new clause.
        chunks = chunks[:AFTER_VERB_CHUNKS]
    else:
        chunks = [lex.connective.sub("", c) for c in chunks]
        chunks = [c for c in chunks if c and _first_word(c) not in lex.stop and not _is_intro(c, lex)][-2:]
    if not chunks:
        return None
    cut = []
    for i, c in enumerate(chunks):
        # After the verb, a further chunk is an appositive only after a role ("pejabat senior
        # militer Irak, Jenderal Qais ...") or when it is a role or a personal name itself;
        # otherwise it is the reported clause ("menurut kantor PM Israel, Iran menembakkan ...").
        appositive = _is_role(chunks[0], lex, any_case=True) and c[:1].isupper() or _is_role(c, lex, any_case=True) \
            or _personal_name(_cut_at_stop(c, lex), lex)
        if after_verb and i and not appositive:
            break
        short = _cut_at_stop(c, lex)
        if short:
            cut.append(short)
        if after_verb and short != c:  # "X kepada wartawan di Kompleks Parlemen, Senayan": X's phrase ended
            break
    if not cut:
        return None
    # A name chunk beside a role chunk wins: "pejabat senior militer Irak, Jenderal Qais
    # al-Mohamadawi" (after the verb: the first name), "Said Mamouzini, pejabat bidang media
    # ..." (before the verb: the last name, nearest the verb).
    names = [c for c in cut if _looks_like_name(c, lex)]
    # A personal name beats a capitalised role or office: "Stakeholder Relation Manager Bandara
    # I Gusti Ngurah Rai, Gede Eka Sandi Asmadi" -> "Gede Eka Sandi Asmadi".
    personal = [c for c in names if _personal_name(c, lex)] or [c for c in cut if _ends_with_person(c, lex)]
    names = personal or names
    if names:
        best = names[0] if after_verb else names[-1]
    else:
        best = cut[0] if after_verb else cut[-1]
    return _balance(_drop_leading(best, lex))


def _balance(name: str) -> str:
    """Give back a closing bracket the trimming took: "laporan PBB (UN)"."""
    return name + ")" if name.count("(") > name.count(")") else name


def _blank_dates(phrase: str, lang: str) -> str:
    """Dates inside a speaker phrase ("X, Kamis (7/1) menyatakan") become chunk breaks."""
    for d in reversed(find_date_mentions(phrase, None, lang)):
        if d.kind != "year":
            phrase = phrase[: d.start] + "," + phrase[d.end:]
    return phrase


def _is_intro(chunk: str, lex: AttributionLexicon) -> bool:
    return _first_word(chunk) in lex.not_speaker or bool(lex.relay.search(chunk)) or bool(lex.frame.match(chunk))


def _cut_at_stop(chunk: str, lex: AttributionLexicon) -> str:
    words = chunk.split()
    out: list[str] = []
    for i, w in enumerate(words):
        bare = w.strip(TRIM).casefold()
        # "pernyataan dari Komando ...": a document's source stays in its name.
        if bare in lex.source_words and len(out) == 1 and out[0].casefold() in lex.doc_words:
            out.append(w)
            continue
        # "Pusat Vulkanologi dan Mitigasi Bencana Geologi": "dan" between capitals is part of a name.
        joins_name = bare in lex.name_joiners and out and out[-1][:1].isupper() and i + 1 < len(words) and words[i + 1][:1].isupper()
        if i > 0 and not joins_name and (bare in lex.stop or DIGIT_START.match(bare)):
            break
        # "Kementerian Kesehatan Iran terakhir kali memperbarui ...": a verb after a name ends it.
        if out and out[-1][:1].isupper() and w[:1].islower() and bare.startswith(lex.verb_prefixes) \
                and bare not in lex.person_roles and bare not in lex.org_words and bare not in lex.doc_words:
            break
        out.append(w)
    return " ".join(out).strip(TRIM)


def _drop_leading(name: str, lex: AttributionLexicon) -> str:
    low = name.casefold()
    for lead in lex.drop_leading:
        if low.startswith(lead + " "):
            return name[len(lead) + 1:].strip()
    return name


def _is_role(chunk: str, lex: AttributionLexicon, any_case: bool = False) -> bool:
    """Whether a chunk opens with a role word ("pejabat", "juru bicara"); in lower case unless
    any_case, since a capitalised role usually heads a title plus name ("Menteri Sugiono")."""
    head = _drop_leading(chunk, lex)
    return _first_word(head) in (lex.person_roles | lex.role_heads) and (any_case or chunk[:1].islower())


def _looks_like_name(chunk: str, lex: AttributionLexicon) -> bool:
    """A capitalised personal or organisational name, possibly behind a title ("dan" may join
    two capitalised words: "Pusat Data, Informasi dan Komunikasi Kebencanaan")."""
    words = chunk.split()
    return bool(words) and words[0][:1].isupper() and all(
        NAME_WORD.match(w.strip(TRIM)) or (w in lex.name_joiners and 0 < i < len(words) - 1)
        for i, w in enumerate(words))


def _ends_with_person(chunk: str, lex: AttributionLexicon) -> bool:
    """A role phrase closed by a personal name: "Kepala BNPB Arif Budiman Harahap"."""
    words = chunk.split()
    return _is_role(chunk, lex, any_case=True) and len(words) > PERSONAL_NAME_WORDS[0] and _personal_name(" ".join(words[-PERSONAL_NAME_WORDS[0]:]), lex) \
        and all(NAME_WORD.match(w.strip(TRIM)) for w in words[-PERSONAL_NAME_WORDS[0]:])


def _personal_name(chunk: str, lex: AttributionLexicon) -> bool:
    """Two to five capitalised words with no role, title or organisation word and no domain."""
    words = [w.strip(TRIM).casefold() for w in chunk.split()]
    return (PERSONAL_NAME_WORDS[0] <= len(words) <= PERSONAL_NAME_WORDS[1] and "." not in chunk
            and not set(words) & (lex.person_roles | lex.role_heads | lex.org_words | lex.common_nouns))


def _valid(name: str | None, lex: AttributionLexicon) -> bool:
    if not name or len(name) < 2:
        return False
    first = _first_word(name)
    if first in lex.not_speaker or first in lex.stop:
        return False
    # A speaker phrase is a name (capitalised) or a role/organisation/document noun phrase.
    low = name.casefold()
    # "hitung cepat Lembaga Survei X": a lower-case head before a capitalised name.
    named_inside = bool(re.search(r"[A-Z][\w-]+ [A-Z][\w-]+", name))
    return name[:1].isupper() or named_inside or first in lex.org_words or first in lex.doc_words or any(
        low.startswith(r + " ") or low == r for r in lex.person_roles)


def _pronoun(name: str | None, lex: AttributionLexicon) -> bool:
    return bool(name) and name.casefold() in lex.pronouns


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations in a paragraph: pairs of quote marks, tolerant of ” used to open."""
    spans, open_at = [], None
    for m in QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        if open_at is None:
            if ch != "”" or i == 0 or not text[i - 1].isalnum():
                open_at = i
        else:
            spans.append((open_at, i + 1))
            open_at = None
    return spans


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
    outside = [c for c in candidates if not any(a < c.start < b for a, b in quotes)]
    return (outside or candidates)[0]


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
    # The lexicon patterns are lower case: scan a lower-cased copy with the same offsets.
    low = fold_case(sentence)
    m = lex.pronoun_verb.search(low)
    candidates: list[Speaker] = []
    if m:
        candidates.append(Speaker(None, None, m.start(1), m.end(1), pronoun=True))
    for m in lex.passive.finditer(low):
        name = clean_name(sentence[m.end():], lex, after_verb=True)
        back = bool(lex.anaphor.search(low[: m.start()]))
        if _valid(name, lex) or _pronoun(name, lex):
            candidates.append(_make(name, sentence, m.end(), lex, entities, back))
    for m in lex.after.finditer(low):
        name = clean_name(sentence[m.end():], lex, after_verb=True)
        if _valid(name, lex) or _pronoun(name, lex):
            candidates.append(_make(name, sentence, m.end(), lex, entities))
    for m in lex.before.finditer(low):
        clause = sentence[: m.start()]
        name = clean_name(clause, lex, after_verb=False)
        if _pronoun(name, lex) or _first_word(clause.split(",")[-1].strip()) in lex.pronouns:
            candidates.append(Speaker(None, None, m.start(), m.end(), pronoun=True))
        elif _valid(name, lex):
            if entities.kind(name) == "agency":  # "IRNA melaporkan keterangan X bahwa": X speaks
                inner = lex.statement.search(low, m.end())
                if inner:
                    name = clean_name(sentence[inner.start(1):inner.end(1)], lex, after_verb=True) or name
            candidates.append(_make(name, sentence, clause.rfind(name.split()[0]), lex, entities))
    for m in lex.according.finditer(low):
        name = clean_name(sentence[m.end():], lex, after_verb=True)
        if _valid(name, lex) or _pronoun(name, lex):
            candidates.append(_make(name, sentence, m.end(), lex, entities))
    return tuple(candidates)


def _make(name: str, sentence: str, near: int, lex: AttributionLexicon, entities: Entities,
          back: bool = False) -> Speaker:
    if _pronoun(name, lex):
        return Speaker(None, None, near, near, pronoun=True, back_reference=back)
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
            if entities.canonical(" ".join(kept)) and entities.kind(" ".join(kept)) == "agency":
                break
            if w.casefold() in {m.casefold() for m in lex.doc_words} or w.rstrip(",") != w:
                kept.append(w.rstrip(","))
                break
            kept.append(w)
        name = " ".join(kept).strip(TRIM)
        out.append((m.start(1), m.start(1) + len(name), entities.canonical(name) or name))
    # Any news agency named in a sentence ("Ditanya oleh Reuters", "AFP melaporkan") is a relay.
    for start, end, label in entities.find(sentence):
        if entities.kind(label) == "agency" and not any(a <= start < b for a, b, _ in out):
            out.append((start, end, label))
    return tuple(sorted(out))


def _name_words(name: str, lex: AttributionLexicon, entities: Entities | None) -> list[str]:
    """The capitalised words of a speaker phrase without titles, roles, particles and place
    names ("Israel" in "polisi Israel" names no one), in order."""
    out = []
    for w in name.split():
        if not w[:1].isupper() and not w.startswith(("(", "al-", "el-")):
            continue
        if entities is not None and entities.kind(w.strip(TRIM)) == "place":
            continue
        bare = re.sub(r"\W", "", re.split(r"[-‐]", w)[-1] if w.startswith(("al-", "el-")) else w).casefold()
        if bare and bare not in lex.person_roles and bare not in lex.doc_words:
            out.append(bare)
    return out


def _places_named(name: str, entities: Entities | None) -> set[str]:
    """The places a speaker phrase names ("Iran" in "Kementerian Kesehatan Iran")."""
    return {m[2] for m in entities.find(name) if entities.kind(m[2]) == "place"} if entities is not None else set()


def same_speaker(a: str | None, b: str | None, lang: str = "id", entities: Entities | None = None) -> bool:
    """Two speaker phrases name one speaker when the shorter's name words lie in the longer's:
    "Jenderal Mohamadawi" ~ "Jenderal Qais al-Mohamadawi", "laporan PBB" ~ "laporan
    Perserikatan Bangsa-bangsa (PBB)"; a one-word name must be one of the last two words."""
    if not a or not b:
        return False
    if a.casefold() == b.casefold():
        return True
    lex = AttributionLexicon(lang)
    if _places_named(a, entities) and _places_named(b, entities) and _places_named(a, entities) != _places_named(b, entities):
        return False  # "Kementerian Kesehatan Iran" is not "Kementerian Kesehatan Israel"
    # A place word names no one in a described body ("polisi Israel", "kantor PM Israel"), but
    # may be a person's own name ("Mustafa Bali" ~ "Bali").
    described = lambda n: entities if any(w[:1].islower() for w in n.split()) else None  # noqa: E731
    short, long = sorted((_name_words(a, lex, described(a)), _name_words(b, lex, described(b))), key=len)
    if not short:
        return False
    if len(short) == 1:
        return short[0] in long[-2:]
    return set(short) <= set(long)


def headline_speaker(title: str, entities: Entities, lang: str = "id") -> Speaker | None:
    """The speaker a headline names before a colon: "Kemlu: 93 WNI Dievakuasi dari Iran"."""
    m = HEADLINE_SPEAKER.match(title)
    if not m:
        return None
    lex = AttributionLexicon(lang)
    name = m.group(1)
    return Speaker(name, speaker_kind(name, lex, entities), 0, len(name))
