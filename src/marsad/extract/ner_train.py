"""Training the CRF entity tagger from the shared NER corpora (``marsad train ner``).

Reproducible: corpora are read in a fixed order, the word-cluster step uses fixed seeds and
L-BFGS training is deterministic. Only train splits are used for fitting; dev splits are for
reporting and tuning. The held-out test splits are not in the data directory at all.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ..evaluation.ner import Scores, Sentence, read_conll, score
from ..text import tokenize
from .ner_clusters import build_clusters, news_texts, read_table, write_table
from .ner_features import Featurizer
from .ner_model import CLUSTER_FILE, META_FILE, MODEL_FILE, NerModel, repair_bio

#: Training sets (directory under ner/, split file) in the order they are read.
DEFAULT_TRAIN = ("anercorp", "wojood_sample", "aqmar")
DEV_SETS = ("anercorp", "aqmar", "wojood_sample", "newsfane_gold")


def retokenize(tokens: Sequence[str], tags: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split corpus tokens the way the pipeline does and carry the BIO tags over.

    Punctuation split off an entity token (``(د``, ``أ)``) becomes ``O`` unless it sits between
    two word pieces of the same token; the first word piece of a ``B-`` token keeps the ``B-``.
    """
    words: list[str] = []
    out: list[str] = []
    for tok, tag in zip(tokens, tags):
        pieces = tokenize(tok) or []
        if not pieces:
            continue
        kinds = [p.kind for p in pieces]
        content = [i for i, k in enumerate(kinds) if k != "punct"]
        first, last = (content[0], content[-1]) if content else (0, len(pieces) - 1)
        typ = tag[2:]
        for i, p in enumerate(pieces):
            words.append(p.text)
            if tag == "O" or i < first or i > last:
                out.append("O")
            elif i == first:
                out.append(tag)
            else:
                out.append("I-" + typ)
    return words, repair_bio(out)


def load_split(data_dir: Path, name: str, split: str, *, misc: bool = True) -> list[tuple[list[str], list[str]]]:
    """One corpus split, re-tokenised; ``misc=False`` maps MISC to O."""
    sents = read_conll(data_dir / name / f"{split}.txt")
    out = []
    for s in sents:
        tags = s.tags if misc else [("O" if t.endswith("-MISC") else t) for t in s.tags]
        w, t = retokenize(s.tokens, tags)
        if w:
            out.append((w, t))
    return out


def evaluate_dev(model: NerModel, sents: list[Sentence]) -> tuple[Scores, float]:
    """Scores on tokens as given and tokens/s of tagging (featurisation included)."""
    t0 = time.perf_counter()
    preds = [model.tag_given_tokens(s.tokens) for s in sents]
    dt = time.perf_counter() - t0
    n = sum(len(s.tokens) for s in sents)
    return score((s.tags for s in sents), preds), n / dt if dt else 0.0


def train_crf(
    train: list[tuple[list[str], list[str]]], featurizer: Featurizer, model_path: Path, *,
    c1: float = 0.05, c2: float = 0.01, iterations: int = 200, log: Callable[[str], None] = print,
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in train:
        trainer.append(featurizer.sentence(words), tags)
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": iterations,
        "feature.possible_transitions": True, "feature.minfreq": 1,
    })
    t0 = time.time()
    trainer.train(str(model_path))
    log(f"CRF trained in {time.time() - t0:.0f} s ({len(train)} sentences)")


def train_ner(
    data_dir: Path, out_dir: Path, *, news_path: Path | None = None, clusters_from: Path | None = None,
    train_sets: Sequence[str] = DEFAULT_TRAIN, aqmar_misc: bool = True,
    c1: float = 0.05, c2: float = 0.01, iterations: int = 200, log: Callable[[str], None] = print,
) -> dict:
    """Build clusters (or reuse a table), train the CRF, score every dev split; returns the metadata."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cluster_path = out_dir / CLUSTER_FILE
    if clusters_from is not None:
        if clusters_from.resolve() != cluster_path.resolve():
            shutil.copyfile(clusters_from, cluster_path)
        log(f"word clusters reused from {clusters_from}")
    else:
        if news_path is None:
            raise ValueError("news_path is needed to learn word clusters")
        words, counts, table = build_clusters(news_texts(news_path), log=log)
        write_table(cluster_path, words, counts, table)
    clusters, freq = read_table(cluster_path)
    featurizer = Featurizer(clusters, freq)
    train: list[tuple[list[str], list[str]]] = []
    sizes = {}
    for name in train_sets:
        part = load_split(data_dir, name, "train", misc=aqmar_misc or name != "aqmar")
        sizes[name] = sum(len(w) for w, _ in part)
        train.extend(part)
    log("training tokens: " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    train_crf(train, featurizer, out_dir / MODEL_FILE, c1=c1, c2=c2, iterations=iterations, log=log)
    model = NerModel.load(out_dir)
    dev: dict[str, dict] = {}
    for name in DEV_SETS:
        path = data_dir / name / "dev.txt"
        if not path.is_file():
            continue
        scores, tps = evaluate_dev(model, read_conll(path))
        dev[name] = {"scores": scores.table(), "tokens_per_s": round(tps)}
        log(f"dev {name}: micro F1 {scores.f1 * 100:.2f}  ({tps:,.0f} tokens/s)")
    meta = {
        "model": "linear-chain CRF (python-crfsuite, L-BFGS)",
        "train_sets": list(train_sets), "train_tokens": sizes, "aqmar_misc": aqmar_misc,
        "c1": c1, "c2": c2, "iterations": iterations, "clusters": len(clusters), "dev": dev,
    }
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta
