"""Places: find place names with an offline Arabic gazetteer and pick the place each one means.

The gazetteer (``marsad/data/gazetteer/places.json.gz``, built by ``scripts/build_gazetteer.py``) maps
name keys — the text layer's normalised, clitic-stripped forms, so الموصل، والموصل، بالموصل، للموصل all
meet at ``موصل`` — to candidate places. :class:`PlaceResolver` scans the tokens with a longest match
(صلاح الدين، المملكة العربية السعودية، قاعدة عين الأسد), drops matches that are ordinary words, parts of
organisation, club or person names, idioms (مسقط رأسه) or adjectives (الهيئة السعودية), and then ranks
each match's candidates by feature class, population, the article's other places, cue words
(محافظة، مدينة، ولاية) and the outlet's country. See docs/places.md for the conventions.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..doc import Doc
from ..record import Place
from ..text import Token, clitic_candidates, clitic_key, normalize, prefix_length_in_original, tokenize

#: Longest place name, in words (الولايات المتحدة الأمريكية، قاعدة الأمير سلطان الجوية).
MAX_WORDS = 6


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    id: int
    name: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    geonames_id: int | None
    kind: str  # country, admin1, city, district, continent, region, sea, base, crossing, site
    population: int

    @property
    def feature(self) -> str:
        return _KIND_TO_FEATURE.get(self.kind, "site")


_KIND_TO_FEATURE = {"country": "country", "admin1": "admin1", "city": "city", "district": "city"}


class Gazetteer:
    """The shipped index: entries plus name key → candidate entries, and every key's word prefixes."""

    def __init__(self, data: dict) -> None:
        self.sources: dict = data.get("sources", {})
        self.entries: list[Entry] = [Entry(i, *row) for i, row in enumerate(data["entries"])]
        self.keys: dict[str, tuple[Entry, ...]] = {k: tuple(self.entries[i] for i in ids) for k, ids in data["keys"].items()}
        prefixes: set[str] = set()
        for k in self.keys:
            words = k.split(" ")
            for n in range(1, len(words)):
                prefixes.add(" ".join(words[:n]))
        #: Keys that only start longer names (صلاح → صلاح الدين): a lookup continues through them.
        self.prefixes = frozenset(prefixes)
        #: Single-word keys that are mostly not places: what the NER corpora tag as words or names,
        #: plus our list of place names that are everyday words (الخبر "the news", العين "the eye").
        self.not_place_ner = frozenset(data.get("not_place", ()))
        self.not_place = self.not_place_ner | WORD_LIKE_PLACES
        #: Prefixed words that are words of their own (فرقة is not ف + الرقة's bare form).
        self.blocked_bare = frozenset(data.get("blocked_bare", ()))

    def known(self, key: str) -> bool:
        return key in self.keys or key in self.prefixes

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Candidates for a name written without clitics (``الموصل``, ``صلاح الدين``)."""
        return self.keys.get(gkey(name), ())

    def __len__(self) -> int:
        return len(self.entries)


def gkey(name: str) -> str:
    """Gazetteer key of a clitic-free name: normalised words joined by one space, article kept."""
    return " ".join(t.norm for t in tokenize(name) if t.kind in ("word", "num"))


@lru_cache(maxsize=2)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """Load the gazetteer once per process (the packaged one unless ``path`` is given)."""
    if path is None:
        raw = resources.files("marsad").joinpath("data/gazetteer/places.json.gz").read_bytes()
    else:
        with open(path, "rb") as f:
            raw = f.read()
    return Gazetteer(json.loads(gzip.decompress(raw)))


# --- lexicons (normalised forms: ا for أ/إ/آ, ي for ى, ه for ة) ---------------------------------

def _norm_set(words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words.split())


def _key_set(words: str) -> frozenset[str]:
    return frozenset(clitic_key(w) for w in words.split())


#: Single-word keys that are far more often ordinary words or names than places in news text
#: (GeoNames carries villages called الحي، المدينة، أمان، النصر …). Reviewed on the unlabelled corpus.
COMMON_WORDS = _key_set("""
حي مدينه امان دار سلام نور امل عين بلد وطن قريه نصر فجر اسد هلال اتحاد شباب وحده اهلي فتح نجمه
سعاده حياه خير فرح جبل بحر نهر وادي سوق ساحل ميناء مطار جسر شرق غرب شمال جنوب وسط
عاصمه دوله منطقه ولايه محافظه اقليم قطاع مركز مخيم حدود
جامعه كليه مدرسه مستشفى مسجد قصر برج قلعه بيت باب راس ظهر صحراء واحه مملكه
عرب عربيه اسلام اسلاميه وطنيه قوميه عالم دوليه اليوم يوم امس غد صباح مساء ليل عام شهر سنه ساعه
حرب سلم قوه قوات جيش شعب حكومه رئيس وزير ملك امير شيخ سلطان نائب قائد مدير عضو مجلس
اول ثاني ثالث كبير صغير جديد قديم عالي عليا سفلى حمراء خضراء بيضاء سوداء زرقاء بيضا
محمد احمد علي حسن حسين عمر عثمان خالد سعيد سعد فهد عبدالله صالح ابراهيم يوسف موسى عيسى مريم فاطمه
زينب سلمان طلال نايف منصور ناصر جمال كمال بدر هاني سامي فيصل ماجد راشد زايد حمد جاسم مبارك
امن سلامه رحمه بركه نعمه كرامه حريه عداله تنميه نهضه اصلاح مستقبل تقدم حسم دعوه
جمعه خميس سبت احد اثنين ثلاثاء اربعاء رمضان شعبان رجب محرم صفر
مال ذهب فضه نفط غاز ماء ملح رمل حجر حديد نحاس
صحه ثقافه رياضه تعليم اعلام اخبار
قمه تل كوم برك بئر عيون ام ابو بني ميدان معسكر عصابه بورصه عشاق حولي قصور اقصر سلميه خارجه دوما
خمس صافي ميديا ميلا مينا دير الم هزه كردي معان سول بركان زاويه حراك ديانا عمران بحري ميادين طراز
الان وان بانه عنه راي انا جنيه نادي سوف اطار صاحب ادي يوما مرات لاول قوله شبه لاي اشار الصوره المصدر
الاشهر الحد الشيوخ يونغ شمالي حارس دورا بول ساره مون اوباما كوهين مارتن سيما الخبراء الثوره خليفه حكما
طول اري كوبر الطرف سالم فاروق ميل ماري غرينتش ريو الوان قنوات ملكه العلم سلطات جان كين بيل الداخليه هام
السويديه الهنديه التحالف الزعيم الابيض كلمه اشرف بشار سعيده فارس وردا دوري تلا خالص ريم لوم خفي حلاوه
سانتوس حصار بير
""")
#: Forms that are words only without the article (عقبة "obstacle" but العقبة the Jordanian port).
COMMON_BARE = _norm_set("عقبة رياض شفا منا ديغو احمدي اوستن داريا مفرق خبر منشأة فان نارا حديدة بحركة وقف حواره صبيا رانية")

#: Place names that are also everyday words: they count only with support (a cue, a preposition).
WORD_LIKE_PLACES = _norm_set("""
الخبر الصور الفحص الاحمدي القاسم مشهد المنشأة المعادي الرمادي العين الوجه العلا الجوف حائل الخرج صور حماة الامل الحديثة الشرقية الغربية الوسطى الشمالية الجنوبية
البيضاء الخضراء الزرقاء الحمراء الجديدة المنار النور السلام الفجر الشروق الامارة الرحمة الصالحية الخليل
المحمدية الرشيدية الحسينية الهاشمية الدولة الحرية الوحدة الاتحاد النهضة الاستقلال العروبة المستقبل
""")

#: Words before a name that make it part of an organisation, outlet, venue or brand name.
ORG_BEFORE = _norm_set("""
قناة صحيفة جريدة مجلة وكالة إذاعة راديو تلفزيون تلفزيونات موقع جامعة كلية معهد أكاديمية نادي لنادي بنادي
فريق شركة مجموعة بنك مصرف مؤسسة فندق فنادق مستشفى مسرح ملعب استاد متحف مركز سوق بورصة
مطار إعلان اتفاق اتفاقية اتفاقيات بروتوكول معاهدة مؤتمر منتدى قمة مهرجان معرض ماراثون دوري كأس
جائزة بطولة أبطال صندوق هيئة حزب حركة جبهة ائتلاف تحالف كتائب لواء ألوية سرايا جيش فيلق تيار
""")
#: …unless the organisation word is one whose name is the place it governs or hosts these events.
#: (مؤتمر جدة، قمة الرياض، إعلان ويندهوك، بطولة الأردن name where something happened: kept.)
EVENT_WORDS = _norm_set("مؤتمر منتدى قمة مهرجان معرض إعلان اتفاق اتفاقية معاهدة بطولة ماراثون")
#: Words after a name that make it the start of an organisation or title (نيويورك تايمز، واشنطن بوست).
ORG_AFTER = _norm_set("تايمز تايم بوست جورنال تريبيون غارديان نيوز برس للأنباء سيتي يونايتد ستار هيرالد تلغراف")
#: Clubs and teams named after cities (matched as wholes and never taken as places).
CLUB_NAMES = tuple(normalize(n) for n in """
ريال مدريد|أتلتيكو مدريد|اتلتيكو مدريد|أتليتكو مدريد|مانشستر يونايتد|مانشستر سيتي|بايرن ميونخ|بايرن ميونيخ|باريس سان جيرمان|
باريس سان جرمان|إنتر ميلان|انتر ميلان|إيه سي ميلان|بوروسيا دورتموند|ريال سوسيداد|ريال بيتيس|أتلتيك بيلباو|باير ليفركوزن|
شالكه|أولمبيك ليون|أولمبيك مارسيليا|ويست هام|نيوكاسل يونايتد|ليدز يونايتد|أستون فيلا|سبورتنغ لشبونة|بنفيكا|بورتو|
أياكس أمستردام|آينتراخت فرانكفورت|اينتراخت فرانكفورت|هيرتا برلين|فيردر بريمن|كليفلاند كافاليرز|غلطة سراي|فنربخشة|بشكتاش|الأهلي|الزمالك|الهلال|النصر|الاتحاد|الشباب|الوحدة|الترجي|الوداد|الرجاء""".replace("\n", "").split("|"))
#: City names that, in a sports article, are nearly always the club (برشلونة فاز …).
CLUB_CITIES = _norm_set("أتلانتا مرسيليا برشلونة ليفربول توتنهام أرسنال تشيلسي روما ميلان نابولي إشبيلية فالنسيا مارسيليا ليون موناكو بورتو يوفنتوس ليستر نيوكاسل سوانزي بورنموث ويستهام هدرسفيلد واتفورد ستوك إيفرتون فياريال خيتافي إسبانيول لاتسيو فيورنتينا أتالانتا تورينو جنوى ساوثهامبتون بيرنلي واتفورد برايتون")
SPORT_CUES = _norm_set("مباراة المباراة الدوري دوري لاعب اللاعب هدف هدفا المدرب مدرب النادي بطولة منتخب المنتخب الفريق ملعب كرة التعاقد الموسم")
#: Cue words before a name and the feature they ask for.
ADMIN_CUES = _norm_set("محافظة ولاية منطقة إقليم اقليم مقاطعة إمارة امارة")
CITY_CUES = _norm_set("مدينة مدينتي بلدة قرية ضاحية العاصمة عاصمة")
COUNTRY_CUES = _norm_set("دولة جمهورية مملكة سلطنة بلاد")
#: Words before a name that make it part of a person's name or title (أمير صلاح الدين is a singer).
PERSON_BEFORE = _norm_set("بن ابن بنت أبو أم آل عبد الشيخ السيد السيدة الفنان الفنانة المطرب المطربة الممثل الممثلة اللاعب الكاتب الشاعر الدكتور المهندس")
#: Idioms that contain a place name (مسقط رأسه = birthplace; not Muscat).
IDIOM_AFTER = {normalize("مسقط"): _norm_set("رأس رأسه رأسها رأسي رأسهم رأسهما")}
#: Country names that are also the feminine adjective (القوات السعودية): after a definite noun they are adjectives.
ADJECTIVE_NAMES = _norm_set("السعودية")  # keys keep the article: السعوديه
#: Words after which المغرب is the prayer time or the west, not Morocco.
MAGHRIB_BEFORE = _norm_set("صلاة صلاتي أذان اذان بعد قبل وقت موعد العشاء")
#: الجزيرة alone is the channel, the paper or a generic island; it is a place only after these cues.
JAZIRA_CUES = _norm_set("ولاية منطقة إقليم")
#: Prepositions that, right before a name, make a place reading more likely (في الموصل).
PLACE_PREPS = _norm_set("في من إلى الى نحو داخل خارج قرب شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط أنحاء انحاء حول عبر")

#: Outlets → the country they publish from (bias for ambiguous names). Pan-Arab channels are left out.
OUTLET_COUNTRY: dict[str, str] = {
    "al-riyadh": "SA", "saudi press agency": "SA", "spa": "SA", "al-yaum": "SA", "al-jazirah": "SA", "okaz": "SA",
    "al-madina": "SA", "al-eqtisadiya": "SA", "al-watan (saudi)": "SA", "ain alyoum": "SA", "al-weeam": "SA",
    "arriyadiyah": "SA", "sabq": "SA", "asharq al-awsat": "SA",
    "الرياض": "SA", "واس": "SA", "اليوم": "SA", "الجزيرة": "SA", "عكاظ": "SA", "المدينة": "SA", "الاقتصادية": "SA",
    "الوطن": "SA", "عين اليوم": "SA", "الوئام": "SA", "الرياضية": "SA", "سبق": "SA", "الشرق الأوسط": "SA",
    "السومرية نيوز": "IQ", "شفق نيوز": "IQ", "رووداو": "IQ", "رياضة الرافدين": "IQ", "الشرق اليوم": "IQ",
    "الأهرام": "EG", "اليوم السابع": "EG", "المصري اليوم": "EG",
}


def outlet_country(outlet: str | None) -> str | None:
    """Country of a known outlet (by name, case- and spelling-insensitive), else None."""
    if not outlet:
        return None
    o = outlet.strip().lower()
    return OUTLET_COUNTRY.get(o) or _outlet_norm().get(normalize(o))


@lru_cache(maxsize=1)
def _outlet_norm() -> dict[str, str]:
    return {normalize(k): v for k, v in OUTLET_COUNTRY.items()}


# --- matching -------------------------------------------------------------------------------------

@dataclass(slots=True)
class Mention:
    tok_start: int
    tok_end: int
    start: int
    end: int
    key: str
    candidates: tuple[Entry, ...]
    cue: str | None = None  # admin, city, country or event (the word before the name)
    prep: bool = False


def _first_key(tok: Token, gaz: Gazetteer) -> tuple[int, str] | None:
    """(original prefix length to drop, key) for the first word of a name, or None.

    The word as written wins (بغداد is not ب + غداد); then the article-bearing readings (والموصل،
    بالموصل → الموصل; للموصل → الموصل with the span after لل); then a bare proclitic (وعمان → عمان)
    unless the prefixed word is a common word of its own (فرقة، كبيرة).
    """
    word = tok.text
    full = tok.norm
    cands = clitic_candidates(word)
    if gaz.known(full):
        # وجدة is Oujda as written, but و + جدة (Jeddah) is the likelier reading: when a single
        # proclitic و/ب/ل also gives a known name, keep the reading with the more prominent place.
        if full[0] in "وبل" and full in gaz.keys and full[1:] in gaz.keys and len(full) > 3:
            if _prominence(gaz.keys[full[1:]]) > 5 * _prominence(gaz.keys[full]):
                return prefix_length_in_original(word, 1), full[1:]
        return 0, full
    for plen, stem in cands:
        if not plen:
            continue
        if stem.startswith("ال") and gaz.known(stem):
            return prefix_length_in_original(word, plen), stem
    for plen, stem in sorted(cands, key=lambda c: c[0]):  # shortest strip first: ولوزان → لوزان, not وزان
        if not plen or stem.startswith("ال"):
            continue
        prefix = full[:plen]
        if set(prefix) - _PROCLITIC_LETTERS:  # المالي is ال + مالي (an article reading), never a bare proclitic
            continue
        if not prefix.endswith("لل") and prefix not in _BARE_PREFIXES:
            continue  # ف، ك before a bare name are rare in news and often start a word (فرشت، كبيرة)
        if prefix.endswith("لل"):  # للموصل: the article lost its alef
            if gaz.known("ال" + stem):
                return prefix_length_in_original(word, plen), "ال" + stem
            continue
        if len(stem) >= 3 and gaz.known(stem) and full not in gaz.blocked_bare:
            return prefix_length_in_original(word, plen), stem
    return None


def _prominence(entries: tuple[Entry, ...]) -> int:
    return max((e.population or (10**8 if e.kind in ("country", "continent") else 10**6)) for e in entries)


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Longest gazetteer matches over the tokens, before any filtering."""
    toks = doc.tokens
    text = doc.text
    out: list[Mention] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.kind != "word":
            i += 1
            continue
        first = _first_key(t, gaz)
        if first is None:
            i += 1
            continue
        plen, key = first
        best: tuple[int, str] | None = (i + 1, key) if key in gaz.keys else None
        j, words, last_end = i + 1, 1, t.end
        while j < n and words < MAX_WORDS:
            nt = toks[j]
            gap = text[last_end:nt.start]
            if nt.kind == "punct" and nt.text in "_-–" and j + 1 < n and toks[j + 1].start == nt.end and toks[j + 1].kind == "word":
                j += 1  # hashtag / compound joiner: #الولايات_المتحدة
                last_end = nt.end
                continue
            if nt.kind != "word" or "\n" in gap or gap.replace("_", "").strip():  # a hashtag's _ joins
                break
            key = key + " " + nt.norm
            if key in gaz.keys:
                best = (j + 1, key)
            if key not in gaz.prefixes:
                break
            words += 1
            last_end = nt.end
            j += 1
        if best is None:
            i += 1
            continue
        end_tok, k = best
        out.append(Mention(i, end_tok, t.start + plen, toks[end_tok - 1].end, k, gaz.keys[k]))
        i = end_tok
    return out


