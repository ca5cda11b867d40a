"""Lexicons for quotation and speaker extraction, written as plain Arabic and normalised on load.

Everything here is matched on :func:`marsad.text.normalize` forms, so diacritics, tatweel and
hamza/alef variants never matter (نبّه = نبه, وإشار = وأشار). Tables are data: the extractor
holds no Arabic word lists of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text import normalize

# --- Reporting verbs -------------------------------------------------------------------------
# One row per verb: past (3rd masc. sg.) | present (3rd masc. sg.) | active participle (masc.);
# "-" leaves out a form that is mostly another word (يبلغ "reaches", مبلغ "amount", مخبرين
# "informants", تبين "it turned out", كاتب "writer"). Feminine, plural and و/ف-prefixed forms
# are generated from these.
# ``strict`` verbs have a frequent non-speech reading (بين "between", تابع "followed", قدّر ...):
# they only count when a complement (أن/إن, a colon) follows, never a bare quotation mark.
SPEECH_VERBS = """
قال يقول قائل
أضاف يضيف مضيف
أكد يؤكد مؤكد
أوضح يوضح موضح
أشار يشير مشير
لفت يلفت لافت
نبه ينبه منبه
صرح يصرح مصرح
استدرك يستدرك مستدرك
أعلن يعلن معلن
كشف يكشف كاشف
ذكر يذكر -
حذر يحذر محذر
شدد يشدد مشدد
نفى ينفي نافي
دعا يدعو داعي
أفاد يفيد -
نقل ينقل ناقل
أبلغ - -
أخبر يخبر -
أورد يورد -
روى يروي راوي
أعرب يعرب معرب
أبان - مبين
اعترف يعترف معترف
زعم يزعم زاعم
ادعى يدعي مدعي
أقر يقر -
لمح يلمح ملمح
تساءل يتساءل متسائل
أجاب يجيب مجيب
كتب - -
غرد يغرد مغرد
وصف يصف واصف
جادل يجادل مجادل
أوصى يوصي موصي
رجح يرجح -
استبعد يستبعد -
ألمح - -
تعهد يتعهد متعهد
شرح يشرح شارح
أردف يردف مردف
نوه ينوه منوه
استطرد يستطرد مستطرد
أنكر ينكر منكر
حكى يحكي -
"""
# أصدر/نشر only introduce a statement (أصدرت اللجنة بيانا قالت فيه …): strict, no participle
# (مصدر is "source").
STRICT_VERBS = """
بين - مبين
طالب يطالب مطالب
تابع يتابع -
اعتبر يعتبر معتبر
رأى يرى رائي
اعتقد يعتقد معتقد
توقع يتوقع متوقع
قدر يقدر مقدر
ختم يختم خاتم
اختتم يختتم مختتم
أصدر يصدر -
طمأن يطمئن مطمئن
وعد - -
هدد يهدد مهدد
علق يعلق معلق
لاحظ يلاحظ ملاحظ
ردد يردد مردد
تدارك يتدارك متدارك
كرر يكرر مكرر
واصل يواصل -
سأل يسأل سائل
زاد - -
رد يرد -
أصر يصر -
هتف يهتف -
أكمل يكمل -
أنذر ينذر -
برر يبرر مبرر
علم - -
أجمع يجمع مجمع
تطرق يتطرق -
نص ينص -
اتهم - متهم
أتبع - -
"""
#: Verbal nouns in construct with their speaker (إعلان الناطق باسم الائتلاف … أن، وتأكيد سموه أن،
#: بالإعلان الاثنين عن أن، مكتفيا بالتأكيد أن): strict, so a complement must follow within a few words;
#: the بال- forms within two words (بالتأكيد alone is mostly the adverb "certainly"). With a pronoun
#: suffix the speaker is the one referred to (غداة تصريحه بأن …، بعد تأكيدها أن …); bare تصريح is
#: also "permit" (تصريح عمل) and is left out.
MASDAR_CUES = """
إعلان تأكيد بالإعلان بالتأكيد قول ادعاء
تصريحه تصريحها تصريحاته تصريحاتها تأكيده تأكيدها إعلانه إعلانها
"""
#: Cues whose object takes ب (تعهد بالمضي، طالب بالإفراج، هدد بالرد): a بال- word ends the subject.
B_OBJECT = {"تعهد", "وعد", "هدد", "طالب", "اعترف", "أقر", "نوه", "صرح", "اتهم"}
#: Verbs whose object, not subject, follows them (وصف الهاشمي العيثاوي بأنه ...): the speaker is the first name.
OBJECT_FIRST = {"وصف", "اتهم"}
#: Verbs that take a person as object, matched with an object pronoun too (ووصفته بأنه، أبلغهم أن).
OBJECT_CLITIC = {"وصف", "أبلغ", "أخبر", "حذر", "طمأن", "اتهم", "أجاب", "سأل"}  # (فأجابه: "…"، فسألها: "…")
#: Cue forms that are impersonal passives when أن follows at once: يذكر أن / يشار إلى أن / يعتقد أنه.
IMPERSONAL = {"يذكر", "يشار", "يعتقد", "يرى", "يتوقع", "يقال", "يبدو", "تردد", "يلاحظ", "يرجح"}

# --- Source attributions (content on one side, source on the other) --------------------------
#: بحسب، حسب، وفق، وفقا لـ، طبقا لـ، نقلا عن، على لسان; matched as the first word(s) of a phrase.
SOURCE_WORDS = {"بحسب": 1, "حسب": 1, "وفق": 1, "وفقا": 1, "طبقا": 1, "نقلا": 1,
                # حسبما / بحسبما / وفقما: ما glued on (وحسبما جاء في التقارير، فإن …)
                "حسبما": 1, "بحسبما": 1, "وفقما": 1}
#: Heads after بحسب/وفقا that are rules, documents or circumstances, not sources.
NOT_SOURCES = """
تعليمات تعليمات قرار قرارات القرار نظام أنظمة الأنظمة النظام قانون القانون القوانين المادة مادة الخطة خطة
الجدول جدول الترتيب ترتيب التصنيف تصنيف التوقيت توقيت الأحكام أحكام الشروط شروط الحاجة حاجة الظروف ظروف
الأصول الضوابط ضوابط المعايير معايير نوع النوع طبيعة حجم الحالة حالة العقد عقد
السعر سعر الأسعار أسعار الموسم الطلب طلب رغبة رغبته الإمكانيات الإمكانات قدرة القدرة البرنامج برنامج
المنطقة منطقة المكان الوقت وقت الأولوية الأهمية الدستور دستور الاحتياج التسلسل الأقدمية المرحلة مرحلة
متطلبات المتطلبات رؤية الرؤية توجيهات التوجيهات خطط الخطط أهداف الأهداف مبادئ المبادئ مقتضيات نص النص بنود البنود
آلية الآلية منهجية المنهجية سياسة السياسة استراتيجية الاستراتيجية
أفضل أعلى أدنى أحدث آخر أكثر أقل أهم أكبر أصغر
ما الله وضع الوضع الأوضاع تعريف التعريفات المواصفات مواصفات المقاييس مقاييس لوائح اللوائح لائحة اللائحة
"""

# --- Words that shape a speaker phrase -------------------------------------------------------
#: Honorifics: dropped from the name and from the role.
HONORIFICS = """
الدكتور الدكتورة د م دكتور دكتورة الأستاذ الأستاذة المهندس المهندسة الشيخ الشيخة السيد السيدة الآنسة
معالي سمو صاحب السمو الملكي فضيلة سماحة الأمير الأميرة الحاج الحاجة القس الحاخام المطران الإمام
السفير السفيرة الطبيب الطبيبة
سعادة فخامة جلالة
"""
#: Military and police ranks: not part of the name, kept at the end of the role ("…، العقيد").
RANKS = """
العقيد اللواء العميد المقدم الرائد النقيب الملازم الجنرال المشير الأدميرال الرقيب العريف الفريق_أول
الركن الكولونيل
"""
#: Nouns that head a role (وزير، المتحدث باسم ...): what follows may be a name.
ROLE_HEADS = """
رئيس رئيسة الرئيس الرئيسة نائب وزير وزيرة الوزير الوزيرة متحدث متحدثة المتحدث المتحدثة الناطق الناطقة ناطق
مستشار مستشارة المستشار المستشارة مدير مديرة المدير المديرة الأمين أمين قائد القائد سفير مندوب المندوب
محافظ المحافظ عضو العضو مسؤول المسؤول مسؤولة المسؤولة زعيم الزعيم زعيمة المرشح مرشح المبعوث مبعوث
المفوض مفوض رئيسة المدرب مدرب لاعب اللاعب مهاجم المهاجم حارس الحارس نجم النجم الفنان الفنانة الممثل الممثلة
المغني المغنية الكاتب الكاتبة الباحث الباحثة الخبير الخبيرة خبير الأستاذ أستاذ البروفيسور بروفيسور الطبيب الطبيبة
المحلل محلل الضابط ضابط القاضي قاضي المدعي النائب نائبة النائبة مساعد المساعد رئيس_الوزراء المتحدثة الناشط الناشطة
ناشط ناشطة مؤسس مؤسسة المؤسس الشريك قائدة عميد رئيسها رئيسه المستشارة وكيل الوكيل الملك الملكة ولي الخليفة
شيخ شيخة محامي المحامي محامية المحامية المخرج مخرج المؤلف الشاعر الروائي الصحفي صحفي المصور الداعية المفتي مفتي
المعلق الحكم الأمين_العام المتحدثة_الرسمية
المشرف مشرف المشرفة مشرفة القنصل قنصل ممثل المنسق منسق منسقة الأكاديمي أكاديمي المتخصص متخصص
"""
#: Bare nouns that continue a role in construct (وزير خارجية روسيا، رئيس أركان الجيش، مدير إدارة …).
ROLE_COMPLEMENTS = """
خارجية داخلية دفاع مالية وزراء عدل صحة إعلام تجارة اقتصاد نفط طاقة مجلس إدارة أركان هيئة لجنة حكومة
جهاز قسم دائرة شرطة بلدية مكتب شؤون
"""
#: Heads of institutions and groups that speak as one (أعلنت وزارة الداخلية أن).
INSTITUTION_HEADS = """
وزارة الوزارة هيئة الهيئة لجنة اللجنة مجلس المجلس الحكومة حكومة الشرطة شرطة الجيش جيش وكالة الوكالة صحيفة الصحيفة
مجلة المجلة موقع الموقع شبكة الشبكة قناة القناة منظمة المنظمة جمعية الجمعية اتحاد الاتحاد حزب الحزب شركة الشركة
مستشفى المستشفى إمارة الإمارة أمانة الأمانة مديرية المديرية إدارة الإدارة جامعة الجامعة البيان بيان الرئاسة رئاسة
الكرملين البيت المكتب مكتب السلطات السلطة سلطة المحكمة محكمة النيابة الادعاء البنك بنك المصرف مصرف صندوق الصندوق
المركز مركز المرصد مرصد التحالف تحالف حركة الحركة جماعة الجماعة التنظيم تنظيم القيادة قيادة الأمم الاتحاد_الأوروبي
البنتاغون تقرير التقرير دائرة الدائرة مؤسسة المؤسسة المنظمات الحكومات الدول دول الأجهزة
المديرية النادي نادي فريق الفريق الإدارة السفارة سفارة القنصلية وسائل دراسة الدراسة بحث البحث استطلاع المسح
"""
#: Heads of news outlets: ``صحيفة "نيويورك تايمز"`` speaks as نيويورك تايمز.
OUTLET_HEADS = """
وكالة صحيفة مجلة موقع شبكة قناة إذاعة تلفزيون محطة جريدة الوكالة الصحيفة المجلة الموقع الشبكة القناة الإذاعة
راديو صحيفتا صحيفتي وكالتا وكالتي قناتا قناتي شبكتا شبكتي
"""
#: Descriptions of unnamed people or groups (مصدر أمني، مسؤول، خبراء): speakers, but not entities.
ANONYMOUS_HEADS = """
مصدر مصادر المصدر المصادر مسؤول مسؤولة مسؤولون مسؤولين مسؤولو مسؤولي المسؤول المسؤولون شهود شاهد سكان السكان
خبراء الخبراء خبير محللون المحللون محللين مراقبون المراقبون مراقبين باحثون الباحثون باحثين الباحثين ناشطون ناشطين
الناشطون الناشطين مقاتل مقاتلون مقاتلين مواطنون مواطنين شخص أشخاص البعض آخرون آخرين دبلوماسي دبلوماسيون
دبلوماسيين تقارير التقارير أحد إحدى عدد مسعف مسعفون مصادرنا متظاهرون محتجون عمال أطباء طبيب
مراسل مراسلة مراسلو مراسلنا المراسل
"""
#: Pronoun-suffixed prepositions: adjuncts (قالت فيه، أكد له).
PRONOUN_PREPS = """
فيه فيها فيهم عنه عنها عنهم له لها لهم لنا لي منه منها منهم عليه عليها عليهم إليه إليها معه معها
بالقول ردا تعليقا متحدثا حديثه كلمته مخاطبا موجها موجهة
"""
#: Words before a cue that make it part of a relative or comparative clause (الذي يوضح، بما يضيف).
CUE_BLOCKERS = """
الذي التي الذين والذي والتي والذين بما مما عدم بن ابن بنت أبي أبو
"""
#: Words before أن that make it a conjunction, not a complement (إلا أن "however", بعد أن "after"),
#: modal words whose أن is no one's statement (من المقرر أن، يجب أن، لا بد أن) and impersonal
#: verbs (تبين أن، ثبت أن "it turned out that").
NOT_COMPLEMENT_BEFORE = """
إلا الا رغم برغم بعد قبل منذ غير حتى كما لو بيد سيما مع بدل بدلا دون بدون
كيف بل تبين يتبين اتضح يتضح يظهر ثبت يثبت يمكن يجب ينبغي يفترض بد لابد المقرر المتوقع المفترض المرجح الممكن المحتمل المنتظر الضروري المؤكد المهم الواضح
"""
#: Nouns after في that make an adjunct of the phrase (في بيان، في مقابلة، في تغريدة).
COMM_NOUNS = """
بيان بيانه بيانها بيانات مقابلة مقابله تصريح تصريحات تصريحه تصريحها حديث حديثه حديثها مؤتمر كلمة كلمته كلمتها
تغريدة تغريدات رسالة رسالته رسالتها لقاء اتصال تقرير تقريرها تقريره افتتاح ختام ردها رده بريد منشور تدوينة
حوار مداخلة خطاب خطابه خطابها جلسة اجتماع ندوة تعليق تعليقه تعليقها وقت سياق مستهل بداية نهاية حين أثناء
مقال مقالة برنامج قرار قراره قرارها بلاغ إعلان حفل زيارة زيارته زيارتها كتاب خطابه رسالة لقائه لقائها مقطع فيديو تسجيل صفحته صفحتها حسابه حسابها موقعها موقعه المؤتمر الجلسة
"""
#: Words after ل (لوكالة، لقناة، للصحفيين، لي) that make an addressee adjunct, not part of a role.
ADDRESSEE_NOUNS = """
وكالة قناة صحيفة شبكة موقع مجلة إذاعة راديو تلفزيون التلفزيون الصحفيين الصحافيين الصحافة الإعلام وسائل القسم
القناة الصحيفة الوكالة المحطة محطة رويترز فرانس بي سكاي الجزيرة العربية سي أسوشيتد الأناضول نا ه ها هم كم
المراسلين مراسل مراسلنا الحضور الصحفي صحفيين صحافيين جريدة
"""
#: Prepositions that open an adjunct of a speaker phrase (never part of it).
ADJUNCT_PREPS = """
خلال أمام عبر على لدى عقب مع عن إلى الى حول بشأن ضمن وسط منذ بعد قبل أثناء اثناء عند إثر اثر من_جانبه
دون بدون إزاء تجاه ضد نحو بين بصفته بصفتها بصفتهم كونه كونها رغم
"""
#: Time words that end a speaker phrase (قال الوزير الثلاثاء إن ...).
TIME_WORDS = """
الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت اليوم أمس غدا الليلة مساء صباح ظهر فجر يوم ليل
مساءا صباحا الأسبوع الشهر الماضي الجاري المقبل سابقا مؤخرا لاحقا أيضا كذلك بدوره بدورها بدورهم حينها آنذاك
قبلها بعدها وقتها يومها مجددا أمس_الأول ثانية مرة_أخرى
"""
#: Words that open a relative clause or parenthesis: a speaker phrase ends before them.
RELATIVES = """
الذي التي الذين اللذان اللتان اللواتي اللائي اللاتي وهو وهي وهم والذي والتي والذين الذى
عندما حين حينما بينما فيما لأن كي لكي حتى إذا عقب
"""
#: Words stripped from the front of a speaker phrase found before its cue (فإن م. نيله، … قالت).
LEADING_FILLERS = """
و ف فإن فان إن ان أن لكن ولكن بينما فيما كما كان وكان كانت وكانت قد وقد لقد يذكر يشار من جهته من جهتها
غير جهته جهتها جهتهم جانبه جانبها جانبهم ناحيته ناحيتها بدوره بدورها أيضا أما وأما إلا أنه إذ إذا حيث فقد ثم
"""
#: Words that show a phrase before a cue is a clause, not a subject (سبق لترمب أن أكد ...).
CLAUSE_STARTERS = """
سبق يبدو تبين أظهر كشفت بعد قبل عندما حين لما منذ ما ذلك هذا هذه وهذا وهذه وذلك تم يتم جرى يجري
"""
#: Nouns that name a work, an operation or a brand: quotation marks after them are a name.
NAMING_NOUNS = """
وكالة صحيفة مجلة موقع شبكة قناة برنامج مسلسل فيلم كتاب رواية أغنية ألبوم عملية حملة مبادرة مشروع مؤتمر منتدى
مهرجان معرض جائزة بطولة مسابقة تطبيق منصة شركة حزب حركة جماعة تنظيم هاشتاغ وسم عنوان بعنوان باسم اسم يدعى تدعى
سمي سميت المسمى المسماة المعروف المعروفة نظام مركز مسرحية قصيدة لقب بلقب شعار كلمة عبارة مصطلح وصف صفة مقال
مصنع فندق ملعب مطعم مستشفى متجر مجموعة فرقة نادي ثوب عرض سفينة طائرة صاروخ مهمة خطة قانون قرار اتفاق اتفاقية
تحالف ائتلاف قائمة كتلة لجنة هيئة منظمة جمعية مؤسسة صندوق دار بنك مطار جامعة مدرسة معهد فريق منتخب جبهة
عائلة قائمتا طراز ماركة علامة إذاعة محطة جريدة الموقع الصحيفة المجلة الوكالة القناة الشبكة
حساب حسابه حسابها حسابهم صفحة صفحته صفحتها تطبيق
تهمة بتهمة تهم بتهم اتهامات الاتهامات
"""
#: Common first names (a person's name starts here when no title marks it); عبد… and أبو… are handled by rule.
FIRST_NAMES = """
محمد أحمد محمود مصطفى علي حسن حسين عمر عثمان خالد خليل إبراهيم إسماعيل يوسف يونس موسى عيسى سليمان سلمان
داود يحيى زكريا صالح سالم سعيد سعد سعود فهد فيصل تركي نايف ناصر منصور مشعل بندر طلال نواف ماجد ماهر
هشام وليد طارق زياد جمال كمال نبيل عادل عماد رامي سامي سامر هاني هيثم حيدر عباس جعفر كاظم قاسم رضا
مهدي حازم حاتم حامد حمد حمدي حمزة أسامة أنس أيمن إياد بشار بشير جبريل جميل جورج ميشال ميشيل بيار
إيلي نجيب نادر نزار نعيم نور هادي وائل ياسر ياسين يزيد أكرم أمين أنور بكر بدر توفيق ثامر جاسم جابر جواد
حسام رائد رياض زيد سلطان شادي شريف صابر صلاح ضياء عامر عدنان عزت عصام غازي غسان فؤاد فادي فارس فراس
فريد كريم لؤي مازن مجدي مراد مروان معاذ مؤيد نبيه نضال هاشم وسام ياسين إدريس إلياس أديب راشد مبارك
عبيد حمود منير مصلح مفلح عوض عبده شوقي مسعود الطيب الهادي العربي المنصف رشيد عزيز مختار معمر
فاطمة عائشة مريم زينب خديجة نورة سارة ليلى هدى منى سلمى رنا ريم لينا دينا رانيا هالة نادية سميرة أمل
سعاد حنان إيمان جميلة لطيفة نجلاء هيفاء سهى رشا شيماء آمنة أسماء حصة موضي لولوة مها دلال عبير نوال
هند وفاء غادة رحاب ابتسام انتصار نجاة سوزان جيهان شيرين نسرين ياسمين سمير سمر رامز ربيع رفيق طه عمرو
دونالد جون جو جيمس مايك مايكل ديفيد بيتر بول روبرت ريتشارد وليام ويليام توماس تشارلز مارك ستيفن كريستوف
فلاديمير سيرغي سيرجي ديمتري ألكسندر أليكس إيمانويل فرانسوا جان بيير نيكولا أنغيلا أنجيلا تيريزا بوريس
رجب هاكان مولود بنيامين أفيغدور نفتالي إيهود شيمون تيدرسون أنطونيو أنتونيو جوزيه خوسيه كارلوس لويس
نيكول سيرج شينزو كيم مون شي أنتوني توني هانز هولغر ديتر هيلاري باراك ريكس هيذر نيكي ستيفان جيرار إدوار ماري جيري أنجيلينا
"""
#: Heads of plural speakers (خبراء أمنيون): a plural participle (مشيرين) refers back to them,
#: although a verb before them is singular (ويقول خبراء …).
PLURAL_HEADS = """
خبراء مصادر مسؤولون مسؤولين مسؤولو مسؤولي سكان شهود محللون محللين ناشطون ناشطين ناشطات باحثون باحثين
مقاتلون مقاتلين آخرون آخرين البعض مواطنون مواطنين دبلوماسيون دبلوماسيين أطباء مسعفون عمال متظاهرون
محتجون مراقبون مراقبين منظمو منظمي مختصو مختصي قادة زعماء وزراء نواب أعضاء الخبراء المصادر السكان الباحثون
المسؤولون المحللون النشطاء نشطاء تقارير التقارير
"""
#: Verbs of naming: a quotation right after them is what something is called (من سماهم بـ"…"،
#: ما يعرف بـ"…"), not speech. Matched as word starts.
NAMING_VERB_STARTS = """
سماه سماها سماهم اسماه اسماها اسماهم وصفه وصفها وصفهم وصفته وصفتها وصفتهم وصفوه وصفوها يسمى تسمى يسمي
تسمي المسمى المسماة يعرف تعرف المعروف المعروفة يطلق تطلق يلقب الملقب لقبه
"""
#: Records that are cited but say nothing as a speaker (جاء في وثائق المحكمة، بحسب الوثائق، أفادت
#: تقارير): the statement gets no speaker, and no one before it is guessed.
RECORD_HEADS = """
وثائق الوثائق وثيقة الوثيقة مستندات المستندات سجلات السجلات خطاب الخطاب معلومات المعلومات تقارير التقارير
الاتفاق اتفاق الاتفاقية اتفاقية المعاهدة معاهدة
أوراق الأوراق محاضر المحاضر
المادة مادة اللائحة لائحة القانون قانون الدستور دستور
"""
#: Verbs of stance that take a noun object (رحب، أدان، طالب، هنأ ...): not quotations themselves, but
#: their subject is who a following participle or وأضاف refers to (وأيد ماس نظيره قائلا: "…").
STANCE_VERBS = """
رحب أدان دان استنكر استهجن ندد انتقد أشاد ثمن ناشد عبر أبدى هنأ حث رفض هاجم اتهم أيد عارض
طمأن وعد التقى استقبل بحث ناقش تحدث أجاب ردّ علق تطرق أثنى شكر قدم حمل اعتذر وجه
"""
#: Verbs (past | active participle, "-" for none) whose object may be someone's quoted words, besides the
#: cues and stance verbs: ``وقررت اللجنة "حرمانه من …"``، ``متوعدة "باستمرار الكفاح …"``. Only for a
#: quotation of four words or more (a fragment), never with أن.
FRAGMENT_VERBS = """
قرر -
توعد متوعد
نعت -
أشاد مشيد
ندد مندد
استنكر مستنكر
رحب مرحب
ثمن مثمن
استهجن مستهجن
شكك مشكك
"""
#: Verbs that characterise their object (وصف الاتفاق بـ"الكارثي"، اعتبرن حجابها "غير محتشم"، نعته بـ"…"): the
#: quoted words are the subject's own term, however short, also inside a relative clause (ما وصفه بـ«…»،
#: التي وصفتها بـ"…"), where the verb is no cue of its own.
CHARACTERISING_VERBS = """
وصف يصف
اعتبر -
نعت -
"""
#: Stance verbs whose object is a topic, not anyone's words (تطرق الرئيسان إلى "الوضع المقلق في غزة").
TOPIC_VERBS = """
تطرق التقى استقبل بحث ناقش
"""
#: Words that open an aside in apposition, not a name (مسؤول، طلب عدم نشر اسمه، قال …).
ASIDE_STARTS = """
طلب طالبا فضل مفضلا رفض رافضا اشترط مشترطا تحدث متحدثا شريطة بشرط
"""
#: Verbal nouns that open the object of a cue (أكد الوزير فلان أهمية …): a name ends before them.
OBJECT_NOUNS = """
أهمية ضرورة رفض دعم استعداد حرص التزام سعي عزم تمسك ترحيب تأييد إدانة استنكار تقدير ثقة أمل حاجة
وجود عدم استمرار مواصلة
"""
#: Heads that a bare definite noun (الوزارة، البيان) refers back with.
ANAPHORIC_DOCS = {"بيان", "البيان", "التقرير", "تقرير", "البلاغ", "التعميم", "المذكرة"}


def _words(block: str) -> frozenset[str]:
    return frozenset(normalize(w.replace("_", " ")) for w in block.split())


@dataclass(frozen=True, slots=True)
class CueForm:
    """One surface form of a reporting cue (normalised, without و/ف)."""

    lemma: str
    #: "verb" (past or present) or "participle".
    pos: str
    #: "m", "f" or "pl" (speaker agreement for pro-drop); ``None`` for a verbal noun (إعلان).
    gender: str | None
    strict: bool


_NO_DUAL = frozenset(normalize(w) for w in "ذكر كتب شرح وصف نقل حذر صرح تعهد أقر كشف".split())


def _verb_forms(past: str, present: str, part: str, strict: bool) -> dict[str, CueForm]:
    lemma = normalize(past)
    p, pr, pa = normalize(past), normalize(present), normalize(part)
    forms: dict[str, CueForm] = {}

    def add(form: str, pos: str, gender: str) -> None:
        forms.setdefault(form, CueForm(lemma, pos, gender, strict))

    # Past: قال قالت قالوا (+ اشار: اشارت اشاروا); final alef maqsura verbs (نفى، روى، ادعى، رأى).
    if p.endswith("ي") and len(p) > 2:
        stem = p[:-1]
        add(p, "verb", "m")
        add(stem + "ت", "verb", "f")
        add(stem + "وا", "verb", "pl")
    elif p.endswith("ا") and len(p) > 2:  # دعا
        stem = p[:-1]
        add(p, "verb", "m")
        add(stem + "ت", "verb", "f")
        add(stem + "وا", "verb", "pl")
    else:
        add(p, "verb", "m")
        add(p + "ت", "verb", "f")
        add(p + "وا", "verb", "pl")
        if not (len(p) >= 3 and p[-2] == "ا"):  # أكدن، أوضحن (hollow verbs are listed below)
            add(p + "ن", "verb", "f")
    # Dual past (قالا، أكدتا: two speakers, agreeing like a plural); not for defective verbs, nor
    # for strict verbs and those whose dual is mostly a noun or adverb (ذكرا، شرحا، وصفا، ردا، حذرا).
    if not strict and not p.endswith(("ي", "ا")) and p not in _NO_DUAL:
        add(p + "ا", "verb", "pl")
        add(p + "تا", "verb", "pl")
    # Present: يقول تقول يقولون; يري ترى يرون; dual يقولان تقولان.
    if pr != "-":
        add(pr, "verb", "m")
    if pr.startswith("ي"):
        add("ت" + pr[1:], "verb", "f")
        if pr.endswith("ي"):
            add(pr[:-1] + "ون", "verb", "pl")
        elif pr.endswith("و"):
            add(pr + "ن", "verb", "pl")
        else:
            add(pr + "ون", "verb", "pl")
            if not strict:
                add(pr + "ان", "verb", "pl")
                add("ت" + pr[1:] + "ان", "verb", "pl")
    # Participles: مؤكدا مؤكدة مؤكدين (defective ones are written with their ي: نافيا).
    if pa == "-":
        return forms
    add(pa + "ا", "participle", "m")
    add(pa + "ه", "participle", "f")
    add(pa + "ين", "participle", "pl")
    add(pa + "تين", "participle", "f")
    return forms


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, CueForm]:
    """Every cue form, normalised: ``{"قالت": CueForm("قال", "verb", "f", False), ...}``."""
    table: dict[str, CueForm] = {}
    for block, strict in ((SPEECH_VERBS, False), (STRICT_VERBS, True)):
        for line in block.strip().splitlines():
            past, present, part = line.split()
            for form, cue in _verb_forms(past, present, part, strict).items():
                table.setdefault(form, cue)
    # A few fixed expressions whose cue is a noun: نقل عنه قوله، جاء في البيان.
    for form, gender in (("قوله", "m"), ("قولها", "f"), ("قولهم", "pl")):
        table[form] = CueForm("قول", "participle", gender, False)
    table["جاء"] = CueForm("جاء", "verb", "m", True)
    # بقوله إن: "by saying" — refers to the subject of the sentence, like a participle.
    for form, gender in (("بقوله", "m"), ("بقولها", "f"), ("بقولهم", "pl")):
        table[form] = CueForm("قول", "participle", gender, False)
    # اكتفى بالقول إن، سارع بالقول: strict, and of no gender (it agrees with whoever the verb's subject is).
    table["بالقول"] = CueForm("قول", "participle", None, True)
    table["للقول"] = CueForm("قول", "participle", None, True)  # ومضى للقول، "إن …"
    # Verbal nouns (إعلان X أن): the speaker is the genitive after them; no gender to agree with.
    for w in MASDAR_CUES.split():
        form = normalize(w)
        table.setdefault(form, CueForm(form[3:] if form.startswith("بال") else form, "verb", None, True))
    # متابعا "continuing" and مذكرا "reminding" are cues; متابعة / متابعين ("follow-up", "followers") and
    # مذكرة ("memorandum") are not. يبين "shows" is بيّن's present; تبين is mostly "it turned out".
    table.setdefault("متابعا", CueForm(normalize("تابع"), "participle", "m", True))
    # مفيدا "stating" is أفاد's participle, but also "useful": strict, so only with its complement at once
    # (…، مفيدا بأن …؛ مفيدة أن …), never "كان مفيدا" or a quotation after a noun.
    for form, gender in (("مفيدا", "m"), ("مفيده", "f"), ("مفيدين", "pl")):
        table.setdefault(form, CueForm(normalize("أفاد"), "participle", gender, True))
    table.setdefault("مذكرا", CueForm(normalize("ذكر"), "participle", "m", False))
    # مرجحا / مستبعدا أن "deeming it likely / unlikely that" (…، مرجحة أن يكون …): the participles of رجح and
    # استبعد, strict, since both are also adjectives (ليس مستبعدا أن، لا يبدو مرجحا أن: see the reader's check
    # for a participle after a copula). Mined from the unlabelled corpus (session 7).
    for past, stem in (("رجح", "مرجح"), ("استبعد", "مستبعد")):
        for form, gender in ((stem + "ا", "m"), (stem + "ه", "f"), (stem + "ين", "pl")):
            table.setdefault(normalize(form), CueForm(normalize(past), "participle", gender, True))
    for form, gender in (("يبين", "m"), ("يبينون", "pl")):
        table.setdefault(form, CueForm("بين", "verb", gender, True))
    # يؤمن بأن "believes that", like يعتقد; its past آمن is also "safe" and أمن "security", so present forms only.
    for form, gender in (("يؤمن", "m"), ("تؤمن", "f"), ("يؤمنون", "pl")):
        table.setdefault(normalize(form), CueForm(normalize("آمن"), "verb", gender, True))
    # Jussive of نفى after لم (لم ينفِ أن …، لم تنفِ).
    for form, gender in (("ينف", "m"), ("تنف", "f")):
        table.setdefault(form, CueForm("نفي", "verb", gender, False))
    # Feminine plural of hollow verbs (قلن، أشرن، أفدن، أضفن).
    for form, lemma in (("قلن", "قال"), ("اشرن", "اشار"), ("افدن", "افاد"), ("اضفن", "اضاف")):
        table.setdefault(form, CueForm(lemma, "verb", "f", False))
    return table


@dataclass(frozen=True, slots=True)
class Lexicon:
    cues: dict[str, CueForm]
    object_first: frozenset[str]
    object_clitic: frozenset[str]
    impersonal: frozenset[str]
    source_words: frozenset[str]
    not_sources: frozenset[str]
    honorifics: frozenset[str]
    ranks: frozenset[str]
    role_heads: frozenset[str]
    institution_heads: frozenset[str]
    outlet_heads: frozenset[str]
    anonymous_heads: frozenset[str]
    comm_nouns: frozenset[str]
    addressee_nouns: frozenset[str]
    adjunct_preps: frozenset[str]
    time_words: frozenset[str]
    relatives: frozenset[str]
    leading_fillers: frozenset[str]
    clause_starters: frozenset[str]
    naming_nouns: frozenset[str]
    first_names: frozenset[str]
    anaphoric_docs: frozenset[str]
    pronoun_preps: frozenset[str]
    plural_heads: frozenset[str]
    naming_verb_starts: tuple[str, ...]
    cue_blockers: frozenset[str]
    not_complement_before: frozenset[str]
    record_heads: frozenset[str]
    aside_starts: frozenset[str]
    role_complements: frozenset[str]
    b_object: frozenset[str]
    object_nouns: frozenset[str]
    stance_verbs: frozenset[str]
    #: Verb and participle forms that govern a quoted fragment (FRAGMENT_VERBS), with their gender.
    fragment_verbs: dict[str, str]
    #: Past forms of TOPIC_VERBS.
    topic_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """All tables, normalised once per process."""
    return Lexicon(
        cues=cue_forms(),
        object_first=frozenset(normalize(w) for w in OBJECT_FIRST),
        object_clitic=frozenset(normalize(w) for w in OBJECT_CLITIC),
        impersonal=frozenset(normalize(w) for w in IMPERSONAL),
        source_words=frozenset(normalize(w) for w in SOURCE_WORDS),
        not_sources=_words(NOT_SOURCES),
        honorifics=_words(HONORIFICS),
        ranks=_words(RANKS),
        role_heads=_words(ROLE_HEADS),
        institution_heads=_words(INSTITUTION_HEADS),
        outlet_heads=_words(OUTLET_HEADS),
        anonymous_heads=_words(ANONYMOUS_HEADS),
        comm_nouns=_words(COMM_NOUNS),
        addressee_nouns=_words(ADDRESSEE_NOUNS),
        adjunct_preps=_words(ADJUNCT_PREPS),
        time_words=_words(TIME_WORDS),
        relatives=_words(RELATIVES),
        leading_fillers=_words(LEADING_FILLERS),
        clause_starters=_words(CLAUSE_STARTERS),
        naming_nouns=_words(NAMING_NOUNS),
        first_names=_words(FIRST_NAMES),
        anaphoric_docs=frozenset(normalize(w) for w in ANAPHORIC_DOCS),
        pronoun_preps=_words(PRONOUN_PREPS),
        plural_heads=_words(PLURAL_HEADS),
        naming_verb_starts=tuple(sorted(_words(NAMING_VERB_STARTS))),
        cue_blockers=_words(CUE_BLOCKERS),
        not_complement_before=_words(NOT_COMPLEMENT_BEFORE),
        record_heads=_words(RECORD_HEADS),
        aside_starts=_words(ASIDE_STARTS),
        role_complements=_words(ROLE_COMPLEMENTS),
        b_object=frozenset(normalize(w) for w in B_OBJECT),
        object_nouns=_words(OBJECT_NOUNS),
        stance_verbs=_stance_forms(),
        fragment_verbs=_fragment_forms(),
        topic_verbs=_stance_forms(TOPIC_VERBS),
    )


def _stance_forms(block: str = STANCE_VERBS) -> frozenset[str]:
    """Past forms of the stance verbs: masculine, feminine and plural (رحب رحبت رحبوا)."""
    out = set()
    for v in _words(block):
        stem = v[:-1] if v.endswith(("ي", "ا")) and len(v) > 2 else v
        out.update((v, stem + "ت", stem + "وا"))
    return frozenset(out)


@lru_cache(maxsize=1)
def characterising_forms() -> dict[str, tuple[str, str]]:
    """Forms of CHARACTERISING_VERBS (وصف وصفت وصفوا وصفن يصف تصف) → (the past, gender m / f / pl); an object
    pronoun (وصفه، وصفتها، وصفوه) is stripped before the look-up."""
    out: dict[str, tuple[str, str]] = {}
    for line in CHARACTERISING_VERBS.strip().splitlines():
        past, present = (normalize(w) for w in line.split())
        for form, gender in ((past, "m"), (past + "ت", "f"), (past + "وا", "pl"), (past + "و", "pl"), (past + "ن", "pl")):
            out[form] = (past, gender)
        if present != "-":  # (the present of اعتبر is mostly the passive "is considered": left out)
            for form, gender in ((present, "m"), ("ت" + present[1:], "f"), (present + "ون", "pl"), (present + "و", "pl")):
                out[form] = (past, gender)
    return out


def _fragment_forms() -> dict[str, str]:
    """Past forms (رحب رحبت رحبوا) and participles (مرحبا مرحبة مرحبين) of FRAGMENT_VERBS, with gender."""
    out: dict[str, str] = {}
    for line in FRAGMENT_VERBS.strip().splitlines():
        past, part = (normalize(w) for w in line.split())
        out.update({past: "m", past + "ت": "f", past + "وا": "pl"})
        if part != "-":
            out.update({part + "ا": "m", part + "ه": "f", part + "ين": "pl"})
    return out
