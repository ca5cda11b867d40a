"""Speakers carried over from earlier text: cues and participles with no subject of their own (pro-drop),
later short mentions (surname, office, honorific, description, body or document) resolving to the one named
before, and the speaker state that decides who that is (gender, number, objects). Sentences written for
these tests (none copied from an article)."""

from __future__ import annotations

import pytest

from marsad.doc import Doc, RawArticle
from marsad.extract.quotes import QuoteExtractor

from .quote_helpers import both, ent, per, run, speakers


# --- pro-drop and continuation, with the rules alone and with the ranker --------------------------

@both
def test_pro_drop_across_sentences_and_paragraphs(ranker):
    text = ("وقال رئيس بلدية المدينة كريم العبيدي إن أعمال الصيانة ستنتهي قبل الشتاء. وتابع أن الكلفة تحملتها البلدية.\n\n"
            "وأضاف العبيدي: “لن نترك شارعا واحدا دون إنارة”، مبينا أن فرق العمل تعمل ليلا ونهارا.")
    out = run(text, ranker=ranker)
    assert [q.speaker for q in out] == ["كريم العبيدي"] * 4
    assert [q.cue for q in out] == ["وقال", "وتابع", "وأضاف", "مبينا"]


@both
def test_feminine_cue_skips_the_latest_masculine_speaker(ranker):
    text = ("أعلنت هيئة الطيران المدني أن الرحلات ستعود الأسبوع المقبل. "
            "وقال المدير التنفيذي للمطار حسان الجبوري إن الصالات جاهزة لاستقبال المسافرين. "
            "وأوضحت أن شركات الطيران أبلغت بالمواعيد الجديدة.")
    out = run(text, ranker=ranker)
    assert [q.speaker for q in out] == ["هيئة الطيران المدني", "حسان الجبوري", "هيئة الطيران المدني"]


@both
def test_surname_resolves_to_the_full_name(ranker):
    text = ("وقال المتحدث باسم البعثة الأممية الدكتور توماس فيلدمان إن المساعدات وصلت إلى المخيمات. "
            "ولفت فيلدمان إلى أن الطرق ما زالت غير آمنة.")
    out = run(text, ranker=ranker)
    assert [q.speaker for q in out] == ["توماس فيلدمان", "توماس فيلدمان"]


@both
def test_his_highness_is_the_person_named_before(ranker):
    text = ("استقبل أمير المنطقة الشرقية الأمير فيصل بن خالد وفد الغرفة التجارية في مكتبه أمس. "
            "وأوضح سموه أن المشاريع الجديدة ستوفر آلاف الوظائف لأبناء المنطقة.")
    [q] = run(text, ranker=ranker)
    assert q.speaker == "فيصل بن خالد"


# --- a bare cue: the subject of the sentence before, or the current speaker -----------------------

def test_a_bare_cue_takes_the_subject_of_a_coordinated_clause_before_it():
    # No speaker yet: the person who "expressed his wish" in the second clause says the next statement.
    text = ("ولا يزال عقد المهاجم يربطه بالنادي لموسم آخر، وأعرب مدربه، كريم الناصري عن أمله في بقائه. "
            'وقال: "نحتاج إلى خبرته في المباريات الكبيرة".')
    (q,) = run(text, [ent(text, "كريم الناصري")])
    assert q.speaker == "كريم الناصري"


def test_a_bare_feminine_cue_takes_a_body_named_in_quotation_marks_before_it():
    # وتخطط «…»: a feminine present verb, then the company; وقالت refers to the company, not to the man
    # quoted two paragraphs earlier.
    text = ("وقال المدير التنفيذي سامر حداد إن الطلب يتحسن.\n"
            "وتخطط «نوران للسيارات» لبيع عشرين ألف سيارة هذا العام.\n"
            "وقالت إنها خسرت ثلاثة ملايين دولار في الربع الثاني.")
    qs = run(text, [ent(text, "سامر حداد"), ent(text, "نوران للسيارات", "ORG")])
    assert [q.speaker for q in qs] == ["سامر حداد", "نوران للسيارات"]


def test_a_bare_cue_after_a_quoteless_cue_takes_that_cue_subject():
    # وأكد X تفهمه …: a cue with no statement still names who speaks next.
    text = ('وقال وزير الخارجية عادل الفارس إن المحادثات "بناءة".\n'
            "وأكد فرانز ليندبرغ تفهمه لمخاوف دول المنطقة.\n"
            "وأضاف أن العقوبات ستعود إذا خرقت طهران الاتفاق.")
    qs = run(text, [ent(text, "عادل الفارس"), ent(text, "فرانز ليندبرغ")])
    assert [q.speaker for q in qs] == ["عادل الفارس", "فرانز ليندبرغ"]


def test_a_sentence_holding_a_quotation_leaves_the_current_speaker():
    # The sentence before has its own statement: the current speaker is the one who made it.
    text = ('وقال المتحدث باسم الشرطة نادر سليم إن "التحقيق مستمر".\n'
            "وأضاف أن ثلاثة مشتبه بهم أوقفوا.")
    qs = run(text, [ent(text, "نادر سليم")])
    assert [q.speaker for q in qs] == ["نادر سليم", "نادر سليم"]


