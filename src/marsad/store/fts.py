"""Arabic-aware full text: the normalised shadow text both backends index, the query parser, snippets.

SQLite's FTS5 and PostgreSQL's text search split Arabic on diacritics and know nothing of
clitics. So neither sees the article text: each word is replaced by its clitic key from the text
layer (``والموصل`` → ``موصل``, ``للحكومةِ`` → ``حكومه``) and the index is built over that
*shadow text*. Queries go through the same function, so every spelling variant the text layer
folds (diacritics, tatweel, أ/إ/آ/ا, ى/ي, ة/ه, Eastern digits) matches.

Bare proclitics (و/ف/ب/ك/ل without the article: ``وسليماني``, ``بخمسة``) are ambiguous
(``وزير`` is a word, not و+زير), so the stripped readings go to a separate, low-weight ``alt``
column instead of replacing the word: ``سليماني`` then finds ``وسليماني`` without hurting
ranking much when the reading is wrong.

Snippets are cut from the ORIGINAL text: tokens are matched by key, so ``الموصل`` in the
query highlights ``والموصلِ`` as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import clitic_candidates, clitic_key, normalize, normalize_with_map, tokenize
from ..text.segment import _TOKEN_RE  # the same tokens as tokenize(), so index, query and snippet agree
from .base import Snippet

_NUM_SEP_RE = re.compile(r"[.,]")
_SAFE_TERM_RE = re.compile(r"^\w+$")


def _word_key(text: str, kind: str, norm: str) -> str | None:
    if kind == "word":
        return clitic_key(text)
    if kind == "num":
        return _NUM_SEP_RE.sub("", norm)
    return None


def _alt_forms(text: str, key: str) -> list[str]:
    """Readings with a bare proclitic stripped (وسليماني → سليماني), excluding the key itself."""
    out = []
    for plen, stem in clitic_candidates(text):
        if plen == 0 or stem.startswith("ال") or stem == key:
            continue
        k = clitic_key(stem)
        if k != key and k not in out:
            out.append(k)
    return out


@lru_cache(maxsize=300_000)
def _entry(surface: str, kind: str) -> tuple[str | None, tuple[str, ...]]:
    """Key and alternative readings of one token; news vocabulary repeats, so this is cached."""
    norm = normalize(surface)
    k = _word_key(surface, kind, norm)
    if k and kind == "word" and len(norm) > 3:
        return k, tuple(_alt_forms(surface, k))
    return k, ()


def shadow(text: str | None) -> tuple[str, str]:
    """``(keys, alt)``: the shadow text of ``text`` (one key per word, in order) and its alternative readings."""
    if not text:
        return "", ""
    keys: list[str] = []
    alt: list[str] = []
    # The text layer's own token pattern, without building Token objects (this runs on every body stored).
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        if kind not in ("word", "num"):
            continue
        k, alts = _entry(m.group(), kind)
        if not k:
            continue
        keys.append(k)
        alt.extend(alts)
    return " ".join(keys), " ".join(alt)


#: Words exercising every rule of the keys (clitics, article, hamza, ya, ta marbuta, tatweel, digits,
#: presentation forms and the lam-alef ligature).
_PROBE = "والموصل بالحكومةِ للدولة وسليماني الله الذي إعمـار مستشفى ١٢٠٠ 3,5 كالنرويج فالأمم ولي وزير ﺍﻟﻤﻤﻠﻜﺔ ﻹيران"


def index_version() -> str:
    """A fingerprint of the shadow-text rules: it changes when the text layer keys words differently."""
    import hashlib

    return hashlib.blake2b("|".join(shadow(_PROBE)).encode("utf-8"), digest_size=6).hexdigest()


# --------------------------------------------------------------------------------------------
# Query parsing
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Term:
    #: The key first, then alternative readings (stripped bare proclitics); any one matches.
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    keys: tuple[str, ...]


Item = Term | Phrase


@dataclass(slots=True)
class Clause:
    items: list[Item]  # ORed
    negated: bool = False


@dataclass(slots=True)
class ParsedQuery:
    clauses: list[Clause] = field(default_factory=list)

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.negated]

    @property
    def empty(self) -> bool:
        return not self.positive

    def highlight_keys(self) -> set[str]:
        keys: set[str] = set()
        for c in self.positive:
            for it in c.items:
                keys.update(it.forms if isinstance(it, Term) else it.keys)
        return keys

    def display(self) -> str:
        def item(it: Item) -> str:
            return it.forms[0] if isinstance(it, Term) else '"' + " ".join(it.keys) + '"'

        parts = []
        for c in self.clauses:
            s = " OR ".join(item(i) for i in c.items)
            parts.append(("-" if c.negated else "") + s)
        return " ".join(parts)

    # --- renderings; terms are word keys (letters/digits only), quoted anyway ---
    def fts5(self) -> str:
        def item(it: Item) -> str:
            if isinstance(it, Term):
                forms = [f'"{f}"' for f in it.forms]
                return forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"
            return '"' + " ".join(it.keys) + '"'

        def clause(c: Clause) -> str:
            return item(c.items[0]) if len(c.items) == 1 else "(" + " OR ".join(item(i) for i in c.items) + ")"

        expr = " AND ".join(clause(c) for c in self.positive)
        for c in self.clauses:
            if c.negated:
                expr = f"({expr}) NOT {clause(c)}"
        return expr

    def tsquery(self) -> str:
        def item(it: Item) -> str:
            if isinstance(it, Term):
                return it.forms[0] if len(it.forms) == 1 else "(" + " | ".join(it.forms) + ")"
            return "(" + " <-> ".join(it.keys) + ")"

        def clause(c: Clause) -> str:
            body = item(c.items[0]) if len(c.items) == 1 else "(" + " | ".join(item(i) for i in c.items) + ")"
            return "!" + body if c.negated else body

        return " & ".join(clause(c) for c in self.clauses)


_QUERY_RE = re.compile(r'(?P<neg>-)?(?:[“«"](?P<phrase>[^”»"]*)[”»"]?|(?P<word>[^\s“«"”»]+))')


def _keys_of(text: str) -> list[tuple[str, list[str]]]:
    out = []
    for t in tokenize(text):
        k = _word_key(t.text, t.kind, t.norm)
        if k and _SAFE_TERM_RE.match(k):
            alts = _alt_forms(t.text, k) if t.kind == "word" and len(t.norm) > 3 else []
            out.append((k, [a for a in alts if _SAFE_TERM_RE.match(a)]))
    return out


def parse_query(q: str | None) -> ParsedQuery:
    """Parse user query syntax: words (AND), ``"phrases"``, ``OR``, ``-excluded``.

    Everything is reduced to index keys; punctuation and operators the user did not mean are
    dropped, so no input is a syntax error.
    """
    pq = ParsedQuery()
    if not q:
        return pq
    pending_or = False
    for m in _QUERY_RE.finditer(q):
        neg = bool(m.group("neg"))
        if m.group("word") == "OR" and not neg:
            pending_or = bool(pq.clauses)
            continue
        items: list[Item] = []
        if m.group("phrase") is not None:
            keys = [k for k, _ in _keys_of(m.group("phrase"))]
            if len(keys) == 1:
                items.append(Term((keys[0],)))
            elif keys:
                items.append(Phrase(tuple(keys)))
        else:
            for k, alts in _keys_of(m.group("word")):
                items.append(Term((k, *alts)))
        if not items:
            continue
        # a word the tokenizer split in several (e.g. "covid-19") means all its parts
        if pending_or and not neg and not pq.clauses[-1].negated:
            pq.clauses[-1].items.append(items[0])
            items = items[1:]
        pending_or = False
        for it in items:
            pq.clauses.append(Clause([it], negated=neg))
    return pq


# --------------------------------------------------------------------------------------------
# Snippets over the original text
# --------------------------------------------------------------------------------------------

def make_snippet(text: str, keys: set[str], *, window: int = 32, context: int = 6) -> Snippet:
    """The passage of ``text`` (about ``window`` words) densest in query keys, matches marked.

    With no match (a hit on the title or a filter-only listing) the opening words are returned.
    """
    base = 0
    if len(text) > 2 * _REGION:
        # Tokenising a whole long article per hit is the cost of a search page: find the densest
        # region by substring search in the normalised text first, then tokenise only that region.
        base, text = _region(text, keys)
    snip = _snippet_in(text, keys, window, context)
    if base:
        snip.start += base
        snip.end += base
        snip.leading_ellipsis = True
    return snip


_REGION = 300


def _region(text: str, keys: set[str]) -> tuple[int, str]:
    norm = normalize_with_map(text)
    hits: list[tuple[int, str]] = []
    for k in keys:
        if len(k) < 2:
            continue
        i = norm.text.find(k)
        while i != -1 and len(hits) < 400:
            hits.append((i, k))
            i = norm.text.find(k, i + 1)
    if not hits:
        return 0, text
    hits.sort()
    best, best_score, j = hits[0][0], -1, 0
    for a in range(len(hits)):
        while hits[a][0] - hits[j][0] > _REGION // 2:
            j += 1
        score = len({k for _, k in hits[j:a + 1]}) * 100 + (a - j)
        if score > best_score:
            best, best_score = hits[j][0], score
    start = norm.to_original(max(0, best - _REGION // 2))
    if start < _REGION // 2:
        start = 0
    else:  # begin at a word boundary
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    return start, text[start:start + 2 * _REGION]


def _snippet_in(text: str, keys: set[str], window: int, context: int) -> Snippet:
    # (start, end, key) of word and number tokens, by the text layer's token pattern and cached keys
    tokens: list[tuple[int, int, str]] = []
    matched: list[int] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        if kind not in ("word", "num"):
            continue
        k, alts = _entry(m.group(), kind)
        if k is None:
            continue
        if k in keys or any(a in keys for a in alts):
            matched.append(len(tokens))
        tokens.append((m.start(), m.end(), k))
    if not tokens:
        return Snippet(text[:200], 0, min(len(text), 200))
    if matched:
        best_start, best_score = matched[0], -1.0
        j = 0
        for a, i in enumerate(matched):
            while matched[j] < i - window + 1:
                j += 1
            # window ending at match i: distinct keys count most, then the number of hits
            in_win = matched[j:a + 1]
            distinct = len({tokens[x][2] for x in in_win})
            score = distinct * 100 + len(in_win)
            if score > best_score:
                best_score, best_start = score, matched[j]
        first = max(0, best_start - context)
    else:
        first = 0
    last = min(len(tokens), first + window) - 1
    start, end = tokens[first][0], tokens[last][1]
    # extend to the end of a closing quote mark/punctuation glued to the last word
    while end < len(text) and end - tokens[last][1] < 2 and text[end] in "”»\".،,؛":
        end += 1
    hl = [(tokens[i][0] - start, tokens[i][1] - start) for i in matched if first <= i <= last]
    return Snippet(text[start:end], start, end, hl, leading_ellipsis=start > 0, trailing_ellipsis=end < len(text.rstrip()))
