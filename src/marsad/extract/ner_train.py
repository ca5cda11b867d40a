"""Training the CRF entity tagger from the shared NER corpora (``marsad train ner``).

Reproducible: corpora are read in a fixed order, the word-cluster step uses fixed seeds and
L-BFGS training is deterministic. Only train splits are used for fitting; dev splits are for
reporting and tuning. The held-out test splits are not in the data directory at all.
"""

from __future__ import annotations

import itertools
import json
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from ..evaluation.ner import Scores, Sentence, read_conll, score
from ..text import tokenize
from .ner_clusters import build_clusters, news_texts, read_table, write_table
from .ner_features import Featurizer, document_features, with_document_features
from .ner_model import CLUSTER_FILE, LEXICON_FILE, META_FILE, MODEL_FILE, STAGE2_FILE, NerModel, read_lexicon, repair_bio

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
    """Scores on tokens as given and tokens/s of tagging (featurisation included).

    The file's sentences are taken as one running text (the corpora keep document order), so a
    two-stage model sees its usual context window.
    """
    t0 = time.perf_counter()
    preds = model.tag_given_tokens_document([s.tokens for s in sents])
    dt = time.perf_counter() - t0
    n = sum(len(s.tokens) for s in sents)
    return score((s.tags for s in sents), preds), n / dt if dt else 0.0


def auto_lexicon(model: NerModel, texts: Iterable[str], *, min_count: int = 3, log: Callable[[str], None] = print) -> dict[str, tuple[str, ...]]:
    """A name list learnt by tagging unlabelled news with a first model (self-training).

    For every word stem the tagger saw at least ``min_count`` times, the share of its
    occurrences inside each entity type becomes a feature (``lx=PER:hi`` at ≥ 50 %, ``lx=PER:lo``
    at ≥ 15 %), plus ``lx=none`` for words never tagged. The second model learns how far to
    trust this list; unlike a hand list it covers the names the news of the day is full of.
    """
    from ..text import sentences as split_sentences

    counts: dict[str, Counter] = {}
    n_tok = 0
    t0 = time.time()
    stem_of = model.featurizer._stem
    for text in texts:
        toks = tokenize(text)
        for sent in split_sentences(text, toks):
            words = [t.text for t in toks[sent.tok_start:sent.tok_end]]
            tags = model.tag(words)
            n_tok += len(words)
            for tok, tag in zip(toks[sent.tok_start:sent.tok_end], tags):
                if tok.kind != "word":
                    continue
                stem = stem_of(tok.norm)[1]
                counts.setdefault(stem, Counter())[tag[2:] if tag != "O" else "O"] += 1
    log(f"auto-lexicon: tagged {n_tok:,} tokens in {time.time() - t0:.0f} s")
    lex: dict[str, tuple[str, ...]] = {}
    for stem, c in counts.items():
        total = sum(c.values())
        if total < min_count:
            continue
        feats = []
        for typ, k in c.most_common():
            if typ == "O":
                continue
            share = k / total
            if share >= 0.5:
                feats.append(f"lx={typ}:hi")
            elif share >= 0.15:
                feats.append(f"lx={typ}:lo")
        if feats:
            lex[stem] = tuple(feats)
    log(f"auto-lexicon: {len(lex):,} stems with an entity reading")
    return lex


def write_lexicon(path: Path, lex: dict[str, tuple[str, ...]]) -> None:
    import gzip

    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for stem in sorted(lex):
            fh.write(stem + "\t" + "\t".join(lex[stem]) + "\n")


