"""``marsad serve``: the REST API and the Arabic web UI over one store."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import app


def run_server(db: str | None, host: str, port: int, *, log_level: str = "info", banner: bool = True) -> None:
    """Open the store, print where the UI and API are, and serve until interrupted."""
    import uvicorn

    from ..api import create_app
    from ..store.base import StoreError, open_store

    try:
        store = open_store(db)
    except StoreError as exc:
        typer.echo(f"marsad serve: {exc}", err=True)
        raise typer.Exit(2) from exc
    shown_host = f"[{host}]" if ":" in host else host
    base = f"http://{shown_host}:{port}"
    try:
        if banner:
            typer.echo(f"marsad: serving {store.count():,} articles from {store.url}")
            typer.echo(f"  web UI:   {base}/")
            typer.echo(f"  REST API: {base}/api/v1/  (OpenAPI: {base}/openapi.json, docs: {base}/api/docs)")
            typer.echo("  press Ctrl+C to stop")
        uvicorn.run(create_app(store), host=host, port=port, log_level=log_level, proxy_headers=False,
                    server_header=False)
    finally:
        store.close()


def free_port(host: str, preferred: int, tries: int = 20) -> int:
    """``preferred`` when nothing listens there, else the next free port after it (for ``marsad demo``)."""
    import socket

    for port in range(preferred, min(preferred + tries, 65536)):
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    raise typer.BadParameter(f"no free port in {preferred}..{preferred + tries - 1} on {host}")


def serve_demo(host: str = "127.0.0.1", port: int = 8000, db: str | None = None) -> None:
    """The end of ``marsad demo``: serve what it just stored, on ``port`` or the next free one."""
    chosen = free_port(host, port)
    if chosen != port:
        typer.echo(f"port {port} is busy; using {chosen}")
    run_server(db, host, chosen, log_level="warning")


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help="Database URL: sqlite:///path.db or postgresql://… (default $MARSAD_DB or ./marsad.db).")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on. 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    log_level: Annotated[str, typer.Option(help="uvicorn log level: critical, error, warning, info, debug.")] = "info",
) -> None:
    """Serve the REST API (/api/v1, OpenAPI at /openapi.json) and the Arabic web UI.

    POST /api/v1/articles (extract and store) is enabled only when MARSAD_API_TOKEN is set; clients
    send it as `Authorization: Bearer <token>`. Map tiles: set MARSAD_TILE_URL (e.g. an OpenStreetMap
    tile server URL with {z}/{x}/{y}) and MARSAD_TILE_ATTRIBUTION; without them the map draws country
    outlines only and works offline.
    """
    run_server(db, host, port, log_level=log_level)
