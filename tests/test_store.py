"""The storage suite, run on SQLite and on PostgreSQL (parametrised ``store`` fixture)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.record import Article, DateMention, Entity, Place, Quantity, Quote, Source, validate
from marsad.store import Cluster, ClusterMember, QueryError, SearchFilters, open_store
from marsad.text import entity_id
from tests.store_support import store, store_url  # noqa: F401  (fixtures)


def ent(text: str, body: str, typ: str = "PER", canonical: str | None = None, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    canonical = canonical or text
    return Entity(text=text, start=start, end=start + len(text), type=typ, canonical=canonical, entity_id=entity_id(typ, canonical))


def span(body: str, text: str) -> tuple[int, int]:
    s = body.index(text)
    return s, s + len(text)


def mosul_article() -> Article:
    body = ("الموصل – قال وزير الداخلية جون ككينز إن «الوضع في الموصل تحت السيطرة» بعد هجوم قتل فيه خمسة جنود.\n"
            "وأضاف ككينز أن القوات دخلت والموصلِ القديمة.\nالمصدر: وكالة الأنباء العراقية")
    q1s, q1e = span(body, "الوضع في الموصل تحت السيطرة")
    qn = span(body, "خمسة جنود")
    src = span(body, "وكالة الأنباء العراقية")
    mosul = span(body, "الموصل")
    return Article(
        id="a-mosul", text=body, url="https://example.org/mosul", outlet="الشرق اليوم", title="هجوم قرب الموصل",
        published_at="2018-05-03T10:00:00+03:00", source=Source("وكالة الأنباء العراقية", *src),
        entities=[ent("جون ككينز", body), ent("ككينز", body, canonical="جون ككينز", nth=1), ent("الموصل", body, "LOC")],
        quotes=[Quote(text=body[q1s:q1e], start=q1s, end=q1e, direct=True, cue="قال", cue_start=body.index("قال"),
                      speaker="جون ككينز", speaker_role="وزير الداخلية", speaker_entity_id=entity_id("PER", "جون ككينز"))],
        quantities=[Quantity(text="خمسة جنود", start=qn[0], end=qn[1], value=5, kind="count", unit="جنود", category="casualties")],
        dates=[],
        places=[Place(text="الموصل", start=mosul[0], end=mosul[1], name="الموصل", country_code="IQ", admin1="نينوى",
                      lat=36.335, lon=43.119, geonames_id=99072, feature="city")],
        themes=["security"],
    )


def baghdad_article() -> Article:
    body = "بغداد – أكد رئيس الوزراء مصطفى الكاظمي أن الحكومة ستعيد إعمار المدارس، وقال: \"سنبني ألف مدرسة\".\nوزار الكاظمي الموصل أمس الثلاثاء."
    q = span(body, "سنبني ألف مدرسة")
    d = span(body, "أمس الثلاثاء")
    bg = span(body, "بغداد")
    return Article(
        id="a-baghdad", text=body, url="https://example.org/baghdad", outlet="وكالة ناس", title="الكاظمي يعد بإعمار المدارس",
        published_at="2018-05-05T09:00:00+03:00",
        entities=[ent("مصطفى الكاظمي", body), ent("الكاظمي", body, canonical="مصطفى الكاظمي", nth=1), ent("الحكومة", body, "ORG")],
        quotes=[Quote(text=body[q[0]:q[1]], start=q[0], end=q[1], direct=True, cue="قال", cue_start=body.index("وقال") + 1,
                      speaker="مصطفى الكاظمي", speaker_role="رئيس الوزراء", speaker_entity_id=entity_id("PER", "مصطفى الكاظمي"))],
        quantities=[Quantity(text="ألف مدرسة", start=body.index("ألف"), end=body.index("ألف") + 9, value=1000, unit="مدرسة", category="infrastructure")],
        dates=[DateMention(text=body[d[0]:d[1]], start=d[0], end=d[1], value="2018-05-04", resolution="day", relative=True)],
        places=[Place(text="بغداد", start=bg[0], end=bg[1], name="بغداد", country_code="IQ", admin1="بغداد", lat=33.34, lon=44.4,
                      geonames_id=98182, feature="city")],
    )


def riyadh_article() -> Article:
    body = "الرياض – أعلنت وزارة الصحة السعودية تسجيل إصابات جديدة، وقال المتحدث محمد العبدالعالي إن «الوضع مطمئن». وكان سليماني قد زار المنطقة."
    q = span(body, "الوضع مطمئن")
    r = span(body, "الرياض")
    return Article(
        id="a-riyadh", text=body, url=None, outlet="عكاظ", title=None, published_at="2015-08-10T12:00:00",
        entities=[ent("وزارة الصحة السعودية", body, "ORG"), ent("محمد العبدالعالي", body)],
        quotes=[Quote(text=body[q[0]:q[1]], start=q[0], end=q[1], direct=True, cue="قال", cue_start=body.index("وقال") + 1,
                      speaker="محمد العبدالعالي", speaker_role="المتحدث")],
        places=[Place(text="الرياض", start=r[0], end=r[1], name="الرياض", country_code="SA", admin1=None, lat=24.69, lon=46.72,
                      geonames_id=108410, feature="city")],
    )


def clitic_article() -> Article:
    # Variants on purpose: وسليماني (bare و), للحكومةِ (لل + tashkeel), إعمار with hamza, tatweel, ى
    body = "وأشار المصدر إلى أن وسليماني التقى ممثلين للحكومةِ العراقيّة في بغداد لبحث إعمـــار المدارس ومستشفى الموصل."
    return Article(id="a-clitic", text=body, url="https://example.org/clitic", outlet="بي بي سي", title="لقاء في بغداد",
                   published_at="2018-05-04T08:00:00+00:00")


ALL = (mosul_article, baghdad_article, riyadh_article, clitic_article)


@pytest.fixture
def filled(store):
    res = store.upsert([f() for f in ALL])
    assert res.inserted == len(ALL)
    return store


def ids(result) -> set[str]:
    return {h.id for h in result.hits}


# ---------------------------------------------------------------------------------------------
# schema and writes
# ---------------------------------------------------------------------------------------------

def test_fresh_database_is_at_latest_schema(store):
    from marsad.store.schema import LATEST

    assert store.schema_version() == LATEST
    assert store.migrate() == LATEST  # idempotent


def _write_as_version_1(store, rec: Article) -> None:
    """Rows as marsad wrote them at schema version 1 (articles, full text, v1 columns of the extraction tables)."""
    from marsad.doc import text_fingerprint
    from marsad.store.sql import content_hash

    d = rec.to_dict()
    fp = text_fingerprint(d["text"])
    with store._tx() as cur:
        store._insert_article(cur, store._article_row(d, fp, content_hash(d)))
        store._xmany(cur, "INSERT INTO entities (entity_id, type, canonical, name_key) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     [(e.entity_id, e.type, e.canonical, e.canonical) for e in rec.entities])
        store._xmany(cur, "INSERT INTO mentions (article_id, idx, entity_id, type, text, text_key, start_off, end_off) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(rec.id, i, e.entity_id, e.type, e.text, e.text, e.start, e.end)
                                                         for i, e in enumerate(rec.entities)])
        q = rec.quotes[0]
        store._x(cur, "INSERT INTO quotes (article_id, idx, text, text_key, start_off, end_off, direct, cue, cue_start, speaker, "
                 "speaker_key, speaker_id, speaker_role, speaker_entity_id) VALUES (?, 0, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                 (rec.id, q.text, q.text, q.start, q.end, q.cue, q.cue_start, q.speaker, " x ", q.speaker_entity_id, None, q.speaker_entity_id))
        p = rec.places[0]
        store._x(cur, "INSERT INTO places (article_id, idx, place_id, text, name, name_key, start_off, end_off, country_code, admin1, "
                 "lat, lon, geonames_id, feature) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (rec.id, str(p.geonames_id), p.text, p.name, p.name, p.start, p.end, p.country_code, p.admin1, p.lat, p.lon,
                  p.geonames_id, p.feature))


def test_old_database_is_migrated_and_keeps_its_rows(store_url):
    from marsad.store.schema import LATEST

    old = open_store(store_url, migrate=False)
    assert old.schema_version() == 0
    assert old.migrate(target=1) == 1
    _write_as_version_1(old, mosul_article())
    old.close()
    s = open_store(store_url)
    try:
        assert s.schema_version() == LATEST
        assert s.index_outdated()  # built before the index was stamped: the CLI reindexes it
        assert s.reindex() == 1 and not s.index_outdated()
        assert s.get_article("a-mosul")["title"] == "هجوم قرب الموصل"
        assert ids(s.search("والموصل")) == {"a-mosul"}
        # v3 backfilled the entity counters, per-article rows and publication times
        kk = s.entity(entity_id("PER", "جون ككينز"))
        assert kk and (kk.entity.mention_count, kk.entity.article_count) == (2, 1)
        assert [(t.day, t.count) for t in kk.timeline] == [("2018-05-03", 1)]
        assert s.speakers()[0].first_at == "2018-05-03T10:00:00+03:00"
        assert s.places(date_from="2018-05-03")[0].name == "الموصل"
        s.save_clusters([Cluster("c1", [ClusterMember("a-mosul", "first")])])
        assert s.get_article("a-mosul")["cluster_id"] == "c1"
        # and the current code writes to it normally
        s.upsert([baghdad_article()])
        assert {e.canonical for e in s.entities(type="PER")} == {"جون ككينز", "مصطفى الكاظمي"}
    finally:
        s.close()


def test_full_text_index_is_rebuilt_when_the_keys_change(filled):
    assert not filled.index_outdated()
    filled.kv_set("marsad.fts.index_version", b"built-by-an-older-text-layer")
    assert filled.index_outdated()
    before = {q: ids(filled.search(q)) for q in ("الموصل", "وسليماني", '"رئيس الوزراء"')}
    assert filled.reindex(batch_size=3) == 4
    assert not filled.index_outdated()
    assert {q: ids(filled.search(q)) for q in before} == before


def test_record_round_trips_exactly(filled):
    for make in ALL:
        rec = make().to_dict()
        got = filled.get_article(rec["id"])
        validate(got)
        assert got == rec
        assert filled.get_record(rec["id"]) == make()
    assert filled.get_article("nope") is None


def test_upsert_is_idempotent_and_updates_changed_articles(store):
    a = mosul_article()
    assert store.upsert([a]).inserted == 1
    again = store.upsert([mosul_article()])
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1)
    assert store.count() == 1
    # same URL under a new id, changed title: the stored article is updated, not duplicated
    b = mosul_article()
    b.id, b.title = "other-id", "عنوان معدل"
    res = store.upsert([b])
    assert (res.inserted, res.updated) == (0, 1) and res.ids == ["a-mosul"]
    assert store.count() == 1
    assert store.get_article("a-mosul")["title"] == "عنوان معدل"
    assert store.search("معدل").total == 1
    # same normalised text from the same outlet, new id and URL: a re-post, not a new article
    c = mosul_article()
    c.id, c.url, c.text = "repost", "https://example.org/repost", c.text.replace("الموصل", "الموصِل", 1)
    c.entities, c.quotes, c.quantities, c.places, c.source = [], [], [], [], None
    assert store.upsert([c]).duplicates == 1
    # the same text from ANOTHER outlet is syndication: stored as its own article
    c.id, c.outlet = "syndicated", "عكاظ"
    assert store.upsert([c]).inserted == 1
    assert store.count() == 2


def test_a_failing_batch_stores_nothing(store):
    bad = baghdad_article()
    bad.quotes[0].direct = None  # type: ignore[assignment]
    bad.places[0].lat = None  # type: ignore[assignment]  # NOT NULL violation inside the transaction
    with pytest.raises(Exception):
        store.upsert([mosul_article(), bad])
    assert store.count() == 0
    assert store.search("الموصل").total == 0


def test_delete_removes_article_and_its_index_entries(filled):
    assert filled.delete("a-mosul")
    assert not filled.delete("a-mosul")
    assert filled.get_article("a-mosul") is None
    assert "a-mosul" not in ids(filled.search("الموصل"))
    assert all(q.article_id != "a-mosul" for q in filled.quotes().quotes)
    # entity counters follow deletes and updates
    assert filled.entity(entity_id("PER", "جون ككينز")) is None
    assert "جون ككينز" not in {e.canonical for e in filled.entities()}
    assert filled.entities(type="LOC") == []  # الموصل was an entity of the deleted article only
    b = baghdad_article()
    b.entities = b.entities[:1]
    filled.upsert([b])
    kad = filled.entity(entity_id("PER", "مصطفى الكاظمي"))
    assert kad and (kad.entity.mention_count, kad.entity.article_count) == (1, 1)
    assert filled.entity(entity_id("ORG", "الحكومة")) is None
    # and so do the speaker rows
    assert filled.speaker(entity_id("PER", "جون ككينز")) is None
    b.quotes = []
    filled.upsert([b])
    assert {s.name for s in filled.speakers()} == {"محمد العبدالعالي"}


# ---------------------------------------------------------------------------------------------
# Arabic-aware search
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("plain, variants", [
    ("الموصل", ["والموصل", "بالموصل", "للموصل", "المَوْصِل", "الموصـــل", "موصل"]),
    ("اعمار", ["إعمار", "وإعمار", "بإعمار", "إِعْمَار", "اعمـار"]),
    ("الحكومة", ["الحكومه", "للحكومة", "والحكومةِ", "حكومة"]),
    ("مستشفى", ["مستشفي", "ومستشفى"]),
    ("سليماني", ["وسليماني", "سُلَيْمانِي"]),
])
def test_spelling_variants_find_the_same_articles(filled, plain, variants):
    expected = ids(filled.search(plain, limit=50))
    assert expected, f"plain query {plain!r} found nothing"
    for v in variants:
        assert ids(filled.search(v, limit=50)) == expected, v


def test_clitic_glued_words_are_found(filled):
    assert "a-clitic" in ids(filled.search("سليماني"))       # وسليماني in the text
    assert "a-clitic" in ids(filled.search("الحكومة العراقية"))  # للحكومةِ العراقيّة
    assert "a-mosul" in ids(filled.search("القديمة الموصل"))


def test_phrase_or_and_exclusion(filled):
    assert ids(filled.search('"رئيس الوزراء"')) == {"a-baghdad"}
    assert ids(filled.search('"الوزراء رئيس"')) == set()           # order matters in a phrase
    assert ids(filled.search("الكاظمي OR العبدالعالي")) == {"a-baghdad", "a-riyadh"}
    assert "a-mosul" not in ids(filled.search("الموصل -ككينز"))
    assert "a-mosul" in ids(filled.search("الموصل"))


def test_snippet_marks_words_as_written_in_the_original(filled):
    res = filled.search("الموصل القديمة")
    hit = next(h for h in res.hits if h.id == "a-mosul")
    text = filled.get_article("a-mosul")["text"]
    snip = hit.snippet
    assert text[snip.start:snip.end] == snip.text
    marked = {snip.text[s:e] for s, e in snip.highlights}
    assert "والموصلِ" in marked and "القديمة" in marked
    assert "<mark>والموصلِ</mark>" in snip.html()


def test_snippet_html_escapes_article_text(store):
    a = clitic_article()
    a.text = a.text + " <script>alert(1)</script> الموصل"
    store.upsert([a])
    html = store.search("الموصل").hits[0].snippet.html()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_ranking_prefers_title_and_direct_matches(filled):
    res = filled.search("بغداد")
    assert res.hits[0].id in {"a-baghdad", "a-clitic"}
    assert [h.score for h in res.hits] == sorted((h.score for h in res.hits), reverse=True)


@pytest.mark.parametrize("q", ['"', '"unbalanced', "*", "NEAR(", "a OR", "OR", "-", "'; DROP TABLE articles; --", "(((", "x:y", "٢٠١٨", "AND NOT"])
def test_odd_queries_never_error(filled, q):
    res = filled.search(q)
    assert res.total >= 0
    assert filled.count() == 4


def test_filters_combine_with_text(filled):
    f = SearchFilters
    assert ids(filled.search("", f(outlet="عكاظ"))) == {"a-riyadh"}
    assert ids(filled.search("", f(date_from="2018-05-04", date_to="2018-05-04"))) == {"a-clitic"}
    assert ids(filled.search("", f(date_from="2018-05-03"))) == {"a-mosul", "a-baghdad", "a-clitic"}
    assert ids(filled.search("", f(entity=entity_id("PER", "جون ككينز")))) == {"a-mosul"}
    assert ids(filled.search("", f(entity="الكاظمي"))) == {"a-baghdad"}            # by mention name
    assert ids(filled.search("", f(speaker="ككينز"))) == {"a-mosul"}              # one word of the name
    assert ids(filled.search("", f(speaker=entity_id("PER", "مصطفى الكاظمي")))) == {"a-baghdad"}
    assert ids(filled.search("", f(place="بغداد"))) == {"a-baghdad"}
    assert ids(filled.search("", f(place="99072"))) == {"a-mosul"}
    assert ids(filled.search("", f(country="sa"))) == {"a-riyadh"}
    assert ids(filled.search("", f(quantity_category="casualties"))) == {"a-mosul"}
    assert ids(filled.search("", f(theme="security"))) == {"a-mosul"}
    assert ids(filled.search("الموصل", f(country="IQ"))) == {"a-mosul", "a-baghdad"}
    assert ids(filled.search("الموصل", f(country="IQ", speaker="الكاظمي"))) == {"a-baghdad"}
    with pytest.raises(QueryError):
        filled.search("", f(date_from="yesterday"))


def test_listing_paging_and_sorting(filled):
    newest = filled.search("", limit=2)
    assert newest.total == 4 and [h.id for h in newest.hits] == ["a-baghdad", "a-clitic"]
    assert [h.id for h in filled.search("", limit=2, offset=2).hits] == ["a-mosul", "a-riyadh"]
    assert filled.search("", sort="oldest", limit=1).hits[0].id == "a-riyadh"


def test_collapse_keeps_one_hit_per_story(filled):
    filled.save_clusters([Cluster("story-1", [ClusterMember("a-mosul", "first"), ClusterMember("a-baghdad", "rewrite")])])
    full = filled.search("الموصل")
    collapsed = filled.search("الموصل", collapse=True)
    assert {"a-mosul", "a-baghdad"} <= ids(full)
    assert len(ids(collapsed) & {"a-mosul", "a-baghdad"}) == 1
    assert collapsed.total == full.total - 1
    hit = next(h for h in collapsed.hits if h.cluster_id == "story-1")
    assert hit.cluster_size == 2 and hit.collapsed == 1


# ---------------------------------------------------------------------------------------------
# quotes, speakers, entities, places
# ---------------------------------------------------------------------------------------------

def test_quotes_newest_first_and_by_speaker(filled):
    allq = filled.quotes()
    assert allq.total == 3
    assert [q.article_id for q in allq.quotes] == ["a-baghdad", "a-mosul", "a-riyadh"]
    kk = filled.quotes(speaker="ككينز")
    assert [q.text for q in kk.quotes] == ["الوضع في الموصل تحت السيطرة"]
    assert kk.quotes[0].speaker_id == entity_id("PER", "جون ككينز") and kk.quotes[0].speaker_role == "وزير الداخلية"
    assert filled.quotes("الوضع").total == 2
    assert filled.quotes("والوضع", speaker="العبدالعالي").total == 1
    assert filled.quotes(date_to="2018-01-01").total == 1


def test_speakers_and_speaker(filled):
    sp = filled.speakers()
    assert {s.name for s in sp} == {"جون ككينز", "مصطفى الكاظمي", "محمد العبدالعالي"}
    s = filled.speaker(entity_id("PER", "جون ككينز"))
    assert s and s.quote_count == 1 and s.roles == ["وزير الداخلية"]
    unlinked = next(x for x in sp if x.name == "محمد العبدالعالي")
    assert unlinked.speaker_id.startswith("spk-") and filled.quotes(speaker=unlinked.speaker_id).total == 1
    assert [x.name for x in filled.speakers("كاظمي")] == ["مصطفى الكاظمي"]


def test_entities_and_entity_detail(filled):
    per = filled.entities(type="PER")
    assert {e.canonical for e in per} == {"جون ككينز", "مصطفى الكاظمي", "محمد العبدالعالي"}
    kk = next(e for e in per if e.canonical == "جون ككينز")
    assert kk.mention_count == 2 and kk.article_count == 1
    assert [e.canonical for e in filled.entities("الكاظمي")] == ["مصطفى الكاظمي"]
    d = filled.entity(kk.entity_id)
    assert d and {m.text for m in d.mentions} == {"جون ككينز", "ككينز"}
    assert [c.entity.canonical for c in d.co_occurring] == ["الموصل"]
    assert [(t.day, t.count) for t in d.timeline] == [("2018-05-03", 1)]
    assert d.quotes_by == 1 and dict(d.aliases) == {"جون ككينز": 1, "ككينز": 1}
    assert filled.entity("per-0000000000000000") is None


def test_places_with_counts(filled):
    pl = filled.places()
    assert {p.name for p in pl} == {"الموصل", "بغداد", "الرياض"}
    mosul = next(p for p in pl if p.name == "الموصل")
    assert (mosul.place_id, mosul.country_code, mosul.mention_count, mosul.article_count) == ("99072", "IQ", 1, 1)
    assert {p.name for p in filled.places(country="SA")} == {"الرياض"}
    assert {o.outlet for o in filled.outlets()} == {"الشرق اليوم", "وكالة ناس", "عكاظ", "بي بي سي"}


# ---------------------------------------------------------------------------------------------
# clusters and component state
# ---------------------------------------------------------------------------------------------

def test_clusters_written_read_and_reassigned(filled):
    filled.save_clusters([
        Cluster("s1", [ClusterMember("a-mosul", "first"), ClusterMember("a-baghdad", "copy", duplicate_of="a-mosul",
                                                                         near_dup_group="d1", similarity=0.93)],
                credited_source="وكالة الأنباء العراقية", label="هجوم الموصل"),
    ])
    c = filled.cluster("s1")
    assert c and [m.article_id for m in c.members] == ["a-mosul", "a-baghdad"]
    assert c.first_article_id == "a-mosul" and c.first_outlet == "الشرق اليوم" and c.credited_source == "وكالة الأنباء العراقية"
    assert c.members[1].duplicate_of == "a-mosul" and c.members[1].relation == "copy"
    summ = filled.clusters()
    assert [(s.cluster_id, s.size, s.copies) for s in summ] == [("s1", 2, 1)]
    assert set(summ[0].outlets) == {"الشرق اليوم", "وكالة ناس"}
    assert filled.get_article("a-baghdad")["cluster_id"] == "s1"
    # a member moving to a new cluster leaves the old one; an emptied cluster disappears
    filled.save_clusters([Cluster("s2", [ClusterMember("a-baghdad", "first"), ClusterMember("a-clitic", "rewrite")])])
    assert [m.article_id for m in filled.cluster("s1").members] == ["a-mosul"]
    assert filled.clusters(min_size=1) and {s.cluster_id for s in filled.clusters()} == {"s2"}
    filled.save_clusters([Cluster("s3", [ClusterMember("a-mosul", "first")])], replace_all=True)
    assert filled.cluster("s1") is None and filled.cluster("s2") is None
    assert filled.get_article("a-baghdad")["cluster_id"] is None
    assert filled.stats().clusters == 1


def test_kv_state(store):
    assert store.kv_get("lsh") is None
    store.kv_set("lsh", b"\x00\x01state")
    store.kv_set("lsh", b"\x00\x02state")
    assert store.kv_get("lsh") == b"\x00\x02state"
    store.kv_set("lsh", None)
    assert store.kv_get("lsh") is None


def test_iter_records_streams_in_date_order(filled):
    assert [r.id for r in filled.iter_records(batch_size=1)] == ["a-riyadh", "a-mosul", "a-clitic", "a-baghdad"]
    assert [r.id for r in filled.iter_records(date_from="2018-05-04")] == ["a-clitic", "a-baghdad"]
    assert [r.id for r in filled.iter_records(ids=["a-baghdad", "missing", "a-mosul"])] == ["a-baghdad", "a-mosul"]


# ---------------------------------------------------------------------------------------------
# exports
# ---------------------------------------------------------------------------------------------

def test_exports(filled, tmp_path):
    from marsad.export import CSV_COLUMNS, GKG_COLUMNS, export

    filled.save_clusters([Cluster("s1", [ClusterMember("a-mosul", "first")])])
    out = tmp_path / "x.jsonl"
    assert export(filled, "jsonl", out) == 4
    recs = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    for r in recs.values():
        validate(r)
    expected = mosul_article().to_dict()
    expected["cluster_id"] = "s1"
    assert recs["a-mosul"] == expected

    export(filled, "csv", tmp_path / "x.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "x.csv").read_text("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 4
    assert next(r for r in rows if r["id"] == "a-mosul")["speakers"] == "جون ككينز"

    import pyarrow.parquet as pq

    export(filled, "parquet", tmp_path / "x.parquet")
    table = pq.read_table(tmp_path / "x.parquet").to_pylist()
    assert {t["id"] for t in table} == set(recs)
    pm = next(t for t in table if t["id"] == "a-mosul")
    assert pm["quotes"][0]["speaker"] == "جون ككينز" and pm["places"][0]["geonames_id"] == 99072

    export(filled, "gkg", tmp_path / "x.tsv")
    lines = (tmp_path / "x.tsv").read_text("utf-8").splitlines()
    assert len(lines) == 4 and all(len(line.split("\t")) == len(GKG_COLUMNS) for line in lines)
    row = dict(zip(GKG_COLUMNS, next(line for line in lines if "a-mosul" in line).split("\t")))
    assert row["V2.1DATE"] == "20180503070000"
    assert row["V1PERSONS"] == "جون ككينز"
    assert row["V1LOCATIONS"].startswith("4#الموصل#IQ#نينوى#36.3350#43.1190#99072")
    assert row["V2.1QUOTATIONS"].split("|")[-1] == "جون ككينز"
    assert row["V1COUNTS"].startswith("CASUALTIES#5#")
    assert "<CLUSTER_ID>s1</CLUSTER_ID>" in row["V2EXTRASXML"]


def test_readers_are_not_blocked_by_an_open_write_transaction(store_url):
    """A server reads while ``marsad ingest`` writes: readers see committed rows only, and never wait."""
    writer = open_store(store_url)
    reader = open_store(store_url)
    try:
        writer.upsert([mosul_article()])
        import time

        with writer._tx() as cur:  # a batch in flight
            writer._x(cur, "DELETE FROM mentions WHERE article_id = ?", ("a-mosul",))
            t0 = time.perf_counter()
            assert ids(reader.search("الموصل")) == {"a-mosul"}
            assert reader.entity(entity_id("PER", "جون ككينز")) is not None  # the delete is not visible yet
            assert time.perf_counter() - t0 < 5
    finally:
        writer.close()
        reader.close()
