"""A learned ranker over candidate speakers of a quotation (second opinion on the rules).

The rules in :mod:`marsad.extract.quotes` name one speaker per quote. This module lists, for each
quote they found, every plausible speaker — the rules' own choice, the subject read right after the
cue, a subject before the cue, the speakers remembered so far (the pro-drop chain), the subjects of the
clauses just before the cue, the persons and organisations the ``entities`` component tagged, and *no
speaker* — describes each with features computed from the text only (distance to the cue in tokens and
sentences, position relative to it, gender/number agreement with the cue, entity type, mention counts,
whether its mentions sit inside quotations or after a preposition, the previous quote's speaker, places
and outlets, badly cut phrases), and scores them with a conditional-logit model (softmax over one quote's
candidates, weights in ``marsad/models/quotes/speaker_ranker.json``).

The model file names the policy (``mode``) and the candidate set. The shipped one (session 6, round 7) runs
``ranker`` — always the top candidate — on the cheap candidate set (no clause subjects, only the entities named
near the quote: ``clause_subjects`` false, ``entity_window`` true) plus the unparsed words after a verb cue
with no subject (``phrase``), with features for a topic (``وعن X``، ``حول X``) and the two ends of a relay
(``نقلت X عن Y``): trained on every STUDY gold file with blind9 (1,280 articles, 3,720 matched quotes, 28
folds, "no speaker" taught where no candidate is right), +8 quotes in STUDY cross-validation, +10 on the pooled
CHECK files (0.808 / 0.795 -> 0.820 / 0.806; round 6's model +12, a difference within noise), and its changes
on 1,000 unlabelled articles where it differs from round 6's read right 18 times, wrong 5. See
``docs/quotes_history.md`` (*Speaker ranker rounds 6 and 7*).
Round 8 (session 7; *Speaker ranker round 8* in the history) added an optional hidden layer (:class:`Hidden`, numpy
inference from the JSON; :class:`FitSpec` says how to fit it) and 30 round-8 features, built only for a model that
weighs them; a five-seed, 8-unit layer gained in CV (+31 against the rules, +5 over the linear model) and on CHECK (+4
against the shipped model) but read worse on unlabelled articles (18 right, 25 wrong), so the shipped file is still
round 7's.
``marsad train quote-speakers`` retrains it and prints that comparison; ``MARSAD_QUOTE_RANKER=off`` runs the
rules alone, ``MARSAD_QUOTE_RANKER=correct`` (or another policy) the shipped weights under that policy.

Cost: what every quote of a document asks again — whether two names are one speaker, where a name occurs,
which tokens sit inside quotations, the clause openers and their subjects — is computed once per document
(:class:`_DocTables`); the candidates and features are the same as the pairwise scans gave
(``tests/test_quote_speaker_ranker_speed.py``; docs/quotes_history.md, *Session 5*). Parsing the subjects of the
clauses before a cue is most of what remains.
"""

from __future__ import annotations

import json
import math
import os
from bisect import bisect_left, bisect_right
from itertools import accumulate, count, islice
from operator import add, ne
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..record import Quote
from ..text import clitic_key, normalize

if TYPE_CHECKING:  # the reader lives in quotes.py, which imports this module
    from .quotes import Speaker, _Reader

MODEL_PATH = "models/quotes/speaker_ranker.json"

#: Every feature, in the order of the weight vector.
FEATURES = (
    "none", "none_x_rule_none", "none_x_source_cue", "none_x_no_subject_no_history",
    "src_rule", "src_rule_x_explicit", "src_rule_x_source_cue", "src_rule_x_participle",
    "src_explicit", "src_lookback", "src_history", "src_entity",
    "hist_last", "hist_last_agree", "hist_rank_inv", "prodrop_x_hist_last_agree",
    "kind_per", "kind_org", "kind_desc", "has_role", "has_entity_id",
    "mention_before", "dist_before_log", "same_sentence_before", "same_paragraph_before",
    "sentence_initial_subject", "in_zone_after_cue", "right_after_cue", "after_preposition",
    "mentions_only_in_quotes", "mention_in_this_quote", "mention_after_quote_only",
    "freq_log", "gender_mismatch", "plural_mismatch", "participle_x_same_sentence",
    "explicit_x_other", "first_speaker",
    "rule_untagged", "rule_desc", "zone_entity_x_rule_not_explicit", "per_entity_x_rule_untagged",
    "initial_subject_x_rule_not_explicit", "entity_before_x_rule_none",
    "none_x_record", "is_record", "zone_per_entity_not_rule", "zone_per_entity_x_rule_not_per",
    # added with the train4 gold (1,500 quotes): clause subjects as candidates and features that say
    # where and how the candidate stands relative to the cue
    "src_clause", "clause_latest", "clause_same_sentence", "clause_x_prodrop", "clause_agree",
    "sent_dist_0", "sent_dist_1", "sent_dist_2plus", "other_paragraph",
    "prev_quote_speaker", "prev_quote_speaker_same_para", "is_place", "is_outlet", "in_other_quote_only",
    "rule_x_prodrop", "rule_desc_x_named_alt", "titled_mention", "name_has_cue", "long_name", "bare_word",
    "rule_head_before_mention", "rule_head_before_mention_x_desc",
    # session 6, round 7: the words right after a verb cue the rules could not read as a speaker
    # (a description they did not parse), as a candidate of its own
    "src_phrase", "phrase_definite", "phrase_one_word",
    # what the quote is about rather than who says it (وعن X، حول X), and relays (نقلت X عن Y: X carries, Y speaks)
    "topic_mention", "relay_carrier", "relay_source",
    # round 8 (session 7): which kind of cue it is — one value per quote, the same on every candidate row, so it
    # moves nothing in a linear score; the hidden layer crosses it with the candidate's features (and the crosses
    # below do so by hand)
    "cue_say", "cue_stance", "cue_announce", "cue_other", "cue_participle", "cue_source", "cue_feminine", "cue_plural",
    "quote_direct", "ctx_explicit", "ctx_history", "ctx_rule_none",
    # what the candidate's first word says it is: a title or rank, a role, a body, an unnamed source, an outlet
    "head_title", "head_role", "head_body", "head_anonymous", "head_outlet",
    # its grammar and standing around the cue: a known gender that agrees with the cue; its nearest mention before
    # the cue is the subject of a finite verb (right after it) or of a reporting cue; how many named candidates
    # stand between that mention and the cue (0: the nearest); it spoke an earlier quote of the article
    "gender_agree", "after_finite_verb", "after_cue_verb", "nearest_before", "second_before", "intervening_log",
    "spoke_earlier", "spoke_count_log",
    # crosses a linear model can use: a body announces, a person goes on speaking (أضاف، تابع) after a pro-drop
    "org_x_announce", "per_x_say", "desc_x_stance", "history_x_say", "none_x_participle",
)
_INDEX = {f: i for i, f in enumerate(FEATURES)}
#: The features added in round 8 (``FitSpec.drop`` takes the name ``ROUND8`` for all of them).
ROUND8_FEATURES = FEATURES[FEATURES.index("cue_say"):]
_N_BEFORE_ROUND8 = FEATURES.index("cue_say")
_PREPOSITIONS = frozenset(normalize(w) for w in ("مع", "في", "عن", "على", "إلى", "من", "ل", "لدى", "أمام", "بين"))
#: Words before a topic, not a speaker: وعن الأزمة قال …، حول المفاوضات أكد …
_TOPIC_WORDS = frozenset(normalize(w) for w in ("وعن", "حول", "وحول", "بشأن", "وبشأن", "وبخصوص", "بخصوص", "تجاه"))
#: Forms of نقل (to relay): نقلت X عن Y — X carries the words, Y said them.
_RELAY_VERBS = frozenset(normalize(w) for w in ("نقل", "نقلت", "نقلا", "ينقل", "تنقل", "نقلوا", "ونقل", "ونقلت", "وتنقل", "وينقل"))
_AN = normalize("عن")
#: Cue classes by lemma (round 8): verbs that go on with what a speaker says (a pro-drop continuation is
#: common), verbs of stance, verbs that announce or report (bodies and outlets are their usual subjects).
_CUE_SAY = frozenset(normalize(w) for w in "قال أضاف أوضح أشار لفت نبه استدرك أبان تابع أردف استطرد نوه بين شرح مضى ختم تساءل أجاب حكى".split())
_CUE_STANCE = frozenset(normalize(w) for w in "أكد شدد حذر نفى اعترف زعم ادعى أقر اعتبر رأى توقع رجح استبعد أنكر طالب دعا تعهد أوصى جادل أعرب لمح ألمح وصف".split())
_CUE_ANNOUNCE = frozenset(normalize(w) for w in "أعلن كشف ذكر أفاد نقل أبلغ أخبر أورد روى صرح كتب غرد".split())


