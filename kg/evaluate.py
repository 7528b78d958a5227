"""Score a build's claims.json against a gold annotation (the format of tests/gold/seeds.yaml).

The rules follow the gold's README: a gold claim is found when a predicted claim of its
document overlaps one occurrence of its quote and states the same values; attributes are
scored over the required claims found; comparison pairs over the gold's groups.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from kg.errors import KgError

DIFFERING = frozenset({"conflict", "differs_scope", "differs_time"})
ATTRIBUTES = ("speaker", "said_on", "subject", "qualifier", "unit")
DOC_FIELDS = ("publisher", "published", "title")


def normal(value: Any) -> str:
    """Case-folded words of a value, punctuation dropped, for lenient name comparison."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKC", str(value)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def name_ok(predicted: Any, accepted: Iterable[Any]) -> bool:
    """A name is right when it equals, contains (3+ chars) or lies inside (4+ chars) an accepted one."""
    p = normal(predicted)
    for a in accepted:
        if a is None:
            if not p:
                return True
            continue
        a = normal(a)
        if a and p and (p == a or (len(a) >= 3 and a in p) or (len(p) >= 4 and p in a)):
            return True
    return False


def near(x: float, y: float) -> bool:
    """Numbers agree within half a unit, half a percent, or 0.01 for small fractions."""
    tolerance = max(0.5, 0.005 * abs(y), 0.01 if abs(y) < 2 else 0)
    return abs(float(x) - float(y)) <= tolerance


def same_values(pred: dict, gold: dict) -> bool:
    """The predicted interval states the gold's (or an accepted alternative; any reading of a vague word)."""
    lo, hi = pred.get("low"), pred.get("high")
    if lo is None and hi is None:
        return False
    lo, hi = (hi if lo is None else lo), (lo if hi is None else hi)
    options = [(gold["low"], gold["high"]), *[tuple(v) for v in gold.get("also_ok_values") or []]]
    if any(near(lo, a) and near(hi, b) for a, b in options):
        return True
    return gold.get("qualifier") == "vague" and gold["low"] <= float(lo) <= float(hi) <= gold["high"]


@dataclass
class Tally:
    """Right answers out of answers scored."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one scored answer."""
        self.total += 1
        self.right += bool(ok)

    def ratio(self) -> float | None:
        """The share right, or None when nothing was scored."""
        return round(self.right / self.total, 3) if self.total else None


@dataclass
class Score:
    """Everything one evaluation counted, and what went wrong."""

    required: int = 0
    required_found: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    attributes: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in ATTRIBUTES})
    documents: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in DOC_FIELDS})
    differ: Tally = field(default_factory=Tally)
    safe: Tally = field(default_factory=Tally)
    problems: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """precision, recall, f1, attribute and document accuracies, differ and safe counts."""
        recall = self.required_found / self.required if self.required else 1.0
        precision = self.predicted_matched / self.predicted if self.predicted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out: dict[str, Any] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
        out.update({k: t.ratio() for k, t in self.attributes.items()})
        out.update({k: t.ratio() for k, t in self.documents.items()})
        out["differ"] = f"{self.differ.right}/{self.differ.total}"
        out["safe"] = f"{self.safe.right}/{self.safe.total}"
        return out


