"""Schema v6 on both backends: places() with a country or date filter sums per-day counters.

The answers must be the ones counting the mentions gives, through updates and deletes and for a database
migrated from v5, so each check recounts the stored records' places in Python.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from marsad.doc import parse_datetime
from marsad.store import open_store
from tests.store_support import store, store_url  # noqa: F401  (fixtures)
from tests.test_store import ALL, baghdad_article, mosul_article, riyadh_article

FILTERS = [
    {"country": "IQ"}, {"country": "sa"}, {"country": "XX"},
    {"date_from": "2018-01-02"}, {"date_to": "2018-01-02"}, {"date_from": "2018-01-02", "date_to": "2018-01-03"},
    {"country": "IQ", "date_from": "2018-01-03"}, {"date_from": "2030-01-01"},
]


def _more_articles():
    """Reprints on other days (one just after midnight in its outlet's time zone, one undated), one place twice."""
    out = []
    for k, (make, when) in enumerate([(mosul_article, "2018-01-02T09:00:00+03:00"), (mosul_article, "2018-01-03T00:30:00+03:00"),
                                      (baghdad_article, "2018-01-03T12:00:00Z"), (riyadh_article, None),
                                      (riyadh_article, "2018-01-02T23:30:00-05:00")]):
        a = make()
        a = dataclasses.replace(a, id=f"{a.id}-{k}", url=None, published_at=when, text=a.text + f"\nتحديث رقم {k + 1}.",
                                places=a.places * (2 if k == 1 else 1))
        out.append(a)
    return out


def _expected(s, country=None, date_from=None, date_to=None) -> dict[str, tuple[int, int, str | None]]:
    """name -> (mentions, articles, country), counted from the records as the filters read them."""
    mentions: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    countries = {}
    for rec in s.iter_records():
        day = parse_datetime(rec.published_at).date().isoformat() if rec.published_at else None
        if (date_from or date_to) and day is None:
            continue
        if (date_from and day < date_from) or (date_to and day > date_to):
            continue
        names = [p.name for p in rec.places if not country or p.country_code == country.upper()]
        mentions.update(names)
        articles.update(set(names))
        countries.update({p.name: p.country_code for p in rec.places})
    return {n: (mentions[n], articles[n], countries[n]) for n in mentions}


def _check(s) -> None:
    for f in FILTERS:
        got = s.places(**f)
        assert {p.name: (p.mention_count, p.article_count, p.country_code) for p in got} == _expected(s, **f), f
        assert [p.mention_count for p in got] == sorted((p.mention_count for p in got), reverse=True)
        assert s.places(**f, limit=1, offset=1) == got[1:2]


def test_filtered_place_counts_match_the_mentions_through_updates_and_deletes(store):
    store.upsert([f() for f in ALL] + _more_articles())
    assert store.places(date_from="2018-01-02", date_to="2018-01-03")  # the data meets the filters
    _check(store)
    changed = _more_articles()[0]
    changed.places, changed.published_at = changed.places * 3, "2018-01-04T10:00:00+03:00"
    assert store.upsert([changed]).updated == 1
    _check(store)
    assert store.delete("a-mosul-1") and store.delete("a-riyadh-4")
    _check(store)
    changed.places = []
    assert store.upsert([changed]).updated == 1
    _check(store)


def test_version_5_database_gets_the_day_counters(store_url, monkeypatch):
    old = open_store(store_url, migrate=False)
    assert old.migrate(target=5) == 5
    with monkeypatch.context() as m:  # v5 code kept no per-day rows (the table does not exist yet)
        m.setattr(type(old), "_refresh_places", lambda self, cur, ids: None)
        old.upsert([f() for f in ALL] + _more_articles())
    old.close()
    s = open_store(store_url)
    try:
        _check(s)  # backfilled by the migration
        s.delete("a-baghdad-2")
        _check(s)
    finally:
        s.close()
