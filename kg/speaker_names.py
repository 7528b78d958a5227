"""Speaker phrases -> names: cutting a phrase to the name, its kind, and whether two phrases
name one speaker."""
from __future__ import annotations

import re
from functools import lru_cache

from kg.dates import find_date_mentions
from kg.entities import Entities
from kg.speaker_lexicon import TRIM, AttributionLexicon

# Precompiled helpers of the name rules (they run for every speaker phrase).
HYPHENATED = re.compile(r"[\w-]+")
SPACES = re.compile(r"\s+")
DIGIT = re.compile(r"\d")
INITIALS_END = re.compile(r"\b[A-Z]\.[A-Z]$")  # "U.N", "U.S": the final point is theirs
FIRST_WORD = re.compile(r"[^\w-]*([\w-]+)")
TWO_CAPITALS = re.compile(r"[A-Z][\w-]+ [A-Z][\w-]+")
NON_WORD = re.compile(r"\W")
HYPHEN = re.compile(r"[-‐]")

# A chunk boundary inside a noun phrase: a comma (not a thousands separator: "15,000"), a
# colon before a space ("Zika virus: Brazil confirms"), a dash between words.
CHUNK_SPLIT = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|:\s|;|\s[–—-]\s)\s*")


# Capitalised word (a name part), allowing Arabic-style particles "al-", "bin".
NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|@\w+|al-\w+|el-\w+|bin|binti|van|de|da|di)$")


# A word opening with a digit ends a name: "cabang 14 Mosul".
DIGIT_START = re.compile(r"^\(?\d")


# How many comma-separated chunks a speaker phrase after its verb may take (role, office, name).
AFTER_VERB_CHUNKS = 3


# How many words a personal name has ("Rina Kusumawati", "Gede Eka Sandi Asmadi").
PERSONAL_NAME_WORDS = (2, 5)



def first_word(phrase: str) -> str:
    """The first word of a phrase, in lower case."""
    m = HYPHENATED.match(phrase)
    return m.group(0).casefold() if m else ""



def speaker_kind(name: str, lex: AttributionLexicon, entities: Entities) -> str:
    """`person`, `organization` or `document` for a speaker phrase."""
    first = first_word(name)
    if first in lex.doc_words:
        return "document"
    kind = entities.kind(name)
    if kind in ("organization", "agency", "place"):  # "Israel mengklaim": a state speaks
        return "organization"
    head = _head_noun(name, lex)
    if head:  # "Justice Minister Bekir Bozdag", "Health Ministry", "U.N. report"
        return "document" if head in lex.doc_words else "person" if head in lex.person_roles else "organization"
    words = {w.casefold() for w in HYPHENATED.findall(name)}
    if first in lex.person_roles or first in lex.role_heads:
        return "person"
    if words & lex.org_words or name.isupper():
        return "organization"
    return "person"



def _head_noun(name: str, lex: AttributionLexicon) -> str | None:
    """In a head-last language, the last role, organisation or document word before any
    joiner: "spokesman" of "police spokesman Ahmed Ali" or "head of the Observatory"."""
    if not lex.head_last:
        return None
    head, seen = None, []
    for w in name.split():
        bare = w.strip(TRIM).casefold()
        if bare in lex.stop and seen:
            break
        seen.append(bare)
        # "Red Cross", "Save the Children": a body named by several words
        for n in (3, 2, 1):
            gram = " ".join(seen[-n:])
            if len(seen) >= n and (gram in lex.person_roles or gram in lex.org_words or gram in lex.doc_words):
                head = gram
                break
    return head



def clean_name(phrase: str, lex: AttributionLexicon, after_verb: bool) -> str | None:
    """A speaker phrase (dates already blanked by `blank_dates`) cut to the name: stop words
    end it, leading articles are dropped."""
    phrase = SPACES.sub(" ", phrase).strip(TRIM)
    chunks = [c.strip(TRIM) for c in CHUNK_SPLIT.split(phrase) if c.strip(TRIM)]
    if not chunks:
        return None
    if after_verb:
        # "kata Kepala Pusat Data, Informasi dan Komunikasi BNPB, Arif Budiman Harahap": a role
        # and a name may take three chunks; a chunk that opens in lower case is a new clause.
        chunks = chunks[:AFTER_VERB_CHUNKS]
    else:
        chunks = _subject_run([lex.connective.sub("", c) for c in chunks], lex)
    if not chunks:
        return None
    cut = []
    lead_role = after_verb and _is_role(chunks[0], lex, any_case=True)
    for i, c in enumerate(chunks):
        short = _cut_at_stop(c, lex)
        # After the verb, a further chunk is an appositive only after a role ("pejabat senior
        # militer Irak, Jenderal Qais ...") or when it is a role or a personal name itself;
        # otherwise it is the reported clause ("menurut kantor PM Israel, Iran menembakkan ...").
        if after_verb and i and not (lead_role and c[:1].isupper() or _is_role(c, lex, any_case=True)
                                     or _personal_name(short, lex)):
            break
        # Before the verb, an earlier chunk that a stop word or a figure cuts short is the
        # reported clause, not a name: "Clinton is ahead by 3 points, the RCP average shows".
        if not after_verb and i < len(chunks) - 1 and (short != c or DIGIT.search(c)):
            continue
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



