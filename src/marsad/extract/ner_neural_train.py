"""Training the neural entity tagger (``marsad train ner-neural``): word vectors, BiLSTM-CRF, ONNX.

Training-time code: it needs torch, gensim and onnx (the ``train`` extra). Tagging needs only
onnxruntime and numpy (:mod:`marsad.extract.ner_neural`). Steps:

1. word2vec vectors from unlabelled news (never from NER data), on the same normalised forms the
   tagger looks up; a capped vocabulary with its counts and word-cluster ids;
2. a BiLSTM-CRF over frozen word vectors plus small trained embeddings of cheap features
   (clusters, trigger class, affixes, shape), trained on the NER train splits with early
   stopping on the ANERcorp + AQMAR dev F1 (dev splits are never fitted unless ``include_dev``);
3. the encoder exported to ONNX; CRF transitions, vocabulary and settings go beside it.

Seeds are fixed; with the same data and thread count the run is repeatable.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

from ..text import tokenize
from .ner_clusters import news_texts
from .ner_neural import word_key

Log = Callable[[str], None]


def news_sentences(paths: Sequence[Path], limit: int | None = None) -> Iterator[list[str]]:
    """Lookup keys (normalised words, ``<num>``, punctuation) of each paragraph of unlabelled news."""
    for path in paths:
        for text in news_texts(path, limit):
            for para in text.split("\n"):
                toks = [word_key(t.text) for t in tokenize(para)]
                if len(toks) > 1:
                    yield toks


def write_token_file(paths: Sequence[Path], out: Path, log: Log = print) -> int:
    """One paragraph per line, keys separated by spaces (gensim's LineSentence format)."""
    n = 0
    t0 = time.time()
    with open(out, "w", encoding="utf-8") as fh:
        for toks in news_sentences(paths):
            fh.write(" ".join(toks) + "\n")
            n += len(toks)
    log(f"news tokens: {n:,} in {time.time() - t0:.0f} s")
    return n


def train_vectors(token_file: Path, *, dims: int = 100, min_count: int = 3, epochs: int = 5, workers: int = 2, seed: int = 7, log: Log = print):
    """Skip-gram word2vec over the token file (gensim)."""
    from gensim.models import Word2Vec
    from gensim.models.word2vec import LineSentence

    t0 = time.time()
    model = Word2Vec(
        LineSentence(str(token_file)), vector_size=dims, window=5, min_count=min_count, sg=1, negative=5,
        epochs=epochs, workers=workers, seed=seed,
    )
    log(f"word2vec: {len(model.wv):,} words x {dims} in {time.time() - t0:.0f} s")
    return model


# --- vocabulary -------------------------------------------------------------------------------

def build_vocab(wv, cluster_table: Path, *, max_words: int = 60_000, affix_top: int = 1_500) -> dict:
    """The capped word table: words (most frequent first), counts, fp16 vectors, cluster ids, affix lists."""
    from .ner_clusters import read_table

    words = list(wv.index_to_key[:max_words])
    counts = np.array([wv.get_vecattr(w, "count") for w in words], dtype=np.int64)
    dims = wv.vector_size
    vectors = np.zeros((len(words) + 2, dims), dtype=np.float16)
    vectors[2:] = wv.vectors[: len(words)].astype(np.float16)
    table, _ = read_table(cluster_table)
    clusters = np.zeros((len(words), 4), dtype=np.int16)
    for i, w in enumerate(words):
        c = table.get(w)
        if c:
            clusters[i] = [int(x) + 1 for x in c[:4]]
    affixes: dict[str, list[str]] = {}
    for name, cut in (("p2", lambda s: s[:2]), ("p3", lambda s: s[:3]), ("s2", lambda s: s[-2:]), ("s3", lambda s: s[-3:])):
        tally: dict[str, int] = {}
        for w, n in zip(words, counts):
            if len(w) > 3 and w.isalpha():
                a = cut(w)
                tally[a] = tally.get(a, 0) + int(n)
        affixes[name] = sorted(tally, key=lambda a: -tally[a])[:affix_top]
    chars: dict[str, int] = {}
    for w, n in zip(words, counts):
        for ch in w:
            chars[ch] = chars.get(ch, 0) + int(n)
    alphabet = "".join(sorted((c for c in chars if chars[c] >= 1000), key=lambda c: -chars[c]))
    return {"words": words, "counts": counts, "vectors": vectors, "clusters": clusters, "affixes": affixes, "alphabet": alphabet}


# --- model ------------------------------------------------------------------------------------

#: Embedding size of each id column after the two word columns (c32 … s3).
EMB_DIMS = {"c32": 8, "c128": 16, "c512": 16, "c2048": 24, "trig": 8, "shape": 4, "plen": 4, "freq": 4, "p2": 12, "p3": 16, "s2": 12, "s3": 16}


def make_encoder(vocab: dict, *, hidden: int = 128, proj: int = 192, dropout: float = 0.5, emb_scale: float = 1.0, char_filters: int = 0):
    import torch
    from torch import nn

    from .ner_neural import ID_COLUMNS, SHAPES, TAGS, TRIGGERS, WORD_COLUMNS

    sizes = {"c32": 33, "c128": 129, "c512": 513, "c2048": 2049, "trig": len(TRIGGERS), "shape": len(SHAPES), "plen": 5, "freq": 5}
    for k in ("p2", "p3", "s2", "s3"):
        sizes[k] = len(vocab["affixes"][k]) + 1
    cols = ID_COLUMNS[WORD_COLUMNS:]
    dims = vocab["vectors"].shape[1]

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embs = nn.ModuleList([nn.Embedding(sizes[c], int(EMB_DIMS[c] * emb_scale)) for c in cols])
            n_in = WORD_COLUMNS * dims + sum(int(EMB_DIMS[c] * emb_scale) for c in cols) + char_filters
            if char_filters:
                self.cemb = nn.Embedding(len(vocab["alphabet"]) + 2, 16, padding_idx=0)
                self.conv = nn.Conv1d(16, char_filters, 3, padding=1)
            self.drop = nn.Dropout(dropout)
            self.proj = nn.Linear(n_in, proj)
            self.fwd = nn.LSTM(proj, hidden, batch_first=True)
            self.bwd = nn.LSTM(proj, hidden, batch_first=True)
            self.out = nn.Linear(2 * hidden, len(TAGS))

        def states(self, vectors, ids, rev, chars=None):
            """The two LSTMs' states at each word (forward: words up to it; backward: from it on)."""
            parts = [vectors] + [e(ids[:, :, i]) for i, e in enumerate(self.embs)]
            if chars is not None:
                B, T, L = chars.shape
                c = self.cemb(chars.reshape(B * T, L)).transpose(1, 2)
                parts.append(torch.relu(self.conv(c)).max(2).values.reshape(B, T, -1))
            x = torch.tanh(self.proj(self.drop(torch.cat(parts, -1))))
            idx = rev.unsqueeze(-1).expand(-1, -1, x.shape[-1])
            hf, _ = self.fwd(x)
            hb, _ = self.bwd(torch.gather(x, 1, idx))
            hb = torch.gather(hb, 1, rev.unsqueeze(-1).expand(-1, -1, hb.shape[-1]))
            return hf, hb

        def forward(self, vectors, ids, rev, chars=None):
            hf, hb = self.states(vectors, ids, rev, chars)
            return self.out(self.drop(torch.cat([hf, hb], -1)))

    return Encoder()


class CrfLoss:
    """Linear-chain CRF negative log-likelihood over padded batches (torch)."""

    def __init__(self, n_tags: int) -> None:
        import torch

        self.trans = torch.zeros(n_tags, n_tags, requires_grad=True)
        self.start = torch.zeros(n_tags, requires_grad=True)
        self.end = torch.zeros(n_tags, requires_grad=True)

    def params(self):
        return [self.trans, self.start, self.end]

    def __call__(self, scores, tags, mask, weights=None):
        """Summed negative log-likelihood; ``weights`` (one per sentence) scales each sentence's share."""
        import torch

        B, T, K = scores.shape
        maskf = mask.float()
        # gold path score
        emit = scores.gather(2, tags.unsqueeze(2)).squeeze(2)
        s = self.start[tags[:, 0]] + (emit * maskf).sum(1) + (self.trans[tags[:, :-1], tags[:, 1:]] * maskf[:, 1:]).sum(1)
        lens = mask.sum(1)
        last = tags.gather(1, (lens - 1).unsqueeze(1)).squeeze(1)
        s = s + self.end[last]
        # partition function
        alpha = self.start + scores[:, 0]
        for t in range(1, T):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), 1) + scores[:, t]
            m = mask[:, t].unsqueeze(1)
            alpha = torch.where(m, nxt, alpha)
        logz = torch.logsumexp(alpha + self.end, 1)
        nll = logz - s
        return (nll * weights).sum() if weights is not None else nll.sum()


