"""Benchmark: what the quotes component adds to the pipeline's time, on real articles.

``python eval/bench_quotes.py [N] [--memory]`` runs the default pipeline (every component) over the first N
articles (default 1000) of the shared news corpora, alternating the two corpora, after a warm-up
of 20 articles (models load once), and prints seconds per stage from ``Pipeline.timings`` plus
quotes' share of the rest of the pipeline.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from itertools import islice

from marsad.config import require_shared_data
from marsad.doc import RawArticle
from marsad.pipeline import Pipeline


def articles(n: int) -> list[RawArticle]:
    streams = []
    for corpus in ("ant_multisource", "saudinewsnet"):
        fh = require_shared_data("news", corpus, "articles.jsonl").open(encoding="utf-8")
        streams.append(json.loads(line) for line in fh)
    out: list[RawArticle] = []
    while len(out) < n:
        for s in streams:
            row = next(s)
            out.append(RawArticle(text=row["text"], id=row["id"], outlet=row["outlet"], title=row.get("title"),
                                  published_at=row.get("date")))
    return out[:n]


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 1000
    docs = articles(n + 20)
    pipeline = Pipeline.default()
    for raw in islice(docs, 20):  # warm-up: lexicons and models load
        pipeline(raw)
    pipeline.timings = dict.fromkeys(pipeline.timings, 0.0)
    tokens = quotes = 0
    memory = "--memory" in sys.argv  # tracemalloc slows every stage: measure memory in its own run
    if memory:
        tracemalloc.start()
    t0 = time.perf_counter()
    for raw in docs[20:]:
        doc = pipeline(raw)
        tokens += len(doc.tokens)
        quotes += len(doc.quotes)
    wall = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] if memory else 0
    if memory:
        tracemalloc.stop()
    rest = sum(v for k, v in pipeline.timings.items() if k != "quotes")
    print(f"{n} articles, {tokens:,} tokens, {quotes:,} quotes in {wall:.2f} s "
          f"({n / wall:.1f} articles/s" + (f"; peak traced memory {peak / 1e6:.1f} MB)" if memory else ")"))
    for name, secs in sorted(pipeline.timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<11} {secs:8.3f} s  {secs / n * 1000:7.2f} ms/article")
    q = pipeline.timings.get("quotes", 0.0)
    print(f"quotes: {q / n * 1000:.2f} ms/article, {tokens / q if q else 0:,.0f} tokens/s; "
          f"adds {q / rest * 100:.1f}% to the rest of the pipeline ({rest:.2f} s)")


if __name__ == "__main__":
    main()
