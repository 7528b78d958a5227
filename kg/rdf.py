"""Claims -> an rdflib Dataset: one named graph per document, one for the comparisons.

Every node has a deterministic IRI (hashes of the document name, the claim id or the name
of an agent), never a blank node, so building the same input twice gives the same triples
and a remote store never sees blank nodes. Each document graph is self-contained: it
describes the agents, subjects and places its claims refer to, so replacing or dropping it
never leaves another document without labels.

The Dataset is an rdflib view (oxrdflib) over an in-memory pyoxigraph store: the quads are
made as pyoxigraph terms and loaded in bulk, because rdflib's own store adds a triple in
~20 µs and a build has millions; saving and Turtle writing then stay in pyoxigraph.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math
import re
import unicodedata
from decimal import Decimal
from typing import Iterable, Iterator
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from kg.entities import Entities, Entity, split_place
from kg.model import BuildResult, Claim, Comparison, Document
from kg.store import OxDataset, oxigraph_store, union_serialize
from kg.vocab import COMPARISONS_GRAPH, GRAPH, ID, KG, OA, OWL, PROV, RDF, SCHEMA, SKOS, XSD

log = logging.getLogger(__name__)

CONTEXT_CHARS = 32  # characters of text kept before and after a figure in oa:prefix / oa:suffix
FLUSH_QUADS = 500_000  # quads built before they are loaded into the in-memory store (bounds memory)
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")  # BCP 47, loosely
_DATE_FORMS = (  # the date forms of model.py and the XSD type each maps to
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "date"),
    (re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), "gYearMonth"),
    (re.compile(r"^\d{4}$"), "gYear"),
)
_PLACE_UNION = re.compile(r"\s(?:and|dan)\s|&")  # a place name joining several places


class _Terms:
    """pyoxigraph NamedNodes of a vocabulary, made once on first use (unknown terms still fail)."""

    def __init__(self, namespace: type[DefinedNamespace] | Namespace):
        self._ns = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = ox.NamedNode(str(getattr(self._ns, name)))
        setattr(self, name, node)
        return node


T_KG, T_SCHEMA, T_OA, T_PROV = _Terms(KG), _Terms(SCHEMA), _Terms(OA), _Terms(PROV)
T_RDF, T_SKOS, T_OWL, T_XSD = _Terms(RDF), _Terms(SKOS), _Terms(OWL), _Terms(XSD)
_KIND_TYPES = {
    "person": (T_SCHEMA.Person,),
    "organization": (T_SCHEMA.Organization,),
    "agency": (T_SCHEMA.NewsMediaOrganization, T_SCHEMA.Organization),
    "place": (T_SCHEMA.Place,),
}
DISAGREEING = {"conflict": (T_KG.differsFrom, T_KG.conflictsWith), "differs_scope": (T_KG.differsFrom,),
               "differs_time": (T_KG.differsFrom,), "agree": (T_KG.agreesWith,)}


def digest(text: str, length: int = 16) -> str:
    """A short, stable hex hash of `text` for use in IRIs."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def slug(text: str) -> str:
    """A readable, collision-safe IRI segment: ASCII words of `text` plus a short hash."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^0-9a-z]+", "-", ascii_text).strip("-")[:48].rstrip("-")
    return f"{words}-{digest(text, 8)}" if words else digest(text, 8)


def doc_graph_iri(doc: str) -> URIRef:
    """The named graph holding everything read from document `doc`."""
    return URIRef(GRAPH + f"doc/{digest(doc)}")


def article_iri(doc: str) -> URIRef:
    """The schema:NewsArticle node of document `doc`."""
    return URIRef(ID + f"article/{digest(doc)}")


def claim_iri(claim_id: str) -> URIRef:
    """The schema:Claim node of a claim id."""
    return URIRef(ID + "claim/" + quote(claim_id, safe="-._~"))


def date_literal(value: str | None) -> ox.Literal | None:
    """xsd:date, xsd:gYearMonth or xsd:gYear by the form of `value`; None when malformed."""
    if not value:
        return None
    for pattern, datatype in _DATE_FORMS:
        if pattern.match(value):
            if datatype == "date":
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    break
            return ox.Literal(value, datatype=getattr(T_XSD, datatype))
    log.warning("date %r is not YYYY-MM-DD, YYYY-MM or YYYY; left out of the graph", value)
    return None


def number_literal(value: float) -> ox.Literal | None:
    """xsd:integer for whole numbers, xsd:decimal otherwise (never a binary float); None if infinite."""
    if not math.isfinite(value):
        return None
    if value == int(value) and abs(value) < 1e15:
        return ox.Literal(int(value))
    return ox.Literal(str(Decimal(repr(value))), datatype=T_XSD.decimal)


def _text(value: str, language: str | None) -> ox.Literal:
    return ox.Literal(value, language=language) if language and _LANG_TAG.match(language) else ox.Literal(value)


class _DocumentGraph:
    """Writes one document's article, claims, figures, evidence and referenced entities."""

    def __init__(self, quads: list[ox.Quad], doc: Document, entities: Entities):
        self.quads = quads
        self.graph = ox.NamedNode(doc_graph_iri(doc.doc))
        self.doc = doc
        self.entities = entities
        self.article = ox.NamedNode(article_iri(doc.doc))
        self.described: set[str] = set()

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal | None) -> None:
        """Add a quad to this document's graph unless its object is missing."""
        if o is not None:
            self.quads.append(ox.Quad(s, p, o, self.graph))

    def entity(self, name: str, kind: str | None, agent: bool = False) -> ox.NamedNode:
        """The node of a named entity (known to Entities or minted from its name), described once."""
        name = name.strip()
        label = self.entities.canonical(name)
        known = self.entities.get(label) if label else None
        if known is not None:
            iri, kind = ox.NamedNode(known.iri), known.kind  # the curated kind wins over a guess
        else:
            folder = "place" if kind == "place" else "agent" if agent else "thing"
            iri = ox.NamedNode(ID + f"{folder}/{slug(name)}")
        if agent:
            self.add(iri, T_RDF.type, T_PROV.Agent)
        if iri.value in self.described:
            return iri
        self.described.add(iri.value)
        for rdf_type in _KIND_TYPES.get(kind or "", () if agent else (T_SCHEMA.Thing,)):
            self.add(iri, T_RDF.type, rdf_type)
        self._labels(iri, name, known)
        if kind == "place":
            self._place_parts(iri, name, known)
        return iri

    def _labels(self, iri: ox.NamedNode, name: str, known: Entity | None) -> None:
        label = known.label if known else name
        self.add(iri, T_SKOS.prefLabel, ox.Literal(label))
        aliases = ((known.aliases | {name}) if known else set()) - {label}
        for alias in sorted(aliases):
            self.add(iri, T_SKOS.altLabel, ox.Literal(alias))
        # Lower-case search forms (SKOS hidden labels), so named queries find "isis" or "DAESH"
        # through an index lookup instead of lower-casing every label of the store.
        for hidden in sorted({x.lower() for x in (label, *aliases)} - aliases - {label}):
            self.add(iri, T_SKOS.hiddenLabel, ox.Literal(hidden))
        if known and known.wikidata:
            self.add(iri, T_OWL.sameAs, ox.NamedNode(known.wikidata))

    def _place_parts(self, iri: ox.NamedNode, name: str, known: Entity | None) -> None:
        if known:
            for outer in sorted(known.within):
                self.add(iri, T_SCHEMA.containedInPlace, self.entity(outer, "place"))
        elif _PLACE_UNION.search(name):  # "Iraq and Syria" contains Iraq and Syria
            for part in split_place(name):
                self.add(iri, T_SCHEMA.containsPlace, self.entity(part, "place"))
        elif "," in name:  # "west of Tharthar, Anbar" lies within Anbar
            outer = name.rsplit(",", 1)[1].strip()
            if self.entities.kind(outer) == "place":
                self.add(iri, T_SCHEMA.containedInPlace, self.entity(outer, "place"))

    def article_node(self) -> None:
        """The schema:NewsArticle with its outlet, date, headline and relayed reports."""
        doc, a = self.doc, self.article
        self.add(a, T_RDF.type, T_SCHEMA.NewsArticle)
        self.add(a, T_RDF.type, T_PROV.Entity)
        self.add(a, T_SCHEMA.identifier, ox.Literal(doc.doc))
        self.add(a, T_SCHEMA.inLanguage, ox.Literal(doc.language))
        if doc.title:
            self.add(a, T_SCHEMA.headline, _text(doc.title, doc.language))
        if doc.publisher:
            self.add(a, T_SCHEMA.publisher, self.entity(doc.publisher, "agency", agent=True))
        self.add(a, T_SCHEMA.datePublished, date_literal(doc.published))
        if doc.url:
            self.add(a, T_SCHEMA.url, ox.Literal(doc.url, datatype=T_XSD.anyURI))
        if doc.dateline:
            self.add(a, T_SCHEMA.locationCreated, self.entity(doc.dateline, "place"))
        for position, agency in enumerate(dict.fromkeys(doc.via), start=1):
            source = self.relayed_report(agency)
            self.add(a, T_PROV.wasDerivedFrom, source)
            self.add(source, T_SCHEMA.position, ox.Literal(position))

    def relayed_report(self, agency: str) -> ox.NamedNode:
        """The agency's report this article relays (a node per article and agency)."""
        # Keyed by the canonical name, so "AFP" and "Agence France-Presse" are one report.
        key = self.entities.canonical(agency) or agency.strip()
        source = ox.NamedNode(f"{self.article.value}/source/{slug(key)}")
        if source.value not in self.described:
            self.described.add(source.value)
            self.add(source, T_RDF.type, T_SCHEMA.CreativeWork)
            self.add(source, T_RDF.type, T_PROV.Entity)
            self.add(source, T_SCHEMA.publisher, self.entity(agency, "agency", agent=True))
        return source

    def claim(self, claim: Claim) -> None:
        """The schema:Claim, its figure (schema:Observation) and its evidence annotation."""
        c = ox.NamedNode(claim_iri(claim.id))
        self.add(c, T_RDF.type, T_SCHEMA.Claim)
        self.add(c, T_RDF.type, T_PROV.Entity)
        self.add(c, T_SCHEMA.identifier, ox.Literal(claim.id))
        self.add(c, T_SCHEMA.text, _text(claim.sentence, self.doc.language))
        self.add(c, T_SCHEMA.appearance, self.article)
        self.add(c, T_KG.figureText, ox.Literal(claim.quantity.text))
        self.add(c, T_SCHEMA.dateCreated, date_literal(claim.said_on))
        speaker = self.speaker(c, claim)
        self.add(c, T_SCHEMA.author, speaker)
        self.add(c, T_PROV.wasAttributedTo, speaker)
        subject = self.entity(claim.subject, None) if claim.subject else None
        self.add(c, T_SCHEMA.about, subject)
        if claim.via:
            self.add(c, T_PROV.wasDerivedFrom, self.relayed_report(claim.via))
        if claim.same_as:
            self.add(c, T_KG.restates, ox.NamedNode(claim_iri(claim.same_as)))
        self.add(c, T_KG.asserts, self.observation(claim, subject))
        self.evidence(claim, c)

    def speaker(self, c: ox.NamedNode, claim: Claim) -> ox.NamedNode | None:
        """The agent the claim is attributed to: the speaker, a report's author, or the outlet."""
        name = (claim.speaker or "").strip()
        if not name:
            return self.entity(self.doc.publisher, "agency", agent=True) if self.doc.publisher else None
        if claim.speaker_type != "document":
            return self.entity(name, claim.speaker_type, agent=True)
        # A report ("laporan PBB") is a document, not an agent: the claim is stated in it and
        # attributed to the organisation named in it, when one is known.
        report = ox.NamedNode(ID + f"report/{slug(name)}")
        self.add(c, T_KG.statedIn, report)
        first = report.value not in self.described
        if first:
            self.described.add(report.value)
            self.add(report, T_RDF.type, T_SCHEMA.Report)
            self.add(report, T_RDF.type, T_PROV.Entity)
            self.add(report, T_SKOS.prefLabel, ox.Literal(name))
        author = next((label for _, _, label in self.entities.find(name)
                       if self.entities.kind(label) in ("organization", "agency", "person")), None)
        if author is None:
            return None
        agent = self.entity(author, None, agent=True)
        if first:
            self.add(report, T_SCHEMA.author, agent)
        return agent

    def observation(self, claim: Claim, subject: ox.NamedNode | None) -> ox.NamedNode:
        """The figure as a schema:Observation: interval, qualifier, unit, measure, place, date."""
        q, o = claim.quantity, ox.NamedNode(ID + "figure/" + quote(claim.id, safe="-._~"))
        self.add(o, T_RDF.type, T_SCHEMA.Observation)
        self.add(o, T_SCHEMA.observationAbout, subject)
        if claim.measure:
            measure = ox.NamedNode(ID + f"measure/{slug(claim.measure)}")
            self.add(o, T_SCHEMA.measuredProperty, measure)
            if measure.value not in self.described:
                self.described.add(measure.value)
                self.add(measure, T_RDF.type, T_SCHEMA.Property)
                self.add(measure, T_SKOS.prefLabel, ox.Literal(claim.measure))
        if claim.place:
            self.add(o, T_SCHEMA.spatialCoverage, self.entity(claim.place, "place"))
        self.add(o, T_SCHEMA.observationDate, date_literal(claim.event_on or claim.said_on))
        if q.low == q.high:
            self.add(o, T_SCHEMA.value, number_literal(q.low))
        else:  # an open interval (high = inf) has no bound on that side: add() skips None
            self.add(o, T_SCHEMA.minValue, number_literal(q.low))
            self.add(o, T_SCHEMA.maxValue, number_literal(q.high))
        self.add(o, T_KG.qualifier, ox.Literal(q.qualifier))
        self.add(o, T_SCHEMA.unitText, ox.Literal(q.unit))
        if q.currency:
            self.add(o, T_SCHEMA.currency, ox.Literal(q.currency))
        self.add(o, T_KG.isEvent, ox.Literal(bool(claim.is_event)))
        return o

    def evidence(self, claim: Claim, c: ox.NamedNode) -> None:
        """An oa:Annotation pointing at the figure's exact characters in the original text."""
        text, start, end = self.doc.text, claim.quantity.start, claim.quantity.end
        if not 0 <= start < end <= len(text):
            log.warning("claim %s: span [%d, %d) lies outside %s; no evidence written",
                        claim.id, start, end, self.doc.doc)
            return
        ann = ID + "evidence/" + quote(claim.id, safe="-._~")
        node = ox.NamedNode(ann)
        target, position, quote_sel = (ox.NamedNode(f"{ann}/{part}") for part in ("target", "position", "quote"))
        self.add(node, T_RDF.type, T_OA.Annotation)
        self.add(node, T_OA.motivatedBy, T_OA.describing)
        self.add(node, T_OA.hasBody, c)
        self.add(node, T_OA.hasTarget, target)
        self.add(target, T_RDF.type, T_OA.SpecificResource)
        self.add(target, T_OA.hasSource, self.article)
        self.add(target, T_OA.hasSelector, position)
        self.add(target, T_OA.hasSelector, quote_sel)
        self.add(position, T_RDF.type, T_OA.TextPositionSelector)
        # xsd:integer, not oa's xsd:nonNegativeInteger: Oxigraph stores derived integer types as
        # xsd:integer, so the store would not give back what was written (SHACL checks >= 0).
        self.add(position, T_OA.start, ox.Literal(start))
        self.add(position, T_OA.end, ox.Literal(end))
        self.add(quote_sel, T_RDF.type, T_OA.TextQuoteSelector)
        self.add(quote_sel, T_OA.exact, ox.Literal(text[start:end]))
        self.add(quote_sel, T_OA.prefix, ox.Literal(text[max(0, start - CONTEXT_CHARS):start]))
        self.add(quote_sel, T_OA.suffix, ox.Literal(text[end:end + CONTEXT_CHARS]))


