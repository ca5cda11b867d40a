"""A learned detector for quoted fragments the rules leave alone.

Quotation marks in Arabic news enclose three different things: someone's words (``توعد بـ"ندم تاريخي"``,
``وصفها بـ«الكاذبة»``, ``أعرب عن "قلقه البالغ"``), names and titles (``مسلسل "الطريق"``, ``وكالة "ناس"``) and
the writer's scare quotes (``تنظيم "الدولة"``). The rules in :mod:`marsad.extract.quotes` take the marks that
follow a cue or a handful of stance and characterising verbs; the rest — the largest class of missed quotes —
cannot be told apart by a rule. The gold can: every pair of marks in a gold article is either covered by a gold
quote or is not a quotation. This module scores each pair of marks the rules did not take with a logistic
regression over general features of the marked span and its context (length, whether it reads as a clause,
the word governing it and what kind of word that is, whether a person or body stands before it, whether it
looks like a name or title, where it stands in its sentence, a few lexical keys), and adds a direct quote when
the score passes the threshold chosen on cross-validation. It never changes or removes a quote of the rules.

The weights live in ``src/marsad/models/quotes/fragment_detector.json`` with the command, data and date that
trained them (``python eval/quote_fragments_train.py``). ``MARSAD_QUOTE_FRAGMENTS=off`` turns the detector off.
"""

from __future__ import annotations

import bisect
import json
import math
import os
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # the reader is quotes._Reader; quotes imports this module
    from .quotes import _Reader
    from ..record import Quote

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "quotes" / "fragment_detector.json"

#: How far back (words, same sentence) the governing word is looked for.
_GOVERN_WINDOW = 8
_SENT_END = frozenset(".!?؟…")
_MARKS = frozenset("“«„‹\"”")  # the marks that can open a quotation (quotes._OPENERS)
_MARKS_RE = re.compile("[“«„‹\"”]")
_COMMAS = frozenset("،,؛;")
_PREPS = {"ب": "b", "ل": "l", "عن": "an", "علي": "ala", "الي": "ila", "في": "fi", "من": "min", "ك": "ka",
          "حول": "hawl", "بشان": "bishan", "مع": "maa"}
