"""Explicit speakers: the cue's own subject, after or before it — a name with its title and role, long role
chains, where the subject zone starts and ends, and documents, relays and records as speakers. Sentences
written for these tests (none copied from an article)."""

from __future__ import annotations

import pytest

from marsad.record import Entity
from marsad.text import entity_id

from .quote_helpers import both, ent, per, run, speakers


# --- the speaker forms, with the rules alone and with the ranker --------------------------

@both
def test_explicit_speaker_keeps_role_and_rank_apart(ranker):
    text = "وقال المتحدث باسم القيادة المشتركة العقيد سامر الحداد للصحفيين إن القوات استعادت السيطرة على الجسر."
    [q] = run(text, ranker=ranker)
    assert q.speaker == "سامر الحداد"
    assert q.speaker_role == "المتحدث باسم القيادة المشتركة، العقيد"
    assert q.text == "القوات استعادت السيطرة على الجسر"


@both
def test_speaker_before_the_cue(ranker):
    text = "أما وزير الزراعة الأردني فقد قال إن موسم القمح هذا العام هو الأفضل منذ عقد."
    [q] = run(text, ranker=ranker)
    assert q.speaker == "وزير الزراعة الأردني"


@both
def test_institution_speaks_as_a_whole_with_a_feminine_verb(ranker):
    text = "أعلنت وزارة الصحة العراقية أن حملة التطعيم شملت مليوني طفل في المحافظات الجنوبية."
    [q] = run(text, ranker=ranker)
    assert q.speaker == "وزارة الصحة العراقية"
    assert q.speaker_entity_id == entity_id("ORG", "وزارة الصحة العراقية")


@both
def test_the_agency_in_an_interview_is_not_the_speaker(ranker):
    text = "وقال وزير النقل عادل الربيعي في مقابلة مع الوكالة الرسمية إن خط السكة الجديد يفتتح في الربيع."
    [q] = run(text, ranker=ranker)
    assert q.speaker == "عادل الربيعي"


@both
def test_record_gives_no_speaker(ranker):
    text = "وأفادت تقارير بأن المصنع توقف عن العمل منذ ثلاثة أشهر بسبب نقص المواد الخام."
    [q] = run(text, ranker=ranker)
    assert q.speaker is None


# --- a name, its title and its role ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "وأعلن السنتاتور الجمهوري، ثوم تيليس، أنه سيصوت ضد مشروع القانون في صيغته الحالية.",
    "وأعلن السنتاتور الجمهوري ثوم تيليس أنه سيصوت ضد مشروع القانون في صيغته الحالية.",
])
def test_a_tagged_person_after_an_unknown_role_word_is_the_speaker(text):
    [q] = run(text, [per(text, "ثوم تيليس")], ranker=True)
    assert q.speaker == "ثوم تيليس"
    assert q.speaker_role == "السنتاتور الجمهوري"


@pytest.mark.parametrize("text, speaker", [
    ("ومن جانبه أكد كوتينيو أكثر من مرة أن الفريق قادر على العودة في المباراة المقبلة.", "كوتينيو"),
    ("وأكد المدرب الإسباني روبيرتو مارتينيز مجددا أن الفريق قادر على العودة.", "روبيرتو مارتينيز"),
])
def test_an_adverbial_ends_the_name(text, speaker):
    [q] = run(text, ranker=True)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, speaker, role", [
    ("وقالت ليندا غراهام المتحدثة باسم وزارة الدفاع إن التدريبات ستستمر أسبوعين.", "ليندا غراهام", "المتحدثة باسم وزارة الدفاع"),
    ("وقال تيموثي بارنز رئيس قسم الأبحاث في بنك ويستفيلد إن الأسعار ستتراجع.", "تيموثي بارنز", "رئيس قسم الأبحاث في بنك ويستفيلد"),
    ("وقال كارلوس مينديث من نقابة عمال الموانئ إن الإضراب سيستمر حتى الاثنين.", "كارلوس مينديث", None),
])
def test_an_unknown_first_name_then_its_role(text, speaker, role):
    [q] = run(text)
    if not speaker.startswith("ل"):  # ليندا could be ل + a name: only the tagger tells
        assert (q.speaker, q.speaker_role) == (speaker, role)
    [q] = run(text, [per(text, speaker)])
    assert (q.speaker, q.speaker_role) == (speaker, role)


@pytest.mark.parametrize("text, speaker", [
    ("وقال موظفون في الميناء إن الشحنات تأخرت ثلاثة أيام.", "موظفون في الميناء"),
    ("وقال كتاب دائرة الأرصاد إن الأمطار ستستمر.", None),
])
def test_a_description_is_not_cut_into_a_name(text, speaker):
    [q] = run(text)
    if speaker:
        assert q.speaker == speaker
    else:
        assert q.speaker != "كتاب دائرة"


@pytest.mark.parametrize("text, speaker", [
    ("وقال مسؤول كبير في وزارة المالية طلب عدم نشر اسمه إن الموازنة ستقر الأسبوع المقبل.", "مسؤول كبير في وزارة المالية"),
    ("أعلنت وزارة الصحة في #ليبيا أن حملة التطعيم بدأت في المدن الساحلية.", "وزارة الصحة"),
])
def test_asides_and_trailing_prepositions_are_not_part_of_the_speaker(text, speaker):
    [q] = run(text)
    assert q.speaker == speaker


def test_a_first_letter_split_off_by_the_tagger_is_put_back():
    text = ("استقبل أمير المنطقة الأمير فيصل بن مشعل وفد الجمعية في مكتبه. "
            "وأوضح سموه أن المشروع سيخدم آلاف الأسر.")
    start = text.index("فيصل") + 1  # the tagger read ف as a conjunction: "يصل بن مشعل"
    tagged = Entity("يصل بن مشعل", start, start + len("يصل بن مشعل"), "PER", "يصل بن مشعل", entity_id("PER", "يصل بن مشعل"))
    [q] = run(text, [tagged])
    assert q.speaker == "فيصل بن مشعل"


