"""Precision / recall / F1 counts shared by the evaluation modules."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import require_shared_data


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


# --- gold files and the articles they point to, shared by every span-level evaluation ---

#: The labelled news corpora under ../shared/data/news that gold files reference by article id.
NEWS_CORPORA = ("ant_multisource", "saudinewsnet")


def read_gold(path: Path | str, key: str) -> list[dict[str, Any]]:
    """Gold rows of a JSONL file: each needs an ``id`` and a ``key`` list (e.g. ``quotes``)."""
    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if "id" not in row or not isinstance(row.get(key), list):
                raise ValueError(f"{path}:{n}: a gold row needs 'id' and a '{key}' list")
            rows.append(row)
    return rows


def load_news_articles(ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The articles with these ids from the shared news corpora; a missing one is a ``LookupError``."""
    want = set(ids)
    found: dict[str, dict[str, Any]] = {}
    for corpus in NEWS_CORPORA:
        with require_shared_data("news", corpus, "articles.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                if not want - found.keys():
                    return found
                row = json.loads(line)
                if row["id"] in want:
                    found[row["id"]] = row
    missing = want - found.keys()
    if missing:
        raise LookupError(f"{len(missing)} gold article(s) not in the shared news corpora, e.g. {', '.join(sorted(missing)[:5])}")
    return found


def news_raw_article(art: dict[str, Any]):
    """A shared-corpus news row as the pipeline's :class:`marsad.doc.RawArticle`."""
    from ..doc import RawArticle

    return RawArticle(text=art["text"], id=art["id"], url=art.get("url"), outlet=art.get("outlet"),
                      title=art.get("title"), published_at=art.get("date"))


def match_spans(gold: list[dict], predicted: list[dict], min_gold_share: float = 0.0) -> tuple[list[tuple[dict, dict | None]], list[dict]]:
    """One-to-one matching of overlapping spans, largest overlap first.

    A pair is a candidate when the spans overlap and the overlap covers at least ``min_gold_share``
    of the gold span (0.5 for the quotes criterion). Returns ``(gold, prediction-or-None)`` pairs
    in gold order and the unmatched (spurious) predictions.
    """
    candidates = []
    for gi, g in enumerate(gold):
        glen = max(1, g["end"] - g["start"])
        for pi, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0 and overlap >= min_gold_share * glen:
                candidates.append((overlap, gi, pi))
    candidates.sort(reverse=True)
    used_g: dict[int, int] = {}
    used_p: set[int] = set()
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g[gi] = pi
        used_p.add(pi)
    pairs = [(g, predicted[used_g[gi]] if gi in used_g else None) for gi, g in enumerate(gold)]
    return pairs, [p for pi, p in enumerate(predicted) if pi not in used_p]


def draw_articles(
    seed: int,
    per_corpus: int,
    *,
    exclude: Iterable[str] = (),
    max_chars: int = 2500,
    unlike: Iterable[str] = (),
    overlap: float = 0.5,
) -> list[str]:
    """A reproducible sample of article ids for a gold batch: ``per_corpus`` from each news corpus.

    Articles longer than ``max_chars`` (too long to annotate whole) and ``exclude``d ids (earlier
    batches) are left out; the ids come back shuffled with the same generator, so a fixed seed
    always gives the same batch in the same order.

    ``unlike`` takes the texts of earlier gold articles: an article sharing at least ``overlap`` of
    its six-word shingles with any of them is left out too, because the same wire story published
    under another id would otherwise reach a held-out batch already studied. With no ``unlike``
    texts the draw is the one earlier batches were made with.
    """
    rng = random.Random(seed)
    skip = set(exclude)
    seen_shingles: set[tuple[str, ...]] = set()
    for text in unlike:
        seen_shingles |= word_shingles(text)
    chosen: list[str] = []
    for corpus in NEWS_CORPORA:
        with require_shared_data("news", corpus, "articles.jsonl").open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        rows = [r for r in rows if len(r["text"]) <= max_chars and r["id"] not in skip]
        if seen_shingles:
            rows = [r for r in rows if shingle_overlap(r["text"], seen_shingles) < overlap]
        chosen += [r["id"] for r in rng.sample(rows, per_corpus)]
    rng.shuffle(chosen)
    return chosen


def word_shingles(text: str, size: int = 6) -> set[tuple[str, ...]]:
    """The runs of ``size`` consecutive words of ``text`` (whitespace words, as written)."""
    words = text.split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def shingle_overlap(text: str, others: set[tuple[str, ...]], size: int = 6) -> float:
    """The share of ``text``'s word shingles found in ``others`` (0.0 for a text shorter than one shingle)."""
    own = word_shingles(text, size)
    return len(own & others) / len(own) if own else 0.0
