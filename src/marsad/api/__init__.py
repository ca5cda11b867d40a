"""The REST API (``/api/v1``) and the app that also serves the web UI: :func:`create_app`."""

from .app import create_app

__all__ = ["create_app"]
