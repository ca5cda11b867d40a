"""Entry point of the ``marsad`` command: imports each command module, then runs the app."""

from __future__ import annotations

import importlib

from .app import app

#: Modules under ``marsad.cli`` that register commands, one per face of the pipeline.
COMMAND_MODULES = ("extract", "store", "serve", "cluster", "spark", "bench", "train", "ner",
                   "eval_quotes", "eval_places", "eval_quantities_dates", "eval_source", "eval_themes")


def _register() -> None:
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}")


def main() -> None:
    _register()
    app()
