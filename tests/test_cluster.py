"""Near-duplicate and story clustering: copies cluster, different stories don't, provenance, order independence."""

from __future__ import annotations

import random

import numpy as np
import pytest

from marsad.cluster import (
    ClusterConfig, ClusterDoc, Clusterer, band_keys, body_text, credited_source, featurize, minhash_signature,
)
from marsad.cluster.features import permutations, shingle_hashes

WIRE = (
    "الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n"
    "افتتح أمير منطقة الرياض صباح اليوم مشروع توسعة مستشفى الملك فهد التخصصي بتكلفة بلغت ثلاثمئة مليون ريال.\n"
    "وأوضح مدير المستشفى أن التوسعة تضيف أربعمئة سرير جديد وقسما للطوارئ يعمل على مدار الساعة.\n"
    "وأشار إلى أن المشروع يخدم أكثر من مليوني نسمة في المنطقة ويخفف الضغط على المستشفيات الأخرى.\n"
    "وبيّن أن المستشفى سيستقبل المرضى في الأقسام الجديدة مطلع الشهر المقبل بعد اكتمال تجهيزها بالكامل.\n"
    "وأكد أن وزارة الصحة دعمت المشروع بالكوادر الطبية والتمريضية اللازمة لتشغيله.\n"
    "// انتهى //\n20:26 ت م"
)

# A newspaper reprint: its own dateline, a different headline, spelling variants (أ/ا، ة/ه، ى/ي),
# one sentence dropped and one of its own added.
REPRINT = (
    "جدة – صحيفة اليوم\n"
    "افتتح امير منطقة الرياض صباح اليوم مشروع توسعه مستشفي الملك فهد التخصصي بتكلفة بلغت ثلاثمئة مليون ريال.\n"
    "وأوضح مدير المستشفى أن التوسعة تضيف أربعمئة سرير جديد وقسما للطوارئ يعمل على مدار الساعة.\n"
    "وأشار إلى أن المشروع يخدم أكثر من مليوني نسمة في المنطقة ويخفف الضغط على المستشفيات الأخرى.\n"
    "وبيّن أن المستشفى سيستقبل المرضى في الأقسام الجديدة مطلع الشهر المقبل بعد اكتمال تجهيزها بالكامل.\n"
    "وحضر الافتتاح عدد من المسؤولين ورجال الأعمال في المنطقة.\n"
    "المصدر: واس"
)

# The same event in another outlet's words.
REWRITE = (
    "دشن أمير الرياض توسعة مستشفى الملك فهد التخصصي التي كلفت ثلاثمئة مليون ريال، وتضيف أربعمئة سرير وقسما جديدا للطوارئ.\n"
    "وقال مدير مستشفى الملك فهد التخصصي إن أقسام التوسعة ستستقبل المرضى مطلع الشهر المقبل، وإن المستشفى يخدم مليوني نسمة.\n"
    "ويأتي افتتاح التوسعة ضمن خطة وزارة الصحة لزيادة عدد الأسرة في منطقة الرياض."
)

OTHER = (
    "أعلن الاتحاد السعودي لكرة القدم مساء اليوم تعيين مدرب جديد للمنتخب الأول خلفا للمدرب السابق الذي أقيل الشهر الماضي.\n"
    "وقال رئيس الاتحاد في مؤتمر صحفي إن المدرب الجديد وقع عقدا لمدة عامين يتضمن قيادة المنتخب في تصفيات كأس العالم.\n"
    "وأضاف أن الجهاز الفني سيعلن قائمة اللاعبين للمعسكر التحضيري الأسبوع المقبل في مدينة جدة.\n"
    "وكان المنتخب قد خسر مباراتين متتاليتين في التصفيات الآسيوية مما أدى إلى إقالة مدربه."
)

# Same topic words (hospital, Riyadh, health ministry), a different event.
SAME_TOPIC = (
    "أعلنت وزارة الصحة اليوم إطلاق حملة للتطعيم ضد الإنفلونزا الموسمية في جميع المراكز الصحية بالمملكة.\n"
    "وأوضح متحدث الوزارة أن الحملة تستهدف كبار السن والحوامل والأطفال وتستمر ثلاثة أشهر.\n"
    "ودعا المواطنين والمقيمين إلى المبادرة بأخذ اللقاح مجانا في أقرب مركز صحي."
)


