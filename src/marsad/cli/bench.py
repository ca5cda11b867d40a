"""``marsad bench``: measure the pipeline (per stage), cold start, and the Spark job."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from .app import app


@app.command("bench")
def bench(
    limit: Annotated[int | None, typer.Option(help="articles of ../shared/data/news to use (default: all ~6,000)")] = None,
    spark: Annotated[bool, typer.Option("--spark/--no-spark", help="also time the Spark job at 1 and 2 local cores")] = False,
    spark_limit: Annotated[int | None, typer.Option(help="articles for the Spark runs (default: same as --limit)")] = None,
    cold_start: Annotated[bool, typer.Option("--cold-start/--no-cold-start", help="time import + model loading in fresh processes")] = True,
    cluster: Annotated[bool, typer.Option("--cluster/--no-cluster", help="also time clustering (and the Spark cluster job with --spark)")] = True,
    disable: Annotated[list[str] | None, typer.Option("--disable", help="component to switch off (repeatable)")] = None,
    out: Annotated[Path | None, typer.Option(help="JSON result file (default benchmarks/results/<time>-<commit>.json)")] = None,
) -> None:
    """Benchmark the extraction pipeline on real articles: articles/s, words/s, peak memory, per stage."""
    import os

    # One core means one BLAS thread too; set before numpy is first imported by the pipeline.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from rich.console import Console
    from rich.table import Table

    from .. import bench as b

    try:
        result = b.run(limit, spark_limit=spark_limit if spark_limit is not None else limit, with_spark=spark,
                       with_cold_start=cold_start, with_cluster=cluster, disable=disable or ())
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    console = Console()
    p = result["pipeline"]
    m = result["machine"]
    console.print(f"[bold]marsad bench[/] — {p['articles']:,} articles, {p['words']:,} words; {m['cpu']} "
                  f"({m['cores']} cores), Python {m['python']}; commit {result['commit']}")
    table = Table(title="Pipeline on one core")
    for col in ("stage", "seconds", "share", "articles/s", "words/s"):
        table.add_column(col, justify="right" if col != "stage" else "left")
    for s in p["stages"]:
        table.add_row(s["stage"], f"{s['seconds']:.2f}", f"{s['share']:.1%}",
                      f"{s['articles_per_s']:,.0f}" if s["articles_per_s"] else "-",
                      f"{s['words_per_s']:,.0f}" if s["words_per_s"] else "-")
    table.add_row("[bold]whole pipeline", f"{p['seconds']:.2f}", "100%", f"{p['articles_per_s']:,.1f}", f"{p['words_per_s']:,.0f}")
    console.print(table)
    console.print(f"peak memory {p['peak_rss_mb']:.0f} MB; errors {p['errors']}; components: {', '.join(p['components'])}")
    if p.get("cpu_s"):
        console.print(f"CPU time {p['cpu_s']:.1f} s: {p['articles_per_cpu_s']:,.1f} articles and "
                      f"{p['words_per_cpu_s']:,.0f} words per CPU second; load average before {result.get('load_average_before')}")
    if "cold_start" in result:
        c = result["cold_start"]
        console.print(f"cold start: import {c['import_s']:.2f} s + models {c['models_s']:.2f} s = "
                      f"{c['import_plus_models_s']:.2f} s (process wall {c['process_wall_s']:.2f} s)")
    if "cluster" in result:
        c = result["cluster"]
        console.print(f"clustering (one core): {c['seconds']:.1f} s = {c['articles_per_s']:,.0f} articles/s "
                      f"(features {c['featurize_s']:.1f} s, clusterer {c['add_s']:.1f} s, reading {c['read_clusters_s']:.1f} s); "
                      f"{c['stories']:,} stories, {c['multi_article_stories']:,} with several articles")
    if "spark" in result:
        st = Table(title="Spark job, local mode")
        for col in ("cores", "session start s", "job s", "articles/s", "words/s", "speed-up"):
            st.add_column(col, justify="right")
        for r in result["spark"]:
            st.add_row(str(r["cores"]), f"{r['session_start_s']:.1f}", f"{r['job_s']:.1f}", f"{r['articles_per_s']:,.1f}",
                       f"{r['words_per_s']:,.0f}", f"{r.get('speedup_vs_first', 1.0):.2f}×")
        console.print(st)
        for r in result["spark"]:
            if "cluster_job_s" in r:
                console.print(f"Spark cluster job at {r['cores']} cores: {r['cluster_job_s']:.1f} s ({r['cluster_counts']})")
    if out is None:
        stamp = result["when"].replace(":", "").replace("-", "")[:15]
        out = Path("benchmarks/results") / f"{stamp}-{result['commit'] or 'nocommit'}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    console.print(f"saved {out}")
