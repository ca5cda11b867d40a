"""Agreement of the theme classifier with outlets' own section labels.

ANT multi-source articles carry the RSS section they were filed under (``meta.categories``).
Four sections name a topic our vocabulary has: sport, economy, technology, culture. The other
two (internationalNews, middleEast) are regions, not topics, so they give no gold theme. For each
of the four, an article is gold-positive when the outlet filed it there and predicted-positive
when marsad assigns the theme; precision, recall and F1 follow (micro-averaged over the four,
and macro). Section labels are an outlet's editorial choice, not annotation: a business story
filed under internationalNews counts as a false positive here, so the figure is agreement, not
accuracy.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.config import require_shared_data

#: Section label → marsad theme.
SECTION_THEMES: dict[str, str] = {"sport": "sport", "economy": "economy", "technology": "technology", "culture": "culture"}
CORPORA: dict[str, tuple[str, ...]] = {
    "ant_multisource": ("news", "ant_multisource", "articles.jsonl"),
    "ant_unlabeled": ("news", "ant_unlabeled", "articles.jsonl.gz"),
}


@dataclass
class LabelCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

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


@dataclass
class ThemeEval:
    corpus: str
    articles: int = 0
    labels: dict[str, LabelCounts] = field(default_factory=lambda: {t: LabelCounts() for t in SECTION_THEMES.values()})
    #: Share of articles that got at least one theme, and the distribution of all themes assigned.
    with_theme: int = 0
    assigned: dict[str, int] = field(default_factory=dict)

    @property
    def micro(self) -> LabelCounts:
        total = LabelCounts()
        for c in self.labels.values():
            total.tp += c.tp
            total.fp += c.fp
            total.fn += c.fn
        return total

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.labels.values()) / len(self.labels)

    def to_dict(self) -> dict[str, Any]:
        m = self.micro
        return {
            "corpus": self.corpus, "articles": self.articles,
            "labels": {t: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4)}
                       for t, c in self.labels.items()},
            "micro": {"precision": round(m.precision, 4), "recall": round(m.recall, 4), "f1": round(m.f1, 4)},
            "macro_f1": round(self.macro_f1, 4), "with_theme": self.with_theme, "assigned": dict(sorted(self.assigned.items())),
        }


def iter_corpus(name: str, limit: int | None = None) -> Iterator[dict[str, Any]]:
    path = Path(require_shared_data(*CORPORA[name]))
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            yield json.loads(line)


def evaluate_themes(corpus: str = "ant_multisource", limit: int | None = None) -> ThemeEval:
    """Run the source and themes components (all that themes needs) over a labelled corpus."""
    from marsad.doc import Doc, RawArticle
    from marsad.extract.source import SourceDetector
    from marsad.extract.themes import ThemeClassifier

    source, themes = SourceDetector(), ThemeClassifier()
    result = ThemeEval(corpus)
    for row in iter_corpus(corpus, limit):
        gold = {SECTION_THEMES[c] for c in (row.get("meta") or {}).get("categories") or [] if c in SECTION_THEMES}
        doc = Doc(RawArticle(text=row["text"], id=row["id"], outlet=row.get("outlet"), title=row.get("title")))
        source(doc)
        themes(doc)
        predicted = set(doc.themes)
        result.articles += 1
        result.with_theme += bool(doc.themes)
        for t in doc.themes:
            result.assigned[t] = result.assigned.get(t, 0) + 1
        for theme, counts in result.labels.items():
            if theme in gold and theme in predicted:
                counts.tp += 1
            elif theme in predicted:
                counts.fp += 1
            elif theme in gold:
                counts.fn += 1
    return result