def train_crf(
    train: list[tuple[list[str], list[str]]], featurizer: Featurizer | None, model_path: Path, *,
    c1: float = 0.05, c2: float = 0.01, iterations: int = 200, log: Callable[[str], None] = print,
    features: Sequence[list[list[str]]] | None = None,
) -> None:
    """Fit one CRF; ``features`` (one list per sentence) replaces ``featurizer.sentence(words)``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for k, (words, tags) in enumerate(train):
        trainer.append(features[k] if features is not None else featurizer.sentence(words), tags)  # type: ignore[union-attr]
    trainer.set_params({
        "c1": c1, "c2": c2, "max_iterations": iterations,
        "feature.possible_transitions": True, "feature.minfreq": 1,
    })
    t0 = time.time()
    trainer.train(str(model_path))
    log(f"CRF trained in {time.time() - t0:.0f} s ({len(train)} sentences)")


def train_second_stage(
    parts: Sequence[list[tuple[list[str], list[str]]]], featurizer: Featurizer, out_dir: Path, *,
    folds: int = 4, window: int = 20, c1: float, c2: float, iterations: int, log: Callable[[str], None] = print,
) -> None:
    """The document-context CRF, trained on jackknifed first-stage tags.

    ``parts`` are the training corpora, each a list of sentences in document order. The first
    stage's tags for the training sentences come from ``folds`` models that did not see them
    (contiguous blocks, so a held-out block is mostly whole articles); tags from a model that
    had seen the sentence would be near-perfect, and the second stage would learn to trust
    them far more than it should on new text.
    """
    train = [s for part in parts for s in part]
    base = [featurizer.sentence(w) for w, _ in train]
    n = len(train)
    first: list[list[str]] = [[] for _ in range(n)]
    fold_path = out_dir / "fold.model.tmp"
    import pycrfsuite

    for k in range(folds):
        a, b = k * n // folds, (k + 1) * n // folds
        rest = [i for i in range(n) if not a <= i < b]
        train_crf([train[i] for i in rest], None, fold_path, c1=c1, c2=c2, iterations=iterations, log=log,
                  features=[base[i] for i in rest])
        tagger = pycrfsuite.Tagger()
        tagger.open(str(fold_path))
        for i in range(a, b):
            first[i] = repair_bio(tagger.tag(base[i]))
        tagger.close()
        log(f"stage 1, fold {k + 1}/{folds}: sentences {a}-{b} tagged")
    fold_path.unlink(missing_ok=True)
    second: list[list[list[str]]] = []
    pos = 0
    for part in parts:  # context windows never cross from one corpus into the next
        m = len(part)
        keys = [[featurizer.key(w) for w in words] for words, _ in part]
        doc = document_features(keys, first[pos:pos + m], window)
        second.extend(with_document_features(base[pos + i], doc[i]) for i in range(m))
        pos += m
    train_crf(train, None, out_dir / STAGE2_FILE, c1=c1, c2=c2, iterations=iterations, log=log, features=second)


def corpus_texts(data_dir: Path, names: Sequence[str]) -> Iterator[str]:
    """The train-split sentences as plain text, for the word clusters (their labels are not used)."""
    for name in names:
        for s in read_conll(data_dir / name / "train.txt"):
            yield " ".join(s.tokens)


def train_ner(
    data_dir: Path, out_dir: Path, *, news_paths: Sequence[Path] = (), clusters_from: Path | None = None,
    vocab_size: int = 60_000, cluster_train_text: bool = False, self_train_articles: int = 0, conjunctions: bool = False,
    include_dev: bool = False, two_stage: bool = True, folds: int = 4, context_window: int = 20,
    train_sets: Sequence[str] = DEFAULT_TRAIN, aqmar_misc: bool = True,
    c1: float = 0.1, c2: float = 0.05, iterations: int = 150, log: Callable[[str], None] = print,
) -> dict:
    """Build clusters (or reuse a table), train the CRF, score every dev split; returns the metadata."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cluster_path = out_dir / CLUSTER_FILE
    if clusters_from is not None:
        if clusters_from.resolve() != cluster_path.resolve():
            shutil.copyfile(clusters_from, cluster_path)
        log(f"word clusters reused from {clusters_from}")
    else:
        if not news_paths:
            raise ValueError("unlabelled news (news_paths) is needed to learn word clusters")
        texts = itertools.chain(*(news_texts(p) for p in news_paths), corpus_texts(data_dir, train_sets if cluster_train_text else ()))
        words, counts, table = build_clusters(texts, vocab_size=vocab_size, log=log)
        write_table(cluster_path, words, counts, table)
    clusters, freq = read_table(cluster_path)
    train: list[tuple[list[str], list[str]]] = []
    parts: list[list[tuple[list[str], list[str]]]] = []
    sizes = {}
    splits = ("train", "dev") if include_dev else ("train",)
    for name in train_sets:
        for split in splits:
            part = load_split(data_dir, name, split, misc=aqmar_misc or name != "aqmar")
            sizes[f"{name}/{split}"] = sum(len(w) for w, _ in part)
            train.extend(part)
            parts.append(part)
    log("training tokens: " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    lex_path = out_dir / LEXICON_FILE
    if lex_path.exists():
        lex_path.unlink()
    # The loader reads the feature switches from meta.json: write them before any NerModel.load.
    meta_path = out_dir / META_FILE
    meta_path.write_text(json.dumps({"conjunctions": conjunctions, "context_window": context_window}), encoding="utf-8")
    stage2_path = out_dir / STAGE2_FILE
    if stage2_path.exists():
        stage2_path.unlink()
    train_crf(train, Featurizer(clusters, freq, conjunctions=conjunctions), out_dir / MODEL_FILE, c1=c1, c2=c2, iterations=iterations, log=log)
    lexicon_info: dict = {}
    if self_train_articles > 0 and news_paths:
        # Second stage: tag unlabelled news with the first model, learn a name list from it,
        # and train again with that list as a feature.
        first = NerModel.load(out_dir)
        texts = itertools.islice(news_texts(news_paths[0]), self_train_articles)
        lex = auto_lexicon(first, texts, log=log)
        write_lexicon(lex_path, lex)
        lexicon_info = {"articles": self_train_articles, "source": news_paths[0].name, "stems": len(lex)}
        train_crf(train, Featurizer(clusters, freq, lex, conjunctions=conjunctions), out_dir / MODEL_FILE, c1=c1, c2=c2, iterations=iterations, log=log)
    if two_stage:
        featurizer = Featurizer(clusters, freq, read_lexicon(lex_path) if lex_path.exists() else None, conjunctions=conjunctions)
        train_second_stage(parts, featurizer, out_dir, folds=folds, window=context_window, c1=c1, c2=c2, iterations=iterations, log=log)
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
        "model": "two-stage linear-chain CRF (python-crfsuite, L-BFGS)" if two_stage else "linear-chain CRF (python-crfsuite, L-BFGS)",
        "train_sets": list(train_sets), "train_tokens": sizes, "aqmar_misc": aqmar_misc,
        "c1": c1, "c2": c2, "iterations": iterations, "clusters": len(clusters), "conjunctions": conjunctions,
        "two_stage": two_stage, "folds": folds if two_stage else 0, "context_window": context_window,
        "cluster_source": [p.name for p in news_paths] if clusters_from is None else str(clusters_from.name),
        "self_trained_lexicon": lexicon_info, "dev_in_training": include_dev,
        # With include_dev the dev scores below are on training data: not an estimate of accuracy.
        "dev": dev,
    }
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta
