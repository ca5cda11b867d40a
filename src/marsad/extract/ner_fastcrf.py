"""The two-stage CRF's scores, Viterbi and marginals in numpy, from the model's own weights.

python-crfsuite costs a Python call per label per token for marginals and re-hashes every feature
string of every token for each stage. Here the weights are read once from the ``.model`` file
(the crfsuite binary format: the weights as stored doubles, not the rounded ``dump`` text), a
token's state scores are the sum of the weight rows of its attributes, and the part a word
contributes (its own features, and what it shows its neighbours at each offset) is summed once
per word type and cached. Viterbi and the forward–backward marginals then run in log space on
all sentences of a document at once.

The attributes are exactly :meth:`Featurizer.sentence`'s and
:func:`~marsad.extract.ner_features.with_document_features`'s (it reads the same cached
per-word tuples); ``tests/test_ner_fastcrf.py`` checks the scores against those feature lists
and the marginals against pycrfsuite's ``Tagger.marginal``.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

from .ner_features import Featurizer

OFFSETS = (-2, -1, 1, 2)
#: Pair attributes (bigram, cluster conjunctions): four-character family prefix, then ``a|b``.
_NO_CTX = (0,) * len(OFFSETS)
PAIR_FAMILIES = ("bg-=", "bg+=", "cc-=", "wc-=", "cc+=", "cw+=")


def _cqdb_strings(buf: bytes, base: int) -> list[str]:
    """The strings of a crfsuite CQDB chunk at ``base``, indexed by id (its backward array)."""
    if buf[base:base + 4] != b"CQDB":
        raise ValueError("not a CQDB chunk")
    _size, _flag, _order, bwd_size, bwd_off = struct.unpack_from("<5I", buf, base + 4)
    out = [""] * bwd_size
    offs = struct.unpack_from(f"<{bwd_size}I", buf, base + bwd_off)
    for i, off in enumerate(offs):
        if off:
            rid, ksize = struct.unpack_from("<2I", buf, base + off)
            out[rid] = buf[base + off + 8: base + off + 8 + ksize - 1].decode("utf-8")
    return out


def read_crfsuite_model(path: str | Path) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """``(labels, attributes, state weights [attribute, label], transitions [from, to])`` of a crfsuite CRF1d model.

    Only attributes with at least one state feature are listed."""
    buf = Path(path).read_bytes()
    if buf[:4] != b"lCRF" or buf[8:12] != b"FOMC":
        raise ValueError(f"not a crfsuite CRF1d model: {path}")
    (_size,) = struct.unpack_from("<I", buf, 4)
    (_ver, n_feat, n_lab, n_attr, off_feat, off_lab, off_attr, _off_lref, _off_aref) = struct.unpack_from("<9I", buf, 12)
    labels = _cqdb_strings(buf, off_lab)[:n_lab]
    attrs = _cqdb_strings(buf, off_attr)[:n_attr]
    if buf[off_feat:off_feat + 4] != b"FEAT":
        raise ValueError("feature chunk missing")
    (num,) = struct.unpack_from("<I", buf, off_feat + 8)
    rec = np.frombuffer(buf, dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                        count=num, offset=off_feat + 12)
    trans = np.zeros((n_lab, n_lab))
    t = rec[rec["type"] == 1]
    trans[t["src"], t["dst"]] = t["w"]
    s = rec[rec["type"] == 0]
    table = np.zeros((n_attr, n_lab))
    table[s["src"], s["dst"]] = s["w"]
    used = np.unique(s["src"])
    return labels, [attrs[a] for a in used], table[used], trans


class CrfScorer:
    """One crfsuite model as numpy arrays: a row of state weights per attribute, transitions."""

    def __init__(self, path: str | Path) -> None:
        self.labels, self.attrs, self.table, self.trans = read_crfsuite_model(path)

    @cached_property
    def index(self) -> dict[str, int]:
        return {a: i for i, a in enumerate(self.attrs)}

    def sum(self, attrs: Sequence[str]) -> np.ndarray:
        """The summed state weights of a token's attributes (a repeated one counts each time, as in crfsuite)."""
        rows = [self.index[a] for a in attrs if a in self.index]
        return self.table[rows].sum(0) if rows else np.zeros(len(self.labels))

    def state_scores(self, features: Sequence[Sequence[str]]) -> np.ndarray:
        """State scores ``[n, labels]`` of a feature-list sequence (the slow, general path)."""
        return np.array([self.sum(f) for f in features]).reshape(len(features), len(self.labels))


