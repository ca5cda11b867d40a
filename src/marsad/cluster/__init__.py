"""Near-duplicate (syndication) and same-story clustering with provenance.

Pure functions and classes over article records; the store calls them on ingest, the CLI lists
clusters, and the Spark job reproduces the same ids from the same deterministic features.
"""

from .engine import (
    DEFAULT_CONFIG, ClusterConfig, ClusterDoc, Clusterer, DocFeatures, Member, StoryCluster, build_story, cluster_id,
    cluster_records, copy_kind, dup_similarity, excerpt_link, featurize, is_duplicate, is_same_story, pair_edge, story_score,
)
from .store import rebuild_store, update_store
from .features import band_keys, body_text, credited_source, minhash_signature, signature_from_bytes, signature_to_bytes

__all__ = [
    "DEFAULT_CONFIG", "ClusterConfig", "ClusterDoc", "Clusterer", "DocFeatures", "Member", "StoryCluster",
    "band_keys", "body_text", "build_story", "cluster_id", "cluster_records", "copy_kind", "credited_source", "dup_similarity", "excerpt_link",
    "featurize", "is_duplicate", "is_same_story", "minhash_signature", "signature_from_bytes", "signature_to_bytes",
    "pair_edge", "rebuild_store", "story_score", "update_store",
]
