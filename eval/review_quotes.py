"""Review the quotes component on unlabelled articles: what it found and what it may have missed.

``python eval/review_quotes.py [N] [--seed S] [--only found|marks|that|colon] [--out FILE.json]``

Draws N articles (default 200, up to 4,000 characters, none of the gold articles) from the shared news
corpora with a fixed seed, runs ``source`` + ``quotes`` (no NER, so it is fast) and prints, per class:

* ``found`` — every quote with the 60 characters before it (cue and zone) and its text;
* ``marks`` — stretches in quotation marks with four or more words that no quote covers;
* ``that``  — أن/إن (with pronoun suffixes, بأن) that no quote starts at, with the word before them
  (a cue missing from the lexicon shows up here);
* ``colon`` — colons followed by text that no quote covers.

``--out`` writes every found quote as JSON, so two versions of the code can be diffed
(``python eval/review_quotes.py 400 --out a.json`` before a change, ``--out b.json`` after). The
listing is for reading, not a score: a human decides which lines are misses.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

from marsad.config import require_shared_data
from marsad.doc import RawArticle
from marsad.pipeline import Pipeline

_MARKS = re.compile(r'[“«"]([^”»"\n]{15,}?)[”»"]')
_THAT = re.compile(r"(?<![\w])(?:ب?[أإا]ن(?:ه|ها|هم|نا)?)(?=\s)")
_COLON = re.compile(r":\s*([^\n]{20,})")


def draw(n: int, seed: int) -> list[dict]:
    gold_path = Path(__file__).resolve().parent / "gold" / "quotes.jsonl"
    gold: set[str] = set()
    if gold_path.exists():
        gold = {json.loads(line)["id"] for line in gold_path.open(encoding="utf-8")}
    rows: list[dict] = []
    for corpus in ("ant_multisource", "saudinewsnet"):
        with require_shared_data("news", corpus, "articles.jsonl").open(encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh)
    unlabelled = require_shared_data("news", "ant_unlabeled", "articles.jsonl.gz")
    with gzip.open(unlabelled, "rt", encoding="utf-8") as fh:
        rows.extend(json.loads(line) for i, line in enumerate(fh) if i % 5 == seed % 5)
    rows = [r for r in rows if r["id"] not in gold and len(r["text"]) <= 4000]
    random.Random(seed).shuffle(rows)
    return rows[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", choices=("found", "marks", "that", "colon"))
    ap.add_argument("--out")
    args = ap.parse_args()
    pipe = Pipeline.default(disable=["entities", "places", "dates", "quantities", "themes"])
    found: list[dict] = []
    lines: dict[str, list[str]] = {"found": [], "marks": [], "that": [], "colon": []}
    for art in draw(args.n, args.seed):
        text = art["text"]
        doc = pipe(RawArticle(text=text, id=art["id"]))
        spans = [(q.start, q.end) for q in doc.quotes]

        def covered(s: int, e: int) -> bool:
            return any(a < e and s < b for a, b in spans)

        def show(s: int, e: int) -> str:
            return (text[max(0, s - 60):s] + "【" + text[s:e][:160] + "】").replace("\n", " ⏎ ")

        for q in doc.quotes:
            found.append({"id": art["id"], "start": q.start, "end": q.end, "cue": q.cue, "speaker": q.speaker,
                          "text": q.text})
            lines["found"].append(f"{art['id']} [{q.cue} | {q.speaker}] {show(q.start, q.end)}")
        for m in _MARKS.finditer(text):
            if len(m.group(1).split()) >= 4 and not covered(m.start(1), m.end(1)):
                lines["marks"].append(f"{art['id']} {show(m.start(1), m.end(1))}")
        for m in _THAT.finditer(text):
            if not covered(m.end(), m.end() + 15):
                lines["that"].append(f"{art['id']} {show(m.start(), m.start() + 50)}")
        for m in _COLON.finditer(text):
            if not covered(m.start(1), m.start(1) + 10):
                lines["colon"].append(f"{art['id']} {show(m.start(1), m.end(1))}")
    for kind, rows in lines.items():
        if args.only and kind != args.only:
            continue
        print(f"== {kind} ({len(rows)})")
        for row in rows:
            print(row)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(found, fh, ensure_ascii=False)


if __name__ == "__main__":
    main()
