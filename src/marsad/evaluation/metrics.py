"""Precision / recall / F1 counts shared by the evaluation modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class PRF:
    """True positives, false positives and false negatives of one decision, with the scores they give.

    A score whose denominator is zero is 0.0 (nothing predicted, or nothing to find).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Any, predicted: Any, same: bool) -> None:
        """Count one item: ``gold``/``predicted`` are None when absent; ``same`` says whether they agree."""
        if gold is not None and predicted is not None and same:
            self.tp += 1
            return
        if predicted is not None:
            self.fp += 1
        if gold is not None:
            self.fn += 1

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}
