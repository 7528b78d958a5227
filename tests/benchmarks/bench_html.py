"""How fast a 5,000-claim graph renders in Python and becomes interactive in headless Chromium.

Run: python tests/benchmarks/bench_html.py [N_CLAIMS]   (target: interactive in <= 2 s)
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for html_fixtures

from html_fixtures import entities, synthetic_result  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from kg.html import render_html  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


def main(n_claims: int = 5000) -> None:
    """Print the render time, the size, and the browser timings."""
    result = synthetic_result(n_claims)
    t0 = time.perf_counter()
    html = render_html(result, entities())
    t_render = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        path = Path(tmp) / "graph.html"
        path.write_text(html, encoding="utf-8")
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60000)
        t_ready = time.perf_counter() - t0
        counts = page.evaluate("[kg.nodes.length, kg.edges.length]")
        marks = page.evaluate(
            "Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))")
        nav = page.evaluate("performance.getEntriesByType('navigation')[0].toJSON()")
        # Responsiveness, timed inside the page: a filter change and a search, each to its next frame.
        timed = """async ([sel, value, event]) => {
            const t = performance.now();
            const el = document.querySelector(sel);
            el.value = value;
            el.dispatchEvent(event === 'change' ? new Event('change')
                                                : new KeyboardEvent('keydown', {key: 'Enter'}));
            await new Promise(r => requestAnimationFrame(() => r()));
            return (performance.now() - t) / 1000; }"""
        t_filter = page.evaluate(timed, ["#f-relation", "conflict", "change"])
        t_unfilter = page.evaluate(timed, ["#f-relation", "", "change"])
        t_search = page.evaluate(timed, ["#kg-search", "Speaker 7", "keydown"])
        browser.close()
    print(f"claims={n_claims} nodes={counts[0]} edges={counts[1]} html={len(html) / 1e6:.1f}MB")
    phases = {"html parsed": nav["domInteractive"], **{k[3:]: v for k, v in marks.items()}}
    print("in page (ms from navigation start): " + " ".join(f"{k}={v:.0f}" for k, v in phases.items()))
    print(f"render_html={t_render:.2f}s interactive={t_ready:.2f}s filter={t_filter:.2f}s unfilter={t_unfilter:.2f}s search={t_search:.2f}s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
