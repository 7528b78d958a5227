"""The RDF model: ontology terms, SHACL conformance, deterministic IRIs, the triples of a claim."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.entities import load_entities
from kg.model import QUALIFIERS, RELATIONS, BuildResult, Comparison
from kg.rdf import (article_iri, build_dataset, claim_iri, date_literal, doc_graph_iri, number_literal,
                    to_turtle)
from kg.vocab import COMPARISONS_GRAPH, ENTITY, ID, KG, OA, PROV, SCHEMA, WD
from rdf_fixtures import DOC0, DOC1, DOC2, DOC3, DOC4, plain_graph, seed_result, synthetic_result

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture(scope="module")
def entities():
    return load_entities()


@pytest.fixture(scope="module")
def dataset(entities):
    return build_dataset(seed_result(), entities)


@pytest.fixture(scope="module")
def union(dataset) -> Graph:
    return plain_graph(dataset)


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl")


def claim(cid: str) -> URIRef:
    return claim_iri(cid)


def figure(cid: str) -> URIRef:
    return URIRef(ID + "figure/" + cid)


def one(graph: Graph, s, p):
    values = list(graph.objects(s, p))
    assert len(values) == 1, (s, p, values)
    return values[0]


def label(graph: Graph, node) -> str:
    return str(one(graph, node, SKOS.prefLabel))


# ---------------------------------------------------------------- vocabulary and ontology

def test_vocab_fails_on_unknown_terms():
    assert str(KG.asserts) == "https://w3id.org/kg/ns#asserts"
    with pytest.raises(AttributeError):
        KG.assertz  # noqa: B018 - the lookup itself must fail
    with pytest.raises(AttributeError):
        SCHEMA.observationAbut  # noqa: B018


def _kg_terms_used() -> dict[str, set[str]]:
    """kg: terms named in the code (KG.x), the named queries and the shapes (kg:x)."""
    used: dict[str, set[str]] = {}
    for path in (ROOT / "kg").glob("*.py"):
        for name in re.findall(r"\bKG\.([A-Za-z]\w*)", path.read_text(encoding="utf-8")):
            used.setdefault(name, set()).add(path.name)
    for path in [*(ONTOLOGY / "queries").glob("*.rq"), ONTOLOGY / "shapes.ttl"]:
        for name in re.findall(r"(?<![\w#/])kg:(\w+)", path.read_text(encoding="utf-8")):
            used.setdefault(name, set()).add(path.name)
    return used


def test_every_kg_term_used_is_defined_in_the_ontology(ontology):
    defined = {str(s)[len(str(KG._NS)):] for s in ontology.subjects(RDFS.label, None)
               if str(s).startswith(str(KG._NS))}
    used = _kg_terms_used()
    assert {"asserts", "Comparison", "conflictsWith", "relation"} <= used.keys()
    assert not {name: files for name, files in used.items() if name not in defined}
    # and the DefinedNamespace lists exactly the ontology's terms
    assert set(KG.__annotations__) == defined


def test_ontology_terms_have_labels_and_comments_in_english_and_indonesian(ontology):
    terms = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(KG._NS))}
    assert len(terms) == len(KG.__annotations__)
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(term, prop)}
            assert langs == {"en", "id"}, (term, prop, langs)
        kinds = set(ontology.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term


def test_shapes_list_the_model_qualifiers_and_relations(shapes):
    lists = {}
    for prop in (KG.qualifier, KG.relation):
        shape = next(shapes.subjects(URIRef(SH + "path"), prop))
        head = one(shapes, shape, URIRef(SH + "in"))
        lists[prop] = tuple(str(x) for x in shapes.collection(head))
    assert lists[KG.qualifier] == QUALIFIERS
    assert lists[KG.relation] == RELATIONS


# ---------------------------------------------------------------- SHACL

def _validate(graph: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes)
    return conforms, text


def test_seed_dataset_conforms_to_the_shapes(union, shapes):
    conforms, text = _validate(union, shapes)
    assert conforms, text


def test_each_document_graph_conforms_on_its_own(dataset, shapes):
    for doc in (DOC0, DOC1, DOC2, DOC3, DOC4):
        conforms, text = _validate(plain_graph(dataset, doc_graph_iri(doc)), shapes)
        assert conforms, (doc, text)


def test_generated_corpus_conforms(entities, shapes):
    ds = build_dataset(synthetic_result(30, claims_per_doc=3, n_subjects=12), entities)
    conforms, text = _validate(plain_graph(ds), shapes)
    assert conforms, text


def test_the_seed_build_conforms(seed_build, shapes):
    """What `kg build seeds/` wrote (out/kg.ttl, read back from the store) meets the shapes."""
    graph = Graph().parse(seed_build / "kg.ttl", format="turtle")
    assert len(set(graph.subjects(RDF.type, SCHEMA.Claim))) > 10
    conforms, text = _validate(graph, shapes)
    assert conforms, text


def test_shapes_reject_a_broken_graph(union, shapes):
    broken = Graph()
    for t in union:
        broken.add(t)
    broken.remove((claim("c-000-a"), SCHEMA.text, None))
    broken.add((figure("c-000-b"), KG.qualifier, Literal("roughly")))
    broken.add((figure("c-000-d"), SCHEMA.minValue, Literal(3)))  # value and interval at once
    broken.add((URIRef(ID + "evidence/c-000-e/position"), OA.start, Literal(-1)))
    conforms, text = _validate(broken, shapes)
    assert not conforms
    for expected in ("schema:text", "roughly", "Xone", "oa:start"):
        assert expected in text, expected


# ---------------------------------------------------------------- identity and graphs

def test_building_twice_gives_isomorphic_graphs_and_the_same_turtle(entities, dataset):
    again = build_dataset(seed_result(), entities)
    names = {g.identifier for g in dataset.graphs()}
    assert names == {g.identifier for g in again.graphs()}
    for name in names:
        assert isomorphic(dataset.graph(name), again.graph(name)), name
    assert to_turtle(dataset) == to_turtle(again)


def test_no_blank_nodes(dataset):
    for quad in dataset.quads((None, None, None, None)):
        assert all(isinstance(term, (URIRef, Literal)) for term in quad[:3]), quad


def test_one_named_graph_per_document_and_one_for_comparisons(dataset):
    graphs = {g.identifier for g in dataset.graphs() if len(g)}
    expected = {doc_graph_iri(d) for d in (DOC0, DOC1, DOC2, DOC3, DOC4)} | {COMPARISONS_GRAPH}
    assert graphs == expected
    assert str(doc_graph_iri(DOC0)).startswith("https://w3id.org/kg/graph/doc/")
    for cid, doc in (("c-000-a", DOC0), ("c-001-a", DOC1), ("c-003-f", DOC3)):
        holders = {g for _, _, _, g in dataset.quads((claim(cid), RDF.type, SCHEMA.Claim, None))}
        assert holders == {doc_graph_iri(doc)}


def test_claim_ids_and_names_make_safe_iris():
    assert claim_iri("c-1 2/3#x") == URIRef(ID + "claim/c-1%202%2F3%23x")
    assert article_iri("a.txt") == article_iri("a.txt") != article_iri("b.txt")


# ---------------------------------------------------------------- the triples of a claim

def test_claim_node(union):
    c = claim("c-000-a")
    assert set(union.objects(c, RDF.type)) == {SCHEMA.Claim, PROV.Entity}
    assert str(one(union, c, SCHEMA.identifier)) == "c-000-a"
    text = one(union, c, SCHEMA.text)
    assert text.language == "id" and "sekitar 500 anggota" in text
    assert str(one(union, c, KG.figureText)) == "sekitar 500"
    speaker = one(union, c, SCHEMA.author)
    assert one(union, c, PROV.wasAttributedTo) == speaker
    assert label(union, speaker) == "Qais al-Mohamadawi"
    assert {SCHEMA.Person, PROV.Agent} <= set(union.objects(speaker, RDF.type))
    assert one(union, c, SCHEMA.dateCreated) == Literal("2023-03-12", datatype=XSD.date)
    assert one(union, c, SCHEMA.appearance) == article_iri(DOC0)
    assert one(union, c, SCHEMA.about) == ENTITY.ISIS
    assert one(union, c, KG.asserts) == figure("c-000-a")
    source = one(union, c, PROV.wasDerivedFrom)
    assert one(union, source, SCHEMA.publisher) == ENTITY.AFP


def test_figure_node(union):
    f = figure("c-000-a")
    assert one(union, f, RDF.type) == SCHEMA.Observation
    assert one(union, f, SCHEMA.observationAbout) == ENTITY.ISIS
    assert one(union, f, SCHEMA.value) == Literal(500)
    assert str(one(union, f, KG.qualifier)) == "approx"
    assert str(one(union, f, SCHEMA.unitText)) == "person"
    assert one(union, f, SCHEMA.spatialCoverage) == ENTITY.Iraq
    assert label(union, one(union, f, SCHEMA.measuredProperty)) == "active members"
    assert one(union, f, SCHEMA.observationDate) == Literal("2023-03-12", datatype=XSD.date)
    assert one(union, f, KG.isEvent) == Literal(False)
    interval = figure("c-000-b")
    assert one(union, interval, SCHEMA.minValue) == Literal(400)
    assert one(union, interval, SCHEMA.maxValue) == Literal(500)
    assert not list(union.objects(interval, SCHEMA.value))
    event = figure("c-000-d")  # counts one event: dated by the event, not by the saying
    assert one(union, event, SCHEMA.observationDate) == Literal("2023-02-26", datatype=XSD.date)
    assert one(union, event, KG.isEvent) == Literal(True)


def test_dates_by_their_form():
    assert str(date_literal("2023-03-12").datatype.value) == str(XSD.date)
    assert str(date_literal("2023-02").datatype.value) == str(XSD.gYearMonth)
    assert str(date_literal("2019").datatype.value) == str(XSD.gYear)
    for bad in ("2023-02-30", "2023-13", "13/3/2023", "", None):
        assert date_literal(bad) is None, bad


def test_numbers_are_integers_or_decimals():
    assert str(number_literal(5000.0).datatype.value) == str(XSD.integer)
    assert number_literal(5000.0).value == "5000"
    half = number_literal(0.3333)
    assert str(half.datatype.value) == str(XSD.decimal) and half.value == "0.3333"
    assert number_literal(float("inf")) is None


def test_said_on_month_and_a_malformed_date_left_out(entities):
    result = seed_result()
    bad = replace(result.claims[0], said_on="2023-02-30")
    ds = build_dataset(BuildResult(result.documents, (bad, *result.claims[1:]), ()), entities)
    assert not list(ds.quads((claim(bad.id), SCHEMA.dateCreated, None, None)))
    union = plain_graph(build_dataset(result, entities))
    assert one(union, claim("c-000-e"), SCHEMA.dateCreated) == Literal("2023-02", datatype=XSD.gYearMonth)


def test_open_interval_has_only_a_lower_bound(entities, shapes):
    result = seed_result()
    c = result.claims[0]
    open_claim = replace(c, quantity=replace(c.quantity, low=125, high=float("inf"), qualifier="more_than"))
    graph = plain_graph(build_dataset(BuildResult(result.documents[:1], (open_claim,), ()), entities))
    assert one(graph, figure(c.id), SCHEMA.minValue) == Literal(125)
    assert not list(graph.objects(figure(c.id), SCHEMA.maxValue))
    conforms, text = _validate(graph, shapes)
    assert conforms, text


def test_evidence_points_at_the_original_words(union):
    result = seed_result()
    texts = {d.doc: d.text for d in result.documents}
    for c in result.claims:
        ann = URIRef(ID + "evidence/" + c.id)
        assert one(union, ann, RDF.type) == OA.Annotation
        assert one(union, ann, OA.hasBody) == claim(c.id)
        target = one(union, ann, OA.hasTarget)
        assert one(union, target, OA.hasSource) == article_iri(c.doc)
        selectors = {one(union, s, RDF.type): s for s in union.objects(target, OA.hasSelector)}
        pos, quote = selectors[OA.TextPositionSelector], selectors[OA.TextQuoteSelector]
        start, end = one(union, pos, OA.start).toPython(), one(union, pos, OA.end).toPython()
        assert (start, end) == (c.start, c.end)
        text = texts[c.doc]
        assert str(one(union, quote, OA.exact)) == text[start:end] == c.quantity.text
        assert text[:start].endswith(str(one(union, quote, OA.prefix)))
        assert text[end:].startswith(str(one(union, quote, OA.suffix)))


def test_a_claim_outside_its_text_gets_no_evidence(entities):
    result = seed_result()
    c = result.claims[0]
    bad = replace(c, quantity=replace(c.quantity, start=10**7, end=10**7 + 3))
    ds = build_dataset(BuildResult(result.documents[:1], (bad,), ()), entities)
    assert not list(ds.quads((None, OA.hasBody, claim(c.id), None)))
    assert list(ds.quads((claim(c.id), RDF.type, SCHEMA.Claim, None)))


def test_a_report_speaker_is_a_document_attributed_to_its_organisation(union):
    c = claim("c-000-e")
    report = one(union, c, KG.statedIn)
    assert set(union.objects(report, RDF.type)) == {SCHEMA.Report, PROV.Entity}
    assert label(union, report) == "laporan PBB"
    assert one(union, report, SCHEMA.author) == ENTITY.UN
    assert one(union, c, SCHEMA.author) == ENTITY.UN
    assert one(union, ENTITY.UN, OWL.sameAs) == WD.Q1065


def test_a_figure_without_speaker_is_the_outlets_own(union):
    outlet = one(union, claim("c-002-b"), SCHEMA.author)
    assert label(union, outlet) == "Mata Angin"
    assert one(union, article_iri(DOC2), SCHEMA.publisher) == outlet
    assert {SCHEMA.NewsMediaOrganization, PROV.Agent} <= set(union.objects(outlet, RDF.type))


def test_article_node(union):
    a = article_iri(DOC0)
    assert set(union.objects(a, RDF.type)) == {SCHEMA.NewsArticle, PROV.Entity}
    assert str(one(union, a, SCHEMA.identifier)) == DOC0
    assert label(union, one(union, a, SCHEMA.publisher)) == "korannews.com"
    assert one(union, a, SCHEMA.datePublished) == Literal("2023-03-13", datatype=XSD.date)
    assert one(union, a, SCHEMA.headline).startswith("Alert! 500 Militan")
    assert one(union, a, SCHEMA.url) == Literal("https://korannews.com/isis-500", datatype=XSD.anyURI)
    assert str(one(union, a, SCHEMA.inLanguage)) == "id"
    sources = {one(union, s, SCHEMA.publisher): one(union, s, SCHEMA.position).toPython()
               for s in union.objects(article_iri(DOC1), PROV.wasDerivedFrom)}
    assert {label(union, k): v for k, v in sources.items()} == {"al-Sumaria News": 1, "IRNA": 2}
    assert one(union, article_iri(DOC1), SCHEMA.locationCreated) == ENTITY.Baghdad
    assert not list(union.objects(article_iri(DOC3), SCHEMA.publisher))


def test_an_agency_named_by_an_alias_is_the_same_relayed_report(entities):
    result = seed_result()
    claims = tuple(replace(c, via="Agence France-Presse") if c.via == "AFP" else c for c in result.claims)
    graph = plain_graph(build_dataset(replace(result, claims=claims), entities))
    sources = set(graph.objects(claim("c-000-a"), PROV.wasDerivedFrom))
    article_sources = set(graph.objects(article_iri(DOC0), PROV.wasDerivedFrom))
    assert sources == article_sources and len(article_sources) == 1


def test_known_entities_carry_aliases_search_forms_and_wikidata(union):
    assert one(union, ENTITY.AFP, OWL.sameAs) == WD.Q40464
    assert label(union, ENTITY.ISIS) == "ISIS"
    aliases = {str(x) for x in union.objects(ENTITY.ISIS, SKOS.altLabel)}
    assert {"Daesh", "Negara Islam", "IS"} <= aliases
    hidden = {str(x) for x in union.objects(ENTITY.ISIS, SKOS.hiddenLabel)}
    assert {"isis", "daesh", "negara islam"} <= hidden and not hidden & aliases


def test_places_and_their_containment(union):
    both = one(union, figure("c-000-e"), SCHEMA.spatialCoverage)
    assert label(union, both) == "Iraq and Syria"
    assert set(union.objects(both, SCHEMA.containsPlace)) == {ENTITY.Iraq, ENTITY.Syria}
    tharthar = one(union, figure("c-001-a"), SCHEMA.spatialCoverage)
    assert one(union, tharthar, SCHEMA.containedInPlace) == ENTITY.Anbar
    assert one(union, ENTITY.Mosul, SCHEMA.containedInPlace) == ENTITY.Nineveh
    assert one(union, ENTITY.Iraq, SCHEMA.containedInPlace) == ENTITY.MiddleEast


def test_restatement(union):
    assert one(union, claim("c-000-title"), KG.restates) == claim("c-000-a")


def test_comparisons_graph(dataset):
    graph = dataset.graph(COMPARISONS_GRAPH)
    nodes = set(graph.subjects(RDF.type, KG.Comparison))
    assert len(nodes) == 6
    relations = {(str(graph.value(n, KG.claimA)).rsplit("/", 1)[1], str(graph.value(n, KG.claimB)).rsplit("/", 1)[1]):
                 str(graph.value(n, KG.relation)) for n in nodes}
    assert relations[("c-000-e", "c-002-d")] == "conflict"
    assert all(graph.value(n, KG.reason) for n in nodes)
    a, b, c = claim("c-000-e"), claim("c-002-d"), claim("c-000-b")
    assert {(a, b), (b, a)} <= set(graph.subject_objects(KG.conflictsWith))
    assert set(graph.subject_objects(KG.conflictsWith)) == {(a, b), (b, a)}
    assert (a, claim("c-000-a")) in set(graph.subject_objects(KG.differsFrom))  # differs_scope
    assert (c, b) in set(graph.subject_objects(KG.differsFrom))  # differs_time
    assert set(graph.subject_objects(KG.agreesWith)) == {(claim("c-000-a"), c), (c, claim("c-000-a"))}
    assert len(set(graph.subject_objects(KG.differsFrom))) == 10  # 5 disagreeing pairs, both ways


def test_comparisons_naming_unknown_claims_are_left_out(entities):
    result = seed_result()
    ds = build_dataset(replace(result, comparisons=(Comparison("c-000-a", "nope", "agree", "x"),)), entities)
    assert not len(ds.graph(COMPARISONS_GRAPH))


# ---------------------------------------------------------------- Turtle

def test_turtle_is_the_union_of_all_graphs(union, dataset):
    text = to_turtle(dataset)
    assert "@prefix schema: <https://schema.org/>" in text
    assert isomorphic(Graph().parse(data=text, format="turtle"), union)


def test_turtle_of_a_plain_rdflib_dataset():
    ds = Dataset()
    g = ds.graph(URIRef("https://w3id.org/kg/graph/doc/x"))
    g.add((URIRef("https://example.org/a"), SKOS.prefLabel, Literal("Ä \"b\"\n", lang="id")))
    g.add((URIRef("https://example.org/a"), SCHEMA.value, Literal(5)))
    parsed = Graph().parse(data=to_turtle(ds), format="turtle")
    assert set(parsed) == set(g)



# ---------------------------------------------------------------- the well-known entities

def test_entities_file_is_consistent():
    graph = Graph().parse(ONTOLOGY / "entities.ttl").parse(ONTOLOGY / "places.ttl")
    sdo = Namespace("https://schema.org/")  # the entity file's classes, beyond what kg writes
    places = {sdo.Country, sdo.City, sdo.AdministrativeArea, sdo.Place}
    kinds = places | {sdo.Organization, sdo.GovernmentOrganization, sdo.NewsMediaOrganization, sdo.Person}
    owner: dict[str, URIRef] = {}
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert len(concepts) > 150
    for concept in concepts:
        types = set(graph.objects(concept, RDF.type)) & kinds
        assert len(types) == 1, (concept, types)
        prefs = [p.language for p in graph.objects(concept, SKOS.prefLabel)]
        assert prefs and len(prefs) == len(set(prefs)) and set(prefs) <= {"en", "id"}, concept
        for same in graph.objects(concept, OWL.sameAs):
            assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q\d+", str(same)), concept
        for outer in graph.objects(concept, SCHEMA.containedInPlace):
            assert types <= places and set(graph.objects(outer, RDF.type)) & places, (concept, outer)
        for name in {*graph.objects(concept, SKOS.prefLabel), *graph.objects(concept, SKOS.altLabel)}:
            key = str(name).casefold() if len(name) >= 4 else str(name)  # as kg.entities matches them
            assert owner.setdefault(key, concept) == concept, (name, concept, owner[key])
    entities = load_entities()
    assert entities.canonical("kemenlu") == "Kemlu" and entities.kind("Xinhua") == "agency"
    assert entities.place_within("Surabaya", "Indonesia") and entities.place_within("Jalur Gaza", "Middle East")
