"""SQLite backend: one file, WAL journal, FTS5 over the normalised shadow text, bm25 ranking."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import fts
from .base import StoreError
from .schema import LATEST, QUOTE_ROWID_SHIFT, SQLITE_MIGRATIONS
from .sql import SQLStore, _now

#: bm25 column weights: title, body, alternative readings of bare-proclitic words.
BM25_WEIGHTS = (3.0, 1.0, 0.3)


def sqlite_path(url: str) -> str:
    """``sqlite:///rel/path`` and ``sqlite:////abs/path`` (SQLAlchemy style), ``sqlite://`` or ``:memory:``, or a bare path."""
    if url in ("sqlite://", "sqlite:///:memory:", ":memory:"):
        return ":memory:"
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]
    if url.startswith("sqlite:"):
        raise StoreError(f"bad SQLite URL {url!r}: use sqlite:///relative/path.db or sqlite:////absolute/path.db")
    return url


class SQLiteStore(SQLStore):
    backend = "sqlite"

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.path = sqlite_path(url)
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().parent
            if not parent.is_dir():
                raise StoreError(f"cannot open {self.path}: directory {parent} does not exist")
        try:
            # autocommit mode: transactions are explicit (BEGIN IMMEDIATE … COMMIT)
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA busy_timeout = 30000")
            self.conn.execute("PRAGMA foreign_keys = OFF")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Cursor]:
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"SQLite query failed: {exc}") from exc

    def _x(self, cur: sqlite3.Cursor, sql: str, params: Sequence[Any] = ()) -> None:
        cur.execute(sql, tuple(params))

    def _xmany(self, cur: sqlite3.Cursor, sql: str, rows: list[Sequence[Any]]) -> None:
        cur.executemany(sql, rows)

    # --- schema ---
    def schema_version(self) -> int:
        with self._lock:
            if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").fetchone():
                return 0
            return int(self.conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0])

    def migrate(self, target: int | None = None) -> int:
        target = LATEST if target is None else target
        with self._lock:
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            current = self.schema_version()
            if current > LATEST:
                raise StoreError(f"{self.path} has schema version {current}, newer than this marsad ({LATEST}): upgrade marsad")
            for version in range(current + 1, target + 1):
                with self._tx() as cur:
                    # re-check inside the write lock: another process may have migrated meanwhile
                    if cur.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                        continue
                    for stmt in SQLITE_MIGRATIONS[version]:
                        cur.execute(stmt)
                    cur.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", (version, _now()))
            if target >= 2:
                self._stamp_index()
            return self.schema_version()

    # --- article rows and full text ---
    def _insert_article(self, cur: sqlite3.Cursor, row: dict[str, Any]) -> None:
        cols = self._ARTICLE_COLS
        cur.execute(f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", [row[c] for c in cols])
        cur.execute("INSERT INTO articles_fts (rowid, title, body, alt) VALUES (?, ?, ?, ?)",
                    (cur.lastrowid, row["fts_title"], row["fts_body"], row["fts_alt"]))

    def _update_article(self, cur: sqlite3.Cursor, row: dict[str, Any]) -> None:
        cols = [c for c in self._ARTICLE_COLS if c not in ("id", "ingested_at", "cluster_id")]
        cur.execute(f"UPDATE articles SET {', '.join(c + ' = ?' for c in cols)}, cluster_id = COALESCE(?, cluster_id) WHERE id = ?",
                    [*(row[c] for c in cols), row["cluster_id"], row["id"]])
        rid = cur.execute("SELECT rid FROM articles WHERE id = ?", (row["id"],)).fetchone()[0]
        cur.execute("DELETE FROM articles_fts WHERE rowid = ?", (rid,))
        cur.execute("INSERT INTO articles_fts (rowid, title, body, alt) VALUES (?, ?, ?, ?)",
                    (rid, row["fts_title"], row["fts_body"], row["fts_alt"]))

    def _fts_replace(self, cur: sqlite3.Cursor, article_id: str, row: dict[str, Any]) -> None:
        rid = cur.execute("SELECT rid FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        cur.execute("DELETE FROM articles_fts WHERE rowid = ?", (rid,))
        cur.execute("INSERT INTO articles_fts (rowid, title, body, alt) VALUES (?, ?, ?, ?)",
                    (rid, row["fts_title"], row["fts_body"], row["fts_alt"]))

    def _delete_article_row(self, cur: sqlite3.Cursor, article_id: str) -> None:
        r = cur.execute("SELECT rid FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r:
            cur.execute("DELETE FROM articles_fts WHERE rowid = ?", (r[0],))
            cur.execute("DELETE FROM articles WHERE rid = ?", (r[0],))

    def _fts_source(self, pq: fts.ParsedQuery) -> tuple[str, str, list[Any]]:
        w = ", ".join(str(x) for x in BM25_WEIGHTS)
        # bm25() is lower-is-better; negate so every backend's score is higher-is-better.
        return ("JOIN articles_fts ON articles_fts.rowid = a.rid AND articles_fts MATCH ?",
                f"-bm25(articles_fts, {w})", [pq.fts5()])

    def _quote_text_source(self, terms: list[list[str]]) -> tuple[str, str, str]:
        # quotes_fts rowid = (articles.rid << shift) + quotes.idx (schema v5 triggers); keys are letters/digits, quoted anyway
        expr = " AND ".join("(" + " OR ".join(f'"{f}"' for f in forms) + ")" for forms in terms)
        return (f"quotes_fts f JOIN articles a ON a.rid = (f.rowid >> {QUOTE_ROWID_SHIFT}) "
                f"JOIN quotes qt ON qt.article_id = a.id AND qt.idx = (f.rowid & {(1 << QUOTE_ROWID_SHIFT) - 1})",
                "quotes_fts MATCH ?", expr)
