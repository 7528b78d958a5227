"""The HTML graph as text: self-contained, escaped, and the graph it carries (no browser)."""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from html_fixtures import PAYLOAD, SCRIPT_PAYLOAD, entities, payload_result, small_result, synthetic_result
from kg.cli import main
from kg.errors import KgError
from kg.html import PHYSICS_MAX_NODES, build_network, render_html

DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _parse(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    return tags


def _data(html: str) -> dict:
    return json.loads(DATA_BLOCK.search(html).group(1))


@pytest.fixture(scope="module")
def small_html() -> str:
    return render_html(small_result(), entities())


def test_page_loads_nothing_from_anywhere(small_html):
    tags = _parse(small_html)
    loading = [(t, a) for t, a in tags.tags if {"src", "href", "srcset", "data"} & set(a)]
    assert loading == []
    assert {t for t, _ in tags.tags} <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "span", "b", "input", "button",
        "nav", "label", "select", "option", "main", "div", "aside", "details", "summary", "ul", "li",
        "datalist", "script"}
    assert "bootstrap" not in small_html.lower() and "cdnjs" not in small_html and "jsdelivr" not in small_html
    assert "@import" not in small_html


def test_vis_network_inlined_with_its_license(small_html):
    assert "vis-network" in small_html and "@version 9.1.2" in small_html
    assert "@license" in small_html and "The Apache 2.0 License" in small_html and "The MIT License" in small_html


def test_csp_allows_exactly_the_inline_scripts(small_html):
    tags = _parse(small_html)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    script_src = re.search(r"script-src ([^;]+);", csp).group(1).split()
    code = [s for (t, a), s in zip([x for x in tags.tags if x[0] == "script"], tags.scripts) if a.get("type") is None]
    assert len(code) == 2
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in code}
    assert set(script_src) == hashes


def test_node_and_edge_counts_of_small_graph(small_html):
    data = _data(small_html)
    # 5 claims, 3 speakers, 3 articles, 4 organizations (3 outlets + AFP), 1 subject.
    assert len(data["nodes"]) == 16
    # 5 published-in (claim->article) + 5 said-by + 5 about + 3 published-in (article->outlet)
    # + 1 relayed-from (Antara's article <- AFP; the claims' own "via AFP" repeats it) + 4 comparisons.
    assert len(data["edges"]) == 23
    kinds = [e["kind"] for e in data["edges"]]
    assert kinds.count("conflict") == 1 and kinds.count("agree") == 1
    assert kinds.count("said-by") == 5 and kinds.count("about") == 5 and kinds.count("relayed-from") == 1
    groups = {n["id"]: n["group"] for n in data["nodes"]}
    assert groups["c:c-a1"] == groups["c:c-b2"] == "conflict"
    assert groups["c:c-a2"] == "claim"
    assert groups["o:AFP"] == groups["o:Antara"] == "agency"
    assert groups["o:korannews.com"] == "outlet"
    assert groups["s:ISIS"] == "subject" and groups["p:Qais al-Mohamadawi"] == "speaker"
    assert groups["d:000_korannews.txt"] == "document"


def test_claim_details_for_the_side_panel(small_html):
    claims = _data(small_html)["claims"]
    b1 = claims["c:c-b1"]
    start, end = b1["mark"]
    assert b1["sentence"][start:end] == "5.000 hingga 7.000"
    assert b1["speaker"] == "laporan PBB" and b1["outlet"] == "Antara" and b1["agency"] == "AFP"
    assert b1["url"] == "https://www.antaranews.com/berita/isis"
    assert b1["saidOn"] == "2023-03-12" and b1["published"] == "2023-03-12"
    assert b1["sp"] == "p:laporan PBB" and b1["ou"] == "o:Antara" and b1["su"] == "s:ISIS"
    a2 = claims["c:c-a2"]
    assert a2["eventOn"] == "2023-02-26" and "cluster" not in a2


def test_clusters_lead_with_conflicts(small_html):
    data = _data(small_html)
    first = data["clusters"][0]
    assert first["conflict"] == 1 and set(first["claims"]) == {"c:c-a1", "c:c-b1", "c:c-b2", "c:c-c1"}
    assert data["claims"]["c:c-a1"]["cluster"] == 0


def test_payloads_never_appear_as_markup():
    html = render_html(payload_result(), entities())
    assert PAYLOAD not in html and SCRIPT_PAYLOAD not in html
    assert "<img" not in html.lower() and "<svg" not in html.lower()
    tags = _parse(html)
    assert [t for t, _ in tags.tags].count("script") == 3
    assert html.lower().count("</script") == 3
    data = _data(html)
    # The text is all there, exactly, for graph.js to show as text.
    assert data["claims"]["c:c-e1"]["speaker"] == PAYLOAD
    assert data["docs"]["d:evil.txt"]["title"] == SCRIPT_PAYLOAD + PAYLOAD
    assert any(e.get("reason", "").endswith(PAYLOAD + SCRIPT_PAYLOAD) for e in data["edges"])


