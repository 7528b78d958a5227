"""Command-line interface: a click group of thin commands that call the library."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError


class _Group(click.Group):
    """A click group that turns library errors into `Error: ...` and exit 1."""

    def invoke(self, ctx: click.Context):  # noqa: D102 - click's own contract
        try:
            return super().invoke(ctx)
        except KgError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: a claim-comparison knowledge graph for fact-checkers.

    Reads news articles, extracts every figure as a claim linked to its speaker, outlet,
    relaying agency and dates, stores the claims as RDF, finds figures that disagree and
    renders an interactive graph.

    \b
    Example:
      kg build                  # the seed articles in seeds/ -> out/
      kg build articles/ --out out/iran
    """


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder the outputs are written into.")
@click.option("--store", "store", default=None,
              help="SPARQL 1.1 endpoint URL to write the graph to (default: embedded store in OUT/store).")
@click.option("--entities", "entity_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="More entities (Turtle, in the form of ontology/entities.ttl); repeatable.")
def build(inputs: tuple[Path, ...], out_dir: Path, store: str | None, entity_files: tuple[Path, ...]) -> None:
    """Run the whole pipeline on INPUTS (files or folders; default: seeds/).

    Inputs may be .txt (raw article text), .html/.htm (article pages), .jsonl (one article
    per line) or folders holding them, with an optional manifest.csv of metadata
    (file,url,title,publisher,published,language).

    Writes OUT/claims.json, OUT/kg.ttl, OUT/store/, OUT/graph.html, OUT/conflicts.md and
    OUT/conflicts.html. A bad input is reported by name and skipped; the exit code is 1
    when any input failed.

    \b
    Example:
      kg build
      kg build seeds/ more/article.html --out out/run1
      kg build articles/ --entities my-entities.ttl --store http://localhost:7878
    """
    from kg.pipeline import run_build

    result = run_build(list(inputs) or [Path("seeds")], out_dir, store=store, entity_files=entity_files)
    for err in result.errors:
        click.echo(f"Error: {err}", err=True)
    click.echo(
        f"{len(result.documents)} documents, {len(result.claims)} claims, "
        f"{len(result.comparisons)} comparisons -> {out_dir}",
        err=True,
    )
    if result.errors:
        sys.exit(1)


@main.command()
@click.option("--from", "source", default="out/claims.json", show_default=True,
              type=click.Path(path_type=Path), help="The claims.json written by `kg build`.")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "html"]), default="md",
              show_default=True, help="Report format, written to stdout.")
@click.option("--subject", default=None, help="Only comparisons about this subject (any alias: IS, Daesh).")
@click.option("--relation", "relations", multiple=True,
              type=click.Choice(["conflict", "differs_scope", "differs_time", "agree"]),
              help="Only these relations (repeat the option for several; default: all).")
@click.option("--exit-code", "exit_code", is_flag=True,
              help="Exit with status 3 when at least one conflict is reported.")
def conflicts(source: Path, fmt: str, subject: str | None, relations: tuple[str, ...], exit_code: bool) -> None:
    """Report the figures that disagree, one section per cluster of comparable claims.

    Reads a build's claims.json (comparing its claims afresh if it holds no comparisons)
    and writes the report to stdout, conflicts first, citing each figure's sentence,
    document and character offsets.

    \b
    Example:
      kg conflicts > conflicts.md
      kg conflicts --format csv --relation conflict --subject ISIS
      kg conflicts --exit-code --format json > report.json
    """
    from kg.claims_json import load_result
    from kg.entities import load_entities
    from kg.report import REPORTERS, conflict_count, select

    entities = load_entities()
    result = select(load_result(source, entities), entities, subject=subject, relations=relations)
    click.echo(REPORTERS[fmt](result, entities), nl=False)
    if exit_code and conflict_count(result):
        sys.exit(3)


@main.command()
@click.option("--from", "source", default="out/claims.json", show_default=True,
              type=click.Path(path_type=Path), help="The claims.json written by `kg build`.")
@click.option("--out", "out_file", default="out/graph.html", show_default=True,
              type=click.Path(path_type=Path), help="The HTML file to write.")
@click.option("--subject", default=None, help="Only the claims about this subject (any alias: IS, Daesh).")
def render(source: Path, out_file: Path, subject: str | None) -> None:
    """Write the interactive claim graph: one self-contained HTML file, no network access.

    Open it in a browser: search any label, filter by subject, speaker, outlet, relation
    and date, click a claim for its quote and sources, focus on a cluster of conflicts.

    \b
    Example:
      kg render
      kg render --subject ISIS --out out/isis.html
    """
    from kg.claims_json import load_result
    from kg.entities import load_entities
    from kg.html import render_html
    from kg.io import write_atomic

    entities = load_entities()
    write_atomic(out_file, render_html(load_result(source, entities), entities, subject=subject))
    click.echo(f"graph -> {out_file}", err=True)


@main.command("eval")
@click.option("--gold", "golds", multiple=True, type=click.Path(path_type=Path),
              default=[Path("tests/gold/seeds.yaml")], show_default=True,
              help="Gold annotation (YAML); repeat to score several together.")
