"""``marsad extract`` and ``marsad demo``: records on stdout, errors on stderr, exit codes; and the shared corpora."""

from __future__ import annotations

import gzip
import io
import json
from itertools import islice
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.cli import _register
from marsad.cli.app import app
from marsad.record import Article, validate

_register()
runner = CliRunner()

ARTICLE = ("بغداد - (رويترز) - قال وزير التخطيط سامر الجبوري أمس إن “الحكومة ستنفق نحو ثلاثة مليارات دولار على إعمار الموصل”.\n"
           "وأضاف أن العمل سيبدأ الشهر المقبل.\nالمصدر: وكالة “ناس” العراقية")


def invoke(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


def records(stdout: str) -> list[dict]:
    out = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    for r in out:
        validate(r)
    return out


def test_txt_file_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(ARTICLE.encode("cp1256"))
    result = invoke("extract", str(f), "--published-at", "2025-03-13T10:00:00+03:00", "--id", "my-id")
    assert result.exit_code == 0, result.stderr
    (r,) = records(result.stdout)
    assert r["id"] == "my-id" and r["text"] == ARTICLE
    assert r["published_at"] == "2025-03-13T10:00:00+03:00"
    assert r["source"]["name"] == "وكالة ناس العراقية"
    assert "1 record(s) written, 0 article(s) failed" in result.stderr


def test_json_format_single_object_and_array(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, "utf-8")
    one = invoke("extract", str(f), "--format", "json")
    assert one.exit_code == 0
    obj = json.loads(one.stdout)
    assert isinstance(obj, dict) and obj["schema"] == "marsad.article/1"
    assert one.stdout.startswith("{\n  ")
    g = tmp_path / "b.jsonl"
    g.write_text("\n".join(json.dumps({"id": f"n{i}", "text": ARTICLE}, ensure_ascii=False) for i in range(3)), "utf-8")
    many = invoke("extract", str(g), "--format", "json")
    assert many.exit_code == 0
    arr = json.loads(many.stdout)
    assert [r["id"] for r in arr] == ["n0", "n1", "n2"]
    for r in arr:
        validate(r)
    Article.from_dict(arr[0])


def test_bad_articles_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "ok1", "text": ARTICLE}, ensure_ascii=False),
        "{broken json",
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "ok2", "date": "2025-01-02", "text": ARTICLE}, ensure_ascii=False),
        json.dumps({"id": "baddate", "date": "yesterday", "text": ARTICLE}, ensure_ascii=False),
    ]) + "\n", "utf-8")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 1
    got = records(result.stdout)
    assert [r["id"] for r in got] == ["ok1", "ok2", "baddate"]
    assert got[1]["published_at"].startswith("2025-01-02")
    assert got[2]["published_at"] is None
    err = result.stderr
    assert f"error: {f}:2: malformed JSON" in err
    assert f"error: {f}:3: empty text" in err
    assert f"error: {tmp_path / 'bin.txt'}: binary" in err
    assert f"warning: {f}:5: published_at 'yesterday'" in err
    assert "3 record(s) written, 3 article(s) failed" in err


def test_stdin_text_and_jsonl() -> None:
    result = invoke("extract", "-", stdin=ARTICLE.encode("utf-16"))
    assert result.exit_code == 0, result.stderr
    (r,) = records(result.stdout)
    assert r["text"] == ARTICLE
    data = gzip.compress((json.dumps({"id": "z", "text": ARTICLE}, ensure_ascii=False) + "\n").encode())
    result = invoke("extract", "-", stdin=data)
    assert [r["id"] for r in records(result.stdout)] == ["z"]


def test_disable_components(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, "utf-8")
    result = invoke("extract", str(f), "--disable", "source", "--disable", "themes")
    assert result.exit_code == 0, result.stderr
    (r,) = records(result.stdout)
    assert r["source"] is None and r["themes"] == []
    assert invoke("extract", str(f), "--disable", "nonsense").exit_code == 2


