"""The extraction pipeline: small components run in order over one :class:`~marsad.doc.Doc`.

In the spirit of spaCy's ``Language``: each component is a callable that reads the text layer
and earlier annotations and adds its own. Components are built once per process (their
models and lexicons load in the constructor) and can be switched off by name.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Protocol, runtime_checkable

from .doc import ArticleError, Doc, Extracted, ExtractError, RawArticle
from .record import Article


@runtime_checkable
class Component(Protocol):
    """A pipeline stage: ``name`` plus ``__call__(doc)`` that adds annotations to ``doc``."""

    name: str

    def __call__(self, doc: Doc) -> None: ...


#: Default components in run order. Later ones may read earlier ones' annotations
#: (quotes link speakers to entities; quantities skip spans that dates claimed).
COMPONENTS: dict[str, str] = {
    "source": "marsad.extract.source:SourceDetector",
    "entities": "marsad.extract.entities:EntityRecognizer",
    "places": "marsad.extract.places:PlaceResolver",
    "dates": "marsad.extract.dates:DateExtractor",
    "quantities": "marsad.extract.quantities:QuantityExtractor",
    "quotes": "marsad.extract.quotes:QuoteExtractor",
    "themes": "marsad.extract.themes:ThemeClassifier",
}


def _build(name: str) -> Component:
    module_name, _, attr = COMPONENTS[name].partition(":")
    return getattr(importlib.import_module(module_name), attr)()


class Pipeline:
    """Runs components over articles; ``timings`` accumulates seconds per component."""

    def __init__(self, components: Iterable[Component]) -> None:
        self.components: list[Component] = list(components)
        self.timings: dict[str, float] = {"text": 0.0, **{c.name: 0.0 for c in self.components}}

    @classmethod
    def default(cls, disable: Iterable[str] = ()) -> Pipeline:
        """The standard pipeline with every component except those in ``disable``."""
        off = set(disable)
        unknown = off - set(COMPONENTS)
        if unknown:
            raise ValueError(f"unknown component(s): {', '.join(sorted(unknown))}; known: {', '.join(COMPONENTS)}")
        return cls(_build(name) for name in COMPONENTS if name not in off)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, article: RawArticle | str) -> Doc:
        raw = RawArticle(text=article) if isinstance(article, str) else article
        t0 = time.perf_counter()
        doc = Doc(raw)
        _ = doc.tokens, doc.sentences  # segment once, timed as the text stage
        timings = self.timings
        t1 = time.perf_counter()
        timings["text"] += t1 - t0
        for component in self.components:
            component(doc)
            t2 = time.perf_counter()
            timings[component.name] += t2 - t1
            t1 = t2
        return doc

    def extract(self, article: RawArticle | str) -> Article:
        """One article in, one record out."""
        return self(article).to_record()

    def pipe(self, articles: Iterable[RawArticle | ArticleError]) -> Iterator[Extracted | ExtractError]:
        """Extract a stream of articles; a bad article yields an :class:`ExtractError` and the stream goes on.

        Reader errors (``ArticleError`` items in the input) pass through as errors in order.
        """
        for item in articles:
            if isinstance(item, ArticleError):
                yield ExtractError(item.origin, item.article_id, item.reason)
                continue
            try:
                doc = self(item)
            except ArticleError as exc:
                yield ExtractError(exc.origin or item.origin, exc.article_id or item.id, exc.reason)
            except Exception as exc:  # one article's bug never stops a batch
                yield ExtractError(item.origin, item.id, f"extraction failed: {type(exc).__name__}: {exc}")
            else:
                yield Extracted(doc.to_record(), doc.warnings, item.origin)


@lru_cache(maxsize=8)
def get_pipeline(disable: tuple[str, ...] = ()) -> Pipeline:
    """The process-wide default pipeline: models load once, however many callers ask."""
    return Pipeline.default(disable)