def test_a_name_glued_to_lam_after_the_cue_is_the_one_addressed():
    # وأضاف لراديو "…": the tagger's "person" glued to ل is the radio addressed, not the speaker.
    text = ('وقال وزير الخارجية جان لوران إن الاتفاق "لم ينته".\n'
            'وأضاف لراديو "صوت المدينة" إن "الاتفاق ما زال قائما".')
    qs = run(text, [ent(text, "جان لوران"), ent(text, "لراديو")])
    assert [q.speaker for q in qs] == ["جان لوران", "جان لوران"]


def test_pro_drop_takes_the_subject_of_the_sentence_just_before():
    text = ("وقال وزير الخارجية البريطاني بوريس جونسون إن المحادثات كانت مثمرة. "
            "ويعد الرئيس ستيفن مارلو من أشد المنتقدين للاتفاق منذ توقيعه. "
            "وقال إنه سيعلن قراره قبل نهاية الشهر.")
    ents = [per(text, "بوريس جونسون"), per(text, "ستيفن مارلو")]
    out = run(text, ents, ranker=True)
    assert [q.speaker for q in out] == ["بوريس جونسون", "ستيفن مارلو"]
    # without the tagger there is no person to take: the last speaker stays
    assert [q.speaker for q in run(text, ranker=True)] == ["بوريس جونسون", "بوريس جونسون"]


def test_a_person_after_a_bare_noun_subject_is_its_object():
    text = ("وقال وزير العدل سامح الجمال إن القضاء مستقل. "
            "وفصل مجلس تأديبي هشام الرفاعي من عمله في الوزارة. "
            "وأضاف أن الحكم قابل للطعن.")
    out = run(text, [per(text, "سامح الجمال"), per(text, "هشام الرفاعي")], ranker=True)
    assert [q.speaker for q in out] == ["سامح الجمال", "سامح الجمال"]


def test_pro_drop_after_kana_takes_the_subject_with_its_apposition():
    text = ("وتحدث وزير الخارجية مع نظيره الفرنسي مساء الأحد. "
            "وكان رئيس الحكومة، سامي الخطيب، قد قرر الاثنين الانسحاب من الاتفاق. "
            "وقال إن الاتفاق لم يحقق أهدافه.")
    quotes = run(text, [per(text, "سامي الخطيب")])
    assert quotes[-1].speaker == "سامي الخطيب"


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


def test_a_feminine_body_after_a_masculine_stance_verb_is_its_object_not_the_next_speaker():
    text = ('وقال الوزير كمال يوسف إن "الأمن مستتب".\n'
            "واتهم الشرطة المحلية بالتقصير في حماية المشجعين.\n"
            "وأضاف أن التحقيق سيكشف المسؤولين.")
    qs = run(text, [ent(text, "كمال يوسف")])
    assert [q.speaker for q in qs] == ["كمال يوسف", "كمال يوسف"]


def test_a_cue_that_found_no_statement_is_an_ordinary_verb_for_the_next_cue():
    text = "اعترفت السويد علنا بوجود خلافات مع جيرانها، وقالت إنها ستعمل على حلها بالحوار."
    qs = run(text, [ent(text, "السويد", "LOC")])
    assert speakers(qs) == ["السويد"]


def test_subject_first_then_its_verb_then_a_coordinated_cue():
    text = ("أعلن الوزير أن الانتخابات ستجري في موعدها.\n"
            "الهيئة الوطنية للانتخابات رفضت الطعن المقدم من الحزب، وأكدت أن النتائج نهائية.")
    qs = run(text)
    assert speakers(qs) == ["الوزير", "الهيئة الوطنية للانتخابات"]


def test_a_stance_verbs_object_is_not_the_subject():
    text = ("قال الوزير سامي الحداد إن الحوار سيستمر.\n"
            "وانتقد الحداد مالي لأنها أغلقت الحدود، وقال إن القرار متسرع.")
    qs = run(text, [ent(text, "سامي الحداد"), ent(text, "الحداد", nth=1, canonical="سامي الحداد"), ent(text, "مالي", "LOC")])
    assert speakers(qs) == ["سامي الحداد", "سامي الحداد"]


def test_the_pronoun_on_bayda_annahu_is_the_first_clause_s_subject():
    text = ("وقال خالد الفهيد إن العمل مستمر. "
            "ولم يفصح الفهيد عن موعد التسليم، بيد أنه أكد أن الأراضي ستخصص للمشاريع السكنية.")
    quotes = run(text, [per(text, "خالد الفهيد")])
    assert [q.speaker for q in quotes] == ["خالد الفهيد", "خالد الفهيد"]


# --- participles and joined cues: the subject of the sentence's own verb --------------------------

@pytest.mark.parametrize("text, speaker", [
    ("اتفق نواب في مجلس الشورى على ضرورة إصدار نظام لحماية المستهلك، مؤكدين أن التأخير يضر بالأسواق.", "نواب"),
    ("احتج أعضاء الفرقة المسرحية على إغلاق المسرح، وقالوا إن الفن لن يتوقف.", "أعضاء الفرقة المسرحية"),
    ("وخفضت الهيئة العامة للإحصاء تقديراتها للنمو، مبينة أن الطلب المحلي تراجع.", "الهيئة العامة للإحصاء"),
])
def test_a_participle_or_a_joined_cue_takes_the_subject_of_the_sentence_verb(text, speaker):
    [q] = run(text)
    assert q.speaker == speaker