def test_a_clause_particle_the_tagger_took_into_a_name_is_dropped():
    # (the surname spelt with another long vowel the second time)
    text = ('وقال رئيس الوزراء بنيامين نتنياهو إن "الرد سيكون قاسيا".\n'
            "وفي حين أشار الوزير إلى تهدئة، فإن نتانياهو قال إن العملية ستتواصل.")
    qs = run(text, [ent(text, "بنيامين نتنياهو"), ent(text, "فإن نتانياهو")])
    assert qs[-1].speaker == "بنيامين نتنياهو"


def test_a_family_name_with_al_is_read_whole_after_an_honorific():
    text = ("وأكد معالي آل الشيخ أهمية تنسيق الجهود بين البلديات.\n"
            "وبين أن الوزارة ستصدر دليلا موحدا للمشاريع.")
    qs = run(text)
    assert speakers(qs) == ["آل الشيخ"]


def test_a_family_name_with_al_is_not_cut_at_its_title_like_word():
    text = ("وأكد الوزير خالد آل الشيخ أهمية تنسيق الجهود بين البلديات.\n"
            "وبين أن الوزارة ستصدر دليلا موحدا للمشاريع.")
    qs = run(text)
    assert speakers(qs) == ["خالد آل الشيخ"]


def test_an_abbreviated_title_then_a_name_then_its_role():
    text = "وعلق م. الوليد القحطاني الرئيس التنفيذي لشركة النخبة للتطوير: \"الصفقة جزء من خطتنا للتوسع\"."
    [q] = run(text)
    assert q.speaker == "الوليد القحطاني"
    assert q.speaker_role == "الرئيس التنفيذي لشركة النخبة للتطوير"


def test_a_common_noun_is_no_surname_of_an_earlier_group():
    # "مشايخ العشائر" ends with the common noun العشائر; "عشائر الأنبار" is another subject, not that group
    # followed by an object.
    text = ("وقال مشايخ العشائر إن الطريق الدولي سيفتح خلال أيام. "
            "ثم قالت عشائر الأنبار إنها ستحمي القوافل التجارية على الطريق.")
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["مشايخ العشائر", "عشائر الأنبار"]


def test_a_name_then_a_construct_role_the_lexicon_does_not_list():
    text = "وقال هيروشي تاناكا عالم الزلازل بجامعة كيوتو إن الهزة كانت أقوى من المتوقع."
    [q] = run(text)
    assert q.speaker == "هيروشي تاناكا"
    assert q.speaker_role.startswith("عالم الزلازل")


def test_a_noun_after_a_preposition_is_no_construct_role():
    text = "أكد طبيب مختص بأمراض القلب أن الصيام مفيد لمعظم المرضى."
    [q] = run(text)
    assert q.speaker == "طبيب مختص بأمراض القلب"


def test_a_kana_clause_after_the_subject_is_not_part_of_it():
    text = "وقال طالب (19 عاما) كان بين مجموعة تقوم بإغلاق الطريق \"لن نعود إلى بيوتنا قبل تحقيق مطالبنا\"."
    [q] = run(text)
    assert q.speaker == "طالب"


def test_a_tagged_multiword_name_then_its_role():
    text = "وقال الشريف هزاع الحارثي رئيس جمعية الصيادين إن الموسم كان جيدا."
    [q] = run(text, [per(text, "الشريف هزاع الحارثي")])
    assert "هزاع الحارثي" in q.speaker
    assert q.speaker_role.startswith("رئيس جمعية الصيادين")


def test_a_tagged_name_then_its_role_keeps_the_name_in_the_role_genitive_out():
    # The chancellor named inside the role's genitive is its complement, not the one who speaks.
    text = "وقال يوهان كرامر المتحدث باسم الرئيس الفرنسي إيمانويل ماكرون إن الزيارة ستتم الشهر المقبل."
    [q] = run(text, [per(text, "يوهان كرامر"), per(text, "إيمانويل ماكرون")])
    assert q.speaker == "يوهان كرامر"
    assert q.speaker_role.startswith("المتحدث باسم الرئيس الفرنسي")


def test_a_tagged_name_then_a_role_without_a_second_name_reads_as_before():
    text = "وقال يوهان كرامر المتحدث باسم الحكومة إن الزيارة ستتم الشهر المقبل."
    [q] = run(text, [per(text, "يوهان كرامر")])
    assert q.speaker == "يوهان كرامر"


def test_an_indefinite_description_in_apposition_before_the_cue_leaves_the_name_as_subject():
    text = "المهندس سالم الكعبي، أحد مؤسسي الشركة، اعتبر أن السوق بدأ يتعافى."
    [q] = run(text, [per(text, "سالم الكعبي")])
    assert q.speaker == "سالم الكعبي"
    assert q.speaker_role == "أحد مؤسسي الشركة"


def test_a_share_of_a_group_speaks_for_the_group():
    text = "وقال 40 في المائة من المشاركين في الاستطلاع إنهم لا يثقون بالإعلان."
    [q] = run(text)
    assert q.speaker is not None and "الاستطلاع" in q.speaker and "40" not in q.speaker


def test_a_sound_plural_in_the_nominative_heads_an_unnamed_group():
    text = "أعلن محققون للادعاء العام في ولاية أونتاريو الكندية، إن المشتبه به اعتقل أمس."
    [q] = run(text, [ent(text, "أونتاريو", "LOC")])
    assert q.speaker is not None and q.speaker.startswith("محققون")


def test_a_partitive_description_is_read_whole_and_is_plural():
    text = ("أكد لـ «عكاظ» عدد من أهالي أبو عريش، أن المجلس البلدي لم يقدم خدمات تذكر. "
            "وبينوا أن مطالبهم مازالت معلقة.")
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["عدد من أهالي أبو عريش"] * 2


# --- role chains before the name ------------------------------------------------------------------

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


def test_the_tagged_person_after_a_company_in_the_role_is_the_speaker():
    text = "وقالت الرئيسة التنفيذية لمجموعة سنترا الأمريكية جوليا فيرنانديز إن الشركة ستتوسع في آسيا."
    name = "جوليا فيرنانديز"
    [q] = run(text, [per(text, name)])
    assert q.speaker == name
    assert q.speaker_role == "الرئيسة التنفيذية لمجموعة سنترا الأمريكية"
    # without the tagger's person the rules cannot tell the company from the name: no change
    assert run(text)[0].speaker != name


