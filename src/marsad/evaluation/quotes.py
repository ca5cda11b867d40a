"""Scoring the quotes component against hand-annotated gold (``eval/gold/quotes.jsonl``).

Gold rows: ``{"id", "outlet", "split", "quotes": [{"start", "end", "check", "direct", "speaker"}]}``;
the article text is read from the shared news corpora by id. The gold files hold offsets and a short
fingerprint of each span (``check``), not the span's words, so no article text is redistributed with
the project; :func:`attach_span_texts` puts the words back from the corpus and stops on a mismatch.

* **Detection**: a predicted quote matches a gold quote when their character spans overlap by at
  least half of the gold span. Matching is one-to-one (largest overlaps first), so one long
  prediction cannot claim two gold quotes.
* **Quote + speaker**: a matched pair whose speakers agree. Speakers agree when their normalised,
  clitic-keyed names (:func:`marsad.text.name_key`) are equal or one is a contiguous run of the
  other's words (``كافاني`` ⊂ ``إدينسون كافاني``, ``مسؤولي الجامعة`` ~ ``الجامعة``); a gold quote
  with no speaker agrees only with a prediction that has none. A run that starts right after a
  kinship link of the longer name (``بن``, ``بنت``, ``ابن``, ``أبو`` …) names an ancestor, another
  person, so it does not agree (``نايف بن عبدالعزيز`` ≠ ``سعود بن نايف بن عبدالعزيز``).
* **Exact speaker form** (printed below the table): the same counts, but a speaker is right only
  when the normalised names are equal — what a user reads in the record, with no credit for a
  surname alone or a body's name cut short.
* **Named-speaker precision** (shown next to the metric, never instead of it): of the predicted
  quotes that carry a speaker, the share matched to a gold quote whose speaker agrees. A name on a
  spurious quote, or a name where the gold has none, counts against it; a quote left without a
  speaker does not enter it. It says how far a name the extractor gives can be trusted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .metrics import load_news_articles as read_articles
from .metrics import news_raw_article
from .metrics import read_gold as read_gold_rows
from .metrics import match_spans
from ..text import name_key


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_ok: int = 0
    #: Predicted quotes that carry a speaker, and those of them matched with an agreeing gold speaker.
    named: int = 0
    named_ok: int = 0
    #: Matched pairs whose speakers are equal after normalisation (or both absent).
    exact_ok: int = 0

    @staticmethod
    def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    @property
    def detection(self) -> tuple[float, float, float]:
        return self.prf(self.matched, self.predicted, self.gold)

    @property
    def with_speaker(self) -> tuple[float, float, float]:
        return self.prf(self.speaker_ok, self.predicted, self.gold)

    @property
    def with_exact_speaker(self) -> tuple[float, float, float]:
        return self.prf(self.exact_ok, self.predicted, self.gold)

    @property
    def named_precision(self) -> float:
        return self.named_ok / self.named if self.named else 0.0

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.speaker_ok += other.speaker_ok
        self.named += other.named
        self.named_ok += other.named_ok
        self.exact_ok += other.exact_ok


@dataclass(slots=True)
class ArticleResult:
    id: str
    split: str
    counts: Counts
    #: (gold quote, predicted quote or None) and predictions matching nothing.
    pairs: list[tuple[dict, dict | None]] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)


#: Words that link a name to an ancestor's (normalised by name_key): what follows them is another person.
_KINSHIP_LINKS = frozenset(name_key(w) for w in ("بن", "بنت", "ابن", "ابنة", "أبو", "أبي", "أم"))


def speakers_agree(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return not gold and not predicted
    g, p = name_key(gold).split(), name_key(predicted).split()
    if not g or not p:
        return False
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    n = len(short)
    return any(long_[i:i + n] == short and not (i and long_[i - 1] in _KINSHIP_LINKS)
               for i in range(len(long_) - n + 1))


def speakers_equal(gold: str | None, predicted: str | None) -> bool:
    """The strict reading: both absent, or the same normalised name."""
    if not gold or not predicted:
        return not gold and not predicted
    return name_key(gold) == name_key(predicted)


def score_article(gold_row: dict, predicted: list[dict]) -> ArticleResult:
    pairs, spurious = match(gold_row["quotes"], predicted)
    c = Counts(gold=len(gold_row["quotes"]), predicted=len(predicted),
               named=sum(1 for p in predicted if p.get("speaker")))
    for g, p in pairs:
        if p is not None:
            c.matched += 1
            if speakers_equal(g.get("speaker"), p.get("speaker")):
                c.exact_ok += 1
            if speakers_agree(g.get("speaker"), p.get("speaker")):
                c.speaker_ok += 1
                if p.get("speaker"):
                    c.named_ok += 1
    return ArticleResult(gold_row["id"], gold_row.get("split", "all"), c, pairs, spurious)


def span_check(span_text: str) -> str:
    """Fingerprint of a gold span's words (12 hex digits of SHA-1), stored instead of the words."""
    return hashlib.sha1(span_text.encode("utf-8")).hexdigest()[:12]


def attach_span_texts(gold_rows: list[dict], articles: dict[str, dict]) -> None:
    """Give every gold quote its ``text`` from the article, checking it against the stored fingerprint.

    A mismatch means the corpus copy differs from the one annotated; scoring it would be meaningless.
    """
    for row in gold_rows:
        text = articles[row["id"]]["text"]
        for q in row["quotes"]:
            span = text[q["start"]:q["end"]]
            if ("check" in q and span_check(span) != q["check"]) or ("text" in q and q["text"] != span):
                raise ValueError(f"{row['id']}: gold span {q['start']}:{q['end']} does not match the article "
                                 "(is ../shared/data/news the annotated version?)")
            q["text"] = span


def evaluate(gold_rows: list[dict], pipeline) -> list[ArticleResult]:
    """Run ``pipeline`` (a :class:`marsad.pipeline.Pipeline`) over the gold articles and score each."""
    articles = read_articles(r["id"] for r in gold_rows)
    attach_span_texts(gold_rows, articles)
    results = []
    for row in gold_rows:
        doc = pipeline(news_raw_article(articles[row["id"]]))
        predicted = [{"start": q.start, "end": q.end, "text": q.text, "direct": q.direct, "speaker": q.speaker,
                      "cue": q.cue} for q in doc.quotes]
        results.append(score_article(row, predicted))
    return results


def summarise(results: list[ArticleResult]) -> dict[str, Counts]:
    """Counts per split plus ``all``."""
    out: dict[str, Counts] = {}
    for r in results:
        out.setdefault(r.split, Counts()).add(r.counts)
        out.setdefault("all", Counts()).add(r.counts)
    return out


def match(gold: list[dict], predicted: list[dict]) -> tuple[list[tuple[dict, dict | None]], list[dict]]:
    """One-to-one matching by overlap covering ≥ half of the gold span, largest overlaps first."""
    return match_spans(gold, predicted, min_gold_share=0.5)


def read_gold(path: Path) -> list[dict]:
    """Gold rows of ``eval/gold/quotes.jsonl``: ``{"id", "split", "quotes": [...]}``."""
    return read_gold_rows(path, "quotes")
