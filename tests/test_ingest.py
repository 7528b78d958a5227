"""Ingest, cleaning, sentences and text metadata: unit tests on small articles of our own."""
from __future__ import annotations

import json

import pytest

from kg.clean import is_boilerplate, kept_spans
from kg.entities import load_entities
from kg.errors import KgError
from kg.ingest import make_document, read_inputs, read_manifest
from kg.lang import guess_language
from kg.meta import detect_dateline, detect_publisher, detect_title
from kg.sentences import split_sentences

ARTICLE = """Kemlu: 93 WNI Dievakuasi dari Iran

Kemlu: 93 WNI Dievakuasi dari Iran

JAKARTA, KOMPAS.com - Kementerian Luar Negeri mengevakuasi 93 WNI dari Iran, Rabu (18/6/2025). Evakuasi dilakukan lewat Azerbaijan.

Baca juga: Iran Serang Israel, 3 Orang Tewas

"Sebanyak 93 WNI telah tiba di Baku," kata Juru Bicara Kemlu Laras Pramesti. (Baca: Menlu Tinjau Evakuasi)(mae)

Leave a Reply
Your email address will not be published.
"""


def _texts(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_boilerplate_lines_and_repeats_are_dropped_with_offsets_kept():
    spans = kept_spans(ARTICLE)
    kept = _texts(ARTICLE, spans)
    assert kept[0] == "Kemlu: 93 WNI Dievakuasi dari Iran"
    assert sum(k.startswith("Kemlu: 93") for k in kept) == 1  # the repeated headline once
    assert not any("Baca juga" in k or "Leave a Reply" in k or "email address" in k for k in kept)
    assert not any("Menlu Tinjau" in k or "(mae)" in k for k in kept)  # inline link and tag cut
    assert any(k.endswith("kata Juru Bicara Kemlu Laras Pramesti. ") or "Laras Pramesti." in k for k in kept)
    for a, b in spans:  # every span is a slice of the original text
        assert 0 <= a < b <= len(ARTICLE)


@pytest.mark.parametrize("line,furniture", [
    ("Baca juga: Banjir Bandang Terjang Sumbar", True),
    ("SCROLL TO CONTINUE WITH CONTENT", True),
    ("[Gambas:Video 20detik]", True),
    ("error: Content is protected !!", True),
    ("Share this:", True),
    ("Facebook mencatat 3 juta akun palsu dihapus sepanjang 2024, kata juru bicara perusahaan itu kepada wartawan.", False),
    ("***", True),
    ("Sebanyak 24 penerbangan dibatalkan.", False),
])
def test_is_boilerplate(line, furniture):
    assert is_boilerplate(line) is furniture


def test_sentences_join_hard_wraps_and_keep_abbreviations():
    text = "Baghdad (CB) - Pasukan Irak akan segera melancarkan\nserangan ke wilayah barat, kata Jend. Ahmad.\nIa menambahkan 400 orang dievakuasi."
    sents = split_sentences(text, kept_spans(text))
    got = [text[s.start:s.end] for s in sents]
    assert got[0].startswith("Baghdad (CB)") and got[0].endswith("kata Jend. Ahmad.")
    assert got[1] == "Ia menambahkan 400 orang dievakuasi."
    assert sents[0].paragraph == 0


@pytest.mark.parametrize("text,title", [
    ("Alert! 500 Militan ISIS Masih Aktif\n\nkorannews.com – Kelompok militan ISIS masih aktif.", "Alert! 500 Militan ISIS Masih Aktif"),
    ("Kabar Internasional – Negara Islam Kehilangan Wilayahnya\n\nPasukan Suriah maju.", "Negara Islam Kehilangan Wilayahnya"),
    ("Baghdad (CB) - Pasukan Irak akan segera melancarkan\nserangan untuk merebut wilayah.", None),
    ("pasukan-irakBaghdad, LiputanIslam.com – Badan Keamanan Nasional Irak menyatakan 75 teroris tewas.", None),
])
def test_title(text, title):
    assert detect_title(text, kept_spans(text)) == title


@pytest.mark.parametrize("text,publisher", [
    ("pasukan-irakBaghdad, LiputanIslam.com – Badan Keamanan menyatakan.", "LiputanIslam.com"),
    ("Judul Berita Hari Ini\n\nMATA ANGINIslamic State dinyatakan kalah.", "MATA ANGIN"),
    ("Liputan6.com, Jakarta - Sebanyak 24 penerbangan dibatalkan.", "Liputan6.com"),
    ("Pasukan Irak maju ke barat.\nCredit antaranews.com", "antaranews.com"),
    ("Kabar Internasional – Negara Islam Kehilangan Wilayahnya\n\nPasukan Suriah maju.", None),
])
def test_publisher(text, publisher):
    assert detect_publisher(text, kept_spans(text)) == publisher


def test_dateline():
    text = "JAKARTA, KOMPAS.com - Kementerian Luar Negeri mengevakuasi 93 warga negara Indonesia dari Iran melalui jalur darat ke Azerbaijan pada Rabu pagi waktu setempat menurut juru bicara."
    assert detect_dateline(text, kept_spans(text)) == "JAKARTA"


def test_text_metadata_fills_what_the_manifest_leaves(tmp_path):
    entities = load_entities()
    doc = make_document("a.txt", "a.txt", ARTICLE, {"publisher": "Kompas.com"}, entities)
    assert doc.publisher == "Kompas.com"  # the manifest wins
    assert doc.title == "Kemlu: 93 WNI Dievakuasi dari Iran"
    assert doc.published == "2025-06-18"  # the first complete date of the lead
    doc = make_document("a.txt", "a.txt", ARTICLE, {}, entities)
    assert doc.publisher == "KOMPAS.com"


def test_folder_with_manifest_jsonl_html_and_bad_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("Menurut BNPB, 25 orang meninggal dunia akibat banjir.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,title,publisher,published,language\na.txt,https://x.test/a,Banjir,detikcom,2025-01-02,id\n",
        encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "Sebanyak 12 rumah rusak berat, kata Kepala BPBD.", "published": "2025-01-03"}) + "\n"
        + "{not json\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(
        "<html><head><title>Gempa Guncang Cianjur</title></head><body><article><h1>Gempa Guncang Cianjur</h1>"
        + "<p>Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat gempa bermagnitudo 5,6 mengguncang "
        + "Cianjur. Sebanyak 268 orang meninggal dunia dan lebih dari 1.000 orang terluka, kata Kepala BNPB "
        + "Suharyanto kepada wartawan di lokasi bencana.</p>" * 3 + "</article></body></html>", encoding="utf-8")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    docs, errors = read_inputs([tmp_path, tmp_path / "d.pdf", tmp_path / "missing.txt"])
    names = [d.doc for d in docs]
    assert names == ["a.txt", "b.jsonl#1", "c.html"]
    a = docs[0]
    assert (a.url, a.title, a.publisher, a.published, a.language) == ("https://x.test/a", "Banjir", "detikcom", "2025-01-02", "id")
    assert docs[1].published == "2025-01-03"
    assert "268 orang" in docs[2].text
    assert any("b.jsonl:2" in e and "bad JSON" in e for e in errors)
    assert any("d.pdf" in e and "unsupported" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)


def test_manifest_without_file_column_is_a_clear_error(tmp_path):
    (tmp_path / "manifest.csv").write_text("name,url\na.txt,x\n", encoding="utf-8")
    with pytest.raises(KgError, match="no 'file' column"):
        read_manifest(tmp_path)


def test_unknown_language_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Texte en français: 25 personnes.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,language\na.txt,fr\n", encoding="utf-8")
    docs, errors = read_inputs([tmp_path])
    assert docs == [] and "no lexical data for language 'fr'" in errors[0]


@pytest.mark.parametrize("text,lang", [
    ("Kementerian Luar Negeri mengatakan bahwa 93 WNI yang berada di Iran telah dievakuasi pada hari Rabu.", "id"),
    ("The ministry said that 93 citizens who were in Iran had been evacuated on Wednesday, officials said.", "en"),
])
def test_language_guess(text, lang):
    assert guess_language(text) == lang
