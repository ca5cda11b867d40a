"""Versioned schema migrations, one list per backend. Append a migration; never edit a released one.

Each migration runs in one transaction together with the row that records it in
``schema_migrations``, so a database is always at a whole version.
"""

from __future__ import annotations

# Column types differ a little between the backends; the tables are the same.
_TABLES_V1 = """
CREATE TABLE articles (
    {pk},
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    outlet TEXT,
    outlet_key TEXT NOT NULL DEFAULT '',
    title TEXT,
    published_at TEXT,
    pub_ts TEXT,
    pub_day TEXT,
    language TEXT NOT NULL DEFAULT 'ar',
    source_name TEXT,
    cluster_id TEXT,
    fingerprint TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL{extra_article_cols}
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_fp ON articles (fingerprint, outlet_key);
CREATE INDEX articles_pub ON articles (pub_ts);
CREATE INDEX articles_day ON articles (pub_day);
CREATE INDEX articles_outlet ON articles (outlet, pub_ts);
CREATE INDEX articles_cluster ON articles (cluster_id);
CREATE INDEX articles_updated ON articles (updated_at);
CREATE TABLE entities (
    entity_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    canonical TEXT NOT NULL,
    name_key TEXT NOT NULL
);
CREATE INDEX entities_key ON entities (name_key);
CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    text_key TEXT NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX mentions_entity ON mentions (entity_id, article_id);
CREATE INDEX mentions_key ON mentions (text_key);
CREATE TABLE quotes (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    text_key TEXT NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    direct INTEGER NOT NULL,
    cue TEXT NOT NULL,
    cue_start INTEGER NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    speaker_id TEXT,
    speaker_role TEXT,
    speaker_entity_id TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_id);
CREATE TABLE quantities (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    value {float} NOT NULL,
    approx TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT,
    category TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quantities_category ON quantities (category, article_id);
CREATE TABLE dates (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    value TEXT,
    resolution TEXT,
    relative INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE places (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    place_id TEXT NOT NULL,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    country_code TEXT,
    admin1 TEXT,
    lat {float} NOT NULL,
    lon {float} NOT NULL,
    geonames_id BIGINT,
    feature TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX places_place ON places (place_id, article_id);
CREATE INDEX places_country ON places (country_code, article_id);
CREATE TABLE themes (
    article_id TEXT NOT NULL,
    theme TEXT NOT NULL,
    PRIMARY KEY (article_id, theme)
);
CREATE INDEX themes_theme ON themes (theme, article_id);
"""

_TABLES_V2 = """
CREATE TABLE clusters (
    cluster_id TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    first_article_id TEXT,
    first_published_at TEXT,
    last_published_at TEXT,
    first_outlet TEXT,
    credited_source TEXT,
    label TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX clusters_size ON clusters (size, last_published_at);
CREATE TABLE cluster_members (
    article_id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL,
    relation TEXT NOT NULL,
    duplicate_of TEXT,
    near_dup_group TEXT,
    similarity {float}
);
CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id);
CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value {blob},
    updated_at TEXT NOT NULL
);
"""

# v3: per-entity-per-article rows and denormalised publication times, so listings (entities, speakers,
# places, an entity's page) read small tables instead of aggregating every mention joined to articles.
_TABLES_V3 = """
CREATE TABLE entity_articles (
    entity_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    pub_ts TEXT,
    published_at TEXT,
    pub_day TEXT,
    PRIMARY KEY (entity_id, article_id)
);
INSERT INTO entity_articles (entity_id, article_id, mentions, pub_ts, published_at, pub_day)
    SELECT m.entity_id, m.article_id, COUNT(*), MIN(a.pub_ts), MIN(a.published_at), MIN(a.pub_day)
    FROM mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.entity_id, m.article_id;
CREATE INDEX entity_articles_article ON entity_articles (article_id);
CREATE INDEX entity_articles_time ON entity_articles (entity_id, pub_ts);
ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN first_at TEXT;
ALTER TABLE entities ADD COLUMN last_at TEXT;
UPDATE entities SET
    mention_count = COALESCE((SELECT SUM(ea.mentions) FROM entity_articles ea WHERE ea.entity_id = entities.entity_id), 0),
    article_count = (SELECT COUNT(*) FROM entity_articles ea WHERE ea.entity_id = entities.entity_id),
    first_at = (SELECT MIN(ea.published_at) FROM entity_articles ea WHERE ea.entity_id = entities.entity_id),
    last_at = (SELECT MAX(ea.published_at) FROM entity_articles ea WHERE ea.entity_id = entities.entity_id);
CREATE INDEX entities_rank ON entities (article_count, mention_count);
ALTER TABLE quotes ADD COLUMN pub_ts TEXT;
ALTER TABLE quotes ADD COLUMN published_at TEXT;
ALTER TABLE quotes ADD COLUMN pub_day TEXT;
UPDATE quotes SET
    pub_ts = (SELECT a.pub_ts FROM articles a WHERE a.id = quotes.article_id),
    published_at = (SELECT a.published_at FROM articles a WHERE a.id = quotes.article_id),
    pub_day = (SELECT a.pub_day FROM articles a WHERE a.id = quotes.article_id);
CREATE INDEX quotes_speaker_time ON quotes (speaker_id, pub_ts);
CREATE INDEX quotes_time ON quotes (pub_ts);
ALTER TABLE places ADD COLUMN pub_day TEXT;
UPDATE places SET pub_day = (SELECT a.pub_day FROM articles a WHERE a.id = places.article_id)
"""

