"""Exports for analysts' tools: JSON Lines, CSV, Parquet and a GDELT GKG 2.1-style TSV.

``jsonl`` is exactly the record ``marsad extract`` prints, with ``cluster_id`` filled from the
store. ``gkg`` follows the 27 columns of the GDELT Global Knowledge Graph 2.1 codebook, adapted
where marsad knows more (quotations carry their speaker) or less (no tone, no GCAM); every column
is documented in docs/store.md.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import timezone
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from .doc import parse_datetime
from .record import Article
from .store.base import DateLike, Store

FORMATS = ("jsonl", "csv", "parquet", "gkg")

GKG_COLUMNS = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS",
    "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
)
CSV_COLUMNS = ("id", "url", "outlet", "title", "published_at", "source", "cluster_id", "persons", "organizations",
               "locations", "misc", "places", "countries", "speakers", "quotes", "quantities", "dates", "themes", "text")

_GKG_LOC_TYPE = {"country": 1, "admin1": 5, "city": 4, "site": 4}
_GKG_DATE_RES = {"year": 1, "month": 2, "day": 4}
_FIELD_BAD = re.compile(r"[\t\r\n]+")


def _clean(s: str | None, forbidden: str = "") -> str:
    """A value safe inside a delimited GKG field: no tabs/newlines, no characters of the field's own delimiters."""
    if not s:
        return ""
    s = _FIELD_BAD.sub(" ", s)
    for ch in forbidden:
        s = s.replace(ch, " ")
    return s.strip()


def _num(v: float | int) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _gkg_date(published_at: str | None) -> str:
    if not published_at:
        return ""
    try:
        dt = parse_datetime(published_at)
    except ValueError:
        return ""
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.strftime("%Y%m%d%H%M%S")


def gkg_row(rec: Article) -> list[str]:
    """One article as the 27 GKG 2.1 columns (see docs/store.md for each)."""
    date = _gkg_date(rec.published_at)
    domain = urlsplit(rec.url).hostname if rec.url else None
    counts_v1, counts_v2, amounts = [], [], []
    for q in rec.quantities:
        obj = _clean(q.unit or q.category or "", "#;,")
        if q.kind == "count":
            ctype = _clean((q.category or "count").upper(), "#;,")
            counts_v1.append(f"{ctype}#{_num(q.value)}#{obj}#0######")
            counts_v2.append(f"{ctype}#{_num(q.value)}#{obj}#0#######{q.start}")
        amounts.append(f"{_num(q.value)},{obj},{q.start}")
    locs_v1: dict[str, str] = {}
    locs_v2 = []
    for p in rec.places:
        t = _GKG_LOC_TYPE.get(p.feature, 4)
        name = _clean(p.name, "#;")
        fid = str(p.geonames_id or "")
        locs_v1.setdefault(f"{t}{name}", f"{t}#{name}#{p.country_code or ''}#{_clean(p.admin1, '#;')}#{p.lat:.4f}#{p.lon:.4f}#{fid}")
        locs_v2.append(f"{t}#{name}#{p.country_code or ''}#{_clean(p.admin1, '#;')}##{p.lat:.4f}#{p.lon:.4f}#{fid}#{p.start}")
    by_type: dict[str, tuple[dict[str, None], list[str]]] = {"PER": ({}, []), "ORG": ({}, [])}
    all_names = []
    for e in rec.entities:
        name = _clean(e.canonical, ",;")
        all_names.append(f"{name},{e.start}")
        if e.type in by_type:
            by_type[e.type][0][name] = None
            by_type[e.type][1].append(f"{name},{e.start}")
    dates = []
    for d in rec.dates:
        if not d.value:
            continue
        y, m, dd = (d.value.split("-") + ["", "", ""])[:3]
        dates.append(f"{_GKG_DATE_RES.get(d.resolution, 1)}#{int(m) if m.isdigit() else 0}#{int(dd[:2]) if dd[:2].isdigit() else 0}"
                     f"#{y if y.isdigit() else 0}#{d.start}")
    quotes = [f"{q.start}|{q.end - q.start}|{_clean(q.cue, '|#')}|{_clean(q.text, '|#')}|{_clean(q.speaker, '|#')}" for q in rec.quotes]
    extras = f"<PAGE_TITLE>{_xml(rec.title)}</PAGE_TITLE>"
    if rec.source:
        extras += f"<CREDITED_SOURCE>{_xml(rec.source.name)}</CREDITED_SOURCE>"
    if rec.cluster_id:
        extras += f"<CLUSTER_ID>{_xml(rec.cluster_id)}</CLUSTER_ID>"
    extras += f"<MARSAD_ID>{_xml(rec.id)}</MARSAD_ID>"
    return [
        f"{date}-{_clean(rec.id)}" if date else _clean(rec.id),
        date, "1", _clean(domain or rec.outlet), _clean(rec.url or rec.id),
        ";".join(counts_v1), ";".join(counts_v2), ";".join(_clean(t, ";,") for t in rec.themes), "",
        ";".join(locs_v1.values()), ";".join(locs_v2),
        ";".join(by_type["PER"][0]), ";".join(by_type["PER"][1]),
        ";".join(by_type["ORG"][0]), ";".join(by_type["ORG"][1]),
        "", ";".join(dates), "", "", "", "", "", "#".join(quotes), ";".join(all_names), ";".join(amounts),
        f"srclc:{rec.language or 'ar'}", _clean(extras),
    ]


