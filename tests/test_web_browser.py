"""The web UI in a real browser: Debian's headless Chromium driven by Playwright, against `marsad serve`.

The server runs as its own process on a free loopback port over a SQLite store of the samples.
Every page is also checked for script errors and for requests leaving the machine. Screenshots go
to tests/artifacts/screenshots/ (git-ignored); set MARSAD_DOCS_SCREENSHOTS=docs/img to refresh the
ones in the docs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

from tests.conftest import missing
from tests.web_support import FIXTURE_ID, FIXTURE_SPEAKER, FIXTURE_SPEAKER_ID, build_sample_db

pytestmark = [pytest.mark.browser]

ARTIFACTS = Path(__file__).parent / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1200, "height": 900}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """`marsad serve` in a subprocess on 127.0.0.1:<free port>; yields its base URL."""
    url, _ = build_sample_db(tmp_path_factory.mktemp("web") / "marsad.db")
    port = _free_port()
    env = {**os.environ, "MARSAD_TILE_URL": "", "PYTHONUNBUFFERED": "1"}
    log = tmp_path_factory.mktemp("web-log") / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from marsad.cli import main; main()", "serve", "--db", url, "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "warning"],
            stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/api/v1/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"marsad serve did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        banner = log.read_text(errors="replace")
        assert f"{base}/" in banner, banner  # the URL is printed for the user
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    exe = shutil.which("chromium")
    if not exe:
        missing("Debian's chromium is not installed (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def require_web_assets() -> None:
    from marsad.web.routes import vendor_dir

    if not (vendor_dir() / "leaflet" / "dist" / "leaflet.js").is_file():
        missing(f"the web UI's npm packages are not installed in {vendor_dir()} (run make web-assets)")


class Watched:
    """A page that records script errors, failed requests and any request leaving the machine."""

    def __init__(self, browser, base: str, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport, locale="ar")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.external: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(f"script error: {e}"))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        host = urlparse(base).netloc

        def guard(route) -> None:
            if urlparse(route.request.url).netloc != host:
                self.external.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        self.page.route("**/*", guard)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        docs = os.environ.get("MARSAD_DOCS_SCREENSHOTS")
        if docs:
            Path(docs).mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(Path(docs) / f"{name}.png"), full_page=False)

    def clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.external, f"requests left the machine: {self.external}"
        self.context.close()


@pytest.fixture()
def desktop(browser, server):
    w = Watched(browser, server, DESKTOP)
    yield w
    w.clean()


@pytest.fixture()
def phone(browser, server):
    w = Watched(browser, server, PHONE)
    yield w
    w.clean()


def test_search_open_article_quote_speaker(desktop, server):
    page = desktop.page
    page.goto(server + "/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    page.fill("#q", "والموصل")  # a clitic form: the search must still find الموصل
    page.click("form.search button[type=submit]")
    page.wait_for_selector("ol.hits li.hit")
    assert "نتيجة" in page.inner_text("#result-count")
    assert page.locator(".snippet mark").count() >= 1
    desktop.shot("search")

    page.click(f'a[href="/articles/{FIXTURE_ID}"]')
    page.wait_for_selector("#article-body")
    assert page.evaluate("window.__xss") is None  # the <script> and onerror in the text never ran
    assert "<script>window.__xss" in page.inner_text("#article-body")  # …and are shown as text
    quote = page.locator("#article-body .ann.quote").first
    assert quote.is_visible()
    background = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background  # highlighted
    tag = page.locator("#article-body .speaker-tag").first
    assert tag.inner_text().strip() == FIXTURE_SPEAKER
    for kind in ("place", "quantity", "date", "entity"):
        assert page.locator(f'#article-body [data-kind="{kind}"]').count() >= 1, kind
    assert page.locator(".legend li").count() >= 5
    assert FIXTURE_SPEAKER in page.inner_text("#quotes .who")  # the side panel names the speaker too
    page.click("#quotes a.in-text")
    assert page.evaluate("location.hash") == "#quote-0" and page.locator("#quote-0").is_visible()
    desktop.shot("article")

    tag.click()
    page.wait_for_selector(".speaker-page")
    heading = page.inner_text("h1")
    assert "ماذا قال" in heading and FIXTURE_SPEAKER in heading
    said = page.locator(".said-item")
    assert said.count() >= 1 and "مليارات" in said.first.inner_text()
    assert page.locator("svg.timeline rect").count() >= 1
    desktop.shot("speaker")


def test_entity_page_shows_co_mentions_and_timeline(desktop, server):
    page = desktop.page
    page.goto(f"{server}/articles/{FIXTURE_ID}")
    page.click(f'#entities a:has-text("{FIXTURE_SPEAKER}")')
    page.wait_for_selector(".entity-page")
    assert FIXTURE_SPEAKER in page.inner_text("h1")
    assert page.locator("#co-mentions li").count() >= 1
    assert "الموصل" in page.inner_text("#co-mentions")
    assert page.locator("#timeline svg.timeline rect").count() >= 1
    desktop.shot("entity")


def test_map_loads_offline_with_outlines_and_markers(desktop, server):
    require_web_assets()
    page = desktop.page
    page.goto(server + "/map")
    page.wait_for_selector("#map.ready", timeout=15_000)
    markers = int(page.get_attribute("#map", "data-markers"))
    assert markers >= 2
    assert int(page.get_attribute("#map", "data-outlines-loaded") or 0) > 100  # the country layer drew
    assert page.locator("path.place-marker").count() == markers
    page.locator("path.place-marker").last.dispatch_event("click")  # markers overlap: no pointer hit-testing
    popup = page.wait_for_selector(".leaflet-popup-content")
    assert "مقالا" in popup.inner_text()
    desktop.shot("map")


def test_phone_width_article_and_search(phone, server):
    page = phone.page
    for path, name in ((f"/articles/{FIXTURE_ID}", "article-phone"), ("/?q=%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84", "search-phone"),
                       (f"/speakers/{FIXTURE_SPEAKER_ID}", "speaker-phone"), ("/entities", "entities-phone"),
                       ("/map", "map-phone")):
        page.goto(server + path)
        if path == "/map":
            page.wait_for_selector("#map.ready", timeout=15_000)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"
        phone.shot(name)


def test_api_docs_load_from_local_assets(desktop, server):
    require_web_assets()
    page = desktop.page
    page.goto(server + "/api/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert page.locator(".swagger-ui .opblock").count() >= 12
