"""Ingest end to end: files, feeds and URLs into a real store; idempotence; a SIGKILL mid-ingest."""

from __future__ import annotations

import http.server
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.ingest import ingest
from marsad.ingest.web import FetchPolicy
from marsad.store import open_store
from tests.store_support import store, store_url  # noqa: F401  (fixtures)

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "marsad" / "data" / "samples" / "articles.jsonl"
#: For tests about storage mechanics, not extraction: the cheap components only.
LIGHT = ("entities", "places", "quantities", "quotes", "themes")


def sample_rows() -> list[dict]:
    return [json.loads(line) for line in SAMPLES.read_text("utf-8").splitlines() if line.strip()]


def write_corpus(directory: Path, n: int) -> Path:
    """``n`` distinct articles built from the bundled samples (each gets its own id and closing line)."""
    rows = sample_rows()
    path = directory / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            r = dict(rows[i % len(rows)])
            r["id"] = f"{r['id']}-{i}"
            r["url"] = None
            r["text"] = r["text"] + f"\nتحديث رقم {i} للخبر."
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def mixed_dir(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    rows = sample_rows()
    with open(d / "a.jsonl", "w", encoding="utf-8") as fh:
        for r in rows[:5]:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        fh.write("{not json\n")                                            # line 6: malformed
        fh.write(json.dumps({"id": "empty", "text": "   "}) + "\n")        # line 7: empty text
    (d / "sub" / "note.txt").write_text(rows[5]["text"], encoding="utf-8")
    (d / "sub" / "page.html").write_text(
        "<html><head><title>زيارة وزير الخارجية</title></head><body><article><h1>زيارة وزير الخارجية</h1>"
        + "".join(f"<p>{p}</p>" for p in rows[6]["text"].split("\n") if p.strip()) + "</article></body></html>", encoding="utf-8")
    (d / "sub" / "old.txt").write_bytes(  # Windows-1256
        "النجف – افتتحت وزارة النقل اليوم مطار النجف الجديد بحضور عدد من المسؤولين، وقال الوزير إن المطار سيخدم الزوار.".encode("cp1256"))
    (d / "sub" / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    return d


def test_double_ingest_stores_no_duplicates(store, tmp_path):
    d = mixed_dir(tmp_path)
    first = ingest([str(d)], store)
    assert first.inserted == 8, first.errors
    assert first.failed == 3
    origins = {o for o, _ in first.errors}
    assert any(o.endswith("a.jsonl:6") for o in origins) and any(o.endswith("a.jsonl:7") for o in origins)
    assert any(o.endswith("blob.txt") for o in origins)
    second = ingest([str(d)], store)
    assert (second.inserted, second.updated, second.skipped_known) == (0, 0, 8)
    # the same articles again through another file: still not stored twice
    # rows 0-4 are known by id; rows 5 and 6 (no outlet) came in before as note.txt and page.html: same
    # text, same (empty) outlet, so they are duplicates, not new articles
    third = ingest([str(SAMPLES)], store)
    assert (third.skipped_known, third.duplicates, third.inserted) == (5, 2, len(sample_rows()) - 7)
    n = store.count()
    assert n == len({a for a in store.article_ids()})
    again = ingest([str(d), str(SAMPLES)], store)
    assert again.inserted == 0 and store.count() == n


def test_changed_article_is_updated_not_duplicated(store, tmp_path):
    rows = sample_rows()[:3]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    ingest([str(path)], store, disable=LIGHT)
    rows[1]["text"] += "\nوأضاف المصدر أن التحقيقات مستمرة."
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    rep = ingest([str(path)], store, disable=LIGHT)
    assert (rep.inserted, rep.updated, rep.skipped_known) == (0, 1, 2)
    assert store.count() == 3
    assert store.get_article(rows[1]["id"])["text"].endswith("مستمرة.")
    assert store.search("التحقيقات مستمرة").total == 1


def test_full_pipeline_records_are_stored_as_extract_prints_them(tmp_path):
    from marsad.pipeline import get_pipeline
    from marsad.doc import RawArticle

    s = open_store(f"sqlite:///{tmp_path / 'm.db'}")
    rep = ingest([str(SAMPLES)], s)
    assert rep.failed == 0 and rep.inserted == len(sample_rows())
    row = sample_rows()[0]
    expected = get_pipeline().extract(RawArticle(text=row["text"], id=row["id"], url=row["url"], outlet=row["outlet"],
                                                 title=row["title"], published_at=row["published_at"])).to_dict()
    assert s.get_article(row["id"]) == expected
    s.close()


def _marsad(*args: str) -> list[str]:
    return [sys.executable, "-c", "from marsad.cli import main; main()", *args]


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_stores_every_article_once(tmp_path):
    n, batch = 1200, 10
    corpus = write_corpus(tmp_path, n)
    db = tmp_path / "k.db"
    cmd = _marsad("ingest", str(corpus), "--db", f"sqlite:///{db}", "--batch-size", str(batch), "--quiet", "--no-cluster",
                  "--disable", ",".join(LIGHT))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    committed = 0
    deadline = time.time() + 120
    try:
        while time.time() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
                        committed = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                except sqlite3.OperationalError:
                    committed = 0  # schema not created yet
                if committed >= 5 * batch:
                    break
            time.sleep(0.01)
        assert proc.poll() is None, f"ingest finished before it could be killed: {proc.stderr.read().decode()[-500:]}"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as c:
        after_kill = c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < after_kill < n
    assert after_kill % batch == 0  # whole transactions only: nothing half-written

    rerun = subprocess.run(cmd[:-1] + [",".join(LIGHT), "--json"], capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["skipped_known"] >= after_kill and report["inserted"] == n - report["skipped_known"]
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*), COUNT(DISTINCT id), COUNT(DISTINCT fingerprint) FROM articles").fetchone() == (n, n, n)
        assert c.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == n
    s = open_store(f"sqlite:///{db}")
    assert {a for a in s.article_ids()} == {json.loads(line)["id"] for line in corpus.read_text("utf-8").splitlines()}
    s.close()


@pytest.mark.slow
def test_worker_processes_give_the_same_records(tmp_path):
    corpus = write_corpus(tmp_path, 40)
    one = open_store(f"sqlite:///{tmp_path / 'one.db'}")
    two = open_store(f"sqlite:///{tmp_path / 'two.db'}")
    r1 = ingest([str(corpus)], one, workers=1)
    r2 = ingest([str(corpus)], two, workers=2)
    assert r1.inserted == r2.inserted == 40
    assert [r.to_dict() for r in one.iter_records()] == [r.to_dict() for r in two.iter_records()]
    one.close()
    two.close()


# ---------------------------------------------------------------------------------------------
# feeds and URLs (a local server on 127.0.0.1 only)
# ---------------------------------------------------------------------------------------------

PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>انطلاق معرض الكتاب في بغداد</title>
<meta property="og:site_name" content="صحيفة المحلية"></head><body><nav>الرئيسية | أخبار</nav><article><h1>انطلاق معرض الكتاب في بغداد</h1>
<p>بغداد – انطلقت اليوم فعاليات معرض بغداد الدولي للكتاب بمشاركة أكثر من ثلاثمئة دار نشر من عشرين دولة عربية وأجنبية.</p>
<p>وقال مدير المعرض إن "الدورة الحالية هي الأكبر منذ عشر سنوات"، مضيفا أن المعرض يستمر عشرة أيام.</p>
<p>وأوضح أن إدارة المعرض خصصت جناحا لكتب الأطفال وآخر للمخطوطات النادرة.</p></article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>صحيفة المحلية</title><link>{base}/</link>
<item><title>انطلاق معرض الكتاب في بغداد</title><link>{base}/article.html</link><pubDate>Tue, 01 May 2018 10:00:00 +0300</pubDate></item>
<item><title>أمطار غزيرة في البصرة</title><link>{base}/missing.html</link><pubDate>Tue, 01 May 2018 11:00:00 +0300</pubDate>
<description>&lt;p&gt;البصرة – شهدت محافظة البصرة أمطارا غزيرة أدت إلى غرق عدد من الشوارع الرئيسية في المدينة.&lt;/p&gt;</description></item>
</channel></rss>"""


@pytest.fixture
def local_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "article.html").write_text(PAGE, encoding="utf-8")
    (site / "big.html").write_text(PAGE * 200, encoding="utf-8")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (site / "feed.xml").write_text(feed(base), encoding="utf-8")
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield base, site
    server.shutdown()
    server.server_close()


def test_loopback_urls_are_refused_without_allow_private(store, local_site):
    base, _ = local_site
    rep = ingest([f"{base}/article.html", f"{base}/feed.xml"], store, disable=LIGHT)
    assert rep.inserted == 0 and rep.failed == 2
    assert all("not a public address" in reason for _, reason in rep.errors)
    rep = ingest(["file:///etc/passwd", "http://[::1]:9/x", "http://10.0.0.1/x"], store, policy=FetchPolicy(timeout=2))
    assert rep.inserted == 0 and rep.failed == 3


def test_feed_and_article_urls_with_allow_private(store, local_site):
    base, _ = local_site
    policy = FetchPolicy(allow_private=True, timeout=5)
    rep = ingest([f"{base}/feed.xml"], store, policy=policy, disable=LIGHT)
    assert rep.inserted == 2, rep.errors
    hits = store.search("معرض الكتاب").hits
    assert [h.title for h in hits] == ["انطلاق معرض الكتاب في بغداد"]
    art = store.get_article(hits[0].id)
    assert art["url"] == f"{base}/article.html" and "الرئيسية" not in art["text"] and "ثلاثمئة دار نشر" in art["text"]
    assert art["published_at"].startswith("2018-05-01")
    # the entry whose page is missing falls back to the feed's own description
    basra = store.search("البصرة").hits[0]
    assert basra.title == "أمطار غزيرة في البصرة" and basra.outlet == "صحيفة المحلية"
    # the article URL itself is the same article: not stored twice
    rep2 = ingest([f"{base}/article.html"], store, policy=policy, disable=LIGHT)
    assert rep2.inserted == 0 and store.count() == 2
    # errors: 404 and oversize bodies are reported, not fatal
    rep3 = ingest([f"{base}/nope.html", f"{base}/big.html"], store, policy=FetchPolicy(allow_private=True, max_bytes=50_000))
    assert rep3.failed == 2
    assert any("404" in r for _, r in rep3.errors) and any("too large" in r for _, r in rep3.errors)


def test_rss_file_is_read_without_network(store, tmp_path):
    f = tmp_path / "news.rss"
    f.write_text(feed("http://203.0.113.9"), encoding="utf-8")  # TEST-NET address: must never be contacted
    rep = ingest([str(f)], store, disable=LIGHT)
    assert rep.inserted == 1 and rep.failed == 1   # the entry without content cannot be read from a file
    assert store.search("البصرة").total == 1


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------

def test_cli_ingest_search_quotes_export(tmp_path):
    from marsad.cli import _register
    from marsad.cli.app import app

    _register()
    runner = CliRunner()
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    d = mixed_dir(tmp_path)
    res = runner.invoke(app, ["ingest", str(d), "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["inserted"] == 8 and report["failed"] == 3
    assert runner.invoke(app, ["ingest", str(d), "--db", db, "--strict", "-q"]).exit_code == 1
    res = runner.invoke(app, ["search", "الموصِل", "--db", db, "--json", "--limit", "3"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["total"] >= 1 and out["hits"][0]["snippet_html"].count("<mark>") >= 1
    res = runner.invoke(app, ["search", "الموصل", "--db", db, "--from", "2025-01-01", "--to", "not-a-date"])
    assert res.exit_code == 2 and "not a date" in res.output
    res = runner.invoke(app, ["quotes", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    qs = json.loads(res.stdout)["quotes"]
    days = [q["published_at"] for q in qs if q["published_at"]]
    assert days == sorted(days, reverse=True)
    out_file = tmp_path / "all.jsonl"
    res = runner.invoke(app, ["export", "--format", "jsonl", "--db", db, "--out", str(out_file)])
    assert res.exit_code == 0 and len(out_file.read_text("utf-8").splitlines()) == 8
    assert runner.invoke(app, ["export", "--format", "xml", "--db", db]).exit_code == 2
    res = runner.invoke(app, ["ingest", str(d), "--db", "mysql://x"])
    assert res.exit_code == 2 and "unsupported database URL" in res.output
