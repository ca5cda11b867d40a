"""Training and cross-validating the quote-speaker ranker (:mod:`marsad.extract.quote_speakers`).

Training examples come from the gold files (``DEFAULT_GOLD``: every STUDY file — ``eval/gold/quotes.jsonl``,
blind3–7, train4–7; never a CHECK file): the rules run over each gold article (with the ``source`` and
``entities`` components before them, as ``marsad eval quotes`` runs them), each quote they find is
matched to a gold quote with the evaluation's own matcher, and a candidate is positive when its name —
as the component outputs it, after ``quote_canon`` — agrees with the gold speaker under the metric's rule
(:func:`speakers_agree`). Quotes no candidate can name right, and quotes matching no gold quote, teach
nothing and are left out.

Cross-validation is grouped by article: leave one fold out (a split — dev, test, blind, blind2, train2,
train3, blind3–7 — or one annotator's part of train4–train7), train on the rest, and score the
held-out fold with the project's metric under each policy: the rules alone, the ranker alone (always its
top candidate), override, fill, switch and correct, with margins chosen by an inner leave-one-fold-out.
``check`` trains every policy on all the folds and scores a CHECK file, returning totals only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from ..extract import quote_speakers as qs
from .quotes import Counts, match, score_article, speakers_agree

#: The gold files the ranker trains on by default: every STUDY file (about 5,300 matched quotes; blind7 is STUDY since
#: its final run in session 4, train7 since session 5, blind10, train8 and train9 since session 7). The CHECK files (quotes_check6.jsonl, quotes_check7.jsonl)
#: are never trained on; ``check`` scores them as a summary only.
DEFAULT_GOLD = ("eval/gold/quotes.jsonl", "eval/gold/quotes_blind3.jsonl", "eval/gold/quotes_blind4.jsonl",
                "eval/gold/quotes_blind5.jsonl", "eval/gold/quotes_blind6.jsonl", "eval/gold/quotes_blind7.jsonl",
                "eval/gold/quotes_blind8.jsonl", "eval/gold/quotes_blind9.jsonl", "eval/gold/quotes_blind10.jsonl",
                "eval/gold/quotes_train4.jsonl", "eval/gold/quotes_train5.jsonl", "eval/gold/quotes_train6.jsonl",
                "eval/gold/quotes_train7.jsonl", "eval/gold/quotes_train8.jsonl", "eval/gold/quotes_train9.jsonl")
MARGINS = (0.0, 0.5, 1.0, 2.0, 3.0)
#: The policies compared: rules alone, ranker alone, ranker overriding the rules by a margin, ranker
#: filling in only where the rules named no speaker.
POLICIES = ("rules", "ranker", "override", "fill", "switch", "correct")


#: Gold splits too large for one fold, cut into consecutive parts of this many articles (in file order):
#: train4 was annotated in four parts of 40 (a–d) by four annotators, train5, train6 and train7 in three of
#: 50 (a–c), blind9 in three of 40 (a–c), blind10 in two of 40 (one a corpus), train8 and train9 (session 7) in
#: four of 60, so each part is a fold.
PART_SIZES = {"train4": 40, "train5": 50, "train6": 50, "train7": 50, "blind9": 40, "blind10": 40, "train8": 60, "train9": 60}


def read_folds(paths: Iterable[Path]) -> list[dict]:
    """The gold rows of every file, each with its cross-validation fold in ``split``: the row's own split
    (a file without one is named after the file), large splits cut into their annotators' parts."""
    from .metrics import read_gold

    rows: list[dict] = []
    seen: set[str] = set()
    for path in paths:
        counts: dict[str, int] = {}
        default = Path(path).stem.removeprefix("quotes_") if Path(path).stem != "quotes" else "all"
        for row in read_gold(path, "quotes"):
            if row["id"] in seen:
                raise ValueError(f"{path}: article {row['id']} is in two gold files")
            seen.add(row["id"])
            split = row.get("split") or default
            n = counts.get(split, 0)
            counts[split] = n + 1
            if split in PART_SIZES:
                split = f"{split}{'abcdefghij'[n // PART_SIZES[split]]}"
            rows.append({**row, "split": split})
    return rows