def load_gold(paths: Sequence[Path]) -> dict[str, Any]:
    """One gold from several YAML files: documents and comparisons joined, aliases merged."""
    import yaml

    gold: dict[str, Any] = {"documents": [], "comparisons": [], "aliases": {}}
    for p in paths:
        try:
            data = yaml.safe_load(Path(p).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise KgError(f"{p}: unreadable gold file ({exc}); give a YAML gold annotation") from exc
        gold["documents"] += data.get("documents") or []
        gold["comparisons"] += data.get("comparisons") or []
        for key, names in (data.get("aliases") or {}).items():
            merged = gold["aliases"].setdefault(key, [])
            merged += [n for n in names if n not in merged]
    return gold


def load_predictions(path: Path) -> dict[str, Any]:
    """A claims.json (or a bare list of claims) with all three lists present."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KgError(f"{path}: unreadable claims.json ({exc}); run `kg build` first") from exc
    if isinstance(data, list):
        data = {"claims": data}
    for key in ("documents", "claims", "comparisons"):
        data.setdefault(key, [])
    return data


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)]


def _span(claim: dict) -> tuple[int, int] | None:
    span = claim.get("span") or [claim.get("start"), claim.get("end")]
    if span[0] is None or span[1] is None:
        return None
    return int(span[0]), int(span[1])


def _score_document(gdoc: dict, text: str, preds: list[dict], aliases: dict, score: Score,
                    matched: dict[str, str]) -> None:
    taken: set[int] = set()
    for g in gdoc["claims"]:
        places = _occurrences(text, g["quote"])
        if not places:
            raise KgError(f"gold quote of {g['id']} not found in {gdoc['doc']}; the gold and the document disagree")
        required = not g.get("optional")
        score.required += required
        hit = next((i for i, p in enumerate(preds) if i not in taken and (s := _span(p))
                    and any(s[0] < b and a < s[1] for a, b in places) and same_values(p, g)), None)
        if hit is None:
            if required:
                score.problems.append(f"{g['id']}: {g['quote']!r}")
            continue
        taken.add(hit)
        p = preds[hit]
        matched[str(p.get("id"))] = g.get("same_as") or g["id"]
        if not required:
            continue
        score.required_found += 1
        checks = {
            "speaker": name_ok(p.get("speaker"), (g.get("speaker") or [None]) + (g.get("speaker_also_ok") or [])),
            "subject": name_ok(p.get("subject"), aliases.get(normal(g["subject"]), [g["subject"]])),
            "qualifier": normal(p.get("qualifier")) == normal(g["qualifier"]),
            "unit": normal(p.get("unit")) == normal(g["unit"]),
        }
        if g.get("said_on"):
            checks["said_on"] = str(p.get("said_on") or "").startswith(str(g["said_on"]))
        for key, ok in checks.items():
            score.attributes[key].add(ok)
            if not ok:
                score.problems.append(f"{g['id']}: {key} {p.get(key)!r}, expected {g.get(key)!r}")
    score.predicted += len(preds)
    score.predicted_matched += len(taken)
    score.false_positives += [f"{gdoc['doc']}: {p.get('figure') or p.get('low')!r} in {str(p.get('text', ''))[:90]!r}"
                              for i, p in enumerate(preds) if i not in taken]


def evaluate(gold: dict[str, Any], docs_dir: Path, pred: dict[str, Any]) -> Score:
    """Score predictions against the gold, reading each gold document from docs_dir."""
    aliases = {normal(k): [k, *v] for k, v in gold.get("aliases", {}).items()}
    by_doc: dict[str, list[dict]] = {}
    for c in pred["claims"]:
        by_doc.setdefault(Path(str(c.get("doc", ""))).name, []).append(c)
    pred_docs = {Path(str(d.get("doc", ""))).name: d for d in pred["documents"]}
    score, matched = Score(), {}
    for gdoc in gold["documents"]:
        path = Path(docs_dir) / gdoc["doc"]
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise KgError(f"{path}: gold document missing ({exc.strerror}); pass --docs with the folder holding it") from exc
        _score_document(gdoc, text, by_doc.get(gdoc["doc"], []), aliases, score, matched)
        pd = pred_docs.get(gdoc["doc"], {})
        doc_checks = {
            "publisher": name_ok(pd.get("publisher"), gdoc["publisher"] or [None]),
            "published": str(pd.get("published") or "") == str(gdoc["published"] or ""),
            "title": normal(pd.get("title")) == normal(gdoc["title"]),
        }
        for key, ok in doc_checks.items():
            score.documents[key].add(ok)
            if not ok:
                score.problems.append(f"{gdoc['doc']}: {key} {pd.get(key)!r}, expected {gdoc.get(key)!r}")
    _score_pairs(gold, pred, matched, score)
    return score


def _score_pairs(gold: dict, pred: dict, matched: dict[str, str], score: Score) -> None:
    said: dict[frozenset, set[str]] = {}
    for c in pred["comparisons"]:
        a, b = matched.get(str(c.get("a"))), matched.get(str(c.get("b")))
        if a and b and a != b:
            said.setdefault(frozenset((a, b)), set()).add(str(c.get("relation")))
    for group in gold.get("comparisons") or []:
        for a, b, want in group["pairs"]:
            got = said.get(frozenset((a, b)), set())
            differs = bool(got & DIFFERING)
            tally = score.differ if want == "differ" else score.safe
            ok = differs if want == "differ" else not differs
            tally.add(ok)
            if not ok:
                score.problems.append(f"{a} ~ {b}: expected {want}, got {sorted(got) or 'nothing'}")


def summary_line(score: Score) -> str:
    """The one-line summary, `key=value` separated by spaces."""
    return " ".join(f"{k}={v}" for k, v in score.summary().items())
