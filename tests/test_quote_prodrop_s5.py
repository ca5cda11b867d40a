"""Pro-drop, continuation and speaker forms (issue 3, session 5) — sentences written for these tests,
none copied from an article."""

from __future__ import annotations

from .quote_helpers import ent, run


# --- (i) a spokesman's office with no name after it -----------------------------------------------

def test_a_spokesman_office_with_no_name_takes_the_spokesman_named_with_it_earlier():
    # The first sentence names him with a longer form of the body; the third gives only the office.
    text = ("أعلن المتحدث الرسمي باسم قوات تحالف حماية الحدود العميد ركن سالم الدوسري، السبت، إحباط محاولة تسلل.\n"
            "وأوضح العميد الدوسري أن القوات رصدت المتسللين ليلا.\n"
            'وقال المتحدث الرسمي باسم قوات التحالف: "لن نسمح بأي خرق للحدود".')
    qs = run(text, [ent(text, "سالم الدوسري"), ent(text, "الدوسري", nth=1)])
    assert qs[-1].text.startswith("لن نسمح")
    assert qs[-1].speaker in ("سالم الدوسري", "الدوسري")


def test_a_spokeswoman_office_takes_the_spokeswoman_not_a_spokesman_of_another_body():
    text = ("وقال المتحدث باسم وزارة الدفاع خالد العمر إن التدريبات مقررة منذ شهور.\n"
            "وقالت المتحدثة باسم وزارة الخارجية، ليلى حداد، إن الحوار مستمر.\n"
            "وأكدت المتحدثة باسم الخارجية أن الوفد سيصل الأحد.")
    qs = run(text, [ent(text, "خالد العمر"), ent(text, "ليلى حداد")])
    assert [q.speaker for q in qs] == ["خالد العمر", "ليلى حداد", "ليلى حداد"]


def test_a_spokesman_of_a_person_is_not_given_that_person_name():
    # The body after باسم is a person: the name there is hers, not the spokesman's.
    text = ("وقال المتحدث باسم الرئيسة مارتا كولينز إنها لن تزور البلاد.\n"
            "وأضاف المتحدث باسم الرئيسة أن الزيارة أرجئت.")
    qs = run(text, [ent(text, "مارتا كولينز")])
    assert all(q.speaker != "مارتا كولينز" for q in qs[1:])


def test_spokesmen_of_two_governments_are_kept_apart():
    text = ("وقال المتحدث باسم الخارجية الفرنسية، جان موران، إن باريس قلقة.\n"
            "وأكد المتحدث باسم الخارجية الإيطالية أن روما تتابع الوضع.")
    qs = run(text, [ent(text, "جان موران")])
    assert qs[-1].speaker != "جان موران"


# --- (i) records: a law's article, estimates, statistics --------------------------------------------

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


# --- plural and dual cues continue a group ---------------------------------------------------------

def test_a_dual_cue_takes_a_dual_description_subject_of_the_sentence_before():
    # The verb before its subject is singular (أجمع); only the subject tells it is two people.
    text = ("أجمع محللان اقتصاديان على أهمية خفض الفائدة في الربع المقبل.\n"
            "وقالا إن التضخم تراجع بوضوح خلال الصيف.")
    (q,) = run(text)
    assert q.speaker == "محللان اقتصاديان"


def test_a_plural_cue_takes_a_definite_sound_plural_the_tagger_took_for_a_person():
    text = ("وأكد المتضررون أن التعويضات لم تصل بعد.\n"
            "وأضافوا أن اللجنة وعدتهم بحل قريب.")
    qs = run(text, [ent(text, "المتضررون")])
    assert [q.speaker for q in qs] == ["المتضررون", "المتضررون"]


def test_a_plural_cue_does_not_take_a_singular_subject_of_the_sentence_before():
    text = ("وقال المحامي سمير داود إن الجلسة أجلت.\n"
            "وزار الوزير نادر سليم السجن أمس.\n"
            "وأكدوا أن الإضراب سيستمر.")
    qs = run(text, [ent(text, "سمير داود"), ent(text, "نادر سليم")])
    assert qs[-1].speaker != "نادر سليم"


