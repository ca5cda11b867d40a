"""Arabic number parsing: digits in three scripts, number words in every case form, scale words.

Works on tokens from :func:`marsad.text.tokenize` (whose ``norm`` already folds Eastern Arabic and
Persian digits to ASCII, ``٫`` to ``.`` and ``٬`` to ``,``, hamza forms of alef to ا and ة to ه), so
one lexicon serves every spelling. :func:`find_numbers` returns every number phrase with exact
offsets into the original text; the quantity and date extractors decide what each one *is*.

Why our own parser: pyarabic's ``text2number`` is right on plain word sequences (خمسة مليارات) but
wrong on digits followed by scale words (225 ألفا), on duals (ألفين، مليونين) and on glued clitics,
and it has no offsets. We use it only as a cross-check in tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.text import Token, prefix_length_in_original, tokenize

# --- lexicon (normalised spellings: ا for أ/إ/آ, ه for ة, ي for ى) ---------------------------------

_UNITS: dict[str, int] = {}
for _forms, _v in (
    ("صفر", 0),
    ("واحد واحده احد احدي", 1),
    ("اثنان اثنين اثنا اثني اثنتان اثنتين اثنتا اثنتي ثنتان ثنتين", 2),
    ("ثلاثه ثلاث", 3),
    ("اربعه اربع", 4),
    ("خمسه خمس", 5),
    ("سته ست", 6),
    ("سبعه سبع", 7),
    ("ثمانيه ثماني ثمان ثمانى", 8),
    ("تسعه تسع", 9),
):
    for _f in _forms.split():
        _UNITS[_f] = _v

_TEN_FORMS = frozenset({"عشر", "عشره"})

_TENS: dict[str, int] = {}
for _stem, _v in (("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60), ("سبع", 70), ("ثمان", 80), ("تسع", 90)):
    _TENS[_stem + "ون"] = _v
    _TENS[_stem + "ين"] = _v
_TENS["ثمانون"] = _TENS["ثمانين"] = 80

_HUNDRED_FORMS = frozenset({"مئه", "مائه", "مئة", "ماءه"})
_HUNDREDS: dict[str, int] = {f: 100 for f in _HUNDRED_FORMS}
for _f in ("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي", "ميتين"):
    _HUNDREDS[_f] = 200
for _stem, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9)):
    for _h in ("مئه", "مائه"):
        _HUNDREDS[_stem + _h] = _v * 100

#: Scale words: (multiplier, count the form itself stands for: 1 singular, 2 dual, 0 plural).
_SCALES: dict[str, tuple[int, int]] = {}
for _forms, _mult in (
    (("الف", "الفا"), 1_000),
    (("مليون", "مليونا"), 1_000_000),
    (("مليار", "مليارا", "بليون", "بليونا"), 1_000_000_000),
    (("تريليون", "تريليونا", "ترليون", "ترليونا"), 1_000_000_000_000),
):
    for _f in _forms:
        _SCALES[_f] = (_mult, 1)
for _forms, _mult in (
    (("الفان", "الفين", "الفي"), 1_000),
    (("مليونان", "مليونين", "مليوني"), 1_000_000),
    (("ملياران", "مليارين", "مليارى", "بليونين"), 1_000_000_000),
    (("تريليونين", "ترليونين"), 1_000_000_000_000),
):
    for _f in _forms:
        _SCALES[_f] = (_mult, 2)
for _forms, _mult in (
    (("الاف", "الوف"), 1_000),
    (("ملايين", "ملايبن"), 1_000_000),
    (("مليارات", "بلايين"), 1_000_000_000),
    (("تريليونات", "ترليونات"), 1_000_000_000_000),
):
    for _f in _forms:
        _SCALES[_f] = (_mult, 0)

_FRACTIONS: dict[str, float] = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3, "ثلثي": 2 / 3, "ثلثا": 2 / 3, "ثلثان": 2 / 3,
                                "ثلاثه ارباع": 0.75}
#: Vague plurals: "tens / hundreds / thousands of". Value = the smallest round figure they imply.
VAGUE: dict[str, int] = {"عشرات": 10, "مئات": 100, "الاف": 1_000, "الوف": 1_000,
                         "ملايين": 1_000_000, "مليارات": 1_000_000_000}

#: Words that are numbers only inside a compound (احد عشر، واحد وعشرون) or before a scale word:
#: alone they are pronouns or other words (أحد المسؤولين "one of the officials", ست "lady").
WEAK_ALONE = frozenset({"احد", "احدي", "ست", "واحد", "واحده", "ثمان", "اثني", "اثنا", "اثنتي", "اثنتا"})

_WORD_VALUES: dict[str, tuple[str, float]] = {}
for _f, _v in _UNITS.items():
    _WORD_VALUES[_f] = ("unit", _v)
for _f, _v in _TENS.items():
    _WORD_VALUES[_f] = ("tens", _v)
for _f, _v in _HUNDREDS.items():
    _WORD_VALUES[_f] = ("hundreds", _v)
for _f in _TEN_FORMS:
    _WORD_VALUES[_f] = ("ten", 10)
for _f, (_m, _c) in _SCALES.items():
    _WORD_VALUES[_f] = ("scale", _m)
for _f, _v in _FRACTIONS.items():
    if " " not in _f:
        _WORD_VALUES[_f] = ("fraction", _v)
_WORD_VALUES["ارباع"] = ("quarters", 0.25)
for _f, _v in (("اخماس", 0.2), ("اثمان", 0.125), ("اسداس", 1 / 6), ("اسباع", 1 / 7), ("اتساع", 1 / 9), ("اعشار", 0.1), ("اثلاث", 1 / 3)):
    _WORD_VALUES[_f] = ("quarters", _v)
for _f, _v in (("دزينه", 12), ("دزينات", 12), ("دزينتين", 24), ("دزينتان", 24)):
    _WORD_VALUES[_f] = ("dozen", _v)
#: Singular fraction words that divide a preceding number (ثلاث وعشرون خمس = 23/5) or stand alone
#: before a definite noun (خمس الفطيرة = a fifth of the pie).
_FRACTION_SINGULAR: dict[str, float] = {"خمس": 0.2, "ثمن": 0.125, "ربع": 0.25, "ثلث": 1 / 3, "سدس": 1 / 6, "عشر": 0.1}

#: Proclitic chains that may be glued to a number word (و، ف، ب، ل and their combinations). ك is
#: left out: كمية، كميات would read as ك + مية.
_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number phrase in the original text.

    ``start``/``end`` cover the phrase as written, including a clitic glued to its first word
    (بخمسة) or written just before its digits (ولـ30); ``value_start`` is where the number itself
    begins, after that clitic. ``tok_start``/``tok_end`` index the tokens it spans.
    """

    start: int
    end: int
    value_start: int
    value: int | float
    tok_start: int
    tok_end: int
    #: "digits", "words" or "mixed" (digits + scale word).
    form: str
    #: True for a lone word that is usually not a number (أحد، ست) or a bare vague plural.
    weak: bool = False
    #: Vague plural (عشرات، مئات، آلاف): the value is a floor, not a count.
    vague: bool = False
    #: Text had a decimal point.
    decimal: bool = False


