"""Quotations and their speakers: direct, reported and attributed speech in Arabic news.

Pipeline component ``quotes``. It reads the text layer's tokens, sentences and paragraphs (and
``doc.entities`` / ``doc.boilerplate`` when earlier components filled them) and adds
:class:`~marsad.record.Quote` records to ``doc.quotes``.

How it reads a text, left to right:

* **Cues** — reporting verbs in every form news uses (قال/قالت/قالوا/يقول/تقول, with و/ف
  glued on, participles مضيفا/مؤكدة/مشيرين) and source attributions (بحسب، وفقا لـ، نقلا عن),
  all matched on normalised forms (see :mod:`marsad.extract.quote_lexicon`).
* **After a verb cue** the text up to the first complement — ``أن/إن`` (with pronoun suffixes),
  a colon, or an opening quotation mark — is the *speaker zone*: ``وقال المتحدث باسم التحالف
  الدولي العقيد مايلز ككينز لقناة … الأربعاء إن``. Quotation marks that only wrap a name
  (``لصحيفة “اميريتس 24-7″ إن``) are stepped over.
* **The said content**: inside the quotation marks for a direct quote (an unclosed quote runs to
  the end of its paragraph); after a colon, to the end of the paragraph or a stray closing mark;
  after أن/إن, to the end of the sentence — jumping over quoted stretches (the mixed form
  ``وأكد أن التحالف “لاحظ …”``) and stopping where the next cue or an attribution
  (``، مضيفا أن`` / ``، بحسب رويترز``) begins.
* **The speaker**: the zone is cut at adjuncts (في بيان، لوكالة، خلال، الثلاثاء، الذي …),
  split at commas (role, then name in apposition), and split into role, rank and name with a
  title/rank lexicon, a first-name list and a walk over the role phrase (definite words and
  prepositional complements belong to the role; the first bare word after them starts the name).
  A speaker may also stand before its cue (``مجلة "أتلانتيك" الأميركية، رأت أن``). With no
  subject (وأضاف، وتابع، مبينا) the cue refers back to the latest speaker of matching gender,
  across sentences and paragraphs. A surname alone, a bare role (``قال المفوض السامي``) or an
  anaphoric noun (الوزارة، البيان، المجلة) resolves to the full speaker seen earlier.

Rank and title: the record has one ``speaker_role`` field. Honorifics (الدكتور، السيد، معالي،
الأمير) are dropped; a military or police rank (العقيد، اللواء) says what the person is, so it
is kept at the end of the role: ``المتحدث باسم التحالف الدولي، العقيد``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..doc import Doc
from ..record import Entity, Quote
from ..text import Token, entity_id, hashtag_plain, normalize
from ..text import name_key as _name_key_uncached
from . import quote_canon, quote_fragments, quote_speakers
from .quote_lexicon import CueForm, Lexicon, characterising_forms, load_lexicon

#: :func:`marsad.text.name_key`, memoised: it is pure and re-tokenises its string on every call, and speakers,
#: roles and words repeat within and across articles (it was ~12 % of the component's time).
name_key = lru_cache(maxsize=1 << 16)(_name_key_uncached)

_SENT_END = frozenset(".!?؟…")
_COMMAS = frozenset("،,؛;")
_OPENERS = {"“": "”″", "«": "»", "„": "“”", "‹": "›", '"': '"″', "”": "“”"}
_CLOSERS = frozenset("”»›\"″“")
#: أن / إن (the same once normalised) with the pronoun suffixes news uses, and بأن.
_THAT = frozenset(
    p + s for p in ("ان", "بان") for s in ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي", "ك", "كم")
)
#: وأن after a cue's noun object (أعرب عن إعجابه به وأنه …) opens a reported clause too.
_AND_THAT = frozenset("و" + w for w in _THAT)
#: Words that are never a speaker on their own.
_FUNCTION_WORDS = frozenset(normalize(w) for w in "في من عن على إلى ما أن لا لم لن قد ذلك هذا هذه كما ثم أو و ف هو هي هم".split())
#: A short quotation right after one of these is what was called for or described (دعا إلى "…").
#: A quoted object needs this many words to be speech rather than a term or a title, and its verb must
#: be this close (in words) before it.
_MIN_FRAGMENT_WORDS = 4
_MAX_FRAGMENT_ZONE = 14
_MAX_SHORT_FRAGMENT_ZONE = 6
#: One to three quoted words are a quoted term only as the object of one of these (وصفه بـ"الكارثي"، عن "ترك بصمة").
#: "الشهير بـ"…"": known as — a name follows.
_NAMED_AS = frozenset(normalize(w) for w in ("الشهير", "الشهيرة", "المعروف", "المعروفة", "الملقب", "الملقبة", "المسمى", "المسماة"))
_OBJECT_PREPS = frozenset(normalize(w) for w in ("ب", "بـ", "على", "عن", "إلى", "من"))
_SHORT_FRAGMENT_PREPS = frozenset(normalize(w) for w in ("ب", "بـ", "على", "عن", "إلى", "من", "ل", "لـ"))
_CHARGES = frozenset(normalize(w) for w in ("تهمة", "بتهمة", "تهم", "بتهم", "اتهامات", "الاتهامات"))
#: Words before a colon that open a list or a naming, not speech (منها: «السهم، التايفون …»، هما: "…").
_LIST_MARKERS = frozenset(normalize(w) for w in (
    "منها", "منهم", "هما", "هي", "هم", "التالي", "التالية", "الآتي", "الآتية", "كالتالي", "كالآتي", "يلي", "أبرزها",
    "أهمها", "أشهرها", "مثل", "بينها", "بينهم", "وهي", "وهما", "وهم", "للمزيد", "ضمنها", "ضمنهم"))
#: "كما ورد في "…"": a publication after في, not quoted words.
_PUBLISH_VERBS = frozenset(normalize(w) for w in ("ورد", "وردت", "جاء", "جاءت", "نشر", "نشرت", "نشرته", "نشرتها"))
_TOPIC_PREPS = frozenset(normalize(w) for w in ("بشأن", "حول", "بخصوص"))
_PREPS_BEFORE_QUOTE = frozenset(normalize(w) for w in ("إلى", "ب", "على", "عن", "لـ"))
_PREPS_NEVER_FIRST = frozenset(normalize(w) for w in ("في", "من", "إلى", "على", "عن", "مع", "بعد", "قبل"))
#: Titles inside institution names followed by a bare name (مستشفى الملك فهد، جامعة الأمير سلطان).
_ROYAL = frozenset(normalize(w) for w in ("الملك", "الأمير", "الشيخ", "الإمام", "السلطان", "الملكة", "الأميرة"))
_CONNECTORS = frozenset(normalize(w) for w in ("فيما", "بينما", "كما", "حيث", "و", "ثم", "في حين", "فيما", "بدوره", "بدورها"))
#: Keys of documents that speak for their issuer (جاء في البيان / التقرير / المذكرة).
_DOCUMENTS = frozenset(("بيان", "تقرير", "مذكره", "رساله", "تعميم", "بلاغ"))
_EVIDENTIAL = frozenset(normalize(w) for w in ("أشار", "أكد", "أوضح", "كشف", "بين", "أظهر"))
_TALLIES = frozenset(("حصيله", "الحصيله", "ارقام", "الارقام", "احصائيه", "الاحصائيه", "تقديرات", "التقديرات", "معطيات",
                      "المعطيات", "نتائج", "النتائج", "بيانات", "البيانات", "احصاءات", "الاحصاءات", "احصائيات", "الاحصائيات"))
_MEDIA_PLURALS = frozenset(("صحف", "وسائل", "مواقع", "قنوات", "وكالات", "معهد", "المعهد", "اعلام", "الاعلام"))  # صحف محلية، وسائل إعلام، معهد: sources the head lists lack
_DATA_DOCUMENTS = frozenset(("احصائيات", "احصاءات", "بيانات"))  # only with their issuer (الصادرة عن «ساما»)
#: Studies and investigations (name_key forms): they speak for their author only when the text says who made
#: them (بحث أجراه مايكل جافين، تحقيق نشرته صحيفة "نيويورك تايمز"), and a later التقرير/التحقيق is that one.
_STUDIES = frozenset(("تقرير", "بحث", "بحثا", "تحقيق", "تحقيقا", "تحقيقات", "دراسه", "تقريرا"))
#: Broken plurals among body heads: a verb agrees with them in the feminine (ذكرت وسائل الإعلام، قالت الأمم المتحدة).
_PLURAL_BODIES = frozenset(normalize(w) for w in "وسائل أمم دول أجهزة قوات مصادر".split())
#: Publications (name_key forms) that a relative clause with a cue reports on (بيانا أكدت فيه، فيديو زعمت أنه).
_PUBLICATIONS = frozenset(name_key(w) for w in """بيان بيانا تغريدة تغريده فيديو شريط تسجيل تسجيلا رسالة مقال مقالا منشور
منشورا تدوينة تعميم تعميما""".split())
#: Verbs that publish one (أصدرت القبائل بيانا، بثت الوكالة فيديو).
_ISSUING_VERBS = frozenset(normalize(w) for w in """أصدر أصدرت أصدروا نشر نشرت نشروا بث بثت بثوا وزع وزعت وزعوا
""".split())
#: Tallies and figures (name_key forms): they speak for the body named as their compiler (حصيلة أوردها المرصد).
_TALLY_KEYS = frozenset(("حصيله", "ارقام", "احصائيه", "تقديرات", "معطيات", "احصاءات", "احصائيات", "قاعده"))
_TALLY_ADJECTIVES = frozenset(normalize(w) for w in "جديدة أولية نهائية رسمية أخيرة حديثة محدثة جديد رسمي أولي حديث بيانات".split())
_PARTITIVES = frozenset(("عدد", "بعض", "مجموعه", "عديد", "كثير"))  # name_key forms: عدد من …، العديد من …
#: Quantifiers of a majority heading a group subject (أغلب المنظمات، معظم الخبراء), name_key forms.
_MAJORITY = frozenset(name_key(w) for w in ("معظم", "أغلب", "غالبية", "أكثرية"))
_ISSUED = frozenset(normalize(w) for w in ("أصدره", "أصدرته", "أصدرها", "أصدروه", "نشره", "نشرته", "نشرها", "نشرتها", "وزعه",
                                            "وزعته", "أجراه", "أجرته", "أجراها", "أجرتها", "أعده", "أعدته", "أعدها", "أعدتها",
                                            "أورده", "أوردته", "أوردها", "أوردتها", "جمعه", "جمعته", "جمعها", "جمعتها"))
#: Roles that take عن for whom they stand (النائب عن كتلة …، ممثل عن …).
_REPRESENTATIVES = frozenset(normalize(w) for w in ("النائب", "نائب", "النائبة", "نائبة", "ممثل", "الممثل", "ممثلة", "المرشح", "مرشح", "مندوب", "المندوب"))
#: A pronoun subject before a cue (وهو يعتقد أن): not the impersonal يعتقد أن, and no subject to look for.
_PRONOUNS = frozenset(("هو", "وهو", "هي", "وهي", "هم", "وهم", "فهو", "فهي", "فهم"))
_RELATIVE_PRONOUNS = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي",
                                                     "والذي", "والتي", "والذين"))
#: After أما, words that open a topic that is not the subject (أما فيما يتعلق بسوريا فأوضح).
_TOPIC_NOT_SUBJECT = frozenset(normalize(w) for w in ("فيما", "عن", "بالنسبة", "على", "في", "من", "بخصوص", "بشأن", "حول", "إذا", "ما"))
_MAX_ZONE = 25
#: Particles right before a verb (أما الوزير فقد قال): they end a subject, never start a name.
_VERB_PARTICLES = frozenset(("قد", "فقد", "وقد", "لقد"))
#: Particles after which a clause puts its subject before its verb (إن/أن and their compounds).
_COMPLEMENTIZERS = frozenset(("ان", "لان", "فان", "وان", "بان", "لكن", "ولكن"))
#: Words before a number that only approximate it (نحو 75 في المائة).
#: Cues whose direct object is the one told (أبلغ "الصحيفة" X أن): a quoted name right after them is the addressee.
_ADDRESSEE_FIRST = frozenset(normalize(w) for w in ("أبلغ", "أخبر"))
#: إنّ/أنّ/لكنّ with a subject pronoun glued on, and the agreement it carries (بيد أنه أكد، لكنها أشارت).
_PRONOUN_COMPLEMENTIZERS = {p + s: g for p in ("ان", "لان", "لكن", "ولكن", "فان")
                            for s, g in (("ه", "m"), ("ها", "f"), ("هم", "pl"))}
_NEGATIONS = frozenset(("لم", "ولم", "لن", "ولن", "لا", "ولا"))
_QUOTE_CHARS = frozenset('"“”«»„')
#: Discourse words that may open a sentence before its fronted subject (لكن الوزير X رفض …).
_FRONT_OPENERS = frozenset(normalize(w) for w in ("لكن", "ولكن", "بينما", "فيما", "ثم"))
_APPROXIMATORS = frozenset(normalize(w) for w in "نحو حوالي قرابة زهاء أكثر أقل من ما يقرب يقارب".split())
#: كان and its sisters: a verb of the clause, never part of the subject before it.
_KANA_SISTERS = frozenset(normalize(w) for w in "كان كانت كانوا كانا ظل ظلت ظلوا ظلا بات باتت باتوا أصبح أصبحت أصبحوا صار صارت مازال مازالت".split())
#: Two-word sentence openers closed by a comma before the verb (إلى ذلك، في المقابل، من جهة أخرى، في غضون ذلك) → their length.
_OPENER_PHRASES = {(normalize(a), normalize(b)): n for a, b, n in (
    ("إلى", "ذلك", 2), ("الى", "ذلك", 2), ("في", "المقابل", 2), ("في", "السياق", 2), ("في", "الأثناء", 2), ("في", "غضون", 3),
    ("من", "جهة", 3), ("من", "ناحية", 3), ("في", "سياق", 3))}
#: Verbal nouns of saying that report after إلى / على (سارع إلى التأكيد على أن، انتهى إلى الإشارة إلى أن).
_SAYING_MASDARS = frozenset(normalize(w) for w in "التأكيد التشديد الإشارة التنويه التذكير التوضيح".split())
#: Nouns of ability before على القول إن (القدرة على القول إن …): no one's statement.
_CAPACITY_NOUNS = frozenset(normalize(w) for w in "القدرة قدرة قادر قادرة قادرون القادر يقدر تقدر يجرؤ تجرؤ الجرأة".split())
#: Copulas and "seems": a participle after them is a predicate adjective (ليس مستبعدا أن، يبدو مرجحا أن).
_COPULAS = _KANA_SISTERS | frozenset(normalize(w) for w in "ليس ليست ليسوا يبدو تبدو بدا بدت يكون تكون يكن تكن".split())
#: Words that never end a name or a role, and verbs of an aside (طلب عدم نشر اسمه، رفض الكشف عن هويته).
_TRAILING_WORDS = frozenset(normalize(w) for w in "في من عن على إلى أو و ب ل مع ثم".split())
_ASIDE_VERBS = frozenset(normalize(w) for w in "طلب رفض فضل اشترط مشترطا طالبا مفضلا رافضا".split())
#: Adverbials between a subject and its complement (أكد زيدان أكثر من مرة أن): they end a name.
#: Words that end a role chain before a title: a companion, an occasion or an addressee follows, not the speaker.
_CHAIN_STOPS = frozenset(normalize(w) for w in (
    "مع أمام خلال أثناء عند بعد قبل حول إثر عقب نظيره نظيرته نظيرها نظيرهم ضيفه ضيفها برفقة بحضور بحضوره "
    "ل لـ له لها لهم للصحفيين إلى و أو ثم حيث").split())
_ADVERBIALS = frozenset(normalize(w) for w in "أكثر مرارا مجددا أيضا كذلك بدوره بدورها بنفسه بنفسها صراحة مرة".split())
#: Honorifics with a pronoun (وتأكيد سموه أن، وأوضح معاليه أن): "His Highness" is the person named before.
_HONORIFIC_PRONOUNS = frozenset(normalize(w) for w in "سموه معاليه سعادته فضيلته سماحته جلالته فخامته دولته سموها معاليها سعادتها".split())
#: The titles a honorific pronoun stands for: سموه is a prince (الأمير، صاحب السمو), not the king named last.
_HONORIFIC_TITLES = {normalize(p): frozenset(normalize(w) for w in ts.split()) for p, ts in (
    ("سموه", "الأمير سمو السمو الملكي أمير"), ("سموها", "الأميرة سمو السمو الملكي أميرة"),
    ("معاليه", "معالي الوزير وزير"), ("معاليها", "معالي الوزيرة وزيرة"), ("فخامته", "فخامة الرئيس رئيس"),
    ("جلالته", "جلالة الملك"), ("سماحته", "سماحة الشيخ المفتي"), ("فضيلته", "فضيلة الشيخ"), ("دولته", "دولة رئيس"))}
#: Reflexives after a speaker: ``بلقيس نفسها`` is بلقيس; ``المصدر ذاته`` is the source cited just before.
#: Words that open another clause inside a sentence: the main verb's subject is not safely the cue's beyond them.
_OTHER_CLAUSE = frozenset(normalize(w) for w in "إلا لكن ولكن بينما فيما حيث إذ عندما حين بعدما لأن".split())
#: Definite heads that refer back to the article's company or club (وقالت الشركة، وأكد النادي).
_BODY_ANAPHORS = frozenset(normalize(w) for w in "الشركة النادي".split())
#: Adjectives that describe an unnamed outlet after its head (وكالة تابعة له، صحيفة مقربة من الحكومة), besides nisbas.
_OUTLET_ADJECTIVES = frozenset(normalize(w) for w in """تابعة مقربة موالية معارضة محلية كبرى رسمية حكومية مستقلة بارزة
شهيرة ناطقة تابع مقرب موال معارض محلي رسمي حكومي مستقل بارز شهير ناطق""".split())
#: Adjectives that take a complement (تابعة له، مقربة من الحكومة): the next word belongs to the description.
_ATTACHED_ADJECTIVES = frozenset(normalize(w) for w in "تابعة مقربة موالية ناطقة تابع مقرب موال ناطق".split())
#: Currency words the tagger sometimes marks as organisations (ريال): never the company referred to.
_CURRENCIES = frozenset(normalize(w) for w in "ريال الريال دولار الدولار يورو اليورو درهم دينار جنيه ليرة روبل ين".split())
_ONE_SOURCE = frozenset(normalize(w) for w in "المصدر المسؤول المسؤولة المراسل المراسلة".split())
_REFLEXIVES = frozenset(normalize(w) for w in "نفسه نفسها نفسهم أنفسهم ذاته ذاتها ذاتهم عينه عينها".split())
#: Nouns of wishing before أن (أعرب عن أمله في أن …، معربا عن تمنياته بأن …): a wish, not a statement.
_WISHES = frozenset(normalize(w) for w in (
    "أمل", "أمله", "أملها", "أملهم", "أملهما", "أملنا", "الأمل", "آمال", "آماله", "آمالها", "آمالهم", "آملا", "آملة",
    "تمنيه", "تمنيها", "تمنياته", "تمنياتها", "تمنياتهم", "تطلعه", "تطلعها", "تطلعهم", "تطلعاته", "تطلعاتها"))
#: Nouns of works whose title follows in quotation marks at any length (فيلم "…"، كتاب "…"، بعنوان "…").
_TITLE_NOUNS = frozenset(normalize(w) for w in (
    "فيلم", "مسلسل", "كتاب", "رواية", "أغنية", "ألبوم", "برنامج", "مسرحية", "قصيدة", "عنوان", "بعنوان", "شعار",
    "وسم", "هاشتاغ", "كتابه", "كتابها", "روايته", "روايتها", "فيلمه", "فيلمها", "أغنيته", "أغنيتها", "مقال", "مقاله"))
#: Latin initials as Arabic spells them (جون إف. كينيدي، فيكتور إم. أجوايو).
_INITIALS = frozenset(normalize(w) for w in "إم جي دي تي بي إس إف إل آر كيه إن إتش دبليو واي زد سي".split())
#: Latin letters as Arabic spells them in acronyms typed with periods (ام.اس.ان.بي.سي، أيه.إم.دي، كيو.آي).
_SPELLED_LETTERS = _INITIALS | frozenset(normalize(w) for w in "ام اس ان أيه إيه اي آي إي كيو يو إكس جيه أو".split())
_DOMAINS = frozenset(normalize(w) for w in "نت كوم net com".split())
#: Conjunctions after which a speech verb starts a statement of its own inside a reported clause.
#: Directive verbs: their أن clause is what someone is asked to do, not what was said (but أوصت اللجنة بأن "…"
#: with quoted words stays).
_DIRECTIVES = frozenset(normalize(w) for w in ("دعا", "أوصى", "طالب"))
#: "the necessity that": what follows is a directive (أكد على ضرورة أن …), not a statement.
_NECESSITY = frozenset(normalize(w) for w in ("ضرورة", "بضرورة", "وجوب", "بوجوب"))
#: "when": a report inside a when-clause is part of the statement (أكد أن إيران كانت تكذب عندما قالت إنها …).
_WHEN = frozenset(normalize(w) for w in ("عندما", "حين", "حينما", "لما"))
_TIME_CONJUNCTIONS = frozenset(normalize(w) for w in ("حتى", "عندما", "حين", "حينما", "بعدما", "لما", "قبلما", "بينما", "فيما", "إذ"))
#: Words before من that make it the relative "who" (هو من أعرب، هناك من يقول), not the preposition.
_RELATIVE_MAN = frozenset(normalize(w) for w in "هو وهو هي وهي هم وهم هناك وهناك ثمة وثمة منهم ومنهم كل وكل أول آخر أكثر أبرز".split())
#: Prepositions that a verb never follows: a cue spelled like its verbal noun after them is the noun
#: (بعد أيام من كشف رئيس الوزراء عن …، عقب نقل المصاب).
_PREPOSITIONS = frozenset(normalize(w) for w in ("في", "عن", "على", "إلى", "بعد", "قبل", "عند", "إثر", "عقب", "خلال", "حول", "بشأن", "لدى", "رغم", "برغم"))
_MAX_ZONE_STRICT = 8
#: Nouns of saying after بحسب / وفق with the speaker as a pronoun (حسب تعبيرها، وفق قوله، وفقا لرأيه).
_SAYING_NOUNS = frozenset(normalize(w) for w in "تعبير قول تأكيد رأي وصف كلام زعم ادعاء رواية تصريح".split())
#: Prepositions before أن that only some cues govern (أشار إلى أن، كشف عن أن); after any other cue the preposition
#: heads a clause of its own (إلى أن "until", فضلا عن أن "besides"). (من أن is also explicative: ما أعلنه من أن …)
_PREP_CUES = {p: frozenset(normalize(w) for w in ws.split()) for p, ws in (
    ("الي", "أشار لفت نبه دعا لمح ألمح نوه تطرق أوصى ذهب خلص توصل أومأ"),
    ("عن", "كشف أعلن أعرب تساءل أجاب نقل روى أخبر أبلغ أفاد تحدث عبر"),
)}
_DEMONSTRATIVES = frozenset(normalize(w) for w in "هذا هذه ذلك تلك هؤلاء أولئك هذان هاتان".split())
_PERSONAL_PRONOUNS = frozenset(normalize(w) for w in "نحن أنتم أنتما هو هي هم هما هن".split())  # (أنا: also the name آنا)
_PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه", "كم", "نا", "ي")
#: Objects a reporting verb takes before its complement (لفت الانتباه إلى، كرر القول إن، جدد التأكيد على): no subject.
_CUE_OBJECTS = frozenset(normalize(w) for w in "الانتباه النظر القول التأكيد".split())
_ADVERBIAL_PREPS = frozenset(normalize(w) for w in "قبيل بعيد إبان أثناء منذ حيال تجاه ضمن وسط".split())  # (not عبر، دون: also the verbs عبّر، دوّن)


@dataclass(slots=True)
class Speaker:
    """A speaker as read from one phrase; ``kind`` is PER, ORG or DESC (an unnamed person or group)."""

    name: str
    kind: str
    role: str | None = None
    #: Normalised first word of the phrase (مجلة، وزارة) for anaphora: المجلة → the magazine.
    head: str = ""
    entity_id: str | None = None
    gender: str | None = None
    keys: tuple[str, ...] = field(default=())
    role_keys: tuple[str, ...] = field(default=())
    #: Read with strong evidence (a title, a first name, a role then a name, an entity).
    strong: bool = False
    #: Followed by a reflexive (المصدر نفسه، المسؤول ذاته): the one cited before.
    same: bool = False
    #: ``gender`` is a guess (a person cited by بحسب), which a verb cue that names the person corrects.
    weak_gender: bool = False
    #: A country or city read as the subject of its sentence's verb: it speaks there, but a later pro-drop
    #: cue (وقالت) is not referred to it.
    place: bool = False

    def __post_init__(self) -> None:
        if not self.keys:
            self.keys = tuple(name_key(self.name).split())
        if self.role and not self.role_keys:
            self.role_keys = tuple(name_key(self.role).split())


class _Reader:
    """State for one document: tokens, structure lookups, the speaker history."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.toks: list[Token] = doc.tokens
        self.n = len(self.toks)
        self.norm = [t.norm for t in self.toks]
        self._words = [t.norm if t.kind == "word" else "" for t in self.toks]  # word(k), asked millions of times
        self.para_end = [0] * self.n
        self.para_start = [0] * self.n
        for p in doc.paragraphs:
            for k in range(p.tok_start, p.tok_end):
                self.para_end[k] = p.tok_end
                self.para_start[k] = p.tok_start
        self.sent_start = [0] * self.n
        self.sent_end = [0] * self.n
        spans: list[list[int]] = []
        for s in doc.sentences:
            if spans and self._glued_period(spans[-1][1] - 1):
                spans[-1][1] = s.tok_end  # "للعربية.نت: إن", "(بي.بي.سي)": a period inside a name
            else:
                spans.append([s.tok_start, s.tok_end])
        for a, b in spans:
            for k in range(a, b):
                self.sent_start[k] = a
                self.sent_end[k] = b
        self.boiler = sorted((s, e) for s, e, _ in doc.boilerplate)
        self.entities: list[Entity] = [e for e in doc.entities if e.type in ("PER", "ORG")]
        self.history: list[Speaker] = []
        #: Speakers last named only as a trailing source (… وفقا للمرصد.): they do not take the floor.
        self._vouchers: set[tuple[str, ...]] = set()
        #: (quotes found so far, speaker) for every speaker remembered: the history each quote saw.
        self.remembered: list[tuple[int, Speaker]] = []
        self.quotes: list[Quote] = []
        self._record_keys = _keyed(lex.record_heads)
        self._honorific_keys = _keyed(lex.honorifics)
        # Clitic-keyed words and names, computed on first use (keying is the costly step).
        self._tok_keys: dict[int, str] = {}
        self._name_keys: dict[str, str] = {}
        # Quote spans sorted by start, for overlap checks in O(log n) on long texts.
        self._starts: list[int] = []
        self._spans: list[tuple[int, int, bool]] = []
        self._cue_cache: dict[int, tuple[CueForm, bool] | None] = {}
        #: parse_speaker's readings by (a, b, glued_l): the rules and the ranker read the same zones.
        self._parsed: dict[tuple[int, int, bool], Speaker | None] = {}
        #: The last direct quotation added: (its end token, cue token, cue end, speaker), for speech that
        #: runs on into the next paragraph.
        self._last_direct: tuple[int, int, int, Speaker | None] | None = None

    def key_of(self, name: str) -> str:
        """:func:`marsad.text.name_key` of ``name``, memoised for this document."""
        key = self._name_keys.get(name)
        if key is None:
            key = self._name_keys[name] = name_key(name)
        return key

    def tok_key(self, k: int) -> str:
        """The clitic-keyed form of word ``k`` (:func:`marsad.text.name_key`), computed on demand."""
        key = self._tok_keys.get(k)
        if key is None:
            key = name_key(self.toks[k].text) if self.toks[k].kind == "word" else ""
            self._tok_keys[k] = key
        return key

    def _glued_period(self, k: int) -> bool:
        toks = self.toks
        if 0 < k < self.n - 1 and toks[k].text == "." and toks[k + 1].text in _COMMAS:
            return True  # "وقال هايلي مريام ديسالين.، يوم الخميس، إنه": a comma after it, no sentence end
        if (0 < k < self.n - 1 and toks[k].text == "." and toks[k - 1].kind == "word" and toks[k - 1].end == toks[k].start
                and toks[k + 1].kind == "word" and (len(toks[k - 1].text) == 1 or toks[k - 1].norm in _INITIALS)):
            return True  # "فيكتور إم. أجوايو"، "م. نيله": an initial, not a sentence end
        if not (0 < k < self.n - 1 and toks[k].text == "." and toks[k - 1].end == toks[k].start
                and toks[k + 1].start == toks[k].end and toks[k + 1].kind == "word"):
            return False
        # "(بي.بي.سي)"، "أيه.إم.دي"، "العربية.نت": letters spelled out or a domain; between two plain words
        # ("… غير المرشحين.وعليه بادر …") a period typed without its space still ends the sentence.
        prev, nxt = toks[k - 1].norm, toks[k + 1].norm
        return (prev in _SPELLED_LETTERS or nxt in _SPELLED_LETTERS or nxt in _DOMAINS
                or not (_is_arabic(prev) or prev.isdigit()) or not _is_arabic(nxt))

    # --- small predicates -----------------------------------------------------------------
    def word(self, k: int) -> str:
        return self._words[k] if 0 <= k < self.n else ""

    def clause_start(self, k: int) -> bool:
        """Token ``k`` opens a sentence or a clause (after a comma or فيما/بينما/كما/ثم)."""
        if k == self.sent_start[k]:
            return True
        prev = self.toks[k - 1]
        return (prev.kind == "punct" and prev.text in _COMMAS) or prev.norm in _CONNECTORS

    def headline_line(self, k: int) -> bool:
        """Token ``k`` is in a short line with no closing punctuation — a related article's headline
        inside the body (``الاتفاق النووي: إيران تصف نتنياهو بأنه كذاب``), not the article's own report."""
        end = self.para_end[k]
        start = self.para_start[k]
        last = end - 1
        if last < start or self.toks[last].kind == "punct" or end >= self.n:
            return False  # the last line (or a one-line text) often just lacks its period
        first = self.word(start)
        if not first or (first[0] in "وف" and len(first) > 3) or any(self.is_opener(m) for m in range(start, end)):
            return False  # "وقال …: “سنفتح الجسر …" is the body: a clause opened by و, or a quotation left open
        return sum(1 for m in range(start, end) if self.toks[m].kind == "word") <= 16

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.boiler)

    def cue_at(self, k: int) -> tuple[CueForm, bool] | None:
        """The cue form of token ``k`` and whether a conjunction (و/ف) is glued to it (memoised: the
        scans ask about the same tokens many times)."""
        try:
            return self._cue_cache[k]
        except KeyError:
            found = self._cue_cache[k] = self._cue_at(k)
            return found

    def _cue_at(self, k: int) -> tuple[CueForm, bool] | None:
        w = self.word(k)
        if not w:
            return None
        found = _cue_form(w)
        if found is None and w != "القول" and w not in _SAYING_MASDARS and not w.endswith(("ه", "ها", "هم")):
            return None  # no cue spelling and no object pronoun that the steps below could read: most words
        if found is None and w == "القول" and (self.word(k - 1) == "الي" or (
                self.word(k - 1) == "علي" and self.word(k + 1) in _THAT and self.toks[k - 2].kind == "word"
                and self.bare(self.word(k - 2)) not in _CAPACITY_NOUNS)):
            # وخلص إلى القول "…"، وذهب إلى القول إن …، حرص / دأب على القول إن …: like بالقول (not "القدرة على القول")
            found = self.lex.cues["بالقول"], False
        if (found is None and w in _SAYING_MASDARS and self.word(k - 1) in ("الي", "علي", "مع")
                and (self.word(k - 1) != "مع" or w in ("التاكيد", "التشديد"))):
            # وسارع المدرب إلى التأكيد على أن …، وتنتهي الصحيفة إلى الإشارة إلى أن …، …، مع التأكيد على أن …: a verbal noun
            # after a preposition reports like بالقول, for the subject of the clause (strict: its أن must follow at once)
            found = self.lex.cues["بالقول"], False
        after_relative = self.word(k - 1) in _RELATIVE_PRONOUNS or self.word(k - 1) == "ما"
        if found is None and (after_relative or (self.word(k + 1) in _THAT and k + 2 < self.n and self.is_opener(k + 2))):
            # ما وصفه مسؤولون بأنها “…”، التي وصفته بأنه "…"، لكن ترامب وصفه بأنه "…": a verb with its
            # object pronoun, after a relative or with its complement at once, before quoted words
            for suffix in ("ه", "ها", "هم"):
                if w.endswith(suffix) and len(w) > len(suffix) + 2:
                    c = self.lex.cues.get(w[:-len(suffix)])
                    if (c is not None and c.pos == "verb" and c.lemma in self.lex.object_clitic
                            and (f := self.scan_complement(k + 1, True, limit=3 if after_relative else 0)) is not None
                            and f[0] == "that" and f[1] + 1 < self.n and self.is_opener(f[1] + 1)):
                        found = CueForm(c.lemma, c.pos, c.gender, True), False  # only with quoted words after
                        break
        if found is None:
            return None
        if self.first_person(k, found[0]):
            return None  # "وأعتقد أنه …"، "أستبعد أن …": form VIII/X spelled with hamza and no subject is "I think"
        if found[0].lemma == "علم" and not ((found[1] or w.endswith("ت")) and any(
                self.word(m) == "من" for m in range(k + 1, min(k + 6, self.n)))):
            return None  # only "وعلمت "الرياض" من مصادر أن"; علم is mostly "science", "flag", "he learned"
        if found[0].lemma == "تطرق" and not any(self.word(m) == "الي" and self.word(m + 1) in _THAT
                                               for m in range(k + 1, min(k + 7, self.n))):
            return None  # تطرق reports only "إلى أن"; تطرق الرئيسان إلى "الوضع …" is a topic
        if found[0].lemma == "اتهم" and ((f := self.scan_complement(k + 1, True, limit=4)) is None or f[0] == "colon" or any(
                self.toks[m].text in _COMMAS for m in range(k + 1, f[1]))):
            # اتهم X بأن / اتهمت X "…" at once reports; farther on (كما اتهم فلان، الذي يصفه … بأنه) the أن is another
            # verb's or اتُّهم is the passive, and with no complement the accusation is a stance verb (its subject kept)
            return None
        if found[0].lemma == "كتب" and self.word(k + 1) in ("عليها", "عليه", "عليهما", "عليهم"):
            return None  # لافتة كتبت عليها "…"، وكتب عليها «…»: an inscription, not someone's statement
        if (0 < k < self.n - 1 and self.toks[k - 1].text in _OPENERS and self.toks[k + 1].text in _CLOSERS
                and self.toks[k - 1].end == self.toks[k].start and self.toks[k + 1].start == self.toks[k].end):
            return None  # لهزيمة "وداعية" أخيرة: a scare-quoted word (marks glued on both sides), not a cue
        cue, prefixed = found
        if cue.pos == "participle" and not prefixed and (self.bare(self.word(k - 1)) in _COPULAS
                                                         or self.bare(self.word(k - 2)) in _COPULAS and self.word(k - 1) in _NEGATIONS):
            return None  # "ليس مستبعدا أن"، "لا يبدو مرجحا أن"، "كان مفيدا": a predicate adjective, not a participle cue
        if not prefixed and cue.gender is not None and self.lex.cues.get(w) is cue:  # the word itself, no clitics
            if cue.lemma == "راي" and self.word(k - 1).startswith(("استطلاع", "وجهه", "حريه", "ابداء")):
                return None  # استطلاعات رأي: the noun "opinion", not the verb رأى
            if cue.lemma == "طالب" and w == "طالب" and (
                    self.word(k - 1) in ("هو", "وهو", "كان", "وكان", "كونه") or (
                    self.word(k + 1) == "في" and self.word(k - 1) and not self.clause_start(k)
                    and self.word(k - 1) not in _RELATIVE_PRONOUNS)):
                return None  # "وهو طالب في أوائل الثمانينيات"، "قتل طالب في المدرسة": the noun "student"
            if cue.lemma == "بين" and w.startswith("ي"):
                return None  # "… يبين حقيقة أن": "shows"; only "ويبين X أن" opening a clause reports
            if (cue.lemma == "بين" and not self.clause_start(k) and self.word(k + 1).startswith("ال")
                    and self.word(k + 1).endswith(("ين", "تين")) and self.toks[k - 1].kind == "word"):
                return None  # "الشراكة بين الطرفين، إن …"، "الفرق بين الأسرتين هو أن": "between" two or more
            if self.word(k - 1) in _PREPOSITIONS or (
                    self.word(k - 1) == "من" and self.word(k - 2) and self.word(k - 2) not in _RELATIVE_MAN):
                # بعد وصف الرئيس القائمة بأنها …، من كشف …: after a preposition the word is the verbal noun
                # (not "هو من أعرب"), a strict cue with no gender like إعلان.
                return CueForm(cue.lemma, cue.pos, None, True), False
        return found

    def first_person(self, k: int, cue: CueForm) -> bool:
        """A form VIII/X cue spelled with hamza (اعتقد → أعتقد) with أن at once and no subject: the first person."""
        raw = self.toks[k].text.lstrip("وف")
        if not (raw.startswith("أ") and cue.lemma.startswith("ا") and len(cue.lemma) >= 5 and cue.pos == "verb"
                and self.word(k + 1) in _THAT):
            return False
        # Inside quotation marks with no cue of their own ("… لكني أعتقد أنه …" quoted alone) the old reading
        # stays: the report found there is the only one these words get.
        m = self.para_start[k]
        while m < k:
            if self.is_opener(m):
                close = self.find_close(m)
                if close is None or close > k:
                    return False
                m = close
            m += 1
        return True

    def bare(self, w: str) -> str:
        """``w`` without a glued و/ف when that leaves a known word shape (وأشار → اشار)."""
        return w[1:] if len(w) > 3 and w[0] in "وف" else w

    def is_definite(self, w: str) -> bool:
        w = w[1:] if len(w) > 3 and w[0] in "وف" and w[1:3] == "ال" else w
        return w.startswith("ال") or (w.startswith("لل") and len(w) > 3)

    def doubled(self, j: int) -> bool:
        """``وأضاف: ""النظام …``: the opening mark typed twice."""
        return (j + 1 < self.n and self.toks[j + 1].text == self.toks[j].text == '"'
                and self.toks[j + 1].start == self.toks[j].end and j + 2 < self.n and self.toks[j + 2].kind == "word"
                and self.toks[j + 2].start == self.toks[j + 1].end)

    def find_close(self, j: int) -> int | None:
        closers = _OPENERS.get(self.toks[j].text, "")
        opener = self.toks[j].text
        for k in range(j + 2 if self.doubled(j) else j + 1, self.para_end[j]):
            if (opener in ("«", "“") and self.toks[k].text == opener and k - j <= 5 and k + 1 < self.n
                    and self.toks[k + 1].start > self.toks[k].end and self.toks[k - 1].kind == "word"):
                return k  # «ساما « ارتفع …: the opening mark again, followed by a space, is the misspelt closer
            if self.toks[k].text in closers:
                if self.toks[k].text == '"' and self.opener_shaped(k) and any(
                        self.toks[m].text == '"' for m in range(k + 1, self.para_end[j])):
                    return None  # «إن "قوات … سقطرى. وأضاف أن "الحالة …"»: the next mark opens another quote
                return k
        # Mixed marks (“… " or «… ”): with no matching closer in the paragraph, another closing mark ends it.
        opener = self.toks[j].text
        for k in range(j + 1, self.para_end[j]):
            if self.toks[k].text in _CLOSERS and self.toks[k].text != opener:
                return k
        return None

    def closer_shaped(self, k: int) -> bool:
        """A straight mark glued to the word before it and not to the word after it closes a quotation."""
        toks = self.toks
        return (0 < k and toks[k - 1].end == toks[k].start and toks[k - 1].kind in ("word", "num")
                and (k + 1 >= self.n or toks[k + 1].start > toks[k].end or toks[k + 1].kind == "punct"))

    def quoted_words(self, j: int, close: int) -> int:
        """Words between the marks at ``j`` and ``close``; the letters of a dotted acronym (سي.إم.إيه) are one."""
        toks = self.toks
        return sum(1 for m in range(j + 1, close) if toks[m].kind == "word"
                   and not (m > j + 1 and toks[m - 1].text == "." and toks[m - 1].start == toks[m - 2].end))

    def opener_shaped(self, k: int) -> bool:
        """A straight mark with a space before it and a word glued after it opens a quotation."""
        toks = self.toks
        return (0 < k < self.n - 1 and toks[k].start > toks[k - 1].end and toks[k + 1].start == toks[k].end
                and toks[k + 1].kind in ("word", "num"))

    def is_opener(self, k: int) -> bool:
        return self.toks[k].kind == "punct" and self.toks[k].text in _OPENERS

    def is_name_quote(self, j: int, close: int | None, zone_start: int | None = None) -> bool:
        """Marks around a name or title (وكالة “ناس”، عملية "تكسير جمجمة داعش"), not a quotation."""
        prev = self.word(j - 1)
        inner = (close - j - 1) if close is not None else 99
        inner_words = sum(1 for m in range(j + 1, close) if self.toks[m].kind == "word") if close is not None else 99
        if close is not None and j == zone_start and inner_words <= 3:  # “كيم مين-سيوك” is three words
            if self.word(close + 1):
                return True  # أعلنت "زين السعودية" عن …: a quoted subject right after the cue
            if close + 1 < self.n and self.toks[close + 1].text in _COMMAS:
                # وكتبت "أو غلوبو"، كبرى صحف البرازيل، إنه "…": the quoted subject, an aside, then the complement
                for m in range(close + 2, min(close + 12, self.sent_end[j])):
                    if self.word(m) in _THAT or self.toks[m].text == ":":
                        return True
                    if self.is_opener(m) or self.toks[m].text in _SENT_END or self.cue_at(m) is not None:
                        break
        if close is not None and inner_words <= 4 and self.word(j - 2) in ("ما", "حسبما", "بحسبما", "كما", "وفقما") and (
                j == zone_start or self.cue_at(j - 1) is not None):
            return True  # حسب ما نقلت "رويترز"، وقال برانسون وفق ما نقلت "سكاي نيوز"، الأحد، إن …
        if inner <= 4:
            lex = self.lex
            # A preposition right before the mark (اتهمت الشركة بـ"…"، ووصف الاتفاق بـ"الكارثي") makes the quoted
            # words its object: a noun before it names nothing in the marks.
            # Still a name: after a naming verb (ما يعرف بـ"…"، الشهير بـ"…") and a platform or page on
            # which something is posted (على حسابه على "تويتر").
            prep = self.word(j - 1) if self.word(j - 1) in _OBJECT_PREPS else ""
            for m in range(max(zone_start or 0, j - 3), j):
                w = self.word(m)
                if not w:
                    continue
                if prep and m < j - 1:
                    b = self.bare(w)
                    if ((b.startswith(lex.naming_verb_starts) or w.startswith(lex.naming_verb_starts) or b in _NAMED_AS)
                            and not w.startswith(("وصف", "يصف", "تصف", "ووصف"))):
                        return True  # (ما وصفه بـ"…" is the speaker's characterisation, a quotation)
                    if prep == "علي" and (w in lex.naming_nouns or b in lex.naming_nouns
                                         or (w[2:] if w.startswith("ال") else w) in lex.naming_nouns):
                        return True
                    continue
                key = w[2:] if w.startswith("ال") else w
                if w[:1] in "لب" and len(w) > 4 and key == w:
                    key = w[2:] if w[1:2] == "ل" else w[1:]  # لتلفزيون "بي إف إم"، للقناة "…"، بصحيفة "…"
                if (w in lex.outlet_heads or w in lex.anonymous_heads or w in lex.naming_nouns or key in lex.naming_nouns
                        or key in lex.outlet_heads or (w in lex.institution_heads and w not in lex.anaphoric_docs)):
                    return True  # مصادر "سكاي نيوز عربية"، مركز الدراسات الأميركي "أميركان ثينكر"
                if self.bare(w).startswith(lex.naming_verb_starts) or w.startswith(lex.naming_verb_starts):
                    return True  # من سماهم بـ"الانفصاليين"
        if prev:
            key = prev[1:] if prev[0] in "لب" and len(prev) > 2 else prev
            if inner <= 4 and self.bare(prev) in self.lex.role_heads and not self.is_definite(prev):
                return True  # رئيس «إف بي آي»، مدرب "الريال": a role in construct with a body's name
            if prev in ("ل",):
                return True
            # مسلسل "الطريق": a title after a naming noun; six words or more are speech
            # (وأضاف موجها حديثه لإدارة الموقع "من العار عليكم …").
            words = self.quoted_words(j, close) if close is not None else 0
            if (prev in self.lex.naming_nouns or key in self.lex.naming_nouns or self.bare(prev) in self.lex.naming_nouns) and (
                    close is None or words < 6 or prev in _TITLE_NOUNS or self.bare(prev) in _TITLE_NOUNS):
                return True
        if (close is not None and inner_words <= 6 and prev in ("في", "من", "باسم") and zone_start is not None
                and j > zone_start and any(self.is_opener(m) for m in range(close + 1, self.sent_end[j]))):
            # مدير المكتب الإعلامي في "غرفة العمليات المركزية" التابعة … لوكالة الأنباء "تم الاتفاق …": a body
            # named after a preposition inside the subject, with the quotation still to come
            return True
        if close is None or inner > 4:
            return False
        # A short quoted stretch followed soon by the real complement is a name in the zone
        # (صحيفتا "بيلد" و"دي فيلت" أن …، المقاومة الوطنية "حراس الجمهورية"، إن …).
        words = 0
        for k in range(close + 1, min(close + 12, self.sent_end[j] if self.sent_end[j] > close else self.para_end[j])):
            if self.word(k) in _THAT or self.toks[k].text == ":":
                return True
            if self.norm[k] in ("قوله", "قولها", "قولهم", "قولهما"):
                continue  # نقل الموقع عن "مصادر" قولها إن …
            if self.toks[k].text in _COMMAS and self.word(k + 1) in _THAT:
                continue
            if self.toks[k].text in _SENT_END or self.toks[k].text in _COMMAS or (
                    self.cue_at(k) is not None and self.word(k - 1) not in _RELATIVE_PRONOUNS):
                break  # (a cue inside a relative clause, "التي تصدر بالإنجليزية"، does not end the zone)
            words += self.toks[k].kind == "word"
            if words > 5:
                break
        return False

    # --- complement scan ------------------------------------------------------------------
    def scan_complement(self, start: int, strict: bool, limit: int | None = None, asides: bool = True) -> tuple[str, int] | None:
        """The first أن/إن, colon or quotation after a cue, within its sentence."""
        if limit is None:
            limit = _MAX_ZONE_STRICT if strict else _MAX_ZONE
        end = self.sent_end[start] if start < self.n else start
        k = start
        seen = aside = 0
        comma_seen = in_source = False
        while k < self.n and seen <= limit:
            t = self.toks[k]
            if t.kind == "punct":
                if t.text == ":":
                    return "colon", k
                if t.text == '"' and k > start and self.closer_shaped(k) and not self.opener_shaped(k):
                    k += 1  # "… ومواصلة عزلها"، وفقا …": a mark closing an earlier quotation opens nothing
                    continue
                if t.text in _OPENERS:
                    close = self.find_close(k)
                    if self.is_name_quote(k, close, start):
                        k = (close if close is not None else k) + 1
                        if k < self.n:
                            end = max(end, self.sent_end[k])  # "العربية.نت": a period inside the name
                        seen += 1
                        continue
                    if strict and (k != start or self.bare(self.norm[start - 1]) in ("بين",)):
                        # وطالبت الخارجية التركية، في بيان نشرته، "جميع اللاعبين باحترام …": after a
                        # subject and a comma-closed aside, a long quotation is the statement itself.
                        inner_words = sum(1 for m in range(k + 1, close) if self.toks[m].kind == "word") if close else 0
                        zone = sum(1 for m in range(start, k) if self.toks[m].kind == "word")
                        has_aside = self.toks[k - 1].text in _COMMAS and any(self.toks[m].text in _COMMAS for m in range(start, k - 1))
                        # وتابع لودريان في حديث لتلفزيون (بي إف إم) "…": the occasion (في + a speech noun) is an aside too
                        has_aside = has_aside or any(self.word(m) == "في" and self.word(m + 1) in self.lex.comm_nouns
                                                     for m in range(start, k - 1))
                        # … or a short subject right before a long quotation (وتابعت الوزيرة "لقد رصدنا …").
                        if not ((has_aside or zone <= 3) and inner_words >= 6 and self.bare(self.norm[start - 1]) != "بين"):
                            return None
                    # A short quoted word after a long object is a scare quote, not the speech
                    # (أعلنت، الثلاثاء، وقف المرداسي … على خلفية طلبه "رشوة").
                    zone_words = sum(1 for m in range(start, k) if self.toks[m].kind == "word")
                    inner = (close - k - 1) if close is not None else 99
                    if self.word(k + 1) in _THAT:
                        inner = 99  # "إنه فوز استثنائي": a quotation opening with إن is speech, however short
                    if (zone_words > 3 and inner < 4 and (self.word(k - 1) not in _PREPS_BEFORE_QUOTE or zone_words > 8)) or (
                            zone_words > 12 and inner < 6):
                        # a scare quote or a quoted phrase at the end of a long report, not the speech; the
                        # complement may still follow (وقال الوزير في مقابلة مع "الشرق"، الخميس: "…")
                        if close is None:
                            return None
                        k = close + 1
                        seen += 1
                        continue
                    return "quote", k
                if t.text in _SENT_END and k >= end - 1:
                    return None
            elif t.kind == "word" and t.norm in _THAT:
                # "مون تشونغ-إن": a hyphen glued before إن makes it part of a name;
                # إلا أن / بعد أن are conjunctions, not the complement of the cue.
                glued = (k > 0 and self.toks[k - 1].text in "-–" and self.toks[k - 1].end == t.start) or (
                    k + 1 < self.n and self.toks[k + 1].text in ".-" and self.toks[k + 1].start == t.end)  # (إن.بي.سي)
                glued = glued or self.in_acronym(k)  # سي إن إن، إن بي سي، إن تي في: letters of a channel's name
                before = self.word(k - 1)
                because = before == "ذلك" and not t.norm.startswith("ب")  # "ذلك أن" is "because"; "وصفت ذلك بأنه" is not
                if (not glued and not because and before not in self.lex.not_complement_before
                        and self.bare(before) not in self.lex.not_complement_before):
                    return "that", k
                if not asides:
                    return None  # "إعلان عقوبات … بعد أن خلص إلى …": a verbal noun's object, then another clause
            elif (t.kind == "word" and t.norm in _AND_THAT and not strict and k > start + 1 and not self.in_acronym(k)
                  and self.word(k - 1) not in self.lex.not_complement_before and self.word(k - 1) not in ("خاصه", "سيما", "لاسيما")):
                return "that", k  # أكد الوزير أهمية التعاون وأن الحل سياسي: a noun object, then a clause
            elif t.kind == "word" and k > start and (self.opens_statement(k) or (
                    (c := _cue_form(t.norm)) is not None and self.first_person(k, c[0]))):
                return None  # the complement that follows belongs to this later cue (or to the writer's أعتقد)
            if k >= end and k >= self.para_end[start] - 1:
                return None
            if k >= end:
                return None
            if t.kind == "word" and (t.norm in self.lex.source_words or self.bare(t.norm) in self.lex.source_words) and k > start:
                in_source = True  # "وتابع أردوغان وفقا لما نقلته وكالة الأناضول: …": the source is an aside
            if t.kind == "word" and in_source:
                pass
            elif t.kind == "word" and not (strict and comma_seen):  # commas and brackets of an aside do not use up the zone
                seen += 1
            elif t.kind == "word":
                aside += 1
                if aside > _MAX_ZONE_STRICT:
                    return None
            if t.kind == "punct" and t.text in _COMMAS:
                if not asides:
                    return None  # a verbal noun's genitive speaker has no comma in it
                comma_seen = True  # a strict cue's subject ends at its first comma; asides follow
            k += 1
        if strict and asides and limit == _MAX_ZONE_STRICT and seen > limit and not comma_seen:
            # وعلق م. الوليد الدريعان الرئيس التنفيذي لشركة الخليج للتدريب والتعليم: "…": a long subject
            # with no comma, then a colon and a quotation mark — speech however long the subject.
            for m in range(k, min(end, k + 8)):
                t = self.toks[m]
                if t.kind == "punct":
                    if t.text == ":" and m + 1 < self.n and self.is_opener(m + 1):
                        return "colon", m
                    if t.text in _COMMAS or t.text in _SENT_END or t.text in _OPENERS:
                        break
                elif self.cue_at(m) is not None or t.norm in _THAT:
                    break
        return None

    def opens_statement(self, k: int) -> bool:
        """A later cue that starts its own clause: a verb (بعدما قال الحزب إنه …), a و/ف-prefixed or
        comma-led participle; not a noun use after عدم / ما (عدم ذكر اسمه، وفق ما نقلت)."""
        cue = self.cue_at(k)
        if cue is None:
            return False
        if self.word(k - 1) in self.lex.cue_blockers or self.word(k - 1) in ("ما",):
            return False
        if cue[0].gender is None:
            return False  # a verbal noun (ختم تصريحاته بالتأكيد على أن): the complement stays the verb's
        if self.word(k - 1) in ("لم", "ولم", "لن", "ولن"):
            return False  # "عن مصدر، لم تكشف اسمه، أن …": an aside about what was not said
        if cue[0].lemma == "بين" and not cue[1] and self.word(k + 1) not in _THAT:
            return False  # "شاب … كان بين مجموعة …": bare بين is "between" unless أن follows at once
        return cue[0].pos == "verb" or cue[1] or (k > 0 and self.toks[k - 1].text in _COMMAS)

    def zone_stop(self, start: int) -> int:
        """Where a speaker zone with no complement ends: the next cue or the sentence end."""
        end = min(self.sent_end[start] if start < self.n else start, start + _MAX_ZONE)
        for k in range(start, end):
            if self.toks[k].kind == "word" and k > start and self.opens_statement(k):
                return k
        return end

    # --- content spans --------------------------------------------------------------------
    def direct_span(self, j: int) -> tuple[int, int, int] | None:
        """Token range inside the quotation opened at ``j`` and the token to resume after."""
        close = self.find_close(j)
        stop = close if close is not None else self.para_end[j]
        if close is None:  # never closed: to the paragraph end, or to a sentence that reports again
            for k in range(j + 1, stop):
                if self.toks[k].kind == "punct" and self.toks[k].text in _SENT_END and k + 1 < stop and self.sentence_reports(k + 1):
                    stop = k
                    break
                if (k > j + 3 and self.toks[k].kind == "punct" and self.toks[k].text in _COMMAS and k + 2 < stop
                        and (c := self.cue_at(k + 1)) is not None and c[0].pos == "participle" and c[0].gender is not None
                        and (f := self.scan_complement(k + 2, c[0].strict)) is not None and f[0] == "that" and f[1] <= k + 3):
                    stop = k  # وأضاف "أنهى الفريق البروفات …، مؤكدا أن …: the writer's voice again, a statement of its own
                    break
        if stop <= j + 1:
            return None
        # "ثبوت التهمة" على المرداسي "بموجب اعترافه": quoted fragments a few words apart, no
        # new cue or comma between, are one statement.
        while close is not None:
            nxt = None
            for m in range(close + 1, min(close + 6, self.para_end[j])):
                t = self.toks[m]
                if t.kind == "punct" and t.text in _OPENERS:
                    nxt = m
                    break
                if (t.kind == "punct" and t.text in _COMMAS and m == close + 1 and m + 1 < self.n and self.is_opener(m + 1)
                        and not self.coordinated_quote(m + 1)):
                    continue  # (quoted sentences in a row are two quotations: coordinated_quote)
                if (t.kind == "punct" and (t.text in _COMMAS or t.text in _SENT_END)) or self.cue_at(m) is not None:
                    break
                if m == close + 1 and self.coordinated_quote(m + 1):
                    break  # هتفوا "روسيا ستكون حرة" و"فليسقط القيصر": two quotations (coordinated_follow adds the second)
            if nxt is None:
                break
            close2 = self.find_close(nxt)
            if close2 is None or close2 - nxt - 1 < 2:
                break
            close = stop = close2
        # Resume after the closing mark; an unclosed quote's stop is already the next paragraph's first word.
        first = j + 2 if self.doubled(j) else j + 1
        return first, stop, stop + 1 if close is not None or stop < self.para_end[j] else stop

    def colon_span(self, j: int, first: int | None = None) -> tuple[int, int, int] | None:
        """Unmarked speech after the colon at ``j`` (from ``first``, the next paragraph's first token when
        the colon ends its line)."""
        stop = self.para_end[j] if first is None else self.para_end[first]
        first = j + 1 if first is None else first
        if self.reversed_opener(j, first):
            first += 1  # وقال:» لا عمالة ولا عمولة …»: a closing guillemet written as the opening one
        inner: set[int] = set()
        for k in range(first, stop):
            t = self.toks[k]
            if t.text in _OPENERS and t.text not in _CLOSERS and (c := self.find_close(k)) is not None and c < stop:
                inner.add(c)  # المقولة الشهيرة « النصر بمن حضر» وبحول الله …: a quotation inside the speech
            if k in inner:
                continue
            if t.text in _CLOSERS and t.text not in _OPENERS:
                stop = k
                break
            if t.text in ("”", "»") and not any(self.is_opener(m) for m in range(j + 1, k)):
                stop = k  # a stray closing mark ends the quotation
                break
            if t.text == '"' and self.closer_shaped(k) and not any(self.toks[m].text == '"' for m in range(first, k)):
                stop = k  # "… بحقهم" ، وأشاد …": a straight mark glued to the last word closes it
                break
            if t.kind == "punct" and t.text in _SENT_END and k + 1 < stop and self.sentence_reports(k + 1):
                stop = k  # "…رينجرز. ورددت تقارير أن …": unmarked speech ends where the narration reports again
                break
            if t.kind == "punct" and t.text in _COMMAS and k > first and self.narration_reports(k + 1):
                stop = k  # "قال اللواء: باسمي … نهنئ الطلبة، وبين مدير الكلية ان …": the narration reports again
                break
        if stop <= first:
            return None
        return first, stop, stop

    def narration_reports(self, k: int) -> bool:
        """After a comma inside unmarked speech: a و-glued verb cue or a participle cue with its own
        complement (وبين مدير الكلية ان، مشيرا إلى أن) — the writer's voice, not the speaker's words."""
        k = self.skip_openers(k)
        cue = self.cue_at(k) if k < self.n else None
        if cue is None or cue[0].gender is None:
            return False
        if not (cue[1] or cue[0].pos == "participle"):
            return False  # "… قلت لهم، قال لي …": an unprefixed verb may be the speaker's own
        raw = self.toks[k].text.lstrip("وف")
        if raw.startswith("أ") and cue[0].lemma.startswith("ا") and len(cue[0].lemma) >= 5:
            return False  # "…، وأعتقد بأن …": a form VIII/X verb spelled with hamza is the speaker's "I think"
        return self.scan_complement(k + 1, cue[0].strict) is not None

    def sentence_reports(self, k: int) -> bool:
        """Token ``k`` starts a sentence that reports a statement of its own (a cue with its
        complement, or an attribution), so unmarked speech before it has ended."""
        return self.sent_start[k] == k and self.reports_at(k)

    def reports_at(self, k: int) -> bool:
        """The text from token ``k`` opens with a report: a cue with its complement or an attribution."""
        # Only the sentence's first words: a cue deeper inside may belong to the speech itself
        # ("… هل تتوقع أن يستسلم الفريق؟").
        first = self.skip_openers(k)  # "ومن جانبه، قال فوغت: …"
        words = [m for m in range(first, min(self.sent_end[k], first + 8)) if self.toks[m].kind == "word"][:3]
        for i, m in enumerate(words):
            if i and self.word(words[i - 1]) not in self.lex.leading_fillers:
                break  # only after "كما"، "و": not "هل تتوقع أن …"
            if self.word(m) in self.lex.source_words or self.bare(self.word(m)) in self.lex.source_words:
                return True
            cue = self.cue_at(m)
            if cue is not None and cue[0].gender is not None and self.scan_complement(m + 1, cue[0].strict):
                return True
        return False

    def quoted_statement(self, j: int) -> bool:
        """The quotation opened at ``j`` starts with a cue of its own (“قال لي الموظف: …”)."""
        for m in range(j + 1, min(j + 4, self.n)):
            cue = self.cue_at(m)
            if cue is not None and self.scan_complement(m + 1, cue[0].strict):
                return True
        return False

    def clause_span(self, s: int, gender: str | None = None) -> tuple[int, int] | None:
        """Reported clause from token ``s``: to the sentence end, over quoted stretches, before the next cue.
        ``gender``: the cue's (m / f / pl), when known, for a verb after a comma that goes on narrating its speaker."""
        k = s
        end = self.sent_end[s] if s < self.n else s
        para = self.para_end[s] if s < self.n else s
        while k < para:
            t = self.toks[k]
            if t.kind == "punct":
                if t.text in _OPENERS and t.text != "”":
                    if k > s + 2 and self.quoted_statement(k):
                        break  # "…، “قال لي الموظف: اغربي …”": another statement, quoted whole
                    close = self.find_close(k)
                    if close is None:
                        if t.text == '"' and any(self.toks[m].text == '"' for m in range(k + 1, para)):
                            k += 1  # a mark left open before the next quotation: the sentence still ends the clause
                            continue
                        # A mark never closed runs to the paragraph end — unless a comma opens another report
                        # (بأنها "شديدة العدوانية والعنف، فيما يقول الساسة … إن …": the writer's voice again).
                        for m in range(k + 2, para):
                            if self.toks[m].text in _COMMAS and (self.starts_new_statement(m + 1) or self.comma_report(m + 1)):
                                return s, m
                            if self.toks[m].text in _SENT_END and m + 1 < para and self.sentence_reports(m + 1):
                                return s, m  # (… «الجمعية الخيرية بـ… . وقد بين السدحان بأنه …: the narration reports again)
                        return s, para
                    if (k == s and close + 2 < para and self.toks[close + 1].text in _COMMAS
                            and self.word(close + 2) not in _AND_THAT and not self.is_opener(close + 2)):
                        return s, close  # محذرا من أن «…»، مجددا تأكيده …: the quoted words are the statement
                    k = close + 1
                    end = max(end, self.sent_end[close] if close < self.n else end)
                    continue
                if t.text in _SENT_END and not self._glued_period(k):  # not "(تي.إي.إس.إس)"
                    break
                if t.text in _COMMAS and k > s and (self.starts_new_statement(k + 1) or self.comma_report(k + 1)
                                                    or (self.word(k + 1) == "مع" and self.cue_at(k + 2) is not None)  # "…، مع التأكيد على أن …"
                                                    or self.relay_phrase(k + 1) is not None or self.relative_report(k + 1)
                                                    or self.narration_goes_on(k + 1, gender)):
                    break  # (…، كما ذكرت الوكالة.: the attribution is not the content)
            elif (k > s + 1 and self.word(k) in _CONNECTORS and self.word(k) != "و" and self.starts_new_statement(k)
                  and not self.parenthetical(k)):
                break  # "… فر من المنطقة فيما اكد سكان ان …": another statement
            elif k > s + 1 and self.cue_at(k) is not None and k + 1 < self.n and (
                    self.toks[k + 1].text == ":" or (self.is_opener(k + 1) and self.cue_at(k)[0].pos == "participle")):
                # "… رفضت شويكار قائلة "أنا …"": a participle or verb with its own quotation; the
                # clause ends at the comma before its subject.
                k = next((m for m in range(k - 1, s, -1) if self.toks[m].text in _COMMAS), k)
                break
            elif k > s + 1 and self.word(k)[:1] == "و" and self.cue_at(k) is not None and self.cue_at(k)[1]:
                cue = self.cue_at(k)[0]
                if self.scan_complement(k + 1, cue.strict) and cue.lemma != "نص":  # (…، ونصت على أن: the speaker's account of a rule goes on)
                    break
            elif (k > s + 2 and (c := self.cue_at(k)) is not None and c[0].pos == "participle" and c[0].gender is not None
                  and (self.toks[k - 1].kind == "word" or self.toks[k - 1].text in _CLOSERS)  # (… "…" مضيفا أن …)
                  and self.word(k - 1) not in self.lex.source_words
                  and self.word(k - 1) not in _PREPOSITIONS and not self.word(k).startswith(("قول", "بقول"))
                  and (f := self.scan_complement(k + 1, c[0].strict)) is not None
                  and f[1] <= k + 3):
                break  # "… انتشل المهاجرين مشيرا إلى أن …": a participle with its complement, comma or not
            elif (k > s + 2 and (self.word(k - 1) in _TIME_CONJUNCTIONS and (self.word(k - 1) not in _WHEN or self.word(k - 2) == "في")
                                 or (k > s + 3 and self.word(k - 1) == "ان" and self.word(k - 2) in ("قبل", "بعد")
                                     and (f := self.scan_complement(k + 1, True)) is not None and not self.word(f[1]).startswith("و")))
                  and (c := self.cue_at(k)) is not None
                  and c[0].pos == "verb" and c[0].gender is not None and self.scan_complement(k + 1, c[0].strict)):
                # (and "، قبل أن تذكر في خبر لاحق أن …": the clause ends before قبل أن)
                k -= 2 if (self.word(k - 1) == "حين" and self.word(k - 2) == "في") or self.word(k - 1) == "ان" else 1  # "، في حين نفى الأخير أن …"  # "… وخيمت عند البوابة حتى قالت الإدارة إن …": a nested report is its own statement
                break
            if k >= end and t.kind == "punct" and t.text in _SENT_END:
                break
            k += 1
        if k <= s:
            return None
        return s, k

    def narration_goes_on(self, k: int, gender: str | None) -> bool:
        """After a comma inside a reported clause, و glued to a past speech verb (…، وقال دفتردار في تعليقه على …) or to
        a stance verb (…، وتحدث عن …، وتطرق إلى …) that agrees with the cue's speaker: the writer tells what the
        speaker did next, so the clause has ended. A verb agreeing otherwise has the clause's own subject (أن الحكومة
        نددت …، ودعت …) or is said to someone (طالما أنك طلبت العفو، واعتذرت …)."""
        if gender is None or k >= self.n or self.word(k)[:1] != "و":
            return False
        w = self.word(k)[1:]
        vg = "pl" if w.endswith("وا") else "f" if w.endswith("ت") else "m"
        if vg != gender:
            return False
        cue = self.cue_at(k)
        if cue is not None and cue[1] and cue[0].pos == "verb" and cue[0].gender == gender and not cue[0].strict:
            return w[:1] == cue[0].lemma[:1] and not self.toks[k].text[1:].startswith("أ")  # past, not وتقول، وأعتقد
        if w.startswith("عبر") and self.word(k + 1) != "عن":
            return False  # "، وعبر مخرجات الحوار": the preposition "via"
        return w in self.lex.stance_verbs

    def relative_report(self, k: int) -> bool:
        """After a comma inside a reported clause: a relative clause whose own cue has a subject and its
        complement at once (``…، والتي كانت وسائل إعلام سورية أوردت أنها أصابت …``) reports another
        speaker, so the clause before it ends at the comma. Not the clause's own speaker again (``التي قال
        إنها``: no subject between) — that is the same statement going on."""
        if self.word(k) not in _RELATIVE_PRONOUNS and not (self.word(k)[:1] == "و" and self.word(k)[1:] in _RELATIVE_PRONOUNS):
            return False
        words = 0
        for m in range(k + 1, min(self.sent_end[k] if k < self.n else k, k + 12)):
            if self.toks[m].kind != "word":
                return False
            words += 1
            cue = self.cue_at(m)
            if cue is None or cue[0].gender is None or cue[0].pos != "verb":
                continue
            if words < 3 or self.word(m) in self.lex.impersonal:
                return False  # (the relative's verb right after it: the antecedent speaks, or يذكر أن)
            found = self.scan_complement(m + 1, cue[0].strict)
            return found is not None and found[0] == "that" and found[1] <= m + 2
        return False

    def comma_report(self, k: int) -> bool:
        """After a comma inside a reported clause: a clause with its own subject and a verb cue whose
        complement follows at once (``…، إلا أن وكالة سبوتنيك قالت إنه …``, ``…، وفيما أكد الجيش أنهما …``)
        is another statement, so the clause before it ends at the comma."""
        words = 0
        for m in range(k, min(self.sent_end[k] if k < self.n else k, k + 12)):
            t = self.toks[m]
            if t.kind != "word":
                return False
            words += 1
            if words > 6 or t.norm in _RELATIVE_PRONOUNS or t.norm in self.lex.cue_blockers or t.norm in ("ما", "مما", "من"):
                return False  # "…، ما يرجح أن …"، "ومنهم من يعتقد أن": an inference or a list, not a new speaker
            cue = self.cue_at(m)
            if cue is None or cue[0].gender is None or cue[0].pos != "verb" or m == k:
                continue
            if self.word(m - 1) in ("لا", "ولا", "لم", "ولم", "لن", "ولن", "اذا", "واذا", "لو"):
                return False  # "…، لا يعتقدون أن …": the same subject goes on, negated
            raw = t.text.lstrip("وف")
            if raw.startswith("أ") and cue[0].lemma.startswith("ا") and len(cue[0].lemma) >= 5:
                return False  # "…، الكرة لمست يدي وأعتقد أنها …": the speaker's own "I think"
            found = self.scan_complement(m + 1, cue[0].strict)
            return found is not None and found[0] != "quote" and found[1] <= m + 2
        return False

    def parenthetical(self, k: int) -> bool:
        """``كما تدعي المرأة، علما بأنه …``: a كما-cue whose subject a comma closes before any complement is an
        aside inside the clause (convention: -كما قال- is no statement of its own)."""
        if self.word(k) != "كما":
            return False
        m = self.skip_openers(k)
        cue = self.cue_at(m) if m < self.n else None
        found = self.scan_complement(m + 1, cue[0].strict) if cue is not None else None
        return found is not None and any(self.toks[x].text in _COMMAS for x in range(m + 1, found[1]))

    def skip_openers(self, k: int) -> int:
        """The first token after the words that open a clause before its verb: "، فيما أعلن …"،
        "، كما أكد …"، "، ولكنها أوضحت أيضا أن …"، "ومن جانبه، قال …"."""
        while k < self.n:
            w = self.word(k)
            if w in _CONNECTORS or self.bare(w).startswith("لكن") or w in ("ايضا", "بدوره", "بدورها", "بدورهم"):
                k += 1
                if w.startswith("بدور") and k < self.n and self.toks[k].text in _COMMAS:
                    k += 1  # "بدوره، اعتبر …"
            elif (n := _OPENER_PHRASES.get((self.bare(w), self.word(k + 1)))) is not None and k + n < self.n and self.toks[k + n].text in _COMMAS:
                k += n + 1  # "إلى ذلك، أكد …"، "وفي المقابل، قال …"، "من جهة أخرى، أوضح …"
            elif w in ("من", "ومن") and self.word(k + 1).startswith(("جانب", "جهت", "ناحيت")):
                k += 2
                if k < self.n and self.toks[k].text in _COMMAS:
                    k += 1
            else:
                break
        return k

    def starts_new_statement(self, k: int) -> bool:
        """A comma followed by a participle cue, a verb cue or an attribution starts another statement."""
        k = self.skip_openers(k)
        if k >= self.n:
            return False
        w = self.bare(self.word(k))
        if w in self.lex.source_words or self.word(k) in self.lex.source_words:
            nxt = self.word(k + 1)
            nxt = nxt[1:] if nxt[:1] == "ل" and len(nxt) > 4 else nxt
            nxt = next((nxt[:-len(x)] for x in ("هما", "هم", "ها", "ه") if nxt.endswith(x) and len(nxt) > len(x) + 2), nxt)
            if self.word(k + 1) in ("ما", "لما") or w in ("حسبما", "بحسبما", "وفقما", "نقلا") or nxt in _SAYING_NOUNS:
                return True  # (بحسب ما ذكرت …، نقلا عن …، حسب تعبيرها: a relay however its source reads)
            stop = next((m for m in range(k + 1, min(self.sent_end[k], k + 9)) if self.toks[m].kind == "punct"
                         and self.toks[m].text not in _OPENERS and self.toks[m].text not in _CLOSERS), min(self.sent_end[k], k + 9))
            # "…، وفقا للدرجة التي حصل عليها المتقدم": a criterion of the statement, not a source after it
            return self.plausible_source(k + 1, stop)
        cue = self.cue_at(k)
        if cue is None or cue[0].lemma == "نص":
            return False  # (…، ونصت على أن: what a rule says, inside the speaker's account of it)
        return self.scan_complement(k + 1, cue[0].strict) is not None

    # --- speakers -------------------------------------------------------------------------
    def cut_phrase(self, a: int, b: int, glued_l: bool = False) -> list[list[int]]:
        """Comma-separated segments of a speaker zone, each cut before its first adjunct."""
        segments: list[list[int]] = [[]]
        cut = False
        depth = 0
        for k in range(a, b):
            t = self.toks[k]
            if t.kind == "punct":
                if t.text in _COMMAS:
                    segments.append([])
                    cut = False
                    continue
                if t.text == "(":
                    depth += 1
                    continue
                if t.text == ")":
                    depth = max(0, depth - 1)
                    continue
                if t.text in "-–" and segments[-1] and k + 1 < b and self.toks[k + 1].start == t.end and self.toks[k - 1].end == t.start:
                    if not cut and not depth:
                        segments[-1].append(k)
                    continue
                if t.text in _OPENERS or t.text in _CLOSERS:
                    if not cut and not depth:
                        segments[-1].append(k)
                    continue
                if t.text == ".":  # an initial: م. نيله
                    continue
                if t.text == "#":  # #مارك_زوكربيرغ: a hashtag name
                    continue
                if t.text == "_" and segments[-1] and k + 1 < b and self.toks[k + 1].start == t.end:
                    segments[-1].append(k)
                    continue
                cut = True
                continue
            if cut or depth:
                continue
            w = t.norm
            lex = self.lex
            stop = False
            if not segments[-1] and w in lex.pronoun_preps:
                continue  # وقال لي مدير النادي …: skip the pronoun adjunct, keep reading
            if not segments[-1] and w in lex.time_words and w not in ("يوم",):
                continue  # صرح الثلاثاء الرئيس الأمريكي X: a time word before the subject, skipped
            if w == "عن" and segments[-1] and self.norm[segments[-1][-1]] in _REPRESENTATIVES:
                pass  # النائب عن كتلة الإعمار: part of the role
            elif w == "علي" and t.text.endswith("ي") and (
                    not self.is_definite(self.word(k + 1))
                    or (segments[-1] and self.norm[segments[-1][-1]] in ("بن", "ابن", "بنت", "ابو"))):
                segments[-1].append(k)  # the name علي (على and علي are one word once normalised)
                continue
            elif w in lex.adjunct_preps or w in lex.time_words or w in lex.relatives or w in lex.pronoun_preps:
                stop = True
            elif segments[-1] and w in ("بقول", "بقوله", "بقولها", "بقولهم", "بقولهما"):
                stop = True  # ويؤكد ذلك مصدر آخر بقوله: "…": the manner of saying, no part of the subject
            elif segments[-1] and w in _REFLEXIVES:
                stop = True  # بلقيس نفسها، المصدر ذاته: the reflexive is no part of the name
            elif segments[-1] and w in ("كان", "كانت", "يكون", "تكون", "كانوا"):
                stop = True  # وقال شاب (22 عاما) كان بين المحتجين: a clause describing the subject, not part of it
            elif segments[-1] and w in _ASIDE_VERBS and self.word(k + 1) in ("عدم", "الكشف", "ذكر", "نشر"):
                stop = True  # وقال مصدر بالمنظمة طلب عدم نشر اسمه: an aside with no comma
            elif w in lex.source_words or self.bare(w) in lex.source_words:
                stop = True  # وأوضح وفقا لبيان …
            elif segments[-1] and (w in lex.comm_nouns or (w.endswith("ا") and w[:-1] in lex.comm_nouns)):
                stop = True  # أصدرت اللجنة بيانا …: the object
            elif not segments[-1] and w in _PREPS_NEVER_FIRST:
                stop = True  # a segment that opens with a preposition is an adjunct
            elif w == "العام" and not segments[-1]:
                stop = True  # العام الماضي
            elif w in ("عام", "العام", "سنه") and k + 1 < b and self.toks[k + 1].kind == "num":
                stop = True  # نقلت المجلة عن العامري عام 2014 قوله: a date, no part of the name
            elif w in _OTHER_CLAUSE:
                stop = True  # بعدما صرح، بينما قال: a subordinator opens a clause, never a noun phrase
            elif w == "اول" and self.word(k + 1) in lex.time_words:
                stop = True  # أكد أول أمس: a time adverbial, not the subject
            elif (segments[-1] and self.is_definite(w) and (w in lex.institution_heads or w in lex.role_heads)
                  and w not in lex.honorifics and w not in lex.ranks
                  and self.is_definite(self.norm[segments[-1][-1]]) and self.toks[segments[-1][-1]].kind == "word"
                  and self.norm[segments[-1][-1]] != "ال"  # آل الشيخ: a family name, not a subject then its object
                  and not self.stacked_title(segments[-1], w)):
                stop = True  # أوصت اللجنة الاتحاد السعودي بأن: subject, then object
            elif (segments[-1] and w in lex.outlet_heads and not self.is_definite(w)
                  and self.is_definite(self.norm[segments[-1][-1]]) and self.toks[segments[-1][-1]].kind == "word"):
                stop = True  # وأبلغ الوزير قناة فوكس نيوز: the addressee after the subject
            elif w == "في" and k + 1 < b:
                nxt = self.word(k + 1)
                nxt_key = nxt[2:] if nxt.startswith("ال") else nxt
                stop = nxt in lex.comm_nouns or nxt_key in lex.comm_nouns or nxt in lex.time_words or nxt == "الوقت"
            elif w.startswith("ل") and not w.startswith(("لجن", "لوا")) and not (glued_l and k == a):
                rest = w[1:]
                if rest.startswith("ل"):
                    rest = "ا" + rest  # للصحفيين → الصحفيين
                prev = self.norm[segments[-1][-1]] if segments[-1] else ""
                stop = (
                    w == "ل" or rest in lex.addressee_nouns or rest in ("ي", "نا", "ه", "ها", "هم", "كم")
                    # لعباس، لأحلام: an addressee after a name or at the start, not a role's complement
                    or (not w.startswith("لل") and (not prev or not (self.is_definite(prev) or prev in lex.role_heads)))
                )
                if stop and prev in lex.first_names and rest not in lex.addressee_nouns and rest not in lex.first_names and len(w) > 3:
                    stop = False  # سيرغي لافروف، أنتوني لوك: a surname after a first name, not an addressee
                if stop and rest not in lex.addressee_nouns and (w in lex.first_names or t.start in self.person_starts()
                                                                 or any(e.start == t.start for e in self.entities)):
                    stop = False  # وقالت ليندا غراهام، وأكد لاسمر، وقال ليغانيس: a name (tagged whole, ل included), not ل + addressee
                if stop and prev and not self.is_definite(prev) and w.endswith(("يون", "يين")) and self.nisba_like(k):
                    stop = False  # سياسيون ليبيون: an adjective of origin agreeing with the plural, not ل + addressee
                if not stop and prev and self.person_ends_at(segments[-1][-1], segments[-1][0]) and t.start not in self.person_starts():
                    stop = True  # وأوضح البناوي لأسرة الشهيد: after a whole tagged name, ل opens the addressee
            elif t.kind == "num":
                stop = True
            if stop:
                cut = True
                continue
            segments[-1].append(k)
        return [s for s in segments if any(self.toks[k].kind == "word" for k in s)]

    def stacked_title(self, seg: list[int], w: str) -> bool:
        """``مدير إدارة العلاقات العامة المتحدث الرسمي …``، ``مدير المستشفى العميد الطبيب …``: a second
        person title after a person's title or rank is the same person's, not an object."""
        if w not in self.lex.role_heads or w in self.lex.institution_heads:
            return False
        first = next((self.norm[k] for k in seg if self.toks[k].kind == "word"), "")
        prev = self.norm[seg[-1]]
        lex = self.lex
        return prev in lex.ranks or first in lex.role_heads or first in lex.ranks or first in lex.honorifics

    def span_text(self, ks: list[int]) -> str:
        if not ks:
            return ""
        # Drop quotation marks at the edges: وكالة “ناس” → ناس.
        while ks and self.toks[ks[0]].kind == "punct":
            ks = ks[1:]
        while ks and self.toks[ks[-1]].kind == "punct":
            ks = ks[:-1]
        # A preposition or conjunction never ends a name or a role (أعلنت وزارة الصحة في #غزة → وزارة الصحة).
        while len(ks) > 1 and (self.toks[ks[-1]].kind == "punct" or self.norm[ks[-1]] in _TRAILING_WORDS):
            ks = ks[:-1]
        if not ks:
            return ""
        return self.doc.text[self.toks[ks[0]].start:self.toks[ks[-1]].end].replace("_", " ")

    def tagged_at(self, k: int) -> bool:
        """A person, or a body the tagger found, starts at token ``k``."""
        start = self.toks[k].start
        return start in self.person_starts() or any(e.start == start for e in self.entities)

    def nisba_like(self, k: int) -> bool:
        """An indefinite adjective of origin or kind (بريطانية، حقوقية، عسكري، دعائية): it agrees with the noun
        before it and names no one, so it belongs to that noun's description."""
        t = self.toks[k]
        w = t.norm
        if t.kind != "word" or self.is_definite(w) or len(w) < 5 or not w.endswith(("يه", "ي", "يون", "يين")) or w.endswith("ايه"):
            return False  # (ولاية، رعاية، نهاية: nouns in -اية, not adjectives)
        return w not in self.lex.first_names and not self.tagged_at(k) and self.cue_at(k) is None

    def name_word_ok(self, k: int) -> bool:
        """Whether token ``k`` can be a word of a name read without a title, first name or tag: not a verb in
        the cue lexicon, an imperfect plural, a preposition with the article, a particle, pronoun or time word
        (يقول، يواجهون، بالصورة، قبيل، نحن)."""
        t = self.toks[k]
        if t.kind != "word":
            return True
        w = t.norm
        b = self.bare(w)
        lex = self.lex
        if t.text.lstrip("وف") in ("على", "إلى", "الى"):
            return False  # وعلى إثر ذلك: the preposition, which normalises like the name علي
        if w in lex.first_names or self.tagged_at(k):
            return True
        cue = self.cue_at(k)
        if cue is not None and cue[0].gender is not None and (cue[0].pos == "participle" or b[:1] in "يتن" or b.endswith(("وا", "ت"))):
            # يقول، قالت، مؤكدا: a cue with its own person marker (a bare past such as طالب is also a noun, and a
            # verbal noun such as تصريحاته is a document)
            return False
        if w in _PUBLISH_VERBS or b in _PUBLISH_VERBS:
            return False
        if any(x in _FUNCTION_WORDS or x in _PREPOSITIONS or x in _ADVERBIAL_PREPS or x in _PERSONAL_PRONOUNS or x in lex.time_words
               or x in lex.adjunct_preps or x in lex.object_nouns or x in _VERB_PARTICLES
               for x in (w, b)):
            return False
        if b in _ADVERBIALS or any(b.endswith(x) and b[:-len(x)] in _PREPOSITIONS | _ADVERBIAL_PREPS for x in _PRONOUN_SUFFIXES):
            return False  # مرارا، خلالها، عنه: an adverbial or a preposition with its pronoun
        if w.startswith(("بال", "لل", "وبال", "ولل", "فال", "كال")) and len(w) > 5 and w != "بالله":
            return False  # a preposition glued to a definite noun: an adjunct, never part of a name
        if b[:1] in "يت" and len(b) >= 5 and b.endswith(("ون", "ان")) and not b.endswith(("يون", "يان")):
            return False  # يواجهون، يعملان: an imperfect plural or dual verb (يمنيون is a nisba plural)
        if w[:1] == "و" and w[1:2] == "ي" and len(w) >= 4 and k > 0 and self.toks[k - 1].kind == "word":
            return False  # … ويضع: a verb coordinated inside the phrase
        return True

    def adverb_like(self, k: int) -> bool:
        """Token ``k`` is an indefinite accusative participle, a circumstantial adverb (مبتسما، معلقا):
        مُفعِلاً-shaped, ending in the accusative alif (not a pronoun suffix), and no name the lexicon knows."""
        return self.toks[k].kind == "word" and self.adverb_like_word(self.norm[k])

    def adverb_like_word(self, w: str) -> bool:
        """An active participle in the accusative: مُفعِلاً (مشيرا، معلقا), مُفتعِلاً، مُتفعِّلاً، مُنفعِلاً
        (مبتسما، متحدثا), مُستفعِلاً — by its shape alone, so no surname of another shape (مانغيرا) is taken."""
        if not w.endswith("ا") or w.endswith(("ها", "نا", "يا", "كا")) or w in self.lex.first_names:
            return False
        n = len(w)  # (فاعلاً is left out: too many names have its shape — باندا، ماريا)
        return ((n == 5 and w[0] == "م") or (n == 6 and w[0] == "م" and (w[1] in "تن" or w[2] == "ت"))
                or (n == 7 and w.startswith("مست")))

    def phrase_head(self, words: list[int]) -> list[int]:
        """The words of a phrase before its first prepositional complement (تجار | في المنطقة، مسؤول | بالوزارة)."""
        out: list[int] = []
        for k in words:
            w = self.norm[k]
            if out and (w in _PREPOSITIONS or w in self.lex.adjunct_preps or w in ("من", "ل", "ب")
                        or w.startswith(("بال", "لل", "وبال", "ولل"))):
                break
            out.append(k)
        return out

    def role_holder_in_zone(self, a: int, b: int) -> Speaker | None:
        """The first person the tagger found in the zone's first clause (up to a comma or a quotation mark),
        when nothing between the zone's start and the name marks it as an addressee, an object or an
        adjunct's noun (لنظيره، تصديه، مع، له: a word with a pronoun suffix ends the role); the words before
        the name are the role."""
        lex = self.lex
        end = a
        while end < b and not (self.toks[end].kind == "punct" and (
                self.toks[end].text in _COMMAS or self.toks[end].text in _SENT_END or self.toks[end].text in _QUOTE_CHARS)):
            end += 1
        c = self.cue_at(a - 1) if a > 0 else None
        if end <= a + 1 or (c is not None and (c[0].lemma in lex.object_first or self.characterising_verb(a - 1) is not None)):
            return None  # (ووصف حارس المنتخب تصديه لركلة X: after a verb with an object, the name may be the object's)
        lo, hi = self.toks[a].end, self.toks[end - 1].end
        for e in sorted(self.entities, key=lambda e: e.start):
            if e.type != "PER" or e.start < lo or e.end > hi:
                continue
            first = self.doc.token_index_at(e.start)
            if not a < first < end or first - a > 12:
                return None
            for m in range(a, first):
                w = self.norm[m]
                raw = self.toks[m].text
                if ((self.cue_at(m) is not None and not self.construct_head(m)) or (len(raw) > 3 and raw.endswith(("ه", "ها", "هم", "هما")) and m > a) or w in lex.pronoun_preps or w in ("مع", "الي", "لدي", "امام", "عبر", "بحضور")
                        or (w[:1] == "ل" and (w[1:] in lex.addressee_nouns or "ا" + w[2:] in lex.addressee_nouns))
                        or w in lex.time_words):
                    return None
            role = [m for m in range(a, first) if self.toks[m].kind == "word"]
            if not role or not (self.norm[role[0]] in lex.role_heads or self.bare(self.norm[role[0]]) in lex.role_heads
                                or self.construct_head(role[0])):
                return None
            return Speaker(self.ent_name(e).replace("_", " "), "PER", role=self.span_text(role), head=self.norm[a],
                           entity_id=e.entity_id, strong=True)
        return None

    def b_adjunct(self, k: int) -> bool:
        """ب glued to an indefinite noun that is no place, body or name (بوضوح، بدور، بمراجعة): after a body's
        name it is the verb's adverb or object, never part of the name (أشارت الرابطة بوضوح، أشادت اللجنة بدور …)."""
        w = self.norm[k]
        if self.toks[k].kind != "word" or len(w) < 4 or w[0] != "ب" or w.startswith("بال") or w in self.lex.first_names:
            return False
        if self.glued_place(k) or w[1:] in self.lex.institution_heads or self.tagged_at(k) or any(
                e.start <= self.toks[k].start < e.end for e in self.doc.entities):
            return False
        # its complement follows at once (بدور المجالس، باعتقال الكربي), or a preposition does (بوضوح إلى), or it
        # carries a pronoun (برأيه) — a name the lists lack is followed by a bare surname or a comma (بليندا
        # وولنغتون، ألبينا باخفاروفا،)
        nxt = self.norm[k + 1] if k + 1 < self.n and self.toks[k + 1].kind == "word" else ""
        return (self.is_definite(nxt) or nxt in _FUNCTION_WORDS or nxt in _PREPOSITIONS
                or self.toks[k].text.endswith(("ه", "ها", "هم")))

    def construct_head(self, k: int) -> bool:
        """A participle in construct with a definite body is a role noun, not a cue (أعلنت مدعية المحكمة الجنائية
        …: the court's prosecutor)."""
        nxt = self.word(k + 1) if k + 1 < self.n and self.toks[k + 1].kind == "word" else ""
        return self.is_definite(nxt) and (nxt in self.lex.institution_heads or nxt[2:] in self.lex.institution_heads)

    def doc_adjective(self, k: int) -> bool:
        """An adjective after a document noun (سعودي، مشترك، منفصل): it describes the document, it is no issuer."""
        w = self.norm[k]
        return self.nisba_like(k) or (len(w) == 5 and w[0] == "م" and w not in self.lex.first_names and not self.tagged_at(k))

    def weak_name_ok(self, name: list[int]) -> bool:
        """A name read after a role with no tag and no first name must look like one: no verb, particle or
        partitive among its words (انضمام بعض الطلاب is an object). An adjective-shaped word is no test here:
        foreign names end like adjectives of origin (كزافيه جينوت، أصغر فرهادي، إدينسون كافاني)."""
        words = [k for k in name if self.toks[k].kind == "word"]
        if not words or any(self.tagged_at(k) or self.is_first_name(k, None) for k in words):
            return True
        if self.bare(self.norm[words[0]]) in self.lex.role_heads:
            return False  # وكيل الوزارة السابق وعضو مجلس الشورى: a second role, coordinated, is no name
        return all(self.name_word_ok(k) and self.bare(self.norm[k]) not in _PARTITIVES for k in self.phrase_head(words))

    def is_first_name(self, k: int, nxt: int | None) -> bool:
        w = self.bare(self.norm[k]) if self.norm[k][:1] == "و" else self.norm[k]
        if w in self.lex.first_names:
            return True
        if w.startswith("عبد") and (len(w) > 4 or nxt is not None):
            return True
        return w in ("ابو", "ام", "ال") and nxt is not None  # (ال: the family link آل, آل الشيخ)

    def analyse(self, seg: list[int]) -> tuple[list[int], str | None, list[int]]:
        """Split one segment into (role tokens, rank, name tokens)."""
        lex = self.lex
        words = [k for k in seg if self.toks[k].kind == "word"]
        rank: str | None = None
        # Leading honorifics and ranks: الدكتور عبد اللطيف الزياني، العقيد مايلز ككينز.
        abbreviated = False
        while words and (self.norm[words[0]] in lex.honorifics or self.norm[words[0]] in lex.ranks) and len(words) > 1:
            if self.norm[words[0]] in lex.ranks:
                rank = f"{rank} {self.toks[words[0]].text}" if rank else self.toks[words[0]].text
            abbreviated = len(self.norm[words[0]]) == 1 and words[0] + 1 < self.n and self.toks[words[0] + 1].text == "."
            words = words[1:]
        if not words or self.norm[words[0]] in lex.institution_heads:
            return [], rank, []
        if abbreviated and len(words) > 1 and self.norm[words[0]] not in lex.role_heads:
            # وعلق م. الوليد الدريعان الرئيس التنفيذي لـ…: an abbreviated title (م. د.), then the name up to the role
            for p in range(1, min(len(words), 5)):
                if self.norm[words[p]] in lex.role_heads or self.bare(self.norm[words[p]]) in lex.role_heads:
                    return words[p:], rank, words[:p]
        # A title inside: [role] title name.
        for p in range(1, len(words)):
            w = self.norm[words[p]]
            if (w in lex.honorifics or w in lex.ranks) and p + 1 < len(words) and self.norm[words[p - 1]] != "ال":
                # (آل الشيخ: after the family link الشيخ is the name, not a title)
                q = p
                while q < len(words) and (self.norm[words[q]] in lex.honorifics or self.norm[words[q]] in lex.ranks):
                    if self.norm[words[q]] in lex.ranks:  # اللواء الركن
                        rank = f"{rank} {self.toks[words[q]].text}" if rank else self.toks[words[q]].text
                    q += 1
                if q >= len(words):
                    return words[:p], rank, []
                if self.norm[words[q]] in lex.role_heads and not self.is_first_name(words[q], None):
                    continue  # ذلك سعادة مدير عام الشؤون الأستاذ …: the honorific opens a role; the name comes later
                return words[:p], rank, self._tail(seg, words[q])
        if len(words) > 2 and self.norm[words[0]] in lex.anonymous_heads and self.norm[words[1]] == "من":
            return [], rank, []  # عدد من أهالي أبو عريش: a partitive description, read whole (أبو starts no name here)
        # A first name: [role] name.
        for p in range(len(words)):
            if self.is_first_name(words[p], words[p + 1] if p + 1 < len(words) else None):
                if (self.norm[words[p]] in lex.role_heads and p + 1 < len(words)
                        and self.toks[words[p]].start not in self.person_starts()):
                    continue  # أمين منطقة جازان، أمين عام الجامعة: the office, not the first name أمين (unless tagged)
                before = self.norm[words[p - 1]] if p else ""
                if before in _ROYAL and any(self.bare(self.norm[m]) in lex.institution_heads for m in words[:p]):
                    continue  # جامعة الملك سعود، مطار الأمير محمد بن عبدالعزيز: part of the body's name
                if p == 0 or self.is_definite(before) or before in lex.role_heads or before in ("في", "باسم"):
                    return words[:p], rank, self._tail(seg, words[p])
                if not any(self.is_definite(self.norm[m]) or self.norm[m] in lex.role_heads for m in words[:p]):
                    return [], rank, self._tail(seg, words[0])  # آبي أحمد: the name starts earlier
                break
        head = self.norm[words[0]]
        if head in lex.anonymous_heads:
            return [], rank, []  # مسؤول أمني بارز في الشرطة: a description, read whole
        if head in lex.role_heads:
            k = 1
            prev_prep = False
            while k < len(words):
                w = self.norm[words[k]]
                nxt = self.norm[words[k + 1]] if k + 1 < len(words) else ""
                body_end = self.body_name_end(words[k]) if k > 0 and self.norm[words[k - 1]] not in ("ال",) else None
                if body_end is not None:
                    # المدير الفني لفريق ريال مدريد الإسباني: a body or place the tagger found inside the role is
                    # all part of it, however many bare words its name has
                    while k < len(words) and self.toks[words[k]].end <= body_end:
                        k += 1
                    prev_prep = False
                    continue
                if w in lex.object_nouns:
                    break  # أكد الوزير أهمية التعاون: the object starts
                if (self.nisba_like(words[k]) and not self.is_definite(self.norm[words[k - 1]])
                        and w not in lex.role_complements and w not in lex.role_heads):  # (وزير خارجية روسيا: a construct)
                    prev_prep = False  # ناشطة حقوقية، متحدثة عسكرية إسرائيلية: adjectives of the role, no name
                    k += 1
                    continue
                if w in ("في", "باسم", "من", "عن") or (len(w) > 3 and w[0] in "بل" and (w[1:3] == "ال" or w.startswith("لل"))):
                    prev_prep = w in ("في", "من", "عن", "باسم")
                elif len(w) > 3 and w[0] in "بل" and w not in lex.first_names and (
                    self.is_definite(nxt)
                    or (nxt and k + 2 < len(words) and self.is_definite(self.norm[words[k + 2]]))
                ):
                    prev_prep = False  # باتحاد الصناعات، لشؤون اللاجئين، لانتخابات أعضاء المجالس
                elif len(w) > 3 and w[0] in "بل" and w[1:] in lex.institution_heads:
                    prev_prep = True  # الرئيس التنفيذي لشركة إيني الإيطالية …: the company's name follows
                elif (len(w) > 3 and w[0] == "ل" and self.is_definite(self.norm[words[k - 1]]) and w not in lex.first_names
                      and w[1:] not in lex.first_names and self.toks[words[k]].start not in self.person_starts()):
                    prev_prep = True  # المدرب السابق لمنتخب انجلترا: ل after a definite role word opens its genitive
                elif w in lex.role_heads or w in lex.role_complements:
                    prev_prep = True  # نائب رئيس مجلس …، وزير خارجية روسيا: a construct chain, its genitive follows
                elif (w in lex.institution_heads and not self.is_definite(w) and not self.is_first_name(words[k], None)
                      and words[k] == words[k - 1] + 1 and self.toks[words[k]].start not in self.person_starts()
                      and not (k + 1 < len(words) and self.toks[words[k + 1]].start in self.person_starts())):
                    prev_prep = True  # المتحدث باسم قوات تحالف دعم الشرعية: a body's noun in the chain, its name follows
                elif (k + 1 < len(words) and words[k + 1] == words[k] + 1 and not self.is_first_name(words[k], None)
                      and self.toks[words[k]].start not in self.person_starts()
                      and any(e.type in ("LOC", "GPE") and e.start == self.toks[words[k + 1]].start for e in self.doc.entities)):
                    prev_prep = True  # أمين منطقة جازان، محافظ مدينة جدة: a place noun, then the place the tagger found
                elif self.is_definite(w) or w in ("عام", "اول") or (len(w) > 4 and w.endswith(("ها", "هم", "هما", "كم"))):
                    prev_prep = False  # مدير أعمالها: a possessed noun is still the role
                elif prev_prep or (k == 1 and k + 1 < len(words) and self.is_definite(self.norm[words[k + 1]])):
                    prev_prep = False
                elif self.norm[words[k - 1]] in _ROYAL and any(self.norm[m] in lex.institution_heads for m in words[:k]):
                    prev_prep = False  # في جامعة الملك سعود: the university's name, not the speaker's
                elif (w[:1] == "و" and len(w) >= 5 and self.is_definite(nxt) and self.is_definite(self.norm[words[k - 1]])
                      and w not in lex.role_heads and w not in lex.institution_heads and not self.is_first_name(words[k], None)
                      and self.cue_at(words[k]) is None and words[k] == words[k - 1] + 1):
                    prev_prep = True  # مدير المؤسسة العامة لصوامع الغلال ومطاحن الدقيق: a coordinated genitive
                else:
                    break
                k += 1
            return words[:k], rank, (self._tail(seg, words[k]) if k < len(words) else [])
        return [], rank, self._tail(seg, words[0]) if rank else []

    def body_name_end(self, k: int) -> int | None:
        """Where a body or place the ``entities`` component tagged ends, when it starts at token ``k`` or right
        after a preposition glued to it (لفريق ريال مدريد، لبايرن ميونيخ); None when none starts there, or a
        person starts there too."""
        t = self.toks[k]
        if t.start in self.person_starts():
            return None
        for e in self.doc.entities:
            if e.type in ("ORG", "LOC", "GPE") and t.start <= e.start <= t.start + 2 and e.start < t.end and e.end > t.end:
                return e.end
        return None

    def trim_name(self, name: list[int]) -> list[int]:
        """A person's name ends before an object that follows it (ودعا جان إيف لودريان الدول الأوروبية):
        a definite word followed by another definite word, a possessed noun (عودتها), or a fifth word."""
        words = [k for k in name if self.toks[k].kind == "word"]
        if words and self.norm[words[0]] in self.lex.object_nouns:
            return []  # أكد الوزير أهمية …: the object, no name
        links = {"بن", "ابن", "بنت", "ال", "عبد", "ابو", "ام", "ولد", "دي", "فان", "فون"}
        out: list[int] = []
        counted = 0
        for i, k in enumerate(words):
            w = self.norm[k]
            nxt = self.norm[words[i + 1]] if i + 1 < len(words) else ""
            if out and self.norm[out[-1]] in ("ال", "بن", "ابن", "بنت", "ابو", "ام") and counted <= 4:
                out.append(k)  # آل الشيخ، بن عبدالعزيز: the word after a link is part of the name, whatever it is
                counted += 1
                continue
            if out and self.is_definite(w) and nxt and self.is_definite(nxt) and w != "ال":
                break
            if len(out) > 1 and w in ("امير", "اميره") and nxt and (self.is_definite(nxt) or nxt in self.lex.institution_heads
                                                                    or nxt in ("منطقه", "محافظه", "دوله", "اماره")):
                break  # تركي بن فهد أمير منطقة الجوف: the office after the nasab (أمير alone is also a first name)
            if out and w in _ADVERBIALS:
                break  # أكد زيدان أكثر من مرة أن، وأكد الوزير مجددا أن: the adverbial is not the name
            if out and w in ("من", "في"):
                break  # كارلوس مينديث من نقابة عمال الموانئ: an affiliation after the name
            if out and (len(w) > 4 and w.endswith(("ها", "هم", "هما")) or w in self.lex.role_heads
                        or (w in self.lex.institution_heads and not self.is_definite(w))
                        or (self.is_definite(w) and w.endswith("ه") and w != "الله")
                        or (w.endswith("ه") and w[:-1] in self.lex.comm_nouns) or w in self.lex.object_nouns):
                break  # عودتها …, رئيس اتحاد …, التزامه …, تصريحاته …: the name is over
            if w not in links:
                counted += 1
            if counted > 4:
                break
            out.append(k)
        if not out:
            return []
        return [k for k in name if out[0] <= k <= out[-1]]

    def trim_org(self, seg: list[int]) -> list[int]:
        """An organisation's name ends where its object starts: once a definite word has been read,
        a bare word (أعلنت الوكالة الرسمية أسماء القتلى) or a quotation mark ends it — except the bare
        name after الملك/الأمير (مستشفى الملك فهد) and prepositional complements (بالأحساء، للإغاثة)."""
        out: list[int] = []
        seen_def = False
        for k in seg:
            t = self.toks[k]
            if t.kind != "word":
                if seen_def and t.text in _OPENERS:
                    break
                out.append(k)
                continue
            w = t.norm
            if seen_def and self.b_adjunct(k):
                break  # وأشارت الرابطة بوضوح إلى: the adverb or object after the body's name
            if seen_def and not self.is_definite(w):
                prev = self.norm[out[-1]] if out and self.toks[out[-1]].kind == "word" else ""
                glued_prep = len(w) > 3 and w[0] in "بل"
                if not (prev in self.lex.honorifics or prev in _ROYAL or glued_prep or w in ("في", "و")):
                    break
            if self.is_definite(w):
                seen_def = True
            out.append(k)
        return out or seg

    def _tail(self, seg: list[int], first: int) -> list[int]:
        return [k for k in seg if k >= first]

    def parse_speaker(self, a: int, b: int, glued_l: bool = False) -> Speaker | None:
        """:meth:`read_speaker`, memoised per zone. The reading depends on the tokens and the tagger's entities
        only (no history, no quotes found so far), so it is the same each time; each caller gets its own copy,
        since a caller may set the copy's gender (:meth:`remember`)."""
        key = (a, b, glued_l)
        if key in self._parsed:
            sp = self._parsed[key]
            return None if sp is None else replace(sp)
        sp = self.read_speaker(a, b, glued_l)
        self._parsed[key] = None if sp is None else replace(sp)
        return sp

    def read_speaker(self, a: int, b: int, glued_l: bool = False) -> Speaker | None:
        """Read a speaker from tokens ``[a, b)`` (the zone after a cue, or a phrase before it).

        ``glued_l``: the first token carries the ل of وفقا لـ (لمصادر طبية), not an addressee.
        """
        first = next((k for k in range(a, b) if self.toks[k].kind == "word"), None)
        if (first is not None and self.norm[first] in _DEMONSTRATIVES and first + 1 < b
                and self.toks[first + 1].kind == "word" and first - a <= 1):
            # وأكدت هذه المصادر، بيان هذه الحركة: the demonstrative points back, the noun phrase is read; ويؤكد ذلك
            # مصدر آخر: a bare demonstrative is the verb's object, the subject follows it
            a = first + 1
        sp = self._parse_speaker(a, b, glued_l)
        if ((sp is None or (sp.kind == "DESC" and sp.role and not sp.entity_id)) and not glued_l
                and b - a > 1 and self.toks[a].kind == "word"):
            # المشرف على برنامج … بوزارة الصحة سليمان الشريع: a role read with no name, when the tagger found a
            # person further in the same clause (past the adjunct that cut the phrase) — that person holds it
            sp = self.role_holder_in_zone(a, b) or sp
        if sp is not None and sp.kind != "PER" and len(sp.keys) <= 2:
            # المصدر نفسه، الصحيفة ذاتها: a reflexive right after the phrase points back to the one cited
            m = next((m for m in range(a, min(b, a + 4)) if self.norm[m] in _REFLEXIVES), None)
            if m is not None and all(self.toks[j].kind == "word" for j in range(a, m)):
                sp = replace(sp, same=True)
        return sp

    def _parse_speaker(self, a: int, b: int, glued_l: bool = False) -> Speaker | None:
        lex = self.lex
        share = self.share_of_group(a, b)
        if share is not None:
            return share
        segments = self.cut_phrase(a, b, glued_l)
        if not segments:
            return None
        seg = segments[0]
        words = [k for k in seg if self.toks[k].kind == "word"]
        if not words:
            return None
        if len(words) == 1 and self.toks[words[0]].text.endswith(("اً", "ًا")) and not glued_l:
            return None  # وختم ساخراً: the accusative ending written out — an adverb, never a name (whatever the tagger says)
        head = self.bare(self.norm[words[0]]) if self.norm[words[0]][:2] != "ال" else self.norm[words[0]]
        head_raw = self.norm[words[0]]
        if glued_l and words[0] == a and head_raw.startswith("ل"):
            head_raw = head = "ال" + head_raw[2:] if head_raw.startswith("لل") else head_raw[1:]
        if self.is_opener(seg[0]):
            # أعلنت "زين السعودية" عن …: a quoted subject is the name of a body or brand.
            inner = []
            for k in seg[1:]:
                if self.toks[k].text in _CLOSERS:
                    break
                inner.append(k)
            if inner:
                return Speaker(self.span_text(inner), "ORG", head=self.norm[inner[0]], strong=True)
        # Outlets: صحيفة "نيويورك تايمز"، صحيفة وول ستريت جورنال، مجلة "أتلانتيك" الأميركية.
        if head_raw in lex.outlet_heads and len(seg) > 1:
            k1 = seg.index(words[0]) + 1
            # صحيفة "نيويورك تايمز"، وكالة أنباء "المدار": the quoted name within two words of the head
            k1 = next((m for m in range(k1, min(k1 + 2, len(seg))) if self.is_opener(seg[m])), k1)
            if k1 < len(seg) and self.is_opener(seg[k1]):
                inner = []
                for k in seg[k1 + 1:]:
                    if self.toks[k].text in _CLOSERS:
                        break
                    inner.append(k)
                if inner:
                    return Speaker(self.span_text(inner), "ORG", head=head_raw)
            k2 = words[0] + 1
            if k2 < b and self.toks[k2].text == "(":
                # قناة (إن تي في) التلفزيونية: a name in brackets right after the head, as in quotation marks
                close = next((m for m in range(k2 + 1, min(b, k2 + 8)) if self.toks[m].text == ")"), None)
                if close is not None and close > k2 + 1:  # (as written: في of "إن تي في" is no trailing preposition)
                    return Speaker(self.doc.text[self.toks[k2 + 1].start:self.toks[close - 1].end], "ORG", head=head_raw)
            if len(words) > 1 and not self.is_definite(head_raw) and self.outlet_adjective(words[1], head_raw):
                # صحيفة بريطانية، وكالة دعائية تابعة له: an outlet described, not named — the head stays in the
                # speaker (a bare "بريطانية" names no one); resolve() looks for the one outlet of that head named.
                desc = [words[0]]
                for k in words[1:]:
                    prev = self.norm[desc[-1]]
                    if not (self.outlet_adjective(k, head_raw) or prev in _ATTACHED_ADJECTIVES or (
                            prev == "من" and self.norm[desc[-2]] in _ATTACHED_ADJECTIVES)):
                        break  # (مقربة من الحكومة: the adjective's complement belongs to the description)
                    desc.append(k)
                return Speaker(self.span_text(desc), "DESC", head=head_raw)
            rest = [k for k in words[1:] if not self.is_definite(self.norm[k])]
            if rest and rest[0] == words[1]:
                run = []
                for k in words[1:]:
                    if self.is_definite(self.norm[k]):
                        break
                    run.append(k)
                return Speaker(self.span_text(run), "ORG", head=head_raw)
            return Speaker(self.span_text(self.trim_org(seg)), "ORG", head=head_raw)
        issuer = self.document_issuer(a, b)
        if issuer is not None:
            return issuer
        doc_key = name_key(self.toks[words[0]].text)
        if (doc_key in _DOCUMENTS and doc_key not in _STUDIES and len(words) > 1 and self.doc_adjective(words[1])
                and all(self.doc_adjective(k) for k in self.phrase_head(words)[1:])):
            return None  # وأوضح بيان مشترك: a statement with no issuer named — the one who issued it is read elsewhere
        named_first = self.tagged_name_then_role(words, head, head_raw)
        if named_first is not None:
            return named_first
        role, rank, name = self.analyse(seg)
        if role and name and not self.trim_name(name):
            name = []  # المتحدث باسم تحالف دعم الشرعية، العقيد …: the role's genitive object noun is no name
        if (role and name and len(segments) > 1 and self.is_definite(self.norm[name[0]])
                and self.toks[name[0]].start not in self.person_starts()
                and any(self.toks[k].start in self.person_starts() for s2 in segments[1:3] for k in s2)):
            # المتحدث باسم التحالف العربي لدعم الشرعية، العقيد ركن X: an untagged definite word after the role agrees
            # with the body it names (an adjective), and the person comes in apposition after the comma
            role, name = role + name, []
        if (role and name and self.toks[name[0]].start in self.place_starts() and self.toks[name[0]].start not in self.person_starts()
                and not self.toks[name[0]].text.endswith(("ي", "ية", "يه"))  # (not a nisba: وزير إسرائيلي)
                and any(e.start == self.toks[name[0]].start and e.end >= self.toks[name[-1]].end for e in self.doc.entities
                        if e.type in ("LOC", "GPE", "ORG"))):  # (the place is all of it: not إسرائيل كاتس)
            role, name = role + name, []  # مندوب فلسطين لدى الأمم المتحدة رياض منصور: a tagged place completes the role
        if not name and (role or head_raw in lex.role_heads or head in lex.role_heads or (
                self.is_definite(head_raw) and not {head, head_raw} & (lex.institution_heads | lex.outlet_heads | lex.anonymous_heads))):
            chained = self.role_chain_name(a, b, seg)
            if chained is not None:
                return chained
        if role and len(name) == 1 and len(segments) > 1 and self.norm[name[0]][:1] == "ل" and not self.is_first_name(name[0], None):
            role, name = role + name, []  # الرئيس التنفيذي لفيسبوك، مارك زوكربيرغ: the ل-word completes the role
        if role and len(name) == 1 and self.norm[name[0]][:1] == "ب" and self.glued_place(name[0]):
            role, name = role + name, []  # المتحدث باسم المجلس بواشنطن، نيد برايس: a place with ب completes the role
        if role and name and self.is_opener(name[0] - 1) and name[0] - 1 in seg:
            # رئيس «إف بي آي»، جيمس كومي: the quoted body belongs to the role, the name comes after
            role, name = role + [k for k in seg if k >= name[0] - 1 and self.toks[k].kind == "word"], []
        role_text = self.span_text(role) if role else None
        if not name and len(segments) > 1 and (role or head_raw in lex.role_heads or head_raw in lex.anonymous_heads):
            # Apposition: "وزير الخارجية السابق، جون كيري،", "وزير الداخلية، زعيم حزب الرابطة، ماتيو سالفيني"
            for seg2 in segments[1:3]:
                role2, rank2, name2 = self.analyse(seg2)
                cand = name2 or ([k for k in seg2 if self.toks[k].kind == "word"] if not role2 else [])
                cand = self.trim_name(cand) if len(cand) > 5 else cand
                if cand and (self.norm[cand[0]] in lex.leading_fillers or self.norm[cand[0]] in _FUNCTION_WORDS
                             or self.norm[cand[0]] in lex.aside_starts or self.cue_at(cand[0]) is not None
                             or not self.name_word_ok(cand[0]) or self.norm[cand[0]] in ("مثل", "ومثل")
                             or (self.norm[cand[0]][:1] == "و" and not self.tagged_at(cand[0])
                                 and not self.is_first_name(cand[0], None))):
                    break  # "…، كما شدد", "، طلب عدم نشر اسمه،": a clause or an aside, not a name ("…، وهروب جماعي": و
                    # coordinates another noun of the clause — an apposition never opens with it)
                if cand and not self.is_definite(self.norm[cand[0]]) and len(cand) <= 5:
                    name = cand
                    rank = rank or rank2
                    role_text = role_text or self.span_text(seg)
                    break
        if rank:
            role_text = f"{role_text}، {rank}" if role_text else rank
        if role and len(name) > 1 and self.entities and not rank:
            shifted = self.tagged_after_body(role, name)
            if shifted is not None:
                role, name = shifted
                role_text = self.span_text(role)
        name = self.trim_name(name)
        if name and role and not rank and not self.weak_name_ok(name):
            name = []  # اعتبر وزير الخارجية مشروع وحدة جمركية …: after the role, the verb's object, not a name
        if name:
            sp = Speaker(self.span_text(name), "PER", role=role_text, head=head_raw, strong=True)
            return self._confirm_with_entity(sp, name)
        tagged = self.tagged_person(words, head, head_raw, segments[1] if len(segments) > 1 else [])
        if tagged is not None:
            return tagged
        if role:
            # A role with no name: المتحدث باسم الفيفا speaks for الفيفا; otherwise the role itself.
            words_r = [k for k in role if self.toks[k].kind == "word"]
            for p, k in enumerate(words_r):
                if self.norm[k] == "باسم" and p + 1 < len(words_r):
                    return Speaker(self.span_text(words_r[p + 1:]), "ORG", role=self.span_text(role), head=head_raw)
            return Speaker(self.span_text(role), "DESC", role=self.span_text(role), head=head_raw)
        text = self.span_text(seg)
        if not text:
            return None
        if head in lex.institution_heads or head_raw in lex.institution_heads:
            return Speaker(self.span_text(self.trim_org(seg)), "ORG", head=head_raw)
        if head in lex.anonymous_heads or head_raw in lex.anonymous_heads:
            return Speaker(text, "DESC", head=head_raw)
        if len(words) == 1 and head_raw in _FUNCTION_WORDS:
            return None
        if self.is_definite(head_raw):
            cut_b = next((k for k in words[1:] if self.b_adjunct(k)), None)
            if cut_b is not None:  # الرابطة بوضوح، اللجنة بدور المجالس: the phrase ends before the adverb or object
                words = [k for k in words if k < cut_b]
                text = self.span_text([k for k in seg if k < cut_b])
            return Speaker(text, "ORG" if len(words) > 1 else "DESC", head=head_raw)
        if (len(head_raw) > 5 and head_raw.endswith("ون") and len(words) <= 8 and self.toks[words[0]].start not in self.person_starts()
                and (head_raw[0] == "م" or (len(head_raw) == 6 and head_raw[1] == "ا"))  # مفعلون، فاعلون (not إدينسون)
                and not self.is_first_name(words[0], None) and self.cue_at(words[0]) is None):
            # أعلن ممثلون للادعاء الاتحادي في الولايات المتحدة: a sound masculine plural in the nominative heads an
            # unnamed group, with its complements (the lexicon lists only the commonest: مسؤولون، خبراء)
            return Speaker(text, "DESC", head=head_raw)
        named = self.name_then_role(words, head_raw)
        if named is not None:
            return named
        if len(words) > 5:
            return None
        cut = next((i for i, k in enumerate(words) if i and (self.norm[k] in _ADVERBIALS or self.adverb_like(k))), None)
        svo = next((i for i, k in enumerate(words) if i and (self.norm[k] in _VERB_PARTICLES or self.norm[k] in _NEGATIONS)), None)
        if svo is not None and (cut is None or svo < cut):
            cut = svo  # فيسبوك قد تعرضت …: the subject ends where its verb's particle starts
        if not all(self.name_word_ok(k) for k in self.phrase_head(words[:cut] if cut is not None else words)):
            # وكتب يقول، قال، قبيل زيارته، أنهم يواجهون مشاكل: a verb, particle or adjunct where a bare name would
            # be — no subject is named here, unless the tagger found a person or body at its start (ادعت
            # كامبريدج أناليتيكا إغلاقها هذا الأسبوع: the body, then its object)
            ent = next((e for e in self.entities if e.start == self.toks[words[0]].start), None)
            if ent is None:
                return None
            return Speaker(self.ent_name(ent), ent.type, head=head_raw, entity_id=ent.entity_id, strong=ent.type == "PER")
        if cut is not None:  # زيدان أكثر من مرة: the name ends before the adverbial
            text = self.span_text([k for k in seg if k < words[cut]])
        return Speaker(text, "PER", head=head_raw)

    def outlet_adjective(self, k: int, head: str) -> bool:
        """Word ``k`` after an outlet head is an adjective, not the outlet's name: a nisba agreeing with the
        head (صحيفة بريطانية، موقع إخباري) or a word of :data:`_OUTLET_ADJECTIVES` (وكالة تابعة، صحيفة مقربة)."""
        w = self.norm[k] if self.toks[k].kind == "word" else ""
        if not w or self.is_definite(w):
            return False
        if w in _OUTLET_ADJECTIVES:
            return True
        if head.endswith("ه"):
            return len(w) >= 5 and w.endswith("يه")  # feminine heads (صحيفة، وكالة، قناة): بريطانية
        return len(w) >= 5 and w.endswith("ي") and not w.endswith("وي")  # موقع إخباري، تلفزيون رسمي

    def named_outlet(self, head: str, at: int, unique: bool) -> Speaker | None:
        """The outlet a description or anaphor with this head refers to: an outlet the text names with the
        same head (قناة "secureteam10"، صحيفة "غارديان", a tagged name right after the head). With ``unique``
        (صحيفة بريطانية: an indefinite description) only when the article names exactly one such outlet,
        anywhere; else (القناة) the one named nearest before token ``at``."""
        key = name_key(head[2:] if head.startswith("ال") else head)
        if not key:
            return None
        found: list[tuple[int, Speaker | None]] = []
        for i in range(self.n):
            if self.toks[i].kind != "word" or self.is_definite(self.norm[i]):
                continue
            tk = self.tok_key(i)
            if tk != key and not (len(tk) == len(key) + 1 and tk[0] in "وفبل" and tk[1:] == key):
                continue
            j = i + 1
            if j + 1 < self.n and not self.is_opener(j) and self.is_opener(j + 1) and self.toks[j].kind == "word":
                j += 1  # وكالة أنباء "أعماق"
            name = None
            if j < self.n and self.is_opener(j):
                close = self.find_close(j)
                if close is not None and 1 <= close - j - 1 <= 5:
                    name = self.doc.text[self.toks[j + 1].start:self.toks[close - 1].end]
            elif j < self.n and self.toks[j].kind == "word" and not self.outlet_adjective(j, head):
                ent = next((e for e in self.entities if e.start == self.toks[j].start and e.type in ("ORG", "MISC", "PER")), None)
                if ent is not None and len(ent.text.split()) <= 5:
                    name = self.ent_name(ent)
                else:  # وكالة أعماق التابعة له: a bare name of one to three words, ended by a definite word or a mark
                    if self.norm[j] == "انباء":
                        j += 1
                    m = j
                    while (m < min(self.n, j + 3) and self.toks[m].kind == "word" and not self.is_definite(self.norm[m])
                           and self.norm[m] not in _FUNCTION_WORDS and self.norm[m] not in _PREPOSITIONS
                           and self.cue_at(m) is None and not self.outlet_adjective(m, head)):
                        m += 1
                    if m > j and m < self.n and (self.toks[m].kind == "punct" or self.is_definite(self.norm[m])):
                        name = self.span_text(list(range(j, m)))
            if j < self.n and self.outlet_adjective(j, head):
                continue  # صحيفة بريطانية: a description, not a mention that names
            found.append((i, Speaker(name, "ORG", head=normalize(head[2:] if head.startswith("ال") else head), strong=True)
                          if name else None))
        # A mention whose name cannot be read (صحيفة لوفيغارو عادت …) may be the one meant: then nothing is sure.
        if unique:
            names = {sp.keys if sp is not None else None for _, sp in found}
            return found[0][1] if len(names) == 1 else None
        before = [sp for i, sp in found if i < at]
        return before[-1] if before else None

    def share_of_group(self, a: int, b: int) -> Speaker | None:
        """``رأى نحو 75 في المائة من الذين شملهم الاستطلاع أن``، ``ذكر 61 بالمئة من المبلغين على موقع … أنهم``:
        a share of a group speaks for the group — the speaker is the group after من (a relative clause
        included), not the number."""
        m = a
        while m < b and self.norm[m] in _APPROXIMATORS:
            m += 1
        if m >= b or self.toks[m].kind != "num":
            return None
        m += 1
        if m < b and self.toks[m].text == "%":
            m += 1
        elif m + 1 < b and self.norm[m] == "في" and self.norm[m + 1] in ("المائه", "المئه"):
            m += 2
        elif m < b and self.norm[m] in ("بالمائه", "بالمئه"):
            m += 1
        else:
            return None
        if m + 1 >= b or self.norm[m] != "من":
            return None
        end = m + 1
        while end < b and (self.toks[end].kind == "word" or self.toks[end].text in _OPENERS or self.toks[end].text in _CLOSERS):
            end += 1
        words = [k for k in range(m + 1, end) if self.toks[k].kind == "word"]
        if not words or len(words) > 8 or self.cue_at(words[0]) is not None:
            return None
        return Speaker(self.span_text(list(range(m + 1, end))), "DESC", head=self.norm[words[0]])

    def tagged_name_then_role(self, words: list[int], head: str, head_raw: str) -> Speaker | None:
        """``وقال شتيفن شايبرت المتحدث باسم المستشارة الألمانية أنغيلا ميركل``: the subject is the person the
        tagger found on the phrase's first word; an apposed role follows, and a name inside that role's
        genitive (the chancellor's) is its complement, not the speaker."""
        lex = self.lex
        if len(words) < 3 or {head, head_raw} & (lex.role_heads | lex.honorifics | lex.ranks | lex.institution_heads):
            return None
        s = self.toks[words[0]].start
        ent = next((e for e in self.entities if e.type == "PER" and e.start == s), None)
        if ent is None:
            return None
        p = sum(1 for k in words if self.toks[k].end <= ent.end)
        if not 0 < p < len(words) - 1:
            return None
        w = self.norm[words[p]]
        if not (w in lex.role_heads or self.bare(w) in lex.role_heads) or w in lex.honorifics or w in lex.ranks:
            return None
        if p < 2 and not any(e.type == "PER" and e.start >= self.toks[words[p + 1]].start for e in self.entities
                             if e.end <= self.toks[words[-1]].end):
            return None  # a one-word name and no second name in the phrase: the usual readings handle it
        sp = Speaker(self.span_text(words[:p]), "PER", role=self.span_text(words[p:]), head=head_raw, strong=True)
        return self._confirm_with_entity(sp, words[:p])

    def role_chain_name(self, a: int, b: int, seg: list[int]) -> Speaker | None:
        """``سفير خادم الحرمين الشريفين لدى البرتغال الأستاذ سليمان بن …``، ``المشرف على المسابقة، الدكتور …``:
        Saudi and Gulf press put a long role chain (places after لدى/في/ب، bodies after على/عن، commas) before
        a title and the name. The segment reader cuts the chain at its first preposition and keeps only the
        role; here the rest of the zone is read for a title (الأستاذ، الدكتور، صاحب السمو الملكي الأمير …)
        followed by a name — a first name, a tagged person or a nasab (X بن Y). The words before the title
        are the role. An addressee or a companion (مع نظيره الدكتور …، أمام …) ends the search."""
        lex = self.lex
        titles = lex.honorifics | lex.ranks
        end = min(b, a + _MAX_ZONE)
        t = seg[-1] + 1 if seg else a
        while t < end:
            tok = self.toks[t]
            if tok.kind == "punct":
                if tok.text in _COMMAS or tok.text in "()-–.":
                    t += 1
                    continue
                close = self.find_close(t) if self.is_opener(t) else None
                if close is not None and 1 < close - t <= 6 and close + 1 < end:
                    # المحلل لدى "إكس تي بي" ديفيد تشيثام: a quoted body in the role, then the tagged person
                    q = close + 1
                    ent = next((e for e in self.entities if e.type == "PER" and e.start == self.toks[q].start), None)
                    if ent is not None:
                        name = [k for k in range(q, end) if self.toks[k].kind == "word" and self.toks[k].end <= ent.end]
                        r0 = a
                        while r0 < close and self.toks[r0].kind == "word" and self.norm[r0] in lex.honorifics:
                            r0 += 1
                        role_text = self.doc.text[self.toks[r0].start:self.toks[close].end]  # (the closing mark kept)
                        head = self.norm[next(k for k in range(a, b) if self.toks[k].kind == "word")]
                        sp = Speaker(self.span_text(name), "PER", role=role_text, head=head, strong=True)
                        return self._confirm_with_entity(sp, name)
                    t = close + 1
                    continue
                return None  # a colon or a stray quotation mark: the chain is over
            if tok.kind != "word":
                return None
            w = self.norm[t]
            if t > a and w not in titles and tok.start in self.person_starts():
                # أكد عضو مجلس إدارة النادي والمشرف على فريق الكرة مروان دفتردار أن: with no title, the person
                # the tagger found right after the chain — unless an addressee comes just before (لرئيس …)
                prev = self.norm[t - 1] if self.toks[t - 1].kind == "word" else ""
                if prev[:1] == "ل" and (prev[1:] in lex.addressee_nouns or "ا" + prev[2:] in lex.addressee_nouns):
                    return None
                head0 = next((self.norm[k] for k in range(a, t) if self.toks[k].kind == "word" and self.norm[k] not in titles), "")
                if head0 and not (head0 in lex.role_heads or self.bare(head0) in lex.role_heads):
                    return None  # وأبلغ الأحمر الرئيس اليمني X: a name first, then the object's role
                if any(len(self.norm[k]) > 4 and self.toks[k].text.endswith(("ه", "ها", "هم", "هما")) for k in range(a, t)
                       if self.toks[k].kind == "word"):
                    return None  # ووصف حارس أيسلندا تصديه لجزائية ميسي: a possessed noun, the object, comes first
                ent = next(e for e in self.entities if e.type == "PER" and e.start == tok.start)
                name = [k for k in range(t, end) if self.toks[k].kind == "word" and self.toks[k].end <= ent.end]
                role = [k for k in range(a, t) if self.toks[k].kind == "word" or self.toks[k].text in "()"]
                while role and self.toks[role[0]].kind == "word" and self.norm[role[0]] in lex.honorifics:
                    role = role[1:]
                head = self.norm[next(k for k in range(a, b) if self.toks[k].kind == "word")]
                sp = Speaker(self.span_text(name), "PER", role=self.span_text(role) or None, head=head, strong=True)
                return self._confirm_with_entity(sp, name)
            if w in titles:
                prev = self.norm[t - 1] if t > a else ""
                if w in _ROYAL and (prev in lex.institution_heads or self.bare(prev) in lex.institution_heads
                                    or (prev[:1] in "بل" and prev[1:] in lex.institution_heads)):
                    t += 1  # جامعة الملك خالد، بجامعة الإمام محمد بن سعود: the body's name, part of the role
                    continue
                q = t
                while q < end and self.toks[q].kind == "word" and self.norm[q] in titles:
                    q += 1
                if q >= end or self.toks[q].kind != "word":
                    return None
                nxt = q + 1 if q + 1 < end else None
                if not (self.is_first_name(q, nxt) or self.toks[q].start in self.person_starts()
                        or (nxt is not None and self.norm[nxt] in ("بن", "بنت", "ابن"))):
                    return None
                name = self.trim_name([k for k in range(q, end) if self.toks[k].kind == "word"])
                if not name:
                    return None
                role = [k for k in range(a, t) if self.toks[k].kind == "word" or self.toks[k].text in "()"]
                while role and self.toks[role[0]].kind == "word" and self.norm[role[0]] in lex.honorifics:
                    role = role[1:]  # معالي وزير …: the honorific is the person's, not the office's
                role_text = self.span_text(role)
                rank = " ".join(self.toks[m].text for m in range(t, q) if self.norm[m] in lex.ranks)
                if rank:
                    role_text = f"{role_text}، {rank}" if role_text else rank
                head = self.norm[next(k for k in range(a, b) if self.toks[k].kind == "word")]
                sp = Speaker(self.span_text(name), "PER", role=role_text or None, head=head, strong=True)
                return self._confirm_with_entity(sp, name)
            if w == "بعد" and self.norm[t - 1] == "عن":
                t += 1  # عمادة التعلم عن بعد: "remote", part of the body's name
                continue
            if (w in _CHAIN_STOPS or w in lex.time_words or w in lex.comm_nouns or w in lex.relatives
                    or w in lex.pronoun_preps or w in lex.object_nouns or w in _ADVERBIALS or w in _CONNECTORS
                    or self.cue_at(t) is not None or (t > a and self.opens_statement(t))):
                return None  # مع نظيره الدكتور …، خلال لقائه …، في بيان …: not the speaker's role
            t += 1
        return None

    def tagged_after_body(self, role: list[int], name: list[int]) -> tuple[list[int], list[int]] | None:
        """``الرئيسة التنفيذية لمجموعة سنترا الأمريكية جوليا فيرنانديز``: the rules took the company's name for
        the person's; the tagger's person starting later in the phrase (and none on its first word) is the
        name, and the words before it complete the role. Only after a role that ends with a body (لمجموعة،
        لشركة) whose own name has not been read."""
        last = self.norm[role[-1]]
        if not (len(last) > 3 and last[:1] in "بل" and not last.startswith(("بال", "لل"))):
            return None
        first_start = self.toks[name[0]].start
        if any(e.type == "PER" and e.start <= first_start < e.end for e in self.entities):
            return None
        words = [k for k in name if self.toks[k].kind == "word"]
        starts = {self.toks[k].start: i for i, k in enumerate(words)}
        for ent in self.entities:
            i = starts.get(ent.start)
            if ent.type == "PER" and i and i <= 3:
                inside = [k for k in words[i:] if self.toks[k].end <= ent.end]
                if inside:
                    return role + words[:i], inside
        return None

    def glued_place(self, k: int) -> bool:
        """Token ``k`` is a place the tagger found behind a glued preposition (بواشنطن)."""
        t = self.toks[k]
        return any(e.type in ("LOC", "GPE") and t.start < e.start <= t.start + 2 and e.end <= t.end for e in self.doc.entities)

    def name_then_role(self, words: list[int], head_raw: str) -> Speaker | None:
        """``وقالت دانا وايت المتحدثة باسم وزارة الدفاع``، ``وقال فريديريك بافي من نقابة …``: a name the
        first-name list does not know, then its role or affiliation — the name ends at the first role word
        or من/في (at most four bare words; a definite word before it makes a construct phrase, not a name),
        and a role word starts the role."""
        lex = self.lex
        if (head_raw in _FUNCTION_WORDS or self.bare(head_raw) in lex.role_heads or head_raw in lex.role_heads
                or head_raw in lex.honorifics or head_raw in ("سعاده", "فخامه", "جلاله", "دوله")):
            return None  # سعادة الوكيل: an honorific, not a name
        for p in range(1, min(len(words), 5)):
            w = self.norm[words[p]]
            if w in _ADVERBIALS:
                return None  # كوتينيو أكثر من مرة: the adverbial ends the name (read below)
            role_word = w in lex.role_heads or self.bare(w) in lex.role_heads
            if (not role_word and p >= 2 and p + 1 < len(words) and words[p + 1] == words[p] + 1 and not self.is_definite(w)
                    and self.is_definite(self.norm[words[p + 1]]) and not self.is_first_name(words[p], words[p + 1])
                    and w not in _FUNCTION_WORDS and w not in _PREPOSITIONS and len(w) > 2 and w[0] not in "بل"
                    and head_raw not in lex.institution_heads and self.bare(head_raw) not in lex.institution_heads):
                # وقال تاكويا هاشيموتو عالم الفضاء بجامعة …: after a name of two words or more, a bare noun in
                # construct with a definite one opens an apposed role the lexicon does not list (not a
                # preposition's noun: استشاري متخصص بطب الأسنان)
                role_word = True
            if self.is_definite(w) and not role_word:
                return None  # كتاب دائرة الإفتاء، مختصي الاقتصاد: a construct phrase, not a name
            one_tagged = p == 1 and any(e.type == "PER" and e.start == self.toks[words[0]].start for e in self.entities)
            if role_word or (w in ("من", "في") and (p >= 2 or one_tagged)):
                # (موظفون في …، كثير من …: one untagged word + في is a description; تعهدت هاسبل في إفادتها is not)
                if any(self.norm[m] in _FUNCTION_WORDS or self.cue_at(m) is not None or self.is_opener(m - 1)
                       or self.norm[m] in lex.comm_nouns or self.norm[m] in lex.anonymous_heads or self.norm[m] in lex.plural_heads
                       or name_key(self.toks[m].text) in _DOCUMENTS or not self.name_word_ok(m) for m in words[:p]):
                    return None  # (… أنهم يواجهون مشاكل في …: a verb, not a name, before في)
                role = [m for m in words[p:] if self.toks[m].kind == "word"] if role_word else []
                sp = Speaker(self.span_text(words[:p]), "PER", role=self.span_text(role) if role else None, head=head_raw)
                return self._confirm_with_entity(sp, words[:p])
        return None

    def place_starts(self) -> frozenset[int]:
        """Where the ``entities`` component's places and bodies start (character offsets), computed once."""
        starts = getattr(self, "_place_starts", None)
        if starts is None:
            starts = self._place_starts = frozenset(e.start for e in self.doc.entities if e.type in ("LOC", "GPE", "ORG"))
        return starts

    def person_ends_at(self, k: int, first: int) -> bool:
        """A person the ``entities`` component tagged spans tokens ``first`` … ``k``: the phrase so far is a name
        (not مستشار ترامب, where the name is a role's genitive)."""
        s, e = self.toks[first].start, self.toks[k].end
        return any(ent.type == "PER" and ent.end == e and s <= ent.start <= s + 1 for ent in self.entities)

    def person_starts(self) -> frozenset[int]:
        """Where the ``entities`` component's persons start (character offsets), computed once."""
        starts = getattr(self, "_person_starts", None)
        if starts is None:
            starts = self._person_starts = frozenset(e.start for e in self.entities if e.type == "PER")
        return starts

    def titled(self, ent: Entity, titles: frozenset[str]) -> bool:
        """A title from ``titles`` stands within three words before the entity (الأمير فهد، صاحب السمو الملكي …)."""
        k = self.doc.token_index_at(ent.start)
        return any(self.norm[m] in titles or self.bare(self.norm[m]) in titles for m in range(max(0, k - 3), max(0, k)))

    def ent_name(self, ent: Entity, name: str | None = None) -> str:
        """The tagger's name for ``ent`` (its canonical form unless a wrong merge); a first name whose first
        letter the tagger split off as a clitic (فيصل → ف + يصل) gets it back. Memoised for the document:
        resolve() asks it for every tagged person at every short name."""
        memo = getattr(self, "_ent_names", None)
        if memo is None:
            memo = self._ent_names = {}
        key = (ent.start, ent.end, ent.text, ent.canonical, name)
        got = memo.get(key)
        if got is None:
            got = memo[key] = self._ent_name(ent, name)
        return got

    def _ent_name(self, ent: Entity, name: str | None) -> str:
        name = _ent_name(ent) if name is None else name
        lex = self.lex
        if all(w in lex.honorifics or w in lex.ranks or w in lex.role_heads or w in _ROYAL for w in normalize(name).split()):
            # a canonical form that is only a title (الأمير for "فهد بن سلطان … أمير"): the text's own words,
            # without the trailing title
            words = ent.text.split()
            while len(words) > 1 and normalize(words[-1]) in lex.role_heads:
                words.pop()
            name = " ".join(words)
        words = name.split()
        if len(words) > 1 and self.adverb_like_word(normalize(words[-1])):
            name = " ".join(words[:-1])  # قال بومبيو مبتسما: the adverb the tagger took into the name
        k = self.doc.token_index_at(ent.start)
        if 0 <= k < self.n and self.toks[k].start == ent.start - 1 and self.norm[k] in self.lex.first_names:
            words = name.split()
            if words and normalize(words[0]) == self.norm[k][1:]:
                return self.toks[k].text[0] + name
        return name

    def tagged_person(self, words: list[int], head: str, head_raw: str, apposition: list[int]) -> Speaker | None:
        """A person the ``entities`` component tagged inside a subject phrase where the rules read no
        name (``وأعلن السنتاتور الديمقراطي مارك وورنر``: a role word the lexicon lacks), or opening the
        segment after a comma (``السنتاتور الديمقراطي، مارك وورنر،``); the words before it are the role.
        Bodies, outlets and unnamed sources keep their own reading."""
        lex = self.lex
        if (not self.entities or len(words) < 2 or head in lex.institution_heads or head_raw in lex.institution_heads
                or head_raw in lex.outlet_heads or head_raw in lex.anonymous_heads or head in lex.anonymous_heads):
            return None
        app = [k for k in apposition if self.toks[k].kind == "word"]
        if app:
            words = words + app[:1]  # only a name that opens the next segment
        starts = {self.toks[k].start: k for k in words[1:]}
        last_end = self.toks[app[-1]].end if app else self.toks[words[-1]].end
        for ent in self.entities:
            k = starts.get(ent.start)
            if ent.type != "PER" or k is None or ent.end > last_end:
                continue
            before = [m for m in words if m < k]
            if any(self.norm[m] in _PREPS_NEVER_FIRST or not (self.is_definite(self.norm[m]) or self.norm[m] in lex.role_heads)
                   for m in before):
                return None  # a preposition or a bare word before it: an object or a complement, not a role
            role = [m for m in before if self.norm[m] not in lex.honorifics]
            return Speaker(self.ent_name(ent), "PER", role=self.span_text(role) if role else None, head=head_raw,
                           entity_id=ent.entity_id, strong=True)
        return None

    def document_issuer(self, a: int, b: int) -> Speaker | None:
        """``بيان صادر عن وزارة الداخلية``، ``بيان للجيش اللبناني``، ``تقرير وزارة الصحة``: a document
        speaks for the body that issued it."""
        words: list[int] = []
        for k in range(a, b):
            if self.toks[k].kind == "punct" and self.toks[k].text in _COMMAS:
                break
            if self.toks[k].kind == "word":
                words.append(k)
        if len(words) < 2:
            return None
        doc_key = name_key(self.toks[words[0]].text)
        if doc_key in _DATA_DOCUMENTS:
            # الإحصائيات الصادرة عن «ساما»، بيانات «ساما»: figures speak for their issuer only when it is
            # named right there; bare statistics stay records with no speaker.
            if not (self.norm[words[1]] in ("صادره", "الصادره") or self.is_opener(words[0] + 1)):
                return None
        elif doc_key not in _DOCUMENTS and doc_key not in _STUDIES and doc_key not in _TALLY_KEYS:
            return None
        lex = self.lex
        seg = [k for k in range(words[0], words[-1] + 1)]
        rest = words[1:]
        if doc_key in _TALLY_KEYS:
            # حصيلة جديدة أوردها المرصد، تقديرات وزارة المالية، أرقام صادرة عن البنك: a tally speaks for the body that
            # compiled it (settled conventions, rule 9) — named right there, past at most two adjectives.
            while len(rest) > 1 and rest[0] - words[0] <= 2 and self.norm[rest[0]] in _TALLY_ADJECTIVES:
                rest = rest[1:]
            w1 = self.norm[rest[0]]
            if not (self.bare(w1) in _ISSUED or w1 in ("صادره", "الصادره", "صادر", "الصادر") or (w1.startswith("لل") and len(w1) > 4)
                    or w1 in lex.institution_heads or w1 in lex.role_heads
                    or any(e.start == self.toks[rest[0]].start for e in self.entities)):
                return None  # حصيلة جديدة للقتلى، أرقام الاستيراد: no compiler named
        w1 = self.norm[rest[0]]
        stop = seg[-1] + 1
        if w1 in ("الذي", "التي") and len(rest) > 1:
            rest, w1 = rest[1:], self.norm[rest[1]]  # البيان الذي أصدره …
        glued = False
        if doc_key in _STUDIES and doc_key not in _DOCUMENTS and self.bare(w1) not in _ISSUED:
            return None  # دراسة حديثة، تحقيق في الحادث: no author named
        if self.doc_adjective(rest[0]):
            return None  # بيان سعودي، بيان مشترك: an adjective of the document, no issuer
        if self.bare(w1) in _ISSUED:
            # بيان أصدره المتحدث باسم المجلس، نيد برايس: the issuer with its apposition, past the comma
            rest, stop = rest[1:], b
        elif w1 in ("صادر", "الصادر", "صادره", "الصادره"):
            rest = rest[1:]
            if rest and self.norm[rest[0]] in ("عن", "من"):
                rest = rest[1:]
        elif w1.startswith("لل") and len(w1) > 4:
            pass  # بيان للجيش: the ل is glued, read the rest as the body
        elif (w1.startswith("ل") and len(w1) > 4 and len(rest) > 1 and self.is_definite(self.norm[rest[1]])
              and w1[1:] not in self.lex.first_names):
            glued = True  # بيان لقادة الأركان، بيان لوزارة الدفاع: ل glued to a body in construct
        elif self.is_definite(w1) and (w1 in lex.role_heads or w1 in lex.institution_heads or w1 in _REPRESENTATIVES):
            pass  # بيان النائب العام، بيان الوزارة: a definite office or body in construct is the issuer
        elif self.is_definite(w1) or self.norm[rest[0]] in ("عن", "من", "في"):
            return None  # بيان الأمس، بيان عن الوضع
        if not rest:
            return None
        sub = self.parse_speaker(rest[0], stop, glued_l=glued or self.norm[rest[0]].startswith("لل"))
        if sub is None or sub.kind == "DESC" and not sub.role and not glued:
            return None
        if sub.name.startswith("لل"):
            sub = Speaker("ال" + sub.name[2:], sub.kind, role=sub.role, head=sub.head, strong=sub.strong)
        elif glued and sub.name.startswith("ل"):
            sub = Speaker(sub.name[1:], "ORG" if sub.kind == "DESC" else sub.kind, role=sub.role, head=sub.head, strong=sub.strong)
        return sub

    def _confirm_with_entity(self, sp: Speaker, name: list[int]) -> Speaker:
        """Use the NER component's reading of a name the speaker rules found: its canonical form
        (a surname alone becomes the full name seen earlier) and its ``entity_id``.

        Only a PER entity that overlaps the name and starts on a word boundary (or after و/ف)
        counts: the rules already know where the name is, the tagger knows whose it is.
        """
        if not self.entities or not name:
            return sp
        s, e = self.toks[name[0]].start, self.toks[name[-1]].end
        starts = {self.toks[k].start for k in name}
        for ent in self.entities:
            if ent.type != "PER" or ent.end <= s or ent.start >= e:
                continue
            aligned = ent.start in starts or any(
                self.toks[k].start + 1 == ent.start and self.norm[k][:1] in "وف" for k in name
            )
            if aligned:
                ck = set(self.key_of(ent.canonical).split())
                if not ck & set(sp.keys):
                    return sp  # a canonical form sharing no word with the name in the text is a wrong merge
                return Speaker(self.ent_name(ent, ent.canonical), "PER", role=sp.role, head=sp.head, entity_id=ent.entity_id, strong=True)
        return sp

    def topic_before(self, k: int) -> bool:
        """``أما الرئيس الفرنسي فقال``: a topic opened by أما earlier in the sentence."""
        return any(self.norm[m] in ("اما", "واما") and self.word(m + 1) not in _TOPIC_NOT_SUBJECT
                   for m in range(self.sent_start[k], k))

    def look_back(self, cue_k: int) -> Speaker | None:
        """A subject before its cue in the same sentence: ``مجلة "أتلانتيك" الأميركية، رأت أن``."""
        s = self.sent_start[cue_k]
        if cue_k == s:
            return None
        kana = self.kana_subject(s, cue_k)
        if kana is not None:
            return kana
        earlier = self.sabaqa_subject(cue_k)
        if earlier is not None:
            return earlier
        embedded = self.complementizer_subject(cue_k)
        if embedded is not None:
            return embedded
        s = max(s, cue_k - 30)
        segs: list[tuple[int, int]] = []
        a = s
        for k in range(s, cue_k):
            if self.toks[k].text in _COMMAS:
                segs.append((a, k))
                a = k + 1
            elif self.toks[k].text == "." and k + 1 < cue_k and self.toks[k + 1].kind == "word" and self.norm[k + 1][:1] == "و":
                a = k + 1  # …تحت 17 عامًا.وكان رئيس اللجنة X أكد: a sentence glued to the one before
        segs.append((a, cue_k))
        lex = self.lex
        for a, b in reversed(segs):
            ks = [k for k in range(a, b)]
            words = [k for k in ks if self.toks[k].kind == "word"]
            if not words:
                continue
            if self.norm[words[0]] in lex.relatives or self.bare(self.norm[words[0]]) in lex.relatives:
                continue  # a parenthesis: "، وهي من قيادات الحزب،"
            if len(segs) > 1 and all(self.norm[m] in _ADVERBIALS for m in words):
                continue  # "X، أحد مشايخ القبيلة، بدوره، أكد": an adverbial aside between the subject and its verb
            if (self.norm[words[0]] in _PREPS_NEVER_FIRST or self.norm[words[0]] in lex.adjunct_preps) and len(segs) > 1:
                continue  # "مايكل جافين، من بنك باركليز، يشير": an affiliation between subject and verb
            if len(words) > 2 and self.bare(self.norm[words[0]]) in ("يذكر", "يشار", "يلاحظ"):
                # ويذكر أن المكتب الإعلامي للسفارة أكد في بيان "…"، يشار إلى أن الوزارة أعلنت: the writer's
                # aside, then the subject of its clause
                m = 2 if self.norm[words[1]] == "الي" else 1
                if self.norm[words[m]] == "ان" and len(words) > m + 1:
                    words = words[m + 1:]
            while words and (self.norm[words[0]] in lex.leading_fillers or self.norm[words[0]] in _THAT):
                words = words[1:]
            while words and (self.norm[words[-1]] in lex.leading_fillers | lex.time_words or self.norm[words[-1]] in _VERB_PARTICLES):
                words = words[:-1]  # أما وزير الزراعة فقد قال: the particle before the verb is no name
            if not words or self.bare(self.norm[words[0]]) in lex.clause_starters or self.norm[words[0]] in lex.clause_starters:
                return None
            if self.cue_at(words[0]) is not None or len(words) > 8:
                return None
            w0 = self.norm[words[0]]
            heads = lex.role_heads | lex.institution_heads | lex.anonymous_heads
            if w0[:1] == "و" and not self.is_definite(w0) and w0 not in heads and w0[1:] not in heads:
                return None  # وأصدرت اللجنة …: a clause, not a subject
            a_char, b_char = self.toks[words[0]].start, self.toks[words[-1]].end
            si = segs.index((a, b))
            if si > 0 and (self.norm[words[0]] in ("احد", "احدي") or self.norm[words[0]] in lex.role_heads) \
                    and not self.is_definite(self.norm[words[0]]):
                # الشيخ فلان، أحد مشايخ القبيلة، اعتبر أن: an indefinite description in apposition; the name before
                # it (the tagger's person, all of the segment before the comma) is the subject
                pa, pb = segs[si - 1]
                pw = [m for m in range(pa, pb) if self.toks[m].kind == "word"]
                if pw and len(pw) <= 6:
                    ent = next((e for e in self.entities if e.type == "PER" and self.toks[pw[0]].start <= e.start
                                and e.end == self.toks[pw[-1]].end), None)
                    if ent is not None:
                        return Speaker(self.ent_name(ent), "PER", role=self.span_text(words), head=self.norm[pw[0]],
                                       entity_id=ent.entity_id, strong=True)
            for ent in self.entities:
                if ent.type == "PER" and a_char <= ent.start and ent.end <= b_char and ent.start > a_char:
                    # "بحث أجراه مايكل جافين، … يشير": a person the tagger found inside a longer subject
                    return Speaker(self.ent_name(ent), "PER", head=self.norm[words[0]], entity_id=ent.entity_id, strong=True)
            return self.parse_speaker(words[0], words[-1] + 1)
        return None

    def complementizer_subject(self, cue_k: int) -> Speaker | None:
        """``لأن السلطات تعتبر أن``، ``رغم أن مفتشي الأمم المتحدة يقولون إن``، ``بل إن إحدى الساكنات قالت إن``:
        after إنّ/أنّ (or لأن، فإن، لكنّ) the embedded clause puts its subject first, so the short noun phrase
        between the particle and the cue is the cue's subject — when it reads as a name, a body, a role or a
        group and agrees with the cue's gender and number."""
        s = self.sent_start[cue_k]
        p = cue_k - 1
        while p > s and cue_k - p <= 7 and self.toks[p].kind == "word" and self.norm[p] not in _COMPLEMENTIZERS:
            p -= 1
        if self.norm[p] not in _COMPLEMENTIZERS or p >= cue_k - 1 or self.toks[p].kind != "word":
            return None
        if any(self.norm[m] in _VERB_PARTICLES or self.cue_at(m) is not None or self.norm[m] in self.lex.relatives
               for m in range(p + 1, cue_k)):
            return None
        cue = self.cue_at(cue_k)
        gender = cue[0].gender if cue else None
        end = next((m for m in range(p + 2, cue_k) if self.bare(self.norm[m]) in _KANA_SISTERS), cue_k)
        sp = self.parse_speaker(p + 1, end)  # (خاصة أن الثنائي ظلا يؤكدان: the subject ends before ظل)
        if sp is None:
            return None
        lex = self.lex
        plural = self.speaker_gender(sp, None) == "pl"
        if not plural and gender == "pl" and len(sp.keys) > 1 and len(sp.head) > 3 and sp.head.endswith("ي"):
            plural = True  # مفتشي الأمم المتحدة يقولون: a sound plural in construct, with a plural verb
        if gender == "pl" and not plural:
            return None
        if gender in ("m", "f") and plural and sp.kind == "DESC" and not self.lex.anonymous_heads & {sp.head}:
            return None
        if gender == "f" and sp.kind == "PER" and self.speaker_gender(sp, None) == "m":
            return None
        head = self.bare(sp.head) if sp.head else ""
        if not (sp.strong or plural or sp.kind == "ORG" or sp.head in lex.role_heads or head in lex.role_heads
                or sp.head in lex.anonymous_heads or head in lex.anonymous_heads
                or any(e.type in ("PER", "ORG") and self.toks[p + 1].start <= e.start < self.toks[cue_k].start for e in self.entities)):
            return None
        return sp

    def sabaqa_subject(self, cue_k: int) -> Speaker | None:
        """``وسبق لترمب أن أكد``، ``وسبق للوزير خالد الراشد أن قال``: in the سبق لـX أن + cue frame ("X had
        already said") the speaker is X, glued to ل, between سبق and أن right before the cue."""
        if cue_k < 3 or self.word(cue_k - 1) not in ("ان", "وان"):
            return None
        m = cue_k - 2
        while m > max(self.sent_start[cue_k], cue_k - 9) and self.bare(self.norm[m]) not in ("سبق", "سبقت"):
            m -= 1
        if self.bare(self.norm[m]) not in ("سبق", "سبقت") or m + 1 >= cue_k - 1 or not self.norm[m + 1].startswith("ل"):
            return None
        sp = self.parse_speaker(m + 1, cue_k - 1, glued_l=True)
        if sp is None:
            return None

        def unglue(text: str | None) -> str | None:
            if not text or not text.startswith("ل"):
                return text
            return "ال" + text[2:] if text.startswith("لل") else text[1:]

        name, role = unglue(sp.name), unglue(sp.role)
        if not name:
            return None
        return Speaker(name, sp.kind, role=role, head=sp.head, entity_id=sp.entity_id, strong=sp.strong)

    def kana_subject(self, s: int, cue_k: int) -> Speaker | None:
        """``وكان وزير الدفاع، أفيغدور ليبرمان، قد قال إن``: in the كان … قد + cue frame the subject comes
        right after كان, before the first comma, and asides may stand between it and قد — a person the
        ``entities`` component tagged there is the speaker."""
        if cue_k < s + 3 or self.norm[cue_k - 1] not in _VERB_PARTICLES or self.bare(self.norm[s]) not in ("كان", "كانت"):
            return None
        commas = [m for m in range(s + 1, cue_k - 1) if self.toks[m].text in _COMMAS][:2]
        if not commas or commas[0] == s + 1:
            return None  # no aside: the usual reading before the cue finds the subject
        a_char = self.toks[s + 1].start
        for n, end in enumerate(commas):  # the subject, or a role then its name in apposition
            b_char = self.toks[end - 1].end
            for ent in self.entities:
                if ent.type == "PER" and a_char <= ent.start and ent.end <= b_char:
                    return Speaker(self.ent_name(ent), "PER", entity_id=ent.entity_id, strong=True)
            if n == 0 and not any(self.bare(self.norm[m]) in self.lex.role_heads or self.norm[m] in self.lex.role_heads
                                  for m in range(s + 1, min(s + 3, end))):
                break  # only a role is followed by its holder's name
        return None  # (a description there, فريق طبي تابع لمنظمة …, is read too loosely to be kept)

    # --- resolution -----------------------------------------------------------------------
    def person_names(self) -> list[tuple[str, tuple[str, ...], str | None]]:
        """(name, its key words, entity id) of every tagged person in text order, built once per document."""
        table = getattr(self, "_person_names", None)
        if table is None:
            table = self._person_names = [(full, tuple(self.key_of(full).split()), e.entity_id) for e in self.entities
                                          if e.type == "PER" for full in (self.ent_name(e, e.canonical),)]
        return table

    def resolve(self, sp: Speaker, at: int | None = None, near_ok: bool = False) -> Speaker:
        """Surname → full name, bare role → its holder, anaphoric noun → the body it names.

        ``at`` (a token index) is where the speaker is mentioned: a role whose holder is named only
        outside speech (قرار وزير الأوقاف، عبدالناصر أبو البصل … وذكر وزير الأوقاف) resolves to the
        holder named nearest before it, else first after it."""
        keys = sp.keys
        if keys and keys[0] in _HONORIFIC_PRONOUNS:
            for h in reversed(self.history):
                if h.kind == "PER":
                    return h
            if at is not None:
                cue_char = self.toks[min(at, self.n - 1)].start
                named = [e for e in self.entities if e.type == "PER" and e.end <= cue_char]
                titled = [e for e in named if self.titled(e, _HONORIFIC_TITLES.get(self.norm[min(at, self.n - 1)], frozenset()))]
                if titled or named:  # the person the text named last before "سموه" with a prince's title, else any
                    ent = (titled or named)[-1]
                    return Speaker(self.ent_name(ent), "PER", head=sp.head, entity_id=ent.entity_id, strong=True)
        if sp.same or (len(keys) == 1 and sp.kind in ("DESC", "ORG") and sp.role in (None, sp.name) and sp.head in _ONE_SOURCE):
            # المصدر نفسه، المسؤول، المراسل: the one source or official cited before — introduced with the same
            # head (مصدر أمني … المصدر; مصادر … المصادر نفسها), else, for a reflexive, the speaker of the latest
            # quotation. (A bare plural — الخبراء، الباحثون، البعض — is a group of its own.)
            stem = sp.head[2:]
            for h in reversed(self.history):
                if h is not sp and h.keys != keys and h.head and (h.head.startswith(stem) or h.head[2:].startswith(stem)):
                    return h
            if sp.same:
                last = next((q.speaker for q in reversed(self.quotes) if q.speaker), None)
                for h in reversed(self.history):
                    if h.name == last and h.keys != keys:
                        return h
        if len(keys) > 1 and sp.role is None and not sp.entity_id:
            for h in reversed(self.history):
                if (h.kind == "PER" and len(h.keys) > 1 and h.keys[-1] == keys[0] and h.keys != keys
                        and self.is_definite(normalize(h.name.split()[-1])) == self.is_definite(normalize(sp.name.split()[0]))):
                    return h  # وختم الحميقاني تصريحاته …: a known surname, then the object (written alike: the
                    # common noun of مشايخ القبائل is no surname of قبائل صعدة, nor هذه المصادر of مصادر مطلعة)
        if sp.role is None and len(keys) > 1 and keys[0] in self._honorific_keys:
            keys = tuple(k for k in keys if k not in self._honorific_keys)  # الدكتور المزروع → المزروع
        if sp.kind in ("PER", "DESC", "ORG") and 0 < len(keys) <= 2 and sp.role is None and keys[-1] not in self.lex.role_heads:
            for h in reversed(self.history):
                if h.kind == "PER" and len(h.keys) > len(keys) and _contains(h.keys, keys):
                    return h
            for full, ek, eid in self.person_names():
                if len(ek) > len(keys) and _contains(ek, keys):
                    return Speaker(full, "PER", head=sp.head, entity_id=eid)
        sk = sp.keys  # (``keys`` may have lost an honorific: أمير)
        if ((sp.kind == "DESC" or (sp.kind == "PER" and not sp.strong and sk and sk[0] in ("امير", "اميره")))
                and not sp.role and at is not None and 1 <= len(sk) <= 4
                and (sk[0] in self.lex.role_heads or sk[0] in ("امير", "اميره"))):
            # وقال السفير، وأكد أمير منطقة الجوف: an office whose holder was named once outside speech
            holder = self.role_holder(replace(sp, role=sp.name, role_keys=()), at, near_ok)
            if holder is not None:
                return holder
        if sp.kind == "DESC" and sp.role_keys:
            for h in reversed(self.history):
                if h.kind == "PER" and h.role_keys and _contains(h.role_keys, sp.role_keys):
                    return h
            if sp.role and self.is_definite(normalize(sp.role.split()[0])):
                # المهاجم الأوروغوياني after "إدينسون كافاني، مهاجم باريس سان جيرمان": same office head
                for h in reversed(self.history):
                    if h.kind == "PER" and h.role_keys and h.role_keys[0] == sp.role_keys[0]:
                        return h
            if at is not None:
                holder = self.role_holder(sp, at, near_ok)
                if holder is not None:
                    return holder
            if at is not None:
                described = self.nisba_holder(sp, at)
                if described is not None:
                    return described
            headline = self.headline_person(sp)
            if headline is not None:
                return headline
            first = normalize(sp.role.split()[0]) if sp.role else ""
            if self.is_definite(first) and first in self.lex.role_heads and first not in self.lex.anonymous_heads:
                # A definite description never named with its holder (المهاجم الأوروغوياني, النجم
                # البرتغالي) refers back to the latest person of its gender.
                g = "f" if first.endswith("ه") else "m"
                for h in reversed(self.history):
                    if h.kind != "PER" or h.gender == "pl":
                        continue  # (معجبو حديد … قالت العارضة: a group is never the one described)
                    if (h.gender is None or h.gender == g) and (not h.role_keys or h.role_keys[0] == sp.role_keys[0]
                                                                 or set(h.role_keys) & set(sp.role_keys[1:])):
                        return h  # a person whose office is unknown or the same, or who was introduced with a word
                        # of the description (الصربي فوك رازوفيتش … وأضاف المدرب الصربي)
                    break
        if sp.kind == "DESC" and at is not None and sp.head in self.lex.outlet_heads and not self.is_definite(sp.head) and len(keys) > 1:
            named = self.named_outlet(sp.head, at, unique=True)  # صحيفة بريطانية … صحيفة "غارديان"
            if named is not None:
                return named
        if len(keys) == 1 and sp.kind in ("ORG", "DESC"):
            head = keys[0]
            if at is not None and head in _STUDIES and self.is_definite(sp.head):
                author = self.study_author(at)
                if author is not None:
                    return author  # بحثا أجراه مايكل جافين … وقال التقرير: the study's author
            if head in self.lex.anaphoric_docs or "ال" + head in self.lex.anaphoric_docs:
                for h in reversed(self.history):
                    if h.kind == "ORG":
                        return h
            for h in reversed(self.history):
                hk = h.head[2:] if h.head.startswith("ال") else h.head
                if h is not sp and hk and hk == head and h.keys != keys:
                    return h
        if 1 <= len(keys) <= 2 and sp.kind in ("ORG", "DESC") and self.is_definite(sp.head):
            # الصحيفة، المجلة الأميركية: the outlet named earlier.
            if sp.head in self.lex.outlet_heads:
                if len(keys) == 1 and at is not None:
                    named = self.named_outlet(sp.head, at, unique=False)  # وذكرت القناة … after قناة "X"
                    if named is not None:
                        return named
                for h in reversed(self.history):
                    if h.head in self.lex.outlet_heads and not self.is_definite(h.head):
                        return h
            head = keys[0]
            for h in reversed(self.history):
                hk = h.head[2:] if h.head.startswith("ال") else h.head
                if hk == head and h.keys != keys and not self.is_definite(h.head):
                    return h
            if len(keys) == 1 and at is not None and sp.head in self.lex.institution_heads:
                named = self.named_body(head, at)
                if named is not None:
                    return named  # قالت الوزارة … after "وزارة الصحة" named outside speech
            if at is not None and sp.head in _BODY_ANAPHORS and len(keys) == 1:
                # وكشفت الشركة … after "أعلنت "زين السعودية""، وقالت الشركة … after فيسبوك. (Not with an adjective,
                # الشركة الأوكرانية: a tagged name does not say it is Ukrainian.)
                named = self.topic_body(at)
                if named is not None:
                    return named
        return sp

    def headline_person(self, sp: Speaker) -> Speaker | None:
        """``علي بن الحسين: بلاتيني جزء من نظام بلاتر`` as the title, then ``أكد نائب رئيس الفيفا السابق``: an
        office or description with no holder in the text (a definite one — the X of Y — not an unnamed
        source) is the person the headline quotes, when the text tags that person and no other person was
        introduced with this office."""
        title = self.doc.title or ""
        if ":" not in title or not sp.role:
            return None
        words = sp.role.split()
        first = normalize(words[0])
        bare = first[2:] if first.startswith("ال") else first
        lex = self.lex
        if (first in lex.anonymous_heads or bare in lex.anonymous_heads or "ال" + bare in lex.anonymous_heads
                or not (first in lex.role_heads or bare in lex.role_heads or "ال" + bare in lex.role_heads)
                or not any(self.is_definite(normalize(w)) for w in words)):
            return None
        left = title.split(":")[0].strip()
        lk = tuple(self.key_of(left).split())
        if not 1 <= len(lk) <= 4:
            return None
        gender = "f" if bare.endswith("ه") else "m"
        for ent in self.entities:
            ek = tuple(self.key_of(ent.canonical).split())
            if ent.type == "PER" and ek and (_contains(ek, lk) or _contains(lk, ek)):
                for h in self.history:
                    if h.kind == "PER" and (h.entity_id == ent.entity_id or h.keys == ek):
                        if h.gender not in (None, gender):
                            return None
                        if h.role_keys and h.role_keys[0] == sp.role_keys[0] and not _contains(h.role_keys, sp.role_keys):
                            return None  # introduced with another office of the same head: not this one
                        return h
                return Speaker(self.ent_name(ent), "PER", entity_id=ent.entity_id, strong=True)
        return None

    def nisba_holder(self, sp: Speaker, at: int) -> Speaker | None:
        """``اللاعب البلجيكي`` after ``البلجيكي إيدين هازارد``: a definite role with a nisba adjective refers to
        the one person the text introduced with that adjective right before or after the name (``الإيطالي
        ماريو``، ``ماريو، الإيطالي``) — the nearest before the mention, else the first after; only when the
        adjective introduces exactly one person."""
        lex = self.lex
        words = [normalize(w) for w in (sp.role or "").split()]
        if len(words) != 2 or words[0] not in lex.role_heads or words[0] in lex.anonymous_heads:
            return None
        nisba = words[1]
        if not (self.is_definite(nisba) and nisba.endswith(("ي", "يه")) and len(nisba) > 5):
            return None
        found: dict[str, tuple[int, Entity]] = {}
        for ent in self.entities:
            if ent.type != "PER":
                continue
            k = self.doc.token_index_at(ent.start)
            if not 0 < k < self.n:
                continue
            after = self.doc.token_index_at(ent.end)
            while after < self.n and self.toks[after].start < ent.end:
                after += 1
            if after < self.n and self.toks[after].text in _COMMAS:
                after += 1
            if nisba in (self.norm[k - 1], self.bare(self.norm[k - 1])) or (after < self.n and nisba in (self.norm[after], self.bare(self.norm[after]))):
                found.setdefault(self.key_of(self.ent_name(ent)), (k, ent))
        if len(found) != 1:
            return None
        _, ent = next(iter(found.values()))
        return Speaker(self.ent_name(ent), "PER", role=sp.role, entity_id=ent.entity_id, strong=True)

    def study_author(self, at: int) -> Speaker | None:
        """The author of the study or investigation a definite ``التقرير``/``التحقيق``/``الدراسة`` refers to: the
        latest one introduced before ``at`` with who made it (بحثا أجراه مايكل جافين، تحقيق نشرته صحيفة …)."""
        for i in range(min(at, self.n) - 1, max(-1, at - 600), -1):
            if self.toks[i].kind != "word" or self.is_definite(self.norm[i]) or self.tok_key(i) not in _STUDIES:
                continue
            j = i + 1
            if j < self.n and self.norm[j] in ("الذي", "التي"):
                j += 1
            if j >= self.n or not (self.bare(self.norm[j]) in _ISSUED or self.norm[j].startswith("لل")):
                continue  # تقرير حقوقي، تقرير جديد: no author named with it
            # the author's phrase ends at the next verb-like word (توقع تقرير للرياض المالية تسارع نمو …)
            stop = next((m for m in range(j + 2, min(self.sent_end[i], j + 12)) if self.verb_like(m) or self.cue_at(m) is not None),
                        min(self.sent_end[i], j + 12))
            author = self.document_issuer(i, stop)
            if author is not None:
                return self.resolve(author, i, near_ok=True)
        return None

    def fronted_cue(self, c: int) -> int | None:
        """A verb cue with its complement after a subject of a few words at ``c`` (فإن المحقق السابق لاري فانس
        قال: …), in the same clause (no comma or other verb cue between): the cue's token, else None."""
        for m in range(c + 1, min(self.sent_end[c] if c < self.n else c, c + 12)):
            t = self.toks[m]
            if t.kind == "punct" and t.text not in _OPENERS and t.text not in _CLOSERS:
                return None
            cue = self.cue_at(m) if t.kind == "word" else None
            if cue is not None:
                if cue[1] or cue[0].pos != "verb" or cue[0].gender is None:
                    return None  # (وأضاف …: a new clause; a participle or verbal noun: no subject before it)
                found = self.scan_complement(m + 1, cue[0].strict)
                # أن/إن or a colon at once (not a quotation, which may be a name: سفينة تدعى "W.Gordon" … أو أنها)
                return m if found is not None and found[0] in ("that", "colon") and found[1] <= m + 2 else None
        return None

    def publisher(self, k: int) -> Speaker | None:
        """``أصدرت قبائل صعدة، الأربعاء، بياناً أكدت فيه أن``، ``بثت وكالة "أعماق" فيديو زعمت أنه``: a verb cue
        with no subject of its own, in a relative clause on a publication (بيان، تغريدة، فيديو …) — right
        after the noun, or further with فيه/فيها — speaks for whoever published it: the subject between the
        publishing verb and the noun. None when no such verb governs the noun."""
        s0 = self.sent_start[k]
        resumptive = self.word(k + 1) in ("فيه", "فيها")
        noun = None
        for m in range(k - 1, max(s0, k - (10 if resumptive else 1)) - 1, -1):
            if self.toks[m].kind == "word" and not self.is_definite(self.norm[m]) and self.tok_key(m) in _PUBLICATIONS:
                noun = m
                break
            if self.toks[m].text in _SENT_END or self.cue_at(m) is not None:
                break
        if noun is None:
            return None
        verb = next((m for m in range(noun - 1, max(s0, noun - 12) - 1, -1)
                     if self.toks[m].kind == "word" and self.bare(self.norm[m]) in _ISSUING_VERBS), None)
        if verb is None or verb + 1 >= noun:
            return None  # (وكان … قد نشر تغريدة: the subject stands before the verb — not read here)
        end = next((m for m in range(verb + 1, noun) if self.toks[m].text in _COMMAS), noun)
        sp = self.parse_speaker(verb + 1, end) if end > verb + 1 else None
        if sp is None or (sp.keys and (sp.keys[0] in _PUBLICATIONS or sp.keys[0] in self._record_keys)):
            return None
        return self.resolve(sp, verb)

    def relayed_document(self, a: int, b: int) -> Speaker | None:
        """``نقلت رويترز بيان زيد رعد الحسين والذي قال فيه``، ``البيان الصحفي لساندرز والذي قالت فيه``: an outlet
        relays a document, and a relative clause with a cue and فيه says what its author said — the person
        tagged after the document word speaks, not the outlet."""
        doc_m = next((m for m in range(a, b) if self.tok_key(m) in _DOCUMENTS or self.tok_key(m) in ("تصريح", "تصريحات", "كلمه")), None)
        if doc_m is None:
            return None
        rel = next((m for m in range(doc_m + 1, b) if self.bare(self.norm[m]) in _RELATIVE_PRONOUNS or self.norm[m] in _RELATIVE_PRONOUNS), None)
        if rel is None or rel + 1 >= b or self.cue_at(rel + 1) is None:
            return None
        lo, hi = self.toks[doc_m].end, self.toks[rel].start
        for ent in self.entities:
            if ent.type == "PER" and lo <= ent.start and ent.end <= hi:
                return self.resolve(Speaker(self.ent_name(ent), "PER", entity_id=ent.entity_id, strong=True), doc_m)
        return None

    def topic_body(self, at: int) -> Speaker | None:
        """The company or club a bare ``الشركة``/``النادي``/``الفريق`` (or ``الشركة الإسرائيلية``) refers to: the
        organisation the ``entities`` component tagged most often before token ``at`` under a proper name (not
        ``وزارة …``, ``مجلس …``), the latest one on a tie."""
        lex = self.lex
        limit = self.toks[min(at, self.n - 1)].start
        counts: dict[str, list] = {}
        for ent in self.entities:
            if ent.type != "ORG" or ent.end > limit:
                continue
            first = normalize(ent.text.split()[0]) if ent.text.split() else ""
            if (first in lex.institution_heads or self.bare(first) in lex.institution_heads or first in lex.outlet_heads
                    or first in lex.anonymous_heads or first in lex.role_heads or self.is_definite(first) or first in _CURRENCIES):
                continue
            name = self.ent_name(ent)
            row = counts.setdefault(self.key_of(name), [0, 0, name, ent])
            row[0] += 1
            row[1] = ent.start
        if not counts:
            return None
        _, _, name, ent = max(counts.values(), key=lambda r: (r[0], r[1]))
        return Speaker(name, "ORG", head=normalize(name.split()[0]), entity_id=ent.entity_id, strong=True)

    def named_body(self, head: str, at: int) -> Speaker | None:
        """The body a bare anaphoric noun (الوزارة، الشركة، الهيئة) refers to: the latest ``وزارة …``
        named before token ``at`` in the text with the definite words after it (وزارة الخارجية الإماراتية)."""
        for i in range(min(at, self.n) - 1, -1, -1):
            if head not in self.norm[i] or self.is_definite(self.norm[i]) or self.tok_key(i) != head:
                continue
            end = i + 1
            while end < min(self.sent_end[i], i + 6) and self.word(end) and self.is_definite(self.word(end)) and self.cue_at(end) is None:
                end += 1  # وزارة الخارجية الإماراتية: the head and its definite words, nothing after them
            if end == i + 1:
                continue  # شركة أير فرانس، حركة طالبان: a bare name is not delimited safely here
            if head in _DOCUMENTS:  # وأضاف البيان after "بيان النائب العام": the issuer speaks
                return self.document_issuer(i, end)
            return Speaker(self.span_text(list(range(i, end))), "ORG", head=self.norm[i])
        return None

    def role_holder(self, sp: Speaker, at: int, near_ok: bool = False) -> Speaker | None:
        """A person named with this role anywhere in the text (``وزير الأوقاف الأردني، عبدالناصر
        أبو البصل``), nearest before ``at`` first. Unnamed-source heads (مسؤول، مصدر) never resolve:
        an anonymous official is not the named one."""
        lex = self.lex
        first = sp.role.split()[0] if sp.role else ""
        nf = normalize(first)
        if not sp.role_keys or nf in lex.anonymous_heads or self.bare(nf) in lex.anonymous_heads:
            return None
        rk = sp.role_keys
        n = min(2, len(rk))  # match on the head pair: وزير الأوقاف الأردني ~ وزير الأوقاف والمقدسات …
        head = rk[0]
        wanted = set(rk)
        before: Speaker | None = None
        after: Speaker | None = None
        for i in range(self.n - n + 1):
            # A cheap substring test first: keying every word of a long article costs more than the rest.
            if head not in self.norm[i] or self.tok_key(i) != head:
                continue
            if n > 1 and tuple(self.tok_key(m) for m in range(i + 1, i + n)) != rk[1:n]:
                continue
            if i > 0 and self.bare(self.word(i - 1)) in lex.role_heads:
                continue  # نائب الرئيس is not الرئيس
            if at < i <= at + 4 and not near_ok:
                continue  # the mention being resolved, right after its cue
            if before is not None and i > at:
                break
            if after is not None:
                break
            end = i + n
            limit = min(self.sent_end[i], i + n + 8)
            while (end < limit and self.cue_at(end) is None and not self.is_opener(end)
                   and self.word(end) not in _THAT and self.word(end) not in _AND_THAT and self.word(end) not in _VERB_PARTICLES):
                w = self.word(end)
                if w and end > i + n and (w in _PREPS_NEVER_FIRST or w in lex.adjunct_preps or w.startswith("بال")):
                    break  # the object or an adjunct after the name
                end += 1
            if end < limit and self.cue_at(end) is not None and end == i + n:
                continue  # the mention itself, right before its cue: no name follows it
            named_before, role_end = self.name_before_role(i, n)
            cand = None
            titled = False  # read from a title or the tagger, not from the short phrase rules
            if named_before is None or not (role_end < self.n and self.toks[role_end].text in _COMMAS):
                # (الأمير X أمير منطقة الجوف، وفد الغرفة: after a comma the name before the role wins)
                cand = self.parse_speaker(i, end)
                if cand is None or cand.kind != "PER" or not cand.strong or not cand.role_keys:
                    cand, titled = self.chain_holder(i, n), True
            if cand is None or cand.kind != "PER" or not cand.strong or not cand.role_keys:
                cand, titled = named_before, True
            if cand is None or cand.kind != "PER" or not cand.strong or not cand.role_keys:
                continue
            if any(w[:1] == "و" and (w[1:] in lex.role_heads or "ال" + w[1:] in lex.role_heads)
                   for w in normalize(cand.role or "").split()[1:]):
                continue  # بين أمير قطر والرئيس التركي رجب طيب أردوغان: two offices, the name is the second one's
            if (cand.role and sp.role and self.is_definite(normalize(cand.role.split()[0])) != self.is_definite(normalize(sp.role.split()[0]))
                    and not (titled and len(sp.role.split()) == 1 and head not in ("رئيس", "رئيسه"))):
                continue  # الرئيس (the president) is not رئيس الوزراء (but السفير is the سفير … named with a title before)
            ck = set(cand.role_keys) - {name_key(r) for r in lex.ranks}
            # قائد أتليتكو المخضرم ~ قائد أتليتكو مدريد: the office's words agree but for adjectives that only
            # describe (not a nationality, which would tell another holder)
            described = {name_key(w) for w in (sp.role or "").split()[n:]
                         if self.is_definite(normalize(w)) and not normalize(w).endswith(("ي", "يه"))}
            core = wanted - described
            if cand.role_keys[0] != head or not (ck <= wanted or wanted <= ck or (len(core) >= 2 and core <= ck)) \
                    or cand.keys == sp.keys:
                continue
            if i <= at:
                before = cand
            else:
                after = cand
        return before or after

    def chain_holder(self, i: int, n: int) -> Speaker | None:
        """The person named after a long role chain that starts at token ``i`` (``n`` words matched) when the
        short reading finds none: سفير … لدى البرتغال الأستاذ X."""
        end = i + n
        limit = min(self.sent_end[i], i + _MAX_ZONE)
        while end < limit and self.cue_at(end) is None and not self.is_opener(end) and self.word(end) not in _THAT:
            end += 1
        segs = self.cut_phrase(i, end)
        return self.role_chain_name(i, end, segs[0]) if segs else None

    def name_before_role(self, i: int, n: int) -> tuple[Speaker | None, int]:
        """``الأمير X بن Y أمير منطقة الجوف``: the person named right before the role mention at ``i``, and
        the token after the role phrase."""
        end = min(self.sent_end[i], i + _MAX_ZONE)
        role_end = i + n
        while role_end < end and self.toks[role_end].kind == "word" and (
                self.is_definite(self.norm[role_end]) or self.norm[role_end] in self.lex.institution_heads):
            role_end += 1  # أمير منطقة الجوف، وزير الخارجية الأردني
        role = self.span_text(list(range(i, role_end)))
        prev = i - 1
        if prev > 0 and self.toks[prev].text in _COMMAS and self.toks[prev - 1].kind == "word":
            prev -= 1  # وأوضح أحمد الفارس؛ مدير عام المؤسسة، أن: the name, a comma, then its office in apposition
            close = next((m for m in range(role_end, min(end, i + n + 8)) if self.toks[m].kind != "word"), None)
            if close is not None and close > role_end and self.toks[close].text in _COMMAS:
                # زين الدين زيدان، المدير الفني لفريق ريال مدريد الإسباني، إنه: the whole office, to its closing comma
                role_end = close
                role = self.span_text(list(range(i, role_end)))
        if prev < 0 or self.toks[prev].kind != "word":
            return None, role_end
        titles = self.lex.honorifics | self.lex.ranks
        for ent in self.entities:
            if ent.type == "PER" and ent.start < self.toks[prev].end <= ent.end and ent.start >= self.toks[max(0, prev - 8)].start:
                first = self.doc.token_index_at(ent.start)
                pre = first - 1
                if pre > 0 and self.is_definite(self.norm[pre]) and self.norm[pre].endswith("ي") and (
                        self.toks[pre - 1].kind == "punct" or self.cue_at(pre - 1) is not None):
                    pre -= 1  # اعتبر الإسباني غابي قائد أتليتكو مدريد: a nationality before the name
                if not (pre < 0 or (self.toks[pre].kind == "punct" and self.toks[pre].text not in _OPENERS)
                        or self.norm[pre] in titles or self.cue_at(pre) is not None):
                    # (a title, a clause start or a reporting verb before the name: وقال X المتحدث …)
                    return None, role_end  # أمهل ترامب الممثل الأميركي للتجارة: a subject, then its object
                name = self.ent_name(ent)
                words = name.split()
                while len(words) > 1 and (normalize(words[-1]) in self.lex.role_heads or normalize(words[-1]) in ("امير", "اميره")):
                    words.pop()  # (the tagger took the role's first word into the name)
                return Speaker(" ".join(words), "PER", role=role, entity_id=ent.entity_id, strong=True), role_end
        # An untagged nasab after a title: الأستاذ سليمان بن عبدالرحمن بن ناصر سفير …
        m = prev
        while m > max(0, prev - 8) and self.toks[m - 1].kind == "word" and self.norm[m - 1] not in titles:
            m -= 1
        if m > 0 and self.norm[m - 1] in titles and any(self.norm[x] in ("بن", "بنت") for x in range(m, prev)) \
                and self.is_first_name(m, m + 1):
            return Speaker(self.span_text(list(range(m, prev + 1))), "PER", role=role, strong=True), role_end
        return None, role_end

    def stance_subject(self, k: int) -> None:
        """Remember the subject of a stance verb at a clause start (رحب، أدان، هنأ …): no quotation
        itself, but the one a following participle or وأضاف refers to (وأيد ماس نظيره قائلا: …)."""
        lex = self.lex
        end = min(self.sent_end[k], k + 7)
        stop = k + 1
        while stop < end:
            t = self.toks[stop]
            if t.kind == "punct" and stop > k + 1 and self.is_opener(stop):
                close = self.find_close(stop)
                if close is not None and close - stop <= 6 and close + 1 < self.sent_end[k]:
                    # وأشادت شبكة "إي بي سي نيوز" الأميركية بـ…: a quoted name inside the subject
                    end = min(self.sent_end[k], max(end, close + 3))
                    stop = close + 1
                    continue
            if t.kind == "punct" or self.cue_at(stop) is not None:
                break
            w = t.norm
            if w in ("بن", "ابن", "بنت", "ال") and end < self.sent_end[k]:
                end += 1  # الأمير فيصل بن خالد: a link word does not count against the subject's length
            if w == "من" and stop == k + 2 and name_key(self.toks[k + 1].text) in _PARTITIVES:
                end = min(self.sent_end[k], end + 2)
                stop += 1  # استنكر عدد من المسؤولين: a partitive group, read whole
                continue
            if stop > k + 1 and (w in _PREPS_NEVER_FIRST or w in lex.adjunct_preps or w.startswith("بال")):
                break
            stop += 1
        if stop <= k + 1:
            return
        a_char, b_char = self.toks[k + 1].start, self.toks[stop - 1].end
        sp: Speaker | None = None
        held = self.role_then_person(k + 1, stop)
        if held is not None:
            self.remember(held, "f" if self.bare(self.norm[k]).endswith("ت") else "m")
            return
        if self.norm[k + 1] in _HONORIFIC_PRONOUNS:
            # وعبر سموه عن استنكاره …، مبينا أن: the person the honorific stands for
            sp = self.resolve(Speaker(self.toks[k + 1].text, "PER", head=self.norm[k + 1]), k + 1)
            if sp.keys and sp.keys[0] not in _HONORIFIC_PRONOUNS:
                self.remember(sp, "f" if self.norm[k + 1].endswith("ها") else "m")
            return
        first_key = name_key(self.toks[k + 1].text)
        for h in reversed(self.history):
            if h.kind == "PER" and first_key in h.keys:
                sp = h  # وانتقد كافاني نيمار: a known speaker's surname, then the object
                break
        for ent in self.entities if sp is None else ():
            if ent.start == a_char or (ent.start == a_char + 1 and self.norm[k + 1][:1] in "وف"):
                if ent.end <= b_char or ent.type == "PER":
                    sp = Speaker(self.ent_name(ent), ent.type, entity_id=ent.entity_id, strong=True)
                break
        if sp is None:
            sp = self.parse_speaker(k + 1, stop)
            if sp is not None and sp.kind == "PER" and not sp.entity_id:
                # Without the tagger a "name" after a role may be the object (وجه الرئيس الراحل
                # انتقادات …): keep it only when it starts like a name, else keep the role alone.
                first = next((m for m in range(k + 1, stop) if self.norm[m] == name_key(sp.name.split()[0])
                              or self.toks[m].text == sp.name.split()[0]), None)
                if first is None or not self.is_first_name(first, first + 1 if first + 1 < stop else None):
                    sp = Speaker(sp.role, "DESC", role=sp.role, head=sp.head) if sp.role else None
            if sp is None or not (sp.strong or (sp.kind == "ORG" and sp.head in lex.institution_heads)
                                  or (sp.kind == "DESC" and sp.role)
                                  or (sp.kind == "DESC" and sp.keys[0] in _PARTITIVES and self.speaker_gender(sp, None) == "pl")):
                return
        if any(c in sp.name for c in _QUOTE_CHARS):
            # حركة "حماس": the marks around the body's name are no part of it
            clean = " ".join("".join(c for c in sp.name if c not in _QUOTE_CHARS).split())
            sp = replace(sp, name=clean, keys=())
        w = self.bare(self.norm[k]) if self.norm[k] not in lex.stance_verbs else self.norm[k]
        gender = "pl" if w.endswith("وا") else "f" if w.endswith("ت") else "m"
        if gender == "m" and not sp.entity_id and sp.kind in ("ORG", "DESC") and self.feminine_head(sp):
            return  # وطالب الحكومة بـ…: a masculine verb before a feminine body is its object, the subject dropped
        sp = self.resolve(sp, k, near_ok=True)  # the name may follow the role in this very mention
        self.remember(sp, gender)  # (a plural group after a singular verb is plural: speaker_gender)

    def role_then_person(self, a: int, stop: int) -> Speaker | None:
        """``أشاد الأمين العام للجامعة السلفية في مدينة بنارس بالهند عبدالله عبدالوحيد، بما …``: a role opening the
        subject runs on past في/بـ and place words to the person's name; the person the ``entities`` component
        tagged there, with only the role's words (definite words, في، بـ/لـ-words, a place, at most three bare
        words) before it, is the subject."""
        lex = self.lex
        w0 = self.norm[a]
        if not (w0 in lex.role_heads or self.bare(w0) in lex.role_heads) or w0 in lex.anonymous_heads:
            return None
        limit = min(self.sent_end[a], a + 16)
        starts = {e.start: e for e in self.entities if e.type == "PER"}
        places = [(e.start, e.end) for e in self.doc.entities if e.type in ("LOC", "GPE", "ORG")]
        bare = 0
        for m in range(a + 1, limit):
            t = self.toks[m]
            ent = starts.get(t.start)
            if ent is not None:
                if m < stop or self.norm[m - 1] in _ROYAL or self.bare(self.norm[m - 1]) in _ROYAL:
                    return None  # a name inside the usual subject phrase (read there), or a body's (مركز الملك سلمان)
                role = self.span_text(list(range(a, m)))
                return Speaker(self.ent_name(ent), "PER", role=role, entity_id=ent.entity_id, strong=True)
            if t.kind != "word" or self.cue_at(m) is not None or t.norm in _THAT or t.norm in lex.relatives:
                return None
            w = t.norm
            if (w in _PREPS_NEVER_FIRST and w != "في") or w in lex.adjunct_preps or (len(w) > 4 and t.text.endswith(("ه", "ها", "هم"))):
                return None  # تحدث اللاعب عن انتقاله لفريق …: an adjunct or a possessed object, not the role
            prev = self.norm[m - 1]
            if (w in lex.role_heads or self.bare(w) in lex.role_heads) and not (prev in lex.role_heads or m - 1 == a):
                # a second role that does not continue a construct chain (نائب الأمين العام) is another person, the
                # object: اتهم الطبيب مولر فولفارث المدرب …، استقبل وكيل الإمارة قائد الفريق …
                return None
            if (self.is_definite(w) or w == "في" or (len(w) > 3 and w[0] in "بل")
                    or any(s <= t.start < e for s, e in places)):
                continue
            bare += 1
            if bare > 3:
                return None
        return None

    def clause_subject(self, k: int, gender: str | None = None) -> Speaker | None:
        """The subject of a sentence whose main verb is not a cue, for a participle in it
        (وأيد ماس نظيره الفرنسي قائلا: "…"): a person the NER component tagged right after the
        sentence's first word, when that word is a verb-like bare word and no cue comes between."""
        s0 = self.body_start(k)
        first = s0
        while first < k and self.toks[first].kind != "word":
            first += 1
        # من جانبه، ثمن ذوو الشهداء …، مبينين؛ في حين كشف الرئيس الشيشاني …، قائلا: openers before the verb
        first = self.skip_openers(first)
        if self.word(first) == "في" and self.word(first + 1) == "حين":
            first += 2
        while first < k and self.toks[first].kind != "word":
            first += 1
        if first >= k - 1 or self.cue_at(first) is not None or self.is_definite(self.norm[first]):
            return None
        if any(self.cue_at(m) is not None for m in range(first + 1, k)):
            return None
        if self.norm[first] in self.lex.stance_verbs or self.bare(self.norm[first]) in self.lex.stance_verbs:
            return None  # وانتقد كافاني نيمار …، وقال: stance_subject has remembered the subject, not the object
        if self.norm[first + 1] in _HONORIFIC_PRONOUNS and gender != "pl":
            # وعبر سموه عن استنكاره …، مبيناً أن: the honorific subject is the person named before
            sp = self.resolve(Speaker(self.toks[first + 1].text, "PER", head=self.norm[first + 1]), first + 1)
            return sp if sp.keys and sp.keys[0] not in _HONORIFIC_PRONOUNS else None
        nxt_start = self.toks[first + 1].start
        for ent in self.entities:
            if ent.type == "PER" and nxt_start <= ent.start <= self.toks[min(first + 3, k - 1)].start and ent.end <= self.toks[k].start:
                for h in self.history:
                    if h.entity_id == ent.entity_id or h.keys == tuple(self.key_of(ent.canonical).split()):
                        return h
                return Speaker(self.ent_name(ent), "PER", entity_id=ent.entity_id)
        return self.parsed_clause_subject(first, k, gender)

    def body_start(self, k: int) -> int:
        """The first token of ``k``'s sentence after a dateline glued to it (``دبي، الإمارات (CNN)— حذرت …``)."""
        s0 = self.sent_start[k]
        m = s0
        while m < k and self.in_boilerplate(self.toks[m].start, self.toks[m].end):
            m += 1
        return m if m > s0 else s0

    def verb_like(self, m: int) -> bool:
        """Token ``m`` reads as a finite verb: a bare word that is no name, title, body, time word or particle."""
        t = self.toks[m]
        w = t.norm
        b = self.bare(w)
        lex = self.lex
        if t.kind != "word" or self.is_definite(w) or not 3 <= len(b) <= 7 or t.start in self.person_starts():
            return False
        if w[:1] in "وف" and (w[1:] in _FUNCTION_WORDS or w[1:] in _PREPOSITIONS):
            return False  # وفي جنيف، طالب …: a preposition with و, not a verb
        return not any(x in _FUNCTION_WORDS or x in lex.role_heads or x in lex.first_names or x in lex.institution_heads
                       or x in lex.outlet_heads or x in lex.anonymous_heads or x in lex.time_words or x in lex.leading_fillers
                       or x in _PREPOSITIONS or x in _PRONOUNS or x in _VERB_PARTICLES or x in lex.honorifics
                       or x in lex.comm_nouns or x in lex.relatives for x in (w, b))

    def verb_gender(self, m: int) -> str | None:
        """Agreement of the verb at ``m``: ``pl`` (…وا، يـ…ون), ``f`` (…ت), ``m`` (يـ…, a bare past); None when a
        leading ت leaves it open (تحدث "he talked" or تتحدث "she talks")."""
        b = self.bare(self.norm[m])
        if b.endswith("وا") or (b.startswith("ي") and b.endswith("ون")):
            return "pl"
        if b.endswith("ت"):
            return "f"
        if b.startswith("ت"):
            return None
        return "m"

    def main_verb_subject(self, k: int, gender: str | None, across: bool = False) -> Speaker | None:
        """The subject of the sentence's main, non-reporting verb, for a cue with no subject of its own in the
        same sentence (``اتهمت كوريا الجنوبية … بيونغيانغ …، وهددت بأنها``، ``وترفض مصر التفاوض …، مؤكدة
        أن``، ``ونشر موقع "سانا" صورا قال إنها``, and subject first: ``الشركة الإسرائيلية رفضت … وأكدت فيه``).
        The verb must agree with the cue, the subject be a tagged name (a person, body or country) or a
        definite body, and nothing in the sentence before the cue be quoted speech."""
        if gender is None:
            return None
        lex = self.lex
        s0 = self.body_start(k)
        if self.overlaps(self.toks[s0].start, self.toks[k].start):
            return None  # a statement earlier in the sentence has its own speaker
        f = s0
        while f < k and (self.toks[f].kind != "word" or self.norm[f] in lex.leading_fillers or self.norm[f] in ("الا", "ان", "فان")
                         or (across and self.norm[f] in _NEGATIONS)):
            f += 1  # (ولم يفصح الفهيد …، بيد أنه أكد: the negated verb still has the subject)
        if f < k and (self.norm[f] in _PREPOSITIONS or self.bare(self.norm[f]) in _PREPOSITIONS or self.norm[f] in ("في", "وفي")):
            # وفي مارس، استقال المحامي …، معتبرا؛ في المقابل، فجرت قوات الأمن …، مشيرة: a leading adjunct closed
            # by a comma, then the clause
            comma = next((m for m in range(f + 1, min(k, f + 8)) if self.toks[m].text in _COMMAS), None)
            if comma is not None:
                f = comma + 1
                while f < k and (self.toks[f].kind != "word" or self.norm[f] in lex.leading_fillers):
                    f += 1
        if f >= k - 1:
            return None
        # (وانتقد كافاني نيمار …، وقال: stance_subject has remembered a person or body as the subject; a
        # country after a feminine stance verb is left to this reading — اتهمت كوريا الجنوبية … وهددت)
        stance = self.norm[f] in lex.stance_verbs or self.bare(self.norm[f]) in lex.stance_verbs
        if not across and any(self.norm[m] in _OTHER_CLAUSE for m in range(f + 1, k)):
            return None  # … إلا أن الاتحاد استبعده …، وأشار: another clause, maybe another subject, stands between

        def agrees(vg: str | None, sp: Speaker) -> bool:
            plural = self.speaker_gender(sp, None) == "pl"
            if gender == "pl":
                return vg == "pl" or plural
            return not plural and vg in (gender, None) and not (gender == "f" and sp.kind == "PER" and vg is None)

        def named_at(m: int) -> tuple[Speaker, int] | None:
            """A tagged name starting at token ``m`` (or after its و), and the token after it."""
            start = self.toks[m].start
            for ent in self.doc.entities:
                if ent.type in ("PER", "ORG", "GPE", "LOC") and (ent.start == start or (ent.start == start + 1 and self.norm[m][:1] in "وف")):
                    end = m
                    while end < k and self.toks[end].start < ent.end:
                        end += 1
                    if ent.type == "PER":
                        keys = tuple(self.key_of(self.ent_name(ent)).split())
                        for h in reversed(self.history):
                            if h.entity_id == ent.entity_id or (h.kind == "PER" and h.keys and _contains(h.keys, keys)):
                                return h, end
                        return Speaker(self.ent_name(ent), "PER", entity_id=ent.entity_id, strong=True), end
                    return Speaker(ent.text if ent.start == start else self.doc.text[ent.start:ent.end], "ORG", head=self.norm[m],
                                   entity_id=ent.entity_id if ent.type == "ORG" else None, strong=True,
                                   place=ent.type != "ORG"), end
            return None

        if self.verb_like(f) and (self.cue_at(f) is None or not self.cue_at(f)[1] and self.cue_at(f)[0].gender is not None):
            # (a cue there found no statement — ودعت كوريا الشمالية الصحفيين ليشهدوا ما تقول إنه — so it is an
            # ordinary verb here; the sentence holds no quotation before this cue)
            vg = self.verb_gender(f)
            m = f + 1
            while m < k and self.norm[m] in lex.time_words:
                m += 1
            if m >= k:
                return None
            hit = named_at(m)
            if hit is None and across and self.toks[m].kind == "word":
                # an untagged surname the tagger found elsewhere in full (ولم يفصح الفهيد … خالد الفهيد)
                probe = Speaker(self.toks[m].text, "PER", head=self.norm[m])
                full = self.resolve(probe, m)
                if full is not probe and full.kind == "PER" and len(full.keys) > 1:
                    hit = (full, m + 1)
            if stance and (hit is None or hit[0].kind == "PER" or hit[0].entity_id or vg != "f"):
                return None
            if hit is None and (self.norm[m] in lex.outlet_heads or self.norm[m] in lex.institution_heads):
                sp = self.parse_speaker(m, min(k, m + 6))  # ونشر موقع "سانا": an outlet or body with its name
                hit = (sp, m) if sp is not None and sp.kind == "ORG" and sp.strong else None
            elif hit is None and (self.norm[m] in lex.anonymous_heads or self.norm[m] in lex.plural_heads) and not stance:
                # حرصت مصادر سياسية إسرائيلية على …، تقول إن؛ ويفر طالبو اللجوء مما يقولون إنها: an unnamed group,
                # to a preposition, a possessed noun, or a bare word after a definite one (سكان القرى الحدودية منازلهم)
                end, seen_def = m + 1, False
                while end < min(k, m + 6) and self.toks[end].kind == "word":
                    v, raw = self.norm[end], self.toks[end].text
                    if (v in _PREPS_NEVER_FIRST or v in lex.adjunct_preps or v in ("ما", "مما", "بما") or raw.endswith(("ها", "هم", "هن"))
                            or (seen_def and not self.is_definite(v))):
                        break
                    seen_def = seen_def or self.is_definite(v)
                    end += 1
                sp = self.parse_speaker(m, end)
                hit = (sp, m) if sp is not None and sp.kind == "DESC" and self.speaker_gender(sp, None) == "pl" else None
                if hit is not None and gender == "f" and vg == "f":
                    return hit[0]  # a broken plural (مصادر) agrees with a feminine singular verb and cue
            if hit is not None and agrees(vg, hit[0]):
                return self.resolve(hit[0], m, near_ok=True)
            return None
        if stance:
            return None
        # Subject first: a tagged name or a definite body, then a verb that agrees.
        hit = named_at(f)
        if hit is None and self.is_definite(self.norm[f]) and (self.norm[f] in lex.institution_heads or self.bare(self.norm[f]) in lex.institution_heads):
            end = f + 1
            while end < k and self.toks[end].kind == "word" and self.is_definite(self.norm[end]):
                end += 1
            hit = (Speaker(self.span_text(list(range(f, end))), "ORG", head=self.norm[f]), end)
        if hit is None and gender == "pl" and (self.norm[f] in lex.anonymous_heads or self.norm[f] in lex.plural_heads
                                               or name_key(self.toks[f].text) in _PARTITIVES):
            # وكان عدد من أعضاء المجلس من الجمهوريين والديمقراطيين أبدوا قلقهم …، معتبرين: a group, then the first
            # plural verb (…وا) within ten words
            verb = next((m for m in range(f + 1, min(k, f + 11)) if self.toks[m].kind == "word" and self.verb_like(m)
                         and self.verb_gender(m) == "pl" and self.cue_at(m) is None), None)
            if verb is not None:
                group = self.parse_speaker(f, verb)
                if group is not None and self.speaker_gender(group, None) == "pl":
                    return group
            return None
        if hit is None:
            return None
        sp, end = hit
        # (a cue there found no statement — the sentence holds none before this cue: وكان ترامب أعلن انسحاب …، قائلا)
        if end >= k or not (self.verb_like(end) or self.cue_at(end) is not None) or not agrees(self.verb_gender(end), sp):
            return None
        return self.resolve(sp, f, near_ok=True)

    def near_clause_subject(self, k: int, gender: str | None) -> Speaker | None:
        """The subject of the clause right before a coordinated cue or participle with no subject of its own,
        in the same sentence: ``إلا أن فرانك يشك في الأمر ويقول``، ``فالرئيس الفرنسي X، يضع أوروبا ندا …،
        ويقول``، ``شنت X، مديرة المنظمة، هجوما على الرئيس التركي وقالت``، ``ونوه X بثبات السعر، موضحا``.
        Reading back from the cue (no quotation and no other statement between), the nearest verb that agrees
        with the cue and opens a clause with its subject — a person or body the tagger found right after the
        verb, or ending right before it after a clause opener — gives that subject, not a speaker remembered
        from an earlier sentence."""
        if gender is None:
            return None
        s0 = self.body_start(k)
        lex = self.lex

        def opens(m: int) -> bool:
            """A clause may start at token ``m``: the sentence start, or after a comma, أن/إن/لكن, a subordinator."""
            if m <= s0:
                return True
            p = m - 1
            w = self.norm[p][1:] if self.norm[p][:1] in "وف" else self.norm[p]  # (فبينما، وإذ)
            return self.toks[p].text in _COMMAS or (self.toks[p].kind == "word" and (
                self.norm[p] in _COMPLEMENTIZERS or self.norm[p] in _OTHER_CLAUSE or w in _OTHER_CLAUSE or w in ("ان", "اذ")))

        for v in range(k - 1, max(s0, k - 40) - 1, -1):
            if self.overlaps(self.toks[v].start, self.toks[v].end):
                return None  # a statement stands between: its speaker is remembered already (quoted words that
                # are none — تعتبره «حبرا على ورق» — do not stop the reading)
            if self.toks[v].kind != "word" or not self.verb_like(v):
                continue
            c = self.cue_at(v)
            if c is not None and c[0].pos == "participle":
                return None  # another participle's statement: the chain is pro_drop's
            vg = self.verb_gender(v)
            if self.norm[v] in lex.stance_verbs or self.bare(self.norm[v]) in lex.stance_verbs:
                if (gender == "pl") == (vg == "pl") and (gender == "pl" or vg in (gender, None)):
                    return None  # عبر X عن استنكاره …، قائلا: stance_subject has remembered that clause's subject
            if gender in ("pl", "f") and vg != "pl" and v + 1 < k and opens(v):
                group = self.group_after(v, k, gender)
                if group is not None:
                    return group
            if (gender == "pl") != (vg == "pl") or (gender != "pl" and vg not in (gender, None)):
                continue
            ent = None
            if v + 1 < k and opens(v):  # (not any و-word: وأسرة X is a noun and its genitive)
                nxt = self.toks[v + 1].start
                ent = next((e for e in self.entities if e.type in ("PER", "ORG") and (
                    e.start == nxt or (e.start == nxt + 1 and self.norm[v + 1][:1] in "وف"))), None)
            b = self.bare(self.norm[v])
            if ent is None and (b[:1] in "يت" or b.endswith(("ت", "وا"))):
                # subject first: only a verb marked as one (يشك، تعتبر، قالت، قالوا), not a bare word that may be
                # a noun (لأعمال الأمانة) — and a feminine cue's person needs a verb marked feminine
                m = v - 1
                while m >= s0 and self.toks[m].text in _COMMAS:
                    m -= 1
                ent = next((e for e in self.entities if e.type in ("PER", "ORG") and m >= s0 and e.end == self.toks[m].end), None)
                if ent is not None:
                    f = self.doc.token_index_at(ent.start)
                    while f - 1 >= s0 and self.toks[f - 1].kind == "word":
                        w = self.norm[f - 1]
                        glued = w[:1] in "وف" and self.is_definite(w[1:])
                        if not (glued or self.is_definite(w) or w in lex.role_heads or w in lex.honorifics):
                            break
                        f -= 1  # (فالرئيس الفرنسي X: the role before the name)
                        if glued:
                            break
                    if not (opens(f) or self.norm[f][:1] in "وف" and self.is_definite(self.norm[f][1:])):
                        ent = None
            if ent is None:
                continue  # a noun read as a verb, or a verb whose subject the tagger missed: read further back
            if ent.type == "PER" and (gender == "pl" or (gender == "f" and vg is None)):
                return None
            if ent.type == "PER":
                return self.tagged_speaker(ent)
            sp = Speaker(self.doc.text[ent.start:ent.end], "ORG", head=self.norm[self.doc.token_index_at(ent.start)],
                         entity_id=ent.entity_id, strong=True)
            return self.resolve(sp, self.doc.token_index_at(ent.start), near_ok=True)
        return None

    def group_after(self, v: int, k: int, gender: str) -> Speaker | None:
        """An untagged group right after a singular verb (the verb of a verb-first clause does not agree in
        number): ``ثمن ذوو المصابين الزيارة …، مبينين``، ``تعتبره أغلب منظمات حقوق الإنسان «…»، مؤكدة`` —
        a partitive or a plural head, read as a phrase, that is plural (a plural cue) or a broken plural (a
        feminine one, which agrees with it)."""
        lex = self.lex
        w1 = self.norm[v + 1] if self.toks[v + 1].kind == "word" else ""
        b1 = self.bare(w1)
        quantified = name_key(self.toks[v + 1].text) in _PARTITIVES | _MAJORITY or w1 in ("ذوو", "ذوي")
        sound_plural = self.is_definite(w1) and w1.endswith("ون") and len(w1) > 6  # القدساويون، المحتجون
        if not w1 or not (quantified or sound_plural or w1 in lex.plural_heads or b1 in lex.plural_heads
                          or w1 in lex.anonymous_heads or b1 in lex.anonymous_heads):
            return None
        end, seen_def = v + 2, self.is_definite(w1)
        while end < min(k, v + 10):
            t = self.toks[end]
            if t.norm == "من" and end == v + 2:
                end += 1  # عدد من، العديد من: the partitive's own preposition
                continue
            if (t.kind != "word" or t.norm in _PREPS_NEVER_FIRST or t.norm in lex.adjunct_preps or t.norm.startswith("بال")
                    or t.norm in lex.time_words or (t.text.endswith(("ها", "هم", "هن")) and len(t.norm) > 4)
                    or (seen_def and not self.is_definite(t.norm))):
                break  # (ذوو المصابين زيارة الوفد: an indefinite word after a definite one starts the object)
            seen_def = seen_def or self.is_definite(t.norm)
            end += 1
        sp = self.parse_speaker(v + 1, end)
        if sp is None or sp.entity_id or not (quantified or self.speaker_gender(sp, None) == "pl"):
            return None
        if sp.kind == "PER":  # (an untagged group read as a name: ذوو المصابين)
            sp = Speaker(sp.name, "DESC", head=self.norm[v + 1])
        return self.resolve(sp, v + 1, near_ok=True)

    def parsed_clause_subject(self, first: int, k: int, gender: str | None) -> Speaker | None:
        """Without a tagged person: the subject phrase read after the sentence's first verb
        (``أجمع عدد من خطباء الجوامع … مؤكدين أن``، ``ندد أبطال المسرحية بالحادث، وقالوا إن``) when it
        reads as a named person, a body, a role or a group — and agrees with a plural cue."""
        lex = self.lex
        w = self.norm[first]
        if (w in _FUNCTION_WORDS or self.bare(w) in _FUNCTION_WORDS or w in lex.leading_fillers or w in lex.role_heads
                or self.bare(w) in lex.role_heads or w in lex.first_names or w in _TOPIC_NOT_SUBJECT or w in _PREPOSITIONS
                or self.toks[first].kind != "word" or w in _VERB_PARTICLES or w in _PRONOUNS):
            return None
        end = first + 1
        limit = min(k, first + 12)
        while end < limit:
            t = self.toks[end]
            if t.kind == "punct" and t.text not in _OPENERS and t.text not in _CLOSERS and t.text not in _COMMAS:
                break  # (commas stay: parse_speaker reads an apposition, مدرب مانشستر يونايتد، جوزيه مورينيو)
            v = t.norm
            if t.kind == "word" and end > first + 1 and (v in _PREPS_NEVER_FIRST or v in lex.adjunct_preps or v.startswith("بال")
                                                         or v in lex.time_words or v.startswith("وال")
                                                         or v in ("ما", "مما", "بما") or (len(v) > 4 and t.text.endswith(("ها", "هم", "هن")))):
                break  # (… اللجنة الأولمبية والسلطات الرياضية: one subject of a coordination is enough; سكان القرى منازلهم: the object)
            end += 1
        if end <= first + 1:
            return None
        sp = self.parse_speaker(first + 1, end)
        if sp is None:
            return None
        plural = self.speaker_gender(sp, None) == "pl"
        if (gender == "pl") != plural or (gender == "f" and sp.kind == "PER"):
            return None  # مؤكدين after one person, قائلا after a group, مؤكدة after a man's name: not this subject
        if sp.strong or (sp.kind == "ORG" and (sp.head in lex.institution_heads or self.bare(sp.head) in lex.institution_heads)) or plural:
            return self.resolve(sp, first + 1, near_ok=True)
        return None

    def pro_drop(self, gender: str, at: int | None = None) -> Speaker | None:
        """The speaker a cue with no subject refers to: the latest one that agrees in gender/number.

        With no speaker yet, the nearest person or organisation the NER component tagged earlier in
        the paragraph (وقف أنتونيو كونتي … معتبرا بأن …) stands in.
        """
        prev = self.previous_subject(at, gender) if at is not None else None
        if prev is not None:
            return prev
        own = self.sentence_person(at) if at is not None and gender in ("m", "f") and self.history else None
        if own is not None:
            return own
        for h in reversed(self.history):
            if gender == "pl" and h.gender is None and h.kind == "PER" and (h.entity_id or h.strong):
                continue  # a named person never says وأضافوا
            if h.gender is None or h.gender == gender or (gender == "f" and h.gender == "pl" and h.kind != "PER"):
                return h  # قالت / مشيرة after مصادر أمنية: broken plurals agree in the feminine singular
        if gender == "pl":
            # A plural cue may continue a group read as a body (القوى الوطنية …، الطبيبان …) but not a named
            # body or one whose head is a singular feminine noun (الشركة، الصحيفة، الدراسة): وأضافوا is not theirs.
            for h in reversed(self.history):
                if h.kind == "ORG" and not h.entity_id and h.keys and not h.keys[0].endswith("ه"):
                    return h
            return None
        for h in reversed(self.history):
            if h.kind == "ORG":
                return h
        if at is not None and self.entities and not self.history:
            k = self.doc.token_index_at(at)
            sent_start = self.toks[self.sent_start[min(k, self.n - 1)]].start
            before = [e for e in self.entities if e.type == "PER" and sent_start <= e.start and e.end <= at
                      and not self.companion(e.start)]
            if before:  # the subject of the sentence's main verb: its first person
                ent = before[0]
                m = self.doc.token_index_at(ent.start) - 1
                s1 = next((j for j in range(self.sent_start[min(k, self.n - 1)], m + 1) if self.toks[j].kind == "word"), None)
                if (gender in ("m", "f") and m >= 0 and m == s1 and self.verb_like(m) and self.verb_gender(m) in ("m", "f")
                        and self.verb_gender(m) != gender):
                    return None  # ويرأس خالد … ، قالت إن: the person is the subject of the verb opening the sentence, not this cue's
                return Speaker(self.ent_name(ent), "PER", entity_id=ent.entity_id)
        return None

    def sentence_person(self, at: int) -> Speaker | None:
        """``إلى ذلك، نعى وزير الدولة … الدكتور X، الشهداء، قائلا``: a cue inside a sentence that holds no
        quotation before it refers to the person the tagger found in the subject place of the sentence's
        verb — right after it or after a role chain of definite words — rather than to the last speaker."""
        k = min(self.doc.token_index_at(at), self.n - 1)
        s0 = max(self.sent_start[k], self.para_start[k])
        if k <= s0 or self.overlaps(self.toks[s0].start, at):
            return None
        lex = self.lex
        for ent in self.entities:
            if ent.type != "PER" or ent.start < self.toks[s0].start or ent.end > at or self.companion(ent.start):
                continue
            m = self.doc.token_index_at(ent.start) - 1
            while m >= s0 and (self.toks[m].kind != "word" or self.is_definite(self.norm[m]) or self.norm[m] in lex.role_heads
                               or self.norm[m] in lex.honorifics or self.owned_role(m)):
                m -= 1
            words_before = sum(1 for j in range(s0, m) if self.toks[j].kind == "word")
            if (m < s0 or not self.verb_like(m) or self.cue_at(m) is not None or words_before > 3
                    or self.norm[m] in lex.stance_verbs or self.bare(self.norm[m]) in lex.stance_verbs):
                return None  # the first person is no subject of the sentence's verb (وانتقد X Y: maybe its object)
            return self.tagged_speaker(ent)
        return None

    def companion(self, start: int) -> bool:
        """The name at ``start`` follows مع within three words (في مقابلة مع الزميل X): the one spoken with."""
        m = self.doc.token_index_at(start)
        return any(self.norm[j] in ("مع", "ومع") for j in range(max(0, m - 3), m) if self.toks[j].kind == "word")

    def previous_subject(self, at: int, gender: str) -> Speaker | None:
        """``وكان الرئيس رودريغو دوتيرتي قد هدد … . وأعلن … أن``: a cue opening its sentence refers to the
        subject of the sentence just before when that sentence holds no quotation and one of its clauses —
        the last one that reads, the sentence's own or one coordinated after a comma (``…، وأعرب مدربه، سام
        ألاردايس عن …``) — opens with a verb (not a cue) followed by a person or body the ``entities``
        component tagged, and the verb agrees with the cue."""
        k = min(self.doc.token_index_at(at), self.n - 1)
        s0 = self.sent_start[k]
        cue = self.cue_at(k)
        if s0 > 0 and cue is not None and self.reported_frame(s0, k):
            return self.subject_before(s0, gender)
        if any(self.toks[m].kind == "word" for m in range(s0, k)) or s0 == 0 or cue is None or cue[0].lemma == "جاء":
            return None  # (a colon quotation's sentence start is no cue; وجاء في تصريح أصدرته الشركة: a document's)
        if k + 1 < self.n and self.toks[k + 1].kind == "word":
            for ent in self.entities:
                if ent.start == self.toks[k + 1].start and ent.type in ("PER", "ORG"):
                    # وقال ليغانيس في بيان: the cue has a subject of its own that the phrase reader missed. (وأضاف
                    # لراديو "…", لبي بي سي: a name glued to ل is the one addressed, unless the text names it so
                    # elsewhere — وقال لوكهيد after ريتشارد لوكهيد)
                    if self.norm[k + 1][:1] == "ل":
                        key = self.key_of(ent.text)
                        if not any(e is not ent and e.type == ent.type and key in self.key_of(e.canonical) for e in self.entities):
                            continue
                    if ent.type == "ORG":
                        return Speaker(ent.text, "ORG", head=self.norm[k + 1], entity_id=ent.entity_id, strong=True)
                    return self.tagged_speaker(ent)
        return self.subject_before(s0, gender)

    def reported_frame(self, s0: int, k: int) -> bool:
        """The cue at ``k`` sits in a sentence that opens ``جاء ذلك في مقابلة … حيث قال``: the writer's frame
        for what the sentence before reported, so the cue's subject is that sentence's (when nothing in
        this one before the cue is quoted)."""
        f = s0
        while f < k and self.toks[f].kind != "word":
            f += 1
        return (self.bare(self.word(f)) in ("جاء", "جاءت") and self.word(f + 1) in ("ذلك", "هذا", "هذه")
                and f + 2 < k and not self.overlaps(self.toks[s0].start, self.toks[k].start))

    def subject_before(self, s0: int, gender: str) -> Speaker | None:
        """The subject of the sentence before the one starting at ``s0`` (see ``previous_subject``)."""
        p0 = self.sent_start[s0 - 1]
        first = p0
        while first < s0 and (self.toks[first].kind != "word" or self.in_boilerplate(self.toks[first].start, self.toks[first].end)):
            first += 1  # (past a dateline: نيويورك (CNN)— وصف …)
        while first + 1 < s0 and self.norm[first] in _VERB_PARTICLES:
            first += 1  # وقد أدى X اليمين …. وقال إنه: the particle, then the verb
        if first + 1 >= s0:
            return None
        if self.overlaps(self.toks[p0].start, self.toks[s0 - 1].end) or self.headline_line(s0 - 1):
            return None  # that sentence holds a quotation (its speaker is remembered there) or is a headline
        starts = [first] + [m for m in range(first + 2, s0 - 1) if self.toks[m - 1].text in _COMMAS
                            and self.norm[m][:1] == "و" and self.verb_like(m)]
        for f in reversed(starts):
            sp = self.verb_subject_at(f, s0, gender)
            if sp is not None:
                return sp
        return self.fronted_subject_at(first, s0, gender)

    def opens_sentence(self, k: int) -> bool:
        """Token ``k`` is its sentence's first verb after openers (من جانبه، فيما) or after a leading adjunct
        (وفي السياق ذاته أشاد …، وفي هذا الصدد، هنأ …): its subject follows it."""
        s0 = self.sent_start[k]
        if k == self.skip_openers(s0):
            return True
        f = s0
        while f < k and self.toks[f].kind != "word":
            f += 1
        w = self.word(f)
        if not (w in ("في", "وفي", "على", "وعلى") or self.bare(w) in _PREPOSITIONS):
            return False
        if self.word(f + 1) == "السياق" and f + 3 <= k and self.word(f + 2) in ("ذاته", "نفسه", "ذاتها", "نفسها"):
            return k == self.skip_openers(f + 3) or (self.toks[f + 3].text in _COMMAS and k == self.skip_openers(f + 4))
        comma = next((m for m in range(f + 1, min(k, f + 8)) if self.toks[m].text in _COMMAS), None)
        return comma is not None and k == self.skip_openers(comma + 1)

    def demonstrative_subject(self, k: int, cue: CueForm) -> int | None:
        """``أوضح ذلك لـ«عكاظ» مصدر مسؤول في مكتب البعثة …، مفيدا أنه …``: a verb cue opening its clause with ذلك
        for its object names its subject after it (past an outlet addressed): that subject said what came
        before and is the current speaker for the participles and bare cues that follow. Remembered only;
        returns the token after the subject, or None when the clause does not read so."""
        if cue.pos != "verb" or cue.gender is None or cue.lemma == "جاء" or k != self.skip_openers(self.sent_start[k]):
            return None
        start = k + 2
        if start + 2 < self.n and self.norm[start] in ("ل", "لل") and self.is_opener(start + 1):
            close = self.find_close(start + 1)
            if close is None or close - start > 6:
                return None
            start = close + 1  # لـ«عكاظ»: the newspaper told, then the subject
        stop = self.zone_stop(start)
        for m in range(start, stop):
            t = self.toks[m]
            if (t.kind == "punct" and t.text in _COMMAS) or self.word(m) in _RELATIVE_PRONOUNS:
                stop = m
                break
            if self.word(m) in _THAT or t.text == ":" or (t.kind == "punct" and t.text in _OPENERS):
                return None  # a complement of its own: handle_cue reads the statement
        if stop <= start or not self.plausible_source(start, stop):
            return None
        lo, hi = self.toks[start].start, self.toks[stop - 1].end
        person = min((e for e in self.entities if e.type == "PER" and lo <= e.start < hi), key=lambda e: e.start, default=None)
        if person is not None:
            stop = next((m + 1 for m in range(start, stop) if self.toks[m].end >= person.end), stop)
        sp = self.parse_speaker(start, stop)
        if sp is None or sp.place or (sp.keys and sp.keys[0] in self._record_keys):
            return None
        if self.speaker_gender(sp, cue.gender) == "pl" and cue.gender != "pl":
            return None
        self.remember(self.resolve(sp, k), cue.gender)
        return stop

    def fronted_subject_at(self, first: int, stop: int, gender: str) -> Speaker | None:
        """``لكن نائب وزير الخارجية الكوري الشمالي كيم كي غوان اتهم اليوم واشنطن …. وقال``: the sentence before
        opens with its subject — role words and the person the tagger found — and the verb right after it
        agrees with the cue."""
        m = first
        while m < stop and self.word(m) in _FRONT_OPENERS:
            m += 1
        if m >= stop or gender == "pl":
            return None
        lex = self.lex
        limit = self.toks[min(m + 8, stop - 1)].start
        for ent in self.entities:
            if ent.type != "PER" or not (self.toks[m].start <= ent.start <= limit):
                continue
            a = self.doc.token_index_at(ent.start)
            b = self.doc.token_index_at(ent.end - 1) + 1
            for j in range(m, a):  # the subject phrase: titles and role words, definite words, a bare office in construct
                w = self.norm[j]
                if self.toks[j].kind != "word" or not (self.is_definite(w) or w in lex.role_heads or self.bare(w) in lex.role_heads
                                                       or w in lex.honorifics or w in lex.ranks or self.owned_role(j)):
                    return None
            if b >= stop or not self.verb_like(b) or self.cue_at(b) is not None:
                return None
            vg = self.verb_gender(b)
            if vg == "pl" or (vg is not None and vg != gender):
                return None
            return self.tagged_speaker(ent)
        return None

    def verb_subject_at(self, first: int, stop: int, gender: str) -> Speaker | None:
        """The tagged person or body right after the verb at ``first`` (clause end ``stop``), when the verb
        agrees with a cue of ``gender``; None when the clause does not read so."""
        w = self.word(first)
        auxiliary = self.bare(w) in ("كان", "كانت")
        if (not w or first + 1 >= stop or self.is_definite(w) or w in _FUNCTION_WORDS
                or (not auxiliary and not self.verb_like(first)) or (w[:1] in "وف" and w[1:] in _PREPS_NEVER_FIRST)  # ومع X وصل الوفد
                or self.bare(w) in _FUNCTION_WORDS or (w in self.lex.leading_fillers and not auxiliary)
                or self.bare(w) in self.lex.role_heads):
            return None
        if gender == "pl":
            return self.plural_subject_at(first, stop)
        b = self.bare(w)
        # تخطط / تحدث: a leading ت is a feminine present or a masculine past; either agrees but a plural
        verb_gender = "f" if b.endswith("ت") else (None if b.startswith("ت") and len(b) > 3 else "m")
        if verb_gender is not None and verb_gender != gender:
            return None
        # وكان الرئيس الأميركي، دونالد ترمب، قد قرر: after the auxiliary كان the subject may carry a role
        # and an apposition before the verb, so the person may come a few tokens later.
        reach = 6 if auxiliary else 3
        nxt = first + 1
        while nxt < stop - 1 and self.toks[nxt].kind != "word":
            nxt += 1  # وتخطط «تسلا»: a name in quotation marks
        lo, hi = self.toks[nxt].start, self.toks[min(first + reach, stop - 1)].start
        for ent in self.entities:
            if lo <= ent.start <= hi and (ent.type == "PER" or (ent.type == "ORG" and ent.start == lo)):
                if any(self.toks[m].end <= ent.start and self.toks[m].kind == "word"
                       and not (self.is_definite(self.norm[m]) or self.norm[m] in self.lex.role_heads or self.owned_role(m))
                       for m in range(first + 1, min(first + reach + 1, stop))):
                    return None  # دانت محكمة إسرائيلية دارين طاطور: a bare noun subject, the person is the object
                if ent.type == "ORG":
                    return self.resolve(Speaker(ent.text, "ORG", head=self.norm[first + 1], entity_id=ent.entity_id, strong=True),
                                        first + 1, near_ok=True)
                return self.tagged_speaker(ent)
        w1 = self.norm[first + 1] if self.toks[first + 1].kind == "word" else ""
        if w1 and self.is_definite(w1) and (w1 in self.lex.institution_heads or self.bare(w1) in self.lex.institution_heads):
            # ونشر المركز الإعلامي للمنطقة العسكرية الخامسة …، فيديو …. وأوضح أن: a body the tagger missed,
            # named by its head noun right after the verb, is the clause's subject
            end = first + 2
            while end < min(stop, first + 12) and self.toks[end].kind == "word" and self.cue_at(end) is None:
                end += 1
            sp = self.parse_speaker(first + 1, end)
            if sp is not None and sp.kind == "ORG" and not sp.place and not (verb_gender == "m" and self.feminine_head(sp)):
                return self.resolve(sp, first + 1, near_ok=True)
        return None

    def feminine_head(self, sp: Speaker) -> bool:
        """The speaker's head noun is a feminine singular (الحكومة، الوزارة، الهيئة): a masculine verb does not
        agree with it as its subject."""
        head = sp.keys[0] if sp.keys else ""
        return len(head) > 3 and head.endswith("ه") and not head.endswith(("اه", "وه"))

    def plural_subject_at(self, first: int, stop: int) -> Speaker | None:
        """``أجمع خبيران أوروبيان على أن …. وقالا``، ``ولفت المتضررون إلى …. وأكدوا``: a plural or dual cue takes
        the subject of the verb at ``first`` when that subject is a group — a plural or dual description,
        or people named with a plural or dual role (a verb before its subject stays singular, so only the
        subject tells)."""
        end = first + 1
        while (end < min(stop, first + 9) and self.toks[end].kind == "word" and self.cue_at(end) is None
               and self.norm[end] not in _PREPS_NEVER_FIRST):
            end += 1  # (… على أهمية …: the subject ends before the verb's complement)
        if end == first + 1:
            return None
        sp = self.parse_speaker(first + 1, end)
        if sp is None or sp.place or (sp.keys and sp.keys[0] in self._record_keys):
            return None
        if self.speaker_gender(sp, None) == "pl":
            return sp
        k = sp.keys
        if not (sp.entity_id or sp.strong) and len(k) > 1 and len(k[0]) > 4 and any(
                k[0].endswith(e) and k[1].endswith(e) for e in ("ان", "ون", "ين")):
            return sp  # محللان اقتصاديان، مراقبون دوليون (the phrase reader takes them for a name)
        r0 = normalize(sp.role.split()[0]) if sp.role else ""
        if sp.kind == "PER" and self.is_definite(r0) and r0.endswith(("تان", "ان", "ون", "ين")) and len(r0) > 6:
            return sp  # الأخصائيتان الاجتماعيتان فلانة وفلانة
        return None

    def tagged_speaker(self, ent: Entity) -> Speaker:
        """A person the tagger found, as the speaker already in the history when the names agree."""
        keys = tuple(self.key_of(self.ent_name(ent)).split())
        for h in self.history:
            if (ent.entity_id is not None and h.entity_id == ent.entity_id) or (h.kind == "PER" and h.keys and _contains(h.keys, keys)):
                return h
        return Speaker(self.ent_name(ent), "PER", entity_id=ent.entity_id, strong=True)

    def owned_role(self, m: int) -> bool:
        """``مدربه``، ``وزيرها``: an office with a possessive pronoun (his coach), an apposition head."""
        w = self.norm[m]
        for suffix in ("ه", "ها", "هم"):
            if w.endswith(suffix) and len(w) > len(suffix) + 2 and "ال" + w[:-len(suffix)] in self.lex.role_heads:
                return True
        return False

    def speaker_gender(self, sp: Speaker, gender: str | None) -> str | None:
        """Agreement of a speaker: plural heads are plural whatever the verb (ويقول خبراء …)."""
        first = sp.keys[0] if sp.keys else ""
        raw = normalize(sp.name.split()[0]) if sp.name.split() else ""
        # (the tagger takes المتضررون for a person now and then: a definite participle in ون is a group)
        sound_plural = self.is_definite(raw) and raw.endswith("ون") and len(raw) > 6
        if sound_plural and sp.entity_id and len(sp.keys) == 1 and raw.startswith("الم") and len(raw) > 7:
            return "pl"
        if not sp.entity_id and (sound_plural
                                 or (sp.kind == "DESC" and len(sp.keys) > 1 and len(first) > 4
                                     and first.endswith("ان") and sp.keys[1].endswith("ان"))):
            return "pl"  # المتضررون، المحتجون (a sound plural); خبيران أوروبيان (a dual agrees like a plural)
        if sp.head in self.lex.plural_heads or first in self.lex.plural_heads or (
            sp.kind == "DESC" and first.endswith(("ون", "ين")) and len(first) > 4
        ) or (len(sp.keys) > 2 and first in _PARTITIVES and sp.keys[1] == "من"):  # عدد من الأهالي … وبينوا
            return "pl"
        return gender

    def remember(self, sp: Speaker, gender: str | None, weak: bool = False) -> None:
        """Put ``sp`` last in the history; ``weak``: ``gender`` is a guess (a source cue has no gender)."""
        gender = self.speaker_gender(sp, gender)
        self._vouchers.discard(sp.keys)
        self.remembered.append((len(self.quotes), sp))
        for i, h in enumerate(self.history):
            if h.keys == sp.keys:
                del self.history[i]
                if h.gender is None or (h.weak_gender and not weak and gender is not None):
                    h.gender, h.weak_gender = gender, weak  # بحسب بلقيس … وأكدت بلقيس: the verb tells
                if sp.role and len(sp.role) > len(h.role or ""):
                    h.role, h.role_keys = sp.role, sp.role_keys  # الرئيس → الرئيس الفرنسي
                h.entity_id = h.entity_id or sp.entity_id
                self.history.append(h)
                return
        if sp.gender is None:
            sp.gender, sp.weak_gender = gender, weak
        self.history.append(sp)

    # --- quotes ---------------------------------------------------------------------------
    def add_quote(self, s: int, e: int, direct: bool, cue_k: int, sp: Speaker | None, cue_end: int | None = None) -> bool:
        toks = self.toks
        while s < e and toks[s].kind == "punct" and toks[s].text not in "(":
            s += 1
        while e > s and toks[e - 1].kind == "punct" and toks[e - 1].text not in ")":
            e -= 1
        if e <= s:
            return False
        start, end = toks[s].start, toks[e - 1].end
        if self.in_boilerplate(start, end) or self.in_boilerplate(toks[cue_k].start, toks[cue_k].end):
            return False
        if self.headline_line(cue_k):
            return False
        if self.overlaps(start, end):
            return False
        cue_last = cue_end if cue_end is not None else cue_k + 1
        cue_text = self.doc.text[toks[cue_k].start:toks[cue_last - 1].end]
        speaker = role = ent_id = None
        if sp is not None:
            speaker, role = sp.name, sp.role
            ent_id = sp.entity_id or self._entity_id_for(sp)
        self.quotes.append(Quote(
            text=self.doc.text[start:end], start=start, end=end, direct=direct, cue=cue_text,
            cue_start=toks[cue_k].start, speaker=speaker, speaker_role=role, speaker_entity_id=ent_id,
        ))
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end, direct))
        self._last_direct = (e, cue_k, cue_last, sp) if direct else None
        return True

    def continued_quote(self, k: int) -> bool:
        """A paragraph that opens with a quotation mark right after a paragraph that ended in direct speech
        continues that speech (``… يتبناها". ⏎ "وليس من المدهش …``): the same speaker and cue. A short line
        with no closing punctuation is a subheading, not speech."""
        last = self._last_direct
        if last is None or k != self.para_start[k] or k == 0:
            return False
        end_tok, cue_k, cue_end, sp = last
        if end_tok < self.para_start[k - 1] or end_tok < k - 3:
            return False  # the speech did not run to the end of the paragraph before
        span = self.direct_span(k)
        if span is None:
            return False
        s, e, _ = span
        words = sum(1 for m in range(s, e) if self.toks[m].kind == "word")
        tail = range(max(s, e - 1), min(e + 3, self.para_end[k]))  # the speech's own end or just after its mark
        if words < 5 or (words < 10 and not any(self.toks[m].text in _SENT_END for m in tail)):
            return False  # a subheading is short and unpunctuated
        return self.add_quote(s, e, True, cue_k, sp, cue_end)

    def fragment_quote(self, j: int) -> bool:
        """Quoted words as the object of a clause whose verb is a cue or a stance verb, with no
        complement of its own (``وعبرت الوزارة عن "استغرابها للبيان …"``, ``واعتبر الكعبي التحرير مؤشرا
        على "شراسة المقاومة …"``, ``وقررت اللجنة "حرمانه من المشاركة …"``): a direct fragment of the
        clause's subject (convention: quoted fragments after a cue are quotations). Four quoted words
        at least, so that a scare-quoted term or a title is left alone."""
        close = self.find_close(j)
        if close is None or self.quoted_words(j, close) < 1:
            return False
        short = self.quoted_words(j, close) < _MIN_FRAGMENT_WORDS
        if self.is_name_quote(j, close) or self.quoted_statement(j):
            return False
        first = self.word(j + 1)
        first = first[2:] if first.startswith("ال") else first
        if first in self.lex.naming_nouns or self.word(j - 1) in self.lex.naming_nouns or (
                j - 2 >= self.sent_start[j] and self.word(j - 2) in _CHARGES):
            return False  # من "تحالف إنهاء زواج الطفلات"، ووجهت إليهم تهمة "تشكيل …": a name, a charge
        if (self.word(j - 1) in _TOPIC_PREPS or self.bare(self.word(j - 1)) in _LIST_MARKERS
                or (self.word(j - 1) == "في" and self.bare(self.word(j - 2)) in _PUBLISH_VERBS)):
            # تعهدا بشأن "نزع السلاح …": the topic; كما ورد في "البوابة العربية …": a publication; من ضمنها «…»: a title
            return False
        verb = self.governing_verb(j)
        if verb is None:
            return False
        vk, gender = verb
        if short:
            # One to three quoted words are the speaker's term only close after the verb, in Arabic words, and
            # not inside the zone of a cue whose complement comes later (وقال غوتيريش في مقابلة مع "بي بي سي"،
            # الخميس: "…": a name).
            if sum(1 for m in range(vk + 1, j) if self.toks[m].kind == "word") > _MAX_SHORT_FRAGMENT_ZONE:
                return False
            if any(self.toks[m].kind != "word" or not any("\u0621" <= ch <= "\u064a" for ch in self.toks[m].text)
                   for m in range(j + 1, close) if self.toks[m].kind != "punct"):
                return False
            chant = vk == j - 1 and (self.bare(self.norm[vk]).startswith(("هتف", "ردد", "يهتف", "يردد", "مردد"))
                                     or self.norm[vk].startswith(("هتف", "ردد", "مردد")))
            c = self.cue_at(vk)
            if c is not None and c[0].lemma in ("جاء", "واصل"):
                return False  # "جاء مقتلها بعد أسابيع من "مسيرات العودة"": came, continued — no speech
            if self.word(j - 1) not in _SHORT_FRAGMENT_PREPS and not chant:
                return False  # "حصلت "الوطن" على"، "الأهداف "الإيرانية"": a name or a scare quote, not a term quoted
            if any(self.word(m) in _THAT or self.toks[m].text == ":" for m in range(close + 1, self.sent_end[j])):
                return False  # the cue's complement comes later: the quoted words are inside its zone
        span = self.direct_span(j)
        if span is None:
            return False
        for m in range(span[1], self.sent_end[j]):
            w = self.word(m)
            if w in self.lex.source_words or self.bare(w) in self.lex.source_words:
                return False  # "… "الذين يتقاضون …"، بحسب المسؤول": the relay's clause (settled conventions, rule 1)
        sp = self.pro_drop(gender, self.toks[vk].start)
        return self.add_quote(span[0], span[1], True, vk, sp)

    def characterising_verb(self, m: int) -> tuple[str, str, bool] | None:
        """Token ``m`` as a past (or وصف's present) form of a verb of characterisation (وصف، اعتبر، نعت; and ووصفته،
        فاعتبرها): (lemma, gender, whether an object pronoun is glued on)."""
        w = self.word(m)
        if not w:
            return None
        forms = characterising_forms()
        for c in (w, w[1:]) if w[:1] in "وف" and len(w) > 3 else (w,):
            if c in forms:
                return (*forms[c], False)
            for suffix in ("هما", "هم", "ها", "ه"):
                if c.endswith(suffix) and c[:-len(suffix)] in forms:
                    return (*forms[c[:-len(suffix)]], True)
        return None

    def characterised_quote(self, j: int) -> bool:
        """Quoted words as the term a verb of characterisation gives its object (quote_lexicon
        CHARACTERISING_VERBS): ``والذي وصفه الرئيس الأمريكي، في وقت سابق، بـ"الفظيع"``، ``ما وصفته بـ«الانتهاك
        الواضح»``، ``التي وصفها بـ"الخائنة"``، ``اعتبرن حجابها "غير محتشم"``. The subject's own words however short
        (the gold annotates them so), also in a relative clause, where the verb is no cue and fragment_quote does
        not look. وصف/نعت need ب before the words (بـ"…" or “بقضايا …”); اعتبر needs its object between. The
        speaker is the subject written after a verb with an object pronoun (وصفه الرئيس …), else the one the
        verb refers back to."""
        close = self.find_close(j)
        if close is None or self.quoted_words(j, close) < 1:
            return False
        v = None
        words = 0
        for m in range(j - 1, max(self.sent_start[j], j - 30) - 1, -1):
            t = self.toks[m]
            if t.kind == "punct":
                if t.text in _COMMAS:
                    continue
                return False  # another quotation, a colon or a bracket between: not this verb's object
            if t.norm in _THAT:
                return False  # وصفه بأنه "…": the cue's own complement (handle_cue)
            words += 1
            if words > 12:
                return False
            found = self.characterising_verb(m)
            if found is not None:
                v = m
                break
        if v is None or self.word(v - 1) in ("لم", "ولم", "لن", "ولن", "لا", "ولا"):
            return False
        lemma, gender, clitic = found
        first = self.word(j + 1)
        if lemma == "اعتبر" and (first[2:] if first.startswith("ال") else first) in self.lex.naming_nouns:
            return False  # واعتبرت الناشطة من "تحالف حماية …" القرار …: a body's name
        if lemma in ("وصف", "نعت"):
            if not (self.word(j - 1).startswith("ب") or (first.startswith("ب") and self.toks[j + 1].start == self.toks[j].end
                                                and (first[1:].startswith("ال") or self.word(j - 1) == "" or clitic))):
                return False  # وصف "…" with no ب: the description is not the quoted words
        elif (not clitic and v == j - 1) or (self.word(j - 1) != "ب" and self.is_name_quote(j, close)):
            return False  # اعتبر "…": the object, not a term given to it; حي "النزلة اليمانية": a name
        if lemma == "اعتبر" and any(self.word(m) in _THAT or self.toks[m].text == ":" for m in range(close + 1, self.sent_end[j])):
            return False  # واعتبرت X، في مقابلة مع "العربية"، أن …: the verb's complement comes later
        noun = self.word(v - 1) in _PREPOSITIONS or self.word(v - 1) in ("من", "ب")  # على وصف الرئيس … له بـ"…"
        span = self.direct_span(j)
        if span is None:
            return False
        a = v + 1
        while a < j and (self.word(a) in self.lex.time_words or self.word(a) in _ADVERBIALS):
            a += 1  # وصفه آنذاك رئيس الحكومة …
        stop = a
        while stop < j and (self.toks[stop].kind == "word" or self.toks[stop].text in _COMMAS) and not (
                self.word(stop) in ("ب", "ما", "مما") or (self.word(stop).startswith("ب") and stop > a)
                or self.word(stop) in _PREPOSITIONS or (noun and stop > a and self.word(stop)[:1] == "ل")):
            stop += 1  # (commas stay: an apposition, رئيس الحكومة التونسية، يوسف الشاهد،)
        while stop > a and self.toks[stop - 1].text in _COMMAS:
            stop -= 1
        sp = None
        tagged = any(e.start == self.toks[a].start for e in self.doc.entities if e.type in ("PER", "ORG", "LOC")) if a < j else False
        if not (clitic or noun or tagged) and stop > a and (self.word(a) in self.lex.role_heads
                                                            or self.bare(self.word(a)) in self.lex.role_heads):
            stop = a + 1  # اعتبر وزير الخارجية مشروع … "…": the role, then the object (a bare noun)
            while stop < j and self.toks[stop].kind == "word" and self.is_definite(self.word(stop)):
                stop += 1
            tagged = True
        if stop > a and (clitic or noun or (self.word(v - 1) not in _RELATIVE_PRONOUNS and tagged)):
            # وصفه الرئيس الأمريكي، في وقت سابق، بـ"…"، ووصفت موسكو ما قامت به … بالعمل "…" (not اعتبرن حجابها "…")
            sp = self.parse_speaker(a, stop)
            if sp is not None:
                sp = self.resolve(sp, v)
        if sp is None and not clitic and self.word(v - 1) not in _RELATIVE_PRONOUNS:
            sp = self.look_back(v)  # لكن الكويت وصفت ذلك "بالتعدي …": a subject before the verb
        if sp is None:  # ما وصفته بـ«…»: the subject of the sentence's verb (طلبت الرئاسة …), else the last speaker
            sp = self.clause_subject(v, gender)
            first = self.sent_start[v]
            while first < v and (self.toks[first].kind != "word" or self.in_boilerplate(self.toks[first].start, self.toks[first].end)):
                first += 1  # (past a dateline glued to the sentence: دبي (CNN)— نفت السفارة …)
            if sp is None and first < v - 1 and (self.verb_like(first) or self.cue_at(first) is not None):
                sp = self.parsed_clause_subject(first, v, gender)  # وطالبت النقابة … عن ما وصفته بـ«…»
            sp = sp or self.pro_drop(gender, self.toks[v].start)
        return self.add_quote(span[0], span[1], True, v, sp)

    def colon_quote(self, k: int) -> int | None:
        """A colon followed at once by a quotation mark, in a sentence whose cue (if any) found no
        complement: ``يضحك أبو غسان بصوت مرتفع: «أنا منتج؟ …»``, ``ونشرت المغنية على صفحتها: "…"``,
        ``القبطان الحالي للسفينة يان كاريو: "…"``, or a cue whose subject ran past the zone limit
        (``وقال X، المحامي المتخصص في … في مؤسسة "…"، لبي بي سي: "…"``). Direct speech of the sentence's
        subject. Not after a naming noun or a list marker (بعنوان: «…»، منها: «…»، هما: "…"), nor for
        fewer than five quoted words (names, a title). Returns the token to continue from."""
        j = k + 1
        if j >= self.n or not self.is_opener(j) or self.toks[j].start - self.toks[k].end > 2:
            return None
        s0 = self.sent_start[k]
        before = [m for m in range(s0, k) if self.toks[m].kind == "word"]
        if not before or len(before) > 30 or self.in_boilerplate(self.toks[k].start, self.toks[k].end):
            return None
        prev = self.word(k - 1)
        if prev in self.lex.naming_nouns or self.bare(prev) in self.lex.naming_nouns or self.bare(prev) in _LIST_MARKERS:
            return None
        m = s0
        while m < k:
            if self.is_opener(m):
                close = self.find_close(m)
                if close is None or close > k:
                    return None  # inside a quotation (or one left open)
                m = close
            m += 1
        span = self.direct_span(j)
        if span is None or sum(1 for m in range(span[0], span[1]) if self.toks[m].kind == "word") < 5:
            return None
        close = self.find_close(j)
        if close is not None and self.quoted_words(j, close) < 5:
            return None  # هما: "ومعاك" و"الحب زي الوتر": names in marks
        end = self.para_end[k]
        if (close is not None and close >= end - 2 and self.toks[end - 1].text not in _SENT_END
                and self.toks[close - 1].text not in _SENT_END
                and sum(1 for m in range(self.para_start[k], end) if self.toks[m].kind == "word") <= 20):
            return None  # "كاتبة: "المرأة في السعودية …"" on a line of its own, unpunctuated: a related headline
        first = self.skip_openers(before[0])
        cue_k = next((m for m in before if (c := self.cue_at(m)) is not None and c[0].gender is not None), None)
        sp: Speaker | None = None
        if cue_k is not None and cue_k + 1 < k:
            sp = self.parse_speaker(cue_k + 1, k)
        elif cue_k is None:
            cue_k = first if first < k else before[0]
            if any(self.toks[m].text in "?؟" for m in range(span[1] - 1, min(span[1] + 2, self.n))):
                return None  # "سؤال لابد أن نطرحه على أنفسنا: "ما دورنا …؟"": the writer's question
            sp = self.clause_subject(k, None)
            w0 = self.word(before[0])
            if sp is None and len(before) <= 8 and (self.is_definite(w0) or self.bare(w0) in self.lex.role_heads
                                                     or w0 in self.lex.first_names):
                sp = self.parse_speaker(before[0], k)  # "القبطان الحالي للسفينة يان كاريو: "…""
        if sp is not None:
            sp = self.resolve(sp, cue_k)
        if sp is None:
            c = self.cue_at(cue_k)
            sp = self.pro_drop(c[0].gender if c is not None and c[0].gender else "m", self.toks[cue_k].start)
        if not self.add_quote(span[0], span[1], True, cue_k, sp):
            return None
        return max(span[2], k + 1)

    def governing_verb(self, j: int) -> tuple[int, str] | None:
        """The cue or stance verb opening the clause that the quotation at ``j`` is the object of, and its
        gender (``m``/``f``/``pl``): within a few words before the mark in the same sentence, with no other
        quotation, relative pronoun or complement (أن/إن, colon) between."""
        words = 0
        for m in range(j - 1, max(self.sent_start[j], j - 40) - 1, -1):
            t = self.toks[m]
            if t.kind == "punct":
                if t.text in _CLOSERS or t.text in _OPENERS or t.text == ":" or t.text in _SENT_END:
                    return None
                continue
            w = t.norm
            if w in _THAT or w in _RELATIVE_PRONOUNS or w in ("ما", "مما", "بما"):
                return None
            words += 1
            if words > _MAX_FRAGMENT_ZONE:
                return None
            cue = self.cue_at(m)
            if cue is not None and cue[0].gender is not None:
                if not (self.clause_start(m) or cue[1] or cue[0].pos == "participle"):
                    return None
                if self.word(m - 1) in ("لم", "ولم", "لن", "ولن", "اذا", "واذا", "لو"):
                    return None
                return m, cue[0].gender
            b = w[1:] if w[:1] in "وف" and w not in self.lex.stance_verbs and w not in self.lex.fragment_verbs else w
            if b in self.lex.fragment_verbs and (b[-1] in "اه" or b.endswith("ين")) and not b.endswith("وا"):
                return m, self.lex.fragment_verbs[b]  # a participle: "… مرددين"، متوعدة "…"
            if b in _present_stance() and (m == self.skip_openers(self.sent_start[m]) or self.clause_start(m)):
                # ويتهم معارضون بوتن باعتماد "…"، يشكك فيها في "…": the present of a stance verb opening its clause
                return m, "f" if b[:1] == "ت" else "pl" if b.endswith(("ون", "ان")) else "m"
            if b in self.lex.stance_verbs or b in self.lex.fragment_verbs:
                if not self.clause_start(m) or b in self.lex.topic_verbs:
                    return None
                if b.startswith("عبر") and not any(self.word(x) == "عن" for x in range(m + 1, j)):
                    return None  # "، عبر دعم ميليشيات …": the preposition "via"; the verb is عبر عن
                return m, "pl" if b.endswith("وا") else "f" if b.endswith("ت") else "m"
        return None

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        # Quotes never overlap one another, so only the one starting just before ``end`` can.
        return i > 0 and self._spans[i - 1][1] > start

    def inside_direct(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos)
        return i > 0 and self._spans[i - 1][2] and self._spans[i - 1][1] > pos

    def _entity_id_for(self, sp: Speaker) -> str | None:
        if sp.kind == "DESC":
            return None
        key = self.key_of(sp.name)
        for ent in self.entities:
            if self.key_of(ent.canonical) == key:
                return ent.entity_id
        return entity_id(sp.kind, sp.name)

    def relative_antecedent(self, k: int, cue: CueForm) -> Speaker | None:
        """``وسط اللبنانيين، الذين أكدوا أن …``، ``جون كيري، الذي قال إن …``: a speech verb right after
        a relative pronoun, with its complement at once, speaks for the noun the relative follows."""
        rel = self.word(k - 1)
        if rel not in _RELATIVE_PRONOUNS or cue.pos != "verb" or cue.strict:
            return None
        found = self.scan_complement(k + 1, True)
        if not found or found[1] > k + 2:
            return None
        m = k - 2
        while m >= 0 and self.toks[m].kind == "punct" and self.toks[m].text in _COMMAS:
            m -= 1
        s0 = self.sent_start[k]
        # أجرت اتصالا بمنتج المسلسل X، الذي أكد: a person the tagger found right before the relative is what it follows
        ent = next((e for e in self.entities if e.type == "PER" and m >= s0 and e.end == self.toks[m].end
                    and e.start >= self.toks[s0].start), None) if self.toks[m].kind == "word" else None
        words: list[int] = []
        while m >= s0 and len(words) < 6 and self.toks[m].kind == "word":
            w = self.norm[m]
            if w in _PREPS_NEVER_FIRST or w in self.lex.adjunct_preps or self.cue_at(m) is not None:
                break
            if w in self.lex.stance_verbs or (w[:1] in "وف" and not self.is_definite(w) and self.bare(w) not in self.lex.role_heads):
                break  # وهاجم الرئيس الوزير الذي قال: the clause's verb is not part of the antecedent
            words.append(m)
            m -= 1
        if not words:
            return None
        sp = self.parse_speaker(words[-1], words[0] + 1)
        if ent is not None and (sp is None or not _contains(sp.keys, tuple(self.key_of(self.ent_name(ent)).split()))):
            return self.tagged_speaker(ent)
        return sp if sp is not None and sp.kind != "DESC" or sp is not None and (sp.role or sp.head in self.lex.anonymous_heads or sp.head in self.lex.plural_heads or self.is_definite(sp.head)) else None

    def handle_cue(self, k: int, cue: CueForm, prefixed: bool, antecedent: Speaker | None = None) -> int:
        """Read one verb/participle cue at token ``k``; return the token to continue from.

        ``antecedent``: the noun a relative pronoun before the cue stands for (الذين أكدوا أن)."""
        lex = self.lex
        start = k + 1
        if cue.lemma == "جاء":
            if self.word(k + 1) in ("فيه", "فيها"):  # رسالة جاء فيها "…": the document is the antecedent
                start = k + 2
            elif self.word(k + 1) != "في":
                return k + 1
            else:
                start = k + 2
        # A verbal noun's speaker is a genitive chain (إعلان الناطق الرسمي باسم الائتلاف … سالم المسلط أن).
        found = self.scan_complement(start, cue.strict and cue.lemma != "جاء",
                                     _MAX_ZONE_STRICT + 4 if cue.gender is None else None, asides=cue.gender is not None)
        if found and cue.lemma == "بين" and not prefixed and found[1] - start > 2 and not (
                self.clause_start(k) and self.toks[k - 1].text in _COMMAS and self.word(k - 1) == ""):
            found = None  # bare بين is mostly "between" — not when it opens a clause after a comma (من جهته، بين X أن)
        if found is None and cue.strict and cue.pos == "verb" and cue.gender is not None:
            found = self.long_subject(k, start)  # وبين مدير عام … بأمانة المنطقة محمد الصفيان أن …
        bare = self.bare(self.norm[k]) if prefixed else self.norm[k]
        pronoun = self.word(k - 1) in _PRONOUNS
        # بيد أنه أكد، إلا أنه قال، لكنها أشارت: the pronoun on the particle is the subject, and it agrees with the
        # subject of the sentence's first clause
        pron_gender = _PRONOUN_COMPLEMENTIZERS.get(self.word(k - 1)) if cue.pos == "verb" and not prefixed else None
        topic = prefixed and self.norm[k][0] == "ف" and self.topic_before(k)  # أما الروائي يحيى يخلف، فيرى أن
        if (found and bare in lex.impersonal and not pronoun and not topic and not (not prefixed and self.named_subject_before(k))
                and (found[1] == start or (found[1] == start + 1 and self.word(start) == "الي"))):
            return k + 1  # يذكر أن / يشار إلى أن: the writer's aside, not a quotation
        if found and found[0] == "that" and self.wish_or_prayer(cue, start, found[1]):
            quoted = self.wish_quote(found[1])
            if quoted is None:
                return k + 1
            found = ("quote", quoted)  # معربا عن أمله أن يكون "هذا الفصل قد انتهى": the quoted words are said
        if found and cue.lemma == "زاد" and not (found[1] == start or (found[0] != "that" and found[1] <= start + 3)):
            return k + 1  # زاد is "increased" unless أن, a colon or a quotation follows it (or its short subject)
        if self.word(k - 1) in ("اذا", "واذا", "فاذا", "لو", "ولو"):
            return k + 1  # "إذا لاحظت أن …": a condition, not a report
        if found and self.word(k - 1) in ("لم", "ولم", "فلم", "لن", "ولن") and cue.lemma not in ("نفي", "استبعد", "انكر"):
            return k + 1  # "ولم تشرح الشركة الطريقة التي … أن": what was not said (but لم ينف أن is said)
        if (found and found[0] == "that" and cue.gender is not None and found[1] > start + 4
                and (governed := _PREP_CUES.get(self.word(found[1] - 1))) is not None and cue.lemma not in governed
                and any(self.bare(self.word(m)) in _OTHER_CLAUSE or self.word(m).startswith("كون") for m in range(start, found[1]))):
            # أعلن المغرب الصحراء … لكن الجبهة خاضت حربا … إلى أن تم: "until"; … كونها لم تستطع … فضلا عن أن: "besides" —
            # a preposition this cue does not govern, past another clause's opener, heads a clause of its own (with
            # the cue's subject alone before it, it is the cue's own, however loosely written: وأوضح X، أخصائي …، إلى أن)
            found = None
        if found and cue.lemma == "برر" and found[0] != "that":
            return k + 1  # برر counts only with بأن/أن ("تبرر اقتصاداتهما أي تحرك …: …" is no report)
        if found and cue.lemma == "قول" and cue.gender is None and self.word(start) in ("من", "اخر"):
            return k + 1  # "أي قول من أقوال …"، "في قول آخر": no one in construct
        if found and cue.gender is None and not self.norm[k].startswith(("بال", "وبال")) and self.norm[k] not in _SAYING_MASDARS and self.word(start) in ("علي", "عن", "ب"):
            return k + 1  # "…، تأكيد على أن …": a verbal noun with no one in construct is the writer's
        if found and cue.gender is None and self.norm[k].startswith(("بال", "وبال")) and (
                self.word(k - 1) in lex.not_complement_before or self.word(k - 1) in ("هناك", "كان", "سيكون", "يكون")
                or any(self.toks[m].kind == "word" and self.norm[m] not in ("علي", "عن") and self.norm[m] not in lex.time_words
                       for m in range(start, found[1]))):
            # "هناك بالتأكيد شعور بأن …"، "يمكن بالتأكيد أن …": the adverb; the verbal noun has its أن at
            # once (or after على/عن) and no modal before it
            return k + 1
        zone_end = found[1] if found else self.zone_stop(start)
        for m in range(start, zone_end):
            c = self.cue_at(m)
            if ((c is not None and c[0].pos == "participle" and not self.construct_head(m))
                    or self.norm[m] == "بالقول"):
                zone_end = m  # وتابع المتحدث قائلا إن: the participle only repeats the cue
                break
            if m > start and cue.lemma in lex.b_object and self.norm[m].startswith("بال"):
                zone_end = m  # تعهدت الصين بالمضي …: the ب-object, not part of the subject
                break
            if m > start and cue.lemma in ("حذر", "نبه") and self.norm[m] == "من" and self.is_definite(self.word(m + 1)):
                zone_end = m  # وحذرت الهيئة من التعاطي …: the verb's own preposition, not part of the subject
                break
            if self.norm[m] in _CUE_OBJECTS:
                zone_end = m  # ولفت الانتباه إلى، وكرر القول إن: the verb's fixed object, never its subject
                break
        sp: Speaker | None = None
        explicit = False
        fronted = False  # the subject was read before the cue (إن رئيس البرلمان X وصف …)
        gender: str | None = cue.gender
        accused: set[str] = set()
        if cue.pos == "verb":
            a = start
            if a + 2 < zone_end and self.norm[a] in ("ل", "لل") and self.is_opener(a + 1):
                close = self.find_close(a + 1)
                if close is not None and close + 1 < zone_end:
                    a = close + 1  # أكد لـ«عكاظ» عدد من الأهالي أن: the outlet addressed, then the subject
            elif a + 2 < zone_end and cue.lemma in _ADDRESSEE_FIRST and self.is_opener(a):
                close = self.find_close(a)
                if close is not None and close - a <= 5 and close + 1 < zone_end and self.toks[close + 1].kind == "word":
                    a = close + 1  # أبلغ "الاقتصادية" الشريف X: the newspaper told (the verb's object), then the subject
            elif (a < zone_end and cue.gender is not None and self.norm[a].startswith("لل") and len(self.norm[a]) > 4
                  and self.toks[a].start not in self.person_starts() and not self.is_opener(a + 1)):
                # وقال للمجلس إن، وأكد للصحفيين الأمين العام …: ل + a definite noun right after a finite verb is
                # whom it was told (with the adjectives that agree with it), never the verb's subject
                heads = lex.role_heads | lex.institution_heads | lex.anonymous_heads | lex.honorifics
                m = a + 1
                while m < zone_end and (self.toks[m].start == self.toks[m - 1].end or (
                        self.toks[m].kind == "word" and self.toks[m].start not in self.person_starts() and (
                        self.norm[m].startswith("لل") or (self.is_definite(self.norm[m]) and self.norm[m] not in heads)))):
                    m += 1  # (للعربية.نت: what is glued to the addressee is part of it)
                a = m
            relay = next((m for m in range(a, zone_end - 2) if (self.norm[m], self.norm[m + 1]) in (("نقلا", "عن"), ("علي", "لسان"))), None)
            if relay is not None:
                # ذكرت وكالات أنباء نقلا عن وزارة الدفاع أن، ونقلت الوكالة على لسان قاسمي قوله: the source speaks,
                # the outlet only relays it
                a = relay + 2
                gender = None
                zone_end = next((m for m in range(a, zone_end) if self.norm[m] in ("قوله", "قولها", "قولهم", "قولهما")), zone_end)
            elif cue.lemma in ("نقل", "علم"):
                # نقلت الصحيفة عن المستشار … قوله إن، وعلمت "الرياض" من مصادر أن: the speaker follows عن / من.
                for m in range(start, zone_end):
                    if self.norm[m] == ("عن" if cue.lemma == "نقل" else "من"):
                        a = m + 1
                        gender = None  # the verb agrees with the outlet, not with the speaker
                        break
                else:
                    relayed = self.relayed_document(start, zone_end)
                    if relayed is not None:
                        sp = relayed  # ونقلت رويترز بيان زيد رعد الحسين والذي قال فيه إن: the statement's author
                        a = zone_end
                zone_end = next((m for m in range(a, zone_end) if self.norm[m] in ("قوله", "قولها", "قولهم", "قولهما")), zone_end)
            if cue.lemma == "اتهم":
                # اتهم كوهين مجددا إيران بأنها: subject, adverb, object; اتهمت بوتفليقة بأنه: the object alone, the
                # subject dropped or written before the verb
                sep = next((m for m in range(a, zone_end) if self.word(m) in lex.time_words or self.word(m) in _ADVERBIALS), None)
                if found and found[0] == "that":
                    accused = {self.tok_key(m) for m in range(a if sep is None else sep + 1, found[1])}
                zone_end = a if sep is None else sep
            if (a == start and cue.gender == "pl" and self.bare(self.norm[k]).endswith(("وا", "ون"))
                    and not any(self.tagged_at(m) for m in range(a, zone_end))):
                # ووصفوا الفريق بـ…، وقالوا للصحفيين: the plural ending is the subject itself (a verb before its
                # subject stays singular), so what follows it is the object or an adjunct
                zone_end = a
            if cue.lemma in lex.object_first and a < zone_end and self.toks[a].kind == "word":
                probe = Speaker(self.toks[a].text, "PER")
                hit = self.resolve(probe)
                sp = hit if hit is not probe else None
                if sp is None and not prefixed:
                    sp = self.look_back(k)
                    fronted = sp is not None
                if sp is None:
                    sp = self.parse_speaker(a, zone_end)
                    if sp is not None and not sp.strong and sp.kind != "ORG" and sp.head not in lex.role_heads:
                        sp = None  # ووصفت القرار بأنه …: that is the object; the subject was dropped
            else:
                sp = self.parse_speaker(a, zone_end) if a < zone_end else sp
                if sp is None and antecedent is None and not prefixed:
                    sp = self.publisher(k)  # أصدرت القبائل بيانا أكدت فيه أن: whoever issued the statement
                if sp is None and antecedent is not None:
                    sp = antecedent
                if sp is None and pron_gender is not None and cue.gender in (None, pron_gender):
                    sp = self.main_verb_subject(k, pron_gender, across=True)
                if sp is None and not pronoun and pron_gender is None and antecedent is None and (
                        not prefixed or (self.norm[k][0] == "ف" and self.topic_before(k))):
                    sp = self.look_back(k)
                    fronted = sp is not None
            if cue.lemma == "جاء" and sp is not None and sp.keys and sp.keys[0] in _DOCUMENTS:
                # وجاء في البيان "…": the statement speaks for whoever issued it, the body named last.
                sp = self.pro_drop("f") or sp
            explicit = sp is not None
        if sp is not None and gender == "f" and sp.kind == "DESC" and sp.role and not sp.entity_id:
            r0 = normalize(sp.role.split()[0])
            r0 = r0[2:] if r0.startswith("ال") else r0
            if (r0 in lex.role_heads or "ال" + r0 in lex.role_heads) and not r0.endswith("ه"):
                sp, explicit = None, False  # فأخبرت مدير أعمالها: a masculine role after a feminine verb is its object
        if sp is not None:
            sp = self.resolve(sp, k)
        record = sp is not None and bool(sp.keys) and sp.keys[0] in self._record_keys
        if record:
            sp = None  # جاء في وثائق المحكمة، أفادت تقارير: a record, not a speaker
        # نصت المادة (27) على أن، التي نصت على أن: a provision of a law or a rule says it; no one said earlier is its speaker.
        record = record or (cue.lemma == "نص" and sp is None)
        relative_clause = (cue.pos == "verb" and not prefixed and k > self.sent_start[k] and self.toks[k - 1].kind == "word"
                           and (self.word(k - 1) in ("ما", "مما", "بما")
                                or (self.word(k - 1).endswith("ا") and not self.is_definite(self.word(k - 1)))))
        if sp is None and not record and (cue.pos == "participle" or (prefixed and k > self.sent_start[k] and cue.pos == "verb")
                                          or relative_clause):
            # (… بحادث التفجير، وقالوا: the subject of the sentence's verb; ونشر موقع "سانا" صورا قال إنها …،
            # ودعت كوريا الشمالية الصحفيين ليشهدوا ما تقول إنه …: a relative clause of the main verb's object)
            sp = self.clause_subject(k, cue.gender)
            if sp is None:
                sp = self.main_verb_subject(k, cue.gender)
            if sp is None:
                sp = self.near_clause_subject(k, cue.gender)
            explicit = sp is not None and not sp.place
        if sp is None and not record:
            sp = self.pro_drop(cue.gender, self.toks[k].start)
            # A speaker already remembered, or one read afresh for this cue — the subject of the sentence
            # before it or the tagger's person earlier in its sentence — who is now the current speaker
            # (… عبّر الوزير X عن …، لافتا إلى أن … ⏎ جاء ذلك في تغريدات، حيث قال: …).
            explicit = sp is not None
        if sp is not None and accused & set(sp.keys):
            sp = None  # واتهمت بوتفليقة بأنه …: the one accused is not the speaker
        if not found:
            # A named subject of a cue with no quotation (أكد الوزير جون كيري أهمية …) is still
            # who a following وأضاف refers to; weak readings (an object, a clause) are not kept.
            # (not inside another's statement: أنه أبلغ رئيس الوزراء X بـ… names X in the speaker's words)
            if explicit and sp is not None and cue.pos == "verb" and not self.overlaps(self.toks[k].start, self.toks[k].end) and (
                sp.strong or (sp.kind == "ORG" and (sp.head in self.lex.institution_heads))
                or (sp.kind == "DESC" and sp.role is not None and self.bare(sp.head) in lex.role_heads)
            ):
                self.remember(sp, gender)
            return k + 1
        span = self.content(found, k)
        if span is None:
            return k + 1
        s, e, resume, direct = span
        cue_end = k + 1
        if self.add_quote(s, e, direct, k, sp, cue_end):
            if sp is not None and explicit:
                self.remember(sp, gender)
            return max(resume, k + 1)
        if (sp is not None and explicit and fronted and sp.kind == "PER" and sp.entity_id and cue.pos == "verb"
                and self.overlaps(self.toks[k].start, self.toks[k].end)):
            # وقالت الوكالة إن رئيس البرلمان X وصف ترامب بأنه "…"، وقال إن …: a report inside another's report
            # is still X's — the one a following cue with no subject that agrees with X continues
            self.remember(sp, gender)
        return k + 1

    def content(self, found: tuple[str, int], k: int) -> tuple[int, int, int, bool] | None:
        """The said content after the complement ``found`` of the cue at ``k``: token range, the
        token to resume after, and whether it is direct speech."""
        kind, j = found
        if kind == "quote":
            span = self.direct_span(j)
            return None if span is None else (*span, True)
        if kind == "colon" and self.word(j + 1) in ("ان", "انه", "انها", "انهم"):
            # "قال المدرب: إن ليتون قد يغيب …": a reported clause behind a colon, to its sentence end.
            clause = self.clause_span(j + 2) if j + 2 < self.n else None
            return None if clause is None else (*clause, k + 1, False)
        if kind == "colon":
            if j + 1 < self.n and self.is_opener(j + 1) and self.toks[j + 1].start - self.toks[j].end <= 2:
                span = self.direct_span(j + 1)
            elif (j + 1 < self.n and self.para_end[j] == j + 1 and self.toks[j + 1].kind == "word" and not self.reports_at(j + 1)
                  and (c := self.cue_at(k)) is not None and not c[0].strict):  # (not "بين الطرفين، منها:⏎ …")
                span = self.colon_span(j, j + 1)  # "وقال في كلمته:⏎إننا ماضون …": the speech is the next line
            else:
                span = self.colon_span(j)
            return None if span is None else (*span, True)
        c = self.cue_at(k)
        clause = self.clause_span(j + 1, c[0].gender if c is not None else None) if j + 1 < self.n else None
        return None if clause is None else (*clause, k + 1, False)

    def named_subject_before(self, k: int) -> bool:
        """A tagged person or body ends right before the cue (لكن ماني يرى أن، والمدرب كلوب يعتقد أن): the subject of
        an SVO clause, so يرى / يعتقد / يتوقع أن is that subject's opinion, not the impersonal "it is thought"."""
        if k == 0 or self.toks[k - 1].kind != "word":
            return False
        end = self.toks[k - 1].end
        return any(e.end == end and e.start < end for e in self.entities)

    def relative_statement(self, k: int, cue: CueForm) -> bool:
        """A cue right after a relative pronoun reports when its أن/إن or colon follows inside the
        relative clause (الذي أكد في حديث قبل الحصة أن …), not a quotation (الذي أشارت إليه "أسوشيتد برس")
        nor a complement past a comma, which belongs to the main verb (صحف، منها "ذا ناشيونال" التي تصدر
        بالإنجليزية، أن …)."""
        found = self.scan_complement(k + 1, cue.strict)
        return (found is not None and found[0] != "quote"
                and not any(self.toks[m].text in _COMMAS for m in range(k + 1, found[1])))

    def wish_or_prayer(self, cue: CueForm, start: int, that: int) -> bool:
        """``أعربوا عن أملهم في أن …`` (a wish) and ``داعيا للفقيد أن …`` (a prayer) are not statements."""
        if (cue.lemma in _DIRECTIVES and not (that + 1 < self.n and self.is_opener(that + 1))
                and not (start >= 2 and self.toks[start - 2].kind == "word" and self.is_first_name(start - 2, start - 1))):
            # (فهد طالب الشرفي … أن: طالب after a first name is a name, and the complement is another cue's)
            return True  # ودعا الوزير الشركات إلى أن تلتزم …، أوصى بأن …: a directive (settled conventions, rule 3)
        # (a verbal noun looks back too: "ودعا الله في ختام تصريحه أن يحفظ …")
        for m in range(start - 1 if cue.gender is not None else max(0, start - 7), that):
            c = self.cue_at(m)
            if c is not None and c[0].lemma == "دعا" and (self.word(m + 1).startswith("لل") or self.word(m + 1) in ("له", "لها", "لهم")
                                                          or self.word(m + 1) in ("الله", "المولي", "ربه", "ربها")):
                return True  # داعيا للفقيد أن …، ودعا الله عز وجل أن يوفق …
            if c is not None and c[0].lemma == "سال" and self.word(m + 1) in ("الله", "المولي", "ربه", "ربها"):
                return True  # سائلا المولى أن يتغمده …
            if c is not None and c[0].lemma in ("دعا", "سال") and any(
                    self.word(x) in ("الله", "المولي") for x in range(m + 1, min(that, m + 10))):
                return True  # وسأل سمو أمير المنطقة المولى عز وجل بأن يحفظ …: the subject comes first

        if self.bare(self.word(that - 1)) in _NECESSITY:
            return True  # أكدت عليهم بضرورة أن يتخلصوا …: a directive, not a statement (settled conventions, rule 3)
        # (أمل and آمال alone are also first names: they count only after عن, as in "عن أمل كبير في أن")
        return any(self.bare(self.word(m)) in _WISHES and (self.word(m - 1) == "عن" or self.bare(self.word(m)) not in ("امل", "امال"))
                   for m in range(start, that))

    def plausible_source(self, a: int, b: int) -> bool:
        """Tokens ``a:b`` can name who said something: a person or body the tagger found there, or a phrase
        headed by a role, an institution, an outlet, an unnamed source, a document or a first name — not a
        criterion or a quantity (حسب الأسهم المخصصة، وفق إجراءات ميسرة، كما قدر حجم التبادل 9 مليارات)."""
        if a >= b:
            return False
        lo, hi = self.toks[a].start, self.toks[b - 1].end
        if any(e.start < hi and lo < e.end for e in self.doc.entities if e.type in ("PER", "ORG", "LOC")):
            return True  # (بحسب بريطانيا: a state speaks through its government)
        lex = self.lex
        heads = (lex.role_heads, lex.institution_heads, lex.outlet_heads, lex.anonymous_heads, lex.first_names,
                 lex.honorifics, lex.ranks, lex.plural_heads, lex.record_heads)
        for m in range(a, min(b, a + 3)):
            t = self.toks[m]
            if t.kind == "punct" and (t.text in _OPENERS or t.text in "("):
                return True  # a quoted or bracketed name: وكالة «إيسنا»، (إن تي في)
            if t.kind != "word":
                continue
            w = t.norm
            if w in self.lex.not_sources or any(ch.isdigit() for ch in w):
                return False  # بحسب حجم …، 9 مليارات: a measure
            forms = {w, self.bare(w)}
            for suffix in ("هما", "هم", "ها", "ه"):  # محاميتها، وزيره: a role of someone named before
                if w.endswith(suffix) and len(w) > len(suffix) + 2:
                    stem = w[:-len(suffix)]
                    forms.update((stem, stem[:-1] + "ه" if stem.endswith("ت") else stem))
                    break
            for f in list(forms):
                if f.startswith("ل") and len(f) > 3:
                    forms.add("ال" + f[2:] if f.startswith("لل") else f[1:])
                for g in list(forms):
                    if g.startswith("ال"):
                        forms.add(g[2:])
                    else:
                        forms.add("ال" + g)
            if any(f in h for f in forms for h in heads) or any(f in _DOCUMENTS or f in _DATA_DOCUMENTS or f in _MEDIA_PLURALS
                                                              for f in forms):
                return True  # (within the first three words: أرقام وزارة العدل)
        return False

    def long_subject(self, k: int, start: int) -> tuple[str, int] | None:
        """A strict cue (بين، اعتبر، طالب …) opening its clause whose subject is a long role chain ending in a
        person the tagger found, right before أن/إن: ``وبين مدير عام إدارة العلاقات العامة بأمانة المنطقة
        الشرقية محمد الصفيان أن …``. The strict zone (eight words) is for the verb's other readings
        (بين "between", طالب "student"); a clause-initial verb, a named subject and أن after it leave none."""
        if k != self.skip_openers(self.sent_start[k]):
            return None  # only a verb opening its sentence (after من جهته، / و …)
        found = self.scan_complement(start, False)
        if found is None or found[0] != "that":
            return None
        j = found[1]
        last = j - 1 if self.toks[j - 1].kind == "word" else j - 2  # (… الصفيان، أن)
        if last < start or self.toks[last].kind != "word":
            return None
        end = self.toks[last].end
        if not any(e.type == "PER" and e.end == end and e.start >= self.toks[start].start for e in self.entities) and not self.aside_before(start, j):
            return None
        if any(self.cue_at(m) is not None or self.toks[m].text in _OPENERS or self.word(m) in _RELATIVE_PRONOUNS
               for m in range(start, j)):
            return None  # (أصدر الاتحاد قائمة بالسلع التي ستخضع لتعريفات ردا على قرار ترامب، وإنه: no subject chain)
        return found

    def aside_before(self, start: int, j: int) -> bool:
        """``وبين العواجي، عقب اجتماعه مع رئيس مجلس إدارة الشركة الكورية، أن …``: a short subject, then an adjunct
        closed by commas right before أن (a time, an occasion, a place) — the strict zone's eight words are for the
        verb's other readings, which a comma-closed adjunct before أن does not have."""
        if j - 1 <= start or self.toks[j - 1].text not in _COMMAS:
            return False
        first = next((m for m in range(start, j - 1) if self.toks[m].text in _COMMAS), None)
        if first is None or first == start or sum(1 for m in range(start, first) if self.toks[m].kind == "word") > 6:
            return False
        opener = self.word(first + 1)
        return (opener in self.lex.adjunct_preps or opener in self.lex.time_words or opener == "في"
                or self.bare(opener) in self.lex.adjunct_preps) and not any(
                    self.toks[m].text in _COMMAS or self.toks[m].text in _SENT_END for m in range(first + 1, j - 1))

    def anaphoric_report(self, k: int, cue: CueForm) -> int | None:
        """``أوضح ذلك مدير عام التطوير السياحي سعيد ريحان``، ``ذكر ذلك الدكتور …``، ``صرح بذلك …``: a verb cue
        opening its sentence with ذلك for its object and its subject after it attributes the sentence before
        (in its paragraph, or the last one of the paragraph before). Not جاء ذلك (the writer's formula)."""
        if cue.pos != "verb" or cue.gender is None or cue.lemma == "جاء" or k != self.skip_openers(self.sent_start[k]):
            return None
        start = k + 2
        stop = self.zone_stop(start)
        for m in range(start, stop):
            t = self.toks[m]
            if (t.kind == "punct" and t.text in _COMMAS) or self.word(m) in _RELATIVE_PRONOUNS:
                stop = m  # أوضح ذلك المدير X، الذي أشار إلى أنه …: the subject ends; the relative adds its own
                break
            if self.word(m) in _THAT or t.text == ":" or (t.kind == "punct" and t.text in _OPENERS):
                return None  # (أكد ذلك الوزير قائلا: …: a complement of its own is the statement)
        if not self.plausible_source(start, stop):
            return None
        prev = self.sent_start[k] - 1
        while prev >= 0 and self.toks[prev].kind == "punct" and self.toks[prev].text not in _SENT_END:
            prev -= 1
        if prev < 0 or self.toks[prev].text not in _SENT_END:
            return None
        s0 = self.sent_start[prev]
        s0 = self.skip_openers(s0)
        if sum(1 for m in range(s0, prev) if self.toks[m].kind == "word") < 5 or self.headline_line(s0):
            return None
        lo, hi = self.toks[start].start, self.toks[stop - 1].end
        person = min((e for e in self.entities if e.type == "PER" and lo <= e.start < hi), key=lambda e: e.start, default=None)
        if person is not None:  # ذكر ذلك الدكتور X المدير الطبي في مستشفى الدكتور Y: the first person named
            stop = next((m + 1 for m in range(start, stop) if self.toks[m].end >= person.end), stop)
        sp = self.parse_speaker(start, stop)
        if sp is None:
            return None
        sp = self.resolve(sp, k)
        self.add_quote(s0, prev, False, k, sp, k + 1)
        self.remember(sp, cue.gender)  # (even when the sentence before is no quotation: the subject speaks next)
        return stop

    def reversed_opener(self, colon: int, k: int) -> bool:
        """A closing mark (» or ”) glued after a colon opens the speech (``قال:» …»``), as some outlets type it."""
        return (k < self.n and self.toks[k].text in ("»", "”") and self.toks[colon].text == ":"
                and self.toks[k].start - self.toks[colon].end <= 1 and k + 1 < self.para_end[k]
                and self.toks[k + 1].kind == "word")

    def evidential(self, k: int, cue: CueForm) -> bool:
        """``… بلغ 831 مليون دولار، وهو ما يشير إلى أنها ستنفق …``، ``مما يؤكد أن …``: a present-tense verb of
        showing after ما/مما has the clause before for its subject — an inference, not anyone's statement
        (no such case is a quotation in any gold file, four occurrences)."""
        if self.word(k - 1) not in ("ما", "مما", "بما") or cue.pos != "verb":
            return False
        w = self.norm[k]
        return w[:1] in "يت" and cue.lemma in _EVIDENTIAL

    def in_acronym(self, k: int) -> bool:
        """إن/ان at ``k`` spells the letter N of a Latin acronym (سي إن إن، سي ان ان، إن بي سي، إن تي في)."""
        if self.norm[k] not in ("ان", "وان"):
            return False
        return ((self.word(k - 1) == "سي" and self.word(k + 1) == "ان") or (self.word(k - 1) == "ان" and self.word(k - 2) == "سي")
                or self.word(k + 1) in ("بي", "تي"))

    def wish_quote(self, that: int) -> int | None:
        """Quoted words opening the clause of a wish or directive (``عن أمله في أن يكون "هذا الفصل قد انتهى"``،
        ``بأن "النصر سيكون قريبا"``): the clause is no statement, but the quoted words are the speaker's own
        (convention: quoted fragments after wish and verbal-noun cues are direct). Returns the opening mark."""
        end = self.sent_end[that]
        for m in range(that + 1, min(that + 4, end)):
            t = self.toks[m]
            if t.kind == "punct" and t.text in _OPENERS and t.text != "”":
                close = self.find_close(m)
                if close is None or close >= end + 1 or self.is_name_quote(m, close):
                    return None
                return m
            if t.kind == "punct":
                return None
        return None

    def coordinated_quote(self, k: int) -> bool:
        """The quotation mark at ``k`` follows a closed quotation and a bare و or comma
        (``وصفه بـ"الفظيع" و"السيء"``، ``"لقد مزق ترامب الصفقة"، "لقد حان الوقت لحرقها"``): a quotation in
        a row, of the same speaker and cue (the gold writes each one as its own quotation)."""
        if k < 2 or k >= self.n or not self.is_opener(k) or self.find_close(k) is None:
            return False
        sep = self.toks[k - 1]
        c = k - 2  # the closing mark before the separator (و، a comma, or "، و": قال "…"، و"…")
        if self.word(k - 1) == "و" and k >= 3 and self.toks[k - 2].text in _COMMAS:
            c = k - 3
        if not (sep.text in _COMMAS or self.word(k - 1) == "و") or self.toks[c].text not in _CLOSERS:
            return False
        # Parallel items of like size: not the end of a longer quotation ("نميز بين الشعب الإيراني" و"النظام")
        opener = next((m for m in range(c - 1, max(-1, k - 80), -1) if self.is_opener(m) and self.find_close(m) == c), None)
        if opener is None:
            return False
        n1, n2 = self.quoted_words(opener, c), self.quoted_words(k, self.find_close(k))
        return max(n1, n2) <= 2 * min(n1, n2) + 2

    def coordinated_follow(self, k: int) -> bool:
        """Add the quotation in a row at ``k`` (:meth:`coordinated_quote`) after the direct quotation just added."""
        last = self._last_direct
        if last is None or not self.coordinated_quote(k):
            return False
        end_tok, cue_k, cue_end, sp = last
        if end_tok not in (k - 2, k - 3, k - 4):
            return False
        span = self.direct_span(k)
        if span is None:
            return False
        return self.add_quote(span[0], span[1], True, cue_k, sp, cue_end)

    def relay_phrase(self, k: int) -> tuple[int, int, int] | None:
        """``كما أعلنت الشرطة.`` / ``على ما أوضح بيدج.`` at token ``k``, after a comma: a verb cue with no
        complement whose subject closes the sentence. Returns (cue token, end of the phrase, its words)."""
        if k == 0 or k >= self.n or self.toks[k - 1].text not in _COMMAS:
            return None
        if self.word(k) in ("كما", "وكما"):
            v = k + 1
        elif self.word(k) == "علي" and self.word(k + 1) == "ما":
            v = k + 2
        else:
            return None
        cue = self.cue_at(v) if v < self.n else None
        if (cue is None or cue[1] or cue[0].pos != "verb" or cue[0].gender is None or cue[0].lemma == "جاء"
                or cue[0].strict):
            return None  # (كما تتابع السفارة الحادث: a strict verb reports only with a complement)
        if self.scan_complement(v + 1, cue[0].strict) is not None:
            return None
        if self.word(v + 1) in _PREPOSITIONS or self.word(v + 1) in _OBJECT_PREPS:
            return None  # كما أردف حول الحقوق …: no subject after the verb
        end = self.sent_end[k]
        stop = v + 1
        words = 0
        while stop < end:
            t = self.toks[stop]
            if t.kind == "punct" and (t.text in _SENT_END or (t.text in _COMMAS and stop + 1 == end)):
                break
            if t.kind == "punct" and t.text not in _OPENERS and t.text not in _CLOSERS and t.text not in "()":
                return None  # a comma or colon: the sentence goes on, so the phrase is an aside
            if t.kind == "word":
                words += 1
                if words > 12 or t.norm in _THAT or self.word(stop) in self.lex.relatives or (
                        stop > v + 1 and self.opens_statement(stop)):
                    return None
            stop += 1
        if words and not self.plausible_source(v + 1, stop):
            return None  # كما يقول المثل، كما قدر حجم التبادل …: no one who speaks
        return v, stop, words

    def source_phrase_ok(self, k: int, a: int, stop: int) -> bool:
        """The phrase ``a:stop`` after بحسب / وفق / حسب at ``k`` can be a source. An attribution is set off —
        it opens its sentence, follows a comma, or reports a verb (حسب ما ذكر …) — or names a source
        (:meth:`plausible_source`) or a tally (وفقا لتقديرات الوزارة, settled conventions rule 9). Run into its
        clause with none of these it is a criterion: ``وتختلف قيمة الغرامة بحسب المخالفة``، ``وفق إجراءات ميسرة``."""
        if (self.word(k + 1) in ("ما", "لما") or self.bare(self.word(k)) in ("حسبما", "بحسبما", "وفقما", "نقلا")
                or self.word(k) == "نقلا"):
            return True  # (نقلا عن X is always a relay)
        s0 = self.sent_start[k]
        if (self.toks[k - 1].kind == "punct" and (self.toks[k - 1].text in _COMMAS or self.toks[k - 1].text in _SENT_END)) or not any(
                self.toks[m].kind == "word" and self.norm[m] not in self.lex.leading_fillers for m in range(s0, k)):
            return True
        if self.plausible_source(a, stop):
            return True
        for m in range(a, min(stop, a + 2)):
            w = self.bare(self.word(m))
            if w in _TALLIES or (w.startswith("ل") and ("ال" + w[2:] if w.startswith("لل") else w[1:]) in _TALLIES):
                return True
        return False

    def trailing_relay(self, k: int) -> int | None:
        """``…، كما أعلنت الشرطة.`` / ``…، على ما أوضح بيدج.``: a :meth:`relay_phrase` attributes the clause
        before the comma, like a postposed بحسب ما. Inside a sentence (``-كما قال-``) it stays an aside
        (settled conventions, rule 4), and ``، كما أكد أن …`` is a statement of its own (handle_cue).
        Returns the token to resume at."""
        found = self.relay_phrase(k)
        if found is None:
            return None
        v, stop, words = found
        cue = self.cue_at(v)
        s0 = self.sent_start[k]
        before = [m for m in range(s0, k - 1) if self.toks[m].kind == "word"]
        if len(before) < 3 or any((c := self.cue_at(m)) is not None and c[0].gender is not None
                                  and self.scan_complement(m + 1, c[0].strict) for m in before):
            return None  # a cue of the sentence owns its content
        if any(self.word(m) in self.lex.source_words or self.bare(self.word(m)) in self.lex.source_words for m in before):
            return None  # بحسب … already attributes it
        sp = self.parse_speaker(v + 1, stop) if words else None
        sp = self.resolve(sp, v) if sp is not None else self.pro_drop(cue[0].gender, self.toks[v].start)
        if sp is not None and sp.keys and sp.keys[0] in self._record_keys:
            sp = None
        if self.add_quote(s0, k, False, v, sp, v + 1) and sp is not None:
            self.remember(sp, cue[0].gender, weak=True)
        return max(k + 1, stop)

    def source_fallback(self, k: int, a: int, stop: int) -> Speaker | None:
        """The speaker of a بحسب / وفق phrase ``a:stop`` that reads as no name: the verbal noun of a report
        before its issuer (بحسب إعلان الجهاز المركزي للإحصاء), a verb after ما with no subject (وفق ما أعلنت
        الأحد: the speaker the verb refers back to), or a person or body the tagger found in the phrase
        (وفق ما أوضحت شبكتا سي ان ان …). None when the phrase is none of these (a criterion)."""
        if self.word(k + 1) == "ما" and a == k + 3 and all(
                self.toks[m].kind != "word" or self.word(m) in self.lex.time_words for m in range(a, stop)):
            c = self.cue_at(k + 2)
            g = c[0].gender if c is not None and c[0].gender else ("f" if self.word(k + 2).endswith("ت") else "m")
            return self.pro_drop(g, self.toks[k].start)
        if a >= stop:
            return None
        w = self.word(a)
        if self.bare(w) in ("اعلان", "تصريح", "تصريحات", "بيان", "تقرير", "بلاغ", "احصاء", "احصاءات") and a + 1 < stop:
            sp = self.parse_speaker(a + 1, stop)
            if sp is not None:
                return self.resolve(sp, k)
        lo, hi = self.toks[a].start, self.toks[stop - 1].end
        for e in self.doc.entities:
            if e.type in ("PER", "ORG") and lo <= e.start and e.end <= hi:
                return self.resolve(Speaker(self.ent_name(e), e.type, entity_id=e.entity_id), k)
        return None

    def source_gender(self, sp: Speaker) -> str:
        """The gender a بحسب/وفق source is referred back with (a later مشيرا، وأضافت): a person's "m" (a guess),
        a body's "f" — unless its head is a masculine singular body or outlet noun (وفق حصيلة أوردها المرصد …
        مشيرا؛ بحسب التلفزيون الرسمي، مضيفا), not a plural (وسائل، الأمم، الدول)."""
        if sp.kind != "ORG":
            return "m"
        head = sp.head[2:] if sp.head.startswith("ال") else sp.head
        heads = self.lex.institution_heads | self.lex.outlet_heads
        if (head and not head.endswith(("ه", "ات", "ا")) and head not in _PLURAL_BODIES
                and name_key(head) not in _DOCUMENTS | _STUDIES | _TALLY_KEYS | {"استطلاع", "مسح"}  # (a poll: no one to go on)
                and (head in heads or "ال" + head in heads)):
            return "m"
        return "f"

    def handle_source(self, k: int) -> int:
        """بحسب / وفقا لـ / نقلا عن: a source on one side of the attributed clause."""
        lex = self.lex
        w = self.word(k)
        b = self.bare(w) if w not in lex.source_words else w
        a = k + 1
        if b in ("وفقا", "طبقا"):
            nxt = self.word(a)
            if not nxt.startswith("ل"):
                return k + 1
            if nxt in ("لما", "ل"):
                a += 1
                if self.word(a) == "ما":
                    a += 1
                if self.toks[a].kind == "word" if a < self.n else False:
                    a += 1  # the verb: لما قاله / لما نقله
            # else: لصحيفة …: the ل is glued and the phrase starts at this token
        elif b == "نقلا":
            if self.word(a) != "عن":
                return k + 1
            a += 1
        elif b in ("حسبما", "بحسبما", "وفقما"):
            a += 1  # the verb: حسبما أفادت وكالة …
            if self.word(a) in ("في", "عن"):
                a += 1  # وحسبما جاء في التقارير الأخيرة، فإن …
        elif self.word(a) == "ما":
            a += 2  # بحسب ما أورد / وفق ما قال
            if self.word(a) in ("به", "بها", "عنه", "عنها", "فيه", "فيها"):
                a += 1  # وحسب ما أفاد به مصدر مطلع
            elif self.word(a) in ("في", "عن") and a + 1 < self.n and self.toks[a + 1].kind in ("word", "punct"):
                a += 1  # بحسب ما ورد في صحيفة "…"، وفق ما جاء في التقرير
        if a >= self.n or self.toks[a].kind != "word":
            if not (a < self.n and self.is_opener(a)):
                return k + 1
        if w == "فحسب" and self.word(a) in ("بل", "ولكن", "لكن", "وانما"):
            return k + 1
        stop = a
        limit = min(self.sent_end[k], a + 9)
        while stop < limit:
            t = self.toks[stop]
            if t.kind == "punct" and (t.text in _COMMAS or t.text in _SENT_END or t.text == ":"):
                break
            if t.kind == "word" and (t.norm in ("فان", "فقد", "فانه", "فانها", "قوله", "قولها", "قولهم", "قولهما")
                                     or t.norm in lex.time_words or t.norm in lex.relatives):
                break
            if t.kind == "word" and stop > a and (self.bare(t.norm).startswith("لكن") or (
                    self.opens_statement(stop) and self.scan_complement(stop + 1, self.cue_at(stop)[0].strict))
                    or ((c := self.cue_at(stop)) is not None and c[0].pos == "participle" and c[0].gender is not None
                        and (f := self.scan_complement(stop + 1, c[0].strict)) is not None and f[1] <= stop + 2)):
                break  # "بحسب بيان أصدرته في مايو لكن مصدرا بالشركة قال …": the source ends, a report begins
            if ((t.text in _CLOSERS or (t.text in ("«", "“") and any(self.find_close(m) == stop for m in range(a, stop))))
                    and stop > a and any(self.is_opener(m) for m in range(a, stop))
                    and stop + 1 < self.n and self.toks[stop + 1].kind == "word" and not self.is_definite(self.norm[stop + 1])):
                stop += 1  # حسب ما نقلت "رويترز" كان أول …: the quoted name ends the source, not "البريطانية"
                break
            stop += 1
        if stop < self.n and stop > a and self.norm[stop] in lex.relatives:
            # وبحسب التحقيق التلفزيوني الذي نشرت نتائجه وسائل الإعلام، فإن …: the relative clause describes the
            # source; the attributed clause starts after its comma (and an issuer in it is read as the speaker's)
            comma = next((m for m in range(stop + 1, min(self.sent_end[k], stop + 30)) if self.toks[m].text in _COMMAS
                          and m + 1 < self.n and self.norm[m + 1] in ("فان", "فانه", "فانها")), None)
            if comma is not None:
                stop = comma
        if stop < self.n and self.norm[stop] in ("قوله", "قولها", "قولهم", "قولهما"):
            # نقلا عن مصدر في الرئاسة قوله إن …: the phrase is the speaker, the clause after قوله the content.
            found = self.scan_complement(stop + 1, False)
            span = self.content(found, stop) if found and found[1] <= stop + 2 else None
            if span is None:
                return k + 1
            sp = self.parse_speaker(a, stop)
            sp = self.resolve(sp, k) if sp is not None else None
            s, e, resume, direct = span
            if self.add_quote(s, e, direct, stop, sp, stop + 1) and sp is not None:
                self.remember(sp, None)
            return max(resume, stop + 1)
        first = self.word(a)
        if first.startswith("ل") and b in ("وفقا", "طبقا") and first not in ("لما",):
            first = "ال" + first[2:] if first.startswith("لل") else first[1:]
        if not first and a < self.n and self.is_opener(a):
            first = self.word(a + 1)
        if first in lex.not_sources or self.bare(first) in lex.not_sources or ("ال" + first) in lex.not_sources:
            return k + 1
        for suffix in ("ه", "ها", "هم"):  # بحسب وضعه / حالته الصحية: a possessed circumstance, not a source
            stem = first[:-len(suffix)] if first.endswith(suffix) and len(first) > len(suffix) + 2 else ""
            if stem and (stem in lex.not_sources or "ال" + stem in lex.not_sources
                         or (stem.endswith("ت") and stem[:-1] + "ه" in lex.not_sources)):
                return k + 1
        if not self.source_phrase_ok(k, a, stop):
            return k + 1  # وتختلف قيمة الغرامة بحسب المخالفة، وفق إجراءات ميسرة: a criterion, not a source
        said = a + 1 if self.bare(self.word(a)) in ("اعلان", "تصريح", "تصريحات") and a + 1 < stop else a
        sp = self.parse_speaker(said, stop, glued_l=b in ("وفقا", "طبقا"))  # بحسب إعلان الجهاز …: the issuer
        if sp is None:
            sp = self.source_fallback(k, a, stop)
            if sp is None:
                return k + 1
        if b in ("وفقا", "طبقا") and sp.name[:1] == "ل" and self.toks[a].text.startswith("ل"):
            # "وفقا لصحيفة ذا فيرج": drop the glued ل from the name.
            name = "ال" + sp.name[2:] if sp.name.startswith("لل") else sp.name[1:].lstrip("ـ")
            sp = Speaker(name, sp.kind, role=sp.role, head=sp.head, strong=sp.strong)
        sp = self.resolve(sp, k)
        if sp.keys and (sp.keys[0] in self._record_keys or (sp.keys[0] in _TALLY_KEYS and all(
                w in _TALLY_ADJECTIVES or w.startswith("لل") for w in normalize(sp.name).split()[1:]))):
            sp = None  # بحسب الوثائق، وفق حصيلة جديدة للقتلى: a record, or a tally with no compiler named (rule 9)
        s0 = self.sent_start[k]
        before = [m for m in range(s0, k) if self.toks[m].kind == "word" and self.norm[m] not in lex.leading_fillers]
        trailing = False
        if not before:
            c = stop
            while c < self.n and (self.toks[c].kind == "punct" and self.toks[c].text in _COMMAS or self.word(c) in ("فان", "فقد", "فانه", "فانها", "ف", "ان")):
                c += 1
            prev = s0 - 1
            if (c < self.n and self.toks[c].text in _SENT_END and prev > 0 and self.toks[prev].text in _SENT_END
                    and self.para_start[prev] == self.para_start[s0] and self.sent_start[prev] < prev):
                # "… ضحايا. بحسب ما أوردت رويترز.": a sentence that is only the source attributes the
                # sentence before it in the paragraph.
                if self.add_quote(self.sent_start[prev], prev, False, k, sp, k + 1) and sp is not None:
                    self.remember(sp, self.source_gender(sp))
                return k + 1
            if c >= self.n or self.sent_start[c] != s0:
                return k + 1
            probe = c
            while probe < self.n and (self.word(probe) in lex.time_words or self.toks[probe].text in _COMMAS):
                probe += 1  # "وبحسب ما أدلى به لراديو راي الاثنين، كشف …"
            if self.starts_new_statement(c) or (probe < self.n and self.starts_new_statement(probe)):
                return k + 1  # "ووفقا لصحيفة "الصن"، قالت أمبر إنها …": the cue that follows owns the content
            if self.fronted_cue(c) is not None:
                return k + 1  # "وبحسب التحقيق، فإن المحقق السابق لاري فانس قال: …": the subject's own cue owns it
            clause = self.clause_span(c)
            if clause is None:
                return k + 1
            s, e = clause
            # "وفقا للكرملين، هنأ بوتن … على "…"، وشدد على "…"": the relay governs its sentence (settled
            # conventions, rule 1), so a و-verb cue with no subject of its own continues the same clause.
            while e + 2 < self.n and self.toks[e].text in _COMMAS and self.sent_start[e + 1] == s0:
                c2 = self.cue_at(e + 1)
                if c2 is None or not c2[1] or c2[0].pos != "verb" or c2[0].gender is None:
                    break
                f2 = self.scan_complement(e + 2, c2[0].strict)
                if f2 is None or not (f2[1] == e + 2 or (f2[1] == e + 3 and self.word(e + 2) in ("علي", "الي", "ب", "عن"))):
                    break  # a subject of its own (، وتقول التقديرات إنها …): another statement
                if f2[0] != "quote" and not any(self.is_opener(m) for m in range(s, e)):
                    break  # the rule is for quoted words relayed; "، وأضافت أن …" stays its own statement
                span2 = self.content(f2, e + 1)
                if span2 is None or span2[1] <= e:
                    break
                e = span2[1]
        else:
            if (stop < self.n and self.norm[stop] in ("فان", "فانه", "فانها", "فقد")
                    and (w[:1] in "وف" or self.toks[k - 1].text in _COMMAS)):
                # "…، وطبقا لصحيفة إكسبريسن فإن الفتاة …": the source opens a clause of its own; the
                # words before it are another sentence's.
                c = stop + 1 if self.norm[stop] != "فقد" else stop
                clause = self.clause_span(c) if c < self.n and self.sent_start[c] == s0 else None
                if clause is None:
                    return max(k + 1, stop)
                if self.add_quote(clause[0], clause[1], False, k, sp, k + 1) and sp is not None:
                    self.remember(sp, self.source_gender(sp))
                return max(k + 1, clause[1])
            if any((c := self.cue_at(m)) is not None and self.word(m) not in lex.impersonal
                   and self.scan_complement(m + 1, c[0].strict) for m in range(s0, k)):
                return max(k + 1, stop)  # inside a cue's own sentence: that cue owns the content (not يتوقع أن …)
            if b == "نقلا" and any(self.cue_at(m) is not None and self.cue_at(m)[0].pos == "verb" for m in before[:3]):
                return max(k + 1, stop)  # أفاد مراسلنا نقلا عن تقارير بمقتل …: the verb's object is no clause
            if stop < self.n and self.toks[stop].kind == "punct" and self.toks[stop].text in _COMMAS:
                c = stop + 1  # "انتصارات الساعات الأخيرة، بحسب خبراء، قد طوت …": the clause runs on
                if (c < self.n and self.sent_start[c] == s0 and self.toks[c].kind == "word"
                        and not self.starts_new_statement(c) and self.cue_at(c) is None
                        and self.word(c) not in _RELATIVE_PRONOUNS):  # "، بحسب بلقيس نفسها، التي أكدت أن …"
                    clause = self.clause_span(c)
                    if clause is not None:
                        s, e = s0, clause[1]
                        if self.add_quote(s, e, False, k, sp, k + 1) and sp is not None:
                            self.remember(sp, self.source_gender(sp), weak=True)
                        return max(k + 1, e)
            s, e = s0, k
            while s < k and self.in_boilerplate(self.toks[s].start, self.toks[s].end):
                s += 1  # دبي، الإمارات (CNN) – لقي تسعة أشخاص …، وفقا لما قاله مسؤول: not the dateline
            if (len(before) >= 2 and self.bare(self.word(before[0])) in ("جاء", "ياتي", "جاءت", "تاتي")
                    and self.word(before[1]) in ("ذلك", "هذا", "هذه", "ذلك،")
                    and not (len(before) >= 3 and before[2] == before[1] + 1 and self.word(before[2]).startswith("ال"))):
                # (not "وتأتي هذه الطائرات من …": the demonstrative of a noun, a clause of its own)
                # "جاء ذلك في كلمة خلال المنتدى، حيث قال وفقا لما نقلته الوكالة": the formula, not a statement
                return max(k + 1, stop)  # "جاء ذلك بحسب بيان …": the formula, not a statement
            trailing = True
            if (len(before) <= 3 and stop < self.n and self.sent_start[stop] == s0 and self.toks[stop].kind == "word"
                    and self.cue_at(stop) is None):  # (not "…، بحسب ما أعلن X قائلا "…"": the participle's own)
                clause = self.clause_span(stop)  # "وهو وفق محاميه مارس مهنا متواضعة …": the clause runs on
                if clause is not None and clause[1] > stop + 1:
                    e = clause[1]
                    trailing = False
        # "… قتل تسعة مقاتلين، وفقا للمرصد. وأضاف: …": a source named after the fact it vouches for, at the
        # sentence's end, does not take the floor — a later cue with no subject still continues the speaker
        # who had it (the latest one not named only so)
        trailing = trailing and (stop >= self.n or self.toks[stop].text in _SENT_END or self.sent_start[stop] != s0)
        floor = next((h for h in reversed(self.history) if h.keys not in self._vouchers), None)
        if self.add_quote(s, e, False, k, sp, k + 1) and sp is not None:
            self.remember(sp, self.source_gender(sp), weak=True)
            if trailing and floor is not None and self.history[-1] is not floor and floor in self.history:
                self._vouchers.add(self.history[-1].keys)
                self.history.remove(floor)
                self.history.append(floor)
        return max(k + 1, stop)

    def run(self) -> list[Quote]:
        k = 0
        lex = self.lex
        plain = _plain_words(lex)
        while k < self.n:
            t = self.toks[k]
            if t.kind == "word":
                p = plain.get(t.norm)
                if p is None:
                    p = plain[t.norm] = _is_plain(t.norm, lex)
                if p:  # most words: none of the steps below acts on them
                    k += 1
                    continue
            if t.kind != "word":
                if self.is_opener(k) and (self.continued_quote(k) or self.coordinated_follow(k) or self.fragment_quote(k)
                                          or self.characterised_quote(k)):
                    k = max(k + 1, self.find_close(k) or k + 1)
                    continue
                if t.text == ":" and (resume := self.colon_quote(k)):
                    k = resume
                    continue
                k += 1
                continue
            w = t.norm
            if w in lex.source_words or (w[:1] in "وف" and w[1:] in lex.source_words) or w == "فحسب":
                k = self.handle_source(k)
                continue
            if (w in ("كما", "وكما") or (w == "علي" and self.word(k + 1) == "ما")) and (r := self.trailing_relay(k)) is not None:
                k = r
                continue
            cue = self.cue_at(k)
            if cue is None:
                if (w in lex.stance_verbs or (w[:1] in "وف" and w[1:] in lex.stance_verbs)) and (
                        self.clause_start(k) or self.opens_sentence(k)):
                    self.stance_subject(k)  # (من جانبه عبر الوزير عن …: after the openers of its sentence too)
                k += 1
                continue
            if self.inside_direct(t.start):
                k += 1
                continue
            if self.evidential(k, cue[0]):
                k += 1  # وهو ما يشير إلى أن …: "which shows", the writer's inference
                continue
            antecedent = None
            if self.word(k - 1) in lex.cue_blockers and not (self.word(k - 1) in ("مما", "بما") and self.word(k + 1) in _THAT):
                # (مما يقولون إنها تهديدات …: "what they say is" still reports a statement)
                antecedent = self.relative_antecedent(k, cue[0])
                if antecedent is None and not (self.word(k - 1) in _RELATIVE_PRONOUNS and cue[0].pos == "verb"
                                               and self.relative_statement(k, cue[0])):
                    k += 1
                    continue
                # (… مينرز (29 عاما)، التي قالت إنها …، الذي أكد في حديث قبل الحصة أن …: a statement even
                # when its antecedent is not read)
            if self.word(k + 1) in ("ذلك", "بذلك") and (r := self.anaphoric_report(k, cue[0])) is not None:
                k = r  # أوضح ذلك مدير عام …: the sentence before is the statement
                continue
            if self.word(k + 1) in ("ذلك", "بذلك") and (r := self.demonstrative_subject(k, cue[0])) is not None:
                k = r  # أوضح ذلك لـ«عكاظ» مصدر مسؤول …، مفيدا: no statement here, but the subject speaks next
                continue
            k = self.handle_cue(k, cue[0], cue[1], antecedent)
        return self.quotes


