"""Conformance against Microsoft Recognizers-Text's Arabic specs (an outside test suite, shared data).

Each floor is the pass count measured when it was set (see docs/quantities_dates.md): the test
fails if a change makes marsad pass fewer cases. Raise a floor when the count improves.
"""

from __future__ import annotations

import pytest

from marsad.evaluation import conformance

FLOORS = {
    "Number/NumberModel.json": 128,
    "Number/PercentModel.json": 22,
    "DateTime/DateExtractor.json": 53,
    "DateTime/DateParser.json": 37,
    "DateTime/DatePeriodExtractor.json": 132,
}


@pytest.fixture(scope="module")
def results(shared_data):
    if not (shared_data / "quantities_dates" / "recognizers_text_arabic").is_dir():
        from tests.conftest import missing

        missing("Recognizers-Text specs not found under quantities_dates/recognizers_text_arabic")
    return {r.name: r for r in conformance.run_all()}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_pass_count_does_not_drop(results, name):
    r = results[name]
    assert r.passed >= FLOORS[name], f"{name}: {r.passed}/{r.total} passed, floor {FLOORS[name]}; first failures: {r.failures[:3]}"


def test_number_model_target(results):
    r = results["Number/NumberModel.json"]
    assert r.rate >= 0.90, f"NumberModel pass rate {r.rate:.1%} below the 90% target"
