"""Deterministic features for clustering: body text, shingles, MinHash signatures, term vectors.

Everything here is a pure function of one article, so a Spark job (or any other process) that
calls the same functions gets the same signatures, band keys and vectors, hence the same
clusters. Nothing depends on the order articles arrive in, on numpy's random generator or on
Python's salted ``hash()``: permutations and hashes come from BLAKE2b of fixed strings.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from ..text import clitic_key, normalize, normalize_with_map, tokenize

# ---------------------------------------------------------------- body text

#: Wire agencies and their usual abbreviations in Arabic copy → canonical credited name.
AGENCIES: dict[str, str] = {
    "واس": "وكالة الأنباء السعودية (واس)", "قنا": "وكالة الأنباء القطرية (قنا)",
    "وام": "وكالة أنباء الإمارات (وام)", "كونا": "وكالة الأنباء الكويتية (كونا)",
    "بنا": "وكالة أنباء البحرين (بنا)", "سبا": "وكالة الأنباء اليمنية (سبأ)",
    "سانا": "الوكالة العربية السورية للأنباء (سانا)", "وفا": "وكالة الأنباء الفلسطينية (وفا)",
    "بترا": "وكالة الأنباء الأردنية (بترا)", "اش ا": "وكالة أنباء الشرق الأوسط (أ ش أ)",
    "ا ش ا": "وكالة أنباء الشرق الأوسط (أ ش أ)", "ا ف ب": "وكالة فرانس برس (أ ف ب)",
    "فرانس برس": "وكالة فرانس برس (أ ف ب)", "رويترز": "رويترز", "الاناضول": "وكالة الأناضول",
    "د ب ا": "وكالة الأنباء الألمانية (د ب أ)", "اسوشيتد برس": "أسوشيتد برس", "ا ب": "أسوشيتد برس",
    "ناس": "وكالة ناس", "واج": "وكالة الأنباء الجزائرية (واج)", "وات": "وكالة تونس أفريقيا للأنباء (وات)",
    "ومع": "وكالة المغرب العربي للأنباء (ومع)", "العمانية": "وكالة الأنباء العمانية", "سبوتنيك": "سبوتنيك",
}
_AGENCY_ALT = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
# (واس) anywhere; "الرياض - واس" / "... م واس" at the end of a dateline line.
_PAREN_AGENCY_RE = re.compile(r"[(\[]\s*(" + _AGENCY_ALT + r")\s*[)\]]")
_DATELINE_AGENCY_RE = re.compile(r"(?:^|[\s\-–—:/])(" + _AGENCY_ALT + r")\s*$")
_SOURCE_LINE_RE = re.compile(r"^\s*(?:المصدر|مصدر الخبر|المصادر)\s*[:：]\s*(.{2,80}?)\s*$")
_NAQLAN_RE = re.compile(r"(?:نقلا|نقلاً|نقل)\s+عن\s+((?:\S+\s+){0,3}\S+)")
_AGENCY_PHRASE_RE = re.compile(r"(?:وكاله|وكالة)\s+(?:انباء|أنباء|الانباء|الأنباء)\s+\S+|(?:وكاله|وكالة)\s+(" + _AGENCY_ALT + r")\b")
_TRAILER_RE = re.compile(r"^\s*(?://\s*انتهى\s*//|انتهى|\d{1,2}:\d{2}\s*(?:ت\s*م|ت\.م|ت غ)?|سمات\b.*|الكلمات الدالة.*|اقرأ ايضا.*|اقرأ أيضا.*|المصدر\s*[:：].*|مصدر الخبر\s*[:：].*)\s*$")
_DASH_PREFIX_RE = re.compile(r"^([^\n.،:!؟?]{1,45}?)\s*[-–—]+\s*")
_WORD_RE = re.compile(r"\w+")


def _short(line: str, max_words: int) -> bool:
    return len(_WORD_RE.findall(line)) <= max_words


def body_text(text: str, boilerplate: Sequence[tuple[int, int, str]] = ()) -> str:
    """The article body without dateline, byline, source credit, sign-off and tag lines.

    Spans the source detector marked as boilerplate are blanked first; then the fallbacks
    below catch what it missed (or all of it when that component is switched off):
    a short first line (``بريدة 25 شوال ... واس``, ``حنان خواسك – عين اليوم``), a short dash
    prefix of the first line (``الرياض - واس ...``), and trailer lines (``// انتهى //``,
    ``20:26 ت م``, ``المصدر: ...``, ``سمات ...``).
    """
    if boilerplate:
        chars = list(text)
        for start, end, _label in boilerplate:
            for i in range(max(0, start), min(len(chars), end)):
                if chars[i] != "\n":
                    chars[i] = " "
        text = "".join(chars)
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    # Trailing sign-offs, time stamps, credits and tag lists.
    while lines and (_TRAILER_RE.match(lines[-1]) or (_short(lines[-1], 3) and len(lines) > 2)):
        lines.pop()
    if len(lines) > 1 and _short(lines[0], 12) and not re.search(r"[.!؟?]\s*$", lines[0]):
        lines.pop(0)  # dateline / byline line
    if lines:
        m = _DASH_PREFIX_RE.match(lines[0])
        if m and _short(m.group(1), 5):
            lines[0] = lines[0][m.end():]
    return "\n".join(lines)


_CREDIT_STOP = frozenset(normalize(w) for w in "ان أن إن قوله قولها قولهم الذي التي ان، في على عن اليوم امس أمس".split())
_CREDIT_HEAD = frozenset(normalize(w) for w in "وكالة وكالات صحيفة جريدة موقع قناة شبكة".split())


def credited_source(text: str) -> str | None:
    """The original source the article credits, from its own wording, or ``None``.

    Looks for ``(واس)``, a dateline ending in an agency (``الرياض - واس``), a source line
    (``المصدر: وكالة ناس``), ``نقلا عن ...`` and ``وكالة أنباء ...`` — in that order of trust.
    Known agencies come back under their full name; other credits as written in the article.
    """
    nt = normalize_with_map(text)
    norm = nt.text

    def original(start: int, end: int) -> str:
        s, e = nt.span_to_original(start, end)
        return text[s:e].strip(" .،\"“”«»()[]")

    m = _PAREN_AGENCY_RE.search(norm)
    if m:
        return AGENCIES[m.group(1)]
    lines = [ln.strip() for ln in norm.split("\n") if ln.strip()]
    for ln in lines[:2]:
        head = ln[:80]
        m = _DATELINE_AGENCY_RE.search(head) if _short(head, 14) else None
        if not m:
            m2 = _DASH_PREFIX_RE.match(ln)
            if m2 and _short(m2.group(1), 5):
                m = _DATELINE_AGENCY_RE.search(m2.group(1))
        if m:
            return AGENCIES[m.group(1)]
    for lm in reversed(list(re.finditer(r"[^\n]+", norm))[-3:]):
        m = _SOURCE_LINE_RE.match(lm.group())
        if m:
            key = m.group(1).strip(" .،\"“”«»")
            return AGENCIES.get(key) or original(lm.start() + m.start(1), lm.start() + m.end(1)) or None
    m = _NAQLAN_RE.search(norm)
    if m:
        words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"\S+", m.group(1))]
        while words and words[0][2] in _CREDIT_HEAD:
            words = words[1:]
        kept = []
        for w in words:
            if w[2].strip("،,.") in _CREDIT_STOP:
                break
            kept.append(w)
            if w[2].endswith(("،", ",", ".")):
                break
        for n in range(len(kept), 0, -1):
            cand = " ".join(w[2] for w in kept[:n]).strip(" .،")
            if cand in AGENCIES:
                return AGENCIES[cand]
        if kept:
            base = m.start(1)
            return original(base + kept[0][0], base + kept[-1][1]) or None
        return None
    m = _AGENCY_PHRASE_RE.search(norm)
    if m:
        if m.group(1):
            return AGENCIES[m.group(1)]
        return original(m.start(), m.end()) or None
    return None


# ---------------------------------------------------------------- tokens and shingles

def content_keys(text: str) -> list[str]:
    """Matching keys of the words and numbers of ``text``: normalised, clitic-stripped (والموصل → موصل)."""
    out = []
    for t in tokenize(text):
        if t.kind == "word":
            out.append(clitic_key(t.text))
        elif t.kind == "num":
            out.append(t.norm.replace(",", ""))
    return out


def shingles(keys: Sequence[str], k: int = 4) -> set[str]:
    """Word k-grams of the keys (the whole text as one shingle when shorter than k)."""
    if not keys:
        return set()
    if len(keys) < k:
        return {" ".join(keys)}
    return {" ".join(keys[i:i + k]) for i in range(len(keys) - k + 1)}


_MASK64 = (1 << 64) - 1


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The seeded affine permutations h → (a·h + b) mod 2⁶⁴, a odd: ``a_i, b_i`` = BLAKE2b("marsad-minhash|seed|i|a|b")."""
    a = np.array([_h64(f"marsad-minhash|{seed}|{i}|a".encode()) | 1 for i in range(num_perm)], dtype=np.uint64)
    b = np.array([_h64(f"marsad-minhash|{seed}|{i}|b".encode()) for i in range(num_perm)], dtype=np.uint64)
    return a, b


