"""The interactive claim graph: one self-contained HTML file that requests nothing from any host.

pyvis's Network holds the nodes and edges; the page comes from our own template, because
pyvis 0.3.2's loads Bootstrap and vis-network from a CDN and can put article text into
innerHTML (DESIGN.md, "The HTML graph"). Article text reaches the page only as JSON inside a
<script type="application/json"> block with every "<" escaped, and graph.js puts it into the
DOM as text nodes. A Content-Security-Policy allows only our own inline scripts (by hash), so
an event-handler attribute that slipped through would still not run.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import defaultdict
from importlib.resources import files
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup
from pyvis.network import Network

from kg.clusters import clusters as comparison_clusters
from kg.entities import Entities
from kg.errors import KgError
from kg.layout import Region, layout
from kg.model import RELATIONS, BuildResult, Claim, Comparison, Document

PHYSICS_MAX_NODES = 300  # above this, positions from kg.layout are final and physics stays off
LABEL_MAX = 36  # characters of a title or name shown on the canvas; the side panel shows all

# vis-network groups (node looks); the legend is drawn from the same table.
NODE_GROUPS: dict[str, dict[str, Any]] = {
    "claim": {"legend": "claim (its figure)", "shape": "box", "margin": 6,
              "color": {"background": "#e8f1fb", "border": "#5b8def",
                        "highlight": {"background": "#cfe2fb", "border": "#1f4fbf"}}},
    "conflict": {"legend": "claim in a conflict", "shape": "box", "margin": 6, "borderWidth": 2,
                 "color": {"background": "#fde2e1", "border": "#d62728",
                           "highlight": {"background": "#fbc5c3", "border": "#8c1a1b"}}},
    "speaker": {"legend": "speaker", "shape": "dot", "size": 12, "color": "#9467bd"},
    "document": {"legend": "article", "shape": "square", "size": 9, "color": "#8a8a8a",
                 "font": {"size": 12, "color": "#555"}},
    "outlet": {"legend": "outlet", "shape": "diamond", "size": 13, "color": "#17a2b8"},
    "agency": {"legend": "agency (relayed from)", "shape": "triangle", "size": 13, "color": "#8c564b"},
    "subject": {"legend": "subject", "shape": "star", "size": 24, "color": "#f2b705",
                "font": {"size": 18}},
}
STRUCTURAL = ("said-by", "published-in", "relayed-from", "about")
# "length" is the spring's rest length when physics lays out a small graph: the subject hub
# links to every claim about it, so its edges are long, or it would crush the rest together.
EDGE_KINDS: dict[str, dict[str, Any]] = {
    "said-by": {"color": "#c5b3e0", "width": 1, "length": 110},
    "published-in": {"color": "#c8c8c8", "width": 1, "length": 130},
    "relayed-from": {"color": "#c49c94", "width": 1, "length": 150},
    "about": {"color": "#f3dc8c", "width": 1, "length": 320},
    "conflict": {"color": "#d62728", "width": 4, "length": 160},
    "differs_scope": {"color": "#ff7f0e", "width": 3, "dashes": True, "length": 160},
    "differs_time": {"color": "#1f77b4", "width": 3, "dashes": True, "length": 160},
    "agree": {"color": "#2ca02c", "width": 2, "length": 160},
}


def _short(text: str, limit: int = LABEL_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _num(x: float) -> float | None:
    """JSON has no infinity: an open interval end is sent as null."""
    return x if math.isfinite(x) else None


def _mark(claim: Claim) -> list[int] | None:
    """Where the figure lies in the claim's sentence, for the highlight in the side panel."""
    q, s = claim.quantity, claim.sentence
    start = q.start - claim.sentence_start
    if 0 <= start and s[start:start + len(q.text)] == q.text and q.text:
        return [start, start + len(q.text)]
    found = s.find(q.text) if q.text else -1
    return [found, found + len(q.text)] if found >= 0 else None


class _Builder:
    """Collects nodes (deduplicated by id) and edges, and what the side panel shows of each."""

    def __init__(self, entities: Entities):
        self.entities = entities
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: list[dict[str, Any]] = []
        self.links: dict[str, list[str]] = defaultdict(list)  # node -> linked nodes, for layout

    def node(self, prefix: str, name: str, group: str, label: str | None = None) -> str:
        node_id = f"{prefix}:{name}"
        if node_id not in self.nodes:
            self.nodes[node_id] = {"id": node_id, "label": label or _short(name), "group": group,
                                   "name": name}
        return node_id

    def entity(self, prefix: str, name: str, group: str) -> str:
        return self.node(prefix, self.entities.canonical(name) or " ".join(name.split()), group)

    def edge(self, src: str, dst: str, kind: str, **extra: Any) -> None:
        self.edges.append({"id": f"e{len(self.edges)}", "from": src, "to": dst, "kind": kind, **extra})
        self.links[dst].append(src)
        self.links[src].append(dst)


