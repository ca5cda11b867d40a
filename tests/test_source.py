"""Outlet, dateline and source detection (component ``source``)."""

from __future__ import annotations

import pytest

from marsad.doc import Doc, RawArticle
from marsad.extract.source import SourceDetector, agency_of, clean_name, find_chrome, find_credit, find_dateline
from marsad.readers import sample_articles

BODY = "أعلنت الحكومة اليوم خطة جديدة لإعادة الإعمار في المحافظات المحررة، وقال الوزير إن “العمل سيبدأ قريبا”."


def run(text: str, outlet: str | None = None) -> Doc:
    doc = Doc(RawArticle(text=text, outlet=outlet))
    SourceDetector()(doc)
    return doc


def spans(doc: Doc, label: str) -> list[str]:
    return [doc.text[s:e] for s, e, lab in doc.boilerplate if lab == label]


# (text, expected dateline span text, expected roles) — formats seen in real Arabic news bodies.
DATELINES = [
    ("الشرق اليوم– " + BODY, "الشرق اليوم–", [("الشرق اليوم", "outlet")]),
    ("بغداد - (رويترز) - " + BODY, "بغداد - (رويترز) -", [("بغداد", "other"), ("رويترز", "agency")]),
    ("الرياض - واس\n" + BODY, "الرياض - واس", [("الرياض", "other"), ("واس", "agency")]),
    ("القاهرة (أ ف ب) - " + BODY, "القاهرة (أ ف ب) -", [("القاهرة", "other"), ("أ ف ب", "agency")]),
    ("عين اليوم – جدة\n" + BODY, "عين اليوم – جدة", [("عين اليوم", "outlet"), ("جدة", "other")]),
    ("حنان الحامدي – عين اليوم\n" + BODY, "حنان الحامدي – عين اليوم", [("حنان الحامدي", "other"), ("عين اليوم", "outlet")]),
    ("عدن - سبأ: " + BODY, "عدن - سبأ:", [("عدن", "other"), ("سبأ", "agency")]),
    ("الكويت - كونا - " + BODY, "الكويت - كونا -", [("الكويت", "other"), ("كونا", "agency")]),
    ("أنقرة (الأناضول) - " + BODY, "أنقرة (الأناضول) -", [("أنقرة", "other"), ("الأناضول", "agency")]),
    ("لندن ـ الوكالات: " + BODY, "لندن ـ الوكالات:", [("لندن", "other"), ("الوكالات", "agency")]),
    ("دبي، الإمارات العربية المتحدة (CNN)-- " + BODY, "دبي، الإمارات العربية المتحدة (CNN)--",
     [("دبي، الإمارات العربية المتحدة", "other"), ("CNN", "outlet")]),
    ("\u200bدبي، الإمارات العربية المتحدة (CNN) — " + BODY, "دبي، الإمارات العربية المتحدة (CNN) —",
     [("دبي، الإمارات العربية المتحدة", "other"), ("CNN", "outlet")]),
    ("(CNN)-- " + BODY, "(CNN)--", [("CNN", "outlet")]),
    ("عبدالله الراجحي- سبق- جدة: " + BODY, "عبدالله الراجحي- سبق- جدة:",
     [("عبدالله الراجحي", "other"), ("سبق", "outlet"), ("جدة", "other")]),
    ("بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n" + BODY, "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس",
     [("بريدة", "other"), ("واس", "agency")]),
    ("الرياض - محمد الحيدر\n" + BODY, "الرياض - محمد الحيدر", [("الرياض", "other"), ("محمد الحيدر", "other")]),
    ("البصرة – " + BODY, "البصرة –", [("البصرة", "other")]),
    ("واشنطن - أ.ف.ب - " + BODY, "واشنطن - أ.ف.ب -", [("واشنطن", "other"), ("أ.ف.ب", "agency")]),
    ("بيروت - «الحياة»\n" + BODY, "بيروت - «الحياة»", [("بيروت", "other"), ("«الحياة»", "outlet")]),
    ("بغداد/ المدى\n" + BODY, "بغداد/ المدى", [("بغداد", "other"), ("المدى", "other")]),
    ("بغداد/ الشرق اليوم\n" + BODY, "بغداد/ الشرق اليوم", [("بغداد", "other"), ("الشرق اليوم", "outlet")]),
]


