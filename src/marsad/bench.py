"""Benchmarks of the whole pipeline: per-stage and end-to-end speed, peak memory, cold start, Spark.

Speed is measured here, never asserted in tests. Each run returns a JSON-ready dict (the CLI
prints a table and writes it to ``benchmarks/results/``) so runs compare across commits.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .config import require_shared_data
from .doc import RawArticle

#: The real articles the pipeline is measured on (both labelled news corpora, ~6,000 articles).
NEWS_CORPORA = ("ant_multisource", "saudinewsnet")


def load_news(limit: int | None = None) -> list[RawArticle]:
    """Real articles from ../shared/data/news, interleaved across corpora so any prefix mixes outlets."""
    per_corpus: list[list[RawArticle]] = []
    for corpus in NEWS_CORPORA:
        path = require_shared_data("news", corpus, "articles.jsonl")
        items = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                items.append(RawArticle(text=obj["text"], id=obj["id"], url=obj.get("url"), outlet=obj.get("outlet"),
                                        title=obj.get("title"), published_at=obj.get("date")))
        per_corpus.append(items)
    mixed = [a for group in zip(*per_corpus) for a in group]
    longest = max(per_corpus, key=len)
    mixed += longest[len(mixed) // len(per_corpus):]
    return mixed[:limit] if limit else mixed


def word_count(text: str) -> int:
    """Words as whitespace-separated units, the unit of the issue's words/s targets."""
    return len(text.split())


def machine() -> dict[str, Any]:
    """The machine a result was measured on."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        mem_gb = None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb, "python": platform.python_version(),
            "platform": platform.platform()}


def git_commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_COLD_START = """
import time, json, resource
t0 = time.perf_counter()
import marsad
from marsad.pipeline import get_pipeline
t1 = time.perf_counter()
p = get_pipeline()
t2 = time.perf_counter()
p.extract("قال وزير الخارجية إن الحكومة ستقدم 5 ملايين دولار أمس.")
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "models_s": t2 - t1, "first_article_s": t3 - t2,
                  "rss_after_load_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def cold_start(repeats: int = 3) -> dict[str, float]:
    """Import + model loading in fresh processes (best of ``repeats``), and the interpreter's wall time."""
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _COLD_START], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONWARNINGS": "ignore"})
        wall = time.perf_counter() - t0
        data = json.loads(out.stdout.strip().splitlines()[-1])
        data["process_wall_s"] = wall
        runs.append(data)
    best = min(runs, key=lambda r: r["import_s"] + r["models_s"])
    best["import_plus_models_s"] = best["import_s"] + best["models_s"]
    return best


def pin_one_core() -> bool:
    """Run this process on one CPU so figures are per core (BLAS threads are capped by the caller's env)."""
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[0]})
        return True
    return False


def pipeline_bench(articles: list[RawArticle], disable: Iterable[str] = (), warmup: int = 20) -> dict[str, Any]:
    """Per-stage and whole-pipeline throughput on ``articles`` in this process (one core)."""
    from .pipeline import Pipeline

    rss_before = _peak_rss_mb()
    t0 = time.perf_counter()
    pipeline = Pipeline.default(disable=tuple(disable))
    load_s = time.perf_counter() - t0
    for art in articles[:warmup]:
        pipeline(art)
    for key in pipeline.timings:
        pipeline.timings[key] = 0.0
    words = sum(word_count(a.text) for a in articles)
    errors = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    for result in pipeline.pipe(articles):
        if not hasattr(result, "record"):
            errors += 1
    total_s = time.perf_counter() - t0
    cpu_s = time.process_time() - c0
    stages = []
    for name, secs in pipeline.timings.items():
        stages.append({"stage": name, "seconds": secs, "share": secs / total_s if total_s else 0.0,
                       "articles_per_s": len(articles) / secs if secs else None,
                       "words_per_s": words / secs if secs else None})
    rest = total_s - sum(pipeline.timings.values())
    stages.append({"stage": "record building", "seconds": rest, "share": rest / total_s if total_s else 0.0,
                   "articles_per_s": None, "words_per_s": None})
    return {
        "articles": len(articles), "words": words, "errors": errors, "components": pipeline.names,
        "load_s": load_s, "seconds": total_s,
        "articles_per_s": len(articles) / total_s, "words_per_s": words / total_s,
        # CPU time of this (one-core) process: the per-core figure on a machine others share.
        "cpu_s": cpu_s, "articles_per_cpu_s": len(articles) / cpu_s if cpu_s else None,
        "words_per_cpu_s": words / cpu_s if cpu_s else None,
        "peak_rss_mb": _peak_rss_mb(), "rss_before_load_mb": rss_before, "stages": stages,
    }


