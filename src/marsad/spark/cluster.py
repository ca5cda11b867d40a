"""Near-duplicate and same-story clustering as a Spark job, with the local clusterer's ids.

The local :class:`marsad.cluster.Clusterer` adds articles one by one; every decision it makes
depends only on the two articles of a pair, so the same clusters come out of a batch job that
finds the same candidate pairs and makes the same pairwise decisions:

1. **Features** (``mapInArrow``): each record goes through :func:`marsad.cluster.featurize`
   (MinHash signature, LSH band keys, top TF-IDF terms, sampled shingle fingerprints). The
   features are pickled into a column for step 3.
2. **Candidate pairs**, exactly the Clusterer's three searches, as joins:
   * LSH: articles sharing a band key (explode + self-join on the key);
   * story: ≥ ``min_shared_terms`` shared top terms and ≤ ``story_window_hours`` apart;
   * excerpt: ≥ ``min_shared_fingerprints`` shared fingerprints and ≤ ``dup_window_hours`` apart.
   The windowed joins go through time buckets one window wide (each article is matched against
   its own and the two neighbouring buckets), then the exact window is applied; undated articles
   match every article, as in the Clusterer.
3. **Edges**: :func:`marsad.cluster.engine.pair_edge` on each pair (the function the Clusterer
   calls), so "copy", "excerpt" and "story" edges are decided by the same code; only story
   candidates may form plain story edges.
4. **Components**: min-label propagation over the edges, both graphs at once (near-duplicate
   groups over copy edges, stories over all edges), with pointer jumping and ``localCheckpoint``
   each round; labels are the order key (publication time, id), so a component's label is its
   earliest member and its id is ``cluster_id("story"|"dup", earliest member id)`` — the id the
   Clusterer gives.
5. **Stories and provenance**, one component per task: ``split_component`` and ``build_story``
   (first publisher, credited source, each member's relation and ``copy_of``), as locally.

Input: records written by ``marsad spark extract`` (``OUTPUT/records``, Parquet) or JSON Lines
(records or plain articles). Output: ``OUTPUT/assignments`` (one row per article, with the
provenance the local clusterer gives: relation, copy_of, the story's credited source),
``OUTPUT/edges`` (the pair decisions) and ``OUTPUT/errors`` (lines that are no article).
"""

from __future__ import annotations

import functools
import json
import math
import pickle
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, SparkSession

    from ..cluster import ClusterConfig

#: Rounds of label propagation before giving up (pointer jumping makes a chain of n articles
#: converge in about log2(n) rounds, so this is never reached by real news).
MAX_ROUNDS = 40

FEATURE_DDL = ", ".join([
    "row_no BIGINT", "id STRING", "ts DOUBLE", "ts_key DOUBLE", "outlet STRING", "published_at STRING",
    "credited_source STRING", "n_shingles INT", "bands ARRAY<STRING>", "terms ARRAY<STRING>",
    "fingerprints ARRAY<BIGINT>", "features BINARY", "story_key STRING", "dup_key STRING", "error STRING",
])
PAIR_DDL = "a STRING, b STRING, kind STRING, similarity DOUBLE"
ASSIGNMENT_COLUMNS = ("id", "cluster_id", "dup_group_id", "duplicate_of", "story_first_id", "story_size", "dup_size",
                      "outlet", "published_at", "credited_source", "relation", "copy_of", "copy_similarity",
                      "story_credited_source")
#: What the per-component task returns for each member: the story split and its provenance.
STORY_DDL = ("id STRING, cluster_id STRING, story_first_id STRING, relation STRING, copy_of STRING, "
             "copy_similarity DOUBLE, story_credited_source STRING")


def _signed(h: int) -> int:
    """A uint64 fingerprint as the int64 Spark stores (only equality matters)."""
    return h - (1 << 64) if h >= (1 << 63) else h


