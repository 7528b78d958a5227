"""The HTML graph in a real headless Chromium: offline, counts, search, click, filters, payloads."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from html_fixtures import PAYLOAD, SCRIPT_PAYLOAD, entities, payload_result, small_result, synthetic_result
from kg.html import build_network, render_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
SCREENSHOT = Path(__file__).resolve().parent.parent / "out" / "screenshots" / "graph.png"
SEED_SCREENSHOT = SCREENSHOT.with_name("seed-graph.png")
CLAIM_IDS = "Object.keys(JSON.parse(document.getElementById('kg-data').textContent).claims)"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        # In CI the browser is installed by .ci/run: its absence there is a failure, not a skip.
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} missing in CI; .ci/run must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Page:
    """A page of the graph with every request, console message, page error and dialog recorded."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.as_uri())
        # A selector, not wait_for_function: the page's CSP forbids the eval that one uses.
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def visible_claims(self) -> set[str]:
        return set(self.js(f"{CLAIM_IDS}.filter(id => !kg.nodes.get(id).hidden)"))

    def click_node(self, node_id: str) -> None:
        """A real mouse click on the node, centred on the screen first."""
        self.js("id => kg.network.focus(id, {scale: 1.3, animation: false})", node_id)
        x, y = self.js("""id => {
            const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);
            const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }""", node_id)
        self.page.mouse.click(x, y)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert [t for t, _ in self.console if t == "error"] == []
        assert self.dialogs == []
        assert all(u.startswith("file://") for u in self.requests), self.requests
        assert len(self.requests) == 1
        assert self.js("window.__pwned") is None


def _open(browser, tmp_path: Path, result, name: str = "graph.html") -> Page:
    path = tmp_path / name
    path.write_text(render_html(result, entities()), encoding="utf-8")
    return Page(browser, path)


@pytest.fixture
def small(browser, tmp_path):
    page = _open(browser, tmp_path, small_result())
    yield page
    page.page.close()


def test_loads_offline_with_every_node_and_edge(small):
    small.assert_clean()
    net, _ = build_network(small_result(), entities())
    assert small.js("[kg.nodes.length, kg.edges.length]") == [len(net.nodes), len(net.edges)] == [16, 23]
    assert small.page.locator("#kg-panel h2").text_content() == "Conflict clusters"


def test_search_selects_the_speaker(small):
    small.page.fill("#kg-search", "qais al-mohamadawi")
    small.page.press("#kg-search", "Enter")
    assert small.js("kg.network.getSelectedNodes()") == ["p:Qais al-Mohamadawi"]
    assert small.page.locator("#kg-panel h2").text_content() == "Qais al-Mohamadawi"
    assert small.page.locator("#kg-status").text_content() == "1 match"
    small.assert_clean()


def test_clicking_a_claim_shows_its_quote_and_sources(small):
    small.click_node("c:c-b1")
    panel = small.page.locator("#kg-panel")
    assert small.js("kg.network.getSelectedNodes()") == ["c:c-b1"]
    assert panel.locator("h2").text_content() == "5.000 hingga 7.000"
    quote = panel.locator("blockquote").text_content()
    assert quote.startswith("Baghdad (ANTARA) - Seperti dilansir AFP, sebuah laporan PBB menyebut ada 5.000")
    assert panel.locator("blockquote mark").text_content() == "5.000 hingga 7.000"
    text = panel.text_content()
    for expected in ("laporan PBB", "Antara", "AFP", "2023-03-12", "members and supporters",
                     "fighters in Iraq vs members and supporters in Iraq and Syria"):
        assert expected in text
    assert panel.locator("a").get_attribute("href") == "https://www.antaranews.com/berita/isis"
    small.assert_clean()


