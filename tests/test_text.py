"""The Arabic text layer: normalisation and its offset map, clitic keys, segmentation, entity keys."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.text import (
    QUOTE_CLOSE,
    QUOTE_OPEN,
    Segmented,
    clitic_candidates,
    clitic_key,
    entity_id,
    name_key,
    normalize,
    normalize_with_map,
    paragraphs,
    prefix_length_in_original,
    sentences,
    strip_tashkeel,
    tokenize,
)

# --------------------------------------------------------------------------- normalisation

NORMALIZE_CASES = [
    ("أحمد", "احمد"),
    ("إبراهيم", "ابراهيم"),
    ("آمال", "امال"),
    ("ٱلله", "الله"),
    ("مستشفى", "مستشفي"),
    ("مدرسة", "مدرسه"),
    ("مُحَمَّدٌ", "محمد"),             # tashkeel
    ("الرئيــــس", "الرئيس"),         # tatweel removed, hamza on ya kept
    ("١٢٠٠", "1200"),                # Eastern Arabic digits
    ("۱۲۳", "123"),                  # Persian digits
    ("٤٫٦", "4.6"),                  # Arabic decimal separator
    ("١٬٢٠٠", "1,200"),              # Arabic thousands separator
    ("\u200fبغداد\u200e", "بغداد"),  # RLM / LRM
    ("\ufeffنص", "نص"),              # BOM
    ("ك\u200cتاب", "كتاب"),          # ZWNJ
    ("CNN", "cnn"),
    ("ی", "ي"),                      # Persian yeh
    ("ک", "ك"),                      # Persian kaf
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_CASES)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_keeps_what_matching_needs() -> None:
    # Hamza on waw/ya is a different letter, not a spelling variant: keep it.
    assert normalize("مسؤول") == "مسؤول"
    assert normalize("رئيس") == "رئيس"
    assert strip_tashkeel("مُحَمَّدٌ ــ") == "محمد "


MAP_CASES = [
    "أَعْلَنَتْ وزارةُ الصحة",
    "قال ـــ الوزير\u200f إن ١٢٠٠ مدرسة",
    "\ufeff\u200bبغداد - (رويترز) -",
    "no arabic at all",
    "",
]


@pytest.mark.parametrize("text", MAP_CASES)
def test_offset_map_round_trips_every_token(text: str) -> None:
    nt = normalize_with_map(text)
    assert nt.text == normalize(text)
    for tok in tokenize(nt.text):
        s, e = nt.span_to_original(tok.start, tok.end)
        assert normalize(text[s:e]) == tok.text


def test_span_keeps_trailing_diacritics() -> None:
    text = "أَحْمَدُ وصل"
    nt = normalize_with_map(text)
    start = nt.text.index("احمد")
    assert nt.span_to_original(start, start + 4) == (0, len("أَحْمَدُ"))
    assert nt.to_original(len(nt.text)) == len(text)


def test_empty_span_maps_to_a_point() -> None:
    nt = normalize_with_map("مَرحبا")
    assert nt.span_to_original(2, 2) == (nt.to_original(2), nt.to_original(2))


def _widened(nt, start: int, end: int) -> tuple[int, int]:
    """A normalised span grown to whole original characters: a ligature's expansion (ﻹ → لا) is one character."""
    while start > 0 and nt.to_original(start - 1) == nt.to_original(start):
        start -= 1
    while end < len(nt.text) and nt.to_original(end) == nt.to_original(end - 1):
        end += 1
    return start, end


#: Arabic presentation forms, in the mix with base letters, marks and invisible characters.
PRESENTATION_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.sampled_from(list("ابلمني \u064e\u0651\u0640\u200f\ufeff،.")),
    ),
    max_size=60,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=("Cs",)), max_size=60),
                 PRESENTATION_HEAVY))
