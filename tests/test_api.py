"""REST API and server-rendered pages, through FastAPI's TestClient on a SQLite store of the samples."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.api.models import MAX_POST_BATCH, MAX_POST_BYTES
from marsad.record import validate
from marsad.store import open_store
from marsad.text import entity_id
from tests.store_support import pg_schema_url
from tests.web_support import FIXTURE_ID, FIXTURE_SPEAKER, FIXTURE_SPEAKER_ID, build_sample_db, fill_store, sample_raws

TOKEN = "test-token-2f9c1e"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sample_db(request, tmp_path_factory: pytest.TempPathFactory):
    """The samples in a SQLite file, and in a private schema of the CI's PostgreSQL server."""
    if request.param == "sqlite":
        yield build_sample_db(tmp_path_factory.mktemp("api") / "marsad.db")
        return
    urls = pg_schema_url()
    url = next(urls)
    try:
        yield url, fill_store(url)
    finally:
        urls.close()


@pytest.fixture(scope="module")
def client(sample_db):
    url, _ = sample_db
    with open_store(url) as store, TestClient(create_app(store)) as c:
        yield c


@pytest.fixture()
def writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A client over a fresh, empty store with POST enabled."""
    monkeypatch.setenv("MARSAD_API_TOKEN", TOKEN)
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store, TestClient(create_app(store)) as c:
        yield c


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_json_error(r, status: int, *words: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    err = r.json()["error"]
    assert err["status"] == status
    for w in words:
        assert w in err["message"], err["message"]
    return err


# --- read side ---

def test_healthz_counts_the_store(client, sample_db):
    r = client.get("/api/v1/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["backend"] in ("sqlite", "postgresql")
    assert body["articles"] == sample_db[1] == len(sample_raws()) + 1


def test_search_finds_clitic_and_spelling_variants(client):
    plain = client.get("/api/v1/articles", params={"q": "الموصل"}).json()
    ids = {h["id"] for h in plain["hits"]}
    assert FIXTURE_ID in ids and plain["total"] == len(ids) >= 2
    for variant in ("والموصل", "المَوصِل", "بالموصل"):
        other = client.get("/api/v1/articles", params={"q": variant}).json()
        assert {h["id"] for h in other["hits"]} == ids, variant
    hit = next(h for h in plain["hits"] if h["id"] == FIXTURE_ID)
    snippet = hit["snippet"]
    assert snippet["highlights"], snippet
    s, e = snippet["highlights"][0]
    assert snippet["text"][s:e] == "الموصل"


def test_search_paging_and_sort(client):
    everything = client.get("/api/v1/articles", params={"limit": 100, "sort": "newest"}).json()
    assert everything["total"] == len(everything["hits"]) >= 10
    dates = [h["published_at"] for h in everything["hits"] if h["published_at"]]
    assert dates == sorted(dates, reverse=True)
    page2 = client.get("/api/v1/articles", params={"limit": 5, "offset": 5, "sort": "newest"}).json()
    assert [h["id"] for h in page2["hits"]] == [h["id"] for h in everything["hits"][5:10]]
    assert page2["limit"] == 5 and page2["offset"] == 5


def test_search_filters(client):
    by_speaker = client.get("/api/v1/articles", params={"speaker": FIXTURE_SPEAKER_ID}).json()
    assert [h["id"] for h in by_speaker["hits"]] == [FIXTURE_ID]
    by_outlet = client.get("/api/v1/articles", params={"outlet": "مرصد الاختبار"}).json()
    assert [h["id"] for h in by_outlet["hits"]] == [FIXTURE_ID]
    by_entity = client.get("/api/v1/articles", params={"entity": entity_id("PER", FIXTURE_SPEAKER)}).json()
    assert FIXTURE_ID in {h["id"] for h in by_entity["hits"]}
    by_country = client.get("/api/v1/articles", params={"country": "iq", "q": "الموصل"}).json()
    assert FIXTURE_ID in {h["id"] for h in by_country["hits"]}
    by_place = client.get("/api/v1/articles", params={"place": "الموصل"}).json()
    assert FIXTURE_ID in {h["id"] for h in by_place["hits"]}
    in_range = client.get("/api/v1/articles", params={"from": "2025-03-20", "to": "2025-03-20"}).json()
    assert FIXTURE_ID in {h["id"] for h in in_range["hits"]}
    assert all(h["published_at"].startswith("2025-03-20") for h in in_range["hits"])
    outside = client.get("/api/v1/articles", params={"outlet": "مرصد الاختبار", "from": "2025-03-21"}).json()
    assert outside["hits"] == [] and outside["total"] == 0


@pytest.mark.parametrize(("params", "status", "word"), [
    ({"from": "yesterday"}, 422, "from"),
    ({"to": "2025-13-45"}, 422, "to"),
    ({"from": "2025-04-01", "to": "2025-03-01"}, 400, "after"),
    ({"limit": 0}, 422, "limit"),
    ({"limit": 1000}, 422, "limit"),
    ({"offset": -1}, 422, "offset"),
    ({"country": "IRQ"}, 422, "country"),
    ({"sort": "random"}, 422, "sort"),
    ({"q": "x" * 501}, 422, "q"),
])
def test_bad_search_parameters_get_clear_json_errors(client, params, status, word):
    err = assert_json_error(client.get("/api/v1/articles", params=params), status, word)
    if status == 422:
        assert err["details"] and any(word in d["where"] for d in err["details"])


def test_odd_queries_never_break_search(client):
    for q in ('"', '"unclosed phrase', "OR", "-", "- OR \"", "*", "NEAR(a b)", "a AND", "(", ")", "'; DROP TABLE articles; --",
              "\u200f", "ـــ", "١٢٠٠", "🙂"):
        r = client.get("/api/v1/articles", params={"q": q})
        assert r.status_code in (200, 400), (q, r.text)
        if r.status_code == 400:
            assert r.json()["error"]["message"]
    assert client.get("/api/v1/healthz").json()["articles"] >= 19  # the injection attempt changed nothing


def test_article_record_is_the_full_valid_record(client):
    r = client.get(f"/api/v1/articles/{FIXTURE_ID}")
    assert r.status_code == 200
    record = r.json()
    validate(record)
    assert record["schema"] == "marsad.article/1"
    assert record["quotes"][0]["speaker"] == FIXTURE_SPEAKER
    assert record["text"].count("<script>") == 1  # stored as received; the UI escapes it


def test_unknown_ids_are_json_404s(client):
    assert_json_error(client.get("/api/v1/articles/no-such-article"), 404, "no-such-article")
    assert_json_error(client.get("/api/v1/entities/per-0000"), 404, "per-0000")
    assert_json_error(client.get("/api/v1/speakers/spk-0000"), 404, "spk-0000")
    assert_json_error(client.get("/api/v1/clusters/c-0000"), 404, "c-0000")
    assert_json_error(client.get("/api/v1/nothing-here"), 404, "/api/v1/nothing-here")
    assert_json_error(client.delete("/api/v1/articles"), 405, "DELETE")


def test_quotes_and_speakers(client):
    quotes = client.get("/api/v1/quotes", params={"speaker": FIXTURE_SPEAKER_ID}).json()
    assert quotes["total"] == 1
    q = quotes["quotes"][0]
    assert q["speaker"] == FIXTURE_SPEAKER and q["article_id"] == FIXTURE_ID and q["direct"] is True
    by_name = client.get("/api/v1/quotes", params={"speaker": FIXTURE_SPEAKER}).json()
    assert [x["article_id"] for x in by_name["quotes"]] == [FIXTURE_ID]
    by_words = client.get("/api/v1/quotes", params={"q": "مليارات"}).json()
    assert FIXTURE_ID in {x["article_id"] for x in by_words["quotes"]}
    speakers = client.get("/api/v1/speakers", params={"limit": 100}).json()["speakers"]
    mine = next(s for s in speakers if s["speaker_id"] == FIXTURE_SPEAKER_ID)
    assert mine["name"] == FIXTURE_SPEAKER and mine["quote_count"] == 1
    one = client.get(f"/api/v1/speakers/{FIXTURE_SPEAKER_ID}").json()
    assert one["roles"] == ["وزيرة التخطيط"]


def test_entities_list_and_detail(client):
    people = client.get("/api/v1/entities", params={"type": "PER", "limit": 100}).json()["entities"]
    assert people and all(e["type"] == "PER" for e in people)
    found = client.get("/api/v1/entities", params={"q": "الراوي"}).json()["entities"]
    eid = entity_id("PER", FIXTURE_SPEAKER)
    assert eid in {e["entity_id"] for e in found}
    detail = client.get(f"/api/v1/entities/{eid}").json()
    assert detail["entity"]["canonical"] == FIXTURE_SPEAKER
    assert [m["article_id"] for m in detail["mentions"]] == [FIXTURE_ID]
    assert entity_id("LOC", "الموصل") in {c["entity"]["entity_id"] for c in detail["co_occurring"]}
    assert detail["timeline"] == [{"day": "2025-03-20", "count": 1}]
    assert_json_error(client.get("/api/v1/entities", params={"type": "PERSON"}), 422, "type")


def test_places_are_geojson_with_counts(client):
    r = client.get("/api/v1/places")
    assert r.status_code == 200
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    mosul = next(f for f in fc["features"] if f["properties"]["name"] == "الموصل")
    lon, lat = mosul["geometry"]["coordinates"]
    assert mosul["geometry"]["type"] == "Point" and 42 < lon < 44 and 35 < lat < 37  # [lon, lat] order
    assert mosul["properties"]["article_count"] >= 1 and mosul["properties"]["country_code"] == "IQ"
    only_iq = client.get("/api/v1/places", params={"country": "IQ"}).json()["features"]
    assert only_iq and all(f["properties"]["country_code"] == "IQ" for f in only_iq)


def test_clusters_list(client):
    r = client.get("/api/v1/clusters", params={"min_size": 1})
    assert r.status_code == 200 and isinstance(r.json()["clusters"], list)


def test_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/quotes", "/api/v1/speakers",
                 "/api/v1/entities", "/api/v1/entities/{entity_id}", "/api/v1/places", "/api/v1/clusters",
                 "/api/v1/healthz"):
        assert path in paths, path
    assert "post" in paths["/api/v1/articles"]
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert not any(p.startswith("/speakers") or p == "/" for p in paths)  # HTML pages stay out of the API spec


# --- write side ---

ARTICLE = {"text": "قال وزير المالية علي الحسني إن \"الموازنة ستبلغ 150 تريليون دينار\" في بغداد.",
           "outlet": "وكالة الاختبار", "title": "الموازنة", "published_at": "2025-05-01T08:00:00+03:00"}


def test_post_needs_a_configured_token(client, monkeypatch):
    monkeypatch.delenv("MARSAD_API_TOKEN", raising=False)
    assert_json_error(client.post("/api/v1/articles", json=ARTICLE, headers=auth()), 403, "MARSAD_API_TOKEN")


def test_post_refuses_missing_or_wrong_token(writable):
    r = writable.post("/api/v1/articles", json=ARTICLE)
    assert_json_error(r, 401, "bearer")
    assert r.headers["www-authenticate"] == "Bearer"
    assert_json_error(writable.post("/api/v1/articles", json=ARTICLE, headers=auth("nope")), 401, "wrong")
    assert writable.get("/api/v1/healthz").json()["articles"] == 0


def test_post_one_article_extracts_and_stores_it(writable):
    r = writable.post("/api/v1/articles", json=ARTICLE, headers=auth())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["inserted"] == 1 and body["errors"] == 0
    item = body["items"][0]
    assert item["status"] == "inserted" and item["id"]
    stored = writable.get(f"/api/v1/articles/{item['id']}").json()
    validate(stored)
    assert stored["outlet"] == "وكالة الاختبار"
    assert stored["published_at"].startswith("2025-05-01")
    assert writable.get("/api/v1/articles", params={"q": "الموازنة"}).json()["total"] == 1
    again = writable.post("/api/v1/articles", json=ARTICLE, headers=auth()).json()
    assert again["items"][0]["status"] == "unchanged" and again["inserted"] == 0
    assert writable.get("/api/v1/healthz").json()["articles"] == 1


def test_post_batch_keeps_going_past_a_bad_article(writable):
    batch = {"articles": [ARTICLE, {"text": "نص\x00ثنائي" * 20}, {**ARTICLE, "text": ARTICLE["text"] + " وأضاف أن العمل مستمر."}]}
    r = writable.post("/api/v1/articles", json=batch, headers=auth())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["inserted"] == 2 and body["errors"] == 1
    assert [i["status"] for i in body["items"]] == ["inserted", "error", "inserted"]
    assert "binary" in body["items"][1]["error"]


def test_post_all_bad_is_422(writable):
    r = writable.post("/api/v1/articles", json={"articles": [{"text": "\x00\x01\x02" * 10}]}, headers=auth())
    assert r.status_code == 422 and r.json()["errors"] == 1


@pytest.mark.parametrize(("payload", "word"), [
    ({"text": ""}, "text"),
    ({"text": "   "}, "blank"),
    ({"text": "خبر", "published_at": "last tuesday"}, "published_at"),
    ({"text": "خبر", "colour": "red"}, "colour"),
    ({"text": "خبر", "url": "javascript:alert(1)"}, "url"),
    ({"articles": []}, "articles"),
    ({"articles": [{"text": "خبر"}] * (MAX_POST_BATCH + 1)}, "articles"),
    ([1, 2, 3], "body"),
])
def test_post_validates_input(writable, payload, word):
    err = assert_json_error(writable.post("/api/v1/articles", json=payload, headers=auth()), 422)
    assert word in err["message"] or any(word in d["where"] or word in d["problem"] for d in err["details"]), err


def test_post_malformed_json_is_a_clear_error(writable):
    r = writable.post("/api/v1/articles", content=b'{"text": "abc', headers={**auth(), "Content-Type": "application/json"})
    assert_json_error(r, 422, "JSON")


def test_post_body_size_limit(writable):
    huge = json.dumps({"text": "ا" * (MAX_POST_BYTES // 2 + 10)}).encode()  # two bytes a letter: over the limit
    assert len(huge) > MAX_POST_BYTES
    r = writable.post("/api/v1/articles", content=huge, headers={**auth(), "Content-Type": "application/json"})
    assert_json_error(r, 413, "too large")


# --- pages (server-rendered HTML) ---

def test_article_page_escapes_the_text_and_marks_annotations(client):
    r = client.get(f"/articles/{FIXTURE_ID}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<html lang="ar" dir="rtl">' in html
    assert "<script>window.__xss" not in html and "&lt;script&gt;window.__xss" in html
    assert "<img src=x" not in html
    assert "<b>إعمار</b>" not in html  # the title is escaped too
    assert "javascript:alert" not in html  # a non-http URL never becomes a link
    assert f'href="/speakers/{FIXTURE_SPEAKER_ID}"' in html and 'class="ann quote quote-direct"' in html
    for kind in ('data-kind="place"', 'data-kind="quantity"', 'data-kind="date"', 'data-kind="entity"', 'class="legend"'):
        assert kind in html, kind


def test_pages_render(client):
    eid = entity_id("PER", FIXTURE_SPEAKER)
    for path, needle in (("/", "أبرز المتحدثين"), (f"/?q={quote('الموصل')}", "<mark>"), (f"/speakers/{FIXTURE_SPEAKER_ID}", "ماذا قال"),
                         ("/speakers", FIXTURE_SPEAKER), (f"/entities/{eid}", "يُذكر معه"), ("/entities", FIXTURE_SPEAKER),
                         ("/map", 'id="place-table"'), ("/clusters", "القصص")):
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert needle in r.text, path


def test_search_page_collapse_option(client):
    r = client.get("/", params={"q": "الموصل", "collapse": "1"})
    assert r.status_code == 200 and 'name="collapse" value="1" checked' in r.text


def test_page_errors_are_html(client):
    r = client.get("/articles/missing-one")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "missing-one" in r.text
    r = client.get("/", params={"from": "not-a-date"})
    assert r.status_code == 400 and "تاريخ غير صالح" in r.text


def test_security_headers(client):
    page = client.get("/")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    api = client.get("/api/v1/healthz")
    assert "content-security-policy" not in api.headers and api.headers["x-content-type-options"] == "nosniff"


def test_tile_server_is_allowed_by_the_csp():
    from marsad.api.app import tile_source

    assert tile_source("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert tile_source("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png") == "http://127.0.0.1:8080"
    assert tile_source("javascript:alert(1)") == ""


def test_search_page_names_the_speaker_it_filters_by(client):
    r = client.get("/", params={"speaker": FIXTURE_SPEAKER_ID})
    assert r.status_code == 200
    assert f"تقتبس <strong>{FIXTURE_SPEAKER}</strong>" in r.text
    assert f'href="/articles/{FIXTURE_ID}"' in r.text


def test_stats_and_outlets(client, sample_db):
    stats = client.get("/api/v1/stats").json()
    assert stats["articles"] == sample_db[1] and stats["quotes"] >= 1 and stats["places"] >= 2
    outlets = {o["outlet"]: o["article_count"] for o in client.get("/api/v1/outlets").json()}
    assert outlets["مرصد الاختبار"] == 1


def test_serve_refuses_a_bad_database_url():
    from typer.testing import CliRunner

    from marsad.cli import _register
    from marsad.cli.app import app

    _register()
    result = CliRunner().invoke(app, ["serve", "--db", "mysql://somewhere/db", "--port", "1"])
    assert result.exit_code == 2
    assert "unsupported database URL" in result.output


def test_demo_port_moves_on_when_busy():
    import socket

    from marsad.cli.serve import free_port

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        chosen = free_port("127.0.0.1", port)
    assert chosen != port and port < chosen < port + 20


def test_cors_only_for_configured_origins(sample_db, monkeypatch):
    url, _ = sample_db
    monkeypatch.setenv("MARSAD_CORS_ORIGINS", "https://dash.example.org")
    with open_store(url) as store, TestClient(create_app(store)) as c:
        ok = c.get("/api/v1/healthz", headers={"Origin": "https://dash.example.org"})
        assert ok.headers["access-control-allow-origin"] == "https://dash.example.org"
        other = c.get("/api/v1/healthz", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
