"""The ingest loop: read → skip known → extract (in parallel) → upsert in batches → report."""

from __future__ import annotations

import gzip
import multiprocessing as mp
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..doc import ArticleError, Extracted, ExtractError, RawArticle, parse_datetime, text_fingerprint
from ..store.base import Store
from .web import FetchPolicy, is_url, read_url, register_feed_reader

Item = RawArticle | ArticleError
#: Called after each committed batch with the ids stored in it (e.g. incremental clustering).
BatchHook = Callable[[Store, list[str]], None]
#: Progress callback: (articles done, errors so far).
ProgressHook = Callable[[int, int], None]


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Already stored with the same text (and metadata): not extracted again.
    skipped_known: int = 0
    duplicates: int = 0
    failed: int = 0
    batches: int = 0
    seconds: float = 0.0
    #: ``(origin, reason)`` of every article that could not be read or extracted.
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    components: list[str] = field(default_factory=list)

    @property
    def extracted(self) -> int:
        return self.inserted + self.updated + self.unchanged + self.duplicates

    @property
    def rate(self) -> float:
        """Articles processed per second (read, whatever became of them)."""
        return self.read / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (f"{self.read} read: {self.inserted} new, {self.updated} updated, {self.unchanged + self.skipped_known} unchanged, "
                f"{self.duplicates} duplicates, {self.failed} failed — {self.seconds:.1f} s, {self.rate:.1f} articles/s")


def iter_sources(sources: Iterable[str], policy: FetchPolicy, on_note: Callable[[str], None] | None = None) -> Iterator[Item]:
    """Every article (or error) from paths, directories, ``-`` and http(s) URLs, in order."""
    from .. import readers

    register_feed_reader()
    for src in sources:
        if is_url(src):
            yield from read_url(src, policy)
        else:
            yield from readers.read_path(src, on_note=on_note)


def estimate_total(sources: Iterable[str]) -> int | None:
    """A cheap count of the articles in local sources (JSONL lines, one per other file); ``None`` if unknown."""
    from .. import readers

    total = 0
    for src in sources:
        if is_url(src) or src == "-":
            return None
        p = Path(src)
        files = sorted(f for f in p.rglob("*") if f.is_file() and not any(x.startswith(".") for x in f.relative_to(p).parts)) \
            if p.is_dir() else [p]
        for f in files:
            name = f.name.lower()
            if p.is_dir() and readers.reader_for(f) is None:
                continue
            if name.endswith((".rss", ".atom", ".xml", ".json")):
                return None
            if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
                try:
                    opener = gzip.open if name.endswith(".gz") else open
                    with opener(f, "rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


# --- worker processes: the pipeline is built once per process ---
_WORKER_DISABLE: tuple[str, ...] = ()


def _worker_init(disable: tuple[str, ...]) -> None:
    global _WORKER_DISABLE
    _WORKER_DISABLE = disable
    import warnings

    warnings.filterwarnings("ignore", message="component .* is not available yet")
    from ..pipeline import get_pipeline

    get_pipeline(disable)  # load models now, not inside the first task


def _extract_chunk(chunk: list[RawArticle]) -> list[tuple[str, object]]:
    from ..pipeline import get_pipeline

    out: list[tuple[str, object]] = []
    for res in get_pipeline(_WORKER_DISABLE).pipe(chunk):
        if isinstance(res, Extracted):
            out.append(("ok", (res.record.to_dict(), res.warnings, res.origin)))
        else:
            out.append(("err", (res.origin, res.article_id, res.reason)))
    return out


def _is_known(store: Store, raw: RawArticle) -> bool:
    """True when the store holds this article with the same text and metadata (nothing to redo)."""
    fp = text_fingerprint(raw.text)
    ex = store.find_existing(id=raw.id or "sha-" + fp, url=raw.url, fingerprint=fp, outlet=raw.outlet)
    if ex is None or ex.fingerprint != fp:
        return False
    pub = None
    if raw.published_at:
        try:
            pub = parse_datetime(raw.published_at).isoformat()
        except ValueError:
            pub = None
    return ex.title == raw.title and ex.published_at == pub and (raw.url is None or ex.url == raw.url)


def _chunks(items: Iterable[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    chunk: list[RawArticle] = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(sources: Iterable[str], store: Store, *, workers: int = 1, batch_size: int = 100,
           policy: FetchPolicy | None = None, disable: Iterable[str] = (), force: bool = False,
           on_progress: ProgressHook | None = None, after_batch: BatchHook | None = None,
           on_error: Callable[[str, str], None] | None = None, on_note: Callable[[str], None] | None = None) -> IngestReport:
    """Read, extract and store every article in ``sources``; returns counts and the errors (file, line, reason).

    ``force`` re-extracts articles already stored unchanged (after a model update).
    """
    import warnings

    policy = policy or FetchPolicy()
    disable_t = tuple(sorted(set(disable)))
    report = IngestReport()
    t0 = time.perf_counter()
    sources = list(sources)
    batch: list[dict] = []

    def error(origin: str | None, reason: str) -> None:
        report.failed += 1
        report.errors.append((origin or "<article>", reason))
        if on_error:
            on_error(origin or "<article>", reason)

    def progress() -> None:
        if on_progress:
            on_progress(report.read, report.failed)

    def flush() -> None:
        if not batch:
            return
        res = store.upsert(list(batch))  # record dicts: no round trip through dataclasses
        report.inserted += res.inserted
        report.updated += res.updated
        report.unchanged += res.unchanged
        report.duplicates += res.duplicates
        report.batches += 1
        batch.clear()
        if after_batch and (res.inserted or res.updated):
            try:
                after_batch(store, res.ids)
            except Exception as exc:  # a failing hook must not lose the stored batch
                report.warnings.append(f"after-batch hook failed: {type(exc).__name__}: {exc}")

    def to_extract() -> Iterator[RawArticle]:
        for item in iter_sources(sources, policy, on_note):
            report.read += 1
            if isinstance(item, ArticleError):
                error(item.origin, item.reason)
                progress()
                continue
            if not force and _is_known(store, item):
                report.skipped_known += 1
                progress()
                continue
            yield item

    def handle(results: Iterable[tuple[str, object]]) -> None:
        for kind, payload in results:
            if kind == "ok":
                record, warns, origin = payload  # type: ignore[misc]
                report.warnings.extend(f"{origin or record['id']}: {w}" for w in warns)
                batch.append(record)
                if len(batch) >= batch_size:
                    flush()
            else:
                origin, article_id, reason = payload  # type: ignore[misc]
                error(origin or article_id, reason)
            progress()

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="component .* is not available yet")
        from ..pipeline import get_pipeline

        report.components = get_pipeline(disable_t).names
        if workers <= 1:
            _WORKER_STATE_LOCAL = disable_t
            global _WORKER_DISABLE
            _WORKER_DISABLE = _WORKER_STATE_LOCAL
            for chunk in _chunks(to_extract(), 8):
                handle(_extract_chunk(chunk))
        else:
            # spawn, not fork: the parent holds database connections a forked child must not share
            ctx = mp.get_context("spawn")
            with ctx.Pool(workers, initializer=_worker_init, initargs=(disable_t,)) as pool:
                for results in pool.imap(_extract_chunk, _chunks(to_extract(), 8)):
                    handle(results)
    flush()
    report.seconds = time.perf_counter() - t0
    return report
