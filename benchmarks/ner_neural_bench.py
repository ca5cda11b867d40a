"""Speed and memory of the neural entity tagger and of its ensemble with the CRF (one core).

    python benchmarks/ner_neural_bench.py [--model DIR] [--crf DIR] [--articles N] [--mode ensemble|neural|both] [--weight W] [--documents-first]

Tokens: the ANERcorp, AQMAR and Wojood dev files (tagged as given, sentence by sentence, as
``marsad ner-conll`` does) and N unlabelled news articles split into sentences by the pipeline
(tagged sentence by sentence, as the ``entities`` component does, and in batches of 32
sentences). onnxruntime runs with one intra-op thread. CPU seconds are reported beside wall
seconds: on a shared machine the wall clock measures the neighbours too.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn) -> tuple[float, float]:
    t, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - t, time.process_time() - c


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--crf", default=None)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--mode", default="both", choices=["ensemble", "neural", "both"])
    ap.add_argument("--weight", type=float, default=0.6, help="neural weight of the ensemble row (the shipped model uses its meta.json weight)")
    ap.add_argument("--documents-first", action="store_true",
                    help="time news article by article first, with cold caches (then the other rows)")
    args = ap.parse_args()

    from marsad.config import require_shared_data
    from marsad.evaluation.ner import read_conll
    from marsad.extract.ner_clusters import news_texts
    from marsad.extract.ner_neural import EnsembleTagger, load_ensemble
    from marsad.text import sentences, tokenize

    data = require_shared_data("ner")
    t0 = time.perf_counter()
    ens = load_ensemble(args.model, args.crf)
    load_s = time.perf_counter() - t0
    conll = [s.tokens for n in ("anercorp", "aqmar", "wojood_sample") for s in read_conll(data / n / "dev.txt")]
    articles = []
    for text in news_texts(require_shared_data("news") / "ant_unlabeled" / "articles.jsonl.gz", limit=args.articles):
        toks = tokenize(text)
        articles.append([[t.text for t in toks[s.tok_start:s.tok_end]] for s in sentences(text, toks)])
    news = [s for a in articles for s in a if s]
    files = [[s.tokens for s in read_conll(data / n / "dev.txt")] for n in ("anercorp", "aqmar", "wojood_sample")]
    result: dict = {"load_s": round(load_s, 3), "conll_tokens": sum(map(len, conll)), "news_tokens": sum(map(len, news)),
                    "shipped_weight": ens.weight}
    modes = {"ensemble": args.weight, "neural": 1.0} if args.mode == "both" else {args.mode: args.weight if args.mode == "ensemble" else 1.0}
    for mode, w in modes.items():
        model = EnsembleTagger.__new__(EnsembleTagger)
        model.__dict__.update(ens.__dict__)
        model.weight = w
        row = {}
        if w < 1.0 and hasattr(model, "fast_crf"):
            # The numpy CRF's tables are model loading (load_ensemble builds them for an ensemble
            # weight): timed here, apart from tagging with cold caches.
            t0 = time.perf_counter()
            model.fast_crf()
            row["crf_tables_load_s"] = round(time.perf_counter() - t0, 3)
        if args.documents_first:
            wall, cpu = timed(lambda: [model.tag_document(a) for a in articles])
            row["news_articles_cold"] = {"tokens_per_s": round(result["news_tokens"] / wall),
                                         "tokens_per_cpu_s": round(result["news_tokens"] / cpu)}
        for label, fn, n in (
            ("conll_given_cold", lambda: [model.tag_given_tokens(s) for s in conll], result["conll_tokens"]),
            ("conll_given_warm", lambda: [model.tag_given_tokens(s) for s in conll], result["conll_tokens"]),
            ("news_per_sentence", lambda: [model.tag(s) for s in news], result["news_tokens"]),
            ("news_batched_32", lambda: [model.tag_batch(news[i:i + 32]) for i in range(0, len(news), 32)], result["news_tokens"]),
            # What ner-conll and the entities component call: a whole file / article at a time
            # (with a two-stage CRF in the ensemble, its second stage sees the document).
            ("conll_documents", lambda: [model.tag_given_tokens_document(f) for f in files], result["conll_tokens"]),
            ("news_articles", lambda: [model.tag_document(a) for a in articles], result["news_tokens"]),
        ):
            wall, cpu = timed(fn)
            row[label] = {"tokens_per_s": round(n / wall), "tokens_per_cpu_s": round(n / cpu)}
        result[mode] = row
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
