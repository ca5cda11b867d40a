"""Token features for the CRF entity tagger, shared by training and tagging.

Features of a word type (its normalised form, clitic-stripped stems, affixes, shape, word
clusters, trigger-word classes) are computed once per type and cached; a sentence's feature
lists are then assembled from the cached lists of each token and its neighbours. That keeps
tagging well above 20k tokens/s in pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..text import clitic_candidates, clitic_key, normalize

# Trigger classes: words that announce a name without being part of it (bare forms; the
# article and other clitics are stripped before lookup).
_TITLES = """
رئيس رئيسة نائب ملك ملكة أمير أميرة شيخ شيخة دكتور دكتورة وزير وزيرة عقيد لواء عميد فريق مشير نقيب رائد مقدم
جنرال سيد سيدة أستاذ أستاذة مهندس محامي قاضي سفير سفيرة متحدث متحدثة ناطق ناطقة مستشار مستشارة مبعوث مدير مديرة أمين
زعيم قائد حاج بابا أب إمام آية مرجع عاهل سلطان خليفة مفتي كاتب كاتبة صحفي صحفية مراسل مراسلة مخرج فنان فنانة مطرب
مطربة لاعب لاعبة مدرب حارس نجم نجمة روائي شاعر شاعرة باحث خبير محلل مواطن مواطنة نائبة سيناتور حاكم محافظ عمدة عضو
قس كاردينال مطران داعية شهيد متهم ضحية مرشح مرشحة الرئيس الملك الأمير الشيخ الدكتور الوزير العقيد اللواء العميد
""".split()
_ORG_HEADS = """
وزارة حزب شركة جامعة منظمة مجلس هيئة جمعية اتحاد حركة جبهة بنك مصرف وكالة صحيفة قناة إذاعة مؤسسة مركز معهد محكمة
لجنة نادي فريق منتخب جيش قوات كتائب تنظيم برلمان مكتب ديوان مديرية رابطة نقابة أكاديمية مجموعة صندوق محطة تحالف
ائتلاف كلية مستشفى دار سلطة بلدية أمانة
""".split()
_LOC_HEADS = """
مدينة محافظة ولاية إقليم منطقة قرية بلدة حي شارع جزيرة جزر نهر بحر جبل جبال خليج قضاء ناحية مخيم ميناء مطار عاصمة
دولة جمهورية مملكة إمارة بحيرة سهل وادي صحراء
""".split()
_PERSON_LINKS = frozenset(normalize(w) for w in "بن ابن بنت أبو أبي أم آل عبد".split())
_TITLES_SET = frozenset(normalize(w) for w in _TITLES)
_ORG_SET = frozenset(normalize(w) for w in _ORG_HEADS)
_LOC_SET = frozenset(normalize(w) for w in _LOC_HEADS)
#: Words that end a reported-speech cue and often precede a speaker's name.
_CUES = frozenset(normalize(w) for w in "قال أكد أضاف أوضح أشار لفت بين تابع قالت أكدت أضافت أوضحت أشارت صرح صرحت أعلن أعلنت ذكر ذكرت".split())

_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


def trigger_class(norm: str) -> str | None:
    """``title``, ``orghead``, ``lochead``, ``link``, ``cue`` or None for a normalised word (clitics stripped first)."""
    for _, stem in clitic_candidates(norm):
        if stem in _TITLES_SET:
            return "title"
        if stem in _ORG_SET:
            return "orghead"
        if stem in _LOC_SET:
            return "lochead"
    if norm in _PERSON_LINKS:
        return "link"
    if norm in _CUES or (norm[:1] in "وف" and norm[1:] in _CUES):
        return "cue"
    return None


def shape_of(word: str, norm: str) -> str:
    """Coarse shape of a token (latin / num / punct / ar); shared by the CRF and the neural tagger."""
    if _LATIN.search(word):
        return "latin"
    if _DIGIT.search(norm):
        return "num"
    if not any(c.isalpha() for c in word):
        return "punct"
    return "ar"


def _freq_bucket(n: int) -> str:
    if n <= 0:
        return "oov"
    if n < 10:
        return "rare"
    if n < 100:
        return "mid"
    if n < 2000:
        return "freq"
    return "top"


class Featurizer:
    """Turns token sequences into crfsuite feature lists using the word-cluster table."""

    def __init__(
        self, clusters: dict[str, tuple[str, ...]], freq: dict[str, int], lexicon: dict[str, tuple[str, ...]] | None = None,
        *, conjunctions: bool = False,
    ) -> None:
        self.clusters = clusters
        #: Cluster-bigram features (previous/next word's cluster joined with this word's).
        self.conjunctions = conjunctions
        self.freq = freq
        #: Self-trained name list: stem → features such as ``lx=PER:hi`` (see ner_train.auto_lexicon).
        self.lexicon = lexicon or {}
        # Bounded caches: news vocabulary is Zipfian, so a few tens of thousands of entries keep
        # most of the speed-up while peak memory stays under the pipeline's 600 MB budget
        # (300k/600k entries grew past it on 6,000 articles; see benchmarks/README.md).
        # One clitic-stripping search per normalised word (own, context, key and class features all need it).
        self._stem_uncached = self._stem
        self._stem = lru_cache(maxsize=30_000)(self._stem)  # type: ignore[method-assign]
        self._word = lru_cache(maxsize=30_000)(self._word_features)
        self._ctx = lru_cache(maxsize=30_000)(self._context_features)
        self._ctx_at = lru_cache(maxsize=60_000)(self._context_at)
        self._cls = lru_cache(maxsize=30_000)(self._class_of)
        self.key = lru_cache(maxsize=30_000)(self._key)

    def _clusters_of(self, prefix: str, key: str) -> list[str]:
        c = self.clusters.get(key)
        if not c:
            return [f"{prefix}0=none"]
        return [f"{prefix}{i}={v}" for i, v in enumerate(c)]

    def _stem(self, norm: str) -> tuple[int, str]:
        """The most likely clitic-free reading: the candidate stem the unlabelled news uses most."""
        best = (0, norm)
        best_n = self.freq.get(norm, 0)
        for plen, stem in clitic_candidates(norm):
            n = self.freq.get(stem, 0)
            if plen and n > best_n * 2 and n >= 5:
                best, best_n = (plen, stem), n
        return best

    def _word_features(self, word: str) -> tuple[str, ...]:
        norm = normalize(word)
        shape = shape_of(word, norm)
        if shape in ("num", "punct"):
            return ("b", "w=" + norm, "sh=" + shape)
        plen, stem = self._stem(norm)
        return self._own_features(word, norm, shape, plen, stem, trigger_class(norm))

    def _own_features(self, word: str, norm: str, shape: str, plen: int, stem: str, trig: str | None) -> tuple[str, ...]:
        f = ["b", "w=" + norm, "sh=" + shape]
        if shape in ("num", "punct"):
            return tuple(f)
        key = clitic_key(word)
        f.append("k=" + key)
        f.append("st=" + stem)
        f.append(f"pl={plen}")
        n = len(stem)
        f.append(f"len={min(n, 10)}")
        for i in (1, 2, 3):
            if n > i:
                f.append(f"p{i}={stem[:i]}")
                f.append(f"s{i}={stem[-i:]}")
        if norm.startswith("ال") or key != norm:
            f.append("art")
        f.append("fq=" + _freq_bucket(self.freq.get(norm, 0)))
        f.append("sfq=" + _freq_bucket(self.freq.get(stem, 0)))
        f.extend(self._clusters_of("c", norm))
        if stem != norm:
            f.extend(self._clusters_of("sc", stem))
        if trig:
            f.append("tr=" + trig)
        lx = self.lexicon.get(stem) or self.lexicon.get(norm)
        if lx:
            f.extend(lx)
        return tuple(f)

    def _context_features(self, word: str) -> tuple[str, ...]:
        """The part of a word's features its neighbours see."""
        norm = normalize(word)
        shape = shape_of(word, norm)
        if shape != "ar":
            return self._context_of(norm, shape, norm, None)
        return self._context_of(norm, shape, self._stem(norm)[1], trigger_class(norm))

    def _context_of(self, norm: str, shape: str, stem: str, trig: str | None) -> tuple[str, ...]:
        out = ["w=" + norm]
        if shape != "ar":
            out.append("sh=" + shape)
            return tuple(out)
        if stem != norm:
            out.append("st=" + stem)
        c = self.clusters.get(stem) or self.clusters.get(norm)
        if c:
            out.append("c1=" + c[1])
            out.append("c2=" + c[2])
        if trig:
            out.append("tr=" + trig)
        lx = self.lexicon.get(stem) or self.lexicon.get(norm)
        if lx:
            out.append(lx[0])
        return tuple(out)

    def _class_of(self, word: str) -> str:
        """A word's 128-way cluster (of its stem when known), or its shape for non-words."""
        norm = normalize(word)
        shape = shape_of(word, norm)
        return shape if shape != "ar" else self._class_from(norm, self._stem(norm)[1])

    def _class_from(self, norm: str, stem: str) -> str:
        c = self.clusters.get(stem) or self.clusters.get(norm)
        return c[1] if c else "unk"

    def _key(self, word: str) -> str:
        """The clitic-free key that groups a word's occurrences for document features ("" for non-words)."""
        norm = normalize(word)
        if len(norm) < 2 or not any(c.isalpha() for c in norm):
            return ""
        return clitic_key(self._stem(norm)[1])

    def word_type(self, word: str, norm: str, shape: str, trig: str | None) -> tuple[tuple[str, ...], tuple[str, ...], str, str]:
        """``(own features, context features, class, key)`` of a word in one pass (uncached).

        ``norm``, ``shape`` and ``trig`` are the word's :func:`normalize`, :func:`shape_of` and
        :func:`trigger_class` (of an ``ar`` or ``latin`` word; None otherwise), computed once
        by the caller for every featurizer that needs them. The results equal
        ``_word_features``, ``_context_features``, ``_class_of`` and ``_key``.
        """
        plen, stem = self._stem_uncached(norm)
        wordlike = shape not in ("num", "punct")
        own = self._own_features(word, norm, shape, plen, stem, trig if wordlike else None)
        if shape == "ar":
            ctx = self._context_of(norm, shape, stem, trig)
            cls = self._class_from(norm, stem)
        else:
            ctx = self._context_of(norm, shape, norm, None)
            cls = shape
        # Uncached: the caller keeps the key, and the shared 200k-entry cache would hold every stem too.
        key = "" if len(norm) < 2 or not any(c.isalpha() for c in norm) else clitic_key.__wrapped__(stem)
        return own, ctx, cls, key

    def _context_at(self, word: str, offset: int) -> tuple[str, ...]:
        return tuple(f"{offset}:{x}" for x in self._ctx(word))

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Feature lists for one sentence (a sequence of token strings)."""
        n = len(words)
        own = [self._word(w) for w in words]
        ctx_at = self._ctx_at
        norms = [f[1][2:] for f in own]
        conj = self.conjunctions
        cls = [self._cls(w) for w in words] if conj else []
        out: list[list[str]] = []
        for i in range(n):
            f = list(own[i])
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < n:
                    f.extend(ctx_at(words[j], off))
                else:
                    f.append(f"{off}:pad")
            if i > 0:
                f.append(f"bg-={norms[i-1]}|{norms[i]}")
            if i + 1 < n:
                f.append(f"bg+={norms[i]}|{norms[i+1]}")
            if i == 0:
                f.append("bos")
            if conj:
                if i > 0:
                    f.append(f"cc-={cls[i-1]}|{cls[i]}")
                    f.append(f"wc-={norms[i-1]}|{cls[i]}")
                if i + 1 < n:
                    f.append(f"cc+={cls[i]}|{cls[i+1]}")
                    f.append(f"cw+={cls[i]}|{norms[i+1]}")
            out.append(f)
        return out


# --- document context (second stage) ------------------------------------------------------------
#
# A name is often tagged right in one sentence and missed in the next (الرازي forty times in one
# article). The second-stage CRF sees, for each word, how the first stage tagged the same word
# (its clitic-free key) in the surrounding sentences — never its own first-stage tag, which the
# second stage would only learn to copy (measured: −1.2 ANERcorp, −0.6 AQMAR with it).


def document_features(
    keys: Sequence[Sequence[str]], tags: Sequence[Sequence[str]], window: int,
) -> list[list[tuple[str, ...]]]:
    """Per token, the first-stage tags of the other occurrences of its key within ``window`` sentences.

    ``keys`` are :meth:`Featurizer.key` values per token ("" for tokens that never match),
    ``tags`` the first-stage BIO tags. Features: ``dk=none`` (no other occurrence), ``dk=O``
    (never tagged elsewhere), else the commonest tag elsewhere with its share
    (``dk=B-PER:hi`` ≥ 50 %, ``:lo`` ≥ 20 %, ``:min``) and the commonest type (``dt=PER:hi|lo``).
    """
    from collections import Counter, defaultdict

    per: list[dict[str, Counter]] = []
    for ks, ts in zip(keys, tags):
        c: dict[str, Counter] = defaultdict(Counter)
        for k, t in zip(ks, ts):
            if k:
                c[k][t] += 1
        per.append(c)
    n = len(keys)
    agg: dict[str, Counter] = defaultdict(Counter)
    lo = hi = 0  # the sentences in agg: [lo, hi)
    out: list[list[tuple[str, ...]]] = []
    for s in range(n):
        while hi < min(n, s + window + 1):
            for k, c in per[hi].items():
                agg[k].update(c)
            hi += 1
        while lo < s - window:
            for k, c in per[lo].items():
                agg[k].subtract(c)
            lo += 1
        feats: list[tuple[str, ...]] = []
        for k, t in zip(keys[s], tags[s]):
            if not k:
                feats.append(())
                continue
            c = agg[k]
            total = sum(c.values()) - 1  # the token itself is not its own context
            if total <= 0:
                feats.append(("dk=none",))
                continue
            ent = Counter({x: v - (x == t) for x, v in c.items() if x != "O"})
            ent = +ent
            if not ent:
                feats.append(("dk=O",))
                continue
            best, m = ent.most_common(1)[0]
            r = m / total
            typ = best[2:]
            share = sum(v for x, v in ent.items() if x[2:] == typ) / total
            feats.append((
                "dk=" + best + (":hi" if r >= 0.5 else ":lo" if r >= 0.2 else ":min"),
                "dt=" + typ + (":hi" if share >= 0.5 else ":lo"),
            ))
        out.append(feats)
    return out


def with_document_features(base: Sequence[Sequence[str]], doc: Sequence[tuple[str, ...]]) -> list[list[str]]:
    """A sentence's first-stage feature lists plus its own and its neighbours' document features."""
    n = len(base)
    out: list[list[str]] = []
    for i in range(n):
        f = list(base[i])
        f.extend(doc[i])
        if i > 0:
            f.extend("-1:" + x for x in doc[i - 1])
        if i + 1 < n:
            f.extend("1:" + x for x in doc[i + 1])
        out.append(f)
    return out