@dataclass(slots=True)
class ArticleCases:
    id: str
    split: str
    gold_row: dict
    predicted: list[dict]
    cases: list[qs.QuoteCase]
    #: per case: 0/1 labels over its candidates, or None when the quote matches no gold quote
    labels: list[np.ndarray | None]
    #: per case: the form the component outputs after the speaker-form pass for each candidate, then (last)
    #: for the rules' own speaker
    canon: list[list[str | None]] | None = None

    def output_name(self, qi: int, ci: int) -> str | None:
        """What the user sees when candidate ``ci`` of quote ``qi`` is chosen."""
        name = self.cases[qi].candidates[ci].name
        return name if name is None or self.canon is None else self.canon[qi][ci]


def _canon_names(doc, case: qs.QuoteCase) -> list[str | None]:
    """What the component's last step (``quote_canon.canonicalise``: a document → its issuer, a description
    → the name set beside it, a partial name → its fullest form, junk → cut or dropped) makes of each
    candidate of this quote, read with the quote's own cue and the candidate's role — so both the labels
    and the scores are about the speakers the user sees."""
    from dataclasses import replace

    from ..extract import quote_canon

    probe = [replace(case.quote, speaker=c.name, speaker_role=c.role, speaker_entity_id=c.entity_id)
             for c in case.candidates] + [replace(case.quote)]  # last: the rules' own speaker, as found
    quote_canon.canonicalise(doc, probe)
    return [q.speaker if c.name is not None else None for c, q in zip(case.candidates, probe)] + [probe[-1].speaker]


def prepare_docs(gold_rows: list[dict]) -> dict:
    """The gold articles run through ``source`` and ``entities`` (what the quotes component sees in
    ``marsad eval quotes``), by id."""
    from ..pipeline import COMPONENTS, Pipeline
    from .metrics import load_news_articles, news_raw_article

    pipeline = Pipeline.default(disable=[c for c in COMPONENTS if c not in ("source", "entities")])
    articles = load_news_articles(r["id"] for r in gold_rows)
    return {row["id"]: pipeline(news_raw_article(articles[row["id"]])) for row in gold_rows}


def collect(gold_rows: list[dict], log: Callable[[str], None] = lambda m: None, docs: dict | None = None,
            clause_subjects: bool | str = True, entity_window: bool = False, phrase: bool = False) -> list[ArticleCases]:
    """Run the rules over every gold article and build labelled candidate sets (``docs``: the output
    of :func:`prepare_docs`, when already computed; ``clause_subjects``: as the model will run)."""
    from ..extract.quote_lexicon import load_lexicon
    from ..extract.quotes import _Reader

    lex = load_lexicon()
    if docs is None:
        docs = prepare_docs(gold_rows)
    out = []
    for row in gold_rows:
        doc = docs[row["id"]]
        if not doc.tokens:
            out.append(ArticleCases(row["id"], row.get("split", "all"), row, [], [], []))
            continue
        reader = _Reader(doc, lex)
        quotes = reader.run()
        cases = qs.build_cases(reader, quotes, clause_subjects=clause_subjects, entity_window=entity_window, phrase=phrase)
        canon = [_canon_names(doc, case) for case in cases]
        rule_out = [names[-1] for names in canon]
        predicted = [{"start": q.start, "end": q.end, "text": q.text, "direct": q.direct,
                      "speaker": rule_out[i], "cue": q.cue, "_i": i} for i, q in enumerate(quotes)]
        pairs, _ = match(row["quotes"], predicted)
        gold_of = {p["_i"]: g for g, p in pairs if p is not None}
        labels: list[np.ndarray | None] = []
        for i, case in enumerate(cases):
            g = gold_of.get(i)
            if g is None:
                labels.append(None)
                continue
            labels.append(np.array([1.0 if speakers_agree(g.get("speaker"), name) else 0.0 for name in canon[i][:-1]]))
        out.append(ArticleCases(row["id"], row.get("split", "all"), row, predicted, cases, labels, canon))
    log(f"{len(out)} articles, {sum(len(a.cases) for a in out)} quotes found")
    return out


