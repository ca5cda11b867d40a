"""Explicit speakers of a cue (issue 3, session 4): the clause's own subject over a person nearby —
sentences written for these tests (none copied from an article)."""

from __future__ import annotations

from .quote_helpers import ent, per, run


def test_a_common_noun_is_no_surname_of_an_earlier_group():
    # "مشايخ العشائر" ends with the common noun العشائر; "عشائر الأنبار" is another subject, not that group
    # followed by an object.
    text = ("وقال مشايخ العشائر إن الطريق الدولي سيفتح خلال أيام. "
            "ثم قالت عشائر الأنبار إنها ستحمي القوافل التجارية على الطريق.")
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["مشايخ العشائر", "عشائر الأنبار"]


def test_a_known_surname_then_its_object_still_resolves():
    text = ("وقال المدرب خوان فيرنانديث إن الفريق لعب جيدا. "
            "وأبلغ فيرنانديث الصحافيين أن الإصابات أثرت على النتيجة.")
    quotes = run(text, [per(text, "خوان فيرنانديث")])
    assert [q.speaker for q in quotes] == ["خوان فيرنانديث", "خوان فيرنانديث"]


def test_a_name_then_a_construct_role_the_lexicon_does_not_list():
    text = "وقال هيروشي تاناكا عالم الزلازل بجامعة كيوتو إن الهزة كانت أقوى من المتوقع."
    [q] = run(text)
    assert q.speaker == "هيروشي تاناكا"
    assert q.speaker_role.startswith("عالم الزلازل")


def test_a_noun_after_a_preposition_is_no_construct_role():
    text = "أكد طبيب مختص بأمراض القلب أن الصيام مفيد لمعظم المرضى."
    [q] = run(text)
    assert q.speaker == "طبيب مختص بأمراض القلب"


def test_a_body_whose_name_starts_with_lam_is_no_addressee():
    # ليون tagged whole as a club: its ل is part of the name, not "to" + an addressee
    text = "وقال ليون في بيان: إن المدافع سيغيب عن الملاعب ثلاثة أسابيع."
    [q] = run(text, [ent(text, "ليون", "ORG")])
    assert q.speaker == "ليون"


def test_a_participle_after_a_leading_adjunct_takes_the_clause_subject():
    text = ("وقال المتحدث باسم الشرطة إن التحقيق مستمر. "
            "وفي الأسبوع الماضي، استقالت وزارة النقل من اللجنة المشتركة، مؤكدة أن قراراتها لم تنفذ.")
    quotes = run(text, [ent(text, "وزارة النقل", "ORG")])
    assert quotes[-1].speaker == "وزارة النقل"


def test_a_participle_after_a_subject_and_a_cue_without_a_statement():
    text = ("وقال المتحدث باسم الحكومة إن الحوار مستمر. "
            "وكان كمال الدين حسن أعلن، الاثنين، انسحاب حزبه من الحكومة، قائلا إن الشراكة انتهت.")
    quotes = run(text, [per(text, "كمال الدين حسن")])
    assert quotes[-1].speaker == "كمال الدين حسن"


def test_a_tagged_person_after_a_long_role_chain_without_a_title():
    text = ("أكد عضو مجلس إدارة نادي الوحدة والمشرف على فريق الناشئين الأول سامي العتيبي أن الفريق "
            "سيشارك في البطولة المقبلة.")
    [q] = run(text, [per(text, "سامي العتيبي")])
    assert q.speaker == "سامي العتيبي"
    assert q.speaker_role.startswith("عضو مجلس إدارة نادي الوحدة")


def test_a_tagged_place_completes_the_role_before_the_holder():
    text = "وقال مندوب الأردن لدى الجامعة العربية خالد السعدي إن الاجتماع سيعقد الأسبوع المقبل."
    [q] = run(text, [ent(text, "الأردن", "LOC"), per(text, "خالد السعدي")])
    assert q.speaker == "خالد السعدي"


def test_the_tagged_person_after_an_object_is_no_speaker():
    # "الحارس" holds a possessed object (تصديه) before the tagged person: that person is in the object
    text = "ووصف حارس المنتخب تصديه لركلة جزاء سواريز بأنه لحظة لا تنسى."
    [q] = run(text, [per(text, "سواريز")])
    assert q.speaker != "سواريز"


def test_the_source_a_relay_cites_is_the_speaker():
    text = "وذكرت وكالات أنباء محلية، نقلا عن وزارة الصحة، أن عدد المصابين ارتفع إلى أربعين."
    [q] = run(text)
    assert q.speaker == "وزارة الصحة"


def test_ala_lisan_names_the_speaker_not_the_outlet():
    text = "ونقلت الإذاعة الرسمية على لسان الوزير كريم الساعدي قوله: \"لن نرفع الأسعار هذا العام\"."
    [q] = run(text, [per(text, "كريم الساعدي")])
    assert q.speaker == "كريم الساعدي"


def test_a_kana_clause_after_the_subject_is_not_part_of_it():
    text = "وقال طالب (19 عاما) كان بين مجموعة تقوم بإغلاق الطريق \"لن نعود إلى بيوتنا قبل تحقيق مطالبنا\"."
    [q] = run(text)
    assert q.speaker == "طالب"
