"""Speaker attribution: a long role chain before a title and the name (Saudi and Gulf press), nasab chains
(بن / بنت / آل), honorifics kept out of the role, and a later bare role word resolving to the person.
Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from marsad.doc import Doc, RawArticle
from marsad.extract.quotes import QuoteExtractor
from marsad.record import Quote


def run(text: str, person: str | None = None) -> list[Quote]:
    """Quotes of ``text``; ``person`` (if given) is added as the tagger's one PER entity, at its first place."""
    from marsad.record import Entity
    from marsad.text import entity_id

    doc = Doc(RawArticle(text=text))
    if person is not None:
        start = text.index(person)
        doc.entities.append(Entity(person, start, start + len(person), "PER", person, entity_id("PER", person)))
    QuoteExtractor(ranker=False)(doc)
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
    return doc.quotes


@pytest.mark.parametrize("sentence, speaker, role", [
    # a place after لدى inside the role
    ("وأوضح سفير خادم الحرمين الشريفين لدى جمهورية البرتغال الأستاذ سليمان بن عبدالرحمن بن ناصر أن العلاقات "
     "بين البلدين تشهد نموا مطردا.",
     "سليمان بن عبدالرحمن بن ناصر", "سفير خادم الحرمين الشريفين لدى جمهورية البرتغال"),
    # a body after على inside the role
    ("وأوضح عضو مجلس الإدارة المشرف على اللجنة الفنية المهندس خالد بن سعيد الزهراني أن الفريق سيواصل استعداداته.",
     "خالد بن سعيد الزهراني", "عضو مجلس الإدارة المشرف على اللجنة الفنية"),
    # عن بعد and عن المنكر inside the body's name; the name علي after بن
    ("وقال عميد عمادة التعليم عن بعد بجامعة الأميرة نورة الدكتور سامي بن علي الحربي إن التسجيل يبدأ غدا.",
     "سامي بن علي الحربي", "عميد عمادة التعليم عن بعد بجامعة الأميرة نورة"),
    ("وقال مساعد الرئيس العام لهيئة الأمر بالمعروف والنهي عن المنكر للشؤون الميدانية الشيخ نايف بن سالم الغامدي: "
     "إن الفرق الميدانية جاهزة.",
     "نايف بن سالم الغامدي", "مساعد الرئيس العام لهيئة الأمر بالمعروف والنهي عن المنكر للشؤون الميدانية"),
    # the role, a comma, then the titled name
    ("وقال المنسق العام للمهرجان، الدكتور بندر بن حمود العتيبي، إن عدد الزوار تضاعف هذا العام.",
     "بندر بن حمود العتيبي", "المنسق العام للمهرجان"),
    # a leading honorific stays out of the role
    ("وقال معالي رئيس هيئة الغذاء والدواء في المملكة الدكتور منصور بن فالح العنزي إن الرقابة ستشدد.",
     "منصور بن فالح العنزي", "رئيس هيئة الغذاء والدواء في المملكة"),
])
def test_name_after_a_long_role_chain(sentence, speaker, role):
    quotes = run(sentence)
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert quotes[0].speaker_role == role


def test_a_rank_in_the_chain_goes_to_the_end_of_the_role():
    quotes = run("وقال قائد قوة الطوارئ الخاصة بمنطقة تبوك اللواء فهد بن راشد الشمري إن الدوريات انتشرت في المحافظات.")
    assert quotes[0].speaker == "فهد بن راشد الشمري"
    assert quotes[0].speaker_role == "قائد قوة الطوارئ الخاصة بمنطقة تبوك، اللواء"


def test_saada_is_an_honorific_not_part_of_the_role():
    quotes = run("وأوضح مدير عام الصحة بمنطقة الباحة سعادة الدكتور ياسر بن عبدالله آل مريع أن المستشفى الجديد سيفتتح قريبا.")
    assert quotes[0].speaker == "ياسر بن عبدالله آل مريع"
    assert quotes[0].speaker_role == "مدير عام الصحة بمنطقة الباحة"


