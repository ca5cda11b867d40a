"""Ingest: read articles (files, directories, feeds, URLs), extract them in worker processes, store them.

Idempotent and restartable: before extraction each article is looked up in the store (same id,
same URL, or same normalised text from the same outlet); one stored unchanged is skipped without
extracting it again. Records are written in batches, one transaction each, so a process killed
mid-way loses only the batch in flight and a rerun finishes the rest.
"""

from __future__ import annotations

from .run import IngestReport, ingest, iter_sources

__all__ = ["IngestReport", "ingest", "iter_sources"]
