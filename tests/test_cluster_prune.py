"""Pruning the clusterer to its time window changes no cluster id and no provenance for an in-order stream."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from importlib.resources import files

from marsad.cluster import ClusterDoc, Clusterer, featurize, rebuild_store, update_store
from marsad.cluster.engine import _order_key

from .test_cluster import OTHER, REPRINT, REWRITE, SAME_TOPIC, WIRE

START = datetime(2025, 1, 1, 8, tzinfo=UTC)
UNDATED = (
    "افتتحت بلدية المدينة القديمة حديقة عامة جديدة على ضفة النهر تضم ممرات للمشاة وملاعب للأطفال.\n"
    "وقال رئيس البلدية إن الحديقة زرعت فيها ألفا شجرة من أنواع محلية تتحمل الحر والجفاف."
)


def _samples() -> list[ClusterDoc]:
    text = files("marsad").joinpath("data/samples/articles.jsonl").read_text(encoding="utf-8")
    return [ClusterDoc.from_record(json.loads(line)) for line in text.splitlines() if line.strip()]


def _stream() -> list[ClusterDoc]:
    """The bundled samples (spread over 2025) plus a synthetic stream running far past the window.

    Every 10 days the same five-article day (an agency item, a reprint, a rewrite, two other
    stories) recurs under new ids, so each recurrence forms its own story once the old one has
    left the window; an agency item reprinted every 5 days chains one near-duplicate group across
    40 days (a component that must not be pruned while it can still grow); one article is undated.
    """
    docs = _samples()
    day = [(WIRE, 0), (REPRINT, 2.5), (REWRITE, 4), (OTHER, 1), (SAME_TOPIC, 3)]
    for period in range(12):
        base = START + timedelta(days=10 * period)
        for k, (text, hours) in enumerate(day):
            # (a sentence of the period's own keeps the store from taking it for the same article)
            docs.append(ClusterDoc(id=f"p{period:02d}-{k}", text=f"{text}\nوذلك في النشرة {period + 1}.",
                                   outlet=f"outlet-{k}", title=None,
                                   published_at=(base + timedelta(hours=hours)).isoformat()))
    for k in range(9):
        docs.append(ClusterDoc(id=f"chain-{k}", text=WIRE + f"\nوتابع المراسل في اليوم {k + 1}.", outlet="chain",
                               published_at=(START + timedelta(days=200 + 5 * k)).isoformat()))
    # Undated: within every window, so it must be held for good (an undated copy of a recurring
    # item would chain every recurrence into one component that can never be pruned).
    docs.append(ClusterDoc(id="undated", text=UNDATED, outlet="no-date"))
    return docs


def _in_order(docs: list[ClusterDoc]) -> list:
    feats = sorted((featurize(d) for d in docs), key=_order_key)
    return [f for f in feats if f.ts is None] + [f for f in feats if f.ts is not None]  # undated first


def _run(feats, **kw) -> tuple[Clusterer, int]:
    c = Clusterer(**kw)
    most = 0
    for f in feats:
        c.add(f)
        most = max(most, len(c.features))
    return c, most


def _same(a: Clusterer, b: Clusterer) -> None:
    assert a.assignments() == b.assignments()
    assert [c.to_dict() for c in a.clusters()] == [c.to_dict() for c in b.clusters()]
    for sid, ids in a.members().items():
        assert b.story(sid).to_dict() == a.story(sid, ids).to_dict()
    assert len(a) == len(b)


def test_pruned_stream_gives_the_same_clusters_and_provenance():
    feats = _in_order(_stream())
    full, _ = _run(feats)
    pruned, most = _run(feats, prune=True)
    _same(full, pruned)
    # Pruning did happen, and memory followed the window, not the stream.
    assert len(pruned.pruned) > len(feats) // 2 and most < len(feats) // 4
    # The data has what the comparison needs: copies, rewrites, a chain across weeks.
    stories = full.members()
    assert len({full.story_id(f"chain-{k}") for k in range(9)}) == 1
    assert sum(1 for ids in stories.values() if len(ids) >= 3) >= 12
    relations = {m.relation for c in full.clusters() for m in c.members}
    assert {"first", "near-copy", "rewrite"} <= relations
    # A component stays whole while it can grow: the chain's first copy (40 days before its last)
    # is still held when the last one arrives, and goes once the chain has left the window.
    step = Clusterer(prune=True)
    for f in feats:
        step.add(f)
        if f.id == "chain-8":
            assert "chain-0" in step.features
    assert "chain-0" in step.pruned


def test_lateness_allows_a_shuffled_stream():
    feats = _in_order(_stream())
    rng = random.Random(3)
    # Each article may arrive up to 20 hours after later ones.
    jittered = sorted(feats, key=lambda f: (f.ts is not None, (f.ts or 0) + rng.uniform(0, 20 * 3600)))
    full, _ = _run(feats)
    _same(full, _run(jittered, prune=True, lateness_hours=20)[0])


def test_late_article_beyond_the_lateness_is_compared_with_what_is_held():
    """Documented limit: a copy arriving after its original was pruned starts its own group."""
    wire = ClusterDoc(id="wire", text=WIRE, outlet="SPA", published_at=START.isoformat())
    later = ClusterDoc(id="later", text=OTHER, outlet="x", published_at=(START + timedelta(days=30)).isoformat())
    late_copy = ClusterDoc(id="late-copy", text=REPRINT, outlet="y", published_at=(START + timedelta(hours=3)).isoformat())
    pruned = Clusterer(prune=True)
    pruned.add_many([wire, later, late_copy])
    full = Clusterer()
    full.add_many([wire, later, late_copy])
    assert full.story_id("late-copy") == full.story_id("wire")
    assert "wire" in pruned.pruned and pruned.story_id("late-copy") != pruned.story_id("wire")


def test_store_session_holds_one_window_and_matches_a_full_run(tmp_path):
    from marsad.record import Article
    from marsad.store import open_store

    docs = [d for d in _stream() if d.published_at]
    docs.sort(key=lambda d: d.published_at)
    store = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        recs = [Article(id=d.id, text=d.text, title=d.title, outlet=d.outlet, published_at=d.published_at) for d in docs]
        batches = [recs[i:i + 7] for i in range(0, len(recs), 7)]
        for batch in batches:  # in date order
            assert len(store.upsert(batch).ids) == len(batch)
            update_store(store, [r.id for r in batch])
            held = len(store._marsad_cluster_session["clusterer"].features)
            assert held < len(recs) // 4
        # A batch going back in time: its window was pruned and is reloaded from the store.
        update_store(store, [r.id for r in batches[3]])
        got = {r.id: r.cluster_id for r in store.iter_records()}
        full = Clusterer()
        full.add_many(ClusterDoc.from_record(r) for r in store.iter_records())
        assert got == {i: s for i, (s, _) in full.assignments().items()}
        rebuild_store(store)
        assert {r.id: r.cluster_id for r in store.iter_records()} == got
        cid = got["p05-0"]
        cl = store.cluster(cid)
        assert cl.first_article_id == "p05-0" and {m.article_id for m in cl.members} == {"p05-0", "p05-1", "p05-2"}
    finally:
        store.close()


def test_cli_clusters_of_a_shuffled_file_match_a_full_run(tmp_path):
    """`marsad clusters --input` sorts the file by publication time and prunes; the result is the full run's."""
    from typer.testing import CliRunner

    from marsad.cli import _register
    from marsad.cli.app import app

    docs = _stream()
    random.Random(7).shuffle(docs)
    src = tmp_path / "stream.jsonl"
    src.write_text("\n".join(json.dumps({"id": d.id, "text": d.text, "title": d.title, "outlet": d.outlet,
                                         "published_at": d.published_at}, ensure_ascii=False) for d in docs) + "\n",
                   encoding="utf-8")
    full = Clusterer()
    full.add_many(featurize(d) for d in docs)
    _register()
    res = CliRunner().invoke(app, ["clusters", "--input", str(src), "--json", "--limit", "1000", "--min-size", "1"])
    assert res.exit_code == 0, res.output
    got = [json.loads(line) for line in res.stdout.splitlines()]
    assert got == [c.to_dict() for c in full.clusters()]
    assert len(got) > 12  # the recurring days form stories of their own
