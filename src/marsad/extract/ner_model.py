"""The shipped CRF entity tagger: loading it once, tagging token sequences.

The model is trained on the NER corpora re-tokenised with :func:`marsad.text.tokenize`, so it
tags exactly the tokens the pipeline sees (punctuation split off, quote marks as tokens).
:meth:`NerModel.tag_given_tokens` maps those tags back onto tokens as a corpus gives them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..text import tokenize
from .ner_clusters import read_table
from .ner_features import Featurizer, document_features, with_document_features

MODEL_FILE = "crf.model"
#: Second-stage CRF (document context); optional — without it the model is the first stage alone.
STAGE2_FILE = "crf2.model"
#: Sentences on each side whose first-stage tags the second stage sees, unless meta.json says otherwise.
DEFAULT_CONTEXT = 20
CLUSTER_FILE = "clusters.tsv.gz"
META_FILE = "meta.json"
LEXICON_FILE = "lexicon.tsv.gz"


def read_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """``stem<TAB>feature<TAB>feature...`` lines (gzip) → stem → features."""
    import gzip

    out: dict[str, tuple[str, ...]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 1:
                out[parts[0]] = tuple(parts[1:])
    return out


def default_model_dir() -> Path:
    """The model directory inside the installed package."""
    return Path(str(resources.files("marsad") / "models" / "ner"))


class ModelMissing(FileNotFoundError):
    pass


class LazyTagger:
    """A ``pycrfsuite.Tagger`` opened on first use: the numpy ensemble reads the model file itself
    and never needs it, and an open tagger holds the whole model in memory (≈ 4.4 MB each)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._tagger = None

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if self._tagger is None:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._tagger = tagger
        return getattr(self._tagger, name)