def training_cases(arts: list[ArticleCases], abstain: bool = True) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, labels) per matched quote. With ``abstain`` a quote no candidate names right (the gold
    names someone the candidates miss, or a description the text never names) teaches "no speaker": a
    wrong name is worse for a reader than none, so the ranker learns to abstain there instead of seeing
    nothing of those quotes; without it such quotes are left out (the rounds before session 4)."""
    out = []
    for a in arts:
        for c, y in zip(a.cases, a.labels):
            if y is None:
                continue
            if y.any():
                out.append((c.x, y))
            elif abstain:
                out.append((c.x, np.array([1.0 if cand.name is None else 0.0 for cand in c.candidates])))
    return out


def candidate_recall(arts: list[ArticleCases]) -> dict[str, int]:
    """How the rules' speakers and the candidates stand against the gold, over matched quotes:
    ``rule_right``; ``rule_wrong_cand`` (a candidate agrees with the gold); ``rule_wrong_no_cand``
    (none does: no policy of the ranker can fix it); and the quotes that match no gold quote."""
    out = {"matched": 0, "rule_right": 0, "rule_wrong_cand": 0, "rule_wrong_no_cand": 0, "unmatched": 0,
           "candidates": 0}
    for a in arts:
        for case, y in zip(a.cases, a.labels):
            if y is None:
                out["unmatched"] += 1
                continue
            out["matched"] += 1
            out["candidates"] += len(case.candidates)
            rule = next((i for i, c in enumerate(case.candidates) if "rule" in c.sources), None)
            if rule is not None and y[rule]:
                out["rule_right"] += 1
            elif y.any():
                out["rule_wrong_cand"] += 1
            else:
                out["rule_wrong_no_cand"] += 1
    return out


def score(arts: list[ArticleCases], model: qs.RankerModel | None) -> Counts:
    """The project's metric over these articles, with the model's speakers (None: the rules')."""
    total = Counts()
    for a in arts:
        predicted = []
        for qi, (p, case) in enumerate(zip(a.predicted, a.cases)):
            p = dict(p)
            if model is not None:
                pick = model.choose(case)
                if pick is not None and "rule" not in pick.sources:  # as ``quote_speakers.apply``
                    p["speaker"] = a.output_name(qi, case.candidates.index(pick))
            predicted.append(p)
        total.add(score_article(a.gold_row, predicted).counts)
    return total


def _spec(l2: float | qs.FitSpec) -> qs.FitSpec:
    """A fit specification: a bare number is the L2 penalty of the conditional-logit model."""
    return l2 if isinstance(l2, qs.FitSpec) else qs.FitSpec(l2=float(l2))


def _model(params: tuple, margin: float, mode: str, **opts) -> qs.RankerModel:
    w, hidden = params
    return qs.RankerModel(w, margin, mode, hidden=hidden, **opts)


def train(arts: list[ArticleCases], l2: float | qs.FitSpec, mode: str, margin: float, abstain: bool = True,
          clause_subjects: bool | str = True, entity_window: bool = False, phrase: bool = False) -> qs.RankerModel:
    return _model(qs.fit_params(training_cases(arts, abstain), _spec(l2)), margin, mode,
                  clause_subjects=clause_subjects, entity_window=entity_window, phrase=phrase)


def _fit_on(arts: list[ArticleCases], l2: float | qs.FitSpec, cache: dict | None, abstain: bool = True) -> tuple:
    """The parameters (linear weights, hidden layer or None) trained on these articles. Within one
    cross-validation the inner and outer folds train on the same sets of splits again and again (the optimiser
    is deterministic), so ``cache`` keeps one fit per set of training splits."""
    spec = _spec(l2)
    key = (abstain, spec, *sorted({a.split for a in arts}))
    if cache is None:
        return qs.fit_params(training_cases(arts, abstain), spec)
    if key not in cache:
        cache[key] = qs.fit_params(training_cases(arts, abstain), spec)
    return cache[key]


def choose_margin(arts: list[ArticleCases], l2: float | qs.FitSpec, mode: str = "override", cache: dict | None = None,
                  abstain: bool = True) -> float:
    """The override margin with the best quote+speaker F1 over an inner leave-one-split-out."""
    splits = sorted({a.split for a in arts})
    if len(splits) < 2:
        return MARGINS[-1]
    models = {s: _fit_on([a for a in arts if a.split != s], l2, cache, abstain) for s in splits}
    best, best_f = MARGINS[-1], -1.0
    for m in reversed(MARGINS):  # on a tie the larger margin wins: change the rules only when sure
        c = Counts()
        for s in splits:
            c.add(score([a for a in arts if a.split == s], _model(models[s], m, mode)))
        f = c.with_speaker[2]
        if f > best_f + 1e-9:
            best, best_f = m, f
    return best


#: The policies whose margin is chosen by an inner leave-one-split-out (the costly part of cross-validation).
MARGIN_POLICIES = ("override", "fill", "switch")


def cross_validate(arts: list[ArticleCases], l2: float | qs.FitSpec, log: Callable[[str], None] = lambda m: None,
                   abstain: bool = True, policies: tuple[str, ...] = POLICIES) -> dict[str, dict[str, Counts]]:
    """Leave-one-split-out: {held-out split: {policy: Counts}} plus "all". ``policies``: which to score
    (``rules`` is always scored; leaving out override, fill and switch skips their inner margin search)."""
    policies = tuple(p for p in POLICIES if p in policies or p == "rules")
    splits = sorted({a.split for a in arts})
    out: dict[str, dict[str, Counts]] = {"all": {k: Counts() for k in policies}}
    cache: dict = {}
    for s in splits:
        train_arts = [a for a in arts if a.split != s]
        test_arts = [a for a in arts if a.split == s]
        w = _fit_on(train_arts, l2, cache, abstain)
        margins = {p: choose_margin(train_arts, l2, p, cache, abstain) for p in MARGIN_POLICIES if p in policies}
        log(f"held out {s}: trained on {len(training_cases(train_arts, abstain))} quotes"
            + (", inner-CV margins: " + ", ".join(f"{p} {m}" for p, m in margins.items()) if margins else ""))
        row = {p: score(test_arts, None if p == "rules" else _model(w, margins.get(p, 0.0), p)) for p in policies}
        out[s] = row
        for k, c in row.items():
            out["all"][k].add(c)
    return out


def policy_models(arts: list[ArticleCases], l2: float | qs.FitSpec, cache: dict | None = None,
                  abstain: bool = True, policies: tuple[str, ...] = POLICIES) -> dict[str, qs.RankerModel | None]:
    """Each policy trained on all of ``arts`` (margins by leave-one-split-out on them); "rules" is None."""
    cache = {} if cache is None else cache
    w = _fit_on(arts, l2, cache, abstain)
    return {p: None if p == "rules" else
            _model(w, choose_margin(arts, l2, p, cache, abstain) if p in MARGIN_POLICIES else 0.0, p)
            for p in POLICIES if p in policies or p == "rules"}


def check(study: list[ArticleCases], held: list[ArticleCases], l2: float | qs.FitSpec, cache: dict | None = None,
          abstain: bool = True, policies: tuple[str, ...] = POLICIES) -> dict[str, Counts]:
    """Each policy trained on all of ``study`` and scored on ``held`` (a CHECK file: only the totals are
    returned, never a quote)."""
    return {p: score(held, m) for p, m in policy_models(study, l2, cache, abstain, policies).items()}


def write_model(arts: list[ArticleCases], out: Path, l2: float | qs.FitSpec, mode: str, extra: dict, abstain: bool = True,
                cache: dict | None = None, clause_subjects: bool | str = True, entity_window: bool = False,
                phrase: bool = False) -> qs.RankerModel:
    # every policy's margin is stored, so MARSAD_QUOTE_RANKER=<policy> can run the same weights under another
    margins = {p: choose_margin(arts, l2, p, cache, abstain) for p in ("override", "fill", "switch")}
    model = train(arts, l2, mode, margins.get(mode, 0.0), abstain, clause_subjects, entity_window, phrase)
    spec = _spec(l2)
    fitted = {"l2": spec.l2} if spec.units <= 0 else {"l2": spec.l2, "units": spec.units, "hidden_l2": spec.hidden_l2,
                                                        "iterations": spec.iterations, "seed": spec.seed, "ensemble": spec.ensemble}
    if spec.drop:
        fitted["dropped_features"] = list(spec.drop)
    qs.save(model, out, {**fitted, "abstain": abstain, "margins": margins,
                         "trained_on_quotes": len(training_cases(arts, abstain)), **extra})
    return model