def _padded(scores: Sequence[np.ndarray], labels: int, fill: float, transform) -> tuple[np.ndarray, np.ndarray]:
    """Sentences' ``[n, labels]`` score arrays, transformed, in one ``[B, T, labels]`` array padded with ``fill``."""
    lens = np.array([len(s) for s in scores])
    out = np.full((len(scores), int(lens.max()), labels), fill)
    for b, s in enumerate(scores):
        out[b, : len(s)] = transform(s)
    return out, lens


def viterbi_batch(scores: Sequence[np.ndarray], trans: np.ndarray) -> list[list[int]]:
    """Best label paths (indices) of several sentences' state scores under ``trans`` (no start/end weights)."""
    if not scores:
        return []
    from .ner_neural import viterbi_paths

    sc, lens = _padded(scores, trans.shape[0], 0.0, lambda s: s)
    return viterbi_paths(sc, lens, trans)


def marginals_batch(scores: Sequence[np.ndarray], trans: np.ndarray) -> list[np.ndarray]:
    """Per-token label marginals ``[n, labels]`` of several sentences (scaled forward–backward, as crfsuite)."""
    if not scores:
        return []
    # Per-token rescaling keeps exp() finite; the marginals do not depend on it.
    e, lens = _padded(scores, trans.shape[0], 1.0, lambda s: np.exp(s - s.max(1, keepdims=True)))
    B, T, K = e.shape
    E = np.exp(trans)
    alpha = np.empty((B, T, K))
    a = e[:, 0] / e[:, 0].sum(1, keepdims=True)
    alpha[:, 0] = a
    # Padded steps (e = 1) run on after a sentence's end and are never read.
    for t in range(1, T):
        a = (a @ E) * e[:, t]
        a /= a.sum(1, keepdims=True)
        alpha[:, t] = a
    beta = np.ones((B, T, K))
    inside = (np.arange(T)[:, None] + 1 < lens[None, :])[:, :, None]  # [T, B, 1]: not a sentence's last token
    ET = E.T
    nxt = beta[:, T - 1]
    for t in range(T - 2, -1, -1):
        nxt = (e[:, t + 1] * nxt) @ ET
        nxt /= nxt.sum(1, keepdims=True)
        nxt = np.where(inside[t], nxt, 1.0)
        beta[:, t] = nxt
    m = alpha * beta
    m /= m.sum(2, keepdims=True)
    return [m[b, : n] for b, n in enumerate(lens)]


