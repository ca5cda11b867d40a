"""Outlet, dateline and original-source detection.

Arabic news bodies carry their provenance in the text itself:

* a **dateline** opens the body: ``الشرق اليوم– …``, ``بغداد - (رويترز) - …``, ``الرياض - واس``
  on a line of its own, ``القاهرة (أ ف ب) - …``, ``عين اليوم – جدة``, CNN's
  ``دبي، الإمارات العربية المتحدة (CNN)-- …``, SPA's ``بريدة 25 شوال 1436 هـ الموافق … واس``;
* a **credit** closes it: ``المصدر: وكالة “ناس” العراقية``, ``(واس)``, ``نقلا عن …``,
  ``فرانس24/ أ ف ب``, ``* خدمة «نيويورك تايمز»``;
* site **chrome** surrounds it: share bars, ``// انتهى //``, tag lists (``سمات …``).

:class:`SourceDetector` reads them and fills ``doc.outlet`` (only when the metadata gave none, and
only from a publisher named in the dateline — a dateline city is never the outlet) and
``doc.source`` (the credited agency with its exact span). Every such span goes to
``doc.boilerplate`` labelled ``dateline``, ``source``, ``tags`` or ``chrome``, so later components
know that the quote marks in ``وكالة “ناس”`` are not a quotation and that the tag list is not prose.
The dateline's parts (agency, outlet, other — a place or a byline, which only a gazetteer can tell
apart) go to ``doc.user_data["dateline"]`` for the place resolver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..doc import Doc
from ..record import Source
from ..text import normalize

# --------------------------------------------------------------------------- lexicons

#: News agencies: canonical name → written variants. An agency in a dateline or credit is the source.
AGENCIES: dict[str, tuple[str, ...]] = {
    "واس": ("واس", "وكالة الأنباء السعودية", "SPA"),
    "قنا": ("قنا", "وكالة الأنباء القطرية", "QNA"),
    "وام": ("وام", "وكالة أنباء الإمارات", "WAM"),
    "بنا": ("بنا", "وكالة أنباء البحرين", "BNA"),
    "كونا": ("كونا", "وكالة الأنباء الكويتية", "KUNA"),
    "العمانية": ("العمانية", "وكالة الأنباء العمانية", "ONA"),
    "سبأ": ("سبأ", "وكالة الأنباء اليمنية", "وكالة سبأ"),
    "واع": ("واع", "وكالة الأنباء العراقية", "INA"),
    "ناس": ("ناس", "وكالة ناس", "وكالة ناس العراقية"),
    "سانا": ("سانا", "وكالة الأنباء السورية", "SANA"),
    "بترا": ("بترا", "وكالة الأنباء الأردنية", "Petra"),
    "وفا": ("وفا", "وكالة الأنباء الفلسطينية", "WAFA"),
    "أ ش أ": ("أ ش أ", "وكالة أنباء الشرق الأوسط", "MENA"),
    "الوكالة الوطنية للإعلام": ("الوكالة الوطنية للإعلام", "الوطنية للإعلام", "NNA"),
    "واج": ("واج", "وأج", "وكالة الأنباء الجزائرية", "APS"),
    "ومع": ("ومع", "لاماب", "وكالة المغرب العربي للأنباء", "MAP"),
    "وات": ("وات", "وكالة تونس أفريقيا للأنباء", "TAP"),
    "سونا": ("سونا", "وكالة السودان للأنباء", "SUNA"),
    "وال": ("وال", "وكالة الأنباء الليبية", "LANA"),
    "فرانس برس": ("أ ف ب", "ا ف ب", "أف ب", "فرانس برس", "فرانس پرس", "وكالة الصحافة الفرنسية", "وكالة فرانس برس", "AFP"),
    "رويترز": ("رويترز", "وكالة رويترز", "Reuters"),
    "د ب أ": ("د ب أ", "وكالة الأنباء الألمانية", "DPA"),
    "أسوشيتد برس": ("أ ب", "أسوشيتد برس", "أسوشييتد برس", "اسوشيتد برس", "AP"),
    "الأناضول": ("الأناضول", "وكالة الأناضول", "Anadolu"),
    "إرنا": ("إرنا", "إيرنا", "وكالة الجمهورية الإسلامية للأنباء", "IRNA"),
    "تسنيم": ("تسنيم", "وكالة تسنيم"),
    "شينخوا": ("شينخوا", "وكالة شينخوا", "Xinhua"),
    "سبوتنيك": ("سبوتنيك", "Sputnik"),
    "تاس": ("تاس", "TASS"),
    "نوفوستي": ("نوفوستي", "ريا نوفوستي"),
    "إنترفاكس": ("إنترفاكس", "انترفاكس", "Interfax"),
    "يونهاب": ("يونهاب", "Yonhap"),
    "كيودو": ("كيودو", "Kyodo"),
    "إفي": ("إفي", "EFE"),
    "آكي": ("آكي", "أكي", "AKI"),
    "بلومبيرغ": ("بلومبيرغ", "بلومبرغ", "بلومبيرج", "Bloomberg"),
    "وكالات": ("وكالات", "الوكالات", "وكالات الأنباء"),
}

#: Publishers whose name may open a body (``حنان الحامدي – عين اليوم``). Only names that are not
#: also ordinary words or city names (الرياض، اليوم، الوطن، المدينة) — those count only when the
#: article's own metadata names them.
OUTLETS: dict[str, tuple[str, ...]] = {
    "الشرق اليوم": ("الشرق اليوم",),
    "عين اليوم": ("عين اليوم",),
    "سبق": ("سبق", "صحيفة سبق"),
    "الوئام": ("الوئام", "صحيفة الوئام"),
    "عكاظ": ("عكاظ",),
    "الشرق الأوسط": ("الشرق الأوسط", "الشرق الاوسط"),
    "الاقتصادية": ("الاقتصادية",),
    "الرياضية": ("الرياضية",),
    "العربية.نت": ("العربية.نت", "العربية نت"),
    "العربية": ("العربية", "قناة العربية"),
    "سكاي نيوز عربية": ("سكاي نيوز عربية", "سكاي نيوز"),
    "الجزيرة نت": ("الجزيرة نت", "الجزيرة.نت"),
    "فرانس 24": ("فرانس 24", "فرانس24"),
    "CNN": ("CNN", "سي إن إن", "CNN بالعربية"),
    "بي بي سي": ("بي بي سي", "BBC", "بي بي سي عربي"),
    "السومرية نيوز": ("السومرية نيوز", "السومرية"),
    "شفق نيوز": ("شفق نيوز",),
    "رووداو": ("رووداو",),
    "الأهرام": ("الأهرام",),
    "اليوم السابع": ("اليوم السابع",),
    "المصري اليوم": ("المصري اليوم",),
    "نيويورك تايمز": ("نيويورك تايمز", "New York Times"),
    "واشنطن بوست": ("واشنطن بوست",),
    "رياضة الرافدين": ("رياضة الرافدين",),
}

_DOTS_RE = re.compile(r"[\s.·]+")
_TRIM = " \t.،,:;؛-–—ـ\"'“”«»()[]{}*/|"


def _key(s: str) -> str:
    """Lookup key: normalised, dots and spaces folded (أ.ف.ب = أ ف ب = ا ف ب), outer punctuation trimmed."""
    return _DOTS_RE.sub(" ", normalize(s)).strip(_TRIM + " ")


@lru_cache(maxsize=1)
def _lexicons() -> tuple[dict[str, str], dict[str, str]]:
    """(agency key → canonical, outlet key → canonical), built once per process."""
    agencies = {_key(v): canon for canon, variants in AGENCIES.items() for v in (canon, *variants)}
    outlets = {_key(v): canon for canon, variants in OUTLETS.items() for v in (canon, *variants)}
    return agencies, outlets


def agency_of(text: str) -> str | None:
    """Canonical agency name of a written credit (``أ.ف.ب`` → ``فرانس برس``), or None."""
    return _lexicons()[0].get(_key(text))


def clean_name(text: str) -> str:
    """A credit as a name: quote marks dropped, spaces folded (``وكالة “ناس” العراقية`` → ``وكالة ناس العراقية``).

    Inner brackets stay (``وكالة الأنباء العراقية (واع)``); brackets around the whole name go.
    """
    name = re.sub(r"\s+", " ", re.sub(r"[\"“”«»‹›„{}]", "", text)).strip(" \t.،,:;؛-–—ـ*/|'")
    while name.startswith("(") and name.endswith(")") and name.count("(") == 1:
        name = name[1:-1].strip()
    return name


# --------------------------------------------------------------------------- results

@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a dateline: ``role`` is agency, outlet or other (a place or a byline)."""

    text: str
    start: int
    end: int
    role: str
    canonical: str | None = None


