"""Check that a change to the quotes component leaves every prediction byte-identical (for pure speed-ups).

``python eval/quotes_identity.py prepare CACHE`` runs ``source`` and ``entities`` (all the quotes component reads,
as ``marsad eval quotes`` does) over every article of every quote gold file in eval/gold plus 1,000 unlabelled
articles (500 per news corpus in no gold file, seed 611, as eval/ranker_unlabelled.py draws them) and pickles the
documents to CACHE.

``python eval/quotes_identity.py dump CACHE OUT`` runs the quotes component of the tree on PYTHONPATH over a copy of
each cached document, with the shipped ranker and with the rules alone, and writes to OUT one digest per document
and setting of every quote's start, end, cue, cue_start, direct, speaker, speaker_role and speaker_entity_id (plus
text), and the component's CPU time. Digests only — CHECK files are included, so no prediction is written or shown.

``python eval/quotes_identity.py compare OUT_A OUT_B`` prints how many documents differ (counts only).
Run ``dump`` once with the tree before the change (``git archive REV | tar -x -C DIR``, ``PYTHONPATH=DIR/src``) and
once after, then ``compare``.
"""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("start", "end", "text", "cue", "cue_start", "direct", "speaker", "speaker_role", "speaker_entity_id")


def gold_ids() -> list[str]:
    ids: list[str] = []
    seen: set[str] = set()
    for p in sorted((ROOT / "eval" / "gold").glob("quotes*.jsonl")):
        with p.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip() and (i := json.loads(line)["id"]) not in seen:
                    seen.add(i)
                    ids.append(i)
    return ids


def prepare(cache: Path) -> None:
    from marsad.evaluation.metrics import draw_articles, load_news_articles, news_raw_article
    from marsad.pipeline import COMPONENTS, Pipeline

    gold = gold_ids()
    unlabelled = draw_articles(611, 500, exclude=set(gold), max_chars=4000)
    ids = gold + unlabelled
    articles = load_news_articles(ids)
    pipeline = Pipeline.default(disable=[c for c in COMPONENTS if c not in ("source", "entities")])
    docs = [(i, pipeline(news_raw_article(articles[i]))) for i in ids]
    with cache.open("wb") as fh:
        pickle.dump(docs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{len(gold)} gold articles + {len(unlabelled)} unlabelled -> {cache}")


def dump(cache: Path, out: Path) -> None:
    from marsad.extract.quotes import QuoteExtractor

    with cache.open("rb") as fh:
        docs = pickle.load(fh)
    result: dict[str, dict[str, str]] = {}
    seconds: dict[str, float] = {}
    quotes_n: dict[str, int] = {}
    for setting, component in (("ranker", QuoteExtractor()), ("rules", QuoteExtractor(ranker=False))):
        digests: dict[str, str] = {}
        spent = 0.0
        n = 0
        for aid, doc in docs:
            d = copy.deepcopy(doc)
            t0 = time.process_time()
            component(d)
            spent += time.process_time() - t0
            n += len(d.quotes)
            rows = [[getattr(q, f) for f in FIELDS] for q in d.quotes]
            digests[aid] = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()
        result[setting] = digests
        seconds[setting] = spent
        quotes_n[setting] = n
    out.write_text(json.dumps({"digests": result, "seconds": seconds, "quotes": quotes_n}), encoding="utf-8")
    print(f"{len(docs)} documents; quotes {quotes_n}; quotes component CPU s {({k: round(v, 2) for k, v in seconds.items()})}")


def compare(a: Path, b: Path) -> None:
    x, y = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    for setting in x["digests"]:
        da, db = x["digests"][setting], y["digests"][setting]
        diff = sum(da[i] != db.get(i) for i in da) + len(set(db) - set(da))
        print(f"{setting}: {len(da)} documents, {x['quotes'][setting]} / {y['quotes'][setting]} quotes, "
              f"{diff} documents differ; CPU {x['seconds'][setting]:.2f} s -> {y['seconds'][setting]:.2f} s")


def main() -> None:
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "prepare":
        prepare(Path(args[1]))
    elif len(args) == 3 and args[0] == "dump":
        dump(Path(args[1]), Path(args[2]))
    elif len(args) == 3 and args[0] == "compare":
        compare(Path(args[1]), Path(args[2]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
