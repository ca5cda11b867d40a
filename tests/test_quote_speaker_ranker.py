"""The quote-speaker ranker's training harness: gold folds over several files, the stacked optimiser,
candidate sources and features (sentences written for these tests)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from marsad.evaluation import quote_speakers as ev
from marsad.extract import quote_speakers as qs


def _gold(tmp_path, name: str, rows: list[dict]):
    p = tmp_path / name
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return p


def test_folds_keep_splits_name_files_and_cut_train4_into_its_parts(tmp_path):
    a = _gold(tmp_path, "quotes.jsonl", [{"id": "x1", "split": "dev", "quotes": []}, {"id": "x2", "split": "test", "quotes": []}])
    b = _gold(tmp_path, "quotes_blind9.jsonl", [{"id": "y1", "quotes": []}])
    c = _gold(tmp_path, "quotes_train4.jsonl", [{"id": f"z{i}", "split": "train4", "quotes": []} for i in range(81)])
    rows = ev.read_folds([a, b, c])
    splits = [r["split"] for r in rows]
    assert splits[:3] == ["dev", "test", "blind9"]
    assert splits[3:43] == ["train4a"] * 40 and splits[43:83] == ["train4b"] * 40 and splits[83:] == ["train4c"]


def test_an_article_in_two_gold_files_is_an_error(tmp_path):
    a = _gold(tmp_path, "quotes_a.jsonl", [{"id": "x1", "quotes": []}])
    b = _gold(tmp_path, "quotes_b.jsonl", [{"id": "x1", "quotes": []}])
    with pytest.raises(ValueError, match="two gold files"):
        ev.read_folds([a, b])


def _loop_fit(cases, l2=1.0, iterations=50):
    """The per-quote loop the stacked optimiser replaced, as the reference."""
    d = len(qs.FEATURES)
    w, m, v = np.zeros(d), np.zeros(d), np.zeros(d)
    n = len(cases)
    for t in range(1, iterations + 1):
        grad = l2 * w / n
        for x, y in cases:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y / (p * y).sum()
            grad += x.T @ (p - q) / n
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def test_stacked_fit_equals_the_per_quote_loop():
    rng = np.random.default_rng(3)
    cases = []
    for k in range(30):
        n = 2 + k % 5
        y = np.zeros(n)
        y[k % n] = 1
        cases.append((rng.normal(size=(n, len(qs.FEATURES))), y))
    assert np.allclose(qs.fit(cases, iterations=50), _loop_fit(cases), atol=1e-9)