def doc(id_: str, text: str, when: str, outlet: str, title: str | None = None, **kw) -> ClusterDoc:
    return ClusterDoc(id=id_, text=text, title=title, outlet=outlet, published_at=when, **kw)


def corpus() -> list[ClusterDoc]:
    return [
        doc("spa-1", WIRE, "2015-08-10T08:00:00+03:00", "SPA", "عام / أمير الرياض يفتتح توسعة مستشفى الملك فهد التخصصي"),
        doc("yaum-1", REPRINT, "2015-08-10T10:30:00+03:00", "Al-Yaum", "400 سرير جديد في مستشفى الملك فهد"),
        doc("riyadh-1", REWRITE, "2015-08-10T12:00:00+03:00", "Al-Riyadh", "أمير الرياض يدشن توسعة مستشفى الملك فهد"),
        doc("okaz-1", OTHER, "2015-08-10T09:00:00+03:00", "Okaz", "مدرب جديد للمنتخب السعودي"),
        doc("watan-1", SAME_TOPIC, "2015-08-10T11:00:00+03:00", "Al-Watan", "حملة تطعيم ضد الإنفلونزا"),
    ]


def test_body_text_drops_dateline_and_trailers():
    body = body_text(WIRE)
    assert "واس" not in body.split("\n")[0] and "انتهى" not in body and "ت م" not in body
    assert body.startswith("افتتح أمير")
    assert "المصدر" not in body_text(REPRINT) and not body_text(REPRINT).startswith("جدة")
    assert body_text("الرياض - واس\nنص الخبر الأول هنا وهو طويل بما يكفي ليكون خبرا.\nوجملة ثانية من الخبر نفسه.").startswith("نص الخبر")


def test_credited_source_forms():
    assert "واس" in credited_source(WIRE)
    assert "واس" in credited_source(REPRINT)
    assert "واس" in credited_source("الرياض (واس) - أعلنت الوزارة اليوم عن خطة جديدة.")
    assert credited_source("قال الوزير نقلا عن وكالة رويترز إن الاتفاق تم.") == "رويترز"
    assert credited_source("قال الوزير إن الاتفاق تم.\nالمصدر: وكالة “ناس” العراقية") == "وكالة “ناس” العراقية"
    assert credited_source(OTHER) is None


def test_copy_with_dateline_headline_sentence_and_spelling_changes_is_a_near_duplicate():
    c = Clusterer()
    c.add_many(corpus())
    assert c.dup_id("spa-1") == c.dup_id("yaum-1")
    assert c.story_id("spa-1") == c.story_id("yaum-1") == c.story_id("riyadh-1")
    # a rewrite is the same story but not a copy
    assert c.dup_id("riyadh-1") != c.dup_id("spa-1")


def test_different_stories_do_not_cluster():
    c = Clusterer()
    c.add_many(corpus())
    stories = {i: c.story_id(i) for i in ("spa-1", "okaz-1", "watan-1")}
    assert len(set(stories.values())) == 3


def test_time_window_separates_identical_templates():
    a = doc("a", OTHER, "2015-08-10T09:00:00+00:00", "Okaz")
    b = doc("b", OTHER, "2015-10-10T09:00:00+00:00", "Sabq")
    c = Clusterer()
    c.add_many([a, b])
    assert c.story_id("a") != c.story_id("b")


def test_provenance_first_publisher_credit_and_relations():
    c = Clusterer()
    c.add_many(corpus())
    story = c.story(c.story_id("yaum-1"))
    assert story.first_id == "spa-1" and story.first_outlet == "SPA"
    assert story.credited_source and "واس" in story.credited_source
    rel = {m.id: m for m in story.members}
    assert rel["spa-1"].relation == "first"
    assert rel["yaum-1"].relation in ("verbatim", "near-copy") and rel["yaum-1"].copy_of == "spa-1"
    assert rel["riyadh-1"].relation == "rewrite" and rel["riyadh-1"].copy_of is None
    assert story.outlets == ["SPA", "Al-Yaum", "Al-Riyadh"]
    d = story.to_dict()
    assert d["size"] == 3 and d["members"][0]["id"] == "spa-1"


