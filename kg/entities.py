"""Names -> canonical entities, with kinds, Wikidata links and place containment.

The aliases come from `ontology/entities.ttl` (SKOS) and any further files a user gives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from rdflib import OWL, RDF, SKOS, Graph, Namespace, URIRef

from kg.errors import KgError
from kg.lang import alternation, fold_case
from kg.paths import ONTOLOGY_DIR

# How many texts' entity mentions are remembered.
FIND_CACHE = 8192
SCHEMA = Namespace("https://schema.org/")
# The well-known entities, and the world's countries, regions and cities with every
# Indonesian regency and city (places.ttl).
DEFAULT_FILES = (ONTOLOGY_DIR / "entities.ttl", ONTOLOGY_DIR / "places.ttl")

# Composite places are written "Iraq and Syria" (the form kg writes); these join their parts.
PLACE_JOINERS = re.compile(r"\s*(?:,|\band\b|&)\s*")

_KINDS = {
    SCHEMA.NewsMediaOrganization: "agency",
    SCHEMA.Organization: "organization",
    SCHEMA.GovernmentOrganization: "organization",
    SCHEMA.Person: "person",
    SCHEMA.Country: "place",
    SCHEMA.City: "place",
    SCHEMA.AdministrativeArea: "place",
    SCHEMA.Place: "place",
}


@dataclass
class Entity:
    """One canonical entity: its label, kind, aliases and where it lies."""

    iri: str
    label: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    within: set[str] = field(default_factory=set)  # labels of directly containing places
    regional: bool = False  # a city or an administrative area inside a country, not a country


class Entities:
    """Lookup of canonical entities by any alias (case-insensitive for aliases of 4+ chars)."""

    def __init__(self, entities: Iterable[Entity]):
        self.by_label: dict[str, Entity] = {}
        self._found: dict[str, tuple[tuple[int, int, str], ...]] = {}
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        for ent in entities:
            self.by_label[ent.label] = ent
            for name in {ent.label, *ent.aliases}:
                self._exact[name] = ent.label
                # Short acronyms ("IS", "AS", "UN") only match in their exact case.
                if len(name) >= 4:
                    self._folded.setdefault(name.casefold(), ent.label)
        # One case-sensitive scan of the lower-cased text finds every candidate; the hit is then
        # checked against the original case.
        alternatives = {a.lower() for a in self._exact}
        self._pattern = re.compile(r"(?<![\w-])(" + alternation(alternatives) + r")(?![\w-])") if alternatives else None

    def canonical(self, name: str | None) -> str | None:
        """The canonical label of `name`, or None when it is not a known entity."""
        if not name:
            return None
        name = name.strip()
        return self._exact.get(name) or (self._folded.get(name.casefold()) if len(name) >= 4 else None)

    def get(self, label: str) -> Entity | None:
        """The entity with this canonical label."""
        return self.by_label.get(label)

    def kind(self, name: str | None) -> str | None:
        """`organization`, `agency`, `person`, `place` or None."""
        label = self.canonical(name)
        return self.by_label[label].kind if label else None

    def is_regional(self, name: str | None) -> bool:
        """Whether a place is a city or an administrative area inside a country."""
        label = self.canonical(name)
        return bool(label) and self.by_label[label].regional

    def find(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """Every mention of a known entity in `text`: (start, end, canonical label)."""
        cached = self._found.get(text)
        if cached is None:
            cached = self._found[text] = tuple(self._find(text))
            if len(self._found) > FIND_CACHE:  # the stages ask again for one sentence; bound the memo
                self._found.pop(next(iter(self._found)))
        return cached

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        if self._pattern is None:
            return []
        out = []
        folded, pos = fold_case(text), 0
        while (m := self._pattern.search(folded, pos)) is not None:
            hit = text[m.start(1):m.end(1)]
            label = self._exact.get(hit)
            # A case-insensitive hit must still look like a name: "antara" (between) is not Antara.
            if label is None and hit[0].isupper():
                label = self.canonical(hit)
            if label:
                out.append((m.start(1), m.end(1), label))
                pos = m.end(1)
            else:  # "the province of Rieti" is no name, but "Rieti" inside it is
                pos = m.start(1) + 1
        return out

    def ancestors(self, label: str) -> set[str]:
        """Every place containing `label`, transitively (not the place itself)."""
        seen: set[str] = set()
        todo = list(self.by_label[label].within) if label in self.by_label else []
        while todo:
            cur = todo.pop()
            if cur not in seen:
                seen.add(cur)
                todo.extend(self.by_label[cur].within if cur in self.by_label else ())
        return seen

    def place_within(self, inner: str | None, outer: str | None) -> bool:
        """True when every part of place `inner` lies in (or is) some part of place `outer`."""
        if not inner or not outer:
            return False
        outer_parts = {self.canonical(p) or p for p in split_place(outer)}
        for part in split_place(inner):
            label = self.canonical(part) or part
            if label not in outer_parts and not (self.ancestors(label) & outer_parts):
                return False
        return True


def split_place(place: str) -> list[str]:
    """The parts of a composite place name ("Iraq and Syria" -> ["Iraq", "Syria"])."""
    return [p for p in PLACE_JOINERS.split(place) if p]


def _read(files: Sequence[Path]) -> list[Entity]:
    graph = Graph()
    for f in files:
        try:
            graph.parse(f, format="turtle")
        except Exception as exc:  # rdflib raises many parser types
            raise KgError(f"{f}: not a readable Turtle entity file ({exc}); fix its syntax") from exc
    labels: dict[URIRef, str] = {}
    for iri in set(graph.subjects(RDF.type, SKOS.Concept)):
        prefs = sorted(graph.objects(iri, SKOS.prefLabel), key=lambda l: (l.language != "en", str(l)))
        if prefs:
            labels[iri] = str(prefs[0])
    out = []
    for iri, label in labels.items():
        kinds = [_KINDS[t] for t in graph.objects(iri, RDF.type) if t in _KINDS]
        # The most specific kind wins: an agency is also an organization.
        kind = next((k for k in ("agency", "person", "place", "organization") if k in kinds), "organization")
        aliases = {str(l) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel) for l in graph.objects(iri, p)}
        wikidata = next((str(o) for o in graph.objects(iri, OWL.sameAs) if "wikidata.org" in str(o)), None)
        within = {labels[o] for o in graph.objects(iri, SCHEMA.containedInPlace) if o in labels}
        types = set(graph.objects(iri, RDF.type))
        regional = bool(types & {SCHEMA.City, SCHEMA.AdministrativeArea}) and SCHEMA.Country not in types
        out.append(Entity(str(iri), label, kind, aliases, wikidata, within, regional))
    return out


@lru_cache(maxsize=8)
def _load(files: tuple[Path, ...]) -> Entities:
    return Entities(_read(files))


def load_entities(extra: Sequence[Path] = ()) -> Entities:
    """The default entities of `ontology/entities.ttl` and `ontology/places.ttl`, plus any extra Turtle files."""
    return _load((*DEFAULT_FILES, *(Path(p) for p in extra)))