def _is_arabic(w: str) -> bool:
    return bool(w) and all("\u0621" <= c <= "\u064a" for c in w)


#: (lexicon, {word: passed over by the reader's scan}), for the lexicon last used.
_PLAIN: tuple[Lexicon | None, dict[str, bool]] = (None, {})


def _plain_words(lex: Lexicon) -> dict[str, bool]:
    global _PLAIN
    if _PLAIN[0] is not lex or len(_PLAIN[1]) > 200_000:
        _PLAIN = (lex, {})
    return _PLAIN[1]


def _is_plain(w: str, lex: Lexicon) -> bool:
    """``_Reader.run`` does nothing at a word spelled ``w`` but step over it: no source word, no كما or على ما
    relay, no cue (``cue_at`` is None for any word ``_may_cue`` rejects) and no stance verb."""
    return not (w in lex.source_words or (w[:1] in "وف" and w[1:] in lex.source_words) or w == "فحسب"
                or w in ("كما", "وكما", "علي") or (w and _may_cue(w))
                or w in lex.stance_verbs or (w[:1] in "وف" and w[1:] in lex.stance_verbs))


def _may_cue(w: str) -> bool:
    """``_Reader._cue_at`` can find a cue at a word spelled ``w`` (a cue spelling, القول, a saying masdar, or
    an object pronoun): its first test, out of context (asked once a word: ``_is_plain`` is memoised)."""
    return _cue_form(w) is not None or w == "القول" or w in _SAYING_MASDARS or w.endswith(("ه", "ها", "هم"))


