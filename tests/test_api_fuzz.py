"""Schema-based fuzzing of the REST API: schemathesis generates requests from /openapi.json.

Every operation gets valid and invalid inputs (wrong types, out-of-range numbers, odd Unicode);
the server must never answer 500 and every answer must match the documented schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from schemathesis import GenerationMode
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

from marsad.api import create_app
from marsad.store import open_store
from tests.web_support import build_sample_db


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory: pytest.TempPathFactory):
    url, _ = build_sample_db(tmp_path_factory.mktemp("fuzz") / "marsad.db")
    with open_store(url) as store:
        yield create_app(store, web=False)


def _operations(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    ops = [result.ok() for result in schema.get_all_operations()]
    assert len(ops) >= 14, [op.label for op in ops]
    return ops


@pytest.mark.slow
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_api_never_fails_on_generated_input(fuzz_app, mode, monkeypatch):
    # Writing is disabled during the fuzz run (no token set), so POST must answer 401/403/413/422, never 500.
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    checks = [not_a_server_error, response_schema_conformance, status_code_conformance]
    for operation in _operations(fuzz_app):

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=25 if mode is GenerationMode.POSITIVE else 15, deadline=None,
                  suppress_health_check=list(HealthCheck), derandomize=True, database=None)
        def run(case):
            response = case.call()
            case.validate_response(response, checks=checks)

        try:
            run()
        except Unsatisfiable:
            # Nothing to make invalid (an operation without parameters, e.g. /healthz).
            assert mode is GenerationMode.NEGATIVE and not list(operation.iter_parameters()), operation.label
        except Exception as exc:  # name the operation: hypothesis's report alone does not
            raise AssertionError(f"{operation.label} ({mode.value}): {exc}") from exc


@pytest.mark.slow
def test_post_with_a_token_never_fails_on_generated_articles(fuzz_app, monkeypatch):
    """With writing enabled, generated articles and batches go through real extraction: still no 500."""
    monkeypatch.setenv("MARSAD_API_TOKEN", "fuzz-token")
    post = next(op for op in _operations(fuzz_app) if op.label == "POST /api/v1/articles")
    checks = [not_a_server_error, response_schema_conformance, status_code_conformance]
    statuses: list[int] = []

    @given(case=post.as_strategy(generation_mode=GenerationMode.POSITIVE))
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def run(case):
        case.headers = {**(case.headers or {}), "Authorization": "Bearer fuzz-token"}
        response = case.call()
        statuses.append(response.status_code)
        assert response.status_code in (201, 413, 422), response.text
        case.validate_response(response, checks=checks)

    run()
    assert 201 in statuses, statuses  # the token worked and generated articles were stored
