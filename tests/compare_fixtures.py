"""Hand-made claims for the comparison and report tests: the seed claims and a factory."""
from __future__ import annotations

from kg.entities import Entities, Entity
from kg.model import Claim, Document, Quantity


def claim(
    id: str,
    low: float,
    high: float | None = None,
    *,
    figure: str | None = None,
    qualifier: str = "exact",
    unit: str = "person",
    currency: str | None = None,
    doc: str | None = None,
    subject: str | None = "ISIS",
    measure: str | None = "members",
    action: str | None = None,
    place: str | None = None,
    speaker: str | None = None,
    said_on: str | None = None,
    event_on: str | None = None,
    is_event: bool = False,
    is_part: bool = False,
    subject_inferred: bool = False,
    via: str | None = None,
    same_as: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    sentence: str | None = None,
    start: int = 10,
) -> Claim:
    """A claim with a quantity; the document defaults to one of its own (`<id>.txt`)."""
    high = low if high is None else high
    figure = figure or (f"{low:g}" if low == high else f"{low:g}-{high:g}")
    sentence = sentence or f"Menurut sumber, ada {figure} {measure or 'orang'}."
    if measure and action and not measure.endswith(action):
        measure = f"{measure} {action}"
    q = Quantity(figure, start, start + len(figure), float(low), float(high), qualifier, unit, currency)
    return Claim(
        id=id, doc=doc or f"{id}.txt", quantity=q, sentence=sentence, sentence_start=0,
        sentence_end=len(sentence), speaker=speaker, speaker_type="person" if speaker else None,
        said_on=said_on, event_on=event_on, subject=subject, measure=measure, action=action,
        place=place, via=via, is_event=is_event, same_as=same_as, publisher=publisher, url=url,
        is_part=is_part, subject_inferred=subject_inferred,
    )


DOC0 = "000_7e054344702cedfe.txt"
DOC1 = "001_84b83cd747adaf32.txt"
DOC2 = "002_6953a6f035d45f1b.txt"
DOC3 = "003_5283b02485dcada9.txt"


def seed_claims() -> dict[str, Claim]:
    """The seed claims named in the gold `comparisons:` (as the extractor should read them)."""
    mohamadawi = dict(doc=DOC0, speaker="Qais al-Mohamadawi", said_on="2023-03-12", via="AFP",
                      publisher="korannews.com")
    claims = [
        claim("000-a", 500, figure="sekitar 500", qualifier="approx", measure="active members",
              place="Iraq", **mohamadawi,
              sentence="Masih ada sekitar 500 anggota yang aktif di wilayah Irak."),
        claim("000-b", 400, 500, figure="400-500", qualifier="at_most", measure="fighters",
              place="Iraq", **mohamadawi, sentence="Jumlahnya tidak melebihi 400-500 petempur."),
        claim("000-d", 22, measure="members", action="killed", is_event=True, event_on="2023-02-26",
              place="Al-Anbar", **mohamadawi, sentence="Operasi itu menewaskan 22 anggota ISIS."),
        claim("000-e", 5000, 7000, figure="5.000 hingga 7.000", measure="members and supporters",
              place="Iraq and Syria", doc=DOC0, speaker="PBB", said_on="2023-02", via="AFP",
              publisher="korannews.com",
              sentence="Secara terpisah, laporan PBB menyebut ISIS masih memiliki 5.000 hingga 7.000 "
                       "anggota dan pendukung di Irak dan Suriah."),
        claim("001-a", 75, measure="members", action="killed", is_event=True, place="Anbar",
              doc=DOC1, speaker="Badan Keamanan Nasional Irak", via="al-Sumaria News",
              publisher="LiputanIslam.com", sentence="Sebanyak 75 teroris anggota ISIS tewas."),
        claim("001-b", 75, figure="tak kurang dari 75", qualifier="at_least", measure="members",
              action="killed", is_event=True, place="Anbar", doc=DOC1, same_as="001-a",
              speaker="Badan Keamanan Nasional Irak", publisher="LiputanIslam.com"),
        claim("001-h", 23, measure="residents", action="affected", place="south Mosul", doc=DOC1,
              speaker="Said Mamouzini", publisher="LiputanIslam.com",
              sentence="Rumah milik 23 warga diledakkan."),
        claim("002-d", 15000, 20000, figure="15 ribu hingga 20 ribu", qualifier="hedged",
              measure="armed supporters", place="Iraq and Syria", doc=DOC2, speaker="pejabat AS",
              publisher="Mata Angin"),
        claim("003-c", 157, measure="foreign fighters", action="captured", place="Baghouz", doc=DOC3,
              speaker="Mustafa Bali", via="Reuters"),
        claim("003-f", 5000, figure="sekitar 5.000", qualifier="approx", measure="fighters",
              action="surrendered", place="Baghouz", doc=DOC3, speaker="SDF", via="Reuters"),
    ]
    return {c.id: c for c in claims}


