"""Hand-built BuildResults for the RDF tests: the seed articles' claims, and a generated corpus.

The seed fixture uses the real seed texts and the claims of shared/gold/seeds.yaml (the ISIS
strength figures and others), with offsets found in the text, so evidence can be checked
against the original words while the extraction stage is still changing.
"""
from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from kg.model import BuildResult, Claim, Comparison, Document, Quantity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DOC0, DOC1, DOC2, DOC3, DOC4 = sorted(p.name for p in SEEDS.glob("*.txt"))


def _sentence(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence around [start, end): bounded by line breaks and full stops."""
    stop = text.rfind(". ", 0, start)
    s = max(text.rfind("\n", 0, start) + 1, stop + 2 if stop >= 0 else 0)
    ends = [i for i in (text.find("\n", end), text.find(". ", end) + 1) if i > 0]
    e = min(ends) if ends else len(text)
    return text[s:e], s, e


def claim(doc: Document, cid: str, quote: str, figure: str, low: float, high: float, **kw) -> Claim:
    """A claim whose figure is `figure` inside the first occurrence of `quote` in the text."""
    at = doc.text.index(quote) + quote.index(figure)
    sentence, s, e = _sentence(doc.text, at, at + len(figure))
    qty = Quantity(figure, at, at + len(figure), low, high,
                   kw.pop("qualifier", "exact"), kw.pop("unit", "person"), noun=kw.pop("noun", None))
    return Claim(cid, doc.doc, qty, sentence, s, e, publisher=doc.publisher, url=doc.url, **kw)


def seed_documents() -> list[Document]:
    """The five seed articles with the metadata the gold records."""
    def read(name: str) -> str:
        return (SEEDS / name).read_text(encoding="utf-8")

    return [
        Document(DOC0, f"seeds/{DOC0}", read(DOC0), "id",
                 "Alert! 500 Militan ISIS Masih Aktif di Irak, Lancarkan Serangan Sporadis",
                 "korannews.com", "2023-03-13", "https://korannews.com/isis-500", ("AFP",)),
        Document(DOC1, f"seeds/{DOC1}", read(DOC1), "id", None, "LiputanIslam.com", None, None,
                 ("al-Sumaria News", "IRNA"), "Baghdad"),
        Document(DOC2, f"seeds/{DOC2}", read(DOC2), "id",
                 "Pasukan Koalisi Bombardir Benteng Terakhir, ISIS Dinyatakan Kalah", "Mata Angin",
                 None, None, ("BBC",)),
        Document(DOC3, f"seeds/{DOC3}", read(DOC3), "id",
                 "Negara Islam Kehilangan Sebagian Besar Wilayahnya", None, None, None, ("Reuters",)),
        Document(DOC4, f"seeds/{DOC4}", read(DOC4), "id", None, "antaranews.com", None, None,
                 ("Reuters",), "Baghdad"),
    ]


def seed_result() -> BuildResult:
    """The seed articles with the gold's required claims (and a restatement) and comparisons."""
    d0, d1, d2, d3, d4 = seed_documents()
    qais = dict(speaker="Qais al-Mohamadawi", speaker_type="person", said_on="2023-03-12", subject="ISIS")
    claims = [
        claim(d0, "c-000-a", "sekitar 500 anggota yang aktif", "sekitar 500", 500, 500, qualifier="approx",
              measure="active members", place="Iraq", via="AFP", noun="anggota", **qais),
        claim(d0, "c-000-title", "500 Militan ISIS Masih Aktif", "500", 500, 500, measure="active members",
              place="Iraq", same_as="c-000-a", **qais),
        claim(d0, "c-000-b", "tidak melebihi 400-500 petempur", "400-500", 400, 500, qualifier="at_most",
              measure="fighters", place="Iraq", via="AFP", **qais),
        claim(d0, "c-000-d", "menewaskan 22 anggota ISIS", "22", 22, 22, measure="members killed",
              action="killed", place="Al-Anbar", via="AFP", event_on="2023-02-26", is_event=True, **qais),
        claim(d0, "c-000-e", "5.000 hingga 7.000 anggota", "5.000 hingga 7.000", 5000, 7000,
              measure="members and supporters", place="Iraq and Syria", speaker="laporan PBB",
              speaker_type="document", said_on="2023-02", subject="ISIS", via="AFP"),
        claim(d0, "c-000-g", "ribuan militan ISIS dan kerabatnya", "ribuan", 1000, 9999, qualifier="vague",
              measure="militants and relatives detained", speaker="Michael Kurilla", speaker_type="person",
              said_on="2023-03-11", subject="ISIS"),
        claim(d1, "c-001-a", "sebanyak 75 teroris", "75", 75, 75, measure="members killed", action="killed",
              place="west of Tharthar, Anbar", speaker="Badan Keamanan Nasional Irak",
              speaker_type="organization", subject="ISIS", via="al-Sumaria News", is_event=True),
        claim(d1, "c-001-d", "sebanyak 18 amir ISIS", "18", 18, 18, measure="emirs leaving Mosul",
              place="Mosul", speaker="Said Mamouzini", speaker_type="person", subject="ISIS", via="IRNA"),
        claim(d2, "c-002-a", "100% kekalahan", "100%", 100, 100, unit="percent", measure="territorial defeat",
              speaker="juru bicara SDF", speaker_type="person", subject="ISIS"),
        claim(d2, "c-002-b", "88 ribu kilometer persegi", "88 ribu kilometer persegi", 88000, 88000,
              unit="km2", measure="territory seized since 2014", place="Iraq and Syria", subject="ISIS"),
        claim(d2, "c-002-d", "15 ribu hingga 20 ribu pendukung", "15 ribu hingga 20 ribu", 15000, 20000,
              qualifier="hedged", measure="active armed supporters", place="Iraq and Syria",
              speaker="pejabat AS", speaker_type="organization", subject="ISIS"),
        claim(d3, "c-003-c", "menangkap 157 pejuang asing", "157", 157, 157, measure="foreign fighters captured",
              place="Baghouz", speaker="Mustafa Bali", speaker_type="person", subject="ISIS"),
        claim(d3, "c-003-d", "lebih dari 60.000 orang", "lebih dari 60.000", 60000, 60000,
              qualifier="more_than", measure="people who left the enclave", place="Baghouz",
              speaker="SDF", speaker_type="organization", subject="Baghouz"),
        claim(d3, "c-003-f", "sekitar 5.000 pejuang", "sekitar 5.000", 5000, 5000, qualifier="approx",
              measure="fighters who surrendered", place="Baghouz", speaker="SDF",
              speaker_type="organization", subject="ISIS"),
    ]
    comparisons = [
        Comparison("c-000-a", "c-000-b", "agree", "about 500 members and at most 400-500 fighters overlap"),
        Comparison("c-000-a", "c-000-e", "differs_scope", "Iraq lies within Iraq and Syria"),
        Comparison("c-000-b", "c-000-e", "differs_scope", "fighters are within members and supporters"),
        Comparison("c-000-e", "c-002-d", "conflict", "5,000-7,000 (UN report) vs 15,000-20,000 (US officials)"),
        Comparison("c-000-a", "c-002-d", "differs_scope", "Iraq lies within Iraq and Syria"),
        Comparison("c-000-b", "c-002-d", "differs_time", "said in 2023 vs in 2019"),
    ]
    return BuildResult((d0, d1, d2, d3, d4), tuple(claims), tuple(comparisons))


def changed_doc0(result: BuildResult) -> BuildResult:
    """The seed result after document 000 was re-read with one claim fewer and a new title."""
    docs = tuple(replace(d, title="ISIS: 500 militan") if d.doc == DOC0 else d for d in result.documents)
    claims = tuple(c for c in result.claims if c.id != "c-000-g")
    return BuildResult(docs, claims, result.comparisons)


SUBJECTS = ["ISIS", "SDF", "Hamas", "Hezbollah", "Taliban", "Al-Shabaab", "Boko Haram", "Houthi"]
MEASURES = ["fighters", "members", "deaths", "wounded", "displaced people", "flights cancelled"]
PLACES = ["Iraq", "Syria", "Iran", "Israel", "Indonesia", "Mosul", "Raqqa", "Baghdad", "Iraq and Syria"]
AGENCIES = ["AFP", "Reuters", "Antara", "AP", "BBC", "IRNA"]


def synthetic_result(n_docs: int, claims_per_doc: int = 4, n_subjects: int = 400, n_outlets: int = 100,
                     seed: int = 7) -> BuildResult:
    """A generated corpus of `n_docs` articles with varied subjects, speakers, outlets and agencies."""
    rng = random.Random(seed)
    subjects = SUBJECTS + [f"Group {i}" for i in range(n_subjects - len(SUBJECTS))]
    docs, claims, comparisons = [], [], []
    by_key: dict[tuple[str, str], list[str]] = {}
    for i in range(n_docs):
        parts, figures = [f"Article {i} headline\n\n"], []
        for j in range(claims_per_doc):
            low = rng.randint(1, 20) * 50
            figure = f"{low:,}".replace(",", ".")
            sentence = f"Juru bicara {j} mengatakan ada {figure} anggota di wilayah itu, kata dia."
            at = sum(map(len, parts)) + sentence.index(figure)
            figures.append((sentence, at, figure, low, sum(map(len, parts))))
            parts.append(sentence + "\n")
        text = "".join(parts)
        name = f"{i:05d}_synthetic.txt"
        doc = Document(name, f"corpus/{name}", text, "id", f"Article {i} headline", f"outlet{i % n_outlets}.example",
                       f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}", f"https://outlet{i % n_outlets}.example/{i}",
                       (AGENCIES[i % len(AGENCIES)],))
        docs.append(doc)
        for j, (sentence, at, figure, low, s) in enumerate(figures):
            subject, measure = rng.choice(subjects), rng.choice(MEASURES)
            cid = f"c-{i:05d}-{j}"
            qty = Quantity(figure, at, at + len(figure), low, low, rng.choice(["exact", "approx", "at_least"]))
            claims.append(Claim(cid, name, qty, sentence, s, s + len(sentence),
                                speaker=f"Speaker {rng.randrange(2000)}", speaker_type="person",
                                said_on=doc.published, subject=subject, measure=measure,
                                place=rng.choice(PLACES), via=doc.via[0] if j % 2 else None,
                                publisher=doc.publisher, url=doc.url))
            previous = by_key.setdefault((subject, measure), [])
            if previous:
                other = previous[-1]
                comparisons.append(Comparison(other, cid, rng.choice(["agree", "conflict", "differs_time"]),
                                              f"{other} vs {cid}"))
            previous.append(cid)
    return BuildResult(tuple(docs), tuple(claims), tuple(comparisons))


def offsets_ok(result: BuildResult) -> bool:
    """True when every claim's figure text is exactly the text at its offsets."""
    texts = {d.doc: d.text for d in result.documents}
    return all(texts[c.doc][c.start:c.end] == c.quantity.text for c in result.claims)



def plain_graph(dataset, graph: str | None = None):
    """An rdflib Graph of one named graph of a built dataset (or of all of them, merged).

    Read back through N-Triples, so plain literals are plain: the oxrdflib view types them
    xsd:string, which is the same RDF term but compares unequal in rdflib and pyshacl.
    """
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.store import oxigraph_store

    store = oxigraph_store(dataset)
    names = [ox.NamedNode(graph)] if graph else [ox.DefaultGraph(), *store.named_graphs()]
    out = Graph()
    for name in names:
        out.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name).decode("utf-8"), format="nt")
    return out