def _prev_word(toks: list[Token], i: int) -> Token | None:
    """The word right before token ``i`` (a quote mark or hashtag sign between them is skipped)."""
    j = i - 1
    while j >= 0 and toks[j].kind == "punct" and toks[j].text in "#\"“”«»'":
        j -= 1
    return toks[j] if j >= 0 and toks[j].kind == "word" else None


def _next_word(toks: list[Token], i: int) -> Token | None:
    return toks[i] if i < len(toks) and toks[i].kind == "word" else None


def _strip_conj(w: str) -> str:
    """A normalised word without a leading و/ف/ب/ل (for cue lookups: وقناة → قناة)."""
    return w[1:] if len(w) > 3 and w[0] in "وفبل" else w


def _is_definite(w: str) -> bool:
    return w.startswith(("ال", "لل", "وال", "بال", "فال", "كال", "وبال", "ولل"))


class PlaceResolver:
    """Pipeline component ``places``: fills ``doc.places`` with geocoded place mentions."""

    name = "places"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()

    # -- filtering --
    def _keep(self, m: Mention, doc: Doc, sport: bool, entity_spans: list[tuple[int, int, str]]) -> bool:
        """False when the match is not a place mention at all (word, organisation, person, idiom, adjective)."""
        toks = doc.tokens
        single = m.tok_end - m.tok_start == 1
        bare = clitic_key(m.key) if single else m.key  # المغرب → مغرب
        if single and (bare in COMMON_WORDS or m.key in COMMON_BARE):
            return False
        # Entities from the NER stage, when it ran: inside a person → not a place; inside a longer
        # organisation that is not a government of the place → not a place.
        for s, e, typ in entity_spans:
            if s <= m.start and m.end <= e and (e - s) > (m.end - m.start):
                if typ == "PER":
                    return False
                if typ == "ORG":
                    words = doc.text[s:e].split()
                    if not words or _strip_conj(normalize(words[0])) not in _GOVERNMENT:
                        return False
        prev = _prev_word(toks, m.tok_start)
        pw_full = prev.norm if prev is not None else ""
        pw = _strip_conj(pw_full)
        nxt = _next_word(toks, m.tok_end)
        nw = nxt.norm if nxt is not None else ""
        # Construct state (قناة الجزيرة، جامعة القاهرة): the organisation word has no article;
        # الصحيفة البريطانية، البطولة الجديدة are noun + adjective.
        construct = prev is not None and not _is_definite(pw_full)
        if construct and (pw in ORG_BEFORE or pw_full in ORG_BEFORE or clitic_key(pw_full) in _ORG_BEFORE_KEYS) and not (
                pw in EVENT_WORDS or pw_full in EVENT_WORDS or clitic_key(pw_full) in _EVENT_KEYS):
            return False
        if nw in ORG_AFTER or (nw and clitic_key(nw) in _ORG_AFTER_KEYS):
            return False
        if pw in PERSON_BEFORE or pw_full in PERSON_BEFORE:
            return False
        if bare in IDIOM_AFTER_KEYS and nw in IDIOM_AFTER_KEYS[bare]:
            return False
        if single and m.key in ADJECTIVE_NAMES and prev is not None and _is_definite(pw_full) and pw not in PLACE_PREPS:
            return False
        if bare == "مغرب" and (pw in MAGHRIB_BEFORE or pw_full in MAGHRIB_BEFORE):
            return False
        if bare == "جزيره" and single and pw not in JAZIRA_CUES:
            return False
        if sport and single and bare in _CLUB_CITY_KEYS:
            return False
        return True

    def _club_spans(self, doc: Doc) -> list[tuple[int, int]]:
        norm = doc.norm.text
        spans = []
        for club in CLUB_NAMES:
            if " " not in club:
                continue
            start = norm.find(club)
            while start != -1:
                spans.append(doc.norm.span_to_original(start, start + len(club)))
                start = norm.find(club, start + 1)
        return spans

    # -- ranking --
    @staticmethod
    def _score(e: Entry, m: Mention, ctx: Counter, total: int, home: str | None) -> float:
        if e.kind == "country":
            s = 6.5
        elif e.kind == "continent":
            s = 6.0
        elif e.kind in ("region", "sea", "base", "crossing", "site", "district"):
            s = 5.5
        elif e.kind == "admin1":
            s = 4.6  # a province beats a namesake town below ~250k (صلاح الدين)
        else:
            s = 1.0 + math.log10(max(e.population, 10)) / 1.5  # 1M → 5.0, 100k → 4.3, 1k → 3.0
        if m.cue == "admin":
            s += 3.5 if e.kind == "admin1" else (-1.0 if e.kind == "city" else 0.0)
        elif m.cue == "city":
            s += 2.0 if e.kind in ("city", "district") else -2.0
        elif m.cue == "country":
            s += 2.0 if e.kind == "country" else 0.0
        if e.country_code and total:
            # Context helps a small town less (Paris, Texas must not beat Paris in a US story).
            weight = 1.5 if e.kind != "city" or e.population >= 200_000 else 0.6
            s += weight * ctx[e.country_code] / total
        if home and e.country_code == home:
            s += 0.8
        if e.country_code in _FOCUS:
            s += 0.5
        return s

    def _supported(self, m: Mention, best: Entry, ctx: Counter, own: dict[str, str]) -> bool:
        """Whether a weak reading (a small town, a word the NER data calls a non-place) has enough support.

        Support is a cue word (مدينة، محافظة), a preposition or proclitic (في، من، إلى، بـ), or the
        place's country named elsewhere in the article. Prominent places need none.
        """
        single = m.tok_end - m.tok_start == 1
        # The country named by *other* names in the article (a mention does not support itself).
        in_ctx = best.country_code is not None and ctx[best.country_code] - (own.get(m.key) == best.country_code) > 0
        local = m.cue is not None or m.prep
        if best.kind == "country":
            return best.population >= 200_000 or local
        if best.kind not in ("city", "admin1"):
            return True
        if single and m.key in self.gaz.not_place:
            # An ordinary word or a person's name most of the time: only with a cue (مدينة كان،
            # مهرجان كان), or a preposition and the country in context for a large place. A large
            # Arab-world city that the NER data happened to see as a non-place (الطائف in اتفاق
            # الطائف) needs only its country in the article.
            if m.cue is not None or (m.prep and in_ctx and best.population >= 100_000):
                return True
            return (m.key not in WORD_LIKE_PLACES and best.country_code in _FOCUS
                    and best.population >= 300_000 and in_ctx)
        focus = best.country_code in _FOCUS
        if best.kind == "admin1":
            return focus or local or in_ctx or not single
        if best.population >= 300_000 or (focus and best.population >= 50_000):
            return True
        if not single:
            return local or in_ctx or best.population >= 5_000
        if m.cue is not None:
            return True
        if focus:
            return (m.prep and best.population >= 5_000) or (in_ctx and best.population >= 20_000)
        return m.prep and in_ctx and best.population >= 5_000

    def __call__(self, doc: Doc) -> None:
        gaz = self.gaz
        toks = doc.tokens
        raw = find_mentions(doc, gaz)
        if not raw:
            return
        sport = sum(1 for t in toks if t.kind == "word" and _strip_conj(t.norm) in SPORT_CUES) >= 2
        clubs = self._club_spans(doc)
        entity_spans = [(e.start, e.end, e.type) for e in doc.entities]
        kept: list[Mention] = []
        covered = {i for m in raw for i in range(m.tok_start, m.tok_end)}
        for m in raw:
            if any(s <= m.start < e for s, e in clubs):
                continue
            if not self._keep(m, doc, sport, entity_spans):
                continue
            prev = _prev_word(toks, m.tok_start)
            if prev is not None and doc.token_index_at(prev.start) in covered:
                prev = None  # the word before is another place (المنطقة الشرقية والرياض): no cue from it
            if prev is not None and _is_definite(prev.norm) and prev.norm.endswith(("يه", "ي")) and prev.norm not in PLACE_PREPS:
                # العاصمة البلغارية صوفيا، المدينة الساحلية درنة: the cue sits before a nisba adjective.
                before = _prev_word(toks, doc.token_index_at(prev.start))
                if before is not None and (_strip_conj(before.norm) in CITY_CUES | ADMIN_CUES | COUNTRY_CUES
                                           or clitic_key(before.text) in _CITY_CUE_KEYS | _ADMIN_CUE_KEYS):
                    prev = before
            if prev is not None:
                pw = _strip_conj(prev.norm)
                pk = clitic_key(prev.text)
                if pw in ADMIN_CUES or pk in _ADMIN_CUE_KEYS:
                    m.cue = "admin"
                elif pw in CITY_CUES or pk in _CITY_CUE_KEYS:
                    m.cue = "city"
                elif pw in COUNTRY_CUES or pk in _COUNTRY_CUE_KEYS:
                    m.cue = "country"
                elif (pw in EVENT_WORDS or pk in _EVENT_KEYS) and not _is_definite(prev.norm):
                    m.cue = "event"  # مهرجان كان، قمة الرياض: the place where it happens
                m.prep = pw in PLACE_PREPS or prev.norm in PLACE_PREPS
            if toks[m.tok_start].start != m.start and not m.prep and m.key.startswith("ال"):
                # A preposition glued to a name with the article (بالموصل، للرقة) reads as في / إلى;
                # a bare one (ببشرى، لغيره) is too often part of an ordinary word to count.
                m.prep = normalize(doc.text[toks[m.tok_start].start:m.start])[-1:] in ("ب", "ل")
            kept.append(m)
        if not kept:
            return
        # Context: countries of the mentions that name only one country and are not small towns (two
        # stray words matching villages of one country must not vouch for each other), once per name.
        ctx: Counter = Counter()
        own: dict[str, str] = {}
        for m in kept:
            ccs = {e.country_code for e in m.candidates if e.country_code}
            strong = m.cue is not None or all(e.kind != "city" or e.population >= 100_000 for e in m.candidates)
            if len(ccs) == 1 and strong and m.key not in own and not (m.key in gaz.not_place and m.cue is None):
                own[m.key] = next(iter(ccs))
                ctx[own[m.key]] += 1
        total = sum(ctx.values())
        home = outlet_country(doc.outlet)
        resolved = [(m, max(m.candidates, key=lambda e: (self._score(e, m, ctx, total, home), e.population))) for m in kept]
        # One sense per discourse: a name supported once (في صوفيا) is a place everywhere in the
        # article — except names that are usually words (كان), which need support each time.
        supported = [self._supported(m, best, ctx, own) for m, best in resolved]
        supported_keys = {m.key for (m, _), ok in zip(resolved, supported) if ok}
        cued_keys = {m.key for (m, _), ok in zip(resolved, supported) if ok and m.cue is not None}
        for (m, best), ok in zip(resolved, supported):
            word_like = m.tok_end - m.tok_start == 1 and m.key in gaz.not_place
            if word_like and not ok:
                ok = m.key in cued_keys and m.prep  # العاصمة البلغارية صوفيا … في صوفيا
            elif not ok:
                ok = m.key in supported_keys
            if not ok:
                continue
            doc.places.append(Place(
                text=doc.text[m.start:m.end], start=m.start, end=m.end, name=best.name,
                country_code=best.country_code, admin1=best.admin1, lat=best.lat, lon=best.lon,
                geonames_id=best.geonames_id, feature=best.feature,  # type: ignore[arg-type]
            ))


