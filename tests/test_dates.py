"""Dates: absolute forms, Hijri, years, relative expressions resolved against publication time."""

from __future__ import annotations

from datetime import datetime

import pytest

from marsad.doc import RawArticle
from marsad.extract.dates import DateExtractor, find_dates
from marsad.pipeline import Pipeline
from marsad.record import validate

PUBLISHED = datetime(2018, 5, 10, 9, 30)  # a Thursday


def only(text: str, published=PUBLISHED):
    ds = find_dates(text, published)
    assert len(ds) == 1, ds
    d = ds[0]
    assert text[d.start:d.end] == d.text
    return d


ABSOLUTE = [
    ("قتل في 11 حزيران/يونيو 2020 عدد من المدنيين", "11 حزيران/يونيو 2020", "2020-06-11", "day"),
    ("وقع الحادث في ١١ يونيو ٢٠٢٠ قرب الحدود", "١١ يونيو ٢٠٢٠", "2020-06-11", "day"),
    ("صدر القرار بتاريخ 2020/6/11 عن الوزارة", "2020/6/11", "2020-06-11", "day"),
    ("صدر القرار بتاريخ ١١-٦-٢٠٢٠ عن الوزارة", "١١-٦-٢٠٢٠", "2020-06-11", "day"),
    ("اجتمع المجلس في 3 كانون الثاني 2019", "3 كانون الثاني 2019", "2019-01-03", "day"),
    ("تأسس الحزب في تشرين الأول/أكتوبر 2014", "تشرين الأول/أكتوبر 2014", "2014-10", "month"),
    ("اندلعت الأزمة منتصف مارس(آذار) 2011", "مارس(آذار) 2011", "2011-03", "month"),
    ("وقعت الاتفاقية في 5 جويلية 2019 بالجزائر", "5 جويلية 2019", "2019-07-05", "day"),
    ("هبط على القمر في 21 يوليو من عام 1969", "21 يوليو من عام 1969", "1969-07-21", "day"),
    ("يعود الاتفاق إلى الحادي والعشرين من مايو 2017", "الحادي والعشرين من مايو 2017", "2017-05-21", "day"),
    ("الرياض 25 شوال 1436 هـ واس", "25 شوال 1436 هـ", "2015-08-10", "day"),
    ("حتى تاريخ 21 /10 /1436هـ والبالغ", "21 /10 /1436هـ", "2015-08-06", "day"),
    ("وقع في ١٥ رمضان ١٤٤١ هـ", "١٥ رمضان ١٤٤١ هـ", "2020-05-08", "day"),
    ("رفع للمقام السامي عام 1429هـ", "عام 1429هـ", "2008", "year"),
    ("ضم القرم في عام 2014 بشكل غير قانوني", "عام 2014", "2014", "year"),
    ("بدأت الشركة نشاطها عام 2010م", "عام 2010م", "2010", "year"),
    ("تنتهي ولايته حتى 2024 على الأقل", "2024", "2024", "year"),
]


@pytest.mark.parametrize(("text", "span", "value", "resolution"), ABSOLUTE)
def test_absolute(text, span, value, resolution):
    d = only(text)
    assert (d.text, d.value, d.resolution, d.relative) == (span, value, resolution, False)


def test_hijri_day_without_year_is_resolved_near_publication():
    ds = find_dates("تنطلق البطولة في الثامن من شهر ذي القعدة المقبل", datetime(2015, 8, 10))
    assert [(d.text, d.value, d.relative) for d in ds] == [("الثامن من شهر ذي القعدة المقبل", "2015-08-23", True)]


def test_day_ranges_share_the_month():
    ds = find_dates("يقام المعرض من 4 إلى 22 يناير 2017", PUBLISHED)
    assert [(d.text, d.value) for d in ds] == [("4", "2017-01-04"), ("22 يناير 2017", "2017-01-22")]


def test_numeric_dates_need_exactly_one_year_field():
    ds = find_dates("صدر في 2018/4/5 وفي 11/6/20 بينما بلغ المؤشر 1.5.2", PUBLISHED)
    assert [d.value for d in ds] == ["2018-04-05", "2020-06-11"]


def test_year_ranges_give_two_years():
    ds = find_dates("ارتفعت الأسعار في الأعوام ما بين 2014 و2020", PUBLISHED)
    assert [(d.text, d.value) for d in ds] == [("2014", "2014"), ("2020", "2020")]


