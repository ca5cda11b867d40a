"""Read what the speaker ranker changes on unlabelled articles, against the rules alone.

``python eval/ranker_unlabelled.py MODEL.json [--policy correct] [--seed 611] [--per-corpus 500] [--out FILE]``

Draws ``--per-corpus`` articles from each news corpus (ANT and SaudiNewsNet) that are in no quotes gold file
(:func:`marsad.evaluation.metrics.draw_articles`, fixed seed), runs ``source`` + ``entities``, the rules, and
the model under the policy on a copy of the rules' quotes (with ``--against OLD.json``: also the other model on
another copy, which then stands for the rules), puts both through ``quote_canon`` as the component does, and
prints every quote whose speaker differs, with the text from two sentences before the cue to the start of the quote — for a human to count right and wrong changes (this prints no score).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
from pathlib import Path

from marsad.evaluation.metrics import draw_articles, load_news_articles, news_raw_article
from marsad.extract import quote_canon
from marsad.extract import quote_speakers as qs
from marsad.extract.quote_lexicon import load_lexicon
from marsad.extract.quotes import _Reader
from marsad.pipeline import COMPONENTS, Pipeline


def gold_ids() -> set[str]:
    ids: set[str] = set()
    for p in Path("eval/gold").glob("quotes*.jsonl"):
        with p.open(encoding="utf-8") as fh:
            ids.update(json.loads(line)["id"] for line in fh if line.strip())
    return ids


def _load(path: Path, policy: str | None) -> qs.RankerModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    model = qs.RankerModel.from_json(data)
    if policy:
        margin = float((data.get("margins") or {}).get(policy, 0.0))
        model = dataclasses.replace(model, override_margin=margin, mode=policy)
    return model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("--policy", default=None, help="run the weights under this policy (default: the file's)")
    ap.add_argument("--seed", type=int, default=611)
    ap.add_argument("--per-corpus", type=int, default=500)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--against", type=Path, default=None,
                    help="another model file (e.g. the shipped one): print where the two models' speakers differ, not model against rules")
    a = ap.parse_args()
    model = _load(a.model, a.policy)
    other = _load(a.against, a.policy) if a.against else None
    ids = draw_articles(a.seed, a.per_corpus, exclude=gold_ids(), max_chars=4000)
    articles = load_news_articles(ids)
    pipeline = Pipeline.default(disable=[c for c in COMPONENTS if c not in ("source", "entities")])
    lex = load_lexicon()
    lines: list[str] = []
    n_quotes = n_changed = 0
    for aid in ids:
        doc = pipeline(news_raw_article(articles[aid]))
        if not doc.tokens:
            continue
        reader = _Reader(doc, lex)
        rules = reader.run()
        ranked = [copy.copy(q) for q in rules]
        qs.apply(reader, ranked, model)
        if other is not None:  # the baseline is the other model's output, not the rules'
            before = [copy.copy(q) for q in rules]
            qs.apply(reader, before, other)
            rules = before
        quote_canon.canonicalise(doc, rules)
        quote_canon.canonicalise(doc, ranked)
        n_quotes += len(rules)
        for q0, q1 in zip(rules, ranked):
            if q0.speaker == q1.speaker:
                continue
            n_changed += 1
            t = doc.text
            ctx = t[max(0, q0.cue_start - 300):q0.cue_start] + "【" + t[q0.cue_start:q0.start] + "】" + t[q0.start:q0.start + 120]
            lines.append(f"### {n_changed} {aid}\n{'before' if other is not None else 'rules'}: {q0.speaker!r} ({q0.speaker_role!r})  ->  ranker: {q1.speaker!r} ({q1.speaker_role!r})\n"
                         + ctx.replace("\n", " ⏎ ") + "\n")
    head = (f"{len(ids)} articles, {n_quotes} quotes, {n_changed} speakers changed (model {a.model}, policy {model.mode}"
            + (f", against {a.against})" if other is not None else ", against the rules)"))
    text = head + "\n\n" + "\n".join(lines)
    if a.out:
        a.out.write_text(text, encoding="utf-8")
    print(head)


if __name__ == "__main__":
    main()