def _comparison_quads(comparisons: Iterable[Comparison], known: set[str]) -> Iterator[ox.Quad]:
    """kg:Comparison nodes plus direct agree / differ / conflict links between the two claims."""
    graph = ox.NamedNode(COMPARISONS_GRAPH)
    for cmp in comparisons:
        if cmp.a not in known or cmp.b not in known:
            log.warning("comparison %s / %s names an unknown claim; left out", cmp.a, cmp.b)
            continue
        a, b = ox.NamedNode(claim_iri(cmp.a)), ox.NamedNode(claim_iri(cmp.b))
        node = ox.NamedNode(ID + f"comparison/{digest(cmp.a + chr(10) + cmp.b)}")
        for p, o in ((T_RDF.type, T_KG.Comparison), (T_KG.claimA, a), (T_KG.claimB, b),
                     (T_KG.relation, ox.Literal(cmp.relation)), (T_KG.reason, ox.Literal(cmp.reason))):
            yield ox.Quad(node, p, o, graph)
        for prop in DISAGREEING.get(cmp.relation, ()):  # symmetric: both directions, no reasoner needed
            yield ox.Quad(a, prop, b, graph)
            yield ox.Quad(b, prop, a, graph)


def build_dataset(result: BuildResult, entities: Entities) -> Dataset:
    """One named graph per document (IRI from the document name's hash) plus a comparisons graph."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in result.claims:
        by_doc.setdefault(claim.doc, []).append(claim)
    documents = {doc.doc: doc for doc in result.documents}
    for name in by_doc.keys() - documents.keys():
        log.warning("%d claims name document %s, which is not in the build; left out",
                    len(by_doc[name]), name)
    dataset = OxDataset()
    quads: list[ox.Quad] = []
    for doc in result.documents:
        writer = _DocumentGraph(quads, doc, entities)
        writer.article_node()
        for claim in by_doc.get(doc.doc, ()):
            writer.claim(claim)
        if len(quads) >= FLUSH_QUADS:  # load in chunks: a list of millions of quads costs GC time
            dataset.oxigraph.bulk_extend(quads)
            quads.clear()
    known = {c.id for c in result.claims if c.doc in documents}
    quads.extend(_comparison_quads(result.comparisons, known))
    dataset.oxigraph.bulk_extend(quads)
    return dataset


def to_turtle(dataset: Dataset) -> str:
    """The union of all graphs of `dataset` as Turtle, written by pyoxigraph's serializer."""
    return union_serialize(oxigraph_store(dataset), ox.RdfFormat.TURTLE).decode("utf-8")