@dataclass
class NerModel:
    """A CRF tagger plus the featurizer it was trained with.

    ``tagger`` is the first-stage CRF over ``featurizer.sentence(words)``. When ``stage2`` is
    present, :meth:`tag_document` re-tags each sentence with a second CRF that also sees how the
    first stage tagged the same words in the surrounding sentences; :meth:`tag` is the first
    stage on one sentence.
    """

    featurizer: Featurizer
    tagger: object  # pycrfsuite.Tagger
    meta: dict
    stage2: object | None = None  # pycrfsuite.Tagger
    #: The directory the model was loaded from (for readers of its files, e.g. :mod:`.ner_fastcrf`).
    model_dir: Path | None = None

    @property
    def context_window(self) -> int:
        return int(self.meta.get("context_window", DEFAULT_CONTEXT))

    @classmethod
    def load(cls, model_dir: str | Path) -> NerModel:
        model_dir = Path(model_dir)
        for name in (MODEL_FILE, CLUSTER_FILE):
            if not (model_dir / name).is_file():
                raise ModelMissing(f"NER model file missing: {model_dir / name} (train one with `marsad train ner`)")
        clusters, freq = read_table(model_dir / CLUSTER_FILE)
        # Each row's cluster ids are separate string objects; there are only a few thousand distinct
        # ones (32 + 128 + 512 + 2048 clusters): sharing them saves ≈ 15 MB.
        pool: dict[str, str] = {}
        clusters = {w: tuple(pool.setdefault(x, x) for x in c) for w, c in clusters.items()}
        tagger = LazyTagger(model_dir / MODEL_FILE)
        lex_path = model_dir / LEXICON_FILE
        lexicon = read_lexicon(lex_path) if lex_path.is_file() else {}
        meta_path = model_dir / META_FILE
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        stage2 = None
        if (model_dir / STAGE2_FILE).is_file():
            stage2 = LazyTagger(model_dir / STAGE2_FILE)
        return cls(Featurizer(clusters, freq, lexicon, conjunctions=bool(meta.get("conjunctions"))), tagger, meta, stage2, model_dir)

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags for one sentence's tokens (as :func:`marsad.text.tokenize` splits text).

        The first stage alone: the second stage needs other sentences (a one-sentence context
        scores below the first stage, −2.4 F1 on ANERcorp dev), so use :meth:`tag_document`
        when the whole text is at hand.
        """
        if not words:
            return []
        return repair_bio(self.tagger.tag(self.featurizer.sentence(words)))  # type: ignore[attr-defined]

    def stage2_inputs(self, sentences: Sequence[Sequence[str]], window: int | None = None) -> list[list[list[str]]]:
        """Second-stage feature lists of consecutive sentences (one document, in order)."""
        fz = self.featurizer
        base = [fz.sentence(w) if w else [] for w in sentences]
        first = [repair_bio(self.tagger.tag(f)) if f else [] for f in base]  # type: ignore[attr-defined]
        keys = [[fz.key(w) for w in ws] for ws in sentences]
        doc = document_features(keys, first, self.context_window if window is None else window)
        return [with_document_features(b, d) for b, d in zip(base, doc)]

    def tag_document(self, sentences: Sequence[Sequence[str]], window: int | None = None) -> list[list[str]]:
        """Tags for consecutive sentences of one document (each a token sequence as ``tag`` takes).

        With a second stage, each sentence is re-tagged knowing how the first stage tagged the
        same words within ``window`` sentences (default: the model's ``context_window``).
        Without one (or in a subclass that replaces ``tag``), sentences are tagged one by one.
        """
        if self.stage2 is None or type(self).tag is not NerModel.tag:
            tag_batch = getattr(self, "tag_batch", None)  # a subclass that tags many sentences at once
            return tag_batch(sentences) if tag_batch is not None else [self.tag(w) for w in sentences]
        stage2 = self.stage2
        return [repair_bio(stage2.tag(f)) if f else [] for f in self.stage2_inputs(sentences, window)]  # type: ignore[attr-defined]

    def tag_given_tokens(self, tokens: Sequence[str]) -> list[str]:
        """Tags for tokens as given (e.g. a whitespace-tokenised corpus), one tag per token.

        Each token is split as the pipeline would split it; a token gets the tag of its first
        tagged piece, so ``(د`` takes the tag of ``د``.
        """
        pieces, owner = split_given_tokens(tokens)
        return tags_for_given_tokens(self.tag(pieces), owner, len(tokens))

    def tag_given_tokens_document(self, sentences: Sequence[Sequence[str]], window: int | None = None) -> list[list[str]]:
        """:meth:`tag_given_tokens` for consecutive sentences of one text, with document context."""
        split = [split_given_tokens(s) for s in sentences]
        tagged = self.tag_document([p for p, _ in split], window)
        return [tags_for_given_tokens(t, owner, len(s)) for t, (_, owner), s in zip(tagged, split, sentences)]


def split_given_tokens(tokens: Sequence[str]) -> tuple[list[str], list[int]]:
    """Tokens as given → the pipeline's pieces and, per piece, the index of its token."""
    pieces: list[str] = []
    owner: list[int] = []
    for i, tok in enumerate(tokens):
        sub = [t.text for t in tokenize(tok)] or [tok]
        pieces.extend(sub)
        owner.extend([i] * len(sub))
    return pieces, owner


def tags_for_given_tokens(piece_tags: Sequence[str], owner: Sequence[int], n_tokens: int) -> list[str]:
    """One tag per given token: the tag of its first tagged piece."""
    out = ["O"] * n_tokens
    chosen = [False] * n_tokens
    for tag, i in zip(piece_tags, owner):
        if not chosen[i] and tag != "O":
            out[i] = tag
            chosen[i] = True
    return repair_bio(out)


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Turn an ``I-X`` that does not continue an ``X`` into ``B-X``."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


@lru_cache(maxsize=4)
def load_model(model_dir: str | None = None) -> NerModel:
    """The tagger, loaded once per process (per directory)."""
    return NerModel.load(model_dir or default_model_dir())


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans (end exclusive) of a BIO sequence, conlleval-style."""
    spans: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        continues = prefix == "I" and t == typ and start >= 0
        if start >= 0 and not continues:
            spans.append((start, i, typ))
            start, typ = -1, ""
        if prefix in ("B", "I") and not continues:
            start, typ = i, t
    return spans
