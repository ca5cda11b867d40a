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
    #: Document number: 0 before any ``-DOCSTART-`` line, then 1, 2, ... one per marker.
    doc: int = 0


#: The first column of a CoNLL document marker line (CoNLL-2003 writes ``-DOCSTART- -X- O O``).
DOCSTART = "-DOCSTART-"


def read_conll(path: str | Path, *, min_columns: int = 2) -> list[Sentence]:
    """Sentences of a ``token<TAB>tag[<TAB>more...]`` file; blank lines separate sentences.

    Columns may be separated by tabs or, failing a tab, by whitespace (the token then has no spaces).
    A ``-DOCSTART-`` line is no token: it starts a new document (``Sentence.doc``).
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
    doc = 0
    cur = Sentence([], [])
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            if cur.tokens:
                sentences.append(cur)
                cur = Sentence([], [], doc=doc)
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        if cols[0].strip() == DOCSTART:
            if cur.tokens:
                sentences.append(cur)
            doc += 1
            cur = Sentence([], [], doc=doc)
            continue
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


#: Sentences per block when a CoNLL file marks no documents: consecutive blocks of this many
#: sentences stand for articles in the propagation step (chosen on the four dev sets' mean F1,
#: docs/entities.md).
DEFAULT_BLOCK = 20


def _pieces(sentences: Sequence[Sequence[str]]):
    """Per sentence: the pipeline's pieces with their given-token owners (as
    :func:`~marsad.extract.ner_model.split_given_tokens` splits them), and the pieces' Tokens
    (what the component matches names on); each given token is tokenised once."""
    from ..text import tokenize
    from ..text.segment import Token

    split, toks = [], []
    for sent in sentences:
        pieces: list[str] = []
        owner: list[int] = []
        sent_toks: list[Token] = []
        for i, tok in enumerate(sent):
            # A token that tokenises to nothing stays one piece: it can be no name.
            sub = tokenize(tok) or [Token(tok, 0, len(tok), "punct", tok)]
            sent_toks.extend(sub)
            pieces.extend(t.text for t in sub)
            owner.extend([i] * len(sub))
        split.append((pieces, owner))
        toks.append(sent_toks)
    return split, toks


def tag_with_propagation(tagger, sentences: Sequence[Sequence[str]], window: int) -> list[list[str]]:
    """Tags for corpus tokens as given (like ``tagger.tag_given_tokens_document``) after the
    ``entities`` component's own propagation step (:meth:`EntityRecognizer.propagate`: untagged
    repeats of a name tagged nearby get its tag).

    In the pipeline that step runs over the whole article. Here the ``window`` sentences on each
    side of a sentence stand for its article, the step re-run for every sentence (slow: see
    :func:`tag_in_documents` for one pass per block).
    """
    from ..extract.entities import EntityRecognizer
    from ..extract.ner_model import tags_for_given_tokens

    split, toks = _pieces(sentences)
    piece_tags = tagger.tag_document([p for p, _ in split])
    recognizer = EntityRecognizer(tagger)
    out: list[list[str]] = []
    for i in range(len(sentences)):
        lo, hi = max(0, i - window), min(len(sentences), i + window + 1)
        tags = recognizer.complete([t for j in range(lo, hi) for t in toks[j]], [t for j in range(lo, hi) for t in piece_tags[j]])
        off = sum(len(toks[j]) for j in range(lo, i))
        out.append(tags_for_given_tokens(tags[off:off + len(toks[i])], split[i][1], len(sentences[i])))
    return out


def sentence_blocks(n: int, block: int, docs: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Sentence ranges ``[lo, hi)`` that stand for articles: runs of one document number when
    ``docs`` (one per sentence) is given, else consecutive blocks of ``block`` sentences."""
    if docs is not None:
        out, lo = [], 0
        for i in range(1, n + 1):
            if i == n or docs[i] != docs[lo]:
                out.append((lo, i))
                lo = i
        return out
    if block < 1:
        raise ValueError(f"block must be at least one sentence, got {block}")
    return [(lo, min(lo + block, n)) for lo in range(0, n, block)]


def tag_in_documents(tagger, sentences: Sequence[Sequence[str]], blocks: Sequence[tuple[int, int]], *,
                     tag_per_block: bool = True) -> list[list[str]]:
    """Tags for corpus tokens as given, each block of sentences read as the ``entities`` component
    reads an article: tagged as one document (the second-stage CRF's context stays inside the
    block), then the component's propagation step run once over the block.

    ``tag_per_block=False`` tags the whole file as one running text instead (the context then
    crosses block edges) and only propagates per block; measured in docs/entities.md.
    """
    from ..extract.entities import EntityRecognizer
    from ..extract.ner_model import tags_for_given_tokens

    split, toks = _pieces(sentences)
    pieces = [p for p, _ in split]
    if tag_per_block:
        piece_tags = [t for lo, hi in blocks for t in tagger.tag_document(pieces[lo:hi])]
    else:
        piece_tags = tagger.tag_document(pieces)
    recognizer = EntityRecognizer(tagger)
    out: list[list[str]] = []
    for lo, hi in blocks:
        tags = recognizer.complete([t for j in range(lo, hi) for t in toks[j]], [t for j in range(lo, hi) for t in piece_tags[j]])
        off = 0
        for j in range(lo, hi):
            out.append(tags_for_given_tokens(tags[off:off + len(toks[j])], split[j][1], len(sentences[j])))
            off += len(toks[j])
    return out


@dataclass(slots=True)
class Propagation:
    """How ``marsad ner-conll`` / ``eval ner`` tag a file: ``mode`` is ``documents`` (the file's
    ``-DOCSTART-`` documents), ``blocks`` (``sentences`` consecutive sentences per pseudo-document),
    ``window`` (±``sentences`` around each sentence) or ``off`` (the tagger alone)."""

    mode: str
    sentences: int = 0

    def describe(self) -> str:
        return {
            "documents": "tagger + propagation on each of the file's documents (-DOCSTART-) as on an article",
            "blocks": f"tagger + propagation on each block of {self.sentences} sentences as on an article (the file marks no documents)",
            "window": f"tagger + propagation re-run over ±{self.sentences} sentences for every sentence (slow)",
            "off": "tagger alone (no propagation)",
        }[self.mode]


def tag_conll(tagger, sentences: Sequence[Sentence], *, propagate: bool = True, block: int = DEFAULT_BLOCK,
              window: int = 0) -> tuple[list[list[str]], Propagation]:
    """Predicted tags for a CoNLL file's sentences the way the ``entities`` component tags articles:
    each document — the file's own ``-DOCSTART-`` documents, else blocks of ``block`` sentences
    (CoNLL dev/test files carry no boundaries) — tagged as one text, then the component's
    propagation step once over it.
    ``window`` > 0 re-runs the step over ±``window`` sentences for every sentence instead;
    ``propagate=False`` gives the tagger alone (the file read as one running text)."""
    tokens = [s.tokens for s in sentences]
    if not propagate:
        return tagger.tag_given_tokens_document(tokens), Propagation("off")
    if window < 0 or block < 1:
        raise ValueError("window must be >= 0 and block >= 1")
    if window:
        return tag_with_propagation(tagger, tokens, window), Propagation("window", window)
    if any(s.doc for s in sentences):
        blocks = sentence_blocks(len(sentences), block, [s.doc for s in sentences])
        return tag_in_documents(tagger, tokens, blocks), Propagation("documents")
    return tag_in_documents(tagger, tokens, sentence_blocks(len(sentences), block)), Propagation("blocks", block)
