"""Conflict reports a person can read and cite: Markdown, HTML, CSV and JSON.

One section per cluster of comparable claims, contradictions first. Every figure is cited
with its exact words (the sentence, the figure highlighted) and where they are (document,
character offsets into the original text, URL when known). Article text is untrusted: it is
escaped for Markdown and HTML, and guarded against spreadsheet formulas in CSV.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from typing import Iterable, Sequence

from jinja2 import Environment

from kg.clusters import Cluster, Statement, clusters, source_of
from kg.entities import Entities
from kg.intervals import describe, format_number
from kg.model import RELATIONS, BuildResult, Claim, Document

VERDICT_WORDS = {
    "conflict": "Conflict",
    "differs_scope": "Differs in scope",
    "differs_time": "Differs in time",
    "agree": "Agree",
}
# CommonMark treats a backslash before ASCII punctuation as the literal character, so these
# can neither format text nor open raw HTML in a Markdown viewer.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# Cells starting like a formula run as one when a spreadsheet opens the CSV (OWASP advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def select(result: BuildResult, entities: Entities | None = None, subject: str | None = None,
           relations: Iterable[str] = ()) -> BuildResult:
    """The result with only the comparisons about `subject` and of the given relations."""
    wanted = set(relations) or set(RELATIONS)
    by_id = {c.id: c for c in result.claims}
    target = None
    if subject:
        target = ((entities.canonical(subject) if entities else None) or subject).casefold()

    def keep(comp) -> bool:
        a = by_id.get(comp.a)
        if comp.relation not in wanted or a is None:
            return False
        if target is None:
            return True
        name = (entities.canonical(a.subject) if entities else None) or a.subject or ""
        return name.casefold() == target

    return replace(result, comparisons=tuple(c for c in result.comparisons if keep(c)))


def conflict_count(result: BuildResult) -> int:
    """How many comparisons are outright conflicts."""
    return sum(c.relation == "conflict" for c in result.comparisons)


def _documents(result: BuildResult) -> dict[str, Document]:
    return {d.doc: d for d in result.documents}


def _url(claim: Claim, docs: dict[str, Document]) -> str | None:
    url = claim.url or (docs[claim.doc].url if claim.doc in docs else None)
    # Only web links: a javascript: or data: URL from an article must never become a link.
    return url if url and re.match(r"https?://", url, re.I) else None


def _quote_parts(claim: Claim) -> tuple[str, str, str]:
    """The sentence split around the figure, when the offsets locate it; else (sentence, "", "")."""
    s, q = claim.sentence, claim.quantity
    rel = q.start - claim.sentence_start
    if 0 <= rel and s[rel:rel + len(q.text)] == q.text and q.text:
        return s[:rel], q.text, s[rel + len(q.text):]
    at = s.find(q.text) if q.text else -1
    if at >= 0:
        return s[:at], q.text, s[at + len(q.text):]
    return s, "", ""


def _who(claim: Claim) -> str:
    return claim.speaker or claim.publisher or "(the outlet)"


def _range(cluster: Cluster) -> str:
    lo, hi = format_number(cluster.low), format_number(cluster.high)
    return lo if lo == hi else f"{lo} to {hi}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary(result: BuildResult, groups: Sequence[Cluster]) -> str:
    counts = {r: sum(k.verdict == r for k in groups) for r in RELATIONS}
    return (f"{_count(len(result.documents), 'document')}, {_count(len(result.claims), 'claim')}, "
            f"{_count(len(result.comparisons), 'comparison')} in {_count(len(groups), 'cluster')}: "
            f"{counts['conflict']} with conflicts, "
            f"{counts['differs_scope']} differing in scope, {counts['differs_time']} differing in time, "
            f"{counts['agree']} agreeing.")


# --- Markdown -------------------------------------------------------------------------------

def _md(text: str | None) -> str:
    """Text made inert in Markdown: on one line, special characters backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(text or "")))


def _md_statement(st: Statement) -> str:
    speakers = ", ".join(dict.fromkeys(_who(c) for c in st.claims))
    dates = ", ".join(dict.fromkeys(c.said_on or "unknown" for c in st.claims))
    return (f"| {_md(st.figure)} | {_md(st.measure)} | {_md(st.place or '—')} | {_md(speakers)} | "
            f"{_md(dates)} | {st.support} ({_md(', '.join(st.sources))}) |")


def _md_evidence(claim: Claim, docs: dict[str, Document]) -> str:
    before, fig, after = _quote_parts(claim)
    quote = f"{_md(before)}**{_md(fig)}**{_md(after)}" if fig else _md(before)
    url = _url(claim, docs)
    where = f"{_md(claim.doc)}, characters {claim.start}–{claim.end}"
    if url:
        where += f", <{url.replace('>', '%3E').replace(' ', '%20')}>"
    return f"- `{claim.id}` ({_md(_who(claim))}): “{quote}” — {where}"


