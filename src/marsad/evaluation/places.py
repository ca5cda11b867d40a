"""Scoring the places component against hand-annotated gold (``eval/gold/places.jsonl``).

Gold rows: ``{"id", "corpus", "split", "places": [{"start", "end", "text", "name", "country_code",
"lat", "lon", "geonames_id", "feature"}]}``; the article text is read from the shared news corpora by id.

* **Detection** (precision, recall, F1): a predicted place matches a gold place when their character
  spans overlap (``بالموصل`` vs ``الموصل`` both count); matching is one-to-one, largest overlap first.
* **Top-1 accuracy** on matched (resolved) mentions: the predicted place is right when it is within
  25 km of the gold coordinates, or has the same GeoNames id, or both are the same country
  (country centroids differ between sources by more than 25 km), or, for a continent or a
  supranational region (no country), has the same name.
* **End-to-end F1**: a prediction counts only if it matches *and* is right.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .metrics import load_news_articles as load_articles
from .metrics import read_gold as read_gold_rows
from .metrics import match_spans as match

TOLERANCE_KM = 25.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def same_place(gold: dict, pred: dict, tolerance_km: float = TOLERANCE_KM) -> bool:
    if gold.get("geonames_id") and gold.get("geonames_id") == pred.get("geonames_id"):
        return True
    if gold.get("feature") == "country" and pred.get("feature") == "country":
        return gold.get("country_code") == pred.get("country_code")
    if gold.get("feature") == "region" and not gold.get("country_code"):
        # Continents and supranational regions have no meaningful point: the same region by name.
        from ..text import name_key

        if name_key(gold.get("name") or "") == name_key(pred.get("name") or ""):
            return True
    return haversine_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"]) <= tolerance_km


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    correct: int = 0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.correct += other.correct

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """Top-1 accuracy within 25 km on matched mentions."""
        return self.correct / self.matched if self.matched else 0.0

    @property
    def e2e_f1(self) -> float:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class ArticleResult:
    id: str
    split: str
    counts: Counts
    pairs: list[tuple[dict, dict | None]] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)


def evaluate(rows: Iterable[dict], pipeline) -> list[ArticleResult]:
    """Run ``pipeline`` over each gold article and score its places."""
    from ..doc import RawArticle

    rows = list(rows)
    articles = load_articles({r["id"] for r in rows})
    results = []
    for row in rows:
        a = articles[row["id"]]
        doc = pipeline(RawArticle(text=a["text"], id=a["id"], outlet=a.get("outlet"), url=a.get("url"), title=a.get("title")))
        for g in row["places"]:
            if a["text"][g["start"]:g["end"]] != g["text"]:
                raise ValueError(f"{row['id']}: gold span {g['start']}:{g['end']} is not {g['text']!r}")
        predicted = [{"start": p.start, "end": p.end, "text": p.text, "name": p.name, "country_code": p.country_code,
                      "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id, "feature": p.feature} for p in doc.places]
        pairs, spurious = match(row["places"], predicted)
        c = Counts(gold=len(row["places"]), predicted=len(predicted), matched=sum(1 for _, p in pairs if p is not None))
        c.correct = sum(1 for g, p in pairs if p is not None and same_place(g, p))
        results.append(ArticleResult(row["id"], row.get("split", "all"), c, pairs, spurious))
    return results


def summarise(results: list[ArticleResult]) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for r in results:
        for key in (r.split, "all"):
            out.setdefault(key, Counts()).add(r.counts)
    return out


def read_gold(path: Path) -> list[dict]:
    """Gold rows of ``eval/gold/places.jsonl``: ``{"id", "split", "places": [...]}``."""
    return read_gold_rows(path, "places")
