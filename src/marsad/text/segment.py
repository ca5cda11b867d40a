"""Paragraph, sentence and token segmentation with exact offsets into the original text.

Punctuation and every quote mark (“ ” « » " ' ‹ ›) are tokens of their own, because the
quotation and speaker logic reads them. Numbers keep their separators (1,200 / ١٬٢٠٠ / ٢٫٥).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .clitics import clitic_key
from .normalize import normalize

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_TOKEN_RE = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s\"“”«»<>]+)"
    r"|(?P<num>" + _DIGIT + r"+(?:[.,\u066b\u066c]" + _DIGIT + r"+)*)"
    r"|(?P<word>(?:[^\W\d_]|[" + _MARKS + r"])+)"
    # A hashtag reads as the words it writes (#فاتو_بنسودا → فاتو بنسودا): its sign before a letter and
    # an underscore between letters are no tokens, so names, speaker phrases and places run through them.
    r"|(?P<hashtag>#(?=[^\W\d_])|(?<=[^\W\d_])_+(?=[^\W\d_]))"
    # Invisible format characters (bidi controls, zero-width space/joiners, BOM, soft hyphen) are
    # never tokens of their own: CNN bodies open with U+200B, and a "punct" token there would
    # look like content to the quote and sentence logic.
    r"|(?P<punct>[^\s\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff])",
)
#: Quotation marks, opening and closing; the straight ones are both.
QUOTE_OPEN = frozenset("“«‹„\"'‘")
QUOTE_CLOSE = frozenset("”»›\"'’‟")
QUOTE_MARKS = QUOTE_OPEN | QUOTE_CLOSE
_SENT_END = frozenset(".!?؟…")
_TRAILERS = QUOTE_CLOSE | frozenset(")]}")
#: Marks that open as often as they close: they trail a sentence only when glued to it.
_AMBIGUOUS_QUOTES = frozenset("\"'")
#: A period after a one-letter word is an abbreviation (د. محمد، أ.د.، م. 2015، U.S.), not a sentence end.
_ABBREVIATION_MAX_LETTERS = 1
#: م (ميلادي) and هـ (هجري) after a year: a period after them does end the sentence.
_ERA_LETTERS = frozenset({"م", "ه"})
_PARA_RE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Token:
    """A token: ``text == original[start:end]``; ``kind`` is word, num, punct or url."""

    text: str
    start: int
    end: int
    kind: str
    norm: str

    @property
    def key(self) -> str:
        """Clitic-stripped lookup key (see :func:`marsad.text.clitics.clitic_key`)."""
        return clitic_key(self.text) if self.kind == "word" else self.norm


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character span ``[start, end)`` and the tokens ``[tok_start, tok_end)`` inside it."""

    start: int
    end: int
    tok_start: int
    tok_end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with exact offsets; whitespace and invisible marks are skipped."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        if kind == "hashtag":
            continue
        s = m.group()
        append(Token(s, m.start(), m.end(), kind, normalize(s)))
    return out


def paragraphs(text: str, tokens: list[Token]) -> list[Span]:
    """Paragraphs are runs of non-empty lines: one newline separates paragraphs in news bodies."""
    spans: list[Span] = []
    ti = 0
    n = len(tokens)
    for m in _PARA_RE.finditer(text):
        if not m.group().strip():
            continue
        start, end = m.start(), m.end()
        while ti < n and tokens[ti].end <= start:
            ti += 1
        t0 = ti
        while ti < n and tokens[ti].start < end:
            ti += 1
        if ti > t0:
            # Trim to the first and last token so a span never starts or ends on blanks.
            spans.append(Span(tokens[t0].start, tokens[ti - 1].end, t0, ti))
    return spans


def _is_abbreviation(tokens: list[Token], i: int, s0: int) -> bool:
    """Is the period at ``tokens[i]`` the end of an abbreviation (د. محمد) rather than of a sentence?

    A one-letter word glued to the period is an abbreviation, except the era letters after a year
    (2015م. / 1436هـ.), which end sentences all the time.
    """
    prev = tokens[i - 1]
    if prev.kind != "word" or prev.end != tokens[i].start or len(prev.norm.replace("ـ", "")) > _ABBREVIATION_MAX_LETTERS:
        return False
    if prev.norm in _ERA_LETTERS and i - 2 >= s0 and tokens[i - 2].kind == "num":
        return False
    return True


def sentences(text: str, tokens: list[Token], paras: list[Span] | None = None) -> list[Span]:
    """Sentences end at . ! ? ؟ … (with any closing quotes or brackets after them) and at paragraph ends.

    A period between digits is part of a number token already, so 2.5 never splits; a period
    right after a one-letter word is an abbreviation (د. محمد) and does not split either. A
    straight quote after the end mark trails the sentence only when glued to it (``نعم."``);
    after a space it opens the next one.
    """
    if paras is None:
        paras = paragraphs(text, tokens)
    out: list[Span] = []
    for p in paras:
        s0 = p.tok_start
        i = p.tok_start
        while i < p.tok_end:
            tok = tokens[i]
            if tok.kind == "punct" and tok.text in _SENT_END:
                if tok.text == "." and i > s0 and _is_abbreviation(tokens, i, s0):
                    i += 1
                    continue
                j = i + 1
                while j < p.tok_end and tokens[j].kind == "punct" and (
                    tokens[j].text in _SENT_END
                    or (tokens[j].text in _TRAILERS and (tokens[j].text not in _AMBIGUOUS_QUOTES or tokens[j].start == tokens[j - 1].end))
                ):
                    j += 1
                out.append(Span(tokens[s0].start, tokens[j - 1].end, s0, j))
                s0 = i = j
                continue
            i += 1
        if s0 < p.tok_end:
            out.append(Span(tokens[s0].start, tokens[p.tok_end - 1].end, s0, p.tok_end))
    return out


def hashtag_plain(s: str) -> str:
    """``s`` as the words its hashtags write, for display forms (speakers, canonical names):
    no ``#`` and ``_`` read as a space (``#عز_الدين_ميهوبي`` → ``عز الدين ميهوبي``)."""
    if "#" not in s and "_" not in s:
        return s
    return " ".join(s.replace("#", " ").replace("_", " ").split())


class Segmented:
    """Tokens, sentences and paragraphs of one text, computed once and on demand."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def paragraphs(self) -> list[Span]:
        return paragraphs(self.text, self.tokens)

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text, self.tokens, self.paragraphs)
