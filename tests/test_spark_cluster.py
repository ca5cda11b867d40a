"""The Spark clustering job gives the local clusterer's story and near-duplicate ids, in PySpark local mode."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from marsad.cluster import cluster_records


pytestmark = [pytest.mark.spark, pytest.mark.slow]



def _articles(news: Path) -> list[dict]:
    """One day of saudinewsnet (Saudi Press Agency items and the papers' reprints of them) and a day of ANT."""
    snn = [json.loads(line) for line in itertools.islice((news / "saudinewsnet" / "articles.jsonl").open(encoding="utf-8"), 240)]
    ant = [json.loads(line) for line in itertools.islice((news / "ant_multisource" / "articles.jsonl").open(encoding="utf-8"), 80)]
    return snn + ant


def _read(path: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def _provenance(local) -> dict[str, tuple]:
    """The local clusterer's provenance per article, in the Spark job's terms."""
    return {m.id: (m.relation, m.copy_of, m.copy_similarity, c.credited_source, c.first_id)
            for c in local.clusters() for m in c.members}


def _spark_provenance(rows: list[dict]) -> dict[str, tuple]:
    return {r["id"]: (r["relation"], r["copy_of"], r["copy_similarity"], r["story_credited_source"], r["story_first_id"])
            for r in rows}


def _check(rows: list[dict], records: list[dict]) -> None:
    local = cluster_records(records)
    expected = local.assignments()
    got = {r["id"]: (r["cluster_id"], r["dup_group_id"]) for r in rows}
    assert len(rows) == len(got) == len(expected)
    assert got == expected
    # The same provenance, and every kind of it occurs in the data (an excerpt, copies, rewrites, credits).
    assert _spark_provenance(rows) == _provenance(local)
    assert {p[0] for p in _provenance(local).values()} == {"first", "verbatim", "near-copy", "excerpt", "rewrite"}
    assert any(p[3] for p in _provenance(local).values())
    # The data has real syndication and multi-article stories, so the comparison means something.
    assert sum(1 for m in local.members().values() if len(m) > 1) >= 5
    dup_sizes: dict[str, int] = {}
    for story_id, dup_id in expected.values():
        dup_sizes[dup_id] = dup_sizes.get(dup_id, 0) + 1
    assert sum(1 for n in dup_sizes.values() if n > 1) >= 3
    order = {f.id: (f.ts if f.ts is not None else float("inf"), f.id) for f in local.features.values()}
    for r in rows:
        dup_members = [i for i, (_, d) in expected.items() if d == r["dup_group_id"]]
        earliest = min(dup_members, key=order.__getitem__)
        assert r["duplicate_of"] == (None if earliest == r["id"] else earliest)
        assert r["dup_size"] == len(dup_members)
        assert r["story_size"] == len(local.members()[r["cluster_id"]])


def test_spark_cluster_matches_local_clusterer(spark, shared_data: Path, tmp_path: Path) -> None:
    from marsad.spark.cluster import cluster

    articles = _articles(shared_data / "news")
    for i in (5, 10, 26, 300):  # undated articles match any article's window (members of stories among them)
        articles[i] = {k: v for k, v in articles[i].items() if k != "date"}
    # Input order must not matter (the Clusterer's ids do not depend on it either).
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    lines = [json.dumps(a, ensure_ascii=False) for a in shuffled]
    lines[5:5] = ['{"id": "broken", "text": "قال', "[1, 2]", json.dumps({"text": "بلا معرف"})]
    lines.append(json.dumps(articles[0], ensure_ascii=False))  # a repeated id counts once
    src = tmp_path / "articles.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")

    counts = cluster(spark, str(src), str(tmp_path / "out"), partitions=2)
    assert counts["articles"] == len(articles)
    assert counts["errors"] == 3
    assert counts["copy_edges"] > 0 and counts["story_edges"] > 0
    _check(_read(tmp_path / "out" / "assignments"), articles)
    errors = {e["error"] for e in _read(tmp_path / "out" / "errors")}
    assert errors == {"malformed JSON line", "not a JSON object", "no id"}
    edges = _read(tmp_path / "out" / "edges")
    assert {e["kind"] for e in edges} <= {"copy", "excerpt", "story"}


def test_spark_cluster_reads_extracted_records(spark, shared_data: Path, tmp_path: Path) -> None:
    """On ``marsad spark extract`` output (Parquet records with entities, places and quotes)."""
    from marsad.spark.cluster import cluster
    from marsad.spark.job import extract
    from marsad.spark.schema import row_to_record

    snn = _articles(shared_data / "news")[:240]
    # Some members of multi-article stories (reprints of one agency item) and a spread of others.
    picked = {5, 46, 229, 10, 185, 26, 101, 207, 51, 109, 146, 53, 71, 204} | set(range(0, 240, 12))
    articles = [snn[i] for i in sorted(picked)]
    src = tmp_path / "articles.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n", encoding="utf-8")
    extract(spark, str(src), str(tmp_path / "ext"), partitions=2)
    records = [row_to_record(r) for r in _read(tmp_path / "ext" / "records")]
    assert len(records) == len(articles)

    counts = cluster(spark, str(tmp_path / "ext" / "records"), str(tmp_path / "out"))
    assert counts["articles"] == len(records) and counts["errors"] == 0
    local = cluster_records(records)
    rows = _read(tmp_path / "out" / "assignments")
    got = {r["id"]: (r["cluster_id"], r["dup_group_id"]) for r in rows}
    assert got == local.assignments()
    assert _spark_provenance(rows) == _provenance(local)
    assert len({story for story, _ in local.assignments().values()}) <= len(records) - 5  # articles do cluster
