"""Server-rendered pages of the Arabic web UI (Jinja2), and the static files they use.

Pages read the same store as the REST API. Front-end libraries (Leaflet, the world-atlas country
outlines, Arabic web fonts) come from the npm registry at build time (``make web-assets`` installs
``src/marsad/web/package.json`` into ``node_modules``); nothing third-party is committed.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from ..store.base import QueryError, SearchFilters, Store
from .highlight import KIND_LABELS, QUANTITY_KINDS, APPROX_LABELS, format_number, kinds_present, render_article

HERE = Path(__file__).parent
#: Where ``npm ci`` put the front-end packages; ``MARSAD_WEB_VENDOR`` overrides (a node_modules directory).
VENDOR_ENV = "MARSAD_WEB_VENDOR"
TILE_URL_ENV = "MARSAD_TILE_URL"
TILE_ATTRIBUTION_ENV = "MARSAD_TILE_ATTRIBUTION"

#: URL path under /static/vendor → directory inside node_modules.
VENDOR_MOUNTS = {
    "leaflet": "leaflet/dist",
    "topojson-client": "topojson-client/dist",
    "world-atlas": "world-atlas",
    "fonts/naskh": "@fontsource/noto-naskh-arabic",
    "fonts/plex": "@fontsource/ibm-plex-sans-arabic",
    "swagger-ui": "swagger-ui-dist",
}

ENTITY_TYPES = {"PER": "أشخاص", "ORG": "منظمات", "LOC": "أماكن", "MISC": "أخرى"}
PAGE_SIZE = 20


def vendor_dir() -> Path:
    return Path(os.environ.get(VENDOR_ENV) or HERE / "node_modules")


def _store(request: Request) -> Store:
    return request.app.state.store


def _templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


def _page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    return _templates(request).TemplateResponse(request, name, context, status_code=status_code)


def render_error(request: Request, code: int, message: str) -> Response:
    titles = {400: "طلب غير صالح", 404: "غير موجود", 405: "طريقة غير مسموح بها", 413: "الطلب كبير جدا",
              422: "مدخلات غير صالحة", 503: "قاعدة البيانات غير متاحة"}
    return _page(request, "error.html", {"code": code, "title": titles.get(code, "خطأ"), "message": message}, code)


def _day(value: str | None) -> str:
    return (value or "")[:10]


def _day_html(value: str | None) -> Markup:
    """``YYYY-MM-DD`` isolated left-to-right, so an ISO date keeps its order inside Arabic text."""
    day = _day(value)
    return Markup(f'<bdi dir="ltr">{escape(day)}</bdi>') if day else Markup("")


def _parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise QueryError(f"تاريخ غير صالح: {value!r} (الصيغة YYYY-MM-DD)") from exc


def _clean(value: str | None, limit: int = 200) -> str | None:
    value = (value or "").strip()
    return value[:limit] or None


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(value or default)))
    except ValueError:
        return default


def timeline_svg(points: list[tuple[str, int]], *, width: int = 900, height: int = 110, label: str = "إشارات") -> Markup:
    """Bars per day as an inline SVG (no script): days on a left-to-right time axis, counts as heights."""
    if not points:
        return Markup('<p class="muted">لا توجد بيانات زمنية.</p>')
    points = sorted(points)
    try:
        first, last = date.fromisoformat(points[0][0]), date.fromisoformat(points[-1][0])
    except ValueError:
        return Markup('<p class="muted">لا توجد بيانات زمنية.</p>')
    span = max(1, (last - first).days + 1)
    peak = max(c for _, c in points) or 1
    pad_x, pad_top, pad_bottom = 8, 8, 22
    inner_w, inner_h = width - 2 * pad_x, height - pad_top - pad_bottom
    bar_w = max(2.0, min(24.0, inner_w / span - 1))
    bars = []
    for day, count in points:
        try:
            x = pad_x + (date.fromisoformat(day) - first).days / span * inner_w
        except ValueError:
            continue
        h = max(2.0, count / peak * inner_h)
        y = pad_top + inner_h - h
        bars.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" rx="1">'
                    f'<title>{escape(day)}: {count} {escape(label)}</title></rect>')
    axis_y = height - 6
    svg = (f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" dir="ltr" '
           f'aria-label="{escape(label)} حسب اليوم من {escape(points[0][0])} إلى {escape(points[-1][0])}">'
           f'<line x1="{pad_x}" y1="{pad_top + inner_h}" x2="{width - pad_x}" y2="{pad_top + inner_h}" class="axis"/>'
           + "".join(bars)
           + f'<text x="{pad_x}" y="{axis_y}" text-anchor="start">{escape(points[0][0])}</text>'
           + (f'<text x="{width - pad_x}" y="{axis_y}" text-anchor="end">{escape(points[-1][0])}</text>' if span > 1 else "")
           + f'<text x="{width / 2:.0f}" y="{axis_y}" text-anchor="middle">الذروة: {peak}</text></svg>')
    return Markup(svg)


def safe_url(value: str | None) -> str:
    """Only http(s) links leave the page: a ``javascript:`` URL in a record must not become a link."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else ""


