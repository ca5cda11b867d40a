"""Arabic number parsing: digits in three scripts, separators, words with case endings and duals, scales, clitics."""

from __future__ import annotations

import pytest

from marsad.extract.numbers import find_numbers, parse_digits, parse_number

WORDS = [
    ("خمسة", 5), ("خمس", 5), ("عشرة آلاف", 10_000), ("مئة", 100), ("مائة", 100), ("مئتي", 200), ("مئتان", 200),
    ("مائتين", 200), ("ألفا", 1000), ("ألفان", 2000), ("ألفين", 2000), ("مليون", 1_000_000), ("ملايين", 1_000_000),
    ("مليونين", 2_000_000), ("خمسة مليارات", 5_000_000_000), ("مئة مليون", 100_000_000), ("مليار ونصف", 1_500_000_000),
    ("ثلاثة ملايين ومئتي ألف", 3_200_000), ("ثلاثمائة وخمسة عشر ألفا", 315_000), ("اثنا عشر", 12), ("إحدى عشرة", 11),
    ("واحد وعشرون", 21), ("خمسة وعشرين ألف", 25_000), ("ستة و عشرون", 26), ("مائة وستة عشر", 116),
    ("ثلاث مائة وواحد وثلاثون", 331), ("أربعة آلاف وثلاثمائة وواحد وعشرون", 4321), ("نصف مليون", 500_000),
    ("ثلاثة أرباع", 0.75), ("سبعين", 70), ("تسعون", 90), ("ثمانية", 8), ("ثماني", 8),
    ("خَمْسَةُ آلافٍ", 5000),  # with diacritics
]


@pytest.mark.parametrize(("text", "value"), WORDS)
def test_number_words(text, value):
    assert parse_number(text) == pytest.approx(value)


MIXED = [
    ("225 ألفا", 225_000), ("1.5 مليار", 1_500_000_000), ("٣٢٢ ألف", 322_000), ("3 ملايين و200 ألف", 3_200_000),
    ("2 مليون و 3 آلاف", 2_003_000), ("١٢ مليون", 12_000_000), ("۱۲ میلیون".replace("میلیون", "مليون"), 12_000_000),
]


@pytest.mark.parametrize(("text", "value"), MIXED)
def test_digits_with_scale_words(text, value):
    assert parse_number(text) == value


DIGITS = [
    ("1200", 1200), ("1,200", 1200), ("١٬٢٠٠", 1200), ("١٢٠٠", 1200), ("۱۲۰۰", 1200), ("2.5", 2.5), ("٢٫٥", 2.5),
    ("13,8", 13.8), ("1,234,567", 1_234_567), ("1.200.000", 1_200_000), ("1,234.5", 1234.5), ("1.234,5", 1234.5),
]


@pytest.mark.parametrize(("text", "value"), DIGITS)
def test_digit_strings(text, value):
    from marsad.text import normalize

    assert parse_digits(normalize(text)) == value


def test_arabic_comma_groups_thousands():
    assert [m.value for m in find_numbers("عدد السكان ١،٢٣٤،٥٦٧ نسمة")] == [1_234_567]


@pytest.mark.parametrize(("text", "span", "value_text", "value"), [
    ("تبرع بخمسة ملايين دولار", "بخمسة ملايين", "خمسة ملايين", 5_000_000),
    ("ارتفع ولـ30 يوما", "ولـ30", "30", 30),
    ("في عامي 2019 و2020", "و2020", "2020", 2020),
    ("باع المنزل بألفين ومائتين درهم", "بألفين ومائتين", "ألفين ومائتين", 2200),
])
def test_clitics_are_in_the_span_not_the_value(text, span, value_text, value):
    m = [m for m in find_numbers(text) if m.value == value][0]
    assert text[m.start:m.end] == span
    assert text[m.value_start:m.end] == value_text


def test_offsets_point_into_the_original_with_diacritics():
    text = "قُتِلَ خَمْسَةُ جُنُودٍ"
    (m,) = find_numbers(text)
    assert text[m.start:m.end] == "خَمْسَةُ" and m.value == 5


def test_vague_plurals_are_floors():
    got = {text[m.start:m.end]: (m.value, m.vague) for text in ["نزوح عشرات الآلاف من السكان"] for m in find_numbers(text)}
    assert got == {"عشرات الآلاف": (10_000, True)}
    (m,) = find_numbers("خرج الآلاف")
    assert m.vague and m.value == 1000


def test_lone_pronoun_words_are_weak():
    (m,) = find_numbers("قال أحد المسؤولين")
    assert m.weak


def test_kammiya_is_not_a_hundred():
    assert find_numbers("كمية كبيرة من الكميات") == []


def test_digits_glued_into_a_word():
    # Textbook mode follows Recognizers-Text: ١٨٠ميلي is no number. News typists glue the noun on
    # (خلال 15يوما), so the default mode reads the digits.
    assert find_numbers("١٨٠ميلي لتر", math=True) == []
    assert [m.value for m in find_numbers("خلال 15يوما من إعلان النتائج")] == [15]
    assert find_numbers("1M", math=False) == []


def test_textbook_notation_only_on_request():
    assert [m.value for m in find_numbers("٣/٤", math=True)] == [0.75]
    assert [m.value for m in find_numbers("سالب خمسة", math=True)] == [-5]
    assert [m.value for m in find_numbers("٣/٤")] == [3, 4]


def test_pyarabic_agrees_where_it_is_right():
    """pyarabic's text2number is a cross-check on plain word sequences (FACTS: right there, wrong on digits/duals)."""
    text2number = pytest.importorskip("pyarabic.number").text2number
    for text in ("خمسة مليارات", "مئة مليون", "ثلاثة آلاف"):
        assert parse_number(text) == text2number(text)