_DIGITS_RE = re.compile(r"^\d+(?:[.,]\d+)*$")


def parse_digits(norm: str) -> int | float | None:
    """Value of a digit string with ``.``/``,`` separators (already ASCII-folded).

    Groups of exactly three digits after commas are thousands (1,200 / ١٬٢٠٠); any other comma is
    a decimal comma (٤,٨ = 4.8), as Arabic writers use both. A single dot is a decimal point; several
    dots over three-digit groups are thousands (1.200.000).
    """
    if not _DIGITS_RE.match(norm):
        return None
    if "," in norm and "." in norm:
        if norm.rfind(",") < norm.rfind("."):
            norm = norm.replace(",", "")
        else:
            norm = norm.replace(".", "").replace(",", ".")
    elif "," in norm:
        parts = norm.split(",")
        if len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]):
            norm = "".join(parts)
        elif len(parts) == 2:
            norm = ".".join(parts)
        else:
            return None
    elif norm.count(".") > 1:
        parts = norm.split(".")
        if len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]):
            norm = "".join(parts)
        else:
            return None
    if "." in norm:
        v = float(norm)
        return int(v) if v.is_integer() and not norm.endswith(".0") else v
    return int(norm)


def _tidy(v: float) -> int | float:
    if isinstance(v, float):
        r = round(v, 9)
        if r.is_integer():
            return int(r)
        return r
    return v