def test_a_quoted_body_inside_the_role_then_the_tagged_person():
    text = 'ورأى المحلل لدى "نورث بريدج" سايمون ويلكس في مذكرة أن العملة ستواصل التراجع.'
    name = "سايمون ويلكس"
    [q] = run(text, [per(text, name)])
    assert q.speaker == name
    assert q.speaker_role == 'المحلل لدى "نورث بريدج"'


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


def test_a_long_role_with_a_place_runs_on_to_the_tagged_name():
    text = ("أشاد المدير العام للمعهد الوطني في مدينة صور بلبنان خليل الموسوي بالمبادرة، مؤكدا أن الطلاب "
            "سيستفيدون منها كثيرا.")
    qs = run(text, [ent(text, "خليل الموسوي")])
    assert speakers(qs) == ["خليل الموسوي"]


def test_a_role_whose_genitive_opens_with_an_object_noun_still_reaches_the_apposed_name():
    # "دعم" is usually an object (أكد الوزير دعم …); inside the role's genitive (تحالف دعم …) it is no name,
    # and the rank and name after the comma are the speaker.
    text = ("أعلن المتحدث الرسمي باسم تحالف دعم الاستقرار في المنطقة، العميد الركن سامي الحربي، "
            "أن الدفاعات الجوية اعترضت طائرة مسيرة.")
    [q] = run(text, [per(text, "سامي الحربي")])
    assert q.speaker == "سامي الحربي"
    assert q.speaker_role.startswith("المتحدث الرسمي باسم تحالف")
    assert q.speaker_role.endswith("العميد الركن")


def test_a_body_noun_in_a_role_chain_is_no_name():
    # قوات تحالف دعم …: تحالف opens the body's name inside the role; the rank and name come after the comma
    text = ("قال المتحدث باسم قوات تحالف دعم الاستقرار في المنطقة، العميد الركن سامي الحربي، "
            "إن الدفاعات اعترضت طائرة مسيرة.")
    [q] = run(text, [per(text, "سامي الحربي")])
    assert q.speaker == "سامي الحربي"


def test_a_place_noun_then_a_tagged_place_stays_in_the_role():
    text = "أوضح أمين منطقة تبوك رئيس اللجنة المحلية ماجد بن سعد الحربي أنه تم افتتاح المراكز."
    [q] = run(text, [ent(text, "تبوك", "LOC"), per(text, "ماجد بن سعد الحربي")])
    assert q.speaker == "ماجد بن سعد الحربي"
    assert q.speaker_role.startswith("أمين منطقة تبوك")


def test_amin_before_a_body_is_an_office_but_a_tagged_amin_is_a_name():
    text = "وقال أمين عام الاتحاد إن البطولة ستقام في موعدها."
    [q] = run(text)
    assert q.speaker_role == "أمين عام الاتحاد"  # an office with no name, not a person called أمين
    text = "وقال أمين معلوف إن الرواية تحتاج إلى صبر."
    [q] = run(text, [per(text, "أمين معلوف")])
    assert q.speaker == "أمين معلوف"


def test_a_tagged_body_inside_a_role_is_all_part_of_the_role():
    # ريال سرقسطة is the club's two-word name: its second word does not start the speaker's name
    text = "وأكد المدير الفني لفريق ريال سرقسطة الإسباني أن الفريق جاهز للمباراة."
    [q] = run(text, [ent(text, "ريال سرقسطة", "ORG")])
    assert q.speaker is None or not q.speaker.startswith("سرقسطة")
    text = "وأكد المدير الفني لفريق ريال سرقسطة الإسباني أنطونيو فيرا أن الفريق جاهز للمباراة."
    [q] = run(text, [ent(text, "ريال سرقسطة", "ORG"), per(text, "أنطونيو فيرا")])
    assert q.speaker == "أنطونيو فيرا"
    assert "ريال سرقسطة" in q.speaker_role


def test_a_coordinated_genitive_inside_a_role_is_no_name():
    text = "ولفت مدير عام المؤسسة العامة لمصانع الإسمنت ومناجم الفوسفات، إلى أن الإنتاج ارتفع."
    [q] = run(text)
    assert not q.speaker.startswith("ومناجم")
    assert q.speaker_role.endswith("ومناجم الفوسفات")


def test_a_lam_word_after_a_name_inside_a_role_is_still_the_role():
    # مستشار ترامب: the name is the role's genitive, so للأمن القومي completes the role, it is no addressee
    text = "وقال مستشار ترامب للأمن القومي جون هارت إن المحادثات مثمرة."
    [q] = run(text, [per(text, "ترامب"), per(text, "جون هارت")])
    assert q.speaker == "جون هارت"


def test_a_place_glued_to_a_preposition_after_a_role_completes_the_role():
    text = "وأوضح رئيس فرع الهيئة بجدة, أن الحملة مستمرة حتى نهاية الشهر."
    [q] = run(text, [ent(text, "جدة", "LOC")])
    assert q.speaker != "بجدة"
    assert "بجدة" in q.speaker_role


def test_common_offices_open_a_role_chain():
    # المشرف، المنسق، القنصل، الأكاديمي: offices like المدير; the tagged person after the chain speaks
    text = "وأوضح المشرف العام على مهرجان الصيف سالم بن ناصر العتيبي، أن البرامج اختيرت بعناية."
    [q] = run(text, [per(text, "سالم بن ناصر العتيبي")])
    assert q.speaker == "سالم بن ناصر العتيبي"
    assert q.speaker_role.startswith("المشرف العام")


def test_a_place_glued_to_a_preposition_ends_the_role_before_the_apposition():
    text = "وقال المتحدث باسم السفارة ببغداد، كريم العبيدي، إن القنصلية ستفتح أبوابها الأحد."
    [q] = run(text, [ent(text, "بغداد", "LOC"), per(text, "كريم العبيدي")])
    assert q.speaker == "كريم العبيدي"


