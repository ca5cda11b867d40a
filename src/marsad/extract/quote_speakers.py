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

The model file names the policy (``mode``). The shipped one is ``off``: trained on every STUDY gold file
(2,456 matched quotes, 850 articles, 20 folds, with "no speaker" taught where no candidate is right), it
gains nothing in STUDY cross-validation (rules 0.828 / 0.804, ``correct`` 0.825 / 0.802, ``ranker`` 0.826 / 0.802),
while on the CHECK file ``correct`` (change or withdraw the rules' names, never add one) gains 9 quotes and
``ranker`` 11, with named-speaker precision up two points; the session's rule asks for both. See
``docs/quotes.md`` (*Speaker ranker round 4*). ``marsad train quote-speakers`` retrains it and prints that
comparison; ``MARSAD_QUOTE_RANKER=correct`` (or another policy, or ``off``) runs the shipped weights under
that policy.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..record import Quote
from ..text import normalize

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
)
_INDEX = {f: i for i, f in enumerate(FEATURES)}
_PREPOSITIONS = frozenset(normalize(w) for w in ("مع", "في", "عن", "على", "إلى", "من", "ل", "لدى", "أمام", "بين"))


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


def _same(a: Candidate, keys: tuple[str, ...], kind: str) -> bool:
    if a.keys == keys:
        return True
    if "PER" in (a.kind, kind) and (a.kind == kind or min(len(a.keys), len(keys)) >= 2):
        short, long_ = (a.keys, keys) if len(a.keys) <= len(keys) else (keys, a.keys)
        return _contains(long_, short)
    return False


class _Pool:
    def __init__(self) -> None:
        self.items: list[Candidate] = []

    def add(self, name: str | None, kind: str, keys: tuple[str, ...], source: str, role: str | None = None,
            entity_id: str | None = None, gender: str | None = None) -> Candidate | None:
        if name is None:
            keys = ()
        elif not keys:
            return None
        for c in self.items:
            if (name is None and c.name is None) or (name is not None and c.name is not None and _same(c, keys, kind)):
                c.sources.add(source)
                if name is not None and len(keys) > len(c.keys) and kind == "PER":
                    c.name, c.keys = name, keys  # the fuller name (ككينز → مايلز ككينز)
                c.role = c.role or role
                c.entity_id = c.entity_id or entity_id
                c.gender = c.gender or gender
                return c
        c = Candidate(name, "NONE" if name is None else kind, keys, role, entity_id, gender, {source})
        self.items.append(c)
        return c


def _speaker_cand(pool: _Pool, sp: Speaker | None, source: str) -> Candidate | None:
    if sp is None:
        return None
    return pool.add(sp.name, sp.kind, sp.keys, source, sp.role, sp.entity_id, sp.gender)


def _explicit_subject(r: _Reader, cue_k: int) -> Speaker | None:
    """What the rules read right after a verb cue, before any reference resolution."""
    cue = r.cue_at(cue_k)
    if cue is None or cue[0].pos != "verb":
        return None
    found = r.scan_complement(cue_k + 1, cue[0].strict)
    end = found[1] if found else r.zone_stop(cue_k + 1)
    if end <= cue_k + 1:
        return None
    return r.parse_speaker(cue_k + 1, end)


#: How many sentences before the cue's own are read for clause subjects.
CLAUSE_SENTENCES = 2
_CLAUSE_STOP = frozenset(normalize(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "بعد", "قبل", "أن", "إن", "بأن", "الذي", "التي"))


def _clause_subjects(r: _Reader, cue_k: int, cache: dict[int, Speaker | None]) -> list[tuple[int, Speaker]]:
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
    out: list[tuple[int, Speaker]] = []
    for m in range(first, cue_k):
        t = r.toks[m]
        if t.kind != "word":
            continue
        prev = m - 1
        opens = m == r.sent_start[m] or (prev >= 0 and r.toks[prev].kind == "punct" and r.toks[prev].text in "،,؛;:")
        if not (opens or r.norm[m][:1] == "و"):
            continue
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


