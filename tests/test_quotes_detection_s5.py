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
