"""Speaker-form post-pass over the quotes the extractor found (canonical speaker strings).

The quote reader names a speaker as it meets it near the cue. Several forms of that string are poor
even when the reader found the right person, and they are fixed here after the fact, with the whole
document in view:

(a) a **description** (``رجل الأعمال المصري``) where the article names the person or body it
    describes in apposition (``رجل الأعمال المصري نجيب ساويرس``, ``نجيب ساويرس، رجل الأعمال المصري،``)
    — the name replaces it, and the description becomes the role when the role is empty. Only when the
    article pairs that description with one name and no other;
(b) a **partial name** (``خالد بحاح``) where the article gives a fuller one (``خالد محفوظ بحاح``): the
    longest tagged mention with the same first and last word that holds the speaker's words in order;
(c) a **junk string** from a mis-parsed subject (``ما كان أعلنه``, ``بيد أن مسؤولين``, ``هويته``): a
    leading discourse particle is stripped; a string holding a function word, a verb, or a one-word
    string that is neither tagged nor a known head noun, is cut before the bad word when what stays is
    a tagged name or starts with a known head, else dropped (no speaker);
(d) a **document** (``البيان``, ``تغريدة``, ``التقرير``) that "says": its issuer when the text names one
    after it (صادر عن X، لوزير الإعلام، X، بيان الداخلية) or as its sentence's subject (أصدر X بيانا، أعرب X
    … في بيانه); data (البيانات) with no one named near them have no speaker; otherwise left as found;
(e) a **place ending the role** (الناطق باسم شرطة شرق | جاوا): the one person named after it, else the
    spokesman's body; countries and capitals after other roles are kept.
A first letter the tagger split off a name as a clitic (ل، و، ف، ب، ك) comes back under (b).
(f) **forms** (session 4): an unnamed plural group in the nominative (مراقبين أوروبيين → مراقبون أوروبيون،
    ممثلي الادعاء → ممثلو الادعاء); a surname spelt with a space or another long vowel → the one tagged
    fuller name (لو دريان → جان إيف لودريان، نتانياهو → بنيامين نتنياهو); an adjunct glued to a tagged name
    cut (الغانم في برقيته);
(g) **anaphora**: a definite description → the body named before with the same head (البعثة الدولية →
    بعثة الأمم المتحدة), the person introduced beside that role word (الوزير الإيراني → ظريف), «الأخير» → the
    person last named as an object, a role word with adjectives → the last named speaker; nationality,
    genitive, gender and number must agree, and two candidates mean none;
(h) **cataphora**: an indefinite description named in the next two sentences with its head made
    definite (قال أب إسباني … وسيمثل الأب، X); a description keeps its referent for its later quotes.
(i) **records and spokesmen** (session 5): a law's article, estimates, statistics, results (المادة (27)،
    بعض التقديرات، نتائج البحث) have no speaker, in construct with a body or a tagged place they give it
    (تقديرات وزارة النقل); a spokesman's office with no name (المتحدث باسم قوات التحالف) takes the person
    named after another mention of that office (or, session 6, after the bare head once the office was given
    in full: وقال المتحدث X); a person noun with an adjective (المرأة السبعينية)
    continues the last speaker of its gender.
(j) **offices whose holder the article names** (session 6): the name that closes the cue's subject phrase
    (وأوضح المشرف على برنامج … X، أن) or the reader's own string (نائب رئيس النادي في "…" X), the same office given beside a name before or just after the quote,
    a coordinated office through the first one, a bare role word the speaker's own role holds (الخبير ←
    رئيس الخبراء …); documents of a group or an office (أصدرت قبائل X بيانا، تعميم وزير التعليم، بيان
    للمتحدثة); bodies tagged in full with the article on the head, hamza seats levelled (الهئية), cited
    outlets not taking the topic;
(k) **a body of «the city»** (شرطة المدينة) for the one place the article named with that kind noun.

Pure functions over the ``Doc`` (its tokens and entities) and the quotes; nothing is learned. The
evaluation switch ``MARSAD_QUOTE_CANON=off`` turns the pass off (for before/after figures).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cached_property, lru_cache

from ..doc import Doc
from ..record import Entity, Quote
from ..text import clitic_candidates, normalize
from ..text import name_key as _name_key_uncached
from .quote_lexicon import load_lexicon

#: :func:`marsad.text.name_key`, memoised: pure, and it re-tokenises its string on every call.
name_key = lru_cache(maxsize=1 << 16)(_name_key_uncached)

#: Discourse particles glued in front of a subject by the reader (بيد أن مسؤولين إيرانيين …).
_LEADING_PARTICLES = (("بيد", "ان"), ("الا", "ان"), ("غير", "ان"), ("كما", "ان"), ("لكن",), ("ولكن",),
                      ("بينما",), ("فيما",), ("اذ",), ("حيث",))
#: Words a name or description never holds: relatives, auxiliaries, negations, complementisers,
#: pronouns, adverbs.
_FUNCTION_WORDS = frozenset(normalize(w) for w in """
ما ماذا كان كانت كانوا يكون تكون سواء تم يتم قد لقد لم لن لا ليس ليست الذي التي الذين اللذين
أن إن أنه أنها إنه إنها أنهم لأن كي حتى إذا لو جدا أيضا دائما ربما عندما بينما حين حيث
خلالها خلاله تحتها تحته فيها فيه منها منه عليها عليه لها له بها به عنها عنه إليها إليه ذلك هذا هذه تلك
""".split())
#: Prepositions that open an adjunct after a subject (… في ذلك اللقاء، … فور هذا الإعلان).
_ADJUNCT_OPENERS = frozenset(normalize(w) for w in "في من على عن فور خلال عقب بعد قبل أثناء منذ إثر".split())
_PRONOUN_PREPS = frozenset(normalize(w) for w in """
بها به بهم فيها فيه فيهم عنها عنه عنهم لها له لهم منها منه منهم عليها عليه عليهم إليها إليه
""".split())
_DEMONSTRATIVES = frozenset(normalize(w) for w in "هذا هذه ذلك تلك هؤلاء".split())
#: إن/أن with a conjunction glued on, as written (hamza kept: فان alone may be the name Van).
_GLUED_THAT = frozenset("فإن وإن فأن وأن بأن لأن".split())
#: Pronoun suffixes that end a verb or a possessed noun, never a name (checked on the surface form,
#: so ة is not ه).
_PRONOUN_ENDINGS = ("ها", "هم", "هما")
#: Short bare nouns that are not speakers when they stand alone (a mis-cut object or head).
#: Stems that take a possessive and still name a speaker (بعضهم، زوجها، شقيقه، محاميه) or are a
#: title pronoun the speaker rules resolve (سموه، معاليه).
_SUFFIXED_SPEAKERS = frozenset(normalize(w) for w in """
بعض أحد إحدى زوج زوجت والد والدت أم أب ابن ابنت شقيق شقيقت أخ أخت جد جدت عائلت أسرت أقارب أصدقاء صديق
رفاق أصدقاؤ زملاؤ أتباع خصوم منتقدي مناهضي محامي محاميت محامو محامون متحدث مستشار مساعد وكيل مدير قائد رئيس نائب معارض معارضو أنصار مؤيدو
سمو معالي فضيلت سماحت خطيب خطيبت عشاق معجبو معجبي جيران جار أبناء أولاد أهل ذوو ذوي زملاء زميل زميلت
مقربون مقربين مدرب لاعبو لاعبي رفيق رفيقت حبيب حبيبت طليق طليقت
""".split())
_BARE_NOT_SPEAKERS = frozenset(normalize(w) for w in "راديو تلفزيون قناة وكالة صحيفة تحالف موقع شبكة".split())

#: Generic heads that stand for a named body introduced earlier (المصرف الأميركي → مورغان ستانلي).
_GENERIC_BODIES = frozenset(name_key(w) for w in """
الوكالة المصرف البنك الشركة النادي الصحيفة القناة المجموعة الصندوق المنظمة الجمعية الحركة الحزب
""".split())

_TATWEEL_AND_MARKS = str.maketrans("", "", "ـًٌٍَُِّْ")
#: Quotation marks, and the prepositions glued to a word (ب، ل، ك) that never open a speaker phrase.
_MARKS = '"“”«»„'
_GLUED_PREPS = frozenset("بلك")
#: A saying noun with the speaker's pronoun (نقلت عن مسؤولين قولهما): it ends the phrase, the speaker is before it.
_SAYING_SUFFIXED = frozenset(normalize("قول" + s) for s in ("ه", "ها", "هم", "هما"))


class _Words:
    """The doc's non-punctuation tokens, computed on first use: clitic keys and their index in
    ``doc.tokens``; and the normalised text of every token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    @cached_property
    def tok_index(self) -> tuple[int, ...]:
        return tuple(i for i, t in enumerate(self.doc.tokens) if t.kind != "punct")

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple([t.key for t in self.doc.tokens if t.kind != "punct"])  # (the tokens of tok_index)

    def at_key(self, key: str) -> Iterator[int]:
        """The positions of ``key`` in ``keys``, ascending (the runs that may spell a phrase start there;
        found by ``tuple.index``, with no table kept)."""
        keys = self.keys
        i = -1
        while True:
            try:
                i = keys.index(key, i + 1)
            except ValueError:
                return
            yield i

    @cached_property
    def norms(self) -> tuple[str, ...]:
        return tuple([t.norm for t in self.doc.tokens])  # (the tokenizer's norm is normalize(text))


@lru_cache(maxsize=8192)
def _key_of(name: str) -> tuple[str, ...]:
    """``name_key`` as a tuple of words (names repeat within and across articles)."""
    return tuple(name_key(name).split())


@lru_cache(maxsize=1)
def _heads() -> tuple[frozenset[str], frozenset[str]]:
    """Known head nouns (as clitic keys) and the cue/stance verb forms (normalised)."""
    lex = load_lexicon()
    words = (lex.role_heads | lex.institution_heads | lex.outlet_heads | lex.anonymous_heads
             | lex.plural_heads | lex.record_heads)
    heads = frozenset(name_key(w) for w in words) | frozenset(words)
    verbs = frozenset(lex.cues) | lex.stance_verbs
    return heads, frozenset(verbs)


@lru_cache(maxsize=1)
def _body_heads() -> frozenset[str]:
    """Clitic keys of nouns that head a body (وزارة، مكتب، الشرطة): such a description names an ORG."""
    lex = load_lexicon()
    return frozenset(name_key(w) for w in lex.institution_heads | lex.outlet_heads)


def _titles() -> frozenset[str]:
    lex = load_lexicon()
    return lex.honorifics | lex.ranks


def canonicalise(doc: Doc, quotes: list[Quote]) -> None:
    """Rewrite, in place, the speaker strings of ``quotes`` found in ``doc`` (see the module doc)."""
    global _ENT_WORDS
    _ENT_WORDS = {}
    try:
        _canonicalise(doc, quotes)
    finally:
        _ENT_WORDS = None


#: While ``canonicalise`` runs: id(an entity list) → (the list, every word of its entities' keys). Nothing in
#: this module changes a document's entities, so the words hold for the whole call.
_ENT_WORDS: dict[int, tuple[list[Entity], frozenset[str]]] | None = None


def _may_hold(key: tuple[str, ...], ents: list[Entity]) -> bool:
    """False when no entity of ``ents`` has ``key`` as or inside its key (a word of ``key`` is in none of
    them): the scans over every entity are skipped. Outside ``canonicalise`` always True."""
    memo = _ENT_WORDS
    if memo is None:
        return True
    got = memo.get(id(ents))
    if got is None or got[0] is not ents:
        got = memo[id(ents)] = (ents, frozenset(w for e in ents for w in _ent_keys(e)))
    return all(w in got[1] for w in key)


def _canonicalise(doc: Doc, quotes: list[Quote]) -> None:
    if os.environ.get("MARSAD_QUOTE_CANON", "").lower() in ("off", "0", "no"):
        return
    # evaluation switch: MARSAD_QUOTE_CANON_SKIP=plural,variant,adjunct,anaphora turns single steps off
    skip = frozenset(os.environ.get("MARSAD_QUOTE_CANON_SKIP", "").replace(" ", "").split(","))
    speakers = {q.speaker for q in quotes if q.speaker}
    if not speakers and not any(q.speaker_role and "باسم" in q.speaker_role for q in quotes):
        return
    ents = [e for e in doc.entities if e.type in ("PER", "ORG")]
    words = _Words(doc)
    named = frozenset(e.text for e in doc.entities)
    cache: dict[str, tuple[str | None, Entity | None, str]] = {}
    described: dict[str, tuple[str, str | None]] = {}
    for q in quotes:
        if q.speaker_role and "spokesman" not in skip and "باسم" in q.speaker_role:
            held = _spokesman(q, doc)  # (i) المتحدث باسم X with no name: the spokesman named elsewhere
            if held is not None:
                q.speaker, q.speaker_entity_id = _ent_name(held), held.entity_id
                continue
        if not q.speaker:
            continue
        if "records" not in skip and not q.speaker_role:
            record = _record(q.speaker, named)  # (i) a law's article, estimates, statistics: no one speaks
            if record is not False:
                q.speaker, q.speaker_entity_id = record, None
                if record is None:
                    continue
        genitive = _construct_issuer(q.speaker)
        if genitive is not None:
            q.speaker = genitive
        elif _document_noun(q.speaker):
            issuer = _issuer(q, doc)
            if issuer == _UNRESOLVED:
                pass
            elif isinstance(issuer, Entity):
                q.speaker, q.speaker_entity_id = _ent_name(issuer), issuer.entity_id
            else:  # an untagged body's words, or no one
                q.speaker, q.speaker_entity_id = issuer, None
            if not q.speaker:
                continue
        if q.speaker_role and _place_speaker(q.speaker, doc):
            named = _name_after_place(q.speaker_role, q.speaker, doc)
            if named is not None:
                q.speaker, q.speaker_entity_id = _ent_name(named), named.entity_id
                continue
            kinds = _place_kinds(q.speaker)
            # only a spokesman's body (المتحدث باسم قصر | كينغستون); elsewhere a city may be a capital
            # standing for its government (سفير باريس، طهران)
            if kinds and "country" not in kinds and "باسم" in q.speaker_role.split():
                # the spokesman's body is the speaker (المتحدث باسم قصر | كينغستون → قصر كينغستون)
                role = q.speaker_role.split()
                body = role[role.index("باسم") + 1:] if "باسم" in role else []
                q.speaker = " ".join(body + [q.speaker]) if body else None
                q.speaker_entity_id = None
                if not body:
                    continue
        lead = q.speaker.split()
        if len(lead) > 1 and lead[0].translate(_TATWEEL_AND_MARKS) in _GLUED_THAT and "variant" not in skip:
            q.speaker = " ".join(lead[1:])  # فإن نتانياهو, even when the tagger took the particle into the name
        if "adjunct" not in skip:
            q.speaker = _cut_adjunct(q.speaker, ents)
        if "place" not in skip:
            q.speaker = _place_anaphor(q.speaker, q.cue_start, doc)
        if q.speaker not in cache:
            cache[q.speaker] = _canonical(q.speaker, doc, words, ents, skip)
        name, ent, why = cache[q.speaker]
        if why in ("same", "repaired") and name and "anaphora" not in skip:
            # one description stands for one referent within an article: resolved once, it is resolved
            # for its later quotes too (أب إسباني … named a sentence later; its next cue paragraphs away)
            found = described.get(name) or _antecedent(q, name, doc, quotes, ents)
            if found is None and "cataphora" not in skip:
                found = _named_later(q, name, doc, ents)
            if found is None and "holder" not in skip:
                found = _holder(q, name, doc, ents, quotes)
            if found is not None:
                described.setdefault(name, found)
            if found is not None:
                if not q.speaker_role and _key_of(name)[0] not in _LATTER:
                    q.speaker_role = name
                elif q.speaker_role and "tailname" not in skip and len(_key_of(found[0])) >= 2:
                    # the reader's role kept the name at its end (… في "ويتشيتا" عبدالرحمن العتيبي): the office
                    role = q.speaker_role.split()
                    n = len(_key_of(found[0]))
                    if len(role) > n and _key_of(" ".join(role[-n:])) == _key_of(found[0]):
                        q.speaker_role = " ".join(role[:-n])
                q.speaker, q.speaker_entity_id = found
                continue
        if why == "same":
            if "plural" not in skip:
                q.speaker = _nominative(q.speaker, ents)
            continue
        if why == "description" and not q.speaker_role:
            q.speaker_role = q.speaker
        q.speaker = name
        if name is None:  # the role read beside a junk subject is usually right (المتحدث باسمه → المتحدث)
            q.speaker_entity_id = None
        elif ent is not None:
            q.speaker_entity_id = ent.entity_id
        elif why == "repaired" and "plural" not in skip:
            q.speaker = _nominative(name, ents)
    if "alias7" not in skip:
        _one_name_per_body(doc, quotes)
    if "spelling7" not in skip:
        _first_spellings(doc, quotes, words)


