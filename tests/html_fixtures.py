"""Hand-made BuildResults for the HTML graph tests and benchmark (no extraction needed)."""
from __future__ import annotations

import random

from kg.entities import Entities, Entity
from kg.model import BuildResult, Claim, Comparison, Document, Quantity

PAYLOAD = "<img src=x onerror=\"window.__pwned=1;alert(1)\">"
SCRIPT_PAYLOAD = "</script><script>window.__pwned=2;alert(2)</script><!--"


def entities() -> Entities:
    """A few entities, so canonical names and kinds are exercised without the ontology file."""
    return Entities([
        Entity("urn:e:isis", "ISIS", "organization", {"IS", "Daesh", "Negara Islam"}),
        Entity("urn:e:afp", "AFP", "agency", {"Agence France-Presse"}),
        Entity("urn:e:antara", "Antara", "agency", {"antaranews.com"}),
        Entity("urn:e:iraq", "Iraq", "place", {"Irak"}),
    ])


def doc(name: str, text: str, **kw) -> Document:
    """A document whose kept span is its whole text."""
    return Document(doc=name, path=f"seeds/{name}", text=text, kept=((0, len(text)),), **kw)


def claim(d: Document, figure: str, low: float, high: float, cid: str, **kw) -> Claim:
    """A claim on the sentence of `d` that contains `figure` (offsets into the original text)."""
    start = d.text.index(figure)
    s_start = d.text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = d.text.find(". ", start)
    s_end = len(d.text) if s_end < 0 else s_end + 1
    q = Quantity(figure, start, start + len(figure), low, high,
                 kw.pop("qualifier", "exact"), kw.pop("unit", "person"))
    return Claim(id=cid, doc=d.doc, quantity=q, sentence=d.text[s_start:s_end], sentence_start=s_start,
                 sentence_end=s_end, publisher=d.publisher, url=d.url, **kw)


def small_result() -> BuildResult:
    """Three articles about ISIS fighter numbers: a conflict, a scope difference, an agreement."""
    a = doc("000_korannews.txt",
            "korannews.com - Jumlah petempur ISIS di Irak mencapai 400-500 orang, kata Qais al-Mohamadawi. "
            "Dia menambahkan bahwa 22 anggota tewas dalam operasi 26 Februari.",
            title="Ratusan petempur ISIS masih bersembunyi di Irak", publisher="korannews.com",
            published="2023-03-13", url="https://korannews.com/isis-irak")
    b = doc("001_antara.txt",
            "Baghdad (ANTARA) - Seperti dilansir AFP, sebuah laporan PBB menyebut ada 5.000 hingga 7.000 "
            "anggota dan pendukung ISIS di Irak dan Suriah. Laporan itu juga menyebut sekitar 1.000 petempur di Irak.",
            title="PBB: ribuan anggota ISIS tersisa", publisher="Antara", published="2023-03-12",
            url="https://www.antaranews.com/berita/isis", via=("AFP",))
    c = doc("002_detik.txt",
            "Pejabat AS mengatakan sekitar 450 petempur ISIS masih aktif di Irak. Angka itu disampaikan Jenderal Smith.",
            title="AS: ISIS masih aktif", publisher="detik.com", published="2023-02",
            url="https://news.detik.com/isis")
    claims = (
        claim(a, "400-500", 400, 500, "c-a1", qualifier="at_most", speaker="Qais al-Mohamadawi",
              speaker_type="person", said_on="2023-03-12", subject="ISIS", measure="fighters", place="Iraq"),
        claim(a, "22", 22, 22, "c-a2", speaker="Qais al-Mohamadawi", speaker_type="person",
              said_on="2023-03-12", event_on="2023-02-26", subject="ISIS", measure="members killed",
              action="killed", place="Iraq", is_event=True),
        claim(b, "5.000 hingga 7.000", 5000, 7000, "c-b1", speaker="laporan PBB", speaker_type="document",
              said_on="2023-03-12", subject="ISIS", measure="members and supporters",
              place="Iraq and Syria", via="AFP"),
        claim(b, "1.000", 900, 1100, "c-b2", qualifier="approx", speaker="laporan PBB",
              speaker_type="document", said_on="2023-03-12", subject="ISIS", measure="fighters",
              place="Iraq", via="AFP"),
        claim(c, "450", 405, 495, "c-c1", qualifier="approx", speaker="Pejabat AS",
              speaker_type="person", said_on="2023-02", subject="ISIS", measure="fighters", place="Iraq"),
    )
    comparisons = (
        Comparison("c-a1", "c-b2", "conflict", "400-500 (Qais al-Mohamadawi, korannews.com) vs about "
                   "1,000 (laporan PBB via AFP, Antara): same subject, place and time"),
        Comparison("c-a1", "c-b1", "differs_scope", "fighters in Iraq vs members and supporters in Iraq and Syria"),
        Comparison("c-a1", "c-c1", "agree", "400-500 and about 450 overlap"),
        Comparison("c-b2", "c-c1", "differs_time", "about 1,000 on 2023-03-12 vs about 450 in 2023-02"),
    )
    return BuildResult((a, b, c), claims, comparisons)


