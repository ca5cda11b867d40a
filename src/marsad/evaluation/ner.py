"""NER evaluation: CoNLL reading and writing, BIO spans, exact-span precision/recall/F1.

Scoring follows conlleval: a span is (start token, end token, type); it counts only when both
boundaries and the type match. An ``I-X`` that does not continue an ``X`` span opens a new one,
as conlleval reads it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.ner_model import bio_spans

TYPES = ("PER", "ORG", "LOC", "MISC")


class ConllError(ValueError):
    """A malformed CoNLL file; the message names the file and line."""


@dataclass(slots=True)
class Sentence:
    tokens: list[str]
    tags: list[str]
    #: Extra columns after the tag (e.g. a prediction in a ``token gold pred`` file).
    extra: list[list[str]] = field(default_factory=list)


def read_conll(path: str | Path, *, min_columns: int = 2) -> list[Sentence]:
    """Sentences of a ``token<TAB>tag[<TAB>more...]`` file; blank lines separate sentences.

    Columns may be separated by tabs or, failing a tab, by whitespace (the token then has no spaces).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConllError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConllError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    sentences: list[Sentence] = []
    cur = Sentence([], [])
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            if cur.tokens:
                sentences.append(cur)
                cur = Sentence([], [])
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if len(cols) < min_columns:
            raise ConllError(f"{path}:{lineno}: expected token<TAB>tag, got {line[:60]!r}")
        tag = cols[1].strip()
        if tag != "O" and not (len(tag) > 2 and tag[:2] in ("B-", "I-")):
            raise ConllError(f"{path}:{lineno}: tag {tag!r} is not BIO (O, B-X, I-X)")
        cur.tokens.append(cols[0])
        cur.tags.append(tag)
        cur.extra.append([c.strip() for c in cols[2:]])
    if cur.tokens:
        sentences.append(cur)
    return sentences


def write_conll(sentences: Iterable[Sequence[Sequence[str]]]) -> str:
    """Lines of tab-joined columns, one blank line after each sentence; each sentence is a list of rows."""
    out: list[str] = []
    for rows in sentences:
        for row in rows:
            out.append("\t".join(row))
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


@dataclass(slots=True)
class Scores:
    """Exact-span counts per type; ``table()`` gives P/R/F1 per type and micro-averaged."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    tokens: int = 0

    def add(self, gold: Sequence[str], pred: Sequence[str]) -> None:
        g, p = set(bio_spans(gold)), set(bio_spans(pred))
        self.tokens += len(gold)
        for s in g & p:
            self.tp[s[2]] += 1
        for s in p - g:
            self.fp[s[2]] += 1
        for s in g - p:
            self.fn[s[2]] += 1

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def types(self) -> list[str]:
        seen = set(self.tp) | set(self.fp) | set(self.fn)
        return [t for t in TYPES if t in seen] + sorted(seen - set(TYPES))

    def table(self) -> dict[str, dict[str, float]]:
        """``{type: {precision, recall, f1, gold, predicted}}`` plus ``"micro"``."""
        out: dict[str, dict[str, float]] = {}
        for t in self.types():
            p, r, f = self.prf(self.tp[t], self.fp[t], self.fn[t])
            out[t] = {"precision": p, "recall": r, "f1": f, "gold": self.tp[t] + self.fn[t], "predicted": self.tp[t] + self.fp[t]}
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p, r, f = self.prf(tp, fp, fn)
        out["micro"] = {"precision": p, "recall": r, "f1": f, "gold": tp + fn, "predicted": tp + fp}
        return out

    @property
    def f1(self) -> float:
        return self.table()["micro"]["f1"]


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Scores:
    """Exact-span scores of predicted tag sequences against gold ones (same lengths, same order)."""
    s = Scores()
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence lengths differ: gold {len(g)}, predicted {len(p)}")
        s.add(g, p)
    return s


def score_file(path: str | Path) -> Scores:
    """Score a ``token<TAB>gold<TAB>predicted`` file (the output of ``marsad ner-conll``)."""
    sents = read_conll(path, min_columns=3)
    for s in sents:
        for i, ex in enumerate(s.extra):
            tag = ex[0]
            if tag != "O" and not (len(tag) > 2 and tag[:2] in ("B-", "I-")):
                raise ConllError(f"{path}: predicted tag {tag!r} in sentence starting {s.tokens[0]!r} is not BIO")
    return score((s.tags for s in sents), ([ex[0] for ex in s.extra] for s in sents))


def format_table(scores: Scores, title: str = "") -> str:
    """A plain-text table of P/R/F1 per type and micro, as the eval command prints it."""
    lines = [title] if title else []
    lines.append(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for t, row in scores.table().items():
        lines.append(f"{t:<6} {row['precision']*100:6.2f} {row['recall']*100:6.2f} {row['f1']*100:6.2f} {int(row['gold']):6d} {int(row['predicted']):6d}")
    return "\n".join(lines)


def tag_with_propagation(tagger, sentences: Sequence[Sequence[str]], window: int) -> list[list[str]]:
    """Tags for corpus tokens as given (like ``tagger.tag_given_tokens_document``) after the
    ``entities`` component's own propagation step (:meth:`EntityRecognizer.propagate`: untagged
    repeats of a name tagged nearby get its tag).

    In the pipeline that step runs over the whole article. CoNLL corpora carry no document
    boundaries, so here the ``window`` sentences on each side of a sentence stand for its article
    (the second-stage CRF's own context is ±20 sentences).
    """
    from ..extract.entities import EntityRecognizer
    from ..extract.ner_model import split_given_tokens, tags_for_given_tokens
    from ..text import tokenize
    from ..text.segment import Token

    split = [split_given_tokens(s) for s in sentences]
    piece_tags = tagger.tag_document([p for p, _ in split])
    # The pieces' Token objects (what the component matches names on); split_given_tokens keeps a
    # token that tokenises to nothing as one piece: it can be no name.
    toks = [[t for tok in s for t in (tokenize(tok) or [Token(tok, 0, len(tok), "punct", tok)])] for s in sentences]
    recognizer = EntityRecognizer(tagger)
    out: list[list[str]] = []
    for i in range(len(sentences)):
        lo, hi = max(0, i - window), min(len(sentences), i + window + 1)
        tags = recognizer.propagate([t for j in range(lo, hi) for t in toks[j]], [t for j in range(lo, hi) for t in piece_tags[j]])
        off = sum(len(toks[j]) for j in range(lo, i))
        out.append(tags_for_given_tokens(tags[off:off + len(toks[i])], split[i][1], len(sentences[i])))
    return out