def test_verbatim_copy_is_marked_verbatim():
    c = Clusterer()
    c.add(doc("w", WIRE, "2015-08-10T08:00:00+03:00", "SPA"))
    c.add(doc("p", WIRE.replace("الرياض 25 شوال", "الدمام 25 شوال"), "2015-08-10T09:00:00+03:00", "Al-Madina"))
    m = {x.id: x for x in c.story(c.story_id("p")).members}
    assert m["p"].relation == "verbatim" and m["p"].copy_of == "w"


def test_excerpt_of_long_release_is_linked_to_it():
    long_release = WIRE.replace("// انتهى //", OTHER.replace("\n", "\n") + "\n" + SAME_TOPIC + "\n// انتهى //")
    excerpt = "\n".join(OTHER.split("\n")[:3])
    c = Clusterer()
    c.add(doc("long", long_release, "2015-08-10T08:00:00+03:00", "SPA"))
    c.add(doc("ex", excerpt, "2015-08-10T12:00:00+03:00", "Okaz"))
    assert c.story_id("ex") == c.story_id("long")
    m = {x.id: x for x in c.story(c.story_id("ex")).members}
    assert m["ex"].relation == "excerpt" and m["ex"].copy_of == "long"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_in_any_order_equals_batch(seed):
    docs = corpus()
    batch = Clusterer()
    batch.add_many(docs)
    shuffled = docs[:]
    random.Random(seed).shuffle(shuffled)
    inc = Clusterer()
    for d in shuffled:
        inc.add(d)
        inc.assignments()  # reading in between must not matter
    assert inc.assignments() == batch.assignments()
    assert [s.to_dict() for s in inc.clusters()] == [s.to_dict() for s in batch.clusters()]


def test_readding_is_a_noop():
    c = Clusterer()
    docs = corpus()
    c.add_many(docs)
    before = c.assignments()
    c.add_many(docs)
    assert c.assignments() == before and len(c) == len(docs)


def test_signature_is_pure_and_reproducible_without_numpy():
    sh = {"a b c d", "b c d e", "ج د ه و"}
    sig = minhash_signature(sh, num_perm=16, seed=7)
    assert np.array_equal(sig, minhash_signature(set(sorted(sh)), num_perm=16, seed=7))
    a, b = permutations(16, 7)
    hashes = [int(h) for h in shingle_hashes(sorted(sh))]
    mask = (1 << 64) - 1
    expected = [min((int(a[i]) * h + int(b[i])) & mask for h in hashes) for i in range(16)]
    assert [int(x) for x in sig] == expected
    assert not np.array_equal(sig, minhash_signature(sh, num_perm=16, seed=8))
    keys = band_keys(sig, 4, 4)
    assert len(keys) == 4 and keys == band_keys(sig.copy(), 4, 4)


def test_features_do_not_depend_on_other_articles():
    a = featurize(corpus()[0])
    b = featurize(corpus()[0])
    assert a.vector == b.vector and np.array_equal(a.signature, b.signature) and a.top_terms == b.top_terms


def test_entities_raise_the_story_score_when_present():
    from marsad.cluster import story_score

    cfg = ClusterConfig()
    x = featurize(doc("x", REWRITE, None, "A"))
    y = featurize(doc("y", SAME_TOPIC, None, "B"))
    xe = featurize(doc("x", REWRITE, None, "A", entities=("per-1", "org-2")))
    ye = featurize(doc("y", SAME_TOPIC, None, "B", entities=("per-1", "org-2")))
    assert story_score(xe, ye, cfg) > story_score(x, y, cfg)


