"""``marsad ner-conll FILE`` and ``marsad eval ner FILE``: the entity tagger on CoNLL files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app, eval_app

#: = ``marsad.evaluation.ner.DEFAULT_BLOCK`` (a test checks), written out to keep ``marsad --help``
#: from importing the tagger's modules.
DEFAULT_BLOCK = 20


def _load(model: Path | None):
    from ..extract.ner_model import ModelMissing
    from ..extract.ner_neural import load_tagger

    try:
        # The pipeline's tagger (neural when installed); a directory chooses CRF or neural by its files.
        return load_tagger(model)
    except ModelMissing as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _tag(tagger, sents, propagate: bool, block: int, window: int):
    from ..evaluation.ner import tag_conll

    if block < 1 or window < 0:
        typer.echo("error: --block takes a number of sentences >= 1, --window one >= 0", err=True)
        raise typer.Exit(2)
    # By default as the entities component tags an article: the tagger, then its propagation step
    # once per document (the file's -DOCSTART- documents, else blocks of --block sentences).
    return tag_conll(tagger, sents, propagate=propagate, block=block, window=window)


def _read(path: Path, min_columns: int = 2):
    from ..evaluation.ner import ConllError, read_conll

    try:
        return read_conll(path, min_columns=min_columns)
    except ConllError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command("ner-conll")
def ner_conll(
    file: Annotated[Path, typer.Argument(help="CoNLL file: token<TAB>tag lines, a blank line between sentences")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write here instead of standard output")] = None,
    model: Annotated[Path | None, typer.Option(help="Model directory [default: the shipped model]")] = None,
    propagate: Annotated[bool, typer.Option("--propagate/--no-propagate", help="Run the entities component's propagation step (untagged repeats of a name tagged in the same document) once per document, as the pipeline does per article; --no-propagate: the tagger alone")] = True,
    block: Annotated[int, typer.Option(help="Sentences per pseudo-document when FILE has no -DOCSTART- lines (CoNLL dev/test files carry no document boundaries)")] = DEFAULT_BLOCK,
    window: Annotated[int, typer.Option(help="Instead of blocks, re-run the propagation step over ±N sentences around every sentence (slow); 0 = blocks")] = 0,
) -> None:
    """Tag the tokens of FILE as given; write token<TAB>gold<TAB>predicted lines in the same layout."""
    from ..evaluation.ner import DOCSTART, write_conll

    sents = _read(file)
    tagger = _load(model)
    rows = []
    preds, how = _tag(tagger, sents, propagate, block, window)
    doc = 0
    for s, pred in zip(sents, preds):
        if s.doc != doc:  # keep the file's document markers
            rows.append([(DOCSTART, "O", "O")])
            doc = s.doc
        rows.append([(tok, gold, p) for tok, gold, p in zip(s.tokens, s.tags, pred)])
    text = write_conll(rows)
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    typer.echo(f"{file}: {how.describe()}", err=True)


@eval_app.command("ner")
def eval_ner(
    file: Annotated[Path, typer.Argument(help="token<TAB>gold<TAB>predicted file (from ner-conll), or a token<TAB>gold file to tag first")],
    model: Annotated[Path | None, typer.Option(help="Model directory when FILE has no predictions [default: the shipped model]")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON")] = False,
    propagate: Annotated[bool, typer.Option("--propagate/--no-propagate", help="Run the entities component's propagation step (untagged repeats of a name tagged in the same document) once per document, as the pipeline does per article; --no-propagate: the tagger alone")] = True,
    block: Annotated[int, typer.Option(help="Sentences per pseudo-document when FILE has no -DOCSTART- lines (CoNLL dev/test files carry no document boundaries)")] = DEFAULT_BLOCK,
    window: Annotated[int, typer.Option(help="Instead of blocks, re-run the propagation step over ±N sentences around every sentence (slow); 0 = blocks")] = 0,
) -> None:
    """Exact-span precision, recall and F1 per type and micro-averaged."""
    import time

    from ..evaluation.ner import Scores, format_table, score

    sents = _read(file)
    speed = how = None
    if all(s.extra and all(len(e) >= 1 for e in s.extra) for s in sents):
        scores: Scores = score((s.tags for s in sents), ([e[0] for e in s.extra] for s in sents))
    else:
        tagger = _load(model)
        t0, c0 = time.perf_counter(), time.process_time()
        preds, how = _tag(tagger, sents, propagate, block, window)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        n_tok = sum(len(s.tokens) for s in sents)
        speed = n_tok / dt if dt else 0.0
        cpu_speed = n_tok / cpu if cpu else 0.0
        scores = score((s.tags for s in sents), preds)
    if as_json:
        payload = {"file": str(file), "sentences": len(sents), "tokens": scores.tokens, "scores": scores.table()}
        if how is not None:
            payload["propagation"] = {"mode": how.mode, "sentences": how.sentences, "description": how.describe()}
        if speed is not None:
            payload["tokens_per_s"] = round(speed)
            payload["tokens_per_cpu_s"] = round(cpu_speed)
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    title = f"{file}: {len(sents)} sentences, {scores.tokens} tokens (exact span match)"
    if how is not None:
        title += f"\npredicted by: {how.describe()}"
    typer.echo(format_table(scores, title))
    if speed is not None:
        typer.echo(f"tagging speed: {speed:,.0f} tokens/s wall, {cpu_speed:,.0f} tokens per CPU second (one thread, featurisation and propagation included, cold caches)")
