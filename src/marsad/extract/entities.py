"""Named entities: the CRF tagger over the pipeline's tokens, clean spans, in-document coreference.

Pipeline component ``entities``. For each sentence the shipped CRF tags the tokens (BIO over
PER / ORG / LOC / MISC). Each tagged span is then cleaned:

* proclitics come off the first word (``وسليماني`` → ``سليماني``, ``كالنرويج`` → ``النرويج``),
  chosen by which reading the unlabelled news uses more often, so ``وليد`` stays whole;
* titles and their complements are not part of a person's name (``رئيس الوزراء مصطفى الكاظمي``
  → ``مصطفى الكاظمي``);
* punctuation at the edges is dropped.

Person spans the tagger cut or merged are mended with the document's other names first
(:func:`mend_person_spans`: ``كيم يونغ-تشول`` cut at its hyphen, ``اتهم [مكين ترمب]`` two people).
Mentions of one entity in a document share a canonical name and an ``entity_id``: a surname or
first name alone (``الكاظمي``) joins the full name that contains it — the one with the same title,
else the one mentioned most, else the nearest earlier one — never
through the words after ``بن``/``آل`` (a father, the family); the canonical name is the longest
mention of the group. The id comes from the normalised canonical name
(:func:`marsad.text.entity_id`), so it is the same in every document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..doc import Doc
from ..record import Entity
from ..text import (
    Token, clitic_candidates, clitic_key, entity_id, hashtag_plain, name_key, normalize, prefix_length_in_original, tokenize,
)
from .ner_features import trigger_class
from .ner_model import NerModel, bio_spans
from .ner_neural import load_tagger

#: Words that complete a title (رئيس الوزراء، وزير الخارجية، نائب الرئيس): not part of the name.
_TITLE_COMPLEMENTS = frozenset(normalize(w) for w in """
الوزراء الحكومة الجمهورية الدولة البرلمان المجلس الأركان الخارجية الداخلية الدفاع المالية العدل الصحة النفط
التربية التعليم الإعلام الاقتصاد التجارة الزراعة العمل النقل الكهرباء الاتصالات الثقافة الشباب الرياضة
الأمن الشرطة الجيش المخابرات الاستخبارات العام العامة السابق السابقة الأسبق الحالي المكلف المنتهية ولايته
الأول الثاني الأعلى التنفيذي باسم الوزير الأمين الإقليم المحافظة البلدية الحزب الحركة الائتلاف التحالف ركن الركن
الأمريكي الأميركي الروسي الفرنسي البريطاني الإيراني العراقي السوري التركي المصري السعودي الإسرائيلي الفلسطيني
اللبناني الأردني الصيني الألماني الياباني الكويتي القطري الإماراتي اليمني الليبي التونسي الجزائري المغربي السوداني
الأمريكية الأميركية الروسية الفرنسية البريطانية الإيرانية العراقية السورية التركية المصرية السعودية الإسرائيلية
""".split())


#: An untagged word right before a person mention at most this frequent in the news, bare and no cue, may be
#: that person's own first name (أمجد 6).
_RARE_FIRST = 20

#: A one-word name more frequent than this in the unlabelled news is also a common word (أمل، نصر):
#: its untagged repeats are not tagged by propagation.
_COMMON_WORD = 3000

#: Kinship nouns: a full name right after one (``ابنة فيصل العراسي``) is a relative of a person named nearby.
_KINSHIP = frozenset(clitic_key(normalize(w)) for w in """
ابن ابنة بنت ابنه ابنته شقيق شقيقة شقيقه شقيقته أخ أخت أخو أخي والد والدة والده والدته أب أبو أم زوج زوجة زوجه
زوجته جد جدة عم عمة خال خالة حفيد حفيدة نجل نجلة كريمة أرملة
""".split())

#: Words inside a name (أبو نواس، ابن خلدون، آل سعود): before a surname they are no sign of another first name.
_NAME_LINKS = frozenset(clitic_key(normalize(w)) for w in "أبو أبا أبي بن ابن بنت آل ذو ذي أم عبد".split())


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    type: str
    text: str
    #: Normalised, clitic-keyed words of the mention (for matching).
    words: tuple[str, ...]
    #: The name as it should read when canonical (``ال`` restored after a stripped ``لل``).
    form: str
    #: Clitic key of a rare, untagged, non-title word right before the mention (``ذكرى`` in ``ذكرى العراسي``
    #: when only ``العراسي`` was tagged): a hint that the name has a first name other than a later full name's.
    before: str = ""
    #: A kinship noun (ابنة، شقيق …) stands right before the mention: ``ابنة فيصل العراسي`` names a relative.
    after_kin: bool = False
    #: The title standing within three words before a person mention (``الجنرال`` in ``الجنرال السابق، كيم
    #: يونغ-تشول`` and in ``وقال الجنرال كيم``): a bare name with a title goes to the full name with the same.
    title: str = ""
    #: ``before`` is shaped like a first name of its own (rare, bare, no cue): ``أمجد`` in ``الشاعر أمجد ناصر``
    #: when only ``ناصر`` was tagged — the mention is a surname, not another person's first name.
    first_before: bool = False

    @property
    def articles(self) -> tuple[bool, ...]:
        """Whether each word of ``words`` carries the article ``ال`` (``الفيصل`` vs ``فيصل``)."""
        return tuple(normalize(t.text).startswith("ال") for t in tokenize(self.form) if t.kind != "punct")


class EntityRecognizer:
    """Pipeline component filling ``doc.entities``; the tags per token also go to ``doc.user_data["ner_tags"]``."""

    name = "entities"

    def __init__(self, model: NerModel | None = None) -> None:
        # The neural tagger when its model is installed (better dev F1, see docs/entities.md), else the CRF.
        self.model = model or load_tagger()
        self._names: frozenset[str] | None = None

    # --- tagging ---
    def tag_tokens(self, doc: Doc) -> list[str]:
        tokens = doc.tokens
        sents = [[t.text for t in tokens[s.tok_start:s.tok_end]] for s in doc.sentences]
        # The whole article at once: a two-stage CRF re-tags each sentence knowing how the same
        # words were tagged in the neighbouring sentences.
        tags = [t for sent_tags in self.model.tag_document(sents) for t in sent_tags]
        if len(tags) != len(tokens):  # tokens outside any sentence (none expected): keep alignment
            tags = self._tag_by_offset(doc)
        return tags

    def _tag_by_offset(self, doc: Doc) -> list[str]:
        tags = ["O"] * len(doc.tokens)
        for sent in doc.sentences:
            words = [t.text for t in doc.tokens[sent.tok_start:sent.tok_end]]
            tags[sent.tok_start:sent.tok_end] = self.model.tag(words)
        return tags

    def __call__(self, doc: Doc) -> None:
        tokens = doc.tokens
        if not tokens:
            return
        tags = self.complete(tokens, self.tag_tokens(doc))
        doc.user_data["ner_tags"] = tags
        context = document_words(tokens)
        mentions = [m for s in token_spans(tags) if (m := self.clean(doc.text, tokens, *s, context=context)) is not None]
        doc.entities.extend(resolve(mentions))

    def complete(self, tokens: list[Token], tags: list[str]) -> list[str]:
        """The tagger's tags after the document-level steps: person names completed from their
        context (:func:`complete_person_names`), then untagged repeats of the names tagged (:meth:`propagate`)."""
        cues = _person_cues()
        freq = self.model.featurizer.freq
        tags = complete_person_names(tokens, tags, freq, cues)
        tags = self.propagate(tokens, tags)
        # a repeat tagged by propagation may now stand next to its first name (تركي + المالكي)
        tags = complete_person_names(tokens, tags, freq, cues)
        return mend_person_spans(tokens, tags, freq, cues.first_names)

    def propagate(self, tokens: list[Token], tags: list[str]) -> list[str]:
        """Tag untagged repeats of a name the tagger found elsewhere in the same document.

        News names a person in full once and the tagger may miss a later bare repeat
        (``وأضاف ظريف``). A repeat is matched on clitic keys, so ``وظريف`` counts. One-word
        names qualify only when they are not common words in the unlabelled news.
        """
        freq = self.model.featurizer.freq
        names: dict[tuple[str, ...], str] = {}
        for i, j, typ in token_spans(tags):
            key = tuple(tokens[k].key for k in range(i, j) if tokens[k].kind != "punct")
            if not key or (len(key) == 1 and (len(key[0]) < 3 or freq.get(key[0], 0) > _COMMON_WORD)):
                continue
            names.setdefault(key, typ)
            if typ == "PER" and len(key) > 1 and freq.get(key[-1], 0) <= _COMMON_WORD and len(key[-1]) >= 3:
                names.setdefault(key[-1:], "PER")  # the surname alone
        if not names:
            return tags
        sizes: dict[str, list[int]] = {}
        for key in names:
            sizes.setdefault(key[0], []).append(len(key))
        for v in sizes.values():
            v.sort(reverse=True)
        out = list(tags)
        i, n = 0, len(tokens)
        while i < n:
            first = tokens[i]
            if out[i] != "O" or first.kind != "word":
                i += 1
                continue
            firsts = [first.key]
            if len(first.norm) > 3 and first.norm[0] in "وفبكل":
                firsts.append(clitic_key(first.norm[1:]))  # وظريف, بلافروف
            matched = 0
            for f in firsts:
                for size in sizes.get(f, ()):
                    if i + size > n or any(t != "O" for t in out[i:i + size]):
                        continue
                    key = (f, *(tokens[k].key for k in range(i + 1, i + size)))
                    typ = names.get(key)
                    if typ:
                        out[i] = "B-" + typ
                        for k in range(i + 1, i + size):
                            out[k] = "I-" + typ
                        matched = size
                        break
                if matched:
                    break
            i += max(matched, 1)
        return out

    # --- span cleaning ---
    def clean(self, text: str, tokens: list[Token], i: int, j: int, typ: str,
              context: frozenset[str] | None = None) -> Mention | None:
        """A tagged token span ``[i, j)`` as a clean mention, or None when nothing name-like is left."""
        while i < j and tokens[i].kind == "punct":
            i += 1
        while j > i and tokens[j - 1].kind == "punct":
            j -= 1
        if typ == "PER":
            i = _skip_titles(tokens, i, j, _person_cues().first_names)
            if i < j - 1 and i > 0 and tokens[i].norm in _RANK_COMPLEMENTS and trigger_class(tokens[i - 1].norm) == "title":
                i += 1  # اللواء [ركن تركي …]: the rank's complement, outside the span the tagger drew
        if i >= j:
            return None
        first = tokens[i]
        plen, restore_article = self.proclitic(first.text, context) if first.kind == "word" else (0, False)
        if plen == 1 and first.norm[:1] in "وف" and i > 0 and _after_cue(tokens[i - 1]):
            plen = 0  # no "and" between a verb and its subject: وقال فولكر تريير is Volker, not ف + ولكر
        start = first.start + prefix_length_in_original(first.text, plen)
        end = tokens[j - 1].end
        if start >= end:
            return None
        surface = text[start:end]
        if not any(ch.isalpha() for ch in surface) or len(normalize(surface).replace(" ", "")) < 2:
            return None
        form = hashtag_plain(" ".join(surface.split()))  # #عز_الدين_ميهوبي → عز الدين ميهوبي
        if restore_article:
            form = "ال" + form
        words = tuple(name_key(form).split())
        if not words:
            return None
        before, kin, first_before = "", False, False
        if typ == "PER" and i > 0:
            prev = tokens[i - 1]
            if prev.kind == "word" and prev.end <= start and text[prev.end:start].strip() == "":
                kin = prev.key in _KINSHIP
                if (not kin and trigger_class(prev.norm) != "title" and len(prev.key) >= 3 and prev.key not in _NAME_LINKS
                        and self.model.featurizer.freq.get(prev.key, 0) <= _COMMON_WORD):
                    before = prev.key
                    freq = self.model.featurizer.freq
                    # shaped like a first name: rare, bare (no clitic or suffix on a known word), no cue or function word
                    first_before = (freq.get(prev.norm, 0) <= _RARE_FIRST and prev.norm == prev.key
                                    and not _glued(prev.norm, freq) and not _after_cue(prev)
                                    and trigger_class(prev.norm) is None)
        title = ""
        if typ == "PER":
            title = next((tokens[k].key for k in range(i - 1, max(i - 4, -1), -1)
                          if tokens[k].kind == "word" and trigger_class(tokens[k].norm) == "title"), "")
        return Mention(start, end, typ, surface, words, form, before, kin, title, first_before)

    def proclitic(self, word: str, context: frozenset[str] | None = None) -> tuple[int, bool]:
        """(normalised prefix length to cut, whether ``ال`` was cut with ``لل``) for an entity's first word."""
        if self._names is None:
            self._names = name_like_words(_first_names(), getattr(self.model.featurizer, "clusters", {}))
        return strip_proclitic(word, self.model.featurizer.freq, context, self._names)


