"""REST endpoints under ``/api/v1``: read the store, and POST raw articles to extract and store."""

from __future__ import annotations

import hmac
import logging
import os
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .. import __version__
from ..store.base import Cluster, EntityDetail, OutletSummary, SearchFilters, SpeakerSummary, Store, StoreStats
from .models import (
    ERROR_RESPONSES, ArticleBatchIn, ArticleRecord, ArticleSearchPage, ClusterPage, EntityPage, ErrorResponse, Health,
    IngestResult, ItemResult, PlaceCollection, PlaceFeature, PlaceProperties, PointGeometry, QuotePage, RawArticleIn,
    SpeakerPage,
)

TOKEN_ENV = "MARSAD_API_TOKEN"
log = logging.getLogger("marsad.api")

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)
_bearer = HTTPBearer(auto_error=False, description=f"The token set in ${TOKEN_ENV} on the server.")


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]

# Shared parameter declarations: validated before any store call.
Q = Annotated[str | None, Query(max_length=500, description='Full-text query: words are ANDed; "a phrase"; a OR b; -word excludes.')]
Limit = Annotated[int, Query(ge=1, le=100, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=100_000, description="Items to skip.")]
DateFrom = Annotated[date | None, Query(alias="from", description="First publication day, inclusive (YYYY-MM-DD).")]
DateTo = Annotated[date | None, Query(alias="to", description="Last publication day, inclusive (YYYY-MM-DD).")]
Name = Annotated[str | None, Query(min_length=1, max_length=200)]
Country = Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code, e.g. IQ.")]
Id = Annotated[str, Path(min_length=1, max_length=200)]


def _check_range(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"'from' ({date_from}) is after 'to' ({date_to})")


@router.get("/healthz", response_model=Health, tags=["service"], summary="Liveness and database check")
def healthz(store: StoreDep) -> Health:
    return Health(status="ok", backend=store.backend, schema_version=store.schema_version(), articles=store.count(),
                  version=__version__)


@router.get("/stats", response_model=StoreStats, tags=["service"], summary="What the store holds")
def stats(store: StoreDep) -> StoreStats:
    return store.stats()


@router.get("/outlets", response_model=list[OutletSummary], tags=["articles"], summary="Outlets with article counts")
def outlets(store: StoreDep) -> list[OutletSummary]:
    return store.outlets()


@router.get("/articles", response_model=ArticleSearchPage, tags=["articles"], summary="Search articles")
def search_articles(
    store: StoreDep, q: Q = None, outlet: Name = None, date_from: DateFrom = None, date_to: DateTo = None,
    entity: Annotated[str | None, Query(min_length=1, max_length=200, description="Entity id (per-…) or name.")] = None,
    speaker: Annotated[str | None, Query(min_length=1, max_length=200, description="Speaker id or name.")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=200, description="Place name or GeoNames id.")] = None,
    country: Country = None,
    quantity_category: Name = None, theme: Name = None,
    cluster: Annotated[str | None, Query(min_length=1, max_length=200, description="Story cluster id.")] = None,
    sort: Annotated[Literal["relevance", "newest", "oldest"], Query()] = "relevance",
    collapse: Annotated[bool, Query(description="One hit per story cluster.")] = False,
    limit: Limit = 20, offset: Offset = 0,
) -> ArticleSearchPage:
    _check_range(date_from, date_to)
    filters = SearchFilters(outlet=outlet, date_from=date_from, date_to=date_to, entity=entity, speaker=speaker,
                            place=place, country=country.upper() if country else None,
                            quantity_category=quantity_category, theme=theme, cluster_id=cluster)
    result = store.search(q or "", filters, limit=limit, offset=offset, sort=sort, collapse=collapse)
    return ArticleSearchPage(query=result.query, normalized_query=result.normalized_query, total=result.total,
                             hits=result.hits, limit=result.limit, offset=result.offset)


@router.get("/articles/{article_id}", response_model=ArticleRecord, tags=["articles"], summary="One full article record",
            responses={404: {"model": ErrorResponse, "description": "No such article"}})
def get_article(article_id: Id, store: StoreDep) -> ArticleRecord:
    record = store.get_article(article_id)
    if record is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article with id {article_id!r}")
    return ArticleRecord.model_validate(record)


