"""`kg query`: SPARQL from text, a file or a named query, with parameters bound safely.

Parameters are never pasted into the query text as they come: each value becomes an rdflib
Literal written with `.n3()` (full escaping) inside a `VALUES` block placed at the start of
the query's outer WHERE group, where the whole query sees it. `--param subject=ISIS` binds
?subject to "ISIS" and ?subject_lc to "isis" (named queries look the lower-cased form up
among the labels, which include lower-cased skos:hiddenLabel forms). A query is read-only
unless `update=True`; updates are recognised by their first keyword and refused otherwise.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal

from kg.errors import KgError
from kg.paths import ONTOLOGY_DIR
from kg.store import open_store
from kg.vocab import PREFIXES, XSD

QUERIES_DIR = ONTOLOGY_DIR / "queries"
FORMATS = ("table", "csv", "tsv", "json")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
TABLE_WIDTH = 60  # widest table cell before it is cut with "…"

_PARAM_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# "# param subject (required): the subject's name" in a named query's header comments
_PARAM_LINE = re.compile(r"^#\s*param\s+(\w+)\s*\((required|optional)\)\s*:\s*(.*)$")
# Prologue: whitespace, comments, PREFIX and BASE declarations, before the query form keyword
_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*", re.IGNORECASE)
_DECLARED_PREFIX = re.compile(r"PREFIX\s+([\w.-]*):", re.IGNORECASE)
# Tokens that may hold braces or '#' without being code: strings, IRIs, comments
_SKIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


@dataclass(frozen=True)
class NamedQuery:
    """A query of ontology/queries/NAME.rq with its description and declared parameters."""

    name: str
    text: str
    description: str
    params: dict[str, tuple[bool, str]]  # name -> (required, help)


def named_queries() -> dict[str, NamedQuery]:
    """Every named query of ontology/queries/*.rq, by name."""
    out = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
        description = comments[0].lstrip("# ").split(":", 1)[-1].strip() if comments else ""
        params = {m[1]: (m[2] == "required", m[3].strip())
                  for m in (_PARAM_LINE.match(line) for line in comments) if m}
        out[path.stem] = NamedQuery(path.stem, text, description, params)
    return out


def load_named(name: str) -> NamedQuery:
    """The named query `name`, or an error listing the known ones."""
    queries = named_queries()
    if name not in queries:
        raise KgError(f"no named query {name!r} in {QUERIES_DIR}; known: {', '.join(queries)}")
    return queries[name]


def query_form(sparql: str) -> str:
    """The first keyword after the prologue, upper-cased: SELECT, ASK, INSERT, DROP, …"""
    rest = sparql[_PROLOGUE.match(sparql).end():]
    word = re.match(r"[A-Za-z]+", rest)
    return word.group(0).upper() if word else ""


def is_update(sparql: str) -> bool:
    """True when `sparql` is a SPARQL Update request rather than a query."""
    return query_form(sparql) in UPDATE_FORMS


def _where_group(sparql: str) -> int:
    """Offset just inside the `{` that opens the query's outer WHERE group."""
    construct = query_form(sparql) == "CONSTRUCT"
    depth = groups = pos = 0
    while pos < len(sparql):
        skip = _SKIP.match(sparql, pos)
        if skip and skip.end() > pos:  # strings, IRIs and comments may hold braces
            pos = skip.end()
            continue
        if sparql[pos] == "{":
            if depth == 0:
                groups += 1
                if not construct or groups == 2:  # CONSTRUCT {template} WHERE {group}
                    return pos + 1
                if re.search(r"WHERE\s*$", sparql[:pos], re.IGNORECASE):
                    raise KgError("parameters need the full form CONSTRUCT {…} WHERE {…}")
            depth += 1
        elif sparql[pos] == "}":
            depth -= 1
        pos += 1
    raise KgError("cannot bind parameters: the query has no WHERE group { … }")


def bind_params(sparql: str, params: dict[str, str]) -> str:
    """`sparql` with `VALUES (?name …) { ("value" …) }` at the start of its WHERE group."""
    if not params:
        return sparql
    for name in params:
        if not _PARAM_NAME.match(name):
            raise KgError(f"parameter name {name!r} is not a SPARQL variable name (letters, digits, _)")
    # Each NAME binds ?NAME as given and ?NAME_lc lower-cased: labels are matched case-free by
    # looking ?NAME_lc up among skos:prefLabel / altLabel / hiddenLabel (an index lookup).
    names = " ".join(f"?{name} ?{name}_lc" for name in params)
    values = " ".join(f"{Literal(value).n3()} {Literal(value.lower()).n3()}"  # .n3() escapes fully
                      for value in params.values())
    at = _where_group(sparql)
    return f"{sparql[:at]}\n  VALUES ({names}) {{ ({values}) }}\n{sparql[at:]}"


def with_prefixes(sparql: str) -> str:
    """`sparql` with PREFIX declarations for the common prefixes it uses but does not declare."""
    declared = {m.lower() for m in _DECLARED_PREFIX.findall(sparql)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()
             if p not in declared and re.search(rf"(?<![\w.-]){re.escape(p)}:", sparql)]
    return "\n".join([*lines, sparql]) if lines else sparql


def _compact(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        local = iri[len(ns):]
        if iri.startswith(ns) and re.fullmatch(r"[\w.-]*", local) and not local.endswith("."):
            return f"{prefix}:{local}"
    return f"<{iri}>"


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if isinstance(term, ox.Literal) else str(term)


def _rows(result) -> tuple[list[str], list[list]]:
    """Variables and rows of a SELECT result, or subject/predicate/object rows of a graph result."""
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return names, [[sol[name] for name in names] for sol in result]
    return ["subject", "predicate", "object"], [[t.subject, t.predicate, t.object] for t in result]


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != str(XSD.string):
        out["datatype"] = term.datatype.value
    return out


def format_result(result, fmt: str) -> str:
    """Query results as an aligned table, or W3C SPARQL results CSV, TSV or JSON."""
    if fmt not in FORMATS:
        raise KgError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        answer = bool(result)
        return json.dumps({"head": {}, "boolean": answer}) + "\n" if fmt == "json" else f"{str(answer).lower()}\n"
    names, rows = _rows(result)
    if fmt == "json":
        bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1) + "\n"
    if fmt == "tsv":  # terms in Turtle/N-Triples syntax, as the W3C TSV format asks
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return "\n".join(lines) + "\n"
    if fmt == "csv":  # plain values, as the W3C CSV format asks
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([["" if t is None else t.value for t in row] for row in rows])
        return buf.getvalue()
    cells = [[" ".join(_cell(t).split()) for t in row] for row in rows]
    cells = [[c if len(c) <= TABLE_WIDTH else c[:TABLE_WIDTH - 1] + "…" for c in row] for row in cells]
    widths = [max([len(n), *(len(row[i]) for row in cells)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def resolve_query(sparql: str | None = None, file: Path | None = None, named: str | None = None,
                  params: dict[str, str] | None = None) -> str:
    """The SPARQL text to run: from exactly one source, parameters bound, prefixes declared."""
    if sum(x is not None for x in (sparql, file, named)) != 1:
        raise KgError("give exactly one query: SPARQL text, --file FILE or --named NAME")
    params = dict(params or {})
    if named is not None:
        query = load_named(named)
        missing = [p for p, (required, _) in query.params.items() if required and p not in params]
        unknown = [p for p in params if p not in query.params]
        if missing or unknown:
            declared = ", ".join(f"{p} ({'required' if r else 'optional'}: {h})"
                                 for p, (r, h) in query.params.items()) or "none"
            problems = "; ".join(f"{what} parameter {', '.join(names)}" for what, names
                                 in (("missing", missing), ("unknown", unknown)) if names)
            raise KgError(f"named query {named}: {problems}; it takes {declared}. "
                          "Pass them as --param NAME=VALUE")
        text = query.text
    elif file is not None:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise KgError(f"cannot read query file {file} ({exc})") from exc
    else:
        text = sparql
    return with_prefixes(bind_params(text, params))


def run_query(target: str | Path, sparql: str, fmt: str = "table", update: bool = False) -> str:
    """Run `sparql` on the store at `target` and format the answer (updates only with update=True)."""
    if is_update(sparql) and not update:
        raise KgError(f"this is a SPARQL update ({query_form(sparql)}); kg query is read-only: "
                      "add --update to change the store")
    if fmt not in FORMATS:
        raise KgError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    with open_store(target, writable=update) as store:
        if is_update(sparql):
            store.update(sparql)
            return ""
        return format_result(store.query(sparql), fmt)