def _after_cue(t: Token) -> bool:
    """A reporting verb (قال، وأضاف): the word after it opens its subject."""
    cues = _person_cues().cues
    return t.kind == "word" and (t.norm in cues or (t.norm[:1] in "وف" and t.norm[1:] in cues))


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    from .quote_lexicon import load_lexicon
    return load_lexicon().first_names


@dataclass(frozen=True, slots=True)
class PersonCues:
    """Word lists (normalised) that mark a person's name around it, for :func:`complete_person_names`."""

    #: Known first names (the quote lexicon's list): علي، تركي، أمل are common words too, and the tagger drops them.
    first_names: frozenset[str]
    #: Titles and role nouns (الرئيس، المتحدث، الطالبة، العقيد): a name may follow.
    roles: frozenset[str]
    #: Reporting verbs and participles (قال، أكدت، مشيرا): a name may follow as the subject.
    cues: frozenset[str]
    #: Words a name is never completed with: weekdays and time words (الملك سلمان الخميس), title complements.
    stops: frozenset[str]


#: Words inside compound names: the word after them is part of the name (عبد الله، بن سليمان، آل الشيخ).
_LINK_WORDS = frozenset(normalize(w) for w in "عبد بن ابن بنت آل أبو أبي".split())

_FAMILY = normalize("آل")

