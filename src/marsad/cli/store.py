"""Store commands: ``marsad ingest``, ``search``, ``quotes``, ``export``, ``db``."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer

from .app import app

db_app = typer.Typer(help="The database: schema version, migrations, counts.", no_args_is_help=True)
app.add_typer(db_app, name="db")

DB_HELP = "Database URL: sqlite:///path/marsad.db (default ./marsad.db, or $MARSAD_DB) or postgresql://user:pw@host/db."


def _open(db: str | None):
    from ..store import StoreError, open_store

    try:
        return open_store(db)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


def _reindex_if_outdated(store, quiet: bool = False) -> None:
    """After a text-layer change the shadow keys differ: rebuild them so old articles stay findable."""
    if store.index_outdated():
        if not quiet:
            typer.echo("rebuilding the full-text index (the text layer's word keys changed)…", err=True)
        n = store.reindex()
        if not quiet:
            typer.echo(f"reindexed {n} article(s)", err=True)


def _cluster_hook():
    """Incremental clustering after each stored batch, when the clustering package offers it."""
    import importlib

    for module in ("marsad.cluster", "marsad.cluster.store"):
        try:
            hook = getattr(importlib.import_module(module), "update_store", None)
        except ImportError:
            continue
        if hook is not None:
            return hook
    return None


class _Progress:
    """A rich progress bar (rate, ETA) on a terminal; plain periodic lines otherwise."""

    def __init__(self, total: int | None, quiet: bool) -> None:
        self.total = total
        self.quiet = quiet
        self.tty = sys.stderr.isatty() and not quiet
        self.last_line = 0.0
        self.last_done = -1
        self.t0 = time.perf_counter()
        self.bar = None
        if self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[rate]:>7} art/s"), TextColumn("errors {task.fields[errors]}"),
                                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                console=Console(stderr=True), transient=False)
            self.task = self.bar.add_task("ingest", total=total, rate="-", errors=0)
            self.bar.start()

    def update(self, done: int, errors: int) -> None:
        elapsed = time.perf_counter() - self.t0
        rate = done / elapsed if elapsed > 0 else 0.0
        if self.bar is not None:
            self.bar.update(self.task, completed=done, rate=f"{rate:.1f}", errors=errors)
        elif not self.quiet and done != self.last_done and (time.perf_counter() - self.last_line > 5 or (self.total and done == self.total)):
            self.last_line = time.perf_counter()
            self.last_done = done
            of = f"/{self.total}" if self.total else ""
            eta = f", ETA {((self.total - done) / rate):.0f} s" if self.total and rate > 0 else ""
            typer.echo(f"ingest: {done}{of} articles, {rate:.1f} articles/s, {errors} errors{eta}", err=True)

    def error(self, origin: str, reason: str) -> None:
        if self.quiet:
            return
        msg = f"skipped {origin}: {reason}"
        if self.bar is not None:
            self.bar.console.print(msg, markup=False, highlight=False)
        else:
            typer.echo(msg, err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
def ingest(
    sources: list[str] = typer.Argument(..., help="Files (.txt .html .jsonl .jsonl.gz .json .rss .atom), directories, - (stdin), or http(s) URLs of articles or RSS/Atom feeds."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=64, help="Extraction worker processes (models load once per worker)."),
    batch_size: int = typer.Option(100, "--batch-size", min=1, max=10_000, help="Articles per database transaction."),
    allow_private: bool = typer.Option(False, "--allow-private", help="Allow fetching from loopback/private addresses (local test servers)."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, help="Seconds per HTTP request."),
    max_bytes: int = typer.Option(8 * 1024 * 1024, "--max-bytes", min=1024, help="Largest HTTP response accepted."),
    disable: Optional[str] = typer.Option(None, "--disable", help="Comma-separated pipeline components to skip (e.g. themes,quotes)."),
    force: bool = typer.Option(False, "--force", help="Re-extract articles already stored unchanged (after a model update)."),
    cluster: bool = typer.Option(True, "--cluster/--no-cluster", help="Update story clusters after each batch (when clustering is installed)."),
    errors_out: Optional[Path] = typer.Option(None, "--errors", help="Also write skipped articles as JSON Lines (origin, reason) to this file."),
    strict: bool = typer.Option(False, "--strict", help="Exit with status 1 when any article was skipped."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no per-article messages; only the summary."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON on stdout."),
) -> None:
    """Read, extract and store articles; rerunning is safe (known articles are skipped, changed ones updated)."""
    from ..ingest import ingest as run_ingest
    from ..ingest.run import estimate_total
    from ..ingest.web import FetchPolicy

    off = [c.strip() for c in (disable or "").split(",") if c.strip()]
    store = _open(db)
    _reindex_if_outdated(store, quiet)
    progress = _Progress(estimate_total(sources), quiet)
    hook = _cluster_hook() if cluster else None
    try:
        report = run_ingest(sources, store, workers=workers, batch_size=batch_size, disable=off, force=force,
                            policy=FetchPolicy(allow_private=allow_private, timeout=timeout, max_bytes=max_bytes),
                            on_progress=progress.update, on_error=progress.error, after_batch=hook,
                            on_note=None if quiet else (lambda m: typer.echo(m, err=True)))
    except ValueError as exc:  # e.g. an unknown component name
        progress.close()
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        progress.close()
        store.close()
    if errors_out:
        with open(errors_out, "w", encoding="utf-8") as fh:
            for origin, reason in report.errors:
                fh.write(json.dumps({"origin": origin, "reason": reason}, ensure_ascii=False) + "\n")
    if as_json:
        d = asdict(report)
        d["rate"] = report.rate
        typer.echo(json.dumps(d, ensure_ascii=False, indent=2))
    else:
        typer.echo(report.summary(), err=True)
        typer.echo(f"components: {', '.join(report.components) or 'none'}", err=True)
    if strict and report.failed:
        raise typer.Exit(1)


def _print_json(obj) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


@app.command()
def search(
    query: str = typer.Argument("", help='Words (all must match), "a phrase", a OR b, -excluded. Empty: list newest.'),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    outlet: Optional[str] = typer.Option(None, "--outlet"),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker id or name: articles quoting them."),
    entity: Optional[str] = typer.Option(None, "--entity", help="Entity id or name."),
    place: Optional[str] = typer.Option(None, "--place", help="Place name or GeoNames id."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO country code of a place mentioned (IQ, SA, …)."),
    category: Optional[str] = typer.Option(None, "--category", help="Quantity category (e.g. casualties, money)."),
    theme: Optional[str] = typer.Option(None, "--theme"),
    date_from: Optional[str] = typer.Option(None, "--from", help="First day, YYYY-MM-DD."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Last day, YYYY-MM-DD."),
    limit: int = typer.Option(10, "--limit", "-n", min=1, max=1000),
    offset: int = typer.Option(0, "--offset", min=0),
    sort: str = typer.Option("relevance", "--sort", help="relevance, newest or oldest."),
    collapse: bool = typer.Option(False, "--collapse", help="One hit per story cluster."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
) -> None:
    """Arabic-aware full-text search over stored articles."""
    from ..store import QueryError, SearchFilters, StoreError

    store = _open(db)
    try:
        res = store.search(query, SearchFilters(outlet=outlet, date_from=date_from, date_to=date_to, entity=entity, speaker=speaker,
                                                place=place, country=country, quantity_category=category, theme=theme),
                           limit=limit, offset=offset, sort=sort, collapse=collapse)  # type: ignore[arg-type]
    except (QueryError, StoreError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()
    if as_json:
        d = asdict(res)
        for h, hit in zip(d["hits"], res.hits):
            h["snippet_html"] = hit.snippet.html() if hit.snippet else None
        _print_json(d)
        return
    typer.echo(f"{res.total} article(s) for {res.normalized_query or '(all)'}; showing {len(res.hits)} from {res.offset + 1 if res.hits else 0}")
    for i, h in enumerate(res.hits, res.offset + 1):
        extra = f"  [story of {h.cluster_size}]" if h.cluster_size > 1 else ""
        typer.echo(f"\n{i}. {h.title or h.id}  — {h.outlet or '?'}, {(h.published_at or '')[:16]}  (score {h.score:.3f}){extra}")
        typer.echo(f"   id: {h.id}" + (f"  {h.url}" if h.url else ""))
        if h.snippet:
            typer.echo("   " + h.snippet.marked("【", "】").replace("\n", " "))


@app.command()
def quotes(
    query: str = typer.Argument("", help="Words the quotation must contain."),
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Speaker name (any of its words, normalised) or speaker id."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    date_from: Optional[str] = typer.Option(None, "--from"),
    date_to: Optional[str] = typer.Option(None, "--to"),
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=1000),
    offset: int = typer.Option(0, "--offset", min=0),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """What was said (and by whom), newest first."""
    from ..store import QueryError, StoreError

    store = _open(db)
    try:
        res = store.quotes(query or None, speaker=speaker, date_from=date_from, date_to=date_to, limit=limit, offset=offset)
    except (QueryError, StoreError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()
    if as_json:
        _print_json(asdict(res))
        return
    typer.echo(f"{res.total} quotation(s); showing {len(res.quotes)}")
    for q in res.quotes:
        who = q.speaker or "(unattributed)"
        if q.speaker_role:
            who += f"، {q.speaker_role}"
        typer.echo(f"\n{(q.published_at or '')[:10]}  {who}  — {q.outlet or '?'}  [{q.article_id}]")
        typer.echo(f"   {'«' + q.text + '»' if q.direct else q.text}".replace("\n", " "))


@app.command()
def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, parquet or gkg (GDELT GKG 2.1-style TSV)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default stdout; .gz compresses jsonl/csv/gkg)."),
    date_from: Optional[str] = typer.Option(None, "--from"),
    date_to: Optional[str] = typer.Option(None, "--to"),
) -> None:
    """Write stored records for other tools."""
    from ..export import FORMATS
    from ..export import export as run_export
    from ..store import QueryError

    if fmt not in FORMATS:
        typer.echo(f"error: unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    store = _open(db)
    try:
        n = run_export(store, fmt, out, date_from=date_from, date_to=date_to)
    except (QueryError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()
    typer.echo(f"exported {n} article(s) as {fmt}" + (f" to {out}" if out else ""), err=True)


@db_app.command("info")
def db_info(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP), as_json: bool = typer.Option(False, "--json")) -> None:
    """Schema version and counts."""
    store = _open(db)
    try:
        st = store.stats()
        outlets = store.outlets()
    finally:
        store.close()
    if as_json:
        _print_json({**asdict(st), "outlets": [asdict(o) for o in outlets]})
        return
    for k, v in asdict(st).items():
        typer.echo(f"{k:>15}: {v}")
    for o in outlets[:20]:
        typer.echo(f"{o.article_count:>8}  {o.outlet}")


@db_app.command("migrate")
def db_migrate(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Bring the schema up to date (opening a store does this too) and the full-text index with it."""
    store = _open(db)
    try:
        _reindex_if_outdated(store)
        typer.echo(f"schema version {store.schema_version()}")
    finally:
        store.close()