def _query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", 0) or k == "offset" and v})


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------

def search_page(request: Request) -> Response:
    store = _store(request)
    qp = request.query_params
    q = _clean(qp.get("q"), 500) or ""
    params = {
        "q": q, "outlet": _clean(qp.get("outlet")), "from": _clean(qp.get("from"), 10), "to": _clean(qp.get("to"), 10),
        "entity": _clean(qp.get("entity")), "speaker": _clean(qp.get("speaker")), "place": _clean(qp.get("place")),
        "country": _clean(qp.get("country"), 2), "cluster": _clean(qp.get("cluster")),
        "sort": qp.get("sort") if qp.get("sort") in ("relevance", "newest", "oldest") else "relevance",
        "collapse": "1" if qp.get("collapse") in ("1", "on", "true") else None,
    }
    offset = _int(qp.get("offset"), 0, 0, 100_000)
    error = None
    result = None
    try:
        filters = SearchFilters(outlet=params["outlet"], date_from=_parse_day(params["from"]),
                                date_to=_parse_day(params["to"]), entity=params["entity"], speaker=params["speaker"],
                                place=params["place"], country=(params["country"] or "").upper() or None,
                                cluster_id=params["cluster"])
        result = store.search(q, filters, limit=PAGE_SIZE, offset=offset, sort=params["sort"],
                              collapse=bool(params["collapse"]))
    except QueryError as exc:
        error = str(exc)
    filtered = any(params[k] for k in ("q", "outlet", "from", "to", "entity", "speaker", "place", "country", "cluster"))
    # Links from entity and speaker pages filter by id: say whose articles these are, by name.
    labels = []
    if params["speaker"]:
        found = store.speaker(params["speaker"])
        labels.append(("تقتبس", found.name if found else params["speaker"]))
    if params["entity"]:
        detail = store.entity(params["entity"], mention_limit=0, co_limit=0)
        labels.append(("تذكر", detail.entity.canonical if detail else params["entity"]))
    if params["cluster"]:
        labels.append(("من القصة", params["cluster"]))
    context = {
        "params": params, "result": result, "error": error, "offset": offset, "page_size": PAGE_SIZE,
        "outlets": store.outlets(), "filtered": filtered, "labels": labels,
        "prev_qs": _query_string(params, offset=max(0, offset - PAGE_SIZE)) if offset else None,
        "next_qs": _query_string(params, offset=offset + PAGE_SIZE) if result and offset + PAGE_SIZE < result.total else None,
        "top_speakers": [] if filtered else store.speakers(limit=8),
        "top_entities": [] if filtered else store.entities(limit=12),
    }
    return _page(request, "search.html", context, 400 if error else 200)


def article_page(request: Request) -> Response:
    store = _store(request)
    article_id = request.path_params["article_id"]
    article = store.get_record(article_id)
    if article is None:
        return render_error(request, 404, f"لا يوجد مقال بالمعرّف {article_id}")
    cluster = store.cluster(article.cluster_id) if article.cluster_id else None
    entities_by_type: dict[str, list[tuple[str, str, int]]] = {}
    counts = Counter((e.type, e.entity_id, e.canonical) for e in article.entities)
    for (etype, eid, canonical), n in counts.most_common():
        entities_by_type.setdefault(etype, []).append((eid, canonical, n))
    from ..store.base import speaker_id

    quotes = [(q, speaker_id(q.speaker, q.speaker_entity_id)) for q in article.quotes]
    body = render_article(article)
    context = {
        "article": article, "body": body, "legend": kinds_present(body), "quotes": quotes,
        "entities_by_type": entities_by_type, "entity_types": ENTITY_TYPES, "cluster": cluster,
    }
    return _page(request, "article.html", context)