def test_a_plural_participle_does_not_take_a_single_subject():
    text = "وقال الوزير إن الخطة جاهزة. وزار المحافظ عادل السامرائي المصانع أمس، مؤكدين أن الإنتاج ارتفع."
    out = run(text)
    assert out[-1].speaker != "عادل السامرائي"


def test_an_honorific_subject_of_the_sentence_verb_speaks_for_a_participle():
    text = ("استقبل أمير المنطقة الأمير سلطان بن فهد وفد الجمعية في مكتبه. "
            "وعبر سموه عن تقديره لجهود المتطوعين، مؤكداً أن العمل التطوعي ركيزة للتنمية.")
    quotes = run(text, [per(text, "سلطان بن فهد")])
    assert quotes[-1].speaker == "سلطان بن فهد"


def test_a_person_read_for_a_participle_stays_the_current_speaker():
    # The participle's speaker comes from the tagger (the role chain hides him from the clause reader);
    # he is then who "حيث قال" and the bare وتابع / وأضاف after it refer to.
    text = ("دبي (وكالات)— عبّر وزير الخارجية البحريني، الشيخ ناصر بن سالم، عن تأييد بلاده للقرار، لافتا إلى أنه "
            '"خطوة شجاعة".\n'
            'جاء ذلك في سلسلة من التغريدات للوزير، حيث قال: "القرار يحمي أمن المنطقة واستقرارها".\n'
            'وتابع قائلا: "لدينا اتفاقات كثيرة لم ينقضها أحد منذ عقود".\n'
            'وأضاف: "الاتفاق السابق ولد ضعيفا وانتهى اليوم".')
    qs = run(text, [ent(text, "ناصر بن سالم")])
    assert len(qs) == 4 and all(q.speaker == "ناصر بن سالم" for q in qs), [(q.text, q.speaker) for q in qs]


def test_the_one_interviewed_with_is_no_speaker():
    # في مقابلة … مع الزميل X: X asked the questions; with no one else tagged the quotation has no speaker
    # rather than the interviewer's name.
    text = ('جاء ذلك في مقابلة للسفير الأمريكي السابق مع الزميل رامي جابر، حيث قال: "الركود هو الكلمة '
            'المناسبة لوصف المرحلة".\nوتابع قائلا: "لن تتغير السياسة الخارجية قريبا".')
    qs = run(text, [ent(text, "رامي جابر")])
    assert qs and all(q.speaker != "رامي جابر" for q in qs)


def test_a_participle_takes_the_person_in_subject_place_over_the_last_speaker():
    # إلى ذلك، نعى وزير الدولة … الدكتور X، الشهداء، قائلا: the subject after the verb and its role chain,
    # not the man quoted in the paragraph before.
    text = ('ونعى وزير الخارجية عبدالله بن راشد الشهداء، قائلا: "رفعتم رؤوسنا".\n'
            'إلى ذلك، نعى وزير الدولة للشؤون الخارجية الدكتور سالم القرقاوي، الشهداء، قائلا: '
            '"رحمكم الله وأسكنكم فسيح جناته".')
    qs = run(text, [ent(text, "عبدالله بن راشد"), ent(text, "سالم القرقاوي")])
    assert [q.speaker for q in qs] == ["عبدالله بن راشد", "سالم القرقاوي"]


def test_a_criticised_person_after_a_stance_verb_is_not_taken_as_the_sentence_person():
    # وانتقد X Y، قائلا: the tagger's first person may be the object of the stance verb.
    text = ('وقال المهاجم كريم سالم إن الفريق "يحتاج إلى الهدوء".\n'
            'وانتقد المدرب لاعبه ماجد فوزي، قائلا: "لم يلتزم بالخطة".')
    qs = run(text, [ent(text, "كريم سالم"), ent(text, "ماجد فوزي")])
    assert qs[-1].speaker != "ماجد فوزي"


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


def test_a_partitive_group_after_a_stance_verb_is_the_plural_participle_s_subject():
    text = "ندد عدد من النواب في البرلمان بالقرار الأخير، مؤكدين أن الحكومة تجاوزت صلاحياتها."
    [q] = run(text)
    assert q.speaker == "عدد من النواب"


def test_a_quoted_name_inside_a_stance_verb_s_subject():
    text = 'ورحبت حركة "النهضة" التونسية بالاتفاق الجديد، قائلة إنه خطوة مهمة نحو الاستقرار.'
    [q] = run(text, [ent(text, "النهضة", "ORG")])
    assert q.speaker is not None and "النهضة" in q.speaker
    assert not any(c in q.speaker for c in '"“”«»')


def test_a_dateline_glued_to_the_sentence_is_not_its_first_word():
    # The participle's subject is the main verb's subject; the dateline before the verb is no part of the clause.
    text = ("الرياض، السعودية (CNN)— حذرت كوريا الشمالية الولايات المتحدة من مغبة المناورات المشتركة، "
            "مؤكدة أن ذلك قد يهدد المفاوضات.")
    doc = Doc(RawArticle(text=text))
    doc.entities.extend([ent(text, "كوريا الشمالية", "LOC"), ent(text, "الولايات المتحدة", "LOC"),
                         ent(text, "الرياض", "LOC")])
    doc.boilerplate.append((0, text.index("حذرت") - 1, "dateline"))
    QuoteExtractor(ranker=False)(doc)
    [q] = doc.quotes
    assert q.speaker == "كوريا الشمالية"


