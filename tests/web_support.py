"""Helpers for the API and browser tests: a SQLite store filled from the bundled samples.

The samples go through the real extraction pipeline. One more article is annotated by hand
(``FIXTURE_ID``) so the UI tests have a quote with a known speaker, a place, an amount, a date
and a ``<script>`` in the text whatever the extractors find this week.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.doc import RawArticle
from marsad.record import Article, DateMention, Entity, Place, Quantity, Quote, Source, validate
from marsad.store import open_store, speaker_id
from marsad.text import entity_id

FIXTURE_ID = "fixture-web-xss"
FIXTURE_SPEAKER = "سلمى الراوي"
FIXTURE_TEXT = (
    "بغداد – قالت وزيرة التخطيط سلمى الراوي إن \"الحكومة ستنفق نحو 3 مليارات دولار على إعادة إعمار الموصل "
    "خلال العام المقبل\".\n"
    "وأضافت أن <script>window.__xss = 1</script> الخطة تشمل <img src=x onerror=\"window.__xss=2\"> "
    "بناء أكثر من 1200 مدرسة.\n"
    "المصدر: وكالة الأنباء العراقية"
)


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def fixture_article() -> Article:
    """A hand-annotated record: a direct quote by a named speaker, entities, places, quantities, a date."""
    t = FIXTURE_TEXT
    per = entity_id("PER", FIXTURE_SPEAKER)
    s, e = _span(t, FIXTURE_SPEAKER)
    q_s = t.index('"')
    q_e = t.index('"', q_s + 1) + 1
    mosul_s, mosul_e = _span(t, "الموصل")
    baghdad_s, baghdad_e = _span(t, "بغداد")
    money_s, money_e = _span(t, "نحو 3 مليارات دولار")
    schools_s, schools_e = _span(t, "أكثر من 1200 مدرسة")
    date_s, date_e = _span(t, "العام المقبل")
    cue_s = t.index("قالت")
    src_s, src_e = _span(t, "المصدر: وكالة الأنباء العراقية")
    article = Article(
        id=FIXTURE_ID, text=t, url="javascript:alert(1)", outlet="مرصد الاختبار",
        title="خطة <b>إعمار</b> الموصل بكلفة 3 مليارات دولار", published_at="2025-03-20T09:00:00+03:00",
        source=Source("وكالة الأنباء العراقية", src_s, src_e),
        entities=[
            Entity(t[baghdad_s:baghdad_e], baghdad_s, baghdad_e, "LOC", "بغداد", entity_id("LOC", "بغداد")),
            Entity(FIXTURE_SPEAKER, s, e, "PER", FIXTURE_SPEAKER, per),
            Entity("الموصل", mosul_s, mosul_e, "LOC", "الموصل", entity_id("LOC", "الموصل")),
        ],
        quotes=[Quote(text=t[q_s:q_e], start=q_s, end=q_e, direct=True, cue="قالت", cue_start=cue_s,
                      speaker=FIXTURE_SPEAKER, speaker_role="وزيرة التخطيط", speaker_entity_id=per)],
        quantities=[
            Quantity(t[money_s:money_e], money_s, money_e, 3_000_000_000, "about", "money", "USD", None),
            Quantity(t[schools_s:schools_e], schools_s, schools_e, 1200, "more_than", "count", "مدرسة", None),
        ],
        dates=[DateMention(t[date_s:date_e], date_s, date_e, "2026", "year", True)],
        places=[
            Place("بغداد", baghdad_s, baghdad_e, "بغداد", "IQ", "Baghdad", 33.3406, 44.4009, 98182, "city"),
            Place("الموصل", mosul_s, mosul_e, "الموصل", "IQ", "Nineveh", 36.335, 43.1189, 99072, "city"),
        ],
    )
    validate(article.to_dict())
    return article


FIXTURE_SPEAKER_ID = speaker_id(FIXTURE_SPEAKER, entity_id("PER", FIXTURE_SPEAKER))


def sample_raws() -> list[RawArticle]:
    lines = resources.files("marsad.data.samples").joinpath("articles.jsonl").read_text("utf-8").splitlines()
    raws = []
    for i, line in enumerate(lines, 1):
        if line.strip():
            d = json.loads(line)
            raws.append(RawArticle(text=d["text"], id=d.get("id"), url=d.get("url"), outlet=d.get("outlet"),
                                   title=d.get("title"), published_at=d.get("published_at"),
                                   origin=f"samples/articles.jsonl:{i}"))
    return raws


@lru_cache(maxsize=1)
def sample_records() -> tuple[Article, ...]:
    """The bundled samples through the real pipeline (once per test session), plus the fixture article."""
    from marsad.pipeline import get_pipeline

    records = [out.record for out in get_pipeline().pipe(sample_raws()) if hasattr(out, "record")]
    return (*records, fixture_article())


def fill_store(url: str) -> int:
    """Store the sample records at ``url``; returns how many articles the store holds."""
    with open_store(url) as store:
        store.upsert(list(sample_records()))
        return store.count()


def build_sample_db(path: Path) -> tuple[str, int]:
    """Extract the bundled samples into a fresh SQLite file, plus the fixture article; returns (URL, articles)."""
    url = f"sqlite:///{path}"
    return url, fill_store(url)