def test_an_office_after_a_short_nasab_is_not_part_of_the_name():
    quotes = run("وأكد صاحب السمو الملكي الأمير بدر بن سلطان بن عبدالعزيز أمير منطقة الجوف أن المشاريع تسير وفق الخطة.")
    assert quotes[0].speaker == "بدر بن سلطان بن عبدالعزيز"


def test_a_companion_after_the_role_is_not_the_speaker():
    quotes = run("وقال وزير الخارجية خلال لقائه مع نظيره الأردني الدكتور هشام بن سعد الفايز إن المحادثات كانت مثمرة.")
    assert quotes[0].speaker != "هشام بن سعد الفايز"


def test_a_later_bare_role_word_resolves_to_the_person_named_with_the_chain():
    text = ("وأوضح سفير خادم الحرمين الشريفين لدى جمهورية البرتغال الأستاذ سليمان بن عبدالرحمن بن ناصر أن العلاقات "
            "بين البلدين تشهد نموا مطردا.\n\nوأشار السفير إلى أن السفارة تستعد لاستقبال وفد تجاري الشهر المقبل.")
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["سليمان بن عبدالرحمن بن ناصر"] * 2


def test_a_later_office_resolves_to_the_titled_person_named_before_it_outside_speech():
    text = ("استقبل صاحب السمو الملكي الأمير الدكتور بدر بن سلطان بن عبدالعزيز أمير منطقة الجوف، وفد الغرفة "
            "التجارية في مكتبه.\n\nوأكد أمير منطقة الجوف، أن المنطقة تشهد نهضة تنموية كبيرة.")
    [q] = run(text)
    assert q.speaker == "بدر بن سلطان بن عبدالعزيز"
    assert q.speaker_role == "أمير منطقة الجوف"


def test_a_bare_definite_office_finds_the_holder_named_after_a_long_chain_outside_speech():
    text = ("وصل سفير خادم الحرمين الشريفين لدى البرتغال الأستاذ سليمان بن عبدالرحمن بن ناصر إلى لشبونة أمس.\n\n"
            "وقال السفير إن الزيارة تهدف إلى تعزيز التعاون.")
    [q] = run(text)
    assert q.speaker == "سليمان بن عبدالرحمن بن ناصر"


def test_an_untitled_indefinite_officer_is_not_the_holder_of_a_later_definite_one():
    text = ("وحاول ضابط إسرائيلي تهدئة الحشد قرب البلدة.\n\nفقال لهم الضابط، إن الجريحين سينقلان إلى المستشفى.")
    [q] = run(text)
    assert q.speaker != "إسرائيلي"


def test_the_tagged_person_after_a_company_in_the_role_is_the_speaker():
    text = "وقالت الرئيسة التنفيذية لمجموعة سنترا الأمريكية جوليا فيرنانديز إن الشركة ستتوسع في آسيا."
    name = "جوليا فيرنانديز"
    [q] = run(text, name)
    assert q.speaker == name
    assert q.speaker_role == "الرئيسة التنفيذية لمجموعة سنترا الأمريكية"
    # without the tagger's person the rules cannot tell the company from the name: no change
    assert run(text)[0].speaker != name


def test_a_quoted_body_inside_the_role_then_the_tagged_person():
    text = 'ورأى المحلل لدى "نورث بريدج" سايمون ويلكس في مذكرة أن العملة ستواصل التراجع.'
    name = "سايمون ويلكس"
    [q] = run(text, name)
    assert q.speaker == name
    assert q.speaker_role == 'المحلل لدى "نورث بريدج"'


def test_a_tagged_subject_right_before_an_office_is_not_its_holder():
    text = ("ومنح الرئيس ماركوس فيلان الممثل التجاري مهلة أسبوعين لإعداد القائمة.\n\n"
            "وقال الممثل التجاري إن القائمة ستنشر قريبا.")
    name = "ماركوس فيلان"
    [q] = run(text, name)
    assert q.speaker != name


def test_two_coordinated_offices_do_not_give_the_first_one_the_second_ones_holder():
    text = ("وبعد اجتماع بين أمير الدولة والرئيس الزائر بيتر هولم استمر ساعتين، صدر بيان مشترك.\n\n"
            "وأعلن أمير الدولة أن بلاده ستدعم المشاريع المشتركة.")
    [q] = run(text)
    assert q.speaker != "بيتر هولم"