#: Complements of a military rank (اللواء ركن، العميد الركن).
_RANK_COMPLEMENTS = frozenset(normalize(w) for w in "ركن الركن".split())

#: ``بن``/``بنت`` opening a span: the tagger left the first name before it.
_NASAB = frozenset(normalize(w) for w in "بن بنت".split())

#: Complementisers after a speaker's name (أكد محمد الخميس أن …).
_COMPLEMENTISERS = frozenset(normalize(w) for w in "أن إن بأن وأن فإن".split())


@lru_cache(maxsize=1)
def _person_cues() -> PersonCues:
    from .quote_lexicon import load_lexicon
    lex = load_lexicon()
    roles = lex.role_heads | lex.honorifics | lex.ranks
    stops = lex.time_words | _TITLE_COMPLEMENTS | frozenset(normalize(w) for w in """
    الماضي المقبل الجاري الحالي السابق الجديد الأول الثاني الأخير نفسه ذاته أيضا
    """.split())
    return PersonCues(lex.first_names, roles, frozenset(lex.cues), stops)


#: A first name more frequent than this in the (normalised) news is mostly another word (علي is also على).
_AMBIGUOUS_NAME = 20000

#: Cue forms that are more often another word: بين "between" (بيّن "explained").
_NOT_CUES = frozenset(normalize(w) for w in "بين".split())

#: Title forms that are more often a preposition: أمام "in front of" (إمام "imam").
_NOT_ROLES = frozenset(normalize(w) for w in "أمام".split())

#: An ``ال`` surname's bare form is at most this frequent in the news, and no more frequent than the ``ال``
#: form (عمراني 8; مواجهة 1,720, كون 212 against الكون 118).
_RARE_BARE_SURNAME = 300

#: Pronoun suffixes and the accusative alif: a rare word that is a frequent word plus one of them is no name.
_SUFFIXES = ("هما", "ها", "هم", "نا", "كم", "ه", "ك", "ا")

#: A word this rare in the unlabelled news (and no title or cue) can be a surname or a foreign name.
_RARE_WORD = 300


def _glued(norm: str, freq: dict[str, int]) -> bool:
    """A clitic on a known word (والجبير، للمحترفين، وقدم، نجاحه، أمامنا، صحيحا): rare as a whole, but no name."""
    if clitic_key(norm) != norm and not norm.startswith("ال"):  # a proclitic before the article
        return True
    whole = freq.get(norm, 0)

    def known(stem: str) -> bool:
        return freq.get(stem, 0) >= 5 and freq.get(stem, 0) > 2 * whole

    return _suffixed(norm, freq) or any(p and known(stem) for p, stem in clitic_candidates(norm))


def _suffixed(norm: str, freq: dict[str, int]) -> bool:
    """A known word with a pronoun suffix or the accusative alif (نجاحه، أمامنا، مراسلا): no name."""
    whole = freq.get(norm, 0)

    def known(stem: str) -> bool:
        return freq.get(stem, 0) >= 5 and freq.get(stem, 0) > 2 * whole

    for suf in _SUFFIXES:
        stem = norm[: -len(suf)]
        # كلمته is كلمة + ه: the ta marbuta (normalised ه) is written ت before a suffix
        if norm.endswith(suf) and len(stem) >= 2 and (known(stem) or (stem.endswith("ت") and known(stem[:-1] + "ه"))):
            return True
    return False