def test_offsets_survive_arbitrary_unicode(text: str) -> None:
    nt = normalize_with_map(text)
    assert nt.text == normalize(text)
    n = len(nt.text)
    for s in range(0, n + 1, max(1, n // 7)):
        for e in range(s, n + 1, max(1, n // 5)):
            os_, oe = nt.span_to_original(s, e)
            assert 0 <= os_ <= oe <= len(text)
            if e > s:
                assert normalize(text[os_:oe]) == nt.text[slice(*_widened(nt, s, e))]


ARABIC_HEAVY = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة" "\u064b\u064e\u064f\u0650\u0651\u0652\u0640"
                                  "٠١٢٣٤٥٦٧٨٩0123456789.,،؛؟!«»“”\"' \n\t-–()\u200f\u200e\u200b\ufeff")),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ARABIC_HEAVY, st.text(max_size=120)))
def test_tokens_point_into_the_original(text: str) -> None:
    tokens = tokenize(text)
    last_end = 0
    for tok in tokens:
        assert text[tok.start:tok.end] == tok.text
        assert tok.start >= last_end and tok.end > tok.start
        assert tok.kind in {"word", "num", "punct", "url"}
        assert tok.norm == normalize(tok.text)
        last_end = tok.end
    seg = Segmented(text)
    for span in (*seg.paragraphs, *seg.sentences):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end].strip() == text[span.start:span.end]
        assert seg.tokens[span.tok_start].start == span.start and seg.tokens[span.tok_end - 1].end == span.end
    # Sentences tile the tokens of each paragraph in order, without gaps or overlaps.
    covered = [i for s in seg.sentences for i in range(s.tok_start, s.tok_end)]
    assert covered == list(range(len(seg.tokens)))


@settings(max_examples=200, deadline=None)
@given(st.one_of(ARABIC_HEAVY, st.text(max_size=60), PRESENTATION_HEAVY))
def test_normalized_token_spans_map_back(text: str) -> None:
    nt = normalize_with_map(text)
    for tok in tokenize(nt.text):
        s, e = nt.span_to_original(tok.start, tok.end)
        assert normalize(text[s:e]) == nt.text[slice(*_widened(nt, tok.start, tok.end))]


# ------------------------------------------------------------------ Arabic presentation forms
# PDF and old CMS exports write the contextual shapes (ﺍﻟﻤﻤﻠﻜﺔ) and the lam-alef ligatures (ﻹ،
# ﻷ، ﻻ، ﻵ: two letters in one character). They normalise to the base letters, so lookups match;
# offsets still point at the characters as written.

PRESENTATION_CASES = [
    ("ﺍﻟﻤﻤﻠﻜﺔ ﺍﻟﻌﺮﺑﻴﺔ ﺍﻟﺴﻌﻮﺩﻳﺔ", "المملكه العربيه السعوديه"),  # contextual forms only
    ("ﻭﺯﺍﺭﺓ ﺍﻟﺨﺎﺭﺟﻴﺔ", "وزاره الخارجيه"),
    ("ﺃﻛﺪ", "اكد"),                                             # alef with hamza form → bare alef
    ("ﻹيران", "لايران"),                                        # lam-alef with hamza below: two letters
    ("اﻹعلامي", "الاعلامي"),                                     # the ligature inside a word
    ("ﻷن", "لان"),
    ("ﻵخر", "لاخر"),
    ("ﻻ", "لا"),
    ("ﷲ", "الله"),
    ("ﷺ", "صلي الله عليه وسلم"),                              # several words: fine for matching
    ("قالﹰ", "قال"),                                             # a harakat form is a diacritic
    ("ﺍﻟﺮﺋﻴﺲ\u064e", "الرئيس"),
]


@pytest.mark.parametrize(("raw", "expected"), PRESENTATION_CASES)
def test_presentation_forms_normalise_to_base_letters(raw: str, expected: str) -> None:
    assert normalize(raw) == expected
    assert normalize_with_map(raw).text == expected


def test_presentation_forms_match_plain_spelling() -> None:
    assert clitic_key("ﻭﺍﻟﻤﻤﻠﻜﺔ") == clitic_key("والمملكة") == "مملكه"
    assert clitic_key("ﺑﺎﻟﺤﻜﻮﻣﺔ") == clitic_key("بالحكومة")
    assert clitic_key("ﻹيران") == clitic_key("لإيران")
    assert (1, "ايران") in clitic_candidates("ﻹيران")
    assert name_key("ﻭﺯﻳﺮ ﺍﻟﺨﺎﺭﺟﻴﺔ") == name_key("وزير الخارجية")
    assert entity_id("ORG", "ﻭﺯﺍﺭﺓ ﺍﻟﺨﺎﺭﺟﻴﺔ") == entity_id("ORG", "وزارة الخارجية")