@db_app.command("reindex")
def db_reindex(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Rebuild the full-text index of every article with the current text layer."""
    store = _open(db)
    try:
        typer.echo(f"reindexed {store.reindex()} article(s)")
    finally:
        store.close()


def demo_store(records, db: str | None = None, query: str = "الموصل") -> None:
    """Part of ``marsad demo``: store the extracted sample records (idempotently), cluster them, show a search."""
    from rich.console import Console
    from rich.markup import escape

    console = Console()
    store = _open(db)
    try:
        res = store.upsert(records)
        hook = _cluster_hook()
        if hook is not None:
            try:
                hook(store, res.ids)
            except Exception as exc:  # the demo goes on without clusters
                console.print(f"[yellow]clustering skipped: {escape(str(exc))}[/yellow]")
        console.print(f"\nstored in [bold]{escape(store.url if '://' in store.url else 'sqlite:///' + store.url)}[/bold]: "
                      f"{res.inserted} new, {res.updated} updated, {res.unchanged} unchanged — {store.count()} articles in the database")
        found = store.search(query, limit=3)
        console.print(f'\n[bold]marsad search "{query}"[/bold] → {found.total} article(s)')
        for h in found.hits:
            console.print(f"  [bold]{escape(h.title or h.id)}[/bold] [dim]{escape(h.outlet or '')}[/dim]")
            if h.snippet:
                console.print("    " + h.snippet.marked("[reverse]", "[/reverse]", escape=escape).replace("\n", " "))
        speakers = store.speakers(limit=1)
        if speakers:
            sp = speakers[0]
            qs = store.quotes(speaker=sp.speaker_id, limit=2)
            console.print(f'\n[bold]marsad quotes --speaker "{escape(sp.name)}"[/bold] → {qs.total} quotation(s)')
            for q in qs.quotes:
                console.print(f"  {(q.published_at or '')[:10]}  «{escape(q.text[:120])}»")
    finally:
        store.close()
