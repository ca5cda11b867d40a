"""Pro-drop and continuation (issue 3, session 4): who a cue with no subject of its own refers to —
sentences written for these tests (none copied from an article)."""

from __future__ import annotations

from .quote_helpers import ent, run


# --- the subject of the sentence before a bare cue --------------------------------------------

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


def test_a_document_cue_does_not_take_the_previous_subject():
    # وجاء في تصريح أصدرته الشركة: the statement is the company's, not the man in the sentence before.
    text = ("ويواجه رامي الخطيب اتهامات عديدة ينفيها.\n"
            'وجاء في تصريح أصدرته شركة الخطيب للإنتاج "أن الشركة ستبيع أصولها".')
    qs = run(text, [ent(text, "رامي الخطيب")])
    assert all(q.speaker != "رامي الخطيب" for q in qs)


# --- a cue whose own subject the phrase reader missed -------------------------------------------

def test_a_tagged_name_right_after_the_cue_is_its_subject():
    text = ("وقاد المدرب فريد منصور الفريق إلى الدرجة الأولى.\n"
            "وقال الوحدة في بيان: أبلغنا المدرب قراره بالرحيل.")
    qs = run(text, [ent(text, "فريد منصور"), ent(text, "الوحدة", "ORG")])
    assert qs and qs[-1].speaker == "الوحدة"


def test_a_name_glued_to_lam_after_the_cue_is_the_one_addressed():
    # وأضاف لراديو "…": the tagger's "person" glued to ل is the radio addressed, not the speaker.
    text = ('وقال وزير الخارجية جان لوران إن الاتفاق "لم ينته".\n'
            'وأضاف لراديو "صوت المدينة" إن "الاتفاق ما زال قائما".')
    qs = run(text, [ent(text, "جان لوران"), ent(text, "لراديو")])
    assert [q.speaker for q in qs] == ["جان لوران", "جان لوران"]


def test_a_surname_glued_like_lam_is_still_the_subject_when_named_in_full_before():
    text = ('وقال ريتشارد لوكمان وزير البيئة إن الخطة "طموحة".\n'
            "ويأتي ذلك بعد أسابيع من الجدل.\n"
            "وقال لوكمان في بيان إن الحكومة ستنشر التفاصيل قريبا.")
    qs = run(text, [ent(text, "ريتشارد لوكمان"), ent(text, "لوكمان", canonical="ريتشارد لوكمان", nth=1)])
    assert [q.speaker for q in qs] == ["ريتشارد لوكمان", "ريتشارد لوكمان"]


# --- the current speaker read afresh, and the sentence's own person ----------------------------

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


# --- number agreement of a plural cue --------------------------------------------------------------

def test_a_plural_cue_does_not_take_a_named_person_or_a_singular_body():
    # وقالوا after a man and a company: neither is "they"; no speaker rather than a wrong one.
    text = ('وقال وزير النفط سالم الخبري إن "الأسعار ستتعافى".\n'
            'وأعلنت الشركة الوطنية للنفط زيادة إنتاجها.\n'
            "وقالوا إنهم يتوقعون أن يدعم الطلب الأسعار.")
    qs = run(text, [ent(text, "سالم الخبري")])
    assert qs[-1].text.startswith("إنهم") or qs[-1].text.startswith("يتوقعون")
    assert qs[-1].speaker is None


def test_a_plural_cue_does_not_continue_a_document():
    # بقولهم after "the open letter": they are the campaigners the sentence names, not the letter.
    text = ('وقالت الرسالة المفتوحة إن القانون "يضر بحرية التعبير". '
            'وانتقد المشاركون في الحملة القانون بقولهم "إنه يهدد الإنترنت المفتوح".')
    qs = run(text)
    assert qs[0].speaker == "الرسالة المفتوحة" and qs[-1].speaker != "الرسالة المفتوحة"