# --- a role named earlier in apposition: its holder ----------------------------------------------

def test_a_role_given_in_apposition_after_the_name_resolves_to_that_name(monkeypatch):
    # The reader itself (the speaker-form pass off) finds the holder of «المدير الفني للنجم».
    monkeypatch.setenv("MARSAD_QUOTE_CANON", "off")
    text = ("قال كريم بوعلام، المدير الفني لفريق النجم الساحلي التونسي، إن فريقه جاهز للنهائي.\n"
            "وقال اللاعب سامي الهادي إن الفريق مستعد.\n"
            "وأكد المدير الفني للنجم أنه سيلعب بطريقة هجومية.")
    qs = run(text, [ent(text, "كريم بوعلام"), ent(text, "سامي الهادي")])
    assert [q.speaker for q in qs] == ["كريم بوعلام", "سامي الهادي", "كريم بوعلام"]


def test_a_role_with_a_describing_adjective_resolves_to_the_holder_named_after_a_nationality(monkeypatch):
    # «البرتغالي X قائد Y» names him; «قائد Y المخضرم» describes the same office.
    monkeypatch.setenv("MARSAD_QUOTE_CANON", "off")
    text = ("اعتبر البرتغالي جواو مارتينز قائد بنفيكا لشبونة أن الخسارة جاءت بسبب الحظ.\n"
            'وقال قائد بنفيكا المخضرم: "سنعود أقوى في الموسم المقبل".')
    qs = run(text, [ent(text, "جواو مارتينز"), ent(text, "بنفيكا لشبونة", "ORG"), ent(text, "بنفيكا", "ORG", nth=1)])
    assert qs[-1].speaker == "جواو مارتينز"


def test_a_role_with_another_nationality_is_not_the_last_speaker():
    # الخارجية is shared by both descriptions; the country is not.
    text = ("قال ماركو روسي، وزير الخارجية الإيطالي، إن الاجتماع كان مثمرا.\n"
            "وأكد وزير الخارجية الفرنسي أن باريس ستشارك في القمة.")
    qs = run(text, [ent(text, "ماركو روسي")])
    assert qs[-1].speaker != "ماركو روسي"


# --- the subject of the sentence before: a body the tagger missed ----------------------------------

def test_a_bare_cue_takes_an_untagged_body_subject_of_the_sentence_before():
    text = ('وقال المتحدث باسم الجيش العقيد سامر ناصيف إن "الهجوم صُدّ".\n'
            "ونشر المكتب الإعلامي للواء الثالث مقطعا مصورا للمعارك.\n"
            "وأوضح أن القوات استعادت ثلاث قرى.")
    qs = run(text, [ent(text, "سامر ناصيف")])
    assert qs[-1].speaker == "المكتب الإعلامي للواء الثالث"


def test_a_bare_cue_does_not_take_a_body_object_after_a_bare_noun_subject():
    text = ('وقال المحامي رامي حداد إن "الحكم قاس".\n'
            "واستأنف موكله الحكم أمام المحكمة العليا.\n"
            "وأضاف أن الجلسة حددت في الشهر المقبل.")
    qs = run(text, [ent(text, "رامي حداد")])
    assert qs[-1].speaker == "رامي حداد"



# --- speaker forms: a particle glued to a tagged name; a person noun with an adjective ---------------

def test_a_clause_particle_the_tagger_took_into_a_name_is_dropped():
    # (the surname spelt with another long vowel the second time)
    text = ('وقال رئيس الوزراء بنيامين نتنياهو إن "الرد سيكون قاسيا".\n'
            "وفي حين أشار الوزير إلى تهدئة، فإن نتانياهو قال إن العملية ستتواصل.")
    qs = run(text, [ent(text, "بنيامين نتنياهو"), ent(text, "فإن نتانياهو")])
    assert qs[-1].speaker == "بنيامين نتنياهو"