@dataclass(slots=True)
class Dateline:
    start: int
    end: int
    parts: list[Part] = field(default_factory=list)

    def first(self, role: str) -> Part | None:
        return next((p for p in self.parts if p.role == role), None)


@dataclass(frozen=True, slots=True)
class Credit:
    """A closing credit: ``name`` cleaned, ``[start, end)`` the name as written, ``[line_start, line_end)`` the whole credit."""

    name: str
    start: int
    end: int
    line_start: int
    line_end: int


# --------------------------------------------------------------------------- chrome

_CHROME_HEAD_RE = re.compile(r"\A\s*(?:شارك من خلال\s+(?:تويتر|فيسبوك|جوجل بلس|\s)+\s*اكتب رأيك|Next Previous)\s*")
_CHROME_LINE_RE = re.compile(
    r"^[ \t]*(?:"
    r"/+\s*(?:انتهى|يتبع)\s*/+(?:\s*\d{1,2}:\d{2}\s*ت\s*م)?(?:\s*NNNN)?"  # SPA wire end marks
    r"|\d{1,2}:\d{2}\s*ت\s*م(?:\s*NNNN)?"
    r"|NNNN"
    r"|\.{2,}\s*المزيد"
    r"|رابط الخبر بصحيفة[^\n]*"
    r"|(?:لمراسلة الكاتب|للتواصل مع الكاتب)\s*:[^\n]*"
    r"|\(?تصوير\s*:[^\n)]{1,40}\)?"
    r"|-{5,}"
    r"|يمكنكم استلام إشعارات[^\n]{0,120}"
    r"|\**\s*جميع المقالات المنشورة تمثل رأي كتابها فقط\.?"
    r")[ \t]*$",
    re.M,
)
# Ain Alyoum appends "سمات word word …" (a tag list) to the last paragraph or as its own line.
_TAGS_RE = re.compile(r"(?:^|(?<=[.!؟?”\"»]) )[ \t]*سمات [^\n.!؟?“”\"«»]{1,200}$", re.M)


