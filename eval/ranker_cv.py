"""Compare speaker-ranker scorers quickly: collect the labelled candidate sets once, then cross-validate and
check many fits on them (round 8; the numbers are those of ``marsad train quote-speakers`` under ``--policy ranker``).

``python eval/ranker_cv.py docs DOCS.pkl`` runs ``source`` + ``entities`` over every STUDY file of
``DEFAULT_GOLD`` and the two CHECK files and pickles the documents.
``python eval/ranker_cv.py collect DOCS.pkl ARTS.pkl [--clause-subjects|--clause-prodrop-only] [--no-phrase]``
runs the rules of the tree on ``PYTHONPATH`` over them and pickles the labelled candidate sets (STUDY by fold,
CHECK apart).
``python eval/ranker_cv.py cv ARTS.pkl --units 0 16 --l2 1 --hidden-l2 1 --checkpoints 200 400 800``: for each
scorer, leave-one-split-out over the STUDY folds at each checkpoint (number of optimiser steps), then — for the
checkpoint with the most quotes right in CV only — all the STUDY folds trained on and the CHECK totals (never a
quote of CHECK is printed). Counts are quotes with the right speaker, net against the rules.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from marsad.evaluation import quote_speakers as ev
from marsad.evaluation.quotes import Counts
from marsad.extract import quote_speakers as qs

CHECK = ("eval/gold/quotes_check6.jsonl", "eval/gold/quotes_check7.jsonl")


def docs(out: Path) -> None:
    rows = ev.read_folds([Path(p) for p in ev.DEFAULT_GOLD])
    held = ev.read_folds([Path(p) for p in CHECK])
    with out.open("wb") as fh:
        pickle.dump(ev.prepare_docs(rows + held), fh, protocol=pickle.HIGHEST_PROTOCOL)


def collect(docs_path: Path, out: Path, clause_subjects: bool | str, phrase: bool) -> None:
    with docs_path.open("rb") as fh:
        docs = pickle.load(fh)
    rows = ev.read_folds([Path(p) for p in ev.DEFAULT_GOLD])
    held = ev.read_folds([Path(p) for p in CHECK])
    t = time.process_time()
    study = ev.collect(rows, docs=docs, clause_subjects=clause_subjects, entity_window=True, phrase=phrase)
    t_study = time.process_time() - t
    check = ev.collect(held, docs=docs, clause_subjects=clause_subjects, entity_window=True, phrase=phrase)
    rec = ev.candidate_recall(study)
    print(f"STUDY {len(study)} articles, {len({a.split for a in study})} folds; {rec}; collect {t_study:.1f} s CPU")
    with out.open("wb") as fh:
        pickle.dump({"study": study, "check": check, "features": qs.FEATURES}, fh, protocol=pickle.HIGHEST_PROTOCOL)


def cv(arts_path: Path, specs: list[qs.FitSpec], checkpoints: tuple[int, ...], show_check: bool, zero: list[str] = (), shipped: Path | None = None) -> None:
    with arts_path.open("rb") as fh:
        data = pickle.load(fh)
    study, held = data["study"], data["check"]
    if zero:  # ablation: these features read 0 everywhere (as if the model did not have them)
        names = list(data["features"])
        if "ROUND8" in zero:
            zero = [*zero, *names[names.index("relay_source") + 1:]]
        cols = [names.index(f) for f in zero if f in names]
        for a in study + held:
            for case in a.cases:
                case.x[:, cols] = 0.0
        print(f"zeroed {len(cols)} features")
    splits = sorted({a.split for a in study})
    base = Counts()
    for s in splits:
        base.add(ev.score([a for a in study if a.split == s], None))
    base_check = ev.score(held, None)
    print(f"rules: CV {base.speaker_ok} right, named {base.named} at {base.named_precision:.3f}; CHECK {base_check.speaker_ok}")
    if shipped is not None:
        import json

        c = ev.score(held, qs.RankerModel.from_json(json.loads(shipped.read_text(encoding="utf-8"))))
        print(f"{shipped}: CHECK {c.speaker_ok - base_check.speaker_ok:+d} (named {c.named} at {c.named_precision:.3f})")
    for spec in specs:
        t = time.process_time()
        per = {c: Counts() for c in checkpoints}
        for s in splits:
            fitted = qs.fit_params(ev.training_cases([a for a in study if a.split != s]), spec, checkpoints)
            test = [a for a in study if a.split == s]
            for c in checkpoints:
                per[c].add(ev.score(test, ev._model(fitted[c], 0.0, "ranker")))
        best = max(checkpoints, key=lambda c: (per[c].speaker_ok, -c))
        line = "  ".join(f"{c}: {per[c].speaker_ok - base.speaker_ok:+d} ({per[c].named} {per[c].named_precision:.3f})" for c in checkpoints)
        out = f"units {spec.units}x{spec.ensemble} l2 {spec.l2} hidden_l2 {spec.hidden_l2} seed {spec.seed} | CV net by steps {line} | best {best}"
        if show_check:
            fitted = qs.fit_params(ev.training_cases(study), spec, (best,))[best]
            c = ev.score(held, ev._model(fitted, 0.0, "ranker"))
            p, r, _ = c.with_speaker
            out += f" | CHECK {c.speaker_ok - base_check.speaker_ok:+d} (P {p:.3f} R {r:.3f}, named {c.named} at {c.named_precision:.3f})"
        print(out + f" [{time.process_time() - t:.0f} s]", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("docs")
    d.add_argument("out", type=Path)
    c = sub.add_parser("collect")
    c.add_argument("docs", type=Path)
    c.add_argument("out", type=Path)
    c.add_argument("--clause-subjects", action="store_true")
    c.add_argument("--clause-prodrop-only", action="store_true")
    c.add_argument("--no-phrase", action="store_true")
    v = sub.add_parser("cv")
    v.add_argument("arts", type=Path)
    v.add_argument("--units", type=int, nargs="+", default=[0])
    v.add_argument("--l2", type=float, nargs="+", default=[1.0])
    v.add_argument("--hidden-l2", type=float, nargs="+", default=[1.0])
    v.add_argument("--seed", type=int, nargs="+", default=[1])
    v.add_argument("--lr", type=float, default=0.05)
    v.add_argument("--ensemble", type=int, default=1)
    v.add_argument("--linear-only", nargs="+", default=[])
    v.add_argument("--drop", nargs="+", default=[])
    v.add_argument("--shipped", type=Path, default=None, help="also score this model file on CHECK")
    v.add_argument("--checkpoints", type=int, nargs="+", default=[400])
    v.add_argument("--no-check", action="store_true")
    v.add_argument("--zero", nargs="+", default=[], help="features to zero (ROUND8: every round-8 feature)")
    a = ap.parse_args()
    if a.cmd == "docs":
        docs(a.out)
    elif a.cmd == "collect":
        clauses: bool | str = "prodrop" if a.clause_prodrop_only else bool(a.clause_subjects)
        collect(a.docs, a.out, clauses, not a.no_phrase)
    else:
        specs = [qs.FitSpec(l2=l2, units=u, hidden_l2=h, seed=s, lr=a.lr, ensemble=a.ensemble, linear_only=tuple(a.linear_only), drop=tuple(a.drop))
                 for u in a.units for l2 in a.l2 for h in (a.hidden_l2 if u else [1.0]) for s in (a.seed if u else [1])]
        cv(a.arts, specs, tuple(sorted(a.checkpoints)), not a.no_check, a.zero, a.shipped)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