def test_expanded_ligature_maps_every_index_back_to_itself() -> None:
    text = "ﻷن الناطق اﻹعلامي"
    nt = normalize_with_map(text)
    assert nt.text == "لان الناطق الاعلامي"
    # Both letters of ﻷ (index 0) and of ﻹ (index 11) come from the one ligature character.
    assert [nt.to_original(i) for i in range(3)] == [0, 0, 1]
    k = nt.text.index("الاعلامي")
    assert [nt.to_original(i) for i in range(k, k + 4)] == [10, 11, 11, 12]
    assert nt.to_original(len(nt.text)) == len(text)
    # The word as a whole maps back to the word as written.
    assert text[slice(*nt.span_to_original(k, k + len("الاعلامي")))] == "اﻹعلامي"


def test_span_starting_or_ending_inside_a_ligature_covers_it() -> None:
    text = "وجه الوزير رسالة ﻹيران ﻻ لبس فيها"
    nt = normalize_with_map(text)
    # "ايران" starts on the alef of ﻹ: the lam cannot be cut off, the span keeps the whole ligature.
    k = nt.text.index("ايران")
    assert text[slice(*nt.span_to_original(k, k + 5))] == "ﻹيران"
    # A span ending on the lam of ﻻ (before its alef) ends after the ligature.
    k = nt.text.index("لايران ل")
    s, e = nt.span_to_original(k, k + len("لايران ل"))
    assert text[s:e] == "ﻹيران ﻻ"
    # Just the alef of ﻻ: the one original character.
    k = nt.text.index("لا لبس")
    assert nt.span_to_original(k + 1, k + 2) == (text.index("ﻻ"), text.index("ﻻ") + 1)
    # A span ending inside the four words of ﷺ covers the ligature.
    text = "قال النبي ﷺ في الحديث"
    nt = normalize_with_map(text)
    k = nt.text.index("صلي الله")
    assert text[slice(*nt.span_to_original(k, k + len("صلي الله")))] == "ﷺ"
    assert text[slice(*nt.span_to_original(nt.text.index("النبي"), nt.text.index("الله")))] == "النبي ﷺ"


def test_presentation_forms_keep_deletion_offsets() -> None:
    # Deletions (tashkeel, tatweel, RLM) and expansions in one text: the map stays exact on both sides.
    text = "\u200fأعلنَ المتحدث ﻷن الوزيـــر ﺍﻟﺴﻌﻮﺩﻱ"
    nt = normalize_with_map(text)
    assert nt.text == "اعلن المتحدث لان الوزير السعودي"
    for word in nt.text.split():
        k = nt.text.index(word)
        s, e = nt.span_to_original(k, k + len(word))
        assert normalize(text[s:e]) == word
    assert text[slice(*nt.span_to_original(nt.text.index("الوزير"), nt.text.index("الوزير") + 6))] == "الوزيـــر"


def test_tokens_of_presentation_text_keep_original_offsets() -> None:
    text = "وقال ﺍﻟﻤﺘﺤﺪﺙ ﻹذاعة محلية: ﻻ تغيير"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["وقال", "ﺍﻟﻤﺘﺤﺪﺙ", "ﻹذاعة", "محلية", ":", "ﻻ", "تغيير"]
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert [t.norm for t in toks] == ["وقال", "المتحدث", "لاذاعه", "محليه", ":", "لا", "تغيير"]
    assert toks[1].key == "متحدث"
    assert [s.end for s in sentences(text, toks)] == [len(text)]


# --------------------------------------------------------------------------- clitics