@dataclass(slots=True)
class Candidate:
    """One possible speaker of one quote; ``name`` None is "no speaker"."""

    name: str | None
    kind: str  # PER, ORG, DESC or NONE
    keys: tuple[str, ...]
    role: str | None = None
    entity_id: str | None = None
    gender: str | None = None
    sources: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # token indexes
    hist_rank: int | None = None  # 0 = latest speaker
    clause_rank: int | None = None  # 0 = subject of the latest clause before the cue


@dataclass(slots=True)
class QuoteCase:
    """The candidates of one quote and their feature matrix (rows in candidate order)."""

    quote: Quote
    candidates: list[Candidate]
    x: np.ndarray
    #: the cue cites a record (أفادت تقارير، بحسب الوثائق): no speaker is the convention
    record: bool = False


# --- candidates ------------------------------------------------------------------------------

def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _same_keys(a_keys: tuple[str, ...], a_kind: str, keys: tuple[str, ...], kind: str) -> bool:
    """Whether two named candidates are one speaker: the same keys, or (a person involved) one name
    inside the other."""
    if a_keys == keys:
        return True
    if "PER" in (a_kind, kind) and (a_kind == kind or min(len(a_keys), len(keys)) >= 2):
        short, long_ = (a_keys, keys) if len(a_keys) <= len(keys) else (keys, a_keys)
        return _contains(long_, short)
    return False


def _same(a: Candidate, keys: tuple[str, ...], kind: str) -> bool:
    return _same_keys(a.keys, a.kind, keys, kind)


class _DocTables:
    """What every quote of one document asks again and again, computed once per document: whether two
    names are one speaker, where a name without tagged mentions occurs, which tokens sit inside a
    quotation, where each head word stands, sentence numbers, the clause openers and their subjects.
    (Building candidates quote by quote with pairwise scans cost as much as the rules themselves.)"""

    def __init__(self, r: _Reader, quotes: list[Quote]) -> None:
        self.r = r
        self.quote_spans = [(q.start, q.end) for q in quotes]
        ss = r.sent_start
        self.sent_no = list(accumulate(map(ne, ss, islice(ss, 1, None)), initial=0)) if r.n else []
        self._opener: dict[int, bool] = {}
        self.subjects: dict[int, Speaker | None] = {}
        self.explicit: dict[int, tuple[Speaker | None, int]] = {}
        self.lookback: dict[int, Speaker | None] = {}
        self.same_as: list[set[int]] = []
        self._words: list[set[str]] = []
        self._nids: dict[tuple, int] = {}
        self._names_by_nid: list[tuple[tuple[str, ...], str]] = []
        self._scans: dict[tuple, tuple[int, ...]] = {}
        self._names: dict[str, tuple[bool, bool, bool]] = {}
        self._head_classes: dict[str, str | None] = {}
        self._ments: dict[tuple[int, ...], tuple] = {}
        self.sorted_mentions: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._inside: dict[int, bool] = {}
        self._heads: dict[str, list[int]] = {}
        self._joined: str | None = None
        self._word_starts: list[int] = []

    def nid(self, keys: tuple[str, ...], kind: str) -> int:
        """A number for a (keys, kind) name in this document; ``same_as[n]`` holds the numbers of the names that
        are the same speaker as name ``n`` (itself included), kept up to date as names are numbered."""
        found = self._nids.get((keys, kind))
        if found is None:
            found = self._nids[(keys, kind)] = len(self._names_by_nid)
            words = set(keys)
            same = {found}
            for j, (other, other_kind) in enumerate(self._names_by_nid):
                # two names are one speaker only if they share a word (equal, or one inside the other)
                if (not words.isdisjoint(self._words[j]) or not keys) and _same_keys(other, other_kind, keys, kind):
                    same.add(j)
                    self.same_as[j].add(found)
            self._names_by_nid.append((keys, kind))
            self._words.append(words)
            self.same_as.append(same)
        return found

    def scan(self, keys: tuple[str, ...], kind: str) -> tuple[int, ...]:
        """Token indexes naming a candidate no tagged mention covers: its last word (a person) or first
        word (a body) in the text, moved to the start of the full name where the name stands whole."""
        found = self._scans.get((keys, kind))
        if found is None:
            key = keys[-1] if kind == "PER" else keys[0]
            out = [k for k in self.containing(key) if self.keyed(k, key)]
            if kind == "PER" and len(keys) > 1:
                out = [k - len(keys) + 1 if k - len(keys) + 1 >= 0 and self.keyed(k - len(keys) + 1, keys[0]) else k for k in out]
            found = self._scans[(keys, kind)] = tuple(out)
        return found

    def tok_key(self, k: int) -> str:
        """``r.tok_key(k)`` (:func:`marsad.text.name_key` of a word) without re-tokenising the word: a word
        token's text tokenises to itself alone, so its name key is its clitic key (cached per process)."""
        t = self.r.toks[k]
        return clitic_key(t.text) if t.kind == "word" else ""

    def keyed(self, k: int, key: str) -> bool:
        """``r.tok_key(k) == key`` for a one-word key. A word keys to itself or to its end after a clitic chain
        (لله → الله apart), so an all-letter word that does not end with the key is answered without keying it."""
        w = self.r.norm[k]
        return (w.endswith(key) or not w.isalpha() or w.endswith("لله")) and self.tok_key(k) == key

    def keyed_in(self, k: int, keys: frozenset[str]) -> bool:
        """``r.tok_key(k) in keys`` for one-word keys, with the same shortcut as :meth:`keyed`."""
        w = self.r.norm[k]
        if w.isalpha() and not w.endswith("لله") and not any(w[i:] in keys for i in range(len(w))):
            return False
        return self.tok_key(k) in keys

    def openers_in(self, first: int, stop: int) -> list[int]:
        """The words in [first, stop) that can open a clause whose subject may speak (see
        :func:`_clause_subjects`), in order; read only where a quote's clauses are (not the whole document)."""
        known = self._opener
        r = self.r
        toks, norm, ss = r.toks, r.norm, r.sent_start
        out = []
        for m in range(first, stop):
            found = known.get(m)
            if found is None:
                t = toks[m]
                found = known[m] = t.kind == "word" and (
                    norm[m][:1] == "و" or m == ss[m] or (m > 0 and toks[m - 1].kind == "punct" and toks[m - 1].text in "،,؛;:"))
            if found:
                out.append(m)
        return out

    @property
    def joined(self) -> str:
        """The normalised words joined by NUL (no word contains it), with each word's offset in it."""
        if self._joined is None:
            norm = self.r.norm
            self._joined = "\x00".join(norm)
            # word i starts after the lengths of the words before it and one NUL each (built in C)
            self._word_starts = list(map(add, accumulate(map(len, norm[:-1]), initial=0), count())) if norm else []
        return self._joined

    def containing(self, part: str) -> list[int]:
        """The tokens whose normalised form contains ``part`` (one search of the joined text, not a loop over
        the tokens), in order."""
        if not part:
            return list(range(self.r.n))
        text, starts, out = self.joined, self._word_starts, []
        i = text.find(part)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            out.append(k)
            i = text.find(part, starts[k + 1] if k + 1 < len(starts) else len(text))
        return out

    def name_shape(self, name: str) -> tuple[bool, bool, bool]:
        """(a cue word inside the name, five words or more, one indefinite word): a badly cut phrase."""
        found = self._names.get(name)
        if found is None:
            r = self.r
            words = normalize(name).split()
            found = self._names[name] = (any(w in r.lex.cues or r.bare(w) in r.lex.cues for w in words), len(words) >= 5,
                                         len(words) == 1 and not r.is_definite(words[0]))
        return found

    def head_class(self, name: str) -> str | None:
        """What the first word of a candidate's name says it is: ``title`` (an honorific or rank), ``role``,
        ``body``, ``anonymous`` (an unnamed source: مصادر، ناشطون), ``outlet``, or None (a name)."""
        if name in self._head_classes:
            return self._head_classes[name]
        words = normalize(name).split()
        found = None
        if words:
            r, w = self.r, words[0]
            forms = {w, r.bare(w)}
            forms |= {f[2:] for f in forms if f.startswith("ال") and len(f) > 3} | {"ال" + f for f in forms if not f.startswith("ال")}
            lex = r.lex
            for cls, table in (("outlet", lex.outlet_heads), ("title", lex.honorifics), ("title", lex.ranks),
                               ("role", lex.role_heads), ("body", lex.institution_heads), ("anonymous", lex.anonymous_heads)):
                if not forms.isdisjoint(table):
                    found = cls
                    break
        self._head_classes[name] = found
        return found

    def inside(self, m: int) -> bool:
        found = self._inside.get(m)
        if found is None:
            start = self.r.toks[m].start
            found = self._inside[m] = any(s0 <= start < e0 for s0, e0 in self.quote_spans)
        return found

    def mention_info(self, ments: tuple[int, ...]) -> tuple:
        """(in order, every mention inside a quotation, the mentions outside quotations, freq_log)."""
        found = self._ments.get(ments)
        if found is None:
            inside = [self.inside(m) for m in ments]
            found = self._ments[ments] = (all(a <= b for a, b in zip(ments, ments[1:])), bool(ments) and all(inside),
                                          [m for m, ins in zip(ments, inside) if not ins], math.log1p(len(ments)) / 3)
        return found

    def head_before(self, head: str, ments: tuple[int, ...]) -> bool:
        """A word with the bare head ``head`` stands within six tokens before one of the mentions."""
        at = self._heads.get(head)
        if at is None:  # the words whose bare head is ``head`` (a bare head is part of its word)
            norm = self.r.norm
            at = self._heads[head] = [j for j in self.containing(head) if _bare_head(norm[j]) == head]
        if not at:
            return False
        for m in ments:
            i = bisect_left(at, m - 6)
            if i < len(at) and at[i] < m:
                return True
        return False


