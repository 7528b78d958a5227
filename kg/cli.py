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
