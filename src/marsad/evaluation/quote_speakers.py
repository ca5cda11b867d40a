"""Training and cross-validating the quote-speaker ranker (:mod:`marsad.extract.quote_speakers`).

Training examples come from ``eval/gold/quotes.jsonl``: the rules run over each gold article (with the
``source`` and ``entities`` components before them, as ``marsad eval quotes`` runs them), each quote
they find is matched to a gold quote with the evaluation's own matcher, and a candidate is positive
when its name agrees with the gold speaker under the metric's rule (:func:`speakers_agree`). Quotes
no candidate can name right, and quotes matching no gold quote, teach nothing and are left out.

Cross-validation is grouped by article: leave one split out (dev, test, blind, blind2, train2 …),
train on the rest, score the held-out split with the project's metric under three policies — the
rules alone, the ranker alone (always its top candidate) and the rules overridden only when the ranker
prefers another candidate by a margin chosen by an inner leave-one-split-out on the training splits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from ..extract import quote_speakers as qs
from .quotes import Counts, match, score_article, speakers_agree

MARGINS = (0.0, 0.5, 1.0, 2.0, 3.0)
#: The policies compared: rules alone, ranker alone, ranker overriding the rules by a margin, ranker
#: filling in only where the rules named no speaker.
POLICIES = ("rules", "ranker", "override", "fill")


@dataclass(slots=True)
class ArticleCases:
    id: str
    split: str
    gold_row: dict
    predicted: list[dict]
    cases: list[qs.QuoteCase]
    #: per case: 0/1 labels over its candidates, or None when the quote matches no gold quote
    labels: list[np.ndarray | None]


def collect(gold_rows: list[dict], log: Callable[[str], None] = lambda m: None) -> list[ArticleCases]:
    """Run the rules over every gold article and build labelled candidate sets."""
    from ..extract.quote_lexicon import load_lexicon
    from ..extract.quotes import _Reader
    from ..pipeline import COMPONENTS, Pipeline
    from .metrics import load_news_articles, news_raw_article

    pipeline = Pipeline.default(disable=[c for c in COMPONENTS if c not in ("source", "entities")])
    lex = load_lexicon()
    articles = load_news_articles(r["id"] for r in gold_rows)
    out = []
    for row in gold_rows:
        doc = pipeline(news_raw_article(articles[row["id"]]))
        if not doc.tokens:
            out.append(ArticleCases(row["id"], row.get("split", "all"), row, [], [], []))
            continue
        reader = _Reader(doc, lex)
        quotes = reader.run()
        cases = qs.build_cases(reader, quotes)
        predicted = [{"start": q.start, "end": q.end, "text": q.text, "direct": q.direct, "speaker": q.speaker,
                      "cue": q.cue, "_i": i} for i, q in enumerate(quotes)]
        pairs, _ = match(row["quotes"], predicted)
        gold_of = {p["_i"]: g for g, p in pairs if p is not None}
        labels: list[np.ndarray | None] = []
        for i, case in enumerate(cases):
            g = gold_of.get(i)
            if g is None:
                labels.append(None)
                continue
            labels.append(np.array([1.0 if speakers_agree(g.get("speaker"), c.name) else 0.0 for c in case.candidates]))
        out.append(ArticleCases(row["id"], row.get("split", "all"), row, predicted, cases, labels))
    log(f"{len(out)} articles, {sum(len(a.cases) for a in out)} quotes found")
    return out


def training_cases(arts: list[ArticleCases]) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(c.x, y) for a in arts for c, y in zip(a.cases, a.labels) if y is not None and y.any()]


def score(arts: list[ArticleCases], model: qs.RankerModel | None) -> Counts:
    """The project's metric over these articles, with the model's speakers (None: the rules')."""
    total = Counts()
    for a in arts:
        predicted = []
        for p, case in zip(a.predicted, a.cases):
            p = dict(p)
            if model is not None:
                pick = model.choose(case)
                if pick is not None:
                    p["speaker"] = pick.name
            predicted.append(p)
        total.add(score_article(a.gold_row, predicted).counts)
    return total


def train(arts: list[ArticleCases], l2: float, mode: str, margin: float) -> qs.RankerModel:
    return qs.RankerModel(qs.fit(training_cases(arts), l2=l2), margin, mode)


def choose_margin(arts: list[ArticleCases], l2: float, mode: str = "override") -> float:
    """The override margin with the best quote+speaker F1 over an inner leave-one-split-out."""
    splits = sorted({a.split for a in arts})
    if len(splits) < 2:
        return MARGINS[-1]
    models = {s: qs.fit(training_cases([a for a in arts if a.split != s]), l2=l2) for s in splits}
    best, best_f = MARGINS[-1], -1.0
    for m in reversed(MARGINS):  # on a tie the larger margin wins: change the rules only when sure
        c = Counts()
        for s in splits:
            c.add(score([a for a in arts if a.split == s], qs.RankerModel(models[s], m, mode)))
        f = c.with_speaker[2]
        if f > best_f + 1e-9:
            best, best_f = m, f
    return best


def cross_validate(arts: list[ArticleCases], l2: float, log: Callable[[str], None] = lambda m: None) -> dict[str, dict[str, Counts]]:
    """Leave-one-split-out: {held-out split: {"rules", "ranker", "override": Counts}} plus "all"."""
    splits = sorted({a.split for a in arts})
    out: dict[str, dict[str, Counts]] = {"all": {k: Counts() for k in POLICIES}}
    for s in splits:
        train_arts = [a for a in arts if a.split != s]
        test_arts = [a for a in arts if a.split == s]
        w = qs.fit(training_cases(train_arts), l2=l2)
        margin = choose_margin(train_arts, l2, "override")
        fill_margin = choose_margin(train_arts, l2, "fill")
        log(f"held out {s}: trained on {len(training_cases(train_arts))} quotes, inner-CV margins: override {margin}, fill {fill_margin}")
        row = {
            "rules": score(test_arts, None),
            "ranker": score(test_arts, qs.RankerModel(w, 0.0, "ranker")),
            "override": score(test_arts, qs.RankerModel(w, margin, "override")),
            "fill": score(test_arts, qs.RankerModel(w, fill_margin, "fill")),
        }
        out[s] = row
        for k, c in row.items():
            out["all"][k].add(c)
    return out


def write_model(arts: list[ArticleCases], out: Path, l2: float, mode: str, extra: dict) -> qs.RankerModel:
    margin = choose_margin(arts, l2, mode) if mode in ("override", "fill") else 0.0
    model = train(arts, l2, mode, margin)
    qs.save(model, out, {"l2": l2, "trained_on_quotes": len(training_cases(arts)), **extra})
    return model