class _Pool:
    """The candidates of one quote, merged by name (the first candidate that is the same speaker takes a new
    name in); names are compared through the document's table, by number."""

    def __init__(self, tables: _DocTables) -> None:
        self.items: list[Candidate] = []
        self._tables = tables
        self._none: Candidate | None = None
        self._nids: list[int] = []  # per item: the number of its name in the document's table (-1: no speaker)

    def matching(self, keys: tuple[str, ...], kind: str) -> list[Candidate]:
        """The named candidates that are the same speaker as ``keys`` (in pool order)."""
        same = self._tables.same_as[self._tables.nid(keys, kind)]
        return [c for c, i in zip(self.items, self._nids) if i in same]

    def add(self, name: str | None, kind: str, keys: tuple[str, ...], source: str, role: str | None = None,
            entity_id: str | None = None, gender: str | None = None, nid: int = -1) -> Candidate | None:
        at = -1
        if name is None:
            keys = ()
            c = self._none
        elif not keys:
            return None
        else:
            t = self._tables
            if nid < 0:
                nid = t.nid(keys, kind)
            same = t.same_as[nid]
            if not same.isdisjoint(self._nids):
                at = next(i for i, other in enumerate(self._nids) if other in same)
            c = self.items[at] if at >= 0 else None
        if c is not None:
            c.sources.add(source)
            if name is not None and len(keys) > len(c.keys) and kind == "PER":
                c.name, c.keys = name, keys  # the fuller name (ككينز → مايلز ككينز)
                self._nids[at] = self._tables.nid(keys, c.kind)  # the item keeps its own kind
            c.role = c.role or role
            c.entity_id = c.entity_id or entity_id
            c.gender = c.gender or gender
            return c
        c = Candidate(name, "NONE" if name is None else kind, keys, role, entity_id, gender, {source})
        self.items.append(c)
        if name is None:
            self._none = c
        self._nids.append(nid)
        return c


def _speaker_cand(pool: _Pool, sp: Speaker | None, source: str) -> Candidate | None:
    if sp is None:
        return None
    return pool.add(sp.name, sp.kind, sp.keys, source, sp.role, sp.entity_id, sp.gender)


def _explicit_subject(r: _Reader, cue_k: int) -> tuple[Speaker | None, int]:
    """What the rules read right after a verb cue, before any reference resolution, and where the zone
    they read it from ends (``cue_k + 1``: no zone)."""
    cue = r.cue_at(cue_k)
    if cue is None or cue[0].pos != "verb":
        return None, cue_k + 1
    found = r.scan_complement(cue_k + 1, cue[0].strict)
    end = found[1] if found else r.zone_stop(cue_k + 1)
    if end <= cue_k + 1:
        return None, cue_k + 1
    return r.parse_speaker(cue_k + 1, end), end


#: At most this many words of an unparsed phrase after a cue make a candidate.
PHRASE_WORDS = 6


def _unparsed_phrase(r: _Reader, cue_k: int, end: int) -> list[int]:
    """The words right after a verb cue, to the first punctuation mark (at most :data:`PHRASE_WORDS`), where
    the rules read no subject there: often a description they did not parse (``وقال أحد سكان الحي``)."""
    out: list[int] = []
    for k in range(cue_k + 1, min(end, cue_k + 1 + PHRASE_WORDS)):
        if r.toks[k].kind != "word":
            break
        out.append(k)
    return out


#: How many sentences before the cue's own are read for clause subjects.
CLAUSE_SENTENCES = 2
_CLAUSE_STOP = frozenset(normalize(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "بعد", "قبل", "أن", "إن", "بأن", "الذي", "التي"))


def _clause_subjects(r: _Reader, cue_k: int, tables: _DocTables) -> list[tuple[int, Speaker]]:
    """Subjects of the clauses before the cue, latest first: the phrase after each verb-like word that opens a
    sentence or follows a comma or و in the cue's sentence and the ``CLAUSE_SENTENCES`` before it
    (``ودعا الائتلاف الوطني … ، وطالب``، ``وأصدر قصر كينغستون بيانا وصف فيه``). A pro-drop cue mostly refers
    to one of these, reporting verb or not; the rules remember only the subjects of reporting verbs."""
    s0 = r.sent_start[cue_k]
    first = s0
    for _ in range(CLAUSE_SENTENCES):
        if first == 0:
            break
        first = r.sent_start[first - 1]
    first = max(first, r.para_start[cue_k] if r.para_start[cue_k] < s0 else r.para_start[max(0, s0 - 1)])
    cache = tables.subjects
    out: list[tuple[int, Speaker]] = []
    for m in tables.openers_in(first, cue_k):
        if m not in cache:
            cache[m] = _subject_after(r, m)
        if cache[m] is not None:
            out.append((m, cache[m]))
    return out[::-1]


def _subject_after(r: _Reader, m: int) -> Speaker | None:
    if not r.verb_like(m) or r.cue_at(m) is not None:
        return None
    a = m + 1
    end = a
    limit = min(r.sent_end[m], a + 8)
    while end < limit:
        t = r.toks[end]
        if t.kind == "punct" and t.text not in "،,\"“”«»":
            break
        if t.kind == "word" and end > a and r.norm[end] in _CLAUSE_STOP:
            break
        end += 1
    if end <= a or r.toks[a].kind != "word" or r.norm[a] in _CLAUSE_STOP:
        return None
    try:
        sp = r.parse_speaker(a, end)
    except (IndexError, ValueError):
        return None
    if sp is None or not sp.keys or (sp.kind == "DESC" and not r.is_definite(r.norm[a]) and not sp.strong):
        return None
    return sp


#: With a model's ``entity_window``: how many sentences before the cue's own an entity's mention may stand.
ENTITY_SENTENCES = 3


_NO_ROWS = np.zeros((0, len(FEATURES)))