def strip_clitic(norm: str) -> tuple[int, str]:
    """(length of a proclitic chain, rest) for a normalised word that is a number word after it."""
    if norm in _WORD_VALUES:
        return 0, norm
    for c in _CLITICS:
        if norm.startswith(c) and norm[len(c):] in _WORD_VALUES:
            return len(c), norm[len(c):]
    return 0, norm


def word_value(norm: str) -> tuple[str, float] | None:
    """(class, value) of a normalised number word without clitics, or None."""
    return _WORD_VALUES.get(norm)


def _orig_prefix_len(word: str, n: int) -> int:
    """Original characters covering the first ``n`` normalised letters of ``word`` (skips marks)."""
    return prefix_length_in_original(word, n)


class _WordNumber:
    """Accumulates a spelled-out number left to right (Arabic reads big-to-small, joined by و)."""

    __slots__ = ("total", "current", "last_kind", "last_scale", "words", "last_v", "last_joined_unit")

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.last_kind = ""
        self.last_scale = 0
        self.words = 0
        self.last_v = 0.0
        self.last_joined_unit = False

    def value(self) -> float:
        return self.total + self.current

    def feed(self, kind: str, v: float, joined: bool, form: str) -> bool:
        """Add one word; ``joined`` says it came after و. Returns False when it cannot continue."""
        lk = self.last_kind
        if self.words and not joined:
            # Without و only these continue a number: teens (ثلاثة عشر), "three hundred" written
            # apart (ثلاث مئة), a scale after a count (ثلاثة آلاف), quarters (ثلاثة أرباع).
            if kind == "ten" and lk == "unit" and 1 <= self.last_v <= 9:
                self.current += 10
            elif kind == "hundreds" and v == 100 and lk == "unit" and 1 <= self.current <= 9:
                self.current = self.current * 100
            elif kind == "hundreds" and v == 100 and lk in ("tens", "teen") and self.current < 100:
                # خمسة وتسعون مائة: "ninety-five hundred"
                self.current = self.current * 100
            elif kind == "scale" and lk in ("unit", "tens", "hundreds", "ten", "fraction", "teen"):
                self._scale(v, form)
            elif kind == "scale" and lk == "scale" and v > self.last_scale:
                # ألف مليون (a thousand million), مئة ألف handled above: multiply the running total.
                self.total = (self.total + self.current) * v
                self.current = 0
                self.last_scale = int(v)
            elif kind == "quarters" and lk == "unit" and self.last_joined_unit:
                # عشرون وثلاثة أخماس: only the last unit counts the fractions
                self.current = self.current - self.last_v + self.last_v * v
            elif kind == "quarters" and lk in ("unit", "tens", "hundreds", "teen"):
                self.current = self.current * v
            elif kind == "dozen" and lk in ("unit", "tens", "hundreds", "teen", "fraction"):
                self.current = self.current * v
            else:
                return False
            self.last_kind = "teen" if kind == "ten" else kind
            self.last_joined_unit = False
            self.last_v = v
            self.words += 1
            return True
        if kind == "scale":
            if self.words and lk == "scale":
                return False
            self._scale(v, form)
        elif kind == "fraction":
            if self.words and lk == "scale":
                self.total += v * self.last_scale
            elif self.words:
                self.current += v
            else:
                self.current = v
        elif kind == "ten":
            if self.words:
                return False
            self.current = 10
        elif kind == "quarters":
            return False
        elif kind == "dozen":
            self.current += v
        else:
            if self.words and self.current and lk in ("tens", "teen"):
                return False
            self.current += v
        self.last_joined_unit = joined and kind == "unit" and lk in ("tens", "hundreds", "scale")
        self.last_kind = kind
        self.last_v = v
        self.words += 1
        return True

    def _scale(self, v: float, form: str) -> None:
        count = _SCALES.get(form, (0, 1))[1]
        mult = self.current if self.current else (2 if count == 2 else 1)
        if count == 2 and not self.current:
            mult = 2
        self.total += mult * v
        self.current = 0
        self.last_scale = int(v)


def _is_joiner(tok: Token) -> bool:
    return tok.kind == "word" and tok.norm == "و"


