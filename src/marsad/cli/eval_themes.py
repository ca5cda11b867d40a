"""``marsad eval themes``: agreement of the theme classifier with outlets' section labels."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from .app import eval_app


@eval_app.command("themes")
def eval_themes(
    corpus: Annotated[str, typer.Option(help="ant_multisource (3,005 articles, the published figure) or ant_unlabeled (used to tune thresholds).")] = "ant_multisource",
    limit: Annotated[int | None, typer.Option(help="Read at most this many articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Precision, recall and F1 of themes against ANT sections (sport, economy, technology, culture)."""
    from rich.console import Console
    from rich.table import Table

    from marsad.evaluation.themes import CORPORA, evaluate_themes

    if corpus not in CORPORA:
        raise typer.BadParameter(f"choose one of {', '.join(CORPORA)}", param_hint="--corpus")
    try:
        result = evaluate_themes(corpus, limit)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    table = Table(title=f"themes vs sections — {corpus}, {result.articles} articles")
    for col in ("theme", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(col, justify="right" if col != "theme" else "left")
    for theme, c in result.labels.items():
        table.add_row(theme, str(c.tp), str(c.fp), str(c.fn), f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}")
    m = result.micro
    table.add_row("micro", str(m.tp), str(m.fp), str(m.fn), f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", style="bold")
    Console().print(table)
    typer.echo(f"macro F1 {result.macro_f1:.3f}; {result.with_theme}/{result.articles} articles got a theme; assigned: "
               + ", ".join(f"{k} {v}" for k, v in sorted(result.assigned.items())))
