"""The article record: JSON round trip, the shipped JSON Schema and the span checks of ``validate``."""

from __future__ import annotations

import copy
import json

import pytest

from marsad.record import (
    RECORD_KEYS,
    SCHEMA_ID,
    Article,
    DateMention,
    Entity,
    Place,
    Quantity,
    Quote,
    Source,
    json_schema,
    validate,
)
from marsad.text import entity_id

TEXT = ("بغداد - (رويترز) - قال رئيس الوزراء خالد العبيدي أمس إن “الحكومة ستنفق نحو 3 مليارات دولار على الإعمار”.\n"
        "المصدر: وكالة “ناس” العراقية")


def _span(sub: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def full_article() -> Article:
    """A record with every list filled, spans computed from the text (never typed by hand)."""
    per = _span("خالد العبيدي")
    quote = _span("الحكومة ستنفق نحو 3 مليارات دولار على الإعمار")
    qty = _span("نحو 3 مليارات دولار")
    date = _span("أمس")
    place = _span("بغداد")
    src = _span("وكالة “ناس” العراقية")
    return Article(
        id="test-1", text=TEXT, url="https://example.org/1", outlet="الشرق اليوم", title="عنوان",
        published_at="2025-03-13T10:15:00+03:00",
        source=Source("وكالة ناس العراقية", *src),
        entities=[Entity("خالد العبيدي", *per, "PER", "خالد العبيدي", entity_id("PER", "خالد العبيدي"))],
        quotes=[Quote(TEXT[quote[0]:quote[1]], *quote, direct=True, cue="قال", cue_start=TEXT.index("قال"),
                      speaker="خالد العبيدي", speaker_role="رئيس الوزراء", speaker_entity_id=entity_id("PER", "خالد العبيدي"))],
        quantities=[Quantity(TEXT[qty[0]:qty[1]], *qty, value=3_000_000_000, approx="about", kind="money", unit="USD", category=None)],
        dates=[DateMention("أمس", *date, value="2025-03-12", resolution="day", relative=True)],
        places=[Place("بغداد", *place, name="بغداد", country_code="IQ", admin1="بغداد", lat=33.3406, lon=44.4009,
                      geonames_id=98182, feature="city")],
        themes=["economy", "politics"], cluster_id="c-1",
    )


def test_minimal_record_is_valid_and_complete() -> None:
    d = Article(id="x", text="نص").to_dict()
    validate(d)
    assert list(d) == list(RECORD_KEYS)
    assert d["schema"] == SCHEMA_ID and d["language"] == "ar"
    for key in ("entities", "quotes", "quantities", "dates", "places", "themes"):
        assert d[key] == []  # empty, never missing


def test_full_record_round_trips_through_json() -> None:
    a = full_article()
    d = a.to_dict()
    validate(d)
    text = a.to_json()
    assert json.loads(text) == d
    assert "\\u" not in text  # Arabic stays readable
    back = Article.from_json(text)
    assert back == a
    assert back.to_dict() == d
    assert Article.from_json(a.to_json(indent=2)) == a


def test_every_span_round_trips_to_the_text() -> None:
    d = full_article().to_dict()
    for key in ("entities", "quotes", "quantities", "dates", "places"):
        for item in d[key]:
            assert d["text"][item["start"]:item["end"]] == item["text"]
    src = d["source"]
    assert d["text"][src["start"]:src["end"]] == "وكالة “ناس” العراقية"


def _broken(mutate) -> dict:
    d = copy.deepcopy(full_article().to_dict())
    mutate(d)
    return d


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d.pop("quotes"), "quotes"),
    (lambda d: d.update(schema="marsad.article/0"), "schema"),
    (lambda d: d.update(language="en"), "language"),
    (lambda d: d.update(extra=1), "extra"),
    (lambda d: d.update(id=""), "id"),
    (lambda d: d.update(published_at="13/03/2025"), "published_at"),
    (lambda d: d["entities"][0].update(type="PERSON"), "entities/0/type"),
    (lambda d: d["quantities"][0].update(approx="roughly"), "approx"),
    (lambda d: d["quantities"][0].update(value="3"), "value"),
    (lambda d: d["dates"][0].update(value="12/03/2025"), "dates/0/value"),
    (lambda d: d["places"][0].update(lat=123.0), "lat"),
    (lambda d: d["places"][0].update(country_code="iq"), "country_code"),
    (lambda d: d["quotes"][0].update(speaker=5), "speaker"),
    (lambda d: d["quotes"][0].pop("speaker_role"), "speaker_role"),
    (lambda d: d["entities"][0].update(start=d["entities"][0]["start"] + 1), "differs from text"),
    (lambda d: d["entities"][0].update(end=10_000), "outside text"),
    (lambda d: d["dates"][0].update(start=5, end=4), "outside text"),
    (lambda d: d["source"].update(end=10_000), "source"),
    (lambda d: d["quotes"][0].update(cue_start=10_000), "cue_start"),
    (lambda d: d["entities"][0].update(start=-1), "start"),
])
def test_validate_names_the_problem(mutate, message: str) -> None:
    with pytest.raises(ValueError, match="invalid article record") as err:
        validate(_broken(mutate))
    assert message in str(err.value)


def test_from_dict_refuses_other_schema_versions() -> None:
    d = full_article().to_dict()
    d["schema"] = "marsad.article/2"
    with pytest.raises(ValueError, match="unsupported record schema"):
        Article.from_dict(d)


def test_schema_lists_every_record_key() -> None:
    schema = json_schema()
    assert set(schema["required"]) == set(RECORD_KEYS)
    assert set(schema["properties"]) == set(RECORD_KEYS)


def test_pipeline_records_of_the_samples_are_valid() -> None:
    from marsad.pipeline import Pipeline
    from marsad.readers import sample_articles

    pipeline = Pipeline.default()
    for raw in sample_articles():
        record = pipeline.extract(raw)
        d = record.to_dict()
        validate(d)
        assert Article.from_json(record.to_json()) == record
        assert d["text"] == raw.text  # the body exactly as received