def test_from_record_reads_article_dicts():
    rec = {"id": "r1", "text": WIRE, "title": "t", "outlet": "SPA", "published_at": "2015-08-10T08:00:00+03:00",
           "source": {"name": "واس", "start": 0, "end": 3},
           "entities": [{"text": "الرياض", "start": 0, "end": 6, "type": "LOC", "canonical": "الرياض", "entity_id": "loc-1"}],
           "places": [{"text": "الرياض", "start": 0, "end": 6, "name": "الرياض", "geonames_id": 108410}],
           "quotes": [{"text": "التوسعة تضيف أربعمئة سرير جديد وقسما للطوارئ"}]}
    d = ClusterDoc.from_record(rec)
    assert d.source == "واس" and d.entities == ("loc-1",) and d.places == ("108410",) and len(d.quotes) == 1


def test_store_integration_incremental_on_ingest(tmp_path):
    from marsad.cluster import rebuild_store, update_store
    from marsad.record import Article
    from marsad.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    try:
        docs = corpus()
        recs = [Article(id=d.id, text=d.text, title=d.title, outlet=d.outlet, published_at=d.published_at) for d in docs]
        first = store.upsert(recs[:2])
        update_store(store, first.ids)
        assert store.get_article("spa-1")["cluster_id"] == store.get_article("yaum-1")["cluster_id"]
        second = store.upsert(recs[2:])
        update_store(store, second.ids)
        cid = store.get_article("spa-1")["cluster_id"]
        assert store.get_article("riyadh-1")["cluster_id"] == cid
        assert store.get_article("okaz-1")["cluster_id"] != cid
        cl = store.cluster(cid)
        assert cl.first_article_id == "spa-1" and {m.article_id for m in cl.members} == {"spa-1", "yaum-1", "riyadh-1"}
        rel = {m.article_id: m for m in cl.members}
        assert rel["yaum-1"].duplicate_of == "spa-1" and rel["yaum-1"].near_dup_group == rel["spa-1"].near_dup_group
        # incremental equals a full rebuild
        before = {r.id: r.cluster_id for r in store.iter_records()}
        rebuild_store(store)
        assert {r.id: r.cluster_id for r in store.iter_records()} == before
    finally:
        store.close()


@pytest.mark.slow
def test_real_syndication_sample(shared_data):
    """SPA items and their newspaper reprints from SaudiNewsNet: the silver pairs found are mostly recovered."""
    from marsad.evaluation.cluster import predicted_copy_pairs, read_jsonl, syndication_silver

    rows = [r for r in read_jsonl(shared_data / "news" / "saudinewsnet" / "articles.jsonl")][:800]
    silver = syndication_silver(rows)
    c = Clusterer()
    c.add_many(ClusterDoc.from_record(r) for r in rows)
    pred = predicted_copy_pairs(c)
    assert silver, "no syndicated pairs in the sample"
    recall = len(pred & silver) / len(silver)
    precision = len(pred & silver) / len(pred)
    assert recall > 0.8 and precision > 0.7


def test_cli_clusters_from_file_and_database(tmp_path):
    import json

    from typer.testing import CliRunner

    from marsad.cli import _register
    from marsad.cli.app import app
    from marsad.cluster import update_store
    from marsad.record import Article
    from marsad.store import open_store

    _register()
    src = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": d.id, "text": d.text, "title": d.title, "outlet": d.outlet, "date": d.published_at},
                        ensure_ascii=False) for d in corpus()]
    src.write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["clusters", "--input", str(src), "--json"])
    assert res.exit_code == 0, res.output  # a malformed line is reported and skipped, the rest is clustered
    assert "a.jsonl:6: skipped" in res.stderr
    first = json.loads(res.stdout.splitlines()[0])
    assert first["size"] == 3 and first["first_id"] == "spa-1"

    db = f"sqlite:///{tmp_path / 'c.db'}"
    store = open_store(db)
    try:
        res_up = store.upsert([Article(id=d.id, text=d.text, title=d.title, outlet=d.outlet, published_at=d.published_at)
                               for d in corpus()])
        update_store(store, res_up.ids)
    finally:
        store.close()
    res = runner.invoke(app, ["clusters", "--db", db, "--members"])
    assert res.exit_code == 0, res.output
    assert "3 articles" in res.output and "SPA" in res.output and "[first]" in res.output
