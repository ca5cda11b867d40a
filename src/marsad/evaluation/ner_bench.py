"""Speed and memory of the entity tagger: tokens/s on CoNLL sentences and on whole articles.

Called by ``benchmarks/ner_bench.py`` and by ``marsad bench``. Speed is measured here, never
asserted in a test.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterable
from pathlib import Path


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench_tagger(conll_files: Iterable[Path], *, repeat: int = 1, model_dir: str | None = None) -> dict:
    """Tokens/s of the CRF on the tokens of CoNLL files (features + Viterbi, both stages), cold and warm."""
    from ..extract.ner_model import load_model
    from .ner import read_conll

    t0 = time.perf_counter()
    model = load_model(model_dir)
    load_s = time.perf_counter() - t0
    files = [[s.tokens for s in read_conll(f)] for f in conll_files]
    sents = [s for f in files for s in f]
    n_tokens = sum(len(s) for s in sents)

    def run() -> None:  # each file as one running text, as ner-conll tags it (both CRF stages)
        for f in files:
            model.tag_given_tokens_document(f)

    # CPU seconds as well as wall seconds: on a shared machine the wall clock measures the neighbours.
    cold0, cpu0 = time.perf_counter(), time.process_time()
    run()
    cold, cold_cpu = time.perf_counter() - cold0, time.process_time() - cpu0
    best, best_cpu = cold, cold_cpu
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        run()
        best, best_cpu = min(best, time.perf_counter() - t), min(best_cpu, time.process_time() - c)
    # The first stage alone (what ``tag`` does for one sentence), warm.
    t, c = time.perf_counter(), time.process_time()
    for s in sents:
        model.tag_given_tokens(s)
    first_wall, first_cpu = time.perf_counter() - t, time.process_time() - c
    return {
        "two_stage": getattr(model, "stage2", None) is not None,
        "stage1_warm_tokens_per_cpu_s": round(n_tokens / first_cpu) if first_cpu else 0,
        "stage1_warm_tokens_per_s": round(n_tokens / first_wall) if first_wall else 0,
        "tokens": n_tokens, "sentences": len(sents), "load_s": round(load_s, 3),
        "cold_tokens_per_s": round(n_tokens / cold), "warm_tokens_per_s": round(n_tokens / best),
        "cold_tokens_per_cpu_s": round(n_tokens / cold_cpu), "warm_tokens_per_cpu_s": round(n_tokens / best_cpu),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def bench_component(texts: list[str]) -> dict:
    """Tokens/s and articles/s of the whole ``entities`` component (tokenising, tagging, spans, coreference)."""
    from ..doc import Doc, RawArticle
    from ..extract.entities import EntityRecognizer

    comp = EntityRecognizer()
    docs = [Doc(RawArticle(text=t)) for t in texts if t.strip()]
    n_tokens = sum(len(d.tokens) for d in docs)  # tokenising is the text layer's cost, not counted
    t0, c0 = time.perf_counter(), time.process_time()
    n_ent = 0
    for d in docs:
        comp(d)
        n_ent += len(d.entities)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "articles": len(docs), "tokens": n_tokens, "entities": n_ent,
        "tokens_per_s": round(n_tokens / dt) if dt else 0, "articles_per_s": round(len(docs) / dt, 1) if dt else 0,
        "tokens_per_cpu_s": round(n_tokens / cpu) if cpu else 0,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