# v4: speaker counters (kept by upsert and delete), so the speaker list does not group every quotation.
_TABLES_V4 = """
CREATE TABLE speakers (
    speaker_id TEXT PRIMARY KEY,
    name TEXT,
    name_key TEXT,
    entity_id TEXT,
    quote_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    first_at TEXT,
    last_at TEXT
);
INSERT INTO speakers (speaker_id, name, name_key, entity_id, quote_count, article_count, first_at, last_at)
    SELECT speaker_id, MIN(speaker), MIN(speaker_key), MAX(speaker_entity_id), COUNT(*), COUNT(DISTINCT article_id),
           MIN(published_at), MAX(published_at)
    FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id;
CREATE INDEX speakers_rank ON speakers (quote_count)
"""

# v5: per-place counters (kept by upsert and delete) so the place list reads one row per place, and a full-text
# index over each quotation's shadow keys (the same keys as article search) so quote text search does not scan.
# The place table's `name_keys` joins the distinct normalised keys of every mention (',' never occurs in a key).
_PLACE_SUMMARY = """
CREATE TABLE place_summary (
    place_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country_code TEXT,
    admin1 TEXT,
    lat {float} NOT NULL,
    lon {float} NOT NULL,
    geonames_id BIGINT,
    feature TEXT,
    mention_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    name_keys TEXT NOT NULL
);
INSERT INTO place_summary (place_id, name, country_code, admin1, lat, lon, geonames_id, feature, mention_count, article_count, name_keys)
    SELECT place_id, MIN(name), MIN(country_code), MIN(admin1), MIN(lat), MIN(lon), MIN(geonames_id), MIN(feature),
           COUNT(*), COUNT(DISTINCT article_id), {agg_keys}
    FROM places GROUP BY place_id;
CREATE INDEX place_summary_rank ON place_summary (mention_count DESC, place_id);
CREATE INDEX places_day ON places (pub_day)
"""

# v6: per-place, per-day counters (by country too), so places() with a country or date filter sums a few rows per
# place instead of grouping every mention. Each row aggregates the mentions of one place on one publication day
# with one country code; sums over rows equal counts over the mentions because an article has one day and one
# place id one country (GeoNames id or name|country). Kept by upsert and delete with place_summary.
_PLACE_DAYS = """
CREATE TABLE place_days (
    place_id TEXT NOT NULL,
    pub_day TEXT,
    country_code TEXT,
    name TEXT NOT NULL,
    admin1 TEXT,
    lat {float} NOT NULL,
    lon {float} NOT NULL,
    geonames_id BIGINT,
    feature TEXT,
    mention_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL
);
INSERT INTO place_days (place_id, pub_day, country_code, name, admin1, lat, lon, geonames_id, feature, mention_count, article_count)
    SELECT place_id, pub_day, country_code, MIN(name), MIN(admin1), MIN(lat), MIN(lon), MIN(geonames_id), MIN(feature),
           COUNT(*), COUNT(DISTINCT article_id)
    FROM places GROUP BY place_id, pub_day, country_code;
CREATE INDEX place_days_place ON place_days (place_id);
CREATE INDEX place_days_day ON place_days (pub_day);
CREATE INDEX place_days_country ON place_days (country_code, pub_day)
"""

#: FTS rowid of a quotation: its article's stable ``rid`` (INTEGER PRIMARY KEY, kept by VACUUM) and its index.
QUOTE_ROWID_SHIFT = 20

