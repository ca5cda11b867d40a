"""Entry point of the ``marsad`` command: imports each command module, then runs the app."""

from __future__ import annotations

import importlib

from .app import app

#: Modules under ``marsad.cli`` that register commands, one per face of the pipeline.
COMMAND_MODULES = ("extract", "evaluate", "train", "store", "serve", "cluster", "spark", "bench", "ner", "eval_quotes", "eval_themes", "eval_places", "eval_quantities_dates", "eval_source")


def _register() -> None:
    for name in COMMAND_MODULES:
        module_name = f"{__name__}.{name}"
        try:
            importlib.import_module(module_name)
        except ModuleNotFoundError as exc:  # TODO(foundation): remove once every command module has landed
            if exc.name != module_name:
                raise


def main() -> None:
    _register()
    app()