def require_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    expected = os.environ.get(TOKEN_ENV, "")
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"writing is disabled on this server: set {TOKEN_ENV} to enable POST /api/v1/articles")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token (Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(credentials.credentials.encode(), expected.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


@router.post(
    "/articles", response_model=IngestResult, status_code=status.HTTP_201_CREATED, tags=["articles"],
    summary="Extract and store one article or a batch",
    dependencies=[Depends(require_token)],
    responses={
        401: {"model": ErrorResponse, "description": "Missing or wrong bearer token"},
        403: {"model": ErrorResponse, "description": "Writing is disabled (no token configured)"},
        413: {"model": ErrorResponse, "description": "Request body too large"},
        422: {"model": ErrorResponse, "description": "Invalid articles, or none could be extracted"},
    },
)
def post_articles(body: RawArticleIn | ArticleBatchIn, store: StoreDep, response: Response) -> IngestResult:
    """Send one article (`{"text": …}`) or a batch (`{"articles": [{"text": …}, …]}`, at most 100).

    Each article is run through the extraction pipeline and stored; one bad article does not stop
    the batch (its item says why). 201 when at least one article was stored or was already there,
    422 when none could be extracted.
    """
    from ..doc import RawArticle
    from ..pipeline import get_pipeline

    items = body.articles if isinstance(body, ArticleBatchIn) else [body]
    raws = [RawArticle(text=a.text, id=a.id, url=a.url, outlet=a.outlet, title=a.title, published_at=a.published_at,
                       origin=f"request[{i}]") for i, a in enumerate(items)]
    results: list[ItemResult] = []
    records = []
    for i, out in enumerate(get_pipeline().pipe(raws)):
        record = getattr(out, "record", None)
        if record is None:
            results.append(ItemResult(index=i, id=raws[i].id, status="error", error=out.reason))
            continue
        records.append((i, record))
        counts = {k: len(getattr(record, k)) for k in ("entities", "quotes", "quantities", "dates", "places")}
        results.append(ItemResult(index=i, id=record.id, status="inserted", counts=counts))
    inserted = updated = unchanged = duplicates = 0
    for i, record in records:  # one transaction per article, so a store conflict only fails that article
        try:
            r = store.upsert([record])
        except Exception as exc:  # noqa: BLE001 - reported per item, the batch goes on
            results[i] = ItemResult(index=i, id=record.id, status="error", error=f"could not store: {exc}")
            continue
        inserted += r.inserted
        updated += r.updated
        unchanged += r.unchanged
        duplicates += r.duplicates
        state = "inserted" if r.inserted else "updated" if r.updated else "duplicate" if r.duplicates else "unchanged"
        results[i] = results[i].model_copy(update={"status": state, "id": (r.ids[0] if r.ids else record.id)})
    stored = [r.id for r in results if r.status in ("inserted", "updated") and r.id]
    if stored:
        _cluster(store, stored)
    errors = sum(1 for r in results if r.status == "error")
    if errors == len(results):
        response.status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    return IngestResult(inserted=inserted, updated=updated, unchanged=unchanged, duplicates=duplicates, errors=errors,
                        items=results)


def _cluster(store: Store, ids: list[str]) -> None:
    """Put new articles into story clusters, when the clustering package offers incremental updates.

    Clustering is an extra: a failure is logged and the articles stay stored.
    """
    try:
        from .. import cluster
    except ImportError:
        return
    update = getattr(cluster, "update_store", None)
    if update is None:
        return
    try:
        update(store, ids)
    except Exception:  # noqa: BLE001
        log.exception("clustering %d posted article(s) failed", len(ids))


@router.get("/quotes", response_model=QuotePage, tags=["quotes"], summary="Quotations, newest first")
def list_quotes(store: StoreDep, q: Q = None,
                speaker: Annotated[str | None, Query(min_length=1, max_length=200, description="Speaker id or name.")] = None,
                date_from: DateFrom = None, date_to: DateTo = None,
                article: Annotated[str | None, Query(min_length=1, max_length=200, description="Only this article's quotes.")] = None,
                limit: Limit = 50, offset: Offset = 0) -> QuotePage:
    _check_range(date_from, date_to)
    r = store.quotes(q or None, speaker=speaker, date_from=date_from, date_to=date_to, article_id=article,
                     limit=limit, offset=offset)
    return QuotePage(total=r.total, quotes=r.quotes, limit=r.limit, offset=r.offset)


@router.get("/speakers", response_model=SpeakerPage, tags=["quotes"], summary="Speakers by number of quotes")
def list_speakers(store: StoreDep, q: Q = None, limit: Limit = 50, offset: Offset = 0) -> SpeakerPage:
    return SpeakerPage(speakers=store.speakers(q or None, limit=limit, offset=offset), limit=limit, offset=offset)


@router.get("/speakers/{speaker_id}", response_model=SpeakerSummary, tags=["quotes"], summary="One speaker",
            responses={404: {"model": ErrorResponse, "description": "No such speaker"}})
def get_speaker(speaker_id: Id, store: StoreDep) -> SpeakerSummary:
    found = store.speaker(speaker_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no speaker with id {speaker_id!r}")
    return found


@router.get("/entities", response_model=EntityPage, tags=["entities"], summary="Entities by number of articles")
def list_entities(store: StoreDep, q: Q = None,
                  type: Annotated[Literal["PER", "ORG", "LOC", "MISC"] | None, Query(description="Entity type.")] = None,
                  limit: Limit = 50, offset: Offset = 0) -> EntityPage:
    return EntityPage(entities=store.entities(q or None, type=type, limit=limit, offset=offset), limit=limit, offset=offset)


@router.get("/entities/{entity_id}", response_model=EntityDetail, tags=["entities"],
            summary="One entity: mentions, co-occurring entities, mentions per day",
            responses={404: {"model": ErrorResponse, "description": "No such entity"}})
def get_entity(entity_id: Id, store: StoreDep,
               mentions: Annotated[int, Query(ge=0, le=1000, description="Mentions to return, newest first.")] = 100,
               co: Annotated[int, Query(ge=0, le=200, description="Co-occurring entities to return.")] = 20) -> EntityDetail:
    detail = store.entity(entity_id, mention_limit=mentions, co_limit=co)
    if detail is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no entity with id {entity_id!r}")
    return detail


@router.get("/places", response_model=PlaceCollection, tags=["places"],
            summary="Resolved places with counts, as GeoJSON",
            response_description="A GeoJSON FeatureCollection of points; counts in each feature's properties.")
def list_places(store: StoreDep, q: Q = None, country: Country = None, date_from: DateFrom = None,
                date_to: DateTo = None, limit: Annotated[int, Query(ge=1, le=5000)] = 1000, offset: Offset = 0,
                ) -> PlaceCollection:
    _check_range(date_from, date_to)
    places = store.places(q or None, country=country.upper() if country else None, date_from=date_from,
                          date_to=date_to, limit=limit, offset=offset)
    features = [
        PlaceFeature(id=p.place_id, geometry=PointGeometry(coordinates=(p.lon, p.lat)),
                     properties=PlaceProperties(place_id=p.place_id, name=p.name, country_code=p.country_code,
                                                admin1=p.admin1, geonames_id=p.geonames_id, feature=p.feature,
                                                mention_count=p.mention_count, article_count=p.article_count))
        for p in places
    ]
    return PlaceCollection(features=features, limit=limit, offset=offset)


@router.get("/clusters", response_model=ClusterPage, tags=["clusters"], summary="Same-story clusters, largest first")
def list_clusters(store: StoreDep, date_from: DateFrom = None, date_to: DateTo = None,
                  min_size: Annotated[int, Query(ge=1, le=10_000)] = 2, limit: Limit = 50, offset: Offset = 0) -> ClusterPage:
    _check_range(date_from, date_to)
    return ClusterPage(clusters=store.clusters(date_from=date_from, date_to=date_to, min_size=min_size, limit=limit,
                                               offset=offset), limit=limit, offset=offset)


@router.get("/clusters/{cluster_id}", response_model=Cluster, tags=["clusters"], summary="One cluster with its members",
            responses={404: {"model": ErrorResponse, "description": "No such cluster"}})
def get_cluster(cluster_id: Id, store: StoreDep) -> Cluster:
    found = store.cluster(cluster_id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no cluster with id {cluster_id!r}")
    return found
