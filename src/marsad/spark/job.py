"""The extraction pipeline as an Apache Spark job.

Articles (JSONL or Parquet, any Hadoop-compatible path) go through ``mapInArrow``: each
Python worker builds the pipeline once (``get_pipeline`` is cached per process and Spark
reuses workers), then extracts whole Arrow batches. Records are written as Parquet
partitioned by publication day; an article that fails becomes a row in the separate
``errors`` output, never a failed job.

Run it with ``marsad spark extract IN OUT`` or, on a cluster::

    spark-submit --py-files marsad.whl "$(python -c 'import marsad.spark.job as j; print(j.__file__)')" extract IN OUT
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .schema import ERROR_COLUMNS, INPUT_DDL, RECORD_COLUMNS, RESULT_DDL

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

#: Rows per Arrow batch handed to a worker: large enough to amortise Python overhead,
#: small enough to keep a worker's memory flat on long articles.
BATCH_ROWS = 256
_CORRUPT = "_corrupt_record"


def spark_session(master: str | None = None, app_name: str = "marsad", conf: dict[str, str] | None = None) -> SparkSession:
    """A SparkSession for the job; ``master`` like ``local[2]`` (None keeps spark-submit's choice)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master and master.startswith("local"):
        # Local mode talks to itself only: keep every socket on loopback.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    settings = {
        "spark.sql.execution.arrow.maxRecordsPerBatch": str(BATCH_ROWS),
        "spark.python.worker.reuse": "true",
        "spark.sql.session.timeZone": "UTC",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
    }
    if master and master.startswith("local"):
        settings["spark.driver.host"] = "127.0.0.1"
        settings["spark.driver.bindAddress"] = "127.0.0.1"
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def read_articles(spark: SparkSession, path: str, input_format: str = "auto") -> DataFrame:
    """Read articles with the columns of :data:`INPUT_DDL` (+ ``origin``, + a corrupt-line column for JSONL)."""
    from pyspark.sql import functions as F

    fmt = input_format
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") else "jsonl"
    if fmt == "parquet":
        df = spark.read.parquet(path)
        for col in ("id", "url", "outlet", "title", "date", "published_at", "text"):
            if col not in df.columns:
                df = df.withColumn(col, F.lit(None).cast("string"))
        df = df.withColumn(_CORRUPT, F.lit(None).cast("string"))
    elif fmt == "jsonl":
        df = (spark.read.schema(f"{INPUT_DDL}, {_CORRUPT} STRING")
              .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", _CORRUPT).json(path))
    else:
        raise ValueError(f"unknown input format {input_format!r}: use auto, jsonl or parquet")
    return df.select("id", "url", "outlet", "title", "date", "published_at", "text", _CORRUPT,
                     F.col("_metadata.file_path").alias("origin"))


def _result_row(record: dict[str, Any] | None, *, article_id: str | None, origin: str | None, error: str | None) -> dict[str, Any]:
    if record is None:
        row: dict[str, Any] = dict.fromkeys(RECORD_COLUMNS)
        row["id"] = article_id
    else:
        row = {k: record.get(k) for k in RECORD_COLUMNS if k != "published_date"}
        published = record.get("published_at")
        row["published_date"] = published[:10] if published else "unknown"
    row["origin"] = origin
    row["error"] = error
    return row


def extract_batches(batches: Iterator[pa.RecordBatch], schema: pa.Schema, disable: tuple[str, ...] = ()) -> Iterator[pa.RecordBatch]:
    """``mapInArrow`` function: article batches in, record-or-error batches of ``schema`` out."""
    import pyarrow as pa

    from ..doc import RawArticle
    from ..pipeline import get_pipeline

    pipeline = get_pipeline(disable)  # once per Python worker process, reused across batches and tasks
    for batch in batches:
        rows = []
        for art in batch.to_pylist():
            origin = art.get("origin")
            if art.get(_CORRUPT) is not None:
                rows.append(_result_row(None, article_id=None, origin=origin, error="malformed JSON line"))
                continue
            text = art.get("text")
            if text is None:
                rows.append(_result_row(None, article_id=art.get("id"), origin=origin, error="no text field"))
                continue
            raw = RawArticle(text=text, id=art.get("id"), url=art.get("url"), outlet=art.get("outlet"),
                             title=art.get("title"), published_at=art.get("published_at") or art.get("date"), origin=origin)
            result = next(pipeline.pipe([raw]))
            if hasattr(result, "record"):
                rows.append(_result_row(result.record.to_dict(), article_id=raw.id, origin=origin, error=None))
            else:
                rows.append(_result_row(None, article_id=result.article_id, origin=origin, error=result.reason))
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def extract(spark: SparkSession, input_path: str, output_path: str, *, input_format: str = "auto",
            partitions: int | None = None, mode: str = "errorifexists", disable: tuple[str, ...] = ()) -> dict[str, int]:
    """Run the extraction job; returns counts of records and errors written.

    ``disable`` names pipeline components to switch off, as ``marsad extract --disable``.

    Output: ``OUTPUT/records`` (Parquet, partitioned by ``published_date``) and
    ``OUTPUT/errors`` (Parquet: id, origin, error).
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from pyspark.sql.pandas.types import to_arrow_schema

    articles = read_articles(spark, input_path, input_format)
    if partitions:
        articles = articles.repartition(partitions)
    # The DDL is parsed here on the driver (parsing needs the JVM); workers get the Arrow schema.
    result_type = spark.createDataFrame([], RESULT_DDL).schema
    func = functools.partial(extract_batches, schema=to_arrow_schema(result_type), disable=tuple(sorted(disable)))
    results = articles.mapInArrow(func, result_type).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        records = results.where(F.col("error").isNull()).select(*RECORD_COLUMNS)
        errors = results.where(F.col("error").isNotNull()).select(*ERROR_COLUMNS)
        records.write.mode(mode).partitionBy("published_date").parquet(f"{output_path.rstrip('/')}/records")
        errors.write.mode(mode).parquet(f"{output_path.rstrip('/')}/errors")
        n_errors = errors.count()
        n_records = results.count() - n_errors
    finally:
        results.unpersist()
    return {"records": n_records, "errors": n_errors}


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``spark-submit job.py extract|cluster IN OUT``."""
    parser = argparse.ArgumentParser(prog="marsad-spark", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="job", required=True)
    for name in ("extract", "cluster"):
        p = sub.add_parser(name)
        p.add_argument("input")
        p.add_argument("output")
        p.add_argument("--master", default=None, help="e.g. local[2]; default: what spark-submit set")
        p.add_argument("--input-format", default="auto", choices=["auto", "jsonl", "parquet"])
        p.add_argument("--partitions", type=int, default=None)
        p.add_argument("--mode", default="errorifexists", choices=["errorifexists", "overwrite"])
        p.add_argument("--disable", action="append", default=[], help="pipeline component to switch off (repeatable)")
    args = parser.parse_args(argv)
    spark = spark_session(args.master, app_name=f"marsad-{args.job}")
    if args.job == "extract":
        counts = extract(spark, args.input, args.output, input_format=args.input_format,
                         partitions=args.partitions, mode=args.mode, disable=tuple(args.disable))
    else:
        from .cluster import cluster

        counts = cluster(spark, args.input, args.output, partitions=args.partitions, mode=args.mode)
    print(counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
