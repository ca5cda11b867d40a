"""The neural entity tagger: a BiLSTM-CRF run with onnxruntime, alone or ensembled with the CRF.

Inference needs only numpy and onnxruntime (no torch). The encoder (``encoder.onnx``) maps
per-token inputs to tag scores; the CRF transitions, the Viterbi decoder and forward-backward
marginals are numpy. Per-token inputs are looked up once per word type and cached:

* frozen word2vec vectors (fp16 on disk) of the normalised word and of its most likely
  clitic-free stem, learnt from unlabelled news;
* ids of cheap features with small trained embeddings: the word's clusters at 4 granularities,
  trigger class (title / organisation head / place head / name link / reporting cue), shape,
  length of the clitic cut, frequency band, and the stem's 2- and 3-letter prefixes and suffixes.

:class:`EnsembleTagger` averages the neural per-token marginals with the CRF's
(``pycrfsuite.Tagger.marginal``) and decodes with a BIO-constrained Viterbi. It has the
interface of :class:`marsad.extract.ner_model.NerModel` (``tag``, ``tag_given_tokens``,
``featurizer``), so the ``entities`` component can use either.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..text import clitic_candidates, normalize
from .ner_features import shape_of, trigger_class
from .ner_model import NerModel, repair_bio

NUM_TOKEN = "<num>"
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
TRIGGERS = (None, "title", "orghead", "lochead", "link", "cue")
SHAPES = ("ar", "latin", "num", "punct")
#: Columns of the integer feature array, in order.
ID_COLUMNS = ("word", "stem", "c32", "c128", "c512", "c2048", "trig", "shape", "plen", "freq", "p2", "p3", "s2", "s3")
WORD_COLUMNS = 2  # word and stem ids index the word-vector table
#: Characters of the normalised word given to the character CNN (longer words are cut).
MAX_CHARS = 14

VECTORS_FILE = "vectors.npz"
#: Environment variable choosing :func:`load_tagger`'s tagger: ``ensemble`` (default), ``neural`` or ``crf``.
TAGGER_ENV = "MARSAD_NER_TAGGER"
#: Neural share of the default ensemble (chosen on the ANERcorp + AQMAR dev mean with train-only models).
ENSEMBLE_OPTION_WEIGHT = 0.6
#: How the ensemble combines its two taggers (see :class:`EnsembleTagger`): one Viterbi over the
#: weighted sum of both CRFs' scores ("joint", since session 4: train-only dev mean of the four sets
#: 73.5 → 74.2 at the same weight) or averaged per-token marginals ("marginals").
COMBINE_RULES = ("joint", "marginals")
DEFAULT_COMBINE = "joint"
ENCODER_FILE = "encoder.onnx"
META_FILE = "meta.json"



def word_key(word: str) -> str:
    """The lookup key of a token: its normalised form, or ``<num>`` for a number."""
    norm = normalize(word)
    return NUM_TOKEN if shape_of(word, norm) == "num" else norm


def freq_band(n: int) -> int:
    return 0 if n <= 0 else 1 if n < 10 else 2 if n < 100 else 3 if n < 2000 else 4


#: Entries per word-type cache: news vocabulary is Zipfian, so 30k keeps most hits while the
#: pipeline's peak memory stays bounded over thousands of articles (100k gave 413 MB on 6,005).
_CACHE = 30_000


def default_model_dir() -> Path:
    return Path(str(resources.files("marsad") / "models" / "ner_neural"))


class NeuralFeaturizer:
    """Word type → integer feature ids (cached); a sentence → an ``int32`` array [tokens, columns]."""

    def __init__(
        self, words: Sequence[str], counts: np.ndarray, clusters: np.ndarray, affixes: dict[str, Sequence[str]], alphabet: str = "",
    ) -> None:
        # Ids 0 and 1 of the word table are padding and unknown.
        self.index = {w: i + 2 for i, w in enumerate(words)}
        self.counts = counts
        self._counts = counts.tolist()  # Python ints: indexing an array costs a numpy scalar per lookup
        self.clusters = clusters  # [len(words), 4], 0 = none, else cluster + 1
        self.affix_index = {k: {a: i + 1 for i, a in enumerate(v)} for k, v in affixes.items()}
        #: Character ids for the character CNN (0 padding, 1 unknown); empty: no character input.
        self.char_index = {c: i + 2 for i, c in enumerate(alphabet)}
        self._type = lru_cache(maxsize=_CACHE)(self._type_ids)
        self._chars = lru_cache(maxsize=_CACHE)(self._char_ids)
        self._conj = lru_cache(maxsize=_CACHE)(self._starts_with_and)

    def count(self, key: str) -> int:
        i = self.index.get(key)
        return self._counts[i - 2] if i else 0

    def stem(self, norm: str) -> tuple[int, str]:
        """The clitic-free reading the unlabelled news uses most (as the CRF featurizer chooses it)."""
        best = (0, norm)
        best_n = self.count(norm)
        for plen, stem in clitic_candidates(norm):
            n = self.count(stem)
            if plen and n > best_n * 2 and n >= 5:
                best, best_n = (plen, stem), n
        return best

    def _type_ids(self, word: str) -> tuple[int, ...]:
        norm = normalize(word)
        shape = shape_of(word, norm)
        return self._ids_of(norm, shape, trigger_class(norm) if shape == "ar" else None, self.stem(norm))

    def _ids_of(self, norm: str, shape: str, trig: str | None, stem_of: tuple[int, str]) -> tuple[int, ...]:
        """The id row of a word from its normalised form, shape, trigger class (of an ``ar`` word) and :meth:`stem`."""
        key = NUM_TOKEN if shape == "num" else norm
        wid = self.index.get(key, 1)
        if shape != "ar":
            return (wid, wid, 0, 0, 0, 0, 0, SHAPES.index(shape), 0, freq_band(self.count(key)), 0, 0, 0, 0)
        plen, stem = stem_of
        sid = self.index.get(stem, 1)
        cl = self.clusters[wid - 2] if wid > 1 else None
        if (cl is None or not cl[0]) and sid > 1:
            cl = self.clusters[sid - 2]
        c = tuple(cl.tolist()) if cl is not None else (0, 0, 0, 0)
        ax = self.affix_index
        return (
            wid, sid, *c, TRIGGERS.index(trig), 0, min(plen, 4), freq_band(self.count(norm)),
            ax["p2"].get(stem[:2], 0), ax["p3"].get(stem[:3], 0), ax["s2"].get(stem[-2:], 0), ax["s3"].get(stem[-3:], 0),
        )

    def _starts_with_and(self, word: str) -> bool:
        norm = normalize(word)
        return norm.startswith("و") and self.stem(norm)[0] >= 1

    def word_type(self, norm: str, shape: str, trig: str | None) -> tuple[tuple[int, ...], tuple[int, ...], bool]:
        """``(ids, character ids, carries و)`` of a word from its normalised form, shape and trigger
        class (computed once by the caller; see :meth:`Featurizer.word_type`), uncached."""
        stem_of = self.stem(norm)
        return self._ids_of(norm, shape, trig, stem_of), self._chars_of(norm), norm.startswith("و") and stem_of[0] >= 1

    def conjoined(self, words: Sequence[str]) -> np.ndarray:
        """Which words carry a و proclitic (by the same frequency test as the stem)."""
        c = self._conj
        return np.fromiter((c(w) for w in words), dtype=bool, count=len(words))

    def sentence(self, words: Sequence[str]) -> np.ndarray:
        t = self._type
        return np.array([t(w) for w in words], dtype=np.int64).reshape(len(words), len(ID_COLUMNS))

    def _char_ids(self, word: str) -> tuple[int, ...]:
        return self._chars_of(normalize(word))

    def _chars_of(self, norm: str) -> tuple[int, ...]:
        norm = norm[:MAX_CHARS]
        ci = self.char_index
        return tuple(ci.get(c, 1) for c in norm) + (0,) * (MAX_CHARS - len(norm))

    def chars(self, words: Sequence[str]) -> np.ndarray:
        c = self._chars
        return np.array([c(w) for w in words], dtype=np.int64).reshape(len(words), MAX_CHARS)


class WordTypes:
    """Per word type, what the taggers need, computed in one pass and kept in preallocated arrays.

    The neural featurizer and the CRF's both normalise a word, find its shape, its trigger class
    and its clitic-free stem; here that happens once per word type, and the results (the neural
    id row, character ids, the و flag, and with a :class:`~.ner_fastcrf.FastTwoStage` the CRF's
    word block, pair-vocabulary ids and document key) live in arrays indexed by a slot. When
    the table is full, the half used most since the last time stays (news vocabulary is Zipfian).
    """

    def __init__(self, neural: NeuralFeaturizer, crf=None, size: int = 20_000) -> None:
        self.neural = neural
        self.crf = crf
        self.size = size
        self._alloc(size)

    def _alloc(self, size: int) -> None:
        self.slot: dict[str, int] = {}
        self.words: list[str] = [""] * size
        self.hits = np.zeros(size, dtype=np.int64)
        self.ids = np.zeros((size, len(ID_COLUMNS)), dtype=np.int32)
        self.chars = np.zeros((size, MAX_CHARS), dtype=np.int32)
        self.conj = np.zeros(size, dtype=bool)
        if self.crf is not None:
            self.blocks = np.zeros((size, 5, 2, len(self.crf.labels)))
            self.norm_ids = np.zeros(size, dtype=np.int64)
            self.cls_ids = np.zeros(size, dtype=np.int64)
            self.keys: list[str] = [""] * size

    def _compact(self) -> None:
        """Keep the half of the table used most since the last compaction, in slots 0…k−1.

        Over the 6,005 news articles (1.69M tokens), 30k slots emptied when full compute 325k word
        types; 20k slots keeping the most used half compute 284k and hold a third less."""
        keep = len(self.hits) // 2
        order = np.argsort(-self.hits[: len(self.slot)], kind="stable")[:keep]
        arrays = ["ids", "chars", "conj"] + (["blocks", "norm_ids", "cls_ids"] if self.crf is not None else [])
        for name in arrays:
            a = getattr(self, name)
            a[: len(order)] = a[order]
        idx = order.tolist()
        self.words[: len(idx)] = [self.words[i] for i in idx]
        if self.crf is not None:
            self.keys[: len(idx)] = [self.keys[i] for i in idx]
        self.slot = {self.words[j]: j for j in range(len(idx))}
        self.hits[:] = 0
        self.hits[: len(idx)] = 1

    def lookup(self, words: Sequence[str]) -> np.ndarray:
        """Slots of ``words`` (valid until the next call: gather what you need before it)."""
        get = self.slot.get
        got = [get(w) for w in words]
        if None in got:
            cap = len(self.hits)
            if len(self.slot) + len(words) > cap:
                need = len({w for w, g in zip(words, got) if g is None})
                if len(self.slot) + need > cap:
                    if need <= cap // 2:
                        self._compact()
                    get = self.slot.get
                    got = [get(w) for w in words]
                    need = len({w for w, g in zip(words, got) if g is None})
                    if len(self.slot) + need > len(self.hits):
                        # A document with more word types than the table holds: a fresh, larger one for a while.
                        self._alloc(max(self.size, len(set(words))))
                        got = [None] * len(words)
            slot = self.slot
            for k, w in enumerate(words):
                if got[k] is None:
                    i = slot.get(w)
                    if i is None:
                        i = slot[w] = len(slot)
                        self.words[i] = w
                        self._fill(i, w)
                    got[k] = i
        out = np.array(got, dtype=np.int64)
        np.add.at(self.hits, out, 1)
        return out

    def _fill(self, i: int, word: str) -> None:
        norm = normalize(word)
        shape = shape_of(word, norm)
        trig = trigger_class(norm) if shape in ("ar", "latin") else None
        self.ids[i], self.chars[i], self.conj[i] = self.neural.word_type(norm, shape, trig if shape == "ar" else None)
        crf = self.crf
        if crf is not None:
            own, ctx, cls, key = crf.fz.word_type(word, norm, shape, trig)
            self.blocks[i] = crf.block_of(own, ctx)
            vocab = crf.pair_vocab
            self.norm_ids[i] = vocab.get(norm, -1)
            self.cls_ids[i] = vocab.get(cls, -1)
            self.keys[i] = key


def _bio_allowed() -> np.ndarray:
    """allowed[i, j]: may tag j follow tag i (no ``I-X`` after anything but ``B-X``/``I-X``)."""
    n = len(TAGS)
    ok = np.ones((n, n), dtype=bool)
    for j, t in enumerate(TAGS):
        if t.startswith("I-"):
            for i, s in enumerate(TAGS):
                ok[i, j] = s[2:] == t[2:]
    return ok


BIO_ALLOWED = _bio_allowed()
START_ALLOWED = np.array([not t.startswith("I-") for t in TAGS])


def viterbi(scores: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best path of a linear-chain CRF: ``scores`` [T, K] emissions, ``trans`` [K, K] (from, to)."""
    T = scores.shape[0]
    back = np.empty((T, scores.shape[1]), dtype=np.int64)
    v = start + scores[0]
    for t in range(1, T):
        cand = v[:, None] + trans
        back[t] = cand.argmax(0)
        v = cand.max(0) + scores[t]
    v = v + end
    path = [int(v.argmax())]
    for t in range(T - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def marginals(scores: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per-token tag marginals of a linear-chain CRF, [T, K] (forward-backward).

    Scaled in probability space (each step renormalised): a third of the cost of the log-space
    recursion; the log-space one takes over if a step underflows.
    """
    T = scores.shape[0]
    e = np.exp(scores - scores.max(1, keepdims=True))
    et = np.exp(trans - trans.max())
    alpha = np.empty_like(e)
    beta = np.empty_like(e)
    a = np.exp(start - start.max()) * e[0]
    z = a.sum()
    alpha[0] = a / z
    for t in range(1, T):
        a = (alpha[t - 1] @ et) * e[t]
        z = a.sum()
        if not z > 1e-280:
            return _log_marginals(scores, trans, start, end)
        alpha[t] = a / z
    b = np.exp(end - end.max())
    beta[T - 1] = b / b.sum()
    for t in range(T - 2, -1, -1):
        b = et @ (e[t + 1] * beta[t + 1])
        z = b.sum()
        if not z > 1e-280:
            return _log_marginals(scores, trans, start, end)
        beta[t] = b / z
    p = alpha * beta
    return p / p.sum(1, keepdims=True)


def batch_marginals(scores: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[np.ndarray]:
    """:func:`marginals` of several sentences at once (padded to the longest): one numpy step per
    position for the whole batch instead of one per sentence. Use on sentences of similar length."""
    B, K = len(scores), trans.shape[0]
    lens = np.array([len(x) for x in scores])
    T = int(lens.max())
    e = np.zeros((B, T, K))
    for b, x in enumerate(scores):
        e[b, : len(x)] = np.exp(x - x.max(1, keepdims=True))
    et = np.exp(trans - trans.max())
    alpha = np.empty((B, T, K))
    beta = np.empty((B, T, K))
    a = np.exp(start - start.max())[None, :] * e[:, 0]
    b_end = np.exp(end - end.max())
    b_end = b_end / b_end.sum()
    ends = (np.arange(T)[:, None] == lens[None, :] - 1)[:, :, None]  # [T, B, 1]: a sentence's last token
    etT = et.T
    # A step whose sum underflows to 0 gives NaN (0/0), which the finiteness check below sends to
    # the log-space recursion; padded steps (e = 0) give NaN too but are never read.
    with np.errstate(invalid="ignore", divide="ignore"):
        a = a / a.sum(1, keepdims=True)
        alpha[:, 0] = a
        for t in range(1, T):
            a = (a @ et) * e[:, t]
            a /= a.sum(1, keepdims=True)
            alpha[:, t] = a
        nb = np.broadcast_to(b_end, (B, K))
        beta[:, T - 1] = nb
        for t in range(T - 2, -1, -1):
            nb = (e[:, t + 1] * nb) @ etT
            nb /= nb.sum(1, keepdims=True)
            # A sentence ending at t starts its backward pass here.
            nb = np.where(ends[t], b_end, nb)
            beta[:, t] = nb
        p = alpha * beta
        p = p / p.sum(2, keepdims=True)
    out = []
    for b, n in enumerate(lens):
        pb = p[b, :n]
        out.append(pb if np.isfinite(pb).all() else _log_marginals(np.asarray(scores[b], dtype=np.float64), trans, start, end))
    return out


def _log_marginals(scores: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    T, K = scores.shape
    alpha = np.empty((T, K))
    beta = np.empty((T, K))
    alpha[0] = start + scores[0]
    for t in range(1, T):
        alpha[t] = _lse(alpha[t - 1][:, None] + trans, 0) + scores[t]
    beta[T - 1] = end
    for t in range(T - 2, -1, -1):
        beta[t] = _lse(trans + (scores[t + 1] + beta[t + 1])[None, :], 1)
    logz = _lse(alpha[T - 1] + end, 0)
    return np.exp(alpha + beta - logz)


def _lse(x: np.ndarray, axis: int) -> np.ndarray:
    m = x.max(axis)
    return m + np.log(np.exp(x - np.expand_dims(m, axis)).sum(axis))


_NEG = -1e4
_TRANS_BIO = np.where(BIO_ALLOWED, 0.0, _NEG)
_START_BIO = np.where(START_ALLOWED, 0.0, _NEG)
_ZERO = np.zeros(len(TAGS))


_NO_CONTINUE = [TAGS.index("I-PER"), TAGS.index("I-LOC")]


def batch_decode_marginals(probs: Sequence[np.ndarray]) -> list[list[str]]:
    """:func:`decode_marginals` of several sentences at once (similar lengths work best)."""
    B, K = len(probs), len(TAGS)
    lens = np.array([len(p) for p in probs])
    T = int(lens.max())
    sc = np.zeros((B, T, K))
    for b, p in enumerate(probs):
        sc[b, : len(p)] = np.log(np.clip(p, 1e-9, None))
    return [[TAGS[i] for i in path] for path in viterbi_paths(sc, lens, _TRANS_BIO, _START_BIO)]


def viterbi_paths(sc: np.ndarray, lens: np.ndarray, trans: np.ndarray, start: np.ndarray | None = None) -> list[list[int]]:
    """Best paths of padded scores ``[B, T, K]`` (sentence ``b`` is ``sc[b, :lens[b]]``) under ``trans`` [from, to].

    Steps past a sentence's end run on padding; its final scores are read at its own last step."""
    B, T, K = sc.shape
    back = np.zeros((B, T, K), dtype=np.int64)
    hist = np.empty((T, B, K))
    v = sc[:, 0] + start[None, :] if start is not None else sc[:, 0].copy()
    hist[0] = v
    tr = trans[None, :, :]
    for t in range(1, T):
        cand = v[:, :, None] + tr
        back[:, t] = cand.argmax(1)
        v = cand.max(1) + sc[:, t]
        hist[t] = v
    final = hist[lens - 1, np.arange(B)].argmax(1)
    out = []
    for b, n in enumerate(lens.tolist()):
        path = [int(final[b])]
        bb = back[b]
        for t in range(n - 1, 0, -1):
            path.append(int(bb[t, path[-1]]))
        out.append(path[::-1])
    return out


def decode_marginals(probs: np.ndarray) -> list[str]:
    """The BIO-valid tag sequence with the highest sum of log marginals."""
    path = viterbi(np.log(np.clip(probs, 1e-9, None)), _TRANS_BIO, _START_BIO, _ZERO)
    return [TAGS[i] for i in path]


def model_inputs(featurizer: NeuralFeaturizer, vectors: np.ndarray, batch: Sequence[Sequence[str]]) -> dict[str, np.ndarray]:
    """Padded encoder inputs for a batch of non-empty sentences."""
    lens = np.array([len(s) for s in batch], dtype=np.int64)
    T = int(lens.max())
    ids = np.zeros((len(batch), T, len(ID_COLUMNS)), dtype=np.int64)
    for b, s in enumerate(batch):
        ids[b, : len(s)] = featurizer.sentence(s)
    vec = vectors[ids[:, :, :WORD_COLUMNS]].astype(np.float32).reshape(len(batch), T, -1)
    # Index that reverses each sentence within its length (the backward LSTM reads it left to right).
    ar = np.arange(T)[None, :]
    rev = np.where(ar < lens[:, None], lens[:, None] - 1 - ar, ar)
    out = {"vectors": vec, "ids": ids[:, :, WORD_COLUMNS:], "rev": rev}
    if featurizer.char_index:
        chars = np.zeros((len(batch), T, MAX_CHARS), dtype=np.int64)
        for b, s in enumerate(batch):
            chars[b, : len(s)] = featurizer.chars(s)
        out["chars"] = chars
    return out


def inputs_from_rows(vectors: np.ndarray, ids: Sequence[np.ndarray], chars: Sequence[np.ndarray] | None) -> dict[str, np.ndarray]:
    """:func:`model_inputs` from each sentence's id rows (and character rows) already looked up."""
    lens = np.array([len(x) for x in ids], dtype=np.int64)
    T = int(lens.max())
    pad = np.zeros((len(ids), T, len(ID_COLUMNS)), dtype=np.int64)
    for b, x in enumerate(ids):
        pad[b, : len(x)] = x
    vec = vectors[pad[:, :, :WORD_COLUMNS]].astype(np.float32).reshape(len(ids), T, -1)
    ar = np.arange(T)[None, :]
    rev = np.where(ar < lens[:, None], lens[:, None] - 1 - ar, ar)
    out = {"vectors": vec, "ids": pad[:, :, WORD_COLUMNS:], "rev": rev}
    if chars is not None:
        cpad = np.zeros((len(ids), T, MAX_CHARS), dtype=np.int64)
        for b, x in enumerate(chars):
            cpad[b, : len(x)] = x
        out["chars"] = cpad
    return out


def length_groups(lengths: Sequence[int], cap: int = 32) -> list[list[int]]:
    """Indices grouped for shared encoder calls: by length, each group within 25 % (+2) of its
    shortest. Padding costs more than a call: the LSTM runs every padded step (grouping any
    lengths up to 2× + 8 took 1.64 s of encoder time on 300 articles, this 1.38 s, one call per
    sentence 1.45 s)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    out: list[list[int]] = []
    start = 0
    while start < len(order):
        end = start + 1
        limit = lengths[order[start]] * 1.25 + 2
        while end < len(order) and end - start < cap and lengths[order[end]] <= limit:
            end += 1
        out.append(order[start:end])
        start = end
    return out


class NeuralTagger:
    """BiLSTM-CRF encoder in ONNX + numpy decoding."""

    def __init__(self, model_dir: str | Path) -> None:
        import onnxruntime as ort

        model_dir = Path(model_dir)
        self.meta = json.loads((model_dir / META_FILE).read_text(encoding="utf-8"))
        with np.load(model_dir / VECTORS_FILE, allow_pickle=False) as z:
            words = [str(w) for w in z["words"]]
            self.vectors = z["vectors"]  # fp16 [2 + V, D]; rows 0/1 (pad/unknown) are zero
            counts = z["counts"]
            clusters = z["clusters"]
            trans = z["transitions"].astype(np.float64)
            self.start = z["start"].astype(np.float64)
            self.end = z["end"].astype(np.float64)
        self.trans = trans
        affixes = self.meta["affixes"]
        self.featurizer = NeuralFeaturizer(words, counts, clusters, affixes, self.meta.get("alphabet", ""))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = int(self.meta.get("threads", 1))
        opts.inter_op_num_threads = 1
        # No arena: it keeps the largest batch's buffers for the process lifetime.
        opts.enable_cpu_mem_arena = False
        self.split_conjoined = bool(self.meta.get("split_conjoined", True))
        self.session = ort.InferenceSession(str(model_dir / ENCODER_FILE), opts, providers=["CPUExecutionProvider"])
        #: Per word type inputs (the ensemble reads them from its own table, which also holds the CRF's).
        self.types = WordTypes(self.featurizer)

    def inputs(self, batch: Sequence[Sequence[str]]) -> dict[str, np.ndarray]:
        return model_inputs(self.featurizer, self.vectors, batch)

    def rows(self, batch: Sequence[Sequence[str]], types: WordTypes | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Id rows, character rows and و flags of a batch's tokens end to end (from ``types``, default this tagger's table)."""
        types = types or self.types
        slots = types.lookup([w for s in batch for w in s])
        return types.ids[slots], types.chars[slots], types.conj[slots]

    def emissions(self, batch: Sequence[Sequence[str]], rows: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> list[np.ndarray]:
        """Tag scores per sentence (``rows``: :meth:`rows` of the batch, when already looked up).
        Sentences of similar length share an encoder call (see :func:`length_groups`)."""
        if not batch:
            return []
        ids, chars, conj = rows if rows is not None else self.rows(batch)
        bounds = np.cumsum([0] + [len(s) for s in batch])
        res: list[np.ndarray] = [np.empty(0)] * len(batch)
        has_chars = bool(self.featurizer.char_index)
        for group in length_groups([len(s) for s in batch]):
            sl = [slice(bounds[i], bounds[i + 1]) for i in group]
            inp = inputs_from_rows(self.vectors, [ids[x] for x in sl], [chars[x] for x in sl] if has_chars else None)
            (out,) = self.session.run(None, inp)
            for b, i in enumerate(group):
                res[i] = out[b, : len(batch[i])].astype(np.float64)
        if self.split_conjoined:
            # و + name after a name starts a new name ("لافروف وظريف", "العراق وسوريا"): in the
            # training data 137 of 148 such PER words and 263 of 278 LOC words are B-, not I-.
            for i, e in enumerate(res):
                c = conj[bounds[i]:bounds[i + 1]]
                if c.any():
                    e[np.ix_(c, _NO_CONTINUE)] = _NEG
        return res

    def tag_batch(self, batch: Sequence[Sequence[str]]) -> list[list[str]]:
        return [[TAGS[i] for i in viterbi(e, self.trans, self.start, self.end)] for e in self.emissions(batch)]

    def marginal_batch(self, batch: Sequence[Sequence[str]], rows: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> list[np.ndarray]:
        em = self.emissions(batch, rows)
        out: list[np.ndarray] = [np.empty(0)] * len(em)
        for group in _groups_of_32([len(e) for e in em]):
            for i, m in zip(group, batch_marginals([em[i] for i in group], self.trans, self.start, self.end)):
                out[i] = m
        return out


class EnsembleTagger(NerModel):
    """CRF + BiLSTM-CRF with weight ``w`` on the neural model.

    ``combine="joint"`` (the default): one Viterbi over ``w`` × the neural CRF's scores (emissions,
    transitions, start/end) + ``1 − w`` × the CRF's (state scores, transitions), i.e. the best tag
    sequence under the weighted product of the two sequence models. ``combine="marginals"``: per-token
    marginals averaged, then the BIO path with the highest summed log marginal (the rule before
    session 4; also the fallback when the CRF is not available as numpy scorers).

    A :class:`NerModel` to its users: ``featurizer`` (the CRF's: word frequencies for the
    entities component), ``tag``, ``tag_given_tokens``. With ``weight == 1`` the CRF is not run.
    """

    def __init__(self, crf: NerModel, neural: NeuralTagger, weight: float, combine: str = DEFAULT_COMBINE) -> None:
        if combine not in COMBINE_RULES:
            raise ValueError(f"combine must be one of {COMBINE_RULES}, not {combine!r}")
        # The CRF's settings (e.g. its context window) stay readable at the top level.
        super().__init__(crf.featurizer, crf.tagger, {**crf.meta, "neural": neural.meta, "crf": crf.meta, "weight": weight, "combine": combine})
        self.stage2 = getattr(crf, "stage2", None)
        self.neural = neural
        self.weight = weight
        self.combine = combine
        self.model_dir = crf.model_dir
        self._fast_crf: object = None  # FastTwoStage, built on first use; False when unavailable
        self._types: WordTypes | None = None
        self._joint: dict[tuple[int, float], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}

    def _joint_model(self, fast, stage: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Transitions, start and end scores (TAGS order, BIO-constrained) of the weighted product
        of the neural CRF and CRF stage ``stage`` (1 or 2)."""
        key = (stage, self.weight)  # the weight is an attribute: callers may change it
        if key not in self._joint:
            w = self.weight
            crf_trans = np.full((len(TAGS), len(TAGS)), _NEG)
            cols = [TAGS.index(lab) for lab in fast.labels]
            crf_trans[np.ix_(cols, cols)] = fast.trans1 if stage == 1 else fast.trans2
            self._joint[key] = (
                w * self.neural.trans + (1.0 - w) * crf_trans + _TRANS_BIO,
                w * self.neural.start + _START_BIO,
                w * self.neural.end,  # crfsuite has no start/end weights
            )
        return self._joint[key]

    def _crf_scores(self, fast, scores: np.ndarray) -> np.ndarray:
        """CRF state scores ``[n, labels]`` in TAGS order (a tag the CRF lacks scores :data:`_NEG`)."""
        out = np.full((len(scores), len(TAGS)), _NEG)
        out[:, [TAGS.index(lab) for lab in fast.labels]] = scores
        return out

    def _joint_decode(self, fast, stage: int, crf_scores: Sequence[np.ndarray], neural: Sequence[np.ndarray] | None) -> list[list[str]]:
        """Tags of sentences under the weighted product (see the class doc), decoded in groups of similar length."""
        trans, start, end = self._joint_model(fast, stage)
        w = self.weight
        mixed = [(1.0 - w) * self._crf_scores(fast, c) for c in crf_scores]
        if neural is not None and w > 0:
            mixed = [m + w * e for m, e in zip(mixed, neural)]
        out: list[list[str]] = [[] for _ in mixed]
        for group in _groups_of_32([len(m) for m in mixed]):
            lens = np.array([len(mixed[k]) for k in group])
            sc = np.zeros((len(group), int(lens.max()), len(TAGS)))
            for b, k in enumerate(group):
                sc[b, : lens[b]] = mixed[k]
                sc[b, lens[b] - 1] += end
            for k, path in zip(group, viterbi_paths(sc, lens, trans, start)):
                out[k] = [TAGS[i] for i in path]
        return out

    @property
    def _crf_labels(self) -> list[tuple[int, str]]:
        """(TAGS index, label) of the pycrfsuite tagger's labels (opens it: the slow path only)."""
        return [(TAGS.index(lab), lab) for lab in self.tagger.labels() if lab in TAGS]  # type: ignore[attr-defined]

    def fast_crf(self):
        """Both CRF stages as numpy scorers (:mod:`.ner_fastcrf`), or None (no model files / one stage)."""
        if self._fast_crf is None:
            self._fast_crf = False
            d = self.model_dir
            if d is not None and self.stage2 is not None:
                from .ner_fastcrf import CrfScorer, FastTwoStage
                from .ner_model import MODEL_FILE, STAGE2_FILE

                fast = FastTwoStage(self.featurizer, CrfScorer(Path(d) / MODEL_FILE), CrfScorer(Path(d) / STAGE2_FILE))
                if all(lab in TAGS for lab in fast.labels):
                    self._fast_crf = fast
        return self._fast_crf or None

    def _to_tags(self, fast, marg: np.ndarray) -> np.ndarray:
        out = np.zeros((len(marg), len(TAGS)))
        out[:, [TAGS.index(lab) for lab in fast.labels]] = marg
        return out

    def crf_marginals(self, words: Sequence[str]) -> np.ndarray:
        """Per-token marginals of the (first-stage) CRF for one sentence."""
        return _crf_marginals(self.tagger, self.featurizer.sentence(words), len(words), self._crf_labels)

    def word_types(self, fast) -> WordTypes:
        """The table of both taggers' per-word-type inputs (built on first use)."""
        if self._types is None:
            self._types = WordTypes(self.neural.featurizer, fast)
        return self._types

    def _fast_marginals(self, fast, sentences: Sequence[Sequence[str]], window: int | None) -> tuple[list[np.ndarray], tuple]:
        """Second-stage CRF marginals (in TAGS order) of a document's non-empty sentences, all in
        numpy, and the neural inputs looked up on the way (for :meth:`NeuralTagger.emissions`)."""
        from .ner_fastcrf import marginals_batch

        s2, neural_rows = self._fast_stage2(fast, sentences, window)
        out: list[np.ndarray] = [np.zeros(0)] * len(sentences)
        for group in _groups_of_32([len(s) for s in s2]):
            for k, m in zip(group, marginals_batch([s2[k] for k in group], fast.trans2)):
                out[k] = self._to_tags(fast, m)
        return out, neural_rows

    def _fast_stage2(self, fast, sentences: Sequence[Sequence[str]], window: int | None) -> tuple[list[np.ndarray], tuple]:
        """Second-stage CRF state scores (``[n, labels]``, the CRF's label order) of a document's
        non-empty sentences, and the neural inputs looked up on the way."""
        from .ner_fastcrf import document_features, viterbi_batch

        types = self.word_types(fast)
        slots = types.lookup([w for s in sentences for w in s])
        lens = [len(s) for s in sentences]
        bounds = np.cumsum([0, *lens])
        pos = np.arange(bounds[-1]) - np.repeat(bounds[:-1], lens)
        scores = fast.document_base_scores(types.blocks[slots], pos, types.norm_ids[slots], types.cls_ids[slots])
        keys_flat = [types.keys[i] for i in slots.tolist()]
        neural_rows = (types.ids[slots], types.chars[slots], types.conj[slots])
        groups = _groups_of_32(lens)
        first: list[list[str]] = [[] for _ in sentences]
        labels = fast.labels
        for group in groups:
            for k, path in zip(group, viterbi_batch([scores[bounds[k]:bounds[k + 1], 0] for k in group], fast.trans1)):
                first[k] = repair_bio([labels[j] for j in path])
        keys = [keys_flat[bounds[k]:bounds[k + 1]] for k in range(len(sentences))]
        doc = document_features(keys, first, self.context_window if window is None else window)
        s2 = fast.document_stage2(scores[:, 1], pos, [d for sent in doc for d in sent])
        return [s2[bounds[k]:bounds[k + 1]] for k in range(len(sentences))], neural_rows

    def tag_batch(self, batch: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tags for several sentences at once (one encoder call)."""
        items = [(i, s) for i, s in enumerate(batch) if s]
        out: list[list[str]] = [[] for _ in batch]
        if not items:
            return out
        if self.weight >= 1.0:
            for (i, _), tags in zip(items, self.neural.tag_batch([s for _, s in items])):
                out[i] = repair_bio(tags)
            return out
        w = self.weight
        sents = [s for _, s in items]
        if self.combine == "joint" and (fast := self.fast_crf()) is not None:
            neural = self.neural.emissions(sents) if w > 0 else None
            for (i, _), tags in zip(items, self._joint_decode(fast, 1, [fast.base_scores(s)[0] for s in sents], neural)):
                out[i] = tags
            return out
        # numpy marginals pay per position, whatever the batch: for a few sentences pycrfsuite's C loop is faster.
        fast = self.fast_crf() if len(sents) >= 8 else None
        if fast is not None:
            from .ner_fastcrf import marginals_batch

            crf = [self._to_tags(fast, m) for m in marginals_batch([fast.base_scores(s)[0] for s in sents], fast.trans1)]
        else:
            crf = [self.crf_marginals(s) for s in sents]
        neural = self.neural.marginal_batch(sents) if w > 0 else crf
        for (i, _), p, c in zip(items, neural, crf):
            out[i] = decode_marginals(w * p + (1.0 - w) * c if w > 0 else c)
        return out

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        return self.tag_batch([words])[0]

    def tag_document(self, sentences: Sequence[Sequence[str]], window: int | None = None) -> list[list[str]]:
        """Tags for the sentences of one document.

        Neural alone (weight 1): each sentence on its own (batched encoder calls). In an ensemble with a two-stage CRF,
        the CRF's marginals come from its second stage, which sees the document's other sentences.
        """
        self._documents = getattr(self, "_documents", 0) + 1
        if self._documents % TRIM_EVERY == 0:
            release_freed_memory()
        stage2 = getattr(self, "stage2", None)
        if self.weight >= 1.0 or stage2 is None:
            # Sentences of similar length share encoder calls (news, 300 articles: 45k tokens per
            # CPU s against 35k one sentence at a time); each sentence is still decoded on its own.
            return self.tag_batch(sentences)
        idx = [i for i, s in enumerate(sentences) if s]
        out: list[list[str]] = [[] for _ in sentences]
        w = self.weight
        fast = self.fast_crf()
        rows = None
        sents = [sentences[i] for i in idx]
        if fast is not None and self.combine == "joint":
            s2, rows = self._fast_stage2(fast, sents, window)
            neural = self.neural.emissions(sents, rows) if w > 0 else None
            for k, tags in enumerate(self._joint_decode(fast, 2, s2, neural)):
                out[idx[k]] = tags
            return out
        if fast is not None:
            mixed, rows = self._fast_marginals(fast, sents, window)
        else:
            feats = self.stage2_inputs(sents, window)
            mixed = [_crf_marginals(stage2, f, len(sentences[i]), self._crf_labels) for i, f in zip(idx, feats)]
        if w > 0:
            mixed = [w * p + (1.0 - w) * c for p, c in zip(self.neural.marginal_batch(sents, rows), mixed)]
        # Decode in groups of similar length (one numpy step per position for the whole group).
        for group in _groups_of_32([len(m) for m in mixed]):
            for k, tags in zip(group, batch_decode_marginals([mixed[k] for k in group])):
                out[idx[k]] = tags
        return out


#: Documents between two :func:`release_freed_memory` calls of a tagger.
TRIM_EVERY = 50


@lru_cache(maxsize=1)
def _malloc_trim():
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to do
        return None


def release_freed_memory() -> None:
    """Hand freed heap pages back to the OS (glibc ``malloc_trim``; a no-op elsewhere).

    Each document allocates and frees numpy arrays of a few hundred KB (scores, marginals, encoder
    inputs); glibc serves them from the heap once its mmap threshold has risen, and the freed pages
    stay in the process. Over 3,000 news articles the pipeline's RSS grew to 338 MB without this and
    299 MB with it every 50 documents."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _groups_of_32(lengths: Sequence[int]) -> list[list[int]]:
    """Indices sorted by length in groups of 32 (one numpy step per position for each group)."""
    order = sorted(range(len(lengths)), key=lambda k: lengths[k])
    return [order[g:g + 32] for g in range(0, len(order), 32)]


def _crf_marginals(tagger, features, n: int, labels: Sequence[tuple[int, str]]) -> np.ndarray:
    tagger.set(features)
    out = np.zeros((n, len(TAGS)))
    marginal = tagger.marginal
    for j, lab in labels:
        out[:, j] = [marginal(lab, t) for t in range(n)]
    return out


def load_ensemble(model_dir: str | Path | None = None, crf_dir: str | Path | None = None, weight: float | None = None,
                  combine: str | None = None) -> EnsembleTagger:
    """The neural tagger from ``model_dir`` with the CRF from ``crf_dir`` (default: the shipped ones).

    ``weight`` is the neural model's share in the mix (default: ``ensemble_weight`` in its
    ``meta.json``; 1.0 runs the neural model alone); ``combine`` how the two are combined
    (default: ``ensemble_combine`` in its ``meta.json``, else :data:`DEFAULT_COMBINE`).
    """
    return _load_ensemble(str(model_dir or default_model_dir()), str(crf_dir) if crf_dir else None, weight, combine)


@lru_cache(maxsize=4)
def _load_ensemble(model_dir: str, crf_dir: str | None, weight: float | None, combine: str | None = None) -> EnsembleTagger:
    from .ner_model import load_model

    neural = NeuralTagger(model_dir)
    w = float(neural.meta.get("ensemble_weight", 1.0)) if weight is None else weight
    rule = combine or str(neural.meta.get("ensemble_combine", DEFAULT_COMBINE))
    ens = EnsembleTagger(load_model(crf_dir), neural, w, rule)
    if w < 1.0:
        ens.fast_crf()  # the numpy CRF's tables are part of loading (≈ 0.2 s), not of the first article
    return ens


def available(model_dir: str | Path | None = None) -> bool:
    """Whether a neural model is installed (and onnxruntime with it)."""
    d = Path(model_dir) if model_dir else default_model_dir()
    if not (d / ENCODER_FILE).is_file() or not (d / VECTORS_FILE).is_file():
        return False
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def load_tagger(model_dir: str | Path | None = None) -> NerModel:
    """The entity tagger to use: the neural tagger ensembled with the two-stage CRF when installed, else the CRF.

    A directory chooses by its files: ``encoder.onnx`` → neural (with the shipped CRF for word
    frequencies and any ensemble; the weight in its ``meta.json``), otherwise a CRF model
    directory. ``MARSAD_NER_TAGGER`` in the environment: ``ensemble`` (the default: the most
    accurate, ≥ 20k tokens per CPU second since the numpy CRF and the shared word-type table),
    ``neural`` (the BiLSTM-CRF alone, ≈ 1.3–1.5× as fast, 1.4 / 3.0 F1 lower on ANERcorp / AQMAR dev)
    or ``crf``.
    """
    import os

    from .ner_model import load_model

    if model_dir is not None:
        d = Path(model_dir)
        return load_ensemble(d) if (d / ENCODER_FILE).is_file() else load_model(str(d))
    choice = os.environ.get(TAGGER_ENV, "").lower()
    if choice == "crf":
        return load_model()
    if not available():
        return load_model()
    if choice == "neural":
        return load_ensemble(weight=1.0)
    return load_ensemble(weight=ENSEMBLE_OPTION_WEIGHT)
