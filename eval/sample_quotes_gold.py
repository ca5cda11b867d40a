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
A fourth batch (``train2``, 40 articles) is training/development material for the quote detector and
the speaker ranker, not an unseen split; its ids are committed as a fixed tuple (see ``TRAIN2_IDS``).
A fifth batch (``train3``, 100 articles, seed ``TRAIN3_SEED``) is more training material of the same kind
(``TRAIN3_IDS``).
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
TRAIN2_SEED = 20261204
TRAIN2_PER_CORPUS = 20
# Drawn with draw_articles(TRAIN2_SEED, TRAIN2_PER_CORPUS, exclude=...) excluding every earlier gold
# article (sample, blind, blind2) AND a 30-article held-out batch that is kept outside the repository
# until it has been scored; the ids are written out here so the draw stays reproducible without
# committing that held-out list.
TRAIN2_IDS = (
    "ant-FR-internationalNews-1181-20180511",
    "ant-CN-middleEast-870-20180510",
    "ant-SK-sport-995-20180503",
    "ant-SK-internationalNews-1631-20180518",
    "ant-SK-technology-590-20180506",
    "snn-2015-08-11-01571",
    "snn-2015-08-10-01691",
    "ant-SK-sport-1042-20180506",
    "ant-BB-internationalNews-453-20180503",
    "snn-2015-08-10-01186",
    "ant-CN-technology-101-20180503",
    "snn-2015-08-11-00627",
    "ant-SK-internationalNews-1616-20180517",
    "snn-2015-08-11-01640",
    "snn-2015-08-10-00010",
    "ant-AL-internationalNews-1030-20180506",
    "snn-2015-08-11-01535",
    "snn-2015-08-10-01570",
    "ant-AL-internationalNews-1015-20180506",
    "snn-2015-08-11-01005",
    "ant-BB-internationalNews-472-20180506",
    "snn-2015-08-10-01015",
    "snn-2015-08-11-00514",
    "ant-CN-middleEast-886-20180511",
    "snn-2015-08-11-01471",
    "ant-SK-sport-1178-20180515",
    "snn-2015-08-11-01175",
    "ant-AL-sport-1401-20180501",
    "ant-SK-technology-640-20180510",
    "snn-2015-08-10-01548",
    "snn-2015-08-10-00033",
    "ant-SK-middleEast-1698-20180514",
    "ant-SK-middleEast-1751-20180516",
    "ant-SK-internationalNews-1288-20180501",
    "snn-2015-08-10-00275",
    "snn-2015-08-10-00078",
    "snn-2015-08-11-01183",
    "ant-FR-internationalNews-1281-20180516",
    "snn-2015-08-10-00505",
    "snn-2015-08-10-01205",
)