def find_chrome(text: str) -> list[tuple[int, int, str]]:
    """Spans of site furniture: share bars at the start, wire end marks, 'read more', tag lists."""
    spans: list[tuple[int, int, str]] = []
    m = _CHROME_HEAD_RE.match(text)
    if m and m.end() > 0:
        s = len(m.group()) - len(m.group().lstrip())
        spans.append((s, len(m.group().rstrip()), "chrome"))
    tail_from = max(0, len(text) - 600)  # chrome lives at the end of the body
    for m in _CHROME_LINE_RE.finditer(text, tail_from):
        s, e = m.span()
        s += len(m.group()) - len(m.group().lstrip())
        e -= len(m.group()) - len(m.group().rstrip())
        if e > s:
            spans.append((s, e, "chrome"))
    stripped_end = _content_end(text, spans)
    m = _TAGS_RE.search(text, max(0, stripped_end - 260), stripped_end)
    if m:
        s = m.start() + len(m.group()) - len(m.group().lstrip())
        spans.append((s, m.end(), "tags"))
    return sorted(spans)


def _content_end(text: str, spans: list[tuple[int, int, str]]) -> int:
    """End of the body once trailing chrome spans (and blanks between them) are cut off."""
    end = len(text.rstrip())
    for s, e, _ in sorted(spans, key=lambda x: -x[0]):
        if text[e:end].strip() == "":
            end = len(text[:s].rstrip())
    return end


# --------------------------------------------------------------------------- dateline