def shingle_hashes(items: Iterable[str]) -> np.ndarray:
    """64-bit BLAKE2b hashes of the shingles (UTF-8)."""
    return np.fromiter((_h64(s.encode("utf-8")) for s in items), dtype=np.uint64)


def minhash_signature(items: Iterable[str], num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """MinHash signature (uint64[num_perm]) of a set of shingles; all-max for the empty set.

    Pure and portable: in plain Python, ``min((a*h + b) & (2**64-1) for h in hashes)`` per
    permutation gives the same numbers (numpy's uint64 arithmetic wraps the same way).
    """
    hv = shingle_hashes(items)
    if hv.size == 0:
        return np.full(num_perm, _MASK64, dtype=np.uint64)
    a, b = permutations(num_perm, seed)
    out = np.empty(num_perm, dtype=np.uint64)
    # Chunk the shingles so a very long article never builds a huge matrix.
    step = 2048
    with np.errstate(over="ignore"):
        for j in range(0, num_perm, 32):
            aj, bj = a[j:j + 32], b[j:j + 32]
            best = np.full(aj.shape, _MASK64, dtype=np.uint64)
            for i in range(0, hv.size, step):
                chunk = hv[i:i + step, None]
                best = np.minimum(best, (chunk * aj + bj).min(axis=0))
            out[j:j + 32] = best
    return out


def signature_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity estimated from two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(signature: np.ndarray, bands: int, rows: int) -> list[str]:
    """LSH band keys ``"band:hex"`` of a signature: articles sharing one key are candidates.

    Stable strings, so a database index or a Spark ``groupBy`` can do the candidate search.
    """
    out = []
    for i in range(bands):
        part = signature[i * rows:(i + 1) * rows]
        out.append(f"{i}:{hashlib.blake2b(part.astype('<u8').tobytes(), digest_size=8).hexdigest()}")
    return out


def signature_to_bytes(signature: np.ndarray) -> bytes:
    return signature.astype("<u8").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)


