"""Quantities: values, approximators, money (ISO codes), percent, counted noun, category, and what is not a quantity."""

from __future__ import annotations

import pytest

from marsad.doc import RawArticle
from marsad.extract.dates import DateExtractor
from marsad.extract.quantities import CATEGORIES, QuantityExtractor, find_quantities
from marsad.pipeline import Pipeline
from marsad.record import validate


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


CASES = [
    # text, span, value, approx, kind, unit, category
    ("قتل أكثر من 100 شخص في هجوم على سوق شعبي", "100", 100, "more_than", "count", "شخص", "KILL"),
    ("وأصيب ما لا يقل عن 25 مدنيا بجروح", "25", 25, "more_than", "count", "مدنيا", "WOUND"),
    ("اعتقلت الشرطة نحو 50 متظاهرا وسط العاصمة", "50", 50, "about", "count", "متظاهرا", "ARREST"),
    ("نزح قرابة ثلاثة آلاف شخص من القرى الحدودية", "ثلاثة آلاف", 3000, "about", "count", "شخص", "DISPLACED"),
    ("وصل 1200 جندي أمريكي إلى القاعدة", "1200", 1200, "exact", "count", "جندي", "TROOPS"),
    ("أفرجت السلطات عن 50 معتقلا الأحد", "50", 50, "exact", "count", "معتقلا", "RELEASE"),
    ("اختطف مسلحون 12 عاملا أجنبيا", "12", 12, "exact", "count", "عاملا", "KIDNAP"),
    ("أطلقت الفصائل أكثر من 1400 قذيفة على البلدة", "1400", 1400, "more_than", "count", "قذيفة", "ATTACK"),
    ("تعهدت الدول المانحة بتقديم 1.5 مليار دولار مساعدات إنسانية", "1.5 مليار دولار", 1_500_000_000, "exact", "money", "USD", "AID"),
    ("بلغت الخسائر حوالي 3 آلاف جنيه مصري", "3 آلاف جنيه مصري", 3000, "about", "money", "EGP", None),
    ("رصدت الحكومة خمسة ملايين دينار عراقي للمشروع", "خمسة ملايين دينار عراقي", 5_000_000, "exact", "money", "IQD", None),
    ("بلغت قيمة الصفقة 64.7 مليار ريال", "64.7 مليار ريال", 64_700_000_000, "exact", "money", "SAR", None),
    ("وقدرت الخسائر بـ 155مليون يورو", "155مليون يورو", 155_000_000, "exact", "money", "EUR", None),
    ("ارتفعت البطالة بنسبة 5.5% خلال الربع الأول", "5.5%", 5.5, "exact", "percent", None, None),
    ("يسيطر التنظيم على نحو 80 في المئة من المخيم", "80 في المئة", 80, "about", "percent", None, None),
    ("انخفض المؤشر ٢٫٥ بالمئة", "٢٫٥ بالمئة", 2.5, "exact", "percent", None, None),
    ("تظاهر عشرات الآلاف في العاصمة", "عشرات الآلاف", 10_000, "more_than", "count", None, "PROTEST"),
    ("قضت المحكمة بسجن 10 متهمين", "10", 10, "exact", "count", "متهمين", "ARREST"),
    ("قضى 10 أعوام في السجن تقريبا", "10", 10, "exact", "count", "أعوام", None),
    ("يبلغ عدد سكانه 225 ألفا", "225 ألفا", 225_000, "exact", "count", None, None),
    ("أنفق مليار ونصف دولار", "مليار ونصف دولار", 1_500_000_000, "exact", "money", "USD", None),
]


@pytest.mark.parametrize(("text", "span", "value", "approx", "kind", "unit", "category"), CASES)
def test_quantity(text, span, value, approx, kind, unit, category):
    q = one(text)
    assert (q.text, q.value, q.approx, q.kind, q.unit) == (span, pytest.approx(value), approx, kind, unit)
    assert text[q.start:q.end] == q.text
    if category is not None:
        assert q.category == category


