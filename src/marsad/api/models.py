"""Request and response models of the REST API (they are what ``/openapi.json`` documents).

Read responses reuse the store's result dataclasses (FastAPI turns them into schemas), so the
API and the store cannot drift apart; the models here wrap them with paging, and describe the
write side and the errors.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..doc import parse_datetime
from ..record import DateMention, Entity, Place, Quantity, Quote, Source
from ..store.base import ClusterSummary, EntitySummary, QuoteHit, SearchHit, SpeakerSummary

#: Characters of text one posted article may have (news articles are far shorter).
MAX_POST_TEXT_CHARS = 200_000
#: Articles one POST may carry.
MAX_POST_BATCH = 100
#: Bytes one POST body may have.
MAX_POST_BYTES = 5 * 1024 * 1024


class ErrorBody(BaseModel):
    status: int = Field(description="The HTTP status code, repeated for clients that only see the body.")
    message: str = Field(description="What went wrong, in plain words.")
    details: list[dict[str, Any]] = Field(default_factory=list, description="Per-field problems for invalid input.")


class ErrorResponse(BaseModel):
    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A query that cannot be run"},
    422: {"model": ErrorResponse, "description": "Invalid parameters"},
}


class Page(BaseModel):
    total: int | None = Field(None, description="Matching items in all pages, when the store counts them.")
    limit: int
    offset: int


class ArticleSearchPage(Page):
    query: str
    normalized_query: str = Field(description="The query as the index sees it (normalised, clitic-keyed).")
    hits: list[SearchHit]


class QuotePage(Page):
    quotes: list[QuoteHit]


class SpeakerPage(Page):
    speakers: list[SpeakerSummary]


class EntityPage(Page):
    entities: list[EntitySummary]


class ClusterPage(Page):
    clusters: list[ClusterSummary]


class ArticleRecord(BaseModel):
    """The full article record, ``marsad.article/1`` (see docs/record.md)."""

    model_config = ConfigDict(populate_by_name=True)
    schema_: Literal["marsad.article/1"] = Field("marsad.article/1", alias="schema")
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published_at: str | None
    language: str
    text: str
    source: Source | None
    entities: list[Entity]
    quotes: list[Quote]
    quantities: list[Quantity]
    dates: list[DateMention]
    places: list[Place]
    themes: list[str]
    cluster_id: str | None


# --- GeoJSON (RFC 7946) for /places ---

class PointGeometry(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float] = Field(description="[longitude, latitude], as GeoJSON orders them.")


class PlaceProperties(BaseModel):
    place_id: str
    name: str
    country_code: str | None
    admin1: str | None
    geonames_id: int | None
    feature: str
    mention_count: int
    article_count: int


class PlaceFeature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: PointGeometry
    properties: PlaceProperties


class PlaceCollection(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[PlaceFeature]
    limit: int
    offset: int


# --- write side ---

class RawArticleIn(BaseModel):
    """One article to extract and store. Only ``text`` is required."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_POST_TEXT_CHARS, description="The article body (plain text).")
    id: str | None = Field(None, min_length=1, max_length=200, description="Your id; default: a hash of the text.")
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    title: str | None = Field(None, max_length=2000)
    published_at: str | None = Field(None, max_length=40, description="ISO 8601 date or date-time.")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str | None) -> str | None:
        if v is not None and not v.strip().lower().startswith(("http://", "https://")):
            raise ValueError("url must be an http:// or https:// address")
        return v

    @field_validator("published_at")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                parse_datetime(v)
            except ValueError as exc:
                raise ValueError(f"published_at {v!r} is not an ISO 8601 date or date-time") from exc
        return v


class ArticleBatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    articles: list[RawArticleIn] = Field(min_length=1, max_length=MAX_POST_BATCH)


class ItemResult(BaseModel):
    index: int = Field(description="Position of the article in the request.")
    id: str | None = None
    status: Literal["inserted", "updated", "unchanged", "duplicate", "error"]
    error: str | None = None
    counts: dict[str, int] = Field(default_factory=dict, description="What extraction found: entities, quotes, …")


class IngestResult(BaseModel):
    inserted: int
    updated: int
    unchanged: int
    duplicates: int
    errors: int
    items: list[ItemResult]


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    backend: str
    schema_version: int
    articles: int
    version: str
