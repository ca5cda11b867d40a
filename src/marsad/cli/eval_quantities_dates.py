"""``marsad eval quantities GOLD`` and ``marsad eval dates GOLD``: P/R/F1 and value accuracy on hand-annotated articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import eval_app, gold_rows

_GoldArg = Annotated[Path, typer.Argument(help="Gold JSONL (eval/gold/quantities.jsonl or eval/gold/dates.jsonl)", exists=True, dir_okay=False)]
_Split = Annotated[str | None, typer.Option(help="Score only this split (dev, dev2 … dev5, test or blind)")]
_Errors = Annotated[bool, typer.Option("--errors", help="Print missed, spurious and wrongly valued items")]


def _run(gold: Path, key: str, split: str | None, show_errors: bool) -> None:
    from ..evaluation.quantities_dates import errors, evaluate, report, summarise
    from ..pipeline import COMPONENTS, Pipeline

    rows = gold_rows(gold, key, split)
    # Quantities read the dates' spans, so both run for either evaluation.
    pipeline = Pipeline.default(disable=[c for c in COMPONENTS if c not in ("source", "dates", "quantities")])
    try:
        results = evaluate(rows, key, pipeline)
    except (FileNotFoundError, LookupError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if show_errors:
        for line in errors(results, key):
            typer.echo(line)
    typer.echo(f"components: {', '.join(pipeline.names)}")
    typer.echo(report(summarise(results), key))


@eval_app.command("quantities")
def eval_quantities(gold: _GoldArg, split: _Split = None, show_errors: _Errors = False) -> None:
    """Quantity detection P/R/F1, F1 with value and approximator right, and per-field accuracy."""
    _run(gold, "quantities", split, show_errors)


@eval_app.command("dates")
def eval_dates(gold: _GoldArg, split: _Split = None, show_errors: _Errors = False) -> None:
    """Date detection P/R/F1, F1 with value and resolution right, and value accuracy."""
    _run(gold, "dates", split, show_errors)