NOT_QUANTITIES = [
    "حلقت طائرات اف 16 فوق المدينة",
    "اشترت الشركة طائرات F-16 و A320",
    "تسلمت شركة الطيران طائرة بوينغ 737",
    "نصت المادة 5 من الدستور على ذلك",
    "طالب بتطبيق القرار 2254 الصادر عن مجلس الأمن",
    "يبدأ الاجتماع الساعة 10:30 صباحا",
    "للاستفسار الاتصال على الرقم 0555123456",
    "تنطلق الدورة الـ19 من المهرجان",
    "وقع الانفجار في عام 2014",
    "فاز الفريق 2-1 على ضيفه",
    "زوروا الموقع https://example.com/news/2020/12345",
    "قال أحد المسؤولين إن",
    "بثت قناة فرانس24 التقرير",
    "فاز الفريق على ضيفه 3 - 1 مساء",
    "المفاوضات بين إيران ومجموعة 5 + 1",
    "الكمية الضرورية من اليورانيوم-235",
    "وأثنى الوزير على الجهود",
    "في الدقيقتين 86 و94 من المباراة",
    "راسلونا على news.desk.1@example.com",
    "وصل الفريق إلى الدور ربع النهائي",
    "احتل الفريق المركز الثامن عشر",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text):
    from marsad.extract.dates import find_dates

    skip = [(d.start, d.end) for d in find_dates(text)]
    assert find_quantities(text, skip=skip) == []


def test_bracketed_digits_and_definite_teens():
    assert [(q.text, q.value, q.unit) for q in find_quantities("خصص (100) ألف ريال لكل بلدية")] == [("(100) ألف ريال", 100_000, "SAR")]
    assert [(q.text, q.value) for q in find_quantities("أغلقت قطاعات السوق الخمسة عشر على ارتفاع")] == [("الخمسة عشر", 15)]
    assert [(q.value, q.unit) for q in find_quantities("ولمدة ( 21 ) يوماً")] == [(21, "يوماً")]


def test_range_shares_the_unit():
    qs = find_quantities("قتل ما بين 10 و15 شخصا")
    assert [(q.value, q.unit) for q in qs] == [(10, "شخصا"), (15, "شخصا")]


def test_category_prefers_the_event_over_who_was_counted():
    qs = find_quantities("أسفر الهجوم عن مقتل ثلاثة جنود وإصابة خمسة آخرين")
    assert [(q.value, q.category) for q in qs] == [(3, "KILL"), (5, "WOUND")]


def test_definite_number_adjective():
    (q,) = find_quantities("يكشف التقرير السيناريوهات الأربعة")
    assert (q.text, q.value, q.unit) == ("الأربعة", 4, "السيناريوهات")


def test_dotted_thousands_for_countable_nouns_only():
    qs = find_quantities("بلغ عدد المراجعين 74.318 مراجعا وحمولة 584.376 طناً")
    assert [q.value for q in qs] == [74318, 584.376]


def test_categories_are_documented():
    assert {"KILL", "WOUND", "ARREST", "KIDNAP", "DISPLACED", "PROTEST", "TROOPS", "AID"} <= set(CATEGORIES)


def test_component_skips_dates_and_fills_a_valid_record():
    text = "قتل 5 جنود أمس في 11 مايو 2018 كما وصل 2000 لاجئ، وفق بيان صدر عام 2019"
    record = Pipeline([DateExtractor(), QuantityExtractor()]).extract(RawArticle(text, published_at="2018-05-12T10:00:00+00:00"))
    validate(record.to_dict())
    assert [(q.value, q.category) for q in record.quantities] == [(5, "KILL"), (2000, "DISPLACED")]
    assert {d.text for d in record.dates} >= {"11 مايو 2018", "عام 2019"}


def test_component_works_without_dates_component():
    record = Pipeline([QuantityExtractor()]).extract(RawArticle("في عام 2014 قتل 30 شخصا"))
    assert [q.value for q in record.quantities] == [30]


