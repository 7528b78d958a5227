"""kg.report, kg.claims_json and `kg conflicts`: readable, cited, escaped conflict reports."""
from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from compare_fixtures import DOC0, DOC2, claim, claims_json, document, gazetteer, seed_claims
from kg.claims_json import load_result, result_from_json
from kg.cli import main
from kg.compare import compare_claims
from kg.errors import KgError
from kg.model import BuildResult
from kg.report import conflict_count, conflicts_csv, conflicts_html, conflicts_json, conflicts_markdown, select

EVIL = '<img src=x onerror=alert(1)> **bold** | [link](javascript:alert(2)) &amp;'


def _at(sentence: str, figure: str) -> int:
    return sentence.index(figure)


def _claims():
    seeds = seed_claims()
    s1 = "Pentagon memperkirakan 3.000 anggota ISIS masih aktif di Irak."
    s2 = f"Menurut {EVIL}, ada 9.000 anggota di Irak."
    return [
        seeds["000-a"], seeds["000-b"], seeds["000-e"], seeds["002-d"], seeds["000-d"], seeds["001-a"],
        claim("p1", 3000, figure="3.000", place="Iraq", speaker="Pentagon", said_on="2023-03-14",
              publisher="cnn.com", doc="cnn.txt", sentence=s1, start=_at(s1, "3.000"),
              url="https://cnn.example/isis"),
        claim("p2", 9000, figure="9.000", place="Iraq", speaker="=HYPERLINK(\"http://x\")", said_on="2023-03-14",
              publisher="evil.example", doc="evil.txt", sentence=s2, start=_at(s2, "9.000"),
              url="javascript:alert(3)"),
    ]


@pytest.fixture(scope="module")
def result() -> BuildResult:
    claims = _claims()
    docs = (document(DOC0, "korannews.com", "2023-03-13", url="https://korannews.example/isis"),
            document(DOC2, "Mata Angin"), document("cnn.txt", "cnn.com"), document("evil.txt", EVIL))
    return BuildResult(docs, tuple(claims), tuple(compare_claims(claims, gazetteer())))


def test_markdown_leads_with_conflicts_and_cites(result):
    md = conflicts_markdown(result, gazetteer())
    assert md.startswith("# Conflicting figures")
    sections = [line for line in md.splitlines() if line.startswith("## ")]
    assert sections[0].startswith("## 1. Conflict: ISIS") and len(sections) == 1
    assert "| about 500 | active members | Iraq | Qais al-Mohamadawi | 2023-03-12 | 1 (AFP) |" in md
    assert "Pentagon memperkirakan **3.000** anggota ISIS masih aktif di Irak." in md
    assert "cnn.txt, characters 23–28, <https://cnn.example/isis>" in md
    assert "000\\_7e054344702cedfe.txt" in md and "<https://korannews.example/isis>" in md
    conflicts = md.index("- **Conflict**")
    assert conflicts < md.index("- **Differs in scope**") < md.index("- **Agree**")


def test_markdown_escapes_article_text(result):
    md = conflicts_markdown(result)
    # Every "<" is backslash-escaped except the autolinks of web URLs.
    assert not re.findall(r"(?<!\\)<(?!https://)", md)
    assert "\\<img src=x onerror=alert(1)\\> \\*\\*bold\\*\\* \\| \\[link\\](javascript:alert(2)) \\&amp;" in md
    assert "javascript:alert(3)" not in md


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_self_contained_and_escaped(result):
    page = conflicts_html(result, gazetteer())
    parsed = _Collect()
    parsed.feed(page)
    assert "img" not in parsed.tags and "script" not in parsed.tags
    assert not [v for k, v in parsed.attrs if k in ("src", "onerror")]
    hrefs = [v for k, v in parsed.attrs if k == "href"]
    assert "https://cnn.example/isis" in hrefs and not [h for h in hrefs if h.startswith("javascript")]
    assert all(h.startswith(("#", "https://")) for h in hrefs)
    assert "link" not in parsed.tags and "style" in parsed.tags
    text = "".join(parsed.text)
    assert EVIL in text  # shown as text, exactly
    assert "<mark>3.000</mark>" in page and "Pentagon memperkirakan " in text
    assert page.index("Conflict</span>") < page.index("Differs in scope</strong>")


def test_csv_rows_cite_both_claims(result):
    rows = list(csv.DictReader(io.StringIO(conflicts_csv(result))))
    assert len(rows) == len(result.comparisons)
    assert rows[0]["relation"] == "conflict" and rows[0]["cluster"] == "cluster-1"
    p1 = next(r for r in rows if "p1" in (r["a_id"], r["b_id"]) and r["relation"] == "conflict")
    side = "a" if p1["a_id"] == "p1" else "b"
    assert p1[f"{side}_sentence"] == "Pentagon memperkirakan 3.000 anggota ISIS masih aktif di Irak."
    assert (p1[f"{side}_start"], p1[f"{side}_end"], p1[f"{side}_figure_text"]) == ("23", "28", "3.000")
    assert p1[f"{side}_url"] == "https://cnn.example/isis"
    evil = [r for r in rows if r["a_id"] == "p2" or r["b_id"] == "p2"]
    for r in evil:
        speaker = r["a_speaker"] if r["a_id"] == "p2" else r["b_speaker"]
        assert speaker == "'=HYPERLINK(\"http://x\")"