def featurize_batches(batches: Iterator[pa.RecordBatch], schema: pa.Schema, config: ClusterConfig) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: ``(row_no, value)`` with ``value`` a JSON record → one feature row (or an error row)."""
    import pyarrow as pa

    from ..cluster import ClusterDoc, band_keys, cluster_id, featurize

    for batch in batches:
        rows = []
        for item in batch.to_pylist():
            row: dict[str, Any] = {"row_no": item["row_no"]}
            try:
                record = json.loads(item["value"])
            except ValueError:
                rows.append({**row, "error": "malformed JSON line"})
                continue
            if not isinstance(record, dict):
                rows.append({**row, "error": "not a JSON object"})
                continue
            article_id = record.get("id")
            row["id"] = None if article_id is None else str(article_id)
            if not isinstance(article_id, str) or not article_id:
                rows.append({**row, "error": "no id"})
                continue
            try:
                f = featurize(ClusterDoc.from_record(record), config)
            except Exception as exc:  # one bad record never stops the job
                rows.append({**row, "error": f"{type(exc).__name__}: {exc}"})
                continue
            row.update(
                ts=f.ts, ts_key=math.inf if f.ts is None else f.ts, outlet=f.outlet,
                published_at=record.get("published_at") or record.get("date"), credited_source=f.credited,
                n_shingles=f.n_shingles,
                bands=band_keys(f.signature, config.lsh_bands, config.lsh_rows) if f.n_shingles else [],
                terms=list(f.top_terms), fingerprints=sorted(_signed(h) for h in f.fingerprints),
                features=pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL),
                story_key=cluster_id("story", f.id), dup_key=cluster_id("dup", f.id),
            )
            rows.append(row)
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def edge_batches(batches: Iterator[pa.RecordBatch], schema: pa.Schema, config: ClusterConfig) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: candidate pairs with both articles' features → the pairs that are edges."""
    import pyarrow as pa

    from ..cluster.engine import containment, dup_similarity, pair_edge, story_score

    for batch in batches:
        rows = []
        for item in batch.to_pylist():
            # The Clusterer compares the article being added with earlier ones: f is the later.
            f, g = pickle.loads(item["fb"]), pickle.loads(item["fa"])
            kind = pair_edge(f, g, config, bool(item["story_candidate"]))
            if kind is None:
                continue
            if kind == "copy":
                sim = dup_similarity(f, g)
            elif kind == "excerpt":
                sim = containment(f, g)
            else:
                sim = story_score(f, g, config)
            rows.append({"a": item["a"], "b": item["b"], "kind": kind, "similarity": float(sim)})
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def read_records(spark: SparkSession, path: str, input_format: str = "auto") -> DataFrame:
    """``(row_no, value)``: each input record as a JSON string, numbered in input order.

    JSON Lines are read as text, so the workers parse exactly the line a local run would;
    Parquet rows (``marsad spark extract`` records) are turned into the same JSON record.
    """
    from pyspark.sql import functions as F

    fmt = input_format
    if fmt == "auto":
        stem = path.rstrip("/").lower()
        fmt = "jsonl" if stem.endswith((".jsonl", ".json", ".ndjson", ".jsonl.gz", ".json.gz", ".ndjson.gz")) else "parquet"
    if fmt == "jsonl":
        df = spark.read.text(path).where(F.trim("value") != "")
    elif fmt == "parquet":
        raw = spark.read.parquet(path)
        df = raw.select(F.to_json(F.struct(*[F.col(f"`{c}`") for c in raw.columns if c != "published_date"])).alias("value"))
    else:
        raise ValueError(f"unknown input format {input_format!r}: use auto, jsonl or parquet")
    # Input order decides which of two rows with one id counts (the first, as in the Clusterer).
    return df.select(F.monotonically_increasing_id().alias("row_no"), "value")


def _windowed_pairs(feats: DataFrame, column: str, hours: float, min_shared: int, with_undated: bool = True) -> DataFrame:
    """Pairs ``(a, b)``, ``a < b``, sharing ≥ ``min_shared`` items of ``column`` and ≤ ``hours`` apart."""
    from pyspark.sql import functions as F

    width = max(1, math.ceil(hours / 24)) * 86400.0  # a bucket one window wide, in seconds
    items = feats.select("id", "ts", F.explode(column).alias("item"))
    dated = items.where(F.col("ts").isNotNull()).withColumn("bucket", F.floor(F.col("ts") / width))
    left = dated.select(F.col("id").alias("a"), F.col("ts").alias("ts_a"), "item", "bucket")
    right = dated.select(F.col("id").alias("b"), F.col("ts").alias("ts_b"), "item",
                         F.explode(F.array(*[F.col("bucket") + k for k in (-1, 0, 1)])).alias("bucket"))
    matches = (left.join(right, ["item", "bucket"]).where(F.col("a") < F.col("b"))
               .where(F.abs(F.col("ts_a") - F.col("ts_b")) <= hours * 3600).select("a", "b", "item"))
    if with_undated:
        # An undated article is within any window of any article (as in the Clusterer).
        undated = items.where(F.col("ts").isNull()).select(F.col("id").alias("u"), "item")
        others = items.select(F.col("id").alias("o"), "item")
        matches = matches.unionByName(
            undated.join(others, "item").where(F.col("u") != F.col("o"))
            .select(F.least("u", "o").alias("a"), F.greatest("u", "o").alias("b"), "item"))
    # Two undated articles meet twice: count distinct shared items.
    return (matches.groupBy("a", "b").agg(F.countDistinct("item").alias("shared"))
            .where(F.col("shared") >= min_shared).select("a", "b"))


