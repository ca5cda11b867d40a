"""The article record: one JSON object per article, schema ``marsad.article/1``.

Every ``start``/``end`` is a half-open character offset into ``text``, the body exactly as
received. ``docs/record.md`` documents each field; ``marsad/schema/article.schema.json``
validates it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

SCHEMA_ID = "marsad.article/1"

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
Approx = Literal["exact", "more_than", "less_than", "about"]
QuantityKind = Literal["count", "money", "percent"]
Resolution = Literal["year", "month", "day"]
PlaceFeature = Literal["country", "admin1", "city", "site"]


@dataclass(slots=True)
class Source:
    """The original agency or outlet credited by the article (المصدر: …، (واس)، نقلا عن …)."""

    name: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    text: str
    start: int
    end: int
    type: EntityType
    canonical: str
    entity_id: str


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: str
    cue_start: int
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_entity_id: str | None = None


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float | int
    approx: Approx = "exact"
    kind: QuantityKind = "count"
    unit: str | None = None
    category: str | None = None


@dataclass(slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str | None
    resolution: Resolution
    relative: bool = False


@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None
    feature: PlaceFeature


@dataclass(slots=True)
class Article:
    """One structured article record. Lists an extractor does not fill are empty, never missing."""

    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published_at: str | None = None
    language: str = "ar"
    source: Source | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    cluster_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data, keys in documented order, ``schema`` first."""
        d = asdict(self)
        ordered = {"schema": SCHEMA_ID}
        for key in RECORD_KEYS[1:]:
            ordered[key] = d[key]
        return ordered

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild a record from its JSON form (the inverse of :meth:`to_dict`)."""
        if data.get("schema", SCHEMA_ID) != SCHEMA_ID:
            raise ValueError(f"unsupported record schema {data.get('schema')!r}; expected {SCHEMA_ID!r}")
        src = data.get("source")
        return cls(
            id=data["id"], text=data["text"], url=data.get("url"), outlet=data.get("outlet"),
            title=data.get("title"), published_at=data.get("published_at"), language=data.get("language", "ar"),
            source=Source(**src) if src else None,
            entities=[Entity(**e) for e in data.get("entities", [])],
            quotes=[Quote(**q) for q in data.get("quotes", [])],
            quantities=[Quantity(**q) for q in data.get("quantities", [])],
            dates=[DateMention(**x) for x in data.get("dates", [])],
            places=[Place(**p) for p in data.get("places", [])],
            themes=list(data.get("themes", [])), cluster_id=data.get("cluster_id"),
        )

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))


RECORD_KEYS: tuple[str, ...] = ("schema", "id", "url", "outlet", "title", "published_at", "language", "text", "source",
                                "entities", "quotes", "quantities", "dates", "places", "themes", "cluster_id")
assert set(RECORD_KEYS[1:]) == {f.name for f in fields(Article)}


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    """The shipped JSON Schema of the record."""
    return json.loads(resources.files("marsad.schema").joinpath("article.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(json_schema())


def validate(record: dict[str, Any]) -> None:
    """Raise ``ValueError`` naming every problem when ``record`` is not a valid article record.

    Besides the schema, every span must lie inside ``text``.
    """
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in _validator().iter_errors(record)]
    if not errors:
        n = len(record["text"])
        spans = [("source", record["source"])] if record.get("source") else []
        for key in ("entities", "quotes", "quantities", "dates", "places"):
            spans += [(f"{key}/{i}", item) for i, item in enumerate(record[key])]
        for where, item in spans:
            if not 0 <= item["start"] <= item["end"] <= n:
                errors.append(f"{where}: span {item['start']}-{item['end']} outside text of length {n}")
            elif "text" in item and record["text"][item["start"]:item["end"]] != item["text"]:
                errors.append(f"{where}: text {item['text']!r} differs from text[{item['start']}:{item['end']}]")
        for i, quote in enumerate(record["quotes"]):
            if not 0 <= quote["cue_start"] <= n:
                errors.append(f"quotes/{i}: cue_start {quote['cue_start']} outside text of length {n}")
    if errors:
        raise ValueError("invalid article record: " + "; ".join(errors))