def payload_result() -> BuildResult:
    """An article carrying script and event-handler payloads in text, speaker, title, url, reason."""
    text = (f"{PAYLOAD} Sebanyak 300 orang tewas {SCRIPT_PAYLOAD}, kata {PAYLOAD}. "
            "Laporan lain menyebut 500 orang tewas <svg onload=window.__pwned=3>.")
    d = doc("evil.txt", text, title=f"{SCRIPT_PAYLOAD}{PAYLOAD}", publisher=f"evil{PAYLOAD}.com",
            published="2023-03-01", url="javascript:window.__pwned=4", via=(f"AFP{SCRIPT_PAYLOAD}",))
    d2 = doc("other.txt", "Menurut polisi, 280 orang tewas.", title="Polisi", publisher="good.com",
             published="2023-03-02", url="https://good.example/a")
    claims = (
        claim(d, "300", 300, 300, "c-e1", speaker=PAYLOAD, speaker_type="person",
              subject=f"Banjir{SCRIPT_PAYLOAD}", measure="deaths", place=PAYLOAD, said_on="2023-03-01"),
        claim(d, "500", 500, 500, "c-e2", speaker=SCRIPT_PAYLOAD, subject=f"Banjir{SCRIPT_PAYLOAD}",
              measure="deaths", said_on="2023-03-01"),
        claim(d2, "280", 280, 280, "c-e3", speaker="polisi", subject=f"Banjir{SCRIPT_PAYLOAD}",
              measure="deaths", said_on="2023-03-02"),
    )
    comparisons = (
        Comparison("c-e1", "c-e3", "conflict", f"300 vs 280 {PAYLOAD}{SCRIPT_PAYLOAD}"),
        Comparison("c-e1", "c-e2", "conflict", "300 vs 500"),
    )
    return BuildResult((d, d2), claims, comparisons)


def synthetic_result(n_claims: int, seed: int = 7) -> BuildResult:
    """A large, deterministic build: ~10 claims per article, comparisons within (subject, measure)."""
    rng = random.Random(seed)
    outlets = [f"outlet{i}.com" for i in range(25)]
    agencies = ["AFP", "Reuters", "Antara", "AP", "Xinhua"]
    subjects = [f"Subject {i}" for i in range(max(1, n_claims // 100))]
    measures = ["deaths", "injured", "fighters", "displaced", "houses damaged"]
    speakers = [f"Speaker {i}" for i in range(max(1, n_claims // 15))]
    docs: list[Document] = []
    claims: list[Claim] = []
    for i in range(max(1, n_claims // 10)):
        sentences = []
        for _ in range(10):
            sentences.append(f"Sebanyak {rng.randint(10, 9000)} orang terdampak menurut laporan.")
        text = " ".join(sentences)
        month = rng.randint(1, 12)
        docs.append(doc(f"{i:05d}.txt", text, title=f"Article {i} about {rng.choice(subjects)}",
                        publisher=rng.choice(outlets), published=f"2023-{month:02d}-{rng.randint(1, 28):02d}",
                        url=f"https://example.org/{i}",
                        via=(rng.choice(agencies),) if rng.random() < 0.3 else ()))
    for k in range(n_claims):
        d = docs[k % len(docs)]
        nth = k // len(docs)
        pos = [p for p in range(len(d.text)) if d.text.startswith("Sebanyak ", p)][nth % 10] + len("Sebanyak ")
        end = d.text.index(" ", pos)
        value = float(d.text[pos:end])
        q = Quantity(d.text[pos:end], pos, end, value, value)
        s_end = d.text.find(".", pos) + 1
        claims.append(Claim(
            id=f"c{k:05d}", doc=d.doc, quantity=q, sentence=d.text[pos - 9:s_end], sentence_start=pos - 9,
            sentence_end=s_end, speaker=rng.choice(speakers) if rng.random() < 0.8 else None,
            said_on=d.published, subject=rng.choice(subjects), measure=rng.choice(measures),
            publisher=d.publisher, url=d.url))
    by_key: dict[tuple, list[Claim]] = {}
    for c in claims:
        by_key.setdefault((c.subject, c.measure), []).append(c)
    comparisons = []
    for group in by_key.values():
        for a, b in zip(group, group[1:]):
            if rng.random() < 0.5:
                continue
            rel = rng.choice(["conflict", "differs_scope", "differs_time", "agree", "agree"])
            comparisons.append(Comparison(a.id, b.id, rel, f"{a.quantity.text} vs {b.quantity.text}"))
    return BuildResult(tuple(docs), tuple(claims), tuple(comparisons))