def test_without_the_dateline_the_clause_reads_the_same():
    text = ("حذرت كوريا الشمالية الولايات المتحدة من مغبة المناورات المشتركة، "
            "مؤكدة أن ذلك قد يهدد المفاوضات.")
    [q] = run(text, [ent(text, "كوريا الشمالية", "LOC"), ent(text, "الولايات المتحدة", "LOC")])
    assert q.speaker == "كوريا الشمالية"


def test_a_country_subject_of_the_main_verb_speaks_for_a_feminine_cue_in_its_sentence():
    text = "اتهمت اليابان الخميس جارتها بخرق الاتفاق البحري، وهددت بأنها سترد بحزم على أي انتهاك جديد."
    qs = run(text, [ent(text, "اليابان", "LOC")])
    assert speakers(qs) == ["اليابان"]


def test_a_country_subject_is_not_carried_to_a_later_sentence():
    text = ("وأبدت النرويج أسفها على الحادث، وقالت إنها ستفتح تحقيقا مستقلا.\n"
            "وفي لندن لم يتسن للمتحدثة باسم الحكومة التعليق على التقارير.\n"
            "وقالت في مؤتمر صحفي إن الحكومة تتابع الأمر.")
    qs = run(text, [ent(text, "النرويج", "LOC"), ent(text, "لندن", "LOC")])
    assert qs[0].speaker == "النرويج"
    assert qs[-1].speaker != "النرويج"


def test_an_outlet_subject_of_the_main_verb_speaks_for_a_relative_cue():
    text = ("وقال التلفزيون الرسمي إن الانفجار وقع صباحا.\n"
            "ونشر موقع \"الرصد\" صورا قال إنها من مكان الانفجار قرب السوق القديم.")
    qs = run(text)
    assert speakers(qs) == ["التلفزيون الرسمي", "الرصد"]


def test_the_main_verbs_subject_speaks_for_a_present_tense_cue_after_lakin():
    text = "وتعمل شركة نوفا للبرمجيات على تطوير نظام جديد لكنها تتوقع أن يستغرق الأمر عامين."
    qs = run(text, [ent(text, "نوفا", "ORG")])
    assert speakers(qs) == ["شركة نوفا للبرمجيات"]


def test_an_unnamed_group_subject_of_the_main_verb_speaks_for_a_plural_cue():
    text = "ويغادر سكان القرى الحدودية منازلهم هربا مما يقولون إنها اعتداءات متكررة."
    qs = run(text)
    assert [q.speaker for q in qs] == ["سكان القرى الحدودية"]


def test_a_group_subject_first_then_its_plural_verb_speaks_for_a_plural_participle():
    text = ("أقر البرلمان الموازنة الجديدة.\n"
            "وكان عدد من أعضاء البرلمان أبدوا تحفظهم على بنود الإنفاق، معتبرين أن العجز سيتفاقم.")
    qs = run(text)
    assert qs[-1].speaker == "عدد من أعضاء البرلمان"


def test_a_second_role_after_the_subject_is_the_object_not_the_speaker():
    text = ("قال الوزير إن الزيارة ناجحة.\n"
            "واستقبل محافظ المدينة قائد الفرقة العقيد رامي الصالح، مشيدا بما قدمه الفريق من عروض.")
    qs = run(text, [ent(text, "رامي الصالح")])
    assert qs[-1].speaker != "رامي الصالح"


# --- number and gender of the cue -----------------------------------------------------------------

def test_a_plural_cue_does_not_take_a_named_person_or_a_singular_body():
    # وقالوا after a man and a company: neither is "they"; no speaker rather than a wrong one.
    text = ('وقال وزير النفط سالم الخبري إن "الأسعار ستتعافى".\n'
            'وأعلنت الشركة الوطنية للنفط زيادة إنتاجها.\n'
            "وقالوا إنهم يتوقعون أن يدعم الطلب الأسعار.")
    qs = run(text, [ent(text, "سالم الخبري")])
    assert qs[-1].text.startswith("إنهم") or qs[-1].text.startswith("يتوقعون")
    assert qs[-1].speaker is None


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


def test_reflexive_is_not_part_of_the_name_and_a_verb_corrects_the_sources_gender():
    text = ("وارتفعت مبيعات الألبوم إلى مليوني نسخة، بحسب المطربة سوسن نفسها، التي أكدت أن الجولة ستبدأ في الربيع.\n"
            "وقالت: \"أشكر جمهوري على هذا الدعم الكبير\".")
    qs = run(text, [ent(text, "سوسن"), ent(text, "سوسن", nth=0)])
    assert qs and all(q.speaker == "سوسن" for q in qs), speakers(qs)
    assert qs[-1].text.startswith("أشكر جمهوري")


def test_a_bare_group_is_not_resolved_to_one_person():
    text = ("قال الباحث سامي العلي إن العينات جمعت من ثلاث مناطق.\n"
            "وأوضح الباحثون أنهم سينشرون النتائج الكاملة في الخريف.")
    qs = run(text, [ent(text, "سامي العلي")])
    assert speakers(qs) == ["سامي العلي", "الباحثون"]


# --- later mentions: a surname, an honorific, a description or a body named before ----------------

def test_his_excellency_falls_back_on_the_tagged_person():
    text = ("افتتح وزير الإسكان ماجد الحقيل المعرض العقاري في جدة بحضور عدد من المسؤولين. "
            "وأكد معاليه أن الوزارة سلمت عشرة آلاف وحدة سكنية هذا العام.")
    [q] = run(text, [per(text, "ماجد الحقيل")])
    assert q.speaker == "ماجد الحقيل"