def test_filters(small):
    everything = {"c:c-a1", "c:c-a2", "c:c-b1", "c:c-b2", "c:c-c1"}
    assert small.visible_claims() == everything
    small.page.select_option("#f-outlet", "o:detik.com")
    assert small.visible_claims() == {"c:c-c1"}
    assert small.js("kg.nodes.get('o:korannews.com').hidden") is True
    assert small.js("kg.nodes.get('o:detik.com').hidden === true") is False
    small.page.select_option("#f-outlet", "")
    small.page.select_option("#f-relation", "conflict")
    assert small.visible_claims() == {"c:c-a1", "c:c-b2"}
    assert small.js("kg.edges.get().filter(e => !e.hidden && e.kind === 'agree').length") == 0
    small.page.select_option("#f-relation", "none")
    assert small.visible_claims() == {"c:c-a2"}
    small.page.select_option("#f-relation", "")
    small.page.select_option("#f-speaker", "p:laporan PBB")
    assert small.visible_claims() == {"c:c-b1", "c:c-b2"}
    small.page.select_option("#f-speaker", "")
    small.page.fill("#f-from", "2023-03-01")
    small.page.dispatch_event("#f-from", "change")
    # The Pejabat AS claim is dated 2023-02, before the range.
    assert small.visible_claims() == everything - {"c:c-c1"}
    small.page.click("#kg-reset")
    assert small.visible_claims() == everything
    small.assert_clean()


def test_focus_this_cluster(small):
    small.click_node("c:c-a1")
    small.page.get_by_role("button", name="Focus this cluster").click()
    assert small.visible_claims() == {"c:c-a1", "c:c-b1", "c:c-b2", "c:c-c1"}
    small.page.locator("#kg-panel").get_by_role("button", name="Show all").click()
    assert len(small.visible_claims()) == 5
    small.assert_clean()


def test_payloads_execute_nothing_and_show_as_text(browser, tmp_path):
    page = _open(browser, tmp_path, payload_result())
    page.assert_clean()
    page.click_node("c:c-e1")
    panel = page.page.locator("#kg-panel")
    assert panel.locator("h2").text_content() == "300"
    text = panel.text_content()
    assert PAYLOAD in text and SCRIPT_PAYLOAD in text  # speaker, subject, reason: as text
    assert panel.locator("img, svg, script").count() == 0
    # The javascript: URL is shown, never linked.
    assert panel.locator("a").first.get_attribute("href") is None
    page.page.fill("#kg-search", PAYLOAD)
    page.page.press("#kg-search", "Enter")
    assert page.page.locator("#kg-panel h2").text_content() == PAYLOAD
    # Hover a claim whose speaker is a payload: the tooltip holds it as text.
    page.js("kg.network.focus('c:c-e2', {scale: 1.3, animation: false})")
    pos = page.js("""() => { const p = kg.network.canvasToDOM(kg.network.getPositions(['c:c-e2'])['c:c-e2']);
        const r = document.querySelector('#kg-network canvas').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""")
    page.page.mouse.move(*pos)
    page.page.wait_for_selector("#kg-tip:not([hidden])", timeout=5000)
    assert SCRIPT_PAYLOAD in page.page.locator("#kg-tip").text_content()
    assert page.page.locator("#kg-tip *").count() == 0
    page.assert_clean()
    page.page.close()


def test_screenshot(small):
    small.click_node("c:c-b2")
    small.js("kg.network.fit({animation: false})")
    small.page.mouse.move(5, 300)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    small.page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000
    small.assert_clean()


def test_large_graph_without_physics(browser, tmp_path):
    result = synthetic_result(1500)
    page = _open(browser, tmp_path, result)
    net, _ = build_network(result, entities())
    assert page.js("[kg.nodes.length, kg.edges.length]") == [len(net.nodes), len(net.edges)]
    assert page.js("kg.network.physics.options.enabled") is False
    # It opens on the leading conflict cluster, not on the whole hairball.
    assert page.js("kg.network.getScale()") == pytest.approx(0.65)
    page.page.select_option("#f-relation", "conflict")
    shown = page.visible_claims()
    conflicting = {f"c:{x}" for k in result.comparisons if k.relation == "conflict" for x in (k.a, k.b)}
    assert shown == conflicting
    page.assert_clean()
    page.page.close()


def test_seed_build(browser, tmp_path):
    from kg.entities import load_entities
    from kg.pipeline import analyse

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    result = analyse([seeds])
    assert result.claims
    path = tmp_path / "seeds.html"
    path.write_text(render_html(result, load_entities()), encoding="utf-8")
    page = Page(browser, path)
    net, _ = build_network(result, load_entities())
    assert page.js("[kg.nodes.length, kg.edges.length]") == [len(net.nodes), len(net.edges)]
    page.assert_clean()
    # The seed graph as a fact-checker first sees it, for a person to look at.
    SEED_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(SEED_SCREENSHOT))
    assert SEED_SCREENSHOT.stat().st_size > 10_000
    page.page.close()