# --- evaluation on tokens as a corpus gives them -----------------------------------------------

class _Recorder:
    """Stands in for a tagger to collect the piece sequences ``NerModel.tag_given_tokens`` asks for."""

    def __init__(self, answers: dict[tuple[str, ...], list[str]] | None = None) -> None:
        self.asked: list[tuple[str, ...]] = []
        self.answers = answers

    def tag(self, words):
        key = tuple(words)
        if self.answers is None:
            self.asked.append(key)
            return ["O"] * len(words)
        return self.answers[key]


def tag_corpus(tag_batch: Callable[[list[list[str]]], list[list[str]]], sentences: Sequence[Sequence[str]], batch_size: int = 64) -> list[list[str]]:
    """Tags for corpus sentences as given, through the same piece mapping as ``NerModel.tag_given_tokens``."""
    from .ner_model import NerModel

    rec = _Recorder()
    for s in sentences:
        NerModel.tag_given_tokens(rec, s)  # type: ignore[arg-type]
    uniq = sorted({k for k in rec.asked if k}, key=len)
    answers: dict[tuple[str, ...], list[str]] = {(): []}
    for i in range(0, len(uniq), batch_size):
        chunk = uniq[i:i + batch_size]
        for k, tags in zip(chunk, tag_batch([list(k) for k in chunk])):
            answers[k] = tags
    rec = _Recorder(answers)
    return [NerModel.tag_given_tokens(rec, s) for s in sentences]  # type: ignore[arg-type]


# --- silver labels: a teacher tags unlabelled news (self-training / distillation) ---------------

#: Word n-gram length for the overlap check between news and the NER corpora.
OVERLAP_N = 8


def _ngrams(words: Sequence[str], n: int = OVERLAP_N) -> Iterator[int]:
    keys = [word_key(w) for w in words]
    for i in range(len(keys) - n + 1):
        yield hash(tuple(keys[i:i + n]))


def corpus_ngrams(data_dir: Path, n: int = OVERLAP_N) -> set[int]:
    """Hashes of the word n-grams of every NER file at hand (all corpora, train and dev)."""
    from ..evaluation.ner import read_conll

    out: set[int] = set()
    for path in sorted(data_dir.glob("*/*.txt")):
        if path.name in ("train.txt", "dev.txt"):
            for s in read_conll(path):
                out.update(_ngrams([p.text for t in s.tokens for p in tokenize(t)], n))
    return out