_SQLITE_QUOTES_FTS = f"""
CREATE VIRTUAL TABLE quotes_fts USING fts5(text_key, tokenize = 'unicode61 remove_diacritics 0');
INSERT INTO quotes_fts (rowid, text_key)
    SELECT (a.rid << {QUOTE_ROWID_SHIFT}) + q.idx, q.text_key FROM quotes q JOIN articles a ON a.id = q.article_id;
CREATE TRIGGER quotes_fts_ins AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text_key)
        VALUES (((SELECT rid FROM articles WHERE id = new.article_id) << {QUOTE_ROWID_SHIFT}) + new.idx, new.text_key);
END;
CREATE TRIGGER quotes_fts_del AFTER DELETE ON quotes BEGIN
    DELETE FROM quotes_fts WHERE rowid = ((SELECT rid FROM articles WHERE id = old.article_id) << {QUOTE_ROWID_SHIFT}) + old.idx;
END;
CREATE TRIGGER quotes_fts_upd AFTER UPDATE OF text_key, idx, article_id ON quotes BEGIN
    DELETE FROM quotes_fts WHERE rowid = ((SELECT rid FROM articles WHERE id = old.article_id) << {QUOTE_ROWID_SHIFT}) + old.idx;
    INSERT INTO quotes_fts (rowid, text_key)
        VALUES (((SELECT rid FROM articles WHERE id = new.article_id) << {QUOTE_ROWID_SHIFT}) + new.idx, new.text_key);
END
"""

# A generated column: PostgreSQL keeps it current on every insert and update, no write-path code needed.
_PG_QUOTES_FTS = """
ALTER TABLE quotes ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text_key)) STORED;
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)
"""

_SQLITE = {"pk": "rid INTEGER PRIMARY KEY", "float": "REAL", "blob": "BLOB", "extra_article_cols": ""}
_PG = {"pk": "rid BIGSERIAL PRIMARY KEY", "float": "DOUBLE PRECISION", "blob": "BYTEA", "extra_article_cols": ",\n    tsv TSVECTOR"}


def _split(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _split_triggers(script: str) -> list[str]:
    """Split on ';' except inside CREATE TRIGGER … END blocks."""
    out: list[str] = []
    buf: list[str] = []
    in_trigger = False
    for part in script.split(";"):
        if not buf and not part.strip():
            continue
        buf.append(part)
        if part.strip().upper().startswith("CREATE TRIGGER"):
            in_trigger = True
        if in_trigger and not part.strip().upper().endswith("END"):
            continue
        out.append(";".join(buf).strip())
        buf, in_trigger = [], False
    return [s for s in out if s]


#: version -> statements. v1: articles, extractions and the full-text index; v2: clusters and component state;
#: v3: entity-article rows, entity counters and publication times on quotes and places; v4: speaker counters;
#: v5: place counters and the quotation full-text index; v6: per-place, per-day counters.
SQLITE_MIGRATIONS: dict[int, list[str]] = {
    1: _split(_TABLES_V1.format(**_SQLITE)) + [
        # Full text over the normalised shadow text (see marsad.store.fts); rowid = articles.rid.
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, alt, tokenize = 'unicode61 remove_diacritics 0')",
    ],
    2: _split(_TABLES_V2.format(**_SQLITE)),
    3: _split(_TABLES_V3),
    4: _split(_TABLES_V4),
    # trigger bodies contain ';', so that script is split trigger-aware
    5: _split(_PLACE_SUMMARY.format(float="REAL", agg_keys="group_concat(DISTINCT name_key)")) + _split_triggers(_SQLITE_QUOTES_FTS),
    6: _split(_PLACE_DAYS.format(float="REAL")),
}

POSTGRES_MIGRATIONS: dict[int, list[str]] = {
    1: _split(_TABLES_V1.format(**_PG)) + ["CREATE INDEX articles_tsv ON articles USING GIN (tsv)"],
    2: _split(_TABLES_V2.format(**_PG)),
    3: _split(_TABLES_V3),
    4: _split(_TABLES_V4),
    5: _split(_PLACE_SUMMARY.format(float="DOUBLE PRECISION", agg_keys="string_agg(DISTINCT name_key, ',')")) + _split(_PG_QUOTES_FTS),
    6: _split(_PLACE_DAYS.format(float="DOUBLE PRECISION")),
}

LATEST = max(SQLITE_MIGRATIONS)
assert LATEST == max(POSTGRES_MIGRATIONS)
