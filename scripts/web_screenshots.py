"""Refresh the screenshots in docs/img/ (docs/web.md): every page of the web UI on the bundled samples.

    .venv/bin/python scripts/web_screenshots.py [--out docs/img]

Extracts the samples with the default pipeline into a temporary SQLite store, serves it on a free
loopback port, and photographs each page in Debian's headless chromium (Playwright). PNGs are
shrunk with pngquant when it is installed (apt-get install pngquant).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import uvicorn

from marsad.api import create_app
from marsad.pipeline import get_pipeline
from marsad.readers import sample_articles
from marsad.store import open_store

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="docs/img")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/marsad.db"
        records = [r.record for r in get_pipeline().pipe(sample_articles()) if hasattr(r, "record")]
        with open_store(url) as store:
            result = store.upsert(records)
            try:  # story clusters, when the clustering package offers incremental updates
                from marsad import cluster

                if hasattr(cluster, "update_store"):
                    cluster.update_store(store, result.ids)
            except ImportError:
                pass
            pages = _pages(store, records)
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
            thread = threading.Thread(target=server.run, daemon=True)
            thread.start()
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    httpx.get(base + "/api/v1/healthz", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            try:
                _shoot(base, pages, out)
            finally:
                server.should_exit = True
                thread.join(10)


def _pages(store, records) -> list[tuple[str, str, int, int]]:
    """(file name, path, width, height) for each page worth showing."""
    rich = max(records, key=lambda r: (len(r.quotes), len(r.entities) + len(r.quantities) + len(r.places)))
    pages = [("web-search", "/?q=" + quote("الموصل"), 1100, 900), ("web-home", "/", 1100, 800),
             ("web-article", f"/articles/{quote(rich.id)}", 1100, 1300), ("web-article-phone", f"/articles/{quote(rich.id)}", 390, 844)]
    speakers = store.speakers(limit=1)
    if speakers:
        pages.append(("web-speaker", f"/speakers/{quote(speakers[0].speaker_id)}", 1100, 900))
    people = store.entities(type="PER", limit=1) or store.entities(limit=1)
    if people:
        pages.append(("web-entity", f"/entities/{quote(people[0].entity_id)}", 1100, 900))
    pages += [("web-map", "/map", 1100, 900), ("web-speakers", "/speakers", 1100, 700),
              ("web-entities", "/entities?type=PER", 1100, 700), ("web-clusters", "/clusters", 1100, 500)]
    return pages


def _shoot(base: str, pages, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=ARGS)
        for name, path, width, height in pages:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="ar")
            page.goto(base + path, wait_until="networkidle")
            if path == "/map":
                page.wait_for_selector("#map.ready, #map.failed", timeout=15_000)
            page.evaluate("document.fonts.ready")
            target = out / f"{name}.png"
            page.screenshot(path=str(target))
            page.close()
            if shutil.which("pngquant"):
                subprocess.run(["pngquant", "--force", "--skip-if-larger", "--quality=60-90", "--output", str(target), str(target)],
                               check=False)
            print(f"{target}  {target.stat().st_size // 1024} KiB  ({path})")
        browser.close()


if __name__ == "__main__":
    main()
