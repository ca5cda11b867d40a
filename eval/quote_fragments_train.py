"""Train the quoted-fragment detector (src/marsad/extract/quote_fragments.py) from the quote gold.

Every pair of quotation marks in a gold article that no quote of the rules overlaps is a candidate; it is a
quotation when a gold quote that the rules did not find lies at least half inside it (so that a quote added
there would match that gold quote under the evaluation's criterion), and not one otherwise. Gold: every
eval/gold/quotes*.jsonl except check6 and check7 (never read) and blind9a2 (a second annotation of blind9's
first 40 articles); an article in two files counts once.

    python eval/quote_fragments_train.py collect /tmp/frag_cands.jsonl     # run the pipeline, dump candidates
    python eval/quote_fragments_train.py cv /tmp/frag_cands.jsonl          # grouped 5-fold CV: P/R per threshold
    python eval/quote_fragments_train.py fit /tmp/frag_cands.jsonl         # train on all, write the model file
    python eval/quote_fragments_train.py unlabelled /tmp/frag_read.txt     # the quotes it adds on 500 + 500 articles
                                                                           # in no gold file, for a human to read

The threshold written is the lowest one whose cross-validated precision (of the added quotes) is at least
``--precision`` (0.80 by default). Logistic regression, L2, Newton's method; features seen fewer than
``--min-count`` times are dropped.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
GOLD_EXCLUDE = ("quotes_check6.jsonl", "quotes_check7.jsonl", "quotes_blind9a2.jsonl")


def gold_rows(extra_exclude: tuple[str, ...] = ()) -> list[dict]:
    rows, seen = [], set()
    for f in sorted(glob.glob(str(ROOT / "eval" / "gold" / "quotes*.jsonl"))):
        name = Path(f).name
        if name in GOLD_EXCLUDE or name in extra_exclude:
            continue
        for line in open(f, encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                if row["id"] not in seen:
                    seen.add(row["id"])
                    row["file"] = name
                    rows.append(row)
    return rows


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def collect(out: Path) -> None:
    from marsad.evaluation.metrics import load_news_articles, news_raw_article
    from marsad.evaluation.quotes import speakers_agree
    from marsad.extract import quote_fragments
    from marsad.pipeline import Pipeline

    rows = gold_rows()
    arts = load_news_articles(r["id"] for r in rows)
    got: list = []

    def grab(r, quotes, model=None):  # the hook, recording instead of adding
        cands = quote_fragments.candidates(r)
        got.append([(c, r.toks[c.s].start, r.toks[c.e - 1].end, quote_fragments.speaker_for(r, c, quotes)) for c in cands])
        return 0

    quote_fragments.apply = grab
    pipe = Pipeline.default()
    n_pos = 0
    with out.open("w", encoding="utf-8") as fh:
        for i, row in enumerate(rows):
            got.clear()
            doc = pipe(news_raw_article(arts[row["id"]]))
            gold = row["quotes"]
            preds = [(q.start, q.end) for q in doc.quotes]
            found = [any(_overlap(g["start"], g["end"], a, b) * 2 >= g["end"] - g["start"] for a, b in preds) for g in gold]
            for c, a, b, sp in (got[0] if got else []):
                label, spk_ok, gdirect = 0, 0, None
                for g, f in zip(gold, found):
                    if not f and _overlap(g["start"], g["end"], a, b) * 2 >= g["end"] - g["start"]:
                        label = 1
                        spk_ok = int(speakers_agree(g.get("speaker"), sp.name if sp else None))
                        gdirect = g["direct"]
                        break
                n_pos += label
                fh.write(json.dumps({"id": row["id"], "file": row["file"], "start": a, "end": b, "label": label,
                                     "speaker": sp.name if sp else None, "speaker_ok": spk_ok, "gold_direct": gdirect,
                                     "features": c.features}, ensure_ascii=False) + "\n")
            if i % 200 == 0:
                print(i, "articles", n_pos, "positives so far", file=sys.stderr)
    print(f"{len(rows)} articles; candidates written to {out}; positives {n_pos}", file=sys.stderr)


def unlabelled(out: Path, seed: int, per_corpus: int) -> None:
    """Every quote the shipped detector adds on ``per_corpus`` articles of each corpus in no quotes gold file
    (fixed seed), with its speaker, cue and the text before it (this prints no score: a human reads it)."""
    from marsad.evaluation.metrics import draw_articles, load_news_articles, news_raw_article
    from marsad.extract import quote_fragments
    from marsad.pipeline import Pipeline

    ids: set[str] = set()
    for p in (ROOT / "eval" / "gold").glob("quotes*.jsonl"):
        ids.update(json.loads(line)["id"] for line in open(p, encoding="utf-8") if line.strip())
    draw = draw_articles(seed, per_corpus, exclude=ids, max_chars=4000)
    arts = load_news_articles(draw)
    added: list = []
    real = quote_fragments.apply

    def watch(r, quotes, model=None):
        n = len(quotes)
        got = real(r, quotes, model)
        added.extend(quotes[n:])
        return got

    quote_fragments.apply = watch
    pipe = Pipeline.default()
    lines = []
    for aid in draw:
        added.clear()
        doc = pipe(news_raw_article(arts[aid]))
        for q in added:
            lines.append(f"{aid}\t{q.speaker}\t{q.cue}\t…{doc.text[max(0, q.start - 160):q.start]}[[{q.text}]]"
                         f"{doc.text[q.end:q.end + 40]}…".replace("\n", " ⏎ "))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(draw)} articles, {len(lines)} quotes added; written to {out}", file=sys.stderr)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def vocab(rows: list[dict], min_count: int) -> list[str]:
    counts: dict[str, int] = {}
    for r in rows:
        for k in r["features"]:
            counts[k] = counts.get(k, 0) + 1
    return sorted(k for k, c in counts.items() if c >= min_count)


def matrix(rows: list[dict], names: list[str]) -> np.ndarray:
    idx = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    for r_i, r in enumerate(rows):
        for k, v in r["features"].items():
            i = idx.get(k)
            if i is not None:
                X[r_i, i] = v
    return X


def fit_lr(X: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression (bias unpenalised), Newton's method from zero."""
    n, d = X.shape
    Xb = np.hstack([X, np.ones((n, 1))])
    w = np.zeros(d + 1)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-(Xb @ w)))
        g = Xb.T @ (p - y) + reg * w
        H = (Xb * (p * (1 - p))[:, None]).T @ Xb + np.diag(reg + 1e-6)
        step = np.linalg.solve(H, g)
        w -= step
        if np.max(np.abs(step)) < 1e-6:
            break
    return w[:-1], float(w[-1])