def cluster_bench(articles: list[RawArticle]) -> dict[str, Any]:
    """The clustering stage (features + incremental Clusterer) on the same articles, one core."""
    from .cluster import ClusterDoc, Clusterer, featurize

    docs = [ClusterDoc(id=a.id or str(i), text=a.text, title=a.title, outlet=a.outlet, published_at=a.published_at)
            for i, a in enumerate(articles)]
    words = sum(word_count(a.text) for a in articles)
    featurize(docs[0])  # IDF table and permutations load outside the timing
    t0 = time.perf_counter()
    feats = [featurize(d) for d in docs]
    featurize_s = time.perf_counter() - t0
    # The production path (store rebuilds): publication order, undated first, finished stories pruned.
    feats.sort(key=lambda f: (f.ts is not None, f.ts or 0.0, f.id))
    clusterer = Clusterer(prune=True, lateness_hours=1.0)
    t0 = time.perf_counter()
    clusterer.add_many(feats)
    add_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    stories = clusterer.members()
    read_s = time.perf_counter() - t0
    total = featurize_s + add_s + read_s
    return {"articles": len(articles), "featurize_s": featurize_s, "add_s": add_s, "read_clusters_s": read_s,
            "seconds": total, "articles_per_s": len(articles) / total, "words_per_s": words / total,
            "stories": len(stories), "multi_article_stories": sum(1 for m in stories.values() if len(m) > 1)}


def spark_bench(articles: list[RawArticle], cores: Iterable[int] = (1, 2), with_cluster: bool = True) -> list[dict[str, Any]]:
    """The Spark extraction job in local mode at each core count, on the same articles.

    Session start-up is timed apart from the job; each run gets a fresh session so the first
    batch on each core pays its model load, as on a real cluster.
    """
    from .spark.job import extract, spark_session

    cores = tuple(cores)
    results = []
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title,
                                     "published_at": a.published_at, "text": a.text}, ensure_ascii=False) + "\n")
        words = sum(word_count(a.text) for a in articles)
        for n in cores:
            t0 = time.perf_counter()
            spark = spark_session(f"local[{n}]", app_name=f"marsad-bench-{n}")
            start_s = time.perf_counter() - t0
            try:
                t0 = time.perf_counter()
                counts = extract(spark, str(src), str(Path(tmp) / f"out{n}"), partitions=max(2 * n, 2), mode="overwrite")
                job_s = time.perf_counter() - t0
                row = {"cores": n, "session_start_s": start_s, "job_s": job_s, "records": counts["records"],
                       "errors": counts["errors"], "articles_per_s": len(articles) / job_s, "words_per_s": words / job_s}
                if with_cluster and n == max(cores):
                    # The clustering job on the records just written (entities, places, quotes included).
                    from .spark.cluster import cluster

                    t0 = time.perf_counter()
                    cc = cluster(spark, str(Path(tmp) / f"out{n}" / "records"), str(Path(tmp) / f"clusters{n}"), mode="overwrite")
                    row["cluster_job_s"] = time.perf_counter() - t0
                    row["cluster_counts"] = cc
            finally:
                spark.stop()
            results.append(row)
    if len(results) > 1:
        base = results[0]["articles_per_s"]
        for r in results:
            r["speedup_vs_first"] = r["articles_per_s"] / base
    return results


def run(limit: int | None = None, *, spark_limit: int | None = None, with_spark: bool = False,
        with_cold_start: bool = True, with_cluster: bool = True, disable: Iterable[str] = ()) -> dict[str, Any]:
    """The benchmark suite; the result is what the CLI prints and saves."""
    articles = load_news(limit)
    result: dict[str, Any] = {
        "benchmark": "marsad.pipeline/1", "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "commit": git_commit(), "machine": machine(), "load_average_before": _load(),
    }
    if with_cold_start:
        result["cold_start"] = cold_start()
    pinned = pin_one_core()
    result["pipeline"] = pipeline_bench(articles, disable=disable)
    result["pipeline"]["pinned_to_one_core"] = pinned
    if with_cluster:
        result["cluster"] = cluster_bench(articles)
    if with_spark:
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, set(range(os.cpu_count() or 1)))
        result["spark"] = spark_bench(load_news(spark_limit) if spark_limit != limit else articles, with_cluster=with_cluster)
    result["load_average_after"] = _load()
    return result


def _load() -> list[float] | None:
    """1/5/15-minute load averages: figures taken on a busy machine are slower than they should be."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None
