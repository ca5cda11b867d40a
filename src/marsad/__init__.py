"""marsad (مرصد): Arabic-first news intelligence.

>>> from marsad import extract
>>> record = extract("قال الوزير إن الحكومة ستدفع 5 ملايين دولار.")  # doctest: +SKIP
"""

from __future__ import annotations

from .doc import ArticleError, Doc, RawArticle
from .pipeline import Pipeline, get_pipeline
from .record import Article, validate

__version__ = "0.1.0"


def extract(article: RawArticle | str) -> Article:
    """Extract one article with the default pipeline (loaded once per process)."""
    return get_pipeline().extract(article)


__all__ = ["Article", "ArticleError", "Doc", "Pipeline", "RawArticle", "extract", "get_pipeline", "validate", "__version__"]