def folds(rows: list[dict], k: int) -> np.ndarray:
    """Fold of each row, by article (all marks of an article in one fold), deterministic."""
    import hashlib

    return np.array([int(hashlib.sha1(r["id"].encode()).hexdigest(), 16) % k for r in rows])


def cv_scores(rows: list[dict], min_count: int, l2: float, k: int = 5) -> np.ndarray:
    fold = folds(rows, k)
    y = np.array([r["label"] for r in rows], dtype=float)
    out = np.zeros(len(rows))
    for f in range(k):
        tr = [r for r, g in zip(rows, fold) if g != f]
        names = vocab(tr, min_count)
        w, b = fit_lr(matrix(tr, names), y[fold != f], l2)
        te = [r for r, g in zip(rows, fold) if g == f]
        out[fold == f] = 1.0 / (1.0 + np.exp(-(matrix(te, names) @ w + b)))
    return out


def table(rows: list[dict], s: np.ndarray, thresholds=(0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)) -> list[dict]:
    y = np.array([r["label"] for r in rows])
    spk = np.array([r["speaker_ok"] for r in rows])
    out = []
    for t in thresholds:
        sel = s >= t
        tp = int((sel & (y == 1)).sum())
        fp = int((sel & (y == 0)).sum())
        out.append({"threshold": t, "added": int(sel.sum()), "tp": tp, "fp": fp, "speaker_ok": int((sel & (spk == 1)).sum()),
                    "precision": round(tp / max(1, tp + fp), 3), "recall": round(tp / max(1, int(y.sum())), 3)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=("collect", "cv", "fit", "unlabelled"))
    ap.add_argument("cands", type=Path)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--precision", type=float, default=0.80)
    ap.add_argument("--seed", type=int, default=707)
    ap.add_argument("--per-corpus", type=int, default=500)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "marsad" / "models" / "quotes" / "fragment_detector.json")
    a = ap.parse_args()
    if a.step == "collect":
        collect(a.cands)
        return
    if a.step == "unlabelled":
        unlabelled(a.cands, a.seed, a.per_corpus)
        return
    rows = load(a.cands)
    y = np.array([r["label"] for r in rows])
    print(f"{len(rows)} candidate mark pairs in {len({r['id'] for r in rows})} articles; {int(y.sum())} quotations")
    s = cv_scores(rows, a.min_count, a.l2)
    tab = table(rows, s)
    for t in tab:
        print(t)
    chosen = next((t for t in tab if t["precision"] >= a.precision and t["added"] >= 10), tab[-1])
    print("chosen", chosen)
    if a.step == "cv":
        return
    names = vocab(rows, a.min_count)
    w, b = fit_lr(matrix(rows, names), y.astype(float), a.l2)
    files = sorted({r["file"] for r in rows})
    model = {
        "kind": "logistic regression over marked spans (quote_fragments.py)",
        "trained": {
            "command": f"python eval/quote_fragments_train.py collect {a.cands} && python eval/quote_fragments_train.py fit "
                       f"{a.cands} --min-count {a.min_count} --l2 {a.l2} --precision {a.precision}",
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "data": f"every mark pair the rules left in {len({r['id'] for r in rows})} gold articles of {', '.join(files)} "
                    f"(not check6/check7, never read; not blind9a2, a second annotation): {len(rows)} pairs, "
                    f"{int(y.sum())} quotations",
            "cv": {"folds": 5, "by": "article", "threshold_rule": f"lowest with CV precision >= {a.precision}",
                   "chosen": chosen, "table": tab},
        },
        "threshold": chosen["threshold"],
        "bias": round(b, 5),
        "features": names,
        "weights": [round(float(x), 5) for x in w],
    }
    a.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print("wrote", a.out, len(names), "features")


if __name__ == "__main__":
    main()
