"""Dev micro-F1 on the four NER dev sets of an ensemble built from given model directories.

The docs' held-out figures come from models trained on the train splits only (the shipped ones
also saw the dev splits), which `marsad eval ner --model` cannot pair (it takes the shipped CRF):

    python eval/ner_dev_ensemble.py --model /tmp/nn/vB --crf /tmp/crf2-trainonly --weight 0.6 \
        [--combine joint|marginals] [--block 20 | --propagate 20] [--sentences] [--json]

Each dev file is tagged as one running text (`tag_given_tokens_document`, what `marsad ner-conll`
does); `--sentences` tags sentence by sentence instead; `--block K` adds the entities component's
propagation step once over each block of K consecutive sentences (what `marsad eval ner` does by
default); `--propagate N` re-runs it with ±N sentences around every sentence standing for the article.
"""

from __future__ import annotations

import argparse
import json
import time

from marsad.config import require_shared_data
from marsad.evaluation.ner import read_conll, score, tag_conll
from marsad.extract.ner_neural import COMBINE_RULES, load_ensemble

DEV_SETS = ("anercorp", "aqmar", "wojood_sample", "newsfane_gold")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="neural model directory (encoder.onnx, vectors.npz, meta.json)")
    ap.add_argument("--crf", required=True, help="CRF model directory (crf.model, crf2.model, ...)")
    ap.add_argument("--weight", type=float, default=0.6, help="neural share of the ensemble")
    ap.add_argument("--combine", choices=COMBINE_RULES, default=None, help="combination rule [default: the tagger's default]")
    ap.add_argument("--propagate", type=int, default=0, help="sentences on each side for the propagation step (0: off)")
    ap.add_argument("--block", type=int, default=0, help="sentences per block for the propagation step, one pass per block (0: off)")
    ap.add_argument("--sentences", action="store_true", help="tag sentence by sentence (no document context)")
    ap.add_argument("--json", action="store_true", help="print per-type scores as JSON")
    args = ap.parse_args()

    data = require_shared_data("ner")
    ens = load_ensemble(args.model, args.crf, args.weight, args.combine)
    f1: dict[str, float] = {}
    tables = {}
    cpu = time.process_time()
    for name in DEV_SETS:
        sents = read_conll(data / name / "dev.txt")
        tokens = [s.tokens for s in sents]
        if args.sentences:
            preds = [ens.tag_given_tokens(t) for t in tokens]
        elif args.propagate or args.block:
            preds, _ = tag_conll(ens, sents, window=args.propagate, block=args.block or 1)
        else:
            preds = ens.tag_given_tokens_document(tokens)
        tables[name] = score((s.tags for s in sents), preds).table()
        f1[name] = round(tables[name]["micro"]["f1"] * 100, 2)
    result = {"model": args.model, "crf": args.crf, "weight": args.weight, "combine": ens.combine,
              "propagate": args.propagate, "block": args.block, "sentences": args.sentences, **f1,
              "mean": round(sum(f1.values()) / len(f1), 2), "cpu_s": round(time.process_time() - cpu, 1)}
    if args.json:
        result["scores"] = tables
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