CLITIC_KEYS = [
    ("والموصل", "موصل"),
    ("بالموصل", "موصل"),
    ("للموصل", "موصل"),
    ("فالموصل", "موصل"),
    ("الموصل", "موصل"),
    ("كالنرويج", "نرويج"),
    ("للحكومة", "حكومه"),
    ("وللحكومة", "حكومه"),
    ("بالأمس", "امس"),
    ("ولي", "ولي"),          # not و + لي
    ("بلد", "بلد"),          # not ب + لد (and Balad is a real Iraqi town)
    ("وزير", "وزير"),
    ("كتاب", "كتاب"),
    ("لبنان", "لبنان"),
    ("فرنسا", "فرنسا"),
    ("ليبيا", "ليبيا"),
    ("وسليماني", "وسليماني"),  # bare و is ambiguous without a lexicon: see candidates
    ("بخمسة", "بخمسه"),
    ("الله", "الله"),          # the ال of الله is not an article
    ("بالله", "الله"),
    ("لله", "الله"),
    ("والذي", "الذي"),
    ("ال", "ال"),
    ("لل", "لل"),
    ("و", "و"),
    ("", ""),
]


@pytest.mark.parametrize(("word", "key"), CLITIC_KEYS)
def test_clitic_key(word: str, key: str) -> None:
    assert clitic_key(word) == key


CANDIDATES = [
    ("وسليماني", ["سليماني", "وسليماني"]),
    ("بالموصل", ["موصل", "الموصل", "بالموصل"]),
    ("والموصل", ["موصل", "الموصل", "والموصل"]),
    ("كالنرويج", ["نرويج", "النرويج", "كالنرويج"]),
    ("للحكومة", ["حكومه", "للحكومه"]),
    ("بخمسة", ["خمسه", "بخمسه"]),
    ("وبغداد", ["بغداد", "غداد", "وبغداد"]),
    ("ولي", ["ولي"]),
    ("بلد", ["بلد"]),
]


@pytest.mark.parametrize(("word", "stems"), CANDIDATES)
def test_clitic_candidates_longest_strip_first(word: str, stems: list[str]) -> None:
    cands = clitic_candidates(word)
    assert sorted([s for _, s in cands]) == sorted(stems)
    assert cands[-1] == (0, normalize(word))
    lengths = [n for n, _ in cands]
    assert lengths == sorted(lengths, reverse=True)


def test_candidates_serve_a_lexicon() -> None:
    gazetteer = {"سليماني", "موصل", "نرويج", "بغداد", "وزير", "بلد"}

    def lookup(word: str) -> str | None:
        return next((stem for _, stem in clitic_candidates(word) if stem in gazetteer), None)

    assert lookup("وسليماني") == "سليماني"
    assert lookup("بالموصل") == "موصل"
    assert lookup("كالنرويج") == "نرويج"
    assert lookup("وبغداد") == "بغداد"
    assert lookup("وزير") == "وزير"
    assert lookup("بلد") == "بلد"


@pytest.mark.parametrize(("word", "n", "expected"), [
    ("وسليماني", 1, "سليماني"),
    ("وَسليماني", 1, "سليماني"),      # the clitic's vowel goes with it
    ("بالموصل", 3, "موصل"),
    ("لـلحكومة", 2, "حكومة"),          # tatweel inside the clitic chain
    ("الموصل", 0, "الموصل"),
])
def test_prefix_length_in_original(word: str, n: int, expected: str) -> None:
    assert word[prefix_length_in_original(word, n):] == expected


@pytest.mark.parametrize(("word", "n", "expected"), [
    ("ﻟﻠﺤﻜﻮﻣﺔ", 2, "ﺤﻜﻮﻣﺔ"),    # contextual forms are one letter each
    ("ﻭﺳﻠﻴﻤﺎﻧﻲ", 1, "ﺳﻠﻴﻤﺎﻧﻲ"),
    ("ﻹيران", 1, "ﻹيران"),       # the ل of لإيران is inside ﻹ: the ligature stays, the alef is not lost
    ("وﻹيران", 1, "ﻹيران"),
    ("وﻹيران", 2, "ﻹيران"),
    ("ﻻجئين", 2, "جئين"),        # both letters of the ligature: cut after it
])
def test_prefix_length_in_original_with_ligatures(word: str, n: int, expected: str) -> None:
    assert word[prefix_length_in_original(word, n):] == expected


# --------------------------------------------------------------------------- segmentation