@lru_cache(maxsize=65536)
def _cue_form(w: str) -> tuple[CueForm, bool] | None:
    """The cue a normalised word spells, out of context, and whether a conjunction (و/ف) is glued to it."""
    cues = load_lexicon().cues
    cue = cues.get(w)
    if cue is not None:
        return cue, False
    if len(w) > 3 and w[0] in "وف":
        cue = cues.get(w[1:])
        if cue is not None:
            return cue, True
        # ووصفته بأنه، أبلغهم أن: an object pronoun on a verb whose object is a person; strict, since
        # وصفه is also "his description" — so only with و/ف glued on, where the verb reading is clear
        # (نقلت … عن القنصل وصفه للبادرة: a noun).
        for suffix in ("ه", "ها", "هم", "هما"):
            if w.endswith(suffix) and len(w) > len(suffix) + 3:
                cue = cues.get(w[1:-len(suffix)])
                if cue is not None and cue.pos == "verb" and cue.lemma in load_lexicon().object_clitic:
                    return CueForm(cue.lemma, cue.pos, cue.gender, True), True
    # ليؤكد، لتضيف، سيقول، وليشير: the lam of purpose or the future sin on a present-tense cue
    # (a تـ form counts only when its يـ form is a cue too, so لتابع "for a follower" is not one).
    for n in (1, 2):
        if len(w) > n + 3 and w[n - 1] in "لس" and (n == 1 or w[0] in "وف") and w[n] in "يت":
            cue = cues.get(w[n:])
            if cue is not None and cue.pos == "verb" and (w[n] == "ي" or "ي" + w[n + 1:] in cues):
                return cue, n == 2
    return None


