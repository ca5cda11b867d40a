"""Readers: encodings, formats, directories, stdin, and errors that name the file and line."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from marsad.doc import ArticleError, RawArticle
from marsad.readers import decode_bytes, read_path, read_paths, reader_for, register_reader, sample_articles, sniff_format

ARTICLE = "الرياض - واس\nأعلنت وزارة المالية اليوم أن الميزانية حققت فائضا بلغ 15.3 مليار ريال، وقال الوزير إن «النتائج جيدة»."


def _read(path: Path | str, **kw) -> list[RawArticle | ArticleError]:
    return list(read_path(path, **kw))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256"])
def test_text_file_encodings(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(ARTICLE.encode(encoding))
    (item,) = _read(f)
    assert isinstance(item, RawArticle), item
    assert item.text == ARTICLE
    assert item.origin == str(f)


def test_cp1256_is_not_mistaken_for_a_latin_code_page() -> None:
    text = "قال وزير المالية إن العجز تراجع إلى 4 مليارات ريال خلال الربع الأول من العام."
    decoded, encoding = decode_bytes(text.encode("cp1256"))
    assert (decoded, encoding) == (text, "cp1256")


def test_short_cp1256_word() -> None:
    assert decode_bytes("قال وزير".encode("cp1256")) == ("قال وزير", "cp1256")


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,
    b"\x89PNG\r\n\x1a\n" + bytes(range(1, 255)) * 4 + b"\x00\x00\x00\rIHDR",
    bytes((i * 7919 + 13) % 255 + 1 for i in range(4000)),  # no NULs, still noise
])
def test_binary_is_a_clear_error(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(data)
    (item,) = _read(f)
    assert isinstance(item, ArticleError)
    assert item.origin == str(f)
    assert "binary" in item.reason or "undecodable" in item.reason
    assert str(f) in str(item)


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", "\ufeff".encode("utf-8")])
def test_empty_text_file(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(content)
    (item,) = _read(f)
    assert isinstance(item, ArticleError) and item.reason == "empty text"


def _jsonl(rows: list[str]) -> bytes:
    return ("\n".join(rows) + "\n").encode("utf-8")


JSONL_ROWS = [
    json.dumps({"id": "a1", "url": "https://x.example/1", "outlet": "الشرق اليوم", "title": "عنوان", "date": "2025-03-13T10:00:00+03:00", "text": "نص الخبر الأول", "meta": {"x": 1}}, ensure_ascii=False),
    '{"id": "a2", "text": "نص بلا إغلاق',                                   # malformed JSON
    "",                                                                    # blank lines are skipped
    json.dumps({"id": 3, "published_at": "2025-01-01", "date": "1999-01-01", "text": "نص ثالث"}, ensure_ascii=False),
    json.dumps(["not", "an", "object"]),
    json.dumps({"id": "a5"}),                                              # no text
    json.dumps({"id": "a6", "text": 42}),
    json.dumps({"id": "a7", "text": "   "}),
    json.dumps({"id": "a8", "title": ["x"], "text": "نص"}),
    json.dumps({"id": "a9", "text": "نص أخير"}, ensure_ascii=False),
]


def _check_jsonl(items: list[RawArticle | ArticleError], name: str) -> None:
    by_line = {}
    for item in items:
        by_line[int(item.origin.rsplit(":", 1)[1])] = item
    assert sorted(by_line) == [1, 2, 4, 5, 6, 7, 8, 9, 10]
    a1 = by_line[1]
    assert isinstance(a1, RawArticle)
    assert (a1.id, a1.url, a1.outlet, a1.title, a1.published_at) == ("a1", "https://x.example/1", "الشرق اليوم", "عنوان", "2025-03-13T10:00:00+03:00")
    assert isinstance(by_line[2], ArticleError) and "malformed JSON" in by_line[2].reason
    assert str(by_line[2]).startswith(f"{name}:2: ")
    a3 = by_line[4]
    assert isinstance(a3, RawArticle) and a3.id == "3" and a3.published_at == "2025-01-01"  # published_at wins over date
    assert "expected a JSON object" in by_line[5].reason
    assert "missing field 'text'" in by_line[6].reason and by_line[6].article_id == "a5"
    assert "must be a string" in by_line[7].reason
    assert by_line[8].reason == "empty text"
    assert "'title'" in by_line[9].reason
    assert isinstance(by_line[10], RawArticle) and by_line[10].text == "نص أخير"


def test_jsonl_bad_lines_are_errors_and_the_rest_goes_on(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_bytes(_jsonl(JSONL_ROWS))
    _check_jsonl(_read(f), str(f))


def test_jsonl_gz(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl.gz"
    f.write_bytes(gzip.compress(_jsonl(JSONL_ROWS)))
    assert reader_for(f) is reader_for("x.jsonl")
    _check_jsonl(_read(f), str(f))


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    rows = [json.dumps({"id": f"n{i}", "text": f"خبر رقم {i} " * 20}, ensure_ascii=False) for i in range(400)]
    data = gzip.compress(_jsonl(rows))
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(data[: len(data) // 2])
    items = _read(f)
    good = [x for x in items if isinstance(x, RawArticle)]
    assert good and isinstance(items[-1], ArticleError)
    assert "corrupt gzip" in items[-1].reason and items[-1].origin == str(f)


def test_jsonl_line_in_wrong_encoding(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(json.dumps({"text": "سطر سليم"}, ensure_ascii=False).encode() + b"\n"
                  + '{"text": "سطر بترميز آخر"}'.encode("cp1256") + b"\n")
    ok, bad = _read(f)
    assert isinstance(ok, RawArticle)
    assert isinstance(bad, ArticleError) and bad.origin == f"{f}:2" and "UTF-8" in bad.reason


def test_json_array(tmp_path: Path) -> None:
    f = tmp_path / "two.json"
    f.write_text(json.dumps([{"id": "x", "text": "نص"}, {"id": "y"}], ensure_ascii=False), "utf-8")
    good, bad = _read(f)
    assert isinstance(good, RawArticle) and good.id == "x"
    assert isinstance(bad, ArticleError) and bad.origin == f"{f}:[1]"


HTML = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>الحكومة تقر خطة الإعمار</title>
<meta property="og:site_name" content="الشرق اليوم">
<meta property="article:published_time" content="2025-03-13T10:15:00+03:00">
<link rel="canonical" href="https://example.org/news/1"></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav>
<article><h1>الحكومة تقر خطة الإعمار</h1>
<p>بغداد - (رويترز) - أقر مجلس الوزراء العراقي أمس خطة لإعادة إعمار المناطق المحررة بكلفة تقدر بنحو ثلاثة مليارات دولار تصرف على مدى خمس سنوات.</p>
<p>وقال رئيس الوزراء في مؤتمر صحفي إن "الحكومة لن تترك أهالي الموصل ينتظرون أكثر مما انتظروا".</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("windows-1256", "cp1256")])
def test_html_body_and_metadata(tmp_path: Path, charset: str, encoding: str) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(HTML.format(charset=charset).encode(encoding))
    (item,) = _read(f)
    assert isinstance(item, RawArticle), item
    assert item.text.startswith("بغداد - (رويترز) -")
    assert "الموصل" in item.text
    assert "الرئيسية" not in item.text and "جميع الحقوق" not in item.text
    assert item.title == "الحكومة تقر خطة الإعمار"
    assert item.outlet == "الشرق اليوم"
    assert item.url == "https://example.org/news/1"
    assert item.published_at is not None
    from marsad.doc import parse_datetime

    assert parse_datetime(item.published_at).isoformat() == "2025-03-13T10:15:00+03:00"


def test_broken_html_best_effort(tmp_path: Path) -> None:
    f = tmp_path / "broken.htm"
    f.write_text("<html><body><div><p>بغداد - قال مسؤول عراقي إن الحكومة ستبدأ العمل الشهر المقبل على خطة جديدة "
                 "لإعادة الإعمار في المحافظات المحررة</div></p><p>وأضاف أن <b>الخطة تشمل المدارس", "utf-8")
    (item,) = _read(f)
    assert isinstance(item, RawArticle), item
    assert "قال مسؤول عراقي" in item.text


@pytest.mark.parametrize("content", [b"<html><body></body></html>", b"<html><head><title>x</title></head><body><script>var a=1;</script></body>",
                                     b"<<<>>>", b"\x00\x01\x02<html>"])
def test_html_without_article_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "empty.html"
    f.write_bytes(content)
    (item,) = _read(f)
    assert isinstance(item, ArticleError) and item.origin == str(f)
    assert item.reason


def test_directory_recursive_sorted_skips_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("خبر في مجلد فرعي", "utf-8")
    (tmp_path / "a.txt").write_bytes("خبر بترميز ويندوز".encode("cp1256"))
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j", "text": "خبر من سطر"}, ensure_ascii=False) + "\n", "utf-8")
    (tmp_path / "notes.md").write_text("# notes", "utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", "utf-8")
    notes: list[str] = []
    items = _read(tmp_path, on_note=notes.append)
    # Sorted by path: a.txt, b/z.txt, c.jsonl.
    assert [i.origin for i in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt"), f"{tmp_path / 'c.jsonl'}:1"]
    assert [i.text for i in items] == ["خبر بترميز ويندوز", "خبر في مجلد فرعي", "خبر من سطر"]
    assert len(notes) == 1 and "notes.md" in notes[0] and "skipped" in notes[0]


def test_missing_path_is_an_error() -> None:
    (item,) = _read("/nonexistent/dir/article.txt")
    assert isinstance(item, ArticleError) and "no such file" in item.reason


def test_explicit_file_with_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    f = tmp_path / "export.dat"
    f.write_text(json.dumps({"id": "s", "text": "خبر"}, ensure_ascii=False) + "\n", "utf-8")
    (item,) = _read(f)
    assert isinstance(item, RawArticle) and item.id == "s" and item.origin == f"{f}:1"


@pytest.mark.parametrize(("data", "expected"), [
    (b'{"text": "x"}\n{"text": "y"}\n', ["x", "y"]),
    ('{\n  "text": "خبر"\n}'.encode(), ["خبر"]),
    (ARTICLE.encode("utf-16"), [ARTICLE]),
    (ARTICLE.encode("cp1256"), [ARTICLE]),
    (gzip.compress(b'{"text": "z"}\n'), ["z"]),
])
def test_stdin(data: bytes, expected: list[str]) -> None:
    items = _read("-", stdin=io.BytesIO(data))
    assert [i.text for i in items] == expected
    assert all(i.origin.startswith("<stdin>") for i in items)


def test_stdin_html() -> None:
    (item,) = _read("-", stdin=io.BytesIO(HTML.format(charset="utf-8").encode()))
    assert isinstance(item, RawArticle) and item.outlet == "الشرق اليوم"


def test_sniff_format() -> None:
    assert sniff_format(b"  <!DOCTYPE html><html>").__name__ == "read_html"
    assert sniff_format(b"[{}]").__name__ == "read_json"
    assert sniff_format("نص عادي".encode()).__name__ == "read_text"


def test_read_paths_and_register_reader(tmp_path: Path) -> None:
    def read_upper(path: str, data: bytes | None):
        yield RawArticle(text=Path(path).read_text("utf-8").upper(), origin=path)

    register_reader([".upper"], read_upper)
    try:
        f = tmp_path / "x.upper"
        f.write_text("abc", "utf-8")
        g = tmp_path / "y.txt"
        g.write_text("نص", "utf-8")
        assert [i.text for i in read_paths([f, g])] == ["ABC", "نص"]
    finally:
        from marsad.readers import READERS

        READERS.pop(".upper")


def test_sample_corpus() -> None:
    samples = sample_articles()
    assert len(samples) >= 15
    ids = [s.id for s in samples]
    assert len(set(ids)) == len(ids)
    for s in samples:
        assert s.published_at and s.title and len(s.text) > 300


def test_url_targets_need_a_registered_scheme() -> None:
    from marsad.readers import SCHEMES, register_scheme

    (item,) = _read("https://example.org/feed.xml")
    assert isinstance(item, ArticleError) and "https://" in item.reason and item.origin == "https://example.org/feed.xml"
    register_scheme(["https"], lambda url: iter([RawArticle(text="نص من الشبكة", url=url, origin=url)]))
    try:
        (item,) = _read("https://example.org/a")
        assert isinstance(item, RawArticle) and item.url == "https://example.org/a"
    finally:
        SCHEMES.pop("https")


def test_html_with_only_a_day_keeps_only_the_day(tmp_path: Path) -> None:
    f = tmp_path / "day.html"
    f.write_text(HTML.format(charset="utf-8").replace("2025-03-13T10:15:00+03:00", "2025-03-13"), "utf-8")
    (item,) = _read(f)
    assert isinstance(item, RawArticle) and item.published_at == "2025-03-13"


def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    from marsad.readers import read_html, read_json, read_text

    gone = tmp_path / "gone.txt"
    gone.symlink_to(tmp_path / "missing-target.txt")  # listed in the directory, fails on open
    for reader in (read_text, read_html, read_json):
        (item,) = list(reader(str(gone), None))
        assert isinstance(item, ArticleError) and item.reason.startswith("cannot read") and item.origin == str(gone)


def test_a_directory_named_like_a_file_is_read_as_a_directory(tmp_path: Path) -> None:
    d = tmp_path / "looks.txt"
    d.mkdir()
    (d / "inner.txt").write_text("خبر داخلي", "utf-8")
    assert [i.text for i in _read(d)] == ["خبر داخلي"]


def test_huge_article_is_refused_clearly(tmp_path: Path) -> None:
    from marsad.doc import MAX_TEXT_CHARS

    f = tmp_path / "huge.txt"
    f.write_text("خبر " * (MAX_TEXT_CHARS // 4 + 10), "utf-8")
    (item,) = _read(f)
    assert isinstance(item, ArticleError) and "too large" in item.reason and item.origin == str(f)
