"""Quote detection: cue forms, quotation marks, where a span starts and ends, attributions (بحسب، وفقا
لـ، كما أعلن), quoted fragments and terms, and what is no statement. Sentences written for these tests
(none copied from an article)."""

from __future__ import annotations

import pytest

from marsad.extract.quote_lexicon import cue_forms

from .quote_helpers import per, run


def quotes(text: str):
    return run(text, ranker=True)


def texts(text: str) -> list[str]:
    return [q.text for q in quotes(text)]


def found(text: str, entities=None) -> list[tuple[str, str | None]]:
    """(text, speaker) of each quote, with the rules alone."""
    return [(q.text, q.speaker) for q in run(text, entities)]


# --- cue forms -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, said", [
    # dual verbs: two speakers
    ("وقال الوزيران في ختام لقائهما إن التعاون بين البلدين سيتوسع.", None),
    ("لكن الرئيسين رجحا أن تستأنف المفاوضات الشهر المقبل.", "تستأنف المفاوضات الشهر المقبل"),
    ("وأكدتا الوزيرتان أن الاتفاق يخدم مصالح الشعبين.", "الاتفاق يخدم مصالح الشعبين"),
    ("ويقولان إن المشروع تأخر بسبب نقص التمويل.", "المشروع تأخر بسبب نقص التمويل"),
    # lam of purpose and future sin on a present-tense cue
    ("ووقف المتحدث أمام الصحفيين ليؤكد أن الحكومة ماضية في خطتها.", "الحكومة ماضية في خطتها"),
    ("ثم عادت الممثلة لتقول إنها لم تقصد الإساءة لأحد.", "لم تقصد الإساءة لأحد"),
    ("وسيقول الوزير في كلمته أمام البرلمان إن الإصلاحات لن تتوقف.", "الإصلاحات لن تتوقف"),
    # "by saying"
    ("ورد السفير على الاتهامات بقوله إن بلاده لا تتدخل في شؤون أحد.", "بلاده لا تتدخل في شؤون أحد"),
    # verbal nouns in construct with the speaker
    ("ونقلت الصحيفة إعلان المتحدث باسم الجيش العقيد سامر الخطيب أن القوات استعادت السيطرة على المعبر.",
     "القوات استعادت السيطرة على المعبر"),
    ("وجاء ذلك بعد تأكيد الوزير أمس أن الأسعار لن ترتفع.", "الأسعار لن ترتفع"),
    # strict cues new to the lexicon
    ("ولاحظ باحثون أن النوم المتقطع يضعف الذاكرة.", "النوم المتقطع يضعف الذاكرة"),
    ("ورددت تقارير محلية أن المدرب سيرحل في الصيف.", "المدرب سيرحل في الصيف"),
])
def test_more_cue_forms(sentence, said):
    got = texts(sentence)
    assert len(got) == 1, got
    if said:
        assert got[0] == said


def test_dual_is_not_generated_where_it_is_mostly_a_noun():
    forms = cue_forms()
    for noun in ("ذكرا", "شرحا", "وصفا", "ردا", "حذرا", "اقرا", "كشفا", "متابعه"):
        assert noun not in forms, noun  # "a male", "explanation", "in reply", "cautiously", "read!", "follow-up"


@pytest.mark.parametrize("sentence", [
    "وهذا الفوز تأكيد على أن الإدارة أدركت موطن الخلل.",  # a verbal noun with no speaker: the writer's words
    "ورد الفريق بهدفين في الشوط الثاني بعد أن كان متأخرا.",  # رد "answered back" with no complement
    "وخلال متابعة استمرت عشرين عاما، خلص الباحثون إلى أن الرياضة تطيل العمر.",  # متابعة is a noun; findings are no quote
    "إلا أنها عادت لتعلن عبر حسابها على \"إنستغرام\" خبر زواجها.",  # a platform's name in marks
])
def test_not_quotations(sentence):
    assert quotes(sentence) == []


# --- wishes and prayers ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "وأعرب المشاركون عن أملهم في أن تتكرر المبادرة في الأعوام المقبلة.",
    "وقدم الأمير تعازيه لأسرة الفقيد، داعيا له أن يتغمده الله بواسع رحمته.",
    "ودعا للمرضى أن يمن الله عليهم بالشفاء العاجل.",
])
def test_wishes_and_prayers_are_not_statements(sentence):
    assert quotes(sentence) == []


def test_a_call_with_إلى_أن_is_a_directive_but_quoted_words_stay():
    # settled conventions, rule 3 (2026-11-30): دعا … إلى أن is not a quotation; دعا إلى "…" is
    assert texts("ودعا الوزير إلى أن تتحمل الدول المانحة مسؤولياتها.") == []
    assert texts('ودعا الوزير إلى "تحمل الدول المانحة مسؤولياتها كاملة دون تأخير".') == [
        "تحمل الدول المانحة مسؤولياتها كاملة دون تأخير"]


def test_what_they_say_is_a_statement():
    assert texts("ويفر المهاجرون مما يقولون إنها حملات اعتقال عشوائية في بلدانهم.") == [
        "حملات اعتقال عشوائية في بلدانهم"]


# --- quotation marks --------------------------------------------------------------------------

def test_mixed_marks_close_the_quotation():
    qs = texts('أفادت وسائل إعلام محلية “بسماع دوي انفجارات قرب المطار". من جهته، قال الجيش إنه لا يعلق على التقارير.')
    assert qs == ["بسماع دوي انفجارات قرب المطار", "لا يعلق على التقارير"]


def test_a_quoted_name_of_three_words_right_after_the_cue_is_the_subject():
    q = quotes('وقال “لي جاي-هيون” وهو مسؤول في وزارة الوحدة للصحافيين “نحن متأكدون أن الألغام زرعت عمدا”.')
    assert [x.text for x in q] == ["نحن متأكدون أن الألغام زرعت عمدا"]


def test_a_quote_after_an_outlets_name_in_marks_inside_the_zone():
    q = quotes('وقال المدير التنفيذي وفق ما نقلت "سي إن بي سي"، الاثنين، إن الشركة ستطرح أسهمها العام المقبل.')
    assert [x.text for x in q] == ["الشركة ستطرح أسهمها العام المقبل"]
    assert q[0].cue == "وقال"


def test_strict_cue_with_an_aside_then_a_long_quotation():
    q = texts('وطالبت وزارة الخارجية، في بيان نشرته مساء الأحد، "جميع الأطراف بضبط النفس والعودة إلى طاولة الحوار".')
    assert q == ["جميع الأطراف بضبط النفس والعودة إلى طاولة الحوار"]


def test_strict_cue_with_a_short_scare_quote_is_not_speech():
    assert quotes('واعتبر المعلق أداء الفريق "مخيبا" للآمال.') == []


def test_strict_zone_counts_words_not_commas():
    q = texts("وتوقع وزير النفط، مع نظيريه في الكويت وعمان، أن تستقر الأسعار قبل نهاية العام.")
    assert q == ["تستقر الأسعار قبل نهاية العام"]


# --- colon speech ----------------------------------------------------------------------------

def test_colon_then_إن_is_a_reported_clause_to_the_sentence_end():
    q = quotes("قال المدرب: إن المهاجم سيغيب ثلاثة أسابيع بسبب الإصابة. وخضع اللاعب لفحوص طبية أمس.")
    assert [x.text for x in q] == ["المهاجم سيغيب ثلاثة أسابيع بسبب الإصابة"]
    assert not q[0].direct


def test_unmarked_colon_speech_ends_where_another_report_begins():
    text = ("وقال النادي في بيان: المدرب أعفي من مهامه اعتبارا من اليوم. "
            "وذكرت صحف محلية أن الإدارة تفاوض مدربا إسبانيا. وأوضح النادي أنه كلف مساعده بقيادة الفريق.")
    assert texts(text) == ["المدرب أعفي من مهامه اعتبارا من اليوم", "الإدارة تفاوض مدربا إسبانيا",
                           "كلف مساعده بقيادة الفريق"]


def test_unmarked_colon_speech_keeps_its_own_question():
    text = "وقال الحارس: نحن جاهزون للمباراة. هل تتوقع أن نستسلم أمام جماهيرنا؟ لن يحدث ذلك."
    q = texts(text)
    assert len(q) == 1 and q[0].startswith("نحن جاهزون") and q[0].endswith("لن يحدث ذلك")


def test_colon_speech_then_a_marked_quotation_after_a_new_cue():
    text = ("قال المدرب: إن الظهير سيغيب لفترة طويلة. ونقلت الإذاعة عن المدرب قوله: «لا نعرف مدة غيابه. إنها ضربة قاسية».")
    assert texts(text) == ["الظهير سيغيب لفترة طويلة", "لا نعرف مدة غيابه. إنها ضربة قاسية"]


# --- reported clauses ---------------------------------------------------------------------------

def test_a_clause_ends_before_but_she_explained_that():
    text = "وأشارت المجلة إلى أن عقد اللاعب ينتهي بعد عامين، ولكنها أوضحت أيضا أن ناديه يريد تمديده."
    assert texts(text) == ["عقد اللاعب ينتهي بعد عامين", "ناديه يريد تمديده"]


def test_a_quoted_statement_with_its_own_cue_ends_the_clause():
    text = ("وتقول الأم إن ابنها تعرض للضرب في المدرسة، وإنها حين اشتكت، “قال لي المدير: هذا ليس من شأنك”.")
    q = quotes(text)
    assert [x.text for x in q] == ["ابنها تعرض للضرب في المدرسة، وإنها حين اشتكت", "هذا ليس من شأنك"]
    assert q[1].cue == "قال"


def test_a_participle_with_its_own_quotation_ends_the_clause():
    text = 'وأكدت الفنانة أنها تعافت تماما من الوعكة، ورفضت الحديث عن أعمالها المقبلة قائلة "كل شيء في وقته".'
    assert texts(text) == ["تعافت تماما من الوعكة", "كل شيء في وقته"]


def test_a_period_before_a_comma_is_no_sentence_end():
    text = 'وقال رئيس الوزراء هايلي ديسالين.، يوم الخميس، إنه "قرر التنحي لإنهاء الاضطرابات".'
    assert texts(text) == ["قرر التنحي لإنهاء الاضطرابات"]


def test_إن_inside_an_acronym_is_no_complement():
    text = "وذكرت محطة (إن.بي.سي) المحلية في المدينة إنه لم يتضح بعد عدد المصابين."
    assert texts(text) == ["لم يتضح بعد عدد المصابين"]


# --- attributions ---------------------------------------------------------------------------------

def test_an_attribution_inside_its_clause_covers_both_sides():
    text = "وبذلك تكون المعارك الأخيرة، بحسب محللين عسكريين، قد حسمت مصير المدينة الساحلية."
    assert texts(text) == [text[:-1]]


