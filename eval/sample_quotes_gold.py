"""Draw the article samples for the quotes gold set (fixed seeds, both corpora, many outlets).

Run from the project root: ``python eval/sample_quotes_gold.py`` prints the chosen ids with
their split. The sample was drawn once, BEFORE the extractor was tuned; the annotations live in
``eval/gold/quotes.jsonl``. Articles longer than 2,500 characters are skipped so each one can be
read in full while annotating (the median article is ~1,100 characters).

A second, blind sample (``blind``, seed ``BLIND_SEED``, 12 articles per corpus, none of the first
60) was drawn and annotated after the first held-out half had been scored once and its errors
studied: that half then stopped being unseen, so the ``blind`` split is what stays unseen.
A third sample (``blind2``, seed ``BLIND2_SEED``, 13 per corpus, none of the earlier 84) was drawn
and annotated after ``blind`` had been scored and studied, before any code change that followed.
"""

from __future__ import annotations

from marsad.evaluation.metrics import draw_articles

SEED = 20261130
PER_CORPUS = 30
BLIND_SEED = 20261201
BLIND_PER_CORPUS = 12
BLIND2_SEED = 20261202
BLIND2_PER_CORPUS = 13
MAX_CHARS = 2500


def sample() -> list[tuple[str, str]]:
    chosen = draw_articles(SEED, PER_CORPUS, max_chars=MAX_CHARS)
    # Alternate dev / held-out so both halves mix corpora and outlets.
    return [(aid, "dev" if i % 2 == 0 else "test") for i, aid in enumerate(chosen)]


def blind_sample() -> list[tuple[str, str]]:
    taken = {aid for aid, _ in sample()}
    return [(aid, "blind") for aid in draw_articles(BLIND_SEED, BLIND_PER_CORPUS, exclude=taken, max_chars=MAX_CHARS)]


def blind2_sample() -> list[tuple[str, str]]:
    """Third sample (``blind2``): drawn after the ``blind`` split had been scored and studied."""
    taken = {aid for aid, _ in sample() + blind_sample()}
    return [(aid, "blind2") for aid in draw_articles(BLIND2_SEED, BLIND2_PER_CORPUS, exclude=taken, max_chars=MAX_CHARS)]


if __name__ == "__main__":
    for aid, split in sample() + blind_sample() + blind2_sample():
        print(aid, split)
