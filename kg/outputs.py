"""Every output of `kg build`: claims.json, kg.ttl, the store, graph.html, conflict reports."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kg.entities import Entities
from kg.io import write_atomic
from kg.model import BuildResult, Claim, Document


def _number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 6)


def document_json(d: Document) -> dict[str, Any]:
    """One document's entry of claims.json (its text stays in the source file)."""
    return {"doc": d.doc, "path": d.path, "title": d.title, "publisher": d.publisher,
            "published": d.published, "url": d.url, "language": d.language, "via": list(d.via),
            "dateline": d.dateline, "kept": [list(s) for s in d.kept]}


def claim_json(c: Claim) -> dict[str, Any]:
    """One claim's entry of claims.json, in the fields shared/gold/README.md describes."""
    q = c.quantity
    return {
        "id": c.id, "doc": c.doc, "span": [q.start, q.end], "text": c.sentence,
        "sentence_span": [c.sentence_start, c.sentence_end],
        "figure": q.text, "low": _number(q.low), "high": _number(q.high),
        "qualifier": q.qualifier, "unit": q.unit, "currency": q.currency, "noun": q.noun,
        "subject": c.subject, "subject_inferred": c.subject_inferred, "measure": c.measure, "action": c.action, "place": c.place,
        "speaker": c.speaker, "speaker_type": c.speaker_type, "said_on": c.said_on,
        "event_on": c.event_on, "is_event": c.is_event, "is_part": c.is_part, "via": c.via, "same_as": c.same_as,
        "publisher": c.publisher, "url": c.url,
    }


def claims_json(result: BuildResult) -> str:
    """The whole claims.json export of a build."""
    data = {
        "documents": [document_json(d) for d in result.documents],
        "claims": [claim_json(c) for c in result.claims],
        "comparisons": [{"a": x.a, "b": x.b, "relation": x.relation, "reason": x.reason}
                        for x in result.comparisons],
        "errors": list(result.errors),
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_outputs(result: BuildResult, out_dir: Path, entities: Entities, store: str | None = None) -> None:
    """Write claims.json, kg.ttl, the store, graph.html, conflicts.md and conflicts.html."""
    from kg import html, rdf, report
    from kg import store as stores

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    dataset = rdf.build_dataset(result, entities)
    # Every file is complete before it replaces the old one, so a failed build leaves no half-file.
    write_atomic(out_dir / "claims.json", claims_json(result))
    write_atomic(out_dir / "kg.ttl", rdf.to_turtle(dataset))
    stores.save(dataset, store or out_dir / "store")
    write_atomic(out_dir / "graph.html", html.render_html(result, entities))
    write_atomic(out_dir / "conflicts.md", report.conflicts_markdown(result, entities))
    write_atomic(out_dir / "conflicts.html", report.conflicts_html(result, entities))
