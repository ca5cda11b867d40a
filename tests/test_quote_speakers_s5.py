"""Explicit speakers of a cue (issue 3, session 5): the clause's own subject, found through role chains,
appositions and datelines — sentences written for these tests (none copied from an article)."""

from __future__ import annotations

from marsad.doc import Doc, RawArticle
from marsad.extract.quotes import QuoteExtractor

from .quote_helpers import ent, per, run


def test_a_role_whose_genitive_opens_with_an_object_noun_still_reaches_the_apposed_name():
    # "دعم" is usually an object (أكد الوزير دعم …); inside the role's genitive (تحالف دعم …) it is no name,
    # and the rank and name after the comma are the speaker.
    text = ("أعلن المتحدث الرسمي باسم تحالف دعم الاستقرار في المنطقة، العميد الركن سامي الحربي، "
            "أن الدفاعات الجوية اعترضت طائرة مسيرة.")
    [q] = run(text, [per(text, "سامي الحربي")])
    assert q.speaker == "سامي الحربي"
    assert q.speaker_role.startswith("المتحدث الرسمي باسم تحالف")
    assert q.speaker_role.endswith("العميد الركن")


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


def test_awwal_ams_is_a_time_adverbial_not_the_subject():
    text = "وكان الوزير خالد العمري قد أكد أول أمس الأحد أن الخطة ستنفذ على مراحل."
    [q] = run(text, [per(text, "خالد العمري")])
    assert q.speaker == "خالد العمري"


def test_a_lam_word_after_a_whole_tagged_name_is_the_addressee():
    text = "وأوضح الحربي لأسرة الضحية أن التحقيق ما زال مستمرا."
    [q] = run(text, [per(text, "الحربي")])
    assert q.speaker == "الحربي"


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


def test_a_coordinated_genitive_inside_a_role_is_no_name():
    text = "ولفت مدير عام المؤسسة العامة لمصانع الإسمنت ومناجم الفوسفات، إلى أن الإنتاج ارتفع."
    [q] = run(text)
    assert not q.speaker.startswith("ومناجم")
    assert q.speaker_role.endswith("ومناجم الفوسفات")


def test_a_share_of_a_group_speaks_for_the_group():
    text = "وقال 40 في المائة من المشاركين في الاستطلاع إنهم لا يثقون بالإعلان."
    [q] = run(text)
    assert q.speaker is not None and "الاستطلاع" in q.speaker and "40" not in q.speaker


def test_an_indefinite_description_in_apposition_before_the_cue_leaves_the_name_as_subject():
    text = "المهندس سالم الكعبي، أحد مؤسسي الشركة، اعتبر أن السوق بدأ يتعافى."
    [q] = run(text, [per(text, "سالم الكعبي")])
    assert q.speaker == "سالم الكعبي"
    assert q.speaker_role == "أحد مؤسسي الشركة"


def test_a_tagged_body_inside_a_role_is_all_part_of_the_role():
    # ريال سرقسطة is the club's two-word name: its second word does not start the speaker's name
    text = "وأكد المدير الفني لفريق ريال سرقسطة الإسباني أن الفريق جاهز للمباراة."
    [q] = run(text, [ent(text, "ريال سرقسطة", "ORG")])
    assert q.speaker is None or not q.speaker.startswith("سرقسطة")
    text = "وأكد المدير الفني لفريق ريال سرقسطة الإسباني أنطونيو فيرا أن الفريق جاهز للمباراة."
    [q] = run(text, [ent(text, "ريال سرقسطة", "ORG"), per(text, "أنطونيو فيرا")])
    assert q.speaker == "أنطونيو فيرا"
    assert "ريال سرقسطة" in q.speaker_role


def test_a_partitive_group_after_a_stance_verb_is_the_plural_participle_s_subject():
    text = "ندد عدد من النواب في البرلمان بالقرار الأخير، مؤكدين أن الحكومة تجاوزت صلاحياتها."
    [q] = run(text)
    assert q.speaker == "عدد من النواب"


def test_a_quoted_name_inside_a_stance_verb_s_subject():
    text = 'ورحبت حركة "النهضة" التونسية بالاتفاق الجديد، قائلة إنه خطوة مهمة نحو الاستقرار.'
    [q] = run(text, [ent(text, "النهضة", "ORG")])
    assert q.speaker is not None and "النهضة" in q.speaker
    assert not any(c in q.speaker for c in '"“”«»')


def test_a_role_named_earlier_in_apposition_after_a_comma_resolves_to_its_holder():
    text = ("وأوضح سالم العتيبي؛ مدير عام الهيئة، أن الموسم بدأ مبكرا. "
            "ولفت مدير عام الهيئة العامة للموانئ والمنافذ، إلى أن الحركة نشطة.")
    quotes = run(text, [per(text, "سالم العتيبي")])
    assert [q.speaker for q in quotes] == ["سالم العتيبي", "سالم العتيبي"]


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


def test_the_newspaper_told_is_the_object_of_ablagha():
    text = 'أبلغ "الوطن" المهندس فهد السالم رئيس لجنة النقل في الغرفة، أن اللجنة تدرس المقترح.'
    [q] = run(text, [per(text, "فهد السالم")])
    assert q.speaker == "فهد السالم"


def test_a_tagged_multiword_name_then_its_role():
    text = "وقال الشريف هزاع الحارثي رئيس جمعية الصيادين إن الموسم كان جيدا."
    [q] = run(text, [per(text, "الشريف هزاع الحارثي")])
    assert "هزاع الحارثي" in q.speaker
    assert q.speaker_role.startswith("رئيس جمعية الصيادين")


def test_a_sentence_glued_to_the_one_before_by_a_period():
    text = "ولعب المهاجم لأندية عدة خلال 10 أعوام.وكان رئيس لجنة الاحتراف سعود الزهراني أكد أن النادي سدد التزاماته."
    [q] = run(text, [per(text, "سعود الزهراني")])
    assert q.speaker == "سعود الزهراني"


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


def test_the_pronoun_on_bayda_annahu_is_the_first_clause_s_subject():
    text = ("وقال خالد الفهيد إن العمل مستمر. "
            "ولم يفصح الفهيد عن موعد التسليم، بيد أنه أكد أن الأراضي ستخصص للمشاريع السكنية.")
    quotes = run(text, [per(text, "خالد الفهيد")])
    assert [q.speaker for q in quotes] == ["خالد الفهيد", "خالد الفهيد"]



def test_a_sound_plural_in_the_nominative_heads_an_unnamed_group():
    text = "أعلن محققون للادعاء العام في ولاية أونتاريو الكندية، إن المشتبه به اعتقل أمس."
    [q] = run(text, [ent(text, "أونتاريو", "LOC")])
    assert q.speaker is not None and q.speaker.startswith("محققون")


def test_common_offices_open_a_role_chain():
    # المشرف، المنسق، القنصل، الأكاديمي: offices like المدير; the tagged person after the chain speaks
    text = "وأوضح المشرف العام على مهرجان الصيف سالم بن ناصر العتيبي، أن البرامج اختيرت بعناية."
    [q] = run(text, [per(text, "سالم بن ناصر العتيبي")])
    assert q.speaker == "سالم بن ناصر العتيبي"
    assert q.speaker_role.startswith("المشرف العام")


def test_a_time_word_between_the_cue_and_its_subject_is_skipped():
    text = "صرح الثلاثاء الرئيس الفرنسي إيمانويل ماكرون أمام الصحافيين أن القمة ستعقد قريبا."
    [q] = run(text, [per(text, "إيمانويل ماكرون")])
    assert q.speaker == "إيمانويل ماكرون"