def _xml(s: str | None) -> str:
    if not s:
        return ""
    return _clean(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def csv_row(rec: Article) -> list[str]:
    def names(t: str) -> str:
        return "; ".join(dict.fromkeys(e.canonical for e in rec.entities if e.type == t))

    return [
        rec.id, rec.url or "", rec.outlet or "", rec.title or "", rec.published_at or "", rec.source.name if rec.source else "",
        rec.cluster_id or "", names("PER"), names("ORG"), names("LOC"), names("MISC"),
        "; ".join(dict.fromkeys(p.name for p in rec.places)),
        "; ".join(dict.fromkeys(p.country_code for p in rec.places if p.country_code)),
        "; ".join(dict.fromkeys(q.speaker for q in rec.quotes if q.speaker)),
        " | ".join(f"{q.speaker or '?'}: {q.text}" for q in rec.quotes),
        "; ".join(q.text for q in rec.quantities), "; ".join(f"{d.text}={d.value}" for d in rec.dates if d.value),
        "; ".join(rec.themes), rec.text,
    ]


def _parquet_schema():
    import pyarrow as pa

    span = [("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())]
    return pa.schema([
        ("id", pa.string()), ("url", pa.string()), ("outlet", pa.string()), ("title", pa.string()),
        ("published_at", pa.string()), ("language", pa.string()), ("text", pa.string()),
        ("source", pa.struct([("name", pa.string()), ("start", pa.int32()), ("end", pa.int32())])),
        ("entities", pa.list_(pa.struct([*span, ("type", pa.string()), ("canonical", pa.string()), ("entity_id", pa.string())]))),
        ("quotes", pa.list_(pa.struct([*span, ("direct", pa.bool_()), ("cue", pa.string()), ("cue_start", pa.int32()),
                                       ("speaker", pa.string()), ("speaker_role", pa.string()), ("speaker_entity_id", pa.string())]))),
        ("quantities", pa.list_(pa.struct([*span, ("value", pa.float64()), ("approx", pa.string()), ("kind", pa.string()),
                                           ("unit", pa.string()), ("category", pa.string())]))),
        ("dates", pa.list_(pa.struct([*span, ("value", pa.string()), ("resolution", pa.string()), ("relative", pa.bool_())]))),
        ("places", pa.list_(pa.struct([*span, ("name", pa.string()), ("country_code", pa.string()), ("admin1", pa.string()),
                                       ("lat", pa.float64()), ("lon", pa.float64()), ("geonames_id", pa.int64()),
                                       ("feature", pa.string())]))),
        ("themes", pa.list_(pa.string())), ("cluster_id", pa.string()),
    ])


@contextmanager
def _open_text(out: str | Path | None, *, bom: bool = False) -> Iterator[IO[str]]:
    if out is None or str(out) == "-":
        yield sys.stdout
        return
    p = Path(out)
    if p.name.endswith(".gz"):
        with gzip.open(p, "wt", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        with open(p, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            yield fh


def export(store: Store, fmt: str, out: str | Path | None = None, *, date_from: DateLike = None,
           date_to: DateLike = None, records: Iterable[Article] | None = None) -> int:
    """Write every (or the dated) record of ``store`` to ``out`` (a path, ``-``/None for stdout); returns the count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    recs = records if records is not None else store.iter_records(date_from=date_from, date_to=date_to)
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if out is None or str(out) == "-":
            raise ValueError("parquet export needs --out FILE (it is a binary format)")
        schema = _parquet_schema()
        with pq.ParquetWriter(str(out), schema, compression="zstd") as writer:
            chunk: list[dict[str, Any]] = []
            for rec in recs:
                d = rec.to_dict()
                d.pop("schema", None)
                chunk.append(d)
                n += 1
                if len(chunk) >= 1000:
                    writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                    chunk = []
            if chunk or n == 0:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
        return n
    with _open_text(out, bom=(fmt == "csv")) as fh:
        if fmt == "jsonl":
            for rec in recs:
                fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            w = csv.writer(fh)
            w.writerow(CSV_COLUMNS)
            for rec in recs:
                w.writerow(csv_row(rec))
                n += 1
        else:  # gkg: GDELT files have no header row; ours has none either (column names are in docs/store.md)
            buf = io.StringIO()
            for rec in recs:
                buf.write("\t".join(gkg_row(rec)) + "\n")
                n += 1
                if n % 500 == 0:
                    fh.write(buf.getvalue())
                    buf = io.StringIO()
            fh.write(buf.getvalue())
    return n