@lru_cache(maxsize=1)
def _present_stance() -> frozenset[str]:
    """Present forms (يندد، تنتقد، يتهمون) of the stance and fragment verbs whose present is regular — ي/ت + the
    past (form I/II: ندد → يندد) or + the past without its alef (forms VIII/X: انتقد → ينتقد، استنكر → يستنكر);
    hollow and hamzated verbs (أشاد، أدان) are left out. Topic verbs (ناقش، بحث) have no one's words for object."""
    from .quote_lexicon import FRAGMENT_VERBS, STANCE_VERBS, TOPIC_VERBS

    # (and not حمل، قدم، وجه: يحمل لافتة "…"، يقدم برنامج "…" carry and present things with names)
    topic = {normalize(w) for w in TOPIC_VERBS.split()} | {normalize(w) for w in ("حمل", "قدم", "وجه", "وعد")}
    pasts = {normalize(w) for w in STANCE_VERBS.split()} | {normalize(line.split()[0]) for line in FRAGMENT_VERBS.strip().splitlines()}
    out: set[str] = set()
    for p in pasts - topic:
        if p.startswith("ا") and len(p) >= 4 and (p[1] == "ت" or p[2] == "ت" or p.startswith("است")):
            stem = p[1:]
        elif len(p) == 3 and "ا" not in p and not p.endswith("ي"):
            stem = p
        else:
            continue
        out.update(("ي" + stem, "ت" + stem, "ي" + stem + "ون"))
    return frozenset(out)