# ---------------------------------------------------------------- term vectors

#: Function words and news verbs that say nothing about which story an article tells.
STOPWORDS = frozenset(normalize(w) for w in """
في من على الى إلى عن مع ان أن إن او أو ثم بل لكن لكنه لم لن لا ما ماذا متى كيف اين أين هل قد لقد كان كانت يكون تكون
هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين هو هي هم هن انا نحن انت انه أنه انها أنها انهم أنهم
كل بعض غير بين عند عندما حتى منذ خلال بعد قبل حول ضد نحو لدى اذا إذا اي أي كما ايضا أيضا فقط وقد وكان وكانت
قال قالت يقول تقول وقال وقالت اضاف أضاف واضاف وأضاف اكد أكد واكد وأكد اوضح أوضح واوضح وأوضح اشار أشار واشار وأشار
مضيفا مؤكدا مشيرا لافتا موضحا وفقا بحسب حسب وذلك وهو وهي ولا وما وفي ومن وعلى والى وإلى وان وأن فان فإن
يوم اليوم امس أمس الاثنين الثلاثاء الاربعاء الأربعاء الخميس الجمعة السبت الاحد الأحد عام العام سنة الماضي المقبل الحالي
الذي له لها لهم به بها بهم فيه فيها منه منها عليه عليها اليه إليه اليها إليها عنه عنها وقت تم يتم جرى
""".split()) | frozenset(clitic_key(w) for w in "الذي التي الماضي المقبل الحالي اليوم العام".split())

_NUM_RE = re.compile(r"^\d+(?:\.\d+)?$")


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """IDF of clitic keys learnt once from 26,846 unlabelled news articles (see ``marsad train cluster-idf``).

    Returns ``(idf by key, idf of an unseen key)``. Fixed at build time, so a term's weight never
    depends on which other articles happen to be in the store.
    """
    path = resources.files("marsad.cluster").joinpath("data/idf.tsv.gz")
    with path.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as f:
        header = f.readline().split("\t")
        n_docs = int(header[1])
        table = {}
        for line in f:
            term, df = line.rstrip("\n").split("\t")
            table[term] = math.log((n_docs + 1) / (int(df) + 1)) + 1.0
    return table, math.log((n_docs + 1) / 2) + 1.0


def term_counts(title: str | None, body: str, title_weight: int = 2) -> Counter[str]:
    """Counts of content keys (stopwords, one-letter keys and bare small numbers dropped); the title counts double."""
    counts: Counter[str] = Counter()
    for text, w in ((body, 1), (title or "", title_weight)):
        for key in content_keys(text):
            if len(key) < 2 or key in STOPWORDS:
                continue
            if _NUM_RE.match(key):
                continue  # numbers are compared separately (see numbers())
            counts[key] += w
    return counts


def tfidf_vector(counts: Counter[str]) -> dict[str, float]:
    """Sublinear TF × fixed IDF, L2-normalised."""
    table, unseen = idf_table()
    vec = {t: (1.0 + math.log(c)) * table.get(t, unseen) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


_YEARS = range(1900, 2101)


def numbers(text: str) -> set[str]:
    """Distinctive numbers of a text (digits, any script): values ≥ 10 that are not years."""
    out = set()
    for t in tokenize(text):
        if t.kind != "num":
            continue
        v = t.norm.replace(",", "")
        try:
            f = float(v)
        except ValueError:
            continue
        if f < 10 or (f.is_integer() and int(f) in _YEARS):
            continue
        out.add(v.rstrip("0").rstrip(".") if "." in v else v)
    return out
