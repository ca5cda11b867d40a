"""The storage interface: one :class:`Store` API, two backends (SQLite, PostgreSQL), chosen by URL.

``open_store("sqlite:///path/marsad.db")`` or ``open_store("postgresql://user:pw@host/db")``;
the default is ``sqlite:///./marsad.db``. Opening a store brings its schema up to date
(versioned migrations), so a fresh database and an old one both end up current.

Write side: :meth:`Store.upsert` stores article records in one transaction (a batch);
:meth:`Store.save_clusters` stores the clustering output. Read side: :meth:`Store.search`
(Arabic-aware full text + filters), :meth:`Store.quotes`, :meth:`Store.speakers`,
:meth:`Store.entities`, :meth:`Store.entity`, :meth:`Store.places`, :meth:`Store.clusters`, …
All results are typed dataclasses; ``dataclasses.asdict`` turns any of them into JSON-ready data.

This module is the contract the API, the web UI and the clustering job code against:
fields and methods are only ever added, never renamed.
"""

from __future__ import annotations

import hashlib
import html
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from ..record import Article

DEFAULT_URL = "sqlite:///./marsad.db"
#: Environment variable holding the default database URL (``--db`` overrides it).
DB_ENV = "MARSAD_DB"

DateLike = date | datetime | str | None


class StoreError(RuntimeError):
    """A storage problem with a message fit for a user (bad URL, unreachable server, bad query)."""


class QueryError(StoreError, ValueError):
    """A search query or filter that cannot be run (e.g. a malformed date)."""


# --------------------------------------------------------------------------------------------
# Query inputs
# --------------------------------------------------------------------------------------------

@dataclass(slots=True)
class SearchFilters:
    """Filters combined (AND) with the text query. Empty fields do not filter.

    ``entity`` is an entity id (``per-…``) or a name (matched on its normalised, clitic-keyed
    form, so ``الكاظمي`` finds ``مصطفى الكاظمي`` only by exact key: use the id for precision).
    ``speaker`` is a speaker id or a name; ``place`` a place name or GeoNames id; ``country`` an
    ISO 3166-1 alpha-2 code; ``date_from``/``date_to`` are inclusive days (``YYYY-MM-DD``) on the
    outlet's own publication date.
    """

    outlet: str | None = None
    date_from: DateLike = None
    date_to: DateLike = None
    entity: str | None = None
    speaker: str | None = None
    place: str | None = None
    country: str | None = None
    quantity_category: str | None = None
    theme: str | None = None
    cluster_id: str | None = None


SortOrder = Literal["relevance", "newest", "oldest"]


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Snippet:
    """A passage of the ORIGINAL article text with the matched words marked.

    ``highlights`` are half-open ``(start, end)`` offsets into ``text``; ``start``/``end`` say
    where ``text`` lies in the article. Use :meth:`html` for safe HTML (text escaped, matches in
    ``<mark>``), :meth:`marked` for plain text with custom markers.
    """

    text: str
    start: int
    end: int
    highlights: list[tuple[int, int]] = field(default_factory=list)
    leading_ellipsis: bool = False
    trailing_ellipsis: bool = False

    def marked(self, open_mark: str = "[", close_mark: str = "]", *, escape=lambda s: s) -> str:
        out: list[str] = ["…" if self.leading_ellipsis else ""]
        pos = 0
        for s, e in self.highlights:
            out.append(escape(self.text[pos:s]))
            out.append(open_mark + escape(self.text[s:e]) + close_mark)
            pos = e
        out.append(escape(self.text[pos:]))
        out.append("…" if self.trailing_ellipsis else "")
        return "".join(out)

    def html(self, tag: str = "mark") -> str:
        """The snippet as HTML: article text escaped, matches wrapped in ``<mark>``."""
        return self.marked(f"<{tag}>", f"</{tag}>", escape=lambda s: html.escape(s, quote=False))