def build_cases(r: _Reader, quotes: list[Quote], only: set[int] | None = None,
                clause_subjects: bool | str = True, entity_window: bool = False, phrase: bool = False,
                round8: bool = True) -> list[QuoteCase]:
    """Candidates and features for each quote the rules found in one document (or for the quotes
    whose indexes are in ``only``); ``clause_subjects``: the subjects of the clauses before the cue are
    candidates too (``"prodrop"``: only for a cue with no explicit subject after it); ``round8``: compute the
    round-8 features (else they read 0: for a model that gives them no weight)."""
    doc = r.doc
    tables = _DocTables(r, quotes)
    ent_groups: dict[str, list] = {}
    for e in r.entities:
        ent_groups.setdefault(e.entity_id, []).append(e)
    ent_info = []
    for eid, ents in ent_groups.items():
        canon = ents[0].canonical
        keys = tuple(r.key_of(canon).split())
        toks = sorted({min(doc.token_index_at(e.start), r.n - 1) for e in ents})
        ent_info.append((eid, canon, ents[0].type, keys, toks, tables.nid(keys, ents[0].type) if keys else -1))
    # every tagged mention as (token, entity number), in text order: the entities near a quote are one slice
    ent_mentions = sorted((k, i) for i, info in enumerate(ent_info) for k in info[4]) if entity_window else []
    ent_mention_toks = [k for k, _ in ent_mentions]
    log = getattr(r, "remembered", [])
    first_speaker = next((sp for _, sp in log), None)
    places = {tuple(r.key_of(e.canonical).split()) for e in doc.entities if e.type in ("GPE", "LOC")}
    outlets = {tuple(r.key_of(doc.outlet).split())} if getattr(doc, "outlet", None) else set()
    # The speakers remembered before each quote, latest last (the pro-drop chain), grown quote by quote.
    history: list[Speaker] = []
    spoke: dict[tuple[tuple[str, ...], str], int] = {}
    # without the round-8 features the rows stop before them (a model that gives them no weight scores the
    # prefix: building 30 more zeros a candidate cost 2 points of the pipeline's time)
    width = len(FEATURES) if round8 else _N_BEFORE_ROUND8
    logged = 0
    cases = []
    all_rows: list[list[float]] = []
    for qi, q in enumerate(quotes):
        while logged < len(log) and log[logged][0] <= qi:
            sp = log[logged][1]
            history = [h for h in history if h.keys != sp.keys] + [sp]
            logged += 1
        if only is not None and qi not in only:
            if round8 and q.speaker:
                sk = (tuple(r.key_of(q.speaker).split()), _kind_of(q))
                spoke[sk] = spoke.get(sk, 0) + 1
            continue
        pool = _Pool(tables)
        cue_k = min(doc.token_index_at(q.cue_start), r.n - 1)
        cue = r.cue_at(cue_k)
        cue_form = cue[0] if cue is not None else None
        rule = pool.add(q.speaker, _kind_of(q), tuple(r.key_of(q.speaker).split()) if q.speaker else (), "rule",
                        q.speaker_role, q.speaker_entity_id)
        if cue_k not in tables.explicit:
            tables.explicit[cue_k] = _explicit_subject(r, cue_k)
        explicit, zone_end = tables.explicit[cue_k]
        _speaker_cand(pool, explicit, "explicit")
        if phrase and explicit is None and zone_end > cue_k + 1:
            words = _unparsed_phrase(r, cue_k, zone_end)
            if words:
                name = r.span_text(words)
                c = pool.add(name, "DESC", tuple(r.key_of(name).split()), "phrase")
                if c is not None and r.is_definite(r.norm[words[0]]):
                    c.sources.add("phrase_definite")
        if cue_form is not None and cue_form.pos == "verb":
            if cue_k not in tables.lookback:
                tables.lookback[cue_k] = r.look_back(cue_k)
            _speaker_cand(pool, tables.lookback[cue_k], "lookback")
        agree_done = False
        gender = cue_form.gender if cue_form is not None else None
        for rank, sp in enumerate(reversed(history)):
            c = _speaker_cand(pool, sp, "history")
            if c is None:
                continue
            if c.hist_rank is None:
                c.hist_rank = rank
            if not agree_done and (sp.gender is None or gender is None or sp.gender == gender):
                c.sources.add("hist_agree")
                agree_done = True
        # "prodrop": only a cue with no subject of its own reads the clauses before it (a named subject after
        # the cue is what the clause subjects would compete with, and parsing them is most of the cost)
        use_clauses = clause_subjects is True or (clause_subjects == "prodrop" and explicit is None)
        for rank, (m, sp) in enumerate(_clause_subjects(r, cue_k, tables) if use_clauses else ()):
            c = _speaker_cand(pool, sp, "clause")
            if c is None:
                continue
            if c.clause_rank is None:
                c.clause_rank = rank
                if r.sent_start[m] == r.sent_start[cue_k]:
                    c.sources.add("clause_same_sentence")
                vg = r.verb_gender(m)
                if gender is not None and (vg == gender or (vg is None and gender != "pl")):
                    c.sources.add("clause_agree")
        if entity_window:
            # only the entities named near the quote: from the start of its paragraph or of the
            # ENTITY_SENTENCES sentences before the cue's (whichever is earlier) to a few words past the
            # cue or the quote's end; a name seen only far away is almost never the speaker
            lo = r.sent_start[cue_k]
            for _ in range(ENTITY_SENTENCES):
                if lo == 0:
                    break
                lo = r.sent_start[lo - 1]
            lo = min(lo, r.para_start[cue_k])
            hi = max(doc.token_index_at(max(q.end - 1, q.start)), cue_k + 12)
            near = sorted({i for _, i in ent_mentions[bisect_left(ent_mention_toks, lo):bisect_right(ent_mention_toks, hi)]})
        for eid, canon, etype, keys, toks, nid in (ent_info if not entity_window else (ent_info[i] for i in near)):
            c = pool.add(canon, etype, keys, "entity", entity_id=eid, nid=nid)
            if c is not None:
                c.mentions.extend(toks)
        pool.add(None, "NONE", (), "none")
        if first_speaker is not None:
            for c in pool.matching(first_speaker.keys, first_speaker.kind):
                c.sources.add("first")
        prev_q = quotes[qi - 1] if qi > 0 else None
        if prev_q is not None and prev_q.speaker:
            pk = tuple(r.key_of(prev_q.speaker).split())
            same_para = r.para_start[min(doc.token_index_at(prev_q.start), r.n - 1)] == r.para_start[cue_k]
            for c in pool.matching(pk, _kind_of(prev_q)):
                c.sources.add("prev_quote")
                if same_para:
                    c.sources.add("prev_quote_same_para")
        for c in pool.items:
            # (a body's name ending as a place's is no place: only the whole name counts)
            if c.name is not None and c.keys in places:
                c.sources.add("place")
            if c.name is not None and (c.keys in outlets or (c.keys and c.keys[0] in r.lex.outlet_heads)):
                c.sources.add("outlet")
        cands = pool.items
        # جاء في وثائق المحكمة، أفادت تقارير، بحسب الوثائق: a record speaks for no one.
        record = any(tables.keyed_in(m, r._record_keys) for m in range(cue_k + 1, min(cue_k + 4, r.n)) if r.toks[m].kind == "word")
        rule_head = _bare_head(normalize(q.speaker).split()[0]) if q.speaker and normalize(q.speaker).split() else ""
        ctx = _Context(r, q, cue_k, cue_form, rule, explicit is not None, bool(history), tables.quote_spans, record,
                       tables.sent_no, rule_head, tables, doc.token_index_at(q.start), doc.token_index_at(max(q.end - 1, q.start)),
                       cue_form is not None and cue_form.pos == "participle", rule is not None and "explicit" in rule.sources,
                       rule is None or rule.name is None or "entity" not in rule.sources)
        rows = [[0.0] * width for _ in cands]
        befores = [_features(ctx, c, row) for c, row in zip(cands, rows)]
        if round8:
            _round8_features(ctx, cands, rows, befores, spoke, pool)
        all_rows.extend(rows)
        if round8 and q.speaker:  # the rules' speakers of the quotes so far (as the rules found them: the same in training and use)
            sk = (tuple(r.key_of(q.speaker).split()), _kind_of(q))
            spoke[sk] = spoke.get(sk, 0) + 1
        cases.append(QuoteCase(q, cands, _NO_ROWS, record))
    # one matrix for the document, each quote's rows a view of it (one array built, not one per quote)
    x = np.array(all_rows, dtype=float).reshape(len(all_rows), width)
    at = 0
    for case in cases:
        case.x = x[at:at + len(case.candidates)]
        at += len(case.candidates)
    return cases


