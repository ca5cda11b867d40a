"""Quote detection, session 4: sentences written for these tests (never copied from an article).

Each test names the mechanism it covers in src/marsad/extract/quotes.py.
"""

from __future__ import annotations

from marsad.doc import Doc, RawArticle
from marsad.extract.quotes import QuoteExtractor

from .quote_helpers import run


def quotes(text: str):
    return run(text, ranker=True)


# --- trailing_relay: "…، كما أعلنت الشرطة." / "…، على ما أوضح X." ----------------------------

def test_kama_relay_at_the_sentence_end_attributes_the_clause_before_it():
    qs = quotes("انهار جسر للمشاة فوق نهر صغير في شمال البلاد صباح الأحد، كما أعلنت الشرطة المحلية.")
    assert [(q.text, q.direct, q.speaker) for q in qs] == [
        ("انهار جسر للمشاة فوق نهر صغير في شمال البلاد صباح الأحد", False, "الشرطة المحلية")]


def test_ala_ma_relay_with_a_named_person():
    q, = quotes("وتضم الشركة الجديدة وحدات البحث الطبي ومختبرات الطاقة، على ما أوضح المدير التنفيذي كريم منصور.")
    assert q.text.startswith("وتضم الشركة الجديدة") and q.text.endswith("الطاقة")
    assert q.speaker == "كريم منصور"


def test_kama_relay_inside_the_sentence_is_an_aside():
    # -كما قال- inside narration is no statement of its own (settled conventions, rule 4)
    assert quotes("وكان المنزل، كما قال الجيران، مهجورا منذ سنوات طويلة قبل الحادث.") == []


def test_kama_with_a_complement_is_a_statement_of_its_own():
    q, = quotes("وزار الوزير المستشفى الجديد يوم الأحد، كما أكد أن العمل سيبدأ الشهر المقبل.")
    assert q.text == "العمل سيبدأ الشهر المقبل"


def test_kama_relay_needs_someone_who_speaks():
    # a proverb or a quantity after كما + verb is no source
    assert quotes("ولا يمكن الاعتماد على النوايا وحدها في السياسة، كما يقول المثل.") == []
    assert quotes("وارتفعت الصادرات الزراعية خلال العام الماضي، كما قدر حجم التبادل بتسعة مليارات.") == []


def test_kama_relay_not_after_another_cue_of_the_sentence():
    q, = quotes("وقال الناطق باسم الشرطة إن الحادث وقع صباحا، كما ذكرت وكالة الأنباء الرسمية.")
    assert q.text == "الحادث وقع صباحا" and q.speaker != "وكالة الأنباء الرسمية"


# --- source_phrase_ok: بحسب / وفق / حسب as a criterion, not a source --------------------------

def test_according_to_a_criterion_run_into_the_clause_is_no_attribution():
    assert quotes("وتتفاوت قيمة الرسوم الجديدة بحسب نوع المخالفة المرتكبة.") == []
    assert quotes("وسيتم بناء المقر الجديد للجمعية وفقا للمخططات المعتمدة من البلدية.") == []
    assert quotes("وتوزع الجوائز على المشاركين حسب الفئات المخصصة لكل مسابقة.") == []


def test_a_set_off_or_named_source_still_attributes():
    q, = quotes("وارتفعت أسعار الحديد في الأسواق المحلية خلال الشهر الماضي، بحسب تجار في المنطقة.")
    assert q.text.startswith("وارتفعت أسعار الحديد") and q.speaker is not None
    q, = quotes("وبلغت قوة الهزة الأرضية خمس درجات وفق المعهد الوطني للرصد في البلاد.")
    assert q.text.startswith("وبلغت قوة الهزة")
    q, = quotes("وقتل ثلاثة أشخاص في الحادث وفقا لتقديرات وزارة الصحة.")
    assert q.text.startswith("وقتل ثلاثة أشخاص")


# --- long_subject: a strict cue opening its sentence, a long role chain, a tagged person, أن --------

def _person(text: str, name: str):
    from marsad.record import Entity
    from marsad.text import entity_id
    i = text.index(name)
    return Entity(name, i, i + len(name), "PER", name, entity_id("PER", name))


def test_strict_cue_with_a_long_named_subject():
    text = ("وبين مدير عام إدارة الشؤون الفنية والصيانة في أمانة محافظة الأحساء سامي بن خالد العتيبي "
            "أن أعمال التطوير ستنتهي قبل نهاية العام.")
    doc = Doc(RawArticle(text=text))
    doc.entities.append(_person(text, "سامي بن خالد العتيبي"))
    QuoteExtractor()(doc)
    assert [(q.text, q.speaker) for q in doc.quotes] == [
        ("أعمال التطوير ستنتهي قبل نهاية العام", "سامي بن خالد العتيبي")]


def test_between_is_still_between_without_a_named_subject_before_an():
    text = "وتراوحت الأسعار بين عشرة ريالات وعشرين ريالا في أسواق المنطقة الشرقية والوسطى خلال الشهر، إلا أن الطلب تراجع."
    assert quotes(text) == []


# --- coordinated_quote: quotations in a row ("X" و"Y"، "X"، "Y") are two quotations ---------------

def test_chants_in_a_row_are_two_quotations_of_one_speaker():
    qs = quotes('وخرج المئات إلى الساحة الكبرى وهتفوا "الحرية للمعتقلين" و"لا للفساد بعد اليوم".')
    assert [q.text for q in qs] == ["الحرية للمعتقلين", "لا للفساد بعد اليوم"]
    assert qs[0].cue == qs[1].cue and qs[0].speaker == qs[1].speaker