def test_an_anaphoric_body_resolves_to_the_body_named_before():
    text = ("طرحت وزارة المالية المغربية سندات خزانة بقيمة ثلاثة مليارات درهم يوم الاثنين. "
            "وقالت الوزارة إن الطلب تجاوز المعروض مرتين.")
    [q] = run(text)
    assert q.speaker == "وزارة المالية المغربية"


def test_a_description_sharing_a_word_with_how_the_person_was_introduced():
    text = ("أكد البرتغالي جواو سيلفا، مدرب النادي، أنه لا يخشى أحدا في النهائي. "
            "وأضاف المدرب البرتغالي عن أسباب النجاح: \"لا أسرار للنجاح\".")
    quotes = run(text, [per(text, "جواو سيلفا")])
    assert [q.speaker for q in quotes] == ["جواو سيلفا", "جواو سيلفا"]


def test_a_surname_glued_like_lam_is_still_the_subject_when_named_in_full_before():
    text = ('وقال ريتشارد لوكمان وزير البيئة إن الخطة "طموحة".\n'
            "ويأتي ذلك بعد أسابيع من الجدل.\n"
            "وقال لوكمان في بيان إن الحكومة ستنشر التفاصيل قريبا.")
    qs = run(text, [ent(text, "ريتشارد لوكمان"), ent(text, "لوكمان", canonical="ريتشارد لوكمان", nth=1)])
    assert [q.speaker for q in qs] == ["ريتشارد لوكمان", "ريتشارد لوكمان"]


def test_a_known_surname_then_its_object_still_resolves():
    text = ("وقال المدرب خوان فيرنانديث إن الفريق لعب جيدا. "
            "وأبلغ فيرنانديث الصحافيين أن الإصابات أثرت على النتيجة.")
    quotes = run(text, [per(text, "خوان فيرنانديث")])
    assert [q.speaker for q in quotes] == ["خوان فيرنانديث", "خوان فيرنانديث"]


def test_the_same_source_is_the_one_cited_before():
    text = ("قالت مصادر أمنية عراقية إن الهجوم استهدف نقطة تفتيش قرب الحدود.\n"
            "وأصيب ثلاثة جنود بجروح طفيفة، بحسب المصدر ذاته.")
    qs = run(text)
    assert speakers(qs) == ["مصادر أمنية عراقية", "مصادر أمنية عراقية"]


def test_a_bare_official_is_the_official_described_before_not_a_named_person():
    text = ("قال مسؤول في وزارة النقل إن الطريق سيفتح الأسبوع المقبل.\n"
            "وأعلن الوزير خالد الراشد أن الميزانية تكفي لثلاثة مشاريع.\n"
            "وأوضح المسؤول أن أعمال الصيانة تأخرت بسبب الأمطار.")
    qs = run(text, [ent(text, "خالد الراشد")])
    assert speakers(qs) == ["مسؤول في وزارة النقل", "خالد الراشد", "مسؤول في وزارة النقل"]


def test_honorific_pronoun_is_the_prince_not_the_king_named_last():
    text = ("رفع صاحب السمو الملكي الأمير ماجد بن سعود أمير المنطقة التعازي لخادم الحرمين الشريفين الملك فهد بن عبدالله.\n"
            "وعبر سموه عن حزنه الشديد، مؤكدا أن رجال الأمن سيبقون سدا منيعا.")
    qs = run(text, [ent(text, "ماجد بن سعود"), ent(text, "فهد بن عبدالله")])
    assert speakers(qs) == ["ماجد بن سعود"]


def test_the_company_is_the_one_the_article_is_about():
    text = ("أعلنت نيكسا عن هاتف جديد يعمل بالطاقة الشمسية.\n"
            "ويأتي الهاتف بشاشة أكبر من سابقه، وقالت الشركة إن المبيعات تبدأ الشهر المقبل.")
    qs = run(text, [ent(text, "نيكسا", "ORG")])
    assert speakers(qs) == ["نيكسا"]


def test_a_company_with_an_adjective_is_not_resolved_to_another_tagged_body():
    text = ("نشرت صحيفة هآرتس تقريرا عن الصفقة.\n"
            "وقالت الشركة الألمانية إنها باعت المعدات وفق القانون.")
    qs = run(text, [ent(text, "هآرتس", "ORG")])
    assert qs[-1].speaker == "الشركة الألمانية"


def test_a_description_with_a_nisba_is_the_person_introduced_with_it():
    text = ("ذكرت صحيفة ماركا أن الكرواتي لوكا بيرسيتش يرغب في الرحيل عن ناديه.\n"
            "ونقلت الصحيفة عن اللاعب الكرواتي قوله: \"أريد تجربة جديدة في الدوري الإنجليزي\".")
    qs = run(text, [ent(text, "لوكا بيرسيتش")])
    assert qs[-1].speaker == "لوكا بيرسيتش"


def test_a_nisba_shared_by_two_people_resolves_to_neither():
    text = ("فاز البرازيلي ماركو سيلفا والبرازيلي جواو ألفيس بالجائزة مناصفة.\n"
            "وقال اللاعب البرازيلي إن الجائزة مهداة إلى عائلته.")
    qs = run(text, [ent(text, "ماركو سيلفا"), ent(text, "جواو ألفيس")])
    assert qs[-1].speaker not in ("ماركو سيلفا", "جواو ألفيس")