RELATIVE = [
    ("قال الوزير اليوم إن", "اليوم", "2018-05-10", "day"),
    ("أعلن الجيش أمس عن", "أمس", "2018-05-09", "day"),
    ("يصل الوفد غدا إلى", "غدا", "2018-05-11", "day"),
    ("قال اليوم الخميس إن", "اليوم الخميس", "2018-05-10", "day"),
    ("أكد البيان الصادر الخميس الماضي", "الخميس الماضي", "2018-05-03", "day"),
    ("وكان قد التقى الثلاثاء بالرئيس", "الثلاثاء", "2018-05-08", "day"),
    ("ومن المقرر أن تعقد القمة السبت", "السبت", "2018-05-12", "day"),
    ("تبدأ المفاوضات الأسبوع المقبل", "الأسبوع المقبل", "2018-05-14", "day"),
    ("ارتفعت الأسعار الشهر الماضي", "الشهر الماضي", "2018-04", "month"),
    ("تراجع النمو العام الماضي", "العام الماضي", "2017", "year"),
    ("وصل الوفد منذ ثلاثة أيام", "منذ ثلاثة أيام", "2018-05-07", "day"),
    ("انطلقت القافلة مساء اليوم نحو", "مساء اليوم", "2018-05-10", "day"),
    ("اجتمعا لأول مرة منذ 13 عاما", "منذ 13 عاما", "2005", "year"),
    ("بدأت الأزمة في يناير الماضي", "يناير الماضي", "2018-01", "month"),
    ("ينتهي العقد في 30 يونيو المقبل", "30 يونيو المقبل", "2018-06-30", "day"),
    ("سيلتقي الرئيسان في 12 يونيو بسنغافورة", "12 يونيو", "2018-06-12", "day"),
    ("اختفت في الثامن من مارس آذار العام الماضي", "الثامن من مارس آذار العام الماضي", "2017-03-08", "day"),
    ("تستأنف المحادثات الثلاثاء من الأسبوع المقبل", "الثلاثاء من الأسبوع المقبل", "2018-05-15", "day"),
    ("تنتهي المهلة في 20 من الشهر القادم", "20 من الشهر القادم", "2018-06-20", "day"),
    ("يبدأ التطبيق في يونيو العام المقبل", "يونيو العام المقبل", "2019-06", "month"),
]


@pytest.mark.parametrize(("text", "span", "value", "resolution"), RELATIVE)
def test_relative(text, span, value, resolution):
    d = only(text)
    assert (d.text, d.value, d.resolution, d.relative) == (span, value, resolution, True)


@pytest.mark.parametrize("text", ["قال اليوم الخميس إن", "أعلن الجيش أمس", "الأسبوع المقبل", "منذ ثلاثة أيام", "11 مايو"])
def test_no_publication_time_means_no_value(text):
    d = only(text, published=None)
    assert d.value is None and d.relative


def test_today_before_a_subject_but_not_before_an_ordinal():
    assert [d.text for d in find_dates("أعلن اليوم المتحدث باسم الوزارة", PUBLISHED)] == ["اليوم"]
    assert find_dates("تتواصل الفعاليات في اليوم الثالث", PUBLISHED) == []