@pytest.mark.parametrize(("text", "span", "roles"), DATELINES)
def test_datelines(text: str, span: str, roles: list[tuple[str, str]]) -> None:
    d = find_dateline(text)
    assert d is not None
    assert text[d.start:d.end] == span
    assert [(p.text, p.role) for p in d.parts] == roles
    for p in d.parts:
        assert text[p.start:p.end] == p.text


NOT_DATELINES = [
    BODY,
    "قال وزير الخارجية: إن المحادثات مستمرة",
    "تحطمت مقاتلة أف-16 تابعة لسلاح الجو قرب القاعدة",
    "سجل المؤشر البتروكيماوي -الذي يقيس حركة الأسعار- ارتفاعا",
    "مقتل خمسة من عناصر الأمن بهجوم قرب الموصل\n" + BODY,  # a headline line is not a dateline
    "وأضاف: “لن نقبل” - قالها بحزم",
    "الهلال - النصر",  # no body after it
    "",
]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_metadata_outlet_is_recognised_in_the_dateline() -> None:
    text = "بعقوبة – مرصد ديالى\n" + BODY
    assert find_dateline(text) is not None  # place and byline shape
    d = find_dateline(text, known_outlet="مرصد ديالى")
    assert [(p.text, p.role) for p in d.parts] == [("بعقوبة", "other"), ("مرصد ديالى", "outlet")]


# (last lines, expected name, expected span text, expected whole credit)
CREDITS = [
    ("المصدر: وكالة “ناس” العراقية", "وكالة ناس العراقية", "وكالة “ناس” العراقية", "المصدر: وكالة “ناس” العراقية"),
    ("المصدر : خلية الإعلام الأمني", "خلية الإعلام الأمني", "خلية الإعلام الأمني", "المصدر : خلية الإعلام الأمني"),
    ("(واس)", "واس", "واس", "(واس)"),
    ("(أ ف ب)", "أ ف ب", "أ ف ب", "(أ ف ب)"),
    ("نقلا عن موقع السومرية نيوز", "موقع السومرية نيوز", "موقع السومرية نيوز", "نقلا عن موقع السومرية نيوز"),
    ("نقلاً عن وكالة الأنباء العراقية (واع)", "وكالة الأنباء العراقية (واع)", "وكالة الأنباء العراقية (واع)", "نقلاً عن وكالة الأنباء العراقية (واع)"),
    ("فرانس24/ أ ف ب", "أ ف ب", "أ ف ب", "فرانس24/ أ ف ب"),
    ("فرانس 24 / أ ف ب/ رويترز", "أ ف ب، رويترز", "أ ف ب/ رويترز", "فرانس 24 / أ ف ب/ رويترز"),
    ("* خدمة «نيويورك تايمز»", "نيويورك تايمز", "«نيويورك تايمز»", "* خدمة «نيويورك تايمز»"),
    ("* بالاتفاق مع «بلومبيرغ»", "بلومبيرغ", "«بلومبيرغ»", "* بالاتفاق مع «بلومبيرغ»"),
    ("وتوقعت الوزارة نموا أسرع العام المقبل. (رويترز)", "رويترز", "رويترز", "(رويترز)"),
]


@pytest.mark.parametrize(("last", "name", "span", "whole"), CREDITS)
def test_credits(last: str, name: str, span: str, whole: str) -> None:
    text = BODY + "\n" + last + "\n"
    c = find_credit(text)
    assert c is not None
    assert c.name == name
    assert text[c.start:c.end] == span
    assert text[c.line_start:c.line_end] == whole


NOT_CREDITS = [
    BODY,
    "وقال المسؤول نقلا عن مصدر مطلع على القضية قوله أن الاجتماع تأجل إلى الأسبوع المقبل بسبب الخلافات",
    "وأكد أن الفريق سيواجه (الأهلي) في المباراة المقبلة بعد غد على ملعبه وسط حضور جماهيري",
    "وبلغت الخسائر نحو 40 مليون دولار (2019).",
]


@pytest.mark.parametrize("last", NOT_CREDITS)
def test_not_credits(last: str) -> None:
    assert find_credit(BODY + "\n" + last) is None