# --- later mentions: an office or a role resolving to its holder ----------------------------------

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


def test_a_role_named_earlier_in_apposition_after_a_comma_resolves_to_its_holder():
    text = ("وأوضح سالم العتيبي؛ مدير عام الهيئة، أن الموسم بدأ مبكرا. "
            "ولفت مدير عام الهيئة العامة للموانئ والمنافذ، إلى أن الحركة نشطة.")
    quotes = run(text, [per(text, "سالم العتيبي")])
    assert [q.speaker for q in quotes] == ["سالم العتيبي", "سالم العتيبي"]


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


def test_a_tagged_subject_right_before_an_office_is_not_its_holder():
    text = ("ومنح الرئيس ماركوس فيلان الممثل التجاري مهلة أسبوعين لإعداد القائمة.\n\n"
            "وقال الممثل التجاري إن القائمة ستنشر قريبا.")
    name = "ماركوس فيلان"
    [q] = run(text, [per(text, name)])
    assert q.speaker != name


def test_two_coordinated_offices_do_not_give_the_first_one_the_second_ones_holder():
    text = ("وبعد اجتماع بين أمير الدولة والرئيس الزائر بيتر هولم استمر ساعتين، صدر بيان مشترك.\n\n"
            "وأعلن أمير الدولة أن بلاده ستدعم المشاريع المشتركة.")
    [q] = run(text)
    assert q.speaker != "بيتر هولم"


def _run_titled(text: str, title: str, entities) -> list:
    doc = Doc(RawArticle(text=text, title=title))
    doc.entities.extend(entities)
    QuoteExtractor(ranker=False)(doc)
    return doc.quotes


def test_an_office_with_no_holder_in_the_text_is_the_person_the_headline_quotes():
    text = ("اعتبر المرشح لرئاسة الاتحاد الآسيوي سالم الدوسري أن الانتخابات ستكون صعبة. "
            "وحول سؤال عن منافسيه، أكد نائب رئيس الاتحاد السابق أن الحملة تسير بثبات.")
    quotes = _run_titled(text, "سالم الدوسري: الانتخابات صعبة", [per(text, "سالم الدوسري")])
    assert [q.speaker for q in quotes] == ["سالم الدوسري", "سالم الدوسري"]


def test_without_a_headline_speaker_the_office_stays_unnamed():
    text = ("اعتبر المرشح لرئاسة الاتحاد الآسيوي سالم الدوسري أن الانتخابات ستكون صعبة. "
            "وحول سؤال عن منافسيه، أكد نائب رئيس الاتحاد السابق أن الحملة تسير بثبات.")
    quotes = _run_titled(text, "الانتخابات الآسيوية: حملة صعبة", [per(text, "سالم الدوسري")])
    assert quotes[1].speaker != "سالم الدوسري"


def test_an_unnamed_source_is_never_the_headline_s_person():
    text = ("قال سالم الدوسري إن الانتخابات ستكون صعبة. "
            "وأكد مسؤول في الاتحاد أن الحملة تسير بثبات.")
    quotes = _run_titled(text, "سالم الدوسري: الانتخابات صعبة", [per(text, "سالم الدوسري")])
    assert quotes[1].speaker != "سالم الدوسري"


# --- later mentions of a document -----------------------------------------------------------------

def test_the_later_mention_of_a_document_speaks_for_its_issuer():
    text = ("وذكر بيان وزارة الداخلية أن الحملة شملت عشر مدن. "
            "وأضاف البيان أن الحملة ستستمر حتى نهاية الشهر.")
    quotes = run(text)
    assert [q.speaker for q in quotes] == ["وزارة الداخلية", "وزارة الداخلية"]


def test_the_report_speaks_for_the_author_of_the_study_introduced_before():
    text = ("وأظهر بحث أجراه الاقتصادي سامر النجار، من جامعة القاهرة، تراجعا في الادخار.\n"
            "وقال التقرير إن \"معدلات الادخار ستنخفض أكثر في العام المقبل\".")
    qs = run(text, [ent(text, "سامر النجار")])
    assert qs[-1].speaker == "سامر النجار"


def test_a_report_with_no_author_named_is_not_given_one():
    text = ("قال الوزير هشام الرفاعي إن الحكومة ستدعم المزارعين.\n"
            "ونشر تقرير حقوقي جديد أرقاما عن الضحايا. وقال التقرير إن \"عدد الضحايا تجاوز الألف\".")
    qs = run(text, [ent(text, "هشام الرفاعي")])
    assert qs[-1].speaker != "هشام الرفاعي" and qs[-1].speaker != "حقوقي"


def test_a_document_cue_does_not_take_the_previous_subject():
    # وجاء في تصريح أصدرته الشركة: the statement is the company's, not the man in the sentence before.
    text = ("ويواجه رامي الخطيب اتهامات عديدة ينفيها.\n"
            'وجاء في تصريح أصدرته شركة الخطيب للإنتاج "أن الشركة ستبيع أصولها".')
    qs = run(text, [ent(text, "رامي الخطيب")])
    assert all(q.speaker != "رامي الخطيب" for q in qs)


