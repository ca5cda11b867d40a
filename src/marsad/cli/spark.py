"""``marsad spark extract|cluster``: the pipeline and the clusterer as Spark jobs."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import spark_app

_MASTER = typer.Option("--master", help="Spark master, e.g. local[2] or yarn; default local[*]")
_FORMAT = typer.Option("--input-format", help="auto (by extension), jsonl or parquet")
_PARTS = typer.Option("--partitions", help="repartition the input into N partitions first")
_OVERWRITE = typer.Option("--overwrite", help="replace OUTPUT if it exists")


@spark_app.command("extract")
def spark_extract(
    input_path: Annotated[str, typer.Argument(help="articles: JSONL or Parquet, any Hadoop-compatible path or glob")],
    output_path: Annotated[str, typer.Argument(help="output directory: records/ (Parquet by date) and errors/")],
    master: Annotated[str, _MASTER] = "local[*]",
    input_format: Annotated[str, _FORMAT] = "auto",
    partitions: Annotated[int | None, _PARTS] = None,
    overwrite: Annotated[bool, _OVERWRITE] = False,
    disable: Annotated[list[str] | None, typer.Option("--disable", help="pipeline component to switch off (repeatable)")] = None,
) -> None:
    """Extract records from articles with Spark (the same records as ``marsad extract``)."""
    from ..spark.job import extract, spark_session

    spark = spark_session(master, app_name="marsad-extract")
    try:
        counts = extract(spark, input_path, output_path, input_format=input_format, partitions=partitions,
                         mode="overwrite" if overwrite else "errorifexists", disable=tuple(disable or ()))
    finally:
        spark.stop()
    typer.echo(f"{counts['records']} records, {counts['errors']} errors → {output_path}")
    if counts["errors"]:
        raise typer.Exit(1)


@spark_app.command("cluster")
def spark_cluster(
    input_path: Annotated[str, typer.Argument(help="records written by `marsad spark extract` (OUTPUT/records) or articles JSONL")],
    output_path: Annotated[str, typer.Argument(help="output directory for (id, cluster_id, duplicate_of) Parquet")],
    master: Annotated[str, _MASTER] = "local[*]",
    partitions: Annotated[int | None, _PARTS] = None,
    overwrite: Annotated[bool, _OVERWRITE] = False,
) -> None:
    """Near-duplicate and story clustering at scale: MinHash signatures and LSH banding in Spark."""
    from ..spark.cluster import cluster
    from ..spark.job import spark_session

    spark = spark_session(master, app_name="marsad-cluster")
    try:
        counts = cluster(spark, input_path, output_path, partitions=partitions, mode="overwrite" if overwrite else "errorifexists")
    finally:
        spark.stop()
    typer.echo(", ".join(f"{v} {k}" for k, v in counts.items()) + f" → {output_path}")