def test_chrome() -> None:
    text = ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك " + BODY + "\nسطر آخر من المتن. سمات الحوثي اليمن صنعاء\n"
            "// انتهى //\n20:26 ت م")
    found = {text[s:e]: lab for s, e, lab in find_chrome(text)}
    assert found["شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"] == "chrome"
    assert found["سمات الحوثي اليمن صنعاء"] == "tags"
    assert any("انتهى" in k and v == "chrome" for k, v in found.items())


def test_component_fills_outlet_source_and_boilerplate() -> None:
    doc = run("الشرق اليوم– " + BODY + "\nالمصدر: وكالة “ناس” العراقية")
    assert doc.outlet == "الشرق اليوم"
    assert doc.source is not None and doc.source.name == "وكالة ناس العراقية"
    assert doc.text[doc.source.start:doc.source.end] == "وكالة “ناس” العراقية"
    assert spans(doc, "dateline") == ["الشرق اليوم–"]
    assert spans(doc, "source") == ["المصدر: وكالة “ناس” العراقية"]
    # The credit's quote marks lie inside a boilerplate span, so no quotation extractor will read them.
    open_mark = doc.text.rindex("“")
    assert any(s <= open_mark < e for s, e, _ in doc.boilerplate)


def test_quoted_publisher_in_the_dateline_is_the_outlet() -> None:
    doc = run("الرياض: «الاقتصادية»\n" + BODY)
    assert doc.outlet == "الاقتصادية"
    doc = run("بيروت - «الحياة» - " + BODY)
    assert doc.outlet == "الحياة" and doc.source is None


def test_dateline_city_is_not_the_outlet() -> None:
    doc = run("الرياض - واس\n" + BODY)
    assert doc.outlet is None
    assert doc.source is not None and doc.source.name == "واس"
    assert doc.text[doc.source.start:doc.source.end] == "واس"
    parts = doc.user_data["dateline"]["parts"]
    assert [(p["text"], p["role"]) for p in parts] == [("الرياض", "other"), ("واس", "agency")]


def test_metadata_outlet_wins() -> None:
    doc = run("عين اليوم – جدة\n" + BODY, outlet="Ain Alyoum")
    assert doc.outlet == "Ain Alyoum"


def test_closing_credit_wins_over_dateline_agency() -> None:
    doc = run("الكويت - كونا - " + BODY + "\nالمصدر: وزارة الصحة الكويتية")
    assert doc.source.name == "وزارة الصحة الكويتية"
    assert spans(doc, "dateline") == ["الكويت - كونا -"]


def test_plain_article_gets_nothing() -> None:
    doc = run(BODY + "\nوأضاف أن الخطة ستعلن قريبا.")
    assert doc.outlet is None and doc.source is None and doc.boilerplate == []


def test_agency_lexicon_variants() -> None:
    assert agency_of("أ.ف.ب") == agency_of("ا ف ب") == agency_of("فرانس برس") == "فرانس برس"
    assert agency_of("(رويترز)") == "رويترز"
    assert agency_of("وكالة الأنباء السعودية") == "واس"
    assert agency_of("الحكومة") is None
    assert clean_name("  وكالة “ناس” العراقية. ") == "وكالة ناس العراقية"


def test_every_sample_article() -> None:
    """The bundled samples: each has a dateline or a credit, and every span lies inside the text."""
    detector = SourceDetector()
    expected_sources = {"sample-01-iraq-cabinet": "وكالة ناس العراقية", "sample-02-mosul-attack": "رويترز",
                        "sample-03-saudi-budget": "واس", "sample-05-cairo-inflation": "أ ف ب", "sample-06-doha-talks": "قنا",
                        "sample-13-ankara-visit": "الأناضول", "sample-14-diyala-ops": "خلية الإعلام الأمني"}
    for raw in sample_articles():
        doc = Doc(raw)
        detector(doc)
        assert doc.boilerplate, raw.id
        for s, e, _ in doc.boilerplate:
            assert 0 <= s < e <= len(doc.text)
        if raw.id in expected_sources:
            assert doc.source is not None and doc.source.name == expected_sources[raw.id], raw.id