def test_an_attribution_at_the_end_keeps_the_clause_before():
    assert texts("قتل ثلاثة أشخاص في انفجار سيارة مفخخة، بحسب مصادر طبية.") == [
        "قتل ثلاثة أشخاص في انفجار سيارة مفخخة"]


@pytest.mark.parametrize("sentence", [
    "ويختار الأطباء العلاج المناسب بحسب حالته الصحية.",  # a possessed circumstance
    "حفظ الله الوطن، ووفق الله القائمين على خدمته.",  # the verb وفّق "grant success"
    "أفاد مراسلنا نقلا عن مصادر محلية بمقتل القيادي في الغارة.",  # the source of a verb's object
    "ويقسم الناخبون وفق اللوائح المعتمدة إلى دوائر.",
])
def test_attribution_words_that_attribute_nothing(sentence):
    assert quotes(sentence) == []


# --- modal أن, long genitive speakers, quotation marks that open the next quote -------------------

@pytest.mark.parametrize("sentence", [
    "وأعلن الاتحاد تأجيل المباراة التي كان من المقرر أن تقام الجمعة.",
    "وحذرت الهيئة من تقلبات جوية، من الممكن أن تتحول إلى سيول جارفة.",
    "ولفتت الدراسة إلى الدور الذي يمكن أن تلعبه الطاقة الشمسية.",
])
def test_modal_أن_is_no_complement(sentence):
    assert quotes(sentence) == []


def test_a_verbal_noun_takes_a_long_genitive_speaker():
    text = ("وتوقفت الصحف عند إعلان المتحدث الرسمي باسم هيئة التفاوض السورية المعارضة يحيى العريضي "
            "أن الجولة المقبلة لن تعقد قبل الخريف.")
    assert texts(text) == ["الجولة المقبلة لن تعقد قبل الخريف"]


def test_a_straight_mark_that_opens_the_next_quote_leaves_the_first_one_open():
    text = ('وكان رئيس الحكومة قال، في بيان، الأحد، إن "قوات أجنبية انتشرت في الميناء. '
            'وأضاف أن "الأزمة تتعلق بالسيادة قبل أي شيء آخر".')
    assert texts(text) == ["قوات أجنبية انتشرت في الميناء", "الأزمة تتعلق بالسيادة قبل أي شيء آخر"]


def test_an_unclosed_quotation_stops_at_a_sentence_that_reports_again():
    text = 'وقال المدير: "الوضع تحت السيطرة. وأضاف أن الفرق الطبية في حالة تأهب.'
    assert texts(text) == ["الوضع تحت السيطرة", "الفرق الطبية في حالة تأهب"]


def test_an_unclosed_quotation_otherwise_runs_to_the_paragraph_end():
    text = 'وقال الوزير: "لن نتراجع عن القرار. ونحن ماضون في الإصلاح.\nوغادر الوزير القاعة.'
    assert texts(text) == ["لن نتراجع عن القرار. ونحن ماضون في الإصلاح"]


def test_a_sloppy_closing_mark_glued_to_the_next_word_still_closes():
    text = 'وقال الباحث في جامعة "كينغز كوليدج "في لندن إن النتائج مشجعة.'
    assert texts(text) == ["النتائج مشجعة"]


def test_a_verb_with_an_object_pronoun_is_a_cue():
    text = 'وانتقدت الوزارة البيان، ووصفته بأنه "تصعيد لا يخدم أحدا".'
    assert texts(text) == ["تصعيد لا يخدم أحدا"]
    assert texts("وأبلغهم المدير أن الرواتب ستصرف الأسبوع المقبل.") == ["الرواتب ستصرف الأسبوع المقبل"]


def test_a_possessed_description_is_no_cue():
    text = "ونقلت الوكالة عن القنصل، وصفه للمبادرة \"ستكون بداية جيدة لحل الخلافات العالقة بين البلدين\"."
    q = quotes(text)
    assert [x.cue for x in q] == ["ونقلت"]


def test_a_treaty_is_a_source_with_no_speaker():
    q = quotes("ووفقا للاتفاق، فإنه يجب على الطرفين سحب قواتهما خلال شهر.")
    assert [(x.text, x.speaker) for x in q] == [("يجب على الطرفين سحب قواتهما خلال شهر", None)]


def test_on_his_side_opens_another_statement():
    text = "وأكد اللاعب أنه سعيد في النادي، ومن جانبه أكد المدرب أن اللاعب باق حتى نهاية عقده."
    assert texts(text) == ["سعيد في النادي", "اللاعب باق حتى نهاية عقده"]


# --- strict cues before a subject and a long quotation, documents that "came with" speech ---------

@pytest.mark.parametrize("sentence, said", [
    ('وتابع المتحدث باسم الشرطة "لقد أوقفنا ثلاثة مشتبه بهم ونواصل البحث عن رابع".',
     "لقد أوقفنا ثلاثة مشتبه بهم ونواصل البحث عن رابع"),
    ('ونشر اللاعب صورة على حسابه، جاء فيها "شكرا لكل من وقف معي في هذه الفترة الصعبة".',
     "شكرا لكل من وقف معي في هذه الفترة الصعبة"),
    ("وزاد المتحدث: المفاوضات لم تصل إلى طريق مسدود بعد.", "المفاوضات لم تصل إلى طريق مسدود بعد"),
    ('وتدارك المدرب "لكن الفريق ما زال قادرا على المنافسة حتى الجولة الأخيرة".',
     "لكن الفريق ما زال قادرا على المنافسة حتى الجولة الأخيرة"),
    ('وأضاف موجها حديثه إلى إدارة الموقع "من المؤسف أن تحذفوا حسابي دون إنذار".',
     "من المؤسف أن تحذفوا حسابي دون إنذار"),
])
def test_more_speech_shapes(sentence, said):
    assert texts(sentence) == [said]


@pytest.mark.parametrize("sentence", [
    'وتابع المشاهدون مسلسل "الطريق إلى البيت" باهتمام كبير.',  # تابع "followed", a title in marks
    "وزادت الأسعار خمسة في المئة خلال الشهر الماضي.",  # زاد "increased"
    'وعرضت القناة فيلم "رحلة إلى القمر" مساء الجمعة.',
])
def test_strict_cues_and_titles_are_not_speech(sentence):
    assert quotes(sentence) == []


def test_a_source_phrase_with_قوله_gives_the_speaker_and_the_clause():
    q = quotes("وتضمن البيان نقلا عن مصدر في وزارة الخارجية قوله إن الزيارة ستتم في موعدها.")
    assert [(x.text, x.speaker) for x in q] == [("الزيارة ستتم في موعدها", "مصدر في وزارة الخارجية")]


def test_addressing_someone_does_not_hide_the_quotation():
    text = 'وقال اللاعب عبر حسابه إنه سيعود قريبا. وأضاف موجها حديثه للجماهير "لن أخذلكم أبدا في الموسم المقبل".'
    assert texts(text) == ["سيعود قريبا", "لن أخذلكم أبدا في الموسم المقبل"]


# --- names in marks before a comma and the complement, بالقول, relative clauses -------------------

@pytest.mark.parametrize("sentence, said", [
    ('وقال مصدر في المكتب الإعلامي لقوات "درع الوطن"، إن الوحدات تقدمت نحو الساحل.', "الوحدات تقدمت نحو الساحل"),
    ('وذكرت صحيفتا "الغارديان" و"ذا تايمز" أن الحكومة ستؤجل التصويت.', "الحكومة ستؤجل التصويت"),
    ('وقال مدير عام "مواصفات"، إن الهيئة ستطلق معيارا جديدا.', "الهيئة ستطلق معيارا جديدا"),
    ("ورفض المتحدث الخوض في التفاصيل، واكتفى بالقول إن التحقيق ما زال جاريا.", "التحقيق ما زال جاريا"),
    ("واستدرك الوزير بالقول إن الحل ما زال ممكنا.", "الحل ما زال ممكنا"),
    ("لكن المدرب كرر في أكثر من مناسبة أنه لن يجدد عقده.", "لن يجدد عقده"),
    ("وأوقفت الشرطة امرأة (31 عاما)، التي قالت إنها تعرضت للتهديد عبر الإنترنت.", "تعرضت للتهديد عبر الإنترنت"),
])
def test_more_complements_found(sentence, said):
    assert texts(sentence) == [said]


@pytest.mark.parametrize("sentence", [
    "وحضر الاجتماع الوزير الذي أكد أهمية التعاون.",  # a relative cue with a noun object
    "وأكد الوزير أن الحوار مستمر.\nجاء ذلك بحسب بيان للوزارة.",  # "this came according to": one quote only
])
def test_no_extra_statement(sentence):
    assert len(quotes(sentence)) == (1 if "\n" in sentence else 0)


def test_an_unclosed_quotation_does_not_swallow_the_next_paragraphs_cue():
    text = ("وقال العميد: «هذا العمل إجرامي ولا يمت للدين بصلة.\n"
            "وأكد القائد أن مثل هذه الاعتداءات لن تزيد الشعب إلا تماسكا.")
    assert texts(text) == ["هذا العمل إجرامي ولا يمت للدين بصلة", "مثل هذه الاعتداءات لن تزيد الشعب إلا تماسكا"]


def test_unmarked_colon_speech_ends_before_on_his_side_another_spoke():
    text = ("وقال المدافع: بعض لاعبيهم احتفلوا أمامنا. هذا أزعجني حقا. "
            "ومن جانبه ، ذكر الاتحاد عبر حسابه الرسمي : كانت مباراة مشحونة بالحماس.")
    assert texts(text) == ["بعض لاعبيهم احتفلوا أمامنا. هذا أزعجني حقا", "كانت مباراة مشحونة بالحماس"]


def test_unmarked_colon_speech_ends_at_a_straight_mark_glued_to_its_last_word():
    text = 'وقال في تصريح للصحيفة : نحن واثقون أن البلاد ستتجاوز الأزمة" ، وأشاد بجهود رجال الأمن في المنطقة.'
    assert texts(text) == ["نحن واثقون أن البلاد ستتجاوز الأزمة"]


# --- nested reports, verbal nouns after prepositions, headlines of related articles ---------------

def test_a_nested_report_after_حتى_is_its_own_statement():
    text = ("وحسب ما نقلت \"رويترز\" انتظر المهاجرون عند المعبر يومين، حتى قالت السلطات إن المركز "
            "أصبح مكتظا.")
    q = quotes(text)
    assert len(q) == 2 and q[1].text == "المركز أصبح مكتظا"
    assert q[0].text.startswith("انتظر المهاجرون") and "قالت" not in q[0].text