def candidate_pairs(feats: DataFrame, config: ClusterConfig) -> DataFrame:
    """``(a, b, story_candidate)`` with ``a < b``: the pairs the Clusterer would look at."""
    from pyspark.sql import functions as F

    # The undated branch costs a join even when empty: plan it only when there are undated articles.
    undated = feats.where(F.col("ts").isNull()).limit(1).count() > 0
    bands = feats.select("id", F.explode("bands").alias("band"))
    lsh = (bands.alias("x").join(bands.alias("y"), "band").where(F.col("x.id") < F.col("y.id"))
           .select(F.col("x.id").alias("a"), F.col("y.id").alias("b")).distinct()
           .withColumn("story_candidate", F.lit(False)))
    story = _windowed_pairs(feats, "terms", config.story_window_hours, config.min_shared_terms, undated) \
        .withColumn("story_candidate", F.lit(True))
    excerpt = _windowed_pairs(feats, "fingerprints", config.dup_window_hours, config.min_shared_fingerprints, undated) \
        .withColumn("story_candidate", F.lit(False))
    return (lsh.unionByName(story).unionByName(excerpt)
            .groupBy("a", "b").agg(F.max("story_candidate").alias("story_candidate")))


def connected_labels(edges: DataFrame, keys: DataFrame, max_rounds: int = MAX_ROUNDS) -> tuple[DataFrame, int]:
    """Earliest member of each article's story and near-duplicate component.

    ``edges``: ``(a, b, copy)``; ``keys``: ``(id, key)`` with ``key = struct(ts_key, id)``, the
    Clusterer's order key. Returns ``(id, story_label, dup_label)`` for the articles that have
    edges (labels are keys) and the number of rounds it took.
    """
    from pyspark.sql import functions as F

    both = edges.select(F.col("a").alias("src"), F.col("b").alias("dst"), "copy").unionByName(
        edges.select(F.col("b").alias("src"), F.col("a").alias("dst"), "copy")).localCheckpoint()
    nodes = both.select(F.col("src").alias("id")).distinct()
    labels = (nodes.join(keys, "id").select("id", F.col("key").alias("sl"), F.col("key").alias("dl"))
              .localCheckpoint())
    for rounds in range(1, max_rounds + 1):
        # Each article takes the smallest label among itself and its neighbours (copy edges only
        # for the near-duplicate label) ...
        msgs = (both.join(labels.withColumnRenamed("id", "src"), "src")
                .select(F.col("dst").alias("id"), "sl", F.when(F.col("copy"), F.col("dl")).alias("dl"))
                .groupBy("id").agg(F.min("sl").alias("msl"), F.min("dl").alias("mdl")))
        step = (labels.join(msgs, "id", "left")
                .select("id", F.least("sl", "msl").alias("sl"), F.least("dl", "mdl").alias("dl"),
                        F.col("sl").alias("old_sl"), F.col("dl").alias("old_dl")))
        # ... then the label of its label (pointer jumping: the label is a member of the same
        # component, so its label is a valid, often smaller, one).
        story_jump = labels.select(F.col("id").alias("sj_id"), F.col("sl").alias("sj"))
        dup_jump = labels.select(F.col("id").alias("dj_id"), F.col("dl").alias("dj"))
        step = (step.join(story_jump, F.col("sl.id") == F.col("sj_id"), "left")
                .join(dup_jump, F.col("dl.id") == F.col("dj_id"), "left")
                .select("id", F.least("sl", "sj").alias("sl"), F.least("dl", "dj").alias("dl"), "old_sl", "old_dl")
                .localCheckpoint())
        changed = step.where((F.col("sl") != F.col("old_sl")) | (F.col("dl") != F.col("old_dl"))).count()
        labels = step.select("id", "sl", "dl")
        if changed == 0:
            return labels, rounds
    raise RuntimeError(f"connected components did not converge in {max_rounds} rounds")