def news_articles(path: Path) -> Iterator[tuple[str, str]]:
    """(id, title + body) of each article of a JSONL(.gz) news file; malformed lines are skipped."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                yield str(obj.get("id") or f"line-{i}"), f"{obj.get('title') or ''}\n{obj.get('text') or ''}"


def clean_news_sentences(news_path: Path, data_dir: Path | None = None, skip_articles: int = 300, stats: dict | None = None) -> Iterator[tuple[str, list[list[str]]]]:
    """(id, sentences as token texts) of each unlabelled news article that may be trained on.

    The first ``skip_articles`` articles are left out (the speed benchmarks tag them), and so is any
    article sharing an ``OVERLAP_N``-word sequence with a NER corpus in ``data_dir`` (train or dev),
    which keeps copies of the NER text (the README's contamination list) out. ``stats`` (if given)
    counts ``skipped_first`` and ``left_out_overlapping``.
    """
    from ..text import sentences as split_sentences

    seen = corpus_ngrams(data_dir) if data_dir is not None else set()
    stats = stats if stats is not None else {}
    stats.setdefault("skipped_first", 0)
    stats.setdefault("left_out_overlapping", 0)
    for k, (art_id, text) in enumerate(news_articles(news_path)):
        if k < skip_articles:
            stats["skipped_first"] += 1
            continue
        toks = tokenize(text)
        sents = [[t.text for t in toks[s.tok_start:s.tok_end]] for s in split_sentences(text, toks)]
        sents = [s for s in sents if s]
        if seen and any(h in seen for s in sents for h in _ngrams(s)):
            stats["left_out_overlapping"] += 1
            continue
        yield art_id, sents


def write_silver(
    teacher, news_path: Path, out: Path, *, max_tokens: int, skip_articles: int = 300, data_dir: Path | None = None,
    min_len: int = 3, max_len: int = 100, log: Log = print,
) -> dict:
    """Tag unlabelled news article by article with ``teacher`` (its ``tag_document``) and write the tags.

    Output: gzip JSONL, one article per line: ``{"id", "sentences": [[words, tags], ...]}``, sentences
    of ``min_len``..``max_len`` tokens as the pipeline splits them, until ``max_tokens`` are written.
    Articles are those of :func:`clean_news_sentences` (first ``skip_articles`` and any overlapping a
    NER corpus in ``data_dir`` left out).
    """
    t0, cpu0 = time.time(), time.process_time()
    n_tok = n_art = 0
    stats: dict = {}
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for art_id, sents in clean_news_sentences(news_path, data_dir, skip_articles, stats):
            tags = teacher.tag_document(sents)
            keep = [[w, t] for w, t in zip(sents, tags) if min_len <= len(w) <= max_len]
            if not keep:
                continue
            fh.write(json.dumps({"id": art_id, "sentences": keep}, ensure_ascii=False) + "\n")
            n_art += 1
            n_tok += sum(len(w) for w, _ in keep)
            if n_tok >= max_tokens:
                break
    info = {"source": f"{news_path.parent.name}/{news_path.name}", "articles": n_art, "tokens": n_tok, **stats,
            "sentence_lengths": [min_len, max_len], "cpu_seconds": round(time.process_time() - cpu0, 1)}
    log(f"silver: {n_tok:,} tokens from {n_art:,} articles ({stats['left_out_overlapping']} overlapping a NER corpus left out) in {time.time() - t0:.0f} s")
    return info


def read_silver(path: Path, max_tokens: int | None = None) -> list[tuple[list[str], list[str]]]:
    """Sentences of a silver file (:func:`write_silver`), whole articles, up to ``max_tokens`` tokens."""
    from .ner_neural import TAGS

    out: list[tuple[list[str], list[str]]] = []
    n = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if max_tokens is not None and n >= max_tokens:
                break
            for words, tags in json.loads(line)["sentences"]:
                if len(words) != len(tags) or any(t not in TAGS for t in tags):
                    raise ValueError(f"{path}: malformed silver sentence")
                out.append((list(words), list(tags)))
                n += len(words)
    return out


# --- training ---------------------------------------------------------------------------------

class SilverSchedule:
    """Which sentences each epoch trains on: gold ``0..n_gold-1``, silver ``n_gold..``.

    Each epoch takes the next ``per_epoch`` tokens of silver (whole sentences, cycling through
    the list; 0 = all of it, negative = none); epochs ``1..silver_first`` take silver alone.
    """

    def __init__(self, n_gold: int, silver_sizes: Sequence[int], per_epoch: int = 0, silver_first: int = 0) -> None:
        self.n_gold = n_gold
        self.sizes = list(silver_sizes)
        self.per_epoch = per_epoch
        self.silver_first = silver_first
        self.cursor = 0

    def silver_only(self, epoch: int) -> bool:
        return epoch <= self.silver_first and bool(self.sizes)

    def next_silver(self) -> list[int]:
        if not self.sizes or self.per_epoch < 0:
            return []
        if self.per_epoch == 0:
            return list(range(self.n_gold, self.n_gold + len(self.sizes)))
        out, got = [], 0
        while got < self.per_epoch and len(out) < len(self.sizes):
            out.append(self.n_gold + self.cursor)
            got += self.sizes[self.cursor]
            self.cursor = (self.cursor + 1) % len(self.sizes)
        return out

    def members(self, epoch: int) -> list[int]:
        """Indices for ``epoch`` (call once per epoch, in order: the silver cursor moves on)."""
        if self.silver_only(epoch):
            return self.next_silver() or list(range(self.n_gold, self.n_gold + len(self.sizes)))
        return list(range(self.n_gold)) + self.next_silver()


def make_optimizer(enc, crf, lr: float, init_state: dict | None = None, init_lr_scale: float = 1.0):
    """Adam over the encoder and CRF; weights taken from ``init_state`` learn at ``lr * init_lr_scale``."""
    import torch

    if init_state is None or init_lr_scale == 1.0:
        return torch.optim.Adam(list(enc.parameters()) + crf.params(), lr=lr)
    # Weights that come from pre-training move more slowly than the new tag layer and CRF.
    pre = [q for n, q in enc.named_parameters() if n in init_state]
    new = [q for n, q in enc.named_parameters() if n not in init_state] + crf.params()
    return torch.optim.Adam([{"params": pre, "lr": lr * init_lr_scale}, {"params": new, "lr": lr}], lr=lr)


def train_neural(
    data_dir: Path, out_dir: Path, vocab: dict, *, train_sets: Sequence[str] = ("anercorp", "wojood_sample", "aqmar"),
    include_dev: bool = False, epochs: int = 20, patience: int = 4, batch_size: int = 32, lr: float = 2e-3,
    hidden: int = 128, proj: int = 192, dropout: float = 0.5, word_dropout: float = 0.05, seed: int = 1, char_filters: int = 0,
    threads: int = 2, select_on: Sequence[str] = ("anercorp", "aqmar"), init_state: dict | None = None, init_lr_scale: float = 1.0,
    silver: Sequence[tuple[list[str], list[str]]] = (), silver_per_epoch: int = 0, silver_weight: float = 1.0,
    silver_first: int = 0, log: Log = print,
) -> dict:
    """Fit the BiLSTM-CRF, keep the epoch with the best mean dev F1 over ``select_on``, export to ONNX.

    ``silver``: teacher-tagged sentences (:func:`read_silver`) trained on beside the gold ones.
    Each epoch takes the next ``silver_per_epoch`` tokens of them (0: all), cycling through the
    list, with their loss scaled by ``silver_weight``. The first ``silver_first`` epochs train on
    silver alone (pre-training); the others mix silver and gold (or gold alone when
    ``silver_per_epoch`` is negative).
    """
    import random

    import torch

    from ..evaluation.ner import read_conll, score
    from .ner_neural import TAGS, WORD_COLUMNS, NeuralFeaturizer, model_inputs, viterbi
    from .ner_train import DEV_SETS, load_split

    torch.manual_seed(seed)
    random.seed(seed)
    torch.set_num_threads(threads)
    out_dir.mkdir(parents=True, exist_ok=True)
    alphabet = vocab.get("alphabet", "") if char_filters else ""
    feat = NeuralFeaturizer(vocab["words"], vocab["counts"], vocab["clusters"], vocab["affixes"], alphabet)
    vectors = vocab["vectors"]
    tag_ix = {t: i for i, t in enumerate(TAGS)}
    train: list[tuple[list[str], list[str]]] = []
    sizes = {}
    for name in train_sets:
        for split in ("train", "dev") if include_dev else ("train",):
            part = load_split(data_dir, name, split)
            sizes[f"{name}/{split}"] = sum(len(w) for w, _ in part)
            train.extend(part)
    log("training tokens: " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    dev = {n: read_conll(data_dir / n / "dev.txt") for n in DEV_SETS if (data_dir / n / "dev.txt").is_file()}

    enc = make_encoder(vocab, hidden=hidden, proj=proj, dropout=dropout, char_filters=char_filters)
    if init_state is not None:
        enc.load_state_dict(init_state, strict=False)
    crf = CrfLoss(len(TAGS))
    opt = make_optimizer(enc, crf, lr, init_state, init_lr_scale)

    def batch_tensors(batch):
        inp = model_inputs(feat, vectors, [w for w, _ in batch])
        ids = torch.from_numpy(inp["ids"])
        vec = torch.from_numpy(inp["vectors"])
        T = ids.shape[1]
        tags = torch.zeros(len(batch), T, dtype=torch.long)
        mask = torch.zeros(len(batch), T, dtype=torch.bool)
        for b, (_, t) in enumerate(batch):
            tags[b, : len(t)] = torch.tensor([tag_ix[x] for x in t])
            mask[b, : len(t)] = True
        chars = torch.from_numpy(inp["chars"]) if "chars" in inp else None
        return vec, ids, torch.from_numpy(inp["rev"]), chars, tags, mask

    def tag_batch(sents):
        with torch.no_grad():
            inp = model_inputs(feat, vectors, sents)
            sc = enc(*(torch.from_numpy(inp[k]) for k in ("vectors", "ids", "rev", "chars") if k in inp)).numpy().astype(np.float64)
        tr, st, en = (x.detach().numpy().astype(np.float64) for x in crf.params())
        return [[TAGS[i] for i in viterbi(sc[b, : len(s)], tr, st, en)] for b, s in enumerate(sents)]

    def evaluate() -> dict[str, float]:
        enc.eval()
        out = {}
        for name, sents in dev.items():
            preds = tag_corpus(tag_batch, [s.tokens for s in sents])
            out[name] = score((s.tags for s in sents), preds).f1 * 100
        enc.train()
        return out

    # Gold sentences are indices 0..n_gold-1 of ``pool``, silver ones follow (loss weight silver_weight).
    n_gold = len(train)
    pool = list(train) + list(silver)
    silver_sizes = [len(w) for w, _ in silver]
    schedule = SilverSchedule(n_gold, silver_sizes, silver_per_epoch, silver_first)

    best, best_state, best_epoch, history, bad = -1.0, None, 0, [], 0
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        pre = schedule.silver_only(epoch)
        members = schedule.members(epoch)
        # Length-bucketed batches: sort, cut, shuffle the batch order each epoch.
        order = sorted(members, key=lambda i: len(pool[i][0]))
        batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
        random.shuffle(batches)
        total = 0.0
        enc.train()
        for bi in batches:
            vec, ids, rev, chars, tags, mask = batch_tensors([pool[i] for i in bi])
            weights = None
            if silver_weight != 1.0 and any(i >= n_gold for i in bi):
                weights = torch.tensor([silver_weight if i >= n_gold else 1.0 for i in bi])
            if word_dropout:
                # Unknown-word practice: some words lose their vector (the stem's stays).
                drop = (torch.rand(vec.shape[:2]) < word_dropout).unsqueeze(-1)
                half = vec.shape[-1] // WORD_COLUMNS
                vec = torch.cat([vec[..., :half].masked_fill(drop, 0.0), vec[..., half:]], -1)
            loss = crf(enc(vec, ids, rev, chars), tags, mask, weights)
            opt.zero_grad()
            (loss / len(bi)).backward()
            torch.nn.utils.clip_grad_norm_(list(enc.parameters()) + crf.params(), 5.0)
            opt.step()
            total += float(loss.detach())
        if include_dev:
            # Dev splits are training data here: no selection on them, the last epoch is kept.
            history.append({"epoch": epoch, "loss": round(total, 1), "sentences": len(members)})
            log(f"epoch {epoch}: loss {total:,.0f}  ({time.time() - t0:.0f} s)")
            best_epoch = epoch
            best_state = ({k: v.clone() for k, v in enc.state_dict().items()}, [p.detach().clone() for p in crf.params()])
            continue
        f1 = evaluate()
        sel = sum(f1[n] for n in select_on if n in f1) / max(1, sum(n in f1 for n in select_on))
        history.append({"epoch": epoch, "loss": round(total, 1), "sentences": len(members), **{k: round(v, 2) for k, v in f1.items()}})
        log(f"epoch {epoch}: loss {total:,.0f}  " + "  ".join(f"{k} {v:.1f}" for k, v in f1.items()) + f"  ({time.time() - t0:.0f} s)")
        if pre:
            continue  # silver-only epochs are reported, never kept as the model
        if sel > best:
            best, best_epoch, bad = sel, epoch, 0
            best_state = ({k: v.clone() for k, v in enc.state_dict().items()}, [p.detach().clone() for p in crf.params()])
        else:
            bad += 1
            if bad >= patience:
                break
    enc.load_state_dict(best_state[0])
    for p, v in zip(crf.params(), best_state[1]):
        p.data.copy_(v)
    enc.eval()
    export(enc, crf, vocab, out_dir, char_filters=char_filters, log=log)
    settings = {"char_filters": char_filters, "hidden": hidden, "proj": proj, "dropout": dropout, "word_dropout": word_dropout, "lr": lr, "batch_size": batch_size,
                "epochs_max": epochs, "patience": patience, "seed": seed, "select_on": list(select_on)}
    if init_state is not None and init_lr_scale != 1.0:
        settings["init_lr_scale"] = init_lr_scale
    if silver:
        settings.update({"silver_sentences": len(silver), "silver_tokens": sum(silver_sizes), "silver_per_epoch": silver_per_epoch,
                         "silver_weight": silver_weight, "silver_first": silver_first})
    return {"train_sets": list(train_sets), "train_tokens": sizes, "dev_in_training": include_dev, "best_epoch": best_epoch,
            "history": history, "settings": settings, "dev_f1": history[best_epoch - 1], "alphabet": alphabet}


def export(enc, crf, vocab: dict, out_dir: Path, *, char_filters: int = 0, log: Log = print) -> None:
    """``encoder.onnx`` (dynamic batch and length) and ``vectors.npz`` (word table + CRF transitions)."""
    import torch

    from .ner_neural import ENCODER_FILE, ID_COLUMNS, MAX_CHARS, VECTORS_FILE, WORD_COLUMNS

    B, T = 2, 7
    dims = vocab["vectors"].shape[1] * WORD_COLUMNS
    ex = (torch.zeros(B, T, dims), torch.zeros(B, T, len(ID_COLUMNS) - WORD_COLUMNS, dtype=torch.long),
          torch.arange(T).repeat(B, 1))
    names = ["vectors", "ids", "rev"]
    if char_filters:
        ex = (*ex, torch.ones(B, T, MAX_CHARS, dtype=torch.long))
        names.append("chars")
    torch.onnx.export(
        enc, ex, str(out_dir / ENCODER_FILE), input_names=names, output_names=["scores"],
        dynamic_axes={**{n: {0: "b", 1: "t"} for n in names}, "scores": {0: "b", 1: "t"}},
        opset_version=17, dynamo=False,
    )
    tr, st, en = (p.detach().numpy().astype(np.float32) for p in crf.params())
    np.savez_compressed(
        out_dir / VECTORS_FILE, words=np.array(vocab["words"]), counts=vocab["counts"], vectors=vocab["vectors"],
        clusters=vocab["clusters"], transitions=tr, start=st, end=en,
    )
    log(f"exported to {out_dir}")


# --- ensemble weight and dev figures ----------------------------------------------------------

def ensemble_dev_scores(model_dir: Path, crf_dir: Path | None, data_dir: Path, weights: Sequence[float], log: Log = print) -> dict[float, dict]:
    """Dev scores (per dataset: the score table) of the ensemble at each neural weight.

    Marginals of both models are computed once per sentence; only the mixing changes.
    """
    from ..evaluation.ner import read_conll, score
    from .ner_model import NerModel
    from .ner_model import load_model as load_crf
    from .ner_neural import EnsembleTagger, NeuralTagger, decode_marginals
    from .ner_train import DEV_SETS

    neural = NeuralTagger(model_dir)
    crf = load_crf(str(crf_dir) if crf_dir else None)
    ens = EnsembleTagger(crf, neural, 0.5)
    results: dict[float, dict] = {w: {} for w in weights}
    for name in DEV_SETS:
        path = data_dir / name / "dev.txt"
        if not path.is_file():
            continue
        sents = read_conll(path)
        rec = _Recorder()
        for s in sents:
            NerModel.tag_given_tokens(rec, s.tokens)  # type: ignore[arg-type]
        uniq = sorted({k for k in rec.asked if k}, key=len)
        pn: dict[tuple[str, ...], np.ndarray] = {}
        for i in range(0, len(uniq), 64):
            chunk = uniq[i:i + 64]
            pn.update(zip(chunk, neural.marginal_batch([list(k) for k in chunk])))
        pc = {k: ens.crf_marginals(list(k)) for k in uniq}
        for w in weights:
            answers = {k: decode_marginals(w * pn[k] + (1 - w) * pc[k]) for k in uniq}
            answers[()] = []
            r = _Recorder(answers)
            preds = [NerModel.tag_given_tokens(r, s.tokens) for s in sents]  # type: ignore[arg-type]
            results[w][name] = score((s.tags for s in sents), preds).table()
        log(f"{name}: " + "  ".join(f"w={w:g} {results[w][name]['micro']['f1'] * 100:.1f}" for w in weights))
    return results


def train_ner_neural(
    data_dir: Path, out_dir: Path, *, news_paths: Sequence[Path], cluster_table: Path, crf_dir: Path | None = None,
    work_dir: Path | None = None, include_dev: bool = False, epochs: int = 20, weights: Sequence[float] = (0.3, 0.4, 0.5, 0.6, 0.7, 1.0),
    max_words: int = 60_000, dims: int = 100, ensemble_weight: float | None = None, pretrain_tokens: int = 0,
    silver_path: Path | None = None, silver_tokens: int | None = None, pretrained_encoder: Path | None = None, log: Log = print, **train_kw,
) -> dict:
    """Word vectors → vocabulary → BiLSTM-CRF → ONNX → ensemble weight chosen on dev → ``meta.json``.

    ``crf_dir`` is the CRF the ensemble weight is tuned with; for held-out figures it must be
    trained on the train splits only. With ``include_dev`` the tagger is fitted on train + dev
    for exactly ``epochs`` epochs (no early stopping: the dev splits are training data then), and
    ``ensemble_weight`` (chosen by a train-only run) is recorded instead of tuned.
    ``pretrained_encoder``: a ``marsad train ner-lm`` file the encoder starts from (same shape and
    word table), instead of random weights.
    """
    import tempfile

    t_start = time.time()
    work = work_dir or Path(tempfile.mkdtemp(prefix="marsad-ner-neural-"))
    vocab = prepare_vocab(work, news_paths, cluster_table, max_words=max_words, dims=dims, log=log)
    pretrain_info: dict = {}
    if pretrained_encoder is not None:
        shape = {k: train_kw[k] for k in ("hidden", "proj", "char_filters") if k in train_kw}
        state, pretrain_info = load_pretrained_encoder(pretrained_encoder, vocab, **shape)
        pretrain_info = {"file": pretrained_encoder.name, **{k: v for k, v in pretrain_info.items() if k != "chunks"}}
        train_kw = {**train_kw, "init_state": state}
        log(f"encoder starts from the language model in {pretrained_encoder} ({pretrain_info.get('tokens', 0):,} news tokens)")
    elif pretrain_tokens > 0:
        import torch

        pre_path = work / f"pretrained_{pretrain_tokens}_{train_kw.get('char_filters', 0)}_{train_kw.get('hidden', 128)}.pt"
        if pre_path.is_file():
            log(f"pre-trained encoder reused from {pre_path}")
            state = torch.load(pre_path)
        else:
            sents = news_word_sentences(news_paths[:1], pretrain_tokens)
            shape = {k: train_kw[k] for k in ("hidden", "proj", "char_filters") if k in train_kw}
            state = pretrain_encoder(vocab, sents, log=log, **shape)
            torch.save(state, pre_path)
        train_kw = {**train_kw, "init_state": state}
        pretrain_info = {"tokens": pretrain_tokens, "source": news_paths[0].name, "target": "c512 clusters of the next/previous word", "epochs": 1}
    silver_info: dict = {}
    if silver_path is not None:
        silver = read_silver(silver_path, silver_tokens)
        train_kw = {**train_kw, "silver": silver}
        sidecar = Path(str(silver_path) + ".json")
        silver_info = {"file": silver_path.name, "sentences": len(silver), "tokens": sum(len(w) for w, _ in silver),
                       "written_by": json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}}
        log(f"silver: {silver_info['tokens']:,} tokens in {len(silver):,} sentences from {silver_path}")
    if include_dev:
        train_kw = {**train_kw, "patience": epochs + 1}
    meta = train_neural(data_dir, out_dir, vocab, include_dev=include_dev, epochs=epochs, log=log, **train_kw)
    meta.update({
        "model": "BiLSTM-CRF over frozen word2vec vectors + feature embeddings" + (" + character CNN" if train_kw.get("char_filters") else "")
        + " (torch, exported to ONNX)",
        "affixes": vocab["affixes"], "threads": 1, "vocabulary": len(vocab["words"]), "vector_dims": dims,
        "vector_source": [f"{p.parent.name}/{p.name}" for p in news_paths],
        "vector_settings": f"gensim skip-gram, {dims} dims, window 5, min_count 3, 5 epochs, seed 7; {max_words:,} most frequent kept (fp16)", "cluster_table": cluster_table.name, "pretraining": pretrain_info,
    })
    if silver_info:
        meta["silver"] = silver_info
    if include_dev:
        meta["note"] = "dev splits were fitted: the dev figures in this file are not held-out estimates"
    if ensemble_weight is not None:
        meta["ensemble_weight"] = float(ensemble_weight)
    elif crf_dir is not None:
        res = ensemble_dev_scores(out_dir, crf_dir, data_dir, weights, log=log)
        mean = {w: np.mean([res[w][n]["micro"]["f1"] for n in ("anercorp", "aqmar") if n in res[w]]) for w in weights}
        best_w = max(weights, key=lambda w: mean[w])
        meta["ensemble_weight"] = float(best_w)
        meta["ensemble_crf"] = str(crf_dir)
        meta["ensemble_dev"] = {str(w): {n: round(t["micro"]["f1"] * 100, 2) for n, t in res[w].items()} for w in weights}
        meta["dev"] = {n: t for n, t in res[best_w].items()}
        meta["dev_neural_only"] = {n: t for n, t in res[1.0].items()} if 1.0 in res else {}
    meta["train_seconds"] = round(time.time() - t_start)
    from .ner_neural import META_FILE

    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta


def prepare_vocab(work: Path, news_paths: Sequence[Path], cluster_table: Path, *, max_words: int = 60_000, dims: int = 100, log: Log = print) -> dict:
    """The tagger's word table: word2vec from ``work/w2v.model`` (trained from the news first if missing)."""
    from gensim.models import Word2Vec

    work.mkdir(parents=True, exist_ok=True)
    w2v_path = work / "w2v.model"
    if w2v_path.is_file():
        wv = Word2Vec.load(str(w2v_path)).wv
        log(f"word vectors reused from {w2v_path}")
    else:
        tok = work / "news_tokens.txt"
        if not tok.is_file():
            write_token_file(news_paths, tok, log=log)
        w2v = train_vectors(tok, dims=dims, log=log)
        w2v.save(str(w2v_path))
        wv = w2v.wv
    return build_vocab(wv, cluster_table, max_words=max_words)


# --- self-supervised pre-training of the encoder ------------------------------------------------

def news_word_sentences(paths: Sequence[Path], max_tokens: int, max_len: int = 60) -> list[list[str]]:
    """Token texts of unlabelled news paragraphs, cut into pieces of at most ``max_len`` tokens."""
    out: list[list[str]] = []
    n = 0
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    continue
                for para in f"{obj.get('title') or ''}\n{obj.get('text') or ''}".split("\n"):
                    toks = [t.text for t in tokenize(para)]
                    for i in range(0, len(toks), max_len):
                        piece = toks[i:i + max_len]
                        if len(piece) > 3:
                            out.append(piece)
                            n += len(piece)
                if n >= max_tokens:
                    return out
    return out


def pretrain_encoder(
    vocab: dict, sentences: list[list[str]], *, hidden: int = 128, proj: int = 192, char_filters: int = 0, epochs: int = 1,
    batch_size: int = 64, lr: float = 2e-3, seed: int = 1, threads: int = 1, target: str = "c512", log: Log = print,
) -> dict:
    """Language-model pre-training of the tagger's encoder on unlabelled news (ELMo-style, cheap).

    The forward LSTM's state at each word predicts the next word's cluster (``target``: c512 or
    c2048), the backward LSTM's the previous word's: a small softmax instead of one over the vocabulary.
    Returns the encoder's state dict (without the output layer) to start the tagger from.
    """
    import random

    import torch
    from torch import nn

    from .ner_neural import ID_COLUMNS, NeuralFeaturizer, model_inputs

    torch.manual_seed(seed)
    random.seed(seed)
    torch.set_num_threads(threads)
    alphabet = vocab.get("alphabet", "") if char_filters else ""
    feat = NeuralFeaturizer(vocab["words"], vocab["counts"], vocab["clusters"], vocab["affixes"], alphabet)
    enc = make_encoder(vocab, hidden=hidden, proj=proj, dropout=0.3, char_filters=char_filters)
    n_cl = int(target[1:]) + 1
    head_f = nn.Linear(hidden, n_cl)
    head_b = nn.Linear(hidden, n_cl)
    params = [p for n, p in enc.named_parameters() if not n.startswith("out.")] + list(head_f.parameters()) + list(head_b.parameters())
    opt = torch.optim.Adam(params, lr=lr)
    cl = ID_COLUMNS.index(target)
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    lossf = nn.CrossEntropyLoss(ignore_index=0)
    for epoch in range(epochs):
        random.shuffle(batches)
        t0, total, seen = time.time(), 0.0, 0
        for k, bi in enumerate(batches):
            sents = [sentences[i] for i in bi]
            inp = model_inputs(feat, vocab["vectors"], sents)
            x = {n: torch.from_numpy(v) for n, v in inp.items()}
            gold = torch.from_numpy(inp["ids"][:, :, cl - 2].copy())  # 0 = no cluster / padding
            # The encoder's inner layers, without the tag output.
            hf, hb = enc.states(x["vectors"], x["ids"], x["rev"], x.get("chars"))
            # forward state at t predicts t+1; backward state at t predicts t-1 (padding targets are 0)
            loss = lossf(head_f(enc.drop(hf[:, :-1])).reshape(-1, n_cl), gold[:, 1:].reshape(-1)) + \
                lossf(head_b(enc.drop(hb[:, 1:])).reshape(-1, n_cl), gold[:, :-1].reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += float(loss.detach())
            seen += sum(len(s) for s in sents)
            if (k + 1) % 200 == 0:
                log(f"pre-training: {seen:,} tokens, loss {total / (k + 1):.3f} ({time.time() - t0:.0f} s)")
        log(f"pre-training epoch {epoch + 1}: loss {total / len(batches):.3f} ({time.time() - t0:.0f} s)")
    return {k: v for k, v in enc.state_dict().items() if not k.startswith("out.")}


# --- bidirectional language model over the tagger's own encoder (``marsad train ner-lm``) --------

#: Format tag of the files ``marsad train ner-lm`` writes.
LM_FORMAT = "marsad-ner-lm/1"


def vocab_fingerprint(vocab: dict) -> str:
    """A short hash of what the encoder's input ids mean (words, affix lists, alphabet)."""
    import hashlib

    h = hashlib.sha1()
    h.update("\n".join(vocab["words"]).encode("utf-8"))
    for k in sorted(vocab["affixes"]):
        h.update(f"\n{k}:".encode() + "\t".join(vocab["affixes"][k]).encode("utf-8"))
    h.update(b"\nalphabet:" + vocab.get("alphabet", "").encode("utf-8"))
    return h.hexdigest()[:16]


def lm_classes(vocab: dict, n_words: int = 20_000) -> tuple[np.ndarray, int]:
    """What the language model predicts for each word id: ``(class of id, number of classes)``.

    The ``n_words`` most frequent words are classes of their own; a rarer word of the table stands
    for its 2048-cluster (names mostly land here, by cluster); a word outside the table (id 1) is
    one "rare word" class; padding (id 0) is -1 (no target). Classes are numbered by frequency in
    the news (counts of the word table; the rare-word class first), as an adaptive softmax wants.
    """
    counts = np.asarray(vocab["counts"], dtype=np.float64)
    n_words = min(n_words, len(counts))
    c2048 = np.asarray(vocab["clusters"])[:, 3].astype(np.int64)
    raw = np.empty(len(counts) + 2, dtype=np.int64)  # raw class: words 1..n_words, clusters after, 0 = rare
    raw[0], raw[1] = -1, 0
    rank = np.arange(len(counts))
    raw[2:] = np.where(rank < n_words, rank + 1, np.where(c2048 > 0, n_words + c2048, 0))
    n_raw = n_words + 2049
    freq = np.zeros(n_raw)
    np.add.at(freq, raw[2:], counts)
    freq[0] = np.inf
    order = np.argsort(-freq, kind="stable")
    used = order[freq[order] > 0]
    remap = np.full(n_raw, -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    out = np.where(raw >= 0, remap[np.maximum(raw, 0)], -1)
    return out, len(used)


def lm_sentences(articles: Iterator[tuple[str, list[list[str]]]], min_len: int = 4, max_len: int = 80) -> Iterator[list[str]]:
    """Sentences of :func:`clean_news_sentences` for the language model: long ones cut into pieces."""
    for _, sents in articles:
        for s in sents:
            for i in range(0, len(s), max_len):
                piece = s[i:i + max_len]
                if len(piece) >= min_len:
                    yield piece


def pretrain_lm(
    vocab: dict, sentences: Iterator[list[str]], *, hidden: int = 128, proj: int = 192, char_filters: int = 48,
    lm_words: int = 20_000, cutoffs: Sequence[int] = (2_000, 8_000), batch_size: int = 64, lr: float = 2e-3, dropout: float = 0.3,
    seed: int = 1, threads: int = 1, max_tokens: int | None = None, max_cpu_seconds: float | None = None,
    chunk_tokens: int = 200_000, checkpoint: Path | None = None, log: Log = print,
) -> tuple[dict, dict]:
    """Pre-train the tagger's encoder (same inputs and shapes) as a bidirectional language model.

    The forward LSTM's state at a word predicts the next word's class (:func:`lm_classes`), the
    backward LSTM's state the previous word's, through one adaptive softmax shared by both
    directions. Sentences stream in chunks of ``chunk_tokens`` (length-sorted batches, shuffled
    within the chunk), one pass, until ``max_tokens`` or ``max_cpu_seconds`` of this process.
    After each chunk the state so far is written to ``checkpoint`` (a usable file if stopped).
    Returns the encoder's state dict (without the tag layer) and a summary.
    """
    import random

    import torch
    from torch import nn

    from .ner_neural import NeuralFeaturizer, model_inputs

    torch.manual_seed(seed)
    rng = random.Random(seed)
    torch.set_num_threads(threads)
    alphabet = vocab.get("alphabet", "") if char_filters else ""
    feat = NeuralFeaturizer(vocab["words"], vocab["counts"], vocab["clusters"], vocab["affixes"], alphabet)
    enc = make_encoder(vocab, hidden=hidden, proj=proj, dropout=dropout, char_filters=char_filters)
    classes, n_classes = lm_classes(vocab, lm_words)
    # a small word table (tests, toy corpora) has fewer classes than the cutoffs: one split in the middle then
    cut = [c for c in cutoffs if c < n_classes - 1] or [max(1, n_classes // 2)]
    head = nn.AdaptiveLogSoftmaxWithLoss(hidden, n_classes, cutoffs=cut, div_value=4.0)
    params = [p for n, p in enc.named_parameters() if not n.startswith("out.")] + list(head.parameters())
    opt = torch.optim.Adam(params, lr=lr)
    enc.train()
    head.train()
    info: dict = {"format": LM_FORMAT, "hidden": hidden, "proj": proj, "char_filters": char_filters, "vocab": vocab_fingerprint(vocab),
                  "target": f"next/previous word: {lm_words:,} most frequent words, rarer table words by 2048-cluster, one rare-word class "
                            f"({n_classes:,} classes, adaptive softmax, cutoffs {cut})",
                  "batch_size": batch_size, "lr": lr, "dropout": dropout, "seed": seed, "threads": threads, "chunks": []}
    cpu0, t0 = time.process_time(), time.time()
    seen = 0
    stop = False

    def save() -> dict:
        state = {k: v.detach().clone() for k, v in enc.state_dict().items() if not k.startswith("out.")}
        info.update({"tokens": seen, "cpu_seconds": round(time.process_time() - cpu0, 1), "wall_seconds": round(time.time() - t0, 1)})
        if checkpoint is not None:
            torch.save({"format": LM_FORMAT, "state": state, "info": info}, checkpoint)
        return state

    def train_chunk(chunk: list[list[str]]) -> None:
        nonlocal seen, stop
        order = sorted(range(len(chunk)), key=lambda i: len(chunk[i]))
        batches = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
        rng.shuffle(batches)
        total = n = 0.0
        for bi in batches:
            sents = [chunk[i] for i in bi]
            inp = model_inputs(feat, vocab["vectors"], sents)
            x = {k: torch.from_numpy(v) for k, v in inp.items()}
            wid = np.zeros(inp["rev"].shape, dtype=np.int64)
            for b, s in enumerate(sents):
                wid[b, : len(s)] = feat.sentence(s)[:, 0]
            gold = torch.from_numpy(classes[wid])
            hf, hb = enc.states(x["vectors"], x["ids"], x["rev"], x.get("chars"))
            # forward state at t predicts t+1; backward state at t predicts t-1 (padding: -1, left out)
            h = torch.cat([hf[:, :-1].reshape(-1, hidden), hb[:, 1:].reshape(-1, hidden)])
            y = torch.cat([gold[:, 1:].reshape(-1), gold[:, :-1].reshape(-1)])
            keep = y >= 0
            loss = head(enc.drop(h[keep]), y[keep]).loss
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            k = int(keep.sum())
            total += float(loss.detach()) * k
            n += k
            seen += sum(len(s) for s in sents)
            if (max_tokens is not None and seen >= max_tokens) or (max_cpu_seconds is not None and time.process_time() - cpu0 >= max_cpu_seconds):
                stop = True
                break
        info["chunks"].append({"tokens": seen, "loss": round(total / max(n, 1), 3)})
        log(f"language model: {seen:,} tokens, loss {total / max(n, 1):.3f} per prediction "
            f"({time.process_time() - cpu0:.0f} CPU s, {time.time() - t0:.0f} s)")

    chunk: list[list[str]] = []
    size = 0
    for s in sentences:
        chunk.append(s)
        size += len(s)
        if size >= chunk_tokens:
            train_chunk(chunk)
            save()
            chunk, size = [], 0
            if stop:
                break
    if chunk and not stop:
        train_chunk(chunk)
    state = save()
    info["loss_last_chunk"] = info["chunks"][-1]["loss"] if info["chunks"] else None
    return state, info


def load_pretrained_encoder(path: Path, vocab: dict, *, hidden: int = 128, proj: int = 192, char_filters: int = 48) -> tuple[dict, dict]:
    """The state dict and summary of a ``marsad train ner-lm`` file, checked against the tagger's shape and vocabulary."""
    import torch

    obj = torch.load(path, weights_only=False)
    if not isinstance(obj, dict) or obj.get("format") != LM_FORMAT:
        raise ValueError(f"{path} is not a pre-trained encoder written by `marsad train ner-lm`")
    info = obj["info"]
    want = {"hidden": hidden, "proj": proj, "char_filters": char_filters}
    got = {k: info.get(k) for k in want}
    if got != want:
        raise ValueError(f"{path} was pre-trained with {got}, the tagger is set to {want}")
    if info.get("vocab") != vocab_fingerprint(vocab):
        raise ValueError(f"{path} was pre-trained over another word table (vocabulary {info.get('vocab')}, "
                         f"this one {vocab_fingerprint(vocab)}): use the same --work directory (word2vec model) and clusters")
    return obj["state"], info