def test_a_genitive_with_glued_lam_after_a_role_is_not_a_name():
    text = ("وأشاد ستيف مكلارين بقوة مقعد البدلاء في ناديه. "
            "وقال المدرب السابق لمنتخب انجلترا \"الطاقم الفني قام بعمل عظيم\".")
    quotes = run(text, [per(text, "ستيف مكلارين")])
    assert quotes[-1].speaker != "لمنتخب انجلترا"
    assert quotes[-1].speaker in ("ستيف مكلارين", "المدرب السابق لمنتخب انجلترا")


# --- where the subject after the cue starts and ends: addressees, objects, asides, time words -----

def test_a_tagged_person_after_a_preposition_is_not_the_speaker():
    text = "وقالت وزارة الخارجية في رسالة إلى السفير جون بولتون إن المفاوضات ستستأنف الشهر المقبل."
    [q] = run(text, [per(text, "جون بولتون")], ranker=True)
    assert q.speaker == "وزارة الخارجية"


@pytest.mark.parametrize("text, speaker", [
    ("وقال لـ«الرياض» مدير التعليم بالمنطقة عبدالله الزهراني إن الدراسة ستبدأ الأحد.", "عبدالله الزهراني"),
    ("وأوضح لـ\"الوطن\" المتحدث باسم الصحة خالد مرغلاني أن الحالات مستقرة.", "خالد مرغلاني"),
])
def test_the_outlet_addressed_before_the_subject_is_skipped(text, speaker):
    [q] = run(text)
    assert q.speaker == speaker


def test_a_tagged_name_right_after_the_cue_is_its_subject():
    text = ("وقاد المدرب فريد منصور الفريق إلى الدرجة الأولى.\n"
            "وقال الوحدة في بيان: أبلغنا المدرب قراره بالرحيل.")
    qs = run(text, [ent(text, "فريد منصور"), ent(text, "الوحدة", "ORG")])
    assert qs and qs[-1].speaker == "الوحدة"


def test_a_body_whose_name_starts_with_lam_is_no_addressee():
    # ليون tagged whole as a club: its ل is part of the name, not "to" + an addressee
    text = "وقال ليون في بيان: إن المدافع سيغيب عن الملاعب ثلاثة أسابيع."
    [q] = run(text, [ent(text, "ليون", "ORG")])
    assert q.speaker == "ليون"


def test_the_tagged_person_after_an_object_is_no_speaker():
    # "الحارس" holds a possessed object (تصديه) before the tagged person: that person is in the object
    text = "ووصف حارس المنتخب تصديه لركلة جزاء سواريز بأنه لحظة لا تنسى."
    [q] = run(text, [per(text, "سواريز")])
    assert q.speaker != "سواريز"


def test_a_lam_word_after_a_whole_tagged_name_is_the_addressee():
    text = "وأوضح الحربي لأسرة الضحية أن التحقيق ما زال مستمرا."
    [q] = run(text, [per(text, "الحربي")])
    assert q.speaker == "الحربي"


def test_the_newspaper_told_is_the_object_of_ablagha():
    text = 'أبلغ "الوطن" المهندس فهد السالم رئيس لجنة النقل في الغرفة، أن اللجنة تدرس المقترح.'
    [q] = run(text, [per(text, "فهد السالم")])
    assert q.speaker == "فهد السالم"


def test_awwal_ams_is_a_time_adverbial_not_the_subject():
    text = "وكان الوزير خالد العمري قد أكد أول أمس الأحد أن الخطة ستنفذ على مراحل."
    [q] = run(text, [per(text, "خالد العمري")])
    assert q.speaker == "خالد العمري"


def test_a_time_word_between_the_cue_and_its_subject_is_skipped():
    text = "صرح الثلاثاء الرئيس الفرنسي إيمانويل ماكرون أمام الصحافيين أن القمة ستعقد قريبا."
    [q] = run(text, [per(text, "إيمانويل ماكرون")])
    assert q.speaker == "إيمانويل ماكرون"


def test_a_sentence_glued_to_the_one_before_by_a_period():
    text = "ولعب المهاجم لأندية عدة خلال 10 أعوام.وكان رئيس لجنة الاحتراف سعود الزهراني أكد أن النادي سدد التزاماته."
    [q] = run(text, [per(text, "سعود الزهراني")])
    assert q.speaker == "سعود الزهراني"


@pytest.mark.parametrize("text, speaker", [
    ("وكتب مدير المكتب في تغريدة: \"الخبر غير صحيح.\" "
     "ويذكر أن المكتب الإعلامي للسفارة أكد في بيان \"عدم صحة هذه الإشاعة\".", "المكتب الإعلامي للسفارة"),
    ("يشار إلى أن وزارة الصحة أعلنت في بيان \"انتهاء الموجة الأولى\".", "وزارة الصحة"),
])
def test_the_subject_inside_the_writers_aside_speaks(text, speaker):
    quotes = run(text)
    assert quotes[-1].speaker == speaker


def test_an_epistemic_aside_gives_no_subject():
    quotes = run("ويبدو أن اختياره يلمح إلى أن الفصيل مستعد للتفاوض.")
    assert all(q.speaker != "اختياره" for q in quotes)


# --- a subject before the cue ---------------------------------------------------------------------

def test_after_a_complementizer_the_clause_puts_its_subject_before_the_cue():
    text = "ولم تظهر على الجيران أي مخاوف، بل إن إحدى المعلمات في الحي قالت إن العائلة كانت هادئة."
    [q] = run(text)
    assert q.speaker.startswith("إحدى المعلمات")


def test_after_lianna_a_body_before_the_cue_speaks():
    text = "وتأجل افتتاح الطريق هذا الأسبوع، لأن الوزارة تعتبر أن أعمال السلامة لم تكتمل."
    [q] = run(text)
    assert q.speaker == "الوزارة"


def test_a_plural_construct_subject_after_ragham_anna_agrees_with_a_plural_cue():
    text = "وأعلنت الحكومة خطتها الجديدة، رغم أن خبراء الاقتصاد يقولون إن العجز سيتسع."
    [q] = run(text)
    assert q.speaker.startswith("خبراء الاقتصاد")


