"""``marsad eval places GOLD``: place detection P/R/F1 and top-1 geocoding accuracy within 25 km."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import eval_app, gold_rows


@eval_app.command("places")
def eval_places(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (eval/gold/places.jsonl)", exists=True, dir_okay=False)],
    split: Annotated[str | None, typer.Option(help="Score only this split (dev or test)")] = None,
    with_entities: Annotated[bool, typer.Option("--with-entities", help="Run the NER component first (its ORG/PER spans are used)")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Print missed, spurious and wrongly placed mentions")] = False,
) -> None:
    """Precision, recall and F1 of place mentions; top-1 accuracy (≤25 km) on the matched ones."""
    from ..evaluation.places import evaluate, same_place, summarise
    from ..pipeline import COMPONENTS, Pipeline

    rows = gold_rows(gold, "places", split)
    keep = {"source", "places"} | ({"entities"} if with_entities else set())
    pipeline = Pipeline.default(disable=[c for c in COMPONENTS if c not in keep])
    try:
        results = evaluate(rows, pipeline)
    except (FileNotFoundError, LookupError, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    if errors:
        for r in results:
            for g, p in r.pairs:
                if p is None:
                    typer.echo(f"MISS  {r.id} {g['text']} ({g['name']}, {g.get('country_code')})")
                elif not same_place(g, p):
                    typer.echo(f"WRONG {r.id} {g['text']}: gold {g['name']} {g.get('country_code')} got {p['name']} {p['country_code']} ({p['feature']})")
            for p in r.spurious:
                typer.echo(f"EXTRA {r.id} {p['text']} -> {p['name']} {p['country_code']} ({p['feature']})")
    typer.echo(f"components: {', '.join(pipeline.names)}")
    typer.echo(f"{'split':<6} {'articles':>8} {'gold':>5} {'pred':>5} | {'P':>6} {'R':>6} {'F1':>6} | {'acc@25km':>8} | {'e2e F1':>6}")
    per_split = summarise(results)
    n_articles: dict[str, int] = {}
    for r in results:
        n_articles[r.split] = n_articles.get(r.split, 0) + 1
        n_articles["all"] = n_articles.get("all", 0) + 1
    for name in sorted(per_split, key=lambda s: (s == "all", s)):
        c = per_split[name]
        typer.echo(f"{name:<6} {n_articles[name]:>8} {c.gold:>5} {c.predicted:>5} | {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} | "
                   f"{c.accuracy:>8.3f} | {c.e2e_f1:>6.3f}")