def test_a_plural_cue_does_not_continue_a_document():
    # بقولهم after "the open letter": they are the campaigners the sentence names, not the letter.
    text = ('وقالت الرسالة المفتوحة إن القانون "يضر بحرية التعبير". '
            'وانتقد المشاركون في الحملة القانون بقولهم "إنه يهدد الإنترنت المفتوح".')
    qs = run(text)
    assert qs[0].speaker == "الرسالة المفتوحة" and qs[-1].speaker != "الرسالة المفتوحة"


# --- session 6: who speaks after "أوضح ذلك X" and inside "جاء ذلك في مقابلة … حيث قال" -----------

def test_the_subject_of_a_cue_with_dhalika_speaks_in_the_participles_after_it():
    # أوضح ذلك لـ«…» X، مشيرا: ذلك is the object, the source after the outlet addressed is the subject,
    # and the participles of the sentence are his, not the body named in the sentence before.
    text = ("وقالت الهيئة العامة للنقل إن الحافلات الجديدة ستعمل في الصيف.\n"
            "تبدأ الجامعة استقبال طلبات التسجيل للفصل الصيفي الأسبوع المقبل عبر البوابة الإلكترونية.\n"
            "أوضح ذلك لـ«الوطن» مصدر مسؤول في عمادة القبول، مشيرا إلى أن عدد المقاعد محدود هذا العام، "
            "ولافتا إلى أن الرسوم لم تتغير.")
    qs = run(text)
    assert [q.cue for q in qs][-2:] == ["مشيرا", "ولافتا"]
    assert [q.speaker for q in qs][-2:] == ["مصدر مسؤول في عمادة القبول"] * 2


def test_a_cue_inside_a_ja_a_dhalika_frame_takes_the_subject_of_the_sentence_before():
    # The writer's frame (جاء ذلك في مقابلة … حيث قال) refers to what the sentence before reported: its
    # subject says the quotation, and the next bare cue continues him — not the interviewer named with مع.
    text = ("وقال رئيس الهيئة مازن العلي إن الخطة ستعرض على مجلس الوزراء.\n"
            "شارك الوزير السابق هشام الكردي في ندوة عن النقل العام أمس.\n"
            'جاء ذلك في مقابلة للوزير السابق مع الإعلامي سامر نجيب حيث قال: "لا أحد يعرف متى ستبدأ الأعمال".\n'
            'وتابع: "المشاريع تحتاج إلى تمويل لم يتوفر بعد".')
    qs = run(text, [per(text, "مازن العلي"), per(text, "هشام الكردي"), per(text, "سامر نجيب")])
    assert [q.speaker for q in qs] == ["مازن العلي", "هشام الكردي", "هشام الكردي"]


def test_a_stance_verb_after_min_janibihi_remembers_its_subject_for_the_participle():
    # من جانبه عبر X عن شكره …، مؤكدا: the verb follows the opener, not a comma, yet X is the subject the
    # participle refers to — not the speaker of the paragraph before.
    text = ("وقال رئيس الجامعة خالد المنصور إن الدراسة تبدأ الأحد.\n"
            "من جانبه عبر وكيل الجامعة للشؤون التعليمية الدكتور سامي العتيبي عن شكره للمعلمين، "
            "مؤكدا أن النتائج ستظهر قريبا.")
    qs = run(text, [per(text, "خالد المنصور"), per(text, "سامي العتيبي")])
    assert [q.speaker for q in qs] == ["خالد المنصور", "سامي العتيبي"]


def test_a_cue_in_a_relative_clause_after_an_opener_takes_the_subject_of_the_main_verb():
    # من جهتها، طلبت X من Y … على ما وصفته بـ«…»: the verb comes after the opener; its subject (the body the
    # tagger found) is who "described" it.
    text = ('وقال وزير الدفاع كريم الحداد إن "الجيش في حالة تأهب".\n'
            "من جهتها، طلبت الرئاسة المصرية من الحكومة الليبية تقديم توضيحات بشأن ما وصفته بـ«التجاوزات الخطيرة على الحدود».")
    qs = run(text, [per(text, "كريم الحداد"), ent(text, "الرئاسة المصرية", "ORG")])
    assert [q.speaker for q in qs] == ["كريم الحداد", "الرئاسة المصرية"]


# --- session 7: the clause before the cue, trailing sources, reports inside reports -----------------

@both
def test_a_coordinated_cue_takes_the_subject_of_the_clause_before_it(ranker):
    # فالرئيس X، يضع …، ويقول: the subject named before its verb in this sentence, not the last speaker
    text = ("وقال رئيس الوزراء الكندي ستيفن وارد إن الاتفاق يحتاج إلى مراجعة. "
            "وبدا الخلاف واضحا في الاجتماع، فالرئيس المكسيكي ألبرتو رويز، يضع شروطا جديدة للتجارة، "
            "ويقول إن \"السوق المشتركة\" لم تعد كافية.")
    qs = run(text, [per(text, "ستيفن وارد"), per(text, "ألبرتو رويز")], ranker=ranker)
    assert speakers(qs) == ["ستيفن وارد", "ألبرتو رويز"]


def test_a_subject_after_an_that_clause_opener_is_the_coordinated_cues():
    text = ("وقال موقع علمي إن الاكتشاف \"هو الأهم في هذا القرن\". غير أن مارتن كول يشك في ذلك "
            "ويقول \"لا أرى دليلا كافيا حتى الآن\".")
    qs = run(text, [per(text, "مارتن كول")])
    assert qs[-1].speaker == "مارتن كول"


