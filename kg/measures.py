"""The measure hierarchy of ontology/measures.ttl: which counted things lie within which, and
which action words mean the same action."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import RDF, SKOS, Graph, Literal, Namespace

from kg.errors import KgError
from kg.paths import ONTOLOGY_DIR

KGM = Namespace("https://w3id.org/kg/measure/")


MEASURES_FILE = ONTOLOGY_DIR / "measures.ttl"


class Measures:
    """The measure hierarchy of measures.ttl: noun classes, their broader classes, actions."""

    def __init__(self, graph: Graph):
        self._label: dict[str, str] = {}
        self._broader: dict[str, str] = {}
        self.parts_disjoint: set[str] = set()
        self.decided_sums: set[str] = set()
        self.one_reading: set[str] = set()
        self._action: dict[str, str] = {}
        self._chains: dict[str, tuple[str, ...]] = {}
        pref = {s: str(o) for s, o in graph.subject_objects(SKOS.prefLabel)}
        for concept in graph.subjects(RDF.type, SKOS.Concept):
            if concept not in pref:
                continue
            label = pref[concept]
            for alias in (label, *map(str, graph.objects(concept, SKOS.altLabel))):
                self._label[alias.casefold()] = label
            for parent in graph.objects(concept, SKOS.broader):
                if parent in pref:
                    self._broader[label] = pref[parent]
            if (concept, KGM.partsDisjoint, Literal(True)) in graph:
                self.parts_disjoint.add(label)
            if (concept, KGM.decidedSums, Literal(True)) in graph:
                self.decided_sums.add(label)
            if (concept, KGM.oneReading, Literal(True)) in graph:
                self.one_reading.add(label)
        for concept in graph.subjects(RDF.type, KGM.Action):
            label = pref.get(concept)
            for alias in (label, *map(str, graph.objects(concept, SKOS.altLabel))) if label else ():
                self._action[alias.casefold()] = label

    def action(self, word: str | None) -> str | None:
        """The canonical action of a word ("died" -> "killed"); the word itself when unknown."""
        if not word:
            return None
        word = word.strip().casefold()
        return self._action.get(word, word)

    def is_action(self, word: str) -> bool:
        """True when `word` is a known action or one of its synonyms."""
        return word.casefold() in self._action

    def chain(self, noun: str) -> tuple[str, ...]:
        """The noun class and every broader class up to its family ("fighters", "members", ...).

        An unknown noun whose tail is a known class ("active members") is narrower than it.
        """
        hit = self._chains.get(noun)
        if hit is None:
            hit = self._chains[noun] = self._chain(" ".join(noun.casefold().split()))
        return hit

    def _chain(self, noun: str) -> tuple[str, ...]:
        label = self._label.get(noun)
        if label is None:
            words = noun.split(" ")
            tail = " ".join(words[1:])
            return (noun, *self._chain(tail)) if len(words) > 1 and self._known_tail(tail) else (noun,)
        out = [label]
        while out[-1] in self._broader and self._broader[out[-1]] not in out:
            out.append(self._broader[out[-1]])
        return tuple(out)

    def _known_tail(self, noun: str) -> bool:
        words = noun.split(" ")
        return any(" ".join(words[i:]) in self._label for i in range(len(words)))

    def relation(self, a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
        """`same`, `narrower` (a within b), `broader`, `overlap` (siblings), or None: not comparable."""
        if a[0] == b[0]:
            return "same"
        if a[0] in b:
            return "broader"
        if b[0] in a:
            return "narrower"
        common = next((x for x in a if x in b), None)
        if common is None or common in self.parts_disjoint:
            return None
        return "overlap"


@lru_cache(maxsize=4)
def load_measures(path: Path = MEASURES_FILE) -> Measures:
    """The measure hierarchy read from `ontology/measures.ttl` (or another Turtle file)."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser error types
        raise KgError(f"{path}: not a readable Turtle measure file ({exc}); fix its syntax") from exc
    return Measures(graph)
