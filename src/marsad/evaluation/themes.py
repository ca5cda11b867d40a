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
from marsad.evaluation.metrics import PRF

#: Section label → marsad theme.
SECTION_THEMES: dict[str, str] = {"sport": "sport", "economy": "economy", "technology": "technology", "culture": "culture"}
CORPORA: dict[str, tuple[str, ...]] = {
    "ant_multisource": ("news", "ant_multisource", "articles.jsonl"),
    "ant_unlabeled": ("news", "ant_unlabeled", "articles.jsonl.gz"),
}


@dataclass
class ThemeEval:
    corpus: str
    articles: int = 0
    labels: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in SECTION_THEMES.values()})
    #: Share of articles that got at least one theme, and the distribution of all themes assigned.
    with_theme: int = 0
    assigned: dict[str, int] = field(default_factory=dict)

    @property
    def micro(self) -> PRF:
        total = PRF()
        for c in self.labels.values():
            total += c
        return total

    @property
    def macro_f1(self) -> float:
        return sum(c.f1 for c in self.labels.values()) / len(self.labels)

    def to_dict(self) -> dict[str, Any]:
        m = self.micro
        return {
            "corpus": self.corpus, "articles": self.articles,
            "labels": {t: c.to_dict() for t, c in self.labels.items()},
            "micro": m.to_dict(),
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
            counts.add(theme if theme in gold else None, theme if theme in predicted else None, True)
    return result
