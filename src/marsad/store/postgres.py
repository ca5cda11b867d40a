"""PostgreSQL backend (psycopg 3): a ``tsvector`` over the same normalised shadow text, 'simple' config, ts_rank_cd."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from . import fts
from .base import StoreError
from .schema import LATEST, POSTGRES_MIGRATIONS
from .sql import SQLStore, _now

#: ts_rank_cd weights for {D, C, B, A}: alternative readings, -, body, title.
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
_MIGRATION_LOCK = 0x6D61727361640001  # pg_advisory_xact_lock key: "marsad" + 1


@lru_cache(maxsize=512)
def _pg(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (the shared SQL never contains a literal ``?`` or ``%``)."""
    return sql.replace("%", "%%").replace("?", "%s")


def _redact(url: str) -> str:
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


class PostgresStore(SQLStore):
    backend = "postgresql"

    def __init__(self, url: str) -> None:
        super().__init__()
        import psycopg

        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {exc}".strip()) from exc

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        with self.conn.transaction(), self.conn.cursor() as cur:
            yield cur

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        import psycopg

        try:
            with self.conn.cursor() as cur:
                cur.execute(_pg(sql), tuple(params))
                return cur.fetchall()
        except psycopg.errors.QueryCanceled as exc:
            raise StoreError(f"PostgreSQL query cancelled: {exc}") from exc

    def _x(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> None:
        cur.execute(_pg(sql), tuple(params))

    def _xmany(self, cur: Any, sql: str, rows: list[Sequence[Any]]) -> None:
        cur.executemany(_pg(sql), rows)

    # --- schema ---
    def schema_version(self) -> int:
        with self._lock:
            r = self._rows("SELECT to_regclass('schema_migrations') IS NOT NULL")
            if not r[0][0]:
                return 0
            return int(self._rows("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0])

    def migrate(self, target: int | None = None) -> int:
        target = LATEST if target is None else target
        with self._lock:
            with self._tx() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                cur.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
            current = self.schema_version()
            if current > LATEST:
                raise StoreError(f"database has schema version {current}, newer than this marsad ({LATEST}): upgrade marsad")
            for version in range(current + 1, target + 1):
                with self._tx() as cur:
                    # concurrent migrators wait here; the loser sees the version applied and skips it
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                    cur.execute("SELECT 1 FROM schema_migrations WHERE version = %s", (version,))
                    if cur.fetchone():
                        continue
                    for stmt in POSTGRES_MIGRATIONS[version]:
                        cur.execute(stmt)
                    cur.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (%s, %s)", (version, _now()))
            if target >= 2:
                self._stamp_index()
            return self.schema_version()

    # --- article rows and full text ---
    _TSV = ("setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B') || "
            "setweight(to_tsvector('simple', ?), 'D')")

    def _insert_article(self, cur: Any, row: dict[str, Any]) -> None:
        cols = self._ARTICLE_COLS
        self._x(cur, f"INSERT INTO articles ({', '.join(cols)}, tsv) VALUES ({', '.join('?' * len(cols))}, {self._TSV})",
                [*(row[c] for c in cols), row["fts_title"], row["fts_body"], row["fts_alt"]])

    def _update_article(self, cur: Any, row: dict[str, Any]) -> None:
        cols = [c for c in self._ARTICLE_COLS if c not in ("id", "ingested_at", "cluster_id")]
        self._x(cur, f"UPDATE articles SET {', '.join(c + ' = ?' for c in cols)}, cluster_id = COALESCE(?, cluster_id), "
                f"tsv = {self._TSV} WHERE id = ?",
                [*(row[c] for c in cols), row["cluster_id"], row["fts_title"], row["fts_body"], row["fts_alt"], row["id"]])

    def _fts_replace(self, cur: Any, article_id: str, row: dict[str, Any]) -> None:
        self._x(cur, f"UPDATE articles SET tsv = {self._TSV} WHERE id = ?", (row["fts_title"], row["fts_body"], row["fts_alt"], article_id))

    def _delete_article_row(self, cur: Any, article_id: str) -> None:
        self._x(cur, "DELETE FROM articles WHERE id = ?", (article_id,))

    def _fts_source(self, pq: fts.ParsedQuery) -> tuple[str, str, list[Any]]:
        # The tsquery string is built from index keys (letters and digits only) and passed as a parameter.
        return ("JOIN to_tsquery('simple', ?) AS tq ON a.tsv @@ tq", f"ts_rank_cd('{RANK_WEIGHTS}', a.tsv, tq)", [pq.tsquery()])

    _AGG_KEYS = "string_agg(DISTINCT name_key, ',')"

    def _quote_text_source(self, terms: list[list[str]]) -> tuple[str, str, str]:
        # quotes.tsv is generated from text_key (schema v5); the tsquery holds only index keys and is a bound parameter
        expr = " & ".join("(" + " | ".join(forms) + ")" for forms in terms)
        return ("quotes qt JOIN articles a ON a.id = qt.article_id", "qt.tsv @@ to_tsquery('simple', ?)", expr)
