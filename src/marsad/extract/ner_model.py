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
from .ner_features import Featurizer

MODEL_FILE = "crf.model"
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


@dataclass
class NerModel:
    """A CRF tagger plus the featurizer it was trained with."""

    featurizer: Featurizer
    tagger: object  # pycrfsuite.Tagger
    meta: dict

    @classmethod
    def load(cls, model_dir: str | Path) -> NerModel:
        import pycrfsuite

        model_dir = Path(model_dir)
        for name in (MODEL_FILE, CLUSTER_FILE):
            if not (model_dir / name).is_file():
                raise ModelMissing(f"NER model file missing: {model_dir / name} (train one with `marsad train ner`)")
        clusters, freq = read_table(model_dir / CLUSTER_FILE)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_dir / MODEL_FILE))
        lex_path = model_dir / LEXICON_FILE
        lexicon = read_lexicon(lex_path) if lex_path.is_file() else {}
        meta_path = model_dir / META_FILE
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        return cls(Featurizer(clusters, freq, lexicon, conjunctions=bool(meta.get("conjunctions"))), tagger, meta)

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags for a sequence of tokens as :func:`marsad.text.tokenize` splits text."""
        if not words:
            return []
        return repair_bio(self.tagger.tag(self.featurizer.sentence(words)))

    def tag_given_tokens(self, tokens: Sequence[str]) -> list[str]:
        """Tags for tokens as given (e.g. a whitespace-tokenised corpus), one tag per token.

        Each token is split as the pipeline would split it; a token gets the tag of its first
        tagged piece, so ``(د`` takes the tag of ``د``.
        """
        pieces: list[str] = []
        owner: list[int] = []
        for i, tok in enumerate(tokens):
            sub = [t.text for t in tokenize(tok)] or [tok]
            pieces.extend(sub)
            owner.extend([i] * len(sub))
        sub_tags = self.tag(pieces)
        out = ["O"] * len(tokens)
        chosen = [False] * len(tokens)
        for tag, i in zip(sub_tags, owner):
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
