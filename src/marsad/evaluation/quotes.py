"""Scoring the quotes component against hand-annotated gold (``eval/gold/quotes.jsonl``).

Gold rows: ``{"id", "outlet", "split", "quotes": [{"start", "end", "text", "direct", "speaker"}]}``;
the article text is read from the shared news corpora by id.

* **Detection**: a predicted quote matches a gold quote when their character spans overlap by at
  least half of the gold span. Matching is one-to-one (largest overlaps first), so one long
  prediction cannot claim two gold quotes.
* **Quote + speaker**: a matched pair whose speakers agree. Speakers agree when their normalised,
  clitic-keyed names (:func:`marsad.text.name_key`) are equal or one is a contiguous run of the
  other's words (``كافاني`` ⊂ ``إدينسون كافاني``, ``مسؤولي الجامعة`` ~ ``الجامعة``); a gold quote
  with no speaker agrees only with a prediction that has none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import require_shared_data
from ..text import name_key

CORPORA = ("ant_multisource", "saudinewsnet")


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_ok: int = 0

    @staticmethod
    def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def detection(self) -> tuple[float, float, float]:
        return self.prf(self.matched, self.predicted, self.gold)

    @property
    def with_speaker(self) -> tuple[float, float, float]:
        return self.prf(self.speaker_ok, self.predicted, self.gold)

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.speaker_ok += other.speaker_ok


@dataclass(slots=True)
class ArticleResult:
    id: str
    split: str
    counts: Counts
    #: (gold quote, predicted quote or None) and predictions matching nothing.
    pairs: list[tuple[dict, dict | None]] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)


def speakers_agree(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    g, p = name_key(gold).split(), name_key(predicted).split()
    if not g or not p:
        return False
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def match(gold: list[dict], predicted: list[dict]) -> tuple[list[tuple[dict, dict | None]], list[dict]]:
    """One-to-one matching by overlap (≥ half of the gold span), largest overlaps first."""
    candidates = []
    for gi, g in enumerate(gold):
        glen = max(1, g["end"] - g["start"])
        for pi, p in enumerate(predicted):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap * 2 >= glen:
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
    spurious = [p for pi, p in enumerate(predicted) if pi not in used_p]
    return pairs, spurious


def score_article(gold_row: dict, predicted: list[dict]) -> ArticleResult:
    pairs, spurious = match(gold_row["quotes"], predicted)
    c = Counts(gold=len(gold_row["quotes"]), predicted=len(predicted))
    for g, p in pairs:
        if p is not None:
            c.matched += 1
            if speakers_agree(g.get("speaker"), p.get("speaker")):
                c.speaker_ok += 1
    return ArticleResult(gold_row["id"], gold_row.get("split", "all"), c, pairs, spurious)


def read_gold(path: Path) -> list[dict]:
    rows = []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if "id" not in row or "quotes" not in row:
                raise ValueError(f"{path}:{n}: a gold row needs 'id' and 'quotes'")
            rows.append(row)
    return rows


def read_articles(ids: Iterable[str]) -> dict[str, dict]:
    """The gold articles from the shared news corpora (by id)."""
    want = set(ids)
    found: dict[str, dict] = {}
    for corpus in CORPORA:
        path = require_shared_data("news", corpus, "articles.jsonl")
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not want - found.keys():
                    return found
                row = json.loads(line)
                if row["id"] in want:
                    found[row["id"]] = row
    missing = want - found.keys()
    if missing:
        raise LookupError(f"{len(missing)} gold article(s) not in the shared corpora, e.g. {sorted(missing)[0]}")
    return found


def evaluate(gold_rows: list[dict], pipeline) -> list[ArticleResult]:
    """Run ``pipeline`` (a :class:`marsad.pipeline.Pipeline`) over the gold articles and score each."""
    from ..doc import RawArticle

    articles = read_articles(r["id"] for r in gold_rows)
    results = []
    for row in gold_rows:
        art = articles[row["id"]]
        doc = pipeline(RawArticle(text=art["text"], id=art["id"], url=art.get("url"), outlet=art.get("outlet"),
                                  title=art.get("title"), published_at=art.get("date")))
        predicted = [{"start": q.start, "end": q.end, "text": q.text, "direct": q.direct, "speaker": q.speaker,
                      "cue": q.cue} for q in doc.quotes]
        results.append(score_article(row, predicted))
    return results


def summarise(results: list[ArticleResult]) -> dict[str, Counts]:
    """Counts per split plus ``all``."""
    out: dict[str, Counts] = {}
    for r in results:
        out.setdefault(r.split, Counts()).add(r.counts)
        out.setdefault("all", Counts()).add(r.counts)
    return out