class FastTwoStage:
    """State scores of both CRF stages for a document's sentences, with per-word-type caching."""

    def __init__(self, featurizer: Featurizer, stage1: CrfScorer, stage2: CrfScorer, cache_size: int = 30_000) -> None:
        if stage1.labels != stage2.labels:
            raise ValueError("the two CRF stages have different label sets")
        self.fz = featurizer
        self.labels = stage1.labels
        self.trans1, self.trans2 = stage1.trans, stage2.trans
        # One row per attribute of either stage: [stage, label]; row 0 (unknown attributes) is zero.
        index: dict[str, int] = {}
        for a in stage1.attrs + stage2.attrs:
            index.setdefault(a, len(index) + 1)
        self.index = index
        W = np.zeros((len(index) + 1, 2, len(self.labels)))
        for k, s in enumerate((stage1, stage2)):
            W[[index[a] for a in s.attrs], k] = s.table
        self.W = W
        # A neighbour's context attribute x at offset `off` is the model attribute "{off}:{x}":
        # per x its rows at the four offsets (0: not in the model).
        ctx: dict[str, list[int]] = {}
        prefixes = [(k, f"{off}:") for k, off in enumerate(OFFSETS)]
        for a, r in index.items():
            for k, pre in prefixes:
                if a.startswith(pre):
                    ctx.setdefault(a[len(pre):], [0] * len(OFFSETS))[k] = r
        self._ctx_all = {x: tuple(v) for x, v in ctx.items()}
        # Per word type a block [part, stage, label] — part 0 its own features, 1..4 what it shows at
        # offsets −2, −1, +1, +2 — in one preallocated slab (emptied when full): a small array per
        # word fragmented the heap (+116 MB RSS over 300 articles against +18 MB of live blocks).
        # (Allocated on first use: the ensemble keeps its blocks in its own word-type table.)
        self.cache_size = cache_size
        self._slab: np.ndarray | None = None
        self._slot: dict[str, int] = {}
        self._norms: list[str] = [""] * cache_size
        self._last_norm = ""
        get = index.get
        self._pad = np.stack([W[get(f"{off}:pad", 0)] for off in OFFSETS])  # [4, stage, L]
        self._bos = W[get("bos", 0)]
        self._pair_tables()
        # From here on `index` is looked up for a word's own attributes and document features only
        # (context and pair attributes have their own tables): a smaller dict to keep in memory.
        self.index = {a: r for a, r in index.items()
                      if not any(a.startswith(pre) for _, pre in prefixes) and not (a[:4] in PAIR_FAMILIES and "|" in a)}

    def _pair_tables(self) -> None:
        """Attributes of token pairs (``bg-=a|b`` …) as integer keys, for lookups over a whole document.

        A pair attribute is looked up by the string ``f"{family}{a}|{b}"``; a word's form may itself
        hold ``|``, so every split of a stored string is registered: a pair whose joined string is a
        stored attribute finds its row, exactly as the string lookup does.
        """
        vocab: dict[str, int] = {}
        found: dict[str, tuple[list[int], list[int], list[int]]] = {f: ([], [], []) for f in PAIR_FAMILIES}
        for a, r in self.index.items():
            fam = a[:4]
            if fam not in found or "|" not in a:
                continue
            body = a[4:]
            lefts, rights, rows = found[fam]
            i = body.find("|")
            while i >= 0:
                lefts.append(vocab.setdefault(body[:i], len(vocab)))
                rights.append(vocab.setdefault(body[i + 1:], len(vocab)))
                rows.append(r)
                i = body.find("|", i + 1)
        self.pair_vocab = vocab
        V = max(len(vocab), 1)
        self._pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for fam, (lefts, rights, rows) in found.items():
            keys = np.array(lefts, dtype=np.int64) * V + np.array(rights, dtype=np.int64)
            order = np.argsort(keys, kind="stable")
            self._pairs[fam] = (keys[order], np.array(rows, dtype=np.int64)[order])

    def _pair_rows(self, fam: str, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """Rows of ``fam`` attributes for pairs of vocabulary ids (0 where none; -1 ids never match)."""
        keys, rows = self._pairs[fam]
        out = np.zeros(len(left), dtype=np.int64)
        if not len(keys) or not len(left):
            return out
        ok = (left >= 0) & (right >= 0)
        q = left * max(len(self.pair_vocab), 1) + right
        at = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
        hit = ok & (keys[at] == q)
        out[hit] = rows[at[hit]]
        return out

    def block_of(self, own: Sequence[str], ctx: Sequence[str]) -> np.ndarray:
        """A word's block ``[part, stage, label]`` from its own and context attributes (see :meth:`_word_block`)."""
        get = self.index.get
        rows = [get(a, 0) for a in own]
        starts = [0]
        cget = self._ctx_all.get
        # Per offset (−2, −1, +1, +2) the rows of the context attributes there.
        for at in zip(*[cget(x, _NO_CTX) for x in ctx]):
            starts.append(len(rows))
            rows.extend(at)
        return np.add.reduceat(self.W[rows], starts, axis=0)

    def document_base_scores(self, blocks: np.ndarray, pos: np.ndarray, norm_ids: np.ndarray, cls_ids: np.ndarray) -> np.ndarray:
        """:meth:`base_scores` of a document's tokens laid end to end, ``[N, stage, L]``.

        ``blocks`` are the tokens' word blocks, ``pos`` each token's position in its sentence,
        ``norm_ids`` / ``cls_ids`` the ``pair_vocab`` ids of their normalised forms and classes
        (-1: in no pair attribute). The additions per token come in :meth:`base_scores`' order,
        so the scores are the same to the last bit.
        """
        N = len(pos)
        out = blocks[:, 0].copy()
        at = np.arange(N)
        for k, off in enumerate(OFFSETS):
            j = at + off
            jc = np.clip(j, 0, max(N - 1, 0))
            # Token i sees word i + off when both are in the same sentence, else the padding attribute.
            same = (j >= 0) & (j < N) & (pos[jc] == pos + off)
            out += np.where(same[:, None, None], blocks[jc, k + 1], self._pad[k])
        first = pos == 0
        out[first] += self._bos
        prev_ok = np.zeros(N, dtype=bool)
        prev_ok[1:] = ~first[1:]
        nxt = np.zeros(N, dtype=np.int64)
        nxt[:-1] = at[1:]
        next_ok = np.zeros(N, dtype=bool)
        next_ok[:-1] = prev_ok[1:]
        prv = np.maximum(at - 1, 0)
        W = self.W
        # Same order per token as base_scores' np.add.at: bg-, bg+, then cc-, wc-, cc+, cw+.
        adds = [("bg-=", prv, at, norm_ids, norm_ids, prev_ok), ("bg+=", at, nxt, norm_ids, norm_ids, next_ok)]
        if self.fz.conjunctions:
            adds += [("cc-=", prv, at, cls_ids, cls_ids, prev_ok), ("wc-=", prv, at, norm_ids, cls_ids, prev_ok),
                     ("cc+=", at, nxt, cls_ids, cls_ids, next_ok), ("cw+=", at, nxt, cls_ids, norm_ids, next_ok)]
        for fam, li, ri, lv, rv, ok in adds:
            rows = self._pair_rows(fam, np.where(ok, lv[li], -1), rv[ri])
            hit = rows > 0
            if hit.any():
                out[hit] += W[rows[hit]]
        return out

    def document_stage2(self, scores2: np.ndarray, pos: np.ndarray, doc: Sequence[tuple[str, ...]]) -> np.ndarray:
        """:meth:`add_document_features` for a document's tokens end to end (same order, same bits).

        ``doc`` holds each token's document features (a handful of distinct tuples)."""
        N = len(pos)
        memo: dict[tuple[str, ...], int] = {}
        tid = np.fromiter((memo.setdefault(d, len(memo)) for d in doc), dtype=np.int64, count=N)
        width = max((len(d) for d in memo), default=0)
        out = scores2.copy()
        if not width:
            return out
        get = self.index.get
        cget = self._ctx_all.get
        at_prev, at_next = OFFSETS.index(-1), OFFSETS.index(1)
        tabs = {p: np.zeros((len(memo), width), dtype=np.int64) for p in ("", "-1:", "1:")}
        for d, i in memo.items():
            for k, x in enumerate(d):
                rows = cget(x, _NO_CTX)
                tabs[""][i, k] = get(x, 0)
                tabs["-1:"][i, k] = rows[at_prev]
                tabs["1:"][i, k] = rows[at_next]
        W2 = self.W[:, 1]
        first = pos == 0
        prev_ok = np.zeros(N, dtype=bool)
        prev_ok[1:] = ~first[1:]
        next_ok = np.zeros(N, dtype=bool)
        next_ok[:-1] = prev_ok[1:]
        # Per token: its previous token's "-1:" features, its own, its next token's "1:" features.
        prev_rows = np.zeros((N, width), dtype=np.int64)
        prev_rows[1:] = tabs["-1:"][tid[:-1]]
        prev_rows[~prev_ok] = 0
        next_rows = np.zeros((N, width), dtype=np.int64)
        next_rows[:-1] = tabs["1:"][tid[1:]]
        next_rows[~next_ok] = 0
        own_rows = tabs[""][tid]
        for rows in (prev_rows, own_rows, next_rows):
            for k in range(width):
                r = rows[:, k]
                hit = r > 0
                if hit.any():
                    out[hit] += W2[r[hit]]
        return out

    def _word_block(self, word: str) -> np.ndarray:
        fz = self.fz
        # The featurizer's own per-word caches are bypassed: the block is what gets cached.
        own = fz._word_features(word)
        self._last_norm = own[1][2:]  # "w=<normalised word>"
        return self.block_of(own, fz._context_features(word))

    def base_scores(self, words: Sequence[str]) -> np.ndarray:
        """``[stage, n, L]``: both stages' scores of the first-stage attributes of one sentence."""
        n = len(words)
        fz = self.fz
        slot = self._slot
        if self._slab is None:
            self._slab = np.zeros((self.cache_size, 1 + len(OFFSETS), 2, len(self.labels)))
        if len(slot) + n > self.cache_size:
            slot.clear()
        if n > self.cache_size:
            blocks = np.stack([self._word_block(w) for w in words])
            norms = [fz._word_features(w)[1][2:] for w in words]
        else:
            slots = []
            norm_of = self._norms
            for w in words:
                i = slot.get(w)
                if i is None:
                    i = slot[w] = len(slot)
                    self._slab[i] = self._word_block(w)
                    norm_of[i] = self._last_norm
                slots.append(i)
            blocks = self._slab[slots]  # [n, 5, stage, L]
            norms = [norm_of[i] for i in slots]
        vocab = self.pair_vocab
        norm_ids = np.array([vocab.get(x, -1) for x in norms], dtype=np.int64)
        cls_ids = np.array([vocab.get(fz._cls(w), -1) for w in words] if fz.conjunctions else [-1] * n, dtype=np.int64)
        return self.document_base_scores(blocks, np.arange(n), norm_ids, cls_ids).transpose(1, 0, 2)

    def add_document_features(self, scores: np.ndarray, doc: Sequence[tuple[str, ...]]) -> np.ndarray:
        """Second-stage scores of one sentence plus its document features (as :func:`with_document_features` adds them)."""
        return self.document_stage2(scores, np.arange(len(doc)), doc)


def document_features(keys: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int) -> list[list[tuple[str, ...]]]:
    """:func:`marsad.extract.ner_features.document_features` with plain dicts (same output, ties included).

    Counts are kept in first-seen order and never deleted (as ``Counter.subtract`` leaves them),
    so the commonest tag elsewhere breaks ties exactly as ``Counter.most_common`` does there.
    """
    per: list[dict[str, dict[str, int]]] = []
    for ks, ts in zip(keys, tags):
        c: dict[str, dict[str, int]] = {}
        for k, t in zip(ks, ts):
            if k:
                d = c.get(k)
                if d is None:
                    d = c[k] = {}
                d[t] = d.get(t, 0) + 1
        per.append(c)
    n = len(keys)
    agg: dict[str, dict[str, int]] = {}
    lo = hi = 0
    out: list[list[tuple[str, ...]]] = []
    for s in range(n):
        while hi < min(n, s + window + 1):
            for k, c in per[hi].items():
                d = agg.get(k)
                if d is None:
                    d = agg[k] = {}
                for x, v in c.items():
                    d[x] = d.get(x, 0) + v
            hi += 1
        while lo < s - window:
            for k, c in per[lo].items():
                d = agg[k]
                for x, v in c.items():
                    d[x] = d[x] - v
            lo += 1
        feats: list[tuple[str, ...]] = []
        memo: dict[tuple[str, str], tuple[str, ...]] = {}
        for k, t in zip(keys[s], tags[s]):
            if not k:
                feats.append(())
                continue
            f = memo.get((k, t))
            if f is None:
                f = memo[(k, t)] = _doc_feature(agg[k], t)
            feats.append(f)
        out.append(feats)
    return out


def _doc_feature(c: dict[str, int], t: str) -> tuple[str, ...]:
    total = sum(c.values()) - 1
    if total <= 0:
        return ("dk=none",)
    best, m = "", 0
    by_type: dict[str, int] = {}
    for x, v in c.items():
        if x == "O":
            continue
        if x == t:
            v -= 1
        if v <= 0:
            continue
        if v > m:
            best, m = x, v
        by_type[x[2:]] = by_type.get(x[2:], 0) + v
    if not best:
        return ("dk=O",)
    r = m / total
    typ = best[2:]
    share = by_type[typ] / total
    return ("dk=" + best + (":hi" if r >= 0.5 else ":lo" if r >= 0.2 else ":min"), "dt=" + typ + (":hi" if share >= 0.5 else ":lo"))
