"""The ``marsad`` command-line application and its command groups.

Command modules import these objects and register their commands on them; heavy imports
happen inside the commands so ``marsad --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): Arabic news in, structured records out — who said what, about whom, where, how many, when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Evaluate an extractor against gold annotations (precision, recall, F1).", no_args_is_help=True)
train_app = typer.Typer(help="Train the statistical models shipped in the package.", no_args_is_help=True)
spark_app = typer.Typer(help="Run extraction and clustering as Apache Spark jobs.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
app.add_typer(spark_app, name="spark")


def gold_rows(path: Path | str, key: str, split: str | None) -> list[dict]:
    """Gold rows of a JSONL file (optionally one split) for ``marsad eval``; exits 2 with a clear error."""
    from ..evaluation.metrics import read_gold

    try:
        rows = read_gold(path, key)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if split:
        rows = [r for r in rows if r.get("split") == split]
        if not rows:
            typer.echo(f"error: no gold articles in split {split!r}", err=True)
            raise typer.Exit(2)
    return rows
