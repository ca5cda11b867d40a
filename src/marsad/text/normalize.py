"""Normalisation of Arabic text for matching, with a map back to the original offsets.

Normalised text is for matching only: every span that leaves marsad points into the
original text. Replacements are one character for one character; deletions (tashkeel,
tatweel, invisible marks) are recorded so a normalised index maps back exactly.

Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE: the contextual letter shapes that PDF
and old CMS exports write, ﻟ ﺍ ﺎ) become their base letters by NFKC. A few stand for several
letters: the lam-alef ligatures ﻻ ﻹ ﻷ ﻵ (two), ﷲ (الله), ﷺ (صلى الله عليه وسلم, four words);
every character of such an expansion maps back to the one original character it came from,
so normalised text can be longer than the original.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field

# Harakat, shadda, sukun, tanwin, Quranic annotation marks, superscript alef.
TASHKEEL = "".join(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E5), 0x06E7, 0x06E8, *range(0x06EA, 0x06EE)])
TATWEEL = "\u0640"
# Bidi controls, zero-width characters, BOM, soft hyphen, Arabic letter mark.
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad\u061c"

#: Characters removed by normalisation.
DELETED = TASHKEEL + TATWEEL + INVISIBLE
#: Marks that belong to the preceding letter: a span ending on that letter extends over them.
COMBINING = TASHKEEL + TATWEEL

_REPLACE: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    "ک": "ك", "ڪ": "ك",
    "٫": ".", "٬": ",", "،": "،",
}
for _i in range(10):
    _REPLACE[chr(0x0660 + _i)] = str(_i)  # Eastern Arabic digits
    _REPLACE[chr(0x06F0 + _i)] = str(_i)  # Persian digits
for _c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _REPLACE[_c] = _c.lower()

_BASE_TABLE = str.maketrans({**_REPLACE, **{c: None for c in DELETED}})


def _presentation_forms() -> dict[str, str]:
    """Each Arabic presentation form with a compatibility decomposition → its normalised base letters.

    NFKC gives the base letters; the table above then normalises them (ﻹ → لإ → لا). The isolated
    and medial harakat forms (ﹰ = space + fathatan, ﹱ = tatweel + fathatan) are diacritics and
    vanish like the harakat themselves. U+FEFF (BOM) is not a letter form: it stays deleted.
    """
    out: dict[str, str] = {}
    for block in (range(0xFB50, 0xFE00), range(0xFE70, 0xFEFF)):
        for cp in block:
            ch = chr(cp)
            nfkc = unicodedata.normalize("NFKC", ch)
            if nfkc == ch:
                continue
            base = nfkc.translate(_BASE_TABLE)
            out[ch] = base if base.strip() else ""
    return out


#: Presentation forms → base letters (731 characters; ``""`` for the harakat forms).
PRESENTATION_FORMS: dict[str, str] = _presentation_forms()
#: Presentation forms that are not one letter for one letter (ligatures, harakat forms).
_RESIZING = "".join(c for c, base in PRESENTATION_FORMS.items() if len(base) != 1)
_RESIZING_RE = re.compile("[" + re.escape(_RESIZING) + "]")

_TABLE = str.maketrans({**_REPLACE, **{c: None for c in DELETED}, **{c: b or None for c, b in PRESENTATION_FORMS.items()}})
_DELETED_RE = re.compile("[" + re.escape(DELETED) + "]+")
_COMBINING_SET = frozenset(COMBINING) | frozenset(c for c, base in PRESENTATION_FORMS.items() if not base)


def normalize(text: str) -> str:
    """Normalise a string for matching (no offset map: use :func:`normalize_with_map` for spans)."""
    return text.translate(_TABLE)


def strip_tashkeel(text: str) -> str:
    """Remove diacritics and tatweel only, leaving letters as written."""
    return "".join(c for c in text if c not in _COMBINING_SET)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised copy of ``original`` and the map from its indices back to ``original``."""

    original: str
    text: str
    # _map[i] is the original index of normalised character i; None means identity.
    _map: array | None = field(default=None, repr=False)

    def to_original(self, index: int) -> int:
        """Original offset of normalised ``index`` (``len(text)`` maps to ``len(original)``)."""
        if self._map is None:
            return index
        if index >= len(self.text):
            return len(self.original)
        return self._map[index]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised half-open span to the original, keeping trailing diacritics of its last letter."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        ostart = self.to_original(start)
        oend = self.to_original(end - 1) + 1
        orig = self.original
        n = len(orig)
        while oend < n and orig[oend] in _COMBINING_SET:
            oend += 1
        return ostart, oend


def _map_deletions(text: str, start: int, end: int, kept: array) -> None:
    """Append to ``kept`` the original index of every character of ``text[start:end]`` that normalisation keeps."""
    pos = start
    for m in _DELETED_RE.finditer(text, start, end):
        kept.extend(range(pos, m.start()))
        pos = m.end()
    kept.extend(range(pos, end))


def normalize_with_map(text: str) -> NormalizedText:
    """Normalise ``text`` and keep the offset map back to it."""
    normalized = text.translate(_TABLE)
    # Fast path: without ligatures or harakat forms (almost all news), characters are only
    # replaced one for one or deleted, so equal lengths mean the identity map.
    resizing = _RESIZING_RE.search(text)
    if resizing is None:
        if len(normalized) == len(text):
            return NormalizedText(text, normalized, None)
        kept = array("l")
        _map_deletions(text, 0, len(text), kept)
        return NormalizedText(text, normalized, kept)
    # Every character of an expansion (ﻹ → لا, ﷲ → الله) maps to the one character it came from,
    # so a span ending or starting inside it covers that whole character in the original.
    kept = array("l")
    pos = 0
    while resizing is not None:
        i = resizing.start()
        _map_deletions(text, pos, i, kept)
        kept.extend([i] * len(PRESENTATION_FORMS[text[i]]))
        pos = i + 1
        resizing = _RESIZING_RE.search(text, pos)
    _map_deletions(text, pos, len(text), kept)
    assert len(kept) == len(normalized)
    return NormalizedText(text, normalized, kept)
