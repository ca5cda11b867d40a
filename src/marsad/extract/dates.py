"""Date mentions: absolute (Gregorian in both month-name sets, numeric, Hijri), years, and
relative expressions resolved against the article's publication time.

Matching runs on the normalised text (digits folded to ASCII, أ/إ/آ → ا, ة → ه, ى → ي, marks
dropped) and every span is mapped back into the original text.

``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as ``resolution`` says. A relative mention
(اليوم، أمس، الخميس الماضي، الشهر الماضي، منذ ثلاثة أيام، 11 يونيو without a year) has
``relative=True`` and is resolved against ``published``; without a publication time its value is
``None``, never today's date. Weeks (الأسبوع الماضي) resolve to their first day (Monday) with
resolution ``day``. A Hijri year alone resolves to the Gregorian year in which it begins.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from marsad.record import DateMention
from marsad.text import NormalizedText, normalize_with_map

# --- lexicon (normalised spellings) ---------------------------------------------------------------

GREGORIAN_MONTHS: dict[str, int] = {}
for _m, _names in enumerate((
    "يناير جانفي كانون الثاني|كانون ثاني",
    "فبراير فبرار فيفري شباط",
    "مارس اذار",
    "ابريل افريل نيسان",
    "مايو ماي ايار",
    "يونيو يونيه جوان حزيران",
    "يوليو يوليه جويليه يوليوز تموز",
    "اغسطس اغسطوس اوت غشت اب",
    "سبتمبر شتنبر ايلول",
    "اكتوبر تشرين الاول|تشرين اول",
    "نوفمبر نونبر تشرين الثاني|تشرين ثاني",
    "ديسمبر دجنبر كانون الاول|كانون اول",
), start=1):
    # Two-word Levantine names are written with "|" between variants and a space inside.
    parts = _names.split()
    words: list[str] = []
    k = 0
    while k < len(parts):
        if parts[k] in ("كانون", "تشرين"):
            words.append(parts[k] + " " + parts[k + 1].split("|")[0])
            if "|" in parts[k + 1]:
                words.append(parts[k + 1].split("|")[1] + " " + parts[k + 2])
                k += 1
            k += 2
        else:
            words.append(parts[k])
            k += 1
    for _w in words:
        GREGORIAN_MONTHS[_w] = _m
GREGORIAN_MONTHS["كانون ثاني"] = 1
GREGORIAN_MONTHS["تشرين اول"] = 10
GREGORIAN_MONTHS["تشرين ثاني"] = 11
GREGORIAN_MONTHS["كانون اول"] = 12
GREGORIAN_MONTHS = {k: v for k, v in GREGORIAN_MONTHS.items() if "|" not in k and k.split()[0] not in ("ثاني", "اول")}
#: Month words that are also common words (مارس "practised", اب "father", ماي): need a day or year.
AMBIGUOUS_MONTHS = frozenset({"مارس", "اب", "ماي", "اوت"})

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الاول": 3, "ربيع اول": 3, "ربيع الثاني": 4, "ربيع الاخر": 4, "ربيع ثاني": 4,
    "جمادي الاولي": 5, "جمادي الاول": 5, "جمادي الثانيه": 6, "جمادي الاخره": 6, "جمادي الثاني": 6, "جمادي الاخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعده": 11, "ذي القعده": 11, "ذو الحجه": 12, "ذي الحجه": 12,
}

WEEKDAYS: dict[str, int] = {"الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
                            "السبت": 5, "الاحد": 6}

#: Day-of-month ordinals: الحادي والعشرين من مايو، الثاني من أغسطس، أول يناير.
_ORD_UNITS = {"الاول": 1, "اول": 1, "الاولي": 1, "الحادي": 1, "الحاديه": 1, "الثاني": 2, "الثانيه": 2, "الثالث": 3,
              "الثالثه": 3, "الرابع": 4, "الرابعه": 4, "الخامس": 5, "الخامسه": 5, "السادس": 6, "السادسه": 6,
              "السابع": 7, "السابعه": 7, "الثامن": 8, "الثامنه": 8, "التاسع": 9, "التاسعه": 9, "العاشر": 10,
              "العاشره": 10}
ORDINAL_DAYS: dict[str, int] = {}
for _w, _v in _ORD_UNITS.items():
    if _v <= 10:
        ORDINAL_DAYS[_w] = _v
    if _v <= 9 and _w.startswith("ال"):
        ORDINAL_DAYS[_w + " عشر"] = 10 + _v if _v > 1 or _w.startswith("الحادي") else 0
        ORDINAL_DAYS[_w + " عشره"] = 10 + _v if _v > 1 or _w.startswith("الحادي") else 0
        ORDINAL_DAYS[_w + " والعشرين"] = 20 + _v if _v > 1 or _w.startswith("الحادي") else 0
        ORDINAL_DAYS[_w + " والعشرون"] = 20 + _v if _v > 1 or _w.startswith("الحادي") else 0
    if _w in ("الحادي", "الحاديه"):
        ORDINAL_DAYS[_w + " والثلاثين"] = 31
        ORDINAL_DAYS[_w + " والثلاثون"] = 31
ORDINAL_DAYS.update({"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30})
ORDINAL_DAYS = {k: v for k, v in ORDINAL_DAYS.items() if v}

# السابق / التالي ("the one before / after") count from a date the text just named, not from
# publication, so they are not here.
_PAST = "الماضيين|الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الفايته|الفائت|الفائته"
_NEXT = "المقبلين|القادمين|المقبل|المقبله|القادم|القادمه"
_THIS = "الجاري|الجاريه|الحالي|الحاليه"
_PARTS = "صباح|مساء|ظهر|عصر|فجر|ليل|ليله|منتصف ليل|ضحي|صبيحه|عشيه|ظهيره"

_NUM_WORDS = {"يوم": 1, "يومين": 2, "يومان": 2, "اسبوع": 1, "اسبوعين": 2, "اسبوعان": 2, "شهر": 1, "شهرين": 2,
              "شهران": 2, "عام": 1, "عامين": 2, "عامان": 2, "سنه": 1, "سنتين": 2, "سنتان": 2}
_UNIT_OF = {"يوما": "day", "اسبوعا": "week", "شهرا": "month", "عاما": "year", "يوم": "day", "ايام": "day", "يومين": "day", "يومان": "day", "اسبوع": "week", "اسابيع": "week",
            "اسبوعين": "week", "اسبوعان": "week", "شهر": "month", "اشهر": "month", "شهور": "month", "شهرين": "month",
            "شهران": "month", "عام": "year", "اعوام": "year", "عامين": "year", "عامان": "year", "سنه": "year",
            "سنوات": "year", "سنين": "year", "سنتين": "year", "سنتان": "year"}


#: Start only at a word start or after a one- or two-letter proclitic (وأمس، فالشهر): the engine
#: then skips most positions at once (2-3x faster on the long alternations).
_WORD_START = r"(?:(?<![^\W_])|(?<=(?<![^\W_])[وفبلك])|(?<=(?<![^\W_])[وف][بلك]))"


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_GMONTH = _alt(GREGORIAN_MONTHS)
_HMONTH = _alt(HIJRI_MONTHS)
_WEEKDAY = _alt(WEEKDAYS)
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_ERA_G = r"(?:\s*(?:م|ميلادي|ميلاديه|للميلاد)(?![^\W\d_]))"
_ERA_H = r"(?:\s*(?:ه|هـ|هجري|هجريه|للهجره)(?![^\W\d_]))"
# A Gregorian month written as two names: حزيران/يونيو، حزيران (يونيو)، يونيو - حزيران
_MONTH_PAIR = rf"(?P<m>{_GMONTH})(?:\s*(?:/|\\|-|–|\(|،|,)?\s*(?P<m2>{_GMONTH})(?![^\W\d_])(?:\s*\))?)?"
_REL_YEAR = r"(?:العام|السنه)\s+(?P<ydir>الماضي|الماضيه|المنصرم|المنصرمه|الفايت|الفائت|المقبل|المقبله|القادم|القادمه|الجاري|الجاريه|الحالي|الحاليه)"

_ORDDAY = _alt(ORDINAL_DAYS)
_RX_DMY = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY})\s*(?:[،,]\s*)?(?:الموافق\s+)?)?"
    rf"(?:(?P<d>[0-3]?\d)(?![\d.,]\d)\s*[.\-/]?\s*|(?P<od>{_ORDDAY})\s+)(?:من\s+)?(?:شهر\s+)?{_MONTH_PAIR}"
    rf"(?:\s*(?:[،,]\s*)?(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<y>{_YEAR}){_ERA_G}?(?![\d])"
    rf"|\s+(?:من\s+)?{_REL_YEAR}(?![^\W\d_])"
    rf"|\s+(?P<mdir>الماضي|المنصرم|الفايت|الفائت|المقبل|القادم|الجاري|الحالي)(?![^\W\d_]))?"
)
_RX_RANGE_START = re.compile(r"(?<![\d/.\-])(?P<d0>[0-3]?\d)\s*(?:-|–|و|الي|حتي)\s*$")
_RX_MY = re.compile(_WORD_START + rf"(?:شهر\s+)?{_MONTH_PAIR}\s*(?:[،,]\s*)?(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<y>{_YEAR}){_ERA_G}?")
_RX_MONTH_ONLY = re.compile(_WORD_START +
    rf"(?:(?P<pre>مطلع|منتصف|نهايه|اواخر|اوائل|اواسط|بدايه|خلال|منذ|في|حتي|قبل|بعد)\s+)?(?P<shahr>شهر\s+)?{_MONTH_PAIR}"
    rf"(?:\s+(?P<dir>{_PAST}|{_NEXT}|{_THIS}))?(?![^\W\d_])"
    rf"(?P<yctx>\)?\s+(?:من\s+)?(?:هذا\s+العام|هذه\s+السنه|{_REL_YEAR}))?")
_RX_HIJRI = re.compile(
    rf"(?:(?:(?P<d>[0-3]?\d)|(?P<od>{_alt(ORDINAL_DAYS)}))\s*(?:من\s+)?(?:شهر\s+)?)?(?P<m>{_HMONTH})\s*(?:من\s+)?"
    rf"(?:(?:ل)?هذا\s+العام\s+|عام\s+|العام\s+|سنه\s+)?(?P<y>1[34]\d\d){_ERA_H}?"
)
# A Hijri day and month without a year: 27 شوال، الثامن من شهر ذي القعدة المقبل
_RX_HIJRI_DM = re.compile(
    rf"(?:(?P<d>[0-3]?\d)|(?P<od>{_alt(ORDINAL_DAYS)}))\s*(?:من\s+)?(?:شهر\s+)?(?P<m>{_HMONTH})"
    rf"(?:\s+(?P<dir>{_PAST}|{_NEXT}|{_THIS}))?(?![^\W\d_])(?!\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?1[34]\d\d)")
_RX_HIJRI_YEAR = re.compile(rf"(?:(?:عام|العام|سنه)\s+)?(?P<y>1[34]\d\d)(?:\s*[/\-]\s*(?P<y2>1[34]\d\d))?{_ERA_H}")
_RX_NUMERIC = re.compile(
    r"(?<![\d/.\-])(?P<a>\d{1,4})\s?(?P<sep>[/\-.])\s?(?P<b>\d{1,2})\s?(?P=sep)\s?(?P<c>\d{1,4})(?![\d/])"
    r"(?:\s*(?P<era>م|ه|هـ)(?![^\W\d_]))?")
_RX_YEAR_MARKED = re.compile(rf"(?P<y>{_YEAR})\s*(?:م|ميلادي|ميلاديه|للميلاد)(?![^\W\d_])|(?<=\()(?P<yp>(?:19|20)\d\d)(?=\))")
_RX_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d(?:\s*م(?![^\W\d_]))?(?![\d])")
#: Two years in brackets after a name: (1960- 1963), ( 1797- 1801 ).
_RX_YEAR_SPAN = re.compile(r"\(\s*(?P<y>1[5-9]\d\d|20\d\d)\s*[-–ـ]+\s*(?P<y2>1[5-9]\d\d|20\d\d)\s*\)")
#: Three or more years in brackets: (2016ــ2017- 2018)
_RX_YEAR_LIST = re.compile(r"\(\s*(?:(?:19|20)\d\d\s*[-–ـ،,و]*\s*){2,}(?:19|20)\d\d\s*\)")  # tatweel is gone from the normalised text
_RX_YEAR_IN_LIST = re.compile(r"(?:19|20)\d\d")
_YEAR_TRIGGERS = (r"العام\s+(?:الحالي|الجاري|الماضي|المنصرم|المقبل|القادم)|عام|العام|عامي|الاعوام|اعوام|سنه|السنه|سنتي|السنوات|منذ|حتي|خلال|في|مطلع|بدايه|نهايه|اواخر|اوائل"
                  r"|منتصف|اواسط|قبل|بعد|موسم|موازنه|ميزانيه|(?:ال)?انتخابات(?:\s+(?:القادمه|المقبله|الماضيه|الرئاسيه|التشريعيه|البرلمانيه|النيابيه|البلديه))?|مونديال|بحلول|مع حلول|ثوره|رؤيه(?:\s+المملكه)?|خطه|استراتيجيه|للمملكه|اجنده")
_RX_YEARS = re.compile(
    rf"(?P<trig>{_YEAR_TRIGGERS})\s+(?:(?:ما\s+)?بين\s+)?(?P<noun>عام\s+|العام\s+)?(?P<y>{_YEAR})(?!\d|[.,]\d)(?:{_ERA_G})?"
    rf"(?:\s*(?:و|-|–|الي|حتي|و\s*حتي)\s*(?:عام\s+)?(?P<y2>{_YEAR})(?!\d|[.,]\d){_ERA_G}?)?"
)
_RX_RELATIVE = re.compile(_WORD_START + "(?:" +
    rf"(?:(?P<part>{_PARTS})\s+)?(?:(?:يوم|نهار)\s+)?(?P<rel>قبل\s+يوم\s+امس|اليوم(?!\s+(?:نفسه|ذاته|ذلك|الذي|التالي|السابق|الموالي|الاتي|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الحادي|الاخير|الختامي|الافتتاحي|المفتوح|الموعود|الوطني|العالمي|الدولي|العربي)(?![^\W\d_]))|امس\s+الاول|اول\s+امس|امس|الامس|البارحه|غدا|غد|الغد|بعد\s+غد)"
    rf"(?:\s*(?:[،,]\s*)?(?P<wd>{_WEEKDAY}))?(?![^\W\d_])"
    rf"|(?:(?P<wk1>هذا\s+الاسبوع|الاسبوع\s+(?:{_PAST}|{_NEXT}|{_THIS}))\s+(?:يوم\s+)?)?"
    rf"(?:(?P<part2>{_PARTS})\s+)?(?:(?P<yawm>يوم|نهار)\s+)?(?P<wd2>{_WEEKDAY})(?:\s+(?P<dir>{_PAST}|{_NEXT}))?(?![^\W\d_])"
    rf"(?:\s+(?:من\s+)?(?P<wk2>هذا\s+الاسبوع|الاسبوع\s+(?:{_PAST}|{_NEXT}|{_THIS}))(?![^\W\d_]))?"
    rf"|(?P<dom>[0-3]?\d|{_ORDDAY})\s+(?:من\s+)?(?P<rmonth>هذا\s+الشهر|الشهر\s+(?:{_PAST}|{_NEXT}|{_THIS})|الجاري|الحالي)(?![^\W\d_])"
    rf"|(?P<span>الاسبوع|الشهر|العام|السنه|الاسابيع)\s+(?P<dir2>{_PAST}|{_NEXT}|{_THIS})(?![^\W\d_])"
    rf"|(?P<this>هذا\s+الاسبوع|هذا\s+الشهر|هذا\s+العام|هذه\s+السنه)(?![^\W\d_])"
    rf"|(?P<ago>منذ|قبل|بعد)\s+(?:(?:نحو|حوالي|قرابه|زهاء|ما\s+يقارب|اكثر\s+من|اقل\s+من)\s+)?(?P<n>\d+|[^\W\d_]+\s+)?\s*"
    rf"(?P<unit>ايام|يوما|يوم|يومين|يومان|اسبوع|اسبوعا|اسابيع|اسبوعين|اسبوعان|شهر|شهرا|اشهر|شهور|شهرين|شهران|عام|عاما|اعوام|عامين|عامان|سنه|سنوات|سنين|سنتين|سنتان)"
    rf"(?![^\W\d_])(?!\s*\d)(?!\s+(?:{_GMONTH}|{_HMONTH}))"
    ")"
)
_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "لل", "وال"})


def _boundary_ok(norm: str, start: int) -> bool:
    """A match must start a word, or follow a glued proclitic (وأمس، ومنذ، و11 يونيو، ل2020)."""
    if start == 0:
        return True
    if norm[start].isdigit():
        return not norm[start - 1].isdigit()  # datelines glue the date to the city: الأحساء25 شوال
    if not (norm[start - 1].isalpha() or norm[start - 1].isdigit()):
        return True
    k = start
    while k > 0 and norm[k - 1].isalpha():
        k -= 1
    return (k == 0 or not norm[k - 1].isalnum()) and norm[k:start] in _CLITICS


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _ymd(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _hijri_to_gregorian(y: int, m: int = 1, d: int = 1) -> date | None:
    try:
        from hijridate import Hijri

        return Hijri(y, m, d).to_gregorian()
    except (ValueError, OverflowError, ImportError):
        return None


def _hijri_day_near(ref: date, hm: int, d: int, direction: str) -> str | None:
    """The Gregorian date of Hijri day ``d`` of month ``hm`` nearest to ``ref`` (or the one the
    direction word asks for: شوال الماضي، ذي القعدة المقبل)."""
    try:
        from hijridate import Gregorian

        hy = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
    except (ValueError, OverflowError, ImportError):
        return None
    options = [g for g in (_hijri_to_gregorian(y, hm, d) for y in (hy - 1, hy, hy + 1)) if g is not None]
    if re.fullmatch(_PAST, direction):
        options = [g for g in options if g <= ref] or options
        return max(options).isoformat() if options else None
    if re.fullmatch(_NEXT, direction):
        options = [g for g in options if g >= ref] or options
        return min(options).isoformat() if options else None
    return min(options, key=lambda g: abs((g - ref).days)).isoformat() if options else None


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_month(day: date, months: int) -> tuple[int, int]:
    total = day.year * 12 + (day.month - 1) + months
    return total // 12, total % 12 + 1


_ARABIC_COUNT = {"ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7,
                 "سبع": 7, "ثمانيه": 8, "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10, "بضعه": None, "بضع": None,
                 "عده": None, "عشرات": None}

_FUTURE_RE = re.compile(
    r"(?:^|\s)(?:[وف]?س(?!ياس|ياد|يار|يطر|ير|نغ|تين|ته|تي|نو|نه|نا|ناريو|تو|تا)[يتن][^\W\d_]{3,}|سوف|يعتزم|تعتزم|المقرر|مقرر|المنتظر|المتوقع|يرتقب|مرتقب)(?![^\W\d_])")


#: Present-tense verbs of scheduled events: news previews write them without س (ويلتقي الفريقان يوم
#: الثلاثاء، تعلن المفوضية النتائج الاثنين، تنطلق البطولة الخميس) and mean the coming day.
_PREVIEW_RE = re.compile(
    r"(?:^|\s)[وف]?[يت](?:لتقي|لعب|واجه|ستضيف|خوض|نطلق|بدا|عقد|قام|جري|زور|ختتم|فتتح|نتهي|غادر|توجه|شارك|حل|نظم"
    r"|ستانف|صوت|نتخب|علن|جتمع|ناقش|بحث|ستقبل|صدر|نظر)(?:ان|ون|ا)?(?![^\W\d_])")
_SINCE_RE = re.compile(r"(?:^|\s)منذ\s+(?:يوم\s+)?$")  # التي تزور واشنطن منذ الاثنين: since, not next
#: كان يلعب (used to), لم يعلن (did not): a present form with a past meaning.
_WAS_RE = re.compile(r"(?:^|\s)[وف]?(?:كان|كانت|كانوا|لم)\s+(?:[^\W\d_]+\s+)?$")


def _future_context(norm: str, start: int) -> bool:
    """A future verb (سيعقد، ستبدأ), marker (من المقرر، سوف) or a present-tense verb of a scheduled
    event (يلتقي، تنطلق; not after كان) shortly before, in the same sentence."""
    window = norm[max(0, start - 45):start]
    cut = max(window.rfind("."), window.rfind("؟"), window.rfind("\n"))
    window = window[cut + 1:]
    if _FUTURE_RE.search(window):
        return True
    m = _PREVIEW_RE.search(window)
    return m is not None and not _WAS_RE.search(window[:m.start() + 1]) and not _SINCE_RE.search(window)


class _Found:
    __slots__ = ("start", "end", "value", "resolution", "relative", "prio")

    def __init__(self, start, end, value, resolution, relative, prio):
        self.start, self.end, self.value, self.resolution, self.relative, self.prio = start, end, value, resolution, relative, prio


def _month_value(ref: date | None, mon: int, direction: str, ydir: str) -> str | None:
    """Year of a month named without one: الماضي / المقبل / العام الماضي decide, else the nearest."""
    if ref is None:
        return None
    if ydir:
        y = ref.year + (-1 if re.fullmatch(_PAST, ydir) else 1 if re.fullmatch(_NEXT, ydir) else 0)
    elif re.fullmatch(_PAST, direction):
        y = ref.year - (1 if mon >= ref.month else 0)
    elif re.fullmatch(_NEXT, direction):
        y = ref.year + (1 if mon <= ref.month else 0)
    else:
        y = ref.year - (1 if mon - ref.month > 6 else 0)
    return _ymd(y, mon)


def _scan(norm: str, ref: date | None) -> list[_Found]:
    found: list[_Found] = []
    add = found.append

    for m in _RX_DMY.finditer(norm):
        if not _boundary_ok(norm, m.start()):
            continue
        d = int(m["d"]) if m["d"] else ORDINAL_DAYS[re.sub(r"\s+", " ", m["od"])]
        mon = GREGORIAN_MONTHS[re.sub(r"\s+", " ", m["m"])]
        # A day range sharing the month: من 4 إلى 22 يناير، بين 15 و19 نوفمبر، 19-20 نوفمبر
        r0 = _RX_RANGE_START.search(norm, max(0, m.start() - 14), m.start())
        if r0 is not None and m["d"] and 1 <= int(r0["d0"]) < d:
            d0 = int(r0["d0"])
            y0 = int(m["y"]) if m["y"] else None
            if y0 is None and ref is not None:
                y0 = ref.year - (1 if mon - ref.month > 6 else 0)
            v0 = _ymd(y0, mon, d0) if y0 is not None and _valid(y0, mon, d0) else None
            add(_Found(r0.start("d0"), r0.end("d0"), v0, "day", not m["y"], 3))
        if m["y"]:
            y = int(m["y"])
            if _valid(y, mon, d):
                add(_Found(m.start(), m.end(), _ymd(y, mon, d), "day", False, 3))
        elif 1 <= d <= 31:
            # A day and month: the year is the publication year (or the one before, for a December
            # date read in January); الماضي / المقبل and العام الماضي say which way.
            value = None
            if ref is not None:
                y = ref.year
                if m["ydir"]:
                    y += -1 if re.fullmatch(_PAST, m["ydir"]) else 1 if re.fullmatch(_NEXT, m["ydir"]) else 0
                elif m["mdir"] and re.fullmatch(_PAST, m["mdir"]):
                    y -= 1 if (mon, d) > (ref.month, ref.day) else 0
                elif m["mdir"] and re.fullmatch(_NEXT, m["mdir"]):
                    y += 1 if (mon, d) < (ref.month, ref.day) else 0
                elif mon - ref.month > 6:
                    y -= 1
                elif ref.month - mon > 6 and _future_context(norm, m.start()):
                    y += 1
                value = _ymd(y, mon, d) if _valid(y, mon, d) else None
            add(_Found(m.start(), m.end(), value, "day", True, 3))
    for m in _RX_MY.finditer(norm):
        if not _boundary_ok(norm, m.start()):
            continue
        mon = GREGORIAN_MONTHS[re.sub(r"\s+", " ", m["m"])]
        add(_Found(m.start(), m.end(), _ymd(int(m["y"]), mon), "month", False, 2))
    for m in _RX_MONTH_ONLY.finditer(norm):
        if not _boundary_ok(norm, m.start()):
            continue
        key = re.sub(r"\s+", " ", m["m"])
        if not m["pre"] and not m["dir"] and not m["shahr"] and not m["yctx"]:
            continue
        if key in AMBIGUOUS_MONTHS and not (m["shahr"] or m["dir"] or (m["pre"] and key == "مارس")):
            continue
        mon = GREGORIAN_MONTHS[key]
        start = m.start("shahr") if m["shahr"] else m.start("m")
        end = m.end("dir") if m["dir"] else m.end("m2") if m["m2"] else m.end("m")
        if m["yctx"] and m["ydir"]:
            end = m.end("yctx")  # يونيو العام المقبل، أكتوبر من العام الحالي: one mention
            year_after = _RX_YEAR_AFTER.match(norm, end)
            if year_after:
                end = year_after.end()  # ديسمبر من العام الحالي 2015: the year belongs to it
        months = [mon]
        if m["m2"] and GREGORIAN_MONTHS[re.sub(r"\s+", " ", m["m2"])] != mon:
            # سبتمبر - نوفمبر: a range, two months (a pair of names for one month is not)
            months.append(GREGORIAN_MONTHS[re.sub(r"\s+", " ", m["m2"])])
            end = m.end("m")
        for k, mon in enumerate(months):
            if k == 1:
                start, end = m.start("m2"), m.end("m2")
            value = _month_value(ref, mon, m["dir"] or "", m["ydir"] or "")
            add(_Found(start, end, value, "month", True, 1))
    for m in _RX_HIJRI.finditer(norm):
        if not _boundary_ok(norm, m.start()):
            continue
        hm = HIJRI_MONTHS[re.sub(r"\s+", " ", m["m"])]
        hy = int(m["y"])
        if m["d"] or m["od"]:
            # التاسع والعشرين من شهر شعبان لهذا العام 1439هـ
            g = _hijri_to_gregorian(hy, hm, int(m["d"]) if m["d"] else ORDINAL_DAYS[re.sub(r"\s+", " ", m["od"])])
            if g is not None:
                add(_Found(m.start(), m.end(), g.isoformat(), "day", False, 3))
        else:
            g = _hijri_to_gregorian(hy, hm, 1)
            if g is not None:
                add(_Found(m.start(), m.end(), _ymd(g.year, g.month), "month", False, 2))
    for m in _RX_HIJRI_DM.finditer(norm):
        if not _boundary_ok(norm, m.start()):
            continue
        d = int(m["d"]) if m["d"] else ORDINAL_DAYS[re.sub(r"\s+", " ", m["od"])]
        hm = HIJRI_MONTHS[re.sub(r"\s+", " ", m["m"])]
        value = None
        if ref is not None and 1 <= d <= 30:
            value = _hijri_day_near(ref, hm, d, m["dir"] or "")
        add(_Found(m.start(), m.end(), value, "day", True, 2))
    for m in _RX_HIJRI_YEAR.finditer(norm):
        if not _boundary_ok(norm, m.start()):
            continue
        g = _hijri_to_gregorian(int(m["y"]))
        if g is not None and m["y2"]:
            g2 = _hijri_to_gregorian(int(m["y2"]))
            add(_Found(m.start(), m.end("y"), _ymd(g.year), "year", False, 1))
            if g2 is not None:
                add(_Found(m.start("y2"), m.end(), _ymd(g2.year), "year", False, 1))
        elif g is not None:
            add(_Found(m.start(), m.end(), _ymd(g.year), "year", False, 1))
    for m in _RX_NUMERIC.finditer(norm):
        a, b, c = int(m["a"]), int(m["b"]), int(m["c"])
        la, lc = len(m["a"]), len(m["c"])
        if not ((la == 4 and lc <= 2) or (la <= 2 and lc in (2, 4))):
            continue  # exactly one of the outer fields is the year
        if len(m["a"]) == 4:
            y, mon, d = a, b, c
        else:
            d, mon, y = a, b, c
            if len(m["c"]) == 2:
                y += 2000 if y < 50 else 1900
            if mon > 12 and d <= 12:
                d, mon = mon, d  # US order 5/17/2018
        if 1300 <= y <= 1500 and mon <= 12 and d <= 30:
            g = _hijri_to_gregorian(y, mon, d)  # ٢١/١٠/١٤٣٦هـ
            if g is not None:
                add(_Found(m.start(), m.end(), g.isoformat(), "day", False, 3))
        elif 1900 <= y <= 2100 and _valid(y, mon, d):
            add(_Found(m.start(), m.end(), _ymd(y, mon, d), "day", False, 3))
    for m in _RX_YEAR_MARKED.finditer(norm):
        if _boundary_ok(norm, m.start()):
            add(_Found(m.start(), m.end(), m["y"] or m["yp"], "year", False, 1))  # 2010م، (2014)
    for m in _RX_YEAR_SPAN.finditer(norm):
        y, y2 = int(m["y"]), int(m["y2"])
        if y <= y2 < y + 150:  # (1960- 1963): a term of office, a lifetime
            add(_Found(m.start("y"), m.end("y"), m["y"], "year", False, 1))
            add(_Found(m.start("y2"), m.end("y2"), m["y2"], "year", False, 1))
    for m in _RX_YEAR_LIST.finditer(norm):
        years = list(_RX_YEAR_IN_LIST.finditer(norm, m.start(), m.end()))
        if all(int(a.group()) < int(b.group()) for a, b in zip(years, years[1:])):
            for y in years:
                add(_Found(y.start(), y.end(), y.group(), "year", False, 1))
    for m in _RX_YEARS.finditer(norm):
        if not _boundary_ok(norm, m.start()):
            continue
        trig = m["trig"]
        # عام 2014 keeps its noun in the span; a preposition (في، منذ) does not.
        # العام الحالي 2015: the relative words and the year are one mention, valued by the year.
        start = m.start() if trig.split()[0] in ("عام", "العام", "سنه", "السنه", "عامي", "سنتي") else m.start("noun") if m["noun"] else m.start("y")
        end_y = m.end("y")
        if m["y2"]:
            add(_Found(start, end_y, m["y"], "year", False, 1))
            add(_Found(m.start("y2"), m.end(), m["y2"], "year", False, 1))
        else:
            add(_Found(start, m.end(), m["y"], "year", False, 1))
    for m in _RX_RELATIVE.finditer(norm):
        if not _boundary_ok(norm, m.start()):
            continue
        f = _relative(m, norm, ref)
        if f is not None:
            add(f)
    return found


_WEEKDAY_THEN_DATE = re.compile(rf"(?:(?:{_PARTS})\s+)?(?:(?:يوم|نهار)\s+)?(?:{_WEEKDAY})\s*[،,]?\s*(?:(?:الموافق|بتاريخ)\s+)?")
#: Common first names: a weekday right after one is a family name (محمد الخميس).
_FIRST_NAME_BEFORE = re.compile(
    r"(?:^|\s)(?:محمد|احمد|علي|عبدالله|خالد|سعد|فهد|ناصر|صالح|ابراهيم|عبدالرحمن|يوسف|حسن|حسين|عمر"
    r"|منصور|عادل|طارق|حمد|راشد|سالم|مبارك|ابو|بن)\s+$")  # not royal names that end a full name (سلمان، الخميس)


def _relative(m: re.Match, norm: str, ref: date | None) -> _Found | None:
    s, e = m.start(), m.end()
    if m["rel"]:
        rel = re.sub(r"\s+", " ", m["rel"])
        if rel == "اليوم" and not m["part"] and not m["wd"]:
            # اليوم alone is "today" in news, but not in "حتى اليوم" (to this day) — still a date.
            pass
        offset = {"قبل يوم امس": -2, "اليوم": 0, "امس": -1, "الامس": -1, "البارحه": -1, "غدا": 1, "غد": 1, "الغد": 1,
                  "امس الاول": -2, "اول امس": -2, "بعد غد": 2}[rel]
        before = norm[max(0, s - 7):s]
        if rel == "اليوم" and (before.endswith(("عين ", "صحيفه ", "جريده ", "«", '"', "“")) or norm[e:e + 1] in ("»", '"', "”")):
            return None  # the newspapers عين اليوم، اليوم، اليوم السابع
        if rel == "اليوم" and not m["wd"] and before.endswith(("نفس ", "ذات ", "ذلك ")):
            return None  # في نفس اليوم: the same day as something just named
        if rel == "اليوم" and not m["part"] and not m["wd"] and before.endswith("في ") \
                and re.match(r"\s*(?:[.,،؛)]|$|الواحد|علي\s+الاقل)", norm[e:e + 12]):
            return None  # 11 سيجارة في اليوم: a rate per day
        if rel in ("غد", "الغد") and not norm[max(0, s - 4):s].strip().endswith("يوم") and not m["part"] \
                and not m.group(0).startswith(("يوم", "نهار")) and not m["wd"]:
            return None  # الغد alone is mostly "the future" (من الغد، جيل الغد); يوم الغد is tomorrow
        if ref is None:
            return _Found(s, e, None, "day", True, 2)
        day = ref + timedelta(days=offset)
        if m["wd"]:
            # اليوم الأحد in an article stamped Monday: the named weekday wins (nearest such day).
            delta = (WEEKDAYS[m["wd"]] - day.weekday()) % 7
            day += timedelta(days=delta if delta <= 3 else delta - 7)
        return _Found(s, e, day.isoformat(), "day", True, 2)
    if m["dom"]:
        # 20 من الشهر القادم، العشرين من هذا الشهر، حتى 25 الجاري (of the current month)
        d = int(m["dom"]) if m["dom"].isdigit() else ORDINAL_DAYS[re.sub(r"\s+", " ", m["dom"])]
        if ref is None:
            return _Found(s, e, None, "day", True, 3)
        words = m["rmonth"].split()
        step = 0 if words[0] == "هذا" else -1 if re.fullmatch(_PAST, words[-1]) else 1 if re.fullmatch(_NEXT, words[-1]) else 0
        y, mon = _shift_month(ref, step)
        return _Found(s, e, _ymd(y, mon, d) if _valid(y, mon, d) else None, "day", True, 3)
    if m["wd2"]:
        if not m["yawm"] and not m["part2"] and not m["wk1"] and _FIRST_NAME_BEFORE.search(norm, max(0, s - 16), s):
            return None  # محمد الخميس، سعد الجمعة: a family name, not a weekday
        if m["yawm"] and not m["part2"] and not m["wk1"]:
            s = m.start("wd2")  # يوم الخميس: the span is the weekday
        wd = WEEKDAYS[m["wd2"]]
        direction = m["dir"] or ""
        if ref is None:
            return _Found(s, e, None, "day", True, 2)
        week = m["wk1"] or m["wk2"]
        if week:
            # الجمعة من الأسبوع المقبل: that weekday inside the named week (weeks start on Monday)
            last = week.split()[-1]
            step = 0 if week.startswith("هذا") else -1 if re.fullmatch(_PAST, last) else 1 if re.fullmatch(_NEXT, last) else 0
            monday = _week_start(ref) + timedelta(days=7 * step)
            return _Found(s, e, (monday + timedelta(days=wd)).isoformat(), "day", True, 3)
        back = (ref.weekday() - wd) % 7
        if re.fullmatch(_PAST, direction):
            day = ref - timedelta(days=back or 7)
        elif re.fullmatch(_NEXT, direction):
            day = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
        elif back and _future_context(norm, s):
            day = ref + timedelta(days=(wd - ref.weekday()) % 7)
        else:
            day = ref - timedelta(days=back)
        return _Found(s, e, day.isoformat(), "day", True, 2)
    if m["span"] or m["this"]:
        what = (m["span"] or m["this"].split()[-1])
        d = m["dir2"] or "الحالي"
        step = -1 if re.fullmatch(_PAST, d) else 1 if re.fullmatch(_NEXT, d) else 0
        if what in ("الاسبوع", "الاسابيع"):
            if what == "الاسابيع":
                return None
            value = _week_start(ref + timedelta(days=7 * step)).isoformat() if ref else None
            return _Found(s, e, value, "day", True, 2)
        if what == "الشهر":
            value = _ymd(*_shift_month(ref, step)) if ref else None
            return _Found(s, e, value, "month", True, 2)
        value = _ymd(ref.year + step) if ref else None
        return _Found(s, e, value, "year", True, 2)
    if m["ago"]:
        unit_word = m["unit"]
        unit = _UNIT_OF[unit_word]
        if m["n"]:
            nw = m["n"].strip()
            if nw.isdigit():
                n = int(nw)
                if n > 200 or (unit in ("day", "week") and n > 400):
                    return None
            elif nw in _ARABIC_COUNT:
                n = _ARABIC_COUNT[nw]
                if n is None:
                    return None
            else:
                return None
        else:
            n = _NUM_WORDS.get(unit_word)
            if n is None:
                return None
        if unit_word in ("ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "سنين", "يوما", "اسبوعا", "شهرا", "عاما") and not m["n"]:
            return None
        sign = 1 if m["ago"] == "بعد" else -1
        tail = norm[e:e + 6].lstrip()
        if m["ago"] != "منذ" and (tail.startswith(("من ", "علي ", "قضاها", "قضاه")) or (sign > 0 and not _future_context(norm, s))):
            # قبل أسبوعين على النهائي، بعد ستة أشهر من إقالته: counted from another event, not from
            # publication; بعد يومين is read as a date only in a future sentence.
            return None
        if ref is None:
            value = None
        elif unit == "day":
            value = (ref + timedelta(days=sign * n)).isoformat()
        elif unit == "week":
            value = (ref + timedelta(days=7 * sign * n)).isoformat()
        elif unit == "month":
            value = _ymd(*_shift_month(ref, sign * n))
        else:
            value = _ymd(ref.year + sign * n)
        res = "day" if unit in ("day", "week") else unit
        return _Found(s, e, value, res, True, 1)
    return None


def _select(found: list[_Found]) -> list[_Found]:
    """Longest, most specific match wins; overlapping weaker ones are dropped."""
    found.sort(key=lambda f: (-(f.end - f.start), -f.prio, f.start))
    taken: list[tuple[int, int]] = []
    out: list[_Found] = []
    for f in found:
        if any(f.start < e and s < f.end for s, e in taken):
            continue
        taken.append((f.start, f.end))
        out.append(f)
    out.sort(key=lambda f: f.start)
    return out


def _as_date(published: datetime | date | None) -> date | None:
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    return published


def find_dates(text: str | NormalizedText, published: datetime | date | None = None) -> list[DateMention]:
    """Every date mention in ``text``; relative ones resolved against ``published`` (None: no value)."""
    nt = text if isinstance(text, NormalizedText) else normalize_with_map(text)
    ref = _as_date(published)
    out: list[DateMention] = []
    chosen = _select(_scan(nt.text, ref))
    for a, b in zip(chosen, chosen[1:]):
        # يوم الثلاثاء 19/10/1436هـ، الاثنين 1 / 12 / 1436هـ الموافق …: the written date fixes the weekday
        if a.relative and a.resolution == "day" and not b.relative and b.resolution == "day" and b.value \
                and _WEEKDAY_THEN_DATE.fullmatch(nt.text[a.start:b.start]):
            a.value = b.value
    for f in chosen:
        # Trim trailing blanks the optional groups may have eaten.
        end = f.end
        while end > f.start and nt.text[end - 1].isspace():
            end -= 1
        s, e = nt.span_to_original(f.start, end)
        out.append(DateMention(nt.original[s:e], s, e, f.value, f.resolution, f.relative))
    return out


class DateExtractor:
    """Pipeline component ``dates``: fills ``doc.dates``."""

    name = "dates"

    def __call__(self, doc) -> None:
        # Datelines and credit lines are boilerplate but their dates are real: nothing is skipped.
        doc.dates.extend(find_dates(doc.norm, doc.published))
        doc.user_data["dates_done"] = True  # quantities need not look for dates again