CATEGORY_AT_A_DISTANCE = [
    # text, value, category: cues far from the number, in the same clause
    ("وقصفت الطائرات الحربية فجر الأحد بحسب مصادر محلية نحو 30 موقعا للمسلحين", 30, "ATTACK"),
    ("وأغارت المقاتلات على ما قالت إنها عشرات المخازن العسكرية", 10, "ATTACK"),
    ("شنّت القوات هجوما واسعا دمرت خلاله ما يقارب 15 منزلا في القرية", 15, "ATTACK"),
    ("أقلعت قافلة الإغاثة التركية من المعبر صباحا وهي محملة بأدوية وأغذية تزن 40 طنا", 40, "AID"),
    ("أعلنت المنظمة أن 4 ملايين شخص في البلاد بحاجة ماسة إلى مساعدات غذائية", 4_000_000, "AID"),
    ("استهدفت الغارة 3 منازل في الحي الشرقي", 3, "ATTACK"),
    ("سقطت على المدينة 12 عبوة ناسفة", 12, "ATTACK"),
    ("اندمج أكثر من 20 فصيلا مسلحا في تشكيل واحد", 20, "TROOPS"),
    ("أصدرت المحكمة حكما بحق 7 نساء حكم عليهن بالسجن المؤبد", 7, "ARREST"),
]


@pytest.mark.parametrize(("text", "value", "category"), CATEGORY_AT_A_DISTANCE)
def test_category_cues_at_a_distance(text, value, category):
    (q,) = [q for q in find_quantities(text) if q.value == value]
    assert q.category == category


def test_far_cues_do_not_reach_people_durations_or_everyday_things():
    # the explosion is no attack count for the lava height, nor the scholarship for the duration
    assert one("ويصل ارتفاع الحمم البركانية المتفجرة من الشقوق إلى 70 مترا").category is None
    assert one("فازت الطالبة بمنحة دراسية كاملة التكاليف لمدة 4 أشهر").category is None
    assert one("قاد اللاعب الهجوم طوال الموسم الماضي وسجل خلاله 12 هدفا").category is None
    assert one("تضم المستودعات عشرات الصناديق العسكرية").category is None


def test_military_adjective_on_a_target_is_no_troops():
    assert one("دمرت الضربات عشرات المواقع العسكرية").category == "ATTACK"
    assert one("تحطمت ثلاث طائرات عسكرية خلال التدريب").category is None


def test_total_in_an_aside_takes_no_category_from_the_predicate():
    qs = find_quantities("يعاني سكان البلد البالغ عددهم 30 مليون نسمة بحاجة إلى مساعدات بينهم 8 ملايين طفل")
    by_value = {q.value: q.category for q in qs}
    assert by_value[30_000_000] is None


APPROX_VERB_FAR = [
    ("وتجاوزت الطلبات التي تلقتها الهيئة خلال العام 12 ألف طلب", 12_000, "more_than"),
    ("ولم يتجاوز عدد المشتركين في الخدمة 3 ملايين مشترك", 3_000_000, "less_than"),
    ("يشترط ألا تتجاوز مدة العقد ستة أشهر", 6, "less_than"),
    ("وتخطت صادرات المملكة من التمور 200 ألف طن", 200_000, "more_than"),
    # the verb already has its object (a duration), and a nearer number word takes the verb
    ("أقام المنتخب معسكرا تجاوز الأسبوعين لعب خلاله اللاعبون خمس مباريات", 5, "exact"),
    ("يملك قائمة عقارات يقارب عددها الثلاثين وتتخطى قيمتها 40 مليون دولار", 40_000_000, "more_than"),
    # a number behind a preposition is not the verb's object
    ("وتجاوز الجيش الحدود في 3 مواقع", 3, "exact"),
]


@pytest.mark.parametrize(("text", "value", "approx"), APPROX_VERB_FAR)
def test_approximating_verb_with_a_long_subject(text, value, approx):
    (q,) = [q for q in find_quantities(text) if q.value == value]
    assert q.approx == approx


def test_approximating_verb_in_the_plural_right_before_the_number():
    assert one("يعاني نصف الرجال الذين تجاوزوا 50 عاما من المرض").approx == "more_than"