def test_a_verb_of_the_kana_family_ends_the_subject_before_the_cue():
    text = "خاصة أن الفريقين ظلا لأشهر يؤكدان أن العلاقة بينهما ممتازة."
    quotes = run(text)
    assert all("ظلا" not in (q.speaker or "") for q in quotes)


def test_kana_qad_frame_takes_the_person_after_kana_past_asides():
    text = ("وقال وزير الخارجية إن الحوار مستمر. "
            "وكان وزير الدفاع، يوسف الحامد، الذي زار الجبهة أمس، قد قال إن الهجوم دمر أغلب المواقع.")
    quotes = run(text, [per(text, "يوسف الحامد")])
    assert quotes[-1].speaker == "يوسف الحامد"


def test_sabaqa_li_x_an_cue_gives_x():
    text = ("قال المتحدث باسم الحكومة إن المفاوضات متعثرة.\n"
            "وسبق للوزير خالد الراشد أن قال إن الميزانية تكفي لثلاثة مشاريع.")
    qs = run(text, [ent(text, "خالد الراشد")])
    assert qs[-1].speaker == "خالد الراشد"
    assert qs[-1].speaker_role == "الوزير"


# --- relays, documents and records ----------------------------------------------------------------

def test_the_source_a_relay_cites_is_the_speaker():
    text = "وذكرت وكالات أنباء محلية، نقلا عن وزارة الصحة، أن عدد المصابين ارتفع إلى أربعين."
    [q] = run(text)
    assert q.speaker == "وزارة الصحة"


def test_ala_lisan_names_the_speaker_not_the_outlet():
    text = "ونقلت الإذاعة الرسمية على لسان الوزير كريم الساعدي قوله: \"لن نرفع الأسعار هذا العام\"."
    [q] = run(text, [per(text, "كريم الساعدي")])
    assert q.speaker == "كريم الساعدي"


def test_a_relayed_statement_speaks_for_its_author_not_the_agency():
    text = ("ونقلت وكالة الأنباء الفرنسية بيان وزير الخارجية كمال العمري والذي قال فيه إن المفاوضات ستستأنف قريبا.")
    qs = run(text, [ent(text, "كمال العمري"), ent(text, "الأنباء الفرنسية", "ORG")])
    assert speakers(qs) == ["كمال العمري"]


def test_a_statement_for_a_body_with_a_glued_lam():
    text = "وجاء في بيان لقيادة الأركان المشتركة أن الجيش سيرد بحزم على أي اعتداء."
    qs = run(text)
    assert speakers(qs) == ["قيادة الأركان المشتركة"]


@pytest.mark.parametrize("text, speaker", [
    # a document issued by a person: the issuer (with the apposition past the comma)
    ("وأكد بيان أصدرته المتحدثة باسم الخارجية، ماريا سيمونز، أن بلادها ستواصل دعم المفاوضات.", "ماريا سيمونز"),
    # a document of a definite office or body in construct
    ("وذكر بيان النائب العام أن المتهمين شكلوا خلايا صغيرة في ثلاث محافظات.", "النائب العام"),
    # figures with their issuer named right there
    ("وأوضحت الإحصاءات الصادرة عن الهيئة العامة للإحصاء أن معدل البطالة تراجع إلى 11 في المئة.", "الهيئة العامة للإحصاء"),
])
def test_a_document_speaks_for_its_issuer(text, speaker):
    [q] = run(text)
    assert q.speaker == speaker


def test_a_document_without_an_issuer_gives_no_issuer():
    [q] = run("وذكر بيان الأمس أن الأسعار استقرت في الأسواق المحلية.")
    assert q.speaker != "الأمس"  # a date after the document is no issuer


def test_an_analysis_issued_by_a_bank_and_a_report_of_a_team_speak_for_their_issuers():
    text = ("رجح التحليل الشهري الصادر عن بنك الخليج الأول أن تتراجع أسعار الذهب.\n"
            "وأشار التحليل إلى أن الطلب الصيني ضعيف.\n"
            "وبلغ عدد الزوار ألف زائر وفقا لتقرير فريق الرصد بالمعرض.")
    qs = run(text, [ent(text, "بنك الخليج الأول", "ORG")])
    assert [q.speaker for q in qs] == ["بنك الخليج الأول", "بنك الخليج الأول", "فريق الرصد بالمعرض"]


def test_an_article_of_a_law_has_no_speaker():
    text = ('ونصت المادة (12) من نظام الانتخابات على أنه "لا يجوز ترشح الموظف قبل استقالته"، '
            'في حين أوضحت المادة (13) أنه "يعد مستقيلا من تاريخ قبول طلبه".')
    qs = run(text)
    assert qs and all(q.speaker is None for q in qs)


def test_estimates_have_no_speaker_unless_a_body_is_their_genitive():
    text = ("وبلغت تكلفة المشروع ثلاثة ملايين دينار بحسب بعض التقديرات.\n"
            "وبحسب تقديرات وزارة النقل، يستوعب الخط عشرة آلاف راكب يوميا.")
    qs = run(text)
    assert [q.speaker for q in qs] == [None, "وزارة النقل"]


def test_a_record_after_a_demonstrative_has_no_speaker():
    text = ('وذكرت صحيفة "الأفق" أن النادي سيبيع لاعبه.\n'
            "وذكرت تلك التقارير أن النادي طلب عشرين مليونا.")
    qs = run(text)
    assert qs[-1].speaker is None


def test_results_and_indicators_have_no_speaker_but_a_named_genitive_speaks():
    text = ("وأشارت نتائج البحث إلى أن الجفاف سبق انهيار المدينة.\n"
            "وتؤكد المؤشرات الأولية أن الإقبال سيكون كبيرا.\n"
            "وبلغت الصادرات عشرة مليارات دولار وفقا لإحصاءات عمان.")
    qs = run(text, [ent(text, "عمان", "GPE")])
    assert [q.speaker for q in qs] == [None, None, "عمان"]