def _texts(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def test_quote_marks_are_tokens() -> None:
    text = "قال “الحكومة” و«الشعب» و\"الجيش\""
    toks = tokenize(text)
    marks = [t.text for t in toks if t.kind == "punct"]
    assert marks == ["“", "”", "«", "»", '"', '"']
    assert set("“«\"") <= QUOTE_OPEN and set("”»\"") <= QUOTE_CLOSE


@pytest.mark.parametrize(("text", "expected"), [
    ("2.5", [("2.5", "num")]),
    ("٢٫٥", [("٢٫٥", "num")]),
    ("1,200", [("1,200", "num")]),
    ("١٬٢٠٠", [("١٬٢٠٠", "num")]),
    ("اف 16", [("اف", "word"), ("16", "num")]),
    ("عام 2014.", [("عام", "word"), ("2014", "num"), (".", "punct")]),
    ("9%", [("9", "num"), ("%", "punct")]),
    ("لـ\"سبق\"", [("لـ", "word"), ('"', "punct"), ("سبق", "word"), ('"', "punct")]),
    ("https://example.com/a?b=1 نص", [("https://example.com/a?b=1", "url"), ("نص", "word")]),
    ("\u200bدبي", [("دبي", "word")]),
    ("مُحَمَّدٌ", [("مُحَمَّدٌ", "word")]),
    ("أبهــا", [("أبهــا", "word")]),
])
def test_tokenize_cases(text: str, expected: list[tuple[str, str]]) -> None:
    assert _texts(text) == expected


SENTENCE_CASES = [
    ("قال الوزير إن الأمر انتهى. وأضاف أنه سيعود؟ نعم!", ["قال الوزير إن الأمر انتهى.", "وأضاف أنه سيعود؟", "نعم!"]),
    ("بلغ النمو 2.5 في المئة. وتراجع", ["بلغ النمو 2.5 في المئة.", "وتراجع"]),
    ("وقال: «انتهى الأمر.» ثم غادر", ["وقال: «انتهى الأمر.»", "ثم غادر"]),
    ("قال د. محمد علي إن الخطة جاهزة.", ["قال د. محمد علي إن الخطة جاهزة."]),
    ("حضر أ.د. عدنان البار الحفل.", ["حضر أ.د. عدنان البار الحفل."]),
    ("تأسست عام 2015م. وقال المدير", ["تأسست عام 2015م.", "وقال المدير"]),
    ("في 25 شوال 1436هـ. وأضاف", ["في 25 شوال 1436هـ.", "وأضاف"]),
    ("في عام 1990 م. ثم", ["في عام 1990 م.", "ثم"]),
    ('قالها. "نعم" ثم سكت', ["قالها.", '"نعم" ثم سكت']),
    ('انتهى الأمر." وغادر', ['انتهى الأمر."', "وغادر"]),
    ("انتظروا... ثم رحلوا", ["انتظروا...", "ثم رحلوا"]),
    ("سطر أول بلا نقطة\nسطر ثان", ["سطر أول بلا نقطة", "سطر ثان"]),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(text: str, expected: list[str]) -> None:
    toks = tokenize(text)
    assert [text[s.start:s.end] for s in sentences(text, toks)] == expected


def test_paragraphs_are_lines() -> None:
    text = "الفقرة الأولى. جملة ثانية.\nالفقرة الثانية\n\n  الفقرة الثالثة  \n"
    toks = tokenize(text)
    assert [text[p.start:p.end] for p in paragraphs(text, toks)] == ["الفقرة الأولى. جملة ثانية.", "الفقرة الثانية", "الفقرة الثالثة"]


def test_unbalanced_quote_stays_in_its_paragraph() -> None:
    text = "وتابع: “لن نقبل بمشاريع على الورق.\nمن جانبه، أكد الوزير"
    seg = Segmented(text)
    assert len(seg.paragraphs) == 2
    first = seg.paragraphs[0]
    assert "“" in text[first.start:first.end] and "من جانبه" not in text[first.start:first.end]


# --------------------------------------------------------------------------- keys

def test_name_key_and_entity_id_are_stable() -> None:
    assert name_key("رئيس الوزراء") == "رئيس وزراء"
    assert name_key("مصطفى  الكاظمي،") == name_key("مصطفى الكاظمي")
    assert entity_id("PER", "مصطفى الكاظمي") == entity_id("per", "مُصطفى الكاظمي")
    assert entity_id("PER", "الموصل") != entity_id("LOC", "الموصل")
    assert entity_id("LOC", "الموصل").startswith("loc-")
