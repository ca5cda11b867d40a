"""Articles from the web and from feeds: RSS/Atom files, RSS/Atom URLs, article URLs.

Fetching is careful by default: http(s) only, a timeout, a size limit, redirects followed by hand
(at most five, each re-checked), and no requests to loopback, private, link-local or otherwise
non-public addresses unless ``allow_private`` (a feed must not be able to make marsad probe the
local network). Feed entries are fetched as article pages (trafilatura); when a page cannot be
fetched or has no text, the entry's own content or summary is used.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from time import struct_time
from urllib.parse import urljoin, urlsplit

from ..doc import ArticleError, RawArticle

Item = RawArticle | ArticleError

_FEED_HEAD_RE = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
USER_AGENT = "marsad/0.1 (+https://github.com/marsad; Arabic news research)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    allow_private: bool = False
    timeout: float = 20.0
    max_bytes: int = 8 * 1024 * 1024
    max_redirects: int = 5
    #: Feed entries fetched per feed at most.
    max_entries: int = 500


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def check_url(url: str, policy: FetchPolicy) -> None:
    """Refuse non-http(s) URLs and, unless allowed, hosts resolving to non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ArticleError("only http:// and https:// URLs can be fetched", origin=url)
    if policy.allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ArticleError(f"cannot resolve host {parts.hostname!r}: {exc}", origin=url) from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if not addr.is_global or addr.is_multicast:
            raise ArticleError(f"refusing to fetch {parts.hostname} ({addr}): not a public address "
                               "(use --allow-private for local servers)", origin=url)


def fetch(url: str, policy: FetchPolicy) -> tuple[str, str, bytes]:
    """``(final_url, content_type, body)``; ``ArticleError`` on refusal, HTTP errors, timeouts or oversize bodies."""
    import httpx

    current = url
    with httpx.Client(timeout=policy.timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(policy.max_redirects + 1):
            check_url(current, policy)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        loc = resp.headers.get("location")
                        if not loc:
                            raise ArticleError(f"HTTP {resp.status_code} redirect without a Location", origin=url)
                        current = urljoin(current, loc)
                        continue
                    if resp.status_code >= 400:
                        raise ArticleError(f"HTTP {resp.status_code} {resp.reason_phrase}", origin=current)
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                        raise ArticleError(f"response too large ({int(declared):,} bytes; limit {policy.max_bytes:,})", origin=current)
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > policy.max_bytes:
                            raise ArticleError(f"response too large (over {policy.max_bytes:,} bytes)", origin=current)
                        chunks.append(chunk)
                    return str(resp.url), resp.headers.get("content-type", ""), b"".join(chunks)
            except httpx.TimeoutException:
                raise ArticleError(f"timed out after {policy.timeout:g} s", origin=current) from None
            except httpx.HTTPError as exc:
                raise ArticleError(f"fetch failed: {type(exc).__name__}: {exc}", origin=current) from None
    raise ArticleError(f"more than {policy.max_redirects} redirects", origin=url)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    ct = content_type.lower()
    if "rss" in ct or "atom" in ct:
        return True
    return bool(_FEED_HEAD_RE.search(data[:4096].lstrip()))


def _entry_date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        st = entry.get(key)
        if isinstance(st, struct_time):
            from datetime import datetime, timezone

            return datetime(*st[:6], tzinfo=timezone.utc).isoformat()
    # feedparser leaves some dates (e.g. Arabic-formatted) unparsed: try RFC 822 and ISO ourselves
    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError):
            pass
        try:
            from ..doc import parse_datetime

            return parse_datetime(raw).isoformat()
        except ValueError:
            pass
    return None


def _html_text(fragment: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(f"<div>{fragment}</div>")
    for tag in tree.css("script, style"):
        tag.decompose()
    blocks = [n.text(separator=" ").strip() for n in tree.css("p, li, h1, h2, h3, blockquote")]
    text = "\n".join(b for b in blocks if b) or (tree.body.text(separator=" ") if tree.body else "")
    return re.sub(r"[ \t]+", " ", text).strip()


def read_feed(origin: str, data: bytes, policy: FetchPolicy | None = None) -> Iterator[Item]:
    """Entries of an RSS/Atom document as articles; with ``policy`` each entry's link is fetched."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield ArticleError(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}", origin=origin)
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(parsed.entries[: (policy.max_entries if policy else None)], 1):
        where = f"{origin}#{i}"
        link = entry.get("link")
        title = (entry.get("title") or "").strip() or None
        published = _entry_date(entry)
        article: RawArticle | None = None
        problem: ArticleError | None = None
        if policy is not None and link:
            try:
                final, _ctype, body = fetch(link, policy)
                from ..readers import decode_html, html_to_article

                article = html_to_article(decode_html(body), link)
                article.url = article.url or final
            except ArticleError as exc:
                problem = exc
        if article is None:
            content = ""
            if entry.get("content"):
                content = " ".join(c.get("value", "") for c in entry["content"])
            content = content or entry.get("summary") or ""
            text = _html_text(content) if content else ""
            if not text:
                yield problem or ArticleError("feed entry has neither content nor a fetchable link", origin=where)
                continue
            article = RawArticle(text=text, url=link)
        article.url = article.url or link
        article.title = article.title or title
        article.published_at = article.published_at or published
        article.outlet = article.outlet or outlet
        article.id = article.id or (entry.get("id") if isinstance(entry.get("id"), str) and not entry.get("id", "").startswith("http") else None)
        article.origin = where
        try:
            yield article.checked()
        except ArticleError as exc:
            yield exc


def read_feed_file(path: str, data: bytes | None = None) -> Iterator[Item]:
    """An RSS/Atom file: entries become articles from their own content (no network)."""
    try:
        if data is None:
            with open(path, "rb") as fh:
                data = fh.read(FetchPolicy().max_bytes + 1)
        if len(data) > FetchPolicy().max_bytes:
            yield ArticleError("feed file too large", origin=path)
            return
    except OSError as exc:
        yield ArticleError(f"cannot read: {exc.strerror or exc}", origin=path)
        return
    yield from read_feed(path, data, None)


def read_url(url: str, policy: FetchPolicy) -> Iterator[Item]:
    """A URL: a feed (each entry's article fetched) or one article page."""
    try:
        final, ctype, body = fetch(url, policy)
    except ArticleError as exc:
        yield exc
        return
    if looks_like_feed(body, ctype):
        yield from read_feed(url, body, policy)
        return
    from ..readers import decode_html, html_to_article

    try:
        article = html_to_article(decode_html(body), url)
    except ArticleError as exc:
        yield exc
        return
    except ValueError as exc:
        yield ArticleError(str(exc), origin=url)
        return
    article.url = article.url or final
    yield article


def register_feed_reader() -> None:
    """Let marsad.readers read ``.rss``/``.atom`` files (and ``.xml`` that are feeds) in files and directories."""
    from .. import readers

    readers.register_reader((".rss", ".atom"), read_feed_file)

    def read_xml(path: str, data: bytes | None = None) -> Iterator[Item]:
        try:
            if data is None:
                with open(path, "rb") as fh:
                    data = fh.read(FetchPolicy().max_bytes + 1)
        except OSError as exc:
            yield ArticleError(f"cannot read: {exc.strerror or exc}", origin=path)
            return
        if looks_like_feed(data):
            yield from read_feed_file(path, data)
        else:
            yield from readers.read_html(path, data)

    readers.register_reader((".xml",), read_xml)