def conflicts_markdown(result: BuildResult, entities: Entities | None = None) -> str:
    """The conflict report in Markdown: a summary, then one section per cluster, conflicts first."""
    groups = clusters(result.claims, result.comparisons)
    docs = _documents(result)
    lines = ["# Conflicting figures", "", _summary(result, groups), ""]
    if not groups:
        lines += ["No two claims were comparable.", ""]
    else:
        lines += ["| # | Verdict | Subject | Measures | Figures | Claims |", "|---|---|---|---|---|---|"]
        lines += [f"| {n} | {VERDICT_WORDS[k.verdict]} | {_md(k.subject)} | {_md(k.measure)} | "
                  f"{_md(_range(k))} | {len(k.claims)} |" for n, k in enumerate(groups, 1)]
        lines.append("")
    for n, k in enumerate(groups, 1):
        counts = ", ".join(f"{v} {VERDICT_WORDS[r].lower()}" for r, v in k.counts.items() if v)
        lines += [
            f"## {n}. {VERDICT_WORDS[k.verdict]}: {_md(k.subject)} — {_md(k.measure)}", "",
            f"Figures from {_md(_range(k))} (unit: {_md(k.unit)}) in {_count(len(k.claims), 'claim')} from "
            f"{_count(len({c.doc for c in k.claims}), 'document')}. Verdicts: {counts}.", "",
            "### Who says what", "",
            "| Figure | Measure | Place | Said by | Said on | Independent sources |",
            "|---|---|---|---|---|---|",
            *(_md_statement(st) for st in k.statements), "",
            "### Verdicts", "",
            *(f"- **{VERDICT_WORDS.get(c.relation, _md(c.relation))}** (`{_md(c.a)}` ~ `{_md(c.b)}`): "
              f"{_md(c.reason)}" for c in k.comparisons), "",
            "### Evidence", "",
            *(_md_evidence(c, docs) for c in k.claims), "",
        ]
    return "\n".join(lines)


# --- HTML -----------------------------------------------------------------------------------

