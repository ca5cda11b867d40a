"""Draw the article sample for the quantities and dates gold sets (fixed seed, both corpora).

Run from the project root: ``python eval/sample_quantities_dates_gold.py`` prints the chosen ids
with their split. The sample was drawn once, before the extractors were tuned on it; the
annotations are in ``eval/gold/quantities_dates_annotations.txt`` and are turned into
``eval/gold/quantities.jsonl`` and ``eval/gold/dates.jsonl`` by ``eval/build_quantities_dates_gold.py``.
Articles longer than 2,500 characters are skipped so each one can be read in full while
annotating (the median article is ~1,150 characters); nothing else is filtered.
"""

from __future__ import annotations

from marsad.evaluation.metrics import draw_articles

SEED = 5_2026
PER_CORPUS = 25
MAX_CHARS = 2500


def sample() -> list[tuple[str, str]]:
    chosen = draw_articles(SEED, PER_CORPUS, max_chars=MAX_CHARS)
    # Alternate dev / held-out so both halves mix corpora and outlets.
    return [(aid, "dev" if i % 2 == 0 else "test") for i, aid in enumerate(chosen)]


#: A second batch, drawn later the same way (new seed, first batch excluded) and annotated before
#: any tuning on it: its untuned score is a further unseen-article check, then it joins tuning as dev2.
SEED2 = 5_2027
BATCH2_PER_CORPUS = 8


def sample_batch2() -> list[tuple[str, str]]:
    first = {aid for aid, _ in sample()}
    return [(aid, "dev2") for aid in draw_articles(SEED2, BATCH2_PER_CORPUS, exclude=first, max_chars=MAX_CHARS)]


#: A third batch, the blind set: drawn with its own seed (both earlier batches excluded), 10 articles
#: per corpus, annotated before anyone looked at marsad's output on it, scored once before and once
#: after the next round of tuning. Never used for error analysis.
SEED3 = 5_2030
BATCH3_PER_CORPUS = 10


def sample_blind() -> list[tuple[str, str]]:
    seen = {aid for aid, _ in sample() + sample_batch2()}
    return [(aid, "blind") for aid in draw_articles(SEED3, BATCH3_PER_CORPUS, exclude=seen, max_chars=MAX_CHARS)]


#: A fourth batch for error analysis (dev3): drawn after the blind set, all earlier batches excluded,
#: annotated before looking at marsad's output on it; its untuned score is reported, then it is tuned on.
SEED4 = 5_2031
BATCH4_PER_CORPUS = 7


def sample_batch4() -> list[tuple[str, str]]:
    seen = {aid for aid, _ in sample() + sample_batch2() + sample_blind()}
    return [(aid, "dev3") for aid in draw_articles(SEED4, BATCH4_PER_CORPUS, exclude=seen, max_chars=MAX_CHARS)]


#: A fifth batch (dev4), drawn and used like dev3 after dev3 had been tuned on.
SEED5 = 5_2032
BATCH5_PER_CORPUS = 7


def sample_batch5() -> list[tuple[str, str]]:
    seen = {aid for aid, _ in sample() + sample_batch2() + sample_blind() + sample_batch4()}
    return [(aid, "dev4") for aid in draw_articles(SEED5, BATCH5_PER_CORPUS, exclude=seen, max_chars=MAX_CHARS)]


#: A sixth batch (dev5), drawn and used like dev3 and dev4 after those had been tuned on.
SEED6 = 5_2033
BATCH6_PER_CORPUS = 6


def sample_batch6() -> list[tuple[str, str]]:
    seen = {aid for aid, _ in sample() + sample_batch2() + sample_blind() + sample_batch4() + sample_batch5()}
    return [(aid, "dev5") for aid in draw_articles(SEED6, BATCH6_PER_CORPUS, exclude=seen, max_chars=MAX_CHARS)]


def all_batches() -> list[tuple[str, str]]:
    return sample() + sample_batch2() + sample_blind() + sample_batch4() + sample_batch5() + sample_batch6()


if __name__ == "__main__":
    for aid, split in all_batches():
        print(aid, split)
