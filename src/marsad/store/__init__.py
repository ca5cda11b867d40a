"""Storage: SQLite (default) and PostgreSQL backends behind one interface (:mod:`marsad.store.base`)."""

from .base import (
    DEFAULT_URL, Cluster, ClusterMember, ClusterSummary, CoMention, EntityDetail, EntitySummary, Existing, Mention,
    OutletSummary, PlaceSummary, QueryError, QuoteHit, QuoteResult, SearchFilters, SearchHit, SearchResult, Snippet,
    SpeakerSummary, Store, StoreError, StoreStats, TimelinePoint, UpsertResult, open_store, place_id, speaker_id,
)

__all__ = [
    "DEFAULT_URL", "Cluster", "ClusterMember", "ClusterSummary", "CoMention", "EntityDetail", "EntitySummary",
    "Existing", "Mention", "OutletSummary", "PlaceSummary", "QueryError", "QuoteHit", "QuoteResult", "SearchFilters",
    "SearchHit", "SearchResult", "Snippet", "SpeakerSummary", "Store", "StoreError", "StoreStats", "TimelinePoint",
    "UpsertResult", "open_store", "place_id", "speaker_id",
]