def test_a_cue_spelled_like_its_verbal_noun_after_a_preposition_is_the_noun():
    q = quotes("وجاء الرد بعد وصف الرئيس التركي قائمة المطالب بأنها تخالف القوانين الدولية.")
    assert [x.text for x in q] == ["تخالف القوانين الدولية"]
    assert quotes("ووصل الوفد بعد نقل المصابين إلى المستشفى.") == []  # no complement: the noun only


def test_the_relative_من_still_introduces_a_statement():
    assert texts("وهو من أعلن في أكثر من مناسبة أنه سيعتزل بعد البطولة.") == ["سيعتزل بعد البطولة"]


def test_a_related_headline_inside_the_body_is_skipped():
    text = ("وقال الوزير إن الاتفاق لم يعد قائما.\n"
            "الاتحاد الأوروبي يقول إن العقوبات ستعود خلال أسابيع\n"
            "وأضاف أن بلاده ستتشاور مع شركائها.")
    assert texts(text) == ["الاتفاق لم يعد قائما", "بلاده ستتشاور مع شركائها"]


def test_a_last_line_or_a_single_sentence_without_a_period_is_still_read():
    assert texts("قال الوزير إن الاتفاق لم يعد قائما") == ["الاتفاق لم يعد قائما"]
    assert texts("وقال الوزير إن الاتفاق لم يعد قائما.\nوأضاف أن العقوبات ستعود") == [
        "الاتفاق لم يعد قائما", "العقوبات ستعود"]


def test_periods_inside_an_acronym_do_not_end_a_reported_clause():
    assert texts("وتتوقع الوكالة أن ترصد المركبة (تي.إي.إس.إس) آلاف الكواكب الجديدة.") == [
        "ترصد المركبة (تي.إي.إس.إس) آلاف الكواكب الجديدة"]


def test_a_source_before_a_cue_with_its_own_complement_leaves_the_content_to_the_cue():
    q = quotes('ووفقا لصحيفة "التايمز" البريطانية، قالت المعلمة، من مدينة ليدز، إنها فوجئت بالقرار.')
    assert [(x.text, x.cue) for x in q] == [("فوجئت بالقرار", "قالت")]


def test_an_initial_in_a_name_is_no_sentence_end():
    text = 'وقال الدكتور فيكتور إم. أجوايو رئيس برنامج التغذية "لا تحصل كثير من النساء على المساعدة اللازمة".'
    assert texts(text) == ["لا تحصل كثير من النساء على المساعدة اللازمة"]


def test_a_period_after_a_closing_mark_still_ends_the_sentence():
    text = 'وأعلنت الجمعية أنه تم إحراق منازل في الهجوم "المروع". وكان تبادل لإطلاق النار قد وقع ليلا.'
    assert texts(text) == ['تم إحراق منازل في الهجوم "المروع']


def test_واصل_with_a_colon_is_speech_and_with_an_object_is_not():
    assert texts('وواصلت: "أطلب من الاتحاد أن يرد على طلبي الرسمي".') == ["أطلب من الاتحاد أن يرد على طلبي الرسمي"]
    assert quotes("وواصلت القوات تقدمها نحو المدينة.") == []


# --- asides after a strict cue's subject, short quotations opening with إن, "because" -------------

def test_a_strict_cue_reaches_its_complement_over_comma_asides():
    text = "واعتبر المتحدث باسم عائلة الصحفي، في بيان للقناة، الخميس، أن الكاتب ما زال مفقودا."
    assert texts(text) == ["الكاتب ما زال مفقودا"]


def test_a_strict_cue_does_not_reach_far_past_its_object():
    text = "وترى الحركة تكلفة محتملة للانهيار البطيء للحكومة والبلاد، ذلك أن الفراغ سيؤدي إلى فوضى."
    assert quotes(text) == []


def test_a_short_quotation_that_opens_with_إن_is_speech():
    assert texts('وقال خلال مؤتمر صحفي في مقر حزبه "إنه فوز استثنائي".') == ["إنه فوز استثنائي"]


def test_ذلك_before_بأنه_is_an_object_not_because():
    assert texts("ووصفت الحكومة ذلك بأنه تدخل في شؤونها.") == ["تدخل في شؤونها"]


def test_a_participle_after_a_preposition_is_its_verbal_noun():
    assert quotes("رغم مطالبة الأتراك بحصة من الموارد، رغم تطمينات القبارصة إلى أن الطرفين سيستفيدان.") == []


@pytest.mark.parametrize("sentence", [
    "وزادت صدمة الموظف أن الرسائل لم ترسل من حسابه.",  # زاد "increased" with a subject and أن
    "كلما تأخر العشاء، زاد احتمال أن يتسبب ذلك في السمنة.",
    "ودعا الله عز وجل أن يوفق الشباب لما فيه الخير.",  # a prayer
    "إذا لاحظت أن البطارية تنفد بسرعة فأغلق التطبيقات.",  # a condition
    "كان هناك بالتأكيد شعور بأن المسؤولين فوق المحاسبة.",  # بالتأكيد "certainly"
    "وجاء القرار بعد إعلان عقوبات على الشركة بعد أن خلص المحققون إلى أنها خالفت القانون.",
])
def test_more_non_statements(sentence):
    assert quotes(sentence) == []


def test_زاد_with_أن_or_a_colon_is_speech():
    assert texts("وزاد أن عددا من رجال الأمن أصيبوا في التدافع.") == ["عددا من رجال الأمن أصيبوا في التدافع"]
    assert texts("وزاد المتحدث: المفاوضات مستمرة.") == ["المفاوضات مستمرة"]


def test_what_was_not_said_is_no_statement_but_not_denying_is():
    assert quotes("ولم تشرح الشركة الطريقة التي استطاع بها المحتالون أن يصلوا إلى الحسابات.") == []
    assert quotes("ولم يقل أي نائب إنه سيعترض على التعيين.") == []
    assert texts("لكن المهاجم لم ينف أن الانتقال ممكن في الصيف.") == ["الانتقال ممكن في الصيف"]


# --- relative clauses, a source phrase that runs into a report, اختتم -----------------------------

def test_a_relative_cue_with_adjuncts_before_its_complement_is_a_statement():
    text = "وتحدث المدافع الذي أكد في حديث مقتضب قبل الحصة التدريبية أمس أن الفريق جاهز للمباراة."
    assert texts(text) == ["الفريق جاهز للمباراة"]


@pytest.mark.parametrize("sentence", [
    'وهذا هو الاحتمال الذي أشارت إليه "أسوشيتد برس" في تقريرها.',  # a relative cue with a quoted name
    "ويظهر المقطع الذي يوضح بشكل تام كيف إنها بعيدة عن العالم.",  # كيف: an indirect question
])
def test_relative_cues_that_report_nothing(sentence):
    assert quotes(sentence) == []


def test_a_relative_cue_does_not_take_the_main_verbs_complement_past_a_comma():
    text = 'وذكرت صحف محلية، من بينها "ذا ناشيونال" التي تصدر بالإنجليزية، أن الهجوم بات وشيكا.'
    q = quotes(text)
    assert [(x.text, x.cue) for x in q] == [("الهجوم بات وشيكا", "وذكرت")]


def test_a_source_phrase_ends_where_a_report_begins():
    text = "وسرحت الشركة ألف موظف بحسب بيان أصدرته في مايو لكن مصدرا بالشركة قال لرويترز إن العدد خفض للنصف."
    q = quotes(text)
    assert [x.text for x in q] == ["وسرحت الشركة ألف موظف", "العدد خفض للنصف"]


def test_اختتم_with_بأنه_is_speech():
    assert texts("واختتم رئيس اللجنة تصريحه ، بأنه سيقام حفل لتكريم الفائزين.") == ["سيقام حفل لتكريم الفائزين"]


def test_a_source_phrase_inside_a_cues_zone_is_an_aside():
    text = 'وتابع الرئيس وفقا لما نقلته وكالة الأنباء الرسمية: "جنودنا يتقدمون الآن باتجاه المدينة".'
    q = quotes(text)
    assert [(x.text, x.cue) for x in q] == [("جنودنا يتقدمون الآن باتجاه المدينة", "وتابع")]


def test_an_attribution_after_a_short_subject_covers_the_clause_after_it():
    text = "وهو وفق محاميه عمل في مهن متواضعة منذ تخرجه ولم يشغل منصبا حساسا."
    q = texts(text)
    assert len(q) == 1 and q[0].startswith("وهو") and q[0].endswith("ولم يشغل منصبا حساسا")


def test_a_source_phrase_before_a_time_word_and_a_cue_leaves_the_content_to_the_cue():
    text = "وبحسب ما أدلى به لإذاعة محلية الاثنين، كشف الطبيب أنه تم اتخاذ الترتيبات اللازمة."
    assert [(x.text, x.cue) for x in quotes(text)] == [("تم اتخاذ الترتيبات اللازمة", "كشف")]


# --- cue words that are also nouns, names or prayers; titles in marks; speech across lines and paragraphs ---

def test_a_negated_cue_inside_a_zone_does_not_take_the_complement_from_the_main_cue():
    text = "ونقلت الصحيفة عن مصدر استخباري، لم تكشف اسمه، أن الجاسوسة عملت في السفارة عشر سنوات."
    assert [(x.text, x.cue) for x in quotes(text)] == [("الجاسوسة عملت في السفارة عشر سنوات", "ونقلت")]
    text = "وأوضح باحث مطلع على المشروع (لم يذكر اسمه) في تصريح للصحيفة، أن الطائرة ستستخدم للشحن."
    assert [(x.text, x.cue) for x in quotes(text)] == [("الطائرة ستستخدم للشحن", "وأوضح")]


def test_first_names_that_are_also_wishes():
    assert texts("وقالت أمل الحسن إن المشروع سينجز قريبا.") == ["المشروع سينجز قريبا"]
    assert texts("واعتبر آملي أن المظالم لا تطاق.") == ["المظالم لا تطاق"]
    assert quotes("وأعرب عن أمل كبير في أن تنتهي الأزمة قريبا.") == []


def test_a_work_title_in_marks_is_a_name_at_any_length():
    assert quotes('كما ترجح التوقعات فوز فيلم "ثلاث لافتات إعلانية خارج إيبينغ، ميسوري" بالجائزة.') == []
    assert quotes('وأعلنت شركة "سي.إم.إيه سي.جي.إم" وقف تعاملها مع الموردين.') == []  # a dotted acronym is one word


def test_impersonal_verbs_and_بل_before_أن_are_no_complements():
    assert quotes("وهدد الرئيس بفرض عقوبات قاسية إذا تبين أنها مسؤولة عن الحادث.") == []
    assert quotes("ويطالب اللاعبون بحقوقهم المتأخرة عبر وسائل التواصل بل أن بعضهم هدد بالمقاطعة.") == []


