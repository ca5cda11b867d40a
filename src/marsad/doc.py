"""The document that flows through the pipeline, and the raw article that goes in.

Components read the text layer through :class:`Doc` (tokens, sentences, paragraphs, the
normalised text and its offset map, all computed once) and add their annotations to it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from .record import Article, DateMention, Entity, Place, Quantity, Quote, Source
from .text import NormalizedText, Segmented, Span, Token, normalize, normalize_with_map

#: Articles longer than this (in characters) are refused: no news article is 2 MB of text.
MAX_TEXT_CHARS = 2_000_000
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACE_RE = re.compile(r"\s+")


class ArticleError(ValueError):
    """An article that cannot be processed; ``origin`` says where it came from (file:line)."""

    def __init__(self, reason: str, *, origin: str | None = None, article_id: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.origin = origin
        self.article_id = article_id

    def __str__(self) -> str:
        where = self.origin or self.article_id or "<article>"
        return f"{where}: {self.reason}"


def parse_datetime(value: str) -> datetime:
    """Parse an ISO-8601 date or date-time (``Z`` and ``+04:00`` offsets, a space instead of ``T``)."""
    v = value.strip()
    if v.endswith(("Z", "z")):
        v = v[:-1] + "+00:00"
    return datetime.fromisoformat(v)


def text_fingerprint(text: str) -> str:
    """Hash of the normalised, whitespace-folded text: the same article gets the same id and dedup key."""
    folded = _SPACE_RE.sub(" ", normalize(text)).strip()
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=10).hexdigest()


@dataclass(slots=True)
class RawArticle:
    """An article as read: body text and whatever metadata came with it."""

    text: str
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published_at: str | None = None
    #: Where it came from, for error messages: ``path`` or ``path:line``.
    origin: str | None = None

    def checked(self) -> RawArticle:
        """Return self after refusing what no pipeline can use: non-text, empty, binary or huge bodies."""
        if not isinstance(self.text, str):
            raise ArticleError(f"text must be a string, got {type(self.text).__name__}", origin=self.origin, article_id=self.id)
        if not self.text.strip():
            raise ArticleError("empty text", origin=self.origin, article_id=self.id)
        if len(self.text) > MAX_TEXT_CHARS:
            raise ArticleError(f"text too large ({len(self.text):,} characters; limit {MAX_TEXT_CHARS:,})", origin=self.origin, article_id=self.id)
        # Real articles carry stray controls (SaudiNewsNet has \x1a runs in photo captions), so
        # only a NUL or a control-heavy sample means binary data decoded as text.
        sample = self.text[:10_000]
        controls = len(_CONTROL_RE.findall(sample))
        if "\x00" in self.text or controls > max(10, len(sample) // 50):
            raise ArticleError("binary data, not text", origin=self.origin, article_id=self.id)
        return self


class Doc:
    """One article under analysis: text layer views plus the annotations components add."""

    def __init__(self, raw: RawArticle) -> None:
        raw.checked()
        self.text: str = raw.text
        self.id: str = raw.id or "sha-" + text_fingerprint(raw.text)
        self.url = raw.url
        self.outlet = raw.outlet
        self.title = raw.title
        self.origin = raw.origin
        self.warnings: list[str] = []
        self.published: datetime | None = None
        self.published_at: str | None = None
        if raw.published_at:
            try:
                self.published = parse_datetime(raw.published_at)
                self.published_at = self.published.isoformat()
            except ValueError:
                self.warnings.append(f"published_at {raw.published_at!r} is not an ISO-8601 date; left empty")
        self._seg = Segmented(self.text)
        self.source: Source | None = None
        self.entities: list[Entity] = []
        self.quotes: list[Quote] = []
        self.quantities: list[Quantity] = []
        self.dates: list[DateMention] = []
        self.places: list[Place] = []
        self.themes: list[str] = []
        self.cluster_id: str | None = None
        #: Spans components mark as not-body (dateline, source credit, tag lists), ``(start, end, label)``.
        self.boilerplate: list[tuple[int, int, str]] = []
        #: Scratch space for components that share intermediate results (e.g. NER tags per token).
        self.user_data: dict[str, Any] = {}

    # --- text layer views, computed once ---
    @property
    def tokens(self) -> list[Token]:
        return self._seg.tokens

    @property
    def sentences(self) -> list[Span]:
        return self._seg.sentences

    @property
    def paragraphs(self) -> list[Span]:
        return self._seg.paragraphs

    @cached_property
    def norm(self) -> NormalizedText:
        """The whole text normalised for matching, with its offset map back to ``text``."""
        return normalize_with_map(self.text)

    def token_index_at(self, offset: int) -> int:
        """Index of the first token that ends after ``offset`` (``len(tokens)`` if none)."""
        import bisect

        ends = self.user_data.get("_token_ends")
        if ends is None:
            ends = self.user_data["_token_ends"] = [t.end for t in self.tokens]
        return bisect.bisect_right(ends, offset)

    def to_record(self) -> Article:
        return Article(
            id=self.id, text=self.text, url=self.url, outlet=self.outlet, title=self.title,
            published_at=self.published_at, source=self.source,
            entities=sorted(self.entities, key=lambda e: (e.start, e.end)),
            quotes=sorted(self.quotes, key=lambda q: (q.start, q.end)),
            quantities=sorted(self.quantities, key=lambda q: (q.start, q.end)),
            dates=sorted(self.dates, key=lambda d: (d.start, d.end)),
            places=sorted(self.places, key=lambda p: (p.start, p.end)),
            themes=list(self.themes), cluster_id=self.cluster_id,
        )


@dataclass(slots=True)
class ExtractError:
    """An article that failed; the batch goes on."""

    origin: str | None
    article_id: str | None
    reason: str

    def __str__(self) -> str:
        return f"{self.origin or self.article_id or '<article>'}: {self.reason}"


@dataclass(slots=True)
class Extracted:
    """A successful extraction: the record plus any warnings about its input."""

    record: Article
    warnings: list[str] = field(default_factory=list)
    origin: str | None = None
