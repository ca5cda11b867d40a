"""Reading articles from files, directories and stdin.

Every reader yields :class:`~marsad.doc.RawArticle` items and, for an item it cannot read,
an :class:`~marsad.doc.ArticleError` naming the file (and line) — it never raises for one bad
article, so a batch always runs to the end and loses nothing it could read.

Formats are dispatched by file suffix through :data:`READERS` (``.txt``, ``.html``/``.htm``,
``.jsonl``, ``.jsonl.gz``, ``.json``). A new format (RSS/Atom feeds, URLs) is one function
``(path, data) -> Iterator[RawArticle | ArticleError]`` registered with :func:`register_reader`
(URLs: :func:`register_scheme`); content without a known suffix (stdin, an oddly named file) is sniffed by :func:`sniff_format`.
"""

from __future__ import annotations

import codecs
import gzip
import json
import logging
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .doc import MAX_TEXT_CHARS, ArticleError, RawArticle

log = logging.getLogger(__name__)

Item = RawArticle | ArticleError
#: A reader gets the path (for messages and metadata) and the file's bytes, or None to open it itself.
Reader = Callable[[str, bytes | None], Iterator[Item]]
#: Called with a human-readable note when a directory entry is skipped.
NoteSink = Callable[[str], None]

#: Files larger than this are refused before reading: a single article is never 64 MB.
MAX_FILE_BYTES = 64 * 1024 * 1024
STDIN = "-"


# --------------------------------------------------------------------------- decoding

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")
# Characters a text document plausibly consists of: letters of any script, digits, punctuation, spaces.
_IMPLAUSIBLE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")


def _plausibility(text: str) -> float:
    """Share of characters that belong in text (not controls, not replacement or private-use chars)."""
    if not text:
        return 0.0
    return 1.0 - len(_IMPLAUSIBLE_RE.findall(text)) / len(text)


def _looks_utf16(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 from its zero bytes: ASCII and Arabic (U+06xx) leave a high byte of 0x00 or 0x06."""
    if len(data) < 2 or len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    high_le = sum(b in (0, 6) for b in odd) / len(odd)
    high_be = sum(b in (0, 6) for b in even) / len(even)
    for ratio, codec in ((high_le, "utf-16-le"), (high_be, "utf-16-be")):
        if ratio > 0.9:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _plausibility(text) > 0.98:
                return codec
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes, returning ``(text, encoding)``; raise ``ValueError`` for binary data.

    Order matters: a BOM is certain; strict UTF-8 almost never decodes anything else by accident;
    UTF-16 without BOM shows in its zero bytes; then Windows-1256, the legacy Arabic code page, is
    preferred when it yields Arabic text, because generic detectors (charset-normalizer included)
    often take cp1256 Arabic for a Latin or Cyrillic code page. charset-normalizer decides the rest.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {codec} byte-order mark but does not decode as {codec}: {exc.reason} at byte {exc.start}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            codec = _looks_utf16(data)
            if codec:
                return data.decode(codec), codec
            raise ValueError("binary data, not text (contains NUL bytes)")
        return text, "utf-8"
    codec = _looks_utf16(data)
    if codec:
        return data.decode(codec), codec
    if b"\x00" in data[:65536]:
        raise ValueError("binary data, not text (contains NUL bytes)")
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _plausibility(text) > 0.99:
        high = sum(1 for b in data if b >= 0x80)
        arabic = len(_ARABIC_RE.findall(text))
        # Most high bytes should have become Arabic letters (the rest: punctuation like « » ، ؛).
        if high and arabic >= 0.7 * high:
            return text, "cp1256"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ValueError("binary or undecodable data: not UTF-8, UTF-16, Windows-1256 or any encoding charset-normalizer knows")
    text = str(best)
    if _plausibility(text) < 0.95:
        raise ValueError(f"binary data, not text (best guess {best.encoding} gives mostly control characters)")
    return text, best.encoding


# --------------------------------------------------------------------------- formats

def _read_bytes(path: str, data: bytes | None) -> bytes:
    """The file's bytes (or ``data`` when given); every failure is an ArticleError naming the file."""
    if data is not None:
        return data
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleError(f"file too large ({size:,} bytes; limit {MAX_FILE_BYTES:,})", origin=path)
        return p.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot read: {exc.strerror or exc}", origin=path) from None


def _decode_or_error(data: bytes, origin: str) -> str:
    try:
        return decode_bytes(data)[0]
    except ValueError as exc:
        raise ArticleError(str(exc), origin=origin) from None


def read_text(path: str, data: bytes | None = None) -> Iterator[Item]:
    """A plain-text file is one article; its encoding is detected (see :func:`decode_bytes`)."""
    try:
        text = _decode_or_error(_read_bytes(path, data), path)
        yield RawArticle(text=text, origin=path).checked()
    except ArticleError as exc:
        yield exc


_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)


