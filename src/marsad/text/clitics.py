"""Clitic-aware keys for looking Arabic words up in lexicons and gazetteers.

Arabic glues conjunctions (و، ف), prepositions (ب، ك، ل) and the article (ال) to the word:
والموصل، بالموصل، للموصل، كالنرويج، وسليماني. Stripping them blindly mangles words that only
look prefixed (ولي، بلد، وزير، ولاية، كتاب). So there are two tools:

* :func:`clitic_key` — a deterministic key that strips only prefix chains ending in the article
  (و/ف + ب/ك/ل + ال, لل), which are unambiguous once enough letters remain. والموصل, بالموصل,
  للموصل and الموصل all key to ``موصل``; ولي and بلد are left alone.
* :func:`clitic_candidates` — every plausible reading, longest strip first, for lookups that can
  check a lexicon (a gazetteer, a name list): وسليماني → سليماني is found there, وزير is not
  stripped because وزير itself is the known word.
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import normalize

_CONJ = "وف"
_PREP = "بكل"
#: Shortest stem (in letters) left after stripping.
MIN_STEM_AFTER_ARTICLE = 2
MIN_STEM_BARE = 3


#: Words whose ال is part of the word, not the article: stripping it would key الله as له
#: and الذي as ذي. Their clitic forms (بالله، والذي) key to the bare word.
LEXICAL_AL = frozenset(normalize(w) for w in ("الله", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي", "اللواتي", "اللائي", "الآن"))


def _lexical_al(word: str) -> tuple[str, str] | None:
    """(clitic prefix, word) when ``word`` is a clitic chain on a LEXICAL_AL word: والله → (و, الله), لله → (ل, الله)."""
    for i in range(0, min(3, len(word))):
        rest = word[i:]
        prefix = word[:i]
        if prefix and not all(c in _CONJ + _PREP for c in prefix):
            break
        if rest in LEXICAL_AL:
            return prefix, rest
        if rest == "لله" and all(c in _CONJ for c in prefix):
            # ل + الله is written لله (alef and a lam merge): no letter of the text is the clitic
            # alone, so the whole word stays the span and only the key is restored.
            return "", "الله"
    return None


def _article_split(word: str) -> tuple[str, str] | None:
    """Split a normalised word into (prefix chain incl. article, stem) when it carries ال / لل."""
    if _lexical_al(word) is not None:
        return None
    i = 0
    if len(word) > i and word[i] in _CONJ:
        i += 1
    if word.startswith("لل", i) and len(word) - (i + 2) >= MIN_STEM_AFTER_ARTICLE:
        # لل = ل + ال with the alef dropped: للموصل, وللحكومة
        return word[: i + 2], word[i + 2:]
    if len(word) > i and word[i] in _PREP and word.startswith("ال", i + 1):
        if len(word) - (i + 3) >= MIN_STEM_AFTER_ARTICLE:
            return word[: i + 3], word[i + 3:]
    if word.startswith("ال", i) and len(word) - (i + 2) >= MIN_STEM_AFTER_ARTICLE:
        return word[: i + 2], word[i + 2:]
    return None


@lru_cache(maxsize=200_000)
def clitic_key(word: str) -> str:
    """Normalised lookup key of a word with article-bearing clitics removed.

    >>> clitic_key("والموصل"), clitic_key("بالموصل"), clitic_key("للموصل"), clitic_key("ولي")
    ('موصل', 'موصل', 'موصل', 'ولي')
    """
    w = normalize(word)
    lexical = _lexical_al(w)
    if lexical is not None:
        return lexical[1]
    split = _article_split(w)
    return split[1] if split else w


@lru_cache(maxsize=200_000)
def clitic_candidates(word: str) -> tuple[tuple[int, str], ...]:
    """Possible (prefix length in normalised letters, stem) readings of a word, longest strip first.

    The unstripped word is always last. A caller keeps the first stem its lexicon knows.
    Stems keep their article (الموصل) in one reading and drop it (موصل) in another, so a
    lexicon keyed either way is served.

    >>> [s for _, s in clitic_candidates("وسليماني")]
    ['سليماني', 'وسليماني']
    """
    w = normalize(word)
    out: list[tuple[int, str]] = []
    lexical = _lexical_al(w)
    if lexical is not None:
        prefix, stem = lexical
        if stem != w:
            return ((len(prefix), stem), (0, w))
        return ((0, w),)
    split = _article_split(w)
    if split:
        prefix, stem = split
        out.append((len(prefix), stem))
        # The same word with the article kept: بالموصل -> الموصل, للحكومة -> الحكومة
        # (Not for لل, whose article has lost its alef: no substring reads الحكومة.)
        if not prefix.endswith("لل") and len(prefix) > 2:
            out.append((len(prefix) - 2, "ال" + stem))
    # Bare proclitics: و/ف then ب/ك/ل, each only when enough letters remain.
    i = 0
    if len(w) > 1 and w[0] in _CONJ:
        i = 1
        if len(w) - 1 >= MIN_STEM_BARE:
            bare = (1, w[1:])
            if bare not in out:
                out.append(bare)
    if len(w) > i + 1 and w[i] in _PREP and len(w) - (i + 1) >= MIN_STEM_BARE and not w.startswith("ال", i) and not w.startswith("لل", i):
        cand = (i + 1, w[i + 1:])
        if cand not in out:
            out.insert(len(out) - (1 if i and len(out) else 0), cand)
    out.sort(key=lambda p: -p[0])
    out.append((0, w))
    return tuple(out)


def prefix_length_in_original(word: str, normalized_prefix_len: int) -> int:
    """Length in original characters of a normalised prefix of ``word`` (skips diacritics/tatweel).

    Used to cut ``وسليماني`` to ``سليماني`` in the original text: a clitic is never part of a span.
    A prefix that ends inside a ligature (ل of ``ﻹيران``, ``لإيران`` written with the lam-alef ﻹ)
    cannot be cut there: the whole ligature stays with the word, so the span keeps its alef.
    """
    if normalized_prefix_len <= 0:
        return 0
    seen = 0
    for i, ch in enumerate(word):
        n = len(normalize(ch))
        if n:
            seen += n
            if seen > normalized_prefix_len:
                return i
            if seen == normalized_prefix_len:
                j = i + 1
                # Trailing marks on the clitic letter (وَ) and a tatweel (لـ) belong to the clitic.
                while j < len(word) and not normalize(word[j]):
                    j += 1
                return j
    return len(word)