def _component_rows(item: tuple[str, Any], config: ClusterConfig) -> list[tuple]:
    """One story-graph component → a row per member: its story and provenance, as the Clusterer gives them.

    ``item`` is ``(label, (members, excerpt_pairs))``: members ``(id, pickled features, earliest
    member of its near-duplicate group)``, and the component's excerpt edges ``(a, b)``. The split
    is :func:`~marsad.cluster.engine.split_component` and the provenance
    :func:`~marsad.cluster.engine.build_story`, the functions the local clusterer calls.
    """
    from ..cluster.engine import _order_key, build_story, cluster_id, excerpt_link, split_component

    _, (rows, excerpt_pairs) = item
    rows = list(rows)
    feats = [pickle.loads(r[1]) for r in rows]
    dup_first = {r[0]: r[2] for r in rows}
    parts = split_component(feats, dup_first.__getitem__, config) if len(feats) > 1 else [[feats[0].id]]
    by_id = {f.id: f for f in feats}
    excerpt_of: dict[str, dict[str, float]] = {}
    for a, b in excerpt_pairs:
        short, long_, share = excerpt_link(by_id[a], by_id[b])
        excerpt_of.setdefault(short, {})[long_] = share
    out = []
    for part in parts:
        sid = cluster_id("story", min(_order_key(by_id[i]) for i in part)[1])
        story = build_story(sid, [by_id[i] for i in part], {}, config,
                            dup_of=lambda i: cluster_id("dup", dup_first[i]), excerpt_of=excerpt_of)
        out.extend((m.id, sid, story.first_id, m.relation, m.copy_of, m.copy_similarity, story.credited_source)
                   for m in story.members)
    return out


def cluster(spark: SparkSession, input_path: str, output_path: str, *, partitions: int | None = None,
            mode: str = "errorifexists", input_format: str = "auto", config: ClusterConfig | None = None) -> dict[str, int]:
    """Cluster the records at ``input_path``; returns counts (articles, errors, edges, stories, ...).

    Output under ``output_path``: ``assignments`` (Parquet: id, cluster_id, dup_group_id,
    duplicate_of, story_first_id, story_size, dup_size, outlet, published_at, credited_source, and the
    story provenance of :func:`marsad.cluster.engine.build_story`: relation, copy_of, copy_similarity,
    story_credited_source),
    ``edges`` (a, b, kind, similarity; ``b`` the later article) and ``errors`` (row_no, id, error).
    """
    from ..cluster import DEFAULT_CONFIG

    config = config or DEFAULT_CONFIG
    out = output_path.rstrip("/")
    # The job is a dozen shuffles and a few per propagation round: Spark's default of 200
    # shuffle partitions makes each a stage of 200 tiny tasks (8x slower on a 2-core machine).
    # Use ``partitions`` (or 2 per core when the session did not choose) and restore it after.
    shuffle_key = "spark.sql.shuffle.partitions"
    saved_shuffle = spark.conf.get(shuffle_key)
    if partitions:
        spark.conf.set(shuffle_key, str(partitions))
    elif not spark.sparkContext.getConf().contains(shuffle_key):
        spark.conf.set(shuffle_key, str(max(2, 2 * spark.sparkContext.defaultParallelism)))
    try:
        return _cluster(spark, input_path, out, partitions=partitions, mode=mode, input_format=input_format, config=config)
    finally:
        spark.conf.set(shuffle_key, saved_shuffle)