def decode_html(data: bytes) -> str:
    """Decode an HTML page: BOM, then a declared ``<meta charset>``, then the plain-text detection."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        m = _META_CHARSET_RE.search(data[:8192])
        if m:
            declared = m.group(1).decode("ascii", "replace").lower()
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration is common: fall back to detection
    return decode_bytes(data)[0]


# Keep the time and UTC offset a page gives (relative dates resolve against them), prefer the
# original publication date over a "last modified" one.
_DATE_PARAMS = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "extensive_search": True, "original_date": True}


def html_to_article(html: str, origin: str) -> RawArticle:
    """Main text and metadata of one HTML page through trafilatura (title, date, canonical url, site name → outlet).

    trafilatura repeats the headline as the first line of the text; that line is dropped so the
    body starts with the article (and its dateline, which the source detector reads).
    """
    import trafilatura

    doc = None
    for recall in (False, True):  # precision first; a second, recall-oriented pass rescues sparse pages
        try:
            doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=recall, include_comments=False,
                                              include_tables=False, date_extraction_params=_DATE_PARAMS)
        except Exception as exc:  # lxml raises assorted errors on broken markup
            raise ArticleError(f"broken HTML: {type(exc).__name__}: {exc}", origin=origin) from None
        if doc is not None and (doc.text or "").strip():
            break
    if doc is None or not (doc.text or "").strip():
        raise ArticleError("no article text found in HTML", origin=origin)
    text = doc.text.strip()
    title = (doc.title or "").strip() or None
    if title:
        first, _, rest = text.partition("\n")
        if first.strip() == title and rest.strip():
            text = rest.strip()
    published = doc.date or None
    if published and published.endswith("T00:00:00"):
        published = published[:10]  # a page that gave only a day: do not invent midnight
    return RawArticle(text=text, url=doc.url or None, outlet=(doc.sitename or "").strip() or None,
                      title=title, published_at=published, origin=origin).checked()


def read_html(path: str, data: bytes | None = None) -> Iterator[Item]:
    """An HTML page is one article: body and metadata through trafilatura, best effort on broken markup."""
    try:
        raw = _read_bytes(path, data)
        if b"\x00" in raw[:65536] and not any(raw.startswith(bom) for bom, _ in _BOMS) and not _looks_utf16(raw):
            raise ArticleError("binary data, not HTML (contains NUL bytes)", origin=path)
        try:
            html = decode_html(raw)
        except ValueError as exc:
            raise ArticleError(str(exc), origin=path) from None
        yield html_to_article(html, path)
    except ArticleError as exc:
        yield exc


def _str_or_none(obj: dict[str, Any], key: str, origin: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value or None
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ArticleError(f"field {key!r} must be a string or null, got {type(value).__name__}", origin=origin)


def article_from_mapping(obj: Any, origin: str) -> RawArticle:
    """Build an article from a JSON object with ``id, url, outlet, title, date|published_at, text``.

    Unknown keys are ignored (corpora carry ``meta`` and more); ``published_at`` wins over ``date``.
    """
    if not isinstance(obj, dict):
        raise ArticleError(f"expected a JSON object, got {type(obj).__name__}", origin=origin)
    if "text" not in obj:
        raise ArticleError("missing field 'text'", origin=origin, article_id=obj.get("id") if isinstance(obj.get("id"), str) else None)
    text = obj["text"]
    if not isinstance(text, str):
        raise ArticleError(f"field 'text' must be a string, got {type(text).__name__}", origin=origin)
    published = _str_or_none(obj, "published_at", origin) or _str_or_none(obj, "date", origin)
    return RawArticle(
        text=text, id=_str_or_none(obj, "id", origin), url=_str_or_none(obj, "url", origin),
        outlet=_str_or_none(obj, "outlet", origin), title=_str_or_none(obj, "title", origin),
        published_at=published, origin=origin,
    ).checked()


def _jsonl_lines(stream: BinaryIO | Iterable[bytes], path: str) -> Iterator[Item]:
    for lineno, line in enumerate(stream, 1):
        origin = f"{path}:{lineno}"
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8):]
        if not line.strip():
            continue
        try:
            try:
                s = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ArticleError(f"not UTF-8 at byte {exc.start} of the line (JSON Lines must be UTF-8)", origin=origin) from None
            try:
                obj = json.loads(s)
            except json.JSONDecodeError as exc:
                raise ArticleError(f"malformed JSON: {exc.msg} at column {exc.colno}", origin=origin) from None
            yield article_from_mapping(obj, origin)
        except ArticleError as exc:
            yield exc


def read_jsonl(path: str, data: bytes | None = None) -> Iterator[Item]:
    """JSON Lines, one article per line; a malformed line is an error naming ``file:line`` and the rest go on."""
    gz = path.endswith(".gz") or (data is not None and data[:2] == b"\x1f\x8b")
    try:
        if data is not None:
            if gz:
                import io

                stream: Any = gzip.GzipFile(fileobj=io.BytesIO(data))
            else:
                stream = iter(data.splitlines(keepends=True))
            yield from _jsonl_lines(stream, path)
            return
        opener = gzip.open if gz else open
        with opener(path, "rb") as f:
            yield from _jsonl_lines(f, path)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield ArticleError(f"corrupt gzip data: {exc or type(exc).__name__}; articles before this point were read", origin=path)
    except OSError as exc:
        yield ArticleError(f"cannot read: {exc.strerror or exc}", origin=path)


def read_json(path: str, data: bytes | None = None) -> Iterator[Item]:
    """A ``.json`` file holding one article object or an array of them (``file:[index]`` in errors)."""
    try:
        raw = _read_bytes(path, data)
        try:
            obj = json.loads(_decode_or_error(raw, path))
        except json.JSONDecodeError as exc:
            raise ArticleError(f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", origin=path) from None
    except ArticleError as exc:
        yield exc
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items):
        origin = f"{path}:[{i}]" if isinstance(obj, list) else path
        try:
            yield article_from_mapping(item, origin)
        except ArticleError as exc:
            yield exc


#: Suffix (lower case, longest first when matching) → reader.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".ndjson.gz": read_jsonl,
    ".json": read_json,
}


#: URL scheme → reader of such targets (``https://…`` pages or feeds). Empty here: fetching is the
#: ingestion layer's business, which registers its readers with :func:`register_scheme`.
SCHEMES: dict[str, Callable[[str], Iterator[Item]]] = {}
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")


def register_scheme(schemes: Iterable[str], reader: Callable[[str], Iterator[Item]]) -> None:
    """Make ``reader`` handle targets with these URL schemes (e.g. ``("http", "https")``)."""
    for scheme in schemes:
        SCHEMES[scheme.lower()] = reader


def register_reader(suffixes: Iterable[str], reader: Reader) -> None:
    """Make ``reader`` handle files with these suffixes (e.g. ``(".rss", ".atom")``)."""
    for suffix in suffixes:
        READERS[suffix.lower()] = reader


def reader_for(path: str | Path) -> Reader | None:
    """The reader registered for a file name, matching the longest suffix (``.jsonl.gz`` before ``.gz``)."""
    name = Path(path).name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


_HTML_START_RE = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<!--|<div|<p[\s>]|<article)", re.I)


def sniff_format(data: bytes) -> Reader:
    """Choose a reader from content alone (stdin, unknown suffixes): gzip or JSON → JSONL/JSON, markup → HTML, else text."""
    if data[:2] == b"\x1f\x8b":
        return read_jsonl
    head = data[:4096].lstrip(codecs.BOM_UTF8).lstrip()
    if head.startswith(b"{"):
        first = data.lstrip(codecs.BOM_UTF8).lstrip().split(b"\n", 1)[0].strip()
        # One object per line is JSON Lines; a pretty-printed single object is JSON.
        try:
            json.loads(first)
        except ValueError:
            return read_json
        return read_jsonl
    if head.startswith(b"["):
        return read_json
    if _HTML_START_RE.match(head):
        return read_html
    return read_text


# --------------------------------------------------------------------------- entry points

def _stdin_bytes() -> bytes:
    return sys.stdin.buffer.read()


def read_path(path: str | Path, *, on_note: NoteSink | None = None, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Read every article under ``path``: a file, a directory (recursively, sorted), ``-`` for stdin,
    or a URL whose scheme has a registered reader (:data:`SCHEMES`).

    Inside a directory, files of unknown type and hidden files are skipped with a note (``on_note``,
    or the ``marsad.readers`` logger). A file named explicitly is read whatever its suffix: an
    unknown one is sniffed from its content.
    """
    note = on_note or log.info
    target = str(path)
    if target == STDIN:
        data = stdin.read() if stdin is not None else _stdin_bytes()
        yield from sniff_format(data)("<stdin>", data)
        return
    m = _SCHEME_RE.match(target)
    if m:
        scheme_reader = SCHEMES.get(m.group(1).lower())
        if scheme_reader is None:
            yield ArticleError(f"cannot read {m.group(1)}:// targets here (known: {', '.join(sorted(SCHEMES)) or 'none'}; files, directories and - are)", origin=target)
            return
        yield from scheme_reader(target)
        return
    p = Path(target)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file())
        for f in files:
            rel = f.relative_to(p)
            if any(part.startswith(".") for part in rel.parts):
                continue
            reader = reader_for(f)
            if reader is None:
                note(f"{f}: skipped (unknown file type {f.suffix or 'without suffix'!r})")
                continue
            yield from reader(str(f), None)
        return
    if not p.exists():
        yield ArticleError("no such file or directory", origin=target)
        return
    reader = reader_for(p)
    if reader is not None:
        yield from reader(target, None)
        return
    try:
        data = _read_bytes(target, None)
    except ArticleError as exc:
        yield exc
        return
    yield from sniff_format(data)(target, data)