def document(doc: str, publisher: str | None = None, published: str | None = None,
             url: str | None = None, title: str | None = None) -> Document:
    """A document without text (as read back from claims.json)."""
    return Document(doc=doc, path=f"seeds/{doc}", text="", publisher=publisher,
                    published=published, url=url, title=title)


def gazetteer() -> Entities:
    """A fixed gazetteer for the tests, independent of ontology/entities.ttl edits."""
    def place(label: str, *within: str, aliases: tuple[str, ...] = ()) -> Entity:
        return Entity(f"urn:test:{label}", label, "place", set(aliases), None, set(within))

    return Entities([
        Entity("urn:test:ISIS", "ISIS", "organization", {"IS", "Daesh", "Negara Islam"}),
        Entity("urn:test:PBB", "PBB", "organization", {"UN", "United Nations"}),
        place("Middle East"), place("Iraq", "Middle East", aliases=("Irak",)),
        place("Syria", "Middle East", aliases=("Suriah",)), place("Iran", "Middle East"),
        place("Israel", "Middle East"), place("Lebanon", "Middle East"),
        place("Al-Anbar", "Iraq", aliases=("Anbar",)), place("Nineveh", "Iraq"), place("Mosul", "Nineveh"),
        place("Baghouz", "Syria"), place("Tehran", "Iran"), place("Tel Aviv", "Israel"),
        place("Indonesia"), place("Jakarta", "Indonesia"), place("Bali", "Indonesia"),
        place("East Nusa Tenggara", "Indonesia", aliases=("NTT",)), place("Flores", "East Nusa Tenggara"),
        place("Papua", "Indonesia"), place("Sulawesi", "Indonesia"), place("Morowali", "Sulawesi"),
    ])


def claims_json(claims, documents=(), comparisons=None) -> dict:
    """The claims.json object of shared/gold/README.md for these claims (as a build writes it)."""
    out = {"documents": [{k: getattr(d, k) for k in ("doc", "path", "title", "publisher", "published", "url",
                                                      "language")} | {"via": list(d.via)} for d in documents],
           "claims": []}
    for c in claims:
        q = c.quantity
        row = {k: getattr(c, k) for k in ("id", "doc", "speaker", "speaker_type", "said_on", "event_on", "subject",
                                          "measure", "action", "place", "via", "is_event", "is_part", "subject_inferred", "same_as",
                                          "publisher", "url", "sentence_start", "sentence_end")}
        row |= {"span": [q.start, q.end], "figure": q.text, "low": q.low, "high": q.high,
                "qualifier": q.qualifier, "unit": q.unit, "currency": q.currency, "text": c.sentence}
        out["claims"].append(row)
    if comparisons is not None:
        out["comparisons"] = [{"a": c.a, "b": c.b, "relation": c.relation, "reason": c.reason}
                              for c in comparisons]
    return out