def _kind_of(q: Quote) -> str:
    if q.speaker_entity_id is None:
        return "DESC"
    return "ORG" if q.speaker_entity_id.startswith("org") else "PER"


@dataclass(slots=True)
class _Context:
    r: _Reader
    q: Quote
    cue_k: int
    cue: object
    rule: Candidate | None
    has_explicit: bool
    has_history: bool
    quote_spans: list[tuple[int, int]]
    record: bool = False
    sent_no: list[int] | None = None  # sentence number of each token
    rule_head: str = ""  # the first word of the rules' speaker, bare
    tables: _DocTables | None = None
    q_start_k: int = 0  # the quote's first and last tokens
    q_end_k: int = 0
    participle: bool = False  # the cue is a participle (مضيفا)
    rule_explicit: bool = False  # the rules' speaker is the subject read right after the cue
    rule_untagged: bool = True  # the rules named no one, or no one the tagger tagged


def _mentions(r: _Reader, c: Candidate, tables: _DocTables) -> tuple[int, ...]:
    """Token indexes where the candidate is named: tagged mentions, else its last word in the text."""
    if c.mentions:
        raw = tuple(c.mentions)
        found = tables.sorted_mentions.get(raw)
        if found is None:
            found = tables.sorted_mentions[raw] = tuple(sorted(set(raw)))
        return found
    out = tables.scan(c.keys, c.kind)
    c.mentions = list(out)
    return out


def _bare_head(w: str) -> str:
    """A word without a glued و and the article, for comparing heads (والوكالة ~ وكالة)."""
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _features(ctx: _Context, c: Candidate, row: list[float]) -> int | None:
    """Write the candidate's features into ``row`` (a list the length of :data:`FEATURES`)."""
    I = _INDEX  # noqa: E741 - one letter keeps the many feature lines short
    r, cue_k = ctx.r, ctx.cue_k
    tables = ctx.tables
    cue = ctx.cue
    participle = ctx.participle
    source_cue = cue is None
    if c.name is None:
        row[I["none"]] = 1.0
        if ctx.rule is c:
            row[I["none_x_rule_none"]] = 1.0
        if source_cue:
            row[I["none_x_source_cue"]] = 1.0
        if not ctx.has_explicit and not ctx.has_history:
            row[I["none_x_no_subject_no_history"]] = 1.0
        if ctx.record:
            row[I["none_x_record"]] = 1.0
        return
    if c.keys and c.keys[0] in r._record_keys:
        row[I["is_record"]] = 1.0
    s = c.sources
    rule = ctx.rule
    rule_explicit, rule_untagged = ctx.rule_explicit, ctx.rule_untagged
    if "rule" in s:
        row[I["src_rule"]] = 1.0
        if "entity" not in s:
            row[I["rule_untagged"]] = 1.0
        if c.kind == "DESC":
            row[I["rule_desc"]] = 1.0
        if ctx.has_explicit:
            row[I["src_rule_x_explicit"]] = 1.0
        if source_cue:
            row[I["src_rule_x_source_cue"]] = 1.0
        if participle:
            row[I["src_rule_x_participle"]] = 1.0
    if "explicit" in s:
        row[I["src_explicit"]] = 1.0
    elif ctx.has_explicit:
        row[I["explicit_x_other"]] = 1.0
    if "lookback" in s:
        row[I["src_lookback"]] = 1.0
    if "phrase" in s:
        row[I["src_phrase"]] = 1.0
        if "phrase_definite" in s:
            row[I["phrase_definite"]] = 1.0
        if len(c.keys) == 1:
            row[I["phrase_one_word"]] = 1.0
    if "history" in s:
        row[I["src_history"]] = 1.0
        row[I["hist_rank_inv"]] = 1.0 / (1 + (c.hist_rank or 0))
        if c.hist_rank == 0:
            row[I["hist_last"]] = 1.0
    if "hist_agree" in s:
        row[I["hist_last_agree"]] = 1.0
        if not ctx.has_explicit:
            row[I["prodrop_x_hist_last_agree"]] = 1.0
    if "entity" in s:
        row[I["src_entity"]] = 1.0
    if "clause" in s:
        row[I["src_clause"]] = 1.0
        if c.clause_rank == 0:
            row[I["clause_latest"]] = 1.0
        if "clause_same_sentence" in s:
            row[I["clause_same_sentence"]] = 1.0
        if "clause_agree" in s:
            row[I["clause_agree"]] = 1.0
        if not ctx.has_explicit:
            row[I["clause_x_prodrop"]] = 1.0
    if "prev_quote" in s:
        row[I["prev_quote_speaker"]] = 1.0
        if "prev_quote_same_para" in s:
            row[I["prev_quote_speaker_same_para"]] = 1.0
    if "place" in s:
        row[I["is_place"]] = 1.0
    if "outlet" in s:
        row[I["is_outlet"]] = 1.0
    if "rule" in s and not rule_explicit and not source_cue:
        row[I["rule_x_prodrop"]] = 1.0
    # A badly cut phrase rather than a name: a cue word inside it (المناسبة تحدث رئيس اتحاد القدم قائلا),
    # five words or more, or one bare indefinite word no tagger marked (قائلا، العضو is definite).
    has_cue, long_name, one_indefinite = tables.name_shape(c.name)
    if has_cue:
        row[I["name_has_cue"]] = 1.0
    if long_name:
        row[I["long_name"]] = 1.0
    if one_indefinite and "entity" not in s:
        row[I["bare_word"]] = 1.0
    if "first" in s:
        row[I["first_speaker"]] = 1.0
    row[I[{"PER": "kind_per", "ORG": "kind_org"}.get(c.kind, "kind_desc")]] = 1.0
    if c.role:
        row[I["has_role"]] = 1.0
    if c.entity_id:
        row[I["has_entity_id"]] = 1.0
    ments = _mentions(r, c, tables)
    in_order, all_inside, outside, freq = tables.mention_info(ments)
    row[I["freq_log"]] = freq
    q_start_k, q_end_k = ctx.q_start_k, ctx.q_end_k
    if in_order:  # the common case: find the mentions around the quote by bisection
        i = bisect_left(ments, q_start_k)
        in_this = i < len(ments) and ments[i] <= q_end_k
        j = bisect_right(outside, cue_k)
        before_last = outside[j - 1] if j else None
        before_cue = bool(ments) and ments[0] < cue_k
        after_quote = bool(ments) and ments[-1] > q_end_k
        i = bisect_right(ments, cue_k)
        after_first = ments[i] if i < len(ments) and ments[i] < max(q_start_k, cue_k + 1) else None
    else:
        in_this = any(q_start_k <= m <= q_end_k for m in ments)
        before = [m for m in outside if m <= cue_k]
        before_last = before[-1] if before else None
        before_cue = any(m < cue_k for m in ments)
        after_quote = any(m > q_end_k for m in ments)
        after = [m for m in ments if cue_k < m < max(q_start_k, cue_k + 1)]
        after_first = after[0] if after else None
    if all_inside:
        row[I["mentions_only_in_quotes"]] = 1.0
    if in_this:
        row[I["mention_in_this_quote"]] = 1.0
    if before_last is None and after_quote and not before_cue:
        row[I["mention_after_quote_only"]] = 1.0
    if all_inside and not in_this:
        row[I["in_other_quote_only"]] = 1.0
    if before_last is not None:
        m = before_last
        row[I["mention_before"]] = 1.0
        if ctx.sent_no is not None:
            d = ctx.sent_no[cue_k] - ctx.sent_no[m]
            row[I["sent_dist_0" if d == 0 else "sent_dist_1" if d == 1 else "sent_dist_2plus"]] = 1.0
        if r.para_end[m] != r.para_end[cue_k]:
            row[I["other_paragraph"]] = 1.0
        if m > 0 and (r.norm[m - 1] in r.lex.role_heads or r.bare(r.norm[m - 1]) in r.lex.role_heads
                      or r.norm[m - 1] in r.lex.honorifics):
            row[I["titled_mention"]] = 1.0
        if rule is not None and rule.kind == "DESC" and "rule" not in s and c.kind == "PER" and r.para_end[m] == r.para_end[cue_k]:
            row[I["rule_desc_x_named_alt"]] = 1.0
        row[I["dist_before_log"]] = math.log1p(cue_k - m) / 5
        if r.sent_start[m] == r.sent_start[cue_k]:
            row[I["same_sentence_before"]] = 1.0
            if participle:
                row[I["participle_x_same_sentence"]] = 1.0
            if m - r.sent_start[m] <= 2:
                row[I["sentence_initial_subject"]] = 1.0
        if r.para_end[m] == r.para_end[cue_k]:
            row[I["same_paragraph_before"]] = 1.0
        prev = r.word(m - 1)
        if prev in _PREPOSITIONS or (r.norm[m][:1] in "لب" and r.norm[m][1:3] in ("ال", "ل")):
            row[I["after_preposition"]] = 1.0
    # The rules' speaker is a description whose head word stands just before a mention of this candidate
    # (الوكالة … وكالة ستاندرد آند بورز; وقال حاكم ولاية فاراه، عبد البصير سالانغي): the name it stands for.
    if "rule" not in s and rule is not None and rule.name is not None and rule.keys and ctx.rule_head:
        if tables.head_before(ctx.rule_head, ments):
            row[I["rule_head_before_mention"]] = 1.0
            if rule.kind == "DESC" or rule.entity_id is None:
                row[I["rule_head_before_mention_x_desc"]] = 1.0
    if after_first is not None:
        row[I["in_zone_after_cue"]] = 1.0
        if after_first <= cue_k + 3:
            row[I["right_after_cue"]] = 1.0
    # the mentions nearest the cue (the last before it, the first after it): a topic, or one end of a relay
    for m in (before_last, after_first):
        if m is None or m < 1:
            continue
        prev = r.word(m - 1)
        if prev in _TOPIC_WORDS:
            row[I["topic_mention"]] = 1.0
        elif prev == _AN and any(r.word(j) in _RELAY_VERBS for j in range(max(0, m - 7), m - 1)):
            row[I["relay_source"]] = 1.0
        if prev in _RELAY_VERBS or r.word(m - 2) in _RELAY_VERBS:
            row[I["relay_carrier"]] = 1.0
    if "rule" not in s and "entity" in s:
        before_same_sentence = before_last is not None and r.sent_start[before_last] == r.sent_start[cue_k]
        if after_first is not None and not rule_explicit:
            row[I["zone_entity_x_rule_not_explicit"]] = 1.0  # وقال … هوجو سواير while the rules fell back on the history
        if c.kind == "PER" and rule_untagged and (after_first is not None or before_same_sentence):
            row[I["per_entity_x_rule_untagged"]] = 1.0
        if before_same_sentence and before_last - r.sent_start[cue_k] <= 2 and not rule_explicit:
            row[I["initial_subject_x_rule_not_explicit"]] = 1.0  # وكان الرئيس دوتيرتي …، وأعلن
        if before_last is not None and (rule is None or rule.name is None) and r.para_end[before_last] == r.para_end[cue_k]:
            row[I["entity_before_x_rule_none"]] = 1.0
        if after_first is not None and c.kind == "PER":
            row[I["zone_per_entity_not_rule"]] = 1.0  # وأعلن السناتور الديمقراطي مارك وورنر … while the rules read the role only
            if rule is None or rule.kind != "PER":
                row[I["zone_per_entity_x_rule_not_per"]] = 1.0
    g = c.gender
    if g is None and c.kind == "ORG":
        g = "f"
    if cue is not None and g is not None:
        if cue.gender == "f" and g == "m" and c.kind == "PER":
            row[I["gender_mismatch"]] = 1.0
        if cue.gender == "m" and g == "f" and c.kind == "PER":
            row[I["gender_mismatch"]] = 1.0
        if (cue.gender == "pl") != (g == "pl"):
            row[I["plural_mismatch"]] = 1.0
    return before_last