def read_paths(paths: Iterable[str | Path], *, on_note: NoteSink | None = None, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Read several paths in order (see :func:`read_path`)."""
    for path in paths:
        yield from read_path(path, on_note=on_note, stdin=stdin)




# --------------------------------------------------------------------------- bundled samples

SAMPLES_FILE = "articles.jsonl"


def sample_articles() -> list[RawArticle]:
    """The bundled demo corpus (``marsad/data/samples/articles.jsonl``): original articles written for marsad."""
    from importlib import resources

    data = resources.files("marsad.data.samples").joinpath(SAMPLES_FILE).read_bytes()
    out: list[RawArticle] = []
    for item in read_jsonl(f"marsad/data/samples/{SAMPLES_FILE}", data):
        if isinstance(item, ArticleError):  # a packaging defect, not user input: fail loudly
            raise RuntimeError(f"bundled sample corpus is broken: {item}")
        out.append(item)
    return out


__all__ = [
    "MAX_FILE_BYTES", "MAX_TEXT_CHARS", "READERS", "STDIN", "Item", "Reader", "article_from_mapping", "decode_bytes",
    "decode_html", "html_to_article", "read_html", "read_json", "read_jsonl", "read_path", "read_paths", "read_text",
    "SCHEMES", "reader_for", "register_reader", "register_scheme", "sample_articles", "sniff_format",
]