def parse_at(tokens: list[Token], i: int, text: str | None = None) -> NumberMatch | None:
    """Parse the longest number phrase starting at token ``i`` (or None)."""
    n = len(tokens)
    tok = tokens[i]
    clitic_tok = None
    # A clitic written as its own token right before digits: و2020، ولـ30، بـ5
    if tok.kind == "word" and i + 1 < n and tokens[i + 1].kind == "num" and tok.end == tokens[i + 1].start \
            and (tok.norm in _CLITICS or tok.norm in ("ك", "وك")):
        clitic_tok = tok
        i += 1
        tok = tokens[i]
    start = clitic_tok.start if clitic_tok else tok.start
    if tok.kind == "num":
        v = parse_digits(tok.norm)
        j = i + 1
        end = tok.end
        # Arabic comma as a thousands separator inside digits: ١،٢٣٤،٥٦٧
        while j + 1 < n and tokens[j].text == "،" and tokens[j].start == end and tokens[j + 1].kind == "num" \
                and tokens[j + 1].start == tokens[j].end and len(tokens[j + 1].norm) == 3 and v is not None \
                and isinstance(v, int) and len(tok.norm) <= 3:
            v = v * 1000 + int(tokens[j + 1].norm)
            end = tokens[j + 1].end
            j += 2
        if v is None:
            return None
        decimal = isinstance(v, float) or "." in tok.norm
        form = "digits"
        # Digits in brackets before a scale word: (100) ألف ريال
        if j + 1 < n and tokens[j].text == ")" and tokens[j + 1].kind == "word" and tokens[j + 1].norm in _SCALES \
                and i >= 1 and tokens[i - 1].text == "(":
            j += 1
            start = tokens[i - 1].start
        # Digits then scale words: 225 ألفا، 1.5 مليار، 3 ملايين و200 ألف
        if j < n and tokens[j].kind == "word":
            c, w = strip_clitic(tokens[j].norm)
            if c == 0 and _WORD_VALUES.get(w, ("",))[0] == "dozen":
                v = v * _WORD_VALUES[w][1]
                end = tokens[j].end
                j += 1
                form = "mixed"
            elif c == 0 and w in _SCALES:
                mult = _SCALES[w][0]
                v = v * mult
                end = tokens[j].end
                j += 1
                form = "mixed"
                # ... ونصف (1 مليار ونصف)
                if j < n and tokens[j].norm == "ونصف":
                    v += mult / 2
                    end = tokens[j].end
                    j += 1
                # "و200 ألف" continuing a bigger scale: 3 ملايين و200 ألف
                if j + 2 < n and tokens[j].norm == "و" and tokens[j + 1].kind == "num" and tokens[j].end == tokens[j + 1].start:
                    sub = parse_digits(tokens[j + 1].norm)
                    w2 = tokens[j + 2].norm if tokens[j + 2].kind == "word" else ""
                    if sub is not None and w2 in _SCALES and _SCALES[w2][0] < mult:
                        v += sub * _SCALES[w2][0]
                        end = tokens[j + 2].end
                        j += 3
        if form == "digits" and isinstance(v, int) and 1 <= v <= 9 and j < n and tokens[j].norm in _HUNDRED_FORMS:
            v, end, j, form = v * 100, tokens[j].end, j + 1, "mixed"
            last_mult = 100
        else:
            last_mult = _SCALES[tokens[j - 1].norm][0] if form == "mixed" and tokens[j - 1].norm in _SCALES else 0
        while last_mult and j < n:
            # Further digit groups under a bigger one: "٤ آلاف ٣ مائة و ٢١"
            k = j + 1 if tokens[j].norm == "و" else j
            if k >= n or tokens[k].kind != "num":
                break
            sub = parse_digits(tokens[k].norm)
            if sub is None:
                break
            nxt = tokens[k + 1].norm if k + 1 < n and tokens[k + 1].kind == "word" else ""
            mult = 100 if nxt in _HUNDRED_FORMS and sub <= 9 else _SCALES.get(nxt, (1, 0))[0]
            if not isinstance(sub, int) and mult != 1:
                break  # a decimal only as the last, unscaled group: 11 ألفا و679.70
            if mult >= last_mult or (mult == 1 and sub >= last_mult) or (k == j and mult == 1):
                break
            v += sub * mult
            end = tokens[k + 1].end if mult > 1 else tokens[k].end
            j = k + 2 if mult > 1 else k + 1
            last_mult = mult if mult > 1 else 0
        return NumberMatch(start, end, tok.start, _tidy(v), i if not clitic_tok else i - 1, j, form, decimal=decimal)
    if tok.kind != "word" or clitic_tok:
        return None
    # Spelled-out number.
    c, w = strip_clitic(tok.norm)
    wv = _WORD_VALUES.get(w)
    if wv is None:
        return _vague_at(tokens, i)
    acc = _WordNumber()
    if not acc.feed(wv[0], wv[1], False, w):
        return None
    value_start = tok.start + (_orig_prefix_len(tok.text, c) if c else 0)
    j = i + 1
    end = tok.end
    while j < n:
        t = tokens[j]
        joined = False
        if _is_joiner(t) and j + 1 < n and tokens[j + 1].kind == "word":
            t2 = tokens[j + 1]
            nv = _WORD_VALUES.get(t2.norm)
            if nv is None:
                break
            if not acc.feed(nv[0], nv[1], True, t2.norm):
                break
            end = t2.end
            j += 2
            continue
        if t.kind != "word":
            break
        wn = t.norm
        if wn.startswith("و") and wn[1:] in _WORD_VALUES:
            joined = True
            wn = wn[1:]
        nv = _WORD_VALUES.get(wn)
        if nv is None:
            break
        if not acc.feed(nv[0], nv[1], joined, wn):
            # عشرون وثلاثة أخماس: a unit after tens starts the numerator of a fraction
            nxt = tokens[j + 1] if j + 1 < n else None
            fq = _WORD_VALUES.get(nxt.norm) if nxt is not None and nxt.kind == "word" else None
            if joined and nv[0] == "unit" and fq is not None and fq[0] == "quarters":
                acc.current += nv[1] * fq[1]
                end = nxt.end
                j += 2
            break
        end = t.end
        j += 1
    words = j - i
    weak = words == 1 and (w in WEAK_ALONE or wv[0] in ("fraction", "quarters"))
    if wv[0] == "scale" and words == 1 and _SCALES[w][1] == 0:
        # آلاف / ملايين alone: a vague plural, "thousands of".
        return NumberMatch(start, end, value_start, _SCALES[w][0], i, j, "words", vague=True)
    return NumberMatch(start, end, value_start, _tidy(acc.value()), i, j, "words", weak=weak)