@pytest.mark.parametrize("args", [
    ("--format", "xml"),
    ("--published-at", "next week"),
])
def test_bad_options(tmp_path: Path, args: tuple[str, ...]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, "utf-8")
    result = invoke("extract", str(f), *args)
    assert result.exit_code == 2
    assert result.stdout == ""


def test_id_needs_a_single_article(tmp_path: Path) -> None:
    f = tmp_path / "b.jsonl"
    f.write_text("\n".join(json.dumps({"text": ARTICLE}, ensure_ascii=False) for _ in range(2)), "utf-8")
    result = invoke("extract", str(f), "--id", "x")
    assert result.exit_code == 2 and "--id" in result.stderr


def test_nothing_to_read(tmp_path: Path) -> None:
    result = invoke("extract", str(tmp_path))
    assert result.exit_code == 1 and "no articles" in result.stderr
    result = invoke("extract", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_demo_summarises_every_sample() -> None:
    from rich.console import Console

    from marsad.cli.extract import run_demo
    from marsad.readers import sample_articles

    buffer = io.StringIO()
    recs = run_demo(Console(file=buffer, width=100, force_terminal=False))
    out = buffer.getvalue()
    samples = sample_articles()
    assert len(recs) == len(samples)
    for rec, raw in zip(recs, samples):
        assert rec.id == raw.id
        assert raw.title in out
        validate(rec.to_dict())
    assert "وكالة ناس العراقية" in out and "رويترز" in out


@pytest.mark.shared_data
@pytest.mark.slow
def test_extract_over_shared_news(shared_data: Path) -> None:
    """At least 500 real articles from every outlet of both corpora: every record schema-valid, no failure."""
    from marsad.cli.extract import run_extract

    sources = [shared_data / "news" / "ant_multisource" / "articles.jsonl", shared_data / "news" / "saudinewsnet" / "articles.jsonl"]
    lines: list[str] = []
    for path in sources:
        # Every 18th line: ~167 per corpus, spread over all outlets and days.
        with path.open(encoding="utf-8") as f:
            lines += [line for i, line in enumerate(f) if i % 18 == 0]
    gz = shared_data / "news" / "ant_unlabeled" / "articles.jsonl.gz"
    with gzip.open(gz, "rt", encoding="utf-8") as f:
        lines += list(islice(f, 0, 1100, 5))
    assert len(lines) >= 500

    import tempfile

    with tempfile.TemporaryDirectory() as d:
        batch = Path(d) / "batch.jsonl"
        batch.write_text("".join(lines), "utf-8")
        out = io.StringIO()
        written, failures = run_extract([str(batch)], out=out)
    assert failures == 0
    assert written == len(lines)
    outlets = set()
    for line in out.getvalue().splitlines():
        r = json.loads(line)
        validate(r)
        outlets.add(r["outlet"])
    assert len(outlets) >= 15


def test_html_page(tmp_path: Path) -> None:
    page = ("<html><head><meta charset='utf-8'><title>خطة الإعمار</title>"
            "<meta property='og:site_name' content='الشرق اليوم'>"
            "<meta property='article:published_time' content='2025-03-13T10:15:00+03:00'></head>"
            "<body><nav>الرئيسية | سياسة | رياضة</nav><article><h1>خطة الإعمار</h1>"
            + "".join(f"<p>{line}</p>" for line in ARTICLE.split("\n")) + "</article></body></html>")
    f = tmp_path / "page.html"
    f.write_bytes(page.encode("utf-8"))
    result = invoke("extract", str(f))
    assert result.exit_code == 0, result.stderr
    (r,) = records(result.stdout)
    assert r["outlet"] == "الشرق اليوم" and r["title"] == "خطة الإعمار"
    assert r["published_at"] == "2025-03-13T10:15:00+03:00"
    assert r["text"].startswith("بغداد - (رويترز) -") and "الرئيسية" not in r["text"]
    assert r["source"]["name"] == "وكالة ناس العراقية"