def test_a_person_noun_with_an_adjective_continues_the_last_speaker_of_its_gender():
    text = ('وروت سلمى الحداد لصحيفة محلية: "بحثت عنها ثلاثين عاما".\n'
            'وأضافت المرأة الستينية: "لم أفقد الأمل يوما".')
    qs = run(text, [ent(text, "سلمى الحداد")])
    assert [q.speaker for q in qs] == ["سلمى الحداد", "سلمى الحداد"]


def test_a_person_noun_of_the_other_gender_does_not_continue_the_last_speaker():
    text = ('وروت سلمى الحداد لصحيفة محلية: "بحثت عنه ثلاثين عاما".\n'
            'وقال الرجل السبعيني: "لم أكن أعرف أن لي ابنة".')
    qs = run(text, [ent(text, "سلمى الحداد")])
    assert qs[-1].speaker != "سلمى الحداد"


# --- a fronted subject in the sentence before -------------------------------------------------------

def test_a_bare_cue_takes_the_fronted_subject_of_the_sentence_before_over_the_last_speaker():
    text = ('وقال الرئيس الأميركي جو هارت إن "القمة ستعقد في موعدها".\n'
            "لكن نائب وزير الخارجية الكوري سونغ مين هو اتهم واشنطن بالمماطلة في المحادثات.\n"
            "وقال في بيان إن بلاده قد تعيد النظر في القمة.")
    qs = run(text, [ent(text, "جو هارت"), ent(text, "سونغ مين هو")])
    assert [q.speaker for q in qs] == ["جو هارت", "سونغ مين هو"]


def test_a_name_after_a_preposition_is_no_fronted_subject():
    # «ومع X وصل الوفد»: X is with the delegation, not who speaks next
    text = ('وقال الوزير عادل منصور إن "الزيارة ناجحة".\n'
            "ومع سونغ مين هو وصل وفد كبير إلى العاصمة.\n"
            "وأضاف أن الاتفاق سيوقع قريبا.")
    qs = run(text, [ent(text, "عادل منصور"), ent(text, "سونغ مين هو")])
    assert qs[-1].speaker == "عادل منصور"


def test_results_and_indicators_have_no_speaker_but_a_named_genitive_speaks():
    text = ("وأشارت نتائج البحث إلى أن الجفاف سبق انهيار المدينة.\n"
            "وتؤكد المؤشرات الأولية أن الإقبال سيكون كبيرا.\n"
            "وبلغت الصادرات عشرة مليارات دولار وفقا لإحصاءات عمان.")
    qs = run(text, [ent(text, "عمان", "GPE")])
    assert [q.speaker for q in qs] == [None, None, "عمان"]


# --- agreement: a masculine verb before a feminine body makes that body its object --------------------

def test_a_feminine_body_after_a_masculine_stance_verb_is_its_object_not_the_next_speaker():
    text = ('وقال الوزير كمال يوسف إن "الأمن مستتب".\n'
            "واتهم الشرطة المحلية بالتقصير في حماية المشجعين.\n"
            "وأضاف أن التحقيق سيكشف المسؤولين.")
    qs = run(text, [ent(text, "كمال يوسف")])
    assert [q.speaker for q in qs] == ["كمال يوسف", "كمال يوسف"]


# --- a document for its issuer ------------------------------------------------------------------------

def test_an_analysis_issued_by_a_bank_and_a_report_of_a_team_speak_for_their_issuers():
    text = ("رجح التحليل الشهري الصادر عن بنك الخليج الأول أن تتراجع أسعار الذهب.\n"
            "وأشار التحليل إلى أن الطلب الصيني ضعيف.\n"
            "وبلغ عدد الزوار ألف زائر وفقا لتقرير فريق الرصد بالمعرض.")
    qs = run(text, [ent(text, "بنك الخليج الأول", "ORG")])
    assert [q.speaker for q in qs] == ["بنك الخليج الأول", "بنك الخليج الأول", "فريق الرصد بالمعرض"]