@click.option("--docs", "docs_dir", default="seeds", show_default=True, type=click.Path(path_type=Path),
              help="Folder holding the gold's documents.")
@click.option("--pred", "pred", default="out/claims.json", show_default=True, type=click.Path(path_type=Path),
              help="The claims.json of a build.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: misses, false positives, then the summary line; json: the summary only.")
@click.option("--min-f1", type=float, default=None, help="Exit 1 when the claim F1 is below this.")
def evaluate_cmd(golds: tuple[Path, ...], docs_dir: Path, pred: Path, fmt: str, min_f1: float | None) -> None:
    """Score a build's claims.json against a gold annotation.

    Prints what was missed or wrong and the false positives, then one line: precision,
    recall and f1 over claims; accuracy of speaker, said_on, subject, qualifier and unit;
    of publisher, published and title; differ and safe comparison pairs.

    \b
    Example:
      kg build && kg eval
      kg eval --gold more.yaml --docs articles/ --pred out/claims.json --format json
    """
    import json

    from kg.evaluate import evaluate, load_gold, load_predictions, summary_line

    score = evaluate(load_gold(golds), docs_dir, load_predictions(pred))
    if fmt == "json":
        click.echo(json.dumps(score.summary()))
    else:
        for title, rows in (("missed or wrong", score.problems), ("false positives", score.false_positives)):
            if rows:
                click.echo(f"# {title} ({len(rows)})")
                click.echo("\n".join("  " + r for r in rows))
        click.echo(summary_line(score))
    if min_f1 is not None and score.summary()["f1"] < min_f1:
        sys.exit(1)


def _param(values: tuple[str, ...]) -> dict[str, str]:
    """--param NAME=VALUE options as a dict."""
    out = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise KgError(f"--param {item!r}: write it as NAME=VALUE, e.g. --param subject=ISIS")
        out[name.strip()] = value
    return out


@main.command()
@click.argument("sparql", required=False)
@click.option("--file", "file", type=click.Path(path_type=Path), help="Read the SPARQL query from FILE.")
@click.option("--named", default=None, help="Run a named query of ontology/queries/ (see --list).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to the string VALUE and ?NAME_lc to it lower-cased (escaped, never "
                   "pasted). Repeat for several.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format (csv/tsv/json: W3C SPARQL results formats).")
@click.option("--update", is_flag=True, help="Allow a SPARQL Update (INSERT, DELETE, DROP…); refused otherwise.")
@click.option("--store", default="out/store", show_default=True,
              help="Store folder, or the URL of a SPARQL 1.1 endpoint (http://host:7878).")
@click.option("--list", "list_named", is_flag=True, help="List the named queries and their parameters.")
def query(sparql: str | None, file: Path | None, named: str | None, params: tuple[str, ...], fmt: str,
          update: bool, store: str, list_named: bool) -> None:
    """Run a SPARQL query on the claim graph and print the answer to stdout.

    Common prefixes (schema, prov, oa, skos, kg, kge, kgg, kgid, wd, rdf, rdfs, xsd, owl) are
    declared for you. On the embedded store the default graph is the union of all graphs;
    every document has its own named graph, comparisons are in kgg:comparisons.

    \b
    Example:
      kg query --named claims-about-subject --param subject=ISIS
      kg query --named conflicts --format csv > conflicts.csv
      kg query 'SELECT ?t WHERE { ?c a schema:Claim ; schema:text ?t } LIMIT 5'
      kg query --file my.rq --store http://localhost:7878 --format json
    """
    from kg.query import named_queries, resolve_query, run_query

    if list_named:
        for q in named_queries().values():
            click.echo(f"{q.name}: {q.description}")
            for name, (required, help_text) in q.params.items():
                click.echo(f"  --param {name}=…  ({'required' if required else 'optional'}) {help_text}")
        return
    text = resolve_query(sparql, file, named, _param(params))
    click.echo(run_query(store, text, fmt=fmt, update=update), nl=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["turtle", "nt", "trig", "nquads", "jsonld"]),
              default="turtle", show_default=True,
              help="turtle/nt: all graphs merged; trig/nquads/jsonld: one graph per document kept.")
@click.option("--store", default="out/store", show_default=True,
              help="Store folder, or the URL of a SPARQL 1.1 endpoint.")
@click.option("--out", "out_file", default=None, type=click.Path(path_type=Path),
              help="Write to FILE (atomically) instead of stdout.")
def export(fmt: str, store: str, out_file: Path | None) -> None:
    """Export the whole claim graph from the store as RDF.

    \b
    Example:
      kg export --format trig --out out/kg.trig
      kg export --format nt --store http://localhost:7878 > kg.nt
    """
    from kg.io import write_atomic
    from kg.store import export as export_store

    data = export_store(store, fmt)
    if out_file is None:
        click.get_binary_stream("stdout").write(data)
    else:
        write_atomic(out_file, data)
        click.echo(f"{fmt} -> {out_file}", err=True)