TRAIN3_SEED = 20261205
TRAIN3_PER_CORPUS = 50
# Drawn with draw_articles(TRAIN3_SEED, TRAIN3_PER_CORPUS, exclude=...) excluding every earlier gold
# article (sample, blind, blind2, train2) AND two 30-article held-out batches that are kept outside the
# repository until they have been scored; the ids are written out here so the draw stays reproducible
# without committing those held-out lists. Annotated in two parts of 50 (part A: the first 50 ids of the
# draw, part B: ids 51-100).
TRAIN3_IDS = (
    "snn-2015-08-10-00617",
    "snn-2015-08-10-00214",
    "ant-CN-internationalNews-306-20180502",
    "snn-2015-08-11-00653",
    "snn-2015-08-11-01427",
    "ant-FR-middleEast-476-20180515",
    "snn-2015-08-10-00870",
    "ant-SK-economy-539-20180510",
    "snn-2015-08-11-00382",
    "snn-2015-08-10-01347",
    "ant-SK-sport-1191-20180515",
    "snn-2015-08-11-01023",
    "ant-BB-internationalNews-507-20180515",
    "ant-SK-economy-579-20180515",
    "snn-2015-08-11-01676",
    "snn-2015-08-10-00753",
    "ant-SK-middleEast-1752-20180516",
    "ant-SK-internationalNews-1296-20180501",
    "snn-2015-08-10-01161",
    "ant-AL-sport-1585-20180517",
    "ant-SK-middleEast-1795-20180518",
    "ant-SK-sport-980-20180503",
    "ant-BB-culture-138-20180501",
    "snn-2015-08-10-00073",
    "snn-2015-08-10-00868",
    "ant-SK-internationalNews-1355-20180503",
    "ant-AL-sport-1504-20180510",
    "snn-2015-08-11-01057",
    "ant-SK-internationalNews-1544-20180513",
    "snn-2015-08-10-00009",
    "snn-2015-08-10-01203",
    "snn-2015-08-11-00928",
    "ant-SK-middleEast-1575-20180510",
    "snn-2015-08-11-01598",
    "ant-AL-internationalNews-1228-20180518",
    "ant-SK-internationalNews-1407-20180506",
    "snn-2015-08-10-00633",
    "snn-2015-08-11-00776",
    "snn-2015-08-11-00182",
    "snn-2015-08-11-00285",
    "snn-2015-08-10-01366",
    "ant-AL-sport-1415-20180504",
    "ant-AL-internationalNews-1074-20180508",
    "snn-2015-08-11-00871",
    "snn-2015-08-10-01264",
    "ant-AL-internationalNews-1239-20180518",
    "ant-FR-internationalNews-1312-20180518",
    "ant-SK-technology-681-20180515",
    "snn-2015-08-11-00156",
    "ant-SK-internationalNews-1650-20180518",
    "ant-SK-middleEast-1373-20180501",
    "ant-CN-middleEast-888-20180512",
    "ant-AL-internationalNews-1077-20180509",
    "snn-2015-08-10-01166",
    "snn-2015-08-11-01281",
    "snn-2015-08-11-01332",
    "snn-2015-08-10-01441",
    "snn-2015-08-10-00322",
    "ant-BB-culture-146-20180505",
    "snn-2015-08-10-00368",
    "ant-CN-middleEast-900-20180513",
    "ant-SK-middleEast-1645-20180513",
    "ant-SK-middleEast-1481-20180507",
    "snn-2015-08-10-00547",
    "snn-2015-08-11-00509",
    "snn-2015-08-10-00574",
    "snn-2015-08-10-01279",
    "ant-SK-internationalNews-1435-20180508",
    "ant-FR-internationalNews-1098-20180506",
    "ant-AL-technology-233-20180510",
    "snn-2015-08-11-01388",
    "ant-CN-middleEast-777-20180501",
    "ant-SK-internationalNews-1533-20180512",
    "snn-2015-08-10-00462",
    "snn-2015-08-11-00063",
    "snn-2015-08-10-01504",
    "snn-2015-08-10-01668",
    "ant-SK-sport-1196-20180516",
    "ant-AL-internationalNews-1208-20180517",
    "ant-SK-internationalNews-1352-20180503",
    "snn-2015-08-11-01155",
    "ant-AL-economy-582-20180514",
    "ant-BB-sport-159-20180517",
    "ant-SK-sport-1121-20180511",
    "ant-BB-middleEast-493-20180512",
    "snn-2015-08-10-01641",
    "ant-SK-middleEast-1686-20180514",
    "snn-2015-08-10-01025",
    "ant-SK-economy-486-20180506",
    "ant-AL-economy-574-20180513",
    "ant-BB-internationalNews-457-20180503",
    "snn-2015-08-10-00994",
    "ant-SK-economy-454-20180501",
    "ant-SK-middleEast-1625-20180512",
    "snn-2015-08-11-01320",
    "snn-2015-08-10-01607",
    "snn-2015-08-10-01031",
    "snn-2015-08-10-01396",
    "snn-2015-08-11-00719",
    "ant-SK-technology-682-20180515",
)


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


def train2_sample() -> list[tuple[str, str]]:
    """Fourth batch (``train2``): training/development gold for the detector and the speaker ranker."""
    return [(aid, "train2") for aid in TRAIN2_IDS]


def train3_sample() -> list[tuple[str, str]]:
    """Fifth batch (``train3``, 100 articles): more training/development gold, speakers especially."""
    return [(aid, "train3") for aid in TRAIN3_IDS]


if __name__ == "__main__":
    batches = sample() + blind_sample() + blind2_sample() + train2_sample() + train3_sample()
    for aid, split in batches:
        print(aid, split)
