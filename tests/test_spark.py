"""The Spark job in real PySpark local mode gives the same records as the local pipeline."""

from __future__ import annotations

import itertools
import json
from importlib import resources
from pathlib import Path

import pytest

from marsad.config import shared_data_dir
from marsad.doc import RawArticle
from marsad.pipeline import get_pipeline


pytestmark = [pytest.mark.spark, pytest.mark.slow]



def _sample_lines() -> list[str]:
    text = resources.files("marsad.data.samples").joinpath("articles.jsonl").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip()]


def _real_lines(n_per_corpus: int) -> list[str]:
    news = shared_data_dir() / "news"
    lines: list[str] = []
    for corpus in ("ant_multisource", "saudinewsnet"):
        path = news / corpus / "articles.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                lines += list(itertools.islice(fh, 0, 3000, 3000 // n_per_corpus))[:n_per_corpus]
    return [line.rstrip("\n") for line in lines]


def _local_record(obj: dict) -> dict:
    raw = RawArticle(text=obj["text"], id=obj.get("id"), url=obj.get("url"), outlet=obj.get("outlet"),
                     title=obj.get("title"), published_at=obj.get("published_at") or obj.get("date"))
    return get_pipeline().extract(raw).to_dict()


def _read_records(out: Path) -> dict[str, dict]:
    import pyarrow.parquet as pq

    from marsad.spark.schema import row_to_record

    table = pq.read_table(out / "records")
    return {row["id"]: row_to_record(row) for row in table.to_pylist()}


def test_spark_extract_matches_local_pipeline(spark, tmp_path: Path) -> None:
    from marsad.spark.job import extract

    good = _sample_lines() + _real_lines(30)
    bad = ['{"id": "broken", "text": "قال', json.dumps({"id": "blank", "text": "   "}), json.dumps({"id": "notext"})]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(good[:10] + bad + good[10:]) + "\n", encoding="utf-8")

    counts = extract(spark, str(src), str(tmp_path / "out"), partitions=2)
    assert counts == {"records": len(good), "errors": len(bad)}

    got = _read_records(tmp_path / "out")
    assert len(got) == len(good)
    for line in good:
        obj = json.loads(line)
        assert got[obj["id"]] == _local_record(obj), obj["id"]

    import pyarrow.parquet as pq

    errors = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    reasons = {e["id"]: e["error"] for e in errors}
    assert reasons["blank"] == "empty text"
    assert reasons["notext"] == "no text field"
    assert reasons[None] == "malformed JSON line"
    # Partitioned by publication day: one directory per day.
    days = {p.name for p in (tmp_path / "out" / "records").iterdir() if p.name.startswith("published_date=")}
    assert "published_date=2025-03-13" in days or len(days) > 1


def test_spark_extract_reads_parquet(spark, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from marsad.spark.job import extract

    rows = [json.loads(line) for line in _sample_lines()[:5]]
    table = pa.Table.from_pylist([{k: r.get(k) for k in ("id", "outlet", "title", "published_at", "text")} for r in rows])
    pq.write_table(table, tmp_path / "in.parquet")
    counts = extract(spark, str(tmp_path / "in.parquet"), str(tmp_path / "out"))
    assert counts == {"records": 5, "errors": 0}
    got = _read_records(tmp_path / "out")
    for r in rows:
        assert got[r["id"]] == _local_record(r)