def build_cases(r: _Reader, quotes: list[Quote], only: set[int] | None = None) -> list[QuoteCase]:
    """Candidates and features for each quote the rules found in one document (or for the quotes
    whose indexes are in ``only``)."""
    doc = r.doc
    ent_groups: dict[str, list] = {}
    for e in r.entities:
        ent_groups.setdefault(e.entity_id, []).append(e)
    ent_info = []
    for eid, ents in ent_groups.items():
        canon = ents[0].canonical
        keys = tuple(r.key_of(canon).split())
        toks = sorted({min(doc.token_index_at(e.start), r.n - 1) for e in ents})
        ent_info.append((eid, canon, ents[0].type, keys, toks))
    quote_spans = [(q.start, q.end) for q in quotes]
    log = getattr(r, "remembered", [])
    first_speaker = next((sp for _, sp in log), None)
    places = {tuple(r.key_of(e.canonical).split()) for e in doc.entities if e.type in ("GPE", "LOC")}
    outlets = {tuple(r.key_of(doc.outlet).split())} if getattr(doc, "outlet", None) else set()
    clause_cache: dict[int, Speaker | None] = {}
    sent_no = np.cumsum([k > 0 and r.sent_start[k] != r.sent_start[k - 1] for k in range(r.n)])
    cases = []
    for qi, q in enumerate(quotes):
        if only is not None and qi not in only:
            continue
        pool = _Pool()
        cue_k = min(doc.token_index_at(q.cue_start), r.n - 1)
        cue = r.cue_at(cue_k)
        cue_form = cue[0] if cue is not None else None
        rule = pool.add(q.speaker, _kind_of(q), tuple(r.key_of(q.speaker).split()) if q.speaker else (), "rule",
                        q.speaker_role, q.speaker_entity_id)
        explicit = _explicit_subject(r, cue_k)
        _speaker_cand(pool, explicit, "explicit")
        if cue_form is not None and cue_form.pos == "verb":
            _speaker_cand(pool, r.look_back(cue_k), "lookback")
        # The speakers remembered before this quote, latest first (the pro-drop chain).
        history: list[Speaker] = []
        for n_before, sp in log:
            if n_before > qi:
                break
            history = [h for h in history if h.keys != sp.keys] + [sp]
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
        for rank, (m, sp) in enumerate(_clause_subjects(r, cue_k, clause_cache)):
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
        for eid, canon, etype, keys, toks in ent_info:
            c = pool.add(canon, etype, keys, "entity", entity_id=eid)
            if c is not None:
                c.mentions.extend(toks)
        pool.add(None, "NONE", (), "none")
        if first_speaker is not None:
            for c in pool.items:
                if c.name is not None and _same(c, first_speaker.keys, first_speaker.kind):
                    c.sources.add("first")
        prev_q = quotes[qi - 1] if qi > 0 else None
        if prev_q is not None and prev_q.speaker:
            pk = tuple(r.key_of(prev_q.speaker).split())
            same_para = r.para_start[min(doc.token_index_at(prev_q.start), r.n - 1)] == r.para_start[cue_k]
            for c in pool.items:
                if c.name is not None and _same(c, pk, _kind_of(prev_q)):
                    c.sources.add("prev_quote")
                    if same_para:
                        c.sources.add("prev_quote_same_para")
        for c in pool.items:
            if c.name is not None and (c.keys in places or (c.kind != "PER" and any(_contains(c.keys, p) and len(p) == len(c.keys) for p in places))):
                c.sources.add("place")
            if c.name is not None and (c.keys in outlets or (c.keys and c.keys[0] in r.lex.outlet_heads)):
                c.sources.add("outlet")
        cands = pool.items
        x = np.zeros((len(cands), len(FEATURES)))
        # جاء في وثائق المحكمة، أفادت تقارير، بحسب الوثائق: a record speaks for no one.
        record = any(r.tok_key(m) in r._record_keys for m in range(cue_k + 1, min(cue_k + 4, r.n)) if r.toks[m].kind == "word")
        rule_head = _bare_head(normalize(q.speaker).split()[0]) if q.speaker and normalize(q.speaker).split() else ""
        ctx = _Context(r, q, cue_k, cue_form, rule, explicit is not None, bool(history), quote_spans, record, sent_no, rule_head)
        for i, c in enumerate(cands):
            _features(ctx, c, x[i])
        cases.append(QuoteCase(q, cands, x, record))
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
    sent_no: np.ndarray | None = None  # sentence number of each token
    rule_head: str = ""  # the first word of the rules' speaker, bare


def _mentions(r: _Reader, c: Candidate) -> list[int]:
    """Token indexes where the candidate is named: tagged mentions, else its last word in the text."""
    if c.mentions:
        return sorted(set(c.mentions))
    key = c.keys[-1] if c.kind == "PER" else c.keys[0]
    out = [k for k in range(r.n) if key in r.norm[k] and r.tok_key(k) == key]
    if c.kind == "PER" and len(c.keys) > 1:
        out = [k - len(c.keys) + 1 if k - len(c.keys) + 1 >= 0 and r.tok_key(k - len(c.keys) + 1) == c.keys[0] else k for k in out]
    c.mentions = out
    return out