def test_json_report(result):
    data = json.loads(conflicts_json(result))
    [cluster] = data["clusters"]
    assert cluster["verdict"] == "conflict" and cluster["low"] == 400 and cluster["high"] == 20000
    assert cluster["counts"]["conflict"] == conflict_count(result) == 1
    statement = next(s for s in cluster["statements"] if s["figure"] == "3,000")
    assert statement["support"] == 1 and statement["sources"] == ["cnn.com"] and statement["claims"] == ["p1"]
    p1 = next(c for c in cluster["claims"] if c["id"] == "p1")
    assert p1["span"] == [23, 28] and p1["text"].startswith("Pentagon") and p1["url"] == "https://cnn.example/isis"
    assert next(c for c in cluster["claims"] if c["id"] == "p2")["url"] is None


def test_empty_report():
    empty = BuildResult((), (), ())
    assert "No two claims were comparable." in conflicts_markdown(empty)
    assert "No two claims were comparable." in conflicts_html(empty)
    assert conflicts_csv(empty).count("\n") == 1 and json.loads(conflicts_json(empty))["clusters"] == []


def test_select(result):
    only = select(result, gazetteer(), subject="Daesh", relations=["agree"])
    assert {c.relation for c in only.comparisons} == {"agree"} and only.claims == result.claims
    assert select(result, gazetteer(), subject="SDF").comparisons == ()


# --- claims.json and the CLI -------------------------------------------------------------------

@pytest.fixture()
def claims_file(tmp_path, result):
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(claims_json(result.claims, result.documents, result.comparisons)), encoding="utf-8")
    return path


def test_load_result_round_trips(claims_file, result):
    loaded = load_result(claims_file, gazetteer())
    assert loaded.claims == result.claims
    assert loaded.comparisons == result.comparisons
    assert [d.doc for d in loaded.documents] == [d.doc for d in result.documents]
    assert loaded.documents[0].url == "https://korannews.example/isis"


def test_load_result_reads_sentence_span(tmp_path, result):
    data = claims_json(result.claims[-2:], result.documents, [])
    for row in data["claims"]:
        row["sentence_span"] = [row.pop("sentence_start") + 100, row.pop("sentence_end") + 100]
        row["span"] = [row["span"][0] + 100, row["span"][1] + 100]
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    p1 = load_result(path).claims[0]
    assert (p1.sentence_start, p1.start, p1.end) == (100, 123, 128)
    assert p1.sentence[p1.start - p1.sentence_start:p1.end - p1.sentence_start] == "3.000"


def test_load_result_compares_when_comparisons_are_missing(tmp_path, result):
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(claims_json(result.claims, result.documents)), encoding="utf-8")
    assert load_result(path, gazetteer()).comparisons == result.comparisons


def test_load_result_errors(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        load_result(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(KgError, match="not a readable JSON"):
        load_result(bad)
    with pytest.raises(KgError, match=r"claims\[0\] is malformed"):
        result_from_json({"claims": [{"id": "x"}]})
    with pytest.raises(KgError, match="\"claims\" list"):
        result_from_json([])


def test_cli_conflicts_formats(claims_file):
    runner = CliRunner()
    md = runner.invoke(main, ["conflicts", "--from", str(claims_file)])
    assert md.exit_code == 0 and md.output.startswith("# Conflicting figures")
    out = runner.invoke(main, ["conflicts", "--from", str(claims_file), "--format", "json",
                               "--relation", "differs_scope", "--relation", "agree", "--subject", "IS"])
    data = json.loads(out.output)
    relations = {c["relation"] for k in data["clusters"] for c in k["comparisons"]}
    assert relations == {"differs_scope", "agree"}
    html = runner.invoke(main, ["conflicts", "--from", str(claims_file), "--format", "html"])
    assert html.output.startswith("<!DOCTYPE html>")
    rows = runner.invoke(main, ["conflicts", "--from", str(claims_file), "--format", "csv"])
    assert rows.output.splitlines()[0].startswith("cluster,relation,subject,a_id")


def test_cli_exit_code(claims_file):
    runner = CliRunner()
    assert runner.invoke(main, ["conflicts", "--from", str(claims_file), "--exit-code"]).exit_code == 3
    calm = runner.invoke(main, ["conflicts", "--from", str(claims_file), "--exit-code", "--relation", "agree"])
    assert calm.exit_code == 0
    missing = runner.invoke(main, ["conflicts", "--from", str(claims_file.parent / "none.json")])
    assert missing.exit_code == 1 and "Error:" in missing.output and "kg build" in missing.output


@pytest.mark.browser
def test_html_report_in_chromium_runs_no_script_and_fetches_nothing(tmp_path, result):
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "conflicts.html"
    page_file.write_text(conflicts_html(result), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        try:
            page = browser.new_page()
            dialogs, requests = [], []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.hover("text=9.000")
            assert page.locator("h2").first.inner_text().startswith("1. Conflict: ISIS")
            assert page.locator("mark", has_text="3.000").count() == 1
            assert EVIL in page.locator("body").inner_text()
            assert page.locator("img").count() == 0
        finally:
            browser.close()
    assert dialogs == [] and requests == [page_file.as_uri()]