NOT_DATES = [
    "وصل 1200 جندي إلى القاعدة",
    "يمارس الضغط على الحكومة",
    "وقع ذلك في اليوم التالي للهجوم",
    "قال لصحيفة اليوم إن",
    "بعد ستة أشهر قضاها على رأس الإدارة",
    "حلقت طائرات اف 16",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_dates(text, PUBLISHED) == []


def test_component_fills_valid_record_with_exact_offsets():
    text = "المدينة المنورة 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\nأعلن أمس الاثنين عن 3 مشاريع."
    record = Pipeline([DateExtractor()]).extract(RawArticle(text, published_at="2015-08-11T13:42:47"))
    validate(record.to_dict())
    assert [(d.text, d.value) for d in record.dates] == [
        ("26 شوال 1436 هـ", "2015-08-11"), ("11 اغسطس 2015 م", "2015-08-11"), ("أمس الاثنين", "2015-08-10")]


PREVIEWS = [
    # a present-tense verb of a scheduled event before a weekday: the coming day (published Thursday 10 May)
    ("ويلتقي المنتخبان في العاصمة يوم السبت", "2018-05-12"),
    ("وتنطلق المنافسات الاثنين بمشاركة عشرين دولة", "2018-05-14"),
    ("تعقد اللجنة اجتماعها الدوري الأحد", "2018-05-13"),
    ("ويستضيف الفريق منافسه الثلاثاء", "2018-05-15"),
    # past meanings stay past: كان + present, لم + present, منذ, and reporting verbs
    ("وكان الفريق يلعب السبت على أرضه", "2018-05-05"),
    ("الغارة التي لم يعلن أحد مسؤوليته عنها الاثنين", "2018-05-07"),
    ("قالت الوزيرة التي تزور باريس منذ الاثنين إن المحادثات مثمرة", "2018-05-07"),
    ("ويقول شهود إن الانفجار وقع الثلاثاء", "2018-05-08"),
]


@pytest.mark.parametrize(("text", "value"), PREVIEWS)
def test_weekday_previews_in_the_present_tense(text, value):
    (d,) = find_dates(text, PUBLISHED)
    assert d.value == value


YEAR_FORMS = [
    # text, [(span, value)] — published Thursday 10 May 2018
    ("حكم البلاد رئيس الوزراء الأسبق (1954- 1962) ثم اعتزل", [("1954", "1954"), ("1962", "1962")]),
    ("شارك في الحرب الأهلية ( 1975 – 1990 ) مقاتلا", [("1975", "1975"), ("1990", "1990")]),
    ("ارتفعت المبيعات خلال النصف الأول من العام الجاري 2018 بشكل واضح", [("العام الجاري 2018", "2018")]),
    ("وتبدأ الدورة البرلمانية أكتوبر من العام الحالي", [("أكتوبر من العام الحالي", "2018-10")]),
    ("وقعت الحادثة في فبراير من العام الماضي", [("فبراير من العام الماضي", "2017-02")]),
    ("ينتهي عقده في مايو من العام المقبل 2019م", [("مايو من العام المقبل 2019م", "2019-05")]),
    ("إذا فاز في الانتخابات الرئاسية 2020 فسيكون", [("2020", "2020")]),
]


@pytest.mark.parametrize(("text", "expected"), YEAR_FORMS)
def test_year_forms(text, expected):
    assert [(d.text, d.value) for d in find_dates(text, PUBLISHED)] == expected


def test_bracketed_score_is_no_year_range():
    assert find_dates("فاز الفريق (2-1) على ضيفه", PUBLISHED) == []


def test_day_of_the_current_month():
    assert [(d.text, d.value) for d in find_dates("ويستمر المعسكر حتى 25 الجاري", PUBLISHED)] == [("25 الجاري", "2018-05-25")]


def test_year_lists_in_brackets_and_more_year_triggers():
    got = [(d.text, d.value) for d in find_dates("الخطة للسنوات (2016ــ2017- 2018) ومنذ ثورة 2011 ورؤية المملكة 2030", PUBLISHED)]
    assert [v for _, v in got] == ["2016", "2017", "2018", "2011", "2030"]
    assert [t for t, _ in got][1:] == ["2017", "2018", "2011", "2030"]


def test_tomorrow_with_weekday_after_yawm():
    assert [(d.value) for d in find_dates("تعقد اللجنة يوم غد الجمعة اجتماعها", PUBLISHED)] == ["2018-05-11"]


def test_weekday_after_a_first_name_is_a_family_name():
    assert find_dates("وأكد رئيس اللجنة محمد الخميس أن العمل مستمر", PUBLISHED) == []
    # a full name then the weekday is still a date
    assert [d.value for d in find_dates("استقبل الملك سلمان الخميس الوفد", PUBLISHED)] == ["2018-05-10"]


def test_a_written_date_fixes_the_weekday_before_it():
    got = [(d.text, d.value) for d in find_dates("تستمر الحملة من يوم الاثنين 9/11/1436هـ إلى الأحد 15/11/1436هـ", PUBLISHED)]
    assert got == [("الاثنين", "2015-08-24"), ("9/11/1436هـ", "2015-08-24"), ("الأحد", "2015-08-30"), ("15/11/1436هـ", "2015-08-30")]


def test_ordinal_hijri_day_with_this_year():
    (d,) = [d for d in find_dates("رؤية الهلال مساء التاسع والعشرين من شهر شعبان لهذا العام 1439هـ", PUBLISHED) if d.resolution == "day"]
    assert d.value == "2018-05-15"


@pytest.mark.parametrize("text", ["وجرت الانتخابات في نفس اليوم", "خسرت السوق 8 في المائة في ذلك اليوم وحده"])
def test_the_same_day_is_not_today(text):
    assert find_dates(text, PUBLISHED) == []