def test_متابعا_is_a_cue_but_متابعة_is_not():
    assert texts('وأكد المدرب أن الفريق جاهز، متابعا: "حلمي ما زال الفوز بالكأس".') == [
        "الفريق جاهز", "حلمي ما زال الفوز بالكأس"]


def test_a_colon_at_the_end_of_a_line_introduces_the_next_line():
    text = "وقال الوزير في كلمته:\nإننا ماضون في الإصلاح ولن نتراجع.\nوغادر القاعة بعد ذلك."
    assert texts(text) == ["إننا ماضون في الإصلاح ولن نتراجع"]
    text = "وقال الوزير:\nوأضاف المتحدث أن الاجتماع انتهى."  # the next line is a report of its own
    assert [(x.text, x.cue) for x in quotes(text)] == [("الاجتماع انتهى", "وأضاف")]
    assert quotes("وشهد العام عدة أحداث أدت للتصعيد بين الطرفين منها:\nزيارة الرئيس إلى العاصمة.") == []


def test_بالتأكيد_is_a_cue_only_with_its_أن_at_once():
    text = 'وفضل اللاعب عدم تقديم تفاصيل، مكتفيا بالتأكيد أن "القرار سيعلن هذا الأسبوع".'
    assert texts(text) == ["القرار سيعلن هذا الأسبوع"]
    assert texts('وقالت المحللة إن التهديد "يمكن بالتأكيد أن يمارس ضغطا على الأسعار".') == [
        'التهديد "يمكن بالتأكيد أن يمارس ضغطا على الأسعار']


def test_سأل_asks_and_سائلا_المولى_prays():
    assert texts('وسأل المدرب: "أتعتقدون أن الفرق الأخرى لا تفعل الشيء نفسه؟".') == [
        "أتعتقدون أن الفرق الأخرى لا تفعل الشيء نفسه"]
    assert quotes("سائلا المولى أن يتغمد الشهداء بواسع رحمته.") == []
    assert quotes("وسأل عن مصير المفقودين.") == []


def test_يبين_opening_a_clause_reports_but_shows_elsewhere():
    assert texts("ويبين مدير الإدارة أن الطلبات تستقبل إلكترونيا.") == ["الطلبات تستقبل إلكترونيا"]
    assert quotes("وظهور القائد في العاصمة يبين حقيقة أن الضغوط مستمرة.") == []
    assert quotes("وتبين أن الشركة جمعت بيانات المستخدمين.") == []


def test_حكى_and_مذكرا_are_cues():
    assert texts("ويحكي الجندي أنه تعرف إلى زملاء من كل المناطق.") == ["تعرف إلى زملاء من كل المناطق"]
    assert texts('وقال المرشح "نجحنا"، مذكرا بأنه بدأ العمل السياسي قبل عشرين عاما.')[-1] == "بدأ العمل السياسي قبل عشرين عاما"


def test_speech_that_runs_on_into_a_paragraph_opening_with_a_quotation_mark():
    text = ('وقال المتحدث: "إن التصريحات تعكس مدى الإصرار على هذه الاتجاهات".\n'
            '"وليس من المدهش في خطاب كهذا ألا تستنكر القيادة التحريض".\nوغادر المتحدث القاعة.')
    q = quotes(text)
    assert [x.text for x in q] == ["إن التصريحات تعكس مدى الإصرار على هذه الاتجاهات",
                                   "وليس من المدهش في خطاب كهذا ألا تستنكر القيادة التحريض"]
    assert q[1].cue == "وقال" and q[1].speaker == q[0].speaker


def test_a_quoted_subheading_after_speech_is_not_speech():
    text = ('وقال المتحدث: "إن التصريحات تعكس مدى الإصرار على هذه الاتجاهات".\n'
            '"رمز القوة الناعمة للبلاد"\nوغادر المتحدث القاعة.')
    assert len(quotes(text)) == 1


def test_a_long_continuation_without_a_final_period_is_still_speech():
    text = ('وتابع: "الاقتصاد في أزمة والتضخم خارج عن السيطرة."\n'
            '"نحن نعرف كيف نفرض ضغطا اقتصاديا يعيد الطرف الآخر إلى الطاولة والتفاوض على اتفاق جديد"\n'
            "ونوه المسؤول بأن المناقشات ستستمر.")
    q = quotes(text)
    assert len(q) == 3 and q[1].text.startswith("نحن نعرف") and q[1].cue == "وتابع"


# --- attributions, directives and prayers, where a clause ends, quotation marks typed twice or in a row ---

def test_حسبما_with_ما_glued_attributes_the_clause_before_or_after():
    assert texts("وارتفع عدد الضحايا إلى 12 قتيلا، حسبما أفاد الدفاع المدني في المدينة.") == [
        "وارتفع عدد الضحايا إلى 12 قتيلا"]
    assert texts("وحسبما جاء في التقارير الأخيرة، فإن الشركة أوقفت إنتاج الطراز القديم.") == [
        "الشركة أوقفت إنتاج الطراز القديم"]
    # a record as the only source: no speaker (settled conventions, rule 5)
    assert quotes("وحسبما جاء في التقارير الأخيرة، فإن الشركة أوقفت إنتاج الطراز القديم.")[0].speaker is None


def test_a_verbal_noun_with_its_pronoun_reports_before_أن():
    assert texts("وجاء ذلك غداة تصريحه بأن المفاوضات مع النقابات وصلت إلى طريق مسدود.") == [
        "المفاوضات مع النقابات وصلت إلى طريق مسدود"]
    # bare تصريح is also "permit": no statement
    assert texts("وحصل العامل على تصريح بأن يعمل في المصنع ستة أشهر.") == []


def test_a_word_in_quotation_marks_is_no_cue():
    assert texts('وتعرض الفريق لهزيمة "وداعية" قاسية على ملعبه أمام جماهيره الغاضبة.') == []
    # marks not glued to the word are another quotation's: وتابع still reports
    assert texts('وأوضح المدرب: "علينا أن نستعد جيدا للمباراة."\nوتابع "الموسم لم ينته بعد وسنقاتل حتى النهاية".') == [
        "علينا أن نستعد جيدا للمباراة", "الموسم لم ينته بعد وسنقاتل حتى النهاية"]


def test_a_prayer_with_its_subject_before_the_name_of_god_is_no_statement():
    assert texts("وسأل أمير المنطقة المولى عز وجل بأن يحفظ البلاد ويديم عليها نعمة الأمن.") == []
    assert texts("ودعا الشيخ في خطبته الله أن يرحم الضحايا.") == []


def test_unmarked_colon_speech_ends_where_the_narration_reports_again():
    assert texts("وقال العميد: نهنئ الطلبة بهذه الثقة الكريمة، وبين مدير الكلية أن الدفعة الجديدة هي الأكبر.") == [
        "نهنئ الطلبة بهذه الثقة الكريمة", "الدفعة الجديدة هي الأكبر"]


def test_a_participle_with_its_complement_ends_the_clause_even_without_a_comma():
    assert texts("وقال المتحدث إن خفر السواحل انتشل المهاجرين من قاربين مشيرا إلى أن بينهم عشرين طفلا.") == [
        "خفر السواحل انتشل المهاجرين من قاربين", "بينهم عشرين طفلا"]


def test_a_report_inside_a_when_clause_stays_in_the_statement():
    assert texts("وأكد الوزير أن الحكومة السابقة كانت تكذب عندما قالت إنها سددت ديونها.") == [
        "الحكومة السابقة كانت تكذب عندما قالت إنها سددت ديونها"]
    # في حين "whereas" opens another speaker's statement
    assert texts("وأكد اللاعب أن المتبرع هو شقيقه، في حين نفى الأخير أن يكون قد تلقى مالا.") == [
        "المتبرع هو شقيقه", "يكون قد تلقى مالا"]


def test_a_كما_aside_with_its_subject_closed_by_a_comma_stays_in_the_clause():
    assert texts("وأكد الناطق أن الإفراج عن الشاب ليس عفوا كما تدعي المرأة، علما بأنه اتضح أن الأوراق لا تخصه.") == [
        "الإفراج عن الشاب ليس عفوا كما تدعي المرأة، علما بأنه اتضح أن الأوراق لا تخصه"]


def test_a_relative_with_a_verb_and_its_object_pronoun_reports_quoted_words():
    assert texts('وانتقد النائب الخطة التي وصفها بأنها "مغامرة غير محسوبة العواقب".') == [
        "مغامرة غير محسوبة العواقب"]
    # without quoted words the description is the writer's
    assert texts("وقصف الجيش ما وصفه بأنه مواقع عسكرية في الجنوب.") == []


def test_أصر_and_هتف_are_strict_cues():
    assert texts("وأصر وزير المالية على أن سعر العملة لا يشكل خطرا على البنوك.") == [
        "سعر العملة لا يشكل خطرا على البنوك"]
    assert texts("وأصر اللاعب على موقفه رغم الضغوط.") == []
    assert texts('وتجمع المحتجون أمام البرلمان وهتفوا: "لا للفساد ولا للمحسوبية".') == ["لا للفساد ولا للمحسوبية"]


def test_a_verb_with_its_object_pronoun_and_أن_before_quoted_words():
    assert texts('وأبرمت الحكومة السابقة الاتفاق، لكن الرئيس وصفه بأنه "أسوأ اتفاق في تاريخ البلاد".') == [
        "أسوأ اتفاق في تاريخ البلاد"]


def test_the_necessity_that_is_a_directive_not_a_statement():
    assert texts("وأكد الوزير على ضرورة أن تلتزم الشركات بمعايير السلامة.") == []
    assert texts("كما شددت الهيئة عليهم بضرورة أن يحذفوا التطبيقات المخالفة.") == []


def test_جاء_ذلك_before_a_source_is_the_formula_not_a_statement():
    assert texts('جاء ذلك في كلمة ألقاها خلال المنتدى، حيث قال وفقا لما نقلته الوكالة الرسمية: "مضت خمسة أعوام".') == [
        "مضت خمسة أعوام"]


def test_a_relative_clause_after_a_source_is_no_continuation_of_the_attributed_clause():
    assert texts("وارتفعت المبيعات إلى مليون نسخة، بحسب المغنية نفسها، التي أكدت أن الألبوم فاق التوقعات.") == [
        "وارتفعت المبيعات إلى مليون نسخة", "الألبوم فاق التوقعات"]


def test_the_opening_guillemet_repeated_after_a_short_name_closes_it():
    assert texts("وبحسب الإحصاءات الصادرة عن مؤسسة النقد «ساما « ارتفعت الودائع إلى 31 مليار ريال.") == [
        "ارتفعت الودائع إلى 31 مليار ريال"]


