"""``marsad eval source``: dateline, outlet and source detection against the hand-made gold."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from .app import eval_app


@eval_app.command("source")
def eval_source(
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    show_errors: Annotated[bool, typer.Option("--errors", help="List every article where detection and gold differ.")] = False,
) -> None:
    """Precision, recall and F1 of datelines, outlets and sources on eval/gold/source.jsonl (100 articles)."""
    from rich.console import Console
    from rich.table import Table

    from marsad.evaluation.source import evaluate_source

    try:
        result = evaluate_source()
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    table = Table(title=f"source detection — {result.articles} gold articles")
    for col in ("what", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(col, justify="left" if col == "what" else "right")
    for name in ("dateline", "outlet", "source"):
        c = getattr(result, name)
        table.add_row(name, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}")
    Console().print(table)
    if show_errors:
        for line in result.errors:
            typer.echo(line)