def _vague_at(tokens: list[Token], i: int) -> NumberMatch | None:
    """عشرات / مئات (optionally + الآلاف): a vague plural quantity."""
    tok = tokens[i]
    c, w = 0, tok.norm
    if w not in VAGUE:
        # وعشرات، بالآلاف، الآلاف (definite: "the thousands" who marched)
        for cl in (*_CLITICS, "ال", "وال", "بال", "فال", "لل"):
            rest = w[len(cl):]
            if w.startswith(cl) and rest in VAGUE:
                c, w = len(cl), rest
                break
        else:
            return None
    v = VAGUE[w]
    end = tok.end
    j = i + 1
    # عشرات الآلاف، مئات الملايين
    if j < len(tokens) and tokens[j].norm.startswith("ال") and tokens[j].norm[2:] in _SCALES:
        v = v * _SCALES[tokens[j].norm[2:]][0]
        end = tokens[j].end
        j += 1
    value_start = tok.start + (_orig_prefix_len(tok.text, c) if c else 0)
    return NumberMatch(tok.start, end, value_start, v, i, j, "words", vague=True)


def _glued_to_letters(tokens: list[Token], m: NumberMatch, strict: bool = False) -> bool:
    """Digits written straight into a word (١٨٠ميلي) are not read as numbers.

    News typists also glue scale words (بـ 155مليون يورو): those are kept unless ``strict``
    (the textbook mode, where ١مليون is no number).
    """
    if m.form == "words":
        return False
    k = m.tok_start
    while k < m.tok_end and tokens[k].kind != "num":
        k += 1
    if k + 1 >= len(tokens):
        return False
    num, nxt = tokens[k], tokens[k + 1]
    if not strict and (nxt.norm in _SCALES or (len(nxt.norm) >= 3 and not nxt.text.isascii())):
        return False  # typists glue the noun on: 15يوما، 155مليون
    return nxt.kind == "word" and nxt.start == num.end and nxt.norm not in ("م", "ه", "e")


