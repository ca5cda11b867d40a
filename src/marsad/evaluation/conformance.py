"""Conformance against Microsoft Recognizers-Text's Arabic test specs (an outside test suite).

The specs live in ``quantities_dates/recognizers_text_arabic`` of the shared data (MIT; never
committed). Each case is ``{"Input", "Results": [{"Text", "Resolution", "Start", "End"}], ...}``
with ``End`` inclusive. A case passes when marsad finds exactly the expected spans (by text) with
the expected values. Cases flagged ``NotSupported`` (unsupported even by the reference .NET
implementation, most marked ``PendingValidation``) are reported separately and do not count.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from marsad.config import require_shared_data

SPEC_DIR = ("quantities_dates", "recognizers_text_arabic")


@dataclass
class FileResult:
    name: str
    total: int = 0
    passed: int = 0
    skipped: int = 0
    failures: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


def load_spec(name: str) -> list[dict[str, Any]]:
    path = require_shared_data(*SPEC_DIR, name)
    return json.loads(Path(path).read_text("utf-8"))


def _num_equal(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)
    return abs(x - y) <= 1e-6 * max(1.0, abs(y))


def _numbers(text: str) -> list[tuple[str, float]]:
    from marsad.extract.numbers import find_numbers

    from marsad.extract.numbers import WEAK_ALONE
    from marsad.text import normalize

    def keep(m) -> bool:
        # Lone pronoun-like words (أحد، واحد in "أي واحد") are not numbers; lone fractions are.
        return not m.vague and not (m.weak and normalize(text[m.value_start:m.end]) in WEAK_ALONE)

    return [(text[m.start:m.end], m.value) for m in find_numbers(text, math=True) if keep(m)]


def _percents(text: str) -> list[tuple[str, float]]:
    from marsad.extract.quantities import find_quantities

    return [(q.text, q.value) for q in find_quantities(text) if q.kind == "percent"]


def _match_values(got: list[tuple[str, Any]], want: list[tuple[str, Any]]) -> bool:
    if len(got) != len(want):
        return False
    return all(g[0].strip() == w[0].strip() and _num_equal(g[1], w[1]) for g, w in zip(got, want))


def run_value_spec(name: str, finder: Callable[[str], list[tuple[str, Any]]], *, parse_value: Callable[[dict], Any]) -> FileResult:
    res = FileResult(name)
    for case in load_spec(name):
        if case.get("NotSupported"):
            res.skipped += 1
            continue
        want = [(r["Text"], parse_value(r["Resolution"])) for r in case["Results"]]
        got = finder(case["Input"])
        res.total += 1
        if _match_values(got, want):
            res.passed += 1
        else:
            res.failures.append((case["Input"], want, got))
    return res


def _percent_value(resolution: dict) -> float:
    return float(str(resolution["value"]).rstrip("%"))


def _reference(case: dict) -> datetime:
    ctx = case.get("Context") or {}
    ref = ctx.get("ReferenceDateTime")
    if ref:
        return datetime.fromisoformat(ref.replace("Z", ""))
    return datetime(2016, 11, 7)  # the specs' documented default reference date


def _dates(text: str, ref: datetime) -> list[tuple[str, Any]]:
    from marsad.extract.dates import find_dates

    return [(d.text, d.value) for d in find_dates(text, ref)]


def run_date_extractor_spec(name: str, *, periods: bool = False) -> FileResult:
    """Date/DatePeriod extractor specs: the expected spans must be found (values not compared)."""
    res = FileResult(name)
    for case in load_spec(name):
        if case.get("NotSupported"):
            res.skipped += 1
            continue
        want = [r["Text"] for r in case["Results"]]
        got = [t for t, _ in _dates(case["Input"], _reference(case))]
        res.total += 1
        if [w.strip() for w in want] == [g.strip() for g in got]:
            res.passed += 1
        else:
            res.failures.append((case["Input"], want, got))
    return res


def _date_value_from_parser(result: dict) -> str | None:
    """The resolved date of a DateParser case as ISO ``YYYY-MM-DD`` (its ``FutureResolution`` date)."""
    val = result.get("Value") or {}
    fut = val.get("FutureResolution") or {}
    d = fut.get("date")
    return d[:10] if d else None


def run_date_parser_spec(name: str) -> FileResult:
    """DateParser spec: span and resolved day must both match (past resolution or future accepted)."""
    res = FileResult(name)
    for case in load_spec(name):
        if case.get("NotSupported"):
            res.skipped += 1
            continue
        ref = _reference(case)
        want = []
        for r in case["Results"]:
            val = r.get("Value") or {}
            opts = {((val.get(k) or {}).get("date") or "")[:10] for k in ("FutureResolution", "PastResolution")} - {""}
            want.append((r["Text"], opts))
        got = _dates(case["Input"], ref)
        res.total += 1
        ok = len(got) == len(want) and all(
            g[0].strip() == w[0].strip() and (g[1] in w[1] or not w[1]) for g, w in zip(got, want))
        if ok:
            res.passed += 1
        else:
            res.failures.append((case["Input"], want, got))
    return res


def run_all() -> list[FileResult]:
    """Every spec file marsad is held to, in the order the docs table lists them."""
    return [
        run_value_spec("Number/NumberModel.json", _numbers, parse_value=lambda r: r["value"]),
        run_value_spec("Number/PercentModel.json", _percents, parse_value=_percent_value),
        run_date_extractor_spec("DateTime/DateExtractor.json"),
        run_date_parser_spec("DateTime/DateParser.json"),
        run_date_extractor_spec("DateTime/DatePeriodExtractor.json", periods=True),
    ]


def table(results: list[FileResult]) -> str:
    lines = ["| spec file | cases run | passed | pass rate | NotSupported (skipped) |", "|---|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r.name} | {r.total} | {r.passed} | {r.rate:.1%} | {r.skipped} |")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m marsad.evaluation.conformance
    print(table(run_all()))
