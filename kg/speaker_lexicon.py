"""The attribution words of one language, compiled, and the Speaker a sentence names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.lang import all_forms, alternation, forms

# Quote marks that open or close a direct quotation; scrapers often use ” for both.
QUOTES = "“”\""
QUOTE_MARK = re.compile(f"[{QUOTES}]")


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
        every = [*verbs["speaker_after"], *verbs["speaker_before"], *verbs["passive"], *verbs["according"],
                 *verbs["statement_nouns"]]
        self.any_verb = re.compile(rf"\b(?:{alt(every)})")
        self.according = re.compile(rf"\b(?:{alt(verbs['according'])})\s+")
        self.statement = re.compile(rf"\b(?:{alt(verbs['statement_nouns'])})\s+(.+?)\s+(?:{that})\b")
        inverted = g.get("inverted_verbs", [])
        self.inverted = re.compile(rf",\s+({alt(inverted)})\s+(?!(?:{that})\b)") if inverted else None
        self.clause_end = set(g.get("clause_end", []))
        self.role_joiners = set(g.get("role_joiner", []))
        # "Islamic State claimed responsibility", "Matthew claimed 877 lives": no statement.
        phrases = [p.split(" ", 1) for p in g.get("not_reporting", [])]
        self.not_reporting = re.compile("|".join(
            rf"{re.escape(verb)}\s+(?:\S+\s+)?{re.escape(obj)}\b" for verb, obj in phrases)) if phrases else None
        self.complementizer = re.compile(rf"\b(?:{that})\b")
        self.source_words = set(g["source"])
        self.verb_prefixes = tuple(g.get("verb_prefixes", []))
        self.not_verbs = set(g.get("not_verbs", []))
        self.name_joiners = set(g["name_joiner"])
        relativizers = g.get("speaker_relativizers", [])
        # the name that a relative clause ending at the verb hangs on: its capitalised words (a
        # blanked date and lower-case words such as "pada" may follow the relativizer)
        self.relative_name = re.compile(
            rf"((?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)\s*,?\s+(?:{alt(relativizers)})(?:[\s,]+[^\W\dA-Z]\w*)*[\s,]*$") if relativizers else None
        shift = alt(all_forms(lang, "attribution", "topic_shift"))
        self.topic_shift = re.compile(rf"^\W*(?:{shift})\b")
        self.frame = re.compile(rf"^(?:{alt(g['frame_openers'])})\b", re.I)
        self.anaphor = re.compile(rf"\b(?:{alt(all_forms(lang, 'attribution', 'back_reference'))})\b")
        relay = forms(lang, "attribution", "relay")
        self.relay = re.compile(rf"\b(?:{alt(relay['verbs'])})\s+(?:(?:{alt(g['source'])})\s+)?((?:al-|el-)?[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*))*)")
        pronouns = forms(lang, "attribution", "pronouns")
        self.pronouns = set(all_forms(lang, "attribution", "pronouns"))
        self.org_pronouns = set(pronouns.get("organization", []))
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
        # Built once: the speaker tests read them for every phrase.
        self.role_words = self.person_roles | self.role_heads
        self.not_name_words = self.role_words | self.org_words | self.common_nouns
        self.not_speaker_or_stop = self.not_speaker | self.stop
        self.doc_words = set(roles["document"])
        # Where a noun phrase has its head: "Kepala BNPB" (first), "BNPB spokesman" (last).
        self.head_last = g.get("phrase_head", ["first"]) == ["last"]
