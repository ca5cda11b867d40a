"""Where marsad finds the shared development data (never shipped, never committed)."""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "MARSAD_DATA"
DEFAULT_DATA = "../shared/data"


def shared_data_dir() -> Path:
    """The shared data directory: ``$MARSAD_DATA`` or ``../shared/data`` relative to the working directory."""
    return Path(os.environ.get(DATA_ENV, DEFAULT_DATA))


def require_shared_data(*parts: str) -> Path:
    """A path inside the shared data, or a clear error saying where it was looked for and how to set it."""
    path = shared_data_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"shared data not found: {path.resolve()} is missing. Put the data set there or set "
            f"{DATA_ENV} to the directory that holds ner/, news/, quantities_dates/ …"
        )
    return path