_THAT = frozenset(("ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "وان", "لان", "فان"))
_PREP_DEFINITE = ("بال", "لل", "كال", "وال", "فال", "وبال", "ولل")
_TOPIC_PREPS = frozenset(("بشان", "حول", "بخصوص", "حيال"))
_NEGATIONS = frozenset(("لا", "لم", "لن", "ليس", "ليست", "ما", "ولا", "ولم", "ولن"))
_FIRST_PERSON = frozenset(("انا", "نحن", "انني", "اننا", "لنا", "لي", "نحن", "علينا", "عندنا", "لدينا"))
_RELATIVES = frozenset(("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "ما", "مما", "بما", "عما", "فيما"))
_NAMING_STARTS = ("سمي", "يسمي", "تسمي", "سما", "يعرف", "تعرف", "عرف", "الملقب", "الشهير", "المعروف", "المسمي",
                  "بعنوان", "عنوان", "باسم", "اسم", "يدعي", "تدعي", "المدعو", "لقب", "يطلق", "اطلق")


@dataclass(slots=True)
class Candidate:
    """A pair of marks the rules did not take: opener token, closer token (or None), the quoted token range,
    the governing word (token index or None), its gender, and the features."""

    j: int
    close: int | None
    s: int
    e: int
    gov: int | None
    gender: str | None
    features: dict[str, float]


@dataclass(slots=True)
class Model:
    names: dict[str, int]
    weights: np.ndarray
    bias: float
    threshold: float


_by_span = operator.attrgetter("start", "end")


def _mark_tokens(r: _Reader) -> list[int]:
    """Tokens that are quotation marks, found in the text (most of an article has none)."""
    toks = r.toks
    out = []
    for m in _MARKS_RE.finditer(r.doc.text):
        k = r.doc.token_index_at(m.start())
        if k < r.n and toks[k].start == m.start() and toks[k].kind == "punct" and toks[k].text in _MARKS:
            out.append(k)
    return out


class _Index:
    """Per-document lookups in O(log n) — a long text has thousands of marks, entities and quotes, and a scan of
    them for every pair of marks would make the detector quadratic: entities sorted by start (all of them, and the
    persons and bodies the reader keeps), the rules' quotes sorted by end, the speaker history's quote counts."""

    def __init__(self, r: _Reader, quotes: list[Quote] | None = None) -> None:
        self.ents = sorted(r.doc.entities, key=_by_span)
        self.ent_starts = [e.start for e in self.ents]
        self.pe = sorted(r.entities, key=_by_span)
        self.pe_starts = [e.start for e in self.pe]
        quotes = quotes or []
        self.quotes = sorted((q for q in quotes if q.speaker), key=lambda q: q.end)
        self.q_ends = [q.end for q in self.quotes]
        #: Prefix maximum of the quotes' cue positions, in the order the rules found them.
        self.cue_max: list[int] = []
        for q in quotes:
            self.cue_max.append(max(q.cue_start, self.cue_max[-1]) if self.cue_max else q.cue_start)
        self.counts = [count for count, _ in r.remembered]
        self.by_name = {sp.name: sp for _, sp in r.remembered}  # the latest Speaker remembered under each name

    @staticmethod
    def _starting(ents: list, starts: list[int], a: int, b: int):
        i = bisect.bisect_left(starts, a)
        while i < len(ents) and ents[i].start < b:
            yield ents[i]
            i += 1

    def entities(self, a: int, b: int):
        """Every entity whose start lies in [a, b), by start."""
        return self._starting(self.ents, self.ent_starts, a, b)

    def persons(self, a: int, b: int):
        """The persons and bodies (PER / ORG) whose start lies in [a, b), by start."""
        return self._starting(self.pe, self.pe_starts, a, b)


def enabled() -> bool:
    return os.environ.get("MARSAD_QUOTE_FRAGMENTS", "on").strip().lower() not in ("off", "0", "no", "false")


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> Model | None:
    """The shipped weights, or None when no model file is there (the detector then adds nothing)."""
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    names = {n: i for i, n in enumerate(data["features"])}
    return Model(names, np.asarray(data["weights"], dtype=np.float64), float(data["bias"]), float(data["threshold"]))


def _bare(r: _Reader, w: str) -> str:
    return r.bare(w) if w else ""


def _strip_conj(w: str) -> str:
    return w[1:] if len(w) > 3 and w[:1] in "وف" else w


def _governing(r: _Reader, j: int) -> tuple[int | None, str | None, str]:
    """The word that governs the marks at ``j``: the nearest verb-like word (a cue, a stance, fragment or
    characterising verb, or a bare finite verb) within a few words before it in the same sentence, stopping at
    another mark, a colon, a sentence end or a relative pronoun. Returns (token, gender, kind)."""
    lex = r.lex
    words = 0
    gv = r.governing_verb(j)
    if gv is not None:
        c = r.cue_at(gv[0])
        return gv[0], gv[1], "cue" if c is not None else "stance"
    for m in range(j - 1, max(r.sent_start[j], j - 30) - 1, -1):
        t = r.toks[m]
        if t.kind == "punct":
            if t.text in _COMMAS:
                continue
            return None, None, "none"
        if t.kind != "word":
            continue
        words += 1
        if words > _GOVERN_WINDOW:
            break
        w = t.norm
        if w in _RELATIVES:
            return None, None, "relative"
        ch = r.characterising_verb(m)
        if ch is not None:
            return m, ch[1], "characterising"
        c = r.cue_at(m)
        if c is not None and c[0].gender is not None:
            return m, c[0].gender, "cue_far"
        b = _strip_conj(w)
        if b in lex.stance_verbs or b in lex.fragment_verbs:
            g = lex.fragment_verbs.get(b) or ("pl" if b.endswith("وا") else "f" if b.endswith("ت") else "m")
            return m, g, "stance_far"
        if b.startswith(_NAMING_STARTS) or _bare(r, w).startswith(_NAMING_STARTS):
            return m, r.verb_gender(m), "naming"
        if m < j - 1 and not w.startswith(_PREP_DEFINITE) and r.verb_like(m):  # (باللغة، للحكومة: nouns)
            return m, r.verb_gender(m), "verb"
    return None, None, "none"


def _features(r: _Reader, j: int, close: int | None, s: int, e: int, gov: int | None, kind: str,
              idx: _Index) -> dict[str, float]:
    lex = r.lex
    toks = r.toks
    f: dict[str, float] = {}
    inner = [m for m in range(s, e) if toks[m].kind == "word"]
    nw = len(inner)
    f["nw=" + ("1" if nw <= 1 else "2" if nw == 2 else "3" if nw == 3 else "4-5" if nw <= 5 else "6-9" if nw <= 9
               else "10-19" if nw <= 19 else "20+")] = 1.0
    f["log_nw"] = math.log1p(nw)
    if close is None:
        f["unclosed"] = 1.0
    f["mark=" + {"«": "guil", "“": "curly", '"': "straight"}.get(toks[j].text, "other")] = 1.0
    inner_text = [toks[m] for m in range(s, e)]
    if any(t.kind == "punct" and t.text in _SENT_END for t in inner_text):
        f["in_sent_end"] = 1.0
    if any(t.kind == "punct" and t.text in _COMMAS for t in inner_text):
        f["in_comma"] = 1.0
    if any(t.kind == "num" for t in inner_text):
        f["in_num"] = 1.0
    if inner and all(not any("\u0621" <= ch <= "\u064a" for ch in toks[m].text) for m in inner):
        f["in_latin"] = 1.0
    if inner:
        w0 = toks[inner[0]].norm
        if r.is_definite(w0):
            f["in_first_def"] = 1.0
        k0 = w0[2:] if w0.startswith("ال") else w0
        if k0 in lex.naming_nouns or k0 in lex.institution_heads or k0 in lex.outlet_heads:
            f["in_first_namehead"] = 1.0
        if w0 in lex.role_heads or k0 in lex.role_heads:
            f["in_first_role"] = 1.0
        if r.verb_like(inner[0]):
            f["in_first_verb"] = 1.0
        if any(r.verb_like(m) for m in inner[1:12]):
            f["in_verb"] = 1.0
        if any(toks[m].norm in _NEGATIONS for m in inner):
            f["in_neg"] = 1.0
        if any(toks[m].norm in _FIRST_PERSON or toks[m].norm.endswith("نا") and len(toks[m].norm) > 4 for m in inner):
            f["in_first_person"] = 1.0
        if any(toks[m].norm in _THAT for m in inner):
            f["in_that"] = 1.0
        if any(r.cue_at(m) is not None for m in inner[:12]):
            f["in_cue"] = 1.0
        f["fw=" + _strip_conj(w0)] = 1.0
    a_start, a_end = toks[s].start, toks[e - 1].end
    for ent in idx.entities(a_start, a_end):
        if ent.end <= a_end and ent.type in ("PER", "ORG", "LOC", "MISC"):
            f["in_ent_" + ent.type] = 1.0
            if ent.start == a_start and ent.end == a_end:
                f["in_is_ent"] = 1.0
    # before the mark
    prev = r.word(j - 1)
    pt = toks[j - 1] if j > 0 else None
    if pt is None or j == r.sent_start[j] or (pt.kind == "punct" and pt.text in _SENT_END):
        f["sent_first"] = 1.0
    elif pt.kind == "punct":
        f["prev_punct=" + ("colon" if pt.text == ":" else "comma" if pt.text in _COMMAS else "bracket"
                           if pt.text in "()[]" else "dash" if pt.text in "-–—" else "other")] = 1.0
    else:
        p = _PREPS.get(prev) or _PREPS.get(_strip_conj(prev))
        if p:
            f["prev_prep=" + p] = 1.0
        if pt.end == toks[j].start:
            f["prev_glued"] = 1.0
        kp = prev[2:] if prev.startswith("ال") else prev
        bp = _bare(r, prev)
        if prev in lex.naming_nouns or kp in lex.naming_nouns or bp in lex.naming_nouns:
            f["prev_naming_noun"] = 1.0
        if prev in lex.outlet_heads or kp in lex.outlet_heads or bp in lex.outlet_heads:
            f["prev_outlet"] = 1.0
        if prev in lex.institution_heads or kp in lex.institution_heads or bp in lex.institution_heads:
            f["prev_institution"] = 1.0
        if prev in lex.role_heads or bp in lex.role_heads:
            f["prev_role"] = 1.0
        if r.is_definite(prev):
            f["prev_def"] = 1.0
        if r.cue_at(j - 1) is not None:
            f["prev_cue"] = 1.0
        if prev in lex.source_words or _strip_conj(prev) in lex.source_words:
            f["prev_source"] = 1.0
        f["pw=" + _strip_conj(bp or prev)] = 1.0
        w2 = r.word(j - 2)
        if w2 and not p:
            f["pw2=" + _strip_conj(_bare(r, w2))] = 1.0
        elif w2:
            f["pw2p=" + _strip_conj(_bare(r, w2))] = 1.0  # the word the preposition hangs on (توعد بـ، أعرب عن)
    # the governing word
    f["gov=" + kind] = 1.0
    if gov is not None:
        d = sum(1 for m in range(gov + 1, j) if toks[m].kind == "word")
        f["gov_dist=" + ("0" if d == 0 else "1" if d == 1 else "2-3" if d <= 3 else "4+")] = 1.0
        f["gv=" + _strip_conj(_bare(r, toks[gov].norm))] = 1.0
        g0, g1 = toks[gov].end, toks[j].start
        for ent in idx.persons(g0, g1):
            if ent.end <= g1:
                f["subj_ent_after_gov_" + ent.type] = 1.0
                break
        s0 = r.sent_start[j]
        for ent in idx.persons(toks[s0].start, toks[gov].start):
            if ent.end <= toks[gov].start:
                f["ent_before_gov_" + ent.type] = 1.0
                break
    # after the marks
    if close is not None:
        nxt = close + 1
        if nxt >= r.n or nxt >= r.para_end[j]:
            f["next=para_end"] = 1.0
        else:
            nt = toks[nxt]
            if nt.kind == "punct":
                f["next=" + ("sent_end" if nt.text in _SENT_END else "comma" if nt.text in _COMMAS else "colon"
                             if nt.text == ":" else "bracket" if nt.text in "()" else "punct")] = 1.0
            else:
                f["next=word"] = 1.0
                if nt.norm in _THAT:
                    f["next_that"] = 1.0
                if r.cue_at(nxt) is not None:
                    f["next_cue"] = 1.0
                if nt.norm in lex.source_words or _strip_conj(nt.norm) in lex.source_words:
                    f["next_source"] = 1.0
        if any(toks[m].kind == "word" and (toks[m].norm in _THAT) for m in range(close + 1, min(close + 10, r.sent_end[j]))):
            f["that_later"] = 1.0
    # position
    if _words_at_most(toks, r.para_start[j], r.para_end[j], 15):
        f["short_para"] = 1.0
    if r.para_start[j] == 0:
        f["first_para"] = 1.0
    if nw and _words_at_most(toks, r.sent_start[j], r.sent_end[j], int(nw / 0.8)):  # the marks hold 80 % of it
        f["whole_sentence"] = 1.0
    if r.in_boilerplate(toks[j].start, toks[j].end):
        f["boilerplate"] = 1.0
    return f


def _topic(r: _Reader, j: int, gov: int | None) -> bool:
    """Marks that name a topic — after بشأن / حول / بخصوص, or as the object of a verb of discussing (تطرق،
    بحث، ناقش) — are what was talked about, not words said: the rules' convention and the gold's."""
    if r.word(j - 1) in _TOPIC_PREPS or _strip_conj(r.word(j - 1)) in _TOPIC_PREPS:
        return True
    return gov is not None and _strip_conj(r.bare(r.word(gov))) in r.lex.topic_verbs


def _words_at_most(toks: list, a: int, b: int, limit: int) -> bool:
    """Whether tokens ``a:b`` hold at most ``limit`` words (counting stops past the limit: a paragraph may be huge)."""
    n = 0
    for m in range(a, b):
        if toks[m].kind == "word":
            n += 1
            if n > limit:
                return False
    return True


def candidates(r: _Reader, idx: _Index | None = None) -> list[Candidate]:
    """Every pair of marks whose quoted words no quote of the rules overlaps, in text order."""
    marks = _mark_tokens(r)
    if not marks:
        return []
    idx = idx or _Index(r)
    out: list[Candidate] = []
    toks = r.toks
    k = 0
    for j in marks:
        if j < k or not r.is_opener(j):
            continue  # (inside the pair before, or its closing mark)
        close = r.find_close(j)
        if close is None:
            k = j + 1
            continue  # a mark never closed is a quotation the rules already weigh, or a stray mark
        k = close + 1
        s, e = (j + 2 if r.doubled(j) else j + 1), close  # the words inside this pair of marks alone
        while s < e and toks[s].kind == "punct":
            s += 1
        while e > s and toks[e - 1].kind == "punct":
            e -= 1
        if e <= s or not any(toks[m].kind in ("word", "num") for m in range(s, e)):
            continue
        if r.overlaps(toks[s].start, toks[e - 1].end) or r.in_boilerplate(toks[s].start, toks[e - 1].end):
            continue
        gov, gender, kind = _governing(r, j)
        if _topic(r, j, gov):
            continue
        out.append(Candidate(j, close, s, e, gov, gender, _features(r, j, close, s, e, gov, kind, idx)))
    return out


def score(model: Model, feats: dict[str, float]) -> float:
    z = model.bias
    for name, v in feats.items():
        i = model.names.get(name)
        if i is not None:
            z += model.weights[i] * v
    return 1.0 / (1.0 + math.exp(-z))


#: How many of the latest remembered speakers the history at the marks keeps (pro-drop looks back a few).
_HISTORY_DEPTH = 64


def _history_at(r: _Reader, idx: _Index, pos: int) -> list:
    """The speakers remembered before the rules reached ``pos`` (the pro-drop chain as it stood there): the rules'
    quotes before the first whose cue comes after ``pos``, and the speakers remembered with them."""
    i = bisect.bisect_right(idx.cue_max, pos)  # the first quote (in the rules' order) whose cue lies after pos
    cut = bisect.bisect_right(idx.counts, i)  # (a quote's speaker is remembered once the quote is in: count includes it)
    hist: list = []
    for _, sp in r.remembered[max(0, cut - _HISTORY_DEPTH):cut]:
        if sp in hist:
            hist.remove(sp)
        hist.append(sp)
    return hist


def speaker_for(r: _Reader, c: Candidate, quotes: list[Quote] | None = None, idx: _Index | None = None):
    """The subject of the governing verb (the reader's own machinery: the subject written after the verb, a
    subject before it, the clause's subject), else the nearest speaker that agrees (pro-drop), with the
    speaker history as it stood at the marks."""
    saved = r.history
    idx = idx or _Index(r, quotes)
    if quotes is not None:
        r.history = _history_at(r, idx, r.toks[c.j].start)
    try:
        return _speaker_for(r, c, idx)[0]
    finally:
        r.history = saved


def _subject_after(r: _Reader, v: int, a: int, stop: int, idx: _Index) -> bool:
    """Words after the verb at ``v`` that read as its subject: a person, body or place the tagger found among
    the first words, or — for a verb opening its clause — a definite noun, a role or an institution."""
    toks = r.toks
    first_words = toks[min(a + 6, stop) - 1].end + 1
    if any(e.type in ("PER", "ORG", "LOC") for e in idx.entities(toks[a].start, first_words)):
        return True
    w = r.word(a)
    lex = r.lex
    opens = r.clause_start(v) or v == r.skip_openers(r.sent_start[v])
    return opens and bool(w) and (r.is_definite(w) or w in lex.role_heads or w in lex.institution_heads
                                  or w in lex.anonymous_heads or w in lex.outlet_heads)


def _sentence_subject(r: _Reader, v: int, idx: _Index):
    """The first person or body the tagger found in the sentence before the verb at ``v`` (the subject of its
    main clause, which the verb's clause continues), resolved like any speaker."""
    s0 = r.toks[r.body_start(v)].start
    for e in idx.persons(s0, r.toks[v].start):
        if e.end <= r.toks[v].start and not r.companion(e.start):
            return r.resolve(r.tagged_speaker(e), v)
    return None


def _previous_in_sentence(r: _Reader, c: Candidate, idx: _Index):
    """The speaker of the rules' quotation that ends last before the marks in the same sentence, after the governing
    verb (``ويعبر عن "قلقه …"، بناء على "…"``، ``قالت … إن "…"، لكن "…"``): the same voice goes on."""
    s0 = r.toks[r.sent_start[c.j]].start
    floor = r.toks[c.gov].end if c.gov is not None else s0
    at = r.toks[c.j].start
    i = bisect.bisect_right(idx.q_ends, at)  # quotes never overlap: the one ending last before the marks, if it
    if i == 0 or idx.quotes[i - 1].start < max(s0, floor):  # starts after the verb, is the latest such quote
        return None
    return idx.by_name.get(idx.quotes[i - 1].speaker)


def _speaker_for(r: _Reader, c: Candidate, idx: _Index) -> tuple:
    """(speaker, how it was found: ``subject`` after the verb, ``before`` it, the ``clause`` subject, ``prodrop``)."""
    gender = c.gender or "m"
    v = c.gov
    toks = r.toks
    if v is None:  # no verb to agree with: the voice of the sentence, else the speaker the text is with
        if (sp := _previous_in_sentence(r, c, idx)) is not None:
            return sp, "previous"
        return (r.history[-1] if r.history else r.pro_drop(gender, toks[c.j].start)), "prodrop"
    sp = None
    a = v + 1
    while a < c.j and (r.word(a) in r.lex.time_words or toks[a].kind == "punct" and toks[a].text in _COMMAS):
        a += 1
    stop = a
    while stop < c.j and (toks[stop].kind == "word" or toks[stop].text in _COMMAS) and not (
            r.word(stop) in ("ب", "ما", "مما", "عن", "علي", "الي", "في", "من", "ل") or (stop > a and r.word(stop)[:1] == "ب")):
        stop += 1  # the subject after the verb ends where its object's preposition begins (توعد X بـ، أعرب X عن)
    while stop > a and toks[stop - 1].text in _COMMAS:
        stop -= 1
    if stop > a and _subject_after(r, v, a, stop, idx):
        sp = r.parse_speaker(a, stop)  # a person or body right after the verb: its subject
        if sp is not None:
            return r.resolve(sp, v), "subject"
    if (sp := _previous_in_sentence(r, c, idx)) is not None:
        return sp, "previous"
    if v > r.sent_start[v] and (sp := r.look_back(v)) is not None:
        return sp, "before"
    if (sp := r.clause_subject(v, c.gender)) is not None:
        return sp, "clause"
    if (sp := _sentence_subject(r, v, idx)) is not None:
        return sp, "sentence"
    return r.pro_drop(gender, toks[v].start), "prodrop"


def apply(r: _Reader, quotes: list[Quote], model: Model | None = None) -> int:
    """Add the fragments the model calls quotations (rules' quotes untouched). Returns how many were added."""
    if not enabled():
        return 0
    model = model or load_model()
    if model is None:
        return 0
    if not _MARKS_RE.search(r.doc.text):
        return 0
    added = 0
    rules = list(quotes)
    idx = _Index(r, rules)
    for c in candidates(r, idx):
        if score(model, c.features) < model.threshold:
            continue
        cue_k = c.gov if c.gov is not None else max(c.j - 1, 0)
        if r.toks[cue_k].kind != "word":
            continue
        if r.add_quote(c.s, c.e, True, cue_k, speaker_for(r, c, rules, idx)):
            added += 1
    return added