# A separator inside a dateline: dashes (spaced, or glued after a bracket), ``--``, a colon.
# A tatweel only counts with a space (it also stretches words: أبهــا).
_SEP_RE = re.compile(r"[ \t\u00a0]*(?:-{2,}|[-–—]|[ \t\u00a0]ـ+[ \t\u00a0]|:|/(?=[ \t\u00a0]))[ \t\u00a0]*")
# A publisher quoted in a dateline ("بيروت - «الحياة»"): the marks say it is a name, whatever it means.
_QUOTED_NAME_RE = re.compile(r"[«“\"]\s*([^«»“”\"\n]{2,30}?)\s*[»”\"]")
_SPACED_DASH_RE = re.compile(r"[ \t\u00a0]+[-–—ـ]+[ \t\u00a0]+")
_PAREN_RE = re.compile(r"\(\s*([^()\n]{1,30}?)\s*\)")
_WORD_RE = re.compile(r"\S+")
# Words that make a chunk a sentence rather than a place or a byline.
_SENTENCE_WORDS = frozenset(normalize(w) for w in (
    "أن", "إن", "الذي", "التي", "على", "عن", "من", "إلى", "هذا", "هذه", "كان", "كانت", "لقد", "قد", "تم", "لم", "لن",
    "ما", "هل", "بعد", "قبل", "مع", "عاجل",
    # Reporting verbs (with وَ/فَ too, see _is_sentence_word): "وأضاف: «…»" opens a quotation, not a dateline.
    "قال", "قالت", "أضاف", "أضافت", "تابع", "تابعت", "أكد", "أكدت", "أوضح", "أوضحت", "أشار", "أشارت", "لفت",
    "لفتت", "بين", "بينت", "ذكر", "ذكرت", "أعلن", "أعلنت", "كشف", "كشفت", "شدد", "شددت", "اعتبر", "اعتبرت", "رأى",
    "ختم", "استدرك", "مضى", "نفى", "نفت", "حذر", "حذرت", "صرح", "صرحت", "أفاد", "أفادت", "يقول", "تقول",
))


def _is_sentence_word(word: str) -> bool:
    w = normalize(word)
    return w in _SENTENCE_WORDS or (len(w) > 3 and w[0] in "وف" and w[1:] in _SENTENCE_WORDS)
_HIJRI_DATE_RE = re.compile(r"\d{1,2}\s+\S+\s+\d{4}\s*هـ?|الموافق|\d{1,2}\s+\S+\s+\d{4}\s*م?")
MAX_DATELINE_CHARS = 110
MAX_OTHER_WORDS = 5
#: A place-only dateline must be followed by a sentence, not by another short name ("الهلال - النصر").
MIN_BODY_WORDS = 5


def _classify(chunk: str, outlet_keys: dict[str, str]) -> tuple[str, str | None]:
    agencies, _ = _lexicons()
    k = _key(chunk)
    if k in agencies:
        return "agency", agencies[k]
    if k in outlet_keys:
        return "outlet", outlet_keys[k]
    m = _QUOTED_NAME_RE.fullmatch(chunk.strip())
    if m and len(m.group(1).split()) <= 4:
        return "outlet", clean_name(m.group(1))
    return "other", None


def _plausible_other(chunk: str) -> bool:
    """A place (``دبي، الإمارات العربية المتحدة``) or a byline (``حنان الحامدي``), not a sentence."""
    words = chunk.replace("،", " ").split()
    if not words or len(words) > MAX_OTHER_WORDS or len(chunk) > 45:
        return False
    if any(_is_sentence_word(w) for w in words):
        return False
    return not re.search(r"[\"“”«»!؟?.;؛]|\d", chunk)


def _chunks(line: str, offset: int, upto: int) -> list[tuple[str, int, int]]:
    """Split ``line[:upto]`` into (chunk, start, end) pieces between separators and brackets."""
    segment = line[:upto]
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _PAREN_RE.finditer(segment):
        pieces.extend(_between_separators(segment, pos, m.start()))
        pieces.append((m.start(1), m.end(1)))  # a bracketed part is one piece, whatever it holds
        pos = m.end()
    pieces.extend(_between_separators(segment, pos, len(segment)))
    result = []
    for s, e in pieces:
        text = segment[s:e]
        stripped = text.strip(" \t\u00a0،,")
        if stripped:
            lead = len(text) - len(text.lstrip(" \t\u00a0،,"))
            result.append((stripped, offset + s + lead, offset + s + lead + len(stripped)))
    return result