def _round8_features(ctx: _Context, cands: list[Candidate], rows: list[list[float]], befores: list[int | None],
                     spoke: dict, pool: _Pool) -> None:
    """The round-8 features: the cue's kind on every row, and what needs all of a quote's candidates at once
    (which named candidate stands nearest before the cue) or the article's earlier quotes."""
    I = _INDEX  # noqa: E741
    r, cue = ctx.r, ctx.cue
    lemma = getattr(cue, "lemma", None)
    context = []
    if cue is None:
        context.append("cue_source")
    else:
        context.append("cue_say" if lemma in _CUE_SAY else "cue_stance" if lemma in _CUE_STANCE
                       else "cue_announce" if lemma in _CUE_ANNOUNCE else "cue_other")
        if ctx.participle:
            context.append("cue_participle")
        if cue.gender == "f":
            context.append("cue_feminine")
        elif cue.gender == "pl":
            context.append("cue_plural")
    if ctx.q.direct:
        context.append("quote_direct")
    if ctx.has_explicit:
        context.append("ctx_explicit")
    if ctx.has_history:
        context.append("ctx_history")
    if ctx.rule is None or ctx.rule.name is None:
        context.append("ctx_rule_none")
    cols = [I[f] for f in context]
    for row in rows:
        for j in cols:
            row[j] = 1.0
    # named candidates by their nearest mention before the cue, nearest first
    order = sorted((-m, i) for i, m in enumerate(befores) if m is not None)
    for rank, (_, i) in enumerate(order):
        row = rows[i]
        row[I["intervening_log"]] = math.log1p(rank) / 2
        if rank == 0:
            row[I["nearest_before"]] = 1.0
        elif rank == 1:
            row[I["second_before"]] = 1.0
    is_say, is_announce, is_stance = "cue_say" in context, "cue_announce" in context, "cue_stance" in context
    for i, (c, row) in enumerate(zip(cands, rows)):
        if c.name is None:
            if ctx.participle:
                row[I["none_x_participle"]] = 1.0
            continue
        if c.kind == "PER" and cue is not None and c.gender is not None and cue.gender == c.gender:
            row[I["gender_agree"]] = 1.0
        head = ctx.tables.head_class(c.name)
        if head is not None:
            row[I[f"head_{head}"]] = 1.0
        m = befores[i]
        if m is not None and m > 0:
            # the subject of a verb: the verb right before the mention, or before its title and role words
            # (استقبل رئيس البلدية سمير العلي)
            j = m - 1
            while j > max(0, m - 5) and r.toks[j].kind == "word" and (
                    r.is_definite(r.norm[j]) or r.norm[j] in r.lex.role_heads or r.norm[j] in r.lex.honorifics):
                j -= 1
            if r.toks[j].kind == "word":
                if r.cue_at(j) is not None:
                    row[I["after_cue_verb"]] = 1.0
                elif r.verb_like(j):
                    row[I["after_finite_verb"]] = 1.0
        n = 0
        for (keys, kind), times in spoke.items():
            if c.keys and _same_keys(keys, kind, c.keys, c.kind):
                n += times
        if n:
            row[I["spoke_earlier"]] = 1.0
            row[I["spoke_count_log"]] = math.log1p(n) / 2
        if c.kind == "ORG" and is_announce:
            row[I["org_x_announce"]] = 1.0
        if c.kind == "PER" and is_say:
            row[I["per_x_say"]] = 1.0
        if c.kind == "DESC" and is_stance:
            row[I["desc_x_stance"]] = 1.0
        if "history" in c.sources and is_say:
            row[I["history_x_say"]] = 1.0


# --- the model -------------------------------------------------------------------------------

def _variant(rule: Candidate, c: Candidate) -> bool:
    """``c`` is another string for the rules' own speaker, most often a worse one (a tagger's span with a
    word glued on, دميرتاش لرويترز for صلاح الدين دميرتاش; a first letter lost, يرنا for فيرنا; الشين for
    الشين بيت): a person's name sharing a word with it, or one word of a body's name."""
    if c is rule or not rule.keys or not c.keys:
        return False
    if rule.kind == "PER" and set(rule.keys) & set(c.keys):
        return True
    return len(c.keys) == 1 and c.keys[0] in rule.keys