# --- the evaluation's named-speaker figure --------------------------------------------------------

def test_named_speaker_precision_counts_only_quotes_that_carry_a_name():
    from marsad.evaluation.quotes import score_article

    gold = {"id": "x", "quotes": [
        {"start": 0, "end": 20, "speaker": "محمد صلاح"},
        {"start": 30, "end": 50, "speaker": None},        # a record: no speaker
        {"start": 60, "end": 80, "speaker": "وزارة الصحة"},
    ]}
    predicted = [
        {"start": 0, "end": 20, "speaker": "صلاح"},        # right name
        {"start": 30, "end": 50, "speaker": "تقارير"},     # a name where the gold has none: wrong
        {"start": 60, "end": 80, "speaker": None},         # no name: outside the named figure
        {"start": 90, "end": 99, "speaker": "الوزير"},     # spurious quote with a name: wrong
    ]
    c = score_article(gold, predicted).counts
    assert (c.named, c.named_ok) == (3, 1)
    assert abs(c.named_precision - 1 / 3) < 1e-9
    assert c.speaker_ok == 1  # the metric is unchanged by the extra figure


# --- outlets, tallies and publications as sources (session 6) -------------------------------------

def test_an_outlet_described_resolves_to_the_one_outlet_of_that_head_the_article_names():
    text = ('اعتبرت صحيفة فرنسية أن المنتخب قادر على بلوغ النهائي.\n'
            'وكتبت صحيفة "لوموند" في عددها الصادر اليوم أن المدرب غير خطته.')
    assert speakers(run(text)) == ["لوموند", "لوموند"]


@pytest.mark.parametrize("text, speaker", [
    # no outlet of that head is named: the description keeps its head (a bare "محلية" names no one)
    ("وذكرت صحيفة محلية أن الجسر سيغلق أسبوعا للصيانة.", "صحيفة محلية"),
    # an adjective with its complement stays in the description
    ("وقالت وكالة تابعة للمعارضة إن القصف استهدف سوقا شعبية.", "وكالة تابعة للمعارضة"),
])
def test_an_outlet_described_but_never_named_keeps_its_head(text, speaker):
    [q] = run(text)
    assert q.speaker == speaker


def test_an_outlet_described_stays_unresolved_when_two_outlets_of_that_head_are_named():
    text = ('ذكرت صحيفة ألمانية أن المفاوضات تعثرت.\n'
            'وقالت صحيفة "بيلد" إن الوزير سيستقيل.\n'
            'وكتبت صحيفة "دي فيلت" أن الحكومة ستصمد.')
    assert speakers(run(text)) == ["صحيفة ألمانية", "بيلد", "دي فيلت"]


def test_a_definite_outlet_anaphor_is_the_outlet_of_that_head_named_before():
    text = ('ونشرت قناة "المدار" شريطا مصورا للحادث.\n'
            'وذكرت القناة أن الحريق اندلع قبل منتصف الليل.')
    assert speakers(run(text)) == ["المدار"]


@pytest.mark.parametrize("text, speaker", [
    # a name in brackets after the head, kept as written (في of "تي في" is part of it)
    ("وقالت قناة (إن تي في) التلفزيونية إن الانتخابات ستجري في موعدها.", "إن تي في"),
    # a dual head: the two outlets' names
    ("وأفادت شبكتا ايه بي سي وسي بي اس الأمريكيتان بأن الرئيس سيزور المنطقة.", "ايه بي سي وسي بي اس"),
])
def test_outlet_names_after_bracketed_and_dual_heads(text, speaker):
    [q] = run(text)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a tally speaks for the body that compiled it (settled conventions, rule 9), past an adjective
    ("وقتل خمسة أشخاص في القصف، وفق حصيلة جديدة أوردتها وزارة الصحة الأحد.", "وزارة الصحة"),
    ("وارتفع عدد الضحايا إلى عشرين، بحسب حصيلة جمعتها وكالة الأنباء الوطنية.", "وكالة الأنباء الوطنية"),
    # a tally with no compiler named has no speaker
    ("وارتفع عدد الضحايا إلى عشرين، بحسب حصيلة جديدة للقتلى.", None),
])
def test_a_tally_speaks_for_its_compiler_only(text, speaker):
    [q] = run(text)
    assert q.speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a statement issued, and a cue with فيه in the relative clause on it
    ("وأصدرت نقابة المعلمين، مساء الأحد، بيانا أكدت فيه أن الإضراب سيستمر حتى تلبية المطالب.", "نقابة المعلمين"),
    # a recording broadcast, and a cue right after the noun
    ("وبثت جماعة الأنصار المسلحة تسجيلا زعمت أنه يظهر أسر جنديين قرب الحدود.", "جماعة الأنصار المسلحة"),
])
def test_a_cue_on_a_publication_speaks_for_its_publisher(text, speaker):
    [q] = run(text)
    assert q.speaker == speaker


def test_a_relative_clause_on_the_source_belongs_to_the_source_phrase():
    # the clause after "فإن" is attributed, not the relative clause; the issuer in it speaks
    text = "وبحسب التقرير الذي نشرته صحيفة \"الأفق\" اليوم، فإن الحكومة ستخفض الضرائب العام المقبل."
    [q] = run(text)
    assert q.text == "الحكومة ستخفض الضرائب العام المقبل"
    assert q.speaker == "الأفق"


def test_a_subject_with_its_own_cue_after_the_source_speaks_itself():
    text = ("وبحسب التحقيق الذي أجرته القناة، فإن المهندس السابق في الشركة سامي العطار قال إن الجسر لم "
            "يفحص منذ سنوات.")
    [q] = run(text, [per(text, "سامي العطار")])
    assert (q.cue, q.speaker) == ("قال", "سامي العطار")


def test_a_masculine_body_cited_by_a_source_is_who_a_masculine_participle_refers_to():
    text = ("وقتل ثلاثة مدنيين في القصف، وفق حصيلة أوردها المرصد الوطني الأحد مشيرا إلى أن "
            "الحصيلة مرشحة للارتفاع.")
    qs = run(text)
    assert [(q.cue, q.speaker) for q in qs] == [("وفق", "المرصد الوطني"), ("مشيرا", "المرصد الوطني")]