@dataclass(slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published_at: str | None
    #: Higher is better: ``-bm25`` on SQLite, ``ts_rank_cd`` on PostgreSQL (not comparable across backends).
    score: float
    snippet: Snippet | None
    cluster_id: str | None = None
    #: Articles in this hit's story cluster (1 when unclustered).
    cluster_size: int = 1
    #: With ``collapse=True``: how many other matching articles of the same cluster were folded into this hit.
    collapsed: int = 0
    source: str | None = None


@dataclass(slots=True)
class SearchResult:
    query: str
    #: The query as the index sees it (normalised, clitic keys), for debugging and display.
    normalized_query: str
    total: int
    hits: list[SearchHit]
    limit: int
    offset: int


@dataclass(slots=True)
class QuoteHit:
    article_id: str
    index: int
    text: str
    start: int
    end: int
    direct: bool
    cue: str
    speaker: str | None
    speaker_id: str | None
    speaker_role: str | None
    speaker_entity_id: str | None
    published_at: str | None
    outlet: str | None
    title: str | None
    url: str | None = None


@dataclass(slots=True)
class QuoteResult:
    total: int
    quotes: list[QuoteHit]
    limit: int
    offset: int


@dataclass(slots=True)
class SpeakerSummary:
    #: The speaker's entity id when the quote extractor linked one, else ``spk-<hash of the name key>``.
    speaker_id: str
    name: str
    entity_id: str | None
    quote_count: int
    article_count: int
    first_at: str | None
    last_at: str | None
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EntitySummary:
    entity_id: str
    canonical: str
    type: str
    mention_count: int
    article_count: int
    first_at: str | None = None
    last_at: str | None = None


@dataclass(slots=True)
class Mention:
    article_id: str
    text: str
    start: int
    end: int
    published_at: str | None
    outlet: str | None
    title: str | None


@dataclass(slots=True)
class CoMention:
    entity: EntitySummary
    #: Articles mentioning both entities.
    articles: int


@dataclass(slots=True)
class TimelinePoint:
    day: str  # YYYY-MM-DD
    count: int


@dataclass(slots=True)
class EntityDetail:
    entity: EntitySummary
    mentions: list[Mention]
    co_occurring: list[CoMention]
    timeline: list[TimelinePoint]
    #: Surface forms seen, most frequent first, with counts.
    aliases: list[tuple[str, int]] = field(default_factory=list)
    quotes_by: int = 0


@dataclass(slots=True)
class PlaceSummary:
    #: GeoNames id when known, else ``name|country_code``.
    place_id: str
    name: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None
    feature: str
    mention_count: int
    article_count: int


@dataclass(slots=True)
class OutletSummary:
    outlet: str
    article_count: int
    first_at: str | None
    last_at: str | None


# --- clusters (filled by marsad.cluster, issue 9) ---

#: ``first`` (earliest publisher), ``copy``/``verbatim``/``near-copy`` (a near-duplicate of an earlier
#: member; the clusterer may say how close), ``excerpt`` (a verbatim part of a longer member),
#: ``rewrite`` (same story, own wording).
Relation = Literal["first", "copy", "verbatim", "near-copy", "excerpt", "rewrite"]
COPY_RELATIONS = ("copy", "verbatim", "near-copy", "excerpt")


@dataclass(slots=True)
class ClusterMember:
    """One article's place in its story cluster.

    ``near_dup_group`` groups verbatim/near-verbatim copies (MinHash); ``duplicate_of`` names the
    article this one copies (the earliest of its near-duplicate group), ``None`` for originals.
    ``relation``: ``first`` (earliest publisher), ``copy`` (near-duplicate of an earlier member) or
    ``rewrite`` (same story, own wording).
    """

    article_id: str
    relation: Relation = "rewrite"
    duplicate_of: str | None = None
    near_dup_group: str | None = None
    similarity: float | None = None
    # Filled on read from the article row:
    outlet: str | None = None
    title: str | None = None
    published_at: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Cluster:
    """A same-story cluster, as written by the clustering job and read by the API."""

    cluster_id: str
    members: list[ClusterMember]
    #: Earliest member by publication time.
    first_article_id: str | None = None
    first_published_at: str | None = None
    first_outlet: str | None = None
    #: The original source credited by members (المصدر: …، (واس)), most common credit first.
    credited_source: str | None = None
    label: str | None = None


@dataclass(slots=True)
class ClusterSummary:
    cluster_id: str
    size: int
    outlets: list[str]
    first_article_id: str | None
    first_published_at: str | None
    first_outlet: str | None
    credited_source: str | None
    label: str | None
    last_published_at: str | None = None
    copies: int = 0


@dataclass(slots=True)
class UpsertResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Records not stored because the same text from the same outlet is already stored under another id/URL.
    duplicates: int = 0
    ids: list[str] = field(default_factory=list)

    def __iadd__(self, other: UpsertResult) -> UpsertResult:
        self.inserted += other.inserted
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.duplicates += other.duplicates
        self.ids.extend(other.ids)
        return self


@dataclass(slots=True)
class Existing:
    """What the store already holds for an incoming article (see :meth:`Store.find_existing`)."""

    id: str
    fingerprint: str
    url: str | None
    title: str | None
    published_at: str | None
    outlet: str | None


@dataclass(slots=True)
class StoreStats:
    articles: int
    entities: int
    mentions: int
    quotes: int
    speakers: int
    places: int
    clusters: int
    schema_version: int
    backend: str


# --------------------------------------------------------------------------------------------
# Helpers shared by both backends (pure functions)
# --------------------------------------------------------------------------------------------

def speaker_id(name: str | None, entity_id: str | None = None) -> str | None:
    """Stable id of a speaker: the linked entity id, else a hash of the name's normalised key."""
    if entity_id:
        return entity_id
    if not name:
        return None
    from ..text import name_key

    key = name_key(name) or name.strip()
    return "spk-" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def place_id(geonames_id: int | None, name: str, country_code: str | None) -> str:
    return str(geonames_id) if geonames_id else f"{name}|{country_code or ''}"


def to_day(value: DateLike, what: str = "date") -> str | None:
    """``YYYY-MM-DD`` from a date, datetime or ISO string; ``QueryError`` on garbage."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10]).isoformat()
    except ValueError as exc:
        raise QueryError(f"{what}: {value!r} is not a date (expected YYYY-MM-DD)") from exc


# --------------------------------------------------------------------------------------------
# The interface
# --------------------------------------------------------------------------------------------

class Store(ABC):
    """One database of article records. Use as a context manager or call :meth:`close`.

    Instances are safe to share between threads (calls are serialised internally).
    """

    #: ``"sqlite"`` or ``"postgresql"``.
    backend: str
    url: str

    # --- lifecycle and schema ---
    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version the database is at (``0`` for an empty database)."""

    @abstractmethod
    def migrate(self, target: int | None = None) -> int:
        """Apply pending migrations up to ``target`` (default: latest); returns the new version."""

    # --- write side ---
    @abstractmethod
    def upsert(self, records: Iterable[Article]) -> UpsertResult:
        """Store records (``Article`` objects or their ``to_dict()`` dicts) in ONE transaction: all of them or none.

        An article is the same as a stored one when it has the same id, the same URL, or the
        same normalised text from the same outlet; then it is updated if anything changed,
        otherwise counted ``unchanged``. Verbatim copies from *other* outlets are separate
        articles (syndication), linked later by clustering.
        """

    @abstractmethod
    def find_existing(self, *, id: str | None = None, url: str | None = None,
                      fingerprint: str | None = None, outlet: str | None = None) -> Existing | None:
        """The stored article an incoming one would update (same id, URL, or text+outlet), if any.

        Ingest uses it to skip extraction of articles already stored unchanged.
        """

    @abstractmethod
    def delete(self, article_id: str) -> bool: ...

    @abstractmethod
    def save_clusters(self, clusters: Iterable[Cluster], *, replace_all: bool = False) -> int:
        """Store clusters in one transaction and set each member article's ``cluster_id``.

        A member listed in a new cluster leaves its old one; clusters left empty are removed.
        ``replace_all`` first clears every cluster (a full re-clustering). Returns clusters written.
        """

    @abstractmethod
    def kv_get(self, key: str) -> bytes | None:
        """Opaque state a component keeps in the database (e.g. the LSH index of the clusterer)."""

    @abstractmethod
    def kv_set(self, key: str, value: bytes | None) -> None: ...

    def index_outdated(self) -> bool:
        """True when the full-text shadow was built by a text layer whose keys differ from the current one."""
        return False

    def reindex(self, *, batch_size: int = 500) -> int:
        """Rebuild the full-text shadow of every article with the current text layer; returns articles reindexed."""
        return 0

    # --- read side: articles ---
    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The full record (as :meth:`Article.to_dict`, ``cluster_id`` filled), or ``None``."""

    def get_record(self, article_id: str) -> Article | None:
        d = self.get_article(article_id)
        return Article.from_dict(d) if d else None

    @abstractmethod
    def iter_records(self, *, ids: Iterable[str] | None = None, date_from: DateLike = None,
                     date_to: DateLike = None, batch_size: int = 500) -> Iterator[Article]:
        """All (or the selected) records, oldest first, streamed in batches."""

    @abstractmethod
    def article_ids(self, *, since_ingested: str | None = None) -> list[str]:
        """Ids of stored articles, optionally only those ingested/updated after an ISO time."""

    # --- read side: search ---
    @abstractmethod
    def search(self, q: str = "", filters: SearchFilters | None = None, *, limit: int = 20, offset: int = 0,
               sort: SortOrder = "relevance", collapse: bool = False, snippets: bool = True) -> SearchResult:
        """Full-text search combined with filters.

        ``q`` syntax: words are ANDed; ``"a phrase"`` in quotes; ``OR`` between two words or
        phrases; ``-word`` excludes. Words are normalised (diacritics, alef/ya/ta-marbuta,
        tatweel) and clitic-keyed (و/ف/ب/ك/ل + ال) exactly like the index. An empty ``q``
        lists the filtered articles, newest first. ``collapse`` keeps one hit per story cluster.
        """

    @abstractmethod
    def quotes(self, q: str | None = None, *, speaker: str | None = None, date_from: DateLike = None,
               date_to: DateLike = None, article_id: str | None = None, limit: int = 50, offset: int = 0) -> QuoteResult:
        """Quotations, newest first. ``speaker``: a speaker id or a name; ``q`` matches words of the quote."""

    @abstractmethod
    def speakers(self, q: str | None = None, *, limit: int = 100, offset: int = 0) -> list[SpeakerSummary]:
        """Speakers by number of quotes; ``q`` filters on the name (normalised substring)."""

    @abstractmethod
    def speaker(self, speaker_id: str) -> SpeakerSummary | None: ...

    @abstractmethod
    def entities(self, q: str | None = None, *, type: str | None = None, limit: int = 100,
                 offset: int = 0) -> list[EntitySummary]:
        """Entities by number of articles; ``q`` filters on the name, ``type`` on PER/ORG/LOC/MISC."""

    @abstractmethod
    def entity(self, entity_id: str, *, mention_limit: int = 100, co_limit: int = 20) -> EntityDetail | None:
        """One entity: its mentions (newest first), co-occurring entities and mentions per day."""

    @abstractmethod
    def places(self, q: str | None = None, *, country: str | None = None, date_from: DateLike = None,
               date_to: DateLike = None, limit: int = 500, offset: int = 0) -> list[PlaceSummary]:
        """Resolved places with mention/article counts, most mentioned first."""

    @abstractmethod
    def outlets(self) -> list[OutletSummary]: ...

    @abstractmethod
    def clusters(self, *, date_from: DateLike = None, date_to: DateLike = None, min_size: int = 2,
                 limit: int = 50, offset: int = 0) -> list[ClusterSummary]:
        """Story clusters, largest (then newest) first."""

    @abstractmethod
    def cluster(self, cluster_id: str) -> Cluster | None:
        """One cluster with its members (earliest first) and their provenance."""

    @abstractmethod
    def stats(self) -> StoreStats: ...


def open_store(url: str | None = None, *, migrate: bool = True) -> Store:
    """Open the store at ``url`` (``sqlite:///path``, ``postgresql://…``; default ``$MARSAD_DB`` or ``./marsad.db``).

    A bare filesystem path is taken as SQLite. The schema is migrated to the latest version
    unless ``migrate=False``.
    """
    import os

    url = url or os.environ.get(DB_ENV) or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        from .postgres import PostgresStore

        store: Store = PostgresStore(url.replace("postgresql+psycopg://", "postgresql://"))
    elif url.startswith("sqlite:") or "://" not in url:
        from .sqlite import SQLiteStore

        store = SQLiteStore(url)
    else:
        raise StoreError(f"unsupported database URL {url!r}: use sqlite:///path/to/marsad.db or postgresql://user:password@host/db")
    if migrate:
        store.migrate()
    return store