_PROCLITIC_LETTERS = frozenset("وفبكل")
_BARE_PREFIXES = frozenset(("و", "ب", "ل", "وب", "ول"))
_FOCUS = frozenset("AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
#: Keys of single words that stay places even though their bare form is a common word (none yet).
_ALWAYS_PLACE: frozenset[str] = frozenset()
_GOVERNMENT = _norm_set("حكومة وزارة محافظة إمارة امارة بلدية أمانة امانة سفارة قنصلية مجلس ولاية شرطة إدارة ادارة فرع هيئة")
_ORG_BEFORE_KEYS = frozenset(clitic_key(w) for w in ORG_BEFORE)
_ORG_AFTER_KEYS = frozenset(clitic_key(w) for w in ORG_AFTER)
_ADMIN_CUE_KEYS = frozenset(clitic_key(w) for w in ADMIN_CUES)
_CITY_CUE_KEYS = frozenset(clitic_key(w) for w in CITY_CUES)
_COUNTRY_CUE_KEYS = frozenset(clitic_key(w) for w in COUNTRY_CUES)
_CLUB_CITY_KEYS = frozenset(clitic_key(w) for w in CLUB_CITIES)
_EVENT_KEYS = frozenset(clitic_key(w) for w in EVENT_WORDS)
IDIOM_AFTER_KEYS = {clitic_key(k): v for k, v in IDIOM_AFTER.items()}