def _bare_head(w: str) -> str:
    """A word without a glued و and the article, for comparing heads (والوكالة ~ وكالة)."""
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _features(ctx: _Context, c: Candidate, row: np.ndarray) -> None:
    def put(name: str, value: float = 1.0) -> None:
        row[_INDEX[name]] = value

    r, q, cue_k = ctx.r, ctx.q, ctx.cue_k
    cue = ctx.cue
    participle = cue is not None and cue.pos == "participle"
    source_cue = cue is None
    if c.name is None:
        put("none")
        if ctx.rule is c:
            put("none_x_rule_none")
        if source_cue:
            put("none_x_source_cue")
        if not ctx.has_explicit and not ctx.has_history:
            put("none_x_no_subject_no_history")
        if ctx.record:
            put("none_x_record")
        return
    if c.keys and c.keys[0] in r._record_keys:
        put("is_record")
    s = c.sources
    rule = ctx.rule
    rule_explicit = rule is not None and "explicit" in rule.sources
    rule_untagged = rule is None or rule.name is None or "entity" not in rule.sources
    if "rule" in s:
        put("src_rule")
        if "entity" not in s:
            put("rule_untagged")
        if c.kind == "DESC":
            put("rule_desc")
        if ctx.has_explicit:
            put("src_rule_x_explicit")
        if source_cue:
            put("src_rule_x_source_cue")
        if participle:
            put("src_rule_x_participle")
    if "explicit" in s:
        put("src_explicit")
    elif ctx.has_explicit:
        put("explicit_x_other")
    if "lookback" in s:
        put("src_lookback")
    if "history" in s:
        put("src_history")
        put("hist_rank_inv", 1.0 / (1 + (c.hist_rank or 0)))
        if c.hist_rank == 0:
            put("hist_last")
    if "hist_agree" in s:
        put("hist_last_agree")
        if not ctx.has_explicit:
            put("prodrop_x_hist_last_agree")
    if "entity" in s:
        put("src_entity")
    if "clause" in s:
        put("src_clause")
        if c.clause_rank == 0:
            put("clause_latest")
        if "clause_same_sentence" in s:
            put("clause_same_sentence")
        if "clause_agree" in s:
            put("clause_agree")
        if not ctx.has_explicit:
            put("clause_x_prodrop")
    if "prev_quote" in s:
        put("prev_quote_speaker")
        if "prev_quote_same_para" in s:
            put("prev_quote_speaker_same_para")
    if "place" in s:
        put("is_place")
    if "outlet" in s:
        put("is_outlet")
    if "rule" in s and not rule_explicit and not source_cue:
        put("rule_x_prodrop")
    # A badly cut phrase rather than a name: a cue word inside it (المناسبة تحدث رئيس اتحاد القدم قائلا),
    # five words or more, or one bare indefinite word no tagger marked (قائلا، العضو is definite).
    words = normalize(c.name).split()
    if any(w in r.lex.cues or r.bare(w) in r.lex.cues for w in words):
        put("name_has_cue")
    if len(words) >= 5:
        put("long_name")
    if len(words) == 1 and "entity" not in s and not r.is_definite(words[0]):
        put("bare_word")
    if "first" in s:
        put("first_speaker")
    put({"PER": "kind_per", "ORG": "kind_org"}.get(c.kind, "kind_desc"))
    if c.role:
        put("has_role")
    if c.entity_id:
        put("has_entity_id")
    ments = _mentions(r, c)
    put("freq_log", math.log1p(len(ments)) / 3)
    q_start_k = r.doc.token_index_at(q.start)
    q_end_k = r.doc.token_index_at(max(q.end - 1, q.start))
    inside_any = [any(s0 <= r.toks[m].start < e0 for s0, e0 in ctx.quote_spans) for m in ments]
    if ments and all(inside_any):
        put("mentions_only_in_quotes")
    if any(q_start_k <= m <= q_end_k for m in ments):
        put("mention_in_this_quote")
    before = [m for m, ins in zip(ments, inside_any) if m <= cue_k and not ins]
    if not before and any(m > q_end_k for m in ments) and not any(m < cue_k for m in ments):
        put("mention_after_quote_only")
    if ments and all(inside_any) and not any(q_start_k <= m <= q_end_k for m in ments):
        put("in_other_quote_only")
    if before:
        m = before[-1]
        put("mention_before")
        if ctx.sent_no is not None:
            d = int(ctx.sent_no[cue_k] - ctx.sent_no[m])
            put("sent_dist_0" if d == 0 else "sent_dist_1" if d == 1 else "sent_dist_2plus")
        if r.para_end[m] != r.para_end[cue_k]:
            put("other_paragraph")
        if m > 0 and (r.norm[m - 1] in r.lex.role_heads or r.bare(r.norm[m - 1]) in r.lex.role_heads
                      or r.norm[m - 1] in r.lex.honorifics):
            put("titled_mention")
        if rule is not None and rule.kind == "DESC" and "rule" not in s and c.kind == "PER" and r.para_end[m] == r.para_end[cue_k]:
            put("rule_desc_x_named_alt")
        put("dist_before_log", math.log1p(cue_k - m) / 5)
        if r.sent_start[m] == r.sent_start[cue_k]:
            put("same_sentence_before")
            if participle:
                put("participle_x_same_sentence")
            if m - r.sent_start[m] <= 2:
                put("sentence_initial_subject")
        if r.para_end[m] == r.para_end[cue_k]:
            put("same_paragraph_before")
        prev = r.word(m - 1)
        if prev in _PREPOSITIONS or (r.norm[m][:1] in "لب" and r.norm[m][1:3] in ("ال", "ل")):
            put("after_preposition")
    # The rules' speaker is a description whose head word stands just before a mention of this candidate
    # (الوكالة … وكالة ستاندرد آند بورز; وقال حاكم ولاية فاراه، عبد البصير سالانغي): the name it stands for.
    if "rule" not in s and rule is not None and rule.name is not None and rule.keys and ctx.rule_head:
        if any(_bare_head(r.norm[j]) == ctx.rule_head for m in ments for j in range(max(0, m - 6), m)):
            put("rule_head_before_mention")
            if rule.kind == "DESC" or rule.entity_id is None:
                put("rule_head_before_mention_x_desc")
    after = [m for m in ments if cue_k < m < max(q_start_k, cue_k + 1)]
    if after:
        put("in_zone_after_cue")
        if after[0] <= cue_k + 3:
            put("right_after_cue")
    if "rule" not in s and "entity" in s:
        if after and not rule_explicit:
            put("zone_entity_x_rule_not_explicit")  # وقال … هوجو سواير while the rules fell back on the history
        if c.kind == "PER" and rule_untagged and (after or (before and r.sent_start[before[-1]] == r.sent_start[cue_k])):
            put("per_entity_x_rule_untagged")
        if before and r.sent_start[before[-1]] == r.sent_start[cue_k] and before[-1] - r.sent_start[cue_k] <= 2 and not rule_explicit:
            put("initial_subject_x_rule_not_explicit")  # وكان الرئيس دوتيرتي …، وأعلن
        if before and (rule is None or rule.name is None) and r.para_end[before[-1]] == r.para_end[cue_k]:
            put("entity_before_x_rule_none")
        if after and c.kind == "PER":
            put("zone_per_entity_not_rule")  # وأعلن السناتور الديمقراطي مارك وورنر … while the rules read the role only
            if rule is None or rule.kind != "PER":
                put("zone_per_entity_x_rule_not_per")
    g = c.gender
    if g is None and c.kind == "ORG":
        g = "f"
    if cue is not None and g is not None:
        if cue.gender == "f" and g == "m" and c.kind == "PER":
            put("gender_mismatch")
        if cue.gender == "m" and g == "f" and c.kind == "PER":
            put("gender_mismatch")
        if (cue.gender == "pl") != (g == "pl"):
            put("plural_mismatch")


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

    def scores(self, x: np.ndarray) -> np.ndarray:
        return x @ self.weights

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
                "override_margin": self.override_margin, "mode": self.mode, **(extra or {})}

    @classmethod
    def from_json(cls, data: dict) -> RankerModel:
        weights = dict(zip(data["features"], data["weights"]))
        w = np.array([float(weights.get(f, 0.0)) for f in FEATURES])
        return cls(w, float(data["override_margin"]), data["mode"])


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
        model = RankerModel(model.weights, margin, mode)
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
    for case in build_cases(r, quotes, only):
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


def save(model: RankerModel, path: Path, extra: dict | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model.to_json(extra), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
