"""``marsad eval quotes GOLD``: quote detection and quote+speaker P/R/F1 on hand-annotated articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import eval_app, gold_rows


@eval_app.command("quotes")
def eval_quotes(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (eval/gold/quotes.jsonl)", exists=True, dir_okay=False)],
    split: Annotated[str | None, typer.Option(help="Score only this split (dev, test or blind)")] = None,
    no_entities: Annotated[bool, typer.Option("--no-entities", help="Run without the NER component (speaker heuristics only)")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Print missed, spurious and wrong-speaker quotes")] = False,
) -> None:
    """Precision, recall and F1 for (a) quote detection and (b) quote + correct speaker.

    Beside them: ``named``, the predicted quotes that carry a speaker, and ``name P``, the share of
    those whose speaker is right (a matched gold quote with an agreeing speaker). The last line gives
    quote + speaker with the strict reading: the speaker's normalised name must equal the gold one."""
    from ..evaluation.quotes import evaluate, summarise
    from ..pipeline import COMPONENTS, Pipeline

    rows = gold_rows(gold, "quotes", split)
    keep = {"source", "quotes"} | (set() if no_entities else {"entities"})
    pipeline = Pipeline.default(disable=[c for c in COMPONENTS if c not in keep])
    try:
        results = evaluate(rows, pipeline)
    except (FileNotFoundError, LookupError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if errors:
        for r in results:
            for g, p in r.pairs:
                if p is None:
                    typer.echo(f"MISS  {r.id} [{g.get('speaker')}] {g['text'][:90]}")
                elif not _agree(g.get("speaker"), p.get("speaker")):
                    typer.echo(f"SPKR  {r.id} gold={g.get('speaker')} got={p.get('speaker')} | {g['text'][:60]}")
            for p in r.spurious:
                typer.echo(f"EXTRA {r.id} [{p.get('speaker')}] cue={p.get('cue')} | {p['text'][:90]}")
    typer.echo(f"components: {', '.join(pipeline.names)}")
    typer.echo(f"{'split':<6} {'articles':>8} {'gold':>5} {'pred':>5} | {'det P':>6} {'det R':>6} {'det F1':>6} | {'spk P':>6} {'spk R':>6} {'spk F1':>6} | {'named':>5} {'name P':>6}")
    per_split = summarise(results)
    n_articles: dict[str, int] = {}
    for r in results:
        n_articles[r.split] = n_articles.get(r.split, 0) + 1
        n_articles["all"] = n_articles.get("all", 0) + 1
    for name in sorted(per_split, key=lambda s: (s == "all", s)):
        c = per_split[name]
        dp, dr, df = c.detection
        sp, sr, sf = c.with_speaker
        typer.echo(f"{name:<6} {n_articles[name]:>8} {c.gold:>5} {c.predicted:>5} | {dp:6.3f} {dr:6.3f} {df:6.3f} | {sp:6.3f} {sr:6.3f} {sf:6.3f} | {c.named:>5} {c.named_precision:6.3f}")
    ep, er, ef = per_split["all"].with_exact_speaker if per_split else (0.0, 0.0, 0.0)
    typer.echo(f"exact speaker form (all): P {ep:.3f} R {er:.3f} F1 {ef:.3f}")


def _agree(gold: str | None, predicted: str | None) -> bool:
    from ..evaluation.quotes import speakers_agree

    return speakers_agree(gold, predicted)
