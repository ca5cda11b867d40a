"""places() with a country or date filter: per-day counters (schema v6) against grouping the mentions.

    nice python benchmarks/places_bench.py --db sqlite:///bench.db [--repeat 7] [--copy-to postgresql://...]

On an existing store (e.g. the one ``benchmarks/store_bench.py`` fills), each call is timed through
``store.places(...)`` and through the query the store ran before v6 (group every matching mention of
``places``), on the same database in the same process; the two results must be identical (all
fields). ``--copy-to URL`` first copies every record of ``--db`` into another store (a fresh
PostgreSQL schema, say) and measures there.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

#: The calls timed: the map page's and the API's filtered place lists.
CALLS: list[dict] = [
    {"country": "SA"}, {"country": "IQ"},
    {"date_from": "2018-05-01", "date_to": "2018-05-07"}, {"date_from": "2015-08-10", "date_to": "2015-08-10"},
    {"date_from": "2000-01-01"},
    {"country": "IQ", "date_from": "2018-05-01", "date_to": "2018-05-18"},
]


def mention_query(store, country=None, date_from=None, date_to=None, limit=500, offset=0):
    """The pre-v6 ``places()`` for country / date filters: group the matching mentions."""
    from marsad.store.base import PlaceSummary, to_day

    where, params = ["1 = 1"], []
    if country:
        where.append("p.country_code = ?")
        params.append(country.upper())
    if (d := to_day(date_from, "date_from")):
        where.append("p.pub_day >= ?")
        params.append(d)
    if (d := to_day(date_to, "date_to")):
        where.append("p.pub_day <= ?")
        params.append(d)
    sql = ("SELECT p.place_id, MIN(p.name), MIN(p.country_code), MIN(p.admin1), MIN(p.lat), MIN(p.lon), MIN(p.geonames_id), "
           "MIN(p.feature), COUNT(*), COUNT(DISTINCT p.article_id) FROM places p "
           f"WHERE {' AND '.join(where)} GROUP BY p.place_id ORDER BY COUNT(*) DESC, p.place_id LIMIT ? OFFSET ?")
    with store._lock:
        rows = store._rows(sql, [*params, limit, offset])
    return [PlaceSummary(place_id=r[0], name=r[1], country_code=r[2], admin1=r[3], lat=float(r[4]), lon=float(r[5]),
                         geonames_id=r[6], feature=r[7], mention_count=int(r[8]), article_count=int(r[9])) for r in rows]


def timed(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs), max(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--copy-to")
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    from marsad.store import open_store

    url = args.db
    if args.copy_to:
        src, dst = open_store(args.db), open_store(args.copy_to)
        batch: list = []
        t0 = time.perf_counter()
        for rec in src.iter_records():
            batch.append(rec)
            if len(batch) == 200:
                dst.upsert(batch)
                batch = []
        if batch:
            dst.upsert(batch)
        print(f"copied {dst.count()} records in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        src.close()
        dst.close()
        url = args.copy_to
    store = open_store(url)
    out = {"db": url.split("@")[-1], "articles": store.count(), "schema": store.schema_version(),
           "load_avg": os.getloadavg()[0], "calls": []}
    for call in CALLS:
        new = store.places(**call)
        old = mention_query(store, **call)
        assert new == old, f"different results for {call}"
        before = timed(lambda: mention_query(store, **call), args.repeat)
        after = timed(lambda: store.places(**call), args.repeat)
        row = {"call": call, "places": len(new), "mentions_ms": [round(x, 1) for x in before],
               "day_counters_ms": [round(x, 1) for x in after]}
        out["calls"].append(row)
        print(f"places({', '.join(f'{k}={v!r}' for k, v in call.items())}): {len(new)} places, identical; "
              f"mentions {before[0]:.1f} ({before[1]:.1f}) ms → day counters {after[0]:.1f} ({after[1]:.1f}) ms", file=sys.stderr)
    out["load_avg_end"] = os.getloadavg()[0]
    store.close()
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
