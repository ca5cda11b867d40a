"""Shared test fixtures: the shared data directory and the services CI starts.

Tests that need ../shared/data skip with a clear message when it is missing locally; under
CI (``MARSAD_REQUIRE_SERVICES=1``) a missing data set or service is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from marsad.config import DATA_ENV, shared_data_dir

REQUIRE = os.environ.get("MARSAD_REQUIRE_SERVICES") == "1"


def missing(what: str) -> None:
    """Skip locally, fail under CI: a test that silently skips in CI proves nothing."""
    if REQUIRE:
        pytest.fail(f"{what} (required in CI)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not (path / "news").is_dir():
        missing(f"shared data not found at {path.resolve()}; set {DATA_ENV} to the directory holding ner/ and news/")
    return path


@pytest.fixture(scope="session")
def spark():
    """One PySpark local-mode session (2 cores) for every Spark test: the JVM starts once."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing("pyspark is not installed (pip install -e '.[test]')")
    if not shutil.which("java"):
        missing("Java is not installed (Spark needs a JRE: apt-get install default-jre-headless)")
    from marsad.spark.job import spark_session

    session = spark_session("local[2]", app_name="marsad-test", conf={"spark.sql.shuffle.partitions": "4"})
    yield session
    session.stop()
