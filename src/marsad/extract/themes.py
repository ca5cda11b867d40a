"""Theme classification: a small fixed vocabulary from a normalised keyword lexicon.

Cheap on purpose: one pass over the tokens, no model. Each theme has weighted cue words; a word
form written ``stem*`` matches every word starting with that stem (اقتصاد* → اقتصادي، الاقتصادية).
Words are looked up by their clitic-stripped forms, so وللاعبين and اللاعب hit the same cue.

A theme is assigned when its score (summed cue weights, each cue counted at most
:data:`MAX_HITS_PER_CUE` times, scaled by 10 / (5 + √words)) passes :data:`MIN_SCORE` and reaches :data:`RELATIVE` of the best theme's score, at most
:data:`MAX_THEMES` themes, best first. The scores themselves go to ``doc.user_data["theme_scores"]``.
``docs/themes.md`` documents the vocabulary and its measured agreement with outlets' own sections
(``marsad eval themes``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache

from ..doc import Doc
from ..text import clitic_candidates, clitic_key, normalize

#: The theme vocabulary, in a stable order (ties keep this order).
THEMES: tuple[str, ...] = ("politics", "security", "economy", "sport", "health", "technology", "culture", "environment")

# Weighted cue words per theme. Weight 3: nearly unambiguous; 2: strong; 1: supporting.
_LEXICON: dict[str, dict[int, str]] = {
    "politics": {
        3: "برلمان* انتخاب* حكومي* مجلس_النواب مجلس_الوزراء مجلس_الأمن رئيس_الوزراء وزير_الخارجية دبلوماسي* سفير* سفارة* "
           "قمة حزب* أحزاب معارض* ائتلاف* تصويت استفتاء* دستور* نائب_الرئيس الكونغرس الكنيست مفاوض* عقوبات "
           "البيت_الأبيض الأمم_المتحدة الجامعة_العربية مجلس_التعاون الاتحاد_الأوروبي الرئاسة* ولي_العهد",
        2: "حكومة رئيس_الجمهورية رئيس_الحكومة سياسي* وزير* وزارة_الخارجية مباحثات محادثات اتفاق* زيارة_رسمية "
           "نواب النواب الديمقراطي* الجمهوري* شعب* احتجاج* تظاهر* متظاهر* سيادة* علاقات ثنائي*",
        1: "رئيس الرئيس أمير الملك مسؤول* بيان تصريح* دولة دول قرار*",
    },
    "security": {
        3: "إرهاب* إرهابي* هجوم* هجمات تفجير* انفجار* انتحاري* مسلح* اشتباك* قصف* غارة غارات صاروخ* صواريخ "
           "قتلى قتيل جرحى اغتيال* داعش القاعدة الحوثي* ميليشي* مليشي* عسكري* الجيش جيش* جنود جندي "
           "عبوة_ناسفة عبوات طائرة_مسيرة مسيرات معارك معركة اعتقال* معتقل* الشرطة أمني* القوات ضابط* قوات "
           "حرب حروب الحشد_الشعبي التحالف_الدولي مسلحين متشدد* متطرف*",
        2: "قتل مقتل أصيب إصابة_جنود سلاح أسلحة ذخيرة حدود* عملية_عسكرية دفاع_جوي طيران_الجيش جريمة* مخدرات "
           "سجن* محكمة إعدام* اختطاف* لاجئ* نازح* ضحايا",
        1: "عملية عمليات قاعدة قيادة تحقيق* مصدر_أمني",
    },
    "economy": {
        3: "اقتصاد* مالي* ميزانية موازنة تضخم* استثمار* مستثمر* بورصة البورصة أسهم سهم مصرف* مصارف بنك* البنك_المركزي "
           "نفط* النفط برميل براميل أوبك إيرادات صادرات واردات تجار* أسعار_الفائدة الفائدة الناتج_المحلي ضريب* "
           "عملة عملات دولار الدولار ريال درهم دينار يورو جنيه ليرة مليار* ملياري* شركة شركات أرباح خسائر "
           "صفقة_تجارية الأسواق سوق_الأسهم مؤشر صندوق_النقد البنك_الدولي قرض* ديون الدين_العام عجز فائض",
        2: "سعر أسعار تكلفة كلفة تمويل* إنتاج* صناع* مصنع* عقار* سياح* طاقة غاز مشروع* مشاريع رواتب وظائف بطالة "
           "تنمية نمو",
        1: "مليون ملايين سوق أسواق",
    },
    "sport": {
        3: "كرة_القدم مباراة مباريات دوري* الدوري منتخب* نادي* النادي لاعب* مدرب* هدف_التعادل أهداف هدف* بطولة* "
           "كأس الكأس ملعب* مونديال* أولمبي* أولمبياد* فيفا الفيفا الاتحاد_الآسيوي ركلة ركلات ترجيح هداف* "
           "الشوط شوط الجولة تأهل* نهائي الهلال النصر الأهلي الاتحاد_السعودي برشلونة ريال_مدريد ليفربول "
           "مانشستر يوفنتوس بايرن ميدالية* ذهبية فضية برونزية سباق* عداء* تنس فورمولا رياضي* الرياضة رياضة "
           "انتقالات ميسي رونالدو صلاح_محمد",
        2: "فوز فاز خسارة تعادل الفريق فريق* جماهير* مشجع* حكم_المباراة الحكم ركنية تسلل نقطة نقاط صدارة متصدر*",
        1: "موسم الموسم",
    },
    "health": {
        3: "صحة الصحة صحي* مستشفى* مستشفيات طبي* طبيب* أطباء مرض* أمراض مريض* مرضى فيروس* وباء* لقاح* تطعيم* "
           "علاج* دواء* أدوية سرطان* الإنفلونزا إنفلونزا كورونا إيبولا الكوليرا جراح* عدوى منظمة_الصحة_العالمية "
           "السكري القلب ضغط_الدم تمريض* ممرض* صيدل*",
        2: "دراسة_طبية باحثون صحة_عامة وفيات إصابات أعراض تغذية سمنة نوم",
        1: "دراسة",
    },
    "technology": {
        3: "تكنولوجي* تقني* تقنية التقنية رقمي* إنترنت الإنترنت تطبيق* هاتف* هواتف ذكي* الذكاء_الاصطناعي "
           "حاسوب* كمبيوتر برمجي* برمجيات برنامج_حاسوبي شبكة_الإنترنت إلكتروني* آيفون سامسونج أبل آبل جوجل "
           "غوغل مايكروسوفت فيسبوك تويتر إنستغرام يوتيوب أمازون تسلا روبوت* قمر_صناعي أقمار_صناعية فضاء* "
           "ناسا صاروخ_فضائي اختراق* قراصنة سيبراني* بيانات خوارزمي* الواقع_الافتراضي بطارية شريحة رقائق "
           "كاميرا شاشة معالج نظام_تشغيل أندرويد",
        2: "مستخدم* المستخدمين جهاز* أجهزة ابتكار* علماء علمي* اختراع* شركة_ناشئة شركات_ناشئة",
        1: "موقع مواقع منصة",
    },
    "culture": {
        3: "ثقاف* فن* فنان* فنانة فيلم* أفلام سينما* مسرح* مسرحي* مهرجان* رواية روائي* شاعر* شعر* قصيدة أدب* أديب* "
           "كتاب* معرض_الكتاب موسيق* أغنية أغاني مطرب* غناء ممثل* ممثلة مخرج* دراما* مسلسل* تراث* متحف* متاحف "
           "آثار* أثري* جائزة_نوبل الأوسكار كان_السينمائي تشكيلي* لوحة لوحات رقص* باليه ألبوم",
        2: "جائزة جوائز حفل* نجم* نجمة إبداع* تاريخي* عرض_أول",
        1: "جمهور",
    },
    "environment": {
        3: "مناخ* المناخ بيئ* احتباس_حراري تلوث* انبعاثات كربون* تصحر* جفاف* فيضان* فيضانات سيول أمطار* "
           "زلزال* زلازل بركان* إعصار* عاصفة* عواصف حرائق_الغابات درجات_الحرارة موجة_حر الطقس طقس* "
           "ملوحة شح_المياه الموارد_المائية التغير_المناخي حياة_برية نفايات طاقة_متجددة الطاقة_الشمسية",
        2: "مياه المياه نهر* أنهار سد السد غابات* حيوان* نبات*",
        1: "حرارة",
    },
}

MIN_SCORE = 2.0
RELATIVE = 0.7
MAX_THEMES = 3
#: Cue hits counted at most this many times per distinct cue, so one repeated word cannot decide a theme.
MAX_HITS_PER_CUE = 3


@lru_cache(maxsize=1)
def _compiled() -> tuple[dict[str, list[tuple[str, int, str]]], dict[str, list[tuple[str, int, str]]], dict[str, list[tuple[tuple[str, ...], str, int, str]]]]:
    """(exact word → cues, stem prefix → cues, first word of a phrase → phrase cues), built once."""
    exact: dict[str, list[tuple[str, int, str]]] = defaultdict(list)  # (theme, weight, cue)
    prefix: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    phrases: dict[str, list[tuple[tuple[str, ...], str, int, str]]] = defaultdict(list)
    for theme, levels in _LEXICON.items():
        stems = [normalize(c[:-1]) for words in levels.values() for c in words.split() if c.endswith("*")]
        for weight, words in levels.items():
            for cue in words.split():
                if "_" in cue:
                    parts = tuple(normalize(p) for p in cue.split("_"))
                    phrases[parts[0]].append((parts, theme, weight, cue))
                elif cue.endswith("*"):
                    prefix[normalize(cue[:-1])].append((theme, weight, cue))
                else:
                    # Keyed without its article, so الدوري، للدوري and دوري meet the same cue; a word
                    # a stem of the same theme already covers is dropped (no double counting).
                    key = clitic_key(cue)
                    if not any(key.startswith(stem) for stem in stems):
                        exact[key].append((theme, weight, cue))
    return dict(exact), dict(prefix), dict(phrases)


def _forms(word: str) -> list[str]:
    """The word and its clitic-stripped readings (with and without the article), normalised."""
    return [stem for _, stem in clitic_candidates(word)]


@lru_cache(maxsize=200_000)
def _word_cues(word: str) -> tuple[frozenset[tuple[str, int, str]], tuple[tuple[tuple[str, ...], str, int, str], ...]]:
    """(single-word cues the word hits, phrase cues it may start), cached: news vocabulary is Zipfian."""
    exact, prefix, phrases = _compiled()
    matched: set[tuple[str, int, str]] = set()
    starts: list[tuple[tuple[str, ...], str, int, str]] = []
    for form in _forms(word):
        matched.update(exact.get(form, ()))
        for n in range(min(len(form), 12), 2, -1):
            matched.update(prefix.get(form[:n], ()))
        starts.extend(phrases.get(form, ()))
    return frozenset(matched), tuple(starts)


def theme_scores(doc_tokens: list[tuple[str, str]]) -> dict[str, float]:
    """Score each theme over ``(kind, text)`` tokens: capped cue weights × 10 / (5 + √words)."""
    words = [text for kind, text in doc_tokens if kind == "word"]
    hits: dict[tuple[str, str], int] = defaultdict(int)
    raw: dict[str, float] = defaultdict(float)
    norm_words = [normalize(w) for w in words]
    for i, word in enumerate(words):
        single, starts = _word_cues(word)
        matched = set(single)
        for parts, theme, weight, cue in starts:
            following = norm_words[i + 1:i + len(parts)]
            if len(following) == len(parts) - 1 and all(
                f == p or f.removeprefix("ال") == p.removeprefix("ال") for f, p in zip(following, parts[1:])
            ):
                matched.add((theme, weight, cue))
        for theme, weight, cue in matched:
            if hits[theme, cue] < MAX_HITS_PER_CUE:
                hits[theme, cue] += 1
                raw[theme] += weight
    # Damped length normalisation: a long article needs more cues than a brief, but not proportionally more.
    scale = 10.0 / (5.0 + math.sqrt(max(len(words), 1)))
    return {theme: round(raw.get(theme, 0.0) * scale, 3) for theme in THEMES}


def choose_themes(scores: dict[str, float]) -> list[str]:
    """Themes whose score passes the absolute and relative thresholds, best first, at most MAX_THEMES."""
    ranked = sorted((t for t in THEMES if scores.get(t, 0.0) >= MIN_SCORE), key=lambda t: (-scores[t], THEMES.index(t)))
    if not ranked:
        return []
    top = scores[ranked[0]]
    return [t for t in ranked if scores[t] >= RELATIVE * top][:MAX_THEMES]


class ThemeClassifier:
    """Pipeline component ``themes``: fills ``doc.themes`` from the keyword lexicon, skipping boilerplate spans."""

    name = "themes"

    def __init__(self) -> None:
        _compiled()

    def __call__(self, doc: Doc) -> None:
        skip = sorted((s, e) for s, e, _ in doc.boilerplate)
        tokens = []
        for tok in doc.tokens:
            if any(s <= tok.start < e for s, e in skip):
                continue
            tokens.append((tok.kind, tok.text))
        if doc.title:
            # The headline is the densest statement of the topic: count it twice.
            from ..text import tokenize

            title_tokens = [(t.kind, t.text) for t in tokenize(doc.title)]
            tokens = title_tokens + title_tokens + tokens
        scores = theme_scores(tokens)
        doc.user_data["theme_scores"] = scores
        for theme in choose_themes(scores):
            if theme not in doc.themes:
                doc.themes.append(theme)