def _subject_run(chunks: list[str], lex: AttributionLexicon) -> list[str]:
    """The last two chunks before a verb that may name its subject: relative clauses and frames
    next to the verb are skipped ("X, who heads Y, said"); a clause further back ends the run
    ("BAGHDAD (AP) — At least 12 were killed, officials said")."""
    run: list[str] = []
    for c in reversed(chunks):
        if c and not _opens_with(c, lex.stop) and not _is_intro(c, lex):
            run.insert(0, c)
            if len(run) == 2:
                break
        elif run:
            break
    return run



def _balance(name: str) -> str:
    """Give back what the trimming took: a closing bracket ("laporan PBB (UN)"), the last
    point of an abbreviation ("the U.N.")."""
    if INITIALS_END.search(name):
        name += "."
    return name + ")" if name.count("(") > name.count(")") else name



def blank_dates(phrase: str, lang: str) -> str:
    """Dates inside a speaker phrase ("X, Kamis (7/1) menyatakan") become chunk breaks; every
    other character keeps its offset."""
    for d in reversed(find_date_mentions(phrase, None, lang)):
        if d.kind != "year":
            phrase = phrase[: d.start] + "," + " " * (d.end - d.start - 1) + phrase[d.end:]
    return phrase



def _opens_with(chunk: str, words: set[str]) -> bool:
    """Whether a chunk opens with one of `words`, unless written as an acronym: "WHO said",
    "US officials said" open with a name, not with "who" or "us"."""
    first = FIRST_WORD.match(chunk)
    return bool(first) and first.group(1).casefold() in words and not (len(first.group(1)) > 1 and first.group(1).isupper())



def _is_intro(chunk: str, lex: AttributionLexicon) -> bool:
    return _opens_with(chunk, lex.not_speaker) or bool(lex.relay.search(chunk)) or bool(lex.frame.match(chunk))



def _cut_at_stop(chunk: str, lex: AttributionLexicon) -> str:
    words = chunk.split()
    out: list[str] = []
    for i, w in enumerate(words):
        bare = w.strip(TRIM).casefold()
        # "pernyataan dari Komando ...", "a statement from X": a document's source stays in its name.
        head = [o for o in out if o.casefold() not in lex.drop_leading] if bare in lex.source_words else ()
        if len(head) == 1 and head[0].casefold() in lex.doc_words:
            out.append(w)
            continue
        # "a spokesman for the Turkish foreign ministry": a role's body stays in its phrase.
        if bare in lex.role_joiners and out and out[-1].casefold() in lex.person_roles:
            out.append(w)
            continue
        # "Pusat Vulkanologi dan Mitigasi Bencana Geologi": "dan" between capitals is part of a
        # name, and so is a capitalised stop word after a capital ("Elhadj As Sy", "Theresa May").
        joins_name = out and out[-1][:1].isupper() and (w[:1].isupper() or bare in lex.name_joiners
                                                        and i + 1 < len(words) and words[i + 1][:1].isupper())
        if i > 0 and not joins_name and (_opens_with(w, lex.stop) or DIGIT_START.match(bare)):
            break
        # "Kementerian Kesehatan Iran terakhir kali memperbarui ...": a verb after a name ends it.
        if out and out[-1][:1].isupper() and w[:1].islower() and bare.startswith(lex.verb_prefixes) and bare not in lex.not_verbs \
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
    return first_word(head) in lex.role_words and (any_case or chunk[:1].islower())



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
    return _is_role(chunk, lex, any_case=True) and len(words) > PERSONAL_NAME_WORDS[0] \
        and _personal_name(" ".join(words[-PERSONAL_NAME_WORDS[0]:]), lex)



def _personal_name(chunk: str, lex: AttributionLexicon) -> bool:
    """Two to five capitalised words with no role, title or organisation word and no domain."""
    words = [w.strip(TRIM).casefold() for w in chunk.split()]
    return (PERSONAL_NAME_WORDS[0] <= len(words) <= PERSONAL_NAME_WORDS[1] and "." not in chunk
            and all(NAME_WORD.match(w.strip(TRIM)) for w in chunk.split())  # not "Sierra Leone and Liberia"
            and not set(words) & lex.not_name_words)