def test_quoted_sentences_after_a_colon_in_a_row():
    qs = quotes('وكتبت الصحيفة المحلية في افتتاحيتها: "لقد انتهى زمن الوعود"، "حان وقت المحاسبة".')
    assert [q.text for q in qs] == ["لقد انتهى زمن الوعود", "حان وقت المحاسبة"]


def test_the_end_of_a_long_quotation_is_not_a_second_one():
    q, = quotes('وقالت الوزيرة: "نحن لا نعادي أحدا في المنطقة، لكننا نميز بوضوح بين الشعوب" و"الحكومات".')
    assert q.text.startswith("نحن لا نعادي")


def test_quoted_items_inside_a_reported_clause_stay_one_quotation():
    q, = quotes('وقال الوزير إن النتائج "مشجعة للغاية" و"تفوق التوقعات".')
    assert q.text == 'النتائج "مشجعة للغاية" و"تفوق التوقعات'


# --- wish_quote: quoted words in the clause of a wish are the speaker's own ----------------------

def test_quoted_words_after_a_wish_are_a_direct_fragment():
    qs = quotes('وقال الوزير إن المفاوضات كانت صعبة، معربا عن أمله في أن يكون "الاتفاق قد اقترب كثيرا".')
    assert [(x.text, x.direct) for x in qs][-1] == ("الاتفاق قد اقترب كثيرا", True)


def test_a_wish_without_quoted_words_is_still_no_quotation():
    assert quotes("وأعرب المدرب عن أمله في أن يحقق الفريق الفوز في المباراة المقبلة.") == []


# --- in_acronym: إن/ان spelling the N of سي إن إن، إن بي سي، إن تي في ---------------------------------

def test_the_letters_of_cnn_are_no_complement():
    q, = quotes("وقال مسؤول في الشرطة لشبكة سي إن إن الإخبارية إن الهجوم وقع فجرا.")
    assert q.text == "الهجوم وقع فجرا"
    q, = quotes("وقال الوزير لقناة إن بي سي إن المحادثات ستستأنف الأسبوع المقبل.")
    assert q.text == "المحادثات ستستأنف الأسبوع المقبل"
    assert quotes("وأشارت الصحيفة إلى المقابلة التي بثتها قناة سي إن إن مساء الأحد مع الرئيس.") == []


# --- anaphoric_report: "أوضح ذلك X" attributes the sentence before ------------------------------

def test_explained_that_x_attributes_the_sentence_before():
    qs = quotes("تستقبل حدائق المدينة زوارها بعروض مسرحية للأطفال طوال أيام العيد. "
                "أوضح ذلك مدير عام الحدائق بالأمانة المهندس فيصل الراشد، الذي أشار إلى أن الدخول مجاني.")
    assert [(q.text, q.speaker) for q in qs] == [
        ("تستقبل حدائق المدينة زوارها بعروض مسرحية للأطفال طوال أيام العيد", "فيصل الراشد"),
        ("الدخول مجاني", "فيصل الراشد")]


def test_the_writers_formula_ja_a_dhalika_is_no_report():
    assert quotes("وافتتح الوزير المعرض الجديد للكتاب في العاصمة. جاء ذلك خلال زيارته للمنطقة أمس.") == []


# --- reversed_opener: a closing guillemet typed as the opening one after a colon -------------------

def test_reversed_guillemet_after_a_colon_opens_the_speech():
    qs = quotes("وقال الوزير:» لا تراجع عن القرار ولا مساومة على حقوق المواطنين» وأضاف أن الحكومة ماضية في خطتها.")
    assert [(q.text, q.direct) for q in qs] == [
        ("لا تراجع عن القرار ولا مساومة على حقوق المواطنين", True), ("الحكومة ماضية في خطتها", False)]


# --- evidential: "وهو ما يشير إلى أن" is an inference --------------------------------------------

def test_which_shows_that_is_no_statement():
    assert quotes("وسجلت الشركة إنفاقا بلغ 831 مليون دولار في النصف الأول، وهو ما يشير إلى أنها ستنفق المزيد.") == []
    assert quotes("وغادرت الطائرة المطار بعد ساعتين فقط، مما يؤكد أن الزيارة كانت قصيرة.") == []


def test_relay_needs_a_plain_speech_verb_and_a_subject():
    # a strict verb (تتابع "follows") or a preposition after the verb: no relay
    assert quotes("وفتحت الشرطة تحقيقا في الحادث الغامض بحثا عن الجاني، كما تتابع السفارة في واشنطن القضية.") == []
    assert quotes("ونشر رئيس الهيئة عدة تغريدات عن بقائه في منصبه، كما أردف حول حقوق البث للقناة القطرية.") == []


def test_naqlan_an_is_always_a_relay():
    q, = quotes("وتوفيت الممثلة الشهيرة في فندق بدبي مساء السبت نقلا عن شقيق زوجها.")
    assert q.text.startswith("وتوفيت الممثلة")


# --- present-tense stance verbs govern a quoted fragment ----------------------------------------

def test_present_tense_stance_verb_with_a_quoted_fragment():
    qs = quotes('وبث المدون مقاطع على موقعه، يشكك فيها في "نزاهة الانتخابات وفي نتائجها المعلنة".')
    assert [(q.text, q.direct) for q in qs] == [("نزاهة الانتخابات وفي نتائجها المعلنة", True)]


def test_carrying_a_banner_is_no_stance():
    assert quotes('وخرج المتظاهرون إلى الشوارع، يحملون لافتات "لا للحرب في بلادنا بعد اليوم".') == []