def test_an_outlet_name_after_a_glued_preposition_is_stepped_over():
    assert texts('وقال الوزير في حديث لتلفزيون "بي إف إم"، "إنه وضع في منتهى الخطورة".') == ["إنه وضع في منتهى الخطورة"]


def test_a_quoted_body_after_a_preposition_in_the_subject_is_a_name_when_the_quotation_comes_later():
    assert texts('وقال مدير المكتب الإعلامي في "غرفة العمليات المركزية في الجنوب" سامر الأحمد للوكالة '
                 '"تم الاتفاق على وقف إطلاق النار في المحافظة".') == ["تم الاتفاق على وقف إطلاق النار في المحافظة"]


def test_an_opening_mark_typed_twice():
    assert texts('وأضاف: ""الحكومة ماضية في الإصلاحات ولن تتراجع عنها مهما كانت الضغوط".') == [
        "الحكومة ماضية في الإصلاحات ولن تتراجع عنها مهما كانت الضغوط"]


def test_quoted_sentences_in_a_row_separated_by_a_comma_are_two_quotations():
    # Session 4: the gold writes quotations in a row after one cue as separate quotations (coordinated_quote).
    assert texts('وكتبت الصحيفة: "لقد مزق الرئيس الاتفاق"، "لقد حان الوقت لإحراقه".') == [
        "لقد مزق الرئيس الاتفاق", "لقد حان الوقت لإحراقه"]


def test_the_speakers_own_i_think_does_not_end_colon_speech():
    assert texts("وقال المدرب: الفريقان يلعبان بالطريقة نفسها، وأعتقد بأن فريقنا سيسبب لهما المشاكل.") == [
        "الفريقان يلعبان بالطريقة نفسها، وأعتقد بأن فريقنا سيسبب لهما المشاكل"]


def test_a_prayer_before_a_verbal_noun_is_no_statement():
    assert texts("ودعا الله في ختام تصريحه أن يحفظ البلاد ويديم عليها الأمن.") == []


def test_يظهر_أن_it_seems_is_no_complement():
    assert texts("وقال لرجل أمامه يظهر أنه يشتكي من جيرانه: لا تظلمهم حتى لا يظلموك.") == ["لا تظلمهم حتى لا يظلموك"]


def test_a_strict_cue_with_a_long_subject_then_a_colon_and_a_quotation():
    assert texts('وعلق م. خالد العتيبي الرئيس التنفيذي لشركة الخليج للتدريب والتعليم: "الصفقة تأتي ضمن خطة التوسع".') == [
        "الصفقة تأتي ضمن خطة التوسع"]


def test_directives_with_أن_are_not_statements_unless_quoted_words_follow():
    assert texts("ودعا الوزير الشركات إلى أن تلتزم بمعايير السلامة.") == []
    assert texts("وأوصى التقرير بأن تنشأ هيئة مستقلة لمكافحة الفساد.") == []
    assert texts("وطالب المجلس في إنذاره أن تحذف المشاهد من الحلقات المتبقية.") == []
    assert texts('كما أوصت اللجنة الاتحاد بأن "يخاطب الاتحاد الدولي لطلب شطب الحكم".') == [
        "يخاطب الاتحاد الدولي لطلب شطب الحكم"]
    # طالب after a first name is part of the name; the complement is the sentence cue's
    assert texts("وأوضح الشيخ فهد طالب الشرفي، أحد مشايخ القبائل، أن أغلبية القبائل تناهض الميليشيات.") == [
        "أغلبية القبائل تناهض الميليشيات"]


def test_a_relay_over_quoted_words_governs_its_sentence():
    # settled conventions, rule 1: one quotation, the whole clause, to the relay
    q = quotes('وفقا للكرملين، هنأ بوتن الرئيس السوري على "نجاحات الجيش"، وشدد على "ضرورة تهيئة ظروف جديدة".')
    assert [x.text for x in q] == ['هنأ بوتن الرئيس السوري على "نجاحات الجيش"، وشدد على "ضرورة تهيئة ظروف جديدة']
    assert q[0].speaker == "الكرملين"
    # without quoted words a و-cue after the relayed clause is its own statement
    assert texts("وبحسب الشرطة، فإن المهاجم فر من المكان، وأضافت أن البحث عنه مستمر.") == [
        "المهاجم فر من المكان", "البحث عنه مستمر"]


def test_a_participle_with_its_quotation_ends_a_source_phrase():
    assert texts('وأصابت الطائرات المستودعات، بحسب ما أعلن المتحدث العسكري للصحافيين قائلا "لا نسعى إلى التصعيد".') == [
        "وأصابت الطائرات المستودعات", "لا نسعى إلى التصعيد"]


def test_a_strict_cue_with_its_occasion_before_a_long_quotation():
    assert texts('وتابع الوزير في حديث لتلفزيون (بي إف إم) "ما كان يخشى حدوثه بدأ يتحقق والأزمتان تتداخلان".') == [
        "ما كان يخشى حدوثه بدأ يتحقق والأزمتان تتداخلان"]


# --- quoted fragments as the object of a cue or stance verb --------------------------------

@pytest.mark.parametrize("sentence, said, cue", [
    # a stance verb + preposition + quoted words
    ('وعبرت وزارة الخارجية عن "قلقها البالغ من التصعيد الأخير على الحدود الشمالية".',
     "قلقها البالغ من التصعيد الأخير على الحدود الشمالية", "وعبرت"),
    ('وأشاد الوزير بالجهود "الكبيرة التي بذلتها فرق الإنقاذ طوال الليل".',
     "الكبيرة التي بذلتها فرق الإنقاذ طوال الليل", "وأشاد"),
    # a cue with a noun object, then quoted words after a preposition
    ('واعتبر المحلل القرار خطوة نحو "إنهاء الانقسام الذي طال أكثر من عقد".',
     "إنهاء الانقسام الذي طال أكثر من عقد", "واعتبر"),
    # a decision verb and its quoted wording; a participle of a stance verb
    ('وقررت المحكمة "إحالة الملف إلى النيابة العامة لاستكمال التحقيق".',
     "إحالة الملف إلى النيابة العامة لاستكمال التحقيق", "وقررت"),
    ('وتبنت الجماعة الهجوم في بيان متوعدة "بمواصلة العمليات حتى خروج آخر جندي".',
     "بمواصلة العمليات حتى خروج آخر جندي", "متوعدة"),
])
def test_quoted_fragment_after_a_cue_or_stance_verb(sentence, said, cue):
    q = quotes(sentence)
    assert [(x.text, x.cue, x.direct) for x in q] == [(said, cue, True)]


@pytest.mark.parametrize("sentence", [
    'ووجهت النيابة إليهم تهمة "تشكيل شبكة لتهريب الآثار عبر الحدود".',  # a charge's wording
    'وتطرق الرئيسان إلى "الوضع الإنساني المقلق في المدينة".',  # a topic, not words said
    'وأصدر الطرفان تعهدا بشأن "وقف إطلاق النار بشكل كامل".',  # the topic after بشأن
    'واعتبرت الناشطة من "تحالف حماية الطفولة في الريف" القرار انتصارا.',  # a body's name
    'وانتقلت الفرق عبر الطريق الساحلي، بعدما جمعت "أدلة كافية ووقائع محددة".',  # عبر "via", no verb
    'ورحب الوزير بما وصفه "تقدما ملموسا في المفاوضات الجارية".',  # a relative clause's own object
    'وزار الوفد المعرض الذي حمل شعار "معا نحو مستقبل أخضر للمدينة".',  # no cue or stance verb
])
def test_quoted_words_that_are_not_a_fragment_of_speech(sentence):
    assert texts(sentence) == []


def test_a_fragment_before_a_relay_is_the_relay_clause():
    # settled conventions, rule 1: ", بحسب X" after the sentence governs it, not the verb before the marks
    got = quotes('وأشاد الأطباء بالزيادة "التي تعادل أجور زملائهم في الدول المجاورة"، بحسب النقابة.')
    assert [(x.cue, x.direct) for x in got] == [("بحسب", False)]


# --- a comma-led clause with its own subject and cue ends the reported clause before it ------

@pytest.mark.parametrize("sentence, said", [
    ("وأعلن المتحدث أن الطريق سيفتح غدا، إلا أن مصادر محلية قالت إن الأعمال لم تنته بعد.",
     ["الطريق سيفتح غدا", "الأعمال لم تنته بعد"]),
    ("وتقول الشركة إن الأسعار مستقرة، لكن النقابة تؤكد أنها ارتفعت مرتين هذا العام.",
     ["الأسعار مستقرة", "ارتفعت مرتين هذا العام"]),
    ("وأوضح المدير أنه التقى الوفد، وفيما أكد الوفد أنه راض عن النتائج غادر الجميع.",
     ["التقى الوفد", "راض عن النتائج غادر الجميع"]),
])
def test_a_comma_led_report_with_its_own_subject_ends_the_clause(sentence, said):
    assert texts(sentence) == said


@pytest.mark.parametrize("sentence, said", [
    # an inference of the writer or of the same speaker, a list of views, the speaker's own "I think"
    ("وقال الطبيب إن المريض كان يعاني من ضعف شديد، ما يرجح أن الوفاة طبيعية.",
     ["المريض كان يعاني من ضعف شديد، ما يرجح أن الوفاة طبيعية"]),
    ("وقال اللاعب: إنها لمسة يد، أنا أعتقد أنها ركلة جزاء.",
     ["لمسة يد، أنا أعتقد أنها ركلة جزاء"]),
    ("وأكد الباحث أن النتائج أولية، والعينة لا تؤكد أنها تمثل الجميع.",
     ["النتائج أولية، والعينة لا تؤكد أنها تمثل الجميع"]),
])
def test_a_comma_clause_that_is_no_new_statement_stays_in_the_clause(sentence, said):
    assert texts(sentence) == said


# --- attributions: a source opening its own clause mid-sentence; a sentence that is only a source ---

def test_a_source_with_its_own_clause_after_a_comma():
    got = quotes("وغادر الوفد العاصمة مساء الأحد، وبحسب صحيفة الأخبار فإن المفاوضات ستستأنف الشهر المقبل.")
    assert [(x.text, x.cue) for x in got] == [("المفاوضات ستستأنف الشهر المقبل", "وبحسب")]


def test_a_sentence_that_is_only_a_source_attributes_the_sentence_before():
    got = quotes("وانقطعت الكهرباء عن أحياء واسعة من المدينة ليلة أمس. بحسب ما أوردت وكالة الأنباء المحلية.")
    assert [(x.text, x.cue) for x in got] == [("وانقطعت الكهرباء عن أحياء واسعة من المدينة ليلة أمس", "بحسب")]
    # not across a paragraph break, and not when the sentence before is already a quotation
    assert texts("وانقطعت الكهرباء عن أحياء واسعة.\nبحسب ما أوردت الوكالة.") == []
    assert texts("وقال المحافظ إن الكهرباء ستعود اليوم. بحسب ما أوردت الوكالة.") == ["الكهرباء ستعود اليوم"]


