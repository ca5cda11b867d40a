"""Store fixtures shared by the storage tests: the same suite runs on SQLite and on a real PostgreSQL.

PostgreSQL comes from ``MARSAD_TEST_PG`` (CI starts a server and sets it); each test gets its own
schema, dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from tests.conftest import missing

PG_ENV = "MARSAD_TEST_PG"


def pg_base_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        missing(f"PostgreSQL not configured: set {PG_ENV}=postgresql://user:pw@127.0.0.1:5432/db")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=5).close()
    except Exception as exc:  # noqa: BLE001 - any failure means the service is missing
        missing(f"PostgreSQL at {PG_ENV} not reachable: {exc}")
    return url  # type: ignore[return-value]


def pg_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh, private schema (dropped on exit)."""
    import psycopg

    base = pg_base_url()
    schema = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
    else:
        yield from pg_schema_url()


@pytest.fixture
def store(store_url):
    from marsad.store import open_store

    s = open_store(store_url)
    yield s
    s.close()
