"""What a figure counts: currency, percent, physical unit or counted noun around the number."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from kg.lang import alternation, forms, inverse, object_verbs
from kg.model import Quantity
from kg.number_lexicon import Lexicon

# Currency signs glued to or just before the number: "Rp38,5 triliun", "US$ 2 juta".
CURRENCY_GAP = r"\.?\s*$"
# How far back a counted noun may stand before its figure: "WNI yang dievakuasi sebanyak 386".
NOUN_BEFORE_CHARS = 45
# A general word after the figure ("unit", "jiwa") says something is counted, so the noun that
# names it may stand further back: "rumah yang hanyut terbawa arus di Nagari X sebanyak 7 unit".
GENERIC_NOUN_BEFORE_CHARS = 90
HEIGHT = "height"  # the measure of a length its clause calls a height
# The longest measured figure a head's window masks ("magnitude of 6.5", "bermagnitudo 5,8").
MEASURED_FIGURE_CHARS = 40
# How far back "the number of <noun>" may head the clause of a figure without a noun.
COUNTING_HEAD_CHARS = 150
# A sentence or clause break stops the look back for a noun.
CLAUSE_BREAK = re.compile(r"[.;:!?”“\"]")
# Where the look back for a noun stops: at a number before the figure.
LAST_NUMBER = re.compile(r"\d[\d.,]*")
# How many adjectives may stand between a figure and its noun where the language puts them
# there ("500 foreign fighters", "3,000 Syrian refugees", "500 Islamic State fighters").
MAX_BETWEEN = 3
# A unit word standing before its figure is spelt out ("magnitude 6.2"); symbols never do.
UNIT_BEFORE_MIN = 4
# claims.json gives lengths in km, m or mm, areas in km2, m2 or ha, speeds in km/h (feet
# converted to metres): an imperial figure is converted, its words kept as written.
TO_METRIC = {"ft": ("m", 0.3048), "mi": ("km", 1.609344), "in": ("mm", 25.4), "ac": ("ha", 0.40468564224),
             "mi2": ("km2", 2.589988110336), "ft2": ("m2", 0.09290304), "mph": ("km/h", 1.609344)}
# A figure a unit symbol may stand before: one digit and a decimal part ("M5,8", "M 6.2").
SMALL_DECIMAL = re.compile(r"\d[.,]\d{1,2}")


class UnitInfo(NamedTuple):
    """Where the figure starts and ends once its currency/percent sign is included, and its unit."""

    start: int
    figure_end: int
    end: int  # end of the unit word or counted noun
    unit: str
    currency: str | None
    noun: str | None  # canonical measure class of the counted noun ("fighters")



@lru_cache(maxsize=None)
class UnitReader:
    """Reads the unit words of one language around a figure."""

    def __init__(self, lang: str = "id"):
        self.units = inverse(lang, "units", "units")
        self.cur_before = inverse(lang, "units", "currency_before")
        self.cur_after = inverse(lang, "units", "currency_after")
        self.persons = inverse(lang, "nouns", "persons")
        self.person_classes = frozenset(self.persons.values())  # read for every figure
        self.things = inverse(lang, "nouns", "things")
        nouns = {**self.things, **self.persons}
        self.nouns = nouns
        self.re_cur_before = re.compile(r"(?:^|(?<=[\s(“\"‘']))(" + alternation(self.cur_before) + r")" + CURRENCY_GAP, re.I)
        self.re_percent = re.compile(r"^\s*(%|" + alternation(forms(lang, "units", "units")["percent"]) + r")(?![\w])", re.I)
        self.re_points = re.compile(r"^\s*(" + alternation(forms(lang, "units", "units")["points"]) + r")\b", re.I)
        self.re_cur_after = re.compile(r"^\s*(" + alternation(self.cur_after) + r")\b", re.I)
        bare = forms(lang, "units", "home_dollar").get("bare", [])
        signs = [b for b in bare if not b.isalpha()]
        words = [b for b in bare if b.isalpha()]
        self.re_bare_sign = re.compile(r"^(?:" + alternation(signs) + r")\s*\d") if signs else None
        self.re_bare_word = re.compile(r"\s*(?:" + alternation(words) + r")\b", re.I) if words else None
        self.home_domains = inverse(lang, "units", "home_dollar_domains")
        # "40 km", "5km", and glued by a hyphen: "a 40-km stretch", "a 29-year-old".
        self.re_unit = re.compile(r"^(?:\s*|-)(" + alternation(self.units) + r")(?![\w])", re.I)
        suffixes = forms(lang, "nouns", "suffixes")
        suffix = alternation(suffixes.get("possessive", []))
        # Words that may stand between the figure and its noun, and capitalised words with
        # them, where the lexicon lists any ("12 more people", "300 Syrian refugees").
        between = suffixes.get("between", [])
        gap = (r"(?:(?:" + alternation(between) + r"|(?-i:[A-Z][\w.'’-]*))\s+){0," + str(MAX_BETWEEN) + r"}?") if between else ""
        self.re_noun = re.compile(r"^\s+" + gap + "(" + alternation(nouns) + r")" + (f"(?:{suffix})?" if suffix else "") + r"\b", re.I)
        # "131 of the dead", "70 percent of the town's buildings": a share of what the noun names.
        partitive = forms(lang, "nouns", "partitive").get("words", [])
        self.re_partitive = re.compile(r"^\s+(?:" + alternation(partitive) + r")\s+(?:[\w'’.,-]+\s+){0,2}?(" + alternation(nouns) + r")\b", re.I) if partitive else None
        copulas = forms(lang, "nouns", "partitive").get("copulas", [])
        shares = forms(lang, "nouns", "partitive").get("share_classes", [])
        share_nouns = alternation(w for w, c in nouns.items() if c in shares) or "(?!)"
        self.re_partitive_named = re.compile(
            r"^\s+(?:" + alternation(partitive) + r")\s+(?:[\w'’.,-]+\s+){0,2}?(?:" + share_nouns + r")\s+(?:"
            + alternation(copulas) + r")\s+(?:[\w'’-]+\s+){0,2}?(" + alternation(self.persons) + r")\b", re.I) if partitive and copulas else None
        # "15 orang lainnya": the unit of "lainnya" is that of the figure before it in the sentence.
        self.re_change_to = re.compile(r"^\s*(?:" + alternation(forms(lang, "nouns", "inherit").get("to", [])) + r")\s*$", re.I)
        # "rose to 85 on 19 July, ..., and to 86 on 21 July": a figure after these words goes on
        # with the change of the figure before it in the sentence.
        goes_on = forms(lang, "nouns", "inherit").get("goes_on", [])
        self.re_goes_on = re.compile(r"\b(?:" + alternation(goes_on) + r")\s*$", re.I) if goes_on else None
        # "56 people had been injured, up from the 48 given on Tuesday", "down from more than
        # 10,000 on Sunday", "down from a peak of about 11,000": or it is the earlier value of that
        # figure (a qualifier or a few words may stand between).
        earlier = forms(lang, "nouns", "inherit").get("earlier", [])
        self.re_earlier = re.compile(r"\b(?:" + alternation(earlier) + r")(?:\s+[^\W\d]+){0,4}\s*$", re.I) if earlier else None
        self.re_inherit = re.compile(r"^\s+(?:" + alternation(forms(lang, "nouns", "inherit")["words"]) + r")\b", re.I)
        self.durations = {"year", "month", "week", "day", "hour", "minute"}
        self.generic = set(forms(lang, "nouns", "generic").get("classes", []))
        # nouns that name what happened to the counted ("deaths", "pengungsi"), actions.toml
        self.action_classes = frozenset(inverse(lang, "actions", "class_actions"))
        # "menetapkan tujuh orang sebagai tersangka": a general class word named as something.
        as_words = forms(lang, "nouns", "generic").get("as", [])
        self.re_named_as = re.compile(r"^\s+(?:" + alternation(as_words) + r")\s+(" + alternation(nouns) + r")\b", re.I) if as_words else None
        # "131 hektare" with no noun measures an area: the unit says what is measured.
        self.unit_measures = inverse(lang, "units", "unit_measures")
        height = forms(lang, "units", "height_context")
        self.height_units = frozenset(height.get("units", []))
        self.re_height_before = re.compile(r"\b(?:" + alternation(height["before"]) + r")\b", re.I) if height.get("before") else None
        self.re_height_after = re.compile(r"^\s*(?:" + alternation(height["after"]) + r")\b", re.I) if height.get("after") else None
        # "M5,8", "M 6.2": a unit symbol right before a small decimal figure.
        self.symbols_before = inverse(lang, "units", "unit_symbol_before")
        self.re_symbol_before = re.compile(r"(?<![\w-])(" + alternation(self.symbols_before) + r") ?$", re.I) if self.symbols_before else None
        # "magnitude 6.2": a unit word (not a duration, not a symbol) just before the figure.
        before_units = [f for f, u in self.units.items() if u not in self.durations and len(f) >= UNIT_BEFORE_MIN and f.isalpha()]
        connectors = forms(lang, "units", "unit_before").get("connectors", [])
        between = r"(?:\s+(?:" + alternation(connectors) + r"))?" if connectors else ""
        # "magnitude-7.8": or glued to it by a hyphen
        self.re_unit_before = re.compile(r"(?<![\w-])(" + alternation(before_units) + r")(?:" + between + r"\s+|[-‐])$", re.I) if before_units else None
        # "the magnitude of Monday's earthquake up to 7.8": a unit that says what is measured,
        # named earlier in the clause of a figure without a unit or noun of its own.
        measuring = [f for f in before_units if self.units[f] in self.unit_measures]
        self.re_unit_anywhere = re.compile(r"(?<![\w-])(" + alternation(measuring) + r")\b", re.I) if measuring else None
        # "the toll from Wednesday's magnitude 6.5 quake had reached 102": a measured figure
        # inside the head's phrase does not cut the head off from the count after it
        self.re_measured_figure = re.compile(r"(?<![\w-])(?:" + alternation(measuring) + r")(?:" + between + r"\s+|[-‐])\d+(?:[.,]\d+)?", re.I) if measuring else None
        self.re_ago = re.compile(r"^[\s-]+(?:" + alternation(forms(lang, "units", "duration_ago")["ago"]) + r")\b", re.I)
        points_before = forms(lang, "units", "points_context")["before"]
        self.re_points_before = re.compile(r"\b(?:" + alternation(points_before) + r")\b[^.,;]{0,25}$", re.I)
        money_links = forms(lang, "nouns", "money_links").get("words", [])
        things = alternation(self.things)
        link = alternation(money_links) if money_links else "(?!)"
        # "$44 million in donations", "200 million yuan in disaster relief funds"
        self.re_money_noun = re.compile(r"^\s+(?:(" + things + r")|(?:" + link + r")\s+(?:[^\W\d]+\s+){0,2}?(" + things + r"))\b", re.I)
        # the classes a sum of money can be ("kerugian", "aid"), as against counted things
        self.money_classes = frozenset(forms(lang, "nouns", "money_links").get("classes", []))
        self.counted_things = frozenset(self.things.values()) - self.money_classes
        self.re_noun_before = re.compile(r"\b(" + alternation(nouns) + r")\b", re.I)
        # "The death toll from the lorry attack in Nice has risen to 85": a head noun counts the
        # figure over the nouns of the phrases that follow it.
        heads = forms(lang, "nouns", "heads").get("words", [])
        self.re_head_before = re.compile(r"\b(" + alternation(heads) + r")\b", re.I) if heads else None
        # "The number of people killed in the wildfires ... rose to 13": the noun after these
        # words heads the clause in the same way
        counting = forms(lang, "nouns", "heads").get("counting", [])
        self.re_counting_before = re.compile(
            r"\b(?:" + alternation(counting) + r")\s+(?:the\s+)?(" + alternation(nouns) + r")\b", re.I) if counting else None
        # "kerugian keuangan negara ... Rp 193,7 triliun": a possessor after another noun names
        # whose the thing is, not what the figure counts.
        self.possessors = {w.casefold() for w in forms(lang, "nouns", "possessors").get("words", [])}
        # A verb that takes the figure as its object ("polisi menangkap 351 orang", "police
        # arrested 351 people") makes the noun before it the agent, not what the figure counts.
        verbs = object_verbs(lang)
        self.re_object_verb = re.compile(r"\b(?:" + alternation(verbs) + r")\w*\b", re.I) if verbs else None
        # "104 selamat", "49 masih dalam pencarian", "12 were missing": a bare figure followed by
        # what only happens to people counts people.
        grammar = forms(lang, "actions", "grammar")
        person_only = set(grammar.get("person_only", []))
        person_acts = [w for a, ws in forms(lang, "actions", "actions").items() if a in person_only for w in ws]
        aux = alternation(grammar.get("auxiliaries", [])) or "(?!)"
        # "kills at least 233", "menewaskan 22": a verb that does to people what it does to its
        # bare figure, with at most a qualifier between.
        person_verbs = [w for w in verbs if w in person_acts]
        self.re_person_verb_before = re.compile(r"\b(?:" + alternation(person_verbs) + r")\w*\s+(?:[^\W\d]+\s+){0,2}$", re.I) if person_verbs else None
        # "put the number of missing at 10", "the number of injured rose to 53": the counting
        # phrase names what happened to people, no noun
        self.re_counting_person = re.compile(
            r"\b(?:" + alternation(counting) + r")\s+(?:the\s+)?(?:" + alternation(person_acts) + r")\b", re.I) if counting and person_acts else None
        # "More than 50 of the injured were in a critical condition": a share of those to whom
        # something happened counts people
        self.re_partitive_person = re.compile(
            r"^\s+(?:" + alternation(partitive) + r")\s+(?:" + alternation(person_acts) + r")\b", re.I) if partitive and person_acts else None
        # "Of the missing, 96 are from Aranayake": the share opens its sentence
        self.re_person_share_before = re.compile(
            r"(?:^|[.;:]\s*)(?:" + alternation(partitive) + r")\s+(?:" + alternation(person_acts) + r")\s*,\s*$", re.I) if partitive and person_acts else None
        self.re_person_follows = re.compile(r"^\s+(?:[^\W\d]+\s+){0,3}?(?:" + alternation(person_acts) + r")\b", re.I) if person_acts else None
        self.re_person_action = re.compile(r"^\s+(?:(?:" + aux + r")\s+){0,2}(?:" + alternation(person_acts) + r")\b", re.I) if person_acts else None
        # "di tiga provinsi", "in 16 districts": a figure of places in a phrase that says where
        # a later figure applies; it neither ends that figure's look back nor is its noun.
        scope = forms(lang, "nouns", "scope_phrases")
        preps = alternation(scope.get("before", [])) or "(?!)"
        place_nouns = alternation(w for w, c in nouns.items() if c in scope.get("classes", [])) or "(?!)"
        self.scope_classes = frozenset(scope.get("classes", []))
        self.re_scope_prep = re.compile(r"\b(?:" + preps + r")\s+$", re.I)
        number = Lexicon(lang).number_token
        self.re_number_word_before = re.compile(rf"(?i)\b{number}\s+$")
        self.re_some_number = re.compile(rf"(?i)\b{number}\b")
        self.re_scope_phrase = re.compile(r"\b(?:" + preps + r")\s+" + number + r"(?:[\s-]+" + number + r")*\s+(?:" + place_nouns + r")\b", re.I)
        anaphoric = forms(lang, "nouns", "anaphoric")
        coordinators = forms(lang, "actions", "grammar").get("coordinators", [])
        self.re_list_item_before = re.compile(rf"(?:,|\b(?:{alternation(coordinators)}))\s*$", re.I) if coordinators else re.compile("(?!)")
        each = alternation(anaphoric.get("distributive", [])) or "(?!)"
        place_words = alternation(forms(lang, "places", "locative")["before"])
        self.re_list_item_after = re.compile(rf"\s+(?:(?:{each})\s+)?(?:{place_words})\s+[A-Z]")
        self.re_anaphoric = re.compile(r"\b(?:" + alternation(anaphoric["words"]) + r")\b", re.I)
        ends = anaphoric.get("number_word_ends", [])
        self.re_number_word_end = re.compile(r"^\s*(?:$|[^\w\s]|\d|(?:" + (alternation(ends) if ends else "(?!)") + r")\b)", re.I)

    def in_scope_phrase(self, sentence: str, at: int, noun: str | None) -> bool:
        """Whether the figure of places at sentence[at:] says where a later figure applies
        ("korban meninggal di tiga provinsi mencapai 836 orang")."""
        return noun in self.scope_classes and bool(self.re_scope_prep.search(sentence, 0, at))

    def list_item(self, before: str, after: str) -> bool:
        """Whether a number word is an item of a list of places after an earlier figure
        ("five people had died in Chittagong, three in Bhola and two each in Noakhali")."""
        return bool(self.re_list_item_after and self.re_list_item_after.match(after)
                    and self.re_list_item_before.search(before) and self.re_some_number.search(before))

    def person_share(self, before: str) -> bool:
        """Whether the figure after `before` is a share of those to whom something happened,
        named at the head of its sentence ("Of the missing, 96 are from Aranayake")."""
        return bool(self.re_person_share_before and self.re_person_share_before.search(before[-COUNTING_HEAD_CHARS:].lstrip()))

    def person_follows(self, after: str) -> bool:
        """Whether what only happens to people follows within a few words ("others were
        wounded", "lainnya luka-luka")."""
        return bool(self.re_person_follows and self.re_person_follows.match(after))

    def changes_to(self, between: str) -> bool:
        """Whether the words between two figures make the second the new value of the first
        ("Rp243 miliar menjadi Rp310 miliar", "120 to 247")."""
        return bool(self.re_change_to.match(between))

    def continues(self, between: str) -> bool:
        """Whether the words between two figures carry the first one's change on to the second
        ("rose to 85 on 19 July, and to 86 on 21 July") or make the second its earlier value
        ("56 people had been injured, up from the 48 given on Tuesday")."""
        return bool(self.re_goes_on and self.re_goes_on.search(between) or self.re_earlier and self.re_earlier.search(between))

    @staticmethod
    def metric(unit: str, low: float, high: float) -> tuple[str, float, float]:
        """An imperial unit and interval converted to metric (rounded to 0.01); others unchanged."""
        if unit not in TO_METRIC:
            return unit, low, high
        code, factor = TO_METRIC[unit]
        return code, round(low * factor, 2), round(high * factor, 2)

    def glued_before(self, before: str, figure: str) -> bool:
        """Whether a spelt-out unit word is joined to the figure after it by a hyphen
        ("magnitude-7.8"), or a unit symbol stands right before it ("M5,8")."""
        if self.symbol_before(before, figure):
            return True
        return before.endswith(("-", "‐")) and bool(self.re_unit_before and self.re_unit_before.search(before))

    def symbol_before(self, before: str, figure: str) -> str | None:
        """The unit of a symbol right before a small decimal figure ("M5,8" -> magnitude)."""
        if not (self.re_symbol_before and SMALL_DECIMAL.fullmatch(figure)):
            return None
        m = self.re_symbol_before.search(before)
        return self.symbols_before[m.group(1).casefold()] if m else None

    def refers_back(self, clause: str) -> bool:
        """Whether the clause before a figure names what it counts only by reference ("the
        toll rose from", "angka itu naik menjadi")."""
        return bool(self.re_anaphoric.search(clause))

    def read(self, text: str, start: int, end: int, kind: str) -> UnitInfo | None:
        """The unit of the number at text[start:end]; None when a number word counts nothing."""
        before, after = text[:start], text[end:]
        m = self.re_cur_before.search(before)
        if m:
            # What the money is ("anggaran Rp 15 miliar"): a counted noun shortly before it.
            return UnitInfo(m.start(1), end, end, "money", self.cur_before[m.group(1).casefold()],
                            self._money_noun(before[: m.start(1)], after))
        m = self.re_points.match(after)
        if m:
            return UnitInfo(start, end + m.end(), end + m.end(), "points", None, None)
        m = self.re_percent.match(after)
        if m:
            # "margin of error 2,9 persen" is in percentage points.
            unit = "points" if self.re_points_before.search(before) else "percent"
            return UnitInfo(start, end + m.end(), end + m.end(), unit, None, self._share_of(after[m.end():]))
        m = self.re_cur_after.match(after)
        if m:
            return UnitInfo(start, end, end + m.end(), "money", self.cur_after[m.group(1).casefold()],
                            self._money_noun(before, after[m.end():]))
        m = self.re_noun.match(after)
        if m:
            noun = m.group(1).casefold()
            unit = "person" if noun in self.persons else "count"
            cls, noun_end = self.nouns[noun], end + m.end()
            if cls in self.generic:
                cls, noun_end = self._specific(cls, unit, before, after, m.end(), noun_end)
            return UnitInfo(start, end, noun_end, unit, None, cls)
        m = ((self.re_partitive_named.match(after) if self.re_partitive_named else None)
             or (self.re_partitive.match(after) if self.re_partitive else None))
        if m:
            noun = m.group(1).casefold()
            return UnitInfo(start, end, end, "person" if noun in self.persons else "count", None, self.nouns[noun])
        if self.re_partitive_person and self.re_partitive_person.match(after):
            return UnitInfo(start, end, end, "person", None, None)  # "50 of the injured"
        m = self.re_unit.match(after)
        if m:
            unit = self.units[m.group(1).casefold()]
            if unit in self.durations and self.re_ago.match(after[m.end():]):
                return None  # "dua tahun lalu" dates something; it is not a duration
            if unit in self.durations and after.startswith("-"):
                return None  # "a five-year war", "a 72-hour ceasefire": an adjective, not a figure
            return UnitInfo(start, end, end + m.end(), unit, None,
                            self.unit_measures.get(unit) or self._height(unit, before, after[m.end():]))
        if self.re_inherit.match(after):
            return UnitInfo(start, end, end, "inherit", None, None)
        # A number word with no noun or unit counts only when its clause refers back to an
        # earlier figure or names a head ("The toll rose from three on Saturday", "officials
        # had put the toll at five") and its phrase ends there; otherwise it is prose ("one of",
        # "the toll from two powerful earthquakes").
        if self.list_item(before, after):
            return UnitInfo(start, end, end, "inherit", None, None)  # counts what the list counts
        if kind == "words" and not (self.re_number_word_end.match(after)
                                    and self.refers_back(self._window(before, NOUN_BEFORE_CHARS, verbs=False))):
            return None
        symbol = self.symbol_before(before, text[start:end])
        if symbol:
            return UnitInfo(start, end, end, symbol, None, self.unit_measures.get(symbol))
        m = self.re_unit_before.search(before) if self.re_unit_before else None
        if m:
            unit = self.units[m.group(1).casefold()]
            return UnitInfo(start, end, end, unit, None, self.unit_measures.get(unit))
        if self.person_share(before):
            return UnitInfo(start, end, end, "person", None, None)
        if self.re_counting_person and self.re_counting_person.search(self._window(before, COUNTING_HEAD_CHARS, verbs=False)):
            return UnitInfo(start, end, end, "person", None, None)
        noun = self._noun_before(before, heads=True)
        person_after = kind != "fraction" and self.re_person_action and self.re_person_action.match(after)
        # "Thursday's attack, far more than the 202 injured": what happens only to people, right
        # after the figure, says better than a thing named before it, or than the noun of an
        # earlier figure of its clause ("5 dead, more than 20,000 rescued").
        earlier_figure = LAST_NUMBER.search(CLAUSE_BREAK.split(before[-NOUN_BEFORE_CHARS:])[-1])
        if noun and not (person_after and (noun not in self.person_classes or earlier_figure)):
            unit = "person" if noun in self.person_classes else "count"
            return UnitInfo(start, end, end, unit, None, noun)
        if person_after or kind != "fraction" and self.re_person_verb_before and self.re_person_verb_before.search(before):
            return UnitInfo(start, end, end, "person", None, None)
        word = self._unit_in_clause(before)
        if word:
            # "revised the magnitude of Monday's earthquake up to 7.8"
            unit = self.units[word.casefold()]
            return UnitInfo(start, end, end, unit, None, self.unit_measures.get(unit))
        return UnitInfo(start, end, end, "fraction" if kind == "fraction" else "count", None, None)

    def _specific(self, cls: str, unit: str, before: str, after: str, at: int, noun_end: int) -> tuple[str, int]:
        """A general class word made specific: by the noun right after it ("tujuh unit rumah") or
        after "sebagai" ("tujuh orang sebagai tersangka"), else by a noun of the same kind before
        the figure ("jumlah pengungsi sebanyak 4.310 jiwa")."""
        kind = self.persons if unit == "person" else self.things
        for reader in (self.re_noun, self.re_named_as):
            m = reader.match(after[at:]) if reader else None
            if m and m.group(1).casefold() in kind and kind[m.group(1).casefold()] not in self.generic:
                return kind[m.group(1).casefold()], noun_end + m.end()
        specific = self._noun_before(before, GENERIC_NOUN_BEFORE_CHARS)
        return (specific if specific in kind.values() and specific not in self.generic else cls), noun_end

    def _share_of(self, after: str) -> str | None:
        """The noun a percentage is a share of: after a partitive word ("of the buildings") or
        right after it ("70 persen bangunan")."""
        m = (self.re_partitive.match(after) if self.re_partitive else None) or self.re_noun.match(after)
        return self.nouns[m.group(1).casefold()] if m else None

    def _height(self, unit: str, before: str, after: str) -> str | None:
        """"height" for a length whose clause says it is one ("tinggi kolom abu mencapai 4.000
        meter", "4.000 meter di atas puncak", "the water level stood at 7.4 feet"), else None."""
        if unit not in self.height_units:
            return None
        if self.re_height_after and self.re_height_after.match(after):
            return HEIGHT
        window = self._window(before, GENERIC_NOUN_BEFORE_CHARS, verbs=False)
        return HEIGHT if self.re_height_before and self.re_height_before.search(window) else None

    def _money_noun(self, before: str, after: str) -> str | None:
        """What a sum is: the noun right after it ("a $3bn rebuild"), else the last one before it
        in its clause ("anggaran Rp 15 miliar"), else one after a link word ("$44 million in
        donations")."""
        m = self.re_money_noun.match(after)
        if m and m.group(1):
            return self.nouns[m.group(1).casefold()]
        noun = self._noun_before(before)
        if noun is None or noun in self.counted_things:
            # "kerugian dan kerusakan akibat bencana ini sekitar Rp 68,7 triliun": a sum is what
            # a money noun further back in its clause names, not the counted thing nearer it (a
            # person nearer it owns the sum: "kerugian konsumen", consumers' losses)
            named = [self.nouns[w.casefold()] for w in self.re_noun_before.findall(self._window(before, GENERIC_NOUN_BEFORE_CHARS))]
            noun = next((n for n in reversed(named) if n in self.money_classes), noun)
        if noun or not m:
            return noun
        return self.nouns[m.group(2).casefold()]

    def _window(self, before: str, reach: int, verbs: bool = True) -> str:
        """The clause before a figure, at most reach characters, after any number and (with
        verbs) any verb that takes the figure as its object."""
        window = CLAUSE_BREAK.split(before[-reach:])[-1]
        window = self.re_scope_phrase.sub(lambda m: " " * len(m.group()), window)
        # A noun before another figure counts that figure: "the death toll rose to 413, with
        # 2,500 injured" (the injured are no deaths).
        window = LAST_NUMBER.split(window)[-1]
        if verbs and self.re_object_verb:
            window = self.re_object_verb.split(window)[-1]
        return window

    def _noun_before(self, before: str, reach: int = NOUN_BEFORE_CHARS, heads: bool = False) -> str | None:
        """The measure class of the counted noun of the clause before a figure: with heads, a
        head noun within the longer reach, else the last noun that is not a possessor of another."""
        if heads and self.re_head_before:
            # only the end of the sentence that the window can reach is masked, with room for a
            # measured figure that straddles the window's start
            tail = before[-GENERIC_NOUN_BEFORE_CHARS - MEASURED_FIGURE_CHARS:]
            unmeasured = self.re_measured_figure.sub(lambda m: " " * len(m.group()), tail) if self.re_measured_figure else tail
            window = self._window(unmeasured, GENERIC_NOUN_BEFORE_CHARS)
            named = self.re_head_before.findall(window)
            if not named and self.re_counting_before:
                # the counting phrase is the subject of the clause: verbs inside it ("killed in
                # the wildfires that swept through ...") do not cut it off from the figure
                named = self.re_counting_before.findall(self._window(before, COUNTING_HEAD_CHARS, verbs=False))
            if not named:
                # "the death toll from a suicide bombing that tore through a protest march ...
                # had risen to 82": a head may stand as far back as a counting phrase
                named = self.re_head_before.findall(self._window(before, COUNTING_HEAD_CHARS))
            if named:
                return self.nouns[named[-1].casefold()]
        window = self._window(before, reach)
        # "The storm left three dead, 179 injured": a noun right after a number word is its own
        found = [m.group(1).casefold() for m in self.re_noun_before.finditer(window)
                 if not self.re_number_word_before.search(window, 0, m.start())]
        if found and found[-1] in self.possessors:
            # The owner may stand further back: "kerugian keuangan negara dalam perkara ini".
            longer = [m.group(1).casefold() for m in self.re_noun_before.finditer(self._window(before, GENERIC_NOUN_BEFORE_CHARS))]
            owners = [w for w in longer[:-1] if w not in self.possessors]
            if owners:
                return self.nouns[owners[-1]]
        return self.nouns[found[-1]] if found else None

    def _unit_in_clause(self, before: str) -> str | None:
        """A spelt-out unit word named in the clause before a figure without a noun ("the
        magnitude of Monday's earthquake up to 7.8")."""
        if not self.re_unit_anywhere:
            return None
        found = self.re_unit_anywhere.findall(self._window(before, NOUN_BEFORE_CHARS))
        return found[-1] if found else None

    def home_currency(self, q: Quantity, text: str, host: str) -> str | None:
        """The outlet's own dollar for a bare dollar figure ("$9 billion" in globalnews.ca is
        CAD), or None when the figure names its currency or the outlet has no dollar of its own."""
        if q.currency != "USD" or not host:
            return None
        bare = (self.re_bare_sign and self.re_bare_sign.match(q.text)
                or q.text[:1].isdigit() and self.re_bare_word and self.re_bare_word.match(text, q.end))
        if not bare:
            return None
        return next((cur for suffix, cur in self.home_domains.items() if host.endswith(suffix)), None)