@dataclass(frozen=True, slots=True)
class Hidden:
    """A one-hidden-layer scorer beside the linear one (round 8): ``tanh(x @ w1 + b1) @ v`` is added to each
    candidate's linear score, so the model can weigh feature crosses (a cue's kind with a candidate's kind,
    a distance with a source) the linear weights cannot. Inference is numpy only, from the model's JSON."""

    w1: np.ndarray  # [len(FEATURES), units]
    b1: np.ndarray  # [units]
    v: np.ndarray  # [units]

    def scores(self, x: np.ndarray) -> np.ndarray:
        return np.tanh(x @ self.w1[:x.shape[1]] + self.b1) @ self.v


@dataclass(frozen=True, slots=True)
class RankerModel:
    weights: np.ndarray
    override_margin: float
    #: "ranker": always the top candidate; "override": the rules' speaker unless another candidate
    #: beats it by the margin; "fill": only where the rules named no speaker and the cue cites no
    #: record, the top named candidate if it beats "no speaker" by the margin; "switch": only where the
    #: rules named someone, another named candidate that beats theirs by the margin (the number of named
    #: quotes never changes, so named-speaker precision moves only with the switches' accuracy);
    #: "correct": only where the rules named someone, the top candidate (another name or no one) — the
    #: ranker corrects or withdraws the rules' names but never adds one where they named no one.
    mode: str
    #: whether the subjects of the clauses before a cue are candidates (parsing them is most of the cost):
    #: True, False or "prodrop" (only where the cue has no explicit subject)
    clause_subjects: bool | str = True
    #: only the entities named near the quote are candidates (:data:`ENTITY_SENTENCES`; cheaper)
    entity_window: bool = False
    #: the unparsed words after a verb cue with no subject the rules read are a candidate (``src_phrase``)
    phrase: bool = False
    #: the nonlinear part of the score (None: a conditional-logit model, the rounds before 8)
    hidden: Hidden | None = None

    def scores(self, x: np.ndarray) -> np.ndarray:
        """One score per row; ``x`` may hold only the first features (the rest read 0)."""
        s = x @ self.weights[:x.shape[1]]
        return s if self.hidden is None else s + self.hidden.scores(x)

    def choose(self, case: QuoteCase) -> Candidate | None:
        """The candidate to use for this quote, or None to keep the rules' speaker."""
        if self.mode == "off":
            return None
        s = self.scores(case.x)
        best = int(np.argmax(s))
        if self.mode == "ranker":
            return case.candidates[best]
        rule = next((i for i, c in enumerate(case.candidates) if "rule" in c.sources), None)
        if self.mode == "correct":
            # only where the rules named someone: the top candidate — another name, or no one
            if rule is None or case.candidates[rule].name is None:
                return None
            return case.candidates[best]
        if self.mode == "switch":
            # only where the rules named someone: another named candidate that beats theirs by the margin
            if rule is None or case.candidates[rule].name is None:
                return None
            named = [i for i, c in enumerate(case.candidates) if c.name is not None and not _variant(case.candidates[rule], c)]
            top = max(named, key=lambda i: (s[i], -i))
            return case.candidates[top] if top != rule and s[top] - s[rule] > self.override_margin else None
        if self.mode == "fill":
            if rule is None or case.candidates[rule].name is not None or case.record:
                return None
            named = [i for i, c in enumerate(case.candidates) if c.name is not None]
            if not named:
                return None
            top = max(named, key=lambda i: (s[i], -i))
            return case.candidates[top] if s[top] - s[rule] > self.override_margin else None
        if rule is None or best == rule:
            return None
        return case.candidates[best] if s[best] - s[rule] > self.override_margin else None

    def to_json(self, extra: dict | None = None) -> dict:
        return {"features": list(FEATURES), "weights": [round(float(w), 6) for w in self.weights],
                "override_margin": self.override_margin, "mode": self.mode, "clause_subjects": self.clause_subjects,
                "entity_window": self.entity_window, "phrase": self.phrase,
                **({"hidden": {"units": len(self.hidden.v),
                               # one row of input weights per feature, by name (a feature the file lacks weighs 0)
                               "w1": {f: [round(float(a), 6) for a in row] for f, row in zip(FEATURES, self.hidden.w1)},
                               "b1": [round(float(a), 6) for a in self.hidden.b1],
                               "v": [round(float(a), 6) for a in self.hidden.v]}} if self.hidden is not None else {}),
                **(extra or {})}

    @classmethod
    def from_json(cls, data: dict) -> RankerModel:
        weights = dict(zip(data["features"], data["weights"]))
        w = np.array([float(weights.get(f, 0.0)) for f in FEATURES])
        clauses = data.get("clause_subjects", True)
        hidden = None
        if data.get("hidden"):
            h = data["hidden"]
            units = int(h["units"])
            w1 = np.array([[float(a) for a in h["w1"].get(f, [0.0] * units)] for f in FEATURES]).reshape(len(FEATURES), units)
            hidden = Hidden(w1, np.array([float(a) for a in h["b1"]]), np.array([float(a) for a in h["v"]]))
        return cls(w, float(data["override_margin"]), data["mode"], clauses if clauses == "prodrop" else bool(clauses),
                   bool(data.get("entity_window", False)), bool(data.get("phrase", False)), hidden)


#: The policies a model can run with (``off``: the rules alone).
MODES = ("off", "correct", "ranker", "override", "fill", "switch")


def load_model() -> RankerModel | None:
    """The shipped model (read once per process), or None when the package holds none.

    Evaluation switch ``MARSAD_QUOTE_RANKER``: ``off`` — the rules and ``quote_canon`` alone, whatever the
    file says; a policy name (``correct``, ``ranker`` …) — the shipped weights under that policy, with the
    margin the training chose for it, so a held-out batch can be scored both ways without retraining."""
    env = os.environ.get("MARSAD_QUOTE_RANKER", "").strip().lower()
    if env in ("off", "0", "no"):
        return None
    return _shipped_model(env if env in MODES else "")


@lru_cache(maxsize=len(MODES) + 1)
def _shipped_model(mode: str) -> RankerModel | None:
    ref = resources.files("marsad").joinpath(MODEL_PATH)
    if not ref.is_file():
        return None
    data = json.loads(ref.read_text(encoding="utf-8"))
    model = RankerModel.from_json(data)
    if mode and mode != model.mode:
        margin = float((data.get("margins") or {}).get(mode, 0.0))
        model = replace(model, override_margin=margin, mode=mode)
    return model


def apply(r: _Reader, quotes: list[Quote], model: RankerModel | None) -> None:
    """Replace the rules' speaker where the model chooses another candidate (in place)."""
    if model is None or not quotes or model.mode == "off":
        return
    # "fill" decides only where the rules named no one, "switch" only where they named someone: build
    # candidates for those quotes alone.
    only = ({i for i, q in enumerate(quotes) if q.speaker is None} if model.mode == "fill"
            else {i for i, q in enumerate(quotes) if q.speaker is not None} if model.mode in ("switch", "correct") else None)
    if only is not None and not only:
        return
    for case in build_cases(r, quotes, only, model.clause_subjects, model.entity_window, model.phrase, _uses_round8(model)):
        pick = model.choose(case)
        if pick is None or "rule" in pick.sources:
            continue
        q = case.quote
        if pick.name is None:
            q.speaker = q.speaker_role = q.speaker_entity_id = None
        else:
            q.speaker, q.speaker_role = pick.name, pick.role
            q.speaker_entity_id = pick.entity_id if pick.kind != "DESC" else None
            if q.speaker_entity_id is None and pick.kind in ("PER", "ORG"):
                from ..text import entity_id

                q.speaker_entity_id = entity_id(pick.kind, pick.name)


_ROUND8_COLS = np.array([_INDEX[f] for f in ROUND8_FEATURES])


def _uses_round8(model: RankerModel) -> bool:
    """Whether the model weighs any round-8 feature (a model without them is spared computing them)."""
    return bool(model.weights[_ROUND8_COLS].any() or (model.hidden is not None and model.hidden.w1[_ROUND8_COLS].any()))


