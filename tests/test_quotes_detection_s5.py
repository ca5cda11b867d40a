"""Quote detection, session 5: sentences written for these tests (never copied from an article).

Each test names the mechanism it covers in src/marsad/extract/quotes.py.
"""

from __future__ import annotations

from .quote_helpers import per, run


def found(text: str, entities=None) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in run(text, entities)]


# --- characterised_quote: وصف / اعتبر / نعت + the quoted term --------------------------------

def test_relative_clause_with_a_named_describer_after_the_verb():
    text = ("وانسحبت الحكومة من المعاهدة التجارية التي وصفها وزير المالية سامر القاسمي، في وقت سابق، "
            "بـ\"المجحفة\".")
    assert ("المجحفة", "سامر القاسمي") in found(text, [per(text, "سامر القاسمي")])


def test_ma_wasafathu_refers_to_the_subject_of_the_sentence():
    text = ("وطالبت الهيئة الوطنية للمعلمين الوزارة بالتراجع عن ما وصفته بـ«القرار المتسرع» "
            "قبل بدء العام الدراسي.")
    assert found(text) == [("القرار المتسرع", "الهيئة الوطنية للمعلمين")]


def test_the_ba_inside_the_marks():
    text = "وأدان المجلس البلدي ما وصفه “بالإهمال المتعمد” في صيانة الطرق الريفية."
    assert [t for t, _ in found(text)] == ["بالإهمال المتعمد"]


def test_itabara_takes_the_quoted_term_of_its_object_without_a_preposition():
    text = "ورفض المدرب كمال الحسيني الانتقادات، واعتبر أداء فريقه \"مقبولا\" في ظل الغيابات."
    qs = found(text, [per(text, "كمال الحسيني")])
    assert ("مقبولا", "كمال الحسيني") in qs


def test_wasf_without_ba_is_not_a_term():
    # The quoted words are the object described, not the description.
    text = "ونشرت الصحيفة تقريرا وصف \"مهرجان الصيف\" الذي أقيم في المدينة الساحلية."
    assert found(text) == []


def test_negated_characterisation_is_not_a_quote():
    text = "ولم يصف الوزير الحادث بـ\"الإرهابي\" في حديثه إلى الصحفيين."
    assert all(t != "الإرهابي" for t, _ in found(text))
