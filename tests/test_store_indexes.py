"""Schema v5 on both backends: the quotation full-text index and the per-place counters.

They replace table scans, so these tests check that they give the answers the scans gave, stay current through
updates and deletes, and are built for databases that existed before them.
"""

from __future__ import annotations

from collections import Counter

from marsad.record import Quote
from marsad.store import open_store
from marsad.text import name_key
from tests.store_support import store, store_url  # noqa: F401  (fixtures)
from tests.test_store import ALL, baghdad_article, mosul_article, riyadh_article


def _quote_keys(result) -> list[tuple[str, int]]:
    return [(q.article_id, q.index) for q in result.quotes]


def _places_from_records(s) -> dict[str, tuple[int, int]]:
    """place name -> (mentions, articles), counted in Python from the stored records."""
    mentions: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for rec in s.iter_records():
        names = [p.name for p in rec.places]
        mentions.update(names)
        articles.update(set(names))
    return {n: (mentions[n], articles[n]) for n in mentions}


def _places_listed(s) -> dict[str, tuple[int, int]]:
    return {p.name: (p.mention_count, p.article_count) for p in s.places()}


def test_quote_search_matches_clitic_and_diacritic_variants(store):
    store.upsert([f() for f in ALL])
    plain = store.quotes("الموصل")
    assert _quote_keys(plain) == [("a-mosul", 0)]
    for variant in ("والموصل", "بالمَوْصِلِ", "للموصل", "الموصـــل"):
        assert _quote_keys(store.quotes(variant)) == _quote_keys(plain), variant
    assert _quote_keys(store.quotes("السَّيْطَرَةُ")) == _quote_keys(store.quotes("السيطرة")) == [("a-mosul", 0)]
    # words are ANDed; a quote needs every one of them
    assert store.quotes("الوضع السيطرة").total == 1
    assert store.quotes("الموصل مدرسة").total == 0
    assert store.quotes("مدرسة").quotes[0].article_id == "a-baghdad"
    # text search combines with the speaker and date filters
    assert store.quotes("الوضع", speaker="ككينز").total == 1
    assert store.quotes("الوضع", date_to="2018-01-01").total == 1


def test_quote_index_follows_updates_and_deletes(store):
    store.upsert([mosul_article(), baghdad_article()])
    assert store.quotes("السيطرة").total == 1
    changed = mosul_article()
    changed.text = changed.text.replace("تحت السيطرة", "مستقر تماما")
    s = changed.text.index("الوضع في الموصل مستقر تماما")
    changed.quotes = [Quote(text="الوضع في الموصل مستقر تماما", start=s, end=s + len("الوضع في الموصل مستقر تماما"),
                            direct=True, cue="قال", cue_start=changed.text.index("قال"), speaker="جون ككينز")]
    changed.entities, changed.places, changed.quantities, changed.source = [], [], [], None
    assert store.upsert([changed]).updated == 1
    assert store.quotes("السيطرة").total == 0
    assert _quote_keys(store.quotes("ومستقر")) == [("a-mosul", 0)]
    assert store.delete("a-mosul")
    assert store.quotes("مستقر").total == 0 and store.quotes("الموصل").total == 0
    assert store.quotes("مدرسة").total == 1


def test_place_counters_match_the_mentions_through_updates_and_deletes(store):
    store.upsert([f() for f in ALL])
    assert _places_listed(store) == _places_from_records(store)
    assert _places_listed(store)["الموصل"] == (1, 1)
    changed = mosul_article()
    changed.title = "عنوان آخر"
    changed.places = changed.places * 2  # the same place mentioned twice
    assert store.upsert([changed]).updated == 1
    assert _places_listed(store)["الموصل"] == (2, 1)
    changed.title, changed.places = "عنوان ثالث", []
    assert store.upsert([changed]).updated == 1
    assert "الموصل" not in _places_listed(store)
    assert store.delete("a-baghdad")
    assert set(_places_listed(store)) == {"الرياض"}
    assert _places_listed(store) == _places_from_records(store)
    # the filtered paths (name, country, dates) still count the mentions themselves
    assert [p.name for p in store.places("رياض")] == ["الرياض"]
    assert store.places(country="iq") == []
    assert {p.name for p in store.places(date_from="1900-01-01")} <= set(_places_from_records(store))


def test_version_4_database_gets_the_quote_index_and_place_counters(store_url, monkeypatch):
    from marsad.store.schema import LATEST

    assert LATEST >= 5
    old = open_store(store_url, migrate=False)
    assert old.migrate(target=4) == 4
    # write as the version-4 code did: the same rows, no place counters (the table does not exist yet)
    with monkeypatch.context() as m:
        m.setattr(type(old), "_refresh_places", lambda self, cur, ids: None)
        assert old.upsert([mosul_article(), baghdad_article()]).inserted == 2
    old.close()
    s = open_store(store_url)
    try:
        assert s.schema_version() == LATEST
        # backfilled: the quotation index and the place counters
        assert _quote_keys(s.quotes("والموصل")) == [("a-mosul", 0)]
        assert s.quotes("مدرسة").total == 1
        assert _places_listed(s) == _places_from_records(s) and _places_listed(s)["الموصل"] == (1, 1)
        assert [p.name for p in s.places(name_key("الموصل"))] == ["الموصل"]
        # and the current code keeps both current from here on
        s.upsert([riyadh_article()])
        assert _places_listed(s) == _places_from_records(s)
        assert s.delete("a-mosul")
        assert s.quotes("الموصل").total == 0
        assert _places_listed(s) == _places_from_records(s)
    finally:
        s.close()
