"""Clustering inside the store: incremental on ingest, full rebuild on demand.

``update_store(store, ids)`` is the ingest hook (``marsad ingest`` calls it after each committed
batch). It re-clusters the time window around the new articles — every stored article within
``max(story_window, dup_window)`` of them — and writes back the story clusters that contain a new
article. Because clusters are the connected components of pairwise decisions, this gives the
same clusters as clustering everything at once, except for stories that chain further than one
window beyond the batch (``rebuild_store`` settles those).

Features are cached in the store's key-value table per article (keyed by a hash of the text and
the clustering parameters), so a window is rebuilt from stored signatures, not re-shingled.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np

from .engine import DEFAULT_CONFIG, ClusterConfig, ClusterDoc, Clusterer, DocFeatures, StoryCluster, featurize, parse_time

_KV_PREFIX = "cluster:f:"


def _config_tag(config: ClusterConfig) -> str:
    return hashlib.blake2b(repr(config).encode(), digest_size=6).hexdigest()


def _text_tag(doc: ClusterDoc) -> str:
    h = hashlib.blake2b(digest_size=8)
    for part in (doc.text, doc.title or "", doc.published_at or "", doc.source or "", "|".join(doc.entities),
                 "|".join(doc.places), "|".join(doc.quotes), doc.outlet or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def features_to_json(f: DocFeatures, tag: str) -> bytes:
    return json.dumps({
        "tag": tag, "id": f.id, "ts": f.ts, "outlet": f.outlet, "title": f.title,
        "sig": f.signature.astype("<u8").tobytes().hex(), "vec": f.vector, "top": list(f.top_terms),
        "meta": sorted(f.meta), "credited": f.credited, "n": f.n_shingles, "fp": sorted(f.fingerprints),
    }, ensure_ascii=False).encode("utf-8")


def features_from_json(data: bytes) -> tuple[str, DocFeatures]:
    d = json.loads(data)
    return d["tag"], DocFeatures(
        id=d["id"], ts=d["ts"], outlet=d["outlet"], title=d["title"],
        signature=np.frombuffer(bytes.fromhex(d["sig"]), dtype="<u8").astype(np.uint64), vector=d["vec"],
        top_terms=tuple(d["top"]), meta=frozenset(d["meta"]), credited=d["credited"], n_shingles=d["n"],
        fingerprints=frozenset(d["fp"]),
    )


def cached_features(store: Any, record: Any, config: ClusterConfig = DEFAULT_CONFIG) -> DocFeatures:
    """The article's features from the store's cache, computed and cached when missing or stale."""
    doc = ClusterDoc.from_record(record)
    tag = _config_tag(config) + ":" + _text_tag(doc)
    raw = store.kv_get(_KV_PREFIX + doc.id)
    if raw:
        try:
            old_tag, f = features_from_json(raw)
            if old_tag == tag:
                return f
        except (ValueError, KeyError):
            pass
    f = featurize(doc, config)
    store.kv_set(_KV_PREFIX + doc.id, features_to_json(f, tag))
    return f


def to_store_cluster(sc: StoryCluster) -> Any:
    from ..store.base import Cluster, ClusterMember

    return Cluster(
        cluster_id=sc.id,
        members=[ClusterMember(article_id=m.id, relation=m.relation, duplicate_of=m.copy_of, near_dup_group=m.dup_group,
                               similarity=m.copy_similarity) for m in sc.members],
        first_article_id=sc.first_id, first_published_at=sc.first_published_at, first_outlet=sc.first_outlet,
        credited_source=sc.credited_source,
    )


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat()


def _session(store: Any, config: ClusterConfig) -> dict[str, Any]:
    """The clusterer kept with an open store across ingest batches, with the date range it has loaded."""
    state = getattr(store, "_marsad_cluster_session", None)
    if state is None or state["config"] != config:
        # Pruned articles are simply forgotten: their clusters are already saved, and a later
        # batch that reaches back to them reloads them from the store.
        state = {"config": config, "clusterer": Clusterer(config, keep_pruned=False), "lo": None, "hi": None}
        try:
            store._marsad_cluster_session = state
        except AttributeError:  # a store class with __slots__: no reuse between batches
            pass
    return state


def _load_range(store: Any, state: dict[str, Any], lo: datetime, hi: datetime) -> None:
    """Hold the stored articles dated in [lo, hi]: prune what lies wholly before ``lo``, add what is missing.

    Story components whose members all lie before ``lo`` cannot be reached by a batch whose
    window starts there, so they are dropped (``Clusterer.prune``): the session holds one window,
    not the whole ingest. ``state["lo"], state["hi"]`` is the date range known to be held.
    """
    c: Clusterer = state["clusterer"]
    c.prune(lo.timestamp())
    held_lo, held_hi = state["lo"], state["hi"]
    if held_lo is not None and held_lo < lo:
        held_lo = lo
    if held_lo is None or held_lo > hi or held_hi < lo or held_lo > held_hi:
        ranges = [(lo, hi)]  # nothing of this window is held (the first batch, or a jump in time)
        state["lo"], state["hi"] = lo, hi
    else:
        ranges = []
        if lo < held_lo:
            ranges.append((lo, held_lo))
        if hi > held_hi:
            ranges.append((held_hi, hi))
        state["lo"], state["hi"] = min(lo, held_lo), max(hi, held_hi)
    for a, b in ranges:
        for rec in store.iter_records(date_from=a.isoformat(), date_to=b.isoformat()):
            if rec.id not in c:
                c.add(cached_features(store, rec, state["config"]))


def update_store(store: Any, ids: Iterable[str], config: ClusterConfig = DEFAULT_CONFIG) -> int:
    """Cluster newly stored articles against the stored ones around them; returns clusters saved.

    The first call loads every stored article within ``max(story_window, dup_window)`` of the new
    ones; the clusterer then stays with the open store, so later batches of one ingest only add
    their own articles (and any older ones their window newly reaches), and story components
    wholly older than a batch's window are pruned from it, so memory follows the window, not the
    ingest. Every story of each story-graph component a new article touches is saved (a merge can
    re-split old members).
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        return 0
    new = {r.id: r for r in store.iter_records(ids=ids)}
    if not new:
        return 0
    state = _session(store, config)
    c: Clusterer = state["clusterer"]
    times = [t for t in (parse_time(r.published_at) for r in new.values()) if t is not None]
    if times:
        reach = timedelta(hours=max(config.story_window_hours, config.dup_window_hours))
        _load_range(store, state, datetime.fromtimestamp(min(times), UTC) - reach,
                    datetime.fromtimestamp(max(times), UTC) + reach)
    for rec in new.values():
        if rec.id not in c:
            c.add(cached_features(store, rec, config))
    touched = {c._stories.find(i) for i in new}
    saved = []
    for root in sorted(touched):
        by_story: dict[str, list[str]] = {}
        for i, sid in c._component_stories(root).items():
            by_story.setdefault(sid, []).append(i)
        saved.extend(to_store_cluster(c.story(sid, sorted(m))) for sid, m in sorted(by_story.items()))
    return store.save_clusters(saved)


def rebuild_store(store: Any, config: ClusterConfig = DEFAULT_CONFIG, *, date_from: str | None = None,
                  date_to: str | None = None) -> int:
    """Cluster every stored article (or those in a date range) from scratch; returns clusters saved.

    The store yields undated articles first, then dated ones in publication order: the stream the
    pruning clusterer reproduces exactly, so only one window of features is held at a time (an
    hour of lateness covers ``pub_ts`` being kept to the second).
    """
    c = Clusterer(config, prune=True, lateness_hours=1.0)
    for rec in store.iter_records(date_from=date_from, date_to=date_to):
        c.add(cached_features(store, rec, config))
    clusters = [to_store_cluster(sc) for sc in c.clusters()]
    return store.save_clusters(clusters, replace_all=date_from is None and date_to is None)