def test_a_cue_opening_a_sentence_takes_the_subject_after_qad_and_the_verb():
    # وقد أدى X اليمين …. وقال إنه: the particle, then the verb, then its subject
    text = ("وأكد المحلل سمير داود أن الحكومة الجديدة تواجه تحديات كبيرة.\n\n"
            "وقد أدى جمال الطيب، البالغ من العمر 70 عاما، اليمين الدستورية رئيسا للحكومة أمس. "
            "وقال إنه سيشكل لجنة لمكافحة الفساد.")
    qs = run(text, [per(text, "سمير داود"), per(text, "جمال الطيب")])
    assert speakers(qs) == ["سمير داود", "جمال الطيب"]


@both
def test_a_trailing_source_does_not_take_the_floor(ranker):
    # "… وفقا للمرصد. وأضاف: …": the source vouches for one fact; وأضاف continues the minister
    text = ("وقال وزير الدفاع عمر النعيمي إن قواته مستعدة لأي طارئ. "
            "وقتل أربعة مسلحين في غارة ليلية قرب الحدود، وفقا للمرصد الوطني لحقوق الإنسان. "
            "وأضاف: \"لا أعتقد أن المواجهة انتهت\".")
    qs = run(text, [per(text, "عمر النعيمي")], ranker=ranker)
    assert qs[0].speaker == "عمر النعيمي" and qs[-1].speaker == "عمر النعيمي"


def test_a_report_inside_a_report_is_continued_by_its_own_subject():
    # وقالت الوكالة إن رئيس البرلمان X وصف … بأنه "…"، وقال إن: وقال agrees with X, not with the agency
    text = ("وقالت وكالة الأنباء الرسمية إن رئيس البرلمان كريم نادري وصف القرار بأنه \"خطأ تاريخي\"، "
            "وقال إن \"العقوبات\" لن تغير شيئا.")
    qs = run(text, [ent(text, "الأنباء الرسمية", "ORG"), per(text, "كريم نادري")])
    assert qs[-1].speaker == "كريم نادري"


def test_a_feminine_cue_does_not_fall_back_on_the_subject_of_a_masculine_verb():
    # ويرأس X الجمعية …، قالت إن: the person is the subject of يرأس; قالت is not his
    text = ("ويرأس خليل المنصور جمعية الأرض الخضراء، وهي منظمة تنشط في حماية البيئة، "
            "وسبق أن كشفت عن مخالفات كثيرة، قالت إن السلطات تجاهلت شكاواها.")
    qs = run(text, [per(text, "خليل المنصور")])
    assert all(q.speaker != "خليل المنصور" for q in qs if q.cue == "قالت")


@pytest.mark.parametrize("text, speaker", [
    # a verb before its subject stays singular: the group after it is the subject a plural or feminine cue continues
    ("وقال مدير المستشفى إن حالة المصابين مستقرة. من جانبهم، ثمن ذوو المصابين زيارة الوفد، "
     "مبينين أن الزيارة خففت عنهم.", "ذوو المصابين"),
    ("وقال المدرب إن الفريق جاهز. وأشار عدد من وسائل الإعلام المحلية إلى قيمة العقد، "
     "وقالت إنها الأعلى في تاريخ النادي.", "عدد من وسائل الإعلام المحلية"),
    ("وقال الوزير إن القانون كاف. ويواجه القانون انتقادات، حيث تعتبره أغلب منظمات حقوق الإنسان «حبرا على ورق»، "
     "مؤكدة أنه لم يطبق يوما.", "أغلب منظمات"),
])
def test_a_group_after_a_singular_verb_is_the_subject_of_the_cue_after_it(text, speaker):
    qs = run(text)
    assert qs[-1].speaker == speaker


def test_a_plural_ending_is_the_subject_and_what_follows_is_the_object():
    # ووصفوا الفريق الجديد بـ"…": the noun after a verb marked plural is its object
    text = ("وقال المدرب سامي العلي إن الفريق جاهز. فبينما تهكم المشجعون على الصفقة ووصفوا الفريق الجديد "
            "بـ\"المغمور\"، رد آخرون بأن اللاعب سيتألق.")
    qs = run(text, [per(text, "سامي العلي")])
    assert [q.speaker for q in qs if q.cue == "ووصفوا"] == ["المشجعون"]


def test_an_adverbial_aside_between_the_subject_and_its_verb_is_skipped():
    text = ("وقال الشيخ يحيى سالم إن القبائل موحدة.\n\n"
            "عبدالخالق فايز بشر، أحد مشايخ القبيلة، بدوره، أكد أن المسلحين فشلوا في التقدم.")
    qs = run(text, [per(text, "يحيى سالم"), per(text, "عبدالخالق فايز بشر")])
    assert speakers(qs) == ["يحيى سالم", "عبدالخالق فايز بشر"]


def test_the_one_told_inside_a_report_does_not_take_the_floor():
    # مشيرا إلى أنه أبلغ رئيس الوزراء Y …: Y is told (after the verb), not a subject read before it
    text = ("وشدد السياسي إياد الراوي على أن الإصلاح يبدأ من الحكومة، مشيرا إلى أنه أبلغ رئيس الوزراء سالم العبيدي "
            "بصفقات فاسدة. وأضاف أنه لم يتلق ردا حتى الآن.")
    qs = run(text, [per(text, "إياد الراوي"), per(text, "سالم العبيدي")])
    assert qs[-1].speaker == "إياد الراوي"
