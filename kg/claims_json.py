"""Reading a build's claims.json back into a BuildResult (for `kg conflicts`)."""
from __future__ import annotations

import json
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from kg.compare import compare_claims
from kg.entities import Entities, load_entities
from kg.errors import KgError
from kg.model import BuildResult, Claim, Comparison, Document, Quantity

_CLAIM_FIELDS = {f.name for f in fields(Claim)} - {"quantity", "sentence", "sentence_start", "sentence_end"}
_DOC_FIELDS = {f.name for f in fields(Document)} - {"text", "via", "kept"}


def _document(raw: dict[str, Any]) -> Document:
    kwargs = {k: raw[k] for k in _DOC_FIELDS if k in raw}
    kwargs.setdefault("path", raw.get("doc", ""))
    return Document(
        text="", via=tuple(raw.get("via") or ()),
        kept=tuple(tuple(span) for span in raw.get("kept") or ()), **kwargs,
    )


def _claim(raw: dict[str, Any]) -> Claim:
    span = raw.get("span") or [raw.get("start", 0), raw.get("end", 0)]
    low = float(raw["low"])
    high = float(raw["high"]) if raw.get("high") is not None else low
    quantity = Quantity(
        text=str(raw.get("figure") or raw["low"]), start=int(span[0]), end=int(span[1]), low=low,
        high=high, qualifier=raw.get("qualifier") or "exact", unit=raw.get("unit") or "count",
        currency=raw.get("currency"), noun=raw.get("noun"),
    )
    sentence = raw.get("text") or raw.get("sentence") or ""
    sentence_span = raw.get("sentence_span") or [raw.get("sentence_start") or 0, raw.get("sentence_end")]
    kwargs = {k: raw[k] for k in _CLAIM_FIELDS if k in raw}
    kwargs["id"], kwargs["doc"] = str(raw["id"]), str(raw["doc"])
    kwargs["is_event"] = bool(raw.get("is_event", False))
    return Claim(
        quantity=quantity, sentence=sentence,
        sentence_start=int(sentence_span[0]),
        sentence_end=int(sentence_span[1] if sentence_span[1] is not None else sentence_span[0] + len(sentence)),
        **kwargs,
    )


def result_from_json(data: Any, where: str = "claims.json") -> BuildResult:
    """A BuildResult from the parsed claims.json object; KgError naming the bad entry."""
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise KgError(f"{where}: expected a JSON object with a \"claims\" list; give the claims.json of a `kg build`")
    docs, claims, comps = [], [], []
    for kind, items, make, out in (
        ("documents", data.get("documents") or [], _document, docs),
        ("claims", data["claims"], _claim, claims),
        ("comparisons", data.get("comparisons") or [], _comparison, comps),
    ):
        for i, raw in enumerate(items):
            try:
                out.append(make(raw))
            except (KeyError, TypeError, ValueError, IndexError) as exc:
                raise KgError(f"{where}: {kind}[{i}] is malformed ({exc!r}); "
                              f"regenerate the file with `kg build`") from exc
    return BuildResult(tuple(docs), tuple(claims), tuple(comps), tuple(data.get("errors") or ()))


def _comparison(raw: dict[str, Any]) -> Comparison:
    return Comparison(str(raw["a"]), str(raw["b"]), str(raw["relation"]), str(raw.get("reason") or ""))


def load_result(path: Path, entities: Entities | None = None) -> BuildResult:
    """Read a build's claims.json; when it has no "comparisons" list, compare its claims afresh."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KgError(f"{path}: no such file; run `kg build` first or pass --from PATH") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KgError(f"{path}: not a readable JSON file ({exc}); regenerate it with `kg build`") from exc
    result = result_from_json(data, str(path))
    if isinstance(data, dict) and "comparisons" not in data:
        comparisons = compare_claims(result.claims, entities or load_entities(), result.documents)
        result = replace(result, comparisons=tuple(comparisons))
    return result
