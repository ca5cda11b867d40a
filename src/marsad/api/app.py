"""The FastAPI application: the REST API under ``/api/v1`` and the Arabic web UI, over one store.

``create_app(store)`` serves an open :class:`~marsad.store.base.Store` (tests); ``create_app(db_url=…)``
opens one when the server starts and closes it when it stops (``marsad serve``).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..store.base import QueryError, Store, StoreError, open_store
from .models import MAX_POST_BYTES

log = logging.getLogger("marsad.api")

API_PREFIX = "/api/"
#: Comma-separated origins allowed to read the API from a browser (CORS), e.g. ``https://dash.example.org``.
CORS_ENV = "MARSAD_CORS_ORIGINS"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json"


def error_response(request: Request, code: int, message: str, details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    """A JSON error for API paths; an Arabic HTML error page for the web UI."""
    if _wants_json(request) or not hasattr(request.app.state, "templates"):
        return JSONResponse({"error": {"status": code, "message": message, "details": details or []}}, status_code=code,
                            headers=headers)
    from ..web.routes import render_error

    return render_error(request, code, message)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ())]
        details.append({"where": ".".join(loc), "problem": e.get("msg", "invalid"), "type": e.get("type", "")})
    return details


class BodySizeLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before they are read into memory whole.

    Checks Content-Length up front and counts streamed chunks too (chunked uploads have no length).
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_POST_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        message = f"request body too large: the limit is {self.limit:,} bytes"
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = False
                if too_big:
                    await self._reject(scope, send, message)
                    return
        received = 0
        sent_response = False

        async def limited_receive() -> Message:
            nonlocal received
            msg = await receive()
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return msg

        async def tracking_send(msg: Message) -> None:
            nonlocal sent_response
            if msg["type"] == "http.response.start":
                sent_response = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not sent_response:
                await self._reject(scope, send, message)

    @staticmethod
    async def _reject(scope: Scope, send: Send, message: str) -> None:
        response = JSONResponse({"error": {"status": 413, "message": message, "details": []}}, status_code=413)
        await response(scope, _empty_receive, send)


def tile_source(tile_url: str) -> str:
    """The CSP source that allows a tile URL template (``{s}`` subdomains become ``*``)."""
    from urllib.parse import urlsplit

    parts = urlsplit(tile_url.replace("{s}", "subdomain-placeholder"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.netloc.replace("subdomain-placeholder", "*")
    return f"{parts.scheme}:" if "{" in host else f"{parts.scheme}://{host}"


class SecurityHeaders:
    """``nosniff`` and a referrer policy everywhere; a strict Content-Security-Policy on the HTML pages.

    The CSP is defence in depth behind the escaping: no inline or third-party script can run on a page
    (only /static files), and images come from this server or the configured tile server.
    """

    def __init__(self, app: ASGIApp, tile_url: str = "") -> None:
        self.app = app
        tiles = tile_source(tile_url) if tile_url else ""
        self.csp = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                    f"img-src 'self' data:{' ' + tiles if tiles else ''}; font-src 'self'; connect-src 'self'; "
                    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'").encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Swagger UI's page starts itself with an inline script; it gets no CSP.
        page = not scope["path"].startswith("/api/")

        async def with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"same-origin"))
                content_type = next((v for k, v in headers if k == b"content-type"), b"")
                if page and content_type.startswith(b"text/html"):
                    headers.append((b"content-security-policy", self.csp))
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, with_headers)


class _TooLarge(Exception):
    pass


async def _empty_receive() -> Message:
    return {"type": "http.disconnect"}


def create_app(store: Store | None = None, *, db_url: str | None = None, web: bool = True,
               tile_url: str | None = None, tile_attribution: str | None = None) -> FastAPI:
    """Build the app. Pass an open ``store`` (the caller closes it) or a ``db_url`` to open at startup."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = None
        if getattr(app.state, "store", None) is None:
            opened = app.state.store = open_store(db_url)
        try:
            yield
        finally:
            if opened is not None:
                opened.close()
                app.state.store = None

    app = FastAPI(
        title="marsad API",
        version=__version__,
        description=("Arabic news intelligence: search articles, quotes with their speakers, entities, places and "
                     "story clusters extracted by marsad. Errors are JSON: `{\"error\": {\"status\", \"message\", \"details\"}}`."),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.add_middleware(BodySizeLimit, limit=MAX_POST_BYTES)
    if tile_url is None:
        import os

        tile_url = os.environ.get("MARSAD_TILE_URL", "")
    app.add_middleware(SecurityHeaders, tile_url=tile_url)
    import os

    origins = [o.strip() for o in os.environ.get(CORS_ENV, "").split(",") if o.strip()]
    if origins:  # dashboards on other origins may read the API (never write: POST needs the token anyway)
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET"], allow_headers=["Accept"])

    @app.get("/api/docs", include_in_schema=False)
    def swagger_ui() -> Response:
        """Interactive API docs, from the swagger-ui-dist npm package when installed (else its CDN)."""
        from fastapi.openapi.docs import get_swagger_ui_html

        from ..web.routes import vendor_dir

        local = (vendor_dir() / "swagger-ui-dist" / "swagger-ui-bundle.js").is_file()
        extra = {"swagger_js_url": "/static/vendor/swagger-ui/swagger-ui-bundle.js",
                 "swagger_css_url": "/static/vendor/swagger-ui/swagger-ui.css",
                 "swagger_favicon_url": "/static/favicon.svg"} if local and web else {}
        return get_swagger_ui_html(openapi_url="/openapi.json", title="marsad API", **extra)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        if exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        summary = "; ".join(f"{d['where']}: {d['problem']}" for d in details[:5]) or "invalid request"
        return error_response(request, status.HTTP_422_UNPROCESSABLE_ENTITY, f"invalid input — {summary}", details)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return error_response(request, status.HTTP_400_BAD_REQUEST, str(exc))

    @app.exception_handler(StoreError)
    async def store_down(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request, status.HTTP_503_SERVICE_UNAVAILABLE, f"database unavailable: {exc}")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, status.HTTP_500_INTERNAL_SERVER_ERROR, "internal server error (logged on the server)")

    from .routes import router

    app.include_router(router)
    if web:
        from ..web.routes import install as install_web

        install_web(app, tile_url=tile_url, tile_attribution=tile_attribution)
    return app