# --- what a speaker phrase can look like (session 6) ----------------------------------------------

@pytest.mark.parametrize("text,speaker", [
    # an indefinite outlet or role with adjectives of origin or kind: the adjective names no one
    ("اعتبرت صحيفة كندية أن المنتخب الوطني بات مرشحا للقب، مؤكدة أن الجمهور يثق بالمدرب.", "صحيفة كندية"),
    ("وقالت وكالة روسية إن الوفد التجاري سيصل إلى العاصمة الأسبوع المقبل.", "وكالة روسية"),
    ("وأكدت ناشطة حقوقية أن الشرطة أوقفت عشرات الطلاب أمام الجامعة.", "ناشطة حقوقية"),
    # a plural of origin after a plural noun is no verb
    ("ويرى سياسيون ليبيون أن المفاوضات لن تنجح قبل نهاية العام.", "سياسيون ليبيون"),
])
def test_an_adjective_of_origin_stays_with_its_noun(text, speaker):
    assert speakers(run(text)) [0] == speaker


def test_a_statement_described_by_an_adjective_has_no_issuer_of_that_name():
    text = ("التقى رئيس الوزراء سامر الخطيب زعيم المعارضة في القصر الحكومي أمس. "
            "وأوضح بيان مشترك أن اللقاء تناول تشكيل الحكومة المقبلة.")
    for q in run(text, [per(text, "سامر الخطيب")]):
        assert q.speaker is None or "مشترك" not in q.speaker


@pytest.mark.parametrize("text,entities,speaker", [
    # a finite verb where the subject would be: the cue has no subject of its own, the speaker continues
    ("قال الوزير خالد العمري إن الخطة جاهزة.\nوكتب يقول: \"سنبدأ التنفيذ الشهر المقبل\".",
     [("خالد العمري", "PER")], "خالد العمري"),
    # a time preposition after the comma is an adjunct, not the subject
    ("وكان الوزير قال، قبيل زيارته الثانية للعاصمة، إنه يأمل أن تنجح المحادثات.", [], "الوزير"),
    # a bare demonstrative right after the cue is its object; the subject follows it
    ("ويؤكد ذلك مصدر تجاري آخر بقوله: إن الموردين سيخفضون الأسعار.", [], "مصدر تجاري آخر"),
    # the subject ends where its verb's particle starts
    ("وكانت نوفاتك قد تعرضت لانتقادات واسعة، بعد أن قالت إن بيانات المستخدمين لم تتسرب.",
     [("نوفاتك", "ORG")], "نوفاتك"),
])
def test_a_verb_or_particle_is_no_speaker(text, entities, speaker):
    qs = run(text, [ent(text, name, kind) for name, kind in entities])
    assert qs[-1].speaker == speaker


def test_a_role_with_no_name_takes_the_person_tagged_later_in_its_clause():
    # the adjunct على … cut the phrase before the name; the tagger's person in the same clause holds the role
    text = "وأوضح المشرف على برنامج الإسكان بوزارة المالية خالد بن عبدالله العتيبي، أن البرنامج سلم 300 وحدة."
    [q] = run(text, [per(text, "خالد بن عبدالله العتيبي")])
    assert q.speaker == "خالد بن عبدالله العتيبي"
    assert q.speaker_role.startswith("المشرف على برنامج الإسكان")


def test_a_coordinated_second_role_is_no_name():
    text = "وقال وكيل وزارة النقل السابق وعضو المجلس البلدي الحالي سعد المالكي إن الطريق سيفتتح قريبا."
    [q] = run(text, [per(text, "سعد المالكي")])
    assert q.speaker == "سعد المالكي"


@pytest.mark.parametrize("text", [
    "ووصف وزير الاقتصاد بعض الخطط التي تقترحها الحكومة بأنها \"مغامرة خطرة\".",
])
def test_an_object_after_a_role_is_no_name(text):
    [q] = run(text)
    assert q.speaker == "وزير الاقتصاد"


@pytest.mark.parametrize("text,speaker", [
    # foreign names end like adjectives of origin (-يه، -ي); after a role they are still names
    ("وقال المخرج الإيراني، بهرام فرهادي، إن الفيلم سيعرض في الخريف.", "بهرام فرهادي"),
    ("وقال مساعد مدير العمليات كزافيه دوبون إن الوضع الإنساني صعب.", "كزافيه دوبون"),
    ("وقال المهاجم الأوروغوياني ماتياس فيراري إن الفريق يستحق اللقب.", "ماتياس فيراري"),
])
def test_a_name_shaped_like_an_adjective_after_a_role_stays_a_name(text, speaker):
    [q] = run(text)  # (untagged: the phrase reader alone)
    assert q.speaker == speaker


def test_a_demonstrative_subject_is_read_as_its_noun_phrase():
    text = ("وقالت مصادر أمنية إن الهجوم بدأ فجرا.\n"
            "وأكدت هذه المصادر أن المهاجمين انسحبوا بعد ساعتين.")
    qs = run(text)
    assert qs[-1].speaker is not None and not qs[-1].speaker.startswith("هذه")


def test_the_preposition_ala_after_a_comma_is_no_name():
    text = ("وقال مراقبون سياسيون حدوث تغيير في الحكومة، وعلى إثر ذلك أعلن الرئيس أن الانتخابات ستجري في موعدها.")
    for q in run(text):
        assert q.speaker != "وعلى"


def test_a_participle_in_construct_with_a_body_is_a_role_not_a_cue():
    # مدعية is also the participle of ادعى; before a definite body it is the court's prosecutor
    text = "أعلنت مدعية المحكمة الإدارية العليا ليلى حداد الثلاثاء أنها فتحت تحقيقا في الحادث."
    [q] = run(text, [per(text, "ليلى حداد")])
    assert q.speaker == "ليلى حداد"
    assert q.speaker_role.startswith("مدعية المحكمة")