# --- a colon and a quotation mark with no cue that found them --------------------------------

@pytest.mark.parametrize("sentence, said", [
    # no reporting verb: the sentence's subject speaks
    ('ويبتسم المزارع العجوز وهو يشير إلى حقله: "هذه الأرض ورثتها عن أبي ولن أبيعها أبدا".',
     "هذه الأرض ورثتها عن أبي ولن أبيعها أبدا"),
    ('مديرة المدرسة سلمى العتيبي: "نستقبل الطالبات منذ السابعة صباحا ونغلق الأبواب بعد الظهر".',
     "نستقبل الطالبات منذ السابعة صباحا ونغلق الأبواب بعد الظهر"),
    # a cue whose subject runs past the zone limit, with a quoted body's name inside it
    ('وقال سامي الحربي، الباحث المتخصص في شؤون الطاقة المتجددة وأنظمة التخزين في مركز "آفاق للدراسات"، '
     'لإذاعة محلية: "الطلب على الألواح الشمسية تضاعف خلال عامين فقط".',
     "الطلب على الألواح الشمسية تضاعف خلال عامين فقط"),
])
def test_colon_and_quotation_mark_without_a_cue_that_found_them(sentence, said):
    assert texts(sentence) == [said]


@pytest.mark.parametrize("sentence", [
    'ونظمت الجمعية دورة تدريبية بعنوان: "مهارات التواصل الفعال في بيئة العمل الحديثة".',  # a title
    'وقدم الفريق عروضا متنوعة منها: "السهم، الصقر، الدرع، التنين، الرمح، الالتفاف".',  # a list
    'وغنت الفرقة في الحفل أغنيتين هما: "الطريق" و"الحب".',  # names in marks
    'وهنا سؤال لا بد أن نطرحه على أنفسنا: "ما الذي يمكن أن نقدمه لمدينتنا في هذه الظروف"؟',  # the writer's question
    'مقال آخر\nكاتبة: "المرأة ما زال أمامها طريق طويل في سوق العمل"\nوتابعت الصحيفة تغطيتها.',  # a related headline
])
def test_colon_and_quotation_mark_that_are_not_speech(sentence):
    assert texts(sentence) == []


def test_cues_added_in_round_three():
    assert texts('وأكمل المدرب: "الفريق يحتاج إلى الوقت حتى يستعيد مستواه".') == ["الفريق يحتاج إلى الوقت حتى يستعيد مستواه"]
    assert texts("وأنذر الاتحاد الأندية بأن العقوبات ستطبق على الجميع.") == ["العقوبات ستطبق على الجميع"]
    # علم "learned" counts only with the source it was learned from (وعلمت "الصحيفة" من مصادر أن)
    got = quotes('وعلمت "المدينة" من مصادر مطلعة أن المشروع سيطرح للمنافسة الشهر المقبل.')
    assert [(x.text, x.speaker) for x in got] == [("المشروع سيطرح للمنافسة الشهر المقبل", "مصادر مطلعة")]
    assert texts("وقال أستاذ علم النفس في الجامعة إن الضغط يضعف التركيز.") == ["الضغط يضعف التركيز"]
    assert texts("وتراجع عن قراره بعدما علم أن الموعد تغير.") == []
    # a pronoun after the source's verb is no part of the source's name
    assert [x.speaker for x in quotes("وحسب ما أفاد به مصدر مطلع فإن الاجتماع تأجل.")] == ["مصدر مطلع"]


def test_talib_the_student_is_no_cue():
    # "وهو طالب في …" is "a student"; the cue before it still finds its complement
    assert texts("وقال في مقال كتبه وهو طالب في الجامعة إن الإصلاح يبدأ من التعليم.") == ["الإصلاح يبدأ من التعليم"]
    assert texts("وأصيب طالب في المدرسة بجروح طفيفة، وقال المدير إن حالته مستقرة.") == ["حالته مستقرة"]
    # the verb "demanded" with quoted words is still a cue
    assert texts('كما طالب في بيانه بأن "تفرج السلطات عن جميع المعتقلين دون شروط".') == [
        "تفرج السلطات عن جميع المعتقلين دون شروط"]


def test_first_person_i_think_is_no_new_statement():
    # أعتقد with hamza and أن at once is "I think": inside someone's speech it stays part of it
    assert texts("وأضاف: كل المدربين يشعرون بالضغط. أعتقد أنه من الطبيعي أن نحمي أنفسنا.") == [
        "كل المدربين يشعرون بالضغط. أعتقد أنه من الطبيعي أن نحمي أنفسنا"]
    # and a columnist's own opinion is no quotation
    assert texts("وبصراحة أعتقد أن المنتخب يحتاج إلى مدرب جديد.") == []
    # with a subject after it the same spelling is the past tense (a common misspelling of اعتبر)
    assert texts("وأعتبر الوزير أن القرار صائب.") == ["القرار صائب"]


def test_ila_al_qawl_is_a_cue_like_bil_qawl():
    assert texts('وخلص الوزير إلى القول "لدينا فرصة جيدة لإنجاح المفاوضات".') == ["لدينا فرصة جيدة لإنجاح المفاوضات"]
    assert texts("وذهب المحلل إلى القول إن الأزمة ستطول.") == ["الأزمة ستطول"]


def test_first_person_i_think_ends_a_cue_zone():
    # the complement after the writer's أعتقد is not the complement of an earlier cue
    assert texts("ونشر القرار وغرد به المتحدث الرسمي، وهذا مطلب مهم، وأعتقد أنه يطبق في جهات كثيرة.") == []


def test_fragment_and_first_person_limits():
    # a title after من ضمنها, a publication after في: no fragment of speech
    assert texts('ثم قدم عددا من البرامج من ضمنها «صباح الخير يا أهل الخليج».') == []
    assert texts('وتظهر الميزة في التطبيق كما ورد في "النشرة العربية للأخبار التقنية".') == []
    # أعتقد inside quotation marks with no cue of their own keeps its reading (the only report those words get)
    got = texts('"لا يمكن أن نستمر هكذا، لكني أعتقد أن الحل قريب جدا" مقابلة مع الإذاعة عام 2010.')
    assert len(got) == 1 and got[0].startswith("الحل قريب جدا")


def test_a_quoted_subject_then_an_aside_then_the_complement():
    got = quotes('وكتبت "لا ريبوبليكا"، كبرى صحف إيطاليا، إن "الفريق لعب بلا روح في الشوط الثاني".')
    assert [x.text for x in got] == ["الفريق لعب بلا روح في الشوط الثاني"]
    # a short quotation right after the cue, then a participle with its own complement, stays speech
    assert texts('وقال "لن نتراجع"، مضيفا أن الحكومة ماضية في خطتها.') == ["لن نتراجع", "الحكومة ماضية في خطتها"]


def test_a_fragment_after_fi_unless_a_publication():
    assert texts('وكرر الرئيس رغبته في "عدم وقف صفقات السلاح مع الحلفاء".') == ["عدم وقف صفقات السلاح مع الحلفاء"]


@pytest.mark.parametrize("sentence, said", [
    ('واتهمت الوزارة الشركة بـ"تضليل المستهلكين".', "تضليل المستهلكين"),
    ('ووصف الوزير القرار بـ"المتسرع".', "المتسرع"),
    ('وتحدث المدرب عن "مرحلة صعبة" تنتظر الفريق.', "مرحلة صعبة"),
    ('وخرج المئات إلى الساحة وهتفوا "الشعب يريد الإصلاح".', "الشعب يريد الإصلاح"),
])
def test_short_quoted_term_as_a_prepositional_object_of_the_verb(sentence, said):
    assert texts(sentence) == [said]


@pytest.mark.parametrize("sentence", [
    'وقال الوزير في مقابلة مع "الشرق"، الخميس: "سنواصل العمل".',  # a name inside the cue's zone
    'وأعلنت القوات قصف عشرات المواقع "المعادية" ليلا.',  # a scare quote, no preposition
    'وجاء مقتله بعد أسابيع من "مسيرات العودة".',  # جاء "came": no speech
    'كما واصلت الشركة دورها كمؤسسة من "الطراز الأول".',  # واصل "continued": no speech
])
def test_short_quoted_words_that_are_no_quoted_term(sentence):
    assert texts(sentence) == ["سنواصل العمل"] if "سنواصل" in sentence else texts(sentence) == []


def test_an_unclosed_mark_in_a_reported_clause_stops_at_another_report():
    got = texts('ووصف المدير الاجتماع بأنه "مثمر وصريح، فيما يقول معارضون إن شيئا لم يتغير.')
    assert got == ["مثمر وصريح", "شيئا لم يتغير"]


def test_qawl_iddia_and_barrara_cues():
    assert texts("وجاء القرار بعد يوم من قول الحكومة إنها ستراجع الاتفاق.") == ["ستراجع الاتفاق"]
    assert texts("وفتحت الشرطة تحقيقا في ادعاء أحد الموظفين أنه تعرض للتهديد.") == ["تعرض للتهديد"]
    assert texts("ودافع عن قراره، مبررا ذلك بأن الميزانية لا تسمح بالتوظيف.") == ["الميزانية لا تسمح بالتوظيف"]
    # no report: the noun "saying" with no one in construct, برر without أن
    assert texts("وفي قول آخر للكاتب أن الحياة قصيرة.") == []
    assert texts("قبل أن تبرر الأسواق أي تحرك، وهناك عوامل أخرى: الثقة والطلب.") == []


def test_impersonal_cue_after_a_topic_is_a_report():
    got = quotes("أما الناقد المصري سامي فريد، فيرى أن الرواية تجاوزت جيلها.")
    assert [(x.text, x.speaker) for x in got] == [("الرواية تجاوزت جيلها", "سامي فريد")]
    assert texts("ويرى أن الأمور تتحسن.") == []  # without a topic it stays impersonal


def test_bare_bayna_between_does_not_end_a_cue_zone():
    assert texts('وقال المتحدث خلال مؤتمر صحفي بعد توقيع اتفاقية بين البلدين "هذه خطوة أولى نحو تعاون أوسع".') == [
        "هذه خطوة أولى نحو تعاون أوسع"]
    assert texts("وأكد الوزير بعد لقاء بين الوفدين أن المحادثات كانت مثمرة.") == ["المحادثات كانت مثمرة"]
    # بين with أن at once is still the cue "explained"
    assert texts("وقال المدير، بين أن الخطة ناجحة.") == ["الخطة ناجحة"]


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

