"""Store benchmark: ingest the shared news corpus in one go, then time search queries.

    .venv/bin/python benchmarks/store_bench.py --db sqlite:///bench.db --workers 2
    .venv/bin/python benchmarks/store_bench.py --db postgresql://marsad:marsad@127.0.0.1/marsad_bench --workers 2

Reports ingest articles/s (reading + extraction + storage, the full ``marsad ingest`` path), the
storage share alone (re-upserting the extracted records into a fresh database), and median / p95
latency per query class. The database is emptied first (SQLite: file replaced; PostgreSQL: the
marsad tables dropped), so use a database of its own. Results go to stdout as JSON and Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import warnings
from pathlib import Path

from marsad.config import require_shared_data
from marsad.ingest import ingest
from marsad.record import Article
from marsad.store import SearchFilters, open_store


#: Query classes: plain words, spelling variants (diacritics, clitics, hamza), phrases, boolean, filters.
QUERIES: dict[str, list[tuple[str, dict]]] = {
    "word": [(q, {}) for q in ("السعودية", "ترامب", "إيران", "النفط", "غزة", "سوريا", "الرياض", "اللاعب", "الاقتصاد", "الانتخابات")],
    "variant": [(q, {}) for q in ("والسعودية", "بالرياض", "إِيرَان", "للحكومة", "وسوريا", "الإنتخابات", "مستشفي", "الامارات")],
    "phrase": [(q, {}) for q in ('"وزير الخارجية"', '"الأمم المتحدة"', '"كأس العالم"', '"ولي العهد"', '"البيت الأبيض"')],
    "multi": [(q, {}) for q in ("ترامب إيران الاتفاق النووي", "أسعار النفط ارتفاع", "مباراة الهلال", "الحوثي اليمن صاروخ",
                                "السعودية OR الإمارات", "إسرائيل -غزة")],
    "filtered": [("السعودية", {"date_from": "2015-08-10", "date_to": "2015-08-10"}), ("ترامب", {"outlet": "Sky News Arabia"}),
                 ("", {"country": "SA"}), ("النفط", {"country": "SA"}), ("", {"outlet": "BBC Arabic"}),
                 ("الحكومة", {"quantity_category": "money"})],
    "collapse": [(q, {"collapse": True}) for q in ("السعودية", "ترامب", "إيران")],
}


def reset(url: str) -> None:
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return
    import psycopg
    from psycopg import sql

    with psycopg.connect(url, autocommit=True) as conn:
        # every table of the current schema: the benchmark database is marsad's alone
        names = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
        for t in names:
            conn.execute(sql.SQL("DROP TABLE IF EXISTS {} CASCADE").format(sql.Identifier(t)))


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default="sqlite:///store_bench.db")
    ap.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 1)))
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--disable", default="", help="pipeline components to switch off (comma-separated)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per query (after one warm-up)")
    ap.add_argument("--limit", type=int, default=0, help="ingest only the first N articles per file (0: all)")
    ap.add_argument("--skip-ingest", action="store_true", help="time queries on the database as it is")
    args = ap.parse_args(argv)

    sources = [str(require_shared_data("news", "ant_multisource", "articles.jsonl")),
               str(require_shared_data("news", "saudinewsnet", "articles.jsonl"))]
    if args.limit:
        import tempfile

        tmp = Path(tempfile.mkdtemp()) / "store_bench_input.jsonl"
        with open(tmp, "w", encoding="utf-8") as out:
            for s in sources:
                with open(s, encoding="utf-8") as fh:
                    for i, line in enumerate(fh):
                        if i >= args.limit:
                            break
                        out.write(line)
        sources = [str(tmp)]
    result: dict = {"db": args.db.split("://")[0], "workers": args.workers, "python": platform.python_version(),
                    "cpus": os.cpu_count(), "load_avg_start": os.getloadavg()[0]}
    warnings.filterwarnings("ignore", message="component .* is not available yet")
    off = [c for c in args.disable.split(",") if c]
    if not args.skip_ingest:
        reset(args.db)
        store = open_store(args.db)
        rep = ingest(sources, store, workers=args.workers, batch_size=args.batch_size, disable=off)
        result["ingest"] = {"read": rep.read, "inserted": rep.inserted, "failed": rep.failed, "duplicates": rep.duplicates,
                            "seconds": round(rep.seconds, 1), "articles_per_s": round(rep.rate, 1), "components": rep.components}
        print(json.dumps(result["ingest"], ensure_ascii=False), file=sys.stderr, flush=True)
        # storage alone: the same records into a fresh database, in the same batch size
        records = list(store.iter_records())
        store.close()
        second = args.db + "_storeonly" if args.db.startswith("sqlite") else args.db
        reset(second)
        s2 = open_store(second)
        t0 = time.perf_counter()
        for i in range(0, len(records), args.batch_size):
            s2.upsert(records[i:i + args.batch_size])
        dt = time.perf_counter() - t0
        result["store_only"] = {"articles": len(records), "seconds": round(dt, 2), "articles_per_s": round(len(records) / dt, 1)}
        # rerun: every article already stored, nothing extracted
        t0 = time.perf_counter()
        rep2 = ingest(sources, s2, workers=1, batch_size=args.batch_size, disable=off)
        result["rerun"] = {"skipped_known": rep2.skipped_known, "inserted": rep2.inserted, "seconds": round(time.perf_counter() - t0, 1)}
        s2.close()
        if args.db.startswith("sqlite"):
            reset(second)
        else:  # put the benchmarked database back for the query timings
            reset(args.db)
            s3 = open_store(args.db)
            for i in range(0, len(records), args.batch_size):
                s3.upsert(records[i:i + args.batch_size])
            s3.close()

    store = open_store(args.db)
    result["articles"] = store.count()
    lat: dict[str, list[float]] = {}
    hits: dict[str, int] = {}
    for cls, queries in QUERIES.items():
        for q, opts in queries:
            opts = dict(opts)
            collapse = opts.pop("collapse", False)
            f = SearchFilters(**opts)
            store.search(q, f, limit=20, collapse=collapse)  # warm-up
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                r = store.search(q, f, limit=20, collapse=collapse)
                lat.setdefault(cls, []).append((time.perf_counter() - t0) * 1000)
            hits[f"{cls}: {q} {opts or ''}".strip()] = r.total
    # the other read paths the API serves
    speakers = store.speakers(limit=5)
    others = {
        "quotes(speaker)": lambda: store.quotes(speaker=speakers[0].speaker_id if speakers else "x", limit=20),
        "quotes(q)": lambda: store.quotes("الحكومة", limit=20),
        "speakers": lambda: store.speakers(limit=50),
        "entities": lambda: store.entities(limit=50),
        "entity detail": lambda: store.entity(store.entities(limit=1)[0].entity_id) if store.entities(limit=1) else None,
        "places": lambda: store.places(limit=500),
    }
    for name, fn in others.items():
        fn()
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            lat.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
    store.close()
    all_search = [v for k, vs in lat.items() if k in QUERIES for v in vs]
    result["search_ms"] = {"median": round(statistics.median(all_search), 2), "p95": round(pct(all_search, 95), 2),
                           "n": len(all_search)}
    result["by_class_ms"] = {k: {"median": round(statistics.median(v), 2), "p95": round(pct(v, 95), 2)} for k, v in lat.items()}
    result["hits"] = hits
    result["load_avg_end"] = os.getloadavg()[0]
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print("\n| query class | median ms | p95 ms |\n|---|---:|---:|", file=sys.stderr)
    for k, v in result["by_class_ms"].items():
        print(f"| {k} | {v['median']} | {v['p95']} |", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