def fit(cases: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0, iterations: int = 400) -> np.ndarray:
    """Conditional logit: maximise log Σ p(positive candidates) per quote, L2-penalised.

    ``cases``: (features [n_cand, n_feat], labels [n_cand] of 0/1) with at least one positive.
    Full-batch gradient descent with Adam; deterministic (starts from zero weights). All quotes'
    candidates are stacked in one matrix and the per-quote softmax done with segment sums, so one
    iteration is two matrix products whatever the number of quotes."""
    d = len(FEATURES)
    w = np.zeros(d)
    m = np.zeros(d)
    v = np.zeros(d)
    lr, b1, b2 = 0.05, 0.9, 0.999
    n = max(1, len(cases))
    if not cases:
        return w
    x = np.vstack([c[0] for c in cases])
    y = np.concatenate([c[1] for c in cases]).astype(float)
    sizes = np.array([len(c[0]) for c in cases])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    seg = np.repeat(np.arange(len(cases)), sizes)
    for t in range(1, iterations + 1):
        s = x @ w
        s = s - np.maximum.reduceat(s, starts)[seg]
        p = np.exp(s)
        p /= np.add.reduceat(p, starts)[seg]
        pp = p * y
        q = pp / np.add.reduceat(pp, starts)[seg]
        grad = l2 * w / n + (x.T @ (p - q)) / n
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + 1e-8)
    return w


@dataclass(frozen=True, slots=True)
class FitSpec:
    """How to fit the scorer: ``units`` 0 is the conditional-logit model (``l2`` on its weights); more adds a
    hidden layer of that many tanh units (``hidden_l2`` on its weights), trained jointly for ``iterations``
    full-batch Adam steps from a seeded start (the number of steps is the early stop, chosen by
    cross-validation)."""

    l2: float = 1.0
    units: int = 0
    hidden_l2: float = 1.0
    iterations: int = 400
    seed: int = 1
    lr: float = 0.05
    #: with ``units``: the mean of this many fits from consecutive seeds (less variance from the start)
    ensemble: int = 1
    #: features the scorer does without (``ROUND8``: every round-8 feature): 0 in training, weight 0 in the file
    drop: tuple[str, ...] = ()
    #: features only the linear part reads (their hidden-layer input weights stay 0): hand features whose sign
    #: the hidden layer should not turn round (a topic, the two ends of a relay)
    linear_only: tuple[str, ...] = ()

    def dropped(self) -> list[int]:
        names = [f for d in self.drop for f in (ROUND8_FEATURES if d.upper() == "ROUND8" else (d,))]
        unknown = set(names) - set(FEATURES)
        if unknown:
            raise ValueError(f"unknown features: {', '.join(sorted(unknown))}")
        return sorted({_INDEX[f] for f in names})


def fit_params(cases: list[tuple[np.ndarray, np.ndarray]], spec: FitSpec,
               checkpoints: tuple[int, ...] = ()) -> tuple[np.ndarray, Hidden | None] | dict[int, tuple[np.ndarray, Hidden | None]]:
    """The scorer's parameters fitted to ``cases`` under ``spec`` (linear weights, hidden layer or None).
    With ``checkpoints``: {iteration: parameters} at each of those iterations (one run; for early stopping)."""
    cols = spec.dropped()
    if cols:  # fit without those columns, then give them weight 0 (the scores are the same whatever they read)
        cases = [(_without(x, cols), y) for x, y in cases]
        fitted = fit_params(cases, replace(spec, drop=()), checkpoints)
        for w, hidden in (fitted.values() if checkpoints else (fitted,)):
            w[cols] = 0.0
            if hidden is not None:
                hidden.w1[cols, :] = 0.0
        return fitted
    if spec.units <= 0:
        if checkpoints:
            return {t: (fit(cases, spec.l2, t), None) for t in checkpoints}
        return fit(cases, spec.l2, spec.iterations), None
    if spec.ensemble > 1:  # seeds seed, seed + 1, …: one averaged scorer
        runs = [_fit_hidden(cases, replace(spec, seed=spec.seed + i, ensemble=1), checkpoints) for i in range(spec.ensemble)]
        if checkpoints:
            return {t: average([run[t] for run in runs]) for t in checkpoints}
        return average(runs)
    return _fit_hidden(cases, spec, checkpoints)


def _without(x: np.ndarray, cols: list[int]) -> np.ndarray:
    x = x.copy()
    x[:, cols] = 0.0
    return x


def _fit_hidden(cases, spec: FitSpec, checkpoints: tuple[int, ...] = ()):
    """Maximise log Σ p(positive candidates) per quote for score ``x·w + tanh(x W1 + b1)·v`` (Adam, full batch,
    L2-penalised, deterministic from ``spec.seed``)."""
    d, u = len(FEATURES), spec.units
    rng = np.random.default_rng(spec.seed)
    params = [np.zeros(d), rng.normal(0.0, 0.3, (d, u)), np.zeros(u), rng.normal(0.0, 0.1, u)]
    mask = None
    if spec.linear_only:
        mask = np.ones((d, 1))
        mask[[_INDEX[f] for f in spec.linear_only]] = 0.0
        params[1] *= mask
    penalties = [spec.l2, spec.hidden_l2, 0.0, spec.hidden_l2]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    lr, b1, b2 = spec.lr, 0.9, 0.999
    last = max(checkpoints) if checkpoints else spec.iterations
    saved: dict[int, tuple[np.ndarray, Hidden | None]] = {}
    if not cases:
        out = (params[0], Hidden(params[1], params[2], params[3]))
        return {t: out for t in checkpoints} if checkpoints else out
    n = len(cases)
    x = np.vstack([c[0] for c in cases])
    y = np.concatenate([c[1] for c in cases]).astype(float)
    sizes = np.array([len(c[0]) for c in cases])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    seg = np.repeat(np.arange(n), sizes)
    xt = x.T
    try:  # the rows are mostly zeros: sparse products make a step several times faster (train-time extra only)
        from scipy import sparse

        x = sparse.csr_matrix(x)
        xt = x.T.tocsr()
    except ImportError:
        pass
    for t in range(1, last + 1):
        w, w1, bias, v = params
        h = np.tanh(x @ w1 + bias)
        s = x @ w + h @ v
        s = s - np.maximum.reduceat(s, starts)[seg]
        p = np.exp(s)
        p /= np.add.reduceat(p, starts)[seg]
        pp = p * y
        q = pp / np.add.reduceat(pp, starts)[seg]
        ds = (p - q) / n
        da = np.outer(ds, v) * (1.0 - h * h)
        grads = [xt @ ds, xt @ da, da.sum(axis=0), h.T @ ds]
        if mask is not None:
            grads[1] = grads[1] * mask
        for i, (param, g) in enumerate(zip(params, grads)):
            g = g + penalties[i] * param / n
            m_, v_ = moments[i]
            m_ *= b1
            m_ += (1 - b1) * g
            v_ *= b2
            v_ += (1 - b2) * g * g
            param -= lr * (m_ / (1 - b1 ** t)) / (np.sqrt(v_ / (1 - b2 ** t)) + 1e-8)
        if t in checkpoints:
            saved[t] = (params[0].copy(), Hidden(params[1].copy(), params[2].copy(), params[3].copy()))
    if checkpoints:
        return saved
    return params[0], Hidden(params[1], params[2], params[3])


def average(fits: list[tuple[np.ndarray, Hidden | None]]) -> tuple[np.ndarray, Hidden | None]:
    """One scorer whose score is the mean of the fitted scorers' (their hidden units side by side, output weights
    divided by their number): an ensemble of seeds in the same file format and at the cost of its units."""
    k = len(fits)
    w = sum(f[0] for f in fits) / k
    hidden = [f[1] for f in fits if f[1] is not None]
    if not hidden:
        return w, None
    return w, Hidden(np.hstack([h.w1 for h in hidden]), np.concatenate([h.b1 for h in hidden]),
                     np.concatenate([h.v for h in hidden]) / k)


def save(model: RankerModel, path: Path, extra: dict | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model.to_json(extra), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