@pytest.mark.parametrize("text,speaker", [
    ("وأشارت الرابطة بوضوح إلى أن قرارها جاء حرصا على مستقبل أعضائها.", "الرابطة"),
    ("وأشادت اللجنة بدور المجالس البلدية المنتخبة، مؤكدة أن المجالس تساند أعمال البلديات.", "اللجنة"),
])
def test_an_adverb_or_object_with_b_ends_a_body_name(text, speaker):
    assert run(text)[-1].speaker == speaker


def test_a_name_beginning_with_b_before_a_comma_stays_whole():
    # ب + an indefinite word ends a body's name only before its complement, a preposition or with a pronoun
    text = "وكتبت ألميرا بوزينوفا، في مقال لها على موقعها، أن الصحافة تعمل في ظروف صعبة."
    [q] = run(text)
    assert q.speaker == "ألميرا بوزينوفا"


# --- hashtag names (Al Arabiya style): a hashtag reads as the words it writes -----------------------

@both
def test_hashtag_name_in_apposition_is_the_speaker(ranker):
    text = "وقالت وزيرة التخطيط #ليلى_المنصوري إن الموازنة الجديدة تخصص مبالغ أكبر للتعليم والصحة."
    [q] = run(text, ranker=ranker)
    assert q.speaker == "ليلى المنصوري"
    assert q.speaker_role == "وزيرة التخطيط"
    assert q.text == "الموازنة الجديدة تخصص مبالغ أكبر للتعليم والصحة"


@both
def test_hashtag_surname_completes_the_name_before_it(ranker):
    text = "أكد الرئيس البرازيلي فرناندو #أوليفيرا أن بلاده لن تنسحب من المفاوضات التجارية."
    [q] = run(text, ranker=ranker)
    assert q.speaker == "فرناندو أوليفيرا"
    assert "#" not in (q.speaker_role or "") and "_" not in (q.speaker_role or "")


@both
def test_speaker_is_never_written_with_hashtag_marks(ranker):
    text = ("أعلنت #وزارة_الداخلية_الأردنية أن الطرق الصحراوية ستغلق مساء الجمعة بسبب العاصفة. "
            "وأضافت الوزارة أن فرق الإنقاذ في حالة تأهب.")
    quotes = run(text, ranker=ranker)
    assert quotes and all(q.speaker and "#" not in q.speaker and "_" not in q.speaker for q in quotes)
    assert quotes[0].speaker == "وزارة الداخلية الأردنية"


@both
def test_a_reporting_verbs_fixed_object_is_not_its_subject(ranker):
    # لفت الانتباه إلى، كرر القول إن: the object stands where a subject would; the speaker is the one before
    text = ("قال وزير المالية خالد العمري إن العجز تراجع هذا العام. ولفت الانتباه إلى أن الإيرادات ارتفعت. "
            "وكرر القول إن الدين العام تحت السيطرة.")
    qs = run(text, [per(text, "خالد العمري")], ranker=ranker)
    assert speakers(qs) == ["خالد العمري"] * 3


@both
def test_a_relay_of_two_sources_ends_at_their_saying_noun(ranker):
    text = "ونقلت الإذاعة عن اثنين من النواب قولهما إن الجلسة ستعقد يوم الأحد."
    [q] = run(text, ranker=ranker)
    assert q.speaker == "اثنين من النواب"


# --- session 7: what a speaker phrase cannot be (sentences of our own) ---------------------------

@both
def test_the_one_told_after_a_verb_is_not_its_subject(ranker):
    # وقال للمجلس إن: ل + a definite noun right after the verb is the addressee; the subject is dropped
    text = ("وقال المفوض الأممي سامر الحداد إن المساعدات لم تصل بعد. "
            "وقال للجنة المختصة إن \"الوضع الإنساني يزداد سوءا كل يوم\".")
    qs = run(text, [per(text, "سامر الحداد")], ranker=ranker)
    assert speakers(qs) == ["سامر الحداد", "سامر الحداد"]


def test_the_addressee_is_skipped_and_the_subject_after_it_is_read():
    text = "وأكد للصحفيين الأمين العام للاتحاد نادر الشمري أن البطولة ستقام في موعدها."
    [q] = run(text, [per(text, "نادر الشمري")])
    assert q.speaker == "نادر الشمري"


def test_a_subordinator_before_the_cue_is_no_speaker():
    # ندد … بتصريحات للوزير X، بعدما صرح أن …: بعدما opens a clause, it names no one
    text = ("رحبت اللجنة الأولمبية بقرار الاتحاد الدولي، بعدما صرح الأحد أمام الجمعية العمومية أن "
            "التصويت سيجري الشهر المقبل.")
    [q] = run(text)
    assert q.speaker != "بعدما"


@pytest.mark.parametrize("text, speaker", [
    ("قال الوزير يوسف الكردي مبتسما: \"لن نتراجع عن الخطة\".", "يوسف الكردي"),
    ("وختم حديثه ساخراً: \"من ينتظر المعجزات سينتظر طويلا\".", None),
])
def test_a_circumstantial_adverb_is_no_part_of_the_name(text, speaker):
    ents = [per(text, "يوسف الكردي مبتسما")] if speaker else []
    [q] = run(text, ents)
    assert q.speaker == speaker


def test_a_year_after_the_name_is_no_part_of_it():
    text = ("ويقود حسام الربيعي الفصيل منذ سنوات. "
            "ونقلت مجلة أمريكية عن الربيعي عام 2016 قوله \"سنبقى هنا حتى النهاية\".")
    [q] = run(text, [per(text, "حسام الربيعي")])
    assert q.speaker == "حسام الربيعي"


def test_an_adjective_of_the_body_in_a_role_is_no_name_when_the_person_follows():
    # المتحدث باسم التحالف العربي لدعم …، العميد X: العربي (also a first name) agrees with التحالف; the name is X
    text = "قال المتحدث باسم التحالف العربي لدعم الاستقرار في المنطقة، العميد ركن فهد الزهراني، الأحد، إن الحرائق تراجعت."
    [q] = run(text, [per(text, "فهد الزهراني")])
    assert q.speaker == "فهد الزهراني"
