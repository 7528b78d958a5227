"""networkx views of compared claims: the claim graph and clusters of comparable claims.

A cluster is a connected component of the comparison edges (all within one comparison key,
since claims are only compared within a key). For each cluster: the range of figures, the
distinct statements (who says what) and the support of each, counted by independent sources:
a claim relayed from an agency counts as that agency (an AFP report relayed by three outlets
counts once), otherwise as its outlet (restatements in one document count once).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import networkx as nx

from kg.intervals import describe
from kg.model import RELATIONS, Claim, Comparison

# The order clusters and verdicts are reported in: contradictions first.
SEVERITY = {"conflict": 0, "differs_scope": 1, "differs_time": 2, "agree": 3}


@dataclass(frozen=True)
class Statement:
    """One figure stated about one measure and place, with every claim that states it."""

    figure: str  # in plain words: "about 500"
    measure: str
    place: str | None
    low: float
    high: float
    claims: tuple[Claim, ...]
    sources: tuple[str, ...]  # independent sources: agency when relayed, else outlet

    @property
    def support(self) -> int:
        """How many independent sources state this figure."""
        return len(self.sources)


@dataclass(frozen=True)
class Cluster:
    """Claims linked by comparisons: their figures, statements and verdicts."""

    id: str
    subject: str
    measure: str
    unit: str
    claims: tuple[Claim, ...]
    comparisons: tuple[Comparison, ...]
    statements: tuple[Statement, ...]

    @property
    def verdict(self) -> str:
        """The most severe relation in the cluster (conflict first)."""
        return min((c.relation for c in self.comparisons), key=SEVERITY.get, default="agree")

    @property
    def counts(self) -> dict[str, int]:
        """How many comparisons of each relation."""
        out = dict.fromkeys(RELATIONS, 0)
        for c in self.comparisons:
            out[c.relation] = out.get(c.relation, 0) + 1
        return out

    @property
    def low(self) -> float:
        """The smallest figure stated in the cluster."""
        return min(c.quantity.low for c in self.claims)

    @property
    def high(self) -> float:
        """The largest figure stated in the cluster."""
        return max(c.quantity.high for c in self.claims)


def source_of(claim: Claim) -> str:
    """The independent source a claim counts as: its agency, else its outlet, else its document."""
    return claim.via or claim.publisher or claim.doc


def claim_graph(claims: Sequence[Claim], comparisons: Iterable[Comparison] = ()) -> nx.MultiDiGraph:
    """A graph of claims, speakers, outlets, agencies, documents and subjects, with comparisons.

    Node ids are `kind:name` ("claim:c-12", "speaker:PBB", "outlet:korannews.com"); every node
    has `kind` and `label`; comparison edges run claim -> claim with `relation` and `reason`.
    """
    g = nx.MultiDiGraph()

    def node(kind: str, name: str) -> str:
        nid = f"{kind}:{name}"
        if nid not in g:
            g.add_node(nid, kind=kind, label=name)
        return nid

    for c in claims:
        cid = node("claim", c.id)
        g.nodes[cid].update(label=c.quantity.text, figure=describe(c.quantity), measure=c.measure)
        doc = node("document", c.doc)
        g.add_edge(cid, doc, kind="appears_in")
        if c.publisher and not g.has_edge(doc, f"outlet:{c.publisher}"):
            g.add_edge(doc, node("outlet", c.publisher), kind="published_by")
        if c.speaker:
            g.add_edge(cid, node("speaker", c.speaker), kind="said_by")
        if c.via:
            g.add_edge(cid, node("agency", c.via), kind="via")
        if c.subject:
            g.add_edge(cid, node("subject", c.subject), kind="about")
    for comp in comparisons:
        g.add_edge(f"claim:{comp.a}", f"claim:{comp.b}", kind="comparison",
                   relation=comp.relation, reason=comp.reason)
    return g


def _statements(claims: Sequence[Claim]) -> tuple[Statement, ...]:
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        groups.setdefault((describe(c.quantity), c.measure or "", c.place), []).append(c)
    out = []
    for (figure, measure, place), members in groups.items():
        sources = tuple(dict.fromkeys(source_of(c) for c in members))
        q = members[0].quantity
        out.append(Statement(figure, measure, place, q.low, q.high, tuple(members), sources))
    return tuple(sorted(out, key=lambda s: (s.low, s.high, s.figure)))


def clusters(claims: Sequence[Claim], comparisons: Sequence[Comparison]) -> list[Cluster]:
    """Clusters of compared claims, the most severe first, then the largest."""
    by_id = {c.id: c for c in claims}
    order = {c.id: i for i, c in enumerate(claims)}
    g = nx.Graph()
    for comp in comparisons:
        if comp.a in by_id and comp.b in by_id:
            g.add_edge(comp.a, comp.b)
    edges: dict[str, list[Comparison]] = {}
    component_of: dict[str, int] = {}
    parts = [sorted(part, key=order.__getitem__) for part in nx.connected_components(g)]
    for i, part in enumerate(parts):
        for cid in part:
            component_of[cid] = i
    for comp in comparisons:
        if comp.a in component_of:
            edges.setdefault(component_of[comp.a], []).append(comp)
    out = []
    for i, part in enumerate(parts):
        members = tuple(by_id[cid] for cid in part)
        first = members[0]
        comps = tuple(sorted(edges[i], key=lambda c: SEVERITY.get(c.relation, 9)))
        out.append(Cluster("", first.subject or "", _family(members), first.quantity.unit,
                           members, comps, _statements(members)))
    out.sort(key=lambda k: (SEVERITY.get(k.verdict, 9), -len(k.claims), order[k.claims[0].id]))
    return [Cluster(f"cluster-{n}", k.subject, k.measure, k.unit, k.claims, k.comparisons, k.statements)
            for n, k in enumerate(out, 1)]


def _family(claims: Sequence[Claim]) -> str:
    """The measures of a cluster in words: the shortest is usually the broadest."""
    measures = list(dict.fromkeys(c.measure for c in claims if c.measure))
    return ", ".join(sorted(measures, key=lambda m: (len(m), m))) if measures else ""