def test_strict_cue_with_a_long_named_subject():
    text = ("وبين مدير عام إدارة الشؤون الفنية والصيانة في أمانة محافظة الأحساء سامي بن خالد العتيبي "
            "أن أعمال التطوير ستنتهي قبل نهاية العام.")
    got = run(text, [per(text, "سامي بن خالد العتيبي")], ranker=True)
    assert [(q.text, q.speaker) for q in got] == [
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


# --- handle_source / source_fallback: بحسب / وفق phrases that read as no name ------------------

def test_bihasab_ma_warada_fi_takes_the_outlet_after_the_preposition():
    text = "وارتفعت صادرات القمح إلى المنطقة بنسبة عشرة في المئة، بحسب ما ورد في صحيفة \"الأنباء\"."
    assert found(text) == [("وارتفعت صادرات القمح إلى المنطقة بنسبة عشرة في المئة", "الأنباء")]


def test_wifq_ma_alanat_with_no_subject_refers_back_to_the_body():
    text = ("أصدرت الهيئة الوطنية لحقوق الإنسان تقريرها السنوي. "
            "ووثقت الهيئة عشرات الشكاوى من السجون، وفق ما أعلنت الأحد.")
    assert ("ووثقت الهيئة عشرات الشكاوى من السجون", "الهيئة الوطنية لحقوق الإنسان") in found(text)


def test_bihasab_a_verbal_noun_then_its_issuer():
    text = "تراجع معدل البطالة إلى سبعة في المئة في الربع الأخير، بحسب إعلان الهيئة العامة للإحصاء."
    assert found(text) == [("تراجع معدل البطالة إلى سبعة في المئة في الربع الأخير", "الهيئة العامة للإحصاء")]


def test_an_impersonal_expectation_in_the_sentence_does_not_own_its_content():
    text = "وضربت السيول ثلاث قرى جبلية فيما يتوقع أن ترتفع حصيلة الأضرار، بحسب المصادر."
    assert [t for t, _ in found(text)] == ["وضربت السيول ثلاث قرى جبلية فيما يتوقع أن ترتفع حصيلة الأضرار"]


def test_a_demonstrative_before_a_noun_is_no_ja_dhalik_formula():
    text = "وتأتي هذه الشحنات من ميناء صغير في الجنوب وفق المصدر ذاته."
    assert [t for t, _ in found(text)] == ["وتأتي هذه الشحنات من ميناء صغير في الجنوب"]
    assert found("جاء ذلك في مؤتمر صحفي عقده الوزير بحسب وكالة الأنباء.") == []


def test_the_clause_before_a_source_starts_after_the_dateline():
    from marsad.doc import RawArticle
    from marsad.pipeline import COMPONENTS, Pipeline

    pipe = Pipeline.default(disable=[c for c in COMPONENTS if c not in ("source", "quotes")])
    text = ("دبي، الإمارات العربية المتحدة (CNN)-- سقطت طائرة شحن صغيرة، الأحد، قرب الحدود الشمالية، "
            "وفقا لما أعلنته هيئة الطيران المدني.")
    doc = pipe(RawArticle(text=text))
    assert [q.text for q in doc.quotes] == ["سقطت طائرة شحن صغيرة، الأحد، قرب الحدود الشمالية"]


# --- _cue_at: بين "between" --------------------------------------------------------------------

def test_bayna_before_a_definite_dual_or_plural_is_between():
    assert found("والفرق بين الشركتين هو أن الأولى تأسست قبل عشرين عاما.") == []
    text = "وبين المدير العام للشركة سامي العلي أن الأرباح ارتفعت في الربع الأخير."
    assert [t for t, _ in found(text)] == ["الأرباح ارتفعت في الربع الأخير"]


# --- quote_lexicon: مفيدا "stating", strict ------------------------------------------------------

def test_mufidan_with_its_complement_is_a_participle_cue():
    text = ("وأوضح مدير الإدارة أن المدارس الجديدة ستفتتح في سبتمبر، مفيدا بأن الوزارة خصصت لها "
            "ميزانية مستقلة.")
    assert [t for t, _ in found(text)] == ["المدارس الجديدة ستفتتح في سبتمبر",
                                           "الوزارة خصصت لها ميزانية مستقلة"]


def test_mufid_useful_is_no_cue():
    assert found("وكان البرنامج مفيدا للطلاب الذين شاركوا فيه هذا الصيف.") == []


def test_impersonal_yurajjah_an_is_the_writers_inference():
    assert found("وتقدمت القوات نحو المدينة الساحلية. ويرجح أن تبدأ المرحلة الثانية من العملية الأسبوع المقبل.") == []
    text = "ويرجح المحلل الاقتصادي سامي الراشد أن تنخفض الأسعار في الربع المقبل."
    assert [t for t, _ in found(text)] == ["تنخفض الأسعار في الربع المقبل"]


# --- clause_span / relative_report: a relative clause with its own report ends the clause ----------

def test_a_relative_clause_reporting_another_speaker_ends_the_reported_clause():
    text = ("وقال المتحدث العسكري إن الطائرات قصفت مستودعا للذخيرة قرب الحدود، والتي كانت وكالات محلية "
            "ذكرت أنها أصابت مدرسة.")
    qs = [t for t, _ in found(text)]
    assert qs[0] == "الطائرات قصفت مستودعا للذخيرة قرب الحدود"
    assert "أصابت مدرسة" in qs


def test_a_relative_clause_of_the_same_speaker_goes_on():
    text = "وقال الوزير إن المشروع تأخر بسبب الأمطار، التي قال إنها لم تتوقف منذ أسابيع."
    assert found(text) == [("المشروع تأخر بسبب الأمطار، التي قال إنها لم تتوقف منذ أسابيع", "الوزير")]


def test_bare_bayna_opening_a_clause_after_a_comma_reports():
    text = "من جهته، بين رئيس مجلس إدارة الشركة الدكتور سامي الخالدي أن المصنع الجديد سيفتتح العام المقبل."
    assert [t for t, _ in found(text)] == ["المصنع الجديد سيفتتح العام المقبل"]
    assert found("وتتراوح المسافة بين المدينتين والحدود نحو مئة كيلومتر، إلا أن الطريق وعر.") == []


# --- direct_span: a quotation left open ends before "، مؤكدا أن …" ----------------------------

def test_an_unclosed_quotation_ends_before_a_participle_with_its_complement():
    text = ("وقال المدير الفني سامي الكعبي \"أنهى الفريق التدريبات الأخيرة في الملعب الرئيسي، "
            "مؤكدا أن اللاعبين جاهزون للمباراة النهائية.")
    assert [t for t, _ in found(text)] == ["أنهى الفريق التدريبات الأخيرة في الملعب الرئيسي",
                                           "اللاعبين جاهزون للمباراة النهائية"]


def test_the_ba_glued_inside_the_marks_after_an_object_pronoun_verb():
    text = "وسلم نفسه للشرطة في قضية وصفتها النيابة العامة “بجرائم ضد الأمن العام”."
    assert ("بجرائم ضد الأمن العام", "النيابة العامة") in found(text)


# --- quote_lexicon: outlet heads (راديو، صحيفتا/صحيفتي) and جبهة as a naming noun ----------------

def test_a_quoted_outlet_after_radio_or_a_dual_is_its_name():
    text = "وذكر راديو \"الشرق الحر\"، الذي يبث من الخارج، أن الأسعار ارتفعت بنسبة كبيرة."
    assert found(text) == [("الأسعار ارتفعت بنسبة كبيرة", "الشرق الحر")]
    text = "وذكرت صحيفتا \"الصباح\" و\"المساء\" أن الفريق سيتعاقد مع المدرب الجديد."
    assert [t for t, _ in found(text)] == ["الفريق سيتعاقد مع المدرب الجديد"]


def test_a_quoted_name_after_jabha_is_no_quotation():
    text = "واتهمت الحكومة الدولة المجاورة بتسهيل نقل أسلحة إلى جبهة \"التحرير الشعبية\" في الجنوب."
    assert found(text) == []


def test_written_on_it_is_an_inscription():
    text = "ورفع المحتجون لافتات كتب عليها \"لا لرفع الأسعار ولا للضرائب الجديدة\" أمام مبنى البلدية."
    assert found(text) == []
    text = "وكتب الوزير على حسابه في تويتر: \"سنواصل العمل حتى إنجاز المشروع كاملا\"."
    assert [t for t, _ in found(text)] == ["سنواصل العمل حتى إنجاز المشروع كاملا"]


def test_ajma_ala_anna_and_tatarraqa_ila_anna_report_strictly():
    text = "أجمع خبراء اقتصاديون على أن الأسواق ستتعافى خلال العام المقبل."
    assert [t for t, _ in found(text)] == ["الأسواق ستتعافى خلال العام المقبل"]
    assert found("وتطرق الاجتماع إلى خطط التوسع في المناطق الريفية.") == []


def test_a_quotation_in_a_row_after_comma_and_wa():
    text = "وقال رئيس الوزراء \"ستستمر المحاكمات حتى النهاية\"، و\"لن يفلت أحد من العدالة\"."
    assert [t for t, _ in found(text)] == ["ستستمر المحاكمات حتى النهاية", "لن يفلت أحد من العدالة"]


# --- session 6: provisions, accusations, beliefs ---------------------------------------------

def test_a_provision_of_a_rule_is_said_with_no_speaker():
    got = found("وأعلنت البلدية موعد التسجيل. ونصت المادة (12) من لائحة التراخيص على أن يدفع المتقدم رسوما سنوية.")
    assert ("يدفع المتقدم رسوما سنوية", None) in got


def test_a_provision_inside_a_speakers_account_does_not_cut_it():
    got = found("وأوضح المدير أن اللائحة سهلت إجراءات التسجيل، ونصت على أن يراجع المتقدم الفرع خلال شهر.")
    assert len(got) == 1 and got[0][0].startswith("اللائحة سهلت"), got


@pytest.mark.parametrize("sentence, said", [
    ("واتهم وزير الدفاع المعارضة بأنها تعرقل تشكيل الحكومة.", "تعرقل تشكيل الحكومة"),
    ("وهاجم النائب الحكومة، متهما الوزير بأنه أخفى الأرقام عن البرلمان.", "أخفى الأرقام عن البرلمان"),
])
def test_accused_that_at_once_reports(sentence, said):
    assert texts(sentence) == [said]


def test_an_accusation_with_a_noun_object_or_a_far_that_is_no_report():
    assert texts("واتهم المدعي العام المتهم بالاحتيال على المستثمرين.") == []
    assert texts("كما اتهم المدير السابق، الذي يصفه زملاؤه بأنه أمهر المحاسبين، بالتلاعب بالحسابات.") == []


def test_the_one_accused_is_not_the_speaker():
    text = "وانتقدت النائبة سلمى العلي أداء الوزارة. واتهمت الوزير كريم الهادي بأنه تجاهل شكاوى المواطنين."
    got = found(text, [per(text, "سلمى العلي"), per(text, "كريم الهادي")])
    assert got and got[-1][0] == "تجاهل شكاوى المواطنين" and got[-1][1] != "كريم الهادي", got


def test_yuminu_bi_anna_believes_that():
    assert texts("ويؤمن المدرب بأن الفريق قادر على المنافسة على اللقب.") == ["الفريق قادر على المنافسة على اللقب"]


# --- session 6: where a reported clause ends -------------------------------------------------

def test_a_clause_that_is_one_quotation_ends_at_its_mark_before_a_comma():
    text = "وحذر المسؤول من أن «الأزمة ستتفاقم إذا لم تحل سريعا»، مجددا دعوته إلى الحوار بين الأطراف."
    assert texts(text) == ["الأزمة ستتفاقم إذا لم تحل سريعا"]


def test_a_quotation_then_a_coordinated_anna_stays_one_statement():
    got = texts("وقال المدير إن «الخطة جاهزة للتنفيذ»، وأن العمل سيبدأ الشهر المقبل.")
    assert len(got) == 1 and got[0].endswith("سيبدأ الشهر المقبل"), got


@pytest.mark.parametrize("sentence, said", [
    ("وأكد الوزير أن الاتفاق يخدم مصالح البلدين، وتطرق إلى ملفات التعاون الأخرى.", "الاتفاق يخدم مصالح البلدين"),
    ("وأوضحت الوزيرة أن المشروع اكتمل في موعده، ورحبت بالشركاء الجدد في المرحلة الثانية.", "المشروع اكتمل في موعده"),
])
def test_a_verb_agreeing_with_the_speaker_after_a_comma_ends_the_clause(sentence, said):
    assert texts(sentence) == [said]


def test_a_verb_agreeing_with_the_clause_subject_goes_on():
    got = texts("وأوضح المتحدث أن الحكومة أقرت الخطة الجديدة، ودعت المواطنين إلى الالتزام بها.")
    assert len(got) == 1 and got[0].endswith("الالتزام بها"), got
    got = texts("وأكد الوزير أن الحل يمر بالحوار، وعبر الوسائل السياسية وحدها.")
    assert len(got) == 1 and got[0].endswith("السياسية وحدها"), got  # وعبر "via", not the verb


def test_an_unclosed_mark_in_a_clause_ends_where_the_narration_reports_again():
    text = "وأوضح المدير أن الجمعيات هي «جمعية البر وجمعية الإحسان في المدينة. وقد بين المدير بأن الجمعيات سجلت رسميا."
    assert texts(text) == ["الجمعيات هي «جمعية البر وجمعية الإحسان في المدينة", "الجمعيات سجلت رسميا"]


def test_colon_speech_goes_on_over_a_quotation_inside_it():
    text = "وقال المدرب للصحفيين: الفريق جاهز للمباراة، وسنطبق المثل « من جد وجد» ولن نفرط في النقاط أمام جماهيرنا."
    assert texts(text) == ["الفريق جاهز للمباراة، وسنطبق المثل « من جد وجد» ولن نفرط في النقاط أمام جماهيرنا"]


def test_ila_anna_after_another_clause_is_until_not_the_cues_complement():
    text = ("وكان الحزب أعلن المدينة عاصمة له بعد الانسحاب، لكن المعارضة خاضت معارك طويلة إلى أن تم التوصل إلى هدنة "
            "برعاية دولية.")
    assert texts(text) == []
    # loosely written, with the cue's subject alone before it, إلى أن is still the cue's complement
    got = texts("وأوضح الأستاذ خالد العمري، مدير التخطيط بالهيئة إلى أن المشروع سيكتمل نهاية العام.")
    assert got == ["المشروع سيكتمل نهاية العام"]


def test_a_criterion_after_a_comma_does_not_end_the_reported_clause():
    text = "وأوضحت الوزارة أن المفاضلة تتم بين المتقدمين، وفقا للدرجة التي يحصل عليها كل متقدم، وأن الاختبار مجاني."
    got = texts(text)
    assert len(got) == 1 and got[0].endswith("الاختبار مجاني"), got
    # a source, or the speaker's own words (حسب تعبيره), still ends it
    got = texts("وقال المدير إن الموسم كان ناجحا بكل المقاييس، حسب تعبيره.")
    assert got == ["الموسم كان ناجحا بكل المقاييس"]


# --- session 7: detection recall ---------------------------------------------------------------

def test_a_period_typed_without_its_space_still_ends_the_sentence():
    text = "وقال الوزير إن الخطة تأخرت بسبب نقص التمويل المخصص للمشاريع.وعليه بادر المدير بالرد على الأسئلة."
    assert texts(text) == ["الخطة تأخرت بسبب نقص التمويل المخصص للمشاريع"]
    # letters spelled out with periods and a domain stay inside their sentence
    got = texts("وذكرت قناة (ام.اس.ان.بي.سي) أن الشركة ستطرح هاتفا جديدا. وقال مديرها لموقع العربية.نت: إن الطلب كبير.")
    assert got == ["الشركة ستطرح هاتفا جديدا", "الطلب كبير"]


@pytest.mark.parametrize("sentence, said", [
    ("وأكد الوزير أن الاقتصاد ينمو بقوة، مستبعدا أن تتأثر البلاد بالأزمة العالمية.", "تتأثر البلاد بالأزمة العالمية"),
    ("وقالت الشرطة إن الحادث وقع ليلا، مرجحة أن يكون السائق قد غفا.", "يكون السائق قد غفا"),
])
def test_participles_of_rajjaha_and_istabada_report(sentence, said):
    assert said in texts(sentence)


@pytest.mark.parametrize("sentence", [
    "وليس مستبعدا أن تعود الأزمة إلى الواجهة قريبا.",
    "ولا يبدو مرجحا أن يحسم الفريق المواجهة في الذهاب.",
    "وكان مفيدا أن اللقاء تأجل إلى الأسبوع المقبل.",
])
def test_a_participle_after_a_copula_is_an_adjective_not_a_cue(sentence):
    assert texts(sentence) == []


def test_a_tagged_subject_before_yara_makes_it_an_opinion_not_impersonal():
    text = "ويسعى النادي المنافس للقب الثالث، لكن ساديو ماني يرى أن فريقه قادر على الفوز في النهائي."
    assert found(text, [per(text, "ساديو ماني")]) == [("فريقه قادر على الفوز في النهائي", "ساديو ماني")]
    # with no subject before it, يتوقع / يعتقد أن stays the writer's impersonal aside
    assert texts("وتراجعت الأسعار هذا الأسبوع. ويتوقع أن تواصل تراجعها. ويعتقد أن السبب ضعف الطلب.") == []


@pytest.mark.parametrize("sentence, said", [
    # على القول like إلى القول
    ("لكن الرئيس حرص على القول إن الصين بلد صديق.", "الصين بلد صديق"),
    # a verbal noun of saying after إلى / على, and after مع inside a reported clause (a statement of its own)
    ("وسارع المدرب إلى التأكيد على أن الحارس لم يكن الوحيد الذي أخطأ.", "الحارس لم يكن الوحيد الذي أخطأ"),
    ("وتنتهي الصحيفة إلى الإشارة إلى أن الاقتصاد سيتعافى قريبا.", "الاقتصاد سيتعافى قريبا"),
    # أتبع with a colon; أجاب / سأل with an object pronoun
    ("وقال المدرب إن الفريق لعب جيدا. وأتبع: توقعت المزيد من الحماس من الجماهير.", "توقعت المزيد من الحماس من الجماهير"),
    ('سأله الصحفي عن الخطة فأجابه: "سنبدأ التنفيذ الأسبوع المقبل".', "سنبدأ التنفيذ الأسبوع المقبل"),
    ('فسألها المذيع: "هل أنت راضية عن النتيجة؟"', "هل أنت راضية عن النتيجة"),
    # a strict cue after a sentence opener closed by a comma, and with a comma-closed adjunct before أن
    ("إلى ذلك، اعتبر المتحدث باسم الهيئة أن القرار جاء متأخرا.", "القرار جاء متأخرا"),
    ("وبين المدير، عقب اجتماعه مع وفد الشركة الكورية للصناعات الثقيلة في الرياض، أن التعاون سيتوسع.", "التعاون سيتوسع"),
])
def test_session7_cues_and_zones(sentence, said):
    assert said in texts(sentence)


def test_a_verbal_noun_of_saying_after_ma_splits_the_reported_clause():
    got = texts("وقال الوزير إن المشروع تأخر، مع التأكيد على أن التمويل متوفر بالكامل.")
    assert got == ["المشروع تأخر", "التمويل متوفر بالكامل"]
    # مع الإشارة إلى أن may be the writer's note: the clause goes on
    assert len(texts("وقال الوزير إن المشروع تأخر، مع الإشارة إلى أن التمويل متوفر.")) == 1


@pytest.mark.parametrize("sentence", [
    "وهو الطريق الوحيد والقدرة على القول إنها ليست أزمتنا.",   # ability, not a report
    "وأتبع الرئيس التأييد بتهديد مستتر للدول المعارضة.",         # أتبع without a colon or أن: "followed up"
    "وفي التقرير تأكيد على أن الوضع مستقر.",                    # a bare verbal noun with no one speaking
])
def test_session7_not_statements(sentence):
    assert texts(sentence) == []


def test_a_participle_cue_right_after_a_closing_mark_ends_the_reported_clause():
    got = texts('وأكد مصدر عسكري للوكالة أن "تسعة أشخاص قتلوا في الاشتباكات" مضيفا أن أكثر من عشرين آخرين أصيبوا.')
    assert got == ["تسعة أشخاص قتلوا في الاشتباكات", "أكثر من عشرين آخرين أصيبوا"]


def test_qabl_an_with_a_cue_inside_a_reported_clause_is_a_statement_of_its_own():
    got = texts("وأفادت الوكالة بأن عدد القتلى ارتفع إلى 59 قتيلا، قبل أن تذكر في خبر لاحق أن العدد ارتفع إلى 60 قتيلا.")
    assert got == ["عدد القتلى ارتفع إلى 59 قتيلا", "العدد ارتفع إلى 60 قتيلا"]
    # يضيف with no complement ("added the second goal") is no report
    assert texts("وافتتح اللاعب التسجيل في الدقيقة 33، قبل أن يضيف زميله الهدف الثاني في الدقيقة 48.") == []
