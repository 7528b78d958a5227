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
def build(inputs: tuple[Path, ...], out_dir: Path, store: str | None) -> None:
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
    """
    from kg.pipeline import run_build

    result = run_build(list(inputs) or [Path("seeds")], out_dir, store=store)
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