_HTML = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True).from_string("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conflicting figures</title>
<style>
body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}section{border-top:3px solid #ddd;margin-top:2rem}
.v-conflict{color:#a40000}.v-differs_scope{color:#8a5a00}.v-differs_time{color:#00559a}.v-agree{color:#2d6a2d}
mark{background:#ffe28a}blockquote{margin:.2rem 0 .8rem 1rem;padding-left:.6rem;border-left:3px solid #ccc}
.where{color:#555;font-size:.9em}code{background:#f3f3f3;padding:0 .2rem}
</style>
</head>
<body>
<h1>Conflicting figures</h1>
<p>{{ summary }}</p>
{% if not clusters %}<p>No two claims were comparable.</p>{% else %}
<table><thead><tr><th>#</th><th>Verdict</th><th>Subject</th><th>Measures</th><th>Figures</th><th>Claims</th></tr></thead><tbody>
{% for k in clusters %}
<tr><td><a href="#{{ k.id }}">{{ loop.index }}</a></td><td class="v-{{ k.verdict }}">{{ words[k.verdict] }}</td><td>{{ k.subject }}</td><td>{{ k.measure }}</td><td>{{ k.range }}</td><td>{{ k.claims|length }}</td></tr>
{% endfor %}
</tbody></table>
{% endif %}
{% for k in clusters %}
<section id="{{ k.id }}">
<h2>{{ loop.index }}. <span class="v-{{ k.verdict }}">{{ words[k.verdict] }}</span>: {{ k.subject }} — {{ k.measure }}</h2>
<p>Figures from {{ k.range }} (unit: {{ k.unit }}) in {{ k.nclaims }} from {{ k.ndocs }}. Verdicts: {{ k.counts }}.</p>
<h3>Who says what</h3>
<table><thead><tr><th>Figure</th><th>Measure</th><th>Place</th><th>Said by</th><th>Said on</th><th>Independent sources</th></tr></thead><tbody>
{% for s in k.statements %}
<tr><td>{{ s.figure }}</td><td>{{ s.measure }}</td><td>{{ s.place or "—" }}</td><td>{{ s.speakers }}</td><td>{{ s.dates }}</td><td>{{ s.support }} ({{ s.sources }})</td></tr>
{% endfor %}
</tbody></table>
<h3>Verdicts</h3>
<ul>
{% for c in k.comparisons %}
<li><strong class="v-{{ c.relation }}">{{ words.get(c.relation, c.relation) }}</strong> (<code>{{ c.a }}</code> ~ <code>{{ c.b }}</code>): {{ c.reason }}</li>
{% endfor %}
</ul>
<h3>Evidence</h3>
{% for e in k.evidence %}
<p id="{{ k.id }}-{{ loop.index }}"><code>{{ e.id }}</code> {{ e.who }}</p>
<blockquote>{{ e.before }}{% if e.figure %}<mark>{{ e.figure }}</mark>{% endif %}{{ e.after }}</blockquote>
<p class="where">{{ e.doc }}, characters {{ e.start }}–{{ e.end }}{% if e.url %}, <a href="{{ e.url }}" rel="noopener noreferrer">{{ e.url }}</a>{% endif %}</p>
{% endfor %}
</section>
{% endfor %}
</body>
</html>
""")


def conflicts_html(result: BuildResult, entities: Entities | None = None) -> str:
    """The conflict report as one self-contained HTML page (no scripts, no external assets)."""
    groups = clusters(result.claims, result.comparisons)
    docs = _documents(result)
    view = []
    for k in groups:
        evidence = []
        for c in k.claims:
            before, fig, after = _quote_parts(c)
            evidence.append(dict(id=c.id, who=_who(c), before=before, figure=fig, after=after,
                                 doc=c.doc, start=c.start, end=c.end, url=_url(c, docs)))
        statements = [dict(figure=s.figure, measure=s.measure, place=s.place, support=s.support,
                           sources=", ".join(s.sources),
                           speakers=", ".join(dict.fromkeys(_who(c) for c in s.claims)),
                           dates=", ".join(dict.fromkeys(c.said_on or "unknown" for c in s.claims)))
                      for s in k.statements]
        counts = ", ".join(f"{v} {VERDICT_WORDS[r].lower()}" for r, v in k.counts.items() if v)
        view.append(dict(id=k.id, verdict=k.verdict, subject=k.subject, measure=k.measure, unit=k.unit,
                         range=_range(k), claims=k.claims, nclaims=_count(len(k.claims), "claim"),
                         ndocs=_count(len({c.doc for c in k.claims}), "document"),
                         counts=counts, statements=statements, comparisons=k.comparisons,
                         evidence=evidence))
    return _HTML.render(summary=_summary(result, groups), clusters=view, words=VERDICT_WORDS)


# --- CSV and JSON ---------------------------------------------------------------------------

_SIDE = ("id", "figure", "figure_text", "low", "high", "qualifier", "unit", "measure", "place", "speaker",
         "publisher", "via", "said_on", "event_on", "doc", "start", "end", "url", "sentence")


def _side(c: Claim, docs: dict[str, Document]) -> list:
    q = c.quantity
    return [c.id, describe(q), q.text, q.low, q.high, q.qualifier, q.unit, c.measure, c.place, c.speaker,
            c.publisher, c.via, c.said_on, c.event_on, c.doc, c.start, c.end, _url(c, docs), c.sentence]


def _cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def conflicts_csv(result: BuildResult, entities: Entities | None = None) -> str:
    """One row per comparison: cluster, verdict, both claims with their evidence, and the reason."""
    docs = _documents(result)
    by_id = {c.id: c for c in result.claims}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["cluster", "relation", "subject", *(f"a_{f}" for f in _SIDE),
                     *(f"b_{f}" for f in _SIDE), "reason"])
    for k in clusters(result.claims, result.comparisons):
        for comp in k.comparisons:
            row = [k.id, comp.relation, k.subject, *_side(by_id[comp.a], docs), *_side(by_id[comp.b], docs),
                   comp.reason]
            writer.writerow([_cell(v) for v in row])
    return buf.getvalue()


def _claim_json(c: Claim, docs: dict[str, Document]) -> dict:
    q = c.quantity
    return {"id": c.id, "doc": c.doc, "span": [c.start, c.end], "figure": q.text, "figure_words": describe(q),
            "low": q.low, "high": q.high, "qualifier": q.qualifier, "unit": q.unit, "currency": q.currency,
            "measure": c.measure, "place": c.place, "speaker": c.speaker, "publisher": c.publisher,
            "via": c.via, "source": source_of(c), "said_on": c.said_on, "event_on": c.event_on,
            "url": _url(c, docs), "text": c.sentence}


def conflicts_json(result: BuildResult, entities: Entities | None = None) -> str:
    """The clusters with their statements, verdicts and cited claims, as a JSON document."""
    docs = _documents(result)
    groups = clusters(result.claims, result.comparisons)
    out = {
        "summary": _summary(result, groups),
        "clusters": [{
            "id": k.id, "verdict": k.verdict, "subject": k.subject, "measures": k.measure, "unit": k.unit,
            "low": k.low, "high": k.high, "counts": k.counts,
            "statements": [{"figure": s.figure, "measure": s.measure, "place": s.place, "low": s.low,
                            "high": s.high, "support": s.support, "sources": list(s.sources),
                            "claims": [c.id for c in s.claims]} for s in k.statements],
            "comparisons": [{"a": c.a, "b": c.b, "relation": c.relation, "reason": c.reason}
                            for c in k.comparisons],
            "claims": [_claim_json(c, docs) for c in k.claims],
        } for k in groups],
    }
    return json.dumps(out, ensure_ascii=False, indent=2)


# The report writers by `--format` name.
REPORTERS = {"md": conflicts_markdown, "html": conflicts_html, "csv": conflicts_csv, "json": conflicts_json}