def complete_person_names(tokens: list[Token], tags: list[str], freq: dict[str, int], cues: PersonCues) -> list[str]:
    """Person names the tagger cut short or missed, completed from capitalisation-free cues.

    Arabic has no capitals; the tagger leans on the words themselves, so a first name that is also a
    common word (``علي``، ``تركي``، ``أمل``، ``سلطان``) is dropped: ``تركي [المالكي]``. Four steps:

    * a known first name (or a glued ``عبد`` compound: ``عبدربه``) right before a person span joins it;
    * a span of first names only joins the person span right after it (``[سعود] [علي آل فايد]``);
    * a span ending in a first name (or in ``بن``/``عبد`` + name) takes the next word when it is a
      surname (a rare word, or an ``ال`` word rare without its article) and the name plainly ends
      there: punctuation, a role noun, a reporting verb or ``أن`` follows (``[أمين] راضي،``,
      ``[عبد الله] السبع،``); weekdays, title complements and clitic-bearing words never join;
    * an untagged first name followed by a rare or ``ال`` surname starts a person span when a title or
      reporting verb stands before it and the name's end is marked after it
      (``وقال الأمين العام للنادي علي فقندش:``).
    """
    out = list(tags)
    n = len(tokens)
    # Where a text writes final ى as ي (على as علي), a first name spelt like a very common word is no cue.
    distinguishes_ya = any(t.text.endswith("ى") for t in tokens if t.kind == "word")

    def word(k: int) -> bool:
        return 0 <= k < n and tokens[k].kind == "word" and out[k] == "O"

    def first_name(k: int) -> bool:
        t = tokens[k]
        if t.norm.startswith("ال") or t.text.endswith("ى") or (not distinguishes_ya and freq.get(t.norm, 0) > _AMBIGUOUS_NAME):
            return False  # على، إلى: the preposition, not the name علي
        return t.norm in cues.first_names or (t.norm.startswith("عبد") and len(t.norm) >= 6 and t.norm not in cues.stops)

    def plain(k: int) -> bool:
        """No title, cue, organisation/place head, time word or title complement."""
        t = tokens[k]
        return (t.norm not in cues.stops and t.key not in cues.stops and t.norm not in cues.roles and t.key not in _KINSHIP
                and t.norm not in cues.cues and trigger_class(t.norm) is None)

    def glued(norm: str) -> bool:
        return _glued(norm, freq)

    def rare(k: int, limit: int = _RARE_WORD) -> bool:
        t = tokens[k]
        return (not t.norm.startswith("ال") and freq.get(t.norm, 0) <= limit and len(t.norm) >= 2 and plain(k)
                and not glued(t.norm) and not (t.norm[0] in "وف" and freq.get(t.norm[1:], 0) >= _RARE_WORD // 10))

    def surname(k: int) -> bool:
        t = tokens[k]
        if not word(k) or not plain(k):
            return False
        if t.norm.startswith("ال") and t.norm == "ال" + t.key:  # the article, not a proclitic + article
            # a family name is rare without its article (عمراني، حارثي); a noun or a feminine
            # adjective is not (مواجهة، الطبية، الابتدائية)
            bare = freq.get(t.key, 0)
            return bare <= _RARE_BARE_SURNAME and bare <= freq.get(t.norm, 0) and not t.key.endswith("يه")
        return rare(k)

    def unlisted_first_name(k: int) -> bool:
        """A rare bare word that can open a name: no article, clitic, title, function word or common verb."""
        t = tokens[k]
        return (len(t.norm) >= 3 and not t.norm.startswith("ال") and freq.get(t.norm, 0) <= _RARE_WORD and not glued(t.norm)
                and not (t.norm[0] in "وف" and freq.get(t.norm[1:], 0) >= _RARE_WORD // 10)  # ورافق بن لادن
                and t.norm not in cues.stops and t.norm not in cues.roles and t.key not in _KINSHIP
                and t.norm not in _COMPLEMENTISERS and trigger_class(t.norm) is None)

    def role(t: Token) -> bool:
        # أمام "in front of" normalises like إمام "imam": a bare امام is the preposition
        return t.kind == "word" and t.norm not in _NOT_ROLES and (t.norm in cues.roles or trigger_class(t.norm) == "title")

    def role_before(k: int) -> bool:
        return 0 <= k < n and role(tokens[k])

    def cue(k: int) -> bool:
        t = tokens[k]
        return t.kind == "word" and t.norm not in _NOT_CUES and (
            t.norm in cues.cues or (t.norm[:1] in "وف" and t.norm[1:] in cues.cues))

    def introduced(k: int) -> bool:
        """A reporting verb right before token k, or a title within the four words before it (a role
        chain: ``الأمين العام للنادي``, ``المرشد الإيراني،``); a comma may stand right before k."""
        if k > 0 and tokens[k - 1].kind == "punct" and tokens[k - 1].text in "،,":
            k -= 1
        if k > 0 and cue(k - 1):
            return True
        for b in range(k - 1, max(k - 5, -1), -1):
            if tokens[b].kind != "word" or out[b] != "O":
                return False
            if role_before(b):
                return True
        return False

    def end_after(k: int) -> bool:
        """The name plainly ends before token k."""
        if k >= n:
            return True
        t = tokens[k]
        if t.kind == "punct":
            return True
        return t.kind == "word" and (role(t) or cue(k) or t.norm in _COMPLEMENTISERS)

    def spans() -> list[tuple[int, int]]:
        return [(i, j) for i, j, typ in token_spans(out) if typ == "PER"]

    def set_span(i: int, j: int) -> None:
        out[i] = "B-PER"
        for k in range(i + 1, j):
            out[k] = "I-PER"

    # 1. left: first names (تركي المالكي، عبدربه منصور هادي)
    for i, j in spans():
        a = i
        if tokens[i].norm.startswith("و") and tokens[i].norm not in cues.first_names:
            continue  # ودنيس ماكويغي: "and Denis", another person
        while word(a - 1) and first_name(a - 1):
            a -= 1
        # a name the list lacks before بن (يعرب بن عبد الله الثنيان; a rare reporting verb too: يعرب
        # "expresses" is a name there)
        if a == i and word(i - 1) and tokens[i].norm in _NASAB and unlisted_first_name(i - 1):
            a = i - 1
        if a < i:
            set_span(a, j)
    # 2. a span of first names only, then another person span: one name (سعود علي آل فايد)
    found = spans()
    for (i, j), (i2, j2) in zip(found, found[1:]):
        if i2 == j and all(first_name(k) for k in range(i, j)) and not tokens[i2].norm.startswith("و"):
            set_span(i, j2)
    # 3. right: the surname after a first name (نجلاء الخليفة،) or the second word of a rare name (شهاب وجيه،)
    for i, j in spans():
        if not word(j) or not end_after(j + 1):
            continue
        # عبد الله، بن سليمان: an ال family name may follow (not after آل سعود: that is the family name)
        after_link = j - i >= 2 and tokens[j - 2].norm in _LINK_WORDS - {_FAMILY}
        if (first_name(j - 1) or (after_link and tokens[j].norm.startswith("ال"))) and surname(j):
            set_span(i, j + 1)
    # 4. a first name and a surname nobody tagged, between a title or reporting verb and the name's end
    k = 0
    while k < n - 1:
        if word(k) and first_name(k) and introduced(k):
            e = k + 1
            while e < n and word(e) and first_name(e) and e - k < 3:  # علي أكبر …: more first names
                e += 1
            while e + 1 < n and word(e) and tokens[e].norm in _LINK_WORDS and word(e + 1):  # آل الشيخ، بن سعيد
                e += 2
            if e > k + 1 and tokens[e - 2].norm in _LINK_WORDS and end_after(e):
                set_span(k, e)
                k = e
                continue
            if surname(e) and end_after(e + 1):
                set_span(k, e + 1)
                k = e + 1
                continue
        k += 1
    return out


#: Letters of a name syllable joined by a hyphen (كيم يونغ-تشول، جان-إيف): at most this many on each side.
_SYLLABLE = 4


def mend_person_spans(tokens: list[Token], tags: list[str], freq: dict[str, int],
                      first_names: frozenset[str] = frozenset()) -> list[str]:
    """Person spans the tagger cut or merged, mended with the other names of the same document.

    * a name cut at a hyphen between two short syllables joins again (``[كيم يونغ]-[تشول]``);
    * two adjacent person spans are one name when the article writes their two touching words
      together in another name (``[مهدي هاشمي] [رفسنجاني]`` beside ``علي أكبر هاشمي رفسنجاني``);
    * a two-word span whose words are two other people's names is split (``اتهم [مكين ترمب]`` beside
      ``جون مكين`` and ``دونالد ترمب``; ``والتقى [بومبيو كيم]``): a subject and an object — not when the
      other "surname" is a father's name after بن (خالد بن عبدالله); so is a span made of two full names
      the article writes apart (``[سيرجي لافروف عادل الجبير]``);
    * a word glued after a name the article continues otherwise leaves it (``[محمد بن نايف بن عبدالعزيز
      ركعتين]`` beside ``محمد بن نايف بن عبدالعزيز آل سعود``; after a first name alone only a known word
      with a suffix: ``[شادي مراسلا]`` beside ``شادي أبوزيد``), and so does an adjective with the article
      before a name the article writes alone (``المهاجم [الشيشاني حمزة عظيموف]`` beside ``حمزة عظيموف``);
      never a first name or a link.
    """
    out = list(tags)
    n = len(tokens)

    def spans() -> list[tuple[int, int]]:
        return [(i, j) for i, j, typ in token_spans(out) if typ == "PER"]

    def keys(i: int, j: int) -> tuple[str, ...]:
        return tuple(tokens[k].key for k in range(i, j) if tokens[k].kind != "punct")

    def set_span(i: int, j: int) -> None:
        out[i] = "B-PER"
        for k in range(i + 1, j):
            out[k] = "I-PER"

    def glued(a: int, b: int) -> bool:
        return tokens[a].end == tokens[b].start

    # 1. a hyphen inside a name: كيم يونغ-تشول
    found = spans()
    changed = False
    for i, j in reversed(found):
        if (j + 1 < n and tokens[j].text == "-" and tokens[j + 1].kind == "word" and glued(j - 1, j) and glued(j, j + 1)
                and len(tokens[j - 1].norm) <= _SYLLABLE and len(tokens[j + 1].norm) <= _SYLLABLE
                and out[j + 1] in ("O", "B-PER")):
            e = j + 2
            while e < n and out[e] == "I-PER":
                e += 1
            set_span(i, e)
            changed = True
    if changed:
        found = spans()
    names = [keys(i, j) for i, j in found]
    # 2. adjacent spans whose touching words stand together in another name
    pairs = {p for nm in names for p in zip(nm, nm[1:])}
    changed = False
    for x in range(len(found) - 1, 0, -1):
        (i, j), (i2, j2) = found[x - 1], found[x]
        if i2 == j and tokens[j - 1].kind == "word" and tokens[i2].kind == "word" and (tokens[j - 1].key, tokens[i2].key) in pairs:
            set_span(i, j2)
            changed = True
    if changed:
        found = spans()
        names = [keys(i, j) for i, j in found]
    # indexes over the names (each counts once per name): who holds a word pair, a word (names of two
    # words or more), which words follow a name's first words, which names end or start with a word
    pair_names: Counter = Counter(p for nm in names for p in set(zip(nm, nm[1:])))
    word_names: Counter = Counter(w for nm in names if len(nm) > 1 for w in set(nm))
    following: dict[tuple[str, ...], set[str]] = {}
    by_last: dict[str, list[int]] = {}
    by_edge: dict[str, list[int]] = {}
    for y, nm in enumerate(names):
        for a in range(1, len(nm)):
            following.setdefault(nm[:a], set()).add(nm[a])
        if len(nm) > 1:
            by_last.setdefault(nm[-1], []).append(y)
            by_edge.setdefault(nm[0], []).append(y)
            if nm[-1] != nm[0]:
                by_edge.setdefault(nm[-1], []).append(y)
    name_set = set(names)
    for x, (i, j) in enumerate(found):
        key = names[x]
        if len(key) < 2 or j - i != len(key):
            continue
        # 3. two people's names side by side: a surname, then a first name or surname of someone else
        if len(key) == 2 and pair_names[key] <= 1:
            # the second may carry the addressee's ل (سؤال زكريا لأوباما)
            seconds = {key[1]} | ({key[1][1:]} if key[1][:1] in "لوفب" and len(key[1]) > 3 else set())
            # (a father's name is no surname: after بن, or a عبد compound ending نايف عبدالله)
            surname_of = [y for y in by_last.get(key[0], ()) if y != x and names[y][-2] not in _NAME_LINKS
                          and not key[0].startswith("عبد") and not seconds & set(names[y])]
            other = [y for sw in seconds for y in by_edge.get(sw, ()) if y != x and key[0] not in names[y]]
            prev = tokens[i - 1] if i > 0 else None
            after_noun = prev is not None and prev.kind == "word" and (
                trigger_class(prev.norm) == "title" or prev.key in _KINSHIP or _suffixed(prev.norm, freq))
            if surname_of and other and not after_noun:
                out[i + 1] = "B-PER"
                continue
        # 4. a word glued after a name the article continues otherwise, or before a name it writes alone;
        # after a first name alone only a known word with a suffix (شادي مراسلا beside شادي أبوزيد)
        last, first = tokens[j - 1], tokens[i]
        if (last.norm not in first_names and last.key not in _NAME_LINKS and key[-2] not in _NAME_LINKS
                and not last.norm.startswith("ال") and (len(key) > 2 or _suffixed(last.norm, freq))
                and any(w != key[-1] for w in following.get(key[:-1], ()))
                and word_names[key[-1]] <= 1):
            out[j - 1] = "O"
            continue
        if len(key) < 3:
            continue
        # two full names of the document side by side (سيرجي لافروف عادل الجبير)
        cut = next((p for p in range(2, len(key) - 1) if key[:p] in name_set and key[p:] in name_set), None)
        if cut is not None:
            out[i + cut] = "B-PER"
            continue
        # only an adjective with the article (المهاجم الشيشاني): a bare first word may be a foreign first name
        if (first.norm.startswith("ال") and first.key not in _NAME_LINKS and key[1] not in _NAME_LINKS
                and key[1:] in name_set and word_names[key[0]] <= 1):
            out[i] = "O"
            out[i + 1] = "B-PER"
    # 5. a name of three words or more does not end in a bare title that opens a phrase (سلطان بن منيف [شيخ]
    # شمل) or in a preposition glued to a common word (راشد آل هاشم [بعنوان]): the words after the name
    for i, j in spans():
        last = tokens[j - 1]
        if j - i < 3 or last.kind != "word" or tokens[j - 2].kind != "word" or last.norm in first_names:
            continue
        if tokens[j - 2].norm in _LINK_WORDS or last.norm.startswith("ال"):
            continue
        whole = freq.get(last.norm, 0)
        # a title that opens its own phrase (شيخ شمل، أمير منطقة), not a family name ending the clause (… بابا،)
        title = trigger_class(last.norm) == "title" and j < n and tokens[j].kind == "word"
        glued_word = (last.norm[0] in "بلك" and whole >= _GLUED_COMMON
                      and freq.get(last.norm[1:], 0) > whole)  # عنوان 296 > بعنوان 257; كامل 956 > امل 542
        if title or glued_word:
            out[j - 1] = "O"
    return out


#: A word with a glued ب/ل/ك seen at least this often, whose rest is more frequent still, is a common
#: word behind a preposition (بعنوان، بحضور، كرئيس), not the last word of a name.
_GLUED_COMMON = 50


#: A word cluster (its first two levels) holding at least this many known first names is a cluster of names.
_NAME_CLUSTER_MIN = 20


def name_like_words(first_names: frozenset[str], clusters: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """The known first names plus every word of the news sharing a name cluster with many of them.

    The word clusters (learnt from the unlabelled news) put words used like first names together:
    ``فيصل``، ``بسام``، ``كيلي``، ``ليلى`` sit there, a conjunction or preposition plus a name
    (``ومحمد``، ``لإيران``) does not, because its neighbours differ.
    """
    counts = Counter(c[:2] for w in first_names if (c := clusters.get(w)))
    name_clusters = {c for c, n in counts.items() if n >= _NAME_CLUSTER_MIN}
    return first_names | frozenset(w for w, c in clusters.items() if c[:2] in name_clusters)


def document_words(tokens: list[Token]) -> frozenset[str]:
    """The normalised words of a document, each also under its clitic key (the evidence for a cut)."""
    out: set[str] = set()
    for t in tokens:
        if t.kind == "word":
            out.add(t.norm)
            out.add(t.key)
    return frozenset(out)


def strip_proclitic(word: str, freq: dict[str, int], context: frozenset[str] | None = None,
                    first_names: frozenset[str] = frozenset()) -> tuple[int, bool]:
    """Which proclitics to cut from the first word of a name.

    The article stays with the name (``والموصل`` → ``الموصل``); a bare و/ف/ب/ك/ل comes off when
    the unlabelled news uses the remaining word clearly more often than the whole (``وسليماني``),
    or when the whole word is unknown and the rest is a plausible word. ``context`` (the document's
    words, :func:`document_words`) and ``first_names`` (normalised first names, or
    :func:`name_like_words`) check a bare cut: a name (``فيصل``، not يصل) stays whole unless the rest
    is a name too and stands alone in the document (``ترامب`` … ``وترامب``).
    """
    norm = normalize(word)
    key = clitic_key(word)
    if key != norm:
        # An article chain (وال، بال، كال، فال، لل): deterministic, the article stays with the name.
        prefix = norm[: len(norm) - len(key)]
        if prefix.endswith("لل"):
            # ل + ال + word (للمغرب) or ل + a word that starts with ل (للبنان، لليفربول): the news decides.
            lam_word = norm[len(prefix) - 1:]
            if freq.get(lam_word, 0) > freq.get("ال" + key, 0):
                return len(prefix) - 1, False
            return len(prefix), True
        return max(len(prefix) - 2, 0), False
    whole = freq.get(norm, 0)
    best = (0, False)
    best_n = whole
    for plen, stem in clitic_candidates(norm):
        if plen == 0:
            continue
        prefix = norm[:plen]
        if prefix.endswith("ال"):
            continue  # never cut the article off a name
        n = freq.get(stem, 0)
        if n > 2 * best_n and n >= 5:
            if not _cut_confirmed(norm, stem, context, first_names):
                continue
            best, best_n = (plen, False), n
    if best[0] == 0 and whole == 0 and norm[:1] in "وف" and len(norm) >= 5:
        rest = norm[1:]
        # ف is seldom a conjunction before a name while foreign names often start with it (فيتور، فولكر):
        # both readings unseen, it comes off only when the document writes the rest alone
        if rest.startswith("ال") or (freq.get(rest, 0) == 0 and (
                norm[0] == "و" or context is None or _alone(norm, rest, context))):
            best = (1, False)
    return best


def _alone(whole_word: str, stem: str, context: frozenset[str]) -> bool:
    """The rest of a word stands in the document bare or behind another proclitic (ترامب، لترامب … وترامب)."""
    return stem in context or any(p + stem in context for p in "وفبكل" if not whole_word.startswith(p))


def _cut_confirmed(whole_word: str, stem: str, context: frozenset[str] | None,
                   first_names: frozenset[str]) -> bool:
    """Whether the document and the name list allow cutting a bare clitic the frequencies favour."""
    # The rest attested in the document bare or behind another proclitic (ترامب، لترامب … وترامب).
    alone = context is not None and _alone(whole_word, stem, context)
    if whole_word in first_names:
        return stem in first_names and alone
    # Elsewhere the frequencies decide: a country or a person behind و/ل (وفرنسا، لمحمد) is often the
    # article's only mention of it, so the rest's absence from the document is no evidence against.
    return True


def _skip_titles(tokens: list[Token], i: int, j: int, first_names: frozenset[str] = frozenset()) -> int:
    """First token after any leading titles and title complements (keeps at least one token).

    A title that is also a first name (``أمين``، ``سلطان``) is the name when it has no article and
    the word after it is neither a first name nor a title word (``اللواء أمين راضي``, but
    ``سلطان قابوس``)."""
    k = i
    saw_title = False
    while k < j - 1:
        w = tokens[k]
        if w.kind == "punct":
            k += 1
            continue
        if trigger_class(w.norm) == "title":
            nxt = tokens[k + 1]
            if (w.norm in first_names and not w.norm.startswith("ال") and nxt.kind == "word"
                    and nxt.norm not in first_names and trigger_class(nxt.norm) is None
                    and nxt.norm not in _TITLE_COMPLEMENTS and "ال" + nxt.norm not in _TITLE_COMPLEMENTS):  # أمين عام
                break
            if w.norm in first_names and not w.norm.startswith("ال") and nxt.norm in _NASAB:
                break  # سلطان بن سحيم: a title word before بن is the first name بن continues (no title has a father)
            saw_title = True
            k += 1
            continue
        if saw_title and (w.norm in _TITLE_COMPLEMENTS or any(s in _TITLE_COMPLEMENTS for _, s in clitic_candidates(w.norm))):
            k += 1
            continue
        break
    return k


def token_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of BIO tags (an orphan ``I-`` opens a span)."""
    return bio_spans(tags)


def resolve(mentions: list[Mention]) -> list[Entity]:
    """Link mentions of one entity in a document and give each its canonical name and id."""
    if not mentions:
        return []
    # One type per name in a document: the tagger may call the same name ORG once and LOC once.
    votes: dict[tuple[str, ...], Counter] = {}
    for m in mentions:
        votes.setdefault(m.words, Counter())[m.type] += 1
    for m in mentions:
        v = votes[m.words]
        if len(v) > 1:
            top = max(v.values())
            m.type = next(t for t, c in v.items() if c == top)
    # Group: each mention points to the longest compatible name of its type.
    n = len(mentions)
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    # how often each full name has been mentioned so far (its surname alone resolved to it counts for it;
    # a first name alone does not: ميلانيا is no sign that a bare ترامب is her)
    salience: Counter = Counter()
    hosts: list[int | None] = []
    for idx in range(n):
        host = _host(mentions, idx, salience)
        hosts.append(host)
        if host is None:
            salience[mentions[idx].words] += 1
        elif mentions[host].words[-1:] == mentions[idx].words[-1:]:
            salience[mentions[host].words] += 1
    by_key: dict[tuple, int] = {}
    for idx, m in enumerate(mentions):
        if hosts[idx] is not None:
            # A short name joins its own host only: two people who share a name part (كيم جونغ أون … كيم
            # يونغ-تشول, each later called كيم) stay apart when each bare كيم follows its own full name.
            continue
        # A one-word person name with and without the article are two names (فيصل، الفيصل).
        key = (m.type, m.words, m.articles if m.type == "PER" and len(m.words) == 1 else ())
        if key in by_key:
            parent[find(idx)] = find(by_key[key])
        else:
            by_key[key] = idx
    for idx, host in enumerate(hosts):
        if host is not None:
            parent[find(idx)] = find(host)
    # a name left without a host (say, one with an untagged word before it) still joins the group its
    # identical mentions went to, when they all went to one
    went: dict[tuple, set[int]] = {}
    for idx, m in enumerate(mentions):
        if hosts[idx] is not None:
            key = (m.type, m.words, m.articles if m.type == "PER" and len(m.words) == 1 else ())
            went.setdefault(key, set()).add(find(idx))
    for key, idx in by_key.items():
        if len(went.get(key, ())) == 1:
            parent[find(idx)] = next(iter(went[key]))
    groups: dict[int, list[int]] = {}
    for idx in range(n):
        groups.setdefault(find(idx), []).append(idx)
    out: list[Entity] = []
    for members in groups.values():
        # The longest name, then the most used spelling, then the first; a span that repeats a word
        # (a tagging slip such as نتانياهو بأن نتانياهو) is a canonical only when nothing else is.
        forms = Counter(mentions[k].form for k in members)
        best = max(members, key=lambda k: (_no_repeat(mentions[k].words), len(mentions[k].words), forms[mentions[k].form], -k))
        canonical = mentions[best].form
        typ = mentions[best].type
        eid = entity_id(typ, canonical)
        for k in members:
            m = mentions[k]
            out.append(Entity(text=m.text, start=m.start, end=m.end, type=typ, canonical=canonical, entity_id=eid))
    out.sort(key=lambda e: (e.start, e.end))
    return out


#: Name links after which the words name a father or a grandfather (بن، بنت، ابن).
_ANCESTOR_LINKS = frozenset(name_key(w) for w in "بن بنت ابن ابنة".split())
#: The family link: a name continued with it (… آل سعود) is the same person's fuller name.
_FAMILY_LINK = name_key("آل")


def _no_repeat(words: tuple[str, ...]) -> bool:
    """No word repeats outside the name links (نتانياهو بأن نتانياهو is a tagging slip; سعود بن نايف بن
    عبدالعزيز and عبد اللطيف بن عبد الملك are names)."""
    core = [w for w in words if w not in _ANCESTOR_LINKS and w not in _NAME_LINKS]
    return len(set(core)) == len(core)


def _host(mentions: list[Mention], idx: int, salience: Counter | None = None) -> int | None:
    """The longer mention this one abbreviates: nearest earlier one, else the first later one.

    A person's surname or first name alone (one word) joins a full name holding it at the end or
    the start, a longer part of a name one that ends with it or goes on from it with ``بن``/``آل``
    (``محمد بن نايف`` in ``محمد بن نايف بن عبدالعزيز``) or after a cut link (``عبد اللطيف بن عبد``) —
    never the words after ``بن``, which name a father; a
    shorter organisation or place name joins one that ends with it (``الأمم المتحدة`` in ``منظمة
    الأمم المتحدة``).
    """
    m = mentions[idx]
    candidates: list[int] = []
    for k, other in enumerate(mentions):
        if k == idx or other.type != m.type or len(other.words) <= len(m.words):
            continue
        if m.type == "PER":
            size = len(m.words)
            # a run after بن/بنت/آل names a father or the family (نايف بن عبدالعزيز in سعود بن نايف بن
            # عبدالعزيز), another person; a run the longer name starts with is the same person cut short
            ok = ((other.words[-size:] == m.words and other.words[-size - 1] not in _ANCESTOR_LINKS)
                  or (size > 1 and other.words[:size] == m.words
                      and (other.words[size] in _ANCESTOR_LINKS | {_FAMILY_LINK} or m.words[-1] in _NAME_LINKS)))
            if len(m.words) == 1:
                # A first name or surname alone; a surname's article must agree (الملك فيصل is not محمد
                # الفيصل). Not a first name's: الفيصل alone is also how the press names King فيصل بن عبد العزيز.
                at = -1 if other.words[-1] == m.words[0] else 0 if other.words[0] == m.words[0] else None
                ok = at == 0 or (at == -1 and m.articles[:1] == other.articles[-1:] and other.words[-2] not in _ANCESTOR_LINKS)
                # الفيصل alone with a full name starting فيصل in the article: the press's name for that one
                # (King فيصل), not the other X الفيصل
                if ok and at == -1 and m.articles[:1] == (True,) and any(
                        o.type == "PER" and len(o.words) > 1 and o.words[0] == m.words[0] for o in mentions):
                    ok = False
                # A later full name is another person when the mention has its own untagged first name
                # (ذكرى العراسي … فيصل العراسي) or the full name follows a kinship noun (ابنة فيصل العراسي).
                if ok and k > idx and at == -1 and (other.after_kin or (m.before and m.before != other.words[-2])):
                    ok = False
                # A word with its own untagged first name before it is a surname, not the first name of
                # another full name (الشاعر أمجد [ناصر] is not ناصر عراق)
                if ok and at == 0 and m.first_before:
                    ok = False
        else:
            ok = len(m.words) >= 2 and other.words[-len(m.words):] == m.words
        if ok:
            candidates.append(k)
    if not candidates:
        return None
    # A surname shared by two different full names is ambiguous: the one named with the same title
    # (الجنرال كيم → الجنرال السابق، كيم يونغ-تشول), else the one mentioned most so far (the article's
    # subject, not a relative named once), else the nearest earlier one.
    earlier = [k for k in candidates if k < idx]
    if earlier:
        if m.type == "PER" and len(m.words) == 1 and len({mentions[k].words for k in earlier}) > 1:
            titled = [k for k in earlier if m.title and mentions[k].title == m.title]
            if titled:
                return max(titled)
            if salience is not None:
                return max(earlier, key=lambda k: (salience[mentions[k].words], k))
        return max(earlier)
    return min(candidates)
