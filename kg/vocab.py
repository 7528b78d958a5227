"""RDF namespaces: the project's own terms (kg:, defined in ontology/kg.ttl) and the reused ones.

The DefinedNamespaces fail on unknown terms, so a typo in a term name is an error at once
instead of a silently wrong triple.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/kg/"


class KG(DefinedNamespace):
    """The project's own terms, only where no standard vocabulary fits (ontology/kg.ttl)."""

    _NS = Namespace(BASE + "ns#")
    _fail = True

    Comparison: URIRef  # a verdict on two claims of the same comparison key
    asserts: URIRef  # claim -> the figure (schema:Observation) it states
    figureText: URIRef  # the figure exactly as written in the article
    qualifier: URIRef  # exact, approx, at_least, at_most, more_than, less_than, vague, hedged
    isEvent: URIRef  # the figure counts one event rather than a state
    restates: URIRef  # claim -> an earlier claim of the same article it repeats
    statedIn: URIRef  # claim -> the report or statement it is quoted from
    claimA: URIRef
    claimB: URIRef
    relation: URIRef  # agree, conflict, differs_scope, differs_time
    reason: URIRef  # plain-language explanation of a comparison
    agreesWith: URIRef
    differsFrom: URIRef  # any disagreeing relation (conflict, differs_scope, differs_time)
    conflictsWith: URIRef  # relation "conflict" only; a sub-property of differsFrom


class SCHEMA(DefinedNamespace):
    """The schema.org terms the graph uses."""

    _NS = Namespace("https://schema.org/")
    _fail = True

    Claim: URIRef
    CreativeWork: URIRef
    NewsArticle: URIRef
    NewsMediaOrganization: URIRef
    Observation: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Property: URIRef
    Report: URIRef
    Thing: URIRef
    about: URIRef
    appearance: URIRef
    author: URIRef
    containedInPlace: URIRef
    containsPlace: URIRef
    currency: URIRef
    dateCreated: URIRef
    datePublished: URIRef
    headline: URIRef
    identifier: URIRef
    inLanguage: URIRef
    locationCreated: URIRef
    maxValue: URIRef
    measuredProperty: URIRef
    minValue: URIRef
    observationAbout: URIRef
    observationDate: URIRef
    position: URIRef
    publisher: URIRef
    spatialCoverage: URIRef
    text: URIRef
    unitText: URIRef
    url: URIRef
    value: URIRef


class OA(DefinedNamespace):
    """The W3C Web Annotation terms used for evidence."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    Annotation: URIRef
    SpecificResource: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    describing: URIRef
    end: URIRef
    exact: URIRef
    hasBody: URIRef
    hasSelector: URIRef
    hasSource: URIRef
    hasTarget: URIRef
    motivatedBy: URIRef
    prefix: URIRef
    start: URIRef
    suffix: URIRef


ID = Namespace(BASE + "id/")  # data nodes: articles, claims, figures, evidence, agents
GRAPH = Namespace(BASE + "graph/")  # named graphs: GRAPH["doc/<hash>"], GRAPH.comparisons
ENTITY = Namespace(BASE + "entity/")  # well-known entities of ontology/entities.ttl
WD = Namespace("http://www.wikidata.org/entity/")
COMPARISONS_GRAPH = URIRef(GRAPH + "comparisons")

# Bound automatically in `kg query` and used when writing Turtle.
PREFIXES: dict[str, str] = {
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "skos": str(SKOS),
    "prov": str(PROV),
    "sh": str(SH),
    "schema": str(SCHEMA._NS),
    "oa": str(OA._NS),
    "kg": str(KG._NS),
    "kgid": str(ID),
    "kgg": str(GRAPH),
    "kge": str(ENTITY),
    "wd": str(WD),
}
# Written into Turtle: kgid: would give "kgid:article\/…" (slashes escaped), full IRIs read better.
TURTLE_PREFIXES = {k: v for k, v in PREFIXES.items() if k not in ("kgid", "sh")}
