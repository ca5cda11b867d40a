"""Shared set-up for the quote tests: run the extractor on a sentence of our own, with entities placed by hand."""

from __future__ import annotations

import pytest

from marsad.doc import Doc, RawArticle
from marsad.extract.quotes import QuoteExtractor
from marsad.record import Entity, Quote
from marsad.text import entity_id


#: Run a test with the rules alone and with the shipped speaker ranker.
both = pytest.mark.parametrize("ranker", [False, True], ids=["rules", "ranker"])


def run(text: str, entities: list[Entity] | None = None, ranker: bool = False) -> list[Quote]:
    """The quotes of ``text``; every quote's text is checked against its offsets."""
    doc = Doc(RawArticle(text=text))
    doc.entities.extend(entities or [])
    QuoteExtractor(ranker=ranker)(doc)
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
    return doc.quotes


def ent(text: str, name: str, kind: str = "PER", canonical: str | None = None, nth: int = 0) -> Entity:
    """An entity on the ``nth`` occurrence of ``name`` in ``text`` (what the tagger would give)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    canonical = canonical or name
    return Entity(name, start, start + len(name), kind, canonical, entity_id(kind, canonical))


def per(text: str, name: str, canonical: str | None = None) -> Entity:
    return ent(text, name, "PER", canonical)


def speakers(quotes: list[Quote]) -> list[str | None]:
    return [q.speaker for q in quotes]
