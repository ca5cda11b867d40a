"""Clustering speed and how it grows with the number of articles.

    nice python benchmarks/cluster_bench.py [--sizes 3750,7500,15000,30000] [--dense-days 30] [--json out.json]
    nice python benchmarks/cluster_bench.py --stream all|jsonl [--prune] [--json out.json]

Articles: ``news/ant_unlabeled`` (26,846) plus ``news/ant_multisource`` (3,005) — 29,851 in all.
Features (normalise, shingle, MinHash, TF-IDF) are computed once per article and timed; then the
:class:`~marsad.cluster.Clusterer` adds the first N of them (oldest first) for each size. Two
timelines: the articles' real dates (2012–2018, so a 3-day window holds few articles) and a
*dense* one that spreads the same articles evenly over ``--dense-days`` days (1,000 a day for 30k),
which is what a live feed looks like and the harder case for the windowed candidate search.

``--stream`` measures what a long ingest costs in memory: every article of ``news`` (``all``:
the JSONL corpora plus ``ant_unlabeled``, 32,851; ``jsonl``: ant_multisource + saudinewsnet,
6,005) in publication order (undated first), its features read one at a time from a pickle
stream written once to ``--features-cache``, so the process holds only what the Clusterer
holds. Run it once without and once with ``--prune`` (separate processes: peak RSS is per process).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path


def load(data: Path) -> list[dict]:
    from marsad.evaluation.cluster import read_jsonl

    rows = list(read_jsonl(data / "news" / "ant_unlabeled" / "articles.jsonl.gz"))
    rows += list(read_jsonl(data / "news" / "ant_multisource" / "articles.jsonl"))
    rows.sort(key=lambda r: (r.get("date") or "", r["id"]))
    return rows


def _features_stream(corpus: str, cache: Path):
    """Features of the corpus in publication order (undated first), cached as a pickle stream."""
    import pickle

    from marsad.cluster import ClusterDoc, featurize
    from marsad.cluster.engine import _order_key
    from marsad.config import require_shared_data
    from marsad.evaluation.cluster import read_jsonl

    if not cache.exists():
        news = require_shared_data() / "news"
        paths = [news / "ant_multisource" / "articles.jsonl", news / "saudinewsnet" / "articles.jsonl"]
        if corpus == "all":
            paths.append(news / "ant_unlabeled" / "articles.jsonl.gz")
        t0 = time.perf_counter()
        feats = [featurize(ClusterDoc.from_record(r)) for path in paths for r in read_jsonl(path)]
        secs = time.perf_counter() - t0
        print(f"features: {len(feats)} articles in {secs:.1f} s ({1000 * secs / len(feats):.2f} ms/article)", flush=True)
        feats.sort(key=lambda f: (f.ts is not None, _order_key(f)))
        tmp = cache.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            for f in feats:
                pickle.dump(f, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.rename(cache)
        print(f"features cached in {cache}; run again for the measurement (a fresh process)")
        return None
    def gen():
        with cache.open("rb") as fh:
            while True:
                try:
                    yield pickle.load(fh)
                except EOFError:
                    return
    return gen()


def stream(args: argparse.Namespace) -> dict:
    from marsad.cluster import Clusterer

    cache = args.features_cache or Path(f"/tmp/marsad-cluster-features-{args.stream}.pickle")
    feats = _features_stream(args.stream, cache)
    if feats is None:
        return {}
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    c = Clusterer(prune=args.prune)
    n = held_max = 0
    t_add = 0.0
    marks: list[dict] = []
    cpu0 = time.process_time()
    for f in feats:
        t1 = time.perf_counter()
        c.add(f)
        t_add += time.perf_counter() - t1
        n += 1
        held_max = max(held_max, len(c.features))
        if n % 5000 == 0:
            marks.append({"articles": n, "held": len(c.features), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})
            print(f"  {n:>6} articles: {len(c.features):>6} held, peak RSS {marks[-1]['peak_rss_mb']} MB", flush=True)
    t2 = time.perf_counter()
    stories = c.members()
    t_read = time.perf_counter() - t2
    cpu = time.process_time() - cpu0  # includes reading the pickle stream; the machine's load barely moves it
    out = {"mode": "stream", "corpus": args.stream, "prune": args.prune, "articles": n, "add_seconds": round(t_add, 2),
           "read_seconds": round(t_read, 2), "ms_per_article": round(1000 * (t_add + t_read) / n, 3),
           "cpu_seconds": round(cpu, 2), "cpu_ms_per_article": round(1000 * cpu / n, 3),
           "held_at_end": len(c.features), "held_max": held_max, "stories": len(stories),
           "multi_article_stories": sum(1 for v in stories.values() if len(v) > 1),
           "rss_before_mb": round(rss0), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
           "marks": marks}
    print(f"{args.stream} prune={args.prune}: {n} articles, add {t_add:.1f} s + read {t_read:.1f} s = "
          f"{out['ms_per_article']} ms/article ({out['cpu_ms_per_article']} CPU ms); held {held_max} at most ({len(c.features)} at the end); "
          f"{len(stories)} stories ({out['multi_article_stories']} with 2+); peak RSS {out['peak_rss_mb']} MB "
          f"(before adding: {out['rss_before_mb']} MB)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stream", choices=("all", "jsonl"), help="Memory of a long in-order stream (see above).")
    ap.add_argument("--prune", action="store_true", help="With --stream: Clusterer(prune=True).")
    ap.add_argument("--features-cache", type=Path, help="With --stream: the pickle stream of features (default /tmp).")
    ap.add_argument("--sizes", default="3750,7500,15000,30000")
    ap.add_argument("--dense-days", type=float, default=30.0)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--shuffle", type=int, default=None, metavar="SEED",
                    help="Dense timeline in a seeded random order: the same mix of content at every size "
                         "(the corpus' later years carry more multi-outlet coverage than its early ones).")
    ap.add_argument("--only-dense", action="store_true", help="Skip the real-dates timeline.")
    args = ap.parse_args()
    if args.stream:
        out = stream(args)
        if args.json and out:
            args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
        return

    from marsad.cluster import ClusterDoc, Clusterer, featurize
    from marsad.config import require_shared_data

    rows = load(require_shared_data())
    sizes = [min(int(s), len(rows)) for s in args.sizes.split(",")]
    n = max(sizes)
    rows = rows[:n]
    t0 = time.perf_counter()
    feats = [featurize(ClusterDoc.from_record(r)) for r in rows]
    feat_s = time.perf_counter() - t0
    words = sum(len(r["text"].split()) for r in rows)
    out = {"articles": n, "featurize_seconds": round(feat_s, 2), "featurize_articles_per_s": round(n / feat_s, 1),
           "featurize_words_per_s": round(words / feat_s), "runs": []}
    print(f"features: {n} articles in {feat_s:.1f} s ({n / feat_s:.0f} articles/s, {words / feat_s:,.0f} words/s)", flush=True)

    start = datetime(2018, 1, 1, tzinfo=UTC).timestamp()
    order = list(feats)
    if args.shuffle is not None:
        import random

        random.Random(args.shuffle).shuffle(order)
    dense = [dataclasses.replace(f, ts=start + i * args.dense_days * 86400 / n) for i, f in enumerate(order)]
    label = f"dense ({n / args.dense_days:.0f}/day{', shuffled' if args.shuffle is not None else ''})"
    timelines = [(label, dense)] if args.only_dense else [("real dates", feats), (label, dense)]
    for timeline, fs in timelines:
        for size in sizes:
            c = Clusterer()
            t1 = time.perf_counter()
            c.add_many(fs[:size])
            t_add = time.perf_counter() - t1
            t2 = time.perf_counter()
            stories = c.members()
            t_read = time.perf_counter() - t2
            multi = sum(1 for v in stories.values() if len(v) > 1)
            run = {"timeline": timeline, "articles": size, "add_seconds": round(t_add, 2), "read_seconds": round(t_read, 2),
                   "total_seconds": round(t_add + t_read, 2), "us_per_article": round(1e6 * (t_add + t_read) / size),
                   "stories": len(stories), "multi_article_stories": multi,
                   "largest": max(len(v) for v in stories.values())}
            out["runs"].append(run)
            print(f"{timeline:<16} {size:>6} articles: add {t_add:6.1f} s + read {t_read:5.1f} s = "
                  f"{run['us_per_article']:>5} µs/article; {len(stories)} stories ({multi} with 2+, largest {run['largest']})", flush=True)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"peak RSS {out['peak_rss_mb']} MB")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
