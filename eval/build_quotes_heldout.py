"""Build a quotes gold batch kept in files of its own (``blind3`` … ``blind11``, ``train4`` … ``train9``, ``check6``, ``check7``, ``blind9a2``) from its annotation file.

The held-out batches were drawn, annotated and kept outside the repository until they had been scored,
so they live in files of their own rather than in ``quotes.jsonl``:

* ``blind3``: ``draw_articles(20261203, 15, exclude=<the 110 articles of dev/test/blind/blind2>)``;
* ``blind4``: ``draw_articles(20261207, 15, exclude=<those 110, train2's 40 and blind3's 30>)``;
* ``train4`` (training and development material, 160 articles in four annotators' parts of 40):
  ``draw_articles(20261215, 80, exclude=<all 310 earlier gold articles and two 40-article held-out batches>)``;
* ``train5`` (the same, 150 articles in three parts of 50):
  ``draw_articles(20261217, 75, exclude=<those and train4>)``;
* ``blind5`` / ``blind6`` (held out, 40 articles each in two annotators' parts of 20):
  ``draw_articles(20261211, 20, exclude=<all 310 earlier gold articles>)`` and
  ``draw_articles(20261213, 20, exclude=<those and blind5>)``; drawn before train4, which excludes them;
* ``blind7`` (held out, 80 articles in two parts of 40, session 4):
  ``draw_articles(20261301, 40, exclude=<all 700 earlier gold articles>)``;
* ``train6`` and ``check6`` (session 4; 300 articles in six annotators' parts of 50, parts a–c are ``train6``,
  studied freely, parts d–f are ``check6``, scored summary-only while developing):
  ``draw_articles(20261303, 150, exclude=<those 700 and blind7>)``;
* ``train7`` and ``check7`` (session 5; the same layout, parts a–c ``train7``, d–f ``check7``):
  ``draw_articles(20261403, 150, exclude=<all 1,080 earlier gold articles, the agreement ids and blind8>)``,
  where ``blind8`` (held out, 80 articles in two parts of 40) is ``draw_articles(20261401, 40, exclude=<the same>)``;
* ``blind9`` (session 6, held out, 120 articles in three parts of 40):
  ``draw_articles(20261501, 60, exclude=<all 1,460 earlier gold articles and the agreement ids>)``;
  ``blind9a2`` is a second, independent annotation of blind9's part a (its first 40 ids) by another annotator,
  for inter-annotator agreement (``python eval/quotes_agreement.py --pair`` on the two files); it is not a test batch;
* ``blind10`` (session 6, second round, held out, 80 articles in two parts of 40):
  ``draw_articles(20261601, 40, exclude=<all 1,580 earlier gold articles, blind9 included, and the agreement ids>)``;
* ``train8`` (session 7, training and study material, 240 articles in four annotators' parts of 60, annotated
  before any run of the extractor on them):
  ``draw_articles(20261703, 120, exclude=<all 1,820 earlier gold articles, the held-out blind11 included, and the
  agreement ids>, unlike=<their texts>)`` — the first batch drawn with the near-duplicate exclusion;
* ``blind11`` (session 7, held out, 160 articles in four parts of 40; first run at ``a48f7a1``, final at ``d2def96``):
  ``draw_articles(20261701, 80, exclude=<all 1,660 earlier gold articles and the agreement ids>, unlike=<their texts>)``;
* ``train9`` (session 7, the same layout): ``draw_articles(20261705, 120, exclude=<all 2,060 earlier gold articles,
  train8 and blind11 included, and the agreement ids>, unlike=<their texts>)``.

Same annotation format and span locator as ``eval/build_quotes_gold.py`` (imported, not copied).
Run from the project root: ``python eval/build_quotes_heldout.py blind4`` writes
``eval/gold/quotes_blind4.jsonl`` from ``eval/gold/quotes_blind4_annotations.txt``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import build_quotes_gold as gold  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"


def build(split: str) -> tuple[int, int]:
    source = GOLD / f"quotes_{split}_annotations.txt"
    out = GOLD / f"quotes_{split}.jsonl"
    blocks = gold.parse(source)
    ids = [aid for aid, _ in blocks]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"{source}: an article is annotated twice")
    rows = gold.gold_rows(blocks, lambda _aid: split)
    gold.write_rows(rows, out)
    return len(rows), sum(len(r["quotes"]) for r in rows)


if __name__ == "__main__":
    for name in sys.argv[1:] or ["blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "train4", "train5", "train6", "check6", "train7", "check7", "blind9", "blind9a2", "blind10", "train8", "train9", "blind11"]:
        n_articles, n_quotes = build(name)
        print(f"{name}: {n_articles} articles, {n_quotes} quotes -> {GOLD / f'quotes_{name}.jsonl'}")
