"""Benchmark the entity tagger: ``python benchmarks/ner_bench.py [N_ARTICLES]``.

Prints tokens/s of the CRF on the NER dev splits and of the whole ``entities`` component on
unlabelled news articles, plus load time and peak memory (JSON).
"""

from __future__ import annotations

import json
import sys

from marsad.config import require_shared_data
from marsad.evaluation.ner_bench import bench_component, bench_tagger


def main() -> None:
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    ner = require_shared_data("ner")
    files = [ner / d / "dev.txt" for d in ("anercorp", "aqmar", "wojood_sample")]
    out = {"tagger": bench_tagger(files, repeat=2)}
    from marsad.extract.ner_clusters import news_texts

    texts = list(news_texts(require_shared_data("news", "ant_unlabeled", "articles.jsonl.gz"), limit=n_articles))
    out["component"] = bench_component(texts)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