def _ent_keys(e: Entity) -> tuple[str, ...]:
    return _key_of(e.text)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    if n == 0 or n > len(longer):
        return False
    if n == 1:  # (most speaker and entity keys are one or two words: no slices for them)
        return shorter[0] in longer
    first = shorter[0]
    return any(longer[i] == first and longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _canonical(speaker: str, doc: Doc, words: _Words, ents: list[Entity],
               skip: frozenset[str] = frozenset()) -> tuple[str | None, Entity | None, str]:
    """(new speaker, its entity, why) for one speaker string; why is same/description/fuller/junk/repaired."""
    key = _key_of(speaker)
    if not key:
        return speaker, None, "same"
    tagged = _may_hold(key, ents) and any(_contains(_ent_keys(e), key) for e in ents)
    if not tagged:
        named = _apposition_name(key, speaker.split(), doc, words, ents)
        if named is not None:
            return _ent_name(named), named, "description"
        repaired = _repair(speaker, doc.text, ents, doc.entities)
        if repaired != speaker:
            if repaired is not None and "variant" not in skip:
                # what is left may be a surname in another spelling (فإن نتانياهو → بنيامين نتنياهو)
                variant = _variant_name(_key_of(repaired), ents)
                if variant is not None and not any(_contains(_ent_keys(e), _key_of(repaired)) for e in ents):
                    return variant[0], variant[1], "fuller"
            return repaired, None, ("junk" if repaired is None else "repaired")
    fuller = _fuller_name(key, ents)
    if fuller is not None:
        return fuller[0], fuller[1], "fuller"
    restored = _restore_lam(speaker, doc, words)
    if restored is not None:
        return restored, None, "fuller"
    if "variant" not in skip:
        variant = _variant_name(key, ents)
        if variant is not None:
            return variant[0], variant[1], "fuller"
    return speaker, None, "same"


def _restore_lam(speaker: str, doc: Doc, view: _Words) -> str | None:
    """A name whose first letter the tagger split off as a clitic (ل، و، ف، ب، ك): when the text writes
    the name only with that letter glued on, in a slot where the letter cannot be a clitic, the letter
    is the name's (اري بيدج for لاري بيدج, اين بوشهورن for واين بوشهورن after «مفوض الشرطة»)."""
    words = [normalize(w) for w in speaker.split()]
    # a person's name only: a body or role (بيان لوزارة الدفاع) takes ل as a preposition
    if len(words) < 2 or len(words[0]) < 3 or words[0].startswith("ال") or _is_head(speaker.split()[0], _heads()[0]):
        return None
    toks, norms = doc.tokens, view.norms
    heads, verbs = _heads()
    titles = _titles()
    tagged = any(e.type == "PER" and normalize(e.text).startswith(words[0] + " ") for e in doc.entities)
    first_names = load_lexicon().first_names
    glued: dict[str, int] = {}
    bare = 0
    n = len(words)
    second = words[1]
    for i in range(len(toks) - n + 1):
        first = norms[i]
        if norms[i + 1] != second or list(norms[i + 1:i + n]) != words[1:]:  # (the cheap test first)
            continue
        if first == words[0]:
            bare += 1
            continue
        letter = first[:1]
        if first[1:] != words[0] or letter not in _NAME_INITIALS:
            continue
        prev = toks[i - 1] if i else None
        before = normalize(prev.text) if prev else ""
        if letter == "ل":
            # the name's own ل stands where a subject does: after a comma or a sentence start (…، لورد
            # كارلايل، وصف) or a reporting verb other than قال (وأعلن لاري بيدج); elsewhere it is the
            # preposition (خلفا لبوريس جونسون، وفقاً لسور غول، وقال لـ…: said to)
            stem = before[1:] if before[:1] in ("و", "ف") and before[1:] in verbs else before
            slot = prev is None or prev.text in ("،", ",", ".", "\n") or (stem in verbs and not stem.startswith("قال"))
        else:
            # و/ف/ب/ك open a clause or a phrase, so only right after a title or a role noun
            # (الدكتور فوزان، مفوض الشرطة واين) is the letter the name's; and never when the bare
            # first word is itself a common first name (الرئيس ومحمد علي: «and Muhammad»)
            # … nor after a name (والدة إليزابيث وجدة غريس: "and") or before a kin noun or a role
            slot = (tagged and prev is not None and prev.kind == "word" and words[0] not in first_names
                    and not any(e.start <= prev.start < e.end for e in doc.entities)
                    and words[0].rstrip("ه") not in _SUFFIXED_SPEAKERS and words[0] not in heads
                    and before not in verbs and (before in titles or _is_head(prev.text, heads)
                                                 or (before.startswith("ال") and len(before) > 3)))
        if slot:
            glued[letter] = glued.get(letter, 0) + 1
        else:
            bare += 1
    if bare or len(glued) != 1:
        return None
    (letter,) = glued
    return letter + speaker


#: First letters of names that also spell a clitic (لاري، واين، فوزان، باسل، كمال).
_NAME_INITIALS = ("ل", "و", "ف", "ب", "ك")


# -- (d) a document as speaker: its issuer, or no one ------------------------------------------------

#: Documents that "say" (وقال البيان، وأشارت البيانات، وجاء في الرسالة): their issuer is the speaker.
_DOCUMENT_NOUNS = frozenset(normalize(w) for w in """
بيان بيانات تغريدة تغريدات رسالة رسائل تقرير تقارير وثيقة وثائق دراسة مذكرة منشور تدوينة تصريح
خطاب كتاب برقية بلاغ نشرة تحليل تعميم
""".split())
#: Verbs that issue a document; their subject is the issuer (أصدر الجيش بيانا، كتب X تغريدة).
_ISSUING_VERBS = frozenset(normalize(w) for w in """
أصدر أصدرت نشر نشرت كتب كتبت غرد غردت وجه وجهت أرسل أرسلت بعث بعثت وقع وقعت أعد أعدت وزع وزعت
سارع سارعت قدم قدمت رفع رفعت
""".split())
#: Words that may stand between a document and its issuer (بيان رسمي صادر عن …، البيان الصادر من …).
_DOCUMENT_LINKS = frozenset(normalize(w) for w in "رسمي رسمية صادر صادرة الصادر الصادرة صدر صدرت مشترك مشتركة الوارد".split())
#: Words between a post and its author's name (تغريدة عبر حساب X، تدوينة على صفحة X الرسمية).
_ACCOUNT_WORDS = frozenset(normalize(w) for w in "عبر على حساب صفحة موقع الرسمي الرسمية".split())
#: Documents sent by someone: من names the sender (رسالة من X); for the others it names a source
#: of the contents (بيانات من فيسبوك) unless a link word stands before it (صادر من X).
_SENT_DOCUMENTS = frozenset(normalize(w) for w in "رسالة رسائل برقية خطاب".split())
#: Documents whose genitive is their author (بيان الداخلية، رسالة الوزير); a report's or data's
#: genitive is as often their topic (تقرير التنمية، بيانات التجارة).
_AUTHORED_DOCUMENTS = frozenset(normalize(w) for w in "بيان رسالة تغريدة مذكرة خطاب بلاغ برقية تدوينة منشور تعميم".split())
#: Groups of people that issue statements without being a body (أصدرت قبائل المنطقة بيانا).
_COLLECTIVES = frozenset(name_key(w) for w in "قبائل عشائر عائلات أهالي أسر وجهاء".split())
#: Days and time words between a document and its issuer (بيان صدر السبت عن المجلس).
_TIME_WORDS = frozenset(normalize(w) for w in """السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة أمس الأمس اليوم
مساء صباح المساء الصباح الليلة الأسبوع الشهر العام السنة الماضي الأخير الأخيرة""".split())


@lru_cache(maxsize=1 << 16)  # asked for every word near each document quote: words repeat
def _doc_stem(word: str) -> str | None:
    """The document noun a word spells, clitics, article, tanween and a possessive aside (ببيان، بيانها)."""
    for _, stem in clitic_candidates(word):
        w = normalize(stem)
        w = w[2:] if w.startswith("ال") else w
        for cut in ("", "ا", "ها", "ه", "هم"):
            base = w[:-len(cut)] if cut and w.endswith(cut) else w
            if (not cut or w.endswith(cut)) and base in _DOCUMENT_NOUNS:
                return base
    return None


def _governed(e: Entity, toks: list, titles: frozenset[str]) -> bool:
    """Whether a preposition or a verbal noun with ب/ل governs the entity (بتحذير ترامب، مع الوزير): an
    object, not the clause's subject."""
    k = next((i for i, t in enumerate(toks) if t.start == e.start), 0) - 1
    while k >= 0 and normalize(toks[k].text) in titles:
        k -= 1
    if k < 0 or toks[k].kind != "word":
        return False
    w = normalize(toks[k].text)
    return w in _ADJUNCT_OPENERS or w in ("الى", "مع", "ب", "ل", "لـ") or (len(w) > 3 and w[0] in "بل" and not w.startswith("ال"))


def _strip_conj(word: str, verbs: frozenset[str]) -> str:
    """A verb without its و/ف (وأصدرت، فكتب)."""
    return word[1:] if word[:1] in ("و", "ف") and word[1:] in verbs else word


def _document_noun(speaker: str) -> bool:
    """A speaker string that is a bare document (البيان، تغريدة، البيان الوارد), not a body or a person."""
    words = speaker.split()
    if len(words) == 3 and "docs" not in _skip() and words[0].startswith("ال") and normalize(words[1]).startswith("ال") \
            and normalize(words[2]) in _DOCUMENT_LINKS:
        words = words[:2]  # التحليل الأسبوعي الصادر (عن …): the reader stopped at عن
    if 2 <= len(words) <= 3 and "docs7" not in _skip() and _doc_stem(words[0]) is not None \
            and not words[0].startswith("ال") and _indefinite_nisba(words[1]) \
            and (len(words) == 2 or normalize(words[2]) in _DOCUMENT_LINKS):
        return True  # تقرير حقوقي، دراسة أمريكية صادرة (عن …)
    return 0 < len(words) <= 2 and _doc_stem(words[0]) is not None and (
        len(words) == 1 or normalize(words[1]) in _DOCUMENT_LINKS
        or (words[0].startswith("ال") and normalize(words[1]).startswith("ال")))  # البيان الختامي


def _indefinite_nisba(word: str) -> bool:
    """An adjective of relation with no article (حقوقي، أمريكية، أممي): what kind of document, not whose."""
    w = normalize(word)
    return not w.startswith("ال") and len(w) >= 4 and w.endswith(("ي", "يه"))


def _construct_issuer(speaker: str) -> str | None:
    """The genitive of a document in construct (بيان البطولة → البطولة، بيان الإليزيه), if any."""
    words = speaker.split()
    # only a definite genitive: دراسة بريطانية، بيانات عام 2015 are an adjective and a date
    stem = _doc_stem(words[0]) if len(words) == 2 else None
    if stem is not None and not words[0].startswith("ال") \
            and (stem in _AUTHORED_DOCUMENTS or _is_head(words[1], _body_heads())) and words[1].startswith("ال") \
            and normalize(words[1]) not in _DOCUMENT_LINKS | _TIME_WORDS and not _document_noun(words[1]):
        # (بيان الأمس: a date, not an issuer)
        return words[1]
    if (2 < len(words) <= 5 and "docs" not in _skip() and _doc_stem(words[0]) is not None and not _has_article(words[0])
            and name_key(words[1]) in _KIND_HEADS | _BODY_NOUNS and normalize(words[2]).startswith("ال")):
        return " ".join(words[1:])  # تقرير فريق الإحصاء بالمهرجان → the team that wrote it
    return None


def _issuer(q: Quote, doc: Doc) -> Entity | str | None:
    """The body or person that issued the document a quote is credited to: named after the document
    (بيان صادر عن X، بيان لـX، البيان الصادر من X، بيان X) or as the subject of the sentence that issued it
    (أصدر X بيانا، كتب X … تغريدة، سارع X … في بيان), at the nearest mention of that document before or at
    the cue. None for data no one is named beside (وأشارت البيانات …); ``_UNRESOLVED`` otherwise."""
    stem = _doc_stem(q.speaker.split()[0]) if q.speaker else None
    toks = doc.tokens
    ents = [e for e in doc.entities if e.type in ("PER", "ORG", "LOC", "GPE")]
    starts = {e.start: e for e in ents}
    lo = max(0, q.cue_start - 2000)
    hi = max(q.start, q.cue_start + len(q.cue) + 30)  # a quote before its cue: «…، وفقا لبيان صادر عن X»
    mentions = [i for i, t in enumerate(toks) if lo <= t.start < hi and t.kind == "word" and _doc_stem(t.text) == stem]
    heads = _heads()[0]
    verbs = _heads()[1] | _ISSUING_VERBS
    titles = _titles()
    for i in reversed(mentions):
        # after the document: links, then عن/من/لـ or the construct's genitive
        j = i + 1
        linked = False
        while j < len(toks) and j < i + 6 and (toks[j].text in ("،", ",") or normalize(toks[j].text) in _DOCUMENT_LINKS
                                               or normalize(toks[j].text) in _ACCOUNT_WORDS
                                               or normalize(toks[j].text) in _TIME_WORDS
                                               or (j == i + 1 and "docs" not in _skip() and _has_article(toks[j].text)
                                                   and _has_article(toks[i].text) and j + 1 < len(toks)
                                                   and normalize(toks[j + 1].text) in _DOCUMENT_LINKS)):
            # (التحليل الأسبوعي الصادر عن X: an adjective between the document and its link)
            linked = linked or normalize(toks[j].text) in _DOCUMENT_LINKS | _ACCOUNT_WORDS
            j += 1
        prep = normalize(toks[j].text) if j < len(toks) else ""
        if prep == "من" and not (linked or stem in _SENT_DOCUMENTS):
            prep = "-"  # بيانات من فيسبوك: data drawn from it, not issued by it
        if prep in ("عن", "من", "ل", "لـ"):
            j += 1
        while j < len(toks) and j < i + 8 and toks[j].start not in starts and normalize(toks[j].text) in titles:
            j += 1  # عبر حساب الشيخ فلان
        if stem == "بيانات" and not linked:
            prep = "-"  # بيانات فيسبوك: data about, not a statement by (only «صادرة عن» names an issuer)
        if j < len(toks) and prep != "-":
            e = starts.get(toks[j].start)
            if e is None and normalize(toks[j].text)[:1] == "ل":  # لوزارة الدفاع: the tagger's span starts after ل
                e = next((e for e in ents if toks[j].start < e.start < toks[j].end), None)
            if (e is None or e.type not in ("PER", "ORG")) and len(normalize(toks[j].text)) > 3 \
                    and normalize(toks[j].text)[0] == "ل" and _is_head(toks[j].text, heads) and j + 1 < len(toks):
                # تقرير لصحيفة "دي فيلت"، بيان لوزير الإعلام، عواد العواد: the body or person the head
                # (with its complement) introduces
                k = j + 1
                while k < len(toks) and k < j + 5 and (toks[k].start not in starts or starts[toks[k].start].type
                                                        not in ("PER", "ORG")) and normalize(toks[k].text) not in verbs:
                    k += 1
                e = starts.get(toks[k].start) if k < len(toks) else None
                e = e if e is not None and e.type in ("PER", "ORG") else None
                office = next((_bare(st) for _, st in clitic_candidates(toks[j].text) if _role_head_word(st)), None)
                if e is None and "issuer" not in _skip() and office:
                    # بيان للمتحدثة، …: the office alone, its holder introduced with it before
                    held = _role_match(office, [], True, doc, [], max(0, toks[i].start - _ANAPHORA_WINDOW), toks[i].start)
                    if held is not None:
                        return held[0]
            if e is not None and (e.type in ("PER", "ORG") or prep in ("عن", "من")):
                return e
            if e is None and prep not in ("عن", "من", "ل", "لـ") and "issuer" not in _skip() \
                    and stem in _AUTHORED_DOCUMENTS and not _has_article(toks[i].text) and _role_head_word(toks[j].text) \
                    and not _has_article(toks[j].text):
                # a document in construct with an untagged office (تعميم وزير التعليم): the office
                span = [toks[j]]
                for k in range(j + 1, min(j + 4, len(toks))):
                    if toks[k].kind != "word" or not _has_article(toks[k].text) or normalize(toks[k].text) in _DOCUMENT_LINKS:
                        break
                    span.append(toks[k])
                if len(span) > 1:
                    return doc.text[span[0].start:span[-1].end]
            if e is None and linked and prep in ("عن", "من"):
                # an untagged body: صادر عن الديوان الملكي، صادر عن الحزب
                span = []
                for k in range(j, min(j + 4, len(toks))):
                    w = normalize(toks[k].text)
                    if toks[k].kind != "word" or w in _FUNCTION_WORDS or w in _ADJUNCT_OPENERS or w.startswith(("فان", "بان")) or w in verbs:
                        break
                    span.append(toks[k])
                if span and (span[0].text.startswith("ال") or _is_head(span[0].text, _body_heads())):
                    # a tagged name inside runs to its end (مكتب وزير الدفاع أفيغدور ليبرمان)
                    end = max([span[-1].end] + [e.end for e in ents if span[0].start <= e.start < span[-1].end])
                    return doc.text[span[0].start:end]
        sent = next((s for s in doc.sentences if s.start <= toks[i].start < s.end), None)
        if sent is None or i == sent.tok_start or stem == "بيانات":  # data name no author by their clause
            continue
        # the clause's subject: a body or person within the sentence's first words (كما أعرب ماكرون، من
        # جانبه، نشر رئيس الهيئة، فلان،) — never an object further on (بتحذير ترامب في رسالة)
        head = min(sent.tok_start + 5, i)
        opening = [starts[toks[k].start] for k in range(sent.tok_start, head) if toks[k].start in starts]
        subjects = [e for e in opening if e.type in ("PER", "ORG") and not _governed(e, toks, titles)]
        # «X … في بيان» / «في بيانه»: the clause's subject said it in the document
        said_in = normalize(toks[i].text).startswith(("في", "ب"))
        if said_in and "issuer" not in _skip() and normalize(toks[i].text).startswith(stem or "\x00"):
            said_in = False  # بيانا، بيانات: the noun's own ب, not the preposition (ببيان، بالبيان)
        if normalize(toks[i - 1].text) == "في" or said_in:
            if subjects:
                return subjects[0]
            continue
        # an issuing or reporting verb among the sentence's first words, and its subject (كتب رئيس
        # الهيئة، فلان، تغريدة: the first person before the document)
        verb_at = next((k for k in range(sent.tok_start, head) if _strip_conj(normalize(toks[k].text), verbs) in verbs), None)
        if verb_at is None:
            continue
        after_verb = [e for e in subjects if e.start > toks[verb_at].start]
        persons = [starts[toks[k].start] for k in range(verb_at + 1, i)
                   if toks[k].start in starts and starts[toks[k].start].type == "PER"]
        if after_verb or persons:
            return after_verb[0] if after_verb else persons[0]
        # an untagged body right after the verb, up to a comma or the document (ونشرت مؤسسة دعم
        # الديمقراطية الأميركية دراسة، ونشر مجلس السرطان …، وهي …، هذه الدراسة)
        span = []
        for k in range(verb_at + 1, i):
            if toks[k].kind != "word" or normalize(toks[k].text) in _DEMONSTRATIVES | _ADJUNCT_OPENERS:
                break
            span.append(toks[k])
        if 2 <= len(span) <= 6 and (_is_head(span[0].text, _body_heads())
                                     or ("issuer" not in _skip() and name_key(span[0].text) in _COLLECTIVES)) \
                and span[0].text.startswith(("ال", span[0].text[:1])) and _doc_stem(span[-1].text) is None:
            return doc.text[span[0].start:span[-1].end]
    # no issuer found. Only data (وأشارت البيانات) are authorless by default, when no body or person is
    # named near them; any other document is left as the reader found it — on unlabelled news "no one"
    # was wrong in 8 of 12 such changes (the issuer was named in a form these patterns miss: بحسب ما
    # ذكرته بلومبرغ، لتقرير دورية "لانست"، بحسب بيان لمنظمة (…))
    if stem != "بيانات":
        if "docs7" not in _skip() and stem is not None:
            # the same document's issuer named at another of its mentions (وقالت الدراسة … وأوضحت الدراسة
            # التي نشرها معهد X، كشف تقرير حقوقي … ووثق التقرير الصادر عن مركز X)
            named = {}
            for i, t in enumerate(toks):
                if t.kind == "word" and _doc_stem(t.text) == stem:
                    got = _issued_by(toks, i, starts, doc)
                    if got is not None:
                        named.setdefault(_key_of(_ent_name(got) if isinstance(got, Entity) else got), got)
            if len(named) == 1:
                return next(iter(named.values()))
        return _UNRESOLVED
    cue_sent = next((k for k, s in enumerate(doc.sentences) if s.start <= q.cue_start < s.end), None)
    near = [s for s in doc.sentences if any(s.start <= toks[i].start < s.end for i in mentions)]
    if cue_sent:
        near.append(doc.sentences[cue_sent - 1])
    if any(s.start <= e.start < s.end and e.type in ("PER", "ORG") and not (q.start <= e.start < q.end)
           for s in near for e in ents):
        return _UNRESOLVED
    # data with a source the patterns do not read: بيانات الجمارك، بيانات من إدارة معلومات الطاقة
    for i in mentions:
        nxt = normalize(toks[i + 1].text) if i + 1 < len(toks) and toks[i + 1].kind == "word" else ""
        if nxt in ("من", "عن") or (nxt.startswith("ال") and not _definite(toks[i].text)):
            return _UNRESOLVED
    return None


#: A relative pronoun, then an issuing verb with the document's pronoun (التي نشرها، الذي أعده، التي أجراها).
_RELATIVES = frozenset(normalize(w) for w in "الذي التي".split())
_RELATIVE_ISSUING = frozenset(normalize(w) for w in "نشر أعد أجرى أجرت أصدر وضع".split())


def _issued_by(toks: list, i: int, starts: dict[int, Entity], doc: Doc) -> Entity | str | None:
    """The issuer named right after a document's mention at token ``i`` by a link and عن/من (التقرير الصادر
    عن X) or by a relative clause with an issuing verb (الدراسة التي نشرها X): a tagged body or person, or
    an untagged body's words (a body head and the definite words after it); None otherwise."""
    j = i + 1
    if j + 2 >= len(toks) or toks[j].kind != "word":
        return None
    w = normalize(toks[j].text)
    if w in _DOCUMENT_LINKS and normalize(toks[j + 1].text) in ("عن", "من"):
        k = j + 2
    elif w in _RELATIVES and toks[j + 1].kind == "word":
        verb = normalize(toks[j + 1].text)
        verb = verb[:-2] if verb.endswith("ها") else verb[:-1] if verb.endswith("ه") else ""
        if verb not in _RELATIVE_ISSUING and verb.rstrip("ت") not in _RELATIVE_ISSUING:
            return None
        k = j + 2
    else:
        return None
    e = starts.get(toks[k].start)
    if e is not None:
        return e if e.type in ("PER", "ORG") else None
    span = []
    for m in range(k, min(k + 7, len(toks))):
        t = toks[m]
        # the name's words: definite ones, and a genitive with لـ (للأبحاث، لحقوق الإنسان)
        definite = _has_article(t.text) or t.norm.startswith("لل") or (
            t.norm.startswith("ل") and m + 1 < len(toks) and toks[m + 1].kind == "word" and _has_article(toks[m + 1].text))
        if t.kind != "word" or (m > k + 1 and not definite) or t.norm in _FUNCTION_WORDS or t.norm in _ADJUNCT_OPENERS:
            break
        span.append(t)
    if len(span) >= 2 and _is_head(span[0].text, _body_heads()) and _has_article(span[1].text):
        end = max([span[-1].end] + [e.end for e in starts.values() if span[0].start <= e.start < span[-1].end])
        return doc.text[span[0].start:end]
    return None


#: What ``_issuer`` returns when an issuer may be named in a form it cannot read.
_UNRESOLVED = "\x00unresolved"


# -- (e) a place that ends a role as speaker: the name after it, or no one --------------------------

def _place_speaker(speaker: str, doc: Doc) -> bool:
    """Whether the speaker is exactly a tagged place (الناطق باسم شرطة شرق | جاوا)."""
    return any(e.type in ("LOC", "GPE") and e.text == speaker for e in doc.entities) and not any(
        e.type in ("PER", "ORG") and e.text == speaker for e in doc.entities)


@lru_cache(maxsize=4096)
def _place_kinds(name: str) -> frozenset[str]:
    """The gazetteer's kinds for a place name (country, city, admin1, …); empty when unknown."""
    from .places import gkey, load_gazetteer  # the gazetteer loads once, only when a place speaks
    try:
        gaz = load_gazetteer()
    except Exception:  # no gazetteer: keep every place
        return frozenset()
    return frozenset(e.kind for e in gaz.keys.get(gkey(name), ()))


def _name_after_place(role: str, place: str, doc: Doc) -> Entity | None:
    """The one person the text names right after the role that ends in the place:
    «وقال الناطق باسم شرطة شرق جاوا، فرانس مانغيرا، إن …» — role, place, comma, name."""
    role_place = f"{role} {place}"
    found: dict[str, Entity] = {}
    at = doc.text.find(role_place)
    while at >= 0:
        k = at + len(role_place)
        rest = doc.text[k:k + 4]
        skip = len(rest) - len(rest.lstrip(" ،,"))
        if "،" in rest[:skip] or "," in rest[:skip]:
            e = next((e for e in doc.entities if e.type == "PER" and e.start == k + skip and len(e.text.split()) >= 2), None)
            if e is not None:
                found.setdefault(name_key(e.text), e)
        at = doc.text.find(role_place, k)
    return next(iter(found.values())) if len(found) == 1 else None


# -- (a) a description named in apposition ---------------------------------------------------------

def _apposition_name(key: tuple[str, ...], surface: list[str], doc: Doc, words: _Words,
                     ents: list[Entity]) -> Entity | None:
    """The one PER/ORG entity the text sets in apposition to the description ``key``, if exactly one.

    Only a description that refers back: a definite one (a word with ال or a possessive suffix:
    رجل الأعمال المصري، وكيلة أعماله), never an indefinite one that introduces someone new (طالب،
    مصدر آخر), a bare role word (رئيس) or a place or name the tagger knows (أستراليا، تويتر).
    """
    heads, verbs = _heads()
    if _may_hold(key, doc.entities) and any(_ent_keys(e) == key or (len(key) > 1 and _contains(_ent_keys(e), key))
                                            for e in doc.entities):
        return None
    definite = any(w.startswith("ال") or (len(w) > 4 and w.endswith(("ه", "ها", "هم"))) for w in surface)
    if len(key) == 1 and (key[0] not in heads or not definite):
        return None
    # a dual or plural (عالما الفلك، المدعون) describes more than the one name beside it
    head = normalize(surface[0])
    head = head[2:] if head.startswith("ال") else head
    if key[0] not in heads and len(head) > 4 and (head.endswith(("ان", "ون", "ين"))
                                                   or (head.endswith("ا") and len(surface) > 1 and surface[1].startswith("ال"))):
        return None
    # a body's description is named by an ORG, a person's by a PER of two words or more
    # (مكتب المستشارة الألمانية أنجيلا ميركل names the chancellor, not her office)
    want = "PER"
    if key[0] in _body_heads():
        # a body's own name (وكالة السودان للأنباء، لجنة الانضباط) is no description; only a generic
        # head with at most a nisba (المصرف الأميركي، الوكالة، صحيفة "لوموند") stands for a named body
        if key[0] not in _GENERIC_BODIES or len(key) > 2:
            return None
        want = "ORG"
    elif not definite:
        return None
    def fits(e: Entity) -> bool:
        return e.type == want and (want == "ORG" or len(e.text.split()) >= 2)
    starts = {e.start: e for e in ents if fits(e)}
    ends = {e.end: e for e in ents if fits(e)}
    titles = _titles()
    toks = doc.tokens
    found: dict[str, Entity] = {}
    n = len(key)
    for i in words.at_key(key[0]):  # (the runs that start with the description's first word)
        if words.keys[i:i + n] != key:
            continue
        first, last = words.tok_index[i], words.tok_index[i + n - 1]
        if last - first != n - 1:  # punctuation inside the run: not one phrase
            continue
        # the tail of a longer role (المتحدث باسم وزارة الخارجية بهرام قاسمي, ورئيس الديوان الملكي
        # فايز الطراونة) is not the description the name stands beside
        if first > 0 and toks[first - 1].kind == "word" and _is_head(toks[first - 1].text, heads):
            continue
        if want == "ORG":
            # the tagger took the head into the name (صحيفة لوموند)
            e = next((e for e in ents if e.type == "ORG" and e.start == toks[first].start and e.end > toks[last].end), None)
            if e is not None:
                found.setdefault(name_key(_ent_name(e)), e)
                continue
        # after: DESC [لـ"its body"] [،] [titles or a role word] NAME
        # (المديرة العامة لـ"أوكس" باسكال …، مقرر مجلس النواب، النائب صالح قلمة)
        e = _name_after(last + 1, toks, starts, ents, titles, heads, verbs)
        if e is not None:
            found.setdefault(name_key(_ent_name(e)), e)
            continue
        if want == "ORG" and not _definite(toks[first].text):
            return None  # صحيفة ذي وال ستريت …: an untagged body introduced with the same head
        # before: NAME ، DESC  or  NAME (DESC
        k = first - 1
        if want == "PER" and k >= 1 and toks[k].text in ("،", ",", "(", "-", "–"):
            e = ends.get(toks[k - 1].end)
            if e is not None and not _contains(_ent_keys(e), key):
                found.setdefault(name_key(_ent_name(e)), e)
    if len(found) != 1:
        return None
    (e,) = found.values()
    return e if len(_ent_name(e)) >= 3 else None  # a two-letter tag (سي) is a fragment, not a name


def _definite(word: str) -> bool:
    """Whether a word carries the article, clitics aside (الصحيفة، والصحيفة، بالصحيفة)."""
    return any(stem.startswith("ال") for _, stem in clitic_candidates(word)) or word.startswith("ال")


@lru_cache(maxsize=8192)
def _is_head(word: str, heads: frozenset[str]) -> bool:
    """Whether ``word``, with or without its clitics (ورئيس، لوزير), is a role or body head, or باسم/لدى."""
    if normalize(word) in ("باسم", "لدى"):
        return True
    return any(normalize(stem) in heads or name_key(stem) in heads for _, stem in clitic_candidates(word))


def _name_after(j: int, toks: list, starts: dict[int, Entity], ents: list[Entity], titles: frozenset[str],
                heads: frozenset[str], verbs: frozenset[str]) -> Entity | None:
    """The entity that starts right after a description ending before token ``j``, if any."""
    # the description's own complement: a body after لـ (لـ"أوكس"), quote marks around it
    spans = [(e.start, e.end) for e in ents if e.type in ("ORG", "LOC", "GPE")]
    in_body = lambda t: any(s <= t.start < e for s, e in spans)  # noqa: E731
    limit = j + 5
    body_seen = False
    while j < len(toks) and j < limit and toks[j].start not in starts:
        t = toks[j]
        if t.text in ('"', "“", "”", "«", "»", "ـ"):
            j += 1
        elif t.kind == "word" and (in_body(t) or (not body_seen and normalize(t.text) in ("ل", "لـ"))):
            body_seen = body_seen or in_body(t)
            j += 1
        else:
            break
    comma = j < len(toks) and toks[j].text in ("،", ",")
    j += comma
    # titles (الدكتور، العقيد) may stand before the name; a role word only after the comma (، النائب
    # صالح قلمة) — with no comma it heads a new phrase (موفد خادم الحرمين الشريفين الملك سلمان …)
    while j < len(toks) and toks[j].kind == "word" and toks[j].start not in starts and (
            normalize(toks[j].text) in titles or (comma and toks[j].key in heads)):
        j += 1
    e = starts.get(toks[j].start) if j < len(toks) else None
    if e is None:
        return None
    # an addressee glued to its ل is no name (وقالت المرأة لراديو …، قال السفير لبي بي سي), nor is a
    # complement the tagger swallowed (ذكر المفتش العام بأن مكابي …)
    first = normalize(e.text.split()[0])
    if (first.startswith("ل") and first[1:] in load_lexicon().addressee_nouns) or first in _FUNCTION_WORDS \
            or first.startswith(("بان", "لان")):
        return None
    if not comma:
        return e
    # after a comma the name must close the apposition (، نجيب ساويرس، أنه), not open a clause
    # (وبحسب العفو الدولية، فان حماد (19 عاما) طعنت …)
    k = next((i for i in range(j, len(toks)) if toks[i].start >= e.end), len(toks))
    if k == len(toks) or toks[k].text in ("،", ",", ".") or normalize(toks[k].text) in verbs:
        return e
    return None


# -- (b) the fullest form of a partial name ----------------------------------------------------------

def _fuller_name(key: tuple[str, ...], ents: list[Entity]) -> tuple[str, Entity] | None:
    """The longest tagged PER form with the speaker's first and last word and its words in order."""
    if len(key) < 2:
        return None
    best: tuple[str, Entity] | None = None
    best_len = len(key)
    forms: set[tuple[str, ...]] = set()
    for e in ents:
        if e.type != "PER":
            continue
        for name in (_ent_name(e), e.text):
            form = _key_of(name)
            if len(form) <= len(key) or form[0] != key[0] or form[-1] != key[-1] or not _in_order(key, form):
                continue
            forms.add(form)
            if len(form) > best_len:
                best, best_len = (name, e), len(form)
    # two fuller forms that do not extend each other (different middle names): no single canonical
    if best is not None:
        top = _key_of(best[0])
        if any(not _in_order(f, top) for f in forms):
            return None
    return best


def _in_order(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    it = iter(long_)
    return all(w in it for w in short)


def _ent_name(e: Entity) -> str:
    """The tagger's canonical name, unless it shares no word with the tagged text (a wrong merge)."""
    if set(_key_of(e.canonical)) & set(_key_of(e.text)):
        return e.canonical
    return e.text


# -- (c) junk strings ---------------------------------------------------------------------------------

def _repair(speaker: str, text: str, ents: list[Entity], all_ents: list[Entity]) -> str | None:
    """The speaker with a leading particle stripped, cut before a bad word, or None when nothing is left."""
    words = speaker.split()
    if len(words) == 1 and any(f"{o}{speaker}{c}" in text for o, c in ('""', "“”", "«»")):
        return speaker  # a quoted name (متحدثة باسم "كان") is a name, whatever it spells
    surface = [w.translate(_TATWEEL_AND_MARKS) for w in words]
    # a glued preposition, alone or opening quoted words (بـ، بـ"الكارثي"): the object of the verb
    # before the cue (وصف الاتفاق بـ"الكارثي"، وقال), never its subject
    if surface[0] in _GLUED_PREPS or (surface[0][:1] in _GLUED_PREPS and surface[0][1:2] in _MARKS):
        return None
    # a closing mark with no opener before it ends the name (ويتابع أنبار" أستطيع): what follows is the quote
    for i, w in enumerate(words[:-1]):
        if w[-1:] in _MARKS and w[:1] not in _MARKS and sum(x.count(m) for x in words[:i] for m in _MARKS) % 2 == 0:
            words = words[:i + 1]
            words[-1] = words[-1].rstrip(_MARKS)
            return _repair(" ".join(words), text, ents, all_ents)
    # a mark opened and never closed, in the string or right after it in the text, over four words or
    # more is the quotation itself (مصادر غربية "توتر ينذر بحرب …): the speaker is what stands before it;
    # a name in marks is closed (شركة "سويم سوتس فور أول") or short (بنك " اتش اس بي سي)
    opened = next((i for i, w in enumerate(words) if w[:1] in _MARKS), None)
    if (opened is not None and sum(len(w) >= 3 for w in words[opened:]) >= 4
            and sum(w.count(m) for w in words[opened:] for m in _MARKS) == 1
            and not any(f"{speaker}{c}" in text for c in _MARKS)):
        return _repair(" ".join(words[:opened]), text, ents, all_ents) if opened else None
    if len(words) > 1 and normalize(surface[-1]) in _SAYING_SUFFIXED:
        return _repair(" ".join(words[:-1]), text, ents, all_ents)
    norm = [normalize(w) for w in surface]
    heads, verbs = _heads()
    stripped = False
    if len(surface) > 1 and surface[0] in _GLUED_THAT:  # فإن نتنياهو: the particle of the clause, not the name
        words, surface, norm = words[1:], surface[1:], norm[1:]
        stripped = True
    for particle in _LEADING_PARTICLES:
        if tuple(norm[:len(particle)]) == particle and len(norm) > len(particle):
            words, surface, norm = words[len(particle):], surface[len(particle):], norm[len(particle):]
            stripped = True
            break
    # a demonstrative before a definite noun is an anaphor (وأكد هذا المحامي) or, after a plural in
    # construct, a genitive (منتقدو هذه الخطوة)
    def demonstrative_ok(i: int) -> bool:
        return (norm[i] in _DEMONSTRATIVES and i + 1 < len(norm) and norm[i + 1].startswith("ال")
                and (i == 0 or (i == 1 and norm[0].endswith(("و", "ي")))))
    def in_name(i: int) -> bool:
        """إن among spelled letters is an acronym (شركة آر إن سي، إن بي سي)، words inside quotation marks
        are a name ("بي إن سبورتس")، and كان after a naming noun is Cannes (مهرجان كان)."""
        letters = lambda j: 0 <= j < len(norm) and len(norm[j]) <= 2 and norm[j] not in _ADJUNCT_OPENERS  # noqa: E731
        if norm[i] == "ان" and (letters(i - 1) or (i == 0 and letters(i + 1))):
            return True
        before = " ".join(words[:i])
        if sum(before.count(m) for m in '"“”«»') % 2 == 1:
            return True
        return i > 0 and norm[i] == "كان" and normalize(surface[i - 1]) in load_lexicon().naming_nouns
    bad = next((i for i in range(len(words)) if not demonstrative_ok(i) and not in_name(i)
                and _bad_word(surface[i], norm[i], i, len(words), verbs)), None)
    if bad is None:
        if len(words) == 1 and (norm[0] in _BARE_NOT_SPEAKERS or (stripped and not _supported(words, heads, ents))):
            return None  # قناة alone; إذ أظهرت → أظهرت
        return " ".join(words) if stripped else speaker
    if bad == 0:
        return None
    if norm[bad] in ("ما", "ماذا"):  # the object of the cue follows its subject (وتصف الولايات المتحدة ما …)
        kept = words[:bad]
        # a tagged place or name opening it is the subject (اعترفت إسرائيل رسميا بتدميرها ما …)
        for n in range(len(kept), 0, -1):
            if any(_ent_keys(e) == _key_of(" ".join(kept[:n])) for e in all_ents):
                return " ".join(kept[:n])
        return " ".join(kept) if kept[0].startswith("ال") or _supported(kept, heads, ents) else None
    if norm[bad] in _PRONOUN_PREPS and bad >= 2:  # a relative clause's verb and its resumptive (دراسة قام بها …)
        bad -= 1
    # an adjunct opened just before the bad word goes too (العائلة في ذلك الوقت → العائلة)
    prep = next((i for i in (bad - 1, bad - 2) if i > 0 and norm[i] in _ADJUNCT_OPENERS), None)
    if prep is not None:
        kept = words[:prep]
        if _supported(kept, heads, ents) or kept[0].startswith("ال"):
            return " ".join(kept)
        return None
    kept = words[:bad]
    return " ".join(kept) if _supported(kept, heads, ents) and (len(kept) > 1 or stripped) else None


def _supported(words: list[str], heads: frozenset[str], ents: list[Entity]) -> bool:
    """Whether a cut speaker still names someone: a tagged name, or a phrase that opens with a head noun."""
    key = _key_of(" ".join(words))
    return bool(key) and (any(_contains(_ent_keys(e), key) for e in ents) or key[0] in heads)


def _bad_word(surface: str, norm: str, i: int, n: int, verbs: frozenset[str]) -> bool:
    """A word no speaker phrase holds at position ``i`` of ``n``: a function word, an inflected verb
    ending a clause (… تلقت، … سيعلنان), or, alone, a pronoun-suffixed noun or verb (هويته، بسجنه)."""
    if norm in _FUNCTION_WORDS:
        return norm != "ان" or surface in ("أن", "إن")  # آن is a name (آن أرونديل)
    if i == n - 1 and i > 0 and norm in verbs and norm.endswith(("ت", "ان", "ون", "وا")):
        return True
    if n > 1:  # أحد معجبيها، سفارات بلادها: a suffix inside a longer description is a possessive
        return False
    # a definite noun takes no possessive suffix (المتهم); names end in يه/اه (أندريه، نواه) and الله;
    # a plural in construct with a pronoun is people (مناهضوه، محاموه)
    if surface.startswith("ال") or surface.endswith(("الله", "لله", "يه", "اه", "وه")):
        return False
    for suffix in ("هما", "ها", "هم", "ه"):
        if surface.endswith(suffix) and len(surface) - len(suffix) >= 3:
            stem = normalize(surface[:-len(suffix)])
            # a dual in construct drops its ن (محامياها)
            return stem not in _SUFFIXED_SPEAKERS and not (stem.endswith("ا") and stem[:-1] in _SUFFIXED_SPEAKERS)
    return False


# -- (f) speaker forms: an adjunct glued to a name, case endings, spelling variants -------------------

def _cut_adjunct(speaker: str, ents: list[Entity]) -> str:
    """A tagged person followed by an adjunct the reader took into the subject (الغانم في برقيته، X خلال
    كلمته): the person. Descriptions keep their phrases (مصادر ميدانية في اليمن، الرجل في المقطع)."""
    words = speaker.split()
    for i in range(1, len(words) - 1):
        if normalize(words[i]) not in _ADJUNCT_OPENERS:
            continue
        key = _key_of(" ".join(words[:i]))
        if key and any(e.type == "PER" and _ent_keys(e) == key for e in ents):
            return " ".join(words[:i])
        break
    return speaker


#: Sound plurals in the nominative: the speaker is a clause's subject, whatever case the phrase had
#: where the reader met it (نقلا عن مراقبين أوروبيين → مراقبون أوروبيون، ممثلي الادعاء → ممثلو الادعاء).
_DEFECTIVE_SINGULARS = frozenset(normalize(w) for w in "محامي قاضي مستشفي مبني مقهي ملهي منفي مرمي معني".split())


def _nominative(speaker: str, ents: list[Entity]) -> str:
    """An untagged plural description with its accusative/genitive endings turned nominative: the head a
    participle or known plural (مراقبين، المسؤولين) and the nisba adjectives after it (أوروبيين)."""
    words = speaker.split()
    key = _key_of(speaker)
    if not words or (_may_hold(key, ents) and any(_contains(_ent_keys(e), key) for e in ents)):
        return speaker
    lex = load_lexicon()
    plurals = lex.plural_heads | lex.anonymous_heads
    head = normalize(words[0])
    bare = head[2:] if head.startswith("ال") else head
    construct = len(words) > 1 and normalize(words[1]).startswith("ال")
    participle = bare.startswith("م") and len(bare) >= 5
    if bare.endswith("ين") and not bare.endswith("يين") and ((participle and len(bare) >= 6) or head in plurals or bare in plurals):
        out = [words[0][:-2] + "ون"]
    elif (construct and head == bare and words[0].endswith("ي") and bare not in _DEFECTIVE_SINGULARS
          and (bare[:-1] + "و" in plurals or participle)):
        # (the surface ي: مستشفى، مبنى end in ى and are singular; محامي، قاضي are singular too)
        # a construct head never carries the article: المركزي المصري is a nisba adjective, not a plural
        out = [words[0][:-1] + "و"]  # ممثلي الادعاء، مسؤولي الوزارة: construct, the ن already dropped
        return " ".join(out + words[1:])
    else:
        return speaker
    # nisba adjectives agreeing with the head (أوروبيين، إيرانيين، المحليين)
    for w in words[1:]:
        nw = normalize(w)
        if nw.endswith("يين") and len(nw) >= 6:
            out.append(w[:-2] + "ون")
        else:
            out.extend(words[len(out):])
            break
    return " ".join(out)


def _skeleton(word: str) -> str:
    """A word's consonants: long vowels and hamza seats after the first letter dropped, doubles merged
    (نتانياهو ~ نتنياهو، فرانسيس ~ فرنسيس)."""
    w = normalize(word)
    out = w[:1] + "".join(c for c in w[1:] if c not in "اويىءئؤ")
    return "".join(c for i, c in enumerate(out) if i == 0 or c != out[i - 1])


def _variant_name(key: tuple[str, ...], ents: list[Entity]) -> tuple[str, Entity] | None:
    """The fuller tagged person a spelling variant of a surname stands for: the same letters without the
    space (لو دريان ~ جان إيف لودريان) or the same consonants (نتانياهو ~ بنيامين نتنياهو) as the
    fuller name's last words; only when exactly one fuller person fits."""
    if not key or len(key) > 2:
        return None
    joined = "".join(key)
    skel = _skeleton(joined)
    found: dict[tuple[str, ...], tuple[str, Entity]] = {}
    for e in ents:
        if e.type != "PER":
            continue
        name = _ent_name(e)
        form = _key_of(name)
        if len(form) < 2 or form == key or _contains(form, key):
            continue
        for k in (1, 2):
            if k >= len(form):
                break
            tail = "".join(form[-k:])
            if tail == joined or (len(key) == 1 and k == 1 and "spelling7" not in _skip() and (
                    _one_long_vowel_apart(joined, tail) or _one_long_vowel_apart(joined, normalize(name.split()[-1])))):
                found.setdefault(form, (name, e))
                break
            if (len(key) == 1 and k == 1 and len(skel) >= 4 and len(joined) >= 5
                    and _skeleton(tail) == skel and tail[:1] == joined[:1]):
                found.setdefault(form, (name, e))
                break
    if len(found) != 1:
        return None
    return next(iter(found.values()))


def _one_long_vowel_apart(a: str, b: str) -> bool:
    """Whether one word is the other with one long vowel written in (ملكي ~ مالكي، والدز ~ وايلدز): a name's
    spelling, not another word; the first letter must agree and the shorter form hold four letters."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 4 or len(long_) != len(short) + 1 or short[:1] != long_[:1]:
        return False
    # not at the end: a final vowel makes another word (سوري → سوريا)
    return any(long_[i] in "اوي" and long_[:i] + long_[i + 1:] == short for i in range(1, len(long_) - 1))


# -- (g) anaphora: a definite description refers back to a named person or body ----------------------

#: «الأخير» (the latter): the person last named as an object, not the clause's subject.
_LATTER = frozenset(("اخير", "اخيره"))
#: Heads that name the kind of a body (الشركة، النادي): the name after them is the body's own
#: (شركة آي بي إم → آي بي إم); other body heads make a sub-body with it (بعثة الأمم المتحدة).
_KIND_HEADS = frozenset(name_key(w) for w in """
شركة نادي فريق وكالة صحيفة موقع مجموعة منظمة مؤسسة مصرف بنك قناة شبكة مجلة حركة حزب جمعية منتخب
""".split())
#: Prepositions and relatives inside a person's description: it introduces someone (المتحدث باسم
#: الوزارة، مسؤول في الشركة), it does not refer back.
_INTRODUCING = frozenset(normalize(w) for w in "باسم في من لدى عن الذي التي ل لـ".split())
#: Bodies the lexicon's institution heads leave out.
_BODY_NOUNS = frozenset(name_key(w) for w in "بعثة سفارة قنصلية بلدية مديرية إدارة هيئة لجنة وزارة مفوضية عائلة أسرة معهد".split())
#: Adjectives that say nothing of a person's nationality or office (السابق، الدولي).
_BLAND_ADJECTIVES = frozenset(normalize(w) for w in "السابق السابقة الحالي الحالية الدولي الدولية العام العامة الأول الأولى الجديد الجديدة".split())
#: How far back (characters) an antecedent may be named.
_ANAPHORA_WINDOW = 2500


@lru_cache(maxsize=16384)
def _has_article(word: str) -> bool:
    """Whether a word carries the article, clitics aside, with a stem of three letters or more after it
    (والنادي، بالبعثة — not وكالة, whose «ك» + «الة» only looks like one)."""
    w = normalize(word)
    if w.startswith("ال") and len(w) >= 4:  # (الأب)
        return True
    return any(len(p) <= 2 and normalize(stem).startswith("ال") and len(stem) >= 5 for p, stem in
               ((word[:n], stem) for n, stem in clitic_candidates(word)))


@lru_cache(maxsize=16384)
def _bare(word: str) -> str:
    """A word without its clitics and article (والنادي → نادي), normalised."""
    w = normalize(word)
    for _, stem in clitic_candidates(word):
        st = normalize(stem)
        if st.startswith("ال") and len(st) > 3:
            return st[2:]
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _outside_quotes(pos: int, quotes: list[Quote]) -> bool:
    """Whether a position is outside every direct quote (a name said by someone in their own words is
    no antecedent of the narration; reported speech and «بحسب» clauses are the writer's words)."""
    return not any(q.direct and q.start <= pos < q.end for q in quotes)


def _feminine_cue(q: Quote) -> bool:
    w = normalize(q.cue.split()[-1]) if q.cue.split() else ""
    return w.endswith("ت") or (w.endswith("ه") and w[:1] == "م")  # قالت، أضافت؛ مضيفة، مشيرة


def _antecedent(q: Quote, speaker: str, doc: Doc, quotes: list[Quote],
                ents: list[Entity]) -> tuple[str, str | None] | None:
    """(name, entity id) of the person or body a definite description speaker refers back to, if one is
    clear: a body named before with the same head noun (البعثة الدولية → بعثة الأمم المتحدة، النادي
    المنافس → نادي X), the person last named as an object for «الأخير», or a person introduced with the
    description's head (الوزير الإيراني → ظريف «وزير الخارجية الإيراني»; الصحفي → «الصحافي … X»), else,
    for a role word with at most adjectives or a genitive (المسؤول الدولي، أسطورة الكرة الفرنسية), the
    person who spoke last, when that was a named person."""
    words = speaker.split()
    key = _key_of(speaker)
    if not words or len(words) > 6:
        return None
    norm = [normalize(w) for w in words]
    first = norm[0]
    # the article on the head, or a construct: the genitive right after it, or after a second role word
    # (نائب رئيس الفيفا); a preposition glued to the next word (مسؤول بالبحرية) makes no construct
    definite = _has_article(words[0]) or (len(words) >= 2 and not first.startswith("ال") and (
        norm[1].startswith("ال") or (len(words) >= 3 and norm[1] in _heads()[0] and norm[2].startswith("ال"))))
    if not definite or first in _FUNCTION_WORDS or _doc_stem(words[0]) is not None:
        return None
    bare_head = len(key) == 1 and "alias" not in _skip() and _has_article(words[0]) and (
        key[0] in _body_heads() or name_key(_bare(words[0])) in _KIND_HEADS | _BODY_NOUNS)
    if _may_hold(key, doc.entities) and any(_ent_keys(e) == key if bare_head else _contains(_ent_keys(e), key)
                                            for e in doc.entities):
        return None  # a tagged name (a body's bare head inside a longer tagged name is no name: اللجنة)
    head = _bare(words[0])
    lex = load_lexicon()
    if first in _titles() or "ال" + head in _titles():
        return None  # الدكتور بصفر: a title and a name, not a description
    cut = q.cue_start
    lo = max(0, cut - _ANAPHORA_WINDOW)
    if first.startswith("ال"):
        # one noun phrase: after a definite head every word is definite until a preposition opens a phrase
        # (النادي المنافس في الدرجة الرابعة); «الرئيس وسائل الإعلام» is a subject and its object
        for w in norm[1:]:
            if w in _ADJUNCT_OPENERS or w in _INTRODUCING or w.startswith(("لل", "بال", "كال")):
                break
            if not w.startswith("ال") and not w.isdigit():
                return None  # (القاضية لوالاس: a title and a name)
    if ("ال" + head in lex.institution_heads or "ال" + head in lex.outlet_heads or name_key(head) in _KIND_HEADS
            or name_key(head) in _BODY_NOUNS or ("alias" not in _skip() and "ال" + _loose(head) in _loose_body_heads())):
        return _same_head_body(head, norm[1:], speaker, doc, quotes, lo, cut)
    if head in _LATTER and len(words) == 1:
        return _latter(doc, quotes, lo, cut, ents)
    if (head.endswith(("ون", "ين", "ات")) or "ال" + head in lex.plural_heads or head in lex.plural_heads
            or _nominative(speaker, ents) != speaker):
        return None  # a group (ممثلي الادعاء)
    role_word = "ال" + head in lex.role_heads or head in lex.role_heads
    if name_key(head) in _HUMAN_NOUNS and len(words) > 1 and "human" not in _skip():
        return _last_of_gender(q, quotes, lo, ents, head.endswith("ه"))  # وأضافت المرأة السبعينية
    if not (role_word or first.startswith("ال")) or "ال" + head in lex.record_heads or head in lex.record_heads:
        return None  # (مدريد الإسباني: a name's tail, not a description; الأرقام: records)
    # a description holding a name's words (المواطن باقر بن أحمد) names its person already
    if any(set(key[1:]) & set(_ent_keys(e)) for e in ents if e.type == "PER"):
        return None
    cue = normalize(q.cue.split()[-1]) if q.cue.split() else ""
    if cue.endswith(("وا", "ا", "ون")) and not cue.endswith("ءا"):
        return None  # قالا، أضافوا: a dual or plural cue is not one person's
    if head.endswith("ه") != _feminine_cue(q) and role_word:
        return None  # قالت with a masculine role word, قال with a feminine one: not the person described
    found = _role_match(head, norm[1:], role_word, doc, quotes, lo, cut)
    if found is not None:
        return found
    if not role_word or any(w in _INTRODUCING or w.startswith(("بال", "لل", "كال")) for w in norm[1:]):
        return None
    if len(words) == 1:
        return None  # القاضي، المسؤول alone: named with that role or not at all (the reader's rules say which)
    return _last_speaker(q, quotes, lo, ents, norm[1:], doc, words[0])


#: Nouns for a person that are no office (المرأة السبعينية، الشاب العشريني): with an adjective they describe
#: the person who spoke last, when that person's cues agree in gender.
_HUMAN_NOUNS = frozenset(name_key(w) for w in "مرأة سيدة فتاة شابة رجل شاب فتى عجوز".split())


def _skip() -> frozenset[str]:
    # read on every call (tests switch steps with monkeypatch), parsed once per distinct value
    return _parse_skip(os.environ.get("MARSAD_QUOTE_CANON_SKIP", ""))


@lru_cache(maxsize=8)
def _parse_skip(raw: str) -> frozenset[str]:
    return frozenset(raw.replace(" ", "").split(","))


def _last_of_gender(q: Quote, quotes: list[Quote], lo: int, ents: list[Entity], feminine: bool) -> tuple[str, str | None] | None:
    """The tagged person who spoke last before ``q``, when the description, ``q``'s cue and that person's
    own cue agree in gender (المرأة … قالت after «وروت مارغو باخمان»; never a man for المرأة)."""
    if _feminine_cue(q) != feminine:
        return None
    prev = [p for p in quotes if p is not q and lo <= p.cue_start < q.cue_start and p.speaker]
    if not prev:
        return None
    last = max(prev, key=lambda p: p.cue_start)
    key = _key_of(last.speaker)
    if _feminine_cue(last) != feminine or not any(e.type == "PER" and _contains(_ent_keys(e), key) for e in ents):
        return None
    return last.speaker, last.speaker_entity_id


def _same_head_body(head: str, rest: list[str], speaker: str, doc: Doc, quotes: list[Quote], lo: int,
                    cut: int) -> tuple[str, str | None] | None:
    """The latest body named before ``cut`` with the same head in construct with a name: نادي لوكوموتيف،
    بعثة الأمم المتحدة، وكالة ستاندرد آند بورز (the tagger's name, with the head for a sub-body). A
    nationality adjective of the description (الشركة الكورية الجنوبية، الفريق الوحداوي) must stand
    beside that mention; a speaker that already holds the name (شركة المركز المالي الكويتي) stays."""
    toks = doc.tokens
    seats_as_written = "alias" in _skip()  # (read once: the loop below asks for every word back to ``lo``)
    loose = head if seats_as_written else _level_hamza(head)  # (الهئية for الهيئة: a hamza on the wrong seat)
    hk = name_key(head)
    kind = hk in _KIND_HEADS
    # the head's own adjectives only: after a genitive (وكالة التصنيف الائتماني) an adjective is the genitive's
    mine = _nisbas(rest) if "generic7" in _skip() else _nisbas(_leading_nisbas(rest))
    named = [e for e in doc.entities if e.type in ("ORG", "PER") and len(_ent_name(e).replace(" ", "")) >= 4]
    found: list[tuple[str, str | None]] = []
    found_at: list[int] = []
    seen: set[tuple[str, ...] | None] = set()
    for i in range(doc.token_index_at(cut) - 1, -1, -1):
        t = toks[i]
        if t.start < lo:
            break
        if t.kind != "word" or (head not in t.norm and (seats_as_written or loose not in _level_hamza(t.norm))) \
                or (_bare(t.text) if seats_as_written else _level_hamza(_bare(t.text))) != loose \
                or not _outside_quotes(t.start, quotes):
            continue  # (a substring test first: keying every word costs more than the rest)
        if _has_article(t.text):
            # a body named in full with the article on its head (أكدت الهيئة الوطنية لمخيمات العودة …،
            # وحذرت الهيئة): the tagged name that opens with this head
            whole = next((e for e in named if e.type == "ORG" and e.start == t.start and len(e.text.split()) >= 2), None)
            if whole is not None and "alias" not in _skip() and not _contains(_key_of(speaker), _ent_keys(whole)) \
                    and len(_nisbas(rest)) == len(rest) \
                    and (not mine or mine & _nisbas([normalize(w) for w in whole.text.split()[1:]])):
                found.append((_ent_name(whole), whole.entity_id))
                found_at.append(t.start)
                seen.add(_key_of(_ent_name(whole)))
            continue
        got = _named_after_head(i, head, kind, mine, speaker, toks, named)
        if got:
            found.append(got)
            found_at.append(t.start)
            seen.add(_key_of(got[0]))
        elif i + 1 < len(toks) and toks[i + 1].kind == "word" and not (
                normalize(toks[i + 1].text).endswith(("يه", "ي")) and not _has_article(toks[i + 1].text)) \
                and normalize(toks[i + 1].text) not in _FUNCTION_WORDS | _ADJUNCT_OPENERS:
            seen.add(None)  # صحيفة النهار: a body we cannot read (شركة تركية is no name)
    # every same-head mention names the one body (two papers named, or one we cannot read: no one)
    if not seen and kind and mine and "generic7" not in _skip():
        got = _body_with_nisba(mine, doc, quotes, lo, cut)  # النادي الإسباني after «فريق برشلونة الإسباني»
        return None if got is None or _contains(_key_of(speaker), _key_of(got[0])) else got
    if len(seen) != 1 or not found:
        return None
    # and no other body has been the topic since: «شركة كمبردج أناليتيكا» … فيسبوك، فيسبوك … «قالت الشركة»
    name = _key_of(found[-1][0])
    since = [e for e in doc.entities if e.type == "ORG" and found_at[-1] <= e.start < cut and _outside_quotes(e.start, quotes)
             and ("alias" in _skip() or not _cited_outlet(e, head, doc))]
    counts: dict[tuple[str, ...], int] = {}
    for e in since:
        k = _key_of(_ent_name(e))
        if not (_contains(k, name) or _contains(name, k)):
            counts[k] = counts.get(k, 0) + 1
    own = sum(1 for e in since if _contains(_key_of(_ent_name(e)), name) or _contains(name, _key_of(_ent_name(e))))
    if counts and max(counts.values()) > own:
        return None
    return found[0]


def _leading_nisbas(rest: list[str]) -> list[str]:
    """The adjectives right after a description's head, up to the first word that is none (a genitive)."""
    out = []
    for w in rest:
        if not _nisbas([w]):
            break
        out.append(w)
    return out


def _body_with_nisba(mine: set[str], doc: Doc, quotes: list[Quote], lo: int, cut: int) -> tuple[str, str | None] | None:
    """The one body tagged before ``cut`` with the description's nationality adjective right after its name
    (فريق برشلونة الإسباني، وست بروميتش البيون الانكليزي لكرة القدم) for a kind noun and that adjective
    (النادي الإسباني) when the article never named a body with the kind noun itself; two such bodies
    (ريال مدريد الإسباني … برشلونة الإسباني) mean none."""
    toks = doc.tokens
    found: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for e in doc.entities:
        if e.type != "ORG" or not lo <= e.start < cut or not _outside_quotes(e.start, quotes):
            continue
        k = doc.token_index_at(e.end)
        while k < len(toks) and toks[k].start < e.end:
            k += 1
        if k < len(toks) and toks[k].kind == "word" and mine & _nisbas([toks[k].norm]):
            key = _key_of(_ent_name(e))
            if not any(_contains(key, o) or _contains(o, key) for o in found):
                found[key] = (_ent_name(e), e.entity_id)
    return next(iter(found.values())) if len(found) == 1 else None


def _loose(word: str) -> str:
    """A normalised word with its hamza seats levelled (هئية ~ هيئة، مسؤول ~ مسئول): typos of the seat."""
    return word if "alias" in _skip() else _level_hamza(word)


def _level_hamza(word: str) -> str:
    return word.replace("ئ", "ي").replace("ؤ", "و").replace("ء", "")


@lru_cache(maxsize=1)
def _loose_body_heads() -> frozenset[str]:
    lex = load_lexicon()
    return frozenset(_loose(w) for w in lex.institution_heads | lex.outlet_heads)


@lru_cache(maxsize=1)
def _outlet_keys() -> frozenset[str]:
    return frozenset(name_key(w) for w in load_lexicon().outlet_heads)


#: Words that cite a source (بحسب موقع X، وفقا لصحيفة X، ذكر موقع X): the outlet reports, it is not the topic.
_CITING = frozenset(normalize(w) for w in "بحسب حسب وفق وفقا طبقا ذكر ذكرت أورد أوردت نقل نقلت".split())


def _cited_outlet(e: Entity, head: str, doc: Doc) -> bool:
    """Whether an ORG is an outlet the article cites (موقع ذي ريجيستر، بحسب رويترز), which does not take the
    topic from another body with a different head (… «قالت الشركة» still means the company)."""
    toks = doc.tokens
    k = doc.token_index_at(e.start) - 1
    while k >= 0 and toks[k].text in ('"', "“", "”", "«", "»", "'"):
        k -= 1
    if k < 0 or toks[k].kind != "word":
        return False
    prev = toks[k].text
    key = next((name_key(st) for _, st in clitic_candidates(prev) if name_key(st) in _outlet_keys()), None)
    if key is not None:
        return key != name_key(head)
    return _strip_conj(normalize(prev), _CITING) in _CITING


def _named_after_head(i: int, head: str, kind: bool, mine: set[str], speaker: str, toks: list,
                      named: list[Entity]) -> tuple[str, str | None] | None:
    """The body a same-head mention at token ``i`` names (شركة X، نادي X، بعثة الأمم المتحدة), if any."""
    t = toks[i]
    # the name: an entity that starts at the head (نادي لوكوموتيف) or right after it, quote marks aside
    j = i + 1
    while j < len(toks) and toks[j].text in ('"', "“", "”", "«", "»", "'"):
        j += 1
    e = next((e for e in named if e.start == t.start and e.end > t.end), None)
    if e is None and j < len(toks):
        e = next((e for e in named if e.start == toks[j].start), None)
        if e is not None and e.type == "PER" and not kind:
            e = None
    if e is None:
        return None
    if _contains(_key_of(speaker), _key_of(_ent_name(e))) or _contains(_key_of(speaker), _ent_keys(e)):
        return None
    if mine:
        k_end = next((k for k in range(i, len(toks)) if toks[k].start >= e.end), len(toks))
        beside = []
        for k in range(k_end, min(len(toks), k_end + 4)):
            if toks[k].kind == "punct" and toks[k].text not in ("،", ",", '"', "“", "”", "«", "»"):
                break
            beside.append(normalize(toks[k].text))
        if not (mine & _nisbas(beside)):
            return None
    if e.start == t.start and kind:
        # the tagger took the kind noun into the name (نادي لوكوموتيف): the body's name is what follows it
        rest_words = _ent_name(e).split()[1:]
        if rest_words and normalize(_ent_name(e).split()[0])[-len(head):] == head:
            return " ".join(rest_words), e.entity_id
    if kind or e.start == t.start:
        return _ent_name(e), e.entity_id
    return f"{t.text[len(t.text) - len(head):]} {_ent_name(e)}", None  # the head's surface letters


def _latter(doc: Doc, quotes: list[Quote], lo: int, cut: int, ents: list[Entity]) -> tuple[str, str | None] | None:
    """«الأخير»: the last person named before it as an object (لقائه بالرئيس الفرنسي، إيمانويل ماكرون،
    … بينما رأى الأخير), within its sentence and the one before."""
    sent = next((k for k, s in enumerate(doc.sentences) if s.start <= cut < s.end), None)
    if sent is None:
        return None
    start = doc.sentences[max(0, sent - 1)].start
    persons = [e for e in ents if e.type == "PER" and start <= e.start < cut and _outside_quotes(e.start, quotes)]
    if not persons:
        return None
    toks = doc.tokens
    titles = _titles()
    heads = _heads()[0]
    for e in reversed(persons):
        k = doc.token_index_at(e.start) - 1
        # titles, role words and commas between the governing word and the name (بالرئيس الفرنسي، X)
        while k >= 0 and (toks[k].text in ("،", ",") or normalize(toks[k].text) in titles
                          or (toks[k].kind == "word" and _bare(toks[k].text).endswith("ي") and _has_article(toks[k].text))):
            k -= 1
        if k >= 0 and toks[k].kind == "word":
            w = normalize(toks[k].text)
            if w in _ADJUNCT_OPENERS or w in ("الى", "مع", "بين", "و") or (
                    len(w) > 3 and w[0] in "بل" and _is_head(toks[k].text, heads)):
                return _ent_name(e), e.entity_id
    return None


def _near(e: Entity, doc: Doc) -> list[int]:
    """Token indices of the words beside a name: up to four before it and four after it, within its
    sentence (الصحافي الإيطالي X، X وزير الخارجية الإيراني، X، المحلل الاقتصادي اللبناني)."""
    toks = doc.tokens
    k0 = doc.token_index_at(e.start)
    k1 = doc.token_index_at(e.end - 1) + 1
    verbs = _heads()[1]
    def clause_edge(k: int) -> bool:  # a full stop or a verb ends the name's description (…، كشف المغني)
        return (toks[k].kind == "punct" and toks[k].text not in ("،", ",")) or _strip_conj(normalize(toks[k].text), verbs) in verbs
    near = []
    titles = _titles()
    top = k0 - 1
    if "holder" not in _skip():
        # an academic title between the description and the name is no description of its own
        # (رئيس فرع الإفتاء بالمنطقة الدكتور X): the words before it describe the name
        while top >= 1 and toks[top].kind == "word" and normalize(toks[top].text) in _ACADEMIC_TITLES:
            top -= 1
        k0 = top + 1
    for k in range(k0 - 1, max(-1, k0 - 5), -1):
        if clause_edge(k):
            break
        near.append(k)
        # (مبعوث رئيس الجمهورية الرئيس X: the name's own description is the last role word before it)
        if k == k0 - 1 and toks[k].kind == "word" and normalize(toks[k].text) in titles | {"الرئيس", "الملك", "الامير", "الشيخ"}:
            break
    # after the name only an apposition that opens with a role word (X، وزير الخارجية / X وزير …), not
    # the verb's object (وصفت … نيكي هيلي، المجلس بأنه)
    a = k1 + (k1 < len(toks) and toks[k1].text in ("،", ","))
    roles = load_lexicon().role_heads
    if a < len(toks) and toks[a].kind == "word" and ("ال" + _bare(toks[a].text) in roles or _bare(toks[a].text) in roles):
        for k in range(k1, min(len(toks), k1 + 5)):
            if clause_edge(k):
                break
            near.append(k)
    return near


def _governed_word(k: int, toks: list) -> bool:
    """Whether word ``k`` sits in a prepositional phrase or a genitive of a role (في المفوضية، بالبعثة،
    رئيس بعثة، باسم الخارجية): it is then not the head of the name's description."""
    w = normalize(toks[k].text)
    if w.startswith(("بال", "لل", "كال", "وبال", "ولل")):
        return True
    if k == 0 or toks[k - 1].kind != "word":
        return False
    prev = normalize(toks[k - 1].text)
    return prev in _ADJUNCT_OPENERS or prev in ("الى", "مع", "بين", "عن", "لدى") or _is_head(toks[k - 1].text, _heads()[0])


def _role_match(head: str, rest: list[str], role_word: bool, doc: Doc, quotes: list[Quote], lo: int,
                cut: int, short_heads: bool = False) -> tuple[str, str | None] | None:
    """The person last named before ``cut`` beside a word with the description's head (الصحافي الإيطالي X،
    X وزير الخارجية، عارضة الأزياء X): spelling variants of a role head (صحفي/صحافي) match by consonants;
    any other head (العارضة) only as itself, right before the name. A nationality adjective or a
    genitive of the description that differs from the one beside the name rules the person out
    (وزير الاقتصاد التركي is not «وزير الخارجية السوري X»)."""
    toks = doc.tokens
    want = _skeleton(head)
    if len(want) < 3:
        if not short_heads or "holder" in _skip():
            return None
        # رئيس، نائب: too few consonants to match spellings, the word itself still matches — only for an
        # office with its complement (رئيس فرع الإفتاء); «الرئيس الأميركي» alone stays with the rules of (g)
        want = ""
    mine = _nisbas(rest)
    genitive = _genitive(rest)
    texts = {normalize(x.text) for x in doc.entities}
    hits: list[tuple[str, str | None]] = []
    for e in reversed([e for e in doc.entities if e.type == "PER" and lo <= e.start < cut]):
        if not _outside_quotes(e.start, quotes):
            continue
        if normalize(e.text)[:1] in ("ل", "ب") and normalize(e.text)[1:] in texts:
            continue  # لبي بي سي: a preposition glued to a name tagged elsewhere without it
        k0 = doc.token_index_at(e.start)
        if normalize(toks[k0].text)[:1] == "و" and normalize(e.text)[:1] != "و":
            continue  # بهاء الأعرجي وروز …: the word before a conjunct belongs to the first name
        one_word = len(_key_of(_ent_name(e))) < 2  # (الرئيس السيسي: a surname right after its role word)
        near = _near(e, doc)
        for k in near:
            if toks[k].kind != "word" or (one_word and k != k0 - 1):
                continue
            bare = _bare(toks[k].text)
            if not (bare == head or (role_word and want and _skeleton(bare) == want)):
                continue
            if _governed_word(k, toks):
                if normalize(toks[k].text).startswith(("بال", "لل", "وبال")):
                    hits.append(("", None))  # بالوزير السابق X: another person of that description
                continue
            if not role_word and not (k0 - 3 <= k < k0 and all(
                    toks[m].text in ("،", ",") or normalize(toks[m].text) in _titles() or _has_article(toks[m].text)
                    for m in range(k + 1, k0))):
                continue  # any other word stands in apposition right before the name (عارضة الأزياء X),
                # not «وتنتقد المعارضة كثيرا سياسة أردوغان»
            words = [normalize(toks[m].text) for m in near if toks[m].kind == "word"]
            theirs = _nisbas(words)
            if _nisbas_differ(mine, theirs):
                continue
            nxt = normalize(toks[k + 1].text) if k + 1 < len(toks) and toks[k + 1].kind == "word" else ""
            if genitive and _noun_stem(nxt) != _noun_stem(genitive):
                continue  # وزير الخارجية is not وزير العمل (nor «وزير خارجيتها»'s العمل)
            hits.append((_ent_name(e), e.entity_id))
            break
    # the latest person with that description, unless two people were given it (التقى الوزير السابق X
    # بالوزير السابق Y)
    if not hits or not hits[0][0] or len({_key_of(h[0]) for h in hits}) > 1:
        return None
    return hits[0]


def _genitive(rest: list[str]) -> str | None:
    """The noun a description's head governs (وزير الاقتصاد، رئيس مجلس …), not an adjective after it."""
    if not rest:
        return None
    w = rest[0]
    if _nisbas([w]) or w in _BLAND_ADJECTIVES or w in _FUNCTION_WORDS or w in _ADJUNCT_OPENERS or w.startswith("و"):
        return None
    return w[2:] if w.startswith("ال") else w


def _noun_stem(word: str) -> str:
    """A noun without article, possessive suffix and the ة/ت alternation (الخارجية ~ خارجيتها)."""
    w = word[2:] if word.startswith("ال") else word
    for suffix in ("هما", "هم", "ها", "ه"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4 and w[:-len(suffix)].endswith("ت"):
            w = w[:-len(suffix)]
            break
    return w[:-1] + "ه" if w.endswith("ت") else w


def _nisbas(words: list[str]) -> set[str]:
    """Nationality-like adjectives among normalised words (الإيراني، الأميركية), without the article;
    a prepositional phrase ends them (النادي المنافس في الدوري: الدوري is the league)."""
    out = set()
    for w in words:
        if w in _ADJUNCT_OPENERS or w in _INTRODUCING or (w[:1] in ("ل", "ب") and not w.startswith("ال")):
            break
        if w.startswith("ال") and w.endswith(("ي", "يه")) and len(w) > 5 and w not in _BLAND_ADJECTIVES:
            out.add(w[2:-1] if w.endswith("يه") else w[2:])
    return out


def _nisbas_differ(mine: set[str], theirs: set[str]) -> bool:
    """Whether two sets of nationality-like adjectives tell two people apart: none shared, or each holds one
    the other lacks (وزير الخارجية الفرنسي vs «X، وزير الخارجية الإيطالي»: الخارجية is shared, the country not)."""
    return bool(mine and theirs and (not (mine & theirs) or ((mine - theirs) and (theirs - mine))))


def _last_speaker(q: Quote, quotes: list[Quote], lo: int, ents: list[Entity], rest: list[str],
                  doc: Doc, own_head: str = "") -> tuple[str, str | None] | None:
    """The named person who spoke last before ``q`` (the description continues that speaker), unless the
    description's nationality adjective differs from the one that person was given (رئيس المنظمة الإيرانية
    after «الرئيس الأميركي …»)."""
    prev = [p for p in quotes if p is not q and lo <= p.cue_start < q.cue_start and p.speaker]
    if not prev:
        return None
    last = max(prev, key=lambda p: p.cue_start)
    key = _key_of(last.speaker)
    if not any(e.type == "PER" and _contains(_ent_keys(e), key) for e in ents):
        return None
    mine = _nisbas(rest)
    said = [normalize(w) for p in quotes if p.speaker == last.speaker for w in (p.speaker_role or "").split()]
    beside = [normalize(doc.tokens[k].text) for e in ents if e.type == "PER" and _contains(_ent_keys(e), key)
              for k in _near(e, doc)]
    theirs = _nisbas(said + beside)
    if _nisbas_differ(mine, theirs):
        return None
    genitive = _genitive(rest)
    if genitive and genitive not in {_noun_stem(w) for w in said + beside}:
        # an office in construct (وزير العمل، رئيس المجلس، حكم المحكمة) is the last speaker's only when its
        # genitive is among the words they were named with (not «الرئيس الفلبيني X … وكان وزير العمل قال»)
        return None  # an office in construct the last speaker was not named with (مسؤول المعلومات العامة)
    elif "السابق" not in rest and "السابقه" not in rest and _other_office(own_head, said + beside):
        return None  # النائب العام after «سليل شيتي، الأمين العام لـ…» (a former office may differ: السابق)
    return last.speaker, last.speaker_entity_id


#: Role words that fit any office holder (المسؤول الدولي for the UN's secretary-general).
_GENERIC_ROLES = frozenset(normalize(w) for w in "مسؤول مسؤولة".split())


def _other_office(own_head: str, words: list[str]) -> bool:
    """Whether ``words`` (a person's roles) give them an office with another head than ``own_head``."""
    own = _bare(own_head)
    if own in _GENERIC_ROLES:
        return False
    roles = load_lexicon().role_heads
    theirs = {_bare(w) for w in words if "ال" + _bare(w) in roles or _bare(w) in roles} - _GENERIC_ROLES
    return bool(theirs) and own not in theirs


# -- (h) cataphora: an indefinite description the next sentences name ---------------------------------

def _named_later(q: Quote, speaker: str, doc: Doc, ents: list[Entity]) -> tuple[str, str | None] | None:
    """The person an indefinite description introduces when the text names them right after with the same
    head made definite: «قالت طالبة أميركية …. وأوضحت الطالبة آني ليو»، «قال أب إسباني … وسيمثل الأب،
    خافير جي دي،» — within the next two sentences."""
    words = speaker.split()
    if not words or len(words) > 6 or _has_article(words[0]) or normalize(words[0]) in _FUNCTION_WORDS:
        return None
    head = _bare(words[0])
    if len(head) < 2 or head.endswith(("ون", "ين", "ات")) or (len(words) == 1 and head.endswith("ي")):
        return None  # a group; a bare nisba (مسؤول | تركي) is no description
    lex = load_lexicon()
    if ("ال" + head in lex.institution_heads or "ال" + head in lex.outlet_heads or name_key(head) in _KIND_HEADS
            or name_key(head) in _BODY_NOUNS):
        return None  # a body is not the person named after it (منظمة بريطانية … مديرتها X)
    # the definite form of the head must come after the cue before anything else is worth reading
    if "ال" + head not in normalize(doc.text[q.cue_start:q.cue_start + 1500]).replace("لل", "ال"):
        return None
    if any(_contains(_ent_keys(e), _key_of(speaker)) for e in doc.entities):
        return None
    sent = next((k for k, s in enumerate(doc.sentences) if s.start <= q.cue_start < s.end), None)
    if sent is None:
        return None
    hi = doc.sentences[min(len(doc.sentences) - 1, sent + 2)].end
    toks = doc.tokens
    starts = {e.start: e for e in ents if e.type == "PER"}
    titles = _titles()
    for k in range(doc.token_index_at(q.cue_start + len(q.cue)), len(toks)):
        t = toks[k]
        if t.start >= hi:
            break
        if t.kind != "word" or head not in t.norm or not _has_article(t.text) or _bare(t.text) != head:
            continue
        prev = toks[k - 1] if k else None
        if prev is not None and prev.kind == "word" and (_has_article(prev.text) or _is_head(prev.text, _heads()[0])):
            continue  # an adjective or a genitive (وزير الاقتصاد التركي، مدير المطعم), not the phrase's head
        j = k + 1
        # adjectives, a comma and titles between the description and the name (الأب، خافير …)
        while j < len(toks) and j <= k + 4 and toks[j].start not in starts and (
                toks[j].text in ("،", ",") or normalize(toks[j].text) in titles
                or (toks[j].kind == "word" and _has_article(toks[j].text) and _nisbas([normalize(toks[j].text)]))):
            j += 1
        if j < len(toks) and toks[j].start in starts:
            e = starts[toks[j].start]
            return _ent_name(e), e.entity_id
    return None


# -- (i) records and spokesmen (session 5) -----------------------------------------------------------

#: Texts that "say" but have no speaker: a law's provisions, estimates, statistics, research
#: (ونصت المادة (27)، وأشارت المادة (28) …، بحسب بعض التقديرات، وكانت أبحاث سابقة أشارت).
_RECORD_NOUNS = frozenset(name_key(w) for w in """
مادة بند فقرة تقديرات إحصائية إحصائيات إحصاءات أبحاث نتائج أرقام مؤشرات
""".split())
_LEGAL = frozenset(name_key(w) for w in "مادة بند فقرة".split())
#: Research nouns whose results or figures still name no one (نتائج البحث، أرقام الدراسة).
_STUDY_NOUNS = frozenset(name_key(w) for w in "بحث دراسة استطلاع مسح تقرير".split())
#: Words before a record that do not change it (تلك التقارير، بعض التقديرات، هذه الوثائق).
_RECORD_LEADS = frozenset(normalize(w) for w in "تلك هذه هذا ذلك بعض".split())
#: Heads of a spokesman's office (المتحدث باسم …، الناطقة باسم …), as clitic keys.
_SPOKESMEN = frozenset(name_key(w) for w in "متحدث متحدثة ناطق ناطقة".split())
#: Body words too common to tell two bodies apart (قوات التحالف ~ تحالف دعم الشرعية).
_SPOKES_GENERIC = frozenset(name_key(w) for w in "وزارة قوات هيئة رئاسة مكتب حكومة رسمي رسمية في".split())
#: Words that end the phrase after باسم: the name is not further on (… باسم الجيش مع وزير …).
_SPOKES_STOPS = frozenset(normalize(w) for w in "مع إلى على عن أن إن الذي التي".split())


def _record(speaker: str, named: frozenset[str] = frozenset()) -> str | None | bool:
    """The speaker a record stands for: None for a law's article, estimates, statistics or research
    (and for a record after a demonstrative: تلك التقارير); the body in construct after estimates or
    statistics (تقديرات وزارة السياحة → وزارة السياحة); False when ``speaker`` is no record."""
    words = speaker.split()
    lead = False
    while len(words) > 1 and normalize(words[0]) in _RECORD_LEADS:
        words, lead = words[1:], True
    k0 = name_key(words[0])
    if k0 in _RECORD_NOUNS:
        genitive = " ".join(words[1:])
        if (len(words) > 1 and not _has_article(words[0])
                and (_has_article(words[1]) or _is_head(words[1], _body_heads()) or genitive in named)
                and _doc_stem(words[1]) is None and name_key(words[1]) not in _RECORD_NOUNS | _STUDY_NOUNS):
            return genitive  # (إحصاءات أبوظبي: a tagged place stands for its government; نتائج الدراسة: no one)
        if len(words) == 1 and not lead and _has_article(words[0]) and k0 not in _LEGAL:
            # وبينت الإحصائية after «وفقا لتقرير فريق الإحصاء»: it refers back to a report whose issuer
            # may be named — left as found (rule d's finding: "no one" was wrong more often than right)
            return False
        return None
    if lead and k0 in _record_keys():
        return None
    return False


@lru_cache(maxsize=1)
def _record_keys() -> frozenset[str]:
    """Clitic keys of the lexicon's records (التقارير، الوثائق)."""
    return frozenset(name_key(w) for w in load_lexicon().record_heads)


def _spokesman(q: Quote, doc: Doc) -> Entity | None:
    """``وقال المتحدث الرسمي باسم قوات التحالف`` with no name after it: the reader gives the body (or no
    one), but the article named the spokesman where it first gave the office (``أعلن المتحدث الرسمي باسم
    قوات تحالف دعم الشرعية في اليمن العقيد ركن تركي المالكي``). The person the tagger found after
    another mention of that office — same head and gender, a body of the same words (one set holds the
    other, common words aside) — nearest before the cue, else first after it. Not when the body is a
    person (المتحدث باسم المستشارة الألمانية: her name is not his)."""
    role = q.speaker_role.split()
    nrole = [normalize(w) for w in role]
    if "باسم" not in nrole:
        return None
    at = nrole.index("باسم")
    head = name_key(role[0])
    body = role[at + 1:]
    if head not in _SPOKESMEN or not body or any(name_key(w) not in ("رسمي", "رسميه") for w in role[1:at]):
        return None
    lex = load_lexicon()
    b0 = normalize(body[0])
    if b0 in lex.role_heads or "ال" + b0 in lex.role_heads or (b0.startswith("ال") and b0[2:] in lex.role_heads):
        return None
    if q.speaker and not _contains(_key_of(" ".join(body)), _key_of(q.speaker)):
        return None  # the reader named someone else: not this pass's business
    want = frozenset(_key_of(" ".join(body))) - _SPOKES_GENERIC
    if not want:
        return None
    toks = doc.tokens
    starts = {e.start: e for e in doc.entities if e.type == "PER"}
    verbs = _heads()[1]
    found_before: Entity | None = None
    found_after: Entity | None = None
    for j, t in enumerate(toks):
        if t.kind != "word" or normalize(t.text) != "باسم":
            continue
        m = j - 1
        while m > 0 and toks[m].kind == "word" and name_key(toks[m].text) in ("رسمي", "رسميه"):
            m -= 1
        if m < 0 or name_key(toks[m].text) != head:
            continue
        keys: set[str] = set()
        person = None
        for k in range(j + 1, min(j + 14, len(toks))):
            tk = toks[k]
            if tk.text in (".", "!", "?", ":", "\n") or "\n" in doc.text[toks[k - 1].end:tk.start]:
                break
            if tk.start in starts and keys:
                person = starts[tk.start]
                break
            w = normalize(tk.text)
            if tk.kind == "word" and (w in _SPOKES_STOPS or w in verbs):
                break
            if tk.kind == "word":
                keys.add(tk.key)
        if person is None:
            continue
        have = frozenset(keys) - _SPOKES_GENERIC
        if not (want <= have or (have and have <= want)):
            continue
        if t.start <= q.cue_start:
            found_before = person
        elif found_after is None:
            found_after = person
    if found_before or found_after or "spokes2" in _skip():
        return found_before or found_after
    # the office given once in full, its holder named with the bare head (حسبما أفاد المتحدث باسم المفوضية …
    # وقال المتحدث خالد عمار): only when no other body's spokesman of that head is in the article
    # (a spokesman of another body, المتحدث العسكري باسم "جيش الإسلام", makes the bare head ambiguous)
    bodies = set()
    first_full = None
    for j, t in enumerate(toks):
        if t.kind == "word" and normalize(t.text) == "باسم" and any(
                name_key(toks[m].text) == head for m in range(max(0, j - 3), j) if toks[m].kind == "word"):
            body_keys = tuple(toks[m].key for m in range(j + 1, min(j + 4, len(toks))) if toks[m].kind == "word")[:2]
            bodies.add(body_keys)
            if first_full is None and frozenset(body_keys) & want:
                first_full = t.start
    if len(bodies) > 1 or first_full is None:
        return None
    titles = _titles()
    texts = {normalize(x.text) for x in doc.entities}
    near: list[tuple[int, Entity]] = []
    for j, t in enumerate(toks):
        # the bare head refers back: only after the office was given in full
        if t.kind != "word" or t.start < first_full or not _has_article(t.text) or name_key(t.text) != head \
                or abs(t.start - q.cue_start) > 1500:
            continue
        k = j + 1
        while k < len(toks) and (toks[k].text in ("،", ",") or normalize(toks[k].text) in titles):
            k += 1
        e = starts.get(toks[k].start) if k < len(toks) else None
        first = normalize(e.text.split()[0]) if e is not None else ""
        if e is None or len(_key_of(_ent_name(e))) < 2 or (first[:1] in ("ل", "ب") and (
                normalize(e.text)[1:] in texts or first[1:] in load_lexicon().addressee_nouns or len(first) <= 3)):
            continue  # وقال المتحدث لبي بي سي: the addressee, not a name
        near.append((abs(t.start - q.cue_start), e))
    names = {_key_of(_ent_name(e)) for _, e in near}
    return min(near, key=lambda x: x[0])[1] if len(names) == 1 else None


# -- (j) an office whose holder the article names (session 6) -----------------------------------------

#: Titles that stand between a description and its holder's name without being a description
#: themselves (رئيس فرع الإفتاء بالمنطقة الدكتور X); الرئيس، الملك … are offices of their own.
_ACADEMIC_TITLES = frozenset(normalize(w) for w in """
الدكتور الدكتورة د دكتور دكتورة الأستاذ الأستاذة المهندس المهندسة السيد السيدة الآنسة
""".split())


def _role_head_word(word: str) -> bool:
    """Whether a word (article and و/ف aside) is a role head of the lexicon (مدير، المشرف، وعضو)."""
    roles = load_lexicon().role_heads
    w = normalize(word)
    if w[:1] in ("و", "ف") and len(w) > 3 and (w[1:] in roles or "ال" + w[1:] in roles):
        w = w[1:]
    return w in roles or "ال" + w in roles or (w.startswith("ال") and w[2:] in roles)


def _holder(q: Quote, speaker: str, doc: Doc, ents: list[Entity],
            quotes: list[Quote]) -> tuple[str, str | None] | None:
    """The person an office speaker stands for, when the article names them (session 6):

    * right after the office in the cue's own subject (وأوضح مدير برنامج … نواف بن عطاف الصحاف، قائلا):
      the reader stopped inside the role phrase, the name closes it;
    * beside the same office elsewhere in the article, before or after the quote (وكيل وزارة المياه سابقا
      … وقال وكيل وزارة المياه السابق وعضو …؛ قال مدعي عام باريس … وأوضح المدعي العام فرنسوا مولينز);
    * a bare role word the speaker was introduced with in another number (الخبير ← رئيس الخبراء …).
    """
    words = speaker.split()
    if not words or not _role_head_word(words[0]):
        return None
    tail = _tail_name(words, doc, ents)
    if tail is not None:
        return tail
    if len(words) > 7:
        return None
    lex = load_lexicon()
    if len(words) > 1 and (_bare(words[0]) in lex.anonymous_heads or "ال" + _bare(words[0]) in lex.anonymous_heads):
        return None  # مسؤول بالبيت الأبيض: an unnamed source keeps its description
    if any(_contains(_ent_keys(e), _key_of(speaker)) for e in doc.entities):
        return None
    named = _named_in_subject(q, words, doc, ents)
    if named is not None:
        return named
    if len(words) == 1 and normalize(words[0])[:1] == "و" and q.speaker_role:
        # وقال وكيل الوزارة السابق وعضو مجلس الشورى: the reader kept the coordinated office; the first
        # office (its role) says who it is
        words = q.speaker_role.split()
        if not words or not _role_head_word(words[0]):
            return None
    head = _bare(words[0])
    if len(words) == 1:
        return _own_role(q, head, quotes, ents)
    rest = [normalize(w) for w in words[1:]]
    if _has_article(words[0]):
        # one noun phrase: after a definite head every word is definite until a preposition (not «الرئيس
        # وسائل الإعلام», a subject and its object)
        for w in rest:
            if w in _ADJUNCT_OPENERS or w in _INTRODUCING or w.startswith(("لل", "بال", "كال")):
                break
            if not w.startswith("ال") and not w.isdigit():
                return None
    if head.endswith("ه") != _feminine_cue(q):
        return None
    cue = normalize(q.cue.split()[-1]) if q.cue.split() else ""
    if cue.endswith(("وا", "ون")) or head.endswith(("ون", "ين", "ات")):
        return None  # a group
    lo = max(0, q.cue_start - _ANAPHORA_WINDOW)
    short = _genitive(rest) is not None  # رئيس فرع الإفتاء, not «الرئيس الأميركي» (an office of its own)
    found = _role_match(head, rest, True, doc, quotes, lo, q.cue_start, short_heads=short)
    if found is None:
        # named later: the first mention gives the office, the next the office and the name
        end = q.cue_start + len(q.cue)
        found = _role_match(head, rest, True, doc, quotes, end, min(len(doc.text), end + 1500), short_heads=short)
    return found


def _tail_name(words: list[str], doc: Doc, ents: list[Entity]) -> tuple[str, str | None] | None:
    """The holder's name the reader kept at the end of the office (نائب رئيس نادي الطلبة في "ويتشيتا" X،
    المتحدث الرسمي للمركز X): a tagged person of two words or more closing the string, in apposition to
    the words before it (not in their genitive: مدير مكتب الرئيس X)."""
    if "tailname" in _skip() or len(words) < 3:
        return None
    for e in ents:
        if e.type != "PER":
            continue
        key = _ent_keys(e)
        n = len(e.text.split())
        if n < 2 or n >= len(words) or tuple(_key_of(" ".join(words[-n:]))) != key:
            continue
        head_words = words[:-n]
        last = head_words[-1].translate(str.maketrans("", "", '"“”«»'))
        titles = _titles() | _ACADEMIC_TITLES
        while head_words and normalize(head_words[-1]) in titles:
            head_words = head_words[:-1]
        if not head_words:
            return None
        prev = normalize(head_words[-1].strip('"“”«»'))
        if prev.startswith("ال") and _role_head_word(prev) and len(head_words) > 1 \
                and not _has_article(head_words[-2].strip('"“”«»')):
            return None  # مدير مكتب الرئيس X: the name is the office's genitive
        if not (_has_article(head_words[-1].strip('"“”«»')) or head_words[-1][-1:] in '"”»' or last != head_words[-1]
                or (len(head_words) > 1 and normalize(head_words[-2]) in ("في", "ب"))):
            return None
        return _ent_name(e), e.entity_id
    return None


def _named_in_subject(q: Quote, words: list[str], doc: Doc, ents: list[Entity]) -> tuple[str, str | None] | None:
    """The name that closes the cue's subject phrase after ``words`` (وأوضح المشرف على برنامج إحالتي
    بوزارة الصحة سليمان بن أحمد الشريع): within ten words, before any verb, أن/إن, quote mark or full stop;
    or two or three untagged words after an academic title up to أن/إن or a comma (الدكتور كي جوي أن)."""
    toks = doc.tokens
    k = _phrase_end(doc, doc.token_index_at(q.cue_start + len(q.cue)), words)
    if k is None:
        return None
    starts = {e.start: e for e in ents if e.type == "PER"}
    verbs = _heads()[1]
    if normalize(words[-1]) in _ACADEMIC_TITLES:
        k -= 1  # the reader stopped at the title (رئيس مجلس إدارة «هيونداي» الدكتور | كي جوي أن)
    stop = k + 10
    while k < len(toks) and k < stop:
        t = toks[k]
        e = starts.get(t.start)
        if e is not None:
            if len(_key_of(_ent_name(e))) < 2 or not _closes_phrase(k, toks):
                return None
            return _ent_name(e), e.entity_id
        w = normalize(t.text)
        if t.kind == "punct" and t.text not in ("،", ",", "«", "»", '"', "“", "”"):
            return None
        if t.kind == "word" and (w in _FUNCTION_WORDS or _strip_conj(w, verbs) in verbs):
            return None
        if t.kind == "word" and w in _ACADEMIC_TITLES:
            name = []
            for m in range(k + 1, min(k + 5, len(toks))):
                wm = normalize(toks[m].text)
                if toks[m].kind == "word" and wm not in _THAT_FORMS and not wm.startswith("ال") \
                        and _strip_conj(wm, verbs) not in verbs and toks[m].start not in starts:
                    name.append(toks[m])
                    continue
                if 2 <= len(name) <= 3 and (toks[m].text in ("،", ",") or wm in ("ان", "بان")):
                    return doc.text[name[0].start:name[-1].end], None
                break
            return None
        k += 1
    return None


#: أن/إن and their pronoun forms: what ends a subject before the reported clause.
_THAT_FORMS = frozenset(normalize(w) for w in "أن إن أنه إنه أنها إنها أنهم إنهم بأن بأنه بأنها".split())


def _phrase_end(doc: Doc, k0: int, words: list[str]) -> int | None:
    """The token index right after ``words`` read as the phrase that starts within four tokens of ``k0``
    (quote marks aside; the first word may carry a preposition that swallowed its article: للمتحدث)."""
    marks = str.maketrans("", "", '"“”«»')
    want = [normalize(w.translate(marks)) for w in words]
    want = [w for w in want if w]
    if not want:
        return None
    toks = doc.tokens
    for k in range(k0, min(k0 + 4, len(toks))):
        first = normalize(toks[k].text)
        if not (first == want[0] or (first.startswith("لل") and want[0].startswith("ال") and first[2:] == want[0][2:])
                or (first[:1] in ("و", "ف", "ب", "ل") and first[1:] == want[0])):
            continue
        m, n = k + 1, 1
        while n < len(want) and m < len(toks):
            if toks[m].kind == "punct" and toks[m].text in '"“”«»':
                m += 1
                continue
            if normalize(toks[m].text) != want[n]:
                break
            m, n = m + 1, n + 1
        if n == len(want):
            while m < len(toks) and toks[m].text in '"“”«»' and toks[m].kind == "punct" and words[-1][-1:] in '"“”«»':
                m += 1
            return m
    return None


def _closes_phrase(k: int, toks: list) -> bool:
    """Whether a name at token ``k`` stands in apposition to the phrase before it (مدير البرنامج X،
    وزير الداخلية الأمير X، «هيونداي» الدكتور X، بوزارة الصحة X), not in the genitive or the object of
    an office (مدير مكتب الرئيس X، مستشار X، للرئيس X، مع الوزير X): the word before the name and its
    titles or office words carries the article, or is a comma or a closing mark."""
    titles = _titles() | _ACADEMIC_TITLES
    m = k - 1
    while m >= 0 and toks[m].kind == "word" and (normalize(toks[m].text) in titles or (
            normalize(toks[m].text).startswith("ال") and _role_head_word(toks[m].text))):
        m -= 1
    if m < 0:
        return False
    if toks[m].kind != "word":
        return toks[m].text in ("،", ",", "»", '"', "”")
    w = normalize(toks[m].text)
    if w in _ADJUNCT_OPENERS or w in ("الى", "مع", "بين", "لدى"):
        return False
    if w.startswith(("لل", "بال", "وبال", "ولل")) and (_role_head_word("ال" + _bare(w)) or "ال" + _bare(w) in titles):
        return False  # للرئيس X، بالوزير X: the office's object
    return _has_article(toks[m].text)


def _own_role(q: Quote, head: str, quotes: list[Quote], ents: list[Entity]) -> tuple[str, str | None] | None:
    """A bare definite role word (الخبير) for the one named speaker earlier in the article whose own role
    holds that word in any number (رئيس الخبراء الاقتصاديين …: same consonants)."""
    want = _skeleton(_singular(head))
    if len(want) < 3 or head.endswith("ه") != _feminine_cue(q):
        return None
    found: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for p in quotes:
        if p is q or p.cue_start >= q.cue_start or not p.speaker or not p.speaker_role:
            continue
        key = _key_of(p.speaker)
        if not any(e.type == "PER" and _contains(_ent_keys(e), key) for e in ents):
            continue
        if any(_skeleton(_singular(_bare(w))) == want for w in p.speaker_role.split()):
            found.setdefault(key, (p.speaker, p.speaker_entity_id))
    return next(iter(found.values())) if len(found) == 1 else None


def _singular(word: str) -> str:
    """A bare noun without a sound plural or dual ending (المحللين → محلل); broken plurals keep their
    consonants (خبراء ~ خبير)."""
    return word[:-2] if len(word) > 4 and word.endswith(("ين", "ون", "ات", "ان")) else word


# -- (k) a body of a place named before by its kind (session 6) -----------------------------------------

#: Place kinds that an article names once (بمدينة سولت ليك سيتي) and then refers to by the kind alone.
_PLACE_KINDS = frozenset(normalize(w) for w in "مدينة ولاية مقاطعة بلدة قرية محافظة".split())


def _place_anaphor(speaker: str, cut: int, doc: Doc) -> str:
    """A body of «the city» (شرطة المدينة، بلدية البلدة) where the article named that city with its kind
    noun before (اصطدمت … بمدينة سولت ليك سيتي): the body of the named place (شرطة سولت ليك سيتي). Only when
    every such mention in the 2,500 characters before names the same tagged place."""
    words = speaker.split()
    if len(words) != 2 or _has_article(words[0]) or not _is_head(words[0], _body_heads()):
        return speaker
    kind = normalize(words[1])
    if not kind.startswith("ال") or kind[2:] not in _PLACE_KINDS:
        return speaker
    kind = kind[2:]
    toks = doc.tokens
    places = {e.start: e for e in doc.entities if e.type in ("LOC", "GPE")}
    named: dict[str, str] = {}
    for i in range(doc.token_index_at(max(0, cut - _ANAPHORA_WINDOW)), doc.token_index_at(cut)):
        t = toks[i]
        if t.kind != "word" or kind not in normalize(t.text) or _has_article(t.text) \
                or not any(normalize(st) == kind for _, st in clitic_candidates(t.text)):
            continue
        e = places.get(toks[i + 1].start) if i + 1 < len(toks) else None
        if e is None:
            return speaker  # مدينة with no tagged name after it: we cannot tell which
        named.setdefault(name_key(e.text), e.text)
    if len(named) != 1:
        return speaker
    return f"{words[0]} {next(iter(named.values()))}"


# -- (l) aliases the article defines (session 7) ------------------------------------------------------

#: Marks that open a body's other name right after its full name or description: إدارة الطيران والفضاء
#: الأميركية (ناسا)، وكالة الفضاء الأمريكية «ناسا».
_ALIAS_OPEN = {"(": ")", "«": "»", "“": "”", '"': '"'}
_ALIAS_MAX_WORDS = 4
#: How many words a body's full name may run before the alias (وكالة التصدير والاستيراد في والونيا (أوكس)).
_ALIAS_NAME_WINDOW = 8


@lru_cache(maxsize=1 << 16)  # asked for every word before each pair of marks or parentheses
def _body_head_word(word: str) -> str | None:
    """The body head a word spells, without a glued conjunction (ووكالة → وكالة، والحركة → الحركة), or None;
    documents (التقرير، البيان) are no bodies."""
    if _doc_stem(word) is not None:
        return None
    bodies = _body_heads() | _KIND_HEADS | _BODY_NOUNS
    if not any(name_key(stem) in bodies and len(normalize(stem)) >= 3 for _, stem in clitic_candidates(word)):
        return None
    return word[1:] if word[:1] in ("و", "ف") and _body_head_word_bare(word[1:]) else word


def _body_head_word_bare(word: str) -> bool:
    bodies = _body_heads() | _KIND_HEADS | _BODY_NOUNS
    w = word[2:] if normalize(word).startswith("ال") else word
    return name_key(word) in bodies or name_key(w) in bodies


def _alias_words(toks: list, k: int, close: str) -> tuple[int, int] | None:
    """Token range [k, end) of a short name starting at token ``k`` and closed by ``close``: one to four
    words, none a function word, preposition or reporting verb."""
    end = k
    while end < len(toks) and end - k <= _ALIAS_MAX_WORDS:
        t = toks[end]
        if t.kind == "punct" and t.text not in (".", "-", "/"):
            break
        end += 1
    if end == k or end - k > _ALIAS_MAX_WORDS or end >= len(toks) or toks[end].text != close:
        return None
    words = [toks[j].norm for j in range(k, end) if toks[j].kind == "word"]
    verbs = _heads()[1]
    if not words or any(w in _FUNCTION_WORDS or w in _ADJUNCT_OPENERS or _strip_conj(w, verbs) in verbs for w in words):
        return None
    return k, end


def _full_name_before(toks: list, i: int) -> int | None:
    """Index of the body head that opens a full name or description ending right before token ``i``: the
    leftmost head within a few words with no punctuation, verb, preposition or function word between."""
    verbs = _heads()[1]
    best = None
    j = i - 1
    while j >= 0 and i - j <= _ALIAS_NAME_WINDOW:
        t = toks[j]
        if t.kind not in ("word", "num") or t.norm in _FUNCTION_WORDS or t.norm in _ADJUNCT_OPENERS \
                or _strip_conj(t.norm, verbs) in verbs:
            break
        if t.kind == "word" and _body_head_word(t.text) is not None:
            best = j
        j -= 1
    if best is None:
        return None
    # a kind noun before a name (صحيفة "X"، موقع مجلة "X"، وكالة أنباء "X") is no full name: it must hold a
    # definite word that is no head (الطيران، الباسك، التصدير) and end on a word that is no head
    rest = [toks[k] for k in range(best + 1, i)]
    if not rest or _body_head_word(rest[-1].text) is not None or not any(
            t.kind == "word" and _definite(t.text) and _body_head_word(t.text) is None for t in rest):
        return None
    return best


def _article_aliases(doc: Doc, quotes: list[Quote]) -> list[tuple[str, str]]:
    """(full name or description, other name) for every body the article gives two names: a short name in
    parentheses after the full one (إدارة الطيران والفضاء الأميركية (ناسا)) or a name in quote marks after
    a description (وكالة الفضاء الأمريكية «ناسا»). Marks that open a quotation the extractor found, or hold
    a number, define nothing."""
    toks = doc.tokens
    quoted = {q.start for q in quotes}
    out = []
    for i, t in enumerate(toks):
        if t.text not in _ALIAS_OPEN or i + 1 >= len(toks) or toks[i + 1].start in quoted or toks[i + 1].kind != "word":
            continue
        span = _alias_words(toks, i + 1, _ALIAS_OPEN[t.text])
        head = _full_name_before(toks, i) if span is not None else None
        if head is None:
            continue
        full = (_body_head_word(toks[head].text) + doc.text[toks[head].end:toks[i - 1].end]).strip()
        a, b = span
        alias = doc.text[toks[a].start:toks[b - 1].end].strip(_MARKS + " ")
        if alias and _key_of(alias) and _key_of(alias) != _key_of(full):
            out.append((full, alias))
    return out


def _without_parentheses(speaker: str) -> tuple[str, str | None]:
    """A speaker string without a parenthesised alias inside it, and that alias."""
    if "(" in speaker and ")" in speaker and speaker.index("(") < speaker.index(")"):
        a, b = speaker.index("("), speaker.index(")")
        before, inner = speaker[:a].split(), speaker[a + 1:b].strip()
        if len(before) == 1 and _body_head_word(before[0]) is not None:
            # the name itself in parentheses after its kind noun (منظمة (أو.في.دي-إنفو) المعنية): kept
            return " ".join((speaker[:a] + " " + inner + " " + speaker[b + 1:]).split()), None
        return " ".join((speaker[:a] + " " + speaker[b + 1:]).split()), inner
    return speaker, None


def _one_name_per_body(doc: Doc, quotes: list[Quote]) -> None:
    """(l) A body the article gives two names (a full name and its short name in parentheses, a description
    and its name in marks) keeps, for all its quotes, the name its first quote gave it: the reader names it
    as the sentence at each cue does (إدارة الطيران والفضاء الأميركية، then ناسا، ناسا …; حركة إيتا، then
    حركة أرض الباسك والحرية (إيتا)), and one body should read as one speaker. A parenthesised alias never
    stays inside a speaker string. (The gold takes the full name or the short one about equally often —
    ناسا's full name, but أوبك، الفيفا — so the first quote's choice is kept rather than either rule.)"""
    speakers = [q for q in quotes if q.speaker]
    if not speakers:
        return
    aliases = None
    if any("(" in q.speaker for q in speakers) or any(m in doc.text for m in _ALIAS_OPEN):
        aliases = _article_aliases(doc, quotes)
    if not aliases:
        for q in speakers:
            if "(" in q.speaker:
                q.speaker = _without_parentheses(q.speaker)[0] or q.speaker
        return
    bodies = _body_heads() | _KIND_HEADS | _BODY_NOUNS
    first_form: dict[int, str] = {}
    for q in sorted(speakers, key=lambda q: q.cue_start):
        plain, inner = _without_parentheses(q.speaker)
        key = _key_of(plain)
        if not key:
            continue
        for n, (full, alias) in enumerate(aliases):
            fk, ak = _key_of(full), _key_of(alias)
            if key[:len(fk)] == fk or key == ak or (inner is not None and _key_of(inner) == ak) or (
                    _contains(key, ak) and key[0] in bodies and len(key) <= len(ak) + 2):
                q.speaker = first_form.setdefault(n, plain)
                break
        else:
            q.speaker = plain


# -- (m) one spelling per name (session 7) ------------------------------------------------------------

def _spelling_variant(a: str, b: str) -> bool:
    """Two words that spell one name with other long vowels (نتنياهو ~ نتانياهو، ووتش ~ وواتش، فرنسيس ~
    فرانسيس): same first letter and consonants, one of them five letters or more and neither under four
    (سعد and سعيد are two names)."""
    return a != b and min(len(a), len(b)) >= 4 and max(len(a), len(b)) >= 5 and a[:1] == b[:1] \
        and a[-1:] == b[-1:] and _skeleton(a) == _skeleton(b)  # (a final vowel makes another word: سوري، سوريا)


def _first_spellings(doc: Doc, quotes: list[Quote], words: _Words) -> None:
    """(m) A name the article spells two ways (نتنياهو … نتانياهو، هيومن رايتس ووتش … وواتش) reads, in every
    speaker string, as the article first spelt it: a tagged name or an earlier speaker string of as many
    words, each the same word or a spelling variant of it."""
    speakers = {q.speaker for q in quotes if q.speaker}
    if not speakers:
        return
    forms = speakers | {_ent_name(e) for e in doc.entities if e.type in ("PER", "ORG")}
    by_len: dict[int, list[tuple[tuple[str, ...], str]]] = {}
    for f in forms:
        k = _key_of(f)
        if k:
            by_len.setdefault(len(k), []).append((k, f))
    first_at: dict[tuple[str, ...], int] = {}

    def first(k: tuple[str, ...]) -> int:
        if k not in first_at:
            i = _first_words(words, k)
            first_at[k] = doc.tokens[i].start if i is not None else len(doc.text)
        return first_at[k]

    renamed: dict[str, str] = {}
    for sp in speakers:
        key = _key_of(sp)
        if not key or len(key) > 4:
            continue
        best = None
        for k, f in by_len.get(len(key), ()):
            if k == key or not all(x == y or _spelling_variant(x, y) for x, y in zip(key, k)):
                continue
            if first(k) < first(key) and (best is None or first(k) < first(best[0])):
                best = (k, f)
        if best is not None:
            renamed[sp] = best[1]
    for q in quotes:
        if q.speaker in renamed:
            q.speaker = renamed[q.speaker]


def _first_words(words: _Words, key: tuple[str, ...]) -> int | None:
    """Token index of the first run of words whose clitic keys spell ``key``, or None."""
    keys, idx = words.keys, words.tok_index
    n = len(key)
    for j in words.at_key(key[0]):
        if keys[j:j + n] == key:
            return idx[j]
    return None
