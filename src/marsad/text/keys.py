"""Stable keys that identify one entity across documents."""

from __future__ import annotations

import hashlib

from .clitics import clitic_key
from .segment import tokenize


def name_key(name: str) -> str:
    """Normalised, clitic-keyed form of a multi-word name: ``رئيس الوزراء`` → ``رييس وزراء``.

    Punctuation is dropped, so ``مصطفى الكاظمي`` and ``مصطفى  الكاظمي،`` share a key.
    """
    return " ".join(clitic_key(t.text) if t.kind == "word" else t.norm for t in tokenize(name) if t.kind != "punct")


def entity_id(entity_type: str, canonical: str) -> str:
    """A stable id for an entity: the same canonical name and type give the same id in every document."""
    digest = hashlib.blake2b(f"{entity_type.upper()}|{name_key(canonical)}".encode(), digest_size=8).hexdigest()
    return f"{entity_type.lower()}-{digest}"