def _between_separators(segment: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    p = start
    for m in _SEP_RE.finditer(segment, start, end):
        if m.start() > p:
            pieces.append((p, m.start()))
        p = m.end()
    if end > p:
        pieces.append((p, end))
    return pieces


def _parts(chunks: list[tuple[str, int, int]], outlet_keys: dict[str, str]) -> list[Part] | None:
    """Classify every chunk; None when one of them cannot belong to a dateline."""
    parts: list[Part] = []
    for text, s, e in chunks:
        role, canon = _classify(text, outlet_keys)
        if role != "other":
            parts.append(Part(text, s, e, role, canon))
            continue
        # SPA: "بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس" — place, dates, agency in one chunk.
        words = list(_WORD_RE.finditer(text))
        if len(words) >= 2:
            last = words[-1]
            role2, canon2 = _classify(last.group(), outlet_keys)
            if role2 == "agency":
                head = text[: last.start()].rstrip()
                dates = _HIJRI_DATE_RE.search(head)
                place = head[: dates.start()].rstrip() if dates else head
                if place and _plausible_other(place):
                    parts.append(Part(place, s, s + len(place), "other"))
                    parts.append(Part(last.group(), s + last.start(), s + last.end(), "agency", canon2))
                    continue
        if not _plausible_other(text):
            return None
        parts.append(Part(text, s, e, "other"))
    return parts


def find_dateline(text: str, known_outlet: str | None = None, start: int = 0) -> Dateline | None:
    """The dateline opening ``text`` at ``start`` (after any chrome), or None.

    A dateline is a short run of parts separated by dashes, colons or brackets, ending where the
    body begins (at a separator or at the end of its own line). It needs a known agency or outlet
    — except a single place followed by a dash (``البصرة – أعلنت …``), which is a dateline without
    a source.
    """
    while start < len(text) and text[start] in " \t\n\r\u200b\u200e\u200f\ufeff":
        start += 1
    nl = text.find("\n", start)
    line_end = len(text) if nl < 0 else nl
    line = text[start:line_end]
    outlet_keys = dict(_lexicons()[1])
    if known_outlet:
        outlet_keys[_key(known_outlet)] = known_outlet.strip()
    # Candidate ends: every separator (or closing bracket) in reach, and the line end for a line of its own.
    ends: list[tuple[int, int]] = []  # (end of dateline text, end of separator)
    for m in _SEP_RE.finditer(line, 0, min(len(line), MAX_DATELINE_CHARS)):
        ends.append((m.start(), m.end()))
    if len(line.rstrip()) <= MAX_DATELINE_CHARS and nl >= 0:
        ends.append((len(line.rstrip()), len(line)))
    best: Dateline | None = None
    for end, sep_end in ends:
        if end <= 0:
            continue
        chunks = _chunks(line, start, end)
        if not chunks:
            continue
        parts = _parts(chunks, outlet_keys)
        if parts is None:
            break  # a sentence has started; longer prefixes only add to it
        own_line = end == len(line.rstrip())
        known = any(p.role != "other" for p in parts)
        separator = line[end:sep_end]
        if not known:
            if own_line:
                # "الرياض - محمد الحيدر" on a line of its own: place and byline, short, dash-separated.
                if len(parts) < 2 or len(line.strip()) > 40 or any(len(p.text.split()) > 3 for p in parts):
                    continue
            # A place alone, then a spaced dash and the body: "البصرة – أعلنت …". Unspaced dashes
            # join words ("أف-16", "-الذي") and a colon follows labels and speakers.
            elif (len(parts) != 1 or len(parts[0].text.split()) > 2 or not _SPACED_DASH_RE.fullmatch(separator)
                  or len(line[sep_end:].split()) < MIN_BODY_WORDS):
                continue
        # The span keeps the separator that closes it ("بغداد - (رويترز) -"), not the blanks after it.
        best = Dateline(start, start + end + len(separator.rstrip()), parts)
        if own_line:
            break
    return best


# --------------------------------------------------------------------------- credit

_CREDIT_LABEL_RE = re.compile(r"^[ \t]*(?:المصدر|مصدر الخبر|المصدر الأصلي|Source)[ \t]*[:：\-–][ \t]*(?P<name>[^\n]{2,100}?)[ \t.]*$", re.M)
_CREDIT_VIA_RE = re.compile(r"^[ \t]*\**[ \t]*(?:نقلا|نقلاً|نقلًا)[ \t]+عن[ \t]+(?P<name>[^\n]{2,80}?)[ \t.]*$", re.M)
_CREDIT_SYND_RE = re.compile(r"^[ \t]*\*?[ \t]*(?:خدمة|بالاتفاق مع)[ \t]+(?P<name>[^\n]{2,50}?)[ \t.]*$", re.M)
_CREDIT_PAREN_RE = re.compile(r"\([ \t]*(?P<name>[^()\n]{2,40}?)[ \t]*\)[ \t.]*$")
_CREDIT_SLASH_RE = re.compile(r"^[ \t]*(?P<name>[^\n/]{2,30}(?:/[^\n/]{2,30})+?)[ \t.]*$", re.M)
_VIA_STOP = frozenset(normalize(w) for w in ("قوله", "قولها", "أن", "إن", "الذي", "التي", "مصدر", "مصادر", "مسؤول"))


def _last_line(text: str, end: int) -> tuple[int, int]:
    """(start, end) of the last non-blank line of ``text[:end]``."""
    e = len(text[:end].rstrip())
    s = text.rfind("\n", 0, e) + 1
    return s, e


def find_credit(text: str, end: int | None = None) -> Credit | None:
    """The credit closing the body (the last line before ``end``), or None."""
    if end is None:
        end = len(text)
    s, e = _last_line(text, end)
    if e <= s:
        return None
    line = text[s:e]
    agencies, outlets = _lexicons()

    def credit(m: re.Match[str], base: int) -> Credit | None:
        ns, ne = base + m.start("name"), base + m.end("name")
        name = clean_name(text[ns:ne])
        if not name:
            return None
        ls = base + m.start() + len(m.group()) - len(m.group().lstrip())
        return Credit(name, ns, ne, ls, e)

    for pattern in (_CREDIT_LABEL_RE, _CREDIT_SYND_RE):
        m = pattern.match(line)
        if m:
            return credit(m, s)
    m = _CREDIT_VIA_RE.match(line)
    if m:
        words = m.group("name").split()
        if len(words) <= 8 and not any(normalize(w) in _VIA_STOP for w in words[:2]):
            return credit(m, s)
    m = _CREDIT_PAREN_RE.search(line)
    if m:
        inner = _key(m.group("name"))
        whole_line = line[: m.start()].strip() == ""
        # "(واس)" alone, or at the end of the last sentence for a known agency; a bracketed
        # short name alone on the last line is a credit too ("(الوطن)").
        if inner in agencies or inner in outlets or (whole_line and len(m.group("name").split()) <= 3 and not re.search(r"\d|:", m.group("name"))):
            c = credit(m, s)
            if c is not None and not whole_line:
                return Credit(c.name, c.start, c.end, s + m.start(), e)
            return c
    m = _CREDIT_SLASH_RE.match(line)
    if m:
        pieces = [p for p in m.group("name").split("/")]
        keys = [_key(p) for p in pieces]
        if all(k in agencies or k in outlets for k in keys) and any(k in agencies for k in keys):
            # The source is the agencies credited (the outlet that ran the story is the publisher).
            first = next(i for i, k in enumerate(keys) if k in agencies)
            offs, pos = [], s + m.start("name")
            for p in pieces:
                offs.append((pos, pos + len(p)))
                pos += len(p) + 1
            ns = offs[first][0] + len(pieces[first]) - len(pieces[first].lstrip())
            ne = offs[-1][1] - (len(pieces[-1]) - len(pieces[-1].rstrip()))
            names = [clean_name(p) for p, k in zip(pieces[first:], keys[first:]) if k in agencies]
            return Credit("، ".join(names), ns, ne, s + m.start(), e)
    return None


# --------------------------------------------------------------------------- component

class SourceDetector:
    """Pipeline component ``source``: dateline → outlet (and agency), closing credit → source, chrome → boilerplate."""

    name = "source"

    def __init__(self) -> None:
        _lexicons()  # build once, at pipeline construction

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        chrome = find_chrome(text)
        head = 0
        for s, e, _ in chrome:
            if s <= head + 2 and text[:s].strip() == "":
                head = e
        dateline = find_dateline(text, doc.outlet, head)
        body_end = _content_end(text, chrome)
        credit = find_credit(text, body_end)
        if credit is not None and dateline is not None and credit.line_start < dateline.end:
            credit = None  # a one-line body: the dateline wins
        doc.boilerplate.extend(chrome)
        if dateline is not None:
            doc.boilerplate.append((dateline.start, dateline.end, "dateline"))
            doc.user_data["dateline"] = {
                "start": dateline.start, "end": dateline.end,
                "parts": [{"text": p.text, "start": p.start, "end": p.end, "role": p.role, "canonical": p.canonical} for p in dateline.parts],
            }
            outlet = dateline.first("outlet")
            if doc.outlet is None and outlet is not None:
                doc.outlet = outlet.canonical or outlet.text
        if credit is not None:
            doc.boilerplate.append((credit.line_start, credit.line_end, "source"))
            doc.source = Source(credit.name, credit.start, credit.end)
        elif dateline is not None:
            agency = dateline.first("agency")
            if agency is not None:
                doc.source = Source(clean_name(agency.text), agency.start, agency.end)