@lru_cache(maxsize=16)
def _keyed(words: frozenset[str]) -> frozenset[str]:
    """A lexicon table in :func:`marsad.text.name_key` form (computed once per process)."""
    return frozenset(name_key(w) for w in words)


def _ent_name(ent: Entity) -> str:
    """The tagger's canonical name, unless it shares no word with the text it tagged (a wrong merge)."""
    if set(name_key(ent.canonical).split()) & set(name_key(ent.text).split()):
        return ent.canonical
    return ent.text


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` occurs as a contiguous run inside ``longer``."""
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


class QuoteExtractor:
    """Pipeline component ``quotes``: fills ``doc.quotes`` with quotations and their speakers."""

    name = "quotes"

    def __init__(self, ranker: bool = True) -> None:
        self.lexicon = load_lexicon()
        #: The learned speaker ranker (a second opinion on the rules' speaker), when shipped.
        self.ranker = quote_speakers.load_model() if ranker else None

    def __call__(self, doc: Doc) -> None:
        if not doc.tokens:
            return
        reader = _Reader(doc, self.lexicon)
        quotes = reader.run()
        quote_speakers.apply(reader, quotes, self.ranker)
        quote_fragments.apply(reader, quotes)  # learned detector: marked fragments the rules left (quote_fragments.py)
        quote_canon.canonicalise(doc, quotes)  # speaker forms: name for description, fullest name, no junk
        for q in quotes:  # a speaker read from a hashtag is the words it writes: no # or _ (فاتو بنسودا)
            if q.speaker:
                q.speaker = hashtag_plain(q.speaker)
            if q.speaker_role:
                q.speaker_role = hashtag_plain(q.speaker_role)
        doc.quotes.extend(quotes)