def _clusters(claims: tuple[Claim, ...], comparisons: list[Comparison]) -> list[dict[str, Any]]:
    """The clusters of compared claims (kg.clusters: the most severe first) as the page needs them."""
    return [{"label": " · ".join(x for x in (k.subject, k.measure) if x) or "unnamed",
             "claims": [f"c:{c.id}" for c in k.claims], **k.counts}
            for k in comparison_clusters(claims, comparisons)]


def _claim_info(c: Claim, doc: Document | None, publisher: str | None) -> dict[str, Any]:
    """What the side panel, the tooltip and the filters know of one claim."""
    q = c.quantity
    published = doc.published if doc else None
    return {
        "figure": q.text, "sentence": c.sentence, "mark": _mark(c), "qualifier": q.qualifier,
        "low": _num(q.low), "high": _num(q.high), "unit": q.unit, "currency": q.currency,
        "speaker": c.speaker, "outlet": publisher,
        "agency": c.via or (", ".join(doc.via) if doc and doc.via else None),
        "saidOn": c.said_on, "eventOn": c.event_on, "published": published, "date": c.said_on or published,
        "subject": c.subject, "measure": c.measure, "place": c.place,
        "url": c.url or (doc.url if doc else None), "doc": c.doc,
    }


def build_network(result: BuildResult, entities: Entities) -> tuple[Network, dict[str, Any]]:
    """The graph as a pyvis Network (nodes/edges with positions) and the side-panel data."""
    b = _Builder(entities)
    docs = {d.doc: d for d in result.documents}
    claims = {c.id: c for c in result.claims}
    comparisons = [k for k in result.comparisons if k.a in claims and k.b in claims and k.a != k.b]
    in_conflict = {x for k in comparisons if k.relation == "conflict" for x in (k.a, k.b)}
    doc_info: dict[str, dict[str, Any]] = {}

    def document(name: str, doc: Document | None) -> str:
        title = doc.title if doc and doc.title else None
        node_id = b.node("d", name, "document", _short(title or name))
        if node_id not in doc_info:
            b.nodes[node_id]["name"] = title or name
            doc_info[node_id] = {"doc": name, "title": title, "url": doc.url if doc else None,
                                 "published": doc.published if doc else None}
            if doc and doc.publisher:
                b.edge(node_id, b.entity("o", doc.publisher, "outlet"), "published-in")
            for via in doc.via if doc else ():
                b.edge(node_id, b.entity("o", via, "agency"), "relayed-from")
        return node_id

    for d in result.documents:
        document(d.doc, d)
    info: dict[str, dict[str, Any]] = {}
    for c in result.claims:
        doc = docs.get(c.doc)
        cid = b.node("c", c.id, "conflict" if c.id in in_conflict else "claim", _short(c.quantity.text, 28))
        b.nodes[cid]["name"] = c.quantity.text
        dn = document(c.doc, doc)
        b.edge(cid, dn, "published-in")
        sp = b.entity("p", c.speaker, "speaker") if c.speaker else None
        if sp:
            b.edge(cid, sp, "said-by")
        su = b.node("s", c.subject, "subject") if c.subject else None
        if su:
            b.edge(cid, su, "about")
        ag = b.entity("o", c.via, "agency") if c.via else None
        if ag and ag not in {b.entity("o", v, "agency") for v in (doc.via if doc else ())}:
            b.edge(cid, ag, "relayed-from")
        publisher = c.publisher or (doc.publisher if doc else None)
        ou = b.entity("o", publisher, "outlet") if publisher else None
        info[cid] = {**_claim_info(c, doc, publisher), "sp": sp, "su": su, "dn": dn, "ou": ou}
    for k in comparisons:
        b.edge(f"c:{k.a}", f"c:{k.b}", k.relation, reason=k.reason)
    # An organization that anyone relays from is shown as an agency, whatever else it does.
    relayed = {e["to"] for e in b.edges if e["kind"] == "relayed-from"}
    for node in b.nodes.values():
        if node["id"] in relayed or (node["group"] == "outlet" and entities.kind(node["name"]) == "agency"):
            node["group"] = "agency"

    clusters = _clusters(result.claims, comparisons)
    for index, cluster in enumerate(clusters):
        for cid in cluster["claims"]:
            info[cid]["cluster"] = index
    _position(b, result.claims, clusters)

    net = Network(directed=True)
    net.nodes = list(b.nodes.values())
    net.edges = b.edges

    def options(key: str) -> list[tuple[str, str]]:
        ids = {i[key] for i in info.values() if i[key]}
        return sorted(((n, b.nodes[n]["name"]) for n in ids), key=lambda o: (o[1].casefold(), o[0]))

    filters = {"subject": options("su"), "speaker": options("sp"), "outlet": options("ou")}
    return net, {"claims": info, "docs": doc_info, "clusters": clusters, "filters": filters}