def _cluster(spark: SparkSession, input_path: str, out: str, *, partitions: int | None, mode: str, input_format: str,
             config: ClusterConfig) -> dict[str, int]:
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import to_arrow_schema

    source = read_records(spark, input_path, input_format)
    if partitions:
        source = source.repartition(partitions)
    feature_type = spark.createDataFrame([], FEATURE_DDL).schema
    feats_all = source.mapInArrow(
        functools.partial(featurize_batches, schema=to_arrow_schema(feature_type), config=config), feature_type,
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        errors = feats_all.where(F.col("error").isNotNull()).select("row_no", "id", "error")
        errors.write.mode(mode).parquet(f"{out}/errors")
        # One row per id: the first in input order, as the Clusterer ignores a re-added id.
        first = Window.partitionBy("id").orderBy("row_no")
        feats = (feats_all.where(F.col("error").isNull())
                 .withColumn("_n", F.row_number().over(first)).where(F.col("_n") == 1).drop("_n", "error")
                 .withColumn("key", F.struct("ts_key", "id"))
                 .persist(StorageLevel.MEMORY_AND_DISK))
        n_articles = feats.count()

        pairs = candidate_pairs(feats, config)
        # Orient each pair as the Clusterer meets it: b is the later article (by order key).
        side = feats.select("id", "key", "features")
        oriented = (pairs.join(side.toDF("a", "ka", "fa"), "a").join(side.toDF("b", "kb", "fb"), "b")
                    .select(F.when(F.col("ka") < F.col("kb"), F.col("a")).otherwise(F.col("b")).alias("a"),
                            F.when(F.col("ka") < F.col("kb"), F.col("b")).otherwise(F.col("a")).alias("b"),
                            F.when(F.col("ka") < F.col("kb"), F.col("fa")).otherwise(F.col("fb")).alias("fa"),
                            F.when(F.col("ka") < F.col("kb"), F.col("fb")).otherwise(F.col("fa")).alias("fb"),
                            "story_candidate"))
        pair_type = spark.createDataFrame([], PAIR_DDL).schema
        edges = oriented.mapInArrow(
            functools.partial(edge_batches, schema=to_arrow_schema(pair_type), config=config), pair_type,
        ).persist(StorageLevel.MEMORY_AND_DISK)
        edges.write.mode(mode).parquet(f"{out}/edges")
        n_edges = edges.count()

        keys = feats.select("id", "key")
        labels, rounds = connected_labels(edges.select("a", "b", (F.col("kind") == "copy").alias("copy")), keys)
        ids = feats.select(F.col("id").alias("first_id"), "story_key", "dup_key")
        assigned = (feats.select("id", "key", "outlet", "published_at", "credited_source")
                    .join(labels, "id", "left")
                    .select("id", "outlet", "published_at", "credited_source",
                            F.coalesce("sl", "key").getField("id").alias("story_first_id"),
                            F.coalesce("dl", "key").getField("id").alias("dup_first_id")))
        # Each connected component is split into stories and given its provenance by the
        # Clusterer's own functions (split_component, build_story), one component per task,
        # with the component's excerpt edges (provenance names the text an excerpt lies in).
        members = (feats.select("id", "features").join(assigned.select("id", "story_first_id", "dup_first_id"), "id")
                   .rdd.map(lambda r: (r["story_first_id"], (r["id"], bytes(r["features"]), r["dup_first_id"]))))
        excerpts = (edges.where(F.col("kind") == "excerpt").select("a", "b")
                    .join(assigned.select(F.col("id").alias("a"), "story_first_id"), "a")
                    .rdd.map(lambda r: (r["story_first_id"], (r["a"], r["b"]))))
        story_rows = members.cogroup(excerpts).flatMap(functools.partial(_component_rows, config=config))
        stories = spark.createDataFrame(story_rows, STORY_DDL)
        assigned = (assigned.drop("story_first_id")
                    .join(stories, "id")
                    .join(ids.select(F.col("first_id").alias("dup_first_id"), F.col("dup_key").alias("dup_group_id")),
                          "dup_first_id")
                    .withColumn("duplicate_of", F.when(F.col("dup_first_id") != F.col("id"), F.col("dup_first_id")))
                    .withColumn("story_size", F.count("*").over(Window.partitionBy("cluster_id")))
                    .withColumn("dup_size", F.count("*").over(Window.partitionBy("dup_group_id")))
                    .select(*ASSIGNMENT_COLUMNS)
                    .persist(StorageLevel.MEMORY_AND_DISK))
        assigned.write.mode(mode).parquet(f"{out}/assignments")
        summary = assigned.agg(
            F.countDistinct("cluster_id").alias("stories"),
            F.countDistinct(F.when(F.col("story_size") > 1, F.col("cluster_id"))).alias("multi_article_stories"),
            F.countDistinct(F.when(F.col("dup_size") > 1, F.col("dup_group_id"))).alias("dup_groups"),
        ).first()
        kinds = {r["kind"]: r["count"] for r in edges.groupBy("kind").count().collect()}
        n_errors = errors.count()
        assigned.unpersist()
        edges.unpersist()
        feats.unpersist()
    finally:
        feats_all.unpersist()
    return {
        "articles": n_articles, "errors": n_errors, "stories": summary["stories"],
        "multi_article_stories": summary["multi_article_stories"], "dup_groups": summary["dup_groups"],
        "copy_edges": kinds.get("copy", 0), "excerpt_edges": kinds.get("excerpt", 0), "story_edges": kinds.get("story", 0),
        "rounds": rounds, "edges": n_edges,
    }