NOT_AMOUNTS = [
    "وجاءت النتائج كالتالي: 1- خالد العتيبي من الرياض. 2- سعد المطيري من جدة.",
    "وتبدأ مراسم الافتتاح الساعة 16,00 (13,00 ت غ) بحضور الضيوف",
    "وعرض الفيلم في المهرجان بنسخته 68 وسط إقبال",
    "وحلت مجموعة \"بلاك ستون\" ثالثة في الترتيب",
    "وفاز مرشح عن حزب سبعة في الدائرة الثانية",
    "للاشتراك أرسل رسالة تبدأ بالرمز 162 ثم مسافة",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_enumerators_codes_and_names_are_not_amounts(text):
    assert [q.text for q in find_quantities(text) if q.value < 1000] == []


def test_bracketed_counts_are_still_amounts():
    assert [q.value for q in find_quantities("شارك (14) رئيس مركز في الورشة ولمدة ( 21 ) يوما")] == [14, 21]


def test_number_of_noun_names_what_a_bare_number_counts():
    assert one("وصل عدد الغارات على المديرية إلى أكثر من 20").category == "ATTACK"
    q = one("وارتفعت حصيلة القتلى إلى 45 بحسب المصادر")
    assert (q.category, q.unit) == ("KILL", None)
    qs = find_quantities("ارتفع عدد القتلى إلى 58 والجرحى إلى 2771")
    assert qs[0].category == "KILL"


def test_a_coordinated_event_belongs_to_the_next_number():
    qs = find_quantities("أسفر القصف عن مقتل أكثر من 40 مدنيا وإصابة 90 آخرين")
    assert [(q.value, q.category) for q in qs] == [(40, "KILL"), (90, "WOUND")]
    qs = find_quantities("اعتقلت القوات 30 شخصا وأفرجت عن 10 منهم")
    assert [(q.value, q.category) for q in qs] == [(30, "ARREST"), (10, "RELEASE")]


@pytest.mark.parametrize("text", [
    "وارتفع المؤشر يورو ستوكس 50 والمؤشر كاك 40 الفرنسي",
    "وخسرت المصنفة 12 في البطولة أمام منافستها",
    "في خرق للقرار الأممي (2216) والقرار (2231)",
])
def test_index_names_rankings_and_bracketed_resolutions_are_labels(text):
    assert find_quantities(text) == []


SPLIT_APPROXIMATORS = [
    # the subject stands between the verb and its preposition
    ("بشرط ألا يقل عدد المشاركين في الدورة عن 20 مشاركا", 20, "more_than"),
    ("ويجب ألا تزيد مدة الإقامة على 90 يوما", 90, "less_than"),
    ("وتقل أعمار معظم الضحايا عن 14 عاما", 14, "less_than"),
    ("ويزيد عدد سكان المدينة على مليون نسمة", 1_000_000, "more_than"),
    ("قتل المسلحون مالا يقل عن 16 قرويا", 16, "more_than"),
    ("تراجعت الصادرات إلى ما يزيد قليلا عن مليون برميل", 1_000_000, "more_than"),
]


@pytest.mark.parametrize(("text", "value", "approx"), SPLIT_APPROXIMATORS)
def test_approximator_split_by_its_subject(text, value, approx):
    (q,) = [q for q in find_quantities(text) if q.value == value]
    assert q.approx == approx


def test_definite_teen_after_noun_and_adjective():
    (q,) = find_quantities("أحد المشاريع الحكومية الاثني عشر المعلنة")
    assert (q.text, q.value, q.unit) == ("الاثني عشر", 12, "المشاريع")


@pytest.mark.parametrize("text", [
    "فاز الفريق باللقب للمرة 14 في تاريخه",
    "صدر الأمر الملكي رقم (أ/44) أمس",
    "ضمن فعاليات مهرجان الطائف 12 المقام حاليا",
])
def test_more_labels(text):
    assert find_quantities(text) == []


def test_festival_counting_films_is_an_amount():
    assert one("عرض مهرجان الأفلام 25 فيلما").value == 25


def test_error_listing_names_category_mismatches():
    from marsad.evaluation.quantities_dates import ArticleResult, errors, score_article

    gold = [{"start": 0, "end": 2, "text": "10", "value": 10, "approx": "exact", "kind": "count", "unit": None, "category": "KILL"}]
    pred = [{"start": 0, "end": 2, "text": "10", "value": 10, "approx": "exact", "kind": "count", "unit": None, "category": "WOUND"}]
    counts, pairs, spurious = score_article("quantities", gold, pred)
    assert counts.full == 1 and counts.extra["category"] == [0, 1]
    lines = errors([ArticleResult("a1", "dev", counts, pairs, spurious)], "quantities")
    assert lines == ["CAT   a1 '10' category KILL/WOUND"]
