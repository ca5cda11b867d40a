"""Spark schemas of the job's input, its record output and its error output.

The record columns mirror ``marsad.record.Article`` field for field (nested arrays of structs
for entities, quotes, quantities, dates and places), so a Parquet row converts back to the
same JSON record that ``marsad extract`` prints (see :func:`row_to_record`).
"""

from __future__ import annotations

from typing import Any

from ..record import SCHEMA_ID

#: Input columns the job reads (JSONL or Parquet); unknown columns are ignored.
INPUT_DDL = "id STRING, url STRING, outlet STRING, title STRING, date STRING, published_at STRING, text STRING"

_SPAN = "text: STRING, start: INT, `end`: INT"
RECORD_DDL = ", ".join([
    "id STRING", "url STRING", "outlet STRING", "title STRING", "published_at STRING", "language STRING",
    "text STRING",
    "source STRUCT<name: STRING, start: INT, `end`: INT>",
    f"entities ARRAY<STRUCT<{_SPAN}, type: STRING, canonical: STRING, entity_id: STRING>>",
    f"quotes ARRAY<STRUCT<{_SPAN}, direct: BOOLEAN, cue: STRING, cue_start: INT, speaker: STRING, "
    "speaker_role: STRING, speaker_entity_id: STRING>>",
    f"quantities ARRAY<STRUCT<{_SPAN}, value: DOUBLE, approx: STRING, kind: STRING, unit: STRING, category: STRING>>",
    f"dates ARRAY<STRUCT<{_SPAN}, value: STRING, resolution: STRING, relative: BOOLEAN>>",
    f"places ARRAY<STRUCT<{_SPAN}, name: STRING, country_code: STRING, admin1: STRING, lat: DOUBLE, lon: DOUBLE, "
    "geonames_id: BIGINT, feature: STRING>>",
    "themes ARRAY<STRING>", "cluster_id STRING",
    # Partition column: the publication day (or 'unknown'), so a year of news splits into days.
    "published_date STRING",
])
#: The mapInPandas output: a record, or an error (``error`` set, record columns null).
RESULT_DDL = RECORD_DDL + ", origin STRING, error STRING"
ERROR_COLUMNS = ("id", "origin", "error")
RECORD_COLUMNS = ("id", "url", "outlet", "title", "published_at", "language", "text", "source", "entities", "quotes",
                  "quantities", "dates", "places", "themes", "cluster_id", "published_date")

_LISTS = ("entities", "quotes", "quantities", "dates", "places")


def _plain(value: Any) -> Any:
    """Spark Rows and numpy values → plain Python (dicts, lists, ints, floats)."""
    if hasattr(value, "asDict"):
        return {k: _plain(v) for k, v in value.asDict().items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    return value


def row_to_record(row: Any) -> dict[str, Any]:
    """A record row (Spark Row, pandas row dict or pyarrow dict) back to the JSON record of ``marsad extract``."""
    d = _plain(row)
    out: dict[str, Any] = {"schema": SCHEMA_ID}
    for key in ("id", "url", "outlet", "title", "published_at", "language", "text", "source"):
        out[key] = d.get(key)
    for key in _LISTS:
        out[key] = list(d.get(key) or [])
    for q in out["quantities"]:
        # Parquet stores every value as DOUBLE; the record keeps whole numbers as integers.
        v = q["value"]
        if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
            q["value"] = int(v)
    out["themes"] = list(d.get("themes") or [])
    out["cluster_id"] = d.get("cluster_id")
    return out
