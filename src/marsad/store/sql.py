"""What SQLite and PostgreSQL share: the relational schema's use, upsert, filters and every read query.

Backends provide the connection, the transaction, the migrations and the full-text parts
(FTS5 ``MATCH``/``bm25`` versus ``tsvector``/``ts_rank_cd``). SQL here is written with ``?``
placeholders (PostgreSQL's ``%s`` is substituted once per statement); user values only ever
travel as parameters.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from abc import abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

from ..doc import parse_datetime, text_fingerprint
from ..record import Article
from ..text import name_key as _name_key_uncached
from . import fts
from .base import (
    COPY_RELATIONS, Cluster, ClusterMember, ClusterSummary, CoMention, DateLike, EntityDetail, EntitySummary, Existing, Mention,
    OutletSummary, PlaceSummary, QueryError, QuoteHit, QuoteResult, SearchFilters, SearchHit, SearchResult,
    SortOrder, SpeakerSummary, Store, StoreStats, TimelinePoint, UpsertResult, place_id, speaker_id, to_day,
)

name_key = lru_cache(maxsize=200_000)(_name_key_uncached)
_ENTITY_ID_RE = re.compile(r"^(per|org|loc|misc)-[0-9a-f]{16}$")
_SPEAKER_ID_RE = re.compile(r"^(spk|per|org|loc|misc)-[0-9a-f]{16}$")
MAX_LIMIT = 1000


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _pub_fields(published_at: str | None) -> tuple[str | None, str | None]:
    """(UTC timestamp for ordering, the outlet's local day for date filters)."""
    if not published_at:
        return None, None
    try:
        dt = parse_datetime(published_at)
    except ValueError:
        return None, None
    day = dt.date().isoformat()
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return dt.strftime("%Y-%m-%dT%H:%M:%S"), day


def content_hash(record: dict[str, Any]) -> str:
    d = {k: v for k, v in record.items() if k != "cluster_id"}
    return hashlib.blake2b(json.dumps(d, ensure_ascii=False, sort_keys=True).encode("utf-8"), digest_size=12).hexdigest()


def _clamp(limit: int, offset: int) -> tuple[int, int]:
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must not be negative")
    return min(int(limit), MAX_LIMIT), int(offset)


def _contains_pattern(key: str) -> str:
    """LIKE pattern matching ``key`` as whole words of a space-padded key column."""
    return f"% {key} %"


class SQLStore(Store):
    """Everything but connection handling, migrations and full-text specifics."""

    backend = "sql"

    def __init__(self) -> None:
        self._lock = threading.RLock()

    # --- backend hooks ---
    @abstractmethod
    @contextmanager
    def _tx(self) -> Iterator[Any]:
        """A cursor inside one write transaction (committed on exit, rolled back on error)."""

    @abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...

    @abstractmethod
    def _x(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> None: ...

    @abstractmethod
    def _xmany(self, cur: Any, sql: str, rows: list[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _insert_article(self, cur: Any, row: dict[str, Any]) -> None:
        """Insert the article row and its full-text entry (``row`` holds columns plus title/body shadows)."""

    @abstractmethod
    def _update_article(self, cur: Any, row: dict[str, Any]) -> None: ...

    @abstractmethod
    def _delete_article_row(self, cur: Any, article_id: str) -> None: ...

    @abstractmethod
    def _fts_source(self, pq: fts.ParsedQuery) -> tuple[str, str, list[Any]]:
        """``(join_sql, score_sql, params)`` restricting ``articles a`` to matches of ``pq``."""

    @abstractmethod
    def _fts_replace(self, cur: Any, article_id: str, row: dict[str, Any]) -> None:
        """Replace the full-text entry of one article (``row`` holds fts_title, fts_body, fts_alt)."""

    # --- full-text shadow version ---
    _INDEX_KEY = "marsad.fts.index_version"

    def _stamp_index(self) -> None:
        """Record the shadow rules in use; called after migrations (empty db) and after a reindex."""
        if self.kv_get(self._INDEX_KEY) is None and self.count() == 0:
            self.kv_set(self._INDEX_KEY, fts.index_version().encode())

    def index_outdated(self) -> bool:
        stamp = self.kv_get(self._INDEX_KEY)
        if stamp is None:
            return self.count() > 0
        return stamp.decode() != fts.index_version()

    def reindex(self, *, batch_size: int = 500) -> int:
        n = 0
        last = ""
        while True:
            with self._lock:
                rows = self._rows("SELECT id, title, body FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch_size))
            if not rows:
                break
            with self._lock, self._tx() as cur:
                for aid, title, body in rows:
                    t_keys, t_alt = fts.shadow(title)
                    b_keys, b_alt = fts.shadow(body)
                    self._fts_replace(cur, aid, {"fts_title": t_keys, "fts_body": b_keys, "fts_alt": (t_alt + " " + b_alt).strip()})
            n += len(rows)
            last = rows[-1][0]
        self.kv_set(self._INDEX_KEY, fts.index_version().encode())
        return n

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # ------------------------------------------------------------------------------------
    # write side
    # ------------------------------------------------------------------------------------
    def find_existing(self, *, id: str | None = None, url: str | None = None,
                      fingerprint: str | None = None, outlet: str | None = None) -> Existing | None:
        cols = "id, fingerprint, url, title, published_at, outlet"
        with self._lock:
            for where, params in (("id = ?", id), ("url = ?", url)):
                if params:
                    r = self._one(f"SELECT {cols} FROM articles WHERE {where}", (params,))
                    if r:
                        return Existing(*r)
            if fingerprint:
                r = self._one(f"SELECT {cols} FROM articles WHERE fingerprint = ? AND outlet_key = ?", (fingerprint, outlet or ""))
                if r:
                    return Existing(*r)
        return None

    def _find_in_tx(self, cur: Any, rec: dict[str, Any], fp: str) -> tuple[str, str, str] | None:
        """(id, content_hash, how) of the stored article ``rec`` would update."""
        for how, where, value in (("id", "id = ?", rec["id"]), ("url", "url = ?", rec.get("url"))):
            if value:
                self._x(cur, f"SELECT id, content_hash FROM articles WHERE {where}", (value,))
                r = cur.fetchone()
                if r:
                    return r[0], r[1], how
        self._x(cur, "SELECT id, content_hash FROM articles WHERE fingerprint = ? AND outlet_key = ?", (fp, rec.get("outlet") or ""))
        r = cur.fetchone()
        return (r[0], r[1], "text") if r else None

    def upsert(self, records: Iterable[Article]) -> UpsertResult:
        result = UpsertResult()
        recs = [r.to_dict() if isinstance(r, Article) else dict(r) for r in records]
        if not recs:
            return result
        with self._lock, self._tx() as cur:
            touched: set[str] = set()
            touched_places: set[str] = set()
            for rec in recs:
                fp = text_fingerprint(rec["text"])
                found = self._find_in_tx(cur, rec, fp)
                if found:
                    old_id, old_hash, how = found
                    rec = {**rec, "id": old_id}
                    h = content_hash(rec)
                    if h == old_hash:
                        result.unchanged += 1
                        result.ids.append(old_id)
                        continue
                    if how == "text":
                        # Same text, same outlet, different id and URL: a re-post, not a new article.
                        result.duplicates += 1
                        result.ids.append(old_id)
                        continue
                    row = self._article_row(rec, fp, h)
                    touched |= self._delete_children(cur, old_id, touched_places)
                    self._update_article(cur, row)
                    touched |= self._insert_children(cur, rec, row, touched_places)
                    result.updated += 1
                else:
                    row = self._article_row(rec, fp, content_hash(rec))
                    self._insert_article(cur, row)
                    touched |= self._insert_children(cur, rec, row, touched_places)
                    result.inserted += 1
                result.ids.append(rec["id"])
            self._refresh_entities(cur, touched)
            self._refresh_speakers(cur, touched)
            self._refresh_places(cur, touched_places)
        return result

    def _refresh_speakers(self, cur: Any, ids: set[str]) -> None:
        """Recompute the speaker rows of these ids from their quotations (ids that are no speaker are harmless)."""
        if ids:
            rows = [(i,) for i in sorted(ids)]
            self._xmany(cur, "DELETE FROM speakers WHERE speaker_id = ?", rows)
            self._xmany(cur, "INSERT INTO speakers (speaker_id, name, name_key, entity_id, quote_count, article_count, first_at, last_at) "
                        "SELECT speaker_id, MIN(speaker), MIN(speaker_key), MAX(speaker_entity_id), COUNT(*), COUNT(DISTINCT article_id), "
                        "MIN(published_at), MAX(published_at) FROM quotes WHERE speaker_id = ? GROUP BY speaker_id", rows)

    #: aggregate of the distinct mention keys of one place (differs by dialect); see schema v5
    _AGG_KEYS = "group_concat(DISTINCT name_key)"

    def _refresh_places(self, cur: Any, place_ids: set[str]) -> None:
        """Recompute the place_summary and place_days rows of these places from their mentions (a place with none left vanishes)."""
        if place_ids:
            rows = [(i,) for i in sorted(place_ids)]
            self._xmany(cur, "DELETE FROM place_summary WHERE place_id = ?", rows)
            self._xmany(cur, "INSERT INTO place_summary (place_id, name, country_code, admin1, lat, lon, geonames_id, feature, "
                        "mention_count, article_count, name_keys) "
                        "SELECT place_id, MIN(name), MIN(country_code), MIN(admin1), MIN(lat), MIN(lon), MIN(geonames_id), "
                        f"MIN(feature), COUNT(*), COUNT(DISTINCT article_id), {self._AGG_KEYS} "
                        "FROM places WHERE place_id = ? GROUP BY place_id", rows)
            self._xmany(cur, "DELETE FROM place_days WHERE place_id = ?", rows)
            self._xmany(cur, "INSERT INTO place_days (place_id, pub_day, country_code, name, admin1, lat, lon, geonames_id, "
                        "feature, mention_count, article_count) "
                        "SELECT place_id, pub_day, country_code, MIN(name), MIN(admin1), MIN(lat), MIN(lon), MIN(geonames_id), "
                        "MIN(feature), COUNT(*), COUNT(DISTINCT article_id) "
                        "FROM places WHERE place_id = ? GROUP BY place_id, pub_day, country_code", rows)

    def _refresh_entities(self, cur: Any, entity_ids: set[str]) -> None:
        """Recompute the stored counters of entities whose articles changed."""
        if entity_ids:
            self._xmany(cur, "UPDATE entities SET "
                        "mention_count = COALESCE((SELECT SUM(ea.mentions) FROM entity_articles ea WHERE ea.entity_id = ?), 0), "
                        "article_count = (SELECT COUNT(*) FROM entity_articles ea WHERE ea.entity_id = ?), "
                        "first_at = (SELECT MIN(ea.published_at) FROM entity_articles ea WHERE ea.entity_id = ?), "
                        "last_at = (SELECT MAX(ea.published_at) FROM entity_articles ea WHERE ea.entity_id = ?) "
                        "WHERE entity_id = ?", [(e, e, e, e, e) for e in sorted(entity_ids)])

    def _article_row(self, rec: dict[str, Any], fp: str, h: str) -> dict[str, Any]:
        pub_ts, pub_day = _pub_fields(rec.get("published_at"))
        title_keys, title_alt = fts.shadow(rec.get("title"))
        body_keys, body_alt = fts.shadow(rec["text"])
        src = rec.get("source") or {}
        meta = {k: v for k, v in rec.items() if k not in ("text",)}
        now = _now()
        return {
            "id": rec["id"], "url": rec.get("url"), "outlet": rec.get("outlet"), "outlet_key": rec.get("outlet") or "",
            "title": rec.get("title"), "published_at": rec.get("published_at"), "pub_ts": pub_ts, "pub_day": pub_day,
            "language": rec.get("language") or "ar", "source_name": src.get("name"), "cluster_id": rec.get("cluster_id"),
            "fingerprint": fp, "content_hash": h, "body": rec["text"],
            "record": json.dumps(meta, ensure_ascii=False), "ingested_at": now, "updated_at": now,
            "fts_title": title_keys, "fts_body": body_keys, "fts_alt": (title_alt + " " + body_alt).strip(),
        }

    _ARTICLE_COLS = ("id", "url", "outlet", "outlet_key", "title", "published_at", "pub_ts", "pub_day", "language",
                     "source_name", "cluster_id", "fingerprint", "content_hash", "body", "record", "ingested_at", "updated_at")

    def _delete_children(self, cur: Any, article_id: str, touched_places: set[str]) -> set[str]:
        """Delete an article's extractions; returns the entity and speaker ids whose counters need a refresh
        (and adds the article's place ids to ``touched_places``)."""
        self._x(cur, "SELECT entity_id FROM entity_articles WHERE article_id = ?", (article_id,))
        touched = {r[0] for r in cur.fetchall()}
        self._x(cur, "SELECT DISTINCT place_id FROM places WHERE article_id = ?", (article_id,))
        touched_places |= {r[0] for r in cur.fetchall()}
        self._x(cur, "SELECT DISTINCT speaker_id FROM quotes WHERE article_id = ? AND speaker_id IS NOT NULL", (article_id,))
        touched |= {r[0] for r in cur.fetchall()}
        for table in ("mentions", "entity_articles", "quotes", "quantities", "dates", "places", "themes"):
            self._x(cur, f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        return touched

    def _insert_children(self, cur: Any, rec: dict[str, Any], row: dict[str, Any], touched_places: set[str]) -> set[str]:
        aid = rec["id"]
        pub = (row["pub_ts"], row["published_at"], row["pub_day"])
        ents = rec.get("entities") or []
        per_entity: dict[str, int] = {}
        for e in ents:
            per_entity[e["entity_id"]] = per_entity.get(e["entity_id"], 0) + 1
        if per_entity:
            self._xmany(cur, "INSERT INTO entity_articles (entity_id, article_id, mentions, pub_ts, published_at, pub_day) "
                        "VALUES (?, ?, ?, ?, ?, ?)", [(eid, aid, n, *pub) for eid, n in per_entity.items()])
        if ents:
            self._xmany(cur, "INSERT INTO entities (entity_id, type, canonical, name_key) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (entity_id) DO NOTHING",
                        [(e["entity_id"], e["type"], e["canonical"], name_key(e["canonical"])) for e in ents])
            self._xmany(cur, "INSERT INTO mentions (article_id, idx, entity_id, type, text, text_key, start_off, end_off) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [(aid, i, e["entity_id"], e["type"], e["text"], name_key(e["text"]), e["start"], e["end"])
                         for i, e in enumerate(ents)])
        qs = rec.get("quotes") or []
        if qs:
            self._xmany(cur, "INSERT INTO quotes (article_id, idx, text, text_key, start_off, end_off, direct, cue, cue_start, "
                        "speaker, speaker_key, speaker_id, speaker_role, speaker_entity_id, pub_ts, published_at, pub_day) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [(aid, i, q["text"], " " + fts.shadow(q["text"])[0] + " ", q["start"], q["end"], int(bool(q["direct"])),
                          q.get("cue") or "", q.get("cue_start", 0), q.get("speaker"),
                          (" " + name_key(q["speaker"]) + " ") if q.get("speaker") else None,
                          speaker_id(q.get("speaker"), q.get("speaker_entity_id")), q.get("speaker_role"),
                          q.get("speaker_entity_id"), *pub) for i, q in enumerate(qs)])
        qn = rec.get("quantities") or []
        if qn:
            self._xmany(cur, "INSERT INTO quantities (article_id, idx, text, start_off, end_off, value, approx, kind, unit, category) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [(aid, i, q["text"], q["start"], q["end"], float(q["value"]), q.get("approx", "exact"),
                          q.get("kind", "count"), q.get("unit"), q.get("category")) for i, q in enumerate(qn)])
        ds = rec.get("dates") or []
        if ds:
            self._xmany(cur, "INSERT INTO dates (article_id, idx, text, start_off, end_off, value, resolution, relative) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [(aid, i, d["text"], d["start"], d["end"], d.get("value"), d.get("resolution"),
                          int(bool(d.get("relative")))) for i, d in enumerate(ds)])
        ps = rec.get("places") or []
        if ps:
            pids = [place_id(p.get("geonames_id"), p["name"], p.get("country_code")) for p in ps]
            touched_places.update(pids)
            self._xmany(cur, "INSERT INTO places (article_id, idx, place_id, text, name, name_key, start_off, end_off, "
                        "country_code, admin1, lat, lon, geonames_id, feature, pub_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [(aid, i, pids[i], p["text"], p["name"],
                          " " + name_key(p["name"]) + " " + name_key(p["text"]) + " ", p["start"], p["end"],
                          p.get("country_code"), p.get("admin1"), p["lat"], p["lon"], p.get("geonames_id"), p.get("feature"), pub[2])
                         for i, p in enumerate(ps)])
        th = rec.get("themes") or []
        if th:
            self._xmany(cur, "INSERT INTO themes (article_id, theme) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        [(aid, t) for t in dict.fromkeys(th)])
        return set(per_entity) | {speaker_id(q.get("speaker"), q.get("speaker_entity_id")) for q in qs if q.get("speaker")}

    def delete(self, article_id: str) -> bool:
        with self._lock, self._tx() as cur:
            self._x(cur, "SELECT cluster_id FROM articles WHERE id = ?", (article_id,))
            r = cur.fetchone()
            if not r:
                return False
            touched_places: set[str] = set()
            touched = self._delete_children(cur, article_id, touched_places)
            self._refresh_entities(cur, touched)
            self._refresh_speakers(cur, touched)
            self._refresh_places(cur, touched_places)
            self._x(cur, "DELETE FROM cluster_members WHERE article_id = ?", (article_id,))
            if r[0]:
                self._refresh_cluster(cur, r[0])
            self._delete_article_row(cur, article_id)
        return True

    # --- clusters (written by marsad.cluster) ---
    def save_clusters(self, clusters: Iterable[Cluster], *, replace_all: bool = False) -> int:
        n = 0
        with self._lock, self._tx() as cur:
            touched: set[str] = set()
            if replace_all:
                self._x(cur, "DELETE FROM cluster_members")
                self._x(cur, "DELETE FROM clusters")
                self._x(cur, "UPDATE articles SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
            for c in clusters:
                ids = [m.article_id for m in c.members]
                self._x(cur, "SELECT DISTINCT cluster_id FROM cluster_members WHERE cluster_id = ?", (c.cluster_id,))
                for aid in ids:
                    self._x(cur, "SELECT cluster_id FROM cluster_members WHERE article_id = ?", (aid,))
                    r = cur.fetchone()
                    if r and r[0] != c.cluster_id:
                        touched.add(r[0])
                    self._x(cur, "DELETE FROM cluster_members WHERE article_id = ?", (aid,))
                # members dropped from this cluster lose their cluster_id
                self._x(cur, "UPDATE articles SET cluster_id = NULL WHERE cluster_id = ?", (c.cluster_id,))
                self._x(cur, "DELETE FROM cluster_members WHERE cluster_id = ?", (c.cluster_id,))
                self._xmany(cur, "INSERT INTO cluster_members (article_id, cluster_id, relation, duplicate_of, near_dup_group, similarity) "
                            "VALUES (?, ?, ?, ?, ?, ?)",
                            [(m.article_id, c.cluster_id, m.relation, m.duplicate_of, m.near_dup_group, m.similarity) for m in c.members])
                self._xmany(cur, "UPDATE articles SET cluster_id = ? WHERE id = ?", [(c.cluster_id, aid) for aid in ids])
                self._x(cur, "INSERT INTO clusters (cluster_id, size, credited_source, label, updated_at) VALUES (?, 0, ?, ?, ?) "
                        "ON CONFLICT (cluster_id) DO UPDATE SET credited_source = excluded.credited_source, label = excluded.label, "
                        "updated_at = excluded.updated_at", (c.cluster_id, c.credited_source, c.label, _now()))
                self._refresh_cluster(cur, c.cluster_id, c)
                touched.discard(c.cluster_id)
                n += 1
            for cid in touched:
                self._refresh_cluster(cur, cid)
        return n

    def _refresh_cluster(self, cur: Any, cid: str, given: Cluster | None = None) -> None:
        """Recompute size and first publisher from the members; drop the cluster when empty."""
        self._x(cur, "SELECT a.id, a.outlet, a.published_at FROM cluster_members m JOIN articles a ON a.id = m.article_id "
                "WHERE m.cluster_id = ? ORDER BY a.pub_ts IS NULL, a.pub_ts, a.id", (cid,))
        rows = cur.fetchall()
        if not rows:
            self._x(cur, "DELETE FROM clusters WHERE cluster_id = ?", (cid,))
            return
        first = rows[0]
        if given and given.first_article_id:
            for r in rows:
                if r[0] == given.first_article_id:
                    first = r
        self._x(cur, "UPDATE clusters SET size = ?, first_article_id = ?, first_outlet = ?, first_published_at = ?, "
                "last_published_at = (SELECT MAX(a.published_at) FROM cluster_members m JOIN articles a ON a.id = m.article_id WHERE m.cluster_id = ?) "
                "WHERE cluster_id = ?", (len(rows), first[0], first[1], first[2], cid, cid))

    # ------------------------------------------------------------------------------------
    # read side
    # ------------------------------------------------------------------------------------
    def count(self) -> int:
        with self._lock:
            return int(self._one("SELECT COUNT(*) FROM articles")[0])

    def _record_from_row(self, record_json: str, body: str, cluster_id: str | None) -> dict[str, Any]:
        meta = json.loads(record_json)
        out: dict[str, Any] = {}
        for k in ("schema", "id", "url", "outlet", "title", "published_at", "language"):
            out[k] = meta.get(k)
        out["text"] = body
        for k in ("source", "entities", "quotes", "quantities", "dates", "places", "themes"):
            out[k] = meta.get(k, None if k == "source" else [])
        out["cluster_id"] = cluster_id
        return out

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        with self._lock:
            r = self._one("SELECT record, body, cluster_id FROM articles WHERE id = ?", (article_id,))
        return self._record_from_row(*r) if r else None

    def iter_records(self, *, ids: Iterable[str] | None = None, date_from: DateLike = None,
                     date_to: DateLike = None, batch_size: int = 500) -> Iterator[Article]:
        if ids is not None:
            id_list = list(ids)
            for i in range(0, len(id_list), batch_size):
                chunk = id_list[i:i + batch_size]
                marks = ", ".join("?" * len(chunk))
                with self._lock:
                    rows = self._rows(f"SELECT record, body, cluster_id FROM articles WHERE id IN ({marks})", chunk)
                by_id = {}
                for r in rows:
                    d = self._record_from_row(*r)
                    by_id[d["id"]] = d
                for aid in chunk:
                    if aid in by_id:
                        yield Article.from_dict(by_id[aid])
            return
        where, params = ["1 = 1"], []
        if (d := to_day(date_from, "date_from")):
            where.append("pub_day >= ?")
            params.append(d)
        if (d := to_day(date_to, "date_to")):
            where.append("pub_day <= ?")
            params.append(d)
        # keyset pagination on (pub_ts, id); articles without a date come first
        last: tuple[str, str] | None = None
        while True:
            w = list(where)
            p = list(params)
            if last is not None:
                w.append("(COALESCE(pub_ts, '') > ? OR (COALESCE(pub_ts, '') = ? AND id > ?))")
                p += [last[0], last[0], last[1]]
            with self._lock:
                rows = self._rows(f"SELECT record, body, cluster_id, COALESCE(pub_ts, ''), id FROM articles WHERE {' AND '.join(w)} "
                                  f"ORDER BY COALESCE(pub_ts, ''), id LIMIT ?", [*p, batch_size])
            for r in rows:
                yield Article.from_dict(self._record_from_row(r[0], r[1], r[2]))
            if len(rows) < batch_size:
                return
            last = (rows[-1][3], rows[-1][4])

    def article_ids(self, *, since_ingested: str | None = None) -> list[str]:
        with self._lock:
            if since_ingested:
                return [r[0] for r in self._rows("SELECT id FROM articles WHERE updated_at >= ? ORDER BY id", (since_ingested,))]
            return [r[0] for r in self._rows("SELECT id FROM articles ORDER BY id")]

    # --- filters ---
    def _filter_sql(self, f: SearchFilters | None) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if not f:
            return where, params
        if f.outlet:
            where.append("a.outlet = ?")
            params.append(f.outlet)
        if (d := to_day(f.date_from, "date_from")):
            where.append("a.pub_day >= ?")
            params.append(d)
        if (d := to_day(f.date_to, "date_to")):
            where.append("a.pub_day <= ?")
            params.append(d)
        if f.entity:
            if _ENTITY_ID_RE.match(f.entity):
                where.append("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id = ?)")
                params.append(f.entity)
            else:
                k = name_key(f.entity)
                where.append("EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.entity_id = m.entity_id "
                             "WHERE m.article_id = a.id AND (e.name_key = ? OR m.text_key = ?))")
                params += [k, k]
        if f.speaker:
            if _SPEAKER_ID_RE.match(f.speaker):
                where.append("EXISTS (SELECT 1 FROM quotes s WHERE s.article_id = a.id AND s.speaker_id = ?)")
                params.append(f.speaker)
            else:
                where.append("EXISTS (SELECT 1 FROM quotes s WHERE s.article_id = a.id AND s.speaker_key LIKE ?)")
                params.append(_contains_pattern(name_key(f.speaker)))
        if f.place:
            if f.place.isdigit():
                where.append("EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.id AND p.geonames_id = ?)")
                params.append(int(f.place))
            else:
                where.append("EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.id AND (p.place_id = ? OR p.name_key LIKE ?))")
                params += [f.place, _contains_pattern(name_key(f.place))]
        if f.country:
            where.append("EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.id AND p.country_code = ?)")
            params.append(f.country.upper())
        if f.quantity_category:
            where.append("EXISTS (SELECT 1 FROM quantities qn WHERE qn.article_id = a.id AND qn.category = ?)")
            params.append(f.quantity_category)
        if f.theme:
            where.append("EXISTS (SELECT 1 FROM themes t WHERE t.article_id = a.id AND t.theme = ?)")
            params.append(f.theme)
        if f.cluster_id:
            where.append("a.cluster_id = ?")
            params.append(f.cluster_id)
        return where, params

    def search(self, q: str = "", filters: SearchFilters | None = None, *, limit: int = 20, offset: int = 0,
               sort: SortOrder = "relevance", collapse: bool = False, snippets: bool = True) -> SearchResult:
        limit, offset = _clamp(limit, offset)
        if sort not in ("relevance", "newest", "oldest"):
            raise QueryError(f"sort must be relevance, newest or oldest, not {sort!r}")
        pq = fts.parse_query(q)
        where, fparams = self._filter_sql(filters)
        if pq.empty:
            join, score, sparams = "", "0.0", []
            if sort == "relevance":
                sort = "newest"
        else:
            join, score, sparams = self._fts_source(pq)
        where_sql = " AND ".join(where) if where else "1 = 1"
        order = {"relevance": "score DESC, a.pub_ts DESC", "newest": "a.pub_ts IS NULL, a.pub_ts DESC, a.id",
                 "oldest": "a.pub_ts IS NULL, a.pub_ts, a.id"}[sort]
        inner = (f"SELECT a.id, a.title, a.outlet, a.url, a.published_at, a.pub_ts, a.cluster_id, a.source_name, {score} AS score "
                 f"FROM articles a {join} WHERE {where_sql}")
        params = [*sparams, *fparams]
        if collapse:
            ranked = (f"SELECT h.*, ROW_NUMBER() OVER (PARTITION BY COALESCE(h.cluster_id, h.id) ORDER BY h.score DESC, h.pub_ts) AS rn, "
                      f"COUNT(*) OVER (PARTITION BY COALESCE(h.cluster_id, h.id)) AS grp FROM ({inner}) h")
            base = f"SELECT * FROM ({ranked}) r WHERE r.rn = 1"
        else:
            base = f"SELECT h.*, 1 AS rn, 1 AS grp FROM ({inner}) h"
        order_outer = order.replace("a.", "x.")
        with self._lock:
            total = int(self._one(f"SELECT COUNT(*) FROM ({base}) c", params)[0])
            rows = self._rows(f"SELECT x.id, x.title, x.outlet, x.url, x.published_at, x.cluster_id, x.source_name, x.score, x.grp "
                              f"FROM ({base}) x ORDER BY {order_outer.replace('score', 'x.score')} LIMIT ? OFFSET ?", [*params, limit, offset])
            sizes: dict[str, int] = {}
            cids = sorted({r[5] for r in rows if r[5]})
            if cids:
                marks = ", ".join("?" * len(cids))
                sizes = {r[0]: int(r[1]) for r in self._rows(f"SELECT cluster_id, size FROM clusters WHERE cluster_id IN ({marks})", cids)}
            bodies: dict[str, str] = {}
            if snippets and rows:
                marks = ", ".join("?" * len(rows))
                bodies = dict(self._rows(f"SELECT id, body FROM articles WHERE id IN ({marks})", [r[0] for r in rows]))
        keys = pq.highlight_keys()
        hits = []
        for r in rows:
            snip = fts.make_snippet(bodies[r[0]], keys) if snippets and r[0] in bodies else None
            hits.append(SearchHit(id=r[0], title=r[1], outlet=r[2], url=r[3], published_at=r[4], score=float(r[7] or 0.0),
                                  snippet=snip, cluster_id=r[5], cluster_size=sizes.get(r[5], 1) if r[5] else 1,
                                  collapsed=int(r[8]) - 1 if collapse else 0, source=r[6]))
        return SearchResult(query=q or "", normalized_query=pq.display(), total=total, hits=hits, limit=limit, offset=offset)

    # --- quotes and speakers ---
    _QUOTE_COLS = ("qt.article_id, qt.idx, qt.text, qt.start_off, qt.end_off, qt.direct, qt.cue, qt.speaker, qt.speaker_id, "
                   "qt.speaker_role, qt.speaker_entity_id, a.published_at, a.outlet, a.title, a.url")

    @abstractmethod
    def _quote_text_source(self, terms: list[list[str]]) -> tuple[str, str, str]:
        """``(from_sql, where_sql, param)`` for quotations having, for every term, one of its key forms.

        ``from_sql`` must bind ``qt`` (quotes) and ``a`` (its article)."""

    def quotes(self, q: str | None = None, *, speaker: str | None = None, date_from: DateLike = None,
               date_to: DateLike = None, article_id: str | None = None, limit: int = 50, offset: int = 0) -> QuoteResult:
        limit, offset = _clamp(limit, offset)
        where, params = ["1 = 1"], []
        if speaker:
            if _SPEAKER_ID_RE.match(speaker):
                where.append("qt.speaker_id = ?")
                params.append(speaker)
            else:
                where.append("qt.speaker_key LIKE ?")
                params.append(_contains_pattern(name_key(speaker)))
        source = "quotes qt JOIN articles a ON a.id = qt.article_id"
        terms = [[k, *alts] for k, alts in fts._keys_of(q or "")]
        if terms:
            # every word (any of its readings) must be a key of the quotation, found through the quote index
            source, cond, arg = self._quote_text_source(terms)
            where.append(cond)
            params.append(arg)
        if (d := to_day(date_from, "date_from")):
            where.append("a.pub_day >= ?")
            params.append(d)
        if (d := to_day(date_to, "date_to")):
            where.append("a.pub_day <= ?")
            params.append(d)
        if article_id:
            where.append("qt.article_id = ?")
            params.append(article_id)
        w = " AND ".join(where)
        with self._lock:
            total = int(self._one(f"SELECT COUNT(*) FROM {source} WHERE {w}", params)[0])
            rows = self._rows(f"SELECT {self._QUOTE_COLS} FROM {source} WHERE {w} "
                              f"ORDER BY a.pub_ts IS NULL, a.pub_ts DESC, qt.article_id, qt.idx LIMIT ? OFFSET ?", [*params, limit, offset])
        return QuoteResult(total=total, limit=limit, offset=offset, quotes=[
            QuoteHit(article_id=r[0], index=r[1], text=r[2], start=r[3], end=r[4], direct=bool(r[5]), cue=r[6], speaker=r[7],
                     speaker_id=r[8], speaker_role=r[9], speaker_entity_id=r[10], published_at=r[11], outlet=r[12],
                     title=r[13], url=r[14]) for r in rows])

    _SPEAKER_SQL = "SELECT speaker_id, name, entity_id, quote_count, article_count, first_at, last_at FROM speakers WHERE 1 = 1"

    def _speaker_summaries(self, rows: list[tuple]) -> list[SpeakerSummary]:
        out = [SpeakerSummary(speaker_id=r[0], name=r[1], entity_id=r[2], quote_count=int(r[3]), article_count=int(r[4]),
                              first_at=r[5], last_at=r[6]) for r in rows]
        if out:
            ids = [s.speaker_id for s in out]
            marks = ", ".join("?" * len(ids))
            roles: dict[str, list[str]] = {}
            names: dict[str, tuple[str, int]] = {}
            for sid, role, name, n in self._rows(
                    f"SELECT speaker_id, speaker_role, speaker, COUNT(*) FROM quotes WHERE speaker_id IN ({marks}) "
                    f"GROUP BY speaker_id, speaker_role, speaker ORDER BY COUNT(*) DESC", ids):
                if role and role not in roles.setdefault(sid, []):
                    roles[sid].append(role)
                if sid not in names:
                    names[sid] = (name, n)  # most frequent spelling
            for s in out:
                s.roles = roles.get(s.speaker_id, [])
                if s.speaker_id in names:
                    s.name = names[s.speaker_id][0]
        return out

    def speakers(self, q: str | None = None, *, limit: int = 100, offset: int = 0) -> list[SpeakerSummary]:
        limit, offset = _clamp(limit, offset)
        sql, params = self._SPEAKER_SQL, []
        if q and name_key(q):
            sql += " AND name_key LIKE ?"
            params.append("%" + name_key(q) + "%")
        sql += " ORDER BY quote_count DESC, speaker_id LIMIT ? OFFSET ?"
        with self._lock:
            return self._speaker_summaries(self._rows(sql, [*params, limit, offset]))

    def speaker(self, speaker_id: str) -> SpeakerSummary | None:
        with self._lock:
            rows = self._speaker_summaries(self._rows(self._SPEAKER_SQL + " AND speaker_id = ?", (speaker_id,)))
        return rows[0] if rows else None

    # --- entities ---
    _ENTITY_SQL = ("SELECT e.entity_id, e.canonical, e.type, e.mention_count, e.article_count, e.first_at, e.last_at "
                   "FROM entities e")

    @staticmethod
    def _entity_summary(r: tuple) -> EntitySummary:
        return EntitySummary(entity_id=r[0], canonical=r[1], type=r[2], mention_count=int(r[3]), article_count=int(r[4]),
                             first_at=r[5], last_at=r[6])

    def entities(self, q: str | None = None, *, type: str | None = None, limit: int = 100, offset: int = 0) -> list[EntitySummary]:
        limit, offset = _clamp(limit, offset)
        where, params = ["e.article_count > 0"], []
        if q and name_key(q):
            where.append("e.name_key LIKE ?")
            params.append("%" + name_key(q) + "%")
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        sql = (f"{self._ENTITY_SQL} WHERE {' AND '.join(where)} "
               f"ORDER BY e.article_count DESC, e.mention_count DESC, e.entity_id LIMIT ? OFFSET ?")
        with self._lock:
            return [self._entity_summary(r) for r in self._rows(sql, [*params, limit, offset])]

    def entity(self, entity_id: str, *, mention_limit: int = 100, co_limit: int = 20) -> EntityDetail | None:
        mention_limit, co_limit = _clamp(mention_limit, 0)[0], _clamp(co_limit, 0)[0]
        with self._lock:
            r = self._one(f"{self._ENTITY_SQL} WHERE e.entity_id = ? AND e.article_count > 0", (entity_id,))
            if not r:
                return None
            summary = self._entity_summary(r)
            # newest articles first (at most mention_limit of them), then their mentions
            mentions = [Mention(*m) for m in self._rows(
                "SELECT m.article_id, m.text, m.start_off, m.end_off, a.published_at, a.outlet, a.title FROM "
                "(SELECT article_id FROM entity_articles WHERE entity_id = ? ORDER BY pub_ts IS NULL, pub_ts DESC, article_id LIMIT ?) top "
                "JOIN mentions m ON m.article_id = top.article_id AND m.entity_id = ? JOIN articles a ON a.id = m.article_id "
                "ORDER BY a.pub_ts IS NULL, a.pub_ts DESC, m.article_id, m.idx LIMIT ?", (entity_id, mention_limit, entity_id, mention_limit))]
            co_rows = self._rows(
                "SELECT ea2.entity_id, COUNT(*) AS n FROM entity_articles ea1 JOIN entity_articles ea2 "
                "ON ea2.article_id = ea1.article_id AND ea2.entity_id <> ea1.entity_id WHERE ea1.entity_id = ? "
                "GROUP BY ea2.entity_id ORDER BY n DESC, ea2.entity_id LIMIT ?", (entity_id, co_limit))
            co: list[CoMention] = []
            if co_rows:
                marks = ", ".join("?" * len(co_rows))
                summaries = {s[0]: self._entity_summary(s) for s in self._rows(
                    f"{self._ENTITY_SQL} WHERE e.entity_id IN ({marks})", [c[0] for c in co_rows])}
                co = [CoMention(summaries[c[0]], int(c[1])) for c in co_rows if c[0] in summaries]
            timeline = [TimelinePoint(day, int(n)) for day, n in self._rows(
                "SELECT pub_day, COUNT(*) FROM entity_articles WHERE entity_id = ? AND pub_day IS NOT NULL "
                "GROUP BY pub_day ORDER BY pub_day", (entity_id,))]
            aliases = [(t, int(n)) for t, n in self._rows(
                "SELECT text, COUNT(*) FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY COUNT(*) DESC, text LIMIT 20", (entity_id,))]
            quotes_by = int(self._one("SELECT COUNT(*) FROM quotes WHERE speaker_id = ?", (entity_id,))[0])
        return EntityDetail(summary, mentions, co, timeline, aliases, quotes_by)

    # --- places, outlets ---
    def places(self, q: str | None = None, *, country: str | None = None, date_from: DateLike = None,
               date_to: DateLike = None, limit: int = 500, offset: int = 0) -> list[PlaceSummary]:
        limit, offset = _clamp(limit, offset)
        where, params = ["1 = 1"], []
        if q and name_key(q):
            pattern = "%" + name_key(q) + "%"
            # candidates from the one-row-per-place table, then the same per-mention test so the counts are unchanged
            where.append("p.place_id IN (SELECT place_id FROM place_summary WHERE name_keys LIKE ?) AND p.name_key LIKE ?")
            params += [pattern, pattern]
        if country:
            where.append("p.country_code = ?")
            params.append(country.upper())
        if (d := to_day(date_from, "date_from")):
            where.append("p.pub_day >= ?")
            params.append(d)
        if (d := to_day(date_to, "date_to")):
            where.append("p.pub_day <= ?")
            params.append(d)
        if len(where) == 1:
            # no filter: the counters kept by upsert (schema v5) answer without grouping the mentions
            with self._lock:
                rows = self._rows("SELECT place_id, name, country_code, admin1, lat, lon, geonames_id, feature, mention_count, "
                                  "article_count FROM place_summary ORDER BY mention_count DESC, place_id LIMIT ? OFFSET ?",
                                  [limit, offset])
            return [PlaceSummary(place_id=r[0], name=r[1], country_code=r[2], admin1=r[3], lat=float(r[4]), lon=float(r[5]),
                                 geonames_id=r[6], feature=r[7], mention_count=int(r[8]), article_count=int(r[9])) for r in rows]
        if q and name_key(q):
            sql = ("SELECT p.place_id, MIN(p.name), MIN(p.country_code), MIN(p.admin1), MIN(p.lat), MIN(p.lon), MIN(p.geonames_id), "
                   "MIN(p.feature), COUNT(*), COUNT(DISTINCT p.article_id) FROM places p "
                   f"WHERE {' AND '.join(where)} GROUP BY p.place_id ORDER BY COUNT(*) DESC, p.place_id LIMIT ? OFFSET ?")
        else:
            # country and dates only: sum the per-day counters (schema v6), the same figures as grouping the mentions
            sql = ("SELECT p.place_id, MIN(p.name), MIN(p.country_code), MIN(p.admin1), MIN(p.lat), MIN(p.lon), MIN(p.geonames_id), "
                   "MIN(p.feature), SUM(p.mention_count), SUM(p.article_count) FROM place_days p "
                   f"WHERE {' AND '.join(where)} GROUP BY p.place_id ORDER BY SUM(p.mention_count) DESC, p.place_id "
                   "LIMIT ? OFFSET ?")
        with self._lock:
            rows = self._rows(sql, [*params, limit, offset])
        return [PlaceSummary(place_id=r[0], name=r[1], country_code=r[2], admin1=r[3], lat=float(r[4]), lon=float(r[5]),
                             geonames_id=r[6], feature=r[7], mention_count=int(r[8]), article_count=int(r[9])) for r in rows]

    def outlets(self) -> list[OutletSummary]:
        with self._lock:
            rows = self._rows("SELECT outlet, COUNT(*), MIN(published_at), MAX(published_at) FROM articles "
                              "WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY COUNT(*) DESC, outlet")
        return [OutletSummary(r[0], int(r[1]), r[2], r[3]) for r in rows]

    # --- clusters ---
    def clusters(self, *, date_from: DateLike = None, date_to: DateLike = None, min_size: int = 2,
                 limit: int = 50, offset: int = 0) -> list[ClusterSummary]:
        limit, offset = _clamp(limit, offset)
        where, params = ["c.size >= ?"], [int(min_size)]
        if (d := to_day(date_from, "date_from")):
            where.append("SUBSTR(c.last_published_at, 1, 10) >= ?")
            params.append(d)
        if (d := to_day(date_to, "date_to")):
            where.append("SUBSTR(c.first_published_at, 1, 10) <= ?")
            params.append(d)
        with self._lock:
            rows = self._rows("SELECT c.cluster_id, c.size, c.first_article_id, c.first_published_at, c.first_outlet, "
                              "c.credited_source, c.label, c.last_published_at FROM clusters c "
                              f"WHERE {' AND '.join(where)} ORDER BY c.size DESC, c.last_published_at DESC, c.cluster_id "
                              "LIMIT ? OFFSET ?", [*params, limit, offset])
            outlets: dict[str, list[str]] = {}
            copies: dict[str, int] = {}
            if rows:
                marks = ", ".join("?" * len(rows))
                for cid, outlet, rel, n in self._rows(
                        f"SELECT m.cluster_id, a.outlet, m.relation, COUNT(*) FROM cluster_members m JOIN articles a ON a.id = m.article_id "
                        f"WHERE m.cluster_id IN ({marks}) GROUP BY m.cluster_id, a.outlet, m.relation ORDER BY COUNT(*) DESC",
                        [r[0] for r in rows]):
                    if outlet and outlet not in outlets.setdefault(cid, []):
                        outlets[cid].append(outlet)
                    if rel in COPY_RELATIONS:
                        copies[cid] = copies.get(cid, 0) + int(n)
        return [ClusterSummary(cluster_id=r[0], size=int(r[1]), outlets=outlets.get(r[0], []), first_article_id=r[2],
                               first_published_at=r[3], first_outlet=r[4], credited_source=r[5], label=r[6],
                               last_published_at=r[7], copies=copies.get(r[0], 0)) for r in rows]

    def cluster(self, cluster_id: str) -> Cluster | None:
        with self._lock:
            c = self._one("SELECT cluster_id, first_article_id, first_published_at, first_outlet, credited_source, label "
                          "FROM clusters WHERE cluster_id = ?", (cluster_id,))
            if not c:
                return None
            members = [ClusterMember(article_id=r[0], relation=r[1], duplicate_of=r[2], near_dup_group=r[3], similarity=r[4],
                                     outlet=r[5], title=r[6], published_at=r[7], url=r[8]) for r in self._rows(
                "SELECT m.article_id, m.relation, m.duplicate_of, m.near_dup_group, m.similarity, a.outlet, a.title, a.published_at, a.url "
                "FROM cluster_members m JOIN articles a ON a.id = m.article_id WHERE m.cluster_id = ? "
                "ORDER BY a.pub_ts IS NULL, a.pub_ts, a.id", (cluster_id,))]
        return Cluster(cluster_id=c[0], members=members, first_article_id=c[1], first_published_at=c[2], first_outlet=c[3],
                       credited_source=c[4], label=c[5])

    # --- key-value state ---
    def kv_get(self, key: str) -> bytes | None:
        with self._lock:
            r = self._one("SELECT value FROM kv WHERE key = ?", (key,))
        return bytes(r[0]) if r and r[0] is not None else None

    def kv_set(self, key: str, value: bytes | None) -> None:
        with self._lock, self._tx() as cur:
            if value is None:
                self._x(cur, "DELETE FROM kv WHERE key = ?", (key,))
            else:
                self._x(cur, "INSERT INTO kv (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE "
                        "SET value = excluded.value, updated_at = excluded.updated_at", (key, value, _now()))

    def stats(self) -> StoreStats:
        with self._lock:
            n = [int(self._one(f"SELECT COUNT(*) FROM {t}")[0]) for t in ("articles", "entities", "mentions", "quotes")]
            speakers = int(self._one("SELECT COUNT(DISTINCT speaker_id) FROM quotes")[0])
            places = int(self._one("SELECT COUNT(DISTINCT place_id) FROM places")[0])
            clusters = int(self._one("SELECT COUNT(*) FROM clusters")[0])
        return StoreStats(articles=n[0], entities=n[1], mentions=n[2], quotes=n[3], speakers=speakers, places=places,
                          clusters=clusters, schema_version=self.schema_version(), backend=self.backend)