def valid_speaker(name: str | None, lex: AttributionLexicon) -> bool:
    """Whether a phrase can name a speaker: a name, or a role, body or document noun phrase."""
    # A bare "The" names no one, nor does a figure ("…, said 17,723 people died in …").
    if not name or len(name) < 2 or name.casefold() in lex.drop_leading or DIGIT_START.match(name):
        return False
    first = first_word(name)
    if _opens_with(name, lex.not_speaker_or_stop):
        return False
    # A speaker phrase is a name (capitalised) or a role/organisation/document noun phrase.
    low = name.casefold()
    # "hitung cepat Lembaga Survei X": a lower-case head before a capitalised name.
    named_inside = bool(TWO_CAPITALS.search(name))
    return name[:1].isupper() or named_inside or first in lex.org_words or first in lex.doc_words or any(
        low.startswith(r + " ") or low == r for r in lex.person_roles) or _head_noun(name, lex) is not None



def is_pronoun(name: str | None, lex: AttributionLexicon) -> bool:
    """Whether a speaker phrase is a pronoun ("dia", "he", "it") to resolve across sentences."""
    return bool(name) and name.casefold() in lex.pronouns



def _name_words(name: str, lex: AttributionLexicon, entities: Entities | None) -> list[str]:
    """The capitalised words of a speaker phrase without titles, roles, particles and place
    names ("Israel" in "polisi Israel" names no one), in order."""
    out = []
    for w in name.split():
        if not w[:1].isupper() and not w.startswith(("(", "al-", "el-")):
            continue
        if entities is not None and entities.kind(w.strip(TRIM)) == "place":
            continue
        bare = NON_WORD.sub("", HYPHEN.split(w)[-1] if w.startswith(("al-", "el-")) else w).casefold()
        if bare and bare not in lex.person_roles and bare not in lex.doc_words:
            out.append(bare)
    return out



def _places_named(name: str, entities: Entities | None) -> set[str]:
    """The places a speaker phrase names ("Iran" in "Kementerian Kesehatan Iran")."""
    return {m[2] for m in entities.find(name) if entities.kind(m[2]) == "place"} if entities is not None else set()



@lru_cache(maxsize=8192)
def same_speaker(a: str | None, b: str | None, lang: str = "id", entities: Entities | None = None) -> bool:
    """Two speaker phrases name one speaker when the shorter's name words lie in the longer's:
    "Jenderal Mohamadawi" ~ "Jenderal Qais al-Mohamadawi", "Maria" ~ "Maria Fransiska
    Wambrauw", "laporan PBB" ~ "laporan Perserikatan Bangsa-bangsa (PBB)"; a bare title names the
    one who holds it ("Menhub" ~ "Menteri Perhubungan (Menhub) Hendarto Wibisono")."""
    if not a or not b:
        return False
    if a.casefold() == b.casefold():
        return True
    lex = AttributionLexicon(lang)
    places_a, places_b = _places_named(a, entities), _places_named(b, entities)
    if places_a and places_b and places_a != places_b:
        return False  # "Kementerian Kesehatan Iran" is not "Kementerian Kesehatan Israel"
    # A place word names no one in a described body ("polisi Israel", "kantor PM Israel"), but
    # may be a person's own name ("Mustafa Bali" ~ "Bali").
    described = lambda n: entities if any(w[:1].islower() for w in n.split()) else None  # noqa: E731
    short, long = sorted((_name_words(a, lex, described(a)), _name_words(b, lex, described(b))), key=len)
    if not short:
        return _describes(*sorted((a, b), key=len), lex) or _title_of(*sorted((a, b), key=len))
    return set(short) <= set(long)



def _title_of(short: str, long: str) -> bool:
    """Whether a one-word title ("Menhub", "Kapolri") is written out in a fuller phrase."""
    word = short.strip(TRIM)
    return word[:1].isupper() and " " not in word and word.casefold() in {w.strip(TRIM).casefold() for w in long.split()}


def _describes(short: str, long: str, lex: AttributionLexicon) -> bool:
    """Whether a lower-case description of a body ("the ministry", "health ministry") takes
    up a body named in full ("Iraq's Health Ministry"): every word of it lies in the name."""
    words = [w for w in short.casefold().split() if w not in lex.drop_leading]
    named = {w.strip(TRIM) for w in long.casefold().replace("’", "'").replace("'s ", " ").split()}
    return short.islower() and _head_noun(short, lex) in lex.org_words and set(words) <= named \
        and any(w[:1].isupper() for w in long.split()) and _head_noun(long, lex) in lex.org_words
