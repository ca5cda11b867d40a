"""Quantities: counts, money and percentages with their approximators, counted nouns and an
event category read from the context.

Record fields (``marsad.record.Quantity``):

- ``text``/``start``/``end`` — the number phrase as written, with a clitic glued to it (بخمسة،
  ولـ30) and with its currency or percent words (``1.5 مليار دولار``, ``30 في المئة``); the
  approximator and the counted noun are not in the span.
- ``value`` — the number (225 ألفا → 225000; مليار ونصف → 1500000000; 30% → 30).
- ``approx`` — ``exact``, ``more_than`` (أكثر من، ما يزيد على، ما لا يقل عن، على الأقل، أو أكثر،
  and the vague plurals عشرات/مئات/آلاف, whose value is the floor they imply: عشرات → 10,
  عشرات الآلاف → 10000), ``less_than`` (أقل من، ما دون، لا يتجاوز) or ``about`` (نحو، حوالي، قرابة،
  زهاء، ما يقارب، تقريبا).
- ``kind`` — ``money``, ``percent`` or ``count``.
- ``unit`` — for money the **ISO 4217 currency code** (USD, EUR, SAR, IQD …; ``None`` when the
  text names a currency that several countries use without saying which, e.g. a bare دينار);
  for a count the counted noun as written (جندي، قتيلا، نازح); ``None`` for percentages and for
  bare numbers.
- ``category`` — a GDELT-like label when the context says what was counted (see
  :data:`CATEGORIES`), else ``None``.

Not quantities: dates and years (spans in ``doc.dates`` are skipped, and bare years with no
counted noun), times (10:30، الساعة 5), phone numbers, designators (اف 16، F-16، A320، بوينغ 737،
إس 400), article and resolution numbers (المادة 5، القرار 2254، رقم 3), ordinals (الـ19) and
numbers inside URLs.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.record import Quantity
from marsad.text import QUOTE_MARKS, Token, clitic_candidates, clitic_key, normalize, tokenize

from .numbers import _WORD_VALUES, NumberMatch, find_numbers

# --- approximators (normalised), read right before the number ------------------------------------

_BEFORE: list[tuple[tuple[str, ...], str]] = []
for _phrase, _approx in (
    ("اكثر من", "more_than"), ("ما يزيد علي", "more_than"), ("ما يزيد عن", "more_than"), ("يزيد علي", "more_than"),
    ("يزيد عن", "more_than"), ("تزيد علي", "more_than"), ("تزيد عن", "more_than"), ("ازيد من", "more_than"),
    ("ما يربو علي", "more_than"), ("يربو علي", "more_than"), ("ما يفوق", "more_than"), ("يفوق", "more_than"),
    ("تفوق", "more_than"), ("ما لا يقل عن", "more_than"), ("لا يقل عن", "more_than"), ("لا تقل عن", "more_than"),
    ("اعلي من", "more_than"), ("فوق", "more_than"), ("يتجاوز", "more_than"), ("تتجاوز", "more_than"),
    ("تجاوز", "more_than"), ("ما يتجاوز", "more_than"), ("تخطي", "more_than"), ("يتخطي", "more_than"),
    ("ما لا يقل علي", "more_than"), ("على الاقل", "more_than"), ("علي الاقل", "more_than"),
    ("اقل من", "less_than"), ("ما دون", "less_than"), ("دون", "less_than"), ("ادني من", "less_than"),
    ("ما يقل عن", "less_than"), ("لا يتجاوز", "less_than"), ("لا تتجاوز", "less_than"), ("لا يزيد عن", "less_than"),
    ("لا يزيد علي", "less_than"), ("لا تزيد عن", "less_than"), ("لا تزيد علي", "less_than"), ("ما لا يزيد عن", "less_than"),
    ("ما لا يزيد علي", "less_than"), ("لا يتعدي", "less_than"), ("لا تتعدي", "less_than"), ("اقل", "less_than"),
    ("نحو", "about"), ("حوالي", "about"), ("قرابه", "about"), ("زهاء", "about"), ("ما يقارب", "about"),
    ("يقارب", "about"), ("تقارب", "about"), ("ما يقرب من", "about"), ("يقرب من", "about"), ("نحوا من", "about"),
    ("في حدود", "about"), ("بحدود", "about"), ("قرابه ال", "about"), ("ما يناهز", "about"), ("يناهز", "about"),
    ("تناهز", "about"), ("تقريبا", "about"), ("زهاء ال", "about"),
):
    _BEFORE.append((tuple(_phrase.split()), _approx))
_BEFORE.sort(key=lambda p: -len(p[0]))
#: Approximators indexed by their last word (with any clitic stripped from a one-word phrase).
_BEFORE_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _approx in _BEFORE:
    _BEFORE_BY_LAST.setdefault(_phrase[-1], []).append((_phrase, _approx))
_AFTER: list[tuple[tuple[str, ...], str]] = [
    (("علي", "الاقل"), "more_than"), (("او", "اكثر"), "more_than"), (("فاكثر",), "more_than"), (("ونيف",), "more_than"),
    (("ونيفا",), "more_than"), (("تقريبا",), "about"), (("او", "اقل"), "less_than"), (("فاقل",), "less_than"),
]
_APPROX_CLITICS = ("ب", "ل", "و", "وب", "ول", "ف", "فب")

# --- currencies -----------------------------------------------------------------------------------

_CURRENCY_WORDS: dict[str, str | None] = {}
for _forms, _code in (
    ("دولار دولارا دولارات الدولارات دولاراً الدولار", "USD"), ("يورو اليورو", "EUR"),
    ("جنيه جنيها جنيهات الجنيهات الجنيه", "EGP"), ("ريال ريالا ريالات الريالات الريال", "SAR"),
    ("درهم دراهم درهما الدراهم الدرهم", "AED"), ("دينار دينارا دنانير الدنانير الدينار", None),
    ("ليره ليرات الليرات الليره", None), ("ين", "JPY"), ("يوان اليوان", "CNY"), ("روبل روبلات الروبل", "RUB"),
    ("روبيه روبيات", "INR"), ("شيكل شيكلا شواكل الشيكل", "ILS"), ("فرنك فرنكات", "CHF"), ("تومان", "IRR"),
    ("استرليني الاسترليني", "GBP"), ("بيتكوين", "XBT"),
):
    for _f in _forms.split():
        _CURRENCY_WORDS[_f] = _code

#: Nationality adjective after a currency word → ISO code (dinars, riyals, pounds, lira, dollars).
_CURRENCY_ADJ: dict[tuple[str, str], str] = {}
for _cur, _pairs in (
    ("دينار", "عراقي:IQD كويتي:KWD اردني:JOD بحريني:BHD ليبي:LYD تونسي:TND جزائري:DZD صربي:RSD"),
    ("ريال", "سعودي:SAR قطري:QAR عماني:OMR يمني:YER ايراني:IRR برازيلي:BRL"),
    ("جنيه", "مصري:EGP استرليني:GBP سوداني:SDG"),
    ("ليره", "سوريه:SYP لبنانيه:LBP تركيه:TRY سوري:SYP لبناني:LBP تركي:TRY"),
    ("درهم", "اماراتي:AED مغربي:MAD"),
    ("دولار", "امريكي:USD اميركي:USD كندي:CAD استرالي:AUD سنغافوري:SGD هونغ:HKD"),
):
    for _p in _pairs.split():
        _adj, _code = _p.split(":")
        _CURRENCY_ADJ[(_cur, _adj)] = _code
_CURRENCY_STEMS = {"دينار": "دينار", "دينارا": "دينار", "دنانير": "دينار", "ريال": "ريال", "ريالا": "ريال",
                   "ريالات": "ريال", "جنيه": "جنيه", "جنيها": "جنيه", "جنيهات": "جنيه", "ليره": "ليره", "ليرات": "ليره",
                   "درهم": "درهم", "دراهم": "درهم", "درهما": "درهم", "دولار": "دولار", "دولارا": "دولار",
                   "دولارات": "دولار"}
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_PERCENT_SIGNS = frozenset({"%", "٪", "‰"})
_PERCENT_AFTER = (("في", "المئه"), ("في", "المائه"), ("في", "الميه"), ("بالمئه",), ("بالمائه",), ("بالميه",),
                  ("في", "المية"), ("%",), ("٪",))

# --- what a number is not -------------------------------------------------------------------------

#: Words before a number that make it a label, not an amount (المادة 5، القرار 2254، رقم 3 …).
_LABEL_BEFORE = frozenset(clitic_key(w) for w in (
    "الدقيقتين الدقائق المادة مادة البند بند الفقرة فقرة الفصل القرار قرار القانون قانون رقم الرقم برقم المرسوم مرسوم الصفحة صفحة "
    "الطريق طريق شارع الشارع الحلقة حلقة الجولة الدورة النسخة نسخة المرتبة مرتبة المركز الدقيقة الساعة تمام "
    "المرحلة مرحلة الكتيبة اللواء الفرقة الفوج القرن الجيل المجموعة الملف العدد الاصدار اصدار الموسم موديل طراز الحزمة المنطقة "
    "القطاع البوابة بوابة المبنى مبنى العمارة الغرفة غرفة الرحلة رحلة الكيلو الكيلومتر الهدف هدف الاية سورة الجزء "
    "صاروخ صواريخ مقاتلات مقاتلة طائرات طائرة دبابة دبابات منظومة منظومات نظام المنظومة القمر الفيلق المحور "
    "الاصحاح الاسبوع الحافلة خط الخط الحي حي قطعة بلوك المربع مربع بيان البيان تعميم التعميم المذكرة مذكرة "
    "الدائرة دائرة مقعد القاعدة الشرط الشروط النقطة نقطة البوابة "
    # editions and codes with a pronoun (بنسخته 71), SMS codes, and parties named by a number (حزب سبعة)
    "نسخته نسختها دورته دورتها بنسخته بدورته رمز الرمز بالرمز حزب تيار ائتلاف "
    # rankings: المصنفة 12
    "المصنفة المصنف المصنفه للمرة").split())
#: Model and type designators written in Arabic letters before the number (اف 16، بوينغ 737، إس 400).
_DESIGNATORS = frozenset(clitic_key(w) for w in (
    "اف إف ف بوينغ بوينج ايرباص إيرباص ميغ ميج سوخوي سو اس إس تي تى كوفيد كورونا بي إم ام جي يو سي "
    "ايه إيه إتش اتش اكس إكس زد ار آر دي كي ميراج ابولو أبولو سويوز فالكون فورمولا الفورمولا تورنادو مي يوروفايتر باتريوت ثاد غراد كاتيوشا آيفون ايفون "
    "غالاكسي جالاكسي ويندوز بلايستيشن مرسيدس تويوتا "
    # stock indices named with a number: يورو ستوكس 50، كاك 40، فايننشال تايمز 100، نيكي 225
    "ستوكس كاك تايمز نيكي نيكاي فوتسي").split())
#: What may stand before a list enumerator (1- ، 2) ): nothing, a line break, a colon or a full stop.
_ENUM_BEFORE = frozenset({"\n", ":", ".", "؛", "،"})
_TIME_AFTER = frozenset({"صباحا", "مساء", "مساءا", "ظهرا", "فجرا", "ليلا", "عصرا", "بتوقيت", "ص", "م", "دقيقه"})
_TIME_BEFORE = frozenset({"الساعه", "الساعة", "تمام", "حوالي الساعه"})
_PHONE_WORDS = frozenset({"هاتف", "الهاتف", "هاتفي", "جوال", "الجوال", "واتساب", "فاكس", "الرقم", "رقم", "للاتصال", "ت"})

# --- counted nouns and categories ---------------------------------------------------------------------

#: Words after a number that are not the counted noun.
_NOT_UNIT = frozenset((
    "في من علي الي عن مع او ثم حتي بين منذ خلال بعد قبل لدي عند الذي التي الذين اللذين ما لا لم لن قد ان "
    "كان كانت هو هي هم هذا هذه ذلك تلك اي كل بعض فقط ايضا نحو حوالي تقريبا و ف وهو وهي وفي ومن وعلي والي "
    "اخري اخرين اخر اضافه فيما بينما حيث كما لكن بل اذ اذا منها منهم منه فيها عليها عليه له لها لهم به بها "
    "وذلك وقد فقد العام ونصف ونيف فاكثر اكثر اقل مقابل بنسبه نسبه اما امام تحت فوق عبر لكل وكل اي "
    "مساء صباح حاليا سابقا يوميا سنويا شهريا اسبوعيا اخيرا مؤخرا اثر جراء بسبب نتيجه لدي ازاء "
    "بحسب حسب حسبما وفق وفقا طبقا").split())

CATEGORIES: dict[str, tuple[str, ...]] = {
    # Order matters where stems overlap: the first category whose stem matches wins.
    "RELEASE": ("افراج", "الافراج", "افرج", "اطلاق سراح", "اطلق سراح", "مفرج"),
    "KILL": ("قتيل", "قتلي", "قتل", "مقتل", "ضحيت", "شهيد", "شهداء", "استشهاد", "استشهد", "وفاه", "وفيات", "توفي", "ضحيه",
             "ضحايا", "جثه", "جثث", "مصرع", "حتفه", "حتفهم", "حياه", "اعدام", "اعدم", "موتي", "ميت", "قضوا", "لقوا"),
    "WOUND": ("جريح", "جرحي", "اصابه", "اصابات", "مصاب", "مصابين", "اصيب", "اصيبوا", "جرح", "اصابت", "اصابتهم"),
    "KIDNAP": ("اختطاف", "مختطف", "خطف", "رهينه", "رهائن", "اختطف"),
    "ARREST": ("اعتقال", "معتقل", "اعتقل", "القبض", "قبض", "توقيف", "موقوف", "اوقف", "احتجاز", "محتجز", "سجين",
               "سجناء", "سجن", "اسري", "اسير", "مسجون", "مشتبه", "موقوفين"),
    "MISSING": ("مفقود", "مفقودين", "فقدان", "فقد"),
    "DISPLACED": ("نازح", "نازحين", "نزوح", "نزح", "شرد", "لاجئ", "لاجيء", "لاجئين", "لاجيين", "لجوء", "مهجر", "تهجير", "مشرد",
                  "نازحه", "لاجئا", "نازحا"),
    "PROTEST": ("متظاهر", "متظاهرين", "محتج", "محتجين", "مظاهره", "مظاهرات", "تظاهر", "تظاهره", "احتجاج", "احتجاجات",
                "اعتصام", "مسيره"),
    "ATTACK": ("غاره", "غارات", "صاروخ", "صواريخ", "قذيفه", "قذائف", "هجوم", "هجمات", "تفجير", "انفجار", "عبوه",
               "ضربه", "ضربات", "قصف", "متفجر", "متفجره", "متفجرات", "ناسف", "ناسفه", "مفخخ", "قنبله", "قنابل", "لغم",
               "الغام", "استهدف", "استهداف", "ضرب", "اغار"),
    "TROOPS": ("جندي", "جنود", "عسكري", "عسكريين", "مقاتل", "مقاتلين", "قوات", "عنصر", "عناصر", "مسلح", "مسلحين",
               "ضابط", "ضباط", "مجند", "جيش", "شرطي", "عسكريا", "مقاتلا", "جنديا", "مرتزق", "لواء", "الويه", "فصيل",
               "فصائل", "كتيبه"),
    "AID": ("مساعدات", "مساعده", "منحه", "تبرع", "تبرعات", "معونه", "معونات", "اغاثه", "اغاثيه", "دعم",
            "انسانيه", "قرض", "قروض", "هبه", "اغاثي"),
}
_CAT_ORDER = {c: k for k, c in enumerate(CATEGORIES)}
_CAT_OF_STEM: dict[str, str] = {}
for _c, _stems in CATEGORIES.items():
    for _s in _stems:
        if " " not in _s and _s not in _CAT_OF_STEM:
            _CAT_OF_STEM[_s] = _c


@lru_cache(maxsize=50_000)
def _category_of(word_norm: str) -> str | None:
    """Category of a word whose clitic-stripped form is a cue stem plus at most three letters."""
    for _, w in clitic_candidates(word_norm):
        found = [_CAT_OF_STEM[w[:k]] for k in range(max(2, len(w) - 3), len(w) + 1) if w[:k] in _CAT_OF_STEM]
        if found:
            return min(found, key=_CAT_ORDER.__getitem__)
    return None


def _approx_before(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """(approx, index of its first token) for an approximator ending right before token ``i``."""
    if i < 1:
        return None
    last = tokens[i - 1].norm
    cands = list(_BEFORE_BY_LAST.get(last, ()))
    for c in _APPROX_CLITICS:
        if last.startswith(c):
            cands += _BEFORE_BY_LAST.get(last[len(c):], ())
    cands.sort(key=lambda p: -len(p[0]))
    for phrase, approx in cands:
        n = len(phrase)
        if i - n < 0:
            continue
        got = [t.norm for t in tokens[i - n:i]]
        if any(t.kind != "word" for t in tokens[i - n:i]):
            continue
        if got == list(phrase):
            return approx, i - n
        first = got[0]
        for c in _APPROX_CLITICS:
            if first.startswith(c) and [first[len(c):], *got[1:]] == list(phrase):
                return approx, i - n
    return None


_APPROX_VERBS = {"تفوق": "more_than", "يفوق": "more_than", "فاقت": "more_than", "فاق": "more_than",
                 "تجاوزت": "more_than", "تجاوز": "more_than", "يتجاوز": "more_than", "تتجاوز": "more_than",
                 "تخطت": "more_than", "تخطي": "more_than", "تتخطي": "more_than",
                 "تجاوزوا": "more_than", "يتجاوزون": "more_than", "تخطوا": "more_than", "فاقوا": "more_than",
                 "يفوقون": "more_than", "تجاوزا": "more_than", "يتخطي": "more_than", "تزيد": "more_than", "يزيد": "more_than",
                 "يقارب": "about", "تقارب": "about", "يناهز": "about", "تناهز": "about", "ناهز": "about", "قارب": "about"}


#: Words before a number that make it something other than the object of a verb further back.
_DURATIONS = ("يوم", "ايام", "اسبوع", "اسابيع", "شهر", "اشهر", "عام", "اعوام", "سنه", "سنت", "سنوات", "ساع", "دقيق", "دقائق")
_NEGATIONS = frozenset("لم ولم لا ولا الا والا لن ولن مالا".split())
_NOT_OBJECT = frozenset("في من علي الي عن مع منذ خلال بعد قبل بين عند حتي او و".split())


def _approx_verb_before(tokens: list[Token], i: int) -> str | None:
    """تفوق قيمتها 20 مليار ريال، يناهز عددهم 300: an approximating verb, its subject, then the number.

    The subject may be long (وتجاوزت المشاريع التي تشرف عليها الوزارة 18 ألف وحدة): the verb may stand up
    to six words back when only words lie between and the number is its object, not behind a preposition.
    """
    if i < 1 or tokens[i - 1].kind != "word":
        return None
    if tokens[i - 1].norm in ("عن", "علي"):
        # لا يقل عمر المؤلف عن 13 عاما، ولا يزيد عمره على 25: the subject sits between verb and preposition
        for k in range(i - 2, max(-1, i - 7), -1):
            if tokens[k].kind != "word":
                break
            verb = tokens[k].norm.removeprefix("و")
            if verb in ("يقل", "تقل", "يزيد", "تزيد"):
                # لا يقل، ألا يقل، مالا يقل، لا يجب أن يقل (ما يزيد عن is "more than": ما alone is no negation)
                negated = any(t.norm in _NEGATIONS for t in tokens[max(0, k - 3):k] if t.kind == "word")
                if verb.endswith("قل"):
                    return "more_than" if negated else "less_than"
                return "less_than" if negated else "more_than"
    object_ok = tokens[i - 1].norm not in _NOT_OBJECT and tokens[i - 1].norm[:1] not in "بل"
    for back in range(1, 8 if object_ok else 3):
        k = i - back
        if k < 0 or tokens[k].kind != "word" or (back > 2 and clitic_key(tokens[k + 1].norm).startswith(_DURATIONS)):
            return None  # لمدة تجاوزت الأسبوعين خاض خلالها ... سبع مباريات: the verb already has its object
        if back > 2 and clitic_key(tokens[k].norm) in _WORD_VALUES:
            return None  # يقارب عددها العشرين وتتخطى قيمتها 50 مليون: another number is nearer
        verb = tokens[k].norm
        for c in ("", "و", "ف"):
            if verb.startswith(c) and verb[len(c):] in _APPROX_VERBS:
                if back > 2 and verb[len(c):] in ("تزيد", "يزيد"):
                    return None  # تزيد الحكومة الرواتب ...: raising, not "more than"
                approx = _APPROX_VERBS[verb[len(c):]]
                if approx == "more_than" and k >= 1 and tokens[k - 1].norm in _NEGATIONS:
                    return "less_than"  # لم يتجاوز عدد المستخدمين 2.4 مليون: at most
                return approx
    return None


def _approx_after(tokens: list[Token], j: int) -> tuple[str, int] | None:
    for phrase, approx in _AFTER:
        n = len(phrase)
        if j + n <= len(tokens) and tuple(t.norm for t in tokens[j:j + n]) == phrase:
            return approx, j + n
    return None


def _is_label(tokens: list[Token], m: NumberMatch) -> bool:
    """Designators, article numbers, ordinals, times, phone numbers, scores."""
    i = m.tok_start
    first = tokens[i]
    if first.kind == "word" and m.form != "words" and first.norm in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"):
        i += 1
        first = tokens[i]
    prev = tokens[i - 1] if i >= 1 else None
    nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
    if m.form != "words":
        num = first
        # Ordinals written with the article: الـ19، ال 20 (ordinal), للمرة الـ3
        if prev is not None and prev.kind == "word" and prev.norm in ("ال", "لل", "وال", "بال", "فال", "كال") \
                and prev.end >= num.start - 1:
            return True
        # List enumerators at the start of a line or after a colon: "1- المجلس التنفيذي"، "2) أن تستمر"
        if nxt is not None and nxt.text in ("-", ")", "–") and (prev is None or prev.text in _ENUM_BEFORE) \
                and isinstance(m.value, int) and m.value <= 30 and m.tok_end + 1 < len(tokens) \
                and tokens[m.tok_end + 1].kind == "word":
            return True
        # GMT times written with a comma or dot: (12,20 ت غ)
        if nxt is not None and nxt.norm in ("ت", "تغ") and m.tok_end + 1 < len(tokens) and tokens[m.tok_end + 1].norm in ("غ", "غرينتش"):
            return True
        # Times: 10:30، 10.30 صباحا
        if nxt is not None and nxt.text == ":" and m.tok_end + 1 < len(tokens) and tokens[m.tok_end + 1].kind == "num":
            return True
        if prev is not None and prev.text == ":" and i >= 2 and tokens[i - 2].kind == "num":
            return True
        if nxt is not None and nxt.norm in _TIME_AFTER and nxt.norm not in ("م",):
            return True
        # Digits glued to a word that is not a clitic: فرانس24، كوفيد19
        if prev is not None and prev.kind == "word" and prev.end == num.start and m.start == num.start:
            return True
        # Latin designators: F-16, A320, S-400, 5G, MH17 (also with a clitic: وF-16)
        if prev is not None and prev.kind == "word" and _latin_end(prev) and prev.end >= num.start - 1:
            return True
        if prev is not None and prev.text in ("-", "/") and i >= 2 and tokens[i - 2].kind == "word" and _latin_end(tokens[i - 2]) \
                and prev.start == tokens[i - 2].end:
            return True
        if nxt is not None and nxt.kind == "word" and nxt.text.isascii() and nxt.start == num.end:
            return True
        # Scores, codes and day/month pairs joined by a hyphen or slash: 2-1, 737-800, ١٨ / ١٠
        if nxt is not None and nxt.start - num.end <= 1 and m.tok_end + 1 < len(tokens) \
                and tokens[m.tok_end + 1].kind == "num" and tokens[m.tok_end + 1].start - nxt.end <= 1 \
                and (nxt.text == "/" or (nxt.text == "-" and nxt.start == num.end and tokens[m.tok_end + 1].start == nxt.end)):
            return True
        if prev is not None and num.start - prev.end <= 1 and i >= 2 and tokens[i - 2].kind == "num" \
                and prev.start - tokens[i - 2].end <= 1 \
                and (prev.text == "/" or (prev.text == "-" and prev.end == num.start and tokens[i - 2].end == prev.start)):
            return True
        # Scores with spaces (3 - 1), P5+1, and numbers welded to names or addresses (اليورانيوم-235، x.1@)
        if nxt is not None and nxt.text in ("-", "–") and m.tok_end + 1 < len(tokens) and tokens[m.tok_end + 1].kind == "num" \
                and isinstance(m.value, int) and m.value <= 20 and parse_digits_safe(tokens[m.tok_end + 1].norm) <= 20 \
                and (m.tok_end + 2 >= len(tokens) or tokens[m.tok_end + 2].kind != "word" or tokens[m.tok_end + 2].norm in _NOT_UNIT):
            return True
        if prev is not None and prev.text in ("-", "–") and i >= 2 and tokens[i - 2].kind == "num" \
                and isinstance(m.value, int) and m.value <= 20 and parse_digits_safe(tokens[i - 2].norm) <= 20 \
                and (nxt is None or nxt.kind != "word" or nxt.norm in _NOT_UNIT):
            return True
        if (nxt is not None and nxt.text == "+") or (prev is not None and prev.text == "+" and i >= 2 and tokens[i - 2].kind == "num"):
            return True
        if prev is not None and prev.text in ("-", ".", "_") and prev.end == num.start and i >= 2 \
                and tokens[i - 2].kind == "word" and tokens[i - 2].end == prev.start:
            return True
        if prev is not None and prev.text == "/" and i >= 2 and tokens[i - 2].kind == "word" and len(tokens[i - 2].text) == 1:
            return True  # رقم (أ/21): a letter and a number form a code
        # A festival's edition after its name: مهرجان جدة 36، مهرجان صيف الباحة 36
        if any(clitic_key(t.norm) == "مهرجان" for t in tokens[max(0, i - 3):i] if t.kind == "word") \
                and (nxt is None or nxt.kind != "word" or nxt.norm in _NOT_UNIT or nxt.norm.startswith("ال")):
            return True  # (but مهرجان الأفلام 25 فيلما counts films)
        if nxt is not None and nxt.text in ("@", "_") and nxt.start == num.end:
            return True
        # Scores written with a word: 1-صفر، صفر-2
        if nxt is not None and nxt.text == "-" and m.tok_end + 1 < len(tokens) and tokens[m.tok_end + 1].norm == "صفر":
            return True
        # Phone numbers and long identifiers
        digits = num.norm.replace(",", "").replace(".", "")
        if (num.norm.startswith("0") and len(digits) >= 4 and "." not in num.norm) or ("," not in num.norm and "." not in num.norm and len(digits) >= 9):
            return True
        if prev is not None and prev.text == "+" and prev.end == num.start:
            return True
        if any(t.norm in _PHONE_WORDS for t in tokens[max(0, i - 3):i]) and len(digits) >= 6:
            return True
        if any(t.norm in ("رقم", "الرقم", "برقم", "ورقم") for t in tokens[max(0, i - 3):i]) and len(digits) >= 3:
            return True  # رقم طوارئ الأمانة 940
        if prev is not None and prev.kind == "word" and any(stem in _DESIGNATORS for _, stem in clitic_candidates(prev.text)):
            return True
        if prev is not None and prev.text == "-" and i >= 2 and tokens[i - 2].kind == "word" \
                and any(stem in _DESIGNATORS for _, stem in clitic_candidates(tokens[i - 2].text)):
            return True
    if prev is not None and prev.kind == "word" and (clitic_key(prev.text) in _LABEL_BEFORE or prev.norm in _LABEL_BEFORE):
        return True
    # A label noun, perhaps with an adjective, before a bracketed number: القرار الأممي (2216)، القرار (2231)
    if prev is not None and prev.text == "(" and m.form == "digits" and i >= 2:
        for k in (i - 2, i - 3):
            if k >= 0 and tokens[k].kind == "word" and clitic_key(tokens[k].text) in _LABEL_BEFORE:
                return True
    # A number word ending a short quoted name after another word: "بلاك ستون"، «حزب سبعة»
    if m.form == "words" and prev is not None and prev.kind == "word" and nxt is not None and nxt.text in QUOTE_MARKS \
            and any(t.text in QUOTE_MARKS for t in tokens[max(0, i - 3):i - 1]):
        return True
    if prev is not None and prev.kind == "num" and m.form == "digits":
        return False
    return False


_MEASURES = ("طن", "اطنان", "كيلو", "كيلومتر", "كم", "متر", "مترا", "امتار", "سنتيمتر", "ملم", "درجه", "لتر", "برميل",
             "براميل", "ميل", "اميال", "هكتار", "دونم", "فدان", "غرام", "جرام", "كغ", "كلغ", "ساعه", "ساعات", "دقيقه",
             "دقايق", "ثانيه", "نقطه", "نقاط", "ميغاوات", "كيلوواط", "قدم", "اقدام", "بوصه", "عقده", "مرات", "مره", "ضعف")


def _is_measure(unit: str) -> bool:
    w = clitic_key(normalize(unit))
    return any(w.startswith(m) for m in _MEASURES)


def _latin_end(tok: Token) -> bool:
    c = tok.text[-1]
    return c.isascii() and c.isalpha()


_FRACTION_WORDS = frozenset({"ثلثي", "ثلثا", "ثلث", "ربع", "ثلاثه ارباع"})


def _fraction_of_noun(tokens: list[Token], m: NumberMatch) -> bool:
    """ثلثي النواب، ربع ساعة: a fraction in construct with a noun is an amount (نصف is left out:
    نصف النهائي is a semi-final)."""
    if m.tok_end - m.tok_start != 1 or tokens[m.tok_start].norm not in _FRACTION_WORDS:
        return False
    nxt = tokens[m.tok_end] if m.tok_end < len(tokens) else None
    return nxt is not None and nxt.kind == "word" and nxt.norm not in _NOT_UNIT and nxt.norm not in ("النهائي", "نهائي")


def parse_digits_safe(norm: str) -> float:
    from .numbers import parse_digits

    v = parse_digits(norm)
    return v if v is not None else float("inf")


def _currency_after(tokens: list[Token], j: int) -> tuple[str | None, int] | None:
    """(ISO code or None, index after the currency words) for a currency starting at token ``j``."""
    if j < len(tokens) - 1 and tokens[j].text == "#":
        j += 1  # hashtagged currency: 63.91 مليار #دولار
    if j >= len(tokens):
        return None
    t = tokens[j]
    w = t.norm
    if t.text in _SYMBOLS:
        return _SYMBOLS[t.text], j + 1
    if t.kind != "word":
        return None
    if w.startswith("و") and w[1:] in _CURRENCY_WORDS and w not in _CURRENCY_WORDS:
        return None
    if w in _CURRENCY_WORDS:
        code = _CURRENCY_WORDS[w]
        k = j + 1
        stem = _CURRENCY_STEMS.get(w.removeprefix("ال"), w.removeprefix("ال"))
        if k < len(tokens) and tokens[k].kind == "word":
            adj = tokens[k].norm.removeprefix("ال")
            adj_key = (stem, adj.removesuffix("ه") if stem != "ليره" else adj)
            for cand in ((stem, adj), adj_key, (stem, adj + "ه"), (stem, adj.removesuffix("ه"))):
                if cand in _CURRENCY_ADJ:
                    return _CURRENCY_ADJ[cand], k + 1
        return code, k
    # من الدولارات / من الريالات after a vague plural
    if w == "من" and j + 1 < len(tokens) and tokens[j + 1].norm in _CURRENCY_WORDS and tokens[j + 1].norm.startswith("ال"):
        return _currency_after(tokens, j + 1)
    return None


def _percent_after(tokens: list[Token], j: int) -> int | None:
    for phrase in _PERCENT_AFTER:
        n = len(phrase)
        if j + n <= len(tokens) and tuple(t.norm for t in tokens[j:j + n]) == phrase:
            return j + n
    return None


def _unit_after(tokens: list[Token], j: int, vague: bool, sent_end: int) -> tuple[str | None, int | None]:
    """The counted noun after the number (surface text, token index) or (None, None)."""
    if j < min(len(tokens), sent_end) and (tokens[j].text in QUOTE_MARKS or tokens[j].text == ")"):
        j += 1  # «5» أطنان، (93) دورة
    if j >= min(len(tokens), sent_end):
        return None, None
    t = tokens[j]
    if t.kind != "word":
        return None, None
    if t.norm in ("مبارك", "مبروك"):
        return "", j  # ألف مبارك: a greeting, not a count
    w = t.norm
    if w in _NOT_UNIT:
        if w == "من" and j + 1 < len(tokens) and tokens[j + 1].kind == "word" and tokens[j + 1].norm.startswith("ال") \
                and tokens[j + 1].norm not in _NOT_UNIT:
            return tokens[j + 1].text, j + 1
        return None, None
    if len(w) < 2:
        return None, None
    definite = w.startswith(("ال", "وال", "بال", "لل"))
    if definite and not vague:
        return None, None
    if w.startswith("و") and not vague and _category_of(w[1:]) is None:
        rest = w[1:]
        # وتم، وقال، وهو: a conjunction starting the next clause; وجبة، وحدة are nouns
        if rest in _NOT_UNIT or len(rest) <= 2 or (rest[0] in "تينا" and len(rest) <= 4):
            return None, None
    return t.text, j


#: What happened to people (the event) outranks who they were (جنود، متظاهرين) for the category.
_EVENTS = frozenset({"KILL", "WOUND", "ARREST", "KIDNAP", "DISPLACED", "RELEASE", "MISSING"})


#: Counted nouns that are people (events such as KILL or ARREST can only befall them); nisba
#: adjectives used as nouns (فلسطينيا، صحفيين) are recognised by their ending.
_PERSONS = frozenset("""شخص اشخاص شخصا مدني مدنيا مدنيين مواطن مواطنا مواطنين طفل طفلا اطفال امراه نساء سيده رجل رجال
فرد افراد عامل عاملا عمال نسمه ضحيه ضحايا عضو اعضاء طالب طالبا طلاب شاب شابا شبان مهاجر مهاجرا مهاجرين
ناشط ناشطا ناشطين معارض معارضا معارضين مسافر مسافرا مسافرين حاج حاجا حجاج زائر زوار مريض مريضا مرضي
قتيل جريح اسير رهينه لاجي نازح معتقل سجين متظاهر محتج جندي عنصر مسلح مقاتل ضابط صياد صيادا صيادين""".split())
_CLAUSE_BREAK = frozenset(".!?؟؛:\n")


def _is_person(word: str | None) -> bool:
    if not word:
        return False
    w = clitic_key(normalize(word))
    if w in _PERSONS or any(w.startswith(p) and len(w) - len(p) <= 3 for p in _PERSONS if len(p) >= 4):
        return True
    return len(w) >= 5 and w.endswith(("يين", "يون", "يا"))  # nisba plurals and accusatives: صحفيين، فلسطينيا


_THINGS = ("مدين", "مقعد", "مقاعد", "منزل", "منازل", "مبني", "مباني", "قريه", "قري", "موقع", "مواقع", "سياره", "سيارات", "مركب",
           "طائر", "دباب", "مشروع", "مشاريع", "شركه", "شركات", "دول", "بلد", "مركز", "مراكز", "مدرسه", "مدارس", "مستشفي",
           "عام", "اعوام", "سنه", "سنوات", "سنين", "يوم", "ايام", "شهر", "اشهر", "اسبوع", "اسابيع", "مباراه", "مباريات",
           "هدف", "اهداف", "لقب", "القاب", "صوت", "اصوات", "حقيب", "كتاب", "كتب", "فرع", "فروع", "كليه", "مقر", "جسر",
           "بئر", "ابار", "برميل", "طن", "قطعه", "وحده", "وحدات", "فعاليه", "جلسه", "جولة", "جوله", "ملف", "قرار")


def _is_thing(word: str | None) -> bool:
    if not word:
        return False
    w = clitic_key(normalize(word))
    return _is_measure(word) or any(w.startswith(t) for t in _THINGS)


#: Prepositions with a pronoun that points back at the counted people: 16 امرأة حكم عليهن بالسجن.
_BACK_REFERENCE = frozenset("عليهم عليهن بحقهم بحقهن معهم لهم لهن منهم منهن".split())


def _cue_window(tokens: list[Token], m_start: int, m_end: int, s0: int, s1: int,
                unit_idx: int | None = None) -> list[tuple[int, int]]:
    """(token index, distance) of words that may say what a number counts.

    Up to twelve words back (the caller decides how far each kind of cue may be) and three forward
    from the counted noun (five when a pronoun points back at it), within the clause: a full stop
    or semicolon ends it, and so does a comma, unless it closes a short aside (اعتقلت الشرطة، السبت،
    ألف شخص).
    """
    out = []
    k, dist = m_start - 1, 0
    in_aside = False
    while k >= s0 and dist < 12:
        t = tokens[k]
        if t.kind == "punct":
            if t.text in _CLAUSE_BREAK:
                break
            if t.text in "،,":
                if in_aside:
                    in_aside = False  # the comma that opened the aside
                elif any(x.text in "،," for x in tokens[max(s0, k - 3):k]):
                    in_aside = True
                else:
                    break
            k -= 1
            continue
        dist += 1
        out.append((k, dist))
        k -= 1
    k, dist = (m_end, 0) if unit_idx is None or unit_idx < m_end else (unit_idx + 1, 1)
    reach = 3
    while k < s1 and dist < reach:
        t = tokens[k]
        if t.kind == "punct":
            if t.text in QUOTE_MARKS:
                k += 1
                continue
            break
        if t.norm in _BACK_REFERENCE:
            reach = 5
        elif t.norm in _NOT_UNIT:
            break  # آلاف المتظاهرين قبل اعتقاله: the arrest is someone else's
        elif t.norm.startswith("و") and _category_of(t.norm[1:]) is not None and k + 1 < s1 and (
                tokens[k + 1].kind == "num" or (k + 2 < s1 and tokens[k + 2].kind == "num")):
            break  # مقتل 100 شخص وإصابة 200 آخرين: the wounding is the next number's
        dist += 1
        out.append((k, -dist))  # negative: after the number
        k += 1
    return out


#: What happened to people (the event) outranks who they were (جنود، متظاهرين) for the category.
_EVENTS = frozenset({"KILL", "WOUND", "ARREST", "KIDNAP", "DISPLACED", "RELEASE", "MISSING"})


#: Strong aid words that mark a shipment or a pledge from further away in the clause (not دعم، which
#: is also "backing" and "subsidy").
_AID_FAR = frozenset("مساعدات اغاثه اغاثيه اغاثي معونه معونات تبرعات منحه هبه".split())
#: "in need of": بحاجة إلى مساعدات، يحتاجون المساعدات.
_NEED = frozenset("حاجه بحاجه يحتاج يحتاجون تحتاج محتاجين المحتاجين".split())


#: Counted things that are shipped as aid or struck in attacks, so that a cue opening the clause
#: reaches them (measures such as طن count too); durations and everyday things do not.
_SHIPPED = ("سله", "سلال", "شاحن", "حاويه", "حاويات", "طرد", "بطانيه", "بطانيات", "خيمه", "خيام", "وجبه", "وجبات",
            "كيس", "اكياس", "شحنه", "شحنات", "طائره", "طائرات")
_TARGETS = ("موقع", "مواقع", "منزل", "منازل", "مبني", "مباني", "بلده", "بلدات", "قريه", "قري", "مستشفي", "مستشفيات",
            "مدرسه", "مدارس", "مخزن", "مخازن", "منشاه", "منشات", "مقر", "مقرات", "مركز", "مراكز", "نقطه", "نقاط")


def _far_target(tokens: list[Token], unit_idx: int | None, cat: str) -> bool:
    if unit_idx is None:
        return False
    w = clitic_key(tokens[unit_idx].norm)
    if cat == "AID":
        return _is_measure(tokens[unit_idx].text) or w.startswith(_SHIPPED)
    if w.startswith(("هدف", "اهداف")):  # الأهداف العسكرية, not the goals of a match
        return unit_idx + 1 < len(tokens) and clitic_key(tokens[unit_idx + 1].norm).startswith("عسكري")
    return w.startswith(_TARGETS)


def _needs_aid(tokens: list[Token], k: int, s1: int) -> bool:
    """An aid word within a few words after a "need" word at or after ``k`` (up to eight words on)."""
    seen = 0
    while k < s1 and seen < 8:
        t = tokens[k]
        if t.kind == "punct" and t.text in _CLAUSE_BREAK:
            return False
        if t.kind == "word":
            seen += 1
            if clitic_key(t.norm) in _NEED or t.norm in _NEED:
                return any(_category_of(x.norm) == "AID" for x in tokens[k + 1:min(s1, k + 5)] if x.kind == "word")
        k += 1
    return False


_COUNT_OF = frozenset("عدد اعداد حصيله اجمالي مجموع".split())


def _counted_by_number_of(tokens: list[Token], m_start: int, s0: int) -> int | None:
    """وصل عدد الغارات فيها إلى أكثر من 20: the noun after عدد/حصيلة names what a bare number counts."""
    k, seen = m_start - 1, 0
    while k > s0 and seen < 8:
        t = tokens[k]
        if t.kind == "punct" and t.text in _CLAUSE_BREAK:
            return None
        if t.kind == "num":
            return None  # a nearer number owns that noun
        if t.kind == "word":
            seen += 1
            if clitic_key(t.norm) in _COUNT_OF and k + 1 < m_start and tokens[k + 1].kind == "word":
                return k + 1
        k -= 1
    return None


def _category(tokens: list[Token], m_start: int, m_end: int, unit_idx: int | None, s0: int, s1: int) -> str | None:
    if unit_idx is None:
        unit_idx = _counted_by_number_of(tokens, m_start, s0)
    unit_word = tokens[unit_idx].text if unit_idx is not None else None
    unit_cat = _category_of(tokens[unit_idx].norm) if unit_idx is not None else None
    if unit_cat in _EVENTS and unit_cat != "ARREST":
        return unit_cat
    # An event can only befall people: a counted thing (مدينة، مقعدا) takes no event from context.
    people = unit_idx is None or unit_cat is not None or _is_person(unit_word) or not _is_thing(unit_word)
    person = unit_idx is not None and _is_person(unit_word)
    # A total given in an aside (البالغ عددهم 25 مليون نسمة) takes nothing from what follows it.
    total = m_start >= 1 and tokens[m_start - 1].norm in ("عددهم", "عددها", "عدده", "البالغ", "البالغه")
    best: tuple[int, int, str] | None = None
    for k, dist in _cue_window(tokens, m_start, m_end, s0, s1, unit_idx):
        after = dist < 0
        dist = abs(dist)
        if k == unit_idx or tokens[k].kind != "word":
            continue
        if after and total:
            continue  # سكان اليمن البالغ عددهم 25 مليون نسمة بحاجة ...: the predicate is the sentence's, not the aside's
        cat = _category_of(tokens[k].norm)
        if cat is None or (cat in _EVENTS and not people):
            continue
        if cat in _EVENTS and dist > 6:
            continue
        if cat == "TROOPS" and (not people or (after and unit_idx is not None and not person)):
            continue  # الأهداف العسكرية، المخازن العسكرية: a military target is no soldier
        # What was struck or shipped (أهداف، مواقع، أطنان) is often the object of a verb that opens the
        # clause: وقصف الجيش ... عشرات الأهداف، الطائرة الإغاثية ... تزن 11 طنا.
        far = not after and (cat == "ATTACK" or (cat == "AID" and clitic_key(tokens[k].norm) in _AID_FAR)) \
            and _far_target(tokens, unit_idx, cat)
        if cat not in _EVENTS and dist > (12 if far else 2):
            continue  # who or what is counted is said next to the number
        rank = (0 if cat in _EVENTS else 1, dist + (1 if after else 0))  # at equal distance the cue before wins
        if best is None or rank < best[:2]:
            best = (*rank, cat)
    if best is None and unit_cat is None and (person or unit_idx is None) and not total \
            and _needs_aid(tokens, (unit_idx if unit_idx is not None else m_end - 1) + 1, s1):
        return "AID"  # 22 مليون نسمة بحاجة لمساعدات إنسانية
    if unit_cat == "ARREST":
        # الإفراج عن 50 معتقلا: released, not arrested.
        return "RELEASE" if best is not None and best[2] == "RELEASE" else "ARREST"
    if best is not None and (best[0] == 0 or unit_cat is None):
        return best[2]
    return unit_cat


def _sentence_bounds(sentences, i: int) -> tuple[int, int]:
    import bisect

    if not sentences:
        return 0, 10**9
    starts = [s.tok_start for s in sentences]
    k = bisect.bisect_right(starts, i) - 1
    s = sentences[max(k, 0)]
    return s.tok_start, s.tok_end


def find_quantities(text: str, tokens: list[Token] | None = None, *, skip: list[tuple[int, int]] = (), sentences=None) -> list[Quantity]:
    """Every quantity in ``text``; numbers overlapping ``skip`` spans (dates) are left alone."""
    if tokens is None:
        tokens = tokenize(text)
    out: list[Quantity] = []
    skip = sorted(skip)
    matches = find_numbers(tokens)
    label_end: int | None = None
    for idx, m in enumerate(matches):
        if any(m.start < e and s < m.end for s, e in skip):
            continue
        if m.weak and not _fraction_of_noun(tokens, m):
            continue  # أحد، ست alone
        if m.form == "words" and m.tok_end - m.tok_start == 1 and tokens[m.tok_start].norm in ("عشر", "عشره") \
                and m.tok_start >= 1 and tokens[m.tok_start - 1].norm.startswith(("ال", "وال", "فال", "بال", "لل")):
            continue  # the teen of الخمسة عشر (read with its unit) or of an ordinal: الثامن عشر، الثانية عشرة
        if m.form == "words" and m.value == 0:
            continue  # صفر (in scores 1-صفر, or "zero" as a word) is no amount
        pj = _percent_after(tokens, m.tok_end)
        if pj is None and (_is_label(tokens, m) or (label_end is not None and text[m.start:m.start + 1] == "و" and not text[label_end:m.start].strip())):
            label_end = m.end  # الدقيقتين 86 و94، المادتين 5 و6: the second label too
            continue
        s0, s1 = _sentence_bounds(sentences, m.tok_start) if sentences else (0, len(tokens))
        j = m.tok_end
        end = m.end
        start = m.start
        kind = "count"
        unit: str | None = None
        unit_idx = None
        # Percent: 30%، 30 في المئة، %30 (sign typed before the digits)
        value = m.value
        if pj is not None:
            kind = "percent"
            end = tokens[pj - 1].end
            j = pj
        elif m.tok_start >= 1 and tokens[m.tok_start - 1].text in _PERCENT_SIGNS and tokens[m.tok_start - 1].end == m.start:
            kind = "percent"
            start = tokens[m.tok_start - 1].start
        elif m.tok_start >= 1 and tokens[m.tok_start - 1].norm in ("بالمئه", "بالمائه"):
            kind = "percent"  # بالمائة 10 (marker typed first)
            start = tokens[m.tok_start - 1].start
        else:
            cur = _currency_after(tokens, j)
            if cur is None and m.tok_start >= 1 and tokens[m.tok_start - 1].text in _SYMBOLS:
                cur = (_SYMBOLS[tokens[m.tok_start - 1].text], j)
                start = tokens[m.tok_start - 1].start
            if cur is not None:
                kind = "money"
                unit = cur[0]
                if cur[1] > j:
                    end = tokens[cur[1] - 1].end
                j = cur[1]
        if kind == "count":
            unit, unit_idx = _unit_after(tokens, j, m.vague, s1)
            if unit == "":
                continue
            # 74.318 مراجعا: a dot before exactly three digits of a countable noun groups thousands
            # (no one counts 0.318 of a patient); measures (طن، كيلومتر، درجة) keep the decimal.
            num_tok = tokens[m.tok_end - 1] if m.form == "digits" else None
            if unit is not None and num_tok is not None and num_tok.kind == "num" and num_tok.norm.count(".") == 1 \
                    and len(num_tok.norm.split(".")[1]) == 3 and "," not in num_tok.norm and not _is_measure(unit) \
                    and normalize(unit).endswith("ا"):  # a counted noun in the accusative: مراجعا، كرتونا
                value = int(num_tok.norm.replace(".", ""))
        # "نسبة 10" without a sign is a percentage too.
        if kind == "count" and unit is None and m.tok_start >= 1 and tokens[m.tok_start - 1].norm.removeprefix("ب") in ("نسبه", "نسبته", "نسبتها") \
                and (m.tok_end >= len(tokens) or tokens[m.tok_end].norm != "من"):
            kind = "percent"
            start = tokens[m.tok_start - 1].start
        # سالب / ناقص: a negative figure (temperatures, growth)
        if m.tok_start >= 1 and tokens[m.tok_start - 1].norm in ("سالب", "ناقص") and start == m.start:
            start = tokens[m.tok_start - 1].start
            value = -value
        # Approximators
        approx = "exact"
        ab = _approx_before(tokens, m.tok_start if tokens[m.tok_start].start >= m.start else m.tok_start)
        if ab is not None:
            approx = ab[0]
        elif _approx_verb_before(tokens, m.tok_start) is not None:
            approx = _approx_verb_before(tokens, m.tok_start)
        else:
            aa = _approx_after(tokens, j if unit_idx is None else unit_idx + 1)
            if aa is not None:
                approx = aa[0]
        if m.vague and approx == "exact":
            approx = "more_than"
        # A bare number that looks like a year, with nothing around it that makes it an amount.
        if kind == "count" and unit is None and approx == "exact" and isinstance(m.value, int) and 1900 <= m.value <= 2100 \
                and m.form == "digits" and "," not in tokens[m.tok_end - 1].norm:
            continue
        category = _category(tokens, m.tok_start, j, unit_idx, s0, s1) if kind != "percent" else None
        if kind == "money" and category not in ("AID", None):
            category = None
        out.append(Quantity(text[start:end], start, end, value, approx, kind, unit, category))
    out.extend(_definite_numbers(text, tokens, skip, {q.start for q in out}))
    out = _dedupe(out)
    out.sort(key=lambda q: q.start)
    _share_units(out, tokens, text)
    _share_approx(out, text)
    return out


#: Number words that follow a definite plural as an adjective: السيناريوهات الأربعة، الأشهر العشرة.
_DEFINITE_NUMBERS = {"ال" + w: v for w, v in (
    ("ثلاثه", 3), ("ثلاث", 3), ("اربعه", 4), ("اربع", 4), ("خمسه", 5), ("خمس", 5), ("سته", 6), ("ست", 6),
    ("سبعه", 7), ("سبع", 7), ("ثمانيه", 8), ("ثماني", 8), ("تسعه", 9), ("تسع", 9), ("عشره", 10), ("عشر", 10),
    ("عشرين", 20), ("عشرون", 20), ("ثلاثين", 30), ("ثلاثون", 30), ("اربعين", 40), ("خمسين", 50), ("مئه", 100), ("مائه", 100),
    ("اثني", 2), ("اثنا", 2), ("اثنتي", 2), ("اثنتا", 2))}


def _definite_numbers(text: str, tokens: list[Token], skip, taken: set[int]) -> list[Quantity]:
    out = []
    for k in range(1, len(tokens)):
        t = tokens[k]
        v = _DEFINITE_NUMBERS.get(t.norm)
        if v is None or t.start in taken or any(s <= t.start < e for s, e in skip):
            continue
        prev = tokens[k - 1]
        # after a definite plural noun, not after a number or a weekday (الأحد الثالث …)
        if prev.kind != "word" or not prev.norm.startswith("ال") or prev.norm in ("الاثنين",) or len(prev.norm) < 5:
            continue
        if any(x.norm in ("مجموعه", "لمجموعه", "ومجموعه") for x in tokens[max(0, k - 3):k]):
            continue  # مجموعة الدول العشرين (G20) is a name
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        end = t.end
        if nxt is not None and nxt.norm in ("عشر", "عشره") and v < 10:
            v, end = v + 10, nxt.end  # قطاعات السوق الخمسة عشر
        elif v == 2:
            continue  # الاثني only in الاثني عشر
        noun = prev
        if prev.norm.endswith(("يه", "يين", "ين")) and k >= 2 and tokens[k - 2].kind == "word" and tokens[k - 2].norm.startswith("ال"):
            noun = tokens[k - 2]  # البرامج التنفيذية الاثني عشر: the noun before its adjective
        out.append(Quantity(text[t.start:end], t.start, end, v, "exact", "count", noun.text, _category_of(noun.norm)))
    return out


def _dedupe(qs: list[Quantity]) -> list[Quantity]:
    """Drop a quantity overlapping an earlier, longer one (a definite teen over its parts)."""
    qs = sorted(qs, key=lambda q: (q.start, -(q.end - q.start)))
    out: list[Quantity] = []
    for q in qs:
        if out and q.start < out[-1].end:
            continue
        out.append(q)
    return out


def _share_approx(qs: list[Quantity], text: str) -> None:
    """نحو 80 في المئة من … و40 في المئة من …: a coordinated figure of the same kind keeps the approximator."""
    for a, b in zip(qs, qs[1:]):
        if a.approx != "exact" and b.approx == "exact" and a.kind == b.kind and a.kind in ("percent", "money") \
                and b.text.startswith("و") and b.start - a.end <= 40 and not any(c in text[a.end:b.start] for c in ".؟!\n"):
            b.approx = a.approx


def _share_units(qs: list[Quantity], tokens: list[Token], text: str) -> None:
    """Ranges and lists (بين 10 و15 قتيلا، 5 أو 6 ملايين دولار): the first number takes the last one's unit."""
    for a, b in zip(qs, qs[1:]):
        gap = text[a.end:b.start].strip()
        if gap == "" and b.text[:1] in ("و", "-"):
            gap = b.text[:1]  # بين 10 و15: the conjunction is glued to the second number
        if gap in ("و", "-", "–", "الى", "إلى", "او", "أو", "حتى"):
            if a.kind == "count" and a.unit is None and b.kind in ("money", "count") and b.unit is not None:
                a.kind, a.unit = b.kind, b.unit
                a.category = a.category or b.category
            elif a.kind == "count" and a.unit is None and b.kind == "percent":
                a.kind = "percent"


class QuantityExtractor:
    """Pipeline component ``quantities``: fills ``doc.quantities``, skipping what ``dates`` claimed."""

    name = "quantities"

    def __call__(self, doc) -> None:
        # Boilerplate (a repeated headline, a credit line) still states real figures: only dates are skipped.
        skip = [(d.start, d.end) for d in doc.dates]
        if not doc.dates and not doc.user_data.get("dates_done"):
            # Works without the dates component: find the dates ourselves so years are not counted.
            from .dates import find_dates

            skip += [(d.start, d.end) for d in find_dates(doc.norm, doc.published)]
        doc.quantities.extend(find_quantities(doc.text, doc.tokens, skip=skip, sentences=doc.sentences))