def test_title_is_escaped():
    html = render_html(small_result(), entities(), subject="Daesh")
    assert "<title>Claims about Daesh</title>" in html
    with pytest.raises(KgError, match="ISIS"):
        render_html(small_result(), entities(), subject="<b>nothing</b>")


def test_subject_keeps_only_its_claims():
    result = small_result()
    other = replace(result.claims[0], id="c-x", subject="Iran")
    _, extra = build_network(replace(result, claims=result.claims + (other,)), entities())
    html = render_html(replace(result, claims=result.claims + (other,)), entities(), subject="IS")
    data = _data(html)
    assert "c:c-x" in extra["claims"] and "c:c-x" not in data["claims"]
    assert len(data["claims"]) == 5


def test_open_interval_is_null_not_infinity():
    result = small_result()
    c = result.claims[0]
    open_claim = replace(c, quantity=replace(c.quantity, qualifier="more_than", high=math.inf))
    data = _data(render_html(replace(result, claims=(open_claim,) + result.claims[1:]), entities()))
    assert data["claims"]["c:c-a1"]["high"] is None


def test_mark_found_when_offsets_do_not_fit_the_sentence():
    # A claim read back from claims.json knows the sentence but not where it starts.
    result = small_result()
    c = replace(result.claims[2], sentence_start=0)
    data = _data(render_html(replace(result, claims=(c,)), entities()))
    start, end = data["claims"]["c:c-b1"]["mark"]
    assert data["claims"]["c:c-b1"]["sentence"][start:end] == "5.000 hingga 7.000"


def test_layout_positions_every_node_apart():
    net, extra = build_network(synthetic_result(600), entities())
    pos = {n["id"]: (n["x"], n["y"]) for n in net.nodes}
    assert len(pos) == len(net.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    claim_pos = [p for i, p in pos.items() if i.startswith("c:")]
    assert len(set(claim_pos)) == len(claim_pos)
    # The leading conflict cluster sits in the top row of the drawing.
    lead = extra["clusters"][0]
    assert lead["conflict"] > 0
    top = min(y for _, y in claim_pos)
    assert min(pos[c][1] for c in lead["claims"]) == top


def test_physics_only_for_small_graphs(small_html):
    assert _data(small_html)["physics"] is True
    big = synthetic_result(1000)
    net, _ = build_network(big, entities())
    assert len(net.nodes) > PHYSICS_MAX_NODES
    assert _data(render_html(big, entities()))["physics"] is False


def test_rendering_is_deterministic():
    assert render_html(small_result(), entities()) == render_html(small_result(), entities())


def _claims_json(result) -> dict:
    return {
        "documents": [{"doc": d.doc, "title": d.title, "publisher": d.publisher, "published": d.published,
                       "url": d.url, "via": list(d.via)} for d in result.documents],
        "claims": [{"id": c.id, "doc": c.doc, "span": [c.start, c.end], "text": c.sentence,
                    "figure": c.quantity.text, "low": c.quantity.low, "high": c.quantity.high,
                    "qualifier": c.quantity.qualifier, "unit": c.quantity.unit, "subject": c.subject,
                    "measure": c.measure, "place": c.place, "speaker": c.speaker, "said_on": c.said_on,
                    "publisher": c.publisher, "via": c.via} for c in result.claims],
        "comparisons": [{"a": k.a, "b": k.b, "relation": k.relation, "reason": k.reason}
                        for k in result.comparisons],
    }


def test_cli_render(tmp_path):
    src = tmp_path / "claims.json"
    src.write_text(json.dumps(_claims_json(small_result())), encoding="utf-8")
    out = tmp_path / "g" / "graph.html"
    res = CliRunner().invoke(main, ["render", "--from", str(src), "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = _data(out.read_text(encoding="utf-8"))
    assert len(data["claims"]) == 5 and len([e for e in data["edges"] if e["kind"] == "conflict"]) == 1
    start, end = data["claims"]["c:c-b1"]["mark"]
    assert data["claims"]["c:c-b1"]["sentence"][start:end] == "5.000 hingga 7.000"


def test_cli_render_unknown_subject(tmp_path):
    src = tmp_path / "claims.json"
    src.write_text(json.dumps(_claims_json(small_result())), encoding="utf-8")
    res = CliRunner().invoke(main, ["render", "--from", str(src), "--out", str(tmp_path / "g.html"),
                                    "--subject", "Atlantis"])
    assert res.exit_code == 1
    assert "Error:" in res.output and "Atlantis" in res.output and "--subject" in res.output
    assert not (tmp_path / "g.html").exists()