def find_numbers(tokens: list[Token] | str, *, math: bool = False) -> list[NumberMatch]:
    """Every number phrase in ``tokens`` (or a string), left to right, non-overlapping.

    ``math=True`` also reads textbook notation that news prose does not use and that would
    misfire on it (signs, ``3/4``, ``واحد على ثلاثة``, ``جزء من مئة``, powers, space-grouped digits).
    """
    if isinstance(tokens, str):
        tokens = tokenize(tokens)
    out: list[NumberMatch] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.kind == "num" or (t.kind == "word" and t.norm in _STARTERS):
            m = parse_at(tokens, i)
            if m is not None:
                if not _glued_to_letters(tokens, m, strict=math):
                    out.append(m)
                i = m.tok_end
                continue
            if m is None and t.kind == "num":
                out.extend(_split_dotted(t, i))
        i += 1
    out = _join_scaled_groups(tokens, out)
    out = _singular_fractions(tokens, out)
    if math:
        from marsad.extract._mathnotation import combine

        out = combine(tokens, out)
    return out


def _join_scaled_groups(tokens: list[Token], matches: list[NumberMatch]) -> list[NumberMatch]:
    """ثلاثة ملايين و69 ألفا و243، مليارين و449 مليون: a scaled group, then و and a smaller group."""
    out: list[NumberMatch] = []
    for m in matches:
        p = out[-1] if out else None
        if p is not None and m.tok_start == p.tok_end and not p.vague and not m.vague:
            last = tokens[p.tok_end - 1].norm
            scale = _SCALES.get(last, (0, 0))[0] or (100 if last in _HUNDRED_FORMS else 0)
            first = tokens[m.tok_start]
            if scale and first.norm == "و" and m.value < scale and m.value_start > m.start:
                out[-1] = NumberMatch(p.start, m.end, p.value_start, _tidy(p.value + m.value), p.tok_start, m.tok_end,
                                      "mixed" if "digits" in (p.form, m.form) or "mixed" in (p.form, m.form) else "words",
                                      decimal=p.decimal or m.decimal)
                continue
        out.append(m)
    return out


def _split_dotted(t: Token, i: int) -> list[NumberMatch]:
    """A dotted run that is no number (an IP address ١٩٢.١٦٨.١.٢): each group on its own."""
    out = []
    pos = t.start
    for part in re.split(r"([.,])", t.norm):
        if part and part not in ".,":
            out.append(NumberMatch(pos, pos + len(part), pos, int(part), i, i + 1, "digits"))
        pos += len(part)
    return out


def _singular_fractions(tokens: list[Token], matches: list[NumberMatch]) -> list[NumberMatch]:
    """Read خمس/ثمن/ربع as fractions where the context says so.

    ``ثلاث وعشرون خمس`` (a number then a lone fraction word) is 23/5; ``خمس الفطيرة`` (a fraction
    word before a definite noun) is a fifth, while ``خمس سنوات`` stays five.
    """
    out: list[NumberMatch] = []
    for m in matches:
        if m.form == "words" and m.tok_end - m.tok_start == 1 and tokens[m.tok_start].norm in _FRACTION_SINGULAR:
            frac = _FRACTION_SINGULAR[tokens[m.tok_start].norm]
            prev = out[-1] if out else None
            if prev is not None and prev.tok_end == m.tok_start and not prev.vague and tokens[m.tok_start].norm != "ربع":
                out[-1] = NumberMatch(prev.start, m.end, prev.value_start, _tidy(prev.value * frac), prev.tok_start,
                                      m.tok_end, prev.form)
                continue
            nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
            if nxt is not None and nxt.kind == "word" and nxt.norm.startswith("ال") and nxt.norm[2:] not in _SCALES \
                    and nxt.norm != "النهائي":  # ربع النهائي is the quarter-final
                out.append(NumberMatch(m.start, m.end, m.value_start, _tidy(frac), m.tok_start, m.tok_end, "words"))
                continue
        out.append(m)
    return out


def parse_number(text: str) -> int | float | None:
    """Value of a whole string that is one number phrase (``"ثلاثة ملايين ومئتي ألف"`` → 3200000)."""
    tokens = tokenize(text)
    if not tokens:
        return None
    m = parse_at(tokens, 0)
    if m is None or m.tok_end != len(tokens):
        return None
    return m.value


#: Every normalised word form that can start a number phrase: one set lookup per token decides
#: whether the parser needs to look at it (most words are not numbers).
_STARTERS = frozenset(
    {w for w in _WORD_VALUES}
    | {c + w for c in _CLITICS for w in _WORD_VALUES}
    | {p + w for p in ("", *_CLITICS, "ال", "وال", "بال", "فال", "لل") for w in VAGUE}
    | set(_CLITICS) | {"ك", "وك"}
)
