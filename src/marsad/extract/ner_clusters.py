"""Self-supervised word clusters for the NER tagger, learnt from unlabelled Arabic news.

Brown clusters are the classic CRF feature but slow to learn in Python; here the same kind of
signal comes from distributional vectors: directional co-occurrence counts (the word two and
one to the left, one and two to the right), positive PMI with context-distribution smoothing,
a truncated SVD, then k-means at several granularities. A coarse cluster generalises (a
"person surname" class), a fine one nearly identifies the word. Training-time code: it needs
scipy; the tagger only reads the resulting table.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from ..text import tokenize

#: Cluster granularities written to the table, coarse to fine.
GRANULARITIES = (32, 128, 512, 2048)


def news_texts(path: Path, limit: int | None = None) -> Iterator[str]:
    """Bodies (title + text) of a JSONL(.gz) article file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            yield f"{obj.get('title') or ''}\n{obj.get('text') or ''}"


def token_stream(texts: Iterable[str]) -> Iterator[list[str]]:
    """Normalised word forms per text; numbers collapse to one symbol, punctuation stays as a boundary."""
    for text in texts:
        out = []
        for t in tokenize(text):
            if t.kind == "word":
                out.append(t.norm)
            elif t.kind == "num":
                out.append("<num>")
            else:
                out.append(t.text if t.text in ".،,:؛\"“”«»()" else "<p>")
        yield out


def build_clusters(
    texts: Iterable[str], *, vocab_size: int = 60_000, context_size: int = 8_000, dims: int = 96,
    granularities: tuple[int, ...] = GRANULARITIES, seed: int = 13, log=print,
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Return (words, counts, cluster ids [len(words) x len(granularities)])."""
    from scipy import sparse
    from scipy.sparse.linalg import svds

    docs = list(token_stream(texts))
    counts = Counter(w for d in docs for w in d)
    log(f"{sum(counts.values()):,} tokens, {len(counts):,} types")
    vocab = [w for w, c in counts.most_common(vocab_size) if c >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = min(context_size, len(vocab))
    ids = np.fromiter((index.get(w, -1) for d in docs for w in (*d, "<doc>")), dtype=np.int32)
    rows_l, cols_l = [], []
    for slot, off in enumerate((-2, -1, 1, 2)):
        if off < 0:
            w, c = ids[-off:], ids[:off]
        else:
            w, c = ids[:-off], ids[off:]
        keep = (w >= 0) & (c >= 0) & (c < n_ctx)
        rows_l.append(w[keep])
        cols_l.append(c[keep] + slot * n_ctx)
    rows = np.concatenate(rows_l)
    cols = np.concatenate(cols_l)
    m = sparse.coo_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(vocab), 4 * n_ctx)).tocsr()
    m.sum_duplicates()
    log(f"co-occurrence matrix {m.shape}, {m.nnz:,} cells")
    # PPMI with context counts raised to 0.75 (Levy, Goldberg & Dagan 2015).
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_p = col_sum / col_sum.sum()
    coo = m.tocoo()
    pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * col_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep].astype(np.float32), (coo.row[keep], coo.col[keep])), shape=m.shape)
    rng = np.random.default_rng(seed)
    u, s, _ = svds(ppmi, k=dims, v0=rng.standard_normal(min(ppmi.shape)).astype(np.float32), random_state=seed)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-8
    log(f"SVD to {dims} dims done")
    table = np.zeros((len(vocab), len(granularities)), dtype=np.int32)
    for j, k in enumerate(granularities):
        table[:, j] = spherical_kmeans(vec, k, seed=seed + k)
        log(f"k-means k={k} done")
    return vocab, np.array([counts[w] for w in vocab], dtype=np.int64), table


def spherical_kmeans(vec: np.ndarray, k: int, *, iterations: int = 20, seed: int = 0) -> np.ndarray:
    """Cluster ids of unit vectors by cosine k-means; frequent words seed the centroids.

    scipy's k-means++ initialisation is quadratic in k; with rows sorted by frequency, a
    seeded random pick among the frequent words is a good and cheap start.
    """
    rng = np.random.default_rng(seed)
    n = len(vec)
    pool = min(n, max(4 * k, n // 4))
    cent = vec[rng.choice(pool, size=k, replace=False)].astype(np.float32)
    x = vec.astype(np.float32)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ cent.T, axis=1)
        sums = np.zeros_like(cent)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        cent = np.where(empty[:, None], cent, sums / np.maximum(norms, 1e-8))
    return labels.astype(np.int32)


def write_table(path: Path, words: list[str], counts: np.ndarray, table: np.ndarray) -> None:
    """``word<TAB>count<TAB>c1<TAB>c2...`` lines, gzip-compressed, most frequent first."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for w, c, row in zip(words, counts, table):
            fh.write(w + "\t" + str(int(c)) + "\t" + "\t".join(str(int(x)) for x in row) + "\n")


def read_table(path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """word → cluster ids (as strings, coarse to fine) and word → corpus count."""
    clusters: dict[str, tuple[str, ...]] = {}
    freq: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            clusters[parts[0]] = tuple(parts[2:])
            freq[parts[0]] = int(parts[1])
    return clusters, freq