def _position(b: _Builder, claims: tuple[Claim, ...], clusters: list[dict[str, Any]]) -> None:
    """Set x, y on every node: the conflict clusters first, then one region per subject."""
    clustered = {cid for c in clusters for cid in c["claims"]}
    regions: dict[str | None, dict[str, list]] = {}

    def region(cid: str) -> dict[str, list]:
        subject = next((x for x in b.links[cid] if x.startswith("s:")), None)
        return regions.setdefault(subject, {"clusters": [], "loose": []})

    for c in clusters:
        if not c["conflict"]:
            region(c["claims"][0])["clusters"].append(c["claims"])
    for c in claims:
        if f"c:{c.id}" not in clustered:
            region(f"c:{c.id}")["loose"].append(f"c:{c.id}")
    # The conflict clusters lead (top left, where the page first looks), whatever their subject.
    leading = [c["claims"] for c in clusters if c["conflict"]]
    order = [Region(None, leading)] if leading else []
    order += [Region(s, r["clusters"], r["loose"]) for s, r in regions.items()]
    attached = {n: b.links[n] for n in b.nodes if not n.startswith("c:") and n not in regions}
    # Documents before outlets and agencies: those sit near their documents.
    attached = dict(sorted(attached.items(), key=lambda kv: kv[0].startswith("o:")))
    for node_id, (x, y) in layout(order, attached).items():
        b.nodes[node_id]["x"], b.nodes[node_id]["y"] = x, y


def _only_subject(result: BuildResult, entities: Entities, subject: str) -> BuildResult:
    want = (entities.canonical(subject) or subject.strip()).casefold()
    claims = tuple(c for c in result.claims
                   if c.subject and (entities.canonical(c.subject) or c.subject).casefold() == want)
    if not claims:
        known = sorted({c.subject for c in result.claims if c.subject})
        raise KgError(f"no claim is about {subject!r}; subjects in this build: "
                      f"{', '.join(known[:30]) or 'none'}; pass one of them to --subject")
    ids = {c.id for c in claims}
    names = {c.doc for c in claims}
    return BuildResult(tuple(d for d in result.documents if d.doc in names), claims,
                       tuple(k for k in result.comparisons if k.a in ids and k.b in ids), result.errors)


def script_json(data: Any) -> Markup:
    """JSON safe inside a <script> element: no raw "<", ">" or "&", so no "</script>" either."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _asset(package: str, path: str, closing: str) -> str:
    """A trusted JS/CSS file to inline; refused if it could end its own element early."""
    text = (files(package) / path).read_text(encoding="utf-8")
    if closing in text.lower() or "<!--" in text:
        raise KgError(f"{package}/{path} contains {closing!r} or '<!--' and cannot be inlined; "
                      "reinstall the package")
    return text


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_html(result: BuildResult, entities: Entities, subject: str | None = None) -> str:
    """The whole interactive graph page, every asset inlined (for out/graph.html)."""
    if subject:
        result = _only_subject(result, entities, subject)
    net, extra = build_network(result, entities)
    physics = len(net.nodes) <= PHYSICS_MAX_NODES
    data = {"nodes": net.nodes, "edges": net.edges, "physics": physics,
            "groups": {g: {k: v for k, v in s.items() if k != "legend"} for g, s in NODE_GROUPS.items()},
            "edgeKinds": EDGE_KINDS, "structural": list(STRUCTURAL), **extra}
    vis_js = _asset("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js", "</script")
    app_js = _asset("kg", "templates/graph.js", "</script")
    env = Environment(loader=PackageLoader("kg", "templates"), autoescape=True)
    title = f"Claims about {subject}" if subject else "Claim graph"
    return env.get_template("graph.html.j2").render(
        title=title, data=script_json(data), vis_js=Markup(vis_js), app_js=Markup(app_js),
        css=Markup(_asset("kg", "templates/graph.css", "</style")),
        csp_scripts=Markup(" ".join(_csp_hash(s) for s in (vis_js, app_js))),
        node_groups=NODE_GROUPS, edge_kinds=EDGE_KINDS, relations=RELATIONS,
        counts={"claims": len(result.claims), "documents": len(result.documents),
                "comparisons": sum(1 for e in net.edges if e["kind"] in RELATIONS),
                "conflicts": sum(1 for e in net.edges if e["kind"] == "conflict")},
    )
