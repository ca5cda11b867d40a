"""Person names completed from capitalisation-free cues: first names the tagger drops
because they are common words, glued ``عبد`` compounds, surnames after a first name, untagged names
after a title or a reporting verb — and the cases where none of that may happen.

Tags are given by hand (as a tagger might leave them) so each test pins one step of
:func:`marsad.extract.entities.complete_person_names`; the word frequencies stand in for the news counts.
"""

from __future__ import annotations

from marsad.extract.entities import _person_cues, _skip_titles, complete_person_names
from marsad.text import tokenize

from .test_entities_names import names

#: Frequencies as the unlabelled news gives them, for the words these tests look up.
FREQ = {"علي": 114000, "تركي": 884, "سلطان": 1500, "اظهرت": 600, "واظهرت": 400, "نجاح": 377, "نجاحه": 78,
        "صحيح": 250, "صحيحا": 73, "ساحه": 900, "مالكي": 36, "المالكي": 700, "زهراني": 3, "الزهراني": 300,
        "راضي": 81, "كون": 212, "الكون": 118}


def complete(text: str, tagged: dict[str, str], freq: dict[str, int] | None = None) -> list[str]:
    """The person names after completion; ``tagged`` maps words of ``text`` to their given tag."""
    tokens = tokenize(text)
    tags = [tagged.get(t.text, "O") for t in tokens]
    return names(text, complete_person_names(tokens, tags, FREQ if freq is None else freq, _person_cues()))


def test_first_name_that_is_a_common_word_joins_the_surname():
    # تركي is also "Turkish": the tagger kept only the surname
    assert complete("وقال المتحدث باسم القوات العقيد تركي المالكي إن الهجوم فشل.", {"المالكي": "B-PER"}) == ["تركي المالكي"]


def test_glued_abd_compound_joins():
    text = "وأعلن الرئيس اليمني عبدربه منصور هادي أن الحكومة ستعود."
    assert complete(text, {"منصور": "B-PER", "هادي": "I-PER"}) == ["عبدربه منصور هادي"]


def test_a_name_after_and_is_another_person():
    # ودنيس: "and Dennis" — the first name before it belongs to someone else
    text = "وكرمت اللجنة سعيد ودنيس ماكويغي في الحفل."
    assert complete(text, {"ودنيس": "B-PER", "ماكويغي": "I-PER"}) == ["ودنيس ماكويغي"]


def test_ali_is_no_first_name_when_the_text_spells_ala_with_ya():
    # A text that never writes final ى: علي is as likely the preposition على
    text = "واكد علي الزهراني اهمية الموضوع"
    assert complete(text, {"الزهراني": "B-PER"}) == ["الزهراني"]
    # The same text with ى elsewhere: علي is the name
    text2 = "وأكد علي الزهراني على أهمية الموضوع."
    assert complete(text2, {"الزهراني": "B-PER"}) == ["علي الزهراني"]
    # and على itself never is
    assert complete("وشدد على الزهراني أن يعود.", {"الزهراني": "B-PER"}) == ["الزهراني"]


def test_first_names_only_span_merges_with_the_next_person_span():
    text = "وأوضح والده سعود علي آل فايد أن ابنه بخير."
    assert complete(text, {"سعود": "B-PER", "علي": "B-PER", "آل": "I-PER", "فايد": "I-PER"}) == ["سعود علي آل فايد"]


def test_surname_after_a_first_name_when_the_name_plainly_ends():
    text = "بدوره أشار اللواء أمين راضي، الأمين العام للحزب، إلى أن الانتخابات ستجري."
    assert complete(text, {"أمين": "B-PER"}) == ["أمين راضي"]
    # the family name after عبد + name
    text2 = "وأوضح خبير التقنية عبد الله الزهراني، عبر حسابه، أن الخلل أصلح."
    assert complete(text2, {"عبد": "B-PER", "الله": "I-PER"}) == ["عبد الله الزهراني"]


def test_no_surname_from_a_weekday_a_noun_or_a_clitic_word():
    assert complete("أكد الملك سلمان الخميس أن المملكة ماضية.", {"سلمان": "B-PER"}) == ["سلمان"]
    # a common noun with the article (الكون: its bare form is more frequent than the ال form)
    assert complete("وتوجت بلقب ملكة جمال الكون، العام الماضي.", {"جمال": "B-PER"}) == ["جمال"]
    # a verb with و, a noun with a pronoun suffix, an adverb with the accusative alif
    assert complete("وأجريت أشعة على كتف صلاح وأظهرت أن الإصابة طفيفة.", {"صلاح": "B-PER"}) == ["صلاح"]
    assert complete("دفن بجوار رفيق نجاحه، المطرب الراحل.", {"رفيق": "B-PER"}) == ["رفيق"]
    assert complete("نفى أن يكون ما قاله حسن صحيحا، وقال إن العكس صحيح.", {"حسن": "B-PER"}) == ["حسن"]


def test_untagged_first_name_and_surname_after_a_title_or_cue():
    text = "وقال الأمين العام للنادي علي فقندش: إن النادي سيقيم الحفل على مسرحه."
    assert complete(text, {}) == ["علي فقندش"]
    text2 = "وقال المستشار تركي آل الشيخ: إن الهيئة على استعداد."
    assert complete(text2, {}) == ["تركي آل الشيخ"]


def test_no_new_name_without_a_title_or_cue_before_or_an_end_after():
    # no title or reporting verb before it
    assert complete("ووصل علي فقندش: إلى المطار على عجل.", {}) == []
    # introduced, but nothing marks where the name ends
    assert complete("وقال المستشار تركي فقندش الموضوع على الطاولة.", {}) == []


def test_title_that_is_a_first_name_stays_in_the_name():
    toks = tokenize("اللواء أمين راضي")
    assert _skip_titles(toks, 0, 3, _person_cues().first_names) == 1  # أمين راضي
    # before a known first name it is read as a title; with the article or a complement it is one
    toks = tokenize("سلطان هيثم")
    assert _skip_titles(toks, 0, 2, _person_cues().first_names) == 1
    toks = tokenize("الأمين العام محمد")
    assert _skip_titles(toks, 0, 3, _person_cues().first_names) == 2
    toks = tokenize("أمين عام الحزب")  # أمين before the construct عام is the title
    assert _skip_titles(toks, 0, 3, _person_cues().first_names) >= 1


def test_title_that_is_a_first_name_before_bin_is_the_first_name():
    # no title has a father: سلطان before بن is the first name the nasab continues
    toks = tokenize("الشيخ سلطان بن راشد آل نهيان")
    assert _skip_titles(toks, 0, 6, _person_cues().first_names) == 1  # سلطان بن راشد آل نهيان


def test_no_surname_from_a_suffixed_noun_or_before_a_preposition_spelt_like_a_title():
    # كلمته is كلمة + his; أمام "in front of" normalises like إمام "imam" and ends no name
    freq = {**FREQ, "كلمه": 3000, "كلمته": 250, "عباس": 2000}
    assert complete("واختتم عباس كلمته أمام المجلس بالدعاء.", {"عباس": "B-PER"}, freq) == ["عباس"]
    assert complete("واختتم عباس زكي أمام المجلس بالدعاء.", {"عباس": "B-PER"}, freq) == ["عباس"]