def speaker_page(request: Request) -> Response:
    store = _store(request)
    sid = request.path_params["speaker_id"]
    speaker = store.speaker(sid)
    if speaker is None:
        return render_error(request, 404, f"لا يوجد متحدث بالمعرّف {sid}")
    offset = _int(request.query_params.get("offset"), 0, 0, 100_000)
    result = store.quotes(speaker=speaker.speaker_id, limit=100, offset=offset)
    by_month: dict[str, list] = {}
    per_day: Counter[str] = Counter()
    for q in result.quotes:
        by_month.setdefault(_day(q.published_at)[:7] or "بلا تاريخ", []).append(q)
        if q.published_at:
            per_day[_day(q.published_at)] += 1
    context = {
        "speaker": speaker, "result": result, "by_month": by_month, "offset": offset,
        "timeline": timeline_svg(sorted(per_day.items()), label="اقتباسات"),
        "next_offset": offset + 100 if offset + 100 < result.total else None,
    }
    return _page(request, "speaker.html", context)


def speakers_page(request: Request) -> Response:
    q = _clean(request.query_params.get("q"))
    speakers = _store(request).speakers(q, limit=200)
    return _page(request, "speakers.html", {"speakers": speakers, "q": q or ""})


def entity_page(request: Request) -> Response:
    store = _store(request)
    eid = request.path_params["entity_id"]
    detail = store.entity(eid, mention_limit=200, co_limit=30)
    if detail is None:
        return render_error(request, 404, f"لا يوجد كيان بالمعرّف {eid}")
    speaker = store.speaker(eid) if detail.quotes_by or detail.entity.type == "PER" else None
    context = {
        "detail": detail, "entity": detail.entity, "entity_types": ENTITY_TYPES, "speaker": speaker,
        "timeline": timeline_svg([(p.day, p.count) for p in detail.timeline], label="إشارات"),
    }
    return _page(request, "entity.html", context)


def entities_page(request: Request) -> Response:
    qp = request.query_params
    q = _clean(qp.get("q"))
    etype = qp.get("type") if qp.get("type") in ENTITY_TYPES else None
    entities = _store(request).entities(q, type=etype, limit=200)
    return _page(request, "entities.html", {"entities": entities, "q": q or "", "type": etype or "",
                                            "entity_types": ENTITY_TYPES})


def clusters_page(request: Request) -> Response:
    clusters = _store(request).clusters(limit=100)
    return _page(request, "clusters.html", {"clusters": clusters})


def map_page(request: Request) -> Response:
    state = request.app.state
    places = _store(request).places(limit=300)
    context = {
        "places": places, "tile_url": state.tile_url, "tile_attribution": state.tile_attribution,
        "map_ready": (vendor_dir() / "leaflet/dist/leaflet.js").is_file(),
        "outlines_ready": (vendor_dir() / "world-atlas/countries-110m.json").is_file(),
    }
    return _page(request, "map.html", context)


def install(app: FastAPI, *, tile_url: str | None = None, tile_attribution: str | None = None) -> None:
    """Add the pages and static files to ``app``."""
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.globals.update(kind_labels=KIND_LABELS, quantity_kinds=QUANTITY_KINDS, approx_labels=APPROX_LABELS)
    env.filters.update(day=_day_html, number=format_number, sqrt=math.sqrt, safe_url=safe_url)
    app.state.templates = templates
    app.state.tile_url = tile_url if tile_url is not None else os.environ.get(TILE_URL_ENV, "")
    app.state.tile_attribution = (tile_attribution if tile_attribution is not None
                                  else os.environ.get(TILE_ATTRIBUTION_ENV, ""))
    for path, endpoint, name in (
        ("/", search_page, "search"), ("/articles/{article_id}", article_page, "article"),
        ("/speakers", speakers_page, "speakers"), ("/speakers/{speaker_id}", speaker_page, "speaker"),
        ("/entities", entities_page, "entities"), ("/entities/{entity_id}", entity_page, "entity"),
        ("/clusters", clusters_page, "clusters"), ("/map", map_page, "map"),
    ):
        app.add_api_route(path, endpoint, methods=["GET"], name=name, include_in_schema=False,
                          response_class=HTMLResponse)
    vendor = vendor_dir()
    for url_path, sub in VENDOR_MOUNTS.items():  # before /static, which would otherwise swallow these paths
        directory = vendor / sub
        if directory.is_dir():
            app.mount(f"/static/vendor/{url_path}", StaticFiles(directory=str(directory)), name=f"vendor-{url_path}")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
