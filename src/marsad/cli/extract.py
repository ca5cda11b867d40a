"""``marsad extract`` (articles in, records out) and ``marsad demo`` (the bundled samples, summarised)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from .app import app

if TYPE_CHECKING:
    from rich.console import Console

    from marsad.doc import ArticleError, RawArticle
    from marsad.pipeline import Pipeline
    from marsad.record import Article


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _with_overrides(items: Iterable[RawArticle | ArticleError], article_id: str | None, published_at: str | None) -> Iterator[RawArticle | ArticleError]:
    """Apply ``--id`` (one article only) and ``--published-at`` (a default for articles without a date)."""
    from marsad.doc import RawArticle

    it = iter(items)
    if article_id is not None:
        head = list(islice(it, 2))
        articles = [x for x in head if isinstance(x, RawArticle)]
        if len(head) > 1:
            raise typer.BadParameter("--id names one article, but the input holds several", param_hint="--id")
        for a in articles:
            a.id = article_id
        it = iter(head)
    for item in it:
        if published_at is not None and isinstance(item, RawArticle) and not item.published_at:
            item.published_at = published_at
        yield item


def _emit(records: Iterable[Article], fmt: str, out: TextIO) -> int:
    """Write records as JSON Lines, or as indented JSON (one object, or an array when there are several)."""
    n = 0
    if fmt == "jsonl":
        for record in records:
            out.write(record.to_json() + "\n")
            out.flush()
            n += 1
        return n
    it = iter(records)
    head = list(islice(it, 2))
    if len(head) == 1:
        out.write(head[0].to_json(indent=2) + "\n")
        return 1
    out.write("[")
    for record in (*head, *it):
        out.write(("\n" if n == 0 else ",\n") + _indent(record.to_json(indent=2)))
        out.flush()
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def _indent(block: str) -> str:
    return "\n".join("  " + line for line in block.splitlines())


def run_extract(paths: list[str], *, fmt: str = "jsonl", article_id: str | None = None, published_at: str | None = None,
                disable: Iterable[str] = (), pipeline: Pipeline | None = None, out: TextIO | None = None) -> tuple[int, int]:
    """Read ``paths``, extract, write records to ``out`` and problems to stderr; return (records, failures).

    The batch never stops for one bad article: reader and extraction errors are reported as
    ``origin: reason`` and counted.
    """
    from marsad.doc import ExtractError
    from marsad.pipeline import get_pipeline
    from marsad.readers import read_paths

    pipe = pipeline or get_pipeline(tuple(sorted(set(disable))))
    out = out or sys.stdout
    failures = 0

    def records() -> Iterator[Article]:
        nonlocal failures
        items = _with_overrides(read_paths(paths, on_note=lambda note: _err(f"note: {note}")), article_id, published_at)
        for result in pipe.pipe(items):
            if isinstance(result, ExtractError):
                failures += 1
                _err(f"error: {result}")
                continue
            for warning in result.warnings:
                _err(f"warning: {result.origin or result.record.id}: {warning}")
            yield result.record

    written = _emit(records(), fmt, out)
    return written, failures


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .html, .jsonl, .jsonl.gz, .json), directories, or - for stdin.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl: one record per line. json: indented; one object, or an array for several.")] = "jsonl",
    published_at: Annotated[str | None, typer.Option("--published-at", help="Publication date (ISO-8601) for articles that carry none; relative dates resolve against it.")] = None,
    article_id: Annotated[str | None, typer.Option("--id", help="Record id for a single article (default: the input's id, else a hash of the text).")] = None,
    disable: Annotated[list[str] | None, typer.Option("--disable", "-d", help="Switch a component off (repeatable): source, entities, places, dates, quantities, quotes, themes.")] = None,
) -> None:
    """Extract one structured record per article: outlet, source, entities, quotes, quantities, dates, places, themes.

    Errors go to stderr as FILE[:LINE]: reason and the batch goes on; the exit code is 1 when any
    article failed.
    """
    from marsad.doc import parse_datetime
    from marsad.pipeline import COMPONENTS

    if fmt not in ("json", "jsonl"):
        raise typer.BadParameter("choose json or jsonl", param_hint="--format")
    if published_at is not None:
        try:
            parse_datetime(published_at)
        except ValueError:
            raise typer.BadParameter(f"{published_at!r} is not an ISO-8601 date (e.g. 2025-03-13 or 2025-03-13T10:15:00+03:00)", param_hint="--published-at") from None
    unknown = set(disable or ()) - set(COMPONENTS)
    if unknown:
        raise typer.BadParameter(f"unknown component(s) {', '.join(sorted(unknown))}; known: {', '.join(COMPONENTS)}", param_hint="--disable")
    written, failures = run_extract(paths, fmt=fmt, article_id=article_id, published_at=published_at, disable=disable or ())
    _err(f"marsad extract: {written} record(s) written, {failures} article(s) failed")
    if failures or not written:
        if not written and not failures:
            _err("error: no articles found in the input")
        raise typer.Exit(1)


# --------------------------------------------------------------------------- demo

def _clip(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def render_summary(records: list[Article], console: Console, quotes_per_article: int = 2) -> None:
    """A readable summary of records: per article its provenance, annotation counts and a few quotes with speakers.

    Laid out as short lines rather than a wide table so it stays readable in an 80-column terminal.
    """
    from rich.markup import escape
    from rich.rule import Rule
    from rich.table import Table

    totals = {"entities": 0, "quotes": 0, "quantities": 0, "dates": 0, "places": 0}
    for n, r in enumerate(records, 1):
        console.print(Rule(f"[bold]{n}. {escape(r.title or r.id)}[/bold]", align="right"))
        provenance = [f"[cyan]outlet[/cyan] {escape(r.outlet or '—')}", f"[cyan]source[/cyan] {escape(r.source.name if r.source else '—')}"]
        if r.published_at:
            provenance.append(f"[cyan]published[/cyan] {r.published_at}")
        provenance.append(f"[cyan]themes[/cyan] {', '.join(r.themes) or '—'}")
        console.print("   ".join(provenance))
        counts = []
        for key in totals:
            k = len(getattr(r, key))
            totals[key] += k
            counts.append(f"{key} [bold]{k}[/bold]")
        console.print(" · ".join(counts), style="dim")
        for q in r.quotes[:quotes_per_article]:
            who = q.speaker or "?"
            if q.speaker_role and q.speaker_role != q.speaker:
                who += f" ({q.speaker_role})"
            console.print(f"  [bold]{escape(who)}[/bold] [dim]{escape(q.cue)}[/dim]: «{escape(_clip(q.text))}»")
    table = Table(title=f"{len(records)} articles", show_header=True)
    for key in totals:
        table.add_column(key, justify="right")
    table.add_row(*(str(v) for v in totals.values()))
    console.print(table)


def run_demo(console: Console | None = None) -> list[Article]:
    """Extract every bundled sample article and print the summary; returns the records (later issues add ingest + serve)."""
    from rich.console import Console

    from marsad.doc import ExtractError
    from marsad.pipeline import get_pipeline
    from marsad.readers import sample_articles

    console = console or Console()
    pipeline = get_pipeline()
    records: list[Article] = []
    for result in pipeline.pipe(sample_articles()):
        if isinstance(result, ExtractError):
            console.print(f"[red]error[/red] {result}")
        else:
            records.append(result.record)
    render_summary(records, console)
    console.print(f"[dim]components: {', '.join(pipeline.names)}[/dim]")
    return records


@app.command()
def demo(
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Then serve the web UI and REST API on the result.")] = True,
    host: Annotated[str, typer.Option(help="Address the demo server listens on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port of the demo server (the next free one if busy).")] = 8000,
    db: Annotated[str | None, typer.Option("--db", help="Store the demo records here (default ./marsad.db).")] = None,
) -> None:
    """Extract the bundled sample articles, print a readable summary, store and search them, then serve them in the web UI."""
    records = run_demo()
    from .store import demo_store

    demo_store(records, db)
    if serve:
        from .serve import serve_demo

        serve_demo(host, port, db)
